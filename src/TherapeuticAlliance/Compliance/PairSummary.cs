using System;
using System.Diagnostics.Contracts;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// How many verdicts of a report concern one patient-clinician pair, per outcome, passes included. Verdicts about the
/// patient alone (no clinician) have a summary of their own, with a null <see cref="ClinicianId"/>.
/// </summary>
public sealed record PairSummary
{
    internal PairSummary(PatientId patientId, ClinicianId? clinicianId, OutcomeCounts counts)
    {
        PatientId = patientId;
        ClinicianId = clinicianId;
        Pass = counts[Outcome.Pass];
        Warning = counts[Outcome.Warning];
        NeedsReview = counts[Outcome.NeedsReview];
        Violation = counts[Outcome.Violation];
    }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician; null for the verdicts that are about the patient alone.</summary>
    public ClinicianId? ClinicianId { get; }

    /// <summary>The passing verdicts.</summary>
    public long Pass { get; }

    /// <summary>The warnings.</summary>
    public long Warning { get; }

    /// <summary>The verdicts that need review.</summary>
    public long NeedsReview { get; }

    /// <summary>The violations.</summary>
    public long Violation { get; }

    /// <summary>The most severe outcome of the pair's verdicts.</summary>
    public Outcome Worst => OutcomeCounts.Worst(Warning, NeedsReview, Violation);

    /// <summary>The count of one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>How many of the pair's verdicts have it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined.</exception>
    [Pure]
    public long Count(Outcome outcome) => OutcomeCounts.Pick(outcome, Pass, Warning, NeedsReview, Violation);
}
