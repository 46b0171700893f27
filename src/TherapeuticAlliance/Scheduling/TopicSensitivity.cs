namespace TherapeuticAlliance.Scheduling;

/// <summary>How sensitive a session topic is, so that pacing from less to more sensitive topics can be seen.</summary>
public enum TopicSensitivity
{
    /// <summary>Everyday matters.</summary>
    Low = 0,

    /// <summary>Personal matters.</summary>
    Moderate = 1,

    /// <summary>Highly sensitive or potentially distressing matters (trauma, self-harm, abuse).</summary>
    High = 2,
}
