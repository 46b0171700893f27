using System.Collections.Generic;
using System.Linq;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Communication;

/// <summary>
/// The built-in instruments, structure only (item wording is licensed and is not shipped). Register your own
/// (for example HAq-II, whose items 4, 8, 11, 16 and 19 are reverse-keyed) by creating an <see cref="InstrumentDefinition"/>.
/// </summary>
public static class Instruments
{
    /// <summary>
    /// Session Rating Scale (SRS, PCOMS): 4 items, 0–10 each, summed (0–40). Cutoff <c>concern</c> 36: a total below
    /// 36 signals dissatisfaction with the session.
    /// </summary>
    public static InstrumentDefinition Srs { get; } = new(
        "SRS", "3.0", Items(4, 0, 10), ScoringMethod.Sum, [], new Dictionary<string, decimal> { ["concern"] = 36 },
        new Citation("Session Rating Scale (Duncan, Miller et al.), PCOMS; structure and cutoff as documented by OpenFIT", "4 items 0-10; total below 36 = concern", "version 3.0"));

    /// <summary>
    /// Outcome Rating Scale (ORS, PCOMS): 4 items, 0–10 each, summed (0–40). Clinical cutoffs: <c>adult</c> 25,
    /// <c>child</c> 32; an adolescent cutoff was not found in a source, so set one with <see cref="InstrumentDefinition.WithCutoff"/>.
    /// </summary>
    public static InstrumentDefinition Ors { get; } = new(
        "ORS", "1.0", Items(4, 0, 10), ScoringMethod.Sum, [], new Dictionary<string, decimal> { ["adult"] = 25, ["child"] = 32 },
        new Citation("Outcome Rating Scale (Miller, Duncan et al.), PCOMS; cutoffs as documented by OpenFIT", "4 items 0-10; clinical cutoff adult 25, child 32", "version 1.0"));

    /// <summary>
    /// Working Alliance Inventory, short revised (WAI-SR, Hatcher &amp; Gillaspy 2006): 12 items, 1–5, none reverse-keyed;
    /// subscales Goal (4, 6, 8, 11), Task (1, 2, 10, 12), Bond (3, 5, 7, 9). Sources score by sum or by mean: choose.
    /// </summary>
    /// <param name="scoring">Sum (total 12–60) or mean (1–5).</param>
    /// <returns>The definition.</returns>
    public static InstrumentDefinition WaiSr(ScoringMethod scoring) => new(
        "WAI-SR", "2006", Items(12, 1, 5), scoring,
        [new Subscale("goal", [4, 6, 8, 11]), new Subscale("task", [1, 2, 10, 12]), new Subscale("bond", [3, 5, 7, 9])],
        new Dictionary<string, decimal>(),
        new Citation("Hatcher RL, Gillaspy JA. Development and validation of a revised short version of the Working Alliance Inventory. Psychother Res 16(1)", "Subscale key", "2006"));

    private static IEnumerable<InstrumentItem> Items(int count, decimal minimum, decimal maximum) =>
        Enumerable.Range(1, count).Select(n => new InstrumentItem(n, minimum, maximum));
}
