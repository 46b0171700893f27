using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit.Sdk;

namespace TherapeuticAlliance.FluentAssertions.Tests;

/// <summary>A failure message is read by people and stored by CI: it names codes, ids, evidence and citations, never what a patient said.</summary>
public class PrivacyTests
{
    private const string Canary = "CANARY Jane Doe said she felt hopeless";

    [Fact]
    public void FailureMessages_AboutNegativeFeedbackWithACanaryComment_NeverContainIt()
    {
        Feedback said = new FeedbackBuilder().DirectionFeelsWrong().WithComment(Canary).Build();
        AllianceHistory history = new AllianceHistoryBuilder().Kept(1).WithFeedback(said).AsOf(BuilderDefaults.FeedbackReceivedAt + Duration.FromDays(30)).Build();
        IReadOnlyList<Verdict> verdicts = AllianceRules.Create().Evaluate(history);
        Verdict unaddressed = verdicts.Single(v => v.Code == AllianceRuleCodes.NegativeFeedbackUnaddressed);

        string[] messages =
        [
            FailureOf(() => verdicts.Should().BeAllPassing()),
            FailureOf(() => verdicts.Should().HaveNoFindingAtOrAbove(Outcome.Warning)),
            FailureOf(() => verdicts.Should().HaveNoVerdictOf(AllianceRuleCodes.NegativeFeedbackUnaddressed)),
            FailureOf(() => unaddressed.Should().HavePassed()),
            FailureOf(() => unaddressed.Should().HaveEvidence("comment")),
            FailureOf(() => said.Should().HaveStatus(FeedbackStatus.Addressed)),
        ];

        messages.Should().OnlyContain(m => m.Contains("TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED", StringComparison.Ordinal) || m.Contains("Feedback f-1", StringComparison.Ordinal));
        messages[0].Should().Contain("Feedback/f-1").And.Contain(AllianceCitations.PcomsAlertRules.ToString());
        messages.Should().NotContain(m => m.Contains("CANARY", StringComparison.Ordinal) || m.Contains("Jane", StringComparison.Ordinal) || m.Contains("hopeless", StringComparison.Ordinal));
    }

    [Fact]
    public void FailureMessages_AboutAComplianceReportWithCanaryFreeText_NeverContainIt()
    {
        // The canary is in the feedback's comment and the goal's statement; the report's findings are about both.
        Instant asOf = BuilderDefaults.FeedbackReceivedAt + Duration.FromDays(30);
        PatientCaseload patient = new PatientCaseloadBuilder()
            .WithAppointment(new AppointmentBuilder().WithId("a-1").Fulfilled())
            .WithFeedback(new FeedbackBuilder().About("a-1").DirectionFeelsWrong().WithComment(Canary))
            .WithGoal(new GoalBuilder().WithStatement(Canary).Proposed())
            .WithPlan(new TreatmentPlanBuilder().WithGoals(new GoalBuilder().WithId("g-other").WithStatement(Canary).Build()).Draft())
            .Build();
        ComplianceReport report = ComplianceAudit.Run(TherapeuticAlliance.Boundaries.BoundaryPresets.UsPsychiatry, [patient], asOf);
        AuditFinding unaddressed = report.Findings.Single(f => f.Verdict.Code == AllianceRuleCodes.NegativeFeedbackUnaddressed);

        string[] messages =
        [
            FailureOf(() => report.Should().HaveNoFindingAtOrAbove(Outcome.Warning)),
            FailureOf(() => report.Should().NotHaveFinding(AllianceRuleCodes.NegativeFeedbackUnaddressed)),
            FailureOf(() => report.Should().HaveViolation(AllianceRuleCodes.NegativeFeedbackUnaddressed)),
            FailureOf(() => report.Should().HaveViolationAbout(AllianceRuleCodes.NegativeFeedbackUnaddressed, SubjectRef.To(new FeedbackId("f-9")))),
            FailureOf(() => report.Should().ContainFinding(AllianceRuleCodes.NegativeFeedbackUnaddressed, Outcome.Violation)),
            FailureOf(() => report.Should().HaveFinding(TimeRuleCodes.Overrun)),
            FailureOf(() => report.Should().HaveCounted(AllianceRuleCodes.NegativeFeedbackUnaddressed, Outcome.Pass, 5)),
        ];

        messages.Should().OnlyContain(m => m.Contains("TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED", StringComparison.Ordinal) || m.Contains("TA.TIME.OVERRUN", StringComparison.Ordinal));
        messages[0].Should().Contain("patient p-1, clinician c-1: TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED").And.Contain("Feedback/f-1")
            .And.Contain(unaddressed.Verdict.Citation.ToString());
        messages.Should().NotContain(m => m.Contains("CANARY", StringComparison.Ordinal) || m.Contains("Jane", StringComparison.Ordinal) || m.Contains("hopeless", StringComparison.Ordinal));
    }

    private static string FailureOf(Action assertion) => assertion.Should().Throw<XunitException>().Which.Message;
}
