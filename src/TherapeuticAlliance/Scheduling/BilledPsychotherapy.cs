using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>The psychotherapy code billed for a session, and the psychotherapy time documented for it.</summary>
/// <remarks>Made by <see cref="Appointment.RecordBilling"/>; immutable.</remarks>
public sealed record BilledPsychotherapy
{
    internal BilledPsychotherapy(PsychotherapyCode code, Duration? psychotherapyTime, Instant recordedAt)
    {
        Code = code;
        PsychotherapyTime = psychotherapyTime;
        RecordedAt = recordedAt;
    }

    /// <summary>The billed code.</summary>
    public PsychotherapyCode Code { get; }

    /// <summary>
    /// Face-to-face psychotherapy time documented apart from any E/M time; null when not documented
    /// separately, in which case a stand-alone code is judged by the session's actual length.
    /// </summary>
    public Duration? PsychotherapyTime { get; }

    /// <summary>When the code was recorded.</summary>
    public Instant RecordedAt { get; }
}
