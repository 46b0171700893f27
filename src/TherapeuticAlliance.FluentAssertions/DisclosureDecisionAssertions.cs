using System.Linq;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// Assertions on a <see cref="DisclosureDecision"/>. Failure messages show the request id, the kind of decision, the
/// categories allowed, under review and withheld, the conditions, and every verdict with its rule code, evidence and
/// citation; never free text.
/// </summary>
public sealed class DisclosureDecisionAssertions : ReferenceTypeAssertions<DisclosureDecision, DisclosureDecisionAssertions>
{
    /// <summary>Creates assertions on a decision.</summary>
    /// <param name="subject">The decision.</param>
    public DisclosureDecisionAssertions(DisclosureDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "decision";

    /// <summary>Asserts that the disclosure is permitted without conditions (<see cref="DisclosureDecisionKind.Permitted"/>).</summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<DisclosureDecisionAssertions> BePermitted(string because = "", params object[] becauseArgs) =>
        BeOfKind(DisclosureDecisionKind.Permitted, because, becauseArgs);

    /// <summary>Asserts that the disclosure is permitted under exactly these conditions (<see cref="DisclosureDecisionKind.PermittedIf"/>).</summary>
    /// <param name="conditions">The conditions; combine with <c>|</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<DisclosureDecisionAssertions> BePermittedIf(DisclosureConditions conditions, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Kind == DisclosureDecisionKind.PermittedIf && Subject.Conditions == conditions)
            .FailWith(
                "Expected {context:decision} to be permitted if [{0}]{reason}, but found {1}.",
                conditions.ToString(), Subject is null ? "<null>" : Describe.Decision(Subject));
        return new AndConstraint<DisclosureDecisionAssertions>(this);
    }

    /// <summary>Asserts that the disclosure waits on a person's review (<see cref="DisclosureDecisionKind.NeedsReview"/>).</summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<DisclosureDecisionAssertions> NeedReview(string because = "", params object[] becauseArgs) =>
        BeOfKind(DisclosureDecisionKind.NeedsReview, because, becauseArgs);

    /// <summary>
    /// Asserts that the disclosure is denied and that the rule found a violation, and gives that verdict with <c>Which</c>.
    /// </summary>
    /// <param name="code">The rule code, for example <c>ConfidentialityRuleCodes.Judicial</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the violation.</returns>
    public AndWhichConstraint<DisclosureDecisionAssertions, Verdict> BeDeniedBecause(RuleCode code, string because = "", params object[] becauseArgs)
    {
        Verdict[] violations = Subject is null ? [] : [.. Subject.Verdicts.Where(v => v.Code == code && v.Outcome == Outcome.Violation)];
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Kind == DisclosureDecisionKind.Denied && violations.Length > 0)
            .FailWith(
                "Expected {context:decision} to be denied because of {0}{reason}, but found {1}.",
                code.Value, Subject is null ? "<null>" : Describe.Decision(Subject));
        return new AndWhichConstraint<DisclosureDecisionAssertions, Verdict>(this, violations.Length > 0 ? violations[0] : default);
    }

    /// <summary>Asserts that every one of these categories may go (they are in <see cref="DisclosureDecision.Allowed"/>).</summary>
    /// <param name="categories">The categories; combine with <c>|</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<DisclosureDecisionAssertions> Allow(DataCategories categories, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && categories != DataCategories.None && (Subject.Allowed & categories) == categories)
            .FailWith("Expected {context:decision} to allow [{0}]{reason}, but found {1}.", categories.ToString(), Subject is null ? "<null>" : Describe.Decision(Subject));
        return new AndConstraint<DisclosureDecisionAssertions>(this);
    }

    /// <summary>Asserts that every one of these categories is withheld (they are in <see cref="DisclosureDecision.Withheld"/>).</summary>
    /// <param name="categories">The categories; combine with <c>|</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<DisclosureDecisionAssertions> Withhold(DataCategories categories, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && categories != DataCategories.None && (Subject.Withheld & categories) == categories)
            .FailWith("Expected {context:decision} to withhold [{0}]{reason}, but found {1}.", categories.ToString(), Subject is null ? "<null>" : Describe.Decision(Subject));
        return new AndConstraint<DisclosureDecisionAssertions>(this);
    }

    private AndConstraint<DisclosureDecisionAssertions> BeOfKind(DisclosureDecisionKind kind, string because, object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.Kind == kind)
            .FailWith("Expected {context:decision} to be {0}{reason}, but found {1}.", kind.ToString(), Subject is null ? "<null>" : Describe.Decision(Subject));
        return new AndConstraint<DisclosureDecisionAssertions>(this);
    }
}
