using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Planning;

/// <summary>The sources behind the planning rules.</summary>
public static class PlanningCitations
{
    /// <summary>Counselors and clients devise plans jointly and regularly review and revise them, respecting the client's freedom of choice.</summary>
    public static Citation AcaCounselingPlans { get; } = new("ACA Code of Ethics", "A.1.c Counseling Plans", "2014");

    /// <summary>
    /// Behavioral health care: monitor each individual's progress toward their goals with a standardized tool (EP 1),
    /// and use the data to inform the goals and objectives of the individual plan (EP 2).
    /// </summary>
    public static Citation JointCommissionProgressMeasurement { get; } = new(
        "The Joint Commission, Comprehensive Accreditation Manual for Behavioral Health Care", "CTS.03.01.09 EP 1-2", "effective 2018-01-01");

    /// <summary>
    /// Informed consent: before the patient agrees, the physician presents the diagnosis (when known), the nature and
    /// purpose of the recommended interventions, and the burdens, risks and benefits of all options, including forgoing treatment.
    /// </summary>
    public static Citation AmaInformedConsent { get; } = new("AMA Code of Medical Ethics", "Opinion 2.1.1 Informed Consent, (b)", "current opinion");

    /// <summary>
    /// Rules the library enforces as the clinic's treatment-planning policy, with no published rule verified behind
    /// them: a medication is prescribed as part of the plan.
    /// </summary>
    public static Citation ClinicPlanningPolicy { get; } = new(
        "Clinic treatment-planning policy (no published rule verified)", "PlanningSettings; TreatmentPlan", "TherapeuticAlliance 0.1");
}
