using FluentAssertions.Execution;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using static TherapeuticAlliance.Tests.Boundaries.Declarations;

namespace TherapeuticAlliance.Tests.Boundaries;

/// <summary>
/// The dual-relationship standards of each profession's preset (<see cref="DualRelationshipPresets"/>, as used by
/// <see cref="BoundaryPresets"/>), judged through <see cref="DualRelationshipCheck"/>: the wait periods, the safeguards
/// the codes ask for, the factors, and the sources cited.
/// </summary>
public class DualRelationshipPresetTests
{
    // ---- Every preset ----------------------------------------------------------------------------

    public static TheoryData<string> Presets => new() { "psychiatry", "psychology", "counseling", "social-work" };

    private static DualRelationshipSettings Preset(string name) => name switch
    {
        "psychiatry" => BoundaryPresets.UsPsychiatry.Settings.Dual,
        "psychology" => BoundaryPresets.UsPsychology.Settings.Dual,
        "counseling" => BoundaryPresets.UsCounseling.Settings.Dual,
        "social-work" => BoundaryPresets.UsSocialWork.Settings.Dual,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a preset."),
    };

    /// <summary>Whether a citation's document names the profession's code, or is the clinic's own policy.</summary>
    private static bool NamesTheProfessionsCode(string preset, Citation citation) =>
        citation == BoundaryCitations.ClinicBoundaryPolicy || preset switch
        {
            "psychiatry" => citation.Document.StartsWith("AMA Code of Medical Ethics", StringComparison.Ordinal)
                || citation.Document.StartsWith("American Psychiatric Association", StringComparison.Ordinal)
                || citation.Document.StartsWith("Gutheil", StringComparison.Ordinal),
            "psychology" => citation.Document.StartsWith("APA Ethical Principles of Psychologists", StringComparison.Ordinal),
            "counseling" => citation.Document.StartsWith("ACA Code of Ethics", StringComparison.Ordinal),
            "social-work" => citation.Document.StartsWith("NASW Code of Ethics", StringComparison.Ordinal),
            _ => false,
        };

    [Theory]
    [MemberData(nameof(Presets))]
    public void AnyPreset_HasAStandardForEverySituation(string preset) =>
        Preset(preset).Standards.Keys.Should().BeEquivalentTo(Enum.GetValues<DualSituation>());

    [Theory]
    [MemberData(nameof(Presets))]
    public void AnyPreset_SexualRelationshipWithCurrentPatient_Prohibited(string preset) =>
        Preset(preset).Standards[DualSituation.SexualWithCurrentPatient].Stance.Should().Be(BoundaryStance.Prohibited);

    [Theory]
    [MemberData(nameof(Presets))]
    public void AnyPreset_EveryCitationNamesTheProfessionsCode(string preset)
    {
        using var scope = new AssertionScope();
        foreach ((DualSituation situation, RelationshipStandard standard) in Preset(preset).Standards)
        {
            standard.Citation.Should().NotBeNull();
            NamesTheProfessionsCode(preset, standard.Citation).Should().BeTrue("{0} of {1} cites {2}", situation, preset, standard.Citation);
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void AnyPreset_JudgementsListFactorsAndNothingElseDoes(string preset)
    {
        using var scope = new AssertionScope();
        foreach ((DualSituation situation, RelationshipStandard standard) in Preset(preset).Standards)
        {
            if (standard.Stance == BoundaryStance.Judgement)
            {
                standard.Factors.Should().NotBeEmpty("{0} of {1} asks for judgement", situation, preset);
                standard.Factors.Should().OnlyHaveUniqueItems();
            }
            else
            {
                standard.Factors.Should().BeEmpty("{0} of {1} is {2}", situation, preset, standard.Stance);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void AnyPreset_SetsNoGiftLimit(string preset) =>
        Preset(preset).GiftValueLimit.Should().BeNull("each preset documents 'No gift limit'; a jurisdiction sets one");

    [Fact]
    public void BoundaryPresets_UseTheProfessionsDualRelationshipStandards()
    {
        using var scope = new AssertionScope();
        BoundaryPresets.UsPsychiatry.Settings.Dual.Should().Be(DualRelationshipPresets.Psychiatry);
        BoundaryPresets.UsPsychology.Settings.Dual.Should().Be(DualRelationshipPresets.Psychology);
        BoundaryPresets.UsCounseling.Settings.Dual.Should().Be(DualRelationshipPresets.Counseling);
        BoundaryPresets.UsSocialWork.Settings.Dual.Should().Be(DualRelationshipPresets.SocialWork);
        BoundaryPresets.UsPsychiatry.Profession.Should().Be(ClinicianProfession.Psychiatrist);
        BoundaryPresets.UsPsychology.Profession.Should().Be(ClinicianProfession.Psychologist);
        BoundaryPresets.UsCounseling.Profession.Should().Be(ClinicianProfession.Counselor);
        BoundaryPresets.UsSocialWork.Profession.Should().Be(ClinicianProfession.SocialWorker);
    }

    [Fact]
    public void WaitPeriods_OnlyPsychologyTwoYearsAndCounselingFiveYearsForFormerPatients()
    {
        using var scope = new AssertionScope();
        foreach (string preset in new[] { "psychiatry", "psychology", "counseling", "social-work" })
        {
            foreach ((DualSituation situation, RelationshipStandard standard) in Preset(preset).Standards)
            {
                Period? expected = (preset, situation) switch
                {
                    ("psychology", DualSituation.SexualWithFormerPatient) => Period.FromYears(2),
                    ("counseling", DualSituation.SexualWithFormerPatient) => Period.FromYears(5),
                    _ => null,
                };
                standard.WaitPeriod.Should().Be(expected, "{0} of {1}", situation, preset);
                bool coversRelatives = preset == "counseling" && situation is DualSituation.SexualWithFormerPatient or DualSituation.PersonalRelationshipAfterTermination;
                standard.CoversRelatives.Should().Be(coversRelatives, "ACA A.5.c and A.6.e name former clients' partners and family: {0} of {1}", situation, preset);
            }
        }
    }

    [Fact]
    public void Apa1008Factors_AreTheSevenFactorsOf1008b() =>
        DualRelationshipPresets.Apa1008Factors.Should().Equal(
            "time-since-termination", "therapy-nature-duration-intensity", "termination-circumstances", "personal-history",
            "current-mental-status", "adverse-impact-likelihood", "post-termination-invitation");

    // ---- Psychology (APA 10.05-10.08) -----------------------------------------------------------

    private static readonly DualRelationshipSettings Psychology = BoundaryPresets.UsPsychology.Settings.Dual;

    private static readonly TreatmentCourse PsychologyCourse = Course("2023-09-05", "2024-03-10");

    [Theory]
    [InlineData("2024-03-11", Outcome.Violation)]
    [InlineData("2026-03-09", Outcome.Violation)]
    [InlineData("2026-03-10", Outcome.NeedsReview)]
    [InlineData("2026-03-11", Outcome.NeedsReview)]
    [InlineData("2040-01-01", Outcome.NeedsReview)]
    public void Psychology_FormerClient_ViolationForTwoYearsThenReview(string start, Outcome expected)
    {
        Verdict verdict = JudgeOne(Psychology, PsychologyCourse, Declare(RelationshipKind.RomanticOrSexual, start));

        verdict.Code.Should().Be(DualRuleCodes.SexualFormer);
        verdict.Outcome.Should().Be(expected);
        verdict.Citation.Should().Be(BoundaryCitations.ApaSexualFormer);
    }

    [Fact]
    public void Psychology_FormerClientOneDayBeforeTwoYears_ViolationWithTheWaitDates()
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.RomanticOrSexual, "2026-03-09");

        Verdict verdict = JudgeOne(Psychology, PsychologyCourse, declaration);

        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.FindEvidence("terminatedOn").Should().Be(Evidence.OfCode("terminatedOn", "2024-03-10"));
        verdict.FindEvidence("waitEnds").Should().Be(Evidence.OfCode("waitEnds", "2026-03-10"));
        verdict.FindEvidence("factor").Should().BeNull();
        ShouldNameTheDeclaration(verdict, declaration);
    }

    [Theory]
    [InlineData(Safeguards.None, "no")]
    [InlineData(Safeguards.FactorAssessment | Safeguards.Consultation, "yes")]
    public void Psychology_FormerClientExactlyAtTwoYears_ReviewWithTheSevenFactorsOf1008b(Safeguards safeguards, string assessed)
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.RomanticOrSexual, "2026-03-10", safeguards: safeguards);

        Verdict verdict = JudgeOne(Psychology, PsychologyCourse, declaration);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        Texts(verdict, "factor").Should().BeEquivalentTo(DualRelationshipPresets.Apa1008Factors);
        Texts(verdict, "factor").Should().HaveCount(7);
        Texts(verdict, "factorsAssessed").Should().Equal(assessed);
        verdict.FindEvidence("waitEnds").Should().BeNull();
        ShouldNameTheDeclaration(verdict, declaration);
    }

    [Theory]
    [InlineData("2026-02-27", Outcome.Violation)]
    [InlineData("2026-02-28", Outcome.NeedsReview)]
    [InlineData("2026-03-01", Outcome.NeedsReview)]
    public void Psychology_TerminatedOnALeapDay_TwoYearsEndOnTheTwentyEighth(string start, Outcome expected)
    {
        // 2024-02-29 plus two years: NodaTime adds the years to the year field and, since 2026 has no 29 February,
        // truncates the day to the end of the month, 2026-02-28 (it does not roll over to 1 March). So a relationship
        // beginning on 28 February 2026 is already outside the wait. A stricter reading ("two full years have
        // passed" only on 1 March) would make 28 February a violation; the calendar arithmetic is what is checked here.
        Day("2024-02-29").Plus(Period.FromYears(2)).Should().Be(Day("2026-02-28"), "the premise: NodaTime truncates");
        TreatmentCourse course = Course("2023-09-05", "2024-02-29");

        Verdict verdict = JudgeOne(Psychology, course, Declare(RelationshipKind.RomanticOrSexual, start));

        verdict.Outcome.Should().Be(expected);
        if (expected == Outcome.Violation)
        {
            Texts(verdict, "terminatedOn").Should().Equal("2024-02-29");
            Texts(verdict, "waitEnds").Should().Equal("2026-02-28");
        }
    }

    [Fact]
    public void Psychology_RelativeOfAFormerClient_NotCovered() =>
        DualRelationshipCheck.Evaluate(Psychology, PsychologyCourse, [Declare(RelationshipKind.RomanticOrSexual, "2024-04-01", relation: Spouse)]).Should().BeEmpty();

    [Theory]
    [InlineData(RelationshipKind.RomanticOrSexual, null, "2024-01-01", null, "TA.DUAL.SEXUAL_CURRENT", "10.05")]
    [InlineData(RelationshipKind.RomanticOrSexual, Spouse, "2024-01-01", null, "TA.DUAL.SEXUAL_RELATIVE", "10.06")]
    [InlineData(RelationshipKind.RomanticOrSexual, null, "2020-01-01", "2022-01-01", "TA.DUAL.FORMER_PARTNER_AS_PATIENT", "10.07")]
    public void Psychology_SexualWithCurrentClientOrRelativeOrTreatingFormerPartner_Violation(
        RelationshipKind kind, string? relation, string start, string? end, string code, string section)
    {
        Verdict verdict = JudgeOne(Psychology, PsychologyCourse, Declare(kind, start, end, relation, Safeguards.Consultation | Safeguards.InformedConsent));

        verdict.Code.Value.Should().Be(code);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Section.Should().StartWith(section);
    }

    // ---- Psychiatry (AMA 9.1.1; psychiatric annotations) ----------------------------------------

    private static readonly DualRelationshipSettings Psychiatry = BoundaryPresets.UsPsychiatry.Settings.Dual;

    private static readonly TreatmentCourse PsychiatryCourse = Course("2023-09-05", "2024-03-10");

    [Theory]
    [InlineData("2024-03-11")]
    [InlineData("2026-03-10")]
    [InlineData("2029-03-10")]
    [InlineData("2034-03-10")]
    [InlineData("2054-03-10")]
    public void Psychiatry_FormerPatient_AlwaysAViolation(string start)
    {
        Verdict verdict = JudgeOne(Psychiatry, PsychiatryCourse, Declare(RelationshipKind.RomanticOrSexual, start, safeguards: Safeguards.FactorAssessment | Safeguards.Consultation));

        verdict.Code.Should().Be(DualRuleCodes.SexualFormer);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Should().Be(BoundaryCitations.PsychiatricAnnotations);
        verdict.FindEvidence("waitEnds").Should().BeNull("there is no wait, only a prohibition");
    }

    [Theory]
    [InlineData("2023-09-05")]
    [InlineData("2024-03-10")]
    public void Psychiatry_CurrentPatient_Violation(string start)
    {
        Verdict verdict = JudgeOne(Psychiatry, PsychiatryCourse, Declare(RelationshipKind.RomanticOrSexual, start));

        verdict.Code.Should().Be(DualRuleCodes.SexualCurrent);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Should().Be(BoundaryCitations.AmaSexualRelationships);
    }

    // ---- Counseling (ACA 2014 A.5, A.6, A.10) ---------------------------------------------------

    private static readonly DualRelationshipSettings Counseling = BoundaryPresets.UsCounseling.Settings.Dual;

    private static readonly TreatmentCourse CounselingCourse = Course("2019-11-04", "2020-06-15");

    [Theory]
    [InlineData("2025-06-14", null, Outcome.Violation)]
    [InlineData("2025-06-15", null, Outcome.NeedsReview)]
    [InlineData("2025-06-16", null, Outcome.NeedsReview)]
    [InlineData("2025-06-14", Spouse, Outcome.Violation)]
    [InlineData("2025-06-16", Spouse, Outcome.NeedsReview)]
    public void Counseling_FormerClientOrTheirPartnerWithWrittenRationale_ViolationForFiveYearsThenReview(string start, string? relation, Outcome expected)
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.RomanticOrSexual, start, relation: relation, safeguards: Safeguards.WrittenRationale);

        Verdict verdict = JudgeOne(Counseling, CounselingCourse, declaration);

        verdict.Code.Should().Be(DualRuleCodes.SexualFormer);
        verdict.Outcome.Should().Be(expected);
        verdict.Citation.Should().Be(BoundaryCitations.AcaFormerClients);
        if (expected == Outcome.Violation)
        {
            Texts(verdict, "terminatedOn").Should().Equal("2020-06-15");
            Texts(verdict, "waitEnds").Should().Equal("2025-06-15");
        }
        else
        {
            Texts(verdict, "factor").Should().BeEquivalentTo("exploitation-risk", "harm-potential");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Spouse)]
    public void Counseling_FormerClientAfterFiveYearsWithoutWrittenRationale_ViolationMissingIt(string? relation)
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.RomanticOrSexual, "2025-06-16", relation: relation, safeguards: Safeguards.Consultation | Safeguards.FactorAssessment);

        Verdict verdict = JudgeOne(Counseling, CounselingCourse, declaration);

        verdict.Outcome.Should().Be(Outcome.Violation);
        Texts(verdict, "missingSafeguard").Should().Equal("WrittenRationale");
        verdict.FindEvidence("waitEnds").Should().BeNull("the wait is over");
        ShouldNameTheDeclaration(verdict, declaration);
    }

    [Fact]
    public void Counseling_BarterWithoutWrittenContract_ViolationMissingIt()
    {
        Verdict verdict = JudgeOne(Counseling, CounselingCourse, Declare(RelationshipKind.Barter, "2020-01-06", safeguards: Safeguards.WrittenRationale));

        verdict.Code.Should().Be(DualRuleCodes.Barter);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Should().Be(BoundaryCitations.AcaBarter);
        Texts(verdict, "missingSafeguard").Should().Equal("WrittenBarterContract");
    }

    [Fact]
    public void Counseling_BarterWithWrittenContract_ReviewWithTheA10eFactors()
    {
        Verdict verdict = JudgeOne(Counseling, CounselingCourse, Declare(RelationshipKind.Barter, "2020-01-06", safeguards: Safeguards.WrittenBarterContract));

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        Texts(verdict, "factor").Should().BeEquivalentTo("client-requested", "exploitation-risk", "harm-risk", "unfair-advantage", "community-norm");
        verdict.FindEvidence("missingSafeguard").Should().BeNull();
    }

    [Fact]
    public void Counseling_SocialMediaConnectionWithCurrentClient_ViolationUnderA5e()
    {
        Verdict verdict = JudgeOne(
            Counseling, CounselingCourse, Declare(RelationshipKind.SocialMediaConnection, "2020-02-01", safeguards: Safeguards.WrittenRationale | Safeguards.InformedConsent));

        verdict.Code.Should().Be(DualRuleCodes.SocialMedia);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Should().Be(BoundaryCitations.AcaVirtualRelationships);
        verdict.Citation.Section.Should().StartWith("A.5.e");
    }

    [Theory]
    [InlineData(RelationshipKind.OtherProfessionalRole, "TA.DUAL.BOUNDARY_EXTENSION")]
    [InlineData(RelationshipKind.BusinessOrFinancial, "TA.DUAL.BUSINESS")]
    public void Counseling_BoundaryExtensionWithoutWrittenRationale_Violation(RelationshipKind kind, string code)
    {
        Verdict verdict = JudgeOne(Counseling, CounselingCourse, Declare(kind, "2020-02-01", safeguards: Safeguards.InformedConsent | Safeguards.Consultation));

        verdict.Code.Value.Should().Be(code);
        verdict.Outcome.Should().Be(Outcome.Violation);
        Texts(verdict, "missingSafeguard").Should().Equal("WrittenRationale");
        verdict.Citation.Should().Be(BoundaryCitations.AcaExtendingBoundaries);
    }

    [Fact]
    public void Counseling_BoundaryExtensionWithWrittenRationale_Review()
    {
        Verdict verdict = JudgeOne(Counseling, CounselingCourse, Declare(RelationshipKind.OtherProfessionalRole, "2020-02-01", safeguards: Safeguards.WrittenRationale));

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        Texts(verdict, "factor").Should().BeEquivalentTo("potential-benefit", "anticipated-consequences", "harm-risk");
    }

    [Fact]
    public void Counseling_PreviousPartnerAsClient_ViolationUnderA5b()
    {
        Verdict verdict = JudgeOne(Counseling, CounselingCourse, Declare(RelationshipKind.RomanticOrSexual, "2015-01-01", "2018-01-01"));

        verdict.Code.Should().Be(DualRuleCodes.FormerPartnerAsPatient);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Should().Be(BoundaryCitations.AcaPreviousPartners);
    }

    // ---- Social work (NASW 1.06, 1.09) ----------------------------------------------------------

    private static readonly DualRelationshipSettings SocialWork = BoundaryPresets.UsSocialWork.Settings.Dual;

    private static readonly TreatmentCourse SocialWorkCourse = Course("2023-09-05", "2024-03-10");

    [Theory]
    [InlineData("2024-03-11")]
    [InlineData("2034-03-10")]
    public void SocialWork_FormerClient_ReviewForExtraordinaryCircumstances(string start)
    {
        Verdict verdict = JudgeOne(SocialWork, SocialWorkCourse, Declare(RelationshipKind.RomanticOrSexual, start));

        verdict.Code.Should().Be(DualRuleCodes.SexualFormer);
        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        Texts(verdict, "factor").Should().Contain("extraordinary-circumstances");
        verdict.Citation.Should().Be(BoundaryCitations.NaswSexualFormer);
    }

    [Fact]
    public void SocialWork_FormerSexualPartnerAsClient_Violation()
    {
        Verdict verdict = JudgeOne(SocialWork, SocialWorkCourse, Declare(RelationshipKind.RomanticOrSexual, "2015-01-01", "2018-01-01"));

        verdict.Code.Should().Be(DualRuleCodes.FormerPartnerAsPatient);
        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Citation.Should().Be(BoundaryCitations.NaswFormerPartners);
    }

    [Fact]
    public void SocialWork_CurrentClient_Violation() =>
        JudgeOne(SocialWork, SocialWorkCourse, Declare(RelationshipKind.RomanticOrSexual, "2024-01-01")).Outcome.Should().Be(Outcome.Violation);
}
