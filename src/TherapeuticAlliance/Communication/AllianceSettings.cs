using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Communication;

/// <summary>
/// The thresholds of the reliability (<c>TA.TRUST.*</c>), feedback (<c>TA.COMM.*</c>) and alliance
/// (<c>TA.ALLIANCE.*</c>) rules, each with a documented default. Immutable: derive a changed copy with a
/// <c>with</c> expression (every value is checked again).
/// </summary>
/// <remarks>
/// The SRS drop of 1 point is the PCOMS/OpenFIT alert rule; the SRS cutoff comes from the instrument definition
/// (<see cref="Instruments.Srs"/>). No source sets attendance rates or response times: those defaults are practice
/// defaults, to be set from the clinic's own policy. A later version folds these settings into the boundary policy.
/// </remarks>
public sealed record AllianceSettings
{
    private readonly Duration _attendanceWindow = Duration.FromDays(90);
    private readonly int _minimumAttendanceSample = 4;
    private readonly double _minimumKeptRate = 0.8;
    private readonly double _maximumClinicianCancellationRate = 0.1;
    private readonly double _maximumLateStartRate = 0.1;
    private readonly int _sessionsWithoutFeedback = 3;
    private readonly int _negativeFeedbackSessions = 1;
    private readonly Duration _negativeFeedbackTime = Duration.FromDays(14);
    private readonly decimal _srsDropAlert = 1;
    private readonly string _allianceInstrumentCode = "SRS";
    private readonly AllianceTrendSettings _trend = AllianceTrendSettings.Default;

    /// <summary>Creates settings with every default.</summary>
    public AllianceSettings()
    {
    }

    /// <summary>The defaults.</summary>
    public static AllianceSettings Default { get; } = new();

    /// <summary>How far back the attendance record looks from the as-of instant. Default 90 days (practice default), more than zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public Duration AttendanceWindow
    {
        get => _attendanceWindow;
        init => _attendanceWindow = value > Duration.Zero ? value : throw new ArgumentOutOfRangeException(nameof(AttendanceWindow), "The window must be positive.");
    }

    /// <summary>
    /// The fewest commitments (patient) or appointments and started sessions (clinician) in the window before the
    /// <c>TA.TRUST.*</c> rules judge: fewer say too little. Default 4 (practice default), at least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MinimumAttendanceSample
    {
        get => _minimumAttendanceSample;
        init => _minimumAttendanceSample = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumAttendanceSample), "At least one.");
    }

    /// <summary>The least share of the patient's commitments kept (<c>TA.TRUST.PATIENT_ATTENDANCE</c>); a rate exactly at it passes. Default 0.8 (practice default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 0 and 1.</exception>
    public double MinimumKeptRate { get => _minimumKeptRate; init => _minimumKeptRate = Share(value, nameof(MinimumKeptRate)); }

    /// <summary>The greatest share of appointments the clinician may cancel (<c>TA.TRUST.CLINICIAN_CANCELLATIONS</c>); a rate exactly at it passes. Default 0.1 (practice default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 0 and 1.</exception>
    public double MaximumClinicianCancellationRate { get => _maximumClinicianCancellationRate; init => _maximumClinicianCancellationRate = Share(value, nameof(MaximumClinicianCancellationRate)); }

    /// <summary>
    /// The greatest share of started sessions that may start late for the clinician's part (beyond
    /// <see cref="Scheduling.TimeBoundarySettings.ClinicianLateStartTolerance"/>; <c>TA.TRUST.CLINICIAN_LATE_STARTS</c>); a rate exactly at it passes. Default 0.1 (practice default).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 0 and 1.</exception>
    public double MaximumLateStartRate { get => _maximumLateStartRate; init => _maximumLateStartRate = Share(value, nameof(MaximumLateStartRate)); }

    /// <summary>
    /// How many fulfilled sessions in a row may pass without feedback the clinician asked for before
    /// <c>TA.COMM.FEEDBACK_NOT_ASKED</c> warns: it warns at this many. PCOMS asks at every session (set 1 to follow it
    /// strictly); default 3 (practice default), at least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int SessionsWithoutFeedback
    {
        get => _sessionsWithoutFeedback;
        init => _sessionsWithoutFeedback = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SessionsWithoutFeedback), "At least one session.");
    }

    /// <summary>
    /// Negative feedback must be addressed by the end of this many fulfilled sessions after it was given
    /// (<c>TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED</c>). Default 1: by the end of the next session, where PCOMS discusses scores (practice default). At least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int NegativeFeedbackSessions
    {
        get => _negativeFeedbackSessions;
        init => _negativeFeedbackSessions = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NegativeFeedbackSessions), "At least one session.");
    }

    /// <summary>
    /// Negative feedback must also be addressed within this long after it was given, whichever limit comes first.
    /// Addressing exactly at the limit is in time. Default 14 days (practice default), more than zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public Duration NegativeFeedbackTime
    {
        get => _negativeFeedbackTime;
        init => _negativeFeedbackTime = value > Duration.Zero ? value : throw new ArgumentOutOfRangeException(nameof(NegativeFeedbackTime), "The time must be positive.");
    }

    /// <summary>A fall of this many points or more from the previous SRS alerts (<c>TA.ALLIANCE.SRS_DROP</c>). Default 1 (PCOMS/OpenFIT), more than zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public decimal SrsDropAlert
    {
        get => _srsDropAlert;
        init => _srsDropAlert = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(SrsDropAlert), "The drop must be positive.");
    }

    /// <summary>The instrument whose totals form the alliance trend (<c>TA.ALLIANCE.RUPTURE_UNREPAIRED</c>). Default <c>SRS</c>; <c>WAI-SR</c> also fits.</summary>
    /// <exception cref="ArgumentException">Not a code token.</exception>
    public string AllianceInstrumentCode { get => _allianceInstrumentCode; init => _allianceInstrumentCode = Guard.Against.InvalidCode(value); }

    /// <summary>How ruptures and repairs are found. Default <see cref="AllianceTrendSettings.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public AllianceTrendSettings Trend { get => _trend; init => _trend = Guard.Against.Null(value); }

    private static double Share(double value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, "The share must be between 0 and 1.");
}
