using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using NodaTime;
using NodaTime.Text;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Documents;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// Maps settings types to JSON and back by reflection, so that a new setting or a new settings section needs no code
/// here. A member's JSON name is its camelCase property name, so a setting's JSON path below <c>$.settings</c> is its
/// change-log path (<see cref="Boundaries.SettingValues"/>): <c>$.settings.dual.standards.gift.stance</c>.
/// </summary>
/// <remarks>
/// <para>
/// A type is read either through its public parameterless constructor and then its public <c>init</c> setters, or
/// through the public constructor whose parameter names are its property names (then any remaining settable
/// properties). Every public property is written and every one is required when reading. A setter's or constructor's
/// <see cref="ArgumentException"/> becomes a problem at the member named by the exception's parameter name.
/// </para>
/// <para>
/// Values: string, bool, int, double, decimal (written without trailing zeros), NodaTime <see cref="Duration"/>
/// (<see cref="DurationPattern.Roundtrip"/>), <see cref="Period"/> (<see cref="PeriodPattern.Roundtrip"/>, which keeps
/// every unit), <see cref="LocalDate"/> (ISO), enums (camelCase names; <see cref="FlagsAttribute"/> enums as an
/// array of names), nullables, <see cref="ImmutableArray{T}"/> and <see cref="IReadOnlyList{T}"/>,
/// <see cref="ImmutableDictionary{TKey, TValue}"/> and <see cref="IReadOnlyDictionary{TKey, TValue}"/> keyed by an
/// enum (an object with camelCase keys, written in the enum's order), and nested objects.
/// </para>
/// <para>
/// Problem messages hold paths, expected types and allowed values, never a value from the document: a document's
/// text may be free text, and problems end up in logs.
/// </para>
/// </remarks>
internal static partial class DocumentMapper
{
    private const string DurationRegex = "^-?[0-9]+:[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?$";

    private const string PeriodRegex = "^P(-?[0-9]+Y)?(-?[0-9]+M)?(-?[0-9]+W)?(-?[0-9]+D)?(T(-?[0-9]+H)?(-?[0-9]+M)?(-?[0-9]+S)?(-?[0-9]+s)?(-?[0-9]+t)?(-?[0-9]+n)?)?$";

    private const string DateRegex = "^-?[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private const string LocalDateTimeRegex = "^-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?$";

    private const string IdRegex = "^[A-Za-z0-9\\-.]{1,64}$";

    private static readonly ConcurrentDictionary<Type, ObjectModel> Models = new();

    private enum Kind
    {
        String,
        Boolean,
        Integer,
        Double,
        Decimal,
        Duration,
        Period,
        Date,
        Instant,
        LocalDateTime,
        Id,
        Custom,
        Enum,
        Flags,
        List,
        Dictionary,
        Object,
    }

    // ---- Writing -------------------------------------------------------------------------------------------------

    /// <summary>Writes <paramref name="value"/> as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, object value) => WriteValue(writer, ShapeOf(value.GetType(), nullable: false), value);

    private static void WriteValue(Utf8JsonWriter writer, Shape shape, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                // The writer would replace an unpaired surrogate with U+FFFD: refuse rather than write something else.
                writer.WriteStringValue(IsValidUtf16(text) ? text : throw new ArgumentException("A text holds an unpaired surrogate, which JSON cannot carry exactly.", nameof(value)));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal amount:
                // Without trailing zeros: 50 and 50.00 are the same setting and are written the same.
                writer.WriteNumberValue(amount / 1.0000000000000000000000000000m);
                break;
            case Duration or Period or LocalDate or Instant or LocalDateTime:
                writer.WriteStringValue(Format(value));
                break;
            case not null when shape.Kind == Kind.Id:
                writer.WriteStringValue(IdValue(value));
                break;
            case not null when shape.Kind == Kind.Custom:
                Converters[shape.Type].Write(writer, value);
                break;
            case Enum when shape.Kind == Kind.Flags:
                long bits = Bits(value);
                (string Name, long Bits)[] flags = [.. EnumValues(shape.Type).Select(v => (v.Name, Bits: Bits(v.Value))).Where(f => f.Bits != 0 && (bits & f.Bits) == f.Bits)];
                if (flags.Aggregate(0L, (all, f) => all | f.Bits) != bits)
                {
                    throw new ArgumentException($"A {shape.Type.Name} value holds undefined flags.", nameof(value));
                }

                writer.WriteStartArray();
                foreach ((string name, _) in flags)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                break;
            case Enum:
                writer.WriteStringValue(Camel(Enum.GetName(shape.Type, value) ?? throw new ArgumentException($"A {shape.Type.Name} value is not defined.", nameof(value))));
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (object key in dictionary.Keys.Cast<object>().Order())
                {
                    writer.WritePropertyName(Camel(Enum.GetName(key.GetType(), key) ?? throw new ArgumentException("A dictionary key is not defined.", nameof(value))));
                    WriteValue(writer, shape.Item!, dictionary[key]);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items when shape.Kind == Kind.List:
                writer.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(writer, shape.Item!, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (Member member in ModelOf(shape.Type).Members)
                {
                    writer.WritePropertyName(member.Name);
                    WriteValue(writer, member.Shape, member.Property.GetValue(value));
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static bool IsValidUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(object value) => value switch
    {
        Duration duration => DurationPattern.Roundtrip.Format(duration),
        Period period => PeriodPattern.Roundtrip.Format(period),
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        LocalDateTime local => LocalDateTimePattern.ExtendedIso.Format(local),
        _ => LocalDatePattern.Iso.Format((LocalDate)value),
    };

    // ---- Reading -------------------------------------------------------------------------------------------------

    /// <summary>Reads a <paramref name="type"/> from <paramref name="element"/>, adding every problem found; false when there was any.</summary>
    public static bool TryRead(JsonElement element, Type type, string path, List<ValidationFailure> problems, out object? value) =>
        TryRead(element, ShapeOf(type, nullable: false), path, new Problems(problems), out value);

    /// <summary>Reads a <paramref name="type"/> (nullable when <paramref name="nullable"/>) with a caseload's context.</summary>
    public static bool TryRead(JsonElement element, Type type, bool nullable, string path, Problems problems, out object? value) =>
        TryRead(element, ShapeOf(Nullable.GetUnderlyingType(type) ?? type, nullable || Nullable.GetUnderlyingType(type) is not null), path, problems, out value);

    private static bool TryRead(JsonElement element, Shape shape, string path, Problems problems, out object? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return shape.Nullable || problems.Add(path, DocumentErrorCodes.Type, $"'{path}' must be {Expected(shape)}; null is not allowed.");
        }

        switch (shape.Kind)
        {
            case Kind.String when Text(element) is { } text:
                value = text;
                return true;
            case Kind.Boolean when element.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = element.GetBoolean();
                return true;
            case Kind.Integer when element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int integer):
                value = integer;
                return true;
            case Kind.Double when element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double number) && double.IsFinite(number):
                value = number;
                return true;
            case Kind.Decimal when element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal amount):
                value = amount;
                return true;
            case Kind.Id when Text(element) is { } text:
                return TryReadId(shape.Type, text, path, problems, out value);
            case Kind.Custom:
                return Converters[shape.Type].Read(element, path, problems, out value);
            case Kind.Duration or Kind.Period or Kind.Date or Kind.Instant or Kind.LocalDateTime when Text(element) is { } text:
                value = Parse(shape.Kind, text);
                return value is not null || problems.Add(path, DocumentErrorCodes.Format, $"'{path}' must be {Expected(shape)}.");
            case Kind.Enum when element.ValueKind == JsonValueKind.String:
                value = EnumValue(shape.Type, element);
                return value is not null || problems.Add(path, DocumentErrorCodes.UnknownValue, $"'{path}' must be {Expected(shape)}.");
            case Kind.Flags when element.ValueKind == JsonValueKind.Array:
                return TryReadFlags(element, shape, path, problems, out value);
            case Kind.List when element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > problems.MaximumArrayLength:
                return problems.Add(path, DocumentErrorCodes.TooLong, $"'{path}' has more than {problems.MaximumArrayLength} items.");
            case Kind.List when element.ValueKind == JsonValueKind.Array:
                var items = new List<object?>();
                bool allItems = true;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    allItems &= TryRead(item, shape.Item!, $"{path}[{items.Count}]", problems, out object? read);
                    items.Add(read);
                }

                value = allItems ? Make(nameof(MakeList), [shape.Item!.Type], items) : null;
                return allItems;
            case Kind.Dictionary when element.ValueKind == JsonValueKind.Object:
                return TryReadDictionary(element, shape, path, problems, out value);
            case Kind.Object when element.ValueKind == JsonValueKind.Object:
                return TryReadObject(element, shape.Type, path, problems, out value);
            default:
                return problems.Add(path, DocumentErrorCodes.Type, $"'{path}' must be {Expected(shape)}.");
        }
    }

    private static bool TryReadFlags(JsonElement element, Shape shape, string path, Problems problems, out object? value)
    {
        value = null;
        long bits = 0;
        bool allFlags = true;
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            string itemPath = $"{path}[{index++}]";
            string? name = Text(item);
            object? flag = EnumValues(shape.Type).FirstOrDefault(v => v.Name == name && Bits(v.Value) != 0).Value;
            if (flag is null)
            {
                allFlags = problems.Add(itemPath, name is null ? DocumentErrorCodes.Type : DocumentErrorCodes.UnknownValue, $"'{itemPath}' must be {FlagNames(shape.Type)}.");
            }
            else
            {
                bits |= Bits(flag);
            }
        }

        value = allFlags ? Enum.ToObject(shape.Type, bits) : null;
        return allFlags;
    }

    private static bool TryReadDictionary(JsonElement element, Shape shape, string path, Problems problems, out object? value)
    {
        value = null;
        Type keyType = shape.Type.GetGenericArguments()[0];
        var pairs = new List<KeyValuePair<object, object?>>();
        bool allPairs = true;
        foreach ((string name, JsonElement item) in problems.Properties(element, path))
        {
            object? key = EnumValues(keyType).FirstOrDefault(v => v.Name == name).Value;
            if (key is null)
            {
                allPairs &= problems.Unknown(path, name, item, EnumValues(keyType).Select(v => v.Name));
                continue;
            }

            allPairs &= TryRead(item, shape.Item!, $"{path}.{name}", problems, out object? read);
            pairs.Add(KeyValuePair.Create(key, read));
        }

        value = allPairs ? Make(nameof(MakeDictionary), [keyType, shape.Item!.Type], pairs) : null;
        return allPairs;
    }

    private static bool TryReadObject(JsonElement element, Type type, string path, Problems problems, out object? value)
    {
        value = null;
        ObjectModel model = ModelOf(type);
        Dictionary<string, JsonElement> properties = problems.Properties(element, path);
        foreach (string name in properties.Keys.Where(name => !model.Members.Any(m => m.Name == name)))
        {
            problems.Unknown(path, name, properties[name], model.Members.Select(m => m.Name));
        }

        var values = new object?[model.Members.Length];
        bool[] read = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            Member member = model.Members[i];
            string memberPath = $"{path}.{member.Name}";
            read[i] = properties.TryGetValue(member.Name, out JsonElement item)
                ? TryRead(item, member.Shape, memberPath, problems, out values[i])
                : problems.Add(memberPath, DocumentErrorCodes.Required, $"'{memberPath}' is required: {Expected(member.Shape)}.");
        }

        // The constructor needs every argument; the setters are tried one by one, so that each refused value is reported.
        int arguments = model.Constructor.GetParameters().Length;
        if (read.Take(arguments).Contains(false))
        {
            return false;
        }

        try
        {
            value = model.Constructor.Invoke([.. values.Take(arguments)]);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException refused)
        {
            Member? blamed = model.Members.Take(arguments).FirstOrDefault(m => string.Equals(m.Property.Name, refused.ParamName, StringComparison.OrdinalIgnoreCase));
            return problems.Refused(blamed is null ? path : $"{path}.{blamed.Name}", refused, element);
        }

        bool complete = !read.Contains(false);
        for (int i = arguments; i < values.Length; i++)
        {
            try
            {
                if (read[i])
                {
                    model.Members[i].Property.SetValue(value, values[i]);
                }
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException refused)
            {
                complete = problems.Refused($"{path}.{model.Members[i].Name}", refused, properties[model.Members[i].Name]);
            }
        }

        if (!complete)
        {
            value = null;
        }

        return complete;
    }

    private static object? Parse(Kind kind, string text) => kind switch
    {
        Kind.Duration => DurationPattern.Roundtrip.Parse(text) is { Success: true } duration ? duration.Value : null,
        Kind.Period => PeriodPattern.Roundtrip.Parse(text) is { Success: true } period ? period.Value : null,
        Kind.Instant => InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant ? instant.Value : null,
        Kind.LocalDateTime => LocalDateTimePattern.ExtendedIso.Parse(text) is { Success: true } local ? local.Value : null,
        _ => LocalDatePattern.Iso.Parse(text) is { Success: true } date ? date.Value : null,
    };

    /// <summary>A string's text; null when the element is not a string.</summary>
    /// <exception cref="InvalidOperationException">The string escapes an unpaired surrogate (<c>\ud800</c>).</exception>
    private static string? Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static object Make(string factory, Type[] types, object items) =>
        typeof(DocumentMapper).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(types).Invoke(null, [items])!;

    private static ImmutableArray<T> MakeList<T>(List<object?> items) => ImmutableArray.CreateRange(items.Select(item => (T)item!));

    private static ImmutableDictionary<TKey, TValue> MakeDictionary<TKey, TValue>(List<KeyValuePair<object, object?>> pairs)
        where TKey : notnull =>
        pairs.ToImmutableDictionary(pair => (TKey)pair.Key, pair => (TValue)pair.Value!);

    // ---- JSON Schema ---------------------------------------------------------------------------------------------

    /// <summary>A JSON Schema (draft 2020-12) of <paramref name="type"/>'s documents: the root object, then every nested object type in <c>$defs</c>.</summary>
    public static JsonObject Schema(Type type)
    {
        var definitions = new JsonObject();
        JsonObject root = ObjectSchema(type, definitions);
        root["$defs"] = definitions;
        return root;
    }

    private static JsonObject SchemaOf(Shape shape, JsonObject definitions)
    {
        JsonObject schema = shape.Kind switch
        {
            Kind.String => new() { ["type"] = "string" },
            Kind.Boolean => new() { ["type"] = "boolean" },
            Kind.Integer => new() { ["type"] = "integer", ["minimum"] = int.MinValue, ["maximum"] = int.MaxValue },
            Kind.Double or Kind.Decimal => new() { ["type"] = "number" },
            Kind.Duration => new() { ["type"] = "string", ["pattern"] = DurationRegex },
            Kind.Period => new() { ["type"] = "string", ["pattern"] = PeriodRegex },
            Kind.Date => new() { ["type"] = "string", ["pattern"] = DateRegex },
            Kind.Instant => new() { ["type"] = "string", ["format"] = "date-time" },
            Kind.LocalDateTime => new() { ["type"] = "string", ["pattern"] = LocalDateTimeRegex },
            Kind.Id => new() { ["type"] = "string", ["pattern"] = IdRegex },
            Kind.Custom => Converters[shape.Type].Schema(definitions),
            Kind.Enum => new() { ["enum"] = Names(EnumValues(shape.Type).Select(v => v.Name)) },
            Kind.Flags => new() { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = Names(FlagValues(shape.Type)) } },
            Kind.List => new() { ["type"] = "array", ["items"] = SchemaOf(shape.Item!, definitions) },
            Kind.Dictionary => new()
            {
                ["type"] = "object",
                ["propertyNames"] = new JsonObject { ["enum"] = Names(EnumValues(shape.Type.GetGenericArguments()[0]).Select(v => v.Name)) },
                ["additionalProperties"] = SchemaOf(shape.Item!, definitions),
            },
            _ => Reference(shape.Type, definitions),
        };
        return shape.Nullable ? new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) } : schema;
    }

    private static JsonObject Reference(Type type, JsonObject definitions)
    {
        if (!definitions.ContainsKey(type.Name))
        {
            // Claim the name first, so that a type's definition comes before those of the types it holds.
            definitions[type.Name] = null;
            definitions[type.Name] = ObjectSchema(type, definitions);
        }

        return new JsonObject { ["$ref"] = $"#/$defs/{type.Name}" };
    }

    private static JsonObject ObjectSchema(Type type, JsonObject definitions)
    {
        Member[] members = ModelOf(type).Members;
        var properties = new JsonObject();
        foreach (Member member in members)
        {
            properties[member.Name] = SchemaOf(member.Shape, definitions);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = Names(members.Select(m => m.Name)),
            ["additionalProperties"] = false,
        };
    }

    private static JsonArray Names(IEnumerable<string> names) => [.. names.Select(name => (JsonNode)name)];

    // ---- The model -----------------------------------------------------------------------------------------------

    private static readonly ConcurrentDictionary<(Type Type, bool Nullable), Shape> Shapes = new();

    private static readonly ConcurrentDictionary<Type, (string Name, object Value)[]> Enums = new();

    /// <summary>How a type is mapped; worked out once per type (reflection is slow, and documents hold millions of values).</summary>
    private static Shape ShapeOf(Type type, bool nullable) => Shapes.GetOrAdd((type, nullable), key => BuildShape(key.Type, key.Nullable));

    private static Shape BuildShape(Type type, bool nullable)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return ShapeOf(inner, nullable: false) with { Nullable = true };
        }

        Kind? simple = type switch
        {
            _ when type == typeof(string) => Kind.String,
            _ when type == typeof(bool) => Kind.Boolean,
            _ when type == typeof(int) => Kind.Integer,
            _ when type == typeof(double) => Kind.Double,
            _ when type == typeof(decimal) => Kind.Decimal,
            _ when type == typeof(Duration) => Kind.Duration,
            _ when type == typeof(Period) => Kind.Period,
            _ when type == typeof(LocalDate) => Kind.Date,
            _ when type == typeof(Instant) => Kind.Instant,
            _ when type == typeof(LocalDateTime) => Kind.LocalDateTime,
            _ when IsId(type) => Kind.Id,
            _ when Converters.ContainsKey(type) => Kind.Custom,
            _ when type.IsEnum => type.IsDefined(typeof(FlagsAttribute)) ? Kind.Flags : Kind.Enum,
            _ => null,
        };
        if (simple is { } kind)
        {
            return new Shape(kind, type, nullable);
        }

        Type? definition = type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        Type[] arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        if (definition == typeof(ImmutableArray<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>))
        {
            return new Shape(Kind.List, type, nullable, ShapeOf(arguments[0], nullable: false));
        }

        if ((definition == typeof(ImmutableDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)) && arguments[0].IsEnum)
        {
            return new Shape(Kind.Dictionary, type, nullable, ShapeOf(arguments[1], nullable: false));
        }

        if ((type.IsClass || (type.IsValueType && type.Namespace?.StartsWith(nameof(TherapeuticAlliance), StringComparison.Ordinal) == true))
            && !type.IsAbstract && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            _ = ModelOf(type);
            return new Shape(Kind.Object, type, nullable);
        }

        throw new NotSupportedException($"{type} has no mapping to a policy document.");
    }

    private static ObjectModel ModelOf(Type type) => Models.GetOrAdd(type, Build);

    private static ObjectModel Build(Type type)
    {
        var nullability = new NullabilityInfoContext();
        PropertyInfo[] properties =
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null).OrderBy(p => p.MetadataToken),
        ];
        ConstructorInfo constructor = type.GetConstructor(Type.EmptyTypes)
            ?? type.GetConstructors().Where(c => c.GetParameters().All(p => Property(p) is { } q && p.ParameterType.IsAssignableFrom(q.PropertyType)))
                .MaxBy(c => c.GetParameters().Length)
            ?? throw new NotSupportedException($"{type} has neither a public parameterless constructor nor one whose parameters are its properties.");
        ParameterInfo[] parameters = constructor.GetParameters();
        // In a type built by its constructor, a property computed from the others (no backing field, no setter) is
        // derived, not state: it is neither written nor read.
        IEnumerable<PropertyInfo> ordered = parameters.Select(p => Property(p)!)
            .Concat(properties.Where(q => !parameters.Any(p => Property(p) == q) && !(parameters.Length > 0 && IsComputed(q))));
        Member[] members =
        [
            .. ordered.Select((property, i) => i < parameters.Length || property.SetMethod is { IsPublic: true }
                ? new Member(Camel(property.Name), property, ShapeOf(property.PropertyType, nullability.Create(property).ReadState == NullabilityState.Nullable))
                : throw new NotSupportedException($"{type.Name}.{property.Name} can neither be passed to the constructor nor set.")),
        ];
        return new ObjectModel(constructor, members);

        static bool IsComputed(PropertyInfo property) =>
            property.SetMethod is null && property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is null;

        PropertyInfo? Property(ParameterInfo parameter) => properties.FirstOrDefault(q => string.Equals(q.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The enum value an element names, compared without allocating; null when it names none.</summary>
    private static object? EnumValue(Type type, JsonElement element)
    {
        foreach ((string name, object value) in EnumValues(type))
        {
            if (element.ValueEquals(name))
            {
                return value;
            }
        }

        return null;
    }

    private static (string Name, object Value)[] EnumValues(Type type) =>
        Enums.GetOrAdd(type, t => [.. Enum.GetValues(t).Cast<object>().Select(value => (Camel(Enum.GetName(t, value)!), value))]);

    private static IEnumerable<string> FlagValues(Type type) =>
        EnumValues(type).Where(v => Bits(v.Value) != 0).Select(v => v.Name);

    private static long Bits(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static string FlagNames(Type type) => $"one of {Quoted(FlagValues(type))}";

    private static string Expected(Shape shape) => shape.Kind switch
    {
        Kind.String => "a string",
        Kind.Boolean => "true or false",
        Kind.Integer => "a whole number",
        Kind.Double or Kind.Decimal => "a number",
        Kind.Duration => "a duration as text, days:hours:minutes:seconds (for example \"1:00:00:00\" for 24 hours)",
        Kind.Period => "a period as ISO 8601 text (for example \"P2Y\" for two years)",
        Kind.Date => "a date as ISO 8601 text (for example \"2027-01-04\")",
        Kind.Instant => "an instant as ISO 8601 text in UTC (for example \"2027-01-04T14:30:00Z\")",
        Kind.LocalDateTime => "a local date and time as ISO 8601 text (for example \"2027-01-04T09:30:00\")",
        Kind.Id => "an id: 1 to 64 letters, digits, '-' or '.'",
        Kind.Custom => Converters[shape.Type].Expected,
        Kind.Enum => $"one of {Quoted(EnumValues(shape.Type).Select(v => v.Name))}",
        Kind.Flags => $"an array of {Quoted(FlagValues(shape.Type))} (empty for none)",
        Kind.List => $"an array, each item {Expected(shape.Item!)}",
        Kind.Dictionary => $"an object whose names are among {Quoted(EnumValues(shape.Type.GetGenericArguments()[0]).Select(v => v.Name))}",
        _ => $"an object with {Quoted(ModelOf(shape.Type).Members.Select(m => m.Name))}",
    } + (shape.Nullable ? ", or null" : string.Empty);

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));

    internal static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    /// <summary>How a value is mapped: its kind, its type (the underlying type when nullable), and for lists and dictionaries the item's shape.</summary>
    private sealed record Shape(Kind Kind, Type Type, bool Nullable, Shape? Item = null);

    private sealed record Member(string Name, PropertyInfo Property, Shape Shape);

    /// <summary>A type's constructor and members, the constructor's parameters first and in its order.</summary>
    private sealed record ObjectModel(ConstructorInfo Constructor, Member[] Members);

    /// <summary>
    /// The problems found so far, and what a caseload read keeps besides: unknown members (kept, not refused), the ids
    /// records refer to, and the patient's goals for arguments that name them. Every problem method returns false, so
    /// that a failed read can return the call.
    /// </summary>
    internal sealed class Problems(List<ValidationFailure> failures)
    {
        /// <summary>Where unknown members go when they are kept (caseloads); null refuses them (policies).</summary>
        public List<UnknownMember>? Unknowns { get; init; }

        /// <summary>Told of every id read that is not a member named <c>id</c> or <c>newId</c>: the reference, its type and its path.</summary>
        public Action<object, string>? OnReference { get; init; }

        /// <summary>Finds a patient's goal named by an argument; null where goals are not known.</summary>
        public Func<object, object?>? FindGoal { get; init; }

        /// <summary>The longest array read.</summary>
        public int MaximumArrayLength { get; init; } = int.MaxValue;

        public int Count => failures.Count;

        public bool Add(string path, string code, string message)
        {
            failures.Add(new ValidationFailure(path, message) { ErrorCode = code });
            return false;
        }

        /// <summary>An object's properties by name; a name given twice is a problem, and the first is kept.</summary>
        public Dictionary<string, JsonElement> Properties(JsonElement element, string path)
        {
            var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!properties.TryAdd(property.Name, property.Value))
                {
                    string at = Child(path, property.Name);
                    Add(at, DocumentErrorCodes.DuplicateProperty, $"'{at}' has a property given more than once{Unnamed(property.Name)}.");
                }
            }

            return properties;
        }

        /// <summary>A member the type does not have: kept when <see cref="Unknowns"/> is set, a problem otherwise.</summary>
        public bool Unknown(string path, string name, JsonElement value, IEnumerable<string> allowed)
        {
            if (Unknowns is not null)
            {
                Unknowns.Add(new UnknownMember(path, name, value.GetRawText()));
                return true;
            }

            string at = Child(path, name);
            return Add(at, DocumentErrorCodes.UnknownProperty, $"'{at}' is not part of the document{Unnamed(name)}: '{path}' has {Quoted(allowed)}.");
        }

        /// <summary>A value the setting itself refused: its reason, unless the reason might repeat text from the document.</summary>
        public bool Refused(string path, ArgumentException refused, JsonElement scope)
        {
            string reason = refused.Message;
            int parameter = reason.IndexOf(" (Parameter '", StringComparison.Ordinal);
            reason = parameter >= 0 ? reason[..parameter] : reason;
            if (refused is ArgumentOutOfRangeException { ActualValue: not null } || Strings(scope).Any(s => s.Length >= 3 && reason.Contains(s, StringComparison.Ordinal)))
            {
                reason = "the value breaks a rule of the setting.";
            }

            return Add(path, refused is ArgumentOutOfRangeException ? DocumentErrorCodes.Range : DocumentErrorCodes.Invalid, $"'{path}' is not accepted: {reason}");
        }

        /// <summary>A property's path; a name that is not a plain name (letters and digits) is not shown, since it may be free text.</summary>
        private static string Child(string path, string name) => IsPlainName(name) ? $"{path}.{name}" : path;

        private static string Unnamed(string name) => IsPlainName(name) ? string.Empty : " (a property whose name is not letters and digits, so it is not shown)";

        private static bool IsPlainName(string name) => name.Length is > 0 and <= 64 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

        private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => Text(element) is { } text ? [text] : [],
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
            _ => [],
        };
    }
}
