using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/TherapeuticAlliance.Benchmarks -- --filter '*'</c>;
/// or, with <c>--peak-memory</c>, measures the peak memory of a streamed read and audit (see <see cref="PeakMemory"/>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments, or <c>--peak-memory</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == PeakMemory.ParentArgument)
        {
            return PeakMemory.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == PeakMemory.ChildArgument)
        {
            return PeakMemory.Child(args[1..]);
        }

        // A dry job only checks that every benchmark runs: the caseload benchmarks then use small caseloads.
        int job = Array.IndexOf(args, "--job");
        if ((job >= 0 && job + 1 < args.Length && string.Equals(args[job + 1], "Dry", StringComparison.OrdinalIgnoreCase))
            || args.Any(a => string.Equals(a, "--job=Dry", StringComparison.OrdinalIgnoreCase)))
        {
            Environment.SetEnvironmentVariable(CaseloadSizes.SmallVariable, "1");
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
