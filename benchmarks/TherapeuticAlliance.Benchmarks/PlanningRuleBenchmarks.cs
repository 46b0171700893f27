using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// All focus and communication rules for one patient with 50 sessions, 5 goals and 3 plan revisions
/// (goal: 5 µs or less), against a plain pass over the same sessions' topics as the baseline. The episode is a
/// compliant one, so the figure is the pass path: every rule runs in full and finds nothing.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlanningRuleBenchmarks
{
    private readonly List<Verdict> _verdicts = new(128);
    private readonly RuleSet<TreatmentEpisode> _rules = PlanningRules.Create();
    private TreatmentEpisode _episode = null!;

    /// <summary>Builds the episode: weekly 50-minute sessions, two topics each, most minutes on the goals.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var patient = new PatientId("p-1");
        var clinician = new ClinicianId("c-1");
        Instant start = Instant.FromUtc(2026, 1, 5, 14, 0);
        var goals = new List<Goal>();
        for (int g = 0; g < 5; g++)
        {
            Goal goal = Goal.Propose(new GoalId($"g-{g}"), patient, clinician, GoalExpressedBy.Patient, "statement", [], start);
            goal.Accept(Party.Patient, start);
            goal.Accept(Party.Clinician, start);
            goal.Activate(start);
            goals.Add(goal);
        }

        // Revision 1 holds the five goals and weekly psychotherapy; revision 2 moves to fortnightly; revision 3 adds a medication.
        PlanContent content = goals.Aggregate(PlanContent.Empty, (c, g) => c.WithGoal(g.Id));
        var weekly = new PsychotherapyIntervention("cbt", new SessionFrequency(1, FrequencyUnit.Week), [goals[0].Id]);
        content = content.WithIntervention(weekly);
        TreatmentPlan plan = TreatmentPlan.Draft(new TreatmentPlanId("plan-1"), patient, clinician, content, start);
        plan.ExplainDiagnosis("F32.1", start);
        plan.DiscussOption("psychotherapy", start);
        plan.Activate(goals, Party.Clinician, start, start);
        content = content.WithoutIntervention(weekly).WithIntervention(new PsychotherapyIntervention("cbt", new SessionFrequency(2, FrequencyUnit.Month), [goals[0].Id]));
        plan.Revise(content, goals, Party.Clinician, ["progress-review"], [], [], start + Duration.FromDays(90), start + Duration.FromDays(90));
        content = content.WithIntervention(new MedicationIntervention("rx-1", [goals[1].Id]));
        plan.Revise(content, goals, Party.Clinician, ["symptoms-persist"], [], [], start + Duration.FromDays(120), start + Duration.FromDays(120));

        var sessions = new List<Appointment>();
        for (int s = 0; s < 50; s++)
        {
            SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 1, 6, 9, 0).PlusDays(7 * s), "America/New_York", Duration.FromMinutes(50));
            Appointment a = Appointment.Schedule(new AppointmentId($"s-{s}"), patient, clinician, SessionKind.Psychotherapy, slot, start);
            a.Confirm(start);
            a.CheckIn(slot.Start);
            a.StartSession(slot.Start);
            a.EndSession(slot.End);
            a.RecordTopics(
                [new SessionTopic("goal-work", 40, TopicSensitivity.Moderate, [goals[s % 5].Id]), new SessionTopic("check-in", 10, TopicSensitivity.Low, [])],
                slot.End);
            sessions.Add(a);
        }

        // A review and a progress update on every goal near the end, so that the episode is a compliant one.
        Instant asOf = sessions[^1].EndedAt!.Value + Duration.FromDays(1);
        plan.RecordReview([.. goals.Select(g => g.Id)], asOf + Duration.FromDays(30), asOf - Duration.FromDays(2));
        foreach (Goal goal in goals)
        {
            goal.RecordProgress(new ProgressUpdate(new ProgressUpdateId($"pu-{goal.Id}"), asOf - Duration.FromDays(2), Party.Patient, GoalAchievementStatus.Improving));
        }

        _episode = new TreatmentEpisode(plan, goals, sessions, [new Prescription(plan.PatientId, plan.ClinicianId, "rx-1", start + Duration.FromDays(121))], asOf);
    }

    /// <summary>Baseline: one pass over every session's topics, summing minutes.</summary>
    /// <returns>The total topic minutes.</returns>
    [Benchmark(Baseline = true)]
    public int TopicMinutesOnly()
    {
        int total = 0;
        foreach (Appointment session in _episode.Sessions)
        {
            foreach (SessionTopic topic in session.Topics)
            {
                total += topic.Minutes;
            }
        }

        return total;
    }

    /// <summary>All eight focus and communication rules, into a reused list.</summary>
    /// <returns>The verdict count.</returns>
    [Benchmark]
    public int AllPlanningRules()
    {
        _verdicts.Clear();
        _rules.Evaluate(_episode, _verdicts);
        return _verdicts.Count;
    }
}
