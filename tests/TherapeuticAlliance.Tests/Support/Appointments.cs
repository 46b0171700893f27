using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Support;

/// <summary>
/// Builds appointments for tests: a 50-minute psychotherapy session at 09:00 on Tuesday 2026-06-09 in
/// America/New_York unless told otherwise, and helpers that drive it through its lifecycle relative to
/// the scheduled start.
/// </summary>
internal static class Appointments
{
    public const string Zone = "America/New_York";

    public static readonly LocalDateTime DefaultLocalStart = new(2026, 6, 9, 9, 0);

    public static readonly Duration DefaultLength = Duration.FromMinutes(50);

    public static SessionSlot Slot(LocalDateTime? localStart = null, Duration? length = null, string zone = Zone) =>
        SessionSlot.Create(localStart ?? DefaultLocalStart, zone, length ?? DefaultLength);

    /// <summary>A proposed appointment, version 1.</summary>
    public static Appointment Proposed(
        string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        slot ??= Slot();
        return Appointment.Schedule(new AppointmentId(id), new PatientId(patient), new ClinicianId(clinician), kind, slot, slot.Start - Duration.FromDays(7));
    }

    /// <summary>A confirmed (booked) appointment.</summary>
    public static Appointment Booked(string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        Appointment appointment = Proposed(id, patient, clinician, kind, slot);
        appointment.Confirm(appointment.ScheduledAt + Duration.FromHours(1));
        return appointment;
    }

    /// <summary>A booked appointment whose patient arrived <paramref name="arrivalOffset"/> after the scheduled start (negative: early).</summary>
    public static Appointment Arrived(Duration arrivalOffset = default, SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        Appointment appointment = Booked(kind: kind, slot: slot);
        appointment.CheckIn(appointment.Slot.Start + arrivalOffset);
        return appointment;
    }

    /// <summary>A session under way, started at the given offsets from the scheduled start.</summary>
    public static Appointment InSession(Duration arrivalOffset = default, Duration? startOffset = null, SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        Appointment appointment = Arrived(arrivalOffset, kind, slot);
        appointment.StartSession(appointment.Slot.Start + (startOffset ?? Max(arrivalOffset, Duration.Zero)));
        return appointment;
    }

    /// <summary>A fulfilled session: arrival and start at the given offsets from the scheduled start, lasting <paramref name="actualLength"/> (default: the slot length).</summary>
    public static Appointment Fulfilled(
        Duration arrivalOffset = default, Duration? startOffset = null, Duration? actualLength = null, SessionKind kind = SessionKind.Psychotherapy, SessionSlot? slot = null)
    {
        Appointment appointment = InSession(arrivalOffset, startOffset, kind, slot);
        appointment.EndSession(appointment.StartedAt!.Value + (actualLength ?? appointment.Slot.Length));
        return appointment;
    }

    /// <summary>
    /// An appointment (default slot; id, patient and clinician as given, a-1, p-1 and c-1 by default) in
    /// the given status, reached by the shortest legal path: arrival and start at the scheduled start, a
    /// full-length session, a patient cancellation 48 hours ahead, a no-show marked 15 minutes after the
    /// start, entered in error while booked. A slot other than the default may be given (not for Proposed).
    /// </summary>
    public static Appointment InStatus(AppointmentStatus status, string id = "a-1", string patient = "p-1", string clinician = "c-1", SessionSlot? slot = null)
    {
        if (status == AppointmentStatus.Proposed)
        {
            return Proposed(id, patient, clinician);
        }

        Appointment appointment = Booked(id, patient, clinician, slot: slot);
        Instant start = appointment.Slot.Start;
        switch (status)
        {
            case AppointmentStatus.Booked:
                break;
            case AppointmentStatus.Arrived:
                appointment.CheckIn(start);
                break;
            case AppointmentStatus.InSession:
                appointment.CheckIn(start);
                appointment.StartSession(start);
                break;
            case AppointmentStatus.Fulfilled:
                appointment.CheckIn(start);
                appointment.StartSession(start);
                appointment.EndSession(start + appointment.Slot.Length);
                break;
            case AppointmentStatus.Cancelled:
                appointment.Cancel(Party.Patient, "pat", start - Duration.FromHours(48));
                break;
            case AppointmentStatus.NoShow:
                appointment.MarkNoShow(start + Duration.FromMinutes(15), Duration.FromMinutes(15));
                break;
            case AppointmentStatus.EnteredInError:
                appointment.MarkEnteredInError(appointment.ScheduledAt + Duration.FromHours(2));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Not an appointment status.");
        }

        return appointment;
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
        Appointment appointment = Fulfilled(actualLength: actualLength, kind: kind ?? KindFor(code));
        appointment.RecordBilling(code, psychotherapyTime, appointment.EndedAt!.Value);
        return appointment;
    }

    public static Duration Minutes(double minutes) => Duration.FromSeconds(minutes * 60);

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
}
