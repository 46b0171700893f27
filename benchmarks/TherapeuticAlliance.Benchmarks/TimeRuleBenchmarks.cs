using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// One time-boundary rule on its pass path (goal: 100 ns or less, 0 bytes), against the bare derived
/// value it judges as the baseline, and the whole per-appointment rule set.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TimeRuleBenchmarks
{
    private readonly List<Verdict> _verdicts = new(16);
    private readonly OverrunRule _overrun = new(TimeBoundarySettings.Default);
    private readonly RuleSet<Appointment> _all = TimeBoundaryRules.Create();
    private Appointment _onTime = null!;

    /// <summary>A session that started and ended on time.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), "America/New_York", Duration.FromMinutes(50));
        _onTime = Appointment.Schedule(
            new AppointmentId("a-1"), new PatientId("p-1"), new ClinicianId("c-1"), SessionKind.Psychotherapy, slot, slot.Start - Duration.FromDays(7));
        _onTime.Confirm(slot.Start - Duration.FromDays(6));
        _onTime.CheckIn(slot.Start - Duration.FromMinutes(3));
        _onTime.StartSession(slot.Start);
        _onTime.EndSession(slot.End);
    }

    /// <summary>Baseline: the derived overrun alone, compared with the tolerance.</summary>
    /// <returns>Whether it is within the tolerance.</returns>
    [Benchmark(Baseline = true)]
    public bool OverrunValueOnly() => _onTime.Overrun <= TimeBoundarySettings.Default.OverrunTolerance;

    /// <summary>The overrun rule, passing, adding its verdict to a reused list.</summary>
    /// <returns>The verdict count.</returns>
    [Benchmark]
    public int OverrunRulePass()
    {
        _verdicts.Clear();
        _overrun.Evaluate(_onTime, _verdicts);
        return _verdicts.Count;
    }

    /// <summary>All seven per-appointment time rules, passing, into a reused list.</summary>
    /// <returns>The verdict count.</returns>
    [Benchmark]
    public int AllTimeRulesPass()
    {
        _verdicts.Clear();
        _all.Evaluate(_onTime, _verdicts);
        return _verdicts.Count;
    }
}
