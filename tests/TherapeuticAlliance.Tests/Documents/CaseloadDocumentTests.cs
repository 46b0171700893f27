using System.IO;
using FsCheck;
using FsCheck.Xunit;
using System.Text;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Documents;

public class CaseloadDocumentTests
{
    internal static Caseload Rich()
    {
        PatientCaseload patient = new PatientCaseloadBuilder()
            .WithAppointment(new AppointmentBuilder().WithId("a-1").Fulfilled())
            .WithAppointment(new AppointmentBuilder().WithId("a-2").NoShow())
            .WithPlan(new TreatmentPlanBuilder().WithId("tp-7"))
            .WithPrescription("rx-sertraline", BuilderDefaults.GoalsProposedAt)
            .WithFeedback(new FeedbackBuilder().About("a-1").Srs(30).Addressed())
            .WithDeclaration(new RelationshipDeclarationBuilder())
            .WithAuthorization(new AuthorizationBuilder())
            .WithDisclosure(new DisclosureRequestBuilder())
            .TerminatedWith("c-1")
            .Build();
        return new CaseloadBuilder().WithPatient(patient).Build();
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameDocument()
    {
        Caseload caseload = Rich();
        string written = CaseloadDocument.Write(caseload);

        CaseloadReadResult read = CaseloadDocument.Read(written);

        read.Validation.Errors.Should().BeEmpty(written);
        CaseloadDocument.Write(read.Caseload!).Should().Be(written);
    }

    [Fact]
    public void SyntheticCaseload_WrittenAndRead_GivesTheSameDocumentAndTheSameAudit()
    {
        var options = new SyntheticCaseloadOptions { Patients = 60, Weeks = 12, Seed = 7 };
        Caseload caseload = SyntheticCaseload.Generate(options);
        string written = CaseloadDocument.Write(caseload);

        CaseloadReadResult read = CaseloadDocument.Read(written);

        read.Validation.Errors.Should().BeEmpty();
        CaseloadDocument.Write(read.Caseload!).Should().Be(written);
        static string Report(Caseload c, Instant asOf)
        {
            var text = new StringWriter();
            ComplianceReportWriter.WriteText(ComplianceAudit.Run(TherapeuticAlliance.Boundaries.BoundaryPresets.UsPsychiatry, c.Patients, asOf), text);
            return text.ToString();
        }

        Report(read.Caseload!, SyntheticCaseload.AsOf(options)).Should().Be(Report(caseload, SyntheticCaseload.AsOf(options)));
    }

    /// <summary>For any generated caseload, the document read back writes the same text, and compact and indented documents read alike.</summary>
    [Property(MaxTest = 40)]
    public void Property_AnyGeneratedCaseload_RoundTripsExactly(PositiveInt seed, byte patients, byte weeks, bool planted)
    {
        var options = new SyntheticCaseloadOptions { Seed = seed.Get, Patients = patients % 6, Weeks = 1 + (weeks % 10), PlantedProblems = planted };
        Caseload caseload = SyntheticCaseload.Generate(options);
        string written = CaseloadDocument.Write(caseload);
        using var compact = new MemoryStream();
        CaseloadDocument.Write(caseload.Clinicians, caseload.Patients, compact, indented: false);
        compact.Position = 0;

        CaseloadReadResult read = CaseloadDocument.Read(written);
        CaseloadReadResult readCompact = CaseloadDocument.Read(compact);

        read.Validation.Errors.Should().BeEmpty();
        CaseloadDocument.Write(read.Caseload!).Should().Be(written);
        CaseloadDocument.Write(readCompact.Caseload!).Should().Be(written);
    }

    [Fact]
    public void Write_EmptyCaseload_ReadsBackEmpty()
    {
        var empty = new Caseload([], []);

        CaseloadReadResult read = CaseloadDocument.Read(CaseloadDocument.Write(empty));

        read.IsValid.Should().BeTrue();
        read.Caseload!.Patients.Should().BeEmpty();
        read.Caseload.Clinicians.Should().BeEmpty();
    }

    [Fact]
    public void Write_AnInstrumentThatIsNotBuiltIn_IsRefusedClearly()
    {
        var custom = new TherapeuticAlliance.Communication.InstrumentDefinition(
            "CUSTOM", "1", [new TherapeuticAlliance.Communication.InstrumentItem(1, 0, 10)], TherapeuticAlliance.Communication.ScoringMethod.Sum, [], new Dictionary<string, decimal>(),
            new Citation("Host's own instrument", "all", "1"));
        TherapeuticAlliance.Communication.Feedback feedback = TherapeuticAlliance.Communication.Feedback.ForInstrument(
            new FeedbackId("f-x"), new PatientId("p-1"), new ClinicianId("c-1"), null, TherapeuticAlliance.Communication.FeedbackSolicitation.Solicited,
            TherapeuticAlliance.Communication.InstrumentResponse.Create(custom, [5m], Party.Patient, Instant.FromUtc(2026, 1, 5, 10, 0)));
        Caseload caseload = new CaseloadBuilder().WithPatient(new PatientCaseloadBuilder().WithFeedback(feedback)).Build();

        FluentActions.Invoking(() => CaseloadDocument.Write(caseload)).Should().Throw<ArgumentException>().WithMessage("*not built in*");
    }
}
