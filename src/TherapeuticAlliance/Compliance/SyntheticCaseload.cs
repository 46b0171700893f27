using System;
using System.Collections.Generic;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// Generates a synthetic, seeded caseload for tests, benchmarks and demonstrations: clinicians, and for each patient a year
/// (by default) of appointments, goals, a treatment plan, SRS and session feedback, and now and then a prescription, an
/// authorization and a disclosure. Everything is built through the aggregates' public commands and then marked loaded
/// (their pending events are dequeued). No record holds real data: ids are generated and free text reads, for example,
/// <c>Synthetic goal 2 of patient p000042</c>.
/// </summary>
/// <remarks>
/// <para>
/// The mix, per patient: one evaluation (60 minutes, always held) in the first week, then a session in each later week
/// with a probability drawn between 0.65 and 0.9 (about 40 appointments a year), each 30, 45 or 60 minutes at the
/// patient's own weekly hour between 08:00 and 18:00, Monday to Friday (clear of daylight-saving changes, which fall at
/// night). With <see cref="SyntheticCaseloadOptions.DefaultPatientsPerClinician"/> patients a clinician has about 1,690
/// appointments a year: the MGMA median is 1,678 ambulatory encounters per general psychiatrist, so 1M appointments are
/// about 600 clinician-years (reference/perf.md). A patient's no-show rate is drawn between 10% and 30% (outpatient
/// psychiatry reports 2–30%); 8% of sessions are cancelled, by the patient (70%) or the clinician, 40% of them with less
/// than 24 hours' notice. Patients are sometimes late (10% by more than 5 minutes), clinicians sometimes start late (5%)
/// and sessions sometimes overrun (12%). Held psychotherapy sessions are billed by their length (CPT 90832, 90834 or
/// 90837) and mostly (90%) record a topic linked to an active goal.
/// </para>
/// <para>
/// Each patient has 1 to 3 goals (the first in the patient's or both parties' words), agreed by both and activated at the
/// evaluation, with a treatment plan whose diagnosis is explained and options discussed and chosen before the patient
/// agrees to it; 40% also start a medication by a plan revision. Progress on each goal is recorded every 2 or 3 held
/// sessions and the plan is reviewed every 90 days. An SRS follows 85% of held sessions, mostly 36 to 40 (the cutoff is
/// 36) with a 6% chance of a drop below it, which the clinician addresses within two days, a third of the time by
/// revising the plan. 5% of sessions get session feedback, a fifth of it negative (and addressed).
/// </para>
/// <para>
/// Natural findings remain: the time rules warn about late patients, late starts, overruns, late cancellations and
/// no-shows, and the alliance rules about SRS drops and below-cutoff scores, as in any real caseload. When
/// <see cref="SyntheticCaseloadOptions.PlantedProblems"/> is true, the patients whose index plus the seed leaves 49 when
/// divided by 50 carry one <see cref="SyntheticProblem"/> each, the kinds taken in turn (see <see cref="PlantedProblem"/>).
/// </para>
/// <para>
/// Ids are in FHIR id syntax: clinicians <c>c0001</c>, patients <c>p000001</c>, and the patient's records prefixed with its
/// id: appointments <c>p000001-a0001</c>, goals <c>p000001-g1</c>, the plan <c>p000001-tp1</c>, feedback
/// <c>p000001-f0001</c>, progress updates <c>p000001-g1-u1</c>, <c>p000001-rel1</c>, <c>p000001-auth1</c>, <c>p000001-d1</c>.
/// Patient <c>i</c> (from 0) is treated by clinician <c>i mod n</c> of <c>n = ⌈patients / patients per clinician⌉</c>.
/// </para>
/// <para>
/// Deterministic: each patient is built from its own random numbers, seeded from the options' seed and the patient's
/// index, so equal options give equal caseloads and patients can be generated independently, one at a time.
/// </para>
/// </remarks>
public static class SyntheticCaseload
{
    /// <summary>One patient in this many carries a planted problem.</summary>
    private const int PlantedEvery = 50;

    private static readonly string[] Diagnoses = ["F32.1", "F33.1", "F41.1", "F43.10", "F31.81"];
    private static readonly string[] Modalities = ["cbt", "ipt", "act", "dbt"];

    /// <summary>The clinicians of a generated caseload, all psychiatrists: <c>c0001</c> onwards.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The clinicians, none when there are no patients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is not valid; the exception names it.</exception>
    public static IReadOnlyList<CaseloadClinician> Clinicians(SyntheticCaseloadOptions options)
    {
        Validate(options);
        int count = ClinicianCount(options);
        var clinicians = new CaseloadClinician[count];
        for (int i = 0; i < count; i++)
        {
            clinicians[i] = new CaseloadClinician(new ClinicianId(ClinicianKey(i)), ClinicianProfession.Psychiatrist);
        }

        return Array.AsReadOnly(clinicians);
    }

    /// <summary>
    /// The patients' caseloads, generated one at a time as they are enumerated: nothing is held between patients, so a
    /// caseload too large for memory can be streamed. Enumerating twice generates twice, with the same result.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The patients, <c>p000001</c> onwards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is not valid (checked at once, not when enumerated); the exception names it.</exception>
    public static IEnumerable<PatientCaseload> Patients(SyntheticCaseloadOptions options)
    {
        Validate(options);
        return Generate();

        IEnumerable<PatientCaseload> Generate()
        {
            var context = new Context(options);
            for (int i = 0; i < options.Patients; i++)
            {
                yield return new PatientGenerator(context, i).Build();
            }
        }
    }

    /// <summary>Generates a whole caseload in memory: <see cref="Clinicians"/> and <see cref="Patients"/>.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The caseload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is not valid; the exception names it.</exception>
    public static Caseload Generate(SyntheticCaseloadOptions options) => new(Clinicians(options), Patients(options));

    /// <summary>
    /// The natural instant to audit a generated caseload at: midnight at the start of the day after the period, in the
    /// options' time zone. Every generated record is dated before it.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The instant just after the generated period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is not valid; the exception names it.</exception>
    public static Instant AsOf(SyntheticCaseloadOptions options)
    {
        Validate(options);
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[options.TimeZone];
        return zone.AtStartOfDay(options.Start.PlusWeeks(options.Weeks)).ToInstant();
    }

    /// <summary>The problem planted in a patient, if any.</summary>
    /// <param name="options">The options.</param>
    /// <param name="patientIndex">The patient's index, from 0.</param>
    /// <returns>
    /// The problem, or null when problems are not planted or this patient carries none. A double booking needs another
    /// patient of the same clinician; where there is none, the patient gets a gift instead.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is not valid; the exception names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patientIndex"/> is negative or not less than the number of patients.</exception>
    public static SyntheticProblem? PlantedProblem(SyntheticCaseloadOptions options, int patientIndex)
    {
        Validate(options);
        Guard.Against.OutOfRange(patientIndex, nameof(patientIndex), 0, options.Patients - 1);
        return Planted(options, ClinicianCount(options), patientIndex);
    }

    private static SyntheticProblem? Planted(SyntheticCaseloadOptions options, int clinicians, int index)
    {
        long position = (long)index + options.Seed - int.MinValue;
        if (!options.PlantedProblems || position % PlantedEvery != PlantedEvery - 1)
        {
            return null;
        }

        var problem = (SyntheticProblem)(position / PlantedEvery % 6);
        return problem == SyntheticProblem.DoubleBooking && Neighbour(options, clinicians, index) is null ? SyntheticProblem.Gift : problem;
    }

    /// <summary>Another patient of the same clinician: the next one, or else the previous one.</summary>
    private static int? Neighbour(SyntheticCaseloadOptions options, int clinicians, int index) =>
        index + clinicians < options.Patients ? index + clinicians
        : index - clinicians >= 0 ? index - clinicians
        : null;

    private static int ClinicianCount(SyntheticCaseloadOptions options) =>
        (int)(((long)options.Patients + options.PatientsPerClinician - 1) / options.PatientsPerClinician);

    private static void Validate(SyntheticCaseloadOptions options)
    {
        Guard.Against.Null(options);
        if (options.Patients < 0)
        {
            throw OutOfRange(nameof(SyntheticCaseloadOptions.Patients), options.Patients, "The number of patients cannot be negative.");
        }

        if (options.Weeks is < 1 or > 520)
        {
            throw OutOfRange(nameof(SyntheticCaseloadOptions.Weeks), options.Weeks, "The period lasts 1 to 520 weeks.");
        }

        if (options.PatientsPerClinician is < 1 or > SyntheticCaseloadOptions.MaximumPatientsPerClinician)
        {
            throw OutOfRange(
                nameof(SyntheticCaseloadOptions.PatientsPerClinician), options.PatientsPerClinician, "A clinician keeps 1 to 50 patients, one per weekly slot.");
        }

        if (options.Start.Year is < 2 or > 9000)
        {
            throw OutOfRange(nameof(SyntheticCaseloadOptions.Start), options.Start, "The period must start between the years 2 and 9000.");
        }

        if (options.TimeZone is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
        {
            throw Invalid(nameof(SyntheticCaseloadOptions.TimeZone), "The time zone is not a known IANA time-zone id.");
        }
    }

    // The exceptions name the option at fault, a property of the options rather than a parameter.
    private static ArgumentOutOfRangeException OutOfRange(string option, object value, string message) => new(option, value, message);

    private static ArgumentException Invalid(string option, string message) => new(message, option);

    private static string ClinicianKey(int index) => "c" + (index + 1).ToString("D4", CultureInfo.InvariantCulture);

    private static string PatientKey(int index) => "p" + (index + 1).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Seeds a patient's random numbers from the options' seed and the patient's index (SplitMix64 finaliser).</summary>
    private static int PatientSeed(int seed, int index)
    {
        unchecked
        {
            ulong z = ((ulong)(uint)seed << 32) | (uint)index;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & int.MaxValue);
        }
    }

    /// <summary>What every patient of one run shares.</summary>
    private sealed class Context(SyntheticCaseloadOptions options)
    {
        public SyntheticCaseloadOptions Options { get; } = options;

        public int Clinicians { get; } = ClinicianCount(options);

        public IDateTimeZoneProvider Zones { get; } = DateTimeZoneProviders.Tzdb;

        public Instant AsOf { get; } = SyntheticCaseload.AsOf(options);
    }

    /// <summary>Builds one patient's records, week by week, in time order.</summary>
    private sealed class PatientGenerator
    {
        private static readonly Duration Minute = Duration.FromMinutes(1);

        private readonly Context _context;
        private readonly SyntheticCaseloadOptions _options;
        private readonly Random _random;
        private readonly int _index;
        private readonly string _key;
        private readonly PatientId _patient;
        private readonly ClinicianId _clinician;
        private readonly SyntheticProblem? _problem;
        private readonly List<Appointment> _appointments = new(64);
        private readonly List<Goal> _goals = new(3);
        private readonly List<Feedback> _feedback = new(48);
        private readonly List<Prescription> _prescriptions = [];
        private readonly List<RelationshipDeclaration> _declarations = [];
        private readonly List<Authorization> _authorizations = [];
        private readonly List<DisclosureRequest> _disclosures = [];
        private readonly int _weekday;
        private readonly int _hour;
        private readonly int _minutes;
        private readonly double _weeklyChance;
        private readonly double _noShowRate;
        private readonly double _srsLevel;
        private TreatmentPlan? _plan;
        private GoalId[] _goalIds = [];
        private int[] _sinceProgress = [];
        private int[] _progressEvery = [];
        private int[] _updates = [];
        private int _appointmentNumber;
        private int _feedbackNumber;
        private int _modality;
        private Instant _reviewDue;

        public PatientGenerator(Context context, int index)
        {
            _context = context;
            _options = context.Options;
            _index = index;
            _random = new Random(PatientSeed(_options.Seed, index));
            _key = PatientKey(index);
            _patient = new PatientId(_key);
            _clinician = new ClinicianId(ClinicianKey(index % context.Clinicians));
            _problem = Planted(_options, context.Clinicians, index);
            (_weekday, _hour) = SlotOf(index / context.Clinicians);
            double length = _random.NextDouble();
            _minutes = length < 0.3 ? 30 : length < 0.7 ? 45 : 60;
            _weeklyChance = 0.65 + (0.25 * _random.NextDouble());
            _noShowRate = 0.10 + (0.20 * _random.NextDouble());
            _srsLevel = 9.2 + (0.7 * _random.NextDouble());
        }

        /// <summary>A clinician's patients take the week's hours in turn: Monday 08:00, Tuesday 08:00… Friday 17:00.</summary>
        private static (int Weekday, int Hour) SlotOf(int rank) => (rank % 5, 8 + (rank / 5));

        public PatientCaseload Build()
        {
            Evaluate();
            for (int week = 1; week < _options.Weeks; week++)
            {
                if (_random.NextDouble() < _weeklyChance)
                {
                    Session(week);
                }
            }

            Plant();
            foreach (Appointment appointment in _appointments)
            {
                appointment.DequeueEvents();
            }

            foreach (Goal goal in _goals)
            {
                goal.DequeueEvents();
            }

            foreach (Feedback feedback in _feedback)
            {
                feedback.DequeueEvents();
            }

            foreach (Authorization authorization in _authorizations)
            {
                authorization.DequeueEvents();
            }

            _plan!.DequeueEvents();
            return new PatientCaseload(
                _patient, _appointments, _goals, [_plan], _prescriptions, _feedback, _declarations, _authorizations, _disclosures, []);
        }

        /// <summary>The first week's evaluation, always held, where the goals and the plan are agreed.</summary>
        private void Evaluate()
        {
            SessionSlot slot = Slot(0, _weekday, _hour, 60);
            Appointment evaluation = Book(SessionKind.Evaluation, slot, slot.Start - Duration.FromDays(14));
            Instant ended = Hold(evaluation, slot);
            evaluation.RecordTopics([new SessionTopic("assessment", (int)(ended - evaluation.StartedAt!.Value).TotalMinutes, TopicSensitivity.Moderate, [])], ended);
            Agree(ended);
            Authorize(ended);
            if (_problem == SyntheticProblem.UnaddressedNegativeSrs)
            {
                Srs(evaluation, ended, total: 30m, address: false);
            }
            else if (_random.NextDouble() < 0.85)
            {
                Srs(evaluation, ended, total: null, address: true);
            }
        }

        /// <summary>Goals proposed and agreed, the plan explained, chosen, agreed and activated, then the goals activated.</summary>
        private void Agree(Instant at)
        {
            int count = 1 + _random.Next(3);
            _goalIds = new GoalId[count];
            _sinceProgress = new int[count];
            _progressEvery = new int[count];
            _updates = new int[count];
            PlanContent content = PlanContent.Empty;
            for (int g = 0; g < count; g++)
            {
                var id = new GoalId(_key + "-g" + (g + 1).ToString(CultureInfo.InvariantCulture));
                GoalExpressedBy expressedBy = g == 0
                    ? (_random.NextDouble() < 0.7 ? GoalExpressedBy.Patient : GoalExpressedBy.Both)
                    : (GoalExpressedBy)_random.Next(3);
                GoalTarget[] targets = g == 0
                    ? [new GoalTarget(GoalTarget.Phq9TotalLoinc, TargetComparator.LessThan, 10m, _options.Start.PlusWeeks(_options.Weeks + 4))]
                    : [];
                string statement = string.Create(CultureInfo.InvariantCulture, $"Synthetic goal {g + 1} of patient {_key}");
                Goal goal = Goal.Propose(id, _patient, _clinician, expressedBy, statement, targets, at);
                goal.Accept(Party.Patient, at + Minute);
                goal.Accept(Party.Clinician, at + (2 * Minute));
                _goals.Add(goal);
                _goalIds[g] = id;
                _progressEvery[g] = 2 + _random.Next(2);
                content = content.WithGoal(id);
            }

            content = content.WithIntervention(new PsychotherapyIntervention(Modalities[0], new SessionFrequency(1, FrequencyUnit.Week), _goalIds));
            bool medication = _random.NextDouble() < 0.4;
            _plan = TreatmentPlan.Draft(new TreatmentPlanId(_key + "-tp1"), _patient, _clinician, content, at + (3 * Minute));
            _plan.ExplainDiagnosis(Diagnoses[_random.Next(Diagnoses.Length)], at + (4 * Minute));
            _plan.DiscussOption("psychotherapy", at + (5 * Minute));
            _plan.DiscussOption("psychotherapy-and-medication", at + (5 * Minute));
            _plan.DiscussOption("no-treatment", at + (5 * Minute));
            _plan.ChooseOption(medication ? "psychotherapy-and-medication" : "psychotherapy", at + (6 * Minute));
            _plan.Activate(_goals, Party.Clinician, at + (7 * Minute), at + (8 * Minute));
            _reviewDue = at + Duration.FromDays(90);
            _plan.ScheduleReview(_reviewDue, at + (8 * Minute));
            foreach (Goal goal in _goals)
            {
                goal.Activate(at + (9 * Minute));
            }

            if (medication)
            {
                string code = "synthetic-med-" + (1 + _random.Next(9)).ToString(CultureInfo.InvariantCulture);
                _plan.Revise(
                    _plan.Current.WithIntervention(new MedicationIntervention(code, _goalIds)), _goals, Party.Clinician, ["medication-started"], [], [],
                    at + (10 * Minute), at + (10 * Minute));
                _prescriptions.Add(new Prescription(_patient, _clinician, code, at + (11 * Minute)));
            }
        }

        /// <summary>A fifth of patients authorize sharing diagnoses and medications with their primary-care provider, who is then sent them.</summary>
        private void Authorize(Instant at)
        {
            if (_random.NextDouble() >= 0.2)
            {
                return;
            }

            var pcp = new DisclosureRecipient(RecipientRole.TreatingProvider);
            _authorizations.Add(Authorization.Sign(
                new AuthorizationId(_key + "-auth1"), _patient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [pcp],
                [DisclosurePurpose.Treatment], DataCategories.Diagnoses | DataCategories.Medications, at + (15 * Minute), at + Duration.FromDays(365)));
            _disclosures.Add(new DisclosureRequest(
                new DisclosureId(_key + "-d1"), _patient, pcp, DisclosurePurpose.Treatment, DataCategories.Diagnoses | DataCategories.Medications,
                at + Duration.FromDays(1)));
        }

        private void Session(int week)
        {
            SessionSlot slot = Slot(week, _weekday, _hour, _minutes);
            Appointment appointment = Book(SessionKind.Psychotherapy, slot, slot.Start - Duration.FromDays(7));
            double outcome = _random.NextDouble();
            if (outcome < _noShowRate)
            {
                appointment.MarkNoShow(slot.Start + Duration.FromMinutes(20), TimeBoundarySettings.Default.NoShowGrace);
                return;
            }

            if (outcome < _noShowRate + 0.08)
            {
                Party by = _random.NextDouble() < 0.7 ? Party.Patient : Party.Clinician;
                Duration notice = _random.NextDouble() < 0.4
                    ? Duration.FromHours(2 + _random.Next(19))
                    : Duration.FromHours(48 + _random.Next(97));
                appointment.Cancel(by, by == Party.Patient ? "pat" : "prov", slot.Start - notice);
                return;
            }

            Instant ended = Hold(appointment, slot);
            int minutes = (int)(ended - appointment.StartedAt!.Value).TotalMinutes;
            if (_random.NextDouble() < 0.9 && minutes >= 2)
            {
                int goal = _random.Next(_goalIds.Length);
                var onGoal = new SessionTopic("goal-work", minutes * 7 / 10, TopicSensitivity.Moderate, [_goalIds[goal]]);
                appointment.RecordTopics(
                    _random.NextDouble() < 0.3 && minutes >= 10
                        ? [onGoal, new SessionTopic("check-in", minutes / 5, TopicSensitivity.Low, [])]
                        : [onGoal],
                    ended);
            }

            if (Billing(minutes) is { } code)
            {
                appointment.RecordBilling(code, null, ended);
            }

            Progress(ended);
            Review(ended);
            if (_random.NextDouble() < 0.85)
            {
                Srs(appointment, ended, total: null, address: true);
            }

            if (_random.NextDouble() < 0.05)
            {
                SessionFeedback(appointment, ended);
            }
        }

        private static PsychotherapyCode? Billing(int minutes) => minutes switch
        {
            >= 53 => PsychotherapyCode.Cpt90837,
            >= 38 => PsychotherapyCode.Cpt90834,
            >= 16 => PsychotherapyCode.Cpt90832,
            _ => null,
        };

        private SessionSlot Slot(int week, int weekday, int hour, int minutes) =>
            SessionSlot.Create(
                _options.Start.PlusDays((7 * week) + weekday).At(new LocalTime(hour, 0)), _options.TimeZone, Duration.FromMinutes(minutes), _context.Zones);

        private Appointment Book(SessionKind kind, SessionSlot slot, Instant scheduledAt)
        {
            _appointmentNumber++;
            var id = new AppointmentId(_key + "-a" + _appointmentNumber.ToString("D4", CultureInfo.InvariantCulture));
            Appointment appointment = Appointment.Schedule(id, _patient, _clinician, kind, slot, scheduledAt);
            appointment.Confirm(scheduledAt + Duration.FromHours(1));
            _appointments.Add(appointment);
            return appointment;
        }

        /// <summary>Checks in, starts and ends a session: patients mostly early or on time, clinicians mostly prompt, sessions mostly on time.</summary>
        private Instant Hold(Appointment appointment, SessionSlot slot)
        {
            double arrival = _random.NextDouble();
            int late = arrival < 0.6 ? -1 - _random.Next(10) : arrival < 0.9 ? _random.Next(6) : 6 + _random.Next(10);
            Instant arrivedAt = slot.Start + Duration.FromMinutes(late);
            Instant ready = arrivedAt > slot.Start ? arrivedAt : slot.Start;
            int delay = _random.NextDouble() < 0.05 ? 6 + _random.Next(7) : _random.Next(4);
            Instant startedAt = ready + Duration.FromMinutes(delay);
            int end = _random.NextDouble() < 0.12 ? 6 + _random.Next(10) : _random.Next(6) - 2;
            Instant endedAt = slot.End + Duration.FromMinutes(end);
            appointment.CheckIn(arrivedAt);
            appointment.StartSession(startedAt);
            appointment.EndSession(endedAt);
            return endedAt;
        }

        /// <summary>Records progress on each goal every 2 or 3 held sessions, as the clinician assesses it at the end of the session.</summary>
        private void Progress(Instant ended)
        {
            for (int g = 0; g < _goalIds.Length; g++)
            {
                if (++_sinceProgress[g] < _progressEvery[g])
                {
                    continue;
                }

                _sinceProgress[g] = 0;
                _updates[g]++;
                double assessed = _random.NextDouble();
                GoalAchievementStatus status = assessed < 0.5 ? GoalAchievementStatus.Improving
                    : assessed < 0.8 ? GoalAchievementStatus.InProgress
                    : assessed < 0.95 ? GoalAchievementStatus.NoChange
                    : GoalAchievementStatus.Worsening;
                var id = new ProgressUpdateId(_goalIds[g].Value + "-u" + _updates[g].ToString(CultureInfo.InvariantCulture));
                _goals[g].RecordProgress(new ProgressUpdate(id, ended + (5 * Minute), Party.Clinician, status, whatWorks: null, whatDoesNot: null, measureValue: null));
            }
        }

        /// <summary>Reviews the plan at the first held session within two weeks of the review falling due, and sets the next one 90 days on.</summary>
        private void Review(Instant ended)
        {
            if (ended + Duration.FromDays(14) < _reviewDue)
            {
                return;
            }

            Instant at = ended + (10 * Minute);
            _reviewDue = at + Duration.FromDays(90);
            _plan!.RecordReview(_goalIds, _reviewDue, at);
        }

        /// <summary>An SRS at the end of a session: four items near the patient's level, now and then a drop below the cutoff.</summary>
        private void Srs(Appointment appointment, Instant at, decimal? total, bool address)
        {
            var items = new decimal?[4];
            if (total is { } fixedTotal)
            {
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = fixedTotal / items.Length;
                }
            }
            else
            {
                double drop = _random.NextDouble() < 0.06 ? 1.5 + (1.5 * _random.NextDouble()) : 0;
                for (int i = 0; i < items.Length; i++)
                {
                    double item = _srsLevel - drop + (0.4 * _random.NextDouble()) - 0.3;
                    items[i] = Math.Round((decimal)Math.Clamp(item, 0, 10), 1, MidpointRounding.AwayFromZero);
                }
            }

            InstrumentResponse response = InstrumentResponse.Create(Instruments.Srs, items, Party.Patient, at);
            Feedback feedback = Feedback.ForInstrument(NextFeedbackId(), _patient, _clinician, appointment.Id, FeedbackSolicitation.Solicited, response);
            _feedback.Add(feedback);
            if (address && feedback.IsNegative)
            {
                Respond(feedback, at);
            }
        }

        /// <summary>Session feedback, a fifth of it negative; positive feedback is closed the next day.</summary>
        private void SessionFeedback(Appointment appointment, Instant at)
        {
            bool negative = _random.NextDouble() < 0.2;
            string comment = "Synthetic comment on " + appointment.Id.Value;
            var content = new SessionFeedback(!negative, [], [], SessionPace.Right, comment);
            Feedback feedback = Feedback.ForSession(NextFeedbackId(), _patient, _clinician, appointment.Id, FeedbackSolicitation.Solicited, content, at + Minute);
            _feedback.Add(feedback);
            if (negative)
            {
                Respond(feedback, at + Minute);
            }
            else
            {
                feedback.Close(at + Duration.FromDays(1));
            }
        }

        /// <summary>Acknowledges negative feedback within the hour and addresses it within two days, a third of the time by revising the plan.</summary>
        private void Respond(Feedback feedback, Instant received)
        {
            feedback.Acknowledge(received + Duration.FromHours(1));
            Instant at = received + Duration.FromDays(2);
            if (_random.NextDouble() < 1.0 / 3)
            {
                PlanContent current = _plan!.Current;
                PsychotherapyIntervention? therapy = null;
                foreach (Intervention intervention in current.Interventions)
                {
                    therapy ??= intervention as PsychotherapyIntervention;
                }

                _modality = (_modality + 1) % Modalities.Length;
                PlanContent revised = (therapy is null ? current : current.WithoutIntervention(therapy))
                    .WithIntervention(new PsychotherapyIntervention(Modalities[_modality], new SessionFrequency(1, FrequencyUnit.Week), _goalIds));
                PlanRevision revision = _plan.Revise(revised, _goals, Party.Clinician, ["negative-feedback"], [], [feedback.Id], at, at);
                feedback.Address(FeedbackResponse.PlanRevised(_plan.Id, revision.Number), at);
            }
            else
            {
                feedback.Address(FeedbackResponse.Discussed(), at);
            }
        }

        private FeedbackId NextFeedbackId()
        {
            _feedbackNumber++;
            return new FeedbackId(_key + "-f" + _feedbackNumber.ToString("D4", CultureInfo.InvariantCulture));
        }

        private void Plant()
        {
            // Two weeks into treatment, or the period's last Friday when it is shorter: always within the period.
            LocalDate declared = _options.Start.PlusDays(Math.Min(14, (7 * _options.Weeks) - 3));
            switch (_problem)
            {
                case SyntheticProblem.Gift:
                    _declarations.Add(new RelationshipDeclaration(
                        new RelationshipDeclarationId(_key + "-rel1"), _clinician, _patient, null, RelationshipKind.Gift, declared, null, Safeguards.None, 500m));
                    break;
                case SyntheticProblem.SocialMediaConnection:
                    _declarations.Add(new RelationshipDeclaration(
                        new RelationshipDeclarationId(_key + "-rel1"), _clinician, _patient, null, RelationshipKind.SocialMediaConnection, declared, null, Safeguards.None, null));
                    break;
                case SyntheticProblem.DisclosureWithoutLegalBasis:
                    _disclosures.Add(new DisclosureRequest(
                        new DisclosureId(_key + "-d2"), _patient, new DisclosureRecipient(RecipientRole.Other), DisclosurePurpose.Treatment,
                        DataCategories.MentalHealthRecords, _context.AsOf - Duration.FromDays(3)));
                    break;
                case SyntheticProblem.PsychotherapyNotesWithoutAuthorization:
                    _disclosures.Add(new DisclosureRequest(
                        new DisclosureId(_key + "-d2"), _patient, new DisclosureRecipient(RecipientRole.TreatingProvider), DisclosurePurpose.Treatment,
                        DataCategories.PsychotherapyNotes, _context.AsOf - Duration.FromDays(3)));
                    break;
                case SyntheticProblem.DoubleBooking:
                    DoubleBook();
                    break;
                default:
                    break;
            }
        }

        /// <summary>An extra session held in the first week in another patient's slot, whose evaluation is always held then.</summary>
        private void DoubleBook()
        {
            int other = Neighbour(_options, _context.Clinicians, _index)!.Value;
            (int weekday, int hour) = SlotOf(other / _context.Clinicians);
            SessionSlot slot = Slot(0, weekday, hour, 30);
            Appointment extra = Book(SessionKind.Psychotherapy, slot, slot.Start - Duration.FromDays(1));
            Instant arrived = slot.Start;
            extra.CheckIn(arrived);
            extra.StartSession(arrived);
            extra.EndSession(slot.End);
        }
    }
}
