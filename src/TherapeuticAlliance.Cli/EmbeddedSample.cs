using System.IO;
using NodaTime;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Cli;

/// <summary>
/// The caseload <c>alliance audit</c> audits without a FILE: what <c>alliance sample --patients 20 --seed 49</c> writes,
/// checked in as <c>Samples/sample-caseload.json</c> and embedded in the tool.
/// </summary>
internal static class EmbeddedSample
{
    public const string ResourceName = "TherapeuticAlliance.Cli.Samples.sample-caseload.json";

    /// <summary>The options the sample was generated with.</summary>
    public static SyntheticCaseloadOptions Options { get; } = new() { Patients = 20, Seed = 49 };

    /// <summary>The instant the sample is audited at by default: just after its generated period.</summary>
    public static Instant AsOf => SyntheticCaseload.AsOf(Options);

    public static Stream Open() =>
        typeof(EmbeddedSample).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidDataException($"The tool was built without its sample caseload ({ResourceName}).");
}
