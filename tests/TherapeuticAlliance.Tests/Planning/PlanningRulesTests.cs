using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Planning;

public class PlanningRulesTests
{
    private static readonly PlanningSettings Defaults = PlanningSettings.Default;

    private static readonly Duration OneTick = Duration.FromTicks(1);

    private static readonly Duration OneHour = Duration.FromHours(1);

    private static readonly Duration OneDay = Duration.FromDays(1);

    private static readonly SubjectRef PlanSubject = SubjectRef.To(Episodes.PlanId);

    private static readonly SubjectRef GoalSubject = SubjectRef.To(new GoalId("g-1"));

    private const string Medication = "312938";

    // ---- The rule set ---------------------------------------------------------------------------

    [Fact]
    public void Create_Default_HoldsEveryRuleInCatalogueOrder()
    {
        RuleSet<TreatmentEpisode> rules = PlanningRules.Create();

        rules.Rules.Select(r => r.Code).Should().Equal(
            PlanningRuleCodes.OffGoalSession, PlanningRuleCodes.NoAgreedGoal, PlanningRuleCodes.MedicationOutsidePlan, PlanningRuleCodes.ReviewOverdue,
            PlanningRuleCodes.ProgressOverdue, PlanningRuleCodes.RevisedWithoutReason, PlanningRuleCodes.AgreedBeforeExplained, PlanningRuleCodes.NoPatientGoal);
        rules.Rules.Select(r => r.GetType()).Should().Equal(
            typeof(OffGoalSessionRule), typeof(NoAgreedGoalRule), typeof(MedicationOutsidePlanRule), typeof(ReviewOverdueRule),
            typeof(ProgressOverdueRule), typeof(RevisedWithoutReasonRule), typeof(AgreedBeforeExplainedRule), typeof(NoPatientGoalRule));
    }

    [Fact]
    public void Create_Default_EachRuleCitesItsSource()
    {
        RuleSet<TreatmentEpisode> rules = PlanningRules.Create();

        rules.Rules.Select(r => r.Citation).Should().Equal(
            PlanningCitations.AcaCounselingPlans, PlanningCitations.AcaCounselingPlans, PlanningCitations.ClinicPlanningPolicy, PlanningCitations.AcaCounselingPlans,
            PlanningCitations.JointCommissionProgressMeasurement, PlanningCitations.JointCommissionProgressMeasurement, PlanningCitations.AmaInformedConsent,
            PlanningCitations.AcaCounselingPlans);
    }

    [Fact]
    public void RuleCodes_Values_AreTheDocumentedCodes()
    {
        new[]
        {
            PlanningRuleCodes.OffGoalSession, PlanningRuleCodes.NoAgreedGoal, PlanningRuleCodes.MedicationOutsidePlan, PlanningRuleCodes.ReviewOverdue,
            PlanningRuleCodes.ProgressOverdue, PlanningRuleCodes.RevisedWithoutReason, PlanningRuleCodes.AgreedBeforeExplained, PlanningRuleCodes.NoPatientGoal,
        }.Select(c => c.Value).Should().Equal(
            "TA.FOCUS.OFF_GOAL_SESSION", "TA.FOCUS.NO_AGREED_GOAL", "TA.FOCUS.MEDICATION_OUTSIDE_PLAN", "TA.COMM.REVIEW_OVERDUE",
            "TA.COMM.PROGRESS_OVERDUE", "TA.COMM.REVISED_WITHOUT_REASON", "TA.COMM.AGREED_BEFORE_EXPLAINED", "TA.COMM.NO_PATIENT_GOAL");
    }

    [Fact]
    public void Create_Default_EveryRuleJudgesInCatalogueOrder()
    {
        IReadOnlyList<Verdict> verdicts = PlanningRules.Create().Evaluate(EveryRuleJudges());

        verdicts.Select(v => v.Code).Distinct().Should().Equal(PlanningRules.Create().Rules.Select(r => r.Code));
    }

    [Fact]
    public void Create_Null_UsesDefaults()
    {
        TreatmentEpisode episode = EveryRuleJudges();

        PlanningRules.Create(null).Evaluate(episode).Should().Equal(PlanningRules.Create(Defaults).Evaluate(episode));
    }

    [Fact]
    public void Create_CustomSettings_RulesUseThem()
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentPlan plan = Episodes.ActivePlan([goal]);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt - OneHour);
        plan.DiscussOption("cbt", Episodes.ActivatedAt - OneHour);
        Appointment session = Episodes.Session(1, [Episodes.Topic(25, goal.Id), Episodes.Topic(25)]);
        TreatmentEpisode episode = Episodes.Episode(plan, [goal], [session], asOf: Episodes.ActivatedAt + Duration.FromDays(10));
        PlanningSettings strict = Defaults with { MinimumGoalShare = 0.6, SessionsWithoutProgress = 1, ReviewInterval = Duration.FromDays(9) };

        PlanningRules.Create().Evaluate(episode).Where(v => !v.IsPass).Should().BeEmpty();
        PlanningRules.Create(strict).Evaluate(episode).Where(v => !v.IsPass).Select(v => v.Code).Should().Equal(
            PlanningRuleCodes.OffGoalSession, PlanningRuleCodes.ReviewOverdue, PlanningRuleCodes.ProgressOverdue);
    }

    [Theory]
    [InlineData("TA.FOCUS.OFF_GOAL_SESSION")]
    [InlineData("TA.FOCUS.NO_AGREED_GOAL")]
    [InlineData("TA.FOCUS.MEDICATION_OUTSIDE_PLAN")]
    [InlineData("TA.COMM.REVIEW_OVERDUE")]
    [InlineData("TA.COMM.PROGRESS_OVERDUE")]
    [InlineData("TA.COMM.REVISED_WITHOUT_REASON")]
    [InlineData("TA.COMM.AGREED_BEFORE_EXPLAINED")]
    [InlineData("TA.COMM.NO_PATIENT_GOAL")]
    public void AnyRule_PlanEnteredInError_NoVerdict(string code)
    {
        IRule<TreatmentEpisode> rule = RuleByCode(code);
        TreatmentEpisode episode = EveryRuleJudges();
        Evaluate(rule, episode).Should().NotBeEmpty("the rule judges the plan before it is marked");

        episode.Plan.MarkEnteredInError(Episodes.AsOf);

        Evaluate(rule, episode).Should().BeEmpty();
    }

    [Theory]
    [InlineData("TA.FOCUS.NO_AGREED_GOAL")]
    [InlineData("TA.COMM.REVIEW_OVERDUE")]
    [InlineData("TA.COMM.PROGRESS_OVERDUE")]
    [InlineData("TA.COMM.NO_PATIENT_GOAL")]
    public void AnyRule_DraftPlan_NoVerdict(string code)
    {
        Goal goal = Episodes.ActiveGoal(expressedBy: GoalExpressedBy.Clinician);
        TreatmentPlan plan = Episodes.DraftPlan([goal]);

        Evaluate(RuleByCode(code), Episodes.Episode(plan, [goal], Episodes.Sessions(6))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("TA.FOCUS.NO_AGREED_GOAL", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.FOCUS.NO_AGREED_GOAL", TreatmentPlanStatus.Completed)]
    [InlineData("TA.COMM.REVIEW_OVERDUE", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.COMM.REVIEW_OVERDUE", TreatmentPlanStatus.Completed)]
    [InlineData("TA.COMM.PROGRESS_OVERDUE", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.COMM.PROGRESS_OVERDUE", TreatmentPlanStatus.Completed)]
    [InlineData("TA.COMM.NO_PATIENT_GOAL", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.COMM.NO_PATIENT_GOAL", TreatmentPlanStatus.Completed)]
    public void OpenPlanRule_ClosedPlan_NoVerdict(string code, TreatmentPlanStatus status)
    {
        IRule<TreatmentEpisode> rule = RuleByCode(code);
        TreatmentEpisode episode = EveryRuleJudges();
        Evaluate(rule, episode).Should().NotBeEmpty("the rule judges the plan while it is active");

        Close(episode.Plan, status);

        Evaluate(rule, episode).Should().BeEmpty();
    }

    [Theory]
    [InlineData("TA.FOCUS.NO_AGREED_GOAL")]
    [InlineData("TA.COMM.REVIEW_OVERDUE")]
    [InlineData("TA.COMM.PROGRESS_OVERDUE")]
    [InlineData("TA.COMM.NO_PATIENT_GOAL")]
    public void OpenPlanRule_PlanOnHold_Judges(string code)
    {
        IRule<TreatmentEpisode> rule = RuleByCode(code);
        TreatmentEpisode episode = EveryRuleJudges();

        episode.Plan.PutOnHold(Episodes.AsOf - OneDay);

        Evaluate(rule, episode).Should().NotBeEmpty().And.OnlyContain(v => v.Code == rule.Code);
    }

    [Theory]
    [InlineData("TA.FOCUS.OFF_GOAL_SESSION", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.FOCUS.OFF_GOAL_SESSION", TreatmentPlanStatus.Completed)]
    [InlineData("TA.FOCUS.MEDICATION_OUTSIDE_PLAN", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.FOCUS.MEDICATION_OUTSIDE_PLAN", TreatmentPlanStatus.Completed)]
    [InlineData("TA.COMM.REVISED_WITHOUT_REASON", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.COMM.REVISED_WITHOUT_REASON", TreatmentPlanStatus.Completed)]
    [InlineData("TA.COMM.AGREED_BEFORE_EXPLAINED", TreatmentPlanStatus.Revoked)]
    [InlineData("TA.COMM.AGREED_BEFORE_EXPLAINED", TreatmentPlanStatus.Completed)]
    public void HistoryRule_ClosedPlan_StillJudges(string code, TreatmentPlanStatus status)
    {
        IRule<TreatmentEpisode> rule = RuleByCode(code);
        TreatmentEpisode episode = EveryRuleJudges();
        List<Verdict> before = Evaluate(rule, episode);

        Close(episode.Plan, status);

        Evaluate(rule, episode).Should().NotBeEmpty().And.Equal(before);
    }

    // ---- TA.FOCUS.OFF_GOAL_SESSION --------------------------------------------------------------

    [Fact]
    public void OffGoalSession_ShareExactlyMinimum_Passes()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(25, goal.Id), Episodes.Topic(25)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session]));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.OffGoalSession, SessionSubject(1), PlanningCitations.AcaCounselingPlans));
    }

    [Fact]
    public void OffGoalSession_ShareJustBelowMinimum_WarnsWithShareAndMinutes()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(24, goal.Id), Episodes.Topic(26)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session]));

        verdict.Should().Be(OffGoalWarning(1, 24, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_AllMinutesOnGoal_Passes()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(50, goal.Id)]);

        Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void OffGoalSession_TopicOnGoalOnHoldAtStart_DoesNotCount()
    {
        Goal active = Episodes.ActiveGoal();
        Goal onHold = Episodes.ActiveGoal("g-2");
        onHold.PutOnHold(Episodes.SessionStart(1) - OneHour);
        Appointment session = Episodes.Session(1, [Episodes.Topic(20, active.Id), Episodes.Topic(30, onHold.Id)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([active, onHold]), [active, onHold], [session]));

        verdict.Should().Be(OffGoalWarning(1, 20, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_TopicOnGoalActivatedAfterStart_DoesNotCount()
    {
        Goal active = Episodes.ActiveGoal();
        Goal later = Episodes.ActiveGoal("g-2", activatedAt: Episodes.SessionStart(1) + Duration.FromMinutes(1));
        Appointment session = Episodes.Session(1, [Episodes.Topic(20, active.Id), Episodes.Topic(30, later.Id)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([active, later]), [active, later], [session]));

        verdict.Should().Be(OffGoalWarning(1, 20, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_TopicOnGoalAcceptedButNeverActivated_DoesNotCount()
    {
        Goal active = Episodes.ActiveGoal();
        Goal accepted = Episodes.AgreedGoal("g-2");
        Appointment session = Episodes.Session(1, [Episodes.Topic(20, active.Id), Episodes.Topic(30, accepted.Id)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([active, accepted]), [active, accepted], [session]));

        verdict.Should().Be(OffGoalWarning(1, 20, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_GoalActivatedExactlyAtStart_Counts()
    {
        Goal goal = Episodes.ActiveGoal(activatedAt: Episodes.SessionStart(1));
        Appointment session = Episodes.Session(1, [Episodes.Topic(20), Episodes.Topic(30, goal.Id)]);

        Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void OffGoalSession_GoalPutOnHoldAfterStart_StillCounts()
    {
        Goal goal = Episodes.ActiveGoal();
        goal.PutOnHold(Episodes.SessionStart(1) + Duration.FromMinutes(10));
        Appointment session = Episodes.Session(1, [Episodes.Topic(20), Episodes.Topic(30, goal.Id)]);

        Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void OffGoalSession_GoalAddedToPlanAfterSession_CountsOnlyFromItsRevision()
    {
        Goal first = Episodes.ActiveGoal();
        Goal added = Episodes.ActiveGoal("g-2");
        TreatmentPlan plan = Episodes.ActivePlan([first]);
        Revise(plan, plan.Current.WithGoal(added.Id), [first, added], Episodes.SessionStart(2) - OneHour);
        Appointment before = Episodes.Session(1, [Episodes.Topic(20, first.Id), Episodes.Topic(30, added.Id)]);
        Appointment after = Episodes.Session(2, [Episodes.Topic(20, first.Id), Episodes.Topic(30, added.Id)]);

        List<Verdict> verdicts = Evaluate(new OffGoalSessionRule(Defaults), Episodes.Episode(plan, [first, added], [before, after]));

        verdicts.Should().Equal(
            OffGoalWarning(1, 20, 50, 0.5),
            Verdict.Pass(PlanningRuleCodes.OffGoalSession, SessionSubject(2), PlanningCitations.AcaCounselingPlans));
    }

    [Fact]
    public void OffGoalSession_GoalRemovedFromPlanBeforeSession_DoesNotCount()
    {
        Goal kept = Episodes.ActiveGoal();
        Goal removed = Episodes.ActiveGoal("g-2");
        TreatmentPlan plan = Episodes.ActivePlan([kept, removed]);
        Revise(plan, plan.Current.WithoutGoal(removed.Id), [kept, removed], Episodes.SessionStart(1) - OneHour);
        Appointment session = Episodes.Session(1, [Episodes.Topic(20, kept.Id), Episodes.Topic(30, removed.Id)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(plan, [kept, removed], [session]));

        verdict.Should().Be(OffGoalWarning(1, 20, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_ActiveGoalNotInPlan_DoesNotCount()
    {
        Goal inPlan = Episodes.ActiveGoal();
        Goal outside = Episodes.ActiveGoal("g-2");
        Appointment session = Episodes.Session(1, [Episodes.Topic(50, outside.Id)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([inPlan]), [inPlan, outside], [session]));

        verdict.Should().Be(OffGoalWarning(1, 0, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_TopicServingSeveralGoals_CountsItsMinutesOnce()
    {
        Goal first = Episodes.ActiveGoal();
        Goal second = Episodes.ActiveGoal("g-2");
        Appointment session = Episodes.Session(1, [Episodes.Topic(24, first.Id, second.Id), Episodes.Topic(26)]);

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([first, second]), [first, second], [session]));

        verdict.Should().Be(OffGoalWarning(1, 24, 50, 0.5));
    }

    [Fact]
    public void OffGoalSession_SessionWithoutTopics_NoVerdict()
    {
        Goal goal = Episodes.ActiveGoal();

        Evaluate(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(3))).Should().BeEmpty();
    }

    [Fact]
    public void OffGoalSession_SessionBeforePlanActivation_NoVerdict()
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentPlan plan = Episodes.ActivePlan([goal], at: Episodes.SessionStart(2) - OneHour);
        Appointment[] sessions = [Episodes.Session(1, [Episodes.Topic(50)]), Episodes.Session(2, [Episodes.Topic(50)])];

        Verdict verdict = Single(new OffGoalSessionRule(Defaults), Episodes.Episode(plan, [goal], sessions));

        verdict.Subject.Should().Be(SessionSubject(2));
    }

    [Fact]
    public void OffGoalSession_SessionStartedAfterAsOf_NoVerdict()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment[] sessions = [Episodes.Session(1, [Episodes.Topic(50)]), Episodes.Session(2, [Episodes.Topic(50)])];

        Verdict verdict = Single(
            new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], sessions, asOf: Episodes.SessionStart(2) - OneTick));

        verdict.Subject.Should().Be(SessionSubject(1));
    }

    [Fact]
    public void OffGoalSession_SessionNotFulfilled_NoVerdict()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment inSession = Appointments.InSession(slot: Episodes.SlotOf(1));
        inSession.RecordTopics([Episodes.Topic(10)], inSession.StartedAt!.Value + Duration.FromMinutes(20));

        Evaluate(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [inSession])).Should().BeEmpty();
    }

    [Fact]
    public void OffGoalSession_SessionWithTopics_SubjectIsTheSession()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment[] sessions = [Episodes.Session(1, [Episodes.Topic(50)]), Episodes.Session(2, [Episodes.Topic(50, goal.Id)])];

        List<Verdict> verdicts = Evaluate(new OffGoalSessionRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], sessions));

        verdicts.Select(v => v.Subject).Should().Equal(SessionSubject(1), SessionSubject(2));
        verdicts.Select(v => v.Outcome).Should().Equal(Outcome.Warning, Outcome.Pass);
    }

    [Fact]
    public void OffGoalSession_CustomMinimumExactly_Passes()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(40, goal.Id), Episodes.Topic(10)]);
        var rule = new OffGoalSessionRule(Defaults with { MinimumGoalShare = 0.8 });

        Single(rule, Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void OffGoalSession_CustomMinimumJustBelow_WarnsWithCustomMinimum()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(39, goal.Id), Episodes.Topic(11)]);
        var rule = new OffGoalSessionRule(Defaults with { MinimumGoalShare = 0.8 });

        Verdict verdict = Single(rule, Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session]));

        verdict.Should().Be(OffGoalWarning(1, 39, 50, 0.8));
    }

    [Fact]
    public void OffGoalSession_CustomLowerMinimum_PassesWhatDefaultWarns()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(24, goal.Id), Episodes.Topic(26)]);
        TreatmentEpisode episode = Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session]);

        Single(new OffGoalSessionRule(Defaults with { MinimumGoalShare = 0.4 }), episode).IsPass.Should().BeTrue();
        Single(new OffGoalSessionRule(Defaults), episode).IsPass.Should().BeFalse();
    }

    [Fact]
    public void OffGoalSession_MinimumZero_NothingOnGoalPasses()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment session = Episodes.Session(1, [Episodes.Topic(50)]);

        Single(new OffGoalSessionRule(Defaults with { MinimumGoalShare = 0 }), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [session]))
            .IsPass.Should().BeTrue();
    }

    // ---- TA.FOCUS.NO_AGREED_GOAL ----------------------------------------------------------------

    [Theory]
    [InlineData(GoalLifecycleStatus.Accepted)]
    [InlineData(GoalLifecycleStatus.Active)]
    [InlineData(GoalLifecycleStatus.OnHold)]
    public void NoAgreedGoal_OpenAgreedGoal_Passes(GoalLifecycleStatus status)
    {
        Goal goal = GoalIn(status);

        Verdict verdict = Single(new NoAgreedGoalRule(), Episodes.Episode(Episodes.ActivePlan([goal]), [goal]));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.NoAgreedGoal, PlanSubject, PlanningCitations.AcaCounselingPlans));
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Completed)]
    [InlineData(GoalLifecycleStatus.Cancelled)]
    [InlineData(GoalLifecycleStatus.Rejected)]
    [InlineData(GoalLifecycleStatus.EnteredInError)]
    public void NoAgreedGoal_OnlyAgreedGoalClosed_NeedsReviewWithPlanGoals(GoalLifecycleStatus status)
    {
        Goal goal = GoalIn(status);

        Verdict verdict = Single(new NoAgreedGoalRule(), Episodes.Episode(Episodes.ActivePlan([goal]), [goal]));

        verdict.Should().Be(new Verdict(PlanningRuleCodes.NoAgreedGoal, Outcome.NeedsReview, PlanSubject, PlanningCitations.AcaCounselingPlans,
            [Evidence.OfNumber("planGoals", 1)]));
    }

    [Fact]
    public void NoAgreedGoal_AllAgreedGoalsCancelledOrCompleted_NeedsReviewWithPlanGoals()
    {
        Goal cancelled = GoalIn(GoalLifecycleStatus.Cancelled);
        Goal completed = GoalIn(GoalLifecycleStatus.Completed, "g-2");
        Goal proposed = Episodes.ProposedGoal("g-3");

        Verdict verdict = Single(new NoAgreedGoalRule(), Episodes.Episode(Episodes.ActivePlan([cancelled, completed, proposed]), [cancelled, completed, proposed]));

        verdict.Should().Be(new Verdict(PlanningRuleCodes.NoAgreedGoal, Outcome.NeedsReview, PlanSubject, PlanningCitations.AcaCounselingPlans,
            [Evidence.OfNumber("planGoals", 3)]));
    }

    [Fact]
    public void NoAgreedGoal_OneOpenAgreedGoalAmongClosedOnes_Passes()
    {
        Goal cancelled = GoalIn(GoalLifecycleStatus.Cancelled);
        Goal active = Episodes.ActiveGoal("g-2");

        Single(new NoAgreedGoalRule(), Episodes.Episode(Episodes.ActivePlan([cancelled, active]), [cancelled, active])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void NoAgreedGoal_OpenAgreedGoalOutsidePlan_NeedsReview()
    {
        Goal cancelled = GoalIn(GoalLifecycleStatus.Cancelled);
        Goal outside = Episodes.ActiveGoal("g-2");

        Verdict verdict = Single(new NoAgreedGoalRule(), Episodes.Episode(Episodes.ActivePlan([cancelled]), [cancelled, outside]));

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
    }

    [Fact]
    public void NoAgreedGoal_PlanGoalMissingFromEpisode_NeedsReview()
    {
        Goal goal = Episodes.ActiveGoal();

        Verdict verdict = Single(new NoAgreedGoalRule(), Episodes.Episode(Episodes.ActivePlan([goal]), []));

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
    }

    [Fact]
    public void NoAgreedGoal_DraftPlan_NoVerdict()
    {
        Goal goal = GoalIn(GoalLifecycleStatus.Cancelled);

        Evaluate(new NoAgreedGoalRule(), Episodes.Episode(Episodes.DraftPlan([goal]), [goal])).Should().BeEmpty();
    }

    // ---- TA.FOCUS.MEDICATION_OUTSIDE_PLAN -------------------------------------------------------

    [Fact]
    public void MedicationOutsidePlan_PrescribedAfterRevisionThatAddedIt_Passes()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();

        Verdict verdict = Single(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx(Medication, added + OneDay)]));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.MedicationOutsidePlan, PlanSubject, PlanningCitations.ClinicPlanningPolicy));
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedAtTheRevisionInstant_Passes()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();

        Single(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx(Medication, added)])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void MedicationOutsidePlan_AnotherCliniciansPrescription_IsThatCliniciansPlansConcern()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();

        var verdicts = new List<Verdict>();

        new MedicationOutsidePlanRule().Evaluate(Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx("197361", added + OneDay, prescriber: "c-other")]), verdicts);

        verdicts.Should().BeEmpty("a prescription by another clinician is judged against that clinician's plan");
    }

    [Fact]
    public void Episode_PrescriptionOfAnotherPatient_IsRefused()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();
        var other = new Prescription(new PatientId("p-other"), plan.ClinicianId, Medication, added);

        Action act = () => Episodes.Episode(plan, [goal], prescriptions: [other]);

        act.Should().Throw<ArgumentException>().WithParameterName("prescriptions");
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedBeforeRevisionThatAddedIt_ViolationWithCodeAndInstant()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();

        Verdict verdict = Single(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx(Medication, added - OneTick)]));

        verdict.Should().Be(MedicationViolation(Medication, added - OneTick));
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedBeforeActivation_Violation()
    {
        (TreatmentPlan plan, Goal goal, _) = PlanWithMedication();

        Verdict verdict = Single(
            new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx(Medication, Episodes.ActivatedAt - OneDay)]));

        verdict.Should().Be(MedicationViolation(Medication, Episodes.ActivatedAt - OneDay));
    }

    [Fact]
    public void MedicationOutsidePlan_CodeNotInPlan_ViolationWithCodeAndInstant()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();

        Verdict verdict = Single(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx("197361", added + OneDay)]));

        verdict.Should().Be(MedicationViolation("197361", added + OneDay));
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedAfterRevisionThatStoppedIt_Violation()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();
        Revise(plan, plan.Current.WithoutIntervention(plan.Current.Medications.Single()), [goal], added + Duration.FromDays(7));

        List<Verdict> verdicts = Evaluate(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions:
            [Episodes.Rx(Medication, added + Duration.FromDays(6)), Episodes.Rx(Medication, added + Duration.FromDays(8))]));

        verdicts.Should().Equal(
            Verdict.Pass(PlanningRuleCodes.MedicationOutsidePlan, PlanSubject, PlanningCitations.ClinicPlanningPolicy),
            MedicationViolation(Medication, added + Duration.FromDays(8)));
    }

    [Fact]
    public void MedicationOutsidePlan_SeveralPrescriptions_OneVerdictEach()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();

        List<Verdict> verdicts = Evaluate(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal], prescriptions:
            [Episodes.Rx(Medication, added - OneHour), Episodes.Rx(Medication, added + OneHour), Episodes.Rx("197361", added + OneHour)]));

        verdicts.Select(v => v.Outcome).Should().Equal(Outcome.Violation, Outcome.Pass, Outcome.Violation);
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedAfterAsOf_Ignored()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();
        TreatmentEpisode episode = Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx("197361", added + OneDay)], asOf: added + OneDay - OneTick);

        Evaluate(new MedicationOutsidePlanRule(), episode).Should().BeEmpty();
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedExactlyAtAsOf_Judged()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();
        TreatmentEpisode episode = Episodes.Episode(plan, [goal], prescriptions: [Episodes.Rx("197361", added + OneDay)], asOf: added + OneDay);

        Single(new MedicationOutsidePlanRule(), episode).Outcome.Should().Be(Outcome.Violation);
    }

    [Fact]
    public void MedicationOutsidePlan_NoPrescriptions_NoVerdict()
    {
        (TreatmentPlan plan, Goal goal, _) = PlanWithMedication();

        Evaluate(new MedicationOutsidePlanRule(), Episodes.Episode(plan, [goal])).Should().BeEmpty();
    }

    [Fact]
    public void MedicationOutsidePlan_PrescribedWhileThePlanIsADraft_Violation()
    {
        Goal goal = Episodes.AgreedGoal();

        Verdict verdict = Single(new MedicationOutsidePlanRule(), Episodes.Episode(Episodes.DraftPlan([goal]), [goal], prescriptions: [Episodes.Rx(Medication, Episodes.ActivatedAt)]));

        verdict.Outcome.Should().Be(Outcome.Violation, "with no agreed plan in force every prescription is outside the plan");
        verdict.FindEvidence("medicationCode")!.Value.Text.Should().Be(Medication);
    }

    // ---- TA.COMM.REVIEW_OVERDUE -----------------------------------------------------------------

    [Fact]
    public void ReviewOverdue_NoScheduleExactlyIntervalAfterActivation_Passes()
    {
        Verdict verdict = Single(new ReviewOverdueRule(Defaults), ReviewEpisode(Episodes.ActivatedAt + Duration.FromDays(90)));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.ReviewOverdue, PlanSubject, PlanningCitations.AcaCounselingPlans));
    }

    [Fact]
    public void ReviewOverdue_NoScheduleOneTickPastInterval_WarnsWithDueAndOverdueBy()
    {
        Instant due = Episodes.ActivatedAt + Duration.FromDays(90);

        Verdict verdict = Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due + OneTick));

        verdict.Should().Be(ReviewWarning(due, OneTick));
    }

    [Fact]
    public void ReviewOverdue_NoScheduleLongPastInterval_OverdueByTheWholeDelay()
    {
        Instant due = Episodes.ActivatedAt + Duration.FromDays(90);

        Verdict verdict = Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due + Duration.FromDays(12)));

        verdict.Should().Be(ReviewWarning(due, Duration.FromDays(12)));
    }

    [Fact]
    public void ReviewOverdue_AfterReviewWithoutNextDue_DueIntervalAfterTheReview()
    {
        Instant reviewedAt = Episodes.ActivatedAt + Duration.FromDays(60);
        Instant due = reviewedAt + Duration.FromDays(90);

        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due, p => p.RecordReview([new GoalId("g-1")], null, reviewedAt))).IsPass.Should().BeTrue();
        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due + OneTick, p => p.RecordReview([new GoalId("g-1")], null, reviewedAt)))
            .Should().Be(ReviewWarning(due, OneTick));
    }

    [Fact]
    public void ReviewOverdue_SeveralReviews_DueFromTheLast()
    {
        Instant last = Episodes.ActivatedAt + Duration.FromDays(80);
        Action<TreatmentPlan> reviews = p =>
        {
            p.RecordReview([], null, Episodes.ActivatedAt + Duration.FromDays(40));
            p.RecordReview([], null, last);
        };

        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(last + Duration.FromDays(90) + OneTick, reviews))
            .Should().Be(ReviewWarning(last + Duration.FromDays(90), OneTick));
    }

    [Fact]
    public void ReviewOverdue_ScheduledEarlierThanInterval_UsesSchedule()
    {
        Instant due = Episodes.ActivatedAt + Duration.FromDays(14);

        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due, p => p.ScheduleReview(due, Episodes.ActivatedAt + OneHour))).IsPass.Should().BeTrue();
        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due + OneTick, p => p.ScheduleReview(due, Episodes.ActivatedAt + OneHour)))
            .Should().Be(ReviewWarning(due, OneTick));
    }

    [Fact]
    public void ReviewOverdue_ScheduledLaterThanInterval_PassesUntilSchedule()
    {
        Instant due = Episodes.ActivatedAt + Duration.FromDays(120);

        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due, p => p.ScheduleReview(due, Episodes.ActivatedAt + OneHour))).IsPass.Should().BeTrue();
    }

    [Fact]
    public void ReviewOverdue_ReviewWithNextDue_UsesNextDue()
    {
        Instant reviewedAt = Episodes.ActivatedAt + Duration.FromDays(30);
        Instant due = reviewedAt + Duration.FromDays(21);

        Single(new ReviewOverdueRule(Defaults), ReviewEpisode(due + OneTick, p => p.RecordReview([], due, reviewedAt)))
            .Should().Be(ReviewWarning(due, OneTick));
    }

    [Fact]
    public void ReviewOverdue_CustomIntervalExactly_Passes()
    {
        var rule = new ReviewOverdueRule(Defaults with { ReviewInterval = Duration.FromDays(30) });

        Single(rule, ReviewEpisode(Episodes.ActivatedAt + Duration.FromDays(30))).IsPass.Should().BeTrue();
    }

    [Fact]
    public void ReviewOverdue_CustomIntervalOneTickPast_Warns()
    {
        var rule = new ReviewOverdueRule(Defaults with { ReviewInterval = Duration.FromDays(30) });
        Instant due = Episodes.ActivatedAt + Duration.FromDays(30);

        Single(rule, ReviewEpisode(due + OneTick)).Should().Be(ReviewWarning(due, OneTick));
    }

    [Fact]
    public void ReviewOverdue_CustomLongerInterval_PassesWhatDefaultWarns()
    {
        TreatmentEpisode episode = ReviewEpisode(Episodes.ActivatedAt + Duration.FromDays(100));

        Single(new ReviewOverdueRule(Defaults with { ReviewInterval = Duration.FromDays(120) }), episode).IsPass.Should().BeTrue();
        Single(new ReviewOverdueRule(Defaults), episode).IsPass.Should().BeFalse();
    }

    // ---- TA.COMM.PROGRESS_OVERDUE ---------------------------------------------------------------

    [Fact]
    public void ProgressOverdue_ThreeSessionsSinceActivation_Passes()
    {
        Goal goal = Episodes.ActiveGoal();

        Verdict verdict = Single(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(3)));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.ProgressOverdue, GoalSubject, PlanningCitations.JointCommissionProgressMeasurement));
    }

    [Fact]
    public void ProgressOverdue_FourSessionsSinceActivation_WarnsWithCountAndThreshold()
    {
        Goal goal = Episodes.ActiveGoal();

        Verdict verdict = Single(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(4)));

        verdict.Should().Be(ProgressWarning("g-1", 4, 4));
    }

    [Fact]
    public void ProgressOverdue_ThreeSessionsSinceLastUpdate_Passes()
    {
        Goal goal = Episodes.ActiveGoal();
        goal.RecordProgress(Update("u-1", Episodes.SessionStart(2) + OneHour));

        Single(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(5))).IsPass.Should().BeTrue();
    }

    [Fact]
    public void ProgressOverdue_FourSessionsSinceLastUpdate_Warns()
    {
        Goal goal = Episodes.ActiveGoal();
        goal.RecordProgress(Update("u-1", Episodes.SessionStart(1) + OneHour));
        goal.RecordProgress(Update("u-2", Episodes.SessionStart(2) + OneHour));

        Verdict verdict = Single(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(6)));

        verdict.Should().Be(ProgressWarning("g-1", 4, 4));
    }

    [Fact]
    public void ProgressOverdue_UpdateAfterAsOf_Ignored()
    {
        Goal goal = Episodes.ActiveGoal();
        goal.RecordProgress(Update("u-1", Episodes.SessionStart(4) + OneHour));
        TreatmentEpisode episode = Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(4), asOf: Episodes.SessionStart(4) + Duration.FromMinutes(30));

        Single(new ProgressOverdueRule(Defaults), episode).Should().Be(ProgressWarning("g-1", 4, 4));
    }

    [Fact]
    public void ProgressOverdue_GoalActivatedAfterSomeSessions_CountsFromActivation()
    {
        Goal goal = Episodes.ActiveGoal(activatedAt: Episodes.SessionStart(2) + OneHour);
        TreatmentPlan plan = Episodes.ActivePlan([goal]);

        Single(new ProgressOverdueRule(Defaults), Episodes.Episode(plan, [goal], Episodes.Sessions(5))).IsPass.Should().BeTrue();
        Single(new ProgressOverdueRule(Defaults), Episodes.Episode(plan, [goal], Episodes.Sessions(6))).Should().Be(ProgressWarning("g-1", 4, 4));
    }

    [Fact]
    public void ProgressOverdue_SessionStartedAfterAsOf_NotCounted()
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentEpisode episode = Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(4), asOf: Episodes.SessionStart(4) - OneTick);

        Single(new ProgressOverdueRule(Defaults), episode).IsPass.Should().BeTrue();
    }

    [Fact]
    public void ProgressOverdue_SessionNotFulfilled_NotCounted()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment cancelled = Appointments.Booked(id: "s-4", slot: Episodes.SlotOf(4));
        cancelled.Cancel(Party.Patient, "pat", cancelled.Slot.Start - OneDay);

        Single(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [.. Episodes.Sessions(3), cancelled]))
            .IsPass.Should().BeTrue();
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Accepted)]
    [InlineData(GoalLifecycleStatus.OnHold)]
    [InlineData(GoalLifecycleStatus.Completed)]
    [InlineData(GoalLifecycleStatus.Cancelled)]
    public void ProgressOverdue_GoalNotActive_NoVerdict(GoalLifecycleStatus status)
    {
        Goal goal = GoalIn(status);

        Evaluate(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(6))).Should().BeEmpty();
    }

    [Fact]
    public void ProgressOverdue_ActiveGoalOutsidePlan_NoVerdict()
    {
        Goal inPlan = Episodes.ActiveGoal();
        Goal outside = Episodes.ActiveGoal("g-2");

        List<Verdict> verdicts = Evaluate(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([inPlan]), [inPlan, outside], Episodes.Sessions(6)));

        verdicts.Should().ContainSingle().Which.Subject.Should().Be(GoalSubject);
    }

    [Fact]
    public void ProgressOverdue_SeveralActiveGoals_OneVerdictEach()
    {
        Goal stale = Episodes.ActiveGoal();
        Goal updated = Episodes.ActiveGoal("g-2");
        updated.RecordProgress(Update("u-1", Episodes.SessionStart(3) + OneHour));

        List<Verdict> verdicts = Evaluate(new ProgressOverdueRule(Defaults), Episodes.Episode(Episodes.ActivePlan([stale, updated]), [stale, updated], Episodes.Sessions(4)));

        verdicts.Should().Equal(
            ProgressWarning("g-1", 4, 4),
            Verdict.Pass(PlanningRuleCodes.ProgressOverdue, SubjectRef.To(new GoalId("g-2")), PlanningCitations.JointCommissionProgressMeasurement));
    }

    [Fact]
    public void ProgressOverdue_CustomThresholdOne_NoSessionPasses()
    {
        Goal goal = Episodes.ActiveGoal();

        Single(new ProgressOverdueRule(Defaults with { SessionsWithoutProgress = 1 }), Episodes.Episode(Episodes.ActivePlan([goal]), [goal]))
            .IsPass.Should().BeTrue();
    }

    [Fact]
    public void ProgressOverdue_CustomThresholdOne_OneSessionWarns()
    {
        Goal goal = Episodes.ActiveGoal();

        Verdict verdict = Single(new ProgressOverdueRule(Defaults with { SessionsWithoutProgress = 1 }), Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(1)));

        verdict.Should().Be(ProgressWarning("g-1", 1, 1));
    }

    // ---- TA.COMM.REVISED_WITHOUT_REASON ---------------------------------------------------------

    [Fact]
    public void RevisedWithoutReason_OnlyFirstRevision_NoVerdict()
    {
        Goal goal = Episodes.ActiveGoal();

        Evaluate(new RevisedWithoutReasonRule(), Episodes.Episode(Episodes.ActivePlan([goal]), [goal])).Should().BeEmpty();
    }

    [Fact]
    public void RevisedWithoutReason_SecondRevisionWithoutReason_WarnsWithRevisionNumber()
    {
        (TreatmentPlan plan, Goal[] goals) = PlanRevisedOnce(reasons: []);

        Verdict verdict = Single(new RevisedWithoutReasonRule(), Episodes.Episode(plan, goals));

        verdict.Should().Be(new Verdict(PlanningRuleCodes.RevisedWithoutReason, Outcome.Warning, PlanSubject, PlanningCitations.JointCommissionProgressMeasurement,
            [Evidence.OfNumber("revision", 2)]));
    }

    [Fact]
    public void RevisedWithoutReason_SecondRevisionWithReason_Passes()
    {
        (TreatmentPlan plan, Goal[] goals) = PlanRevisedOnce(reasons: ["progress-data"]);

        Verdict verdict = Single(new RevisedWithoutReasonRule(), Episodes.Episode(plan, goals));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.RevisedWithoutReason, PlanSubject, PlanningCitations.JointCommissionProgressMeasurement));
    }

    [Fact]
    public void RevisedWithoutReason_SeveralRevisions_OneVerdictEach()
    {
        (TreatmentPlan plan, Goal[] goals) = PlanRevisedOnce(reasons: ["progress-data"]);
        Revise(plan, plan.Current.WithoutGoal(new GoalId("g-2")), goals, Episodes.ActivatedAt + Duration.FromDays(14), reasons: []);

        List<Verdict> verdicts = Evaluate(new RevisedWithoutReasonRule(), Episodes.Episode(plan, goals));

        verdicts.Should().Equal(
            Verdict.Pass(PlanningRuleCodes.RevisedWithoutReason, PlanSubject, PlanningCitations.JointCommissionProgressMeasurement),
            new Verdict(PlanningRuleCodes.RevisedWithoutReason, Outcome.Warning, PlanSubject, PlanningCitations.JointCommissionProgressMeasurement,
                [Evidence.OfNumber("revision", 3)]));
    }

    [Fact]
    public void RevisedWithoutReason_RevisionAfterAsOf_NotJudged()
    {
        (TreatmentPlan plan, Goal[] goals) = PlanRevisedOnce(reasons: []);

        Evaluate(new RevisedWithoutReasonRule(), Episodes.Episode(plan, goals, asOf: Episodes.ActivatedAt + Duration.FromDays(7) - OneTick)).Should().BeEmpty();
        Evaluate(new RevisedWithoutReasonRule(), Episodes.Episode(plan, goals, asOf: Episodes.ActivatedAt + Duration.FromDays(7))).Should().ContainSingle();
    }

    // ---- TA.COMM.AGREED_BEFORE_EXPLAINED --------------------------------------------------------

    [Fact]
    public void AgreedBeforeExplained_BothExplainedBeforeAgreement_Passes()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt - OneHour);
        plan.DiscussOption("cbt", Episodes.ActivatedAt - OneHour);

        Verdict verdict = Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.AgreedBeforeExplained, PlanSubject, PlanningCitations.AmaInformedConsent));
    }

    [Fact]
    public void AgreedBeforeExplained_BothExplainedAtTheAgreementInstant_Passes()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt);
        plan.DiscussOption("cbt", Episodes.ActivatedAt);

        Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal])).IsPass.Should().BeTrue();
    }

    [Fact]
    public void AgreedBeforeExplained_OptionDiscussedAfterAgreement_ViolationMissingOption()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt - OneHour);
        plan.DiscussOption("cbt", Episodes.ActivatedAt + OneTick);

        Verdict verdict = Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdict.Should().Be(ExplainedFinding(Outcome.Violation, 1, Episodes.ActivatedAt, "optionDiscussed"));
    }

    [Fact]
    public void AgreedBeforeExplained_OnlyDiagnosisMissing_NeedsReviewMissingDiagnosis()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        plan.DiscussOption("cbt", Episodes.ActivatedAt - OneHour);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt + OneTick);

        Verdict verdict = Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdict.Should().Be(ExplainedFinding(Outcome.NeedsReview, 1, Episodes.ActivatedAt, "diagnosisExplained"));
    }

    [Fact]
    public void AgreedBeforeExplained_NothingExplained_ViolationMissingBoth()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);

        Verdict verdict = Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.FindEvidence("missing")!.Value.Text.Should().Contain("optionDiscussed").And.Contain("diagnosisExplained");
    }

    [Fact]
    public void AgreedBeforeExplained_OptionOnlyChosenNotDiscussedBeforeAgreement_Violation()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt - OneHour);
        plan.DiscussOption("cbt", Episodes.ActivatedAt + OneHour);
        plan.ChooseOption("cbt", Episodes.ActivatedAt + Duration.FromHours(2));

        Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal])).Should().Be(ExplainedFinding(Outcome.Violation, 1, Episodes.ActivatedAt, "optionDiscussed"));
    }

    [Fact]
    public void AgreedBeforeExplained_ExplainedAfterAgreementButBeforeActivation_Violation()
    {
        Instant agreedAt = Episodes.ActivatedAt - Duration.FromHours(2);
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(agreedAt);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt - OneHour);
        plan.DiscussOption("cbt", Episodes.ActivatedAt - OneHour);

        Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal])).Outcome.Should().Be(Outcome.Violation);
    }

    [Fact]
    public void AgreedBeforeExplained_TwoAgreedRevisions_OneVerdictEach()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        Instant secondAgreedAt = Episodes.ActivatedAt + Duration.FromDays(7);
        Revise(plan, plan.Current.WithIntervention(Cbt()), [goal], secondAgreedAt, patientAgreedAt: secondAgreedAt);
        plan.ExplainDiagnosis("F32.1", Episodes.ActivatedAt + OneDay);
        plan.DiscussOption("cbt", Episodes.ActivatedAt + OneDay);

        List<Verdict> verdicts = Evaluate(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdicts.Should().HaveCount(2);
        verdicts[0].Outcome.Should().Be(Outcome.Violation);
        verdicts[0].FindEvidence("revision")!.Value.Number.Should().Be(1);
        verdicts[1].Should().Be(Verdict.Pass(PlanningRuleCodes.AgreedBeforeExplained, PlanSubject, PlanningCitations.AmaInformedConsent));
    }

    [Fact]
    public void AgreedBeforeExplained_SecondRevisionExplainedLate_FindingNamesThatRevision()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        Instant secondAgreedAt = Episodes.ActivatedAt + Duration.FromDays(7);
        Revise(plan, plan.Current.WithIntervention(Cbt()), [goal], secondAgreedAt, patientAgreedAt: secondAgreedAt);
        plan.DiscussOption("cbt", Episodes.ActivatedAt - OneHour);
        plan.ExplainDiagnosis("F32.1", secondAgreedAt + OneHour);

        List<Verdict> verdicts = Evaluate(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdicts.Should().Equal(
            ExplainedFinding(Outcome.NeedsReview, 1, Episodes.ActivatedAt, "diagnosisExplained"),
            ExplainedFinding(Outcome.NeedsReview, 2, secondAgreedAt, "diagnosisExplained"));
    }

    [Fact]
    public void AgreedBeforeExplained_RevisionNotAgreedByPatient_Skipped()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        Revise(plan, plan.Current.WithIntervention(Cbt()), [goal], Episodes.ActivatedAt + Duration.FromDays(7), patientAgreedAt: null);

        Verdict verdict = Single(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal]));

        verdict.FindEvidence("revision")!.Value.Number.Should().Be(1);
    }

    [Fact]
    public void AgreedBeforeExplained_AgreementAfterAsOf_Skipped()
    {
        (TreatmentPlan plan, Goal goal) = PlanAgreedAt(Episodes.ActivatedAt);
        Instant secondAgreedAt = Episodes.ActivatedAt + Duration.FromDays(7);
        Revise(plan, plan.Current.WithIntervention(Cbt()), [goal], Episodes.ActivatedAt + Duration.FromDays(6), patientAgreedAt: secondAgreedAt);

        Evaluate(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal], asOf: secondAgreedAt - OneTick)).Should().ContainSingle();
        Evaluate(new AgreedBeforeExplainedRule(), Episodes.Episode(plan, [goal], asOf: secondAgreedAt)).Should().HaveCount(2);
    }

    // ---- TA.COMM.NO_PATIENT_GOAL ----------------------------------------------------------------

    [Theory]
    [InlineData(GoalExpressedBy.Patient)]
    [InlineData(GoalExpressedBy.Both)]
    public void NoPatientGoal_GoalExpressedByPatient_Passes(GoalExpressedBy expressedBy)
    {
        Goal clinicians = Episodes.ActiveGoal(expressedBy: GoalExpressedBy.Clinician);
        Goal patients = Episodes.ActiveGoal("g-2", expressedBy);

        Verdict verdict = Single(new NoPatientGoalRule(), Episodes.Episode(Episodes.ActivePlan([clinicians, patients]), [clinicians, patients]));

        verdict.Should().Be(Verdict.Pass(PlanningRuleCodes.NoPatientGoal, PlanSubject, PlanningCitations.AcaCounselingPlans));
    }

    [Fact]
    public void NoPatientGoal_OnlyClinicianGoals_Warns()
    {
        Goal first = Episodes.ActiveGoal(expressedBy: GoalExpressedBy.Clinician);
        Goal second = Episodes.AgreedGoal("g-2", GoalExpressedBy.Clinician);

        Verdict verdict = Single(new NoPatientGoalRule(), Episodes.Episode(Episodes.ActivePlan([first, second]), [first, second]));

        verdict.Should().Be(new Verdict(PlanningRuleCodes.NoPatientGoal, Outcome.Warning, PlanSubject, PlanningCitations.AcaCounselingPlans,
            [Evidence.OfNumber("planGoals", 2)]));
    }

    [Fact]
    public void NoPatientGoal_PatientGoalOutsidePlan_Warns()
    {
        Goal inPlan = Episodes.ActiveGoal(expressedBy: GoalExpressedBy.Clinician);
        Goal outside = Episodes.ActiveGoal("g-2", GoalExpressedBy.Patient);

        Single(new NoPatientGoalRule(), Episodes.Episode(Episodes.ActivePlan([inPlan]), [inPlan, outside])).Outcome.Should().Be(Outcome.Warning);
    }

    [Fact]
    public void NoPatientGoal_PatientGoalRemovedByRevision_Warns()
    {
        Goal clinicians = Episodes.ActiveGoal(expressedBy: GoalExpressedBy.Clinician);
        Goal patients = Episodes.ActiveGoal("g-2", GoalExpressedBy.Patient);
        TreatmentPlan plan = Episodes.ActivePlan([clinicians, patients]);
        Revise(plan, plan.Current.WithoutGoal(patients.Id), [clinicians, patients], Episodes.ActivatedAt + OneDay);

        Single(new NoPatientGoalRule(), Episodes.Episode(plan, [clinicians, patients])).Outcome.Should().Be(Outcome.Warning);
    }

    // ---- PlanningSettings -----------------------------------------------------------------------

    [Fact]
    public void Settings_Default_HasDocumentedDefaults()
    {
        Defaults.MinimumGoalShare.Should().Be(0.5);
        Defaults.SessionsWithoutProgress.Should().Be(4);
        Defaults.ReviewInterval.Should().Be(Duration.FromDays(90));
        new PlanningSettings().Should().Be(Defaults);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Settings_MinimumGoalShareOutsideZeroToOne_Throws(double share)
    {
        Action act = () => _ = Defaults with { MinimumGoalShare = share };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(PlanningSettings.MinimumGoalShare));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.75)]
    public void Settings_MinimumGoalShareWithinZeroToOne_Accepted(double share)
    {
        PlanningSettings settings = Defaults with { MinimumGoalShare = share };

        settings.MinimumGoalShare.Should().Be(share);
        settings.SessionsWithoutProgress.Should().Be(Defaults.SessionsWithoutProgress);
        settings.ReviewInterval.Should().Be(Defaults.ReviewInterval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Settings_SessionsWithoutProgressBelowOne_Throws(int sessions)
    {
        Action act = () => _ = Defaults with { SessionsWithoutProgress = sessions };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(PlanningSettings.SessionsWithoutProgress));
    }

    [Fact]
    public void Settings_SessionsWithoutProgressOne_Accepted()
    {
        (Defaults with { SessionsWithoutProgress = 1 }).SessionsWithoutProgress.Should().Be(1);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-864_000_000_000L)]
    public void Settings_ReviewIntervalNotPositive_Throws(long ticks)
    {
        Action act = () => _ = Defaults with { ReviewInterval = Duration.FromTicks(ticks) };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(PlanningSettings.ReviewInterval));
    }

    [Fact]
    public void Settings_ReviewIntervalOneTick_Accepted()
    {
        (Defaults with { ReviewInterval = OneTick }).ReviewInterval.Should().Be(OneTick);
    }

    [Fact]
    public void Settings_With_LeavesDefaultUnchanged()
    {
        PlanningSettings changed = Defaults with { SessionsWithoutProgress = 2 };

        changed.Should().NotBe(Defaults);
        PlanningSettings.Default.SessionsWithoutProgress.Should().Be(4);
    }

    [Fact]
    public void Rules_NullSettings_Throw()
    {
        ((Action)(() => _ = new OffGoalSessionRule(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new ReviewOverdueRule(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new ProgressOverdueRule(null!))).Should().Throw<ArgumentNullException>();
    }

    // ---- TreatmentEpisode -----------------------------------------------------------------------

    [Fact]
    public void Episode_GoalOfAnotherPatient_Throws()
    {
        Goal goal = Episodes.ActiveGoal();
        Goal foreign = Episodes.ActiveGoal("g-2", patient: "p-2");
        TreatmentPlan plan = Episodes.ActivePlan([goal]);

        Action act = () => _ = Episodes.Episode(plan, [goal, foreign]);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Episode_SessionOfAnotherPatient_Throws()
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentPlan plan = Episodes.ActivePlan([goal]);
        Appointment foreign = Episodes.Session(2, patient: "p-2");

        Action act = () => _ = Episodes.Episode(plan, [goal], [Episodes.Session(1), foreign]);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Episode_OwnGoalsAndSessions_Accepted()
    {
        Goal goal = Episodes.ActiveGoal();

        TreatmentEpisode episode = Episodes.Episode(Episodes.ActivePlan([goal]), [goal], Episodes.Sessions(2));

        episode.Goals.Should().ContainSingle();
        episode.Sessions.Should().HaveCount(2);
        episode.AsOf.Should().Be(Episodes.AsOf);
    }

    [Fact]
    public void Episode_NullItem_Throws()
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentPlan plan = Episodes.ActivePlan([goal]);

        ((Action)(() => _ = Episodes.Episode(plan, [goal, null!]))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = Episodes.Episode(plan, [goal], [null!]))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = Episodes.Episode(plan, [goal], prescriptions: [null!]))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Episode_Sessions_OrderedByScheduledStart()
    {
        Goal goal = Episodes.ActiveGoal();

        TreatmentEpisode episode = Episodes.Episode(Episodes.ActivePlan([goal]), [goal], [Episodes.Session(3), Episodes.Session(1), Episodes.Session(2)]);

        episode.Sessions.Select(s => s.Id.Value).Should().Equal("s-1", "s-2", "s-3");
    }

    [Fact]
    public void Episode_FulfilledSessions_OnlyFulfilledAndStartedByAsOf()
    {
        Goal goal = Episodes.ActiveGoal();
        Appointment booked = Appointments.Booked(id: "s-9", slot: Episodes.SlotOf(9));
        TreatmentEpisode episode = Episodes.Episode(
            Episodes.ActivePlan([goal]), [goal], [.. Episodes.Sessions(3), booked], asOf: Episodes.SessionStart(3) - OneTick);

        episode.FulfilledSessions.Select(s => s.Id.Value).Should().Equal("s-1", "s-2");
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static List<Verdict> Evaluate(IRule<TreatmentEpisode> rule, TreatmentEpisode episode)
    {
        var verdicts = new List<Verdict>();
        rule.Evaluate(episode, verdicts);
        return verdicts;
    }

    private static Verdict Single(IRule<TreatmentEpisode> rule, TreatmentEpisode episode)
    {
        List<Verdict> verdicts = Evaluate(rule, episode);
        verdicts.Should().ContainSingle();
        return verdicts[0];
    }

    private static IRule<TreatmentEpisode> RuleByCode(string code) => PlanningRules.Create().Rules.Single(r => r.Code.Value == code);

    private static SubjectRef SessionSubject(int n) => SubjectRef.To(new AppointmentId($"s-{n}"));

    private static ProgressUpdate Update(string id, Instant at) => new(new ProgressUpdateId(id), at, Party.Clinician, GoalAchievementStatus.Improving);

    private static PsychotherapyIntervention Cbt() => new("cbt", new SessionFrequency(1, FrequencyUnit.Week), []);

    private static PlanRevision Revise(
        TreatmentPlan plan, PlanContent content, IEnumerable<Goal> goals, Instant at, IEnumerable<string>? reasons = null, Instant? patientAgreedAt = default) =>
        plan.Revise(content, goals, Party.Clinician, reasons ?? ["progress-data"], [], [], patientAgreedAt, at);

    /// <summary>A goal of p-1 agreed at <see cref="Episodes.AgreedAt"/>, brought to the given status a day after the plan's activation.</summary>
    private static Goal GoalIn(GoalLifecycleStatus status, string id = "g-1")
    {
        Instant later = Episodes.ActivatedAt + OneDay;
        switch (status)
        {
            case GoalLifecycleStatus.Accepted:
                return Episodes.AgreedGoal(id);
            case GoalLifecycleStatus.Active:
                return Episodes.ActiveGoal(id);
            case GoalLifecycleStatus.OnHold:
            {
                Goal goal = Episodes.ActiveGoal(id);
                goal.PutOnHold(later);
                return goal;
            }

            case GoalLifecycleStatus.Completed:
            {
                Goal goal = Episodes.ActiveGoal(id);
                goal.Complete(new ProgressUpdate(new ProgressUpdateId($"u-{id}"), later, Party.Clinician, GoalAchievementStatus.Achieved));
                return goal;
            }

            case GoalLifecycleStatus.Cancelled:
            {
                Goal goal = Episodes.ActiveGoal(id);
                goal.Cancel(Party.Patient, "no-longer-relevant", later);
                return goal;
            }

            case GoalLifecycleStatus.Rejected:
            {
                Goal goal = Episodes.AgreedGoal(id);
                goal.Reject(Party.Patient, "declined", later);
                return goal;
            }

            case GoalLifecycleStatus.EnteredInError:
            {
                Goal goal = Episodes.ActiveGoal(id);
                goal.MarkEnteredInError(later);
                return goal;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "No builder for that status.");
        }
    }

    private static void Close(TreatmentPlan plan, TreatmentPlanStatus status)
    {
        if (status == TreatmentPlanStatus.Revoked)
        {
            plan.Revoke(Episodes.AsOf - OneDay);
        }
        else
        {
            plan.Complete(Episodes.AsOf - OneDay);
        }
    }

    /// <summary>
    /// An episode in which every rule judges something: a patient's active goal; a plan activated with the patient's
    /// agreement (no explanations) and revised a day later to add a medication; four sessions on the goal; a prescription
    /// of the medication.
    /// </summary>
    private static TreatmentEpisode EveryRuleJudges()
    {
        (TreatmentPlan plan, Goal goal, Instant added) = PlanWithMedication();
        Appointment[] sessions = [.. Enumerable.Range(1, 4).Select(n => Episodes.Session(n, [Episodes.Topic(50, goal.Id)]))];
        return Episodes.Episode(plan, [goal], sessions, [Episodes.Rx(Medication, added + OneDay)]);
    }

    /// <summary>A plan for an active goal g-1, activated at <see cref="Episodes.ActivatedAt"/> and revised a day later (returned) to add <see cref="Medication"/>.</summary>
    private static (TreatmentPlan Plan, Goal Goal, Instant Added) PlanWithMedication()
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentPlan plan = Episodes.ActivePlan([goal]);
        Instant added = Episodes.ActivatedAt + OneDay;
        Revise(plan, plan.Current.WithIntervention(new MedicationIntervention(Medication, [goal.Id])), [goal], added, patientAgreedAt: added);
        return (plan, goal, added);
    }

    /// <summary>A plan for g-1 and g-2, revised seven days after activation (adding g-2) with the given reasons.</summary>
    private static (TreatmentPlan Plan, Goal[] Goals) PlanRevisedOnce(IEnumerable<string> reasons)
    {
        Goal[] goals = [Episodes.ActiveGoal(), Episodes.ActiveGoal("g-2")];
        TreatmentPlan plan = Episodes.ActivePlan([goals[0]]);
        Revise(plan, plan.Current.WithGoal(goals[1].Id), goals, Episodes.ActivatedAt + Duration.FromDays(7), reasons, Episodes.ActivatedAt + Duration.FromDays(7));
        return (plan, goals);
    }

    /// <summary>A plan for an active goal g-1, activated at <see cref="Episodes.ActivatedAt"/> with the patient's agreement at <paramref name="patientAgreedAt"/>.</summary>
    private static (TreatmentPlan Plan, Goal Goal) PlanAgreedAt(Instant patientAgreedAt)
    {
        Goal goal = Episodes.ActiveGoal();
        return (Episodes.ActivePlan([goal], patientAgreedAt: patientAgreedAt), goal);
    }

    private static TreatmentEpisode ReviewEpisode(Instant asOf, Action<TreatmentPlan>? arrange = null)
    {
        Goal goal = Episodes.ActiveGoal();
        TreatmentPlan plan = Episodes.ActivePlan([goal]);
        arrange?.Invoke(plan);
        return Episodes.Episode(plan, [goal], asOf: asOf);
    }

    private static Verdict OffGoalWarning(int session, int goalMinutes, int topicMinutes, double minimum) =>
        new(PlanningRuleCodes.OffGoalSession, Outcome.Warning, SessionSubject(session), PlanningCitations.AcaCounselingPlans,
        [
            Evidence.OfNumber("goalShare", (double)goalMinutes / topicMinutes),
            Evidence.OfNumber("minimumShare", minimum),
            Evidence.OfNumber("goalMinutes", goalMinutes),
            Evidence.OfNumber("topicMinutes", topicMinutes),
        ]);

    private static Verdict MedicationViolation(string code, Instant prescribedAt) =>
        new(PlanningRuleCodes.MedicationOutsidePlan, Outcome.Violation, PlanSubject, PlanningCitations.ClinicPlanningPolicy,
            [Evidence.OfCode("medicationCode", code), Evidence.OfInstant("prescribedAt", prescribedAt)]);

    private static Verdict ReviewWarning(Instant due, Duration overdueBy) =>
        new(PlanningRuleCodes.ReviewOverdue, Outcome.Warning, PlanSubject, PlanningCitations.AcaCounselingPlans,
            [Evidence.OfInstant("reviewDue", due), Evidence.OfDuration("overdueBy", overdueBy)]);

    private static Verdict ProgressWarning(string goal, int sessions, int threshold) =>
        new(PlanningRuleCodes.ProgressOverdue, Outcome.Warning, SubjectRef.To(new GoalId(goal)), PlanningCitations.JointCommissionProgressMeasurement,
            [Evidence.OfNumber("sessionsSinceUpdate", sessions), Evidence.OfNumber("threshold", threshold)]);

    private static Verdict ExplainedFinding(Outcome outcome, int revision, Instant agreedAt, string missing) =>
        new(PlanningRuleCodes.AgreedBeforeExplained, outcome, PlanSubject, PlanningCitations.AmaInformedConsent,
        [
            Evidence.OfNumber("revision", revision),
            Evidence.OfInstant("patientAgreedAt", agreedAt),
            Evidence.OfCode("missing", missing),
        ]);
}
