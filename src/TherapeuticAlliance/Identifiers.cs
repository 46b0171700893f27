using System;
using TherapeuticAlliance.Internal;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

// Strongly typed ids: the host system's own keys, in FHIR id syntax so that a FHIR resource id maps one
// to one. Equality is ordinal. The default value has a null Value and is not a valid id;
// every API that takes an id rejects it.

/// <summary>Identifies a patient: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct PatientId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public PatientId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a clinician: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct ClinicianId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public ClinicianId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies an appointment: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct AppointmentId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public AppointmentId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a treatment goal: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct GoalId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public GoalId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a treatment plan: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct TreatmentPlanId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public TreatmentPlanId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a progress update on a goal: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct ProgressUpdateId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public ProgressUpdateId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a piece of feedback on a session: the host system's key, in FHIR id syntax (<c>[A-Za-z0-9\-.]{1,64}</c>).</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct FeedbackId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public FeedbackId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a declared relationship between a clinician and a patient or a patient's relative: the host's key, in FHIR id syntax.</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct RelationshipDeclarationId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public RelationshipDeclarationId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies an authorization (a patient's consent to disclose; a FHIR <c>Consent</c>): the host's key, in FHIR id syntax.</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct AuthorizationId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public AuthorizationId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a request to disclose health information, or a disclosure made: the host's key, in FHIR id syntax.</summary>
/// <remarks>Equality is ordinal. The default value is not a valid id.</remarks>
public readonly record struct DisclosureId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not in FHIR id syntax.</exception>
    public DisclosureId(string value) => Value = Guard.Against.InvalidFhirId(value);

    /// <summary>The key; null only for the default value.</summary>
    public string Value { get; }

    /// <summary>Returns the key.</summary>
    public override string ToString() => Value ?? string.Empty;
}
