using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Scheduling;

/// <summary>
/// Laws that hold for any sequence of commands applied to a freshly scheduled appointment: each
/// command either applies fully or throws and changes nothing, and the aggregate's facts stay
/// consistent with its history.
/// </summary>
public class AppointmentPropertyTests
{
    private const int Runs = 300;

    /// <summary>The default slot's start; command instants are minutes from here.</summary>
    private static readonly Instant Start = Appointments.Slot().Start;

    private static readonly SessionSlot[] Slots =
    [
        Appointments.Slot(),
        Appointments.Slot(new LocalDateTime(2026, 6, 10, 9, 0)),
        Appointments.Slot(length: Duration.FromMinutes(30)),
        Appointments.Slot(new LocalDateTime(2026, 6, 9, 8, 15), Duration.FromMinutes(90)),
    ];

    private static readonly AppointmentStatus[] CheckedInStatuses = [AppointmentStatus.Arrived, AppointmentStatus.InSession, AppointmentStatus.Fulfilled];

    private static readonly AppointmentStatus[] NeverCheckedInStatuses = [AppointmentStatus.Proposed, AppointmentStatus.Booked, AppointmentStatus.NoShow];

    // ---- Laws -----------------------------------------------------------------------------------

    [Property(MaxTest = Runs)]
    public Property AnyCommands_VersionEqualsOnePlusSuccessesEqualsEventCount() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Appointment a = step.Appointment;
            IReadOnlyList<AppointmentEvent> events = a.PendingEvents;
            a.Version.Should().Be(1 + step.History.Successes, "every successful command bumps the version once");
            events.Count.Should().Be((int)a.Version, "one event per change while nothing was dequeued");
            bool numbered = events.Select((e, i) => e.Version == i + 1 && e.AppointmentId == a.Id).All(ok => ok);
            numbered.Should().BeTrue("each event's version is its position and its id is the appointment's: {0}", events);
            (events[0] is AppointmentScheduled).Should().BeTrue("the first event is the scheduling: {0}", events);
            if (step.Succeeded)
            {
                events[^1].GetType().Should().Be(EventTypeOf(step.Command));
                events[^1].OccurredAt.Should().Be(step.Command.At);
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_RefusedCommandChangesNothing() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            if (!step.Succeeded)
            {
                step.After.Should().Be(step.Before, "{0} threw and must leave the appointment as it was", step.Command);
            }
            else
            {
                step.After.Version.Should().Be(step.Before.Version + 1, "no command is a silent no-op");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_TimestampsMatchStatusAndHistory() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Appointment a = step.Appointment;
            History h = step.History;

            a.ArrivedAt.Should().Be(h.ArrivedAt, "ArrivedAt is set by a successful check-in and only then");
            a.StartedAt.Should().Be(h.StartedAt);
            a.EndedAt.Should().Be(h.EndedAt);
            if (CheckedInStatuses.Contains(a.Status))
            {
                a.ArrivedAt.Should().NotBeNull("status {0} is past check-in", a.Status);
            }

            if (NeverCheckedInStatuses.Contains(a.Status))
            {
                a.ArrivedAt.Should().BeNull("status {0} is never reached after check-in", a.Status);
            }

            if (a.Status is AppointmentStatus.Cancelled or AppointmentStatus.EnteredInError)
            {
                a.ArrivedAt.HasValue.Should().Be(h.ArrivedAt.HasValue, "cancelled or entered in error after arrival keeps the arrival");
            }

            (a.StartedAt is not null).Should().Be(a.Status is AppointmentStatus.InSession or AppointmentStatus.Fulfilled
                || (a.Status == AppointmentStatus.EnteredInError && h.StartedAt is not null));
            (a.EndedAt is not null).Should().Be(a.Status == AppointmentStatus.Fulfilled
                || (a.Status == AppointmentStatus.EnteredInError && h.EndedAt is not null));
            if (a.StartedAt is { } started && a.EndedAt is { } ended)
            {
                started.Should().BeLessThanOrEqualTo(ended);
            }

            if (a.ArrivedAt is { } arrived && a.StartedAt is { } startedAfterArrival)
            {
                arrived.Should().BeLessThanOrEqualTo(startedAfterArrival);
            }

            // Cancellation and NoShowMarkedAt survive a later MarkEnteredInError, which keeps the history
            // (see MarkEnteredInError_AfterNoShow_KeepsNoShowMarkedAt).
            (a.Cancellation is not null).Should().Be(a.Status == AppointmentStatus.Cancelled
                || (a.Status == AppointmentStatus.EnteredInError && h.CancelledAt is not null));
            a.Cancellation?.At.Should().Be(h.CancelledAt!.Value);
            (a.NoShowMarkedAt is not null).Should().Be(a.Status == AppointmentStatus.NoShow
                || (a.Status == AppointmentStatus.EnteredInError && h.NoShowMarkedAt is not null));
            a.NoShowMarkedAt.Should().Be(h.NoShowMarkedAt);
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_TopicMinutesNeverExceedTheSession() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Appointment a = step.Appointment;
            if (a.Topics.IsEmpty)
            {
                return;
            }

            long total = a.Topics.Sum(t => (long)t.Minutes);
            a.StartedAt.Should().NotBeNull("topics are recorded only once the session has started");
            Duration lastedWhenRecorded = (step.History.EndedAtWhenTopicsRecorded ?? step.History.TopicsRecordedAt!.Value) - a.StartedAt!.Value;
            total.Should().BeLessThanOrEqualTo((long)lastedWhenRecorded.TotalMinutes, "topics fit the time the session had lasted when recorded");

            if (a.ActualLength is { } actual)
            {
                total.Should().BeLessThanOrEqualTo((long)actual.TotalMinutes, "topics fit the session's actual length");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_DerivedDurationsAreNeverNegative() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Appointment a = step.Appointment;
            a.PatientLateness.HasValue.Should().Be(a.ArrivedAt.HasValue);
            a.ClinicianStartDelay.HasValue.Should().Be(a.StartedAt.HasValue);
            a.Overrun.HasValue.Should().Be(a.EndedAt.HasValue);
            a.ActualLength.HasValue.Should().Be(a.EndedAt.HasValue);
            a.PatientLateness.GetValueOrDefault().Should().BeGreaterThanOrEqualTo(Duration.Zero);
            a.ClinicianStartDelay.GetValueOrDefault().Should().BeGreaterThanOrEqualTo(Duration.Zero);
            a.Overrun.GetValueOrDefault().Should().BeGreaterThanOrEqualTo(Duration.Zero);
            a.ActualLength.GetValueOrDefault().Should().BeGreaterThanOrEqualTo(Duration.Zero);
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommandsWithDequeues_EventsAcrossDequeuesAreNumberedOneToVersion() =>
        Prop.ForAll(AnyCommandsWithDequeues(), input =>
        {
            Appointment appointment = Appointments.Proposed();
            var published = new List<AppointmentEvent>();
            foreach ((Command command, bool dequeueAfter) in input)
            {
                TryRun(command, appointment);
                if (dequeueAfter)
                {
                    published.AddRange(appointment.DequeueEvents());
                    appointment.PendingEvents.Should().BeEmpty();
                }
            }

            published.AddRange(appointment.PendingEvents);
            published.Select(e => e.Version).Should().Equal(Enumerable.Range(1, (int)appointment.Version).Select(v => (long)v));
        });

    // ---- The generator reaches the interesting states -------------------------------------------

    [Fact]
    public void AnyCommands_Sample_ReachesEveryStatusAndEveryCommandSucceeds()
    {
        var statuses = new HashSet<AppointmentStatus>();
        var succeeded = new HashSet<Type>();
        foreach (Command[] commands in AnyCommands().Generator.Sample(Runs, 50))
        {
            Appointment appointment = Appointments.Proposed();
            foreach (Command command in commands)
            {
                if (TryRun(command, appointment))
                {
                    succeeded.Add(command.GetType());
                }

                statuses.Add(appointment.Status);
            }
        }

        statuses.Should().BeEquivalentTo(Enum.GetValues<AppointmentStatus>());
        succeeded.Should().HaveCount(11, "every command applies in some sampled sequence");
    }

    // ---- Library bugs and gaps the properties are restricted around ------------------------------

    [Fact]
    public void MarkEnteredInError_AfterNoShow_KeepsNoShowMarkedAt()
    {
        Appointment appointment = Appointments.InStatus(AppointmentStatus.NoShow);
        Instant? markedAt = appointment.NoShowMarkedAt;

        appointment.MarkEnteredInError(Start + Duration.FromHours(1));

        appointment.NoShowMarkedAt.Should().NotBeNull().And.Be(markedAt, "history is kept when a record is marked entered in error");
    }

    [Fact]
    public void EndSession_ShorterThanTopicsAlreadyRecorded_IsRefusedAndChangesNothing()
    {
        Appointment appointment = Appointments.InSession();
        appointment.RecordTopics([new SessionTopic("sleep", 40, TopicSensitivity.Low, [])], Start + Duration.FromMinutes(45));
        long version = appointment.Version;

        Action act = () => appointment.EndSession(Start + Duration.FromMinutes(10));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(AppointmentRuleCodes.TopicMinutesExceedSession);
        appointment.Status.Should().Be(AppointmentStatus.InSession);
        appointment.Version.Should().Be(version);
        appointment.EndSession(Start + Duration.FromMinutes(40));
        appointment.ActualLength.Should().Be(Duration.FromMinutes(40));
    }

    // ---- Commands and their generators ----------------------------------------------------------

    /// <summary>A random way into the lifecycle (possibly none), then random commands.</summary>
    private static Arbitrary<Command[]> AnyCommands() =>
        Arb.From(
            from prefix in LifecyclePrefix()
            from length in Gen.Choose(0, 40)
            from commands in AnyCommand().ArrayOf(length)
            select (Command[])[.. prefix, .. commands],
            ShrinkCommands);

    private static Arbitrary<(Command Command, bool DequeueAfter)[]> AnyCommandsWithDequeues() =>
        (from commands in AnyCommands().Generator
         from dequeues in Gen.Elements(true, false, false, false).ArrayOf(commands.Length)
         select commands.Zip(dequeues).ToArray()).ToArbitrary();

    /// <summary>
    /// The first 0 to 4 steps of the happy path (confirm, check in, start, end) with plausible, ordered
    /// instants, so that sequences often get as far as a fulfilled session before the random commands.
    /// </summary>
    private static Gen<Command[]> LifecyclePrefix() =>
        from steps in Gen.Choose(0, 4)
        from arrival in Gen.Choose(-20, 20)
        from startDelay in Gen.Choose(0, 15)
        from length in Gen.Choose(1, 70)
        select new Command[]
        {
            new ConfirmCommand(Start - Duration.FromDays(2)),
            new CheckInCommand(Start + Duration.FromMinutes(arrival)),
            new StartSessionCommand(Start + Duration.FromMinutes(arrival + startDelay)),
            new EndSessionCommand(Start + Duration.FromMinutes(arrival + startDelay + length)),
        }.Take(steps).ToArray();

    /// <summary>Shorter sequences first: without one command at a time.</summary>
    private static IEnumerable<Command[]> ShrinkCommands(Command[] commands) =>
        Enumerable.Range(0, commands.Length).Select(skip => commands.Where((_, i) => i != skip).ToArray());

    /// <summary>Minutes from the default slot's start: mostly around the session, sometimes days away.</summary>
    private static Gen<Instant> AnyInstant() =>
        Gen.Frequency(
            (4, Gen.Choose(-30, 120)),
            (1, Gen.Choose(-4 * 24 * 60, 4 * 24 * 60)))
        .Select(minutes => Start + Duration.FromMinutes(minutes));

    private static Gen<Party> AnyParty() =>
        Gen.Frequency((10, Gen.Elements(Party.Patient, Party.Clinician)), (1, Gen.Constant((Party)7)));

    private static Gen<Command> AnyCommand()
    {
        Gen<Command> confirm = AnyInstant().Select(at => (Command)new ConfirmCommand(at));
        Gen<Command> reschedule =
            from slot in Gen.Elements(Slots)
            from party in AnyParty()
            from at in AnyInstant()
            select (Command)new RescheduleCommand(slot, party, at);
        Gen<Command> cancel =
            from party in AnyParty()
            from reason in Gen.Elements("pat", "prov", "oth-weath", "not a code")
            from at in AnyInstant()
            select (Command)new CancelCommand(party, reason, at);
        Gen<Command> checkIn = AnyInstant().Select(at => (Command)new CheckInCommand(at));
        Gen<Command> start = AnyInstant().Select(at => (Command)new StartSessionCommand(at));
        Gen<Command> end = AnyInstant().Select(at => (Command)new EndSessionCommand(at));
        Gen<Command> noShow =
            from at in AnyInstant()
            from grace in Gen.Choose(-5, 30)
            select (Command)new MarkNoShowCommand(at, Duration.FromMinutes(grace));
        Gen<Command> topics =
            from count in Gen.Choose(0, 3)
            from minutes in Gen.Choose(1, 40).ArrayOf(count)
            from at in AnyInstant()
            select (Command)new RecordTopicsCommand([.. minutes], at);
        Gen<Command> preparation =
            from party in AnyParty()
            from level in Gen.Frequency(
                (10, Gen.Elements(PreparationLevel.NotPrepared, PreparationLevel.PartlyPrepared, PreparationLevel.Prepared)),
                (1, Gen.Constant((PreparationLevel)9)))
            from at in AnyInstant()
            select (Command)new RecordPreparationCommand(party, level, at);
        Gen<Command> billing =
            from code in Gen.Elements(PsychotherapyCode.All.AsEnumerable())
            from minutes in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(-5, 70).Select(m => (int?)m)))
            from at in AnyInstant()
            select (Command)new RecordBillingCommand(code, minutes is { } m ? Duration.FromMinutes(m) : null, at);
        Gen<Command> enteredInError = AnyInstant().Select(at => (Command)new MarkEnteredInErrorCommand(at));

        // Weighted towards the happy path, so that sequences get past the terminal statuses' pull.
        return Gen.Frequency(
            (4, confirm), (2, reschedule), (1, cancel), (4, checkIn), (4, start), (4, end),
            (1, noShow), (4, topics), (2, preparation), (4, billing), (1, enteredInError));
    }

    private static Type EventTypeOf(Command command) => command switch
    {
        ConfirmCommand => typeof(AppointmentConfirmed),
        RescheduleCommand => typeof(AppointmentRescheduled),
        CancelCommand => typeof(AppointmentCancelled),
        CheckInCommand => typeof(PatientCheckedIn),
        StartSessionCommand => typeof(SessionStarted),
        EndSessionCommand => typeof(SessionEnded),
        MarkNoShowCommand => typeof(NoShowMarked),
        RecordTopicsCommand => typeof(SessionTopicsRecorded),
        RecordPreparationCommand => typeof(PreparationRecorded),
        RecordBillingCommand => typeof(PsychotherapyBilled),
        MarkEnteredInErrorCommand => typeof(AppointmentEnteredInError),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command of these tests."),
    };

    /// <summary>Runs a command; true when it applied, false when it threw one of the documented exceptions.</summary>
    private static bool TryRun(Command command, Appointment appointment)
    {
        try
        {
            command.Run(appointment);
            return true;
        }
        catch (DomainRuleException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Applies the commands to a freshly scheduled appointment, checking <paramref name="law"/> after each one.</summary>
    private static void Replay(Command[] commands, Action<Step> law)
    {
        Appointment appointment = Appointments.Proposed();
        var history = new History();
        foreach (Command command in commands)
        {
            Snapshot before = Snapshot.Of(appointment);
            bool succeeded = TryRun(command, appointment);
            if (succeeded)
            {
                history.Applied(command, appointment);
            }

            law(new Step(command, succeeded, before, Snapshot.Of(appointment), appointment, history));
        }
    }

    private sealed record Step(Command Command, bool Succeeded, Snapshot Before, Snapshot After, Appointment Appointment, History History);

    /// <summary>What the successful commands so far say the appointment's facts must be.</summary>
    private sealed class History
    {
        public int Successes { get; private set; }

        public Instant? ArrivedAt { get; private set; }

        public Instant? StartedAt { get; private set; }

        public Instant? EndedAt { get; private set; }

        public Instant? CancelledAt { get; private set; }

        public Instant? NoShowMarkedAt { get; private set; }

        public Instant? TopicsRecordedAt { get; private set; }

        /// <summary>The end the session had when the current topics were recorded; null when recorded in session.</summary>
        public Instant? EndedAtWhenTopicsRecorded { get; private set; }

        public void Applied(Command command, Appointment appointment)
        {
            Successes++;
            switch (command)
            {
                case CheckInCommand:
                    ArrivedAt = command.At;
                    break;
                case StartSessionCommand:
                    StartedAt = command.At;
                    break;
                case EndSessionCommand:
                    EndedAt = command.At;
                    break;
                case CancelCommand:
                    CancelledAt = command.At;
                    break;
                case MarkNoShowCommand:
                    NoShowMarkedAt = command.At;
                    break;
                case RecordTopicsCommand:
                    TopicsRecordedAt = command.At;
                    EndedAtWhenTopicsRecorded = appointment.EndedAt;
                    break;
            }
        }
    }

    private abstract record Command(Instant At)
    {
        public abstract void Run(Appointment appointment);
    }

    private sealed record ConfirmCommand(Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.Confirm(At);
    }

    private sealed record RescheduleCommand(SessionSlot Slot, Party By, Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.Reschedule(Slot, By, At);
    }

    private sealed record CancelCommand(Party By, string ReasonCode, Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.Cancel(By, ReasonCode, At);
    }

    private sealed record CheckInCommand(Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.CheckIn(At);
    }

    private sealed record StartSessionCommand(Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.StartSession(At);
    }

    private sealed record EndSessionCommand(Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.EndSession(At);
    }

    private sealed record MarkNoShowCommand(Instant At, Duration Grace) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.MarkNoShow(At, Grace);
    }

    private sealed record RecordTopicsCommand(ImmutableArray<int> Minutes, Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) =>
            appointment.RecordTopics(Minutes.Select((m, i) => new SessionTopic($"topic-{i}", m, TopicSensitivity.Moderate, [])), At);

        public override string ToString() => $"RecordTopics([{string.Join(", ", Minutes)}], {At})";
    }

    private sealed record RecordPreparationCommand(Party By, PreparationLevel Level, Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.RecordPreparation(By, Level, At);
    }

    private sealed record RecordBillingCommand(PsychotherapyCode Code, Duration? PsychotherapyTime, Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.RecordBilling(Code, PsychotherapyTime, At);
    }

    private sealed record MarkEnteredInErrorCommand(Instant At) : Command(At)
    {
        public override void Run(Appointment appointment) => appointment.MarkEnteredInError(At);
    }

    /// <summary>The observable state that a refused command must leave as it was.</summary>
    private sealed record Snapshot(
        AppointmentStatus Status, long Version, int PendingCount, SessionSlot Slot, int PreviousSlotCount, Instant? ArrivedAt, Instant? StartedAt,
        Instant? EndedAt, Instant? NoShowMarkedAt, Cancellation? Cancellation, ImmutableArray<SessionTopic> Topics, PreparationLevel? PatientPreparation,
        PreparationLevel? ClinicianPreparation, BilledPsychotherapy? Billing)
    {
        public static Snapshot Of(Appointment a) => new(
            a.Status, a.Version, a.PendingEvents.Count, a.Slot, a.PreviousSlots.Count, a.ArrivedAt, a.StartedAt, a.EndedAt, a.NoShowMarkedAt,
            a.Cancellation, a.Topics, a.PatientPreparation, a.ClinicianPreparation, a.Billing);
    }
}
