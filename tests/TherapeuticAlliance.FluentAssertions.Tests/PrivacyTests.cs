using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
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

    private static string FailureOf(Action assertion) => assertion.Should().Throw<XunitException>().Which.Message;
}
