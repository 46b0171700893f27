using System;
using System.Collections.Generic;
using NodaTime;

namespace TherapeuticAlliance.Internal;

/// <summary>The dated status changes of one aggregate, in the order they were recorded.</summary>
internal sealed class StatusHistory<TStatus>
    where TStatus : struct, Enum
{
    private readonly List<(TStatus Status, Instant Since)> _changes = [];

    public Instant? LastChangeAt => _changes.Count == 0 ? null : _changes[^1].Since;

    public void Add(TStatus status, Instant since) => _changes.Add((status, since));

    /// <summary>The latest change at or before <paramref name="at"/> (the later-recorded one on a tie); <paramref name="initial"/> before any.</summary>
    public TStatus At(Instant at, TStatus initial)
    {
        TStatus status = initial;
        Instant? best = null;
        foreach ((TStatus s, Instant since) in _changes)
        {
            if (since <= at && (best is null || since >= best))
            {
                status = s;
                best = since;
            }
        }

        return status;
    }

    /// <summary>When the aggregate first entered <paramref name="status"/>; null if it never did.</summary>
    public Instant? FirstEntered(TStatus status)
    {
        foreach ((TStatus s, Instant since) in _changes)
        {
            if (EqualityComparer<TStatus>.Default.Equals(s, status))
            {
                return since;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="status"/> is one of <paramref name="allowed"/>.</summary>
    public static bool IsOneOf(TStatus status, ReadOnlySpan<TStatus> allowed)
    {
        foreach (TStatus candidate in allowed)
        {
            if (EqualityComparer<TStatus>.Default.Equals(candidate, status))
            {
                return true;
            }
        }

        return false;
    }
}
