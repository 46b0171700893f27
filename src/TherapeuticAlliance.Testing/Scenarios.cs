using System;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Ready-made situations that tests of clinic software meet again and again, built from the builders' defaults
/// (<see cref="BuilderDefaults"/>): patient <c>p-1</c>, clinician <c>c-1</c>, weekly sessions from 2026-06-09.
/// </summary>
public static class Scenarios
{
    /// <summary>
    /// A patient who keeps missing sessions: <paramref name="kept"/> kept weekly sessions, then <paramref name="noShows"/>
    /// no-shows, judged a day after the last. With the default settings (a kept rate of 0.8 judged from 4 commitments),
    /// <c>TA.TRUST.PATIENT_ATTENDANCE</c> asks for review once the no-shows are more than a fifth of at least four commitments.
    /// </summary>
    /// <param name="noShows">How many no-shows; at least one.</param>
    /// <param name="kept">How many kept sessions come first; zero or more.</param>
    /// <returns>The pair's history.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="noShows"/> is less than one, or <paramref name="kept"/> is negative.</exception>
    public static AllianceHistory PatientWhoKeepsMissingSessions(int noShows, int kept = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(noShows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(kept);
        return new AllianceHistoryBuilder().Kept(kept).NoShows(noShows).Build();
    }

    /// <summary>
    /// A rupture in the alliance followed by a repair: five weekly sessions with SRS totals 36, 37, 38, 30, 37. The 30 is a
    /// rupture (two SDs below the mean of the three before it) and the 37 repairs it, so <c>TA.ALLIANCE.RUPTURE_UNREPAIRED</c>
    /// passes. The 30 is below the SRS cutoff and the clinician discusses it five minutes into the next session, so
    /// <c>TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED</c> passes too; the below-cutoff and drop warnings on it stay in the record.
    /// </summary>
    /// <returns>The pair's history.</returns>
    public static AllianceHistory RuptureFollowedByRepair() =>
        new AllianceHistoryBuilder().KeptWithSrs(36, 37, 38, 30, 37).AddressingNegativeFeedback().Build();

    /// <summary>
    /// A rupture that is not repaired: seven weekly sessions with SRS totals 36, 37, 38, 30, 31, 30, 31, each low score
    /// discussed at the next session. None of the three scores after the rupture comes back near the baseline, so
    /// <c>TA.ALLIANCE.RUPTURE_UNREPAIRED</c> asks for review.
    /// </summary>
    /// <returns>The pair's history.</returns>
    public static AllianceHistory RuptureWithoutRepair() =>
        new AllianceHistoryBuilder().KeptWithSrs(36, 37, 38, 30, 31, 30, 31).AddressingNegativeFeedback().Build();

    /// <summary>
    /// A relationship with a former patient that began <paramref name="yearsAfterTermination"/> years after the last
    /// professional contact (treatment from 2023-01-10 to 2024-03-10), ongoing.
    /// </summary>
    /// <param name="yearsAfterTermination">Whole years after termination; zero or more.</param>
    /// <returns>The course and a romantic or sexual relationship's declaration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearsAfterTermination"/> is negative.</exception>
    public static FormerPatientRelationship RelationshipWithFormerPatient(int yearsAfterTermination) =>
        RelationshipWithFormerPatient(yearsAfterTermination, RelationshipKind.RomanticOrSexual);

    /// <summary>
    /// A relationship of the given kind with a former patient that began <paramref name="yearsAfterTermination"/> years
    /// after the last professional contact (treatment from 2023-01-10 to 2024-03-10), ongoing.
    /// </summary>
    /// <param name="yearsAfterTermination">Whole years after termination; zero or more.</param>
    /// <param name="kind">The kind of relationship.</param>
    /// <returns>The course and the declaration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearsAfterTermination"/> is negative.</exception>
    public static FormerPatientRelationship RelationshipWithFormerPatient(int yearsAfterTermination, RelationshipKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yearsAfterTermination);
        return RelationshipWithFormerPatient(Period.FromYears(yearsAfterTermination), kind);
    }

    /// <summary>
    /// A relationship with a former patient that began <paramref name="afterTermination"/> after the last professional
    /// contact (treatment from 2023-01-10 to 2024-03-10), ongoing. Dates are calendar dates: two years after 2024-03-10
    /// is 2026-03-10.
    /// </summary>
    /// <param name="afterTermination">How long after termination, in calendar units.</param>
    /// <param name="kind">The kind of relationship.</param>
    /// <returns>The course and the declaration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="afterTermination"/> is null.</exception>
    public static FormerPatientRelationship RelationshipWithFormerPatient(Period afterTermination, RelationshipKind kind)
    {
        ArgumentNullException.ThrowIfNull(afterTermination);
        var course = new TreatmentCourse(
            new PatientId(BuilderDefaults.Patient), new ClinicianId(BuilderDefaults.Clinician), BuilderDefaults.CourseStart, BuilderDefaults.CourseTerminatedOn);
        RelationshipDeclaration declaration = new RelationshipDeclarationBuilder()
            .OfKind(kind)
            .Starting(BuilderDefaults.CourseTerminatedOn + afterTermination)
            .Build();
        return new FormerPatientRelationship(course, declaration);
    }

    /// <summary>
    /// A court asks for patient <c>p-1</c>'s information on a bare subpoena (no court order, no notice or protective-order
    /// assurances), for a judicial proceeding. Under HIPAA it reaches nothing: the decision is a denial under
    /// <c>TA.CONF.JUDICIAL</c>.
    /// </summary>
    /// <param name="categories">What the court asks for (default diagnoses and psychotherapy notes).</param>
    /// <returns>The request.</returns>
    public static DisclosureRequest CourtDisclosureOnBareSubpoena(DataCategories categories = DataCategories.Diagnoses | DataCategories.PsychotherapyNotes) =>
        new DisclosureRequestBuilder()
            .To(RecipientRole.CourtOrTribunal)
            .For(DisclosurePurpose.JudicialProceeding)
            .Of(categories)
            .Under(LegalInstrument.BareSubpoena)
            .Build();
}
