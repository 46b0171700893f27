using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace TherapeuticAlliance.Cli;

/// <summary>
/// Reads <c>--as-of</c>: an ISO instant (<c>2026-01-05T12:00:00Z</c>), an ISO date and time with an offset
/// (<c>2026-01-05T07:00:00-05:00</c>), or an ISO date (<c>2026-01-04</c>), which means the end of that day in UTC
/// (midnight UTC starting the next day), so that everything dated that day is audited.
/// </summary>
internal static class AsOfParser
{
    public const string Description =
        "The instant to audit at: an ISO instant (2026-01-05T12:00:00Z), an ISO date-time with offset "
        + "(2026-01-05T07:00:00-05:00), or an ISO date (2026-01-04), meaning the end of that day in UTC. "
        + "Default: the sample's own as-of for the embedded sample; now for a FILE.";

    public static bool TryParse(string text, [NotNullWhen(true)] out Instant? instant)
    {
        instant = null;
        ParseResult<Instant> asInstant = InstantPattern.ExtendedIso.Parse(text);
        if (asInstant.Success)
        {
            instant = asInstant.Value;
            return true;
        }

        ParseResult<OffsetDateTime> withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success)
        {
            instant = withOffset.Value.ToInstant();
            return true;
        }

        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            instant = date.Value.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            return true;
        }

        return false;
    }
}
