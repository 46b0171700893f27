using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using FluentAssertions.Collections;
using FluentAssertions.Execution;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// Assertions on a set of verdicts, such as a rule set's result. Failure messages list the verdicts by rule code,
/// outcome, subject, evidence and citation; never free text. The general collection assertions
/// (<c>ContainSingle</c>, <c>Equal</c>, <c>BeEmpty</c>…) stay available.
/// </summary>
public sealed class VerdictCollectionAssertions : GenericCollectionAssertions<IEnumerable<Verdict>, Verdict, VerdictCollectionAssertions>
{
    /// <summary>Creates assertions on verdicts.</summary>
    /// <param name="actualValue">The verdicts.</param>
    public VerdictCollectionAssertions(IEnumerable<Verdict> actualValue)
        : base(actualValue)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "verdicts";

    /// <summary>Asserts that a verdict of the rule is a violation, and gives the first such verdict with <c>Which</c>.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the violation.</returns>
    public AndWhichConstraint<VerdictCollectionAssertions, Verdict> HaveViolation(RuleCode code, string because = "", params object[] becauseArgs) =>
        ContainVerdict(code, Outcome.Violation, because, becauseArgs);

    /// <summary>Asserts that a verdict of the rule has the outcome, and gives the first such verdict with <c>Which</c>.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the verdict.</returns>
    public AndWhichConstraint<VerdictCollectionAssertions, Verdict> ContainVerdict(RuleCode code, Outcome outcome, string because = "", params object[] becauseArgs)
    {
        List<Verdict> verdicts = Materialize();
        Verdict[] matches = [.. verdicts.Where(v => v.Code == code && v.Outcome == outcome)];
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(matches.Length > 0)
            .FailWith("Expected {context:verdicts} to contain a {0} verdict of {1}{reason}, but found {2}.", outcome.ToString(), code.Value, Describe.Verdicts(verdicts));
        return new AndWhichConstraint<VerdictCollectionAssertions, Verdict>(this, matches.Length > 0 ? matches[0] : default);
    }

    /// <summary>Asserts that no verdict has an outcome at or above <paramref name="outcome"/> (Pass &lt; Warning &lt; NeedsReview &lt; Violation).</summary>
    /// <param name="outcome">The lowest outcome that fails the assertion.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictCollectionAssertions> HaveNoFindingAtOrAbove(Outcome outcome, string because = "", params object[] becauseArgs)
    {
        Verdict[] findings = [.. Materialize().Where(v => v.Outcome >= outcome)];
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(findings.Length == 0)
            .FailWith("Expected {context:verdicts} to have no finding at or above {0}{reason}, but found {1}.", outcome.ToString(), Describe.Verdicts(findings));
        return new AndConstraint<VerdictCollectionAssertions>(this);
    }

    /// <summary>Asserts that every verdict is a pass (an empty set passes: no rule found anything).</summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictCollectionAssertions> BeAllPassing(string because = "", params object[] becauseArgs)
    {
        Verdict[] findings = [.. Materialize().Where(v => !v.IsPass)];
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(findings.Length == 0)
            .FailWith("Expected {context:verdicts} to be all passing{reason}, but found {0}.", Describe.Verdicts(findings));
        return new AndConstraint<VerdictCollectionAssertions>(this);
    }

    /// <summary>Asserts that no verdict is of the rule (the rule had nothing to judge).</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<VerdictCollectionAssertions> HaveNoVerdictOf(RuleCode code, string because = "", params object[] becauseArgs)
    {
        Verdict[] matches = [.. Materialize().Where(v => v.Code == code)];
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(matches.Length == 0)
            .FailWith("Expected {context:verdicts} to have no verdict of {0}{reason}, but found {1}.", code.Value, Describe.Verdicts(matches));
        return new AndConstraint<VerdictCollectionAssertions>(this);
    }

    private List<Verdict> Materialize()
    {
        Execute.Assertion
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:verdicts} to be a set of verdicts, but found <null>.");
        return Subject is null ? [] : [.. Subject];
    }
}
