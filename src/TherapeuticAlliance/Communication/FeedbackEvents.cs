using NodaTime;

namespace TherapeuticAlliance.Communication;

/// <summary>Something that happened to feedback. Holds ids, codes and instants only, never the comment.</summary>
/// <param name="FeedbackId">The feedback.</param>
/// <param name="Version">The feedback's version after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record FeedbackEvent(FeedbackId FeedbackId, long Version, Instant OccurredAt) : IDomainEvent;

/// <summary>Feedback was received.</summary>
/// <param name="FeedbackId">The feedback.</param>
/// <param name="Version">The version after the change (1).</param>
/// <param name="OccurredAt">When it was given.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="AppointmentId">The session it is about, if any.</param>
/// <param name="Solicitation">Whether it was asked for.</param>
/// <param name="IsNegative">Whether it is negative (and so needs a response before it can close).</param>
public sealed record FeedbackReceived(
    FeedbackId FeedbackId, long Version, Instant OccurredAt, PatientId PatientId, ClinicianId ClinicianId, AppointmentId? AppointmentId,
    FeedbackSolicitation Solicitation, bool IsNegative)
    : FeedbackEvent(FeedbackId, Version, OccurredAt);

/// <summary>The feedback's status changed (acknowledged, closed without a response, entered in error).</summary>
/// <param name="FeedbackId">The feedback.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it changed.</param>
/// <param name="Status">The new status.</param>
public sealed record FeedbackStatusChanged(FeedbackId FeedbackId, long Version, Instant OccurredAt, FeedbackStatus Status)
    : FeedbackEvent(FeedbackId, Version, OccurredAt);

/// <summary>The feedback was addressed with a response.</summary>
/// <param name="FeedbackId">The feedback.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was addressed.</param>
/// <param name="Response">The response.</param>
public sealed record FeedbackAddressed(FeedbackId FeedbackId, long Version, Instant OccurredAt, FeedbackResponse Response)
    : FeedbackEvent(FeedbackId, Version, OccurredAt);
