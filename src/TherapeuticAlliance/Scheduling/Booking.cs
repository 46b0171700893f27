using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// The part of an appointment that calendar checks need: who and when. Hosts that keep their own
/// appointment model can build these directly and call <see cref="CalendarConflicts.Find(System.Collections.Generic.IReadOnlyList{Booking})"/>.
/// </summary>
/// <remarks>The interval is half-open, <c>[Start, End)</c>: a session ending at 10:00 does not overlap one starting at 10:00.</remarks>
public readonly record struct Booking
{
    /// <summary>Creates a booking.</summary>
    /// <param name="appointmentId">The appointment.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="start">The start.</param>
    /// <param name="end">The end, after the start.</param>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public Booking(AppointmentId appointmentId, ClinicianId clinicianId, PatientId patientId, Instant start, Instant end)
    {
        Guards.NotDefault(appointmentId, appointmentId.Value);
        Guards.NotDefault(clinicianId, clinicianId.Value);
        Guards.NotDefault(patientId, patientId.Value);
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "A booking must end after it starts.");
        }

        AppointmentId = appointmentId;
        ClinicianId = clinicianId;
        PatientId = patientId;
        Start = start;
        End = end;
    }

    /// <summary>The appointment.</summary>
    public AppointmentId AppointmentId { get; }

    /// <summary>The clinician.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The start.</summary>
    public Instant Start { get; }

    /// <summary>The end (exclusive).</summary>
    public Instant End { get; }

    /// <summary>The booking of an appointment's current slot.</summary>
    /// <param name="appointment">The appointment.</param>
    /// <returns>The booking.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointment"/> is null.</exception>
    public static Booking Of(Appointment appointment)
    {
        Guard.Against.Null(appointment);
        return new Booking(appointment.Id, appointment.ClinicianId, appointment.PatientId, appointment.Slot.Start, appointment.Slot.End);
    }
}
