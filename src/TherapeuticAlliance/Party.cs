namespace TherapeuticAlliance;

/// <summary>One of the two people in the therapeutic alliance.</summary>
/// <remarks>Reliability and respect are mutual, so most commands and rules say which party acted.</remarks>
public enum Party
{
    /// <summary>The patient (FHIR <c>Patient</c>).</summary>
    Patient = 0,

    /// <summary>The clinician: the psychiatrist or other licensed professional (FHIR <c>Practitioner</c>).</summary>
    Clinician = 1,
}
