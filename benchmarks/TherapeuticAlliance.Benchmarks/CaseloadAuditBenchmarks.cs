using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// <see cref="ComplianceAudit"/> of a synthetic caseload of about 1M appointments (25,000 patient-years, generated once,
/// held in memory) with the US psychiatry preset: two workers against one (the baseline), same run. Goal: 2 s or less
/// on 2 cores. The patients are already in memory, so this is the audit alone (rules, double booking, the report).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseloadAuditBenchmarks
{
    private PatientCaseload[] _patients = [];
    private Instant _asOf;

    /// <summary>Generates the caseload.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SyntheticCaseloadOptions options = CaseloadSizes.Audit;
        _patients = [.. SyntheticCaseload.Patients(options)];
        _asOf = SyntheticCaseload.AsOf(options);
        Console.WriteLine($"// caseload: {_patients.Length} patients, {_patients.Sum(p => p.Appointments.Length)} appointments");
    }

    /// <summary>One worker: the baseline.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public ComplianceReport OneWorker() => Audit(1);

    /// <summary>Two workers (the machine has two cores).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public ComplianceReport TwoWorkers() => Audit(2);

    private ComplianceReport Audit(int workers) =>
        ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, _patients, _asOf, new ComplianceAuditOptions { MaxDegreeOfParallelism = workers });
}
