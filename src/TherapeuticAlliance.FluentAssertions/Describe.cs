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

    public static string Decision(DisclosureDecision decision) =>
        $"Disclosure/{decision.Request.Id} {decision.Kind} allowed=[{decision.Allowed}] review=[{decision.UnderReview}] "
        + $"withheld=[{decision.Withheld}] if=[{decision.Conditions}] verdicts: {Verdicts(decision.Verdicts)}";
}
