using System.Threading.Tasks;
using FluentValidation.Results;
using NodaTime.Text;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Scheduling;

public class ScheduleRequestValidatorTests
{
    private const string Canary = "CANARY Jane Doe 555-0100";

    private const string NewYork = "America/New_York";

    private const string London = "Europe/London";

    // One instance for the whole class, as the docs recommend ("build one and reuse it").
    private static readonly ScheduleRequestValidator Validator = new();

    private static readonly Instant ScheduledAt = Instant.FromUtc(2026, 6, 1, 12, 0);

    private static readonly string[] StringProperties =
    [
        nameof(ScheduleRequest.AppointmentId), nameof(ScheduleRequest.PatientId), nameof(ScheduleRequest.ClinicianId), nameof(ScheduleRequest.Kind),
        nameof(ScheduleRequest.LocalStart), nameof(ScheduleRequest.ZoneId), nameof(ScheduleRequest.DstResolution),
    ];

    private static readonly string[] IdProperties =
        [nameof(ScheduleRequest.AppointmentId), nameof(ScheduleRequest.PatientId), nameof(ScheduleRequest.ClinicianId)];

    /// <summary>String properties that must be present (all but <see cref="ScheduleRequest.DstResolution"/>).</summary>
    public static TheoryData<string> RequiredStringProperties => new(StringProperties.Where(p => p != nameof(ScheduleRequest.DstResolution)));

    public static TheoryData<string> AllStringProperties => new(StringProperties);

    /// <summary>Each malformed value, the property it is in and the code it must be reported with.</summary>
    public static TheoryData<string, string, string> MalformedValues
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (string id in IdProperties)
            {
                data.Add(id, "a 1", ScheduleRequestErrorCodes.IdSyntax);
                data.Add(id, new string('a', 65), ScheduleRequestErrorCodes.IdSyntax);
                data.Add(id, "a_1", ScheduleRequestErrorCodes.IdSyntax);
                data.Add(id, "a/1", ScheduleRequestErrorCodes.IdSyntax);
            }

            data.Add(nameof(ScheduleRequest.Kind), "Group", ScheduleRequestErrorCodes.UnknownKind);
            data.Add(nameof(ScheduleRequest.Kind), "7", ScheduleRequestErrorCodes.UnknownKind);
            data.Add(nameof(ScheduleRequest.Kind), "1", ScheduleRequestErrorCodes.UnknownKind);
            data.Add(nameof(ScheduleRequest.LocalStart), "09:00 tomorrow", ScheduleRequestErrorCodes.LocalTimeFormat);
            data.Add(nameof(ScheduleRequest.LocalStart), "2026-06-09T09:00+02:00", ScheduleRequestErrorCodes.LocalTimeFormat);
            data.Add(nameof(ScheduleRequest.LocalStart), "2026-06-09T09:00Z", ScheduleRequestErrorCodes.LocalTimeFormat);
            data.Add(nameof(ScheduleRequest.LocalStart), "2026-02-30T09:00", ScheduleRequestErrorCodes.LocalTimeFormat);
            data.Add(nameof(ScheduleRequest.LocalStart), "2026-06-09", ScheduleRequestErrorCodes.LocalTimeFormat);
            data.Add(nameof(ScheduleRequest.ZoneId), "Mars/Base", ScheduleRequestErrorCodes.UnknownZone);
            data.Add(nameof(ScheduleRequest.DstResolution), "Maybe", ScheduleRequestErrorCodes.UnknownDstResolution);
            return data;
        }
    }

    // 2026 clock changes: New York springs forward 8 March 02:00 -> 03:00 and falls back 1 November 02:00 -> 01:00;
    // London springs forward 29 March 01:00 -> 02:00 and falls back 25 October 02:00 -> 01:00.
    // Zone, local start, the code under Reject, and the start instant under Lenient (forward past a gap, the earlier of an overlap).
    public static TheoryData<string, string, string, string> DstTransitions => new()
    {
        { NewYork, "2026-03-08T02:30", ScheduleRequestErrorCodes.DstGap, "2026-03-08T07:30:00Z" },
        { NewYork, "2026-11-01T01:30", ScheduleRequestErrorCodes.DstOverlap, "2026-11-01T05:30:00Z" },
        { London, "2026-03-29T01:30", ScheduleRequestErrorCodes.DstGap, "2026-03-29T01:30:00Z" },
        { London, "2026-10-25T01:30", ScheduleRequestErrorCodes.DstOverlap, "2026-10-25T00:30:00Z" },
    };

    /// <summary>Requests of every kind, valid and not, for checking that the conversions agree with the validator.</summary>
    public static TheoryData<string, string?> AnyField
    {
        get
        {
            var data = new TheoryData<string, string?>
            {
                { nameof(ScheduleRequest.LocalStart), "2026-06-09T09:00:00" },
                { nameof(ScheduleRequest.LocalStart), "2026-03-08T02:30" },
                { nameof(ScheduleRequest.LocalStart), "2026-11-01T01:30" },
                { nameof(ScheduleRequest.Kind), "crisis" },
                { nameof(ScheduleRequest.DstResolution), "lenient" },
                { nameof(ScheduleRequest.DstResolution), "Reject" },
            };
            foreach (string property in StringProperties)
            {
                data.Add(property, null);
                data.Add(property, Canary);
            }

            foreach (object[] row in MalformedValues)
            {
                data.Add((string)row[0], (string)row[1]);
            }

            return data;
        }
    }

    // ---- Valid requests -------------------------------------------------------------------------

    [Fact]
    public void Validate_ValidRequest_IsValid()
    {
        ValidationResult result = Validator.Validate(Valid());

        result.IsValid.Should().BeTrue();
        result.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(nameof(ScheduleRequest.LocalStart), "2026-06-09T09:00:00")]
    [InlineData(nameof(ScheduleRequest.LocalStart), "2026-06-09T09:00:30")]
    [InlineData(nameof(ScheduleRequest.Kind), "psychotherapy")]
    [InlineData(nameof(ScheduleRequest.Kind), "PSYCHOTHERAPY")]
    [InlineData(nameof(ScheduleRequest.Kind), "Evaluation")]
    [InlineData(nameof(ScheduleRequest.Kind), "MedicationManagement")]
    [InlineData(nameof(ScheduleRequest.Kind), "MedicationManagementWithPsychotherapy")]
    [InlineData(nameof(ScheduleRequest.Kind), "Crisis")]
    [InlineData(nameof(ScheduleRequest.DstResolution), null)]
    [InlineData(nameof(ScheduleRequest.DstResolution), "Reject")]
    [InlineData(nameof(ScheduleRequest.DstResolution), "reject")]
    [InlineData(nameof(ScheduleRequest.DstResolution), "Lenient")]
    [InlineData(nameof(ScheduleRequest.DstResolution), "lenient")]
    [InlineData(nameof(ScheduleRequest.ZoneId), London)]
    [InlineData(nameof(ScheduleRequest.ZoneId), "UTC")]
    [InlineData(nameof(ScheduleRequest.AppointmentId), "A")]
    [InlineData(nameof(ScheduleRequest.AppointmentId), "Appt.2026-06-09.0001")]
    public void Validate_ValidVariant_IsValid(string property, string? value)
    {
        ValidationResult result = Validator.Validate(With(property, value));

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(nameof(ScheduleRequest.AppointmentId))]
    [InlineData(nameof(ScheduleRequest.PatientId))]
    [InlineData(nameof(ScheduleRequest.ClinicianId))]
    public void Validate_IdOfExactly64Characters_IsValid(string property)
    {
        ValidationResult result = Validator.Validate(With(property, new string('a', 64)));

        result.IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(50)]
    [InlineData(1439)]
    [InlineData(1440)]
    public void Validate_LengthWithinRange_IsValid(int minutes)
    {
        ScheduleRequest request = Valid();
        request.LengthMinutes = minutes;

        ValidationResult result = Validator.Validate(request);

        result.IsValid.Should().BeTrue();
    }

    // ---- Missing values -------------------------------------------------------------------------

    [Fact]
    public void Validate_EmptyRequest_ListsEveryMissingPropertyOnceAsRequired()
    {
        ValidationResult result = Validator.Validate(new ScheduleRequest());

        result.IsValid.Should().BeFalse();
        result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().BeEquivalentTo(
        [
            (nameof(ScheduleRequest.AppointmentId), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.PatientId), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.ClinicianId), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.Kind), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.LocalStart), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.ZoneId), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.LengthMinutes), ScheduleRequestErrorCodes.Required),
        ]);
        result.Errors.Should().HaveCount(7);
    }

    [Theory]
    [MemberData(nameof(RequiredStringProperties))]
    public void Validate_PropertyNull_IsRequiredAtItsPathOnly(string property)
    {
        ValidationResult result = Validator.Validate(With(property, null));

        ShouldReportOnly(result, property, ScheduleRequestErrorCodes.Required);
    }

    [Theory]
    [MemberData(nameof(RequiredStringProperties))]
    public void Validate_PropertyEmptyOrWhitespace_IsRequiredNotMalformed(string property)
    {
        ShouldReportOnly(Validator.Validate(With(property, string.Empty)), property, ScheduleRequestErrorCodes.Required);
        ShouldReportOnly(Validator.Validate(With(property, "   ")), property, ScheduleRequestErrorCodes.Required);
    }

    [Fact]
    public void Validate_LengthNull_IsRequiredAtItsPathOnly()
    {
        ScheduleRequest request = Valid();
        request.LengthMinutes = null;

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.LengthMinutes), ScheduleRequestErrorCodes.Required);
    }

    // ---- Malformed values -----------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void Validate_MalformedValue_ReportsItsOwnCodeAtItsOwnPathOnly(string property, string value, string code)
    {
        ValidationResult result = Validator.Validate(With(property, value));

        ShouldReportOnly(result, property, code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1441)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Validate_LengthOutOfRange_ReportsLengthRangeOnly(int minutes)
    {
        ScheduleRequest request = Valid();
        request.LengthMinutes = minutes;

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.LengthMinutes), ScheduleRequestErrorCodes.LengthRange);
    }

    [Fact]
    public void Validate_ManyProblems_ListsEveryProblemWithItsPath()
    {
        var request = new ScheduleRequest
        {
            AppointmentId = null,
            PatientId = "p 1",
            ClinicianId = new string('c', 65),
            Kind = "Group",
            LocalStart = "09:00 tomorrow",
            ZoneId = "Mars/Base",
            LengthMinutes = 0,
            DstResolution = "Maybe",
        };

        ValidationResult result = Validator.Validate(request);

        result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().BeEquivalentTo(
        [
            (nameof(ScheduleRequest.AppointmentId), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.PatientId), ScheduleRequestErrorCodes.IdSyntax),
            (nameof(ScheduleRequest.ClinicianId), ScheduleRequestErrorCodes.IdSyntax),
            (nameof(ScheduleRequest.Kind), ScheduleRequestErrorCodes.UnknownKind),
            (nameof(ScheduleRequest.LocalStart), ScheduleRequestErrorCodes.LocalTimeFormat),
            (nameof(ScheduleRequest.ZoneId), ScheduleRequestErrorCodes.UnknownZone),
            (nameof(ScheduleRequest.LengthMinutes), ScheduleRequestErrorCodes.LengthRange),
            (nameof(ScheduleRequest.DstResolution), ScheduleRequestErrorCodes.UnknownDstResolution),
        ]);
    }

    [Fact]
    public void Validate_DstGapAmongOtherProblems_ListsTheGapToo()
    {
        ScheduleRequest request = Valid();
        request.LocalStart = "2026-03-08T02:30";
        request.Kind = "Group";
        request.LengthMinutes = 1441;
        request.PatientId = null;

        ValidationResult result = Validator.Validate(request);

        result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().BeEquivalentTo(
        [
            (nameof(ScheduleRequest.PatientId), ScheduleRequestErrorCodes.Required),
            (nameof(ScheduleRequest.Kind), ScheduleRequestErrorCodes.UnknownKind),
            (nameof(ScheduleRequest.LocalStart), ScheduleRequestErrorCodes.DstGap),
            (nameof(ScheduleRequest.LengthMinutes), ScheduleRequestErrorCodes.LengthRange),
        ]);
    }

    // ---- Daylight-saving gaps and overlaps ------------------------------------------------------

    [Theory]
    [MemberData(nameof(DstTransitions))]
    public void Validate_LocalStartInGapOrOverlap_ReportsDstCodeAtLocalStart(string zone, string localStart, string code, string lenientStart)
    {
        _ = lenientStart;
        ScheduleRequest request = Valid();
        request.ZoneId = zone;
        request.LocalStart = localStart;

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.LocalStart), code);
    }

    [Theory]
    [MemberData(nameof(DstTransitions))]
    public void Validate_LocalStartInGapOrOverlapWithExplicitReject_ReportsDstCode(string zone, string localStart, string code, string lenientStart)
    {
        _ = lenientStart;
        ScheduleRequest request = Valid();
        request.ZoneId = zone;
        request.LocalStart = localStart;
        request.DstResolution = "REJECT";

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.LocalStart), code);
    }

    [Theory]
    [MemberData(nameof(DstTransitions))]
    public void Validate_LocalStartInGapOrOverlapWithLenient_IsValid(string zone, string localStart, string code, string lenientStart)
    {
        _ = (code, lenientStart);
        ScheduleRequest request = Valid();
        request.ZoneId = zone;
        request.LocalStart = localStart;
        request.DstResolution = "Lenient";

        ValidationResult result = Validator.Validate(request);

        result.Errors.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(DstTransitions))]
    public void ToSlot_LocalStartInGapOrOverlapWithLenient_ResolvesForwardOrEarlier(string zone, string localStart, string code, string lenientStart)
    {
        _ = code;
        ScheduleRequest request = Valid();
        request.ZoneId = zone;
        request.LocalStart = localStart;
        request.DstResolution = "lenient";

        SessionSlot slot = request.ToSlot();

        slot.Start.Should().Be(InstantPattern.General.Parse(lenientStart).Value);
        slot.LocalStart.Should().Be(LocalDateTimePattern.GeneralIso.Parse(localStart + ":00").Value, "the agreed local time is kept as asked for");
    }

    [Theory]
    [InlineData(NewYork, "2026-03-08T01:59")]
    [InlineData(NewYork, "2026-03-08T03:00")]
    [InlineData(NewYork, "2026-11-01T00:59")]
    [InlineData(NewYork, "2026-11-01T02:00")]
    [InlineData(London, "2026-03-29T00:59")]
    [InlineData(London, "2026-03-29T02:00")]
    [InlineData(London, "2026-10-25T00:59")]
    [InlineData(London, "2026-10-25T02:00")]
    public void Validate_LocalStartJustOutsideGapOrOverlap_IsValid(string zone, string localStart)
    {
        ScheduleRequest request = Valid();
        request.ZoneId = zone;
        request.LocalStart = localStart;

        ValidationResult result = Validator.Validate(request);

        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Validate_GapTimeInUnknownZone_ReportsOnlyTheZone()
    {
        ScheduleRequest request = Valid();
        request.LocalStart = "2026-03-08T02:30";
        request.ZoneId = "Mars/Base";

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.ZoneId), ScheduleRequestErrorCodes.UnknownZone);
    }

    [Fact]
    public void Validate_GapTimeWithoutZone_ReportsOnlyTheMissingZone()
    {
        ScheduleRequest request = Valid();
        request.LocalStart = "2026-03-08T02:30";
        request.ZoneId = null;

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.ZoneId), ScheduleRequestErrorCodes.Required);
    }

    [Theory]
    [InlineData("2026-03-08 02:30")]
    [InlineData("2026-03-08T02:30-05:00")]
    public void Validate_UnparsableGapTime_ReportsOnlyTheFormat(string localStart)
    {
        ScheduleRequest request = Valid();
        request.LocalStart = localStart;

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.LocalStart), ScheduleRequestErrorCodes.LocalTimeFormat);
    }

    [Fact]
    public void Validate_OverlapTimeWithUnknownResolution_ReportsOnlyTheResolution()
    {
        ScheduleRequest request = Valid();
        request.LocalStart = "2026-11-01T01:30";
        request.DstResolution = "Maybe";

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.DstResolution), ScheduleRequestErrorCodes.UnknownDstResolution);
    }

    // ---- Messages never repeat the rejected value -----------------------------------------------

    [Fact]
    public void Validate_CanaryInEveryStringField_NoMessageRepeatsIt()
    {
        ScheduleRequest request = AllCanary();

        ValidationResult result = Validator.Validate(request);

        result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(StringProperties, "every planted field is a problem");
        result.Errors.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.ErrorMessage));
        ShouldNotLeak(result.ToString());
        ShouldNotLeak(result.ToString("|"));
        foreach (ValidationFailure failure in result.Errors)
        {
            ShouldNotLeak(failure.ErrorMessage);
            ShouldNotLeak(failure.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(AllStringProperties))]
    public void Validate_CanaryInOneField_ReportsThatFieldWithoutRepeatingIt(string property)
    {
        ValidationResult result = Validator.Validate(With(property, Canary));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(property);
        ShouldNotLeak(result.ToString());
        ShouldNotLeak(result.Errors[0].ErrorMessage);
    }

    // ---- ToSlot and ToAppointment ---------------------------------------------------------------

    [Fact]
    public void ToSlot_ValidRequest_ReturnsRequestedSlot()
    {
        SessionSlot slot = Valid().ToSlot();

        slot.LocalStart.Should().Be(new LocalDateTime(2026, 6, 9, 9, 0));
        slot.ZoneId.Should().Be(NewYork);
        slot.Length.Should().Be(Duration.FromMinutes(50));
        slot.Start.Should().Be(Instant.FromUtc(2026, 6, 9, 13, 0), "09:00 EDT is 13:00 UTC");
        slot.End.Should().Be(Instant.FromUtc(2026, 6, 9, 13, 50));
        slot.TzdbVersion.Should().Be(DateTimeZoneProviders.Tzdb.VersionId);
    }

    [Fact]
    public void ToSlot_LocalStartWithSeconds_ReturnsSameSlot()
    {
        SessionSlot slot = With(nameof(ScheduleRequest.LocalStart), "2026-06-09T09:00:00").ToSlot();

        slot.Should().Be(Valid().ToSlot());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void ToSlot_LengthAtEitherBound_ReturnsSlotOfThatLength(int minutes)
    {
        ScheduleRequest request = Valid();
        request.LengthMinutes = minutes;

        SessionSlot slot = request.ToSlot();

        slot.Length.Should().Be(Duration.FromMinutes(minutes));
    }

    [Fact]
    public void ToAppointment_ValidRequest_IsProposedWithRequestedIdsKindSlotAndScheduledAt()
    {
        ScheduleRequest request = Valid();

        Appointment appointment = request.ToAppointment(ScheduledAt);

        appointment.Status.Should().Be(AppointmentStatus.Proposed);
        appointment.Version.Should().Be(1);
        appointment.Id.Should().Be(new AppointmentId("a-1"));
        appointment.PatientId.Should().Be(new PatientId("p-1"));
        appointment.ClinicianId.Should().Be(new ClinicianId("c-1"));
        appointment.Kind.Should().Be(SessionKind.Psychotherapy);
        appointment.ScheduledAt.Should().Be(ScheduledAt);
        appointment.Slot.Should().Be(request.ToSlot());
        appointment.PendingEvents.Should().Equal(new AppointmentScheduled(
            new AppointmentId("a-1"), 1, ScheduledAt, new PatientId("p-1"), new ClinicianId("c-1"),
            Instant.FromUtc(2026, 6, 9, 13, 0), Instant.FromUtc(2026, 6, 9, 13, 50)));
    }

    [Theory]
    [InlineData("evaluation", SessionKind.Evaluation)]
    [InlineData("PSYCHOTHERAPY", SessionKind.Psychotherapy)]
    [InlineData("MedicationManagement", SessionKind.MedicationManagement)]
    [InlineData("medicationmanagementwithpsychotherapy", SessionKind.MedicationManagementWithPsychotherapy)]
    [InlineData("Crisis", SessionKind.Crisis)]
    public void ToAppointment_KindInAnyCase_IsThatKind(string kind, SessionKind expected)
    {
        Appointment appointment = With(nameof(ScheduleRequest.Kind), kind).ToAppointment(ScheduledAt);

        appointment.Kind.Should().Be(expected);
    }

    [Fact]
    public void ToAppointment_EmptyRequest_ThrowsArgumentException()
    {
        Action act = () => new ScheduleRequest().ToAppointment(ScheduledAt);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void ToAppointment_MalformedValue_ThrowsArgumentException(string property, string value, string code)
    {
        _ = code;
        ScheduleRequest request = With(property, value);

        Action act = () => request.ToAppointment(ScheduledAt);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [MemberData(nameof(DstTransitions))]
    public void ToSlot_LocalStartInGapOrOverlapWithoutLenient_ThrowsArgumentException(string zone, string localStart, string code, string lenientStart)
    {
        _ = (code, lenientStart);
        ScheduleRequest request = Valid();
        request.ZoneId = zone;
        request.LocalStart = localStart;

        Action act = () => request.ToSlot();

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void ToSlot_LengthOutOfRange_ThrowsArgumentException(int minutes)
    {
        ScheduleRequest request = Valid();
        request.LengthMinutes = minutes;

        Action act = () => request.ToSlot();

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToSlotAndToAppointment_CanaryInEveryStringField_ThrowWithoutRepeatingIt()
    {
        ScheduleRequest request = AllCanary();

        Action toSlot = () => request.ToSlot();
        Action toAppointment = () => request.ToAppointment(ScheduledAt);

        ShouldNotLeak(toSlot.Should().Throw<ArgumentException>().Which.Message);
        ShouldNotLeak(toAppointment.Should().Throw<ArgumentException>().Which.Message);
    }

    [Theory]
    [MemberData(nameof(AllStringProperties))]
    public void ToAppointment_CanaryInOneField_ThrowsWithoutRepeatingIt(string property)
    {
        ScheduleRequest request = With(property, Canary);

        Action act = () => request.ToAppointment(ScheduledAt);

        ArgumentException thrown = act.Should().Throw<ArgumentException>().Which;
        ShouldNotLeak(thrown.Message);
        ShouldNotLeak(thrown.ParamName ?? string.Empty);
    }

    [Theory]
    [MemberData(nameof(AnyField))]
    public void ToAppointment_AnyRequest_SucceedsExactlyWhenValidatorAccepts(string property, string? value)
    {
        ScheduleRequest request = With(property, value);
        bool valid = Validator.Validate(request).IsValid;

        Action act = () => request.ToAppointment(ScheduledAt);

        if (valid)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<ArgumentException>();
        }
    }

    // ---- Reuse ----------------------------------------------------------------------------------

    [Fact]
    public void Validate_SameInstanceTwoRequests_GivesIndependentResults()
    {
        var validator = new ScheduleRequestValidator();
        ScheduleRequest invalid = With(nameof(ScheduleRequest.Kind), "Group");
        ScheduleRequest other = With(nameof(ScheduleRequest.ZoneId), "Mars/Base");

        ValidationResult first = validator.Validate(invalid);
        ValidationResult second = validator.Validate(Valid());
        ValidationResult third = validator.Validate(other);
        ValidationResult again = validator.Validate(invalid);

        ShouldReportOnly(first, nameof(ScheduleRequest.Kind), ScheduleRequestErrorCodes.UnknownKind);
        second.IsValid.Should().BeTrue();
        ShouldReportOnly(third, nameof(ScheduleRequest.ZoneId), ScheduleRequestErrorCodes.UnknownZone);
        ShouldReportOnly(again, nameof(ScheduleRequest.Kind), ScheduleRequestErrorCodes.UnknownKind);
        first.Errors.Should().NotBeSameAs(again.Errors);
    }

    [Fact]
    public void Validate_SameInstanceFromManyThreads_GivesEachRequestItsOwnResult()
    {
        var validator = new ScheduleRequestValidator();
        ScheduleRequest[] requests = [Valid(), With(nameof(ScheduleRequest.Kind), "Group"), With(nameof(ScheduleRequest.LocalStart), "2026-03-08T02:30"), new ScheduleRequest()];
        int[] expectedCounts = [0, 1, 1, 7];
        var actualCounts = new int[400];

        Parallel.For(0, actualCounts.Length, i => actualCounts[i] = validator.Validate(requests[i % requests.Length]).Errors.Count);

        actualCounts.Select((count, i) => count == expectedCounts[i % requests.Length]).Should().AllBeEquivalentTo(true);
    }

    // ---- Edge cases found by review -------------------------------------------------------------

    [Theory]
    [InlineData(nameof(ScheduleRequest.AppointmentId))]
    [InlineData(nameof(ScheduleRequest.PatientId))]
    [InlineData(nameof(ScheduleRequest.ClinicianId))]
    public void Validate_IdWithTrailingNewline_ReportsIdSyntax(string property)
    {
        ScheduleRequest request = With(property, "a-1\n");

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, property, ScheduleRequestErrorCodes.IdSyntax);
        request.Invoking(r => r.ToAppointment(ScheduledAt)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("Psychotherapy,MedicationManagement")]
    [InlineData("Evaluation, Psychotherapy")]
    public void Validate_KindAsListOfNames_ReportsUnknownKind(string kind)
    {
        ScheduleRequest request = With(nameof(ScheduleRequest.Kind), kind);

        ValidationResult result = Validator.Validate(request);

        ShouldReportOnly(result, nameof(ScheduleRequest.Kind), ScheduleRequestErrorCodes.UnknownKind);
    }

    [Fact]
    public void ToAppointment_LocalStartPastTheLastInstant_AgreesWithValidator()
    {
        ScheduleRequest request = With(nameof(ScheduleRequest.LocalStart), "9999-12-31T23:00");

        ValidationResult result = Validator.Validate(request);
        Action act = () => request.ToAppointment(ScheduledAt);

        ShouldReportOnly(result, nameof(ScheduleRequest.LocalStart), ScheduleRequestErrorCodes.LocalTimeFormat);
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("9999-01-01T00:00")]
    [InlineData("0000-12-31T23:00")]
    public void Validate_LocalStartOutsideYearsOneTo9998_ReportsLocalTimeFormat(string localStart)
    {
        ValidationResult result = Validator.Validate(With(nameof(ScheduleRequest.LocalStart), localStart));

        ShouldReportOnly(result, nameof(ScheduleRequest.LocalStart), ScheduleRequestErrorCodes.LocalTimeFormat);
    }

    [Fact]
    public void ToAppointment_LocalStartInLastSupportedYear_IsValidAndSchedules()
    {
        ScheduleRequest request = With(nameof(ScheduleRequest.LocalStart), "9998-12-31T23:00");

        Validator.Validate(request).IsValid.Should().BeTrue();
        request.ToAppointment(ScheduledAt).Slot.LocalStart.Should().Be(new LocalDateTime(9998, 12, 31, 23, 0));
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private static ScheduleRequest Valid() => new()
    {
        AppointmentId = "a-1",
        PatientId = "p-1",
        ClinicianId = "c-1",
        Kind = "Psychotherapy",
        LocalStart = "2026-06-09T09:00",
        ZoneId = NewYork,
        LengthMinutes = 50,
    };

    private static ScheduleRequest AllCanary() => new()
    {
        AppointmentId = Canary,
        PatientId = Canary,
        ClinicianId = Canary,
        Kind = Canary,
        LocalStart = Canary,
        ZoneId = Canary,
        LengthMinutes = 50,
        DstResolution = Canary,
    };

    /// <summary>A valid request with one string property set to <paramref name="value"/>.</summary>
    private static ScheduleRequest With(string property, string? value)
    {
        ScheduleRequest request = Valid();
        switch (property)
        {
            case nameof(ScheduleRequest.AppointmentId):
                request.AppointmentId = value;
                break;
            case nameof(ScheduleRequest.PatientId):
                request.PatientId = value;
                break;
            case nameof(ScheduleRequest.ClinicianId):
                request.ClinicianId = value;
                break;
            case nameof(ScheduleRequest.Kind):
                request.Kind = value;
                break;
            case nameof(ScheduleRequest.LocalStart):
                request.LocalStart = value;
                break;
            case nameof(ScheduleRequest.ZoneId):
                request.ZoneId = value;
                break;
            case nameof(ScheduleRequest.DstResolution):
                request.DstResolution = value;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(property), property, "Not a string property of ScheduleRequest.");
        }

        return request;
    }

    private static void ShouldReportOnly(ValidationResult result, string property, string code)
    {
        result.IsValid.Should().BeFalse();
        result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).Should().Equal([(property, code)]);
        result.Errors[0].ErrorMessage.Should().NotBeNullOrWhiteSpace();
    }

    private static void ShouldNotLeak(string text)
    {
        text.Should().NotContain("CANARY").And.NotContain("Jane").And.NotContain("555-0100");
    }
}
