using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using FluentValidation.Results;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// Writes caseloads as JSON documents (<c>"schema": "therapeutic-alliance/caseload@1"</c>) and reads them back,
/// whole (<see cref="Read(Stream)"/>) or one patient at a time (<see cref="Open"/>).
/// </summary>
/// <remarks>
/// <para>
/// The document: <c>{ "schema", "clinicians": [ { "id", "profession" } ], "patients": [ { "id", "terminatedWith",
/// "appointments", "goals", "plans", "feedback", "authorizations", "prescriptions", "relationshipDeclarations",
/// "disclosures" } ] }</c>. An appointment, goal, plan, feedback record or authorization is its <c>id</c> and its
/// <c>history</c>: the commands it accepted, in order, each an object of the command's arguments named by its
/// parameters, the first one creating it (<c>{ "command": "schedule", "clinicianId": "c1", … }</c>,
/// <c>{ "command": "checkIn", "arrivedAt": "…" }</c>). A prescription, declaration or disclosure is its constructor's
/// arguments. The patient's id is given once, on the patient. Names are camelCase; instants are ISO 8601 in UTC,
/// local date-times ISO 8601 without an offset, durations NodaTime round-trip text (<c>0:00:45:00</c>), enum values
/// camelCase names. The JSON Schema is <see cref="JsonSchema"/>, also shipped as <c>schemas/caseload.schema.json</c>.
/// </para>
/// <para>
/// Reading replays each history through the aggregates' public commands, so a document holds only what the
/// aggregates allow, and checks everything else: types, formats, required members, ids that must name a clinician
/// of <c>$.clinicians</c> or a record of the same patient, and the limits of <see cref="CaseloadReadOptions"/>.
/// Every problem is reported with its JSON path; messages never repeat text from the document. Members the library
/// does not know are kept: writing a caseload that was read gives them back in place.
/// </para>
/// </remarks>
public static class CaseloadDocument
{
    /// <summary>The document's schema name and version, the value of its <c>schema</c> property.</summary>
    public const string SchemaName = "therapeutic-alliance/caseload@1";

    private static readonly Lazy<string> EmbeddedSchema = DocumentFiles.EmbeddedSchema("caseload.schema.json");

    /// <summary>The JSON Schema (draft 2020-12, <c>$id</c> <c>urn:therapeutic-alliance:caseload@1</c>) of the document.</summary>
    /// <remarks>It describes the shape; what the aggregates allow (the order of commands, their invariants) is checked by reading.</remarks>
    public static string JsonSchema => EmbeddedSchema.Value;

    /// <summary>Opens a document for reading one patient at a time.</summary>
    /// <param name="stream">The document, UTF-8 (a byte order mark is allowed); read from its current position and left open.</param>
    /// <param name="options">The limits; <see cref="CaseloadReadOptions.Default"/> when null.</param>
    /// <returns>The reader: enumerate <see cref="CaseloadReader.ReadPatients"/>, then look at <see cref="CaseloadReader.Validation"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static CaseloadReader Open(Stream stream, CaseloadReadOptions? options = null) =>
        new(Guard.Against.Null(stream), options ?? CaseloadReadOptions.Default);

    /// <summary>Reads a whole document into memory.</summary>
    /// <param name="stream">The document, UTF-8; read to its end and left open.</param>
    /// <param name="options">The limits; <see cref="CaseloadReadOptions.Default"/> when null.</param>
    /// <returns>The caseload, or every problem with its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CaseloadReadResult Read(Stream stream, CaseloadReadOptions? options)
    {
        CaseloadReader reader = Open(stream, options);
        List<PatientCaseload> patients = [.. reader.ReadPatients()];
        ValidationResult validation = reader.Validation;
        if (!validation.IsValid)
        {
            return new CaseloadReadResult(null, validation);
        }

        List<ValidationFailure> duplicates = [.. patients.GroupBy(p => p.PatientId).Where(g => g.Count() > 1)
            .Select(g => new ValidationFailure($"$.patients[{patients.IndexOf(g.Skip(1).First())}].id", "The patient is given more than once.") { ErrorCode = DocumentErrorCodes.Invalid })];
        if (duplicates.Count > 0)
        {
            return new CaseloadReadResult(null, new ValidationResult(duplicates));
        }

        var caseload = new Caseload(reader.Clinicians, patients);
        var unknowns = new Dictionary<object, ImmutableArray<UnknownMember>>(reader.ClinicianUnknowns, ReferenceEqualityComparer.Instance);
        if (!reader.DocumentUnknowns.IsEmpty)
        {
            unknowns[caseload] = reader.DocumentUnknowns;
        }

        caseload.Unknowns = unknowns.Count == 0 ? null : unknowns;
        return new CaseloadReadResult(caseload, validation);
    }

    /// <summary>Reads a whole document from its text.</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="options">The limits; <see cref="CaseloadReadOptions.Default"/> when null.</param>
    /// <returns>The caseload, or every problem with its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static CaseloadReadResult Read(string json, CaseloadReadOptions? options)
    {
        Guard.Against.Null(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json), writable: false);
        return Read(stream, options);
    }

    /// <summary>Reads a whole document into memory with the default limits.</summary>
    /// <param name="stream">The document, UTF-8; read to its end and left open.</param>
    /// <returns>The caseload, or every problem with its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CaseloadReadResult Read(Stream stream) => Read(stream, null);

    /// <summary>Reads a whole document from its text with the default limits.</summary>
    /// <param name="json">The document's text.</param>
    /// <returns>The caseload, or every problem with its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static CaseloadReadResult Read(string json) => Read(json, null);

    /// <summary>Writes a caseload as an indented document, with any unknown members it was read with.</summary>
    /// <param name="caseload">The caseload.</param>
    /// <returns>The document's text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseload"/> is null.</exception>
    /// <exception cref="ArgumentException">A record cannot be written: an instrument response of an instrument that is not built in, or a text with an unpaired surrogate.</exception>
    public static string Write(Caseload caseload)
    {
        using var stream = new MemoryStream();
        Write(caseload, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a caseload as a UTF-8 document without a byte order mark, with any unknown members it was read with.</summary>
    /// <param name="caseload">The caseload.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A record cannot be written; part of the document may have been written.</exception>
    public static void Write(Caseload caseload, Stream stream)
    {
        Guard.Against.Null(caseload);
        Write(caseload.Clinicians, caseload.Patients, stream, indented: true, caseload.Unknowns, caseload);
    }

    /// <summary>
    /// Writes clinicians and patients as a document, taking one patient at a time from <paramref name="patients"/>
    /// and flushing after each, so that a generated caseload of any size streams to the file.
    /// </summary>
    /// <param name="clinicians">The clinicians.</param>
    /// <param name="patients">The patients, each once; enumerated once.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="indented">Whether to indent, or to write compactly (a third smaller).</param>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentException">A record cannot be written; part of the document may have been written.</exception>
    public static void Write(IEnumerable<CaseloadClinician> clinicians, IEnumerable<PatientCaseload> patients, Stream stream, bool indented)
    {
        Guard.Against.Null(clinicians);
        Guard.Against.Null(patients);
        Write(clinicians, patients, stream, indented, null, null);
    }

    /// <summary>The JSON Schema generated from the document's types, as <see cref="JsonSchema"/> holds it (a test keeps the two equal).</summary>
    internal static string GenerateJsonSchema() => CaseloadSchema.Generate();

    private static void Write(
        IEnumerable<CaseloadClinician> clinicians, IEnumerable<PatientCaseload> patients, Stream stream, bool indented,
        IReadOnlyDictionary<object, ImmutableArray<UnknownMember>>? unknowns, Caseload? caseload)
    {
        Guard.Against.Null(stream);
        using var writer = new Utf8JsonWriter(stream, DocumentFiles.WriterOptions(indented));
        writer.WriteStartObject();
        writer.WriteString("schema", SchemaName);
        writer.WriteStartArray("clinicians");
        foreach (CaseloadClinician clinician in clinicians)
        {
            Guard.Against.Null(clinician, nameof(clinicians));
            CaseloadRecords.WriteKeeping(writer, clinician, unknowns, w =>
            {
                w.WriteStartObject();
                w.WriteString("id", clinician.Id.Value);
                w.WriteString("profession", DocumentMapper.Camel(clinician.Profession.ToString()));
                w.WriteEndObject();
            });
        }

        writer.WriteEndArray();
        writer.WriteStartArray("patients");
        foreach (PatientCaseload patient in patients)
        {
            Guard.Against.Null(patient, nameof(patients));
            CaseloadRecords.WritePatient(writer, patient);
            writer.Flush();
        }

        writer.WriteEndArray();
        if (caseload is not null && unknowns is not null && unknowns.TryGetValue(caseload, out ImmutableArray<UnknownMember> kept))
        {
            foreach (UnknownMember member in kept)
            {
                writer.WritePropertyName(member.Name);
                if (JsonNode.Parse(member.Json) is { } node)
                {
                    node.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }
        }

        writer.WriteEndObject();
        writer.Flush();
    }

}
