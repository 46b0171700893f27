using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Communication;

/// <summary>The lifecycle of feedback.</summary>
public enum FeedbackStatus
{
    /// <summary>Received; not yet acknowledged.</summary>
    Open = 0,

    /// <summary>The clinician has seen it.</summary>
    Acknowledged = 1,

    /// <summary>The clinician acted on it; <see cref="Feedback.Response"/> says how.</summary>
    Addressed = 2,

    /// <summary>Closed without a response; only feedback that is not negative can close this way.</summary>
    Closed = 3,

    /// <summary>Recorded by mistake; kept, but ignored by the rules.</summary>
    EnteredInError = 4,
}

/// <summary>
/// Feedback on the sessions themselves, asked for by the clinician or offered by the patient: either session
/// feedback (direction, unproductive topics, pace, comment) or an instrument response (for example an SRS).
/// The second half of open communication: feedback asked for and acted on.
/// </summary>
/// <remarks>
/// <para>
/// Lifecycle: <see cref="FeedbackStatus.Open"/> → <see cref="FeedbackStatus.Acknowledged"/> →
/// <see cref="FeedbackStatus.Addressed"/> (with a <see cref="FeedbackResponse"/>), or
/// <see cref="FeedbackStatus.Closed"/> without one. Negative feedback (<see cref="IsNegative"/>) cannot close without
/// a response (<c>TA.FEEDBACK.RESPONSE_REQUIRED</c>). Changes are kept in time order (<c>TA.FEEDBACK.TIME_ORDER</c>).
/// </para>
/// <para>
/// Every command applies fully, bumping <see cref="Version"/> and recording an event, or throws
/// <see cref="DomainRuleException"/> (codes in <see cref="FeedbackRuleCodes"/>) and changes nothing. The comment
/// never appears in <see cref="ToString"/>, events, exception messages or verdicts. Not thread-safe.
/// </para>
/// </remarks>
public sealed class Feedback
{
    private readonly ChangeTracker<FeedbackEvent> _changes = new();
    private readonly StatusHistory<FeedbackStatus> _history = new();

    private Feedback(
        FeedbackId id, PatientId patientId, ClinicianId clinicianId, AppointmentId? appointmentId, FeedbackSolicitation solicitation,
        SessionFeedback? session, InstrumentResponse? instrument, Instant receivedAt)
    {
        Id = id;
        PatientId = patientId;
        ClinicianId = clinicianId;
        AppointmentId = appointmentId;
        Solicitation = solicitation;
        Session = session;
        Instrument = instrument;
        ReceivedAt = receivedAt;
    }

    /// <summary>The feedback's id.</summary>
    public FeedbackId Id { get; }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician the feedback is for.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>The session it is about; null when it is about no one session.</summary>
    public AppointmentId? AppointmentId { get; }

    /// <summary>Whether the clinician asked for it.</summary>
    public FeedbackSolicitation Solicitation { get; }

    /// <summary>The session feedback; null for an instrument response.</summary>
    public SessionFeedback? Session { get; }

    /// <summary>The instrument response; null for session feedback.</summary>
    public InstrumentResponse? Instrument { get; }

    /// <summary>When it was given.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>The current status.</summary>
    public FeedbackStatus Status { get; private set; }

    /// <summary>When the clinician acknowledged it (or addressed it, which acknowledges it); null until then.</summary>
    public Instant? AcknowledgedAt { get; private set; }

    /// <summary>When it was addressed or closed; null while it is open or acknowledged.</summary>
    public Instant? ResolvedAt { get; private set; }

    /// <summary>How it was addressed; null unless <see cref="FeedbackStatus.Addressed"/>.</summary>
    public FeedbackResponse? Response { get; private set; }

    /// <summary>
    /// Whether the feedback is negative: session feedback whose direction does not feel right or that names an
    /// unproductive topic or goal, or an instrument total below its cutoff.
    /// </summary>
    public bool IsNegative => Session?.IsNegative ?? Instrument!.IsBelowCutoff;

    /// <summary>Increments with every change; 1 after receiving.</summary>
    public long Version => _changes.Version;

    /// <summary>Events recorded since the last <see cref="DequeueEvents"/>, oldest first.</summary>
    public IReadOnlyList<FeedbackEvent> PendingEvents => _changes.Pending;

    /// <summary>Records feedback on one session.</summary>
    /// <param name="id">The feedback's id.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="appointmentId">The session it is about.</param>
    /// <param name="solicitation">Whether the clinician asked for it.</param>
    /// <param name="content">What the patient said.</param>
    /// <param name="receivedAt">When it was given.</param>
    /// <returns>The feedback, version 1, status <see cref="FeedbackStatus.Open"/>.</returns>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="solicitation"/> is not defined.</exception>
    public static Feedback ForSession(
        FeedbackId id, PatientId patientId, ClinicianId clinicianId, AppointmentId appointmentId, FeedbackSolicitation solicitation,
        SessionFeedback content, Instant receivedAt)
    {
        Guards.NotDefault(appointmentId, appointmentId.Value);
        Guard.Against.Null(content);
        Feedback feedback = Create(id, patientId, clinicianId, appointmentId, solicitation, content, null, receivedAt);
        feedback._changes.Journal(nameof(ForSession), id, patientId, clinicianId, appointmentId, solicitation, content, receivedAt);
        return feedback;
    }

    /// <summary>Records an instrument response; it is received when it was completed.</summary>
    /// <param name="id">The feedback's id.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="appointmentId">The session it follows (for example the session an SRS rates); null when none.</param>
    /// <param name="solicitation">Whether the clinician asked for it.</param>
    /// <param name="response">The scored response.</param>
    /// <returns>The feedback, version 1, status <see cref="FeedbackStatus.Open"/>.</returns>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="solicitation"/> is not defined.</exception>
    public static Feedback ForInstrument(
        FeedbackId id, PatientId patientId, ClinicianId clinicianId, AppointmentId? appointmentId, FeedbackSolicitation solicitation,
        InstrumentResponse response)
    {
        if (appointmentId is { } appointment)
        {
            Guards.NotDefault(appointment, appointment.Value, nameof(appointmentId));
        }

        Guard.Against.Null(response);
        Feedback feedback = Create(id, patientId, clinicianId, appointmentId, solicitation, null, response, response.At);
        feedback._changes.Journal(nameof(ForInstrument), id, patientId, clinicianId, appointmentId, solicitation, response);
        return feedback;
    }

    /// <summary>The clinician has seen the feedback: Open → Acknowledged.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">
    /// It is not open (<c>TA.FEEDBACK.ILLEGAL_TRANSITION</c>), or <paramref name="at"/> is before the previous change (<c>TA.FEEDBACK.TIME_ORDER</c>).
    /// </exception>
    public void Acknowledge(Instant at)
    {
        RequireStatus(nameof(Acknowledge), FeedbackStatus.Open);
        RequireNotBefore(at);
        AcknowledgedAt = at;
        ChangeStatus(FeedbackStatus.Acknowledged, at);
        _changes.Journal(nameof(Acknowledge), at);
    }

    /// <summary>Records how the clinician acted on the feedback: Open or Acknowledged → Addressed. Addressing open feedback also acknowledges it.</summary>
    /// <param name="response">What was done.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="DomainRuleException">
    /// It is already addressed, closed or in error (<c>TA.FEEDBACK.ILLEGAL_TRANSITION</c>), or <paramref name="at"/> is before the previous change (<c>TA.FEEDBACK.TIME_ORDER</c>).
    /// </exception>
    public void Address(FeedbackResponse response, Instant at)
    {
        Guard.Against.Null(response);
        RequireStatus(nameof(Address), FeedbackStatus.Open, FeedbackStatus.Acknowledged);
        RequireNotBefore(at);
        AcknowledgedAt ??= at;
        ResolvedAt = at;
        Response = response;
        Status = FeedbackStatus.Addressed;
        _history.Add(Status, at);
        _changes.Record(new FeedbackAddressed(Id, _changes.NextVersion, at, response));
        _changes.Journal(nameof(Address), response, at);
    }

    /// <summary>Closes feedback that needs no response: Open or Acknowledged → Closed.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">
    /// It is already addressed, closed or in error (<c>TA.FEEDBACK.ILLEGAL_TRANSITION</c>); it is negative, so it needs
    /// <see cref="Address"/> (<c>TA.FEEDBACK.RESPONSE_REQUIRED</c>); or <paramref name="at"/> is before the previous change (<c>TA.FEEDBACK.TIME_ORDER</c>).
    /// </exception>
    public void Close(Instant at)
    {
        RequireStatus(nameof(Close), FeedbackStatus.Open, FeedbackStatus.Acknowledged);
        if (IsNegative)
        {
            throw new DomainRuleException(FeedbackRuleCodes.ResponseRequired, $"Feedback {Id} is negative: it cannot be closed without a response.");
        }

        RequireNotBefore(at);
        ResolvedAt = at;
        ChangeStatus(FeedbackStatus.Closed, at);
        _changes.Journal(nameof(Close), at);
    }

    /// <summary>Marks the feedback as entered in error. Everything recorded is kept.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">
    /// It is already marked (<c>TA.FEEDBACK.ILLEGAL_TRANSITION</c>), or <paramref name="at"/> is before the previous change (<c>TA.FEEDBACK.TIME_ORDER</c>).
    /// </exception>
    public void MarkEnteredInError(Instant at)
    {
        if (Status == FeedbackStatus.EnteredInError)
        {
            throw IllegalTransition(nameof(MarkEnteredInError), "any status but EnteredInError");
        }

        RequireNotBefore(at);
        ChangeStatus(FeedbackStatus.EnteredInError, at);
        _changes.Journal(nameof(MarkEnteredInError), at);
    }

    /// <summary>The status the feedback had at an instant: the last change at or before it; Open before the first.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The status then.</returns>
    [Pure]
    public FeedbackStatus StatusAt(Instant at) => _history.At(at, FeedbackStatus.Open);

    /// <summary>Returns and clears the pending events, oldest first.</summary>
    /// <returns>The events recorded since the last call.</returns>
    public IReadOnlyList<FeedbackEvent> DequeueEvents() => _changes.Dequeue();

    /// <summary>The commands accepted so far, with their arguments: what a caseload document writes as the history.</summary>
    internal IReadOnlyList<JournalEntry> Journal => _changes.Commands;

    /// <summary>Returns the id, kind, status and version. Never the comment.</summary>
    public override string ToString() => $"Feedback {Id} {(Session is null ? Instrument!.InstrumentCode : "session")} {Status} v{Version}";

    private static Feedback Create(
        FeedbackId id, PatientId patientId, ClinicianId clinicianId, AppointmentId? appointmentId, FeedbackSolicitation solicitation,
        SessionFeedback? session, InstrumentResponse? instrument, Instant receivedAt)
    {
        Guards.NotDefault(id, id.Value);
        Guards.NotDefault(patientId, patientId.Value);
        Guards.NotDefault(clinicianId, clinicianId.Value);
        Guard.Against.UndefinedEnum(solicitation);
        var feedback = new Feedback(id, patientId, clinicianId, appointmentId, solicitation, session, instrument, receivedAt) { Status = FeedbackStatus.Open };
        feedback._history.Add(FeedbackStatus.Open, receivedAt);
        feedback._changes.Record(new FeedbackReceived(id, 1, receivedAt, patientId, clinicianId, appointmentId, solicitation, feedback.IsNegative));
        return feedback;
    }

    private void ChangeStatus(FeedbackStatus status, Instant at)
    {
        Status = status;
        _history.Add(status, at);
        _changes.Record(new FeedbackStatusChanged(Id, _changes.NextVersion, at, status));
    }

    private void RequireNotBefore(Instant at)
    {
        if (at < _history.LastChangeAt!.Value)
        {
            throw new DomainRuleException(FeedbackRuleCodes.TimeOrder, $"Feedback {Id}: a change cannot be dated before the feedback's previous change.");
        }
    }

    private void RequireStatus(string command, params ReadOnlySpan<FeedbackStatus> allowed)
    {
        if (!StatusHistory<FeedbackStatus>.IsOneOf(Status, allowed))
        {
            throw IllegalTransition(command, string.Join(" or ", allowed.ToArray()));
        }
    }

    private DomainRuleException IllegalTransition(string command, string expected) =>
        new(FeedbackRuleCodes.IllegalTransition, $"{command} is not allowed for feedback {Id} in status {Status} (expected {expected}).");
}
