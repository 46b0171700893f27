using System.Collections.Immutable;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Compliance;

public class ComplianceModelTests
{
    private static readonly Citation Source = new("Doc", "Sec 1", "2024");
    private static readonly RuleCode Code = new("TA.TEST.SAMPLE");
    private static readonly SubjectRef Subject = SubjectRef.To(new AppointmentId("a-1"));

    [Theory]
    [InlineData("TA.TIME.OVERRUN")]
    [InlineData("TA.DUAL.SEX_CURRENT")]
    [InlineData("TA.A1.B_2")]
    public void RuleCode_WellFormed_IsAccepted(string value)
    {
        new RuleCode(value).Value.Should().Be(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TA.TIME")]
    [InlineData("ta.time.overrun")]
    [InlineData("XX.TIME.OVERRUN")]
    [InlineData("TA.TIME.OVER RUN")]
    [InlineData("TA.TIME.OVERRUN.EXTRA")]
    public void RuleCode_Malformed_Throws(string value)
    {
        Action act = () => _ = new RuleCode(value);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void RuleCode_Area_IsTheMiddlePart()
    {
        new RuleCode("TA.TIME.OVERRUN").Area.Should().Be("TIME");
        default(RuleCode).Area.Should().BeEmpty();
    }

    [Fact]
    public void RuleCode_Equality_IsOrdinal()
    {
        (new RuleCode("TA.TIME.OVERRUN") == new RuleCode("TA.TIME.OVERRUN")).Should().BeTrue();
        (new RuleCode("TA.TIME.OVERRUN") != new RuleCode("TA.TIME.NO_SHOW")).Should().BeTrue();
        new RuleCode("TA.TIME.OVERRUN").GetHashCode().Should().Be(new RuleCode("TA.TIME.OVERRUN").GetHashCode());
    }

    [Fact]
    public void Outcome_IsOrderedBySeverity()
    {
        new[] { Outcome.Violation, Outcome.Pass, Outcome.NeedsReview, Outcome.Warning }.Order()
            .Should().Equal(Outcome.Pass, Outcome.Warning, Outcome.NeedsReview, Outcome.Violation);
    }

    [Theory]
    [InlineData("clinicianDelay")]
    [InlineData("a")]
    [InlineData("bandMaximum2")]
    public void Evidence_CamelCaseName_IsAccepted(string name)
    {
        Evidence.OfNumber(name, 1).Name.Should().Be(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Capital")]
    [InlineData("with space")]
    [InlineData("dash-ed")]
    public void Evidence_BadName_Throws(string name)
    {
        Action act = () => Evidence.OfNumber(name, 1);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Evidence_NonFiniteNumber_Throws(double value)
    {
        Action act = () => Evidence.OfNumber("x", value);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Evidence_IdAndCode_RejectFreeText()
    {
        Action id = () => Evidence.OfId("other", "Jane Doe");
        Action code = () => Evidence.OfCode("reason", "felt unwell today");

        id.Should().Throw<ArgumentException>();
        code.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Evidence_ReadingTheWrongKind_Throws()
    {
        Evidence number = Evidence.OfNumber("minutes", 12);

        number.Number.Should().Be(12);
        number.Text.Should().BeNull();
        ((Action)(() => _ = number.Duration)).Should().Throw<InvalidOperationException>();
        ((Action)(() => _ = number.Instant)).Should().Throw<InvalidOperationException>();
        ((Action)(() => _ = Evidence.OfDuration("d", Duration.FromMinutes(1)).Number)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Evidence_ToString_IsInvariantAndTyped()
    {
        Evidence.OfNumber("share", 0.25).ToString().Should().Be("share=0.25");
        Evidence.OfDuration("overrun", Duration.FromMinutes(12)).ToString().Should().Be("overrun=0:12:00");
        Evidence.OfInstant("at", Instant.FromUtc(2026, 6, 9, 13, 0)).ToString().Should().Be("at=2026-06-09T13:00:00Z");
        Evidence.OfId("other", "a-2").ToString().Should().Be("other=a-2");
        Evidence.OfCode("calendar", "clinician").ToString().Should().Be("calendar=clinician");
    }

    [Fact]
    public void Evidence_Equality_ComparesNameKindAndValue()
    {
        Evidence.OfNumber("x", 1).Should().Be(Evidence.OfNumber("x", 1));
        (Evidence.OfNumber("x", 1) == Evidence.OfNumber("x", 2)).Should().BeFalse();
        (Evidence.OfId("x", "a") != Evidence.OfCode("x", "a")).Should().BeTrue();
    }

    [Fact]
    public void Verdict_Pass_HasNoEvidence()
    {
        Verdict pass = Verdict.Pass(Code, Subject, Source);

        pass.IsPass.Should().BeTrue();
        pass.Evidence.Should().BeEmpty();
        pass.FindEvidence("anything").Should().BeNull();
    }

    [Fact]
    public void Verdict_DefaultCodeOrSubject_Throws()
    {
        ((Action)(() => _ = new Verdict(default, Outcome.Pass, Subject, Source))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "code");
        ((Action)(() => _ = new Verdict(Code, Outcome.Pass, default, Source))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "subject");
        ((Action)(() => _ = new Verdict(Code, Outcome.Pass, Subject, null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new Verdict(Code, (Outcome)42, Subject, Source))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Verdict_PassWithEvidence_ThrowsArgumentException()
    {
        Action act = () => _ = new Verdict(Code, Outcome.Pass, Subject, Source, [Evidence.OfNumber("minutes", 50)]);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("evidence");
    }

    [Fact]
    public void Verdict_PassWithEmptyOrDefaultEvidence_IsAccepted()
    {
        new Verdict(Code, Outcome.Pass, Subject, Source, []).Should().Be(Verdict.Pass(Code, Subject, Source));
        new Verdict(Code, Outcome.Pass, Subject, Source, default).Should().Be(Verdict.Pass(Code, Subject, Source));
    }

    [Theory]
    [InlineData(Outcome.NeedsReview)]
    [InlineData(Outcome.Warning)]
    [InlineData(Outcome.Violation)]
    public void Verdict_NonPassingWithEvidence_KeepsIt(Outcome outcome)
    {
        var verdict = new Verdict(Code, outcome, Subject, Source, [Evidence.OfNumber("minutes", 50)]);

        verdict.Evidence.Should().Equal(Evidence.OfNumber("minutes", 50));
    }

    [Fact]
    public void Verdict_ToString_NamesCodeOutcomeSubjectEvidenceAndCitation()
    {
        var verdict = new Verdict(Code, Outcome.Warning, Subject, Source, [Evidence.OfDuration("overrun", Duration.FromMinutes(12))]);

        verdict.ToString().Should().Be("TA.TEST.SAMPLE Warning Appointment/a-1 [overrun=0:12:00] (Doc, Sec 1 (2024))");
    }

    [Fact]
    public void Verdict_Equality_ComparesEvidenceInOrder()
    {
        ImmutableArray<Evidence> ab = [Evidence.OfNumber("a", 1), Evidence.OfNumber("b", 2)];
        ImmutableArray<Evidence> ba = [Evidence.OfNumber("b", 2), Evidence.OfNumber("a", 1)];

        new Verdict(Code, Outcome.Warning, Subject, Source, ab).Should().Be(new Verdict(Code, Outcome.Warning, Subject, Source, [.. ab]));
        (new Verdict(Code, Outcome.Warning, Subject, Source, ab) == new Verdict(Code, Outcome.Warning, Subject, Source, ba)).Should().BeFalse();
        new Verdict(Code, Outcome.Warning, Subject, Source, ab).FindEvidence("b")!.Value.Number.Should().Be(2);
    }

    [Fact]
    public void SubjectRef_ToString_IsLikeAFhirReference()
    {
        SubjectRef.To(new PatientId("p-1")).ToString().Should().Be("Patient/p-1");
        SubjectRef.To(new ClinicianId("c-1")).ToString().Should().Be("Clinician/c-1");
        SubjectRef.To(new GoalId("g-1")).ToString().Should().Be("Goal/g-1");
        new SubjectRef(SubjectKind.Appointment, "a-1").Should().Be(SubjectRef.To(new AppointmentId("a-1")));
    }

    [Fact]
    public void SubjectRef_DefaultId_Throws()
    {
        ((Action)(() => SubjectRef.To(default(AppointmentId)))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new SubjectRef(SubjectKind.Patient, "has space"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Citation_BlankPart_Throws()
    {
        ((Action)(() => _ = new Citation(" ", "s", "e"))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new Citation("d", "", "e"))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new Citation("d", "s", null!))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void RuleSet_DuplicateCodes_Throws()
    {
        var settings = TimeBoundarySettings.Default;
        Action act = () => _ = new RuleSet<Appointment>([new OverrunRule(settings), new OverrunRule(settings)]);

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("TA.TIME.OVERRUN"));
    }

    [Fact]
    public void RuleSet_NullRule_Throws()
    {
        Action act = () => _ = new RuleSet<Appointment>([new NoShowRule(TimeBoundarySettings.Default), null!]);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void RuleSet_Evaluate_RunsRulesInOrderIntoTheCallersCollection()
    {
        var set = new RuleSet<Appointment>([new NoShowRule(TimeBoundarySettings.Default), new OverrunRule(TimeBoundarySettings.Default)]);
        var sink = new List<Verdict>();

        set.Evaluate(Appointments.Fulfilled(), sink);

        sink.Select(v => v.Code).Should().Equal(TimeRuleCodes.NoShow, TimeRuleCodes.Overrun);
        set.Rules.Should().HaveCount(2);
    }

    [Fact]
    public void TimeBoundaryRules_Create_HasEveryPerAppointmentTimeRuleInCatalogueOrder()
    {
        TimeBoundaryRules.Create().Rules.Select(r => r.Code.Value).Should().Equal(
            "TA.TIME.CLINICIAN_LATE_START", "TA.TIME.OVERRUN", "TA.TIME.SHORT_SESSION", "TA.TIME.PATIENT_LATE",
            "TA.TIME.LATE_CANCELLATION", "TA.TIME.NO_SHOW", "TA.TIME.CPT_BAND");
    }

    [Fact]
    public void DomainRuleException_CarriesCodeAndPrefixesMessage()
    {
        var exception = new DomainRuleException(AppointmentRuleCodes.TimeOrder, "Appointment a-1 cannot end before it started.");

        exception.Code.Should().Be(AppointmentRuleCodes.TimeOrder);
        exception.Message.Should().Be("TA.APPT.TIME_ORDER: Appointment a-1 cannot end before it started.");
        ((Action)(() => _ = new DomainRuleException(default, "x"))).Should().Throw<ArgumentException>();
    }
}
