using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Scheduling;

public class SessionTopicTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Constructor_MinutesLessThanOne_ThrowsArgumentOutOfRange(int minutes)
    {
        Action act = () => _ = new SessionTopic("sleep", minutes, TopicSensitivity.Low, []);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName(nameof(minutes));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public void Constructor_MinutesAtLeastOne_IsAccepted(int minutes)
    {
        var topic = new SessionTopic("sleep", minutes, TopicSensitivity.Low, []);

        topic.Minutes.Should().Be(minutes);
    }
}
