using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// The alliance trend over 200 sessions (goal: 10 µs or less), against one pass summing the same scores as the
/// baseline; and every reliability, feedback and alliance rule over the same pair's history.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AllianceBenchmarks
{
    private const int Sessions = 200;
    private readonly List<Verdict> _verdicts = new(1024);
    private readonly RuleSet<AllianceHistory> _rules = AllianceRules.Create();
    private AllianceObservation[] _scores = null!;
    private List<Appointment> _sessions = null!;
    private List<Feedback> _feedback = null!;
    private Instant _asOf;

    /// <summary>
    /// Builds a pair with 200 weekly fulfilled sessions, an SRS after each: mostly 35–39 with a V-shaped rupture
    /// and repair every 25 sessions, and some perfect scores.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var patient = new PatientId("p-1");
        var clinician = new ClinicianId("c-1");
        var sessions = new List<Appointment>(Sessions);
        var feedback = new List<Feedback>(Sessions);
        _scores = new AllianceObservation[Sessions];
        for (int s = 0; s < Sessions; s++)
        {
            SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 1, 6, 9, 0).PlusDays(7 * s), "America/New_York", Duration.FromMinutes(50));
            Appointment a = Appointment.Schedule(new AppointmentId($"s-{s}"), patient, clinician, SessionKind.Psychotherapy, slot, slot.Start - Duration.FromDays(7));
            a.Confirm(slot.Start - Duration.FromDays(7));
            a.CheckIn(slot.Start);
            a.StartSession(slot.Start);
            a.EndSession(slot.End);
            sessions.Add(a);

            decimal item = s % 25 == 24 ? 7m : s % 10 == 0 ? 10m : 9m + (s % 3 * 0.25m);
            InstrumentResponse srs = InstrumentResponse.Create(Instruments.Srs, [item, item, item, item], Party.Patient, slot.End);
            Feedback f = Feedback.ForInstrument(new FeedbackId($"f-{s}"), patient, clinician, a.Id, FeedbackSolicitation.Solicited, srs);
            if (f.IsNegative)
            {
                f.Address(FeedbackResponse.Discussed(), slot.End + Duration.FromMinutes(1));
            }

            feedback.Add(f);
            _scores[s] = new AllianceObservation(f.Id, srs.At, srs.Total);
        }

        (_sessions, _feedback, _asOf) = (sessions, feedback, sessions[^1].EndedAt!.Value + Duration.FromHours(1));
    }

    /// <summary>Baseline: one pass summing the 200 scores.</summary>
    /// <returns>The sum.</returns>
    [Benchmark(Baseline = true)]
    public decimal SumScores()
    {
        decimal sum = 0;
        foreach (AllianceObservation score in _scores)
        {
            sum += score.Score;
        }

        return sum;
    }

    /// <summary>The trend: ruptures, repairs and ceiling scores over 200 sessions.</summary>
    /// <returns>The number of ruptures.</returns>
    [Benchmark]
    public int Trend() => AllianceTrend.Analyze(_scores, 40).Ruptures.Length;

    /// <summary>
    /// What an audit does for one pair: build its history (200 sessions, 200 SRS responses) and run every reliability,
    /// feedback and alliance rule over it once.
    /// </summary>
    /// <returns>The number of verdicts.</returns>
    [Benchmark]
    public int AllAllianceRules()
    {
        _verdicts.Clear();
        _rules.Evaluate(new AllianceHistory(new PatientId("p-1"), new ClinicianId("c-1"), _sessions, _feedback, _asOf), _verdicts);
        return _verdicts.Count;
    }
}
