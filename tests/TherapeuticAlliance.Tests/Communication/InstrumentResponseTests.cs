using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

public class InstrumentResponseTests
{
    private static readonly Instant At = Feedbacks.ReceivedAt;

    // WAI-SR items 1..12 answered 5,4,3,2,1,5,4,3,2,1,5,4: goal (4, 6, 8, 11) = 2+5+3+5 = 15, task (1, 2, 10, 12) = 5+4+1+4 = 14,
    // bond (3, 5, 7, 9) = 3+1+4+2 = 10; total 39.
    private static readonly decimal?[] WaiSrItems = [5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4];

    [Fact]
    public void Create_Srs_ScoresAndKeepsTheResponse()
    {
        var response = InstrumentResponse.Create(Instruments.Srs, [9.1m, 8.7m, 9.5m, 8.4m], Party.Patient, At);

        response.InstrumentCode.Should().Be("SRS");
        response.InstrumentVersion.Should().Be("3.0");
        response.Items.Should().Equal(9.1m, 8.7m, 9.5m, 8.4m);
        response.Total.Should().Be(35.7m);
        response.Subscales.Should().BeEmpty();
        response.Rater.Should().Be(Party.Patient);
        response.At.Should().Be(At);
        response.MaximumTotal.Should().Be(40m);
    }

    [Fact]
    public void Create_WaiSrBySum_HandComputedTotalAndSubscales()
    {
        var response = InstrumentResponse.Create(Instruments.WaiSr(ScoringMethod.Sum), WaiSrItems, Party.Clinician, At);

        response.Total.Should().Be(39m);
        response.Subscales.Select(s => (s.Code, s.Score)).Should().Equal(("goal", 15m), ("task", 14m), ("bond", 10m));
        response.MaximumTotal.Should().Be(60m);
        response.Cutoff.Should().BeNull("the WAI-SR has no cutoff");
        response.IsBelowCutoff.Should().BeFalse();
        response.Rater.Should().Be(Party.Clinician);
    }

    [Fact]
    public void Create_WaiSrByMean_HandComputedTotalAndSubscales()
    {
        var response = InstrumentResponse.Create(Instruments.WaiSr(ScoringMethod.Mean), WaiSrItems, Party.Patient, At);

        response.Total.Should().Be(3.25m, "39 / 12");
        response.Subscales.Select(s => (s.Code, s.Score)).Should().Equal(("goal", 3.75m), ("task", 3.5m), ("bond", 2.5m));
        response.MaximumTotal.Should().Be(5m);
    }

    // ---- Cutoffs --------------------------------------------------------------------------------

    [Theory]
    [InlineData("SRS", null, 36.0)]
    [InlineData("SRS", "concern", 36.0)]
    [InlineData("ORS", "adult", 25.0)]
    [InlineData("ORS", "child", 32.0)]
    [InlineData("ORS", null, null)]
    [InlineData("WAI-SR", null, null)]
    public void Create_CutoffPopulation_SelectsTheCutoff(string instrument, string? population, double? cutoff)
    {
        InstrumentDefinition definition = Definition(instrument);
        decimal?[] items = [.. definition.Items.Select(i => (decimal?)i.Minimum)];

        var response = InstrumentResponse.Create(definition, items, Party.Patient, At, population);

        response.Cutoff.Should().Be((decimal?)cutoff);
    }

    [Theory]
    [InlineData(35, true)]
    [InlineData(36, false)]
    [InlineData(40, false)]
    [InlineData(0, true)]
    public void IsBelowCutoff_Srs_BelowThirtySix(int total, bool below)
    {
        Feedbacks.SrsTotalling(total).IsBelowCutoff.Should().Be(below);
    }

    [Theory]
    [InlineData("adult", 24, true)]
    [InlineData("adult", 25, false)]
    [InlineData("child", 31, true)]
    [InlineData("child", 32, false)]
    [InlineData(null, 0, false)]
    [InlineData(null, 40, false)]
    public void IsBelowCutoff_Ors_ByPopulationAndNeverWithoutOne(string? population, int total, bool below)
    {
        var response = InstrumentResponse.Create(Instruments.Ors, Items(total), Party.Patient, At, population);

        response.IsBelowCutoff.Should().Be(below);
    }

    [Theory]
    [InlineData("adolescent")]
    [InlineData("concern")]
    [InlineData("not a code")]
    public void Create_PopulationWithoutCutoff_ThrowsArgumentException(string population)
    {
        Action act = () => InstrumentResponse.Create(Instruments.Ors, Items(30), Party.Patient, At, population);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("cutoffPopulation");
    }

    // ---- Invalid responses ----------------------------------------------------------------------

    [Fact]
    public void Create_ItemOutOfRange_ListsItsNumberAndCodeNeverItsValue()
    {
        Action act = () => InstrumentResponse.Create(Instruments.Srs, [11.37m, 9m, 9m, 9m], Party.Patient, At);

        ArgumentException e = act.Should().ThrowExactly<ArgumentException>().WithParameterName("items").Which;
        e.Message.Should().Contain("item 1: out-of-range").And.NotContain("11.37").And.NotContain("11,37");
    }

    [Fact]
    public void Create_MissingItem_ListsItsNumberAndCode()
    {
        Action act = () => InstrumentResponse.Create(Instruments.Srs, [9m, null, 9m, 9m], Party.Patient, At);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("items").Which.Message.Should().Contain("item 2: missing");
    }

    [Fact]
    public void Create_WrongCount_ListsEveryProblemWithoutValues()
    {
        Action act = () => InstrumentResponse.Create(Instruments.Srs, [9.25m, -3.75m, null], Party.Patient, At);

        string message = act.Should().ThrowExactly<ArgumentException>().WithParameterName("items").Which.Message;
        message.Should().Contain("wrong-item-count").And.Contain("item 2: out-of-range").And.Contain("item 3: missing");
        message.Should().NotContain("9.25").And.NotContain("3.75");
    }

    [Fact]
    public void Create_NullArgumentsOrUndefinedRater_Throw()
    {
        ((Action)(() => InstrumentResponse.Create(null!, Items(30), Party.Patient, At))).Should().Throw<ArgumentNullException>();
        ((Action)(() => InstrumentResponse.Create(Instruments.Srs, null!, Party.Patient, At))).Should().Throw<ArgumentNullException>();
        ((Action)(() => InstrumentResponse.Create(Instruments.Srs, Items(30), (Party)5, At))).Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- Ceiling --------------------------------------------------------------------------------

    [Theory]
    [InlineData(40, true)]
    [InlineData(39, false)]
    [InlineData(0, false)]
    public void IsAtCeiling_Srs_OnlyAtForty(int total, bool atCeiling)
    {
        Feedbacks.SrsTotalling(total).IsAtCeiling.Should().Be(atCeiling);
    }

    [Fact]
    public void IsAtCeiling_JustBelowForty_IsFalse()
    {
        InstrumentResponse.Create(Instruments.Srs, [10m, 10m, 10m, 9.9m], Party.Patient, At).IsAtCeiling.Should().BeFalse();
    }

    [Fact]
    public void IsAtCeiling_WaiSrMeanAllFives_IsTrue()
    {
        InstrumentResponse.Create(Instruments.WaiSr(ScoringMethod.Mean), Enumerable.Repeat<decimal?>(5, 12), Party.Patient, At).IsAtCeiling.Should().BeTrue();
    }

    [Fact]
    public void ToString_NamesInstrumentTotalAndRater()
    {
        Feedbacks.SrsTotalling(33).ToString().Should().Contain("SRS").And.Contain("33").And.Contain("Patient");
    }

    /// <summary>Four items (SRS or ORS) adding up to <paramref name="total"/>.</summary>
    private static decimal?[] Items(int total) => [.. Feedbacks.SrsTotalling(total).Items.Select(i => (decimal?)i)];

    private static InstrumentDefinition Definition(string code) => code switch
    {
        "SRS" => Instruments.Srs,
        "ORS" => Instruments.Ors,
        "WAI-SR" => Instruments.WaiSr(ScoringMethod.Sum),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an instrument of these tests."),
    };
}
