using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Planning;

/// <summary>The codes of the focus (<c>TA.FOCUS.*</c>) and communication (<c>TA.COMM.*</c>) rules over a treatment episode.</summary>
public static class PlanningRuleCodes
{
    /// <summary>Too small a share of a session's topic minutes went to the plan's active agreed goals.</summary>
    public static RuleCode OffGoalSession { get; } = new("TA.FOCUS.OFF_GOAL_SESSION");

    /// <summary>An active plan has no goal that both parties agreed and that is still open.</summary>
    public static RuleCode NoAgreedGoal { get; } = new("TA.FOCUS.NO_AGREED_GOAL");

    /// <summary>A medication was prescribed that the plan in force did not hold.</summary>
    public static RuleCode MedicationOutsidePlan { get; } = new("TA.FOCUS.MEDICATION_OUTSIDE_PLAN");

    /// <summary>The plan's review is overdue.</summary>
    public static RuleCode ReviewOverdue { get; } = new("TA.COMM.REVIEW_OVERDUE");

    /// <summary>An active goal has gone too many sessions without a progress update.</summary>
    public static RuleCode ProgressOverdue { get; } = new("TA.COMM.PROGRESS_OVERDUE");

    /// <summary>A plan revision gave no reason.</summary>
    public static RuleCode RevisedWithoutReason { get; } = new("TA.COMM.REVISED_WITHOUT_REASON");

    /// <summary>The patient agreed to a version of the plan before the diagnosis and the options were explained.</summary>
    public static RuleCode AgreedBeforeExplained { get; } = new("TA.COMM.AGREED_BEFORE_EXPLAINED");

    /// <summary>None of the plan's goals was expressed by the patient.</summary>
    public static RuleCode NoPatientGoal { get; } = new("TA.COMM.NO_PATIENT_GOAL");
}
