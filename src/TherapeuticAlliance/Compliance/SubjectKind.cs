namespace TherapeuticAlliance.Compliance;

/// <summary>What kind of record a verdict is about. Names match FHIR resource types where one exists.</summary>
public enum SubjectKind
{
    /// <summary>An appointment (FHIR <c>Appointment</c>).</summary>
    Appointment = 0,

    /// <summary>A patient (FHIR <c>Patient</c>).</summary>
    Patient = 1,

    /// <summary>A clinician (FHIR <c>Practitioner</c>).</summary>
    Clinician = 2,

    /// <summary>A treatment goal (FHIR <c>Goal</c>).</summary>
    Goal = 3,

    /// <summary>A treatment plan (FHIR <c>CarePlan</c>).</summary>
    TreatmentPlan = 4,

    /// <summary>Feedback on the sessions or an instrument response (FHIR <c>QuestionnaireResponse</c> for instruments).</summary>
    Feedback = 5,

    /// <summary>A declared relationship between a clinician and a patient or a patient's relative.</summary>
    RelationshipDeclaration = 6,

    /// <summary>An authorization: a patient's consent to disclose (FHIR <c>Consent</c>).</summary>
    Authorization = 7,

    /// <summary>A request to disclose health information, or a disclosure made.</summary>
    Disclosure = 8,
}
