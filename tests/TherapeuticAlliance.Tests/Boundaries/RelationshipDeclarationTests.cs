using System.Collections.Immutable;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Tests.Boundaries;

/// <summary>
/// <see cref="RelationshipDeclaration"/>'s checks, <see cref="RelationshipDeclaration.IsWithPatient"/> and equality;
/// then the checks and equality of the standards it is judged by (<see cref="RelationshipStandard"/>) and of
/// <see cref="DualRelationshipSettings"/>.
/// </summary>
public class RelationshipDeclarationTests
{
    private static readonly RelationshipDeclarationId Id = new("rd-1");

    private static readonly ClinicianId Clinician = new("c-1");

    private static readonly PatientId Patient = new("p-1");

    private static readonly LocalDate Start = new(2026, 3, 10);

    private static readonly Citation Source = new("Clinic boundary policy", "Section 4", "2026");

    private static readonly DualRelationshipSettings Psychology = DualRelationshipPresets.Psychology;

    public static TheoryData<RelationshipKind> NonGiftKinds => new(Enum.GetValues<RelationshipKind>().Where(k => k != RelationshipKind.Gift));

    public static TheoryData<DualSituation> Situations => new(Enum.GetValues<DualSituation>());

    // ---- RelationshipDeclaration: construction --------------------------------------------------

    [Fact]
    public void Constructor_ValidArguments_KeepsEveryArgument()
    {
        var end = new LocalDate(2026, 4, 1);

        var declaration = new RelationshipDeclaration(Id, Clinician, Patient, "SPS", RelationshipKind.Gift, Start, end, Safeguards.Consultation | Safeguards.WrittenRationale, 40m);

        declaration.Id.Should().Be(Id);
        declaration.ClinicianId.Should().Be(Clinician);
        declaration.PatientId.Should().Be(Patient);
        declaration.RelationCode.Should().Be("SPS");
        declaration.Kind.Should().Be(RelationshipKind.Gift);
        declaration.Start.Should().Be(Start);
        declaration.End.Should().Be(end);
        declaration.Safeguards.Should().Be(Safeguards.Consultation | Safeguards.WrittenRationale);
        declaration.GiftValue.Should().Be(40m);
    }

    [Fact]
    public void Constructor_OptionalArguments_DefaultToNoSafeguardsAndNoGiftValue()
    {
        RelationshipDeclaration declaration = Declare();

        declaration.Safeguards.Should().Be(Safeguards.None);
        declaration.GiftValue.Should().BeNull();
        declaration.End.Should().BeNull();
    }

    [Fact]
    public void Constructor_DefaultDeclarationId_Throws()
    {
        Action act = () => Declare(id: default(RelationshipDeclarationId));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("id");
    }

    [Fact]
    public void Constructor_DefaultClinicianId_Throws()
    {
        Action act = () => Declare(clinicianId: default(ClinicianId));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("clinicianId");
    }

    [Fact]
    public void Constructor_DefaultPatientId_Throws()
    {
        Action act = () => Declare(patientId: default(PatientId));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("patientId");
    }

    [Theory]
    [InlineData("his brother")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("SPS ")]
    [InlineData("-SPS")]
    [InlineData("brother/sister")]
    [InlineData("frère")]
    public void Constructor_RelationCodeNotACode_Throws(string code)
    {
        Action act = () => Declare(relationCode: code);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("relationCode");
    }

    [Fact]
    public void Constructor_RelationCodeLongerThanACode_Throws()
    {
        Action act = () => Declare(relationCode: new string('R', 65));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("relationCode");
    }

    [Theory]
    [InlineData("SPS")]
    [InlineData("PRN")]
    [InlineData("CHILD")]
    [InlineData("v3:RoleCode.FTH")]
    public void Constructor_RelationCodeToken_IsKept(string relationCode)
    {
        Declare(relationCode: relationCode).RelationCode.Should().Be(relationCode);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Action act = () => Declare(end: Start.PlusDays(-1));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("end");
    }

    [Fact]
    public void Constructor_EndOnTheStartDay_IsAllowed()
    {
        Declare(end: Start).End.Should().Be(Start);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    [InlineData(99)]
    public void Constructor_UndefinedKind_ThrowsArgumentOutOfRange(int value)
    {
        Action act = () => Declare(kind: (RelationshipKind)value);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("kind");
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(64 | 1)]
    [InlineData(-1)]
    public void Constructor_UndefinedSafeguardFlags_ThrowArgumentOutOfRange(int flags)
    {
        Action act = () => Declare(safeguards: (Safeguards)flags);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("safeguards");
    }

    [Fact]
    public void Constructor_EveryDefinedSafeguardCombined_IsKept()
    {
        Safeguards all = Enum.GetValues<Safeguards>().Aggregate(Safeguards.None, (a, b) => a | b);

        Declare(safeguards: all).Safeguards.Should().Be(all);
        ((int)all).Should().Be(31);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-100)]
    public void Constructor_NegativeGiftValue_ThrowsArgumentOutOfRange(double value)
    {
        Action act = () => Declare(kind: RelationshipKind.Gift, giftValue: (decimal)value);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("giftValue");
    }

    [Theory]
    [MemberData(nameof(NonGiftKinds))]
    public void Constructor_GiftValueOnAnotherKind_ThrowsArgumentOutOfRange(RelationshipKind kind)
    {
        Action act = () => Declare(kind: kind, giftValue: 10m);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("giftValue");
    }

    [Fact]
    public void Constructor_GiftWithZeroOrUnknownValue_IsAllowed()
    {
        Declare(kind: RelationshipKind.Gift, giftValue: 0m).GiftValue.Should().Be(0m);
        Declare(kind: RelationshipKind.Gift, giftValue: null).GiftValue.Should().BeNull();
    }

    // ---- RelationshipDeclaration: IsWithPatient and equality ------------------------------------

    [Fact]
    public void IsWithPatient_NoRelationCode_IsTrue()
    {
        Declare(relationCode: null).IsWithPatient.Should().BeTrue();
    }

    [Fact]
    public void IsWithPatient_RelationCode_IsFalse()
    {
        Declare(relationCode: "PRN").IsWithPatient.Should().BeFalse();
    }

    [Fact]
    public void Equality_SameArguments_AreEqualWithTheSameHashCode()
    {
        RelationshipDeclaration a = Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m);
        RelationshipDeclaration b = Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m);

        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void Equality_AnyMemberDiffers_AreNotEqual()
    {
        RelationshipDeclaration baseline = Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m);
        RelationshipDeclaration[] variants =
        [
            Declare(id: new RelationshipDeclarationId("rd-2"), relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(clinicianId: new ClinicianId("c-2"), relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(patientId: new PatientId("p-2"), relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(relationCode: "PRN", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(relationCode: null, kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(relationCode: "SPS", kind: RelationshipKind.Barter, end: Start.PlusDays(3), safeguards: Safeguards.Consultation),
            Declare(relationCode: "SPS", kind: RelationshipKind.Gift, start: Start.PlusDays(1), end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(4), safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: null, safeguards: Safeguards.Consultation, giftValue: 25m),
            Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.InformedConsent, giftValue: 25m),
            Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: 26m),
            Declare(relationCode: "SPS", kind: RelationshipKind.Gift, end: Start.PlusDays(3), safeguards: Safeguards.Consultation, giftValue: null),
        ];

        variants.Should().OnlyContain(v => !v.Equals(baseline) && v != baseline);
    }

    // ---- RelationshipStandard -------------------------------------------------------------------

    [Fact]
    public void Standard_ValidJudgement_KeepsEveryArgumentAndTheFactorsInOrder()
    {
        var standard = new RelationshipStandard(
            BoundaryStance.Judgement, Source, Period.FromYears(2), Safeguards.WrittenRationale, ["harm-risk", "exploitation-risk"], coversRelatives: true);

        standard.Stance.Should().Be(BoundaryStance.Judgement);
        standard.Citation.Should().Be(Source);
        standard.WaitPeriod.Should().Be(Period.FromYears(2));
        standard.RequiredSafeguards.Should().Be(Safeguards.WrittenRationale);
        standard.Factors.Should().Equal("harm-risk", "exploitation-risk");
        standard.CoversRelatives.Should().BeTrue();
    }

    [Fact]
    public void Standard_OptionalArguments_DefaultToNone()
    {
        var standard = new RelationshipStandard(BoundaryStance.Prohibited, Source);

        standard.WaitPeriod.Should().BeNull();
        standard.RequiredSafeguards.Should().Be(Safeguards.None);
        standard.Factors.Should().BeEmpty();
        standard.CoversRelatives.Should().BeFalse();
    }

    [Fact]
    public void Standard_JudgementWithoutFactors_Throws()
    {
        Action none = () => _ = new RelationshipStandard(BoundaryStance.Judgement, Source);
        Action empty = () => _ = new RelationshipStandard(BoundaryStance.Judgement, Source, factors: []);

        none.Should().ThrowExactly<ArgumentException>().WithParameterName("factors");
        empty.Should().ThrowExactly<ArgumentException>().WithParameterName("factors");
    }

    [Theory]
    [InlineData(BoundaryStance.Prohibited)]
    [InlineData(BoundaryStance.Permitted)]
    public void Standard_OtherStanceWithFactors_Throws(BoundaryStance stance)
    {
        Action act = () => _ = new RelationshipStandard(stance, Source, factors: ["harm-risk"]);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("factors");
        new RelationshipStandard(stance, Source, factors: []).Factors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("time since termination")]
    [InlineData("")]
    [InlineData("-harm")]
    [InlineData("harm,risk")]
    public void Standard_FactorNotACode_Throws(string factor)
    {
        Action act = () => _ = new RelationshipStandard(BoundaryStance.Judgement, Source, factors: ["harm-risk", factor]);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("factors");
    }

    [Fact]
    public void Standard_NullFactor_ThrowsArgumentNullException()
    {
        Action act = () => _ = new RelationshipStandard(BoundaryStance.Judgement, Source, factors: ["harm-risk", null!]);

        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("factors");
    }

    public static TheoryData<string, Period> RefusedWaitPeriods => new()
    {
        { "zero", Period.Zero },
        { "zero days", Period.FromDays(0) },
        { "negative years", Period.FromYears(-2) },
        { "negative months", Period.FromMonths(-6) },
        { "negative weeks", Period.FromWeeks(-1) },
        { "negative days", Period.FromDays(-1) },
        { "hours", Period.FromHours(1) },
        { "years and a minute", Period.FromYears(2) + Period.FromMinutes(1) },
        { "a nanosecond", Period.FromNanoseconds(1) },
    };

    [Theory]
    [MemberData(nameof(RefusedWaitPeriods))]
    public void Standard_WaitPeriodWithTimeZeroOrNegative_Throws(string description, Period wait)
    {
        Action act = () => _ = new RelationshipStandard(BoundaryStance.Permitted, Source, wait);

        act.Should().ThrowExactly<ArgumentException>(description).WithParameterName("waitPeriod");
    }

    public static TheoryData<Period> AcceptedWaitPeriods => new(Period.FromYears(2), Period.FromYears(5), Period.FromMonths(6), Period.FromWeeks(1), Period.FromDays(1));

    [Theory]
    [MemberData(nameof(AcceptedWaitPeriods))]
    public void Standard_PositiveDateWaitPeriod_IsKept(Period wait)
    {
        new RelationshipStandard(BoundaryStance.Permitted, Source, wait).WaitPeriod.Should().Be(wait);
    }

    [Fact]
    public void Standard_UndefinedStanceOrSafeguards_ThrowArgumentOutOfRange()
    {
        Action stance = () => _ = new RelationshipStandard((BoundaryStance)3, Source);
        Action safeguards = () => _ = new RelationshipStandard(BoundaryStance.Prohibited, Source, requiredSafeguards: (Safeguards)64);

        stance.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("stance");
        safeguards.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("requiredSafeguards");
    }

    [Fact]
    public void Standard_NullCitation_ThrowsArgumentNullException()
    {
        Action act = () => _ = new RelationshipStandard(BoundaryStance.Prohibited, null!);

        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("citation");
    }

    [Fact]
    public void Standard_Equality_ComparesEveryMemberAndTheFactorsBySequence()
    {
        var a = new RelationshipStandard(BoundaryStance.Judgement, Source, Period.FromYears(2), Safeguards.WrittenRationale, ["harm-risk", "exploitation-risk"], true);
        var b = new RelationshipStandard(
            BoundaryStance.Judgement, new Citation("Clinic boundary policy", "Section 4", "2026"), Period.FromYears(2), Safeguards.WrittenRationale,
            new List<string> { "harm-risk", "exploitation-risk" }, true);

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, Source, Period.FromYears(2), Safeguards.WrittenRationale, ["exploitation-risk", "harm-risk"], true));
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, Source, Period.FromYears(2), Safeguards.WrittenRationale, ["harm-risk"], true));
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, Source, Period.FromYears(3), Safeguards.WrittenRationale, ["harm-risk", "exploitation-risk"], true));
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, Source, null, Safeguards.WrittenRationale, ["harm-risk", "exploitation-risk"], true));
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, Source, Period.FromYears(2), Safeguards.None, ["harm-risk", "exploitation-risk"], true));
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, Source, Period.FromYears(2), Safeguards.WrittenRationale, ["harm-risk", "exploitation-risk"], false));
        a.Should().NotBe(new RelationshipStandard(BoundaryStance.Judgement, BoundaryCitations.AmaGifts, Period.FromYears(2), Safeguards.WrittenRationale, ["harm-risk", "exploitation-risk"], true));
        new RelationshipStandard(BoundaryStance.Prohibited, Source).Should().NotBe(new RelationshipStandard(BoundaryStance.Permitted, Source));
    }

    // ---- DualRelationshipSettings ---------------------------------------------------------------

    [Fact]
    public void Settings_EveryStandardAndALimit_AreKept()
    {
        Dictionary<DualSituation, RelationshipStandard> standards = Psychology.Standards.ToDictionary();

        var settings = new DualRelationshipSettings(standards, 50m);

        settings.Standards.Should().BeEquivalentTo(standards);
        settings.GiftValueLimit.Should().Be(50m);
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void Settings_MissingASituation_Throws(DualSituation missing)
    {
        Dictionary<DualSituation, RelationshipStandard> standards = Psychology.Standards.ToDictionary();
        standards.Remove(missing);

        Action create = () => _ = new DualRelationshipSettings(standards, null);
        Action with = () => _ = Psychology with { Standards = standards.ToImmutableDictionary() };

        create.Should().ThrowExactly<ArgumentException>().WithParameterName("standards");
        with.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Settings_UndefinedSituation_Throws()
    {
        Dictionary<DualSituation, RelationshipStandard> standards = Psychology.Standards.ToDictionary();
        standards[(DualSituation)99] = new RelationshipStandard(BoundaryStance.Prohibited, Source);

        Action act = () => _ = new DualRelationshipSettings(standards, null);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("standards");
    }

    [Fact]
    public void Settings_NullStandardOrDictionary_ThrowsArgumentNullException()
    {
        Dictionary<DualSituation, RelationshipStandard> standards = Psychology.Standards.ToDictionary();
        standards[DualSituation.Gift] = null!;

        Action nullStandard = () => _ = new DualRelationshipSettings(standards, null);
        Action nullDictionary = () => _ = new DualRelationshipSettings(null!, null);

        nullStandard.Should().ThrowExactly<ArgumentNullException>().WithParameterName("standards");
        nullDictionary.Should().ThrowExactly<ArgumentNullException>().WithParameterName("standards");
    }

    [Fact]
    public void Settings_NegativeGiftLimit_ThrowsArgumentOutOfRange()
    {
        Action create = () => _ = new DualRelationshipSettings(Psychology.Standards, -0.01m);
        Action with = () => _ = Psychology with { GiftValueLimit = -1m };

        create.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName("giftValueLimit");
        with.Should().ThrowExactly<ArgumentOutOfRangeException>().WithParameterName(nameof(DualRelationshipSettings.GiftValueLimit));
    }

    [Fact]
    public void Settings_ZeroGiftLimit_IsAllowed()
    {
        new DualRelationshipSettings(Psychology.Standards, 0m).GiftValueLimit.Should().Be(0m);
        (Psychology with { GiftValueLimit = 0m }).GiftValueLimit.Should().Be(0m);
    }

    [Fact]
    public void With_OneSituation_ReplacesOnlyThatStandard()
    {
        DualRelationshipSettings limited = Psychology with { GiftValueLimit = 30m };
        var prohibited = new RelationshipStandard(BoundaryStance.Prohibited, BoundaryCitations.AmaGifts);

        DualRelationshipSettings changed = limited.With(DualSituation.Gift, prohibited);

        changed.Standards[DualSituation.Gift].Should().BeSameAs(prohibited);
        changed.Standards.Where(kv => kv.Key != DualSituation.Gift).Should().BeEquivalentTo(limited.Standards.Where(kv => kv.Key != DualSituation.Gift));
        changed.Standards.Should().HaveCount(limited.Standards.Count);
        changed.GiftValueLimit.Should().Be(30m);
        limited.Standards[DualSituation.Gift].Stance.Should().Be(BoundaryStance.Judgement, "the original is not changed");
        Psychology.Standards[DualSituation.Gift].Stance.Should().Be(BoundaryStance.Judgement);
    }

    [Fact]
    public void With_NullStandard_ThrowsArgumentNullException()
    {
        Action act = () => Psychology.With(DualSituation.Gift, null!);

        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("standard");
    }

    [Fact]
    public void With_UndefinedSituation_Throws()
    {
        Action act = () => Psychology.With((DualSituation)99, new RelationshipStandard(BoundaryStance.Prohibited, Source));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Equality_SameStandardsInNewInstances_AreEqual()
    {
        var copy = new DualRelationshipSettings(
            Psychology.Standards.ToDictionary(
                kv => kv.Key,
                kv => new RelationshipStandard(kv.Value.Stance, kv.Value.Citation, kv.Value.WaitPeriod, kv.Value.RequiredSafeguards, [.. kv.Value.Factors], kv.Value.CoversRelatives)),
            null);

        copy.Should().Be(Psychology);
        (copy == Psychology).Should().BeTrue();
        copy.GetHashCode().Should().Be(Psychology.GetHashCode());
    }

    [Fact]
    public void Equality_AStandardOrTheLimitDiffers_AreNotEqual()
    {
        DualRelationshipSettings changedStandard = Psychology.With(DualSituation.IncidentalContact, new RelationshipStandard(BoundaryStance.Prohibited, BoundaryCitations.ApaMultipleRelationships));

        changedStandard.Should().NotBe(Psychology);
        (Psychology with { GiftValueLimit = 50m }).Should().NotBe(Psychology);
        DualRelationshipPresets.Counseling.Should().NotBe(Psychology);
        Psychology.With(DualSituation.Gift, Psychology.Standards[DualSituation.Gift]).Should().Be(Psychology, "replacing a standard with itself changes nothing");
    }

    [Fact]
    public void Equality_AStandardDiffersOnlyInItsFactorsOrCitation_AreNotEqual()
    {
        RelationshipStandard gift = Psychology.Standards[DualSituation.Gift];
        var otherFactors = new RelationshipStandard(gift.Stance, gift.Citation, gift.WaitPeriod, gift.RequiredSafeguards, ["harm-risk"], gift.CoversRelatives);
        var otherCitation = new RelationshipStandard(gift.Stance, BoundaryCitations.AmaGifts, gift.WaitPeriod, gift.RequiredSafeguards, gift.Factors, gift.CoversRelatives);

        Psychology.With(DualSituation.Gift, otherFactors).Should().NotBe(Psychology);
        Psychology.With(DualSituation.Gift, otherCitation).Should().NotBe(Psychology);
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static RelationshipDeclaration Declare(
        RelationshipDeclarationId? id = null, ClinicianId? clinicianId = null, PatientId? patientId = null, string? relationCode = null,
        RelationshipKind kind = RelationshipKind.FriendshipOrSocial, LocalDate? start = null, LocalDate? end = null, Safeguards safeguards = Safeguards.None,
        decimal? giftValue = null) =>
        new(id ?? Id, clinicianId ?? Clinician, patientId ?? Patient, relationCode, kind, start ?? Start, end, safeguards, giftValue);
}
