using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds treatment plans through the library's public commands. By default: plan <c>tp-1</c> of patient <c>p-1</c> with
/// clinician <c>c-1</c>, serving one agreed goal (from a default <see cref="GoalBuilder"/>) with weekly CBT, drafted after
/// the goal was agreed, with the diagnosis (<c>F32.1</c>) explained and the options (<c>cbt</c>, <c>no-treatment</c>)
/// discussed before the patient chose <c>cbt</c> and agreed, and activated by the clinician: status Active, revision 1.
/// </summary>
/// <remarks>
/// <para>
/// The timeline follows the goals' proposal P (<see cref="BuilderDefaults.GoalsProposedAt"/>): drafted at P + 30 min,
/// diagnosis explained at P + 35 min, options discussed at P + 40 min, option chosen at P + 45 min, the patient agrees at
/// P + 50 min and the plan is activated at P + 55 min. A later status (on hold, completed, revoked, entered in error) is
/// reached a week after activation.
/// </para>
/// <para>Ids are <c>tp-1</c>, <c>tp-2</c>… for successive builds, unless <see cref="WithId"/> fixes one. Mutable; not thread-safe.</para>
/// </remarks>
public sealed class TreatmentPlanBuilder
{
    /// <summary>The diagnosis explained by default: ICD-10 <c>F32.1</c>.</summary>
    public const string DiagnosisCode = "F32.1";

    /// <summary>The option discussed and chosen by default.</summary>
    public const string ChosenOptionCode = "cbt";

    /// <summary>The option discussed but not chosen by default.</summary>
    public const string OtherOptionCode = "no-treatment";

    private readonly Ids _ids = new("tp");
    private readonly List<Intervention> _interventions = [];
    private string _patient = BuilderDefaults.Patient;
    private string _clinician = BuilderDefaults.Clinician;
    private Goal[]? _goals;
    private Instant _proposedAt = BuilderDefaults.GoalsProposedAt;
    private bool _informed = true;
    private TreatmentPlanStatus _status = TreatmentPlanStatus.Active;

    /// <summary>When the plan is drafted: P + 30 minutes.</summary>
    public Instant DraftedAt => _proposedAt + Duration.FromMinutes(30);

    /// <summary>When the patient agrees to revision 1: P + 50 minutes.</summary>
    public Instant PatientAgreedAt => _proposedAt + Duration.FromMinutes(50);

    /// <summary>When the plan is activated: P + 55 minutes.</summary>
    public Instant ActivatedAt => _proposedAt + Duration.FromMinutes(55);

    /// <summary>When a later status is reached: a week after activation.</summary>
    public Instant StatusChangedAt => ActivatedAt + Duration.FromDays(7);

    /// <summary>Fixes the id of every plan this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient (and the patient of the default goal).</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the clinician (and the clinician of the default goal).</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder WithClinician(string clinicianId)
    {
        _clinician = Guard.Against.Null(clinicianId);
        return this;
    }

    /// <summary>
    /// Uses these goals instead of the default one. The plan serves all of them; activation needs one agreed by the time the
    /// patient agrees (P + 50 min), as the plan requires.
    /// </summary>
    /// <param name="goals">The goals.</param>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder WithGoals(params Goal[] goals)
    {
        _goals = [.. Guard.Against.Null(goals)];
        return this;
    }

    /// <summary>Adds an intervention; once one is added, the default weekly CBT is not.</summary>
    /// <param name="intervention">The intervention (a medication is refused in a draft by the plan).</param>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder WithIntervention(Intervention intervention)
    {
        _interventions.Add(Guard.Against.Null(intervention));
        return this;
    }

    /// <summary>Sets the goals' proposal instant P, which the plan's timeline follows.</summary>
    /// <param name="at">P.</param>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder StartingAt(Instant at)
    {
        _proposedAt = at;
        return this;
    }

    /// <summary>Records no explanation: no diagnosis explained and no option discussed before the patient agrees.</summary>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder Uninformed()
    {
        _informed = false;
        return this;
    }

    /// <summary>Leaves the plan a draft (after the explanations, unless <see cref="Uninformed"/>).</summary>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder Draft() => InStatus(TreatmentPlanStatus.Draft);

    /// <summary>Activates the plan (the default).</summary>
    /// <returns>This builder.</returns>
    public TreatmentPlanBuilder Active() => InStatus(TreatmentPlanStatus.Active);

    /// <summary>Activates the plan, then moves it to <paramref name="status"/> a week later.</summary>
    /// <param name="status">The status to reach.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public TreatmentPlanBuilder InStatus(TreatmentPlanStatus status)
    {
        _status = Enum.IsDefined(status) ? status : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a treatment plan status.");
        return this;
    }

    /// <summary>Builds a plan (and, unless goals were given, its default goal) by the library's commands.</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">An id is not valid (the library's message).</exception>
    /// <exception cref="DomainRuleException">The overrides ask for a history the plan refuses (the library's rule code).</exception>
    public TreatmentPlan Build() => Build(Goals());

    /// <summary>
    /// Builds a plan and its goals into the episode the planning rules judge, with the given sessions and prescriptions.
    /// </summary>
    /// <param name="sessions">The patient's sessions with the plan's clinician.</param>
    /// <param name="asOf">The instant the rules judge at.</param>
    /// <param name="prescriptions">The prescriptions; none when null.</param>
    /// <returns>The episode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sessions"/> is null.</exception>
    /// <exception cref="DomainRuleException">The overrides ask for a history the plan refuses (the library's rule code).</exception>
    public TreatmentEpisode BuildEpisode(IEnumerable<Appointment> sessions, Instant asOf, IEnumerable<Prescription>? prescriptions = null)
    {
        Guard.Against.Null(sessions);
        Goal[] goals = Goals();
        return new TreatmentEpisode(Build(goals), goals, sessions, prescriptions ?? [], asOf);
    }

    /// <summary>Builds a plan and gives the goal the builder made for it: none when goals were given with <see cref="WithGoals"/>.</summary>
    internal TreatmentPlan Build(out Goal[] madeGoals)
    {
        Goal[] goals = Goals();
        madeGoals = _goals is null ? goals : [];
        return Build(goals);
    }

    private Goal[] Goals() =>
        _goals ?? [new GoalBuilder().ForPatient(_patient).WithClinician(_clinician).ProposedAt(_proposedAt).Build()];

    private TreatmentPlan Build(Goal[] goals)
    {
        PlanContent content = goals.Aggregate(PlanContent.Empty, (c, g) => c.WithGoal(g.Id));
        IEnumerable<Intervention> interventions = _interventions.Count > 0
            ? _interventions
            : [new PsychotherapyIntervention(ChosenOptionCode, new SessionFrequency(1, FrequencyUnit.Week), goals.Select(g => g.Id))];
        content = interventions.Aggregate(content, (c, i) => c.WithIntervention(i));

        TreatmentPlan plan = TreatmentPlan.Draft(new TreatmentPlanId(_ids.Next()), new PatientId(_patient), new ClinicianId(_clinician), content, DraftedAt);
        if (_informed)
        {
            plan.ExplainDiagnosis(DiagnosisCode, _proposedAt + Duration.FromMinutes(35));
            plan.DiscussOption(ChosenOptionCode, _proposedAt + Duration.FromMinutes(40));
            plan.DiscussOption(OtherOptionCode, _proposedAt + Duration.FromMinutes(40));
            plan.ChooseOption(ChosenOptionCode, _proposedAt + Duration.FromMinutes(45));
        }

        if (_status == TreatmentPlanStatus.Draft)
        {
            return plan;
        }

        plan.Activate(goals, Party.Clinician, PatientAgreedAt, ActivatedAt);
        switch (_status)
        {
            case TreatmentPlanStatus.Active:
                break;
            case TreatmentPlanStatus.OnHold:
                plan.PutOnHold(StatusChangedAt);
                break;
            case TreatmentPlanStatus.Revoked:
                plan.Revoke(StatusChangedAt);
                break;
            case TreatmentPlanStatus.Completed:
                plan.Complete(StatusChangedAt);
                break;
            case TreatmentPlanStatus.EnteredInError:
                plan.MarkEnteredInError(StatusChangedAt);
                break;
            default:
                throw new UnreachableException();
        }

        return plan;
    }
}
