using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Boundaries;

/// <summary>
/// <see cref="BoundaryPolicy"/> against its specification: creation, revisions and their change log, the flattened
/// settings, and a law for random numeric revisions; then the <see cref="BoundaryPresets"/> and <see cref="Jurisdiction"/>.
/// </summary>
public class BoundaryPolicyTests
{
    private const int Runs = 300;

    private const string Reason = "state-board-rule";

    /// <summary>Version 1 of the test policy takes effect on this day.</summary>
    private static readonly LocalDate Effective = new(2027, 1, 4);

    private static readonly BoundarySettings PsychologySettings = BoundaryPresets.UsPsychology.Settings;

    private static readonly ImmutableArray<Citation> PsychologySources = BoundaryPresets.UsPsychology.Sources;

    private static readonly Jurisdiction California = new("US", "US-CA");

    public static TheoryData<string, ClinicianProfession, BoundaryPolicy> Presets => new()
    {
        { "us-psychiatry", ClinicianProfession.Psychiatrist, BoundaryPresets.UsPsychiatry },
        { "us-psychology", ClinicianProfession.Psychologist, BoundaryPresets.UsPsychology },
        { "us-counseling", ClinicianProfession.Counselor, BoundaryPresets.UsCounseling },
        { "us-social-work", ClinicianProfession.SocialWorker, BoundaryPresets.UsSocialWork },
    };

    // ---- Create ---------------------------------------------------------------------------------

    [Fact]
    public void Create_ValidArguments_IsVersionOneWithEmptyChangeLogAndKeepsEveryArgument()
    {
        var sourcesAsOf = new LocalDate(2026, 12, 1);

        BoundaryPolicy policy = BoundaryPolicy.Create(
            "clinic-ca", "Clinic policy, California", ClinicianProfession.Counselor, California, Effective, sourcesAsOf, PsychologySettings, PsychologySources);

        policy.Version.Should().Be(1);
        policy.ChangeLog.Should().BeEmpty();
        policy.Id.Should().Be("clinic-ca");
        policy.Name.Should().Be("Clinic policy, California");
        policy.Profession.Should().Be(ClinicianProfession.Counselor);
        policy.Jurisdiction.Should().Be(California);
        policy.EffectiveDate.Should().Be(Effective);
        policy.SourcesAsOf.Should().Be(sourcesAsOf);
        policy.Settings.Should().BeSameAs(PsychologySettings);
        policy.Sources.Should().Equal(PsychologySources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("clinic policy")]
    [InlineData("-clinic")]
    [InlineData("clinic/ca")]
    [InlineData("CANARY Jane Doe")]
    public void Create_IdNotACode_Throws(string code)
    {
        Action act = () => Create(id: code);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("id");
    }

    [Fact]
    public void Create_IdLongerThanACode_Throws()
    {
        Action act = () => Create(id: new string('a', 65));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("id");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \t\r\n ")]
    public void Create_BlankName_Throws(string blank)
    {
        Action act = () => Create(name: blank);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public void Create_NameOfMaximumLength_IsAcceptedAndOneMoreIsRefused()
    {
        BoundaryPolicy.MaximumNameLength.Should().Be(200);
        Create(name: new string('n', 200)).Name.Should().HaveLength(200);

        Action act = () => Create(name: new string('n', 201));

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public void Create_NoSources_Throws()
    {
        Action act = () => Create(sources: []);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("sources");
    }

    [Fact]
    public void Create_NullSource_ThrowsArgumentNullException()
    {
        Action act = () => Create(sources: [PsychologySources[0], null!]);

        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("sources");
    }

    [Fact]
    public void Create_NullArguments_ThrowArgumentNullException()
    {
        Action noName = () => Create(name: null!);
        Action noJurisdiction = () => BoundaryPolicy.Create("p", "P", ClinicianProfession.Psychologist, null!, Effective, Effective, PsychologySettings, PsychologySources);
        Action noSettings = () => BoundaryPolicy.Create("p", "P", ClinicianProfession.Psychologist, California, Effective, Effective, null!, PsychologySources);
        Action noSources = () => BoundaryPolicy.Create("p", "P", ClinicianProfession.Psychologist, California, Effective, Effective, PsychologySettings, null!);

        noName.Should().Throw<ArgumentException>().WithParameterName("name");
        noJurisdiction.Should().ThrowExactly<ArgumentNullException>().WithParameterName("jurisdiction");
        noSettings.Should().ThrowExactly<ArgumentNullException>().WithParameterName("settings");
        noSources.Should().ThrowExactly<ArgumentNullException>().WithParameterName("sources");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(99)]
    public void Create_UndefinedProfession_ThrowsArgumentOutOfRange(int value)
    {
        Action act = () => Create(profession: (ClinicianProfession)value);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("profession");
    }

    // ---- Revise ---------------------------------------------------------------------------------

    [Fact]
    public void Revise_CancellationNotice24To48Hours_LogsOneChangeWithOldAndNewValues()
    {
        BoundaryPolicy policy = Create();
        BoundarySettings settings = WithCancellationNotice(policy.Settings, Duration.FromHours(48));
        LocalDate effective = Effective.PlusDays(30);

        BoundaryPolicy revised = policy.Revise(settings, Reason, effective);

        policy.Settings.Time.CancellationNotice.Should().Be(Duration.FromHours(24), "the preset starts from the default notice");
        revised.Version.Should().Be(2);
        revised.EffectiveDate.Should().Be(effective);
        revised.Settings.Should().BeSameAs(settings);
        revised.ChangeLog.Should().Equal(new PolicyChange(2, effective, "time.cancellationNotice", "1:00:00:00", "2:00:00:00", Reason));
        revised.ChangeLog[0].OldValue.Should().Be(policy.DescribeSettings()["time.cancellationNotice"]);
        revised.ChangeLog[0].NewValue.Should().Be(revised.DescribeSettings()["time.cancellationNotice"]);
    }

    [Fact]
    public void Revise_Valid_KeepsEverythingButVersionEffectiveDateSettingsAndLog()
    {
        BoundaryPolicy policy = Create();

        BoundaryPolicy revised = policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), Reason, Effective.PlusDays(1));

        revised.Should().NotBeSameAs(policy);
        revised.Id.Should().Be(policy.Id);
        revised.Name.Should().Be(policy.Name);
        revised.Profession.Should().Be(policy.Profession);
        revised.Jurisdiction.Should().Be(policy.Jurisdiction);
        revised.SourcesAsOf.Should().Be(policy.SourcesAsOf);
        revised.Sources.Should().Equal(policy.Sources);
    }

    [Fact]
    public void Revise_Valid_LeavesTheOriginalUnchanged()
    {
        BoundaryPolicy policy = Create();
        BoundarySettings before = policy.Settings;
        IReadOnlyDictionary<string, string> described = policy.DescribeSettings();

        _ = policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), Reason, Effective.PlusDays(1));

        policy.Version.Should().Be(1);
        policy.EffectiveDate.Should().Be(Effective);
        policy.Settings.Should().BeSameAs(before);
        policy.Settings.Time.CancellationNotice.Should().Be(Duration.FromHours(24));
        policy.ChangeLog.Should().BeEmpty();
        policy.DescribeSettings().Should().Equal(described);
    }

    [Fact]
    public void Revise_DualStandardReplaced_ListsEachChangedSubSettingOfThatSituation()
    {
        BoundaryPolicy policy = Create();
        RelationshipStandard before = policy.Settings.Dual.Standards[DualSituation.Gift];
        var prohibited = new RelationshipStandard(BoundaryStance.Prohibited, BoundaryCitations.AmaGifts);
        BoundarySettings settings = policy.Settings with { Dual = policy.Settings.Dual.With(DualSituation.Gift, prohibited) };

        BoundaryPolicy revised = policy.Revise(settings, Reason, Effective);

        before.Stance.Should().Be(BoundaryStance.Judgement, "the psychology preset judges gifts, with factors");
        revised.ChangeLog.Should().Equal(
            new PolicyChange(2, Effective, "dual.standards.gift.citation.document", before.Citation.Document, BoundaryCitations.AmaGifts.Document, Reason),
            new PolicyChange(2, Effective, "dual.standards.gift.citation.edition", before.Citation.Edition, BoundaryCitations.AmaGifts.Edition, Reason),
            new PolicyChange(2, Effective, "dual.standards.gift.citation.section", before.Citation.Section, BoundaryCitations.AmaGifts.Section, Reason),
            new PolicyChange(2, Effective, "dual.standards.gift.factors", string.Join(",", before.Factors), string.Empty, Reason),
            new PolicyChange(2, Effective, "dual.standards.gift.stance", "judgement", "prohibited", Reason));
    }

    [Fact]
    public void Revise_TheLongestSettingPaths_AreLogged()
    {
        BoundaryPolicy policy = Create();
        DualRelationshipSettings dual = policy.Settings.Dual.With(
            DualSituation.PersonalRelationshipAfterTermination, new RelationshipStandard(BoundaryStance.Judgement, BoundaryCitations.ClinicBoundaryPolicy, factors: ["harm-risk"]));

        BoundaryPolicy revised = policy.Revise(policy.Settings with { Dual = dual }, Reason, Effective);

        revised.ChangeLog.Select(c => c.Setting).Should().Contain("dual.standards.personalRelationshipAfterTermination.citation.document");
    }

    [Theory]
    [InlineData("time..cancellationNotice")]
    [InlineData("time.cancellation notice")]
    [InlineData("")]
    public void PolicyChange_MalformedSettingPath_Refused(string path)
    {
        Action act = () => _ = new PolicyChange(2, Effective, path, "a", "b", Reason);

        act.Should().Throw<ArgumentException>().WithParameterName("Setting");
    }

    [Fact]
    public void Revise_OneSubSettingOfAStandard_ListsOnlyThatPath()
    {
        BoundaryPolicy policy = Create();
        RelationshipStandard before = policy.Settings.Dual.Standards[DualSituation.Barter];
        var stricter = new RelationshipStandard(before.Stance, before.Citation, before.WaitPeriod, Safeguards.WrittenBarterContract, before.Factors, before.CoversRelatives);
        BoundarySettings settings = policy.Settings with { Dual = policy.Settings.Dual.With(DualSituation.Barter, stricter) };

        BoundaryPolicy revised = policy.Revise(settings, Reason, Effective);

        revised.ChangeLog.Should().ContainSingle().Which.Should().Be(
            new PolicyChange(2, Effective, "dual.standards.barter.requiredSafeguards", "none", "writtenBarterContract", Reason));
    }

    [Fact]
    public void Revise_WaitPeriodLengthened_ListsTheWaitPeriodPath()
    {
        BoundaryPolicy policy = Create();
        RelationshipStandard before = policy.Settings.Dual.Standards[DualSituation.SexualWithFormerPatient];
        var longer = new RelationshipStandard(before.Stance, before.Citation, Period.FromYears(5), before.RequiredSafeguards, before.Factors, before.CoversRelatives);
        BoundarySettings settings = policy.Settings with { Dual = policy.Settings.Dual.With(DualSituation.SexualWithFormerPatient, longer) };

        BoundaryPolicy revised = policy.Revise(settings, Reason, Effective);

        revised.ChangeLog.Should().Equal(new PolicyChange(2, Effective, "dual.standards.sexualWithFormerPatient.waitPeriod", "P2Y", "P5Y", Reason));
    }

    [Fact]
    public void Revise_GiftValueLimitSet_ListsTheLimitWithOldValueNone()
    {
        BoundaryPolicy policy = Create();
        BoundarySettings settings = policy.Settings with { Dual = policy.Settings.Dual with { GiftValueLimit = 50m } };

        BoundaryPolicy revised = policy.Revise(settings, "texas-counselor-rule", Effective.PlusDays(2));

        revised.ChangeLog.Should().Equal(new PolicyChange(2, Effective.PlusDays(2), "dual.giftValueLimit", "none", "50", "texas-counselor-rule"));
    }

    [Fact]
    public void Revise_MinimumLengthAddedForAnotherKind_ListsTheNewPathWithOldValueNone()
    {
        BoundaryPolicy policy = Create();
        TimeBoundarySettings time = policy.Settings.Time with
        {
            MinimumLengths = policy.Settings.Time.MinimumLengths.SetItem(SessionKind.Crisis, Duration.FromMinutes(30)),
        };

        BoundaryPolicy revised = policy.Revise(policy.Settings with { Time = time }, Reason, Effective);

        revised.ChangeLog.Should().ContainSingle().Which.Should().Match<PolicyChange>(c =>
            c.Setting == "time.minimumLengths.crisis" && c.OldValue == "none" && c.NewValue == revised.DescribeSettings()["time.minimumLengths.crisis"]);
    }

    [Fact]
    public void Revise_ChangesInSeveralGroups_ListsThemAllSortedByPath()
    {
        BoundaryPolicy policy = Create();
        BoundarySettings settings = policy.Settings with
        {
            Time = policy.Settings.Time with { NoShowGrace = Duration.FromMinutes(20) },
            Planning = policy.Settings.Planning with { MinimumGoalShare = 0.6 },
            Alliance = policy.Settings.Alliance with { Trend = policy.Settings.Alliance.Trend with { RuptureDeviations = 1 } },
            Dual = policy.Settings.Dual with { GiftValueLimit = 25m },
        };

        BoundaryPolicy revised = policy.Revise(settings, Reason, Effective);

        revised.ChangeLog.Select(c => (c.Setting, c.OldValue, c.NewValue)).Should().Equal(
            ("alliance.trend.ruptureDeviations", "2", "1"),
            ("dual.giftValueLimit", "none", "25"),
            ("planning.minimumGoalShare", "0.5", "0.6"),
            ("time.noShowGrace", "0:00:15:00", "0:00:20:00"));
    }

    [Fact]
    public void Revise_Twice_AccumulatesChangesOldestFirst()
    {
        BoundaryPolicy policy = Create();
        LocalDate first = Effective.PlusDays(10);
        LocalDate second = Effective.PlusDays(40);

        BoundaryPolicy v2 = policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), "first-review", first);
        BoundaryPolicy v3 = v2.Revise(v2.Settings with { Planning = v2.Settings.Planning with { SessionsWithoutProgress = 6 } }, "second-review", second);

        v3.Version.Should().Be(3);
        v3.EffectiveDate.Should().Be(second);
        v3.ChangeLog.Should().Equal(
            new PolicyChange(2, first, "time.cancellationNotice", "1:00:00:00", "2:00:00:00", "first-review"),
            new PolicyChange(3, second, "planning.sessionsWithoutProgress", "4", "6", "second-review"));
        v2.ChangeLog.Should().ContainSingle("revising v2 leaves v2's log as it was");
        v2.Version.Should().Be(2);
    }

    [Fact]
    public void Revise_SameSettingsInstance_ThrowsNoChange()
    {
        BoundaryPolicy policy = Create();

        Action act = () => policy.Revise(policy.Settings, Reason, Effective.PlusDays(1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.NoChange);
        PolicyRuleCodes.NoChange.Value.Should().Be("TA.POLICY.NO_CHANGE");
        policy.Version.Should().Be(1);
    }

    [Fact]
    public void Revise_EqualSettingsBuiltAfresh_ThrowsNoChange()
    {
        BoundaryPolicy policy = Create();
        var copy = new BoundarySettings(
            new TimeBoundarySettings(), new PlanningSettings(), new AllianceSettings(),
            new DualRelationshipSettings(policy.Settings.Dual.Standards.ToDictionary(), policy.Settings.Dual.GiftValueLimit),
            new ConfidentialitySettings());

        Action act = () => policy.Revise(copy, Reason, Effective);

        copy.Should().Be(policy.Settings);
        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.NoChange);
    }

    [Fact]
    public void Revise_ConfidentialityForAState_LogsTheDutyAndTheSourceOnePartEach()
    {
        BoundaryPolicy policy = BoundaryPresets.UsPsychiatry;
        var source = new Citation("Cal. Civil Code", "43.92", "2024");
        BoundarySettings california = policy.Settings with
        {
            Confidentiality = ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-CA")) with { StateLawSource = source },
        };

        BoundaryPolicy revised = policy.Revise(california, "california", policy.EffectiveDate);

        revised.ChangeLog.Select(c => (c.Setting, c.OldValue, c.NewValue)).Should().Equal(
            ("confidentiality.dutyToProtect", "unknown", "mandatory"),
            ("confidentiality.stateLawSource.document", "none", "Cal. Civil Code"),
            ("confidentiality.stateLawSource.edition", "none", "2024"),
            ("confidentiality.stateLawSource.section", "none", "43.92"));
    }

    [Fact]
    public void Revise_ChangeThatIsUndone_ThrowsNoChange()
    {
        BoundaryPolicy policy = Create();
        BoundarySettings undone = WithCancellationNotice(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), Duration.FromHours(24));

        Action act = () => policy.Revise(undone, Reason, Effective);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.NoChange);
    }

    [Fact]
    public void Revise_GiftLimitRevisedToAnEqualDecimalWithAnotherScale_ThrowsNoChange()
    {
        BoundaryPolicy v1 = Create();
        BoundaryPolicy policy = v1.Revise(v1.Settings with { Dual = v1.Settings.Dual with { GiftValueLimit = 50m } }, Reason, Effective);
        BoundarySettings equal = policy.Settings with { Dual = policy.Settings.Dual with { GiftValueLimit = 50.00m } };

        Action act = () => policy.Revise(equal, Reason, Effective);

        equal.Should().Be(policy.Settings, "50 and 50.00 are the same limit");
        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.NoChange);
    }

    [Fact]
    public void Revise_CitationChangedToOneWithTheSameText_LogsTheChange()
    {
        BoundaryPolicy policy = Create();
        RelationshipStandard before = policy.Settings.Dual.Standards[DualSituation.IncidentalContact];
        var original = new Citation("Clinic rules, part A", "B", "2026");
        var lookalike = new Citation("Clinic rules", "part A, B", "2026");
        BoundaryPolicy withOriginal = policy.Revise(
            policy.Settings with { Dual = policy.Settings.Dual.With(DualSituation.IncidentalContact, new RelationshipStandard(before.Stance, original)) }, Reason, Effective);
        BoundarySettings changed = withOriginal.Settings with { Dual = withOriginal.Settings.Dual.With(DualSituation.IncidentalContact, new RelationshipStandard(before.Stance, lookalike)) };

        BoundaryPolicy revised = withOriginal.Revise(changed, Reason, Effective);

        changed.Should().NotBe(withOriginal.Settings);
        revised.ChangeLog.Should().Contain(c => c.Version == 3 && c.Setting.StartsWith("dual.standards.incidentalContact.citation.", StringComparison.Ordinal));
    }

    [Fact]
    public void Revise_EffectiveDateBeforeTheCurrentVersion_ThrowsEffectiveOrder()
    {
        BoundaryPolicy policy = Create();

        Action act = () => policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), Reason, Effective.PlusDays(-1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.EffectiveOrder);
        PolicyRuleCodes.EffectiveOrder.Value.Should().Be("TA.POLICY.EFFECTIVE_ORDER");
        policy.Version.Should().Be(1);
    }

    [Fact]
    public void Revise_EffectiveDateAfterVersionOneButBeforeVersionTwo_ThrowsEffectiveOrder()
    {
        BoundaryPolicy v2 = Create().Revise(WithCancellationNotice(PsychologySettings, Duration.FromHours(48)), Reason, Effective.PlusDays(30));

        Action act = () => v2.Revise(WithCancellationNotice(v2.Settings, Duration.FromHours(72)), Reason, Effective.PlusDays(29));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(PolicyRuleCodes.EffectiveOrder);
    }

    [Fact]
    public void Revise_SameEffectiveDate_IsAllowed()
    {
        BoundaryPolicy policy = Create();

        BoundaryPolicy revised = policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), Reason, Effective);

        revised.EffectiveDate.Should().Be(Effective);
        revised.Version.Should().Be(2);
        revised.ChangeLog.Should().OnlyContain(c => c.EffectiveDate == Effective);
    }

    [Theory]
    [InlineData("")]
    [InlineData("state board rule")]
    [InlineData("-rule")]
    [InlineData("rule!")]
    public void Revise_ReasonNotACode_Throws(string reason)
    {
        BoundaryPolicy policy = Create();

        Action act = () => policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), reason, Effective);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("reasonCode");
        policy.Version.Should().Be(1);
    }

    [Fact]
    public void Revise_NullArguments_ThrowArgumentNullException()
    {
        BoundaryPolicy policy = Create();

        Action noSettings = () => policy.Revise(null!, Reason, Effective);
        Action noReason = () => policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), null!, Effective);

        noSettings.Should().ThrowExactly<ArgumentNullException>().WithParameterName("settings");
        noReason.Should().ThrowExactly<ArgumentNullException>().WithParameterName("reasonCode");
    }

    // ---- Random numeric revisions ---------------------------------------------------------------

    [FsCheck.Xunit.Property(MaxTest = Runs)]
    public Property Revise_RandomNumericChanges_ListsExactlyTheChangedSettingsAndRevertingSwapsOldAndNew() =>
        Prop.ForAll(Arb.From(AnyNumericChange()), change =>
        {
            BoundaryPolicy policy = Create();
            BoundarySettings changed = change.Apply(policy.Settings);
            LocalDate effective = Effective.PlusDays(change.DaysLater);
            string[] expected = change.ChangedPaths(policy.Settings);
            if (expected.Length == 0)
            {
                ((Action)(() => policy.Revise(changed, "numeric-review", effective))).Should().Throw<DomainRuleException>()
                    .Which.Code.Should().Be(PolicyRuleCodes.NoChange);
                return;
            }

            BoundaryPolicy revised = policy.Revise(changed, "numeric-review", effective);

            revised.ChangeLog.Select(c => c.Setting).Should().Equal(expected, "{0} changed exactly these settings", change);
            revised.ChangeLog.Should().OnlyContain(c => c.Version == 2 && c.EffectiveDate == effective && c.ReasonCode == "numeric-review" && c.OldValue != c.NewValue);
            revised.ChangeLog.Should().OnlyContain(c => c.OldValue == policy.DescribeSettings()[c.Setting] && c.NewValue == revised.DescribeSettings()[c.Setting]);
            if (expected.Contains("planning.sessionsWithoutProgress"))
            {
                revised.ChangeLog.Single(c => c.Setting == "planning.sessionsWithoutProgress").NewValue
                    .Should().Be(change.SessionsWithoutProgress.ToString(CultureInfo.InvariantCulture));
            }

            BoundaryPolicy back = revised.Revise(policy.Settings, "revert", effective);
            PolicyChange[] reverted = [.. back.ChangeLog.Skip(revised.ChangeLog.Length)];

            back.ChangeLog.Take(revised.ChangeLog.Length).Should().Equal(revised.ChangeLog, "earlier entries stay as they were");
            reverted.Select(c => (c.Setting, c.OldValue, c.NewValue)).Should().Equal(revised.ChangeLog.Select(c => (c.Setting, c.NewValue, c.OldValue)));
            reverted.Should().OnlyContain(c => c.Version == 3 && c.EffectiveDate == effective && c.ReasonCode == "revert");
            back.DescribeSettings().Should().Equal(policy.DescribeSettings());
        });

    [Fact]
    public void AnyNumericChange_Sample_ReachesNoChangeEachSingleChangeAndAllThree()
    {
        BoundarySettings settings = Create().Settings;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (NumericChange change in Gen.Sample(AnyNumericChange(), Runs, new Rnd(20261127UL), Runs))
        {
            seen.Add(string.Join("|", change.ChangedPaths(settings)));
        }

        seen.Should().Contain(
        [
            string.Empty, "alliance.minimumKeptRate", "planning.sessionsWithoutProgress", "time.noShowGrace",
            "alliance.minimumKeptRate|planning.sessionsWithoutProgress|time.noShowGrace",
        ]);
    }

    // ---- DescribeSettings -----------------------------------------------------------------------

    [Fact]
    public void DescribeSettings_Psychology_HoldsKnownPathsAndValues()
    {
        IReadOnlyDictionary<string, string> described = BoundaryPresets.UsPsychology.DescribeSettings();

        described.Should().Contain("time.cancellationNotice", "1:00:00:00");
        described.Should().Contain("planning.minimumGoalShare", "0.5");
        described.Should().Contain("planning.sessionsWithoutProgress", "4");
        described.Should().Contain("alliance.trend.ruptureDeviations", "2");
        described.Should().Contain("alliance.trend.populationSd", "none");
        described.Should().Contain("alliance.allianceInstrumentCode", "SRS");
        described.Should().Contain("dual.giftValueLimit", "none");
        described.Should().Contain("dual.standards.sexualWithFormerPatient.waitPeriod", "P2Y");
        described.Should().Contain("dual.standards.sexualWithFormerPatient.stance", "judgement");
        described.Should().Contain("dual.standards.sexualWithFormerPatient.factors", string.Join(",", DualRelationshipPresets.Apa1008Factors));
        described.Should().Contain("dual.standards.sexualWithCurrentPatient.waitPeriod", "none");
        described.Should().Contain("dual.standards.sexualWithCurrentPatient.stance", "prohibited");
    }

    [Fact]
    public void DescribeSettings_OtherPresets_ShowTheirOwnWaitPeriods()
    {
        BoundaryPresets.UsCounseling.DescribeSettings().Should().Contain("dual.standards.sexualWithFormerPatient.waitPeriod", "P5Y");
        BoundaryPresets.UsCounseling.DescribeSettings().Should().Contain("dual.standards.sexualWithFormerPatient.coversRelatives", "true");
        BoundaryPresets.UsPsychiatry.DescribeSettings().Should().Contain("dual.standards.sexualWithFormerPatient.waitPeriod", "none");
        BoundaryPresets.UsPsychiatry.DescribeSettings().Should().Contain("dual.standards.sexualWithFormerPatient.stance", "prohibited");
    }

    [Fact]
    public void DescribeSettings_Paths_AreSortedOrdinally()
    {
        string[] paths = [.. BoundaryPresets.UsPsychology.DescribeSettings().Keys];

        paths.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        paths.Should().Equal(paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DescribeSettings_ListsEverySetting()
    {
        string[] standardParts = ["citation.document", "citation.edition", "citation.section", "coversRelatives", "factors", "requiredSafeguards", "stance", "waitPeriod"];
        string[] expected =
        [
            "time.cancellationNotice", "time.clinicianLateStartTolerance", "time.minimumLengths.psychotherapy", "time.noShowGrace", "time.overrunTolerance",
            "time.patientLatenessTolerance",
            "planning.minimumGoalShare", "planning.reviewInterval", "planning.sessionsWithoutProgress",
            "alliance.allianceInstrumentCode", "alliance.attendanceWindow", "alliance.maximumClinicianCancellationRate", "alliance.maximumLateStartRate",
            "alliance.minimumAttendanceSample", "alliance.minimumKeptRate", "alliance.negativeFeedbackSessions", "alliance.negativeFeedbackTime",
            "alliance.sessionsWithoutFeedback", "alliance.srsDropAlert",
            "alliance.trend.baselineWindow", "alliance.trend.deviationSource", "alliance.trend.populationSd", "alliance.trend.repairTolerance",
            "alliance.trend.repairWindow", "alliance.trend.ruptureDeviations",
            "confidentiality.categoriesNeedingAuthorization", "confidentiality.dutyToProtect", "confidentiality.dutyToProtectDisputed", "confidentiality.law",
            "confidentiality.minorParentAccess", "confidentiality.part2Applies", "confidentiality.stateLawSource",
            "dual.giftValueLimit",
            .. Enum.GetValues<DualSituation>().SelectMany(s => standardParts.Select(part => $"dual.standards.{Camel(s.ToString())}.{part}")),
        ];

        BoundaryPresets.UsPsychology.DescribeSettings().Keys.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void DescribeSettings_EveryPublicSettingProperty_HasAPath()
    {
        IReadOnlyDictionary<string, string> described = BoundaryPresets.UsSocialWork.DescribeSettings();
        (string Prefix, Type Type)[] groups =
        [
            ("time", typeof(TimeBoundarySettings)), ("planning", typeof(PlanningSettings)), ("alliance", typeof(AllianceSettings)),
            ("alliance.trend", typeof(AllianceTrendSettings)), ("dual", typeof(DualRelationshipSettings)),
            .. Enum.GetValues<DualSituation>().Select(s => ($"dual.standards.{Camel(s.ToString())}", typeof(RelationshipStandard))),
        ];

        string[] missing =
        [
            .. groups.SelectMany(g => g.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => $"{g.Prefix}.{Camel(p.Name)}"))
                .Where(path => !described.Keys.Any(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal))),
        ];

        missing.Should().BeEmpty();
    }

    [Fact]
    public void DescribeSettings_AfterRevision_ShowsTheNewValues()
    {
        BoundaryPolicy policy = Create();

        BoundaryPolicy revised = policy.Revise(WithCancellationNotice(policy.Settings, Duration.FromHours(48)), Reason, Effective);

        revised.DescribeSettings().Should().Contain("time.cancellationNotice", "2:00:00:00");
        revised.DescribeSettings().Where(kv => kv.Key != "time.cancellationNotice").Should().Equal(policy.DescribeSettings().Where(kv => kv.Key != "time.cancellationNotice"));
    }

    // ---- Presets --------------------------------------------------------------------------------

    [Fact]
    public void All_HoldsTheFourPresetsByTheirIds()
    {
        BoundaryPresets.All.Keys.Should().BeEquivalentTo(["us-psychiatry", "us-psychology", "us-counseling", "us-social-work"]);
        BoundaryPresets.All["us-psychiatry"].Should().BeSameAs(BoundaryPresets.UsPsychiatry);
        BoundaryPresets.All["us-psychology"].Should().BeSameAs(BoundaryPresets.UsPsychology);
        BoundaryPresets.All["us-counseling"].Should().BeSameAs(BoundaryPresets.UsCounseling);
        BoundaryPresets.All["us-social-work"].Should().BeSameAs(BoundaryPresets.UsSocialWork);
        BoundaryPresets.All.Should().OnlyContain(kv => kv.Value.Id == kv.Key);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_IsVersionOneOfItsProfessionInTheUs(string id, ClinicianProfession profession, BoundaryPolicy preset)
    {
        preset.Id.Should().Be(id);
        preset.Version.Should().Be(1);
        preset.ChangeLog.Should().BeEmpty();
        preset.Profession.Should().Be(profession);
        preset.Jurisdiction.Should().Be(new Jurisdiction("US")).And.Be(Jurisdiction.UnitedStates);
        preset.SourcesAsOf.Should().Be(new LocalDate(2026, 11, 27));
        BoundaryPresets.SourcesCheckedOn.Should().Be(new LocalDate(2026, 11, 27));
        preset.Name.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_SourcesAreDistinctAndIncludeEveryDualStandardsCitation(string id, ClinicianProfession profession, BoundaryPolicy preset)
    {
        _ = (id, profession);

        preset.Sources.Should().NotBeEmpty().And.OnlyHaveUniqueItems().And.NotContainNulls();
        preset.Settings.Dual.Standards.Should().HaveCount(Enum.GetValues<DualSituation>().Length);
        preset.Sources.Should().Contain(preset.Settings.Dual.Standards.Values.Select(s => s.Citation));
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_UsesTheDocumentedDefaultsAndItsProfessionsDualStandards(string id, ClinicianProfession profession, BoundaryPolicy preset)
    {
        _ = id;
        DualRelationshipSettings dual = profession switch
        {
            ClinicianProfession.Psychiatrist => DualRelationshipPresets.Psychiatry,
            ClinicianProfession.Psychologist => DualRelationshipPresets.Psychology,
            ClinicianProfession.Counselor => DualRelationshipPresets.Counseling,
            _ => DualRelationshipPresets.SocialWork,
        };

        preset.Settings.Time.Should().Be(TimeBoundarySettings.Default);
        preset.Settings.Planning.Should().Be(PlanningSettings.Default);
        preset.Settings.Alliance.Should().Be(AllianceSettings.Default);
        preset.Settings.Dual.Should().Be(dual);
    }

    [Fact]
    public void Presets_CanBeRevisedToAPracticesOwnPolicy()
    {
        BoundaryPolicy preset = BoundaryPresets.UsCounseling;

        BoundaryPolicy texas = preset.Revise(
            preset.Settings with { Dual = preset.Settings.Dual with { GiftValueLimit = 50m } }, "texas-counselor-rule", BoundaryPresets.SourcesCheckedOn.PlusDays(3));

        texas.Version.Should().Be(2);
        texas.ChangeLog.Should().ContainSingle().Which.Setting.Should().Be("dual.giftValueLimit");
        preset.Version.Should().Be(1, "the shared preset is never changed");
        preset.Settings.Dual.GiftValueLimit.Should().BeNull();
    }

    // ---- Jurisdiction ---------------------------------------------------------------------------

    [Theory]
    [InlineData("US", null, "US")]
    [InlineData("US", "US-CA", "US-CA")]
    [InlineData("US", "US-TX", "US-TX")]
    [InlineData("GB", "GB-ENG", "GB-ENG")]
    [InlineData("FR", "FR-75", "FR-75")]
    public void Jurisdiction_ValidCodes_AreKeptAndToStringGivesTheNarrowest(string country, string? subdivision, string text)
    {
        var jurisdiction = new Jurisdiction(country, subdivision);

        jurisdiction.Country.Should().Be(country);
        jurisdiction.Subdivision.Should().Be(subdivision);
        jurisdiction.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("Us")]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("")]
    [InlineData("U1")]
    [InlineData(" US")]
    [InlineData("US\n")]
    public void Jurisdiction_MalformedCountry_Throws(string code)
    {
        Action act = () => _ = new Jurisdiction(code);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("country");
    }

    [Theory]
    [InlineData("CA-US")]
    [InlineData("US-")]
    [InlineData("us-ca")]
    [InlineData("US-ca")]
    [InlineData("USCA")]
    [InlineData("US-CALI")]
    [InlineData("MX-CMX")]
    [InlineData("US-CA\n")]
    [InlineData("")]
    public void Jurisdiction_MalformedOrForeignSubdivision_Throws(string code)
    {
        Action act = () => _ = new Jurisdiction("US", code);

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("subdivision");
    }

    [Fact]
    public void Jurisdiction_NullCountry_ThrowsArgumentNullException()
    {
        Action act = () => _ = new Jurisdiction(null!);

        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("country");
    }

    [Fact]
    public void Jurisdiction_Equality_ComparesBothCodes()
    {
        new Jurisdiction("US", "US-CA").Should().Be(new Jurisdiction("US", "US-CA"));
        new Jurisdiction("US", "US-CA").GetHashCode().Should().Be(new Jurisdiction("US", "US-CA").GetHashCode());
        (new Jurisdiction("US", "US-CA") == California).Should().BeTrue();
        new Jurisdiction("US").Should().Be(Jurisdiction.UnitedStates);
        new Jurisdiction("US", "US-CA").Should().NotBe(new Jurisdiction("US"));
        new Jurisdiction("US", "US-CA").Should().NotBe(new Jurisdiction("US", "US-TX"));
        new Jurisdiction("GB").Should().NotBe(Jurisdiction.UnitedStates);
        (new Jurisdiction("US") != Jurisdiction.UnitedStates).Should().BeFalse();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static BoundaryPolicy Create(
        string id = "clinic-ca", string name = "Clinic policy", ClinicianProfession profession = ClinicianProfession.Psychologist,
        IEnumerable<Citation>? sources = null) =>
        BoundaryPolicy.Create(id, name, profession, California, Effective, BoundaryPresets.SourcesCheckedOn, PsychologySettings, sources ?? PsychologySources);

    private static BoundarySettings WithCancellationNotice(BoundarySettings settings, Duration notice) =>
        settings with { Time = settings.Time with { CancellationNotice = notice } };

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    /// <summary>New values for three numeric settings (often the defaults, so only some change) and how many days after version 1 the revision takes effect.</summary>
    private static Gen<NumericChange> AnyNumericChange() =>
        from sessions in Gen.Frequency((1, Gen.Constant(PlanningSettings.Default.SessionsWithoutProgress)), (3, Gen.Choose(1, 12)))
        from keptRate in Gen.Frequency((1, Gen.Constant(AllianceSettings.Default.MinimumKeptRate)), (3, Gen.Choose(0, 100).Select(p => p / 100.0)))
        from graceMinutes in Gen.Frequency((1, Gen.Constant(15)), (3, Gen.Choose(0, 60)))
        from days in Gen.Choose(0, 400)
        select new NumericChange(sessions, keptRate, Duration.FromMinutes(graceMinutes), days);

    private sealed record NumericChange(int SessionsWithoutProgress, double MinimumKeptRate, Duration NoShowGrace, int DaysLater)
    {
        public BoundarySettings Apply(BoundarySettings settings) => settings with
        {
            Planning = settings.Planning with { SessionsWithoutProgress = SessionsWithoutProgress },
            Alliance = settings.Alliance with { MinimumKeptRate = MinimumKeptRate },
            Time = settings.Time with { NoShowGrace = NoShowGrace },
        };

        /// <summary>The paths this change alters in <paramref name="settings"/>, sorted by path.</summary>
        public string[] ChangedPaths(BoundarySettings settings) =>
        [
            .. new[]
            {
                (Path: "alliance.minimumKeptRate", Changed: MinimumKeptRate != settings.Alliance.MinimumKeptRate),
                (Path: "planning.sessionsWithoutProgress", Changed: SessionsWithoutProgress != settings.Planning.SessionsWithoutProgress),
                (Path: "time.noShowGrace", Changed: NoShowGrace != settings.Time.NoShowGrace),
            }.Where(p => p.Changed).Select(p => p.Path),
        ];
    }
}
