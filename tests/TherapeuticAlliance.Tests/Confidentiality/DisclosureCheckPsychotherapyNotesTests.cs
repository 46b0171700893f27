using FluentAssertions.Execution;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// Psychotherapy notes under HIPAA 164.508(a)(2): each exception on its own, the same request without its fact, and a
/// notes-only authorization in force, expired or revoked (164.508(b)(2), (b)(5)). Requests are for psychotherapy notes
/// and diagnoses, so that the other category shows it is decided on its own.
/// </summary>
public class DisclosureCheckPsychotherapyNotesTests
{
    private const DataCategories Notes = DataCategories.PsychotherapyNotes;

    private const DataCategories NotesAndDiagnoses = DataCategories.PsychotherapyNotes | DataCategories.Diagnoses;

    /// <summary>purpose, recipient, instrument, the exception's fact (None for those of (a)(2)(ii) that need none), the settings' name.</summary>
    public static TheoryData<string, DisclosurePurpose, RecipientRole, LegalInstrument, DisclosureFacts, bool> Exceptions => new()
    {
        // (a)(2)(i)(A): use by the originator for treatment.
        { "(i)(A) originator", DisclosurePurpose.Treatment, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.OriginatorTreatment, false },
        // (a)(2)(i)(B): the practice's own supervised training program.
        { "(i)(B) training", DisclosurePurpose.Training, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.SupervisedTraining, false },
        // (a)(2)(i)(C): defending itself in an action the patient brought.
        { "(i)(C) defence in court", DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal, LegalInstrument.None, DisclosureFacts.DefendingActionByPatient, false },
        { "(i)(C) defence, counsel", DisclosurePurpose.HealthCareOperations, RecipientRole.LitigationParty, LegalInstrument.None, DisclosureFacts.DefendingActionByPatient, false },
        // (a)(2)(ii): 164.502(a)(2)(ii), 164.512(a), (d) of the originator, (g)(1), (j)(1)(i).
        { "(ii) HHS", DisclosurePurpose.ComplianceInvestigation, RecipientRole.HhsSecretary, LegalInstrument.None, DisclosureFacts.None, false },
        { "(ii) required by law", DisclosurePurpose.RequiredByLaw, RecipientRole.Other, LegalInstrument.None, DisclosureFacts.None, false },
        { "(ii) oversight of the originator", DisclosurePurpose.HealthOversight, RecipientRole.HealthOversightAgency, LegalInstrument.None, DisclosureFacts.OversightOfOriginator, false },
        { "(ii) coroner", DisclosurePurpose.DecedentInvestigation, RecipientRole.CoronerOrMedicalExaminer, LegalInstrument.None, DisclosureFacts.None, false },
        { "(ii) serious threat", DisclosurePurpose.Threat, RecipientRole.PotentialVictim, LegalInstrument.None, DisclosureFacts.SeriousAndImminentThreat, true },

        // Compulsory process is "required by law" (164.103), so 164.512(a) applies, with the procedure of (e) or (f).
        { "(ii) 512(a): a court order", DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal, LegalInstrument.CourtOrder, DisclosureFacts.None, false },
        { "(ii) 512(a): a court-ordered warrant", DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, LegalInstrument.Warrant, DisclosureFacts.None, false },
        { "(ii) 512(a): a grand-jury subpoena", DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement, LegalInstrument.GrandJurySubpoena, DisclosureFacts.None, false },

        // A report the law requires is a 164.512(a) disclosure that 164.512(a)(2) sends through (b) or (c).
        { "(ii) 512(a): a required child-abuse report", DisclosurePurpose.ChildAbuseReport, RecipientRole.AbuseReportingAuthority, LegalInstrument.None, DisclosureFacts.ReportRequiredByLaw, false },
        { "(ii) 512(a): a required adult-abuse report", DisclosurePurpose.AdultAbuseReport, RecipientRole.AbuseReportingAuthority, LegalInstrument.None, DisclosureFacts.ReportRequiredByLaw, false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Decide_EachException_NotesGoWithoutAnAuthorization(string exception, DisclosurePurpose purpose, RecipientRole role, LegalInstrument instrument, DisclosureFacts fact, bool mandatoryState)
    {
        DisclosureDecision decision = Decide(mandatoryState ? California : Hipaa, Request(role, purpose, NotesAndDiagnoses, instrument, fact));

        using var scope = new AssertionScope(exception);
        decision.IsPermitted.Should().BeTrue();
        decision.Allowed.Should().Be(NotesAndDiagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.PsychotherapyNotes, Outcome.Pass, ConfidentialityCitations.HipaaPsychotherapyNotes);
    }

    /// <summary>The same requests without the exception's fact, or for a purpose 164.508(a)(2) does not list; diagnoses still go.</summary>
    public static TheoryData<string, DisclosurePurpose, RecipientRole, LegalInstrument, DisclosureFacts> WithoutException => new()
    {
        { "treatment by another provider", DisclosurePurpose.Treatment, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.None },
        { "training outside a supervised program", DisclosurePurpose.Training, RecipientRole.TreatingProvider, LegalInstrument.None, DisclosureFacts.None },
        { "operations, not a defence", DisclosurePurpose.HealthCareOperations, RecipientRole.BusinessAssociate, LegalInstrument.None, DisclosureFacts.None },
        { "oversight not of the originator", DisclosurePurpose.HealthOversight, RecipientRole.HealthOversightAgency, LegalInstrument.None, DisclosureFacts.None },
        { "payment, even defending", DisclosurePurpose.Payment, RecipientRole.HealthPlan, LegalInstrument.None, DisclosureFacts.DefendingActionByPatient },
        { "public health", DisclosurePurpose.PublicHealth, RecipientRole.PublicHealthAuthority, LegalInstrument.None, DisclosureFacts.None },
        { "a child-abuse report", DisclosurePurpose.ChildAbuseReport, RecipientRole.AbuseReportingAuthority, LegalInstrument.None, DisclosureFacts.None },
        { "family the patient agreed to", DisclosurePurpose.FamilyInvolvement, RecipientRole.FamilyOrFriend, LegalInstrument.None, DisclosureFacts.PatientAgreed },
        { "the originator's fact for another purpose", DisclosurePurpose.Payment, RecipientRole.HealthPlan, LegalInstrument.None, DisclosureFacts.OriginatorTreatment | DisclosureFacts.SupervisedTraining | DisclosureFacts.OversightOfOriginator },
    };

    [Theory]
    [MemberData(nameof(WithoutException))]
    public void Decide_WithoutTheException_NotesWithheldOtherCategoriesDecidedOnTheirOwn(string situation, DisclosurePurpose purpose, RecipientRole role, LegalInstrument instrument, DisclosureFacts facts)
    {
        DisclosureDecision decision = Decide(Hipaa, Request(role, purpose, NotesAndDiagnoses, instrument, facts));

        using var scope = new AssertionScope(situation);
        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Withheld.Should().Be(Notes);
        decision.Allowed.Should().Be(DataCategories.Diagnoses, "the other category has its own ground");
        decision.ShouldFind(ConfidentialityRuleCodes.PsychotherapyNotes, Outcome.Violation, ConfidentialityCitations.HipaaPsychotherapyNotes)
            .Evidence.Should().Equal(Evidence.OfCode("withheld", "psychotherapyNotes"));
        decision.AccountingEntry.Should().BeNull();
    }

    [Theory]
    [InlineData(LegalInstrument.SubpoenaWithNoticeAssurance)]
    [InlineData(LegalInstrument.SubpoenaWithProtectiveOrder)]
    public void Decide_SubpoenaWithAssurances_NotesWaitOnWhetherACourtIssuedIt(LegalInstrument instrument)
    {
        // 164.103: a subpoena is "required by law" when a court issued it; the (e) assurances let the diagnoses go.
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.LitigationParty, DisclosurePurpose.JudicialProceeding, NotesAndDiagnoses, instrument));

        decision.Kind.Should().Be(DisclosureDecisionKind.NeedsReview);
        decision.UnderReview.Should().Be(Notes);
        decision.Allowed.Should().Be(DataCategories.Diagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.PsychotherapyNotes, Outcome.NeedsReview, ConfidentialityCitations.HipaaRequiredByLawDefinition);
        decision.Factors.Should().Equal("subpoena-issued-by-a-court");
    }

    [Fact]
    public void Decide_ExceptionFactButNoBasisForTheRest_AllDenied()
    {
        // The originator's fact with a health plan: the notes' exception passes, but treatment goes only to a provider.
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.HealthPlan, DisclosurePurpose.Treatment, NotesAndDiagnoses, facts: DisclosureFacts.OriginatorTreatment));

        decision.Withheld.Should().Be(NotesAndDiagnoses);
        decision.The(ConfidentialityRuleCodes.NoLegalBasis).Texts("withheld").Should().Equal("diagnoses", "psychotherapyNotes");
    }

    [Fact]
    public void Decide_ThreatExceptionWithoutTheThreat_NotesDeniedWithEverythingElse()
    {
        DisclosureDecision decision = Decide(California, Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, NotesAndDiagnoses));

        decision.Withheld.Should().Be(NotesAndDiagnoses);
        decision.The(ConfidentialityRuleCodes.SeriousThreat).Outcome.Should().Be(Outcome.Violation);
    }

    // ---- A notes-only authorization ------------------------------------------------------------------------------------

    [Fact]
    public void Decide_NotesOnlyAuthorizationCoveringRecipientAndPurpose_Permitted()
    {
        Authorization authorization = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, NotesAndDiagnoses), authorization);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Allowed.Should().Be(NotesAndDiagnoses);
        decision.ShouldFind(ConfidentialityRuleCodes.Authorized, Outcome.Pass, ConfidentialityCitations.HipaaAuthorizationRequired);
        decision.ShouldFind(ConfidentialityRuleCodes.TreatmentPaymentOperations, Outcome.Pass, ConfidentialityCitations.HipaaTreatmentPaymentOperations);
        decision.Has(ConfidentialityRuleCodes.PsychotherapyNotes).Should().BeFalse("the authorization, not an exception, covers the notes");
    }

    [Fact]
    public void Decide_NotesAuthorizationForAnotherPurposeOrRecipient_DoesNotHelp()
    {
        Authorization otherPurpose = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Payment, id: "a-1");
        Authorization otherRole = Hipaa164508(Notes, RecipientRole.HealthPlan, DisclosurePurpose.Treatment, id: "a-2");
        Authorization otherParty = Sign(AuthorizationKind.HipaaAuthorization, Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-3", party: "dr-9");

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, NotesAndDiagnoses, party: "dr-1"), otherPurpose, otherRole, otherParty);

        decision.Withheld.Should().Be(Notes);
        decision.Has(ConfidentialityRuleCodes.Authorized).Should().BeFalse();
        decision.Has(ConfidentialityRuleCodes.AuthorizationExpired).Should().BeFalse();
    }

    [Fact]
    public void Decide_NotesAuthorizationForAnotherPatient_DoesNotHelp() =>
        Decide(
            Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes),
            Sign(AuthorizationKind.HipaaAuthorization, Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, patient: OtherPatient))
            .Withheld.Should().Be(Notes);

    [Fact]
    public void Decide_ExpiredNotesAuthorization_DeniedWithExpiredEvidenceNamingIt()
    {
        Authorization authorization = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-7");

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, NotesAndDiagnoses, at: ExpiresAt), authorization);

        decision.Kind.Should().Be(DisclosureDecisionKind.Denied);
        decision.Withheld.Should().Be(Notes);
        decision.ShouldFind(ConfidentialityRuleCodes.AuthorizationExpired, Outcome.Violation, ConfidentialityCitations.HipaaDefectiveAuthorization)
            .Evidence.Should().Equal(Evidence.OfId("authorization", "a-7"));
        decision.ShouldFind(ConfidentialityRuleCodes.PsychotherapyNotes, Outcome.Violation, ConfidentialityCitations.HipaaPsychotherapyNotes);
        decision.Has(ConfidentialityRuleCodes.AuthorizationRevoked).Should().BeFalse();
    }

    [Fact]
    public void Decide_RevokedNotesAuthorization_DeniedWithRevokedEvidenceNamingIt()
    {
        Authorization authorization = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-8");
        authorization.Revoke(At - Duration.FromDays(1));

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, NotesAndDiagnoses), authorization);

        decision.Withheld.Should().Be(Notes);
        decision.ShouldFind(ConfidentialityRuleCodes.AuthorizationRevoked, Outcome.Violation, ConfidentialityCitations.HipaaDefectiveAuthorization)
            .Evidence.Should().Equal(Evidence.OfId("authorization", "a-8"));
        decision.Has(ConfidentialityRuleCodes.AuthorizationExpired).Should().BeFalse();
    }

    [Fact]
    public void Decide_RevocationAtT_RequestOneTickBeforeIsCovered_AtTIsNot()
    {
        Authorization authorization = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);
        authorization.Revoke(At);

        DisclosureDecision before = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: At - Duration.Epsilon), authorization);
        DisclosureDecision atRevocation = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: At), authorization);

        before.Kind.Should().Be(DisclosureDecisionKind.Permitted, "164.508(b)(5): action taken in reliance stays covered");
        atRevocation.Kind.Should().Be(DisclosureDecisionKind.Denied);
        atRevocation.Has(ConfidentialityRuleCodes.AuthorizationRevoked).Should().BeTrue();
    }

    [Fact]
    public void Decide_ExpiryAtT_RequestOneTickBeforeIsCovered_AtTIsNot()
    {
        Authorization authorization = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: ExpiresAt - Duration.Epsilon), authorization).Kind.Should().Be(DisclosureDecisionKind.Permitted);
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: ExpiresAt), authorization).Kind.Should().Be(DisclosureDecisionKind.Denied);
    }

    [Fact]
    public void Decide_RequestBeforeTheSignature_NotCoveredAndNothingLapsed()
    {
        Authorization authorization = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: SignedAt - Duration.Epsilon), authorization);

        decision.Withheld.Should().Be(Notes);
        decision.Has(ConfidentialityRuleCodes.AuthorizationExpired).Should().BeFalse();
        decision.Has(ConfidentialityRuleCodes.AuthorizationRevoked).Should().BeFalse();
    }

    [Fact]
    public void Decide_ExpirationEvent_EndsTheAuthorizationFromItsInstant()
    {
        Authorization authorization = Sign(AuthorizationKind.HipaaAuthorization, Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, eventCode: "end-of-treatment");
        authorization.RecordExpirationEvent(At);

        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: At - Duration.Epsilon), authorization).Kind.Should().Be(DisclosureDecisionKind.Permitted);
        Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes, at: At), authorization)
            .Has(ConfidentialityRuleCodes.AuthorizationExpired).Should().BeTrue();
    }

    [Fact]
    public void Decide_ALapsedAndAnActiveAuthorization_TheActiveOneCoversAndNothingIsExplained()
    {
        Authorization lapsed = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-1");
        lapsed.Revoke(SignedAt + Duration.FromDays(1));
        Authorization active = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-2");

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes), lapsed, active);

        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Has(ConfidentialityRuleCodes.AuthorizationRevoked).Should().BeFalse();
    }

    [Fact]
    public void Decide_SeveralLapsedAuthorizations_OneExplanationNamingTheFirstInTheList()
    {
        Authorization expired = Sign(AuthorizationKind.HipaaAuthorization, Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-1", expiresAt: At);
        Authorization revoked = Hipaa164508(Notes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, id: "a-2");
        revoked.Revoke(At - Duration.FromDays(1));
        DisclosureRequest request = Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, Notes);

        DisclosureDecision expiredFirst = Decide(Hipaa, request, expired, revoked);
        DisclosureDecision revokedFirst = Decide(Hipaa, request, revoked, expired);

        expiredFirst.The(ConfidentialityRuleCodes.AuthorizationExpired).Evidence.Should().Equal(Evidence.OfId("authorization", "a-1"));
        expiredFirst.Has(ConfidentialityRuleCodes.AuthorizationRevoked).Should().BeFalse();
        revokedFirst.The(ConfidentialityRuleCodes.AuthorizationRevoked).Evidence.Should().Equal(Evidence.OfId("authorization", "a-2"));
        revokedFirst.Has(ConfidentialityRuleCodes.AuthorizationExpired).Should().BeFalse();
    }

    [Fact]
    public void Decide_LapsedAuthorizationForACategoryThatGoesAnyway_NotExplained()
    {
        // The expired authorization named diagnoses, which go for treatment anyway; nothing it named is withheld.
        Authorization authorization = Hipaa164508(DataCategories.Diagnoses, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);

        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, NotesAndDiagnoses, at: ExpiresAt), authorization);

        decision.Withheld.Should().Be(Notes);
        decision.Has(ConfidentialityRuleCodes.AuthorizationExpired).Should().BeFalse();
    }
}
