using System;
using System.Collections.Generic;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// The assertions every aggregate with a status shares: <see cref="HaveStatus"/>, with the aggregate shown by its own
/// <c>ToString</c> (ids, codes, status and version, never free text). The general object assertions stay available.
/// </summary>
/// <typeparam name="TSubject">The aggregate.</typeparam>
/// <typeparam name="TStatus">Its status.</typeparam>
/// <typeparam name="TAssertions">The assertions class itself, for chaining.</typeparam>
public abstract class StatusAssertions<TSubject, TStatus, TAssertions> : ObjectAssertions<TSubject, TAssertions>
    where TSubject : class
    where TStatus : struct, Enum
    where TAssertions : StatusAssertions<TSubject, TStatus, TAssertions>
{
    private readonly string _identifier;
    private readonly Func<TSubject, TStatus> _status;

    /// <summary>Creates the assertions.</summary>
    /// <param name="subject">The aggregate.</param>
    /// <param name="identifier">What failure messages call it when the caller's expression is unknown (for example <c>appointment</c>).</param>
    /// <param name="status">Reads its status.</param>
    private protected StatusAssertions(TSubject subject, string identifier, Func<TSubject, TStatus> status)
        : base(subject)
    {
        _identifier = identifier;
        _status = status;
    }

    /// <inheritdoc/>
    protected override string Identifier => _identifier;

    /// <summary>Asserts that the aggregate is in the status.</summary>
    /// <param name="expected">The status.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<TAssertions> HaveStatus(TStatus expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && EqualityComparer<TStatus>.Default.Equals(_status(Subject), expected))
            .FailWith(
                "Expected {context:" + _identifier + "} to have status {0}{reason}, but found {1}.", expected.ToString(), Subject?.ToString() ?? "<null>");
        return new AndConstraint<TAssertions>((TAssertions)this);
    }
}

/// <summary>
/// Assertions on an <see cref="Appointment"/>. Failure messages show the appointment as its id, status and version.
/// The general object assertions stay available.
/// </summary>
public sealed class AppointmentAssertions : StatusAssertions<Appointment, AppointmentStatus, AppointmentAssertions>
{
    /// <summary>Creates assertions on an appointment.</summary>
    /// <param name="subject">The appointment.</param>
    public AppointmentAssertions(Appointment subject)
        : base(subject, "appointment", s => s.Status)
    {
    }
}

/// <summary>
/// Assertions on a <see cref="Goal"/>. Failure messages show the goal as its id, status and version, never its statement.
/// The general object assertions stay available.
/// </summary>
public sealed class GoalAssertions : StatusAssertions<Goal, GoalLifecycleStatus, GoalAssertions>
{
    /// <summary>Creates assertions on a goal.</summary>
    /// <param name="subject">The goal.</param>
    public GoalAssertions(Goal subject)
        : base(subject, "goal", s => s.Status)
    {
    }

    /// <summary>Asserts that both parties have accepted the goal.</summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<GoalAssertions> BeAgreed(string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.IsAgreed)
            .FailWith(
                "Expected {context:goal} to be agreed by both parties{reason}, but found {0} (patient accepted: {1}, clinician accepted: {2}).",
                Subject?.ToString() ?? "<null>", Subject?.PatientAcceptedAt is not null, Subject?.ClinicianAcceptedAt is not null);
        return new AndConstraint<GoalAssertions>(this);
    }
}

/// <summary>
/// Assertions on a <see cref="TreatmentPlan"/>. Failure messages show the plan as its id, status, revision and version.
/// The general object assertions stay available.
/// </summary>
public sealed class TreatmentPlanAssertions : StatusAssertions<TreatmentPlan, TreatmentPlanStatus, TreatmentPlanAssertions>
{
    /// <summary>Creates assertions on a plan.</summary>
    /// <param name="subject">The plan.</param>
    public TreatmentPlanAssertions(TreatmentPlan subject)
        : base(subject, "plan", s => s.Status)
    {
    }
}

/// <summary>
/// Assertions on <see cref="Feedback"/>. Failure messages show the feedback as its id, kind, status and version, never
/// the patient's comment. The general object assertions stay available.
/// </summary>
public sealed class FeedbackAssertions : StatusAssertions<Feedback, FeedbackStatus, FeedbackAssertions>
{
    /// <summary>Creates assertions on feedback.</summary>
    /// <param name="subject">The feedback.</param>
    public FeedbackAssertions(Feedback subject)
        : base(subject, "feedback", s => s.Status)
    {
    }

    /// <summary>Asserts that the feedback is negative (see <see cref="Feedback.IsNegative"/>).</summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<FeedbackAssertions> BeNegative(string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.IsNegative)
            .FailWith("Expected {context:feedback} to be negative{reason}, but found {0}, which is not.", Subject?.ToString() ?? "<null>");
        return new AndConstraint<FeedbackAssertions>(this);
    }
}
