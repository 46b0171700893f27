using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Boundaries;

/// <summary>
/// The sources behind the dual-relationship standards of the presets. Sections read only in a reproduction, or whose
/// wording was not retrieved, say so in their section text: check them against the current code before relying on them.
/// </summary>
public static class BoundaryCitations
{
    private const string Ama = "AMA Code of Medical Ethics";
    private const string ApaPsychology = "APA Ethical Principles of Psychologists and Code of Conduct";
    private const string ApaEdition = "2002, amended 2010 and 2016";
    private const string Aca = "ACA Code of Ethics";
    private const string Nasw = "NASW Code of Ethics";
    private const string NaswEdition = "2021 revision";

    /// <summary>AMA 9.1.1: romantic or sexual interaction with a current patient is unethical; a relationship with a former patient is unethical if it exploits the trust, knowledge or influence of the professional relationship.</summary>
    public static Citation AmaSexualRelationships { get; } = new(Ama, "Opinion 9.1.1 Romantic or Sexual Relationships with Patients", "current opinion");

    /// <summary>AMA 9.1.2: romantic or sexual relationships with key third parties (a patient's spouse, partner, parent or guardian) call for judgement about exploitation.</summary>
    public static Citation AmaKeyThirdParties { get; } = new(Ama, "Opinion 9.1.2 Romantic or Sexual Relationships with Key Third Parties", "current opinion");

    /// <summary>AMA 1.2.1: physicians generally should not treat themselves or members of their own family; emergencies and short-term minor problems excepted, documented and the primary physician informed.</summary>
    public static Citation AmaTreatingFamily { get; } = new(Ama, "Opinion 1.2.1 Treating Self or Members of the Physician's Own Family", "current opinion");

    /// <summary>AMA 1.2.8: gifts from patients, judged by their value and their effect on the relationship and care.</summary>
    public static Citation AmaGifts { get; } = new(Ama, "Opinion 1.2.8 Gifts from Patients", "current opinion");

    /// <summary>AMA guidance on professionalism in social media (opinion number not verified).</summary>
    public static Citation AmaSocialMedia { get; } = new(Ama, "Opinion on professionalism in the use of social media (number not verified)", "current opinion");

    /// <summary>
    /// The American Psychiatric Association's annotations: sexual activity with a current or former patient is unethical,
    /// so a relationship with a former psychiatric patient is never permitted.
    /// </summary>
    public static Citation PsychiatricAnnotations { get; } = new(
        "American Psychiatric Association, The Principles of Medical Ethics with Annotations Especially Applicable to Psychiatry",
        "Section 2, Annotation 1 (current or former patient)", "2013 edition; wording not retrieved, as reported by Psychiatric News 2023");

    /// <summary>Gutheil and Gabbard: boundary dimensions (role, time, place, money, gifts and services, self-disclosure); crossings call for judgement, violations exploit or harm.</summary>
    public static Citation GutheilGabbardBoundaries { get; } = new(
        "Gutheil TG, Gabbard GO. The concept of boundaries in clinical practice. Am J Psychiatry 150:188-196", "Boundary dimensions; crossings and violations", "1993");

    /// <summary>APA 3.05: multiple relationships, unethical when they could reasonably be expected to impair objectivity or risk exploitation or harm; others are not unethical.</summary>
    public static Citation ApaMultipleRelationships { get; } = new(ApaPsychology, "3.05 Multiple Relationships", ApaEdition);

    /// <summary>APA 6.05: barter only if not clinically contraindicated and not exploitative.</summary>
    public static Citation ApaBarter { get; } = new(ApaPsychology, "6.05 Barter With Clients/Patients (wording not retrieved)", ApaEdition);

    /// <summary>APA 10.05: no sexual intimacies with current therapy clients.</summary>
    public static Citation ApaSexualCurrent { get; } = new(ApaPsychology, "10.05 Sexual Intimacies With Current Therapy Clients/Patients", ApaEdition);

    /// <summary>APA 10.06: no sexual intimacies with known relatives, guardians or significant others of current clients.</summary>
    public static Citation ApaSexualRelatives { get; } = new(ApaPsychology, "10.06 Sexual Intimacies With Relatives or Significant Others of Current Therapy Clients/Patients", ApaEdition);

    /// <summary>APA 10.07: no therapy with former sexual partners.</summary>
    public static Citation ApaFormerPartners { get; } = new(ApaPsychology, "10.07 Therapy With Former Sexual Partners", ApaEdition);

    /// <summary>APA 10.08: not for at least two years after termination, and after that only in the most unusual circumstances, weighing the 10.08(b) factors.</summary>
    public static Citation ApaSexualFormer { get; } = new(ApaPsychology, "10.08 Sexual Intimacies With Former Therapy Clients/Patients (a), (b)", ApaEdition);

    /// <summary>ACA A.5.a: sexual or romantic relationships with current clients, their romantic partners or family members are prohibited.</summary>
    public static Citation AcaCurrentClients { get; } = new(Aca, "A.5.a Sexual and/or Romantic Relationships Prohibited", "2014");

    /// <summary>ACA A.5.b: counselors do not counsel persons with whom they had a sexual or romantic relationship.</summary>
    public static Citation AcaPreviousPartners { get; } = new(Aca, "A.5.b Previous Sexual and/or Romantic Relationships", "2014");

    /// <summary>ACA A.5.c: prohibited for 5 years after the last professional contact, also with the former client's partners and family; afterwards, documented forethought about exploitation and harm.</summary>
    public static Citation AcaFormerClients { get; } = new(Aca, "A.5.c Sexual and/or Romantic Relationships With Former Clients", "2014");

    /// <summary>ACA A.5.d: no counseling of friends or family members with whom counselors cannot remain objective.</summary>
    public static Citation AcaFriendsOrFamily { get; } = new(Aca, "A.5.d Friends or Family Members", "2014");

    /// <summary>ACA A.5.e: personal virtual relationships with current clients are prohibited.</summary>
    public static Citation AcaVirtualRelationships { get; } = new(Aca, "A.5.e Personal Virtual Relationships With Current Clients", "2014");

    /// <summary>
    /// ACA A.6.b-c: extending boundaries with clients and those significantly involved with them, weighing risks and
    /// benefits; A.6.c: documenting the rationale, potential benefit and anticipated consequences, before the
    /// interaction when feasible (read in a reproduction).
    /// </summary>
    public static Citation AcaExtendingBoundaries { get; } = new(Aca, "A.6.b Extending Counseling Boundaries; A.6.c Documenting Boundary Extensions (read in a reproduction)", "2014");

    /// <summary>ACA A.6.e: nonprofessional interactions with former clients, avoided when potentially harmful.</summary>
    public static Citation AcaFormerClientInteractions { get; } = new(Aca, "A.6.e Nonprofessional Interactions or Relationships", "2014");

    /// <summary>ACA A.10.e: barter only at the client's request, without exploitation or harm, where it is the community's norm, with a written contract (read in a reproduction).</summary>
    public static Citation AcaBarter { get; } = new(Aca, "A.10.e Bartering (read in a reproduction)", "2014");

    /// <summary>ACA A.10.f: gifts, weighing the relationship, the value, and both parties' motivation.</summary>
    public static Citation AcaGifts { get; } = new(Aca, "A.10.f Receiving Gifts", "2014");

    /// <summary>NASW 1.06(c): no dual or multiple relationships with a risk of exploitation or harm; where unavoidable, clear boundaries.</summary>
    public static Citation NaswDualRelationships { get; } = new(Nasw, "1.06(c) Conflicts of Interest: dual or multiple relationships", NaswEdition);

    /// <summary>NASW 1.06(e)-(h): personal relationships and communication with clients through technology and social media.</summary>
    public static Citation NaswTechnology { get; } = new(Nasw, "1.06(e)-(h) Conflicts of Interest: technology and social media", NaswEdition);

    /// <summary>
    /// NASW 1.13(b): barter only when it is an accepted practice in the local community, essential for the services,
    /// negotiated without coercion, at the client's initiative and with informed consent; the social worker bears the burden.
    /// </summary>
    public static Citation NaswBarter { get; } = new(Nasw, "1.13(b) Payment for Services: bartering (read in a secondary source)", NaswEdition);

    /// <summary>NASW 1.09(a): no sexual activity with current clients.</summary>
    public static Citation NaswSexualCurrent { get; } = new(Nasw, "1.09(a) Sexual Relationships: current clients", NaswEdition);

    /// <summary>NASW 1.09(b): not with clients' relatives or close personal acquaintances when there is a risk of exploitation or harm.</summary>
    public static Citation NaswSexualRelatives { get; } = new(Nasw, "1.09(b) Sexual Relationships: clients' relatives and acquaintances", NaswEdition);

    /// <summary>NASW 1.09(c): not with former clients; a social worker claiming extraordinary circumstances bears the full burden.</summary>
    public static Citation NaswSexualFormer { get; } = new(Nasw, "1.09(c) Sexual Relationships: former clients", NaswEdition);

    /// <summary>NASW 1.09(d): no clinical services to former sexual partners.</summary>
    public static Citation NaswFormerPartners { get; } = new(Nasw, "1.09(d) Sexual Relationships: former sexual partners", NaswEdition);

    /// <summary>Where no published rule was verified for a profession's situation: the practice's own boundary policy.</summary>
    public static Citation ClinicBoundaryPolicy { get; } = new("Clinic boundary policy (no published rule verified)", "DualRelationshipSettings", "TherapeuticAlliance 0.1");
}
