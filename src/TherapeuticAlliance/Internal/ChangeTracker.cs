using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// Version, pending events and command journal of one aggregate. Composition instead of a public base class, so the
/// aggregates' public surface stays their own.
/// </summary>
/// <remarks>
/// The journal holds every command the aggregate accepted, with its arguments, in order: replaying it through the
/// public commands rebuilds the aggregate, invariants and all. Caseload documents write it as a record's history.
/// </remarks>
internal sealed class ChangeTracker<TEvent>
    where TEvent : IDomainEvent
{
    private readonly List<JournalEntry> _journal = new(4);
    private List<TEvent>? _pending;

    public long Version { get; private set; }

    // A read-only copy: callers can neither change the history nor see it move under them.
    public IReadOnlyList<TEvent> Pending => _pending is null ? [] : Array.AsReadOnly(_pending.ToArray());

    /// <summary>The commands accepted so far, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Commands => _journal;

    /// <summary>The version the next change will have.</summary>
    public long NextVersion => Version + 1;

    public void Record(TEvent change)
    {
        (_pending ??= []).Add(change);
        Version = change.Version;
    }

    /// <summary>Records an accepted command: its name (the public method's) and its arguments in parameter order.</summary>
    /// <remarks>Arguments must be immutable: copy an enumerable the caller passed before recording it.</remarks>
    public void Journal(string command, params object?[] arguments) => _journal.Add(new JournalEntry(command, arguments));

    public IReadOnlyList<TEvent> Dequeue()
    {
        IReadOnlyList<TEvent> taken = _pending is null ? [] : _pending.ToArray();
        _pending = null;
        return taken;
    }
}

/// <summary>One accepted command: the public method's name and its arguments, in parameter order.</summary>
internal readonly record struct JournalEntry(string Command, object?[] Arguments);
