using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Boundaries;

/// <summary>
/// Ready-made policies for US practice, one per profession, each citing its sources and the day they were checked
/// (<see cref="BoundaryPolicy.SourcesAsOf"/>). Time, planning and alliance thresholds are the documented defaults;
/// the dual-relationship standards follow the profession's code (<see cref="DualRelationshipPresets"/>); confidentiality
/// is HIPAA with 42 CFR Part 2, country-wide (<see cref="ConfidentialitySettings.Hipaa"/>): set the state's law with
/// <see cref="ConfidentialitySettings.ForUsJurisdiction"/>.
/// </summary>
/// <remarks>
/// Decision support, not legal advice: state law and licensing boards may be stricter than a professional code
/// (for example Texas counselors: never family or friends, gifts up to $50). Revise a preset to your jurisdiction.
/// </remarks>
public static class BoundaryPresets
{
    /// <summary>The day the presets' sources were last checked.</summary>
    public static LocalDate SourcesCheckedOn { get; } = new(2026, 11, 27);

    /// <summary>US psychiatry: AMA Code of Medical Ethics and the psychiatric annotations; a sexual relationship with a former patient is never permitted.</summary>
    public static BoundaryPolicy UsPsychiatry { get; } = Preset(
        "us-psychiatry", "US psychiatry (AMA Code of Medical Ethics; APA psychiatric annotations)", ClinicianProfession.Psychiatrist, DualRelationshipPresets.Psychiatry);

    /// <summary>US psychology: APA Ethics Code 3.05, 6.05, 10.05-10.08: two years after termination, and after that only with the 10.08(b) factors assessed.</summary>
    public static BoundaryPolicy UsPsychology { get; } = Preset(
        "us-psychology", "US psychology (APA Ethical Principles of Psychologists and Code of Conduct)", ClinicianProfession.Psychologist, DualRelationshipPresets.Psychology);

    /// <summary>US counseling: ACA Code of Ethics 2014 A.5-A.6 and A.10: five years; boundary extensions documented.</summary>
    public static BoundaryPolicy UsCounseling { get; } = Preset(
        "us-counseling", "US counseling (ACA Code of Ethics 2014)", ClinicianProfession.Counselor, DualRelationshipPresets.Counseling);

    /// <summary>US social work: NASW Code of Ethics 1.06 and 1.09.</summary>
    public static BoundaryPolicy UsSocialWork { get; } = Preset(
        "us-social-work", "US social work (NASW Code of Ethics)", ClinicianProfession.SocialWorker, DualRelationshipPresets.SocialWork);

    /// <summary>Every preset, by id.</summary>
    public static ImmutableDictionary<string, BoundaryPolicy> All { get; } =
        new[] { UsPsychiatry, UsPsychology, UsCounseling, UsSocialWork }.ToImmutableDictionary(p => p.Id);

    private static BoundaryPolicy Preset(string id, string name, ClinicianProfession profession, DualRelationshipSettings dual)
    {
        IEnumerable<Citation> sources = dual.Standards.Values.Select(s => s.Citation)
            .Concat([TimeCitations.BoundaryDimensionTime, TimeCitations.PsychotherapyTimeBands, PlanningCitations.AcaCounselingPlans,
                PlanningCitations.JointCommissionProgressMeasurement, PlanningCitations.AmaInformedConsent, AllianceCitations.PcomsAlertRules,
                AllianceCitations.EubanksRuptureRepair, ConfidentialityCitations.HipaaAuthorizationRequired, ConfidentialityCitations.HipaaPsychotherapyNotes,
                ConfidentialityCitations.HipaaJudicial, ConfidentialityCitations.HipaaSeriousThreat, ConfidentialityCitations.HipaaAccounting,
                ConfidentialityCitations.Part2Consent, DutyToProtectTable.Source])
            .Distinct()
            .OrderBy(c => c.Document, System.StringComparer.Ordinal).ThenBy(c => c.Section, System.StringComparer.Ordinal);
        var settings = new BoundarySettings(TimeBoundarySettings.Default, PlanningSettings.Default, AllianceSettings.Default, dual, ConfidentialitySettings.Hipaa);
        return BoundaryPolicy.Create(id, name, profession, Jurisdiction.UnitedStates, SourcesCheckedOn, SourcesCheckedOn, settings, sources);
    }
}
