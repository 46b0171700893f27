using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// How each kind of record of a patient is written to and read from a caseload document. An aggregate is written as
/// its id and its history: the commands it accepted, each an object of the command's arguments named by its
/// parameters (<c>{ "command": "checkIn", "arrivedAt": "…" }</c>). Reading replays the history through the public
/// commands, so a document can hold only what the aggregates themselves allow. An immutable record (a prescription, a
/// declaration, a disclosure) is written as its constructor's arguments.
/// </summary>
internal sealed class CaseloadRecords
{
    /// <summary>The kinds of record, in the order they are written and replayed: goals before the plans that name them.</summary>
    public static readonly ImmutableArray<RecordKind> Kinds =
    [
        RecordKind.Aggregate<Appointment>("appointments", a => a.Id, a => a.Journal, nameof(Appointment.Schedule)),
        RecordKind.Aggregate<Goal>("goals", g => g.Id, g => g.Journal, nameof(Goal.Propose)),
        RecordKind.Aggregate<TreatmentPlan>("plans", p => p.Id, p => p.Journal, nameof(TreatmentPlan.Draft)),
        RecordKind.Aggregate<Feedback>("feedback", f => f.Id, f => f.Journal, nameof(Feedback.ForSession), nameof(Feedback.ForInstrument)),
        RecordKind.Aggregate<Authorization>("authorizations", a => a.Id, a => a.Journal, nameof(Authorization.Sign)),
        RecordKind.Value<Prescription>("prescriptions"),
        RecordKind.Value<RelationshipDeclaration>("relationshipDeclarations"),
        RecordKind.Value<DisclosureRequest>("disclosures"),
    ];

    /// <summary>The members of a patient, besides the record lists.</summary>
    public static readonly ImmutableHashSet<string> PatientMembers = ["id", "terminatedWith", .. Kinds.Select(k => k.Name)];

    private static readonly (string Name, Type Type, bool Nullable)[] PatientHead =
        [("id", typeof(PatientId), false), ("terminatedWith", typeof(ImmutableArray<ClinicianId>), false)];

    private static readonly ImmutableHashSet<string> HistoryMembers = ["id", "history"];

    private static readonly ImmutableHashSet<string> CommandMember = ["command"];

    private static readonly ImmutableHashSet<string> PatientParameter = ["patientId"];

    private static readonly ImmutableHashSet<string> CreationParameters = ["id", "patientId"];

    // ---- Writing -------------------------------------------------------------------------------------------------

    /// <summary>Writes one patient: id, the clinicians whose treatment ended, then each list of records.</summary>
    public static void WritePatient(Utf8JsonWriter writer, PatientCaseload patient)
    {
        IReadOnlyDictionary<object, ImmutableArray<UnknownMember>>? unknowns = patient.Unknowns;
        WriteKeeping(writer, patient, unknowns, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", patient.PatientId.Value);
            w.WriteStartArray("terminatedWith");
            foreach (ClinicianId clinician in patient.TerminatedWith)
            {
                w.WriteStringValue(clinician.Value);
            }

            w.WriteEndArray();
            foreach (RecordKind kind in Kinds)
            {
                w.WriteStartArray(kind.Name);
                foreach (object record in kind.RecordsOf(patient))
                {
                    WriteKeeping(w, record, unknowns, rw => kind.Write(rw, record));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Writes a value, putting back the unknown members read with it, if any.</summary>
    public static void WriteKeeping(Utf8JsonWriter writer, object owner, IReadOnlyDictionary<object, ImmutableArray<UnknownMember>>? unknowns, Action<Utf8JsonWriter> write)
    {
        if (unknowns is null || !unknowns.TryGetValue(owner, out ImmutableArray<UnknownMember> kept))
        {
            write(writer);
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var inner = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = writer.Options.Encoder, SkipValidation = true }))
        {
            write(inner);
        }

        JsonNode node = JsonNode.Parse(buffer.WrittenSpan)!;
        foreach (UnknownMember member in kept)
        {
            if (Navigate(node, member.Path) is JsonObject target && !target.ContainsKey(member.Name))
            {
                target[member.Name] = JsonNode.Parse(member.Json);
            }
        }

        node.WriteTo(writer);
    }

    /// <summary>The node at a path relative to <paramref name="root"/> (<c>.history[2].slot</c>); null when it is gone.</summary>
    private static JsonNode? Navigate(JsonNode? root, string relativePath)
    {
        JsonNode? node = root;
        int i = 0;
        while (node is not null && i < relativePath.Length)
        {
            if (relativePath[i] == '.')
            {
                int end = relativePath.IndexOfAny(['.', '['], i + 1);
                string name = relativePath[(i + 1)..(end < 0 ? relativePath.Length : end)];
                node = node is JsonObject o && o.TryGetPropertyValue(name, out JsonNode? child) ? child : null;
                i = end < 0 ? relativePath.Length : end;
            }
            else
            {
                int end = relativePath.IndexOf(']', i);
                int index = int.Parse(relativePath.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture);
                node = node is JsonArray a && index < a.Count ? a[index] : null;
                i = end + 1;
            }
        }

        return node;
    }

    // ---- Reading -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads one patient at <paramref name="path"/>, adding every problem; null when there was any. The clinicians
    /// it names are added to <paramref name="clinicianReferences"/>, to be checked once the whole document is read.
    /// </summary>
    public static PatientCaseload? ReadPatient(
        JsonElement element, string path, List<FluentValidation.Results.ValidationFailure> failures, int maximumArrayLength, Dictionary<ClinicianId, (string Path, int Count)> clinicianReferences)
    {
        int before = failures.Count;
        var unknowns = new List<UnknownMember>();
        var references = new List<(object Id, string Path)>();
        var goals = new Dictionary<GoalId, Goal>();
        var problems = new DocumentMapper.Problems(failures)
        {
            Unknowns = unknowns,
            OnReference = (id, at) => references.Add((id, at)),
            FindGoal = id => goals.GetValueOrDefault((GoalId)id),
            MaximumArrayLength = maximumArrayLength,
        };
        DocumentMapper.TryReadMembers(element, path, problems, PatientHead, PatientMembers, out object?[] head);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var patientId = head[0] as PatientId? ?? default;
        var byKind = new Dictionary<RecordKind, List<object>>();

        // Every id a record declares, read or not: a reference to a record that has its own problem is not a second one.
        var declared = new HashSet<object>();
        var recordUnknowns = new Dictionary<object, ImmutableArray<UnknownMember>>(ReferenceEqualityComparer.Instance);
        var patientUnknowns = unknowns.ToList();
        foreach (RecordKind kind in Kinds)
        {
            var records = new List<object>();
            byKind[kind] = records;
            string listPath = $"{path}.{kind.Name}";
            if (!element.TryGetProperty(kind.Name, out JsonElement list))
            {
                problems.Add(listPath, DocumentErrorCodes.Required, $"'{listPath}' is required: an array (empty when there are none).");
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(listPath, DocumentErrorCodes.Type, $"'{listPath}' must be an array.");
                continue;
            }

            if (list.GetArrayLength() > maximumArrayLength)
            {
                problems.Add(listPath, DocumentErrorCodes.TooLong, $"'{listPath}' has more than {maximumArrayLength} items.");
                continue;
            }

            if (patientId.Value is null)
            {
                continue;
            }

            kind.ReadAll(list, listPath, patientId, problems, unknowns, records, recordUnknowns, goals, declared);
        }

        if (patientId.Value is null)
        {
            return null;
        }

        CheckReferences(byKind, declared, failures.Count > before, references, problems, clinicianReferences);
        if (failures.Count > before)
        {
            return null;
        }

        IEnumerable<T> Of<T>() => byKind.Single(k => k.Key.Type == typeof(T)).Value.Cast<T>();
        var caseload = new PatientCaseload(
            patientId,
            Of<Appointment>(),
            Of<Goal>(),
            Of<TreatmentPlan>(),
            Of<Prescription>(),
            Of<Feedback>(),
            Of<RelationshipDeclaration>(),
            Of<Authorization>(),
            Of<DisclosureRequest>(),
            (ImmutableArray<ClinicianId>)head[1]!);
        if (patientUnknowns.Count > 0)
        {
            recordUnknowns[caseload] = [.. patientUnknowns.Select(u => u with { Path = u.Path[path.Length..] })];
        }

        caseload.Unknowns = recordUnknowns.Count == 0 ? null : recordUnknowns;
        return caseload;
    }

    /// <summary>Every id a record refers to must name a record of the patient (or, for clinicians, of the document).</summary>
    private static void CheckReferences(
        Dictionary<RecordKind, List<object>> byKind, HashSet<object> declared, bool hadProblems, List<(object Id, string Path)> references, DocumentMapper.Problems problems,
        Dictionary<ClinicianId, (string Path, int Count)> clinicianReferences)
    {
        var known = new HashSet<object>(declared);
        foreach ((RecordKind kind, List<object> records) in byKind)
        {
            foreach (object record in records)
            {
                if (kind.IdOf is not null)
                {
                    known.Add(kind.IdOf(record));
                }

                if (record is Goal goal)
                {
                    known.UnionWith(goal.ProgressUpdates.Select(p => (object)p.Id));
                }
            }
        }

        foreach ((object id, string at) in references)
        {
            if (id is ClinicianId clinician)
            {
                clinicianReferences[clinician] = clinicianReferences.TryGetValue(clinician, out (string Path, int Count) first) ? (first.Path, first.Count + 1) : (at, 1);
            }
            else if (!known.Contains(id) && !(hadProblems && id is ProgressUpdateId))
            {
                // Progress updates are declared inside goals' histories: after a problem, some may not have been read.
                problems.Add(at, DocumentErrorCodes.UnknownReference, $"'{at}' names {Describe(id.GetType())} the patient does not have.");
            }
        }
    }

    private static string Describe(Type idType) => idType.Name switch
    {
        nameof(AppointmentId) => "an appointment",
        nameof(GoalId) => "a goal",
        nameof(FeedbackId) => "a feedback record",
        nameof(ProgressUpdateId) => "a progress update",
        nameof(TreatmentPlanId) => "a treatment plan",
        _ => "a record",
    };

    /// <summary>One list of a patient's records: its JSON name, and how its records are written and read.</summary>
    internal sealed class RecordKind
    {
        private readonly Func<PatientCaseload, IEnumerable<object>> _recordsOf;
        private readonly Func<object, IReadOnlyList<JournalEntry>>? _journalOf;
        private readonly ImmutableDictionary<string, MethodInfo> _commands;
        private readonly ImmutableHashSet<string> _creators;
        private readonly ConstructorInfo? _constructor;
        private readonly PropertyInfo[]? _arguments;

        private RecordKind(
            string name, Type type, Func<object, object>? idOf, Func<object, IReadOnlyList<JournalEntry>>? journalOf, IEnumerable<string> creators, ConstructorInfo? constructor)
        {
            Name = name;
            Type = type;
            IdOf = idOf;
            _journalOf = journalOf;
            _creators = [.. creators.Select(DocumentMapper.Camel)];
            _constructor = constructor;

            // A value record is written as its constructor's arguments, read back from the properties of the same names.
            _arguments = constructor?.GetParameters()
                .Select(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                    ?? throw new InvalidOperationException($"{type.Name} has no property for its constructor's parameter {p.Name}."))
                .ToArray();
            _recordsOf = typeof(PatientCaseload).GetProperties().Single(p => p.PropertyType == typeof(ImmutableArray<>).MakeGenericType(type)) is var list
                ? patient => ((System.Collections.IEnumerable)list.GetValue(patient)!).Cast<object>()
                : throw new InvalidOperationException();

            // The commands are the type's public methods that its journal can name: instance commands and the factories.
            _commands = journalOf is null
                ? ImmutableDictionary<string, MethodInfo>.Empty
                : type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && (m.IsStatic ? m.ReturnType == type && _creators.Contains(DocumentMapper.Camel(m.Name)) : IsCommand(m)))
                    .ToImmutableDictionary(m => DocumentMapper.Camel(m.Name));
        }

        public string Name { get; }

        public Type Type { get; }

        public Func<object, object>? IdOf { get; }

        /// <summary>The commands of an aggregate by JSON name, the factories among them; empty for a value record.</summary>
        public ImmutableDictionary<string, MethodInfo> Commands => _commands;

        public ImmutableHashSet<string> Creators => _creators;

        public ConstructorInfo? Constructor => _constructor;

        public static RecordKind Aggregate<T>(string name, Func<T, object> idOf, Func<T, IReadOnlyList<JournalEntry>> journalOf, params string[] creators)
            where T : class =>
            new(name, typeof(T), record => idOf((T)record), record => journalOf((T)record), creators, null);

        public static RecordKind Value<T>(string name)
            where T : class =>
            new(name, typeof(T), typeof(T).GetProperty("Id") is { } id ? record => id.GetValue(record)! : null, null, [], typeof(T).GetConstructors().Single());

        public IEnumerable<object> RecordsOf(PatientCaseload patient) => _recordsOf(patient);

        /// <summary>Whether a public instance method is a command: it changes the aggregate (returns nothing, or what the change made).</summary>
        private static bool IsCommand(MethodInfo method) =>
            method.DeclaringType == method.ReflectedType && !method.Name.StartsWith("Dequeue", StringComparison.Ordinal)
            && (method.ReturnType == typeof(void) || method.ReturnType == typeof(Goal) || method.ReturnType == typeof(PlanRevision))
            && method.GetCustomAttribute<System.Diagnostics.Contracts.PureAttribute>() is null;

        public void Write(Utf8JsonWriter writer, object record)
        {
            writer.WriteStartObject();
            if (_constructor is not null)
            {
                object?[] arguments = [.. _arguments!.Select(property => property.GetValue(record))];
                DocumentMapper.WriteArguments(writer, _constructor, arguments, PatientParameter);
                writer.WriteEndObject();
                return;
            }

            writer.WriteString("id", DocumentMapper.IdValue(IdOf!(record)));
            writer.WriteStartArray("history");
            foreach (JournalEntry entry in _journalOf!(record))
            {
                writer.WriteStartObject();
                writer.WriteString("command", DocumentMapper.Camel(entry.Command));
                if (entry.Command == Goal.RevisionOf)
                {
                    writer.WriteString("goalId", ((GoalId)entry.Arguments[0]!).Value);
                }
                else
                {
                    MethodInfo method = _commands[DocumentMapper.Camel(entry.Command)];
                    DocumentMapper.WriteArguments(writer, method, entry.Arguments, method.IsStatic ? CreationParameters : PatientParameter);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        /// <summary>Reads every record of the list, replaying aggregates' histories; records with problems are left out.</summary>
        public void ReadAll(
            JsonElement list, string listPath, PatientId patientId, DocumentMapper.Problems problems, List<UnknownMember> unknowns, List<object> records,
            Dictionary<object, ImmutableArray<UnknownMember>> recordUnknowns, Dictionary<GoalId, Goal> goals, HashSet<object> declared)
        {
            // Goals made by a revision are replayed when the goal they revise reaches its revise command.
            var revisions = new Dictionary<GoalId, (JsonElement Element, string Path)>();
            var ids = new HashSet<object>();
            int index = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                string path = $"{listPath}[{index++}]";
                int unknownsBefore = unknowns.Count;
                object? record = _constructor is not null
                    ? ReadValue(item, path, patientId, problems)
                    : ReadAggregate(item, path, patientId, problems, revisions, goals, records, ids, declared);
                if (record is null)
                {
                    continue;
                }

                records.Add(record);
                if (unknowns.Count > unknownsBefore)
                {
                    recordUnknowns[record] = [.. unknowns.Skip(unknownsBefore).Select(u => u with { Path = u.Path[path.Length..] })];
                    unknowns.RemoveRange(unknownsBefore, unknowns.Count - unknownsBefore);
                }
            }

            foreach ((GoalId id, (_, string path)) in revisions)
            {
                problems.Add($"{path}.history[0].goalId", DocumentErrorCodes.UnknownReference, $"'{path}.history[0].goalId' names no goal of the patient whose history revises it into this one.");
            }
        }

        private object? ReadValue(JsonElement item, string path, PatientId patientId, DocumentMapper.Problems problems)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(path, DocumentErrorCodes.Type, $"'{path}' must be an object.");
                return null;
            }

            if (!DocumentMapper.TryReadArguments(item, _constructor!, path, problems, new Dictionary<string, object?> { ["patientId"] = patientId }, ImmutableHashSet<string>.Empty, out object?[] arguments))
            {
                return null;
            }

            return Invoke(_constructor!, null, arguments, path, problems, item);
        }

        private object? ReadAggregate(
            JsonElement item, string path, PatientId patientId, DocumentMapper.Problems problems, Dictionary<GoalId, (JsonElement, string)> revisions,
            Dictionary<GoalId, Goal> goals, List<object> records, HashSet<object> ids, HashSet<object> declared)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(path, DocumentErrorCodes.Type, $"'{path}' must be an object with 'id' and 'history'.");
                return null;
            }

            Dictionary<string, JsonElement> members = problems.Properties(item, path);
            foreach ((string name, JsonElement value) in members.Where(m => !HistoryMembers.Contains(m.Key)))
            {
                problems.Unknown(path, name, value, HistoryMembers);
            }

            if (!members.TryGetValue("id", out JsonElement idElement))
            {
                problems.Add($"{path}.id", DocumentErrorCodes.Required, $"'{path}.id' is required: an id.");
                return null;
            }

            if (!DocumentMapper.TryRead(idElement, IdType, nullable: false, $"{path}.id", problems, out object? id))
            {
                return null;
            }

            declared.Add(id!);
            if (!ids.Add(id!))
            {
                problems.Add($"{path}.id", DocumentErrorCodes.Invalid, $"'{path}.id' is given to another of the patient's {Name} too.");
                return null;
            }

            if (!members.TryGetValue("history", out JsonElement history) || history.ValueKind != JsonValueKind.Array || history.GetArrayLength() == 0)
            {
                problems.Add($"{path}.history", history.ValueKind == JsonValueKind.Undefined ? DocumentErrorCodes.Required : DocumentErrorCodes.Type, $"'{path}.history' is required: an array of commands, the first one creating the record ({Quoted(_creators)}).");
                return null;
            }

            JsonElement first = history[0];
            if (Type == typeof(Goal) && CommandName(first) == DocumentMapper.Camel(Goal.RevisionOf))
            {
                // Replayed by the goal it revises: keep it for that goal's revise command.
                revisions[(GoalId)id!] = (item, path);
                return null;
            }

            return Replay(item, history, path, id!, patientId, problems, revisions, goals, records);
        }

        private object? Replay(
            JsonElement item, JsonElement history, string path, object id, PatientId patientId, DocumentMapper.Problems problems,
            Dictionary<GoalId, (JsonElement Element, string Path)> revisions, Dictionary<GoalId, Goal> goals, List<object> records, object? created = null, int start = 0)
        {
            object? aggregate = created;
            int index = start;
            foreach (JsonElement step in history.EnumerateArray().Skip(start))
            {
                string stepPath = $"{path}.history[{index}]";
                bool creating = index++ == 0;
                if (step.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(stepPath, DocumentErrorCodes.Type, $"'{stepPath}' must be an object with 'command'.");
                    return null;
                }

                string? name = CommandName(step);
                if (name is null || !_commands.TryGetValue(name, out MethodInfo? method) || method.IsStatic != creating)
                {
                    IEnumerable<string> allowed = creating ? _creators : _commands.Keys.Where(k => !_creators.Contains(k)).Order(StringComparer.Ordinal);
                    problems.Add($"{stepPath}.command", name is null ? DocumentErrorCodes.Required : DocumentErrorCodes.UnknownValue, $"'{stepPath}.command' must be one of {Quoted(allowed)}.");
                    return null;
                }

                IReadOnlyDictionary<string, object?> implicitArguments = creating
                    ? new Dictionary<string, object?> { ["id"] = id, ["patientId"] = patientId }
                    : ImmutableDictionary<string, object?>.Empty;
                if (!DocumentMapper.TryReadArguments(step, method, stepPath, problems, implicitArguments, CommandMember, out object?[] arguments))
                {
                    return null;
                }

                object? result = Invoke(method, aggregate, arguments, stepPath, problems, step);
                if (result is null)
                {
                    return null;
                }

                aggregate = creating ? result : aggregate;
                if (aggregate is Goal goal)
                {
                    goals[goal.Id] = goal;
                }

                if (result is Goal revised && !creating && !ReferenceEquals(revised, aggregate))
                {
                    if (!revisions.Remove(revised.Id, out (JsonElement Element, string Path) revision))
                    {
                        problems.Add($"{stepPath}.newId", DocumentErrorCodes.UnknownReference, $"'{stepPath}.newId' names no goal of the patient whose history starts with revisionOf this goal.");
                        return null;
                    }

                    goals[revised.Id] = revised;
                    if (Replay(revision.Element, revision.Element.GetProperty("history"), revision.Path, revised.Id, patientId, problems, revisions, goals, records, revised, start: 1) is { } replayed)
                    {
                        records.Add(replayed);
                    }
                }
            }

            return aggregate;
        }

        private static string? CommandName(JsonElement step) =>
            step.ValueKind == JsonValueKind.Object && step.TryGetProperty("command", out JsonElement command) && command.ValueKind == JsonValueKind.String ? command.GetString() : null;

        private Type IdType => Type.GetProperty("Id")!.PropertyType;

        private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

        /// <summary>Calls a command; what it refuses becomes a problem at <paramref name="path"/>, never an exception.</summary>
        private static object? Invoke(MethodBase method, object? target, object?[] arguments, string path, DocumentMapper.Problems problems, JsonElement scope)
        {
            try
            {
                object? result = method is ConstructorInfo constructor ? constructor.Invoke(arguments) : method.Invoke(target, arguments);
                return result ?? target;
            }
            catch (TargetInvocationException e) when (e.InnerException is DomainRuleException refused)
            {
                problems.Add(path, DocumentErrorCodes.Refused, $"'{path}' is refused by the record: rule {refused.Code}.");
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException refused)
            {
                string blamed = method.GetParameters().Any(p => p.Name == refused.ParamName) ? $"{path}.{refused.ParamName}" : path;
                problems.Refused(blamed, refused, scope);
            }

            return null;
        }
    }
}
