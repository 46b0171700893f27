using System;
using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds a <see cref="Caseload"/>: clinicians and patients' caseloads, held in memory. By default: no patients and no
/// clinicians. Each clinician a patient's records name (appointments, plans, prescriptions, feedback, declarations and
/// ended treatments) who was not added with <see cref="WithClinician"/> is added as a psychiatrist, so a caseload built
/// from patients alone names every clinician it refers to.
/// </summary>
/// <remarks>
/// Clinicians keep the order they were added in, then the named ones in the order the patients first name them; patients
/// keep the order they were added in. Each patient must be added once: two patients with the same id (for example two
/// <see cref="PatientCaseloadBuilder"/>s both left at <c>p-1</c>) make <see cref="Build"/> throw the library's
/// <see cref="ArgumentException"/>. Mutable; not thread-safe.
/// </remarks>
public sealed class CaseloadBuilder
{
    private readonly List<CaseloadClinician> _clinicians = [];
    private readonly List<Func<PatientCaseload>> _patients = [];

    /// <summary>Adds a clinician with a profession; a clinician added twice makes <see cref="Build"/> throw.</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <param name="profession">The licensed profession (default psychiatrist).</param>
    /// <returns>This builder.</returns>
    public CaseloadBuilder WithClinician(string clinicianId, ClinicianProfession profession = ClinicianProfession.Psychiatrist)
    {
        _clinicians.Add(new CaseloadClinician(new ClinicianId(Guard.Against.Null(clinicianId)), profession));
        return this;
    }

    /// <summary>Adds a patient's caseload, built when the caseload is built.</summary>
    /// <param name="patient">The patient's caseload builder.</param>
    /// <returns>This builder.</returns>
    public CaseloadBuilder WithPatient(PatientCaseloadBuilder patient)
    {
        Guard.Against.Null(patient);
        _patients.Add(patient.Build);
        return this;
    }

    /// <summary>Adds a patient's caseload as it is.</summary>
    /// <param name="patient">The patient's caseload.</param>
    /// <returns>This builder.</returns>
    public CaseloadBuilder WithPatient(PatientCaseload patient)
    {
        Guard.Against.Null(patient);
        _patients.Add(() => patient);
        return this;
    }

    /// <summary>Builds the patients' caseloads, then the caseload, adding the clinicians the patients name.</summary>
    /// <returns>The caseload.</returns>
    /// <exception cref="ArgumentException">A clinician or a patient is given twice, or a patient's caseload cannot be built.</exception>
    /// <exception cref="DomainRuleException">A nested builder's overrides ask for a history the library refuses.</exception>
    public Caseload Build()
    {
        PatientCaseload[] patients = [.. _patients.Select(p => p())];
        var known = new HashSet<ClinicianId>(_clinicians.Select(c => c.Id));
        var clinicians = new List<CaseloadClinician>(_clinicians);
        foreach (ClinicianId named in patients.SelectMany(NamedClinicians))
        {
            if (known.Add(named))
            {
                clinicians.Add(new CaseloadClinician(named, ClinicianProfession.Psychiatrist));
            }
        }

        return new Caseload(clinicians, patients);
    }

    private static IEnumerable<ClinicianId> NamedClinicians(PatientCaseload patient) =>
    [
        .. patient.Appointments.Select(a => a.ClinicianId),
        .. patient.Plans.Select(p => p.ClinicianId),
        .. patient.Prescriptions.Select(p => p.PrescriberId),
        .. patient.Feedback.Select(f => f.ClinicianId),
        .. patient.RelationshipDeclarations.Select(d => d.ClinicianId),
        .. patient.TerminatedWith,
    ];
}
