using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;
using Outcome = TherapeuticAlliance.Compliance.Outcome;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// Properties of <see cref="DisclosureCheck.Decide"/> over any request (every role, purpose, instrument, category
/// and fact), up to four authorizations of the patient or another (any kind, status and form the law allows), and
/// the settings of several jurisdictions under HIPAA and the GDPR.
/// </summary>
public class DisclosureDecisionPropertyTests
{
    private const int Runs = 500;

    private static readonly (string Name, ConfidentialitySettings Settings)[] AllSettings =
    [
        ("hipaa", Hipaa), ("gdpr", Gdpr), ("US-CA", California),
        ("US-TX", ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-TX"))),
        ("US-NY", ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-NY"))),
        ("US-NV", ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-NV"))),
        ("minor-permitted", Hipaa with { MinorParentAccess = MinorParentAccess.PermittedByStateLaw, StateLawSource = StateLaw }),
        ("minor-prohibited", Hipaa with { MinorParentAccess = MinorParentAccess.ProhibitedByStateLaw }),
        ("hiv", Hipaa with { CategoriesNeedingAuthorization = DataCategories.Hiv | DataCategories.MentalHealthRecords, StateLawSource = StateLaw }),
        ("no-part2", Hipaa with { Part2Applies = false }),
        ("gdpr-hiv", Gdpr with { CategoriesNeedingAuthorization = DataCategories.Hiv }),
    ];

    private static readonly DataCategories All = ConfidentialityCodes.AllCategories;

    [Property(MaxTest = Runs)]
    public Property Decide_AllowedReviewAndWithheld_PartitionTheRequestedCategories() =>
        Prop.ForAll(AnyCase(), c =>
        {
            DisclosureDecision d = c.Decide();

            (d.Allowed & d.UnderReview).Should().Be(DataCategories.None, "{0}", c);
            (d.Allowed & d.Withheld).Should().Be(DataCategories.None, "{0}", c);
            (d.UnderReview & d.Withheld).Should().Be(DataCategories.None, "{0}", c);
            (d.Allowed | d.UnderReview | d.Withheld).Should().Be(c.Request.Categories, "{0}", c);
        });

    [Property(MaxTest = Runs)]
    public Property Decide_KindFollowsTheCategories() =>
        Prop.ForAll(AnyCase(), c =>
        {
            DisclosureDecision d = c.Decide();

            (d.Kind == DisclosureDecisionKind.Denied).Should().Be(d.Withheld != DataCategories.None, "{0} -> {1}", c, d);
            (d.Kind == DisclosureDecisionKind.NeedsReview).Should().Be(d.Withheld == DataCategories.None && d.UnderReview != DataCategories.None, "{0} -> {1}", c, d);
            d.IsPermitted.Should().Be(d.Allowed == c.Request.Categories, "{0} -> {1}", c, d);
        });

    [Property(MaxTest = Runs)]
    public Property Decide_Permitted_NoVerdictWorseThanAWarning_AndPlainPermittedHasNoConditions() =>
        Prop.ForAll(AnyCase(), c =>
        {
            DisclosureDecision d = c.Decide();

            if (d.IsPermitted)
            {
                d.Verdicts.Should().OnlyContain(v => v.Outcome <= Outcome.Warning, "{0} -> {1}", c, d);
            }

            if (d.Kind == DisclosureDecisionKind.Permitted)
            {
                d.Conditions.Should().Be(DisclosureConditions.None, "{0} -> {1}", c, d);
                d.Verdicts.Should().OnlyContain(v => v.Outcome == Outcome.Pass, "{0} -> {1}", c, d);
            }

            // Every verdict is about this request, and the worst outcome is the kind.
            d.Verdicts.Should().OnlyContain(v => v.Subject == SubjectRef.To(c.Request.Id));
            d.Verdicts.Max(v => v.Outcome).Should().Be(d.Kind switch
            {
                DisclosureDecisionKind.Permitted => Outcome.Pass,
                DisclosureDecisionKind.PermittedIf => Outcome.Warning,
                DisclosureDecisionKind.NeedsReview => Outcome.NeedsReview,
                _ => Outcome.Violation,
            }, "{0} -> {1}", c, d);
        });

    [Property(MaxTest = Runs)]
    public Property Decide_AnActiveAuthorizationNamingEverything_PermitsUnderHipaa() =>
        Prop.ForAll(AnyCase(hipaaOnly: true), c =>
        {
            Authorization[] covering = [.. c.Authorizations, .. Covering(c.Request)];

            DisclosureDecision d = DisclosureCheck.Decide(c.Settings, c.Request, covering);

            d.IsPermitted.Should().BeTrue("{0} with authorizations naming everything -> {1}", c, d);
            d.Allowed.Should().Be(c.Request.Categories);
            d.Verdicts.Should().Contain(v => v.Code == ConfidentialityRuleCodes.Authorized && v.Outcome == Outcome.Pass);
            d.AccountingEntry.Should().BeNull("164.528(a)(1)(iv)");
            d.Conditions.Should().Be(
                (c.Request.Categories & (DataCategories.SubstanceUseRecords | DataCategories.SubstanceUseCounselingNotes)) != 0 ? DisclosureConditions.RedisclosureNotice : DisclosureConditions.None,
                "{0} -> {1}", c, d);
        });

    [Property(MaxTest = Runs)]
    public Property Decide_AccountingEntry_OnlyForDisclosuresThatMayBeMade_OfWhatMayGo() =>
        Prop.ForAll(AnyCase(), c =>
        {
            DisclosureDecision d = c.Decide();

            if (d.Kind == DisclosureDecisionKind.Denied || c.Settings.Law == PrivacyLaw.Gdpr)
            {
                d.AccountingEntry.Should().BeNull("{0} -> {1}", c, d);
            }

            ((d.Conditions & DisclosureConditions.RecordForAccounting) != 0).Should().Be(d.AccountingEntry is not null, "{0} -> {1}", c, d);
            if (d.AccountingEntry is { } entry)
            {
                entry.Should().Be(new AccountingEntry(c.Request.Id, c.Request.PatientId, c.Request.At, c.Request.Recipient, c.Request.Purpose, d.Allowed | d.UnderReview));
                d.Kind.Should().NotBe(DisclosureDecisionKind.Permitted, "an accounted disclosure is permitted only if recorded");
            }
        });

    [Property(MaxTest = Runs)]
    public Property Decide_AuthorizationsOfAnotherPatient_NeverChangeTheDecision() =>
        Prop.ForAll(AnyCase(), c =>
        {
            Authorization[] own = [.. c.Authorizations.Where(a => a.PatientId == c.Request.PatientId)];
            Authorization[] othersCovering = [.. Covering(c.Request, OtherPatient == c.Request.PatientId.Value ? Patient : OtherPatient)];

            DisclosureDecision all = c.Decide();
            DisclosureDecision ownOnly = DisclosureCheck.Decide(c.Settings, c.Request, own);
            DisclosureDecision withOthers = DisclosureCheck.Decide(c.Settings, c.Request, [.. c.Authorizations, .. othersCovering]);

            ShouldBeSame(all, ownOnly, c);
            ShouldBeSame(all, withOthers, c);
        });

    [Property(MaxTest = Runs)]
    public Property Decide_IsDeterministicAndLeavesTheAuthorizationsAlone() =>
        Prop.ForAll(AnyCase(), c =>
        {
            long[] versions = [.. c.Authorizations.Select(a => a.Version)];

            DisclosureDecision first = c.Decide();
            DisclosureDecision second = DisclosureCheck.Decide(c.Settings, c.Request, [.. c.Authorizations.Reverse()]);

            ShouldBeSame(first, c.Decide(), c);
            (second.Kind, second.Allowed, second.UnderReview, second.Conditions).Should().Be((first.Kind, first.Allowed, first.UnderReview, first.Conditions), "order of authorizations does not matter: {0}", c);
            c.Authorizations.Select(a => a.Version).Should().Equal(versions);
        });

    [Fact]
    public void Generators_ReachEveryKindAndAuthorizationStatus()
    {
        Case[] cases = AnyCase().Generator.Sample(1000);
        DisclosureDecision[] decisions = [.. cases.Select(c => c.Decide())];

        decisions.Select(d => d.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<DisclosureDecisionKind>());
        decisions.Should().Contain(d => d.AccountingEntry != null);
        decisions.Should().Contain(d => d.Verdicts.Any(v => v.Code == ConfidentialityRuleCodes.Authorized));
        decisions.Should().Contain(d => d.Verdicts.Any(v => v.Code == ConfidentialityRuleCodes.AuthorizationRevoked));
        decisions.Should().Contain(d => d.Verdicts.Any(v => v.Code == ConfidentialityRuleCodes.AuthorizationExpired));
        cases.SelectMany(c => c.Authorizations).Select(a => a.StatusAt(At)).Distinct().Should().HaveCount(4);
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    private static void ShouldBeSame(DisclosureDecision a, DisclosureDecision b, Case c)
    {
        (b.Kind, b.Allowed, b.UnderReview, b.Withheld, b.Conditions).Should().Be((a.Kind, a.Allowed, a.UnderReview, a.Withheld, a.Conditions), "{0}", c);
        b.Verdicts.Should().Equal(a.Verdicts, "{0}", c);
        b.AccountingEntry.Should().Be(a.AccountingEntry, "{0}", c);
    }

    /// <summary>Authorizations in force at the request, naming its recipient and purpose and together all its categories, in the forms the law allows.</summary>
    private static IEnumerable<Authorization> Covering(DisclosureRequest request, string? patient = null)
    {
        DataCategories notes = request.Categories & DataCategories.PsychotherapyNotes;
        DataCategories counselingNotes = request.Categories & DataCategories.SubstanceUseCounselingNotes;
        DataCategories rest = request.Categories & ~notes & ~counselingNotes;
        var parts = new List<(AuthorizationKind Kind, DataCategories Categories)>();
        if (notes != DataCategories.None)
        {
            parts.Add((AuthorizationKind.HipaaAuthorization, notes));
        }

        if (counselingNotes != DataCategories.None)
        {
            parts.Add((AuthorizationKind.Part2Consent, counselingNotes));
        }

        if (rest != DataCategories.None)
        {
            parts.Add(((rest & DataCategories.SubstanceUseRecords) != 0 ? AuthorizationKind.Part2Consent : AuthorizationKind.HipaaAuthorization, rest));
        }

        return parts.Select((part, i) => Authorization.Sign(
            new AuthorizationId($"cover-{i}"), patient is null ? request.PatientId : new PatientId(patient), part.Kind, AuthorizationGrantor.Patient, [request.Recipient], [request.Purpose],
            part.Categories, request.At - Duration.FromDays(1), request.At + Duration.FromDays(1)));
    }

    /// <summary>Settings, a request and the authorizations on file.</summary>
    private sealed record Case(string SettingsName, ConfidentialitySettings Settings, DisclosureRequest Request, Authorization[] Authorizations)
    {
        public DisclosureDecision Decide() => DisclosureCheck.Decide(Settings, Request, Authorizations);

        public override string ToString() =>
            $"{SettingsName}; {Request}; " + string.Join("; ", Authorizations.Select(a =>
                $"{a} {a.PatientId} [{string.Join(",", a.Recipients)}] [{string.Join(",", a.Purposes)}] {a.SignedAt}..{a.ExpiresAt?.ToString() ?? a.ExpirationEventCode} revoked={a.RevokedAt} event={a.ExpirationEventAt}"));
    }

    private static Arbitrary<Case> AnyCase(bool hipaaOnly = false) =>
        (from settings in Gen.Elements(hipaaOnly ? AllSettings.Where(s => s.Settings.Law == PrivacyLaw.Hipaa).ToArray() : AllSettings)
         from request in AnyRequest()
         from count in Gen.Choose(0, 4)
         from authorizations in AnyAuthorization(request).ArrayOf(count)
         select new Case(settings.Name, settings.Settings, request, [.. authorizations.Select((make, i) => make($"a-{i}"))])).ToArbitrary();

    // The recipient each purpose is usually for, so that most requests reach the purpose's rule.
    private static readonly (DisclosurePurpose Purpose, RecipientRole Role)[] UsualRecipients =
    [
        (DisclosurePurpose.Treatment, RecipientRole.TreatingProvider), (DisclosurePurpose.Payment, RecipientRole.HealthPlan),
        (DisclosurePurpose.HealthCareOperations, RecipientRole.BusinessAssociate), (DisclosurePurpose.Training, RecipientRole.TreatingProvider),
        (DisclosurePurpose.PatientRequest, RecipientRole.Patient), (DisclosurePurpose.PatientRequest, RecipientRole.PersonalRepresentative),
        (DisclosurePurpose.FamilyInvolvement, RecipientRole.FamilyOrFriend), (DisclosurePurpose.JudicialProceeding, RecipientRole.CourtOrTribunal),
        (DisclosurePurpose.JudicialProceeding, RecipientRole.LitigationParty), (DisclosurePurpose.LawEnforcement, RecipientRole.LawEnforcement),
        (DisclosurePurpose.RequiredByLaw, RecipientRole.Other), (DisclosurePurpose.PublicHealth, RecipientRole.PublicHealthAuthority),
        (DisclosurePurpose.ChildAbuseReport, RecipientRole.AbuseReportingAuthority), (DisclosurePurpose.AdultAbuseReport, RecipientRole.AbuseReportingAuthority),
        (DisclosurePurpose.HealthOversight, RecipientRole.HealthOversightAgency), (DisclosurePurpose.ComplianceInvestigation, RecipientRole.HhsSecretary),
        (DisclosurePurpose.DecedentInvestigation, RecipientRole.CoronerOrMedicalExaminer), (DisclosurePurpose.Threat, RecipientRole.PotentialVictim),
        (DisclosurePurpose.Research, RecipientRole.Researcher), (DisclosurePurpose.Marketing, RecipientRole.Other),
    ];

    private static Gen<(DisclosurePurpose Purpose, RecipientRole Role)> AnyPurposeAndRole() =>
        Gen.Frequency(
            (3, Gen.Elements(UsualRecipients)),
            (1, from purpose in Gen.Elements(Enum.GetValues<DisclosurePurpose>()) from role in Gen.Elements(Enum.GetValues<RecipientRole>()) select (purpose, role)));

    private static Gen<DisclosureRequest> AnyRequest() =>
        from pair in AnyPurposeAndRole()
        let role = pair.Role
        let purpose = pair.Purpose
        from categories in Gen.Frequency(
            (2, Gen.Choose(1, (int)All)),
            (3, Gen.Choose(1, (int)DataCategories.MentalHealthRecords * 2 - 1)),
            (2, Gen.Elements(Enum.GetValues<DataCategories>().Where(c => c != DataCategories.None).ToArray()).Select(c => (int)c)))
        from facts in AnyFacts()
        from instrument in Gen.Elements(Enum.GetValues<LegalInstrument>())
        from party in Gen.Elements<string?>(null, "x-1", "x-2")
        from days in Gen.Choose(-40, 40)
        from ticks in Gen.Elements(0L, -1L, 1L)
        from patient in Gen.Frequency((6, Gen.Constant(Patient)), (1, Gen.Constant(OtherPatient)))
        select new DisclosureRequest(
            new DisclosureId("d-1"), new PatientId(patient), new DisclosureRecipient(role, party ?? (role == RecipientRole.Patient ? patient : null)), purpose,
            (DataCategories)categories, At + Duration.FromDays(days) + Duration.FromTicks(ticks), instrument, facts);

    private static Gen<DisclosureFacts> AnyFacts() =>
        Gen.Frequency(
            (4, from n in Gen.Choose(0, 3) from picks in Gen.Elements(Enum.GetValues<DisclosureFacts>()).ArrayOf(n) select picks.Aggregate(DisclosureFacts.None, (a, b) => a | b)),
            (1, Gen.Choose(0, (int)ConfidentialityCodes.AllFacts).Select(f => (DisclosureFacts)f)));

    private static Gen<Func<string, Authorization>> AnyAuthorization(DisclosureRequest request) =>
        from kind in Gen.Elements(Enum.GetValues<AuthorizationKind>())
        from roleCount in Gen.Choose(1, 2)
        from roles in Gen.Frequency((2, Gen.Constant(request.Recipient.Role)), (1, Gen.Elements(Enum.GetValues<RecipientRole>()))).ArrayOf(roleCount)
        from parties in Gen.Elements<string?>(null, null, "x-1", "x-2").ArrayOf(2)
        from purposeCount in Gen.Choose(1, 3)
        from purposes in Gen.Frequency((2, Gen.Constant(request.Purpose)), (1, Gen.Elements(Enum.GetValues<DisclosurePurpose>()))).ArrayOf(purposeCount)
        from raw in Gen.Choose(1, (int)All)
        from form in Gen.Choose(0, 5)
        from signed in Gen.Choose(-60, 10)
        from length in Gen.Choose(1, 60)
        from expiry in Gen.Choose(0, 2)
        from ending in Gen.Choose(0, 3)
        from endDay in Gen.Choose(0, 59)
        from patient in Gen.Frequency((4, Gen.Constant(Patient)), (1, Gen.Constant(OtherPatient)))
        select new Func<string, Authorization>(id =>
        {
            AuthorizationKind actualKind = form == 1 ? AuthorizationKind.Part2Consent : kind;
            DataCategories categories = (DataCategories)raw & ~(DataCategories.PsychotherapyNotes | DataCategories.SubstanceUseCounselingNotes);
            if (actualKind != AuthorizationKind.Part2Consent)
            {
                categories &= ~DataCategories.SubstanceUseRecords;
            }

            categories = form switch
            {
                0 => DataCategories.PsychotherapyNotes,
                1 => DataCategories.SubstanceUseCounselingNotes,
                _ => categories == DataCategories.None ? DataCategories.Diagnoses : categories,
            };
            Instant signedAt = At + Duration.FromDays(signed);
            bool onEvent = expiry == 1;
            Instant? expiresAt = onEvent || (expiry == 2 && actualKind == AuthorizationKind.ExplicitConsent) ? null : signedAt + Duration.FromDays(length);
            DisclosureRecipient[] recipients = [.. roles.Distinct().Select((r, i) => new DisclosureRecipient(r, parties[i] ?? (r == RecipientRole.Patient ? patient : null)))];
            Authorization authorization = Authorization.Sign(
                new AuthorizationId(id), new PatientId(patient), actualKind, AuthorizationGrantor.Patient, recipients, purposes.Distinct(), categories, signedAt, expiresAt,
                onEvent ? "end-of-treatment" : null);
            Instant endAt = signedAt + Duration.FromDays(Math.Min(endDay, length - 1));
            if (ending == 0)
            {
                authorization.Revoke(endAt);
            }
            else if (ending == 1 && onEvent)
            {
                authorization.RecordExpirationEvent(endAt);
            }

            return authorization;
        });
}
