using NodaTime.Text;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Boundaries;

/// <summary>
/// Builds relationship declarations and treatment courses for the dual-relationship tests: clinician c-1 and
/// patient p-1 unless told otherwise, declaration id rd-1, no safeguards, no gift value. Dates are written as ISO
/// strings so that theory data can carry them.
/// </summary>
internal static class Declarations
{
    public const string Patient = "p-1";

    public const string Clinician = "c-1";

    /// <summary>How the relatives in these tests are related to the patient: HL7 v3 RoleCode SPS, spouse.</summary>
    public const string Spouse = "SPS";

    public static readonly PatientId ThePatient = new(Patient);

    public static readonly ClinicianId TheClinician = new(Clinician);

    /// <summary>An ISO date (yyyy-MM-dd).</summary>
    public static LocalDate Day(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    /// <summary>A declaration of <paramref name="kind"/> from <paramref name="start"/> to <paramref name="end"/> (null: ongoing), with the patient unless <paramref name="relation"/> is given.</summary>
    public static RelationshipDeclaration Declare(
        RelationshipKind kind, LocalDate start, LocalDate? end = null, string? relation = null, Safeguards safeguards = Safeguards.None, decimal? giftValue = null,
        string id = "rd-1", string patient = Patient, string clinician = Clinician) =>
        new(new RelationshipDeclarationId(id), new ClinicianId(clinician), new PatientId(patient), relation, kind, start, end, safeguards, giftValue);

    /// <summary>The same, with ISO dates.</summary>
    public static RelationshipDeclaration Declare(
        RelationshipKind kind, string start, string? end = null, string? relation = null, Safeguards safeguards = Safeguards.None, decimal? giftValue = null,
        string id = "rd-1", string patient = Patient, string clinician = Clinician) =>
        Declare(kind, Day(start), end is null ? null : Day(end), relation, safeguards, giftValue, id, patient, clinician);

    /// <summary>A gift to or from the patient on <paramref name="day"/>.</summary>
    public static RelationshipDeclaration Gift(decimal? value, string day = "2024-02-01", string id = "rd-1") =>
        Declare(RelationshipKind.Gift, day, day, giftValue: value, id: id);

    /// <summary>A course between c-1 and p-1 (unless told otherwise) from <paramref name="start"/>, terminated on <paramref name="terminatedOn"/> or ongoing.</summary>
    public static TreatmentCourse Course(string start, string? terminatedOn = null, string patient = Patient, string clinician = Clinician) =>
        new(new PatientId(patient), new ClinicianId(clinician), Day(start), terminatedOn is null ? null : Day(terminatedOn));

    /// <summary>Judges one declaration and returns its single verdict.</summary>
    public static Verdict JudgeOne(DualRelationshipSettings settings, TreatmentCourse course, RelationshipDeclaration declaration)
    {
        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.Evaluate(settings, course, [declaration]);
        verdicts.Should().ContainSingle("the declaration {0} falls in a situation against {1}", declaration, course);
        return verdicts[0];
    }

    /// <summary>The texts (ids or codes) of every piece of evidence called <paramref name="name"/>, in order.</summary>
    public static IEnumerable<string?> Texts(Verdict verdict, string name) =>
        verdict.Evidence.Where(e => e.Name == name).Select(e => e.Text);

    /// <summary>
    /// Asserts the evidence every non-passing verdict carries: the declaration's patient and clinician as ids and its
    /// first day as an ISO date code.
    /// </summary>
    public static void ShouldNameTheDeclaration(Verdict verdict, RelationshipDeclaration declaration)
    {
        verdict.FindEvidence("patientId").Should().Be(Evidence.OfId("patientId", declaration.PatientId.Value));
        verdict.FindEvidence("clinicianId").Should().Be(Evidence.OfId("clinicianId", declaration.ClinicianId.Value));
        verdict.FindEvidence("relationshipStart").Should().Be(Evidence.OfCode("relationshipStart", LocalDatePattern.Iso.Format(declaration.Start)));
        verdict.Subject.Should().Be(SubjectRef.To(declaration.Id));
        verdict.Subject.Kind.Should().Be(SubjectKind.RelationshipDeclaration);
    }

    /// <summary>
    /// A booked appointment for c-1 and p-1 (unless told otherwise) at <paramref name="localStart"/> in New York, then
    /// driven to <paramref name="status"/>: Arrived (checked in at the start), Cancelled (by the patient two days ahead),
    /// NoShow, EnteredInError (while booked), or Booked.
    /// </summary>
    public static Appointment Appointment(
        string id, LocalDateTime localStart, AppointmentStatus status, string patient = Patient, string clinician = Clinician) =>
        Appointments.InStatus(status, id, patient, clinician, Appointments.Slot(localStart));

    /// <summary>The same at 09:00 on an ISO date.</summary>
    public static Appointment Appointment(string id, string day, AppointmentStatus status, string patient = Patient, string clinician = Clinician) =>
        Appointment(id, Day(day).At(new LocalTime(9, 0)), status, patient, clinician);
}
