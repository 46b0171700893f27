using System.Collections.Immutable;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Planning;

public class TreatmentPlanTests
{
    /// <summary>After every instant of <see cref="Plans.InStatus"/>: when the table's commands run.</summary>
    private static readonly Instant Later = Plans.StatusChangedAt + Duration.FromDays(7);

    private static readonly Duration OneTick = Duration.FromTicks(1);

    private static readonly GoalId ThirdGoal = new("g-3");

    /// <summary>Interpersonal therapy twice a month for g-2: not in the default content, no medication.</summary>
    private static readonly PsychotherapyIntervention Ipt = new("ipt", new SessionFrequency(2, FrequencyUnit.Month), [Plans.SecondGoal]);

    private static readonly TreatmentPlanStatus[] Open = [TreatmentPlanStatus.Draft, TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold];

    private static readonly TreatmentPlanStatus[] ActiveOrOnHold = [TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold];

    /// <summary>
    /// Every command, called with arguments that are valid for each of its legal statuses (on a plan from
    /// <see cref="Plans.InStatus"/>), so that only the status can make it fail.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Command> Commands = new Command[]
    {
        new("ChangeDraft", p => p.ChangeDraft(p.Current.WithIntervention(Ipt), Later), typeof(TreatmentPlanDraftChanged), null,
            [TreatmentPlanStatus.Draft]),
        new("ExplainDiagnosis", p => p.ExplainDiagnosis("F41.1", Later), typeof(TreatmentPlanExplanationGiven), null, Open),
        new("DiscussOption", p => p.DiscussOption("ssri", Later), typeof(TreatmentPlanExplanationGiven), null, Open),
        new("ChooseOption", p => p.ChooseOption(Plans.OtherOptionCode, Later), typeof(TreatmentPlanExplanationGiven), null, Open),
        new("Activate", p => p.Activate(Plans.AgreedGoals(), Party.Patient, Later, Later), typeof(TreatmentPlanRevised), TreatmentPlanStatus.Active,
            [TreatmentPlanStatus.Draft]),
        new("Revise", p => p.Revise(p.Current.WithIntervention(Ipt), Plans.AgreedGoals(), Party.Clinician, ["progress-review"], [], [], Later, Later),
            typeof(TreatmentPlanRevised), null, ActiveOrOnHold),
        new("ScheduleReview", p => p.ScheduleReview(Later + Duration.FromDays(28), Later), typeof(TreatmentPlanReviewed), null, Open),
        new("RecordReview", p => p.RecordReview([Plans.FirstGoal], Later + Duration.FromDays(28), Later), typeof(TreatmentPlanReviewed), null, ActiveOrOnHold),
        new("PutOnHold", p => p.PutOnHold(Later), typeof(TreatmentPlanStatusChanged), TreatmentPlanStatus.OnHold, [TreatmentPlanStatus.Active]),
        new("Resume", p => p.Resume(Later), typeof(TreatmentPlanStatusChanged), TreatmentPlanStatus.Active, [TreatmentPlanStatus.OnHold]),
        new("Revoke", p => p.Revoke(Later), typeof(TreatmentPlanStatusChanged), TreatmentPlanStatus.Revoked, ActiveOrOnHold),
        new("Complete", p => p.Complete(Later), typeof(TreatmentPlanStatusChanged), TreatmentPlanStatus.Completed, ActiveOrOnHold),
        new("MarkEnteredInError", p => p.MarkEnteredInError(Later), typeof(TreatmentPlanStatusChanged), TreatmentPlanStatus.EnteredInError,
            [.. Enum.GetValues<TreatmentPlanStatus>().Where(s => s != TreatmentPlanStatus.EnteredInError)]),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string, TreatmentPlanStatus> LegalTransitions => Transitions(legal: true);

    public static TheoryData<string, TreatmentPlanStatus> IllegalTransitions => Transitions(legal: false);

    public static TheoryData<TreatmentPlanStatus> AllStatuses => new(Enum.GetValues<TreatmentPlanStatus>());

    // ---- The transition table -------------------------------------------------------------------

    [Fact]
    public void TransitionTable_EveryCommandAndStatus_IsEitherLegalOrIllegal()
    {
        int statuses = Enum.GetValues<TreatmentPlanStatus>().Length;

        (LegalTransitions.Count + IllegalTransitions.Count).Should().Be(Commands.Count * statuses);
        Commands.Should().HaveCount(13);
        statuses.Should().Be(6);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void InStatus_AnyStatus_ProducesPlanInThatStatus(TreatmentPlanStatus status)
    {
        TreatmentPlan plan = Plans.InStatus(status);

        plan.Status.Should().Be(status);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_MovesToDocumentedStatus(string command, TreatmentPlanStatus source)
    {
        Command spec = Commands[command];
        TreatmentPlan plan = Plans.InStatus(source);

        spec.Run(plan);

        plan.Status.Should().Be(spec.Result ?? source);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_IncrementsVersionByOne(string command, TreatmentPlanStatus source)
    {
        TreatmentPlan plan = Plans.InStatus(source);
        long before = plan.Version;

        Commands[command].Run(plan);

        plan.Version.Should().Be(before + 1);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_AppendsOneEventOfItsTypeWithNewVersion(string command, TreatmentPlanStatus source)
    {
        Command spec = Commands[command];
        TreatmentPlan plan = Plans.InStatus(source);
        TreatmentPlanEvent[] before = [.. plan.PendingEvents];

        spec.Run(plan);

        plan.PendingEvents.Should().HaveCount(before.Length + 1);
        plan.PendingEvents.Take(before.Length).Should().Equal(before);
        TreatmentPlanEvent added = plan.PendingEvents[^1];
        added.Should().BeOfType(spec.EventType);
        added.PlanId.Should().Be(Plans.Id);
        added.Version.Should().Be(plan.Version);
        added.OccurredAt.Should().Be(Later);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalStatusChange_EventCarriesNewStatus(string command, TreatmentPlanStatus source)
    {
        Command spec = Commands[command];
        TreatmentPlan plan = Plans.InStatus(source);

        spec.Run(plan);

        if (spec.EventType == typeof(TreatmentPlanStatusChanged))
        {
            plan.PendingEvents[^1].Should().Be(new TreatmentPlanStatusChanged(Plans.Id, plan.Version, Later, spec.Result!.Value));
        }
        else
        {
            plan.PendingEvents[^1].Should().NotBeOfType<TreatmentPlanStatusChanged>();
        }
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_ThrowsIllegalTransition(string command, TreatmentPlanStatus source)
    {
        TreatmentPlan plan = Plans.InStatus(source);

        Action act = () => Commands[command].Run(plan);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(TreatmentPlanRuleCodes.IllegalTransition);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_LeavesPlanUnchanged(string command, TreatmentPlanStatus source)
    {
        TreatmentPlan plan = Plans.InStatus(source);

        ShouldRefuse(plan, () => Commands[command].Run(plan), TreatmentPlanRuleCodes.IllegalTransition);
    }

    // ---- Draft and ChangeDraft ------------------------------------------------------------------

    [Fact]
    public void Draft_ValidArguments_IsDraftVersionOneWithDraftedEvent()
    {
        PlanContent content = Plans.DraftContent();

        TreatmentPlan plan = TreatmentPlan.Draft(Plans.Id, Plans.Patient, Plans.Clinician, content, Plans.DraftedAt);

        plan.Status.Should().Be(TreatmentPlanStatus.Draft);
        plan.Version.Should().Be(1);
        plan.Id.Should().Be(Plans.Id);
        plan.PatientId.Should().Be(Plans.Patient);
        plan.ClinicianId.Should().Be(Plans.Clinician);
        plan.Current.Should().BeSameAs(content);
        plan.Revisions.Should().BeEmpty();
        plan.ActivatedAt.Should().BeNull();
        plan.Explanations.Should().BeEmpty();
        plan.ChosenOption.Should().BeNull();
        plan.Reviews.Should().BeEmpty();
        plan.NextReviewDue.Should().BeNull();
        plan.PendingEvents.Should().Equal(new TreatmentPlanDrafted(Plans.Id, 1, Plans.DraftedAt, Plans.Patient, Plans.Clinician));
    }

    [Fact]
    public void Draft_EmptyContent_IsAllowed()
    {
        TreatmentPlan plan = Plans.Draft(PlanContent.Empty);

        plan.Current.Should().Be(PlanContent.Empty);
    }

    [Fact]
    public void Draft_ContentWithMedication_ThrowsMedicationOutsidePlan()
    {
        PlanContent content = Plans.DraftContent().WithIntervention(Sertraline(Plans.FirstGoal));

        Action act = () => Plans.Draft(content);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void Draft_DefaultIds_ThrowArgumentException()
    {
        PlanContent content = Plans.DraftContent();

        FluentActions.Invoking(() => TreatmentPlan.Draft(default, Plans.Patient, Plans.Clinician, content, Plans.DraftedAt)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => TreatmentPlan.Draft(Plans.Id, default, Plans.Clinician, content, Plans.DraftedAt)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => TreatmentPlan.Draft(Plans.Id, Plans.Patient, default, content, Plans.DraftedAt)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Draft_NullContent_ThrowsArgumentNullException()
    {
        Action act = () => TreatmentPlan.Draft(Plans.Id, Plans.Patient, Plans.Clinician, null!, Plans.DraftedAt);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ChangeDraft_NewContent_ReplacesCurrentAndAppendsDraftChangedEvent()
    {
        TreatmentPlan plan = Plans.Draft();
        PlanContent content = plan.Current.WithIntervention(Ipt);

        plan.ChangeDraft(content, Later);

        plan.Current.Should().BeSameAs(content);
        plan.Revisions.Should().BeEmpty("a draft has no agreed versions");
        plan.Status.Should().Be(TreatmentPlanStatus.Draft);
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanDraftChanged(Plans.Id, 2, Later));
    }

    [Fact]
    public void ChangeDraft_ValueEqualContent_ThrowsNothingChanged()
    {
        TreatmentPlan plan = Plans.Draft();

        ShouldRefuse(plan, () => plan.ChangeDraft(Plans.DraftContent(), Later), TreatmentPlanRuleCodes.NothingChanged);
    }

    [Fact]
    public void ChangeDraft_ContentWithMedication_ThrowsMedicationOutsidePlan()
    {
        TreatmentPlan plan = Plans.Draft();
        PlanContent content = plan.Current.WithIntervention(Sertraline(Plans.FirstGoal));

        ShouldRefuse(plan, () => plan.ChangeDraft(content, Later), TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void ChangeDraft_NullContent_ThrowsArgumentNullExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.Draft();

        ShouldReject<ArgumentNullException>(plan, () => plan.ChangeDraft(null!, Later));
    }

    // ---- Explanations ---------------------------------------------------------------------------

    [Fact]
    public void ExplainDiagnosis_Draft_AppendsExplanationAndEvent()
    {
        TreatmentPlan plan = Plans.Draft();

        plan.ExplainDiagnosis("F32.1", Later);

        plan.Explanations.Should().Equal(new Explanation(ExplanationKind.DiagnosisExplained, "F32.1", Later));
        plan.ChosenOption.Should().BeNull();
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanExplanationGiven(Plans.Id, 2, Later, ExplanationKind.DiagnosisExplained));
    }

    [Fact]
    public void DiscussOption_Active_AppendsExplanationAndEvent()
    {
        TreatmentPlan plan = Plans.Active();
        int before = plan.Explanations.Count;

        plan.DiscussOption("ssri", Later);

        plan.Explanations.Should().HaveCount(before + 1);
        plan.Explanations[^1].Should().Be(new Explanation(ExplanationKind.OptionDiscussed, "ssri", Later));
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanExplanationGiven(Plans.Id, plan.Version, Later, ExplanationKind.OptionDiscussed));
    }

    [Fact]
    public void InformedDraft_Explanations_AreKeptOldestFirst()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        plan.Explanations.Should().Equal(
            new Explanation(ExplanationKind.DiagnosisExplained, Plans.DiagnosisCode, Plans.DiagnosisExplainedAt),
            new Explanation(ExplanationKind.OptionDiscussed, Plans.ChosenOptionCode, Plans.OptionsDiscussedAt),
            new Explanation(ExplanationKind.OptionDiscussed, Plans.OtherOptionCode, Plans.OptionsDiscussedAt),
            new Explanation(ExplanationKind.OptionChosen, Plans.ChosenOptionCode, Plans.OptionChosenAt));
        plan.ChosenOption.Should().Be(Plans.ChosenOptionCode);
    }

    [Theory]
    [InlineData("major depression")]
    [InlineData("")]
    [InlineData("-F32")]
    public void ExplainDiagnosis_NotACodeToken_ThrowsArgumentExceptionAndChangesNothing(string code)
    {
        TreatmentPlan plan = Plans.Draft();

        ShouldReject<ArgumentException>(plan, () => plan.ExplainDiagnosis(code, Later));
    }

    [Fact]
    public void DiscussOption_NotACodeToken_ThrowsArgumentExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.Draft();

        ShouldReject<ArgumentException>(plan, () => plan.DiscussOption("talk it through", Later));
    }

    [Fact]
    public void ChooseOption_DiscussedBefore_RecordsChoiceAndEvent()
    {
        TreatmentPlan plan = Plans.Draft();
        plan.DiscussOption("ssri", Plans.OptionsDiscussedAt);

        plan.ChooseOption("ssri", Plans.OptionChosenAt);

        plan.ChosenOption.Should().Be("ssri");
        plan.Explanations[^1].Should().Be(new Explanation(ExplanationKind.OptionChosen, "ssri", Plans.OptionChosenAt));
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanExplanationGiven(Plans.Id, 3, Plans.OptionChosenAt, ExplanationKind.OptionChosen));
    }

    [Fact]
    public void ChooseOption_DiscussedAtTheSameInstant_IsAllowed()
    {
        TreatmentPlan plan = Plans.Draft();
        plan.DiscussOption("ssri", Plans.OptionsDiscussedAt);

        plan.ChooseOption("ssri", Plans.OptionsDiscussedAt);

        plan.ChosenOption.Should().Be("ssri");
    }

    [Fact]
    public void ChooseOption_DiscussedOnlyAfterwards_ThrowsOptionNotDiscussed()
    {
        TreatmentPlan plan = Plans.Draft();
        plan.DiscussOption("ssri", Plans.OptionsDiscussedAt);

        ShouldRefuse(plan, () => plan.ChooseOption("ssri", Plans.OptionsDiscussedAt - OneTick), TreatmentPlanRuleCodes.OptionNotDiscussed);
    }

    [Fact]
    public void ChooseOption_NeverDiscussed_ThrowsOptionNotDiscussed()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        ShouldRefuse(plan, () => plan.ChooseOption("ssri", Later), TreatmentPlanRuleCodes.OptionNotDiscussed);
    }

    [Fact]
    public void ChooseOption_OnlyExplainedAsDiagnosis_ThrowsOptionNotDiscussed()
    {
        TreatmentPlan plan = Plans.Draft();
        plan.ExplainDiagnosis("F32.1", Plans.DiagnosisExplainedAt);

        ShouldRefuse(plan, () => plan.ChooseOption("F32.1", Later), TreatmentPlanRuleCodes.OptionNotDiscussed);
    }

    [Fact]
    public void ChooseOption_CodeDiffersOnlyInCase_ThrowsOptionNotDiscussed()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        ShouldRefuse(plan, () => plan.ChooseOption(Plans.ChosenOptionCode.ToUpperInvariant(), Later), TreatmentPlanRuleCodes.OptionNotDiscussed);
    }

    [Fact]
    public void ChooseOption_ChosenAgain_ChosenOptionIsTheLatest()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        plan.ChooseOption(Plans.OtherOptionCode, Later);

        plan.ChosenOption.Should().Be(Plans.OtherOptionCode);
        plan.Explanations.Count(e => e.Kind == ExplanationKind.OptionChosen).Should().Be(2, "earlier choices are kept");
    }

    [Theory]
    [InlineData(TreatmentPlanStatus.Revoked)]
    [InlineData(TreatmentPlanStatus.Completed)]
    [InlineData(TreatmentPlanStatus.EnteredInError)]
    public void ChooseOption_ClosedPlanAndNeverDiscussed_ThrowsIllegalTransition(TreatmentPlanStatus status)
    {
        TreatmentPlan plan = Plans.InStatus(status);

        ShouldRefuse(plan, () => plan.ChooseOption("ssri", Later), TreatmentPlanRuleCodes.IllegalTransition);
    }

    [Fact]
    public void ChooseOption_NotACodeToken_ThrowsArgumentExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        ShouldReject<ArgumentException>(plan, () => plan.ChooseOption("cbt please", Later));
    }

    // ---- Activate -------------------------------------------------------------------------------

    [Fact]
    public void Activate_AgreedGoal_RecordsRevisionOneWithPatientAgreementAndContent()
    {
        TreatmentPlan plan = Plans.InformedDraft();
        PlanContent content = plan.Current;

        plan.Activate(Plans.AgreedGoals(), Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt);

        plan.Status.Should().Be(TreatmentPlanStatus.Active);
        plan.Revisions.Should().ContainSingle();
        PlanRevision revision = plan.Revisions[0];
        revision.Number.Should().Be(1);
        revision.At.Should().Be(Plans.ActivatedAt);
        revision.By.Should().Be(Party.Clinician);
        revision.PatientAgreedAt.Should().Be(Plans.PatientAgreedAt);
        revision.Content.Should().BeSameAs(content);
        revision.ReasonCodes.Should().BeEmpty();
        revision.PromptedByProgress.Should().BeEmpty();
        revision.PromptedByFeedback.Should().BeEmpty();
        plan.Current.Should().BeSameAs(content);
        plan.ActivatedAt.Should().Be(Plans.ActivatedAt);
        plan.ContentAt(1).Should().BeSameAs(content);
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanRevised(Plans.Id, 6, Plans.ActivatedAt, 1));
    }

    [Fact]
    public void Activate_OneOfTwoPlanGoalsAgreed_Activates()
    {
        TreatmentPlan plan = Plans.Draft();

        plan.Activate([Plans.AgreedGoal("g-1"), Plans.ProposedGoal("g-2")], Party.Patient, Plans.PatientAgreedAt, Plans.ActivatedAt);

        plan.Status.Should().Be(TreatmentPlanStatus.Active);
        plan.Revisions[0].By.Should().Be(Party.Patient);
    }

    [Fact]
    public void Activate_GoalAgreedExactlyWhenPatientAgreed_Activates()
    {
        TreatmentPlan plan = Plans.Draft();

        plan.Activate([Plans.AgreedGoal("g-1", agreedAt: Plans.PatientAgreedAt)], Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt);

        plan.Status.Should().Be(TreatmentPlanStatus.Active);
    }

    [Fact]
    public void Activate_NoGoalsGiven_ThrowsNoAgreedGoal()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        ShouldRefuse(plan, () => plan.Activate([], Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt), TreatmentPlanRuleCodes.NoAgreedGoal);
    }

    [Fact]
    public void Activate_ContentWithoutGoals_ThrowsNoAgreedGoal()
    {
        TreatmentPlan plan = Plans.Draft(PlanContent.Empty);

        ShouldRefuse(plan, () => plan.Activate(Plans.AgreedGoals(), Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt), TreatmentPlanRuleCodes.NoAgreedGoal);
    }

    public static TheoryData<string> UnagreedGoalKinds => new("proposed", "patient-only", "clinician-only");

    [Theory]
    [MemberData(nameof(UnagreedGoalKinds))]
    public void Activate_NoPlanGoalAgreedByBothParties_ThrowsNoAgreedGoal(string kind)
    {
        TreatmentPlan plan = Plans.InformedDraft();
        Goal[] goals = [UnagreedGoal(kind, "g-1"), UnagreedGoal(kind, "g-2")];

        ShouldRefuse(plan, () => plan.Activate(goals, Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt), TreatmentPlanRuleCodes.NoAgreedGoal);
    }

    [Fact]
    public void Activate_GoalAgreedAfterPatientAgreed_ThrowsNoAgreedGoal()
    {
        TreatmentPlan plan = Plans.InformedDraft();
        Goal[] goals = [Plans.AgreedGoal("g-1", agreedAt: Plans.PatientAgreedAt + OneTick)];

        ShouldRefuse(plan, () => plan.Activate(goals, Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt), TreatmentPlanRuleCodes.NoAgreedGoal);
    }

    [Fact]
    public void Activate_AgreedGoalNotInPlan_IsIgnoredAndThrowsNoAgreedGoal()
    {
        TreatmentPlan plan = Plans.InformedDraft();
        Goal[] goals = [Plans.AgreedGoal("g-3"), Plans.ProposedGoal("g-1")];

        ShouldRefuse(plan, () => plan.Activate(goals, Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt), TreatmentPlanRuleCodes.NoAgreedGoal);
    }

    [Fact]
    public void Activate_GoalOfAnotherPatient_ThrowsForeignGoal()
    {
        TreatmentPlan plan = Plans.InformedDraft();
        Goal[] goals = [.. Plans.AgreedGoals(), Plans.AgreedGoal("g-1", patient: "p-2")];

        ShouldRefuse(plan, () => plan.Activate(goals, Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt), TreatmentPlanRuleCodes.ForeignGoal);
    }

    [Fact]
    public void Activate_UndefinedParty_ThrowsArgumentOutOfRangeExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        ShouldReject<ArgumentOutOfRangeException>(plan, () => plan.Activate(Plans.AgreedGoals(), (Party)7, Plans.PatientAgreedAt, Plans.ActivatedAt));
    }

    [Fact]
    public void Activate_NullGoals_ThrowsArgumentNullExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        ShouldReject<ArgumentNullException>(plan, () => plan.Activate(null!, Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt));
        ShouldReject<ArgumentNullException>(plan, () => plan.Activate([Plans.AgreedGoal(), null!], Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt));
    }

    // ---- Revise ---------------------------------------------------------------------------------

    [Fact]
    public void Revise_Active_AppendsRevisionTwoWithItsFacts()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithIntervention(Ipt);
        var progress = new ProgressUpdateId("pu-1");
        var feedback = new FeedbackId("fb-1");

        PlanRevision revision = plan.Revise(
            content, Plans.AgreedGoals(), Party.Patient, ["phq9-improved", "patient-request"], [progress], [feedback], Later - Duration.FromHours(1), Later);

        plan.Revisions.Should().HaveCount(2);
        revision.Should().BeSameAs(plan.Revisions[1]);
        revision.Number.Should().Be(2);
        revision.At.Should().Be(Later);
        revision.By.Should().Be(Party.Patient);
        revision.ReasonCodes.Should().Equal("phq9-improved", "patient-request");
        revision.PromptedByProgress.Should().Equal(progress);
        revision.PromptedByFeedback.Should().Equal(feedback);
        revision.PatientAgreedAt.Should().Be(Later - Duration.FromHours(1));
        revision.Content.Should().BeSameAs(content);
        plan.Current.Should().BeSameAs(content);
        plan.Status.Should().Be(TreatmentPlanStatus.Active);
        plan.ActivatedAt.Should().Be(Plans.ActivatedAt, "activation is revision 1");
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanRevised(Plans.Id, 7, Later, 2));
    }

    [Fact]
    public void Revise_Repeatedly_NumbersRevisionsTwoThreeFour()
    {
        TreatmentPlan plan = Plans.Active();

        Revise(plan, plan.Current.WithIntervention(Ipt), Later);
        Revise(plan, plan.Current.WithoutIntervention(Ipt), Later + Duration.FromDays(1));
        PlanRevision fourth = Revise(plan, plan.Current.WithIntervention(Ipt), Later + Duration.FromDays(2));

        plan.Revisions.Select(r => r.Number).Should().Equal(1, 2, 3, 4);
        fourth.Number.Should().Be(4);
        plan.PendingEvents.OfType<TreatmentPlanRevised>().Select(e => e.RevisionNumber).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void Revise_OnHold_ChangeWithoutMedication_RecordsRevisionAndStaysOnHold()
    {
        TreatmentPlan plan = Plans.InStatus(TreatmentPlanStatus.OnHold);
        PlanContent content = plan.Current.WithIntervention(Ipt);

        Revise(plan, content, Later);

        plan.Status.Should().Be(TreatmentPlanStatus.OnHold);
        plan.Current.Should().BeSameAs(content);
        plan.Revisions.Should().HaveCount(2);
    }

    [Fact]
    public void Revise_NoReasonCodesAndNoPatientAgreement_IsAllowed()
    {
        TreatmentPlan plan = Plans.Active();

        PlanRevision revision = plan.Revise(plan.Current.WithIntervention(Ipt), Plans.AgreedGoals(), Party.Clinician, [], [], [], null, Later);

        revision.ReasonCodes.Should().BeEmpty();
        revision.PatientAgreedAt.Should().BeNull();
    }

    [Fact]
    public void Revise_ValueEqualContent_ThrowsNothingChanged()
    {
        TreatmentPlan plan = Plans.Active();

        ShouldRefuse(plan, () => Revise(plan, Plans.DraftContent(), Later), TreatmentPlanRuleCodes.NothingChanged);
    }

    [Fact]
    public void Revise_SameContentInstance_ThrowsNothingChanged()
    {
        TreatmentPlan plan = Plans.InStatus(TreatmentPlanStatus.OnHold);

        ShouldRefuse(plan, () => Revise(plan, plan.Current, Later), TreatmentPlanRuleCodes.NothingChanged);
    }

    [Fact]
    public void Revise_Active_NewMedicationLinkedToAgreedGoals_RecordsRevision()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithIntervention(Sertraline(Plans.FirstGoal, Plans.SecondGoal));

        Revise(plan, content, Later);

        plan.Current.Medications.Should().ContainSingle().Which.Code.Should().Be("36437");
        plan.Revisions[^1].Content.Should().BeSameAs(content);
    }

    [Fact]
    public void Revise_OnHold_NewMedication_ThrowsMedicationOutsidePlan()
    {
        TreatmentPlan plan = Plans.InStatus(TreatmentPlanStatus.OnHold);
        PlanContent content = plan.Current.WithIntervention(Sertraline(Plans.FirstGoal));

        ShouldRefuse(plan, () => Revise(plan, content, Later), TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Theory]
    [MemberData(nameof(UnagreedGoalKinds))]
    public void Revise_NewMedicationLinkedToUnagreedPlanGoal_ThrowsMedicationOutsidePlan(string kind)
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithGoal(ThirdGoal).WithIntervention(Sertraline(ThirdGoal));
        Goal[] goals = [.. Plans.AgreedGoals(), UnagreedGoal(kind, "g-3")];

        ShouldRefuse(plan, () => Revise(plan, content, Later, goals), TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void Revise_NewMedicationLinkedToOneAgreedAndOneUnagreedGoal_ThrowsMedicationOutsidePlan()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithGoal(ThirdGoal).WithIntervention(Sertraline(Plans.FirstGoal, ThirdGoal));
        Goal[] goals = [.. Plans.AgreedGoals(), Plans.ProposedGoal("g-3")];

        ShouldRefuse(plan, () => Revise(plan, content, Later, goals), TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void Revise_NewMedicationWhoseGoalIsAgreedOnlyAfterTheRevision_ThrowsMedicationOutsidePlan()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithGoal(ThirdGoal).WithIntervention(Sertraline(ThirdGoal));
        Goal[] goals = [.. Plans.AgreedGoals(), Plans.AgreedGoal("g-3", agreedAt: Later + OneTick)];

        ShouldRefuse(plan, () => Revise(plan, content, Later, goals), TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void Revise_NewMedicationWhoseGoalIsAgreedAtTheRevisionInstant_RecordsRevision()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithGoal(ThirdGoal).WithIntervention(Sertraline(ThirdGoal));
        Goal[] goals = [.. Plans.AgreedGoals(), Plans.AgreedGoal("g-3", agreedAt: Later)];

        Revise(plan, content, Later, goals);

        plan.Current.Should().BeSameAs(content);
    }

    [Fact]
    public void Revise_NewMedicationWhoseGoalIsNotAmongTheGivenGoals_ThrowsMedicationOutsidePlan()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithIntervention(Sertraline(Plans.FirstGoal));
        Goal[] goals = [Plans.AgreedGoal("g-2")];

        ShouldRefuse(plan, () => Revise(plan, content, Later, goals), TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void Revise_OnHold_KeepingAnExistingMedication_RecordsRevision()
    {
        TreatmentPlan plan = Plans.Active();
        Revise(plan, plan.Current.WithIntervention(Sertraline(Plans.FirstGoal)), Later);
        plan.PutOnHold(Later + Duration.FromDays(1));
        PlanContent content = plan.Current.WithIntervention(Ipt);

        Revise(plan, content, Later + Duration.FromDays(2));

        plan.Current.Should().BeSameAs(content);
        plan.Current.Medications.Should().ContainSingle();
    }

    [Fact]
    public void Revise_OnHold_StoppingAMedication_RecordsRevision()
    {
        TreatmentPlan plan = Plans.Active();
        MedicationIntervention sertraline = Sertraline(Plans.FirstGoal);
        Revise(plan, plan.Current.WithIntervention(sertraline), Later);
        plan.PutOnHold(Later + Duration.FromDays(1));

        Revise(plan, plan.Current.WithoutIntervention(sertraline), Later + Duration.FromDays(2));

        plan.Current.Medications.Should().BeEmpty();
        plan.Revisions.Should().HaveCount(3);
    }

    [Fact]
    public void Revise_OnHold_RemovingOneOfAMedicationsGoals_RecordsRevision()
    {
        TreatmentPlan plan = Plans.Active();
        Revise(plan, plan.Current.WithIntervention(Sertraline(Plans.FirstGoal, Plans.SecondGoal)), Later);
        plan.PutOnHold(Later + Duration.FromDays(1));
        PlanContent content = plan.Current.WithoutGoal(Plans.SecondGoal);

        Revise(plan, content, Later + Duration.FromDays(2));

        plan.Current.Should().BeSameAs(content);
    }

    [Fact]
    public void Revise_GoalOfAnotherPatient_ThrowsForeignGoal()
    {
        TreatmentPlan plan = Plans.Active();
        Goal[] goals = [.. Plans.AgreedGoals(), Plans.AgreedGoal("g-9", patient: "p-2")];

        ShouldRefuse(plan, () => Revise(plan, plan.Current.WithIntervention(Ipt), Later, goals), TreatmentPlanRuleCodes.ForeignGoal);
    }

    [Theory]
    [InlineData("patient asked for a change")]
    [InlineData("side effects")]
    [InlineData("")]
    public void Revise_ReasonCodeNotACodeToken_ThrowsArgumentExceptionAndChangesNothing(string reason)
    {
        TreatmentPlan plan = Plans.Active();

        ShouldReject<ArgumentException>(
            plan, () => plan.Revise(plan.Current.WithIntervention(Ipt), Plans.AgreedGoals(), Party.Clinician, ["progress", reason], [], [], Later, Later));
    }

    [Fact]
    public void Revise_NullReasonCodeItem_ThrowsArgumentNullException()
    {
        TreatmentPlan plan = Plans.Active();

        ShouldReject<ArgumentNullException>(
            plan, () => plan.Revise(plan.Current.WithIntervention(Ipt), Plans.AgreedGoals(), Party.Clinician, [null!], [], [], Later, Later));
    }

    [Fact]
    public void Revise_NullArguments_ThrowArgumentNullExceptionAndChangeNothing()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithIntervention(Ipt);
        Goal[] goals = Plans.AgreedGoals();

        ShouldReject<ArgumentNullException>(plan, () => plan.Revise(null!, goals, Party.Clinician, [], [], [], Later, Later));
        ShouldReject<ArgumentNullException>(plan, () => plan.Revise(content, null!, Party.Clinician, [], [], [], Later, Later));
        ShouldReject<ArgumentNullException>(plan, () => plan.Revise(content, [goals[0], null!], Party.Clinician, [], [], [], Later, Later));
        ShouldReject<ArgumentNullException>(plan, () => plan.Revise(content, goals, Party.Clinician, null!, [], [], Later, Later));
        ShouldReject<ArgumentNullException>(plan, () => plan.Revise(content, goals, Party.Clinician, [], null!, [], Later, Later));
        ShouldReject<ArgumentNullException>(plan, () => plan.Revise(content, goals, Party.Clinician, [], [], null!, Later, Later));
    }

    [Fact]
    public void Revise_DefaultPromptIds_ThrowArgumentExceptionAndChangeNothing()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent content = plan.Current.WithIntervention(Ipt);

        ShouldReject<ArgumentException>(plan, () => plan.Revise(content, Plans.AgreedGoals(), Party.Clinician, [], [default], [], Later, Later));
        ShouldReject<ArgumentException>(plan, () => plan.Revise(content, Plans.AgreedGoals(), Party.Clinician, [], [], [default], Later, Later));
    }

    [Fact]
    public void Revise_UndefinedParty_ThrowsArgumentOutOfRangeExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.Active();

        ShouldReject<ArgumentOutOfRangeException>(
            plan, () => plan.Revise(plan.Current.WithIntervention(Ipt), Plans.AgreedGoals(), (Party)7, [], [], [], Later, Later));
    }

    // ---- ContentAt and RevisionAt ---------------------------------------------------------------

    [Fact]
    public void ContentAt_EachRevision_ReturnsThatVersionsContent()
    {
        TreatmentPlan plan = Plans.Active();
        PlanContent first = plan.Current;
        PlanContent second = first.WithIntervention(Ipt);
        PlanContent third = second.WithIntervention(Sertraline(Plans.FirstGoal));
        Revise(plan, second, Later);
        Revise(plan, third, Later + Duration.FromDays(1));

        plan.ContentAt(1).Should().BeSameAs(first);
        plan.ContentAt(2).Should().BeSameAs(second);
        plan.ContentAt(3).Should().BeSameAs(third);
        plan.ContentAt(1).Interventions.Should().ContainSingle("later revisions leave earlier versions as they were");
        plan.Current.Should().BeSameAs(third);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void ContentAt_NoSuchRevision_ThrowsArgumentOutOfRangeException(int number)
    {
        TreatmentPlan plan = Plans.Active();
        Revise(plan, plan.Current.WithIntervention(Ipt), Later);

        Action act = () => plan.ContentAt(number);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ContentAt_Draft_ThrowsArgumentOutOfRangeException()
    {
        TreatmentPlan plan = Plans.Draft();

        Action act = () => plan.ContentAt(1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RevisionAt_Draft_IsNull()
    {
        TreatmentPlan plan = Plans.InformedDraft();

        plan.RevisionAt(Later).Should().BeNull();
    }

    [Fact]
    public void RevisionAt_Instants_ReturnsTheRevisionInForce()
    {
        TreatmentPlan plan = Plans.Active();
        PlanRevision second = Revise(plan, plan.Current.WithIntervention(Ipt), Later);
        PlanRevision first = plan.Revisions[0];

        plan.RevisionAt(Plans.ActivatedAt - OneTick).Should().BeNull("before activation no version was in force");
        plan.RevisionAt(Plans.ActivatedAt).Should().BeSameAs(first);
        plan.RevisionAt(Later - OneTick).Should().BeSameAs(first);
        plan.RevisionAt(Later).Should().BeSameAs(second);
        plan.RevisionAt(Later + Duration.FromDays(365)).Should().BeSameAs(second);
    }

    // ---- Reviews --------------------------------------------------------------------------------

    [Fact]
    public void ScheduleReview_Draft_SetsNextReviewDueAndAppendsReviewedEvent()
    {
        TreatmentPlan plan = Plans.Draft();
        Instant due = Later + Duration.FromDays(28);

        plan.ScheduleReview(due, Later);

        plan.NextReviewDue.Should().Be(due);
        plan.Reviews.Should().BeEmpty("scheduling is not holding a review");
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanReviewed(Plans.Id, 2, Later, due));
    }

    [Fact]
    public void RecordReview_Active_AddsReviewWithDistinctGoalsAndSetsNextReviewDue()
    {
        TreatmentPlan plan = Plans.Active();
        Instant due = Later + Duration.FromDays(28);

        plan.RecordReview([Plans.FirstGoal, Plans.SecondGoal, Plans.FirstGoal], due, Later);

        plan.Reviews.Should().ContainSingle();
        plan.Reviews[0].At.Should().Be(Later);
        plan.Reviews[0].GoalsDiscussed.Should().Equal(Plans.FirstGoal, Plans.SecondGoal);
        plan.NextReviewDue.Should().Be(due);
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanReviewed(Plans.Id, 7, Later, due));
    }

    [Fact]
    public void RecordReview_NoNextDue_ClearsTheSchedule()
    {
        TreatmentPlan plan = Plans.Active();
        plan.ScheduleReview(Later, Plans.ActivatedAt);

        plan.RecordReview([Plans.FirstGoal], null, Later);

        plan.NextReviewDue.Should().BeNull();
        plan.PendingEvents[^1].Should().Be(new TreatmentPlanReviewed(Plans.Id, 8, Later, null));
    }

    [Fact]
    public void RecordReview_GoalNotInPlan_ThrowsForeignGoal()
    {
        TreatmentPlan plan = Plans.Active();
        plan.ScheduleReview(Later, Plans.ActivatedAt);

        ShouldRefuse(plan, () => plan.RecordReview([Plans.FirstGoal, ThirdGoal], Later + Duration.FromDays(28), Later), TreatmentPlanRuleCodes.ForeignGoal);
    }

    [Fact]
    public void RecordReview_GoalRemovedByARevision_ThrowsForeignGoal()
    {
        TreatmentPlan plan = Plans.Active();
        Revise(plan, plan.Current.WithoutGoal(Plans.SecondGoal), Later);

        ShouldRefuse(plan, () => plan.RecordReview([Plans.SecondGoal], null, Later + Duration.FromDays(1)), TreatmentPlanRuleCodes.ForeignGoal);
    }

    [Fact]
    public void RecordReview_NullGoals_ThrowsArgumentNullExceptionAndChangesNothing()
    {
        TreatmentPlan plan = Plans.Active();

        ShouldReject<ArgumentNullException>(plan, () => plan.RecordReview(null!, null, Later));
    }

    // ---- Closing and history --------------------------------------------------------------------

    [Theory]
    [InlineData(TreatmentPlanStatus.Draft)]
    [InlineData(TreatmentPlanStatus.OnHold)]
    [InlineData(TreatmentPlanStatus.Completed)]
    public void MarkEnteredInError_AnyStatus_KeepsEverythingRecorded(TreatmentPlanStatus status)
    {
        TreatmentPlan plan = Plans.InStatus(status);
        PlanRevision[] revisions = [.. plan.Revisions];
        Explanation[] explanations = [.. plan.Explanations];
        PlanContent current = plan.Current;
        Instant? activatedAt = plan.ActivatedAt;

        plan.MarkEnteredInError(Later);

        plan.Status.Should().Be(TreatmentPlanStatus.EnteredInError);
        plan.Revisions.Should().Equal(revisions);
        plan.Explanations.Should().Equal(explanations);
        plan.Current.Should().BeSameAs(current);
        plan.ActivatedAt.Should().Be(activatedAt);
        plan.ChosenOption.Should().Be(Plans.ChosenOptionCode);
    }

    [Fact]
    public void Resume_OnHold_KeepsRevisionsAndContent()
    {
        TreatmentPlan plan = Plans.InStatus(TreatmentPlanStatus.OnHold);
        PlanContent current = plan.Current;

        plan.Resume(Later);

        plan.Status.Should().Be(TreatmentPlanStatus.Active);
        plan.Current.Should().BeSameAs(current);
        plan.Revisions.Should().ContainSingle();
    }

    [Fact]
    public void ToString_Active_ShowsIdStatusRevisionsAndVersion()
    {
        TreatmentPlan plan = Plans.Active();

        plan.ToString().Should().Be("TreatmentPlan tp-1 Active r1 v6");
    }

    [Fact]
    public void DequeueEvents_AfterActivation_ReturnsAllEventsOnceNumberedOneToVersion()
    {
        TreatmentPlan plan = Plans.Active();

        IReadOnlyList<TreatmentPlanEvent> events = plan.DequeueEvents();

        events.Select(e => e.Version).Should().Equal(1L, 2L, 3L, 4L, 5L, 6L);
        events[0].Should().BeOfType<TreatmentPlanDrafted>();
        events[^1].Should().Be(new TreatmentPlanRevised(Plans.Id, 6, Plans.ActivatedAt, 1));
        plan.PendingEvents.Should().BeEmpty();
        plan.Version.Should().Be(6);
    }

    // ---- FHIR CarePlan.status -------------------------------------------------------------------

    [Theory]
    [InlineData(TreatmentPlanStatus.Draft, "draft")]
    [InlineData(TreatmentPlanStatus.Active, "active")]
    [InlineData(TreatmentPlanStatus.OnHold, "on-hold")]
    [InlineData(TreatmentPlanStatus.Revoked, "revoked")]
    [InlineData(TreatmentPlanStatus.Completed, "completed")]
    [InlineData(TreatmentPlanStatus.EnteredInError, "entered-in-error")]
    public void ToFhirCode_EachStatus_IsItsCarePlanStatusCode(TreatmentPlanStatus status, string code)
    {
        status.ToFhirCode().Should().Be(code);
    }

    [Fact]
    public void ToFhirCode_AllStatuses_HaveDistinctCodes()
    {
        TreatmentPlanStatus[] statuses = Enum.GetValues<TreatmentPlanStatus>();

        statuses.Select(s => s.ToFhirCode()).Distinct().Should().HaveCount(statuses.Length);
    }

    [Fact]
    public void ToFhirCode_UndefinedStatus_ThrowsArgumentOutOfRangeException()
    {
        Action act = () => ((TreatmentPlanStatus)42).ToFhirCode();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- PlanRevision ---------------------------------------------------------------------------

    [Fact]
    public void PlanRevision_WithFreeTextReason_ThrowsArgumentException()
    {
        PlanRevision revision = Plans.Active().Revisions[0];

        Action act = () => _ = revision with { ReasonCodes = ["the patient asked for it"] };

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PlanRevision_WithCodeTokenReason_Replaces()
    {
        PlanRevision revision = Plans.Active().Revisions[0];

        PlanRevision changed = revision with { ReasonCodes = ["patient-request"] };

        changed.ReasonCodes.Should().Equal("patient-request");
        revision.ReasonCodes.Should().BeEmpty();
    }

    [Fact]
    public void PlanRevision_ConstructedWithFreeTextReason_ThrowsArgumentException()
    {
        Action act = () => _ = new PlanRevision(2, Later, Party.Clinician, ["side effects"], [], [], null, PlanContent.Empty);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PlanRevision_DefaultReasonCodes_AreEmpty()
    {
        var revision = new PlanRevision(2, Later, Party.Clinician, default, [], [], null, PlanContent.Empty);

        revision.ReasonCodes.IsDefault.Should().BeFalse();
        revision.ReasonCodes.Should().BeEmpty();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static MedicationIntervention Sertraline(params GoalId[] goals) => new("36437", goals);

    private static Goal UnagreedGoal(string kind, string id) => kind switch
    {
        "proposed" => Plans.ProposedGoal(id),
        "patient-only" => Plans.GoalFor(id).AcceptedOnlyBy(Party.Patient).Build(),
        "clinician-only" => Plans.GoalFor(id).AcceptedOnlyBy(Party.Clinician).Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of unagreed goal."),
    };

    /// <summary>Revises with the default agreed goals (or <paramref name="goals"/>), one reason code and the patient's agreement at <paramref name="at"/>.</summary>
    private static PlanRevision Revise(TreatmentPlan plan, PlanContent content, Instant at, IEnumerable<Goal>? goals = null) =>
        plan.Revise(content, goals ?? Plans.AgreedGoals(), Party.Clinician, ["progress-review"], [], [], at, at);

    /// <summary>Asserts that <paramref name="act"/> throws <see cref="DomainRuleException"/> with <paramref name="code"/> and changes nothing.</summary>
    private static void ShouldRefuse(TreatmentPlan plan, Action act, RuleCode code)
    {
        Snapshot before = Snapshot.Of(plan);
        PlanContent current = plan.Current;

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);

        Snapshot.Of(plan).Should().Be(before);
        plan.Current.Should().BeSameAs(current);
    }

    /// <summary>Asserts that <paramref name="act"/> throws <typeparamref name="TException"/> (or a subtype) and changes nothing.</summary>
    private static void ShouldReject<TException>(TreatmentPlan plan, Action act)
        where TException : Exception
    {
        Snapshot before = Snapshot.Of(plan);
        PlanContent current = plan.Current;

        act.Should().Throw<TException>();

        Snapshot.Of(plan).Should().Be(before);
        plan.Current.Should().BeSameAs(current);
    }

    private static TheoryData<string, TreatmentPlanStatus> Transitions(bool legal)
    {
        var data = new TheoryData<string, TreatmentPlanStatus>();
        foreach (Command command in Commands.Values)
        {
            foreach (TreatmentPlanStatus status in Enum.GetValues<TreatmentPlanStatus>())
            {
                if (command.Legal.Contains(status) == legal)
                {
                    data.Add(command.Name, status);
                }
            }
        }

        return data;
    }

    /// <summary>A command, its event type, the status it leads to (null: unchanged) and the statuses it is legal in.</summary>
    private sealed record Command(string Name, Action<TreatmentPlan> Run, Type EventType, TreatmentPlanStatus? Result, TreatmentPlanStatus[] Legal);

    /// <summary>The observable state that a refused command must leave as it was.</summary>
    private sealed record Snapshot(
        TreatmentPlanStatus Status, long Version, int PendingCount, int RevisionCount, PlanRevision? LastRevision, PlanContent Current,
        int ExplanationCount, Explanation? LastExplanation, string? ChosenOption, int ReviewCount, PlanReview? LastReview, Instant? NextReviewDue,
        Instant? ActivatedAt)
    {
        public static Snapshot Of(TreatmentPlan p) => new(
            p.Status, p.Version, p.PendingEvents.Count, p.Revisions.Count, LastOf(p.Revisions), p.Current, p.Explanations.Count,
            LastOf(p.Explanations), p.ChosenOption, p.Reviews.Count, LastOf(p.Reviews), p.NextReviewDue, p.ActivatedAt);

        private static T? LastOf<T>(IReadOnlyList<T> items)
            where T : class => items.Count == 0 ? null : items[^1];
    }
}

public class PlanContentTests
{
    private static readonly GoalId G1 = new("g-1");

    private static readonly GoalId G2 = new("g-2");

    private static readonly GoalId G3 = new("g-3");

    private static readonly SessionFrequency Weekly = new(1, FrequencyUnit.Week);

    // ---- Goals ----------------------------------------------------------------------------------

    [Fact]
    public void Empty_HasNoGoalsAndNoInterventions()
    {
        PlanContent.Empty.GoalIds.Should().BeEmpty();
        PlanContent.Empty.Interventions.Should().BeEmpty();
        PlanContent.Empty.Medications.Should().BeEmpty();
    }

    [Fact]
    public void WithGoal_NewGoals_AddsThemInOrderAndLeavesOriginalUnchanged()
    {
        PlanContent original = PlanContent.Empty.WithGoal(G2);

        PlanContent changed = original.WithGoal(G1);

        changed.GoalIds.Should().Equal(G2, G1);
        original.GoalIds.Should().Equal(G2);
    }

    [Fact]
    public void WithGoal_GoalAlreadyInPlan_ThrowsArgumentException()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithGoal(G2);

        Action act = () => content.WithGoal(new GoalId("g-1"));

        act.Should().Throw<ArgumentException>();
        content.GoalIds.Should().Equal(G1, G2);
    }

    [Fact]
    public void WithGoal_DefaultId_ThrowsArgumentException()
    {
        Action act = () => PlanContent.Empty.WithGoal(default);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WithoutGoal_GoalInPlan_RemovesItAndKeepsTheOthersInOrder()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithGoal(G2).WithGoal(G3);

        content.WithoutGoal(G2).GoalIds.Should().Equal(G1, G3);
    }

    [Fact]
    public void WithoutGoal_GoalNotInPlan_ThrowsArgumentException()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1);

        Action act = () => content.WithoutGoal(G2);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WithoutGoal_LinkedInterventions_AreUnlinkedAndKept()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithGoal(G2)
            .WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1, G2]))
            .WithIntervention(new PsychotherapyIntervention("dbt", Weekly, [G2]))
            .WithIntervention(new MedicationIntervention("36437", [G2, G1]));

        PlanContent changed = content.WithoutGoal(G2);

        changed.Interventions.Should().Equal(
            new PsychotherapyIntervention("cbt", Weekly, [G1]),
            new PsychotherapyIntervention("dbt", Weekly, []),
            new MedicationIntervention("36437", [G1]));
        changed.Interventions.Should().AllSatisfy(i => i.GoalIds.Should().NotContain(G2));
        ((PsychotherapyIntervention)changed.Interventions[0]).Frequency.Should().Be(Weekly);
    }

    [Fact]
    public void WithoutGoal_UnlinkedInterventions_AreKeptAsTheyWere()
    {
        var cbt = new PsychotherapyIntervention("cbt", Weekly, [G1]);
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithGoal(G2).WithIntervention(cbt);

        content.WithoutGoal(G2).Interventions.Should().ContainSingle().Which.Should().BeSameAs(cbt);
    }

    [Fact]
    public void WithoutGoal_MedicationsOnlyGoal_ThrowsArgumentException()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithGoal(G2).WithIntervention(new MedicationIntervention("36437", [G2]));

        Action act = () => content.WithoutGoal(G2);

        act.Should().Throw<ArgumentException>();
        content.GoalIds.Should().Equal(G1, G2);
    }

    // ---- Interventions --------------------------------------------------------------------------

    [Fact]
    public void WithIntervention_GoalsInPlan_AppendsItInOrder()
    {
        var cbt = new PsychotherapyIntervention("cbt", Weekly, [G1]);
        var sertraline = new MedicationIntervention("36437", [G1]);

        PlanContent content = PlanContent.Empty.WithGoal(G1).WithIntervention(cbt).WithIntervention(sertraline);

        content.Interventions.Should().Equal(cbt, sertraline);
        content.Medications.Should().Equal(sertraline);
    }

    [Fact]
    public void WithIntervention_PsychotherapyWithoutGoals_IsAllowed()
    {
        PlanContent content = PlanContent.Empty.WithIntervention(new PsychotherapyIntervention("cbt", Weekly, []));

        content.Interventions.Should().ContainSingle();
    }

    [Fact]
    public void WithIntervention_GoalNotInPlan_ThrowsArgumentException()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1);

        FluentActions.Invoking(() => content.WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1, G2]))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => content.WithIntervention(new MedicationIntervention("36437", [G2]))).Should().Throw<ArgumentException>();
        content.Interventions.Should().BeEmpty();
    }

    [Fact]
    public void WithIntervention_EqualInterventionInPlan_ThrowsArgumentException()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1]));

        Action act = () => content.WithIntervention(new PsychotherapyIntervention("cbt", new SessionFrequency(1, FrequencyUnit.Week), [G1]));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WithIntervention_Null_ThrowsArgumentNullException()
    {
        Action act = () => PlanContent.Empty.WithIntervention(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void WithoutIntervention_EqualIntervention_RemovesIt()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1)
            .WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1]))
            .WithIntervention(new MedicationIntervention("36437", [G1]));

        PlanContent changed = content.WithoutIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1]));

        changed.Interventions.Should().Equal(new MedicationIntervention("36437", [G1]));
        content.Interventions.Should().HaveCount(2);
    }

    [Fact]
    public void WithoutIntervention_NotInPlan_ThrowsArgumentException()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1).WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1]));

        Action act = () => content.WithoutIntervention(new PsychotherapyIntervention("cbt", new SessionFrequency(2, FrequencyUnit.Week), [G1]));

        act.Should().Throw<ArgumentException>();
    }

    // ---- Equality -------------------------------------------------------------------------------

    [Fact]
    public void Equals_SameGoalsAndInterventionsBuiltSeparately_AreEqualWithEqualHashCodes()
    {
        PlanContent a = Build();
        PlanContent b = Build();

        a.Should().NotBeSameAs(b);
        a.Equals(b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());

        static PlanContent Build() => PlanContent.Empty.WithGoal(G1).WithGoal(G2)
            .WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1, G2]))
            .WithIntervention(new MedicationIntervention("36437", [G2]));
    }

    public static TheoryData<string> Differences => new("goal order", "intervention order", "frequency", "goal links", "goal link order", "kind", "code", "extra goal");

    [Theory]
    [MemberData(nameof(Differences))]
    public void Equals_ContentsDifferingInOneRespect_AreNotEqual(string difference)
    {
        PlanContent goals = PlanContent.Empty.WithGoal(G1).WithGoal(G2);
        var cbt = new PsychotherapyIntervention("cbt", Weekly, [G1, G2]);
        var dbt = new PsychotherapyIntervention("dbt", Weekly, [G2]);
        PlanContent baseline = goals.WithIntervention(cbt).WithIntervention(dbt);

        PlanContent other = difference switch
        {
            "goal order" => PlanContent.Empty.WithGoal(G2).WithGoal(G1).WithIntervention(cbt).WithIntervention(dbt),
            "intervention order" => goals.WithIntervention(dbt).WithIntervention(cbt),
            "frequency" => goals.WithIntervention(new PsychotherapyIntervention("cbt", new SessionFrequency(1, FrequencyUnit.Month), [G1, G2])).WithIntervention(dbt),
            "goal links" => goals.WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G1])).WithIntervention(dbt),
            "goal link order" => goals.WithIntervention(new PsychotherapyIntervention("cbt", Weekly, [G2, G1])).WithIntervention(dbt),
            "kind" => goals.WithIntervention(new MedicationIntervention("cbt", [G1, G2])).WithIntervention(dbt),
            "code" => goals.WithIntervention(new PsychotherapyIntervention("CBT", Weekly, [G1, G2])).WithIntervention(dbt),
            "extra goal" => goals.WithGoal(G3).WithIntervention(cbt).WithIntervention(dbt),
            _ => throw new ArgumentOutOfRangeException(nameof(difference), difference, "Not a difference of this test."),
        };

        baseline.Equals(other).Should().BeFalse();
        other.Equals(baseline).Should().BeFalse();
    }

    [Fact]
    public void Equals_NullOrOtherType_IsFalse()
    {
        PlanContent content = PlanContent.Empty.WithGoal(G1);

        content.Equals((object)"goals [g-1] interventions []").Should().BeFalse();
        PlanContent.Empty.Equals((object?)null).Should().BeFalse();
        content.Equals(null).Should().BeFalse();
    }

    // ---- Interventions and frequencies ----------------------------------------------------------

    [Fact]
    public void MedicationIntervention_NoGoals_ThrowsArgumentException()
    {
        Action act = () => _ = new MedicationIntervention("36437", []);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void MedicationIntervention_DefaultGoalId_ThrowsArgumentException()
    {
        Action act = () => _ = new MedicationIntervention("36437", [G1, default]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void MedicationIntervention_RepeatedGoal_KeepsItOnce()
    {
        var sertraline = new MedicationIntervention("36437", [G1, G2, G1]);

        sertraline.GoalIds.Should().Equal(G1, G2);
    }

    [Theory]
    [InlineData("sertraline 50 mg")]
    [InlineData("")]
    public void Interventions_CodeNotACodeToken_ThrowArgumentException(string code)
    {
        FluentActions.Invoking(() => new MedicationIntervention(code, [G1])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new PsychotherapyIntervention(code, Weekly, [G1])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PsychotherapyIntervention_NullFrequency_ThrowsArgumentNullException()
    {
        Action act = () => _ = new PsychotherapyIntervention("cbt", null!, [G1]);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    public void SessionFrequency_CountAtTheBounds_IsAccepted(int count)
    {
        var frequency = new SessionFrequency(count, FrequencyUnit.Month);

        frequency.Count.Should().Be(count);
        frequency.Unit.Should().Be(FrequencyUnit.Month);
        frequency.ToString().Should().Be($"{count}/Month");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(32)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void SessionFrequency_CountOutOfRange_ThrowsArgumentOutOfRangeException(int count)
    {
        Action act = () => _ = new SessionFrequency(count, FrequencyUnit.Week);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void SessionFrequency_UndefinedUnit_ThrowsArgumentOutOfRangeException()
    {
        Action act = () => _ = new SessionFrequency(1, (FrequencyUnit)5);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
