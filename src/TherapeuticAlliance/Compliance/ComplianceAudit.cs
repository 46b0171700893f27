using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// Runs every applicable rule of a <see cref="BoundaryPolicy"/> over patients' caseloads as of an instant, and collects
/// the verdicts into a <see cref="ComplianceReport"/>.
/// </summary>
/// <remarks>
/// <para>
/// A pure function of its inputs: the policy, the caseloads and the instant. It reads no clock and no global state, and
/// every rule is built from the policy's own settings (<see cref="BoundaryPolicy.Settings"/>: time, planning, alliance,
/// dual-relationship and confidentiality), never from the libraries' defaults. The order patients are given in, the
/// order rules are evaluated in and the order builders are merged in do not matter: the report sorts everything.
/// </para>
/// <para>For each patient it runs:</para>
/// <list type="bullet">
/// <item><description>the time rules (<c>TA.TIME.*</c>) on each appointment whose slot starts at or before the instant,
/// attributed to the appointment's clinician;</description></item>
/// <item><description>the reliability, feedback and alliance rules (<c>TA.TRUST.*</c>, <c>TA.COMM.*</c>, <c>TA.ALLIANCE.*</c>)
/// once per clinician the patient has appointments or feedback with, over that pair's <see cref="AllianceHistory"/>;</description></item>
/// <item><description>the planning rules (<c>TA.FOCUS.*</c>, <c>TA.COMM.*</c>) once per plan, over a <see cref="TreatmentEpisode"/>
/// of the plan, all the patient's goals, the appointments with the plan's clinician and the patient's prescriptions (the
/// rule judges those the plan's clinician wrote), attributed to the plan's clinician;</description></item>
/// <item><description>the dual-relationship rules (<c>TA.DUAL.*</c>) once per clinician with declarations, over the course dated
/// by the pair's appointments whose slot starts at or before the instant (<see cref="TreatmentCourse.TryFromAppointments"/>,
/// terminated when the clinician is in <see cref="PatientCaseload.TerminatedWith"/>). When those appointments cannot date a
/// course (none was held, or a terminated treatment has none the patient came to), the pair's declarations are skipped and
/// count nothing: a host that knows the dates should judge them with <see cref="DualRelationshipCheck"/> directly;</description></item>
/// <item><description>the confidentiality rules (<c>TA.CONF.*</c>) on each disclosure, decided against the patient's
/// authorizations and attributed to the patient alone (no clinician).</description></item>
/// </list>
/// <para>
/// Double booking (<c>TA.TIME.DOUBLE_BOOKING</c>, as <see cref="DoubleBookingRule"/> judges it) on each appointment that
/// holds a place on a calendar (booked, arrived, in session or fulfilled: not proposed, cancelled, a no-show or entered in
/// error) and whose slot starts at or before the instant. An appointment whose slot starts later is not judged, nor is an
/// overlap with it. The patient's own calendar (one patient booked with two clinicians at once) is judged per patient;
/// a clinician's calendar crosses patients, so each such appointment is collected, compactly, in
/// <see cref="ClinicianCalendars"/>, and the clinicians' calendars are judged once every patient has been audited. Each
/// appointment of an overlapping pair gets a violation attributed to its own patient and clinician, and every other
/// appointment one pass; a pair with the same clinician and the same patient is reported once, as the clinician's. This
/// part's memory grows with the number of appointments judged (about 60 bytes each on a 64-bit runtime, plus the id's
/// string it keeps alive: about 100 bytes for a nine-character id), not with the size of the caseloads.
/// </para>
/// <para>
/// Out of scope: ORS expected-response curves are licensed and not part of a policy, so
/// <c>TA.ALLIANCE.ORS_NOT_ON_TRACK</c> is not run.
/// </para>
/// <para>
/// It streams: the patients are read once, in one pass, and each is let go when audited (unless the caller holds it), so
/// memory grows with the largest patient's history (and the clinicians' calendars), not with the number of patients.
/// <see cref="Run(BoundaryPolicy, IEnumerable{PatientCaseload}, Instant, ComplianceAuditOptions, CancellationToken)"/>
/// audits on several threads: the caller's thread reads the patients and hands each to a worker through a bounded
/// queue, so at most three patients per worker are in memory; each worker audits into its own builder and calendars,
/// merged at the end. The report is the same as the sequential
/// <see cref="Run(BoundaryPolicy, IEnumerable{PatientCaseload}, Instant)"/>'s for any degree of parallelism.
/// </para>
/// <para>
/// Work splits by patient: a host can also fan patients out itself (over threads or a distributed engine), auditing each
/// into its own <see cref="ComplianceReportBuilder"/> and <see cref="ClinicianCalendars"/> with
/// <see cref="Audit(BoundaryPolicy, PatientCaseload, Instant, ComplianceReportBuilder, ClinicianCalendars)"/>, then
/// combining the builders with <see cref="ComplianceReportBuilder.Merge"/> and the calendars with
/// <see cref="ClinicianCalendars.Merge"/>, and judging the combined calendars into the combined builder with
/// <see cref="ClinicianCalendars.Judge"/>: the report is the same as <see cref="Run(BoundaryPolicy, IEnumerable{PatientCaseload}, Instant)"/>'s.
/// </para>
/// </remarks>
public static partial class ComplianceAudit
{
    /// <summary>Audits patients against a policy as of an instant.</summary>
    /// <param name="policy">The policy whose settings every rule uses; its id and version name the report.</param>
    /// <param name="patients">The patients' caseloads, in any order.</param>
    /// <param name="asOf">The instant the audit judges at (from the host's clock).</param>
    /// <returns>The report: one patient counted per caseload, verdicts counted, findings sorted.</returns>
    /// <exception cref="ArgumentNullException">An argument or a caseload is null.</exception>
    /// <exception cref="ArgumentException">The policy's alliance settings cannot make rules (see <see cref="AllianceRules.Create"/>).</exception>
    public static ComplianceReport Run(BoundaryPolicy policy, IEnumerable<PatientCaseload> patients, Instant asOf)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(patients);
        var rules = new PolicyRules(policy);
        var builder = new ComplianceReportBuilder();
        var calendars = new ClinicianCalendars();
        foreach (PatientCaseload patient in patients)
        {
            Guard.Against.Null(patient, nameof(patients));
            rules.Audit(patient, asOf, builder, calendars);
        }

        calendars.Judge(builder);
        return builder.Build(policy.Id, policy.Version, asOf);
    }

    /// <summary>
    /// Audits patients against a policy as of an instant on several threads, reading the patients once, on the caller's
    /// thread, as they are needed: the report is the same as
    /// <see cref="Run(BoundaryPolicy, IEnumerable{PatientCaseload}, Instant)"/>'s.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The caller's thread enumerates <paramref name="patients"/> (it may read a file) and hands each patient to one of
    /// <see cref="ComplianceAuditOptions.MaxDegreeOfParallelism"/> worker threads through a queue of at most two patients
    /// per worker. It reads the next patient only while fewer than three per worker have been read and not yet audited,
    /// so only a few patients are in memory at once whatever the number of patients. Each worker audits into its own
    /// <see cref="ComplianceReportBuilder"/> and <see cref="ClinicianCalendars"/>; they are merged when every patient has
    /// been audited, the clinicians' calendars are judged, and the report sorts everything, so neither the number of
    /// workers nor the order they finish in changes it.
    /// </para>
    /// <para>
    /// When reading a patient or auditing one throws, the audit stops: the other workers finish the patient they hold and
    /// take no more, the enumerator is disposed, and the exception is rethrown as it was (an
    /// <see cref="AggregateException"/> only when several were thrown). Cancellation stops it the same way, within the
    /// audit of one patient per worker, and throws <see cref="OperationCanceledException"/>.
    /// </para>
    /// </remarks>
    /// <param name="policy">The policy whose settings every rule uses; its id and version name the report.</param>
    /// <param name="patients">The patients' caseloads, in any order; enumerated once, on the caller's thread.</param>
    /// <param name="asOf">The instant the audit judges at (from the host's clock).</param>
    /// <param name="options">How many workers, and where progress goes.</param>
    /// <param name="cancellationToken">Stops the audit.</param>
    /// <returns>The report: one patient counted per caseload, verdicts counted, findings sorted.</returns>
    /// <exception cref="ArgumentNullException">An argument or a caseload is null.</exception>
    /// <exception cref="ArgumentException">The policy's alliance settings cannot make rules (see <see cref="AllianceRules.Create"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="AggregateException">Reading or auditing patients threw more than one exception.</exception>
    public static ComplianceReport Run(
        BoundaryPolicy policy, IEnumerable<PatientCaseload> patients, Instant asOf, ComplianceAuditOptions options, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(patients);
        Guard.Against.Null(options);
        cancellationToken.ThrowIfCancellationRequested();
        var rules = new PolicyRules(policy);
        ParallelAudit.Result result = ParallelAudit.Run(rules, patients, asOf, options, cancellationToken);
        result.Calendars.Judge(result.Builder);
        return result.Builder.Build(policy.Id, policy.Version, asOf);
    }

    /// <summary>
    /// Audits one patient against a policy as of an instant, adding the verdicts to a builder and counting the patient
    /// once (<see cref="ComplianceReportBuilder.AddPatient"/>).
    /// </summary>
    /// <param name="policy">The policy whose settings every rule uses.</param>
    /// <param name="patient">The patient's caseload.</param>
    /// <param name="asOf">The instant the audit judges at (from the host's clock).</param>
    /// <param name="into">The builder to add to; build it with the policy's id and version and the same instant.</param>
    /// <remarks>
    /// Judges double booking on the patient's own calendar only (violations, for two appointments with different
    /// clinicians at once), not on the clinicians' calendars, which cross patients, and gives no double-booking passes:
    /// those need every patient. To judge them, use the overload that collects the patient's appointments in
    /// <see cref="ClinicianCalendars"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The policy's alliance settings cannot make rules (see <see cref="AllianceRules.Create"/>).</exception>
    public static void Audit(BoundaryPolicy policy, PatientCaseload patient, Instant asOf, ComplianceReportBuilder into)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(patient);
        Guard.Against.Null(into);
        new PolicyRules(policy).Audit(patient, asOf, into, calendars: null);
    }

    /// <summary>
    /// Audits one patient against a policy as of an instant, adding the verdicts to a builder and counting the patient
    /// once, and collects the patient's appointments for the double-booking check on their clinicians' calendars.
    /// </summary>
    /// <remarks>
    /// Does not judge the clinicians' calendars: when every patient has been audited (and the calendars of separate
    /// workers merged with <see cref="ClinicianCalendars.Merge"/>), call <see cref="ClinicianCalendars.Judge"/> once,
    /// into the builder (or the merged builders).
    /// </remarks>
    /// <param name="policy">The policy whose settings every rule uses.</param>
    /// <param name="patient">The patient's caseload.</param>
    /// <param name="asOf">The instant the audit judges at (from the host's clock).</param>
    /// <param name="into">The builder to add to; build it with the policy's id and version and the same instant.</param>
    /// <param name="calendars">Where the patient's appointments are collected, per clinician.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The policy's alliance settings cannot make rules (see <see cref="AllianceRules.Create"/>).</exception>
    /// <exception cref="InvalidOperationException"><paramref name="calendars"/> have already been judged.</exception>
    public static void Audit(BoundaryPolicy policy, PatientCaseload patient, Instant asOf, ComplianceReportBuilder into, ClinicianCalendars calendars)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(patient);
        Guard.Against.Null(into);
        Guard.Against.Null(calendars);
        calendars.NotJudged();
        new PolicyRules(policy).Audit(patient, asOf, into, calendars);
    }

    /// <summary>The rule sets of one policy, built once per run. Thread-safe: the rule sets are immutable.</summary>
    private sealed class PolicyRules
    {
        private readonly RuleSet<Appointment> _time;
        private readonly RuleSet<AllianceHistory> _alliance;
        private readonly RuleSet<TreatmentEpisode> _planning;
        private readonly DualRelationshipSettings _dual;
        private readonly ConfidentialitySettings _confidentiality;

        public PolicyRules(BoundaryPolicy policy)
        {
            BoundarySettings settings = policy.Settings;
            _time = TimeBoundaryRules.Create(settings.Time);
            _alliance = AllianceRules.Create(settings.Alliance, settings.Time);
            _planning = PlanningRules.Create(settings.Planning);
            _dual = settings.Dual;
            _confidentiality = settings.Confidentiality;
        }

        public void Audit(PatientCaseload patient, Instant asOf, ComplianceReportBuilder into, ClinicianCalendars? calendars)
        {
            PatientId patientId = patient.PatientId;
            var verdicts = new List<Verdict>();
            ILookup<ClinicianId, Appointment> appointmentsByClinician = patient.Appointments.ToLookup(a => a.ClinicianId);
            ILookup<ClinicianId, Feedback> feedbackByClinician = patient.Feedback.ToLookup(f => f.ClinicianId);

            foreach (Appointment appointment in patient.Appointments)
            {
                if (appointment.Slot.Start <= asOf)
                {
                    _time.Evaluate(appointment, verdicts);
                    Flush(into, patientId, appointment.ClinicianId, verdicts);
                }
            }

            foreach (ClinicianId clinician in appointmentsByClinician.Select(g => g.Key).Union(feedbackByClinician.Select(g => g.Key)))
            {
                var history = new AllianceHistory(patientId, clinician, appointmentsByClinician[clinician], feedbackByClinician[clinician], asOf);
                _alliance.Evaluate(history, verdicts);
                Flush(into, patientId, clinician, verdicts);
            }

            foreach (TreatmentPlan plan in patient.Plans)
            {
                var episode = new TreatmentEpisode(plan, patient.Goals, appointmentsByClinician[plan.ClinicianId], patient.Prescriptions, asOf);
                _planning.Evaluate(episode, verdicts);
                Flush(into, patientId, plan.ClinicianId, verdicts);
            }

            foreach (IGrouping<ClinicianId, RelationshipDeclaration> declarations in patient.RelationshipDeclarations.GroupBy(d => d.ClinicianId))
            {
                ClinicianId clinician = declarations.Key;
                Appointment[] held = [.. appointmentsByClinician[clinician].Where(a => a.Slot.Start <= asOf)];
                if (TreatmentCourse.TryFromAppointments(patientId, clinician, held, patient.IsTerminatedWith(clinician)) is not { } course)
                {
                    continue;
                }

                verdicts.AddRange(DualRelationshipCheck.Evaluate(_dual, course, declarations));
                Flush(into, patientId, clinician, verdicts);
            }

            foreach (DisclosureRequest disclosure in patient.Disclosures)
            {
                verdicts.AddRange(DisclosureCheck.Decide(_confidentiality, disclosure, patient.Authorizations).Verdicts);
                Flush(into, patientId, null, verdicts);
            }

            JudgeCalendars(patient, asOf, into, calendars);
            into.AddPatient();
        }

        /// <summary>
        /// Judges the patient's own calendar and collects the appointments for their clinicians' calendars. The patient's
        /// calendar reports only pairs with different clinicians: a pair with the same clinician is the clinician's double
        /// booking, judged with the clinician's calendar.
        /// </summary>
        private static void JudgeCalendars(PatientCaseload patient, Instant asOf, ComplianceReportBuilder into, ClinicianCalendars? calendars)
        {
            PatientId patientId = patient.PatientId;
            var bookings = new List<Booking>();
            foreach (Appointment appointment in patient.Appointments)
            {
                if (appointment.Slot.Start <= asOf && CalendarConflicts.IsOnCalendar(appointment))
                {
                    // The caseload's patient id, not the appointment's copy: one string per patient stays in the calendars.
                    bookings.Add(new Booking(appointment.Id, appointment.ClinicianId, patientId, appointment.Slot.Start, appointment.Slot.End));
                }
            }

            HashSet<AppointmentId>? conflicted = null;
            if (bookings.Count > 1)
            {
                List<BookingConflict> conflicts = CalendarConflicts.FindOn(Party.Patient, bookings);
                if (conflicts.Count > 0)
                {
                    var clinicianOf = new Dictionary<AppointmentId, ClinicianId>();
                    foreach (Booking booking in bookings)
                    {
                        clinicianOf.TryAdd(booking.AppointmentId, booking.ClinicianId);
                    }

                    foreach (BookingConflict conflict in conflicts)
                    {
                        ClinicianId first = clinicianOf[conflict.First];
                        ClinicianId second = clinicianOf[conflict.Second];
                        if (first == second)
                        {
                            continue;
                        }

                        into.Add(patientId, first, DoubleBookingRule.Violation(conflict.First, conflict.Second, conflict));
                        into.Add(patientId, second, DoubleBookingRule.Violation(conflict.Second, conflict.First, conflict));
                        conflicted ??= [];
                        conflicted.Add(conflict.First);
                        conflicted.Add(conflict.Second);
                    }
                }
            }

            if (calendars is not null)
            {
                foreach (Booking booking in bookings)
                {
                    calendars.Add(booking, conflicted?.Contains(booking.AppointmentId) == true);
                }
            }
        }

        private static void Flush(ComplianceReportBuilder into, PatientId patientId, ClinicianId? clinicianId, List<Verdict> verdicts)
        {
            foreach (Verdict verdict in verdicts)
            {
                into.Add(patientId, clinicianId, verdict);
            }

            verdicts.Clear();
        }
    }
}
