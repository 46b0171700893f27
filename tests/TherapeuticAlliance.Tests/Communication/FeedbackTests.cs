using TherapeuticAlliance.Communication;
using Snapshot = TherapeuticAlliance.Tests.Communication.Feedbacks.Snapshot;

namespace TherapeuticAlliance.Tests.Communication;

public class FeedbackTests
{
    private static readonly FeedbackId Id = Feedbacks.Id;

    private static readonly Instant Later = Feedbacks.Later;

    private static readonly Duration OneTick = Duration.FromTicks(1);

    /// <summary>
    /// Every command, with arguments valid in each of its legal statuses (on feedback that is not negative, from
    /// <see cref="Feedbacks.InStatus"/>), so that dated <see cref="Feedbacks.Later"/> only the status can make it fail.
    /// <see cref="Command.Event"/> gives the one event it must append, from the version before and the instant.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Command> Commands = new Command[]
    {
        new("Acknowledge", (f, at) => f.Acknowledge(at),
            (v, at) => new FeedbackStatusChanged(Id, v + 1, at, FeedbackStatus.Acknowledged), FeedbackStatus.Acknowledged,
            [FeedbackStatus.Open]),
        new("Address", (f, at) => f.Address(FeedbackResponse.Discussed(), at),
            (v, at) => new FeedbackAddressed(Id, v + 1, at, FeedbackResponse.Discussed()), FeedbackStatus.Addressed,
            [FeedbackStatus.Open, FeedbackStatus.Acknowledged]),
        new("Close", (f, at) => f.Close(at),
            (v, at) => new FeedbackStatusChanged(Id, v + 1, at, FeedbackStatus.Closed), FeedbackStatus.Closed,
            [FeedbackStatus.Open, FeedbackStatus.Acknowledged]),
        new("MarkEnteredInError", (f, at) => f.MarkEnteredInError(at),
            (v, at) => new FeedbackStatusChanged(Id, v + 1, at, FeedbackStatus.EnteredInError), FeedbackStatus.EnteredInError,
            [FeedbackStatus.Open, FeedbackStatus.Acknowledged, FeedbackStatus.Addressed, FeedbackStatus.Closed]),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string, FeedbackStatus> LegalTransitions => Transitions(legal: true);

    public static TheoryData<string, FeedbackStatus> IllegalTransitions => Transitions(legal: false);

    public static TheoryData<FeedbackStatus> AllStatuses => new(Enum.GetValues<FeedbackStatus>());

    // ---- The transition table -------------------------------------------------------------------

    [Fact]
    public void TransitionTable_EveryCommandAndStatus_IsEitherLegalOrIllegal()
    {
        int statuses = Enum.GetValues<FeedbackStatus>().Length;

        statuses.Should().Be(5);
        (LegalTransitions.Count + IllegalTransitions.Count).Should().Be(Commands.Count * statuses);
        LegalTransitions.Count.Should().Be(9, "Acknowledge from Open; Address and Close from Open or Acknowledged; MarkEnteredInError from all but itself");
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void InStatus_AnyStatus_ProducesFeedbackInThatStatus(FeedbackStatus status)
    {
        Feedback feedback = Feedbacks.InStatus(status);

        feedback.Status.Should().Be(status);
        feedback.PendingEvents.Should().HaveCount((int)feedback.Version);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_MovesOnAndAppendsOneEventWithItsFields(string command, FeedbackStatus source)
    {
        Command spec = Commands[command];
        Feedback feedback = Feedbacks.InStatus(source);
        FeedbackEvent[] before = [.. feedback.PendingEvents];

        spec.Run(feedback, Later);

        feedback.Status.Should().Be(spec.Result);
        feedback.Version.Should().Be(before.Length + 1);
        feedback.PendingEvents.Should().Equal([.. before, spec.Event(before.Length, Later)]);
        feedback.StatusAt(Later).Should().Be(spec.Result);
        feedback.StatusAt(Later - OneTick).Should().Be(source);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_ThrowsIllegalTransitionAndChangesNothing(string command, FeedbackStatus source)
    {
        Feedback feedback = Feedbacks.InStatus(source);
        Snapshot before = Snapshot.Of(feedback);

        Action act = () => Commands[command].Run(feedback, Later);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(FeedbackRuleCodes.IllegalTransition);
        Snapshot.Of(feedback).Should().Be(before);
    }

    [Theory]
    [InlineData(FeedbackStatus.Addressed)]
    [InlineData(FeedbackStatus.EnteredInError)]
    public void Close_NegativeFeedbackNoLongerOpen_IsAnIllegalTransitionNotAMissingResponse(FeedbackStatus source)
    {
        Feedback feedback = Feedbacks.InStatus(source, Feedbacks.Received(Feedbacks.Negative()));

        Action act = () => feedback.Close(Later);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(FeedbackRuleCodes.IllegalTransition);
    }

    // ---- Receiving ------------------------------------------------------------------------------

    [Theory]
    [InlineData(FeedbackSolicitation.Solicited, false)]
    [InlineData(FeedbackSolicitation.Volunteered, true)]
    public void ForSession_ValidArguments_IsOpenVersionOneWithReceivedEvent(FeedbackSolicitation solicitation, bool negative)
    {
        SessionFeedback content = negative ? Feedbacks.Negative() : Feedbacks.Positive();

        var feedback = Feedback.ForSession(Id, Feedbacks.Patient, Feedbacks.Clinician, Feedbacks.Appointment, solicitation, content, Feedbacks.ReceivedAt);

        feedback.Status.Should().Be(FeedbackStatus.Open);
        feedback.Version.Should().Be(1);
        feedback.PendingEvents.Should().Equal(
            new FeedbackReceived(Id, 1, Feedbacks.ReceivedAt, Feedbacks.Patient, Feedbacks.Clinician, Feedbacks.Appointment, solicitation, negative));
        feedback.IsNegative.Should().Be(negative);
        (feedback.Id, feedback.PatientId, feedback.ClinicianId, feedback.AppointmentId).Should().Be((Id, Feedbacks.Patient, Feedbacks.Clinician, Feedbacks.Appointment));
        feedback.Solicitation.Should().Be(solicitation);
        feedback.Session.Should().BeSameAs(content);
        feedback.Instrument.Should().BeNull();
        feedback.ReceivedAt.Should().Be(Feedbacks.ReceivedAt);
        feedback.AcknowledgedAt.Should().BeNull();
        feedback.ResolvedAt.Should().BeNull();
        feedback.Response.Should().BeNull();
    }

    [Theory]
    [InlineData(35, true, true)]
    [InlineData(36, false, false)]
    public void ForInstrument_ValidArguments_IsOpenVersionOneReceivedWhenCompleted(int srsTotal, bool negative, bool withAppointment)
    {
        InstrumentResponse srs = Feedbacks.SrsTotalling(srsTotal, Later);
        AppointmentId? appointment = withAppointment ? Feedbacks.Appointment : null;

        var feedback = Feedback.ForInstrument(Id, Feedbacks.Patient, Feedbacks.Clinician, appointment, FeedbackSolicitation.Volunteered, srs);

        feedback.Status.Should().Be(FeedbackStatus.Open);
        feedback.Version.Should().Be(1);
        feedback.ReceivedAt.Should().Be(Later, "an instrument response is received when it was completed");
        feedback.PendingEvents.Should().Equal(
            new FeedbackReceived(Id, 1, Later, Feedbacks.Patient, Feedbacks.Clinician, appointment, FeedbackSolicitation.Volunteered, negative));
        feedback.IsNegative.Should().Be(negative);
        feedback.AppointmentId.Should().Be(appointment);
        feedback.Instrument.Should().BeSameAs(srs);
        feedback.Session.Should().BeNull();
    }

    [Theory]
    [InlineData("id")]
    [InlineData("patient")]
    [InlineData("clinician")]
    [InlineData("appointment")]
    public void ForSessionAndForInstrument_DefaultId_ThrowArgumentException(string which)
    {
        FeedbackId id = which == "id" ? default : Id;
        PatientId patient = which == "patient" ? default : Feedbacks.Patient;
        ClinicianId clinician = which == "clinician" ? default : Feedbacks.Clinician;
        AppointmentId appointment = which == "appointment" ? default : Feedbacks.Appointment;
        InstrumentResponse srs = Feedbacks.SrsTotalling(30);

        Action session = () => Feedback.ForSession(id, patient, clinician, appointment, FeedbackSolicitation.Solicited, Feedbacks.Positive(), Feedbacks.ReceivedAt);
        Action instrument = () => Feedback.ForInstrument(id, patient, clinician, appointment, FeedbackSolicitation.Solicited, srs);

        session.Should().ThrowExactly<ArgumentException>();
        instrument.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void ForSessionAndForInstrument_NullContent_ThrowArgumentNullException()
    {
        Action session = () => Feedback.ForSession(Id, Feedbacks.Patient, Feedbacks.Clinician, Feedbacks.Appointment, FeedbackSolicitation.Solicited, null!, Feedbacks.ReceivedAt);
        Action instrument = () => Feedback.ForInstrument(Id, Feedbacks.Patient, Feedbacks.Clinician, Feedbacks.Appointment, FeedbackSolicitation.Solicited, null!);

        session.Should().Throw<ArgumentNullException>();
        instrument.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ForSessionAndForInstrument_UndefinedSolicitation_ThrowArgumentOutOfRange()
    {
        const FeedbackSolicitation undefined = (FeedbackSolicitation)7;

        Action session = () => Feedbacks.Received(solicitation: undefined);
        Action instrument = () => Feedback.ForInstrument(Id, Feedbacks.Patient, Feedbacks.Clinician, null, undefined, Feedbacks.SrsTotalling(30));

        session.Should().Throw<ArgumentOutOfRangeException>();
        instrument.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("direction", true)]
    [InlineData("topic", true)]
    [InlineData("goal", true)]
    [InlineData("srs-35", true)]
    [InlineData("pace-only", false)]
    [InlineData("srs-36", false)]
    public void IsNegative_FollowsTheContentAndIsRecordedOnReceipt(string content, bool negative)
    {
        Feedback feedback = Build(content);

        feedback.IsNegative.Should().Be(negative);
        feedback.PendingEvents.OfType<FeedbackReceived>().Single().IsNegative.Should().Be(negative);
    }

    // ---- Acknowledge, Address, Close ------------------------------------------------------------

    [Fact]
    public void AcknowledgeThenAddress_RecordsBothInstantsTheResponseAndOneEventEach()
    {
        Feedback feedback = Feedbacks.Received();
        FeedbackResponse response = FeedbackResponse.PlanRevised(new TreatmentPlanId("tp-1"), 2);

        feedback.Acknowledge(Feedbacks.AcknowledgedAt);
        feedback.Address(response, Feedbacks.ResolvedAt);

        feedback.Status.Should().Be(FeedbackStatus.Addressed);
        feedback.AcknowledgedAt.Should().Be(Feedbacks.AcknowledgedAt);
        feedback.ResolvedAt.Should().Be(Feedbacks.ResolvedAt);
        feedback.Response.Should().Be(response);
        feedback.Version.Should().Be(3);
        feedback.PendingEvents.Skip(1).Should().Equal(
            new FeedbackStatusChanged(Id, 2, Feedbacks.AcknowledgedAt, FeedbackStatus.Acknowledged),
            new FeedbackAddressed(Id, 3, Feedbacks.ResolvedAt, response));
    }

    [Fact]
    public void Address_Open_AcknowledgesAtTheSameInstantInOneChange()
    {
        Feedback feedback = Feedbacks.Received(Feedbacks.Negative());

        feedback.Address(FeedbackResponse.TopicChanged(), Feedbacks.ResolvedAt);

        feedback.Status.Should().Be(FeedbackStatus.Addressed);
        feedback.AcknowledgedAt.Should().Be(Feedbacks.ResolvedAt);
        feedback.ResolvedAt.Should().Be(Feedbacks.ResolvedAt);
        feedback.Version.Should().Be(2);
        feedback.PendingEvents[^1].Should().Be(new FeedbackAddressed(Id, 2, Feedbacks.ResolvedAt, FeedbackResponse.TopicChanged()));
    }

    [Fact]
    public void Address_NullResponse_ThrowsArgumentNullExceptionAndChangesNothing()
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.Acknowledged);
        Snapshot before = Snapshot.Of(feedback);

        Action act = () => feedback.Address(null!, Later);

        act.Should().Throw<ArgumentNullException>();
        Snapshot.Of(feedback).Should().Be(before);
    }

    [Theory]
    [InlineData(FeedbackStatus.Open)]
    [InlineData(FeedbackStatus.Acknowledged)]
    public void Close_NotNegative_ClosesWithoutResponseKeepingAcknowledgement(FeedbackStatus source)
    {
        Feedback feedback = Feedbacks.InStatus(source);
        Instant? acknowledgedAt = feedback.AcknowledgedAt;

        feedback.Close(Feedbacks.ResolvedAt);

        feedback.Status.Should().Be(FeedbackStatus.Closed);
        feedback.ResolvedAt.Should().Be(Feedbacks.ResolvedAt);
        feedback.Response.Should().BeNull();
        feedback.AcknowledgedAt.Should().Be(acknowledgedAt, "closing does not acknowledge");
    }

    [Theory]
    [InlineData("direction", FeedbackStatus.Open)]
    [InlineData("direction", FeedbackStatus.Acknowledged)]
    [InlineData("topic", FeedbackStatus.Open)]
    [InlineData("goal", FeedbackStatus.Acknowledged)]
    [InlineData("srs-35", FeedbackStatus.Open)]
    [InlineData("srs-35", FeedbackStatus.Acknowledged)]
    public void Close_Negative_ThrowsResponseRequiredAndChangesNothing(string content, FeedbackStatus source)
    {
        Feedback feedback = Feedbacks.InStatus(source, Build(content));
        Snapshot before = Snapshot.Of(feedback);

        Action act = () => feedback.Close(Later);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(FeedbackRuleCodes.ResponseRequired);
        Snapshot.Of(feedback).Should().Be(before);
        feedback.PendingEvents.Should().HaveCount((int)before.Version);
    }

    [Fact]
    public void Close_NegativeRefused_CanStillBeAddressed()
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.Acknowledged, Feedbacks.Received(Feedbacks.Negative()));
        ((Action)(() => feedback.Close(Later))).Should().Throw<DomainRuleException>();

        feedback.Address(FeedbackResponse.NoChange("patient-declined"), Later);

        feedback.Status.Should().Be(FeedbackStatus.Addressed);
        feedback.Version.Should().Be(3);
    }

    // ---- Entered in error -----------------------------------------------------------------------

    [Fact]
    public void MarkEnteredInError_Addressed_KeepsEverythingRecorded()
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.Addressed);

        feedback.MarkEnteredInError(Later);

        feedback.Status.Should().Be(FeedbackStatus.EnteredInError);
        feedback.AcknowledgedAt.Should().Be(Feedbacks.AcknowledgedAt);
        feedback.ResolvedAt.Should().Be(Feedbacks.ResolvedAt);
        feedback.Response.Should().Be(FeedbackResponse.Discussed());
    }

    [Fact]
    public void MarkEnteredInError_Twice_ThrowsIllegalTransitionAndChangesNothing()
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.EnteredInError);
        Snapshot before = Snapshot.Of(feedback);

        Action act = () => feedback.MarkEnteredInError(Later);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(FeedbackRuleCodes.IllegalTransition);
        Snapshot.Of(feedback).Should().Be(before);
    }

    // ---- Time order -----------------------------------------------------------------------------

    [Theory]
    [InlineData("Acknowledge", FeedbackStatus.Open)]
    [InlineData("Address", FeedbackStatus.Open)]
    [InlineData("Close", FeedbackStatus.Open)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Open)]
    [InlineData("Address", FeedbackStatus.Acknowledged)]
    [InlineData("Close", FeedbackStatus.Acknowledged)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Acknowledged)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Addressed)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Closed)]
    public void Command_DatedBeforeThePreviousChange_ThrowsTimeOrderAndChangesNothing(string command, FeedbackStatus source)
    {
        Feedback feedback = Feedbacks.InStatus(source);
        Instant previous = LastChangeOf(source);
        Snapshot before = Snapshot.Of(feedback);

        Action act = () => Commands[command].Run(feedback, previous - OneTick);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(FeedbackRuleCodes.TimeOrder);
        Snapshot.Of(feedback).Should().Be(before);
    }

    [Theory]
    [InlineData("Acknowledge", FeedbackStatus.Open)]
    [InlineData("Address", FeedbackStatus.Open)]
    [InlineData("Close", FeedbackStatus.Open)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Open)]
    [InlineData("Address", FeedbackStatus.Acknowledged)]
    [InlineData("Close", FeedbackStatus.Acknowledged)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Acknowledged)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Addressed)]
    [InlineData("MarkEnteredInError", FeedbackStatus.Closed)]
    public void Command_DatedAtThePreviousChange_IsAllowedAndWins(string command, FeedbackStatus source)
    {
        Command spec = Commands[command];
        Feedback feedback = Feedbacks.InStatus(source);
        Instant previous = LastChangeOf(source);

        spec.Run(feedback, previous);

        feedback.Status.Should().Be(spec.Result);
        feedback.PendingEvents[^1].OccurredAt.Should().Be(previous);
        feedback.StatusAt(previous).Should().Be(spec.Result, "of two changes at one instant, the later recorded holds");
    }

    [Fact]
    public void Acknowledge_InstrumentFeedbackBeforeItWasCompleted_ThrowsTimeOrder()
    {
        Feedback feedback = Feedbacks.FromSrs(38);

        Action act = () => feedback.Acknowledge(feedback.Instrument!.At - OneTick);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(FeedbackRuleCodes.TimeOrder);
        feedback.Status.Should().Be(FeedbackStatus.Open);
    }

    // ---- StatusAt -------------------------------------------------------------------------------

    public static TheoryData<Instant, FeedbackStatus> FullLifeStatuses => new()
    {
        { Feedbacks.ReceivedAt - OneTick, FeedbackStatus.Open },
        { Feedbacks.ReceivedAt, FeedbackStatus.Open },
        { Feedbacks.AcknowledgedAt - OneTick, FeedbackStatus.Open },
        { Feedbacks.AcknowledgedAt, FeedbackStatus.Acknowledged },
        { Feedbacks.ResolvedAt - OneTick, FeedbackStatus.Acknowledged },
        { Feedbacks.ResolvedAt, FeedbackStatus.Addressed },
        { Feedbacks.EnteredInErrorAt - OneTick, FeedbackStatus.Addressed },
        { Feedbacks.EnteredInErrorAt, FeedbackStatus.EnteredInError },
        { Later, FeedbackStatus.EnteredInError },
    };

    [Theory]
    [MemberData(nameof(FullLifeStatuses))]
    public void StatusAt_FullLife_IsTheLastChangeAtOrBefore(Instant at, FeedbackStatus expected)
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.Addressed);
        feedback.MarkEnteredInError(Feedbacks.EnteredInErrorAt);

        feedback.StatusAt(at).Should().Be(expected);
    }

    [Fact]
    public void StatusAt_ClosedFeedback_IsClosedFromTheClosingInstant()
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.Closed);

        feedback.StatusAt(Feedbacks.ResolvedAt - OneTick).Should().Be(FeedbackStatus.Acknowledged);
        feedback.StatusAt(Feedbacks.ResolvedAt).Should().Be(FeedbackStatus.Closed);
        feedback.StatusAt(Later).Should().Be(FeedbackStatus.Closed);
    }

    // ---- Events and text ------------------------------------------------------------------------

    [Fact]
    public void DequeueEvents_ReturnsThemOldestFirstAndClearsButKeepsTheVersion()
    {
        Feedback feedback = Feedbacks.InStatus(FeedbackStatus.Acknowledged);

        IReadOnlyList<FeedbackEvent> taken = feedback.DequeueEvents();
        feedback.Close(Later);

        taken.Select(e => e.Version).Should().Equal(1, 2);
        taken[0].Should().BeOfType<FeedbackReceived>();
        feedback.PendingEvents.Should().Equal(new FeedbackStatusChanged(Id, 3, Later, FeedbackStatus.Closed));
        feedback.Version.Should().Be(3);
    }

    [Fact]
    public void PendingEvents_IsACopyTheCallerCannotChange()
    {
        Feedback feedback = Feedbacks.Received();
        IReadOnlyList<FeedbackEvent> before = feedback.PendingEvents;

        feedback.Acknowledge(Feedbacks.AcknowledgedAt);

        before.Should().HaveCount(1);
        feedback.PendingEvents.Should().HaveCount(2);
    }

    [Fact]
    public void ToString_NamesIdKindStatusAndVersion()
    {
        Feedback session = Feedbacks.InStatus(FeedbackStatus.Acknowledged);
        Feedback srs = Feedbacks.FromSrs(20);

        session.ToString().Should().Contain("f-1").And.Contain("session").And.Contain("Acknowledged").And.Contain("v2");
        srs.ToString().Should().Contain("f-1").And.Contain("SRS").And.Contain("Open").And.Contain("v1");
    }

    // ---- Helpers --------------------------------------------------------------------------------

    /// <summary>Freshly received feedback of a named kind: negative by direction, topic, goal or an SRS of 35; or not negative.</summary>
    private static Feedback Build(string content) => content switch
    {
        "direction" => Feedbacks.Received(new SessionFeedback(false, [], [])),
        "topic" => Feedbacks.Received(new SessionFeedback(true, ["sleep"], [], SessionPace.Right)),
        "goal" => Feedbacks.Received(new SessionFeedback(null, [], [Feedbacks.Goal])),
        "pace-only" => Feedbacks.Received(new SessionFeedback(null, [], [], SessionPace.TooFast)),
        "srs-35" => Feedbacks.FromSrs(35),
        "srs-36" => Feedbacks.FromSrs(36),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content, "Not a content of these tests."),
    };

    /// <summary>When <see cref="Feedbacks.InStatus"/> made the last change of feedback in <paramref name="status"/>.</summary>
    private static Instant LastChangeOf(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Open => Feedbacks.ReceivedAt,
        FeedbackStatus.Acknowledged => Feedbacks.AcknowledgedAt,
        FeedbackStatus.Addressed or FeedbackStatus.Closed => Feedbacks.ResolvedAt,
        FeedbackStatus.EnteredInError => Feedbacks.EnteredInErrorAt,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a feedback status."),
    };

    private static TheoryData<string, FeedbackStatus> Transitions(bool legal)
    {
        var data = new TheoryData<string, FeedbackStatus>();
        foreach (Command command in Commands.Values)
        {
            foreach (FeedbackStatus status in Enum.GetValues<FeedbackStatus>())
            {
                if (command.Legal.Contains(status) == legal)
                {
                    data.Add(command.Name, status);
                }
            }
        }

        return data;
    }

    /// <summary>A command, the event it appends (from the version before and its instant), the status it leads to and the statuses it is legal in.</summary>
    private sealed record Command(string Name, Action<Feedback, Instant> Run, Func<long, Instant, FeedbackEvent> Event, FeedbackStatus Result, FeedbackStatus[] Legal);
}
