using System;
using System.IO;
using System.Linq;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;

/// <summary>The README's caseload example: a synthetic caseload written as a document, then streamed through the audit.</summary>
internal static class CaseloadExample
{
    public static void Run()
    {
        // caseload:begin
        // A seeded synthetic caseload (about 40 sessions a patient-year), written as a caseload@1 document.
        var options = new SyntheticCaseloadOptions { Patients = 50, Seed = 1 };
        using var file = new MemoryStream();
        CaseloadDocument.Write(SyntheticCaseload.Clinicians(options), SyntheticCaseload.Patients(options), file, indented: false);
        file.Position = 0;

        // Read one patient at a time, straight into the audit on every core; the report is kept only if the whole
        // document was valid.
        CaseloadReader reader = CaseloadDocument.Open(file);
        ComplianceReport report = ComplianceAudit.Run(
            BoundaryPresets.UsPsychiatry, reader.ReadPatients(), SyntheticCaseload.AsOf(options), new ComplianceAuditOptions { MaxDegreeOfParallelism = 2 });
        if (!reader.Validation.IsValid)
        {
            foreach (ValidationFailure problem in reader.Validation.Errors)
            {
                Console.WriteLine($"{problem.PropertyName}: {problem.ErrorCode}: {problem.ErrorMessage}");
            }

            return;
        }

        Console.WriteLine($"{reader.PatientCount} patients, {reader.BytesRead / 1024} KiB read; worst outcome {report.WorstOutcome}");
        foreach (IGrouping<RuleCode, AuditFinding> rule in report.Findings.Where(f => f.Verdict.Outcome >= Outcome.NeedsReview).GroupBy(f => f.Verdict.Code))
        {
            Console.WriteLine($"{rule.Key}: {rule.Count()} to review or fix, first {rule.First().Verdict.Subject}");
        }
        // caseload:end
    }
}
