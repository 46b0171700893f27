using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Compliance;

public class SyntheticCaseloadTests
{
    /// <summary>210 patients: exactly five clinicians of 42 patients each, a year of sessions.</summary>
    private static readonly SyntheticCaseloadOptions Year = new() { Patients = 210 };

    /// <summary>300 patients over 26 weeks: six planted patients, one of each kind.</summary>
    private static readonly SyntheticCaseloadOptions Planted = new() { Patients = 300, Weeks = 26 };

    private static readonly Lazy<List<PatientCaseload>> YearPatients = new(() => [.. SyntheticCaseload.Patients(Year)]);

    private static readonly Regex FhirId = new(@"^[A-Za-z0-9\-.]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>The codes a planted problem shows in the audit (the double booking shows in the double-booking rule instead).</summary>
    private static readonly Dictionary<SyntheticProblem, string> PlantedCodes = new()
    {
        [SyntheticProblem.Gift] = "TA.DUAL.GIFT",
        [SyntheticProblem.SocialMediaConnection] = "TA.DUAL.SOCIAL_MEDIA",
        [SyntheticProblem.DisclosureWithoutLegalBasis] = "TA.CONF.NO_LEGAL_BASIS",
        [SyntheticProblem.PsychotherapyNotesWithoutAuthorization] = "TA.CONF.PSYCHOTHERAPY_NOTES",
        [SyntheticProblem.UnaddressedNegativeSrs] = "TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED",
    };

    [Fact]
    public void Patients_SameOptions_SameOutput()
    {
        var options = new SyntheticCaseloadOptions { Patients = 30, Weeks = 20, Seed = 7 };

        string first = Fingerprint(SyntheticCaseload.Patients(options));
        string second = Fingerprint(SyntheticCaseload.Patients(options with { }));

        second.Should().Be(first);
    }

    [Fact]
    public void Patients_DifferentSeeds_Differ()
    {
        var options = new SyntheticCaseloadOptions { Patients = 30, Weeks = 20, Seed = 7 };

        string seven = Fingerprint(SyntheticCaseload.Patients(options));
        string eight = Fingerprint(SyntheticCaseload.Patients(options with { Seed = 8 }));

        eight.Should().NotBe(seven);
    }

    [Fact]
    public void Patients_APatient_DoesNotDependOnThePatientsAfterIt()
    {
        // Both have one clinician and no planted patient: patient i is built from (seed, i) alone.
        var options = new SyntheticCaseloadOptions { Patients = 40, Weeks = 10 };

        string forty = Fingerprint(SyntheticCaseload.Patients(options));
        string firstFortyOfFortyTwo = Fingerprint(SyntheticCaseload.Patients(options with { Patients = 42 }).Take(40));

        firstFortyOfFortyTwo.Should().Be(forty);
    }

    [Fact]
    public void Patients_Ids_AreFhirIdsPrefixedWithThePatient()
    {
        List<PatientCaseload> patients = YearPatients.Value;

        patients.Select(p => p.PatientId.Value).Should().StartWith(["p000001", "p000002"]).And.OnlyHaveUniqueItems();
        foreach (PatientCaseload patient in patients)
        {
            string prefix = patient.PatientId.Value + "-";
            IEnumerable<string> ids = patient.Appointments.Select(a => a.Id.Value)
                .Concat(patient.Goals.Select(g => g.Id.Value))
                .Concat(patient.Plans.Select(p => p.Id.Value))
                .Concat(patient.Feedback.Select(f => f.Id.Value))
                .Concat(patient.Authorizations.Select(a => a.Id.Value))
                .Concat(patient.Disclosures.Select(d => d.Id.Value))
                .Concat(patient.RelationshipDeclarations.Select(d => d.Id.Value));
            ids.Should().OnlyContain(id => id.StartsWith(prefix, StringComparison.Ordinal) && FhirId.IsMatch(id));
        }

        patients[0].Appointments[0].Id.Value.Should().Be("p000001-a0001");
        patients[0].Goals[0].Id.Value.Should().Be("p000001-g1");
        patients[0].Appointments[0].ClinicianId.Value.Should().Be("c0001");
    }

    [Fact]
    public void Patients_EveryRecord_BelongsToItsPatientAndClinician()
    {
        IReadOnlyList<CaseloadClinician> clinicians = SyntheticCaseload.Clinicians(Year);

        clinicians.Should().HaveCount(5);
        clinicians.Should().OnlyContain(c => c.Profession == ClinicianProfession.Psychiatrist);
        for (int i = 0; i < YearPatients.Value.Count; i++)
        {
            PatientCaseload patient = YearPatients.Value[i];
            ClinicianId clinician = clinicians[i % clinicians.Count].Id;
            patient.Appointments.Should().OnlyContain(a => a.PatientId == patient.PatientId && a.ClinicianId == clinician);
            patient.Goals.Should().OnlyContain(g => g.PatientId == patient.PatientId && g.ClinicianId == clinician);
            patient.Plans.Should().ContainSingle().Which.ClinicianId.Should().Be(clinician);
            patient.Feedback.Should().OnlyContain(f => f.PatientId == patient.PatientId && f.ClinicianId == clinician);
            patient.Prescriptions.Should().NotContain(p => p.PatientId != patient.PatientId || p.PrescriberId != clinician);
            patient.TerminatedWith.Should().BeEmpty();
        }
    }

    [Fact]
    public void Patients_Records_AreLoadedWithNoPendingEvents()
    {
        foreach (PatientCaseload patient in YearPatients.Value.Take(20))
        {
            patient.Appointments.Should().OnlyContain(a => a.PendingEvents.Count == 0 && a.Version > 0);
            patient.Goals.Should().OnlyContain(g => g.PendingEvents.Count == 0);
            patient.Plans.Should().OnlyContain(p => p.PendingEvents.Count == 0);
            patient.Feedback.Should().OnlyContain(f => f.PendingEvents.Count == 0);
            patient.Authorizations.Should().NotContain(a => a.PendingEvents.Count > 0);
        }
    }

    [Fact]
    public void Patients_Mix_IsWithinTheStatedRanges()
    {
        List<Appointment> appointments = [.. YearPatients.Value.SelectMany(p => p.Appointments)];
        List<Appointment> fulfilled = [.. appointments.Where(a => a.Status == AppointmentStatus.Fulfilled)];
        List<Appointment> psychotherapy = [.. fulfilled.Where(a => a.Kind == SessionKind.Psychotherapy)];
        double noShows = appointments.Count(a => a.Status == AppointmentStatus.NoShow) / (double)appointments.Count;
        double perClinicianYear = appointments.Count / (double)SyntheticCaseload.Clinicians(Year).Count;
        var srsSessions = YearPatients.Value.SelectMany(p => p.Feedback)
            .Where(f => f.Instrument?.InstrumentCode == Instruments.Srs.Code).Select(f => f.AppointmentId).ToHashSet();
        List<decimal> srsTotals = [.. YearPatients.Value.SelectMany(p => p.Feedback).Where(f => f.Instrument is not null).Select(f => f.Instrument!.Total)];
        List<Appointment> cancelled = [.. appointments.Where(a => a.Status == AppointmentStatus.Cancelled)];

        noShows.Should().BeInRange(0.10, 0.30);
        appointments.Select(a => (int)a.Slot.Length.TotalMinutes).Distinct().Should().BeSubsetOf([30, 45, 60]);
        appointments.Should().OnlyContain(a => a.Slot.LocalStart.Hour >= 8 && a.Slot.LocalStart.Hour + (a.Slot.Length.TotalMinutes / 60) <= 18);
        perClinicianYear.Should().BeInRange(1_700 * 0.85, 1_700 * 1.15);
        (fulfilled.Count(a => srsSessions.Contains(a.Id)) / (double)fulfilled.Count).Should().BeGreaterThanOrEqualTo(0.75);
        (srsTotals.Count(t => t >= 36) / (double)srsTotals.Count).Should().BeGreaterThan(0.85);
        srsTotals.Should().Contain(t => t < 36);
        (psychotherapy.Count(a => a.Topics.Any(t => !t.GoalIds.IsEmpty)) / (double)psychotherapy.Count).Should().BeGreaterThan(0.8);
        cancelled.Should().Contain(a => a.Cancellation!.By == Party.Patient).And.Contain(a => a.Cancellation!.By == Party.Clinician);
        cancelled.Should().Contain(a => a.IsLateCancellation(Duration.FromHours(24))).And.Contain(a => !a.IsLateCancellation(Duration.FromHours(24)));
        fulfilled.Should().Contain(a => a.PatientLateness > Duration.FromMinutes(5));
        fulfilled.Should().Contain(a => a.ClinicianStartDelay > Duration.FromMinutes(5));
        fulfilled.Should().Contain(a => a.Overrun > Duration.FromMinutes(5));
    }

    [Fact]
    public void Patients_GoalsAndPlans_AreAgreedExplainedAndFollowed()
    {
        foreach (PatientCaseload patient in YearPatients.Value)
        {
            patient.Goals.Length.Should().BeInRange(1, 3);
            patient.Goals.Should().OnlyContain(g => g.IsAgreed && g.Status == GoalLifecycleStatus.Active);
            patient.Goals[0].ExpressedBy.Should().BeOneOf(GoalExpressedBy.Patient, GoalExpressedBy.Both);
            patient.Goals.Should().OnlyContain(g => g.Statement.StartsWith("Synthetic goal ", StringComparison.Ordinal));
            TreatmentPlan plan = patient.Plans.Single();
            plan.Status.Should().Be(TreatmentPlanStatus.Active);
            plan.HasExplanation(ExplanationKind.DiagnosisExplained, plan.ActivatedAt!.Value).Should().BeTrue();
            plan.HasExplanation(ExplanationKind.OptionDiscussed, plan.ActivatedAt!.Value).Should().BeTrue();
            plan.ChosenOption.Should().NotBeNull();
        }

        YearPatients.Value.Should().Contain(p => p.Goals.Any(g => g.Achievement != null));
        YearPatients.Value.Should().Contain(p => p.Prescriptions.Length > 0);
        YearPatients.Value.Should().Contain(p => p.Feedback.Any(f => f.Response != null && f.Response.Kind == FeedbackResponseKind.PlanRevised));
    }

    [Fact]
    public void PlantedProblem_OneInFifty_EveryKindInTurn()
    {
        List<SyntheticProblem> planted = [.. Enumerable.Range(0, Planted.Patients).Select(i => SyntheticCaseload.PlantedProblem(Planted, i)).OfType<SyntheticProblem>()];

        planted.Should().BeEquivalentTo(Enum.GetValues<SyntheticProblem>());
        Enumerable.Range(0, Planted.Patients).Select(i => SyntheticCaseload.PlantedProblem(Planted with { PlantedProblems = false }, i))
            .Should().OnlyContain(p => p == null);
    }

    [Fact]
    public void Audit_PlantedProblems_ShowTheirCodes()
    {
        List<PatientCaseload> patients = [.. SyntheticCaseload.Patients(Planted)];

        ComplianceReport report = ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, patients, SyntheticCaseload.AsOf(Planted));

        for (int i = 0; i < patients.Count; i++)
        {
            PatientId patient = patients[i].PatientId;
            var codes = report.Findings.Where(f => f.PatientId == patient && PlantedCodes.ContainsValue(f.Verdict.Code.ToString()))
                .Select(f => f.Verdict.Code.ToString()).ToList();
            SyntheticProblem? problem = SyntheticCaseload.PlantedProblem(Planted, i);
            if (problem is { } p && PlantedCodes.TryGetValue(p, out string? expected))
            {
                codes.Should().Equal([expected], because: $"{patient} carries {p}");
            }
            else
            {
                codes.Should().BeEmpty(because: $"{patient} carries no audited problem");
            }
        }

        report.Findings.Where(f => f.Verdict.Outcome == Outcome.Violation).Select(f => f.Verdict.Code.ToString()).Distinct()
            .Should().BeEquivalentTo(["TA.CONF.NO_LEGAL_BASIS", "TA.CONF.PSYCHOTHERAPY_NOTES", "TA.TIME.DOUBLE_BOOKING"]);
        List<Appointment> doubleBooked = DoubleBookings(patients);
        doubleBooked.Should().HaveCount(2).And.Contain(a => a.PatientId == patients[PatientWith(SyntheticProblem.DoubleBooking)].PatientId);

        // The audit judges clinicians' calendars across patients: it finds the same two appointments.
        report.Findings.Where(f => f.Verdict.Code == TimeRuleCodes.DoubleBooking).Select(f => f.Verdict.Subject.Id)
            .Should().BeEquivalentTo(doubleBooked.Select(a => a.Id.Value));
    }

    [Fact]
    public void Audit_WithoutPlantedProblems_ShowsOnlyNaturalFindings()
    {
        SyntheticCaseloadOptions options = Planted with { PlantedProblems = false };
        List<PatientCaseload> patients = [.. SyntheticCaseload.Patients(options)];

        ComplianceReport report = ComplianceAudit.Run(BoundaryPresets.UsPsychiatry, patients, SyntheticCaseload.AsOf(options));

        report.PatientsAudited.Should().Be(300);
        report.Findings.Should().NotContain(f => f.Verdict.Outcome == Outcome.Violation);
        report.Findings.Select(f => f.Verdict.Code.ToString()).Should().NotContain(PlantedCodes.Values);
        report.Findings.Select(f => f.Verdict.Code.ToString()).Distinct().Should().BeSubsetOf(
        [
            // Natural in any caseload: late patients and starts, overruns, cancellations, no-shows, short sessions,
            // SRS dips and their trends, and reliability rates drifting past a threshold now and then.
            "TA.TIME.PATIENT_LATE", "TA.TIME.CLINICIAN_LATE_START", "TA.TIME.OVERRUN", "TA.TIME.LATE_CANCELLATION",
            "TA.TIME.NO_SHOW", "TA.TIME.SHORT_SESSION", "TA.ALLIANCE.SRS_BELOW_CUTOFF", "TA.ALLIANCE.SRS_DROP",
            "TA.ALLIANCE.RUPTURE_UNREPAIRED", "TA.TRUST.PATIENT_ATTENDANCE", "TA.TRUST.CLINICIAN_CANCELLATIONS",
            "TA.TRUST.CLINICIAN_LATE_STARTS", "TA.COMM.FEEDBACK_NOT_ASKED", "TA.COMM.REVIEW_OVERDUE",
        ]);
        report.Findings.Where(f => f.Verdict.Code == TimeRuleCodes.NoShow).Should().OnlyContain(f => f.Verdict.Outcome == Outcome.Warning);
        DoubleBookings(patients).Should().BeEmpty();
        patients.Should().OnlyContain(p => p.RelationshipDeclarations.IsEmpty);
    }

    [Fact]
    public void Generate_ZeroPatients_IsEmpty()
    {
        var options = new SyntheticCaseloadOptions { Patients = 0 };

        Caseload caseload = SyntheticCaseload.Generate(options);

        caseload.Clinicians.Should().BeEmpty();
        caseload.Patients.Should().BeEmpty();
        SyntheticCaseload.Patients(options).Should().BeEmpty();
    }

    [Fact]
    public void Generate_SmallCaseload_HoldsTheCliniciansAndPatients()
    {
        var options = new SyntheticCaseloadOptions { Patients = 12, Weeks = 8, PatientsPerClinician = 5 };

        Caseload caseload = SyntheticCaseload.Generate(options);

        caseload.Clinicians.Select(c => c.Id.Value).Should().Equal("c0001", "c0002", "c0003");
        caseload.Patients.Should().HaveCount(12);
        Fingerprint(caseload.Patients).Should().Be(Fingerprint(SyntheticCaseload.Patients(options)));
    }

    [Fact]
    public void AsOf_IsMidnightAfterThePeriod_AndAfterEveryRecord()
    {
        var options = new SyntheticCaseloadOptions { Patients = 60, Weeks = 4 };

        Instant asOf = SyntheticCaseload.AsOf(options);

        asOf.Should().Be(Instant.FromUtc(2025, 2, 3, 5, 0));
        foreach (PatientCaseload patient in SyntheticCaseload.Patients(options))
        {
            patient.Appointments.Should().OnlyContain(a => a.Slot.End < asOf && (a.EndedAt == null || a.EndedAt < asOf));
            patient.Feedback.Should().NotContain(f => f.ReceivedAt >= asOf || f.ResolvedAt >= asOf);
            patient.Disclosures.Should().NotContain(d => d.At >= asOf);
        }
    }

    [Fact]
    public void Patients_HugeOptions_AreGeneratedLazily()
    {
        var options = new SyntheticCaseloadOptions { Patients = int.MaxValue, PatientsPerClinician = 50 };
        int generated = 0;

        List<PatientCaseload> first = [.. SyntheticCaseload.Patients(options).Select(p => { generated++; return p; }).Take(2)];

        first.Select(p => p.PatientId.Value).Should().Equal("p000001", "p000002");
        generated.Should().Be(2);
    }

    [Theory]
    [InlineData(nameof(SyntheticCaseloadOptions.Patients))]
    [InlineData(nameof(SyntheticCaseloadOptions.Weeks))]
    [InlineData(nameof(SyntheticCaseloadOptions.PatientsPerClinician))]
    [InlineData(nameof(SyntheticCaseloadOptions.TimeZone))]
    [InlineData(nameof(SyntheticCaseloadOptions.Start))]
    public void Patients_InvalidOption_ThrowsAtOnceNamingIt(string option)
    {
        SyntheticCaseloadOptions options = option switch
        {
            nameof(SyntheticCaseloadOptions.Patients) => new() { Patients = -1 },
            nameof(SyntheticCaseloadOptions.Weeks) => new() { Weeks = 0 },
            nameof(SyntheticCaseloadOptions.PatientsPerClinician) => new() { PatientsPerClinician = 51 },
            nameof(SyntheticCaseloadOptions.TimeZone) => new() { TimeZone = "Mars/Olympus_Mons" },
            _ => new() { Start = new LocalDate(1, 1, 1) },
        };

        // Checked when called, not when first enumerated.
        Action patients = () => SyntheticCaseload.Patients(options);
        Action clinicians = () => SyntheticCaseload.Clinicians(options);
        Action asOf = () => SyntheticCaseload.AsOf(options);

        patients.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(option);
        clinicians.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(option);
        asOf.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(option);
    }

    [Fact]
    public void Patients_NullOptions_Throws()
    {
        Action act = () => SyntheticCaseload.Patients(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 50)]
    [InlineData(3, 7)]
    public void Patients_BoundaryOptions_Generate(int weeks, int patientsPerClinician)
    {
        var options = new SyntheticCaseloadOptions { Patients = 101, Weeks = weeks, PatientsPerClinician = patientsPerClinician };

        List<PatientCaseload> patients = [.. SyntheticCaseload.Patients(options)];

        patients.Should().HaveCount(101);
        DoubleBookings(patients).Select(a => a.PatientId).Distinct().Should().HaveCount(
            Enumerable.Range(0, 101).Count(i => SyntheticCaseload.PlantedProblem(options, i) == SyntheticProblem.DoubleBooking) * 2);
    }

    private static int PatientWith(SyntheticProblem problem) =>
        Enumerable.Range(0, Planted.Patients).Single(i => SyntheticCaseload.PlantedProblem(Planted, i) == problem);

    private static List<Appointment> DoubleBookings(IEnumerable<PatientCaseload> patients)
    {
        List<Appointment> appointments = [.. patients.SelectMany(p => p.Appointments)];
        var verdicts = new List<Verdict>();
        var rule = new DoubleBookingRule();
        foreach (IGrouping<ClinicianId, Appointment> calendar in appointments.GroupBy(a => a.ClinicianId))
        {
            rule.Evaluate(calendar, verdicts);
        }

        var conflicted = verdicts.Where(v => v.Outcome != Outcome.Pass).Select(v => v.Subject.ToString()).ToHashSet();
        return [.. appointments.Where(a => conflicted.Contains(SubjectRef.To(a.Id).ToString()))];
    }

    private static string Fingerprint(IEnumerable<PatientCaseload> patients)
    {
        var text = new StringBuilder();
        foreach (PatientCaseload patient in patients)
        {
            text.Append(patient.PatientId.Value).Append('\n');
            foreach (Appointment a in patient.Appointments)
            {
                text.Append(CultureInfo.InvariantCulture, $"{a.Id} {a.ClinicianId} {a.Kind} {a.Status} {a.Slot.Start} {a.Slot.Length} {a.ArrivedAt} {a.StartedAt} {a.EndedAt} {a.Cancellation?.At} {a.Topics.Length} {a.Billing?.Code}\n");
            }

            foreach (Goal g in patient.Goals)
            {
                text.Append(CultureInfo.InvariantCulture, $"{g.Id} {g.ExpressedBy} {g.Status} {g.Achievement}\n");
            }

            foreach (Feedback f in patient.Feedback)
            {
                text.Append(CultureInfo.InvariantCulture, $"{f.Id} {f.ReceivedAt} {f.Instrument?.Total} {f.Status} {f.ResolvedAt}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{patient.Plans.Length} {patient.Prescriptions.Length} {patient.Disclosures.Length} {patient.RelationshipDeclarations.Length}\n");
        }

        return text.ToString();
    }
}
