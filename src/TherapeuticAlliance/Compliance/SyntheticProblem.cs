using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Compliance;

/// <summary>The kinds of problem <see cref="SyntheticCaseload"/> plants, one per planted patient.</summary>
public enum SyntheticProblem
{
    /// <summary>The clinician declares a gift of 500 from the patient, with no safeguards (<c>TA.DUAL.GIFT</c>).</summary>
    Gift = 0,

    /// <summary>The clinician declares a social-media connection with the current patient (<c>TA.DUAL.SOCIAL_MEDIA</c>).</summary>
    SocialMediaConnection = 1,

    /// <summary>Mental-health records disclosed "for treatment" to a recipient who is not a provider, with no authorization (<c>TA.CONF.NO_LEGAL_BASIS</c>).</summary>
    DisclosureWithoutLegalBasis = 2,

    /// <summary>Psychotherapy notes disclosed to another treating provider without an authorization (<c>TA.CONF.PSYCHOTHERAPY_NOTES</c>).</summary>
    PsychotherapyNotesWithoutAuthorization = 3,

    /// <summary>The SRS after the evaluation scores 30, below the cutoff of 36, and is never addressed (<c>TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED</c>, once its 14 days have run out: in periods of three weeks or more).</summary>
    UnaddressedNegativeSrs = 4,

    /// <summary>
    /// An extra session booked in the first week in another patient's slot with the same clinician (<c>TA.TIME.DOUBLE_BOOKING</c>,
    /// which <see cref="ComplianceAudit"/> does not run: judge each clinician's calendar with <see cref="DoubleBookingRule"/>).
    /// </summary>
    DoubleBooking = 5,
}
