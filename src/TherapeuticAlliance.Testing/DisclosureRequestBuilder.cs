using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds disclosure requests. By default: patient <c>p-1</c>'s diagnoses, to any treating provider, for treatment, at
/// <see cref="BuilderDefaults.DisclosureAt"/>, with no legal instrument and no facts asserted.
/// </summary>
/// <remarks>Ids are <c>d-1</c>, <c>d-2</c>… for successive builds, unless <see cref="WithId"/> fixes one. Mutable; not thread-safe.</remarks>
public sealed class DisclosureRequestBuilder
{
    private readonly Ids _ids = new("d");
    private string _patient = BuilderDefaults.Patient;
    private DisclosureRecipient _recipient = new(RecipientRole.TreatingProvider);
    private DisclosurePurpose _purpose = DisclosurePurpose.Treatment;
    private DataCategories _categories = DataCategories.Diagnoses;
    private Instant _at = BuilderDefaults.DisclosureAt;
    private LegalInstrument _instrument = LegalInstrument.None;
    private DisclosureFacts _facts = DisclosureFacts.None;

    /// <summary>Fixes the id of every request this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient whose information it is.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the recipient.</summary>
    /// <param name="role">The recipient's role.</param>
    /// <param name="partyId">One named party in the role; null for anyone in it.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder To(RecipientRole role, string? partyId = null)
    {
        _recipient = new DisclosureRecipient(role, partyId);
        return this;
    }

    /// <summary>Sets the purpose.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder For(DisclosurePurpose purpose)
    {
        _purpose = purpose;
        return this;
    }

    /// <summary>Sets the categories requested.</summary>
    /// <param name="categories">The categories; combine with <c>|</c>.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder Of(DataCategories categories)
    {
        _categories = categories;
        return this;
    }

    /// <summary>Sets when the disclosure would be made.</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder At(Instant at)
    {
        _at = at;
        return this;
    }

    /// <summary>Sets the legal process behind the request.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder Under(LegalInstrument instrument)
    {
        _instrument = instrument;
        return this;
    }

    /// <summary>Asserts facts the law's conditions turn on; they add to those already asserted.</summary>
    /// <param name="facts">The facts; combine with <c>|</c>.</param>
    /// <returns>This builder.</returns>
    public DisclosureRequestBuilder WithFacts(DisclosureFacts facts)
    {
        _facts |= facts;
        return this;
    }

    /// <summary>Builds the request.</summary>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">An id is not valid or no category is named (the library's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined (the library's message).</exception>
    public DisclosureRequest Build() =>
        new(new DisclosureId(_ids.Next()), new PatientId(_patient), _recipient, _purpose, _categories, _at, _instrument, _facts);
}
