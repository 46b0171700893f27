using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Scheduling;

public class CalendarConflictsTests
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 6, 9, 13, 0);

    private static Booking At(string id, string clinician, string patient, int startMinute, int minutes) =>
        new(new AppointmentId(id), new ClinicianId(clinician), new PatientId(patient), Nine + Duration.FromMinutes(startMinute), Nine + Duration.FromMinutes(startMinute + minutes));

    [Fact]
    public void Find_NoBookings_ReturnsNothing()
    {
        CalendarConflicts.Find(Array.Empty<Booking>()).Should().BeEmpty();
    }

    [Fact]
    public void Find_BackToBackSameClinician_IsNoConflict()
    {
        Booking[] bookings = [At("a", "c1", "p1", 0, 50), At("b", "c1", "p2", 50, 50)];

        CalendarConflicts.Find(bookings).Should().BeEmpty();
    }

    [Fact]
    public void Find_OverlapByOneTickSameClinician_IsOneClinicianConflict()
    {
        Booking a = At("a", "c1", "p1", 0, 50);
        Booking b = new(new AppointmentId("b"), new ClinicianId("c1"), new PatientId("p2"), a.End - Duration.Epsilon, a.End + Duration.FromMinutes(50));

        CalendarConflicts.Find([b, a]).Should().Equal(new BookingConflict(new AppointmentId("a"), new AppointmentId("b"), Party.Clinician, Duration.Epsilon));
    }

    [Fact]
    public void Find_SamePatientWithTwoClinicians_IsOnePatientConflict()
    {
        Booking[] bookings = [At("a", "c1", "p1", 0, 50), At("b", "c2", "p1", 30, 50)];

        CalendarConflicts.Find(bookings).Should().Equal(new BookingConflict(new AppointmentId("a"), new AppointmentId("b"), Party.Patient, Duration.FromMinutes(20)));
    }

    [Fact]
    public void Find_SameClinicianAndPatient_IsReportedOnBothCalendars_ClinicianFirst()
    {
        Booking[] bookings = [At("b", "c1", "p1", 10, 50), At("a", "c1", "p1", 0, 50)];

        CalendarConflicts.Find(bookings).Select(c => c.Calendar).Should().Equal(Party.Clinician, Party.Patient);
    }

    [Fact]
    public void Find_SameStart_OrdersThePairByOrdinalId()
    {
        Booking[] bookings = [At("b", "c1", "p1", 0, 50), At("a", "c1", "p2", 0, 30)];

        BookingConflict conflict = CalendarConflicts.Find(bookings).Single();

        conflict.First.Should().Be(new AppointmentId("a"));
        conflict.Second.Should().Be(new AppointmentId("b"));
        conflict.Overlap.Should().Be(Duration.FromMinutes(30));
    }

    [Fact]
    public void Find_OneLongBookingOverlappingThree_ReportsAllThreePairs()
    {
        Booking[] bookings = [At("long", "c1", "p0", 0, 240), At("x", "c1", "p1", 10, 30), At("y", "c1", "p2", 60, 30), At("z", "c1", "p3", 120, 30)];

        CalendarConflicts.Find(bookings).Select(c => (c.First.Value, c.Second.Value)).Should().Equal(("long", "x"), ("long", "y"), ("long", "z"));
    }

    [Fact]
    public void Find_SameAppointmentListedTwice_IsNotAConflictWithItself()
    {
        Booking a = At("a", "c1", "p1", 0, 50);

        CalendarConflicts.Find([a, a]).Should().BeEmpty();
    }

    [Fact]
    public void Find_Appointments_IgnoresProposedCancelledNoShowAndEnteredInError()
    {
        Appointment kept = Appointments.Booked(id: "kept");
        Appointment cancelled = Appointments.InStatus(AppointmentStatus.Cancelled, "cancelled", "p-2");
        Appointment error = Appointments.InStatus(AppointmentStatus.EnteredInError, "error", "p-3");
        Appointment proposed = Appointments.InStatus(AppointmentStatus.Proposed, "proposed", "p-4");
        Appointment noShow = Appointments.InStatus(AppointmentStatus.NoShow, "no-show", "p-5");
        Appointment fulfilled = Appointments.InStatus(AppointmentStatus.Fulfilled, "fulfilled", "p-6");

        IReadOnlyList<BookingConflict> conflicts = CalendarConflicts.Find([kept, cancelled, error, proposed, noShow, fulfilled]);

        conflicts.Should().Equal(new BookingConflict(new AppointmentId("fulfilled"), new AppointmentId("kept"), Party.Clinician, Appointments.DefaultLength));
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked, true)]
    [InlineData(AppointmentStatus.Arrived, true)]
    [InlineData(AppointmentStatus.InSession, true)]
    [InlineData(AppointmentStatus.Fulfilled, true)]
    [InlineData(AppointmentStatus.Proposed, false)]
    [InlineData(AppointmentStatus.Cancelled, false)]
    [InlineData(AppointmentStatus.NoShow, false)]
    [InlineData(AppointmentStatus.EnteredInError, false)]
    public void Find_Appointments_CountsOnlyConfirmedStatuses(AppointmentStatus status, bool counts)
    {
        Appointment booked = Appointments.InStatus(AppointmentStatus.Booked, "a", "p-1", "c-1");
        Appointment other = Appointments.InStatus(status, "b", "p-2", "c-1");

        IReadOnlyList<BookingConflict> conflicts = CalendarConflicts.Find([other, booked]);

        if (counts)
        {
            conflicts.Should().Equal(new BookingConflict(new AppointmentId("a"), new AppointmentId("b"), Party.Clinician, Appointments.DefaultLength));
        }
        else
        {
            conflicts.Should().BeEmpty();
        }
    }

    [Fact]
    public void Find_DefaultBooking_ThrowsArgumentException()
    {
        Booking[] bookings = [At("a", "c1", "p1", 0, 50), default];

        Action act = () => CalendarConflicts.Find(bookings);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("bookings");
    }

    [Fact]
    public void Find_OnlyDefaultBooking_ThrowsArgumentException()
    {
        Action act = () => CalendarConflicts.Find([default(Booking)]);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("bookings");
    }

    [Fact]
    public void Find_NullInput_Throws()
    {
        Action act = () => CalendarConflicts.Find((IReadOnlyList<Booking>)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Booking_EndNotAfterStart_Throws()
    {
        Action act = () => _ = new Booking(new AppointmentId("a"), new ClinicianId("c"), new PatientId("p"), Nine, Nine);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "end");
    }

    // Small random calendars: few people and a short day, so overlaps are common.
    private static Arbitrary<Booking[]> Calendars() =>
        Gen.Choose(0, 40).SelectMany(count =>
            Gen.ArrayOf(
                from clinician in Gen.Choose(0, 3)
                from patient in Gen.Choose(0, 5)
                from start in Gen.Choose(0, 600)
                from minutes in Gen.Choose(1, 120)
                select (clinician, patient, start, minutes),
                count))
        .Select(rows => rows.Select((r, i) => At($"a{i}", $"c{r.clinician}", $"p{r.patient}", r.start, r.minutes)).ToArray())
        .ToArbitrary();

    private static IEnumerable<BookingConflict> Canonical(IEnumerable<BookingConflict> conflicts) =>
        conflicts.OrderBy(c => c.Calendar).ThenBy(c => c.First.Value, StringComparer.Ordinal).ThenBy(c => c.Second.Value, StringComparer.Ordinal);

    [Property(MaxTest = 300)]
    public Property Find_AgreesWithPairwiseCheck() =>
        Prop.ForAll(Calendars(), bookings =>
            Canonical(CalendarConflicts.Find(bookings)).SequenceEqual(Canonical(CalendarConflicts.FindPairwise(bookings))));

    [Property(MaxTest = 200)]
    public Property Find_OrderDoesNotDependOnInputOrder() =>
        Prop.ForAll(Calendars(), bookings =>
            CalendarConflicts.Find(bookings).SequenceEqual(CalendarConflicts.Find(bookings.Reverse().ToArray())));
}
