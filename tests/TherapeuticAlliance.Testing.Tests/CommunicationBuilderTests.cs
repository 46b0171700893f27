using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing.Tests;

public class FeedbackBuilderTests
{
    private static readonly Instant R = BuilderDefaults.FeedbackReceivedAt;

    [Fact]
    public void Build_Defaults_OpenPositiveSessionFeedbackOnA1()
    {
        Feedback feedback = new FeedbackBuilder().Build();

        feedback.Id.Value.Should().Be("f-1");
        feedback.AppointmentId!.Value.Value.Should().Be("a-1");
        feedback.Solicitation.Should().Be(FeedbackSolicitation.Solicited);
        feedback.ReceivedAt.Should().Be(R);
        feedback.Status.Should().Be(FeedbackStatus.Open);
        feedback.IsNegative.Should().BeFalse();
        feedback.Session!.Pace.Should().Be(SessionPace.Right);
        feedback.Session.Comment.Should().BeNull();
    }

    [Fact]
    public void SessionOverrides_AreApplied()
    {
        Feedback feedback = new FeedbackBuilder().WithId("fb-3").About("a-9").Volunteered().ReceivedAt(R + Duration.FromDays(1))
            .WithUnproductiveTopic("homework-review").WithUnproductiveGoal("g-1").WithPace(SessionPace.TooSlow).WithComment("too slow").Build();

        feedback.Id.Value.Should().Be("fb-3");
        feedback.AppointmentId!.Value.Value.Should().Be("a-9");
        feedback.Solicitation.Should().Be(FeedbackSolicitation.Volunteered);
        feedback.Session!.UnproductiveTopicCodes.Should().Equal("homework-review");
        feedback.Session.UnproductiveGoalIds.Select(g => g.Value).Should().Equal("g-1");
        feedback.Session.Comment.Should().Be("too slow");
        feedback.IsNegative.Should().BeTrue();
    }

    [Fact]
    public void DirectionFeelsWrong_IsNegative()
    {
        new FeedbackBuilder().DirectionFeelsWrong().Build().IsNegative.Should().BeTrue();
        new FeedbackBuilder().DirectionFeelsRight(null).Build().IsNegative.Should().BeFalse();
    }

    [Theory]
    [InlineData(34, true)]
    [InlineData(36, false)]
    [InlineData(40, false)]
    [InlineData(0, true)]
    public void Srs_ScoresTheTotal_NegativeBelowTheCutoff(int total, bool negative)
    {
        Feedback feedback = new FeedbackBuilder().Srs(total).Build();

        feedback.Instrument!.InstrumentCode.Should().Be("SRS");
        feedback.Instrument.Total.Should().Be(total);
        feedback.IsNegative.Should().Be(negative);
    }

    [Fact]
    public void Srs_OutOfRange_Throws()
    {
        new FeedbackBuilder().Invoking(b => b.Srs(41)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void SrsItems_AreScoredByTheLibrary_AndAnItemOutOfRangeIsRefused()
    {
        new FeedbackBuilder().SrsItems(9, 9, 9.5m, 9.5m).AboutNoSession().Build().Instrument!.Total.Should().Be(37);
        new FeedbackBuilder().SrsItems(11, 9, 9, 9).Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Lifecycle_StepsFollowTheReceipt()
    {
        new FeedbackBuilder().Acknowledged().Build().AcknowledgedAt.Should().Be(R + Duration.FromHours(1));
        Feedback addressed = new FeedbackBuilder().DirectionFeelsWrong().Addressed().Build();
        addressed.Status.Should().Be(FeedbackStatus.Addressed);
        addressed.ResolvedAt.Should().Be(R + Duration.FromDays(1));
        addressed.Response!.Kind.Should().Be(FeedbackResponseKind.Discussed);
        new FeedbackBuilder().Addressed(FeedbackResponse.TopicChanged(), R + Duration.FromMinutes(5)).Build().ResolvedAt.Should().Be(R + Duration.FromMinutes(5));
        new FeedbackBuilder().Closed().Build().Status.Should().Be(FeedbackStatus.Closed);
        new FeedbackBuilder().Closed().EnteredInError().Build().Status.Should().Be(FeedbackStatus.EnteredInError);
    }

    [Fact]
    public void Acknowledged_AfterAnAddressedAt_IsOnlyAcknowledged()
    {
        Feedback feedback = new FeedbackBuilder().Addressed(FeedbackResponse.Discussed(), R + Duration.FromMinutes(5)).Acknowledged().Build();

        feedback.Status.Should().Be(FeedbackStatus.Acknowledged);
        feedback.AcknowledgedAt.Should().Be(R + Duration.FromHours(1));
    }

    [Fact]
    public void Closed_NegativeFeedback_IsRefusedByTheFeedback()
    {
        FeedbackBuilder builder = new FeedbackBuilder().DirectionFeelsWrong().Closed();

        builder.Invoking(b => b.Build()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(new RuleCode("TA.FEEDBACK.RESPONSE_REQUIRED"));
    }

    [Fact]
    public void AboutNoSession_SessionFeedback_IsRefused()
    {
        new FeedbackBuilder().AboutNoSession().Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }
}

public class AllianceHistoryBuilderTests
{
    [Fact]
    public void Build_Empty_HasNoAppointments()
    {
        AllianceHistory history = new AllianceHistoryBuilder().Build();

        history.PatientId.Value.Should().Be("p-1");
        history.Appointments.Should().BeEmpty();
        history.Feedback.Should().BeEmpty();
    }

    [Fact]
    public void Kept_NoShows_AndCancellations_AreWeeklyAndInOrder()
    {
        AllianceHistory history = new AllianceHistoryBuilder().Kept(2).NoShows(1).LateCancellations(1).CancelledByClinician(1).Build();

        history.Appointments.Select(a => a.Id.Value).Should().Equal("a-1", "a-2", "a-3", "a-4", "a-5");
        history.Appointments.Select(a => a.Status).Should().Equal(
            AppointmentStatus.Fulfilled, AppointmentStatus.Fulfilled, AppointmentStatus.NoShow, AppointmentStatus.Cancelled, AppointmentStatus.Cancelled);
        history.Appointments.Select(a => a.Slot.LocalStart.Date).Should().Equal(
            Enumerable.Range(0, 5).Select(w => new LocalDate(2026, 6, 9).PlusWeeks(w)));
        history.Appointments[3].Cancellation!.By.Should().Be(Party.Patient);
        history.Appointments[4].Cancellation!.By.Should().Be(Party.Clinician);
        history.AsOf.Should().Be(history.Appointments[^1].Slot.End + Duration.FromDays(1));
    }

    [Fact]
    public void KeptWithSrs_AddsAnSrsAfterEachSession()
    {
        AllianceHistory history = new AllianceHistoryBuilder().KeptWithSrs(38, 34).Build();

        history.Feedback.Select(f => (f.Id.Value, f.AppointmentId!.Value.Value, f.Instrument!.Total)).Should().Equal(("srs-1", "a-1", 38m), ("srs-2", "a-2", 34m));
        history.Feedback[1].Status.Should().Be(FeedbackStatus.Open);
        history.Feedback[0].ReceivedAt.Should().Be(history.Appointments[0].Slot.End);
    }

    [Fact]
    public void AddressingNegativeFeedback_DiscussesItAtTheNextSession()
    {
        AllianceHistory history = new AllianceHistoryBuilder().KeptWithSrs(34, 38, 30).AddressingNegativeFeedback().Build();

        history.Feedback[0].ResolvedAt.Should().Be(history.Appointments[1].Slot.Start + Duration.FromMinutes(5));
        history.Feedback[1].Status.Should().Be(FeedbackStatus.Open);
        history.Feedback[2].ResolvedAt.Should().Be(history.Appointments[2].Slot.End + Duration.FromDays(1));
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        Appointment extra = new AppointmentBuilder().WithId("x-1").ForPatient("p-4").WithClinician("c-4").At(new LocalDateTime(2026, 9, 1, 9, 0)).Build();
        AllianceHistory history = new AllianceHistoryBuilder().ForPatient("p-4").WithClinician("c-4")
            .StartingAt(new LocalDateTime(2026, 9, 7, 16, 0), "Europe/London").Every(Period.FromDays(2)).Kept(2)
            .WithAppointment(extra).WithFeedback(new FeedbackBuilder().ForPatient("p-4").WithClinician("c-4").Build())
            .AsOf(Instant.FromUtc(2026, 12, 1, 0, 0)).Build();

        history.Appointments.Select(a => a.Id.Value).Should().Equal("x-1", "a-1", "a-2");
        history.Appointments[2].Slot.LocalStart.Should().Be(new LocalDateTime(2026, 9, 9, 16, 0));
        history.Feedback.Should().ContainSingle();
        history.AsOf.Should().Be(Instant.FromUtc(2026, 12, 1, 0, 0));
    }

    [Fact]
    public void WithAppointment_OfAnotherPair_IsRefusedByTheHistory()
    {
        AllianceHistoryBuilder builder = new AllianceHistoryBuilder().WithAppointment(new AppointmentBuilder().ForPatient("p-2").Build());

        builder.Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Kept_Negative_Throws()
    {
        new AllianceHistoryBuilder().Invoking(b => b.Kept(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
