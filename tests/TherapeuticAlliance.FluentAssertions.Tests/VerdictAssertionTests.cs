using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit.Sdk;

namespace TherapeuticAlliance.FluentAssertions.Tests;

public class VerdictAssertionTests
{
    private static readonly Appointment LateBySeven = new AppointmentBuilder().CheckedInMinutesLate(7).Fulfilled().Build();

    private static readonly IReadOnlyList<Verdict> Verdicts = TimeBoundaryRules.Create().Evaluate(LateBySeven);

    private static Verdict PatientLate => Verdicts.Single(v => v.Code == TimeRuleCodes.PatientLate);

    private static Verdict Overrun => Verdicts.Single(v => v.Code == TimeRuleCodes.Overrun);

    [Fact]
    public void HavePassed_Pass_Succeeds()
    {
        Overrun.Should().HavePassed().And.HaveCode(TimeRuleCodes.Overrun);
    }

    [Fact]
    public void HavePassed_Warning_FailsNamingCodeSubjectEvidenceAndCitation()
    {
        Action act = () => PatientLate.Should().HavePassed();

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to have outcome \"Pass\", but found \"TA.TIME.PATIENT_LATE Warning Appointment/a-1 *patientLateness=0:07:00*tolerance=0:05:00* (*)\".");
        act.Should().Throw<XunitException>().Which.Message.Should().Contain(TimeCitations.ClinicSchedulingPolicy.ToString());
    }

    [Fact]
    public void HaveOutcome_Matching_Succeeds_Otherwise_Fails()
    {
        PatientLate.Should().HaveOutcome(Outcome.Warning);

        Action act = () => PatientLate.Should().HaveOutcome(Outcome.Violation, "lateness is {0}", "serious");

        act.Should().Throw<XunitException>().WithMessage("Expected * to have outcome \"Violation\" because lateness is serious, but found \"TA.TIME.PATIENT_LATE Warning*");
    }

    [Fact]
    public void HaveCode_Matching_Succeeds_Otherwise_Fails()
    {
        PatientLate.Should().HaveCode(TimeRuleCodes.PatientLate);

        Action act = () => PatientLate.Should().HaveCode(TimeRuleCodes.NoShow);

        act.Should().Throw<XunitException>().WithMessage("Expected * to have rule code \"TA.TIME.NO_SHOW\", but found \"TA.TIME.PATIENT_LATE Warning Appointment/a-1*");
    }

    [Fact]
    public void HaveSubject_Matching_Succeeds_Otherwise_Fails()
    {
        PatientLate.Should().HaveSubject(SubjectRef.To(LateBySeven.Id));

        Action act = () => PatientLate.Should().HaveSubject(SubjectRef.To(new AppointmentId("a-2")));

        act.Should().Throw<XunitException>().WithMessage("Expected * to be about \"Appointment/a-2\", but found \"TA.TIME.PATIENT_LATE Warning Appointment/a-1*");
    }

    [Fact]
    public void HaveEvidence_Present_GivesItWithWhich()
    {
        PatientLate.Should().HaveEvidence("patientLateness").Which.Duration.Should().Be(Duration.FromMinutes(7));
    }

    [Fact]
    public void HaveEvidence_Absent_FailsNamingTheVerdict()
    {
        Action act = () => PatientLate.Should().HaveEvidence("clinicianDelay");

        act.Should().Throw<XunitException>().WithMessage("Expected * to have evidence \"clinicianDelay\", but found \"TA.TIME.PATIENT_LATE Warning Appointment/a-1 *patientLateness=0:07:00*");
    }

    [Fact]
    public void DefaultVerdict_FailsWithoutThrowingOtherwise()
    {
        Action act = () => default(Verdict).Should().HavePassed();

        act.Should().Throw<XunitException>().WithMessage("*a default verdict (no rule code)*");
    }

    [Fact]
    public void GeneralObjectAssertions_StayAvailable()
    {
        Verdict copy = PatientLate;

        PatientLate.Should().Be(copy).And.NotBe(Overrun);
    }
}

public class VerdictCollectionAssertionTests
{
    private static readonly IReadOnlyList<Verdict> LateVerdicts =
        TimeBoundaryRules.Create().Evaluate(new AppointmentBuilder().CheckedInMinutesLate(2).StartedMinutesLate(10).EndedMinutesLate(12).Build());

    private static readonly IReadOnlyList<Verdict> OnTime = TimeBoundaryRules.Create().Evaluate(new AppointmentBuilder().Fulfilled().Build());

    [Fact]
    public void BeAllPassing_AllPass_Succeeds()
    {
        OnTime.Should().BeAllPassing().And.HaveCount(5);
        Array.Empty<Verdict>().Should().BeAllPassing();
    }

    [Fact]
    public void BeAllPassing_Findings_FailsListingOnlyTheFindings()
    {
        Action act = () => LateVerdicts.Should().BeAllPassing();

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to be all passing, but found \"TA.TIME.CLINICIAN_LATE_START Warning Appointment/a-1 *clinicianDelay=0:08:00* (*); TA.TIME.OVERRUN Warning Appointment/a-1 *overrun=0:12:00* (*)\".");
        act.Should().Throw<XunitException>().Which.Message.Should().NotContain("PATIENT_LATE");
    }

    [Fact]
    public void HaveNoFindingAtOrAbove_BelowTheLevel_Succeeds_AtIt_Fails()
    {
        LateVerdicts.Should().HaveNoFindingAtOrAbove(Outcome.NeedsReview);

        Action act = () => LateVerdicts.Should().HaveNoFindingAtOrAbove(Outcome.Warning);

        act.Should().Throw<XunitException>().WithMessage("Expected * to have no finding at or above \"Warning\", but found \"TA.TIME.CLINICIAN_LATE_START Warning*");
    }

    [Fact]
    public void ContainVerdict_Present_GivesItWithWhich_Absent_Fails()
    {
        LateVerdicts.Should().ContainVerdict(TimeRuleCodes.Overrun, Outcome.Warning).Which.Should().HaveEvidence("overrun");

        Action act = () => LateVerdicts.Should().ContainVerdict(TimeRuleCodes.Overrun, Outcome.Violation);

        act.Should().Throw<XunitException>().WithMessage("Expected * to contain a \"Violation\" verdict of \"TA.TIME.OVERRUN\", but found *TA.TIME.OVERRUN Warning Appointment/a-1*");
    }

    [Fact]
    public void HaveViolation_Present_Succeeds_Absent_Fails()
    {
        var conflicts = new List<Verdict>
        {
            new(TimeRuleCodes.DoubleBooking, Outcome.Violation, SubjectRef.To(new AppointmentId("a-2")), TimeCitations.ClinicSchedulingPolicy,
                [Evidence.OfId("conflictsWith", "a-3")]),
        };
        conflicts.Should().HaveViolation(TimeRuleCodes.DoubleBooking).Which.Subject.Id.Should().Be("a-2");

        Action act = () => LateVerdicts.Should().HaveViolation(TimeRuleCodes.Overrun);

        act.Should().Throw<XunitException>().WithMessage("Expected * to contain a \"Violation\" verdict of \"TA.TIME.OVERRUN\"*");
    }

    [Fact]
    public void HaveNoVerdictOf_Silent_Succeeds_Otherwise_Fails()
    {
        LateVerdicts.Should().HaveNoVerdictOf(TimeRuleCodes.LateCancellation);

        Action act = () => LateVerdicts.Should().HaveNoVerdictOf(TimeRuleCodes.Overrun);

        act.Should().Throw<XunitException>().WithMessage("Expected * to have no verdict of \"TA.TIME.OVERRUN\", but found \"TA.TIME.OVERRUN Warning*");
    }

    [Fact]
    public void Null_Fails()
    {
        IEnumerable<Verdict> none = null!;

        Action act = () => none.Should().BeAllPassing();

        act.Should().Throw<XunitException>().WithMessage("*but found <null>*");
    }

    [Fact]
    public void GeneralCollectionAssertions_StayAvailable_ForListsArraysAndImmutableArrays()
    {
        LateVerdicts.Should().ContainSingle(v => v.Code == TimeRuleCodes.Overrun).Which.Should().HaveOutcome(Outcome.Warning);
        OnTime.ToArray().Should().BeAllPassing().And.OnlyHaveUniqueItems();
        System.Collections.Immutable.ImmutableArray.CreateRange(OnTime).Should().BeAllPassing().And.NotBeEmpty();
    }

    [Fact]
    public void AllianceScenario_ReadsAsASpecification()
    {
        IReadOnlyList<Verdict> verdicts = AllianceRules.Create().Evaluate(Scenarios.RuptureFollowedByRepair());

        verdicts.Should().ContainVerdict(AllianceRuleCodes.RuptureUnrepaired, Outcome.Pass)
            .And.HaveNoFindingAtOrAbove(Outcome.NeedsReview)
            .And.ContainVerdict(AllianceRuleCodes.SrsDrop, Outcome.Warning).Which.Should().HaveSubject(new SubjectRef(SubjectKind.Feedback, "srs-4"));
    }
}
