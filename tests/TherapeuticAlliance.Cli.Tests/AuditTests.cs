using System.Xml.Linq;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Testing;
using TherapeuticAlliance.Tests.Shared;

namespace TherapeuticAlliance.Cli.Tests;

public class AuditTests
{
    private const string StackTrace = "   at ";

    [Fact]
    public void Audit_WithoutFile_SaysSoOnFirstLineAndFailsOnPlantedViolation()
    {
        var (code, output, error) = Cli.Run("audit");

        code.Should().Be(ExitCodes.Findings);
        output.Split('\n')[0].Should().StartWith("Auditing the embedded sample caseload (20 synthetic patients, seed 49");
        output.Should().Contain("TA.TIME.DOUBLE_BOOKING").And.Contain("Worst outcome: Violation");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Audit_EmbeddedSampleText_MatchesGolden()
    {
        var (_, output, _) = Cli.Run("audit");
        string path = Path.Combine(Repository.Root(), "tests", "TherapeuticAlliance.Cli.Tests", "Golden", "audit-sample.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, output);
        }

        File.Exists(path).Should().BeTrue("create the golden file with UPDATE_GOLDEN=1 dotnet test");
        output.Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Audit_FailOnViolationOrReview_ExitsOneOnTheSample()
    {
        // The sample's worst outcome is a violation, so every threshold catches it; the compliant caseload below exits 0.
        Cli.Run("audit", "--fail-on", "violation").Code.Should().Be(ExitCodes.Findings);
        Cli.Run("audit", "--fail-on", "review").Code.Should().Be(ExitCodes.Findings);
    }

    [Fact]
    public void Audit_CompliantCaseload_ExitsZero()
    {
        var caseload = new CaseloadBuilder().WithClinician("c-1").Build();
        using var file = Cli.Temp(CaseloadDocument.Write(caseload));

        var (code, output, error) = Cli.Run("audit", file.Path, "--as-of", "2026-01-04", "--fail-on", "warning");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().StartWith("Compliance report\n").And.Contain("As of: 2026-01-05T00:00:00Z").And.Contain("Worst outcome: Pass");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Audit_FileWithoutAsOf_UsesTheClock()
    {
        using var file = Cli.Temp(CaseloadDocument.Write(new CaseloadBuilder().Build()));
        Cli.Run("audit", file.Path).Out.Should().Contain("As of: 2026-01-05T05:00:00Z");
    }

    [Theory]
    [InlineData("2026-01-05T05:00:00Z", "2026-01-05T05:00:00Z")]
    [InlineData("2026-01-05T00:00:00-05:00", "2026-01-05T05:00:00Z")]
    [InlineData("2026-01-04", "2026-01-05T00:00:00Z")]
    public void Audit_AsOf_AcceptsInstantOffsetAndDate(string given, string expected) =>
        Cli.Run("audit", "--as-of", given).Out.Should().Contain($"As of: {expected}\n");

    [Fact]
    public void Audit_JsonFormat_KeepsStdoutPureAndNotesOnStderr()
    {
        var (code, output, error) = Cli.Run("audit", "--format", "json");

        code.Should().Be(ExitCodes.Findings);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        error.Should().StartWith("Auditing the embedded sample caseload");
    }

    [Fact]
    public void Audit_JUnitFormat_ParsesAsXml()
    {
        var (code, output, _) = Cli.Run("audit", "--format", "junit");

        code.Should().Be(ExitCodes.Findings);
        XDocument xml = XDocument.Parse(output);
        xml.Descendants("testcase").Should().NotBeEmpty();
        xml.Descendants("failure").Should().NotBeEmpty();
    }

    [Fact]
    public void Audit_MarkdownToOutputFile_WritesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"alliance-{Guid.NewGuid():N}.md");
        try
        {
            var (code, output, error) = Cli.Run("audit", "--format", "markdown", "--output", path);

            code.Should().Be(ExitCodes.Findings);
            output.Should().BeEmpty();
            error.Should().Contain("report written to");
            File.ReadAllText(path).Should().Contain("TA.TIME.DOUBLE_BOOKING");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Audit_PolicyFile_IsUsed()
    {
        using var policy = Cli.Temp(Cli.Run("policy", "show", "us-psychology").Out);
        var (code, output, _) = Cli.Run("audit", "--policy", policy.Path);
        code.Should().Be(ExitCodes.Findings);
        output.Should().Contain("Policy: us-psychology v1");
    }

    public static TheoryData<string, string, string> Malformed()
    {
        string sample = File.ReadAllText(Cli.SamplePath);
        return new()
        {
            { "truncated JSON", sample[..2000], "TA.DOC.SYNTAX" },
            { "wrong types", """{"schema":"therapeutic-alliance/caseload@1","clinicians":"c0001","patients":[]}""", "$.clinicians: TA.DOC.TYPE" },
            { "unknown ids", sample.Replace("\"clinicians\":[{\"id\":\"c0001\",\"profession\":\"psychiatrist\"}]", "\"clinicians\":[]", StringComparison.Ordinal), "TA.DOC.UNKNOWN_REFERENCE" },
            { "wrong schema version", sample.Replace("caseload@1", "caseload@2", StringComparison.Ordinal), "TA.DOC.SCHEMA" },
            { "huge numbers", System.Text.RegularExpressions.Regex.Replace(sample, "(\"minutes\":)[0-9]+", "${1}1e400"), ".minutes: TA.DOC.TYPE" },
            { "deeply nested arrays", """{"schema":"therapeutic-alliance/caseload@1","clinicians":""" + new string('[', 2000) + new string(']', 2000) + "}", "$.clinicians: TA.DOC.TOO_DEEP" },
            { "huge integer", sample.Replace("\"minutes\":30", "\"minutes\":99999999999999999999999", StringComparison.Ordinal), ".minutes: TA.DOC.TYPE" },
            { "arrays nested past the depth limit", """{"schema":"therapeutic-alliance/caseload@1","clinicians":[],"patients":""" + new string('[', 40) + new string(']', 40) + "}", "$.patients[0]: TA.DOC.TOO_DEEP" },
            { "empty file", "", "$: TA.DOC.SYNTAX" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Audit_MalformedInput_ExitsTwoWithPathAndCode(string what, string text, string expected)
    {
        using var file = Cli.Temp(text);

        var (code, output, error) = Cli.Run("audit", file.Path, "--as-of", "2026-01-04");

        code.Should().Be(ExitCodes.Invalid, what);
        output.Should().BeEmpty("no report is written for an invalid document");
        error.Should().Contain("is not a valid caseload document").And.Contain(expected).And.NotContain(StackTrace);
    }

    [Fact]
    public void Audit_MissingFile_ExitsTwoWithOneLine()
    {
        var (code, _, error) = Cli.Run("audit", "/nonexistent/caseload.json");

        code.Should().Be(ExitCodes.Invalid);
        error.Should().Be("alliance: /nonexistent/caseload.json: TA.CLI.IO: no such directory\n");
    }

    [Fact]
    public void Audit_MissingFileInExistingDirectory_SaysNoSuchFile() =>
        Cli.Run("audit", Path.Combine(Path.GetTempPath(), "no-such-caseload.json")).Error.Should().Contain("TA.CLI.IO: no such file").And.NotContain(StackTrace);

    [Theory]
    [InlineData("--format", "xml", "--format: TA.CLI.USAGE")]
    [InlineData("--fail-on", "never", "--fail-on: TA.CLI.USAGE")]
    [InlineData("--preset", "uk-psychiatry", "--preset: TA.CLI.USAGE")]
    [InlineData("--as-of", "yesterday", "--as-of: TA.CLI.USAGE")]
    [InlineData("--bogus", "1", "TA.CLI.USAGE")]
    public void Audit_BadOption_ExitsTwo(string option, string value, string expected)
    {
        var (code, output, error) = Cli.Run("audit", option, value);

        code.Should().Be(ExitCodes.Invalid);
        output.Should().BeEmpty();
        error.Should().Contain(expected).And.Contain("alliance audit --help").And.NotContain(StackTrace);
    }

    [Fact]
    public void Audit_PolicyAndPreset_ExitsTwo()
    {
        var (code, _, error) = Cli.Run("audit", "--policy", "p.json", "--preset", "us-psychiatry");
        code.Should().Be(ExitCodes.Invalid);
        error.Should().Contain("--policy and --preset cannot be used together").And.Contain("TA.CLI.USAGE");
    }

    [Fact]
    public void Audit_InvalidPolicyFile_ExitsTwoWithPaths()
    {
        using var policy = Cli.Temp("""{"schema":"therapeutic-alliance/policy@1"}""");
        var (code, _, error) = Cli.Run("audit", "--policy", policy.Path);
        code.Should().Be(ExitCodes.Invalid);
        error.Should().Contain("is not a valid policy document").And.Contain("$").And.Contain("TA.").And.NotContain(StackTrace);
    }

    [Fact]
    public void Audit_ProgressBar_NotShownWhenStderrRedirected()
    {
        using var file = Cli.Temp(Cli.SampleText);
        var quiet = Cli.Environment with { ProgressThresholdBytes = 0 };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Program.Run(["audit", file.Path, "--as-of", "2026-01-04"], stdout, stderr, quiet).Should().Be(ExitCodes.Findings);
        stderr.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Audit_ProgressBar_ShownOnTerminalForLargeFiles_DoesNotChangeTheReport()
    {
        using var file = Cli.Temp(Cli.SampleText);
        var terminal = Cli.Environment with { ErrorIsTerminal = true, ProgressThresholdBytes = 1 };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Program.Run(["audit", file.Path, "--as-of", "2026-01-04"], stdout, stderr, terminal).Should().Be(ExitCodes.Findings);
        stdout.ToString().ReplaceLineEndings("\n").Should().Be(Cli.Run("audit", file.Path, "--as-of", "2026-01-04").Out);
    }
}
