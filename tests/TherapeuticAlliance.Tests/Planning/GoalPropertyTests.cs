using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Tests.Support;
using Snapshot = TherapeuticAlliance.Tests.Support.Goals.Snapshot;

namespace TherapeuticAlliance.Tests.Planning;

/// <summary>
/// Laws that hold for any sequence of commands applied to a freshly proposed goal (and, after a successful
/// revision, to the goal that replaced it): each command either applies fully or throws and changes
/// nothing, and the goal's facts stay consistent with its history.
/// </summary>
public class GoalPropertyTests
{
    private const int Runs = 300;

    /// <summary>The default proposal instant; command instants move on from here.</summary>
    private static readonly Instant Start = Goals.ProposedAt;

    private static readonly GoalLifecycleStatus[] AgreedStatuses =
        [GoalLifecycleStatus.Accepted, GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold, GoalLifecycleStatus.Completed];

    private static readonly GoalLifecycleStatus[] OpenStatuses =
    [
        GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted, GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold,
    ];

    private static readonly GoalAchievementStatus[] FinalAssessments =
    [
        GoalAchievementStatus.Achieved, GoalAchievementStatus.Sustaining, GoalAchievementStatus.NotAchieved, GoalAchievementStatus.NoProgress,
        GoalAchievementStatus.NotAttainable,
    ];

    /// <summary>The legal changes of <see cref="GoalLifecycleStatus"/>'s remarks, plus Accepted → Rejected from <see cref="Goal.Reject"/>'s.</summary>
    private static readonly HashSet<(GoalLifecycleStatus From, GoalLifecycleStatus To)> LegalChanges =
    [
        (GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned),
        (GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Accepted),
        (GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted),
        (GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Rejected),
        (GoalLifecycleStatus.Planned, GoalLifecycleStatus.Rejected),
        (GoalLifecycleStatus.Accepted, GoalLifecycleStatus.Rejected),
        (GoalLifecycleStatus.Accepted, GoalLifecycleStatus.Active),
        (GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold),
        (GoalLifecycleStatus.OnHold, GoalLifecycleStatus.Active),
        (GoalLifecycleStatus.Active, GoalLifecycleStatus.Completed),
        (GoalLifecycleStatus.OnHold, GoalLifecycleStatus.Completed),
        .. OpenStatuses.Select(s => (s, GoalLifecycleStatus.Cancelled)),
        .. Enum.GetValues<GoalLifecycleStatus>().Where(s => s != GoalLifecycleStatus.EnteredInError).Select(s => (s, GoalLifecycleStatus.EnteredInError)),
    ];

    // ---- Laws -----------------------------------------------------------------------------------

    [Property(MaxTest = Runs)]
    public Property AnyCommands_VersionEqualsNumberOfEventsRecorded() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Goal g = step.Goal;
            IReadOnlyList<GoalEvent> events = g.PendingEvents;
            g.Version.Should().Be(events.Count, "one version per event while nothing was dequeued");
            g.Version.Should().Be(1 + step.History.EventsFromCommands, "proposing is version 1, then each command's events");
            bool numbered = events.Select((e, i) => e.Version == i + 1 && e.GoalId == g.Id).All(ok => ok);
            numbered.Should().BeTrue("each event's version is its position and its id is the goal's: {0}", events);
            (events[0] is GoalProposed).Should().BeTrue("the first event is the proposal: {0}", events);
            if (step.Succeeded)
            {
                GoalEvent[] added = [.. events.Skip(step.Before.PendingCount)];
                added.Select(e => e.GetType()).Should().Equal(EventTypesOf(step.Command));
                added.Should().OnlyContain(e => e.OccurredAt == step.Command.At);
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_RefusedCommandChangesNothing() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            if (!step.Succeeded)
            {
                step.After.Should().Be(step.Before, "{0} threw {1} and must leave the goal as it was", step.Command, step.Refused);
                step.Revised.Should().BeNull();
            }
            else
            {
                step.After.Version.Should().Be(step.Before.Version + EventTypesOf(step.Command).Length, "no command is a silent no-op");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_StatusChangesOnlyAlongDocumentedTransitions() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            GoalLifecycleStatus from = step.Before.Status;
            if (step.Succeeded)
            {
                LegalIn(step.Command).Should().Contain(from, "{0} succeeded", step.Command);
                if (step.After.Status != from)
                {
                    LegalChanges.Should().Contain((from, step.After.Status), "{0} succeeded", step.Command);
                }
            }
            else if (step.Refused is DomainRuleException { Code: var code } && code == GoalRuleCodes.IllegalTransition)
            {
                LegalIn(step.Command).Should().NotContain(from, "{0} was refused as an illegal transition", step.Command);
            }

            StatusFromEvents(step.Goal.PendingEvents).Should().Be(step.Goal.Status, "the events tell the status");
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_AgreementIsBothAcceptances() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Goal g = step.Goal;
            g.PatientAcceptedAt.Should().Be(step.History.PatientAcceptedAt, "the patient's acceptance is the successful Accept by the patient");
            g.ClinicianAcceptedAt.Should().Be(step.History.ClinicianAcceptedAt);
            g.IsAgreed.Should().Be(g.PatientAcceptedAt is not null && g.ClinicianAcceptedAt is not null);
            if (g.IsAgreed)
            {
                g.AgreedAt.Should().Be(Max(g.PatientAcceptedAt!.Value, g.ClinicianAcceptedAt!.Value));
            }
            else
            {
                g.AgreedAt.Should().BeNull();
            }

            if (AgreedStatuses.Contains(g.Status))
            {
                g.IsAgreed.Should().BeTrue("status {0} needs both acceptances", g.Status);
            }

            if (g.Status is GoalLifecycleStatus.Proposed or GoalLifecycleStatus.Planned)
            {
                g.IsAgreed.Should().BeFalse("the second acceptance makes the goal Accepted");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_ProgressIsOrderedAndAchievementFollowsLatest() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Goal g = step.Goal;
            IReadOnlyList<ProgressUpdate> updates = g.ProgressUpdates;
            g.Achievement.Should().Be(updates.Count == 0 ? null : updates[^1].Assessed);
            updates.Select(u => u.At).Should().BeInAscendingOrder("progress updates are dated no earlier than the previous one");
            updates.Select(u => u.Id).Should().OnlyHaveUniqueItems();
            updates.Select(u => u.Id.Value).Should().Equal(step.History.ProgressIds);
            g.LatestProgressAt(Goals.FarFuture).Should().BeSameAs(updates.Count == 0 ? null : updates[^1]);
            if (g.Status == GoalLifecycleStatus.Completed)
            {
                updates.Should().NotBeEmpty();
                updates[^1].Assessed.IsFinal().Should().BeTrue("a goal is completed with a final assessment");
            }

            if (updates.Count > 0)
            {
                g.ActivatedAt.Should().NotBeNull("progress is recorded only once work has begun");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_HistoryAgreesWithStatus() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            Goal g = step.Goal;
            g.StatusAt(Goals.FarFuture).Should().Be(g.Status, "the last change is the current status");
            g.ActivatedAt.Should().Be(step.History.FirstActivatedAt, "ActivatedAt is the first successful activation");
            if (step.Succeeded && step.History.InOrder)
            {
                // Only while every change so far is dated no earlier than the one before: see StatusAt_ChangeRecordedAfterALaterDatedOne_IsLastChangeAtOrBefore.
                g.StatusAt(step.Command.At).Should().Be(g.Status, "{0} applied at that instant", step.Command);
            }

            if (g.Status is GoalLifecycleStatus.Active or GoalLifecycleStatus.OnHold or GoalLifecycleStatus.Completed)
            {
                g.ActivatedAt.Should().NotBeNull();
            }

            if (g.ReplacedBy is not null)
            {
                g.Status.Should().BeOneOf(GoalLifecycleStatus.Cancelled, GoalLifecycleStatus.EnteredInError);
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_RevisionLinksOldAndNewGoals() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            if (step.Revised is not { } revised)
            {
                return;
            }

            var command = (ReviseCommand)step.Command;
            step.Goal.Status.Should().Be(GoalLifecycleStatus.Cancelled);
            step.Goal.ReplacedBy.Should().Be(revised.Id);
            revised.Id.Should().Be(new GoalId(command.NewId)).And.NotBe(step.Goal.Id);
            revised.Replaces.Should().Be(step.Goal.Id);
            revised.Status.Should().Be(GoalLifecycleStatus.Proposed);
            revised.IsAgreed.Should().BeFalse();
            revised.PatientAcceptedAt.Should().BeNull();
            revised.ClinicianAcceptedAt.Should().BeNull();
            revised.ProgressUpdates.Should().BeEmpty();
            revised.PendingEvents.Should().Equal(new GoalProposed(revised.Id, 1, command.At, step.Goal.PatientId, command.ExpressedBy, step.Goal.Id));
        }));

    // ---- The generator reaches the interesting states -------------------------------------------

    [Fact]
    public void AnyCommands_Sample_ReachesEveryStatusEveryCommandAndEveryRefusal()
    {
        var statuses = new HashSet<GoalLifecycleStatus>();
        var succeeded = new HashSet<Type>();
        var codes = new HashSet<RuleCode>();
        int argumentRefusals = 0;
        foreach (Command[] commands in Gen.Sample(AnyCommands().Generator, Runs, new Rnd(20260601UL), Runs))
        {
            Replay(commands, step =>
            {
                statuses.Add(step.Goal.Status);
                switch (step.Refused)
                {
                    case null:
                        succeeded.Add(step.Command.GetType());
                        break;
                    case DomainRuleException e:
                        codes.Add(e.Code);
                        break;
                    default:
                        argumentRefusals++;
                        break;
                }
            });
        }

        statuses.Should().BeEquivalentTo(Enum.GetValues<GoalLifecycleStatus>());
        succeeded.Should().HaveCount(11, "every command applies in some sampled sequence");
        codes.Should().BeEquivalentTo(
            [GoalRuleCodes.IllegalTransition, GoalRuleCodes.AlreadyAccepted, GoalRuleCodes.ProgressOrder, GoalRuleCodes.FinalAssessmentRequired, GoalRuleCodes.SameId, GoalRuleCodes.TimeOrder]);
        argumentRefusals.Should().BePositive("invalid arguments are generated too");
    }

    // ---- Commands and their generators ----------------------------------------------------------

    /// <summary>A random way into the lifecycle (possibly none), then random commands, at mostly increasing instants.</summary>
    private static Arbitrary<Command[]> AnyCommands() =>
        Arb.From(
            from prefix in LifecyclePrefix()
            from length in Gen.Choose(0, 40)
            from commands in AnyCommand().ArrayOf(length)
            from steps in AnyStepMinutes().ArrayOf(prefix.Length + length)
            select Dated([.. prefix, .. commands], steps),
            ShrinkCommands);

    /// <summary>
    /// The first 0 to 6 steps of the happy path (patient and clinician accept, activate, record progress,
    /// put on hold, resume), so that sequences often get as far as work on the goal before the random commands.
    /// </summary>
    private static Gen<Command[]> LifecyclePrefix() =>
        Gen.Choose(0, 6).Select(steps => new Command[]
        {
            new AcceptCommand(Party.Patient, Start),
            new AcceptCommand(Party.Clinician, Start),
            new ActivateCommand(Start),
            new RecordProgressCommand("u-p", Party.Patient, GoalAchievementStatus.Improving, Start),
            new PutOnHoldCommand(Start),
            new ResumeCommand(Start),
        }.Take(steps).ToArray());

    /// <summary>Minutes from one command to the next: mostly forward by up to three days, sometimes the same instant, rarely backwards.</summary>
    private static Gen<int> AnyStepMinutes() =>
        Gen.Frequency(
            (12, Gen.Choose(1, 3 * 24 * 60)),
            (2, Gen.Constant(0)),
            (1, Gen.Choose(-3 * 24 * 60, -1)));

    /// <summary>Dates the commands: each one the given number of minutes after the one before, starting at the proposal.</summary>
    private static Command[] Dated(Command[] commands, int[] steps)
    {
        Instant at = Start;
        var dated = new Command[commands.Length];
        for (int i = 0; i < commands.Length; i++)
        {
            at += Duration.FromMinutes(steps[i]);
            dated[i] = commands[i] with { At = at };
        }

        return dated;
    }

    /// <summary>Shorter sequences first: without one command at a time (the others keep their instants).</summary>
    private static IEnumerable<Command[]> ShrinkCommands(Command[] commands) =>
        Enumerable.Range(0, commands.Length).Select(skip => commands.Where((_, i) => i != skip).ToArray());

    private static Gen<Party> AnyParty() =>
        Gen.Frequency((10, Gen.Elements(Party.Patient, Party.Clinician)), (1, Gen.Constant((Party)7)));

    private static Gen<string> AnyReason() =>
        Gen.Frequency((6, Gen.Elements("not-relevant", "moved-away", "patient-request")), (1, Gen.Constant("not a code")));

    private static Gen<string> AnyUpdateId() => Gen.Choose(0, 11).Select(i => $"u-{i}");

    private static Gen<GoalAchievementStatus> AnyAssessment() =>
        Gen.Frequency((20, Gen.Elements(Enum.GetValues<GoalAchievementStatus>())), (1, Gen.Constant((GoalAchievementStatus)42)));

    private static Gen<Command> AnyCommand()
    {
        Gen<Command> plan = Gen.Constant((Command)new PlanCommand(Start));
        Gen<Command> accept = AnyParty().Select(party => (Command)new AcceptCommand(party, Start));
        Gen<Command> reject =
            from party in AnyParty()
            from reason in AnyReason()
            select (Command)new RejectCommand(party, reason, Start);
        Gen<Command> activate = Gen.Constant((Command)new ActivateCommand(Start));
        Gen<Command> hold = Gen.Constant((Command)new PutOnHoldCommand(Start));
        Gen<Command> resume = Gen.Constant((Command)new ResumeCommand(Start));
        Gen<Command> progress =
            from id in AnyUpdateId()
            from party in AnyParty()
            from assessed in AnyAssessment()
            select (Command)new RecordProgressCommand(id, party, assessed, Start);
        Gen<Command> complete =
            from id in AnyUpdateId()
            from party in AnyParty()
            from assessed in Gen.Frequency((3, Gen.Elements(FinalAssessments)), (1, AnyAssessment()))
            select (Command)new CompleteCommand(id, party, assessed, Start);
        Gen<Command> cancel =
            from party in AnyParty()
            from reason in AnyReason()
            select (Command)new CancelCommand(party, reason, Start);
        Gen<Command> revise =
            from newId in Gen.Elements("g-1", "g-2", "g-3")
            from party in AnyParty()
            from expressedBy in Gen.Frequency(
                (10, Gen.Elements(GoalExpressedBy.Patient, GoalExpressedBy.Clinician, GoalExpressedBy.Both)), (1, Gen.Constant((GoalExpressedBy)9)))
            from statement in Gen.Frequency((8, Gen.Constant(StatementKind.Valid)), (1, Gen.Constant(StatementKind.Blank)), (1, Gen.Constant(StatementKind.TooLong)))
            select (Command)new ReviseCommand(newId, party, expressedBy, statement, Start);
        Gen<Command> enteredInError = Gen.Constant((Command)new MarkEnteredInErrorCommand(Start));

        // Weighted towards the way forward, so that sequences get past the closing statuses' pull.
        return Gen.Frequency(
            (2, plan), (6, accept), (1, reject), (4, activate), (2, hold), (2, resume), (6, progress), (3, complete), (1, cancel), (1, revise),
            (1, enteredInError));
    }

    private static Type[] EventTypesOf(Command command) => command switch
    {
        PlanCommand or ActivateCommand or PutOnHoldCommand or ResumeCommand or MarkEnteredInErrorCommand => [typeof(GoalStatusChanged)],
        AcceptCommand => [typeof(GoalAccepted)],
        RejectCommand or CancelCommand => [typeof(GoalClosed)],
        RecordProgressCommand => [typeof(GoalProgressRecorded)],
        CompleteCommand => [typeof(GoalProgressRecorded), typeof(GoalStatusChanged)],
        ReviseCommand => [typeof(GoalReplaced)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command of these tests."),
    };

    /// <summary>The statuses a command may apply in, from the commands' documentation.</summary>
    private static GoalLifecycleStatus[] LegalIn(Command command) => command switch
    {
        PlanCommand => [GoalLifecycleStatus.Proposed],
        AcceptCommand => [GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned],
        RejectCommand => [GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted],
        ActivateCommand => [GoalLifecycleStatus.Accepted],
        PutOnHoldCommand => [GoalLifecycleStatus.Active],
        ResumeCommand => [GoalLifecycleStatus.OnHold],
        RecordProgressCommand or CompleteCommand => [GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold],
        CancelCommand or ReviseCommand => OpenStatuses,
        MarkEnteredInErrorCommand => [.. Enum.GetValues<GoalLifecycleStatus>().Where(s => s != GoalLifecycleStatus.EnteredInError)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command of these tests."),
    };

    /// <summary>The status the events say the goal is in: the last status-changing event's.</summary>
    private static GoalLifecycleStatus StatusFromEvents(IEnumerable<GoalEvent> events) =>
        events.Aggregate(GoalLifecycleStatus.Proposed, (status, e) => e switch
        {
            GoalStatusChanged changed => changed.Status,
            GoalAccepted { Agreed: true } => GoalLifecycleStatus.Accepted,
            GoalClosed closed => closed.Status,
            GoalReplaced => GoalLifecycleStatus.Cancelled,
            _ => status,
        });

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    /// <summary>Applies the commands to a freshly proposed goal, checking <paramref name="law"/> after each one; a successful revision hands over to the new goal.</summary>
    private static void Replay(Command[] commands, Action<Step> law)
    {
        Goal goal = Goals.Proposed();
        var history = new History(Goals.ProposedAt);
        Instant[] probes = [Start - Duration.FromTicks(1), .. commands.Select(c => c.At).Distinct(), Goals.FarFuture];
        foreach (Command command in commands)
        {
            Snapshot before = Snapshot.Of(goal, probes);
            Goal? revised = null;
            Exception? refused = null;
            try
            {
                revised = command.Run(goal);
            }
            catch (DomainRuleException e)
            {
                refused = e;
            }
            catch (ArgumentException e)
            {
                refused = e;
            }

            if (refused is null)
            {
                history.Applied(command);
            }

            law(new Step(command, refused, before, Snapshot.Of(goal, probes), goal, revised, history));
            if (revised is not null)
            {
                goal = revised;
                history = new History(command.At);
            }
        }
    }

    private sealed record Step(Command Command, Exception? Refused, Snapshot Before, Snapshot After, Goal Goal, Goal? Revised, History History)
    {
        public bool Succeeded => Refused is null;
    }

    /// <summary>What the successful commands so far say the goal's facts must be.</summary>
    private sealed class History(Instant proposedAt)
    {
        private readonly List<string> _progressIds = [];

        private Instant _latestAt = proposedAt;

        /// <summary>Whether every successful command so far (and the proposal) was dated no earlier than the one before.</summary>
        public bool InOrder { get; private set; } = true;

        public int EventsFromCommands { get; private set; }

        public Instant? PatientAcceptedAt { get; private set; }

        public Instant? ClinicianAcceptedAt { get; private set; }

        public Instant? FirstActivatedAt { get; private set; }

        public IReadOnlyList<string> ProgressIds => _progressIds;

        public void Applied(Command command)
        {
            EventsFromCommands += EventTypesOf(command).Length;
            InOrder &= command.At >= _latestAt;
            _latestAt = Max(_latestAt, command.At);
            switch (command)
            {
                case AcceptCommand { By: Party.Patient }:
                    PatientAcceptedAt = command.At;
                    break;
                case AcceptCommand:
                    ClinicianAcceptedAt = command.At;
                    break;
                case ActivateCommand:
                    FirstActivatedAt ??= command.At;
                    break;
                case RecordProgressCommand progress:
                    _progressIds.Add(progress.UpdateId);
                    break;
                case CompleteCommand final:
                    _progressIds.Add(final.UpdateId);
                    break;
            }
        }
    }

    private enum StatementKind
    {
        Valid,
        Blank,
        TooLong,
    }

    private abstract record Command(Instant At)
    {
        /// <summary>Runs the command; returns the new goal of a revision, else null.</summary>
        public abstract Goal? Run(Goal goal);
    }

    private sealed record PlanCommand(Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Plan(At);
            return null;
        }
    }

    private sealed record AcceptCommand(Party By, Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Accept(By, At);
            return null;
        }
    }

    private sealed record RejectCommand(Party By, string ReasonCode, Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Reject(By, ReasonCode, At);
            return null;
        }
    }

    private sealed record ActivateCommand(Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Activate(At);
            return null;
        }
    }

    private sealed record PutOnHoldCommand(Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.PutOnHold(At);
            return null;
        }
    }

    private sealed record ResumeCommand(Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Resume(At);
            return null;
        }
    }

    private sealed record RecordProgressCommand(string UpdateId, Party By, GoalAchievementStatus Assessed, Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.RecordProgress(new ProgressUpdate(new ProgressUpdateId(UpdateId), At, By, Assessed, "walking helps", "night shifts"));
            return null;
        }
    }

    private sealed record CompleteCommand(string UpdateId, Party By, GoalAchievementStatus Assessed, Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Complete(new ProgressUpdate(new ProgressUpdateId(UpdateId), At, By, Assessed, measureValue: 7m));
            return null;
        }
    }

    private sealed record CancelCommand(Party By, string ReasonCode, Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.Cancel(By, ReasonCode, At);
            return null;
        }
    }

    private sealed record ReviseCommand(string NewId, Party By, GoalExpressedBy ExpressedBy, StatementKind Statement, Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal) => goal.Revise(
            new GoalId(NewId), By, ExpressedBy,
            Statement switch
            {
                StatementKind.Valid => Goals.RevisedStatement,
                StatementKind.Blank => " \t ",
                _ => new string('x', Goal.MaximumStatementLength + 1),
            },
            [Goals.Phq9BelowTen()], At);
    }

    private sealed record MarkEnteredInErrorCommand(Instant At) : Command(At)
    {
        public override Goal? Run(Goal goal)
        {
            goal.MarkEnteredInError(At);
            return null;
        }
    }
}
