using System;
using System.Buffers;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using FluentValidation;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// Writes a <see cref="BoundaryPolicy"/> as a JSON document (<c>"schema": "therapeutic-alliance/policy@1"</c>) and
/// reads it back, exactly: id, name, version, profession, jurisdiction, dates, sources, every setting and the change log.
/// </summary>
/// <remarks>
/// <para>
/// The document: <c>{ "schema", "id", "name", "version", "profession", "jurisdiction": { "country", "subdivision" },
/// "effectiveDate", "sourcesAsOf", "sources": [ { "document", "section", "edition" } ], "settings": { "time",
/// "planning", "alliance", "dual", "confidentiality" }, "changeLog": [ { "version", "effectiveDate", "setting", "oldValue", "newValue",
/// "reasonCode" } ] }</c>. Names are camelCase, in a fixed order; a setting's path below <c>$.settings</c> is its
/// change-log path (<c>$.settings.dual.standards.gift.stance</c>). Durations are NodaTime round-trip text
/// (<c>1:00:00:00</c> is 24 hours), periods ISO 8601 with every unit kept (<c>P2Y</c>), dates ISO 8601, enum values
/// camelCase names (flags as an array of names, empty for none), amounts without trailing zeros. Equal policies are
/// written as the same text. The JSON Schema is <see cref="JsonSchema"/>, also shipped in the package as
/// <c>schemas/policy.schema.json</c>.
/// </para>
/// <para>
/// Reading checks everything and reports every problem with its JSON path (<see cref="PolicyReadResult.Validation"/>);
/// a document with any problem gives no policy. Every property is required, so that a missing or misspelt threshold
/// never falls back to a default silently; unknown and repeated properties are problems. Input over
/// <see cref="MaximumBytes"/> or nested deeper than <see cref="MaximumDepth"/> is refused before it is parsed.
/// Messages never repeat text from the document. Thread-safe.
/// </para>
/// </remarks>
public static class PolicyDocument
{
    /// <summary>The document's schema name and version, the value of its <c>schema</c> property.</summary>
    public const string SchemaName = "therapeutic-alliance/policy@1";

    /// <summary>The largest document read: 1 MiB of UTF-8.</summary>
    public const int MaximumBytes = 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays read: 32 levels.</summary>
    public const int MaximumDepth = 32;

    private static readonly PolicyDocumentValidator Validator = new();

    private static readonly Lazy<string> EmbeddedSchema = DocumentFiles.EmbeddedSchema("policy.schema.json");

    /// <summary>The JSON Schema (draft 2020-12, <c>$id</c> <c>urn:therapeutic-alliance:policy@1</c>) of the document.</summary>
    /// <remarks>
    /// It describes the shape: members, types, formats and allowed names. The rules of each setting (ranges, code
    /// tokens, a standard for every situation) and of the change log are checked by <see cref="Read(string)"/>.
    /// </remarks>
    public static string JsonSchema => EmbeddedSchema.Value;

    /// <summary>Writes the policy as an indented document.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The document's text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">A text in the policy (its name, a citation, a change's values) holds an unpaired surrogate, which JSON cannot carry exactly.</exception>
    public static string Write(BoundaryPolicy policy)
    {
        Guard.Against.Null(policy);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentFiles.WriterOptions(indented: true)))
        {
            Write(policy, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the policy as an indented UTF-8 document, without a byte order mark.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text in the policy holds an unpaired surrogate.</exception>
    public static void Write(BoundaryPolicy policy, Stream stream)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(stream);
        using var writer = new Utf8JsonWriter(stream, DocumentFiles.WriterOptions(indented: true));
        Write(policy, writer);
    }

    /// <summary>Writes the policy as one JSON value with the writer's own options (indenting, escaping); the writer is flushed.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text in the policy holds an unpaired surrogate; part of the document may have been written.</exception>
    public static void Write(BoundaryPolicy policy, Utf8JsonWriter writer)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(writer);
        DocumentMapper.Write(writer, new PolicyDocumentModel(policy));
        writer.Flush();
    }

    /// <summary>Reads a policy document.</summary>
    /// <param name="json">The document's text.</param>
    /// <returns>The policy, or every problem with its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static PolicyReadResult Read(string json)
    {
        Guard.Against.Null(json);
        return json.Length > MaximumBytes || Encoding.UTF8.GetByteCount(json) > MaximumBytes
            ? TooLarge()
            : Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a policy document of UTF-8 text (a byte order mark is allowed) to the end of the stream.</summary>
    /// <param name="stream">The document; read no further than one byte past <see cref="MaximumBytes"/>, and left open.</param>
    /// <returns>The policy, or every problem with its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static PolicyReadResult Read(Stream stream)
    {
        Guard.Against.Null(stream);
        using var content = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            content.Write(chunk, 0, read);
            if (content.Length > MaximumBytes)
            {
                return TooLarge();
            }
        }

        return Read(content.GetBuffer().AsMemory(0, (int)content.Length));
    }

    /// <summary>The JSON Schema generated from the document's types, as <see cref="JsonSchema"/> holds it (a test keeps the two equal).</summary>
    internal static string GenerateJsonSchema()
    {
        JsonObject generated = DocumentMapper.Schema(typeof(PolicyDocumentModel));
        ((JsonObject)generated["properties"]!)["schema"] = new JsonObject { ["const"] = SchemaName };
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:therapeutic-alliance:policy@1",
            ["title"] = "TherapeuticAlliance boundary policy",
            ["description"] = "A BoundaryPolicy as written by PolicyDocument.Write. Generated from the library's types: do not edit by hand.",
        };
        foreach (string name in new[] { "type", "properties", "required", "additionalProperties", "$defs" })
        {
            JsonNode? node = generated[name];
            generated.Remove(name);
            schema[name] = node;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentFiles.WriterOptions(indented: true)))
        {
            schema.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }


    private static PolicyReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        ReadOnlyMemory<byte> json = utf8.Span.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
        if (Scan(json.Span) is { } problem)
        {
            return new PolicyReadResult(new ValidationResult([problem]));
        }

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaximumDepth });
        var context = new ValidationContext<JsonElement>(document.RootElement);
        ValidationResult result = Validator.Validate(context);
        return result.IsValid && context.RootContextData.TryGetValue(PolicyDocumentValidator.PolicyKey, out object? policy)
            ? new PolicyReadResult((BoundaryPolicy)policy)
            : new PolicyReadResult(result);
    }

    /// <summary>Checks the text before it is parsed: UTF-8, not empty, JSON, and no deeper than <see cref="MaximumDepth"/>.</summary>
    private static ValidationFailure? Scan(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return Failure(DocumentErrorCodes.Syntax, "The document is not UTF-8 text.");
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Failure(DocumentErrorCodes.Syntax, "The document is empty.");
        }

        // One level more than allowed, so that the reader itself never stops on depth: depth is reported below.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaximumDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaximumDepth)
                {
                    return Failure(DocumentErrorCodes.TooDeep, $"The document nests objects and arrays deeper than {MaximumDepth} levels (at byte {reader.TokenStartIndex + 1}).");
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Unescapes(ref reader))
                {
                    return Failure(DocumentErrorCodes.Syntax, $"The document is not valid text: a string at byte {reader.TokenStartIndex + 1} escapes an unpaired surrogate.");
                }
            }
        }
        catch (JsonException e)
        {
            // The exception's own message may quote the document; only its position is used.
            return Failure(DocumentErrorCodes.Syntax, $"The document is not valid JSON: the error is at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.");
        }

        return null;
    }

    private static bool Unescapes(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static PolicyReadResult TooLarge() =>
        new(new ValidationResult([Failure(DocumentErrorCodes.TooLarge, $"The document is larger than {MaximumBytes} bytes.")]));

    private static ValidationFailure Failure(string code, string message) => new("$", message) { ErrorCode = code };
}
