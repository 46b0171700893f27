using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Communication;

/// <summary>The codes carried by <see cref="DomainRuleException"/> when a <see cref="Feedback"/> command is refused.</summary>
public static class FeedbackRuleCodes
{
    /// <summary>The command is not allowed in the feedback's current status.</summary>
    public static RuleCode IllegalTransition { get; } = new("TA.FEEDBACK.ILLEGAL_TRANSITION");

    /// <summary>Negative feedback cannot be closed without a response: address it instead.</summary>
    public static RuleCode ResponseRequired { get; } = new("TA.FEEDBACK.RESPONSE_REQUIRED");

    /// <summary>A change dated before the feedback's previous one: the history is kept in time order.</summary>
    public static RuleCode TimeOrder { get; } = new("TA.FEEDBACK.TIME_ORDER");
}
