using System.Globalization;

namespace TherapeuticAlliance.Testing;

/// <summary>Deterministic ids for one builder: a fixed id when one is given, otherwise <c>prefix-1</c>, <c>prefix-2</c>… per build.</summary>
internal sealed class Ids(string prefix)
{
    private int _count;

    public string? Fixed { get; set; }

    public string Next()
    {
        _count++;
        return Fixed ?? string.Create(CultureInfo.InvariantCulture, $"{prefix}-{_count}");
    }
}
