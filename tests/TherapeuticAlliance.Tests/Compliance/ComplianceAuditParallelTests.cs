using System.Threading;
using System.Threading.Tasks;
using FsCheck.Xunit;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Compliance;

/// <summary>The parallel, streaming <see cref="ComplianceAudit"/>: the same report as the sequential one, bounded read-ahead, failures and cancellation.</summary>
public class ComplianceAuditParallelTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 24, 12, 0);

    private static readonly BoundaryPolicy Policy = BoundaryPresets.UsPsychiatry;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Any order of the patients and any number of workers from 1 to 4 give the sequential report.</summary>
    [Property(MaxTest = 25)]
    public void Run_AnyOrderAndDegree_GivesTheSequentialReport(int seed, byte degree)
    {
        PatientCaseload[] patients = Patients(24);
        ComplianceReport expected = ComplianceAudit.Run(Policy, patients, AsOf);
        var random = new Random(seed);
        PatientCaseload[] shuffled = [.. patients.OrderBy(_ => random.Next())];

        ComplianceReport actual = ComplianceAudit.Run(Policy, shuffled, AsOf, Options(1 + (degree % 4)));

        actual.PatientsAudited.Should().Be(patients.Length);
        actual.Findings.Should().Equal(expected.Findings);
        actual.RuleCounts.Should().Equal(expected.RuleCounts);
        actual.Pairs.Should().Equal(expected.Pairs);
        Reports.Json(actual).Should().Equal(Reports.Json(expected));
    }

    [Fact]
    public void Run_EveryDegree_WritesTheSameText()
    {
        PatientCaseload[] patients = Patients(40);
        string sequential = Reports.Text(ComplianceAudit.Run(Policy, patients, AsOf));

        foreach (int degree in new[] { 1, 2, 3, 4, 7 })
        {
            Reports.Text(ComplianceAudit.Run(Policy, patients, AsOf, Options(degree))).Should().Be(sequential, $"with {degree} workers");
        }

        sequential.Should().Contain("TA.TIME.DOUBLE_BOOKING").And.Contain("TA.TIME.CLINICIAN_LATE_START");
    }

    [Fact]
    public void Run_NoPatients_GivesAnEmptyReport()
    {
        ComplianceReport report = ComplianceAudit.Run(Policy, [], AsOf, Options(3));

        report.PatientsAudited.Should().Be(0);
        report.RuleCounts.Should().BeEmpty();
        report.Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_ReadsAheadAtMostThreePatientsPerWorker(int degree)
    {
        var audited = new LatestCount();
        var patients = new CountingPatients(Patients(300), audited);

        ComplianceReport report = ComplianceAudit.Run(Policy, patients, AsOf, Options(degree) with { Progress = audited, ProgressInterval = 1 });

        report.PatientsAudited.Should().Be(300);
        patients.Pulled.Should().Be(300);
        patients.Enumerations.Should().Be(1);
        patients.MostAhead.Should().BeLessThanOrEqualTo(3 * degree, "the queue holds two patients per worker and each worker one more");
        patients.ReaderThreads.Should().ContainSingle().Which.Should().Be(Environment.CurrentManagedThreadId);
    }

    [Fact]
    public async Task Run_EnumerableThrowsMidway_ThrowsItsExceptionAndDisposesIt()
    {
        var disposed = new StrongBox<bool>();

        Func<Task> act = () => Task.Run(() => ComplianceAudit.Run(Policy, ThrowingAfter(5, disposed), AsOf, Options(2))).WaitAsync(Patience);

        (await act.Should().ThrowExactlyAsync<InvalidOperationException>()).WithMessage("The file is truncated.");
        disposed.Value.Should().BeTrue();
    }

    [Fact]
    public async Task Run_WorkerThrows_ThrowsItsExceptionNotAnAggregate()
    {
        var progress = new ThrowingProgress(after: 7);

        Func<Task> act = () => Task.Run(() => ComplianceAudit.Run(Policy, Endless(), AsOf, Options(2) with { Progress = progress, ProgressInterval = 1 }))
            .WaitAsync(Patience);

        (await act.Should().ThrowExactlyAsync<InvalidOperationException>()).WithMessage("The progress bar broke.");
    }

    [Fact]
    public async Task Run_NullCaseload_ThrowsArgumentNullExceptionNamingPatients()
    {
        Func<Task> act = () => Task.Run(() => ComplianceAudit.Run(Policy, [.. Patients(3), null!, .. Patients(3)], AsOf, Options(2))).WaitAsync(Patience);

        (await act.Should().ThrowExactlyAsync<ArgumentNullException>()).Which.ParamName.Should().Be("patients");
    }

    [Fact]
    public async Task Run_CancelledMidway_StopsAnEndlessReader()
    {
        using var cancellation = new CancellationTokenSource();

        Func<Task> act = () => Task.Run(() => ComplianceAudit.Run(Policy, Endless(cancelAt: 50, cancellation), AsOf, Options(2), cancellation.Token))
            .WaitAsync(Patience);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Run_AlreadyCancelled_ReadsNothing()
    {
        var audited = new LatestCount();
        var patients = new CountingPatients(Patients(5), audited);

        FluentActions.Invoking(() => ComplianceAudit.Run(Policy, patients, AsOf, Options(2), new CancellationToken(canceled: true)))
            .Should().Throw<OperationCanceledException>();
        patients.Enumerations.Should().Be(0);
    }

    [Fact]
    public void Run_Progress_ReportsEveryIntervalInOrderThenTheFinalCount()
    {
        var progress = new RecordingProgress();

        ComplianceAudit.Run(Policy, Patients(25), AsOf, Options(3) with { Progress = progress, ProgressInterval = 10 });

        progress.Counts.Should().Equal(10, 20, 25);
    }

    [Fact]
    public void Run_Progress_FinalCountOnAnIntervalIsReportedOnce()
    {
        var progress = new RecordingProgress();

        ComplianceAudit.Run(Policy, Patients(20), AsOf, Options(2) with { Progress = progress, ProgressInterval = 10 });

        progress.Counts.Should().Equal(10, 20);
    }

    [Fact]
    public void Options_Defaults_OneWorkerPerProcessorAndNoProgress()
    {
        var options = new ComplianceAuditOptions();

        options.MaxDegreeOfParallelism.Should().Be(Math.Max(1, Environment.ProcessorCount));
        options.Progress.Should().BeNull();
        options.ProgressInterval.Should().Be(1000);
    }

    [Fact]
    public void Options_LessThanOne_AreRefused()
    {
        FluentActions.Invoking(() => new ComplianceAuditOptions { MaxDegreeOfParallelism = 0 })
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(ComplianceAuditOptions.MaxDegreeOfParallelism));
        FluentActions.Invoking(() => new ComplianceAuditOptions() with { ProgressInterval = 0 })
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(ComplianceAuditOptions.ProgressInterval));
        new ComplianceAuditOptions { MaxDegreeOfParallelism = 1, ProgressInterval = 1 }.MaxDegreeOfParallelism.Should().Be(1);
    }

    [Fact]
    public void Run_NullArguments_AreRefused()
    {
        FluentActions.Invoking(() => ComplianceAudit.Run(null!, [], AsOf, Options(1))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ComplianceAudit.Run(Policy, null!, AsOf, Options(1))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ComplianceAudit.Run(Policy, [], AsOf, null!)).Should().Throw<ArgumentNullException>();
    }

    private static ComplianceAuditOptions Options(int degree) => new() { MaxDegreeOfParallelism = degree };

    /// <summary>
    /// Patients p-000…: three clinicians, weekly sessions, every fifth patient late-started, every seventh with a bare
    /// subpoena, and pairs of consecutive patients booked with the same clinician at overlapping times.
    /// </summary>
    internal static PatientCaseload[] Patients(int count) => [.. Enumerable.Range(0, count).Select(Patient)];

    private static PatientCaseload Patient(int i)
    {
        string patient = $"p-{i:D3}";
        string clinician = $"c-{i % 3}";
        var appointments = new List<Appointment>();
        foreach (int day in new[] { 9, 16, 23 })
        {
            AppointmentBuilder session = new AppointmentBuilder().WithId($"a-{patient}-{day}").ForPatient(patient).WithClinician(clinician)
                .At(new LocalDateTime(2026, 6, day, 8 + (i % 9), 0)).Lasting(45);
            appointments.Add((i % 5 == 0 && day == 16 ? session.StartedMinutesLate(12) : session).Fulfilled().Build());
        }

        // p-004 and p-013 (both with c-1), …: the same clinician at 08:00 + i % 9 on the 10th, overlapping by a quarter hour.
        appointments.Add(new AppointmentBuilder().WithId($"a-{patient}-x").ForPatient(patient).WithClinician(clinician)
            .At(new LocalDateTime(2026, 6, 10, 8 + (i % 9), i % 2 == 0 ? 0 : 30)).Lasting(45).Fulfilled().Build());
        DisclosureRequest[] disclosures = i % 7 == 0
            ? [new DisclosureRequestBuilder().ForPatient(patient).To(RecipientRole.CourtOrTribunal).For(DisclosurePurpose.JudicialProceeding)
                .Of(DataCategories.Diagnoses).Under(LegalInstrument.BareSubpoena).Build()]
            : [];
        return new PatientCaseload(new PatientId(patient), appointments, [], [], [], [], [], [], disclosures, []);
    }

    private static IEnumerable<PatientCaseload> ThrowingAfter(int count, StrongBox<bool> disposed)
    {
        try
        {
            foreach (PatientCaseload patient in Patients(count))
            {
                yield return patient;
            }

            throw new InvalidOperationException("The file is truncated.");
        }
        finally
        {
            disposed.Value = true;
        }
    }

    private static IEnumerable<PatientCaseload> Endless(int cancelAt = -1, CancellationTokenSource? cancellation = null)
    {
        PatientCaseload[] some = Patients(10);
        for (int i = 0; ; i++)
        {
            if (i == cancelAt)
            {
                cancellation!.Cancel();
            }

            yield return some[i % some.Length];
        }
    }

    /// <summary>A box a lambda-free iterator can write through.</summary>
    private sealed class StrongBox<T>
    {
        public T? Value { get; set; }
    }

    /// <summary>The latest count a progress report gave, read by the reader thread.</summary>
    private sealed class LatestCount : IProgress<int>
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Report(int value) => Volatile.Write(ref _value, value);
    }

    private sealed class RecordingProgress : IProgress<int>
    {
        private readonly List<int> _counts = [];

        public IReadOnlyList<int> Counts
        {
            get
            {
                lock (_counts)
                {
                    return [.. _counts];
                }
            }
        }

        public void Report(int value)
        {
            lock (_counts)
            {
                _counts.Add(value);
            }
        }
    }

    private sealed class ThrowingProgress(int after) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= after)
            {
                throw new InvalidOperationException("The progress bar broke.");
            }
        }
    }

    /// <summary>Counts how far ahead of the audited patients it has been read, and on which threads.</summary>
    private sealed class CountingPatients(IReadOnlyList<PatientCaseload> patients, LatestCount audited) : IEnumerable<PatientCaseload>
    {
        private readonly HashSet<int> _readerThreads = [];

        public int Pulled { get; private set; }

        public int MostAhead { get; private set; }

        public int Enumerations { get; private set; }

        public IReadOnlyCollection<int> ReaderThreads => _readerThreads;

        public IEnumerator<PatientCaseload> GetEnumerator()
        {
            Enumerations++;
            foreach (PatientCaseload patient in patients)
            {
                _readerThreads.Add(Environment.CurrentManagedThreadId);
                Pulled++;
                MostAhead = Math.Max(MostAhead, Pulled - audited.Value);
                yield return patient;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
