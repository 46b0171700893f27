using System.Collections.Generic;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// Reliability is mutual: an attendance record that holds both parties to the same standard over a window. For the
/// patient, appointments kept, no-shows, late cancellations and lateness; for the clinician, cancellations, reschedules,
/// and on-time starts and ends.
/// </summary>
/// <remarks>
/// <para>
/// Made by <see cref="Compute"/> over any set of appointments: one pair's, a patient's or a clinician's caseload.
/// An appointment counts when its scheduled start falls in the window, it was confirmed (a declined or never
/// confirmed proposal is no commitment) and it is not entered in error. Arrivals, starts, ends, cancellations and
/// no-shows count only when they happened by the window's end, so a record taken for a past date reads as it would
/// have then (except an entry in error, which the appointment does not date).
/// </para>
/// <para>
/// The patient's commitments are the appointments kept, missed or cancelled late by the patient, so
/// <see cref="KeptRate"/> + <see cref="NoShowRate"/> + <see cref="LateCancellationRate"/> = 1. Cancellations with enough
/// notice are not missed appointments: they are counted apart and left out of the rates.
/// </para>
/// </remarks>
public sealed record AttendanceRecord
{
    private AttendanceRecord()
    {
    }

    /// <summary>The window's start (inclusive).</summary>
    public Instant From { get; private init; }

    /// <summary>The window's end (inclusive): the instant the record is taken at.</summary>
    public Instant AsOf { get; private init; }

    /// <summary>Confirmed appointments whose scheduled start falls in the window.</summary>
    public int Appointments { get; private init; }

    /// <summary>Appointments the patient came to (checked in).</summary>
    public int Kept { get; private init; }

    /// <summary>Appointments marked as no-shows.</summary>
    public int NoShows { get; private init; }

    /// <summary>Cancellations by the patient with less than the notice period.</summary>
    public int PatientLateCancellations { get; private init; }

    /// <summary>Cancellations by the patient with enough notice: not counted against the patient.</summary>
    public int PatientTimelyCancellations { get; private init; }

    /// <summary>Kept appointments where the patient arrived later than the lateness tolerance.</summary>
    public int PatientLateArrivals { get; private init; }

    /// <summary>The mean lateness over kept appointments (arrival before the start counts as zero); null when none were kept.</summary>
    public Duration? MeanPatientLateness { get; private init; }

    /// <summary>The patient's commitments: kept + no-shows + late cancellations by the patient.</summary>
    public int PatientCommitments => Kept + NoShows + PatientLateCancellations;

    /// <summary>Kept ÷ commitments; null when there were none.</summary>
    public double? KeptRate => Rate(Kept, PatientCommitments);

    /// <summary>No-shows ÷ commitments; null when there were none.</summary>
    public double? NoShowRate => Rate(NoShows, PatientCommitments);

    /// <summary>Late cancellations by the patient ÷ commitments; null when there were none.</summary>
    public double? LateCancellationRate => Rate(PatientLateCancellations, PatientCommitments);

    /// <summary>Cancellations by the clinician, with any notice.</summary>
    public int ClinicianCancellations { get; private init; }

    /// <summary>Cancellations by the clinician with less than the notice period.</summary>
    public int ClinicianLateCancellations { get; private init; }

    /// <summary>Moves to another slot that the clinician asked for, made in the window (any appointment not in error).</summary>
    public int ClinicianReschedules { get; private init; }

    /// <summary>Clinician cancellations ÷ appointments; null when there were none.</summary>
    public double? ClinicianCancellationRate => Rate(ClinicianCancellations, Appointments);

    /// <summary>Sessions that started by <see cref="AsOf"/>.</summary>
    public int SessionsStarted { get; private init; }

    /// <summary>Started sessions whose start delay attributable to the clinician was within the tolerance.</summary>
    public int OnTimeStarts { get; private init; }

    /// <summary>Sessions that ended by <see cref="AsOf"/>.</summary>
    public int SessionsEnded { get; private init; }

    /// <summary>Ended sessions whose overrun was within the tolerance.</summary>
    public int OnTimeEnds { get; private init; }

    /// <summary>On-time starts ÷ sessions started; null when none started.</summary>
    public double? OnTimeStartRate => Rate(OnTimeStarts, SessionsStarted);

    /// <summary>On-time ends ÷ sessions ended; null when none ended.</summary>
    public double? OnTimeEndRate => Rate(OnTimeEnds, SessionsEnded);

    /// <summary>Takes the attendance record of a set of appointments over a window.</summary>
    /// <param name="appointments">The appointments; any that fall outside the window are ignored.</param>
    /// <param name="from">The window's start (inclusive).</param>
    /// <param name="asOf">The window's end (inclusive), from the host's clock.</param>
    /// <param name="settings">The notice period and tolerances; <see cref="TimeBoundarySettings.Default"/> when null.</param>
    /// <returns>The record.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="appointments"/> or an item is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="asOf"/> is before <paramref name="from"/>.</exception>
    [Pure]
    public static AttendanceRecord Compute(IEnumerable<Appointment> appointments, Instant from, Instant asOf, TimeBoundarySettings? settings = null)
    {
        Guard.Against.Null(appointments);
        Guard.Against.Expression(x => x, asOf < from, "The window ends before it starts.", nameof(asOf));
        settings ??= TimeBoundarySettings.Default;
        int count = 0, kept = 0, noShows = 0, patientLate = 0, patientTimely = 0, lateArrivals = 0;
        int clinicianCancellations = 0, clinicianLate = 0, reschedules = 0, started = 0, onTimeStarts = 0, ended = 0, onTimeEnds = 0;
        Duration lateness = Duration.Zero;
        foreach (Appointment appointment in appointments)
        {
            Guard.Against.Null(appointment, nameof(appointments));
            if (appointment.Status == AppointmentStatus.EnteredInError)
            {
                continue;
            }

            foreach (Rescheduling move in appointment.Reschedulings)
            {
                if (move.By == Party.Clinician && move.At >= from && move.At <= asOf)
                {
                    reschedules++;
                }
            }

            Instant start = appointment.Slot.Start;
            if (start < from || start > asOf || appointment.Status == AppointmentStatus.Proposed || appointment.Cancellation is { WasConfirmed: false })
            {
                continue;
            }

            count++;
            if (appointment.Cancellation is { } cancellation && cancellation.At <= asOf)
            {
                int late = appointment.IsLateCancellation(settings.CancellationNotice) ? 1 : 0;
                if (cancellation.By == Party.Patient)
                {
                    patientLate += late;
                    patientTimely += 1 - late;
                }
                else
                {
                    clinicianCancellations++;
                    clinicianLate += late;
                }
            }
            else if (appointment.NoShowMarkedAt <= asOf)
            {
                noShows++;
            }
            else if (appointment.PatientLateness is { } arrivedLate && appointment.ArrivedAt <= asOf)
            {
                kept++;
                lateness += arrivedLate;
                lateArrivals += arrivedLate > settings.PatientLatenessTolerance ? 1 : 0;
            }

            if (appointment.StartedAt <= asOf && appointment.ClinicianStartDelay is { } delay)
            {
                started++;
                onTimeStarts += delay <= settings.ClinicianLateStartTolerance ? 1 : 0;
            }

            if (appointment.EndedAt <= asOf && appointment.Overrun is { } overrun)
            {
                ended++;
                onTimeEnds += overrun <= settings.OverrunTolerance ? 1 : 0;
            }
        }

        return new AttendanceRecord
        {
            From = from,
            AsOf = asOf,
            Appointments = count,
            Kept = kept,
            NoShows = noShows,
            PatientLateCancellations = patientLate,
            PatientTimelyCancellations = patientTimely,
            PatientLateArrivals = lateArrivals,
            MeanPatientLateness = kept == 0 ? null : lateness / kept,
            ClinicianCancellations = clinicianCancellations,
            ClinicianLateCancellations = clinicianLate,
            ClinicianReschedules = reschedules,
            SessionsStarted = started,
            OnTimeStarts = onTimeStarts,
            SessionsEnded = ended,
            OnTimeEnds = onTimeEnds,
        };
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
