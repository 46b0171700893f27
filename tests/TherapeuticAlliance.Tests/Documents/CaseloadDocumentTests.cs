using System.IO;
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
}
