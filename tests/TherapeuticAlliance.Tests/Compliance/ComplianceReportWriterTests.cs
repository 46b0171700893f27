using System.IO;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Tests.Api;
using static TherapeuticAlliance.Tests.Compliance.Reports;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Compliance;

/// <summary>
/// The four report formats. Golden files live in Compliance/Golden; after an intended change, run the tests with
/// UPDATE_GOLDEN=1 to rewrite them and review the diff.
/// </summary>
public class ComplianceReportWriterTests
{
    public static TheoryData<string> Formats => new() { "txt", "json", "xml", "md" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_SampleReport_MatchesTheGoldenFile(string format)
    {
        string actual = Encoding.UTF8.GetString(Bytes(Sample(), format));
        string name = $"report.{format}";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(PublicApiConventionTests.RepositoryRoot(), "tests", "TherapeuticAlliance.Tests", "Compliance", "Golden", name);
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            return;
        }

        string path = Path.Combine(AppContext.BaseDirectory, "Compliance", "Golden", name);
        File.Exists(path).Should().BeTrue($"the golden file {name} must exist; create it with UPDATE_GOLDEN=1 dotnet test");
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        actual.Should().Be(expected, $"the {format} output must match Compliance/Golden/{name}; if the change is intended, rerun the tests with UPDATE_GOLDEN=1 and review the diff");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_IsDeterministic_AndCultureInvariant(string format)
    {
        byte[] first = Bytes(Sample(), format);
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // The tests run in invariant-globalization mode: a cloned culture with a decimal comma stands in for de-DE.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            System.Globalization.CultureInfo.CurrentCulture = comma;
            Bytes(Sample(), format).Should().Equal(first);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }

        first.AsSpan().StartsWith(Encoding.UTF8.Preamble).Should().BeFalse("no byte order mark");
        Encoding.UTF8.GetString(first).Should().NotContain("\r").And.Contain("1.25", "decimal points are invariant");
    }

    [Fact]
    public void WriteText_SummaryFirst_ThenAlignedFindings_ThenRules()
    {
        string[] lines = Text(Sample()).Split('\n');

        lines[0].Should().Be("Compliance report");
        lines[1].Should().Be("Policy: us-psychiatry v3");
        lines[2].Should().Be("As of: 2026-06-09T13:00:00Z");
        int header = Array.FindIndex(lines, l => l.StartsWith("OUTCOME", StringComparison.Ordinal));
        string[] table = lines[header..(header + 7)];
        int rule = table[0].IndexOf("RULE", StringComparison.Ordinal);
        int evidence = table[0].IndexOf("EVIDENCE", StringComparison.Ordinal);
        table.Skip(1).Should().OnlyContain(l => l[rule - 1] == ' ' && l[rule] != ' ' && l[evidence - 1] == ' ' && l[evidence] != ' ', "columns are aligned");
        lines.Should().OnlyContain(l => !l.EndsWith(' '));
        lines.Should().Contain(l => l.StartsWith("TA.TIME.OVERRUN", StringComparison.Ordinal) && l.EndsWith('2'));
    }

    [Fact]
    public void WriteJson_ParsesWithTheDocumentedShape()
    {
        using var document = JsonDocument.Parse(Json(Sample()));
        JsonElement root = document.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal("schema", "policy", "asOf", "patientsAudited", "worstOutcome", "counts", "rules", "pairs", "findings");
        root.GetProperty("schema").GetString().Should().Be(ComplianceReportWriter.JsonSchemaName);
        root.GetProperty("policy").GetProperty("version").GetInt32().Should().Be(3);
        root.GetProperty("asOf").GetString().Should().Be("2026-06-09T13:00:00Z");
        root.GetProperty("worstOutcome").GetString().Should().Be("violation");
        root.GetProperty("counts").GetProperty("pass").GetInt64().Should().Be(9);
        root.GetProperty("counts").GetProperty("needsReview").GetInt64().Should().Be(2);
        root.GetProperty("rules").GetArrayLength().Should().Be(4);
        root.GetProperty("pairs").GetArrayLength().Should().Be(3);

        JsonElement[] findings = [.. root.GetProperty("findings").EnumerateArray()];
        findings.Should().HaveCount(6);
        JsonElement overrun = findings.Single(f => f.GetProperty("subject").GetProperty("id").GetString() == "a-1");
        overrun.GetProperty("outcome").GetString().Should().Be("violation");
        overrun.GetProperty("subject").GetProperty("kind").GetString().Should().Be("appointment");
        overrun.GetProperty("evidence")[0].GetProperty("value").GetString().Should().Be("0:00:12:00");
        overrun.GetProperty("evidence")[1].GetProperty("value").GetDouble().Should().Be(1.25);
        overrun.GetProperty("citation").GetProperty("edition").GetString().Should().Be("2026 ed.");
        findings.Single(f => f.GetProperty("code").GetString() == "TA.ALLIANCE.SRS_DROP").GetProperty("clinician").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void WriteJUnit_OneSuitePerRule_OneCasePerFinding_AndOnePassedCase()
    {
        XDocument xml = XDocument.Load(new MemoryStream(JUnit(Sample())));
        XElement root = xml.Root!;

        root.Name.LocalName.Should().Be("testsuites");
        ((int)root.Attribute("tests")!).Should().Be(10);
        ((int)root.Attribute("failures")!).Should().Be(4);
        XElement[] suites = [.. root.Elements("testsuite")];
        suites.Select(s => (string)s.Attribute("name")!).Should().Equal("TA.ALLIANCE.SRS_DROP", "TA.DUAL.GIFT", "TA.TIME.LATE_START", "TA.TIME.OVERRUN");
        suites.Should().OnlyContain(s => (int)s.Attribute("tests")! == s.Elements("testcase").Count());
        suites.Should().OnlyContain(s => (int)s.Attribute("failures")! == s.Descendants("failure").Count());
        suites.Should().OnlyContain(s => s.Element("properties")!.Elements("property").Any(p => (string)p.Attribute("name")! == "policy.id" && (string)p.Attribute("value")! == "us-psychiatry"));

        XElement overrun = suites.Single(s => (string)s.Attribute("name")! == "TA.TIME.OVERRUN");
        XElement passed = overrun.Elements("testcase").First();
        ((string)passed.Attribute("name")!).Should().Be("passed");
        passed.Elements("failure").Should().BeEmpty();
        ((string)passed.Element("properties")!.Element("property")!.Attribute("value")!).Should().Be("4");
        XElement a1 = overrun.Elements("testcase").Single(c => (string)c.Attribute("name")! == "Appointment/a-1 patient=p-1 clinician=c-1");
        ((string)a1.Attribute("classname")!).Should().Be("TA.TIME.OVERRUN");
        ((string)a1.Element("failure")!.Attribute("type")!).Should().Be("Violation");
        ((string)a1.Element("failure")!.Attribute("message")!).Should().Be("TA.TIME.OVERRUN Violation Appointment/a-1 overrun=0:00:12:00 ratio=1.25");

        XElement warning = suites.Single(s => (string)s.Attribute("name")! == "TA.TIME.LATE_START").Elements("testcase").Skip(1).First();
        warning.Element("failure").Should().BeNull("a warning passes");
        ((string)warning.Element("system-out")!).Should().Contain("clinicianDelay=0:00:09:00");
        suites.Single(s => (string)s.Attribute("name")! == "TA.ALLIANCE.SRS_DROP").Descendants("failure").Single().Attribute("type")!.Value.Should().Be("NeedsReview");
    }

    [Fact]
    public void WriteMarkdown_EscapesPipesAndBackslashes()
    {
        string markdown = Markdown(Sample());

        markdown.Should().StartWith("# Compliance report\n");
        markdown.Should().Contain(@"§ 4.2 \| table <a>\\b");
        string[] findingRows = [.. markdown.Split('\n').SkipWhile(l => l != "## Findings").Where(l => l.StartsWith("| Violation", StringComparison.Ordinal))];
        findingRows.Should().HaveCount(2).And.OnlyContain(l => l.Replace(@"\|", "", StringComparison.Ordinal).Count(c => c == '|') == 8, "seven cells per row");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_EmptyReport_IsStillValid(string format)
    {
        byte[] bytes = Bytes(Empty(), format);
        string text = Encoding.UTF8.GetString(bytes);

        switch (format)
        {
            case "json":
                using (var document = JsonDocument.Parse(bytes))
                {
                    document.RootElement.GetProperty("worstOutcome").GetString().Should().Be("pass");
                    document.RootElement.GetProperty("findings").GetArrayLength().Should().Be(0);
                }

                break;
            case "xml":
                XDocument.Load(new MemoryStream(bytes)).Root!.Elements("testsuite").Should().BeEmpty();
                break;
            case "md":
                text.Should().Contain("No findings.").And.Contain("| Worst outcome | Pass |");
                break;
            default:
                text.Should().Contain("Findings: 0").And.Contain("Worst outcome: Pass");
                break;
        }
    }

    [Fact]
    public void Writers_NullArguments_Throw()
    {
        ComplianceReport report = Sample();
        using var stream = new MemoryStream();
        using var writer = new StringWriter();
        Action[] calls =
        [
            () => ComplianceReportWriter.WriteText(null!, writer), () => ComplianceReportWriter.WriteText(report, null!),
            () => ComplianceReportWriter.WriteMarkdown(null!, writer), () => ComplianceReportWriter.WriteMarkdown(report, null!),
            () => ComplianceReportWriter.WriteJson(null!, stream), () => ComplianceReportWriter.WriteJson(report, null!),
            () => ComplianceReportWriter.WriteJUnit(null!, stream), () => ComplianceReportWriter.WriteJUnit(report, null!),
        ];

        calls.Should().OnlyContain(c => Throws<ArgumentNullException>(c));
        stream.Length.Should().Be(0);
    }

    /// <summary>
    /// Every token a writer outputs is a fixed word of the format, an id, a code, a number, an instant, a duration or
    /// the citation: strip those and nothing is left.
    /// </summary>
    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_HoldsOnlyIdsCodesNumbersAndCitations(string format)
    {
        ComplianceReport report = Sample();
        string text = Encoding.UTF8.GetString(Bytes(report, format));
        string[] citation = [Manual.Document, Manual.Section, Manual.Edition, Manual.Section.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("|", @"\|", StringComparison.Ordinal),
            Manual.Section.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), Manual.Document.Replace("&", "&amp;", StringComparison.Ordinal), @"§ 4.2 | table <a>\\b"];
        foreach (string part in citation.OrderByDescending(c => c.Length))
        {
            text = text.Replace(part, " ", StringComparison.Ordinal);
        }

        string[] words = [.. System.Text.RegularExpressions.Regex.Split(text, @"[^A-Za-z]+").Where(w => w.Length > 0).Distinct()];
        string[] allowed =
        [
            "Compliance", "report", "Policy", "As", "of", "Patients", "audited", "Verdicts", "Worst", "outcome", "Findings", "Rules", "Item", "Value",
            "No", "findings", "OUTCOME", "RULE", "PATIENT", "CLINICIAN", "SUBJECT", "EVIDENCE", "CITATION", "PASS", "WARNING", "NEEDSREVIEW", "VIOLATION",
            "Outcome", "Rule", "Patient", "Clinician", "Subject", "Evidence", "Citation", "Pass", "Warning", "NeedsReview", "Violation",
            "schema", "therapeutic", "alliance", "policy", "id", "version", "asOf", "patientsAudited", "worstOutcome", "counts", "pass", "warning",
            "needsReview", "violation", "rules", "code", "worst", "pairs", "patient", "clinician", "findings", "subject", "kind", "evidence", "name",
            "value", "citation", "document", "section", "edition", "null", "number", "duration", "instant", "appointment", "relationshipDeclaration", "feedback",
            "xml", "encoding", "utf", "testsuites", "testsuite", "tests", "failures", "errors", "skipped", "properties", "property", "testcase",
            "classname", "passed", "passCount", "failure", "type", "message", "system", "out", "Appointment", "RelationshipDeclaration", "Feedback",
            "us", "psychiatry", "v", "p", "c", "a", "rel", "f", "T", "Z", "TA", "TIME", "OVERRUN", "LATE", "START", "DUAL", "GIFT", "ALLIANCE", "SRS", "DROP",
            "overrun", "scheduledMinutes", "ratio", "clinicianDelay", "giftKind", "cash", "declaration", "measuredAt",
        ];
        words.Except(allowed).Should().BeEmpty("a report holds ids, codes, numbers, instants, durations and citations only");
    }

    private static bool Throws<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }

    private static byte[] Bytes(ComplianceReport report, string format) => format switch
    {
        "json" => Json(report),
        "xml" => JUnit(report),
        "md" => Encoding.UTF8.GetBytes(Markdown(report)),
        _ => Encoding.UTF8.GetBytes(Text(report)),
    };
}
