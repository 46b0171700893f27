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
/// A treatment plan: the agreed plan that serves the patient's goals, with the explanations given before
/// the patient agreed, its interventions, its review schedule and an append-only history of agreed versions.
/// </summary>
/// <remarks>
/// <para>
/// A draft becomes active (<see cref="Activate"/>) only with at least one goal both parties agreed and the
/// patient's agreement to that version: that is revision 1. Every later change of content is a
/// <see cref="Revise">revision</see> with its instant, party, reason codes, what prompted it and the
/// patient's agreement; past versions are kept and can be read back (<see cref="ContentAt"/>).
/// </para>
/// <para>
/// Medication is prescribed as part of the plan: a medication can be added only by revising an active plan,
/// linked to plan goals that both parties agreed.
/// </para>
/// <para>
/// Every command applies fully, bumping <see cref="Version"/> and recording an event, or throws
/// <see cref="DomainRuleException"/> (codes in <see cref="TreatmentPlanRuleCodes"/>) and changes nothing. Not thread-safe.
/// </para>
/// </remarks>
public sealed class TreatmentPlan
{
    private readonly ChangeTracker<TreatmentPlanEvent> _changes = new();
    private readonly List<PlanRevision> _revisions = [];
    private readonly List<Explanation> _explanations = [];
    private readonly List<PlanReview> _reviews = [];
    private readonly StatusHistory<TreatmentPlanStatus> _history = new();

    private TreatmentPlan(TreatmentPlanId id, PatientId patientId, ClinicianId clinicianId, PlanContent content)
    {
        Id = id;
        PatientId = patientId;
        ClinicianId = clinicianId;
        Current = content;
        Revisions = _revisions.AsReadOnly();
        Explanations = _explanations.AsReadOnly();
        Reviews = _reviews.AsReadOnly();
    }

    /// <summary>The plan's id.</summary>
    public TreatmentPlanId Id { get; }

    /// <summary>The patient.</summary>
    public PatientId PatientId { get; }

    /// <summary>The clinician.</summary>
    public ClinicianId ClinicianId { get; }

    /// <summary>The status.</summary>
    public TreatmentPlanStatus Status { get; private set; }

    /// <summary>When the plan became active; null while a draft.</summary>
    public Instant? ActivatedAt => _revisions.Count == 0 ? null : _revisions[0].At;

    /// <summary>What the plan says now: the draft's content, or the latest revision's.</summary>
    public PlanContent Current { get; private set; }

    /// <summary>The agreed versions, oldest first; revision 1 is the activated plan. Append-only; a live read-only view.</summary>
    public IReadOnlyList<PlanRevision> Revisions { get; }

    /// <summary>The explanations given, oldest first; a live read-only view.</summary>
    public IReadOnlyList<Explanation> Explanations { get; }

    /// <summary>The option the patient chose; null until chosen (the latest choice when chosen again).</summary>
    public string? ChosenOption => _explanations.LastOrDefault(e => e.Kind == ExplanationKind.OptionChosen)?.Code;

    /// <summary>The reviews held, oldest first; a live read-only view.</summary>
    public IReadOnlyList<PlanReview> Reviews { get; }

    /// <summary>When the next review is due; null when none is scheduled.</summary>
    public Instant? NextReviewDue { get; private set; }

    /// <summary>Increments with every change; 1 after drafting.</summary>
    public long Version => _changes.Version;

    /// <summary>Events recorded since the last <see cref="DequeueEvents"/>, oldest first.</summary>
    public IReadOnlyList<TreatmentPlanEvent> PendingEvents => _changes.Pending;

    /// <summary>Drafts a plan.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="patientId">The patient.</param>
    /// <param name="clinicianId">The clinician.</param>
    /// <param name="content">The draft content; it may not hold medications yet (a medication is added to an active plan).</param>
    /// <param name="at">When.</param>
    /// <returns>The plan, version 1, status <see cref="TreatmentPlanStatus.Draft"/>.</returns>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="DomainRuleException">The content holds a medication (<c>TA.PLAN.MEDICATION_OUTSIDE_PLAN</c>).</exception>
    public static TreatmentPlan Draft(TreatmentPlanId id, PatientId patientId, ClinicianId clinicianId, PlanContent content, Instant at)
    {
        Guards.NotDefault(id, id.Value);
        Guards.NotDefault(patientId, patientId.Value);
        Guards.NotDefault(clinicianId, clinicianId.Value);
        Guard.Against.Null(content);
        RequireNoMedication(id, content);
        var plan = new TreatmentPlan(id, patientId, clinicianId, content) { Status = TreatmentPlanStatus.Draft };
        plan._history.Add(TreatmentPlanStatus.Draft, at);
        plan._changes.Record(new TreatmentPlanDrafted(id, 1, at, patientId, clinicianId));
        plan._changes.Journal(nameof(Draft), id, patientId, clinicianId, content, at);
        return plan;
    }

    /// <summary>Replaces the draft's content.</summary>
    /// <param name="content">The new content; no medications yet.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="DomainRuleException">
    /// The plan is not a draft (<c>TA.PLAN.ILLEGAL_TRANSITION</c>; revise an active plan instead), the content holds a
    /// medication (<c>TA.PLAN.MEDICATION_OUTSIDE_PLAN</c>), or it is unchanged (<c>TA.PLAN.NOTHING_CHANGED</c>).
    /// </exception>
    public void ChangeDraft(PlanContent content, Instant at)
    {
        Guard.Against.Null(content);
        RequireStatus(nameof(ChangeDraft), TreatmentPlanStatus.Draft);
        RequireNoMedication(Id, content);
        RequireChanged(content);
        Current = content;
        _changes.Record(new TreatmentPlanDraftChanged(Id, _changes.NextVersion, at));
        _changes.Journal(nameof(ChangeDraft), content, at);
    }

    /// <summary>Records that the clinician explained a diagnosis in clear language.</summary>
    /// <param name="diagnosisCode">The diagnosis code, for example ICD-10 <c>F32.1</c>.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentException"><paramref name="diagnosisCode"/> is not a code token.</exception>
    /// <exception cref="DomainRuleException">The plan is closed (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void ExplainDiagnosis(string diagnosisCode, Instant at) => Explain(nameof(ExplainDiagnosis), ExplanationKind.DiagnosisExplained, diagnosisCode, at);

    /// <summary>Records that a treatment option (including no treatment) was discussed: its nature, burdens, risks and benefits.</summary>
    /// <param name="optionCode">The option code.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentException"><paramref name="optionCode"/> is not a code token.</exception>
    /// <exception cref="DomainRuleException">The plan is closed (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void DiscussOption(string optionCode, Instant at) => Explain(nameof(DiscussOption), ExplanationKind.OptionDiscussed, optionCode, at);

    /// <summary>Records the option the patient chose, which must have been discussed first.</summary>
    /// <param name="optionCode">The option code.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentException"><paramref name="optionCode"/> is not a code token.</exception>
    /// <exception cref="DomainRuleException">
    /// The plan is closed (<c>TA.PLAN.ILLEGAL_TRANSITION</c>), or the option was not discussed by then (<c>TA.PLAN.OPTION_NOT_DISCUSSED</c>).
    /// </exception>
    public void ChooseOption(string optionCode, Instant at)
    {
        Guard.Against.InvalidCode(optionCode);
        if (!_explanations.Any(e => e.Kind == ExplanationKind.OptionDiscussed && e.Code == optionCode && e.At <= at))
        {
            RequireOpen(nameof(ChooseOption));
            throw new DomainRuleException(TreatmentPlanRuleCodes.OptionNotDiscussed, $"Plan {Id}: an option can be chosen only after it was discussed.");
        }

        Explain(nameof(ChooseOption), ExplanationKind.OptionChosen, optionCode, at);
    }

    /// <summary>
    /// Activates the plan with the patient's agreement: Draft → Active. The current content becomes revision 1.
    /// </summary>
    /// <param name="goals">
    /// The plan's goals (others are ignored); at least one must be agreed by both parties by <paramref name="patientAgreedAt"/> and open
    /// (accepted, active or on hold) then.
    /// </param>
    /// <param name="by">Who activated it.</param>
    /// <param name="patientAgreedAt">When the patient agreed to this version.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentNullException"><paramref name="goals"/> or an item is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">
    /// The plan is not a draft (<c>TA.PLAN.ILLEGAL_TRANSITION</c>), a goal belongs to another patient (<c>TA.PLAN.FOREIGN_GOAL</c>),
    /// or no plan goal is agreed (<c>TA.PLAN.NO_AGREED_GOAL</c>).
    /// </exception>
    public void Activate(IEnumerable<Goal> goals, Party by, Instant patientAgreedAt, Instant at)
    {
        Guard.Against.UndefinedEnum(by);
        RequireStatus(nameof(Activate), TreatmentPlanStatus.Draft);
        List<Goal> planGoals = PlanGoals(goals, Current);
        if (!planGoals.Any(g => g.AgreedAt <= patientAgreedAt && IsOpenAt(g, patientAgreedAt)))
        {
            throw new DomainRuleException(TreatmentPlanRuleCodes.NoAgreedGoal, $"Plan {Id} cannot be activated: none of its goals is agreed by both parties.");
        }

        _revisions.Add(new PlanRevision(1, at, by, [], [], [], patientAgreedAt, Current));
        Status = TreatmentPlanStatus.Active;
        _history.Add(Status, at);
        _changes.Record(new TreatmentPlanRevised(Id, _changes.NextVersion, at, 1));
        _changes.Journal(nameof(Activate), planGoals.Select(g => g.Id).ToImmutableArray(), by, patientAgreedAt, at);
    }

    /// <summary>Records a new agreed version of an active or paused plan.</summary>
    /// <param name="content">The new content (derive it from <see cref="Current"/> with its <c>With…</c> methods).</param>
    /// <param name="goals">The plan's goals, to check that every newly added medication serves agreed goals.</param>
    /// <param name="by">Who revised it.</param>
    /// <param name="reasonCodes">Why (code tokens); an empty list is allowed but <c>TA.COMM.REVISED_WITHOUT_REASON</c> reports it.</param>
    /// <param name="promptedByProgress">The progress updates that prompted the revision.</param>
    /// <param name="promptedByFeedback">The feedback that prompted the revision.</param>
    /// <param name="patientAgreedAt">When the patient agreed to this version; null when they have not (yet).</param>
    /// <param name="at">When.</param>
    /// <returns>The revision.</returns>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentException">A reason code is not a code token.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not defined.</exception>
    /// <exception cref="DomainRuleException">
    /// The plan is not active or on hold (<c>TA.PLAN.ILLEGAL_TRANSITION</c>), the revision is dated before the previous one
    /// (<c>TA.PLAN.REVISION_ORDER</c>), nothing changed (<c>TA.PLAN.NOTHING_CHANGED</c>),
    /// a goal belongs to another patient (<c>TA.PLAN.FOREIGN_GOAL</c>), or a new medication (a code the plan did not hold) is not
    /// linked only to open plan goals that both parties agreed, or the plan is not active (<c>TA.PLAN.MEDICATION_OUTSIDE_PLAN</c>).
    /// </exception>
    public PlanRevision Revise(
        PlanContent content,
        IEnumerable<Goal> goals,
        Party by,
        IEnumerable<string> reasonCodes,
        IEnumerable<ProgressUpdateId> promptedByProgress,
        IEnumerable<FeedbackId> promptedByFeedback,
        Instant? patientAgreedAt,
        Instant at)
    {
        Guard.Against.Null(content);
        Guard.Against.UndefinedEnum(by);
        ImmutableArray<string> reasons = [.. Guard.Against.Null(reasonCodes)];
        if (reasons.Any(r => r is null))
        {
            throw new ArgumentNullException(nameof(reasonCodes), "A reason code is null.");
        }

        if (!reasons.All(Guards.IsCode))
        {
            throw new ArgumentException("Reason codes must be code tokens; free text is not accepted.", nameof(reasonCodes));
        }

        ImmutableArray<ProgressUpdateId> progress = [.. Guard.Against.Null(promptedByProgress).Select(p => Guards.NotDefault(p, p.Value, nameof(promptedByProgress)))];
        ImmutableArray<FeedbackId> feedback = [.. Guard.Against.Null(promptedByFeedback).Select(f => Guards.NotDefault(f, f.Value, nameof(promptedByFeedback)))];
        var revision = new PlanRevision(_revisions.Count + 1, at, by, reasons, progress, feedback, patientAgreedAt, content);
        RequireStatus(nameof(Revise), TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold);
        List<Goal> planGoals = PlanGoals(goals, content);
        if (at < _revisions[^1].At)
        {
            throw new DomainRuleException(TreatmentPlanRuleCodes.RevisionOrder, $"Plan {Id}: a revision cannot be dated before revision {_revisions.Count}.");
        }

        RequireChanged(content);
        // A medication is new when the plan did not hold its code; relinking an existing one to fewer goals is not adding it.
        foreach (MedicationIntervention added in content.Medications.Where(m => !Current.Medications.Any(c => c.Code == m.Code)))
        {
            bool servesAgreedGoals = added.GoalIds.All(id => planGoals.Any(g => g.Id == id && g.AgreedAt <= at && IsOpenAt(g, at)));
            if (Status != TreatmentPlanStatus.Active || !servesAgreedGoals)
            {
                throw new DomainRuleException(
                    TreatmentPlanRuleCodes.MedicationOutsidePlan,
                    $"Plan {Id}: medication {added.Code} can be added only to an active plan, linked to plan goals both parties agreed.");
            }
        }

        _revisions.Add(revision);
        Current = content;
        _changes.Record(new TreatmentPlanRevised(Id, _changes.NextVersion, at, revision.Number));
        _changes.Journal(nameof(Revise), content, planGoals.Select(g => g.Id).ToImmutableArray(), by, reasons, progress, feedback, patientAgreedAt, at);
        return revision;
    }

    /// <summary>Sets when the next review is due.</summary>
    /// <param name="due">When.</param>
    /// <param name="at">When it was scheduled.</param>
    /// <exception cref="DomainRuleException">The plan is closed (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void ScheduleReview(Instant due, Instant at)
    {
        RequireOpen(nameof(ScheduleReview));
        NextReviewDue = due;
        _changes.Record(new TreatmentPlanReviewed(Id, _changes.NextVersion, at, due));
        _changes.Journal(nameof(ScheduleReview), due, at);
    }

    /// <summary>Records a review held with the patient, and when the next one is due.</summary>
    /// <param name="goalsDiscussed">The plan goals discussed.</param>
    /// <param name="nextDue">When the next review is due; null to leave none scheduled.</param>
    /// <param name="at">When the review took place.</param>
    /// <exception cref="ArgumentNullException"><paramref name="goalsDiscussed"/> is null.</exception>
    /// <exception cref="DomainRuleException">
    /// The plan is not active or on hold (<c>TA.PLAN.ILLEGAL_TRANSITION</c>), or a goal is not in the plan (<c>TA.PLAN.FOREIGN_GOAL</c>).
    /// </exception>
    public void RecordReview(IEnumerable<GoalId> goalsDiscussed, Instant? nextDue, Instant at)
    {
        ImmutableArray<GoalId> discussed = [.. Guard.Against.Null(goalsDiscussed).Distinct()];
        RequireStatus(nameof(RecordReview), TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold);
        if (discussed.Any(g => !Current.GoalIds.Contains(g)))
        {
            throw new DomainRuleException(TreatmentPlanRuleCodes.ForeignGoal, $"Plan {Id}: a reviewed goal is not in the plan.");
        }

        _reviews.Add(new PlanReview(at, discussed));
        NextReviewDue = nextDue;
        _changes.Record(new TreatmentPlanReviewed(Id, _changes.NextVersion, at, nextDue));
        _changes.Journal(nameof(RecordReview), discussed, nextDue, at);
    }

    /// <summary>Pauses the plan: Active → OnHold.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The plan is not active (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void PutOnHold(Instant at) => Move(nameof(PutOnHold), TreatmentPlanStatus.OnHold, at, TreatmentPlanStatus.Active);

    /// <summary>Resumes the plan: OnHold → Active.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The plan is not on hold (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void Resume(Instant at) => Move(nameof(Resume), TreatmentPlanStatus.Active, at, TreatmentPlanStatus.OnHold);

    /// <summary>Ends the plan before completion: Active or OnHold → Revoked.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The plan is not active or on hold (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void Revoke(Instant at) => Move(nameof(Revoke), TreatmentPlanStatus.Revoked, at, TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold);

    /// <summary>Finishes the plan: Active or OnHold → Completed.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">The plan is not active or on hold (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void Complete(Instant at) => Move(nameof(Complete), TreatmentPlanStatus.Completed, at, TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold);

    /// <summary>Marks the plan as entered in error. Everything recorded is kept.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="DomainRuleException">It is already marked (<c>TA.PLAN.ILLEGAL_TRANSITION</c>).</exception>
    public void MarkEnteredInError(Instant at) => Move(
        nameof(MarkEnteredInError), TreatmentPlanStatus.EnteredInError, at,
        TreatmentPlanStatus.Draft, TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold, TreatmentPlanStatus.Revoked, TreatmentPlanStatus.Completed);

    /// <summary>The content of a past agreed version.</summary>
    /// <param name="revisionNumber">The revision's number, from 1.</param>
    /// <returns>The content then.</returns>
    /// <exception cref="ArgumentOutOfRangeException">There is no such revision.</exception>
    [Pure]
    public PlanContent ContentAt(int revisionNumber) =>
        revisionNumber >= 1 && revisionNumber <= _revisions.Count
            ? _revisions[revisionNumber - 1].Content
            : throw new ArgumentOutOfRangeException(nameof(revisionNumber), "There is no revision with that number.");

    /// <summary>The revision in force at an instant: the last made at or before it; null before activation.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The revision, or null.</returns>
    [Pure]
    public PlanRevision? RevisionAt(Instant at)
    {
        for (int i = _revisions.Count - 1; i >= 0; i--)
        {
            if (_revisions[i].At <= at)
            {
                return _revisions[i];
            }
        }

        return null;
    }

    /// <summary>The status the plan had at an instant: the last change at or before it; Draft before the first.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The status then.</returns>
    [Pure]
    public TreatmentPlanStatus StatusAt(Instant at) => _history.At(at, TreatmentPlanStatus.Draft);

    /// <summary>Whether an explanation of the given kind was given at or before an instant.</summary>
    /// <param name="kind">The kind of explanation.</param>
    /// <param name="at">The instant.</param>
    /// <returns>True when one was.</returns>
    [Pure]
    public bool HasExplanation(ExplanationKind kind, Instant at)
    {
        foreach (Explanation explanation in _explanations)
        {
            if (explanation.Kind == kind && explanation.At <= at)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns and clears the pending events, oldest first.</summary>
    /// <returns>The events recorded since the last call.</returns>
    public IReadOnlyList<TreatmentPlanEvent> DequeueEvents() => _changes.Dequeue();

    /// <summary>The commands accepted so far, with their arguments: what a caseload document writes as the history.</summary>
    internal IReadOnlyList<JournalEntry> Journal => _changes.Commands;

    /// <summary>Returns the id, status, revision count and version.</summary>
    public override string ToString() => $"TreatmentPlan {Id} {Status} r{_revisions.Count} v{Version}";

    // Agreement counts while the goal is open: a goal agreed and then cancelled or rejected no longer carries the plan.
    private static bool IsOpenAt(Goal goal, Instant at) =>
        goal.StatusAt(at) is GoalLifecycleStatus.Accepted or GoalLifecycleStatus.Active or GoalLifecycleStatus.OnHold;

    private static void RequireNoMedication(TreatmentPlanId id, PlanContent content)
    {
        if (content.Medications.Any())
        {
            throw new DomainRuleException(
                TreatmentPlanRuleCodes.MedicationOutsidePlan, $"Plan {id}: a medication can be added only to an active plan, by revising it.");
        }
    }

    private List<Goal> PlanGoals(IEnumerable<Goal> goals, PlanContent content)
    {
        Guard.Against.Null(goals);
        var list = new List<Goal>();
        foreach (Goal goal in goals)
        {
            Guard.Against.Null(goal, nameof(goals), "A goal is null.");
            if (goal.PatientId != PatientId)
            {
                throw new DomainRuleException(TreatmentPlanRuleCodes.ForeignGoal, $"Plan {Id}: goal {goal.Id} belongs to another patient.");
            }

            if (content.GoalIds.Contains(goal.Id))
            {
                list.Add(goal);
            }
        }

        return list;
    }

    private void Explain(string command, ExplanationKind kind, string code, Instant at)
    {
        Guard.Against.InvalidCode(code);
        RequireOpen(kind.ToString());
        _explanations.Add(new Explanation(kind, code, at));
        _changes.Record(new TreatmentPlanExplanationGiven(Id, _changes.NextVersion, at, kind));
        _changes.Journal(command, code, at);
    }

    private void Move(string command, TreatmentPlanStatus to, Instant at, params ReadOnlySpan<TreatmentPlanStatus> from)
    {
        RequireStatus(command, from);
        Status = to;
        _history.Add(to, at);
        _changes.Record(new TreatmentPlanStatusChanged(Id, _changes.NextVersion, at, to));
        _changes.Journal(command, at);
    }

    private void RequireChanged(PlanContent content)
    {
        if (content.Equals(Current))
        {
            throw new DomainRuleException(TreatmentPlanRuleCodes.NothingChanged, $"Plan {Id}: the new content is the same as the current one.");
        }
    }

    private void RequireOpen(string command) => RequireStatus(command, TreatmentPlanStatus.Draft, TreatmentPlanStatus.Active, TreatmentPlanStatus.OnHold);

    private void RequireStatus(string command, params ReadOnlySpan<TreatmentPlanStatus> allowed)
    {
        if (!StatusHistory<TreatmentPlanStatus>.IsOneOf(Status, allowed))
        {
            throw new DomainRuleException(
                TreatmentPlanRuleCodes.IllegalTransition, $"{command} is not allowed for plan {Id} in status {Status} (expected {string.Join(" or ", allowed.ToArray())}).");
        }
    }
}
