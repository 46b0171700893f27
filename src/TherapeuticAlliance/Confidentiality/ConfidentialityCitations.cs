using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>
/// The sources behind the confidentiality rules. The HIPAA text was read as amended in 2013 (78 FR 5566): check later
/// amendments against the current eCFR. 42 CFR Part 2 sections whose 2024 wording was not read say so.
/// </summary>
public static class ConfidentialityCitations
{
    private const string Hipaa = "HIPAA Privacy Rule, 45 CFR Part 164 Subpart E";
    private const string HipaaEdition = "as amended by 78 FR 5566 (2013)";
    private const string Part2 = "42 CFR Part 2, Confidentiality of Substance Use Disorder Patient Records";
    private const string Part2Edition = "2024 final rule, 89 FR 12472 (compliance 2026-02-16)";
    private const string Gdpr = "Regulation (EU) 2016/679 (GDPR)";
    private const string GdprEdition = "OJ L 119, 4.5.2016";

    /// <summary>45 CFR 164.506: uses and disclosures for treatment, payment and health care operations need no authorization.</summary>
    public static Citation HipaaTreatmentPaymentOperations { get; } = new(Hipaa, "164.506 Uses and disclosures to carry out treatment, payment, or health care operations", HipaaEdition);

    /// <summary>45 CFR 164.508(a)(1): any use or disclosure not otherwise permitted or required needs a valid authorization.</summary>
    public static Citation HipaaAuthorizationRequired { get; } = new(Hipaa, "164.508(a)(1) Authorization required: general rule", HipaaEdition);

    /// <summary>45 CFR 164.508(a)(2): psychotherapy notes need an authorization except for the listed uses and disclosures.</summary>
    public static Citation HipaaPsychotherapyNotes { get; } = new(Hipaa, "164.508(a)(2) Authorization required: psychotherapy notes", HipaaEdition);

    /// <summary>45 CFR 164.508(a)(3): marketing needs an authorization.</summary>
    public static Citation HipaaMarketing { get; } = new(Hipaa, "164.508(a)(3) Authorization required: marketing", HipaaEdition);

    /// <summary>45 CFR 164.508(b)(2): an authorization is not valid once expired or known to be revoked; (b)(5): revocation, except where acted on in reliance.</summary>
    public static Citation HipaaDefectiveAuthorization { get; } = new(Hipaa, "164.508(b)(2) Defective authorizations; (b)(5) Revocation", HipaaEdition);

    /// <summary>45 CFR 164.502(b): minimum necessary, with its exceptions in (b)(2).</summary>
    public static Citation HipaaMinimumNecessary { get; } = new(Hipaa, "164.502(b) Minimum necessary", HipaaEdition);

    /// <summary>45 CFR 164.502(a)(2)(ii): disclosures the Secretary requires to investigate compliance.</summary>
    public static Citation HipaaSecretary { get; } = new(Hipaa, "164.502(a)(2)(ii) Required disclosures: to the Secretary", HipaaEdition);

    /// <summary>45 CFR 164.502(g): personal representatives, unemancipated minors ((g)(3)) and abuse or endangerment ((g)(5)).</summary>
    public static Citation HipaaPersonalRepresentatives { get; } = new(Hipaa, "164.502(g) Personal representatives", HipaaEdition);

    /// <summary>45 CFR 164.510(b): disclosures to family and friends involved in the patient's care.</summary>
    public static Citation HipaaInvolvedInCare { get; } = new(Hipaa, "164.510(b) Uses and disclosures for involvement in the individual's care", HipaaEdition);

    /// <summary>45 CFR 164.103: "required by law" is a mandate enforceable in court, including court orders, court-ordered warrants, subpoenas issued by a court, grand-jury subpoenas and investigative demands.</summary>
    public static Citation HipaaRequiredByLawDefinition { get; } = new(Hipaa, "164.103 Definitions: required by law", HipaaEdition);

    /// <summary>45 CFR 164.512(a): disclosures required by law, limited to the law's requirements.</summary>
    public static Citation HipaaRequiredByLaw { get; } = new(Hipaa, "164.512(a) Uses and disclosures required by law", HipaaEdition);

    /// <summary>45 CFR 164.512(b)(1)(i): public-health activities.</summary>
    public static Citation HipaaPublicHealth { get; } = new(Hipaa, "164.512(b)(1)(i) Public health activities", HipaaEdition);

    /// <summary>45 CFR 164.512(b)(1)(ii): reports of child abuse or neglect to an authority authorized by law to receive them.</summary>
    public static Citation HipaaChildAbuse { get; } = new(Hipaa, "164.512(b)(1)(ii) Reports of child abuse or neglect", HipaaEdition);

    /// <summary>45 CFR 164.512(c): victims of abuse, neglect or domestic violence; (c)(2) informing the individual.</summary>
    public static Citation HipaaAdultAbuse { get; } = new(Hipaa, "164.512(c) Disclosures about victims of abuse, neglect or domestic violence", HipaaEdition);

    /// <summary>45 CFR 164.512(d): health oversight activities.</summary>
    public static Citation HipaaHealthOversight { get; } = new(Hipaa, "164.512(d) Uses and disclosures for health oversight activities", HipaaEdition);

    /// <summary>45 CFR 164.512(e): judicial and administrative proceedings: an order, or a subpoena with satisfactory assurances.</summary>
    public static Citation HipaaJudicial { get; } = new(Hipaa, "164.512(e) Disclosures for judicial and administrative proceedings", HipaaEdition);

    /// <summary>45 CFR 164.512(f): law-enforcement purposes: legal process ((f)(1)(ii)) and identification and location ((f)(2)).</summary>
    public static Citation HipaaLawEnforcement { get; } = new(Hipaa, "164.512(f) Disclosures for law enforcement purposes", HipaaEdition);

    /// <summary>45 CFR 164.512(g)(1): coroners and medical examiners.</summary>
    public static Citation HipaaDecedents { get; } = new(Hipaa, "164.512(g)(1) Coroners and medical examiners", HipaaEdition);

    /// <summary>45 CFR 164.512(i): research, with an IRB or privacy-board waiver of authorization.</summary>
    public static Citation HipaaResearch { get; } = new(Hipaa, "164.512(i) Uses and disclosures for research purposes", HipaaEdition);

    /// <summary>45 CFR 164.512(j)(1)(i): to avert a serious and imminent threat, to a person reasonably able to prevent or lessen it.</summary>
    public static Citation HipaaSeriousThreat { get; } = new(Hipaa, "164.512(j)(1)(i) Uses and disclosures to avert a serious threat to health or safety", HipaaEdition);

    /// <summary>45 CFR 164.524: the right of access, except psychotherapy notes ((a)(1)(i)); reviewable denial when access may endanger life ((a)(3)(i)).</summary>
    public static Citation HipaaAccess { get; } = new(Hipaa, "164.524 Access of individuals to protected health information", HipaaEdition);

    /// <summary>45 CFR 164.528: accounting of disclosures, six years back, with its exemptions in (a)(1) and the entry in (b)(2).</summary>
    public static Citation HipaaAccounting { get; } = new(Hipaa, "164.528 Accounting of disclosures of protected health information", HipaaEdition);

    /// <summary>42 CFR 2.31 and 2.33: written consent; a single consent may cover all future treatment, payment and health care operations (2.33(a)(2)); SUD counseling notes need a separate consent.</summary>
    public static Citation Part2Consent { get; } = new(Part2, "2.31 Consent requirements; 2.33(a)(2) single consent for treatment, payment and health care operations", Part2Edition);

    /// <summary>42 CFR 2.32: the notice that must accompany each disclosure made with the patient's consent (2024 wording not read).</summary>
    public static Citation Part2RedisclosureNotice { get; } = new(Part2, "2.32 Notice to accompany disclosure (2018 wording read)", Part2Edition);

    /// <summary>42 CFR 2.51: disclosure to medical personnel in a bona fide medical emergency, documented immediately afterwards.</summary>
    public static Citation Part2MedicalEmergency { get; } = new(Part2, "2.51 Medical emergencies", Part2Edition);

    /// <summary>42 CFR 2.61-2.67: only a court order under subpart E, with its findings, authorizes disclosure; a subpoena alone does not (2024 wording not read).</summary>
    public static Citation Part2CourtOrders { get; } = new(Part2, "Subpart E, 2.61 Legal effect of order (earlier wording read)", Part2Edition);

    /// <summary>42 CFR 2.12(c)(6): reports of suspected child abuse and neglect made under state law are outside Part 2's restrictions (read in a secondary source).</summary>
    public static Citation Part2ChildAbuseReports { get; } = new(Part2, "2.12(c)(6) Reports of suspected child abuse and neglect (secondary source)", Part2Edition);

    /// <summary>42 CFR 2.23: patients' access to their own records needs no consent.</summary>
    public static Citation Part2PatientAccess { get; } = new(Part2, "2.23 Patient access and restrictions on use", Part2Edition);

    /// <summary>GDPR Art. 9(1): processing of data concerning health is prohibited unless a 9(2) ground applies.</summary>
    public static Citation GdprProhibition { get; } = new(Gdpr, "Art. 9(1) Processing of special categories of personal data", GdprEdition);

    /// <summary>GDPR Art. 9(2)(a): explicit consent to one or more specified purposes.</summary>
    public static Citation GdprExplicitConsent { get; } = new(Gdpr, "Art. 9(2)(a) Explicit consent", GdprEdition);

    /// <summary>GDPR Art. 9(2)(c): vital interests, where the data subject is physically or legally incapable of giving consent.</summary>
    public static Citation GdprVitalInterests { get; } = new(Gdpr, "Art. 9(2)(c) Vital interests", GdprEdition);

    /// <summary>GDPR Art. 9(2)(f): legal claims, or courts acting in their judicial capacity.</summary>
    public static Citation GdprLegalClaims { get; } = new(Gdpr, "Art. 9(2)(f) Legal claims and courts", GdprEdition);

    /// <summary>GDPR Art. 9(2)(g): substantial public interest, on the basis of Union or Member State law.</summary>
    public static Citation GdprPublicInterest { get; } = new(Gdpr, "Art. 9(2)(g) Substantial public interest", GdprEdition);

    /// <summary>GDPR Art. 9(2)(h) and 9(3): health or social care and its management, by professionals under an obligation of secrecy.</summary>
    public static Citation GdprHealthCare { get; } = new(Gdpr, "Art. 9(2)(h) and 9(3) Health or social care under professional secrecy", GdprEdition);

    /// <summary>GDPR Art. 9(2)(i): public health, on the basis of Union or Member State law.</summary>
    public static Citation GdprPublicHealth { get; } = new(Gdpr, "Art. 9(2)(i) Public health", GdprEdition);

    /// <summary>GDPR Art. 9(2)(j): scientific research under Article 89(1), on the basis of Union or Member State law.</summary>
    public static Citation GdprResearch { get; } = new(Gdpr, "Art. 9(2)(j) Archiving, research and statistics", GdprEdition);

    /// <summary>GDPR Art. 15: the data subject's right of access.</summary>
    public static Citation GdprAccess { get; } = new(Gdpr, "Art. 15 Right of access by the data subject", GdprEdition);

    /// <summary>GDPR Art. 9(4): Member States may add conditions for data concerning health.</summary>
    public static Citation GdprMemberStateConditions { get; } = new(Gdpr, "Art. 9(4) Further conditions under Member State law", GdprEdition);

    /// <summary>GDPR Art. 5(1)(c): personal data adequate, relevant and limited to what is necessary for the purposes.</summary>
    public static Citation GdprDataMinimisation { get; } = new(Gdpr, "Art. 5(1)(c) Data minimisation", GdprEdition);

    /// <summary>Local law configured in the policy without a source: set <see cref="ConfidentialitySettings.StateLawSource"/>.</summary>
    public static Citation LocalLawNotCited { get; } = new("Local law configured in the policy (no source cited)", "ConfidentialitySettings", "TherapeuticAlliance 0.1");
}
