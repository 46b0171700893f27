using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// What a version of a treatment plan says: the goals it serves and its interventions. Immutable: the
/// <c>With…</c> methods return a changed copy, which becomes a revision through <see cref="TreatmentPlan.Revise"/>.
/// </summary>
/// <remarks>Equality compares the goal ids and interventions in order.</remarks>
public sealed class PlanContent : IEquatable<PlanContent>
{
    private PlanContent(ImmutableArray<GoalId> goalIds, ImmutableArray<Intervention> interventions)
    {
        GoalIds = goalIds;
        Interventions = interventions;
    }

    /// <summary>A plan with no goals and no interventions.</summary>
    public static PlanContent Empty { get; } = new([], []);

    /// <summary>The goals the plan serves, in the order they were added.</summary>
    public ImmutableArray<GoalId> GoalIds { get; }

    /// <summary>The interventions, in the order they were added.</summary>
    public ImmutableArray<Intervention> Interventions { get; }

    /// <summary>The medications among the interventions.</summary>
    public IEnumerable<MedicationIntervention> Medications => Interventions.OfType<MedicationIntervention>();

    /// <summary>Adds a goal.</summary>
    /// <param name="goalId">The goal.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The id is the default value or the goal is already in the plan.</exception>
    [Pure]
    public PlanContent WithGoal(GoalId goalId)
    {
        Guards.NotDefault(goalId, goalId.Value);
        if (GoalIds.Contains(goalId))
        {
            throw new ArgumentException("The goal is already in the plan.", nameof(goalId));
        }

        return new PlanContent(GoalIds.Add(goalId), Interventions);
    }

    /// <summary>Removes a goal, and its links from the interventions.</summary>
    /// <param name="goalId">The goal.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The goal is not in the plan, or a medication would be left serving no goal.</exception>
    [Pure]
    public PlanContent WithoutGoal(GoalId goalId)
    {
        if (!GoalIds.Contains(goalId))
        {
            throw new ArgumentException("The goal is not in the plan.", nameof(goalId));
        }

        // Unlinking can make two interventions equal: keep the first, as WithIntervention would have.
        ImmutableArray<Intervention> interventions = [.. Interventions.Select(i => Unlink(i, goalId)).Distinct()];
        return new PlanContent(GoalIds.Remove(goalId), interventions);
    }

    /// <summary>Adds an intervention.</summary>
    /// <param name="intervention">The intervention; its goals must be in the plan.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intervention"/> is null.</exception>
    /// <exception cref="ArgumentException">An equal intervention is already in the plan, or it serves a goal that is not.</exception>
    [Pure]
    public PlanContent WithIntervention(Intervention intervention)
    {
        Guard.Against.Null(intervention);
        if (Interventions.Contains(intervention))
        {
            throw new ArgumentException("The intervention is already in the plan.", nameof(intervention));
        }

        if (intervention.GoalIds.Any(g => !GoalIds.Contains(g)))
        {
            throw new ArgumentException("The intervention serves a goal that is not in the plan.", nameof(intervention));
        }

        return new PlanContent(GoalIds, Interventions.Add(intervention));
    }

    /// <summary>Stops an intervention.</summary>
    /// <param name="intervention">The intervention.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The intervention is not in the plan.</exception>
    [Pure]
    public PlanContent WithoutIntervention(Intervention intervention)
    {
        Guard.Against.Null(intervention);
        if (!Interventions.Contains(intervention))
        {
            throw new ArgumentException("The intervention is not in the plan.", nameof(intervention));
        }

        return new PlanContent(GoalIds, Interventions.Remove(intervention));
    }

    /// <inheritdoc/>
    public bool Equals(PlanContent? other) =>
        other is not null && GoalIds.SequenceEqual(other.GoalIds) && Interventions.SequenceEqual(other.Interventions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PlanContent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(GoalIds.Length, Interventions.Length);

    /// <summary>Returns the goal ids and interventions (codes and ids only).</summary>
    public override string ToString() => $"goals [{string.Join(", ", GoalIds)}] interventions [{string.Join("; ", Interventions)}]";

    private static Intervention Unlink(Intervention intervention, GoalId goalId)
    {
        if (!intervention.GoalIds.Contains(goalId))
        {
            return intervention;
        }

        IEnumerable<GoalId> rest = intervention.GoalIds.Where(g => g != goalId);
        return intervention switch
        {
            PsychotherapyIntervention p => new PsychotherapyIntervention(p.Code, p.Frequency, rest),
            _ => rest.Any()
                ? new MedicationIntervention(intervention.Code, rest)
                : throw new ArgumentException("Removing the goal would leave a medication serving no goal; stop the medication first.", nameof(goalId)),
        };
    }
}
