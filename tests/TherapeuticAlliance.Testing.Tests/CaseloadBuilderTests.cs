using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing.Tests;

public class PatientCaseloadBuilderTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 24, 12, 0);

    [Fact]
    public void Build_Defaults_PatientP1WithNoRecords_WhichTheAuditCountsAndFindsNothingIn()
    {
        PatientCaseload caseload = new PatientCaseloadBuilder().Build();

        caseload.PatientId.Value.Should().Be(BuilderDefaults.Patient);
        caseload.Appointments.Should().BeEmpty();
        caseload.Goals.Should().BeEmpty();
        caseload.Plans.Should().BeEmpty();
        caseload.Prescriptions.Should().BeEmpty();
        caseload.Feedback.Should().BeEmpty();
        caseload.RelationshipDeclarations.Should().BeEmpty();
        caseload.Authorizations.Should().BeEmpty();
        caseload.Disclosures.Should().BeEmpty();
        caseload.TerminatedWith.Should().BeEmpty();
        ComplianceReport report = ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, [caseload], AsOf);
        report.PatientsAudited.Should().Be(1);
        report.Findings.Should().BeEmpty();
    }

    [Fact]
    public void Build_NestedBuilders_AreGivenTheCaseloadsPatient_WhateverTheOrder()
    {
        var appointment = new AppointmentBuilder().ForPatient("p-other");
        PatientCaseload caseload = new PatientCaseloadBuilder()
            .WithAppointment(appointment)
            .WithGoal(new GoalBuilder())
            .WithPlan(new TreatmentPlanBuilder().WithId("tp-7"))
            .WithPrescription("rx-sertraline", BuilderDefaults.GoalsProposedAt)
            .WithFeedback(new FeedbackBuilder())
            .WithDeclaration(new RelationshipDeclarationBuilder())
            .WithAuthorization(new AuthorizationBuilder())
            .WithDisclosure(new DisclosureRequestBuilder())
            .TerminatedWith("c-1")
            .ForPatient("p-7")
            .Build();

        caseload.PatientId.Value.Should().Be("p-7");
        caseload.Appointments.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-7");
        caseload.Plans.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-7");
        caseload.Prescriptions.Should().ContainSingle().Which.Should().Be(
            new Prescription(new PatientId("p-7"), new ClinicianId("c-1"), "rx-sertraline", BuilderDefaults.GoalsProposedAt));
        caseload.Feedback.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-7");
        caseload.RelationshipDeclarations.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-7");
        caseload.Authorizations.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-7");
        caseload.Disclosures.Should().ContainSingle().Which.PatientId.Value.Should().Be("p-7");
        caseload.TerminatedWith.Should().Equal(new ClinicianId("c-1"));
        caseload.Goals.Should().OnlyContain(g => g.PatientId.Value == "p-7");
    }

    [Fact]
    public void WithPlan_FromABuilder_BringsTheGoalItMade_AfterTheGoalsAddedDirectly()
    {
        PatientCaseload caseload = new PatientCaseloadBuilder()
            .WithPlan(new TreatmentPlanBuilder())
            .WithGoal(new GoalBuilder().WithId("g-direct"))
            .Build();

        TreatmentPlan plan = caseload.Plans.Should().ContainSingle().Subject;
        caseload.Goals.Select(g => g.Id.Value).Should().Equal("g-direct", "g-1");
        plan.Current.GoalIds.Should().Equal(caseload.Goals[1].Id);
    }

    [Fact]
    public void WithPlan_GivenGoals_AreTheCallers()
    {
        Goal goal = new GoalBuilder().WithId("g-mine").Build();

        PatientCaseload without = new PatientCaseloadBuilder().WithPlan(new TreatmentPlanBuilder().WithGoals(goal)).Build();
        PatientCaseload with = new PatientCaseloadBuilder().WithPlan(new TreatmentPlanBuilder().WithGoals(goal)).WithGoal(goal).Build();

        without.Goals.Should().BeEmpty();
        with.Goals.Should().Equal(goal);
    }

    [Fact]
    public void Build_ACompliantStory_OnlyPasses()
    {
        PatientCaseloadBuilder builder = new PatientCaseloadBuilder().WithPlan(new TreatmentPlanBuilder());
        foreach (int day in new[] { 9, 16, 23 })
        {
            var session = new AppointmentBuilder().WithId($"a-{day}").At(new LocalDateTime(2026, 6, day, 9, 0)).Fulfilled();
            builder.WithAppointment(session)
                .WithFeedback(new FeedbackBuilder().WithId($"f-{day}").About($"a-{day}").ReceivedAt(session.Build().EndedAt!.Value).Srs(38));
        }

        ComplianceReport report = ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, [builder.Build()], AsOf);

        report.Findings.Should().BeEmpty(string.Join("; ", report.Findings.Select(f => f.Verdict.ToString())));
        report.Count(Outcome.Pass).Should().BeGreaterThan(0);
    }

    [Fact]
    public void Build_ABuiltRecordOfAnotherPatient_IsRefusedByTheCaseloadNamingTheList()
    {
        Appointment other = new AppointmentBuilder().ForPatient("p-2").Build();
        DisclosureRequest otherRequest = new DisclosureRequestBuilder().ForPatient("p-2").Build();

        FluentActions.Invoking(() => new PatientCaseloadBuilder().WithAppointment(other).Build())
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("appointments");
        FluentActions.Invoking(() => new PatientCaseloadBuilder().WithDisclosure(otherRequest).Build())
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("disclosures");
        new PatientCaseloadBuilder().ForPatient("p-2").WithAppointment(other).WithDisclosure(otherRequest).Build().Appointments.Should().Equal(other);
    }

    [Fact]
    public void BuiltRecords_AreKeptAsGiven_InTheOrderAdded()
    {
        Appointment first = new AppointmentBuilder().WithId("a-first").Build();
        Feedback feedback = new FeedbackBuilder().Build();
        Authorization authorization = new AuthorizationBuilder().Build();
        RelationshipDeclaration declaration = new RelationshipDeclarationBuilder().Build();
        Goal goal = new GoalBuilder().Build();
        TreatmentPlan plan = new TreatmentPlanBuilder().WithGoals(goal).Build();
        var prescription = new Prescription(new PatientId("p-1"), new ClinicianId("c-2"), "rx-1", BuilderDefaults.GoalsProposedAt);

        PatientCaseload caseload = new PatientCaseloadBuilder()
            .WithAppointment(first).WithAppointment(new AppointmentBuilder().WithId("a-second"))
            .WithFeedback(feedback).WithAuthorization(authorization).WithDeclaration(declaration).WithGoal(goal).WithPlan(plan)
            .WithPrescription(prescription)
            .Build();

        caseload.Appointments.Select(a => a.Id.Value).Should().Equal("a-first", "a-second");
        caseload.Appointments[0].Should().BeSameAs(first);
        caseload.Feedback.Should().Equal(feedback);
        caseload.Authorizations.Should().Equal(authorization);
        caseload.RelationshipDeclarations.Should().Equal(declaration);
        caseload.Goals.Should().Equal(goal);
        caseload.Plans.Should().Equal(plan);
        caseload.Prescriptions.Should().Equal(prescription);
    }

    [Fact]
    public void Build_Twice_BuildsTheNestedBuildersAgain()
    {
        PatientCaseloadBuilder builder = new PatientCaseloadBuilder().WithAppointment(new AppointmentBuilder());

        builder.Build().Appointments.Single().Id.Value.Should().Be("a-1");
        builder.Build().Appointments.Single().Id.Value.Should().Be("a-2");
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        var builder = new PatientCaseloadBuilder();
        FluentActions.Invoking(() => builder.ForPatient(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.WithAppointment((Appointment)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.WithPlan((TreatmentPlanBuilder)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.TerminatedWith(null!)).Should().Throw<ArgumentNullException>();
    }
}

public class CaseloadBuilderTests
{
    [Fact]
    public void Build_Defaults_AnEmptyCaseload()
    {
        Caseload caseload = new CaseloadBuilder().Build();

        caseload.Clinicians.Should().BeEmpty();
        caseload.Patients.Should().BeEmpty();
    }

    [Fact]
    public void Build_AddsTheCliniciansThePatientsName_AsPsychiatrists_AfterTheGivenOnes()
    {
        Caseload caseload = new CaseloadBuilder()
            .WithClinician("c-9", ClinicianProfession.Psychologist)
            .WithPatient(new PatientCaseloadBuilder().ForPatient("p-1").WithAppointment(new AppointmentBuilder().WithClinician("c-2")).TerminatedWith("c-3"))
            .WithPatient(new PatientCaseloadBuilder().ForPatient("p-2").WithFeedback(new FeedbackBuilder().WithClinician("c-9"))
                .WithPrescription("rx-1", BuilderDefaults.GoalsProposedAt, "c-4"))
            .Build();

        caseload.Clinicians.Should().Equal(
            new CaseloadClinician(new ClinicianId("c-9"), ClinicianProfession.Psychologist),
            new CaseloadClinician(new ClinicianId("c-2"), ClinicianProfession.Psychiatrist),
            new CaseloadClinician(new ClinicianId("c-3"), ClinicianProfession.Psychiatrist),
            new CaseloadClinician(new ClinicianId("c-4"), ClinicianProfession.Psychiatrist));
        caseload.Patients.Select(p => p.PatientId.Value).Should().Equal("p-1", "p-2");
        caseload.AppointmentCount.Should().Be(1);
    }

    [Fact]
    public void Build_APatientGivenBuilt_IsKept()
    {
        PatientCaseload patient = new PatientCaseloadBuilder().Build();

        new CaseloadBuilder().WithPatient(patient).Build().Patients.Should().ContainSingle().Which.Should().BeSameAs(patient);
    }

    [Fact]
    public void Build_TwoPatientsWithTheSameId_OrAClinicianTwice_IsRefusedByTheCaseload()
    {
        FluentActions.Invoking(() => new CaseloadBuilder().WithPatient(new PatientCaseloadBuilder()).WithPatient(new PatientCaseloadBuilder()).Build())
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("patients");
        FluentActions.Invoking(() => new CaseloadBuilder().WithClinician("c-1").WithClinician("c-1").Build())
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("clinicians");
    }
}
