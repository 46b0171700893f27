using System.Collections.Immutable;
using FsCheck;
using FsCheck.Xunit;
using TherapeuticAlliance.Compliance;
using static TherapeuticAlliance.Tests.Compliance.Reports;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Compliance;

public class ComplianceReportTests
{
    [Fact]
    public void Build_KeepsFindingsOnly_AndCountsEveryVerdict()
    {
        ComplianceReport report = Sample();

        report.PolicyId.Should().Be("us-psychiatry");
        report.PolicyVersion.Should().Be(3);
        report.AsOf.Should().Be(AsOf);
        report.PatientsAudited.Should().Be(2);
        report.Findings.Should().HaveCount(6).And.OnlyContain(f => f.Verdict.Outcome != Outcome.Pass, "passes are counted, not kept");
        report.Count(Outcome.Pass).Should().Be(9);
        report.Count(Outcome.Warning).Should().Be(2);
        report.Count(Outcome.NeedsReview).Should().Be(2);
        report.Count(Outcome.Violation).Should().Be(2);
        report.WorstOutcome.Should().Be(Outcome.Violation);
    }

    [Fact]
    public void Build_CountsAddUp_AcrossRulesPairsAndFindings()
    {
        ComplianceReport report = Sample();
        int verdicts = SampleVerdicts().Count();

        report.RuleCounts.Sum(r => r.Total).Should().Be(verdicts);
        report.Pairs.Sum(p => p.Pass + p.Warning + p.NeedsReview + p.Violation).Should().Be(verdicts);
        foreach (Outcome outcome in new[] { Outcome.Warning, Outcome.NeedsReview, Outcome.Violation })
        {
            report.Findings.Count(f => f.Verdict.Outcome == outcome).Should().Be((int)report.Count(outcome));
            report.Pairs.Sum(p => p.Count(outcome)).Should().Be(report.Count(outcome));
        }
    }

    [Fact]
    public void Build_SortsRulesPairsAndFindings()
    {
        ComplianceReport report = Sample();

        report.RuleCounts.Select(r => r.Code.Value).Should().Equal("TA.ALLIANCE.SRS_DROP", "TA.DUAL.GIFT", "TA.TIME.LATE_START", "TA.TIME.OVERRUN");
        report.Pairs.Select(p => $"{p.PatientId}/{p.ClinicianId}").Should().Equal("p-1/c-1", "p-2/", "p-2/c-1");
        report.Findings.Select(f => $"{f.PatientId} {f.ClinicianId} {f.Verdict.Code} {f.Verdict.Subject}").Should().Equal(
            "p-1 c-1 TA.DUAL.GIFT RelationshipDeclaration/rel-1",
            "p-1 c-1 TA.TIME.LATE_START Appointment/a-2",
            "p-1 c-1 TA.TIME.OVERRUN Appointment/a-1",
            "p-2  TA.ALLIANCE.SRS_DROP Feedback/f-3",
            "p-2 c-1 TA.TIME.LATE_START Appointment/a-8",
            "p-2 c-1 TA.TIME.OVERRUN Appointment/a-7");
    }

    [Fact]
    public void RuleAndPairSummaries_CarryTheirWorstOutcome()
    {
        ComplianceReport report = Sample();

        report.RuleCounts.Single(r => r.Code == LateStart).Should().BeEquivalentTo(new { Pass = 4L, Warning = 2L, NeedsReview = 0L, Violation = 0L, Worst = Outcome.Warning });
        report.Pairs.Single(p => p.ClinicianId is null).Should().BeEquivalentTo(new { PatientId = P2, Pass = 1L, NeedsReview = 1L, Worst = Outcome.NeedsReview });
    }

    [Theory]
    [InlineData(Outcome.Warning, true)]
    [InlineData(Outcome.NeedsReview, true)]
    [InlineData(Outcome.Violation, true)]
    public void HasFindingAtOrAbove_ComparesWithTheWorstOutcome(Outcome threshold, bool expected)
    {
        Sample().HasFindingAtOrAbove(threshold).Should().Be(expected);
        Empty().HasFindingAtOrAbove(threshold).Should().BeFalse();
    }

    [Fact]
    public void HasFindingAtOrAbove_WarningsOnly_IsBelowReview()
    {
        var builder = new ComplianceReportBuilder();
        builder.Add(P1, C1, Verdict(LateStart, Outcome.Warning, Appointment("a-1"), Evidence.OfNumber("minutes", 9)));
        ComplianceReport report = builder.Build("p", 1, AsOf);

        report.WorstOutcome.Should().Be(Outcome.Warning);
        report.HasFindingAtOrAbove(Outcome.Warning).Should().BeTrue();
        report.HasFindingAtOrAbove(Outcome.NeedsReview).Should().BeFalse();
    }

    [Theory]
    [InlineData(Outcome.Pass)]
    [InlineData((Outcome)9)]
    public void HasFindingAtOrAbove_PassOrUndefined_Throws(Outcome threshold)
    {
        ((Action)(() => Sample().HasFindingAtOrAbove(threshold))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Build_Empty_HasNoFindingsAndPasses()
    {
        ComplianceReport report = Empty();

        report.Findings.Should().BeEmpty();
        report.RuleCounts.Should().BeEmpty();
        report.Pairs.Should().BeEmpty();
        report.PatientsAudited.Should().Be(0);
        report.WorstOutcome.Should().Be(Outcome.Pass);
        Enum.GetValues<Outcome>().Select(report.Count).Should().OnlyContain(c => c == 0);
    }

    [Fact]
    public void Builder_CanBuildAgainAndGoOn()
    {
        var builder = new ComplianceReportBuilder();
        builder.Add(P1, C1, Verdict(Overrun, Outcome.Violation, Appointment("a-1"), Evidence.OfNumber("minutes", 9)));
        ComplianceReport first = builder.Build("p", 1, AsOf);
        builder.Add(P1, C1, global::TherapeuticAlliance.Compliance.Verdict.Pass(Overrun, Appointment("a-2"), Manual));
        ComplianceReport second = builder.Build("p", 1, AsOf);

        first.Count(Outcome.Pass).Should().Be(0, "a report does not change once built");
        second.Count(Outcome.Pass).Should().Be(1);
    }

    [Fact]
    public void Guards_RejectDefaultsAndBadArguments()
    {
        var builder = new ComplianceReportBuilder();
        Verdict verdict = global::TherapeuticAlliance.Compliance.Verdict.Pass(Overrun, Appointment("a-1"), Manual);

        ((Action)(() => builder.Add(default, C1, verdict))).Should().Throw<ArgumentException>().WithParameterName("patientId");
        ((Action)(() => builder.Add(P1, default(ClinicianId), verdict))).Should().Throw<ArgumentException>().WithParameterName("clinicianId");
        ((Action)(() => builder.Add(P1, C1, default))).Should().Throw<ArgumentException>().WithParameterName("verdict");
        ((Action)(() => builder.Merge(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => builder.Merge(builder))).Should().Throw<ArgumentException>();
        ((Action)(() => builder.Build(null!, 1, AsOf))).Should().Throw<ArgumentNullException>();
        ((Action)(() => builder.Build("not a code", 1, AsOf))).Should().Throw<ArgumentException>();
        ((Action)(() => builder.Build("p", 0, AsOf))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new AuditFinding(default, null, verdict))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new AuditFinding(P1, null, default))).Should().Throw<ArgumentException>();
        builder.PatientsAudited.Should().Be(0);
        builder.Build("p", 1, AsOf).RuleCounts.Should().BeEmpty("a refused verdict is not counted");
    }

    [Fact]
    public void Build_GivenFreeTextAsThePolicyId_RefusesWithoutEchoingIt()
    {
        // Build is an instance method, which the reflection walk of FreeTextCanaryTests does not reach.
        ((Action)(() => new ComplianceReportBuilder().Build("CANARY Jane Doe said she felt hopeless", 1, AsOf)))
            .Should().Throw<ArgumentException>().Which.ToString().Should().NotContain("CANARY").And.NotContain("Jane");
    }

    [Fact]
    public void Merge_LeavesTheOtherBuilderUnchanged()
    {
        var left = new ComplianceReportBuilder();
        var right = new ComplianceReportBuilder();
        right.AddPatient();
        right.Add(P1, C1, Verdict(Overrun, Outcome.Violation, Appointment("a-1"), Evidence.OfNumber("minutes", 9)));

        left.Merge(right);
        left.Merge(right);

        left.PatientsAudited.Should().Be(2);
        left.Build("p", 1, AsOf).Findings.Should().HaveCount(2);
        right.Build("p", 1, AsOf).Findings.Should().ContainSingle();
    }

    /// <summary>Any split of the verdicts over builders, merged in any order, gives the same report, byte for byte.</summary>
    [Property(MaxTest = 200)]
    public void Merge_AnySplitAndOrder_GivesTheSameReport(int[] items, int[] buckets, int[] order)
    {
        (PatientId, ClinicianId?, Verdict)[] verdicts = [.. items.Select(Decode)];
        const int Parts = 4;
        ComplianceReportBuilder[] parts = [.. Enumerable.Range(0, Parts).Select(_ => new ComplianceReportBuilder())];
        var whole = new ComplianceReportBuilder();
        for (int i = 0; i < verdicts.Length; i++)
        {
            (PatientId patient, ClinicianId? clinician, Verdict verdict) = verdicts[i];
            whole.Add(patient, clinician, verdict);
            parts[buckets.Length == 0 ? 0 : Math.Abs(buckets[i % buckets.Length] % Parts)].Add(patient, clinician, verdict);
        }

        for (int p = 0; p < Parts; p++)
        {
            whole.AddPatient();
            parts[p].AddPatient();
        }

        var merged = new ComplianceReportBuilder();
        foreach (int p in Enumerable.Range(0, Parts).OrderBy(p => order.Length == 0 ? 0 : order[p % order.Length]).ThenByDescending(p => p))
        {
            merged.Merge(parts[p]);
        }

        ComplianceReport expected = whole.Build("p", 1, AsOf);
        ComplianceReport actual = merged.Build("p", 1, AsOf);
        actual.Findings.Should().Equal(expected.Findings);
        actual.RuleCounts.Should().Equal(expected.RuleCounts);
        actual.Pairs.Should().Equal(expected.Pairs);
        Json(actual).Should().Equal(Json(expected));
        Text(actual).Should().Be(Text(expected));
    }

    // Small ranges so that patients, rules and subjects collide and ties are broken by outcome and evidence.
    private static (PatientId, ClinicianId?, Verdict) Decode(int item)
    {
        uint bits = unchecked((uint)item);
        var patient = new PatientId($"p-{bits % 3}");
        ClinicianId? clinician = (bits / 3 % 3) switch { 0 => null, 1 => new ClinicianId("c-1"), _ => new ClinicianId("c-2") };
        RuleCode code = (bits / 9 % 3) switch { 0 => Overrun, 1 => LateStart, _ => Gift };
        var outcome = (Outcome)(bits / 27 % 4);
        SubjectRef subject = (bits / 108 % 2) == 0 ? Appointment($"a-{bits / 216 % 2}") : new SubjectRef(SubjectKind.Feedback, $"a-{bits / 216 % 2}");
        Verdict verdict = outcome == Outcome.Pass
            ? global::TherapeuticAlliance.Compliance.Verdict.Pass(code, subject, Manual)
            : Verdict(code, outcome, subject, Evidence.OfNumber("minutes", bits / 432 % 3));
        return (patient, clinician, verdict);
    }
}
