using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Boundaries;

/// <summary>What kind of relationship, besides the professional one, a clinician has with a patient or a patient's relative.</summary>
public enum RelationshipKind
{
    /// <summary>A romantic or sexual relationship, in person or through technology.</summary>
    RomanticOrSexual = 0,

    /// <summary>A business or financial relationship (a loan, an investment, buying the patient's product).</summary>
    BusinessOrFinancial = 1,

    /// <summary>One employs the other.</summary>
    Employment = 2,

    /// <summary>A family relationship.</summary>
    Family = 3,

    /// <summary>A friendship or social relationship.</summary>
    FriendshipOrSocial = 4,

    /// <summary>A personal connection on social media (a friend request accepted, a follow).</summary>
    SocialMediaConnection = 5,

    /// <summary>Goods or services accepted in exchange for treatment.</summary>
    Barter = 6,

    /// <summary>A gift given to or received from the patient; see <see cref="RelationshipDeclaration.GiftValue"/>.</summary>
    Gift = 7,

    /// <summary>Another professional role towards the same person (teacher, supervisor, evaluator).</summary>
    OtherProfessionalRole = 8,

    /// <summary>Incidental contact in a shared community (meeting at a shop, a school event).</summary>
    IncidentalCommunityContact = 9,
}

/// <summary>Safeguards a clinician documented for a relationship. Combine with <c>|</c>.</summary>
[Flags]
public enum Safeguards
{
    /// <summary>None documented.</summary>
    None = 0,

    /// <summary>A colleague or supervisor was consulted.</summary>
    Consultation = 1,

    /// <summary>A written rationale was recorded (for boundary extensions, before the interaction when feasible).</summary>
    WrittenRationale = 2,

    /// <summary>The patient gave informed consent to the relationship.</summary>
    InformedConsent = 4,

    /// <summary>A written barter contract exists.</summary>
    WrittenBarterContract = 8,

    /// <summary>The factors the code lists (for example APA 10.08(b)) were assessed and the assessment recorded.</summary>
    FactorAssessment = 16,
}

/// <summary>
/// A declared relationship between a clinician and a patient, or a person related to a patient: its kind, period,
/// the gift's value where there is one, and the safeguards documented. Ids, codes and dates only: no names.
/// </summary>
/// <remarks>Immutable. Checked by <see cref="DualRelationshipCheck"/>.</remarks>
public sealed record RelationshipDeclaration
{
    /// <summary>Creates a declaration.</summary>
    /// <param name="id">The declaration's id.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="patientId">The patient, or the patient the counterpart is related to.</param>
    /// <param name="relationCode">
    /// Null when the counterpart is the patient; otherwise how the counterpart is related to the patient, as a code
    /// token (for example HL7 v3 RoleCode <c>SPS</c> spouse, <c>PRN</c> parent, <c>CHILD</c>).
    /// </param>
    /// <param name="kind">The kind of relationship.</param>
    /// <param name="start">The first day of the relationship.</param>
    /// <param name="end">The last day; null while it goes on.</param>
    /// <param name="safeguards">The safeguards documented.</param>
    /// <param name="giftValue">For a gift, its value in the policy's currency; null otherwise or when unknown.</param>
    /// <exception cref="ArgumentException">An id is the default value, <paramref name="relationCode"/> is not a code token, or <paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, <paramref name="safeguards"/> has undefined flags, or <paramref name="giftValue"/> is negative or given for another kind.</exception>
    public RelationshipDeclaration(
        RelationshipDeclarationId id, ClinicianId clinicianId, PatientId patientId, string? relationCode, RelationshipKind kind,
        LocalDate start, LocalDate? end, Safeguards safeguards = Safeguards.None, decimal? giftValue = null)
    {
        Id = Guards.NotDefault(id, id.Value);
        ClinicianId = Guards.NotDefault(clinicianId, clinicianId.Value);
        PatientId = Guards.NotDefault(patientId, patientId.Value);
        RelationCode = relationCode is null ? null : Guard.Against.InvalidCode(relationCode);
        Kind = Guard.Against.UndefinedEnum(kind);
        if (end < start)
        {
            throw new ArgumentException("The relationship cannot end before it starts.", nameof(end));
        }

        if ((safeguards & ~AllSafeguards) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(safeguards), "The value holds undefined safeguard flags.");
        }

        if (giftValue is { } value && (value < 0 || kind != RelationshipKind.Gift))
        {
            throw new ArgumentOutOfRangeException(nameof(giftValue), "A gift value must be zero or more, and only a gift has one.");
        }

        Start = start;
        End = end;
        Safeguards = safeguards;
        GiftValue = giftValue;
    }

    private const Safeguards AllSafeguards =
        Safeguards.Consultation | Safeguards.WrittenRationale | Safeguards.InformedConsent | Safeguards.WrittenBarterContract | Safeguards.FactorAssessment;

    /// <summary>The declaration's id.</summary>
    public RelationshipDeclarationId Id { get; }

    /// <summary>The clinician.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>The patient, or the patient the counterpart is related to.</summary>
    public PatientId PatientId { get; }

    /// <summary>Null when the counterpart is the patient; otherwise the counterpart's relation to the patient.</summary>
    public string? RelationCode { get; }

    /// <summary>Whether the counterpart is the patient (not a relative).</summary>
    public bool IsWithPatient => RelationCode is null;

    /// <summary>The kind of relationship.</summary>
    public RelationshipKind Kind { get; }

    /// <summary>The first day.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day; null while it goes on.</summary>
    public LocalDate? End { get; }

    /// <summary>The safeguards documented.</summary>
    public Safeguards Safeguards { get; }

    /// <summary>For a gift, its value in the policy's currency; null otherwise.</summary>
    public decimal? GiftValue { get; }
}
