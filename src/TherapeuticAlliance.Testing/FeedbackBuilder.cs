using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds feedback through the library's public API: session feedback (direction, unproductive topics and goals, pace,
/// comment) or an SRS response. By default: session feedback from patient <c>p-1</c> to clinician <c>c-1</c> about
/// appointment <c>a-1</c>, asked for by the clinician, received at <see cref="BuilderDefaults.FeedbackReceivedAt"/> (the end of
/// the default session); the direction feels right, nothing was unproductive, the pace was right, no comment; status Open.
/// </summary>
/// <remarks>
/// <para>
/// Lifecycle steps follow the receipt R: acknowledged at R + 1 hour, then addressed (discussed, unless another response is
/// given) or closed at R + 1 day; entered in error an hour after the last step. Negative feedback cannot be closed: the
/// library refuses it (<c>TA.FEEDBACK.RESPONSE_REQUIRED</c>).
/// </para>
/// <para>Ids are <c>f-1</c>, <c>f-2</c>… for successive builds, unless <see cref="WithId"/> fixes one. Mutable; not thread-safe.</para>
/// </remarks>
public sealed class FeedbackBuilder
{
    private readonly Ids _ids = new("f");
    private readonly List<string> _unproductiveTopics = [];
    private readonly List<GoalId> _unproductiveGoals = [];
    private string _patient = BuilderDefaults.Patient;
    private string _clinician = BuilderDefaults.Clinician;
    private string? _appointment = "a-1";
    private FeedbackSolicitation _solicitation = FeedbackSolicitation.Solicited;
    private Instant _receivedAt = BuilderDefaults.FeedbackReceivedAt;
    private bool? _directionFeelsRight = true;
    private SessionPace? _pace = SessionPace.Right;
    private string? _comment;
    private decimal?[]? _srsItems;
    private Stage _stage = Stage.Open;
    private FeedbackResponse _response = FeedbackResponse.Discussed();
    private Instant? _addressedAt;
    private bool _inError;

    private enum Stage
    {
        Open,
        Acknowledged,
        Addressed,
        Closed,
    }

    /// <summary>Fixes the id of every feedback this builder makes.</summary>
    /// <param name="id">The id, in FHIR id syntax.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder WithId(string id)
    {
        _ids.Fixed = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets the patient.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder ForPatient(string patientId)
    {
        _patient = Guard.Against.Null(patientId);
        return this;
    }

    /// <summary>Sets the clinician.</summary>
    /// <param name="clinicianId">The clinician's id.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder WithClinician(string clinicianId)
    {
        _clinician = Guard.Against.Null(clinicianId);
        return this;
    }

    /// <summary>Sets the session the feedback is about (default <c>a-1</c>).</summary>
    /// <param name="appointmentId">The appointment's id.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder About(string appointmentId)
    {
        _appointment = Guard.Against.Null(appointmentId);
        return this;
    }

    /// <summary>Ties an SRS to no session (session feedback always needs one: the library refuses it without).</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder AboutNoSession()
    {
        _appointment = null;
        return this;
    }

    /// <summary>Records the feedback as offered by the patient, not asked for.</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder Volunteered()
    {
        _solicitation = FeedbackSolicitation.Volunteered;
        return this;
    }

    /// <summary>Sets when the feedback was given (for an SRS, when it was completed).</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder ReceivedAt(Instant at)
    {
        _receivedAt = at;
        return this;
    }

    /// <summary>The patient says the direction of the work does not feel right: negative feedback.</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder DirectionFeelsWrong()
    {
        _directionFeelsRight = false;
        return this;
    }

    /// <summary>Sets whether the direction feels right (null: not said).</summary>
    /// <param name="feelsRight">The answer.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder DirectionFeelsRight(bool? feelsRight)
    {
        _directionFeelsRight = feelsRight;
        return this;
    }

    /// <summary>Names a topic that felt unproductive: negative feedback.</summary>
    /// <param name="topicCode">The topic code token.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder WithUnproductiveTopic(string topicCode)
    {
        _unproductiveTopics.Add(Guard.Against.Null(topicCode));
        return this;
    }

    /// <summary>Names a goal whose work felt unproductive: negative feedback.</summary>
    /// <param name="goalId">The goal's id.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder WithUnproductiveGoal(string goalId)
    {
        _unproductiveGoals.Add(new GoalId(goalId));
        return this;
    }

    /// <summary>Sets how the pace felt (null: not said). Pace alone is not negative.</summary>
    /// <param name="pace">The pace.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder WithPace(SessionPace? pace)
    {
        _pace = pace;
        return this;
    }

    /// <summary>Adds a comment in the patient's words: free text, which the library keeps out of every message.</summary>
    /// <param name="comment">The comment.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder WithComment(string comment)
    {
        _comment = Guard.Against.Null(comment);
        return this;
    }

    /// <summary>
    /// Makes the feedback an SRS whose four items add up to <paramref name="total"/> (items filled up to 10 in turn, for
    /// example 34 → 10, 10, 10, 4). Below the SRS cutoff of 36 it is negative.
    /// </summary>
    /// <param name="total">The total, 0 to 40.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is outside 0 to 40.</exception>
    public FeedbackBuilder Srs(decimal total)
    {
        if (total is < 0 or > 40)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "An SRS total is 0 to 40.");
        }

        var items = new decimal?[4];
        decimal left = total;
        for (int i = 0; i < items.Length; i++)
        {
            decimal item = Math.Min(10, left);
            items[i] = item;
            left -= item;
        }

        _srsItems = items;
        return this;
    }

    /// <summary>Makes the feedback an SRS with these item scores, as given (the library scores them and refuses a response that does not score).</summary>
    /// <param name="items">The item scores; null for an item not answered.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder SrsItems(params decimal?[] items)
    {
        _srsItems = [.. Guard.Against.Null(items)];
        return this;
    }

    /// <summary>Has the clinician acknowledge the feedback an hour after it was received.</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder Acknowledged()
    {
        _addressedAt = null;
        _stage = Stage.Acknowledged;
        return this;
    }

    /// <summary>Has the clinician address the feedback a day after it was received, by discussing it.</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder Addressed() => Addressed(FeedbackResponse.Discussed());

    /// <summary>Has the clinician address the feedback a day after it was received.</summary>
    /// <param name="response">What was done.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder Addressed(FeedbackResponse response)
    {
        _response = Guard.Against.Null(response);
        _addressedAt = null;
        _stage = Stage.Addressed;
        return this;
    }

    /// <summary>Has the clinician address the feedback at <paramref name="at"/> (for example at the start of the next session).</summary>
    /// <param name="response">What was done.</param>
    /// <param name="at">When; not before it was received.</param>
    /// <returns>This builder.</returns>
    public FeedbackBuilder Addressed(FeedbackResponse response, Instant at)
    {
        Addressed(response);
        _addressedAt = at;
        return this;
    }

    /// <summary>Closes the feedback without a response a day after it was received (refused by the library when it is negative).</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder Closed()
    {
        _addressedAt = null;
        _stage = Stage.Closed;
        return this;
    }

    /// <summary>Marks the feedback entered in error an hour after the last step.</summary>
    /// <returns>This builder.</returns>
    public FeedbackBuilder EnteredInError()
    {
        _inError = true;
        return this;
    }

    /// <summary>Builds the feedback by the library's commands, in time order.</summary>
    /// <returns>The feedback.</returns>
    /// <exception cref="ArgumentException">An id, a code or the comment is not valid, or the SRS does not score (the library's message).</exception>
    /// <exception cref="DomainRuleException">The overrides ask for a history the feedback refuses (the library's rule code).</exception>
    public Feedback Build()
    {
        var id = new FeedbackId(_ids.Next());
        var patient = new PatientId(_patient);
        var clinician = new ClinicianId(_clinician);
        Feedback feedback;
        if (_srsItems is not null)
        {
            InstrumentResponse response = InstrumentResponse.Create(Instruments.Srs, _srsItems, Party.Patient, _receivedAt);
            AppointmentId? about = _appointment is null ? null : new AppointmentId(_appointment);
            feedback = Feedback.ForInstrument(id, patient, clinician, about, _solicitation, response);
        }
        else
        {
            var content = new SessionFeedback(_directionFeelsRight, _unproductiveTopics, _unproductiveGoals, _pace, _comment);
            feedback = Feedback.ForSession(id, patient, clinician, new AppointmentId(_appointment ?? string.Empty), _solicitation, content, _receivedAt);
        }

        Instant last = _receivedAt;
        if (_stage >= Stage.Acknowledged && _addressedAt is null)
        {
            last = _receivedAt + Duration.FromHours(1);
            feedback.Acknowledge(last);
        }

        if (_stage == Stage.Addressed)
        {
            last = _addressedAt ?? _receivedAt + Duration.FromDays(1);
            feedback.Address(_response, last);
        }
        else if (_stage == Stage.Closed)
        {
            last = _receivedAt + Duration.FromDays(1);
            feedback.Close(last);
        }

        if (_inError)
        {
            feedback.MarkEnteredInError(last + Duration.FromHours(1));
        }

        return feedback;
    }
}
