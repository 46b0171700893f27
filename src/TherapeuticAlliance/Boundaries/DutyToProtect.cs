using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Boundaries;

/// <summary>What a jurisdiction's law asks of a clinician whose patient makes a serious threat against an identifiable person (the Tarasoff duty).</summary>
public enum DutyToProtect
{
    /// <summary>No duty to warn or protect.</summary>
    None = 0,

    /// <summary>Disclosure to warn or protect is permitted, not required.</summary>
    Permissive = 1,

    /// <summary>The clinician must act to warn or protect.</summary>
    Mandatory = 2,

    /// <summary>Not known: a country-wide policy, or a jurisdiction the table does not cover. Never a table entry.</summary>
    Unknown = 3,
}

/// <summary>Where a jurisdiction's duty comes from.</summary>
public enum DutyToProtectBasis
{
    /// <summary>A statute.</summary>
    Statute = 0,

    /// <summary>Court decisions.</summary>
    CaseLaw = 1,

    /// <summary>The table does not say (it records a basis only for mandatory duties).</summary>
    NotRecorded = 2,
}

/// <summary>One jurisdiction's duty to protect, as the dated table records it.</summary>
/// <remarks>Made by <see cref="DutyToProtectTable"/>; immutable, with value equality.</remarks>
public sealed record DutyToProtectEntry
{
    internal DutyToProtectEntry(string subdivision, DutyToProtect duty, DutyToProtectBasis basis, bool disputed)
    {
        Subdivision = subdivision;
        Duty = duty;
        Basis = basis;
        Disputed = disputed;
    }

    /// <summary>The ISO 3166-2 code, for example <c>US-CA</c>.</summary>
    public string Subdivision { get; }

    /// <summary>The duty.</summary>
    public DutyToProtect Duty { get; }

    /// <summary>Where it comes from.</summary>
    public DutyToProtectBasis Basis { get; }

    /// <summary>Whether another source disagrees (verify before relying on it).</summary>
    public bool Disputed { get; }
}

/// <summary>
/// The duty to protect in each US state and the District of Columbia: mandatory (by statute or case law), permissive,
/// or none. Dated data from a secondary table: laws change, so verify the entry for your state locally before relying on it.
/// </summary>
public static class DutyToProtectTable
{
    /// <summary>
    /// The source: the JAAPL survey table of state duty-to-protect laws (year and title not captured). NCSL (2013)
    /// reports New York as mandatory since January 2013, which disagrees; that entry is marked disputed.
    /// </summary>
    public static Citation Source { get; } = new(
        "Journal of the American Academy of Psychiatry and the Law, survey of state duty-to-protect laws", "Table 1 (year and title not captured)",
        "dated data; verify locally");

    /// <summary>Every entry, by subdivision code.</summary>
    public static ImmutableDictionary<string, DutyToProtectEntry> UnitedStates { get; } = Build();

    /// <summary>The entry for a jurisdiction.</summary>
    /// <param name="jurisdiction">A US state or the District of Columbia.</param>
    /// <returns>The entry; null for a jurisdiction the table does not cover (another country, or the US as a whole).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    public static DutyToProtectEntry? For(Jurisdiction jurisdiction) =>
        Guard.Against.Null(jurisdiction).Subdivision is { } code ? UnitedStates.GetValueOrDefault(code) : null;

    private static ImmutableDictionary<string, DutyToProtectEntry> Build()
    {
        var entries = new Dictionary<string, DutyToProtectEntry>(StringComparer.Ordinal);
        void Add(string states, DutyToProtect duty, DutyToProtectBasis basis)
        {
            foreach (string state in states.Split(' '))
            {
                string code = "US-" + state;
                entries.Add(code, new DutyToProtectEntry(code, duty, basis, disputed: state == "NY"));
            }
        }

        Add("AZ CA CO ID IN KY LA MD MA MI MN MS MO MT NE NH NJ OH OK TN UT VA WA", DutyToProtect.Mandatory, DutyToProtectBasis.Statute);
        Add("AL DE GA HI IA NC PA SC SD VT WI", DutyToProtect.Mandatory, DutyToProtectBasis.CaseLaw);
        Add("AK CT DC FL IL NY OR RI TX WV WY", DutyToProtect.Permissive, DutyToProtectBasis.NotRecorded);
        Add("AR KS ME NV NM ND", DutyToProtect.None, DutyToProtectBasis.NotRecorded);
        return entries.ToImmutableDictionary(StringComparer.Ordinal);
    }
}
