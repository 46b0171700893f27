using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using NodaTime;
using NodaTime.Text;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Boundaries;

/// <summary>
/// Flattens settings into <c>path → value</c> pairs (for example <c>time.cancellationNotice → 1:00:00:00</c>), so
/// that a revision's change log lists each setting that changed. Paths are camelCase property names joined by dots.
/// </summary>
internal static class SettingValues
{
    public static SortedDictionary<string, string> Flatten(BoundarySettings settings)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(values, "time", settings.Time);
        Add(values, "planning", settings.Planning);
        Add(values, "alliance", settings.Alliance);
        Add(values, "dual", settings.Dual);
        Add(values, "confidentiality", settings.Confidentiality);
        return values;
    }

    private static void Add(SortedDictionary<string, string> values, string path, object? value)
    {
        switch (value)
        {
            case null:
                values[path] = "none";
                break;
            case string text:
                values[path] = text;
                break;
            case Duration duration:
                values[path] = DurationPattern.Roundtrip.Format(duration);
                break;
            case Period period:
                values[path] = period.ToString();
                break;
            case Citation citation:
                // Part by part, so that two citations whose joined text looks the same still differ.
                values[path + ".document"] = citation.Document;
                values[path + ".section"] = citation.Section;
                values[path + ".edition"] = citation.Edition;
                break;
            case Enum or bool:
                values[path] = string.Join(",", value.ToString()!.Split(", ").Select(Camel));
                break;
            case decimal amount:
                // Without trailing zeros: 50 and 50.00 are the same setting.
                values[path] = (amount / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
                break;
            case IFormattable number:
                values[path] = number.ToString(null, CultureInfo.InvariantCulture);
                break;
            case IEnumerable<string> list:
                values[path] = string.Join(",", list);
                break;
            case IDictionary dictionary:
                foreach (object key in dictionary.Keys)
                {
                    Add(values, $"{path}.{Camel(key.ToString()!)}", dictionary[key]);
                }

                break;
            default:
                foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    Add(values, $"{path}.{Camel(property.Name)}", property.GetValue(value));
                }

                break;
        }
    }

    private static string Camel(string name) => DocumentMapper.Camel(name);
}
