using System;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>
/// Why information would be disclosed. Each purpose is the ground of one permission in the law, and maps to an HL7 v3
/// PurposeOfUse code where one exists (<see cref="ConfidentialityCodes.PurposeOfUse"/>).
/// </summary>
public enum DisclosurePurpose
{
    /// <summary>Treatment of the patient (<c>TREAT</c>; HIPAA 164.506).</summary>
    Treatment = 0,

    /// <summary>Payment for care (<c>HPAYMT</c>; HIPAA 164.506).</summary>
    Payment = 1,

    /// <summary>Health care operations (<c>HOPERAT</c>; HIPAA 164.506): quality, management, legal services, auditing.</summary>
    HealthCareOperations = 2,

    /// <summary>Training of students or practitioners, a health care operation (<c>TRAIN</c>).</summary>
    Training = 3,

    /// <summary>The patient's own request for their information (<c>PATRQT</c>; HIPAA 164.524).</summary>
    PatientRequest = 4,

    /// <summary>Sharing with family or friends involved in the patient's care (<c>FAMRQT</c>; HIPAA 164.510(b)).</summary>
    FamilyInvolvement = 5,

    /// <summary>A judicial or administrative proceeding (<c>HLEGAL</c>; HIPAA 164.512(e)).</summary>
    JudicialProceeding = 6,

    /// <summary>A law-enforcement purpose (HIPAA 164.512(f); no v3 PurposeOfUse code).</summary>
    LawEnforcement = 7,

    /// <summary>A disclosure a law requires (HIPAA 164.512(a); no v3 PurposeOfUse code).</summary>
    RequiredByLaw = 8,

    /// <summary>Public-health activities (<c>PUBHLTH</c>; HIPAA 164.512(b)(1)(i)).</summary>
    PublicHealth = 9,

    /// <summary>A report of child abuse or neglect (HIPAA 164.512(b)(1)(ii); no v3 PurposeOfUse code).</summary>
    ChildAbuseReport = 10,

    /// <summary>A report of abuse, neglect or domestic violence against an adult (HIPAA 164.512(c); no v3 PurposeOfUse code).</summary>
    AdultAbuseReport = 11,

    /// <summary>Health oversight: audits, investigations, licensure (<c>HCOMPL</c>; HIPAA 164.512(d)).</summary>
    HealthOversight = 12,

    /// <summary>An HHS compliance review or investigation (HIPAA 164.502(a)(2)(ii); no v3 PurposeOfUse code).</summary>
    ComplianceInvestigation = 13,

    /// <summary>A coroner's or medical examiner's work about a decedent (<c>HDECD</c>; HIPAA 164.512(g)(1)).</summary>
    DecedentInvestigation = 14,

    /// <summary>Preventing or lessening a serious threat to a person or the public (<c>THREAT</c>; HIPAA 164.512(j)).</summary>
    Threat = 15,

    /// <summary>Research (<c>HRESCH</c>; HIPAA 164.512(i) or an authorization).</summary>
    Research = 16,

    /// <summary>Marketing (<c>HMARKT</c>; HIPAA 164.508(a)(3): always needs an authorization).</summary>
    Marketing = 17,
}

/// <summary>Who would receive the information.</summary>
public enum RecipientRole
{
    /// <summary>The patient.</summary>
    Patient = 0,

    /// <summary>A person with authority to act for the patient in health care (HIPAA 164.502(g)): a parent of a minor, a guardian, a health-care agent.</summary>
    PersonalRepresentative = 1,

    /// <summary>A health care provider treating the patient, in the practice or elsewhere.</summary>
    TreatingProvider = 2,

    /// <summary>A health plan or other payer.</summary>
    HealthPlan = 3,

    /// <summary>A business associate acting for the practice under a contract (HIPAA 164.502(e)).</summary>
    BusinessAssociate = 4,

    /// <summary>A family member, relative or friend involved in the patient's care or its payment.</summary>
    FamilyOrFriend = 5,

    /// <summary>A court or administrative tribunal.</summary>
    CourtOrTribunal = 6,

    /// <summary>A party to a legal proceeding or its attorney.</summary>
    LitigationParty = 7,

    /// <summary>A law-enforcement official.</summary>
    LawEnforcement = 8,

    /// <summary>A public-health authority.</summary>
    PublicHealthAuthority = 9,

    /// <summary>A government authority authorized by law to receive reports of abuse, neglect or domestic violence.</summary>
    AbuseReportingAuthority = 10,

    /// <summary>A health-oversight agency.</summary>
    HealthOversightAgency = 11,

    /// <summary>The Secretary of Health and Human Services.</summary>
    HhsSecretary = 12,

    /// <summary>A coroner or medical examiner.</summary>
    CoronerOrMedicalExaminer = 13,

    /// <summary>A person threatened by the patient, or another person able to prevent or lessen the threat.</summary>
    PotentialVictim = 14,

    /// <summary>A researcher.</summary>
    Researcher = 15,

    /// <summary>Anyone else (an employer, a marketer, a school).</summary>
    Other = 16,
}

/// <summary>
/// Kinds of health information, as sensitivity labels (HL7 v3 ActCode where one exists; see
/// <see cref="ConfidentialityCodes.SecurityLabels"/>). A request or an authorization names a set of them.
/// </summary>
/// <remarks>
/// The split follows HIPAA's definition of psychotherapy notes (164.501): medication, session start and stop times,
/// test results and summaries of diagnosis, plan, symptoms, prognosis and progress are never psychotherapy notes, so
/// they are categories of their own.
/// </remarks>
[Flags]
public enum DataCategories
{
    /// <summary>No information.</summary>
    None = 0,

    /// <summary>Identifying and locating data: name, address, date of birth, identifiers.</summary>
    Demographics = 1,

    /// <summary>Appointment facts: dates, session start and stop times, attendance.</summary>
    Appointments = 1 << 1,

    /// <summary>Diagnoses.</summary>
    Diagnoses = 1 << 2,

    /// <summary>Medication prescribed and monitored.</summary>
    Medications = 1 << 3,

    /// <summary>Results of clinical tests.</summary>
    TestResults = 1 << 4,

    /// <summary>The treatment plan and summaries of symptoms, functional status, prognosis and progress.</summary>
    TreatmentSummary = 1 << 5,

    /// <summary>Other mental-health record content, such as progress notes kept in the record (label <c>PSY</c>).</summary>
    MentalHealthRecords = 1 << 6,

    /// <summary>Psychotherapy notes kept apart from the record (label <c>PSYTHPN</c>; HIPAA 164.501).</summary>
    PsychotherapyNotes = 1 << 7,

    /// <summary>Records of a federally assisted substance-use-disorder program (label <c>SUD</c>; older systems use <c>ETH</c>; 42 CFR Part 2).</summary>
    SubstanceUseRecords = 1 << 8,

    /// <summary>SUD counseling notes kept apart from the record (42 CFR 2.11, 2024 rule).</summary>
    SubstanceUseCounselingNotes = 1 << 9,

    /// <summary>HIV status and tests (label <c>HIV</c>): many states require a specific authorization.</summary>
    Hiv = 1 << 10,
}

/// <summary>The legal process behind a request, if any.</summary>
public enum LegalInstrument
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>An order of a court or administrative tribunal.</summary>
    CourtOrder = 1,

    /// <summary>A court-ordered warrant, or a subpoena or summons issued by a judicial officer.</summary>
    Warrant = 2,

    /// <summary>A grand-jury subpoena.</summary>
    GrandJurySubpoena = 3,

    /// <summary>A subpoena or discovery request with satisfactory assurance that the patient was given notice (HIPAA 164.512(e)(1)(ii)(A)).</summary>
    SubpoenaWithNoticeAssurance = 4,

    /// <summary>A subpoena or discovery request with satisfactory assurance of a qualified protective order (HIPAA 164.512(e)(1)(ii)(B)).</summary>
    SubpoenaWithProtectiveOrder = 5,

    /// <summary>A subpoena or discovery request with neither an order nor satisfactory assurances.</summary>
    BareSubpoena = 6,

    /// <summary>An administrative request (such as a civil investigative demand) meeting HIPAA 164.512(f)(1)(ii)(C): relevant and material, specific and limited, de-identified data would not do.</summary>
    AdministrativeRequest = 7,

    /// <summary>A court order that makes the findings 42 CFR Part 2 subpart E requires for substance-use-disorder records.</summary>
    Part2CourtOrder = 8,
}

/// <summary>Facts about the request that the law's conditions turn on, as the host asserts them.</summary>
[Flags]
public enum DisclosureFacts
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Disclosure is believed in good faith to be necessary to prevent or lessen a serious and imminent threat to health or safety (HIPAA 164.512(j)(1)(i)(A)).</summary>
    SeriousAndImminentThreat = 1,

    /// <summary>The recipient is reasonably able to prevent or lessen the threat (HIPAA 164.512(j)(1)(i)(B)); implied for <see cref="RecipientRole.PotentialVictim"/>.</summary>
    RecipientCanPreventThreat = 1 << 1,

    /// <summary>The patient agreed (HIPAA 164.510(b), 164.512(c)(1)(ii)).</summary>
    PatientAgreed = 1 << 2,

    /// <summary>The patient objected (HIPAA 164.510(b)).</summary>
    PatientObjected = 1 << 3,

    /// <summary>The patient cannot agree or object: absent, incapacitated, or in an emergency (HIPAA 164.510(b)(3); GDPR Art. 9(2)(c)).</summary>
    PatientIncapable = 1 << 4,

    /// <summary>A law requires this report (HIPAA 164.512(c)(1)(i)).</summary>
    ReportRequiredByLaw = 1 << 5,

    /// <summary>Telling the patient about an abuse report would put them at risk of serious harm, or would tell the person believed responsible (HIPAA 164.512(c)(2)).</summary>
    PatientNoticeWouldEndanger = 1 << 6,

    /// <summary>The notes' originator uses them to treat the patient (HIPAA 164.508(a)(2)(i)(A)).</summary>
    OriginatorTreatment = 1 << 7,

    /// <summary>Use in the practice's supervised mental-health training program (HIPAA 164.508(a)(2)(i)(B)).</summary>
    SupervisedTraining = 1 << 8,

    /// <summary>The practice defends itself in a legal action or other proceeding the patient brought (HIPAA 164.508(a)(2)(i)(C)).</summary>
    DefendingActionByPatient = 1 << 9,

    /// <summary>Health oversight of the notes' originator (HIPAA 164.508(a)(2)(ii), 164.512(d)).</summary>
    OversightOfOriginator = 1 << 10,

    /// <summary>A bona fide medical emergency in which the patient's consent cannot be obtained (42 CFR 2.51).</summary>
    MedicalEmergency = 1 << 11,

    /// <summary>A law-enforcement request to identify or locate a suspect, fugitive, witness or missing person (HIPAA 164.512(f)(2)).</summary>
    IdentificationRequest = 1 << 12,

    /// <summary>The minor patient lawfully consented to this care alone and no other consent was required (HIPAA 164.502(g)(3)(i)(A)).</summary>
    MinorConsentedAlone = 1 << 13,

    /// <summary>A court, or a person the law names, consented to the minor's care (HIPAA 164.502(g)(3)(i)(B)).</summary>
    MinorCareCourtAuthorized = 1 << 14,

    /// <summary>The parent agreed that the minor's care would be confidential (HIPAA 164.502(g)(3)(i)(C)).</summary>
    ParentAgreedToConfidentiality = 1 << 15,

    /// <summary>The clinician reasonably believes the representative abused or neglected the patient, or that treating them as representative could endanger the patient (HIPAA 164.502(g)(5)).</summary>
    RepresentativeMayEndanger = 1 << 16,

    /// <summary>Access is reasonably likely to endanger the life or physical safety of the patient or another person (HIPAA 164.524(a)(3)(i)).</summary>
    AccessMayEndangerLife = 1 << 17,
}
