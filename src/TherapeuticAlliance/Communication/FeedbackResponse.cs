using System;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Communication;

/// <summary>How the clinician acted on feedback.</summary>
public enum FeedbackResponseKind
{
    /// <summary>The feedback was discussed with the patient.</summary>
    Discussed = 0,

    /// <summary>The topic of the work was changed.</summary>
    TopicChanged = 1,

    /// <summary>The treatment plan was revised.</summary>
    PlanRevised = 2,

    /// <summary>Nothing was changed, for a stated reason (a code).</summary>
    NoChange = 3,
}

/// <summary>The clinician's response to feedback: what was done, with the plan revision or the reason code it needs. Codes and ids only.</summary>
/// <remarks>Immutable; made by the factory methods, which enforce what each kind needs.</remarks>
public sealed record FeedbackResponse
{
    private FeedbackResponse(FeedbackResponseKind kind, TreatmentPlanId? planId, int? revisionNumber, string? reasonCode)
    {
        Kind = kind;
        PlanId = planId;
        RevisionNumber = revisionNumber;
        ReasonCode = reasonCode;
    }

    /// <summary>What was done.</summary>
    public FeedbackResponseKind Kind { get; }

    /// <summary>The plan revised; set only for <see cref="FeedbackResponseKind.PlanRevised"/>.</summary>
    public TreatmentPlanId? PlanId { get; }

    /// <summary>The revision's number (see <see cref="Planning.PlanRevision.Number"/>); set only for <see cref="FeedbackResponseKind.PlanRevised"/>.</summary>
    public int? RevisionNumber { get; }

    /// <summary>Why nothing changed (a code token); set only for <see cref="FeedbackResponseKind.NoChange"/>.</summary>
    public string? ReasonCode { get; }

    /// <summary>The feedback was discussed with the patient.</summary>
    /// <returns>The response.</returns>
    [Pure]
    public static FeedbackResponse Discussed() => new(FeedbackResponseKind.Discussed, null, null, null);

    /// <summary>The topic of the work was changed.</summary>
    /// <returns>The response.</returns>
    [Pure]
    public static FeedbackResponse TopicChanged() => new(FeedbackResponseKind.TopicChanged, null, null, null);

    /// <summary>The treatment plan was revised.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="revisionNumber">The revision's number, from 1.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException"><paramref name="planId"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revisionNumber"/> is below 1.</exception>
    [Pure]
    public static FeedbackResponse PlanRevised(TreatmentPlanId planId, int revisionNumber)
    {
        Guards.NotDefault(planId, planId.Value);
        Guard.Against.OutOfRange(revisionNumber, nameof(revisionNumber), 1, int.MaxValue, "Revisions are numbered from 1.");
        return new(FeedbackResponseKind.PlanRevised, planId, revisionNumber, null);
    }

    /// <summary>Nothing was changed, for a reason.</summary>
    /// <param name="reasonCode">Why, as a code token; never free text.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is not a code token.</exception>
    [Pure]
    public static FeedbackResponse NoChange(string reasonCode) => new(FeedbackResponseKind.NoChange, null, null, Guard.Against.InvalidCode(reasonCode));
}
