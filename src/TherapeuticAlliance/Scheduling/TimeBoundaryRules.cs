using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// The time-boundary rules (<c>TA.TIME.*</c>) over single appointments, built from one
/// <see cref="TimeBoundarySettings"/>. Double booking looks at a whole calendar: see <see cref="DoubleBookingRule"/>.
/// </summary>
/// <remarks>
/// Every rule skips appointments entered in error and those it does not apply to yet (an overrun
/// check before the session ends). A value exactly at a threshold passes.
/// </remarks>
public static class TimeBoundaryRules
{
    /// <summary>Every per-appointment time-boundary rule, with the given settings.</summary>
    /// <param name="settings">The thresholds; <see cref="TimeBoundarySettings.Default"/> when null.</param>
    /// <returns>The rule set, in catalogue order.</returns>
    [Pure]
    public static RuleSet<Appointment> Create(TimeBoundarySettings? settings = null)
    {
        settings ??= TimeBoundarySettings.Default;
        return new RuleSet<Appointment>(
        [
            new ClinicianLateStartRule(settings),
            new OverrunRule(settings),
            new ShortSessionRule(settings),
            new PatientLateRule(settings),
            new LateCancellationRule(settings),
            new NoShowRule(settings),
            new CptBandRule(),
        ]);
    }

    internal static bool IsLive(Appointment appointment) => appointment.Status != AppointmentStatus.EnteredInError;

    /// <summary>Adds a pass, or a finding with the measured value and its threshold.</summary>
    internal static void Judge(
        ICollection<Verdict> verdicts, IRule<Appointment> rule, Appointment appointment, bool breached, Outcome outcome,
        string measuredName, Duration measured, string thresholdName, Duration threshold)
    {
        SubjectRef subject = SubjectRef.To(appointment.Id);
        verdicts.Add(breached
            ? new Verdict(rule.Code, outcome, subject, rule.Citation,
                [Evidence.OfDuration(measuredName, measured), Evidence.OfDuration(thresholdName, threshold)])
            : Verdict.Pass(rule.Code, subject, rule.Citation));
    }
}

/// <summary>
/// <c>TA.TIME.CLINICIAN_LATE_START</c>: warns when the start delay attributable to the clinician
/// (<see cref="Appointment.ClinicianStartDelay"/>) is more than the tolerance.
/// </summary>
public sealed class ClinicianLateStartRule : IRule<Appointment>
{
    private readonly TimeBoundarySettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public ClinicianLateStartRule(TimeBoundarySettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.ClinicianLateStart;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.BoundaryDimensionTime;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (TimeBoundaryRules.IsLive(subject) && subject.ClinicianStartDelay is { } delay)
        {
            Duration tolerance = _settings.ClinicianLateStartTolerance;
            TimeBoundaryRules.Judge(verdicts, this, subject, delay > tolerance, Outcome.Warning, "clinicianDelay", delay, "tolerance", tolerance);
        }
    }
}

/// <summary><c>TA.TIME.OVERRUN</c>: warns when a session ends more than the tolerance after its scheduled end.</summary>
public sealed class OverrunRule : IRule<Appointment>
{
    private readonly TimeBoundarySettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public OverrunRule(TimeBoundarySettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.Overrun;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.BoundaryDimensionTime;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (TimeBoundaryRules.IsLive(subject) && subject.Overrun is { } overrun)
        {
            Duration tolerance = _settings.OverrunTolerance;
            TimeBoundaryRules.Judge(verdicts, this, subject, overrun > tolerance, Outcome.Warning, "overrun", overrun, "tolerance", tolerance);
        }
    }
}

/// <summary>
/// <c>TA.TIME.SHORT_SESSION</c>: warns when a session lasted less than the minimum for its kind. Kinds
/// without a minimum are not checked.
/// </summary>
public sealed class ShortSessionRule : IRule<Appointment>
{
    private readonly TimeBoundarySettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public ShortSessionRule(TimeBoundarySettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.ShortSession;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.PsychotherapyTimeBands;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (TimeBoundaryRules.IsLive(subject) && subject.ActualLength is { } length && _settings.MinimumLengthFor(subject.Kind) is { } minimum)
        {
            TimeBoundaryRules.Judge(verdicts, this, subject, length < minimum, Outcome.Warning, "actualLength", length, "minimumLength", minimum);
        }
    }
}

/// <summary><c>TA.TIME.PATIENT_LATE</c>: warns when the patient arrived more than the tolerance after the scheduled start.</summary>
public sealed class PatientLateRule : IRule<Appointment>
{
    private readonly TimeBoundarySettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public PatientLateRule(TimeBoundarySettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.PatientLate;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.ClinicSchedulingPolicy;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (TimeBoundaryRules.IsLive(subject) && subject.PatientLateness is { } lateness)
        {
            Duration tolerance = _settings.PatientLatenessTolerance;
            TimeBoundaryRules.Judge(verdicts, this, subject, lateness > tolerance, Outcome.Warning, "patientLateness", lateness, "tolerance", tolerance);
        }
    }
}

/// <summary>
/// <c>TA.TIME.LATE_CANCELLATION</c>: warns when a cancellation, by either party, came with less notice
/// than the notice period. The evidence names who cancelled: reliability is mutual. A declined proposal
/// is not checked: nothing had been booked.
/// </summary>
public sealed class LateCancellationRule : IRule<Appointment>
{
    private readonly TimeBoundarySettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public LateCancellationRule(TimeBoundarySettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.LateCancellation;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.ClinicSchedulingPolicy;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (!TimeBoundaryRules.IsLive(subject) || subject.Cancellation is not { WasConfirmed: true } cancellation)
        {
            return;
        }

        Duration period = _settings.CancellationNotice;
        SubjectRef reference = SubjectRef.To(subject.Id);
        verdicts.Add(cancellation.Notice < period
            ? new Verdict(Code, Outcome.Warning, reference, Citation,
            [
                Evidence.OfCode("cancelledBy", cancellation.By == Party.Patient ? "patient" : "clinician"),
                Evidence.OfDuration("notice", cancellation.Notice),
                Evidence.OfDuration("noticePeriod", period),
            ])
            : Verdict.Pass(Code, reference, Citation));
    }
}

/// <summary>
/// <c>TA.TIME.NO_SHOW</c>: warns when the patient did not come, and sends for review a no-show marked
/// before the scheduled start plus the policy's grace (the patient may still have been on the way);
/// passes for a session that took place. One no-show is a fact to notice, not a judgement; patterns belong
/// to the attendance rules.
/// </summary>
public sealed class NoShowRule : IRule<Appointment>
{
    private readonly TimeBoundarySettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds (the no-show grace).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public NoShowRule(TimeBoundarySettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.NoShow;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.ClinicSchedulingPolicy;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        SubjectRef reference = SubjectRef.To(subject.Id);
        if (subject.Status == AppointmentStatus.NoShow && subject.NoShowMarkedAt is { } markedAt)
        {
            Duration waited = markedAt - subject.Slot.Start;
            verdicts.Add(waited < _settings.NoShowGrace
                ? new Verdict(Code, Outcome.NeedsReview, reference, Citation,
                    [Evidence.OfDuration("markedAfterStart", waited), Evidence.OfDuration("grace", _settings.NoShowGrace)])
                : new Verdict(Code, Outcome.Warning, reference, Citation, [Evidence.OfInstant("scheduledStart", subject.Slot.Start)]));
        }
        else if (subject.Status == AppointmentStatus.Fulfilled)
        {
            verdicts.Add(Verdict.Pass(Code, reference, Citation));
        }
    }
}

/// <summary>
/// <c>TA.TIME.CPT_BAND</c>: the billed psychotherapy code must fit the session. A violation when the
/// psychotherapy minutes (whole minutes, rounded down) fall outside the code's band; when an add-on code is
/// billed on a session without E/M (kind other than <see cref="SessionKind.MedicationManagementWithPsychotherapy"/>)
/// or a stand-alone code on one with E/M; and when an add-on code's psychotherapy time was not documented
/// apart from the E/M time (cited to <see cref="TimeCitations.PsychotherapyTimeDocumentation"/>).
/// </summary>
/// <remarks>
/// A stand-alone code without separately documented time is judged by the session's actual length.
/// Sessions with no billed code are not checked.
/// </remarks>
public sealed class CptBandRule : IRule<Appointment>
{
    /// <summary>Creates the rule. Its bands come from <see cref="PsychotherapyCode"/>, not from settings.</summary>
    public CptBandRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => TimeRuleCodes.CptBand;

    /// <inheritdoc/>
    public Citation Citation => TimeCitations.PsychotherapyTimeBands;

    /// <inheritdoc/>
    public void Evaluate(Appointment subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        if (!TimeBoundaryRules.IsLive(subject) || subject.Billing is not { } billing || subject.ActualLength is not { } length)
        {
            return;
        }

        SubjectRef reference = SubjectRef.To(subject.Id);
        PsychotherapyCode code = billing.Code;
        bool combinedWithEm = subject.Kind == SessionKind.MedicationManagementWithPsychotherapy;
        if (code.IsAddOn != combinedWithEm)
        {
            // Add-on codes go with a separate E/M service, and stand-alone codes without one.
            verdicts.Add(new Verdict(Code, Outcome.Violation, reference, Citation,
                [Evidence.OfCode("billedCode", code.Code), Evidence.OfCode("sessionKind", subject.Kind.ToString())]));
            return;
        }

        if (combinedWithEm && billing.PsychotherapyTime is null)
        {
            verdicts.Add(new Verdict(Code, Outcome.Violation, reference, TimeCitations.PsychotherapyTimeDocumentation,
                [Evidence.OfCode("billedCode", code.Code), Evidence.OfCode("missing", "psychotherapyTime")]));
            return;
        }

        // Whole minutes, rounded down; clamped so that an absurd end time still gets a verdict.
        int minutes = (int)Math.Min(Math.Floor((billing.PsychotherapyTime ?? length).TotalMinutes), int.MaxValue);
        if (code.Covers(minutes))
        {
            verdicts.Add(Verdict.Pass(Code, reference, Citation));
            return;
        }

        ImmutableArray<Evidence>.Builder evidence = ImmutableArray.CreateBuilder<Evidence>(4);
        evidence.Add(Evidence.OfCode("billedCode", code.Code));
        evidence.Add(Evidence.OfNumber("psychotherapyMinutes", minutes));
        evidence.Add(Evidence.OfNumber("bandMinimum", code.MinimumMinutes));
        if (code.MaximumMinutes is { } maximum)
        {
            evidence.Add(Evidence.OfNumber("bandMaximum", maximum));
        }

        verdicts.Add(new Verdict(Code, Outcome.Violation, reference, Citation, evidence.ToImmutable()));
    }
}
