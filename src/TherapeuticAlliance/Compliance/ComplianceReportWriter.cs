using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as text, JSON, JUnit XML or Markdown.
/// </summary>
/// <remarks>
/// Every format is deterministic (the same report gives the same characters; lines end in <c>\n</c>) and
/// culture-invariant: numbers in the invariant culture, instants in ISO 8601 (<c>2026-06-09T13:00:00Z</c>, NodaTime's
/// extended ISO pattern), durations as NodaTime round-trip text (<c>0:00:12:00</c> is 12 minutes). Nothing but ids,
/// codes, numbers, instants, durations and citations is written: never free text. In text and Markdown, control
/// characters in a citation are written as spaces, so that a cell stays on its line. Thread-safe.
/// </remarks>
public static partial class ComplianceReportWriter
{
    private const string None = "-";

    /// <summary>
    /// Writes the report as plain text: a summary (policy and version, as-of, patients audited, counts by outcome, worst
    /// outcome), then a table of findings (outcome, rule, patient, clinician, subject, evidence, citation section) with
    /// every column as wide as its widest cell, then a table of counts per rule.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; left open and not flushed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteText(ComplianceReport report, TextWriter writer)
    {
        Guard.Against.Null(report);
        Guard.Against.Null(writer);
        var text = new StringBuilder();
        text.Append("Compliance report\n");
        foreach ((string name, string value) in Summary(report))
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        text.Append('\n').Append("Findings: ").Append(Number(report.Findings.Length)).Append('\n');
        if (report.Findings.Length > 0)
        {
            AppendTable(text, FindingHeader, report.Findings.Select(f => FindingRow(f, Clean)));
        }

        text.Append('\n').Append("Rules: ").Append(Number(report.RuleCounts.Length)).Append('\n');
        if (report.RuleCounts.Length > 0)
        {
            AppendTable(text, RuleHeader, report.RuleCounts.Select(RuleRow));
        }

        writer.Write(text.ToString());
    }

    /// <summary>
    /// Writes the report as GitHub-flavoured Markdown: a summary table, a table of findings and a table of counts per
    /// rule. <c>\</c> and <c>|</c> in a cell are escaped with a backslash.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; left open and not flushed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteMarkdown(ComplianceReport report, TextWriter writer)
    {
        Guard.Against.Null(report);
        Guard.Against.Null(writer);
        var text = new StringBuilder();
        text.Append("# Compliance report\n\n");
        AppendMarkdownTable(text, ["Item", "Value"], Summary(report).Select(s => new[] { s.Name, s.Value }));
        text.Append("\n## Findings\n\n");
        if (report.Findings.Length == 0)
        {
            text.Append("No findings.\n");
        }
        else
        {
            AppendMarkdownTable(text, FindingHeader, report.Findings.Select(f => FindingRow(f, Clean)));
        }

        text.Append("\n## Rules\n\n");
        if (report.RuleCounts.Length == 0)
        {
            text.Append("No rule was checked.\n");
        }
        else
        {
            AppendMarkdownTable(text, RuleHeader, report.RuleCounts.Select(RuleRow));
        }

        writer.Write(text.ToString());
    }

    private static readonly string[] FindingHeader = ["Outcome", "Rule", "Patient", "Clinician", "Subject", "Evidence", "Citation"];

    private static readonly string[] RuleHeader = ["Rule", "Pass", "Warning", "NeedsReview", "Violation"];

    private static IEnumerable<(string Name, string Value)> Summary(ComplianceReport report) =>
    [
        ("Policy", $"{report.PolicyId} v{Number(report.PolicyVersion)}"),
        ("As of", Instant(report.AsOf)),
        ("Patients audited", Number(report.PatientsAudited)),
        ("Verdicts", string.Join(", ", Enum.GetValues<Outcome>().Select(o => $"{o} {Number(report.Count(o))}"))),
        ("Worst outcome", report.WorstOutcome.ToString()),
    ];

    private static string[] FindingRow(AuditFinding finding, Func<string, string> citation)
    {
        Verdict verdict = finding.Verdict;
        return
        [
            verdict.Outcome.ToString(),
            verdict.Code.Value,
            finding.PatientId.Value,
            finding.ClinicianId?.Value ?? None,
            verdict.Subject.ToString(),
            verdict.Evidence.IsEmpty ? None : string.Join(", ", verdict.Evidence.Select(e => $"{e.Name}={Value(e)}")),
            citation(verdict.Citation.Section),
        ];
    }

    private static string[] RuleRow(RuleCount rule) =>
        [rule.Code.Value, Number(rule.Pass), Number(rule.Warning), Number(rule.NeedsReview), Number(rule.Violation)];

    private static void AppendTable(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        List<string[]> all = [header.Select(h => h.ToUpperInvariant()).ToArray(), .. rows];
        int[] widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in all)
        {
            for (int c = 0; c < row.Length; c++)
            {
                // The last cell is not padded: no line ends in spaces.
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            }

            text.Append('\n');
        }
    }

    private static void AppendMarkdownTable(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        text.Append("| ").AppendJoin(" | ", header.Select(EscapeMarkdown)).Append(" |\n");
        text.Append('|').AppendJoin('|', header.Select(_ => " --- ")).Append("|\n");
        foreach (string[] row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(EscapeMarkdown)).Append(" |\n");
        }
    }

    private static string EscapeMarkdown(string cell) => cell.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Citation text on one line: control characters become spaces.</summary>
    private static string Clean(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : text;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Instant(Instant value) => InstantPattern.ExtendedIso.Format(value);

    private static string Duration(Duration value) => DurationPattern.Roundtrip.Format(value);

    private static string Value(Evidence evidence) => evidence.Kind switch
    {
        EvidenceKind.Number => evidence.Number.ToString(CultureInfo.InvariantCulture),
        EvidenceKind.Duration => Duration(evidence.Duration),
        EvidenceKind.Instant => Instant(evidence.Instant),
        _ => evidence.Text!,
    };
}
