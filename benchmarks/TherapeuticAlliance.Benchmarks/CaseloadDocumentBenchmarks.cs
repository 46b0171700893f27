using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Loading a compact caseload document from a file on disk (625 synthetic patients, about 25k appointments, written
/// once), against System.Text.Json deserializing the same file into plain DTOs (the baseline; goal: within 2x of it),
/// same run. <see cref="ReadWhole"/> is <see cref="CaseloadDocument.Read(Stream)"/>; <see cref="ReadStreamed"/>
/// enumerates <see cref="CaseloadReader.ReadPatients"/> to the end, counting appointments; <see cref="StreamedAudit"/>
/// is the end-to-end audit of the file: read one patient at a time and audited by two workers.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseloadDocumentBenchmarks
{
    private string _path = "";
    private Instant _asOf;

    /// <summary>Writes the file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SyntheticCaseloadOptions options = CaseloadSizes.Document;
        _path = Path.Combine(Path.GetTempPath(), $"ta-caseload-bench-{Environment.ProcessId}.json");
        using (FileStream file = File.Create(_path))
        {
            CaseloadDocument.Write(SyntheticCaseload.Clinicians(options), SyntheticCaseload.Patients(options), file, indented: false);
        }

        _asOf = SyntheticCaseload.AsOf(options);
        Console.WriteLine($"// document: {options.Patients} patients, {new FileInfo(_path).Length} bytes");
    }

    /// <summary>Deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>System.Text.Json (source-generated) into plain DTOs: the baseline.</summary>
    /// <returns>The DTOs.</returns>
    [Benchmark(Baseline = true)]
    public CaseloadDto? SystemTextJsonDtos()
    {
        using FileStream file = File.OpenRead(_path);
        return JsonSerializer.Deserialize(file, CaseloadDtoContext.Default.CaseloadDto);
    }

    /// <summary>The whole document read and replayed.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public CaseloadReadResult ReadWhole()
    {
        using FileStream file = File.OpenRead(_path);
        CaseloadReadResult result = CaseloadDocument.Read(file);
        return result.IsValid ? result : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>The patients read one at a time, to the end.</summary>
    /// <returns>The number of appointments read.</returns>
    [Benchmark]
    public long ReadStreamed()
    {
        using FileStream file = File.OpenRead(_path);
        CaseloadReader reader = CaseloadDocument.Open(file);
        long appointments = 0;
        foreach (PatientCaseload patient in reader.ReadPatients())
        {
            appointments += patient.Appointments.Length;
        }

        return reader.Validation.IsValid ? appointments : throw new InvalidOperationException(reader.Validation.ToString());
    }

    /// <summary>The file read one patient at a time and audited by two workers.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public ComplianceReport StreamedAudit()
    {
        using FileStream file = File.OpenRead(_path);
        CaseloadReader reader = CaseloadDocument.Open(file);
        ComplianceReport report = ComplianceAudit.Run(
            BoundaryPresets.UsPsychiatry, reader.ReadPatients(), _asOf, new ComplianceAuditOptions { MaxDegreeOfParallelism = 2 });
        return reader.Validation.IsValid ? report : throw new InvalidOperationException(reader.Validation.ToString());
    }
}

/// <summary>A caseload document as plain DTOs: what System.Text.Json deserializes in the baseline.</summary>
public sealed class CaseloadDto
{
    /// <summary>The schema name.</summary>
    public string? Schema { get; set; }

    /// <summary>The clinicians.</summary>
    public List<ClinicianDto>? Clinicians { get; set; }

    /// <summary>The patients.</summary>
    public List<PatientDto>? Patients { get; set; }
}

/// <summary>A clinician.</summary>
public sealed class ClinicianDto
{
    /// <summary>The id.</summary>
    public string? Id { get; set; }

    /// <summary>The profession.</summary>
    public string? Profession { get; set; }
}

/// <summary>A patient's records.</summary>
public sealed class PatientDto
{
    /// <summary>The id.</summary>
    public string? Id { get; set; }

    /// <summary>The clinicians whose treatment ended.</summary>
    public List<string>? TerminatedWith { get; set; }

    /// <summary>The appointments.</summary>
    public List<RecordDto>? Appointments { get; set; }

    /// <summary>The goals.</summary>
    public List<RecordDto>? Goals { get; set; }

    /// <summary>The plans.</summary>
    public List<RecordDto>? Plans { get; set; }

    /// <summary>The feedback.</summary>
    public List<RecordDto>? Feedback { get; set; }

    /// <summary>The authorizations.</summary>
    public List<RecordDto>? Authorizations { get; set; }

    /// <summary>The prescriptions.</summary>
    public List<Dictionary<string, JsonElement>>? Prescriptions { get; set; }

    /// <summary>The relationship declarations.</summary>
    public List<Dictionary<string, JsonElement>>? RelationshipDeclarations { get; set; }

    /// <summary>The disclosures.</summary>
    public List<Dictionary<string, JsonElement>>? Disclosures { get; set; }
}

/// <summary>A record written as its command history.</summary>
public sealed class RecordDto
{
    /// <summary>The id.</summary>
    public string? Id { get; set; }

    /// <summary>The commands, each an object of its own shape.</summary>
    public List<Dictionary<string, JsonElement>>? History { get; set; }
}

/// <summary>Source-generated serialization of <see cref="CaseloadDto"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CaseloadDto))]
public sealed partial class CaseloadDtoContext : JsonSerializerContext;
