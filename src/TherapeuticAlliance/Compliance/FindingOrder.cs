using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Compliance;

/// <summary>The total order of a report's findings (see <see cref="ComplianceReport"/>), ordinal throughout.</summary>
internal sealed class FindingOrder : IComparer<AuditFinding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(AuditFinding? x, AuditFinding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        Verdict a = x.Verdict;
        Verdict b = y.Verdict;
        int order = string.CompareOrdinal(x.PatientId.Value, y.PatientId.Value);
        order = order != 0 ? order : string.CompareOrdinal(x.ClinicianId?.Value, y.ClinicianId?.Value);
        order = order != 0 ? order : string.CompareOrdinal(a.Code.Value, b.Code.Value);
        order = order != 0 ? order : a.Subject.Kind.CompareTo(b.Subject.Kind);
        order = order != 0 ? order : string.CompareOrdinal(a.Subject.Id, b.Subject.Id);
        order = order != 0 ? order : a.Outcome.CompareTo(b.Outcome);
        order = order != 0 ? order : CompareEvidence(a.Evidence, b.Evidence);
        order = order != 0 ? order : string.CompareOrdinal(a.Citation.Document, b.Citation.Document);
        order = order != 0 ? order : string.CompareOrdinal(a.Citation.Section, b.Citation.Section);
        return order != 0 ? order : string.CompareOrdinal(a.Citation.Edition, b.Citation.Edition);
    }

    private static int CompareEvidence(ImmutableArray<Evidence> x, ImmutableArray<Evidence> y)
    {
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            int order = Compare(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static int Compare(Evidence x, Evidence y)
    {
        int order = string.CompareOrdinal(x.Name, y.Name);
        order = order != 0 ? order : x.Kind.CompareTo(y.Kind);
        return order != 0 ? order : x.Kind switch
        {
            EvidenceKind.Number => x.Number.CompareTo(y.Number),
            EvidenceKind.Duration => x.Duration.CompareTo(y.Duration),
            EvidenceKind.Instant => x.Instant.CompareTo(y.Instant),
            _ => string.CompareOrdinal(x.Text, y.Text),
        };
    }
}
