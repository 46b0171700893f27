using System;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using NodaTime;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// The result of a compliance audit: which policy, as of when, how many patients, the findings (every verdict that
/// did not pass) and counts of every verdict, passes included, by rule and by patient-clinician pair.
/// </summary>
/// <remarks>
/// <para>
/// Built by <see cref="ComplianceReportBuilder"/>. Passing verdicts are counted, not kept, so a report of millions of
/// checks holds counts and the few findings. Immutable and thread-safe. Holds ids, codes, numbers, instants,
/// durations and citations only, never free text; <see cref="ComplianceReportWriter"/> writes it as text, JSON,
/// JUnit XML or Markdown.
/// </para>
/// <para>
/// Order, which is part of the contract (equal inputs give equal reports whatever order the verdicts came in):
/// findings by patient id, clinician id (a finding without a clinician first), rule code, subject kind (in
/// <see cref="SubjectKind"/> order), subject id, outcome (least severe first), then evidence and citation, ids and
/// codes compared ordinally; rule counts by code; pair summaries by patient id, then clinician id (none first).
/// </para>
/// </remarks>
public sealed class ComplianceReport
{
    internal ComplianceReport(
        string policyId, int policyVersion, Instant asOf, int patientsAudited,
        ImmutableArray<AuditFinding> findings, ImmutableArray<RuleCount> ruleCounts, ImmutableArray<PairSummary> pairs)
    {
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        AsOf = asOf;
        PatientsAudited = patientsAudited;
        Findings = findings;
        RuleCounts = ruleCounts;
        Pairs = pairs;
        WorstOutcome = ruleCounts.Select(r => r.Worst).DefaultIfEmpty(Outcome.Pass).Max();
    }

    /// <summary>The id of the policy audited against, a code token (for example <c>us-psychiatry</c>).</summary>
    public string PolicyId { get; }

    /// <summary>The version of the policy, 1 or more.</summary>
    public int PolicyVersion { get; }

    /// <summary>The instant the caseload was audited as of.</summary>
    public Instant AsOf { get; }

    /// <summary>How many patients were audited, 0 or more.</summary>
    public int PatientsAudited { get; }

    /// <summary>Every verdict that did not pass (warnings, reviews and violations), in the order the remarks give.</summary>
    public ImmutableArray<AuditFinding> Findings { get; }

    /// <summary>The verdicts of each rule that was checked, per outcome and passes included, by rule code.</summary>
    public ImmutableArray<RuleCount> RuleCounts { get; }

    /// <summary>The verdicts of each patient-clinician pair, per outcome and passes included, by patient then clinician.</summary>
    public ImmutableArray<PairSummary> Pairs { get; }

    /// <summary>The most severe outcome of all the verdicts; <see cref="Outcome.Pass"/> when there are none.</summary>
    public Outcome WorstOutcome { get; }

    /// <summary>How many verdicts, over every rule, have an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined.</exception>
    [Pure]
    public long Count(Outcome outcome)
    {
        long total = 0;
        foreach (RuleCount rule in RuleCounts)
        {
            total += rule.Count(outcome);
        }

        return total;
    }

    /// <summary>Whether a finding is as severe as <paramref name="outcome"/> or more: what a CI gate fails on.</summary>
    /// <param name="outcome">The threshold: <see cref="Outcome.Warning"/>, <see cref="Outcome.NeedsReview"/> or <see cref="Outcome.Violation"/>.</param>
    /// <returns>Whether <see cref="WorstOutcome"/> is at or above the threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="outcome"/> is <see cref="Outcome.Pass"/> (a pass is not a finding) or not defined.
    /// </exception>
    [Pure]
    public bool HasFindingAtOrAbove(Outcome outcome)
    {
        if (outcome is <= Outcome.Pass or > Outcome.Violation)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "The threshold is Warning, NeedsReview or Violation: a pass is not a finding.");
        }

        return WorstOutcome >= outcome;
    }
}
