using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// One session between a patient and a clinician, from scheduling to its end: the aggregate that holds
/// the facts behind reliability (both parties keep appointments) and respect (both are on time and
/// prepared).
/// </summary>
/// <remarks>
/// <para>
/// Every command either applies fully, bumping <see cref="Version"/> and recording an event in
/// <see cref="PendingEvents"/>, or throws <see cref="DomainRuleException"/> (codes in
/// <see cref="AppointmentRuleCodes"/>) and changes nothing. No command is a silent no-op. Commands
/// take the instant at which the thing happened: the aggregate never reads a clock.
/// </para>
/// <para>Not thread-safe: like any aggregate, one command at a time. <see cref="Version"/> supports optimistic concurrency in the host.</para>
/// </remarks>
public sealed class Appointment
{
    private readonly ChangeTracker<AppointmentEvent> _changes = new();
    private List<Rescheduling>? _reschedulings;

    private Appointment(AppointmentId id, PatientId patientId, ClinicianId clinicianId, SessionKind kind, SessionSlot slot, Instant scheduledAt)
    {
        Id = id;
        PatientId = patientId;
        ClinicianId = clinicianId;
        Kind = kind;
        Slot = slot;
        ScheduledAt = scheduledAt;
    }

    /// <summary>The appointment's id.</summary>
    public AppointmentId Id { get; }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>What the session is for.</summary>
    public SessionKind Kind { get; }

    /// <summary>The current scheduled slot.</summary>
    public SessionSlot Slot { get; private set; }

    /// <summary>Earlier slots, oldest first, kept when the appointment was rescheduled.</summary>
    public IReadOnlyList<SessionSlot> PreviousSlots => _reschedulings is null ? [] : Array.AsReadOnly(_reschedulings.Select(r => r.PreviousSlot).ToArray());

    /// <summary>Every move to another slot, oldest first: the slot left, who asked and when (a read-only copy).</summary>
    public IReadOnlyList<Rescheduling> Reschedulings => _reschedulings is null ? [] : Array.AsReadOnly(_reschedulings.ToArray());

    /// <summary>The status.</summary>
    public AppointmentStatus Status { get; private set; }

    /// <summary>When the appointment was scheduled.</summary>
    public Instant ScheduledAt { get; }

    /// <summary>When the patient arrived; null until checked in.</summary>
    public Instant? ArrivedAt { get; private set; }

    /// <summary>When the session started; null until started.</summary>
    public Instant? StartedAt { get; private set; }

    /// <summary>When the session ended; null until ended.</summary>
    public Instant? EndedAt { get; private set; }

    /// <summary>When the no-show was recorded; null unless the appointment was marked a no-show (kept if it is later marked entered in error).</summary>
    public Instant? NoShowMarkedAt { get; private set; }

    /// <summary>The cancellation; null unless the appointment was cancelled (kept if it is later marked entered in error).</summary>
    public Cancellation? Cancellation { get; private set; }

    /// <summary>The session's topics, in the order they were taken up; empty until recorded.</summary>
    public ImmutableArray<SessionTopic> Topics { get; private set; } = ImmutableArray<SessionTopic>.Empty;

    /// <summary>How prepared the patient came; null until recorded.</summary>
    public PreparationLevel? PatientPreparation { get; private set; }

    /// <summary>How prepared the clinician came; null until recorded.</summary>
    public PreparationLevel? ClinicianPreparation { get; private set; }

    /// <summary>The psychotherapy code billed; null until recorded.</summary>
    public BilledPsychotherapy? Billing { get; private set; }

    /// <summary>Increments with every change; 1 after scheduling.</summary>
    public long Version => _changes.Version;

    /// <summary>Events recorded since the last <see cref="DequeueEvents"/>, oldest first: a read-only copy taken when read.</summary>
    public IReadOnlyList<AppointmentEvent> PendingEvents => _changes.Pending;

    /// <summary>
    /// How late the patient arrived after the scheduled start: zero when on time or early; null until checked in.
    /// </summary>
    public Duration? PatientLateness => ArrivedAt is { } arrived ? Max(arrived - Slot.Start, Duration.Zero) : null;

    /// <summary>
    /// The start delay attributable to the clinician: from the later of the scheduled start and the
    /// patient's arrival to the actual start; zero when the session started on time. Null until started.
    /// </summary>
    /// <remarks>
    /// A patient who arrives after the scheduled start causes that part of the delay, so it is not
    /// counted against the clinician; only the wait after the patient was there is.
    /// </remarks>
    public Duration? ClinicianStartDelay
    {
        get
        {
            if (StartedAt is not { } started || ArrivedAt is not { } arrived)
            {
                return null;
            }

            Instant readyAt = arrived > Slot.Start ? arrived : Slot.Start;
            return Max(started - readyAt, Duration.Zero);
        }
    }

    /// <summary>How long the session ran past its scheduled end: zero when it ended on time or early; null until ended.</summary>
    public Duration? Overrun => EndedAt is { } ended ? Max(ended - Slot.End, Duration.Zero) : null;

    /// <summary>How long the session actually lasted, from start to end; null until ended.</summary>
    public Duration? ActualLength => EndedAt is { } ended && StartedAt is { } started ? ended - started : null;

    /// <summary>Schedules (proposes) an appointment. It becomes <see cref="AppointmentStatus.Booked"/> on <see cref="Confirm"/>.</summary>
    /// <param name="id">The appointment's id.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="kind">What the session is for.</param>
    /// <param name="slot">When it is scheduled.</param>
    /// <param name="scheduledAt">When the scheduling happened.</param>
    /// <returns>The appointment, version 1, status <see cref="AppointmentStatus.Proposed"/>.</returns>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="slot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static Appointment Schedule(AppointmentId id, PatientId patientId, ClinicianId clinicianId, SessionKind kind, SessionSlot slot, Instant scheduledAt)
    {
        Guards.NotDefault(id, id.Value);
        Guards.NotDefault(patientId, patientId.Value);
        Guards.NotDefault(clinicianId, clinicianId.Value);
        Guard.Against.UndefinedEnum(kind);
        Guard.Against.Null(slot);

        var appointment = new Appointment(id, patientId, clinicianId, kind, slot, scheduledAt) { Status = AppointmentStatus.Proposed };
        appointment._changes.Journal(nameof(Schedule), id, patientId, clinicianId, kind, slot, scheduledAt);
        appointment._changes.Record(new AppointmentScheduled(id, 1, scheduledAt, patientId, clinicianId, slot.Start, slot.End));
        return appointment;
    }

    /// <summary>Confirms a proposed appointment: Proposed → Booked.</summary>
    /// <param name="at">When it was confirmed.</param>
    /// <exception cref="DomainRuleException">The appointment is not proposed (<c>TA.APPT.ILLEGAL_TRANSITION</c>).</exception>
    public void Confirm(Instant at)
    {
        RequireStatus(nameof(Confirm), AppointmentStatus.Proposed);
        Status = AppointmentStatus.Booked;
        _changes.Journal(nameof(Confirm), at);
        _changes.Record(new AppointmentConfirmed(Id, _changes.NextVersion, at));
    }

    /// <summary>Moves the appointment to another slot, keeping the current one in <see cref="PreviousSlots"/>. The status is unchanged.</summary>
    /// <param name="slot">The new slot.</param>
    /// <param name="by">Who asked for the change.</param>
    /// <param name="at">When it was rescheduled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="slot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">
    /// The appointment is not proposed or booked (<c>TA.APPT.ILLEGAL_TRANSITION</c>), or the slot is the current one (<c>TA.APPT.SAME_SLOT</c>).
    /// </exception>
    public void Reschedule(SessionSlot slot, Party by, Instant at)
    {
        Guard.Against.Null(slot);
        Guard.Against.UndefinedEnum(by);
        RequireStatus(nameof(Reschedule), AppointmentStatus.Proposed, AppointmentStatus.Booked);
        if (slot.Equals(Slot))
        {
            throw new DomainRuleException(AppointmentRuleCodes.SameSlot, $"Appointment {Id} is already scheduled in that slot.");
        }

        Instant previousStart = Slot.Start;
        (_reschedulings ??= []).Add(new Rescheduling(Slot, by, at));
        Slot = slot;
        _changes.Journal(nameof(Reschedule), slot, by, at);
        _changes.Record(new AppointmentRescheduled(Id, _changes.NextVersion, at, by, previousStart, slot.Start, slot.End));
    }

    /// <summary>Cancels the appointment: Proposed, Booked or Arrived → Cancelled.</summary>
    /// <param name="by">Who cancelled.</param>
    /// <param name="reasonCode">A reason code token, for example from FHIR <c>appointment-cancellation-reason</c>; never free text.</param>
    /// <param name="at">When the cancellation was made.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is not a code token.</exception>
    /// <exception cref="DomainRuleException">The session has started or the appointment is closed (<c>TA.APPT.ILLEGAL_TRANSITION</c>).</exception>
    public void Cancel(Party by, string reasonCode, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        Guard.Against.InvalidCode(reasonCode);
        RequireStatus(nameof(Cancel), AppointmentStatus.Proposed, AppointmentStatus.Booked, AppointmentStatus.Arrived);
        Cancellation = new Cancellation(by, reasonCode, at, Slot.Start - at, wasConfirmed: Status != AppointmentStatus.Proposed);
        Status = AppointmentStatus.Cancelled;
        _changes.Journal(nameof(Cancel), by, reasonCode, at);
        _changes.Record(new AppointmentCancelled(Id, _changes.NextVersion, at, by, reasonCode));
    }

    /// <summary>Records the patient's arrival: Booked → Arrived.</summary>
    /// <param name="arrivedAt">When the patient arrived.</param>
    /// <exception cref="DomainRuleException">The appointment is not booked (<c>TA.APPT.ILLEGAL_TRANSITION</c>).</exception>
    public void CheckIn(Instant arrivedAt)
    {
        RequireStatus(nameof(CheckIn), AppointmentStatus.Booked);
        Status = AppointmentStatus.Arrived;
        ArrivedAt = arrivedAt;
        _changes.Journal(nameof(CheckIn), arrivedAt);
        _changes.Record(new PatientCheckedIn(Id, _changes.NextVersion, arrivedAt));
    }

    /// <summary>Starts the session: Arrived → InSession.</summary>
    /// <param name="startedAt">When the session started; not before the patient arrived.</param>
    /// <exception cref="DomainRuleException">
    /// The patient has not been checked in (<c>TA.APPT.ILLEGAL_TRANSITION</c>), or the start is before the arrival (<c>TA.APPT.TIME_ORDER</c>).
    /// </exception>
    public void StartSession(Instant startedAt)
    {
        RequireStatus(nameof(StartSession), AppointmentStatus.Arrived);
        if (startedAt < ArrivedAt)
        {
            throw new DomainRuleException(AppointmentRuleCodes.TimeOrder, $"Appointment {Id} cannot start before the patient arrived.");
        }

        Status = AppointmentStatus.InSession;
        StartedAt = startedAt;
        _changes.Journal(nameof(StartSession), startedAt);
        _changes.Record(new SessionStarted(Id, _changes.NextVersion, startedAt));
    }

    /// <summary>Ends the session: InSession → Fulfilled.</summary>
    /// <param name="endedAt">When the session ended; not before it started.</param>
    /// <exception cref="DomainRuleException">
    /// The session is not under way (<c>TA.APPT.ILLEGAL_TRANSITION</c>), the end is before the start (<c>TA.APPT.TIME_ORDER</c>),
    /// or topics already recorded add up to more minutes than the session would have lasted (<c>TA.APPT.TOPIC_MINUTES</c>).
    /// </exception>
    public void EndSession(Instant endedAt)
    {
        RequireStatus(nameof(EndSession), AppointmentStatus.InSession);
        if (endedAt < StartedAt)
        {
            throw new DomainRuleException(AppointmentRuleCodes.TimeOrder, $"Appointment {Id} cannot end before it started.");
        }

        if (TopicMinutes() > (long)(endedAt - StartedAt!.Value).TotalMinutes)
        {
            throw new DomainRuleException(
                AppointmentRuleCodes.TopicMinutesExceedSession,
                $"Appointment {Id}: the recorded topics add up to more minutes than the session would have lasted.");
        }

        Status = AppointmentStatus.Fulfilled;
        EndedAt = endedAt;
        _changes.Journal(nameof(EndSession), endedAt);
        _changes.Record(new SessionEnded(Id, _changes.NextVersion, endedAt));
    }

    /// <summary>Records that the patient did not come: Booked → NoShow, once the grace period after the scheduled start has passed.</summary>
    /// <param name="at">When the no-show is recorded.</param>
    /// <param name="grace">How long after the scheduled start the patient may still arrive (see <see cref="TimeBoundarySettings.NoShowGrace"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grace"/> is negative.</exception>
    /// <exception cref="DomainRuleException">
    /// The appointment is not booked (<c>TA.APPT.ILLEGAL_TRANSITION</c>), or <paramref name="at"/> is before the scheduled start plus the grace (<c>TA.APPT.NO_SHOW_TOO_EARLY</c>).
    /// </exception>
    public void MarkNoShow(Instant at, Duration grace)
    {
        if (grace < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(grace), "The grace period cannot be negative.");
        }

        RequireStatus(nameof(MarkNoShow), AppointmentStatus.Booked);
        if (at < Slot.Start + grace)
        {
            throw new DomainRuleException(
                AppointmentRuleCodes.NoShowTooEarly,
                $"Appointment {Id} cannot be marked as a no-show before its scheduled start plus the grace period.");
        }

        Status = AppointmentStatus.NoShow;
        NoShowMarkedAt = at;
        _changes.Journal(nameof(MarkNoShow), at, grace);
        _changes.Record(new NoShowMarked(Id, _changes.NextVersion, at));
    }

    /// <summary>Records the session's topics, in the order they were taken up, replacing any earlier record.</summary>
    /// <param name="topics">The topics; at least one.</param>
    /// <param name="at">When they were recorded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="topics"/> or an item is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="topics"/> is empty.</exception>
    /// <exception cref="DomainRuleException">
    /// The session has not started or has been closed otherwise (<c>TA.APPT.ILLEGAL_TRANSITION</c>), or the topics add up to more
    /// minutes than the session has lasted by its end or by <paramref name="at"/> (<c>TA.APPT.TOPIC_MINUTES</c>).
    /// </exception>
    public void RecordTopics(IEnumerable<SessionTopic> topics, Instant at)
    {
        Guard.Against.Null(topics);
        ImmutableArray<SessionTopic> list = topics.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("At least one topic is needed.", nameof(topics));
        }

        if (list.Any(t => t is null))
        {
            throw new ArgumentNullException(nameof(topics), "A topic is null.");
        }

        RequireStatus(nameof(RecordTopics), AppointmentStatus.InSession, AppointmentStatus.Fulfilled);
        long total = list.Sum(t => (long)t.Minutes);
        Duration lasted = (EndedAt ?? at) - StartedAt!.Value;
        if (total > (long)lasted.TotalMinutes)
        {
            throw new DomainRuleException(
                AppointmentRuleCodes.TopicMinutesExceedSession,
                $"Appointment {Id}: the topics add up to {total} minutes, more than the session has lasted.");
        }

        Topics = list;
        _changes.Journal(nameof(RecordTopics), list, at);
        _changes.Record(new SessionTopicsRecorded(Id, _changes.NextVersion, at, list.Length, total));
    }

    /// <summary>Records how prepared a party came, replacing any earlier record for that party.</summary>
    /// <param name="by">Whose preparation it is.</param>
    /// <param name="level">How prepared.</param>
    /// <param name="at">When it was recorded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> or <paramref name="level"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">The appointment is proposed, cancelled, a no-show or in error (<c>TA.APPT.ILLEGAL_TRANSITION</c>).</exception>
    public void RecordPreparation(Party by, PreparationLevel level, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        Guard.Against.UndefinedEnum(level);
        RequireStatus(nameof(RecordPreparation), AppointmentStatus.Booked, AppointmentStatus.Arrived, AppointmentStatus.InSession, AppointmentStatus.Fulfilled);
        if (by == Party.Patient)
        {
            PatientPreparation = level;
        }
        else
        {
            ClinicianPreparation = level;
        }

        _changes.Journal(nameof(RecordPreparation), by, level, at);
        _changes.Record(new PreparationRecorded(Id, _changes.NextVersion, at, by, level));
    }

    /// <summary>Records the psychotherapy code billed for a fulfilled session, replacing any earlier record.</summary>
    /// <param name="code">The CPT code.</param>
    /// <param name="psychotherapyTime">
    /// Psychotherapy time documented apart from E/M time; null when not documented separately. Needed for
    /// add-on codes (see <see cref="PsychotherapyCode.IsAddOn"/>), which <c>TA.TIME.CPT_BAND</c> otherwise sends for review.
    /// </param>
    /// <param name="at">When it was recorded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="psychotherapyTime"/> is not positive.</exception>
    /// <exception cref="DomainRuleException">
    /// The session is not fulfilled (<c>TA.APPT.ILLEGAL_TRANSITION</c>), or the psychotherapy time is longer than the session (<c>TA.APPT.TIME_ORDER</c>).
    /// </exception>
    public void RecordBilling(PsychotherapyCode code, Duration? psychotherapyTime, Instant at)
    {
        Guard.Against.Null(code);
        if (psychotherapyTime <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(psychotherapyTime), "Psychotherapy time must be positive.");
        }

        RequireStatus(nameof(RecordBilling), AppointmentStatus.Fulfilled);
        if (psychotherapyTime > ActualLength)
        {
            throw new DomainRuleException(AppointmentRuleCodes.TimeOrder, $"Appointment {Id}: the psychotherapy time is longer than the session.");
        }

        Billing = new BilledPsychotherapy(code, psychotherapyTime, at);
        _changes.Journal(nameof(RecordBilling), code, psychotherapyTime, at);
        _changes.Record(new PsychotherapyBilled(Id, _changes.NextVersion, at, code.Code));
    }

    /// <summary>Marks the appointment as entered in error. Rules skip such appointments.</summary>
    /// <param name="at">When it was marked.</param>
    /// <exception cref="DomainRuleException">It is already marked (<c>TA.APPT.ILLEGAL_TRANSITION</c>).</exception>
    public void MarkEnteredInError(Instant at)
    {
        if (Status == AppointmentStatus.EnteredInError)
        {
            throw IllegalTransition(nameof(MarkEnteredInError), "any status but EnteredInError");
        }

        Status = AppointmentStatus.EnteredInError;
        _changes.Journal(nameof(MarkEnteredInError), at);
        _changes.Record(new AppointmentEnteredInError(Id, _changes.NextVersion, at));
    }

    /// <summary>Whether the appointment was cancelled with less notice than <paramref name="noticePeriod"/>.</summary>
    /// <param name="noticePeriod">The notice the policy asks for (see <see cref="TimeBoundarySettings.CancellationNotice"/>).</param>
    /// <returns>
    /// True when a confirmed appointment was cancelled with shorter notice; false when not cancelled, cancelled in
    /// time, or a proposal that was declined (nothing had been booked).
    /// </returns>
    [Pure]
    public bool IsLateCancellation(Duration noticePeriod) => Cancellation is { WasConfirmed: true } c && c.Notice < noticePeriod;

    /// <summary>Returns and clears the pending events, oldest first, for the host to publish.</summary>
    /// <returns>The events recorded since the last call.</returns>
    public IReadOnlyList<AppointmentEvent> DequeueEvents() => _changes.Dequeue();

    /// <summary>The commands accepted so far, with their arguments: what a caseload document writes as the history.</summary>
    internal IReadOnlyList<JournalEntry> Journal => _changes.Commands;

    /// <summary>Returns the id, status and version. Holds no clinical content.</summary>
    public override string ToString() => $"Appointment {Id} {Status} v{Version}";

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;

    private long TopicMinutes() => Topics.Sum(t => (long)t.Minutes);

    private void RequireStatus(string command, params ReadOnlySpan<AppointmentStatus> allowed)
    {
        if (!StatusHistory<AppointmentStatus>.IsOneOf(Status, allowed))
        {
            throw IllegalTransition(command, string.Join(" or ", allowed.ToArray()));
        }
    }

    private DomainRuleException IllegalTransition(string command, string expected) =>
        new(AppointmentRuleCodes.IllegalTransition, $"{command} is not allowed for appointment {Id} in status {Status} (expected {expected}).");
}
