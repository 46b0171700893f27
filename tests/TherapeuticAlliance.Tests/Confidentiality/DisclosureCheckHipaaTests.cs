using FluentAssertions.Execution;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// <see cref="DisclosureCheck.Decide"/> under <see cref="ConfidentialitySettings.Hipaa"/>: for every purpose a path the
/// law permits and one it does not; minimum necessary per 164.502(b)(2); the accounting per 164.528(a)(1); judicial
/// proceedings (164.512(e)), law enforcement (164.512(f)), serious threats (164.512(j)) and the duty to protect,
/// minors and personal representatives (164.502(g)(3), (g)(5)), access (164.524), abuse reports (164.512(b)(1)(ii),
/// (c)) and people involved in care (164.510(b)). Requests are for diagnoses unless told otherwise.
/// </summary>
public class DisclosureCheckHipaaTests
{
    private const DisclosureConditions Mn = DisclosureConditions.MinimumNecessary;
    private const DisclosureConditions Mandate = DisclosureConditions.LimitToLegalMandate;
    private const DisclosureConditions Account = DisclosureConditions.RecordForAccounting;
    private const DisclosureConditions Notify = DisclosureConditions.NotifyPatient;
    private const DisclosureConditions NoConditions = DisclosureConditions.None;

    // ---- Every purpose: a permitted (or reviewed) path --------------------------------------------------------

    /// <summary>purpose, recipient, instrument, facts, kind, rule code, citation (property name), conditions, accounted.</summary>
    public static TheoryData<DisclosurePurpose, RecipientRole, LegalInstrument, DisclosureFacts, DisclosureDecisionKind, string, string, DisclosureConditions, bool> Permitted => new()
    {
        // 164.506 with 164.502(b)(2)(i): a disclosure to a provider for treatment is exempt from minimum necessary; TPO is exempt from the accounting.
        { DisclosurePurpose.Treatment, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.Permitted, "TA.CONF.TPO", "HipaaTreatmentPaymentOperations", NoConditions, false },
        { DisclosurePurpose.Payment, RecipientRole.HealthPlan, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.TPO", "HipaaTreatmentPaymentOperations", Mn, false },
        { DisclosurePurpose.Payment, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.TPO", "HipaaTreatmentPaymentOperations", Mn, false },
        { DisclosurePurpose.HealthCareOperations, RecipientRole.BusinessAssociate, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.TPO", "HipaaTreatmentPaymentOperations", Mn, false },
        { DisclosurePurpose.Training, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.TPO", "HipaaTreatmentPaymentOperations", Mn, false },
        // 164.524, 164.502(b)(2)(ii), 164.528(a)(1)(ii).
        { DisclosurePurpose.PatientRequest, RecipientRole.Patient, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.Permitted, "TA.CONF.PATIENT_ACCESS", "HipaaAccess", NoConditions, false },
        { DisclosurePurpose.PatientRequest, RecipientRole.PersonalRepresentative, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.Permitted, "TA.CONF.PATIENT_ACCESS", "HipaaAccess", NoConditions, false },
        // 164.510(b)(2)(i), 164.528(a)(1)(v).
        { DisclosurePurpose.FamilyInvolvement, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.PatientAgreed, DisclosureDecisionKind.PermittedIf, "TA.CONF.INVOLVED_IN_CARE", "HipaaInvolvedInCare", Mn, false },
        // 164.512(e)(1)(i): only what the order expressly authorizes.
        { DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal, LegalInstrument.CourtOrder, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.JUDICIAL", "HipaaJudicial", Mandate | Account, true },
        { DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, LegalInstrument.Warrant, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.LAW_ENFORCEMENT", "HipaaLawEnforcement", Mandate | Account, true },
        // 164.512(a), 164.502(b)(2)(v).
        { DisclosurePurpose.RequiredByLaw, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.REQUIRED_BY_LAW", "HipaaRequiredByLaw", Mandate | Account, true },
        { DisclosurePurpose.PublicHealth, RecipientRole.PublicHealthAuthority, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.PUBLIC_HEALTH", "HipaaPublicHealth", Mn | Account, true },
        { DisclosurePurpose.ChildAbuseReport, RecipientRole.AbuseReportingAuthority, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.ABUSE_REPORT", "HipaaChildAbuse", Mn | Account, true },
        { DisclosurePurpose.AdultAbuseReport, RecipientRole.AbuseReportingAuthority, LegalInstrument.None, DisclosureFacts.ReportRequiredByLaw, DisclosureDecisionKind.PermittedIf, "TA.CONF.ABUSE_REPORT", "HipaaAdultAbuse", Mandate | Notify | Account, true },
        { DisclosurePurpose.HealthOversight, RecipientRole.HealthOversightAgency, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.HEALTH_OVERSIGHT", "HipaaHealthOversight", Mn | Account, true },
        // 164.502(a)(2)(ii), 164.502(b)(2)(iv); not among the accounting exemptions.
        { DisclosurePurpose.ComplianceInvestigation, RecipientRole.HhsSecretary, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.HHS_COMPLIANCE", "HipaaSecretary", Account, true },
        { DisclosurePurpose.DecedentInvestigation, RecipientRole.CoronerOrMedicalExaminer, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.PermittedIf, "TA.CONF.DECEDENT", "HipaaDecedents", Mn | Account, true },
        // 164.512(j)(1)(i), with the duty to protect unknown country-wide: a person decides.
        { DisclosurePurpose.Threat, RecipientRole.PotentialVictim, LegalInstrument.None, DisclosureFacts.SeriousAndImminentThreat, DisclosureDecisionKind.NeedsReview, "TA.CONF.SERIOUS_THREAT", "HipaaSeriousThreat", Mn | Account, true },
        // 164.512(i): a waiver of authorization is for an IRB or privacy board.
        { DisclosurePurpose.Research, RecipientRole.Researcher, LegalInstrument.None, DisclosureFacts.None, DisclosureDecisionKind.NeedsReview, "TA.CONF.RESEARCH", "HipaaResearch", Mn | Account, true },
    };

    [Theory]
    [MemberData(nameof(Permitted))]
    public void Decide_PermittedPath_KindCategoriesConditionsVerdictAndAccounting(
        DisclosurePurpose purpose, RecipientRole role, LegalInstrument instrument, DisclosureFacts facts, DisclosureDecisionKind kind, string code, string citation,
        DisclosureConditions conditions, bool accounted)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, purpose, DataCategories.Diagnoses | DataCategories.Medications, instrument, facts, party: "party-1"));

        using var scope = new AssertionScope();
        decision.Kind.Should().Be(kind);
        decision.Withheld.Should().Be(DataCategories.None);
        (decision.Allowed | decision.UnderReview).Should().Be(DataCategories.Diagnoses | DataCategories.Medications);
        (kind == DisclosureDecisionKind.NeedsReview ? decision.UnderReview : decision.Allowed).Should().Be(DataCategories.Diagnoses | DataCategories.Medications);
        decision.Conditions.Should().Be(conditions);
        decision.ShouldFind(Code(code), kind == DisclosureDecisionKind.NeedsReview ? Outcome.NeedsReview : Outcome.Pass, Cite(citation));
        decision.Has(ConfidentialityRuleCodes.MinimumNecessary).Should().Be((conditions & Mn) != 0);
        if (accounted)
        {
            decision.AccountingEntry.Should().Be(new AccountingEntry(
                new DisclosureId("d-1"), ThePatient, At, To(role, "party-1"), purpose, DataCategories.Diagnoses | DataCategories.Medications));
            decision.ShouldFind(ConfidentialityRuleCodes.Accounting, Outcome.Warning, ConfidentialityCitations.HipaaAccounting);
        }
        else
        {
            decision.AccountingEntry.Should().BeNull("164.528(a)(1) exempts it");
            decision.Has(ConfidentialityRuleCodes.Accounting).Should().BeFalse();
        }

        if ((conditions & Mn) != 0)
        {
            decision.ShouldFind(ConfidentialityRuleCodes.MinimumNecessary, Outcome.Warning, ConfidentialityCitations.HipaaMinimumNecessary);
        }
    }

    // ---- Every purpose: a denied path ------------------------------------------------------------------------------

    /// <summary>purpose, recipient, instrument, facts, categories, rule code, citation (property name), withheld.</summary>
    public static TheoryData<DisclosurePurpose, RecipientRole, LegalInstrument, DisclosureFacts, DataCategories, string, string, DataCategories> Denied => new()
    {
        { DisclosurePurpose.Treatment, RecipientRole.HealthPlan, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.Treatment, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.PatientAgreed, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.Payment, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.HealthCareOperations, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.HealthCareOperations, RecipientRole.CourtOrTribunal, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.Training, RecipientRole.Researcher, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.PatientRequest, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.FamilyInvolvement, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.PatientObjected, DataCategories.Diagnoses, "TA.CONF.INVOLVED_IN_CARE", "HipaaInvolvedInCare", DataCategories.Diagnoses },
        { DisclosurePurpose.FamilyInvolvement, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.PatientAgreed, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.JudicialProceeding, RecipientRole.LitigationParty, LegalInstrument.BareSubpoena, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.JUDICIAL", "HipaaJudicial", DataCategories.Diagnoses },
        { DisclosurePurpose.JudicialProceeding, RecipientRole.LawEnforcement, LegalInstrument.CourtOrder, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, LegalInstrument.BareSubpoena, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.LAW_ENFORCEMENT", "HipaaLawEnforcement", DataCategories.Diagnoses },
        { DisclosurePurpose.LawEnforcement, RecipientRole.CourtOrTribunal, LegalInstrument.Warrant, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        // Required by law reaches no SUD records without a Part 2 ground.
        { DisclosurePurpose.RequiredByLaw, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, DataCategories.SubstanceUseRecords, "TA.CONF.PART2", "Part2Consent", DataCategories.SubstanceUseRecords },
        { DisclosurePurpose.PublicHealth, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.ChildAbuseReport, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.ChildAbuseReport, RecipientRole.LawEnforcement, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.AdultAbuseReport, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.ReportRequiredByLaw, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.HealthOversight, RecipientRole.LawEnforcement, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.ComplianceInvestigation, RecipientRole.HealthOversightAgency, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.DecedentInvestigation, RecipientRole.LawEnforcement, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        { DisclosurePurpose.Threat, RecipientRole.PotentialVictim, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.SERIOUS_THREAT", "HipaaSeriousThreat", DataCategories.Diagnoses },
        { DisclosurePurpose.Research, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.NO_LEGAL_BASIS", "HipaaAuthorizationRequired", DataCategories.Diagnoses },
        // 164.508(a)(3): marketing always needs an authorization.
        { DisclosurePurpose.Marketing, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.PatientAgreed, DataCategories.Diagnoses, "TA.CONF.MARKETING", "HipaaMarketing", DataCategories.Diagnoses },
        { DisclosurePurpose.Marketing, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.None, DataCategories.Diagnoses, "TA.CONF.MARKETING", "HipaaMarketing", DataCategories.Diagnoses },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public void Decide_DeniedPath_WithheldWithAViolationAndNoAccounting(
        DisclosurePurpose purpose, RecipientRole role, LegalInstrument instrument, DisclosureFacts facts, DataCategories categories, string code, string citation, DataCategories withheld)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, purpose, categories, instrument, facts));

        using var scope = new AssertionScope();
        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.IsPermitted.Should().BeFalse();
        decision.Withheld.Should().Be(withheld);
        decision.AccountingEntry.Should().BeNull("a denied disclosure is not made");
        Verdict verdict = decision.ShouldFind(Code(code), Outcome.Violation, Cite(citation));
        verdict.Texts("withheld").Should().Equal(Each(withheld).Select(CamelName));
    }

    [Fact]
    public void Tables_CoverEveryPurposeOnBothSides()
    {
        // Marketing's permitted path is an authorization: see Decide_Marketing_WithAnAuthorization_Permitted.
        Permitted.Select(row => (DisclosurePurpose)row[0]).Append(DisclosurePurpose.Marketing).Distinct().Should().BeEquivalentTo(Enum.GetValues<DisclosurePurpose>());
        Denied.Select(row => (DisclosurePurpose)row[0]).Distinct().Should().BeEquivalentTo(Enum.GetValues<DisclosurePurpose>());
    }

    [Fact]
    public void Decide_Marketing_WithAnAuthorization_PermittedWithoutAccounting()
    {
        Authorization authorization = Hipaa164508(DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Marketing);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.Marketing), authorization);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.Conditions.Should().Be(NoConditions, "164.502(b)(2)(iii): no minimum necessary under an authorization");
        decision.AccountingEntry.Should().BeNull("164.528(a)(1)(iv)");
        decision.ShouldFind(ConfidentialityRuleCodes.Authorized, Outcome.Pass, ConfidentialityCitations.HipaaAuthorizationRequired);
        decision.Has(ConfidentialityRuleCodes.Marketing).Should().BeFalse();
    }

    [Fact]
    public void Decide_NoLegalBasis_EvidenceNamesPurposeCodeAndRecipientRole()
    {
        Verdict verdict = Decide(Hipaa, Request(RecipientRole.HealthPlan, DisclosurePurpose.Treatment, DataCategories.Diagnoses | DataCategories.Appointments))
            .The(ConfidentialityRuleCodes.NoLegalBasis);

        verdict.Evidence.Should().Equal(
            Evidence.OfCode("purpose", "TREAT"), Evidence.OfCode("recipient", "healthPlan"),
            Evidence.OfCode("withheld", "appointments"), Evidence.OfCode("withheld", "diagnoses"));
    }

    [Fact]
    public void Decide_PartlyAuthorized_RestDecidedByTheLaw()
    {
        // The authorization covers medications only; diagnoses to an employer have no ground.
        Authorization authorization = Hipaa164508(DataCategories.Medications, RecipientRole.Other, DisclosurePurpose.Research);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.Research, DataCategories.Medications | DataCategories.Diagnoses), authorization);

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Allowed.Should().Be(DataCategories.Medications);
        decision.Withheld.Should().Be(DataCategories.Diagnoses);
    }

    // ---- Minimum necessary: 164.502(b)(2) -------------------------------------------------------------------------

    [Fact]
    public void Decide_TreatmentToAProvider_ExemptFromMinimumNecessary_ButPaymentToTheSameProviderIsNot()
    {
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment)).Conditions.Should().NotHaveFlag(Mn);
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Payment)).Conditions.Should().HaveFlag(Mn);
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.HealthCareOperations)).Conditions.Should().HaveFlag(Mn);
    }

    [Fact]
    public void Decide_ExemptionsFromMinimumNecessary_NoneOfThemCarryIt()
    {
        DisclosureDecision[] exempt =
        [
            Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment)),
            Decide(Hipaa, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest)),
            Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.Marketing), Hipaa164508(DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Marketing)),
            Decide(Hipaa, Request(RecipientRole.HhsSecretary, DisclosurePurpose.ComplianceInvestigation)),
            Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.RequiredByLaw)),
        ];

        exempt.Should().OnlyContain(d => d.IsPermitted && (d.Conditions & Mn) == 0 && !d.Has(ConfidentialityRuleCodes.MinimumNecessary));
    }

    // ---- Judicial and administrative proceedings: 164.512(e) -----------------------------------------------------

    [Theory]
    [InlineData(RecipientRole.CourtOrTribunal)]
    [InlineData(RecipientRole.LitigationParty)]
    public void Decide_CourtOrder_PermittedIfLimitedToTheOrder(RecipientRole role)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, DisclosurePurpose.JudicialProceeding, instrument: LegalInstrument.CourtOrder));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mandate | Account, "164.512(e)(1)(i): only what the order expressly authorizes");
        decision.ShouldFind(ConfidentialityRuleCodes.LegalMandateScope, Outcome.Warning, ConfidentialityCitations.HipaaJudicial);
        decision.AccountingEntry.Should().NotBeNull();
    }

    [Theory]
    [InlineData(LegalInstrument.SubpoenaWithNoticeAssurance)]
    [InlineData(LegalInstrument.SubpoenaWithProtectiveOrder)]
    public void Decide_SubpoenaWithSatisfactoryAssurance_PermittedIfMinimumNecessary(LegalInstrument instrument)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.LitigationParty, DisclosurePurpose.JudicialProceeding, instrument: instrument));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mn | Account);
        decision.ShouldFind(ConfidentialityRuleCodes.Judicial, Outcome.Pass, ConfidentialityCitations.HipaaJudicial);
        decision.AccountingEntry!.Categories.Should().Be(DataCategories.Diagnoses);
    }

    [Theory]
    [InlineData(LegalInstrument.BareSubpoena, "bareSubpoena")]
    [InlineData(LegalInstrument.None, "none")]
    [InlineData(LegalInstrument.Warrant, "warrant")]
    [InlineData(LegalInstrument.GrandJurySubpoena, "grandJurySubpoena")]
    [InlineData(LegalInstrument.AdministrativeRequest, "administrativeRequest")]
    public void Decide_JudicialWithoutAnOrderOrAssurance_DeniedNamingTheInstrument(LegalInstrument instrument, string evidence)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, instrument: instrument));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.AccountingEntry.Should().BeNull();
        decision.ShouldFind(ConfidentialityRuleCodes.Judicial, Outcome.Violation, ConfidentialityCitations.HipaaJudicial)
            .Evidence.Should().Equal(Evidence.OfCode("instrument", evidence), Evidence.OfCode("withheld", "diagnoses"));
    }

    [Fact]
    public void Decide_JudicialOrderAgainstABareSubpoena_SameRequestOppositeAnswers()
    {
        DisclosureDecision order = Decide(Hipaa, Request(RecipientRole.LitigationParty, DisclosurePurpose.JudicialProceeding, instrument: LegalInstrument.CourtOrder));
        DisclosureDecision subpoena = Decide(Hipaa, Request(RecipientRole.LitigationParty, DisclosurePurpose.JudicialProceeding, instrument: LegalInstrument.BareSubpoena));

        order.IsPermitted.Should().BeTrue();
        subpoena.IsPermitted.Should().BeFalse();
    }

    [Fact]
    public void Decide_DefendingAnActionTheyBrought_ItIsAHealthCareOperationWithoutAccounting()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, facts: DisclosureFacts.DefendingActionByPatient));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mn);
        decision.ShouldFind(ConfidentialityRuleCodes.TreatmentPaymentOperations, Outcome.Pass, ConfidentialityCitations.HipaaTreatmentPaymentOperations);
        decision.AccountingEntry.Should().BeNull("164.528(a)(1)(i)");
    }

    // ---- Law enforcement: 164.512(f) -------------------------------------------------------------------------------

    [Theory]
    [InlineData(LegalInstrument.Warrant)]
    [InlineData(LegalInstrument.GrandJurySubpoena)]
    [InlineData(LegalInstrument.CourtOrder)]
    public void Decide_LawEnforcementWithJudicialProcess_PermittedIfLimitedToTheProcess(LegalInstrument instrument)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, instrument: instrument));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mandate | Account);
        decision.ShouldFind(ConfidentialityRuleCodes.LawEnforcement, Outcome.Pass, ConfidentialityCitations.HipaaLawEnforcement);
        decision.AccountingEntry.Should().NotBeNull("164.528(a)(1)(vii) exempts only custodial disclosures under 164.512(k)(5)");
    }

    [Fact]
    public void Decide_LawEnforcementAdministrativeRequest_PermittedIfMinimumNecessary()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, instrument: LegalInstrument.AdministrativeRequest));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mn | Account);
    }

    [Fact]
    public void Decide_IdentificationRequest_OnlyIdentifyingDataGo_TheRestWithheld()
    {
        DataCategories asked = DataCategories.Demographics | DataCategories.Appointments | DataCategories.Diagnoses | DataCategories.TestResults;

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, asked, facts: DisclosureFacts.IdentificationRequest));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Allowed.Should().Be(DataCategories.Demographics | DataCategories.Appointments);
        decision.Withheld.Should().Be(DataCategories.Diagnoses | DataCategories.TestResults, "164.512(f)(2)(i) lists the only elements that may go");
        decision.Conditions.Should().HaveFlag(DisclosureConditions.IdentificationDataOnly);
        decision.Verdicts.Single(v => v.Code == ConfidentialityRuleCodes.LawEnforcement && v.Outcome == Outcome.Violation)
            .Evidence.Should().Equal(Evidence.OfCode("limit", "identification-data-only"), Evidence.OfCode("withheld", "diagnoses"), Evidence.OfCode("withheld", "testResults"));
    }

    [Fact]
    public void Decide_IdentificationRequestForIdentifyingDataOnly_PermittedIfWithAccounting()
    {
        DisclosureDecision decision = Decide(
            Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, DataCategories.Demographics | DataCategories.Appointments, facts: DisclosureFacts.IdentificationRequest));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(DisclosureConditions.IdentificationDataOnly | Account);
        decision.AccountingEntry!.Categories.Should().Be(DataCategories.Demographics | DataCategories.Appointments);
    }

    [Fact]
    public void Decide_IdentificationRequestForClinicalDataOnly_Denied()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, DataCategories.Diagnoses, facts: DisclosureFacts.IdentificationRequest));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Allowed.Should().Be(DataCategories.None);
        decision.Verdicts.Should().NotContain(v => v.Outcome == Outcome.Pass);
    }

    [Theory]
    [InlineData(LegalInstrument.BareSubpoena)]
    [InlineData(LegalInstrument.SubpoenaWithNoticeAssurance)]
    public void Decide_IdentificationRequestBackedByADefectiveProcess_TheInstrumentDecides(LegalInstrument instrument)
    {
        // The identification permission of 164.512(f)(2) is taken only for a plain request; process that does not meet
        // (f)(1)(ii) is refused as such (denying what HIPAA merely permits is always lawful under HIPAA).
        DisclosureDecision decision = Decide(
            Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, DataCategories.Demographics, instrument, DisclosureFacts.IdentificationRequest));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.The(ConfidentialityRuleCodes.LawEnforcement).Texts("instrument").Should().ContainSingle();
    }

    [Fact]
    public void Decide_IdentificationRequestWithAWarrant_TheWarrantDecides()
    {
        DisclosureDecision decision = Decide(
            Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, DataCategories.Demographics | DataCategories.Diagnoses, LegalInstrument.Warrant, DisclosureFacts.IdentificationRequest));

        decision.Allowed.Should().Be(DataCategories.Demographics | DataCategories.Diagnoses);
        decision.Conditions.Should().Be(Mandate | Account);
    }

    [Theory]
    [InlineData(LegalInstrument.BareSubpoena, "bareSubpoena")]
    [InlineData(LegalInstrument.None, "none")]
    [InlineData(LegalInstrument.SubpoenaWithNoticeAssurance, "subpoenaWithNoticeAssurance")]
    public void Decide_LawEnforcementWithoutProcess_DeniedNamingTheInstrument(LegalInstrument instrument, string evidence) =>
        Decide(Hipaa, Request(RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, instrument: instrument))
            .ShouldFind(ConfidentialityRuleCodes.LawEnforcement, Outcome.Violation, ConfidentialityCitations.HipaaLawEnforcement)
            .Texts("instrument").Should().Equal(evidence);

    // ---- Serious threat and the duty to protect: 164.512(j) ---------------------------------------------------------

    [Fact]
    public void Decide_ThreatNotSeriousAndImminent_DeniedEvenInAMandatoryState()
    {
        DisclosureDecision decision = Decide(California, Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, facts: DisclosureFacts.RecipientCanPreventThreat));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.ShouldFind(ConfidentialityRuleCodes.SeriousThreat, Outcome.Violation, ConfidentialityCitations.HipaaSeriousThreat)
            .Texts("missing").Should().Equal("serious-and-imminent-threat");
        decision.AccountingEntry.Should().BeNull();
    }

    [Theory]
    [InlineData(RecipientRole.LawEnforcement)]
    [InlineData(RecipientRole.FamilyOrFriend)]
    [InlineData(RecipientRole.Other)]
    public void Decide_ThreatToSomeoneUnableToPreventIt_Denied(RecipientRole role)
    {
        DisclosureDecision decision = Decide(California, Request(role, DisclosurePurpose.Threat, facts: DisclosureFacts.SeriousAndImminentThreat));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.The(ConfidentialityRuleCodes.SeriousThreat).Texts("missing").Should().Equal("recipient-able-to-prevent");
    }

    [Theory]
    [InlineData(RecipientRole.PotentialVictim, DisclosureFacts.SeriousAndImminentThreat)]
    [InlineData(RecipientRole.LawEnforcement, DisclosureFacts.SeriousAndImminentThreat | DisclosureFacts.RecipientCanPreventThreat)]
    [InlineData(RecipientRole.FamilyOrFriend, DisclosureFacts.SeriousAndImminentThreat | DisclosureFacts.RecipientCanPreventThreat)]
    public void Decide_ThreatInAMandatoryState_PermittedIfWithTheDutyAsAWarning(RecipientRole role, DisclosureFacts facts)
    {
        DisclosureDecision decision = Decide(California, Request(role, DisclosurePurpose.Threat, DataCategories.Demographics | DataCategories.Diagnoses, facts: facts));

        using var scope = new AssertionScope();
        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(DataCategories.Demographics | DataCategories.Diagnoses);
        decision.Conditions.Should().Be(Mn | Account);
        decision.ShouldFind(ConfidentialityRuleCodes.SeriousThreat, Outcome.Pass, ConfidentialityCitations.HipaaSeriousThreat);
        decision.ShouldFind(ConfidentialityRuleCodes.DutyToProtect, Outcome.Warning, DutyToProtectTable.Source).Evidence.Should().Equal(Evidence.OfCode("duty", "mandatory"));
        decision.AccountingEntry.Should().NotBeNull();
    }

    [Theory]
    [InlineData("US-TX", "permissive", "state-duty")]
    [InlineData("US-NV", "none", "state-duty")]
    [InlineData("US-NY", "permissive", "state-duty-disputed")]
    [InlineData(null, "unknown", "state-duty")]
    public void Decide_ThreatOutsideAnUndisputedMandatoryState_NeedsReview(string? state, string duty, string stateFactor)
    {
        ConfidentialitySettings settings = state is null ? Hipaa : ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", state));

        DisclosureDecision decision = Decide(settings, Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, facts: DisclosureFacts.SeriousAndImminentThreat));

        using var scope = new AssertionScope();
        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.UnderReview.Should().Be(DataCategories.Diagnoses);
        decision.Allowed.Should().Be(DataCategories.None);
        decision.Factors.Should().Equal("good-faith-belief", "consistent-with-law-and-ethics", stateFactor);
        decision.ShouldFind(ConfidentialityRuleCodes.SeriousThreat, Outcome.NeedsReview, ConfidentialityCitations.HipaaSeriousThreat);
        decision.ShouldFind(ConfidentialityRuleCodes.DutyToProtect, Outcome.NeedsReview, DutyToProtectTable.Source).Texts("duty").Should().Equal(duty);
        decision.Conditions.Should().Be(Mn | Account);
        decision.AccountingEntry!.Categories.Should().Be(DataCategories.Diagnoses, "a reviewed disclosure, once made, is accounted for");
    }

    [Fact]
    public void Decide_ThreatInAMandatoryStateMarkedDisputed_NeedsReview()
    {
        ConfidentialitySettings disputed = California with { DutyToProtectDisputed = true };

        DisclosureDecision decision = Decide(disputed, Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, facts: DisclosureFacts.SeriousAndImminentThreat));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Contain("state-duty-disputed");
        decision.The(ConfidentialityRuleCodes.DutyToProtect).Texts("duty").Should().Equal("mandatory");
    }

    [Fact]
    public void ForUsJurisdiction_TakesTheDutyFromTheTable()
    {
        California.DutyToProtect.Should().Be(DutyToProtect.Mandatory);
        ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-NY")).Should().Be(Hipaa with { DutyToProtect = DutyToProtect.Permissive, DutyToProtectDisputed = true });
        ConfidentialitySettings.ForUsJurisdiction(Jurisdiction.UnitedStates).Should().Be(Hipaa);
        Hipaa.DutyToProtect.Should().Be(DutyToProtect.Unknown);
        FluentActions.Invoking(() => ConfidentialitySettings.ForUsJurisdiction(null!)).Should().Throw<ArgumentNullException>();
    }

    // ---- Minors and personal representatives: 164.502(g) ------------------------------------------------------------

    [Fact]
    public void Decide_ParentWithoutAMinorFact_IsTreatedAsThePatient()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, DataCategories.Diagnoses | DataCategories.TreatmentSummary));

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Allowed.Should().Be(DataCategories.Diagnoses | DataCategories.TreatmentSummary);
        decision.ShouldFind(ConfidentialityRuleCodes.PatientAccess, Outcome.Pass, ConfidentialityCitations.HipaaAccess);
        decision.AccountingEntry.Should().BeNull();
    }

    [Theory]
    [InlineData(DisclosureFacts.MinorConsentedAlone)]
    [InlineData(DisclosureFacts.MinorCareCourtAuthorized)]
    [InlineData(DisclosureFacts.ParentAgreedToConfidentiality)]
    public void Decide_ParentOfAMinorWhoControlsTheCare_StateLawSilent_LicensedProfessionalDecides(DisclosureFacts fact)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: fact));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.UnderReview.Should().Be(DataCategories.Diagnoses);
        decision.Factors.Should().Equal("licensed-professional-judgement");
        decision.ShouldFind(ConfidentialityRuleCodes.PersonalRepresentative, Outcome.NeedsReview, ConfidentialityCitations.HipaaPersonalRepresentatives);
        decision.Has(ConfidentialityRuleCodes.PatientAccess).Should().BeFalse("the parent is not the personal representative for this care (164.502(g)(3)(i))");
    }

    [Theory]
    [InlineData(DisclosureFacts.MinorConsentedAlone)]
    [InlineData(DisclosureFacts.MinorCareCourtAuthorized)]
    [InlineData(DisclosureFacts.ParentAgreedToConfidentiality)]
    public void Decide_ParentOfAMinorWhoControlsTheCare_StateLawPermits_PermittedIfLimitedToTheLaw(DisclosureFacts fact)
    {
        ConfidentialitySettings settings = Hipaa with { MinorParentAccess = MinorParentAccess.PermittedByStateLaw, StateLawSource = StateLaw };

        DisclosureDecision decision = Decide(settings, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: fact));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.Conditions.Should().Be(Mandate, "164.502(g)(3)(ii)(A): if, and to the extent, state law permits");
        decision.ShouldFind(ConfidentialityRuleCodes.PersonalRepresentative, Outcome.Pass, ConfidentialityCitations.HipaaPersonalRepresentatives);
        decision.ShouldFind(ConfidentialityRuleCodes.LegalMandateScope, Outcome.Warning, StateLaw);
    }

    [Fact]
    public void Decide_ParentOfAMinor_StateLawPermitsWithoutASource_CitesLocalLawNotCited() =>
        Decide(Hipaa with { MinorParentAccess = MinorParentAccess.PermittedByStateLaw }, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.MinorConsentedAlone))
            .The(ConfidentialityRuleCodes.LegalMandateScope).Citation.Should().Be(ConfidentialityCitations.LocalLawNotCited);

    [Theory]
    [InlineData(DisclosureFacts.MinorConsentedAlone)]
    [InlineData(DisclosureFacts.MinorCareCourtAuthorized)]
    [InlineData(DisclosureFacts.ParentAgreedToConfidentiality)]
    public void Decide_ParentOfAMinorWhoControlsTheCare_StateLawProhibits_Denied(DisclosureFacts fact)
    {
        DisclosureDecision decision = Decide(
            Hipaa with { MinorParentAccess = MinorParentAccess.ProhibitedByStateLaw }, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: fact));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.ShouldFind(ConfidentialityRuleCodes.PersonalRepresentative, Outcome.Violation, ConfidentialityCitations.HipaaPersonalRepresentatives)
            .Texts("stateLaw").Should().Equal("prohibits-parent-access");
    }

    [Fact]
    public void Decide_ParentOfAMinor_StateLawProhibits_DeniedEvenWhenTheParentMayAlsoEndangerThePatient()
    {
        // 164.502(g)(3)(ii)(B): where state law prohibits it the practice "may not disclose"; no review can change that.
        DisclosureDecision decision = Decide(
            Hipaa with { MinorParentAccess = MinorParentAccess.ProhibitedByStateLaw },
            Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.MinorConsentedAlone | DisclosureFacts.RepresentativeMayEndanger));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.The(ConfidentialityRuleCodes.PersonalRepresentative).Texts("stateLaw").Should().Equal("prohibits-parent-access");
    }

    [Fact]
    public void Decide_ParentOfAMinor_StateLawPermitsButTheParentMayEndangerThePatient_Review()
    {
        // (g)(3)(ii)(A) permits at most ("may disclose"); a parent who may endanger the minor is for professional judgement.
        DisclosureDecision decision = Decide(
            Hipaa with { MinorParentAccess = MinorParentAccess.PermittedByStateLaw },
            Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.MinorConsentedAlone | DisclosureFacts.RepresentativeMayEndanger));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal("representative-may-endanger-patient");
    }

    [Fact]
    public void Decide_MinorWhoMayLawfullyConsentAlone_GetsTheirOwnRecordsWhateverStateLawSaysOfParents()
    {
        foreach (MinorParentAccess access in Enum.GetValues<MinorParentAccess>())
        {
            DisclosureDecision decision = Decide(
                Hipaa with { MinorParentAccess = access }, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.MinorConsentedAlone));

            decision.Kind.Should().Be(DisclosureDecisionKind.Permitted, "the minor acts as the individual (164.502(g)(3)(i)); state law {0}", access);
            decision.Allowed.Should().Be(DataCategories.Diagnoses);
        }
    }

    [Fact]
    public void Decide_RepresentativeWhoMayEndangerThePatient_NeedsReview()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.RepresentativeMayEndanger));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal("representative-may-endanger-patient");
        decision.ShouldFind(ConfidentialityRuleCodes.PersonalRepresentative, Outcome.NeedsReview, ConfidentialityCitations.HipaaPersonalRepresentatives);
    }

    [Fact]
    public void Decide_PatientAskingWithTheRepresentativeFact_IgnoresIt() =>
        Decide(Hipaa, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, facts: DisclosureFacts.RepresentativeMayEndanger)).Kind.Should().Be(DisclosureDecisionKind.Permitted);

    [Fact]
    public void Decide_ParentOfAMinor_StateLawPermits_PsychotherapyNotesStillNeedTheirAuthorization()
    {
        // 164.508(a)(2) applies "notwithstanding any provision of this subpart" and lists no exception for a parent who is
        // not the personal representative; the patient's own request only puts the notes under review (164.524(a)(1)(i)).
        ConfidentialitySettings settings = Hipaa with { MinorParentAccess = MinorParentAccess.PermittedByStateLaw, StateLawSource = StateLaw };

        DisclosureDecision decision = Decide(
            settings, Request(RecipientRole.PersonalRepresentative, DisclosurePurpose.PatientRequest, DataCategories.PsychotherapyNotes | DataCategories.Diagnoses, facts: DisclosureFacts.MinorConsentedAlone));

        decision.Allowed.Should().NotHaveFlag(DataCategories.PsychotherapyNotes);
    }

    // ---- Access: 164.524 -----------------------------------------------------------------------------------------------

    [Fact]
    public void Decide_PatientAccessToPsychotherapyNotes_ReviewedTheRestAllowed_NothingAccounted()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, DataCategories.PsychotherapyNotes | DataCategories.Diagnoses));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.UnderReview.Should().Be(DataCategories.PsychotherapyNotes, "164.524(a)(1)(i): no right of access to psychotherapy notes");
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.Factors.Should().Equal("psychotherapy-notes-outside-right-of-access");
        decision.Verdicts.Where(v => v.Code == ConfidentialityRuleCodes.PatientAccess).Select(v => v.Outcome).Should().Equal(Outcome.NeedsReview, Outcome.Pass);
        decision.AccountingEntry.Should().BeNull("164.528(a)(1)(ii)");
    }

    [Fact]
    public void Decide_PatientAccessMayEndangerLife_ReviewNotDenial()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, DataCategories.Diagnoses | DataCategories.TestResults, facts: DisclosureFacts.AccessMayEndangerLife));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview, "164.524(a)(3)(i) is a reviewable ground, decided by a licensed professional");
        decision.UnderReview.Should().Be(DataCategories.Diagnoses | DataCategories.TestResults);
        decision.Factors.Should().Equal("access-may-endanger-life");
        decision.ShouldFind(ConfidentialityRuleCodes.PatientAccess, Outcome.NeedsReview, ConfidentialityCitations.HipaaAccess);
        decision.AccountingEntry.Should().BeNull();
    }

    [Fact]
    public void Decide_PatientAccess_SpecialCategoriesAreTheirsToo()
    {
        ConfidentialitySettings settings = Hipaa with { CategoriesNeedingAuthorization = DataCategories.Hiv, StateLawSource = StateLaw };

        DisclosureDecision decision = Decide(settings, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, DataCategories.Hiv | DataCategories.SubstanceUseRecords));

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.ShouldFind(ConfidentialityRuleCodes.PatientAccess, Outcome.Pass, ConfidentialityCitations.Part2PatientAccess);
    }

    // ---- Abuse reports: 164.512(b)(1)(ii) and (c) ------------------------------------------------------------------------

    [Theory]
    [InlineData(DisclosureFacts.ReportRequiredByLaw, DisclosureDecisionKind.PermittedIf, Mandate)]
    [InlineData(DisclosureFacts.PatientAgreed, DisclosureDecisionKind.PermittedIf, Mn)]
    [InlineData(DisclosureFacts.None, DisclosureDecisionKind.NeedsReview, Mn)]
    public void Decide_AdultAbuseReport_GroundDecidesTheKind_PatientIsNotified(DisclosureFacts ground, DisclosureDecisionKind kind, DisclosureConditions scope)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.AbuseReportingAuthority, DisclosurePurpose.AdultAbuseReport, facts: ground));

        decision.Kind.Should().Be(kind);
        decision.Conditions.Should().Be(scope | Notify | Account, "164.512(c)(2): the patient must be told promptly");
        decision.ShouldFind(ConfidentialityRuleCodes.PatientNotice, Outcome.Warning, ConfidentialityCitations.HipaaAdultAbuse);
        decision.ShouldFind(ConfidentialityRuleCodes.AbuseReport, kind == DisclosureDecisionKind.NeedsReview ? Outcome.NeedsReview : Outcome.Pass, ConfidentialityCitations.HipaaAdultAbuse);
        decision.AccountingEntry!.Categories.Should().Be(DataCategories.Diagnoses, "an agreed abuse report is still a 164.512 disclosure, not an authorization");
    }

    [Theory]
    [InlineData(DisclosureFacts.ReportRequiredByLaw)]
    [InlineData(DisclosureFacts.PatientAgreed)]
    [InlineData(DisclosureFacts.None)]
    public void Decide_AdultAbuseReport_NoticeWouldEndanger_NoNotice(DisclosureFacts ground)
    {
        DisclosureDecision decision = Decide(
            Hipaa, Request(RecipientRole.AbuseReportingAuthority, DisclosurePurpose.AdultAbuseReport, facts: ground | DisclosureFacts.PatientNoticeWouldEndanger));

        decision.Conditions.Should().NotHaveFlag(Notify);
        decision.Has(ConfidentialityRuleCodes.PatientNotice).Should().BeFalse();
        decision.AccountingEntry.Should().NotBeNull();
    }

    [Fact]
    public void Decide_AdultAbuseReportWithoutAGround_FactorsAreTheStatuteAndTheHarm() =>
        Decide(Hipaa, Request(RecipientRole.AbuseReportingAuthority, DisclosurePurpose.AdultAbuseReport))
            .Factors.Should().Equal("expressly-authorized-by-statute", "prevents-serious-harm");

    [Fact]
    public void Decide_AdultAbuseReport_RequiredByLawWinsOverAgreement() =>
        Decide(Hipaa, Request(RecipientRole.AbuseReportingAuthority, DisclosurePurpose.AdultAbuseReport, facts: DisclosureFacts.ReportRequiredByLaw | DisclosureFacts.PatientAgreed))
            .Conditions.Should().Be(Mandate | Notify | Account);

    [Theory]
    [InlineData(RecipientRole.AbuseReportingAuthority)]
    [InlineData(RecipientRole.PublicHealthAuthority)]
    public void Decide_ChildAbuseReportToAnAuthority_PermittedIfWithAccounting(RecipientRole role)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, DisclosurePurpose.ChildAbuseReport));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mn | Account, "no notice to the patient: 164.512(c)(2) is for adults");
        decision.ShouldFind(ConfidentialityRuleCodes.AbuseReport, Outcome.Pass, ConfidentialityCitations.HipaaChildAbuse);
    }

    // ---- People involved in care: 164.510(b) -------------------------------------------------------------------------------

    [Fact]
    public void Decide_FamilyWhenThePatientAgreed_PermittedIfMinimumNecessaryWithoutAccounting()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.FamilyOrFriend, DisclosurePurpose.FamilyInvolvement, facts: DisclosureFacts.PatientAgreed));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Conditions.Should().Be(Mn);
        decision.AccountingEntry.Should().BeNull("164.528(a)(1)(v)");
    }

    [Theory]
    [InlineData(DisclosureFacts.PatientObjected)]
    [InlineData(DisclosureFacts.PatientObjected | DisclosureFacts.PatientAgreed)]
    [InlineData(DisclosureFacts.PatientObjected | DisclosureFacts.PatientIncapable)]
    public void Decide_FamilyWhenThePatientObjected_Denied(DisclosureFacts facts)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.FamilyOrFriend, DisclosurePurpose.FamilyInvolvement, facts: facts));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.ShouldFind(ConfidentialityRuleCodes.InvolvedInCare, Outcome.Violation, ConfidentialityCitations.HipaaInvolvedInCare).Texts("fact").Should().Equal("patient-objected");
    }

    [Theory]
    [InlineData(DisclosureFacts.PatientIncapable, new[] { "best-interests", "directly-relevant-only" })]
    [InlineData(DisclosureFacts.None, new[] { "agreement-or-opportunity-to-object" })]
    public void Decide_FamilyWithoutAgreement_NeedsReviewWithoutAccounting(DisclosureFacts facts, string[] factors)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.FamilyOrFriend, DisclosurePurpose.FamilyInvolvement, facts: facts));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.Factors.Should().Equal(factors);
        decision.AccountingEntry.Should().BeNull();
    }

    // ---- Special categories by state law ---------------------------------------------------------------------------------------

    [Fact]
    public void Decide_HivProtectedByStateLaw_WithheldForTreatmentWithoutAnAuthorization()
    {
        ConfidentialitySettings settings = Hipaa with { CategoriesNeedingAuthorization = DataCategories.Hiv, StateLawSource = StateLaw };

        DisclosureDecision decision = Decide(settings, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv | DataCategories.Diagnoses));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Withheld.Should().Be(DataCategories.Hiv);
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.ProtectedCategory, Outcome.Violation, StateLaw).Texts("withheld").Should().Equal("hiv");
    }

    [Fact]
    public void Decide_HivProtectedByStateLaw_AllowedWithAnAuthorizationNamingIt()
    {
        ConfidentialitySettings settings = Hipaa with { CategoriesNeedingAuthorization = DataCategories.Hiv, StateLawSource = StateLaw };
        Authorization authorization = Hipaa164508(DataCategories.Hiv, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        DisclosureDecision decision = Decide(settings, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv | DataCategories.Diagnoses), authorization);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Allowed.Should().Be(DataCategories.Hiv | DataCategories.Diagnoses);
        decision.Has(ConfidentialityRuleCodes.ProtectedCategory).Should().BeFalse();
    }

    [Fact]
    public void Decide_HivProtectedWithoutASource_CitesLocalLawNotCited_AndUnprotectedHivGoesLikeAnythingElse()
    {
        Decide(Hipaa with { CategoriesNeedingAuthorization = DataCategories.Hiv }, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv))
            .The(ConfidentialityRuleCodes.ProtectedCategory).Citation.Should().Be(ConfidentialityCitations.LocalLawNotCited);
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Hiv)).Kind.Should().Be(DisclosureDecisionKind.Permitted);
    }

    [Fact]
    public void Settings_UndefinedValues_Refused()
    {
        FluentActions.Invoking(() => Hipaa with { CategoriesNeedingAuthorization = (DataCategories)(1 << 12) }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Hipaa with { Law = (PrivacyLaw)5 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Hipaa with { DutyToProtect = (DutyToProtect)9 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Hipaa with { MinorParentAccess = (MinorParentAccess)9 }).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Decide_NullArguments_Throw()
    {
        DisclosureRequest request = Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        FluentActions.Invoking(() => DisclosureCheck.Decide(null!, request, [])).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DisclosureCheck.Decide(Hipaa, null!, [])).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DisclosureCheck.Decide(Hipaa, request, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DisclosureCheck.Decide(Hipaa, request, [null!])).Should().Throw<ArgumentNullException>();
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------------------------

    private static string CamelName(DataCategories category)
    {
        string name = category.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }
}
