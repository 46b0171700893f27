using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// A treatment goal: what the patient wants to reach, in their own words, agreed by both parties,
/// worked on and assessed. The first half of open communication: the patient's goals drive the plan.
/// </summary>
/// <remarks>
/// <para>
/// A goal is agreed only once both the patient and the clinician have accepted it (<see cref="Accept"/>),
/// each acceptance with its instant. Achievement follows the progress updates; completing needs a final
/// assessment. Revising (<see cref="Revise"/>) cancels this goal, links it to a new one that links back,
/// and keeps everything: history is never lost.
/// </para>
/// <para>
/// <see cref="Statement"/> and the progress updates' texts are health information: they never appear in
/// <see cref="ToString"/>, in events, in exception messages or in verdicts.
/// </para>
/// <para>
/// Lifecycle changes and acceptances are kept in time order: one dated before the previous change is refused
/// (<c>TA.GOAL.TIME_ORDER</c>), so <see cref="StatusAt"/> reads a consistent history. Every command applies fully,
/// bumping <see cref="Version"/> once per event it records (one, except
/// <see cref="Complete"/>, which records the final assessment and the status change), or throws
/// <see cref="DomainRuleException"/> (codes in <see cref="GoalRuleCodes"/>) and changes nothing. Not thread-safe.
/// </para>
/// </remarks>
public sealed class Goal
{
    /// <summary>The longest statement accepted: 4,000 characters.</summary>
    public const int MaximumStatementLength = 4_000;

    /// <summary>The journal's first command for a goal made by <see cref="Revise"/>: its argument is the replaced goal's id.</summary>
    internal const string RevisionOf = nameof(RevisionOf);

    private readonly ChangeTracker<GoalEvent> _changes = new();
    private readonly List<ProgressUpdate> _progress = [];
    private readonly StatusHistory<GoalLifecycleStatus> _history = new();

    private Goal(GoalId id, PatientId patientId, ClinicianId clinicianId, GoalExpressedBy expressedBy, string statement, ImmutableArray<GoalTarget> targets, GoalId? replaces)
    {
        Id = id;
        PatientId = patientId;
        ClinicianId = clinicianId;
        ExpressedBy = expressedBy;
        Statement = statement;
        Targets = targets;
        Replaces = replaces;
        ProgressUpdates = _progress.AsReadOnly();
    }

    /// <summary>The goal's id.</summary>
    public GoalId Id { get; }

    /// <summary>The patient whose goal it is.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician who works on it with the patient.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>Who put the goal into words.</summary>
    public GoalExpressedBy ExpressedBy { get; }

    /// <summary>The goal in the patient's words. Health information: show it to the people in the alliance, never log it.</summary>
    public string Statement { get; }

    /// <summary>Measurable targets; empty when none were set. All must be met for the goal to be met.</summary>
    public ImmutableArray<GoalTarget> Targets { get; }

    /// <summary>The lifecycle status.</summary>
    public GoalLifecycleStatus Status { get; private set; }

    /// <summary>The achievement status from the latest progress update; null before the first.</summary>
    public GoalAchievementStatus? Achievement => _progress.Count == 0 ? null : _progress[^1].Assessed;

    /// <summary>When the patient accepted the goal; null until then.</summary>
    public Instant? PatientAcceptedAt { get; private set; }

    /// <summary>When the clinician accepted the goal; null until then.</summary>
    public Instant? ClinicianAcceptedAt { get; private set; }

    /// <summary>Whether both parties have accepted the goal.</summary>
    public bool IsAgreed => PatientAcceptedAt is not null && ClinicianAcceptedAt is not null;

    /// <summary>When the goal became agreed: the later of the two acceptances; null until both have accepted.</summary>
    public Instant? AgreedAt => IsAgreed ? Max(PatientAcceptedAt!.Value, ClinicianAcceptedAt!.Value) : null;

    /// <summary>When work on the goal first started (it first became <see cref="GoalLifecycleStatus.Active"/>); null until then.</summary>
    public Instant? ActivatedAt => _history.FirstEntered(GoalLifecycleStatus.Active);

    /// <summary>The progress updates, oldest first (a completing assessment last); a live read-only view.</summary>
    public IReadOnlyList<ProgressUpdate> ProgressUpdates { get; }

    /// <summary>The goal this one revises; null when it is an original.</summary>
    public GoalId? Replaces { get; }

    /// <summary>The goal that replaced this one; null unless it was revised.</summary>
    public GoalId? ReplacedBy { get; private set; }

    /// <summary>Increments with every change; 1 after proposing.</summary>
    public long Version => _changes.Version;

    /// <summary>Events recorded since the last <see cref="DequeueEvents"/>, oldest first.</summary>
    public IReadOnlyList<GoalEvent> PendingEvents => _changes.Pending;

    /// <summary>Proposes a goal.</summary>
    /// <param name="id">The goal's id.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="expressedBy">Who put it into words.</param>
    /// <param name="statement">The goal in the patient's words (free text, at most <see cref="MaximumStatementLength"/> characters).</param>
    /// <param name="targets">Measurable targets; empty when none.</param>
    /// <param name="at">When it was proposed.</param>
    /// <returns>The goal, version 1, status <see cref="GoalLifecycleStatus.Proposed"/>.</returns>
    /// <exception cref="ArgumentException">An id is the default value, or the statement is blank or too long.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> or an item is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expressedBy"/> is not defined.</exception>
    public static Goal Propose(
        GoalId id, PatientId patientId, ClinicianId clinicianId, GoalExpressedBy expressedBy, string statement, IEnumerable<GoalTarget> targets, Instant at) =>
        Create(id, patientId, clinicianId, expressedBy, statement, targets, at, replaces: null, nameof(Propose));

    /// <summary>Marks a proposed goal as planned: Proposed → Planned.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The goal is not proposed (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void Plan(Instant at)
    {
        RequireStatus(nameof(Plan), GoalLifecycleStatus.Proposed);
        RequireNotBefore(at);
        ChangeStatus(GoalLifecycleStatus.Planned, at);
        _changes.Journal(nameof(Plan), at);
    }

    /// <summary>Records one party's acceptance. When both have accepted, the goal becomes <see cref="GoalLifecycleStatus.Accepted"/> (agreed).</summary>
    /// <param name="by">Who accepts.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">
    /// The goal is not proposed or planned (<c>TA.GOAL.ILLEGAL_TRANSITION</c>), or that party has already accepted (<c>TA.GOAL.ALREADY_ACCEPTED</c>).
    /// </exception>
    public void Accept(Party by, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        RequireStatus(nameof(Accept), GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned);
        RequireNotBefore(at);
        if ((by == Party.Patient ? PatientAcceptedAt : ClinicianAcceptedAt) is not null)
        {
            throw new DomainRuleException(GoalRuleCodes.AlreadyAccepted, $"Goal {Id} has already been accepted by the {by}.");
        }

        if (by == Party.Patient)
        {
            PatientAcceptedAt = at;
        }
        else
        {
            ClinicianAcceptedAt = at;
        }

        if (IsAgreed)
        {
            Status = GoalLifecycleStatus.Accepted;
            _history.Add(Status, at);
        }

        _changes.Record(new GoalAccepted(Id, _changes.NextVersion, at, by, IsAgreed));
        _changes.Journal(nameof(Accept), by, at);
    }

    /// <summary>Records that a party declined the goal: Proposed, Planned or Accepted → Rejected.</summary>
    /// <param name="by">Who declined.</param>
    /// <param name="reasonCode">A reason code token; never free text.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is not a code token.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">Work on the goal has begun or it is closed (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void Reject(Party by, string reasonCode, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        Guard.Against.InvalidCode(reasonCode);
        RequireStatus(nameof(Reject), GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted);
        RequireNotBefore(at);
        Close(GoalLifecycleStatus.Rejected, by, reasonCode, at);
        _changes.Journal(nameof(Reject), by, reasonCode, at);
    }

    /// <summary>Starts work on an agreed goal: Accepted → Active.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The goal is not agreed (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void Activate(Instant at)
    {
        RequireStatus(nameof(Activate), GoalLifecycleStatus.Accepted);
        RequireNotBefore(at);
        ChangeStatus(GoalLifecycleStatus.Active, at);
        _changes.Journal(nameof(Activate), at);
    }

    /// <summary>Pauses work on the goal: Active → OnHold.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The goal is not active (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void PutOnHold(Instant at)
    {
        RequireStatus(nameof(PutOnHold), GoalLifecycleStatus.Active);
        RequireNotBefore(at);
        ChangeStatus(GoalLifecycleStatus.OnHold, at);
        _changes.Journal(nameof(PutOnHold), at);
    }

    /// <summary>Resumes work on the goal: OnHold → Active.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The goal is not on hold (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void Resume(Instant at)
    {
        RequireStatus(nameof(Resume), GoalLifecycleStatus.OnHold);
        RequireNotBefore(at);
        ChangeStatus(GoalLifecycleStatus.Active, at);
        _changes.Journal(nameof(Resume), at);
    }

    /// <summary>Records progress on an active or paused goal. The goal's achievement status becomes the update's.</summary>
    /// <param name="update">The update; dated no earlier than the previous one, with an id of its own.</param>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is null.</exception>
    /// <exception cref="DomainRuleException">
    /// The goal is not active or on hold (<c>TA.GOAL.ILLEGAL_TRANSITION</c>), or the update is out of order or repeats an id (<c>TA.GOAL.PROGRESS_ORDER</c>).
    /// </exception>
    public void RecordProgress(ProgressUpdate update)
    {
        Guard.Against.Null(update);
        RequireStatus(nameof(RecordProgress), GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold);
        RequireInOrder(update);
        _progress.Add(update);
        _changes.Record(new GoalProgressRecorded(Id, _changes.NextVersion, update.At, update.Id, update.By, update.Assessed));
        _changes.Journal(nameof(RecordProgress), update);
    }

    /// <summary>Completes the goal with a final assessment: Active or OnHold → Completed.</summary>
    /// <param name="finalAssessment">The final progress update; its achievement status must be final (see <see cref="FhirGoalMapping.IsFinal"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="finalAssessment"/> is null.</exception>
    /// <exception cref="DomainRuleException">
    /// The goal is not active or on hold (<c>TA.GOAL.ILLEGAL_TRANSITION</c>), the assessment is not final (<c>TA.GOAL.FINAL_ASSESSMENT</c>),
    /// or it is out of order (<c>TA.GOAL.PROGRESS_ORDER</c>).
    /// </exception>
    public void Complete(ProgressUpdate finalAssessment)
    {
        Guard.Against.Null(finalAssessment);
        RequireStatus(nameof(Complete), GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold);
        RequireNotBefore(finalAssessment.At);
        if (!finalAssessment.Assessed.IsFinal())
        {
            throw new DomainRuleException(
                GoalRuleCodes.FinalAssessmentRequired, $"Goal {Id} cannot be completed with the assessment {finalAssessment.Assessed}: a final assessment is needed.");
        }

        RequireInOrder(finalAssessment);
        _progress.Add(finalAssessment);
        _changes.Record(new GoalProgressRecorded(Id, _changes.NextVersion, finalAssessment.At, finalAssessment.Id, finalAssessment.By, finalAssessment.Assessed));
        ChangeStatus(GoalLifecycleStatus.Completed, finalAssessment.At);
        _changes.Journal(nameof(Complete), finalAssessment);
    }

    /// <summary>Abandons the goal: any open status → Cancelled.</summary>
    /// <param name="by">Who cancelled it.</param>
    /// <param name="reasonCode">A reason code token; never free text.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is not a code token.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">The goal is already completed, cancelled, rejected or in error (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void Cancel(Party by, string reasonCode, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        Guard.Against.InvalidCode(reasonCode);
        RequireOpen(nameof(Cancel));
        RequireNotBefore(at);
        Close(GoalLifecycleStatus.Cancelled, by, reasonCode, at);
        _changes.Journal(nameof(Cancel), by, reasonCode, at);
    }

    /// <summary>
    /// Revises the goal: this goal is cancelled and linked to a new, proposed goal
    /// that links back through <see cref="Replaces"/>. The new goal needs both parties' acceptance again,
    /// because agreement was to the old wording.
    /// </summary>
    /// <param name="newId">The new goal's id.</param>
    /// <param name="by">Who revised it.</param>
    /// <param name="expressedBy">Who put the new wording into words.</param>
    /// <param name="statement">The new statement (free text).</param>
    /// <param name="targets">The new targets.</param>
    /// <param name="at">When.</param>
    /// <returns>The new goal.</returns>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is the default value, or the statement is blank or too long.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> or <paramref name="expressedBy"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">
    /// The goal is closed (<c>TA.GOAL.ILLEGAL_TRANSITION</c>), or <paramref name="newId"/> is this goal's id (<c>TA.GOAL.SAME_ID</c>).
    /// </exception>
    public Goal Revise(GoalId newId, Party by, GoalExpressedBy expressedBy, string statement, IEnumerable<GoalTarget> targets, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        RequireOpen(nameof(Revise));
        RequireNotBefore(at);
        if (newId == Id)
        {
            throw new DomainRuleException(GoalRuleCodes.SameId, $"The revision of goal {Id} needs an id of its own.");
        }

        Goal revised = Create(newId, PatientId, ClinicianId, expressedBy, statement, targets, at, Id, RevisionOf);
        ReplacedBy = newId;
        Status = GoalLifecycleStatus.Cancelled;
        _history.Add(Status, at);
        _changes.Record(new GoalReplaced(Id, _changes.NextVersion, at, by, newId));
        _changes.Journal(nameof(Revise), newId, by, expressedBy, statement, revised.Targets, at);
        return revised;
    }

    /// <summary>Marks the goal as entered in error. Everything recorded is kept.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">It is already marked (<c>TA.GOAL.ILLEGAL_TRANSITION</c>).</exception>
    public void MarkEnteredInError(Instant at)
    {
        if (Status == GoalLifecycleStatus.EnteredInError)
        {
            throw IllegalTransition(nameof(MarkEnteredInError), "any status but EnteredInError");
        }

        RequireNotBefore(at);

        ChangeStatus(GoalLifecycleStatus.EnteredInError, at);
        _changes.Journal(nameof(MarkEnteredInError), at);
    }

    /// <summary>The lifecycle status the goal had at an instant: the last change at or before it; Proposed before the first.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The status then.</returns>
    [Pure]
    public GoalLifecycleStatus StatusAt(Instant at) => _history.At(at, GoalLifecycleStatus.Proposed);

    /// <summary>The latest progress update at or before an instant; null when there was none.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The update, or null.</returns>
    [Pure]
    public ProgressUpdate? LatestProgressAt(Instant at)
    {
        for (int i = _progress.Count - 1; i >= 0; i--)
        {
            if (_progress[i].At <= at)
            {
                return _progress[i];
            }
        }

        return null;
    }

    /// <summary>Returns and clears the pending events, oldest first.</summary>
    /// <returns>The events recorded since the last call.</returns>
    public IReadOnlyList<GoalEvent> DequeueEvents() => _changes.Dequeue();

    /// <summary>The commands accepted so far, with their arguments: what a caseload document writes as the history.</summary>
    internal IReadOnlyList<JournalEntry> Journal => _changes.Commands;

    /// <summary>Returns the id, status and version. Never the statement.</summary>
    public override string ToString() => $"Goal {Id} {Status} v{Version}";

    private static Goal Create(
        GoalId id, PatientId patientId, ClinicianId clinicianId, GoalExpressedBy expressedBy, string statement, IEnumerable<GoalTarget> targets, Instant at, GoalId? replaces, string command)
    {
        Guards.NotDefault(id, id.Value);
        Guards.NotDefault(patientId, patientId.Value);
        Guards.NotDefault(clinicianId, clinicianId.Value);
        Guard.Against.UndefinedEnum(expressedBy);
        Guards.RequiredFreeText(statement, MaximumStatementLength);
        Guard.Against.Null(targets);
        ImmutableArray<GoalTarget> list = targets.ToImmutableArray();
        if (list.Any(t => t is null))
        {
            throw new ArgumentNullException(nameof(targets), "A target is null.");
        }

        var goal = new Goal(id, patientId, clinicianId, expressedBy, statement, list, replaces) { Status = GoalLifecycleStatus.Proposed };
        goal._history.Add(GoalLifecycleStatus.Proposed, at);
        goal._changes.Record(new GoalProposed(id, 1, at, patientId, expressedBy, replaces));
        if (replaces is { } replaced)
        {
            // The revision's arguments are in the replaced goal's journal; this one only points there.
            goal._changes.Journal(command, replaced);
        }
        else
        {
            goal._changes.Journal(command, id, patientId, clinicianId, expressedBy, statement, list, at);
        }

        return goal;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private void Close(GoalLifecycleStatus status, Party by, string reasonCode, Instant at)
    {
        Status = status;
        _history.Add(status, at);
        _changes.Record(new GoalClosed(Id, _changes.NextVersion, at, status, by, reasonCode));
    }

    private void ChangeStatus(GoalLifecycleStatus status, Instant at)
    {
        Status = status;
        _history.Add(status, at);
        _changes.Record(new GoalStatusChanged(Id, _changes.NextVersion, at, status));
    }

    private void RequireNotBefore(Instant at)
    {
        Instant last = _history.LastChangeAt!.Value;
        Instant lastAcceptance = Max(PatientAcceptedAt ?? last, ClinicianAcceptedAt ?? last);
        if (at < Max(last, lastAcceptance))
        {
            throw new DomainRuleException(GoalRuleCodes.TimeOrder, $"Goal {Id}: a change cannot be dated before the goal's previous change.");
        }
    }

    private void RequireInOrder(ProgressUpdate update)
    {
        if (_progress.Count > 0 && update.At < _progress[^1].At)
        {
            throw new DomainRuleException(GoalRuleCodes.ProgressOrder, $"Goal {Id}: progress update {update.Id} is dated before the previous one.");
        }

        if (_progress.Any(p => p.Id == update.Id))
        {
            throw new DomainRuleException(GoalRuleCodes.ProgressOrder, $"Goal {Id} already has progress update {update.Id}.");
        }
    }

    private void RequireOpen(string command) => RequireStatus(
        command, GoalLifecycleStatus.Proposed, GoalLifecycleStatus.Planned, GoalLifecycleStatus.Accepted, GoalLifecycleStatus.Active, GoalLifecycleStatus.OnHold);

    private void RequireStatus(string command, params ReadOnlySpan<GoalLifecycleStatus> allowed)
    {
        if (!StatusHistory<GoalLifecycleStatus>.IsOneOf(Status, allowed))
        {
            throw IllegalTransition(command, string.Join(" or ", allowed.ToArray()));
        }
    }

    private DomainRuleException IllegalTransition(string command, string expected) =>
        new(GoalRuleCodes.IllegalTransition, $"{command} is not allowed for goal {Id} in status {Status} (expected {expected}).");
}
