using FsCheck;
using FsCheck.Xunit;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.FluentAssertions;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Compliance;

public class ComplianceAuditTests
{
    /// <summary>The day after the third weekly session (2026-06-09, 16 and 23 at 09:00 New York).</summary>
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 24, 12, 0);

    private static readonly BoundaryPolicy Policy = BoundaryPresets.UsPsychiatry;

    [Fact]
    public void Run_NoPatients_GivesAnEmptyPassingReport()
    {
        ComplianceReport report = ComplianceAudit.Run(Policy, [], AsOf);

        report.PatientsAudited.Should().Be(0);
        report.Findings.Should().BeEmpty();
        report.RuleCounts.Should().BeEmpty();
        report.WorstOutcome.Should().Be(Outcome.Pass);
        report.PolicyId.Should().Be(Policy.Id);
        report.PolicyVersion.Should().Be(Policy.Version);
        report.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void Run_PatientWithNoRecords_IsCountedWithNoVerdicts()
    {
        ComplianceReport report = ComplianceAudit.Run(Policy, [new PatientCaseloadBuilder().Build()], AsOf);

        report.PatientsAudited.Should().Be(1);
        report.Findings.Should().BeEmpty();
        report.RuleCounts.Should().BeEmpty();
        report.WorstOutcome.Should().Be(Outcome.Pass);
    }

    [Fact]
    public void Run_CompliantPatient_OnlyPasses()
    {
        ComplianceReport report = ComplianceAudit.Run(Policy, [Compliant("p-1")], AsOf);

        report.Should().HaveNoFindingAtOrAbove(Outcome.Warning);
        report.WorstOutcome.Should().Be(Outcome.Pass);
        report.PatientsAudited.Should().Be(1);
        report.Count(Outcome.Pass).Should().BeGreaterThan(0);
        report.RuleCounts.Select(r => r.Code).Should().Contain([TimeRuleCodes.ClinicianLateStart, AllianceRuleCodes.SrsBelowCutoff, PlanningRuleCodes.NoAgreedGoal]);
        report.Pairs.Should().ContainSingle().Which.ClinicianId.Should().Be(new ClinicianId("c-1"));
    }

    [Fact]
    public void Run_LateStart_WarnsWithTheAppointmentsClinician()
    {
        Appointment late = new AppointmentBuilder().WithId("a-late").WithClinician("c-2").At(new LocalDateTime(2026, 6, 10, 9, 0))
            .StartedMinutesLate(12).Fulfilled().Build();

        ComplianceReport report = ComplianceAudit.Run(Policy, [WithSessions(new PatientCaseloadBuilder()).WithAppointment(late).Build()], AsOf);

        AuditFinding finding = report.Findings.Should().ContainSingle(f => f.Verdict.Code == TimeRuleCodes.ClinicianLateStart).Subject;
        finding.Verdict.Outcome.Should().Be(Outcome.Warning);
        finding.PatientId.Should().Be(new PatientId("p-1"));
        finding.ClinicianId.Should().Be(new ClinicianId("c-2"));
        finding.Verdict.Subject.Should().Be(SubjectRef.To(late.Id));
        report.WorstOutcome.Should().Be(Outcome.Warning);
    }

    [Fact]
    public void Run_BareSubpoena_IsAJudicialViolationAboutThePatientAlone()
    {
        DisclosureRequest request = Scenarios.CourtDisclosureOnBareSubpoena();

        ComplianceReport report = ComplianceAudit.Run(Policy, [new PatientCaseloadBuilder().WithDisclosure(request).Build()], AsOf);

        report.Should().HaveViolationAbout(ConfidentialityRuleCodes.Judicial, SubjectRef.To(request.Id)).Which.ClinicianId.Should().BeNull();
        report.Findings.Should().ContainSingle(f => f.Verdict.Code == ConfidentialityRuleCodes.Judicial);
        report.WorstOutcome.Should().Be(Outcome.Violation);
    }

    [Fact]
    public void Run_RelationshipWithFormerPatient_UnderUsPsychiatry_IsASexualFormerViolation()
    {
        PatientCaseload patient = FormerPatient(terminated: true);

        ComplianceReport report = ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, [patient], AsOf);

        report.Should().HaveViolation(DualRuleCodes.SexualFormer).Which.ClinicianId.Should().Be(new ClinicianId("c-1"));
        report.Findings.Should().ContainSingle(f => f.Verdict.Code == DualRuleCodes.SexualFormer);
    }

    [Fact]
    public void Run_DeclarationWithoutAppointmentsToDateACourse_IsSkipped()
    {
        PatientCaseload patient = new PatientCaseloadBuilder()
            .WithDeclaration(new RelationshipDeclarationBuilder().Romantic().Starting(new LocalDate(2026, 3, 10)))
            .TerminatedWith("c-1")
            .Build();

        ComplianceReport report = ComplianceAudit.Run(Policy, [patient], AsOf);

        report.RuleCounts.Should().BeEmpty();
        report.PatientsAudited.Should().Be(1);
    }

    [Fact]
    public void Run_AppointmentsAfterAsOf_AreNotJudgedByTheTimeRules()
    {
        Appointment later = new AppointmentBuilder().WithId("a-later").At(new LocalDateTime(2026, 7, 1, 9, 0)).StartedMinutesLate(20).Fulfilled().Build();

        PatientCaseload patient = new PatientCaseloadBuilder().WithAppointment(later).Build();

        ComplianceReport report = ComplianceAudit.Run(Policy, [patient], AsOf);

        report.Findings.Should().BeEmpty();
        report.RuleCounts.Should().NotContain(r => r.Code.Value.StartsWith("TA.TIME.", StringComparison.Ordinal));
        ComplianceAudit.Run(Policy, [patient], Instant.FromUtc(2026, 7, 2, 12, 0))
            .Should().HaveFinding(TimeRuleCodes.ClinicianLateStart);
    }

    [Fact]
    public void Run_PolicyRevision_ItsSettingsDecide()
    {
        PatientCaseload patient = new PatientCaseloadBuilder()
            .WithAppointment(new AppointmentBuilder().WithId("a-4").StartedMinutesLate(4).Fulfilled())
            .Build();
        BoundaryPolicy stricter = new BoundaryPolicyBuilder().From(Policy)
            .WithTime(t => t with { ClinicianLateStartTolerance = Duration.FromMinutes(3) })
            .BuildRevision();

        ComplianceReport before = ComplianceAudit.Run(Policy, [patient], AsOf);
        ComplianceReport after = ComplianceAudit.Run(stricter, [patient], AsOf);

        before.Should().NotHaveFinding(TimeRuleCodes.ClinicianLateStart)
            .And.HaveCounted(TimeRuleCodes.ClinicianLateStart, Outcome.Pass, 1);
        after.Findings.Should().ContainSingle(f => f.Verdict.Code == TimeRuleCodes.ClinicianLateStart)
            .Which.Verdict.Outcome.Should().Be(Outcome.Warning);
        after.PolicyVersion.Should().Be(Policy.Version + 1);
    }

    [Fact]
    public void Run_DualSettingsComeFromThePolicy()
    {
        PatientCaseload patient = FormerPatient(terminated: true);

        ComplianceReport psychiatry = ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, [patient], AsOf);
        ComplianceReport psychology = ComplianceAudit.Run(BoundaryPresets.UsPsychology, [patient], AsOf);
        Verdict expected = DualRelationshipCheck.Evaluate(
            BoundaryPresets.UsPsychology.Settings.Dual,
            TreatmentCourse.FromAppointments(patient.PatientId, new ClinicianId("c-1"), patient.Appointments, terminated: true),
            patient.RelationshipDeclarations).Single();

        psychiatry.Findings.Single(f => f.Verdict.Code == DualRuleCodes.SexualFormer).Verdict.Outcome.Should().Be(Outcome.Violation);
        Outcome fromPsychology = psychology.Findings.Where(f => f.Verdict.Code == expected.Code).Select(f => f.Verdict.Outcome).SingleOrDefault(Outcome.Pass);
        fromPsychology.Should().Be(expected.Outcome);
    }

    [Fact]
    public void Caseload_RecordOfAnotherPatient_IsRefusedNamingTheList()
    {
        Appointment other = new AppointmentBuilder().ForPatient("p-2").Build();
        DisclosureRequest otherRequest = new DisclosureRequestBuilder().ForPatient("p-2").Build();
        RelationshipDeclaration otherDeclaration = new RelationshipDeclarationBuilder().ForPatient("p-2").Build();
        Goal otherGoal = new GoalBuilder().ForPatient("p-2").Build();

        // Records given built are kept as they are: the caseload itself refuses another patient's.
        FluentActions.Invoking(() => new PatientCaseloadBuilder().WithAppointment(other).Build()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("appointments");
        FluentActions.Invoking(() => new PatientCaseloadBuilder().WithDisclosure(otherRequest).Build()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("disclosures");
        FluentActions.Invoking(() => new PatientCaseloadBuilder().WithDeclaration(otherDeclaration).Build())
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("relationshipDeclarations");
        FluentActions.Invoking(() => new PatientCaseloadBuilder().WithGoal(otherGoal).Build()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("goals");
    }

    [Fact]
    public void Caseload_NullsAndDefaultIds_AreRefused()
    {
        FluentActions.Invoking(() => new PatientCaseload(new PatientId("p-1"), [null!], [], [], [], [], [], [], [], []))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("appointments");
        FluentActions.Invoking(() => new PatientCaseload(new PatientId("p-1"), null!, [], [], [], [], [], [], [], []))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("appointments");
        FluentActions.Invoking(() => new PatientCaseload(default, [], [], [], [], [], [], [], [], []))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("patientId");
        FluentActions.Invoking(() => new PatientCaseload(new PatientId("p-1"), [], [], [], [], [], [], [], [], [default]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("terminatedWith");
    }

    [Fact]
    public void Audit_NullArguments_AreRefused()
    {
        var builder = new ComplianceReportBuilder();
        FluentActions.Invoking(() => ComplianceAudit.Audit(null!, new PatientCaseloadBuilder().Build(), AsOf, builder)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ComplianceAudit.Audit(Policy, null!, AsOf, builder)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ComplianceAudit.Audit(Policy, new PatientCaseloadBuilder().Build(), AsOf, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ComplianceAudit.Run(Policy, [null!], AsOf)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>
    /// Patients audited one by one into separate builders and calendars, merged in any order, with the merged calendars
    /// judged, give the report <see cref="ComplianceAudit.Run(BoundaryPolicy, IEnumerable{PatientCaseload}, Instant)"/> gives.
    /// </summary>
    [Property(MaxTest = 30)]
    public void Audit_PerPatientBuildersMergedInAnyOrder_GiveTheSameReportAsRun(int[] order)
    {
        PatientCaseload[] patients = MixedPatients();
        ComplianceReport expected = ComplianceAudit.Run(Policy, patients, AsOf);

        (ComplianceReportBuilder Builder, ClinicianCalendars Calendars)[] parts = [.. patients.Select(p =>
        {
            var builder = new ComplianceReportBuilder();
            var calendars = new ClinicianCalendars();
            ComplianceAudit.Audit(Policy, p, AsOf, builder, calendars);
            return (builder, calendars);
        })];
        var merged = new ComplianceReportBuilder();
        var mergedCalendars = new ClinicianCalendars();
        foreach (int i in Enumerable.Range(0, parts.Length).OrderBy(i => order.Length == 0 ? 0 : order[i % order.Length]).ThenByDescending(i => i))
        {
            merged.Merge(parts[i].Builder);
            mergedCalendars.Merge(parts[i].Calendars);
        }

        mergedCalendars.Judge(merged);
        ComplianceReport actual = merged.Build(Policy.Id, Policy.Version, AsOf);
        actual.PatientsAudited.Should().Be(patients.Length);
        actual.Findings.Should().Equal(expected.Findings);
        actual.RuleCounts.Should().Equal(expected.RuleCounts);
        actual.Pairs.Should().Equal(expected.Pairs);
        Reports.Json(actual).Should().Equal(Reports.Json(expected));
    }

    [Fact]
    public void Run_PatientOrder_DoesNotChangeTheReport()
    {
        PatientCaseload[] patients = MixedPatients();

        byte[] forward = Reports.Json(ComplianceAudit.Run(Policy, patients, AsOf));
        byte[] backward = Reports.Json(ComplianceAudit.Run(Policy, patients.Reverse(), AsOf));

        backward.Should().Equal(forward);
        ComplianceAudit.Run(Policy, patients, AsOf).Findings.Should().NotBeEmpty();
    }

    private static PatientCaseload[] MixedPatients()
    {
        return
        [
            Compliant("p-1"),
            new PatientCaseloadBuilder().ForPatient("p-2")
                .WithDisclosure(new DisclosureRequestBuilder().To(RecipientRole.CourtOrTribunal).For(DisclosurePurpose.JudicialProceeding)
                    .Of(DataCategories.Diagnoses).Under(LegalInstrument.BareSubpoena))
                .Build(),
            new PatientCaseloadBuilder().ForPatient("p-3")
                .WithAppointment(new AppointmentBuilder().WithId("a-late").WithClinician("c-2").StartedMinutesLate(12).Fulfilled())
                .Build(),
            FormerPatient(terminated: true),
        ];
    }

    /// <summary>
    /// Three weekly on-time sessions with c-1, each followed by an SRS of 38 or more, and an active plan serving one agreed goal
    /// the patient expressed.
    /// </summary>
    private static PatientCaseload Compliant(string patient)
    {
        PatientCaseloadBuilder builder = new PatientCaseloadBuilder().ForPatient(patient).WithPlan(new TreatmentPlanBuilder());
        decimal srs = 38;
        foreach (Appointment session in Sessions(patient))
        {
            builder.WithAppointment(session)
                .WithFeedback(new FeedbackBuilder().WithId($"f-{session.Id}").About(session.Id.Value).ReceivedAt(session.EndedAt!.Value).Srs(srs++));
        }

        return builder.Build();
    }

    /// <summary>Adds <see cref="Sessions"/> of the builder's patient.</summary>
    private static PatientCaseloadBuilder WithSessions(PatientCaseloadBuilder builder)
    {
        foreach (Appointment session in Sessions(builder.PatientId))
        {
            builder.WithAppointment(session);
        }

        return builder;
    }

    private static Appointment[] Sessions(string patient = "p-1") =>
    [
        .. new[] { 9, 16, 23 }.Select(day => new AppointmentBuilder().WithId($"a-{patient}-{day}").ForPatient(patient)
            .At(new LocalDateTime(2026, 6, day, 9, 0)).Fulfilled().Build()),
    ];

    /// <summary>Patient p-9, treated by c-1 from 2023-01-10 to 2024-03-10; a romantic relationship from 2026-03-10.</summary>
    private static PatientCaseload FormerPatient(bool terminated)
    {
        PatientCaseloadBuilder builder = new PatientCaseloadBuilder().ForPatient("p-9")
            .WithAppointment(new AppointmentBuilder().WithId("a-first").At(new LocalDateTime(2023, 1, 10, 9, 0)).Fulfilled())
            .WithAppointment(new AppointmentBuilder().WithId("a-last").At(new LocalDateTime(2024, 3, 10, 9, 0)).Fulfilled())
            .WithDeclaration(new RelationshipDeclarationBuilder().Romantic().Starting(new LocalDate(2026, 3, 10)));
        return (terminated ? builder.TerminatedWith("c-1") : builder).Build();
    }
}
