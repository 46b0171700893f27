namespace TherapeuticAlliance.Scheduling;

/// <summary>How prepared a party came to a session (for the patient: agreed tasks and forms; for the clinician: the record reviewed).</summary>
public enum PreparationLevel
{
    /// <summary>Not prepared.</summary>
    NotPrepared = 0,

    /// <summary>Partly prepared.</summary>
    PartlyPrepared = 1,

    /// <summary>Prepared.</summary>
    Prepared = 2,
}
