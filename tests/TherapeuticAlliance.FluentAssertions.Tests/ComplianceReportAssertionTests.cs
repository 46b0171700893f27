using FluentAssertions.Execution;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit.Sdk;

namespace TherapeuticAlliance.FluentAssertions.Tests;

public class ComplianceReportAssertionTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 24, 12, 0);

    private static readonly BoundaryPolicy Policy = BoundaryPresets.UsPsychiatry;

    /// <summary>Patient p-1: one session, started 12 minutes late by clinician c-2 (a warning and nothing worse).</summary>
    private static readonly ComplianceReport LateStart = ComplianceAudit.Run(
        Policy,
        [new PatientCaseloadBuilder().WithAppointment(new AppointmentBuilder().WithId("a-late").WithClinician("c-2").StartedMinutesLate(12).Fulfilled()).Build()],
        AsOf);

    /// <summary>Patient p-1: a disclosure to a court on a bare subpoena (violations about the patient alone).</summary>
    private static readonly ComplianceReport Subpoena = ComplianceAudit.Run(
        Policy, [new PatientCaseloadBuilder().WithDisclosure(Scenarios.CourtDisclosureOnBareSubpoena()).Build()], AsOf);

    private static readonly ComplianceReport Empty = ComplianceAudit.Run(Policy, [new PatientCaseloadBuilder().Build()], AsOf);

    private static AuditFinding Judicial => Subpoena.Findings.Single(f => f.Verdict.Code == ConfidentialityRuleCodes.Judicial);

    [Fact]
    public void BeCompliant_NoFindings_Or_WarningsOnly_Succeeds()
    {
        Empty.Should().BeCompliant();
        LateStart.Should().BeCompliant("a warning sets no hard limit");
        LateStart.Findings.Should().NotBeEmpty();
    }

    [Fact]
    public void BeCompliant_Violation_FailsNamingTheReportCodeSubjectPatientEvidenceAndCitation()
    {
        Action act = () => Subpoena.Should().BeCompliant("the clinic {0}", "is audited");

        string message = act.Should().Throw<XunitException>().Which.Message;
        message.Should().StartWith("Expected report to be compliant (no finding at or above NeedsReview) because the clinic is audited, but \"report us-psychiatry v");
        message.Should().Contain("(1 patients, worst Violation)")
            .And.Contain("patient p-1: TA.CONF.JUDICIAL Violation Disclosure/d-1 [")
            .And.Contain("instrument=bareSubpoena")
            .And.Contain(Judicial.Verdict.Citation.ToString());
    }

    [Fact]
    public void BeCompliant_NeedsReview_Fails()
    {
        ComplianceReport review = Report((new PatientId("p-1"), new ClinicianId("c-1"), Finding("TA.DUAL.GIFT", Outcome.NeedsReview, "rel-1")));

        Action act = () => review.Should().BeCompliant();

        act.Should().Throw<XunitException>().WithMessage("*has \"1 such finding\": \"patient p-1, clinician c-1: TA.DUAL.GIFT NeedsReview Appointment/rel-1 [declaration=rel-1] (Test Manual, § 1 (2026))\"*");
    }

    [Fact]
    public void HaveNoFindingAtOrAbove_BelowTheThreshold_Succeeds_AtOrAbove_FailsListingOnlyThoseFindings()
    {
        LateStart.Should().HaveNoFindingAtOrAbove(Outcome.NeedsReview).And.HaveNoFindingAtOrAbove(Outcome.Violation);
        Empty.Should().HaveNoFindingAtOrAbove(Outcome.Warning);

        Action act = () => LateStart.Should().HaveNoFindingAtOrAbove(Outcome.Warning);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have no finding at or above \"Warning\", but \"report us-psychiatry*\" has \"1 such finding\": "
            + "\"patient p-1, clinician c-2: TA.TIME.CLINICIAN_LATE_START Warning Appointment/a-late [*clinicianDelay=0:12:00*] (*)\".");
    }

    [Fact]
    public void HaveNoFindingAtOrAbove_Pass_IsRefused()
    {
        Action act = () => Empty.Should().HaveNoFindingAtOrAbove(Outcome.Pass);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("outcome");
    }

    [Fact]
    public void HaveViolation_TheViolatedRule_Succeeds_AndGivesTheFinding()
    {
        Subpoena.Should().HaveViolation(ConfidentialityRuleCodes.Judicial)
            .Which.Should().Be(Judicial);
        Subpoena.Should().HaveViolation(ConfidentialityRuleCodes.Judicial).Which.ClinicianId.Should().BeNull();
    }

    [Fact]
    public void HaveViolation_ARuleWithOnlyAWarning_FailsListingTheRulesFindings()
    {
        Action act = () => LateStart.Should().HaveViolation(TimeRuleCodes.ClinicianLateStart, "late starts {0}", "matter");

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have a \"Violation\" finding of \"TA.TIME.CLINICIAN_LATE_START\" because late starts matter, but \"report us-psychiatry*\" has none; "
            + "its findings of the rule are: \"patient p-1, clinician c-2: TA.TIME.CLINICIAN_LATE_START Warning Appointment/a-late [*] (*)\".");
    }

    [Fact]
    public void HaveViolation_ARuleWithNoFindings_FailsListingEveryFinding()
    {
        Action act = () => Subpoena.Should().HaveViolation(TimeRuleCodes.Overrun);

        act.Should().Throw<XunitException>().WithMessage("*\"TA.TIME.OVERRUN\"*has none; its findings are: \"patient p-1: TA.CONF.*Disclosure/d-1*\".");
        Action onEmpty = () => Empty.Should().HaveViolation(TimeRuleCodes.Overrun);
        onEmpty.Should().Throw<XunitException>().WithMessage("*has none; its findings are: \"no findings\".");
    }

    [Fact]
    public void HaveViolationAbout_TheSubject_Succeeds_AnotherSubject_Fails()
    {
        Subpoena.Should().HaveViolationAbout(ConfidentialityRuleCodes.Judicial, Judicial.Verdict.Subject).Which.PatientId.Should().Be(new PatientId("p-1"));

        Action act = () => Subpoena.Should().HaveViolationAbout(ConfidentialityRuleCodes.Judicial, SubjectRef.To(new DisclosureId("d-2")));

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have a Violation finding of \"TA.CONF.JUDICIAL\" about \"Disclosure/d-2\", but * has none; "
            + "its findings of the rule are: \"patient p-1: TA.CONF.JUDICIAL Violation Disclosure/d-1 [*instrument=bareSubpoena*] (*)\".");
    }

    [Fact]
    public void HaveFinding_AnyOutcome_Succeeds_NoFinding_Fails()
    {
        LateStart.Should().HaveFinding(TimeRuleCodes.ClinicianLateStart).Which.Verdict.Outcome.Should().Be(Outcome.Warning);

        Action act = () => LateStart.Should().HaveFinding(TimeRuleCodes.Overrun);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have a finding of \"TA.TIME.OVERRUN\", but * has none; its findings are: \"patient p-1, clinician c-2: TA.TIME.CLINICIAN_LATE_START Warning*\".");
    }

    [Fact]
    public void ContainFinding_TheOutcome_Succeeds_AnotherOutcome_Fails_APass_IsRefused()
    {
        LateStart.Should().ContainFinding(TimeRuleCodes.ClinicianLateStart, Outcome.Warning).Which.ClinicianId.Should().Be(new ClinicianId("c-2"));

        Action act = () => LateStart.Should().ContainFinding(TimeRuleCodes.ClinicianLateStart, Outcome.NeedsReview);
        Action pass = () => LateStart.Should().ContainFinding(TimeRuleCodes.ClinicianLateStart, Outcome.Pass);

        act.Should().Throw<XunitException>().WithMessage("Expected report to have a \"NeedsReview\" finding of \"TA.TIME.CLINICIAN_LATE_START\", but * has none; its findings of the rule are: *Warning*");
        pass.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("outcome");
    }

    [Fact]
    public void NotHaveFinding_NoFindingOfTheRule_Succeeds_AFinding_Fails()
    {
        LateStart.Should().NotHaveFinding(TimeRuleCodes.Overrun).And.NotHaveFinding(ConfidentialityRuleCodes.Judicial);

        Action act = () => LateStart.Should().NotHaveFinding(TimeRuleCodes.ClinicianLateStart);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have no finding of \"TA.TIME.CLINICIAN_LATE_START\", but * has \"1 such finding\": \"patient p-1, clinician c-2: TA.TIME.CLINICIAN_LATE_START Warning Appointment/a-late*\".");
    }

    [Fact]
    public void HaveCounted_TheCount_Succeeds_AnotherCount_FailsWithEveryOutcomesCount()
    {
        LateStart.Should().HaveCounted(TimeRuleCodes.ClinicianLateStart, Outcome.Warning, 1)
            .And.HaveCounted(TimeRuleCodes.ClinicianLateStart, Outcome.Pass, 0)
            .And.HaveCounted(TimeRuleCodes.Overrun, Outcome.Pass, 1)
            .And.HaveCounted(ConfidentialityRuleCodes.Judicial, Outcome.Violation, 0);

        Action act = () => LateStart.Should().HaveCounted(TimeRuleCodes.Overrun, Outcome.Pass, 2);
        Action notRun = () => LateStart.Should().HaveCounted(ConfidentialityRuleCodes.Judicial, Outcome.Violation, 1);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have counted 2L \"Pass\" verdicts of \"TA.TIME.OVERRUN\", but * counted \"1 (pass=1, warning=0, needsReview=0, violation=0)\".");
        notRun.Should().Throw<XunitException>().WithMessage("*counted 1L \"Violation\" verdicts of \"TA.CONF.JUDICIAL\", but * counted \"the rule was not run\".");
    }

    [Fact]
    public void HaveCounted_ANegativeCount_IsRefused()
    {
        Action act = () => Empty.Should().HaveCounted(TimeRuleCodes.Overrun, Outcome.Pass, -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Assertions_OnANullReport_Fail()
    {
        ComplianceReport? none = null;

        Action act = () => none!.Should().BeCompliant();
        Action violation = () => none!.Should().HaveViolation(ConfidentialityRuleCodes.Judicial);

        act.Should().Throw<XunitException>().WithMessage("Expected report to be a compliance report, but found <null>.");
        violation.Should().Throw<XunitException>().WithMessage("Expected report to be a compliance report, but found <null>.");
    }

    [Fact]
    public void Failures_InAnAssertionScope_AreCollected()
    {
        Action act = () =>
        {
            using var scope = new AssertionScope();
            Subpoena.Should().BeCompliant();
            Subpoena.Should().NotHaveFinding(ConfidentialityRuleCodes.Judicial);
        };

        act.Should().Throw<XunitException>().Which.Message.Should().Contain("to be compliant").And.Contain("to have no finding of");
    }

    [Fact]
    public void ManyFindings_AreListedUpToTwenty_AndTheRestCounted()
    {
        ComplianceReport many = Report([.. Enumerable.Range(1, 25).Select(i => (new PatientId($"p-{i:00}"), (ClinicianId?)null, Finding("TA.TIME.OVERRUN", Outcome.Violation, $"a-{i}")))]);

        Action act = () => many.Should().BeCompliant();

        string message = act.Should().Throw<XunitException>().Which.Message;
        message.Should().Contain("\"25 such findings\"").And.Contain("patient p-20:").And.NotContain("patient p-21:").And.Contain("; and 5 more\"");
    }

    private static Verdict Finding(string code, Outcome outcome, string appointmentId) =>
        new(new RuleCode(code), outcome, SubjectRef.To(new AppointmentId(appointmentId)), new Citation("Test Manual", "§ 1", "2026"),
            [Evidence.OfId("declaration", appointmentId)]);

    private static ComplianceReport Report(params (PatientId Patient, ClinicianId? Clinician, Verdict Verdict)[] verdicts)
    {
        var builder = new ComplianceReportBuilder();
        foreach ((PatientId patient, ClinicianId? clinician, Verdict verdict) in verdicts)
        {
            builder.Add(patient, clinician, verdict);
        }

        builder.AddPatient();
        return builder.Build("us-psychiatry", 1, AsOf);
    }
}
