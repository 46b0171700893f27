using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Confidentiality;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// One disclosure decision (issue 5: goal 1 µs or less), against building the request it answers as the baseline.
/// Three requests: treatment with the patient's three authorizations to scan, a court order for diagnoses and
/// psychotherapy notes, and a threat in a permissive state (a review with two verdicts of factors).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DisclosureBenchmarks
{
    private static readonly Instant At = Instant.FromUtc(2027, 4, 6, 13, 0);
    private static readonly PatientId Patient = new("p-1");
    private readonly ConfidentialitySettings _texas = ConfidentialitySettings.ForUsJurisdiction(new Boundaries.Jurisdiction("US", "US-TX"));
    private Authorization[] _authorizations = [];
    private DisclosureRequest _treatment = null!;
    private DisclosureRequest _courtOrder = null!;
    private DisclosureRequest _threat = null!;

    /// <summary>Builds the requests and three authorizations (one for the notes, one revoked, one Part 2 consent).</summary>
    [GlobalSetup]
    public void Setup()
    {
        Instant signed = At - Duration.FromDays(30);
        var provider = new DisclosureRecipient(RecipientRole.TreatingProvider);
        Authorization revoked = Authorization.Sign(
            new AuthorizationId("auth-2"), Patient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [provider], [DisclosurePurpose.Treatment],
            DataCategories.Hiv, signed, signed + Duration.FromDays(365));
        revoked.Revoke(signed + Duration.FromDays(1));
        _authorizations =
        [
            Authorization.Sign(
                new AuthorizationId("auth-1"), Patient, AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [provider], [DisclosurePurpose.Treatment],
                DataCategories.PsychotherapyNotes, signed, signed + Duration.FromDays(365)),
            revoked,
            Authorization.Sign(
                new AuthorizationId("auth-3"), Patient, AuthorizationKind.Part2Consent, AuthorizationGrantor.Patient, [provider],
                [DisclosurePurpose.Treatment, DisclosurePurpose.Payment, DisclosurePurpose.HealthCareOperations], DataCategories.SubstanceUseRecords, signed,
                expirationEventCode: "end-of-treatment"),
        ];
        _treatment = Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Diagnoses | DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseRecords);
        _courtOrder = Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, DataCategories.Diagnoses | DataCategories.PsychotherapyNotes, LegalInstrument.CourtOrder);
        _threat = Request(RecipientRole.PotentialVictim, DisclosurePurpose.Threat, DataCategories.Demographics, facts: DisclosureFacts.SeriousAndImminentThreat);
    }

    /// <summary>Baseline: building (and so validating) the treatment request.</summary>
    /// <returns>The request.</returns>
    [Benchmark(Baseline = true)]
    public DisclosureRequest BuildRequestOnly() =>
        Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, DataCategories.Diagnoses | DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseRecords);

    /// <summary>Treatment: authorizations for the notes and the SUD records, a revoked one to skip.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public DisclosureDecision TreatmentWithAuthorizations() => DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, _treatment, _authorizations);

    /// <summary>A court order for diagnoses and psychotherapy notes.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public DisclosureDecision CourtOrder() => DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, _courtOrder, []);

    /// <summary>A threat in a permissive state: a review.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public DisclosureDecision ThreatInPermissiveState() => DisclosureCheck.Decide(_texas, _threat, []);

    private static DisclosureRequest Request(
        RecipientRole role, DisclosurePurpose purpose, DataCategories categories, LegalInstrument instrument = LegalInstrument.None, DisclosureFacts facts = DisclosureFacts.None) =>
        new(new DisclosureId("d-1"), Patient, new DisclosureRecipient(role), purpose, categories, At, instrument, facts);
}
