using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Support;

/// <summary>
/// Builds treatment plans for tests: plan tp-1 of patient p-1 with clinician c-1, serving goals g-1 and g-2
/// (both agreed by both parties before the plan was drafted) with weekly CBT, on a fixed timeline starting
/// Monday 2026-03-02 14:00 UTC. The goals and the plans in <see cref="InStatus"/> come from the Testing package's
/// <see cref="GoalBuilder"/> and <see cref="TreatmentPlanBuilder"/>, whose timeline this one follows.
/// </summary>
internal static class Plans
{
    public const string DiagnosisCode = "F32.1";

    /// <summary>The option discussed and chosen before activation.</summary>
    public const string ChosenOptionCode = "cbt";

    /// <summary>An option discussed before activation but not chosen.</summary>
    public const string OtherOptionCode = "no-treatment";

    public static readonly TreatmentPlanId Id = new("tp-1");

    public static readonly PatientId Patient = new("p-1");

    public static readonly ClinicianId Clinician = new("c-1");

    public static readonly PatientId OtherPatient = new("p-2");

    public static readonly GoalId FirstGoal = new("g-1");

    public static readonly GoalId SecondGoal = new("g-2");

    public static readonly SessionFrequency Weekly = new(1, FrequencyUnit.Week);

    // ---- The timeline -------------------------------------------------------------------------------

    public static readonly Instant GoalsProposedAt = Instant.FromUtc(2026, 3, 2, 14, 0);

    /// <summary>The patient accepts each default goal at this instant.</summary>
    public static readonly Instant PatientAcceptedAt = GoalsProposedAt + Duration.FromMinutes(10);

    /// <summary>The clinician accepts each default goal at this instant, which is when it becomes agreed.</summary>
    public static readonly Instant GoalsAgreedAt = GoalsProposedAt + Duration.FromMinutes(20);

    public static readonly Instant DraftedAt = GoalsProposedAt + Duration.FromMinutes(30);

    public static readonly Instant DiagnosisExplainedAt = GoalsProposedAt + Duration.FromMinutes(35);

    public static readonly Instant OptionsDiscussedAt = GoalsProposedAt + Duration.FromMinutes(40);

    public static readonly Instant OptionChosenAt = GoalsProposedAt + Duration.FromMinutes(45);

    /// <summary>When the patient agreed to the activated version (revision 1).</summary>
    public static readonly Instant PatientAgreedAt = GoalsProposedAt + Duration.FromMinutes(50);

    public static readonly Instant ActivatedAt = GoalsProposedAt + Duration.FromMinutes(55);

    /// <summary>When <see cref="InStatus"/> moves an active plan on (hold, revocation, completion, error).</summary>
    public static readonly Instant StatusChangedAt = ActivatedAt + Duration.FromDays(7);

    // ---- Goals -----------------------------------------------------------------------------------------

    /// <summary>A goal accepted by the patient 10 minutes before, and by the clinician at, <paramref name="agreedAt"/> (default <see cref="GoalsAgreedAt"/>).</summary>
    public static Goal AgreedGoal(string id = "g-1", string patient = "p-1", Instant? agreedAt = null) =>
        GoalFor(id, patient, (agreedAt ?? GoalsAgreedAt) - Duration.FromMinutes(20)).Agreed().Build();

    /// <summary>A goal only proposed: nobody has accepted it.</summary>
    public static Goal ProposedGoal(string id, string patient = "p-1", Instant? at = null) => GoalFor(id, patient, at).Proposed().Build();

    /// <summary>
    /// A <see cref="GoalBuilder"/> for goal <paramref name="id"/> of <paramref name="patient"/> with c-1, in the patient's
    /// words, without targets, proposed at <paramref name="proposedAt"/> (default <see cref="GoalsProposedAt"/>): a party
    /// accepting alone (<see cref="GoalBuilder.AcceptedOnlyBy"/>) does so 10 minutes later, at <see cref="PatientAcceptedAt"/>
    /// by default; when both accept, the patient does at 10 minutes and the clinician at 20.
    /// </summary>
    public static GoalBuilder GoalFor(string id, string patient = "p-1", Instant? proposedAt = null) =>
        new GoalBuilder().WithId(id).ForPatient(patient).WithClinician(Clinician.Value).ExpressedBy(GoalExpressedBy.Patient)
            .WithStatement("Sleep through the night again").WithTargets().ProposedAt(proposedAt ?? GoalsProposedAt);

    /// <summary>The default plan goals g-1 and g-2, agreed at <see cref="GoalsAgreedAt"/>.</summary>
    public static Goal[] AgreedGoals() => [AgreedGoal("g-1"), AgreedGoal("g-2")];

    // ---- Content -----------------------------------------------------------------------------------------

    /// <summary>Goals g-1 and g-2 and weekly CBT serving both; no medication.</summary>
    public static PlanContent DraftContent() =>
        PlanContent.Empty
            .WithGoal(FirstGoal)
            .WithGoal(SecondGoal)
            .WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [FirstGoal, SecondGoal]));

    // ---- Plans -------------------------------------------------------------------------------------------

    /// <summary>A drafted plan, version 1, with <paramref name="content"/> (default <see cref="DraftContent"/>), nothing explained yet.</summary>
    public static TreatmentPlan Draft(PlanContent? content = null, string patient = "p-1") =>
        TreatmentPlan.Draft(Id, new PatientId(patient), Clinician, content ?? DraftContent(), DraftedAt);

    /// <summary>
    /// A draft after the explanations that precede agreement: the diagnosis explained, options <see cref="ChosenOptionCode"/>
    /// and <see cref="OtherOptionCode"/> discussed, <see cref="ChosenOptionCode"/> chosen. Version 5.
    /// </summary>
    public static TreatmentPlan InformedDraft(PlanContent? content = null)
    {
        TreatmentPlan plan = Draft(content);
        plan.ExplainDiagnosis(DiagnosisCode, DiagnosisExplainedAt);
        plan.DiscussOption(ChosenOptionCode, OptionsDiscussedAt);
        plan.DiscussOption(OtherOptionCode, OptionsDiscussedAt);
        plan.ChooseOption(ChosenOptionCode, OptionChosenAt);
        return plan;
    }

    /// <summary>
    /// An informed draft activated by the clinician at <see cref="ActivatedAt"/> with the patient's agreement at
    /// <see cref="PatientAgreedAt"/> and the agreed goals g-1 and g-2: status Active, revision 1, version 6.
    /// </summary>
    public static TreatmentPlan Active(PlanContent? content = null)
    {
        TreatmentPlan plan = InformedDraft(content);
        plan.Activate(AgreedGoals(), Party.Clinician, PatientAgreedAt, ActivatedAt);
        return plan;
    }

    /// <summary>
    /// A plan in the given status by the shortest legal path: <see cref="InformedDraft"/> for Draft,
    /// <see cref="Active"/> for Active, and an active plan moved on at <see cref="StatusChangedAt"/> for the others.
    /// </summary>
    public static TreatmentPlan InStatus(TreatmentPlanStatus status) =>
        new TreatmentPlanBuilder().WithId(Id.Value).ForPatient(Patient.Value).WithClinician(Clinician.Value).StartingAt(GoalsProposedAt)
            .WithGoals(AgreedGoals()).InStatus(status).Build();
}
