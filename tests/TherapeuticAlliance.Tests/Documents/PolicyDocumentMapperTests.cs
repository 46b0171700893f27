using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Documents;

/// <summary>
/// The generic mapper behind <see cref="PolicyDocument"/>, on a sample settings section that uses every supported kind
/// of value, including the interfaces no current setting uses: a new section (say, confidentiality) needs no mapping
/// code, only supported types. Types it cannot map are refused loudly, not skipped.
/// </summary>
public class PolicyDocumentMapperTests
{
    private static readonly SampleSection Sample = new()
    {
        Code = "abc",
        Note = null,
        Enabled = true,
        Count = 3,
        Share = 0.25,
        Amount = 12.50m,
        Limit = 7m,
        Notice = Duration.FromHours(36) + Duration.FromNanoseconds(5),
        Grace = null,
        Wait = Period.FromWeeks(2),
        Since = new LocalDate(2027, 2, 28),
        Kind = SessionKind.Crisis,
        Safeguards = Safeguards.InformedConsent | Safeguards.Consultation,
        Codes = ["a", "b"],
        Sources = [new Citation("Doc", "S 1", "2024")],
        Counts = ImmutableDictionary<SessionKind, int>.Empty.Add(SessionKind.Psychotherapy, 2).Add(SessionKind.Evaluation, 1),
        Nested = new Dictionary<DualSituation, SampleNested> { [DualSituation.Gift] = new("g", 1) },
        Inner = new SampleNested("inner", 2),
    };

    [Fact]
    public void SampleSection_WritesEveryKindAsDocumented()
    {
        Write(Sample).Should().Be(
            """{"code":"abc","note":null,"enabled":true,"count":3,"share":0.25,"amount":12.5,"limit":7,"notice":"1:12:00:00.000000005","grace":null,"wait":"P2W","since":"2027-02-28","kind":"crisis","safeguards":["consultation","informedConsent"],"codes":["a","b"],"sources":[{"document":"Doc","section":"S 1","edition":"2024"}],"counts":{"evaluation":1,"psychotherapy":2},"nested":{"gift":{"name":"g","level":1}},"inner":{"name":"inner","level":2}}""");
    }

    [Fact]
    public void SampleSection_RoundTrips()
    {
        string text = Write(Sample);

        var problems = new List<ValidationFailure>();
        using var document = JsonDocument.Parse(text);
        DocumentMapper.TryRead(document.RootElement, typeof(SampleSection), "$.settings.sample", problems, out object? read).Should().BeTrue();

        problems.Should().BeEmpty();
        Write((SampleSection)read!).Should().Be(text);
        ((SampleSection)read!).Notice.Should().Be(Sample.Notice);
        ((SampleSection)read!).Wait.Should().Be(Period.FromWeeks(2), "weeks stay weeks");
    }

    [Fact]
    public void SampleSection_ProblemsAreAtTheSettingsPaths()
    {
        string text = Write(Sample)
            .Replace("\"count\":3", "\"count\":-1", StringComparison.Ordinal)
            .Replace("\"level\":2", "\"level\":\"two\"", StringComparison.Ordinal)
            .Replace("\"gift\":", "\"present\":", StringComparison.Ordinal);

        var problems = new List<ValidationFailure>();
        using var document = JsonDocument.Parse(text);
        DocumentMapper.TryRead(document.RootElement, typeof(SampleSection), "$.settings.sample", problems, out object? read).Should().BeFalse();

        read.Should().BeNull();
        problems.Select(p => (p.PropertyName, p.ErrorCode)).Should().BeEquivalentTo(
        [
            ("$.settings.sample.count", DocumentErrorCodes.Range),
            ("$.settings.sample.inner.level", DocumentErrorCodes.Type),
            ("$.settings.sample.nested.present", DocumentErrorCodes.UnknownProperty),
        ]);
    }

    [Theory]
    [InlineData(typeof(UnsupportedValue))]
    [InlineData(typeof(ReadOnlyProperty))]
    public void UnmappableTypes_AreRefusedLoudly(Type type)
    {
        var problems = new List<ValidationFailure>();
        using var document = JsonDocument.Parse("{}");

        ((Action)(() => DocumentMapper.TryRead(document.RootElement, type, "$", problems, out _))).Should().Throw<NotSupportedException>();
    }

    private static string Write(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DocumentMapper.Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A settings section in the style of the library's: a parameterless constructor and <c>init</c> setters, one of them checked.</summary>
    private sealed record SampleSection
    {
        private readonly int _count;

        public string Code { get; init; } = "a";

        public string? Note { get; init; }

        public bool Enabled { get; init; }

        public int Count { get => _count; init => _count = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Count), "Zero or more."); }

        public double Share { get; init; }

        public decimal Amount { get; init; }

        public decimal? Limit { get; init; }

        public Duration Notice { get; init; }

        public Duration? Grace { get; init; }

        public Period Wait { get; init; } = Period.Zero;

        public LocalDate Since { get; init; }

        public SessionKind Kind { get; init; }

        public Safeguards Safeguards { get; init; }

        public ImmutableArray<string> Codes { get; init; } = [];

        public IReadOnlyList<Citation> Sources { get; init; } = [];

        public ImmutableDictionary<SessionKind, int> Counts { get; init; } = ImmutableDictionary<SessionKind, int>.Empty;

        public IReadOnlyDictionary<DualSituation, SampleNested> Nested { get; init; } = new Dictionary<DualSituation, SampleNested>();

        public SampleNested Inner { get; init; } = new("x", 0);
    }

    /// <summary>A record in the other style: a constructor whose parameters are its properties.</summary>
    private sealed record SampleNested(string Name, int Level);

    private sealed record UnsupportedValue
    {
        public DateTime When { get; init; }
    }

    private sealed class ReadOnlyProperty(int value)
    {
        public ReadOnlyProperty()
            : this(1)
        {
        }

        public int Computed => value;
    }
}
