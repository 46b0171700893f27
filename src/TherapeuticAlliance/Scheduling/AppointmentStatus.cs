namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// Where an appointment is in its life, after FHIR <c>Appointment.status</c> and <c>Encounter.status</c>.
/// <see cref="FhirStatusMapping"/> gives the codes for each value.
/// </summary>
/// <remarks>
/// Legal changes: Proposed → Booked (confirm); Booked → Arrived (check in) → InSession (start) →
/// Fulfilled (end); Booked → NoShow (after the grace period); Proposed, Booked or Arrived → Cancelled;
/// any status → EnteredInError. Nothing leaves Fulfilled, Cancelled, NoShow or EnteredInError except
/// to EnteredInError.
/// </remarks>
public enum AppointmentStatus
{
    /// <summary>Requested, not yet confirmed. FHIR Appointment <c>proposed</c>; no Encounter.</summary>
    Proposed = 0,

    /// <summary>Confirmed for its date and time. FHIR Appointment <c>booked</c>; Encounter <c>planned</c>.</summary>
    Booked = 1,

    /// <summary>The patient has arrived (checked in). FHIR Appointment <c>arrived</c>; Encounter <c>arrived</c>.</summary>
    Arrived = 2,

    /// <summary>The session is under way. FHIR Appointment <c>fulfilled</c>; Encounter <c>in-progress</c>.</summary>
    InSession = 3,

    /// <summary>The session took place and has ended. FHIR Appointment <c>fulfilled</c>; Encounter <c>finished</c> (R4).</summary>
    Fulfilled = 4,

    /// <summary>Cancelled by one of the parties. FHIR Appointment <c>cancelled</c>; no Encounter.</summary>
    Cancelled = 5,

    /// <summary>The patient did not come. FHIR Appointment <c>noshow</c>; no Encounter is created.</summary>
    NoShow = 6,

    /// <summary>The record was made by mistake. FHIR Appointment and Encounter <c>entered-in-error</c>.</summary>
    EnteredInError = 7,
}
