using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>Something that happened to a goal. Holds ids, codes and instants only, never the goal's statement.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Version">The goal's version after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record GoalEvent(GoalId GoalId, long Version, Instant OccurredAt) : IDomainEvent;

/// <summary>The goal was proposed.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Version">The version after the change (1).</param>
/// <param name="OccurredAt">When it was proposed.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ExpressedBy">Who put it into words.</param>
/// <param name="Replaces">The goal it revises, if any.</param>
public sealed record GoalProposed(GoalId GoalId, long Version, Instant OccurredAt, PatientId PatientId, GoalExpressedBy ExpressedBy, GoalId? Replaces)
    : GoalEvent(GoalId, Version, OccurredAt);

/// <summary>The goal's lifecycle status changed (planned, activated, put on hold, resumed, completed, entered in error).</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it changed.</param>
/// <param name="Status">The new status.</param>
public sealed record GoalStatusChanged(GoalId GoalId, long Version, Instant OccurredAt, GoalLifecycleStatus Status)
    : GoalEvent(GoalId, Version, OccurredAt);

/// <summary>One party accepted the goal; <paramref name="Agreed"/> says whether both now have.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When the party accepted.</param>
/// <param name="By">Who accepted.</param>
/// <param name="Agreed">Whether both parties have now accepted.</param>
public sealed record GoalAccepted(GoalId GoalId, long Version, Instant OccurredAt, Party By, bool Agreed)
    : GoalEvent(GoalId, Version, OccurredAt);

/// <summary>The goal was rejected or cancelled by a party, with a reason code.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was closed.</param>
/// <param name="Status">Rejected or Cancelled.</param>
/// <param name="By">Who closed it.</param>
/// <param name="ReasonCode">The reason code.</param>
public sealed record GoalClosed(GoalId GoalId, long Version, Instant OccurredAt, GoalLifecycleStatus Status, Party By, string ReasonCode)
    : GoalEvent(GoalId, Version, OccurredAt)
{
    private readonly string _reasonCode = Guard.Against.InvalidCode(ReasonCode);

    /// <summary>The reason code; checked to be a code token on every assignment.</summary>
    public string ReasonCode { get => _reasonCode; init => _reasonCode = Guard.Against.InvalidCode(value); }
}

/// <summary>Progress on the goal was recorded.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When progress was assessed.</param>
/// <param name="UpdateId">The update.</param>
/// <param name="By">Who assessed it.</param>
/// <param name="Assessed">The assessed achievement status.</param>
public sealed record GoalProgressRecorded(GoalId GoalId, long Version, Instant OccurredAt, ProgressUpdateId UpdateId, Party By, GoalAchievementStatus Assessed)
    : GoalEvent(GoalId, Version, OccurredAt);

/// <summary>The goal was revised: it is cancelled and replaced by another, which links back to it.</summary>
/// <param name="GoalId">The replaced goal.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When it was revised.</param>
/// <param name="By">Who revised it.</param>
/// <param name="ReplacedBy">The new goal.</param>
public sealed record GoalReplaced(GoalId GoalId, long Version, Instant OccurredAt, Party By, GoalId ReplacedBy)
    : GoalEvent(GoalId, Version, OccurredAt);
