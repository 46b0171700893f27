using NodaTime;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// The one story every builder tells unless told otherwise: patient <c>p-1</c> and clinician <c>c-1</c>; goals proposed at
/// 09:00 UTC on Monday 1 June 2026 and a plan drafted and activated the same morning; a 50-minute psychotherapy session at
/// 09:00 on Tuesday 9 June 2026 in America/New_York (13:00 UTC); feedback at the end of that session; a disclosure
/// requested on 15 June 2026.
/// </summary>
/// <remarks>Every value here is fixed, so tests that rely on the defaults are deterministic.</remarks>
public static class BuilderDefaults
{
    /// <summary>The patient's id: <c>p-1</c>.</summary>
    public const string Patient = "p-1";

    /// <summary>The clinician's id: <c>c-1</c>.</summary>
    public const string Clinician = "c-1";

    /// <summary>The clinic's time zone: <c>America/New_York</c>.</summary>
    public const string Zone = "America/New_York";

    /// <summary>The default session's length in minutes: 50.</summary>
    public const int SessionMinutes = 50;

    /// <summary>The default session's local start: Tuesday 2026-06-09 09:00 (13:00 UTC in <see cref="Zone"/>).</summary>
    public static LocalDateTime SessionStart { get; } = new(2026, 6, 9, 9, 0);

    /// <summary>When the default goals are proposed: 2026-06-01 09:00 UTC. The plan's timeline follows it.</summary>
    public static Instant GoalsProposedAt { get; } = Instant.FromUtc(2026, 6, 1, 9, 0);

    /// <summary>When the default feedback is received: the end of the default session, 2026-06-09 13:50 UTC.</summary>
    public static Instant FeedbackReceivedAt { get; } = Instant.FromUtc(2026, 6, 9, 13, 50);

    /// <summary>When the default authorization is signed: 2026-06-01 09:00 UTC.</summary>
    public static Instant AuthorizationSignedAt { get; } = Instant.FromUtc(2026, 6, 1, 9, 0);

    /// <summary>When the default disclosure would be made: 2026-06-15 12:00 UTC.</summary>
    public static Instant DisclosureAt { get; } = Instant.FromUtc(2026, 6, 15, 12, 0);

    /// <summary>The first day of the default relationship declaration: 2026-06-01.</summary>
    public static LocalDate RelationshipStart { get; } = new(2026, 6, 1);

    /// <summary>The first professional contact of the default treatment course: 2023-01-10.</summary>
    public static LocalDate CourseStart { get; } = new(2023, 1, 10);

    /// <summary>The last professional contact of the default terminated treatment course: 2024-03-10.</summary>
    public static LocalDate CourseTerminatedOn { get; } = new(2024, 3, 10);
}
