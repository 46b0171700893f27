using System;
using System.Diagnostics.Contracts;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// One named fact behind a verdict: a number, a duration, an instant, an id or a code. Never free text.
/// </summary>
/// <remarks>
/// The name is a camelCase key (for example <c>clinicianDelay</c>); ids must be in FHIR id syntax and
/// codes in code syntax, so a note or a name cannot travel inside a verdict. Equality compares name,
/// kind and value.
/// </remarks>
public readonly struct Evidence : IEquatable<Evidence>
{
    private readonly double _number;
    private readonly Duration _duration;
    private readonly Instant _instant;

    private Evidence(string name, EvidenceKind kind, double number, Duration duration, Instant instant, string? text)
    {
        Guard.Against.Null(name);
        if (!IsName(name))
        {
            throw new ArgumentException("An evidence name is a camelCase key of up to 64 letters and digits.", nameof(name));
        }

        Name = name;
        Kind = kind;
        _number = number;
        _duration = duration;
        _instant = instant;
        Text = text;
    }

    /// <summary>The key, for example <c>clinicianDelay</c>.</summary>
    public string Name { get; }

    /// <summary>Which value this evidence holds.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>The number, when <see cref="Kind"/> is <see cref="EvidenceKind.Number"/>.</summary>
    /// <exception cref="InvalidOperationException">This evidence is not a number.</exception>
    public double Number => Kind == EvidenceKind.Number ? _number : throw WrongKind(EvidenceKind.Number);

    /// <summary>The duration, when <see cref="Kind"/> is <see cref="EvidenceKind.Duration"/>.</summary>
    /// <exception cref="InvalidOperationException">This evidence is not a duration.</exception>
    public Duration Duration => Kind == EvidenceKind.Duration ? _duration : throw WrongKind(EvidenceKind.Duration);

    /// <summary>The instant, when <see cref="Kind"/> is <see cref="EvidenceKind.Instant"/>.</summary>
    /// <exception cref="InvalidOperationException">This evidence is not an instant.</exception>
    public Instant Instant => Kind == EvidenceKind.Instant ? _instant : throw WrongKind(EvidenceKind.Instant);

    /// <summary>The id or code, when <see cref="Kind"/> is <see cref="EvidenceKind.Id"/> or <see cref="EvidenceKind.Code"/>; otherwise null.</summary>
    public string? Text { get; }

    /// <summary>Evidence holding a number.</summary>
    /// <param name="name">A camelCase key.</param>
    /// <param name="value">A finite number.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a camelCase key, or <paramref name="value"/> is not finite.</exception>
    [Pure]
    public static Evidence OfNumber(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("Evidence numbers must be finite.", nameof(value));
        }

        return new(name, EvidenceKind.Number, value, default, default, null);
    }

    /// <summary>Evidence holding a duration.</summary>
    /// <param name="name">A camelCase key.</param>
    /// <param name="value">The duration.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a camelCase key.</exception>
    [Pure]
    public static Evidence OfDuration(string name, Duration value) => new(name, EvidenceKind.Duration, 0, value, default, null);

    /// <summary>Evidence holding an instant.</summary>
    /// <param name="name">A camelCase key.</param>
    /// <param name="value">The instant.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a camelCase key.</exception>
    [Pure]
    public static Evidence OfInstant(string name, Instant value) => new(name, EvidenceKind.Instant, 0, default, value, null);

    /// <summary>Evidence holding a record id.</summary>
    /// <param name="name">A camelCase key.</param>
    /// <param name="id">An id in FHIR id syntax.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a camelCase key, or <paramref name="id"/> is not in FHIR id syntax.</exception>
    [Pure]
    public static Evidence OfId(string name, string id) => new(name, EvidenceKind.Id, 0, default, default, Guard.Against.InvalidFhirId(id));

    /// <summary>Evidence holding a code (a status, party, billing or reason code).</summary>
    /// <param name="name">A camelCase key.</param>
    /// <param name="code">A code token (no spaces).</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a camelCase key, or <paramref name="code"/> is not a code token.</exception>
    [Pure]
    public static Evidence OfCode(string name, string code) => new(name, EvidenceKind.Code, 0, default, default, Guard.Against.InvalidCode(code));

    /// <inheritdoc/>
    [Pure]
    public bool Equals(Evidence other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal) && Kind == other.Kind && _number.Equals(other._number)
        && _duration == other._duration && _instant == other._instant && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is Evidence other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => HashCode.Combine(Name, Kind, _number, _duration, _instant, Text);

    /// <summary>Returns <c>name=value</c>, with durations as <c>H:mm:ss</c>, instants in ISO 8601 and numbers in the invariant culture.</summary>
    [Pure]
    public override string ToString() => Kind switch
    {
        EvidenceKind.Number => $"{Name}={_number.ToString(CultureInfo.InvariantCulture)}",
        EvidenceKind.Duration => $"{Name}={DurationPattern.JsonRoundtrip.Format(_duration)}",
        EvidenceKind.Instant => $"{Name}={InstantPattern.General.Format(_instant)}",
        _ => $"{Name}={Text}",
    };

    /// <summary>Equality.</summary>
    /// <param name="left">The first evidence.</param>
    /// <param name="right">The second evidence.</param>
    /// <returns>Whether both are the same fact.</returns>
    public static bool operator ==(Evidence left, Evidence right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first evidence.</param>
    /// <param name="right">The second evidence.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Evidence left, Evidence right) => !left.Equals(right);

    // camelCase: a lower-case ASCII letter, then up to 63 ASCII letters and digits.
    private static bool IsName(string name)
    {
        if (name.Length is 0 or > 64 || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private InvalidOperationException WrongKind(EvidenceKind wanted) =>
        new($"Evidence '{Name}' holds a {Kind}, not a {wanted}.");
}
