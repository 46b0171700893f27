using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Specialized;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// The <c>Should()</c> entry points for TherapeuticAlliance's verdicts, decisions and aggregates. Import this namespace
/// next to <c>FluentAssertions</c>: these overloads are more specific than FluentAssertions' own, so they win, and the
/// assertion types they return keep FluentAssertions' general assertions.
/// </summary>
public static class AllianceAssertionExtensions
{
    /// <summary>Starts assertions on a verdict.</summary>
    /// <param name="subject">The verdict.</param>
    /// <returns>The assertions.</returns>
    public static VerdictAssertions Should(this Verdict subject) => new(subject);

    /// <summary>Starts assertions on a set of verdicts, such as a rule set's result or a decision's verdicts.</summary>
    /// <param name="subject">The verdicts.</param>
    /// <returns>The assertions.</returns>
    public static VerdictCollectionAssertions Should(this IEnumerable<Verdict> subject) => new(subject);

    /// <summary>Starts assertions on a compliance report.</summary>
    /// <param name="subject">The report.</param>
    /// <returns>The assertions.</returns>
    public static ComplianceReportAssertions Should(this ComplianceReport subject) => new(subject);

    /// <summary>Starts assertions on a disclosure decision.</summary>
    /// <param name="subject">The decision.</param>
    /// <returns>The assertions.</returns>
    public static DisclosureDecisionAssertions Should(this DisclosureDecision subject) => new(subject);

    /// <summary>Starts assertions on an appointment.</summary>
    /// <param name="subject">The appointment.</param>
    /// <returns>The assertions.</returns>
    public static AppointmentAssertions Should(this Appointment subject) => new(subject);

    /// <summary>Starts assertions on a goal.</summary>
    /// <param name="subject">The goal.</param>
    /// <returns>The assertions.</returns>
    public static GoalAssertions Should(this Goal subject) => new(subject);

    /// <summary>Starts assertions on a treatment plan.</summary>
    /// <param name="subject">The plan.</param>
    /// <returns>The assertions.</returns>
    public static TreatmentPlanAssertions Should(this TreatmentPlan subject) => new(subject);

    /// <summary>Starts assertions on feedback.</summary>
    /// <param name="subject">The feedback.</param>
    /// <returns>The assertions.</returns>
    public static FeedbackAssertions Should(this Feedback subject) => new(subject);

    /// <summary>
    /// Asserts that the thrown <see cref="DomainRuleException"/> carries the rule code, for example
    /// <c>act.Should().Throw&lt;DomainRuleException&gt;().WithRuleCode(AppointmentRuleCodes.TimeOrder)</c>.
    /// </summary>
    /// <param name="assertions">The exception assertions.</param>
    /// <param name="expected">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The same assertions, to chain further ones.</returns>
    public static ExceptionAssertions<DomainRuleException> WithRuleCode(
        this ExceptionAssertions<DomainRuleException> assertions, RuleCode expected, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        string[] found = [.. assertions.Subject.Select(e => e.Code.Value)];
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found.Contains(expected.Value, StringComparer.Ordinal))
            .FailWith("Expected a domain rule exception with rule code {0}{reason}, but found {1}.", expected.Value, string.Join(", ", found));
        return assertions;
    }
}
