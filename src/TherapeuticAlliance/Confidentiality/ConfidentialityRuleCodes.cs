using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>
/// The codes of the confidentiality rules (<c>TA.CONF.*</c>) in a <see cref="DisclosureDecision"/>'s verdicts. A
/// code names the rule; the verdict's citation names the law it was judged under (HIPAA, 42 CFR Part 2 or GDPR).
/// </summary>
public static class ConfidentialityRuleCodes
{
    /// <summary>No permission of the law and no authorization covers the disclosure: denied.</summary>
    public static RuleCode NoLegalBasis { get; } = new("TA.CONF.NO_LEGAL_BASIS");

    /// <summary>An active authorization covers the disclosure.</summary>
    public static RuleCode Authorized { get; } = new("TA.CONF.AUTHORIZED");

    /// <summary>The authorization that names this recipient and purpose has expired.</summary>
    public static RuleCode AuthorizationExpired { get; } = new("TA.CONF.AUTHORIZATION_EXPIRED");

    /// <summary>The authorization that names this recipient and purpose was revoked.</summary>
    public static RuleCode AuthorizationRevoked { get; } = new("TA.CONF.AUTHORIZATION_REVOKED");

    /// <summary>Treatment, payment or health care operations: no authorization needed.</summary>
    public static RuleCode TreatmentPaymentOperations { get; } = new("TA.CONF.TPO");

    /// <summary>Psychotherapy notes: a specific authorization, or one of the listed exceptions.</summary>
    public static RuleCode PsychotherapyNotes { get; } = new("TA.CONF.PSYCHOTHERAPY_NOTES");

    /// <summary>Condition: disclose only the minimum necessary for the purpose.</summary>
    public static RuleCode MinimumNecessary { get; } = new("TA.CONF.MINIMUM_NECESSARY");

    /// <summary>Condition: disclose only what the order, warrant, law or process expressly requires or authorizes.</summary>
    public static RuleCode LegalMandateScope { get; } = new("TA.CONF.LEGAL_MANDATE_SCOPE");

    /// <summary>Condition: record the disclosure for the patient's accounting of disclosures.</summary>
    public static RuleCode Accounting { get; } = new("TA.CONF.ACCOUNTING");

    /// <summary>The patient's (or their representative's) access to their own information.</summary>
    public static RuleCode PatientAccess { get; } = new("TA.CONF.PATIENT_ACCESS");

    /// <summary>Whether a personal representative (for example a minor's parent) acts for the patient.</summary>
    public static RuleCode PersonalRepresentative { get; } = new("TA.CONF.PERSONAL_REPRESENTATIVE");

    /// <summary>Sharing with family or friends involved in the patient's care.</summary>
    public static RuleCode InvolvedInCare { get; } = new("TA.CONF.INVOLVED_IN_CARE");

    /// <summary>Judicial and administrative proceedings: an order against a bare subpoena.</summary>
    public static RuleCode Judicial { get; } = new("TA.CONF.JUDICIAL");

    /// <summary>Law-enforcement purposes.</summary>
    public static RuleCode LawEnforcement { get; } = new("TA.CONF.LAW_ENFORCEMENT");

    /// <summary>A disclosure a law requires.</summary>
    public static RuleCode RequiredByLaw { get; } = new("TA.CONF.REQUIRED_BY_LAW");

    /// <summary>Public-health activities.</summary>
    public static RuleCode PublicHealth { get; } = new("TA.CONF.PUBLIC_HEALTH");

    /// <summary>Reports of abuse, neglect or domestic violence.</summary>
    public static RuleCode AbuseReport { get; } = new("TA.CONF.ABUSE_REPORT");

    /// <summary>Condition: tell the patient that an abuse report was or will be made.</summary>
    public static RuleCode PatientNotice { get; } = new("TA.CONF.PATIENT_NOTICE");

    /// <summary>Health oversight activities.</summary>
    public static RuleCode HealthOversight { get; } = new("TA.CONF.HEALTH_OVERSIGHT");

    /// <summary>Disclosures the Secretary of HHS requires to investigate compliance.</summary>
    public static RuleCode ComplianceInvestigation { get; } = new("TA.CONF.HHS_COMPLIANCE");

    /// <summary>Coroners and medical examiners.</summary>
    public static RuleCode Decedent { get; } = new("TA.CONF.DECEDENT");

    /// <summary>A serious and imminent threat.</summary>
    public static RuleCode SeriousThreat { get; } = new("TA.CONF.SERIOUS_THREAT");

    /// <summary>The jurisdiction's duty to protect (mandatory, permissive or none).</summary>
    public static RuleCode DutyToProtect { get; } = new("TA.CONF.DUTY_TO_PROTECT");

    /// <summary>Research.</summary>
    public static RuleCode Research { get; } = new("TA.CONF.RESEARCH");

    /// <summary>Marketing: always needs an authorization.</summary>
    public static RuleCode Marketing { get; } = new("TA.CONF.MARKETING");

    /// <summary>Substance-use-disorder records (42 CFR Part 2): consent, or one of its exceptions.</summary>
    public static RuleCode Part2 { get; } = new("TA.CONF.PART2");

    /// <summary>Condition: the Part 2 notice must accompany a disclosure made with consent.</summary>
    public static RuleCode RedisclosureNotice { get; } = new("TA.CONF.REDISCLOSURE_NOTICE");

    /// <summary>Condition: document a Part 2 medical-emergency disclosure immediately afterwards.</summary>
    public static RuleCode EmergencyRecord { get; } = new("TA.CONF.EMERGENCY_RECORD");

    /// <summary>A category that the jurisdiction's law protects further (for example HIV status) needs a specific authorization.</summary>
    public static RuleCode ProtectedCategory { get; } = new("TA.CONF.PROTECTED_CATEGORY");
}
