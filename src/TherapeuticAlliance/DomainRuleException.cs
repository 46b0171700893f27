using System;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance;

/// <summary>
/// Thrown when a command would break an aggregate's invariant or make an illegal state change, for
/// example starting a session that was cancelled. The aggregate is left exactly as it was.
/// </summary>
/// <remarks>
/// <see cref="Code"/> says which invariant; hosts map it to their own messages. The message holds ids,
/// statuses and codes only, never free text, so it is safe to log.
/// </remarks>
public sealed class DomainRuleException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The invariant that the command would break.</param>
    /// <param name="message">What happened, in ids, statuses and codes only.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is the default value.</exception>
    public DomainRuleException(RuleCode code, string message)
        : base($"{code}: {message}")
    {
        if (code.Value is null)
        {
            throw new ArgumentException("The rule code is the default value.", nameof(code));
        }

        Code = code;
    }

    /// <summary>The invariant that the command would break.</summary>
    public RuleCode Code { get; }
}
