using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.FluentAssertions;

/// <summary>
/// Assertions on a <see cref="ComplianceReport"/>. Failure messages name the report (policy id and version, the instant,
/// the number of patients and the worst outcome) and list the findings concerned, each with its patient, clinician, rule
/// code, outcome, subject, evidence and citation; never free text. At most 20 findings are listed, the rest counted.
/// The general object assertions stay available.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="BeCompliant"/> means: no finding at or above <see cref="Outcome.NeedsReview"/>. A warning is "a departure
/// from good practice worth noticing" for which the source sets no hard limit, so it does not make a report
/// non-compliant; a finding that needs review asks for a person's judgement that the report cannot give, so a report
/// holding one cannot be called compliant; a violation breaches the cited source. For a stricter or looser gate, use
/// <see cref="HaveNoFindingAtOrAbove"/> with <see cref="Outcome.Warning"/> or <see cref="Outcome.Violation"/>.
/// </para>
/// <para>
/// A finding is a verdict that did not pass (<see cref="ComplianceReport.Findings"/>); passes are only counted
/// (<see cref="HaveCounted"/>).
/// </para>
/// </remarks>
public sealed class ComplianceReportAssertions : ReferenceTypeAssertions<ComplianceReport, ComplianceReportAssertions>
{
    /// <summary>Creates assertions on a report.</summary>
    /// <param name="subject">The report.</param>
    public ComplianceReportAssertions(ComplianceReport subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "report";

    /// <summary>
    /// Asserts that the report is compliant: no finding at or above <see cref="Outcome.NeedsReview"/> (warnings are
    /// allowed; see the remarks on <see cref="ComplianceReportAssertions"/>). The same as
    /// <c>HaveNoFindingAtOrAbove(Outcome.NeedsReview)</c>.
    /// </summary>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<ComplianceReportAssertions> BeCompliant(string because = "", params object[] becauseArgs)
    {
        if (NotNull(because, becauseArgs))
        {
            AuditFinding[] findings = [.. Subject.Findings.Where(f => f.Verdict.Outcome >= Outcome.NeedsReview)];
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(findings.Length == 0)
                .FailWith(
                    "Expected {context:report} to be compliant (no finding at or above NeedsReview){reason}, but {0} has {1}: {2}.",
                    Describe.Report(Subject), Count(findings.Length), Describe.Findings(findings));
        }

        return new AndConstraint<ComplianceReportAssertions>(this);
    }

    /// <summary>Asserts that no finding is as severe as <paramref name="outcome"/> or more (Warning &lt; NeedsReview &lt; Violation).</summary>
    /// <param name="outcome">The lowest outcome that fails the assertion: Warning, NeedsReview or Violation.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="outcome"/> is <see cref="Outcome.Pass"/> (a pass is not a finding) or not defined, as
    /// <see cref="ComplianceReport.HasFindingAtOrAbove"/> refuses it.
    /// </exception>
    public AndConstraint<ComplianceReportAssertions> HaveNoFindingAtOrAbove(Outcome outcome, string because = "", params object[] becauseArgs)
    {
        if (outcome is <= Outcome.Pass or > Outcome.Violation)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "The threshold is Warning, NeedsReview or Violation: a pass is not a finding.");
        }

        if (NotNull(because, becauseArgs))
        {
            AuditFinding[] findings = [.. Subject.Findings.Where(f => f.Verdict.Outcome >= outcome)];
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(findings.Length == 0)
                .FailWith(
                    "Expected {context:report} to have no finding at or above {0}{reason}, but {1} has {2}: {3}.",
                    outcome.ToString(), Describe.Report(Subject), Count(findings.Length), Describe.Findings(findings));
        }

        return new AndConstraint<ComplianceReportAssertions>(this);
    }

    /// <summary>Asserts that a finding of the rule is a violation, and gives the first such finding with <c>Which</c>.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the finding (its patient, clinician and verdict).</returns>
    public AndWhichConstraint<ComplianceReportAssertions, AuditFinding> HaveViolation(RuleCode code, string because = "", params object[] becauseArgs) =>
        ContainFinding(code, Outcome.Violation, because, becauseArgs);

    /// <summary>Asserts that a finding of the rule about the subject is a violation, and gives it with <c>Which</c>.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="subject">What the verdict is about, for example <c>SubjectRef.To(appointment.Id)</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the finding (its patient, clinician and verdict).</returns>
    public AndWhichConstraint<ComplianceReportAssertions, AuditFinding> HaveViolationAbout(
        RuleCode code, SubjectRef subject, string because = "", params object[] becauseArgs) =>
        Find(f => f.Verdict.Code == code && f.Verdict.Outcome == Outcome.Violation && f.Verdict.Subject == subject,
            "a Violation finding of {2} about {3}", [code.Value, subject.ToString()], code, because, becauseArgs);

    /// <summary>Asserts that the report has a finding of the rule, whatever its outcome, and gives the first with <c>Which</c>.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the finding (its patient, clinician and verdict).</returns>
    public AndWhichConstraint<ComplianceReportAssertions, AuditFinding> HaveFinding(RuleCode code, string because = "", params object[] becauseArgs) =>
        Find(f => f.Verdict.Code == code, "a finding of {2}", [code.Value], code, because, becauseArgs);

    /// <summary>Asserts that the report has a finding of the rule with the outcome, and gives the first with <c>Which</c>.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="outcome">The outcome: Warning, NeedsReview or Violation (passes are counted, not kept: see <see cref="HaveCounted"/>).</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the finding (its patient, clinician and verdict).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is <see cref="Outcome.Pass"/> or not defined.</exception>
    public AndWhichConstraint<ComplianceReportAssertions, AuditFinding> ContainFinding(
        RuleCode code, Outcome outcome, string because = "", params object[] becauseArgs)
    {
        if (outcome is <= Outcome.Pass or > Outcome.Violation)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A finding is a Warning, NeedsReview or Violation: passes are counted, not kept.");
        }

        return Find(f => f.Verdict.Code == code && f.Verdict.Outcome == outcome, "a {2} finding of {3}", [outcome.ToString(), code.Value], code, because, becauseArgs);
    }

    /// <summary>Asserts that the report has no finding of the rule (every verdict of it passed, or it judged nothing).</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    public AndConstraint<ComplianceReportAssertions> NotHaveFinding(RuleCode code, string because = "", params object[] becauseArgs)
    {
        if (NotNull(because, becauseArgs))
        {
            AuditFinding[] matches = [.. Subject.Findings.Where(f => f.Verdict.Code == code)];
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(matches.Length == 0)
                .FailWith(
                    "Expected {context:report} to have no finding of {0}{reason}, but {1} has {2}: {3}.",
                    code.Value, Describe.Report(Subject), Count(matches.Length), Describe.Findings(matches));
        }

        return new AndConstraint<ComplianceReportAssertions>(this);
    }

    /// <summary>
    /// Asserts how many verdicts of the rule had the outcome, passes included (<see cref="ComplianceReport.RuleCounts"/>).
    /// A rule the audit never ran counts 0 of every outcome.
    /// </summary>
    /// <param name="code">The rule code.</param>
    /// <param name="outcome">The outcome, <see cref="Outcome.Pass"/> included.</param>
    /// <param name="expected">The count, 0 or more.</param>
    /// <param name="because">Why the assertion is needed; may hold placeholders for <paramref name="becauseArgs"/>.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined, or <paramref name="expected"/> is negative.</exception>
    public AndConstraint<ComplianceReportAssertions> HaveCounted(
        RuleCode code, Outcome outcome, long expected, string because = "", params object[] becauseArgs)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        if (NotNull(because, becauseArgs))
        {
            RuleCount? counted = Subject.RuleCounts.FirstOrDefault(r => r.Code == code);
            long actual = counted?.Count(outcome) ?? 0;
            string found = counted is null
                ? "the rule was not run"
                : FormattableString.Invariant($"{actual} (pass={counted.Pass}, warning={counted.Warning}, needsReview={counted.NeedsReview}, violation={counted.Violation})");
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(actual == expected)
                .FailWith(
                    "Expected {context:report} to have counted {0} {1} verdicts of {2}{reason}, but {3} counted {4}.",
                    expected, outcome.ToString(), code.Value, Describe.Report(Subject), found);
        }

        return new AndConstraint<ComplianceReportAssertions>(this);
    }

    private static string Count(int findings) => findings == 1 ? "1 such finding" : FormattableString.Invariant($"{findings} such findings");

    private AndWhichConstraint<ComplianceReportAssertions, AuditFinding> Find(
        Func<AuditFinding, bool> match, string expected, object[] expectedArgs, RuleCode code, string because, object[] becauseArgs)
    {
        AuditFinding? found = null;
        if (NotNull(because, becauseArgs))
        {
            found = Subject.Findings.FirstOrDefault(match);
            AuditFinding[] ofTheRule = [.. Subject.Findings.Where(f => f.Verdict.Code == code)];
            IReadOnlyCollection<AuditFinding> shown = ofTheRule.Length > 0 ? ofTheRule : Subject.Findings;
            string which = ofTheRule.Length > 0 ? "its findings of the rule are" : "its findings are";
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(found is not null)
                .FailWith(
                    "Expected {context:report} to have " + expected + "{reason}, but {0} has none; " + which + ": {1}.",
                    [Describe.Report(Subject), Describe.Findings(shown), .. expectedArgs]);
        }

        return new AndWhichConstraint<ComplianceReportAssertions, AuditFinding>(this, found!);
    }

    private bool NotNull(string because, object[] becauseArgs) =>
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:report} to be a compliance report{reason}, but found <null>.");
}
