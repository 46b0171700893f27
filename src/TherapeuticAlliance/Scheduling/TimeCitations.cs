using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Scheduling;

/// <summary>The sources behind the time-boundary rules.</summary>
public static class TimeCitations
{
    /// <summary>
    /// Gutheil and Gabbard name time (the start, end and length of sessions) as one of the dimensions of
    /// the professional boundary; they set no numbers, so the tolerances are policy settings.
    /// </summary>
    public static Citation BoundaryDimensionTime { get; } = new(
        "Gutheil TG, Gabbard GO. The concept of boundaries in clinical practice: theoretical and risk-management dimensions. Am J Psychiatry 150(2):188-196",
        "Boundary dimensions: time",
        "1993");

    /// <summary>The psychotherapy time bands of CPT 90832–90838, and that fewer than 16 minutes is not billable.</summary>
    public static Citation PsychotherapyTimeBands { get; } = new(
        "Medicare LCD L35101 Psychiatric Codes (after CPT 2013 psychotherapy codes)",
        "Psychotherapy time: 90832/+90833 16-37 min, 90834/+90836 38-52 min, 90837/+90838 53 min or more; add-on time documented apart from E/M",
        "revision effective 2024-01-01");

    /// <summary>
    /// Rules with no published source: cancellation notice, no-show and double booking are the
    /// clinic's own scheduling policy. The library reports them; the thresholds are the clinic's.
    /// </summary>
    public static Citation ClinicSchedulingPolicy { get; } = new(
        "Clinic scheduling policy (no published rule; thresholds are settings)",
        "TimeBoundarySettings",
        "TherapeuticAlliance 0.1");
}
