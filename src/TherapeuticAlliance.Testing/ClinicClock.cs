using System;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Testing;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// A fake clock on a clinic's wall: a NodaTime.Testing <see cref="NodaTime.Testing.FakeClock"/> and the clinic's time zone, set
/// and read in local time. Inject it wherever your code takes an <see cref="IClock"/>.
/// </summary>
/// <remarks>
/// Local times are mapped strictly: a time in a daylight-saving gap or overlap is refused, as <see cref="Scheduling.SessionSlot"/>
/// refuses it. The clock moves only when told to (or by <see cref="NodaTime.Testing.FakeClock.AutoAdvance"/>). Not thread-safe.
/// </remarks>
public sealed class ClinicClock : IClock
{
    private ClinicClock(FakeClock clock, DateTimeZone zone)
    {
        FakeClock = clock;
        Zone = zone;
    }

    /// <summary>The underlying fake clock.</summary>
    public FakeClock FakeClock { get; }

    /// <summary>The clinic's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The current local date and time at the clinic.</summary>
    public LocalDateTime LocalNow => ZonedNow.LocalDateTime;

    /// <summary>The current date and time at the clinic, with its offset.</summary>
    public ZonedDateTime ZonedNow => FakeClock.GetCurrentInstant().InZone(Zone);

    /// <summary>A clock showing <paramref name="localNow"/> on the wall of a clinic in <paramref name="zoneId"/>.</summary>
    /// <param name="localNow">The local date and time it shows.</param>
    /// <param name="zoneId">An IANA zone id, for example <c>America/New_York</c>.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is null.</exception>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException"><paramref name="zoneId"/> is not a known zone.</exception>
    /// <exception cref="SkippedTimeException"><paramref name="localNow"/> falls in a daylight-saving gap.</exception>
    /// <exception cref="AmbiguousTimeException"><paramref name="localNow"/> falls in a daylight-saving overlap.</exception>
    public static ClinicClock At(LocalDateTime localNow, string zoneId)
    {
        DateTimeZone zone = FindZone(zoneId);
        return new ClinicClock(new FakeClock(zone.AtStrictly(localNow).ToInstant()), zone);
    }

    /// <summary>A clock at <paramref name="now"/>, read in <paramref name="zoneId"/>.</summary>
    /// <param name="now">The instant it shows.</param>
    /// <param name="zoneId">An IANA zone id.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is null.</exception>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException"><paramref name="zoneId"/> is not a known zone.</exception>
    public static ClinicClock At(Instant now, string zoneId) => new(new FakeClock(now), FindZone(zoneId));

    /// <summary>The current instant.</summary>
    /// <returns>The instant the clock shows.</returns>
    public Instant GetCurrentInstant() => FakeClock.GetCurrentInstant();

    /// <summary>Moves the clock on (or back, with a negative duration).</summary>
    /// <param name="duration">How far.</param>
    /// <returns>This clock.</returns>
    public ClinicClock Advance(Duration duration)
    {
        FakeClock.Advance(duration);
        return this;
    }

    /// <summary>Moves the clock on by whole minutes (back, when negative).</summary>
    /// <param name="minutes">How many minutes.</param>
    /// <returns>This clock.</returns>
    public ClinicClock AdvanceMinutes(long minutes) => Advance(Duration.FromMinutes(minutes));

    /// <summary>Sets the clock to a local date and time at the clinic, forwards or backwards.</summary>
    /// <param name="localNow">The local date and time it shows from now on.</param>
    /// <returns>This clock.</returns>
    /// <exception cref="SkippedTimeException"><paramref name="localNow"/> falls in a daylight-saving gap.</exception>
    /// <exception cref="AmbiguousTimeException"><paramref name="localNow"/> falls in a daylight-saving overlap.</exception>
    public ClinicClock SetLocal(LocalDateTime localNow)
    {
        FakeClock.Reset(Zone.AtStrictly(localNow).ToInstant());
        return this;
    }

    /// <summary>Returns the local time, the zone and the UTC offset, for example <c>2026-06-09T09:00:00 America/New_York (-04)</c>.</summary>
    /// <returns>The clock's reading.</returns>
    public override string ToString() => ZonedNow.ToString();

    private static DateTimeZone FindZone(string zoneId) => DateTimeZoneProviders.Tzdb[Guard.Against.Null(zoneId)];
}
