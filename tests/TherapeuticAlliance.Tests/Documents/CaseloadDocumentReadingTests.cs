using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Testing;

namespace TherapeuticAlliance.Tests.Documents;

/// <summary>Reading caseload documents: every problem with its path and code, limits, unknown members, streaming.</summary>
public class CaseloadDocumentReadingTests
{
    private const string Canary = "CANARY-7f3a9 free text";

    private static JsonNode Document() => JsonNode.Parse(CaseloadDocument.Write(CaseloadDocumentTests.Rich()))!;

    private static JsonNode Patient(JsonNode document) => document["patients"]![0]!;

    private static List<ValidationFailure> Problems(string json, CaseloadReadOptions? options = null)
    {
        CaseloadReadResult result = CaseloadDocument.Read(json, options);
        result.IsValid.Should().BeFalse();
        result.Caseload.Should().BeNull();
        return [.. result.Validation.Errors];
    }

    private static List<ValidationFailure> Problems(JsonNode document, CaseloadReadOptions? options = null) => Problems(document.ToJsonString(), options);

    private static (string Path, string Code)[] PathsAndCodes(IEnumerable<ValidationFailure> problems) =>
        [.. problems.Select(p => (p.PropertyName, p.ErrorCode))];

    [Fact]
    public void Read_ValidDocument_IsValidAndHasEverything()
    {
        CaseloadReadResult result = CaseloadDocument.Read(Document().ToJsonString());

        result.IsValid.Should().BeTrue();
        PatientCaseload patient = result.Caseload!.Patients.Should().ContainSingle().Subject;
        patient.Appointments.Should().HaveCount(2);
        patient.Goals.Should().NotBeEmpty();
        patient.Plans.Should().ContainSingle();
        patient.Feedback.Should().ContainSingle();
        patient.RelationshipDeclarations.Should().ContainSingle();
        patient.Authorizations.Should().ContainSingle();
        patient.Disclosures.Should().ContainSingle();
        patient.Prescriptions.Should().ContainSingle();
        result.Caseload.Clinicians.Should().ContainSingle();
    }

    [Fact]
    public void Read_RestoredAggregates_HaveNoPendingEventsButTheirVersion()
    {
        Caseload original = CaseloadDocumentTests.Rich();
        Appointment written = original.Patients[0].Appointments[0];

        Appointment read = CaseloadDocument.Read(CaseloadDocument.Write(original)).Caseload!.Patients[0].Appointments[0];

        read.Status.Should().Be(written.Status);
        read.Version.Should().Be(written.Version);
        read.Slot.Should().Be(written.Slot);
        read.EndedAt.Should().Be(written.EndedAt);
    }

    [Fact]
    public void Read_EmptyInput_IsASyntaxProblem()
    {
        PathsAndCodes(Problems("")).Should().Equal(("$", DocumentErrorCodes.Syntax));
        PathsAndCodes(Problems("   \n ")).Should().Equal(("$", DocumentErrorCodes.Syntax));
    }

    [Fact]
    public void Read_TruncatedJson_IsOneSyntaxProblem()
    {
        string json = Document().ToJsonString();

        List<ValidationFailure> problems = Problems(json[..(json.Length / 2)]);

        problems.Should().ContainSingle().Which.ErrorCode.Should().Be(DocumentErrorCodes.Syntax);
    }

    [Fact]
    public void Read_NotAnObject_IsATypeProblem()
    {
        PathsAndCodes(Problems("[1, 2]")).Should().Equal(("$", DocumentErrorCodes.Type));
    }

    [Theory]
    [InlineData("\"therapeutic-alliance/caseload@2\"")]
    [InlineData("\"therapeutic-alliance/policy@1\"")]
    [InlineData("7")]
    public void Read_WrongSchema_IsTheOnlyProblem(string schema)
    {
        JsonNode document = Document();
        document["schema"] = JsonNode.Parse(schema);

        PathsAndCodes(Problems(document)).Should().Equal(("$.schema", DocumentErrorCodes.Schema));
    }

    [Fact]
    public void Read_MissingSchema_IsAProblem()
    {
        JsonNode document = Document();
        document.AsObject().Remove("schema");

        PathsAndCodes(Problems(document)).Should().Contain(("$.schema", DocumentErrorCodes.Schema));
    }

    [Fact]
    public void Read_WrongTypes_AreEachReportedWithTheirPaths()
    {
        JsonNode document = Document();
        JsonNode patient = Patient(document);
        patient["appointments"]![0]!["history"]![2]!["arrivedAt"] = 5;
        patient["goals"]![0]!["history"]![0]!["targets"]![0]!["value"] = "ten";
        patient["prescriptions"]![0]!["prescribedAt"] = "yesterday";
        document["clinicians"]![0]!["profession"] = "astrologer";

        PathsAndCodes(Problems(document)).Should().BeEquivalentTo(new[]
        {
            ("$.clinicians[0].profession", DocumentErrorCodes.UnknownValue),
            ("$.patients[0].appointments[0].history[2].arrivedAt", DocumentErrorCodes.Type),
            ("$.patients[0].goals[0].history[0].targets[0].value", DocumentErrorCodes.Type),
            ("$.patients[0].prescriptions[0].prescribedAt", DocumentErrorCodes.Format),
        });
    }

    [Fact]
    public void Read_MissingMembers_AreRequired()
    {
        JsonNode document = Document();
        JsonNode patient = Patient(document);
        patient["appointments"]![0]!["history"]![0]!.AsObject().Remove("slot");
        patient.AsObject().Remove("disclosures");
        patient["goals"]![0]!.AsObject().Remove("history");

        PathsAndCodes(Problems(document)).Should().BeEquivalentTo(new[]
        {
            ("$.patients[0].appointments[0].history[0].slot", DocumentErrorCodes.Required),
            ("$.patients[0].disclosures", DocumentErrorCodes.Required),
            ("$.patients[0].goals[0].history", DocumentErrorCodes.Required),
        });
    }

    [Fact]
    public void Read_UnknownIds_AreUnknownReferences()
    {
        JsonNode document = Document();
        JsonNode patient = Patient(document);
        patient["appointments"]![0]!["history"]![0]!["clinicianId"] = "c-nobody";
        patient["feedback"]![0]!["history"]![0]!["appointmentId"] = "a-nowhere";

        List<ValidationFailure> problems = Problems(document);

        PathsAndCodes(problems).Should().BeEquivalentTo(new[]
        {
            ("$.patients[0].appointments[0].history[0].clinicianId", DocumentErrorCodes.UnknownReference),
            ("$.patients[0].feedback[0].history[0].appointmentId", DocumentErrorCodes.UnknownReference),
        });
        problems.Should().OnlyContain(p => !p.ErrorMessage.Contains("c-nobody") || p.ErrorCode == DocumentErrorCodes.UnknownReference);
    }

    [Fact]
    public void Read_AHistoryTheAggregateRefuses_IsRefusedWithTheRuleCode()
    {
        JsonNode document = Document();
        JsonArray history = Patient(document)["appointments"]![0]!["history"]!.AsArray();

        // Ending a session twice: the aggregate refuses the second end.
        history.Add(JsonNode.Parse(history[^1]!.ToJsonString()));

        ValidationFailure problem = Problems(document).Should().ContainSingle().Subject;
        problem.PropertyName.Should().Be("$.patients[0].appointments[0].history[5]");
        problem.ErrorCode.Should().Be(DocumentErrorCodes.Refused);
        problem.ErrorMessage.Should().Contain("TA.APPT.ILLEGAL_TRANSITION");
    }

    [Fact]
    public void Read_AHistoryThatDoesNotStartWithACreation_IsAProblem()
    {
        JsonNode document = Document();
        JsonArray history = Patient(document)["appointments"]![0]!["history"]!.AsArray();
        history.RemoveAt(0);

        PathsAndCodes(Problems(document)).Should().Equal(("$.patients[0].appointments[0].history[0].command", DocumentErrorCodes.UnknownValue));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("123456789012345678901234567890")]
    public void Read_HugeNumbers_AreTypeProblems(string number)
    {
        JsonNode document = Document();
        string json = document.ToJsonString().Replace("\"value\":10", $"\"value\":{number}", StringComparison.Ordinal);
        json.Should().Contain(number);

        List<ValidationFailure> problems = Problems(json);

        problems.Should().ContainSingle().Which.PropertyName.Should().Be("$.patients[0].goals[0].history[0].targets[0].value");
    }

    [Fact]
    public void Read_DeeplyNestedArrays_StopAtTheDepthLimit()
    {
        JsonNode document = Document();
        string deep = new string('[', 100) + new string(']', 100);
        string json = document.ToJsonString().Replace("\"terminatedWith\":[\"c-1\"]", $"\"terminatedWith\":{deep}", StringComparison.Ordinal);

        PathsAndCodes(Problems(json)).Should().Equal(("$.patients[0]", DocumentErrorCodes.TooDeep));
    }

    [Theory]
    [InlineData("clinicians")]
    [InlineData("exportedBy")]
    public void Read_DeeplyNestedArraysOutsideThePatients_AreTooDeepToo(string member)
    {
        JsonNode document = Document();
        document[member] = JsonNode.Parse(new string('[', 40) + new string(']', 40));
        string json = document.ToJsonString();

        PathsAndCodes(Problems(json)).Should().Equal(($"$.{member}", DocumentErrorCodes.TooDeep));
        PathsAndCodes(Problems(json.Replace(new string('[', 40), new string('[', 3000), StringComparison.Ordinal).Replace(new string(']', 40), new string(']', 3000), StringComparison.Ordinal)))
            .Should().Equal(($"$.{member}", DocumentErrorCodes.TooDeep));
    }

    [Fact]
    public void Read_LargerThanTheLimit_IsTooLarge()
    {
        string json = Document().ToJsonString();

        List<ValidationFailure> problems = Problems(json, new CaseloadReadOptions { MaximumBytes = json.Length / 3 });

        problems.Should().ContainSingle().Which.ErrorCode.Should().Be(DocumentErrorCodes.TooLarge);
    }

    [Fact]
    public void Read_AnArrayLongerThanTheLimit_IsTooLong()
    {
        JsonNode document = Document();

        PathsAndCodes(Problems(document, new CaseloadReadOptions { MaximumArrayLength = 1 }))
            .Should().Contain(("$.patients[0].appointments", DocumentErrorCodes.TooLong));
    }

    [Fact]
    public void Read_ManyProblems_StopsAtTheLimitAndSaysSo()
    {
        JsonNode document = Document();
        var patients = new JsonArray();
        for (int i = 0; i < 20; i++)
        {
            patients.Add(new JsonObject { ["id"] = $"p-{i}", ["terminatedWith"] = 3 });
        }

        document["patients"] = patients;

        List<ValidationFailure> problems = Problems(document, new CaseloadReadOptions { MaximumProblems = 5 });

        problems.Last().ErrorCode.Should().Be(DocumentErrorCodes.TooManyProblems);
        problems.Count.Should().BeLessThan(5 + 10);
    }

    [Fact]
    public void Read_DuplicatePatientOrRecordIds_AreProblems()
    {
        JsonNode document = Document();
        Patient(document)["appointments"]![1]!["id"] = "a-1";
        document["patients"]!.AsArray().Add(JsonNode.Parse(Patient(Document()).ToJsonString()));

        PathsAndCodes(Problems(document)).Should().Contain(("$.patients[0].appointments[1].id", DocumentErrorCodes.Invalid));
    }

    [Fact]
    public void Read_UnknownMembers_AreKeptOnTheRoundTrip_InPlace()
    {
        JsonNode document = Document();
        document["exportedBy"] = new JsonObject { ["system"] = "ehr-7", ["batch"] = 12 };
        document["clinicians"]![0]!["npi"] = "1234567890";
        JsonNode patient = Patient(document);
        patient["mrn"] = "MRN-1";
        patient["appointments"]![0]!["room"] = "3B";
        patient["appointments"]![0]!["history"]![0]!["slot"]!["resource"] = new JsonArray(1, 2);
        patient["prescriptions"]![0]!["pharmacy"] = null;
        string json = document.ToJsonString();

        CaseloadReadResult read = CaseloadDocument.Read(json);

        read.Validation.Errors.Should().BeEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(CaseloadDocument.Write(read.Caseload!)), JsonNode.Parse(json)).Should().BeTrue();
    }

    [Theory]
    [InlineData("patients")]
    [InlineData("clinicians")]
    public void Read_AStringEscapingAnUnpairedSurrogate_IsASyntaxProblem_NotAnException(string where)
    {
        string json = Document().ToJsonString();
        json = where == "patients"
            ? json.Replace("\"statement\":\"", "\"statement\":\"\\ud800", StringComparison.Ordinal)
            : json.Replace("\"id\":\"c-1\",\"profession\"", "\"id\":\"c-1\\ud800\",\"profession\"", StringComparison.Ordinal);
        json.Should().Contain("\\ud800");

        PathsAndCodes(Problems(json)).Should().Contain(p => p.Code == DocumentErrorCodes.Syntax && p.Path.StartsWith($"$.{where}", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DuplicateMembers_AreProblems()
    {
        string json = Document().ToJsonString().Replace("\"kind\":\"psychotherapy\",", "\"kind\":\"psychotherapy\",\"kind\":\"intake\",", StringComparison.Ordinal);

        PathsAndCodes(Problems(json)).Should().Contain(p => p.Code == DocumentErrorCodes.DuplicateProperty);
    }

    [Fact]
    public void Read_ProblemMessages_NeverRepeatTextFromTheDocument()
    {
        JsonNode document = Document();
        JsonNode patient = Patient(document);
        patient["goals"]![0]!["history"]![0]!["statement"] = 42;
        patient["goals"]![0]!["history"]![1]!["by"] = Canary;
        patient["appointments"]![0]!["history"]![0]!["clinicianId"] = "bad id with spaces " + Canary;
        patient["prescriptions"]![0]!["medicationCode"] = Canary;
        patient["feedback"]![0]!["history"]![0]!["command"] = Canary;
        document["clinicians"]![0]!["profession"] = Canary;

        List<ValidationFailure> problems = Problems(document);

        problems.Should().HaveCountGreaterThan(4);
        problems.Should().OnlyContain(p => !p.ErrorMessage.Contains("CANARY") && !p.PropertyName.Contains("CANARY") && p.AttemptedValue == null);
    }

    [Fact]
    public void Read_APatientWithAProblem_IsLeftOutButTheOthersAreRead_AndEveryProblemFound()
    {
        JsonNode document = Document();
        JsonNode second = JsonNode.Parse(Patient(document).ToJsonString())!;
        second["id"] = "p-2";
        second["appointments"]![0]!["history"]![2]!["arrivedAt"] = 5;
        JsonNode third = JsonNode.Parse(Patient(document).ToJsonString())!;
        third["id"] = "p-3";
        third["prescriptions"]![0]!["prescribedAt"] = false;
        document["patients"]!.AsArray().Add(second);
        document["patients"]!.AsArray().Add(third);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));

        CaseloadReader reader = CaseloadDocument.Open(stream);
        List<PatientCaseload> read = [.. reader.ReadPatients()];

        read.Select(p => p.PatientId.Value).Should().Equal("p-1");
        reader.IsComplete.Should().BeTrue();
        reader.PatientCount.Should().Be(3);
        reader.BytesRead.Should().Be(stream.Length);
        PathsAndCodes(reader.Validation.Errors).Should().BeEquivalentTo(new[]
        {
            ("$.patients[1].appointments[0].history[2].arrivedAt", DocumentErrorCodes.Type),
            ("$.patients[2].prescriptions[0].prescribedAt", DocumentErrorCodes.Type),
        });
    }

    [Fact]
    public void Open_ReadPatientsTwice_IsRefused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Document().ToJsonString()));
        CaseloadReader reader = CaseloadDocument.Open(stream);
        _ = reader.ReadPatients().ToList();

        FluentActions.Invoking(() => reader.ReadPatients()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Open_ClinicansAfterPatients_AreStillChecked()
    {
        JsonNode document = Document();
        var reordered = new JsonObject
        {
            ["patients"] = JsonNode.Parse(document["patients"]!.ToJsonString()),
            ["clinicians"] = new JsonArray(),
            ["schema"] = CaseloadDocument.SchemaName,
        };

        // One problem per unknown clinician, at its first reference (the patient's own members come first).
        ValidationFailure problem = Problems(reordered).Should().ContainSingle().Subject;
        (problem.PropertyName, problem.ErrorCode).Should().Be(("$.patients[0].terminatedWith[0]", DocumentErrorCodes.UnknownReference));
        problem.ErrorMessage.Should().Contain("more reference(s)");
    }

    [Fact]
    public void Read_ByteOrderMarkAndSmallReadBuffers_AreFine()
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Document().ToJsonString())];
        using var stream = new TrickleStream(bytes, 7);

        CaseloadDocument.Read(stream).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Read_ASlotInADaylightSavingGap_ReadsBackAsBooked()
    {
        // 2026-03-08 02:30 does not exist in New York; booked leniently it starts at 03:30 EDT.
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 2, 30), "America/New_York", Duration.FromMinutes(45), NodaTime.TimeZones.Resolvers.LenientResolver);
        Appointment appointment = new AppointmentBuilder().WithId("a-gap").Build();
        appointment.Reschedule(slot, Party.Clinician, Instant.FromUtc(2026, 3, 1, 12, 0));
        Caseload caseload = new CaseloadBuilder().WithPatient(new PatientCaseloadBuilder().WithAppointment(appointment)).Build();

        Appointment read = CaseloadDocument.Read(CaseloadDocument.Write(caseload)).Caseload!.Patients[0].Appointments[0];

        read.Slot.Start.Should().Be(slot.Start);
        read.Slot.Should().Be(slot);
    }

    [Fact]
    public void Read_ASlotWhoseStartDoesNotMatchItsLocalTime_IsInvalid()
    {
        JsonNode document = Document();
        Patient(document)["appointments"]![0]!["history"]![0]!["slot"]!["start"] = "2026-06-09T14:00:00Z";

        PathsAndCodes(Problems(document)).Should().Equal(("$.patients[0].appointments[0].history[0].slot.start", DocumentErrorCodes.Invalid));
    }

    /// <summary>A stream that returns at most a few bytes per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
