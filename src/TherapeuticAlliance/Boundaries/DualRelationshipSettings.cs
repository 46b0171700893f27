using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Boundaries;

/// <summary>
/// The situations the dual-relationship rules judge, one per row of the rule catalogue. A declaration falls into
/// one of them by its kind, whether the counterpart is the patient or a relative, and when it happened relative to
/// the treatment.
/// </summary>
public enum DualSituation
{
    /// <summary>A romantic or sexual relationship with a current patient (<c>TA.DUAL.SEXUAL_CURRENT</c>).</summary>
    SexualWithCurrentPatient = 0,

    /// <summary>A romantic or sexual relationship with a former patient, begun after termination (<c>TA.DUAL.SEXUAL_FORMER</c>).</summary>
    SexualWithFormerPatient = 1,

    /// <summary>A romantic or sexual relationship with a current patient's relative or partner (<c>TA.DUAL.SEXUAL_RELATIVE</c>).</summary>
    SexualWithRelative = 2,

    /// <summary>Treating a former sexual partner (<c>TA.DUAL.FORMER_PARTNER_AS_PATIENT</c>).</summary>
    FormerSexualPartnerAsPatient = 3,

    /// <summary>Treating a family member or friend (<c>TA.DUAL.FAMILY_OR_FRIEND</c>).</summary>
    FamilyOrFriendAsPatient = 4,

    /// <summary>Another, non-sexual relationship with a current patient's relative (<c>TA.DUAL.RELATIVE_OTHER_ROLE</c>).</summary>
    OtherRelationshipWithRelative = 5,

    /// <summary>A business, financial or employment relationship with a current patient (<c>TA.DUAL.BUSINESS</c>).</summary>
    BusinessOrFinancial = 6,

    /// <summary>Bartering goods or services for treatment (<c>TA.DUAL.BARTER</c>).</summary>
    Barter = 7,

    /// <summary>A gift over the policy's limit, or any gift where the policy sets none (<c>TA.DUAL.GIFT</c>).</summary>
    Gift = 8,

    /// <summary>A personal social-media connection with a current patient (<c>TA.DUAL.SOCIAL_MEDIA</c>).</summary>
    SocialMediaWithCurrentPatient = 9,

    /// <summary>Going beyond the conventional limits of the role, or another professional role (<c>TA.DUAL.BOUNDARY_EXTENSION</c>).</summary>
    BoundaryExtension = 10,

    /// <summary>Incidental contact in a shared community (<c>TA.DUAL.INCIDENTAL_CONTACT</c>).</summary>
    IncidentalContact = 11,

    /// <summary>A personal, non-sexual relationship with a former patient, begun after termination (<c>TA.DUAL.AFTER_TERMINATION</c>).</summary>
    PersonalRelationshipAfterTermination = 12,
}

/// <summary>What a professional code says about a situation.</summary>
public enum BoundaryStance
{
    /// <summary>Never permitted: a violation.</summary>
    Prohibited = 0,

    /// <summary>The code asks for judgement: needs review, with the factors to weigh.</summary>
    Judgement = 1,

    /// <summary>Permitted: passes (once any wait period and required safeguards are met).</summary>
    Permitted = 2,
}

/// <summary>
/// A profession's standard for one <see cref="DualSituation"/>: its stance, the wait after termination (for
/// relationships with former patients), the safeguards that must be documented, the factors to weigh, and the source.
/// </summary>
/// <remarks>
/// Judged in order: a prohibited situation is a violation; inside the wait period, a violation; with a required
/// safeguard missing, a violation; with factors to weigh (a judgement stance), needs review; otherwise it passes.
/// Immutable; equality compares all members.
/// </remarks>
public sealed record RelationshipStandard
{
    /// <summary>Creates a standard.</summary>
    /// <param name="stance">What the code says.</param>
    /// <param name="citation">The source.</param>
    /// <param name="waitPeriod">The wait after termination before the situation may begin; null when none applies.</param>
    /// <param name="requiredSafeguards">Safeguards that must be documented.</param>
    /// <param name="factors">The factors to weigh, as code tokens; needed for a judgement stance, empty otherwise.</param>
    /// <param name="coversRelatives">
    /// For the two situations after termination (<see cref="DualSituation.SexualWithFormerPatient"/> and
    /// <see cref="DualSituation.PersonalRelationshipAfterTermination"/>): whether the standard also covers the former patient's relatives and partners.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> or <paramref name="factors"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A factor is not a code token, a judgement has no factors or another stance has some, the wait period is not
    /// positive, or a prohibited situation has one.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stance"/> or <paramref name="requiredSafeguards"/> is not defined.</exception>
    public RelationshipStandard(
        BoundaryStance stance, Citation citation, Period? waitPeriod = null, Safeguards requiredSafeguards = Safeguards.None,
        IEnumerable<string>? factors = null, bool coversRelatives = false)
    {
        Stance = Guard.Against.UndefinedEnum(stance);
        Citation = Guard.Against.Null(citation);
        Factors = [.. (factors ?? []).Select(f => Guard.Against.InvalidCode(f, nameof(factors)))];
        if ((stance == BoundaryStance.Judgement) == Factors.IsEmpty)
        {
            throw new ArgumentException("A judgement lists the factors to weigh; other stances list none.", nameof(factors));
        }

        if (waitPeriod is not null && stance == BoundaryStance.Prohibited)
        {
            throw new ArgumentException("A prohibited situation has no wait period: it is never permitted.", nameof(waitPeriod));
        }

        if (waitPeriod is { } wait && (wait.HasTimeComponent || wait.Years < 0 || wait.Months < 0 || wait.Weeks < 0 || wait.Days < 0 || wait.Equals(Period.Zero)))
        {
            throw new ArgumentException("A wait period is a positive number of years, months or days.", nameof(waitPeriod));
        }

        if (((int)requiredSafeguards & ~0b11111) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requiredSafeguards), "The value holds undefined safeguard flags.");
        }

        WaitPeriod = waitPeriod;
        RequiredSafeguards = requiredSafeguards;
        CoversRelatives = coversRelatives;
    }

    /// <summary>What the code says.</summary>
    public BoundaryStance Stance { get; }

    /// <summary>The source.</summary>
    public Citation Citation { get; }

    /// <summary>The wait after termination; null when none applies.</summary>
    public Period? WaitPeriod { get; }

    /// <summary>Safeguards that must be documented.</summary>
    public Safeguards RequiredSafeguards { get; }

    /// <summary>The factors to weigh (code tokens); empty unless the stance is a judgement.</summary>
    public ImmutableArray<string> Factors { get; }

    /// <summary>Whether a standard for relationships after termination also covers the former patient's relatives and partners.</summary>
    public bool CoversRelatives { get; }

    /// <inheritdoc/>
    public bool Equals(RelationshipStandard? other) =>
        other is not null && Stance == other.Stance && Citation == other.Citation && WaitPeriod == other.WaitPeriod
        && RequiredSafeguards == other.RequiredSafeguards && Factors.SequenceEqual(other.Factors) && CoversRelatives == other.CoversRelatives;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Stance, Citation, WaitPeriod, RequiredSafeguards, Factors.Length, CoversRelatives);
}

/// <summary>
/// The dual-relationship part of a boundary policy: a <see cref="RelationshipStandard"/> for every
/// <see cref="DualSituation"/>, and the gift value limit.
/// </summary>
/// <remarks>Immutable: derive a changed copy with <see cref="With"/> or a <c>with</c> expression. Equality compares every standard.</remarks>
public sealed record DualRelationshipSettings
{
    private readonly ImmutableDictionary<DualSituation, RelationshipStandard> _standards;
    private readonly decimal? _giftValueLimit;

    /// <summary>Creates the settings.</summary>
    /// <param name="standards">A standard for every situation.</param>
    /// <param name="giftValueLimit">Gifts worth more than this fall under <see cref="DualSituation.Gift"/>; null when the policy sets no limit, so every gift does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or a standard is null.</exception>
    /// <exception cref="ArgumentException">A situation has no standard.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="giftValueLimit"/> is negative.</exception>
    public DualRelationshipSettings(IReadOnlyDictionary<DualSituation, RelationshipStandard> standards, decimal? giftValueLimit)
    {
        _standards = Check(standards);
        _giftValueLimit = CheckLimit(giftValueLimit, nameof(giftValueLimit));
    }

    /// <summary>The standard for each situation.</summary>
    /// <exception cref="ArgumentException">A situation has no standard.</exception>
    public ImmutableDictionary<DualSituation, RelationshipStandard> Standards { get => _standards; init => _standards = Check(value); }

    /// <summary>Gifts worth more than this fall under <see cref="DualSituation.Gift"/>; a gift exactly at it passes. Null: no limit, every gift is judged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public decimal? GiftValueLimit { get => _giftValueLimit; init => _giftValueLimit = CheckLimit(value, nameof(GiftValueLimit)); }

    /// <summary>A copy with one situation's standard replaced.</summary>
    /// <param name="situation">The situation.</param>
    /// <param name="standard">Its new standard.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="situation"/> is not defined.</exception>
    public DualRelationshipSettings With(DualSituation situation, RelationshipStandard standard) =>
        this with { Standards = _standards.SetItem(Guard.Against.UndefinedEnum(situation), Guard.Against.Null(standard)) };

    /// <inheritdoc/>
    public bool Equals(DualRelationshipSettings? other) =>
        other is not null && GiftValueLimit == other.GiftValueLimit
        && _standards.Count == other._standards.Count && _standards.All(p => other._standards.TryGetValue(p.Key, out RelationshipStandard? s) && s == p.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(GiftValueLimit, _standards.Count);

    private static ImmutableDictionary<DualSituation, RelationshipStandard> Check(IReadOnlyDictionary<DualSituation, RelationshipStandard> standards)
    {
        Guard.Against.Null(standards);
        if (standards.Values.Any(s => s is null))
        {
            throw new ArgumentNullException(nameof(standards), "A standard is null.");
        }

        if (Enum.GetValues<DualSituation>().Any(s => !standards.ContainsKey(s)) || standards.Keys.Any(k => !Enum.IsDefined(k)))
        {
            throw new ArgumentException("Every situation needs exactly one standard.", nameof(standards));
        }

        return standards.ToImmutableDictionary();
    }

    private static decimal? CheckLimit(decimal? limit, string parameterName) =>
        limit is null or >= 0 ? limit : throw new ArgumentOutOfRangeException(parameterName, "The limit cannot be negative.");
}
