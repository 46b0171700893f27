using System.IO;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Api;

namespace TherapeuticAlliance.Tests.Documents;

/// <summary>
/// The policy document's JSON Schema: generated from the same types the documents are read into, checked in at
/// <c>src/TherapeuticAlliance/Schemas/policy.schema.json</c>, embedded in the assembly, and met by every document
/// <see cref="PolicyDocument.Write(BoundaryPolicy)"/> writes. No JSON Schema validator package is referenced, so
/// <see cref="SchemaCheck"/> implements the keywords the schema uses, and refuses any other.
/// </summary>
public class PolicyDocumentSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(PublicApiConventionTests.RepositoryRoot(), "src", "TherapeuticAlliance", "Schemas", "policy.schema.json");

    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    [Fact]
    public void CheckedInSchema_IsTheOneGeneratedFromTheTypes()
    {
        string generated = PolicyDocument.GenerateJsonSchema();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        File.ReadAllText(SchemaPath).ReplaceLineEndings("\n").Should().Be(
            generated,
            "the schema is generated from the document's types: after changing a setting, run `UPDATE_SCHEMAS=1 dotnet test --filter PolicyDocumentSchemaTests` and commit {0}",
            "src/TherapeuticAlliance/Schemas/policy.schema.json");
    }

    [Fact]
    public void EmbeddedSchema_IsTheCheckedInFile()
    {
        PolicyDocument.JsonSchema.ReplaceLineEndings("\n").Should().Be(File.ReadAllText(SchemaPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Schema_IsDraft202012WithAUrnId()
    {
        Schema["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
        Schema["$id"]!.GetValue<string>().Should().Be("urn:therapeutic-alliance:policy@1").And.NotContain("://");
        Schema["properties"]!["schema"]!["const"]!.GetValue<string>().Should().Be(PolicyDocument.SchemaName);
        Schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        Names(Schema["required"]).Should().Equal(
            "schema", "id", "name", "version", "profession", "jurisdiction", "effectiveDate", "sourcesAsOf", "sources", "settings", "changeLog");
    }

    [Theory]
    [InlineData(typeof(BoundarySettings))]
    [InlineData(typeof(TimeBoundarySettings))]
    [InlineData(typeof(PlanningSettings))]
    [InlineData(typeof(AllianceSettings))]
    [InlineData(typeof(AllianceTrendSettings))]
    [InlineData(typeof(DualRelationshipSettings))]
    [InlineData(typeof(RelationshipStandard))]
    [InlineData(typeof(Citation))]
    [InlineData(typeof(Jurisdiction))]
    [InlineData(typeof(PolicyChange))]
    public void EachSettingsType_IsAClosedObjectRequiringEveryPublicProperty(Type type)
    {
        JsonNode definition = Schema["$defs"]![type.Name]!;

        definition["type"]!.GetValue<string>().Should().Be("object");
        definition["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        Names(definition["required"]).Should().BeEquivalentTo(
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => Camel(p.Name)));
        Names(definition["required"]).Should().Equal(definition["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Settings_ReferToEachSection()
    {
        Schema["$defs"]!["BoundarySettings"]!["properties"]!.ToJsonString().Should().Be(
            """{"time":{"$ref":"#/$defs/TimeBoundarySettings"},"planning":{"$ref":"#/$defs/PlanningSettings"},"alliance":{"$ref":"#/$defs/AllianceSettings"},"dual":{"$ref":"#/$defs/DualRelationshipSettings"},"confidentiality":{"$ref":"#/$defs/ConfidentialitySettings"}}""");
    }

    [Theory]
    [MemberData(nameof(PolicyDocumentTests.PresetIds), MemberType = typeof(PolicyDocumentTests))]
    public void PresetDocuments_MeetTheSchema(string id)
    {
        SchemaCheck.Errors(Schema, JsonNode.Parse(PolicyDocument.Write(BoundaryPresets.All[id]))).Should().BeEmpty();
    }

    [Fact]
    public void RevisedDocument_MeetsTheSchema()
    {
        SchemaCheck.Errors(Schema, JsonNode.Parse(PolicyDocument.Write(PolicyDocumentTests.Revised()))).Should().BeEmpty();
    }

    [Fact]
    public void DocumentsTheReaderRefusesForTheirShape_AlsoBreakTheSchema()
    {
        JsonNode document = JsonNode.Parse(PolicyDocument.Write(BoundaryPresets.UsPsychology))!;
        document["settings"]!["time"]!["cancelationNotice"] = "1:00:00:00";
        document["settings"]!["time"]!["noShowGrace"] = "15 minutes";
        document["settings"]!["planning"]!["sessionsWithoutProgress"] = 4.5;
        document["settings"]!["dual"]!["standards"]!["gift"]!["stance"] = "forbidden";
        document["settings"]!["dual"]!["standards"]!["barter"]!["requiredSafeguards"] = new JsonArray("notarised");
        document["settings"]!["time"]!["minimumLengths"]!["groupTherapy"] = "0:00:30:00";
        document["jurisdiction"]!.AsObject().Remove("subdivision");
        document["schema"] = "therapeutic-alliance/policy@2";

        SchemaCheck.Errors(Schema, document).Should().BeEquivalentTo(
        [
            "$.schema: const", "$.jurisdiction: required subdivision", "$.settings.time: additionalProperties cancelationNotice", "$.settings.time.noShowGrace: pattern",
            "$.settings.time.minimumLengths: propertyNames groupTherapy", "$.settings.planning.sessionsWithoutProgress: type integer",
            "$.settings.dual.standards.gift.stance: enum", "$.settings.dual.standards.barter.requiredSafeguards[0]: enum",
        ]);
    }

    [Fact]
    public void SchemaCheck_RefusesKeywordsItDoesNotImplement()
    {
        var schema = new JsonObject { ["type"] = "string", ["minLength"] = 1 };

        ((Action)(() => SchemaCheck.Errors(schema, JsonValue.Create("a")))).Should().Throw<NotSupportedException>();
    }

    private static string[] Names(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    /// <summary>The draft 2020-12 keywords the policy schema uses, and nothing else: an unknown keyword throws, so the check cannot pass by ignoring one.</summary>
    internal static class SchemaCheck
    {
        private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "title", "description", "format"];

        public static List<string> Errors(JsonObject root, JsonNode? value)
        {
            var errors = new List<string>();
            Check(root, root, value, "$", errors);
            return errors;
        }

        private static void Check(JsonObject root, JsonObject schema, JsonNode? value, string path, List<string> errors)
        {
            foreach ((string keyword, JsonNode? argument) in schema)
            {
                switch (keyword)
                {
                    case var _ when Annotations.Contains(keyword):
                        break;
                    case "$ref":
                        string name = argument!.GetValue<string>()["#/$defs/".Length..];
                        Check(root, root["$defs"]![name]!.AsObject(), value, path, errors);
                        break;
                    case "anyOf":
                        List<string>[] branches = [.. argument!.AsArray().Select(branch => Collect(root, branch!.AsObject(), value, path))];
                        if (branches.All(b => b.Count > 0))
                        {
                            errors.Add($"{path}: anyOf");
                        }

                        break;
                    case "oneOf":
                        int passing = argument!.AsArray().Count(branch => Collect(root, branch!.AsObject(), value, path).Count == 0);
                        Add(passing != 1, $"{path}: oneOf ({passing} match)", errors);
                        break;
                    case "prefixItems" when value is JsonArray prefixed:
                        for (int i = 0; i < Math.Min(prefixed.Count, argument!.AsArray().Count); i++)
                        {
                            Check(root, argument.AsArray()[i]!.AsObject(), prefixed[i], $"{path}[{i}]", errors);
                        }

                        break;
                    case "minItems" when value is JsonArray counted:
                        Add(counted.Count < argument!.GetValue<int>(), $"{path}: minItems", errors);
                        break;
                    case "const":
                        Add(!JsonNode.DeepEquals(argument, value), $"{path}: const", errors);
                        break;
                    case "enum":
                        Add(!argument!.AsArray().Any(allowed => JsonNode.DeepEquals(allowed, value)), $"{path}: enum", errors);
                        break;
                    case "type":
                        Add(!IsType(argument!.GetValue<string>(), value), $"{path}: type {argument}", errors);
                        break;
                    case "pattern":
                        Add(Kind(value) == JsonValueKind.String && !Regex.IsMatch(value!.GetValue<string>(), argument!.GetValue<string>()), $"{path}: pattern", errors);
                        break;
                    case "minimum":
                        Add(Kind(value) == JsonValueKind.Number && Number(value) < Number(argument), $"{path}: minimum", errors);
                        break;
                    case "maximum":
                        Add(Kind(value) == JsonValueKind.Number && Number(value) > Number(argument), $"{path}: maximum", errors);
                        break;
                    case "items" when value is JsonArray items:
                        for (int i = schema["prefixItems"]?.AsArray().Count ?? 0; i < items.Count; i++)
                        {
                            Check(root, argument!.AsObject(), items[i], $"{path}[{i}]", errors);
                        }

                        break;
                    case "properties" when value is JsonObject obj:
                        foreach ((string property, JsonNode? propertySchema) in argument!.AsObject())
                        {
                            if (obj.TryGetPropertyValue(property, out JsonNode? propertyValue))
                            {
                                Check(root, propertySchema!.AsObject(), propertyValue, $"{path}.{property}", errors);
                            }
                        }

                        break;
                    case "required" when value is JsonObject obj:
                        foreach (string property in argument!.AsArray().Select(n => n!.GetValue<string>()).Where(p => !obj.ContainsKey(p)))
                        {
                            errors.Add($"{path}: required {property}");
                        }

                        break;
                    case "additionalProperties" when value is JsonObject obj:
                        JsonObject? declared = schema["properties"]?.AsObject();
                        foreach ((string property, JsonNode? propertyValue) in obj.Where(p => declared is null || !declared.ContainsKey(p.Key)))
                        {
                            if (argument is JsonObject additional)
                            {
                                Check(root, additional, propertyValue, $"{path}.{property}", errors);
                            }
                            else if (!argument!.GetValue<bool>())
                            {
                                errors.Add($"{path}: additionalProperties {property}");
                            }
                        }

                        break;
                    case "propertyNames" when value is JsonObject obj:
                        foreach (string property in obj.Select(p => p.Key).Where(p => Collect(root, argument!.AsObject(), JsonValue.Create(p), path).Count > 0))
                        {
                            errors.Add($"{path}: propertyNames {property}");
                        }

                        break;
                    case "items" or "properties" or "required" or "additionalProperties" or "propertyNames" or "prefixItems" or "minItems":
                        break;
                    default:
                        throw new NotSupportedException($"The schema uses '{keyword}', which this check does not implement.");
                }
            }
        }

        private static List<string> Collect(JsonObject root, JsonObject schema, JsonNode? value, string path)
        {
            var errors = new List<string>();
            Check(root, schema, value, path, errors);
            return errors;
        }

        private static void Add(bool failed, string error, List<string> errors)
        {
            if (failed)
            {
                errors.Add(error);
            }
        }

        private static double Number(JsonNode? value) => double.Parse(value!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

        private static JsonValueKind Kind(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

        private static bool IsType(string type, JsonNode? value) => (type, Kind(value)) switch
        {
            ("null", JsonValueKind.Null) or ("string", JsonValueKind.String) or ("number", JsonValueKind.Number) => true,
            ("boolean", JsonValueKind.True or JsonValueKind.False) or ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) => true,
            ("integer", JsonValueKind.Number) => decimal.TryParse(value!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal d) && d == decimal.Truncate(d),
            _ => false,
        };
    }
}
