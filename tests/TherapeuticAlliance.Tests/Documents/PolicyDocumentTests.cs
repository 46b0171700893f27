using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;
using Codes = TherapeuticAlliance.Documents.DocumentErrorCodes;

namespace TherapeuticAlliance.Tests.Documents;

/// <summary>
/// <see cref="PolicyDocument"/>: the <c>therapeutic-alliance/policy@1</c> document round-trips every preset and a
/// revised policy exactly, its setting paths are the change-log paths, and an invalid document lists every problem at
/// its JSON path, builds nothing and never repeats the document's text.
/// </summary>
public class PolicyDocumentTests
{
    private const string Reason = "state-board-rule";

    private static readonly LocalDate Effective = new(2027, 1, 4);

    public static TheoryData<string> PresetIds => new(BoundaryPresets.All.Keys.Order(StringComparer.Ordinal));

    // ---- Round trips ------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Preset_WriteThenRead_GivesTheSamePolicy(string id)
    {
        BoundaryPolicy preset = BoundaryPresets.All[id];

        PolicyReadResult result = PolicyDocument.Read(PolicyDocument.Write(preset));

        result.Validation.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        ShouldBeSame(result.Policy!, preset);
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Preset_ReadThenWrite_GivesTheSameText(string id)
    {
        string text = PolicyDocument.Write(BoundaryPresets.All[id]);

        PolicyDocument.Write(PolicyDocument.Read(text).Policy!).Should().Be(text);
    }

    [Fact]
    public void RevisedPolicy_WithAChangeLog_RoundTripsExactly()
    {
        BoundaryPolicy policy = Revised();

        string text = PolicyDocument.Write(policy);
        PolicyReadResult result = PolicyDocument.Read(text);

        policy.Version.Should().Be(3);
        policy.ChangeLog.Should().HaveCountGreaterThan(3);
        result.Validation.Errors.Should().BeEmpty();
        ShouldBeSame(result.Policy!, policy);
        PolicyDocument.Write(result.Policy!).Should().Be(text);
    }

    [Fact]
    public void RevisedPolicy_ReadBack_CanBeRevisedAgainLikeTheOriginal()
    {
        BoundaryPolicy policy = Revised();
        BoundaryPolicy read = PolicyDocument.Read(PolicyDocument.Write(policy)).Policy!;
        BoundarySettings settings = policy.Settings with { Planning = policy.Settings.Planning with { SessionsWithoutProgress = 9 } };

        BoundaryPolicy fromRead = read.Revise(settings, Reason, Effective.PlusDays(90));
        BoundaryPolicy fromOriginal = policy.Revise(settings, Reason, Effective.PlusDays(90));

        ShouldBeSame(fromRead, fromOriginal);
    }

    [Fact]
    public void Write_StreamAndWriterOverloads_WriteTheSameDocument()
    {
        BoundaryPolicy policy = Revised();
        string text = PolicyDocument.Write(policy);
        using var stream = new MemoryStream();
        using var compact = new MemoryStream();

        PolicyDocument.Write(policy, stream);
        using (var writer = new Utf8JsonWriter(compact))
        {
            PolicyDocument.Write(policy, writer);
        }

        stream.ToArray()[0].Should().Be((byte)'{', "no byte order mark");
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(text);
        JsonNode.DeepEquals(JsonNode.Parse(compact.ToArray()), JsonNode.Parse(text)).Should().BeTrue();
        stream.Position = 0;
        ShouldBeSame(PolicyDocument.Read(stream).Policy!, policy);
    }

    [Fact]
    public void Read_StreamWithAByteOrderMark_IsRead()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(PolicyDocument.Write(BoundaryPresets.UsCounseling))]);

        PolicyDocument.Read(stream).IsValid.Should().BeTrue();
    }

    // ---- The document's shape ---------------------------------------------------------------------

    [Fact]
    public void Write_TopLevel_HasTheDocumentedMembersInOrder()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);

        document.Select(p => p.Key).Should().Equal(
            "schema", "id", "name", "version", "profession", "jurisdiction", "effectiveDate", "sourcesAsOf", "sources", "settings", "changeLog");
        document["settings"]!.AsObject().Select(p => p.Key).Should().Equal("time", "planning", "alliance", "dual", "confidentiality");
        document["schema"]!.GetValue<string>().Should().Be("therapeutic-alliance/policy@1").And.Be(PolicyDocument.SchemaName);
        document["id"]!.GetValue<string>().Should().Be("us-psychology");
        document["version"]!.GetValue<int>().Should().Be(1);
        document["profession"]!.GetValue<string>().Should().Be("psychologist");
        document["jurisdiction"]!.ToJsonString().Should().Be("""{"country":"US","subdivision":null}""");
        document["effectiveDate"]!.GetValue<string>().Should().Be("2026-11-27");
        document["sources"]![0]!.AsObject().Select(p => p.Key).Should().Equal("document", "section", "edition");
        document["changeLog"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Write_Values_UseTheDocumentedTextForms()
    {
        JsonObject document = Node(Revised());
        JsonNode settings = document["settings"]!;

        settings["time"]!["cancellationNotice"]!.GetValue<string>().Should().Be("2:00:00:00", "NodaTime round-trip duration text: 48 hours");
        settings["time"]!["minimumLengths"]!.ToJsonString().Should().Be("""{"psychotherapy":"0:00:16:00"}""");
        settings["planning"]!["minimumGoalShare"]!.GetValue<double>().Should().Be(0.5);
        settings["alliance"]!["trend"]!["deviationSource"]!.GetValue<string>().Should().Be("stricter");
        settings["alliance"]!["trend"]!["populationSd"].Should().BeNull("a nullable setting is written as null");
        settings["dual"]!["giftValueLimit"]!.ToJsonString().Should().Be("50", "an amount is written without trailing zeros");
        settings["dual"]!["standards"]!["barter"]!["requiredSafeguards"]!.ToJsonString().Should().Be("""["consultation","writtenBarterContract"]""");
        settings["dual"]!["standards"]!["gift"]!["requiredSafeguards"]!.ToJsonString().Should().Be("[]", "no flags is an empty array");
        settings["dual"]!["standards"]!["sexualWithFormerPatient"]!["waitPeriod"]!.GetValue<string>().Should().Be("P2Y");
        settings["dual"]!["standards"]!.AsObject().Select(p => p.Key).Should().Equal(Enum.GetValues<DualSituation>().Select(s => Camel(s.ToString())), "keys in the enum's order");
        document["changeLog"]![0]!.AsObject().Select(p => p.Key).Should().Equal("version", "effectiveDate", "setting", "oldValue", "newValue", "reasonCode");
    }

    [Fact]
    public void Write_EqualAmountsWithDifferentScales_AreTheSameText()
    {
        BoundaryPolicy preset = BoundaryPresets.UsCounseling;
        BoundaryPolicy fifty = preset.Revise(preset.Settings with { Dual = preset.Settings.Dual with { GiftValueLimit = 50m } }, Reason, Effective);
        BoundaryPolicy fiftyPointZeroZero = preset.Revise(preset.Settings with { Dual = preset.Settings.Dual with { GiftValueLimit = 50.00m } }, Reason, Effective);

        PolicyDocument.Write(fiftyPointZeroZero).Should().Be(PolicyDocument.Write(fifty));
        PolicyDocument.Read(PolicyDocument.Write(fiftyPointZeroZero)).Policy!.Settings.Should().Be(fiftyPointZeroZero.Settings);
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void SettingPaths_AreTheChangeLogPaths_BothWays(string id)
    {
        BoundaryPolicy policy = BoundaryPresets.All[id];
        JsonNode settings = Node(policy)["settings"]!;

        string[] leaves = [.. Leaves(settings, string.Empty)];

        leaves.Should().BeEquivalentTo(policy.DescribeSettings().Keys, "a setting at $.settings.<path> is the setting the change log calls <path>");
    }

    // ---- Invalid documents ------------------------------------------------------------------------

    [Fact]
    public void Read_SeveralProblems_ListsEachAtItsPathAndBuildsNothing()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!["planning"]!["sessionsWithoutProgress"] = "four";
        document["settings"]!["time"]!.AsObject().Remove("noShowGrace");
        document["settings"]!["planning"]!["minimumGoalShare"] = 1.5;
        document["settings"]!["dual"]!["standards"]!["gift"]!["stance"] = "forbidden";
        document["settings"]!["time"]!["cancelationNotice"] = "1:00:00:00";
        document["effectiveDate"] = "2027-13-01";
        document["sources"]![2]!["edition"] = " ";

        PolicyReadResult result = PolicyDocument.Read(document.ToJsonString());

        result.IsValid.Should().BeFalse();
        result.Policy.Should().BeNull();
        result.Validation.IsValid.Should().BeFalse();
        Problems(result).Should().BeEquivalentTo(
        [
            ("$.settings.planning.sessionsWithoutProgress", Codes.Type),
            ("$.settings.time.noShowGrace", Codes.Required),
            ("$.settings.planning.minimumGoalShare", Codes.Range),
            ("$.settings.dual.standards.gift.stance", Codes.UnknownValue),
            ("$.settings.time.cancelationNotice", Codes.UnknownProperty),
            ("$.effectiveDate", Codes.Format),
            ("$.sources[2].edition", Codes.Invalid),
        ]);
    }

    [Fact]
    public void Read_ProblemMessages_NameThePathAndWhatIsExpected()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!["dual"]!["standards"]!["gift"]!["stance"] = "forbidden";
        document["settings"]!["time"]!["cancellationNotice"] = 24;
        document["settings"]!["planning"]!["minimumGoalShare"] = 1.5;
        document["settings"]!["time"]!["cancelationNotice"] = "1:00:00:00";

        string[] messages = [.. PolicyDocument.Read(document.ToJsonString()).Validation.Errors.Select(e => e.ErrorMessage)];

        messages.Should().Contain("'$.settings.dual.standards.gift.stance' must be one of 'prohibited', 'judgement', 'permitted'.");
        messages.Should().Contain(m => m.StartsWith("'$.settings.time.cancellationNotice' must be a duration as text", StringComparison.Ordinal));
        messages.Should().Contain("'$.settings.planning.minimumGoalShare' is not accepted: The share must be between 0 and 1.");
        messages.Should().Contain(m => m.StartsWith("'$.settings.time.cancelationNotice' is not part of the document: '$.settings.time' has 'clinicianLateStartTolerance',", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ProblemsInArraysAndDictionaries_HaveIndexedAndKeyedPaths()
    {
        JsonObject document = Node(Revised());
        document["settings"]!["dual"]!["standards"]!["barter"]!["requiredSafeguards"]![1] = "notarised";
        document["settings"]!["dual"]!["standards"]!["gift"]!["factors"]![0] = 7;
        document["settings"]!["time"]!["minimumLengths"]!["groupTherapy"] = "0:00:30:00";
        document["settings"]!["time"]!["minimumLengths"]!["psychotherapy"] = "sixteen minutes";
        document["changeLog"]![1]!["reasonCode"] = "not a code";

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo(
        [
            ("$.settings.dual.standards.barter.requiredSafeguards[1]", Codes.UnknownValue),
            ("$.settings.dual.standards.gift.factors[0]", Codes.Type),
            ("$.settings.time.minimumLengths.groupTherapy", Codes.UnknownProperty),
            ("$.settings.time.minimumLengths.psychotherapy", Codes.Format),
            ("$.changeLog[1].reasonCode", Codes.Invalid),
        ]);
    }

    [Fact]
    public void Read_NullWhereNotAllowed_IsATypeProblemAndNullWhereAllowedIsRead()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!["time"]!["overrunTolerance"] = null;
        document["jurisdiction"]!["country"] = null;

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo([("$.settings.time.overrunTolerance", Codes.Type), ("$.jurisdiction.country", Codes.Type)]);
        BoundaryPresets.UsPsychology.Settings.Alliance.Trend.PopulationSd.Should().BeNull();
    }

    [Fact]
    public void Read_WholeSectionsMissingOrOfTheWrongType_AreReportedAtTheSection()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!.AsObject().Remove("alliance");
        document["settings"]!["dual"] = "strict";
        document.Remove("changeLog");

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo(
            [("$.settings.alliance", Codes.Required), ("$.settings.dual", Codes.Type), ("$.changeLog", Codes.Required)]);
    }

    [Fact]
    public void Read_RulesOfASettingsRecord_AreReportedAtTheNamedMember()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!["dual"]!["standards"]!["gift"]!["factors"] = new JsonArray();
        document["settings"]!["alliance"]!["allianceInstrumentCode"] = "SRS plus";
        document["settings"]!["time"]!["minimumLengths"]!["crisis"] = "0:00:00:00";

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo(
        [
            ("$.settings.dual.standards.gift.factors", Codes.Invalid),
            ("$.settings.alliance.allianceInstrumentCode", Codes.Invalid),
            ("$.settings.time.minimumLengths", Codes.Range),
        ]);
    }

    [Fact]
    public void Read_ASituationWithoutAStandard_IsReportedAtTheStandards()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!["dual"]!["standards"]!.AsObject().Remove("barter");

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo([("$.settings.dual.standards", Codes.Invalid)]);
    }

    [Fact]
    public void Read_TopLevelMembers_AreCheckedLikeCreate()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["id"] = "not a code";
        document["name"] = " ";
        document["version"] = 0;
        document["profession"] = "surgeon";
        document["jurisdiction"]!["subdivision"] = "MX-CMX";
        document["sources"] = new JsonArray();

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo(
        [
            ("$.id", Codes.Invalid),
            ("$.name", Codes.Invalid),
            ("$.version", Codes.Range),
            ("$.profession", Codes.UnknownValue),
            ("$.jurisdiction.subdivision", Codes.Invalid),
            ("$.sources", Codes.Invalid),
        ]);
    }

    [Fact]
    public void Read_DuplicateProperty_IsAProblem()
    {
        string text = PolicyDocument.Write(BoundaryPresets.UsPsychology).Replace("\"name\":", "\"id\": \"again\", \"name\":", StringComparison.Ordinal);

        Problems(PolicyDocument.Read(text)).Should().BeEquivalentTo([("$.id", Codes.DuplicateProperty)]);
    }

    [Fact]
    public void Read_UnknownPropertyWhoseNameIsNotAPlainName_IsReportedAtItsObjectWithoutTheName()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["settings"]!["time"]!["Jane Doe, 1970-01-01"] = 1;

        ValidationFailure failure = PolicyDocument.Read(document.ToJsonString()).Validation.Errors.Should().ContainSingle().Which;

        failure.PropertyName.Should().Be("$.settings.time");
        failure.ErrorCode.Should().Be(Codes.UnknownProperty);
        failure.ErrorMessage.Should().NotContain("Jane");
    }

    [Theory]
    [InlineData(3, 0, "$.changeLog[0].version")]
    [InlineData(4, 3, "$.changeLog[3].version")]
    public void Read_ChangeLogVersionsOutOfOrder_AreReportedAtTheEntry(int version, int entry, string path)
    {
        JsonObject document = Node(Revised());
        document["changeLog"]![entry]!["version"] = version;

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().Contain((path, Codes.Invalid));
    }

    [Fact]
    public void Read_ChangeLogNotReachingTheVersion_IsAProblem()
    {
        JsonObject document = Node(Revised());
        document["version"] = 4;

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo([("$.changeLog", Codes.Invalid)]);
    }

    [Fact]
    public void Read_ChangeLogDatesThatDoNotFit_AreProblems()
    {
        JsonObject document = Node(Revised());
        int last = document["changeLog"]!.AsArray().Count - 1;
        document["changeLog"]![0]!["effectiveDate"] = "2027-01-05";
        document["changeLog"]![last]!["effectiveDate"] = "2028-01-01";

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().BeEquivalentTo(
            [("$.changeLog[1].effectiveDate", Codes.Invalid), ($"$.changeLog[{last}].effectiveDate", Codes.Invalid)]);
    }

    [Fact]
    public void Read_VersionOneWithAChangeLog_IsAProblem()
    {
        JsonObject document = Node(Revised());
        document["version"] = 1;

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().Contain(("$.changeLog[0].version", Codes.Invalid));
    }

    [Theory]
    [InlineData("therapeutic-alliance/policy@2")]
    [InlineData("therapeutic-alliance/caseload@1")]
    [InlineData("")]
    public void Read_AnotherSchema_IsOneProblemAndNothingElseIsChecked(string schema)
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["schema"] = schema;
        document["settings"] = 42;
        document["extra"] = true;

        Problems(PolicyDocument.Read(document.ToJsonString())).Should().Equal(("$.schema", Codes.Schema));
    }

    [Fact]
    public void Read_MissingOrNonStringSchema_IsASchemaProblem()
    {
        JsonObject missing = Node(BoundaryPresets.UsPsychology);
        missing.Remove("schema");
        JsonObject number = Node(BoundaryPresets.UsPsychology);
        number["schema"] = 1;

        Problems(PolicyDocument.Read(missing.ToJsonString())).Should().Equal(("$.schema", Codes.Schema));
        Problems(PolicyDocument.Read(number.ToJsonString())).Should().Equal(("$.schema", Codes.Schema));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"therapeutic-alliance/policy@1\"")]
    [InlineData("null")]
    public void Read_RootNotAnObject_IsATypeProblem(string json)
    {
        Problems(PolicyDocument.Read(json)).Should().Equal(("$", Codes.Type));
    }

    [Theory]
    [InlineData("{\"schema\": \"therapeutic-alliance/policy@1\", \"id\": }", 1)]
    [InlineData("{\n  \"schema\": \"therapeutic-alliance/policy@1\",\n  \"id\": 'us'\n}", 3)]
    [InlineData("{\"schema\": \"therapeutic-alliance/policy@1\",}", 1)]
    [InlineData("{} {}", 1)]
    [InlineData("{\"a\": 1 // comment\n}", 1)]
    public void Read_NotJson_IsOneSyntaxProblemWithTheLine(string json, int line)
    {
        ValidationFailure failure = PolicyDocument.Read(json).Validation.Errors.Should().ContainSingle().Which;

        failure.ErrorCode.Should().Be(Codes.Syntax);
        failure.PropertyName.Should().Be("$");
        failure.ErrorMessage.Should().StartWith($"The document is not valid JSON: the error is at line {line}, byte ");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public void Read_Empty_IsASyntaxProblem(string json)
    {
        ValidationFailure failure = PolicyDocument.Read(json).Validation.Errors.Should().ContainSingle().Which;

        failure.ErrorCode.Should().Be(Codes.Syntax);
        failure.ErrorMessage.Should().Be("The document is empty.");
    }

    [Fact]
    public void Read_StreamNotUtf8_IsASyntaxProblem()
    {
        using var stream = new MemoryStream([(byte)'{', 0xC3, 0x28, (byte)'}']);

        Problems(PolicyDocument.Read(stream)).Should().Equal(("$", Codes.Syntax));
    }

    [Fact]
    public void Read_NestedDeeperThanTheLimit_IsTooDeep()
    {
        PolicyDocument.MaximumDepth.Should().Be(32);

        // The root object is one level: 31 arrays inside it make 32, one more makes 33.
        PolicyReadResult atTheLimit = PolicyDocument.Read(Nested(31));
        PolicyReadResult beyond = PolicyDocument.Read(Nested(32));

        atTheLimit.Validation.Errors.Should().NotContain(e => e.ErrorCode == Codes.TooDeep);
        atTheLimit.Validation.Errors.Should().Contain(e => e.PropertyName == "$.deep" && e.ErrorCode == Codes.UnknownProperty);
        Problems(beyond).Should().Equal(("$", Codes.TooDeep));
        beyond.Validation.Errors[0].ErrorMessage.Should().StartWith("The document nests objects and arrays deeper than 32 levels");
        Problems(PolicyDocument.Read(Nested(10_000))).Should().Equal(("$", Codes.TooDeep));

        static string Nested(int arrays) =>
            $"{{\"schema\": \"{PolicyDocument.SchemaName}\", \"deep\": {new string('[', arrays)}{new string(']', arrays)}}}";
    }

    [Fact]
    public void Read_LargerThanTheLimit_IsTooLarge()
    {
        string preset = PolicyDocument.Write(BoundaryPresets.UsSocialWork);
        int presetBytes = Encoding.UTF8.GetByteCount(preset);
        string atTheLimit = preset + new string(' ', PolicyDocument.MaximumBytes - presetBytes);
        string beyond = atTheLimit + " ";
        string beyondInBytes = preset + new string('é', ((PolicyDocument.MaximumBytes - presetBytes) / 2) + 1);

        PolicyDocument.MaximumBytes.Should().Be(1024 * 1024);
        PolicyDocument.Read(atTheLimit).IsValid.Should().BeTrue();
        Problems(PolicyDocument.Read(beyond)).Should().Equal(("$", Codes.TooLarge));
        beyondInBytes.Length.Should().BeLessThan(PolicyDocument.MaximumBytes, "the limit counts UTF-8 bytes, not characters");
        Problems(PolicyDocument.Read(beyondInBytes)).Should().Equal(("$", Codes.TooLarge));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(beyond));
        Problems(PolicyDocument.Read(stream)).Should().Equal(("$", Codes.TooLarge));
        using var endless = new EndlessStream();
        Problems(PolicyDocument.Read(endless)).Should().Equal(("$", Codes.TooLarge));
        endless.Position.Should().BeLessThan(PolicyDocument.MaximumBytes + (64 * 1024), "reading stops soon after the limit");
    }

    [Theory]
    [InlineData("\"name\": \"", "\"name\": \"\\ud800")]
    [InlineData("\"name\":", "\"\\udc00x\": 1, \"name\":")]
    public void Read_EscapedUnpairedSurrogate_IsASyntaxProblem(string find, string replacement)
    {
        string text = PolicyDocument.Write(BoundaryPresets.UsPsychology).Replace(find, replacement, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);

        Problems(PolicyDocument.Read(text)).Should().Equal(("$", Codes.Syntax));
        new PolicyDocumentValidator().Validate(document.RootElement).Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().Contain(("$", Codes.Syntax));
    }

    [Fact]
    public void Write_TextWithAnUnpairedSurrogate_IsRefusedRatherThanChanged()
    {
        BoundaryPolicy preset = BoundaryPresets.UsPsychology;
        BoundaryPolicy policy = BoundaryPolicy.Create(
            "clinic", "Clinic \ud800 policy", preset.Profession, preset.Jurisdiction, Effective, Effective, preset.Settings, preset.Sources);

        ((Action)(() => PolicyDocument.Write(policy))).Should().Throw<ArgumentException>();
        PolicyDocument.Read(PolicyDocument.Write(BoundaryPolicy.Create(
            "clinic", "Clinic \ud83d\ude00 policy", preset.Profession, preset.Jurisdiction, Effective, Effective, preset.Settings, preset.Sources))).Policy!.Name.Should().Be("Clinic \ud83d\ude00 policy");
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullException()
    {
        ((Action)(() => PolicyDocument.Read((string)null!))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("json");
        ((Action)(() => PolicyDocument.Read((Stream)null!))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("stream");
        ((Action)(() => PolicyDocument.Write(null!))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("policy");
        ((Action)(() => PolicyDocument.Write(null!, new MemoryStream()))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("policy");
        ((Action)(() => PolicyDocument.Write(BoundaryPresets.UsPsychology, (Stream)null!))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("stream");
        ((Action)(() => PolicyDocument.Write(BoundaryPresets.UsPsychology, (Utf8JsonWriter)null!))).Should().ThrowExactly<ArgumentNullException>().WithParameterName("writer");
    }

    // ---- The validator on its own -----------------------------------------------------------------

    [Fact]
    public void Validator_OnAParsedDocument_ReportsTheSameProblemsAsRead()
    {
        JsonObject node = Node(BoundaryPresets.UsPsychology);
        node["settings"]!["planning"]!["reviewInterval"] = "0:00:00:00";
        node["version"] = "one";
        using var document = JsonDocument.Parse(node.ToJsonString());

        ValidationResult result = new PolicyDocumentValidator().Validate(document.RootElement);

        result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().BeEquivalentTo(Problems(PolicyDocument.Read(node.ToJsonString())));
        result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().BeEquivalentTo([("$.settings.planning.reviewInterval", Codes.Range), ("$.version", Codes.Type)]);
        result.Errors.Should().OnlyContain(e => e.AttemptedValue == null);
    }

    [Fact]
    public void Validator_OnAValidDocument_IsValid()
    {
        using var document = JsonDocument.Parse(PolicyDocument.Write(Revised()));

        new PolicyDocumentValidator().Validate(document.RootElement).IsValid.Should().BeTrue();
    }

    // ---- Restore ----------------------------------------------------------------------------------

    [Fact]
    public void Restore_RefusesWhatCreateRefusesAndALogThatDoesNotFit()
    {
        BoundaryPolicy policy = Revised();

        ShouldBeSame(Restore(policy, policy.Version, policy.ChangeLog), policy);
        ((Action)(() => Restore(policy, 0, []))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("version");
        ((Action)(() => Restore(policy, 2, policy.ChangeLog))).Should().Throw<ArgumentException>().WithParameterName("changeLog");
        ((Action)(() => Restore(policy, 1, policy.ChangeLog))).Should().Throw<ArgumentException>().WithParameterName("changeLog");
        ((Action)(() => Restore(policy, 3, [.. policy.ChangeLog.Reverse()]))).Should().Throw<ArgumentException>().WithParameterName("changeLog");
        ((Action)(() => Restore(policy, 3, [.. policy.ChangeLog, null!]))).Should().Throw<ArgumentNullException>().WithParameterName("changeLog");
        ((Action)(() => BoundaryPolicy.Restore("not a code", "n", 1, ClinicianProfession.Psychologist, Jurisdiction.UnitedStates, Effective, Effective, policy.Settings, policy.Sources, [])))
            .Should().Throw<ArgumentException>().WithParameterName("id");
        Restore(policy, 1, []).ChangeLog.Should().BeEmpty();
    }

    // ---- Privacy ----------------------------------------------------------------------------------

    [Fact]
    public void Problems_GivenACanaryInWrongPlaces_NeverRepeatIt()
    {
        const string Canary = "CANARY-7f3a Jane Doe";
        JsonObject document = Node(Revised());
        document["id"] = Canary;
        document["profession"] = Canary;
        document["effectiveDate"] = Canary;
        document["jurisdiction"]!["country"] = Canary;
        document["sources"]![0]!["document"] = new JsonArray(Canary);
        document["settings"]!["time"]!["cancellationNotice"] = Canary;
        document["settings"]!["time"]!["minimumLengths"]!["psychotherapy"] = Canary;
        document["settings"]!["time"]![Canary] = Canary;
        document["settings"]!["planning"]!["sessionsWithoutProgress"] = Canary;
        document["settings"]!["alliance"]!["allianceInstrumentCode"] = Canary;
        document["settings"]!["alliance"]!["trend"]!["deviationSource"] = Canary;
        document["settings"]!["dual"]!["standards"]!["gift"]!["stance"] = Canary;
        document["settings"]!["dual"]!["standards"]!["barter"]!["requiredSafeguards"] = new JsonArray(Canary);
        document["settings"]!["dual"]!["standards"]!["incidentalContact"]!["factors"] = new JsonArray(Canary);
        document["settings"]!["dual"]!["standards"]!["familyOrFriendAsPatient"]!["waitPeriod"] = Canary;
        document["settings"]!["dual"]!["standards"]!["boundaryExtension"]!["citation"]!["edition"] = "   ";
        document["changeLog"]![0]!["setting"] = Canary;
        document["changeLog"]![1]!["reasonCode"] = Canary;
        document["changeLog"]![2]!["effectiveDate"] = Canary;

        PolicyReadResult result = PolicyDocument.Read(document.ToJsonString());

        result.Validation.Errors.Should().HaveCountGreaterThanOrEqualTo(19);
        result.Policy.Should().BeNull();
        string[] texts =
        [
            result.ToString(), result.Validation.ToString(),
            .. result.Validation.Errors.SelectMany(e => new[] { e.ErrorMessage, e.PropertyName, e.ErrorCode, e.ToString(), e.AttemptedValue?.ToString() ?? string.Empty }),
        ];
        texts.Should().OnlyContain(t => !t.Contains("CANARY", StringComparison.OrdinalIgnoreCase) && !t.Contains("Jane", StringComparison.Ordinal));
    }

    [Fact]
    public void SyntaxProblem_NeverRepeatsTheDocument()
    {
        PolicyReadResult result = PolicyDocument.Read("{\"schema\": \"therapeutic-alliance/policy@1\", \"name\": \"CANARY-7f3a\" CANARY-7f3a}");

        result.Validation.Errors.Should().ContainSingle().Which.ErrorMessage.Should().NotContain("CANARY").And.NotContain("'C'");
    }

    [Fact]
    public void Result_ToString_HoldsCodesAndPathsOnly()
    {
        JsonObject document = Node(BoundaryPresets.UsPsychology);
        document["name"] = new JsonArray("CANARY-7f3a");

        PolicyReadResult invalid = PolicyDocument.Read(document.ToJsonString());
        PolicyReadResult valid = PolicyDocument.Read(PolicyDocument.Write(BoundaryPresets.UsPsychology));

        invalid.ToString().Should().Be("1 problem(s): TA.DOC.TYPE at $.name");
        valid.ToString().Should().Be("Read BoundaryPolicy us-psychology v1 Psychologist US");
        valid.ToString().Should().NotContain(BoundaryPresets.UsPsychology.Name, "the name is free text");
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    /// <summary>The psychology preset revised twice: several settings of several kinds, then a gift limit, so the change log spans two versions.</summary>
    internal static BoundaryPolicy Revised()
    {
        BoundaryPolicy preset = BoundaryPresets.UsPsychology;
        RelationshipStandard barter = preset.Settings.Dual.Standards[DualSituation.Barter];
        BoundarySettings first = preset.Settings with
        {
            Time = preset.Settings.Time with { CancellationNotice = Duration.FromHours(48) },
            Dual = preset.Settings.Dual.With(
                DualSituation.Barter,
                new RelationshipStandard(barter.Stance, barter.Citation, barter.WaitPeriod, Safeguards.WrittenBarterContract | Safeguards.Consultation, barter.Factors, barter.CoversRelatives)),
            Alliance = preset.Settings.Alliance with { MinimumKeptRate = 0.75, Trend = preset.Settings.Alliance.Trend with { RepairWindow = 4 } },
        };
        BoundaryPolicy second = BoundaryPolicy.Create("clinic-tx", "Clinic policy, Texas", ClinicianProfession.Psychologist, new Jurisdiction("US", "US-TX"), Effective, BoundaryPresets.SourcesCheckedOn, preset.Settings, preset.Sources)
            .Revise(first, Reason, Effective.PlusDays(10));
        return second.Revise(second.Settings with { Dual = second.Settings.Dual with { GiftValueLimit = 50.00m } }, "texas-rule", Effective.PlusDays(40));
    }

    internal static void ShouldBeSame(BoundaryPolicy actual, BoundaryPolicy expected)
    {
        actual.Id.Should().Be(expected.Id);
        actual.Name.Should().Be(expected.Name);
        actual.Version.Should().Be(expected.Version);
        actual.Profession.Should().Be(expected.Profession);
        actual.Jurisdiction.Should().Be(expected.Jurisdiction);
        actual.EffectiveDate.Should().Be(expected.EffectiveDate);
        actual.SourcesAsOf.Should().Be(expected.SourcesAsOf);
        actual.Sources.Should().Equal(expected.Sources);
        actual.ChangeLog.Should().Equal(expected.ChangeLog);
        actual.Settings.Should().Be(expected.Settings);
        actual.DescribeSettings().Should().Equal(expected.DescribeSettings());
    }

    private static BoundaryPolicy Restore(BoundaryPolicy policy, int version, IEnumerable<PolicyChange> changeLog) =>
        BoundaryPolicy.Restore(policy.Id, policy.Name, version, policy.Profession, policy.Jurisdiction, policy.EffectiveDate, policy.SourcesAsOf, policy.Settings, policy.Sources, changeLog);

    private static JsonObject Node(BoundaryPolicy policy) => JsonNode.Parse(PolicyDocument.Write(policy))!.AsObject();

    private static (string Path, string Code)[] Problems(PolicyReadResult result)
    {
        if (!result.Validation.IsValid)
        {
            result.Policy.Should().BeNull("a document with any problem builds nothing");
        }

        return [.. result.Validation.Errors.Select(e => (e.PropertyName, e.ErrorCode))];
    }

    /// <summary>The path of every value below <paramref name="node"/> that is not an object: arrays are values.</summary>
    private static IEnumerable<string> Leaves(JsonNode? node, string path) => node is JsonObject obj
        ? obj.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}"))
        : [path];

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    /// <summary>A stream that never ends, counting what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
