using FluentAssertions.Execution;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// Substance-use-disorder records under 42 CFR Part 2 (with <see cref="ConfidentialitySettings.Hipaa"/>, where
/// <see cref="ConfidentialitySettings.Part2Applies"/> is true): consent (2.31, 2.33(a)(2)) with the redisclosure notice
/// (2.32), medical emergencies (2.51), subpart E court orders (2.61) against other legal process, child-abuse reports
/// (2.12(c)(6)), SUD counseling notes, and practices Part 2 does not reach.
/// </summary>
public class DisclosureCheckPart2Tests
{
    private const DataCategories Sud = DataCategories.SubstanceUseRecords;

    private const DataCategories CounselingNotes = DataCategories.SubstanceUseCounselingNotes;

    private const DataCategories SudAndDiagnoses = DataCategories.SubstanceUseRecords | DataCategories.Diagnoses;

    [Fact]
    public void Decide_SudRecordsForTreatmentWithoutConsent_WithheldThoughHipaaAllowsTheRest()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, SudAndDiagnoses));

        using var scope = new AssertionScope();
        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Withheld.Should().Be(Sud);
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.Part2, Outcome.Violation, ConfidentialityCitations.Part2Consent)
            .Evidence.Should().Equal(Evidence.OfCode("instrument", "none"), Evidence.OfCode("withheld", "substanceUseRecords"));
        decision.ShouldFind(ConfidentialityRuleCodes.TreatmentPaymentOperations, Outcome.Pass, ConfidentialityCitations.HipaaTreatmentPaymentOperations);
    }

    [Fact]
    public void Decide_Part2ConsentNamingTheProviderForTreatment_AllowedWithTheRedisclosureNotice()
    {
        Authorization consent = Sign(AuthorizationKind.Part2Consent, Sud, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, SudAndDiagnoses), consent);

        using var scope = new AssertionScope();
        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(SudAndDiagnoses);
        decision.Conditions.Should().Be(DisclosureConditions.RedisclosureNotice);
        decision.ShouldFind(ConfidentialityRuleCodes.Authorized, Outcome.Pass, ConfidentialityCitations.Part2Consent);
        decision.ShouldFind(ConfidentialityRuleCodes.RedisclosureNotice, Outcome.Warning, ConfidentialityCitations.Part2RedisclosureNotice);
        decision.Has(ConfidentialityRuleCodes.Part2).Should().BeFalse();
        decision.AccountingEntry.Should().BeNull();
    }

    [Fact]
    public void Decide_Part2ConsentNamingOnlyOtherCategories_NoRedisclosureNotice()
    {
        Authorization consent = Sign(AuthorizationKind.Part2Consent, DataCategories.Diagnoses, RecipientRole.Other, DisclosurePurpose.Research);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.Research), consent);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Has(ConfidentialityRuleCodes.RedisclosureNotice).Should().BeFalse();
    }

    [Theory]
    [InlineData(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment)]
    [InlineData(RecipientRole.HealthPlan, DisclosurePurpose.Payment)]
    [InlineData(RecipientRole.BusinessAssociate, DisclosurePurpose.HealthCareOperations)]
    [InlineData(RecipientRole.HealthPlan, DisclosurePurpose.HealthCareOperations)]
    public void Decide_SingleConsentForTreatmentPaymentAndOperations_CoversEach(RecipientRole role, DisclosurePurpose purpose)
    {
        // 2.33(a)(2) with 2.31(a)(4)(i): "my treating providers, health plans, third-party payers, and people helping to operate this program".
        Authorization consent = Authorization.Sign(
            new AuthorizationId("a-1"), ThePatient, AuthorizationKind.Part2Consent, AuthorizationGrantor.Patient,
            [new DisclosureRecipient(RecipientRole.TreatingProvider), new DisclosureRecipient(RecipientRole.HealthPlan), new DisclosureRecipient(RecipientRole.BusinessAssociate)],
            [DisclosurePurpose.Treatment, DisclosurePurpose.Payment, DisclosurePurpose.HealthCareOperations], Sud, SignedAt, null, "revoked-in-writing");

        DisclosureDecision decision = Decide(Hipaa, Request(role, purpose, SudAndDiagnoses, party: "party-3"), consent);

        decision.IsPermitted.Should().BeTrue();
        decision.Allowed.Should().Be(SudAndDiagnoses);
        decision.Conditions.Should().HaveFlag(DisclosureConditions.RedisclosureNotice);
    }

    [Fact]
    public void Decide_SingleTpoConsent_DoesNotReachOtherPurposes()
    {
        Authorization consent = Authorization.Sign(
            new AuthorizationId("a-1"), ThePatient, AuthorizationKind.Part2Consent, AuthorizationGrantor.Patient, [new DisclosureRecipient(RecipientRole.TreatingProvider)],
            [DisclosurePurpose.Treatment, DisclosurePurpose.Payment, DisclosurePurpose.HealthCareOperations], Sud, SignedAt, ExpiresAt);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Research, Sud), consent);

        decision.Withheld.Should().Be(Sud);
    }

    [Fact]
    public void Decide_MedicalEmergencyToATreatingProvider_AllowedToBeRecordedAfterwards()
    {
        DisclosureDecision decision = Decide(
            Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, SudAndDiagnoses, facts: DisclosureFacts.MedicalEmergency | DisclosureFacts.PatientIncapable));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(SudAndDiagnoses);
        decision.Conditions.Should().Be(DisclosureConditions.RecordEmergency, "2.51(c): document immediately after");
        decision.ShouldFind(ConfidentialityRuleCodes.EmergencyRecord, Outcome.Warning, ConfidentialityCitations.Part2MedicalEmergency);
        decision.AccountingEntry.Should().BeNull();
    }

    [Theory]
    [InlineData(RecipientRole.FamilyOrFriend, DisclosurePurpose.FamilyInvolvement)]
    [InlineData(RecipientRole.PotentialVictim, DisclosurePurpose.Threat)]
    public void Decide_MedicalEmergencyToSomeoneElse_SudWithheld(RecipientRole role, DisclosurePurpose purpose) =>
        Decide(California, Request(role, purpose, Sud, facts: DisclosureFacts.MedicalEmergency | DisclosureFacts.PatientAgreed | DisclosureFacts.SeriousAndImminentThreat))
            .Withheld.Should().Be(Sud, "2.51 is for medical personnel only");

    [Fact]
    public void Decide_NoEmergencyFact_TreatingProviderStillNeedsConsent() =>
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Sud, facts: DisclosureFacts.PatientIncapable)).Withheld.Should().Be(Sud);

    [Theory]
    [InlineData(DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal, LegalInstrument.CourtOrder, "courtOrder")]
    [InlineData(DisclosurePurpose.JudicialProceeding, RecipientRole.LitigationParty, LegalInstrument.SubpoenaWithNoticeAssurance, "subpoenaWithNoticeAssurance")]
    [InlineData(DisclosurePurpose.JudicialProceeding, RecipientRole.LitigationParty, LegalInstrument.SubpoenaWithProtectiveOrder, "subpoenaWithProtectiveOrder")]
    [InlineData(DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, LegalInstrument.Warrant, "warrant")]
    [InlineData(DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, LegalInstrument.GrandJurySubpoena, "grandJurySubpoena")]
    public void Decide_HipaaLegalProcess_DoesNotReachSudRecords(DisclosurePurpose purpose, RecipientRole role, LegalInstrument instrument, string evidence)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, purpose, SudAndDiagnoses, instrument));

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Withheld.Should().Be(Sud, "2.61: only a subpart E order authorizes; a subpoena alone does not");
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.Part2, Outcome.Violation, ConfidentialityCitations.Part2CourtOrders).Texts("instrument").Should().Equal(evidence);
    }

    [Theory]
    [InlineData(DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal)]
    [InlineData(DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement)]
    public void Decide_Part2CourtOrder_SudRecordsGoLimitedToTheOrder(DisclosurePurpose purpose, RecipientRole role)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, purpose, SudAndDiagnoses, LegalInstrument.Part2CourtOrder));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(SudAndDiagnoses);
        decision.Conditions.Should().Be(DisclosureConditions.LimitToLegalMandate | DisclosureConditions.RecordForAccounting);
        decision.ShouldFind(ConfidentialityRuleCodes.Part2, Outcome.Pass, ConfidentialityCitations.Part2CourtOrders);
    }

    [Fact]
    public void Decide_Part2CourtOrderForAPurposeWithoutHipaaGround_StillDenied() =>
        Decide(Hipaa, Request(RecipientRole.Other, DisclosurePurpose.Marketing, Sud, LegalInstrument.Part2CourtOrder)).Withheld.Should().Be(Sud);

    [Fact]
    public void Decide_ChildAbuseReport_SudRecordsGo()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.AbuseReportingAuthority, DisclosurePurpose.ChildAbuseReport, SudAndDiagnoses));

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(SudAndDiagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.Part2, Outcome.Pass, ConfidentialityCitations.Part2ChildAbuseReports);
        decision.ShouldFind(ConfidentialityRuleCodes.AbuseReport, Outcome.Pass, ConfidentialityCitations.HipaaChildAbuse);
    }

    [Fact]
    public void Decide_AdultAbuseReport_SudRecordsStillNeedConsent() =>
        Decide(Hipaa, Request(RecipientRole.AbuseReportingAuthority, DisclosurePurpose.AdultAbuseReport, Sud, facts: DisclosureFacts.ReportRequiredByLaw))
            .Withheld.Should().Be(Sud);

    // ---- SUD counseling notes ------------------------------------------------------------------------------------

    [Fact]
    public void Decide_CounselingNotesUnderARecordsConsent_Withheld()
    {
        Authorization consent = Sign(AuthorizationKind.Part2Consent, Sud, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Sud | CounselingNotes), consent);

        decision.Withheld.Should().Be(CounselingNotes);
        decision.Allowed.Should().Be(Sud);
        decision.ShouldFind(ConfidentialityRuleCodes.Part2, Outcome.Violation, ConfidentialityCitations.Part2Consent).Texts("withheld").Should().Equal("substanceUseCounselingNotes");
    }

    [Theory]
    [InlineData(DisclosurePurpose.Treatment, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.MedicalEmergency)]
    [InlineData(DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal, LegalInstrument.Part2CourtOrder, DisclosureFacts.None)]
    [InlineData(DisclosurePurpose.ChildAbuseReport, RecipientRole.AbuseReportingAuthority, LegalInstrument.None, DisclosureFacts.None)]
    [InlineData(DisclosurePurpose.Treatment, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.OriginatorTreatment)]
    public void Decide_CounselingNotesWithoutTheirOwnConsent_WithheldWhateverTheException(DisclosurePurpose purpose, RecipientRole role, LegalInstrument instrument, DisclosureFacts facts) =>
        Decide(Hipaa, Request(role, purpose, CounselingNotes | DataCategories.Demographics, instrument, facts)).Withheld.Should().Be(CounselingNotes);

    [Fact]
    public void Decide_CounselingNotesWithTheirOwnConsent_Allowed()
    {
        Authorization notesConsent = Sign(AuthorizationKind.Part2Consent, CounselingNotes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-2");
        Authorization recordsConsent = Sign(AuthorizationKind.Part2Consent, Sud, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-1");

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Sud | CounselingNotes), recordsConsent, notesConsent);

        decision.Kind.Should().Be(DisclosureDecisionKind.PermittedIf);
        decision.Allowed.Should().Be(Sud | CounselingNotes);
        decision.The(ConfidentialityRuleCodes.Authorized).Citation.Should().Be(ConfidentialityCitations.Part2Consent);
    }

    [Fact]
    public void Decide_ExpiredPart2Consent_ExplainedWithItsId()
    {
        Authorization consent = Sign(AuthorizationKind.Part2Consent, Sud, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-5");

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Sud, at: ExpiresAt), consent);

        decision.Withheld.Should().Be(Sud);
        decision.The(ConfidentialityRuleCodes.AuthorizationExpired).Evidence.Should().Equal(Evidence.OfId("authorization", "a-5"));
        decision.The(ConfidentialityRuleCodes.Part2).Outcome.Should().Be(Outcome.Violation);
    }

    // ---- Where Part 2 does not apply -----------------------------------------------------------------------------------

    [Fact]
    public void Decide_Part2DoesNotApply_SudRecordsJudgedLikeOtherData()
    {
        ConfidentialitySettings settings = Hipaa with { Part2Applies = false };

        DisclosureDecision treatment = Decide(settings, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Sud | CounselingNotes | DataCategories.Diagnoses));
        DisclosureDecision order = Decide(settings, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, Sud, LegalInstrument.CourtOrder));
        DisclosureDecision subpoena = Decide(settings, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, Sud, LegalInstrument.BareSubpoena));

        using var scope = new AssertionScope();
        treatment.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        treatment.Has(ConfidentialityRuleCodes.Part2).Should().BeFalse();
        order.IsPermitted.Should().BeTrue();
        subpoena.The(ConfidentialityRuleCodes.Judicial).Outcome.Should().Be(Outcome.Violation);
        subpoena.Has(ConfidentialityRuleCodes.Part2).Should().BeFalse();
    }

    [Fact]
    public void Decide_PatientAccessToSudRecords_CitesPart2PatientAccessOnlyWhereItApplies()
    {
        Decide(Hipaa, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, Sud)).The(ConfidentialityRuleCodes.PatientAccess).Citation
            .Should().Be(ConfidentialityCitations.Part2PatientAccess);
        Decide(Hipaa with { Part2Applies = false }, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest, Sud)).The(ConfidentialityRuleCodes.PatientAccess).Citation
            .Should().Be(ConfidentialityCitations.HipaaAccess);
        Decide(Hipaa, Request(RecipientRole.Patient, DisclosurePurpose.PatientRequest)).The(ConfidentialityRuleCodes.PatientAccess).Citation
            .Should().Be(ConfidentialityCitations.HipaaAccess);
    }

    [Fact]
    public void Settings_Part2AppliesByDefaultUnderHipaaNotUnderGdpr()
    {
        Hipaa.Part2Applies.Should().BeTrue();
        Gdpr.Part2Applies.Should().BeFalse();
        Hipaa.Law.Should().Be(PrivacyLaw.Hipaa);
        Gdpr.Law.Should().Be(PrivacyLaw.Gdpr);
    }
}
