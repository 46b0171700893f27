using System;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// When a session is scheduled: a local date-time in an IANA time zone, and a length. The instants are
/// derived from these, because what the patient and the clinician agreed on is the wall-clock time.
/// </summary>
/// <remarks>
/// <para>
/// A local time that falls in a daylight-saving gap (it does not exist) or overlap (it happens twice)
/// is refused unless the caller names a <see cref="ZoneLocalMappingResolver"/>, for example
/// <see cref="Resolvers.LenientResolver"/>: the library never guesses which hour was meant.
/// </para>
/// <para>
/// <see cref="End"/> is <see cref="Start"/> plus <see cref="Length"/> in elapsed time, so a 50-minute
/// session across a clock change still lasts 50 minutes. The derived instants depend on the time-zone
/// rules in force; <see cref="TzdbVersion"/> records which, so a host can recompute them when the rules
/// change.
/// </para>
/// <para>
/// <see cref="LocalStart"/> is the local time as agreed; when a resolver moved it (out of a gap, say),
/// <see cref="StartInZone"/> holds the local time that actually applies. Equality compares what the slot
/// means: the start instant, the zone id and the length.
/// </para>
/// </remarks>
public sealed class SessionSlot : IEquatable<SessionSlot>
{
    /// <summary>The longest slot accepted: 24 hours.</summary>
    public static readonly Duration MaximumLength = Duration.FromHours(24);

    private SessionSlot(LocalDateTime localStart, DateTimeZone zone, Duration length, ZonedDateTime start, string tzdbVersion)
    {
        LocalStart = localStart;
        Zone = zone;
        Length = length;
        StartInZone = start;
        Start = start.ToInstant();
        TzdbVersion = tzdbVersion;
    }

    /// <summary>The agreed local date and time of the start.</summary>
    public LocalDateTime LocalStart { get; }

    /// <summary>The time zone the local time is in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The IANA id of the time zone, for example <c>America/New_York</c>.</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The scheduled length of the session.</summary>
    public Duration Length { get; }

    /// <summary>The scheduled start in its zone, with the offset that applies.</summary>
    public ZonedDateTime StartInZone { get; }

    /// <summary>The scheduled start.</summary>
    public Instant Start { get; }

    /// <summary>The scheduled end: <see cref="Start"/> plus <see cref="Length"/>.</summary>
    public Instant End => Start + Length;

    /// <summary>The scheduled interval, half-open: <c>[Start, End)</c>.</summary>
    public Interval Interval => new(Start, End);

    /// <summary>
    /// The version id of the time-zone provider the instants were derived with, for example
    /// <c>TZDB: 2025b (mapping: 49)</c>; recompute the instants when it changes.
    /// </summary>
    public string TzdbVersion { get; }

    /// <summary>Creates a slot from an IANA zone id, looked up in <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    /// <param name="localStart">The agreed local start.</param>
    /// <param name="zoneId">The IANA zone id, for example <c>Europe/London</c>.</param>
    /// <param name="length">The length, more than zero and at most <see cref="MaximumLength"/>.</param>
    /// <param name="resolver">
    /// How to read a local time in a gap or overlap; null refuses such times.
    /// </param>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="zoneId"/> is not a known zone, or <paramref name="localStart"/> falls in a gap or
    /// an overlap and no resolver was given.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is not positive or is too long, or <paramref name="localStart"/> is outside the years 1 to 9998.
    /// </exception>
    [Pure]
    public static SessionSlot Create(LocalDateTime localStart, string zoneId, Duration length, ZoneLocalMappingResolver? resolver) =>
        Create(localStart, zoneId, length, DateTimeZoneProviders.Tzdb, resolver);

    /// <summary>
    /// Creates a slot from an IANA zone id, looked up in <see cref="DateTimeZoneProviders.Tzdb"/>,
    /// refusing a local time in a daylight-saving gap or overlap.
    /// </summary>
    /// <param name="localStart">The agreed local start.</param>
    /// <param name="zoneId">The IANA zone id, for example <c>Europe/London</c>.</param>
    /// <param name="length">The length, more than zero and at most <see cref="MaximumLength"/>.</param>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="zoneId"/> is not a known zone, or <paramref name="localStart"/> falls in a gap or an overlap.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is not positive or is too long, or <paramref name="localStart"/> is outside the years 1 to 9998.
    /// </exception>
    [Pure]
    public static SessionSlot Create(LocalDateTime localStart, string zoneId, Duration length) =>
        Create(localStart, zoneId, length, DateTimeZoneProviders.Tzdb, resolver: null);

    /// <summary>Creates a slot from a zone id looked up in the given provider.</summary>
    /// <param name="localStart">The agreed local start.</param>
    /// <param name="zoneId">The zone id.</param>
    /// <param name="length">The length, more than zero and at most <see cref="MaximumLength"/>.</param>
    /// <param name="zones">The provider to look the zone up in.</param>
    /// <param name="resolver">How to read a local time in a gap or overlap; null (the default) refuses such times.</param>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> or <paramref name="zones"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="zoneId"/> is not in the provider, or <paramref name="localStart"/> falls in a gap or
    /// an overlap and no resolver was given.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is not positive or is too long, or <paramref name="localStart"/> is outside the years 1 to 9998.
    /// </exception>
    [Pure]
    public static SessionSlot Create(LocalDateTime localStart, string zoneId, Duration length, IDateTimeZoneProvider zones, ZoneLocalMappingResolver? resolver = null)
    {
        Guard.Against.Null(zoneId);
        Guard.Against.Null(zones);
        DateTimeZone zone = zones.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException($"The time-zone id is not a known zone in time-zone database {zones.VersionId}.", nameof(zoneId));
        return Create(localStart, zone, length, zones.VersionId, resolver);
    }

    /// <summary>Whether a local start is in the supported range, years 1 to 9998, so that every derived instant exists.</summary>
    internal static bool IsSupported(LocalDateTime localStart) => localStart.Year is >= 1 and <= 9998;

    internal static SessionSlot Create(LocalDateTime localStart, DateTimeZone zone, Duration length, string tzdbVersion, ZoneLocalMappingResolver? resolver)
    {
        if (!IsSupported(localStart))
        {
            throw new ArgumentOutOfRangeException(nameof(localStart), "A session's local start must be in the years 1 to 9998.");
        }

        if (length <= Duration.Zero || length > MaximumLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A session's length must be more than zero and at most 24 hours.");
        }

        ZonedDateTime start = resolver is null ? MapStrictly(localStart, zone) : zone.ResolveLocal(localStart, resolver);
        return new SessionSlot(localStart, zone, length, start, tzdbVersion);
    }

    private static ZonedDateTime MapStrictly(LocalDateTime localStart, DateTimeZone zone)
    {
        ZoneLocalMapping mapping = zone.MapLocal(localStart);
        return mapping.Count switch
        {
            1 => mapping.Single(),
            0 => throw new ArgumentException(
                $"The local time {Format(localStart)} does not exist in {zone.Id}: the clocks skip it (daylight-saving gap). Choose another time, or pass a resolver such as Resolvers.LenientResolver to move it forward.",
                nameof(localStart)),
            _ => throw new ArgumentException(
                $"The local time {Format(localStart)} happens twice in {zone.Id}: the clocks go back over it (daylight-saving overlap). Choose another time, or pass a resolver such as Resolvers.LenientResolver to take the earlier one.",
                nameof(localStart)),
        };
    }

    private static string Format(LocalDateTime local) => LocalDateTimePattern.ExtendedIso.Format(local);

    /// <inheritdoc/>
    [Pure]
    public bool Equals(SessionSlot? other) =>
        other is not null && Start == other.Start && string.Equals(ZoneId, other.ZoneId, StringComparison.Ordinal) && Length == other.Length;

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => Equals(obj as SessionSlot);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => HashCode.Combine(Start, StringComparer.Ordinal.GetHashCode(ZoneId), Length);

    /// <summary>
    /// Returns the local start that applies, zone, offset and length, for example
    /// <c>2026-03-08T09:00:00 America/New_York (-04) for 0:50:00</c>.
    /// </summary>
    [Pure]
    public override string ToString() =>
        $"{Format(StartInZone.LocalDateTime)} {ZoneId} ({OffsetPattern.GeneralInvariant.Format(StartInZone.Offset)}) for {DurationPattern.JsonRoundtrip.Format(Length)}";
}
