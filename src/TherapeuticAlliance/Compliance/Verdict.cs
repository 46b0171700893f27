using System;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// The finding of one rule about one subject: rule code, outcome, subject, evidence and citation.
/// A verdict explains itself without free text, so it can be logged, stored and shown as it is.
/// </summary>
/// <remarks>
/// A value type, so a passing check allocates nothing; a passing verdict carries no evidence.
/// Equality compares code, outcome, subject, citation and the evidence in order. The default value
/// has no code and no citation and is not produced by any rule.
/// </remarks>
public readonly struct Verdict : IEquatable<Verdict>
{
    /// <summary>Creates a verdict.</summary>
    /// <param name="code">The rule that was checked.</param>
    /// <param name="outcome">What it found.</param>
    /// <param name="subject">The record it is about.</param>
    /// <param name="citation">The source of the rule.</param>
    /// <param name="evidence">The facts behind a non-passing outcome; empty when none.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="code"/> or <paramref name="subject"/> is the default value, or a passing verdict is given evidence.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined.</exception>
    public Verdict(RuleCode code, Outcome outcome, SubjectRef subject, Citation citation, ImmutableArray<Evidence> evidence = default)
    {
        if (code.Value is null)
        {
            throw new ArgumentException("The rule code is the default value.", nameof(code));
        }

        if (subject.Id is null)
        {
            throw new ArgumentException("The subject is the default value.", nameof(subject));
        }

        if (outcome == Outcome.Pass && !evidence.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A passing verdict carries no evidence.", nameof(evidence));
        }

        Code = code;
        Outcome = Guard.Against.UndefinedEnum(outcome);
        Subject = subject;
        Citation = Guard.Against.Null(citation);
        Evidence = evidence.IsDefault ? ImmutableArray<Evidence>.Empty : evidence;
    }

    /// <summary>The rule that was checked.</summary>
    public RuleCode Code { get; }

    /// <summary>What the rule found.</summary>
    public Outcome Outcome { get; }

    /// <summary>The record the verdict is about.</summary>
    public SubjectRef Subject { get; }

    /// <summary>The source of the rule.</summary>
    public Citation Citation { get; }

    /// <summary>The facts behind the outcome (ids, numbers, durations, instants, codes); empty for a pass.</summary>
    public ImmutableArray<Evidence> Evidence { get; }

    /// <summary>Whether the outcome is <see cref="Outcome.Pass"/>.</summary>
    public bool IsPass => Outcome == Outcome.Pass;

    /// <summary>A passing verdict.</summary>
    /// <param name="code">The rule.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="citation">The rule's source.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="subject"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is null.</exception>
    [Pure]
    public static Verdict Pass(RuleCode code, SubjectRef subject, Citation citation)
    {
        // The hot path of every rule: the same checks as the constructor, minus the enum lookup.
        if (code.Value is null || subject.Id is null)
        {
            throw new ArgumentException("The rule code or the subject is the default value.", code.Value is null ? nameof(code) : nameof(subject));
        }

        return new Verdict(code, subject, Guard.Against.Null(citation));
    }

    private Verdict(RuleCode code, SubjectRef subject, Citation citation)
    {
        Code = code;
        Outcome = Outcome.Pass;
        Subject = subject;
        Citation = citation;
        Evidence = ImmutableArray<Evidence>.Empty;
    }

    /// <summary>Looks up a piece of evidence by name.</summary>
    /// <param name="name">The evidence key.</param>
    /// <returns>The evidence, or null if this verdict has none by that name.</returns>
    [Pure]
    public Evidence? FindEvidence(string name)
    {
        foreach (Evidence item in Evidence)
        {
            if (string.Equals(item.Name, name, StringComparison.Ordinal))
            {
                return item;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    [Pure]
    public bool Equals(Verdict other) =>
        Code == other.Code && Outcome == other.Outcome && Subject == other.Subject && Equals(Citation, other.Citation)
        && (Evidence.IsDefault ? other.Evidence.IsDefault : !other.Evidence.IsDefault && Evidence.SequenceEqual(other.Evidence));

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is Verdict other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => HashCode.Combine(Code, Outcome, Subject, Citation, Evidence.IsDefault ? 0 : Evidence.Length);

    /// <summary>
    /// Returns <c>CODE Outcome Kind/id [evidence] (citation)</c>, for example
    /// <c>TA.TIME.OVERRUN Warning Appointment/a-1 [overrun=0:12:00] (…)</c>. Holds ids and codes only.
    /// </summary>
    [Pure]
    public override string ToString()
    {
        string evidence = Evidence.IsDefaultOrEmpty ? string.Empty : $" [{string.Join(", ", Evidence)}]";
        return $"{Code} {Outcome} {Subject}{evidence} ({Citation})";
    }

    /// <summary>Equality.</summary>
    /// <param name="left">The first verdict.</param>
    /// <param name="right">The second verdict.</param>
    /// <returns>Whether they are the same finding.</returns>
    public static bool operator ==(Verdict left, Verdict right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first verdict.</param>
    /// <param name="right">The second verdict.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Verdict left, Verdict right) => !left.Equals(right);
}
