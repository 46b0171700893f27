using BenchmarkDotNet.Attributes;
using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>Scoring one SRS response (goal: 0 bytes allocated), against summing the four values by hand as the baseline.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class InstrumentBenchmarks
{
    private readonly decimal?[] _srs = [9.1m, 8.7m, 9.5m, 9.0m];

    /// <summary>Baseline: the four values summed, with no checks.</summary>
    /// <returns>The total.</returns>
    [Benchmark(Baseline = true)]
    public decimal SumByHand() => _srs[0]!.Value + _srs[1]!.Value + _srs[2]!.Value + _srs[3]!.Value;

    /// <summary>The SRS definition's checked scoring.</summary>
    /// <returns>The total.</returns>
    [Benchmark]
    public decimal ScoreSrs() => Instruments.Srs.Score(_srs).Total;
}
