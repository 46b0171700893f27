using System.Collections;
using System.Threading.Tasks;
using System.Reflection;
using NodaTime.TimeZones;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Scheduling;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Privacy;

/// <summary>
/// Free text is health information: a canary planted wherever a caller could pass text must never come
/// back in an exception message, a <c>ToString()</c> or a verdict.
/// </summary>
public class FreeTextCanaryTests
{
    private const string Canary = "CANARY Jane Doe said she felt hopeless";

    private static readonly Assembly Library = typeof(Verdict).Assembly;

    [Fact]
    public void EveryPublicConstructorAndFactory_GivenTheCanaryForEveryString_NeverEchoesIt()
    {
        int calls = 0;
        var leaks = new List<string>();
        foreach (MethodBase method in StringTakingEntryPoints())
        {
            object?[]? arguments = Arguments(method.GetParameters());
            if (arguments is null)
            {
                continue;
            }

            calls++;
            try
            {
                object? result = method is ConstructorInfo ctor ? ctor.Invoke(arguments) : method.Invoke(null, arguments);
                if (result?.ToString() is { } text && text.Contains("CANARY", StringComparison.Ordinal))
                {
                    leaks.Add($"{method.DeclaringType}.{method.Name} ToString");
                }
            }
            catch (TargetInvocationException e)
            {
                for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
                {
                    if (inner.Message.Contains("CANARY", StringComparison.Ordinal) || inner.Message.Contains("Jane", StringComparison.Ordinal))
                    {
                        leaks.Add($"{method.DeclaringType}.{method.Name}: {inner.GetType().Name}");
                    }
                }
            }
        }

        leaks.Should().BeEmpty();
        calls.Should().BeGreaterThanOrEqualTo(30, "the walk must reach the constructors and factories that take strings");
    }

    [Fact]
    public void DisclosureEntryPoints_GivenTheCanary_RefuseWithoutEchoingIt()
    {
        Instant signed = Instant.FromUtc(2026, 6, 9, 13, 0);
        var provider = new DisclosureRecipient(RecipientRole.TreatingProvider);
        Action[] attempts =
        [
            () => _ = new DisclosureRecipient(RecipientRole.Other, Canary),
            () => Authorization.Sign(
                new AuthorizationId("auth-1"), new PatientId("p-1"), AuthorizationKind.HipaaAuthorization, AuthorizationGrantor.Patient, [provider],
                [DisclosurePurpose.Treatment], DataCategories.Diagnoses, signed, expirationEventCode: Canary),
            () => _ = new DisclosureId(Canary),
            () => _ = new AuthorizationId(Canary),
        ];

        foreach (Action attempt in attempts)
        {
            attempt.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("CANARY");
        }

        var request = new DisclosureRequest(
            new DisclosureId("d-1"), new PatientId("p-1"), new DisclosureRecipient(RecipientRole.LawEnforcement, "agency-7"), DisclosurePurpose.LawEnforcement,
            DataCategories.PsychotherapyNotes | DataCategories.Diagnoses, signed, LegalInstrument.BareSubpoena);
        DisclosureDecision decision = DisclosureCheck.Decide(ConfidentialitySettings.Hipaa, request, []);
        decision.ToString().Should().StartWith("Disclosure d-1 Denied");
    }

    [Fact]
    public void AppointmentCommands_GivenTheCanaryAsACode_RefuseWithoutEchoingIt()
    {
        Appointment appointment = Appointments.Fulfilled();
        Appointment booked = Appointments.Booked();
        Action[] attempts =
        [
            () => booked.Cancel(Party.Patient, Canary, booked.Slot.Start),
            () => appointment.RecordTopics([new SessionTopic(Canary, 10, TopicSensitivity.Low, [])], appointment.EndedAt!.Value),
            () => _ = new SessionTopic("mood", 10, TopicSensitivity.Low, [new GoalId(Canary)]),
            () => SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), Canary, Duration.FromMinutes(50)),
            () => SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), Canary, Duration.FromMinutes(50), Resolvers.LenientResolver),
            () => PsychotherapyCode.FromCode(Canary),
            () => Evidence.OfId("other", Canary),
            () => Evidence.OfCode("reason", Canary),
            () => Evidence.OfNumber(Canary, 1),
            () => _ = new RuleCode(Canary),
            () => _ = new SubjectRef(SubjectKind.Patient, Canary),
        ];

        foreach (Action attempt in attempts)
        {
            attempt.Should().Throw<ArgumentException>().Which.ToString().Should().NotContain("CANARY").And.NotContain("Jane");
        }

        booked.Status.Should().Be(AppointmentStatus.Booked, "a refused command changes nothing");
    }

    [Fact]
    public void AWholeLifecycle_ToStringsEventsAndVerdicts_HoldIdsAndCodesOnly()
    {
        Appointment appointment = Appointments.Fulfilled(arrivalOffset: Duration.FromMinutes(9), actualLength: Duration.FromMinutes(70));
        appointment.RecordTopics([new SessionTopic("sleep", 20, TopicSensitivity.Low, [new GoalId("g-1")]), new SessionTopic("trauma.history", 30, TopicSensitivity.High, [])], appointment.EndedAt!.Value);
        appointment.RecordPreparation(Party.Patient, PreparationLevel.PartlyPrepared, appointment.EndedAt!.Value);
        appointment.RecordBilling(PsychotherapyCode.Cpt90834, null, appointment.EndedAt!.Value);

        var texts = new List<string> { appointment.ToString(), appointment.Slot.ToString() };
        texts.AddRange(appointment.PendingEvents.Select(e => e.ToString()));
        texts.AddRange(appointment.Topics.Select(t => t.ToString()));
        texts.AddRange(TimeBoundaryRules.Create().Evaluate(appointment).Select(v => v.ToString()));

        texts.Should().NotBeEmpty().And.OnlyContain(t => !t.Contains("CANARY") && !t.Contains("Jane"));
        texts.Should().Contain(t => t.Contains("a-1"), "ids are what the text is made of");
    }

    [Fact]
    public void CodeCarryingRecords_WithExpression_StillRefuseFreeText()
    {
        var cancelled = new AppointmentCancelled(new AppointmentId("a-1"), 3, Instant.FromUtc(2026, 6, 8, 13, 0), Party.Patient, "pat");
        var billed = new PsychotherapyBilled(new AppointmentId("a-1"), 7, Instant.FromUtc(2026, 6, 9, 14, 0), "90834");

        ((Action)(() => _ = cancelled with { ReasonCode = Canary })).Should().Throw<ArgumentException>().Which.Message.Should().NotContain("CANARY");
        ((Action)(() => _ = billed with { Code = Canary })).Should().Throw<ArgumentException>().Which.Message.Should().NotContain("CANARY");
        (cancelled with { ReasonCode = "prov" }).ReasonCode.Should().Be("prov");
    }

    [Fact]
    public void ValidatorMessages_GivenTheCanaryEverywhere_NeverEchoIt()
    {
        var request = new ScheduleRequest
        {
            AppointmentId = Canary, PatientId = Canary, ClinicianId = Canary, Kind = Canary, LocalStart = Canary, ZoneId = Canary, LengthMinutes = 0, DstResolution = Canary,
        };

        FluentValidation.Results.ValidationResult result = new ScheduleRequestValidator().Validate(request);

        result.Errors.Should().HaveCount(8).And.OnlyContain(f => f.AttemptedValue == null, "a rejected value may be text a person typed");
        result.Errors.Should().OnlyContain(f => f.FormattedMessagePlaceholderValues == null || !f.FormattedMessagePlaceholderValues.Values.Any(v => v != null && v.ToString()!.Contains("CANARY")));
        result.ToString().Should().NotContain("CANARY").And.NotContain("Jane");
        ((Action)(() => request.ToAppointment(Instant.FromUtc(2026, 1, 1, 0, 0)))).Should().Throw<ArgumentException>().Which.Message.Should().NotContain("CANARY");
    }

    [Fact]
    public void ValidateAndThrow_ExceptionHoldsNoRejectedValue()
    {
        var request = new ScheduleRequest { AppointmentId = Canary, PatientId = Canary };

        FluentValidation.ValidationException exception = ((Action)(() => FluentValidation.DefaultValidatorExtensions.ValidateAndThrow(new ScheduleRequestValidator(), request)))
            .Should().Throw<FluentValidation.ValidationException>().Which;

        exception.Message.Should().NotContain("CANARY");
        exception.Errors.Should().NotBeEmpty().And.OnlyContain(f => f.AttemptedValue == null);
        exception.Errors.Should().OnlyContain(f => f.FormattedMessagePlaceholderValues == null || !f.FormattedMessagePlaceholderValues.ContainsKey("PropertyValue"));
    }

    [Fact]
    public async Task ValidatorAsync_ClearsAttemptedValuesToo()
    {
        var request = new ScheduleRequest { AppointmentId = Canary };

        FluentValidation.Results.ValidationResult result = await new ScheduleRequestValidator().ValidateAsync(request);

        result.Errors.Should().NotBeEmpty().And.OnlyContain(f => f.AttemptedValue == null);
    }

    // Types whose text is the caller's own prose by design, never patient data: a citation's source text, a policy
    // change's setting values (citations included), and the library's exception, whose message the library writes
    // from ids and codes.
    private static readonly Type[] TextCarriers = [typeof(Citation), typeof(DomainRuleException), typeof(PolicyChange)];

    private static IEnumerable<MethodBase> StringTakingEntryPoints() =>
        Library.GetExportedTypes()
            .Where(t => !TextCarriers.Contains(t))
            .Where(t => !t.IsGenericTypeDefinition && !t.IsAbstract || (t.IsAbstract && t.IsSealed))
            .SelectMany(t => t.GetConstructors().Cast<MethodBase>().Concat(t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            .Where(m => !m.IsSpecialName || m is ConstructorInfo)
            .Where(m => !m.ContainsGenericParameters && m.GetParameters().Any(p => p.ParameterType == typeof(string)));

    // Valid sample values for everything but strings, so that the string is what the method judges.
    private static object?[]? Arguments(ParameterInfo[] parameters)
    {
        var values = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            object? value = type == typeof(string) ? Canary : Sample(type);
            if (value is null && !(type.IsClass && parameters[i].HasDefaultValue))
            {
                return null;
            }

            values[i] = value;
        }

        return values;
    }

    private static object? Sample(Type type) => type switch
    {
        _ when Nullable.GetUnderlyingType(type) is { } inner => Sample(inner),
        _ when type == typeof(bool) => false,
        _ when type == typeof(decimal) => 1m,
        _ when type == typeof(InstrumentDefinition) => Instruments.Srs,
        _ when type == typeof(LocalDate) => new LocalDate(2026, 6, 9),
        _ when type == typeof(Period) => Period.FromYears(2),
        _ when type == typeof(FeedbackId) => new FeedbackId("f-1"),
        _ when type == typeof(TreatmentPlanId) => new TreatmentPlanId("plan-1"),
        _ when type == typeof(RelationshipDeclarationId) => new RelationshipDeclarationId("rel-1"),
        _ when type == typeof(Jurisdiction) => Jurisdiction.UnitedStates,
        _ when type == typeof(AuthorizationId) => new AuthorizationId("auth-1"),
        _ when type == typeof(DisclosureId) => new DisclosureId("d-1"),
        _ when type == typeof(DisclosureRecipient) => new DisclosureRecipient(RecipientRole.TreatingProvider),
        _ when type == typeof(IEnumerable<DisclosureRecipient>) => new[] { new DisclosureRecipient(RecipientRole.TreatingProvider) },
        _ when type == typeof(IEnumerable<DisclosurePurpose>) => new[] { DisclosurePurpose.Treatment },
        _ when type == typeof(DataCategories) => DataCategories.Diagnoses,
        _ when type == typeof(BoundarySettings) => BoundaryPresets.UsPsychology.Settings,
        _ when type == typeof(Citation) => BoundaryCitations.ApaMultipleRelationships,
        _ when type == typeof(IEnumerable<Citation>) => new[] { BoundaryCitations.ApaMultipleRelationships },
        _ when type == typeof(IReadOnlyDictionary<string, decimal>) => new Dictionary<string, decimal> { [Canary] = 1 },
        _ when type == typeof(IEnumerable<string>) => new[] { Canary },
        _ when type == typeof(IEnumerable<decimal?>) => new decimal?[] { 9, 9, 9, 9 },
        _ when type == typeof(PatientId) => new PatientId("p-1"),
        _ when type == typeof(ClinicianId) => new ClinicianId("c-1"),
        _ when type == typeof(AppointmentId) => new AppointmentId("a-1"),
        _ when type == typeof(GoalId) => new GoalId("g-1"),
        _ when type == typeof(Instant) => Instant.FromUtc(2026, 6, 9, 13, 0),
        _ when type == typeof(Duration) => Duration.FromMinutes(50),
        _ when type == typeof(LocalDateTime) => new LocalDateTime(2026, 6, 9, 9, 0),
        _ when type == typeof(double) => 1.0,
        _ when type == typeof(int) => 10,
        _ when type == typeof(IDateTimeZoneProvider) => DateTimeZoneProviders.Tzdb,
        _ when type == typeof(ZoneLocalMappingResolver) => Resolvers.LenientResolver,
        _ when type == typeof(RuleCode) => new RuleCode("TA.TEST.SAMPLE"),
        _ when type == typeof(SessionSlot) => Appointments.Slot(),
        _ when type == typeof(PsychotherapyCode) => PsychotherapyCode.Cpt90834,
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) => Array.CreateInstance(type.GetGenericArguments()[0], 0),
        _ => null,
    };
}
