using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>The psychotherapy code billed for a session, and the psychotherapy time documented for it.</summary>
/// <param name="Code">The billed code.</param>
/// <param name="PsychotherapyTime">
/// Face-to-face psychotherapy time documented apart from any E/M time; null when not documented
/// separately, in which case a stand-alone code is judged by the session's actual length.
/// </param>
/// <param name="RecordedAt">When the code was recorded.</param>
public sealed record BilledPsychotherapy(PsychotherapyCode Code, Duration? PsychotherapyTime, Instant RecordedAt);
