using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds the history of one patient–clinician pair that the reliability, feedback and alliance rules judge: a series of
/// appointments one week apart (by default) from the default session time, with what happened at each, and the feedback
/// that followed. By default: patient <c>p-1</c>, clinician <c>c-1</c>, 50-minute sessions at 09:00 America/New_York from
/// Tuesday 2026-06-09, judged a day after the last appointment's scheduled end.
/// </summary>
/// <remarks>
/// <para>
/// Appointments are added in order with <see cref="Kept"/>, <see cref="NoShows"/>, <see cref="LateCancellations"/>,
/// <see cref="CancelledByClinician"/> and <see cref="KeptWithSrs"/>, and take the next slot in the series; each build
/// numbers them <c>a-1</c>, <c>a-2</c>… and the SRS responses <c>srs-1</c>, <c>srs-2</c>…. Appointments and feedback built
/// elsewhere can be added as they are. Mutable; not thread-safe.
/// </para>
/// <para>
/// The default 90-day attendance window covers 13 weekly appointments before the judging instant; use <see cref="Every"/>
/// or <see cref="AsOf"/> for longer series.
/// </para>
/// </remarks>
public sealed class AllianceHistoryBuilder
{
    private readonly List<Entry> _entries = [];
    private readonly List<Appointment> _appointments = [];
    private readonly List<Feedback> _feedback = [];
    private string _patient = BuilderDefaults.Patient;
    private string _clinician = BuilderDefaults.Clinician;
    private LocalDateTime _firstStart = BuilderDefaults.SessionStart;
    private string _zone = BuilderDefaults.Zone;
    private Period _cadence = Period.FromWeeks(1);
    private Instant? _asOf;
    private bool _addressNegativeFeedback;

    private enum Happening
    {
        Kept,
        NoShow,
        LateCancellation,
        ClinicianCancellation,
    }

    /// <summary>Sets the patient.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the clinician.</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder WithClinician(string clinicianId)
    {
        _clinician = Guard.Against.Null(clinicianId);
        return this;
    }

    /// <summary>Sets the first appointment's local start and zone.</summary>
    /// <param name="localStart">The local start.</param>
    /// <param name="zoneId">An IANA zone id.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder StartingAt(LocalDateTime localStart, string zoneId)
    {
        _firstStart = localStart;
        _zone = Guard.Against.Null(zoneId);
        return this;
    }

    /// <summary>Sets the time between appointments, in local time (default one week).</summary>
    /// <param name="cadence">The period.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder Every(Period cadence)
    {
        _cadence = Guard.Against.Null(cadence);
        return this;
    }

    /// <summary>Sets the instant the rules judge at (default: a day after the last appointment's scheduled end).</summary>
    /// <param name="asOf">The instant.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder AsOf(Instant asOf)
    {
        _asOf = asOf;
        return this;
    }

    /// <summary>Adds sessions the patient came to: on time, started on time and ended at the scheduled end.</summary>
    /// <param name="count">How many.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder Kept(int count) => Add(count, Happening.Kept);

    /// <summary>Adds appointments the patient did not come to, marked when the 15-minute grace ran out.</summary>
    /// <param name="count">How many.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder NoShows(int count) => Add(count, Happening.NoShow);

    /// <summary>Adds booked appointments the patient cancelled two hours ahead (late under the default 24-hour notice).</summary>
    /// <param name="count">How many.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder LateCancellations(int count) => Add(count, Happening.LateCancellation);

    /// <summary>Adds booked appointments the clinician cancelled two days ahead.</summary>
    /// <param name="count">How many.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder CancelledByClinician(int count) => Add(count, Happening.ClinicianCancellation);

    /// <summary>
    /// Adds one kept session per total, each followed by an SRS the clinician asked for, completed at the session's end,
    /// with that total (see <see cref="FeedbackBuilder.Srs"/>).
    /// </summary>
    /// <param name="totals">The SRS totals, in session order.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder KeptWithSrs(params decimal[] totals)
    {
        foreach (decimal total in Guard.Against.Null(totals))
        {
            _entries.Add(new Entry(Happening.Kept, total));
        }

        return this;
    }

    /// <summary>
    /// Has the clinician address (discuss) each negative SRS five minutes into the next session, or a day after it was
    /// completed when no session follows.
    /// </summary>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder AddressingNegativeFeedback()
    {
        _addressNegativeFeedback = true;
        return this;
    }

    /// <summary>Adds an appointment built elsewhere, as it is (it must belong to the pair).</summary>
    /// <param name="appointment">The appointment.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder WithAppointment(Appointment appointment)
    {
        _appointments.Add(Guard.Against.Null(appointment));
        return this;
    }

    /// <summary>Adds feedback built elsewhere, as it is (it must belong to the pair).</summary>
    /// <param name="feedback">The feedback.</param>
    /// <returns>This builder.</returns>
    public AllianceHistoryBuilder WithFeedback(Feedback feedback)
    {
        _feedback.Add(Guard.Against.Null(feedback));
        return this;
    }

    /// <summary>Builds the appointments and feedback, and the history over them.</summary>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">An appointment or feedback added as it is belongs to another pair (the library's message).</exception>
    public AllianceHistory Build()
    {
        var appointments = new List<Appointment>(_appointments);
        var feedback = new List<Feedback>(_feedback);
        var slots = new List<SessionSlot>();
        for (int i = 0; i < _entries.Count; i++)
        {
            LocalDateTime localStart = _firstStart;
            for (int step = 0; step < i; step++)
            {
                localStart += _cadence;
            }

            var builder = new AppointmentBuilder()
                .WithId(Id("a", i + 1))
                .ForPatient(_patient)
                .WithClinician(_clinician)
                .At(localStart, _zone);
            builder = _entries[i].Happening switch
            {
                Happening.Kept => builder.Fulfilled(),
                Happening.NoShow => builder.NoShow(),
                Happening.LateCancellation => builder.CancelledBy(Party.Patient, Duration.FromHours(2)),
                _ => builder.CancelledBy(Party.Clinician, Duration.FromDays(2)),
            };
            appointments.Add(builder.Build());
            slots.Add(builder.BuildSlot());
        }

        int srsNumber = 0;
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].SrsTotal is not { } total)
            {
                continue;
            }

            srsNumber++;
            var srs = new FeedbackBuilder()
                .WithId(Id("srs", srsNumber))
                .ForPatient(_patient)
                .WithClinician(_clinician)
                .About(Id("a", i + 1))
                .ReceivedAt(slots[i].End)
                .Srs(total);
            Feedback built = srs.Build();
            if (_addressNegativeFeedback && built.IsNegative)
            {
                Instant addressedAt = i + 1 < slots.Count ? slots[i + 1].Start + Duration.FromMinutes(5) : slots[i].End + Duration.FromDays(1);
                built.Address(FeedbackResponse.Discussed(), addressedAt);
            }

            feedback.Add(built);
        }

        Instant asOf = _asOf ?? LastEnd(appointments) + Duration.FromDays(1);
        return new AllianceHistory(new PatientId(_patient), new ClinicianId(_clinician), appointments, feedback, asOf);
    }

    private static Instant LastEnd(List<Appointment> appointments) =>
        appointments.Count == 0 ? BuilderDefaults.FeedbackReceivedAt : appointments.Max(a => a.Slot.End);

    private static string Id(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number}");

    private AllianceHistoryBuilder Add(int count, Happening happening)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (int i = 0; i < count; i++)
        {
            _entries.Add(new Entry(happening, null));
        }

        return this;
    }

    private sealed record Entry(Happening Happening, decimal? SrsTotal);
}
