using System;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>A standard code: the code system's URI and the code in it. Made by <see cref="ConfidentialityCodes"/>.</summary>
public readonly record struct CodedValue
{
    internal CodedValue(string system, string code)
    {
        System = system;
        Code = code;
    }

    /// <summary>The code system (for example <c>http://terminology.hl7.org/CodeSystem/v3-ActReason</c>).</summary>
    public string System { get; }

    /// <summary>The code (for example <c>TREAT</c>).</summary>
    public string Code { get; }

    /// <summary>Returns <c>system|code</c>, the FHIR search token form.</summary>
    public override string ToString() => $"{System}|{Code}";
}

/// <summary>
/// How the library's confidentiality vocabulary maps to standard codes, for FHIR <c>Consent</c> provisions and
/// <c>meta.security</c> labels.
/// </summary>
public static class ConfidentialityCodes
{
    /// <summary>The HL7 v3 ActReason code system, which holds the PurposeOfUse codes.</summary>
    public const string ActReasonSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    /// <summary>The NHIN PurposeOfUse code system, used where v3 has no code (law enforcement, abuse reports, oversight).</summary>
    public const string NhinPurposeOfUseSystem = "http://healthit.gov/nhin/purposeofuse";

    /// <summary>The HL7 v3 ActCode code system, which holds the sensitivity labels.</summary>
    public const string ActCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>Every defined data category.</summary>
    public static DataCategories AllCategories { get; } = Union<DataCategories>();

    /// <summary>Every defined disclosure fact.</summary>
    public static DisclosureFacts AllFacts { get; } = Union<DisclosureFacts>();

    /// <summary>Where the codes were checked: the HL7 terminology source files.</summary>
    public static Citation Source { get; } = new(
        "HL7 Terminology (UTG) v3-ActReason and v3-ActCode; NHIN PurposeOfUse code system", "PurposeOfUse and information sensitivity codes", "ActReason 4.0.0 (2024-02-28)");

    private static readonly ImmutableArray<CodedValue> Purposes =
    [
        new(ActReasonSystem, "TREAT"),
        new(ActReasonSystem, "HPAYMT"),
        new(ActReasonSystem, "HOPERAT"),
        new(ActReasonSystem, "TRAIN"),
        new(ActReasonSystem, "PATRQT"),
        new(ActReasonSystem, "FAMRQT"),
        new(ActReasonSystem, "HLEGAL"),
        new(NhinPurposeOfUseSystem, "LAW"),
        new(ActReasonSystem, "HCOMPL"),
        new(ActReasonSystem, "PUBHLTH"),
        new(NhinPurposeOfUseSystem, "ABUSE"),
        new(NhinPurposeOfUseSystem, "ABUSE"),
        new(NhinPurposeOfUseSystem, "OVERSIGHT"),
        new(ActReasonSystem, "HCOMPL"),
        new(ActReasonSystem, "HDECD"),
        new(ActReasonSystem, "THREAT"),
        new(ActReasonSystem, "HRESCH"),
        new(ActReasonSystem, "HMARKT"),
    ];

    /// <summary>
    /// The PurposeOfUse code for a purpose: HL7 v3 where it has one; NHIN PurposeOfUse for law enforcement, abuse
    /// reports and health oversight, which v3 lacks. Required-by-law and HHS compliance map to v3 <c>HCOMPL</c>
    /// ("activities required to meet a mandate").
    /// </summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purpose"/> is not defined.</exception>
    [Pure]
    public static CodedValue PurposeOfUse(DisclosurePurpose purpose) => Purposes[(int)Guard.Against.UndefinedEnum(purpose)];

    /// <summary>
    /// The v3 sensitivity labels for a set of categories, in category order: <c>PSY</c> for mental-health records,
    /// <c>PSYTHPN</c> for psychotherapy notes, <c>SUD</c> for SUD records and counseling notes (no code exists for
    /// counseling notes), <c>HIV</c>. Other categories carry no sensitivity label of their own.
    /// </summary>
    /// <param name="categories">The categories.</param>
    /// <returns>The distinct labels; empty when none applies.</returns>
    [Pure]
    public static ImmutableArray<CodedValue> SecurityLabels(DataCategories categories)
    {
        ImmutableArray<CodedValue>.Builder labels = ImmutableArray.CreateBuilder<CodedValue>();
        void Add(DataCategories category, string code)
        {
            var label = new CodedValue(ActCodeSystem, code);
            if ((categories & category) != 0 && !labels.Contains(label))
            {
                labels.Add(label);
            }
        }

        Add(DataCategories.MentalHealthRecords, "PSY");
        Add(DataCategories.PsychotherapyNotes, "PSYTHPN");
        Add(DataCategories.SubstanceUseRecords | DataCategories.SubstanceUseCounselingNotes, "SUD");
        Add(DataCategories.Hiv, "HIV");
        return labels.ToImmutable();
    }

    private static T Union<T>()
        where T : struct, Enum
    {
        long all = 0;
        foreach (T value in Enum.GetValues<T>())
        {
            all |= Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return (T)Enum.ToObject(typeof(T), all);
    }
}
