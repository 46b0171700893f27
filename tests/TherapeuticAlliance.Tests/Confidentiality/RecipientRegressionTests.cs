using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>The patient's role is the enum's zero, so a recipient naming it must not read as the default value.</summary>
public class RecipientRegressionTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 4, 6, 13, 0);

    [Fact]
    public void PatientWithoutParty_IsARecipient_AndTheirAccessIsDecided()
    {
        var patient = new DisclosureRecipient(RecipientRole.Patient);
        var request = new DisclosureRequest(new DisclosureId("d-1"), new PatientId("p-1"), patient, DisclosurePurpose.PatientRequest, DataCategories.Diagnoses, At);

        DisclosureDecision decision = DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, request, []);

        patient.Should().NotBe(default(DisclosureRecipient));
        decision.Kind.Should().Be(DisclosureDecisionKind.Permitted);
        decision.Verdicts.Should().ContainSingle().Which.Code.Should().Be(ConfidentialityRuleCodes.PatientAccess);
    }

    [Fact]
    public void DefaultRecipient_IsRefused()
    {
        Action request = () => _ = new DisclosureRequest(
            new DisclosureId("d-1"), new PatientId("p-1"), default, DisclosurePurpose.PatientRequest, DataCategories.Diagnoses, At);
        Action authorization = () => Authorization.Sign(
            new AuthorizationId("auth-1"), new PatientId("p-1"), AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [default],
            [DisclosurePurpose.Treatment], DataCategories.Diagnoses, At, At + Duration.FromDays(1));

        request.Should().Throw<ArgumentException>().WithParameterName("recipient");
        authorization.Should().Throw<ArgumentException>().WithParameterName("recipients");
    }
}
