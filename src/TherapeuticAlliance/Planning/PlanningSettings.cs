using System;
using NodaTime;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// The thresholds of the planning rules, each with a documented default. Immutable: derive a changed copy
/// with a <c>with</c> expression (every value is checked again).
/// </summary>
/// <remarks>
/// The sources (ACA 2014 A.1.c; The Joint Commission CTS.03.01.09) require plans that are reviewed
/// regularly and progress that is measured and used, but set no numbers: the defaults below are practice
/// defaults, to be set from the clinic's own policy. A later version folds these settings into the boundary policy.
/// </remarks>
public sealed record PlanningSettings
{
    private readonly double _minimumGoalShare = 0.5;
    private readonly int _sessionsWithoutProgress = 4;
    private readonly Duration _reviewInterval = Duration.FromDays(90);

    /// <summary>Creates settings with every default.</summary>
    public PlanningSettings()
    {
    }

    /// <summary>The defaults.</summary>
    public static PlanningSettings Default { get; } = new();

    /// <summary>
    /// The least share of a session's topic minutes spent on the plan's active agreed goals
    /// (<c>TA.FOCUS.OFF_GOAL_SESSION</c>), from 0 to 1. Default 0.5 (practice default). A share exactly at it passes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 0 and 1.</exception>
    public double MinimumGoalShare
    {
        get => _minimumGoalShare;
        init => _minimumGoalShare = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumGoalShare), "The share must be between 0 and 1.");
    }

    /// <summary>
    /// How many fulfilled sessions an active goal may go without a progress update before
    /// <c>TA.COMM.PROGRESS_OVERDUE</c> warns: it warns at this many. Default 4 (practice default), at least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int SessionsWithoutProgress
    {
        get => _sessionsWithoutProgress;
        init => _sessionsWithoutProgress = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SessionsWithoutProgress), "At least one session.");
    }

    /// <summary>
    /// How long after activation or the last review the next review is due when none is scheduled
    /// (<c>TA.COMM.REVIEW_OVERDUE</c>). Default 90 days (practice default), more than zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public Duration ReviewInterval
    {
        get => _reviewInterval;
        init => _reviewInterval = value > Duration.Zero ? value : throw new ArgumentOutOfRangeException(nameof(ReviewInterval), "The interval must be positive.");
    }
}
