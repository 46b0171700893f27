using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// The clinicians' calendars of an audit: every appointment <see cref="ComplianceAudit"/> judges for double booking
/// (<c>TA.TIME.DOUBLE_BOOKING</c>), collected per clinician across patients while the patients are audited, and judged
/// on each clinician's calendar with <see cref="Judge"/> once every patient has been.
/// </summary>
/// <remarks>
/// <para>
/// A clinician's calendar crosses patients, so a per-patient audit cannot judge it: <see cref="ComplianceAudit.Run(Boundaries.BoundaryPolicy, IEnumerable{PatientCaseload}, Instant)"/>
/// does this itself. A host that fans patients out on its own gives each worker one of these with its builder
/// (<see cref="ComplianceAudit.Audit(Boundaries.BoundaryPolicy, PatientCaseload, Instant, ComplianceReportBuilder, ClinicianCalendars)"/>),
/// combines them with <see cref="Merge"/> (in any order) and calls <see cref="Judge"/> once on the combined
/// calendars; with the merged builders, the report is <see cref="ComplianceAudit.Run(Boundaries.BoundaryPolicy, IEnumerable{PatientCaseload}, Instant)"/>'s.
/// </para>
/// <para>
/// Memory grows with the number of appointments collected, not with the size of the caseloads: one compact entry per
/// appointment (its id, its patient and its slot: 48 bytes, about 60 with the lists' spare room, plus the id's string,
/// which it keeps alive) and,
/// for the rare appointment already double-booked on its patient's calendar, one more. Hosts with their own appointment
/// model can judge calendars directly with <see cref="CalendarConflicts.Find(IReadOnlyList{Booking})"/>.
/// </para>
/// <para>Not thread-safe: use one per thread, like <see cref="ComplianceReportBuilder"/>.</para>
/// </remarks>
public sealed class ClinicianCalendars
{
    private readonly Dictionary<ClinicianId, List<Entry>> _calendars = [];

    // Appointments already double-booked on their patient's calendar: they get no pass on the clinician's.
    private readonly HashSet<(PatientId Patient, AppointmentId Appointment)> _conflictedOnPatientCalendar = [];

    private bool _judged;

    /// <summary>Creates empty calendars.</summary>
    public ClinicianCalendars()
    {
    }

    /// <summary>How many appointments have been collected (merged calendars included).</summary>
    public int AppointmentCount { get; private set; }

    /// <summary>Adds everything other calendars hold to these; the other calendars are unchanged.</summary>
    /// <param name="other">The calendars to take in; not these.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is these calendars.</exception>
    /// <exception cref="InvalidOperationException">These calendars have already been judged.</exception>
    public void Merge(ClinicianCalendars other)
    {
        Guard.Against.Null(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("Calendars cannot be merged into themselves.", nameof(other));
        }

        NotJudged();
        foreach (KeyValuePair<ClinicianId, List<Entry>> calendar in other._calendars)
        {
            CalendarOf(calendar.Key).AddRange(calendar.Value);
        }

        _conflictedOnPatientCalendar.UnionWith(other._conflictedOnPatientCalendar);
        AppointmentCount = checked(AppointmentCount + other.AppointmentCount);
    }

    /// <summary>
    /// Judges every collected appointment on its clinician's calendar and adds the verdicts to a builder: for each
    /// appointment of each overlapping pair a violation (the same as <see cref="DoubleBookingRule"/>'s, calendar
    /// <c>clinician</c>), and a pass for every appointment in no overlapping pair on either calendar. Each verdict is
    /// attributed to the appointment's own patient and clinician. Call it once, after every patient has been audited.
    /// </summary>
    /// <param name="into">The builder to add to: the one the patients were audited into, or one merged with them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
    /// <exception cref="InvalidOperationException">These calendars have already been judged.</exception>
    public void Judge(ComplianceReportBuilder into)
    {
        Guard.Against.Null(into);
        NotJudged();
        _judged = true;
        var bookings = new List<Booking>();
        var conflicted = new HashSet<AppointmentId>();
        foreach (KeyValuePair<ClinicianId, List<Entry>> calendar in _calendars)
        {
            ClinicianId clinician = calendar.Key;
            List<Entry> entries = calendar.Value;
            bookings.Clear();
            conflicted.Clear();
            foreach (Entry entry in entries)
            {
                bookings.Add(new Booking(entry.AppointmentId, clinician, entry.PatientId, entry.Start, entry.End));
            }

            List<BookingConflict> conflicts = CalendarConflicts.FindOn(Party.Clinician, bookings);
            if (conflicts.Count > 0)
            {
                var patientOf = new Dictionary<AppointmentId, PatientId>();
                foreach (Entry entry in entries)
                {
                    patientOf.TryAdd(entry.AppointmentId, entry.PatientId);
                }

                foreach (BookingConflict conflict in conflicts)
                {
                    into.Add(patientOf[conflict.First], clinician, DoubleBookingRule.Violation(conflict.First, conflict.Second, conflict));
                    into.Add(patientOf[conflict.Second], clinician, DoubleBookingRule.Violation(conflict.Second, conflict.First, conflict));
                    conflicted.Add(conflict.First);
                    conflicted.Add(conflict.Second);
                }
            }

            foreach (Entry entry in entries)
            {
                if (!conflicted.Contains(entry.AppointmentId) && !_conflictedOnPatientCalendar.Contains((entry.PatientId, entry.AppointmentId)))
                {
                    into.Add(entry.PatientId, clinician, DoubleBookingRule.Pass(entry.AppointmentId));
                }
            }
        }
    }

    /// <summary>Collects one appointment for its clinician's calendar.</summary>
    /// <param name="booking">The appointment's booking, naming the caseload's patient.</param>
    /// <param name="conflictedOnPatientCalendar">Whether the audit found it double-booked on the patient's calendar.</param>
    internal void Add(Booking booking, bool conflictedOnPatientCalendar)
    {
        NotJudged();
        CalendarOf(booking.ClinicianId).Add(new Entry(booking.AppointmentId, booking.PatientId, booking.Start, booking.End));
        if (conflictedOnPatientCalendar)
        {
            _conflictedOnPatientCalendar.Add((booking.PatientId, booking.AppointmentId));
        }

        AppointmentCount = checked(AppointmentCount + 1);
    }

    private List<Entry> CalendarOf(ClinicianId clinician)
    {
        if (!_calendars.TryGetValue(clinician, out List<Entry>? entries))
        {
            entries = [];
            _calendars.Add(clinician, entries);
        }

        return entries;
    }

    /// <summary>Throws when the calendars have been judged: checked before a patient is audited, so nothing is half added.</summary>
    internal void NotJudged()
    {
        if (_judged)
        {
            throw new InvalidOperationException("The calendars have already been judged; collect a new audit's in new calendars.");
        }
    }

    /// <summary>
    /// What the clinician's calendar needs of an appointment (the clinician is the calendar's key): 48 bytes on a 64-bit
    /// runtime (two references and two instants).
    /// </summary>
    private readonly record struct Entry(AppointmentId AppointmentId, PatientId PatientId, Instant Start, Instant End);
}
