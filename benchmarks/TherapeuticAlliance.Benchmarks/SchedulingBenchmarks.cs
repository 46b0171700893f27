using BenchmarkDotNet.Attributes;
using FluentValidation.Results;
using NodaTime;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>Creating a slot (zone lookup, strict DST mapping) against NodaTime's own AtStrictly as the baseline.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SessionSlotBenchmarks
{
    private static readonly LocalDateTime Local = new(2026, 6, 9, 9, 0);
    private static readonly Duration Length = Duration.FromMinutes(50);

    /// <summary>Baseline: NodaTime alone.</summary>
    /// <returns>The start instant.</returns>
    [Benchmark(Baseline = true)]
    public Instant NodaTimeAtStrictly() => DateTimeZoneProviders.Tzdb["America/New_York"].AtStrictly(Local).ToInstant();

    /// <summary>A slot, with its derived instants.</summary>
    /// <returns>The slot.</returns>
    [Benchmark]
    public SessionSlot Create() => SessionSlot.Create(Local, "America/New_York", Length);
}

/// <summary>The schedule-request validator on a valid and on an invalid request (perf.md: ≤ 250 ns and ≤ 1 KB when valid).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScheduleRequestValidatorBenchmarks
{
    private readonly ScheduleRequestValidator _validator = new();

    private readonly ScheduleRequest _valid = new()
    {
        AppointmentId = "a-1", PatientId = "p-1", ClinicianId = "c-1", Kind = "Psychotherapy",
        LocalStart = "2026-06-09T09:00", ZoneId = "America/New_York", LengthMinutes = 50,
    };

    private readonly ScheduleRequest _invalid = new()
    {
        AppointmentId = "a 1", PatientId = null, ClinicianId = "c-1", Kind = "Group",
        LocalStart = "2026-03-08T02:30", ZoneId = "America/New_York", LengthMinutes = 0,
    };

    /// <summary>A valid request.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public ValidationResult Valid() => _validator.Validate(_valid);

    /// <summary>A request with five problems.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ValidationResult Invalid() => _validator.Validate(_invalid);
}
