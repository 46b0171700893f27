using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds authorizations through the library's public API. By default: a HIPAA authorization signed by patient
/// <c>p-1</c> at <see cref="BuilderDefaults.AuthorizationSignedAt"/>, letting any treating provider receive the mental health
/// records for treatment, expiring a year (365 days) later.
/// </summary>
/// <remarks>Ids are <c>auth-1</c>, <c>auth-2</c>… for successive builds, unless <see cref="WithId"/> fixes one. Mutable; not thread-safe.</remarks>
public sealed class AuthorizationBuilder
{
    private readonly Ids _ids = new("auth");
    private readonly List<DisclosureRecipient> _recipients = [];
    private readonly List<DisclosurePurpose> _purposes = [];
    private string _patient = BuilderDefaults.Patient;
    private AuthorizationKind _kind = AuthorizationKind.HipaaAuthorization;
    private AuthorizationGrantor _grantor = AuthorizationGrantor.Patient;
    private DataCategories _categories = DataCategories.MentalHealthRecords;
    private Instant _signedAt = BuilderDefaults.AuthorizationSignedAt;
    private Instant? _expiresAt;
    private bool _expiresAfterAYear = true;
    private string? _expirationEvent;
    private Instant? _revokedAt;
    private Instant? _expirationEventAt;

    /// <summary>Fixes the id of every authorization this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the law the authorization is made under (default HIPAA).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder OfKind(AuthorizationKind kind)
    {
        _kind = kind;
        return this;
    }

    /// <summary>Makes it a 42 CFR Part 2 consent.</summary>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder Part2Consent() => OfKind(AuthorizationKind.Part2Consent);

    /// <summary>Makes it an explicit consent under GDPR Article 9(2)(a).</summary>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder ExplicitConsent() => OfKind(AuthorizationKind.ExplicitConsent);

    /// <summary>Has the patient's personal representative sign it.</summary>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder SignedByRepresentative()
    {
        _grantor = AuthorizationGrantor.PersonalRepresentative;
        return this;
    }

    /// <summary>Names a recipient; the first one named replaces the default (any treating provider).</summary>
    /// <param name="role">The recipient's role.</param>
    /// <param name="partyId">One named party in the role; null for anyone in it.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder To(RecipientRole role, string? partyId = null)
    {
        _recipients.Add(new DisclosureRecipient(role, partyId));
        return this;
    }

    /// <summary>Names purposes; the first ones named replace the default (treatment).</summary>
    /// <param name="purposes">The purposes, each once.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder For(params DisclosurePurpose[] purposes)
    {
        _purposes.AddRange(Guard.Against.Null(purposes));
        return this;
    }

    /// <summary>Sets the categories covered (default mental health records).</summary>
    /// <param name="categories">The categories.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder Covering(DataCategories categories)
    {
        _categories = categories;
        return this;
    }

    /// <summary>Sets when it was signed; the default expiry stays a year after.</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder SignedAt(Instant at)
    {
        _signedAt = at;
        return this;
    }

    /// <summary>Sets when it expires.</summary>
    /// <param name="at">When; after the signature.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder ExpiringAt(Instant at)
    {
        _expiresAt = at;
        _expiresAfterAYear = false;
        return this;
    }

    /// <summary>Makes it expire on an event instead of a date.</summary>
    /// <param name="eventCode">The event, as a code token (for example <c>end-of-treatment</c>).</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder ExpiringOnEvent(string eventCode)
    {
        _expirationEvent = Guard.Against.Null(eventCode);
        _expiresAt = null;
        _expiresAfterAYear = false;
        return this;
    }

    /// <summary>Gives it neither an expiry date nor an event (refused by the library for HIPAA and Part 2; allowed for GDPR consent).</summary>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder WithoutExpiration()
    {
        _expirationEvent = null;
        _expiresAt = null;
        _expiresAfterAYear = false;
        return this;
    }

    /// <summary>Has the patient revoke it at <paramref name="at"/>.</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder RevokedAt(Instant at)
    {
        _revokedAt = at;
        return this;
    }

    /// <summary>Records that its expiration event happened at <paramref name="at"/> (it must expire on an event).</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public AuthorizationBuilder ExpirationEventAt(Instant at)
    {
        _expirationEventAt = at;
        return this;
    }

    /// <summary>Builds the authorization by the library's commands.</summary>
    /// <returns>The authorization.</returns>
    /// <exception cref="ArgumentException">An id, list or date is not valid (the library's message).</exception>
    /// <exception cref="DomainRuleException">The form is refused, or a revocation or event is out of order (the library's rule code).</exception>
    public Authorization Build()
    {
        Instant? expiresAt = _expiresAfterAYear ? _signedAt + Duration.FromDays(365) : _expiresAt;
        Authorization authorization = Authorization.Sign(
            new AuthorizationId(_ids.Next()), new PatientId(_patient), _kind, _grantor,
            _recipients.Count > 0 ? _recipients : [new DisclosureRecipient(RecipientRole.TreatingProvider)],
            _purposes.Count > 0 ? _purposes : [DisclosurePurpose.Treatment],
            _categories, _signedAt, expiresAt, _expirationEvent);
        if (_expirationEventAt is { } happened)
        {
            authorization.RecordExpirationEvent(happened);
        }

        if (_revokedAt is { } revoked)
        {
            authorization.Revoke(revoked);
        }

        return authorization;
    }
}
