using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.TimeZones;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Internal;

/// <summary>A member a document gave that its type does not have, kept so that writing the document back keeps it.</summary>
/// <param name="Path">The JSON path of the object that held it.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Json">The member's value, as JSON text.</param>
internal sealed record UnknownMember(string Path, string Name, string Json);

/// <summary>
/// The mapping of the aggregates' values (ids, instants, slots, instrument responses and the rest) and of the
/// aggregates' commands: a command is written as an object of its arguments, named by its parameters.
/// </summary>
internal static partial class DocumentMapper
{
    /// <summary>How a type that is not built from its properties is written, read and described.</summary>
    private sealed record Converter(
        string Expected,
        Action<Utf8JsonWriter, object> Write,
        ReadValue Read,
        Func<JsonObject, JsonObject> Schema);

    private delegate bool ReadValue(JsonElement element, string path, Problems problems, out object? value);

    private static readonly (string Name, Type Type, bool Nullable)[] SlotMembers =
        [("localStart", typeof(LocalDateTime), false), ("zone", typeof(string), false), ("length", typeof(Duration), false), ("start", typeof(Instant), false)];

    private static readonly (string Name, Type Type, bool Nullable)[] InstrumentResponseMembers =
    [
        ("instrumentCode", typeof(string), false), ("instrumentVersion", typeof(string), false), ("scoring", typeof(ScoringMethod), false),
        ("items", typeof(ImmutableArray<decimal>), false), ("rater", typeof(Party), false), ("at", typeof(Instant), false), ("cutoffPopulation", typeof(string), true),
    ];

    private static readonly (string Name, Type Type, bool Nullable)[] FeedbackResponseMembers =
    [
        ("kind", typeof(FeedbackResponseKind), false), ("planId", typeof(TreatmentPlanId), true), ("revisionNumber", typeof(int), true), ("reasonCode", typeof(string), true),
    ];

    private static readonly (string Name, Type Type, bool Nullable)[] InterventionMembers =
    [
        ("type", typeof(InterventionType), false), ("code", typeof(string), false), ("frequency", typeof(SessionFrequency), true), ("goalIds", typeof(ImmutableArray<GoalId>), false),
    ];

    private static readonly (string Name, Type Type, bool Nullable)[] PlanContentMembers =
    [
        ("goalIds", typeof(ImmutableArray<GoalId>), false), ("interventions", typeof(ImmutableArray<Intervention>), false),
    ];

    private static readonly Dictionary<Type, Converter> Converters = new()
    {
        [typeof(SessionSlot)] = new(
            "an object with 'localStart', 'zone', 'length' and 'start'",
            (writer, value) =>
            {
                var slot = (SessionSlot)value;
                writer.WriteStartObject();
                writer.WriteString("localStart", Format(slot.LocalStart));
                writer.WriteString("zone", slot.Zone.Id);
                writer.WriteString("length", Format(slot.Length));
                writer.WriteString("start", Format(slot.Start));
                writer.WriteEndObject();
            },
            ReadSlot,
            _ => ObjectSchema(("localStart", Kind.LocalDateTime), ("zone", Kind.String), ("length", Kind.Duration), ("start", Kind.Instant))),
        [typeof(PsychotherapyCode)] = new(
            $"a CPT psychotherapy code: {Quoted(PsychotherapyCode.All.Select(c => c.Code))}",
            (writer, value) => writer.WriteStringValue(((PsychotherapyCode)value).Code),
            ReadPsychotherapyCode,
            _ => new JsonObject { ["enum"] = Names(PsychotherapyCode.All.Select(c => c.Code)) }),
        [typeof(InstrumentResponse)] = new(
            "an object with 'instrumentCode', 'instrumentVersion', 'scoring', 'items', 'rater', 'at' and 'cutoffPopulation'",
            WriteInstrumentResponse,
            ReadInstrumentResponse,
            definitions => ObjectSchema(definitions, InstrumentResponseMembers)),
        [typeof(FeedbackResponse)] = new(
            "an object with 'kind', 'planId', 'revisionNumber' and 'reasonCode'",
            WriteFeedbackResponse,
            ReadFeedbackResponse,
            definitions => ObjectSchema(definitions, FeedbackResponseMembers)),
        [typeof(Intervention)] = new(
            "an object with 'type' (\"psychotherapy\" or \"medication\"), 'code', 'frequency' (psychotherapy only) and 'goalIds'",
            WriteIntervention,
            ReadIntervention,
            definitions => ObjectSchema(definitions, InterventionMembers)),
        [typeof(PlanContent)] = new(
            "an object with 'goalIds' and 'interventions'",
            WritePlanContent,
            ReadPlanContent,
            definitions => ObjectSchema(definitions, PlanContentMembers)),
        [typeof(IEnumerable<Goal>)] = new(
            "an array of the patient's goal ids",
            (writer, value) => WriteValue(writer, ShapeOf(typeof(ImmutableArray<GoalId>), nullable: false), value),
            ReadGoals,
            definitions => SchemaOf(ShapeOf(typeof(ImmutableArray<GoalId>), nullable: false), definitions)),
    };

    /// <summary>The built-in instruments a caseload document can name.</summary>
    private static readonly InstrumentDefinition[] BuiltInInstruments =
        [Instruments.Srs, Instruments.Ors, .. Enum.GetValues<ScoringMethod>().Select(Instruments.WaiSr)];

    private enum InterventionType
    {
        Psychotherapy,
        Medication,
    }

    // ---- Commands ------------------------------------------------------------------------------------------------

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodBase, Parameter[]> Parameters = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<string, object>> IdFactories = new();

    /// <summary>A command's parameter as a document reads it: its name, shape, and default if it has one.</summary>
    private sealed record Parameter(string Name, Type Type, Shape Shape, bool HasDefault, object? Default);

    /// <summary>A method's parameters, worked out once per method.</summary>
    private static Parameter[] ParametersOf(MethodBase method) => Parameters.GetOrAdd(method, m =>
    {
        var nullability = new NullabilityInfoContext();
        return
        [
            .. m.GetParameters().Select(p =>
            {
                Type type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                bool nullable = nullability.Create(p).ReadState == NullabilityState.Nullable || type != p.ParameterType;
                return new Parameter(p.Name!, p.ParameterType, ShapeOf(type, nullable), p.HasDefaultValue, p.HasDefaultValue ? p.DefaultValue : null);
            }),
        ];
    });

    /// <summary>Writes a command's arguments as members named by its parameters, leaving out those the record supplies.</summary>
    public static void WriteArguments(Utf8JsonWriter writer, MethodBase method, object?[] arguments, ISet<string> implicitParameters)
    {
        Parameter[] parameters = ParametersOf(method);
        for (int i = 0; i < parameters.Length; i++)
        {
            if (!implicitParameters.Contains(parameters[i].Name))
            {
                writer.WritePropertyName(parameters[i].Name);
                WriteValue(writer, arguments[i] is { } value ? ShapeOf(value.GetType(), nullable: false) : ShapeOf(typeof(string), nullable: true), arguments[i]);
            }
        }
    }

    /// <summary>
    /// Reads a command's arguments from an object's members named by its parameters; those in
    /// <paramref name="implicitArguments"/> come from the record, and a parameter with a default may be left out.
    /// </summary>
    public static bool TryReadArguments(
        JsonElement element, MethodBase method, string path, Problems problems, IReadOnlyDictionary<string, object?> implicitArguments, ISet<string> ignored, out object?[] arguments)
    {
        Parameter[] parameters = ParametersOf(method);
        arguments = new object?[parameters.Length];
        Dictionary<string, JsonElement> properties = problems.Properties(element, path);
        bool complete = true;
        foreach ((string name, JsonElement value) in properties)
        {
            if (!ignored.Contains(name) && (implicitArguments.ContainsKey(name) || Array.FindIndex(parameters, p => p.Name == name) < 0))
            {
                complete &= problems.Unknown(path, name, value, parameters.Where(p => !implicitArguments.ContainsKey(p.Name)).Select(p => p.Name));
            }
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            Parameter parameter = parameters[i];
            if (implicitArguments.TryGetValue(parameter.Name, out object? supplied))
            {
                arguments[i] = supplied;
            }
            else if (properties.TryGetValue(parameter.Name, out JsonElement item))
            {
                complete &= TryRead(item, parameter.Shape, $"{path}.{parameter.Name}", problems, out arguments[i]);
            }
            else if (parameter.HasDefault)
            {
                arguments[i] = parameter.Default;
            }
            else
            {
                string memberPath = $"{path}.{parameter.Name}";
                complete = problems.Add(memberPath, DocumentErrorCodes.Required, $"'{memberPath}' is required: {Expected(parameter.Shape)}.");
            }
        }

        return complete;
    }

    /// <summary>Each argument a document gives for a method: its name, what it must be, and whether it may be left out.</summary>
    public static IEnumerable<(string Name, string Expected, bool Optional)> DescribeArguments(MethodBase method, ISet<string> implicitParameters) =>
        ParametersOf(method).Where(p => !implicitParameters.Contains(p.Name)).Select(p => (p.Name, Expected(p.Shape), p.HasDefault));

    /// <summary>A JSON Schema of a method's arguments as an object named by its parameters, less those the record supplies.</summary>
    public static JsonObject ArgumentsSchema(MethodBase method, ISet<string> implicitParameters, JsonObject definitions)
    {
        var nullability = new NullabilityInfoContext();
        var properties = new JsonObject();
        var required = new List<string>();
        foreach (ParameterInfo parameter in method.GetParameters().Where(p => !implicitParameters.Contains(p.Name!)))
        {
            Type type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            bool nullable = nullability.Create(parameter).ReadState == NullabilityState.Nullable || type != parameter.ParameterType;
            properties[parameter.Name!] = SchemaOf(ShapeOf(type, nullable), definitions);
            if (!parameter.HasDefaultValue)
            {
                required.Add(parameter.Name!);
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = Names(required) };
    }

    /// <summary>
    /// Reads the members of an object; unknown ones are kept or refused as <paramref name="problems"/> says, and
    /// members named in <paramref name="ignored"/> are skipped.
    /// </summary>
    public static bool TryReadMembers(
        JsonElement element, string path, Problems problems, IReadOnlyList<(string Name, Type Type, bool Nullable)> members, ISet<string> ignored, out object?[] values)
    {
        values = new object?[members.Count];
        if (element.ValueKind != JsonValueKind.Object)
        {
            return problems.Add(path, DocumentErrorCodes.Type, $"'{path}' must be an object with {Quoted(members.Select(m => m.Name))}.");
        }

        Dictionary<string, JsonElement> properties = problems.Properties(element, path);
        bool complete = true;
        foreach ((string name, JsonElement value) in properties)
        {
            if (!ignored.Contains(name) && !members.Any(m => m.Name == name))
            {
                complete &= problems.Unknown(path, name, value, members.Select(m => m.Name));
            }
        }

        for (int i = 0; i < members.Count; i++)
        {
            (string name, Type type, bool nullable) = members[i];
            string memberPath = $"{path}.{name}";
            complete &= properties.TryGetValue(name, out JsonElement item)
                ? TryRead(item, type, nullable, memberPath, problems, out values[i])
                : problems.Add(memberPath, DocumentErrorCodes.Required, $"'{memberPath}' is required: {Expected(ShapeOf(type, nullable))}.");
        }

        return complete;
    }

    // ---- Ids -----------------------------------------------------------------------------------------------------

    /// <summary>Whether the type is one of the library's string-backed ids (<see cref="PatientId"/> and the rest).</summary>
    private static bool IsId(Type type) =>
        type.IsValueType && type.Namespace == typeof(PatientId).Namespace && type.Name.EndsWith("Id", StringComparison.Ordinal)
        && type.GetConstructor([typeof(string)]) is not null && type.GetProperty("Value")?.PropertyType == typeof(string);

    /// <summary>A compiled <c>text => new TId(text)</c>: ids are the most common value of a document.</summary>
    private static Func<string, object> IdFactory(Type type)
    {
        var text = System.Linq.Expressions.Expression.Parameter(typeof(string));
        return System.Linq.Expressions.Expression.Lambda<Func<string, object>>(
            System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.New(type.GetConstructor([typeof(string)])!, text), typeof(object)), text).Compile();
    }

    /// <summary>An id's text, read through a getter worked out once per id type (writing a document reads millions).</summary>
    internal static string IdValue(object id) => IdValues.GetOrAdd(id.GetType(), IdValueGetter)(id);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, string>> IdValues = new();

    private static Func<object, string> IdValueGetter(Type type)
    {
        var id = System.Linq.Expressions.Expression.Parameter(typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<object, string>>(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(id, type), "Value"), id).Compile();
    }

    private static bool TryReadId(Type type, string text, string path, Problems problems, out object? value)
    {
        value = null;
        try
        {
            value = IdFactories.GetOrAdd(type, IdFactory)(text);
        }
        catch (ArgumentException)
        {
            return problems.Add(path, DocumentErrorCodes.Format, $"'{path}' must be {Expected(ShapeOf(type, nullable: false))}.");
        }

        // A member named id or newId names the record it is in; any other id refers to a record elsewhere.
        if (!path.EndsWith(".id", StringComparison.Ordinal) && !path.EndsWith(".newId", StringComparison.Ordinal))
        {
            problems.OnReference?.Invoke(value!, path);
        }

        return true;
    }

    // ---- Converters ----------------------------------------------------------------------------------------------

    private static bool ReadSlot(JsonElement element, string path, Problems problems, out object? value)
    {
        value = null;
        if (!TryReadMembers(element, path, problems, SlotMembers, EmptySet, out object?[] members))
        {
            return false;
        }

        var start = (Instant)members[3]!;
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull((string)members[1]!) is null)
        {
            return problems.Add($"{path}.zone", DocumentErrorCodes.UnknownValue, $"'{path}.zone' must be an IANA time-zone id known to the time-zone database.");
        }

        try
        {
            // The written start picks the mapping in a gap or an overlap, so a slot booked with a resolver reads back as booked.
            value = SessionSlot.Create((LocalDateTime)members[0]!, (string)members[1]!, (Duration)members[2]!, mapping => mapping.Count switch
            {
                0 => Resolvers.LenientResolver(mapping),
                2 when mapping.Last().ToInstant() == start => mapping.Last(),
                _ => mapping.First(),
            });
        }
        catch (ArgumentException refused)
        {
            return problems.Refused(path, refused, element);
        }
        return ((SessionSlot)value).Start == start
            || problems.Add($"{path}.start", DocumentErrorCodes.Invalid, $"'{path}.start' is not the instant of 'localStart' in 'zone'.");
    }

    private static bool ReadPsychotherapyCode(JsonElement element, string path, Problems problems, out object? value)
    {
        value = Text(element) is { } code ? PsychotherapyCode.All.FirstOrDefault(c => c.Code == code) : null;
        return value is not null || problems.Add(path, DocumentErrorCodes.UnknownValue, $"'{path}' must be {Converters[typeof(PsychotherapyCode)].Expected}.");
    }

    private static void WriteInstrumentResponse(Utf8JsonWriter writer, object value)
    {
        var response = (InstrumentResponse)value;
        InstrumentDefinition definition = BuiltInInstruments.FirstOrDefault(d =>
                d.Code == response.InstrumentCode && d.Version == response.InstrumentVersion && d.Score([.. response.Items.Select(i => (decimal?)i)]).Total == response.Total)
            ?? throw new ArgumentException($"Instrument {response.InstrumentCode} {response.InstrumentVersion} is not built in: a caseload document carries only the built-in instruments.", nameof(value));
        writer.WriteStartObject();
        writer.WriteString("instrumentCode", definition.Code);
        writer.WriteString("instrumentVersion", definition.Version);
        writer.WriteString("scoring", Camel(definition.Scoring.ToString()));
        writer.WritePropertyName("items");
        WriteValue(writer, ShapeOf(typeof(ImmutableArray<decimal>), nullable: false), response.Items);
        writer.WriteString("rater", Camel(response.Rater.ToString()));
        writer.WriteString("at", Format(response.At));
        string? population = definition.Cutoffs.Count == 1 && definition.Cutoffs.Values.Single() == response.Cutoff
            ? null
            : definition.Cutoffs.FirstOrDefault(c => c.Value == response.Cutoff).Key;
        writer.WritePropertyName("cutoffPopulation");
        WriteValue(writer, ShapeOf(typeof(string), nullable: true), population);
        writer.WriteEndObject();
    }

    private static bool ReadInstrumentResponse(JsonElement element, string path, Problems problems, out object? value)
    {
        value = null;
        if (!TryReadMembers(element, path, problems, InstrumentResponseMembers, EmptySet, out object?[] m))
        {
            return false;
        }

        InstrumentDefinition? definition = BuiltInInstruments.FirstOrDefault(d => d.Code == (string)m[0]! && d.Version == (string)m[1]! && d.Scoring == (ScoringMethod)m[2]!);
        if (definition is null)
        {
            return problems.Add(path, DocumentErrorCodes.UnknownValue, $"'{path}' must name a built-in instrument: {Quoted(BuiltInInstruments.Select(d => $"{d.Code} {d.Version} {Camel(d.Scoring.ToString())}").Distinct())}.");
        }

        try
        {
            value = InstrumentResponse.Create(definition, ((ImmutableArray<decimal>)m[3]!).Select(i => (decimal?)i), (Party)m[4]!, (Instant)m[5]!, (string?)m[6]);
            return true;
        }
        catch (ArgumentException refused)
        {
            return problems.Refused(refused.ParamName == "items" ? $"{path}.items" : path, refused, element);
        }
    }

    private static void WriteFeedbackResponse(Utf8JsonWriter writer, object value)
    {
        var response = (FeedbackResponse)value;
        writer.WriteStartObject();
        writer.WriteString("kind", Camel(response.Kind.ToString()));
        writer.WritePropertyName("planId");
        WriteValue(writer, ShapeOf(typeof(TreatmentPlanId), nullable: true), response.PlanId);
        writer.WritePropertyName("revisionNumber");
        WriteValue(writer, ShapeOf(typeof(int), nullable: true), response.RevisionNumber);
        writer.WritePropertyName("reasonCode");
        WriteValue(writer, ShapeOf(typeof(string), nullable: true), response.ReasonCode);
        writer.WriteEndObject();
    }

    private static bool ReadFeedbackResponse(JsonElement element, string path, Problems problems, out object? value)
    {
        value = null;
        if (!TryReadMembers(element, path, problems, FeedbackResponseMembers, EmptySet, out object?[] m))
        {
            return false;
        }

        var kind = (FeedbackResponseKind)m[0]!;
        string? misplaced = kind switch
        {
            FeedbackResponseKind.PlanRevised => m[1] is null ? "planId" : m[2] is null ? "revisionNumber" : m[3] is not null ? "reasonCode" : null,
            FeedbackResponseKind.NoChange => m[3] is null ? "reasonCode" : m[1] is not null ? "planId" : m[2] is not null ? "revisionNumber" : null,
            _ => m[1] is not null ? "planId" : m[2] is not null ? "revisionNumber" : m[3] is not null ? "reasonCode" : null,
        };
        if (misplaced is not null)
        {
            return problems.Add($"{path}.{misplaced}", DocumentErrorCodes.Invalid, $"'{path}.{misplaced}' does not fit the response kind: a revised plan names 'planId' and 'revisionNumber', no change names 'reasonCode', and the others name neither.");
        }

        try
        {
            value = kind switch
            {
                FeedbackResponseKind.PlanRevised => FeedbackResponse.PlanRevised((TreatmentPlanId)m[1]!, (int)m[2]!),
                FeedbackResponseKind.NoChange => FeedbackResponse.NoChange((string)m[3]!),
                FeedbackResponseKind.TopicChanged => FeedbackResponse.TopicChanged(),
                _ => FeedbackResponse.Discussed(),
            };
            return true;
        }
        catch (ArgumentException refused)
        {
            return problems.Refused(path, refused, element);
        }
    }

    private static void WriteIntervention(Utf8JsonWriter writer, object value)
    {
        var intervention = (Intervention)value;
        writer.WriteStartObject();
        writer.WriteString("type", intervention is MedicationIntervention ? "medication" : "psychotherapy");
        writer.WriteString("code", intervention.Code);
        writer.WritePropertyName("frequency");
        WriteValue(writer, ShapeOf(typeof(SessionFrequency), nullable: true), (intervention as PsychotherapyIntervention)?.Frequency);
        writer.WritePropertyName("goalIds");
        WriteValue(writer, ShapeOf(typeof(ImmutableArray<GoalId>), nullable: false), intervention.GoalIds);
        writer.WriteEndObject();
    }

    private static bool ReadIntervention(JsonElement element, string path, Problems problems, out object? value)
    {
        value = null;
        if (!TryReadMembers(element, path, problems, InterventionMembers, EmptySet, out object?[] m))
        {
            return false;
        }

        bool medication = (InterventionType)m[0]! == InterventionType.Medication;
        if (medication == m[2] is not null)
        {
            return problems.Add($"{path}.frequency", DocumentErrorCodes.Invalid, $"'{path}.frequency' is given for psychotherapy and is null for a medication.");
        }

        try
        {
            value = medication
                ? new MedicationIntervention((string)m[1]!, (ImmutableArray<GoalId>)m[3]!)
                : new PsychotherapyIntervention((string)m[1]!, (SessionFrequency)m[2]!, (ImmutableArray<GoalId>)m[3]!);
            return true;
        }
        catch (ArgumentException refused)
        {
            return problems.Refused(path, refused, element);
        }
    }

    private static void WritePlanContent(Utf8JsonWriter writer, object value)
    {
        var content = (PlanContent)value;
        writer.WriteStartObject();
        writer.WritePropertyName("goalIds");
        WriteValue(writer, ShapeOf(typeof(ImmutableArray<GoalId>), nullable: false), content.GoalIds);
        writer.WritePropertyName("interventions");
        WriteValue(writer, ShapeOf(typeof(ImmutableArray<Intervention>), nullable: false), content.Interventions);
        writer.WriteEndObject();
    }

    private static bool ReadPlanContent(JsonElement element, string path, Problems problems, out object? value)
    {
        value = null;
        if (!TryReadMembers(element, path, problems, PlanContentMembers, EmptySet, out object?[] m))
        {
            return false;
        }

        try
        {
            PlanContent content = PlanContent.Empty;
            content = ((ImmutableArray<GoalId>)m[0]!).Aggregate(content, (c, goal) => c.WithGoal(goal));
            value = ((ImmutableArray<Intervention>)m[1]!).Aggregate(content, (c, intervention) => c.WithIntervention(intervention));
            return true;
        }
        catch (ArgumentException refused)
        {
            return problems.Refused(path, refused, element);
        }
    }

    private static bool ReadGoals(JsonElement element, string path, Problems problems, out object? value)
    {
        value = null;
        if (!TryRead(element, typeof(ImmutableArray<GoalId>), nullable: false, path, problems, out object? ids))
        {
            return false;
        }

        var goals = new List<Goal>();
        bool complete = true;
        int index = 0;
        foreach (GoalId id in (ImmutableArray<GoalId>)ids!)
        {
            // An unknown id is reported by the reference check; here it only stops the command.
            if (problems.FindGoal?.Invoke(id) is Goal goal)
            {
                goals.Add(goal);
            }
            else
            {
                complete = problems.FindGoal is not null || problems.Add($"{path}[{index}]", DocumentErrorCodes.UnknownReference, $"'{path}[{index}]' names no goal of the patient.");
                complete = false;
            }

            index++;
        }

        value = goals;
        return complete;
    }

    private static readonly ISet<string> EmptySet = ImmutableHashSet<string>.Empty;

    private static JsonObject ObjectSchema(params (string Name, Kind Kind)[] members) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(members.Select(m => KeyValuePair.Create(m.Name, (JsonNode?)SchemaOf(new Shape(m.Kind, typeof(string), false), new JsonObject())))),
        ["required"] = Names(members.Select(m => m.Name)),
    };

    private static JsonObject ObjectSchema(JsonObject definitions, (string Name, Type Type, bool Nullable)[] members) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(members.Select(m => KeyValuePair.Create(m.Name, (JsonNode?)SchemaOf(ShapeOf(m.Type, m.Nullable), definitions)))),
        ["required"] = Names(members.Select(m => m.Name)),
    };
}
