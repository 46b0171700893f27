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
}
