using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <summary>An immutable set of rules over one kind of subject, run together.</summary>
/// <typeparam name="TSubject">What the rules look at.</typeparam>
/// <remarks>Thread-safe: the set and its rules are immutable.</remarks>
public sealed class RuleSet<TSubject>
{
    /// <summary>Creates a set.</summary>
    /// <param name="rules">The rules, run in this order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Two rules share a code.</exception>
    public RuleSet(IEnumerable<IRule<TSubject>> rules)
    {
        Guard.Against.Null(rules);
        var builder = ImmutableArray.CreateBuilder<IRule<TSubject>>();
        var codes = new HashSet<RuleCode>();
        foreach (IRule<TSubject> rule in rules)
        {
            Guard.Against.Null(rule, nameof(rules), "The rule set contains a null rule.");
            if (!codes.Add(rule.Code))
            {
                throw new ArgumentException($"Two rules share the code {rule.Code}.", nameof(rules));
            }

            builder.Add(rule);
        }

        Rules = builder.ToImmutable();
    }

    /// <summary>The rules, in the order they run.</summary>
    public ImmutableArray<IRule<TSubject>> Rules { get; }

    /// <summary>Runs every rule over the subject.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The verdicts, rule by rule in set order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is null.</exception>
    [Pure]
    public IReadOnlyList<Verdict> Evaluate(TSubject subject)
    {
        var verdicts = new List<Verdict>(Rules.Length);
        Evaluate(subject, verdicts);
        return verdicts;
    }

    /// <summary>Runs every rule over the subject, adding the verdicts to a collection the caller owns.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="verdicts">Where the verdicts go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> or <paramref name="verdicts"/> is null.</exception>
    public void Evaluate(TSubject subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        foreach (IRule<TSubject> rule in Rules)
        {
            rule.Evaluate(subject, verdicts);
        }
    }
}
