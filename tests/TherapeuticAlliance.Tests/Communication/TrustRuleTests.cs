using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;
using static TherapeuticAlliance.Tests.Support.AllianceHistories;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>
/// The reliability rules (<c>TA.TRUST.*</c>) over <see cref="AllianceHistory"/>, their settings, the history's own checks and
/// the alliance rule set's catalogue. Histories come from <see cref="AllianceHistories"/>: judged at day 80, so the default
/// 90-day window starts at day -10.
/// </summary>
public class TrustRuleTests
{
    private static readonly AllianceSettings Defaults = AllianceSettings.Default;

    private static readonly TimeBoundarySettings Time = TimeBoundarySettings.Default;

    private static readonly SubjectRef PatientSubject = SubjectRef.To(AllianceHistories.PatientId);

    private static readonly SubjectRef ClinicianSubject = SubjectRef.To(AllianceHistories.ClinicianId);

    private static readonly Citation Reliability = AllianceCitations.ClinicReliabilityPolicy;

    private static readonly Duration FiveMinutes = Duration.FromMinutes(5);

    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    private static readonly RuleCode[] TrustCodes = [AllianceRuleCodes.PatientAttendance, AllianceRuleCodes.ClinicianCancellations, AllianceRuleCodes.ClinicianLateStarts];

    // ---- The rule set -----------------------------------------------------------------------------

    [Fact]
    public void Create_Default_HoldsEveryRuleButOrsInCatalogueOrder()
    {
        RuleSet<AllianceHistory> rules = AllianceRules.Create();

        rules.Rules.Select(r => r.Code.Value).Should().Equal(
            "TA.TRUST.PATIENT_ATTENDANCE", "TA.TRUST.CLINICIAN_CANCELLATIONS", "TA.TRUST.CLINICIAN_LATE_STARTS", "TA.COMM.FEEDBACK_NOT_ASKED",
            "TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED", "TA.ALLIANCE.SRS_BELOW_CUTOFF", "TA.ALLIANCE.SRS_DROP", "TA.ALLIANCE.RUPTURE_UNREPAIRED");
    }

    [Fact]
    public void Create_WithExpectedResponseProvider_AddsOrsLast()
    {
        RuleSet<AllianceHistory> rules = AllianceRules.Create(expectedResponse: new NoExpectations());

        rules.Rules.Select(r => r.Code.Value).Should().Equal(
            "TA.TRUST.PATIENT_ATTENDANCE", "TA.TRUST.CLINICIAN_CANCELLATIONS", "TA.TRUST.CLINICIAN_LATE_STARTS", "TA.COMM.FEEDBACK_NOT_ASKED",
            "TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED", "TA.ALLIANCE.SRS_BELOW_CUTOFF", "TA.ALLIANCE.SRS_DROP", "TA.ALLIANCE.RUPTURE_UNREPAIRED",
            "TA.ALLIANCE.ORS_NOT_ON_TRACK");
    }

    [Fact]
    public void RuleCodes_TrustCodes_AreTheDocumentedCodes()
    {
        new[] { AllianceRuleCodes.PatientAttendance, AllianceRuleCodes.ClinicianCancellations, AllianceRuleCodes.ClinicianLateStarts }
            .Select(c => c.Value).Should().Equal("TA.TRUST.PATIENT_ATTENDANCE", "TA.TRUST.CLINICIAN_CANCELLATIONS", "TA.TRUST.CLINICIAN_LATE_STARTS");
    }

    [Fact]
    public void Create_TrustRules_CiteTheClinicReliabilityPolicy()
    {
        AllianceRules.Create().Rules.Take(3).Select(r => r.Citation).Should().Equal(Reliability, Reliability, Reliability);
    }

    [Fact]
    public void Create_Default_TrustRulesJudgeLikeTheRulesWithDefaults()
    {
        AllianceHistory history = History(
            [.. Commitments(kept: 3, noShows: 2), Kept(10, startDelay: Duration.FromMinutes(20)), Cancelled(20, Party.Clinician, Duration.FromDays(3))]);
        IRule<AllianceHistory>[] rules =
            [new PatientAttendanceRule(Defaults, Time), new ClinicianCancellationsRule(Defaults, Time), new ClinicianLateStartsRule(Defaults, Time)];
        List<Verdict> expected = [.. rules.SelectMany(r => Evaluate(r, history))];

        expected.Select(v => v.Outcome).Should().Equal(Outcome.NeedsReview, Outcome.NeedsReview, Outcome.NeedsReview);
        TrustVerdicts(AllianceRules.Create().Evaluate(history)).Should().Equal(expected);
        TrustVerdicts(AllianceRules.Create(null, null).Evaluate(history)).Should().Equal(expected);
    }

    [Fact]
    public void Create_CustomSettings_TrustRulesUseThem()
    {
        AllianceHistory history = History(Commitments(kept: 3, noShows: 1));

        AllianceRules.Create().Evaluate(history).Should().ContainSingle(v => v.Code == AllianceRuleCodes.PatientAttendance)
            .Which.Outcome.Should().Be(Outcome.NeedsReview);
        AllianceRules.Create(Defaults with { MinimumKeptRate = 0.5 }).Evaluate(history).Should().ContainSingle(v => v.Code == AllianceRuleCodes.PatientAttendance)
            .Which.IsPass.Should().BeTrue();
    }

    [Fact]
    public void Create_CustomTimeSettings_TrustRulesUseThem()
    {
        AllianceHistory history = History(
        [
            .. Enumerable.Range(0, 4).Select(d => Kept(d, startDelay: Duration.FromMinutes(8))),
            Cancelled(10, Party.Patient, Duration.FromHours(30)),
            Cancelled(11, Party.Patient, Duration.FromHours(30)),
        ]);
        var lenient = new TimeBoundarySettings { ClinicianLateStartTolerance = Duration.FromMinutes(10) };
        var strict = new TimeBoundarySettings { CancellationNotice = Duration.FromHours(48) };

        TrustVerdicts(AllianceRules.Create().Evaluate(history)).Where(v => !v.IsPass).Select(v => v.Code).Should().Equal(AllianceRuleCodes.ClinicianLateStarts);
        TrustVerdicts(AllianceRules.Create(time: lenient).Evaluate(history)).Where(v => !v.IsPass).Should().BeEmpty();
        TrustVerdicts(AllianceRules.Create(time: strict).Evaluate(history)).Where(v => !v.IsPass).Select(v => v.Code)
            .Should().Equal([AllianceRuleCodes.PatientAttendance, AllianceRuleCodes.ClinicianLateStarts], "4 kept of 6 commitments once the 30-hour cancellations are late");
    }

    // ---- TA.TRUST.PATIENT_ATTENDANCE --------------------------------------------------------------

    [Theory]
    [InlineData(3, 0, 0)]
    [InlineData(0, 3, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(0, 0, 0)]
    public void PatientAttendance_FewerCommitmentsThanSample_NoVerdict(int kept, int noShows, int lateCancellations)
    {
        AllianceHistory history = History(Commitments(kept, noShows, lateCancellations));

        Evaluate(new PatientAttendanceRule(Defaults, Time), history).Should().BeEmpty();
    }

    [Fact]
    public void PatientAttendance_TimelyAndClinicianCancellations_NotCommitments()
    {
        AllianceHistory history = History(
        [
            .. Commitments(kept: 0, noShows: 3),
            .. Enumerable.Range(10, 5).Select(d => Cancelled(d, Party.Patient, Duration.FromDays(2))),
            .. Enumerable.Range(20, 3).Select(d => Cancelled(d, Party.Clinician, Duration.FromHours(1))),
        ]);

        Evaluate(new PatientAttendanceRule(Defaults, Time), history).Should().BeEmpty();
    }

    [Theory]
    [InlineData(4, 0, 0)]
    [InlineData(4, 1, 0)]
    [InlineData(4, 0, 1)]
    [InlineData(8, 1, 1)]
    public void PatientAttendance_KeptRateAtLeastMinimum_Passes(int kept, int noShows, int lateCancellations)
    {
        AllianceHistory history = History(Commitments(kept, noShows, lateCancellations));

        Single(new PatientAttendanceRule(Defaults, Time), history).Should().Be(Verdict.Pass(AllianceRuleCodes.PatientAttendance, PatientSubject, Reliability));
    }

    [Theory]
    [InlineData(3, 1, 0)]
    [InlineData(3, 0, 1)]
    [InlineData(0, 4, 0)]
    [InlineData(7, 1, 1)]
    public void PatientAttendance_KeptRateBelowMinimum_NeedsReview(int kept, int noShows, int lateCancellations)
    {
        AllianceHistory history = History(Commitments(kept, noShows, lateCancellations));

        Verdict verdict = Single(new PatientAttendanceRule(Defaults, Time), history);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.FindEvidence("keptRate")!.Value.Number.Should().Be((double)kept / (kept + noShows + lateCancellations));
    }

    [Fact]
    public void PatientAttendance_NeedsReview_PatientSubjectEvidenceAndCitation()
    {
        AllianceHistory history = History(Commitments(kept: 6, noShows: 1, lateCancellations: 2));

        Verdict verdict = Single(new PatientAttendanceRule(Defaults, Time), history);

        verdict.Code.Should().Be(AllianceRuleCodes.PatientAttendance);
        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.Subject.Should().Be(PatientSubject);
        verdict.Subject.Kind.Should().Be(SubjectKind.Patient);
        verdict.Subject.Id.Should().Be(AllianceHistories.Patient);
        verdict.Citation.Should().Be(Reliability);
        verdict.Evidence.Select(e => e.Name).Should().BeEquivalentTo("keptRate", "minimumKeptRate", "kept", "noShows", "lateCancellations", "clinicianId");
        verdict.FindEvidence("keptRate")!.Value.Number.Should().Be(6.0 / 9);
        verdict.FindEvidence("minimumKeptRate")!.Value.Number.Should().Be(0.8);
        verdict.FindEvidence("kept")!.Value.Number.Should().Be(6);
        verdict.FindEvidence("noShows")!.Value.Number.Should().Be(1);
        verdict.FindEvidence("lateCancellations")!.Value.Number.Should().Be(2);
        verdict.FindEvidence("clinicianId").Should().Be(Evidence.OfId("clinicianId", AllianceHistories.Clinician));
    }

    [Fact]
    public void PatientAttendance_NoShowAtWindowStart_Counted()
    {
        AllianceHistory history = History([.. Commitments(kept: 3, firstDay: 0), NoShow(-10)]);

        Single(new PatientAttendanceRule(Defaults, Time), history).Outcome.Should().Be(Outcome.NeedsReview, "3 of 4 with the no-show exactly 90 days back");
    }

    [Fact]
    public void PatientAttendance_NoShowBeforeWindow_NotCounted()
    {
        AllianceHistory history = History([.. Commitments(kept: 3, firstDay: 0), NoShow(-11)]);

        Evaluate(new PatientAttendanceRule(Defaults, Time), history).Should().BeEmpty("only 3 commitments fall in the window");
    }

    [Fact]
    public void PatientAttendance_AppointmentsAfterAsOf_NotCounted()
    {
        AllianceHistory history = History(Commitments(kept: 3, noShows: 1, firstDay: 0), asOf: Start(2) + Duration.FromHours(1));

        Evaluate(new PatientAttendanceRule(Defaults, Time), history).Should().BeEmpty("only days 0 to 2 had happened");
    }

    [Fact]
    public void PatientAttendance_ProposalsAndEnteredInError_NotCounted()
    {
        AllianceHistory history = History(
            [.. Commitments(kept: 4), Proposed(10), Declined(11), InError(NoShow(12)), InError(Cancelled(13, Party.Patient, Duration.FromHours(1)))]);

        Single(new PatientAttendanceRule(Defaults, Time), history).IsPass.Should().BeTrue();
    }

    [Fact]
    public void PatientAttendance_LowerMinimumKeptRate_ThreeOfFourPasses()
    {
        AllianceHistory history = History(Commitments(kept: 3, noShows: 1));

        Single(new PatientAttendanceRule(Defaults with { MinimumKeptRate = 0.5 }, Time), history).IsPass.Should().BeTrue();
        Single(new PatientAttendanceRule(Defaults with { MinimumKeptRate = 0.76 }, Time), history).IsPass.Should().BeFalse();
    }

    [Fact]
    public void PatientAttendance_SmallerSample_JudgesSooner()
    {
        AllianceHistory history = History(Commitments(kept: 1, noShows: 1));

        Evaluate(new PatientAttendanceRule(Defaults, Time), history).Should().BeEmpty();
        Single(new PatientAttendanceRule(Defaults with { MinimumAttendanceSample = 2 }, Time), history).Outcome.Should().Be(Outcome.NeedsReview);
    }

    [Fact]
    public void PatientAttendance_ShorterWindow_LooksLessFarBack()
    {
        AllianceHistory history = History([.. Commitments(kept: 4, firstDay: 70), .. Commitments(kept: 0, noShows: 4, firstDay: 20)]);
        AllianceSettings month = Defaults with { AttendanceWindow = Duration.FromDays(30) };

        Single(new PatientAttendanceRule(Defaults, Time), history).Outcome.Should().Be(Outcome.NeedsReview);
        Single(new PatientAttendanceRule(month, Time), history).IsPass.Should().BeTrue();
    }

    // ---- TA.TRUST.CLINICIAN_CANCELLATIONS ---------------------------------------------------------

    [Fact]
    public void ClinicianCancellations_FewerAppointmentsThanSample_NoVerdict()
    {
        AllianceHistory history = History(
            [.. Enumerable.Range(0, 3).Select(d => Cancelled(d, Party.Clinician, Duration.FromHours(1))), Declined(5), Declined(6), Proposed(7)]);

        Evaluate(new ClinicianCancellationsRule(Defaults, Time), history).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 9, Outcome.Pass)]
    [InlineData(0, 4, Outcome.Pass)]
    [InlineData(2, 8, Outcome.NeedsReview)]
    [InlineData(1, 8, Outcome.NeedsReview)]
    [InlineData(4, 0, Outcome.NeedsReview)]
    public void ClinicianCancellations_RateAgainstMaximum(int cancellations, int kept, Outcome expected)
    {
        AllianceHistory history = History(
            [.. Commitments(kept), .. Enumerable.Range(40, cancellations).Select(d => Cancelled(d, Party.Clinician, Duration.FromDays(3)))]);

        Verdict verdict = Single(new ClinicianCancellationsRule(Defaults, Time), history);

        verdict.Outcome.Should().Be(expected);
        verdict.Code.Should().Be(AllianceRuleCodes.ClinicianCancellations);
        verdict.Subject.Should().Be(ClinicianSubject);
        verdict.Subject.Kind.Should().Be(SubjectKind.Clinician);
        verdict.Citation.Should().Be(Reliability);
    }

    [Fact]
    public void ClinicianCancellations_PatientCancellationsAndNoShows_NotTheClinicians()
    {
        AllianceHistory history = History(
        [
            .. Commitments(kept: 4, noShows: 3, lateCancellations: 2),
            Cancelled(30, Party.Patient, Duration.FromDays(3)),
            Cancelled(31, Party.Clinician, Duration.FromDays(3)),
        ]);

        Single(new ClinicianCancellationsRule(Defaults, Time), history).IsPass.Should().BeTrue("1 of 11 appointments");
    }

    [Fact]
    public void ClinicianCancellations_HigherMaximum_TwoOfTenPasses()
    {
        AllianceHistory history = History(
            [.. Commitments(kept: 8), Cancelled(40, Party.Clinician, Duration.FromDays(3)), Cancelled(41, Party.Clinician, Duration.FromHours(1))]);

        Single(new ClinicianCancellationsRule(Defaults, Time), history).Outcome.Should().Be(Outcome.NeedsReview);
        Single(new ClinicianCancellationsRule(Defaults with { MaximumClinicianCancellationRate = 0.2 }, Time), history).IsPass.Should().BeTrue();
    }

    [Fact]
    public void ClinicianCancellations_BeforeWindow_NotCounted()
    {
        AllianceHistory history = History(
            [.. Commitments(kept: 9), Cancelled(-11, Party.Clinician, Duration.FromDays(3)), Cancelled(-12, Party.Clinician, Duration.FromDays(3))]);

        Single(new ClinicianCancellationsRule(Defaults, Time), history).IsPass.Should().BeTrue();
    }

    // ---- TA.TRUST.CLINICIAN_LATE_STARTS -----------------------------------------------------------

    [Fact]
    public void ClinicianLateStarts_FewerStartedThanSample_NoVerdict()
    {
        AllianceHistory history = History(
            [.. Enumerable.Range(0, 3).Select(d => Kept(d, startDelay: Duration.FromMinutes(30))), .. Commitments(kept: 0, noShows: 5, firstDay: 10)]);

        Evaluate(new ClinicianLateStartsRule(Defaults, Time), history).Should().BeEmpty();
    }

    [Fact]
    public void ClinicianLateStarts_DelayExactlyTolerance_OnTimeAndPasses()
    {
        AllianceHistory history = History([Kept(0, startDelay: FiveMinutes), Kept(1), Kept(2), Kept(3)]);

        Single(new ClinicianLateStartsRule(Defaults, Time), history)
            .Should().Be(Verdict.Pass(AllianceRuleCodes.ClinicianLateStarts, ClinicianSubject, Reliability));
    }

    [Fact]
    public void ClinicianLateStarts_DelayOneSecondOverTolerance_LateAndNeedsReview()
    {
        AllianceHistory history = History([Kept(0, startDelay: FiveMinutes + OneSecond), Kept(1), Kept(2), Kept(3)]);

        Verdict verdict = Single(new ClinicianLateStartsRule(Defaults, Time), history);

        verdict.Code.Should().Be(AllianceRuleCodes.ClinicianLateStarts);
        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.Subject.Should().Be(ClinicianSubject);
        verdict.Citation.Should().Be(Reliability);
    }

    [Theory]
    [InlineData(1, 9, Outcome.Pass)]
    [InlineData(2, 8, Outcome.NeedsReview)]
    [InlineData(1, 8, Outcome.NeedsReview)]
    [InlineData(0, 4, Outcome.Pass)]
    public void ClinicianLateStarts_LateShareAgainstMaximum(int late, int onTime, Outcome expected)
    {
        AllianceHistory history = History(
        [
            .. Enumerable.Range(0, late).Select(d => Kept(d, startDelay: Duration.FromMinutes(12))),
            .. Enumerable.Range(20, onTime).Select(d => Kept(d, startDelay: Duration.FromMinutes(2))),
        ]);

        Single(new ClinicianLateStartsRule(Defaults, Time), history).Outcome.Should().Be(expected);
    }

    [Fact]
    public void ClinicianLateStarts_PatientLateAndSessionStartedWithinToleranceOfArrival_OnTime()
    {
        AllianceHistory history = History(Enumerable.Range(0, 4).Select(d => Kept(d, arrival: Duration.FromMinutes(20), startDelay: FiveMinutes)));

        Single(new ClinicianLateStartsRule(Defaults, Time), history).IsPass.Should().BeTrue("the wait the late patient caused is not the clinician's");
    }

    [Fact]
    public void ClinicianLateStarts_CustomToleranceAndMaximum_Used()
    {
        AllianceHistory history = History([Kept(0, startDelay: Duration.FromMinutes(8)), Kept(1), Kept(2), Kept(3)]);

        Single(new ClinicianLateStartsRule(Defaults, Time), history).Outcome.Should().Be(Outcome.NeedsReview);
        Single(new ClinicianLateStartsRule(Defaults, new TimeBoundarySettings { ClinicianLateStartTolerance = Duration.FromMinutes(8) }), history).IsPass.Should().BeTrue();
        Single(new ClinicianLateStartsRule(Defaults with { MaximumLateStartRate = 0.25 }, Time), history).IsPass.Should().BeTrue();
    }

    // ---- Arguments --------------------------------------------------------------------------------

    [Fact]
    public void TrustRules_NullArguments_Throw()
    {
        AllianceHistory history = History([]);
        var verdicts = new List<Verdict>();
        IRule<AllianceHistory>[] rules =
            [new PatientAttendanceRule(Defaults, Time), new ClinicianCancellationsRule(Defaults, Time), new ClinicianLateStartsRule(Defaults, Time)];

        foreach (IRule<AllianceHistory> rule in rules)
        {
            FluentActions.Invoking(() => rule.Evaluate(null!, verdicts)).Should().Throw<ArgumentNullException>();
            FluentActions.Invoking(() => rule.Evaluate(history, null!)).Should().Throw<ArgumentNullException>();
        }

        FluentActions.Invoking(() => new PatientAttendanceRule(null!, Time)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PatientAttendanceRule(Defaults, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ClinicianCancellationsRule(null!, Time)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ClinicianCancellationsRule(Defaults, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ClinicianLateStartsRule(null!, Time)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ClinicianLateStartsRule(Defaults, null!)).Should().Throw<ArgumentNullException>();
    }

    // ---- AllianceSettings -------------------------------------------------------------------------

    [Fact]
    public void Settings_Default_DocumentedValues()
    {
        Defaults.AttendanceWindow.Should().Be(Duration.FromDays(90));
        Defaults.MinimumAttendanceSample.Should().Be(4);
        Defaults.MinimumKeptRate.Should().Be(0.8);
        Defaults.MaximumClinicianCancellationRate.Should().Be(0.1);
        Defaults.MaximumLateStartRate.Should().Be(0.1);
    }

    [Fact]
    public void Settings_With_ChangesOnlyThatValue()
    {
        AllianceSettings changed = Defaults with { MinimumKeptRate = 0.5 };

        changed.MinimumKeptRate.Should().Be(0.5);
        (changed with { MinimumKeptRate = 0.8 }).Should().Be(Defaults);
        Defaults.MinimumKeptRate.Should().Be(0.8);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Settings_ShareAtEitherEnd_Accepted(double share)
    {
        AllianceSettings settings = Defaults with { MinimumKeptRate = share, MaximumClinicianCancellationRate = share, MaximumLateStartRate = share };

        (settings.MinimumKeptRate, settings.MaximumClinicianCancellationRate, settings.MaximumLateStartRate).Should().Be((share, share, share));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Settings_ShareOutOfRange_Throws(double share)
    {
        FluentActions.Invoking(() => Defaults with { MinimumKeptRate = share }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Defaults with { MaximumClinicianCancellationRate = share }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Defaults with { MaximumLateStartRate = share }).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Settings_WindowNotPositive_Throws(int days)
    {
        FluentActions.Invoking(() => Defaults with { AttendanceWindow = Duration.FromDays(days) }).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Settings_SmallestWindowAndSample_Accepted()
    {
        AllianceSettings settings = Defaults with { AttendanceWindow = Duration.FromTicks(1), MinimumAttendanceSample = 1 };

        (settings.AttendanceWindow, settings.MinimumAttendanceSample).Should().Be((Duration.FromTicks(1), 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Settings_SampleLessThanOne_Throws(int sample)
    {
        FluentActions.Invoking(() => Defaults with { MinimumAttendanceSample = sample }).Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- AllianceHistory --------------------------------------------------------------------------

    [Fact]
    public void History_AppointmentOfAnotherPatient_Throws()
    {
        Appointment other = Booked(1, "other", patient: "p-2");

        FluentActions.Invoking(() => History([Kept(0), other])).Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void History_AppointmentOfAnotherClinician_Throws()
    {
        Appointment other = Booked(1, "other", clinician: "c-2");

        FluentActions.Invoking(() => History([Kept(0), other])).Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void History_NullAppointment_Throws()
    {
        FluentActions.Invoking(() => History([Kept(0), null!])).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void History_NullLists_Throw()
    {
        FluentActions.Invoking(() => new AllianceHistory(AllianceHistories.PatientId, AllianceHistories.ClinicianId, null!, [], AsOf))
            .Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new AllianceHistory(AllianceHistories.PatientId, AllianceHistories.ClinicianId, [], null!, AsOf))
            .Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new AllianceHistory(AllianceHistories.PatientId, AllianceHistories.ClinicianId, [], [null!], AsOf))
            .Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void History_Appointments_OrderedByScheduledStart()
    {
        Appointment late = Kept(5);
        Appointment early = NoShow(1);

        History([late, early]).Appointments.Should().Equal(early, late);
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    private static List<Verdict> Evaluate(IRule<AllianceHistory> rule, AllianceHistory history)
    {
        var verdicts = new List<Verdict>();
        rule.Evaluate(history, verdicts);
        return verdicts;
    }

    private static List<Verdict> TrustVerdicts(IEnumerable<Verdict> verdicts) => [.. verdicts.Where(v => TrustCodes.Contains(v.Code))];

    private static Verdict Single(IRule<AllianceHistory> rule, AllianceHistory history) => Evaluate(rule, history).Should().ContainSingle().Subject;

    /// <summary>A licensed-curve provider stand-in that has no expectation for any administration.</summary>
    private sealed class NoExpectations : IExpectedResponseProvider
    {
        public ExpectedResponse? GetExpected(decimal intakeScore, int administration) => null;
    }
}
