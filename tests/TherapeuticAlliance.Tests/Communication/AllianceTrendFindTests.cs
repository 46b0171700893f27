using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>The per-score views of the trend: below a cutoff, drops from the previous score, and the ceiling.</summary>
public class AllianceTrendFindTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 9, 14, 0);

    private static AllianceTrend Trend(params decimal[] scores) =>
        AllianceTrend.Analyze(scores.Select((s, i) => new AllianceObservation(new FeedbackId($"f-{i}"), Start + Duration.FromDays(7 * i), s)), 40);

    [Fact]
    public void FindBelow_StrictlyBelowTheCutoff()
    {
        Trend(36, 35.9m, 40, 12, 36.1m).FindBelow(36).Should().Equal(1, 3);
    }

    [Fact]
    public void FindDrops_AFallOfAtLeastThePoints_NeverTheFirstScore()
    {
        // 38 → 37 falls 1 (counts); 37 → 36.5 falls 0.5 (does not); 36.5 → 39 rises; 39 → 30 falls 9.
        Trend(38, 37, 36.5m, 39, 30).FindDrops(1).Should().Equal(1, 4);
    }

    [Fact]
    public void FindDrops_ExactlyThePoints_Counts_JustUnderDoesNot()
    {
        Trend(38, 37).FindDrops(1).Should().Equal(1);
        Trend(38, 37.01m).FindDrops(1).Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FindDrops_PointsNotPositive_Refused(int points)
    {
        Action act = () => Trend(38, 37).FindDrops(points);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(points));
    }

    [Fact]
    public void FindAtCeiling_ThePerfectScores_AgreeWithTheCount()
    {
        AllianceTrend trend = Trend(40, 39, 40, 40);

        trend.FindAtCeiling().Should().Equal(0, 2, 3);
        trend.CeilingCount.Should().Be(3);
        trend.MaximumScore.Should().Be(40);
    }

    [Fact]
    public void Find_OnAnEmptyTrend_FindsNothing()
    {
        AllianceTrend trend = Trend();

        trend.FindBelow(36).Should().BeEmpty();
        trend.FindDrops(1).Should().BeEmpty();
        trend.FindAtCeiling().Should().BeEmpty();
    }

    [Property(MaxTest = 200)]
    public Property FindBelow_AndFindDrops_MatchTheirDefinitions() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 40)).Select(l => l.Select(x => (decimal)x).ToArray())), scores =>
        {
            AllianceTrend trend = Trend(scores);

            trend.FindBelow(36).Should().Equal(Enumerable.Range(0, scores.Length).Where(i => scores[i] < 36));
            trend.FindDrops(1).Should().Equal(Enumerable.Range(1, Math.Max(0, scores.Length - 1)).Where(i => scores[i - 1] - scores[i] >= 1));
            trend.FindAtCeiling().Should().HaveCount(trend.CeilingCount);
        });
}
