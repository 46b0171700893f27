using NodaTime.Testing;
using TherapeuticAlliance.Tests.Shared;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it writes.</summary>
internal static class Cli
{
    public static readonly CliEnvironment Environment =
        new(new FakeClock(Instant.FromUtc(2026, 1, 5, 5, 0)), ErrorIsTerminal: false, ProcessorCount: 2, CliEnvironment.DefaultProgressThresholdBytes);

    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr, Environment);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    public static string SamplePath => Path.Combine(Repository.Root(), "src", "TherapeuticAlliance.Cli", "Samples", "sample-caseload.json");

    public static string SampleText => File.ReadAllText(SamplePath);

    /// <summary>A temporary file with the text, deleted with the returned object.</summary>
    public static TempFile Temp(string text, string extension = ".json") => new(text, extension);
}

internal sealed class TempFile : IDisposable
{
    public TempFile(string text, string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alliance-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
