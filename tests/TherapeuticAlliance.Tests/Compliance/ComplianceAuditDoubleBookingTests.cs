using FsCheck.Xunit;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Compliance;

/// <summary>Double booking in <see cref="ComplianceAudit"/>: patients' calendars per patient, clinicians' calendars across patients.</summary>
public class ComplianceAuditDoubleBookingTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 24, 12, 0);

    private static readonly BoundaryPolicy Policy = BoundaryPresets.UsPsychiatry;

    private static readonly RuleCode DoubleBooking = TimeRuleCodes.DoubleBooking;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_TwoPatientsOverlappingWithOneClinician_OneViolationForEachAppointmentWithItsOwnPatient(int degree)
    {
        Appointment first = At("a-1", "p-1", "c-1", 9, 0, 45);
        Appointment second = At("a-2", "p-2", "c-1", 9, 44, 45);

        ComplianceReport report = Run(degree, Caseload("p-1", first), Caseload("p-2", second));

        AuditFinding[] findings = [.. report.Findings.Where(f => f.Verdict.Code == DoubleBooking)];
        findings.Should().HaveCount(2);
        findings.Should().ContainSingle(f => f.Verdict.Subject == SubjectRef.To(first.Id))
            .Which.Should().Match<AuditFinding>(f => f.PatientId == new PatientId("p-1") && f.ClinicianId == new ClinicianId("c-1"));
        findings.Should().ContainSingle(f => f.Verdict.Subject == SubjectRef.To(second.Id))
            .Which.Should().Match<AuditFinding>(f => f.PatientId == new PatientId("p-2") && f.ClinicianId == new ClinicianId("c-1"));
        findings.Should().OnlyContain(f => f.Verdict.Outcome == Outcome.Violation);
        Verdict firstVerdict = findings.Single(f => f.Verdict.Subject == SubjectRef.To(first.Id)).Verdict;
        firstVerdict.Evidence.Should().Equal(
            Evidence.OfId("conflictsWith", "a-2"), Evidence.OfCode("calendar", "clinician"), Evidence.OfDuration("overlap", Duration.FromMinutes(1)));
        report.RuleCounts.Single(r => r.Code == DoubleBooking).Pass.Should().Be(0);
    }

    [Fact]
    public void Run_TwoPatientsBackToBackWithOneClinician_PassForEach()
    {
        ComplianceReport report = Run(0, Caseload("p-1", At("a-1", "p-1", "c-1", 9, 0, 45)), Caseload("p-2", At("a-2", "p-2", "c-1", 9, 45, 45)));

        report.Findings.Should().NotContain(f => f.Verdict.Code == DoubleBooking);
        RuleCount count = report.RuleCounts.Single(r => r.Code == DoubleBooking);
        count.Pass.Should().Be(2);
        count.Violation.Should().Be(0);
    }

    [Fact]
    public void Run_OverlapWithACancelledAppointment_IsNoDoubleBooking()
    {
        Appointment cancelled = new AppointmentBuilder().WithId("a-2").ForPatient("p-2").WithClinician("c-1")
            .At(new LocalDateTime(2026, 6, 10, 9, 15)).Lasting(45).CancelledBy(Party.Patient, Duration.FromHours(48)).Build();

        ComplianceReport report = Run(2, Caseload("p-1", At("a-1", "p-1", "c-1", 9, 0, 45)), Caseload("p-2", cancelled));

        report.Findings.Should().NotContain(f => f.Verdict.Code == DoubleBooking);
        report.RuleCounts.Single(r => r.Code == DoubleBooking).Pass.Should().Be(1, "only the booked appointment is on the calendar");
    }

    [Theory]
    [InlineData("NoShow")]
    [InlineData("EnteredInError")]
    [InlineData("Proposed")]
    public void Run_OverlapWithAnAppointmentHoldingNoPlace_IsNoDoubleBooking(string status)
    {
        AppointmentBuilder builder = new AppointmentBuilder().WithId("a-2").ForPatient("p-2").WithClinician("c-1")
            .At(new LocalDateTime(2026, 6, 10, 9, 15)).Lasting(45);
        Appointment other = (status switch
        {
            "NoShow" => builder.NoShow(),
            "EnteredInError" => builder.Fulfilled().EnteredInError(),
            _ => builder.Proposed(),
        }).Build();

        ComplianceReport report = Run(0, Caseload("p-1", At("a-1", "p-1", "c-1", 9, 0, 45)), Caseload("p-2", other));

        report.Findings.Should().NotContain(f => f.Verdict.Code == DoubleBooking);
        report.RuleCounts.Single(r => r.Code == DoubleBooking).Pass.Should().Be(1);
    }

    [Fact]
    public void Run_OverlapAfterAsOf_IsNotJudged()
    {
        Appointment first = At("a-1", "p-1", "c-1", 9, 0, 45, day: 30);
        Appointment second = At("a-2", "p-2", "c-1", 9, 15, 45, day: 30);
        PatientCaseload[] patients = [Caseload("p-1", first), Caseload("p-2", second)];

        ComplianceAudit.Run(Policy, patients, AsOf).RuleCounts.Should().NotContain(r => r.Code == DoubleBooking);
        ComplianceAudit.Run(Policy, patients, Instant.FromUtc(2026, 7, 1, 12, 0)).Findings.Count(f => f.Verdict.Code == DoubleBooking).Should().Be(2);
    }

    [Fact]
    public void Run_OverlapWithAnAppointmentStartingAfterAsOf_OnlyTheEarlierIsJudgedAndPasses()
    {
        // 13:00 UTC is 09:00 in New York: the audit is made at 09:10, during the first session.
        Appointment first = At("a-1", "p-1", "c-1", 9, 0, 45, day: 10, fulfilled: false);
        Appointment second = At("a-2", "p-2", "c-1", 9, 30, 45, day: 10, fulfilled: false);

        ComplianceReport report = ComplianceAudit.Run(Policy, [Caseload("p-1", first), Caseload("p-2", second)], Instant.FromUtc(2026, 6, 10, 13, 10));

        report.Findings.Should().NotContain(f => f.Verdict.Code == DoubleBooking);
        report.RuleCounts.Single(r => r.Code == DoubleBooking).Pass.Should().Be(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Run_PatientBookedWithTwoCliniciansAtOnce_OneViolationForEachOnThePatientsCalendar(int degree)
    {
        Appointment first = At("a-1", "p-1", "c-1", 9, 0, 45);
        Appointment second = At("a-2", "p-1", "c-2", 9, 30, 45);

        ComplianceReport report = Run(degree, Caseload("p-1", first, second), Caseload("p-2", At("a-3", "p-2", "c-1", 11, 0, 45)));

        AuditFinding[] findings = [.. report.Findings.Where(f => f.Verdict.Code == DoubleBooking)];
        findings.Select(f => (f.Verdict.Subject.Id, f.ClinicianId?.Value)).Should().BeEquivalentTo([("a-1", "c-1"), ("a-2", "c-2")]);
        findings.Should().OnlyContain(f => f.PatientId == new PatientId("p-1") && f.Verdict.Evidence.Contains(Evidence.OfCode("calendar", "patient")));
        report.RuleCounts.Single(r => r.Code == DoubleBooking).Pass.Should().Be(1, "a-3 is on no overlapping pair");
    }

    [Fact]
    public void Run_SamePatientAndClinicianOverlapping_ReportedOnceAsTheClinicians()
    {
        ComplianceReport report = Run(0, Caseload("p-1", At("a-1", "p-1", "c-1", 9, 0, 45), At("a-2", "p-1", "c-1", 9, 30, 45)));

        AuditFinding[] findings = [.. report.Findings.Where(f => f.Verdict.Code == DoubleBooking)];
        findings.Should().HaveCount(2);
        findings.Should().OnlyContain(f => f.Verdict.Evidence.Contains(Evidence.OfCode("calendar", "clinician")));
    }

    [Fact]
    public void Audit_OnePatient_JudgesOnlyThePatientsCalendarWithoutPasses()
    {
        var builder = new ComplianceReportBuilder();

        ComplianceAudit.Audit(Policy, Caseload("p-1", At("a-1", "p-1", "c-1", 9, 0, 45), At("a-2", "p-1", "c-2", 9, 30, 45), At("a-3", "p-1", "c-1", 9, 15, 45)), AsOf, builder);

        ComplianceReport report = builder.Build(Policy.Id, Policy.Version, AsOf);
        report.Findings.Where(f => f.Verdict.Code == DoubleBooking).Should().HaveCount(4, "a-2 with a-1 and with a-3; a-1 with a-3 is c-1's, left to the clinician's calendar")
            .And.OnlyContain(f => f.Verdict.Evidence.Contains(Evidence.OfCode("calendar", "patient")));
        report.RuleCounts.Single(r => r.Code == DoubleBooking).Pass.Should().Be(0);
    }

    [Fact]
    public void Audit_WithCalendarsMergedAndJudged_GivesRunsReport()
    {
        PatientCaseload[] patients = ComplianceAuditParallelTests.Patients(20);
        ComplianceReport expected = ComplianceAudit.Run(Policy, patients, AsOf);
        var builder = new ComplianceReportBuilder();
        var calendars = new ClinicianCalendars();

        foreach (PatientCaseload patient in patients.Reverse())
        {
            var part = new ComplianceReportBuilder();
            var partCalendars = new ClinicianCalendars();
            ComplianceAudit.Audit(Policy, patient, AsOf, part, partCalendars);
            builder.Merge(part);
            calendars.Merge(partCalendars);
        }

        calendars.AppointmentCount.Should().Be(patients.Sum(p => p.Appointments.Length));
        calendars.Judge(builder);
        Reports.Json(builder.Build(Policy.Id, Policy.Version, AsOf)).Should().Equal(Reports.Json(expected));
        expected.Findings.Should().Contain(f => f.Verdict.Code == DoubleBooking);
    }

    [Fact]
    public void Calendars_JudgedTwiceOrMergedIntoThemselves_AreRefused()
    {
        var calendars = new ClinicianCalendars();
        calendars.Judge(new ComplianceReportBuilder());

        FluentActions.Invoking(() => calendars.Judge(new ComplianceReportBuilder())).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => calendars.Merge(new ClinicianCalendars())).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new ClinicianCalendars().Merge(null!)).Should().Throw<ArgumentNullException>();
        var other = new ClinicianCalendars();
        FluentActions.Invoking(() => other.Merge(other)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ComplianceAudit.Audit(Policy, Caseload("p-1"), AsOf, new ComplianceReportBuilder(), calendars))
            .Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => ComplianceAudit.Audit(Policy, Caseload("p-1"), AsOf, new ComplianceReportBuilder(), null!))
            .Should().Throw<ArgumentNullException>();
    }

    /// <summary>
    /// Over random calendars, the audit's double-booking verdicts are <see cref="DoubleBookingRule"/>'s over every judged
    /// appointment, each attributed to its appointment's patient and clinician.
    /// </summary>
    [Property(MaxTest = 40)]
    public void Run_RandomCalendars_SameVerdictsAsTheRuleOverEveryAppointment(int seed)
    {
        var random = new Random(seed);
        Appointment[] appointments = [.. Enumerable.Range(0, random.Next(1, 14)).Select(i => RandomAppointment(random, i))];
        PatientCaseload[] patients = [.. appointments.GroupBy(a => a.PatientId.Value).Select(g => Caseload(g.Key, [.. g]))];
        var rule = new DoubleBookingRule();
        var expected = new List<Verdict>();
        rule.Evaluate(appointments.Where(a => a.Slot.Start <= AsOf), expected);

        ComplianceReport report = ComplianceAudit.Run(Policy, patients, AsOf, new ComplianceAuditOptions { MaxDegreeOfParallelism = 1 + random.Next(4) });

        AuditFinding[] findings = [.. report.Findings.Where(f => f.Verdict.Code == DoubleBooking)];
        findings.Select(f => f.Verdict).Should().BeEquivalentTo(expected.Where(v => !v.IsPass));
        foreach (AuditFinding finding in findings)
        {
            Appointment subject = appointments.Single(a => a.Id.Value == finding.Verdict.Subject.Id);
            finding.PatientId.Should().Be(subject.PatientId);
            finding.ClinicianId.Should().Be(subject.ClinicianId);
        }

        long passes = report.RuleCounts.SingleOrDefault(r => r.Code == DoubleBooking)?.Pass ?? 0;
        passes.Should().Be(expected.Count(v => v.IsPass));
    }

    private static Appointment RandomAppointment(Random random, int i)
    {
        AppointmentBuilder builder = new AppointmentBuilder().WithId($"a-{i}").ForPatient($"p-{random.Next(3)}").WithClinician($"c-{random.Next(2)}")
            .At(new LocalDateTime(2026, 6, random.Next(2) == 0 ? 10 : 30, 9, 0).PlusMinutes(15 * random.Next(8)))
            .Lasting(new[] { 30, 45, 60 }[random.Next(3)]);
        return (random.Next(10) switch
        {
            0 => builder.CancelledBy(Party.Clinician, Duration.FromHours(72)),
            1 => builder.NoShow(),
            2 => builder.Fulfilled().EnteredInError(),
            3 or 4 => builder.Booked(),
            _ => builder.Fulfilled(),
        }).Build();
    }

    private static ComplianceReport Run(int degree, params PatientCaseload[] patients) =>
        degree == 0
            ? ComplianceAudit.Run(Policy, patients, AsOf)
            : ComplianceAudit.Run(Policy, patients, AsOf, new ComplianceAuditOptions { MaxDegreeOfParallelism = degree });

    /// <summary>A session on 2026-06-<paramref name="day"/> at a New York time.</summary>
    private static Appointment At(string id, string patient, string clinician, int hour, int minute, int minutes, int day = 10, bool fulfilled = true)
    {
        AppointmentBuilder builder = new AppointmentBuilder().WithId(id).ForPatient(patient).WithClinician(clinician)
            .At(new LocalDateTime(2026, 6, day, hour, minute)).Lasting(minutes);
        return (fulfilled ? builder.Fulfilled() : builder.Booked()).Build();
    }

    private static PatientCaseload Caseload(string patient, params Appointment[] appointments) =>
        new(new PatientId(patient), appointments, [], [], [], [], [], [], [], []);
}
