using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.FluentAssertions;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Scheduling;

public class SmokeTests
{
    [Fact]
    public void Fulfilled_DefaultSession_PassesEveryTimeRule()
    {
        Appointment appointment = new AppointmentBuilder().Fulfilled().Build();

        var verdicts = TimeBoundaryRules.Create().Evaluate(appointment);

        verdicts.Should().NotBeEmpty().And.BeAllPassing();
    }

    [Fact]
    public void Fulfilled_LateStartAndOverrun_WarnsForBoth_AndNothingMore()
    {
        Appointment appointment = new AppointmentBuilder().CheckedInMinutesLate(2).StartedMinutesLate(10).EndedMinutesLate(12).Build();

        var verdicts = TimeBoundaryRules.Create().Evaluate(appointment);

        verdicts.Should().ContainVerdict(TimeRuleCodes.ClinicianLateStart, Outcome.Warning)
            .Which.Should().HaveEvidence("clinicianDelay").Which.Duration.Should().Be(Duration.FromMinutes(8));
        verdicts.Should().ContainVerdict(TimeRuleCodes.Overrun, Outcome.Warning)
            .And.ContainVerdict(TimeRuleCodes.PatientLate, Outcome.Pass)
            .And.HaveNoFindingAtOrAbove(Outcome.NeedsReview);
    }

    [Fact]
    public void PendingEventsAndPreviousSlots_CannotBeChangedByCasting()
    {
        Appointment appointment = Appointments.Booked();
        appointment.Reschedule(Appointments.Slot(new LocalDateTime(2026, 6, 10, 9, 0)), Party.Patient, appointment.ScheduledAt + Duration.FromDays(1));

        appointment.PendingEvents.Should().BeAssignableTo<IList<AppointmentEvent>>().Which.IsReadOnly.Should().BeTrue();
        appointment.PreviousSlots.Should().BeAssignableTo<IList<SessionSlot>>().Which.IsReadOnly.Should().BeTrue();
        appointment.PendingEvents.Should().HaveCount(3);
        appointment.PreviousSlots.Should().HaveCount(1);
    }
}
