using System.Collections.Immutable;

namespace TherapeuticAlliance.Communication;

/// <summary>A problem found when scoring a response: the item (null for the response as a whole) and a code.</summary>
/// <remarks>Made by <see cref="InstrumentDefinition.Score"/>; immutable.</remarks>
public sealed record ScoringProblem
{
    /// <summary>The response does not have one value per item.</summary>
    public const string WrongItemCount = "wrong-item-count";

    /// <summary>An item was not answered.</summary>
    public const string Missing = "missing";

    /// <summary>An item's value is outside its range.</summary>
    public const string OutOfRange = "out-of-range";

    internal ScoringProblem(int? itemNumber, string code)
    {
        ItemNumber = itemNumber;
        Code = code;
    }

    /// <summary>The item, or null when the problem is the response as a whole.</summary>
    public int? ItemNumber { get; }

    /// <summary>What is wrong: <see cref="WrongItemCount"/>, <see cref="Missing"/> or <see cref="OutOfRange"/>.</summary>
    public string Code { get; }
}

/// <summary>A subscale's score.</summary>
/// <remarks>Made by <see cref="InstrumentDefinition.Score"/>; immutable.</remarks>
public sealed record SubscaleScore
{
    internal SubscaleScore(string code, decimal score)
    {
        Code = code;
        Score = score;
    }

    /// <summary>The subscale's code.</summary>
    public string Code { get; }

    /// <summary>Its score, by the instrument's scoring method.</summary>
    public decimal Score { get; }
}

/// <summary>The result of scoring a response: the total and subscale scores when valid, otherwise every problem.</summary>
/// <remarks>Made by <see cref="InstrumentDefinition.Score"/>. The default value has no instrument code and is not valid.</remarks>
public readonly record struct InstrumentScore
{
    internal InstrumentScore(string instrumentCode, decimal total, ImmutableArray<SubscaleScore> subscales, ImmutableArray<ScoringProblem> problems)
    {
        InstrumentCode = instrumentCode;
        Total = total;
        Subscales = subscales;
        Problems = problems;
    }

    /// <summary>The instrument.</summary>
    public string InstrumentCode { get; }

    /// <summary>The total score; 0 when not valid.</summary>
    public decimal Total { get; }

    /// <summary>The subscale scores; empty when not valid or when the instrument has none.</summary>
    public ImmutableArray<SubscaleScore> Subscales { get; }

    /// <summary>Every problem found; empty when valid.</summary>
    public ImmutableArray<ScoringProblem> Problems { get; }

    /// <summary>Whether the response was complete and in range.</summary>
    public bool IsValid => InstrumentCode is not null && Problems.IsDefaultOrEmpty;
}
