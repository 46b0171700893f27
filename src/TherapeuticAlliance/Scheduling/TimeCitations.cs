using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Scheduling;

/// <summary>The sources behind the time-boundary rules.</summary>
public static class TimeCitations
{
    /// <summary>
    /// Gutheil and Gabbard name time (the start, end and length of sessions) as one of the dimensions of
    /// the clinician's professional boundary; they set no numbers, so the tolerances are policy settings.
    /// Read in a reproduction, not the journal.
    /// </summary>
    public static Citation BoundaryDimensionTime { get; } = new(
        "Gutheil TG, Gabbard GO. The concept of boundaries in clinical practice: theoretical and risk-management dimensions. Am J Psychiatry 150(2):188-196 (as reproduced by K. S. Pope)",
        "Boundary dimensions: time",
        "1993");

    /// <summary>
    /// The psychotherapy time bands of CPT 90832–90838, that fewer than 16 minutes is not billable, and that the
    /// add-on codes go with a separately identifiable E/M service. A Medicare contractor's LCD: it binds claims in
    /// that contractor's jurisdictions; other payers may differ.
    /// </summary>
    public static Citation PsychotherapyTimeBands { get; } = new(
        "Novitas Solutions (Medicare Administrative Contractor), LCD L35101 Psychiatric Codes, after the CPT 2013 psychotherapy codes",
        "Psychotherapy time: 90832/+90833 16-37 min, 90834/+90836 38-52 min, 90837/+90838 53 min or more; add-on codes only with a separate E/M",
        "revision effective 2024-01-01, as read 2026-11-27");

    /// <summary>
    /// When psychotherapy is billed with an E/M service, the psychotherapy time must be documented apart from the
    /// E/M time; one total for both is a billing error.
    /// </summary>
    public static Citation PsychotherapyTimeDocumentation { get; } = new(
        "CMS Comprehensive Error Rate Testing (CERT) findings, as summarised by the Texas Medical Association",
        "Psychotherapy with E/M: time documented separately",
        "as read 2026-11-27");

    /// <summary>
    /// Rules with no published source: cancellation notice, no-show and double booking are the
    /// clinic's own scheduling policy. The library reports them; the thresholds are the clinic's.
    /// </summary>
    public static Citation ClinicSchedulingPolicy { get; } = new(
        "Clinic scheduling policy (no published rule; thresholds are settings)",
        "TimeBoundarySettings",
        "TherapeuticAlliance 0.1");
}
