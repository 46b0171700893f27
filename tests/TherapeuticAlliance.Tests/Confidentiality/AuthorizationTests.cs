using FluentAssertions.Execution;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// <see cref="Authorization"/>: what <see cref="Authorization.Sign"/> refuses (arguments and the forms of HIPAA
/// 164.508(b)(3)(ii), (c)(1)(v) and 42 CFR 2.31), status at the boundary instants, revocation and expiration events
/// (164.508(b)(5)), events and versions, and which recipients and purposes it names.
/// </summary>
public class AuthorizationTests
{
    private static readonly AuthorizationId Id = new("a-1");

    private static readonly DisclosureRecipient Provider = new(RecipientRole.TreatingProvider);

    // ---- Sign: arguments ---------------------------------------------------------------------------

    [Fact]
    public void Sign_NoRecipient_ThrowsArgumentException() =>
        FluentActions.Invoking(() => SignWith(recipients: [])).Should().Throw<ArgumentException>().WithParameterName("recipients");

    [Fact]
    public void Sign_DefaultRecipient_ThrowsArgumentException() =>
        FluentActions.Invoking(() => SignWith(recipients: [Provider, default])).Should().Throw<ArgumentException>().WithParameterName("recipients");

    [Fact]
    public void Sign_NoPurpose_ThrowsArgumentException() =>
        FluentActions.Invoking(() => SignWith(purposes: [])).Should().Throw<ArgumentException>().WithParameterName("purposes");

    [Fact]
    public void Sign_DuplicatePurposes_ThrowsArgumentException() =>
        FluentActions.Invoking(() => SignWith(purposes: [DisclosurePurpose.Treatment, DisclosurePurpose.Payment, DisclosurePurpose.Treatment]))
            .Should().Throw<ArgumentException>().WithParameterName("purposes");

    [Fact]
    public void Sign_UndefinedPurpose_ThrowsArgumentOutOfRange() =>
        FluentActions.Invoking(() => SignWith(purposes: [(DisclosurePurpose)99])).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Sign_NoCategory_ThrowsArgumentException() =>
        FluentActions.Invoking(() => SignWith(categories: DataCategories.None)).Should().Throw<ArgumentException>().WithParameterName("categories");

    [Theory]
    [InlineData(1 << 11)]
    [InlineData((1 << 2) | (1 << 20))]
    [InlineData(int.MinValue)]
    public void Sign_UndefinedCategoryBits_ThrowsArgumentException(int bits) =>
        FluentActions.Invoking(() => SignWith(categories: (DataCategories)bits)).Should().Throw<ArgumentException>().WithParameterName("categories");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-86_400)]
    public void Sign_ExpiresAtNotAfterSignedAt_ThrowsArgumentException(int seconds) =>
        FluentActions.Invoking(() => SignWith(expiresAt: SignedAt + Duration.FromSeconds(seconds))).Should().Throw<ArgumentException>().WithParameterName("expiresAt");

    [Fact]
    public void Sign_ExpiresOneTickAfterSignature_IsAccepted() =>
        SignWith(expiresAt: SignedAt + Duration.Epsilon).StatusAt(SignedAt).Should().Be(AuthorizationStatus.Active);

    [Theory]
    [InlineData("end of treatment")]
    [InlineData("")]
    [InlineData("-end")]
    [InlineData("end/treatment")]
    public void Sign_BadEventCode_ThrowsArgumentException(string code) =>
        FluentActions.Invoking(() => SignWith(eventCode: code)).Should().Throw<ArgumentException>();

    [Fact]
    public void Sign_DefaultIds_ThrowArgumentException()
    {
        FluentActions.Invoking(() => Authorization.Sign(
                default, ThePatient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [Provider], [DisclosurePurpose.Treatment], DataCategories.Diagnoses, SignedAt, ExpiresAt))
            .Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => Authorization.Sign(
                Id, default, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [Provider], [DisclosurePurpose.Treatment], DataCategories.Diagnoses, SignedAt, ExpiresAt))
            .Should().Throw<ArgumentException>().WithParameterName("patientId");
    }

    [Fact]
    public void Sign_UndefinedKindOrGrantor_ThrowsArgumentOutOfRange()
    {
        FluentActions.Invoking(() => SignWith(kind: (AuthorizationKind)7)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Authorization.Sign(
                Id, ThePatient, AuthorizationKind.HipaaAuthorization, (AuthorizationGrantor)7, [Provider], [DisclosurePurpose.Treatment], DataCategories.Diagnoses, SignedAt, ExpiresAt))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Sign_NullCollections_ThrowArgumentNull()
    {
        FluentActions.Invoking(() => Authorization.Sign(
                Id, ThePatient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, null!, [DisclosurePurpose.Treatment], DataCategories.Diagnoses, SignedAt, ExpiresAt))
            .Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Authorization.Sign(
                Id, ThePatient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [Provider], null!, DataCategories.Diagnoses, SignedAt, ExpiresAt))
            .Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void DisclosureRecipient_BadPartyOrUndefinedRole_Throws()
    {
        FluentActions.Invoking(() => new DisclosureRecipient(RecipientRole.LawEnforcement, "agency 1")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new DisclosureRecipient((RecipientRole)99)).Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- Sign: the forms of the law ------------------------------------------------------------------

    [Theory]
    [InlineData(DataCategories.Demographics)]
    [InlineData(DataCategories.Appointments)]
    [InlineData(DataCategories.Diagnoses)]
    [InlineData(DataCategories.Medications)]
    [InlineData(DataCategories.TestResults)]
    [InlineData(DataCategories.TreatmentSummary)]
    [InlineData(DataCategories.MentalHealthRecords)]
    [InlineData(DataCategories.Hiv)]
    public void Sign_PsychotherapyNotesWithAnythingElse_RefusedAsCompound(DataCategories other)
    {
        // HIPAA 164.508(b)(3)(ii): an authorization for psychotherapy notes may only be combined with another for psychotherapy
        // notes. A US rule: a GDPR explicit consent has no such form.
        foreach (AuthorizationKind kind in (AuthorizationKind[])[AuthorizationKind.HipaaAuthorization, AuthorizationKind.Part2Consent])
        {
            FluentActions.Invoking(() => SignWith(kind: kind, categories: DataCategories.PsychotherapyNotes | other))
                .Should().Throw<DomainRuleException>().Which.Code.Should().Be(AuthorizationRuleCodes.CompoundNotes);
        }
    }

    [Fact]
    public void Sign_PsychotherapyNotesWithSudRecordsInAPart2Consent_RefusedAsCompound() =>
        FluentActions.Invoking(() => SignWith(kind: AuthorizationKind.Part2Consent, categories: DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseRecords))
            .Should().Throw<DomainRuleException>().Which.Code.Should().Be(AuthorizationRuleCodes.CompoundNotes);

    [Fact]
    public void Sign_PsychotherapyNotesAlone_IsAccepted()
    {
        Authorization authorization = SignWith(categories: DataCategories.PsychotherapyNotes);

        authorization.Categories.Should().Be(DataCategories.PsychotherapyNotes);
        authorization.Version.Should().Be(1);
    }

    [Theory]
    [InlineData(DataCategories.SubstanceUseRecords)]
    [InlineData(DataCategories.Diagnoses)]
    [InlineData(DataCategories.PsychotherapyNotes)]
    public void Sign_SudCounselingNotesWithAnythingElse_RefusedAsCompound(DataCategories other) =>
        FluentActions.Invoking(() => SignWith(kind: AuthorizationKind.Part2Consent, categories: DataCategories.SubstanceUseCounselingNotes | other))
            .Should().Throw<DomainRuleException>().Which.Code.Should().Be(AuthorizationRuleCodes.CompoundNotes);

    [Fact]
    public void Sign_SudCounselingNotesAloneInAPart2Consent_IsAccepted() =>
        SignWith(kind: AuthorizationKind.Part2Consent, categories: DataCategories.SubstanceUseCounselingNotes).Kind.Should().Be(AuthorizationKind.Part2Consent);

    [Theory]
    [InlineData(DataCategories.SubstanceUseRecords)]
    [InlineData(DataCategories.SubstanceUseRecords | DataCategories.Diagnoses)]
    [InlineData(DataCategories.SubstanceUseCounselingNotes)]
    public void Sign_SudRecordsInAHipaaAuthorization_RequiresAPart2Consent(DataCategories categories) =>
        FluentActions.Invoking(() => SignWith(categories: categories))
            .Should().Throw<DomainRuleException>().Which.Code.Should().Be(AuthorizationRuleCodes.Part2ConsentRequired);

    [Fact]
    public void Sign_SudRecordsWithOtherCategoriesInAPart2Consent_IsAccepted() =>
        SignWith(kind: AuthorizationKind.Part2Consent, categories: DataCategories.SubstanceUseRecords | DataCategories.Diagnoses | DataCategories.Medications)
            .Categories.Should().HaveFlag(DataCategories.SubstanceUseRecords);

    [Theory]
    [InlineData(AuthorizationKind.HipaaAuthorization)]
    [InlineData(AuthorizationKind.Part2Consent)]
    public void Sign_HipaaOrPart2WithoutExpiration_RequiresOne(AuthorizationKind kind) =>
        FluentActions.Invoking(() => SignWith(kind: kind, noExpiry: true))
            .Should().Throw<DomainRuleException>().Which.Code.Should().Be(AuthorizationRuleCodes.ExpirationRequired);

    [Fact]
    public void Sign_ExplicitConsentWithoutExpiration_IsAcceptedAndStaysActive()
    {
        Authorization consent = SignWith(kind: AuthorizationKind.ExplicitConsent, noExpiry: true);

        consent.ExpiresAt.Should().BeNull();
        consent.ExpirationEventCode.Should().BeNull();
        consent.StatusAt(SignedAt + Duration.FromDays(365 * 50)).Should().Be(AuthorizationStatus.Active);
    }

    [Theory]
    [InlineData(AuthorizationKind.HipaaAuthorization)]
    [InlineData(AuthorizationKind.Part2Consent)]
    public void Sign_ExpirationEventInsteadOfDate_IsAccepted(AuthorizationKind kind)
    {
        Authorization authorization = SignWith(kind: kind, eventCode: "end-of-treatment");

        authorization.ExpirationEventCode.Should().Be("end-of-treatment");
        authorization.StatusAt(SignedAt + Duration.FromDays(10_000)).Should().Be(AuthorizationStatus.Active);
    }

    [Fact]
    public void Sign_KeepsWhatWasSigned()
    {
        var party = new DisclosureRecipient(RecipientRole.HealthPlan, "plan-9");
        Authorization authorization = Authorization.Sign(
            Id, ThePatient, AuthorizationKind.Part2Consent, AuthorizationGrantor.PersonalRepresentative, [Provider, party],
            [DisclosurePurpose.Treatment, DisclosurePurpose.Payment], DataCategories.SubstanceUseRecords, SignedAt, ExpiresAt);

        using var scope = new AssertionScope();
        authorization.Id.Should().Be(Id);
        authorization.PatientId.Should().Be(ThePatient);
        authorization.Kind.Should().Be(AuthorizationKind.Part2Consent);
        authorization.Grantor.Should().Be(AuthorizationGrantor.PersonalRepresentative);
        authorization.Recipients.Should().Equal(Provider, party);
        authorization.Purposes.Should().Equal(DisclosurePurpose.Treatment, DisclosurePurpose.Payment);
        authorization.SignedAt.Should().Be(SignedAt);
        authorization.ExpiresAt.Should().Be(ExpiresAt);
        authorization.RevokedAt.Should().BeNull();
        authorization.ExpirationEventAt.Should().BeNull();
    }

    // ---- Status at the boundary instants ---------------------------------------------------------------

    [Fact]
    public void StatusAt_BeforeSignature_NotYetSigned_AtSignatureActive()
    {
        Authorization authorization = SignWith();

        authorization.StatusAt(SignedAt - Duration.Epsilon).Should().Be(AuthorizationStatus.NotYetSigned);
        authorization.StatusAt(SignedAt).Should().Be(AuthorizationStatus.Active);
    }

    [Fact]
    public void StatusAt_ExpiresAtTheInstant()
    {
        Authorization authorization = SignWith();

        authorization.StatusAt(ExpiresAt - Duration.Epsilon).Should().Be(AuthorizationStatus.Active);
        authorization.StatusAt(ExpiresAt).Should().Be(AuthorizationStatus.Expired);
        authorization.StatusAt(ExpiresAt + Duration.FromDays(1)).Should().Be(AuthorizationStatus.Expired);
    }

    [Fact]
    public void StatusAt_RevokedFromTheInstant_EarlierStaysActive()
    {
        Authorization authorization = SignWith();
        Instant revokedAt = At;

        authorization.Revoke(revokedAt);

        authorization.RevokedAt.Should().Be(revokedAt);
        authorization.StatusAt(SignedAt).Should().Be(AuthorizationStatus.Active);
        authorization.StatusAt(revokedAt - Duration.Epsilon).Should().Be(AuthorizationStatus.Active, "disclosures made in reliance before the revocation stay covered (164.508(b)(5))");
        authorization.StatusAt(revokedAt).Should().Be(AuthorizationStatus.Revoked);
        authorization.StatusAt(ExpiresAt + Duration.FromDays(1)).Should().Be(AuthorizationStatus.Revoked, "revocation comes first in time");
        authorization.StatusAt(SignedAt - Duration.Epsilon).Should().Be(AuthorizationStatus.NotYetSigned);
    }

    [Fact]
    public void StatusAt_ExpirationEvent_ExpiredFromTheInstant()
    {
        Authorization authorization = SignWith(eventCode: "end-of-treatment");

        authorization.RecordExpirationEvent(At);

        authorization.ExpirationEventAt.Should().Be(At);
        authorization.StatusAt(At - Duration.Epsilon).Should().Be(AuthorizationStatus.Active);
        authorization.StatusAt(At).Should().Be(AuthorizationStatus.Expired);
    }

    [Fact]
    public void StatusAt_DateAndEvent_WhicheverComesFirst()
    {
        Authorization authorization = SignWith(expiresAt: ExpiresAt, eventCode: "end-of-treatment");

        authorization.RecordExpirationEvent(At);

        authorization.StatusAt(At).Should().Be(AuthorizationStatus.Expired);
        authorization.StatusAt(ExpiresAt - Duration.Epsilon).Should().Be(AuthorizationStatus.Expired);
    }

    // ---- Revoke and RecordExpirationEvent ---------------------------------------------------------------

    [Fact]
    public void Revoke_AtTheSignature_IsAccepted()
    {
        Authorization authorization = SignWith();

        authorization.Revoke(SignedAt);

        authorization.StatusAt(SignedAt).Should().Be(AuthorizationStatus.Revoked);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(86_400)]
    public void Revoke_Twice_NotActive(int secondsLater)
    {
        Authorization authorization = SignWith();
        authorization.Revoke(At);

        ShouldRefuse(() => authorization.Revoke(At + Duration.FromSeconds(secondsLater)), authorization, AuthorizationRuleCodes.NotActive);
        authorization.RevokedAt.Should().Be(At, "the first revocation stands");
    }

    [Fact]
    public void Revoke_BeforeTheSignature_TimeOrder()
    {
        Authorization authorization = SignWith();

        ShouldRefuse(() => authorization.Revoke(SignedAt - Duration.Epsilon), authorization, AuthorizationRuleCodes.TimeOrder);
        authorization.RevokedAt.Should().BeNull();
    }

    [Fact]
    public void Revoke_BeforeAnEarlierRevocation_TimeOrder()
    {
        Authorization authorization = SignWith();
        authorization.Revoke(At);

        ShouldRefuse(() => authorization.Revoke(At - Duration.Epsilon), authorization, AuthorizationRuleCodes.TimeOrder);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Revoke_AtOrAfterExpiry_NotActive(int secondsAfter)
    {
        Authorization authorization = SignWith();

        ShouldRefuse(() => authorization.Revoke(ExpiresAt + Duration.FromSeconds(secondsAfter)), authorization, AuthorizationRuleCodes.NotActive);
        authorization.RevokedAt.Should().BeNull();
    }

    [Fact]
    public void Revoke_OneTickBeforeExpiry_IsAccepted()
    {
        Authorization authorization = SignWith();

        authorization.Revoke(ExpiresAt - Duration.Epsilon);

        authorization.StatusAt(ExpiresAt - Duration.Epsilon).Should().Be(AuthorizationStatus.Revoked);
    }

    [Fact]
    public void Revoke_AfterTheExpirationEvent_NotActive()
    {
        Authorization authorization = SignWith(eventCode: "end-of-treatment");
        authorization.RecordExpirationEvent(At);

        ShouldRefuse(() => authorization.Revoke(At + Duration.FromDays(1)), authorization, AuthorizationRuleCodes.NotActive);
    }

    [Fact]
    public void RecordExpirationEvent_OnADateExpiringAuthorization_NotActive()
    {
        Authorization authorization = SignWith();

        ShouldRefuse(() => authorization.RecordExpirationEvent(At), authorization, AuthorizationRuleCodes.NotActive);
        authorization.ExpirationEventAt.Should().BeNull();
    }

    [Fact]
    public void RecordExpirationEvent_Twice_OrAfterRevocation_NotActive()
    {
        Authorization twice = SignWith(eventCode: "end-of-treatment");
        twice.RecordExpirationEvent(At);
        Authorization revoked = SignWith(eventCode: "end-of-treatment");
        revoked.Revoke(At);

        ShouldRefuse(() => twice.RecordExpirationEvent(At + Duration.FromDays(1)), twice, AuthorizationRuleCodes.NotActive);
        ShouldRefuse(() => revoked.RecordExpirationEvent(At + Duration.FromDays(1)), revoked, AuthorizationRuleCodes.NotActive);
    }

    [Fact]
    public void RecordExpirationEvent_BeforeTheSignature_TimeOrder()
    {
        Authorization authorization = SignWith(eventCode: "end-of-treatment");

        ShouldRefuse(() => authorization.RecordExpirationEvent(SignedAt - Duration.Epsilon), authorization, AuthorizationRuleCodes.TimeOrder);
    }

    // ---- Events and version ------------------------------------------------------------------------------

    [Fact]
    public void Sign_RecordsOneSignedEventAtVersionOne()
    {
        Authorization authorization = SignWith(kind: AuthorizationKind.Part2Consent, categories: DataCategories.SubstanceUseRecords);

        authorization.Version.Should().Be(1);
        authorization.PendingEvents.Should().Equal(new AuthorizationSigned(Id, 1, SignedAt, ThePatient, AuthorizationKind.Part2Consent));
    }

    [Fact]
    public void Revoke_RecordsAnEndedEventAndBumpsTheVersion()
    {
        Authorization authorization = SignWith();

        authorization.Revoke(At);

        authorization.Version.Should().Be(2);
        authorization.PendingEvents.Should().HaveCount(2);
        authorization.PendingEvents[1].Should().Be(new AuthorizationEnded(Id, 2, At, AuthorizationStatus.Revoked));
    }

    [Fact]
    public void RecordExpirationEvent_RecordsAnEndedEventWithExpired()
    {
        Authorization authorization = SignWith(eventCode: "end-of-treatment");

        authorization.RecordExpirationEvent(At);

        authorization.PendingEvents[^1].Should().Be(new AuthorizationEnded(Id, 2, At, AuthorizationStatus.Expired));
    }

    [Fact]
    public void DequeueEvents_ReturnsThemOldestFirstAndClears_VersionStays()
    {
        Authorization authorization = SignWith();
        authorization.Revoke(At);

        IReadOnlyList<AuthorizationEvent> events = authorization.DequeueEvents();

        events.Select(e => e.Version).Should().Equal(1, 2);
        events.Should().AllSatisfy(e => e.AuthorizationId.Should().Be(Id));
        authorization.PendingEvents.Should().BeEmpty();
        authorization.Version.Should().Be(2);
        authorization.DequeueEvents().Should().BeEmpty();
    }

    // ---- ToString ------------------------------------------------------------------------------------------

    [Fact]
    public void ToString_HoldsIdKindCategoriesAndVersionOnly()
    {
        Authorization authorization = Authorization.Sign(
            Id, ThePatient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [new DisclosureRecipient(RecipientRole.Other, "employer-7")],
            [DisclosurePurpose.Marketing], DataCategories.Diagnoses | DataCategories.Medications, SignedAt, null, "end-of-study");

        authorization.ToString().Should().Be("Authorization a-1 HipaaAuthorization [Diagnoses, Medications] v1");
        authorization.Revoke(At);
        authorization.ToString().Should().Be("Authorization a-1 HipaaAuthorization [Diagnoses, Medications] v2");
    }

    // ---- Names -----------------------------------------------------------------------------------------------

    [Fact]
    public void Names_PartySpecificRecipient_CoversOnlyThatParty()
    {
        Authorization authorization = SignWith(recipients: [new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-1")], purposes: [DisclosurePurpose.LawEnforcement]);

        using var scope = new AssertionScope();
        authorization.Names(new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-1"), DisclosurePurpose.LawEnforcement).Should().BeTrue();
        authorization.Names(new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-2"), DisclosurePurpose.LawEnforcement).Should().BeFalse();
        authorization.Names(new DisclosureRecipient(RecipientRole.LawEnforcement, "AGENCY-1"), DisclosurePurpose.LawEnforcement).Should().BeFalse("ids are ordinal");
        authorization.Names(new DisclosureRecipient(RecipientRole.LawEnforcement), DisclosurePurpose.LawEnforcement).Should().BeFalse("an unnamed officer is not the named agency");
        authorization.Names(new DisclosureRecipient(RecipientRole.CourtOrTribunal, "agency-1"), DisclosurePurpose.LawEnforcement).Should().BeFalse("the role must match");
    }

    [Fact]
    public void Names_RoleOnlyRecipient_CoversAnyoneInTheRole()
    {
        Authorization authorization = SignWith(recipients: [new DisclosureRecipient(RecipientRole.LawEnforcement)], purposes: [DisclosurePurpose.LawEnforcement]);

        using var scope = new AssertionScope();
        authorization.Names(new DisclosureRecipient(RecipientRole.LawEnforcement), DisclosurePurpose.LawEnforcement).Should().BeTrue();
        authorization.Names(new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-2"), DisclosurePurpose.LawEnforcement).Should().BeTrue();
        authorization.Names(new DisclosureRecipient(RecipientRole.HealthPlan), DisclosurePurpose.LawEnforcement).Should().BeFalse();
    }

    [Fact]
    public void Names_EveryPurposeNamedAndNoOther()
    {
        DisclosurePurpose[] named = [DisclosurePurpose.Treatment, DisclosurePurpose.Marketing, DisclosurePurpose.Research];
        Authorization authorization = SignWith(purposes: named);

        foreach (DisclosurePurpose purpose in Enum.GetValues<DisclosurePurpose>())
        {
            authorization.Names(Provider, purpose).Should().Be(named.Contains(purpose), "purpose {0}", purpose);
        }
    }

    [Fact]
    public void Names_AnyOfSeveralRecipients_AndWhateverTheStatus()
    {
        Authorization authorization = SignWith(recipients: [new DisclosureRecipient(RecipientRole.HealthPlan, "plan-1"), Provider]);
        authorization.Revoke(At);

        authorization.Names(new DisclosureRecipient(RecipientRole.HealthPlan, "plan-1"), DisclosurePurpose.Treatment).Should().BeTrue();
        authorization.Names(new DisclosureRecipient(RecipientRole.TreatingProvider, "dr-2"), DisclosurePurpose.Treatment).Should().BeTrue();
        authorization.Names(new DisclosureRecipient(RecipientRole.HealthPlan, "plan-2"), DisclosurePurpose.Treatment).Should().BeFalse();
    }

    [Fact]
    public void DisclosureRecipient_ToString_RoleAndParty()
    {
        new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-1").ToString().Should().Be("LawEnforcement/agency-1");
        new DisclosureRecipient(RecipientRole.HealthPlan).ToString().Should().Be("HealthPlan");
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    private static Authorization SignWith(
        AuthorizationKind kind = AuthorizationKind.HipaaAuthorization, DisclosureRecipient[]? recipients = null, DisclosurePurpose[]? purposes = null,
        DataCategories categories = DataCategories.Diagnoses, Instant? expiresAt = null, string? eventCode = null, bool noExpiry = false) =>
        Authorization.Sign(
            Id, ThePatient, kind, AuthorizationGrantor.Patient, recipients ?? [Provider], purposes ?? [DisclosurePurpose.Treatment], categories, SignedAt,
            noExpiry || eventCode is not null ? expiresAt : expiresAt ?? ExpiresAt, eventCode);

    private static void ShouldRefuse(Action command, Authorization authorization, RuleCode code)
    {
        long version = authorization.Version;
        int events = authorization.PendingEvents.Count;

        command.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);
        authorization.Version.Should().Be(version, "a refused command changes nothing");
        authorization.PendingEvents.Should().HaveCount(events);
    }
}
