using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// Out of scope: double booking (<see cref="DoubleBookingRule"/>) needs every appointment of a clinician, across patients,
/// so a per-patient audit cannot judge it; run it over each clinician's calendar separately. ORS expected-response
/// curves are licensed and not part of a policy, so <c>TA.ALLIANCE.ORS_NOT_ON_TRACK</c> is not run.
/// </para>
/// <para>
/// Work splits by patient: a host can audit patients on several threads, each into its own
/// <see cref="ComplianceReportBuilder"/> with <see cref="Audit"/>, and combine the builders with
/// <see cref="ComplianceReportBuilder.Merge"/>; the report is the same as <see cref="Run"/>'s.
/// </para>
/// </remarks>
public static class ComplianceAudit
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
        foreach (PatientCaseload patient in patients)
        {
            Guard.Against.Null(patient, nameof(patients));
            rules.Audit(patient, asOf, builder);
        }

        return builder.Build(policy.Id, policy.Version, asOf);
    }

    /// <summary>
    /// Audits one patient against a policy as of an instant, adding the verdicts to a builder and counting the patient
    /// once (<see cref="ComplianceReportBuilder.AddPatient"/>).
    /// </summary>
    /// <param name="policy">The policy whose settings every rule uses.</param>
    /// <param name="patient">The patient's caseload.</param>
    /// <param name="asOf">The instant the audit judges at (from the host's clock).</param>
    /// <param name="into">The builder to add to; build it with the policy's id and version and the same instant.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The policy's alliance settings cannot make rules (see <see cref="AllianceRules.Create"/>).</exception>
    public static void Audit(BoundaryPolicy policy, PatientCaseload patient, Instant asOf, ComplianceReportBuilder into)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(patient);
        Guard.Against.Null(into);
        new PolicyRules(policy).Audit(patient, asOf, into);
    }

    /// <summary>The rule sets of one policy, built once per run.</summary>
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

        public void Audit(PatientCaseload patient, Instant asOf, ComplianceReportBuilder into)
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

            into.AddPatient();
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
