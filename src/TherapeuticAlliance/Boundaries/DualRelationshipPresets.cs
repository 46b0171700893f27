using System.Collections.Generic;
using NodaTime;
using TherapeuticAlliance.Compliance;
using static TherapeuticAlliance.Boundaries.BoundaryCitations;

namespace TherapeuticAlliance.Boundaries;

/// <summary>The dual-relationship standards of each profession's code, as used by the <see cref="BoundaryPresets"/>.</summary>
/// <remarks>
/// Factor codes name what the code asks to weigh. APA 10.08(b): <c>time-since-termination</c>,
/// <c>therapy-nature-duration-intensity</c>, <c>termination-circumstances</c>, <c>personal-history</c>,
/// <c>current-mental-status</c>, <c>adverse-impact-likelihood</c>, <c>post-termination-invitation</c>.
/// </remarks>
public static class DualRelationshipPresets
{
    private static readonly string[] MultipleRelationshipFactors = ["impaired-objectivity", "exploitation-risk", "harm-risk"];
    private static readonly string[] CrossingFactors = ["crossing-or-violation", "exploitation-risk", "harm-risk"];

    /// <summary>APA 10.08(b): the factors to weigh before any relationship with a former client, even after two years.</summary>
    public static IReadOnlyList<string> Apa1008Factors { get; } =
    [
        "time-since-termination", "therapy-nature-duration-intensity", "termination-circumstances", "personal-history",
        "current-mental-status", "adverse-impact-likelihood", "post-termination-invitation",
    ];

    /// <summary>
    /// Psychiatry: AMA Code 9.1.1 for current patients and the American Psychiatric Association's annotations for former
    /// ones (never); AMA 9.1.2, 1.2.1 and 1.2.8 and Gutheil and Gabbard's boundary dimensions where judgement is asked. No gift limit.
    /// </summary>
    public static DualRelationshipSettings Psychiatry { get; } = new(
        new Dictionary<DualSituation, RelationshipStandard>
        {
            [DualSituation.SexualWithCurrentPatient] = Prohibited(AmaSexualRelationships),
            [DualSituation.SexualWithFormerPatient] = Prohibited(PsychiatricAnnotations),
            [DualSituation.SexualWithRelative] = Judgement(AmaKeyThirdParties, "key-third-party-role", "exploitation-risk"),
            [DualSituation.FormerSexualPartnerAsPatient] = Judgement(ClinicBoundaryPolicy, "impaired-objectivity", "exploitation-risk"),
            [DualSituation.FamilyOrFriendAsPatient] = Judgement(AmaTreatingFamily, "emergency-or-isolated", "short-term-minor-problem", "impaired-objectivity", "documented-and-pcp-informed"),
            [DualSituation.OtherRelationshipWithRelative] = Judgement(GutheilGabbardBoundaries, CrossingFactors),
            [DualSituation.BusinessOrFinancial] = Judgement(GutheilGabbardBoundaries, CrossingFactors),
            [DualSituation.Barter] = Judgement(GutheilGabbardBoundaries, CrossingFactors),
            [DualSituation.Gift] = Judgement(AmaGifts, "value-relative-to-means", "influence-on-care"),
            [DualSituation.SocialMediaWithCurrentPatient] = Judgement(AmaSocialMedia, "personal-online-contact", "boundary-confusion"),
            [DualSituation.BoundaryExtension] = Judgement(GutheilGabbardBoundaries, CrossingFactors),
            [DualSituation.IncidentalContact] = Permitted(GutheilGabbardBoundaries),
            [DualSituation.PersonalRelationshipAfterTermination] = Judgement(GutheilGabbardBoundaries, "termination-to-pursue-relationship", "exploitation-risk", "harm-risk"),
        },
        giftValueLimit: null);

    /// <summary>
    /// Psychology: APA Ethics Code 10.05-10.08 (two years after termination, then only with the 10.08(b) factors
    /// weighed), 3.05 for multiple relationships and 6.05 for barter. No gift limit.
    /// </summary>
    public static DualRelationshipSettings Psychology { get; } = new(
        new Dictionary<DualSituation, RelationshipStandard>
        {
            [DualSituation.SexualWithCurrentPatient] = Prohibited(ApaSexualCurrent),
            [DualSituation.SexualWithFormerPatient] = new(BoundaryStance.Judgement, ApaSexualFormer, Period.FromYears(2), factors: Apa1008Factors),
            [DualSituation.SexualWithRelative] = Prohibited(ApaSexualRelatives),
            [DualSituation.FormerSexualPartnerAsPatient] = Prohibited(ApaFormerPartners),
            [DualSituation.FamilyOrFriendAsPatient] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
            [DualSituation.OtherRelationshipWithRelative] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
            [DualSituation.BusinessOrFinancial] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
            [DualSituation.Barter] = Judgement(ApaBarter, "clinically-contraindicated", "exploitation-risk"),
            [DualSituation.Gift] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
            [DualSituation.SocialMediaWithCurrentPatient] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
            [DualSituation.BoundaryExtension] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
            [DualSituation.IncidentalContact] = Permitted(ApaMultipleRelationships),
            [DualSituation.PersonalRelationshipAfterTermination] = Judgement(ApaMultipleRelationships, MultipleRelationshipFactors),
        },
        giftValueLimit: null);

    /// <summary>
    /// Counseling: ACA Code of Ethics 2014 A.5 (five years after the last professional contact, also with former
    /// clients' partners and family, then documented forethought), A.6 (boundary extensions, also with clients'
    /// relatives, documented in writing; nonprofessional relationships with former clients and their partners and
    /// family weighed for harm) and A.10 (barter with a written contract; gifts). No gift limit.
    /// </summary>
    public static DualRelationshipSettings Counseling { get; } = new(
        new Dictionary<DualSituation, RelationshipStandard>
        {
            [DualSituation.SexualWithCurrentPatient] = Prohibited(AcaCurrentClients),
            [DualSituation.SexualWithFormerPatient] = new(
                BoundaryStance.Judgement, AcaFormerClients, Period.FromYears(5), Safeguards.WrittenRationale, ["exploitation-risk", "harm-potential"], coversRelatives: true),
            [DualSituation.SexualWithRelative] = Prohibited(AcaCurrentClients),
            [DualSituation.FormerSexualPartnerAsPatient] = Prohibited(AcaPreviousPartners),
            [DualSituation.FamilyOrFriendAsPatient] = Judgement(AcaFriendsOrFamily, "impaired-objectivity"),
            [DualSituation.OtherRelationshipWithRelative] = Extension(),
            [DualSituation.BusinessOrFinancial] = Extension(),
            [DualSituation.Barter] = new(
                BoundaryStance.Judgement, AcaBarter, requiredSafeguards: Safeguards.WrittenBarterContract,
                factors: ["client-requested", "exploitation-risk", "harm-risk", "unfair-advantage", "community-norm"]),
            [DualSituation.Gift] = Judgement(AcaGifts, "therapeutic-relationship", "monetary-value", "client-motivation", "counselor-motivation"),
            [DualSituation.SocialMediaWithCurrentPatient] = Prohibited(AcaVirtualRelationships),
            [DualSituation.BoundaryExtension] = Extension(),
            [DualSituation.IncidentalContact] = Permitted(AcaExtendingBoundaries),
            [DualSituation.PersonalRelationshipAfterTermination] = new(
                BoundaryStance.Judgement, AcaFormerClientInteractions, factors: ["harm-potential"], coversRelatives: true),
        },
        giftValueLimit: null);

    /// <summary>
    /// Social work: NASW Code of Ethics 1.09 (former clients: not, unless the social worker shows extraordinary
    /// circumstances, so judged with that factor), 1.06 for dual relationships and technology, and 1.13(b) for barter
    /// (informed consent required). No gift limit.
    /// </summary>
    public static DualRelationshipSettings SocialWork { get; } = new(
        new Dictionary<DualSituation, RelationshipStandard>
        {
            [DualSituation.SexualWithCurrentPatient] = Prohibited(NaswSexualCurrent),
            [DualSituation.SexualWithFormerPatient] = Judgement(NaswSexualFormer, "extraordinary-circumstances", "exploitation-risk", "harm-potential"),
            [DualSituation.SexualWithRelative] = Judgement(NaswSexualRelatives, "exploitation-risk", "harm-potential"),
            [DualSituation.FormerSexualPartnerAsPatient] = Prohibited(NaswFormerPartners),
            [DualSituation.FamilyOrFriendAsPatient] = Judgement(NaswDualRelationships, "exploitation-risk", "harm-risk", "boundaries-set"),
            [DualSituation.OtherRelationshipWithRelative] = Judgement(NaswDualRelationships, "exploitation-risk", "harm-risk", "boundaries-set"),
            [DualSituation.BusinessOrFinancial] = Judgement(NaswDualRelationships, "exploitation-risk", "harm-risk", "boundaries-set"),
            [DualSituation.Barter] = new(
                BoundaryStance.Judgement, NaswBarter, requiredSafeguards: Safeguards.InformedConsent,
                factors: ["accepted-community-practice", "essential-for-services", "no-coercion", "client-initiative"]),
            [DualSituation.Gift] = Judgement(NaswDualRelationships, "exploitation-risk", "harm-risk", "boundaries-set"),
            [DualSituation.SocialMediaWithCurrentPatient] = Judgement(NaswTechnology, "personal-online-contact", "boundary-confusion"),
            [DualSituation.BoundaryExtension] = Judgement(NaswDualRelationships, "exploitation-risk", "harm-risk", "boundaries-set"),
            [DualSituation.IncidentalContact] = Permitted(NaswDualRelationships),
            [DualSituation.PersonalRelationshipAfterTermination] = Judgement(NaswDualRelationships, "exploitation-risk", "harm-risk", "boundaries-set"),
        },
        giftValueLimit: null);

    private static RelationshipStandard Prohibited(Citation citation) => new(BoundaryStance.Prohibited, citation);

    private static RelationshipStandard Permitted(Citation citation) => new(BoundaryStance.Permitted, citation);

    private static RelationshipStandard Judgement(Citation citation, params string[] factors) => new(BoundaryStance.Judgement, citation, factors: factors);

    private static RelationshipStandard Extension() => new(
        BoundaryStance.Judgement, AcaExtendingBoundaries, requiredSafeguards: Safeguards.WrittenRationale,
        factors: ["potential-benefit", "anticipated-consequences", "harm-risk"]);
}
