using System;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// Maps the planning enums to their FHIR R4 codes: <c>Goal.lifecycleStatus</c>, <c>Goal.achievementStatus</c>
/// (code system <c>goal-achievement</c>) and <c>CarePlan.status</c>. Every enum value has exactly one code.
/// </summary>
public static class FhirGoalMapping
{
    /// <summary>The FHIR <c>Goal.lifecycleStatus</c> code.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code, for example <c>on-hold</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    [Pure]
    public static string ToFhirCode(this GoalLifecycleStatus status) => Guard.Against.UndefinedEnum(status) switch
    {
        GoalLifecycleStatus.Proposed => "proposed",
        GoalLifecycleStatus.Planned => "planned",
        GoalLifecycleStatus.Accepted => "accepted",
        GoalLifecycleStatus.Active => "active",
        GoalLifecycleStatus.OnHold => "on-hold",
        GoalLifecycleStatus.Completed => "completed",
        GoalLifecycleStatus.Cancelled => "cancelled",
        GoalLifecycleStatus.EnteredInError => "entered-in-error",
        _ => "rejected",
    };

    /// <summary>The FHIR <c>goal-achievement</c> code.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code, for example <c>not-achieved</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    [Pure]
    public static string ToFhirCode(this GoalAchievementStatus status) => Guard.Against.UndefinedEnum(status) switch
    {
        GoalAchievementStatus.InProgress => "in-progress",
        GoalAchievementStatus.Improving => "improving",
        GoalAchievementStatus.Worsening => "worsening",
        GoalAchievementStatus.NoChange => "no-change",
        GoalAchievementStatus.Achieved => "achieved",
        GoalAchievementStatus.Sustaining => "sustaining",
        GoalAchievementStatus.NotAchieved => "not-achieved",
        GoalAchievementStatus.NoProgress => "no-progress",
        _ => "not-attainable",
    };

    /// <summary>The FHIR <c>CarePlan.status</c> code.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code, for example <c>revoked</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    [Pure]
    public static string ToFhirCode(this TreatmentPlanStatus status) => Guard.Against.UndefinedEnum(status) switch
    {
        TreatmentPlanStatus.Draft => "draft",
        TreatmentPlanStatus.Active => "active",
        TreatmentPlanStatus.OnHold => "on-hold",
        TreatmentPlanStatus.Revoked => "revoked",
        TreatmentPlanStatus.Completed => "completed",
        _ => "entered-in-error",
    };

    /// <summary>Whether an achievement status is a final assessment (the goal is no longer in progress).</summary>
    /// <param name="status">The status.</param>
    /// <returns>True for achieved, sustaining, not-achieved, no-progress and not-attainable.</returns>
    [Pure]
    public static bool IsFinal(this GoalAchievementStatus status) =>
        status is GoalAchievementStatus.Achieved or GoalAchievementStatus.Sustaining or GoalAchievementStatus.NotAchieved
            or GoalAchievementStatus.NoProgress or GoalAchievementStatus.NotAttainable;
}
