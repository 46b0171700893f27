using System;
using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds a <see cref="PatientCaseload"/>: one patient's records for <see cref="ComplianceAudit"/>. By default: patient
/// <c>p-1</c> with no records at all (a valid caseload the audit counts and finds nothing in); add records with the
/// <c>With…</c> methods, either built already or as the package's builders.
/// </summary>
/// <remarks>
/// <para>
/// Every record of a caseload must belong to its patient. A nested builder (for example an <see cref="AppointmentBuilder"/>)
/// is built when <see cref="Build"/> runs, after this builder has set its patient on it with <c>ForPatient</c>: so the
/// nested builder is changed, and the patient given last to this builder wins. A record given already built is kept as
/// it is; one of another patient makes <see cref="Build"/> throw the library's <see cref="ArgumentException"/>, naming
/// the list it is in.
/// </para>
/// <para>
/// Records keep the order they were added in. A plan from a <see cref="TreatmentPlanBuilder"/> brings the goal that
/// builder made for it (its default goal) into the caseload's goals, so that the audit sees the goal the plan serves;
/// goals given to the plan builder with <see cref="TreatmentPlanBuilder.WithGoals"/> are the caller's to add with
/// <see cref="WithGoal(Goal)"/>.
/// </para>
/// <para>
/// Each <see cref="Build"/> builds the nested builders again, which number their records on (<c>a-1</c>, then
/// <c>a-2</c>…) unless their ids are fixed. Mutable; not thread-safe.
/// </para>
/// </remarks>
public sealed class PatientCaseloadBuilder
{
    private readonly List<Func<string, Appointment>> _appointments = [];
    private readonly List<Func<string, Goal>> _goals = [];
    private readonly List<Func<string, (TreatmentPlan Plan, Goal[] Goals)>> _plans = [];
    private readonly List<Func<string, Prescription>> _prescriptions = [];
    private readonly List<Func<string, Feedback>> _feedback = [];
    private readonly List<Func<string, RelationshipDeclaration>> _declarations = [];
    private readonly List<Func<string, Authorization>> _authorizations = [];
    private readonly List<Func<string, DisclosureRequest>> _disclosures = [];
    private readonly List<string> _terminatedWith = [];
    private string _patient = BuilderDefaults.Patient;

    /// <summary>The patient's id, as <see cref="Build"/> will use it (default <c>p-1</c>).</summary>
    public string PatientId => _patient;

    /// <summary>Sets the patient; nested builders are given this patient when the caseload is built.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Adds an appointment, built with the caseload's patient when the caseload is built.</summary>
    /// <param name="appointment">The appointment's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithAppointment(AppointmentBuilder appointment)
    {
        Guard.Against.Null(appointment);
        _appointments.Add(patient => appointment.ForPatient(patient).Build());
        return this;
    }

    /// <summary>Adds an appointment as it is; it must be the caseload's patient's.</summary>
    /// <param name="appointment">The appointment.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithAppointment(Appointment appointment)
    {
        Guard.Against.Null(appointment);
        _appointments.Add(_ => appointment);
        return this;
    }

    /// <summary>Adds a goal, built with the caseload's patient when the caseload is built.</summary>
    /// <param name="goal">The goal's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithGoal(GoalBuilder goal)
    {
        Guard.Against.Null(goal);
        _goals.Add(patient => goal.ForPatient(patient).Build());
        return this;
    }

    /// <summary>Adds a goal as it is; it must be the caseload's patient's.</summary>
    /// <param name="goal">The goal.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithGoal(Goal goal)
    {
        Guard.Against.Null(goal);
        _goals.Add(_ => goal);
        return this;
    }

    /// <summary>
    /// Adds a treatment plan, built with the caseload's patient when the caseload is built; the goal the plan builder makes
    /// by default is added to the caseload's goals after the goals added directly.
    /// </summary>
    /// <param name="plan">The plan's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithPlan(TreatmentPlanBuilder plan)
    {
        Guard.Against.Null(plan);
        _plans.Add(patient =>
        {
            TreatmentPlan built = plan.ForPatient(patient).Build(out Goal[] made);
            return (built, made);
        });
        return this;
    }

    /// <summary>Adds a treatment plan as it is; it must be the caseload's patient's, and its goals are added with <see cref="WithGoal(Goal)"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithPlan(TreatmentPlan plan)
    {
        Guard.Against.Null(plan);
        _plans.Add(_ => (plan, []));
        return this;
    }

    /// <summary>Adds a prescription as it is; it must name the caseload's patient.</summary>
    /// <param name="prescription">The prescription.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithPrescription(Prescription prescription)
    {
        Guard.Against.Null(prescription);
        _prescriptions.Add(_ => prescription);
        return this;
    }

    /// <summary>Adds a prescription of the caseload's patient, written by a clinician (default <c>c-1</c>).</summary>
    /// <param name="medicationCode">The medication's code, for example <c>rx-sertraline</c>.</param>
    /// <param name="prescribedAt">When it was prescribed.</param>
    /// <param name="prescriberId">The prescriber's id.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithPrescription(string medicationCode, Instant prescribedAt, string prescriberId = BuilderDefaults.Clinician)
    {
        Guard.Against.Null(medicationCode);
        Guard.Against.Null(prescriberId);
        _prescriptions.Add(patient => new Prescription(new PatientId(patient), new ClinicianId(prescriberId), medicationCode, prescribedAt));
        return this;
    }

    /// <summary>Adds feedback, built with the caseload's patient when the caseload is built.</summary>
    /// <param name="feedback">The feedback's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithFeedback(FeedbackBuilder feedback)
    {
        Guard.Against.Null(feedback);
        _feedback.Add(patient => feedback.ForPatient(patient).Build());
        return this;
    }

    /// <summary>Adds feedback as it is; it must be the caseload's patient's.</summary>
    /// <param name="feedback">The feedback.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithFeedback(Feedback feedback)
    {
        Guard.Against.Null(feedback);
        _feedback.Add(_ => feedback);
        return this;
    }

    /// <summary>Adds a relationship declaration, built with the caseload's patient when the caseload is built.</summary>
    /// <param name="declaration">The declaration's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithDeclaration(RelationshipDeclarationBuilder declaration)
    {
        Guard.Against.Null(declaration);
        _declarations.Add(patient => declaration.ForPatient(patient).Build());
        return this;
    }

    /// <summary>Adds a relationship declaration as it is; it must be about the caseload's patient.</summary>
    /// <param name="declaration">The declaration.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithDeclaration(RelationshipDeclaration declaration)
    {
        Guard.Against.Null(declaration);
        _declarations.Add(_ => declaration);
        return this;
    }

    /// <summary>Adds an authorization, built with the caseload's patient when the caseload is built.</summary>
    /// <param name="authorization">The authorization's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithAuthorization(AuthorizationBuilder authorization)
    {
        Guard.Against.Null(authorization);
        _authorizations.Add(patient => authorization.ForPatient(patient).Build());
        return this;
    }

    /// <summary>Adds an authorization as it is; it must be the caseload's patient's.</summary>
    /// <param name="authorization">The authorization.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithAuthorization(Authorization authorization)
    {
        Guard.Against.Null(authorization);
        _authorizations.Add(_ => authorization);
        return this;
    }

    /// <summary>Adds a disclosure request, built with the caseload's patient when the caseload is built.</summary>
    /// <param name="disclosure">The request's builder.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithDisclosure(DisclosureRequestBuilder disclosure)
    {
        Guard.Against.Null(disclosure);
        _disclosures.Add(patient => disclosure.ForPatient(patient).Build());
        return this;
    }

    /// <summary>Adds a disclosure request as it is; it must be about the caseload's patient.</summary>
    /// <param name="disclosure">The request.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder WithDisclosure(DisclosureRequest disclosure)
    {
        Guard.Against.Null(disclosure);
        _disclosures.Add(_ => disclosure);
        return this;
    }

    /// <summary>Records that a clinician's treatment of the patient has ended (repeats are ignored by the caseload).</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public PatientCaseloadBuilder TerminatedWith(string clinicianId)
    {
        _terminatedWith.Add(Guard.Against.Null(clinicianId));
        return this;
    }

    /// <summary>Builds the nested builders with the caseload's patient, then the caseload.</summary>
    /// <returns>The caseload.</returns>
    /// <exception cref="ArgumentException">
    /// An id is not valid, or a record given already built belongs to another patient (the library's message, naming the list).
    /// </exception>
    /// <exception cref="DomainRuleException">A nested builder's overrides ask for a history the library refuses.</exception>
    public PatientCaseload Build()
    {
        string patient = _patient;
        (TreatmentPlan Plan, Goal[] Goals)[] plans = [.. _plans.Select(p => p(patient))];
        return new PatientCaseload(
            new PatientId(patient),
            _appointments.Select(a => a(patient)),
            [.. _goals.Select(g => g(patient)), .. plans.SelectMany(p => p.Goals)],
            plans.Select(p => p.Plan),
            _prescriptions.Select(p => p(patient)),
            _feedback.Select(f => f(patient)),
            _declarations.Select(d => d(patient)),
            _authorizations.Select(a => a(patient)),
            _disclosures.Select(d => d(patient)),
            _terminatedWith.Select(c => new ClinicianId(c)));
    }
}
