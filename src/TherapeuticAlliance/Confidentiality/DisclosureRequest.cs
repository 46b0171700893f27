using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>
/// A request to disclose a patient's information: to whom, why, what, under which legal process, when, and the
/// facts the law's conditions turn on. <see cref="DisclosureCheck.Decide"/> answers it.
/// </summary>
/// <remarks>Immutable; equality compares every member. Holds ids and codes only.</remarks>
public sealed record DisclosureRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="id">The request's id (also the disclosure's, once made).</param>
    /// <param name="patientId">The patient whose information it is.</param>
    /// <param name="recipient">Who would receive it.</param>
    /// <param name="purpose">Why.</param>
    /// <param name="categories">What; not <see cref="DataCategories.None"/>.</param>
    /// <param name="at">When it would be disclosed.</param>
    /// <param name="instrument">The legal process behind it, if any.</param>
    /// <param name="facts">The facts the law's conditions turn on, as the host asserts them.</param>
    /// <exception cref="ArgumentException">An id or the recipient is the default value, or no defined category is named.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined.</exception>
    public DisclosureRequest(
        DisclosureId id, PatientId patientId, DisclosureRecipient recipient, DisclosurePurpose purpose, DataCategories categories, Instant at,
        LegalInstrument instrument = LegalInstrument.None, DisclosureFacts facts = DisclosureFacts.None)
    {
        Id = Guards.NotDefault(id, id.Value);
        PatientId = Guards.NotDefault(patientId, patientId.Value);
        Recipient = recipient.IsSpecified ? recipient : throw new ArgumentException("The recipient is the default value.", nameof(recipient));
        Purpose = Guard.Against.UndefinedEnum(purpose);
        Categories = categories != DataCategories.None && (categories & ~ConfidentialityCodes.AllCategories) == 0
            ? categories
            : throw new ArgumentException("Name at least one defined data category.", nameof(categories));
        At = at;
        Instrument = Guard.Against.UndefinedEnum(instrument);
        Facts = (facts & ~ConfidentialityCodes.AllFacts) == 0 ? facts : throw new ArgumentOutOfRangeException(nameof(facts), "An undefined fact is set.");
    }

    /// <summary>The request's id.</summary>
    public DisclosureId Id { get; }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>Who would receive the information.</summary>
    public DisclosureRecipient Recipient { get; }

    /// <summary>Why.</summary>
    public DisclosurePurpose Purpose { get; }

    /// <summary>What.</summary>
    public DataCategories Categories { get; }

    /// <summary>When it would be disclosed.</summary>
    public Instant At { get; }

    /// <summary>The legal process behind it.</summary>
    public LegalInstrument Instrument { get; }

    /// <summary>The facts the law's conditions turn on.</summary>
    public DisclosureFacts Facts { get; }

    /// <summary>Whether a fact is asserted.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether every flag of <paramref name="fact"/> is set.</returns>
    public bool Has(DisclosureFacts fact) => (Facts & fact) == fact;
}
