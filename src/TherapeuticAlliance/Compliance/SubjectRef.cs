using System;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Compliance;

/// <summary>The record a verdict is about: a kind and an id, written <c>Kind/id</c> like a FHIR reference.</summary>
/// <remarks>Equality compares kind and id ordinally. The default value has a null id.</remarks>
public readonly struct SubjectRef : IEquatable<SubjectRef>
{
    /// <summary>Creates a reference.</summary>
    /// <param name="kind">The kind of record.</param>
    /// <param name="id">Its id, in FHIR id syntax.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in FHIR id syntax.</exception>
    public SubjectRef(SubjectKind kind, string id)
    {
        Kind = Guard.Against.UndefinedEnum(kind);
        Id = Guard.Against.InvalidFhirId(id);
    }

    // For ids that were validated when they were made: skips the syntax check on the rules' hot path.
    private SubjectRef(SubjectKind kind, string? id, string parameterName)
    {
        Kind = kind;
        Id = Guard.Against.Null(id, parameterName, "The id is the default value, which is not a valid id.");
    }

    /// <summary>The kind of record.</summary>
    public SubjectKind Kind { get; }

    /// <summary>The record's id; null only for the default value.</summary>
    public string Id { get; }

    /// <summary>A reference to an appointment.</summary>
    /// <param name="id">The appointment.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(AppointmentId id) => new(SubjectKind.Appointment, id.Value, nameof(id));

    /// <summary>A reference to a patient.</summary>
    /// <param name="id">The patient.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(PatientId id) => new(SubjectKind.Patient, id.Value, nameof(id));

    /// <summary>A reference to a clinician.</summary>
    /// <param name="id">The clinician.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(ClinicianId id) => new(SubjectKind.Clinician, id.Value, nameof(id));

    /// <summary>A reference to a goal.</summary>
    /// <param name="id">The goal.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(GoalId id) => new(SubjectKind.Goal, id.Value, nameof(id));

    /// <summary>A reference to a treatment plan.</summary>
    /// <param name="id">The plan.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(TreatmentPlanId id) => new(SubjectKind.TreatmentPlan, id.Value, nameof(id));

    /// <summary>A reference to feedback.</summary>
    /// <param name="id">The feedback.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(FeedbackId id) => new(SubjectKind.Feedback, id.Value, nameof(id));

    /// <summary>A reference to a relationship declaration.</summary>
    /// <param name="id">The declaration.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(RelationshipDeclarationId id) => new(SubjectKind.RelationshipDeclaration, id.Value, nameof(id));

    /// <summary>A reference to an authorization.</summary>
    /// <param name="id">The authorization.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(AuthorizationId id) => new(SubjectKind.Authorization, id.Value, nameof(id));

    /// <summary>A reference to a disclosure.</summary>
    /// <param name="id">The disclosure.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException">The id is the default value.</exception>
    [Pure]
    public static SubjectRef To(DisclosureId id) => new(SubjectKind.Disclosure, id.Value, nameof(id));

    /// <inheritdoc/>
    [Pure]
    public bool Equals(SubjectRef other) => Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is SubjectRef other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => HashCode.Combine(Kind, Id is null ? 0 : StringComparer.Ordinal.GetHashCode(Id));

    /// <summary>Returns <c>Kind/id</c>, for example <c>Appointment/a-17</c>.</summary>
    [Pure]
    public override string ToString() => $"{Kind}/{Id}";

    /// <summary>Equality.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns>Whether both name the same record.</returns>
    public static bool operator ==(SubjectRef left, SubjectRef right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns>Whether they name different records.</returns>
    public static bool operator !=(SubjectRef left, SubjectRef right) => !left.Equals(right);
}
