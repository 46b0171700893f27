using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Tests.Support;
using Snapshot = TherapeuticAlliance.Tests.Support.Goals.Snapshot;

namespace TherapeuticAlliance.Tests.Planning;

public class GoalTests
{
    private const string Canary = "CANARY Jane Doe said she felt hopeless";

    private const string CanaryWorks = "CANARY walking with her sister Mary helps";

    private const string CanaryDoesNot = "CANARY the night shifts at the plant";

    private static readonly GoalId Id = Goals.Id;

    private static readonly GoalId NewId = new("g-2");

    private static readonly Instant Later = Goals.Later;

    private static readonly Duration OneTick = Duration.FromTicks(1);

    private static readonly GoalLifecycleStatus[] OpenStatuses =
    [
        GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted, GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold,
    ];

    /// <summary>
    /// Every command, called with arguments that are valid for each of its legal statuses (on a goal from
    /// <see cref="Goals.InStatus"/>), dated <see cref="Goals.Later"/> (after every built goal's history), so that
    /// only the status can make it fail. <see cref="Command.Events"/> gives the events it must append, from the version before.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Command> Commands = new Command[]
    {
        new("Plan", g => g.Plan(Later),
            v => [new GoalStatusChanged(Id, v + 1, Later, GoalLifecycleStatus.Planned)], GoalLifecycleStatus.Planned,
            [GoalLifecycleStatus.Proposed]),
        new("AcceptByPatient", g => g.Accept(Party.Patient, Later),
            v => [new GoalAccepted(Id, v + 1, Later, Party.Patient, Agreed: false)], null,
            [GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned]),
        new("AcceptByClinician", g => g.Accept(Party.Clinician, Later),
            v => [new GoalAccepted(Id, v + 1, Later, Party.Clinician, Agreed: false)], null,
            [GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned]),
        new("Reject", g => g.Reject(Party.Patient, "not-relevant", Later),
            v => [new GoalClosed(Id, v + 1, Later, GoalLifecycleStatus.Rejected, Party.Patient, "not-relevant")], GoalLifecycleStatus.Rejected,
            [GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted]),
        new("Activate", g => g.Activate(Later),
            v => [new GoalStatusChanged(Id, v + 1, Later, GoalLifecycleStatus.Active)], GoalLifecycleStatus.Active,
            [GoalLifecycleStatus.Accepted]),
        new("PutOnHold", g => g.PutOnHold(Later),
            v => [new GoalStatusChanged(Id, v + 1, Later, GoalLifecycleStatus.OnHold)], GoalLifecycleStatus.OnHold,
            [GoalLifecycleStatus.Active]),
        new("Resume", g => g.Resume(Later),
            v => [new GoalStatusChanged(Id, v + 1, Later, GoalLifecycleStatus.Active)], GoalLifecycleStatus.Active,
            [GoalLifecycleStatus.OnHold]),
        new("RecordProgress", g => g.RecordProgress(Goals.Update("u-table", Later, GoalAchievementStatus.Improving, Party.Patient)),
            v => [new GoalProgressRecorded(Id, v + 1, Later, new ProgressUpdateId("u-table"), Party.Patient, GoalAchievementStatus.Improving)], null,
            [GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold]),
        new("Complete", g => g.Complete(Goals.Update("u-table", Later, GoalAchievementStatus.Sustaining)),
            v =>
            [
                new GoalProgressRecorded(Id, v + 1, Later, new ProgressUpdateId("u-table"), Party.Clinician, GoalAchievementStatus.Sustaining),
                new GoalStatusChanged(Id, v + 2, Later, GoalLifecycleStatus.Completed),
            ],
            GoalLifecycleStatus.Completed,
            [GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold]),
        new("Cancel", g => g.Cancel(Party.Clinician, "no-longer-relevant", Later),
            v => [new GoalClosed(Id, v + 1, Later, GoalLifecycleStatus.Cancelled, Party.Clinician, "no-longer-relevant")], GoalLifecycleStatus.Cancelled,
            OpenStatuses),
        new("Revise", g => g.Revise(NewId, Party.Clinician, GoalExpressedBy.Both, Goals.RevisedStatement, [Goals.Phq9BelowTen()], Later),
            v => [new GoalReplaced(Id, v + 1, Later, Party.Clinician, NewId)], GoalLifecycleStatus.Cancelled,
            OpenStatuses),
        new("MarkEnteredInError", g => g.MarkEnteredInError(Later),
            v => [new GoalStatusChanged(Id, v + 1, Later, GoalLifecycleStatus.EnteredInError)], GoalLifecycleStatus.EnteredInError,
            [.. Enum.GetValues<GoalLifecycleStatus>().Where(s => s != GoalLifecycleStatus.EnteredInError)]),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string, GoalLifecycleStatus> LegalTransitions => Transitions(legal: true);

    public static TheoryData<string, GoalLifecycleStatus> IllegalTransitions => Transitions(legal: false);

    public static TheoryData<GoalLifecycleStatus> AllStatuses => new(Enum.GetValues<GoalLifecycleStatus>());

    public static TheoryData<GoalAchievementStatus> FinalAssessments => new(Enum.GetValues<GoalAchievementStatus>().Where(IsFinalPerDocs));

    public static TheoryData<GoalAchievementStatus> NonFinalAssessments => new(Enum.GetValues<GoalAchievementStatus>().Where(s => !IsFinalPerDocs(s)));

    // ---- The transition table -------------------------------------------------------------------

    [Fact]
    public void TransitionTable_EveryCommandAndStatus_IsEitherLegalOrIllegal()
    {
        int statuses = Enum.GetValues<GoalLifecycleStatus>().Length;

        (LegalTransitions.Count + IllegalTransitions.Count).Should().Be(Commands.Count * statuses);
        Commands.Should().HaveCount(12);
        statuses.Should().Be(9);
        LegalTransitions.Count.Should().Be(33, "the legal changes of GoalLifecycleStatus' remarks, counted by hand");
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void InStatus_AnyStatus_ProducesGoalInThatStatus(GoalLifecycleStatus status)
    {
        Goal goal = Goals.InStatus(status);

        goal.Status.Should().Be(status);
        goal.Id.Should().Be(Id);
        goal.PendingEvents.Should().HaveCount((int)goal.Version);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_MovesToDocumentedStatus(string command, GoalLifecycleStatus source)
    {
        Command spec = Commands[command];
        Goal goal = Goals.InStatus(source);

        spec.Run(goal);

        goal.Status.Should().Be(spec.Result ?? source);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_IncrementsVersionOncePerEvent(string command, GoalLifecycleStatus source)
    {
        Command spec = Commands[command];
        Goal goal = Goals.InStatus(source);
        long before = goal.Version;

        spec.Run(goal);

        // One event and one version for every command but Complete, which records the final assessment and then the status change.
        goal.Version.Should().Be(before + spec.Events(before).Length);
        goal.Version.Should().Be(before + (command == "Complete" ? 2 : 1));
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_AppendsItsEventsWithTheirFields(string command, GoalLifecycleStatus source)
    {
        Command spec = Commands[command];
        Goal goal = Goals.InStatus(source);
        GoalEvent[] before = [.. goal.PendingEvents];

        spec.Run(goal);

        goal.PendingEvents.Take(before.Length).Should().Equal(before);
        goal.PendingEvents.Skip(before.Length).Should().Equal(spec.Events(before.Length));
        goal.PendingEvents[^1].Version.Should().Be(goal.Version);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Command_LegalSourceStatus_StatusAtCommandInstantIsNewStatus(string command, GoalLifecycleStatus source)
    {
        Command spec = Commands[command];
        Goal goal = Goals.InStatus(source);

        spec.Run(goal);

        goal.StatusAt(Later).Should().Be(goal.Status);
        goal.StatusAt(Later - OneTick).Should().Be(source);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_ThrowsIllegalTransition(string command, GoalLifecycleStatus source)
    {
        Goal goal = Goals.InStatus(source);

        Action act = () => Commands[command].Run(goal);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.IllegalTransition);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalSourceStatus_LeavesGoalUnchanged(string command, GoalLifecycleStatus source)
    {
        Goal goal = Goals.InStatus(source);
        Snapshot before = Snapshot.Of(goal);

        Action act = () => Commands[command].Run(goal);

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    // ---- Propose --------------------------------------------------------------------------------

    [Fact]
    public void Propose_ValidArguments_IsProposedVersionOneWithProposedEvent()
    {
        GoalTarget target = Goals.Phq9BelowTen();

        Goal goal = Goal.Propose(Id, Goals.Patient, Goals.Clinician, GoalExpressedBy.Both, Goals.Statement, [target], Goals.ProposedAt);

        goal.Status.Should().Be(GoalLifecycleStatus.Proposed);
        goal.Version.Should().Be(1);
        goal.PendingEvents.Should().Equal(new GoalProposed(Id, 1, Goals.ProposedAt, Goals.Patient, GoalExpressedBy.Both, null));
        goal.PatientId.Should().Be(Goals.Patient);
        goal.ClinicianId.Should().Be(Goals.Clinician);
        goal.ExpressedBy.Should().Be(GoalExpressedBy.Both);
        goal.Statement.Should().Be(Goals.Statement);
        goal.Targets.Should().Equal(target);
        goal.Replaces.Should().BeNull();
        goal.ReplacedBy.Should().BeNull();
    }

    [Fact]
    public void Propose_ValidArguments_HasNoAcceptancesProgressOrActivation()
    {
        Goal goal = Goals.Proposed();

        goal.PatientAcceptedAt.Should().BeNull();
        goal.ClinicianAcceptedAt.Should().BeNull();
        goal.IsAgreed.Should().BeFalse();
        goal.AgreedAt.Should().BeNull();
        goal.Achievement.Should().BeNull();
        goal.ProgressUpdates.Should().BeEmpty();
        goal.ActivatedAt.Should().BeNull();
    }

    [Fact]
    public void Propose_NoTargets_HasEmptyTargets()
    {
        Goal goal = Goals.Proposed(targets: []);

        goal.Targets.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public void Propose_BlankStatement_ThrowsArgumentException(string statement)
    {
        Action act = () => Goals.Proposed(statement: statement);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Propose_NullStatement_ThrowsArgumentException()
    {
        Action act = () => Goals.Proposed(statement: null!);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Propose_StatementOneOverMaximum_ThrowsArgumentExceptionWithoutEchoingIt()
    {
        string statement = Canary + new string('x', Goal.MaximumStatementLength + 1 - Canary.Length);

        Action act = () => Goals.Proposed(statement: statement);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().NotContain("CANARY").And.NotContain("Jane").And.NotContain("xxxx");
    }

    [Fact]
    public void Propose_StatementOfMaximumLength_IsAccepted()
    {
        string statement = new('x', Goal.MaximumStatementLength);

        Goal goal = Goals.Proposed(statement: statement);

        goal.Statement.Should().Be(statement);
        Goal.MaximumStatementLength.Should().Be(4_000);
    }

    [Fact]
    public void Propose_DefaultId_ThrowsArgumentException()
    {
        Action act = () => Goal.Propose(default, Goals.Patient, Goals.Clinician, GoalExpressedBy.Patient, Goals.Statement, [], Goals.ProposedAt);

        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Propose_DefaultPatientOrClinician_ThrowsArgumentException()
    {
        Action noPatient = () => Goal.Propose(Id, default, Goals.Clinician, GoalExpressedBy.Patient, Goals.Statement, [], Goals.ProposedAt);
        Action noClinician = () => Goal.Propose(Id, Goals.Patient, default, GoalExpressedBy.Patient, Goals.Statement, [], Goals.ProposedAt);

        noPatient.Should().ThrowExactly<ArgumentException>();
        noClinician.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Propose_UndefinedExpressedBy_ThrowsArgumentOutOfRange()
    {
        Action act = () => Goals.Proposed(expressedBy: (GoalExpressedBy)9);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Propose_NullTargetItem_ThrowsArgumentNullException()
    {
        Action act = () => Goals.Proposed(targets: [Goals.Phq9BelowTen(), null!]);

        act.Should().Throw<ArgumentNullException>().WithParameterName("targets");
    }

    [Fact]
    public void Propose_NullTargets_ThrowsArgumentNullException()
    {
        Action act = () => Goal.Propose(Id, Goals.Patient, Goals.Clinician, GoalExpressedBy.Patient, Goals.Statement, null!, Goals.ProposedAt);

        act.Should().Throw<ArgumentNullException>();
    }

    // ---- Plan -----------------------------------------------------------------------------------

    [Fact]
    public void Plan_Proposed_IsPlannedAndAppendsStatusChangedEvent()
    {
        Goal goal = Goals.Proposed();

        goal.Plan(Goals.PlannedAt);

        goal.Status.Should().Be(GoalLifecycleStatus.Planned);
        goal.PendingEvents[^1].Should().Be(new GoalStatusChanged(Id, 2, Goals.PlannedAt, GoalLifecycleStatus.Planned));
    }

    // ---- Accept ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(GoalLifecycleStatus.Proposed, Party.Patient)]
    [InlineData(GoalLifecycleStatus.Proposed, Party.Clinician)]
    [InlineData(GoalLifecycleStatus.Planned, Party.Patient)]
    [InlineData(GoalLifecycleStatus.Planned, Party.Clinician)]
    public void Accept_OneParty_RecordsItsAcceptanceOnlyAndIsNotAgreed(GoalLifecycleStatus source, Party by)
    {
        Goal goal = Goals.InStatus(source);

        goal.Accept(by, Later);

        goal.PatientAcceptedAt.Should().Be(by == Party.Patient ? Later : null);
        goal.ClinicianAcceptedAt.Should().Be(by == Party.Clinician ? Later : null);
        goal.IsAgreed.Should().BeFalse();
        goal.AgreedAt.Should().BeNull();
        goal.Status.Should().Be(source);
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Proposed, Party.Patient)]
    [InlineData(GoalLifecycleStatus.Proposed, Party.Clinician)]
    [InlineData(GoalLifecycleStatus.Planned, Party.Patient)]
    [InlineData(GoalLifecycleStatus.Planned, Party.Clinician)]
    public void Accept_SecondPartyAfterFirst_IsAcceptedAndAgreedAtLaterAcceptance(GoalLifecycleStatus source, Party first)
    {
        Goal goal = Goals.InStatus(source);
        Party second = Other(first);
        Instant firstAt = Later;
        Instant secondAt = Later + Duration.FromHours(5);
        goal.Accept(first, firstAt);

        goal.Accept(second, secondAt);

        goal.Status.Should().Be(GoalLifecycleStatus.Accepted);
        goal.IsAgreed.Should().BeTrue();
        goal.AgreedAt.Should().Be(secondAt);
        (first == Party.Patient ? goal.PatientAcceptedAt : goal.ClinicianAcceptedAt).Should().Be(firstAt);
        (second == Party.Patient ? goal.PatientAcceptedAt : goal.ClinicianAcceptedAt).Should().Be(secondAt);
    }

    [Fact]
    public void Accept_BothParties_AppendsNotAgreedThenAgreedEvents()
    {
        Goal goal = Goals.Proposed();

        goal.Accept(Party.Clinician, Goals.PatientAcceptedAt);
        goal.Accept(Party.Patient, Goals.ClinicianAcceptedAt);

        goal.PendingEvents.Skip(1).Should().Equal(
            new GoalAccepted(Id, 2, Goals.PatientAcceptedAt, Party.Clinician, false),
            new GoalAccepted(Id, 3, Goals.ClinicianAcceptedAt, Party.Patient, true));
        goal.Version.Should().Be(3);
    }

    [Fact]
    public void Accept_SecondAcceptanceDatedBeforeFirst_IsRefusedWithTimeOrder()
    {
        Goal goal = Goals.Proposed();
        goal.Accept(Party.Patient, Goals.ClinicianAcceptedAt);

        Action act = () => goal.Accept(Party.Clinician, Goals.PatientAcceptedAt);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.TimeOrder);
        goal.IsAgreed.Should().BeFalse();
    }

    [Fact]
    public void Accept_SameInstantByBoth_AgreedAtIsThatInstant()
    {
        Goal goal = Goals.Proposed();
        goal.Accept(Party.Patient, Later);

        goal.Accept(Party.Clinician, Later);

        goal.AgreedAt.Should().Be(Later);
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Proposed, Party.Patient)]
    [InlineData(GoalLifecycleStatus.Proposed, Party.Clinician)]
    [InlineData(GoalLifecycleStatus.Planned, Party.Patient)]
    [InlineData(GoalLifecycleStatus.Planned, Party.Clinician)]
    public void Accept_SamePartyTwice_ThrowsAlreadyAccepted(GoalLifecycleStatus source, Party by)
    {
        Goal goal = Goals.InStatus(source);
        goal.Accept(by, Later);

        Action act = () => goal.Accept(by, Later + Duration.FromHours(1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.AlreadyAccepted);
    }

    [Theory]
    [InlineData(Party.Patient)]
    [InlineData(Party.Clinician)]
    public void Accept_SamePartyTwice_LeavesGoalUnchanged(Party by)
    {
        Goal goal = Goals.AcceptedOnlyBy(by);
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Accept(by, Later);

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(goal).Should().Be(before);
        (by == Party.Patient ? goal.PatientAcceptedAt : goal.ClinicianAcceptedAt).Should().Be(Goals.PatientAcceptedAt, "the first acceptance is kept");
    }

    [Fact]
    public void Accept_UndefinedParty_ThrowsArgumentOutOfRangeAndChangesNothing()
    {
        Goal goal = Goals.Proposed();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Accept((Party)7, Later);

        act.Should().Throw<ArgumentOutOfRangeException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    // ---- Reject and Cancel ----------------------------------------------------------------------

    [Fact]
    public void Reject_OneAcceptance_IsRejectedAndKeepsTheAcceptance()
    {
        Goal goal = Goals.AcceptedOnlyBy(Party.Clinician);

        goal.Reject(Party.Patient, "not-relevant", Later);

        goal.Status.Should().Be(GoalLifecycleStatus.Rejected);
        goal.ClinicianAcceptedAt.Should().Be(Goals.PatientAcceptedAt);
        goal.PendingEvents[^1].Should().Be(new GoalClosed(Id, 3, Later, GoalLifecycleStatus.Rejected, Party.Patient, "not-relevant"));
    }

    [Theory]
    [InlineData("not a code")]
    [InlineData("")]
    [InlineData(Canary)]
    public void Reject_ReasonNotACode_ThrowsArgumentExceptionAndChangesNothing(string reason)
    {
        Goal goal = Goals.Proposed();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Reject(Party.Patient, reason, Later);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().NotContain("CANARY");
        Snapshot.Of(goal).Should().Be(before);
    }

    [Theory]
    [InlineData("not a code")]
    [InlineData("")]
    [InlineData(Canary)]
    public void Cancel_ReasonNotACode_ThrowsArgumentExceptionAndChangesNothing(string reason)
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Cancel(Party.Clinician, reason, Later);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().NotContain("CANARY");
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Reject_UndefinedParty_ThrowsArgumentOutOfRangeAndChangesNothing()
    {
        Goal goal = Goals.Proposed();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Reject((Party)7, "not-relevant", Later);

        act.Should().Throw<ArgumentOutOfRangeException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Cancel_UndefinedParty_ThrowsArgumentOutOfRangeAndChangesNothing()
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Cancel((Party)7, "no-longer-relevant", Later);

        act.Should().Throw<ArgumentOutOfRangeException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Cancel_OnHold_KeepsAcceptancesProgressAndActivation()
    {
        Goal goal = Goals.OnHold();

        goal.Cancel(Party.Patient, "moved-away", Later);

        goal.Status.Should().Be(GoalLifecycleStatus.Cancelled);
        goal.IsAgreed.Should().BeTrue();
        goal.ActivatedAt.Should().Be(Goals.ActivatedAt);
        goal.ProgressUpdates.Should().ContainSingle().Which.Id.Should().Be(new ProgressUpdateId("u-1"));
        goal.Achievement.Should().Be(GoalAchievementStatus.Improving);
        goal.ReplacedBy.Should().BeNull();
    }

    // ---- Activate, PutOnHold, Resume ------------------------------------------------------------

    [Fact]
    public void ActivatedAt_BeforeActivation_IsNull()
    {
        Goal goal = Goals.Agreed();

        goal.ActivatedAt.Should().BeNull();
    }

    [Fact]
    public void ActivatedAt_Activated_IsActivationInstant()
    {
        Goal goal = Goals.Agreed();

        goal.Activate(Goals.ActivatedAt);

        goal.ActivatedAt.Should().Be(Goals.ActivatedAt);
    }

    [Fact]
    public void ActivatedAt_AfterHoldAndResume_IsFirstActivation()
    {
        Goal goal = Goals.OnHold();

        goal.Resume(Later);

        goal.Status.Should().Be(GoalLifecycleStatus.Active);
        goal.ActivatedAt.Should().Be(Goals.ActivatedAt);
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Completed)]
    [InlineData(GoalLifecycleStatus.Cancelled)]
    [InlineData(GoalLifecycleStatus.EnteredInError)]
    public void ActivatedAt_ClosedAfterActivation_IsKept(GoalLifecycleStatus status)
    {
        Goal goal = Goals.InStatus(status);

        goal.ActivatedAt.Should().Be(Goals.ActivatedAt);
    }

    [Theory]
    [InlineData(GoalLifecycleStatus.Rejected)]
    [InlineData(GoalLifecycleStatus.Planned)]
    public void ActivatedAt_NeverActivated_IsNull(GoalLifecycleStatus status)
    {
        Goal goal = Goals.InStatus(status);

        goal.ActivatedAt.Should().BeNull();
    }

    [Fact]
    public void PutOnHoldThenResume_Active_AppendsTwoStatusChangedEvents()
    {
        Goal goal = Goals.Active();
        Instant held = Later;
        Instant resumed = Later + Duration.FromDays(7);

        goal.PutOnHold(held);
        goal.Resume(resumed);

        goal.PendingEvents.Skip(4).Should().Equal(
            new GoalStatusChanged(Id, 5, held, GoalLifecycleStatus.OnHold),
            new GoalStatusChanged(Id, 6, resumed, GoalLifecycleStatus.Active));
    }

    // ---- RecordProgress -------------------------------------------------------------------------

    [Fact]
    public void RecordProgress_Active_AppendsUpdateAndEvent()
    {
        Goal goal = Goals.Active();
        ProgressUpdate update = Goals.Update("u-1", Later, GoalAchievementStatus.Worsening, Party.Patient, "walks", "night shifts", 14m);

        goal.RecordProgress(update);

        goal.ProgressUpdates.Should().Equal(update);
        goal.Achievement.Should().Be(GoalAchievementStatus.Worsening);
        goal.PendingEvents[^1].Should().Be(
            new GoalProgressRecorded(Id, 5, Later, new ProgressUpdateId("u-1"), Party.Patient, GoalAchievementStatus.Worsening));
    }

    [Fact]
    public void RecordProgress_OnHold_IsAllowedAndKeepsStatus()
    {
        Goal goal = Goals.OnHold();

        goal.RecordProgress(Goals.Update("u-2", Later, GoalAchievementStatus.NoChange));

        goal.Status.Should().Be(GoalLifecycleStatus.OnHold);
        goal.Achievement.Should().Be(GoalAchievementStatus.NoChange);
    }

    [Fact]
    public void RecordProgress_FinalAssessmentWhileActive_IsRecordedWithoutCompleting()
    {
        Goal goal = Goals.Active();

        goal.RecordProgress(Goals.Update("u-1", Later, GoalAchievementStatus.Achieved));

        goal.Status.Should().Be(GoalLifecycleStatus.Active);
        goal.Achievement.Should().Be(GoalAchievementStatus.Achieved);
    }

    [Fact]
    public void Achievement_SeveralUpdates_FollowsTheLatest()
    {
        Goal goal = Goals.Active();
        goal.RecordProgress(Goals.Update("u-1", Later, GoalAchievementStatus.Improving));
        goal.RecordProgress(Goals.Update("u-2", Later + Duration.FromDays(7), GoalAchievementStatus.Worsening));
        goal.Achievement.Should().Be(GoalAchievementStatus.Worsening);

        goal.RecordProgress(Goals.Update("u-3", Later + Duration.FromDays(14), GoalAchievementStatus.InProgress));

        goal.Achievement.Should().Be(GoalAchievementStatus.InProgress);
        goal.ProgressUpdates.Select(p => p.Id.Value).Should().Equal("u-1", "u-2", "u-3");
    }

    [Fact]
    public void RecordProgress_SameInstantAsPrevious_IsAccepted()
    {
        Goal goal = Goals.ActiveWithProgress();

        goal.RecordProgress(Goals.Update("u-2", Goals.FirstProgressAt, GoalAchievementStatus.Worsening));

        goal.ProgressUpdates.Should().HaveCount(2);
        goal.Achievement.Should().Be(GoalAchievementStatus.Worsening);
    }

    [Fact]
    public void RecordProgress_EarlierThanPrevious_ThrowsProgressOrder()
    {
        Goal goal = Goals.ActiveWithProgress();

        Action act = () => goal.RecordProgress(Goals.Update("u-2", Goals.FirstProgressAt - OneTick, GoalAchievementStatus.Worsening));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.ProgressOrder);
    }

    [Fact]
    public void RecordProgress_EarlierThanPrevious_LeavesGoalUnchanged()
    {
        Goal goal = Goals.ActiveWithProgress();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.RecordProgress(Goals.Update("u-2", Goals.FirstProgressAt - OneTick, GoalAchievementStatus.Worsening));

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void RecordProgress_DuplicateId_ThrowsProgressOrder()
    {
        Goal goal = Goals.ActiveWithProgress();

        Action act = () => goal.RecordProgress(Goals.Update("u-1", Later, GoalAchievementStatus.Worsening));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.ProgressOrder);
    }

    [Fact]
    public void RecordProgress_DuplicateIdOfOlderUpdate_ThrowsProgressOrderAndChangesNothing()
    {
        Goal goal = Goals.ActiveWithProgress();
        goal.RecordProgress(Goals.Update("u-2", Later, GoalAchievementStatus.Worsening));
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.RecordProgress(Goals.Update("u-1", Later + Duration.FromDays(1), GoalAchievementStatus.Achieved));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.ProgressOrder);
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void RecordProgress_Null_ThrowsArgumentNullException()
    {
        Goal goal = Goals.Active();

        Action act = () => goal.RecordProgress(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    // ---- Complete -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(FinalAssessments))]
    public void Complete_ActiveWithFinalAssessment_IsCompletedWithUpdateAppended(GoalAchievementStatus assessed)
    {
        Goal goal = Goals.ActiveWithProgress();
        ProgressUpdate final = Goals.Update("u-final", Later, assessed);

        goal.Complete(final);

        goal.Status.Should().Be(GoalLifecycleStatus.Completed);
        goal.ProgressUpdates.Should().HaveCount(2).And.EndWith(final);
        goal.Achievement.Should().Be(assessed);
    }

    [Theory]
    [MemberData(nameof(FinalAssessments))]
    public void Complete_OnHoldWithFinalAssessment_IsCompleted(GoalAchievementStatus assessed)
    {
        Goal goal = Goals.OnHold();

        goal.Complete(Goals.Update("u-final", Later, assessed));

        goal.Status.Should().Be(GoalLifecycleStatus.Completed);
    }

    [Theory]
    [MemberData(nameof(NonFinalAssessments))]
    public void Complete_NonFinalAssessment_ThrowsFinalAssessmentRequired(GoalAchievementStatus assessed)
    {
        Goal goal = Goals.ActiveWithProgress();

        Action act = () => goal.Complete(Goals.Update("u-final", Later, assessed));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.FinalAssessmentRequired);
    }

    [Theory]
    [MemberData(nameof(NonFinalAssessments))]
    public void Complete_NonFinalAssessment_LeavesGoalUnchanged(GoalAchievementStatus assessed)
    {
        Goal goal = Goals.OnHold();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Complete(Goals.Update("u-final", Later, assessed));

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Complete_Active_AppendsProgressRecordedThenStatusChanged()
    {
        Goal goal = Goals.ActiveWithProgress();

        goal.Complete(Goals.Update("u-final", Later, GoalAchievementStatus.NotAttainable, Party.Patient));

        goal.PendingEvents.Skip(5).Should().Equal(
            new GoalProgressRecorded(Id, 6, Later, new ProgressUpdateId("u-final"), Party.Patient, GoalAchievementStatus.NotAttainable),
            new GoalStatusChanged(Id, 7, Later, GoalLifecycleStatus.Completed));
        goal.Version.Should().Be(7);
    }

    [Fact]
    public void Complete_AssessmentEarlierThanPrevious_ThrowsProgressOrderAndChangesNothing()
    {
        Goal goal = Goals.ActiveWithProgress();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Complete(Goals.Update("u-final", Goals.FirstProgressAt - OneTick, GoalAchievementStatus.Achieved));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.ProgressOrder);
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Complete_DuplicateUpdateId_ThrowsProgressOrderAndChangesNothing()
    {
        Goal goal = Goals.ActiveWithProgress();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Complete(Goals.Update("u-1", Later, GoalAchievementStatus.Achieved));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.ProgressOrder);
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Complete_AtSameInstantAsPreviousUpdate_IsCompleted()
    {
        Goal goal = Goals.ActiveWithProgress();

        goal.Complete(Goals.Update("u-final", Goals.FirstProgressAt, GoalAchievementStatus.Achieved));

        goal.Status.Should().Be(GoalLifecycleStatus.Completed);
    }

    [Fact]
    public void Complete_Null_ThrowsArgumentNullException()
    {
        Goal goal = Goals.Active();

        Action act = () => goal.Complete(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    // ---- Revise ---------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(OpenStatusData))]
    public void Revise_OpenStatus_OldIsCancelledAndReplacedByNew(GoalLifecycleStatus source)
    {
        Goal goal = Goals.InStatus(source);

        goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        goal.Status.Should().Be(GoalLifecycleStatus.Cancelled);
        goal.ReplacedBy.Should().Be(NewId);
        goal.Statement.Should().Be(Goals.Statement, "the old wording is kept");
    }

    [Theory]
    [MemberData(nameof(OpenStatusData))]
    public void Revise_OpenStatus_NewGoalIsProposedAndReplacesOld(GoalLifecycleStatus source)
    {
        Goal goal = Goals.InStatus(source);
        GoalTarget target = new("phq9-item9", TargetComparator.Equal, 0m);

        Goal revised = goal.Revise(NewId, Party.Patient, GoalExpressedBy.Both, Goals.RevisedStatement, [target], Later);

        revised.Id.Should().Be(NewId);
        revised.Status.Should().Be(GoalLifecycleStatus.Proposed);
        revised.Replaces.Should().Be(Id);
        revised.ReplacedBy.Should().BeNull();
        revised.PatientId.Should().Be(Goals.Patient);
        revised.ClinicianId.Should().Be(Goals.Clinician);
        revised.ExpressedBy.Should().Be(GoalExpressedBy.Both);
        revised.Statement.Should().Be(Goals.RevisedStatement);
        revised.Targets.Should().Equal(target);
        revised.Version.Should().Be(1);
        revised.PendingEvents.Should().Equal(new GoalProposed(NewId, 1, Later, Goals.Patient, GoalExpressedBy.Both, Id));
    }

    [Theory]
    [MemberData(nameof(OpenStatusData))]
    public void Revise_OpenStatus_NewGoalNeedsBothAcceptancesAgain(GoalLifecycleStatus source)
    {
        Goal goal = Goals.InStatus(source);

        Goal revised = goal.Revise(NewId, Party.Clinician, GoalExpressedBy.Clinician, Goals.RevisedStatement, [], Later);

        revised.PatientAcceptedAt.Should().BeNull();
        revised.ClinicianAcceptedAt.Should().BeNull();
        revised.IsAgreed.Should().BeFalse();
        revised.ProgressUpdates.Should().BeEmpty();
        revised.Achievement.Should().BeNull();
        revised.ActivatedAt.Should().BeNull();
    }

    [Fact]
    public void Revise_NewGoal_BecomesAgreedOnlyAfterBothAcceptAgain()
    {
        Goal revised = Goals.Active().Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        revised.Accept(Party.Patient, Later + Duration.FromDays(1));
        revised.IsAgreed.Should().BeFalse();
        revised.Status.Should().Be(GoalLifecycleStatus.Proposed);
        revised.Accept(Party.Clinician, Later + Duration.FromDays(2));

        revised.IsAgreed.Should().BeTrue();
        revised.Status.Should().Be(GoalLifecycleStatus.Accepted);
        revised.AgreedAt.Should().Be(Later + Duration.FromDays(2));
    }

    [Fact]
    public void Revise_OnHold_KeepsOldHistory()
    {
        Goal goal = Goals.OnHold();

        goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        goal.PatientAcceptedAt.Should().Be(Goals.PatientAcceptedAt);
        goal.ClinicianAcceptedAt.Should().Be(Goals.ClinicianAcceptedAt);
        goal.ActivatedAt.Should().Be(Goals.ActivatedAt);
        goal.ProgressUpdates.Should().ContainSingle();
        goal.Achievement.Should().Be(GoalAchievementStatus.Improving);
        goal.StatusAt(Later - OneTick).Should().Be(GoalLifecycleStatus.OnHold);
        goal.StatusAt(Later).Should().Be(GoalLifecycleStatus.Cancelled);
    }

    [Theory]
    [MemberData(nameof(OpenStatusData))]
    public void Revise_SameId_ThrowsSameId(GoalLifecycleStatus source)
    {
        Goal goal = Goals.InStatus(source);

        Action act = () => goal.Revise(Id, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.SameId);
    }

    [Fact]
    public void Revise_SameId_LeavesGoalUnchanged()
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Revise(Id, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        act.Should().Throw<DomainRuleException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public void Revise_BlankStatement_ThrowsArgumentExceptionAndChangesNothing(string statement)
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, statement, [], Later);

        act.Should().ThrowExactly<ArgumentException>();
        Snapshot.Of(goal).Should().Be(before);
        goal.ReplacedBy.Should().BeNull();
    }

    [Fact]
    public void Revise_StatementOneOverMaximum_ThrowsArgumentExceptionWithoutEchoingItAndChangesNothing()
    {
        Goal goal = Goals.OnHold();
        Snapshot before = Snapshot.Of(goal);
        string statement = Canary + new string('x', Goal.MaximumStatementLength + 1 - Canary.Length);

        Action act = () => goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, statement, [], Later);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().NotContain("CANARY").And.NotContain("Jane");
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Revise_StatementOfMaximumLength_IsAccepted()
    {
        Goal goal = Goals.Active();
        string statement = new('y', Goal.MaximumStatementLength);

        Goal revised = goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, statement, [], Later);

        revised.Statement.Should().Be(statement);
    }

    [Fact]
    public void Revise_DefaultNewId_ThrowsArgumentExceptionAndChangesNothing()
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Revise(default, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        act.Should().ThrowExactly<ArgumentException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Revise_UndefinedPartyOrExpressedBy_ThrowsArgumentOutOfRangeAndChangesNothing()
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action badParty = () => goal.Revise(NewId, (Party)7, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);
        Action badExpressedBy = () => goal.Revise(NewId, Party.Patient, (GoalExpressedBy)7, Goals.RevisedStatement, [], Later);

        badParty.Should().Throw<ArgumentOutOfRangeException>();
        badExpressedBy.Should().Throw<ArgumentOutOfRangeException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Revise_NullTargets_ThrowsArgumentNullExceptionAndChangesNothing()
    {
        Goal goal = Goals.Active();
        Snapshot before = Snapshot.Of(goal);

        Action act = () => goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, null!, Later);

        act.Should().Throw<ArgumentNullException>();
        Snapshot.Of(goal).Should().Be(before);
    }

    [Fact]
    public void Revise_RevisedGoal_CanBeRevisedAgainBackToFirstId()
    {
        Goal revised = Goals.Active().Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        Goal third = revised.Revise(new GoalId("g-3"), Party.Clinician, GoalExpressedBy.Both, Goals.Statement, [], Later + Duration.FromDays(1));

        third.Replaces.Should().Be(NewId);
        revised.ReplacedBy.Should().Be(new GoalId("g-3"));
        revised.Replaces.Should().Be(Id);
    }

    // ---- MarkEnteredInError ---------------------------------------------------------------------

    [Fact]
    public void MarkEnteredInError_Completed_KeepsEverythingRecorded()
    {
        Goal goal = Goals.Completed();
        int progress = goal.ProgressUpdates.Count;

        goal.MarkEnteredInError(Later);

        goal.Status.Should().Be(GoalLifecycleStatus.EnteredInError);
        goal.ProgressUpdates.Should().HaveCount(progress);
        goal.Achievement.Should().Be(GoalAchievementStatus.Achieved);
        goal.IsAgreed.Should().BeTrue();
        goal.ActivatedAt.Should().Be(Goals.ActivatedAt);
        goal.StatusAt(Later - OneTick).Should().Be(GoalLifecycleStatus.Completed);
    }

    [Fact]
    public void MarkEnteredInError_Revised_KeepsReplacedBy()
    {
        Goal goal = Goals.Active();
        goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Goals.RevisedStatement, [], Later);

        goal.MarkEnteredInError(Later + Duration.FromDays(1));

        goal.Status.Should().Be(GoalLifecycleStatus.EnteredInError);
        goal.ReplacedBy.Should().Be(NewId);
    }

    // ---- StatusAt -------------------------------------------------------------------------------

    public static TheoryData<Instant, GoalLifecycleStatus> FullLifeTimeline => new()
    {
        { Goals.ProposedAt - Duration.FromDays(100), GoalLifecycleStatus.Proposed },
        { Goals.ProposedAt - OneTick, GoalLifecycleStatus.Proposed },
        { Goals.ProposedAt, GoalLifecycleStatus.Proposed },
        { Goals.PlannedAt - OneTick, GoalLifecycleStatus.Proposed },
        { Goals.PlannedAt, GoalLifecycleStatus.Planned },
        { Goals.PatientAcceptedAt, GoalLifecycleStatus.Planned },
        { Goals.ClinicianAcceptedAt - OneTick, GoalLifecycleStatus.Planned },
        { Goals.ClinicianAcceptedAt, GoalLifecycleStatus.Accepted },
        { Goals.ActivatedAt - OneTick, GoalLifecycleStatus.Accepted },
        { Goals.ActivatedAt, GoalLifecycleStatus.Active },
        { Goals.FirstProgressAt, GoalLifecycleStatus.Active },
        { Goals.OnHoldAt - OneTick, GoalLifecycleStatus.Active },
        { Goals.OnHoldAt, GoalLifecycleStatus.OnHold },
        { Goals.ClosedAt - OneTick, GoalLifecycleStatus.OnHold },
        { Goals.ClosedAt, GoalLifecycleStatus.Active },
        { Goals.CompletedAt - OneTick, GoalLifecycleStatus.Active },
        { Goals.CompletedAt, GoalLifecycleStatus.Completed },
        { Goals.EnteredInErrorAt - OneTick, GoalLifecycleStatus.Completed },
        { Goals.EnteredInErrorAt, GoalLifecycleStatus.EnteredInError },
        { Goals.FarFuture, GoalLifecycleStatus.EnteredInError },
    };

    [Theory]
    [MemberData(nameof(FullLifeTimeline))]
    public void StatusAt_FullLife_FollowsTheHistory(Instant at, GoalLifecycleStatus expected)
    {
        Goal goal = FullLife();

        goal.StatusAt(at).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void StatusAt_FarFuture_IsCurrentStatus(GoalLifecycleStatus status)
    {
        Goal goal = Goals.InStatus(status);

        goal.StatusAt(Goals.FarFuture).Should().Be(status);
    }

    [Fact]
    public void StatusAt_Rejected_IsRejectedFromRejectionOn()
    {
        Goal goal = Goals.InStatus(GoalLifecycleStatus.Rejected);

        goal.StatusAt(Goals.PatientAcceptedAt - OneTick).Should().Be(GoalLifecycleStatus.Planned);
        goal.StatusAt(Goals.PatientAcceptedAt).Should().Be(GoalLifecycleStatus.Rejected);
    }

    [Fact]
    public void StatusAt_SingleAcceptance_DoesNotChangeStatus()
    {
        Goal goal = Goals.AcceptedOnlyBy(Party.Patient);

        goal.StatusAt(Goals.PatientAcceptedAt).Should().Be(GoalLifecycleStatus.Proposed);
        goal.StatusAt(Goals.FarFuture).Should().Be(GoalLifecycleStatus.Proposed);
    }

    [Fact]
    public void StatusAt_Completed_ChangesAtFinalAssessmentInstant()
    {
        Goal goal = Goals.Completed();

        goal.StatusAt(Goals.CompletedAt - OneTick).Should().Be(GoalLifecycleStatus.Active);
        goal.StatusAt(Goals.CompletedAt).Should().Be(GoalLifecycleStatus.Completed);
    }

    [Fact]
    public void Accept_DatedBeforeAnEarlierRecordedChange_IsRefusedAndChangesNothing()
    {
        Goal goal = Goals.Proposed();
        goal.Plan(Goals.ProposedAt + Duration.FromDays(5));
        long version = goal.Version;

        Action act = () => goal.Accept(Party.Patient, Goals.ProposedAt + Duration.FromDays(2));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(GoalRuleCodes.TimeOrder);
        goal.PatientAcceptedAt.Should().BeNull();
        goal.Version.Should().Be(version);
    }

    [Fact]
    public void Activate_AtTheInstantOfAgreement_IsAccepted()
    {
        Goal goal = Goals.Agreed();

        goal.Activate(goal.AgreedAt!.Value);

        goal.StatusAt(goal.AgreedAt!.Value).Should().Be(GoalLifecycleStatus.Active);
    }

    // ---- LatestProgressAt -----------------------------------------------------------------------

    [Fact]
    public void LatestProgressAt_NoUpdates_IsNull()
    {
        Goal goal = Goals.Active();

        goal.LatestProgressAt(Goals.FarFuture).Should().BeNull();
    }

    [Fact]
    public void LatestProgressAt_BeforeFirstUpdate_IsNull()
    {
        Goal goal = Goals.ActiveWithProgress();

        goal.LatestProgressAt(Goals.FirstProgressAt - OneTick).Should().BeNull();
    }

    [Fact]
    public void LatestProgressAt_AtOrBetweenUpdates_IsLatestAtOrBefore()
    {
        Goal goal = Goals.ActiveWithProgress();
        ProgressUpdate second = Goals.Update("u-2", Later, GoalAchievementStatus.Worsening);
        goal.RecordProgress(second);
        ProgressUpdate first = goal.ProgressUpdates[0];

        goal.LatestProgressAt(Goals.FirstProgressAt).Should().BeSameAs(first);
        goal.LatestProgressAt(Later - OneTick).Should().BeSameAs(first);
        goal.LatestProgressAt(Later).Should().BeSameAs(second);
        goal.LatestProgressAt(Goals.FarFuture).Should().BeSameAs(second);
    }

    [Fact]
    public void LatestProgressAt_TwoUpdatesAtSameInstant_IsTheLaterRecorded()
    {
        Goal goal = Goals.Active();
        ProgressUpdate second = Goals.Update("u-2", Later, GoalAchievementStatus.NoChange);
        goal.RecordProgress(Goals.Update("u-1", Later, GoalAchievementStatus.Improving));
        goal.RecordProgress(second);

        goal.LatestProgressAt(Later).Should().BeSameAs(second);
    }

    [Fact]
    public void LatestProgressAt_Completed_IncludesFinalAssessment()
    {
        Goal goal = Goals.Completed();

        goal.LatestProgressAt(Goals.CompletedAt)!.Id.Should().Be(new ProgressUpdateId("u-final"));
    }

    // ---- Events ---------------------------------------------------------------------------------

    [Fact]
    public void DequeueEvents_AfterCommands_ReturnsEventsOldestFirstAndClears()
    {
        Goal goal = Goals.Active();

        IReadOnlyList<GoalEvent> events = goal.DequeueEvents();

        events.Select(e => e.GetType()).Should().Equal(typeof(GoalProposed), typeof(GoalAccepted), typeof(GoalAccepted), typeof(GoalStatusChanged));
        events.Select(e => e.Version).Should().Equal(1L, 2L, 3L, 4L);
        goal.PendingEvents.Should().BeEmpty();
        goal.Version.Should().Be(4);
    }

    [Fact]
    public void DequeueEvents_ThenCommand_NextEventContinuesVersion()
    {
        Goal goal = Goals.Active();
        goal.DequeueEvents();

        goal.PutOnHold(Later);

        goal.PendingEvents.Should().Equal(new GoalStatusChanged(Id, 5, Later, GoalLifecycleStatus.OnHold));
    }

    [Fact]
    public void GoalClosed_WithReasonCodeNotACode_ThrowsArgumentException()
    {
        var closed = new GoalClosed(Id, 2, Later, GoalLifecycleStatus.Cancelled, Party.Patient, "moved-away");

        Action construct = () => _ = new GoalClosed(Id, 2, Later, GoalLifecycleStatus.Cancelled, Party.Patient, Canary);
        Action with = () => _ = closed with { ReasonCode = Canary };

        construct.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("CANARY");
        with.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("CANARY");
    }

    // ---- Targets --------------------------------------------------------------------------------

    public static TheoryData<TargetComparator, decimal, bool> ComparatorCases => new()
    {
        { TargetComparator.LessThan, 9m, true },
        { TargetComparator.LessThan, 9.99m, true },
        { TargetComparator.LessThan, 10m, false },
        { TargetComparator.LessThan, 11m, false },
        { TargetComparator.LessOrEqual, 9m, true },
        { TargetComparator.LessOrEqual, 10m, true },
        { TargetComparator.LessOrEqual, 10.01m, false },
        { TargetComparator.LessOrEqual, 11m, false },
        { TargetComparator.Equal, 9m, false },
        { TargetComparator.Equal, 10m, true },
        { TargetComparator.Equal, 10.000m, true },
        { TargetComparator.Equal, 11m, false },
        { TargetComparator.GreaterOrEqual, 9m, false },
        { TargetComparator.GreaterOrEqual, 9.99m, false },
        { TargetComparator.GreaterOrEqual, 10m, true },
        { TargetComparator.GreaterOrEqual, 11m, true },
        { TargetComparator.GreaterThan, 9m, false },
        { TargetComparator.GreaterThan, 10m, false },
        { TargetComparator.GreaterThan, 10.01m, true },
        { TargetComparator.GreaterThan, 11m, true },
    };

    [Theory]
    [MemberData(nameof(ComparatorCases))]
    public void IsMetBy_Phq9TargetOfTen_ComparesAsDocumented(TargetComparator comparator, decimal measured, bool met)
    {
        var target = new GoalTarget(GoalTarget.Phq9TotalLoinc, comparator, 10m);

        target.IsMetBy(measured).Should().Be(met);
    }

    [Fact]
    public void IsMetBy_ComparatorCases_CoverEveryComparatorOnBothSides()
    {
        foreach (TargetComparator comparator in Enum.GetValues<TargetComparator>())
        {
            ComparatorCases.Where(c => c[0] is TargetComparator t && t == comparator).Select(c => c[2] is true).Distinct().Should().HaveCount(2, "{0}", comparator);
        }
    }

    [Fact]
    public void GoalTarget_Phq9BelowTen_HasDocumentedMembers()
    {
        GoalTarget target = Goals.Phq9BelowTen();

        GoalTarget.Phq9TotalLoinc.Should().Be("44261-6");
        target.MeasureCode.Should().Be("44261-6");
        target.Comparator.Should().Be(TargetComparator.LessThan);
        target.Value.Should().Be(10m);
        target.Due.Should().Be(new LocalDate(2027, 3, 1));
        target.IsMetBy(9m).Should().BeTrue();
        target.IsMetBy(10m).Should().BeFalse();
    }

    [Fact]
    public void GoalTarget_EqualMembers_AreEqual()
    {
        Goals.Phq9BelowTen().Should().Be(Goals.Phq9BelowTen());
        Goals.Phq9BelowTen().Should().NotBe(new GoalTarget(GoalTarget.Phq9TotalLoinc, TargetComparator.LessThan, 10m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a code")]
    [InlineData(Canary)]
    public void GoalTarget_MeasureCodeNotACode_ThrowsArgumentExceptionWithoutEchoingIt(string code)
    {
        Action act = () => _ = new GoalTarget(code, TargetComparator.LessThan, 10m);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().NotContain("CANARY");
    }

    [Fact]
    public void GoalTarget_UndefinedComparator_ThrowsArgumentOutOfRange()
    {
        Action act = () => _ = new GoalTarget(GoalTarget.Phq9TotalLoinc, (TargetComparator)5, 10m);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- FHIR mapping ---------------------------------------------------------------------------

    [Theory]
    [InlineData(GoalLifecycleStatus.Proposed, "proposed")]
    [InlineData(GoalLifecycleStatus.Planned, "planned")]
    [InlineData(GoalLifecycleStatus.Accepted, "accepted")]
    [InlineData(GoalLifecycleStatus.Active, "active")]
    [InlineData(GoalLifecycleStatus.OnHold, "on-hold")]
    [InlineData(GoalLifecycleStatus.Completed, "completed")]
    [InlineData(GoalLifecycleStatus.Cancelled, "cancelled")]
    [InlineData(GoalLifecycleStatus.EnteredInError, "entered-in-error")]
    [InlineData(GoalLifecycleStatus.Rejected, "rejected")]
    public void ToFhirCode_EachLifecycleStatus_IsFhirCode(GoalLifecycleStatus status, string expected)
    {
        status.ToFhirCode().Should().Be(expected);
    }

    [Theory]
    [InlineData(GoalAchievementStatus.InProgress, "in-progress")]
    [InlineData(GoalAchievementStatus.Improving, "improving")]
    [InlineData(GoalAchievementStatus.Worsening, "worsening")]
    [InlineData(GoalAchievementStatus.NoChange, "no-change")]
    [InlineData(GoalAchievementStatus.Achieved, "achieved")]
    [InlineData(GoalAchievementStatus.Sustaining, "sustaining")]
    [InlineData(GoalAchievementStatus.NotAchieved, "not-achieved")]
    [InlineData(GoalAchievementStatus.NoProgress, "no-progress")]
    [InlineData(GoalAchievementStatus.NotAttainable, "not-attainable")]
    public void ToFhirCode_EachAchievementStatus_IsFhirCode(GoalAchievementStatus status, string expected)
    {
        status.ToFhirCode().Should().Be(expected);
    }

    [Fact]
    public void ToFhirCode_AllValues_AreDistinctAndCountedAbove()
    {
        Enum.GetValues<GoalLifecycleStatus>().Select(s => s.ToFhirCode()).Should().OnlyHaveUniqueItems().And.HaveCount(9);
        Enum.GetValues<GoalAchievementStatus>().Select(s => s.ToFhirCode()).Should().OnlyHaveUniqueItems().And.HaveCount(9);
    }

    [Fact]
    public void ToFhirCode_UndefinedStatus_ThrowsArgumentOutOfRange()
    {
        Action lifecycle = () => ((GoalLifecycleStatus)99).ToFhirCode();
        Action achievement = () => ((GoalAchievementStatus)99).ToFhirCode();

        lifecycle.Should().Throw<ArgumentOutOfRangeException>();
        achievement.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(GoalAchievementStatus.InProgress, false)]
    [InlineData(GoalAchievementStatus.Improving, false)]
    [InlineData(GoalAchievementStatus.Worsening, false)]
    [InlineData(GoalAchievementStatus.NoChange, false)]
    [InlineData(GoalAchievementStatus.Achieved, true)]
    [InlineData(GoalAchievementStatus.Sustaining, true)]
    [InlineData(GoalAchievementStatus.NotAchieved, true)]
    [InlineData(GoalAchievementStatus.NoProgress, true)]
    [InlineData(GoalAchievementStatus.NotAttainable, true)]
    public void IsFinal_EachAchievementStatus_IsDocumentedValue(GoalAchievementStatus status, bool expected)
    {
        status.IsFinal().Should().Be(expected);
    }

    // ---- Privacy --------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void ToString_CanaryGoalInAnyStatus_NeverContainsStatement(GoalLifecycleStatus status)
    {
        Goal goal = Goals.InStatus(status, Canary);

        string text = goal.ToString();

        text.Should().NotContain("CANARY").And.NotContain("Jane");
        text.Should().Contain("g-1").And.Contain(status.ToString());
    }

    [Fact]
    public void ToString_ProgressUpdateWithCanaryTexts_NeverContainsThem()
    {
        ProgressUpdate update = Goals.Update("u-1", Later, GoalAchievementStatus.Improving, Party.Patient, CanaryWorks, CanaryDoesNot, 8m);

        string text = update.ToString();

        text.Should().NotContain("CANARY").And.NotContain("Mary").And.NotContain("plant");
        text.Should().Contain("u-1");
        update.WhatWorks.Should().Be(CanaryWorks);
        update.WhatDoesNot.Should().Be(CanaryDoesNot);
    }

    [Fact]
    public void ToString_EveryEventOfCanaryGoals_NeverContainsFreeText()
    {
        var events = new List<GoalEvent>();
        foreach (GoalLifecycleStatus status in Enum.GetValues<GoalLifecycleStatus>())
        {
            foreach (Command command in Commands.Values)
            {
                Goal goal = Goals.InStatus(status, Canary);
                Goal? revised = TryRunWithCanaries(command.Name, goal, out _);
                events.AddRange(goal.PendingEvents);
                events.AddRange(revised?.PendingEvents ?? []);
            }
        }

        events.Select(e => e.GetType()).Distinct().Should().HaveCount(6, "every kind of goal event is checked");
        events.Should().AllSatisfy(e => e.ToString().Should().NotContain("CANARY").And.NotContain("Jane").And.NotContain("Mary"));
    }

    [Fact]
    public void ExceptionMessages_RefusedCommandsOnCanaryGoals_NeverContainFreeText()
    {
        var messages = new List<string>();
        foreach (GoalLifecycleStatus status in Enum.GetValues<GoalLifecycleStatus>())
        {
            foreach (Command command in Commands.Values)
            {
                TryRunWithCanaries(command.Name, Goals.InStatus(status, Canary), out Exception? refused);
                if (refused is not null)
                {
                    messages.Add(refused.Message);
                }
            }
        }

        // And the refusals that are not about status, with canaries everywhere a caller can pass text.
        Goal active = Goals.ActiveWithProgress(Canary);
        messages.Add(Refusal(() => active.RecordProgress(CanaryUpdate("u-1", Later, GoalAchievementStatus.Improving))));
        messages.Add(Refusal(() => active.RecordProgress(CanaryUpdate("u-2", Goals.FirstProgressAt - OneTick, GoalAchievementStatus.Improving))));
        messages.Add(Refusal(() => active.Complete(CanaryUpdate("u-2", Later, GoalAchievementStatus.Improving))));
        messages.Add(Refusal(() => active.Complete(CanaryUpdate("u-1", Later, GoalAchievementStatus.Achieved))));
        messages.Add(Refusal(() => active.Revise(Id, Party.Patient, GoalExpressedBy.Patient, Canary, [], Later)));
        messages.Add(Refusal(() => active.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Canary + new string('x', Goal.MaximumStatementLength), [], Later)));
        Goal half = Goals.AcceptedOnlyBy(Party.Patient, Canary);
        messages.Add(Refusal(() => half.Accept(Party.Patient, Later)));

        messages.Should().HaveCount(IllegalTransitions.Count + 7);
        messages.Should().AllSatisfy(m => m.Should().NotContain("CANARY").And.NotContain("Jane").And.NotContain("Mary"));
    }

    // ---- Helpers --------------------------------------------------------------------------------

    public static TheoryData<GoalLifecycleStatus> OpenStatusData => new(OpenStatuses);

    private static bool IsFinalPerDocs(GoalAchievementStatus status) =>
        status is GoalAchievementStatus.Achieved or GoalAchievementStatus.Sustaining or GoalAchievementStatus.NotAchieved
            or GoalAchievementStatus.NoProgress or GoalAchievementStatus.NotAttainable;

    private static Party Other(Party party) => party == Party.Patient ? Party.Clinician : Party.Patient;

    private static ProgressUpdate CanaryUpdate(string id, Instant at, GoalAchievementStatus assessed) =>
        Goals.Update(id, at, assessed, Party.Patient, CanaryWorks, CanaryDoesNot);

    /// <summary>The message of the exception the action throws; fails the test when it throws none.</summary>
    private static string Refusal(Action act) => act.Should().Throw<Exception>().Which.Message;

    /// <summary>
    /// Runs the named table command with canaries in every free-text argument; returns the revised goal of a
    /// successful Revise, and the exception of a refused command.
    /// </summary>
    private static Goal? TryRunWithCanaries(string command, Goal goal, out Exception? refused)
    {
        refused = null;
        try
        {
            switch (command)
            {
                case "RecordProgress":
                    goal.RecordProgress(CanaryUpdate("u-table", Later, GoalAchievementStatus.Improving));
                    return null;
                case "Complete":
                    goal.Complete(CanaryUpdate("u-table", Later, GoalAchievementStatus.Achieved));
                    return null;
                case "Revise":
                    return goal.Revise(NewId, Party.Patient, GoalExpressedBy.Patient, Canary + " (revised)", [], Later);
                default:
                    Commands[command].Run(goal);
                    return null;
            }
        }
        catch (DomainRuleException e)
        {
            refused = e;
            return null;
        }
    }

    /// <summary>A goal that went through every open status: planned, accepted by both, active, on hold, resumed, completed, entered in error.</summary>
    private static Goal FullLife()
    {
        Goal goal = Goals.Planned();
        goal.Accept(Party.Patient, Goals.PatientAcceptedAt);
        goal.Accept(Party.Clinician, Goals.ClinicianAcceptedAt);
        goal.Activate(Goals.ActivatedAt);
        goal.RecordProgress(Goals.Update("u-1", Goals.FirstProgressAt, GoalAchievementStatus.Improving));
        goal.PutOnHold(Goals.OnHoldAt);
        goal.Resume(Goals.ClosedAt);
        goal.Complete(Goals.Update("u-final", Goals.CompletedAt, GoalAchievementStatus.Achieved));
        goal.MarkEnteredInError(Goals.EnteredInErrorAt);
        return goal;
    }

    private static TheoryData<string, GoalLifecycleStatus> Transitions(bool legal)
    {
        var data = new TheoryData<string, GoalLifecycleStatus>();
        foreach (Command command in Commands.Values)
        {
            foreach (GoalLifecycleStatus status in Enum.GetValues<GoalLifecycleStatus>())
            {
                if (command.Legal.Contains(status) == legal)
                {
                    data.Add(command.Name, status);
                }
            }
        }

        return data;
    }

    /// <summary>A command, the events it appends (from the version before), the status it leads to (null: unchanged) and the statuses it is legal in.</summary>
    private sealed record Command(string Name, Action<Goal> Run, Func<long, GoalEvent[]> Events, GoalLifecycleStatus? Result, GoalLifecycleStatus[] Legal);
}
