using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>The unit of a session frequency.</summary>
public enum FrequencyUnit
{
    /// <summary>Per week.</summary>
    Week = 0,

    /// <summary>Per month.</summary>
    Month = 1,
}

/// <summary>How often sessions take place: <see cref="Count"/> per <see cref="Unit"/> (for example 1 per week).</summary>
/// <remarks>Equality compares both members.</remarks>
public sealed record SessionFrequency
{
    /// <summary>Creates a frequency.</summary>
    /// <param name="count">Sessions per unit, 1 to 31.</param>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range or <paramref name="unit"/> is not defined.</exception>
    public SessionFrequency(int count, FrequencyUnit unit)
    {
        Count = Guard.Against.OutOfRange(count, nameof(count), 1, 31);
        Unit = Guard.Against.UndefinedEnum(unit);
    }

    /// <summary>Sessions per unit.</summary>
    public int Count { get; }

    /// <summary>The unit.</summary>
    public FrequencyUnit Unit { get; }

    /// <summary>Returns for example <c>1/Week</c>.</summary>
    public override string ToString() => $"{Count}/{Unit}";
}

/// <summary>
/// Something the plan does for the patient: psychotherapy or a medication. Codes only: clinical details
/// belong in the host's clinical record.
/// </summary>
/// <remarks>Immutable. Equality compares the kind, the code, the frequency and the goal ids in order.</remarks>
public abstract class Intervention : IEquatable<Intervention>
{
    private protected Intervention(string code, IEnumerable<GoalId> goalIds)
    {
        Code = Guard.Against.InvalidCode(code);
        Guard.Against.Null(goalIds);
        GoalIds = [.. goalIds.Distinct()];
        if (GoalIds.Any(g => g.Value is null))
        {
            throw new ArgumentException("A goal id is the default value.", nameof(goalIds));
        }
    }

    /// <summary>The intervention's code: a psychotherapy modality or a medication code (for example RxNorm).</summary>
    public string Code { get; }

    /// <summary>The goals the intervention serves.</summary>
    public ImmutableArray<GoalId> GoalIds { get; }

    /// <inheritdoc/>
    public virtual bool Equals(Intervention? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Code, other.Code, StringComparison.Ordinal) && GoalIds.SequenceEqual(other.GoalIds);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Intervention);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(GetType(), Code, GoalIds.Length);
}

/// <summary>Psychotherapy: a modality code (for example <c>CBT</c>) at a frequency, serving some goals.</summary>
public sealed class PsychotherapyIntervention : Intervention
{
    /// <summary>Creates the intervention.</summary>
    /// <param name="modalityCode">The modality, as a code token.</param>
    /// <param name="frequency">How often.</param>
    /// <param name="goalIds">The goals it serves; may be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="modalityCode"/> is not a code token, or a goal id is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="frequency"/> or <paramref name="goalIds"/> is null.</exception>
    public PsychotherapyIntervention(string modalityCode, SessionFrequency frequency, IEnumerable<GoalId> goalIds)
        : base(modalityCode, goalIds) => Frequency = Guard.Against.Null(frequency);

    /// <summary>How often sessions take place.</summary>
    public SessionFrequency Frequency { get; }

    /// <inheritdoc/>
    public override bool Equals(Intervention? other) => base.Equals(other) && ((PsychotherapyIntervention)other!).Frequency == Frequency;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Frequency);

    /// <summary>Returns the modality, frequency and goal ids.</summary>
    public override string ToString() => $"Psychotherapy {Code} {Frequency} goals [{string.Join(", ", GoalIds)}]";
}

/// <summary>A medication (code, for example RxNorm), linked to the agreed goals it serves: medication is prescribed as part of the plan.</summary>
public sealed class MedicationIntervention : Intervention
{
    /// <summary>Creates the intervention.</summary>
    /// <param name="medicationCode">The medication, as a code token.</param>
    /// <param name="goalIds">The goals it serves; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="medicationCode"/> is not a code token, or <paramref name="goalIds"/> is empty or holds a default id.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="goalIds"/> is null.</exception>
    public MedicationIntervention(string medicationCode, IEnumerable<GoalId> goalIds)
        : base(medicationCode, goalIds)
    {
        if (GoalIds.IsEmpty)
        {
            throw new ArgumentException("A medication must be linked to at least one goal.", nameof(goalIds));
        }
    }

    /// <summary>Returns the medication code and goal ids.</summary>
    public override string ToString() => $"Medication {Code} goals [{string.Join(", ", GoalIds)}]";
}
