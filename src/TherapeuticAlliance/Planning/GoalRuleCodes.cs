using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Planning;

/// <summary>The codes carried by <see cref="DomainRuleException"/> when a <see cref="Goal"/> command is refused.</summary>
public static class GoalRuleCodes
{
    /// <summary>The command is not allowed in the goal's current lifecycle status.</summary>
    public static RuleCode IllegalTransition { get; } = new("TA.GOAL.ILLEGAL_TRANSITION");

    /// <summary>That party has already accepted the goal.</summary>
    public static RuleCode AlreadyAccepted { get; } = new("TA.GOAL.ALREADY_ACCEPTED");

    /// <summary>A progress update is dated before the previous one, or repeats its id.</summary>
    public static RuleCode ProgressOrder { get; } = new("TA.GOAL.PROGRESS_ORDER");

    /// <summary>Completing a goal needs a final assessment (achieved, sustaining, not achieved, no progress or not attainable).</summary>
    public static RuleCode FinalAssessmentRequired { get; } = new("TA.GOAL.FINAL_ASSESSMENT");

    /// <summary>A status change dated before the goal's previous one: the history is kept in time order.</summary>
    public static RuleCode TimeOrder { get; } = new("TA.GOAL.TIME_ORDER");

    /// <summary>A revised goal needs an id of its own.</summary>
    public static RuleCode SameId { get; } = new("TA.GOAL.SAME_ID");
}
