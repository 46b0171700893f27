using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

public class SessionFeedbackTests
{
    private static readonly GoalId Goal = Feedbacks.Goal;

    [Fact]
    public void Constructor_ValidAnswers_KeepsThemAll()
    {
        var feedback = new SessionFeedback(false, ["sleep", "work.stress"], [Goal], SessionPace.TooSlow, "Too much about work");

        feedback.DirectionFeelsRight.Should().BeFalse();
        feedback.UnproductiveTopicCodes.Should().Equal("sleep", "work.stress");
        feedback.UnproductiveGoalIds.Should().Equal(Goal);
        feedback.Pace.Should().Be(SessionPace.TooSlow);
        feedback.Comment.Should().Be("Too much about work");
    }

    [Fact]
    public void Constructor_NothingSaid_HasNullsAndEmptyLists()
    {
        var feedback = new SessionFeedback(null, [], []);

        feedback.DirectionFeelsRight.Should().BeNull();
        feedback.UnproductiveTopicCodes.Should().BeEmpty();
        feedback.UnproductiveGoalIds.Should().BeEmpty();
        feedback.Pace.Should().BeNull();
        feedback.Comment.Should().BeNull();
        feedback.IsNegative.Should().BeFalse();
    }

    [Fact]
    public void Constructor_ListsChangedAfterwards_KeepsWhatWasGiven()
    {
        List<string> topics = ["sleep"];
        List<GoalId> goals = [Goal];
        var feedback = new SessionFeedback(true, topics, goals);

        topics.Add("work");
        goals.Add(new GoalId("g-2"));

        feedback.UnproductiveTopicCodes.Should().Equal("sleep");
        feedback.UnproductiveGoalIds.Should().Equal(Goal);
    }

    // ---- IsNegative -----------------------------------------------------------------------------

    [Theory]
    [InlineData(null, false, false, null, false)]
    [InlineData(true, false, false, null, false)]
    [InlineData(null, false, false, SessionPace.TooSlow, false)]
    [InlineData(true, false, false, SessionPace.TooFast, false)]
    [InlineData(true, false, false, SessionPace.Right, false)]
    [InlineData(false, false, false, null, true)]
    [InlineData(false, false, false, SessionPace.Right, true)]
    [InlineData(true, true, false, SessionPace.Right, true)]
    [InlineData(null, true, false, null, true)]
    [InlineData(true, false, true, SessionPace.Right, true)]
    [InlineData(null, false, true, null, true)]
    [InlineData(false, true, true, SessionPace.TooFast, true)]
    public void IsNegative_DirectionNotRightOrAnythingUnproductive(bool? direction, bool unproductiveTopic, bool unproductiveGoal, SessionPace? pace, bool negative)
    {
        var feedback = new SessionFeedback(direction, unproductiveTopic ? ["sleep"] : [], unproductiveGoal ? [Goal] : [], pace);

        feedback.IsNegative.Should().Be(negative);
    }

    [Fact]
    public void IsNegative_PaceAlone_NeverChangesIt()
    {
        SessionPace?[] paces = [null, .. Enum.GetValues<SessionPace>().Select(p => (SessionPace?)p)];
        foreach (bool? direction in new bool?[] { null, true, false })
        {
            foreach (bool topic in new[] { false, true })
            {
                foreach (bool goal in new[] { false, true })
                {
                    bool[] verdicts = [.. paces.Select(pace => new SessionFeedback(direction, topic ? ["pacing"] : [], goal ? [Goal] : [], pace).IsNegative)];

                    verdicts.Should().AllBeEquivalentTo(verdicts[0], "direction {0}, topic {1}, goal {2}: the pace must not matter", direction, topic, goal);
                }
            }
        }
    }

    // ---- Validation -----------------------------------------------------------------------------

    [Theory]
    [InlineData("not a code")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-leading-dash")]
    [InlineData("slash/inside")]
    public void Constructor_InvalidTopicCode_ThrowsArgumentException(string code)
    {
        Action act = () => _ = new SessionFeedback(true, ["sleep", code], []);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("unproductiveTopicCodes");
    }

    [Fact]
    public void Constructor_DefaultGoalId_ThrowsArgumentException()
    {
        Action act = () => _ = new SessionFeedback(true, [], [Goal, default]);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("unproductiveGoalIds");
    }

    [Fact]
    public void Constructor_NullListOrNullTopic_ThrowsArgumentNullException()
    {
        ((Action)(() => _ = new SessionFeedback(true, null!, []))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new SessionFeedback(true, [], null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new SessionFeedback(true, [null!], []))).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public void Constructor_BlankComment_ThrowsArgumentException(string comment)
    {
        Action act = () => _ = new SessionFeedback(true, [], [], comment: comment);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Constructor_CommentOneOverMaximum_ThrowsArgumentException()
    {
        Action act = () => _ = new SessionFeedback(true, [], [], comment: new string('x', SessionFeedback.MaximumCommentLength + 1));

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().NotContain("xxxx");
    }

    [Fact]
    public void Constructor_CommentOfMaximumLength_IsAccepted()
    {
        string comment = new('x', SessionFeedback.MaximumCommentLength);

        var feedback = new SessionFeedback(true, [], [], comment: comment);

        feedback.Comment.Should().Be(comment);
        SessionFeedback.MaximumCommentLength.Should().Be(4_000);
    }

    [Fact]
    public void Constructor_UndefinedPace_ThrowsArgumentOutOfRange()
    {
        Action act = () => _ = new SessionFeedback(true, [], [], (SessionPace)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pace");
    }

    [Fact]
    public void ToString_GivesTheStructuredAnswers()
    {
        var feedback = new SessionFeedback(false, ["sleep", "work"], [Goal], SessionPace.TooFast);

        feedback.ToString().Should().Contain("direction=False").And.Contain("unproductiveTopics=2").And.Contain("unproductiveGoals=1").And.Contain("pace=TooFast");
    }
}
