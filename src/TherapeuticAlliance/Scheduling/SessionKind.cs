namespace TherapeuticAlliance.Scheduling;

/// <summary>What a session is for. The minimum length setting is per kind.</summary>
public enum SessionKind
{
    /// <summary>A psychiatric diagnostic evaluation (intake).</summary>
    Evaluation = 0,

    /// <summary>Psychotherapy on its own.</summary>
    Psychotherapy = 1,

    /// <summary>Medication management (evaluation and management visit).</summary>
    MedicationManagement = 2,

    /// <summary>Medication management with psychotherapy in the same session (E/M plus an add-on code).</summary>
    MedicationManagementWithPsychotherapy = 3,

    /// <summary>Psychotherapy for crisis.</summary>
    Crisis = 4,
}
