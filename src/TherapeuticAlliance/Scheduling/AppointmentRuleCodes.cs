using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// The codes carried by <see cref="DomainRuleException"/> when an <see cref="Appointment"/> command is
/// refused. Stable: hosts may map them to their own messages.
/// </summary>
public static class AppointmentRuleCodes
{
    /// <summary>The command is not allowed in the appointment's current status (for example starting a cancelled session).</summary>
    public static RuleCode IllegalTransition { get; } = new("TA.APPT.ILLEGAL_TRANSITION");

    /// <summary>The given instant is out of order (for example a session that ends before it starts).</summary>
    public static RuleCode TimeOrder { get; } = new("TA.APPT.TIME_ORDER");

    /// <summary>A no-show was marked before the scheduled start plus the grace period.</summary>
    public static RuleCode NoShowTooEarly { get; } = new("TA.APPT.NO_SHOW_TOO_EARLY");

    /// <summary>Rescheduling to the slot the appointment already has.</summary>
    public static RuleCode SameSlot { get; } = new("TA.APPT.SAME_SLOT");

    /// <summary>The recorded topics add up to more minutes than the session lasted.</summary>
    public static RuleCode TopicMinutesExceedSession { get; } = new("TA.APPT.TOPIC_MINUTES");
}
