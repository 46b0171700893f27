using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// Collects the verdicts of an audit into a <see cref="ComplianceReport"/>: findings are kept, passes only counted.
/// </summary>
/// <remarks>
/// Not thread-safe: use one builder per thread (for example one per patient or per batch of patients) and combine
/// them with <see cref="Merge"/>. The report does not depend on the order verdicts were added or builders merged:
/// <see cref="Build"/> sorts everything (see <see cref="ComplianceReport"/> for the order).
/// </remarks>
public sealed class ComplianceReportBuilder
{
    private readonly List<AuditFinding> _findings = [];
    private readonly Dictionary<RuleCode, OutcomeCounts> _rules = [];
    private readonly Dictionary<(PatientId Patient, ClinicianId? Clinician), OutcomeCounts> _pairs = [];

    /// <summary>Creates an empty builder: no patients, no verdicts.</summary>
    public ComplianceReportBuilder()
    {
    }

    /// <summary>How many patients have been counted with <see cref="AddPatient"/> (merged builders included).</summary>
    public int PatientsAudited { get; private set; }

    /// <summary>Counts one audited patient, whether or not any verdict concerns them.</summary>
    /// <exception cref="OverflowException">More than <see cref="int.MaxValue"/> patients.</exception>
    public void AddPatient() => PatientsAudited = checked(PatientsAudited + 1);

    /// <summary>Adds a verdict: counted by rule and by pair, and kept as a finding unless it passes.</summary>
    /// <param name="patientId">The patient it concerns.</param>
    /// <param name="clinicianId">The clinician of the pair it concerns; null when it is about the patient alone.</param>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="ArgumentException">An id or the verdict is the default value.</exception>
    public void Add(PatientId patientId, ClinicianId? clinicianId, Verdict verdict)
    {
        Guards.NotDefault(patientId, patientId.Value);
        if (clinicianId is { } clinician)
        {
            Guards.NotDefault(clinician, clinician.Value, nameof(clinicianId));
        }

        if (verdict.Code.Value is null)
        {
            throw new ArgumentException("The verdict is the default value.", nameof(verdict));
        }

        Counts(_rules, verdict.Code).Add(verdict.Outcome);
        Counts(_pairs, (patientId, clinicianId)).Add(verdict.Outcome);
        if (!verdict.IsPass)
        {
            _findings.Add(new AuditFinding(patientId, clinicianId, verdict));
        }
    }

    /// <summary>Adds everything another builder holds (patients, findings and counts) to this one; the other is unchanged.</summary>
    /// <param name="other">The builder to take in; not this one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this builder.</exception>
    /// <exception cref="OverflowException">More than <see cref="int.MaxValue"/> patients together.</exception>
    public void Merge(ComplianceReportBuilder other)
    {
        Guard.Against.Null(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A builder cannot be merged into itself.", nameof(other));
        }

        PatientsAudited = checked(PatientsAudited + other.PatientsAudited);
        _findings.AddRange(other._findings);
        foreach (KeyValuePair<RuleCode, OutcomeCounts> rule in other._rules)
        {
            Counts(_rules, rule.Key).Add(rule.Value);
        }

        foreach (KeyValuePair<(PatientId, ClinicianId?), OutcomeCounts> pair in other._pairs)
        {
            Counts(_pairs, pair.Key).Add(pair.Value);
        }
    }

    /// <summary>Makes the report of what has been added so far; the builder can go on being used.</summary>
    /// <param name="policyId">The id of the policy audited against, a code token.</param>
    /// <param name="policyVersion">The policy's version, 1 or more.</param>
    /// <param name="asOf">The instant the audit was made as of.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policyId"/> is not a code token.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policyVersion"/> is less than 1.</exception>
    public ComplianceReport Build(string policyId, int policyVersion, Instant asOf)
    {
        Guard.Against.InvalidCode(policyId);
        if (policyVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(policyVersion), "A policy version is 1 or more.");
        }

        // Array.Sort rather than a LINQ ordering: it sorts in place, without keys, about twice as fast on large audits.
        // Findings the order calls equal are equal in everything written, so the sort's instability shows nowhere.
        AuditFinding[] sorted = [.. _findings];
        Array.Sort(sorted, FindingOrder.Instance);
        ImmutableArray<AuditFinding> findings = ImmutableCollectionsMarshal.AsImmutableArray(sorted);
        ImmutableArray<RuleCount> rules = [.. _rules.OrderBy(r => r.Key.Value, StringComparer.Ordinal).Select(r => new RuleCount(r.Key, r.Value))];
        ImmutableArray<PairSummary> pairs =
        [
            .. _pairs
                .OrderBy(p => p.Key.Patient.Value, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Clinician?.Value, StringComparer.Ordinal)
                .Select(p => new PairSummary(p.Key.Patient, p.Key.Clinician, p.Value)),
        ];
        return new ComplianceReport(policyId, policyVersion, asOf, PatientsAudited, findings, rules, pairs);
    }

    private static OutcomeCounts Counts<TKey>(Dictionary<TKey, OutcomeCounts> counts, TKey key)
        where TKey : notnull
    {
        if (!counts.TryGetValue(key, out OutcomeCounts? found))
        {
            found = new OutcomeCounts();
            counts.Add(key, found);
        }

        return found;
    }
}
