using NodaTime;

namespace TherapeuticAlliance;

/// <summary>
/// Something that happened to an aggregate: an immutable record of ids, codes and instants, never
/// free text and never the aggregate itself.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The aggregate's version after the change.</summary>
    long Version { get; }

    /// <summary>When the change happened (for example the patient's arrival), as the command gave it.</summary>
    Instant OccurredAt { get; }
}
