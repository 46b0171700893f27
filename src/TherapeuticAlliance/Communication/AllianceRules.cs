using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Communication;

/// <summary>
/// The reliability (<c>TA.TRUST.*</c>), feedback (<c>TA.COMM.*</c>) and alliance (<c>TA.ALLIANCE.*</c>) rules over an
/// <see cref="AllianceHistory"/>.
/// </summary>
/// <remarks>
/// A value exactly at a threshold passes, except where a rule says it warns at its threshold. Reliability findings
/// are <see cref="Outcome.NeedsReview"/>: a prompt for a conversation, held to the same standard for both parties,
/// never a penalty. Alliance alerts are <see cref="Outcome.Warning"/>s to discuss openly with the patient, as PCOMS does;
/// an unrepaired rupture and an ORS below the expected lower bound need review.
/// </remarks>
public static class AllianceRules
{
    /// <summary>Every reliability, feedback and alliance rule, with the given settings.</summary>
    /// <param name="settings">The thresholds; <see cref="AllianceSettings.Default"/> when null.</param>
    /// <param name="time">The notice period and punctuality tolerances; <see cref="TimeBoundarySettings.Default"/> when null.</param>
    /// <param name="expectedResponse">Licensed ORS expected-treatment-response curves; when null, <c>TA.ALLIANCE.ORS_NOT_ON_TRACK</c> is left out.</param>
    /// <returns>The rule set, in catalogue order.</returns>
    /// <exception cref="System.ArgumentException">The trend settings scale ruptures by the population SD, but none is configured.</exception>
    [Pure]
    public static RuleSet<AllianceHistory> Create(AllianceSettings? settings = null, TimeBoundarySettings? time = null, IExpectedResponseProvider? expectedResponse = null)
    {
        settings ??= AllianceSettings.Default;
        time ??= TimeBoundarySettings.Default;
        List<IRule<AllianceHistory>> rules =
        [
            new PatientAttendanceRule(settings, time),
            new ClinicianCancellationsRule(settings, time),
            new ClinicianLateStartsRule(settings, time),
            new FeedbackNotAskedRule(settings),
            new NegativeFeedbackUnaddressedRule(settings),
            new SrsBelowCutoffRule(),
            new SrsDropRule(settings),
            new RuptureUnrepairedRule(settings),
        ];
        if (expectedResponse is not null)
        {
            rules.Add(new OrsNotOnTrackRule(expectedResponse));
        }

        return new RuleSet<AllianceHistory>(rules);
    }

    internal static AttendanceRecord Attendance(AllianceHistory history, AllianceSettings settings, TimeBoundarySettings time) =>
        history.Attendance(settings.AttendanceWindow, time);
}

/// <summary>
/// <c>TA.TRUST.PATIENT_ATTENDANCE</c>: over the attendance window, the patient's kept rate (see
/// <see cref="AttendanceRecord.KeptRate"/>) below <see cref="AllianceSettings.MinimumKeptRate"/> needs review: a prompt
/// to talk about what gets in the way, not a penalty. Judged once the patient has
/// <see cref="AllianceSettings.MinimumAttendanceSample"/> commitments in the window.
/// </summary>
public sealed class PatientAttendanceRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;
    private readonly TimeBoundarySettings _time;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <param name="time">The notice period and tolerances.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public PatientAttendanceRule(AllianceSettings settings, TimeBoundarySettings time)
    {
        _settings = Guard.Against.Null(settings);
        _time = Guard.Against.Null(time);
    }

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.PatientAttendance;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.ClinicReliabilityPolicy;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        AttendanceRecord record = AllianceRules.Attendance(subject, _settings, _time);
        if (record.PatientCommitments < _settings.MinimumAttendanceSample)
        {
            return;
        }

        SubjectRef reference = SubjectRef.To(subject.PatientId);
        verdicts.Add(record.KeptRate < _settings.MinimumKeptRate
            ? new Verdict(Code, Outcome.NeedsReview, reference, Citation,
            [
                Evidence.OfId("clinicianId", subject.ClinicianId.Value),
                Evidence.OfNumber("keptRate", record.KeptRate!.Value),
                Evidence.OfNumber("minimumKeptRate", _settings.MinimumKeptRate),
                Evidence.OfNumber("kept", record.Kept),
                Evidence.OfNumber("noShows", record.NoShows),
                Evidence.OfNumber("lateCancellations", record.PatientLateCancellations),
            ])
            : Verdict.Pass(Code, reference, Citation));
    }
}

/// <summary>
/// <c>TA.TRUST.CLINICIAN_CANCELLATIONS</c>: over the attendance window, the clinician's cancellation rate (see
/// <see cref="AttendanceRecord.ClinicianCancellationRate"/>) above <see cref="AllianceSettings.MaximumClinicianCancellationRate"/>
/// needs review: reliability is mutual. Judged once the window holds <see cref="AllianceSettings.MinimumAttendanceSample"/> appointments.
/// </summary>
public sealed class ClinicianCancellationsRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;
    private readonly TimeBoundarySettings _time;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <param name="time">The notice period and tolerances.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public ClinicianCancellationsRule(AllianceSettings settings, TimeBoundarySettings time)
    {
        _settings = Guard.Against.Null(settings);
        _time = Guard.Against.Null(time);
    }

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.ClinicianCancellations;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.ClinicReliabilityPolicy;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        AttendanceRecord record = AllianceRules.Attendance(subject, _settings, _time);
        if (record.Appointments < _settings.MinimumAttendanceSample)
        {
            return;
        }

        SubjectRef reference = SubjectRef.To(subject.ClinicianId);
        verdicts.Add(record.ClinicianCancellationRate > _settings.MaximumClinicianCancellationRate
            ? new Verdict(Code, Outcome.NeedsReview, reference, Citation,
            [
                Evidence.OfId("patientId", subject.PatientId.Value),
                Evidence.OfNumber("cancellationRate", record.ClinicianCancellationRate!.Value),
                Evidence.OfNumber("maximumRate", _settings.MaximumClinicianCancellationRate),
                Evidence.OfNumber("cancellations", record.ClinicianCancellations),
                Evidence.OfNumber("lateCancellations", record.ClinicianLateCancellations),
                Evidence.OfNumber("appointments", record.Appointments),
            ])
            : Verdict.Pass(Code, reference, Citation));
    }
}

/// <summary>
/// <c>TA.TRUST.CLINICIAN_LATE_STARTS</c>: over the attendance window, the share of started sessions that began late for
/// the clinician's part (1 − <see cref="AttendanceRecord.OnTimeStartRate"/>) above
/// <see cref="AllianceSettings.MaximumLateStartRate"/> needs review. Judged once <see cref="AllianceSettings.MinimumAttendanceSample"/> sessions started.
/// </summary>
public sealed class ClinicianLateStartsRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;
    private readonly TimeBoundarySettings _time;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <param name="time">The late-start tolerance.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public ClinicianLateStartsRule(AllianceSettings settings, TimeBoundarySettings time)
    {
        _settings = Guard.Against.Null(settings);
        _time = Guard.Against.Null(time);
    }

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.ClinicianLateStarts;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.ClinicReliabilityPolicy;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        AttendanceRecord record = AllianceRules.Attendance(subject, _settings, _time);
        if (record.SessionsStarted < _settings.MinimumAttendanceSample)
        {
            return;
        }

        int late = record.SessionsStarted - record.OnTimeStarts;
        double lateRate = (double)late / record.SessionsStarted;
        SubjectRef reference = SubjectRef.To(subject.ClinicianId);
        verdicts.Add(lateRate > _settings.MaximumLateStartRate
            ? new Verdict(Code, Outcome.NeedsReview, reference, Citation,
            [
                Evidence.OfId("patientId", subject.PatientId.Value),
                Evidence.OfNumber("lateStartRate", lateRate),
                Evidence.OfNumber("maximumRate", _settings.MaximumLateStartRate),
                Evidence.OfNumber("lateStarts", late),
                Evidence.OfNumber("sessionsStarted", record.SessionsStarted),
            ])
            : Verdict.Pass(Code, reference, Citation));
    }
}

/// <summary>
/// <c>TA.COMM.FEEDBACK_NOT_ASKED</c>: warns when the last <see cref="AllianceSettings.SessionsWithoutFeedback"/>
/// fulfilled sessions all passed without feedback the clinician asked for (session feedback or an instrument,
/// <see cref="FeedbackSolicitation.Solicited"/>, linked to the session). Judged once that many sessions were held.
/// </summary>
public sealed class FeedbackNotAskedRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public FeedbackNotAskedRule(AllianceSettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.FeedbackNotAsked;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.PcomsAlertRules;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        int n = _settings.SessionsWithoutFeedback;
        ImmutableArray<Appointment> sessions = subject.FulfilledSessions;
        if (sessions.Length < n)
        {
            return;
        }

        HashSet<AppointmentId> asked = [.. subject.Feedback.Where(f => f.Solicitation == FeedbackSolicitation.Solicited && f.AppointmentId is not null).Select(f => f.AppointmentId!.Value)];
        bool anyAsked = false;
        for (int i = sessions.Length - n; i < sessions.Length; i++)
        {
            anyAsked |= asked.Contains(sessions[i].Id);
        }

        SubjectRef reference = SubjectRef.To(subject.PatientId);
        verdicts.Add(anyAsked
            ? Verdict.Pass(Code, reference, Citation)
            : new Verdict(Code, Outcome.Warning, reference, Citation,
            [
                Evidence.OfId("clinicianId", subject.ClinicianId.Value),
                Evidence.OfNumber("sessionsWithoutFeedback", n),
                Evidence.OfId("lastSessionId", sessions[^1].Id.Value),
            ]));
    }
}

/// <summary>
/// <c>TA.COMM.NEGATIVE_FEEDBACK_UNADDRESSED</c>: negative feedback (see <see cref="Feedback.IsNegative"/>) must be
/// addressed by its deadline: the end of the <see cref="AllianceSettings.NegativeFeedbackSessions"/>-th fulfilled session
/// after it was given, or <see cref="AllianceSettings.NegativeFeedbackTime"/> after it, whichever comes first. Warns
/// when it was addressed after the deadline, or is still unaddressed after it; passes when addressed in time, or
/// while the deadline has not passed.
/// </summary>
public sealed class NegativeFeedbackUnaddressedRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public NegativeFeedbackUnaddressedRule(AllianceSettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.NegativeFeedbackUnaddressed;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.PcomsAlertRules;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        foreach (Feedback feedback in subject.Feedback)
        {
            if (!feedback.IsNegative)
            {
                continue;
            }

            Instant deadline = Deadline(subject, feedback.ReceivedAt);
            Instant? addressedAt = feedback.ResolvedAt <= subject.AsOf ? feedback.ResolvedAt : null;
            bool late = addressedAt is { } at ? at > deadline : subject.AsOf > deadline;
            SubjectRef reference = SubjectRef.To(feedback.Id);
            verdicts.Add(late
                ? new Verdict(Code, Outcome.Warning, reference, Citation,
                [
                    Evidence.OfInstant("receivedAt", feedback.ReceivedAt),
                    Evidence.OfInstant("deadline", deadline),
                    addressedAt is { } when ? Evidence.OfInstant("addressedAt", when) : Evidence.OfCode("state", "unaddressed"),
                ])
                : Verdict.Pass(Code, reference, Citation));
        }
    }

    private Instant Deadline(AllianceHistory subject, Instant receivedAt)
    {
        Instant deadline = receivedAt + _settings.NegativeFeedbackTime;
        int seen = 0;
        foreach (Appointment session in subject.FulfilledSessions)
        {
            if (session.StartedAt > receivedAt && ++seen == _settings.NegativeFeedbackSessions)
            {
                return session.EndedAt!.Value < deadline ? session.EndedAt.Value : deadline;
            }
        }

        return deadline;
    }
}

/// <summary>
/// <c>TA.ALLIANCE.SRS_BELOW_CUTOFF</c>: each SRS total below the response's cutoff (36 for the built-in SRS) warns, as a
/// PCOMS red alert to discuss with the patient. Responses without a cutoff are not judged.
/// </summary>
public sealed class SrsBelowCutoffRule : IRule<AllianceHistory>
{
    /// <summary>Creates the rule. Its cutoff comes from each response (see <see cref="InstrumentResponse.Cutoff"/>).</summary>
    public SrsBelowCutoffRule()
    {
    }

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.SrsBelowCutoff;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.PcomsAlertRules;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        foreach (Feedback feedback in subject.Responses(Instruments.Srs.Code))
        {
            InstrumentResponse response = feedback.Instrument!;
            if (response.Cutoff is not { } cutoff)
            {
                continue;
            }

            SubjectRef reference = SubjectRef.To(feedback.Id);
            verdicts.Add(response.IsBelowCutoff
                ? new Verdict(Code, Outcome.Warning, reference, Citation,
                    [Evidence.OfNumber("total", (double)response.Total), Evidence.OfNumber("cutoff", (double)cutoff)])
                : Verdict.Pass(Code, reference, Citation));
        }
    }
}

/// <summary>
/// <c>TA.ALLIANCE.SRS_DROP</c>: each SRS total <see cref="AllianceSettings.SrsDropAlert"/> points or more below the
/// previous one warns (a PCOMS red alert); a fall exactly at the alert amount warns. The first response is not judged.
/// </summary>
public sealed class SrsDropRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public SrsDropRule(AllianceSettings settings) => _settings = Guard.Against.Null(settings);

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.SrsDrop;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.PcomsAlertRules;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        decimal? previous = null;
        foreach (Feedback feedback in subject.Responses(Instruments.Srs.Code))
        {
            decimal total = feedback.Instrument!.Total;
            if (previous is { } before)
            {
                SubjectRef reference = SubjectRef.To(feedback.Id);
                verdicts.Add(before - total >= _settings.SrsDropAlert
                    ? new Verdict(Code, Outcome.Warning, reference, Citation,
                    [
                        Evidence.OfNumber("total", (double)total),
                        Evidence.OfNumber("previousTotal", (double)before),
                        Evidence.OfNumber("dropAlert", (double)_settings.SrsDropAlert),
                    ])
                    : Verdict.Pass(Code, reference, Citation));
            }

            previous = total;
        }
    }
}

/// <summary>
/// <c>TA.ALLIANCE.RUPTURE_UNREPAIRED</c>: each rupture in the alliance trend (instrument
/// <see cref="AllianceSettings.AllianceInstrumentCode"/>, found by <see cref="AllianceTrend"/>) that was not repaired within
/// <see cref="AllianceTrendSettings.RepairWindow"/> scores needs review; a repaired rupture passes; a rupture whose
/// window is still open is not judged yet.
/// </summary>
public sealed class RuptureUnrepairedRule : IRule<AllianceHistory>
{
    private readonly AllianceSettings _settings;

    /// <summary>Creates the rule.</summary>
    /// <param name="settings">The thresholds.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The trend settings scale ruptures by the population SD, but none is configured.</exception>
    public RuptureUnrepairedRule(AllianceSettings settings)
    {
        _settings = Guard.Against.Null(settings);

        // Refused here, when the rules are built, so that evaluating never throws: compliance is a verdict.
        if (settings.Trend is { DeviationSource: DeviationSource.Population, PopulationSd: null })
        {
            throw new System.ArgumentException("The trend settings scale ruptures by the population SD, but no population SD is configured.", nameof(settings));
        }
    }

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.RuptureUnrepaired;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.EubanksRuptureRepair;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        List<AllianceObservation> scores = [];
        decimal maximum = 0;
        foreach (Feedback feedback in subject.Responses(_settings.AllianceInstrumentCode))
        {
            scores.Add(new AllianceObservation(feedback.Id, feedback.ReceivedAt, feedback.Instrument!.Total));
            maximum = feedback.Instrument.MaximumTotal;
        }

        if (scores.Count == 0)
        {
            return;
        }

        foreach (RuptureEpisode rupture in AllianceTrend.Analyze(scores, maximum, _settings.Trend).Ruptures)
        {
            if (rupture.IsPending)
            {
                continue;
            }

            SubjectRef reference = SubjectRef.To(rupture.Observation.FeedbackId);
            verdicts.Add(rupture.IsRepaired
                ? Verdict.Pass(Code, reference, Citation)
                : new Verdict(Code, Outcome.NeedsReview, reference, Citation,
                [
                    Evidence.OfNumber("score", (double)rupture.Observation.Score),
                    Evidence.OfNumber("baseline", rupture.Baseline),
                    Evidence.OfNumber("deviation", rupture.Deviation),
                    Evidence.OfNumber("repairWindow", _settings.Trend.RepairWindow),
                ]));
        }
    }
}

/// <summary>
/// <c>TA.ALLIANCE.ORS_NOT_ON_TRACK</c>: each ORS after the intake is compared with the expected treatment response from
/// a licensed provider: below its lower bound needs review (red), below its target warns (orange), otherwise passes
/// (green). With one ORS or none there is nothing to judge; administrations the provider has no expectation for are skipped.
/// </summary>
public sealed class OrsNotOnTrackRule : IRule<AllianceHistory>
{
    private readonly IExpectedResponseProvider _provider;

    /// <summary>Creates the rule.</summary>
    /// <param name="provider">The licensed expected-treatment-response curves.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public OrsNotOnTrackRule(IExpectedResponseProvider provider) => _provider = Guard.Against.Null(provider);

    /// <inheritdoc/>
    public RuleCode Code => AllianceRuleCodes.OrsNotOnTrack;

    /// <inheritdoc/>
    public Citation Citation => AllianceCitations.PcomsAlertRules;

    /// <inheritdoc/>
    public void Evaluate(AllianceHistory subject, ICollection<Verdict> verdicts)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(verdicts);
        decimal? intake = null;
        int administration = 0;
        foreach (Feedback feedback in subject.Responses(Instruments.Ors.Code))
        {
            administration++;
            decimal total = feedback.Instrument!.Total;
            if (intake is not { } first)
            {
                intake = total;
                continue;
            }

            if (_provider.GetExpected(first, administration) is not { } expected)
            {
                continue;
            }

            Outcome outcome = total < expected.LowerBound ? Outcome.NeedsReview : total < expected.Target ? Outcome.Warning : Outcome.Pass;
            SubjectRef reference = SubjectRef.To(feedback.Id);
            verdicts.Add(outcome == Outcome.Pass
                ? Verdict.Pass(Code, reference, Citation)
                : new Verdict(Code, outcome, reference, Citation,
                [
                    Evidence.OfNumber("total", (double)total),
                    Evidence.OfNumber("target", (double)expected.Target),
                    Evidence.OfNumber("lowerBound", (double)expected.LowerBound),
                    Evidence.OfNumber("administration", administration),
                ]));
        }
    }
}
