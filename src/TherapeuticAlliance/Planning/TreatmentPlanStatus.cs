namespace TherapeuticAlliance.Planning;

/// <summary>Where a treatment plan is in its life, after FHIR <c>CarePlan.status</c> (see <see cref="FhirGoalMapping"/>).</summary>
/// <remarks>
/// Legal changes: Draft → Active (activation, with the patient's agreement); Active ↔ OnHold; Active or
/// OnHold → Revoked or Completed; any status → EnteredInError.
/// </remarks>
public enum TreatmentPlanStatus
{
    /// <summary>Being prepared. FHIR <c>draft</c>.</summary>
    Draft = 0,

    /// <summary>Agreed and in force. FHIR <c>active</c>.</summary>
    Active = 1,

    /// <summary>Paused. FHIR <c>on-hold</c>.</summary>
    OnHold = 2,

    /// <summary>Ended before completion. FHIR <c>revoked</c>.</summary>
    Revoked = 3,

    /// <summary>Finished. FHIR <c>completed</c>.</summary>
    Completed = 4,

    /// <summary>Recorded by mistake. FHIR <c>entered-in-error</c>.</summary>
    EnteredInError = 5,
}
