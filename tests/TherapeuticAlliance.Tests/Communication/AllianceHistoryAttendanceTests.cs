using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using static TherapeuticAlliance.Tests.Support.AllianceHistories;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>
/// The reliability rules share one attendance record per history: judging the same history with other settings must
/// never reuse a record taken with the old ones.
/// </summary>
public class AllianceHistoryAttendanceTests
{
    private static Outcome PatientAttendance(AllianceHistory history, AllianceSettings settings, TimeBoundarySettings time)
    {
        var verdicts = new List<Verdict>();
        new PatientAttendanceRule(settings, time).Evaluate(history, verdicts);
        return verdicts.Should().ContainSingle().Subject.Outcome;
    }

    [Fact]
    public void SameHistory_AnotherWindow_IsJudgedOnItsOwnRecord()
    {
        // Four no-shows 40 days back, outside the default 90-day window (it starts at day -10); four kept sessions inside.
        AllianceHistory history = History([.. Commitments(kept: 0, noShows: 4, firstDay: -40), .. Commitments(kept: 4)]);
        var wide = new AllianceSettings { AttendanceWindow = Duration.FromDays(200) };

        PatientAttendance(history, AllianceSettings.Default, TimeBoundarySettings.Default).Should().Be(Outcome.Pass);
        PatientAttendance(history, wide, TimeBoundarySettings.Default).Should().Be(Outcome.NeedsReview, "4 kept of 8");
        PatientAttendance(history, AllianceSettings.Default, TimeBoundarySettings.Default).Should().Be(Outcome.Pass);
    }

    [Fact]
    public void SameHistory_AnotherNoticePeriod_IsJudgedOnItsOwnRecord()
    {
        // Four kept sessions and two cancellations by the patient 30 hours ahead: timely under 24 hours' notice, late under 48.
        AllianceHistory history = History([.. Commitments(kept: 4), Cancelled(10, Party.Patient, Duration.FromHours(30)), Cancelled(11, Party.Patient, Duration.FromHours(30))]);
        var strict = new TimeBoundarySettings { CancellationNotice = Duration.FromHours(48) };

        PatientAttendance(history, AllianceSettings.Default, TimeBoundarySettings.Default).Should().Be(Outcome.Pass);
        PatientAttendance(history, AllianceSettings.Default, strict).Should().Be(Outcome.NeedsReview, "4 kept of 6");
        PatientAttendance(history, AllianceSettings.Default, TimeBoundarySettings.Default).Should().Be(Outcome.Pass);
    }
}
