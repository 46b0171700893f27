using System.IO;
using System.Text.RegularExpressions;

namespace TherapeuticAlliance.Tests.Shared;

/// <summary>Shared by the package test projects (linked, not referenced): finds files in the repository from the test output, and the regions a package README quotes.</summary>
internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TherapeuticAlliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (TherapeuticAlliance.sln) was not found above the test output.");
    }

    public static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root(), .. path])).ReplaceLineEndings("\n");

    /// <summary>The code between <c>// quick-start:begin</c> and <c>// quick-start:end</c>, trimmed.</summary>
    public static string QuickStartRegion(string source) =>
        Regex.Match(source, @"// quick-start:begin\n(.*?)// quick-start:end", RegexOptions.Singleline).Groups[1].Value.Trim();

    /// <summary>The first <c>csharp</c> block after the README's <c>## Quick start</c> heading, trimmed.</summary>
    public static string QuickStartBlock(string readme) =>
        Regex.Match(readme, @"## Quick start.*?```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value.Trim();
}
