using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Tests.Boundaries;

/// <summary>
/// The boundary types take ids, codes and dates, and one piece of free text, a policy's display name: a canary planted
/// in every string a caller can pass must never come back in an exception message, a <c>ToString()</c>, a verdict or a
/// <see cref="PolicyChange"/>.
/// </summary>
public class BoundaryPrivacyTests
{
    private const string Canary = "CANARY Jane Doe";

    private static readonly LocalDate Effective = new(2027, 1, 4);

    private static readonly Jurisdiction California = new("US", "US-CA");

    private static readonly ClinicianId Clinician = new("c-1");

    private static readonly PatientId Patient = new("p-1");

    private static readonly Citation Source = new("Clinic boundary policy", "Section 4", "2026");

    [Fact]
    public void EveryCodeParameter_GivenTheCanary_RefusesWithoutEchoingIt()
    {
        BoundaryPolicy policy = Named("Clinic policy");
        BoundarySettings changed = policy.Settings with { Time = policy.Settings.Time with { CancellationNotice = Duration.FromHours(48) } };
        Action[] attempts =
        [
            () => _ = new RelationshipDeclaration(new RelationshipDeclarationId("rd-1"), Clinician, Patient, Canary, RelationshipKind.Family, Effective, null),
            () => _ = new RelationshipDeclarationId(Canary),
            () => BoundaryPolicy.Create(Canary, "Clinic policy", ClinicianProfession.Psychologist, California, Effective, Effective, policy.Settings, policy.Sources),
            () => Named(Canary + new string(' ', BoundaryPolicy.MaximumNameLength)),
            () => Named(Canary + new string('x', BoundaryPolicy.MaximumNameLength)),
            () => policy.Revise(changed, Canary, Effective),
            () => _ = new RelationshipStandard(BoundaryStance.Judgement, Source, factors: ["harm-risk", Canary]),
            () => _ = new RelationshipStandard(BoundaryStance.Prohibited, Source, factors: [Canary]),
            () => _ = new Jurisdiction(Canary),
            () => _ = new Jurisdiction("US", Canary),
            () => _ = policy.Settings.Alliance with { AllianceInstrumentCode = Canary },
        ];

        foreach (Action attempt in attempts)
        {
            attempt.Should().Throw<ArgumentException>().Which.ToString().Should().NotContain("CANARY").And.NotContain("Jane");
        }

        policy.Version.Should().Be(1, "a refused revision changes nothing");
    }

    [Fact]
    public void PolicyName_IsKeptButNeverPrintedInToString()
    {
        BoundaryPolicy policy = Named(Canary);

        string text = policy.ToString();

        policy.Name.Should().Be(Canary, "the display name itself is kept as given");
        text.Should().NotContain("CANARY").And.NotContain("Jane");
        text.Should().Contain("clinic-ca").And.Contain("v1").And.Contain(nameof(ClinicianProfession.Psychologist)).And.Contain("US-CA");
    }

    [Fact]
    public void PolicyToString_HoldsIdVersionProfessionAndJurisdictionButNotTheName()
    {
        foreach (BoundaryPolicy preset in BoundaryPresets.All.Values)
        {
            string text = preset.ToString();

            text.Should().Contain(preset.Id).And.Contain("v1").And.Contain(preset.Profession.ToString()).And.Contain("US");
            text.Should().NotContain(preset.Name);
        }
    }

    [Fact]
    public void Revisions_OfACanaryNamedPolicy_ChangesExceptionsAndSettingsHoldNoCanary()
    {
        BoundaryPolicy policy = Named(Canary);
        BoundarySettings changed = policy.Settings with
        {
            Planning = policy.Settings.Planning with { SessionsWithoutProgress = 6 },
            Dual = policy.Settings.Dual.With(DualSituation.Gift, new RelationshipStandard(BoundaryStance.Prohibited, BoundaryCitations.AmaGifts)) with { GiftValueLimit = 40m },
        };
        BoundaryPolicy revised = policy.Revise(changed, "annual-review", Effective);
        Action noChange = () => revised.Revise(revised.Settings, "annual-review", Effective);
        Action backwards = () => revised.Revise(policy.Settings, "annual-review", Effective.PlusDays(-1));

        var texts = new List<string>();
        texts.AddRange(revised.ChangeLog.Select(c => c.ToString()));
        texts.AddRange(revised.ChangeLog.SelectMany(c => new[] { c.Setting, c.OldValue, c.NewValue, c.ReasonCode }));
        texts.AddRange(revised.DescribeSettings().SelectMany(kv => new[] { kv.Key, kv.Value }));
        texts.Add(noChange.Should().Throw<DomainRuleException>().Which.ToString());
        texts.Add(backwards.Should().Throw<DomainRuleException>().Which.ToString());

        revised.ChangeLog.Should().NotBeEmpty();
        texts.Should().OnlyContain(t => !t.Contains("CANARY", StringComparison.Ordinal) && !t.Contains("Jane", StringComparison.Ordinal));
        texts.Should().Contain(t => t.Contains("clinic-ca", StringComparison.Ordinal), "the refusals name the policy by its id");
        revised.ToString().Should().Contain("clinic-ca").And.Contain("v2").And.Contain(nameof(ClinicianProfession.Psychologist)).And.Contain("US-CA")
            .And.NotContain("CANARY").And.NotContain("Jane");
    }

    [Fact]
    public void Verdicts_UnderACanaryNamedPolicy_HoldIdsDatesAndCodesOnly()
    {
        BoundaryPolicy policy = Named(Canary);
        var course = new TreatmentCourse(Patient, Clinician, new LocalDate(2025, 1, 6), new LocalDate(2025, 12, 15));
        RelationshipDeclaration[] declarations =
        [
            Declare("rd-1", null, RelationshipKind.RomanticOrSexual, new LocalDate(2025, 3, 1)),
            Declare("rd-2", null, RelationshipKind.RomanticOrSexual, new LocalDate(2026, 6, 1)),
            Declare("rd-3", null, RelationshipKind.Gift, new LocalDate(2025, 12, 1), giftValue: 80m),
            Declare("rd-4", "PRN", RelationshipKind.BusinessOrFinancial, new LocalDate(2025, 4, 1)),
            Declare("rd-5", null, RelationshipKind.IncidentalCommunityContact, new LocalDate(2025, 5, 1)),
            Declare("rd-6", null, RelationshipKind.SocialMediaConnection, new LocalDate(2025, 5, 2), Safeguards.Consultation | Safeguards.FactorAssessment),
        ];

        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.Evaluate(policy.Settings.Dual, course, declarations);
        string[] texts =
        [
            .. verdicts.Select(v => v.ToString()),
            .. verdicts.SelectMany(v => v.Evidence).Select(e => e.ToString()),
            .. declarations.Select(d => d.ToString()),
            course.ToString(),
        ];

        verdicts.Should().HaveCount(declarations.Length);
        verdicts.Select(v => v.Outcome).Should().Contain([Outcome.Violation, Outcome.NeedsReview, Outcome.Pass], "the sample reaches every kind of verdict");
        texts.Should().OnlyContain(t => !t.Contains("CANARY", StringComparison.Ordinal) && !t.Contains("Jane", StringComparison.Ordinal));
        verdicts.Select(v => v.Subject.Id).Should().Equal("rd-1", "rd-2", "rd-3", "rd-4", "rd-5", "rd-6");
    }

    [Fact]
    public void AtIntake_GivenDeclarationsAndACanaryNamedPolicy_HoldsNoCanary()
    {
        BoundaryPolicy policy = Named(Canary);
        RelationshipDeclaration[] declarations =
        [
            Declare("rd-1", null, RelationshipKind.FriendshipOrSocial, new LocalDate(2020, 1, 1)),
            Declare("rd-2", null, RelationshipKind.RomanticOrSexual, new LocalDate(2019, 1, 1), end: new LocalDate(2020, 1, 1)),
        ];

        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.AtIntake(policy.Settings.Dual, Clinician, Patient, declarations, Effective);

        verdicts.Should().NotBeEmpty();
        verdicts.Should().OnlyContain(v => !v.ToString().Contains("CANARY", StringComparison.Ordinal) && !v.ToString().Contains("Jane", StringComparison.Ordinal));
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static BoundaryPolicy Named(string name) =>
        BoundaryPolicy.Create(
            "clinic-ca", name, ClinicianProfession.Psychologist, California, Effective, BoundaryPresets.SourcesCheckedOn,
            BoundaryPresets.UsPsychology.Settings, BoundaryPresets.UsPsychology.Sources);

    private static RelationshipDeclaration Declare(
        string id, string? relationCode, RelationshipKind kind, LocalDate start, Safeguards safeguards = Safeguards.None, decimal? giftValue = null, LocalDate? end = null) =>
        new(new RelationshipDeclarationId(id), Clinician, Patient, relationCode, kind, start, end, safeguards, giftValue);
}
