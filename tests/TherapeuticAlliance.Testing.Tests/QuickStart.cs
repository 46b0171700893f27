// quick-start:begin
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit;

namespace MyClinic.Tests;

public class LateArrivalTests
{
    [Fact]
    public void PatientSevenMinutesLate_IsWarned_AndTheClinicianIsNot()
    {
        // A 50-minute session at 09:00 New York time; the patient checks in at 09:07 and the session
        // starts then and ends on time. Every step goes through the library's own commands.
        Appointment appointment = new AppointmentBuilder()
            .At(new LocalDateTime(2026, 6, 9, 9, 0), "America/New_York")
            .Lasting(50)
            .CheckedInMinutesLate(7)
            .Fulfilled()
            .Build();

        IReadOnlyList<Verdict> verdicts = TimeBoundaryRules.Create().Evaluate(appointment);

        // Any assertion library will do; this one is xunit's.
        Assert.Equal(Outcome.Warning, verdicts.Single(v => v.Code == TimeRuleCodes.PatientLate).Outcome);
        Assert.Equal(Outcome.Pass, verdicts.Single(v => v.Code == TimeRuleCodes.ClinicianLateStart).Outcome);
    }

    [Fact]
    public void PatientWhoKeepsMissingSessions_IsAPromptToTalk()
    {
        var history = Scenarios.PatientWhoKeepsMissingSessions(noShows: 3, kept: 2);

        Verdict attendance = AllianceRules.Create().Evaluate(history).Single(v => v.Code == AllianceRuleCodes.PatientAttendance);

        Assert.Equal(Outcome.NeedsReview, attendance.Outcome);
    }
}
// quick-start:end
