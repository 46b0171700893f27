using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

public class FeedbackResponseTests
{
    private static readonly TreatmentPlanId Plan = new("tp-1");

    [Fact]
    public void DiscussedAndTopicChanged_CarryOnlyTheirKind()
    {
        FeedbackResponse discussed = FeedbackResponse.Discussed();
        FeedbackResponse topicChanged = FeedbackResponse.TopicChanged();

        (discussed.Kind, discussed.PlanId, discussed.RevisionNumber, discussed.ReasonCode).Should().Be((FeedbackResponseKind.Discussed, (TreatmentPlanId?)null, (int?)null, (string?)null));
        (topicChanged.Kind, topicChanged.PlanId, topicChanged.RevisionNumber, topicChanged.ReasonCode).Should().Be((FeedbackResponseKind.TopicChanged, (TreatmentPlanId?)null, (int?)null, (string?)null));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void PlanRevised_PlanAndRevision_CarriesBothAndNoReason(int revision)
    {
        FeedbackResponse response = FeedbackResponse.PlanRevised(Plan, revision);

        response.Kind.Should().Be(FeedbackResponseKind.PlanRevised);
        response.PlanId.Should().Be(Plan);
        response.RevisionNumber.Should().Be(revision);
        response.ReasonCode.Should().BeNull();
    }

    [Fact]
    public void PlanRevised_DefaultPlanId_ThrowsArgumentException()
    {
        Action act = () => FeedbackResponse.PlanRevised(default, 1);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void PlanRevised_RevisionBelowOne_ThrowsArgumentOutOfRange(int revision)
    {
        Action act = () => FeedbackResponse.PlanRevised(Plan, revision);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("revisionNumber");
    }

    [Theory]
    [InlineData("patient-declined")]
    [InlineData("not.indicated")]
    public void NoChange_CodeToken_CarriesItAndNothingElse(string reason)
    {
        FeedbackResponse response = FeedbackResponse.NoChange(reason);

        response.Kind.Should().Be(FeedbackResponseKind.NoChange);
        response.ReasonCode.Should().Be(reason);
        response.PlanId.Should().BeNull();
        response.RevisionNumber.Should().BeNull();
    }

    [Theory]
    [InlineData("patient said no")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("why?")]
    public void NoChange_FreeTextOrBlank_ThrowsArgumentExceptionWithoutEchoingIt(string reason)
    {
        Action act = () => FeedbackResponse.NoChange(reason);

        ArgumentException e = act.Should().ThrowExactly<ArgumentException>().Which;
        if (reason.Trim().Length > 0)
        {
            e.Message.Should().NotContain(reason);
        }
    }

    [Fact]
    public void NoChange_Null_ThrowsArgumentNullException()
    {
        Action act = () => FeedbackResponse.NoChange(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Responses_AreEqualByValue()
    {
        FeedbackResponse.PlanRevised(Plan, 2).Should().Be(FeedbackResponse.PlanRevised(new TreatmentPlanId("tp-1"), 2));
        FeedbackResponse.PlanRevised(Plan, 2).Should().NotBe(FeedbackResponse.PlanRevised(Plan, 3));
        FeedbackResponse.NoChange("a").Should().NotBe(FeedbackResponse.NoChange("b"));
        FeedbackResponse.Discussed().Should().NotBe(FeedbackResponse.TopicChanged());
    }
}
