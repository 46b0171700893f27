using TherapeuticAlliance.Planning;

namespace TherapeuticAlliance.Tests.Support;

/// <summary>
/// Builds goals for tests: goal g-1 of patient p-1 with clinician c-1, in the patient's words, proposed at
/// 09:00 UTC on Monday 2026-06-01, and helpers that drive it through its lifecycle on a fixed timeline
/// (one instant per step, all before <see cref="Later"/>).
/// </summary>
internal static class Goals
{
    /// <summary>A free-text statement in the patient's words.</summary>
    public const string Statement = "Sleep through the night at least five nights a week";

    /// <summary>A revised wording, for <see cref="Goal.Revise"/>.</summary>
    public const string RevisedStatement = "Sleep through the night at least four nights a week";

    public const string DefaultId = "g-1";

    public static readonly GoalId Id = new(DefaultId);

    public static readonly PatientId Patient = new("p-1");

    public static readonly ClinicianId Clinician = new("c-1");

    public static readonly Instant ProposedAt = Instant.FromUtc(2026, 6, 1, 9, 0);

    public static readonly Instant PlannedAt = ProposedAt + Duration.FromDays(1);

    public static readonly Instant PatientAcceptedAt = ProposedAt + Duration.FromDays(2);

    public static readonly Instant ClinicianAcceptedAt = ProposedAt + Duration.FromDays(3);

    public static readonly Instant ActivatedAt = ProposedAt + Duration.FromDays(4);

    /// <summary>The first progress update (<c>u-1</c>, improving) of <see cref="OnHold"/> and what follows it.</summary>
    public static readonly Instant FirstProgressAt = ProposedAt + Duration.FromDays(7);

    public static readonly Instant OnHoldAt = ProposedAt + Duration.FromDays(10);

    public static readonly Instant ClosedAt = ProposedAt + Duration.FromDays(15);

    /// <summary>The final assessment (<c>u-final</c>, achieved) of <see cref="Completed"/>.</summary>
    public static readonly Instant CompletedAt = ProposedAt + Duration.FromDays(20);

    public static readonly Instant EnteredInErrorAt = ProposedAt + Duration.FromDays(25);

    /// <summary>After every step of every builder: commands dated here are in order on any built goal.</summary>
    public static readonly Instant Later = ProposedAt + Duration.FromDays(30);

    public static readonly Instant FarFuture = Instant.FromUtc(2100, 1, 1, 0, 0);

    /// <summary>Every instant the builders use, and one before and after them all: probes for <see cref="Snapshot"/>.</summary>
    public static readonly Instant[] Timeline =
    [
        ProposedAt - Duration.FromDays(1), ProposedAt, PlannedAt, PatientAcceptedAt, ClinicianAcceptedAt, ActivatedAt, FirstProgressAt, OnHoldAt,
        ClosedAt, CompletedAt, EnteredInErrorAt, Later, FarFuture,
    ];

    /// <summary>PHQ-9 total score (LOINC 44261-6) below 10 by 2027-03-01.</summary>
    public static GoalTarget Phq9BelowTen() => new(GoalTarget.Phq9TotalLoinc, TargetComparator.LessThan, 10m, new LocalDate(2027, 3, 1));

    /// <summary>A proposed goal, version 1, no acceptances.</summary>
    public static Goal Proposed(
        string id = DefaultId, string statement = Statement, IEnumerable<GoalTarget>? targets = null, GoalExpressedBy expressedBy = GoalExpressedBy.Patient) =>
        Goal.Propose(new GoalId(id), Patient, Clinician, expressedBy, statement, targets ?? [Phq9BelowTen()], ProposedAt);

    /// <summary>A planned goal, no acceptances.</summary>
    public static Goal Planned(string statement = Statement)
    {
        Goal goal = Proposed(statement: statement);
        goal.Plan(PlannedAt);
        return goal;
    }

    /// <summary>A proposed goal accepted by one party only (at <see cref="PatientAcceptedAt"/>).</summary>
    public static Goal AcceptedOnlyBy(Party party, string statement = Statement)
    {
        Goal goal = Proposed(statement: statement);
        goal.Accept(party, PatientAcceptedAt);
        return goal;
    }

    /// <summary>An agreed goal (status Accepted): the patient accepted first, then the clinician.</summary>
    public static Goal Agreed(string statement = Statement)
    {
        Goal goal = Proposed(statement: statement);
        goal.Accept(Party.Patient, PatientAcceptedAt);
        goal.Accept(Party.Clinician, ClinicianAcceptedAt);
        return goal;
    }

    /// <summary>An active goal without progress updates.</summary>
    public static Goal Active(string statement = Statement)
    {
        Goal goal = Agreed(statement);
        goal.Activate(ActivatedAt);
        return goal;
    }

    /// <summary>An active goal with one progress update (<c>u-1</c>, improving, at <see cref="FirstProgressAt"/>).</summary>
    public static Goal ActiveWithProgress(string statement = Statement)
    {
        Goal goal = Active(statement);
        goal.RecordProgress(Update("u-1", FirstProgressAt, GoalAchievementStatus.Improving));
        return goal;
    }

    /// <summary>A goal put on hold after one progress update.</summary>
    public static Goal OnHold(string statement = Statement)
    {
        Goal goal = ActiveWithProgress(statement);
        goal.PutOnHold(OnHoldAt);
        return goal;
    }

    /// <summary>A goal completed as achieved (<c>u-final</c> at <see cref="CompletedAt"/>) after one progress update.</summary>
    public static Goal Completed(string statement = Statement)
    {
        Goal goal = ActiveWithProgress(statement);
        goal.Complete(Update("u-final", CompletedAt, GoalAchievementStatus.Achieved));
        return goal;
    }

    /// <summary>
    /// A goal (g-1, p-1, c-1) in the given status: Proposed, Planned, Accepted (<see cref="Agreed"/>), Active
    /// (no progress), OnHold and Completed as their builders; Rejected by the patient while planned;
    /// Cancelled by the clinician while on hold; EnteredInError after completion.
    /// </summary>
    public static Goal InStatus(GoalLifecycleStatus status, string statement = Statement)
    {
        switch (status)
        {
            case GoalLifecycleStatus.Proposed:
                return Proposed(statement: statement);
            case GoalLifecycleStatus.Planned:
                return Planned(statement);
            case GoalLifecycleStatus.Accepted:
                return Agreed(statement);
            case GoalLifecycleStatus.Active:
                return Active(statement);
            case GoalLifecycleStatus.OnHold:
                return OnHold(statement);
            case GoalLifecycleStatus.Completed:
                return Completed(statement);
            case GoalLifecycleStatus.Cancelled:
            {
                Goal cancelled = OnHold(statement);
                cancelled.Cancel(Party.Clinician, "no-longer-relevant", ClosedAt);
                return cancelled;
            }

            case GoalLifecycleStatus.EnteredInError:
            {
                Goal inError = Completed(statement);
                inError.MarkEnteredInError(EnteredInErrorAt);
                return inError;
            }

            case GoalLifecycleStatus.Rejected:
            {
                Goal rejected = Planned(statement);
                rejected.Reject(Party.Patient, "not-relevant", PatientAcceptedAt);
                return rejected;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Not a goal lifecycle status.");
        }
    }

    /// <summary>A progress update; by the clinician unless told otherwise.</summary>
    public static ProgressUpdate Update(
        string id, Instant at, GoalAchievementStatus assessed = GoalAchievementStatus.InProgress, Party by = Party.Clinician, string? whatWorks = null,
        string? whatDoesNot = null, decimal? measureValue = null) =>
        new(new ProgressUpdateId(id), at, by, assessed, whatWorks, whatDoesNot, measureValue);

    /// <summary>The observable state of a goal that a refused command must leave as it was.</summary>
    /// <param name="Timeline">The status at each probe instant, in order (see <see cref="Goal.StatusAt"/>), so that a change to the history shows.</param>
    internal sealed record Snapshot(
        GoalLifecycleStatus Status, long Version, int PendingCount, Instant? PatientAcceptedAt, Instant? ClinicianAcceptedAt, bool IsAgreed, Instant? AgreedAt,
        GoalAchievementStatus? Achievement, string Progress, GoalId? ReplacedBy, Instant? ActivatedAt, string Timeline)
    {
        public static Snapshot Of(Goal goal) => Of(goal, Goals.Timeline);

        public static Snapshot Of(Goal goal, IEnumerable<Instant> probes) => new(
            goal.Status, goal.Version, goal.PendingEvents.Count, goal.PatientAcceptedAt, goal.ClinicianAcceptedAt, goal.IsAgreed, goal.AgreedAt, goal.Achievement,
            string.Join(", ", goal.ProgressUpdates.Select(p => $"{p.Id}@{p.At}:{p.Assessed}")), goal.ReplacedBy, goal.ActivatedAt,
            string.Join(", ", probes.Select(at => (int)goal.StatusAt(at))));
    }
}
