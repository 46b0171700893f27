using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Support;

/// <summary>
/// Builds appointments and alliance histories for the attendance and reliability tests: patient p-1 and clinician c-1,
/// 50-minute sessions at 09:00 America/New_York on day N counted from Tuesday 2026-06-09 (see <see cref="Appointments"/>),
/// id <c>a-N</c> unless told otherwise, judged at <see cref="AsOf"/> (the start of day 80, 2026-08-28 13:00 UTC). The
/// default 90-day attendance window then starts exactly at the start of day -10 (<see cref="WindowStart"/>): every day
/// from -10 to 80 is in daylight saving time, so slot starts are whole days apart.
/// </summary>
internal static class AllianceHistories
{
    public const string Patient = "p-1";

    public const string Clinician = "c-1";

    public static readonly PatientId PatientId = new(Patient);

    public static readonly ClinicianId ClinicianId = new(Clinician);

    /// <summary>The instant the histories are judged at: the scheduled start of day 80.</summary>
    public static readonly Instant AsOf = Start(80);

    /// <summary>The start of the default 90-day attendance window: <see cref="AsOf"/> − 90 days, the scheduled start of day -10.</summary>
    public static readonly Instant WindowStart = AsOf - Duration.FromDays(90);

    /// <summary>The 50-minute slot at 09:00 New York on day <paramref name="day"/>.</summary>
    public static SessionSlot Slot(int day) => Appointments.Slot(Appointments.DefaultLocalStart.PlusDays(day));

    /// <summary>The scheduled start of day <paramref name="day"/>'s slot.</summary>
    public static Instant Start(int day) => Slot(day).Start;

    /// <summary>An <see cref="AppointmentBuilder"/> for appointment <paramref name="id"/> (default <c>a-N</c>) on day <paramref name="day"/>.</summary>
    public static AppointmentBuilder Builder(int day, string? id = null, string patient = Patient, string clinician = Clinician) =>
        Appointments.Builder(id ?? $"a-{day}", patient, clinician, slot: Slot(day));

    /// <summary>A proposal on day <paramref name="day"/>, never confirmed.</summary>
    public static Appointment Proposed(int day, string? id = null, string patient = Patient, string clinician = Clinician) =>
        Builder(day, id, patient, clinician).Proposed().Build();

    /// <summary>A confirmed appointment on day <paramref name="day"/> with nothing recorded after the booking.</summary>
    public static Appointment Booked(int day, string? id = null, string patient = Patient, string clinician = Clinician) =>
        Builder(day, id, patient, clinician).Build();

    /// <summary>
    /// A kept session on day <paramref name="day"/>: see <see cref="Keep"/>.
    /// </summary>
    public static Appointment Kept(
        int day, Duration arrival = default, Duration startDelay = default, Duration overrun = default, bool ended = true, string? id = null)
    {
        AppointmentBuilder builder = Builder(day, id).CheckedInLate(arrival).StartedLate((arrival > Duration.Zero ? arrival : Duration.Zero) + startDelay);
        return (ended ? builder.EndedLate(overrun) : builder).Build();
    }

    /// <summary>
    /// Drives a booked appointment to a kept session: the patient arrives <paramref name="arrival"/> after the scheduled
    /// start (negative: early), the session starts <paramref name="startDelay"/> after the later of the scheduled start and
    /// the arrival (the delay attributable to the clinician) and, when <paramref name="ended"/>, ends
    /// <paramref name="overrun"/> after the scheduled end (negative: early); otherwise it stays in session.
    /// </summary>
    public static Appointment Keep(Appointment appointment, Duration arrival = default, Duration startDelay = default, Duration overrun = default, bool ended = true)
    {
        Instant start = appointment.Slot.Start;
        Instant arrivedAt = start + arrival;
        appointment.CheckIn(arrivedAt);
        appointment.StartSession((arrivedAt > start ? arrivedAt : start) + startDelay);
        if (ended)
        {
            appointment.EndSession(appointment.Slot.End + overrun);
        }

        return appointment;
    }

    /// <summary>A no-show on day <paramref name="day"/>, marked when the 15-minute grace ran out.</summary>
    public static Appointment NoShow(int day, string? id = null) => Builder(day, id).NoShow(graceMinutes: 15).Build();

    /// <summary>A confirmed appointment on day <paramref name="day"/> cancelled by <paramref name="by"/> <paramref name="notice"/> before its start.</summary>
    public static Appointment Cancelled(int day, Party by, Duration notice, string? id = null) =>
        Builder(day, id).CancelledBy(by, notice, ReasonFor(by)).Build();

    /// <summary>A proposal on day <paramref name="day"/> that the patient declined two days ahead (never confirmed).</summary>
    public static Appointment Declined(int day, string? id = null) => Builder(day, id).Proposed().CancelledBy(Party.Patient, Duration.FromDays(2), "pat").Build();

    /// <summary>Marks <paramref name="appointment"/> entered in error (a day after it was scheduled) and returns it.</summary>
    public static Appointment InError(Appointment appointment)
    {
        appointment.MarkEnteredInError(appointment.ScheduledAt + Duration.FromDays(1));
        return appointment;
    }

    /// <summary>The FHIR cancellation reason for a party: <c>pat</c> or <c>prov</c>.</summary>
    public static string ReasonFor(Party by) => by == Party.Patient ? "pat" : "prov";

    /// <summary>
    /// The patient's commitments on successive days from <paramref name="firstDay"/>: <paramref name="kept"/> kept sessions,
    /// then <paramref name="noShows"/> no-shows, then <paramref name="lateCancellations"/> cancellations by the patient two hours ahead.
    /// </summary>
    public static Appointment[] Commitments(int kept, int noShows = 0, int lateCancellations = 0, int firstDay = 0)
    {
        var appointments = new List<Appointment>();
        int day = firstDay;
        for (int i = 0; i < kept; i++)
        {
            appointments.Add(Kept(day++));
        }

        for (int i = 0; i < noShows; i++)
        {
            appointments.Add(NoShow(day++));
        }

        for (int i = 0; i < lateCancellations; i++)
        {
            appointments.Add(Cancelled(day++, Party.Patient, Duration.FromHours(2)));
        }

        return [.. appointments];
    }

    /// <summary>The pair's history of <paramref name="appointments"/>, with no feedback, judged at <paramref name="asOf"/> (default <see cref="AsOf"/>).</summary>
    public static AllianceHistory History(IEnumerable<Appointment> appointments, Instant? asOf = null) =>
        new(PatientId, ClinicianId, appointments, [], asOf ?? AsOf);
}
