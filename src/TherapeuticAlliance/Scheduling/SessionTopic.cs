using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// One topic of a session: a topic code, how many minutes it took, the treatment goals it served and
/// how sensitive it was. Topics are codes, never notes: what was said belongs in the clinical record.
/// </summary>
/// <remarks>Immutable. Equality compares all members, goal ids in order.</remarks>
public sealed class SessionTopic : IEquatable<SessionTopic>
{
    /// <summary>Creates a topic.</summary>
    /// <param name="topicCode">A code token from the host's topic vocabulary (no spaces, no free text).</param>
    /// <param name="minutes">Whole minutes spent, at least 1.</param>
    /// <param name="sensitivity">How sensitive the topic was.</param>
    /// <param name="goalIds">The treatment goals the topic served; empty when none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="topicCode"/> or <paramref name="goalIds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="topicCode"/> is not a code token, or a goal id is the default value or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is less than 1 or <paramref name="sensitivity"/> is not defined.</exception>
    public SessionTopic(string topicCode, int minutes, TopicSensitivity sensitivity, IEnumerable<GoalId> goalIds)
    {
        TopicCode = Guard.Against.InvalidCode(topicCode);
        Minutes = minutes >= 1 ? minutes : throw new ArgumentOutOfRangeException(nameof(minutes), "A topic takes at least one minute.");
        Sensitivity = Guard.Against.UndefinedEnum(sensitivity);
        Guard.Against.Null(goalIds);
        GoalIds = goalIds.ToImmutableArray();
        if (GoalIds.Any(g => g.Value is null))
        {
            throw new ArgumentException("A goal id is the default value.", nameof(goalIds));
        }

        if (GoalIds.Distinct().Count() != GoalIds.Length)
        {
            throw new ArgumentException("A goal id is listed twice.", nameof(goalIds));
        }
    }

    /// <summary>The topic code.</summary>
    public string TopicCode { get; }

    /// <summary>Whole minutes spent on the topic.</summary>
    public int Minutes { get; }

    /// <summary>How sensitive the topic was.</summary>
    public TopicSensitivity Sensitivity { get; }

    /// <summary>The treatment goals the topic served.</summary>
    public ImmutableArray<GoalId> GoalIds { get; }

    /// <inheritdoc/>
    public bool Equals(SessionTopic? other) =>
        other is not null && string.Equals(TopicCode, other.TopicCode, StringComparison.Ordinal) && Minutes == other.Minutes
        && Sensitivity == other.Sensitivity && GoalIds.SequenceEqual(other.GoalIds);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SessionTopic);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TopicCode, Minutes, Sensitivity, GoalIds.Length);

    /// <summary>Returns the code, minutes, sensitivity and goal ids.</summary>
    public override string ToString() => $"{TopicCode} {Minutes} min {Sensitivity} goals [{string.Join(", ", GoalIds)}]";
}
