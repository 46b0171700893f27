using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Communication;

/// <summary>The sources behind the reliability, feedback and alliance rules.</summary>
public static class AllianceCitations
{
    /// <summary>
    /// PCOMS as implemented by OpenFIT: the SRS is asked for at every session and discussed openly with the client; an SRS
    /// below its cutoff, or one point or more below the previous session, is a red alert; an ORS below the expected
    /// treatment response's lower bound (nTarget) is red, below its target orange.
    /// </summary>
    public static Citation PcomsAlertRules { get; } = new(
        "Partners for Change Outcome Management System (PCOMS); alert rules as documented by the OpenFIT knowledge base", "SRS and ORS alerts; expected treatment response", "as documented 2024");

    /// <summary>
    /// Eubanks, Muran and Safran (2018), meta-analysis: ruptures that were repaired went with better outcomes than
    /// unrepaired ruptures, and than no ruptures.
    /// </summary>
    public static Citation EubanksRuptureRepair { get; } = new(
        "Eubanks CF, Muran JC, Safran JD. Alliance rupture repair: a meta-analysis. Psychotherapy 55(4):508-519", "Rupture repair and outcome", "2018");

    /// <summary>
    /// Rules the library enforces as the clinic's reliability policy, with no published threshold verified behind
    /// them: both parties keep appointments and start on time.
    /// </summary>
    public static Citation ClinicReliabilityPolicy { get; } = new(
        "Clinic reliability policy (no published threshold verified)", "AllianceSettings; AttendanceRecord", "TherapeuticAlliance 0.1");
}
