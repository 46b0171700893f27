using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing.Tests;

public class ScenarioTests
{
    [Fact]
    public void PatientWhoKeepsMissingSessions_BelowTheKeptRate_NeedsReview()
    {
        AllianceHistory history = Scenarios.PatientWhoKeepsMissingSessions(noShows: 2, kept: 3);

        history.Appointments.Count(a => a.Status == AppointmentStatus.NoShow).Should().Be(2);
        history.Appointments.Take(3).Should().OnlyContain(a => a.Status == AppointmentStatus.Fulfilled);
        Attendance(history).Outcome.Should().Be(Outcome.NeedsReview);
    }

    [Fact]
    public void PatientWhoKeepsMissingSessions_OneInFive_IsAtTheThresholdAndPasses()
    {
        Attendance(Scenarios.PatientWhoKeepsMissingSessions(noShows: 1, kept: 4)).Outcome.Should().Be(Outcome.Pass);
    }

    [Fact]
    public void PatientWhoKeepsMissingSessions_NoNoShow_Throws()
    {
        FluentActions.Invoking(() => Scenarios.PatientWhoKeepsMissingSessions(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Scenarios.PatientWhoKeepsMissingSessions(1, -1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RuptureFollowedByRepair_RupturePasses_AndTheLowScoreWasAddressed()
    {
        IReadOnlyList<Verdict> verdicts = AllianceRules.Create().Evaluate(Scenarios.RuptureFollowedByRepair());

        verdicts.Single(v => v.Code == AllianceRuleCodes.RuptureUnrepaired).Should().Be(
            Verdict.Pass(AllianceRuleCodes.RuptureUnrepaired, new SubjectRef(SubjectKind.Feedback, "srs-4"), AllianceCitations.EubanksRuptureRepair));
        verdicts.Where(v => v.Code == AllianceRuleCodes.NegativeFeedbackUnaddressed).Should().OnlyContain(v => v.IsPass);
        verdicts.Where(v => !v.IsPass).Select(v => (v.Code, v.Subject.Id)).Should().BeEquivalentTo(
            [(AllianceRuleCodes.SrsBelowCutoff, "srs-4"), (AllianceRuleCodes.SrsDrop, "srs-4")]);
    }

    [Fact]
    public void RuptureWithoutRepair_NeedsReview()
    {
        Verdict verdict = AllianceRules.Create().Evaluate(Scenarios.RuptureWithoutRepair()).Single(v => v.Code == AllianceRuleCodes.RuptureUnrepaired);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.Subject.Id.Should().Be("srs-4");
    }

    [Theory]
    [InlineData(1, Outcome.Violation)]
    [InlineData(2, Outcome.NeedsReview)]
    [InlineData(5, Outcome.NeedsReview)]
    public void RelationshipWithFormerPatient_UnderPsychology_TwoYearWait(int years, Outcome expected)
    {
        FormerPatientRelationship scenario = Scenarios.RelationshipWithFormerPatient(years);

        scenario.Course.TerminatedOn.Should().Be(new LocalDate(2024, 3, 10));
        scenario.Declaration.Start.Should().Be(new LocalDate(2024, 3, 10).PlusYears(years));
        Verdict verdict = scenario.Evaluate(BoundaryPresets.UsPsychology).Should().ContainSingle().Subject;
        verdict.Code.Should().Be(DualRuleCodes.SexualFormer);
        verdict.Outcome.Should().Be(expected);
    }

    [Fact]
    public void RelationshipWithFormerPatient_UnderPsychiatry_IsNeverPermitted()
    {
        Scenarios.RelationshipWithFormerPatient(20).Evaluate(BoundaryPresets.UsPsychiatry).Should().ContainSingle().Which.Outcome.Should().Be(Outcome.Violation);
    }

    [Fact]
    public void RelationshipWithFormerPatient_OtherKindsAndPeriods()
    {
        Scenarios.RelationshipWithFormerPatient(1, RelationshipKind.BusinessOrFinancial).Declaration.Kind.Should().Be(RelationshipKind.BusinessOrFinancial);
        Scenarios.RelationshipWithFormerPatient(Period.FromDays(1), RelationshipKind.FriendshipOrSocial).Declaration.Start.Should().Be(new LocalDate(2024, 3, 11));
        FluentActions.Invoking(() => Scenarios.RelationshipWithFormerPatient(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void CourtDisclosureOnBareSubpoena_IsDenied()
    {
        DisclosureRequest request = Scenarios.CourtDisclosureOnBareSubpoena();

        request.Instrument.Should().Be(LegalInstrument.BareSubpoena);
        request.Recipient.Role.Should().Be(RecipientRole.CourtOrTribunal);
        DisclosureDecision decision = DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, request, []);
        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Withheld.Should().Be(DataCategories.Diagnoses | DataCategories.PsychotherapyNotes);
        decision.Verdicts.Should().Contain(v => v.Code == ConfidentialityRuleCodes.Judicial && v.Outcome == Outcome.Violation);
    }

    [Fact]
    public void CourtDisclosureOnBareSubpoena_OtherCategories()
    {
        Scenarios.CourtDisclosureOnBareSubpoena(DataCategories.Appointments).Categories.Should().Be(DataCategories.Appointments);
    }

    private static Verdict Attendance(AllianceHistory history) =>
        AllianceRules.Create().Evaluate(history).Single(v => v.Code == AllianceRuleCodes.PatientAttendance);
}

public class ClinicClockTests
{
    [Fact]
    public void At_LocalTime_ShowsItInTheZone()
    {
        ClinicClock clock = ClinicClock.At(new LocalDateTime(2026, 6, 9, 9, 0), "America/New_York");

        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2026, 6, 9, 13, 0));
        clock.LocalNow.Should().Be(new LocalDateTime(2026, 6, 9, 9, 0));
        clock.Zone.Id.Should().Be("America/New_York");
        clock.ToString().Should().Contain("America/New_York");
    }

    [Fact]
    public void Advance_AndSetLocal_MoveTheFakeClock()
    {
        ClinicClock clock = ClinicClock.At(Instant.FromUtc(2026, 6, 9, 13, 0), "America/New_York");

        clock.AdvanceMinutes(7).LocalNow.Should().Be(new LocalDateTime(2026, 6, 9, 9, 7));
        clock.Advance(Duration.FromHours(1)).FakeClock.GetCurrentInstant().Should().Be(Instant.FromUtc(2026, 6, 9, 14, 7));
        clock.SetLocal(new LocalDateTime(2026, 12, 1, 9, 0)).GetCurrentInstant().Should().Be(Instant.FromUtc(2026, 12, 1, 14, 0));
    }

    [Fact]
    public void At_ATimeInTheGap_OrAnUnknownZone_IsRefused()
    {
        FluentActions.Invoking(() => ClinicClock.At(new LocalDateTime(2026, 3, 8, 2, 30), "America/New_York")).Should().Throw<SkippedTimeException>();
        FluentActions.Invoking(() => ClinicClock.At(new LocalDateTime(2026, 11, 1, 1, 30), "America/New_York")).Should().Throw<AmbiguousTimeException>();
        FluentActions.Invoking(() => ClinicClock.At(Instant.FromUtc(2026, 1, 1, 0, 0), "Mars/Olympus")).Should().Throw<NodaTime.TimeZones.DateTimeZoneNotFoundException>();
    }

    [Fact]
    public void AsAnIClock_DrivesACommand()
    {
        ClinicClock clock = ClinicClock.At(new LocalDateTime(2026, 6, 9, 9, 3), "America/New_York");
        Appointment appointment = new AppointmentBuilder().Build();

        appointment.CheckIn(clock.GetCurrentInstant());

        appointment.PatientLateness.Should().Be(Duration.FromMinutes(3));
    }
}
