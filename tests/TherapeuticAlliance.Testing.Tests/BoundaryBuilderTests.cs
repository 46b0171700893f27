using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing.Tests;

public class RelationshipDeclarationBuilderTests
{
    [Fact]
    public void Build_Defaults_IncidentalContactThatPasses()
    {
        RelationshipDeclaration declaration = new RelationshipDeclarationBuilder().Build();

        declaration.Id.Value.Should().Be("rel-1");
        declaration.Kind.Should().Be(RelationshipKind.IncidentalCommunityContact);
        declaration.IsWithPatient.Should().BeTrue();
        declaration.Start.Should().Be(BuilderDefaults.RelationshipStart);
        declaration.End.Should().BeNull();
        var course = new TreatmentCourse(declaration.PatientId, declaration.ClinicianId, new LocalDate(2026, 1, 1), null);
        DualRelationshipCheck.Evaluate(BoundaryPresets.UsPsychiatry.Settings.Dual, course, [declaration]).Should().OnlyContain(v => v.IsPass);
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        RelationshipDeclaration declaration = new RelationshipDeclarationBuilder().WithId("rel-x").ForPatient("p-3").WithClinician("c-3")
            .WithRelativeOfPatient("SPS").Romantic().Starting(new LocalDate(2026, 2, 1)).Ending(new LocalDate(2026, 3, 1))
            .WithSafeguards(Safeguards.Consultation).WithSafeguards(Safeguards.WrittenRationale).Build();

        declaration.Id.Value.Should().Be("rel-x");
        declaration.PatientId.Value.Should().Be("p-3");
        declaration.ClinicianId.Value.Should().Be("c-3");
        declaration.RelationCode.Should().Be("SPS");
        declaration.Kind.Should().Be(RelationshipKind.RomanticOrSexual);
        declaration.End.Should().Be(new LocalDate(2026, 3, 1));
        declaration.Safeguards.Should().Be(Safeguards.Consultation | Safeguards.WrittenRationale);
    }

    [Fact]
    public void Gift_CarriesItsValue()
    {
        RelationshipDeclaration gift = new RelationshipDeclarationBuilder().Gift(25m).Build();

        gift.Kind.Should().Be(RelationshipKind.Gift);
        gift.GiftValue.Should().Be(25m);
    }

    [Fact]
    public void EndingBeforeItStarts_IsRefusedByTheDeclaration()
    {
        RelationshipDeclarationBuilder builder = new RelationshipDeclarationBuilder().Ending(BuilderDefaults.RelationshipStart.PlusDays(-1));

        builder.Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }
}

public class AuthorizationBuilderTests
{
    private static readonly Instant Signed = BuilderDefaults.AuthorizationSignedAt;

    [Fact]
    public void Build_Defaults_ActiveHipaaAuthorizationForAYear()
    {
        Authorization authorization = new AuthorizationBuilder().Build();

        authorization.Id.Value.Should().Be("auth-1");
        authorization.Kind.Should().Be(AuthorizationKind.HipaaAuthorization);
        authorization.Grantor.Should().Be(AuthorizationGrantor.Patient);
        authorization.Recipients.Should().Equal(new DisclosureRecipient(RecipientRole.TreatingProvider));
        authorization.Purposes.Should().Equal(DisclosurePurpose.Treatment);
        authorization.Categories.Should().Be(DataCategories.MentalHealthRecords);
        authorization.ExpiresAt.Should().Be(Signed + Duration.FromDays(365));
        authorization.StatusAt(Signed).Should().Be(AuthorizationStatus.Active);
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        Authorization authorization = new AuthorizationBuilder().WithId("auth-x").ForPatient("p-2").SignedByRepresentative()
            .To(RecipientRole.FamilyOrFriend, "rel-9").To(RecipientRole.HealthPlan).For(DisclosurePurpose.FamilyInvolvement, DisclosurePurpose.Payment)
            .Covering(DataCategories.Appointments | DataCategories.Medications).SignedAt(Signed + Duration.FromDays(1)).ExpiringAt(Signed + Duration.FromDays(30))
            .Build();

        authorization.Id.Value.Should().Be("auth-x");
        authorization.PatientId.Value.Should().Be("p-2");
        authorization.Grantor.Should().Be(AuthorizationGrantor.PersonalRepresentative);
        authorization.Recipients.Should().Equal(new DisclosureRecipient(RecipientRole.FamilyOrFriend, "rel-9"), new DisclosureRecipient(RecipientRole.HealthPlan));
        authorization.Purposes.Should().Equal(DisclosurePurpose.FamilyInvolvement, DisclosurePurpose.Payment);
        authorization.SignedAt.Should().Be(Signed + Duration.FromDays(1));
        authorization.ExpiresAt.Should().Be(Signed + Duration.FromDays(30));
    }

    [Fact]
    public void Part2Consent_ForSubstanceUseRecords_IsAccepted()
    {
        Authorization consent = new AuthorizationBuilder().Part2Consent().Covering(DataCategories.SubstanceUseRecords).Build();

        consent.Kind.Should().Be(AuthorizationKind.Part2Consent);
    }

    [Fact]
    public void SubstanceUseRecords_OnAHipaaForm_AreRefusedByTheAuthorization()
    {
        AuthorizationBuilder builder = new AuthorizationBuilder().Covering(DataCategories.SubstanceUseRecords);

        builder.Invoking(b => b.Build()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(AuthorizationRuleCodes.Part2ConsentRequired);
    }

    [Fact]
    public void WithoutExpiration_IsRefusedForHipaa_AndAcceptedForExplicitConsent()
    {
        new AuthorizationBuilder().WithoutExpiration().Invoking(b => b.Build()).Should().Throw<DomainRuleException>()
            .Which.Code.Should().Be(AuthorizationRuleCodes.ExpirationRequired);
        new AuthorizationBuilder().ExplicitConsent().WithoutExpiration().Build().ExpiresAt.Should().BeNull();
    }

    [Fact]
    public void RevokedAt_AndExpirationEventAt_EndIt()
    {
        new AuthorizationBuilder().RevokedAt(Signed + Duration.FromDays(10)).Build().StatusAt(Signed + Duration.FromDays(10)).Should().Be(AuthorizationStatus.Revoked);
        Authorization onEvent = new AuthorizationBuilder().ExpiringOnEvent("end-of-treatment").ExpirationEventAt(Signed + Duration.FromDays(5)).Build();
        onEvent.ExpirationEventCode.Should().Be("end-of-treatment");
        onEvent.StatusAt(Signed + Duration.FromDays(5)).Should().Be(AuthorizationStatus.Expired);
    }
}

public class DisclosureRequestBuilderTests
{
    [Fact]
    public void Build_Defaults_DiagnosesToATreatingProviderIsPermitted()
    {
        DisclosureRequest request = new DisclosureRequestBuilder().Build();

        request.Id.Value.Should().Be("d-1");
        request.Recipient.Should().Be(new DisclosureRecipient(RecipientRole.TreatingProvider));
        request.Purpose.Should().Be(DisclosurePurpose.Treatment);
        request.Categories.Should().Be(DataCategories.Diagnoses);
        request.At.Should().Be(BuilderDefaults.DisclosureAt);
        DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, request, []).IsPermitted.Should().BeTrue();
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        DisclosureRequest request = new DisclosureRequestBuilder().WithId("d-x").ForPatient("p-2").To(RecipientRole.PotentialVictim, "v-1")
            .For(DisclosurePurpose.Threat).Of(DataCategories.Demographics).At(Instant.FromUtc(2026, 7, 1, 0, 0)).Under(LegalInstrument.CourtOrder)
            .WithFacts(DisclosureFacts.SeriousAndImminentThreat).WithFacts(DisclosureFacts.RecipientCanPreventThreat).Build();

        request.Id.Value.Should().Be("d-x");
        request.PatientId.Value.Should().Be("p-2");
        request.Recipient.PartyId.Should().Be("v-1");
        request.Purpose.Should().Be(DisclosurePurpose.Threat);
        request.Instrument.Should().Be(LegalInstrument.CourtOrder);
        request.Facts.Should().Be(DisclosureFacts.SeriousAndImminentThreat | DisclosureFacts.RecipientCanPreventThreat);
    }

    [Fact]
    public void Of_NoCategory_IsRefusedByTheRequest()
    {
        new DisclosureRequestBuilder().Of(DataCategories.None).Invoking(b => b.Build()).Should().Throw<ArgumentException>();
    }
}

public class BoundaryPolicyBuilderTests
{
    [Fact]
    public void Build_Defaults_IsThePsychiatryPresetAsVersionOne()
    {
        BoundaryPolicy policy = new BoundaryPolicyBuilder().Build();

        policy.Id.Should().Be(BoundaryPresets.UsPsychiatry.Id);
        policy.Version.Should().Be(1);
        policy.Settings.Should().Be(BoundaryPresets.UsPsychiatry.Settings);
        policy.Sources.Should().Equal(BoundaryPresets.UsPsychiatry.Sources);
    }

    [Fact]
    public void WithTime_ChangesTheSetting_AndTheRulesUseIt()
    {
        BoundaryPolicy policy = new BoundaryPolicyBuilder().From(BoundaryPresets.UsPsychology).WithId("clinic-7")
            .In(new Jurisdiction("US", "US-TX")).EffectiveOn(new LocalDate(2027, 1, 1))
            .WithTime(t => t with { PatientLatenessTolerance = Duration.FromMinutes(10) }).Build();

        policy.Id.Should().Be("clinic-7");
        policy.Profession.Should().Be(BoundaryPresets.UsPsychology.Profession);
        policy.Jurisdiction.Subdivision.Should().Be("US-TX");
        policy.EffectiveDate.Should().Be(new LocalDate(2027, 1, 1));
        Appointment lateBySeven = new AppointmentBuilder().CheckedInMinutesLate(7).Fulfilled().Build();
        TimeBoundaryRules.Create(policy.Settings.Time).Evaluate(lateBySeven).Should().OnlyContain(v => v.IsPass);
    }

    [Fact]
    public void BuildRevision_IsTheNextVersionWithAChangeLog()
    {
        BoundaryPolicy revised = new BoundaryPolicyBuilder()
            .WithConfidentiality(c => c with { Part2Applies = false })
            .WithAlliance(a => a)
            .WithPlanning(p => p)
            .WithDual(d => d)
            .BuildRevision("state-board-rule");

        revised.Version.Should().Be(2);
        revised.ChangeLog.Should().ContainSingle().Which.ReasonCode.Should().Be("state-board-rule");
    }

    [Fact]
    public void BuildRevision_NothingChanged_IsRefusedByThePolicy()
    {
        new BoundaryPolicyBuilder().Invoking(b => b.BuildRevision()).Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.NoChange);
    }
}
