using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Boundaries;

/// <summary>
/// The dates of one patient's treatment with one clinician: the first professional contact, and the last one when
/// the treatment has ended (the termination date). A patient is current until the treatment is terminated.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record TreatmentCourse
{
    /// <summary>Creates a course from its dates.</summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="start">The first professional contact.</param>
    /// <param name="terminatedOn">The last professional contact, when the treatment has ended; null while it goes on.</param>
    /// <exception cref="ArgumentException">An id is the default value, or <paramref name="terminatedOn"/> is before <paramref name="start"/>.</exception>
    public TreatmentCourse(PatientId patientId, ClinicianId clinicianId, LocalDate start, LocalDate? terminatedOn)
    {
        PatientId = Guards.NotDefault(patientId, patientId.Value);
        ClinicianId = Guards.NotDefault(clinicianId, clinicianId.Value);
        if (terminatedOn < start)
        {
            throw new ArgumentException("The treatment cannot end before it starts.", nameof(terminatedOn));
        }

        Start = start;
        TerminatedOn = terminatedOn;
    }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>The first professional contact.</summary>
    public LocalDate Start { get; }

    /// <summary>The last professional contact of a terminated treatment; null while it goes on.</summary>
    public LocalDate? TerminatedOn { get; }

    /// <summary>
    /// Dates a course from the pair's appointments: it starts on the local date of the first appointment that was
    /// not cancelled or entered in error, and, when <paramref name="terminated"/>, ends on the local date of the last
    /// one the patient came to and that was not cancelled (the last professional contact).
    /// </summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="appointments">The pair's appointments.</param>
    /// <param name="terminated">Whether the treatment has ended.</param>
    /// <returns>The course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">
    /// An appointment belongs to another pair, none dates the treatment, or a terminated treatment has no appointment the patient came to.
    /// </exception>
    [Pure]
    public static TreatmentCourse FromAppointments(PatientId patientId, ClinicianId clinicianId, IEnumerable<Appointment> appointments, bool terminated)
    {
        (TreatmentCourse? course, string? problem) = Date(patientId, clinicianId, appointments, terminated);
        return course ?? throw new ArgumentException(problem, nameof(appointments));
    }

    /// <summary>
    /// Dates a course as <see cref="FromAppointments"/> does, or gives null when the appointments cannot date it (every
    /// one was cancelled or entered in error, or a terminated treatment has none the patient came to).
    /// </summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="appointments">The pair's appointments.</param>
    /// <param name="terminated">Whether the treatment has ended.</param>
    /// <returns>The course, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">An appointment belongs to another pair.</exception>
    [Pure]
    public static TreatmentCourse? TryFromAppointments(PatientId patientId, ClinicianId clinicianId, IEnumerable<Appointment> appointments, bool terminated) =>
        Date(patientId, clinicianId, appointments, terminated).Course;

    private static (TreatmentCourse? Course, string? Problem) Date(PatientId patientId, ClinicianId clinicianId, IEnumerable<Appointment> appointments, bool terminated)
    {
        Appointment[] all = [.. Guard.Against.Null(appointments)];
        if (all.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(appointments), "An appointment is null.");
        }

        if (all.Any(a => a.PatientId != patientId || a.ClinicianId != clinicianId))
        {
            throw new ArgumentException("Every appointment must belong to the pair.", nameof(appointments));
        }

        LocalDate[] held = [.. all.Where(a => a.Status is not (AppointmentStatus.Cancelled or AppointmentStatus.EnteredInError)).Select(a => a.Slot.LocalStart.Date)];
        if (held.Length == 0)
        {
            return (null, "No appointment dates the treatment: every one was cancelled or entered in error.");
        }

        LocalDate[] attended = [.. all.Where(a => a.ArrivedAt is not null && a.Status is not (AppointmentStatus.Cancelled or AppointmentStatus.EnteredInError)).Select(a => a.Slot.LocalStart.Date)];
        if (terminated && attended.Length == 0)
        {
            return (null, "A terminated treatment needs an appointment the patient came to, to date its last contact.");
        }

        return (new TreatmentCourse(patientId, clinicianId, held.Min(), terminated ? attended.Max() : null), null);
    }
}

/// <summary>
/// The dual-relationship rules (<c>TA.DUAL.*</c>): each declared relationship is placed in a
/// <see cref="DualSituation"/> by its kind, counterpart and dates against the treatment, and judged by the policy's
/// <see cref="RelationshipStandard"/> for that situation.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Dates are calendar dates: a wait of two years after termination on 2024-03-10 ends on
/// 2026-03-10, and a relationship that begins that day is outside the wait (from 2024-02-29, it ends on 2026-02-28). Verdicts name the declaration, with
/// ids, dates and codes as evidence, never free text.
/// </remarks>
public static class DualRelationshipCheck
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Judges every declaration between the course's clinician and patient (others are ignored).</summary>
    /// <param name="settings">The policy's dual-relationship settings.</param>
    /// <param name="course">The treatment's dates.</param>
    /// <param name="declarations">The declarations; in any order.</param>
    /// <returns>One verdict per declaration that falls in a situation, in the order given.</returns>
    /// <exception cref="ArgumentNullException">An argument or a declaration is null.</exception>
    [Pure]
    public static IReadOnlyList<Verdict> Evaluate(DualRelationshipSettings settings, TreatmentCourse course, IEnumerable<RelationshipDeclaration> declarations)
    {
        Guard.Against.Null(settings);
        Guard.Against.Null(course);
        Guard.Against.Null(declarations);
        var verdicts = new List<Verdict>();
        foreach (RelationshipDeclaration declaration in declarations)
        {
            Guard.Against.Null(declaration, nameof(declarations));
            if (declaration.ClinicianId != course.ClinicianId || declaration.PatientId != course.PatientId)
            {
                continue;
            }

            if (Classify(declaration, course, settings) is { } situation)
            {
                verdicts.Add(Judge(situation, settings, declaration, course));
            }
        }

        return verdicts;
    }

    /// <summary>
    /// The question a host asks at intake: may the clinician take this person as a patient, given the declarations?
    /// Judges each declaration as if treatment began on <paramref name="intakeDate"/>: a past sexual relationship
    /// makes the person a former partner, an ongoing friendship a friend as patient, and so on.
    /// </summary>
    /// <param name="settings">The policy's dual-relationship settings.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="patientId">The person, by the id they will have as a patient.</param>
    /// <param name="declarations">The clinician's declarations.</param>
    /// <param name="intakeDate">The day treatment would begin.</param>
    /// <returns>One verdict per declaration that bears on it; empty when none does.</returns>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    /// <exception cref="ArgumentNullException">An argument or a declaration is null.</exception>
    [Pure]
    public static IReadOnlyList<Verdict> AtIntake(
        DualRelationshipSettings settings, ClinicianId clinicianId, PatientId patientId, IEnumerable<RelationshipDeclaration> declarations, LocalDate intakeDate) =>
        Evaluate(settings, new TreatmentCourse(patientId, clinicianId, intakeDate, null), declarations);

    /// <summary>The situation a declaration falls in, against a treatment; null when none applies (for example a friendship that ended before treatment).</summary>
    /// <param name="declaration">The declaration.</param>
    /// <param name="course">The treatment's dates.</param>
    /// <param name="settings">The settings (whether the former-patient standard covers relatives).</param>
    /// <returns>The situation, or null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [Pure]
    public static DualSituation? Classify(RelationshipDeclaration declaration, TreatmentCourse course, DualRelationshipSettings settings)
    {
        Guard.Against.Null(declaration);
        Guard.Against.Null(course);
        Guard.Against.Null(settings);
        bool before = declaration.End < course.Start;
        bool after = declaration.Start > course.TerminatedOn;
        bool during = !before && !after;
        bool patient = declaration.IsWithPatient;
        return declaration.Kind switch
        {
            RelationshipKind.RomanticOrSexual when during => patient ? DualSituation.SexualWithCurrentPatient : DualSituation.SexualWithRelative,
            RelationshipKind.RomanticOrSexual when before => patient ? DualSituation.FormerSexualPartnerAsPatient : null,
            RelationshipKind.RomanticOrSexual => patient || settings.Standards[DualSituation.SexualWithFormerPatient].CoversRelatives
                ? DualSituation.SexualWithFormerPatient
                : null,
            _ when before => null,
            _ when after => (patient || settings.Standards[DualSituation.PersonalRelationshipAfterTermination].CoversRelatives)
                && declaration.Kind is not (RelationshipKind.Barter or RelationshipKind.Gift or RelationshipKind.IncidentalCommunityContact)
                ? DualSituation.PersonalRelationshipAfterTermination
                : null,
            RelationshipKind.Barter => DualSituation.Barter,
            RelationshipKind.Gift => DualSituation.Gift,
            RelationshipKind.IncidentalCommunityContact => DualSituation.IncidentalContact,
            _ when !patient => DualSituation.OtherRelationshipWithRelative,
            RelationshipKind.Family or RelationshipKind.FriendshipOrSocial => DualSituation.FamilyOrFriendAsPatient,
            RelationshipKind.BusinessOrFinancial or RelationshipKind.Employment => DualSituation.BusinessOrFinancial,
            RelationshipKind.SocialMediaConnection => DualSituation.SocialMediaWithCurrentPatient,
            _ => DualSituation.BoundaryExtension,
        };
    }

    private static Verdict Judge(DualSituation situation, DualRelationshipSettings settings, RelationshipDeclaration declaration, TreatmentCourse course)
    {
        RelationshipStandard standard = settings.Standards[situation];
        RuleCode code = DualRuleCodes.For(situation);
        SubjectRef subject = SubjectRef.To(declaration.Id);
        ImmutableArray<Evidence>.Builder evidence = ImmutableArray.CreateBuilder<Evidence>();
        evidence.Add(Evidence.OfId("patientId", declaration.PatientId.Value));
        evidence.Add(Evidence.OfId("clinicianId", declaration.ClinicianId.Value));
        evidence.Add(Evidence.OfCode("relationshipStart", Date(declaration.Start)));
        if (situation == DualSituation.Gift && declaration.GiftValue is { } value && value <= settings.GiftValueLimit)
        {
            return Verdict.Pass(code, subject, standard.Citation);
        }

        if (standard.Stance == BoundaryStance.Prohibited)
        {
            return new Verdict(code, Outcome.Violation, subject, standard.Citation, evidence.ToImmutable());
        }

        if (standard.WaitPeriod is { } wait && course.TerminatedOn is { } terminated && declaration.Start < terminated.Plus(wait))
        {
            evidence.Add(Evidence.OfCode("terminatedOn", Date(terminated)));
            evidence.Add(Evidence.OfCode("waitEnds", Date(terminated.Plus(wait))));
            return new Verdict(code, Outcome.Violation, subject, standard.Citation, evidence.ToImmutable());
        }

        Safeguards missing = standard.RequiredSafeguards & ~declaration.Safeguards;
        if (missing != Safeguards.None)
        {
            foreach (Safeguards flag in Enum.GetValues<Safeguards>().Where(f => f != Safeguards.None && missing.HasFlag(f)))
            {
                evidence.Add(Evidence.OfCode("missingSafeguard", flag.ToString()));
            }

            return new Verdict(code, Outcome.Violation, subject, standard.Citation, evidence.ToImmutable());
        }

        if (standard.Stance == BoundaryStance.Judgement)
        {
            if (declaration.GiftValue is { } gift)
            {
                evidence.Add(Evidence.OfNumber("giftValue", (double)gift));
            }

            foreach (string factor in standard.Factors)
            {
                evidence.Add(Evidence.OfCode("factor", factor));
            }

            evidence.Add(Evidence.OfCode("factorsAssessed", declaration.Safeguards.HasFlag(Safeguards.FactorAssessment) ? "yes" : "no"));
            return new Verdict(code, Outcome.NeedsReview, subject, standard.Citation, evidence.ToImmutable());
        }

        return Verdict.Pass(code, subject, standard.Citation);
    }

    private static string Date(LocalDate date) => DatePattern.Format(date);
}
