using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Documents;

/// <summary>
/// Laws of <see cref="PolicyDocument"/> over generated policies: random valid values for every setting (time,
/// planning, alliance with its trend, and a standard for every dual situation), random identity and sources, and up to
/// two revisions. Writing then reading gives the same policy; reading then writing gives the same text; every written
/// document meets the JSON Schema.
/// </summary>
public class PolicyDocumentPropertyTests
{
    private const int Runs = 200;

    private const string CodeCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly JsonObject Schema = JsonNode.Parse(PolicyDocument.JsonSchema)!.AsObject();

    [Property(MaxTest = Runs)]
    public Property WriteThenRead_GivesTheSamePolicy() =>
        Prop.ForAll(AnyPolicy(), policy =>
        {
            PolicyReadResult result = PolicyDocument.Read(PolicyDocument.Write(policy));

            result.Validation.Errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}").Should().BeEmpty();
            PolicyDocumentTests.ShouldBeSame(result.Policy!, policy);
        });

    [Property(MaxTest = Runs)]
    public Property ReadThenWrite_GivesTheSameText() =>
        Prop.ForAll(AnyPolicy(), policy =>
        {
            string text = PolicyDocument.Write(policy);

            PolicyDocument.Write(PolicyDocument.Read(text).Policy!).Should().Be(text);
        });

    [Property(MaxTest = 100)]
    public Property WrittenDocuments_MeetTheSchema() =>
        Prop.ForAll(AnyPolicy(), policy =>
            PolicyDocumentSchemaTests.SchemaCheck.Errors(Schema, JsonNode.Parse(PolicyDocument.Write(policy))).Should().BeEmpty());

    // ---- Generators -------------------------------------------------------------------------------

    private static Arbitrary<BoundaryPolicy> AnyPolicy() =>
        (from id in AnyCode()
         from name in AnyText().Select(t => t.Length > BoundaryPolicy.MaximumNameLength ? t[..BoundaryPolicy.MaximumNameLength] : t)
         from profession in Gen.Elements(Enum.GetValues<ClinicianProfession>())
         from jurisdiction in Gen.Elements(Jurisdiction.UnitedStates, new Jurisdiction("US", "US-TX"), new Jurisdiction("GB", "GB-ENG"), new Jurisdiction("FR", "FR-75"))
         from effective in AnyDate()
         from sourcesAsOf in AnyDate()
         from sources in AnyCitation().NonEmptyListOf()
         from settings in AnySettings()
         from revisions in AnySettings().ListOf(2)
         from reasons in AnyCode().ListOf(2)
         from days in Gen.Choose(0, 1000).ListOf(2)
         from revisionCount in Gen.Choose(0, 2)
         select Revise(BoundaryPolicy.Create(id, name, profession, jurisdiction, effective, sourcesAsOf, settings, sources), [.. revisions.Zip(reasons, days).Take(revisionCount)]))
        .ToArbitrary();

    private static BoundaryPolicy Revise(BoundaryPolicy policy, (BoundarySettings Settings, string Reason, int Days)[] revisions) =>
        revisions.Aggregate(policy, (current, r) => current.Settings == r.Settings ? current : current.Revise(r.Settings, r.Reason, current.EffectiveDate.PlusDays(r.Days)));

    private static Gen<BoundarySettings> AnySettings() =>
        from time in AnyTime()
        from planning in AnyPlanning()
        from alliance in AnyAlliance()
        from dual in AnyDual()
        from confidentiality in AnyConfidentiality()
        select new BoundarySettings(time, planning, alliance, dual, confidentiality);

    private static Gen<ConfidentialitySettings> AnyConfidentiality() =>
        from law in Gen.Elements(Enum.GetValues<PrivacyLaw>())
        from part2 in Gen.Elements(true, false)
        from duty in Gen.Elements(Enum.GetValues<DutyToProtect>())
        from disputed in Gen.Elements(true, false)
        from parents in Gen.Elements(Enum.GetValues<MinorParentAccess>())
        from categories in Gen.Choose(0, (int)ConfidentialityCodes.AllCategories).Select(c => (DataCategories)c)
        from source in Gen.OneOf(Gen.Constant<Citation?>(null), AnyCitation().Select(c => (Citation?)c))
        select new ConfidentialitySettings
        {
            Law = law,
            Part2Applies = part2,
            DutyToProtect = duty,
            DutyToProtectDisputed = disputed,
            MinorParentAccess = parents,
            CategoriesNeedingAuthorization = categories,
            StateLawSource = source,
        };

    private static Gen<TimeBoundarySettings> AnyTime() =>
        from durations in AnyDuration(positive: false).ArrayOf(5)
        from kinds in Gen.SubListOf(Enum.GetValues<SessionKind>())
        from minimums in AnyDuration(positive: true).ArrayOf(kinds.Count)
        select new TimeBoundarySettings
        {
            ClinicianLateStartTolerance = durations[0],
            PatientLatenessTolerance = durations[1],
            OverrunTolerance = durations[2],
            CancellationNotice = durations[3],
            NoShowGrace = durations[4],
            MinimumLengths = kinds.Zip(minimums).ToImmutableDictionary(p => p.First, p => p.Second),
        };

    private static Gen<PlanningSettings> AnyPlanning() =>
        from share in AnyShare()
        from sessions in AnyCount()
        from review in AnyDuration(positive: true)
        select new PlanningSettings { MinimumGoalShare = share, SessionsWithoutProgress = sessions, ReviewInterval = review };

    private static Gen<AllianceSettings> AnyAlliance() =>
        from window in AnyDuration(positive: true)
        from counts in AnyCount().ArrayOf(3)
        from shares in AnyShare().ArrayOf(3)
        from feedbackTime in AnyDuration(positive: true)
        from drop in AnyDecimal().Where(d => d > 0)
        from instrument in AnyCode()
        from trend in AnyTrend()
        select new AllianceSettings
        {
            AttendanceWindow = window,
            MinimumAttendanceSample = counts[0],
            MinimumKeptRate = shares[0],
            MaximumClinicianCancellationRate = shares[1],
            MaximumLateStartRate = shares[2],
            SessionsWithoutFeedback = counts[1],
            NegativeFeedbackSessions = counts[2],
            NegativeFeedbackTime = feedbackTime,
            SrsDropAlert = drop,
            AllianceInstrumentCode = instrument,
            Trend = trend,
        };

    private static Gen<AllianceTrendSettings> AnyTrend() =>
        from deviations in AnyPositiveDouble()
        from windows in AnyCount().ArrayOf(2)
        from source in Gen.Elements(Enum.GetValues<DeviationSource>())
        from sd in Gen.OneOf(Gen.Constant<double?>(null), AnyPositiveDouble().Select(d => (double?)d))
        from tolerance in Gen.OneOf(Gen.Constant(0.0), AnyPositiveDouble())
        select new AllianceTrendSettings
        {
            RuptureDeviations = deviations,
            BaselineWindow = windows[0],
            DeviationSource = source,
            PopulationSd = sd,
            RepairTolerance = tolerance,
            RepairWindow = windows[1],
        };

    private static Gen<DualRelationshipSettings> AnyDual() =>
        from standards in Gen.CollectToArray(Enum.GetValues<DualSituation>(), _ => AnyStandard())
        from limit in Gen.OneOf(Gen.Constant<decimal?>(null), AnyDecimal().Select(d => (decimal?)d))
        select new DualRelationshipSettings(Enum.GetValues<DualSituation>().Zip(standards).ToImmutableDictionary(p => p.First, p => p.Second), limit);

    private static Gen<RelationshipStandard> AnyStandard() =>
        from stance in Gen.Elements(Enum.GetValues<BoundaryStance>())
        from citation in AnyCitation()
        from wait in stance == BoundaryStance.Prohibited ? Gen.Constant<Period?>(null) : Gen.OneOf(Gen.Constant<Period?>(null), AnyWait().Select(p => (Period?)p))
        from safeguards in Gen.Choose(0, 31).Select(bits => (Safeguards)bits)
        from factors in stance == BoundaryStance.Judgement ? AnyCode().NonEmptyListOf().Select(f => f.ToArray()) : Gen.Constant(Array.Empty<string>())
        from covers in Gen.Elements(true, false)
        select new RelationshipStandard(stance, citation, wait, safeguards, factors, covers);

    /// <summary>A positive period of years, months, weeks and days, every unit kept as given.</summary>
    private static Gen<Period> AnyWait() =>
        (from years in Gen.Choose(0, 10)
         from months in Gen.Choose(0, 30)
         from weeks in Gen.Choose(0, 10)
         from days in Gen.Choose(0, 400)
         select new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build())
        .Where(p => !p.Equals(Period.Zero));

    private static Gen<Citation> AnyCitation() =>
        from parts in AnyText().ArrayOf(3)
        select new Citation(parts[0], parts[1], parts[2]);

    /// <summary>Free text, not blank: generated strings, and samples with what JSON must escape or should keep readable.</summary>
    private static Gen<string> AnyText() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(s => s.Get),
            Gen.Elements(
                "Gutheil & Gabbard 1993", "APA 10.08(b) \"factors\"", "back\\slash", "line\nbreak\ttab", "Zürich, Genève, Łódź", "日本語", "emoji 😀 ok", "<tag> 'quote'", "\u0001control", "50 + 50 = 100"));

    private static Gen<string> AnyCode() =>
        from first in Gen.Elements(CodeCharacters.ToCharArray())
        from rest in Gen.Elements((CodeCharacters + "-._:").ToCharArray()).ListOf()
        select first + new string([.. rest.Take(63)]);

    private static Gen<LocalDate> AnyDate() => Gen.Choose(0, 40_000).Select(days => new LocalDate(1990, 1, 1).PlusDays(days));

    private static Gen<int> AnyCount() => Gen.OneOf(Gen.Choose(1, 20), Gen.Choose(1, int.MaxValue));

    private static Gen<double> AnyShare() =>
        Gen.OneOf(Gen.Elements(0.0, 1.0, 0.1, 0.8, 1.0 / 3), Gen.Choose(0, int.MaxValue).Select(i => i / (double)int.MaxValue), ArbMap.Default.GeneratorFor<double>().Where(d => d is >= 0 and <= 1));

    private static Gen<double> AnyPositiveDouble() =>
        Gen.OneOf(Gen.Elements(2.0, 0.5, double.Epsilon, double.MaxValue, 1e-300), ArbMap.Default.GeneratorFor<double>().Where(d => double.IsFinite(d) && d > 0));

    /// <summary>Amounts of every scale, trailing zeros included (50.00 is 50), up to the largest decimal.</summary>
    private static Gen<decimal> AnyDecimal() =>
        Gen.OneOf(
            Gen.Elements(0m, 50m, 50.00m, 0.10m, 1.5m, decimal.MaxValue, 0.0000000000000000000000000001m, 7.9228162514264337593543950335m),
            ArbMap.Default.GeneratorFor<decimal>().Select(Math.Abs));

    /// <summary>Durations from nothing to years, with or without seconds and nanoseconds.</summary>
    private static Gen<Duration> AnyDuration(bool positive) =>
        (from days in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 3650)))
         from minutes in Gen.Choose(0, 24 * 60)
         from seconds in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 59)))
         from nanoseconds in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 999_999_999)))
         select Duration.FromDays(days) + Duration.FromMinutes(minutes) + Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanoseconds))
        .Where(d => !positive || d > Duration.Zero);
}
