using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Scheduling;

public class AppointmentTests
{
    private static readonly AppointmentId Id = new("a-1");

    private static readonly Instant Start = Appointments.Slot().Start;

    private static readonly Duration OneTick = Duration.FromTicks(1);

    private static readonly SessionSlot OtherSlot = Appointments.Slot(new LocalDateTime(2026, 6, 10, 9, 0));

    /// <summary>
    /// Every command, called with arguments that are valid for each of its legal statuses (on an
    /// appointment from <see cref="Appointments.InStatus"/>), so that only the status can make it fail.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Command> Commands = new Command[]
    {
        new("Confirm", a => a.Confirm(Start - Duration.FromDays(2)), typeof(AppointmentConfirmed), AppointmentStatus.Booked,
            [AppointmentStatus.Proposed]),
        new("Reschedule", a => a.Reschedule(OtherSlot, Party.Patient, Start - Duration.FromDays(2)), typeof(AppointmentRescheduled), null,
            [AppointmentStatus.Proposed, AppointmentStatus.Booked]),
        new("Cancel", a => a.Cancel(Party.Patient, "pat", Start - Duration.FromHours(48)), typeof(AppointmentCancelled), AppointmentStatus.Cancelled,
            [AppointmentStatus.Proposed, AppointmentStatus.Booked, AppointmentStatus.Arrived]),
        new("CheckIn", a => a.CheckIn(Start), typeof(PatientCheckedIn), AppointmentStatus.Arrived,
            [AppointmentStatus.Booked]),
        new("StartSession", a => a.StartSession(Start), typeof(SessionStarted), AppointmentStatus.InSession,
            [AppointmentStatus.Arrived]),
        new("EndSession", a => a.EndSession(Start + Duration.FromMinutes(50)), typeof(SessionEnded), AppointmentStatus.Fulfilled,
            [AppointmentStatus.InSession]),
        new("MarkNoShow", a => a.MarkNoShow(Start + Duration.FromMinutes(20), Duration.FromMinutes(15)), typeof(NoShowMarked), AppointmentStatus.NoShow,
            [AppointmentStatus.Booked]),
        new("RecordTopics", a => a.RecordTopics([Topic("grief", 10)], Start + Duration.FromMinutes(60)), typeof(SessionTopicsRecorded), null,
            [AppointmentStatus.InSession, AppointmentStatus.Fulfilled]),
        new("RecordPreparation", a => a.RecordPreparation(Party.Clinician, PreparationLevel.Prepared, Start), typeof(PreparationRecorded), null,
            [AppointmentStatus.Booked, AppointmentStatus.Arrived, AppointmentStatus.InSession, AppointmentStatus.Fulfilled]),
        new("RecordBilling", a => a.RecordBilling(PsychotherapyCode.Cpt90834, Duration.FromMinutes(45), Start + Duration.FromMinutes(60)), typeof(PsychotherapyBilled), null,
            [AppointmentStatus.Fulfilled]),
        new("MarkEnteredInError", a => a.MarkEnteredInError(Start + Duration.FromHours(2)), typeof(AppointmentEnteredInError), AppointmentStatus.EnteredInError,
            [.. Enum.GetValues<AppointmentStatus>().Where(s => s != AppointmentStatus.EnteredInError)]),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string, AppointmentStatus> LegalTransitions => Transitions(legal: true);

    public static TheoryData<string, AppointmentStatus> IllegalTransitions => Transitions(legal: false);

    public static TheoryData<AppointmentStatus> AllStatuses => new(Enum.GetValues<AppointmentStatus>());

    // ---- The transition table -------------------------------------------------------------------

    [Fact]
    public void TransitionTable_EveryCommandAndStatus_IsEitherLegalOrIllegal()
    {
        int statuses = Enum.GetValues<AppointmentStatus>().Length;

        (LegalTransitions.Count + IllegalTransitions.Count).Should().Be(Commands.Count * statuses);
        Commands.Should().HaveCount(11);
        statuses.Should().Be(8);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void InStatus_AnyStatus_ProducesAppointmentInThatStatus(AppointmentStatus status)
    {
        Appointment appointment = Appointments.InStatus(status);

        appointment.Status.Should().Be(status);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_MovesToDocumentedStatus(string command, AppointmentStatus source)
    {
        Command spec = Commands[command];
        Appointment appointment = Appointments.InStatus(source);

        spec.Run(appointment);

        appointment.Status.Should().Be(spec.Result ?? source);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_IncrementsVersionByOne(string command, AppointmentStatus source)
    {
        Appointment appointment = Appointments.InStatus(source);
        long before = appointment.Version;

        Commands[command].Run(appointment);

        appointment.Version.Should().Be(before + 1);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_AppendsOneEventOfItsTypeWithNewVersion(string command, AppointmentStatus source)
    {
        Command spec = Commands[command];
        Appointment appointment = Appointments.InStatus(source);
        AppointmentEvent[] before = [.. appointment.PendingEvents];

        spec.Run(appointment);

        appointment.PendingEvents.Should().HaveCount(before.Length + 1);
        appointment.PendingEvents.Take(before.Length).Should().Equal(before);
        AppointmentEvent added = appointment.PendingEvents[^1];
        added.Should().BeOfType(spec.EventType);
        added.AppointmentId.Should().Be(Id);
        added.Version.Should().Be(appointment.Version);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_ThrowsIllegalTransition(string command, AppointmentStatus source)
    {
        Appointment appointment = Appointments.InStatus(source);

        Action act = () => Commands[command].Run(appointment);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.IllegalTransition);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_LeavesAppointmentUnchanged(string command, AppointmentStatus source)
    {
        Appointment appointment = Appointments.InStatus(source);
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => Commands[command].Run(appointment);

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
    }

    // ---- Schedule and Confirm -------------------------------------------------------------------

    [Fact]
    public void Schedule_ValidArguments_IsProposedVersionOneWithScheduledEvent()
    {
        SessionSlot slot = Appointments.Slot();
        Instant at = slot.Start - Duration.FromDays(7);

        Appointment appointment = Appointment.Schedule(Id, new PatientId("p-1"), new ClinicianId("c-1"), SessionKind.Psychotherapy, slot, at);

        appointment.Status.Should().Be(AppointmentStatus.Proposed);
        appointment.Version.Should().Be(1);
        appointment.PendingEvents.Should().Equal(
            new AppointmentScheduled(Id, 1, at, new PatientId("p-1"), new ClinicianId("c-1"), slot.Start, slot.End));
    }

    [Fact]
    public void Confirm_Proposed_AppendsConfirmedEvent()
    {
        Appointment appointment = Appointments.Proposed();
        Instant at = Start - Duration.FromDays(3);

        appointment.Confirm(at);

        appointment.PendingEvents[^1].Should().Be(new AppointmentConfirmed(Id, 2, at));
    }

    // ---- Reschedule -----------------------------------------------------------------------------

    [Fact]
    public void Reschedule_Booked_MovesSlotAndAppendsRescheduledEvent()
    {
        Appointment appointment = Appointments.Booked();
        Instant at = Start - Duration.FromDays(2);

        appointment.Reschedule(OtherSlot, Party.Clinician, at);

        appointment.Slot.Should().Be(OtherSlot);
        appointment.PendingEvents[^1].Should().Be(
            new AppointmentRescheduled(Id, 3, at, Party.Clinician, Start, OtherSlot.Start, OtherSlot.End));
    }

    [Fact]
    public void Reschedule_Twice_KeepsPreviousSlotsOldestFirst()
    {
        Appointment appointment = Appointments.Booked();
        SessionSlot original = appointment.Slot;
        SessionSlot third = Appointments.Slot(new LocalDateTime(2026, 6, 11, 14, 0));

        appointment.Reschedule(OtherSlot, Party.Patient, Start - Duration.FromDays(3));
        appointment.Reschedule(third, Party.Clinician, Start - Duration.FromDays(2));

        appointment.PreviousSlots.Should().Equal(original, OtherSlot);
        appointment.Slot.Should().Be(third);
    }

    [Fact]
    public void Reschedule_NeverRescheduled_HasNoPreviousSlots()
    {
        Appointment appointment = Appointments.Booked();

        appointment.PreviousSlots.Should().BeEmpty();
    }

    [Fact]
    public void PreviousSlots_ReadBeforeAnotherReschedule_DoesNotGrow()
    {
        Appointment appointment = Appointments.Booked();
        SessionSlot original = appointment.Slot;
        appointment.Reschedule(OtherSlot, Party.Patient, Start - Duration.FromDays(3));
        IReadOnlyList<SessionSlot> taken = appointment.PreviousSlots;

        appointment.Reschedule(Appointments.Slot(new LocalDateTime(2026, 6, 11, 14, 0)), Party.Clinician, Start - Duration.FromDays(2));

        taken.Should().Equal(original);
        appointment.PreviousSlots.Should().Equal(original, OtherSlot);
    }

    [Fact]
    public void PreviousSlots_Snapshot_IsReadOnly()
    {
        Appointment appointment = Appointments.Booked();
        appointment.Reschedule(OtherSlot, Party.Patient, Start - Duration.FromDays(3));

        IReadOnlyList<SessionSlot> taken = appointment.PreviousSlots;

        taken.Should().NotBeAssignableTo<List<SessionSlot>>().And.NotBeAssignableTo<SessionSlot[]>();
        ((ICollection<SessionSlot>)taken).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Reschedule_SameSlot_ThrowsSameSlot()
    {
        Appointment appointment = Appointments.Booked();

        Action act = () => appointment.Reschedule(Appointments.Slot(), Party.Patient, Start - Duration.FromDays(2));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.SameSlot);
    }

    [Fact]
    public void Reschedule_SameSlot_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Booked();
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.Reschedule(Appointments.Slot(), Party.Patient, Start - Duration.FromDays(2));

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.PreviousSlots.Should().BeEmpty();
    }

    // ---- Cancel ---------------------------------------------------------------------------------

    [Fact]
    public void Cancel_Booked_AppendsCancelledEvent()
    {
        Appointment appointment = Appointments.Booked();
        Instant at = Start - Duration.FromHours(30);

        appointment.Cancel(Party.Clinician, "prov", at);

        appointment.PendingEvents[^1].Should().Be(new AppointmentCancelled(Id, 3, at, Party.Clinician, "prov"));
    }

    [Fact]
    public void Cancel_BeforeStart_RecordsCancellationWithNoticeUntilStart()
    {
        Appointment appointment = Appointments.Booked();
        Instant at = Start - Duration.FromHours(30);

        appointment.Cancel(Party.Patient, "pat", at);

        appointment.Cancellation.Should().BeEquivalentTo(new { By = Party.Patient, ReasonCode = "pat", At = at, Notice = Duration.FromHours(30), WasConfirmed = true });
    }

    [Fact]
    public void Cancel_AfterStart_RecordsNegativeNotice()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(2));

        appointment.Cancel(Party.Clinician, "prov", Start + Duration.FromMinutes(10));

        appointment.Cancellation!.Notice.Should().Be(Duration.FromMinutes(-10));
    }

    [Fact]
    public void Cancel_ReasonCodeWithSpaces_ThrowsArgumentException()
    {
        Appointment appointment = Appointments.Booked();

        Action act = () => appointment.Cancel(Party.Patient, "felt unwell", Start - Duration.FromHours(48));

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Cancel_ReasonCodeWithSpaces_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Booked();
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.Cancel(Party.Patient, "felt unwell", Start - Duration.FromHours(48));

        act.Should().Throw<ArgumentException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.Cancellation.Should().BeNull();
    }

    [Fact]
    public void Cancel_UndefinedParty_ThrowsArgumentOutOfRange()
    {
        Appointment appointment = Appointments.Booked();

        Action act = () => appointment.Cancel((Party)7, "pat", Start - Duration.FromHours(48));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void IsLateCancellation_NoticeExactlyThePeriod_IsFalse()
    {
        Appointment appointment = Appointments.Booked();
        appointment.Cancel(Party.Patient, "pat", Start - Duration.FromHours(24));

        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeFalse();
    }

    [Fact]
    public void IsLateCancellation_NoticeOneTickShort_IsTrue()
    {
        Appointment appointment = Appointments.Booked();
        appointment.Cancel(Party.Patient, "pat", Start - Duration.FromHours(24) + OneTick);

        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeTrue();
    }

    [Fact]
    public void IsLateCancellation_NotCancelled_IsFalse()
    {
        Appointment appointment = Appointments.Booked();

        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeFalse();
    }

    [Fact]
    public void IsLateCancellation_DeclinedProposalWithShortNotice_IsFalse()
    {
        Appointment appointment = Appointments.Proposed();
        appointment.Cancel(Party.Patient, "pat", Start - Duration.FromHours(1));

        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeFalse("nothing had been booked");
    }

    [Fact]
    public void IsLateCancellation_BookedWithSameShortNotice_IsTrue()
    {
        Appointment appointment = Appointments.Booked();
        appointment.Cancel(Party.Patient, "pat", Start - Duration.FromHours(1));

        appointment.IsLateCancellation(Duration.FromHours(24)).Should().BeTrue();
    }

    [Fact]
    public void Cancel_Proposed_RecordsCancellationNotConfirmed()
    {
        Appointment appointment = Appointments.Proposed();
        Instant at = Start - Duration.FromHours(30);

        appointment.Cancel(Party.Clinician, "prov", at);

        appointment.Cancellation.Should().BeEquivalentTo(new { By = Party.Clinician, ReasonCode = "prov", At = at, Notice = Duration.FromHours(30), WasConfirmed = false });
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    public void Cancel_Confirmed_RecordsCancellationWasConfirmed(AppointmentStatus status)
    {
        Appointment appointment = Appointments.InStatus(status);

        appointment.Cancel(Party.Patient, "pat", Start - Duration.FromHours(1));

        appointment.Cancellation!.WasConfirmed.Should().BeTrue();
    }

    [Fact]
    public void Cancellation_Type_HasNoPublicConstructor()
    {
        typeof(Cancellation).GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Should().BeEmpty("only Appointment.Cancel makes a cancellation");
    }

    // ---- CheckIn, StartSession, EndSession ------------------------------------------------------

    [Fact]
    public void CheckIn_Booked_RecordsArrivalAndAppendsCheckedInEvent()
    {
        Appointment appointment = Appointments.Booked();
        Instant arrived = Start - Duration.FromMinutes(4);

        appointment.CheckIn(arrived);

        appointment.ArrivedAt.Should().Be(arrived);
        appointment.PendingEvents[^1].Should().Be(new PatientCheckedIn(Id, 3, arrived));
    }

    [Fact]
    public void StartSession_Arrived_RecordsStartAndAppendsStartedEvent()
    {
        Appointment appointment = Appointments.Arrived();
        Instant started = Start + Duration.FromMinutes(1);

        appointment.StartSession(started);

        appointment.StartedAt.Should().Be(started);
        appointment.PendingEvents[^1].Should().Be(new SessionStarted(Id, 4, started));
    }

    [Fact]
    public void StartSession_BeforeArrival_ThrowsTimeOrder()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(3));

        Action act = () => appointment.StartSession(Start + Duration.FromMinutes(3) - OneTick);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TimeOrder);
    }

    [Fact]
    public void StartSession_BeforeArrival_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(3));
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.StartSession(Start + Duration.FromMinutes(3) - OneTick);

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.StartedAt.Should().BeNull();
    }

    [Fact]
    public void StartSession_AtArrival_Starts()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(3));

        appointment.StartSession(Start + Duration.FromMinutes(3));

        appointment.Status.Should().Be(AppointmentStatus.InSession);
    }

    [Fact]
    public void EndSession_InSession_RecordsEndAndAppendsEndedEvent()
    {
        Appointment appointment = Appointments.InSession();
        Instant ended = Start + Duration.FromMinutes(49);

        appointment.EndSession(ended);

        appointment.EndedAt.Should().Be(ended);
        appointment.PendingEvents[^1].Should().Be(new SessionEnded(Id, 5, ended));
    }

    [Fact]
    public void EndSession_BeforeStart_ThrowsTimeOrder()
    {
        Appointment appointment = Appointments.InSession(startOffset: Duration.FromMinutes(2));

        Action act = () => appointment.EndSession(Start + Duration.FromMinutes(2) - OneTick);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TimeOrder);
    }

    [Fact]
    public void EndSession_BeforeStart_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.InSession(startOffset: Duration.FromMinutes(2));
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.EndSession(Start + Duration.FromMinutes(2) - OneTick);

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.EndedAt.Should().BeNull();
    }

    // ---- MarkNoShow -----------------------------------------------------------------------------

    [Fact]
    public void MarkNoShow_ExactlyStartPlusGrace_MarksNoShowAndAppendsEvent()
    {
        Appointment appointment = Appointments.Booked();
        Instant at = Start + Duration.FromMinutes(15);

        appointment.MarkNoShow(at, Duration.FromMinutes(15));

        appointment.Status.Should().Be(AppointmentStatus.NoShow);
        appointment.NoShowMarkedAt.Should().Be(at);
        appointment.PendingEvents[^1].Should().Be(new NoShowMarked(Id, 3, at));
    }

    [Fact]
    public void MarkNoShow_OneTickBeforeStartPlusGrace_ThrowsNoShowTooEarly()
    {
        Appointment appointment = Appointments.Booked();

        Action act = () => appointment.MarkNoShow(Start + Duration.FromMinutes(15) - OneTick, Duration.FromMinutes(15));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.NoShowTooEarly);
    }

    [Fact]
    public void MarkNoShow_TooEarly_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Booked();
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.MarkNoShow(Start + Duration.FromMinutes(15) - OneTick, Duration.FromMinutes(15));

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.NoShowMarkedAt.Should().BeNull();
    }

    [Fact]
    public void MarkNoShow_NegativeGrace_ThrowsArgumentOutOfRange()
    {
        Appointment appointment = Appointments.Booked();

        Action act = () => appointment.MarkNoShow(Start + Duration.FromHours(1), -OneTick);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("grace");
    }

    [Fact]
    public void MarkNoShow_NegativeGrace_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Booked();
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.MarkNoShow(Start + Duration.FromHours(1), -OneTick);

        act.Should().Throw<ArgumentOutOfRangeException>();
        Snapshot.Of(appointment).Should().Be(before);
    }

    [Fact]
    public void MarkNoShow_ZeroGraceAtStart_MarksNoShow()
    {
        Appointment appointment = Appointments.Booked();

        appointment.MarkNoShow(Start, Duration.Zero);

        appointment.Status.Should().Be(AppointmentStatus.NoShow);
    }

    // ---- RecordTopics ---------------------------------------------------------------------------

    [Fact]
    public void RecordTopics_MinutesEqualToSessionLength_RecordsTopicsInOrder()
    {
        Appointment appointment = Appointments.Fulfilled();
        SessionTopic[] topics = [Topic("sleep", 20), Topic("grief", 30)];

        appointment.RecordTopics(topics, Start + Duration.FromHours(1));

        appointment.Topics.Should().Equal(topics);
    }

    [Fact]
    public void RecordTopics_Fulfilled_AppendsEventWithCountAndTotalMinutes()
    {
        Appointment appointment = Appointments.Fulfilled();
        Instant at = Start + Duration.FromHours(1);

        appointment.RecordTopics([Topic("sleep", 20), Topic("grief", 30)], at);

        appointment.PendingEvents[^1].Should().Be(new SessionTopicsRecorded(Id, 6, at, 2, 50));
    }

    [Fact]
    public void RecordTopics_MinutesExceedSessionLength_ThrowsTopicMinutesExceedSession()
    {
        Appointment appointment = Appointments.Fulfilled();

        Action act = () => appointment.RecordTopics([Topic("sleep", 20), Topic("grief", 31)], Start + Duration.FromHours(1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TopicMinutesExceedSession);
    }

    [Fact]
    public void RecordTopics_MinutesExceedSessionLength_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Fulfilled();
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.RecordTopics([Topic("sleep", 20), Topic("grief", 31)], Start + Duration.FromHours(1));

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.Topics.Should().BeEmpty();
    }

    [Fact]
    public void RecordTopics_MinutesSumBeyondInt32_ThrowsTopicMinutesExceedSession()
    {
        Appointment appointment = Appointments.Fulfilled();

        Action act = () => appointment.RecordTopics([Topic("sleep", int.MaxValue), Topic("grief", 1)], Start + Duration.FromHours(1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TopicMinutesExceedSession);
    }

    [Fact]
    public void RecordTopics_InSessionMinutesExceedTimeSoFar_ThrowsTopicMinutesExceedSession()
    {
        Appointment appointment = Appointments.InSession();

        Action act = () => appointment.RecordTopics([Topic("sleep", 21)], Start + Duration.FromMinutes(20));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TopicMinutesExceedSession);
    }

    [Fact]
    public void RecordTopics_InSessionMinutesEqualToTimeSoFar_RecordsTopics()
    {
        Appointment appointment = Appointments.InSession();

        appointment.RecordTopics([Topic("sleep", 20)], Start + Duration.FromMinutes(20));

        appointment.Topics.Should().ContainSingle().Which.TopicCode.Should().Be("sleep");
    }

    [Fact]
    public void RecordTopics_Again_ReplacesEarlierRecord()
    {
        Appointment appointment = Appointments.Fulfilled();
        appointment.RecordTopics([Topic("sleep", 20)], Start + Duration.FromHours(1));

        appointment.RecordTopics([Topic("grief", 10)], Start + Duration.FromHours(2));

        appointment.Topics.Should().ContainSingle().Which.TopicCode.Should().Be("grief");
    }

    [Fact]
    public void RecordTopics_EmptyList_ThrowsArgumentException()
    {
        Appointment appointment = Appointments.Fulfilled();

        Action act = () => appointment.RecordTopics([], Start + Duration.FromHours(1));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("topics");
    }

    [Fact]
    public void RecordTopics_NullItem_ThrowsArgumentNullException()
    {
        Appointment appointment = Appointments.Fulfilled();

        Action act = () => appointment.RecordTopics([Topic("sleep", 20), null!], Start + Duration.FromHours(1));

        act.Should().Throw<ArgumentNullException>();
    }

    // ---- RecordPreparation ----------------------------------------------------------------------

    [Fact]
    public void RecordPreparation_Patient_SetsPatientPreparationOnly()
    {
        Appointment appointment = Appointments.Booked();

        appointment.RecordPreparation(Party.Patient, PreparationLevel.PartlyPrepared, Start);

        appointment.PatientPreparation.Should().Be(PreparationLevel.PartlyPrepared);
        appointment.ClinicianPreparation.Should().BeNull();
    }

    [Fact]
    public void RecordPreparation_Clinician_SetsClinicianPreparationOnly()
    {
        Appointment appointment = Appointments.Booked();

        appointment.RecordPreparation(Party.Clinician, PreparationLevel.NotPrepared, Start);

        appointment.ClinicianPreparation.Should().Be(PreparationLevel.NotPrepared);
        appointment.PatientPreparation.Should().BeNull();
    }

    [Fact]
    public void RecordPreparation_Booked_AppendsPreparationRecordedEvent()
    {
        Appointment appointment = Appointments.Booked();
        Instant at = Start - Duration.FromMinutes(10);

        appointment.RecordPreparation(Party.Patient, PreparationLevel.Prepared, at);

        appointment.PendingEvents[^1].Should().Be(new PreparationRecorded(Id, 3, at, Party.Patient, PreparationLevel.Prepared));
    }

    // ---- RecordBilling --------------------------------------------------------------------------

    [Fact]
    public void RecordBilling_Fulfilled_RecordsBillingAndAppendsBilledEvent()
    {
        Appointment appointment = Appointments.Fulfilled();
        Instant at = Start + Duration.FromHours(2);

        appointment.RecordBilling(PsychotherapyCode.Cpt90836, Duration.FromMinutes(40), at);

        appointment.Billing.Should().Be(new BilledPsychotherapy(PsychotherapyCode.Cpt90836, Duration.FromMinutes(40), at));
        appointment.PendingEvents[^1].Should().Be(new PsychotherapyBilled(Id, 6, at, "90836"));
    }

    [Fact]
    public void RecordBilling_PsychotherapyTimeEqualToSession_RecordsBilling()
    {
        Appointment appointment = Appointments.Fulfilled();

        appointment.RecordBilling(PsychotherapyCode.Cpt90834, Duration.FromMinutes(50), Start + Duration.FromHours(2));

        appointment.Billing!.PsychotherapyTime.Should().Be(Duration.FromMinutes(50));
    }

    [Fact]
    public void RecordBilling_PsychotherapyTimeLongerThanSession_ThrowsTimeOrder()
    {
        Appointment appointment = Appointments.Fulfilled();

        Action act = () => appointment.RecordBilling(PsychotherapyCode.Cpt90834, Duration.FromMinutes(50) + OneTick, Start + Duration.FromHours(2));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TimeOrder);
    }

    [Fact]
    public void RecordBilling_PsychotherapyTimeLongerThanSession_LeavesAppointmentUnchanged()
    {
        Appointment appointment = Appointments.Fulfilled();
        Snapshot before = Snapshot.Of(appointment);

        Action act = () => appointment.RecordBilling(PsychotherapyCode.Cpt90834, Duration.FromMinutes(50) + OneTick, Start + Duration.FromHours(2));

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(appointment).Should().Be(before);
        appointment.Billing.Should().BeNull();
    }

    [Fact]
    public void RecordBilling_ZeroPsychotherapyTime_ThrowsArgumentOutOfRange()
    {
        Appointment appointment = Appointments.Fulfilled();

        Action act = () => appointment.RecordBilling(PsychotherapyCode.Cpt90834, Duration.Zero, Start + Duration.FromHours(2));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("psychotherapyTime");
    }

    [Fact]
    public void RecordBilling_WithoutPsychotherapyTime_RecordsNullTime()
    {
        Appointment appointment = Appointments.Fulfilled();

        appointment.RecordBilling(PsychotherapyCode.Cpt90834, null, Start + Duration.FromHours(2));

        appointment.Billing.Should().Be(new BilledPsychotherapy(PsychotherapyCode.Cpt90834, null, Start + Duration.FromHours(2)));
    }

    // ---- MarkEnteredInError ---------------------------------------------------------------------

    [Fact]
    public void MarkEnteredInError_Fulfilled_AppendsEnteredInErrorEvent()
    {
        Appointment appointment = Appointments.Fulfilled();
        Instant at = Start + Duration.FromDays(1);

        appointment.MarkEnteredInError(at);

        appointment.PendingEvents[^1].Should().Be(new AppointmentEnteredInError(Id, 6, at));
    }

    // ---- Derived values -------------------------------------------------------------------------

    [Fact]
    public void PatientLateness_ArrivedEarly_IsZero()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(-10));

        appointment.PatientLateness.Should().Be(Duration.Zero);
    }

    [Fact]
    public void PatientLateness_ArrivedLate_IsTheLateness()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(7));

        appointment.PatientLateness.Should().Be(Duration.FromMinutes(7));
    }

    [Fact]
    public void PatientLateness_NotCheckedIn_IsNull()
    {
        Appointment appointment = Appointments.Booked();

        appointment.PatientLateness.Should().BeNull();
    }

    [Fact]
    public void ClinicianStartDelay_PatientOnTime_IsStartMinusScheduledStart()
    {
        Appointment appointment = Appointments.InSession(Duration.Zero, Duration.FromMinutes(6));

        appointment.ClinicianStartDelay.Should().Be(Duration.FromMinutes(6));
    }

    [Fact]
    public void ClinicianStartDelay_PatientEarly_IsStartMinusScheduledStart()
    {
        Appointment appointment = Appointments.InSession(Duration.FromMinutes(-10), Duration.FromMinutes(4));

        appointment.ClinicianStartDelay.Should().Be(Duration.FromMinutes(4));
    }

    [Fact]
    public void ClinicianStartDelay_PatientLate_IsStartMinusArrival()
    {
        Appointment appointment = Appointments.InSession(Duration.FromMinutes(10), Duration.FromMinutes(13));

        appointment.ClinicianStartDelay.Should().Be(Duration.FromMinutes(3));
    }

    [Fact]
    public void ClinicianStartDelay_StartedEarly_IsZero()
    {
        Appointment appointment = Appointments.InSession(Duration.FromMinutes(-10), Duration.FromMinutes(-5));

        appointment.ClinicianStartDelay.Should().Be(Duration.Zero);
    }

    [Fact]
    public void ClinicianStartDelay_NotStarted_IsNull()
    {
        Appointment appointment = Appointments.Arrived();

        appointment.ClinicianStartDelay.Should().BeNull();
    }

    [Fact]
    public void Overrun_EndedAfterScheduledEnd_IsTimePastEnd()
    {
        Appointment appointment = Appointments.Fulfilled(Duration.Zero, Duration.FromMinutes(2), Duration.FromMinutes(55));

        appointment.Overrun.Should().Be(Duration.FromMinutes(7));
    }

    [Fact]
    public void Overrun_EndedBeforeScheduledEnd_IsZero()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(45));

        appointment.Overrun.Should().Be(Duration.Zero);
    }

    [Fact]
    public void Overrun_NotEnded_IsNull()
    {
        Appointment appointment = Appointments.InSession();

        appointment.Overrun.Should().BeNull();
    }

    [Fact]
    public void ActualLength_Ended_IsEndMinusStart()
    {
        Appointment appointment = Appointments.Fulfilled(Duration.Zero, Duration.FromMinutes(3), Duration.FromMinutes(47));

        appointment.ActualLength.Should().Be(Duration.FromMinutes(47));
    }

    [Fact]
    public void ActualLength_NotEnded_IsNull()
    {
        Appointment appointment = Appointments.InSession();

        appointment.ActualLength.Should().BeNull();
    }

    // ---- Events ---------------------------------------------------------------------------------

    [Fact]
    public void DequeueEvents_AfterCommands_ReturnsEventsOldestFirst()
    {
        Appointment appointment = Appointments.Arrived();

        IReadOnlyList<AppointmentEvent> events = appointment.DequeueEvents();

        events.Select(e => e.GetType()).Should().Equal(typeof(AppointmentScheduled), typeof(AppointmentConfirmed), typeof(PatientCheckedIn));
        events.Select(e => e.Version).Should().Equal(1L, 2L, 3L);
    }

    [Fact]
    public void DequeueEvents_AfterCommands_ClearsPendingEvents()
    {
        Appointment appointment = Appointments.Arrived();

        appointment.DequeueEvents();

        appointment.PendingEvents.Should().BeEmpty();
    }

    [Fact]
    public void DequeueEvents_AfterCommands_KeepsVersion()
    {
        Appointment appointment = Appointments.Arrived();

        appointment.DequeueEvents();

        appointment.Version.Should().Be(3);
    }

    [Fact]
    public void DequeueEvents_ThenCommand_NextEventContinuesVersion()
    {
        Appointment appointment = Appointments.Arrived();
        appointment.DequeueEvents();

        appointment.StartSession(Start);

        appointment.PendingEvents.Should().Equal(new SessionStarted(Id, 4, Start));
    }

    [Fact]
    public void PendingEvents_ReadBeforeMoreCommands_DoesNotGrow()
    {
        Appointment appointment = Appointments.Arrived();
        IReadOnlyList<AppointmentEvent> taken = appointment.PendingEvents;

        appointment.StartSession(Start);
        appointment.EndSession(Start + Duration.FromMinutes(50));

        taken.Select(e => e.Version).Should().Equal(1L, 2L, 3L);
        appointment.PendingEvents.Select(e => e.Version).Should().Equal(1L, 2L, 3L, 4L, 5L);
    }

    [Fact]
    public void PendingEvents_ReadBeforeDequeue_KeepsItsEvents()
    {
        Appointment appointment = Appointments.Arrived();
        IReadOnlyList<AppointmentEvent> taken = appointment.PendingEvents;

        appointment.DequeueEvents();

        taken.Should().HaveCount(3);
        appointment.PendingEvents.Should().BeEmpty();
    }

    [Fact]
    public void PendingEvents_Snapshot_IsReadOnly()
    {
        Appointment appointment = Appointments.Arrived();

        IReadOnlyList<AppointmentEvent> taken = appointment.PendingEvents;

        taken.Should().NotBeAssignableTo<List<AppointmentEvent>>().And.NotBeAssignableTo<AppointmentEvent[]>();
        ((ICollection<AppointmentEvent>)taken).IsReadOnly.Should().BeTrue();
    }

    // ---- FHIR status mapping --------------------------------------------------------------------

    [Theory]
    [InlineData(AppointmentStatus.Proposed, "proposed")]
    [InlineData(AppointmentStatus.Booked, "booked")]
    [InlineData(AppointmentStatus.Arrived, "arrived")]
    [InlineData(AppointmentStatus.InSession, "fulfilled")]
    [InlineData(AppointmentStatus.Fulfilled, "fulfilled")]
    [InlineData(AppointmentStatus.Cancelled, "cancelled")]
    [InlineData(AppointmentStatus.NoShow, "noshow")]
    [InlineData(AppointmentStatus.EnteredInError, "entered-in-error")]
    public void ToFhirAppointmentStatus_EachStatus_IsDocumentedCode(AppointmentStatus status, string expected)
    {
        status.ToFhirAppointmentStatus().Should().Be(expected);
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed, null)]
    [InlineData(AppointmentStatus.Booked, "planned")]
    [InlineData(AppointmentStatus.Arrived, "arrived")]
    [InlineData(AppointmentStatus.InSession, "in-progress")]
    [InlineData(AppointmentStatus.Fulfilled, "finished")]
    [InlineData(AppointmentStatus.Cancelled, null)]
    [InlineData(AppointmentStatus.NoShow, null)]
    [InlineData(AppointmentStatus.EnteredInError, "entered-in-error")]
    public void ToFhirEncounterStatus_EachStatus_IsDocumentedCodeOrNull(AppointmentStatus status, string? expected)
    {
        status.ToFhirEncounterStatus().Should().Be(expected);
    }

    [Fact]
    public void ToFhirAppointmentStatus_UndefinedStatus_ThrowsArgumentOutOfRange()
    {
        Action act = () => ((AppointmentStatus)99).ToFhirAppointmentStatus();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ToFhirEncounterStatus_UndefinedStatus_ThrowsArgumentOutOfRange()
    {
        Action act = () => ((AppointmentStatus)99).ToFhirEncounterStatus();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static SessionTopic Topic(string code, int minutes) => new(code, minutes, TopicSensitivity.Moderate, []);

    private static TheoryData<string, AppointmentStatus> Transitions(bool legal)
    {
        var data = new TheoryData<string, AppointmentStatus>();
        foreach (Command command in Commands.Values)
        {
            foreach (AppointmentStatus status in Enum.GetValues<AppointmentStatus>())
            {
                if (command.Legal.Contains(status) == legal)
                {
                    data.Add(command.Name, status);
                }
            }
        }

        return data;
    }

    /// <summary>A command, its event type, the status it leads to (null: unchanged) and the statuses it is legal in.</summary>
    private sealed record Command(string Name, Action<Appointment> Run, Type EventType, AppointmentStatus? Result, AppointmentStatus[] Legal);

    /// <summary>The observable state that a refused command must leave as it was.</summary>
    private sealed record Snapshot(
        AppointmentStatus Status, long Version, int PendingCount, SessionSlot Slot, int PreviousSlotCount, Instant? ArrivedAt, Instant? StartedAt,
        Instant? EndedAt, Instant? NoShowMarkedAt, Cancellation? Cancellation, int TopicCount, PreparationLevel? PatientPreparation,
        PreparationLevel? ClinicianPreparation, BilledPsychotherapy? Billing)
    {
        public static Snapshot Of(Appointment a) => new(
            a.Status, a.Version, a.PendingEvents.Count, a.Slot, a.PreviousSlots.Count, a.ArrivedAt, a.StartedAt, a.EndedAt, a.NoShowMarkedAt,
            a.Cancellation, a.Topics.Length, a.PatientPreparation, a.ClinicianPreparation, a.Billing);
    }
}
