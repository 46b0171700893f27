using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>The answer to a disclosure request, from the most to the least permissive.</summary>
public enum DisclosureDecisionKind
{
    /// <summary>It may go as requested.</summary>
    Permitted = 0,

    /// <summary>It may go if the decision's <see cref="DisclosureDecision.Conditions"/> are met.</summary>
    PermittedIf = 1,

    /// <summary>A person must weigh the factors in <see cref="DisclosureDecision.Factors"/> first.</summary>
    NeedsReview = 2,

    /// <summary>It may not go as requested; <see cref="DisclosureDecision.Withheld"/> says which categories are barred.</summary>
    Denied = 3,
}

/// <summary>What a disclosure that is permitted only under conditions must do.</summary>
[Flags]
public enum DisclosureConditions
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Disclose only the minimum necessary for the purpose (HIPAA 164.502(b)).</summary>
    MinimumNecessary = 1,

    /// <summary>Disclose only what the order, warrant, law or process expressly requires or authorizes.</summary>
    LimitToLegalMandate = 1 << 1,

    /// <summary>Disclose only the identifying data elements HIPAA 164.512(f)(2) lists.</summary>
    IdentificationDataOnly = 1 << 2,

    /// <summary>Tell the patient promptly that the report was or will be made (HIPAA 164.512(c)(2)).</summary>
    NotifyPatient = 1 << 3,

    /// <summary>Record the disclosure for the accounting of disclosures (HIPAA 164.528): see <see cref="DisclosureDecision.AccountingEntry"/>.</summary>
    RecordForAccounting = 1 << 4,

    /// <summary>Send the 42 CFR 2.32 notice with the records.</summary>
    RedisclosureNotice = 1 << 5,

    /// <summary>Document the medical-emergency disclosure immediately afterwards (42 CFR 2.51(c)).</summary>
    RecordEmergency = 1 << 6,
}

/// <summary>
/// One line of a patient's accounting of disclosures (HIPAA 164.528(b)(2)): when, to whom, what, and why. Made for
/// every permitted disclosure that is not exempt (treatment, payment and operations, to the patient, under an
/// authorization, and to people involved in care are exempt).
/// </summary>
/// <param name="DisclosureId">The disclosure.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="DisclosedAt">When.</param>
/// <param name="Recipient">To whom (the party's key, if the request named one).</param>
/// <param name="Purpose">Why.</param>
/// <param name="Categories">What.</param>
public sealed record AccountingEntry(DisclosureId DisclosureId, PatientId PatientId, Instant DisclosedAt, DisclosureRecipient Recipient, DisclosurePurpose Purpose, DataCategories Categories);

/// <summary>The accounting of disclosures a patient may ask for (HIPAA 164.528).</summary>
public static class AccountingOfDisclosures
{
    /// <summary>How far back an accounting reaches: six years before the day it is requested (164.528(a)(1)).</summary>
    public static Period Lookback { get; } = Period.FromYears(6);

    /// <summary>The patient's entries from the six years before the day of the request, oldest first.</summary>
    /// <param name="entries">Recorded entries, of any patients, in any order.</param>
    /// <param name="patientId">The patient asking.</param>
    /// <param name="requestedAt">When the patient asked.</param>
    /// <param name="zone">The practice's time zone, which dates the request and the disclosures.</param>
    /// <returns>The entries to report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/>, an entry or <paramref name="zone"/> is null.</exception>
    [Pure]
    public static IReadOnlyList<AccountingEntry> For(IEnumerable<AccountingEntry> entries, PatientId patientId, Instant requestedAt, DateTimeZone zone)
    {
        Guard.Against.Null(entries);
        Guard.Against.Null(zone);
        LocalDate requestedOn = requestedAt.InZone(zone).Date;
        LocalDate from = requestedOn.Minus(Lookback);
        return
        [
            .. entries.Select(e => e ?? throw new ArgumentNullException(nameof(entries), "An entry is null."))
                .Where(e => e.PatientId == patientId && e.DisclosedAt <= requestedAt && e.DisclosedAt.InZone(zone).Date >= from)
                .OrderBy(e => e.DisclosedAt),
        ];
    }
}

/// <summary>
/// The decision on a disclosure request: the kind of answer, which categories may go, are under review or are withheld,
/// the conditions, the factors to weigh, the verdicts (each with its rule code and citation), and the accounting entry
/// to record if the disclosure is made.
/// </summary>
/// <remarks>
/// The kind follows the verdicts: a violation denies, a review holds, a condition (a warning) permits only if met.
/// <see cref="Allowed"/>, <see cref="UnderReview"/> and <see cref="Withheld"/> split the requested categories, so a
/// denied request can still show what could go on its own. Immutable; holds ids and codes only.
/// </remarks>
public sealed class DisclosureDecision
{
    internal DisclosureDecision(
        DisclosureRequest request, DisclosureDecisionKind kind, DataCategories allowed, DataCategories underReview, DisclosureConditions conditions,
        ImmutableArray<Verdict> verdicts, AccountingEntry? accountingEntry)
    {
        Request = request;
        Kind = kind;
        Allowed = allowed;
        UnderReview = underReview;
        Withheld = request.Categories & ~allowed & ~underReview;
        Conditions = conditions;
        Verdicts = verdicts;
        AccountingEntry = accountingEntry;
    }

    /// <summary>The request decided.</summary>
    public DisclosureRequest Request { get; }

    /// <summary>The answer.</summary>
    public DisclosureDecisionKind Kind { get; }

    /// <summary>Whether it may go, possibly under conditions.</summary>
    public bool IsPermitted => Kind <= DisclosureDecisionKind.PermittedIf;

    /// <summary>The requested categories that may go (under the conditions).</summary>
    public DataCategories Allowed { get; }

    /// <summary>The requested categories that wait on a person's review.</summary>
    public DataCategories UnderReview { get; }

    /// <summary>The requested categories that may not go.</summary>
    public DataCategories Withheld { get; }

    /// <summary>What the disclosure must do to be permitted.</summary>
    public DisclosureConditions Conditions { get; }

    /// <summary>The findings, each with its rule code (<see cref="ConfidentialityRuleCodes"/>), outcome, evidence and citation.</summary>
    public ImmutableArray<Verdict> Verdicts { get; }

    /// <summary>The entry to record if the disclosure is made; null when the disclosure is exempt from the accounting or denied.</summary>
    public AccountingEntry? AccountingEntry { get; }

    /// <summary>The factors a reviewer must weigh (codes from the verdicts' <c>factor</c> evidence), in verdict order.</summary>
    public IEnumerable<string> Factors =>
        Verdicts.SelectMany(v => v.Evidence).Where(e => e.Name == DisclosureCheck.FactorEvidence).Select(e => e.Text!);

    /// <summary>Returns the request id, the kind, the categories allowed and the rule codes: no free text.</summary>
    public override string ToString() =>
        $"Disclosure {Request.Id} {Kind} allowed=[{Allowed}] conditions=[{Conditions}] {string.Join(" ", Verdicts.Select(v => $"{v.Code}:{v.Outcome}"))}";
}
