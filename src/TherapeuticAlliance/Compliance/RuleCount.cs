using System;
using System.Diagnostics.Contracts;

namespace TherapeuticAlliance.Compliance;

/// <summary>How many verdicts of one rule a report holds, per outcome, passes included.</summary>
public sealed record RuleCount
{
    internal RuleCount(RuleCode code, OutcomeCounts counts)
    {
        Code = code;
        Pass = counts[Outcome.Pass];
        Warning = counts[Outcome.Warning];
        NeedsReview = counts[Outcome.NeedsReview];
        Violation = counts[Outcome.Violation];
    }

    /// <summary>The rule.</summary>
    public RuleCode Code { get; }

    /// <summary>The passing verdicts.</summary>
    public long Pass { get; }

    /// <summary>The warnings.</summary>
    public long Warning { get; }

    /// <summary>The verdicts that need review.</summary>
    public long NeedsReview { get; }

    /// <summary>The violations.</summary>
    public long Violation { get; }

    /// <summary>All the rule's verdicts.</summary>
    public long Total => Pass + Warning + NeedsReview + Violation;

    /// <summary>The most severe outcome of the rule's verdicts.</summary>
    public Outcome Worst => OutcomeCounts.Worst(Warning, NeedsReview, Violation);

    /// <summary>The count of one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>How many of the rule's verdicts have it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined.</exception>
    [Pure]
    public long Count(Outcome outcome) => OutcomeCounts.Pick(outcome, Pass, Warning, NeedsReview, Violation);
}
