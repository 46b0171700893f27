using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// <c>TA.TIME.DOUBLE_BOOKING</c> over a calendar: a violation (one person cannot attend two sessions at once)
/// for each appointment in each overlapping pair of the same clinician or the same patient (so both
/// appointments of a pair carry one), and a pass for every other appointment on the calendar. A pair that
/// shares both clinician and patient is reported once, as the clinician's. Only confirmed appointments count
/// (booked, arrived, in session, fulfilled): proposals, cancellations, no-shows and records in error hold no place.
/// </summary>
/// <remarks>Uses <see cref="CalendarConflicts"/>: O(n log n + k). Unlike the per-appointment rules it allocates, in proportion to n.</remarks>
public sealed class DoubleBookingRule : IRule<IEnumerable<Appointment>>
{
    /// <summary>Creates the rule. Any overlap is a double booking, so it has no settings.</summary>
    public DoubleBookingRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.DoubleBooking;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.ClinicSchedulingPolicy;

    /// <inheritdoc/>
    public void Evaluate(IEnumerable<Appointment> subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        List<Appointment> onCalendar = subject.Where(CalendarConflicts.IsOnCalendar).ToList();
        IReadOnlyList<BookingConflict> conflicts = CalendarConflicts.Find(onCalendar);
        var conflicted = new HashSet<AppointmentId>();
        var reported = new HashSet<(AppointmentId, AppointmentId)>();
        foreach (BookingConflict conflict in conflicts)
        {
            // A pair with the same clinician and the same patient is one double booking, reported once
            // (as the clinician's: conflicts come clinician calendars first).
            if (!reported.Add((conflict.First, conflict.Second)))
            {
                continue;
            }

            verdicts.Add(Violation(conflict.First, conflict.Second, conflict));
            verdicts.Add(Violation(conflict.Second, conflict.First, conflict));
            conflicted.Add(conflict.First);
            conflicted.Add(conflict.Second);
        }

        foreach (Appointment appointment in onCalendar)
        {
            if (!conflicted.Contains(appointment.Id))
            {
                verdicts.Add(Pass(appointment.Id));
            }
        }
    }

    /// <summary>The pass of an appointment in no overlapping pair; shared with the compliance audit's calendar pass.</summary>
    internal static Verdict Pass(AppointmentId appointment) =>
        Verdict.Pass(TimeRuleCodes.DoubleBooking, SubjectRef.To(appointment), TimeCitations.ClinicSchedulingPolicy);

    /// <summary>The violation of one appointment of an overlapping pair; shared with the compliance audit's calendar pass.</summary>
    internal static Verdict Violation(AppointmentId subject, AppointmentId other, BookingConflict conflict) =>
        new(TimeRuleCodes.DoubleBooking, Outcome.Violation, SubjectRef.To(subject), TimeCitations.ClinicSchedulingPolicy,
        [
            Evidence.OfId("conflictsWith", other.Value),
            Evidence.OfCode("calendar", conflict.Calendar == Party.Clinician ? "clinician" : "patient"),
            Evidence.OfDuration("overlap", conflict.Overlap),
        ]);
}
