using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentValidation.Results;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// Reads a <c>therapeutic-alliance/caseload@1</c> document from a stream one patient at a time, so that memory holds
/// one patient's records (and a read buffer), not the file.
/// </summary>
/// <remarks>
/// <para>
/// Enumerate <see cref="ReadPatients"/> once; each patient is yielded when its records have been read and replayed
/// without a problem. A patient with a problem is not yielded, and reading goes on so that every problem is found.
/// Only when the enumeration has finished are <see cref="Validation"/> and <see cref="Clinicians"/> complete: the
/// clinician references and the schema are checked at the end, since a document may give <c>clinicians</c> after
/// <c>patients</c>. A host that acts on patients as they come (an audit) must discard its result when
/// <see cref="Validation"/> is not valid at the end.
/// </para>
/// <para>Not thread-safe; the stream is read from its current position and left open.</para>
/// </remarks>
public sealed class CaseloadReader
{
    private const int InitialBuffer = 64 * 1024;

    private static readonly (string Name, Type Type, bool Nullable)[] ClinicianMembers =
        [("id", typeof(ClinicianId), false), ("profession", typeof(ClinicianProfession), false)];

    private readonly Stream _stream;
    private readonly CaseloadReadOptions _options;
    private readonly List<ValidationFailure> _failures = [];
    private readonly Dictionary<ClinicianId, (string Path, int Count)> _clinicianReferences = [];
    private readonly HashSet<ClinicianId> _declaredClinicians = [];
    private readonly List<UnknownMember> _documentUnknowns = [];
    private readonly Dictionary<object, ImmutableArray<UnknownMember>> _clinicianUnknowns = new(ReferenceEqualityComparer.Instance);
    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private bool _started;
    private bool _stopped;
    private bool _sawSchema;

    internal CaseloadReader(Stream stream, CaseloadReadOptions options)
    {
        _stream = stream;
        _options = options;
        // One level more than allowed, so that depth is reported as too deep rather than as a syntax error.
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = options.MaximumDepth + 1 });
    }

    /// <summary>The clinicians of the document; complete once <see cref="ReadPatients"/> has been enumerated to the end.</summary>
    public ImmutableArray<CaseloadClinician> Clinicians { get; private set; } = [];

    /// <summary>Every problem found so far; complete once <see cref="ReadPatients"/> has been enumerated to the end.</summary>
    public ValidationResult Validation => new(_failures);

    /// <summary>Whether <see cref="ReadPatients"/> has been enumerated to the end (or stopped at a problem that ends reading).</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The number of bytes read from the stream so far, for progress reports.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The patients read so far, valid or not.</summary>
    public int PatientCount { get; private set; }

    internal ImmutableArray<UnknownMember> DocumentUnknowns => [.. _documentUnknowns];

    internal Dictionary<object, ImmutableArray<UnknownMember>> ClinicianUnknowns => _clinicianUnknowns;

    /// <summary>Reads the document, yielding each patient that has no problem. Can be enumerated once.</summary>
    /// <returns>The patients, in document order.</returns>
    /// <exception cref="InvalidOperationException">The patients have already been read.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public IEnumerable<PatientCaseload> ReadPatients()
    {
        if (_started)
        {
            throw new InvalidOperationException("The patients of a caseload document can be read once.");
        }

        _started = true;
        return Patients();
    }

    private IEnumerable<PatientCaseload> Patients()
    {
        try
        {
            if (!Begin())
            {
                yield break;
            }

            while (!_stopped && NextProperty() is { } name)
            {
                if (name == "patients")
                {
                    if (!ExpectArrayStart("$.patients"))
                    {
                        break;
                    }

                    int index = 0;
                    while (!_stopped && NextItem($"$.patients[{index}]") is { } item)
                    {
                        string path = $"$.patients[{index}]";
                        if (++index > _options.MaximumArrayLength)
                        {
                            Stop(path, DocumentErrorCodes.TooLong, $"'$.patients' has more than {_options.MaximumArrayLength} items.");
                            break;
                        }

                        PatientCount++;
                        PatientCaseload? patient = ReadPatient(item, path);
                        if (patient is not null)
                        {
                            yield return patient;
                        }

                        if (_failures.Count >= _options.MaximumProblems)
                        {
                            Stop("$", DocumentErrorCodes.TooManyProblems, $"Reading stopped after {_options.MaximumProblems} problems.");
                        }
                    }
                }
                else
                {
                    ReadOther(name);
                }
            }

            Finish();
        }
        finally
        {
            IsComplete = true;
        }
    }

    // ---- The document's members -----------------------------------------------------------------------------------

    private bool Begin()
    {
        if (!Fill())
        {
            return !_stopped && Stop("$", DocumentErrorCodes.Syntax, "The document is empty.");
        }

        if (_buffer.AsSpan(_start, _end - _start).StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            _start += System.Text.Encoding.UTF8.Preamble.Length;
        }

        if (Token() is not { } token)
        {
            return _stopped ? false : Stop("$", DocumentErrorCodes.Syntax, "The document is empty.");
        }

        return token.Type == JsonTokenType.StartObject || Stop("$", DocumentErrorCodes.Type, "'$' must be an object.");
    }

    /// <summary>The next member's name at the root; null at the root's end or on a problem.</summary>
    private string? NextProperty()
    {
        if (Token() is not { } token)
        {
            Syntax("the document ends inside its root object");
            return null;
        }

        return token.Type == JsonTokenType.PropertyName ? token.Text : null;
    }

    private void ReadOther(string name)
    {
        string path = $"$.{name}";
        if (Value(path) is not { } value)
        {
            return;
        }

        using (value)
        {
            JsonElement element = value.RootElement;
            switch (name)
            {
                case "schema":
                    _sawSchema = true;
                    if (element.ValueKind != JsonValueKind.String || !element.ValueEquals(CaseloadDocument.SchemaName))
                    {
                        Stop("$.schema", DocumentErrorCodes.Schema, $"'$.schema' must be \"{CaseloadDocument.SchemaName}\": this reads no other kind or version of document.");
                    }

                    break;
                case "clinicians":
                    try
                    {
                        ReadClinicians(element);
                    }
                    catch (InvalidOperationException)
                    {
                        _failures.Add(Failure(path, DocumentErrorCodes.Syntax, $"'{path}' has a string that escapes an unpaired surrogate: it is not valid text."));
                    }

                    break;
                default:
                    _documentUnknowns.Add(new UnknownMember(string.Empty, name, element.GetRawText()));
                    break;
            }
        }
    }

    private void ReadClinicians(JsonElement element)
    {
        var problems = new DocumentMapper.Problems(_failures) { Unknowns = [], MaximumArrayLength = _options.MaximumArrayLength };
        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add("$.clinicians", DocumentErrorCodes.Type, "'$.clinicians' must be an array of objects with 'id' and 'profession'.");
            return;
        }

        if (element.GetArrayLength() > _options.MaximumArrayLength)
        {
            problems.Add("$.clinicians", DocumentErrorCodes.TooLong, $"'$.clinicians' has more than {_options.MaximumArrayLength} items.");
            return;
        }

        var clinicians = new List<CaseloadClinician>();
        var ids = new HashSet<ClinicianId>();
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            string path = $"$.clinicians[{index++}]";
            int kept = problems.Unknowns!.Count;

            // A clinician with a problem of its own is still declared: references to it are not a second problem.
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
                && Guards.IsFhirId(id.GetString()))
            {
                _declaredClinicians.Add(new ClinicianId(id.GetString()!));
            }

            if (DocumentMapper.TryReadMembers(item, path, problems, ClinicianMembers, ImmutableHashSet<string>.Empty, out object?[] members))
            {
                var clinician = new CaseloadClinician((ClinicianId)members[0]!, (ClinicianProfession)members[1]!);
                if (!ids.Add(clinician.Id))
                {
                    problems.Add($"{path}.id", DocumentErrorCodes.Invalid, $"'{path}.id' is given to another clinician too.");
                    continue;
                }

                clinicians.Add(clinician);
                if (problems.Unknowns.Count > kept)
                {
                    _clinicianUnknowns[clinician] = [.. problems.Unknowns.Skip(kept).Select(u => u with { Path = u.Path[path.Length..] })];
                }
            }
        }

        Clinicians = [.. clinicians];
    }

    private PatientCaseload? ReadPatient(JsonDocument item, string path)
    {
        using (item)
        {
            try
            {
                return CaseloadRecords.ReadPatient(item.RootElement, path, _failures, _options.MaximumArrayLength, _clinicianReferences);
            }
            catch (InvalidOperationException)
            {
                // JsonElement throws this for a string that escapes an unpaired surrogate: valid JSON, but not text.
                _failures.Add(Failure(path, DocumentErrorCodes.Syntax, $"'{path}' has a string that escapes an unpaired surrogate: it is not valid text."));
                return null;
            }
        }
    }

    private void Finish()
    {
        if (_stopped)
        {
            return;
        }

        // Only whitespace may follow the root object.
        if (Token() is not null)
        {
            Syntax("the document goes on after its root object");
            return;
        }

        if (_stopped)
        {
            return;
        }

        if (!_sawSchema)
        {
            _failures.Insert(0, Failure("$.schema", DocumentErrorCodes.Schema, $"'$.schema' is required: \"{CaseloadDocument.SchemaName}\"."));
        }

        foreach ((ClinicianId clinician, (string at, int count)) in _clinicianReferences.Where(r => !_declaredClinicians.Contains(r.Key)).OrderBy(r => r.Value.Path, StringComparer.Ordinal))
        {
            // One problem per unknown clinician, at its first reference, so that one missing entry is not a thousand problems.
            string more = count > 1 ? $" ({count - 1} more reference(s) to it follow)" : string.Empty;
            _failures.Add(Failure(at, DocumentErrorCodes.UnknownReference, $"'{at}' names a clinician that '$.clinicians' does not list{more}."));
        }
    }

    // ---- Tokens over the stream ------------------------------------------------------------------------------------

    private readonly record struct Read(JsonTokenType Type, string? Text);

    /// <summary>The next token at the root's level (a name, or the end of an object or array); null at the end of the input or on a problem.</summary>
    private Read? Token()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            try
            {
                if (reader.Read())
                {
                    string? text = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                    Consume(ref reader);
                    return new Read(reader.TokenType, text);
                }
            }
            catch (JsonException e)
            {
                Syntax($"the error is at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
                return null;
            }
            catch (InvalidOperationException)
            {
                Syntax("a property name escapes an unpaired surrogate");
                return null;
            }

            if (_final || !Fill())
            {
                return null;
            }
        }
    }

    /// <summary>Reads the start of the patients array.</summary>
    private bool ExpectArrayStart(string path)
    {
        if (Token() is not { } token)
        {
            return _stopped ? false : Syntax("the document ends inside its root object");
        }

        return token.Type == JsonTokenType.StartArray || Stop(path, DocumentErrorCodes.Type, $"'{path}' must be an array of patients.");
    }

    /// <summary>The next item of the array being read, parsed; null at the array's end or on a problem.</summary>
    private JsonDocument? NextItem(string path) => Value(path, arrayItem: true);

    /// <summary>The next value, parsed on its own; null on a problem (or, for an array item, at the array's end).</summary>
    private JsonDocument? Value(string path, bool arrayItem = false)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            int depth = reader.CurrentDepth;
            try
            {
                if (reader.Read())
                {
                    if (arrayItem && reader.TokenType == JsonTokenType.EndArray)
                    {
                        Consume(ref reader);
                        return null;
                    }

                    int begin = (int)reader.TokenStartIndex;
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip())
                    {
                        ReadOnlyMemory<byte> bytes = _buffer.AsMemory(_start + begin, (int)reader.BytesConsumed - begin);
                        Consume(ref reader);
                        return Parse(bytes, path, depth);
                    }
                }
            }
            catch (JsonException e)
            {
                if (reader.CurrentDepth >= _options.MaximumDepth)
                {
                    Stop(path, DocumentErrorCodes.TooDeep, $"The document nests objects and arrays deeper than {_options.MaximumDepth} levels (in '{path}').");
                }
                else
                {
                    Syntax($"the error is at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
                }

                return null;
            }

            if (_final)
            {
                Syntax("the document ends inside a value");
                return null;
            }

            if (!Fill())
            {
                return null;
            }
        }
    }

    private JsonDocument? Parse(ReadOnlyMemory<byte> bytes, string path, int depth)
    {
        int allowed = _options.MaximumDepth - depth;
        try
        {
            // The buffer is not refilled while the document is in use: the caller maps and disposes it first.
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = allowed });
        }
        catch (JsonException)
        {
            var scan = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = 512 });
            try
            {
                while (scan.Read())
                {
                    if (scan.CurrentDepth >= allowed)
                    {
                        Stop(path, DocumentErrorCodes.TooDeep, $"The document nests objects and arrays deeper than {_options.MaximumDepth} levels (in '{path}').");
                        return null;
                    }
                }
            }
            catch (JsonException)
            {
            }

            Syntax($"'{path}' is not valid text: a string escapes an unpaired surrogate or is not UTF-8");
            return null;
        }
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Reads more of the stream behind the unread bytes, growing the buffer when a value fills it; false when the input is too large.</summary>
    private bool Fill()
    {
        int unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _start = 0;
        _end = unread;
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        BytesRead += read;
        _final = read == 0;
        if (BytesRead > _options.MaximumBytes)
        {
            return Stop("$", DocumentErrorCodes.TooLarge, $"The document is larger than {_options.MaximumBytes} bytes.");
        }

        return _end > 0;
    }

    private bool Syntax(string where) =>
        _stopped || Stop("$", DocumentErrorCodes.Syntax, $"The document is not valid JSON: {where}.");

    /// <summary>Records a problem that ends reading.</summary>
    private bool Stop(string path, string code, string message)
    {
        _failures.Add(Failure(path, code, message));
        _stopped = true;
        return false;
    }

    private static ValidationFailure Failure(string path, string code, string message) => new(path, message) { ErrorCode = code };
}
