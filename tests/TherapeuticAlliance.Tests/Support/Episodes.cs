using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Support;

/// <summary>
/// Builds treatment episodes for the planning-rule tests: patient p-1 and clinician c-1; goals agreed by both
/// parties at <see cref="AgreedAt"/> (2026-06-01 12:00 UTC); a plan (tp-1) activated at <see cref="ActivatedAt"/>
/// (2026-06-02 12:00 UTC); fulfilled sessions s-1, s-2… on successive days from Tuesday 2026-06-09 09:00
/// America/New_York (see <see cref="Appointments"/>); judged at <see cref="AsOf"/> (2026-07-01 12:00 UTC).
/// </summary>
internal static class Episodes
{
    public const string Patient = "p-1";

    public const string Clinician = "c-1";

    public const string TopicCode = "topic";

    public static readonly TreatmentPlanId PlanId = new("tp-1");

    /// <summary>When both parties accept the goals built here.</summary>
    public static readonly Instant AgreedAt = Instant.FromUtc(2026, 6, 1, 12, 0);

    /// <summary>When the plan (and, unless told otherwise, its goals) becomes active.</summary>
    public static readonly Instant ActivatedAt = Instant.FromUtc(2026, 6, 2, 12, 0);

    /// <summary>The default instant the rules judge at: after the first weeks of sessions, well before a 90-day review is due.</summary>
    public static readonly Instant AsOf = Instant.FromUtc(2026, 7, 1, 12, 0);

    /// <summary>A goal proposed an hour before <paramref name="agreedAt"/> and accepted by both parties at it: status Accepted.</summary>
    public static Goal AgreedGoal(string id = "g-1", GoalExpressedBy expressedBy = GoalExpressedBy.Patient, Instant? agreedAt = null, string patient = Patient)
    {
        Instant at = agreedAt ?? AgreedAt;
        Goal goal = ProposedGoal(id, expressedBy, at - Duration.FromHours(1), patient);
        goal.Accept(Party.Patient, at);
        goal.Accept(Party.Clinician, at);
        return goal;
    }

    /// <summary>A goal proposed but not agreed by either party: status Proposed.</summary>
    public static Goal ProposedGoal(string id = "g-1", GoalExpressedBy expressedBy = GoalExpressedBy.Patient, Instant? at = null, string patient = Patient) =>
        Goal.Propose(new GoalId(id), new PatientId(patient), new ClinicianId(Clinician), expressedBy, "Sleep through the night", [], at ?? AgreedAt - Duration.FromHours(1));

    /// <summary>An agreed goal (at <see cref="AgreedAt"/>) that became active at <paramref name="activatedAt"/> (default <see cref="ActivatedAt"/>).</summary>
    public static Goal ActiveGoal(string id = "g-1", GoalExpressedBy expressedBy = GoalExpressedBy.Patient, Instant? activatedAt = null, string patient = Patient)
    {
        Goal goal = AgreedGoal(id, expressedBy, patient: patient);
        goal.Activate(activatedAt ?? ActivatedAt);
        return goal;
    }

    /// <summary>A draft plan serving the given goals, drafted a day before <see cref="AgreedAt"/>.</summary>
    public static TreatmentPlan DraftPlan(IEnumerable<Goal> goals)
    {
        PlanContent content = goals.Aggregate(PlanContent.Empty, (c, g) => c.WithGoal(g.Id));
        return TreatmentPlan.Draft(PlanId, new PatientId(Patient), new ClinicianId(Clinician), content, AgreedAt - Duration.FromDays(1));
    }

    /// <summary>
    /// A plan serving the given goals, activated (revision 1) by the clinician at <paramref name="at"/> (default
    /// <see cref="ActivatedAt"/>) with the patient's agreement at <paramref name="patientAgreedAt"/> (default: the same instant).
    /// No explanations are recorded.
    /// </summary>
    public static TreatmentPlan ActivePlan(IEnumerable<Goal> goals, Instant? at = null, Instant? patientAgreedAt = null)
    {
        List<Goal> list = [.. goals];
        TreatmentPlan plan = DraftPlan(list);
        Instant activatedAt = at ?? ActivatedAt;
        plan.Activate(list, Party.Clinician, patientAgreedAt ?? activatedAt, activatedAt);
        return plan;
    }

    /// <summary>The scheduled (and, for the sessions built here, actual) start of session <c>s-n</c>: 09:00 New York on 2026-06-09 plus n-1 days.</summary>
    public static Instant SessionStart(int n) => SlotOf(n).Start;

    /// <summary>The slot of session <c>s-n</c>: 50 minutes at 09:00 New York on 2026-06-09 plus n-1 days.</summary>
    public static SessionSlot SlotOf(int n) => Appointments.Slot(Appointments.DefaultLocalStart.PlusDays(n - 1));

    /// <summary>
    /// Session <c>s-n</c> with clinician c-1, fulfilled: the patient arrives and it starts on time and lasts its full
    /// 50 minutes. The topics, when given, are recorded at its end.
    /// </summary>
    public static Appointment Session(int n, IEnumerable<SessionTopic>? topics = null, string patient = Patient)
    {
        AppointmentBuilder session = Appointments.Builder(id: $"s-{n}", patient: patient, clinician: Clinician, slot: SlotOf(n)).Fulfilled();
        return (topics is null ? session : session.WithTopics([.. topics])).Build();
    }

    /// <summary>Sessions s-1 to s-<paramref name="count"/>, fulfilled, without topics.</summary>
    public static IEnumerable<Appointment> Sessions(int count) => Enumerable.Range(1, count).Select(n => Session(n)).ToList();

    /// <summary>A topic of the given minutes serving the given goals (none: an off-goal topic).</summary>
    public static SessionTopic Topic(int minutes, params GoalId[] goals) => new(TopicCode, minutes, TopicSensitivity.Low, goals);

    /// <summary>The episode of the plan's patient, judged at <paramref name="asOf"/> (default <see cref="AsOf"/>).</summary>
    public static TreatmentEpisode Episode(
        TreatmentPlan plan, IEnumerable<Goal> goals, IEnumerable<Appointment>? sessions = null, IEnumerable<Prescription>? prescriptions = null, Instant? asOf = null) =>
        new(plan, goals, sessions ?? [], prescriptions ?? [], asOf ?? AsOf);

    /// <summary>A prescription for the plan's patient, written by the plan's clinician unless another is named.</summary>
    public static Prescription Rx(string medicationCode, Instant at, string? prescriber = null) =>
        new(new PatientId(Patient), new ClinicianId(prescriber ?? Clinician), medicationCode, at);
}
