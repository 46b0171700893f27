using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;

namespace TherapeuticAlliance.Communication;

/// <summary>One alliance score of a patient-clinician pair: the feedback it came from, when, and the total.</summary>
/// <param name="FeedbackId">The feedback holding the response.</param>
/// <param name="At">When the instrument was completed.</param>
/// <param name="Score">The total score.</param>
public readonly record struct AllianceObservation(FeedbackId FeedbackId, Instant At, decimal Score);

/// <summary>
/// A rupture: a score <see cref="AllianceTrendSettings.RuptureDeviations"/> SDs or more below the baseline, and whether
/// a later score came back within the repair tolerance inside the repair window.
/// </summary>
/// <remarks>Made by <see cref="AllianceTrend.Analyze"/>; immutable.</remarks>
public sealed record RuptureEpisode
{
    internal RuptureEpisode(int index, AllianceObservation observation, double baseline, double deviation, int? repairIndex, bool isPending)
    {
        Index = index;
        Observation = observation;
        Baseline = baseline;
        Deviation = deviation;
        RepairIndex = repairIndex;
        IsPending = isPending;
    }

    /// <summary>The position of the rupture score in the observations.</summary>
    public int Index { get; }

    /// <summary>The rupture score.</summary>
    public AllianceObservation Observation { get; }

    /// <summary>The baseline: the mean of the scores in the window before the rupture.</summary>
    public double Baseline { get; }

    /// <summary>The SD that scaled the rupture (see <see cref="AllianceTrendSettings.DeviationSource"/>).</summary>
    public double Deviation { get; }

    /// <summary>The drop below the baseline, in points.</summary>
    public double Drop => Baseline - (double)Observation.Score;

    /// <summary>The position of the first score that repaired it; null when none did inside the window.</summary>
    public int? RepairIndex { get; }

    /// <summary>Whether a score came back within the tolerance inside the repair window.</summary>
    public bool IsRepaired => RepairIndex is not null;

    /// <summary>Whether it is unrepaired but the repair window has not yet run out (too few later scores to judge).</summary>
    public bool IsPending { get; }

    /// <summary>Returns the position, drop and repair state.</summary>
    public override string ToString() =>
        $"Rupture at {Index} ({Observation.FeedbackId}) drop {Drop:0.##} ({Deviation:0.##} SD scale) {(IsRepaired ? $"repaired at {RepairIndex}" : IsPending ? "pending" : "unrepaired")}";
}

/// <summary>
/// The alliance trend of one patient-clinician pair across sessions: ruptures and their repair (V-episodes); the
/// scores below a cutoff and the drops from the previous session (<see cref="FindBelow"/>, <see cref="FindDrops"/>); and
/// the scores at the instrument's ceiling, which carry no information (<see cref="FindAtCeiling"/>).
/// </summary>
/// <remarks>
/// <para>
/// For each score after the first <see cref="AllianceTrendSettings.BaselineWindow"/> (and after at least two), the
/// baseline is the mean of the window of scores before it and the SD is the one
/// <see cref="AllianceTrendSettings.DeviationSource"/> names (the within-pair SD is the sample SD of every earlier
/// score). A drop of more than zero and at least k SDs is a rupture (comparisons allow 1e-9 points for rounding, so
/// an exact tie counts). It is repaired by the first of the next
/// <see cref="AllianceTrendSettings.RepairWindow"/> scores that reaches <c>baseline − tolerance × SD</c>. While a rupture
/// is open (until repaired or its window ends), no new rupture starts.
/// </para>
/// <para>Immutable. Analysing 200 scores takes a few microseconds (see benchmarks/README.md).</para>
/// </remarks>
public sealed class AllianceTrend
{
    // The running SD is computed in double: allow for its rounding, so that a drop of exactly k SD (or a repair
    // exactly at the tolerance) counts, whatever the scores' offset. Far below any meaningful score difference.
    private const double Rounding = 1e-9;

    private AllianceTrend(ImmutableArray<AllianceObservation> observations, ImmutableArray<RuptureEpisode> ruptures, int ceilingCount, decimal maximumScore)
    {
        Observations = observations;
        Ruptures = ruptures;
        MaximumScore = maximumScore;
        CeilingCount = ceilingCount;
    }

    /// <summary>The scores, oldest first.</summary>
    public ImmutableArray<AllianceObservation> Observations { get; }

    /// <summary>The ruptures found, oldest first.</summary>
    public ImmutableArray<RuptureEpisode> Ruptures { get; }

    /// <summary>How many scores were at the instrument's maximum: uninformative, not "excellent".</summary>
    public int CeilingCount { get; }

    /// <summary>The share of scores at the ceiling; 0 when there are none.</summary>
    public double CeilingShare => Observations.IsEmpty ? 0 : (double)CeilingCount / Observations.Length;

    /// <summary>The instrument's highest total, as given to <see cref="Analyze"/>.</summary>
    public decimal MaximumScore { get; }

    /// <summary>The positions of the scores at the ceiling (<see cref="MaximumScore"/>): perfect, and so uninformative.</summary>
    /// <returns>The positions, oldest first.</returns>
    [Pure]
    public ImmutableArray<int> FindAtCeiling() => Find((score, _) => score == MaximumScore);

    /// <summary>The positions of the scores below a cutoff (for the SRS, 36).</summary>
    /// <param name="cutoff">The cutoff: a score below it is in the concern range; one exactly at it is not.</param>
    /// <returns>The positions, oldest first.</returns>
    [Pure]
    public ImmutableArray<int> FindBelow(decimal cutoff) => Find((score, _) => score < cutoff);

    /// <summary>The positions of the scores that fell from the previous one by at least a number of points (for the SRS, 1).</summary>
    /// <param name="points">The smallest fall that counts; more than zero. A fall exactly of it counts.</param>
    /// <returns>The positions, oldest first; never the first score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is not positive.</exception>
    [Pure]
    public ImmutableArray<int> FindDrops(decimal points)
    {
        Guard.Against.NegativeOrZero(points, exceptionCreator: () => new ArgumentOutOfRangeException(nameof(points), "The fall must be positive."));
        return Find((score, i) => i > 0 && Observations[i - 1].Score - score >= points);
    }

    /// <summary>Analyses a pair's scores.</summary>
    /// <param name="observations">The scores, oldest first (equal instants allowed).</param>
    /// <param name="maximumScore">The instrument's highest total (for the SRS, 40).</param>
    /// <param name="settings">The settings; <see cref="AllianceTrendSettings.Default"/> when null.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The observations are not in time order, or the settings ask for the population SD and none is configured.
    /// </exception>
    [Pure]
    public static AllianceTrend Analyze(IEnumerable<AllianceObservation> observations, decimal maximumScore, AllianceTrendSettings? settings = null)
    {
        ImmutableArray<AllianceObservation> list = [.. Guard.Against.Null(observations)];
        settings ??= AllianceTrendSettings.Default;
        if (settings.DeviationSource == DeviationSource.Population && settings.PopulationSd is null)
        {
            throw new ArgumentException("The settings scale ruptures by the population SD, but no population SD is configured.", nameof(settings));
        }

        // Decimal arithmetic is slow: convert every score to double once, in the same pass as the checks.
        double[] scores = new double[list.Length];
        int ceiling = 0;
        for (int i = 0; i < list.Length; i++)
        {
            AllianceObservation observation = list[i];
            if (i > 0 && observation.At < list[i - 1].At)
            {
                throw new ArgumentException("The observations must be in time order, oldest first.", nameof(observations));
            }

            ceiling += observation.Score == maximumScore ? 1 : 0;
            scores[i] = (double)observation.Score;
        }

        return new AllianceTrend(list, FindRuptures(list, scores, settings), ceiling, maximumScore);
    }

    private ImmutableArray<int> Find(Func<decimal, int, bool> matches)
    {
        ImmutableArray<int>.Builder found = ImmutableArray.CreateBuilder<int>();
        for (int i = 0; i < Observations.Length; i++)
        {
            if (matches(Observations[i].Score, i))
            {
                found.Add(i);
            }
        }

        return found.ToImmutable();
    }

    private static ImmutableArray<RuptureEpisode> FindRuptures(ImmutableArray<AllianceObservation> list, double[] scores, AllianceTrendSettings settings)
    {
        ImmutableArray<RuptureEpisode>.Builder? ruptures = null;
        int window = settings.BaselineWindow;
        int first = Math.Max(window, 2);

        // Welford's running mean and sum of squares over every score before i: the within-pair SD in O(1) per step.
        double mean = 0;
        double squares = 0;
        double windowSum = 0;
        int skipUntil = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double score = scores[i];
            if (i >= first && i >= skipUntil)
            {
                double baseline = windowSum / window;
                double sd = Deviation(settings, Math.Sqrt(squares / (i - 1)));
                double drop = baseline - score;
                if (drop > 0 && drop >= (settings.RuptureDeviations * sd) - Rounding)
                {
                    int last = i + settings.RepairWindow;
                    int? repair = null;
                    for (int j = i + 1; j <= last && j < scores.Length; j++)
                    {
                        if (scores[j] >= baseline - (settings.RepairTolerance * sd) - Rounding)
                        {
                            repair = j;
                            break;
                        }
                    }

                    (ruptures ??= ImmutableArray.CreateBuilder<RuptureEpisode>()).Add(
                        new RuptureEpisode(i, list[i], baseline, sd, repair, repair is null && last >= scores.Length));
                    skipUntil = repair ?? (last + 1);
                }
            }

            double delta = score - mean;
            mean += delta / (i + 1);
            squares += delta * (score - mean);
            windowSum += score;
            if (i >= window)
            {
                windowSum -= scores[i - window];
            }
        }

        return ruptures?.ToImmutable() ?? [];
    }

    private static double Deviation(AllianceTrendSettings settings, double withinPair) => settings.DeviationSource switch
    {
        DeviationSource.WithinPair => withinPair,
        DeviationSource.Population => settings.PopulationSd!.Value,
        _ => Math.Max(withinPair, settings.PopulationSd ?? 0),
    };
}
