using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>Two bookings of the same person that overlap.</summary>
/// <param name="First">The booking that starts first (on a tie, the smaller id in ordinal order).</param>
/// <param name="Second">The other booking.</param>
/// <param name="Calendar">Whose calendar: the clinician's or the patient's.</param>
/// <param name="Overlap">How long the two overlap.</param>
public readonly record struct BookingConflict(AppointmentId First, AppointmentId Second, Party Calendar, Duration Overlap);
