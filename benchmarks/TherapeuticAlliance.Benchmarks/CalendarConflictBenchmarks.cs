using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>Sort-and-sweep against the naive pairwise check, on the same 10k-booking calendar in the same run.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CalendarConflictBenchmarks
{
    private Booking[] _bookings = [];

    /// <summary>Number of bookings.</summary>
    [Params(10_000)]
    public int Count { get; set; }

    /// <summary>Builds the calendar.</summary>
    [GlobalSetup]
    public void Setup() => _bookings = Calendars.Generate(Count);

    /// <summary>Every pair compared: the baseline.</summary>
    /// <returns>The conflicts.</returns>
    [Benchmark(Baseline = true)]
    public List<BookingConflict> Pairwise() => CalendarConflicts.FindPairwise(_bookings);

    /// <summary>Grouped, sorted and swept.</summary>
    /// <returns>The conflicts.</returns>
    [Benchmark]
    public IReadOnlyList<BookingConflict> SortAndSweep() => CalendarConflicts.Find(_bookings);
}

/// <summary>How the sweep scales: 10k, 100k and 1M bookings (about 600 psychiatrist-years at 1M).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CalendarConflictScalingBenchmarks
{
    private Booking[] _bookings = [];

    /// <summary>Number of bookings.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Count { get; set; }

    /// <summary>Builds the calendar.</summary>
    [GlobalSetup]
    public void Setup() => _bookings = Calendars.Generate(Count);

    /// <summary>Grouped, sorted and swept.</summary>
    /// <returns>The conflicts.</returns>
    [Benchmark]
    public IReadOnlyList<BookingConflict> SortAndSweep() => CalendarConflicts.Find(_bookings);
}
