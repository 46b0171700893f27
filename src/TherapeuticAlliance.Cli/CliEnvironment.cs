using NodaTime;

namespace TherapeuticAlliance.Cli;

/// <summary>What the tool takes from the machine it runs on: <see cref="Program.Main"/> passes the real one, tests their own.</summary>
/// <param name="Clock">The clock the default <c>--as-of</c> of a FILE reads (the library never reads a clock).</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal: the progress bar is shown only then.</param>
/// <param name="ProcessorCount">How many patients are audited at once.</param>
/// <param name="ProgressThresholdBytes">Files larger than this get a progress bar (when standard error is a terminal).</param>
internal sealed record CliEnvironment(IClock Clock, bool ErrorIsTerminal, int ProcessorCount, long ProgressThresholdBytes)
{
    /// <summary>The progress bar shows for files over 5 MB.</summary>
    public const long DefaultProgressThresholdBytes = 5L * 1024 * 1024;
}
