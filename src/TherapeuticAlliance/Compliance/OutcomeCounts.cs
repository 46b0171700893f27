using System;

namespace TherapeuticAlliance.Compliance;

/// <summary>A count per outcome, mutable while a report is built.</summary>
internal sealed class OutcomeCounts
{
    private readonly long[] _counts = new long[4];

    public long this[Outcome outcome] => _counts[(int)outcome];

    public void Add(Outcome outcome) => _counts[(int)outcome]++;

    public void Add(OutcomeCounts other)
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    public static Outcome Worst(long warning, long needsReview, long violation) =>
        violation > 0 ? Outcome.Violation : needsReview > 0 ? Outcome.NeedsReview : warning > 0 ? Outcome.Warning : Outcome.Pass;

    public static long Pick(Outcome outcome, long pass, long warning, long needsReview, long violation) => outcome switch
    {
        Outcome.Pass => pass,
        Outcome.Warning => warning,
        Outcome.NeedsReview => needsReview,
        Outcome.Violation => violation,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), "The value is not a defined Outcome."),
    };
}
