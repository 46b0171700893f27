using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Planning;

/// <summary>Behaviours settled in review: time order of revisions, agreement only from open goals, no duplicate interventions.</summary>
public class TreatmentPlanReviewFixTests
{
    [Fact]
    public void Revise_DatedBeforeThePreviousRevision_IsRefusedAndChangesNothing()
    {
        TreatmentPlan plan = Plans.Active();
        long version = plan.Version;

        Action act = () => plan.Revise(
            plan.Current.WithoutGoal(Plans.SecondGoal), Plans.AgreedGoals(), Party.Clinician, ["progress"], [], [], null, Plans.ActivatedAt - Duration.Epsilon);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(TreatmentPlanRuleCodes.RevisionOrder);
        plan.Version.Should().Be(version);
        plan.Revisions.Should().HaveCount(1);
    }

    [Fact]
    public void Revise_AtTheSameInstantAsThePreviousRevision_IsAccepted()
    {
        TreatmentPlan plan = Plans.Active();

        plan.Revise(plan.Current.WithoutGoal(Plans.SecondGoal), Plans.AgreedGoals(), Party.Clinician, ["progress"], [], [], null, Plans.ActivatedAt);

        plan.Revisions.Should().HaveCount(2);
    }

    [Fact]
    public void Activate_OnlyAgreedGoalWasCancelled_NoAgreedGoal()
    {
        TreatmentPlan plan = Plans.InformedDraft(PlanContent.Empty.WithGoal(Plans.FirstGoal));
        Goal goal = Plans.AgreedGoal("g-1");
        goal.Cancel(Party.Patient, "no-longer-wanted", Plans.GoalsAgreedAt + Duration.FromMinutes(1));

        Action act = () => plan.Activate([goal], Party.Clinician, Plans.PatientAgreedAt, Plans.ActivatedAt);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(TreatmentPlanRuleCodes.NoAgreedGoal);
        plan.Status.Should().Be(TreatmentPlanStatus.Draft);
    }

    [Fact]
    public void Revise_NewMedicationLinkedToACancelledGoal_MedicationOutsidePlan()
    {
        TreatmentPlan plan = Plans.Active();
        Goal[] goals = Plans.AgreedGoals();
        goals[0].Cancel(Party.Clinician, "achieved-elsewhere", Plans.ActivatedAt + Duration.FromMinutes(1));

        Action act = () => plan.Revise(
            plan.Current.WithIntervention(new MedicationIntervention("rx-sertraline", [Plans.FirstGoal])), goals, Party.Clinician, ["med-start"], [], [],
            Plans.ActivatedAt + Duration.FromMinutes(2), Plans.ActivatedAt + Duration.FromMinutes(2));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(TreatmentPlanRuleCodes.MedicationOutsidePlan);
    }

    [Fact]
    public void WithoutGoal_UnlinkingMakesTwoInterventionsEqual_KeepsOne()
    {
        PlanContent content = PlanContent.Empty.WithGoal(Plans.FirstGoal).WithGoal(Plans.SecondGoal)
            .WithIntervention(new PsychotherapyIntervention("cbt", Plans.Weekly, [Plans.FirstGoal, Plans.SecondGoal]))
            .WithIntervention(new PsychotherapyIntervention("cbt", Plans.Weekly, [Plans.FirstGoal]));

        PlanContent without = content.WithoutGoal(Plans.SecondGoal);

        without.Interventions.Should().Equal(new PsychotherapyIntervention("cbt", Plans.Weekly, [Plans.FirstGoal]));
    }
}
