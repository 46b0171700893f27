using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <summary>One verdict of an audit with the patient and, when it is about a pair, the clinician it concerns.</summary>
/// <remarks>Holds ids and codes only, like the verdict itself. Equality compares all three parts.</remarks>
public sealed record AuditFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="patientId">The patient the verdict concerns.</param>
    /// <param name="clinicianId">The clinician of the patient-clinician pair it concerns; null when it is not about a pair.</param>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="ArgumentException">An id or the verdict is the default value.</exception>
    public AuditFinding(PatientId patientId, ClinicianId? clinicianId, Verdict verdict)
    {
        PatientId = Internal.Guards.NotDefault(patientId, patientId.Value);
        ClinicianId = clinicianId is { } clinician ? Internal.Guards.NotDefault(clinician, clinician.Value, nameof(clinicianId)) : null;
        if (verdict.Code.Value is null)
        {
            throw new ArgumentException("The verdict is the default value.", nameof(verdict));
        }

        Verdict = verdict;
    }

    /// <summary>The patient the verdict concerns.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician of the pair the verdict concerns; null when it is not about a pair.</summary>
    public ClinicianId? ClinicianId { get; }

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; }
}
