// quick-start:begin
using FluentAssertions;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.FluentAssertions;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit;

namespace MyClinic.Tests;

public class BoundaryTests
{
    [Fact]
    public void ASessionThatStartsLateAndRunsOver_IsWarnedTwice()
    {
        Appointment appointment = new AppointmentBuilder()
            .At(new LocalDateTime(2026, 6, 9, 9, 0), "America/New_York")
            .CheckedInMinutesLate(2)
            .StartedMinutesLate(10)
            .EndedMinutesLate(12)
            .Build();

        appointment.Should().HaveStatus(AppointmentStatus.Fulfilled);
        TimeBoundaryRules.Create().Evaluate(appointment).Should()
            .ContainVerdict(TimeRuleCodes.ClinicianLateStart, Outcome.Warning)
            .And.ContainVerdict(TimeRuleCodes.Overrun, Outcome.Warning)
            .And.HaveNoFindingAtOrAbove(Outcome.NeedsReview);
    }

    [Fact]
    public void ACourtOnABareSubpoena_GetsNothing()
    {
        DisclosureDecision decision = DisclosureCheck.Decide(
            ConfidentialitySettings.Hipaa, Scenarios.CourtDisclosureOnBareSubpoena(), authorizations: []);

        decision.Should().BeDeniedBecause(ConfidentialityRuleCodes.Judicial)
            .And.Withhold(DataCategories.Diagnoses | DataCategories.PsychotherapyNotes);
    }
}
// quick-start:end
