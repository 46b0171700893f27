namespace TherapeuticAlliance.Compliance;

/// <summary>
/// The outcome of one rule for one subject, ordered by severity so that outcomes compare
/// (<c>Violation &gt; NeedsReview &gt; Warning &gt; Pass</c>).
/// </summary>
public enum Outcome
{
    /// <summary>The rule was checked and holds.</summary>
    Pass = 0,

    /// <summary>A departure from good practice worth noticing; the source sets no hard limit.</summary>
    Warning = 1,

    /// <summary>The source asks for professional judgement: a person must look at the evidence.</summary>
    NeedsReview = 2,

    /// <summary>The cited source is breached.</summary>
    Violation = 3,
}
