using System.IO;
using System.Text.RegularExpressions;

namespace TherapeuticAlliance.Tests.Api;

/// <summary>The README's quick start and commands are the ones that run, so they cannot drift.</summary>
public class ReadmeTests
{
    private static readonly string Root = PublicApiConventionTests.RepositoryRoot();

    private static string Readme => File.ReadAllText(Path.Combine(Root, "README.md"));

    [Fact]
    public void QuickStart_IsTheSampleProgramWordForWord()
    {
        string program = File.ReadAllText(Path.Combine(Root, "src", "TherapeuticAlliance.Sample", "Program.cs"));
        string sample = Regex.Match(program, @"// quick-start:begin\n(.*?)// quick-start:end", RegexOptions.Singleline).Groups[1].Value.TrimEnd();
        string quickStart = Regex.Match(Readme, @"## Quick start.*?```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value.TrimEnd();

        sample.Should().NotBeEmpty();
        quickStart.Should().Be(sample);
    }

    [Theory]
    [InlineData("PlanningExample.cs", "planning", "## Goals and a treatment plan")]
    [InlineData("FeedbackExample.cs", "feedback", "## Feedback and the alliance")]
    [InlineData("BoundaryExample.cs", "boundaries", "## Professional boundaries: dual relationships")]
    [InlineData("ConfidentialityExample.cs", "confidentiality", "## Confidentiality: authorizations and disclosures")]
    [InlineData("PolicyDocumentExample.cs", "policy-document", "## Policy documents")]
    [InlineData("CaseloadExample.cs", "caseload", "## Caseloads and the `alliance` tool")]
    public void Example_IsTheSampleFileWordForWord(string file, string marker, string heading)
    {
        string example = File.ReadAllText(Path.Combine(Root, "src", "TherapeuticAlliance.Sample", file));
        string region = Regex.Match(example, $@"// {marker}:begin\n(.*?)\n\s*// {marker}:end", RegexOptions.Singleline).Groups[1].Value;
        string dedented = string.Join("\n", region.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));
        string readmeBlock = Regex.Match(Readme, $@"{heading}\n.*?```csharp\n(.*?)\n```", RegexOptions.Singleline).Groups[1].Value;

        dedented.Should().NotBeEmpty();
        readmeBlock.Should().Be(dedented);
    }

    [Fact]
    public void SetUpCommands_NameTheSampleAndTheTests_AndCiRunsTheTestCommand()
    {
        Readme.Should().Contain("`dotnet run --project src/TherapeuticAlliance.Sample`").And.Contain("`dotnet test TherapeuticAlliance.sln`")
            .And.Contain("| Run the main job (audit the embedded sample caseload) | `dotnet run --project src/TherapeuticAlliance.Cli -- audit` |");
        string ci = File.ReadAllText(Path.Combine(Root, ".ci", "run"));
        ci.Should().Contain("dotnet test TherapeuticAlliance.sln").And.Contain("dotnet run --project src/TherapeuticAlliance.Cli -c Release --no-build -- audit");
    }

    [Fact]
    public void Readme_SaysItIsNotLegalAdvice()
    {
        Readme.Should().Contain("not legal advice");
    }

    [Fact]
    public void Changelog_HasAnUnreleasedSection()
    {
        File.ReadAllText(Path.Combine(Root, "CHANGELOG.md")).Should().Contain("## [Unreleased]");
    }

    [Fact]
    public void NugetConfig_NamesNoRemoteHost()
    {
        File.ReadAllText(Path.Combine(Root, "nuget.config")).Should().NotContainAny("http://", "https://");
    }
}
