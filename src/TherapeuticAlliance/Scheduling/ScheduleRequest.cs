using System;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// A request to schedule an appointment, in the shape a host's web API receives it: plain strings and
/// numbers. Check it with <see cref="ScheduleRequestValidator"/>, which lists every problem with its
/// property path, then turn it into an <see cref="Appointment"/> with <see cref="ToAppointment"/>.
/// </summary>
/// <remarks>A mutable data-transfer object, for model binding; it holds no free text.</remarks>
public sealed class ScheduleRequest
{
    private static readonly SessionKind[] Kinds = Enum.GetValues<SessionKind>();

    private static readonly LocalDateTimePattern[] LocalStartPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    /// <summary>Creates an empty request, for model binding or object initializers.</summary>
    public ScheduleRequest()
    {
    }

    /// <summary>The appointment's id, in FHIR id syntax.</summary>
    public string? AppointmentId { get; set; }

    /// <summary>The patient's id, in FHIR id syntax.</summary>
    public string? PatientId { get; set; }

    /// <summary>The clinician's id, in FHIR id syntax.</summary>
    public string? ClinicianId { get; set; }

    /// <summary>The session kind: a <see cref="SessionKind"/> name such as <c>Psychotherapy</c> (case-insensitive).</summary>
    public string? Kind { get; set; }

    /// <summary>The local start, ISO 8601 without offset: <c>2026-06-09T09:00</c> or <c>2026-06-09T09:00:00</c>, in years 1 to 9998.</summary>
    public string? LocalStart { get; set; }

    /// <summary>The IANA time-zone id, for example <c>America/New_York</c>.</summary>
    public string? ZoneId { get; set; }

    /// <summary>The length in whole minutes, 1 to 1440.</summary>
    public int? LengthMinutes { get; set; }

    /// <summary>
    /// What to do when the local start falls in a daylight-saving gap or overlap: <c>Reject</c> (the
    /// default, also when null) or <c>Lenient</c> (<see cref="Resolvers.LenientResolver"/>: the earlier of
    /// two readings, or forward past a gap).
    /// </summary>
    public string? DstResolution { get; set; }

    internal static bool TryParseLocalStart(string? text, out LocalDateTime value)
    {
        foreach (LocalDateTimePattern pattern in LocalStartPatterns)
        {
            if (text is not null && pattern.Parse(text) is { Success: true } result && SessionSlot.IsSupported(result.Value))
            {
                value = result.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    // Exactly one kind name: Enum.TryParse would also take numbers and comma-separated lists.
    internal static bool TryParseKind(string? text, out SessionKind kind)
    {
        foreach (SessionKind candidate in Kinds)
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    internal static bool TryParseResolution(string? text, out ZoneLocalMappingResolver? resolver)
    {
        resolver = null;
        if (text is null || string.Equals(text, "Reject", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "Lenient", StringComparison.OrdinalIgnoreCase))
        {
            resolver = Resolvers.LenientResolver;
            return true;
        }

        return false;
    }

    /// <summary>The slot the request asks for.</summary>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentException">The request is not valid; check it with <see cref="ScheduleRequestValidator"/> first.</exception>
    public SessionSlot ToSlot()
    {
        if (!TryParseLocalStart(LocalStart, out LocalDateTime localStart) || ZoneId is null || LengthMinutes is not { } minutes
            || !TryParseResolution(DstResolution, out ZoneLocalMappingResolver? resolver))
        {
            throw new ArgumentException("The schedule request is not valid; check it with ScheduleRequestValidator first.");
        }

        return SessionSlot.Create(localStart, ZoneId, Duration.FromMinutes(minutes), resolver);
    }

    /// <summary>Schedules the appointment the request asks for.</summary>
    /// <param name="scheduledAt">When the scheduling happens (from the host's <see cref="IClock"/>).</param>
    /// <returns>The proposed appointment.</returns>
    /// <exception cref="ArgumentException">The request is not valid; check it with <see cref="ScheduleRequestValidator"/> first.</exception>
    public Appointment ToAppointment(Instant scheduledAt)
    {
        if (!TryParseKind(Kind, out SessionKind kind))
        {
            throw new ArgumentException("The schedule request is not valid; check it with ScheduleRequestValidator first.");
        }

        return Appointment.Schedule(
            new AppointmentId(Guard.Against.Null(AppointmentId)),
            new PatientId(Guard.Against.Null(PatientId)),
            new ClinicianId(Guard.Against.Null(ClinicianId)),
            kind,
            ToSlot(),
            scheduledAt);
    }
}
