using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// The focus and communication rules over a <see cref="TreatmentEpisode"/>, built from one <see cref="PlanningSettings"/>.
/// </summary>
/// <remarks>
/// Rules skip plans entered in error, and all but <see cref="MedicationOutsidePlanRule"/> skip drafts (a prescription
/// with no agreed plan in force is outside the plan). A value exactly at a threshold passes, except where a rule
/// says it warns at its threshold. Each rule names its source; where the source sets no number the threshold is a
/// practice default. Instants are judged against <see cref="TreatmentEpisode.AsOf"/>; statuses (of goals, and whether
/// the plan is open) and the review schedule are the aggregates' current ones.
/// </remarks>
public static class PlanningRules
{
    /// <summary>Every focus and communication rule, with the given settings.</summary>
    /// <param name="settings">The thresholds; <see cref="PlanningSettings.Default"/> when null.</param>
    /// <returns>The rule set, in catalogue order.</returns>
    [Pure]
    public static RuleSet<TreatmentEpisode> Create(PlanningSettings? settings = null)
    {
        settings ??= PlanningSettings.Default;
        return new RuleSet<TreatmentEpisode>(
        [
            new OffGoalSessionRule(settings),
            new NoAgreedGoalRule(),
            new MedicationOutsidePlanRule(),
            new ReviewOverdueRule(settings),
            new ProgressOverdueRule(settings),
            new RevisedWithoutReasonRule(),
            new AgreedBeforeExplainedRule(),
            new NoPatientGoalRule(),
        ]);
    }

    /// <summary>Whether the plan has been agreed and not entered in error: drafts and errors are not judged.</summary>
    internal static bool IsJudged(TreatmentPlan plan) => plan.Revisions.Count > 0 && plan.Status != TreatmentPlanStatus.EnteredInError;

    internal static bool IsOpen(TreatmentPlan plan) => plan.Status is TreatmentPlanStatus.Active or TreatmentPlanStatus.OnHold;

    internal static bool IsOpenGoal(GoalLifecycleStatus status) =>
        status is GoalLifecycleStatus.Accepted or GoalLifecycleStatus.Active or GoalLifecycleStatus.OnHold;
}

/// <summary>
/// <c>TA.FOCUS.OFF_GOAL_SESSION</c>: for each fulfilled session with recorded topics, held while the plan was in
/// force (active or on hold at the session's start), the share of topic minutes spent on goals that were in the plan and active at the session's start.
/// A share below <see cref="PlanningSettings.MinimumGoalShare"/> warns.
/// </summary>
public sealed class OffGoalSessionRule : IRule<TreatmentEpisode>
{
    private readonly PlanningSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public OffGoalSessionRule(PlanningSettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.OffGoalSession;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.AcaCounselingPlans;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (!PlanningRules.IsJudged(subject.Plan))
        {
            return;
        }

        foreach (Appointment session in subject.FulfilledSessions)
        {
            Instant start = session.StartedAt!.Value;
            if (session.Topics.IsEmpty || subject.Plan.RevisionAt(start) is not { } revision || !IsInForce(subject.Plan.StatusAt(start)))
            {
                continue;
            }

            int total = 0;
            int onGoals = 0;
            foreach (SessionTopic topic in session.Topics)
            {
                total += topic.Minutes;
                if (ServesActivePlanGoal(topic, revision, subject, start))
                {
                    onGoals += topic.Minutes;
                }
            }

            double share = (double)onGoals / total;
            SubjectRef reference = SubjectRef.To(session.Id);
            verdicts.Add(share < _settings.MinimumGoalShare
                ? new Verdict(Code, Outcome.Warning, reference, Citation,
                [
                    Evidence.OfNumber("goalShare", share),
                    Evidence.OfNumber("minimumShare", _settings.MinimumGoalShare),
                    Evidence.OfNumber("goalMinutes", onGoals),
                    Evidence.OfNumber("topicMinutes", total),
                ])
                : Verdict.Pass(Code, reference, Citation));
        }
    }

    private static bool IsInForce(TreatmentPlanStatus status) => status is TreatmentPlanStatus.Active or TreatmentPlanStatus.OnHold;

    private static bool ServesActivePlanGoal(SessionTopic topic, PlanRevision revision, TreatmentEpisode episode, Instant start)
    {
        foreach (GoalId id in topic.GoalIds)
        {
            if (revision.Content.GoalIds.Contains(id) && episode.FindGoal(id)?.StatusAt(start) == GoalLifecycleStatus.Active)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// <c>TA.FOCUS.NO_AGREED_GOAL</c>: an active or paused plan must hold at least one goal that both parties agreed and
/// that is still open (accepted, active or on hold). Needs review otherwise: plans are made jointly.
/// </summary>
public sealed class NoAgreedGoalRule : IRule<TreatmentEpisode>
{
    /// <summary>Creates the rule. It has no settings.</summary>
    public NoAgreedGoalRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.NoAgreedGoal;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.AcaCounselingPlans;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        TreatmentPlan plan = subject.Plan;
        if (!PlanningRules.IsJudged(plan) || !PlanningRules.IsOpen(plan))
        {
            return;
        }

        bool hasAgreedGoal = false;
        foreach (GoalId id in plan.Current.GoalIds)
        {
            hasAgreedGoal |= subject.FindGoal(id) is { IsAgreed: true } g && PlanningRules.IsOpenGoal(g.Status);
        }

        SubjectRef reference = SubjectRef.To(plan.Id);
        verdicts.Add(hasAgreedGoal
            ? Verdict.Pass(Code, reference, Citation)
            : new Verdict(Code, Outcome.NeedsReview, reference, Citation, [Evidence.OfNumber("planGoals", plan.Current.GoalIds.Length)]));
    }
}

/// <summary>
/// <c>TA.FOCUS.MEDICATION_OUTSIDE_PLAN</c>: each prescription must be for a medication held by the plan revision in
/// force when it was prescribed, while the plan was active or on hold. A violation otherwise (also while the plan was
/// a draft, revoked or completed), one per prescription.
/// </summary>
public sealed class MedicationOutsidePlanRule : IRule<TreatmentEpisode>
{
    /// <summary>Creates the rule. It has no settings.</summary>
    public MedicationOutsidePlanRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.MedicationOutsidePlan;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.ClinicPlanningPolicy;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        TreatmentPlan plan = subject.Plan;
        if (plan.Status == TreatmentPlanStatus.EnteredInError)
        {
            return;
        }

        SubjectRef reference = SubjectRef.To(plan.Id);
        foreach (Prescription prescription in subject.Prescriptions)
        {
            // Another clinician's prescription belongs to that clinician's plan.
            if (prescription.PrescribedAt > subject.AsOf || prescription.PrescriberId != plan.ClinicianId)
            {
                continue;
            }

            bool inPlan = plan.StatusAt(prescription.PrescribedAt) is TreatmentPlanStatus.Active or TreatmentPlanStatus.OnHold
                && plan.RevisionAt(prescription.PrescribedAt) is { } revision && Holds(revision.Content, prescription.MedicationCode);
            verdicts.Add(inPlan
                ? Verdict.Pass(Code, reference, Citation)
                : new Verdict(Code, Outcome.Violation, reference, Citation,
                    [Evidence.OfCode("medicationCode", prescription.MedicationCode), Evidence.OfInstant("prescribedAt", prescription.PrescribedAt)]));
        }
    }

    private static bool Holds(PlanContent content, string medicationCode)
    {
        foreach (Intervention intervention in content.Interventions)
        {
            if (intervention is MedicationIntervention && intervention.Code == medicationCode)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// <c>TA.COMM.REVIEW_OVERDUE</c>: an active or paused plan is reviewed with the patient regularly. The review is due
/// at <see cref="TreatmentPlan.NextReviewDue"/> when scheduled, otherwise <see cref="PlanningSettings.ReviewInterval"/>
/// after the last review (or activation). Warns when the episode's instant is past it; exactly at it passes.
/// </summary>
public sealed class ReviewOverdueRule : IRule<TreatmentEpisode>
{
    private readonly PlanningSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public ReviewOverdueRule(PlanningSettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.ReviewOverdue;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.AcaCounselingPlans;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        TreatmentPlan plan = subject.Plan;
        if (!PlanningRules.IsJudged(plan) || !PlanningRules.IsOpen(plan))
        {
            return;
        }

        Instant lastReview = plan.Reviews.Count > 0 ? plan.Reviews[^1].At : plan.ActivatedAt!.Value;
        Instant due = plan.NextReviewDue ?? lastReview + _settings.ReviewInterval;
        SubjectRef reference = SubjectRef.To(plan.Id);
        verdicts.Add(subject.AsOf > due
            ? new Verdict(Code, Outcome.Warning, reference, Citation, [Evidence.OfInstant("reviewDue", due), Evidence.OfDuration("overdueBy", subject.AsOf - due)])
            : Verdict.Pass(Code, reference, Citation));
    }
}

/// <summary>
/// <c>TA.COMM.PROGRESS_OVERDUE</c>: each active goal of the plan gets a progress update at least every
/// <see cref="PlanningSettings.SessionsWithoutProgress"/> fulfilled sessions. Counts the sessions started since the
/// goal's latest update (or since it became active); warns at the threshold, passes below it.
/// </summary>
public sealed class ProgressOverdueRule : IRule<TreatmentEpisode>
{
    private readonly PlanningSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public ProgressOverdueRule(PlanningSettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.ProgressOverdue;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.JointCommissionProgressMeasurement;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        TreatmentPlan plan = subject.Plan;
        if (!PlanningRules.IsJudged(plan) || !PlanningRules.IsOpen(plan))
        {
            return;
        }

        foreach (GoalId id in plan.Current.GoalIds)
        {
            if (subject.FindGoal(id) is not { Status: GoalLifecycleStatus.Active } goal)
            {
                continue;
            }

            Instant since = goal.LatestProgressAt(subject.AsOf)?.At ?? goal.ActivatedAt!.Value;
            int sessions = 0;
            foreach (Appointment session in subject.FulfilledSessions)
            {
                sessions += session.StartedAt > since ? 1 : 0;
            }

            SubjectRef reference = SubjectRef.To(goal.Id);
            verdicts.Add(sessions >= _settings.SessionsWithoutProgress
                ? new Verdict(Code, Outcome.Warning, reference, Citation,
                    [Evidence.OfNumber("sessionsSinceUpdate", sessions), Evidence.OfNumber("threshold", _settings.SessionsWithoutProgress)])
                : Verdict.Pass(Code, reference, Citation));
        }
    }
}

/// <summary>
/// <c>TA.COMM.REVISED_WITHOUT_REASON</c>: every revision after the first records why it was made (reason codes), so that
/// progress data visibly informs the plan. Warns, one verdict per revision.
/// </summary>
public sealed class RevisedWithoutReasonRule : IRule<TreatmentEpisode>
{
    /// <summary>Creates the rule. It has no settings.</summary>
    public RevisedWithoutReasonRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.RevisedWithoutReason;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.JointCommissionProgressMeasurement;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (!PlanningRules.IsJudged(subject.Plan))
        {
            return;
        }

        SubjectRef reference = SubjectRef.To(subject.Plan.Id);
        IReadOnlyList<PlanRevision> revisions = subject.Plan.Revisions;
        for (int i = 1; i < revisions.Count && revisions[i].At <= subject.AsOf; i++)
        {
            PlanRevision revision = revisions[i];
            verdicts.Add(revision.ReasonCodes.IsEmpty
                ? new Verdict(Code, Outcome.Warning, reference, Citation, [Evidence.OfNumber("revision", revision.Number)])
                : Verdict.Pass(Code, reference, Citation));
        }
    }
}

/// <summary>
/// <c>TA.COMM.AGREED_BEFORE_EXPLAINED</c>: for each version the patient agreed to, at least one treatment option was
/// discussed before the agreement (a violation otherwise), and a diagnosis was explained before it (needs review
/// otherwise: the source asks for the diagnosis "when known").
/// </summary>
public sealed class AgreedBeforeExplainedRule : IRule<TreatmentEpisode>
{
    /// <summary>Creates the rule. It has no settings.</summary>
    public AgreedBeforeExplainedRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.AgreedBeforeExplained;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.AmaInformedConsent;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        TreatmentPlan plan = subject.Plan;
        if (!PlanningRules.IsJudged(plan))
        {
            return;
        }

        SubjectRef reference = SubjectRef.To(plan.Id);
        IReadOnlyList<PlanRevision> revisions = plan.Revisions;
        for (int i = 0; i < revisions.Count; i++)
        {
            PlanRevision revision = revisions[i];
            if (revision.PatientAgreedAt is not { } agreedAt || agreedAt > subject.AsOf)
            {
                continue;
            }

            bool optionsDiscussed = plan.HasExplanation(ExplanationKind.OptionDiscussed, agreedAt);
            bool diagnosisExplained = plan.HasExplanation(ExplanationKind.DiagnosisExplained, agreedAt);
            if (optionsDiscussed && diagnosisExplained)
            {
                verdicts.Add(Verdict.Pass(Code, reference, Citation));
                continue;
            }

            ImmutableArray<Evidence> evidence =
            [
                Evidence.OfNumber("revision", revision.Number),
                Evidence.OfInstant("patientAgreedAt", agreedAt),
                Evidence.OfCode("missing", optionsDiscussed ? "diagnosisExplained" : diagnosisExplained ? "optionDiscussed" : "optionDiscussed.diagnosisExplained"),
            ];
            verdicts.Add(new Verdict(Code, optionsDiscussed ? Outcome.NeedsReview : Outcome.Violation, reference, Citation, evidence));
        }
    }
}

/// <summary>
/// <c>TA.COMM.NO_PATIENT_GOAL</c>: an active or paused plan holds at least one goal expressed by the patient (alone or
/// together with the clinician). Warns otherwise: the plan should serve the patient's own goals.
/// </summary>
public sealed class NoPatientGoalRule : IRule<TreatmentEpisode>
{
    /// <summary>Creates the rule. It has no settings.</summary>
    public NoPatientGoalRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => PlanningRuleCodes.NoPatientGoal;

    /// <inheritdoc/>
    public Citation Citation => PlanningCitations.AcaCounselingPlans;

    /// <inheritdoc/>
    public void Evaluate(TreatmentEpisode subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        TreatmentPlan plan = subject.Plan;
        if (!PlanningRules.IsJudged(plan) || !PlanningRules.IsOpen(plan))
        {
            return;
        }

        bool hasPatientGoal = false;
        foreach (GoalId id in plan.Current.GoalIds)
        {
            hasPatientGoal |= subject.FindGoal(id)?.ExpressedBy is GoalExpressedBy.Patient or GoalExpressedBy.Both;
        }

        SubjectRef reference = SubjectRef.To(plan.Id);
        verdicts.Add(hasPatientGoal
            ? Verdict.Pass(Code, reference, Citation)
            : new Verdict(Code, Outcome.Warning, reference, Citation, [Evidence.OfNumber("planGoals", plan.Current.GoalIds.Length)]));
    }
}
