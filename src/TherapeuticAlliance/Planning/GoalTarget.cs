using System;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// A measurable target of a goal (FHIR <c>Goal.target</c>): a measure code, a comparator, a value and an
/// optional due date. For example PHQ-9 total score (LOINC <c>44261-6</c>) <see cref="TargetComparator.LessThan"/> 10 by 2027-03-01.
/// </summary>
/// <remarks>Immutable; equality compares all members.</remarks>
public sealed record GoalTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="measureCode">The measure, as a code token (for example the LOINC code <c>44261-6</c>).</param>
    /// <param name="comparator">How a measured value is compared with <paramref name="value"/>.</param>
    /// <param name="value">The target value.</param>
    /// <param name="due">When the target should be reached, if a date was set.</param>
    /// <exception cref="ArgumentException"><paramref name="measureCode"/> is not a code token.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparator"/> is not defined.</exception>
    public GoalTarget(string measureCode, TargetComparator comparator, decimal value, LocalDate? due = null)
    {
        MeasureCode = Guard.Against.InvalidCode(measureCode);
        Comparator = Guard.Against.UndefinedEnum(comparator);
        Value = value;
        Due = due;
    }

    /// <summary>The LOINC code of the PHQ-9 total score, a common depression target.</summary>
    public const string Phq9TotalLoinc = "44261-6";

    /// <summary>The measure code.</summary>
    public string MeasureCode { get; }

    /// <summary>How a measured value is compared with <see cref="Value"/>.</summary>
    public TargetComparator Comparator { get; }

    /// <summary>The target value.</summary>
    public decimal Value { get; }

    /// <summary>When the target should be reached; null when no date was set.</summary>
    public LocalDate? Due { get; }

    /// <summary>Whether a measured value meets the target.</summary>
    /// <param name="measured">The measured value.</param>
    /// <returns>True when the comparison holds.</returns>
    [Pure]
    public bool IsMetBy(decimal measured) => Comparator switch
    {
        TargetComparator.LessThan => measured < Value,
        TargetComparator.LessOrEqual => measured <= Value,
        TargetComparator.Equal => measured == Value,
        TargetComparator.GreaterOrEqual => measured >= Value,
        _ => measured > Value,
    };
}
