using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Documents;

/// <summary>Generates the caseload document's JSON Schema from the records' commands and constructors, so the two cannot drift.</summary>
internal static class CaseloadSchema
{
    private static readonly ImmutableHashSet<string> PatientParameter = ["patientId"];

    private static readonly ImmutableHashSet<string> CreationParameters = ["id", "patientId"];

    public static string Generate()
    {
        var definitions = new JsonObject();
        var patientProperties = new JsonObject
        {
            ["id"] = Id(),
            ["terminatedWith"] = new JsonObject { ["type"] = "array", ["items"] = Id() },
        };
        foreach (CaseloadRecords.RecordKind kind in CaseloadRecords.Kinds)
        {
            definitions[kind.Type.Name] = null;
            definitions[kind.Type.Name] = kind.Constructor is { } constructor
                ? DocumentMapper.ArgumentsSchema(constructor, PatientParameter, definitions)
                : AggregateSchema(kind, definitions);
            patientProperties[kind.Name] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = $"#/$defs/{kind.Type.Name}" } };
        }

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:therapeutic-alliance:caseload@1",
            ["title"] = "TherapeuticAlliance caseload",
            ["description"] = "A caseload as written by CaseloadDocument.Write. Generated from the library's types: do not edit by hand. Members not described here are allowed and kept.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["schema"] = new JsonObject { ["const"] = CaseloadDocument.SchemaName },
                ["clinicians"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["id"] = Id(),
                            ["profession"] = new JsonObject { ["enum"] = new JsonArray([.. System.Enum.GetNames<ClinicianProfession>().Select(n => (JsonNode)DocumentMapper.Camel(n))]) },
                        },
                        ["required"] = new JsonArray("id", "profession"),
                    },
                },
                ["patients"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/Patient" } },
            },
            ["required"] = new JsonArray("schema", "clinicians", "patients"),
            ["$defs"] = new JsonObject
            {
                ["Patient"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = patientProperties,
                    ["required"] = new JsonArray([.. patientProperties.Select(p => (JsonNode)p.Key)]),
                },
            },
        };
        var defs = (JsonObject)schema["$defs"]!;
        foreach ((string name, JsonNode? definition) in definitions.ToList())
        {
            definitions.Remove(name);
            defs[name] = definition;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DocumentFiles.WriterOptions(indented: true)))
        {
            schema.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The field reference (Markdown): every record's members and commands, with what each value must be.</summary>
    public static string FieldReference()
    {
        var text = new StringBuilder();
        text.Append($$"""
            # Caseload document: field reference

            `"schema": "{{CaseloadDocument.SchemaName}}"`. Generated from the library's commands by a test
            (`UPDATE_SCHEMAS=1 dotnet test --filter CaseloadDocumentSchemaTests` rewrites it): do not edit by hand.
            The JSON Schema is `src/TherapeuticAlliance/Schemas/caseload.schema.json`.

            Every member listed is required unless marked optional; members not listed are kept, not refused. An
            aggregate is `{ "id", "history" }`: the commands it accepted, in order, each `{ "command": NAME, … }` with
            the command's arguments. The first command creates the record; the record's id and the patient's id are not
            repeated in it. Reading replays the history through the library's commands, so an order they refuse is a
            problem (`TA.DOC.REFUSED`, with the rule code).

            ## Root

            | Member | Value |
            |---|---|
            | `schema` | `"{{CaseloadDocument.SchemaName}}"` |
            | `clinicians` | an array of `{ "id", "profession" }`: an id, and one of {{string.Join(", ", Enum.GetNames<ClinicianProfession>().Select(n => $"'{DocumentMapper.Camel(n)}'"))}} |
            | `patients` | an array of patients |

            ## Patient

            | Member | Value |
            |---|---|
            | `id` | the patient's id |
            | `terminatedWith` | an array of the ids of clinicians whose treatment of the patient has ended |

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (CaseloadRecords.RecordKind kind in CaseloadRecords.Kinds)
        {
            text.Append($"| `{kind.Name}` | an array of {kind.Type.Name} records |\n");
        }

        foreach (CaseloadRecords.RecordKind kind in CaseloadRecords.Kinds)
        {
            text.Append($"\n## {kind.Name} ({kind.Type.Name})\n\n");
            if (kind.Constructor is { } constructor)
            {
                text.Append("An object of these members:\n\n| Member | Value |\n|---|---|\n");
                AppendArguments(text, constructor, PatientParameter);
                continue;
            }

            text.Append("`{ \"id\", \"history\" }`. Commands (the first one of a history creates the record):\n\n| Command | Members |\n|---|---|\n");
            foreach ((string name, MethodInfo method) in kind.Commands.OrderBy(c => !c.Value.IsStatic).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                string members = string.Join("<br>", DocumentMapper.DescribeArguments(method, method.IsStatic ? CreationParameters : PatientParameter)
                    .Select(a => $"`{a.Name}`{(a.Optional ? " (optional)" : string.Empty)}: {Escape(a.Expected)}"));
                text.Append($"| `{name}`{(method.IsStatic ? " (creates)" : string.Empty)} | {members} |\n");
            }

            if (kind.Type == typeof(Planning.Goal))
            {
                text.Append($"| `{DocumentMapper.Camel(Planning.Goal.RevisionOf)}` (creates) | `goalId`: the goal whose `revise` command made this one (that command holds its statement and targets) |\n");
            }
        }

        return text.ToString();
    }

    private static void AppendArguments(StringBuilder text, MethodBase method, ISet<string> implicitParameters)
    {
        foreach ((string name, string expected, bool optional) in DocumentMapper.DescribeArguments(method, implicitParameters))
        {
            text.Append($"| `{name}`{(optional ? " (optional)" : string.Empty)} | {Escape(expected)} |\n");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static JsonObject AggregateSchema(CaseloadRecords.RecordKind kind, JsonObject definitions)
    {
        JsonArray creators = [];
        JsonArray commands = [];
        foreach ((string name, MethodInfo method) in kind.Commands.OrderBy(c => c.Key, System.StringComparer.Ordinal))
        {
            JsonObject arguments = DocumentMapper.ArgumentsSchema(method, method.IsStatic ? CreationParameters : PatientParameter, definitions);
            var properties = new JsonObject { ["command"] = new JsonObject { ["const"] = name } };
            foreach ((string parameter, JsonNode? schema) in ((JsonObject)arguments["properties"]!).ToList())
            {
                ((JsonObject)arguments["properties"]!).Remove(parameter);
                properties[parameter] = schema;
            }

            (method.IsStatic ? creators : commands).Add(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray(["command", .. ((JsonArray)arguments["required"]!).Select(r => (JsonNode?)r!.GetValue<string>())]),
            });
        }

        if (kind.Type == typeof(Planning.Goal))
        {
            creators.Add(new JsonObject
            {
                ["type"] = "object",
                ["description"] = "A goal made by another goal's revise command: that command holds its statement and targets.",
                ["properties"] = new JsonObject { ["command"] = new JsonObject { ["const"] = DocumentMapper.Camel(Planning.Goal.RevisionOf) }, ["goalId"] = Id() },
                ["required"] = new JsonArray("command", "goalId"),
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = Id(),
                ["history"] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["prefixItems"] = new JsonArray(new JsonObject { ["oneOf"] = creators }),
                    ["items"] = new JsonObject { ["oneOf"] = commands },
                },
            },
            ["required"] = new JsonArray("id", "history"),
        };
    }

    private static JsonObject Id() => new() { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9\\-.]{1,64}$" };
}
