using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Tests.Communication;

public class InstrumentTests
{
    private static readonly Citation Source = new("Test instrument", "structure", "1");

    // HAq-II as a user would register it: 19 items, reverse-keyed 4, 8, 11, 16 and 19; the 1-6 scale is an assumption of this test.
    private static InstrumentDefinition HaqII() => new(
        "HAQ-II", "1996", Enumerable.Range(1, 19).Select(n => new InstrumentItem(n, 1, 6, reverseKeyed: n is 4 or 8 or 11 or 16 or 19)),
        ScoringMethod.Sum, [], new Dictionary<string, decimal>(), Source);

    [Fact]
    public void Srs_HandComputedExample_SumsItems()
    {
        InstrumentScore score = Instruments.Srs.Score([9.1m, 8.7m, 9.5m, 9.0m]);

        score.IsValid.Should().BeTrue();
        score.Total.Should().Be(36.3m);
        score.Subscales.Should().BeEmpty();
    }

    [Theory]
    [InlineData(35.9, true)]
    [InlineData(36.0, false)]
    public void Srs_Cutoff_ConcernBelow36(double total, bool concern)
    {
        Instruments.Srs.IsBelowCutoff((decimal)total, "concern").Should().Be(concern);
    }

    [Theory]
    [InlineData("adult", 24.9, true)]
    [InlineData("adult", 25.0, false)]
    [InlineData("child", 31.9, true)]
    [InlineData("child", 32.0, false)]
    public void Ors_ClinicalCutoffs_BothSides(string population, double total, bool below)
    {
        Instruments.Ors.IsBelowCutoff((decimal)total, population).Should().Be(below);
    }

    [Fact]
    public void Ors_AdolescentCutoff_IsConfigurable()
    {
        ((Action)(() => Instruments.Ors.IsBelowCutoff(20, "adolescent"))).Should().Throw<ArgumentException>();

        InstrumentDefinition ors = Instruments.Ors.WithCutoff("adolescent", 28);

        ors.IsBelowCutoff(27.9m, "adolescent").Should().BeTrue();
        ors.IsBelowCutoff(28m, "adolescent").Should().BeFalse();
        Instruments.Ors.Cutoffs.Should().NotContainKey("adolescent", "the built-in definition is unchanged");
    }

    [Fact]
    public void WaiSr_Sum_HandComputedSubscales()
    {
        // Items 1..12 answered 1,2,3,4,5,1,2,3,4,5,1,2.
        InstrumentScore score = Instruments.WaiSr(ScoringMethod.Sum).Score([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]);

        score.Total.Should().Be(33);
        score.Subscales.Select(s => (s.Code, s.Score)).Should().Equal(("goal", 4 + 1 + 3 + 1), ("task", 1 + 2 + 5 + 2), ("bond", 3 + 5 + 2 + 4));
    }

    [Fact]
    public void WaiSr_Mean_HandComputedSubscales()
    {
        InstrumentScore score = Instruments.WaiSr(ScoringMethod.Mean).Score([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]);

        score.Total.Should().Be(2.75m);
        score.Subscales.Single(s => s.Code == "goal").Score.Should().Be(2.25m);
        score.Subscales.Single(s => s.Code == "task").Score.Should().Be(2.5m);
        score.Subscales.Single(s => s.Code == "bond").Score.Should().Be(3.5m);
    }

    [Fact]
    public void HaqII_ReverseKeyedItems_ScoreAsMinPlusMaxMinusResponse()
    {
        decimal?[] responses = Enumerable.Repeat<decimal?>(6, 19).ToArray();

        InstrumentScore score = HaqII().Score(responses);

        // 14 items at 6, and 5 reverse-keyed items at 1 + 6 - 6 = 1.
        score.Total.Should().Be((14 * 6) + (5 * 1));
    }

    [Fact]
    public void Score_WrongCountMissingAndOutOfRange_ReportsEveryProblem()
    {
        InstrumentScore score = Instruments.Srs.Score([10.5m, null, -1m]);

        score.IsValid.Should().BeFalse();
        score.Total.Should().Be(0);
        score.Problems.Select(p => (p.ItemNumber, p.Code)).Should().Equal(
            ((int?)null, ScoringProblem.WrongItemCount), (1, ScoringProblem.OutOfRange), (2, ScoringProblem.Missing), (3, ScoringProblem.OutOfRange));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Score_ItemExactlyAtItsBounds_IsValid(int value)
    {
        Instruments.Srs.Score([value, value, value, value]).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Definition_ItemsNotNumberedOneToN_Throws()
    {
        Action act = () => _ = new InstrumentDefinition("X", "1", [new InstrumentItem(2, 0, 1)], ScoringMethod.Sum, [], new Dictionary<string, decimal>(), Source);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "items");
    }

    [Fact]
    public void Definition_SubscaleWithUnknownItem_Throws()
    {
        Action act = () => _ = new InstrumentDefinition(
            "X", "1", [new InstrumentItem(1, 0, 1)], ScoringMethod.Sum, [new Subscale("a", [2])], new Dictionary<string, decimal>(), Source);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "subscales");
    }

    [Fact]
    public void Item_MaximumNotAboveMinimum_Throws()
    {
        ((Action)(() => _ = new InstrumentItem(1, 5, 5))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new InstrumentItem(0, 0, 5))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Subscale_RepeatedOrEmptyItems_Throws()
    {
        ((Action)(() => _ = new Subscale("a", [1, 1]))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new Subscale("a", []))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void BuiltIns_TotalRanges_AreAsDocumented()
    {
        (Instruments.Srs.MinimumTotal, Instruments.Srs.MaximumTotal).Should().Be((0m, 40m));
        (Instruments.Ors.MinimumTotal, Instruments.Ors.MaximumTotal).Should().Be((0m, 40m));
        (Instruments.WaiSr(ScoringMethod.Sum).MinimumTotal, Instruments.WaiSr(ScoringMethod.Sum).MaximumTotal).Should().Be((12m, 60m));
        (Instruments.WaiSr(ScoringMethod.Mean).MinimumTotal, Instruments.WaiSr(ScoringMethod.Mean).MaximumTotal).Should().Be((1m, 5m));
    }

    private static Arbitrary<decimal?[]> ValidWaiSrResponses() =>
        Gen.ArrayOf(Gen.Choose(1, 5).Select(v => (decimal?)v), 12).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Score_ValidResponses_StayWithinTheInstrumentsRange() =>
        Prop.ForAll(ValidWaiSrResponses(), responses =>
        {
            foreach (ScoringMethod method in Enum.GetValues<ScoringMethod>())
            {
                InstrumentDefinition wai = Instruments.WaiSr(method);
                InstrumentScore score = wai.Score(responses);
                if (!score.IsValid || score.Total < wai.MinimumTotal || score.Total > wai.MaximumTotal)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 300)]
    public Property ReverseKeying_AppliedTwice_GivesTheOriginal() =>
        Prop.ForAll(Gen.Choose(1, 6).ToArbitrary(), value =>
        {
            var item = new InstrumentItem(1, 1, 6, reverseKeyed: true);
            return item.Key(item.Key(value)) == value && item.Key(value) >= 1 && item.Key(value) <= 6;
        });
}
