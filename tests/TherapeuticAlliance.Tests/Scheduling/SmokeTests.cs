using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Scheduling;

public class SmokeTests
{
    [Fact]
    public void Fulfilled_DefaultSession_PassesEveryTimeRule()
    {
        Appointment appointment = Appointments.Fulfilled();

        var verdicts = TimeBoundaryRules.Create().Evaluate(appointment);

        verdicts.Should().NotBeEmpty().And.OnlyContain(v => v.IsPass);
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
