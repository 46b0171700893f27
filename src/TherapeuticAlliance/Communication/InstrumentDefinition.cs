using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Communication;

/// <summary>How item scores combine into a total or subscale score.</summary>
public enum ScoringMethod
{
    /// <summary>The sum of the item scores.</summary>
    Sum = 0,

    /// <summary>The mean of the item scores.</summary>
    Mean = 1,
}

/// <summary>One item of an instrument: its number (from 1), its score range and whether it is reverse-keyed. No wording.</summary>
/// <remarks>Immutable; equality compares all members.</remarks>
public sealed record InstrumentItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="number">The item's number, from 1.</param>
    /// <param name="minimum">The lowest score.</param>
    /// <param name="maximum">The highest score, above <paramref name="minimum"/>.</param>
    /// <param name="reverseKeyed">Whether the item is negatively worded, so it scores as <c>minimum + maximum − response</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is below 1, or <paramref name="maximum"/> is not above <paramref name="minimum"/>.</exception>
    public InstrumentItem(int number, decimal minimum, decimal maximum, bool reverseKeyed = false)
    {
        Number = number >= 1 ? number : throw new ArgumentOutOfRangeException(nameof(number), "Items are numbered from 1.");
        Maximum = maximum > minimum ? maximum : throw new ArgumentOutOfRangeException(nameof(maximum), "The maximum must be above the minimum.");
        Minimum = minimum;
        ReverseKeyed = reverseKeyed;
    }

    /// <summary>The item's number, from 1.</summary>
    public int Number { get; }

    /// <summary>The lowest score.</summary>
    public decimal Minimum { get; }

    /// <summary>The highest score.</summary>
    public decimal Maximum { get; }

    /// <summary>Whether the item is reverse-keyed.</summary>
    public bool ReverseKeyed { get; }

    /// <summary>The keyed score of a response: the response, or <c>Minimum + Maximum − response</c> when reverse-keyed.</summary>
    /// <param name="response">A response within the item's range.</param>
    /// <returns>The keyed score.</returns>
    [Pure]
    public decimal Key(decimal response) => ReverseKeyed ? Minimum + Maximum - response : response;
}

/// <summary>A named group of items scored together (for example the WAI-SR Goal subscale).</summary>
/// <remarks>Immutable; equality compares the code and the item numbers in order.</remarks>
public sealed class Subscale : IEquatable<Subscale>
{
    /// <summary>Creates a subscale.</summary>
    /// <param name="code">The subscale's code token, for example <c>goal</c>.</param>
    /// <param name="itemNumbers">Its items, at least one, each once.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a code token, or the items are empty or repeated.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="itemNumbers"/> is null.</exception>
    public Subscale(string code, IEnumerable<int> itemNumbers)
    {
        Code = Guard.Against.InvalidCode(code);
        ItemNumbers = [.. Guard.Against.Null(itemNumbers)];
        if (ItemNumbers.IsEmpty || ItemNumbers.Distinct().Count() != ItemNumbers.Length)
        {
            throw new ArgumentException("A subscale needs at least one item, each listed once.", nameof(itemNumbers));
        }
    }

    /// <summary>The subscale's code.</summary>
    public string Code { get; }

    /// <summary>Its item numbers.</summary>
    public ImmutableArray<int> ItemNumbers { get; }

    /// <inheritdoc/>
    public bool Equals(Subscale? other) => other is not null && Code == other.Code && ItemNumbers.SequenceEqual(other.ItemNumbers);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Subscale);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, ItemNumbers.Length);

    /// <summary>Returns the code and item numbers.</summary>
    public override string ToString() => $"{Code} [{string.Join(", ", ItemNumbers)}]";
}

/// <summary>
/// A measurement instrument as data, not code: items with ranges, reverse keys, subscales, sum or mean scoring,
/// cutoffs by population and a version. Structure only: item wording is licensed and never held here.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="Score"/> checks every item and returns the total and subscale scores, or
/// every problem found; scoring a valid response to an instrument without subscales allocates nothing.
/// </remarks>
public sealed class InstrumentDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="code">The instrument's code token, for example <c>SRS</c>.</param>
    /// <param name="version">Its version token, for example <c>3.0</c>.</param>
    /// <param name="items">Its items, numbered 1 to n in order.</param>
    /// <param name="scoring">How the total and subscales are computed.</param>
    /// <param name="subscales">Its subscales; empty when none. Every item number must exist.</param>
    /// <param name="cutoffs">Cutoffs by population code (for example <c>adult</c>): a total below the value is in the clinical or concern range.</param>
    /// <param name="source">Where the structure comes from.</param>
    /// <exception cref="ArgumentException">A code is not a code token, the items are not numbered 1 to n, or a subscale names an unknown item.</exception>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoring"/> is not defined.</exception>
    public InstrumentDefinition(
        string code, string version, IEnumerable<InstrumentItem> items, ScoringMethod scoring, IEnumerable<Subscale> subscales,
        IReadOnlyDictionary<string, decimal> cutoffs, Citation source)
    {
        Code = Guard.Against.InvalidCode(code);
        Version = Guard.Against.InvalidCode(version);
        Items = [.. Guard.Against.Null(items)];
        Scoring = Guard.Against.UndefinedEnum(scoring);
        Subscales = [.. Guard.Against.Null(subscales)];
        Source = Guard.Against.Null(source);
        Guard.Against.Null(cutoffs);
        if (Items.IsEmpty || Items.Any(i => i is null) || Items.Select((item, index) => item.Number != index + 1).Any(wrong => wrong))
        {
            throw new ArgumentException("The items must be numbered 1 to n, in order.", nameof(items));
        }

        if (Subscales.Any(s => s is null || s.ItemNumbers.Any(n => n < 1 || n > Items.Length)))
        {
            throw new ArgumentException("A subscale names an item the instrument does not have.", nameof(subscales));
        }

        if (cutoffs.Keys.Any(k => !Guards.IsCode(k)))
        {
            throw new ArgumentException("Cutoff populations must be code tokens.", nameof(cutoffs));
        }

        Cutoffs = cutoffs.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>The instrument's code.</summary>
    public string Code { get; }

    /// <summary>Its version.</summary>
    public string Version { get; }

    /// <summary>Its items, numbered 1 to n.</summary>
    public ImmutableArray<InstrumentItem> Items { get; }

    /// <summary>How scores are combined.</summary>
    public ScoringMethod Scoring { get; }

    /// <summary>Its subscales.</summary>
    public ImmutableArray<Subscale> Subscales { get; }

    /// <summary>Cutoffs by population code: a total below the value is in the clinical or concern range.</summary>
    public ImmutableDictionary<string, decimal> Cutoffs { get; }

    /// <summary>Where the structure comes from.</summary>
    public Citation Source { get; }

    /// <summary>The lowest possible total.</summary>
    public decimal MinimumTotal => Combine(Items.Sum(i => i.Minimum), Items.Length);

    /// <summary>The highest possible total.</summary>
    public decimal MaximumTotal => Combine(Items.Sum(i => i.Maximum), Items.Length);

    /// <summary>A copy with one cutoff added or replaced (for example an adolescent ORS cutoff set by the clinic).</summary>
    /// <param name="population">The population code.</param>
    /// <param name="value">The cutoff: totals below it are in the clinical or concern range.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="population"/> is not a code token.</exception>
    [Pure]
    public InstrumentDefinition WithCutoff(string population, decimal value)
    {
        Guard.Against.InvalidCode(population);
        return new InstrumentDefinition(Code, Version, Items, Scoring, Subscales, Cutoffs.SetItem(population, value), Source);
    }

    /// <summary>
    /// Scores a response: one value per item, in item order; null for an unanswered item. Every item is checked
    /// (count, completeness, range) and every problem is reported.
    /// </summary>
    /// <param name="responses">The raw responses, item 1 first.</param>
    /// <returns>The total and subscale scores, or the problems.</returns>
    [Pure]
    public InstrumentScore Score(ReadOnlySpan<decimal?> responses)
    {
        ImmutableArray<ScoringProblem>.Builder? problems = null;
        if (responses.Length != Items.Length)
        {
            (problems ??= ImmutableArray.CreateBuilder<ScoringProblem>()).Add(new ScoringProblem(null, ScoringProblem.WrongItemCount));
        }

        decimal total = 0;
        for (int i = 0; i < Math.Min(responses.Length, Items.Length); i++)
        {
            InstrumentItem item = Items[i];
            if (responses[i] is not { } response)
            {
                (problems ??= ImmutableArray.CreateBuilder<ScoringProblem>()).Add(new ScoringProblem(item.Number, ScoringProblem.Missing));
            }
            else if (response < item.Minimum || response > item.Maximum)
            {
                (problems ??= ImmutableArray.CreateBuilder<ScoringProblem>()).Add(new ScoringProblem(item.Number, ScoringProblem.OutOfRange));
            }
            else
            {
                total += item.Key(response);
            }
        }

        if (problems is not null)
        {
            return new InstrumentScore(Code, 0, [], problems.ToImmutable());
        }

        ImmutableArray<SubscaleScore> subscales = [];
        if (!Subscales.IsEmpty)
        {
            var builder = ImmutableArray.CreateBuilder<SubscaleScore>(Subscales.Length);
            foreach (Subscale subscale in Subscales)
            {
                decimal sum = 0;
                foreach (int number in subscale.ItemNumbers)
                {
                    sum += Items[number - 1].Key(responses[number - 1]!.Value);
                }

                builder.Add(new SubscaleScore(subscale.Code, Combine(sum, subscale.ItemNumbers.Length)));
            }

            subscales = builder.MoveToImmutable();
        }

        return new InstrumentScore(Code, Combine(total, Items.Length), subscales, []);
    }

    /// <summary>Whether a total is below the cutoff for a population.</summary>
    /// <param name="total">The total score.</param>
    /// <param name="population">The population code, for example <c>adult</c>.</param>
    /// <returns>True when below the cutoff.</returns>
    /// <exception cref="ArgumentException">The instrument has no cutoff for that population.</exception>
    [Pure]
    public bool IsBelowCutoff(decimal total, string population) =>
        Cutoffs.TryGetValue(population, out decimal cutoff)
            ? total < cutoff
            : throw new ArgumentException("The instrument has no cutoff for that population.", nameof(population));

    /// <summary>Returns the code, version, item count and scoring.</summary>
    public override string ToString() => $"{Code} {Version} ({Items.Length} items, {Scoring})";

    private decimal Combine(decimal sum, int count) => Scoring == ScoringMethod.Sum ? sum : sum / count;
}
