namespace TherapeuticAlliance.Compliance;

/// <summary>What kind of value a piece of <see cref="Evidence"/> holds.</summary>
public enum EvidenceKind
{
    /// <summary>A number (<see cref="Evidence.Number"/>).</summary>
    Number = 0,

    /// <summary>A length of time (<see cref="Evidence.Duration"/>).</summary>
    Duration = 1,

    /// <summary>A moment (<see cref="Evidence.Instant"/>).</summary>
    Instant = 2,

    /// <summary>A record id in FHIR id syntax (<see cref="Evidence.Text"/>).</summary>
    Id = 3,

    /// <summary>A code token such as a status, party or billing code (<see cref="Evidence.Text"/>).</summary>
    Code = 4,
}
