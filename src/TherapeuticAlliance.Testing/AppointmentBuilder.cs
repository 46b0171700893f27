using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds appointments through the library's public commands, so every build passes the aggregate's invariants (or
/// throws the library's own exception). By default: a booked 50-minute psychotherapy session of patient <c>p-1</c> with
/// clinician <c>c-1</c> at 09:00 on 2026-06-09 in America/New_York, scheduled a week ahead and confirmed an hour later.
/// </summary>
/// <remarks>
/// <para>
/// What happened on the day is given relative to the slot: the patient checks in at the scheduled start unless told
/// otherwise, the session starts at the later of the scheduled start and the arrival, and it ends at the scheduled end
/// (see <see cref="EndedMinutesLate"/> and <see cref="EndedAfter(int)"/>). Each step implies the ones before it:
/// <see cref="Fulfilled"/> checks in and starts the session first.
/// </para>
/// <para>
/// Ids are <c>a-1</c>, <c>a-2</c>… for successive builds from one builder, unless <see cref="WithId"/> fixes one. A
/// builder is mutable and not thread-safe; each <see cref="Build"/> makes a new appointment.
/// </para>
/// </remarks>
public sealed class AppointmentBuilder
{
    private readonly Ids _ids = new("a");
    private string _patient = BuilderDefaults.Patient;
    private string _clinician = BuilderDefaults.Clinician;
    private SessionKind _kind = SessionKind.Psychotherapy;
    private LocalDateTime _localStart = BuilderDefaults.SessionStart;
    private string _zone = BuilderDefaults.Zone;
    private Duration _length = Duration.FromMinutes(BuilderDefaults.SessionMinutes);
    private Instant? _scheduledAt;
    private bool _confirmed = true;
    private Stage _stage = Stage.Booked;
    private Duration _arrival = Duration.Zero;
    private Duration? _start;
    private Duration? _endAfterScheduledEnd;
    private Duration? _actualLength;
    private Party _cancelledBy;
    private Duration _notice;
    private string? _reasonCode;
    private Duration _noShowGrace = TimeBoundarySettings.Default.NoShowGrace;
    private bool _inError;
    private SessionTopic[]? _topics;
    private PsychotherapyCode? _billingCode;
    private Duration? _psychotherapyTime;

    private enum Stage
    {
        Proposed,
        Booked,
        Arrived,
        InSession,
        Fulfilled,
        Cancelled,
        NoShow,
    }

    /// <summary>Fixes the id of every appointment this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the clinician.</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder WithClinician(string clinicianId)
    {
        _clinician = Guard.Against.Null(clinicianId);
        return this;
    }

    /// <summary>Sets what the session is for (default psychotherapy).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder OfKind(SessionKind kind)
    {
        _kind = kind;
        return this;
    }

    /// <summary>Schedules the session at a local time in a zone, the way the two people agreed on it.</summary>
    /// <param name="localStart">The local start.</param>
    /// <param name="zoneId">An IANA zone id, for example <c>America/New_York</c>.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder At(LocalDateTime localStart, string zoneId)
    {
        _localStart = localStart;
        _zone = Guard.Against.Null(zoneId);
        return this;
    }

    /// <summary>Schedules the session at a local time in the zone already set (default America/New_York).</summary>
    /// <param name="localStart">The local start.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder At(LocalDateTime localStart)
    {
        _localStart = localStart;
        return this;
    }

    /// <summary>Sets the scheduled length in minutes (default 50).</summary>
    /// <param name="minutes">The length.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder Lasting(int minutes) => Lasting(Duration.FromMinutes(minutes));

    /// <summary>Sets the scheduled length (default 50 minutes).</summary>
    /// <param name="length">The length.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder Lasting(Duration length)
    {
        _length = length;
        return this;
    }

    /// <summary>Sets when the appointment was scheduled (default a week before its start); it is confirmed an hour later.</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder ScheduledAt(Instant at)
    {
        _scheduledAt = at;
        return this;
    }

    /// <summary>Leaves the appointment proposed: never confirmed, nothing recorded after it.</summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder Proposed()
    {
        _confirmed = false;
        _stage = Stage.Proposed;
        return this;
    }

    /// <summary>Confirms the appointment and records nothing after that (the default).</summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder Booked()
    {
        _confirmed = true;
        _stage = Stage.Booked;
        return this;
    }

    /// <summary>Checks the patient in at the scheduled start.</summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder CheckedIn() => CheckedInMinutesLate(0);

    /// <summary>Checks the patient in <paramref name="minutes"/> after the scheduled start (negative: early).</summary>
    /// <param name="minutes">The patient's lateness.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder CheckedInMinutesLate(int minutes) => CheckedInLate(Duration.FromMinutes(minutes));

    /// <summary>Checks the patient in <paramref name="lateness"/> after the scheduled start (negative: early), to the tick.</summary>
    /// <param name="lateness">The patient's lateness.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder CheckedInLate(Duration lateness)
    {
        _arrival = lateness;
        return Reach(Stage.Arrived);
    }

    /// <summary>Starts the session at the later of the scheduled start and the patient's arrival.</summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder Started() => Reach(Stage.InSession);

    /// <summary>
    /// Starts the session <paramref name="minutes"/> after the scheduled start. A start before the patient's arrival is
    /// refused by the appointment (<c>TA.APPT.TIME_ORDER</c>) when built.
    /// </summary>
    /// <param name="minutes">Minutes after the scheduled start.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder StartedMinutesLate(int minutes) => StartedLate(Duration.FromMinutes(minutes));

    /// <summary>
    /// Starts the session <paramref name="delay"/> after the scheduled start, to the tick. A start before the patient's
    /// arrival is refused by the appointment (<c>TA.APPT.TIME_ORDER</c>) when built.
    /// </summary>
    /// <param name="delay">How long after the scheduled start.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder StartedLate(Duration delay)
    {
        _start = delay;
        return Reach(Stage.InSession);
    }

    /// <summary>Ends the session: at the scheduled end unless <see cref="EndedMinutesLate"/> or <see cref="EndedAfter(int)"/> says otherwise.</summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder Fulfilled() => Reach(Stage.Fulfilled);

    /// <summary>Ends the session <paramref name="minutes"/> after the scheduled end (negative: early).</summary>
    /// <param name="minutes">The overrun.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder EndedMinutesLate(int minutes) => EndedLate(Duration.FromMinutes(minutes));

    /// <summary>Ends the session <paramref name="overrun"/> after the scheduled end (negative: early), to the tick.</summary>
    /// <param name="overrun">The overrun.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder EndedLate(Duration overrun)
    {
        _endAfterScheduledEnd = overrun;
        _actualLength = null;
        return Reach(Stage.Fulfilled);
    }

    /// <summary>Ends the session <paramref name="minutes"/> after it actually started.</summary>
    /// <param name="minutes">How long the session lasted.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder EndedAfter(int minutes) => EndedAfter(Duration.FromMinutes(minutes));

    /// <summary>Ends the session <paramref name="actualLength"/> after it actually started.</summary>
    /// <param name="actualLength">How long the session lasted.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder EndedAfter(Duration actualLength)
    {
        _actualLength = actualLength;
        _endAfterScheduledEnd = null;
        return Reach(Stage.Fulfilled);
    }

    /// <summary>
    /// Marks the patient as a no-show when the grace period (default 15 minutes, as in
    /// <see cref="TimeBoundarySettings.Default"/>) has run out after the scheduled start.
    /// </summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder NoShow()
    {
        _stage = Stage.NoShow;
        return this;
    }

    /// <summary>Marks the patient as a no-show when <paramref name="graceMinutes"/> have passed after the scheduled start.</summary>
    /// <param name="graceMinutes">The grace period.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder NoShow(int graceMinutes)
    {
        _noShowGrace = Duration.FromMinutes(graceMinutes);
        return NoShow();
    }

    /// <summary>
    /// Cancels the appointment <paramref name="notice"/> before its scheduled start, with the FHIR reason <c>pat</c> or
    /// <c>prov</c> for the party. A proposal cancelled this way was declined; a booked one counts for the late-cancellation rule.
    /// </summary>
    /// <param name="by">Who cancels.</param>
    /// <param name="notice">How long before the scheduled start (negative: after it).</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder CancelledBy(Party by, Duration notice) => CancelledBy(by, notice, by == Party.Patient ? "pat" : "prov");

    /// <summary>Cancels the appointment <paramref name="notice"/> before its scheduled start with a reason code.</summary>
    /// <param name="by">Who cancels.</param>
    /// <param name="notice">How long before the scheduled start.</param>
    /// <param name="reasonCode">A reason code token; never free text.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder CancelledBy(Party by, Duration notice, string reasonCode)
    {
        _cancelledBy = by;
        _notice = notice;
        _reasonCode = Guard.Against.Null(reasonCode);
        _stage = Stage.Cancelled;
        return this;
    }

    /// <summary>Marks the appointment entered in error an hour after the last thing recorded.</summary>
    /// <returns>This builder.</returns>
    public AppointmentBuilder EnteredInError()
    {
        _inError = true;
        return this;
    }

    /// <summary>Records the session's topics when it ends (the session must be fulfilled).</summary>
    /// <param name="topics">The topics, in the order taken up.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder WithTopics(params SessionTopic[] topics)
    {
        _topics = [.. Guard.Against.Null(topics)];
        return Reach(Stage.Fulfilled);
    }

    /// <summary>Records billing when the session ends (the session must be fulfilled).</summary>
    /// <param name="code">The psychotherapy code.</param>
    /// <param name="psychotherapyMinutes">The psychotherapy time documented; null when not documented.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder BilledAs(PsychotherapyCode code, int? psychotherapyMinutes) =>
        Bill(code, psychotherapyMinutes is { } minutes ? Duration.FromMinutes(minutes) : null);

    /// <summary>Records billing when the session ends (the session must be fulfilled), with the psychotherapy time to the tick.</summary>
    /// <param name="code">The psychotherapy code.</param>
    /// <param name="psychotherapyTime">The psychotherapy time documented.</param>
    /// <returns>This builder.</returns>
    public AppointmentBuilder BilledAs(PsychotherapyCode code, Duration psychotherapyTime) => Bill(code, psychotherapyTime);

    /// <summary>The slot the appointments are scheduled in.</summary>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentException">
    /// The length is not positive or too long, or the local start falls in a daylight-saving gap or overlap (the library's message).
    /// </exception>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException">The zone is not known.</exception>
    public SessionSlot BuildSlot() => SessionSlot.Create(_localStart, _zone, _length);

    /// <summary>Builds an appointment by the library's commands, in time order.</summary>
    /// <returns>The appointment.</returns>
    /// <exception cref="ArgumentException">An id or a value is not valid (the library's message).</exception>
    /// <exception cref="DomainRuleException">The overrides ask for a history the appointment refuses (the library's rule code).</exception>
    public Appointment Build()
    {
        SessionSlot slot = BuildSlot();
        Instant scheduledAt = _scheduledAt ?? slot.Start - Duration.FromDays(7);
        Appointment appointment = Appointment.Schedule(
            new AppointmentId(_ids.Next()), new PatientId(_patient), new ClinicianId(_clinician), _kind, slot, scheduledAt);
        Instant last = scheduledAt;
        if (_confirmed)
        {
            last = scheduledAt + Duration.FromHours(1);
            appointment.Confirm(last);
        }

        switch (_stage)
        {
            case Stage.Cancelled:
                last = slot.Start - _notice;
                appointment.Cancel(_cancelledBy, _reasonCode!, last);
                break;
            case Stage.NoShow:
                last = slot.Start + _noShowGrace;
                appointment.MarkNoShow(last, _noShowGrace);
                break;
            case >= Stage.Arrived:
                last = Attend(appointment, slot);
                break;
            default:
                break;
        }

        if (_inError)
        {
            appointment.MarkEnteredInError(last + Duration.FromHours(1));
        }

        return appointment;
    }

    private Instant Attend(Appointment appointment, SessionSlot slot)
    {
        Instant arrivedAt = slot.Start + _arrival;
        appointment.CheckIn(arrivedAt);
        if (_stage == Stage.Arrived)
        {
            return arrivedAt;
        }

        Instant startedAt = _start is { } start ? slot.Start + start : Later(arrivedAt, slot.Start);
        appointment.StartSession(startedAt);
        if (_stage == Stage.InSession)
        {
            return startedAt;
        }

        Instant endedAt = _actualLength is { } length ? startedAt + length : slot.End + (_endAfterScheduledEnd ?? Duration.Zero);
        appointment.EndSession(endedAt);
        if (_topics is not null)
        {
            appointment.RecordTopics(_topics, endedAt);
        }

        if (_billingCode is not null)
        {
            appointment.RecordBilling(_billingCode, _psychotherapyTime, endedAt);
        }

        return endedAt;
    }

    private AppointmentBuilder Bill(PsychotherapyCode code, Duration? psychotherapyTime)
    {
        _billingCode = Guard.Against.Null(code);
        _psychotherapyTime = psychotherapyTime;
        return Reach(Stage.Fulfilled);
    }

    private AppointmentBuilder Reach(Stage stage)
    {
        if (_stage is Stage.Cancelled or Stage.NoShow || _stage < stage)
        {
            _stage = stage;
        }

        return this;
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;
}

