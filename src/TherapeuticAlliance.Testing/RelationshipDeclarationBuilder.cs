using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Boundaries;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds relationship declarations. By default: clinician <c>c-1</c> declares incidental contact in a shared community
/// with patient <c>p-1</c>, from <see cref="BuilderDefaults.RelationshipStart"/>, ongoing, no safeguards documented (a
/// situation every preset passes).
/// </summary>
/// <remarks>Ids are <c>rel-1</c>, <c>rel-2</c>… for successive builds, unless <see cref="WithId"/> fixes one. Mutable; not thread-safe.</remarks>
public sealed class RelationshipDeclarationBuilder
{
    private readonly Ids _ids = new("rel");
    private string _patient = BuilderDefaults.Patient;
    private string _clinician = BuilderDefaults.Clinician;
    private string? _relationCode;
    private RelationshipKind _kind = RelationshipKind.IncidentalCommunityContact;
    private LocalDate _start = BuilderDefaults.RelationshipStart;
    private LocalDate? _end;
    private Safeguards _safeguards = Safeguards.None;
    private decimal? _giftValue;

    /// <summary>Fixes the id of every declaration this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient (the counterpart, or the patient the counterpart is related to).</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the clinician.</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder WithClinician(string clinicianId)
    {
        _clinician = Guard.Against.Null(clinicianId);
        return this;
    }

    /// <summary>Makes the counterpart a relative of the patient rather than the patient.</summary>
    /// <param name="relationCode">How they are related, as a code token (for example HL7 v3 <c>SPS</c>, <c>PRN</c>).</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder WithRelativeOfPatient(string relationCode)
    {
        _relationCode = Guard.Against.Null(relationCode);
        return this;
    }

    /// <summary>Sets the kind of relationship.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder OfKind(RelationshipKind kind)
    {
        _kind = kind;
        return this;
    }

    /// <summary>Makes it a romantic or sexual relationship.</summary>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder Romantic() => OfKind(RelationshipKind.RomanticOrSexual);

    /// <summary>Makes it a gift of the given value (in the policy's currency).</summary>
    /// <param name="value">The value; zero or more.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder Gift(decimal value)
    {
        _giftValue = value;
        return OfKind(RelationshipKind.Gift);
    }

    /// <summary>Sets the first day of the relationship.</summary>
    /// <param name="start">The first day.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder Starting(LocalDate start)
    {
        _start = start;
        return this;
    }

    /// <summary>Sets the last day of the relationship (default: it goes on).</summary>
    /// <param name="end">The last day; not before the first (the library refuses it).</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder Ending(LocalDate end)
    {
        _end = end;
        return this;
    }

    /// <summary>Adds documented safeguards.</summary>
    /// <param name="safeguards">The safeguards; combine with <c>|</c>.</param>
    /// <returns>This builder.</returns>
    public RelationshipDeclarationBuilder WithSafeguards(Safeguards safeguards)
    {
        _safeguards |= safeguards;
        return this;
    }

    /// <summary>Builds the declaration.</summary>
    /// <returns>The declaration.</returns>
    /// <exception cref="ArgumentException">An id or code is not valid, or it ends before it starts (the library's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A gift value is negative or given for another kind (the library's message).</exception>
    public RelationshipDeclaration Build() => new(
        new RelationshipDeclarationId(_ids.Next()), new ClinicianId(_clinician), new PatientId(_patient), _relationCode, _kind, _start, _end, _safeguards,
        _kind == RelationshipKind.Gift ? _giftValue : null);
}
