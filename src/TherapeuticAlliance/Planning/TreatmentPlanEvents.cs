using NodaTime;

namespace TherapeuticAlliance.Planning;

/// <summary>Something that happened to a treatment plan. Holds ids, codes and instants only.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The plan's version after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record TreatmentPlanEvent(TreatmentPlanId PlanId, long Version, Instant OccurredAt) : IDomainEvent;

/// <summary>The plan was drafted.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version after the change (1).</param>
/// <param name="OccurredAt">When.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ClinicianId">The clinician.</param>
public sealed record TreatmentPlanDrafted(TreatmentPlanId PlanId, long Version, Instant OccurredAt, PatientId PatientId, ClinicianId ClinicianId)
    : TreatmentPlanEvent(PlanId, Version, OccurredAt);

/// <summary>The draft's content was changed.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TreatmentPlanDraftChanged(TreatmentPlanId PlanId, long Version, Instant OccurredAt)
    : TreatmentPlanEvent(PlanId, Version, OccurredAt);

/// <summary>The plan's status changed.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Status">The new status.</param>
public sealed record TreatmentPlanStatusChanged(TreatmentPlanId PlanId, long Version, Instant OccurredAt, TreatmentPlanStatus Status)
    : TreatmentPlanEvent(PlanId, Version, OccurredAt);

/// <summary>A new agreed version of the plan was recorded (revision 1 on activation).</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="RevisionNumber">The revision's number.</param>
public sealed record TreatmentPlanRevised(TreatmentPlanId PlanId, long Version, Instant OccurredAt, int RevisionNumber)
    : TreatmentPlanEvent(PlanId, Version, OccurredAt);

/// <summary>A diagnosis was explained, an option discussed or an option chosen.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Kind">What kind of explanation.</param>
public sealed record TreatmentPlanExplanationGiven(TreatmentPlanId PlanId, long Version, Instant OccurredAt, ExplanationKind Kind)
    : TreatmentPlanEvent(PlanId, Version, OccurredAt);

/// <summary>A review was scheduled or took place.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="NextReviewDue">When the next review is due, if scheduled.</param>
public sealed record TreatmentPlanReviewed(TreatmentPlanId PlanId, long Version, Instant OccurredAt, Instant? NextReviewDue)
    : TreatmentPlanEvent(PlanId, Version, OccurredAt);
