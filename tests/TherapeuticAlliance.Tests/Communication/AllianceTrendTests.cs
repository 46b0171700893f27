using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>
/// <see cref="AllianceTrend.Analyze"/> against its specification: hand-computed series (the arithmetic is in the
/// comments; SD is the sample SD, n − 1), the settings' checks, and laws that hold for any series.
/// </summary>
public class AllianceTrendTests
{
    private const int Runs = 500;

    private const decimal SrsMaximum = 40;

    /// <summary>The first score's instant; each later score is a day later.</summary>
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 12, 0);

    private static readonly AllianceTrendSettings Defaults = AllianceTrendSettings.Default;

    // ---- Settings -------------------------------------------------------------------------------

    [Fact]
    public void Default_Values_AreTheDocumentedDefaults()
    {
        Defaults.RuptureDeviations.Should().Be(2);
        Defaults.BaselineWindow.Should().Be(3);
        Defaults.DeviationSource.Should().Be(DeviationSource.Stricter);
        Defaults.PopulationSd.Should().BeNull();
        Defaults.RepairTolerance.Should().Be(0.5);
        Defaults.RepairWindow.Should().Be(3);
        new AllianceTrendSettings().Should().Be(Defaults);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void RuptureDeviations_NotPositive_Throws(double value)
    {
        Action act = () => _ = Defaults with { RuptureDeviations = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(AllianceTrendSettings.RuptureDeviations));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void BaselineWindow_BelowOne_Throws(int value)
    {
        Action act = () => _ = Defaults with { BaselineWindow = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(AllianceTrendSettings.BaselineWindow));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void RepairTolerance_Negative_Throws(double value)
    {
        Action act = () => _ = Defaults with { RepairTolerance = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(AllianceTrendSettings.RepairTolerance));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void PopulationSd_NotPositive_Throws(double value)
    {
        Action act = () => _ = Defaults with { PopulationSd = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(AllianceTrendSettings.PopulationSd));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RepairWindow_BelowOne_Throws(int value)
    {
        Action act = () => _ = Defaults with { RepairWindow = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(AllianceTrendSettings.RepairWindow));
    }

    [Fact]
    public void DeviationSource_Undefined_Throws()
    {
        Action act = () => _ = Defaults with { DeviationSource = (DeviationSource)9 };

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Settings_SmallestValidValues_AreAccepted()
    {
        AllianceTrendSettings settings = Defaults with { RuptureDeviations = 0.01, BaselineWindow = 1, RepairTolerance = 0, PopulationSd = 0.01, RepairWindow = 1 };

        settings.RuptureDeviations.Should().Be(0.01);
        settings.BaselineWindow.Should().Be(1);
        settings.RepairTolerance.Should().Be(0);
        settings.PopulationSd.Should().Be(0.01);
        settings.RepairWindow.Should().Be(1);
        (settings with { PopulationSd = null }).PopulationSd.Should().BeNull();
    }

    // ---- Arguments ------------------------------------------------------------------------------

    [Fact]
    public void Analyze_NullObservations_Throws()
    {
        Action act = () => AllianceTrend.Analyze(null!, SrsMaximum);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Analyze_OutOfOrderInstants_Throws()
    {
        AllianceObservation[] observations = [.. Series(36, 37, 38, 30)];
        (observations[1], observations[2]) = (observations[2], observations[1]);

        Action act = () => AllianceTrend.Analyze(observations, SrsMaximum);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("observations");
    }

    [Fact]
    public void Analyze_EqualInstants_AreAllowed()
    {
        AllianceObservation[] observations = [.. Series(36, 37, 38, 30, 37).Select(o => o with { At = Start })];

        AllianceTrend trend = AllianceTrend.Analyze(observations, SrsMaximum);

        trend.Ruptures.Select(r => r.Index).Should().Equal(3);
    }

    [Fact]
    public void Analyze_PopulationSourceWithoutPopulationSd_Throws()
    {
        AllianceTrendSettings settings = Defaults with { DeviationSource = DeviationSource.Population };

        Action act = () => AllianceTrend.Analyze(Series(36, 37, 38, 30), SrsMaximum, settings);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Analyze_NullSettings_UsesDefaults()
    {
        // Population SD 4 suppresses the V below (see PopulationSdLargerThanWithin...): only the defaults find it.
        AllianceObservation[] series = [.. Series(36, 37, 38, 30, 37)];

        AllianceTrend.Analyze(series, SrsMaximum, null).Ruptures.Should().Equal(AllianceTrend.Analyze(series, SrsMaximum, Defaults).Ruptures);
        AllianceTrend.Analyze(series, SrsMaximum, null).Ruptures.Should().ContainSingle();
    }

    // ---- Hand-computed series -------------------------------------------------------------------

    [Fact]
    public void Analyze_Empty_NoRupturesAndNoCeiling()
    {
        AllianceTrend trend = AllianceTrend.Analyze([], SrsMaximum);

        trend.Observations.Should().BeEmpty();
        trend.Ruptures.Should().BeEmpty();
        trend.CeilingCount.Should().Be(0);
        trend.CeilingShare.Should().Be(0);
    }

    [Fact]
    public void Analyze_SingleScore_NoRupture()
    {
        AllianceTrend trend = AllianceTrend.Analyze(Series(40), SrsMaximum);

        trend.Observations.Should().HaveCount(1);
        trend.Ruptures.Should().BeEmpty();
        trend.CeilingCount.Should().Be(1);
        trend.CeilingShare.Should().Be(1);
    }

    [Fact]
    public void Analyze_VShape_RuptureRepairedAtNextScore()
    {
        // i = 3: baseline = (36 + 37 + 38) / 3 = 37; within SD of 36, 37, 38 = sqrt(((-1)² + 0² + 1²) / 2) = 1;
        // drop = 37 − 30 = 7 ≥ 2 × 1: rupture. Repair needs ≥ 37 − 0.5 × 1 = 36.5: the 37 at i = 4 repairs it.
        // i = 4 (detection resumes): baseline = (37 + 38 + 30) / 3 = 35 < 37: no drop.
        AllianceObservation[] series = [.. Series(36, 37, 38, 30, 37)];

        AllianceTrend trend = AllianceTrend.Analyze(series, SrsMaximum);

        RuptureEpisode rupture = trend.Ruptures.Should().ContainSingle().Subject;
        rupture.Index.Should().Be(3);
        rupture.Observation.Should().Be(series[3]);
        rupture.Baseline.Should().Be(37);
        rupture.Deviation.Should().Be(1);
        rupture.Drop.Should().Be(7);
        rupture.RepairIndex.Should().Be(4);
        rupture.IsRepaired.Should().BeTrue();
        rupture.IsPending.Should().BeFalse();
        trend.Observations.Should().Equal(series);
        trend.CeilingCount.Should().Be(0);
    }

    [Fact]
    public void Analyze_DropWithoutRepair_UnrepairedNotPending()
    {
        // Rupture at i = 3 as in the V (baseline 37, SD 1); repair needs ≥ 36.5 but i = 4..6 are 31, 30, 31.
        // The window (i = 4..6) ends at the last score: unrepaired, not pending.
        AllianceTrend trend = AllianceTrend.Analyze(Series(36, 37, 38, 30, 31, 30, 31), SrsMaximum);

        RuptureEpisode rupture = trend.Ruptures.Should().ContainSingle().Subject;
        rupture.Index.Should().Be(3);
        rupture.RepairIndex.Should().BeNull();
        rupture.IsRepaired.Should().BeFalse();
        rupture.IsPending.Should().BeFalse();
    }

    [Theory]
    [InlineData(new double[] { 36, 37, 38, 30 })]
    [InlineData(new double[] { 36, 37, 38, 30, 31 })]
    [InlineData(new double[] { 36, 37, 38, 30, 31, 30 })]
    public void Analyze_DropWithTooFewLaterScores_Pending(double[] scores)
    {
        // Rupture at i = 3 (baseline 37, SD 1); the window i = 4..6 runs past the last score and nothing repaired it.
        AllianceTrend trend = AllianceTrend.Analyze(Series(scores), SrsMaximum);

        RuptureEpisode rupture = trend.Ruptures.Should().ContainSingle().Subject;
        rupture.Index.Should().Be(3);
        rupture.RepairIndex.Should().BeNull();
        rupture.IsPending.Should().BeTrue();
    }

    [Fact]
    public void Analyze_RepairedBeforeTheWindowEnds_NotPending()
    {
        // The window (i = 4..6) would run past the last score, but the 37 at i = 4 already repaired it.
        RuptureEpisode rupture = AllianceTrend.Analyze(Series(36, 37, 38, 30, 37), SrsMaximum).Ruptures.Single();

        rupture.IsRepaired.Should().BeTrue();
        rupture.IsPending.Should().BeFalse();
    }

    [Fact]
    public void Analyze_NoisyFlatSeries_NoRupture()
    {
        // 30, 38, 31, 37, 30, 38, 32, 36:
        // i = 3 (37): baseline (30 + 38 + 31) / 3 = 33, above the baseline.
        // i = 4 (30): baseline (38 + 31 + 37) / 3 = 35.33; earlier mean 34, squares 16 + 16 + 9 + 9 = 50, SD sqrt(50 / 3) = 4.08;
        //             drop 5.33 < 2 × 4.08 = 8.16.
        // i = 5 (38): baseline (31 + 37 + 30) / 3 = 32.67, above.
        // i = 6 (32): baseline (37 + 30 + 38) / 3 = 35; earlier mean 34, squares 50 + 16 + 16 = 82, SD sqrt(82 / 5) = 4.05;
        //             drop 3 < 8.10.
        // i = 7 (36): baseline (30 + 38 + 32) / 3 = 33.33, above.
        AllianceTrend trend = AllianceTrend.Analyze(Series(30, 38, 31, 37, 30, 38, 32, 36), SrsMaximum);

        trend.Ruptures.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_NoisyFlatSeriesWithOneSd_RuptureAtTheDeepestDip()
    {
        // The same series with k = 1: at i = 4 the drop 5.33 ≥ 1 × 4.08: rupture; repair needs ≥ 35.33 − 0.5 × 4.08 = 33.29,
        // and the 38 at i = 5 repairs it. i = 6: drop 3 < 4.05. So k matters: the default (k = 2) finds nothing.
        AllianceTrend trend = AllianceTrend.Analyze(Series(30, 38, 31, 37, 30, 38, 32, 36), SrsMaximum, Defaults with { RuptureDeviations = 1 });

        RuptureEpisode rupture = trend.Ruptures.Should().ContainSingle().Subject;
        rupture.Index.Should().Be(4);
        rupture.Baseline.Should().BeApproximately(106.0 / 3, 1e-9);
        rupture.Deviation.Should().BeApproximately(Math.Sqrt(50.0 / 3), 1e-9);
        rupture.RepairIndex.Should().Be(5);
    }

    [Fact]
    public void Analyze_AllAtCeiling_NoRuptureAndEveryScoreCounted()
    {
        // SD 0 and drop 0: a drop must be more than zero.
        AllianceTrend trend = AllianceTrend.Analyze(Series(40, 40, 40, 40, 40, 40), SrsMaximum);

        trend.Ruptures.Should().BeEmpty();
        trend.CeilingCount.Should().Be(6);
        trend.CeilingShare.Should().Be(1);
    }

    [Fact]
    public void Analyze_SomeAtCeiling_CountsOnlyScoresEqualToTheMaximum()
    {
        AllianceTrend trend = AllianceTrend.Analyze(Series(40, 38, 40, 39.9), SrsMaximum);

        trend.CeilingCount.Should().Be(2);
        trend.CeilingShare.Should().Be(0.5);
    }

    [Fact]
    public void Analyze_CeilingOfAnotherInstrument_UsesTheGivenMaximum()
    {
        AllianceTrend trend = AllianceTrend.Analyze(Series(60, 40, 60), 60);

        trend.CeilingCount.Should().Be(2);
        trend.CeilingShare.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Analyze_DropExactlyKSd_Rupture()
    {
        // Baseline 37, SD 1 (36, 37, 38); drop 37 − 35 = 2 = 2 × 1: exactly k SD is a rupture.
        RuptureEpisode rupture = AllianceTrend.Analyze(Series(36, 37, 38, 35), SrsMaximum).Ruptures.Should().ContainSingle().Subject;

        rupture.Index.Should().Be(3);
        rupture.Drop.Should().Be(2);
    }

    [Fact]
    public void Analyze_DropExactlyKSdAfterAnInexactRunningMean_Rupture()
    {
        // 34, 30.5, 32, 38, 27 (SRS totals with half-point items). i = 3: baseline (34 + 30.5 + 32) / 3 = 32.17 < 38.
        // i = 4: baseline (30.5 + 32 + 38) / 3 = 33.5; earlier mean 134.5 / 4 = 33.625, squares 0.140625 + 9.765625 + 2.640625
        // + 19.140625 = 31.6875, SD sqrt(31.6875 / 3) = sqrt(10.5625) = 3.25; drop 33.5 − 27 = 6.5 = 2 × 3.25: a rupture.
        AllianceTrend trend = AllianceTrend.Analyze(Series(34, 30.5, 32, 38, 27), SrsMaximum);

        trend.Ruptures.Select(r => (r.Index, r.IsPending)).Should().Equal((4, true));
    }

    [Fact]
    public void Analyze_ShiftedByAConstant_SameRuptureAtAnExactTie()
    {
        // The series above and the same series 2 points lower have the same baseline-to-score drops (6.5) and SD (3.25).
        AllianceTrend original = AllianceTrend.Analyze(Series(34, 30.5, 32, 38, 27), SrsMaximum);
        AllianceTrend shifted = AllianceTrend.Analyze(Series(32, 28.5, 30, 36, 25), SrsMaximum - 2);

        original.Ruptures.Select(r => r.Index).Should().Equal(shifted.Ruptures.Select(r => r.Index));
        shifted.Ruptures.Select(r => r.Index).Should().Equal(4);
    }

    [Fact]
    public void Analyze_DropJustUnderKSd_NoRupture()
    {
        // Baseline 37, SD 1; drop 37 − 35.01 = 1.99 < 2.
        AllianceTrend.Analyze(Series(36, 37, 38, 35.01), SrsMaximum).Ruptures.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_PopulationSdLargerThanWithin_StricterSuppressesWithinPairDoesNot()
    {
        // Baseline 37, within SD 1, drop 7. Population SD 4: Stricter uses max(1, 4) = 4, 2 × 4 = 8 > 7: no rupture.
        // WithinPair uses 1: rupture. Population alone uses 4: no rupture.
        AllianceObservation[] series = [.. Series(36, 37, 38, 30)];
        AllianceTrendSettings population4 = Defaults with { PopulationSd = 4 };

        AllianceTrend.Analyze(series, SrsMaximum, population4).Ruptures.Should().BeEmpty();
        AllianceTrend.Analyze(series, SrsMaximum, population4 with { DeviationSource = DeviationSource.Population }).Ruptures.Should().BeEmpty();
        RuptureEpisode rupture = AllianceTrend.Analyze(series, SrsMaximum, population4 with { DeviationSource = DeviationSource.WithinPair })
            .Ruptures.Should().ContainSingle().Subject;
        rupture.Deviation.Should().Be(1);
    }

    [Fact]
    public void Analyze_PopulationSource_ScalesByThePopulationSd()
    {
        // Population SD 3: 2 × 3 = 6 ≤ drop 7: rupture, scaled by 3 whatever the within-pair SD (1).
        AllianceTrendSettings settings = Defaults with { DeviationSource = DeviationSource.Population, PopulationSd = 3 };

        RuptureEpisode rupture = AllianceTrend.Analyze(Series(36, 37, 38, 30), SrsMaximum, settings).Ruptures.Should().ContainSingle().Subject;

        rupture.Deviation.Should().Be(3);
    }

    [Fact]
    public void Analyze_RepairTolerance_IsInUnitsOfTheRupturesSd()
    {
        // Population SD 3 (drop 7 ≥ 6): repair needs ≥ 37 − 0.5 × 3 = 35.5, so 35.6 repairs. With the within SD (1) it needs
        // ≥ 36.5, and 35.6 does not.
        AllianceObservation[] series = [.. Series(36, 37, 38, 30, 35.6)];
        AllianceTrendSettings population = Defaults with { DeviationSource = DeviationSource.Population, PopulationSd = 3 };

        AllianceTrend.Analyze(series, SrsMaximum, population).Ruptures.Single().RepairIndex.Should().Be(4);
        AllianceTrend.Analyze(series, SrsMaximum).Ruptures.Single().RepairIndex.Should().BeNull();
    }

    [Fact]
    public void Analyze_PopulationSdSmallerThanWithin_StricterUsesWithin()
    {
        // Noisy series (within SD ≈ 4): Stricter with population SD 0.5 keeps the within SD, so no rupture, while the
        // population SD alone (2 × 0.5 = 1) makes the drops of 5.33 at i = 4 and of 3 at i = 6 ruptures, each repaired
        // at the next score (38 ≥ 35.33 − 0.25; 36 ≥ 35 − 0.25).
        AllianceObservation[] series = [.. Series(30, 38, 31, 37, 30, 38, 32, 36)];
        AllianceTrendSettings population = Defaults with { PopulationSd = 0.5 };

        AllianceTrend.Analyze(series, SrsMaximum, population).Ruptures.Should().BeEmpty();
        AllianceTrend.Analyze(series, SrsMaximum, population with { DeviationSource = DeviationSource.Population })
            .Ruptures.Select(r => (r.Index, r.RepairIndex)).Should().Equal((4, (int?)5), (6, (int?)7));
    }

    [Fact]
    public void Analyze_WithinSdIsOverEveryEarlierScore_NotJustTheWindow()
    {
        // 20, 40, 36, 37, 38, 33: i = 5: baseline (36 + 37 + 38) / 3 = 37, drop 4. The window's own SD is 1 (a rupture at
        // 2 SD), but the SD of every earlier score (20, 40, 36, 37, 38; mean 34.2, squares 201.64 + 33.64 + 3.24 + 7.84 + 14.44
        // = 260.8, SD sqrt(65.2) = 8.07) makes 4 < 16.15: no rupture. i = 3, 4 are above their baselines (32, 37.67... 38 ≥ 37.67).
        AllianceTrend.Analyze(Series(20, 40, 36, 37, 38, 33), SrsMaximum).Ruptures.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_BaselineWindow_IsTheMeanOfTheLastWScores()
    {
        // 36, 36, 38, 38, 32; i = 4: SD of 36, 36, 38, 38 = sqrt(4 / 3) = 1.155.
        // W = 2: baseline (38 + 38) / 2 = 38, drop 6. W = 3: baseline (36 + 38 + 38) / 3 = 37.33, drop 5.33. Both ≥ 2.31.
        // (Earlier scores: W = 2 judges from i = 2, 38 and 38 are above their baselines 36 and 37.)
        AllianceObservation[] series = [.. Series(36, 36, 38, 38, 32)];

        RuptureEpisode two = AllianceTrend.Analyze(series, SrsMaximum, Defaults with { BaselineWindow = 2 }).Ruptures.Should().ContainSingle().Subject;
        RuptureEpisode three = AllianceTrend.Analyze(series, SrsMaximum).Ruptures.Should().ContainSingle().Subject;

        two.Index.Should().Be(4);
        two.Baseline.Should().Be(38);
        two.Deviation.Should().BeApproximately(Math.Sqrt(4.0 / 3), 1e-12);
        three.Baseline.Should().BeApproximately(112.0 / 3, 1e-12);
    }

    [Fact]
    public void Analyze_WindowOfOne_FirstJudgedScoreIsTheThird()
    {
        // W = 1 but a SD needs two earlier scores: i = 1 is never judged (38 → 30 is no rupture), i = 2 is.
        // 37, 38, 30: i = 2: baseline 38, SD of 37, 38 = sqrt(0.5) = 0.707, drop 8 ≥ 1.41: rupture.
        AllianceTrendSettings one = Defaults with { BaselineWindow = 1 };

        AllianceTrend.Analyze(Series(38, 30), SrsMaximum, one).Ruptures.Should().BeEmpty();
        AllianceTrend.Analyze(Series(38, 30, 30), SrsMaximum, one).Ruptures.Should().BeEmpty();
        RuptureEpisode rupture = AllianceTrend.Analyze(Series(37, 38, 30), SrsMaximum, one).Ruptures.Should().ContainSingle().Subject;
        rupture.Index.Should().Be(2);
        rupture.Baseline.Should().Be(38);
        rupture.Deviation.Should().BeApproximately(Math.Sqrt(0.5), 1e-12);
    }

    [Fact]
    public void Analyze_LargeWindow_FirstScoresAreNotJudged()
    {
        // W = 5: the drop at i = 3 is not judged (fewer than 5 earlier scores); i = 5 is: baseline (36 + 37 + 38 + 30 + 37) / 5
        // = 35.6, SD sqrt(41.2 / 4) = 3.21, drop 35.6 − 28 = 7.6 ≥ 6.42: rupture.
        AllianceTrend trend = AllianceTrend.Analyze(Series(36, 37, 38, 30, 37, 28), SrsMaximum, Defaults with { BaselineWindow = 5 });

        trend.Ruptures.Select(r => r.Index).Should().Equal(5);
        trend.Ruptures[0].Baseline.Should().BeApproximately(35.6, 1e-9);
    }

    [Theory]
    [InlineData(36.5, 4)]
    [InlineData(36.9, 4)]
    [InlineData(36.49, null)]
    public void Analyze_RepairThreshold_IsBaselineMinusToleranceSd(double repairScore, int? repairIndex)
    {
        // Baseline 37, SD 1, tolerance 0.5: a score ≥ 36.5 repairs; 36.49 does not, nor do the 31s after it.
        RuptureEpisode rupture = AllianceTrend.Analyze(Series(36, 37, 38, 30, repairScore, 31, 31), SrsMaximum).Ruptures.Single();

        rupture.RepairIndex.Should().Be(repairIndex);
    }

    [Fact]
    public void Analyze_ZeroTolerance_RepairNeedsTheBaseline()
    {
        // Tolerance 0: 36.9 < 37 does not repair, the 37 at i = 5 does. With the default 0.5, 36.9 ≥ 36.5 repairs at i = 4.
        AllianceObservation[] series = [.. Series(36, 37, 38, 30, 36.9, 37)];

        AllianceTrend.Analyze(series, SrsMaximum, Defaults with { RepairTolerance = 0 }).Ruptures.Single().RepairIndex.Should().Be(5);
        AllianceTrend.Analyze(series, SrsMaximum).Ruptures.Single().RepairIndex.Should().Be(4);
    }

    [Fact]
    public void Analyze_RepairWindow_LimitsHowLateARepairCounts()
    {
        // Rupture at 3 (baseline 37, SD 1); the 37 at i = 6 is inside a window of 3 (4..6) but not of 2 (4..5).
        AllianceObservation[] series = [.. Series(36, 37, 38, 30, 31, 31, 37)];

        AllianceTrend.Analyze(series, SrsMaximum).Ruptures.Single().RepairIndex.Should().Be(6);
        RuptureEpisode late = AllianceTrend.Analyze(series, SrsMaximum, Defaults with { RepairWindow = 2 }).Ruptures.Single();
        late.RepairIndex.Should().BeNull();
        late.IsPending.Should().BeFalse();
    }

    [Fact]
    public void Analyze_DropInsideAnOpenRupture_StartsNoNewRupture()
    {
        // Rupture at 3 (unrepaired: 25, 31, 30 < 36.5). Alone, i = 4 would be one: baseline (37 + 38 + 30) / 3 = 35,
        // SD of 36, 37, 38, 30 = sqrt(38.75 / 3) = 3.59, drop 10 ≥ 7.19; but the rupture at 3 is open.
        AllianceTrend trend = AllianceTrend.Analyze(Series(36, 37, 38, 30, 25, 31, 30), SrsMaximum);

        trend.Ruptures.Select(r => r.Index).Should().Equal(3);
        trend.Ruptures[0].IsPending.Should().BeFalse();
    }

    [Fact]
    public void Analyze_AfterAnUnrepairedWindow_DetectionResumes()
    {
        // Rupture at 3, unrepaired through i = 6. i = 7 (20): baseline (31 + 30 + 31) / 3 = 30.67; SD of the first seven
        // (mean 33.29, squares 75.43) = sqrt(75.43 / 6) = 3.55; drop 10.67 ≥ 7.09: a second rupture, pending.
        AllianceTrend trend = AllianceTrend.Analyze(Series(36, 37, 38, 30, 31, 30, 31, 20), SrsMaximum);

        trend.Ruptures.Select(r => (r.Index, r.RepairIndex, r.IsPending)).Should().Equal((3, (int?)null, false), (7, (int?)null, true));
        trend.Ruptures[1].Baseline.Should().BeApproximately(92.0 / 3, 1e-9);
    }

    [Fact]
    public void Analyze_AfterARepair_DetectionResumesInsideTheOldWindow()
    {
        // Rupture at 3 repaired at 4. i = 5 (20) is inside the first window (4..6) but the rupture is closed:
        // baseline (38 + 30 + 37) / 3 = 35; SD of 36, 37, 38, 30, 37 = sqrt(41.2 / 4) = 3.21; drop 15 ≥ 6.42: rupture.
        AllianceTrend trend = AllianceTrend.Analyze(Series(36, 37, 38, 30, 37, 20), SrsMaximum);

        trend.Ruptures.Select(r => (r.Index, r.RepairIndex)).Should().Equal((3, (int?)4), (5, (int?)null));
    }

    [Fact]
    public void Analyze_RepairScore_IsItselfJudged()
    {
        // Tolerance 11: the rupture at 3 (baseline 37, SD 1) is repaired by any score ≥ 37 − 11 = 26, so the 26 at i = 4 repairs
        // it. Detection resumes at the repair score: i = 4: baseline (37 + 38 + 30) / 3 = 35, SD 3.59, drop 9 ≥ 7.19: rupture.
        AllianceTrend trend = AllianceTrend.Analyze(Series(36, 37, 38, 30, 26), SrsMaximum, Defaults with { RepairTolerance = 11 });

        trend.Ruptures.Select(r => (r.Index, r.RepairIndex, r.IsPending)).Should().Equal((3, (int?)4, false), (4, (int?)null, true));
    }

    [Fact]
    public void Analyze_HugePeriodicVPattern_FindsOneRupturePerPeriod()
    {
        // 36, 37, 38, 30, 37 repeated 20,000 times (100,000 scores). At each 30 the baseline is 37 (36, 37, 38) and the drop 7;
        // the SD of every earlier score stays below 2.9 (the pattern's SD is sqrt(41.2 / 5) = 2.87), so 7 ≥ 2 × SD every
        // time, and the next 37 ≥ 37 − 0.5 × 2.9 repairs it. No other score is below its baseline (36 vs 35, 37 vs 34.33,
        // 38 vs 36.67, and the repairing 37 vs 35).
        const int periods = 20_000;
        decimal[] pattern = [36, 37, 38, 30, 37];
        AllianceObservation[] series = [.. Observations([.. Enumerable.Range(0, periods).SelectMany(_ => pattern)])];

        AllianceTrend trend = AllianceTrend.Analyze(series, SrsMaximum);

        trend.Observations.Should().HaveCount(100_000);
        trend.Ruptures.Should().HaveCount(periods);
        trend.Ruptures.Select(r => r.Index).Should().Equal(Enumerable.Range(0, periods).Select(p => (5 * p) + 3));
        trend.Ruptures.Should().OnlyContain(r => r.RepairIndex == r.Index + 1 && r.Baseline == 37 && r.Deviation < 2.9);
        trend.CeilingCount.Should().Be(0);
    }

    // ---- Laws -----------------------------------------------------------------------------------

    [Property(MaxTest = Runs)]
    public Property AnySeries_EveryRuptureDropsAtLeastKSdAndMoreThanZero() =>
        Prop.ForAll(AnyCase(), c =>
        {
            AllianceTrend trend = AllianceTrend.Analyze(Observations(c.Scores), SrsMaximum, c.Settings);

            foreach (RuptureEpisode r in trend.Ruptures)
            {
                r.Drop.Should().BePositive("{0}", c);
                r.Drop.Should().BeGreaterThanOrEqualTo((c.Settings.RuptureDeviations * r.Deviation) - 1e-9, "ties count despite double rounding: {0}", c);
            }
        });

    [Property(MaxTest = Runs)]
    public Property AnySeries_RepairIsInsideTheWindowAndPendingOnlyWhenTheWindowRunsPastTheEnd() =>
        Prop.ForAll(AnyCase(), c =>
        {
            AllianceTrend trend = AllianceTrend.Analyze(Observations(c.Scores), SrsMaximum, c.Settings);
            int window = c.Settings.RepairWindow;

            foreach (RuptureEpisode r in trend.Ruptures)
            {
                if (r.RepairIndex is { } repair)
                {
                    repair.Should().BeInRange(r.Index + 1, r.Index + window, "{0}", c);
                    repair.Should().BeLessThan(c.Scores.Length);
                }

                r.IsPending.Should().Be(r.RepairIndex is null && r.Index + window >= c.Scores.Length, "{0}", c);
            }
        });

    [Property(MaxTest = Runs)]
    public Property AnySeries_RupturesDoNotOverlap() =>
        Prop.ForAll(AnyCase(), c =>
        {
            AllianceTrend trend = AllianceTrend.Analyze(Observations(c.Scores), SrsMaximum, c.Settings);

            for (int n = 1; n < trend.Ruptures.Length; n++)
            {
                RuptureEpisode previous = trend.Ruptures[n - 1];
                int resumesAt = previous.RepairIndex ?? (previous.Index + c.Settings.RepairWindow + 1);
                trend.Ruptures[n].Index.Should().BeGreaterThanOrEqualTo(resumesAt, "{0}", c);
            }
        });

    [Property(MaxTest = Runs)]
    public Property AnySeries_ShiftedByAConstant_SameRuptureIndexes() =>
        Prop.ForAll(AnyCase(), Arb.From(Gen.Choose(-50, 100)), (c, shift) =>
        {
            AllianceTrend trend = AllianceTrend.Analyze(Observations(c.Scores), SrsMaximum, c.Settings);
            AllianceTrend shifted = AllianceTrend.Analyze(Observations([.. c.Scores.Select(s => s + shift)]), SrsMaximum + shift, c.Settings);

            shifted.Ruptures.Select(r => (r.Index, r.RepairIndex, r.IsPending)).Should().Equal(
                trend.Ruptures.Select(r => (r.Index, r.RepairIndex, r.IsPending)), "shift {0}: {1}", shift, c);
            shifted.CeilingCount.Should().Be(trend.CeilingCount);
        });

    [Property(MaxTest = Runs)]
    public Property AnySeries_AgreesWithAnExactModelOfTheSpecification() =>
        Prop.ForAll(AnyCase(), c =>
        {
            (List<(int Index, int? RepairIndex, bool IsPending)> expected, _) = ExactModel(c.Scores, c.Settings);

            AllianceTrend trend = AllianceTrend.Analyze(Observations(c.Scores), SrsMaximum, c.Settings);

            trend.Ruptures.Select(r => (r.Index, r.RepairIndex, r.IsPending)).Should().Equal(expected, "{0}", c);
            foreach (RuptureEpisode r in trend.Ruptures)
            {
                int w = c.Settings.BaselineWindow;
                r.Baseline.Should().BeApproximately((double)c.Scores.Skip(r.Index - w).Take(w).Average(), 1e-9);
            }

            trend.CeilingCount.Should().Be(c.Scores.Count(s => s == SrsMaximum));
        });

    // ---- Helpers --------------------------------------------------------------------------------

    /// <summary>Scores a day apart from <see cref="Start"/>, feedback f-0, f-1…</summary>
    private static IEnumerable<AllianceObservation> Observations(decimal[] scores) =>
        scores.Select((score, i) => new AllianceObservation(new FeedbackId($"f-{i}"), Start + Duration.FromDays(i), score));

    /// <summary>As <see cref="Observations"/>, from literals (each converted to the decimal it reads as).</summary>
    private static IEnumerable<AllianceObservation> Series(params double[] scores) => Observations([.. scores.Select(s => (decimal)s)]);

    /// <summary>
    /// The specification computed exactly (rationals, no square roots): drop ≥ k × SD as drop² ≥ k² × variance, and a
    /// repair as (baseline − score)² ≤ tolerance² × variance. Returns (index, repair index, pending) per rupture, and
    /// whether a comparison that decided something was an exact tie (the library allows for rounding so that ties count:
    /// see <see cref="Analyze_DropExactlyKSdAfterAnInexactRunningMean_Rupture"/>).
    /// </summary>
    private static (List<(int Index, int? RepairIndex, bool IsPending)> Ruptures, bool HasTie) ExactModel(decimal[] scores, AllianceTrendSettings settings)
    {
        var ruptures = new List<(int, int?, bool)>();
        bool tie = false;
        int w = settings.BaselineWindow;
        decimal k = (decimal)settings.RuptureDeviations;
        decimal tolerance = (decimal)settings.RepairTolerance;
        decimal? population = settings.PopulationSd is { } p ? (decimal)p : null;
        int resumeAt = 0;
        for (int i = Math.Max(w, 2); i < scores.Length; i++)
        {
            if (i < resumeAt)
            {
                continue;
            }

            // Baseline = windowSum / w; variance = (n Σx² − (Σx)²) / (n (n − 1)) over the i earlier scores.
            decimal windowSum = scores.Skip(i - w).Take(w).Sum();
            decimal sum = scores.Take(i).Sum();
            decimal squares = scores.Take(i).Sum(x => x * x);
            decimal varianceNumerator = (i * squares) - (sum * sum);
            decimal varianceDenominator = i * (i - 1m);

            // Whether (gapNumerator / w) ≥ factor × SD (atLeast) or ≤ factor × SD (!atLeast), for the configured SD.
            bool Compare(decimal gapNumerator, decimal factor, bool atLeast)
            {
                bool Within()
                {
                    decimal left = gapNumerator * gapNumerator * varianceDenominator;
                    decimal right = factor * factor * w * w * varianceNumerator;
                    tie |= left == right;
                    return atLeast ? left >= right : left <= right;
                }

                bool Population()
                {
                    decimal right = factor * population!.Value * w;
                    tie |= gapNumerator == right;
                    return atLeast ? gapNumerator >= right : gapNumerator <= right;
                }

                return settings.DeviationSource switch
                {
                    DeviationSource.WithinPair => Within(),
                    DeviationSource.Population => Population(),
                    _ when population is null => Within(),

                    // drop ≥ k × max(within, pop) needs both; a gap ≤ tol × max(within, pop) needs either.
                    _ => atLeast ? Within() && Population() : Within() || Population(),
                };
            }

            decimal dropNumerator = windowSum - (w * scores[i]);
            if (dropNumerator <= 0 || !Compare(dropNumerator, k, atLeast: true))
            {
                continue;
            }

            int last = i + settings.RepairWindow;
            int? repair = null;
            for (int j = i + 1; j <= last && j < scores.Length; j++)
            {
                decimal gapNumerator = windowSum - (w * scores[j]);
                if (gapNumerator <= 0 || Compare(gapNumerator, tolerance, atLeast: false))
                {
                    repair = j;
                    break;
                }
            }

            ruptures.Add((i, repair, repair is null && last >= scores.Length));
            resumeAt = repair ?? (last + 1);
        }

        return (ruptures, tie);
    }

    /// <summary>A series and settings for the laws.</summary>
    internal sealed record Case(decimal[] Scores, AllianceTrendSettings Settings)
    {
        public override string ToString() =>
            $"scores [{string.Join(", ", Scores)}] k={Settings.RuptureDeviations} W={Settings.BaselineWindow} {Settings.DeviationSource} " +
            $"pop={Settings.PopulationSd?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} tol={Settings.RepairTolerance} window={Settings.RepairWindow}";
    }

    /// <summary>
    /// Mostly stable series around a level (steps of 0.5) with occasional dips and recoveries, so ruptures, repairs and
    /// pending windows all occur; settings drawn from small exact values (so the exact model can use decimals).
    /// </summary>
    private static Arbitrary<Case> AnyCase()
    {
        Gen<decimal> step = Gen.Frequency(
            (10, Gen.Choose(-2, 2).Select(h => h / 2m)),
            (2, Gen.Choose(-24, -6).Select(h => h / 2m)),
            (1, Gen.Choose(6, 24).Select(h => h / 2m)));
        Gen<decimal[]> scores =
            from level in Gen.Choose(40, 80)
            from length in Gen.Choose(0, 40)
            from steps in step.ArrayOf(length)
            select steps.Select(s => Math.Clamp((level / 2m) + s, 0, SrsMaximum)).ToArray();
        Gen<AllianceTrendSettings> settings =
            from k in Gen.Elements(0.5, 1, 1.5, 2, 2.5, 3)
            from w in Gen.Choose(1, 5)
            from source in Gen.Elements(DeviationSource.WithinPair, DeviationSource.Population, DeviationSource.Stricter)
            from population in Gen.Frequency((2, Gen.Constant<double?>(null)), (3, Gen.Elements<double?>(0.5, 1, 2, 3.5)))
            from tolerance in Gen.Elements(0, 0.25, 0.5, 1, 2)
            from window in Gen.Choose(1, 5)
            select new AllianceTrendSettings
            {
                RuptureDeviations = k,
                BaselineWindow = w,
                DeviationSource = source,
                PopulationSd = source == DeviationSource.Population ? population ?? 1.5 : population,
                RepairTolerance = tolerance,
                RepairWindow = window,
            };
        return Arb.From(from s in scores from t in settings select new Case(s, t));
    }
}
