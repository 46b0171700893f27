using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Scheduling;

/// <summary>The codes of the time-boundary rules (<c>TA.TIME.*</c>).</summary>
public static class TimeRuleCodes
{
    /// <summary>The session started late for reasons attributable to the clinician.</summary>
    public static RuleCode ClinicianLateStart { get; } = new("TA.TIME.CLINICIAN_LATE_START");

    /// <summary>The session ran past its scheduled end.</summary>
    public static RuleCode Overrun { get; } = new("TA.TIME.OVERRUN");

    /// <summary>The session was shorter than the minimum for its kind.</summary>
    public static RuleCode ShortSession { get; } = new("TA.TIME.SHORT_SESSION");

    /// <summary>The patient arrived late.</summary>
    public static RuleCode PatientLate { get; } = new("TA.TIME.PATIENT_LATE");

    /// <summary>The appointment was cancelled (by either party) with less than the notice period.</summary>
    public static RuleCode LateCancellation { get; } = new("TA.TIME.LATE_CANCELLATION");

    /// <summary>The patient did not come.</summary>
    public static RuleCode NoShow { get; } = new("TA.TIME.NO_SHOW");

    /// <summary>Two bookings of the same clinician or the same patient overlap.</summary>
    public static RuleCode DoubleBooking { get; } = new("TA.TIME.DOUBLE_BOOKING");

    /// <summary>A billed psychotherapy code does not match the psychotherapy minutes.</summary>
    public static RuleCode CptBand { get; } = new("TA.TIME.CPT_BAND");
}
