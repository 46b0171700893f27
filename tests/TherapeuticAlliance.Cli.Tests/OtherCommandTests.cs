using TherapeuticAlliance.Tests.Shared;
using System.Security.Cryptography;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Cli.Tests;

public class SampleTests
{
    [Fact]
    public void Sample_SameSeed_SameBytes()
    {
        string first = Cli.Run("sample", "--patients", "5", "--seed", "7").Out;
        string second = Cli.Run("sample", "--patients", "5", "--seed", "7").Out;
        first.Should().NotBeEmpty().And.StartWith("{\"schema\":\"therapeutic-alliance/caseload@1\"");
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(first)).Should().Equal(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(second)));
        Cli.Run("sample", "--patients", "5", "--seed", "8").Out.Should().NotBe(first);
    }

    [Fact]
    public void Sample_ToFile_EqualsStdout()
    {
        string path = Path.Combine(Path.GetTempPath(), $"alliance-{Guid.NewGuid():N}.json");
        try
        {
            Cli.Run("sample", "--patients", "3", "--output", path).Code.Should().Be(ExitCodes.Ok);
            File.ReadAllText(path).Should().Be(Cli.Run("sample", "--patients", "3").Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The embedded sample is exactly what the generator writes; UPDATE_SAMPLE=1 rewrites it.</summary>
    [Fact]
    public void EmbeddedSample_EqualsGeneratorOutput()
    {
        using var generated = new MemoryStream();
        SampleCommand.Write(EmbeddedSample.Options, generated);
        if (Environment.GetEnvironmentVariable("UPDATE_SAMPLE") == "1")
        {
            File.WriteAllBytes(Cli.SamplePath, generated.ToArray());
        }

        using var embedded = new MemoryStream();
        using (Stream resource = EmbeddedSample.Open())
        {
            resource.CopyTo(embedded);
        }

        File.ReadAllBytes(Cli.SamplePath).Should().Equal(generated.ToArray(), "the checked-in sample must be what 'alliance sample' writes (UPDATE_SAMPLE=1 rewrites it)");
        embedded.ToArray().Should().Equal(generated.ToArray(), "the tool embeds the checked-in sample (rebuild after UPDATE_SAMPLE=1)");
        Cli.Run("sample").Out.Should().Be(System.Text.Encoding.UTF8.GetString(generated.ToArray()));
    }

    [Fact]
    public void EmbeddedSample_PlantsAViolation() =>
        SyntheticCaseload.PlantedProblem(EmbeddedSample.Options, 2).Should().Be(SyntheticProblem.DoubleBooking);

    [Fact]
    public void Sample_NegativePatients_ExitsTwo()
    {
        var (code, _, error) = Cli.Run("sample", "--patients", "-1");
        code.Should().Be(ExitCodes.Invalid);
        error.Should().Contain("--patients: TA.CLI.USAGE");
    }
}

public class PolicyTests
{
    [Fact]
    public void PolicyList_ListsEveryPreset()
    {
        var (code, output, _) = Cli.Run("policy", "list");
        code.Should().Be(ExitCodes.Ok);
        output.Should().StartWith("ID").And.Contain("us-psychiatry   Psychiatrist  US").And.Contain("us-counseling").And.Contain("us-psychology").And.Contain("us-social-work");
    }

    [Fact]
    public void PolicyShow_WritesAValidDocument()
    {
        var (code, output, _) = Cli.Run("policy", "show", "us-psychiatry");
        code.Should().Be(ExitCodes.Ok);
        using var file = Cli.Temp(output);
        var validated = Cli.Run("policy", "validate", file.Path);
        validated.Code.Should().Be(ExitCodes.Ok, validated.Error);
        validated.Out.Should().Contain("valid policy document us-psychiatry v1");
    }

    [Fact]
    public void PolicyShow_UnknownPreset_ExitsTwo() =>
        Cli.Run("policy", "show", "nope").Code.Should().Be(ExitCodes.Invalid);

    [Theory]
    [InlineData("{")]
    [InlineData("""{"schema":"therapeutic-alliance/policy@1"}""")]
    [InlineData("")]
    public void PolicyValidate_Invalid_ExitsTwoWithPathAndCode(string text)
    {
        using var file = Cli.Temp(text);
        var (code, _, error) = Cli.Run("policy", "validate", file.Path);
        code.Should().Be(ExitCodes.Invalid);
        error.Should().Contain("is not a valid policy document").And.MatchRegex(@"\n  \$\S*: TA\.").And.NotContain("   at ");
    }

    [Fact]
    public void PolicyValidate_MissingFile_ExitsTwo() =>
        Cli.Run("policy", "validate", "/nonexistent/p.json").Error.Should().Contain("TA.CLI.IO");
}

public class HelpTests
{
    [Theory]
    [InlineData("audit")]
    [InlineData("sample")]
    [InlineData("policy")]
    [InlineData("policy", "list")]
    [InlineData("policy", "show")]
    [InlineData("policy", "validate")]
    public void Help_EveryCommand_HasExamples(params string[] command)
    {
        var (code, output, _) = Cli.Run([.. command, "--help"]);
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("Usage:").And.Contain("Examples:\n  alliance " + command[0]);
    }

    [Fact]
    public void Help_Root_HasExamples() => Cli.Run("--help").Out.Should().Contain("Examples:\n  alliance audit");

    [Fact]
    public void NoCommand_ExitsTwo() => Cli.Run().Code.Should().Be(ExitCodes.Invalid);
}

public class ReadmeOutputTests
{
    /// <summary>
    /// The README shows the main job's real output: each line it shows (but the "…" that stands for the findings) is,
    /// in order, a line of what the tool writes, trailing spaces aside.
    /// </summary>
    [Fact]
    public void Readme_MainJobOutput_IsTheToolsRealOutput()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md")).ReplaceLineEndings("\n");
        string block = System.Text.RegularExpressions.Regex.Match(
            readme, @"\$ dotnet run --project src/TherapeuticAlliance\.Cli -- audit\n(.*?)\n\$ echo \$\?", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        (int code, string output, _) = Cli.Run("audit");

        string[] shown = [.. block.Split('\n').Where(line => line != "…")];
        string[] real = [.. output.Split('\n').Select(line => line.TrimEnd())];
        code.Should().Be(1);
        shown.Should().HaveCountGreaterThan(10);
        int at = 0;
        foreach (string line in shown)
        {
            at = Array.IndexOf(real, line, at);
            at.Should().BeGreaterThanOrEqualTo(0, "the README line \"{0}\" must be in the tool's output, in order", line);
            at++;
        }
    }
}

public class ClockTests
{
    /// <summary>
    /// Time comes from an injected IClock: no project reads the machine's clock, except the tool's composition root,
    /// which hands the system clock to the audit as an IClock.
    /// </summary>
    [Fact]
    public void OnlyTheToolsCompositionRoot_SuppliesTheSystemClock()
    {
        string src = Path.Combine(Repository.Root(), "src");
        string[] readers =
        [
            .. Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"SystemClock|DateTime(Offset)?\.(Utc)?Now|Stopwatch|Environment\.TickCount"))
                .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/')),
        ];

        readers.Should().Equal("TherapeuticAlliance.Cli/Program.cs");
    }
}
