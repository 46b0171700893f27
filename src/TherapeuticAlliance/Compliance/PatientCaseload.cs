using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// Everything one compliance audit looks at for one patient: their appointments, goals, treatment plans,
/// prescriptions, feedback, relationship declarations, authorizations and disclosures, and the clinicians whose
/// treatment of them has ended. The unit <see cref="ComplianceAudit"/> works on.
/// </summary>
/// <remarks>
/// Immutable snapshot: the lists are copied, in the order given, but the aggregates they hold must not change while an
/// audit runs. Every record that names a patient must name this one.
/// </remarks>
public sealed class PatientCaseload
{
    private readonly HashSet<ClinicianId> _terminatedWith;

    /// <summary>Creates a patient's caseload.</summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="appointments">The patient's appointments, with any clinician, in any order.</param>
    /// <param name="goals">The patient's goals.</param>
    /// <param name="plans">The patient's treatment plans, with any clinician.</param>
    /// <param name="prescriptions">Medications prescribed to the patient; empty when none are known.</param>
    /// <param name="feedback">The patient's feedback, to any clinician.</param>
    /// <param name="relationshipDeclarations">Relationships clinicians declared with this patient.</param>
    /// <param name="authorizations">The patient's authorizations, in any status.</param>
    /// <param name="disclosures">Disclosures of the patient's information, made or requested.</param>
    /// <param name="terminatedWith">The clinicians whose treatment of the patient has ended; repeats are ignored.</param>
    /// <exception cref="ArgumentNullException">A list or an item is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="patientId"/> or a clinician id is the default value, or a record belongs to another patient (the
    /// exception names the list it is in).
    /// </exception>
    public PatientCaseload(
        PatientId patientId,
        IEnumerable<Appointment> appointments,
        IEnumerable<Goal> goals,
        IEnumerable<TreatmentPlan> plans,
        IEnumerable<Prescription> prescriptions,
        IEnumerable<Feedback> feedback,
        IEnumerable<RelationshipDeclaration> relationshipDeclarations,
        IEnumerable<Authorization> authorizations,
        IEnumerable<DisclosureRequest> disclosures,
        IEnumerable<ClinicianId> terminatedWith)
    {
        PatientId = Guards.NotDefault(patientId, patientId.Value);
        Appointments = Own(appointments, a => a.PatientId, nameof(appointments));
        Goals = Own(goals, g => g.PatientId, nameof(goals));
        Plans = Own(plans, p => p.PatientId, nameof(plans));
        Prescriptions = Own(prescriptions, p => p.PatientId, nameof(prescriptions));
        Feedback = Own(feedback, f => f.PatientId, nameof(feedback));
        RelationshipDeclarations = Own(relationshipDeclarations, d => d.PatientId, nameof(relationshipDeclarations));
        Authorizations = Own(authorizations, a => a.PatientId, nameof(authorizations));
        Disclosures = Own(disclosures, d => d.PatientId, nameof(disclosures));
        ClinicianId[] ended = [.. Guard.Against.Null(terminatedWith)];
        if (ended.Any(c => c.Value is null))
        {
            throw new ArgumentException("A clinician id is the default value.", nameof(terminatedWith));
        }

        _terminatedWith = [.. ended];
        TerminatedWith = [.. ended.Distinct()];
    }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The patient's appointments, in the order given.</summary>
    public ImmutableArray<Appointment> Appointments { get; }

    /// <summary>The patient's goals.</summary>
    public ImmutableArray<Goal> Goals { get; }

    /// <summary>The patient's treatment plans.</summary>
    public ImmutableArray<TreatmentPlan> Plans { get; }

    /// <summary>The medications prescribed to the patient.</summary>
    public ImmutableArray<Prescription> Prescriptions { get; }

    /// <summary>The patient's feedback.</summary>
    public ImmutableArray<Feedback> Feedback { get; }

    /// <summary>The relationships clinicians declared with this patient.</summary>
    public ImmutableArray<RelationshipDeclaration> RelationshipDeclarations { get; }

    /// <summary>The patient's authorizations.</summary>
    public ImmutableArray<Authorization> Authorizations { get; }

    /// <summary>Disclosures of the patient's information, made or requested.</summary>
    public ImmutableArray<DisclosureRequest> Disclosures { get; }

    /// <summary>The clinicians whose treatment of the patient has ended, each once, in the order first given.</summary>
    public ImmutableArray<ClinicianId> TerminatedWith { get; }

    /// <summary>Whether the treatment of the patient by a clinician has ended.</summary>
    /// <param name="clinicianId">The clinician.</param>
    /// <returns>True when <paramref name="clinicianId"/> is in <see cref="TerminatedWith"/>.</returns>
    public bool IsTerminatedWith(ClinicianId clinicianId) => _terminatedWith.Contains(clinicianId);

    /// <summary>
    /// The members a caseload document gave that the library does not know, by the record (or this caseload) that
    /// held them, so that writing the caseload back keeps them. Null when there are none.
    /// </summary>
    internal IReadOnlyDictionary<object, ImmutableArray<UnknownMember>>? Unknowns { get; set; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"PatientCaseload {PatientId} appointments={Appointments.Length} plans={Plans.Length} declarations={RelationshipDeclarations.Length} disclosures={Disclosures.Length}";

    private ImmutableArray<T> Own<T>(IEnumerable<T> records, Func<T, PatientId> patientOf, string parameterName)
        where T : class
    {
        ImmutableArray<T> all = [.. Guard.Against.Null(records, parameterName)];
        foreach (T record in all)
        {
            if (record is null)
            {
                throw new ArgumentNullException(parameterName, "A record is null.");
            }

            if (patientOf(record) != PatientId)
            {
                throw new ArgumentException("Every record must belong to the caseload's patient.", parameterName);
            }
        }

        return all;
    }
}
