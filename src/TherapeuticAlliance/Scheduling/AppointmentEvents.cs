using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scheduling;

/// <summary>Something that happened to an appointment. Holds ids, codes and instants only.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The appointment's version after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record AppointmentEvent(AppointmentId AppointmentId, long Version, Instant OccurredAt) : IDomainEvent;

/// <summary>The appointment was scheduled (proposed).</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change (1).</param>
/// <param name="OccurredAt">When it was scheduled.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="Start">The scheduled start.</param>
/// <param name="End">The scheduled end.</param>
public sealed record AppointmentScheduled(AppointmentId AppointmentId, long Version, Instant OccurredAt, PatientId PatientId, ClinicianId ClinicianId, Instant Start, Instant End)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The appointment was confirmed (booked).</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was confirmed.</param>
public sealed record AppointmentConfirmed(AppointmentId AppointmentId, long Version, Instant OccurredAt)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The appointment was moved to another slot; the previous slot is kept.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was rescheduled.</param>
/// <param name="By">Who asked for the change.</param>
/// <param name="PreviousStart">The previous scheduled start.</param>
/// <param name="Start">The new scheduled start.</param>
/// <param name="End">The new scheduled end.</param>
public sealed record AppointmentRescheduled(AppointmentId AppointmentId, long Version, Instant OccurredAt, Party By, Instant PreviousStart, Instant Start, Instant End)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The appointment was cancelled.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was cancelled.</param>
/// <param name="By">Who cancelled.</param>
/// <param name="ReasonCode">The reason code.</param>
public sealed record AppointmentCancelled(AppointmentId AppointmentId, long Version, Instant OccurredAt, Party By, string ReasonCode)
    : AppointmentEvent(AppointmentId, Version, OccurredAt)
{
    private readonly string _reasonCode = Guard.Against.InvalidCode(ReasonCode);

    /// <summary>The reason code; checked to be a code token. Checked on every assignment, <c>with</c> included.</summary>
    public string ReasonCode { get => _reasonCode; init => _reasonCode = Guard.Against.InvalidCode(value); }
}

/// <summary>The patient arrived and was checked in.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When the patient arrived.</param>
public sealed record PatientCheckedIn(AppointmentId AppointmentId, long Version, Instant OccurredAt)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The session started.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it started.</param>
public sealed record SessionStarted(AppointmentId AppointmentId, long Version, Instant OccurredAt)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The session ended.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it ended.</param>
public sealed record SessionEnded(AppointmentId AppointmentId, long Version, Instant OccurredAt)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The patient was marked as not having come.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When the no-show was recorded.</param>
public sealed record NoShowMarked(AppointmentId AppointmentId, long Version, Instant OccurredAt)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>The session's topics were recorded (replacing any earlier record).</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When they were recorded.</param>
/// <param name="TopicCount">How many topics.</param>
/// <param name="TotalMinutes">Their total minutes.</param>
public sealed record SessionTopicsRecorded(AppointmentId AppointmentId, long Version, Instant OccurredAt, int TopicCount, long TotalMinutes)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>A party's preparation for the session was recorded.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="By">The party whose preparation it is.</param>
/// <param name="Level">How prepared they were.</param>
public sealed record PreparationRecorded(AppointmentId AppointmentId, long Version, Instant OccurredAt, Party By, PreparationLevel Level)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);

/// <summary>A psychotherapy code was billed for the session.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Code">The CPT code.</param>
public sealed record PsychotherapyBilled(AppointmentId AppointmentId, long Version, Instant OccurredAt, string Code)
    : AppointmentEvent(AppointmentId, Version, OccurredAt)
{
    private readonly string _code = Guard.Against.InvalidCode(Code);

    /// <summary>The CPT code; checked to be a code token. Checked on every assignment, <c>with</c> included.</summary>
    public string Code { get => _code; init => _code = Guard.Against.InvalidCode(value); }
}

/// <summary>The appointment was marked as entered in error.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was marked.</param>
public sealed record AppointmentEnteredInError(AppointmentId AppointmentId, long Version, Instant OccurredAt)
    : AppointmentEvent(AppointmentId, Version, OccurredAt);
