using System.Collections.Immutable;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Scheduling;

public class TimeBoundaryRulesTests
{
    private static readonly TimeBoundarySettings Defaults = TimeBoundarySettings.Default;

    private static readonly Duration OneTick = Duration.FromTicks(1);

    private static readonly Duration FiveMinutes = Duration.FromMinutes(5);

    private static readonly SubjectRef Subject = SubjectRef.To(new AppointmentId("a-1"));

    // ---- The rule set ---------------------------------------------------------------------------

    [Fact]
    public void Create_Default_HoldsEveryPerAppointmentRuleInCatalogueOrder()
    {
        RuleSet<Appointment> rules = TimeBoundaryRules.Create();

        rules.Rules.Select(r => r.Code).Should().Equal(
            TimeRuleCodes.ClinicianLateStart, TimeRuleCodes.Overrun, TimeRuleCodes.ShortSession, TimeRuleCodes.PatientLate,
            TimeRuleCodes.LateCancellation, TimeRuleCodes.NoShow, TimeRuleCodes.CptBand);
    }

    [Fact]
    public void Create_CustomSettings_RulesUseThem()
    {
        RuleSet<Appointment> rules = TimeBoundaryRules.Create(Defaults with { OverrunTolerance = Duration.Zero });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(50) + OneTick);

        IReadOnlyList<Verdict> verdicts = rules.Evaluate(appointment);

        verdicts.Should().ContainSingle(v => !v.IsPass).Which.Code.Should().Be(TimeRuleCodes.Overrun);
    }

    // ---- TA.TIME.CLINICIAN_LATE_START -----------------------------------------------------------

    [Fact]
    public void ClinicianLateStart_DelayExactlyTolerance_Passes()
    {
        Appointment appointment = Appointments.InSession(startOffset: FiveMinutes);

        Verdict verdict = Single(new ClinicianLateStartRule(Defaults), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.ClinicianLateStart, Subject, TimeCitations.BoundaryDimensionTime));
    }

    [Fact]
    public void ClinicianLateStart_DelayOneTickOverTolerance_WarnsWithDelayAndTolerance()
    {
        Appointment appointment = Appointments.InSession(startOffset: FiveMinutes + OneTick);

        Verdict verdict = Single(new ClinicianLateStartRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.ClinicianLateStart, Outcome.Warning, Subject, TimeCitations.BoundaryDimensionTime,
            [Evidence.OfDuration("clinicianDelay", FiveMinutes + OneTick), Evidence.OfDuration("tolerance", FiveMinutes)]));
    }

    [Fact]
    public void ClinicianLateStart_PatientLateAndWaitWithinTolerance_Passes()
    {
        Appointment appointment = Appointments.InSession(Duration.FromMinutes(20), Duration.FromMinutes(25));

        Verdict verdict = Single(new ClinicianLateStartRule(Defaults), appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void ClinicianLateStart_CustomToleranceExactly_Passes()
    {
        var rule = new ClinicianLateStartRule(Defaults with { ClinicianLateStartTolerance = Duration.FromMinutes(10) });
        Appointment appointment = Appointments.InSession(startOffset: Duration.FromMinutes(10));

        Verdict verdict = Single(rule, appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void ClinicianLateStart_CustomToleranceOneTickOver_WarnsWithCustomTolerance()
    {
        var rule = new ClinicianLateStartRule(Defaults with { ClinicianLateStartTolerance = Duration.FromMinutes(10) });
        Appointment appointment = Appointments.InSession(startOffset: Duration.FromMinutes(10) + OneTick);

        Verdict verdict = Single(rule, appointment);

        verdict.Outcome.Should().Be(Outcome.Warning);
        verdict.FindEvidence("tolerance")!.Value.Duration.Should().Be(Duration.FromMinutes(10));
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    public void ClinicianLateStart_NotStarted_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new ClinicianLateStartRule(Defaults), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void ClinicianLateStart_EnteredInError_NoVerdict()
    {
        Appointment appointment = Appointments.Fulfilled(startOffset: Duration.FromMinutes(30));
        appointment.MarkEnteredInError(appointment.EndedAt!.Value);

        Evaluate(new ClinicianLateStartRule(Defaults), appointment).Should().BeEmpty();
    }

    // ---- TA.TIME.OVERRUN ------------------------------------------------------------------------

    [Fact]
    public void Overrun_ExactlyTolerance_Passes()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(55));

        Verdict verdict = Single(new OverrunRule(Defaults), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.Overrun, Subject, TimeCitations.BoundaryDimensionTime));
    }

    [Fact]
    public void Overrun_OneTickOverTolerance_WarnsWithOverrunAndTolerance()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(55) + OneTick);

        Verdict verdict = Single(new OverrunRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.Overrun, Outcome.Warning, Subject, TimeCitations.BoundaryDimensionTime,
            [Evidence.OfDuration("overrun", FiveMinutes + OneTick), Evidence.OfDuration("tolerance", FiveMinutes)]));
    }

    [Fact]
    public void Overrun_CustomZeroToleranceEndedOnTime_Passes()
    {
        var rule = new OverrunRule(Defaults with { OverrunTolerance = Duration.Zero });
        Appointment appointment = Appointments.Fulfilled();

        Verdict verdict = Single(rule, appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void Overrun_CustomZeroToleranceOneTickOver_Warns()
    {
        var rule = new OverrunRule(Defaults with { OverrunTolerance = Duration.Zero });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(50) + OneTick);

        Verdict verdict = Single(rule, appointment);

        verdict.Evidence.Should().Equal(Evidence.OfDuration("overrun", OneTick), Evidence.OfDuration("tolerance", Duration.Zero));
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    public void Overrun_NotEnded_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new OverrunRule(Defaults), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void Overrun_EnteredInError_NoVerdict()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(90));
        appointment.MarkEnteredInError(appointment.EndedAt!.Value);

        Evaluate(new OverrunRule(Defaults), appointment).Should().BeEmpty();
    }

    // ---- TA.TIME.SHORT_SESSION ------------------------------------------------------------------

    [Fact]
    public void ShortSession_PsychotherapySixteenMinutes_Passes()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(16));

        Verdict verdict = Single(new ShortSessionRule(Defaults), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.ShortSession, Subject, TimeCitations.PsychotherapyTimeBands));
    }

    [Fact]
    public void ShortSession_PsychotherapyOneMillisecondShort_WarnsWithLengthAndMinimum()
    {
        Duration length = Duration.FromMinutes(16) - Duration.FromMilliseconds(1);
        Appointment appointment = Appointments.Fulfilled(actualLength: length);

        Verdict verdict = Single(new ShortSessionRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.ShortSession, Outcome.Warning, Subject, TimeCitations.PsychotherapyTimeBands,
            [Evidence.OfDuration("actualLength", length), Evidence.OfDuration("minimumLength", Duration.FromMinutes(16))]));
    }

    [Fact]
    public void ShortSession_MedicationManagementWithPsychotherapyShortByDefault_NoVerdict()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(15), kind: SessionKind.MedicationManagementWithPsychotherapy);

        Evaluate(new ShortSessionRule(Defaults), appointment).Should().BeEmpty("its psychotherapy time is judged by TA.TIME.CPT_BAND");
    }

    [Fact]
    public void ShortSession_MedicationManagementWithPsychotherapyCustomMinimumExactly_Passes()
    {
        var rule = new ShortSessionRule(Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagementWithPsychotherapy, 16) });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(16), kind: SessionKind.MedicationManagementWithPsychotherapy);

        Verdict verdict = Single(rule, appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void ShortSession_MedicationManagementWithPsychotherapyCustomMinimumOneTickShort_Warns()
    {
        var rule = new ShortSessionRule(Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagementWithPsychotherapy, 16) });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(16) - OneTick, kind: SessionKind.MedicationManagementWithPsychotherapy);

        Verdict verdict = Single(rule, appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.ShortSession, Outcome.Warning, Subject, TimeCitations.PsychotherapyTimeBands,
            [Evidence.OfDuration("actualLength", Duration.FromMinutes(16) - OneTick), Evidence.OfDuration("minimumLength", Duration.FromMinutes(16))]));
    }

    [Theory]
    [InlineData(SessionKind.MedicationManagementWithPsychotherapy)]
    [InlineData(SessionKind.MedicationManagement)]
    [InlineData(SessionKind.Evaluation)]
    [InlineData(SessionKind.Crisis)]
    public void ShortSession_KindWithoutMinimum_NoVerdict(SessionKind kind)
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(5), kind: kind);

        Evaluate(new ShortSessionRule(Defaults), appointment).Should().BeEmpty();
    }

    [Fact]
    public void ShortSession_CustomMinimumExactly_Passes()
    {
        var rule = new ShortSessionRule(Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagement, 10) });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(10), kind: SessionKind.MedicationManagement);

        Verdict verdict = Single(rule, appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void ShortSession_CustomMinimumOneTickShort_WarnsWithCustomMinimum()
    {
        var rule = new ShortSessionRule(Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagement, 10) });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(10) - OneTick, kind: SessionKind.MedicationManagement);

        Verdict verdict = Single(rule, appointment);

        verdict.FindEvidence("minimumLength")!.Value.Duration.Should().Be(Duration.FromMinutes(10));
    }

    [Fact]
    public void ShortSession_CustomMinimumsWithoutPsychotherapy_PsychotherapyNotChecked()
    {
        var rule = new ShortSessionRule(Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagement, 10) });
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(5));

        Evaluate(rule, appointment).Should().BeEmpty();
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    public void ShortSession_NotEnded_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new ShortSessionRule(Defaults), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void ShortSession_EnteredInError_NoVerdict()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(5));
        appointment.MarkEnteredInError(appointment.EndedAt!.Value);

        Evaluate(new ShortSessionRule(Defaults), appointment).Should().BeEmpty();
    }

    // ---- TA.TIME.PATIENT_LATE -------------------------------------------------------------------

    [Fact]
    public void PatientLate_ExactlyTolerance_Passes()
    {
        Appointment appointment = Appointments.Arrived(FiveMinutes);

        Verdict verdict = Single(new PatientLateRule(Defaults), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.PatientLate, Subject, TimeCitations.ClinicSchedulingPolicy));
    }

    [Fact]
    public void PatientLate_OneTickOverTolerance_WarnsWithLatenessAndTolerance()
    {
        Appointment appointment = Appointments.Arrived(FiveMinutes + OneTick);

        Verdict verdict = Single(new PatientLateRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.PatientLate, Outcome.Warning, Subject, TimeCitations.ClinicSchedulingPolicy,
            [Evidence.OfDuration("patientLateness", FiveMinutes + OneTick), Evidence.OfDuration("tolerance", FiveMinutes)]));
    }

    [Fact]
    public void PatientLate_CustomToleranceExactly_Passes()
    {
        var rule = new PatientLateRule(Defaults with { PatientLatenessTolerance = Duration.FromMinutes(15) });
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(15));

        Verdict verdict = Single(rule, appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void PatientLate_CustomToleranceOneTickOver_WarnsWithCustomTolerance()
    {
        var rule = new PatientLateRule(Defaults with { PatientLatenessTolerance = Duration.FromMinutes(15) });
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(15) + OneTick);

        Verdict verdict = Single(rule, appointment);

        verdict.Evidence.Should().Equal(
            Evidence.OfDuration("patientLateness", Duration.FromMinutes(15) + OneTick), Evidence.OfDuration("tolerance", Duration.FromMinutes(15)));
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    public void PatientLate_NotCheckedIn_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new PatientLateRule(Defaults), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void PatientLate_EnteredInError_NoVerdict()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(30));
        appointment.MarkEnteredInError(appointment.ArrivedAt!.Value);

        Evaluate(new PatientLateRule(Defaults), appointment).Should().BeEmpty();
    }

    // ---- TA.TIME.LATE_CANCELLATION --------------------------------------------------------------

    [Fact]
    public void LateCancellation_ExactlyNoticePeriod_Passes()
    {
        Appointment appointment = Cancelled(Party.Patient, Duration.FromHours(24));

        Verdict verdict = Single(new LateCancellationRule(Defaults), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.LateCancellation, Subject, TimeCitations.ClinicSchedulingPolicy));
    }

    [Fact]
    public void LateCancellation_ByPatientOneTickShort_WarnsNamingPatient()
    {
        Duration notice = Duration.FromHours(24) - OneTick;
        Appointment appointment = Cancelled(Party.Patient, notice);

        Verdict verdict = Single(new LateCancellationRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.LateCancellation, Outcome.Warning, Subject, TimeCitations.ClinicSchedulingPolicy,
        [
            Evidence.OfCode("cancelledBy", "patient"),
            Evidence.OfDuration("notice", notice),
            Evidence.OfDuration("noticePeriod", Duration.FromHours(24)),
        ]));
    }

    [Fact]
    public void LateCancellation_ByClinicianOneTickShort_WarnsNamingClinician()
    {
        Appointment appointment = Cancelled(Party.Clinician, Duration.FromHours(24) - OneTick);

        Verdict verdict = Single(new LateCancellationRule(Defaults), appointment);

        verdict.Outcome.Should().Be(Outcome.Warning);
        verdict.FindEvidence("cancelledBy")!.Value.Text.Should().Be("clinician");
    }

    [Fact]
    public void LateCancellation_ByClinicianInTime_Passes()
    {
        Appointment appointment = Cancelled(Party.Clinician, Duration.FromHours(72));

        Verdict verdict = Single(new LateCancellationRule(Defaults), appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void LateCancellation_AfterStart_WarnsWithNegativeNotice()
    {
        Appointment appointment = Appointments.Arrived(Duration.FromMinutes(1));
        appointment.Cancel(Party.Clinician, "prov", appointment.Slot.Start + Duration.FromMinutes(10));

        Verdict verdict = Single(new LateCancellationRule(Defaults), appointment);

        verdict.FindEvidence("notice")!.Value.Duration.Should().Be(Duration.FromMinutes(-10));
    }

    [Fact]
    public void LateCancellation_CustomNoticeExactly_Passes()
    {
        var rule = new LateCancellationRule(Defaults with { CancellationNotice = Duration.FromHours(48) });
        Appointment appointment = Cancelled(Party.Patient, Duration.FromHours(48));

        Verdict verdict = Single(rule, appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Fact]
    public void LateCancellation_CustomNoticeOneTickShort_WarnsWithCustomPeriod()
    {
        var rule = new LateCancellationRule(Defaults with { CancellationNotice = Duration.FromHours(48) });
        Appointment appointment = Cancelled(Party.Patient, Duration.FromHours(48) - OneTick);

        Verdict verdict = Single(rule, appointment);

        verdict.Outcome.Should().Be(Outcome.Warning);
        verdict.FindEvidence("noticePeriod")!.Value.Duration.Should().Be(Duration.FromHours(48));
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Fulfilled)]
    [InlineData(AppointmentStatus.NoShow)]
    public void LateCancellation_NotCancelled_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new LateCancellationRule(Defaults), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void LateCancellation_EnteredInError_NoVerdict()
    {
        Appointment appointment = Cancelled(Party.Patient, Duration.FromHours(1));
        appointment.MarkEnteredInError(appointment.Slot.Start);

        Evaluate(new LateCancellationRule(Defaults), appointment).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(24 * 7)]
    public void LateCancellation_DeclinedProposal_NoVerdict(int hoursNotice)
    {
        Appointment appointment = Appointments.Proposed();
        appointment.Cancel(Party.Patient, "pat", appointment.Slot.Start - Duration.FromHours(hoursNotice));

        Evaluate(new LateCancellationRule(Defaults), appointment).Should().BeEmpty("nothing had been booked");
    }

    [Fact]
    public void LateCancellation_ConfirmedWithSameShortNotice_Warns()
    {
        // The other side of LateCancellation_DeclinedProposal_NoVerdict: the same notice on a booked appointment is late.
        Appointment appointment = Cancelled(Party.Patient, Duration.FromHours(1));

        Verdict verdict = Single(new LateCancellationRule(Defaults), appointment);

        verdict.Outcome.Should().Be(Outcome.Warning);
    }

    // ---- TA.TIME.NO_SHOW ------------------------------------------------------------------------

    [Fact]
    public void NoShow_NoShow_WarnsWithScheduledStart()
    {
        Appointment appointment = Appointments.InStatus(AppointmentStatus.NoShow);

        Verdict verdict = Single(new NoShowRule(TimeBoundarySettings.Default), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.NoShow, Outcome.Warning, Subject, TimeCitations.ClinicSchedulingPolicy,
            [Evidence.OfInstant("scheduledStart", appointment.Slot.Start)]));
    }

    [Fact]
    public void NoShow_Fulfilled_Passes()
    {
        Appointment appointment = Appointments.Fulfilled();

        Verdict verdict = Single(new NoShowRule(TimeBoundarySettings.Default), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.NoShow, Subject, TimeCitations.ClinicSchedulingPolicy));
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Cancelled)]
    public void NoShow_NeitherNoShowNorFulfilled_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new NoShowRule(TimeBoundarySettings.Default), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void NoShow_EnteredInErrorAfterNoShow_NoVerdict()
    {
        Appointment appointment = Appointments.InStatus(AppointmentStatus.NoShow);
        appointment.MarkEnteredInError(appointment.NoShowMarkedAt!.Value);

        Evaluate(new NoShowRule(TimeBoundarySettings.Default), appointment).Should().BeEmpty();
    }

    [Fact]
    public void NoShow_MarkedExactlyAtStartPlusDefaultGrace_WarnsWithScheduledStart()
    {
        Appointment appointment = MarkedNoShow(Duration.FromMinutes(15));

        Verdict verdict = Single(new NoShowRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.NoShow, Outcome.Warning, Subject, TimeCitations.ClinicSchedulingPolicy,
            [Evidence.OfInstant("scheduledStart", appointment.Slot.Start)]));
    }

    [Fact]
    public void NoShow_MarkedOneTickBeforeStartPlusDefaultGrace_NeedsReviewWithWaitAndGrace()
    {
        Duration waited = Duration.FromMinutes(15) - OneTick;
        Appointment appointment = MarkedNoShow(waited);

        Verdict verdict = Single(new NoShowRule(Defaults), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.NoShow, Outcome.NeedsReview, Subject, TimeCitations.ClinicSchedulingPolicy,
            [Evidence.OfDuration("markedAfterStart", waited), Evidence.OfDuration("grace", Duration.FromMinutes(15))]));
    }

    [Fact]
    public void NoShow_MarkedAtScheduledStart_NeedsReviewWithZeroWait()
    {
        Appointment appointment = MarkedNoShow(Duration.Zero);

        Verdict verdict = Single(new NoShowRule(Defaults), appointment);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.FindEvidence("markedAfterStart")!.Value.Duration.Should().Be(Duration.Zero);
    }

    [Fact]
    public void NoShow_CustomGraceExactly_Warns()
    {
        var rule = new NoShowRule(Defaults with { NoShowGrace = Duration.FromMinutes(30) });
        Appointment appointment = MarkedNoShow(Duration.FromMinutes(30));

        Verdict verdict = Single(rule, appointment);

        verdict.Outcome.Should().Be(Outcome.Warning);
    }

    [Fact]
    public void NoShow_CustomGraceOneTickShort_NeedsReviewWithCustomGrace()
    {
        var rule = new NoShowRule(Defaults with { NoShowGrace = Duration.FromMinutes(30) });
        Appointment appointment = MarkedNoShow(Duration.FromMinutes(30) - OneTick);

        Verdict verdict = Single(rule, appointment);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.Evidence.Should().Equal(
            Evidence.OfDuration("markedAfterStart", Duration.FromMinutes(30) - OneTick), Evidence.OfDuration("grace", Duration.FromMinutes(30)));
    }

    [Fact]
    public void NoShow_NullSettings_ThrowsArgumentNull()
    {
        Action act = () => _ = new NoShowRule(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Create_CustomNoShowGrace_NoShowRuleUsesIt()
    {
        RuleSet<Appointment> rules = TimeBoundaryRules.Create(Defaults with { NoShowGrace = Duration.FromMinutes(30) });

        IReadOnlyList<Verdict> verdicts = rules.Evaluate(MarkedNoShow(Duration.FromMinutes(20)));

        verdicts.Should().ContainSingle(v => v.Code == TimeRuleCodes.NoShow).Which.Outcome.Should().Be(Outcome.NeedsReview);
    }

    // ---- TA.TIME.CPT_BAND -----------------------------------------------------------------------

    // Each code is billed on the kind of session it belongs to (add-on codes with E/M), so that only the minutes decide.
    [Theory]
    [InlineData("90832", 15, Outcome.Violation)]
    [InlineData("90832", 16, Outcome.Pass)]
    [InlineData("90832", 37, Outcome.Pass)]
    [InlineData("90832", 38, Outcome.Violation)]
    [InlineData("90833", 15, Outcome.Violation)]
    [InlineData("90833", 16, Outcome.Pass)]
    [InlineData("90833", 37, Outcome.Pass)]
    [InlineData("90833", 38, Outcome.Violation)]
    [InlineData("90834", 37, Outcome.Violation)]
    [InlineData("90834", 38, Outcome.Pass)]
    [InlineData("90834", 52, Outcome.Pass)]
    [InlineData("90834", 53, Outcome.Violation)]
    [InlineData("90836", 37, Outcome.Violation)]
    [InlineData("90836", 38, Outcome.Pass)]
    [InlineData("90836", 52, Outcome.Pass)]
    [InlineData("90836", 53, Outcome.Violation)]
    [InlineData("90837", 52, Outcome.Violation)]
    [InlineData("90837", 53, Outcome.Pass)]
    [InlineData("90837", 180, Outcome.Pass)]
    [InlineData("90838", 52, Outcome.Violation)]
    [InlineData("90838", 53, Outcome.Pass)]
    [InlineData("90838", 180, Outcome.Pass)]
    public void CptBand_ExplicitPsychotherapyTimeAtBandEdge_JudgedByThatTime(string code, int minutes, Outcome expected)
    {
        Appointment appointment = Appointments.Billed(PsychotherapyCode.FromCode(code), Duration.FromMinutes(minutes), Duration.FromHours(4));

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Outcome.Should().Be(expected);
        verdict.Citation.Should().Be(TimeCitations.PsychotherapyTimeBands);
        if (expected == Outcome.Violation)
        {
            verdict.FindEvidence("psychotherapyMinutes")!.Value.Number.Should().Be(minutes, "the violation is about the band, not the session kind");
        }
    }

    [Theory]
    [InlineData("90832", 15, Outcome.Violation)]
    [InlineData("90832", 16, Outcome.Pass)]
    [InlineData("90832", 37, Outcome.Pass)]
    [InlineData("90832", 38, Outcome.Violation)]
    [InlineData("90834", 37, Outcome.Violation)]
    [InlineData("90834", 38, Outcome.Pass)]
    [InlineData("90834", 52, Outcome.Pass)]
    [InlineData("90834", 53, Outcome.Violation)]
    [InlineData("90837", 52, Outcome.Violation)]
    [InlineData("90837", 53, Outcome.Pass)]
    [InlineData("90837", 180, Outcome.Pass)]
    public void CptBand_StandAloneWithoutPsychotherapyTimeAtBandEdge_JudgedByActualLength(string code, int minutes, Outcome expected)
    {
        Appointment appointment = Appointments.Billed(PsychotherapyCode.FromCode(code), null, Duration.FromMinutes(minutes));

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Outcome.Should().Be(expected);
        if (expected == Outcome.Violation)
        {
            verdict.FindEvidence("psychotherapyMinutes")!.Value.Number.Should().Be(minutes);
        }
    }

    [Fact]
    public void CptBand_PsychotherapyTimeJustUnderSixteenMinutes_RoundsDownToViolation()
    {
        Appointment appointment = Appointments.Fulfilled();
        appointment.RecordBilling(PsychotherapyCode.Cpt90832, Duration.FromMinutes(16) - Duration.FromMilliseconds(1), appointment.EndedAt!.Value);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.FindEvidence("psychotherapyMinutes")!.Value.Number.Should().Be(15);
    }

    [Fact]
    public void CptBand_ExplicitTimeShorterThanSession_UsesPsychotherapyTimeNotLength()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(60));
        appointment.RecordBilling(PsychotherapyCode.Cpt90832, Duration.FromMinutes(30), appointment.EndedAt!.Value);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Theory]
    [InlineData("90833")]
    [InlineData("90836")]
    [InlineData("90838")]
    public void CptBand_AddOnWithoutPsychotherapyTime_ViolationCitingTimeDocumentation(string code)
    {
        Appointment appointment = Appointments.Fulfilled(kind: SessionKind.MedicationManagementWithPsychotherapy);
        appointment.RecordBilling(PsychotherapyCode.FromCode(code), null, appointment.EndedAt!.Value);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.CptBand, Outcome.Violation, Subject, TimeCitations.PsychotherapyTimeDocumentation,
            [Evidence.OfCode("billedCode", code), Evidence.OfCode("missing", "psychotherapyTime")]));
    }

    [Theory]
    [InlineData("90833", 30)]
    [InlineData("90836", 45)]
    [InlineData("90838", 60)]
    public void CptBand_AddOnWithPsychotherapyTimeInBandOnEmSession_Passes(string code, int minutes)
    {
        Appointment appointment = Appointments.Billed(PsychotherapyCode.FromCode(code), Duration.FromMinutes(minutes), Duration.FromMinutes(90));

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.CptBand, Subject, TimeCitations.PsychotherapyTimeBands));
    }

    public static TheoryData<string, SessionKind> AddOnCodesOnKindsWithoutEm
    {
        get
        {
            var data = new TheoryData<string, SessionKind>();
            foreach (PsychotherapyCode code in PsychotherapyCode.All.Where(c => c.IsAddOn))
            {
                foreach (SessionKind kind in Enum.GetValues<SessionKind>().Where(k => k != SessionKind.MedicationManagementWithPsychotherapy))
                {
                    data.Add(code.Code, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AddOnCodesOnKindsWithoutEm))]
    public void CptBand_AddOnCodeOnSessionWithoutEm_ViolationWithCodeAndKind(string code, SessionKind kind)
    {
        // The psychotherapy time fits the band: only the kind is wrong.
        PsychotherapyCode billed = PsychotherapyCode.FromCode(code);
        Appointment appointment = Appointments.Billed(billed, Duration.FromMinutes(billed.MinimumMinutes), Duration.FromMinutes(90), kind);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.CptBand, Outcome.Violation, Subject, TimeCitations.PsychotherapyTimeBands,
            [Evidence.OfCode("billedCode", code), Evidence.OfCode("sessionKind", kind.ToString())]));
    }

    [Theory]
    [InlineData("90833")]
    [InlineData("90836")]
    [InlineData("90838")]
    public void CptBand_AddOnWithoutPsychotherapyTimeOnPsychotherapySession_ViolationForKindNotDocumentation(string code)
    {
        Appointment appointment = Appointments.Billed(PsychotherapyCode.FromCode(code), null, Duration.FromMinutes(60), SessionKind.Psychotherapy);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.CptBand, Outcome.Violation, Subject, TimeCitations.PsychotherapyTimeBands,
            [Evidence.OfCode("billedCode", code), Evidence.OfCode("sessionKind", nameof(SessionKind.Psychotherapy))]));
    }

    [Theory]
    [InlineData("90832")]
    [InlineData("90834")]
    [InlineData("90837")]
    public void CptBand_StandAloneCodeOnEmSession_ViolationWithCodeAndKind(string code)
    {
        PsychotherapyCode billed = PsychotherapyCode.FromCode(code);
        Appointment appointment = Appointments.Billed(
            billed, Duration.FromMinutes(billed.MinimumMinutes), Duration.FromMinutes(90), SessionKind.MedicationManagementWithPsychotherapy);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.CptBand, Outcome.Violation, Subject, TimeCitations.PsychotherapyTimeBands,
            [Evidence.OfCode("billedCode", code), Evidence.OfCode("sessionKind", nameof(SessionKind.MedicationManagementWithPsychotherapy))]));
    }

    [Theory]
    [InlineData("90832", SessionKind.Psychotherapy)]
    [InlineData("90832", SessionKind.Evaluation)]
    [InlineData("90834", SessionKind.MedicationManagement)]
    [InlineData("90837", SessionKind.Crisis)]
    public void CptBand_StandAloneCodeOnSessionWithoutEm_JudgedByBandOnly(string code, SessionKind kind)
    {
        PsychotherapyCode billed = PsychotherapyCode.FromCode(code);
        Appointment appointment = Appointments.Billed(billed, Duration.FromMinutes(billed.MinimumMinutes), Duration.FromMinutes(90), kind);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Theory]
    [InlineData("90832", 38, 16, 37)]
    [InlineData("90833", 15, 16, 37)]
    [InlineData("90834", 53, 38, 52)]
    [InlineData("90836", 37, 38, 52)]
    public void CptBand_OutsideBoundedBand_ViolationWithCodeMinutesAndBand(string code, int minutes, int minimum, int maximum)
    {
        Appointment appointment = Appointments.Billed(PsychotherapyCode.FromCode(code), Duration.FromMinutes(minutes), Duration.FromMinutes(60));

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.CptBand, Outcome.Violation, Subject, TimeCitations.PsychotherapyTimeBands,
        [
            Evidence.OfCode("billedCode", code),
            Evidence.OfNumber("psychotherapyMinutes", minutes),
            Evidence.OfNumber("bandMinimum", minimum),
            Evidence.OfNumber("bandMaximum", maximum),
        ]));
    }

    [Theory]
    [InlineData("90837")]
    [InlineData("90838")]
    public void CptBand_BelowUnboundedBand_ViolationWithoutBandMaximum(string code)
    {
        Appointment appointment = Appointments.Billed(PsychotherapyCode.FromCode(code), Duration.FromMinutes(52), Duration.FromMinutes(60));

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(new Verdict(TimeRuleCodes.CptBand, Outcome.Violation, Subject, TimeCitations.PsychotherapyTimeBands,
        [
            Evidence.OfCode("billedCode", code),
            Evidence.OfNumber("psychotherapyMinutes", 52),
            Evidence.OfNumber("bandMinimum", 53),
        ]));
    }

    [Fact]
    public void CptBand_WithinBand_PassCarriesCodeSubjectAndCitation()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(45));
        appointment.RecordBilling(PsychotherapyCode.Cpt90834, null, appointment.EndedAt!.Value);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.Should().Be(Verdict.Pass(TimeRuleCodes.CptBand, Subject, TimeCitations.PsychotherapyTimeBands));
    }

    [Fact]
    public void CptBand_SessionLongerThanInt32Minutes_PassesForUnboundedCode()
    {
        Appointment appointment = Appointments.InSession();
        appointment.EndSession(appointment.StartedAt!.Value + Duration.FromDays(5000 * 365));
        appointment.RecordBilling(PsychotherapyCode.Cpt90837, null, appointment.EndedAt!.Value);

        Verdict verdict = Single(new CptBandRule(), appointment);

        verdict.IsPass.Should().BeTrue();
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Fulfilled)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    public void CptBand_NotBilled_NoVerdict(AppointmentStatus status)
    {
        Evaluate(new CptBandRule(), Appointments.InStatus(status)).Should().BeEmpty();
    }

    [Fact]
    public void CptBand_EnteredInError_NoVerdict()
    {
        Appointment appointment = Appointments.Fulfilled(actualLength: Duration.FromMinutes(20));
        appointment.RecordBilling(PsychotherapyCode.Cpt90837, null, appointment.EndedAt!.Value);
        appointment.MarkEnteredInError(appointment.EndedAt!.Value);

        Evaluate(new CptBandRule(), appointment).Should().BeEmpty();
    }

    // ---- Rule metadata --------------------------------------------------------------------------

    [Fact]
    public void Rules_Metadata_CodesAndCitationsAreDocumented()
    {
        IRule<Appointment>[] rules = [.. TimeBoundaryRules.Create().Rules];

        rules.Select(r => r.Citation).Should().Equal(
            TimeCitations.BoundaryDimensionTime, TimeCitations.BoundaryDimensionTime, TimeCitations.PsychotherapyTimeBands,
            TimeCitations.ClinicSchedulingPolicy, TimeCitations.ClinicSchedulingPolicy, TimeCitations.ClinicSchedulingPolicy,
            TimeCitations.PsychotherapyTimeBands);
    }

    [Fact]
    public void Rules_FulfilledLateShortAndBilled_EveryVerdictIsAboutTheAppointment()
    {
        Appointment appointment = Appointments.Fulfilled(Duration.FromMinutes(10), Duration.FromMinutes(30), Duration.FromMinutes(10));
        appointment.RecordBilling(PsychotherapyCode.Cpt90837, null, appointment.EndedAt!.Value);

        IReadOnlyList<Verdict> verdicts = TimeBoundaryRules.Create().Evaluate(appointment);

        verdicts.Select(v => (v.Code, v.Outcome, v.Subject)).Should().Equal(
            (TimeRuleCodes.ClinicianLateStart, Outcome.Warning, Subject),
            (TimeRuleCodes.Overrun, Outcome.Pass, Subject),
            (TimeRuleCodes.ShortSession, Outcome.Warning, Subject),
            (TimeRuleCodes.PatientLate, Outcome.Warning, Subject),
            (TimeRuleCodes.NoShow, Outcome.Pass, Subject),
            (TimeRuleCodes.CptBand, Outcome.Violation, Subject));
    }

    // ---- TimeBoundarySettings -------------------------------------------------------------------

    [Fact]
    public void Settings_Default_HasDocumentedValues()
    {
        Defaults.Should().BeEquivalentTo(new
        {
            ClinicianLateStartTolerance = FiveMinutes,
            PatientLatenessTolerance = FiveMinutes,
            OverrunTolerance = FiveMinutes,
            CancellationNotice = Duration.FromHours(24),
            NoShowGrace = Duration.FromMinutes(15),
        });
    }

    [Theory]
    [InlineData(SessionKind.Psychotherapy, 16)]
    [InlineData(SessionKind.MedicationManagementWithPsychotherapy, null)]
    [InlineData(SessionKind.MedicationManagement, null)]
    [InlineData(SessionKind.Evaluation, null)]
    [InlineData(SessionKind.Crisis, null)]
    public void Settings_DefaultMinimumLengthFor_IsDocumentedMinimum(SessionKind kind, int? minutes)
    {
        Duration? expected = minutes is { } m ? Duration.FromMinutes(m) : null;

        Defaults.MinimumLengthFor(kind).Should().Be(expected);
    }

    [Theory]
    [InlineData(nameof(TimeBoundarySettings.ClinicianLateStartTolerance))]
    [InlineData(nameof(TimeBoundarySettings.PatientLatenessTolerance))]
    [InlineData(nameof(TimeBoundarySettings.OverrunTolerance))]
    [InlineData(nameof(TimeBoundarySettings.CancellationNotice))]
    [InlineData(nameof(TimeBoundarySettings.NoShowGrace))]
    public void Settings_NegativeDuration_ThrowsArgumentOutOfRange(string setting)
    {
        Action act = () => With(setting, -OneTick);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(setting);
    }

    [Theory]
    [InlineData(nameof(TimeBoundarySettings.ClinicianLateStartTolerance))]
    [InlineData(nameof(TimeBoundarySettings.PatientLatenessTolerance))]
    [InlineData(nameof(TimeBoundarySettings.OverrunTolerance))]
    [InlineData(nameof(TimeBoundarySettings.CancellationNotice))]
    [InlineData(nameof(TimeBoundarySettings.NoShowGrace))]
    public void Settings_ZeroDuration_IsAccepted(string setting)
    {
        TimeBoundarySettings settings = With(setting, Duration.Zero);

        Get(settings, setting).Should().Be(Duration.Zero);
    }

    [Fact]
    public void Settings_With_LeavesDefaultUnchanged()
    {
        TimeBoundarySettings changed = Defaults with { NoShowGrace = Duration.FromMinutes(30) };

        (changed.NoShowGrace, Defaults.NoShowGrace).Should().Be((Duration.FromMinutes(30), Duration.FromMinutes(15)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Settings_NonPositiveMinimumLength_ThrowsArgumentOutOfRange(long ticks)
    {
        ImmutableDictionary<SessionKind, Duration> minimums =
            ImmutableDictionary<SessionKind, Duration>.Empty.Add(SessionKind.Psychotherapy, Duration.FromTicks(ticks));

        Action act = () => _ = Defaults with { MinimumLengths = minimums };

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Settings_MinimumLengthForUndefinedKind_ThrowsArgumentOutOfRange()
    {
        Action act = () => _ = Defaults with { MinimumLengths = Minimums((SessionKind)42, 10) };

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Settings_NullMinimumLengths_ThrowsArgumentNull()
    {
        Action act = () => _ = Defaults with { MinimumLengths = null! };

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Settings_NewAndDefault_AreEqualWithEqualHashes()
    {
        var fresh = new TimeBoundarySettings();

        fresh.Should().Be(Defaults);
        (fresh == Defaults).Should().BeTrue();
        fresh.GetHashCode().Should().Be(Defaults.GetHashCode());
    }

    [Fact]
    public void Settings_WithEqualMinimumLengthsBuiltSeparately_AreEqualWithEqualHashes()
    {
        TimeBoundarySettings a = Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagement, 10).Add(SessionKind.Psychotherapy, Duration.FromMinutes(16)) };
        TimeBoundarySettings b = Defaults with { MinimumLengths = Minimums(SessionKind.Psychotherapy, 16).Add(SessionKind.MedicationManagement, Duration.FromMinutes(10)) };

        a.MinimumLengths.Should().NotBeSameAs(b.MinimumLengths);
        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void Settings_WithDefaultMinimumLengthsRebuilt_EqualsDefault()
    {
        TimeBoundarySettings rebuilt = Defaults with { MinimumLengths = Minimums(SessionKind.Psychotherapy, 16) };

        rebuilt.Should().Be(Defaults);
        rebuilt.GetHashCode().Should().Be(Defaults.GetHashCode());
    }

    [Fact]
    public void Settings_DifferentMinimumLengthValue_AreNotEqual()
    {
        TimeBoundarySettings changed = Defaults with { MinimumLengths = Minimums(SessionKind.Psychotherapy, 17) };

        changed.Should().NotBe(Defaults);
        (changed != Defaults).Should().BeTrue();
    }

    [Fact]
    public void Settings_DifferentMinimumLengthKindSameCount_AreNotEqual()
    {
        TimeBoundarySettings changed = Defaults with { MinimumLengths = Minimums(SessionKind.MedicationManagementWithPsychotherapy, 16) };

        changed.Should().NotBe(Defaults);
    }

    [Fact]
    public void Settings_ExtraMinimumLength_AreNotEqual()
    {
        TimeBoundarySettings changed = Defaults with { MinimumLengths = Defaults.MinimumLengths.Add(SessionKind.Crisis, Duration.FromMinutes(10)) };

        changed.Should().NotBe(Defaults);
        Defaults.Should().NotBe(changed);
    }

    [Theory]
    [InlineData(nameof(TimeBoundarySettings.ClinicianLateStartTolerance))]
    [InlineData(nameof(TimeBoundarySettings.PatientLatenessTolerance))]
    [InlineData(nameof(TimeBoundarySettings.OverrunTolerance))]
    [InlineData(nameof(TimeBoundarySettings.CancellationNotice))]
    [InlineData(nameof(TimeBoundarySettings.NoShowGrace))]
    public void Settings_OneDurationDifferent_AreNotEqual(string setting)
    {
        TimeBoundarySettings changed = With(setting, Get(Defaults, setting) + OneTick);

        changed.Should().NotBe(Defaults);
        (changed == Defaults).Should().BeFalse();
        With(setting, Get(Defaults, setting)).Should().Be(Defaults, "setting the same value again changes nothing");
    }

    [Fact]
    public void Settings_Null_IsNotEqual()
    {
        Defaults.Equals(null).Should().BeFalse();
        (Defaults == null).Should().BeFalse();
    }

    // ---- TA.TIME.DOUBLE_BOOKING -----------------------------------------------------------------

    [Fact]
    public void DoubleBooking_SameClinicianOverlappingByOneTick_ViolationForEachAppointment()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-2", "c-1", slot: Appointments.Slot(new LocalDateTime(2026, 6, 9, 9, 50).PlusTicks(-1)));

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().BeEquivalentTo(
        [
            Conflict("a-1", "a-2", "clinician", OneTick),
            Conflict("a-2", "a-1", "clinician", OneTick),
        ], o => o.ComparingByValue<Verdict>());
    }

    [Fact]
    public void DoubleBooking_SameClinicianBackToBack_PassForEach()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-2", "c-1", slot: Appointments.Slot(new LocalDateTime(2026, 6, 9, 9, 50)));

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().BeEquivalentTo(
        [
            Verdict.Pass(TimeRuleCodes.DoubleBooking, SubjectRef.To(first.Id), TimeCitations.ClinicSchedulingPolicy),
            Verdict.Pass(TimeRuleCodes.DoubleBooking, SubjectRef.To(second.Id), TimeCitations.ClinicSchedulingPolicy),
        ], o => o.ComparingByValue<Verdict>());
    }

    [Fact]
    public void DoubleBooking_SamePatientDifferentCliniciansOverlapping_ViolationOnPatientCalendar()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-1", "c-2", slot: Appointments.Slot(new LocalDateTime(2026, 6, 9, 9, 30)));

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().BeEquivalentTo(
        [
            Conflict("a-1", "a-2", "patient", Duration.FromMinutes(20)),
            Conflict("a-2", "a-1", "patient", Duration.FromMinutes(20)),
        ], o => o.ComparingByValue<Verdict>());
    }

    [Fact]
    public void DoubleBooking_SameClinicianAndSamePatientOverlapping_ReportedOnceAsTheClinicians()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-1", "c-1", slot: Appointments.Slot(new LocalDateTime(2026, 6, 9, 9, 30)));

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().BeEquivalentTo(
        [
            Conflict("a-1", "a-2", "clinician", Duration.FromMinutes(20)),
            Conflict("a-2", "a-1", "clinician", Duration.FromMinutes(20)),
        ], o => o.ComparingByValue<Verdict>());
    }

    [Fact]
    public void DoubleBooking_DifferentPeopleOverlapping_PassForEach()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-2", "c-2", slot: Appointments.Slot());

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().OnlyContain(v => v.IsPass).And.HaveCount(2);
    }

    [Fact]
    public void DoubleBooking_OverlappingOneCancelled_CancelledIgnored()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-2", "c-1", slot: Appointments.Slot());
        second.Cancel(Party.Clinician, "prov", second.Slot.Start - Duration.FromDays(2));

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().Equal(Verdict.Pass(TimeRuleCodes.DoubleBooking, SubjectRef.To(first.Id), TimeCitations.ClinicSchedulingPolicy));
    }

    [Fact]
    public void DoubleBooking_OverlappingOneEnteredInError_EnteredInErrorIgnored()
    {
        Appointment first = Appointments.Booked("a-1", "p-1", "c-1", slot: Appointments.Slot());
        Appointment second = Appointments.Booked("a-2", "p-2", "c-1", slot: Appointments.Slot());
        second.MarkEnteredInError(second.Slot.Start - Duration.FromDays(2));

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().Equal(Verdict.Pass(TimeRuleCodes.DoubleBooking, SubjectRef.To(first.Id), TimeCitations.ClinicSchedulingPolicy));
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Fulfilled)]
    public void DoubleBooking_OverlappingConfirmedInAnyStatus_ViolationForEach(AppointmentStatus status)
    {
        Appointment first = Appointments.InStatus(AppointmentStatus.Booked, "a-1", "p-1", "c-1");
        Appointment second = Appointments.InStatus(status, "a-2", "p-2", "c-1");

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().BeEquivalentTo(
        [
            Conflict("a-1", "a-2", "clinician", Appointments.DefaultLength),
            Conflict("a-2", "a-1", "clinician", Appointments.DefaultLength),
        ], o => o.ComparingByValue<Verdict>());
    }

    [Theory]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    [InlineData(AppointmentStatus.EnteredInError)]
    public void DoubleBooking_OverlappingUnconfirmed_IgnoredWithNoVerdict(AppointmentStatus status)
    {
        Appointment first = Appointments.InStatus(AppointmentStatus.Booked, "a-1", "p-1", "c-1");
        Appointment second = Appointments.InStatus(status, "a-2", "p-2", "c-1");

        List<Verdict> verdicts = Evaluate(new DoubleBookingRule(), [first, second]);

        verdicts.Should().Equal(Verdict.Pass(TimeRuleCodes.DoubleBooking, SubjectRef.To(first.Id), TimeCitations.ClinicSchedulingPolicy));
    }

    [Fact]
    public void DoubleBooking_TwoOverlappingProposals_NoVerdict()
    {
        Appointment first = Appointments.Proposed("a-1", "p-1", "c-1");
        Appointment second = Appointments.Proposed("a-2", "p-2", "c-1");

        Evaluate(new DoubleBookingRule(), [first, second]).Should().BeEmpty();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static List<Verdict> Evaluate<T>(IRule<T> rule, T subject)
    {
        var verdicts = new List<Verdict>();
        rule.Evaluate(subject, verdicts);
        return verdicts;
    }

    private static Verdict Single(IRule<Appointment> rule, Appointment appointment)
    {
        List<Verdict> verdicts = Evaluate(rule, appointment);
        verdicts.Should().ContainSingle();
        return verdicts[0];
    }

    private static Appointment Cancelled(Party by, Duration notice)
    {
        Appointment appointment = Appointments.Booked();
        appointment.Cancel(by, by == Party.Patient ? "pat" : "prov", appointment.Slot.Start - notice);
        return appointment;
    }

    /// <summary>A booked appointment marked a no-show <paramref name="afterStart"/> after its scheduled start (with that as the grace given to MarkNoShow).</summary>
    private static Appointment MarkedNoShow(Duration afterStart)
    {
        Appointment appointment = Appointments.Booked();
        appointment.MarkNoShow(appointment.Slot.Start + afterStart, afterStart);
        return appointment;
    }

    private static ImmutableDictionary<SessionKind, Duration> Minimums(SessionKind kind, int minutes) =>
        ImmutableDictionary<SessionKind, Duration>.Empty.Add(kind, Duration.FromMinutes(minutes));

    private static TimeBoundarySettings With(string setting, Duration value) => setting switch
    {
        nameof(TimeBoundarySettings.ClinicianLateStartTolerance) => Defaults with { ClinicianLateStartTolerance = value },
        nameof(TimeBoundarySettings.PatientLatenessTolerance) => Defaults with { PatientLatenessTolerance = value },
        nameof(TimeBoundarySettings.OverrunTolerance) => Defaults with { OverrunTolerance = value },
        nameof(TimeBoundarySettings.CancellationNotice) => Defaults with { CancellationNotice = value },
        nameof(TimeBoundarySettings.NoShowGrace) => Defaults with { NoShowGrace = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Not a duration setting."),
    };

    private static Duration Get(TimeBoundarySettings settings, string setting) => setting switch
    {
        nameof(TimeBoundarySettings.ClinicianLateStartTolerance) => settings.ClinicianLateStartTolerance,
        nameof(TimeBoundarySettings.PatientLatenessTolerance) => settings.PatientLatenessTolerance,
        nameof(TimeBoundarySettings.OverrunTolerance) => settings.OverrunTolerance,
        nameof(TimeBoundarySettings.CancellationNotice) => settings.CancellationNotice,
        nameof(TimeBoundarySettings.NoShowGrace) => settings.NoShowGrace,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Not a duration setting."),
    };

    private static Verdict Conflict(string subject, string other, string calendar, Duration overlap) =>
        new(TimeRuleCodes.DoubleBooking, Outcome.Violation, SubjectRef.To(new AppointmentId(subject)), TimeCitations.ClinicSchedulingPolicy,
        [
            Evidence.OfId("conflictsWith", other),
            Evidence.OfCode("calendar", calendar),
            Evidence.OfDuration("overlap", overlap),
        ]);
}
