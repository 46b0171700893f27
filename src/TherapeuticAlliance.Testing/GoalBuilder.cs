using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Planning;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds goals through the library's public commands. By default: a goal of patient <c>p-1</c> with clinician
/// <c>c-1</c>, in the patient's words, with a PHQ-9 target (below 10 by 2026-12-01), proposed at
/// <see cref="BuilderDefaults.GoalsProposedAt"/> and agreed by both parties 20 minutes later (status Accepted).
/// </summary>
/// <remarks>
/// <para>
/// The timeline, from the proposal P: the patient accepts at P + 10 min, the clinician at P + 20 min (the goal is then
/// agreed), work starts at P + 1 day, progress updates follow weekly from P + 7 days, the goal is put on hold at P + 14
/// days beyond the last update, and completed or cancelled a week after that. Each step implies the ones before it.
/// </para>
/// <para>Ids are <c>g-1</c>, <c>g-2</c>… for successive builds, unless <see cref="WithId"/> fixes one. Mutable; not thread-safe.</para>
/// </remarks>
public sealed class GoalBuilder
{
    /// <summary>The default statement, in the patient's words (free text).</summary>
    public const string DefaultStatement = "Sleep through the night again";

    private readonly Ids _ids = new("g");
    private readonly List<GoalAchievementStatus> _progress = [];
    private string _patient = BuilderDefaults.Patient;
    private string _clinician = BuilderDefaults.Clinician;
    private GoalExpressedBy _expressedBy = GoalExpressedBy.Patient;
    private string _statement = DefaultStatement;
    private GoalTarget[] _targets = [new(GoalTarget.Phq9TotalLoinc, TargetComparator.LessThan, 10m, new LocalDate(2026, 12, 1))];
    private Instant _proposedAt = BuilderDefaults.GoalsProposedAt;
    private Stage _stage = Stage.Agreed;
    private Party _onlyAcceptedBy;
    private GoalAchievementStatus _final = GoalAchievementStatus.Achieved;

    private enum Stage
    {
        Proposed,
        AcceptedByOne,
        Agreed,
        Active,
        OnHold,
        Completed,
        Cancelled,
    }

    /// <summary>The goals' proposal instant, P (default <see cref="BuilderDefaults.GoalsProposedAt"/>).</summary>
    public Instant ProposedAtInstant => _proposedAt;

    /// <summary>When the goals become agreed: P + 20 minutes.</summary>
    public Instant AgreedAt => _proposedAt + Duration.FromMinutes(20);

    /// <summary>When work on the goals starts (<see cref="Active"/>): P + 1 day.</summary>
    public Instant ActivatedAt => _proposedAt + Duration.FromDays(1);

    /// <summary>Fixes the id of every goal this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the clinician.</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder WithClinician(string clinicianId)
    {
        _clinician = Guard.Against.Null(clinicianId);
        return this;
    }

    /// <summary>Sets who put the goal into words (default the patient).</summary>
    /// <param name="expressedBy">Who.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder ExpressedBy(GoalExpressedBy expressedBy)
    {
        _expressedBy = expressedBy;
        return this;
    }

    /// <summary>Sets the statement (free text; kept out of every message).</summary>
    /// <param name="statement">The goal in the patient's words.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder WithStatement(string statement)
    {
        _statement = Guard.Against.Null(statement);
        return this;
    }

    /// <summary>Replaces the targets (none: a goal without a measurable target).</summary>
    /// <param name="targets">The targets.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder WithTargets(params GoalTarget[] targets)
    {
        _targets = [.. Guard.Against.Null(targets)];
        return this;
    }

    /// <summary>Sets the proposal instant P; every later step keeps its offset from it.</summary>
    /// <param name="at">When the goal is proposed.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder ProposedAt(Instant at)
    {
        _proposedAt = at;
        return this;
    }

    /// <summary>Leaves the goal proposed: nobody has accepted it.</summary>
    /// <returns>This builder.</returns>
    public GoalBuilder Proposed()
    {
        _stage = Stage.Proposed;
        return this;
    }

    /// <summary>Has one party accept the goal (at P + 10 min); the other has not, so it is not agreed.</summary>
    /// <param name="party">Who accepts.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder AcceptedOnlyBy(Party party)
    {
        _onlyAcceptedBy = party;
        _stage = Stage.AcceptedByOne;
        return this;
    }

    /// <summary>Has both parties accept the goal: status Accepted (the default).</summary>
    /// <returns>This builder.</returns>
    public GoalBuilder Agreed()
    {
        _stage = Stage.Agreed;
        return this;
    }

    /// <summary>Starts work on the agreed goal at P + 1 day.</summary>
    /// <returns>This builder.</returns>
    public GoalBuilder Active() => Reach(Stage.Active);

    /// <summary>Records a progress update by the clinician, a week after the previous one (the first at P + 7 days). Implies <see cref="Active"/>.</summary>
    /// <param name="assessed">The achievement status assessed.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder WithProgress(GoalAchievementStatus assessed)
    {
        _progress.Add(assessed);
        return Reach(Stage.Active);
    }

    /// <summary>Puts the active goal on hold a week after its last progress update (or at P + 14 days).</summary>
    /// <returns>This builder.</returns>
    public GoalBuilder OnHold() => Reach(Stage.OnHold);

    /// <summary>Completes the goal with a final assessment a week after the last step.</summary>
    /// <param name="final">The final achievement status (default achieved); one that is not final is refused by the goal.</param>
    /// <returns>This builder.</returns>
    public GoalBuilder Completed(GoalAchievementStatus final = GoalAchievementStatus.Achieved)
    {
        _final = final;
        _stage = Stage.Completed;
        return this;
    }

    /// <summary>Has the clinician cancel the goal (reason <c>no-longer-relevant</c>) a week after the last step.</summary>
    /// <returns>This builder.</returns>
    public GoalBuilder Cancelled()
    {
        _stage = Stage.Cancelled;
        return this;
    }

    /// <summary>Builds a goal by the library's commands, in time order.</summary>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentException">An id or the statement is not valid (the library's message).</exception>
    /// <exception cref="DomainRuleException">The overrides ask for a history the goal refuses (the library's rule code).</exception>
    public Goal Build()
    {
        Goal goal = Goal.Propose(
            new GoalId(_ids.Next()), new PatientId(_patient), new ClinicianId(_clinician), _expressedBy, _statement, _targets, _proposedAt);
        if (_stage == Stage.Proposed)
        {
            return goal;
        }

        if (_stage == Stage.AcceptedByOne)
        {
            goal.Accept(_onlyAcceptedBy, _proposedAt + Duration.FromMinutes(10));
            return goal;
        }

        goal.Accept(Party.Patient, _proposedAt + Duration.FromMinutes(10));
        goal.Accept(Party.Clinician, AgreedAt);
        if (_stage == Stage.Agreed)
        {
            return goal;
        }

        goal.Activate(ActivatedAt);
        Instant last = ActivatedAt;
        for (int i = 0; i < _progress.Count; i++)
        {
            last = _proposedAt + Duration.FromDays(7 * (i + 1));
            goal.RecordProgress(Update($"u-{i + 1}", last, _progress[i]));
        }

        Instant next = Later(last + Duration.FromDays(7), _proposedAt + Duration.FromDays(14));
        switch (_stage)
        {
            case Stage.OnHold:
                goal.PutOnHold(next);
                break;
            case Stage.Completed:
                goal.Complete(Update("u-final", next, _final));
                break;
            case Stage.Cancelled:
                goal.Cancel(Party.Clinician, "no-longer-relevant", next);
                break;
            default:
                break;
        }

        return goal;
    }

    private static ProgressUpdate Update(string id, Instant at, GoalAchievementStatus assessed) =>
        new(new ProgressUpdateId(id), at, Party.Clinician, assessed, whatWorks: null, whatDoesNot: null, measureValue: null);

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private GoalBuilder Reach(Stage stage)
    {
        if (_stage is Stage.Completed or Stage.Cancelled || _stage < stage)
        {
            _stage = stage;
        }

        return this;
    }
}
