using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// The thresholds of the <c>TA.TIME.*</c> rules, each with a documented default. Immutable: derive a
/// changed copy with a <c>with</c> expression (every value is checked again).
/// </summary>
/// <remarks>
/// <para>
/// Only the psychotherapy minimum has a published source (Novitas LCD L35101: fewer than 16 minutes is
/// not billable as psychotherapy). The tolerances, the notice period and the no-show grace are common
/// practice defaults with no primary rule behind them (Gutheil &amp; Gabbard 1993 name time as a
/// boundary dimension but set no numbers): set them from the clinic's own policy. The rules report
/// departures as warnings, not violations, because no source sets a limit. A later version folds
/// these settings into the boundary policy.
/// </para>
/// <para>By default both parties are held to the same five-minute standard for starting on time.</para>
/// </remarks>
public sealed record TimeBoundarySettings
{
    private readonly Duration _clinicianLateStartTolerance = Duration.FromMinutes(5);
    private readonly Duration _patientLatenessTolerance = Duration.FromMinutes(5);
    private readonly Duration _overrunTolerance = Duration.FromMinutes(5);
    private readonly Duration _cancellationNotice = Duration.FromHours(24);
    private readonly Duration _noShowGrace = Duration.FromMinutes(15);
    private readonly ImmutableDictionary<SessionKind, Duration> _minimumLengths = ImmutableDictionary.CreateRange(
    [
        KeyValuePair.Create(SessionKind.Psychotherapy, Duration.FromMinutes(16)),
    ]);

    /// <summary>Creates settings with every default; override values in an object initializer.</summary>
    public TimeBoundarySettings()
    {
    }

    /// <summary>The defaults.</summary>
    public static TimeBoundarySettings Default { get; } = new();

    /// <summary>
    /// How long after the later of the scheduled start and the patient's arrival the session may start
    /// before <c>TA.TIME.CLINICIAN_LATE_START</c> warns. Default 5 minutes (practice default). A delay of
    /// exactly the tolerance passes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Duration ClinicianLateStartTolerance { get => _clinicianLateStartTolerance; init => _clinicianLateStartTolerance = NotNegative(value); }

    /// <summary>
    /// How late after the scheduled start the patient may arrive before <c>TA.TIME.PATIENT_LATE</c> warns.
    /// Default 5 minutes (practice default, the same standard as for the clinician). Exactly the tolerance passes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Duration PatientLatenessTolerance { get => _patientLatenessTolerance; init => _patientLatenessTolerance = NotNegative(value); }

    /// <summary>
    /// How long past the scheduled end a session may run before <c>TA.TIME.OVERRUN</c> warns. Default 5
    /// minutes (practice default). Exactly the tolerance passes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Duration OverrunTolerance { get => _overrunTolerance; init => _overrunTolerance = NotNegative(value); }

    /// <summary>
    /// The notice a cancellation needs before the scheduled start not to be late
    /// (<c>TA.TIME.LATE_CANCELLATION</c>). Default 24 hours (common practice; no primary rule). Exactly the
    /// notice period is in time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Duration CancellationNotice { get => _cancellationNotice; init => _cancellationNotice = NotNegative(value); }

    /// <summary>
    /// How long after the scheduled start the patient may still arrive before the appointment can be
    /// marked a no-show. Default 15 minutes (practice default).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Duration NoShowGrace { get => _noShowGrace; init => _noShowGrace = NotNegative(value); }

    /// <summary>
    /// The shortest actual length per session kind (<c>TA.TIME.SHORT_SESSION</c>); kinds not listed have
    /// no minimum. Default: psychotherapy 16 minutes (Novitas LCD L35101: fewer than 16 minutes is not billable
    /// as psychotherapy). Sessions that combine E/M with psychotherapy have no default: their psychotherapy time is
    /// judged by <c>TA.TIME.CPT_BAND</c>. Exactly the minimum passes.
    /// </summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not defined or a minimum is not positive.</exception>
    public ImmutableDictionary<SessionKind, Duration> MinimumLengths
    {
        get => _minimumLengths;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach ((SessionKind kind, Duration minimum) in value)
            {
                if (!Enum.IsDefined(kind) || minimum <= Duration.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(MinimumLengths), "Every minimum length must be for a defined session kind and more than zero.");
                }
            }

            _minimumLengths = value;
        }
    }

    /// <summary>The minimum length for a kind of session, or null when it has none.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The minimum, or null.</returns>
    [Pure]
    public Duration? MinimumLengthFor(SessionKind kind) => _minimumLengths.TryGetValue(kind, out Duration minimum) ? minimum : null;

    /// <summary>Value equality: every setting, the minimum lengths compared by content.</summary>
    /// <param name="other">The other settings.</param>
    /// <returns>Whether all settings are equal.</returns>
    public bool Equals(TimeBoundarySettings? other) =>
        other is not null && _clinicianLateStartTolerance == other._clinicianLateStartTolerance && _patientLatenessTolerance == other._patientLatenessTolerance
        && _overrunTolerance == other._overrunTolerance && _cancellationNotice == other._cancellationNotice && _noShowGrace == other._noShowGrace
        && _minimumLengths.Count == other._minimumLengths.Count
        && _minimumLengths.All(kv => other._minimumLengths.TryGetValue(kv.Key, out Duration d) && d == kv.Value);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(_clinicianLateStartTolerance, _patientLatenessTolerance, _overrunTolerance, _cancellationNotice, _noShowGrace, _minimumLengths.Count);

    private static Duration NotNegative(Duration value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value < Duration.Zero ? throw new ArgumentOutOfRangeException(name, "A time-boundary setting cannot be negative.") : value;
}
