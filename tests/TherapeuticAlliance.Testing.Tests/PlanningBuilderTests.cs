using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing.Tests;

public class GoalBuilderTests
{
    private static readonly Instant P = BuilderDefaults.GoalsProposedAt;

    [Fact]
    public void Build_Defaults_AgreedByBothInThePatientsWords()
    {
        Goal goal = new GoalBuilder().Build();

        goal.Id.Value.Should().Be("g-1");
        goal.PatientId.Value.Should().Be("p-1");
        goal.ClinicianId.Value.Should().Be("c-1");
        goal.ExpressedBy.Should().Be(GoalExpressedBy.Patient);
        goal.Statement.Should().Be(GoalBuilder.DefaultStatement);
        goal.Targets.Should().ContainSingle().Which.MeasureCode.Should().Be(GoalTarget.Phq9TotalLoinc);
        goal.Status.Should().Be(GoalLifecycleStatus.Accepted);
        goal.IsAgreed.Should().BeTrue();
        goal.AgreedAt.Should().Be(P + Duration.FromMinutes(20));
    }

    [Fact]
    public void Build_Twice_CountsIds()
    {
        var builder = new GoalBuilder();
        builder.Build().Id.Value.Should().Be("g-1");
        builder.Build().Id.Value.Should().Be("g-2");
        builder.WithId("goal-x").Build().Id.Value.Should().Be("goal-x");
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        Goal goal = new GoalBuilder().ForPatient("p-2").WithClinician("c-2").ExpressedBy(GoalExpressedBy.Clinician)
            .WithStatement("Return to work").WithTargets().ProposedAt(P + Duration.FromDays(3)).Build();

        goal.PatientId.Value.Should().Be("p-2");
        goal.ClinicianId.Value.Should().Be("c-2");
        goal.ExpressedBy.Should().Be(GoalExpressedBy.Clinician);
        goal.Statement.Should().Be("Return to work");
        goal.Targets.Should().BeEmpty();
        goal.AgreedAt.Should().Be(P + Duration.FromDays(3) + Duration.FromMinutes(20));
    }

    [Fact]
    public void Proposed_AndAcceptedOnlyBy_AreNotAgreed()
    {
        new GoalBuilder().Proposed().Build().Status.Should().Be(GoalLifecycleStatus.Proposed);
        Goal half = new GoalBuilder().AcceptedOnlyBy(Party.Clinician).Build();
        half.IsAgreed.Should().BeFalse();
        half.ClinicianAcceptedAt.Should().NotBeNull();
        half.PatientAcceptedAt.Should().BeNull();
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Active)]
    [InlineData(GoalLifecycleStatus.OnHold)]
    [InlineData(GoalLifecycleStatus.Completed)]
    [InlineData(GoalLifecycleStatus.Cancelled)]
    public void LaterSteps_ReachTheirStatus(GoalLifecycleStatus status)
    {
        var builder = new GoalBuilder();
        _ = status switch
        {
            GoalLifecycleStatus.Active => builder.Active(),
            GoalLifecycleStatus.OnHold => builder.OnHold(),
            GoalLifecycleStatus.Completed => builder.Completed(),
            _ => builder.Cancelled(),
        };

        builder.Build().Status.Should().Be(status);
    }

    [Fact]
    public void WithProgress_RecordsWeeklyUpdatesOnTheActiveGoal()
    {
        Goal goal = new GoalBuilder().WithProgress(GoalAchievementStatus.Improving).WithProgress(GoalAchievementStatus.NoChange).Build();

        goal.Status.Should().Be(GoalLifecycleStatus.Active);
        goal.ProgressUpdates.Select(u => u.At).Should().Equal(P + Duration.FromDays(7), P + Duration.FromDays(14));
        goal.Achievement.Should().Be(GoalAchievementStatus.NoChange);
    }

    [Fact]
    public void Completed_WithAnAssessmentThatIsNotFinal_IsRefusedByTheGoal()
    {
        GoalBuilder builder = new GoalBuilder().Completed(GoalAchievementStatus.Improving);

        builder.Invoking(b => b.Build()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(new RuleCode("TA.GOAL.FINAL_ASSESSMENT"));
    }

    [Fact]
    public void WithStatement_Blank_IsRefusedByTheGoal()
    {
        new GoalBuilder().WithStatement("  ").Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }
}

public class TreatmentPlanBuilderTests
{
    [Fact]
    public void Build_Defaults_InformedAndActiveWithOneAgreedGoal()
    {
        var builder = new TreatmentPlanBuilder();
        TreatmentPlan plan = builder.Build();

        plan.Id.Value.Should().Be("tp-1");
        plan.PatientId.Value.Should().Be("p-1");
        plan.Status.Should().Be(TreatmentPlanStatus.Active);
        plan.Revisions.Should().ContainSingle().Which.PatientAgreedAt.Should().Be(builder.PatientAgreedAt);
        plan.Current.GoalIds.Select(g => g.Value).Should().Equal("g-1");
        plan.Current.Interventions.Should().ContainSingle().Which.Code.Should().Be(TreatmentPlanBuilder.ChosenOptionCode);
        plan.ChosenOption.Should().Be(TreatmentPlanBuilder.ChosenOptionCode);
        plan.ActivatedAt.Should().Be(builder.ActivatedAt);
    }

    [Fact]
    public void BuildEpisode_PassesThePlanningRules()
    {
        TreatmentEpisode episode = new TreatmentPlanBuilder().BuildEpisode([], BuilderDefaults.GoalsProposedAt + Duration.FromDays(14));

        episode.Goals.Should().ContainSingle();
        PlanningRules.Create().Evaluate(episode).Should().OnlyContain(v => v.IsPass);
    }

    [Fact]
    public void Uninformed_AgreedBeforeExplained_IsAViolation()
    {
        TreatmentEpisode episode = new TreatmentPlanBuilder().Uninformed().BuildEpisode([], BuilderDefaults.GoalsProposedAt + Duration.FromDays(14));

        PlanningRules.Create().Evaluate(episode).Should().Contain(v => v.Code == PlanningRuleCodes.AgreedBeforeExplained && v.Outcome == Outcome.Violation);
    }

    [Theory]
    [InlineData(TreatmentPlanStatus.Draft)]
    [InlineData(TreatmentPlanStatus.Active)]
    [InlineData(TreatmentPlanStatus.OnHold)]
    [InlineData(TreatmentPlanStatus.Revoked)]
    [InlineData(TreatmentPlanStatus.Completed)]
    [InlineData(TreatmentPlanStatus.EnteredInError)]
    public void InStatus_ReachesIt(TreatmentPlanStatus status)
    {
        new TreatmentPlanBuilder().InStatus(status).Build().Status.Should().Be(status);
    }

    [Fact]
    public void Draft_IsDraft()
    {
        new TreatmentPlanBuilder().Draft().Build().Status.Should().Be(TreatmentPlanStatus.Draft);
    }

    [Fact]
    public void WithGoals_AndWithIntervention_AreUsed()
    {
        Goal first = new GoalBuilder().WithId("g-a").Build();
        Goal second = new GoalBuilder().WithId("g-b").Proposed().Build();
        TreatmentPlan plan = new TreatmentPlanBuilder().WithId("plan-9").WithGoals(first, second)
            .WithIntervention(new PsychotherapyIntervention("ipt", new SessionFrequency(2, FrequencyUnit.Month), [first.Id]))
            .Build();

        plan.Id.Value.Should().Be("plan-9");
        plan.Current.GoalIds.Select(g => g.Value).Should().Equal("g-a", "g-b");
        plan.Current.Interventions.Should().ContainSingle().Which.Code.Should().Be("ipt");
    }

    [Fact]
    public void WithGoals_NoneAgreed_IsRefusedByThePlan()
    {
        TreatmentPlanBuilder builder = new TreatmentPlanBuilder().WithGoals(new GoalBuilder().Proposed().Build());

        builder.Invoking(b => b.Build()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(new RuleCode("TA.PLAN.NO_AGREED_GOAL"));
    }

    [Fact]
    public void ForPatient_AlsoSetsTheDefaultGoalsPatient()
    {
        TreatmentEpisode episode = new TreatmentPlanBuilder().ForPatient("p-5").WithClinician("c-5").BuildEpisode([], BuilderDefaults.GoalsProposedAt + Duration.FromDays(1));

        episode.Plan.PatientId.Value.Should().Be("p-5");
        episode.Goals.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-5");
    }

    [Fact]
    public void StartingAt_ShiftsTheTimeline()
    {
        Instant p = Instant.FromUtc(2027, 1, 4, 15, 0);
        var builder = new TreatmentPlanBuilder().StartingAt(p);

        builder.Build().ActivatedAt.Should().Be(p + Duration.FromMinutes(55));
    }

    [Fact]
    public void InStatus_Undefined_Throws()
    {
        new TreatmentPlanBuilder().Invoking(b => b.InStatus((TreatmentPlanStatus)99)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
