using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Peak memory of reading a compact caseload document one patient at a time, for about 100k and about 1M appointments:
/// <c>dotnet run -c Release --project benchmarks/TherapeuticAlliance.Benchmarks -- --peak-memory [folder [modes]]</c>,
/// modes separated by commas (default <c>read,audit-patients,audit</c>).
/// </summary>
/// <remarks>
/// Writes the two files (2,500 and 25,000 synthetic patients) into the folder (default: the temp folder), then, for
/// each file and each mode, starts this program again in a fresh process that reads the file and reports its
/// <see cref="Process.PeakWorkingSet64"/> and the managed heap: the largest heap left after a collection (from
/// <see cref="GC.GetGCMemoryInfo()"/>, sampled every 5 ms) and the largest <see cref="GC.GetTotalMemory(bool)"/> seen
/// (garbage not yet collected included). Modes: <c>read</c> only enumerates the patients; <c>audit-patients</c> also
/// audits each one, sequentially, without the clinicians' calendars (no cross-patient double-booking check);
/// <c>audit</c> is the full <see cref="ComplianceAudit"/> run with two workers, double booking included. The files are
/// deleted at the end.
/// </remarks>
public static class PeakMemory
{
    /// <summary>The argument that selects this mode.</summary>
    public const string ParentArgument = "--peak-memory";

    /// <summary>The argument of the child process.</summary>
    public const string ChildArgument = "--peak-memory-child";

    private const string AllModes = "read,audit-patients,audit";

    /// <summary>Writes the files and runs a child process per file and mode, printing a table.</summary>
    /// <param name="args">Optionally the folder for the files, then the modes.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string folder = args.Length > 0 ? args[0] : Path.GetTempPath();
        string[] modes = (args.Length > 1 ? args[1] : AllModes).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int[] sizes = CaseloadSizes.Small ? [20, 200] : [2_500, 25_000];
        var files = new List<(int Patients, string Path)>();
        foreach (int patients in sizes)
        {
            var options = new SyntheticCaseloadOptions { Patients = patients, Seed = 1 };
            string path = Path.Combine(folder, $"ta-caseload-peak-{patients}.json");
            var stopwatch = Stopwatch.StartNew();
            using (FileStream file = File.Create(path))
            {
                CaseloadDocument.Write(SyntheticCaseload.Clinicians(options), SyntheticCaseload.Patients(options), file, indented: false);
            }

            Console.WriteLine(FormattableString.Invariant(
                $"wrote {path}: {patients} patients, {new FileInfo(path).Length / 1048576.0:F0} MiB in {stopwatch.Elapsed.TotalSeconds:F1} s"));
            files.Add((patients, path));
        }

        Console.WriteLine();
        Console.WriteLine("| Patients | Appointments | File (MiB) | Mode           | Time (s) | Peak working set (MiB) | Peak heap after GC (MiB) | Peak GC.GetTotalMemory (MiB) | Allocated (MiB) | Gen2 GCs |");
        Console.WriteLine("|---------:|-------------:|-----------:|:---------------|---------:|-----------------------:|-------------------------:|-----------------------------:|----------------:|---------:|");
        int status = 0;
        foreach ((int patients, string path) in files)
        {
            foreach (string mode in modes)
            {
                var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
                string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
                start.FileName = self;
                if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
                {
                    start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
                }

                start.ArgumentList.Add(ChildArgument);
                start.ArgumentList.Add(path);
                start.ArgumentList.Add(mode);
                start.ArgumentList.Add(patients.ToString(CultureInfo.InvariantCulture));
                using Process child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
                string line = child.StandardOutput.ReadToEnd().Trim();
                child.WaitForExit();
                if (child.ExitCode != 0)
                {
                    status = 1;
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"| {patients,8} | {line.Replace(";", " | ", StringComparison.Ordinal)} |"));
            }
        }

        foreach ((_, string path) in files)
        {
            File.Delete(path);
        }

        return status;
    }

    /// <summary>Reads one file in one mode and prints the figures, separated by semicolons.</summary>
    /// <param name="args">The path, the mode and the number of patients.</param>
    /// <returns>The exit code.</returns>
    public static int Child(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string path = args[0];
        string mode = args[1];
        var options = new SyntheticCaseloadOptions { Patients = int.Parse(args[2], CultureInfo.InvariantCulture), Seed = 1 };
        Instant asOf = SyntheticCaseload.AsOf(options);
        using var sampler = new HeapSampler();
        var stopwatch = Stopwatch.StartNew();
        long appointments = 0;
        bool valid;
        using (FileStream file = File.OpenRead(path))
        {
            CaseloadReader reader = CaseloadDocument.Open(file);
            IEnumerable<PatientCaseload> patients = Count(reader.ReadPatients());
            switch (mode)
            {
                case "read":
                    foreach (PatientCaseload patient in patients)
                    {
                        GC.KeepAlive(patient);
                    }

                    break;
                case "audit-patients":
                    var builder = new ComplianceReportBuilder();
                    foreach (PatientCaseload patient in patients)
                    {
                        ComplianceAudit.Audit(BoundaryPresets.UsPsychiatry, patient, asOf, builder);
                    }

                    GC.KeepAlive(builder.Build(BoundaryPresets.UsPsychiatry.Id, BoundaryPresets.UsPsychiatry.Version, asOf));
                    break;
                case "audit":
                    GC.KeepAlive(ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, patients, asOf, new ComplianceAuditOptions { MaxDegreeOfParallelism = 2 }));
                    break;
                default:
                    throw new ArgumentException($"Unknown mode {mode}.", nameof(args));
            }

            valid = reader.Validation.IsValid;
        }

        stopwatch.Stop();
        sampler.Stop();
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(FormattableString.Invariant(
            $"{appointments};{new FileInfo(path).Length / 1048576.0:F0};{mode,-14};{stopwatch.Elapsed.TotalSeconds:F1};{self.PeakWorkingSet64 / 1048576.0:F0};{sampler.PeakAfterGc / 1048576.0:F0};{sampler.PeakTotal / 1048576.0:F0};{GC.GetTotalAllocatedBytes() / 1048576.0:F0};{GC.CollectionCount(2)}{(valid ? "" : " (invalid!)")}"));
        return valid ? 0 : 1;

        IEnumerable<PatientCaseload> Count(IEnumerable<PatientCaseload> source)
        {
            foreach (PatientCaseload patient in source)
            {
                appointments += patient.Appointments.Length;
                yield return patient;
            }
        }
    }

    /// <summary>Samples the managed heap every 5 ms on a thread of its own.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public HeapSampler()
        {
            _thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler" };
            _thread.Start();
        }

        public long PeakAfterGc { get; private set; }

        public long PeakTotal { get; private set; }

        public void Stop()
        {
            _stop = true;
            _thread.Join();
            Record();
        }

        public void Dispose() => Stop();

        private void Sample()
        {
            while (!_stop)
            {
                Record();
                Thread.Sleep(5);
            }
        }

        private void Record()
        {
            PeakTotal = Math.Max(PeakTotal, GC.GetTotalMemory(forceFullCollection: false));
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            PeakAfterGc = Math.Max(PeakAfterGc, info.HeapSizeBytes - info.FragmentedBytes);
        }
    }
}
