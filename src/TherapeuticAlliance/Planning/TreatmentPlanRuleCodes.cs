using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Planning;

/// <summary>The codes carried by <see cref="DomainRuleException"/> when a <see cref="TreatmentPlan"/> command is refused.</summary>
public static class TreatmentPlanRuleCodes
{
    /// <summary>The command is not allowed in the plan's current status.</summary>
    public static RuleCode IllegalTransition { get; } = new("TA.PLAN.ILLEGAL_TRANSITION");

    /// <summary>Activation needs at least one of the plan's goals to be agreed by both parties.</summary>
    public static RuleCode NoAgreedGoal { get; } = new("TA.PLAN.NO_AGREED_GOAL");

    /// <summary>A medication can be added only to an active plan, linked to goals of the plan that both parties agreed.</summary>
    public static RuleCode MedicationOutsidePlan { get; } = new("TA.PLAN.MEDICATION_OUTSIDE_PLAN");

    /// <summary>An option can be chosen only after it was discussed.</summary>
    public static RuleCode OptionNotDiscussed { get; } = new("TA.PLAN.OPTION_NOT_DISCUSSED");

    /// <summary>A goal given to the plan belongs to another patient, or a reviewed goal is not in the plan.</summary>
    public static RuleCode ForeignGoal { get; } = new("TA.PLAN.FOREIGN_GOAL");

    /// <summary>A revision dated before the previous one: the history is kept in time order.</summary>
    public static RuleCode RevisionOrder { get; } = new("TA.PLAN.REVISION_ORDER");

    /// <summary>A revision that changes nothing.</summary>
    public static RuleCode NothingChanged { get; } = new("TA.PLAN.NOTHING_CHANGED");
}
