using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using NodaTime;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.FluentAssertions;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;
using Xunit;
using Xunit.Sdk;

namespace PackageSmoke;

/// <summary>Each package, installed as a package, does its job: the core judges, Testing builds, FluentAssertions asserts.</summary>
public class PackageSmokeTests
{
    [Fact]
    public void TimeRules_OnABuiltAppointment_AssertedWithTheExtensions()
    {
        Appointment appointment = new AppointmentBuilder()
            .At(new LocalDateTime(2026, 6, 9, 9, 0), "America/New_York")
            .CheckedInMinutesLate(2)
            .StartedMinutesLate(10)
            .EndedMinutesLate(12)
            .Build();

        IReadOnlyList<Verdict> verdicts = TimeBoundaryRules.Create().Evaluate(appointment);

        appointment.Should().HaveStatus(AppointmentStatus.Fulfilled);
        verdicts.Should().ContainVerdict(TimeRuleCodes.ClinicianLateStart, Outcome.Warning)
            .Which.Should().HaveEvidence("clinicianDelay").Which.Duration.Should().Be(Duration.FromMinutes(8));
        verdicts.Should().HaveNoFindingAtOrAbove(Outcome.NeedsReview);
    }

    [Fact]
    public void Disclosure_ToACourtOnABareSubpoena_IsDenied()
    {
        DisclosureDecision decision = DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, Scenarios.CourtDisclosureOnBareSubpoena(), []);

        decision.Should().BeDeniedBecause(ConfidentialityRuleCodes.Judicial).And.Withhold(DataCategories.PsychotherapyNotes);
    }

    [Fact]
    public void AllianceScenario_AndTheFakeClock_Work()
    {
        ClinicClock clock = ClinicClock.At(new LocalDateTime(2026, 6, 9, 9, 0), "America/New_York");

        AllianceRules.Create().Evaluate(Scenarios.PatientWhoKeepsMissingSessions(noShows: 3, kept: 2)).Should()
            .ContainVerdict(AllianceRuleCodes.PatientAttendance, Outcome.NeedsReview);
        clock.AdvanceMinutes(50).LocalNow.Should().Be(new LocalDateTime(2026, 6, 9, 9, 50));
    }

    [Fact]
    public void ACaseload_BuiltAsADocumentAndAudited_IsAssertedOnItsReport()
    {
        Caseload caseload = new CaseloadBuilder()
            .WithPatient(new PatientCaseloadBuilder().WithAppointment(new AppointmentBuilder().WithId("a-1").Fulfilled()))
            .Build();
        TherapeuticAlliance.Documents.CaseloadReadResult read =
            TherapeuticAlliance.Documents.CaseloadDocument.Read(TherapeuticAlliance.Documents.CaseloadDocument.Write(caseload));

        ComplianceReport report = ComplianceAudit.Run(TherapeuticAlliance.Boundaries.BoundaryPresets.UsPsychiatry, read.Caseload!.Patients, Instant.FromUtc(2026, 7, 1, 0, 0));

        read.IsValid.Should().BeTrue();
        report.Should().BeCompliant().And.HaveCounted(TimeRuleCodes.DoubleBooking, Outcome.Pass, 1);
    }

    [Fact]
    public void AFailingAssertion_NamesTheRuleCode()
    {
        Verdict late = TimeBoundaryRules.Create().Evaluate(new AppointmentBuilder().CheckedInMinutesLate(7).Fulfilled().Build())
            .Single(v => v.Code == TimeRuleCodes.PatientLate);

        Action act = () => late.Should().HavePassed();

        act.Should().Throw<XunitException>().WithMessage("*TA.TIME.PATIENT_LATE Warning Appointment/a-1*");
    }

    [Theory]
    [InlineData("TherapeuticAlliance")]
    [InlineData("TherapeuticAlliance.Testing")]
    [InlineData("TherapeuticAlliance.FluentAssertions")]
    public void EachPackage_IsLoaded_WithItsVersion(string assemblyName)
    {
        Assembly assembly = AppDomain.CurrentDomain.GetAssemblies().SingleOrDefault(a => a.GetName().Name == assemblyName)
            ?? Assembly.Load(assemblyName);

        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Should().StartWith(ExpectedVersion());
    }

    // The version the packages were restored at, as the build passed it in (see Directory.Build.props).
    private static string ExpectedVersion() =>
        typeof(PackageSmokeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TherapeuticAlliancePackageVersion").Value!;
}
