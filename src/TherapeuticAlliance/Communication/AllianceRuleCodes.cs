using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Communication;

/// <summary>The codes of the reliability (<c>TA.TRUST.*</c>), feedback (<c>TA.COMM.*</c>) and alliance (<c>TA.ALLIANCE.*</c>) rules over an <see cref="AllianceHistory"/>.</summary>
public static class AllianceRuleCodes
{
    /// <summary>The patient kept too small a share of their appointments: a prompt for a conversation, not a penalty.</summary>
    public static RuleCode PatientAttendance { get; } = new("TA.TRUST.PATIENT_ATTENDANCE");

    /// <summary>The clinician cancelled too large a share of the appointments.</summary>
    public static RuleCode ClinicianCancellations { get; } = new("TA.TRUST.CLINICIAN_CANCELLATIONS");

    /// <summary>Too large a share of sessions started late for the clinician's part.</summary>
    public static RuleCode ClinicianLateStarts { get; } = new("TA.TRUST.CLINICIAN_LATE_STARTS");

    /// <summary>Too many sessions in a row passed without feedback the clinician asked for.</summary>
    public static RuleCode FeedbackNotAsked { get; } = new("TA.COMM.FEEDBACK_NOT_ASKED");

    /// <summary>Negative feedback was not addressed in time.</summary>
    public static RuleCode NegativeFeedbackUnaddressed { get; } = new("TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED");

    /// <summary>An SRS total was below its cutoff.</summary>
    public static RuleCode SrsBelowCutoff { get; } = new("TA.ALLIANCE.SRS_BELOW_CUTOFF");

    /// <summary>An SRS total fell from the previous one by the alert amount or more.</summary>
    public static RuleCode SrsDrop { get; } = new("TA.ALLIANCE.SRS_DROP");

    /// <summary>A rupture in the alliance was not repaired within the repair window.</summary>
    public static RuleCode RuptureUnrepaired { get; } = new("TA.ALLIANCE.RUPTURE_UNREPAIRED");

    /// <summary>An ORS score was below the expected treatment response.</summary>
    public static RuleCode OrsNotOnTrack { get; } = new("TA.ALLIANCE.ORS_NOT_ON_TRACK");
}
