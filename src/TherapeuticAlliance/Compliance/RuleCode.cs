using System;
using System.Diagnostics.Contracts;
using System.Text.RegularExpressions;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// A stable rule code of the form <c>TA.AREA.NAME</c> (for example <c>TA.TIME.OVERRUN</c>), carried by
/// every verdict and by every <see cref="DomainRuleException"/>.
/// </summary>
/// <remarks>
/// Codes are part of the public contract: hosts store them and map them to their own messages, so a
/// code, once shipped, never changes meaning. Equality is ordinal. The default value has a null
/// <see cref="Value"/> and is not a valid code.
/// </remarks>
public readonly partial struct RuleCode : IEquatable<RuleCode>
{
    [GeneratedRegex(@"^TA\.[A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    /// <summary>Creates a rule code.</summary>
    /// <param name="value">The code, <c>TA.</c> followed by an upper-case area and an upper-case name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not of the form <c>TA.AREA.NAME</c>.</exception>
    public RuleCode(string value)
    {
        Guard.Against.Null(value);
        if (!Syntax().IsMatch(value))
        {
            throw new ArgumentException("A rule code has the form TA.AREA.NAME, in upper case (for example TA.TIME.OVERRUN).", nameof(value));
        }

        Value = value;
    }

    /// <summary>The code text; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>The area: the part between the first and the second dot (for example <c>TIME</c>).</summary>
    public string Area
    {
        [Pure]
        get
        {
            if (Value is null)
            {
                return string.Empty;
            }

            int first = Value.IndexOf('.', StringComparison.Ordinal);
            int second = Value.IndexOf('.', first + 1);
            return Value[(first + 1)..second];
        }
    }

    /// <inheritdoc/>
    [Pure]
    public bool Equals(RuleCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is RuleCode other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the code text.</summary>
    [Pure]
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Ordinal equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the codes are equal.</returns>
    public static bool operator ==(RuleCode left, RuleCode right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the codes differ.</returns>
    public static bool operator !=(RuleCode left, RuleCode right) => !left.Equals(right);
}
