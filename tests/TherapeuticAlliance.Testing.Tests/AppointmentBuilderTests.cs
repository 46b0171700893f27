using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing.Tests;

public class AppointmentBuilderTests
{
    private static readonly Instant DefaultStart = Instant.FromUtc(2026, 6, 9, 13, 0);

    [Fact]
    public void Build_Defaults_BookedFiftyMinutesAtNineInNewYork()
    {
        Appointment appointment = new AppointmentBuilder().Build();

        appointment.Id.Value.Should().Be("a-1");
        appointment.PatientId.Value.Should().Be("p-1");
        appointment.ClinicianId.Value.Should().Be("c-1");
        appointment.Kind.Should().Be(SessionKind.Psychotherapy);
        appointment.Status.Should().Be(AppointmentStatus.Booked);
        appointment.Slot.ZoneId.Should().Be("America/New_York");
        appointment.Slot.LocalStart.Should().Be(new LocalDateTime(2026, 6, 9, 9, 0));
        appointment.Slot.Start.Should().Be(DefaultStart);
        appointment.Slot.Length.Should().Be(Duration.FromMinutes(50));
        appointment.ScheduledAt.Should().Be(DefaultStart - Duration.FromDays(7));
        appointment.Version.Should().Be(2);
    }

    [Fact]
    public void Build_Twice_CountsIdsPerBuilder()
    {
        var builder = new AppointmentBuilder();

        builder.Build().Id.Value.Should().Be("a-1");
        builder.Build().Id.Value.Should().Be("a-2");
        new AppointmentBuilder().Build().Id.Value.Should().Be("a-1");
    }

    [Fact]
    public void WithId_FixesTheId()
    {
        var builder = new AppointmentBuilder().WithId("appt-7");

        builder.Build().Id.Value.Should().Be("appt-7");
        builder.Build().Id.Value.Should().Be("appt-7");
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        Appointment appointment = new AppointmentBuilder()
            .ForPatient("p-9").WithClinician("c-9").OfKind(SessionKind.Evaluation)
            .At(new LocalDateTime(2026, 1, 15, 14, 30), "Europe/Berlin").Lasting(90)
            .Build();

        appointment.PatientId.Value.Should().Be("p-9");
        appointment.ClinicianId.Value.Should().Be("c-9");
        appointment.Kind.Should().Be(SessionKind.Evaluation);
        appointment.Slot.Start.Should().Be(Instant.FromUtc(2026, 1, 15, 13, 30));
        appointment.Slot.Length.Should().Be(Duration.FromMinutes(90));
    }

    [Fact]
    public void Proposed_IsNeverConfirmed()
    {
        Appointment appointment = new AppointmentBuilder().Proposed().Build();

        appointment.Status.Should().Be(AppointmentStatus.Proposed);
        appointment.Version.Should().Be(1);
    }

    [Fact]
    public void CheckedInMinutesLate_ArrivesLate_AndTheSessionStartsAtTheArrival()
    {
        Appointment appointment = new AppointmentBuilder().CheckedInMinutesLate(7).Fulfilled().Build();

        appointment.Status.Should().Be(AppointmentStatus.Fulfilled);
        appointment.ArrivedAt.Should().Be(DefaultStart + Duration.FromMinutes(7));
        appointment.StartedAt.Should().Be(DefaultStart + Duration.FromMinutes(7));
        appointment.EndedAt.Should().Be(DefaultStart + Duration.FromMinutes(50));
        appointment.PatientLateness.Should().Be(Duration.FromMinutes(7));
        appointment.ClinicianStartDelay.Should().Be(Duration.Zero);
    }

    [Fact]
    public void CheckedIn_Alone_StopsAtArrived()
    {
        new AppointmentBuilder().CheckedInMinutesLate(-5).Build().Status.Should().Be(AppointmentStatus.Arrived);
    }

    [Fact]
    public void StartedMinutesLate_AndEndedMinutesLate_SetTheClinicianDelayAndOverrun()
    {
        Appointment appointment = new AppointmentBuilder().CheckedInMinutesLate(2).StartedMinutesLate(10).EndedMinutesLate(12).Build();

        appointment.ClinicianStartDelay.Should().Be(Duration.FromMinutes(8));
        appointment.Overrun.Should().Be(Duration.FromMinutes(12));
        TimeBoundaryRules.Create().Evaluate(appointment).Where(v => !v.IsPass).Select(v => v.Code)
            .Should().BeEquivalentTo([TimeRuleCodes.ClinicianLateStart, TimeRuleCodes.Overrun]);
    }

    [Fact]
    public void CheckedInLate_StartedLate_AndEndedLate_TakeDurationsToTheTick()
    {
        Duration tick = Duration.FromTicks(1);

        Appointment appointment = new AppointmentBuilder()
            .CheckedInLate(Duration.FromMinutes(5) + tick)
            .StartedLate(Duration.FromMinutes(10) + tick)
            .EndedLate(Duration.FromMinutes(-3) - tick)
            .Build();

        appointment.Status.Should().Be(AppointmentStatus.Fulfilled);
        appointment.ArrivedAt.Should().Be(DefaultStart + Duration.FromMinutes(5) + tick);
        appointment.StartedAt.Should().Be(DefaultStart + Duration.FromMinutes(10) + tick);
        appointment.EndedAt.Should().Be(DefaultStart + Duration.FromMinutes(47) - tick);
        appointment.PatientLateness.Should().Be(Duration.FromMinutes(5) + tick);
        appointment.ClinicianStartDelay.Should().Be(Duration.FromMinutes(5));
    }

    [Fact]
    public void CheckedInLate_Alone_StopsAtArrived_AndStartedLate_Alone_StaysInSession()
    {
        new AppointmentBuilder().CheckedInLate(Duration.FromSeconds(-30)).Build().Status.Should().Be(AppointmentStatus.Arrived);
        new AppointmentBuilder().StartedLate(Duration.FromSeconds(30)).Build().Status.Should().Be(AppointmentStatus.InSession);
    }

    [Fact]
    public void BilledAs_ADuration_RecordsThePsychotherapyTimeToTheTick()
    {
        Duration time = Duration.FromMinutes(38) - Duration.FromTicks(1);

        Appointment appointment = new AppointmentBuilder().BilledAs(PsychotherapyCode.Cpt90834, time).Build();

        appointment.Status.Should().Be(AppointmentStatus.Fulfilled);
        appointment.Billing!.Code.Should().Be(PsychotherapyCode.Cpt90834);
        appointment.Billing.PsychotherapyTime.Should().Be(time);
    }

    [Fact]
    public void Started_Alone_StaysInSession()
    {
        new AppointmentBuilder().Started().Build().Status.Should().Be(AppointmentStatus.InSession);
    }

    [Fact]
    public void EndedAfter_SetsTheActualLength()
    {
        Appointment appointment = new AppointmentBuilder().EndedAfter(12).Build();

        appointment.ActualLength.Should().Be(Duration.FromMinutes(12));
        TimeBoundaryRules.Create().Evaluate(appointment).Single(v => v.Code == TimeRuleCodes.ShortSession).Outcome.Should().Be(Outcome.Warning);
    }

    [Fact]
    public void StartedBeforeTheArrival_IsRefusedByTheAppointment()
    {
        AppointmentBuilder builder = new AppointmentBuilder().CheckedInMinutesLate(10).StartedMinutesLate(5);

        builder.Invoking(b => b.Build()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(new RuleCode("TA.APPT.TIME_ORDER"));
    }

    [Fact]
    public void ProposedThenCheckedIn_IsRefusedByTheAppointment()
    {
        AppointmentBuilder builder = new AppointmentBuilder().Proposed().CheckedIn();

        builder.Invoking(b => b.Build()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(new RuleCode("TA.APPT.ILLEGAL_TRANSITION"));
    }

    [Fact]
    public void NoShow_IsMarkedWhenTheGraceRunsOut()
    {
        Appointment appointment = new AppointmentBuilder().NoShow().Build();

        appointment.Status.Should().Be(AppointmentStatus.NoShow);
        appointment.NoShowMarkedAt.Should().Be(DefaultStart + Duration.FromMinutes(15));
    }

    [Fact]
    public void NoShow_WithAGraceOfMinutes_IsMarkedThen()
    {
        new AppointmentBuilder().NoShow(30).Build().NoShowMarkedAt.Should().Be(DefaultStart + Duration.FromMinutes(30));
    }

    [Theory]
    [InlineData(Party.Patient, "pat")]
    [InlineData(Party.Clinician, "prov")]
    public void CancelledBy_CancelsWithTheNoticeAndTheParty(Party by, string reason)
    {
        Appointment appointment = new AppointmentBuilder().CancelledBy(by, Duration.FromHours(2)).Build();

        appointment.Status.Should().Be(AppointmentStatus.Cancelled);
        appointment.Cancellation!.By.Should().Be(by);
        appointment.Cancellation.ReasonCode.Should().Be(reason);
        appointment.Cancellation.Notice.Should().Be(Duration.FromHours(2));
        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeTrue();
    }

    [Fact]
    public void CancelledBy_AProposal_IsADeclineNotALateCancellation()
    {
        Appointment appointment = new AppointmentBuilder().Proposed().CancelledBy(Party.Patient, Duration.FromHours(2)).Build();

        appointment.Cancellation!.WasConfirmed.Should().BeFalse();
        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeFalse();
    }

    [Fact]
    public void CancelledBy_ASentence_IsRefusedAsAReasonCode()
    {
        AppointmentBuilder builder = new AppointmentBuilder().CancelledBy(Party.Patient, Duration.FromHours(2), "felt unwell today");

        builder.Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void EnteredInError_MarksItAfterTheLastStep()
    {
        new AppointmentBuilder().Fulfilled().EnteredInError().Build().Status.Should().Be(AppointmentStatus.EnteredInError);
    }

    [Fact]
    public void WithTopics_AndBilledAs_AreRecordedAtTheEnd()
    {
        Appointment appointment = new AppointmentBuilder()
            .WithTopics(new SessionTopic("sleep", 30, TopicSensitivity.Low, []))
            .BilledAs(PsychotherapyCode.Cpt90834, 45)
            .Build();

        appointment.Status.Should().Be(AppointmentStatus.Fulfilled);
        appointment.Topics.Should().ContainSingle().Which.TopicCode.Should().Be("sleep");
        appointment.Billing!.Code.Should().Be(PsychotherapyCode.Cpt90834);
    }

    [Fact]
    public void At_ATimeInTheSpringGap_IsRefusedBySessionSlot()
    {
        AppointmentBuilder builder = new AppointmentBuilder().At(new LocalDateTime(2026, 3, 8, 2, 30), "America/New_York");

        builder.Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void BuildSlot_IsTheSlotOfTheBuiltAppointment()
    {
        var builder = new AppointmentBuilder().At(new LocalDateTime(2026, 7, 1, 10, 0));

        builder.BuildSlot().Should().Be(builder.Build().Slot);
    }
}
