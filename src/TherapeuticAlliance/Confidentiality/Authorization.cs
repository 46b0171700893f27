using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>Which law an authorization is made under; each has its own form.</summary>
public enum AuthorizationKind
{
    /// <summary>A HIPAA authorization (45 CFR 164.508).</summary>
    HipaaAuthorization = 0,

    /// <summary>A consent for substance-use-disorder records under 42 CFR Part 2 (2.31); also serves as a HIPAA authorization for what it names.</summary>
    Part2Consent = 1,

    /// <summary>Explicit consent to specified purposes (GDPR Art. 9(2)(a)).</summary>
    ExplicitConsent = 2,
}

/// <summary>Who signed an authorization.</summary>
public enum AuthorizationGrantor
{
    /// <summary>The patient.</summary>
    Patient = 0,

    /// <summary>The patient's personal representative, acting within their authority.</summary>
    PersonalRepresentative = 1,
}

/// <summary>Where an authorization stands at an instant.</summary>
public enum AuthorizationStatus
{
    /// <summary>Not signed yet at that instant.</summary>
    NotYetSigned = 0,

    /// <summary>In force.</summary>
    Active = 1,

    /// <summary>Its expiration date passed, or its expiration event happened.</summary>
    Expired = 2,

    /// <summary>Revoked by the patient.</summary>
    Revoked = 3,
}

/// <summary>A recipient: a role, and optionally one named party in it (an organization's or person's key).</summary>
/// <remarks>An authorization's recipient without a party covers everyone in the role; with one, only that party.</remarks>
public readonly record struct DisclosureRecipient
{
    /// <summary>Creates a recipient.</summary>
    /// <param name="role">The role.</param>
    /// <param name="partyId">The host's key for the party, in FHIR id syntax; null for anyone in the role.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="partyId"/> is not in FHIR id syntax.</exception>
    public DisclosureRecipient(RecipientRole role, string? partyId = null)
    {
        Role = Guard.Against.UndefinedEnum(role);
        PartyId = partyId is null ? null : Guard.Against.InvalidFhirId(partyId);
        IsSpecified = true;
    }

    /// <summary>The role.</summary>
    public RecipientRole Role { get; }

    /// <summary>The party's key; null for anyone in the role.</summary>
    public string? PartyId { get; }

    // False only for the default value, which names no recipient (the patient's role is the enum's zero).
    internal bool IsSpecified { get; }

    /// <summary>Whether this recipient, as named in an authorization, covers <paramref name="requested"/>.</summary>
    /// <param name="requested">The recipient of a request.</param>
    /// <returns>True when the roles match and this names no party or the same one.</returns>
    [Pure]
    public bool Covers(DisclosureRecipient requested) =>
        Role == requested.Role && (PartyId is null || string.Equals(PartyId, requested.PartyId, StringComparison.Ordinal));

    /// <summary>Returns the role, and the party's key if any.</summary>
    public override string ToString() => PartyId is null ? Role.ToString() : $"{Role}/{PartyId}";
}

/// <summary>The codes carried by <see cref="DomainRuleException"/> when an <see cref="Authorization"/> is refused.</summary>
public static class AuthorizationRuleCodes
{
    /// <summary>
    /// Psychotherapy notes, or SUD counseling notes, combined with other information in one authorization: each may
    /// only be combined with another authorization for the same kind of notes (HIPAA 164.508(b)(3)(ii); 42 CFR 2.31).
    /// </summary>
    public static RuleCode CompoundNotes { get; } = new("TA.AUTHORIZATION.COMPOUND_NOTES");

    /// <summary>Substance-use-disorder records in an authorization that is not a 42 CFR Part 2 consent.</summary>
    public static RuleCode Part2ConsentRequired { get; } = new("TA.AUTHORIZATION.PART2_CONSENT_REQUIRED");

    /// <summary>A HIPAA authorization or Part 2 consent without an expiration date or event (HIPAA 164.508(c)(1)(v); 42 CFR 2.31).</summary>
    public static RuleCode ExpirationRequired { get; } = new("TA.AUTHORIZATION.EXPIRATION_REQUIRED");

    /// <summary>The authorization was already revoked or expired.</summary>
    public static RuleCode NotActive { get; } = new("TA.AUTHORIZATION.NOT_ACTIVE");

    /// <summary>A change dated before the signature or the previous change.</summary>
    public static RuleCode TimeOrder { get; } = new("TA.AUTHORIZATION.TIME_ORDER");
}

/// <summary>Something that happened to an authorization. Ids, codes and instants only.</summary>
/// <param name="AuthorizationId">The authorization.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record AuthorizationEvent(AuthorizationId AuthorizationId, long Version, Instant OccurredAt) : IDomainEvent;

/// <summary>An authorization was signed.</summary>
/// <param name="AuthorizationId">The authorization.</param>
/// <param name="Version">1.</param>
/// <param name="OccurredAt">When it was signed.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="Kind">The law it is made under.</param>
public sealed record AuthorizationSigned(AuthorizationId AuthorizationId, long Version, Instant OccurredAt, PatientId PatientId, AuthorizationKind Kind)
    : AuthorizationEvent(AuthorizationId, Version, OccurredAt);

/// <summary>An authorization ended: revoked, or its expiration event happened.</summary>
/// <param name="AuthorizationId">The authorization.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it ended.</param>
/// <param name="Status">How: <see cref="AuthorizationStatus.Revoked"/> or <see cref="AuthorizationStatus.Expired"/>.</param>
public sealed record AuthorizationEnded(AuthorizationId AuthorizationId, long Version, Instant OccurredAt, AuthorizationStatus Status)
    : AuthorizationEvent(AuthorizationId, Version, OccurredAt);

/// <summary>
/// A patient's permission to disclose their information: to whom (roles or named parties), for which purposes,
/// which categories, from when to when. Under US law psychotherapy notes stand apart: an authorization that names them names
/// nothing else (HIPAA 164.508(b)(3)(ii)); so do SUD counseling notes; and substance-use-disorder records need a
/// 42 CFR Part 2 consent, which may cover all future treatment, payment and health care operations (2.33, 2024 rule).
/// </summary>
/// <remarks>
/// Revocation takes effect from its instant: disclosures made before it, in reliance on the authorization, stay
/// covered (HIPAA 164.508(b)(5)). Commands apply fully, bumping <see cref="Version"/> and recording an event, or
/// throw <see cref="DomainRuleException"/> (codes in <see cref="AuthorizationRuleCodes"/>) and change nothing.
/// Not thread-safe.
/// </remarks>
public sealed class Authorization
{
    private readonly ChangeTracker<AuthorizationEvent> _changes = new();

    private Authorization(
        AuthorizationId id, PatientId patientId, AuthorizationKind kind, AuthorizationGrantor grantor, ImmutableArray<DisclosureRecipient> recipients,
        ImmutableArray<DisclosurePurpose> purposes, DataCategories categories, Instant signedAt, Instant? expiresAt, string? expirationEventCode)
    {
        Id = id;
        PatientId = patientId;
        Kind = kind;
        Grantor = grantor;
        Recipients = recipients;
        Purposes = purposes;
        Categories = categories;
        SignedAt = signedAt;
        ExpiresAt = expiresAt;
        ExpirationEventCode = expirationEventCode;
        // One bit per purpose, so that matching a request allocates nothing (a test keeps the enum under 32 values).
        foreach (DisclosurePurpose purpose in purposes)
        {
            PurposeMask |= 1 << (int)purpose;
        }
    }

    /// <summary>The authorization's id.</summary>
    public AuthorizationId Id { get; }

    /// <summary>The patient whose information it covers.</summary>
    public PatientId PatientId { get; }

    /// <summary>The law it is made under.</summary>
    public AuthorizationKind Kind { get; }

    /// <summary>Who signed it.</summary>
    public AuthorizationGrantor Grantor { get; }

    /// <summary>Who may receive the information; at least one.</summary>
    public ImmutableArray<DisclosureRecipient> Recipients { get; }

    /// <summary>For which purposes; at least one, without duplicates.</summary>
    public ImmutableArray<DisclosurePurpose> Purposes { get; }

    /// <summary>Which information.</summary>
    public DataCategories Categories { get; }

    /// <summary>When it was signed; it is in force from then.</summary>
    public Instant SignedAt { get; }

    /// <summary>When it expires; null when it expires on an event instead.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>The event it expires on (a code such as <c>end-of-treatment</c>); null when it expires on a date.</summary>
    public string? ExpirationEventCode { get; }

    /// <summary>When the patient revoked it; null if not revoked.</summary>
    public Instant? RevokedAt { get; private set; }

    /// <summary>When its expiration event happened; null if it has not.</summary>
    public Instant? ExpirationEventAt { get; private set; }

    /// <summary>The number of changes applied (1 once signed).</summary>
    public long Version => _changes.Version;

    /// <summary>Events recorded since the last <see cref="DequeueEvents"/>, oldest first.</summary>
    public IReadOnlyList<AuthorizationEvent> PendingEvents => _changes.Pending;

    private int PurposeMask { get; }

    /// <summary>Records a signed authorization.</summary>
    /// <param name="id">The authorization's id.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="kind">The law it is made under.</param>
    /// <param name="grantor">Who signed it.</param>
    /// <param name="recipients">Who may receive the information; at least one.</param>
    /// <param name="purposes">For which purposes; at least one.</param>
    /// <param name="categories">Which information; not <see cref="DataCategories.None"/>.</param>
    /// <param name="signedAt">When it was signed.</param>
    /// <param name="expiresAt">When it expires; after <paramref name="signedAt"/>.</param>
    /// <param name="expirationEventCode">Or the event it expires on, as a code (for example <c>end-of-treatment</c>).</param>
    /// <returns>The authorization, at version 1.</returns>
    /// <exception cref="ArgumentException">
    /// An id is the default value, there is no recipient or purpose, a purpose is repeated, no category is named,
    /// <paramref name="expiresAt"/> is not after <paramref name="signedAt"/>, or the event code is not a code token.
    /// </exception>
    /// <exception cref="ArgumentNullException">A collection is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined.</exception>
    /// <exception cref="DomainRuleException">
    /// A HIPAA authorization or Part 2 consent combining notes with other information
    /// (<c>TA.AUTHORIZATION.COMPOUND_NOTES</c>), SUD records in a HIPAA authorization rather than a Part 2 consent
    /// (<c>TA.AUTHORIZATION.PART2_CONSENT_REQUIRED</c>), or either with neither an expiration date nor an event
    /// (<c>TA.AUTHORIZATION.EXPIRATION_REQUIRED</c>). A GDPR explicit consent has none of these form rules.
    /// </exception>
    public static Authorization Sign(
        AuthorizationId id, PatientId patientId, AuthorizationKind kind, AuthorizationGrantor grantor, IEnumerable<DisclosureRecipient> recipients,
        IEnumerable<DisclosurePurpose> purposes, DataCategories categories, Instant signedAt, Instant? expiresAt = null, string? expirationEventCode = null)
    {
        Guards.NotDefault(id, id.Value);
        Guards.NotDefault(patientId, patientId.Value);
        Guard.Against.UndefinedEnum(kind);
        Guard.Against.UndefinedEnum(grantor);
        ImmutableArray<DisclosureRecipient> recipientList = [.. Guard.Against.Null(recipients)];
        ImmutableArray<DisclosurePurpose> purposeList = [.. Guard.Against.Null(purposes)];
        if (recipientList.IsEmpty || recipientList.Any(r => !r.IsSpecified))
        {
            throw new ArgumentException("Name at least one recipient, none of them the default value.", nameof(recipients));
        }

        if (purposeList.IsEmpty || purposeList.Distinct().Count() != purposeList.Length)
        {
            throw new ArgumentException("Name at least one purpose, each once.", nameof(purposes));
        }

        foreach (DisclosurePurpose purpose in purposeList)
        {
            Guard.Against.UndefinedEnum(purpose, nameof(purposes));
        }

        if (categories == DataCategories.None || (categories & ~ConfidentialityCodes.AllCategories) != 0)
        {
            throw new ArgumentException("Name at least one defined data category.", nameof(categories));
        }

        if (expiresAt <= signedAt)
        {
            throw new ArgumentException("An authorization expires after it is signed.", nameof(expiresAt));
        }

        if (expirationEventCode is not null)
        {
            Guard.Against.InvalidCode(expirationEventCode);
        }

        CheckForm(id, kind, categories, expiresAt is not null || expirationEventCode is not null);
        var authorization = new Authorization(id, patientId, kind, grantor, recipientList, purposeList, categories, signedAt, expiresAt, expirationEventCode);
        authorization._changes.Record(new AuthorizationSigned(id, 1, signedAt, patientId, kind));
        authorization._changes.Journal(nameof(Sign), id, patientId, kind, grantor, recipientList, purposeList, categories, signedAt, expiresAt, expirationEventCode);
        return authorization;
    }

    /// <summary>Where the authorization stands at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>Its status then.</returns>
    [Pure]
    public AuthorizationStatus StatusAt(Instant at) =>
        at < SignedAt ? AuthorizationStatus.NotYetSigned
        : RevokedAt <= at ? AuthorizationStatus.Revoked
        : ExpiresAt <= at || ExpirationEventAt <= at ? AuthorizationStatus.Expired
        : AuthorizationStatus.Active;

    /// <summary>Whether it names a recipient covering <paramref name="recipient"/> and the purpose (whatever its status).</summary>
    /// <param name="recipient">The requested recipient.</param>
    /// <param name="purpose">The requested purpose.</param>
    /// <returns>Whether both are named.</returns>
    [Pure]
    public bool Names(DisclosureRecipient recipient, DisclosurePurpose purpose)
    {
        if ((PurposeMask & (1 << (int)purpose)) == 0)
        {
            return false;
        }

        foreach (DisclosureRecipient named in Recipients)
        {
            if (named.Covers(recipient))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Revokes the authorization from <paramref name="at"/>; disclosures made before then stay covered.</summary>
    /// <param name="at">When the patient revoked it.</param>
    /// <exception cref="DomainRuleException">
    /// It is already revoked or expired at that instant (<c>TA.AUTHORIZATION.NOT_ACTIVE</c>), or the instant is before
    /// the signature or a change already recorded (<c>TA.AUTHORIZATION.TIME_ORDER</c>).
    /// </exception>
    public void Revoke(Instant at) => End(nameof(Revoke), at, AuthorizationStatus.Revoked);

    /// <summary>Records that the expiration event happened at <paramref name="at"/>.</summary>
    /// <param name="at">When it happened.</param>
    /// <exception cref="DomainRuleException">
    /// The authorization expires on a date, not an event, or is already revoked or expired
    /// (<c>TA.AUTHORIZATION.NOT_ACTIVE</c>), or the instant is out of order (<c>TA.AUTHORIZATION.TIME_ORDER</c>).
    /// </exception>
    public void RecordExpirationEvent(Instant at)
    {
        if (ExpirationEventCode is null)
        {
            throw new DomainRuleException(AuthorizationRuleCodes.NotActive, $"Authorization {Id} expires on a date, not an event.");
        }

        End(nameof(RecordExpirationEvent), at, AuthorizationStatus.Expired);
    }

    /// <summary>Removes and returns the pending events, oldest first.</summary>
    /// <returns>The events.</returns>
    public IReadOnlyList<AuthorizationEvent> DequeueEvents() => _changes.Dequeue();

    /// <summary>The commands accepted so far, with their arguments: what a caseload document writes as the history.</summary>
    internal IReadOnlyList<JournalEntry> Journal => _changes.Commands;

    /// <summary>Returns the id, kind, categories and version: no free text.</summary>
    public override string ToString() => $"Authorization {Id} {Kind} [{Categories}] v{Version}";

    private void End(string command, Instant at, AuthorizationStatus status)
    {
        Instant last = RevokedAt ?? ExpirationEventAt ?? SignedAt;
        if (at < last)
        {
            throw new DomainRuleException(AuthorizationRuleCodes.TimeOrder, $"Authorization {Id}: a change cannot be dated before the signature or the previous change.");
        }

        if (RevokedAt is not null || ExpirationEventAt is not null || ExpiresAt <= at)
        {
            throw new DomainRuleException(AuthorizationRuleCodes.NotActive, $"Authorization {Id} is {StatusAt(at)} at that instant.");
        }

        if (status == AuthorizationStatus.Revoked)
        {
            RevokedAt = at;
        }
        else
        {
            ExpirationEventAt = at;
        }

        _changes.Record(new AuthorizationEnded(Id, _changes.NextVersion, at, status));
        _changes.Journal(command, at);
    }

    private static void CheckForm(AuthorizationId id, AuthorizationKind kind, DataCategories categories, bool hasExpiration)
    {
        if (kind == AuthorizationKind.ExplicitConsent)
        {
            // The notes and Part 2 rules are US law; GDPR asks for explicit consent to specified purposes, whatever the data.
            return;
        }

        foreach (DataCategories notes in (ReadOnlySpan<DataCategories>)[DataCategories.PsychotherapyNotes, DataCategories.SubstanceUseCounselingNotes])
        {
            if ((categories & notes) != 0 && categories != notes)
            {
                throw new DomainRuleException(AuthorizationRuleCodes.CompoundNotes, $"Authorization {id}: {notes} may only be authorized on their own.");
            }
        }

        if ((categories & (DataCategories.SubstanceUseRecords | DataCategories.SubstanceUseCounselingNotes)) != 0 && kind == AuthorizationKind.HipaaAuthorization)
        {
            throw new DomainRuleException(AuthorizationRuleCodes.Part2ConsentRequired, $"Authorization {id}: substance-use-disorder records need a 42 CFR Part 2 consent.");
        }

        if (!hasExpiration)
        {
            throw new DomainRuleException(AuthorizationRuleCodes.ExpirationRequired, $"Authorization {id}: a {kind} needs an expiration date or event.");
        }
    }
}
