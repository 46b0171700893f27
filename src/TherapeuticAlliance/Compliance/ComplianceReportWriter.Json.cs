using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <content>The JSON format.</content>
public static partial class ComplianceReportWriter
{
    /// <summary>The JSON report's schema name and version, the value of its <c>schema</c> property.</summary>
    public const string JsonSchemaName = "therapeutic-alliance/report@1";

    /// <summary>Writes the report as an indented JSON document of UTF-8 text, without a byte order mark.</summary>
    /// <remarks>
    /// <c>{ "schema", "policy": { "id", "version" }, "asOf", "patientsAudited", "worstOutcome", "counts": { "pass",
    /// "warning", "needsReview", "violation" }, "rules": [ { "code", "pass", "warning", "needsReview", "violation",
    /// "worst" } ], "pairs": [ { "patient", "clinician", "pass", "warning", "needsReview", "violation", "worst" } ],
    /// "findings": [ { "patient", "clinician", "code", "outcome", "subject": { "kind", "id" }, "evidence": [ { "name",
    /// "kind", "value" } ], "citation": { "document", "section", "edition" } } ] }</c>. Names are camelCase, in this
    /// order; outcomes and kinds are camelCase enum names; a missing clinician is <c>null</c>; an evidence value is a
    /// number, or a string for durations (round-trip text), instants (ISO 8601), ids and codes.
    /// </remarks>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A citation holds an unpaired surrogate, which JSON cannot carry; part of the document may have been written.</exception>
    public static void WriteJson(ComplianceReport report, Stream stream)
    {
        Guard.Against.Null(report);
        Guard.Against.Null(stream);
        using var json = new Utf8JsonWriter(stream, JsonOptions);
        json.WriteStartObject();
        json.WriteString("schema", JsonSchemaName);
        json.WriteStartObject("policy");
        json.WriteString("id", report.PolicyId);
        json.WriteNumber("version", report.PolicyVersion);
        json.WriteEndObject();
        json.WriteString("asOf", Instant(report.AsOf));
        json.WriteNumber("patientsAudited", report.PatientsAudited);
        json.WriteString("worstOutcome", Camel(report.WorstOutcome));
        json.WriteStartObject("counts");
        WriteCounts(json, report.Count);
        json.WriteEndObject();

        json.WriteStartArray("rules");
        foreach (RuleCount rule in report.RuleCounts)
        {
            json.WriteStartObject();
            json.WriteString("code", rule.Code.Value);
            WriteCounts(json, rule.Count);
            json.WriteString("worst", Camel(rule.Worst));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("pairs");
        foreach (PairSummary pair in report.Pairs)
        {
            json.WriteStartObject();
            json.WriteString("patient", pair.PatientId.Value);
            json.WriteString("clinician", pair.ClinicianId?.Value);
            WriteCounts(json, pair.Count);
            json.WriteString("worst", Camel(pair.Worst));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (AuditFinding finding in report.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static JsonWriterOptions JsonOptions => new()
    {
        Indented = true,

        // A report is a file, not HTML: keep '&', '+' and non-ASCII letters in citations readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    private static void WriteCounts(Utf8JsonWriter json, Func<Outcome, long> count)
    {
        foreach (Outcome outcome in Enum.GetValues<Outcome>())
        {
            json.WriteNumber(Camel(outcome), count(outcome));
        }
    }

    private static void WriteFinding(Utf8JsonWriter json, AuditFinding finding)
    {
        Verdict verdict = finding.Verdict;
        json.WriteStartObject();
        json.WriteString("patient", finding.PatientId.Value);
        json.WriteString("clinician", finding.ClinicianId?.Value);
        json.WriteString("code", verdict.Code.Value);
        json.WriteString("outcome", Camel(verdict.Outcome));
        json.WriteStartObject("subject");
        json.WriteString("kind", Camel(verdict.Subject.Kind));
        json.WriteString("id", verdict.Subject.Id);
        json.WriteEndObject();
        json.WriteStartArray("evidence");
        foreach (Evidence evidence in verdict.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("name", evidence.Name);
            json.WriteString("kind", Camel(evidence.Kind));
            if (evidence.Kind == EvidenceKind.Number)
            {
                json.WriteNumber("value", evidence.Number);
            }
            else
            {
                json.WriteString("value", Value(evidence));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("citation");
        json.WriteString("document", verdict.Citation.Document);
        json.WriteString("section", verdict.Citation.Section);
        json.WriteString("edition", verdict.Citation.Edition);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
