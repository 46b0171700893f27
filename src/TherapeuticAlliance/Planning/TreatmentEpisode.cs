using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Planning;

/// <summary>A medication prescribed to a patient by a clinician, as the host's prescribing system records it.</summary>
/// <remarks>
/// Ids and codes only. Checked by <c>TA.FOCUS.MEDICATION_OUTSIDE_PLAN</c> against the plan of the clinician who prescribed
/// it: another clinician's prescription belongs to that clinician's plan.
/// </remarks>
public sealed record Prescription
{
    /// <summary>Creates a prescription record.</summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="prescriberId">The clinician who prescribed it.</param>
    /// <param name="medicationCode">The medication, as a code token (for example an RxNorm code).</param>
    /// <param name="prescribedAt">When it was prescribed.</param>
    /// <exception cref="ArgumentException">An id is the default value, or <paramref name="medicationCode"/> is not a code token.</exception>
    public Prescription(PatientId patientId, ClinicianId prescriberId, string medicationCode, Instant prescribedAt)
    {
        PatientId = Guards.NotDefault(patientId, patientId.Value);
        PrescriberId = Guards.NotDefault(prescriberId, prescriberId.Value);
        MedicationCode = Guard.Against.InvalidCode(medicationCode);
        PrescribedAt = prescribedAt;
    }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician who prescribed it.</summary>
    public ClinicianId PrescriberId { get; }

    /// <summary>The medication code.</summary>
    public string MedicationCode { get; }

    /// <summary>When it was prescribed.</summary>
    public Instant PrescribedAt { get; }
}

/// <summary>
/// What the planning rules (<c>TA.FOCUS.*</c>, <c>TA.COMM.*</c>) look at: one patient's treatment plan, its
/// goals, the sessions and prescriptions, as of an instant.
/// </summary>
/// <remarks>Immutable snapshot; the aggregates it holds must not change while rules run.</remarks>
public sealed class TreatmentEpisode
{
    /// <summary>Creates an episode.</summary>
    /// <param name="plan">The treatment plan.</param>
    /// <param name="goals">The patient's goals (those of the plan and any others).</param>
    /// <param name="sessions">The patient's appointments with the plan's clinician; the rules use the fulfilled ones.</param>
    /// <param name="prescriptions">Medications prescribed to the patient, by any clinician; empty when none are known.</param>
    /// <param name="asOf">The instant the rules judge at (from the host's clock).</param>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentException">
    /// A goal or a prescription belongs to another patient, or a session is not between the plan's patient and clinician.
    /// </exception>
    public TreatmentEpisode(TreatmentPlan plan, IEnumerable<Goal> goals, IEnumerable<Appointment> sessions, IEnumerable<Prescription> prescriptions, Instant asOf)
    {
        Plan = Guard.Against.Null(plan);
        Goals = [.. Guard.Against.Null(goals)];
        Sessions = [.. Guard.Against.Null(sessions).OrderBy(s => s?.Slot.Start)];
        Prescriptions = [.. Guard.Against.Null(prescriptions)];
        if (Goals.Any(g => g is null) || Sessions.Any(s => s is null) || Prescriptions.Any(p => p is null))
        {
            throw new ArgumentNullException(nameof(goals), "A goal, session or prescription is null.");
        }

        if (Goals.Any(g => g.PatientId != plan.PatientId))
        {
            throw new ArgumentException("Every goal must belong to the plan's patient.", nameof(goals));
        }

        if (Prescriptions.Any(p => p.PatientId != plan.PatientId))
        {
            throw new ArgumentException("Every prescription must be the plan's patient's.", nameof(prescriptions));
        }

        if (Sessions.Any(s => s.PatientId != plan.PatientId || s.ClinicianId != plan.ClinicianId))
        {
            throw new ArgumentException("Every session must be between the plan's patient and the plan's clinician.", nameof(sessions));
        }

        AsOf = asOf;
        _goalsById = Goals.GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.Last());
        FulfilledSessions = [.. Sessions.Where(s => s.Status == AppointmentStatus.Fulfilled && s.StartedAt <= asOf)];
    }

    private readonly Dictionary<GoalId, Goal> _goalsById;

    /// <summary>The treatment plan.</summary>
    public TreatmentPlan Plan { get; }

    /// <summary>The patient's goals.</summary>
    public ImmutableArray<Goal> Goals { get; }

    /// <summary>The sessions, by scheduled start.</summary>
    public ImmutableArray<Appointment> Sessions { get; }

    /// <summary>The prescriptions.</summary>
    public ImmutableArray<Prescription> Prescriptions { get; }

    /// <summary>The instant the rules judge at.</summary>
    public Instant AsOf { get; }

    /// <summary>The fulfilled sessions that started by <see cref="AsOf"/>, by scheduled start.</summary>
    public ImmutableArray<Appointment> FulfilledSessions { get; }

    /// <summary>Finds one of the episode's goals by id.</summary>
    /// <param name="id">The goal's id.</param>
    /// <returns>The goal, or null when the episode does not hold it (the last one given wins when an id repeats).</returns>
    public Goal? FindGoal(GoalId id) => _goalsById.GetValueOrDefault(id);
}
