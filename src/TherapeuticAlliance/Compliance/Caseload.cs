using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// Everything one compliance audit looks at, held in memory: the clinicians and each patient's
/// <see cref="PatientCaseload"/>. For files too large to hold, read patients one at a time instead.
/// </summary>
/// <remarks>Immutable: the lists are copied in the order given. Clinician and patient ids are each unique.</remarks>
public sealed class Caseload
{
    /// <summary>Creates a caseload.</summary>
    /// <param name="clinicians">The clinicians, each once.</param>
    /// <param name="patients">The patients' caseloads, each patient once.</param>
    /// <exception cref="ArgumentNullException">A list or an item is null.</exception>
    /// <exception cref="ArgumentException">A clinician or a patient is given twice.</exception>
    public Caseload(IEnumerable<CaseloadClinician> clinicians, IEnumerable<PatientCaseload> patients)
    {
        Clinicians = [.. Guard.Against.Null(clinicians)];
        Patients = [.. Guard.Against.Null(patients)];
        if (Clinicians.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(clinicians), "A clinician is null.");
        }

        if (Patients.Any(p => p is null))
        {
            throw new ArgumentNullException(nameof(patients), "A patient's caseload is null.");
        }

        if (Clinicians.Select(c => c.Id).Distinct().Count() != Clinicians.Length)
        {
            throw new ArgumentException("A clinician is given more than once.", nameof(clinicians));
        }

        if (Patients.Select(p => p.PatientId).Distinct().Count() != Patients.Length)
        {
            throw new ArgumentException("A patient is given more than once.", nameof(patients));
        }
    }

    /// <summary>The clinicians, in the order given.</summary>
    public ImmutableArray<CaseloadClinician> Clinicians { get; }

    /// <summary>The patients' caseloads, in the order given.</summary>
    public ImmutableArray<PatientCaseload> Patients { get; }

    /// <summary>The number of appointments across all patients.</summary>
    public int AppointmentCount => Patients.Sum(p => p.Appointments.Length);

    /// <summary>The members a caseload document gave, at its root or in a clinician, that the library does not know: kept for writing back.</summary>
    internal IReadOnlyDictionary<object, ImmutableArray<Internal.UnknownMember>>? Unknowns { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"Caseload clinicians={Clinicians.Length} patients={Patients.Length} appointments={AppointmentCount}";
}
