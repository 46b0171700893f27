using System;
using System.Text.RegularExpressions;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Boundaries;

/// <summary>Where a policy applies: a country (ISO 3166-1 alpha-2, for example <c>US</c>) and optionally a subdivision (ISO 3166-2, for example <c>US-CA</c>).</summary>
/// <remarks>Immutable; equality compares both codes.</remarks>
public sealed partial record Jurisdiction
{
    /// <summary>Creates a jurisdiction.</summary>
    /// <param name="country">The ISO 3166-1 alpha-2 country code, upper case.</param>
    /// <param name="subdivision">The ISO 3166-2 subdivision code, starting with the country code and a hyphen; null for the whole country.</param>
    /// <exception cref="ArgumentNullException"><paramref name="country"/> is null.</exception>
    /// <exception cref="ArgumentException">A code is malformed, or the subdivision is of another country.</exception>
    public Jurisdiction(string country, string? subdivision = null)
    {
        Guard.Against.Null(country);
        if (!CountryPattern().IsMatch(country))
        {
            throw new ArgumentException("The country must be an ISO 3166-1 alpha-2 code in upper case, for example US.", nameof(country));
        }

        if (subdivision is not null && (!SubdivisionPattern().IsMatch(subdivision) || !subdivision.StartsWith(country + "-", StringComparison.Ordinal)))
        {
            throw new ArgumentException("The subdivision must be an ISO 3166-2 code of the country, for example US-CA.", nameof(subdivision));
        }

        Country = country;
        Subdivision = subdivision;
    }

    /// <summary>The country code.</summary>
    public string Country { get; }

    /// <summary>The subdivision code; null for the whole country.</summary>
    public string? Subdivision { get; }

    /// <summary>The United States as a whole.</summary>
    public static Jurisdiction UnitedStates { get; } = new("US");

    /// <summary>Returns the subdivision code, or the country code.</summary>
    public override string ToString() => Subdivision ?? Country;

    [GeneratedRegex("^[A-Z]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubdivisionPattern();
}
