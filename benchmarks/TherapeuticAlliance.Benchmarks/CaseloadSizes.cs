using System;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// The synthetic caseloads the caseload benchmarks use (about 40 appointments per patient-year), and the small ones a dry
/// job uses instead so that CI's dry run stays quick: <see cref="Program"/> sets <c>TA_BENCHMARKS_SMALL=1</c> when it
/// is given <c>--job Dry</c> (child processes inherit it), and so can anyone by hand.
/// </summary>
public static class CaseloadSizes
{
    /// <summary>The environment variable that selects the small caseloads.</summary>
    public const string SmallVariable = "TA_BENCHMARKS_SMALL";

    /// <summary>Whether the small caseloads are in use.</summary>
    public static bool Small => Environment.GetEnvironmentVariable(SmallVariable) == "1";

    /// <summary>The audit's caseload: 25,000 patients, about 1M appointments (40 patients when small).</summary>
    public static SyntheticCaseloadOptions Audit => new() { Patients = Small ? 40 : 25_000, Seed = 1 };

    /// <summary>The document benchmarks' file: 625 patients, about 25k appointments (20 patients when small).</summary>
    public static SyntheticCaseloadOptions Document => new() { Patients = Small ? 20 : 625, Seed = 1 };
}
