using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TherapeuticAlliance.Documents;

/// <summary>What the JSON documents share: how they are written, and their schemas embedded in the assembly.</summary>
internal static class DocumentFiles
{
    /// <summary>The writer's options: indented or compact, '\n' line ends, and text kept readable.</summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Indented = indented,

        // A document is a file, not HTML: keep '&', '+' and non-ASCII letters in citations and text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    /// <summary>A schema file from <c>Schemas/</c>, embedded in the assembly, read once.</summary>
    public static Lazy<string> EmbeddedSchema(string fileName) => new(() =>
    {
        using Stream stream = typeof(DocumentFiles).Assembly.GetManifestResourceStream($"TherapeuticAlliance.Schemas.{fileName}")
            ?? throw new InvalidOperationException($"The JSON Schema {fileName} is missing from the assembly's resources.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });
}
