using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Testing;

/// <summary>A treatment course that has ended and a relationship the clinician declared with the former patient afterwards.</summary>
/// <param name="Course">The treatment's dates.</param>
/// <param name="Declaration">The declared relationship.</param>
public sealed record FormerPatientRelationship(TreatmentCourse Course, RelationshipDeclaration Declaration)
{
    /// <summary>Judges the declaration against the course under a policy's dual-relationship settings.</summary>
    /// <param name="policy">The policy, for example a preset.</param>
    /// <returns>The verdicts (one, when the declaration falls in a situation).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public IReadOnlyList<Verdict> Evaluate(BoundaryPolicy policy) =>
        DualRelationshipCheck.Evaluate(Guard.Against.Null(policy).Settings.Dual, Course, [Declaration]);
}
