using System.Text.RegularExpressions;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// The confidentiality types hold ids and codes only: every word of their <c>ToString()</c> is an id the caller
/// gave, an enum name, an instant, or a fixed keyword. Also what <see cref="DisclosureRequest"/> refuses.
/// </summary>
public partial class ConfidentialityPrivacyTests
{
    private static readonly HashSet<string> Ids = new(StringComparer.Ordinal) { "p-1", "d-1", "a-1", "agency-1" };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "Authorization", "Disclosure", "DisclosureRequest", "AccountingEntry", "allowed", "conditions", "v1", "v2",
        "Id", "PatientId", "Recipient", "Purpose", "Categories", "At", "Instrument", "Facts", "DisclosureId", "DisclosedAt", "EqualityContract",
    };

    [Fact]
    public void ToStrings_HoldOnlyIdsCodesAndInstants()
    {
        Authorization authorization = Authorization.Sign(
            new AuthorizationId("a-1"), ThePatient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-1")],
            [DisclosurePurpose.LawEnforcement], DataCategories.Diagnoses | DataCategories.Hiv, SignedAt, ExpiresAt);
        DisclosureRequest request = Request(
            RecipientRole.LawEnforcement, DisclosurePurpose.LawEnforcement, DataCategories.Demographics | DataCategories.Diagnoses | DataCategories.Hiv | DataCategories.TestResults,
            LegalInstrument.Warrant, DisclosureFacts.IdentificationRequest | DisclosureFacts.SeriousAndImminentThreat, party: "agency-1");
        DisclosureDecision decision = Decide(Hipaa, request, authorization);
        authorization.Revoke(At + Duration.FromDays(1));

        string[] texts = [authorization.ToString(), request.ToString(), decision.ToString(), decision.AccountingEntry!.ToString(), .. decision.Verdicts.Select(v => v.Code.ToString())];

        foreach (string text in texts)
        {
            string[] unexpected = [.. Words().Matches(text).Select(m => m.Value).Where(w => !Allowed(w))];
            unexpected.Should().BeEmpty("every word of \"{0}\" is an id, a code or an instant", text);
        }

        decision.ToString().Should().StartWith("Disclosure d-1 PermittedIf allowed=[");
        request.ToString().Should().Contain("agency-1").And.Contain("p-1");
    }

    [Fact]
    public void DecisionToString_NamesEveryVerdictCodeAndOutcome()
    {
        DisclosureDecision decision = Decide(Hipaa, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, instrument: LegalInstrument.BareSubpoena));

        decision.ToString().Should().Be("Disclosure d-1 Denied allowed=[None] conditions=[None] TA.CONF.JUDICIAL:Violation");
    }

    [Fact]
    public void VerdictEvidence_IsCodesAndIdsOnly()
    {
        Authorization expired = Hipaa164508(DataCategories.PsychotherapyNotes, RecipientRole.TreatingProvider, DisclosurePurpose.Treatment);
        DisclosureDecision decision = Decide(
            Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseRecords, at: ExpiresAt), expired);

        decision.Verdicts.SelectMany(v => v.Evidence).Should().OnlyContain(e => e.Kind == EvidenceKind.Code || e.Kind == EvidenceKind.Id);
    }

    // ---- DisclosureRequest -------------------------------------------------------------------------------------

    [Fact]
    public void Request_DefaultIdsOrRecipient_ThrowArgumentException()
    {
        var recipient = new DisclosureRecipient(RecipientRole.TreatingProvider);

        FluentActions.Invoking(() => new DisclosureRequest(default, ThePatient, recipient, DisclosurePurpose.Treatment, DataCategories.Diagnoses, At)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new DisclosureRequest(new DisclosureId("d-1"), default, recipient, DisclosurePurpose.Treatment, DataCategories.Diagnoses, At)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new DisclosureRequest(new DisclosureId("d-1"), ThePatient, default, DisclosurePurpose.Treatment, DataCategories.Diagnoses, At))
            .Should().Throw<ArgumentException>().WithParameterName("recipient");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1 << 11)]
    [InlineData(4 | (1 << 30))]
    public void Request_NoOrUndefinedCategories_ThrowArgumentException(int categories) =>
        FluentActions.Invoking(() => Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, (DataCategories)categories))
            .Should().Throw<ArgumentException>().WithParameterName(nameof(categories));

    [Fact]
    public void Request_UndefinedEnumsOrFacts_ThrowArgumentOutOfRange()
    {
        FluentActions.Invoking(() => Request(RecipientRole.TreatingProvider, (DisclosurePurpose)40)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, instrument: (LegalInstrument)40)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, facts: (DisclosureFacts)(1 << 18))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Request_Has_EveryFlagOfTheFact()
    {
        DisclosureRequest request = Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, facts: DisclosureFacts.SeriousAndImminentThreat);

        request.Has(DisclosureFacts.SeriousAndImminentThreat).Should().BeTrue();
        request.Has(DisclosureFacts.SeriousAndImminentThreat | DisclosureFacts.RecipientCanPreventThreat).Should().BeFalse();
        request.Has(DisclosureFacts.None).Should().BeTrue();
    }

    [Fact]
    public void Request_IsAValue()
    {
        Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment).Should().Be(Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment));
        Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment).Should().NotBe(Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, party: "dr-2"));
    }

    [Fact]
    public void Request_ToThePatientByRoleOnly_IsAValidRequest()
    {
        // HIPAA 164.524 and 164.502(a)(1)(i): the patient is the first recipient the law names, and an authorization's
        // role-only recipient "covers everyone in the role"; yet new DisclosureRecipient(RecipientRole.Patient) == default.
        DisclosureRequest request = new(
            new DisclosureId("d-1"), ThePatient, new DisclosureRecipient(RecipientRole.Patient), DisclosurePurpose.PatientRequest, DataCategories.Diagnoses, At);

        DisclosureCheck.Decide(Hipaa, request, []).Kind.Should().Be(DisclosureDecisionKind.Permitted);
    }

    private static bool Allowed(string word) =>
        Ids.Contains(word) || Keywords.Contains(word) || Enum.IsDefined(typeof(DataCategories), word) || Enum.IsDefined(typeof(DisclosureFacts), word)
        || Enum.IsDefined(typeof(RecipientRole), word) || Enum.IsDefined(typeof(DisclosurePurpose), word) || Enum.IsDefined(typeof(LegalInstrument), word)
        || Enum.IsDefined(typeof(AuthorizationKind), word) || Enum.IsDefined(typeof(DisclosureDecisionKind), word) || Enum.IsDefined(typeof(DisclosureConditions), word)
        || Enum.IsDefined(typeof(TherapeuticAlliance.Compliance.Outcome), word) || RuleCodeWord().IsMatch(word) || Timestamp().IsMatch(word);

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-.:_]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"^TA\.CONF\.[A-Z0-9_]+(:(Pass|Warning|NeedsReview|Violation))?$")]
    private static partial Regex RuleCodeWord();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Timestamp();
}
