using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;
using static TherapeuticAlliance.Tests.Support.AllianceHistories;

namespace TherapeuticAlliance.Tests.Scheduling;

/// <summary>
/// <see cref="AttendanceRecord.Compute"/> over a window [<see cref="AllianceHistories.WindowStart"/>,
/// <see cref="AllianceHistories.AsOf"/>] (days -10 to 80 of <see cref="AllianceHistories"/>) unless told otherwise, and the
/// <see cref="Appointment.Reschedulings"/> it counts the clinician's moves from.
/// </summary>
public class AttendanceRecordTests
{
    private const int Runs = 300;

    private static readonly Duration OneTick = Duration.FromTicks(1);

    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    private static readonly Duration FiveMinutes = Duration.FromMinutes(5);

    private static readonly Duration OneDay = Duration.FromHours(24);

    private static AttendanceRecord Compute(params Appointment[] appointments) => AttendanceRecord.Compute(appointments, WindowStart, AsOf);

    private static Duration Minutes(int minutes) => Duration.FromMinutes(minutes);

    // ---- A hand-computed mix ----------------------------------------------------------------------

    [Fact]
    public void Compute_HandComputedMix_EveryCountAndRate()
    {
        // Kept 1: moved by the clinician inside the window; on time throughout.
        Appointment kept1 = Booked(2, "k-1");
        kept1.Reschedule(Slot(1), Party.Clinician, Start(1) - Duration.FromDays(3));
        Keep(kept1);

        // Kept 2: moved by the patient (not the clinician's move); arrived 10 minutes early (lateness 0); ran over exactly the tolerance.
        Appointment kept2 = Booked(4, "k-2");
        kept2.Reschedule(Slot(3), Party.Patient, Start(3) - Duration.FromDays(2));
        Keep(kept2, arrival: Minutes(-10), overrun: FiveMinutes);

        Appointment kept3 = Kept(5, arrival: Minutes(3), startDelay: Minutes(6), overrun: Minutes(6), id: "k-3"); // late start, late end
        Appointment kept4 = Kept(7, arrival: Minutes(6), overrun: Minutes(-10), id: "k-4"); // late arrival, ended early
        Appointment kept5 = Kept(9, arrival: Minutes(10), startDelay: FiveMinutes, id: "k-5"); // late arrival, start delay exactly the tolerance
        Appointment kept6 = Kept(11, ended: false, id: "k-6"); // still in session: started, not ended

        Appointment noShow1 = NoShow(13, "n-1");
        Appointment noShow2 = NoShow(15, "n-2");
        Appointment patientLate = Cancelled(17, Party.Patient, Duration.FromHours(2), "pc-late");
        Appointment patientTimely = Cancelled(19, Party.Patient, Duration.FromHours(48), "pc-timely");
        Appointment clinicianLate = Cancelled(21, Party.Clinician, Duration.FromHours(12), "cc-late");
        Appointment neverConfirmed = Proposed(23, "proposal");

        // Entered in error: a long-late fulfilled session the clinician had moved; neither it nor its move counts.
        Appointment inError = Booked(26, "err");
        inError.Reschedule(Slot(25), Party.Clinician, Start(25) - Duration.FromDays(2));
        InError(Keep(inError, arrival: Minutes(30), startDelay: Minutes(20)));

        Appointment beforeWindow = NoShow(-11, "before"); // scheduled start before the window
        Appointment future = Booked(86, "future"); // after the window, but the clinician moved it inside the window: the move counts
        future.Reschedule(Slot(85), Party.Clinician, Start(70));

        AttendanceRecord record = Compute(
            kept1, kept2, kept3, kept4, kept5, kept6, noShow1, noShow2, patientLate, patientTimely, clinicianLate, neverConfirmed, inError, beforeWindow, future);

        record.Should().BeEquivalentTo(new
        {
            From = WindowStart,
            AsOf,
            Appointments = 11,
            Kept = 6,
            NoShows = 2,
            PatientLateCancellations = 1,
            PatientTimelyCancellations = 1,
            PatientLateArrivals = 2,
            MeanPatientLateness = (Duration?)Duration.FromSeconds(190), // (0 + 0 + 3 + 6 + 10 + 0) / 6 minutes
            PatientCommitments = 9,
            KeptRate = (double?)(6.0 / 9),
            NoShowRate = (double?)(2.0 / 9),
            LateCancellationRate = (double?)(1.0 / 9),
            ClinicianCancellations = 1,
            ClinicianLateCancellations = 1,
            ClinicianReschedules = 2,
            ClinicianCancellationRate = (double?)(1.0 / 11),
            SessionsStarted = 6,
            OnTimeStarts = 5,
            SessionsEnded = 5,
            OnTimeEnds = 4,
            OnTimeStartRate = (double?)(5.0 / 6),
            OnTimeEndRate = (double?)(4.0 / 5),
        });
    }

    // ---- The window -------------------------------------------------------------------------------

    [Fact]
    public void Compute_StartExactlyAtFromOrAsOf_Counted()
    {
        AttendanceRecord record = AttendanceRecord.Compute([NoShow(3), Kept(9, ended: false)], Start(3), Start(9));

        record.Appointments.Should().Be(2);
        record.NoShows.Should().Be(1);
        record.Kept.Should().Be(1, "the patient checked in exactly at the as-of instant");
        record.SessionsStarted.Should().Be(1);
    }

    [Fact]
    public void Compute_StartOneTickOutsideEitherEnd_NotCounted()
    {
        AttendanceRecord record = AttendanceRecord.Compute([NoShow(3), NoShow(9)], Start(3) + OneTick, Start(9) - OneTick);

        record.Appointments.Should().Be(0);
        record.NoShows.Should().Be(0);
    }

    [Fact]
    public void Compute_FromEqualsAsOf_CountsAppointmentStartingThen()
    {
        AttendanceRecord record = AttendanceRecord.Compute([NoShow(3), NoShow(4)], Start(3), Start(3));

        record.Appointments.Should().Be(1);
        record.NoShows.Should().Be(0, "the no-show was marked after the window's end");
    }

    [Fact]
    public void Compute_CancellationAfterTheWindowsEnd_DoesNotCountYet()
    {
        Appointment appointment = Booked(1);
        appointment.CheckIn(Start(1) + Minutes(1));
        appointment.Cancel(Party.Patient, "pat", Start(1) + Minutes(10));

        AttendanceRecord before = AttendanceRecord.Compute([appointment], Start(0), Start(1) + Minutes(5));
        AttendanceRecord after = AttendanceRecord.Compute([appointment], Start(0), Start(1) + Minutes(10));

        (before.Kept, before.PatientLateCancellations).Should().Be((1, 0), "as of then, the patient had arrived");
        (after.Kept, after.PatientLateCancellations).Should().Be((0, 1));
    }

    [Fact]
    public void Compute_WindowByCurrentSlotNotPreviousOne()
    {
        Appointment movedIn = Booked(-20, "in");
        movedIn.Reschedule(Slot(5), Party.Patient, Start(-25));
        NoShowAtGrace(movedIn);
        Appointment movedOut = Booked(5, "out");
        movedOut.Reschedule(Slot(-20), Party.Patient, Start(-25));
        NoShowAtGrace(movedOut);

        AttendanceRecord record = Compute(movedIn, movedOut);

        record.Appointments.Should().Be(1);
        record.NoShows.Should().Be(1);
    }

    // ---- Which appointments count -----------------------------------------------------------------

    [Fact]
    public void Compute_ProposalNeverConfirmed_NotCounted()
    {
        AttendanceRecord record = Compute(Proposed(1), Proposed(2));

        record.Appointments.Should().Be(0);
        record.ClinicianCancellationRate.Should().BeNull();
    }

    [Fact]
    public void Compute_DeclinedProposal_NotCountedAsCancellation()
    {
        Appointment declinedByClinician = Proposed(2);
        declinedByClinician.Cancel(Party.Clinician, "prov", Start(2) - Duration.FromHours(1));

        AttendanceRecord record = Compute(Declined(1), declinedByClinician);

        record.Should().BeEquivalentTo(new
        {
            Appointments = 0,
            PatientLateCancellations = 0,
            PatientTimelyCancellations = 0,
            ClinicianCancellations = 0,
            ClinicianLateCancellations = 0,
            PatientCommitments = 0,
        });
    }

    [Fact]
    public void Compute_BookedWithNothingRecorded_CountedAsAppointmentOnly()
    {
        AttendanceRecord record = Compute(Booked(1));

        record.Appointments.Should().Be(1);
        record.PatientCommitments.Should().Be(0);
        record.PatientTimelyCancellations.Should().Be(0);
        record.ClinicianCancellationRate.Should().Be(0);
    }

    [Fact]
    public void Compute_EnteredInError_NotCountedWhateverItWas()
    {
        Appointment[] inError =
        [
            InError(Kept(1, arrival: Minutes(20), startDelay: Minutes(20), overrun: Minutes(30))),
            InError(NoShow(2)),
            InError(Cancelled(3, Party.Patient, Duration.FromHours(1))),
            InError(Cancelled(4, Party.Clinician, Duration.FromHours(1))),
            InError(Booked(5)),
        ];

        AttendanceRecord record = Compute(inError);

        record.Should().BeEquivalentTo(new
        {
            Appointments = 0,
            Kept = 0,
            NoShows = 0,
            PatientLateCancellations = 0,
            PatientTimelyCancellations = 0,
            PatientLateArrivals = 0,
            ClinicianCancellations = 0,
            ClinicianLateCancellations = 0,
            SessionsStarted = 0,
            SessionsEnded = 0,
        });
    }

    // ---- The patient ------------------------------------------------------------------------------

    [Theory]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.InSession)]
    [InlineData(AppointmentStatus.Fulfilled)]
    public void Compute_CheckedIn_Kept(AppointmentStatus status)
    {
        Appointment appointment = Booked(1);
        appointment.CheckIn(Start(1));
        if (status != AppointmentStatus.Arrived)
        {
            appointment.StartSession(Start(1));
        }

        if (status == AppointmentStatus.Fulfilled)
        {
            appointment.EndSession(Slot(1).End);
        }

        AttendanceRecord record = Compute(appointment);

        appointment.Status.Should().Be(status);
        record.Kept.Should().Be(1);
        record.KeptRate.Should().Be(1);
        record.NoShowRate.Should().Be(0);
        record.LateCancellationRate.Should().Be(0);
    }

    [Fact]
    public void Compute_CheckedInAfterAsOf_NotKeptYet()
    {
        Appointment appointment = Booked(9);
        appointment.CheckIn(Start(9) + Minutes(3));

        AttendanceRecord record = AttendanceRecord.Compute([appointment], WindowStart, Start(9) + Minutes(2));

        record.Appointments.Should().Be(1);
        record.Kept.Should().Be(0);
        record.PatientCommitments.Should().Be(0);
        record.MeanPatientLateness.Should().BeNull();
    }

    [Fact]
    public void Compute_NoShows_CountedAgainstCommitments()
    {
        AttendanceRecord record = Compute(Commitments(kept: 1, noShows: 3));

        record.NoShows.Should().Be(3);
        record.PatientCommitments.Should().Be(4);
        record.NoShowRate.Should().Be(0.75);
        record.KeptRate.Should().Be(0.25);
    }

    [Fact]
    public void Compute_PatientCancellationExactlyNoticePeriodAhead_Timely()
    {
        AttendanceRecord record = Compute(Cancelled(1, Party.Patient, OneDay));

        record.PatientTimelyCancellations.Should().Be(1);
        record.PatientLateCancellations.Should().Be(0);
        record.PatientCommitments.Should().Be(0, "a timely cancellation is no missed commitment");
        record.KeptRate.Should().BeNull();
        record.NoShowRate.Should().BeNull();
        record.LateCancellationRate.Should().BeNull();
    }

    [Fact]
    public void Compute_PatientCancellationOneTickShortOfNoticePeriod_Late()
    {
        AttendanceRecord record = Compute(Cancelled(1, Party.Patient, OneDay - OneTick));

        record.PatientLateCancellations.Should().Be(1);
        record.PatientTimelyCancellations.Should().Be(0);
        record.PatientCommitments.Should().Be(1);
        record.LateCancellationRate.Should().Be(1);
        record.KeptRate.Should().Be(0);
    }

    [Fact]
    public void Compute_PatientCancelsAfterArriving_LateCancellationNotKept()
    {
        Appointment appointment = Booked(1);
        appointment.CheckIn(Start(1));
        appointment.Cancel(Party.Patient, "pat", Start(1) + Minutes(10));

        AttendanceRecord record = Compute(appointment);

        record.Kept.Should().Be(0);
        record.PatientLateCancellations.Should().Be(1);
    }

    [Fact]
    public void Compute_CustomNoticePeriod_Used()
    {
        var settings = new TimeBoundarySettings { CancellationNotice = Duration.FromHours(48) };
        Appointment[] cancellations = [Cancelled(1, Party.Patient, Duration.FromHours(30)), Cancelled(2, Party.Clinician, Duration.FromHours(30))];

        AttendanceRecord byDefault = AttendanceRecord.Compute(cancellations, WindowStart, AsOf);
        AttendanceRecord custom = AttendanceRecord.Compute(cancellations, WindowStart, AsOf, settings);

        (byDefault.PatientLateCancellations, byDefault.PatientTimelyCancellations, byDefault.ClinicianLateCancellations).Should().Be((0, 1, 0));
        (custom.PatientLateCancellations, custom.PatientTimelyCancellations, custom.ClinicianLateCancellations).Should().Be((1, 0, 1));
    }

    [Fact]
    public void Compute_NullSettings_UsesDefaults()
    {
        Appointment[] appointments = [Cancelled(1, Party.Patient, OneDay - OneTick), Kept(2, arrival: FiveMinutes + OneTick, startDelay: FiveMinutes + OneTick)];

        AttendanceRecord.Compute(appointments, WindowStart, AsOf, null)
            .Should().Be(AttendanceRecord.Compute(appointments, WindowStart, AsOf, TimeBoundarySettings.Default));
    }

    [Fact]
    public void Compute_LatenessExactlyTolerance_NotALateArrival()
    {
        AttendanceRecord record = Compute(Kept(1, arrival: FiveMinutes));

        record.PatientLateArrivals.Should().Be(0);
        record.MeanPatientLateness.Should().Be(FiveMinutes);
    }

    [Fact]
    public void Compute_LatenessOneSecondOverTolerance_ALateArrival()
    {
        AttendanceRecord record = Compute(Kept(1, arrival: FiveMinutes + OneSecond));

        record.PatientLateArrivals.Should().Be(1);
        record.MeanPatientLateness.Should().Be(FiveMinutes + OneSecond);
    }

    [Fact]
    public void Compute_CustomLatenessTolerance_Used()
    {
        Appointment[] kept = [Kept(1, arrival: Minutes(3)), Kept(2, arrival: Minutes(1))];

        AttendanceRecord record = AttendanceRecord.Compute(kept, WindowStart, AsOf, new TimeBoundarySettings { PatientLatenessTolerance = Minutes(2) });

        record.PatientLateArrivals.Should().Be(1);
    }

    [Fact]
    public void Compute_EarlyArrival_CountsAsZeroLateness()
    {
        AttendanceRecord record = Compute(Kept(1, arrival: Minutes(-30)), Kept(2, arrival: Minutes(4)));

        record.MeanPatientLateness.Should().Be(Minutes(2), "(0 + 4) / 2: arriving early does not offset arriving late");
        record.PatientLateArrivals.Should().Be(0);
    }

    [Fact]
    public void Compute_NothingKept_MeanLatenessNullAndRatesZero()
    {
        AttendanceRecord record = Compute(NoShow(1), NoShow(2));

        record.MeanPatientLateness.Should().BeNull();
        record.KeptRate.Should().Be(0);
        record.NoShowRate.Should().Be(1);
    }

    // ---- The clinician ----------------------------------------------------------------------------

    [Fact]
    public void Compute_ClinicianCancellations_AnyNoticeCountedLateOnesApart()
    {
        AttendanceRecord record = Compute(
            Cancelled(1, Party.Clinician, Duration.FromDays(10)),
            Cancelled(2, Party.Clinician, OneDay),
            Cancelled(3, Party.Clinician, OneDay - OneTick),
            Kept(4));

        record.ClinicianCancellations.Should().Be(3);
        record.ClinicianLateCancellations.Should().Be(1);
        record.ClinicianCancellationRate.Should().Be(0.75);
        record.PatientCommitments.Should().Be(1, "the clinician's cancellations are not the patient's commitments");
        record.PatientLateCancellations.Should().Be(0);
        record.PatientTimelyCancellations.Should().Be(0);
    }

    [Fact]
    public void Compute_PatientCancellations_NotTheClinicians()
    {
        AttendanceRecord record = Compute(Cancelled(1, Party.Patient, Duration.FromHours(1)), Cancelled(2, Party.Patient, Duration.FromDays(3)));

        record.ClinicianCancellations.Should().Be(0);
        record.ClinicianCancellationRate.Should().Be(0);
    }

    [Fact]
    public void Compute_ClinicianReschedules_OnlyTheClinicianMovesInTheWindow()
    {
        Appointment byClinician = Booked(30, "c");
        byClinician.Reschedule(Slot(31), Party.Clinician, Start(20));
        byClinician.Reschedule(Slot(32), Party.Clinician, Start(21));
        Appointment byPatient = Booked(30, "p");
        byPatient.Reschedule(Slot(33), Party.Patient, Start(20));

        AttendanceRecord record = Compute(byClinician, byPatient);

        record.ClinicianReschedules.Should().Be(2);
    }

    [Fact]
    public void Compute_ClinicianRescheduleAtEitherEndOfWindow_Counted()
    {
        Appointment atFrom = Booked(30, "from");
        atFrom.Reschedule(Slot(31), Party.Clinician, WindowStart);
        Appointment atAsOf = Booked(90, "asof");
        atAsOf.Reschedule(Slot(91), Party.Clinician, AsOf);

        Compute(atFrom, atAsOf).ClinicianReschedules.Should().Be(2);
    }

    [Fact]
    public void Compute_ClinicianRescheduleOneTickOutsideWindow_NotCounted()
    {
        Appointment beforeFrom = Booked(30, "before");
        beforeFrom.Reschedule(Slot(31), Party.Clinician, WindowStart - OneTick);
        Appointment afterAsOf = Booked(90, "after");
        afterAsOf.Reschedule(Slot(91), Party.Clinician, AsOf + OneTick);

        Compute(beforeFrom, afterAsOf).ClinicianReschedules.Should().Be(0);
    }

    [Fact]
    public void Compute_ClinicianRescheduleOfAppointmentOutsideWindow_Counted()
    {
        Appointment past = Booked(-30, "past");
        past.Reschedule(Slot(-20), Party.Clinician, WindowStart + OneTick);
        Appointment future = Booked(120, "future");
        future.Reschedule(Slot(121), Party.Clinician, AsOf - OneTick);

        AttendanceRecord record = Compute(past, future);

        record.Appointments.Should().Be(0);
        record.ClinicianReschedules.Should().Be(2);
    }

    [Fact]
    public void Compute_ClinicianRescheduleOfProposal_Counted()
    {
        Appointment proposal = Proposed(30);
        proposal.Reschedule(Slot(31), Party.Clinician, Start(20));

        AttendanceRecord record = Compute(proposal);

        record.Appointments.Should().Be(0);
        record.ClinicianReschedules.Should().Be(1, "any appointment not in error counts");
    }

    [Fact]
    public void Compute_ClinicianRescheduleOfAppointmentInError_NotCounted()
    {
        Appointment appointment = Booked(30);
        appointment.Reschedule(Slot(31), Party.Clinician, Start(20));
        InError(appointment);

        Compute(appointment).ClinicianReschedules.Should().Be(0);
    }

    [Fact]
    public void Compute_StartDelayExactlyTolerance_OnTime()
    {
        AttendanceRecord record = Compute(Kept(1, startDelay: FiveMinutes), Kept(2));

        record.SessionsStarted.Should().Be(2);
        record.OnTimeStarts.Should().Be(2);
        record.OnTimeStartRate.Should().Be(1);
    }

    [Fact]
    public void Compute_StartDelayOneSecondOverTolerance_Late()
    {
        AttendanceRecord record = Compute(Kept(1, startDelay: FiveMinutes + OneSecond), Kept(2));

        record.SessionsStarted.Should().Be(2);
        record.OnTimeStarts.Should().Be(1);
        record.OnTimeStartRate.Should().Be(0.5);
    }

    [Fact]
    public void Compute_PatientLateAndStartedWithinToleranceOfArrival_OnTime()
    {
        AttendanceRecord record = Compute(Kept(1, arrival: Minutes(20), startDelay: FiveMinutes));

        record.OnTimeStarts.Should().Be(1, "the wait the late patient caused is not the clinician's");
        record.PatientLateArrivals.Should().Be(1);
    }

    [Fact]
    public void Compute_CustomLateStartTolerance_Used()
    {
        Appointment[] kept = [Kept(1, startDelay: Minutes(6)), Kept(2, startDelay: Minutes(11))];

        AttendanceRecord record = AttendanceRecord.Compute(kept, WindowStart, AsOf, new TimeBoundarySettings { ClinicianLateStartTolerance = Minutes(10) });

        record.OnTimeStarts.Should().Be(1);
    }

    [Fact]
    public void Compute_OverrunExactlyTolerance_OnTime()
    {
        AttendanceRecord record = Compute(Kept(1, overrun: FiveMinutes), Kept(2, overrun: Minutes(-20)));

        record.SessionsEnded.Should().Be(2);
        record.OnTimeEnds.Should().Be(2);
        record.OnTimeEndRate.Should().Be(1);
    }

    [Fact]
    public void Compute_OverrunOneSecondOverTolerance_Late()
    {
        AttendanceRecord record = Compute(Kept(1, overrun: FiveMinutes + OneSecond), Kept(2));

        record.SessionsEnded.Should().Be(2);
        record.OnTimeEnds.Should().Be(1);
        record.OnTimeEndRate.Should().Be(0.5);
    }

    [Fact]
    public void Compute_CustomOverrunTolerance_Used()
    {
        Appointment[] kept = [Kept(1, overrun: Minutes(1))];

        AttendanceRecord record = AttendanceRecord.Compute(kept, WindowStart, AsOf, new TimeBoundarySettings { OverrunTolerance = Duration.Zero });

        record.OnTimeEnds.Should().Be(0);
    }

    [Fact]
    public void Compute_StartedOrEndedAfterAsOf_NotCountedYet()
    {
        Appointment appointment = Kept(9, startDelay: Minutes(2));

        AttendanceRecord beforeStart = AttendanceRecord.Compute([appointment], WindowStart, Start(9) + Minutes(1));
        AttendanceRecord beforeEnd = AttendanceRecord.Compute([appointment], WindowStart, Slot(9).End - OneTick);
        AttendanceRecord atEnd = AttendanceRecord.Compute([appointment], WindowStart, Slot(9).End);

        (beforeStart.Kept, beforeStart.SessionsStarted, beforeStart.SessionsEnded).Should().Be((1, 0, 0));
        beforeStart.OnTimeStartRate.Should().BeNull();
        (beforeEnd.SessionsStarted, beforeEnd.SessionsEnded).Should().Be((1, 0));
        beforeEnd.OnTimeEndRate.Should().BeNull();
        (atEnd.SessionsStarted, atEnd.SessionsEnded).Should().Be((1, 1));
    }

    [Fact]
    public void Compute_NoShowsAndCancellations_NeitherStartedNorEnded()
    {
        AttendanceRecord record = Compute(NoShow(1), Cancelled(2, Party.Patient, Duration.FromHours(1)), Cancelled(3, Party.Clinician, Duration.FromDays(3)));

        record.Appointments.Should().Be(3);
        record.SessionsStarted.Should().Be(0);
        record.SessionsEnded.Should().Be(0);
        record.OnTimeStartRate.Should().BeNull();
        record.OnTimeEndRate.Should().BeNull();
    }

    // ---- Arguments and the empty record -----------------------------------------------------------

    [Fact]
    public void Compute_AsOfBeforeFrom_Throws()
    {
        Action act = () => AttendanceRecord.Compute([], AsOf, AsOf - OneTick);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("asOf");
    }

    [Fact]
    public void Compute_NullList_Throws()
    {
        Action act = () => AttendanceRecord.Compute(null!, WindowStart, AsOf);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Compute_NullItem_Throws()
    {
        Action act = () => AttendanceRecord.Compute([Kept(1), null!], WindowStart, AsOf);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Compute_Empty_AllZeroAndRatesNull()
    {
        AttendanceRecord record = Compute();

        record.Should().BeEquivalentTo(new
        {
            From = WindowStart,
            AsOf,
            Appointments = 0,
            Kept = 0,
            NoShows = 0,
            PatientLateCancellations = 0,
            PatientTimelyCancellations = 0,
            PatientLateArrivals = 0,
            MeanPatientLateness = (Duration?)null,
            PatientCommitments = 0,
            KeptRate = (double?)null,
            NoShowRate = (double?)null,
            LateCancellationRate = (double?)null,
            ClinicianCancellations = 0,
            ClinicianLateCancellations = 0,
            ClinicianReschedules = 0,
            ClinicianCancellationRate = (double?)null,
            SessionsStarted = 0,
            OnTimeStarts = 0,
            SessionsEnded = 0,
            OnTimeEnds = 0,
            OnTimeStartRate = (double?)null,
            OnTimeEndRate = (double?)null,
        });
    }

    // ---- Properties over generated mixes ----------------------------------------------------------

    [Property(MaxTest = Runs)]
    public Property AnyMix_WithCommitments_PatientRatesAddUpToOne() =>
        Prop.ForAll(AnyMix(), mix =>
        {
            AttendanceRecord record = mix.Compute();
            if (record.PatientCommitments > 0)
            {
                (record.KeptRate!.Value + record.NoShowRate!.Value + record.LateCancellationRate!.Value).Should().BeApproximately(1, 1e-12);
            }
            else
            {
                new[] { record.KeptRate, record.NoShowRate, record.LateCancellationRate }.Should().AllSatisfy(r => r.Should().BeNull());
            }
        });

    [Property(MaxTest = Runs)]
    public Property AnyMix_OutcomesNeverExceedAppointments() =>
        Prop.ForAll(AnyMix(), mix =>
        {
            AttendanceRecord r = mix.Compute();
            (r.Kept + r.NoShows + r.PatientLateCancellations + r.PatientTimelyCancellations + r.ClinicianCancellations).Should().BeLessThanOrEqualTo(r.Appointments);
            r.OnTimeStarts.Should().BeLessThanOrEqualTo(r.SessionsStarted);
            r.OnTimeEnds.Should().BeLessThanOrEqualTo(r.SessionsEnded);
            r.ClinicianLateCancellations.Should().BeLessThanOrEqualTo(r.ClinicianCancellations);
            r.PatientLateArrivals.Should().BeLessThanOrEqualTo(r.Kept);
        });

    [Property(MaxTest = Runs)]
    public Property AnyMix_DoesNotDependOnOrder() =>
        Prop.ForAll(AnyMix(), mix =>
            AttendanceRecord.Compute(mix.Shuffled(), mix.From, mix.AsOf).Should().Be(mix.Compute(), "order {0}", string.Join(",", mix.Order)));

    [Property(MaxTest = Runs)]
    public Property AnyMix_AgreesWithTheSpecification() =>
        Prop.ForAll(AnyMix(), mix =>
        {
            AttendanceRecord record = mix.Compute();
            (object counts, double? meanLatenessSeconds) = Expected(mix);

            record.Should().BeEquivalentTo(counts);
            if (meanLatenessSeconds is { } seconds)
            {
                record.MeanPatientLateness.Should().NotBeNull();
                record.MeanPatientLateness!.Value.TotalSeconds.Should().BeApproximately(seconds, 1e-6);
            }
            else
            {
                record.MeanPatientLateness.Should().BeNull();
            }
        });

    /// <summary>The counts and mean lateness the specification gives for a mix, worked out from the plans rather than from the appointments.</summary>
    private static (object Counts, double? MeanLatenessSeconds) Expected(Mix mix)
    {
        int count = 0, kept = 0, noShows = 0, patientLate = 0, patientTimely = 0, lateArrivals = 0;
        int clinicianCancellations = 0, clinicianLate = 0, reschedules = 0, started = 0, onTimeStarts = 0, ended = 0, onTimeEnds = 0;
        long latenessMinutes = 0;
        bool InWindow(Instant at) => at >= mix.From && at <= mix.AsOf;
        foreach (Plan plan in mix.Plans)
        {
            if (plan.InError)
            {
                continue;
            }

            if (plan.MovedBy == Party.Clinician && InWindow(plan.MovedAt))
            {
                reschedules++;
            }

            SessionSlot slot = plan.Slot;
            if (!InWindow(slot.Start) || plan.Fate is Fate.Proposed or Fate.Declined)
            {
                continue;
            }

            count++;
            bool lateNotice = plan.NoticeHours < 24;

            // Only what had happened by the window's end counts: a no-show is marked at the end of the 15-minute
            // grace, a cancellation when it was made.
            bool noShowMarked = slot.Start + Minutes(15) <= mix.AsOf;
            bool cancelled = slot.Start - Duration.FromHours(plan.NoticeHours) <= mix.AsOf;
            bool cancelledAfterArrival = slot.Start + Minutes(Math.Max(plan.ArrivalMinutes, 0) + 1) <= mix.AsOf;
            switch (plan.Fate)
            {
                case Fate.NoShow when noShowMarked:
                    noShows++;
                    break;
                case Fate.Cancelled when cancelled && plan.CancelledBy == Party.Patient:
                    patientLate += lateNotice ? 1 : 0;
                    patientTimely += lateNotice ? 0 : 1;
                    break;
                case Fate.Cancelled when cancelled:
                    clinicianCancellations++;
                    clinicianLate += lateNotice ? 1 : 0;
                    break;
                case Fate.CancelledAfterArrival when cancelledAfterArrival && plan.CancelledBy == Party.Patient:
                    patientLate++;
                    break;
                case Fate.CancelledAfterArrival when cancelledAfterArrival:
                    clinicianCancellations++;
                    clinicianLate++;
                    break;
                case Fate.CancelledAfterArrival when slot.Start + Minutes(plan.ArrivalMinutes) <= mix.AsOf:
                    // Cancelled after the window's end: as of then, the patient had arrived.
                    kept++;
                    latenessMinutes += Math.Max(plan.ArrivalMinutes, 0);
                    lateArrivals += plan.ArrivalMinutes > 5 ? 1 : 0;
                    break;
                case Fate.Kept:
                    Instant arrivedAt = slot.Start + Minutes(plan.ArrivalMinutes);
                    Instant startedAt = slot.Start + Minutes(Math.Max(plan.ArrivalMinutes, 0) + plan.StartDelayMinutes);
                    Instant endedAt = slot.End + Minutes(plan.OverrunMinutes);
                    if (arrivedAt <= mix.AsOf)
                    {
                        kept++;
                        latenessMinutes += Math.Max(plan.ArrivalMinutes, 0);
                        lateArrivals += plan.ArrivalMinutes > 5 ? 1 : 0;
                    }

                    if (startedAt <= mix.AsOf)
                    {
                        started++;
                        onTimeStarts += plan.StartDelayMinutes <= 5 ? 1 : 0;
                    }

                    if (plan.Ends && endedAt <= mix.AsOf)
                    {
                        ended++;
                        onTimeEnds += plan.OverrunMinutes <= 5 ? 1 : 0;
                    }

                    break;
                default:
                    break;
            }
        }

        object counts = new
        {
            Appointments = count,
            Kept = kept,
            NoShows = noShows,
            PatientLateCancellations = patientLate,
            PatientTimelyCancellations = patientTimely,
            PatientLateArrivals = lateArrivals,
            ClinicianCancellations = clinicianCancellations,
            ClinicianLateCancellations = clinicianLate,
            ClinicianReschedules = reschedules,
            SessionsStarted = started,
            OnTimeStarts = onTimeStarts,
            SessionsEnded = ended,
            OnTimeEnds = onTimeEnds,
        };
        return (counts, kept == 0 ? null : latenessMinutes * 60.0 / kept);
    }

    private enum Fate
    {
        Proposed,
        Declined,
        Booked,
        Kept,
        NoShow,
        Cancelled,
        CancelledAfterArrival,
    }

    /// <summary>
    /// How one generated appointment goes: its slot (day and hour from day 0), an optional move into that slot from the
    /// next day, its fate with the minutes and hours that shape it, and whether it ends up entered in error.
    /// </summary>
    private sealed record Plan(
        int Day, int Hour, Fate Fate, int ArrivalMinutes, int StartDelayMinutes, int OverrunMinutes, bool Ends, int NoticeHours, Party CancelledBy,
        Party? MovedBy, int MovedAtHours, bool InError)
    {
        public SessionSlot Slot => Appointments.Slot(Appointments.DefaultLocalStart.PlusDays(Day).PlusHours(Hour));

        public Instant MovedAt => Start(0) + Duration.FromHours(MovedAtHours);

        public Appointment Build(int index)
        {
            string id = $"g-{index}";
            SessionSlot slot = Slot;
            SessionSlot first = MovedBy is null ? slot : Appointments.Slot(Appointments.DefaultLocalStart.PlusDays(Day + 1).PlusHours(Hour));
            Appointment appointment = Appointments.Proposed(id, slot: first);
            if (MovedBy is { } by)
            {
                appointment.Reschedule(slot, by, MovedAt);
            }

            if (Fate is not (Fate.Proposed or Fate.Declined))
            {
                appointment.Confirm(appointment.ScheduledAt + Duration.FromHours(1));
            }

            switch (Fate)
            {
                case Fate.Declined:
                case Fate.Cancelled:
                    appointment.Cancel(CancelledBy, ReasonFor(CancelledBy), slot.Start - Duration.FromHours(NoticeHours));
                    break;
                case Fate.CancelledAfterArrival:
                    appointment.CheckIn(slot.Start + Minutes(ArrivalMinutes));
                    appointment.Cancel(CancelledBy, ReasonFor(CancelledBy), slot.Start + Minutes(Math.Max(ArrivalMinutes, 0) + 1));
                    break;
                case Fate.NoShow:
                    appointment.MarkNoShow(slot.Start + Duration.FromMinutes(15), Duration.FromMinutes(15));
                    break;
                case Fate.Kept:
                    Keep(appointment, Minutes(ArrivalMinutes), Minutes(StartDelayMinutes), Minutes(OverrunMinutes), Ends);
                    break;
                default:
                    break;
            }

            if (InError)
            {
                appointment.MarkEnteredInError(slot.End + Duration.FromDays(1));
            }

            return appointment;
        }
    }

    /// <summary>Generated plans, the window to judge them over, and a permutation of them.</summary>
    private sealed record Mix(Plan[] Plans, Instant From, Instant AsOf, int[] Order)
    {
        private Appointment[]? _appointments;

        private Appointment[] Built => _appointments ??= [.. Plans.Select((p, i) => p.Build(i))];

        public AttendanceRecord Compute() => AttendanceRecord.Compute(Built, From, AsOf);

        public Appointment[] Shuffled() => [.. Order.Select(i => Built[i])];

        public override string ToString() => $"From {From}, AsOf {AsOf}, plans:{Environment.NewLine}{string.Join(Environment.NewLine, Plans.Select(p => p.ToString()))}";
    }

    private static Arbitrary<Mix> AnyMix() =>
        Arb.From(
            from plans in AnyPlan().ListOf()
            from fromHours in Gen.Frequency((3, Gen.Choose(-40, 20).Select(d => d * 24)), (1, Gen.Choose(-40 * 24, 20 * 24)))
            from lengthHours in Gen.Frequency((3, Gen.Choose(0, 60).Select(d => d * 24)), (1, Gen.Choose(0, 60 * 24)), (1, Gen.Choose(0, 3)))
            from order in Gen.Shuffle(Enumerable.Range(0, plans.Count))
            select new Mix([.. plans], Start(0) + Duration.FromHours(fromHours), Start(0) + Duration.FromHours(fromHours + lengthHours), order));

    private static Gen<Plan> AnyPlan() =>
        from day in Gen.Choose(-50, 50)
        from hour in Gen.Choose(0, 2)
        from fate in Gen.Frequency(
            (1, Gen.Constant(Fate.Proposed)), (1, Gen.Constant(Fate.Declined)), (1, Gen.Constant(Fate.Booked)), (6, Gen.Constant(Fate.Kept)),
            (2, Gen.Constant(Fate.NoShow)), (3, Gen.Constant(Fate.Cancelled)), (1, Gen.Constant(Fate.CancelledAfterArrival)))
        from arrival in Gen.Choose(-20, 30)
        from startDelay in Gen.Choose(0, 15)
        from overrun in Gen.Choose(-5, 20)
        from ends in Gen.Elements(true, true, true, false)
        from notice in Gen.Frequency((3, Gen.Choose(-2, 72)), (1, Gen.Elements(23, 24, 25)))
        from cancelledBy in Gen.Elements(Party.Patient, Party.Clinician)
        from movedBy in Gen.Elements<Party?>(null, null, Party.Patient, Party.Clinician)
        from movedAtHours in Gen.Choose(-60 * 24, 60 * 24)
        from inError in Gen.Elements(false, false, false, false, false, true)
        select new Plan(day, hour, fate, arrival, startDelay, overrun, ends, notice, cancelledBy, movedBy, movedAtHours, inError);

    // ---- Appointment.Reschedulings ----------------------------------------------------------------

    [Fact]
    public void Reschedulings_NeverMoved_Empty()
    {
        Appointment appointment = Booked(1);

        appointment.Reschedulings.Should().BeEmpty();
        appointment.PreviousSlots.Should().BeEmpty();
    }

    [Fact]
    public void Reschedulings_TwoMoves_PreviousSlotPartyAndInstantOldestFirst()
    {
        Appointment appointment = Booked(1);
        Instant firstMove = Start(-5);
        Instant secondMove = Start(-3) + Minutes(17);

        appointment.Reschedule(Slot(2), Party.Patient, firstMove);
        appointment.Reschedule(Slot(3), Party.Clinician, secondMove);

        appointment.Reschedulings.Select(r => (r.PreviousSlot, r.By, r.At)).Should().Equal(
            (Slot(1), Party.Patient, firstMove),
            (Slot(2), Party.Clinician, secondMove));
        appointment.PreviousSlots.Should().Equal(Slot(1), Slot(2));
        appointment.Slot.Should().Be(Slot(3));
    }

    [Fact]
    public void Reschedulings_ProposalMoved_Recorded()
    {
        Appointment appointment = Proposed(1);

        appointment.Reschedule(Slot(2), Party.Clinician, Start(-1));

        appointment.Reschedulings.Should().ContainSingle().Which.By.Should().Be(Party.Clinician);
        appointment.PreviousSlots.Should().Equal(Slot(1));
    }

    [Fact]
    public void Reschedulings_RefusedMove_NothingRecorded()
    {
        Appointment appointment = Booked(1);
        appointment.Reschedule(Slot(2), Party.Patient, Start(-5));

        Action sameSlot = () => appointment.Reschedule(Slot(2), Party.Clinician, Start(-4));

        sameSlot.Should().Throw<DomainRuleException>();
        appointment.Reschedulings.Should().ContainSingle().Which.By.Should().Be(Party.Patient);
        appointment.PreviousSlots.Should().Equal(Slot(1));
    }

    [Fact]
    public void Reschedulings_ReadBeforeALaterMove_Unchanged()
    {
        Appointment appointment = Booked(1);
        appointment.Reschedule(Slot(2), Party.Patient, Start(-5));
        IReadOnlyList<Rescheduling> before = appointment.Reschedulings;
        IReadOnlyList<SessionSlot> slotsBefore = appointment.PreviousSlots;

        appointment.Reschedule(Slot(3), Party.Clinician, Start(-4));

        before.Should().HaveCount(1);
        slotsBefore.Should().Equal(Slot(1));
        appointment.Reschedulings.Should().HaveCount(2);
    }

    [Property(MaxTest = Runs)]
    public Property AnyMoves_ReschedulingsRecordEachMoveAndMatchPreviousSlots() =>
        Prop.ForAll(AnyMoves(), moves =>
        {
            Appointment appointment = Booked(0);
            var expected = new List<(SessionSlot, Party, Instant)>();
            foreach ((int day, Party by, int hours) in moves)
            {
                SessionSlot before = appointment.Slot;
                Instant at = Start(-10) + Duration.FromHours(hours);
                if (Slot(day).Equals(before))
                {
                    FluentActions.Invoking(() => appointment.Reschedule(Slot(day), by, at)).Should().Throw<DomainRuleException>();
                }
                else
                {
                    appointment.Reschedule(Slot(day), by, at);
                    expected.Add((before, by, at));
                }

                appointment.Reschedulings.Select(r => (r.PreviousSlot, r.By, r.At)).Should().Equal(expected);
                appointment.PreviousSlots.Should().Equal(appointment.Reschedulings.Select(r => r.PreviousSlot));
                appointment.Slot.Should().Be(Slot(day));
            }
        });

    private static Arbitrary<(int Day, Party By, int Hours)[]> AnyMoves() =>
        (from length in Gen.Choose(0, 8)
         from moves in (from day in Gen.Choose(0, 3)
                        from party in Gen.Elements(Party.Patient, Party.Clinician)
                        from hours in Gen.Choose(0, 200)
                        select (day, party, hours)).ArrayOf(length)
         select moves).ToArbitrary();

    private static void NoShowAtGrace(Appointment appointment) =>
        appointment.MarkNoShow(appointment.Slot.Start + Duration.FromMinutes(15), Duration.FromMinutes(15));
}
