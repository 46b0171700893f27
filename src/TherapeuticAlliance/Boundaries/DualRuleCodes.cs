using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Boundaries;

/// <summary>The codes of the dual-relationship rules (<c>TA.DUAL.*</c>), one per <see cref="DualSituation"/>.</summary>
public static class DualRuleCodes
{
    /// <summary>A romantic or sexual relationship with a current patient.</summary>
    public static RuleCode SexualCurrent { get; } = new("TA.DUAL.SEXUAL_CURRENT");

    /// <summary>A romantic or sexual relationship with a former patient.</summary>
    public static RuleCode SexualFormer { get; } = new("TA.DUAL.SEXUAL_FORMER");

    /// <summary>A romantic or sexual relationship with a current patient's relative or partner.</summary>
    public static RuleCode SexualRelative { get; } = new("TA.DUAL.SEXUAL_RELATIVE");

    /// <summary>Treating a former sexual partner.</summary>
    public static RuleCode FormerPartnerAsPatient { get; } = new("TA.DUAL.FORMER_PARTNER_AS_PATIENT");

    /// <summary>Treating a family member or friend.</summary>
    public static RuleCode FamilyOrFriend { get; } = new("TA.DUAL.FAMILY_OR_FRIEND");

    /// <summary>Another, non-sexual relationship with a current patient's relative.</summary>
    public static RuleCode RelativeOtherRole { get; } = new("TA.DUAL.RELATIVE_OTHER_ROLE");

    /// <summary>A business, financial or employment relationship with a current patient.</summary>
    public static RuleCode Business { get; } = new("TA.DUAL.BUSINESS");

    /// <summary>Bartering for treatment.</summary>
    public static RuleCode Barter { get; } = new("TA.DUAL.BARTER");

    /// <summary>A gift over the limit.</summary>
    public static RuleCode Gift { get; } = new("TA.DUAL.GIFT");

    /// <summary>A personal social-media connection with a current patient.</summary>
    public static RuleCode SocialMedia { get; } = new("TA.DUAL.SOCIAL_MEDIA");

    /// <summary>A boundary extension or another professional role.</summary>
    public static RuleCode BoundaryExtension { get; } = new("TA.DUAL.BOUNDARY_EXTENSION");

    /// <summary>Incidental contact in a shared community.</summary>
    public static RuleCode IncidentalContact { get; } = new("TA.DUAL.INCIDENTAL_CONTACT");

    /// <summary>A personal relationship with a former patient begun after termination.</summary>
    public static RuleCode AfterTermination { get; } = new("TA.DUAL.AFTER_TERMINATION");

    /// <summary>The code for a situation.</summary>
    /// <param name="situation">The situation.</param>
    /// <returns>Its rule code.</returns>
    public static RuleCode For(DualSituation situation) => situation switch
    {
        DualSituation.SexualWithCurrentPatient => SexualCurrent,
        DualSituation.SexualWithFormerPatient => SexualFormer,
        DualSituation.SexualWithRelative => SexualRelative,
        DualSituation.FormerSexualPartnerAsPatient => FormerPartnerAsPatient,
        DualSituation.FamilyOrFriendAsPatient => FamilyOrFriend,
        DualSituation.OtherRelationshipWithRelative => RelativeOtherRole,
        DualSituation.BusinessOrFinancial => Business,
        DualSituation.Barter => Barter,
        DualSituation.Gift => Gift,
        DualSituation.SocialMediaWithCurrentPatient => SocialMedia,
        DualSituation.BoundaryExtension => BoundaryExtension,
        DualSituation.IncidentalContact => IncidentalContact,
        DualSituation.PersonalRelationshipAfterTermination => AfterTermination,
        _ => throw new System.ArgumentOutOfRangeException(nameof(situation), "Not a defined DualSituation."),
    };
}
