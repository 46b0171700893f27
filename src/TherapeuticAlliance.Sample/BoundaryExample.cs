using System;
using NodaTime;
using TherapeuticAlliance;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;

/// <summary>The README's dual-relationship example: a relationship after termination under two presets, and a question at intake.</summary>
internal static class BoundaryExample
{
    public static void Run()
    {
        // boundaries:begin
        var clinician = new ClinicianId("dr-4");
        var patient = new PatientId("pat-17");

        // Treatment ended on 10 March 2024 (the last professional contact). The clinician declares a romantic
        // relationship with the former patient that began on 11 March 2026: two years and a day later.
        var course = new TreatmentCourse(patient, clinician, start: new LocalDate(2023, 1, 10), terminatedOn: new LocalDate(2024, 3, 10));
        RelationshipDeclaration[] declarations =
        [
            new(new RelationshipDeclarationId("rel-1"), clinician, patient, relationCode: null,
                RelationshipKind.RomanticOrSexual, start: new LocalDate(2026, 3, 11), end: null),
        ];

        // The same facts under two professions' codes: psychology weighs the APA 10.08(b) factors after two years;
        // psychiatry never permits it.
        foreach (BoundaryPolicy policy in new[] { BoundaryPresets.UsPsychology, BoundaryPresets.UsPsychiatry })
        {
            foreach (Verdict verdict in DualRelationshipCheck.Evaluate(policy.Settings.Dual, course, declarations))
            {
                Console.WriteLine($"{policy.Id}: {verdict.Code} {verdict.Outcome} ({verdict.Citation.Section})");
            }
        }

        // At intake: may the clinician take on a friend as a patient? The answer is verdicts with the factors to weigh.
        RelationshipDeclaration friendship = new(
            new RelationshipDeclarationId("rel-2"), clinician, new PatientId("pat-18"), relationCode: null,
            RelationshipKind.FriendshipOrSocial, start: new LocalDate(2015, 6, 1), end: null);
        foreach (Verdict verdict in DualRelationshipCheck.AtIntake(
            BoundaryPresets.UsCounseling.Settings.Dual, clinician, new PatientId("pat-18"), [friendship], intakeDate: new LocalDate(2026, 12, 1)))
        {
            Console.WriteLine(verdict);
        }
        // boundaries:end
    }
}
