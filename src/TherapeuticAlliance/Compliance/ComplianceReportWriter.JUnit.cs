using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <content>The JUnit XML format.</content>
public static partial class ComplianceReportWriter
{
    /// <summary>Writes the report as JUnit XML, UTF-8 without a byte order mark, so that a CI system shows each finding.</summary>
    /// <remarks>
    /// <para>The mapping:</para>
    /// <list type="bullet">
    /// <item><c>&lt;testsuites name="therapeutic-alliance"&gt;</c> with the totals of <c>tests</c>, <c>failures</c>,
    /// <c>errors</c> (always 0) and <c>skipped</c> (always 0).</item>
    /// <item>One <c>&lt;testsuite&gt;</c> per rule that was checked, by code: <c>name</c> is the rule code, <c>tests</c>
    /// its test cases, <c>failures</c> its violations and reviews. Its <c>&lt;properties&gt;</c> hold <c>policy.id</c>,
    /// <c>policy.version</c>, <c>asOf</c> and <c>patientsAudited</c>.</item>
    /// <item>First in each suite, one passing <c>&lt;testcase name="passed"&gt;</c> whose <c>&lt;properties&gt;</c> hold
    /// the rule's pass count (<c>passCount</c>), even when it is 0: passes are counted, never listed one by one.</item>
    /// <item>Then one <c>&lt;testcase&gt;</c> per finding, in report order: <c>classname</c> is the rule code, <c>name</c>
    /// is <c>Kind/subjectId patient=… clinician=…</c> (no clinician part when the finding has none).
    /// <see cref="Outcome.Violation"/> and <see cref="Outcome.NeedsReview"/> hold a <c>&lt;failure type="Violation"&gt;</c>
    /// or <c>type="NeedsReview"</c> whose <c>message</c> is the code, outcome, subject and evidence, and whose text is the
    /// evidence, one per line, and the citation; a <see cref="Outcome.Warning"/> passes and holds the same text in
    /// <c>&lt;system-out&gt;</c>.</item>
    /// </list>
    /// <para>Control characters in a citation, which XML cannot hold, are written as spaces.</para>
    /// </remarks>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A citation holds an unpaired surrogate, which XML cannot carry; part of the document may have been written.</exception>
    public static void WriteJUnit(ComplianceReport report, Stream stream)
    {
        Guard.Against.Null(report);
        Guard.Against.Null(stream);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
        };
        using XmlWriter xml = XmlWriter.Create(stream, settings);
        long failures = report.Count(Outcome.Violation) + report.Count(Outcome.NeedsReview);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "therapeutic-alliance");
        xml.WriteAttributeString("tests", Number(report.Findings.Length + report.RuleCounts.Length));
        xml.WriteAttributeString("failures", Number(failures));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        foreach (RuleCount rule in report.RuleCounts)
        {
            WriteSuite(xml, report, rule);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
    }

    private static void WriteSuite(XmlWriter xml, ComplianceReport report, RuleCount rule)
    {
        AuditFinding[] findings = report.Findings.Where(f => f.Verdict.Code == rule.Code).ToArray();
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", rule.Code.Value);
        xml.WriteAttributeString("tests", Number(findings.Length + 1));
        xml.WriteAttributeString("failures", Number(rule.Violation + rule.NeedsReview));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteStartElement("properties");
        WriteProperty(xml, "policy.id", report.PolicyId);
        WriteProperty(xml, "policy.version", Number(report.PolicyVersion));
        WriteProperty(xml, "asOf", Instant(report.AsOf));
        WriteProperty(xml, "patientsAudited", Number(report.PatientsAudited));
        xml.WriteEndElement();

        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", rule.Code.Value);
        xml.WriteAttributeString("name", "passed");
        xml.WriteStartElement("properties");
        WriteProperty(xml, "passCount", Number(rule.Pass));
        xml.WriteEndElement();
        xml.WriteEndElement();

        foreach (AuditFinding finding in findings)
        {
            WriteCase(xml, finding);
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, AuditFinding finding)
    {
        Verdict verdict = finding.Verdict;
        string clinician = finding.ClinicianId is { } id ? $" clinician={id.Value}" : string.Empty;
        string evidence = string.Concat(verdict.Evidence.Select(e => $" {e.Name}={Value(e)}"));
        string details = string.Concat(verdict.Evidence.Select(e => $"{e.Name}={Value(e)}\n")) + $"citation: {Clean(verdict.Citation.ToString())}";
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", verdict.Code.Value);
        xml.WriteAttributeString("name", $"{verdict.Subject} patient={finding.PatientId.Value}{clinician}");
        if (verdict.Outcome == Outcome.Warning)
        {
            xml.WriteElementString("system-out", details);
        }
        else
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", verdict.Outcome.ToString());
            xml.WriteAttributeString("message", $"{verdict.Code.Value} {verdict.Outcome} {verdict.Subject}{evidence}");
            xml.WriteString(details);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
