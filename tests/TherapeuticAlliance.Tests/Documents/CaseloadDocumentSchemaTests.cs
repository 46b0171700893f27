using System.IO;
using System.Text.Json.Nodes;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Tests.Api;

namespace TherapeuticAlliance.Tests.Documents;

/// <summary>
/// The caseload document's JSON Schema: generated from the records' commands and constructors, checked in at
/// <c>src/TherapeuticAlliance/Schemas/caseload.schema.json</c>, embedded, and met by what the writer writes.
/// </summary>
public class CaseloadDocumentSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(PublicApiConventionTests.RepositoryRoot(), "src", "TherapeuticAlliance", "Schemas", "caseload.schema.json");

    private static JsonObject Schema => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    [Fact]
    public void CheckedInSchema_IsTheOneGeneratedFromTheTypes()
    {
        string generated = CaseloadDocument.GenerateJsonSchema();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        File.ReadAllText(SchemaPath).ReplaceLineEndings("\n").Should().Be(
            generated,
            "the schema is generated from the records' commands: after changing one, run `UPDATE_SCHEMAS=1 dotnet test --filter CaseloadDocumentSchemaTests`, rebuild, and commit {0}",
            "src/TherapeuticAlliance/Schemas/caseload.schema.json");
    }

    [Fact]
    public void FieldReference_IsTheOneGeneratedFromTheCommands()
    {
        string path = Path.Combine(PublicApiConventionTests.RepositoryRoot(), "docs", "caseload-fields.md");
        string generated = CaseloadSchema.FieldReference();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.Exists(path).Should().BeTrue("the field reference is checked in at docs/caseload-fields.md");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(generated, "run `UPDATE_SCHEMAS=1 dotnet test --filter CaseloadDocumentSchemaTests` after changing a command");
        generated.Should().Contain("| `checkIn` | `arrivedAt`: an instant").And.Contain("| `schedule` (creates) |").And.Contain("## disclosures (DisclosureRequest)");
    }

    [Fact]
    public void EmbeddedSchema_IsTheCheckedInFile()
    {
        CaseloadDocument.JsonSchema.ReplaceLineEndings("\n").Should().Be(File.ReadAllText(SchemaPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void WrittenDocument_MeetsTheSchema()
    {
        JsonNode document = JsonNode.Parse(CaseloadDocument.Write(CaseloadDocumentTests.Rich()))!;

        PolicyDocumentSchemaTests.SchemaCheck.Errors(Schema, document).Should().BeEmpty();
    }

    [Fact]
    public void Schema_RefusesWhatTheReaderRefuses()
    {
        JsonNode document = JsonNode.Parse(CaseloadDocument.Write(CaseloadDocumentTests.Rich()))!;
        document["schema"] = "therapeutic-alliance/caseload@2";
        document["patients"]![0]!["appointments"]![0]!["history"]![0]!["command"] = "checkIn";
        document["patients"]![0]!["appointments"]![1]!["history"]![1]!["at"] = 5;
        document["clinicians"]![0]!.AsObject().Remove("profession");

        PolicyDocumentSchemaTests.SchemaCheck.Errors(Schema, document).Should().BeEquivalentTo(
            "$.schema: const",
            "$.clinicians[0]: required profession",
            "$.patients[0].appointments[0].history[0]: oneOf (0 match)",
            "$.patients[0].appointments[1].history[1]: oneOf (0 match)");
    }
}
