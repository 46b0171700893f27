using System;
using System.Diagnostics.Contracts;
using TherapeuticAlliance.Internal;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// Maps <see cref="AppointmentStatus"/> to FHIR R4 status codes, following the flow in the FHIR
/// Appointment notes: the Appointment becomes <c>fulfilled</c> when the service starts and the
/// Encounter then tracks the session; a no-show creates no Encounter.
/// </summary>
/// <remarks>
/// | Status | Appointment.status | Encounter.status (R4) |
/// |---|---|---|
/// | Proposed | proposed | (none) |
/// | Booked | booked | planned |
/// | Arrived | arrived | arrived |
/// | InSession | fulfilled | in-progress |
/// | Fulfilled | fulfilled | finished |
/// | Cancelled | cancelled | (none) |
/// | NoShow | noshow | (none) |
/// | EnteredInError | entered-in-error | entered-in-error |
/// In R5, Encounter <c>finished</c> becomes <c>completed</c> and <c>arrived</c> moves to
/// <c>subjectStatus</c>; the Appointment codes are unchanged. An appointment cancelled after check-in had an
/// Encounter in <c>arrived</c>; that Encounter becomes <c>cancelled</c>, which this status-only mapping cannot
/// tell (it returns null for Cancelled): use <see cref="Appointment.ArrivedAt"/> to know.
/// </remarks>
public static class FhirStatusMapping
{
    /// <summary>The FHIR <c>Appointment.status</c> code (R4 and R5).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code, for example <c>noshow</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    [Pure]
    public static string ToFhirAppointmentStatus(this AppointmentStatus status) => Guard.Against.UndefinedEnum(status) switch
    {
        AppointmentStatus.Proposed => "proposed",
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Arrived => "arrived",
        AppointmentStatus.InSession or AppointmentStatus.Fulfilled => "fulfilled",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.NoShow => "noshow",
        _ => "entered-in-error",
    };

    /// <summary>The FHIR R4 <c>Encounter.status</c> code, or null when no Encounter exists in that status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code, for example <c>in-progress</c>, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    [Pure]
    public static string? ToFhirEncounterStatus(this AppointmentStatus status) => Guard.Against.UndefinedEnum(status) switch
    {
        AppointmentStatus.Booked => "planned",
        AppointmentStatus.Arrived => "arrived",
        AppointmentStatus.InSession => "in-progress",
        AppointmentStatus.Fulfilled => "finished",
        AppointmentStatus.EnteredInError => "entered-in-error",
        _ => null,
    };
}
