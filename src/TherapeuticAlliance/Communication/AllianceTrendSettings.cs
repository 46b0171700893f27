using System;

namespace TherapeuticAlliance.Communication;

/// <summary>Which standard deviation scales a rupture: the pair's own, a population's, or the stricter (larger) of the two.</summary>
public enum DeviationSource
{
    /// <summary>The sample SD of the pair's earlier scores.</summary>
    WithinPair = 0,

    /// <summary>A configured population SD (<see cref="AllianceTrendSettings.PopulationSd"/>).</summary>
    Population = 1,

    /// <summary>
    /// The larger of the two, so neither a minor dip in a stable series nor a dip inside a very noisy one counts as a
    /// rupture. The within-pair SD alone when no population SD is configured.
    /// </summary>
    Stricter = 2,
}

/// <summary>
/// How <see cref="AllianceTrend"/> finds ruptures and repairs. Immutable: derive a changed copy with a <c>with</c>
/// expression (every value is checked again).
/// </summary>
/// <remarks>
/// Session-by-session rupture detection follows the V-episode method compared by the 2012 methods paper (Stiles et
/// al. 2004 and Strauss et al. 2006 used thresholds of 1 and 2 SD; the paper proposes the stricter of the within- and
/// between-patient SD). The baseline window, the repair tolerance and the repair window are not set by a source: they
/// are practice defaults. Configure <see cref="PopulationSd"/> from your own population: without it a pair whose scores
/// never varied has an SD of zero, and any drop counts as a rupture.
/// </remarks>
public sealed record AllianceTrendSettings
{
    private readonly double _ruptureDeviations = 2;
    private readonly int _baselineWindow = 3;
    private readonly DeviationSource _deviationSource = DeviationSource.Stricter;
    private readonly double? _populationSd;
    private readonly double _repairTolerance = 0.5;
    private readonly int _repairWindow = 3;

    /// <summary>Creates settings with every default.</summary>
    public AllianceTrendSettings()
    {
    }

    /// <summary>The defaults.</summary>
    public static AllianceTrendSettings Default { get; } = new();

    /// <summary>
    /// k: a score this many SDs or more below the baseline is a rupture. Default 2, the stricter of the two published
    /// thresholds (1 and 2 SD). More than zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public double RuptureDeviations
    {
        get => _ruptureDeviations;
        init => _ruptureDeviations = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(RuptureDeviations), "k must be a positive number.");
    }

    /// <summary>How many earlier scores form the baseline (their mean). Default 3 (practice default), at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int BaselineWindow
    {
        get => _baselineWindow;
        init => _baselineWindow = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BaselineWindow), "At least one score.");
    }

    /// <summary>Which SD scales a rupture. Default <see cref="DeviationSource.Stricter"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not defined.</exception>
    public DeviationSource DeviationSource
    {
        get => _deviationSource;
        init => _deviationSource = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(DeviationSource), "Not a defined DeviationSource.");
    }

    /// <summary>The SD of the instrument's scores in the clinic's population; null (the default) when not configured. More than zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public double? PopulationSd
    {
        get => _populationSd;
        init => _populationSd = value is null || (value > 0 && double.IsFinite(value.Value)) ? value : throw new ArgumentOutOfRangeException(nameof(PopulationSd), "The SD must be a positive number.");
    }

    /// <summary>
    /// A rupture is repaired by a later score within this many SDs of the rupture's baseline. Default 0.5, the
    /// no-change band OpenFIT uses for effect sizes (practice default). Zero or more.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public double RepairTolerance
    {
        get => _repairTolerance;
        init => _repairTolerance = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(RepairTolerance), "The tolerance must be zero or more.");
    }

    /// <summary>How many scores after a rupture a repair may take. Default 3 (practice default), at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int RepairWindow
    {
        get => _repairWindow;
        init => _repairWindow = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(RepairWindow), "At least one score.");
    }
}
