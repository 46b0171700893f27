using System;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// Assertions on one <see cref="Verdict"/>. Failure messages show the verdict as its rule code, outcome, subject,
/// evidence and citation; never free text. The general object assertions (<c>Be</c>, <c>BeEquivalentTo</c>…) stay available.
/// </summary>
public sealed class VerdictAssertions : ObjectAssertions<Verdict, VerdictAssertions>
{
    /// <summary>Creates assertions on a verdict.</summary>
    /// <param name="subject">The verdict.</param>
    public VerdictAssertions(Verdict subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "verdict";

    /// <summary>Asserts that the verdict is a pass.</summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictAssertions> HavePassed(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.Pass, because, becauseArgs);

    /// <summary>Asserts that the verdict has the outcome.</summary>
    /// <param name="expected">The outcome.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictAssertions> HaveOutcome(Outcome expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Code.Value is not null && Subject.Outcome == expected)
            .FailWith("Expected {context:verdict} to have outcome {0}{reason}, but found {1}.", expected.ToString(), Describe.Verdict(Subject));
        return new AndConstraint<VerdictAssertions>(this);
    }

    /// <summary>Asserts that the verdict is by the rule.</summary>
    /// <param name="expected">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictAssertions> HaveCode(RuleCode expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Code == expected)
            .FailWith("Expected {context:verdict} to have rule code {0}{reason}, but found {1}.", expected.Value, Describe.Verdict(Subject));
        return new AndConstraint<VerdictAssertions>(this);
    }

    /// <summary>Asserts that the verdict is about the subject.</summary>
    /// <param name="expected">The subject, for example <c>SubjectRef.To(appointment.Id)</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictAssertions> HaveSubject(SubjectRef expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Subject == expected)
            .FailWith("Expected {context:verdict} to be about {0}{reason}, but found {1}.", expected.ToString(), Describe.Verdict(Subject));
        return new AndConstraint<VerdictAssertions>(this);
    }

    /// <summary>Asserts that the verdict carries evidence by that name, and gives it for further assertions with <c>Which</c>.</summary>
    /// <param name="name">The evidence key, for example <c>clinicianDelay</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the evidence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public AndWhichConstraint<VerdictAssertions, Evidence> HaveEvidence(string name, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(name);
        Evidence? found = Subject.Code.Value is null ? null : Subject.FindEvidence(name);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found is not null)
            .FailWith("Expected {context:verdict} to have evidence {0}{reason}, but found {1}.", name, Describe.Verdict(Subject));
        return new AndWhichConstraint<VerdictAssertions, Evidence>(this, found.GetValueOrDefault());
    }
}
