using FluentAssertions.Execution;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;
using static TherapeuticAlliance.Tests.Boundaries.Declarations;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Boundaries;

/// <summary>
/// <see cref="DualRelationshipCheck"/>: how a declaration is placed in a <see cref="DualSituation"/> against a
/// <see cref="TreatmentCourse"/>, how the situation's <see cref="RelationshipStandard"/> judges it, gifts, intake, and
/// dating a course from appointments. Unless told otherwise the course runs from 2024-01-10 to 2024-03-10, and
/// declarations "before" run 2023-06-01 to 2023-12-31, "during" start 2024-02-01 and "after" start 2024-04-01.
/// The profession-specific cases are in <see cref="DualRelationshipPresetTests"/>.
/// </summary>
public class DualRelationshipCheckTests
{
    private const int Runs = 300;

    private static readonly DualRelationshipSettings Psychology = DualRelationshipPresets.Psychology;

    private static readonly DualRelationshipSettings Counseling = DualRelationshipPresets.Counseling;

    private static readonly TreatmentCourse Terminated = Course("2024-01-10", "2024-03-10");

    private static readonly TreatmentCourse Ongoing = Course("2024-01-10");

    private static readonly Citation TestPolicy = new("Test boundary policy", "s-1", "1");

    private static readonly DualSituation[] CurrentPatientSituations =
    [
        DualSituation.SexualWithCurrentPatient, DualSituation.FamilyOrFriendAsPatient, DualSituation.BusinessOrFinancial, DualSituation.SocialMediaWithCurrentPatient,
    ];

    // ---- Classification: kind × counterpart × timing -----------------------------------------------

    public static TheoryData<RelationshipKind, DualSituation?, DualSituation?, DualSituation?> WithPatient => new()
    {
        // kind                                           before                                      during                                        after
        { RelationshipKind.RomanticOrSexual, DualSituation.FormerSexualPartnerAsPatient, DualSituation.SexualWithCurrentPatient, DualSituation.SexualWithFormerPatient },
        { RelationshipKind.BusinessOrFinancial, null, DualSituation.BusinessOrFinancial, DualSituation.PersonalRelationshipAfterTermination },
        { RelationshipKind.Employment, null, DualSituation.BusinessOrFinancial, DualSituation.PersonalRelationshipAfterTermination },
        { RelationshipKind.Family, null, DualSituation.FamilyOrFriendAsPatient, DualSituation.PersonalRelationshipAfterTermination },
        { RelationshipKind.FriendshipOrSocial, null, DualSituation.FamilyOrFriendAsPatient, DualSituation.PersonalRelationshipAfterTermination },
        { RelationshipKind.SocialMediaConnection, null, DualSituation.SocialMediaWithCurrentPatient, DualSituation.PersonalRelationshipAfterTermination },
        { RelationshipKind.Barter, null, DualSituation.Barter, null },
        { RelationshipKind.Gift, null, DualSituation.Gift, null },
        { RelationshipKind.OtherProfessionalRole, null, DualSituation.BoundaryExtension, DualSituation.PersonalRelationshipAfterTermination },
        { RelationshipKind.IncidentalCommunityContact, null, DualSituation.IncidentalContact, null },
    };

    // With a relative, under a standard for former patients that does not cover relatives (psychology).
    public static TheoryData<RelationshipKind, DualSituation?, DualSituation?, DualSituation?> WithRelative => new()
    {
        { RelationshipKind.RomanticOrSexual, null, DualSituation.SexualWithRelative, null },
        { RelationshipKind.BusinessOrFinancial, null, DualSituation.OtherRelationshipWithRelative, null },
        { RelationshipKind.Employment, null, DualSituation.OtherRelationshipWithRelative, null },
        { RelationshipKind.Family, null, DualSituation.OtherRelationshipWithRelative, null },
        { RelationshipKind.FriendshipOrSocial, null, DualSituation.OtherRelationshipWithRelative, null },
        { RelationshipKind.SocialMediaConnection, null, DualSituation.OtherRelationshipWithRelative, null },
        { RelationshipKind.Barter, null, DualSituation.Barter, null },
        { RelationshipKind.Gift, null, DualSituation.Gift, null },
        { RelationshipKind.OtherProfessionalRole, null, DualSituation.OtherRelationshipWithRelative, null },
        { RelationshipKind.IncidentalCommunityContact, null, DualSituation.IncidentalContact, null },
    };

    [Theory]
    [MemberData(nameof(WithPatient))]
    public void Classify_WithPatient_FollowsTheSituationTable(RelationshipKind kind, DualSituation? before, DualSituation? during, DualSituation? after)
    {
        using var scope = new AssertionScope();
        DualRelationshipCheck.Classify(Declare(kind, "2023-06-01", "2023-12-31"), Terminated, Psychology).Should().Be(before, "before treatment");
        DualRelationshipCheck.Classify(Declare(kind, "2024-02-01"), Terminated, Psychology).Should().Be(during, "during treatment");
        DualRelationshipCheck.Classify(Declare(kind, "2024-04-01"), Terminated, Psychology).Should().Be(after, "after termination");
    }

    [Theory]
    [MemberData(nameof(WithRelative))]
    public void Classify_WithRelative_FollowsTheSituationTable(RelationshipKind kind, DualSituation? before, DualSituation? during, DualSituation? after)
    {
        using var scope = new AssertionScope();
        DualRelationshipCheck.Classify(Declare(kind, "2023-06-01", "2023-12-31", Spouse), Terminated, Psychology).Should().Be(before, "before treatment");
        DualRelationshipCheck.Classify(Declare(kind, "2024-02-01", relation: Spouse), Terminated, Psychology).Should().Be(during, "during treatment");
        DualRelationshipCheck.Classify(Declare(kind, "2024-04-01", relation: Spouse), Terminated, Psychology).Should().Be(after, "after termination");
    }

    [Fact]
    public void Classify_SexualWithRelativeAfterTermination_FormerPatientWhenTheStandardCoversRelatives()
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.RomanticOrSexual, "2024-04-01", relation: Spouse);
        RelationshipStandard former = Psychology.Standards[DualSituation.SexualWithFormerPatient];
        DualRelationshipSettings covering = Psychology.With(
            DualSituation.SexualWithFormerPatient, new RelationshipStandard(former.Stance, former.Citation, former.WaitPeriod, former.RequiredSafeguards, former.Factors, coversRelatives: true));

        DualRelationshipCheck.Classify(declaration, Terminated, Counseling).Should().Be(DualSituation.SexualWithFormerPatient, "ACA A.5.c covers former clients' partners and family");
        DualRelationshipCheck.Classify(declaration, Terminated, Psychology).Should().BeNull("APA 10.08 is about former clients only");
        DualRelationshipCheck.Classify(declaration, Terminated, covering).Should().Be(DualSituation.SexualWithFormerPatient, "the check reads the settings, not the profession");
    }

    [Theory]
    [InlineData(RelationshipKind.FriendshipOrSocial)]
    [InlineData(RelationshipKind.BusinessOrFinancial)]
    [InlineData(RelationshipKind.Barter)]
    public void Classify_OtherKindWithRelativeAfterTermination_NoneWhenTheStandardDoesNotCoverRelatives(RelationshipKind kind) =>
        DualRelationshipCheck.Classify(Declare(kind, "2024-04-01", relation: Spouse), Terminated, Psychology).Should().BeNull();

    [Theory]
    [InlineData(RelationshipKind.FriendshipOrSocial, DualSituation.PersonalRelationshipAfterTermination)]
    [InlineData(RelationshipKind.BusinessOrFinancial, DualSituation.PersonalRelationshipAfterTermination)]
    [InlineData(RelationshipKind.Barter, null)]
    public void Classify_OtherKindWithRelativeAfterTermination_CoveredUnderCounselingA6e(RelationshipKind kind, DualSituation? expected) =>
        DualRelationshipCheck.Classify(Declare(kind, "2024-04-01", relation: Spouse), Terminated, Counseling).Should().Be(expected);

    // ---- Classification: boundary days -----------------------------------------------------------

    [Theory]
    [InlineData(RelationshipKind.RomanticOrSexual, "2024-03-10", DualSituation.SexualWithCurrentPatient)]
    [InlineData(RelationshipKind.RomanticOrSexual, "2024-03-11", DualSituation.SexualWithFormerPatient)]
    [InlineData(RelationshipKind.FriendshipOrSocial, "2024-03-10", DualSituation.FamilyOrFriendAsPatient)]
    [InlineData(RelationshipKind.FriendshipOrSocial, "2024-03-11", DualSituation.PersonalRelationshipAfterTermination)]
    [InlineData(RelationshipKind.Gift, "2024-03-10", DualSituation.Gift)]
    public void Classify_StartingOnOrAfterTheTerminationDay_DuringOnTheDayAfterOnTheNext(RelationshipKind kind, string start, DualSituation expected) =>
        DualRelationshipCheck.Classify(Declare(kind, start), Terminated, Psychology).Should().Be(expected);

    [Fact]
    public void Classify_GiftTheDayAfterTermination_None() =>
        DualRelationshipCheck.Classify(Declare(RelationshipKind.Gift, "2024-03-11", "2024-03-11"), Terminated, Psychology).Should().BeNull();

    [Theory]
    [InlineData(RelationshipKind.RomanticOrSexual, "2024-01-10", DualSituation.SexualWithCurrentPatient)]
    [InlineData(RelationshipKind.RomanticOrSexual, "2024-01-09", DualSituation.FormerSexualPartnerAsPatient)]
    [InlineData(RelationshipKind.FriendshipOrSocial, "2024-01-10", DualSituation.FamilyOrFriendAsPatient)]
    [InlineData(RelationshipKind.FriendshipOrSocial, "2024-01-09", null)]
    public void Classify_EndingOnOrBeforeTheStartDay_DuringOnTheDayBeforeOnTheDayBefore(RelationshipKind kind, string end, DualSituation? expected) =>
        DualRelationshipCheck.Classify(Declare(kind, "2023-06-01", end), Terminated, Psychology).Should().Be(expected);

    [Fact]
    public void Classify_OneDayCourse_RelationshipOnThatDayIsDuring()
    {
        TreatmentCourse oneDay = Course("2024-01-10", "2024-01-10");

        DualRelationshipCheck.Classify(Declare(RelationshipKind.RomanticOrSexual, "2024-01-10", "2024-01-10"), oneDay, Psychology)
            .Should().Be(DualSituation.SexualWithCurrentPatient);
    }

    [Fact]
    public void Classify_OngoingCourse_NothingIsAfter()
    {
        using var scope = new AssertionScope();
        DualRelationshipCheck.Classify(Declare(RelationshipKind.RomanticOrSexual, "2034-01-10"), Ongoing, Psychology).Should().Be(DualSituation.SexualWithCurrentPatient);
        DualRelationshipCheck.Classify(Declare(RelationshipKind.FriendshipOrSocial, "2034-01-10"), Ongoing, Psychology).Should().Be(DualSituation.FamilyOrFriendAsPatient);
    }

    [Fact]
    public void Classify_OngoingRelationshipBegunBeforeTreatment_IsDuring()
    {
        using var scope = new AssertionScope();
        DualRelationshipCheck.Classify(Declare(RelationshipKind.RomanticOrSexual, "2010-01-01"), Terminated, Psychology).Should().Be(DualSituation.SexualWithCurrentPatient);
        DualRelationshipCheck.Classify(Declare(RelationshipKind.Family, "1990-01-01"), Terminated, Psychology).Should().Be(DualSituation.FamilyOrFriendAsPatient);
    }

    [Fact]
    public void Classify_RelationshipSpanningTheWholeCourse_IsDuring() =>
        DualRelationshipCheck.Classify(Declare(RelationshipKind.Employment, "2023-01-01", "2025-01-01"), Terminated, Psychology).Should().Be(DualSituation.BusinessOrFinancial);

    [Fact]
    public void Classify_NullArgument_Throws()
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.Gift, "2024-02-01");

        FluentActions.Invoking(() => DualRelationshipCheck.Classify(null!, Terminated, Psychology)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DualRelationshipCheck.Classify(declaration, null!, Psychology)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DualRelationshipCheck.Classify(declaration, Terminated, null!)).Should().Throw<ArgumentNullException>();
    }

    // ---- The verdict: code, subject, citation ------------------------------------------------------

    /// <summary>One declaration per situation (under psychology), with the documented code.</summary>
    public static TheoryData<DualSituation, RelationshipKind, string?, string, string> OnePerSituation => new()
    {
        { DualSituation.SexualWithCurrentPatient, RelationshipKind.RomanticOrSexual, null, "2024-02-01", "TA.DUAL.SEXUAL_CURRENT" },
        { DualSituation.SexualWithFormerPatient, RelationshipKind.RomanticOrSexual, null, "2024-04-01", "TA.DUAL.SEXUAL_FORMER" },
        { DualSituation.SexualWithRelative, RelationshipKind.RomanticOrSexual, Spouse, "2024-02-01", "TA.DUAL.SEXUAL_RELATIVE" },
        { DualSituation.FormerSexualPartnerAsPatient, RelationshipKind.RomanticOrSexual, null, "2023-06-01", "TA.DUAL.FORMER_PARTNER_AS_PATIENT" },
        { DualSituation.FamilyOrFriendAsPatient, RelationshipKind.Family, null, "2024-02-01", "TA.DUAL.FAMILY_OR_FRIEND" },
        { DualSituation.OtherRelationshipWithRelative, RelationshipKind.FriendshipOrSocial, Spouse, "2024-02-01", "TA.DUAL.RELATIVE_OTHER_ROLE" },
        { DualSituation.BusinessOrFinancial, RelationshipKind.Employment, null, "2024-02-01", "TA.DUAL.BUSINESS" },
        { DualSituation.Barter, RelationshipKind.Barter, null, "2024-02-01", "TA.DUAL.BARTER" },
        { DualSituation.Gift, RelationshipKind.Gift, null, "2024-02-01", "TA.DUAL.GIFT" },
        { DualSituation.SocialMediaWithCurrentPatient, RelationshipKind.SocialMediaConnection, null, "2024-02-01", "TA.DUAL.SOCIAL_MEDIA" },
        { DualSituation.BoundaryExtension, RelationshipKind.OtherProfessionalRole, null, "2024-02-01", "TA.DUAL.BOUNDARY_EXTENSION" },
        { DualSituation.IncidentalContact, RelationshipKind.IncidentalCommunityContact, null, "2024-02-01", "TA.DUAL.INCIDENTAL_CONTACT" },
        { DualSituation.PersonalRelationshipAfterTermination, RelationshipKind.FriendshipOrSocial, null, "2027-01-01", "TA.DUAL.AFTER_TERMINATION" },
    };

    [Theory]
    [MemberData(nameof(OnePerSituation))]
    public void Evaluate_AnySituation_CodeSubjectAndCitationComeFromTheSituation(DualSituation situation, RelationshipKind kind, string? relation, string start, string code)
    {
        RelationshipDeclaration declaration = Declare(kind, start, start == "2023-06-01" ? "2023-12-31" : null, relation, id: "rd-7");
        DualRelationshipCheck.Classify(declaration, Terminated, Psychology).Should().Be(situation, "the case is built to fall in it");

        Verdict verdict = JudgeOne(Psychology, Terminated, declaration);

        verdict.Code.Value.Should().Be(code);
        verdict.Code.Should().Be(DualRuleCodes.For(situation));
        verdict.Subject.Should().Be(new SubjectRef(SubjectKind.RelationshipDeclaration, "rd-7"));
        verdict.Citation.Should().BeSameAs(Psychology.Standards[situation].Citation);
    }

    [Fact]
    public void RuleCodes_EverySituationHasItsOwnCode()
    {
        RuleCode[] codes = [.. Enum.GetValues<DualSituation>().Select(DualRuleCodes.For)];

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => c.Value.StartsWith("TA.DUAL.", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleCodes_UndefinedSituation_Throws() =>
        FluentActions.Invoking(() => DualRuleCodes.For((DualSituation)99)).Should().Throw<ArgumentOutOfRangeException>();

    // ---- Judging, in order -------------------------------------------------------------------------

    [Fact]
    public void Evaluate_Permitted_PassesWithoutEvidence()
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.IncidentalCommunityContact, "2024-02-01", "2024-02-01");

        Verdict verdict = JudgeOne(Psychology, Terminated, declaration);

        verdict.Outcome.Should().Be(Outcome.Pass);
        verdict.Evidence.Should().BeEmpty();
        verdict.Code.Should().Be(DualRuleCodes.IncidentalContact);
        verdict.Subject.Should().Be(SubjectRef.To(declaration.Id));
        verdict.Citation.Should().Be(BoundaryCitations.ApaMultipleRelationships);
    }

    [Fact]
    public void Evaluate_Prohibited_ViolationNamingPatientClinicianAndStart()
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.RomanticOrSexual, "2024-02-01", safeguards: Safeguards.Consultation | Safeguards.InformedConsent);

        Verdict verdict = JudgeOne(Psychology, Terminated, declaration);

        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.Evidence.Should().BeEquivalentTo(
        [
            Evidence.OfId("patientId", "p-1"), Evidence.OfId("clinicianId", "c-1"), Evidence.OfCode("relationshipStart", "2024-02-01"),
        ]);
        ShouldNameTheDeclaration(verdict, declaration);
    }

    [Fact]
    public void RelationshipStandard_ProhibitedWithAWaitPeriod_IsRefused()
    {
        Action act = () => _ = new RelationshipStandard(BoundaryStance.Prohibited, TestPolicy, Period.FromYears(2));

        act.Should().Throw<ArgumentException>().WithParameterName("waitPeriod");
    }

    [Theory]
    [InlineData("2024-09-09", Outcome.Violation)]
    [InlineData("2024-09-10", Outcome.Pass)]
    [InlineData("2024-09-11", Outcome.Pass)]
    public void Evaluate_PermittedAfterAWait_ViolationInsideTheWaitOnly(string start, Outcome expected)
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.PersonalRelationshipAfterTermination, new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, Period.FromMonths(6)));

        JudgeOne(settings, Terminated, Declare(RelationshipKind.FriendshipOrSocial, start)).Outcome.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_InsideTheWait_EvidenceHasTerminationAndWaitEndAsIsoDates()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.PersonalRelationshipAfterTermination, new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, Period.FromMonths(6)));
        RelationshipDeclaration declaration = Declare(RelationshipKind.FriendshipOrSocial, "2024-09-09");

        Verdict verdict = JudgeOne(settings, Terminated, declaration);

        verdict.FindEvidence("terminatedOn").Should().Be(Evidence.OfCode("terminatedOn", "2024-03-10"));
        verdict.FindEvidence("waitEnds").Should().Be(Evidence.OfCode("waitEnds", "2024-09-10"));
        ShouldNameTheDeclaration(verdict, declaration);
        verdict.Citation.Should().Be(TestPolicy);
    }

    [Fact]
    public void Evaluate_WaitPeriodWhileTreatmentGoesOn_DoesNotApply()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.FamilyOrFriendAsPatient, new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, Period.FromYears(1)));

        JudgeOne(settings, Ongoing, Declare(RelationshipKind.FriendshipOrSocial, "2024-02-01")).Outcome.Should().Be(Outcome.Pass);
    }

    [Fact]
    public void Evaluate_WaitPeriodOnATerminatedCourse_AppliesToAnySituation()
    {
        // The spec applies the wait to whatever the situation once the treatment is terminated: a friendship begun
        // during treatment starts before termination + wait.
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.FamilyOrFriendAsPatient, new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, Period.FromYears(1)));

        Verdict verdict = JudgeOne(settings, Terminated, Declare(RelationshipKind.FriendshipOrSocial, "2024-02-01"));

        verdict.Outcome.Should().Be(Outcome.Violation);
        Texts(verdict, "waitEnds").Should().Equal("2025-03-10");
    }

    [Fact]
    public void Evaluate_InsideTheWaitWithSafeguardsMissing_OnlyTheWaitIsReported()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.PersonalRelationshipAfterTermination,
            new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, Period.FromMonths(6), Safeguards.WrittenRationale));

        Verdict verdict = JudgeOne(settings, Terminated, Declare(RelationshipKind.FriendshipOrSocial, "2024-04-01"));

        verdict.Outcome.Should().Be(Outcome.Violation);
        verdict.FindEvidence("waitEnds").Should().NotBeNull();
        verdict.FindEvidence("missingSafeguard").Should().BeNull();
    }

    [Fact]
    public void Evaluate_RequiredSafeguardsMissing_ViolationWithOneEvidencePerMissingFlag()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.FamilyOrFriendAsPatient,
            new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, requiredSafeguards: Safeguards.Consultation | Safeguards.InformedConsent | Safeguards.WrittenRationale));
        RelationshipDeclaration declaration = Declare(RelationshipKind.Family, "2024-02-01", safeguards: Safeguards.WrittenRationale | Safeguards.FactorAssessment);

        Verdict verdict = JudgeOne(settings, Terminated, declaration);

        verdict.Outcome.Should().Be(Outcome.Violation);
        Texts(verdict, "missingSafeguard").Should().BeEquivalentTo("Consultation", "InformedConsent");
        verdict.FindEvidence("terminatedOn").Should().BeNull();
        ShouldNameTheDeclaration(verdict, declaration);
    }

    [Fact]
    public void Evaluate_RequiredSafeguardsAllDocumented_Passes()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.FamilyOrFriendAsPatient,
            new RelationshipStandard(BoundaryStance.Permitted, TestPolicy, requiredSafeguards: Safeguards.Consultation | Safeguards.InformedConsent));

        JudgeOne(settings, Terminated, Declare(RelationshipKind.Family, "2024-02-01", safeguards: Safeguards.Consultation | Safeguards.InformedConsent | Safeguards.WrittenBarterContract))
            .Outcome.Should().Be(Outcome.Pass);
    }

    [Fact]
    public void Evaluate_JudgementWithSafeguardMissing_ViolationBeforeAnyFactor()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.FamilyOrFriendAsPatient,
            new RelationshipStandard(BoundaryStance.Judgement, TestPolicy, requiredSafeguards: Safeguards.Consultation, factors: ["harm-risk"]));

        Verdict verdict = JudgeOne(settings, Terminated, Declare(RelationshipKind.Family, "2024-02-01"));

        verdict.Outcome.Should().Be(Outcome.Violation);
        Texts(verdict, "missingSafeguard").Should().Equal("Consultation");
        verdict.FindEvidence("factor").Should().BeNull();
        verdict.FindEvidence("factorsAssessed").Should().BeNull();
    }

    [Theory]
    [InlineData(Safeguards.None, "no")]
    [InlineData(Safeguards.Consultation | Safeguards.WrittenRationale, "no")]
    [InlineData(Safeguards.FactorAssessment, "yes")]
    [InlineData(Safeguards.FactorAssessment | Safeguards.InformedConsent, "yes")]
    public void Evaluate_Judgement_NeedsReviewWithEachFactorAndWhetherTheyWereAssessed(Safeguards safeguards, string assessed)
    {
        RelationshipDeclaration declaration = Declare(RelationshipKind.Family, "2024-02-01", safeguards: safeguards);

        Verdict verdict = JudgeOne(Psychology, Terminated, declaration);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        Texts(verdict, "factor").Should().BeEquivalentTo(["impaired-objectivity", "exploitation-risk", "harm-risk"]);
        Texts(verdict, "factorsAssessed").Should().Equal(assessed);
        verdict.FindEvidence("giftValue").Should().BeNull("only gifts carry a value");
        verdict.FindEvidence("missingSafeguard").Should().BeNull();
        verdict.Evidence.Should().HaveCount(3 + 3 + 1);
        ShouldNameTheDeclaration(verdict, declaration);
    }

    [Fact]
    public void Evaluate_JudgementStandardWithOwnFactors_ListsThoseFactors()
    {
        DualRelationshipSettings settings = Psychology.With(
            DualSituation.BoundaryExtension, new RelationshipStandard(BoundaryStance.Judgement, TestPolicy, factors: ["f-one", "f-two"]));

        Verdict verdict = JudgeOne(settings, Terminated, Declare(RelationshipKind.OtherProfessionalRole, "2024-02-01"));

        Texts(verdict, "factor").Should().BeEquivalentTo("f-one", "f-two");
        verdict.Citation.Should().Be(TestPolicy);
    }

    // ---- Gifts ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("0")]
    [InlineData("49.99")]
    [InlineData("50")]
    public void Evaluate_GiftAtOrUnderTheLimit_Passes(string value)
    {
        DualRelationshipSettings settings = Psychology with { GiftValueLimit = 50 };

        Verdict verdict = JudgeOne(settings, Terminated, Gift(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

        verdict.Outcome.Should().Be(Outcome.Pass);
        verdict.Code.Should().Be(DualRuleCodes.Gift);
        verdict.Evidence.Should().BeEmpty();
        verdict.Citation.Should().Be(Psychology.Standards[DualSituation.Gift].Citation);
    }

    [Fact]
    public void Evaluate_GiftOverTheLimit_JudgedByTheGiftStandard()
    {
        DualRelationshipSettings settings = Counseling with { GiftValueLimit = 50 };
        RelationshipDeclaration gift = Gift(50.01m);

        Verdict verdict = JudgeOne(settings, Terminated, gift);

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.Code.Should().Be(DualRuleCodes.Gift);
        verdict.Citation.Should().Be(BoundaryCitations.AcaGifts);
        verdict.FindEvidence("giftValue").Should().Be(Evidence.OfNumber("giftValue", 50.01));
        Texts(verdict, "factor").Should().BeEquivalentTo("therapeutic-relationship", "monetary-value", "client-motivation", "counselor-motivation");
        Texts(verdict, "factorsAssessed").Should().Equal("no");
        ShouldNameTheDeclaration(verdict, gift);
    }

    [Fact]
    public void Evaluate_GiftOfUnknownValueUnderALimit_Judged()
    {
        Verdict verdict = JudgeOne(Psychology with { GiftValueLimit = 50 }, Terminated, Gift(null));

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.FindEvidence("factor").Should().NotBeNull();
        // Evidence cannot hold a missing number, so an unknown value is simply not reported.
        verdict.FindEvidence("giftValue").Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10000)]
    public void Evaluate_GiftWithNoLimit_EveryGiftJudged(int value)
    {
        Psychology.GiftValueLimit.Should().BeNull("the premise: the psychology preset sets no limit");

        Verdict verdict = JudgeOne(Psychology, Terminated, Gift(value));

        verdict.Outcome.Should().Be(Outcome.NeedsReview);
        verdict.FindEvidence("giftValue")!.Value.Number.Should().Be(value);
    }

    [Fact]
    public void Evaluate_GiftLimitZero_OnlyAZeroValueGiftPasses()
    {
        DualRelationshipSettings settings = Psychology with { GiftValueLimit = 0 };

        JudgeOne(settings, Terminated, Gift(0)).Outcome.Should().Be(Outcome.Pass);
        JudgeOne(settings, Terminated, Gift(0.01m)).Outcome.Should().Be(Outcome.NeedsReview);
    }

    [Theory]
    [InlineData("50", Outcome.Pass)]
    [InlineData("50.01", Outcome.Violation)]
    public void Evaluate_GiftUnderTheLimit_PassesBeforeTheStanceIsRead(string value, Outcome expected)
    {
        DualRelationshipSettings settings = Psychology.With(DualSituation.Gift, new RelationshipStandard(BoundaryStance.Prohibited, TestPolicy)) with { GiftValueLimit = 50 };

        Verdict verdict = JudgeOne(settings, Terminated, Gift(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

        verdict.Outcome.Should().Be(expected);
        verdict.Citation.Should().Be(TestPolicy);
    }

    [Fact]
    public void Evaluate_GiftLimit_DoesNotApplyToOtherSituations()
    {
        // A barter is not a gift: the gift limit does not let it pass.
        DualRelationshipSettings settings = Counseling with { GiftValueLimit = 1_000_000 };

        JudgeOne(settings, Terminated, Declare(RelationshipKind.Barter, "2024-02-01")).Outcome.Should().Be(Outcome.Violation);
    }

    // ---- Which declarations, in which order -----------------------------------------------------

    [Fact]
    public void Evaluate_DeclarationsOfAnotherClinicianOrPatient_Ignored()
    {
        RelationshipDeclaration[] others =
        [
            Declare(RelationshipKind.RomanticOrSexual, "2024-02-01", id: "rd-1", patient: "p-2"),
            Declare(RelationshipKind.RomanticOrSexual, "2024-02-01", id: "rd-2", clinician: "c-2"),
            Declare(RelationshipKind.RomanticOrSexual, "2024-02-01", id: "rd-3", patient: "p-2", clinician: "c-2"),
        ];

        DualRelationshipCheck.Evaluate(Psychology, Terminated, others).Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_MixedDeclarations_OneVerdictPerClassifiedDeclarationOfThePairInInputOrder()
    {
        RelationshipDeclaration[] declarations =
        [
            Declare(RelationshipKind.Family, "2024-02-01", id: "rd-9"),
            Declare(RelationshipKind.RomanticOrSexual, "2024-02-01", id: "rd-2", patient: "p-2"),
            Declare(RelationshipKind.FriendshipOrSocial, "2023-01-01", "2023-02-01", id: "rd-3"),
            Declare(RelationshipKind.RomanticOrSexual, "2024-02-01", id: "rd-1"),
            Declare(RelationshipKind.IncidentalCommunityContact, "2024-02-02", "2024-02-02", id: "rd-5"),
            Declare(RelationshipKind.Gift, "2024-05-01", "2024-05-01", id: "rd-4"),
        ];

        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.Evaluate(Psychology, Terminated, declarations);

        verdicts.Select(v => v.Subject.Id).Should().Equal("rd-9", "rd-1", "rd-5");
        verdicts.Select(v => v.Code).Should().Equal(DualRuleCodes.FamilyOrFriend, DualRuleCodes.SexualCurrent, DualRuleCodes.IncidentalContact);
        verdicts.Select(v => v.Outcome).Should().Equal(Outcome.NeedsReview, Outcome.Violation, Outcome.Pass);
    }

    [Fact]
    public void Evaluate_NoDeclarations_Empty() =>
        DualRelationshipCheck.Evaluate(Psychology, Terminated, []).Should().BeEmpty();

    [Fact]
    public void Evaluate_NullArgumentOrDeclaration_Throws()
    {
        RelationshipDeclaration[] declarations = [Declare(RelationshipKind.Gift, "2024-02-01")];

        FluentActions.Invoking(() => DualRelationshipCheck.Evaluate(null!, Terminated, declarations)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DualRelationshipCheck.Evaluate(Psychology, null!, declarations)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DualRelationshipCheck.Evaluate(Psychology, Terminated, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DualRelationshipCheck.Evaluate(Psychology, Terminated, [declarations[0], null!])).Should().Throw<ArgumentNullException>();
    }

    // ---- At intake ------------------------------------------------------------------------------

    [Fact]
    public void AtIntake_PastSexualRelationship_FormerPartnerAsPatient()
    {
        RelationshipDeclaration past = Declare(RelationshipKind.RomanticOrSexual, "2019-05-01", "2025-12-31");

        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.AtIntake(Psychology, TheClinician, ThePatient, [past], Day("2026-01-15"));

        Verdict verdict = verdicts.Should().ContainSingle().Subject;
        verdict.Code.Should().Be(DualRuleCodes.FormerPartnerAsPatient);
        verdict.Code.Value.Should().Be("TA.DUAL.FORMER_PARTNER_AS_PATIENT");
        verdict.Outcome.Should().Be(Outcome.Violation, "APA 10.07");
        ShouldNameTheDeclaration(verdict, past);
    }

    [Fact]
    public void AtIntake_SexualRelationshipEndingOnTheIntakeDay_IsCurrent() =>
        DualRelationshipCheck.AtIntake(Psychology, TheClinician, ThePatient, [Declare(RelationshipKind.RomanticOrSexual, "2019-05-01", "2026-01-15")], Day("2026-01-15"))
            .Should().ContainSingle().Which.Code.Should().Be(DualRuleCodes.SexualCurrent);

    [Fact]
    public void AtIntake_OngoingFriendship_FamilyOrFriend()
    {
        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.AtIntake(
            Psychology, TheClinician, ThePatient, [Declare(RelationshipKind.FriendshipOrSocial, "2015-09-01")], Day("2026-01-15"));

        Verdict verdict = verdicts.Should().ContainSingle().Subject;
        verdict.Code.Value.Should().Be("TA.DUAL.FAMILY_OR_FRIEND");
        verdict.Outcome.Should().Be(Outcome.NeedsReview);
    }

    [Fact]
    public void AtIntake_NoDeclarations_Empty() =>
        DualRelationshipCheck.AtIntake(Psychology, TheClinician, ThePatient, [], Day("2026-01-15")).Should().BeEmpty();

    [Fact]
    public void AtIntake_FriendshipThatEnded_NothingBearsOnIt() =>
        DualRelationshipCheck.AtIntake(Psychology, TheClinician, ThePatient, [Declare(RelationshipKind.FriendshipOrSocial, "2015-09-01", "2020-01-01")], Day("2026-01-15"))
            .Should().BeEmpty();

    [Fact]
    public void AtIntake_DeclarationsOfOtherPeople_Ignored()
    {
        RelationshipDeclaration[] declarations =
        [
            Declare(RelationshipKind.RomanticOrSexual, "2019-05-01", "2025-12-31", id: "rd-1", patient: "p-2"),
            Declare(RelationshipKind.FriendshipOrSocial, "2015-09-01", id: "rd-2", clinician: "c-2"),
            Declare(RelationshipKind.FriendshipOrSocial, "2015-09-01", id: "rd-3"),
        ];

        IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.AtIntake(Psychology, TheClinician, ThePatient, declarations, Day("2026-01-15"));

        verdicts.Should().ContainSingle().Which.Subject.Id.Should().Be("rd-3");
    }

    [Fact]
    public void AtIntake_DefaultId_Throws()
    {
        FluentActions.Invoking(() => DualRelationshipCheck.AtIntake(Psychology, default, ThePatient, [], Day("2026-01-15"))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DualRelationshipCheck.AtIntake(Psychology, TheClinician, default, [], Day("2026-01-15"))).Should().Throw<ArgumentException>();
    }

    // ---- TreatmentCourse ------------------------------------------------------------------------

    [Fact]
    public void TreatmentCourse_TerminatedBeforeStart_Refused() =>
        FluentActions.Invoking(() => Course("2024-03-10", "2024-03-09")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("terminatedOn");

    [Fact]
    public void TreatmentCourse_TerminatedOnTheStartDayOrOngoing_Accepted()
    {
        Course("2024-03-10", "2024-03-10").TerminatedOn.Should().Be(Day("2024-03-10"));
        Course("2024-03-10").TerminatedOn.Should().BeNull();
    }

    [Fact]
    public void TreatmentCourse_DefaultId_Refused()
    {
        FluentActions.Invoking(() => new TreatmentCourse(default, TheClinician, Day("2024-03-10"), null)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new TreatmentCourse(ThePatient, default, Day("2024-03-10"), null)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void FromAppointments_StartsOnTheFirstAppointmentNotCancelledOrEnteredInError()
    {
        Appointment[] appointments =
        [
            Appointment("a-4", "2026-06-20", AppointmentStatus.Arrived),
            Appointment("a-1", "2026-06-01", AppointmentStatus.Cancelled),
            Appointment("a-3", "2026-06-09", AppointmentStatus.NoShow),
            Appointment("a-2", "2026-06-05", AppointmentStatus.EnteredInError),
        ];

        TreatmentCourse course = TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated: false);

        course.Start.Should().Be(Day("2026-06-09"));
        course.TerminatedOn.Should().BeNull("the treatment goes on");
        course.PatientId.Should().Be(ThePatient);
        course.ClinicianId.Should().Be(TheClinician);
    }

    [Fact]
    public void FromAppointments_Terminated_EndsOnTheLastAppointmentThePatientCameTo()
    {
        Appointment[] appointments =
        [
            Appointment("a-5", "2026-07-07", AppointmentStatus.NoShow),
            Appointment("a-2", "2026-06-16", AppointmentStatus.Arrived),
            Appointment("a-1", "2026-06-09", AppointmentStatus.Arrived),
            Appointment("a-6", "2026-07-14", AppointmentStatus.Cancelled),
            Appointment("a-4", "2026-06-30", AppointmentStatus.Booked),
            Appointment("a-3", "2026-06-23", AppointmentStatus.Arrived),
        ];

        TreatmentCourse course = TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated: true);

        course.Start.Should().Be(Day("2026-06-09"));
        course.TerminatedOn.Should().Be(Day("2026-06-23"));
    }

    [Fact]
    public void FromAppointments_UsesTheSlotsLocalDate()
    {
        // 21:30 in New York is 01:30 UTC the next day: the local date counts.
        Appointment[] appointments =
        [
            Appointment("a-1", new LocalDateTime(2026, 6, 9, 21, 30), AppointmentStatus.Arrived),
            Appointment("a-2", new LocalDateTime(2026, 6, 20, 21, 30), AppointmentStatus.Arrived),
        ];
        appointments[0].Slot.Start.InUtc().Date.Should().Be(Day("2026-06-10"), "the premise: the UTC date differs");

        TreatmentCourse course = TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated: true);

        course.Start.Should().Be(Day("2026-06-09"));
        course.TerminatedOn.Should().Be(Day("2026-06-20"));
    }

    [Theory]
    [InlineData("p-2", Clinician)]
    [InlineData(Patient, "c-2")]
    public void FromAppointments_AppointmentOfAnotherPair_Refused(string patient, string clinician)
    {
        Appointment[] appointments =
        [
            Appointment("a-1", "2026-06-09", AppointmentStatus.Arrived),
            Appointment("a-2", "2026-06-16", AppointmentStatus.Arrived, patient, clinician),
        ];

        FluentActions.Invoking(() => TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated: false)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FromAppointments_AllCancelledOrEnteredInError_Refused(bool terminated)
    {
        Appointment[] appointments =
        [
            Appointment("a-1", "2026-06-09", AppointmentStatus.Cancelled),
            Appointment("a-2", "2026-06-16", AppointmentStatus.EnteredInError),
            Appointment("a-3", "2026-06-23", AppointmentStatus.Cancelled),
        ];

        FluentActions.Invoking(() => TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void FromAppointments_NoAppointments_Refused() =>
        FluentActions.Invoking(() => TreatmentCourse.FromAppointments(ThePatient, TheClinician, [], terminated: false)).Should().Throw<ArgumentException>();

    [Fact]
    public void FromAppointments_TerminatedWithoutAnAttendedAppointment_RefusedButOngoingAccepted()
    {
        Appointment[] appointments =
        [
            Appointment("a-1", "2026-06-09", AppointmentStatus.NoShow),
            Appointment("a-2", "2026-06-16", AppointmentStatus.Booked),
            Appointment("a-3", "2026-06-23", AppointmentStatus.Cancelled),
        ];

        FluentActions.Invoking(() => TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated: true)).Should().Throw<ArgumentException>();
        TreatmentCourse.FromAppointments(ThePatient, TheClinician, appointments, terminated: false).Start.Should().Be(Day("2026-06-09"));
    }

    [Fact]
    public void TryFromAppointments_WhatCannotDateACourse_GivesNull_AndWhatCanGivesTheSameCourse()
    {
        Appointment[] noneAttended =
        [
            Appointment("a-1", "2026-06-09", AppointmentStatus.NoShow),
            Appointment("a-2", "2026-06-16", AppointmentStatus.Cancelled),
        ];
        Appointment[] allCancelled = [Appointment("a-3", "2026-06-23", AppointmentStatus.Cancelled)];

        TreatmentCourse.TryFromAppointments(ThePatient, TheClinician, noneAttended, terminated: true).Should().BeNull();
        TreatmentCourse.TryFromAppointments(ThePatient, TheClinician, allCancelled, terminated: false).Should().BeNull();
        TreatmentCourse.TryFromAppointments(ThePatient, TheClinician, [], terminated: false).Should().BeNull();
        TreatmentCourse.TryFromAppointments(ThePatient, TheClinician, noneAttended, terminated: false)
            .Should().Be(TreatmentCourse.FromAppointments(ThePatient, TheClinician, noneAttended, terminated: false));
        FluentActions.Invoking(() => TreatmentCourse.TryFromAppointments(new PatientId("someone-else"), TheClinician, noneAttended, terminated: false))
            .Should().Throw<ArgumentException>("another pair's appointment is an argument mistake, not an undatable course");
    }

    [Fact]
    public void FromAppointments_NullListOrItem_Throws()
    {
        FluentActions.Invoking(() => TreatmentCourse.FromAppointments(ThePatient, TheClinician, null!, terminated: false)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => TreatmentCourse.FromAppointments(ThePatient, TheClinician, [Appointment("a-1", "2026-06-09", AppointmentStatus.Arrived), null!], terminated: false))
            .Should().Throw<ArgumentNullException>();
    }

    // ---- Properties over generated declarations and courses -------------------------------------

    [Property(MaxTest = Runs)]
    public Property AnyDeclarationOutsideTheCourse_NeverACurrentPatientSituation() =>
        Prop.ForAll(AnyCase(), c =>
        {
            foreach (RelationshipDeclaration declaration in c.Declarations)
            {
                bool outside = declaration.End < c.Course.Start || declaration.Start > c.Course.TerminatedOn;
                DualSituation? situation = DualRelationshipCheck.Classify(declaration, c.Course, c.Settings);
                if (outside)
                {
                    CurrentPatientSituations.Cast<DualSituation?>().Should().NotContain(situation, "{0} lies outside the course of {1}", declaration.Id, c);
                }
            }
        });

    [Property(MaxTest = Runs)]
    public Property AnyDeclaration_OnlyFormerSituationsOutsideTheCourseAndAlwaysASituationInside() =>
        Prop.ForAll(AnyCase(), c =>
        {
            DualSituation?[] former = [DualSituation.FormerSexualPartnerAsPatient, DualSituation.SexualWithFormerPatient, DualSituation.PersonalRelationshipAfterTermination];
            foreach (RelationshipDeclaration declaration in c.Declarations)
            {
                bool before = declaration.End < c.Course.Start;
                bool after = declaration.Start > c.Course.TerminatedOn;
                DualSituation? situation = DualRelationshipCheck.Classify(declaration, c.Course, c.Settings);
                if (before)
                {
                    new DualSituation?[] { null, DualSituation.FormerSexualPartnerAsPatient }.Should().Contain(situation, "{0} ended before the course of {1}", declaration.Id, c);
                }
                else if (after)
                {
                    new DualSituation?[] { null, DualSituation.SexualWithFormerPatient, DualSituation.PersonalRelationshipAfterTermination }
                        .Should().Contain(situation, "{0} began after the course of {1}", declaration.Id, c);
                }
                else
                {
                    situation.Should().NotBeNull("{0} overlaps the course of {1}", declaration.Id, c);
                    former.Should().NotContain(situation, "{0} overlaps the course of {1}", declaration.Id, c);
                }
            }
        });

    [Property(MaxTest = Runs)]
    public Property AnyDeclarations_OneVerdictPerClassifiedDeclarationOfThePair() =>
        Prop.ForAll(AnyCase(), c =>
        {
            (RelationshipDeclaration Declaration, DualSituation Situation)[] expected =
            [
                .. c.Declarations
                    .Where(d => d.ClinicianId == c.Course.ClinicianId && d.PatientId == c.Course.PatientId)
                    .Select(d => (d, DualRelationshipCheck.Classify(d, c.Course, c.Settings)))
                    .Where(p => p.Item2 is not null)
                    .Select(p => (p.d, p.Item2!.Value)),
            ];

            IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.Evaluate(c.Settings, c.Course, c.Declarations);

            verdicts.Select(v => v.Subject).Should().Equal(expected.Select(e => SubjectRef.To(e.Declaration.Id)), "{0}", c);
            verdicts.Select(v => v.Code).Should().Equal(expected.Select(e => DualRuleCodes.For(e.Situation)));
            verdicts.Select(v => v.Citation).Should().Equal(expected.Select(e => c.Settings.Standards[e.Situation].Citation));
            foreach ((Verdict verdict, RelationshipDeclaration declaration) in verdicts.Zip(expected.Select(e => e.Declaration)))
            {
                if (verdict.IsPass)
                {
                    verdict.Evidence.Should().BeEmpty();
                }
                else
                {
                    ShouldNameTheDeclaration(verdict, declaration);
                }
            }
        });

    /// <summary>A course and up to six declarations, most of them of the course's pair, under one of the presets.</summary>
    private sealed record Case(string SettingsName, DualRelationshipSettings Settings, TreatmentCourse Course, RelationshipDeclaration[] Declarations)
    {
        public override string ToString() =>
            $"{SettingsName}; course {Course.Start}..{Course.TerminatedOn?.ToString() ?? "ongoing"}; " +
            string.Join("; ", Declarations.Select(d => $"{d.Id} {d.ClinicianId}/{d.PatientId} {d.RelationCode ?? "patient"} {d.Kind} {d.Start}..{d.End?.ToString() ?? "ongoing"} {d.Safeguards} {d.GiftValue}"));
    }

    private static readonly LocalDate Origin = new(2024, 1, 1);

    private static readonly (string Name, DualRelationshipSettings Settings)[] AllSettings =
    [
        ("psychiatry", DualRelationshipPresets.Psychiatry), ("psychology", DualRelationshipPresets.Psychology), ("counseling", DualRelationshipPresets.Counseling),
        ("social-work", DualRelationshipPresets.SocialWork), ("counseling-gift-50", DualRelationshipPresets.Counseling with { GiftValueLimit = 50 }),
    ];

    private static Arbitrary<Case> AnyCase() =>
        (from settings in Gen.Elements(AllSettings)
         from courseStart in Gen.Choose(-30, 30)
         from courseLength in Gen.Frequency((3, Gen.Choose(0, 40).Select(d => (int?)d)), (1, Gen.Constant((int?)null)))
         from count in Gen.Choose(1, 6)
         from declarations in AnyDeclaration().ArrayOf(count)
         select new Case(
             settings.Name,
             settings.Settings,
             new TreatmentCourse(ThePatient, TheClinician, Origin.PlusDays(courseStart), courseLength is { } n ? Origin.PlusDays(courseStart + n) : null),
             [.. declarations.Select((make, i) => make($"rd-{i}"))])).ToArbitrary();

    private static Gen<Func<string, RelationshipDeclaration>> AnyDeclaration() =>
        from kind in Gen.Elements(Enum.GetValues<RelationshipKind>())
        from relative in Gen.Elements(false, false, true)
        from start in Gen.Choose(-80, 80)
        from length in Gen.Frequency((3, Gen.Choose(0, 40).Select(d => (int?)d)), (1, Gen.Constant((int?)null)))
        from safeguards in Gen.Choose(0, 31)
        from giftValue in Gen.Elements<decimal?>(null, 0m, 50m, 50.01m, 500m)
        from owner in Gen.Frequency((6, Gen.Constant((Patient, Clinician))), (1, Gen.Constant(("p-2", Clinician))), (1, Gen.Constant((Patient, "c-2"))))
        select new Func<string, RelationshipDeclaration>(id => Declare(
            kind, Origin.PlusDays(start), length is { } n ? Origin.PlusDays(start + n) : null, relative ? Spouse : null, (Safeguards)safeguards,
            kind == RelationshipKind.Gift ? giftValue : null, id, owner.Item1, owner.Item2));
}
