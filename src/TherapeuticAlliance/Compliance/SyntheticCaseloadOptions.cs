using NodaTime;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// What <see cref="SyntheticCaseload"/> generates: how many patients, from which seed, over which weeks, in which time
/// zone, how many patients each clinician keeps, and whether a few planted problems are mixed in.
/// </summary>
/// <remarks>
/// Immutable; equal options generate the same caseload. The values are checked when a caseload is generated, not here, so
/// that the exception names the property at fault (<see cref="System.ArgumentException.ParamName"/>).
/// </remarks>
public sealed record SyntheticCaseloadOptions
{
    /// <summary>The default number of patients: 100.</summary>
    public const int DefaultPatients = 100;

    /// <summary>
    /// The default number of patients per clinician: 42. Each patient is offered a session in about 77.5% of weeks, so a
    /// clinician has about 42 × 0.775 × 52 ≈ 1,690 appointments a year, near the MGMA median of 1,678 ambulatory encounters
    /// per general psychiatrist (1M appointments ≈ 600 clinician-years).
    /// </summary>
    public const int DefaultPatientsPerClinician = 42;

    /// <summary>The most patients a clinician can keep: 50, one per weekly hour-long slot (Monday to Friday, 08:00 to 18:00).</summary>
    public const int MaximumPatientsPerClinician = 50;

    /// <summary>Creates options with every default; override values in an object initializer.</summary>
    public SyntheticCaseloadOptions()
    {
    }

    /// <summary>How many patients to generate. Default 100; at least 0.</summary>
    public int Patients { get; init; } = DefaultPatients;

    /// <summary>The seed every patient's random numbers derive from, with the patient's index. Default 1; any value.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The first day of the generated period: every patient's evaluation falls in the week starting on it. Default Monday
    /// 2025-01-06. Sessions fall on the five days from it and the same days of later weeks, so start on a Monday for a
    /// Monday-to-Friday practice.
    /// </summary>
    public LocalDate Start { get; init; } = new(2025, 1, 6);

    /// <summary>How many weeks the period lasts. Default 52; 1 to 520.</summary>
    public int Weeks { get; init; } = 52;

    /// <summary>The practice's time zone, an IANA id. Default <c>America/New_York</c>.</summary>
    public string TimeZone { get; init; } = "America/New_York";

    /// <summary>How many patients each clinician keeps. Default <see cref="DefaultPatientsPerClinician"/>; 1 to <see cref="MaximumPatientsPerClinician"/>.</summary>
    public int PatientsPerClinician { get; init; } = DefaultPatientsPerClinician;

    /// <summary>Whether about one patient in 50 carries a planted problem (see <see cref="SyntheticCaseload"/>). Default true.</summary>
    public bool PlantedProblems { get; init; } = true;
}
