using FluentAssertions.Execution;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// <see cref="DisclosureCheck.Decide"/> under <see cref="ConfidentialitySettings.Gdpr"/>: data concerning health is
/// prohibited (Art. 9(1)) unless a ground of Art. 9(2) applies; explicit consent is the GDPR's own instrument, and no
/// accounting of disclosures is kept (that is HIPAA's 164.528).
/// </summary>
public class DisclosureCheckGdprTests
{
    [Fact]
    public void Decide_ExplicitConsent_Permits()
    {
        Authorization consent = Sign(AuthorizationKind.ExplicitConsent, DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Marketing, noExpiry: true);

        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.Other, DisclosurePurpose.Marketing), consent);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.ShouldFind(ConfidentialityRuleCodes.Authorized, Outcome.Pass, ConfidentialityCitations.GdprExplicitConsent);
        decision.AccountingEntry.Should().BeNull();
    }

    [Theory]
    [InlineData(AuthorizationKind.HipaaAuthorization)]
    [InlineData(AuthorizationKind.Part2Consent)]
    public void Decide_AHipaaInstrumentUnderGdpr_DoesNotCount(AuthorizationKind kind)
    {
        Authorization authorization = Sign(kind, DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Marketing);

        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.Other, DisclosurePurpose.Marketing), authorization);

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Has(ConfidentialityRuleCodes.Authorized).Should().BeFalse();
        decision.ShouldFind(ConfidentialityRuleCodes.NoLegalBasis, Outcome.Violation, ConfidentialityCitations.GdprProhibition);
    }

    [Fact]
    public void Decide_ExplicitConsentUnderHipaa_DoesNotCount()
    {
        Authorization consent = Sign(AuthorizationKind.ExplicitConsent, DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Marketing, noExpiry: true);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.Marketing), consent);

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.ShouldFind(ConfidentialityRuleCodes.Marketing, Outcome.Violation, ConfidentialityCitations.HipaaMarketing);
    }

    [Fact]
    public void Decide_Treatment_PermittedUnderArticle9_2_h_WithoutMinimisationCondition()
    {
        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Diagnoses | DataCategories.PsychotherapyNotes));

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Allowed.Should().Be(DataCategories.Diagnoses | DataCategories.PsychotherapyNotes, "164.508(a)(2) is HIPAA's, not the GDPR's");
        decision.ShouldFind(ConfidentialityRuleCodes.TreatmentPaymentOperations, Outcome.Pass, ConfidentialityCitations.GdprHealthCare);
        decision.Conditions.Should().Be(DisclosureConditions.None);
    }

    [Theory]
    [InlineData(DisclosurePurpose.Payment, RecipientRole.HealthPlan)]
    [InlineData(DisclosurePurpose.HealthCareOperations, RecipientRole.BusinessAssociate)]
    [InlineData(DisclosurePurpose.Training, RecipientRole.TreatingProvider)]
    public void Decide_PaymentOrOperations_PermittedIfDataMinimisation(DisclosurePurpose purpose, RecipientRole role)
    {
        DisclosureDecision decision = Decide(Gdpr, Request(role, purpose));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(DisclosureConditions.MinimumNecessary);
        decision.ShouldFind(ConfidentialityRuleCodes.TreatmentPaymentOperations, Outcome.Pass, ConfidentialityCitations.GdprHealthCare);
        decision.ShouldFind(ConfidentialityRuleCodes.MinimumNecessary, Outcome.Warning, ConfidentialityCitations.GdprDataMinimisation);
    }

    [Fact]
    public void Decide_TreatmentToSomeoneNotProvidingCare_Prohibited() =>
        Decide(Gdpr, Request(RecipientRole.HealthPlan, DisclosurePurpose.Treatment))
            .ShouldFind(ConfidentialityRuleCodes.NoLegalBasis, Outcome.Violation, ConfidentialityCitations.GdprProhibition);

    [Theory]
    [InlineData(DisclosurePurpose.Threat, RecipientRole.PotentialVictim, "TA.CONF.SERIOUS_THREAT")]
    [InlineData(DisclosurePurpose.FamilyInvolvement, RecipientRole.FamilyOrFriend, "TA.CONF.INVOLVED_IN_CARE")]
    public void Decide_PatientIncapable_ReviewUnderVitalInterests(DisclosurePurpose purpose, RecipientRole role, string code)
    {
        DisclosureDecision decision = Decide(Gdpr, Request(role, purpose, facts: DisclosureFacts.PatientIncapable | DisclosureFacts.SeriousAndImminentThreat));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal("vital-interests");
        decision.ShouldFind(Code(code), Outcome.NeedsReview, ConfidentialityCitations.GdprVitalInterests);
        decision.AccountingEntry.Should().BeNull();
    }

    [Fact]
    public void Decide_ThreatWithACapablePatient_ReviewUnderSubstantialPublicInterest()
    {
        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, facts: DisclosureFacts.SeriousAndImminentThreat));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal("union-or-member-state-law");
        decision.ShouldFind(ConfidentialityRuleCodes.SeriousThreat, Outcome.NeedsReview, ConfidentialityCitations.GdprPublicInterest);
        decision.Has(ConfidentialityRuleCodes.DutyToProtect).Should().BeFalse("the duty to protect is a US state-law matter");
    }

    [Fact]
    public void Decide_FamilyWithACapablePatientAndNoConsent_Prohibited() =>
        Decide(Gdpr, Request(RecipientRole.FamilyOrFriend, DisclosurePurpose.FamilyInvolvement, facts: DisclosureFacts.PatientAgreed))
            .ShouldFind(ConfidentialityRuleCodes.NoLegalBasis, Outcome.Violation, ConfidentialityCitations.GdprProhibition);

    [Fact]
    public void Decide_CourtOrder_PermittedIfLimitedUnderLegalClaims()
    {
        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, instrument: LegalInstrument.CourtOrder));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(DisclosureConditions.LimitToLegalMandate);
        decision.ShouldFind(ConfidentialityRuleCodes.Judicial, Outcome.Pass, ConfidentialityCitations.GdprLegalClaims);
        decision.ShouldFind(ConfidentialityRuleCodes.LegalMandateScope, Outcome.Warning, ConfidentialityCitations.GdprLegalClaims);
        decision.AccountingEntry.Should().BeNull();
    }

    [Theory]
    [InlineData(LegalInstrument.BareSubpoena)]
    [InlineData(LegalInstrument.None)]
    public void Decide_OtherLegalClaims_ReviewedForNecessity(LegalInstrument instrument)
    {
        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.LitigationParty, DisclosurePurpose.JudicialProceeding, instrument: instrument));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal("necessary-for-legal-claims");
        decision.The(ConfidentialityRuleCodes.Judicial).Citation.Should().Be(ConfidentialityCitations.GdprLegalClaims);
    }

    [Fact]
    public void Decide_Marketing_ProhibitedUnderArticle9_1()
    {
        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.Other, DisclosurePurpose.Marketing));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.ShouldFind(ConfidentialityRuleCodes.NoLegalBasis, Outcome.Violation, ConfidentialityCitations.GdprProhibition)
            .Texts("purpose").Should().Equal("HMARKT");
    }

    [Fact]
    public void Decide_PatientAccess_PermittedUnderArticle15_NotesIncluded()
    {
        DisclosureDecision decision = Decide(
            Gdpr, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseRecords, facts: DisclosureFacts.AccessMayEndangerLife));

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Allowed.Should().Be(DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseRecords);
        decision.ShouldFind(ConfidentialityRuleCodes.PatientAccess, Outcome.Pass, ConfidentialityCitations.GdprAccess);
    }

    [Fact]
    public void Decide_RepresentativeOfAMinorUnderGdpr_HipaaMinorRulesDoNotApply() =>
        Decide(Gdpr, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.MinorConsentedAlone | DisclosureFacts.RepresentativeMayEndanger))
            .The(ConfidentialityRuleCodes.PatientAccess).Citation.Should().Be(ConfidentialityCitations.GdprAccess);

    [Theory]
    [InlineData(DisclosurePurpose.PublicHealth, RecipientRole.PublicHealthAuthority, "TA.CONF.PUBLIC_HEALTH", "GdprPublicHealth", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.Research, RecipientRole.Researcher, "TA.CONF.RESEARCH", "GdprResearch", "article-89-safeguards")]
    [InlineData(DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, "TA.CONF.LAW_ENFORCEMENT", "GdprPublicInterest", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.RequiredByLaw, RecipientRole.Other, "TA.CONF.REQUIRED_BY_LAW", "GdprPublicInterest", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.ChildAbuseReport, RecipientRole.AbuseReportingAuthority, "TA.CONF.ABUSE_REPORT", "GdprPublicInterest", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.AdultAbuseReport, RecipientRole.AbuseReportingAuthority, "TA.CONF.ABUSE_REPORT", "GdprPublicInterest", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.HealthOversight, RecipientRole.HealthOversightAgency, "TA.CONF.HEALTH_OVERSIGHT", "GdprPublicInterest", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.ComplianceInvestigation, RecipientRole.HhsSecretary, "TA.CONF.HHS_COMPLIANCE", "GdprPublicInterest", "union-or-member-state-law")]
    [InlineData(DisclosurePurpose.DecedentInvestigation, RecipientRole.CoronerOrMedicalExaminer, "TA.CONF.DECEDENT", "GdprPublicInterest", "union-or-member-state-law")]
    public void Decide_GroundsOnMemberStateLaw_Reviewed(DisclosurePurpose purpose, RecipientRole role, string code, string citation, string factor)
    {
        DisclosureDecision decision = Decide(Gdpr, Request(role, purpose));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal(factor);
        decision.ShouldFind(Code(code), Outcome.NeedsReview, Cite(citation));
    }

    [Fact]
    public void Decide_NoPurposeEverGetsAnAccountingEntry()
    {
        var decisions = new List<DisclosureDecision>();
        foreach (DisclosurePurpose purpose in Enum.GetValues<DisclosurePurpose>())
        {
            foreach (RecipientRole role in Enum.GetValues<RecipientRole>())
            {
                foreach (LegalInstrument instrument in (LegalInstrument[])[LegalInstrument.None, LegalInstrument.CourtOrder, LegalInstrument.Warrant])
                {
                    decisions.Add(Decide(Gdpr, Request(role, purpose, DataCategories.Diagnoses | DataCategories.SubstanceUseRecords, instrument, DisclosureFacts.SeriousAndImminentThreat | DisclosureFacts.ReportRequiredByLaw)));
                }
            }
        }

        decisions.Should().Contain(d => d.IsPermitted).And.Contain(d => d.Kind == DisclosureDecisionKind.NeedsReview);
        decisions.Should().OnlyContain(d => d.AccountingEntry == null && (d.Conditions & DisclosureConditions.RecordForAccounting) == 0);
    }

    [Fact]
    public void Decide_Part2DoesNotApplyUnderGdpr_SudRecordsGoForCare() =>
        Decide(Gdpr, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.SubstanceUseRecords | DataCategories.SubstanceUseCounselingNotes))
            .Kind.Should().Be(DisclosureDecisionKind.Permitted);

    [Fact]
    public void Decide_MemberStateCondition_WithheldCitingArticle9_4OrTheSource()
    {
        ConfidentialitySettings settings = Gdpr with { CategoriesNeedingAuthorization = DataCategories.Hiv };

        DisclosureDecision decision = Decide(settings, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv | DataCategories.Diagnoses));
        DisclosureDecision onlyHiv = Decide(settings with { StateLawSource = StateLaw }, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv));

        decision.Withheld.Should().Be(DataCategories.Hiv);
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.ProtectedCategory, Outcome.Violation, ConfidentialityCitations.GdprMemberStateConditions);
        onlyHiv.Kind.Should().Be(DisclosureDecisionKind.Denied);
        onlyHiv.Verdicts.Should().ContainSingle().Which.Citation.Should().Be(StateLaw);
    }

    [Fact]
    public void Decide_MemberStateCondition_MetByExplicitConsent()
    {
        ConfidentialitySettings settings = Gdpr with { CategoriesNeedingAuthorization = DataCategories.Hiv };
        Authorization consent = Sign(AuthorizationKind.ExplicitConsent, DataCategories.Hiv, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, noExpiry: true);

        Decide(settings, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv | DataCategories.Diagnoses), consent)
            .Kind.Should().Be(DisclosureDecisionKind.Permitted);
    }

    [Fact]
    public void Decide_WithdrawnConsent_ExplainedUnderArticle9_2_a()
    {
        Authorization consent = Sign(AuthorizationKind.ExplicitConsent, DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Marketing, id: "a-4", noExpiry: true);
        consent.Revoke(At);

        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.Other, DisclosurePurpose.Marketing), consent);

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.ShouldFind(ConfidentialityRuleCodes.AuthorizationRevoked, Outcome.Violation, ConfidentialityCitations.GdprExplicitConsent)
            .Evidence.Should().Equal(Evidence.OfId("authorization", "a-4"));
    }

    [Fact]
    public void Decide_ExplicitConsentToSudRecordsUnderGdpr_Permits()
    {
        // Art. 9(2)(a) lifts the prohibition for data concerning health on explicit consent; 42 CFR Part 2 is US law and
        // ConfidentialitySettings.Gdpr sets Part2Applies = false, yet Sign refuses an ExplicitConsent naming SUD records.
        Authorization consent = Sign(AuthorizationKind.ExplicitConsent, DataCategories.SubstanceUseRecords, RecipientRole.Other, DisclosurePurpose.Research, noExpiry: true);

        DisclosureDecision decision = Decide(Gdpr, Request(RecipientRole.Other, DisclosurePurpose.Research, DataCategories.SubstanceUseRecords), consent);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
    }

}
