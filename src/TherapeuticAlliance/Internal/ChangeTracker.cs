using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// Version and pending events of one aggregate. Composition instead of a public base class, so the
/// aggregates' public surface stays their own.
/// </summary>
internal sealed class ChangeTracker<TEvent>
    where TEvent : IDomainEvent
{
    private List<TEvent>? _pending;

    public long Version { get; private set; }

    // A read-only copy: callers can neither change the history nor see it move under them.
    public IReadOnlyList<TEvent> Pending => _pending is null ? [] : Array.AsReadOnly(_pending.ToArray());

    /// <summary>The version the next change will have.</summary>
    public long NextVersion => Version + 1;

    public void Record(TEvent change)
    {
        (_pending ??= []).Add(change);
        Version = change.Version;
    }

    public IReadOnlyList<TEvent> Dequeue()
    {
        IReadOnlyList<TEvent> taken = _pending is null ? [] : _pending.ToArray();
        _pending = null;
        return taken;
    }
}
