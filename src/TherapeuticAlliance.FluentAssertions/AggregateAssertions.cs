using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// Assertions on an <see cref="Appointment"/>. Failure messages show the appointment as its id, status and version.
/// The general object assertions stay available.
/// </summary>
public sealed class AppointmentAssertions : ObjectAssertions<Appointment, AppointmentAssertions>
{
    /// <summary>Creates assertions on an appointment.</summary>
    /// <param name="subject">The appointment.</param>
    public AppointmentAssertions(Appointment subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "appointment";

    /// <summary>Asserts that the appointment is in the status.</summary>
    /// <param name="expected">The status.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<AppointmentAssertions> HaveStatus(AppointmentStatus expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Status == expected)
            .FailWith("Expected {context:appointment} to have status {0}{reason}, but found {1}.", expected.ToString(), Subject?.ToString() ?? "<null>");
        return new AndConstraint<AppointmentAssertions>(this);
    }
}

/// <summary>
/// Assertions on a <see cref="Goal"/>. Failure messages show the goal as its id, status and version, never its statement.
/// The general object assertions stay available.
/// </summary>
public sealed class GoalAssertions : ObjectAssertions<Goal, GoalAssertions>
{
    /// <summary>Creates assertions on a goal.</summary>
    /// <param name="subject">The goal.</param>
    public GoalAssertions(Goal subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "goal";

    /// <summary>Asserts that the goal is in the lifecycle status.</summary>
    /// <param name="expected">The status.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<GoalAssertions> HaveStatus(GoalLifecycleStatus expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Status == expected)
            .FailWith("Expected {context:goal} to have status {0}{reason}, but found {1}.", expected.ToString(), Subject?.ToString() ?? "<null>");
        return new AndConstraint<GoalAssertions>(this);
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
public sealed class TreatmentPlanAssertions : ObjectAssertions<TreatmentPlan, TreatmentPlanAssertions>
{
    /// <summary>Creates assertions on a plan.</summary>
    /// <param name="subject">The plan.</param>
    public TreatmentPlanAssertions(TreatmentPlan subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "plan";

    /// <summary>Asserts that the plan is in the status.</summary>
    /// <param name="expected">The status.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<TreatmentPlanAssertions> HaveStatus(TreatmentPlanStatus expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Status == expected)
            .FailWith("Expected {context:plan} to have status {0}{reason}, but found {1}.", expected.ToString(), Subject?.ToString() ?? "<null>");
        return new AndConstraint<TreatmentPlanAssertions>(this);
    }
}

/// <summary>
/// Assertions on <see cref="Feedback"/>. Failure messages show the feedback as its id, kind, status and version, never
/// the patient's comment. The general object assertions stay available.
/// </summary>
public sealed class FeedbackAssertions : ObjectAssertions<Feedback, FeedbackAssertions>
{
    /// <summary>Creates assertions on feedback.</summary>
    /// <param name="subject">The feedback.</param>
    public FeedbackAssertions(Feedback subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "feedback";

    /// <summary>Asserts that the feedback is in the status.</summary>
    /// <param name="expected">The status.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<FeedbackAssertions> HaveStatus(FeedbackStatus expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Status == expected)
            .FailWith("Expected {context:feedback} to have status {0}{reason}, but found {1}.", expected.ToString(), Subject?.ToString() ?? "<null>");
        return new AndConstraint<FeedbackAssertions>(this);
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
