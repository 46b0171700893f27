using System;
using System.Collections.Generic;
using NodaTime;
using TherapeuticAlliance;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

/// <summary>The README's planning example: the patient's own goal, agreed, a plan explained and activated, then checked.</summary>
internal static class PlanningExample
{
    public static void Run(Instant start)
    {
        // planning:begin
        var patient = new PatientId("pat-17");
        var clinician = new ClinicianId("dr-4");

        // The goal in the patient's own words (kept out of every message and log), with a measurable target:
        // PHQ-9 total score (LOINC 44261-6) below 10 within three months.
        Goal sleep = Goal.Propose(
            new GoalId("goal-1"), patient, clinician, GoalExpressedBy.Patient,
            "I want to sleep through the night and get back to work.",
            [new GoalTarget(GoalTarget.Phq9TotalLoinc, TargetComparator.LessThan, 10, new LocalDate(2027, 6, 16))],
            at: start);
        sleep.Accept(Party.Patient, start);
        sleep.Accept(Party.Clinician, start);   // agreed only once both have accepted
        sleep.Activate(start);

        // The psychiatrist explains the diagnosis and discusses the options before the patient agrees.
        TreatmentPlan plan = TreatmentPlan.Draft(
            new TreatmentPlanId("plan-1"), patient, clinician,
            PlanContent.Empty.WithGoal(sleep.Id)
                .WithIntervention(new PsychotherapyIntervention("CBT-I", new SessionFrequency(1, FrequencyUnit.Week), [sleep.Id])),
            at: start);
        plan.ExplainDiagnosis("F32.1", start + Duration.FromMinutes(10));
        plan.DiscussOption("psychotherapy", start + Duration.FromMinutes(20));
        plan.DiscussOption("psychotherapy-and-ssri", start + Duration.FromMinutes(25));
        plan.ChooseOption("psychotherapy", start + Duration.FromMinutes(30));
        plan.Activate([sleep], Party.Clinician, patientAgreedAt: start + Duration.FromMinutes(30), at: start + Duration.FromMinutes(30));

        // A progress update four weeks on: what works and what does not, in the patient's words.
        sleep.RecordProgress(new ProgressUpdate(
            new ProgressUpdateId("pu-1"), start + Duration.FromDays(28), Party.Patient, GoalAchievementStatus.Improving,
            whatWorks: "The wind-down routine.", whatDoesNot: "Waking at 4 am.", measureValue: 13));

        // Check the focus and communication rules as of six weeks after the start.
        var episode = new TreatmentEpisode(plan, [sleep], sessions: [], prescriptions: [], asOf: start + Duration.FromDays(42));
        foreach (Verdict verdict in PlanningRules.Create().Evaluate(episode))
        {
            Console.WriteLine($"{verdict.Code} {verdict.Outcome} {verdict.Subject}");
        }
        // planning:end
    }
}
