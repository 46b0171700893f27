using System.Collections.Generic;
using System.Linq;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// How failure messages show their subjects: ids, codes, outcomes, evidence and citations, as the library's own
/// <c>ToString</c> gives them. Never free text: the library keeps it out of every one of these.
/// </summary>
internal static class Describe
{
    public static string Verdict(Verdict verdict) => verdict.Code.Value is null ? "a default verdict (no rule code)" : verdict.ToString();

    public static string Verdicts(IEnumerable<Verdict> verdicts)
    {
        List<Verdict> list = [.. verdicts];
        return list.Count == 0 ? "no verdicts" : string.Join("; ", list.Select(Verdict));
    }

    /// <summary>The most findings a message lists; the rest are counted, so a message about a large report stays readable.</summary>
    public const int MaxListed = 20;

    /// <summary><c>patient p-1, clinician c-1: CODE Outcome Kind/id [evidence] (citation)</c>.</summary>
    public static string Finding(AuditFinding finding) =>
        finding.ClinicianId is { } clinician
            ? $"patient {finding.PatientId}, clinician {clinician}: {Verdict(finding.Verdict)}"
            : $"patient {finding.PatientId}: {Verdict(finding.Verdict)}";

    public static string Findings(IReadOnlyCollection<AuditFinding> findings)
    {
        if (findings.Count == 0)
        {
            return "no findings";
        }

        string listed = string.Join("; ", findings.Take(MaxListed).Select(Finding));
        return findings.Count > MaxListed ? $"{listed}; and {findings.Count - MaxListed} more" : listed;
    }

    /// <summary><c>report us-psychiatry v3 as of 2026-06-09T13:00:00Z (2 patients, worst Violation)</c>.</summary>
    public static string Report(ComplianceReport report) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"report {report.PolicyId} v{report.PolicyVersion} as of {report.AsOf} ({report.PatientsAudited} patients, worst {report.WorstOutcome})");

    public static string Decision(DisclosureDecision decision) =>
        $"Disclosure/{decision.Request.Id} {decision.Kind} allowed=[{decision.Allowed}] review=[{decision.UnderReview}] "
        + $"withheld=[{decision.Withheld}] if=[{decision.Conditions}] verdicts: {Verdicts(decision.Verdicts)}";
}
