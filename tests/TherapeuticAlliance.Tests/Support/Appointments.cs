using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Support;

/// <summary>
/// Builds appointments for tests: a 50-minute psychotherapy session at 09:00 on Tuesday 2026-06-09 in
/// America/New_York unless told otherwise, and helpers that drive it through its lifecycle relative to
/// the scheduled start.
/// </summary>
internal static class Appointments
{
    public const string Zone = BuilderDefaults.Zone;

    public static readonly LocalDateTime DefaultLocalStart = BuilderDefaults.SessionStart;

    public static readonly Duration DefaultLength = Duration.FromMinutes(BuilderDefaults.SessionMinutes);

    public static SessionSlot Slot(LocalDateTime? localStart = null, Duration? length = null, string zone = Zone) =>
        new AppointmentBuilder().At(localStart ?? DefaultLocalStart, zone).Lasting(length ?? DefaultLength).BuildSlot();

    /// <summary>
    /// An <see cref="AppointmentBuilder"/> for appointment <paramref name="id"/> in <paramref name="slot"/> (default
    /// <see cref="Slot"/>): booked unless told otherwise, scheduled a week ahead and confirmed an hour later.
    /// </summary>
    public static AppointmentBuilder Builder(
        string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        slot ??= Slot();
        return new AppointmentBuilder().WithId(id).ForPatient(patient).WithClinician(clinician).OfKind(kind).At(slot.LocalStart, slot.ZoneId).Lasting(slot.Length);
    }

    /// <summary>A proposed appointment, version 1.</summary>
    public static Appointment Proposed(
        string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null) =>
        Builder(id, patient, clinician, kind, slot).Proposed().Build();

    /// <summary>A confirmed (booked) appointment.</summary>
    public static Appointment Booked(string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null) =>
        Builder(id, patient, clinician, kind, slot).Build();

    /// <summary>A booked appointment whose patient arrived <paramref name="arrivalOffset"/> after the scheduled start (negative: early).</summary>
    public static Appointment Arrived(Duration arrivalOffset = default, SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null) =>
        Builder(kind: kind, slot: slot).CheckedInLate(arrivalOffset).Build();

    /// <summary>A session under way, started at the given offsets from the scheduled start (default: the later of the scheduled start and the arrival).</summary>
    public static Appointment InSession(Duration arrivalOffset = default, Duration? startOffset = null, SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null) =>
        Attended(arrivalOffset, startOffset, kind, slot).Build();

    /// <summary>A fulfilled session: arrival and start at the given offsets from the scheduled start, lasting <paramref name="actualLength"/> (default: the slot length).</summary>
    public static Appointment Fulfilled(
        Duration arrivalOffset = default, Duration? startOffset = null, Duration? actualLength = null, SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        slot ??= Slot();
        return Attended(arrivalOffset, startOffset, kind, slot).EndedAfter(actualLength ?? slot.Length).Build();
    }

    /// <summary>
    /// An appointment (default slot; id, patient and clinician as given, a-1, p-1 and c-1 by default) in
    /// the given status, reached by the shortest legal path: arrival and start at the scheduled start, a
    /// full-length session, a patient cancellation 48 hours ahead, a no-show marked 15 minutes after the
    /// start, entered in error while booked (two hours after it was scheduled). A slot other than the default
    /// may be given (not for Proposed).
    /// </summary>
    public static Appointment InStatus(AppointmentStatus status, string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionSlot? slot = null)
    {
        if (status == AppointmentStatus.Proposed)
        {
            return Proposed(id, patient, clinician);
        }

        AppointmentBuilder builder = Builder(id, patient, clinician, slot: slot);
        return (status switch
        {
            AppointmentStatus.Booked => builder,
            AppointmentStatus.Arrived => builder.CheckedIn(),
            AppointmentStatus.InSession => builder.Started(),
            AppointmentStatus.Fulfilled => builder.Fulfilled(),
            AppointmentStatus.Cancelled => builder.CancelledBy(Party.Patient, Duration.FromHours(48)),
            AppointmentStatus.NoShow => builder.NoShow(graceMinutes: 15),
            AppointmentStatus.EnteredInError => builder.EnteredInError(),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an appointment status."),
        }).Build();
    }

    /// <summary>
    /// The session kind a psychotherapy code may be billed on: an add-on code goes with E/M
    /// (<see cref="SessionKind.MedicationManagementWithPsychotherapy"/>), a stand-alone code with psychotherapy alone.
    /// </summary>
    public static SessionKind KindFor(PsychotherapyCode code) =>
        code.IsAddOn ? SessionKind.MedicationManagementWithPsychotherapy : SessionKind.Psychotherapy;

    /// <summary>
    /// A fulfilled session of the kind that fits <paramref name="code"/> (unless <paramref name="kind"/> says otherwise),
    /// lasting <paramref name="actualLength"/>, billed with that code and psychotherapy time when its session ended.
    /// </summary>
    public static Appointment Billed(PsychotherapyCode code, Duration? psychotherapyTime, Duration actualLength, SessionKind? kind = null)
    {
        AppointmentBuilder builder = Builder(kind: kind ?? KindFor(code)).EndedAfter(actualLength);
        return (psychotherapyTime is { } time ? builder.BilledAs(code, time) : builder.BilledAs(code, psychotherapyMinutes: null)).Build();
    }

    public static Duration Minutes(double minutes) => Duration.FromSeconds(minutes * 60);

    /// <summary>A builder for a session the patient arrived at and that started; the start is the builder's default unless given.</summary>
    private static AppointmentBuilder Attended(Duration arrivalOffset, Duration? startOffset, SessionKind kind, SessionSlot? slot)
    {
        AppointmentBuilder builder = Builder(kind: kind, slot: slot).CheckedInLate(arrivalOffset);
        return startOffset is { } start ? builder.StartedLate(start) : builder.Started();
    }
}
