using System.Reflection;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// Builds disclosure requests and authorizations for the confidentiality tests: patient p-1, request d-1 at
/// <see cref="At"/> (2024-03-01T10:00Z), authorization a-1 signed 30 days before and expiring 30 days after, unless
/// told otherwise. A request to the patient names the patient's own key as the party (see
/// <c>DisclosureRequestTests</c>: a role-only request to the patient equals the default recipient).
/// </summary>
internal static class Disclosures
{
    public const string Patient = "p-1";

    public const string OtherPatient = "p-2";

    public static readonly Instant At = Instant.FromUtc(2024, 3, 1, 10, 0);

    public static readonly Instant SignedAt = At - Duration.FromDays(30);

    public static readonly Instant ExpiresAt = At + Duration.FromDays(30);

    public static readonly PatientId ThePatient = new(Patient);

    public static readonly ConfidentialitySettings Hipaa = ConfidentialitySettings.Hipaa;

    public static readonly ConfidentialitySettings Gdpr = ConfidentialitySettings.Gdpr;

    public static readonly ConfidentialitySettings California = ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-CA"));

    public static readonly Citation StateLaw = new("Test State Health Code", "s. 120980 HIV test results", "2024");

    /// <summary>A recipient in <paramref name="role"/>: the patient's own key for <see cref="RecipientRole.Patient"/>, else anyone in the role unless <paramref name="party"/> is given.</summary>
    public static DisclosureRecipient To(RecipientRole role, string? party = null) =>
        new(role, party ?? (role == RecipientRole.Patient ? Patient : null));

    /// <summary>A request of <paramref name="categories"/> to <paramref name="role"/> for <paramref name="purpose"/>.</summary>
    public static DisclosureRequest Request(
        RecipientRole role, DisclosurePurpose purpose, DataCategories categories = DataCategories.Diagnoses, LegalInstrument instrument = LegalInstrument.None,
        DisclosureFacts facts = DisclosureFacts.None, Instant? at = null, string? party = null, string id = "d-1", string patient = Patient) =>
        new(new DisclosureId(id), new PatientId(patient), To(role, party), purpose, categories, at ?? At, instrument, facts);

    /// <summary>An authorization signed at <see cref="SignedAt"/> (unless told otherwise) naming one recipient and one or more purposes.</summary>
    public static Authorization Sign(
        AuthorizationKind kind, DataCategories categories, RecipientRole role, DisclosurePurpose purpose, Instant? signedAt = null, Instant? expiresAt = null,
        string id = "a-1", string patient = Patient, string? party = null, string? eventCode = null, bool noExpiry = false) =>
        Authorization.Sign(
            new AuthorizationId(id), new PatientId(patient), kind, AuthorizationGrantor.Patient, [To(role, party)], [purpose], categories,
            signedAt ?? SignedAt, noExpiry || eventCode is not null ? expiresAt : expiresAt ?? ExpiresAt, eventCode);

    /// <summary>A HIPAA authorization.</summary>
    public static Authorization Hipaa164508(DataCategories categories, RecipientRole role, DisclosurePurpose purpose, string id = "a-1") =>
        Sign(AuthorizationKind.HipaaAuthorization, categories, role, purpose, id: id);

    /// <summary>Decides under <paramref name="settings"/> with the given authorizations.</summary>
    public static DisclosureDecision Decide(ConfidentialitySettings settings, DisclosureRequest request, params Authorization[] authorizations) =>
        DisclosureCheck.Decide(settings, request, authorizations);

    /// <summary>The single verdict with <paramref name="code"/>.</summary>
    public static Verdict The(this DisclosureDecision decision, RuleCode code)
    {
        decision.Verdicts.Where(v => v.Code == code).Should().ContainSingle("the decision {0} has one {1} verdict", decision, code);
        return decision.Verdicts.Single(v => v.Code == code);
    }

    /// <summary>Whether any verdict has <paramref name="code"/>.</summary>
    public static bool Has(this DisclosureDecision decision, RuleCode code) => decision.Verdicts.Any(v => v.Code == code);

    /// <summary>Asserts the single verdict with <paramref name="code"/> has the outcome and citation.</summary>
    public static Verdict ShouldFind(this DisclosureDecision decision, RuleCode code, Outcome outcome, Citation citation)
    {
        Verdict verdict = decision.The(code);
        verdict.Outcome.Should().Be(outcome, "{0} in {1}", code, decision);
        verdict.Citation.Should().Be(citation, "{0} in {1}", code, decision);
        verdict.Subject.Should().Be(SubjectRef.To(decision.Request.Id));
        return verdict;
    }

    /// <summary>The texts of every piece of evidence called <paramref name="name"/>, in order.</summary>
    public static IEnumerable<string?> Texts(this Verdict verdict, string name) => verdict.Evidence.Where(e => e.Name == name).Select(e => e.Text);

    /// <summary>A rule code by its value.</summary>
    public static RuleCode Code(string value) => new(value);

    /// <summary>A citation of <see cref="ConfidentialityCitations"/> by its property name.</summary>
    public static Citation Cite(string name) =>
        (Citation)typeof(ConfidentialityCitations).GetProperty(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The categories one bit at a time.</summary>
    public static IEnumerable<DataCategories> Each(DataCategories categories) =>
        Enum.GetValues<DataCategories>().Where(c => c != DataCategories.None && (categories & c) != 0);
}
