using System.Reflection;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// <see cref="ConfidentialityCodes"/>: PurposeOfUse codes (HL7 v3 ActReason, NHIN where v3 has none), sensitivity labels
/// (v3 ActCode), the rule codes, and the citations' section numbers against the regulation text.
/// </summary>
public class ConfidentialityCodesTests
{
    private const string V3 = ConfidentialityCodes.ActReasonSystem;

    private const string Nhin = ConfidentialityCodes.NhinPurposeOfUseSystem;

    [Theory]
    [InlineData(DisclosurePurpose.Treatment, V3, "TREAT")]
    [InlineData(DisclosurePurpose.Payment, V3, "HPAYMT")]
    [InlineData(DisclosurePurpose.HealthCareOperations, V3, "HOPERAT")]
    [InlineData(DisclosurePurpose.Training, V3, "TRAIN")]
    [InlineData(DisclosurePurpose.PatientRequest, V3, "PATRQT")]
    [InlineData(DisclosurePurpose.FamilyInvolvement, V3, "FAMRQT")]
    [InlineData(DisclosurePurpose.JudicialProceeding, V3, "HLEGAL")]
    [InlineData(DisclosurePurpose.LawEnforcement, Nhin, "LAW")]
    [InlineData(DisclosurePurpose.RequiredByLaw, V3, "HCOMPL")]
    [InlineData(DisclosurePurpose.PublicHealth, V3, "PUBHLTH")]
    [InlineData(DisclosurePurpose.ChildAbuseReport, Nhin, "ABUSE")]
    [InlineData(DisclosurePurpose.AdultAbuseReport, Nhin, "ABUSE")]
    [InlineData(DisclosurePurpose.HealthOversight, Nhin, "OVERSIGHT")]
    [InlineData(DisclosurePurpose.ComplianceInvestigation, V3, "HCOMPL")]
    [InlineData(DisclosurePurpose.DecedentInvestigation, V3, "HDECD")]
    [InlineData(DisclosurePurpose.Threat, V3, "THREAT")]
    [InlineData(DisclosurePurpose.Research, V3, "HRESCH")]
    [InlineData(DisclosurePurpose.Marketing, V3, "HMARKT")]
    public void PurposeOfUse_EveryPurpose_HasItsCode(DisclosurePurpose purpose, string system, string code)
    {
        CodedValue value = ConfidentialityCodes.PurposeOfUse(purpose);

        value.System.Should().Be(system);
        value.Code.Should().Be(code);
        value.ToString().Should().Be($"{system}|{code}");
    }

    [Fact]
    public void PurposeOfUse_TheTheoryCoversEveryPurpose() =>
        Enum.GetValues<DisclosurePurpose>().Should().HaveCount(18);

    [Fact]
    public void PurposeOfUse_Undefined_Throws() =>
        FluentActions.Invoking(() => ConfidentialityCodes.PurposeOfUse((DisclosurePurpose)18)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void DisclosurePurpose_FitsTheAuthorizationsIntMask()
    {
        int[] values = [.. Enum.GetValues<DisclosurePurpose>().Select(p => (int)p)];

        values.Length.Should().BeLessThan(32);
        values.Should().Equal(Enumerable.Range(0, values.Length), "each purpose is one bit, 1 << value");
    }

    [Theory]
    [InlineData(DataCategories.MentalHealthRecords, new[] { "PSY" })]
    [InlineData(DataCategories.PsychotherapyNotes, new[] { "PSYTHPN" })]
    [InlineData(DataCategories.SubstanceUseRecords, new[] { "SUD" })]
    [InlineData(DataCategories.SubstanceUseCounselingNotes, new[] { "SUD" })]
    [InlineData(DataCategories.SubstanceUseRecords | DataCategories.SubstanceUseCounselingNotes, new[] { "SUD" })]
    [InlineData(DataCategories.Hiv, new[] { "HIV" })]
    [InlineData(DataCategories.Hiv | DataCategories.PsychotherapyNotes | DataCategories.MentalHealthRecords | DataCategories.SubstanceUseRecords, new[] { "PSY", "PSYTHPN", "SUD", "HIV" })]
    [InlineData(DataCategories.Demographics | DataCategories.Appointments | DataCategories.Diagnoses | DataCategories.Medications | DataCategories.TestResults | DataCategories.TreatmentSummary, new string[0])]
    [InlineData(DataCategories.None, new string[0])]
    public void SecurityLabels_DistinctActCodesInCategoryOrder(DataCategories categories, string[] codes)
    {
        ImmutableArrayShould(ConfidentialityCodes.SecurityLabels(categories), codes);
    }

    [Fact]
    public void AllCategoriesAndFacts_AreEveryDefinedBit()
    {
        ConfidentialityCodes.AllCategories.Should().Be((DataCategories)((1 << 11) - 1));
        ConfidentialityCodes.AllFacts.Should().Be((DisclosureFacts)((1 << 18) - 1));
    }

    [Fact]
    public void RuleCodes_UniqueAndNamespaced()
    {
        string[] conf = [.. CodesOf(typeof(ConfidentialityRuleCodes))];
        string[] authorization = [.. CodesOf(typeof(AuthorizationRuleCodes))];

        conf.Should().OnlyHaveUniqueItems().And.OnlyContain(c => c.StartsWith("TA.CONF.", StringComparison.Ordinal)).And.HaveCount(29);
        authorization.Should().OnlyHaveUniqueItems().And.OnlyContain(c => c.StartsWith("TA.AUTHORIZATION.", StringComparison.Ordinal));
        authorization.Should().BeEquivalentTo(
            "TA.AUTHORIZATION.COMPOUND_NOTES", "TA.AUTHORIZATION.PART2_CONSENT_REQUIRED", "TA.AUTHORIZATION.EXPIRATION_REQUIRED", "TA.AUTHORIZATION.NOT_ACTIVE",
            "TA.AUTHORIZATION.TIME_ORDER");
    }

    [Theory]
    [InlineData("HipaaTreatmentPaymentOperations", "164.506")]
    [InlineData("HipaaAuthorizationRequired", "164.508(a)(1)")]
    [InlineData("HipaaPsychotherapyNotes", "164.508(a)(2)")]
    [InlineData("HipaaMarketing", "164.508(a)(3)")]
    [InlineData("HipaaDefectiveAuthorization", "164.508(b)(2)")]
    [InlineData("HipaaMinimumNecessary", "164.502(b)")]
    [InlineData("HipaaSecretary", "164.502(a)(2)(ii)")]
    [InlineData("HipaaPersonalRepresentatives", "164.502(g)")]
    [InlineData("HipaaInvolvedInCare", "164.510(b)")]
    [InlineData("HipaaRequiredByLaw", "164.512(a)")]
    [InlineData("HipaaRequiredByLawDefinition", "164.103")]
    [InlineData("HipaaPublicHealth", "164.512(b)(1)(i)")]
    [InlineData("HipaaChildAbuse", "164.512(b)(1)(ii)")]
    [InlineData("HipaaAdultAbuse", "164.512(c)")]
    [InlineData("HipaaHealthOversight", "164.512(d)")]
    [InlineData("HipaaJudicial", "164.512(e)")]
    [InlineData("HipaaLawEnforcement", "164.512(f)")]
    [InlineData("HipaaDecedents", "164.512(g)(1)")]
    [InlineData("HipaaResearch", "164.512(i)")]
    [InlineData("HipaaSeriousThreat", "164.512(j)(1)(i)")]
    [InlineData("HipaaAccess", "164.524")]
    [InlineData("HipaaAccounting", "164.528")]
    [InlineData("Part2Consent", "2.31")]
    [InlineData("Part2RedisclosureNotice", "2.32")]
    [InlineData("Part2MedicalEmergency", "2.51")]
    [InlineData("Part2CourtOrders", "2.61")]
    [InlineData("Part2ChildAbuseReports", "2.12(c)(6)")]
    [InlineData("Part2PatientAccess", "2.23")]
    [InlineData("GdprProhibition", "Art. 9(1)")]
    [InlineData("GdprExplicitConsent", "Art. 9(2)(a)")]
    [InlineData("GdprVitalInterests", "Art. 9(2)(c)")]
    [InlineData("GdprLegalClaims", "Art. 9(2)(f)")]
    [InlineData("GdprPublicInterest", "Art. 9(2)(g)")]
    [InlineData("GdprHealthCare", "Art. 9(2)(h)")]
    [InlineData("GdprPublicHealth", "Art. 9(2)(i)")]
    [InlineData("GdprResearch", "Art. 9(2)(j)")]
    [InlineData("GdprAccess", "Art. 15")]
    [InlineData("GdprMemberStateConditions", "Art. 9(4)")]
    [InlineData("GdprDataMinimisation", "Art. 5(1)(c)")]
    public void Citations_SectionNamesTheProvision(string property, string provision)
    {
        Citation citation = Disclosures.Cite(property);

        citation.Section.Should().Contain(provision);
        citation.Document.Should().Contain(
            property.StartsWith("Hipaa", StringComparison.Ordinal) ? "45 CFR Part 164" : property.StartsWith("Part2", StringComparison.Ordinal) ? "42 CFR Part 2" : "2016/679");
    }

    [Fact]
    public void Citations_EveryOneIsInTheTheory() =>
        typeof(ConfidentialityCitations).GetProperties(BindingFlags.Public | BindingFlags.Static).Should().HaveCount(40);

    private static IEnumerable<string> CodesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => ((RuleCode)p.GetValue(null)!).Value);

    private static void ImmutableArrayShould(System.Collections.Immutable.ImmutableArray<CodedValue> labels, string[] codes)
    {
        labels.Select(l => l.Code).Should().Equal(codes);
        labels.All(l => l.System == ConfidentialityCodes.ActCodeSystem).Should().BeTrue();
    }
}
