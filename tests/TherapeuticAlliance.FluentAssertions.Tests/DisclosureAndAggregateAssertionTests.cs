using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit.Sdk;

namespace TherapeuticAlliance.FluentAssertions.Tests;

public class DisclosureDecisionAssertionTests
{
    private static readonly DisclosureDecision BareSubpoena =
        DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, Scenarios.CourtDisclosureOnBareSubpoena(), []);

    private static readonly DisclosureDecision CourtOrder = DisclosureCheck.Decide(
        ConfidentialitySettings.Hipaa,
        new DisclosureRequestBuilder().To(RecipientRole.CourtOrTribunal).For(DisclosurePurpose.JudicialProceeding)
            .Of(DataCategories.Diagnoses | DataCategories.PsychotherapyNotes).Under(LegalInstrument.CourtOrder).Build(),
        []);

    private static readonly DisclosureDecision ToPatient = DisclosureCheck.Decide(
        ConfidentialitySettings.Hipaa, new DisclosureRequestBuilder().To(RecipientRole.Patient, "p-1").For(DisclosurePurpose.PatientRequest).Build(), []);

    private static readonly DisclosureDecision Threat = DisclosureCheck.Decide(
        ConfidentialitySettings.Hipaa,
        new DisclosureRequestBuilder().To(RecipientRole.PotentialVictim).For(DisclosurePurpose.Threat).Of(DataCategories.Demographics)
            .WithFacts(DisclosureFacts.SeriousAndImminentThreat).Build(),
        []);

    [Fact]
    public void BeDeniedBecause_TheViolatedRule_Succeeds_AndGivesTheVerdict()
    {
        BareSubpoena.Should().BeDeniedBecause(ConfidentialityRuleCodes.Judicial).Which.Should().HaveEvidence("instrument");
    }

    [Fact]
    public void BeDeniedBecause_AnotherRule_FailsNamingTheDecisionAndItsVerdicts()
    {
        Action act = () => BareSubpoena.Should().BeDeniedBecause(ConfidentialityRuleCodes.NoLegalBasis);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to be denied because of \"TA.CONF.NO_LEGAL_BASIS\", but found \"Disclosure/d-1 Denied allowed=*None* withheld=*Diagnoses, PsychotherapyNotes* verdicts: *TA.CONF.JUDICIAL Violation Disclosure/d-1 *instrument=bareSubpoena* (*164.512(e)*)*");
    }

    [Fact]
    public void BeDeniedBecause_APermittedDecision_Fails()
    {
        Action act = () => CourtOrder.Should().BeDeniedBecause(ConfidentialityRuleCodes.Judicial);

        act.Should().Throw<XunitException>().WithMessage("*to be denied because of \"TA.CONF.JUDICIAL\", but found \"Disclosure/d-1 PermittedIf*");
    }

    [Fact]
    public void BePermittedIf_ExactConditions_Succeeds_Otherwise_Fails()
    {
        CourtOrder.Should().BePermittedIf(DisclosureConditions.LimitToLegalMandate | DisclosureConditions.RecordForAccounting)
            .And.Allow(DataCategories.Diagnoses | DataCategories.PsychotherapyNotes);

        Action act = () => CourtOrder.Should().BePermittedIf(DisclosureConditions.LimitToLegalMandate);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to be permitted if [\"LimitToLegalMandate\"], but found \"Disclosure/d-1 PermittedIf * if=*LimitToLegalMandate, RecordForAccounting* verdicts: *TA.CONF.ACCOUNTING Warning*");
    }

    [Fact]
    public void BePermitted_Unconditional_Succeeds_Conditional_Fails()
    {
        ToPatient.Should().BePermitted().And.Allow(DataCategories.Diagnoses);

        Action act = () => CourtOrder.Should().BePermitted();

        act.Should().Throw<XunitException>().WithMessage("Expected * to be \"Permitted\", but found \"Disclosure/d-1 PermittedIf*");
    }

    [Fact]
    public void NeedReview_UnderReview_Succeeds_Otherwise_Fails()
    {
        Threat.Should().NeedReview();

        Action act = () => BareSubpoena.Should().NeedReview();

        act.Should().Throw<XunitException>().WithMessage("Expected * to be \"NeedsReview\", but found \"Disclosure/d-1 Denied*");
    }

    [Fact]
    public void Allow_AndWithhold_CheckEachCategory()
    {
        BareSubpoena.Should().Withhold(DataCategories.PsychotherapyNotes).And.Withhold(DataCategories.Diagnoses | DataCategories.PsychotherapyNotes);

        Action allow = () => BareSubpoena.Should().Allow(DataCategories.Diagnoses);
        Action withhold = () => CourtOrder.Should().Withhold(DataCategories.PsychotherapyNotes);
        Action none = () => CourtOrder.Should().Allow(DataCategories.None);

        allow.Should().Throw<XunitException>().WithMessage("Expected * to allow [\"Diagnoses\"], but found \"Disclosure/d-1 Denied allowed=*None*");
        withhold.Should().Throw<XunitException>().WithMessage("Expected * to withhold [\"PsychotherapyNotes\"], but found \"Disclosure/d-1 PermittedIf*withheld=*None*");
        none.Should().Throw<XunitException>();
    }

    [Fact]
    public void NullDecision_Fails()
    {
        DisclosureDecision decision = null!;

        Action act = () => decision.Should().BePermitted();

        act.Should().Throw<XunitException>().WithMessage("*<null>*");
    }
}

public class AggregateAssertionTests
{
    [Fact]
    public void Appointment_HaveStatus()
    {
        Appointment noShow = new AppointmentBuilder().NoShow().Build();
        noShow.Should().HaveStatus(AppointmentStatus.NoShow).And.NotBeNull();

        Action act = () => noShow.Should().HaveStatus(AppointmentStatus.Fulfilled);

        act.Should().Throw<XunitException>().WithMessage("Expected * to have status \"Fulfilled\", but found \"Appointment a-1 NoShow v3\".");
    }

    [Fact]
    public void Goal_HaveStatus_AndBeAgreed()
    {
        Goal goal = new GoalBuilder().AcceptedOnlyBy(Party.Patient).Build();
        goal.Should().HaveStatus(GoalLifecycleStatus.Proposed);
        new GoalBuilder().Build().Should().BeAgreed();

        Action status = () => goal.Should().HaveStatus(GoalLifecycleStatus.Active);
        Action agreed = () => goal.Should().BeAgreed();

        status.Should().Throw<XunitException>().WithMessage("Expected goal to have status \"Active\", but found \"Goal g-1 Proposed v2\".");
        agreed.Should().Throw<XunitException>().WithMessage("Expected goal to be agreed by both parties, but found \"Goal g-1 Proposed v2\" (patient accepted: True, clinician accepted: False).");
        status.Should().Throw<XunitException>().Which.Message.Should().NotContain(GoalBuilder.DefaultStatement);
    }

    [Fact]
    public void TreatmentPlan_HaveStatus()
    {
        TreatmentPlan plan = new TreatmentPlanBuilder().Build();
        plan.Should().HaveStatus(TreatmentPlanStatus.Active);

        Action act = () => plan.Should().HaveStatus(TreatmentPlanStatus.Completed);

        act.Should().Throw<XunitException>().WithMessage("Expected plan to have status \"Completed\", but found \"TreatmentPlan tp-1 Active r1 v6\".");
    }

    [Fact]
    public void Feedback_HaveStatus_AndBeNegative()
    {
        Feedback srs = new FeedbackBuilder().Srs(30).Build();
        srs.Should().HaveStatus(FeedbackStatus.Open).And.BeNegative();

        Action status = () => srs.Should().HaveStatus(FeedbackStatus.Addressed);
        Action negative = () => new FeedbackBuilder().Build().Should().BeNegative();

        status.Should().Throw<XunitException>().WithMessage("Expected * to have status \"Addressed\", but found \"Feedback f-1 SRS Open v1\".");
        negative.Should().Throw<XunitException>().WithMessage("Expected feedback to be negative, but found \"Feedback f-1 session Open v1\", which is not.");
    }

    [Fact]
    public void WithRuleCode_TheRefusalsCode_Succeeds_Otherwise_Fails()
    {
        Appointment booked = new AppointmentBuilder().Build();

        booked.Invoking(a => a.StartSession(a.Slot.Start)).Should().Throw<DomainRuleException>().WithRuleCode(new RuleCode("TA.APPT.ILLEGAL_TRANSITION"));
        Action act = () => booked.Invoking(a => a.EndSession(a.Slot.End)).Should().Throw<DomainRuleException>().WithRuleCode(new RuleCode("TA.APPT.TIME_ORDER"));

        act.Should().Throw<XunitException>().WithMessage("Expected a domain rule exception with rule code \"TA.APPT.TIME_ORDER\", but found \"TA.APPT.ILLEGAL_TRANSITION\".");
    }
}
