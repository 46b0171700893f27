using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Communication;

/// <summary>
/// What the reliability, feedback and alliance rules look at: one patient-clinician pair's appointments and
/// feedback, as of an instant.
/// </summary>
/// <remarks>Immutable snapshot; the aggregates it holds must not change while rules run.</remarks>
public sealed class AllianceHistory
{
    // The three reliability rules share one attendance record: computed once per window and settings.
    private AttendanceMemo? _attendance;

    /// <summary>Creates a history.</summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="appointments">The pair's appointments, in any order.</param>
    /// <param name="feedback">The pair's feedback, in any order.</param>
    /// <param name="asOf">The instant the rules judge at (from the host's clock).</param>
    /// <exception cref="ArgumentException">An id is the default value, or an appointment or feedback belongs to another pair.</exception>
    /// <exception cref="ArgumentNullException">A list or an item is null.</exception>
    public AllianceHistory(PatientId patientId, ClinicianId clinicianId, IEnumerable<Appointment> appointments, IEnumerable<Feedback> feedback, Instant asOf)
    {
        PatientId = Guards.NotDefault(patientId, patientId.Value);
        ClinicianId = Guards.NotDefault(clinicianId, clinicianId.Value);
        Appointment[] sessions = [.. Guard.Against.Null(appointments)];
        Feedback[] given = [.. Guard.Against.Null(feedback)];
        if (sessions.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(appointments), "An appointment is null.");
        }

        if (given.Any(f => f is null))
        {
            throw new ArgumentNullException(nameof(feedback), "A feedback is null.");
        }

        if (sessions.Any(a => a.PatientId != patientId || a.ClinicianId != clinicianId))
        {
            throw new ArgumentException("Every appointment must belong to the pair.", nameof(appointments));
        }

        if (given.Any(f => f.PatientId != patientId || f.ClinicianId != clinicianId))
        {
            throw new ArgumentException("Every feedback must belong to the pair.", nameof(feedback));
        }

        AsOf = asOf;
        Appointments = [.. sessions.OrderBy(a => a.Slot.Start)];
        FulfilledSessions = [.. sessions.Where(a => a.Status == AppointmentStatus.Fulfilled && a.EndedAt <= asOf).OrderBy(a => a.StartedAt)];
        Feedback = [.. given.Where(f => f.ReceivedAt <= asOf && f.StatusAt(asOf) != FeedbackStatus.EnteredInError).OrderBy(f => f.ReceivedAt)];
    }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>The instant the rules judge at.</summary>
    public Instant AsOf { get; }

    /// <summary>Every appointment, by scheduled start.</summary>
    public ImmutableArray<Appointment> Appointments { get; }

    /// <summary>The fulfilled sessions that ended by <see cref="AsOf"/>, by start.</summary>
    public ImmutableArray<Appointment> FulfilledSessions { get; }

    /// <summary>The feedback received by <see cref="AsOf"/> and not entered in error by then, oldest first.</summary>
    public ImmutableArray<Feedback> Feedback { get; }

    /// <summary>The instrument responses with a given instrument code, oldest first.</summary>
    /// <param name="instrumentCode">The instrument, for example <c>SRS</c>.</param>
    /// <returns>The feedback holding them.</returns>
    public IEnumerable<Feedback> Responses(string instrumentCode) =>
        Feedback.Where(f => string.Equals(f.Instrument?.InstrumentCode, instrumentCode, StringComparison.Ordinal));

    /// <summary>The attendance record over the window ending at <see cref="AsOf"/>, reused while the window and settings stay the same.</summary>
    internal AttendanceRecord Attendance(Duration window, TimeBoundarySettings time)
    {
        // Read once: a concurrent caller at worst computes the same record again.
        AttendanceMemo? memo = _attendance;
        if (memo is null || memo.Window != window || !memo.Time.Equals(time))
        {
            memo = new AttendanceMemo(window, time, AttendanceRecord.Compute(Appointments, AsOf - window, AsOf, time));
            _attendance = memo;
        }

        return memo.Record;
    }

    private sealed record AttendanceMemo(Duration Window, TimeBoundarySettings Time, AttendanceRecord Record);
}
