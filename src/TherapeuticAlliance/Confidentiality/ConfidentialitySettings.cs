using System;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>The privacy law a practice's disclosures are judged under.</summary>
public enum PrivacyLaw
{
    /// <summary>The HIPAA Privacy Rule (45 CFR Part 164), with 42 CFR Part 2 for SUD records where it applies.</summary>
    Hipaa = 0,

    /// <summary>The GDPR: data concerning health under Article 9.</summary>
    Gdpr = 1,
}

/// <summary>
/// What state law says about a parent's access to a minor's information when the parent is not the minor's personal
/// representative (the minor consented alone, a court consented, or the parent agreed to confidentiality).
/// </summary>
public enum MinorParentAccess
{
    /// <summary>State law is silent: a licensed professional decides, in professional judgement (HIPAA 164.502(g)(3)(ii)(C)).</summary>
    StateLawSilent = 0,

    /// <summary>State law permits or requires it, to the extent it says (HIPAA 164.502(g)(3)(ii)(A)).</summary>
    PermittedByStateLaw = 1,

    /// <summary>State law prohibits it (HIPAA 164.502(g)(3)(ii)(B)).</summary>
    ProhibitedByStateLaw = 2,
}

/// <summary>
/// The confidentiality settings of a policy: the law disclosures are judged under, and the points where
/// jurisdictions differ: the duty to protect, a parent's access to a minor's information, and categories that state
/// or national law protects further. Those three come from local law: <see cref="StateLawSource"/> cites it.
/// </summary>
/// <remarks>Immutable: derive a changed copy with a <c>with</c> expression. Equality compares every setting.</remarks>
public sealed record ConfidentialitySettings
{
    private readonly PrivacyLaw _law;
    private readonly DutyToProtect _dutyToProtect = DutyToProtect.Unknown;
    private readonly MinorParentAccess _minorParentAccess;
    private readonly DataCategories _categoriesNeedingAuthorization;

    /// <summary>HIPAA with 42 CFR Part 2, no state law configured (the duty to protect unknown, state law on parents' access silent).</summary>
    public ConfidentialitySettings()
    {
    }

    /// <summary>HIPAA with 42 CFR Part 2, no state law configured: the settings of the US-wide presets.</summary>
    public static ConfidentialitySettings Hipaa { get; } = new();

    /// <summary>GDPR Article 9; no national law configured.</summary>
    public static ConfidentialitySettings Gdpr { get; } = new() { Law = PrivacyLaw.Gdpr, Part2Applies = false };

    /// <summary>The law disclosures are judged under.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not defined.</exception>
    public PrivacyLaw Law { get => _law; init => _law = Guard.Against.UndefinedEnum(value); }

    /// <summary>
    /// Whether the practice holds records of a federally assisted substance-use-disorder program, so that 42 CFR
    /// Part 2 governs <see cref="DataCategories.SubstanceUseRecords"/> (HIPAA only). True by default: when it does
    /// not apply, SUD records are judged like any other health information.
    /// </summary>
    public bool Part2Applies { get; init; } = true;

    /// <summary>
    /// The jurisdiction's duty to protect when a patient threatens someone; <see cref="Boundaries.DutyToProtect.Unknown"/>
    /// for a country-wide policy, so that every threat disclosure is reviewed against state law.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not defined.</exception>
    public DutyToProtect DutyToProtect { get => _dutyToProtect; init => _dutyToProtect = Guard.Against.UndefinedEnum(value); }

    /// <summary>Whether sources disagree on the duty (as for New York): threat disclosures are then always reviewed.</summary>
    public bool DutyToProtectDisputed { get; init; }

    /// <summary>What state law says about a parent's access to a minor's information when the parent is not the minor's personal representative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not defined.</exception>
    public MinorParentAccess MinorParentAccess { get => _minorParentAccess; init => _minorParentAccess = Guard.Against.UndefinedEnum(value); }

    /// <summary>
    /// Categories that local law protects further, so that they go only with an authorization that names them, whatever
    /// the purpose (for example <see cref="DataCategories.Hiv"/> in many US states; GDPR Art. 9(4) lets Member States
    /// add such conditions). None by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined category is set.</exception>
    public DataCategories CategoriesNeedingAuthorization
    {
        get => _categoriesNeedingAuthorization;
        init => _categoriesNeedingAuthorization = (value & ~ConfidentialityCodes.AllCategories) == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CategoriesNeedingAuthorization), "An undefined category is set.");
    }

    /// <summary>The local law behind <see cref="MinorParentAccess"/> and <see cref="CategoriesNeedingAuthorization"/>; null when none is configured.</summary>
    public Citation? StateLawSource { get; init; }

    /// <summary>HIPAA settings for a US state, with its duty to protect from <see cref="DutyToProtectTable"/> (dated data: verify it locally).</summary>
    /// <param name="jurisdiction">The state or the District of Columbia.</param>
    /// <returns>The settings; the duty is <see cref="Boundaries.DutyToProtect.Unknown"/> when the table does not cover the jurisdiction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    public static ConfidentialitySettings ForUsJurisdiction(Jurisdiction jurisdiction) =>
        DutyToProtectTable.For(Guard.Against.Null(jurisdiction)) is { } entry
            ? Hipaa with { DutyToProtect = entry.Duty, DutyToProtectDisputed = entry.Disputed }
            : Hipaa;
}
