using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Communication;

/// <summary>Whether the clinician asked for the feedback or the patient offered it unprompted.</summary>
public enum FeedbackSolicitation
{
    /// <summary>The clinician asked for it (an instrument given at the end of a session counts as asked).</summary>
    Solicited = 0,

    /// <summary>The patient offered it unprompted.</summary>
    Volunteered = 1,
}

/// <summary>How the session's pace felt to the patient.</summary>
public enum SessionPace
{
    /// <summary>Too slow.</summary>
    TooSlow = 0,

    /// <summary>About right.</summary>
    Right = 1,

    /// <summary>Too fast.</summary>
    TooFast = 2,
}

/// <summary>
/// The patient's feedback on one session: whether the direction feels right, which topics or goals felt
/// unproductive, the pace, and an optional comment in their own words.
/// </summary>
/// <remarks>
/// Immutable. <see cref="Comment"/> is health information: it never appears in <see cref="ToString"/>, in events,
/// in exception messages or in verdicts.
/// </remarks>
public sealed class SessionFeedback
{
    /// <summary>The longest comment accepted: 4,000 characters.</summary>
    public const int MaximumCommentLength = 4_000;

    /// <summary>Creates session feedback.</summary>
    /// <param name="directionFeelsRight">Whether the direction of the work feels right; null when not said.</param>
    /// <param name="unproductiveTopicCodes">Topic codes (as in <see cref="Scheduling.SessionTopic"/>) that felt unproductive; empty when none.</param>
    /// <param name="unproductiveGoalIds">Goals whose work felt unproductive; empty when none.</param>
    /// <param name="pace">How the pace felt; null when not said.</param>
    /// <param name="comment">A comment in the patient's words (free text); null when none.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">A topic code is not a code token, a goal id is the default value, or the comment is blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pace"/> is not defined.</exception>
    public SessionFeedback(
        bool? directionFeelsRight, IEnumerable<string> unproductiveTopicCodes, IEnumerable<GoalId> unproductiveGoalIds, SessionPace? pace = null, string? comment = null)
    {
        DirectionFeelsRight = directionFeelsRight;
        UnproductiveTopicCodes = [.. Guard.Against.Null(unproductiveTopicCodes).Select(code => Guard.Against.InvalidCode(code, nameof(unproductiveTopicCodes)))];
        UnproductiveGoalIds = [.. Guard.Against.Null(unproductiveGoalIds).Select(id => Guards.NotDefault(id, id.Value, nameof(unproductiveGoalIds)))];
        Pace = pace is { } p ? Guard.Against.UndefinedEnum(p, nameof(pace)) : null;
        Comment = Guards.OptionalFreeText(comment, MaximumCommentLength);
    }

    /// <summary>Whether the direction feels right; null when not said.</summary>
    public bool? DirectionFeelsRight { get; }

    /// <summary>Topic codes that felt unproductive.</summary>
    public ImmutableArray<string> UnproductiveTopicCodes { get; }

    /// <summary>Goals whose work felt unproductive.</summary>
    public ImmutableArray<GoalId> UnproductiveGoalIds { get; }

    /// <summary>How the pace felt; null when not said.</summary>
    public SessionPace? Pace { get; }

    /// <summary>The patient's comment (health information: show it to the people in the alliance, never log it); null when none.</summary>
    public string? Comment { get; }

    /// <summary>
    /// Whether the feedback is negative: the direction does not feel right, or a topic or goal felt unproductive.
    /// Pace alone does not make feedback negative: the issue's definition does not list it.
    /// </summary>
    public bool IsNegative => DirectionFeelsRight == false || !UnproductiveTopicCodes.IsEmpty || !UnproductiveGoalIds.IsEmpty;

    /// <summary>Returns the structured answers. Never the comment.</summary>
    public override string ToString() =>
        $"SessionFeedback direction={DirectionFeelsRight?.ToString() ?? "unsaid"} unproductiveTopics={UnproductiveTopicCodes.Length} unproductiveGoals={UnproductiveGoalIds.Length} pace={Pace?.ToString() ?? "unsaid"}";
}

/// <summary>
/// One completed instrument (for example an SRS after a session): the instrument and version, the item scores,
/// who rated and when, and the scores computed from the definition.
/// </summary>
/// <remarks>Immutable; made by <see cref="Create"/>, which scores the items and refuses an invalid response.</remarks>
public sealed class InstrumentResponse
{
    private InstrumentResponse(InstrumentDefinition definition, ImmutableArray<decimal> items, InstrumentScore score, Party rater, Instant at, decimal? cutoff)
    {
        InstrumentCode = definition.Code;
        InstrumentVersion = definition.Version;
        Items = items;
        Total = score.Total;
        Subscales = score.Subscales;
        Rater = rater;
        At = at;
        Cutoff = cutoff;
        MaximumTotal = definition.MaximumTotal;
    }

    /// <summary>The instrument's code.</summary>
    public string InstrumentCode { get; }

    /// <summary>The instrument's version.</summary>
    public string InstrumentVersion { get; }

    /// <summary>The raw item responses, item 1 first.</summary>
    public ImmutableArray<decimal> Items { get; }

    /// <summary>The total score.</summary>
    public decimal Total { get; }

    /// <summary>The subscale scores.</summary>
    public ImmutableArray<SubscaleScore> Subscales { get; }

    /// <summary>Who filled it in.</summary>
    public Party Rater { get; }

    /// <summary>When it was completed.</summary>
    public Instant At { get; }

    /// <summary>The cutoff that applies: a total below it is in the concern or clinical range; null when none applies.</summary>
    public decimal? Cutoff { get; }

    /// <summary>The highest total the instrument allows.</summary>
    public decimal MaximumTotal { get; }

    /// <summary>Whether the total is below <see cref="Cutoff"/>.</summary>
    public bool IsBelowCutoff => Total < Cutoff;

    /// <summary>
    /// Whether the total is the highest possible. A perfect alliance score is uninformative (a ceiling effect), not
    /// "excellent": it cannot show a later drop or an improvement.
    /// </summary>
    public bool IsAtCeiling => Total == MaximumTotal;

    /// <summary>Scores and records a completed instrument.</summary>
    /// <param name="definition">The instrument.</param>
    /// <param name="items">One response per item, item 1 first; null for an unanswered item (which is refused).</param>
    /// <param name="rater">Who filled it in.</param>
    /// <param name="at">When it was completed.</param>
    /// <param name="cutoffPopulation">
    /// The population whose cutoff applies (for example <c>adult</c> for the ORS). When null, the instrument's only
    /// cutoff applies if it has exactly one (the SRS's <c>concern</c>), and none applies otherwise.
    /// </param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> or <paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The items do not score (the message lists every problem by item number and code, never the values), or the
    /// instrument has no cutoff for <paramref name="cutoffPopulation"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rater"/> is not defined.</exception>
    public static InstrumentResponse Create(InstrumentDefinition definition, IEnumerable<decimal?> items, Party rater, Instant at, string? cutoffPopulation = null)
    {
        Guard.Against.Null(definition);
        decimal?[] values = [.. Guard.Against.Null(items)];
        Guard.Against.UndefinedEnum(rater);
        decimal? cutoff = cutoffPopulation is null
            ? definition.Cutoffs.Count == 1 ? definition.Cutoffs.Values.Single() : null
            : definition.Cutoffs.TryGetValue(Guard.Against.InvalidCode(cutoffPopulation), out decimal c)
                ? c
                : throw new ArgumentException("The instrument has no cutoff for that population.", nameof(cutoffPopulation));
        InstrumentScore score = definition.Score(values);
        if (!score.IsValid)
        {
            string problems = string.Join("; ", score.Problems.Select(p => p.ItemNumber is { } n ? $"item {n}: {p.Code}" : p.Code));
            throw new ArgumentException($"The response does not score on {definition.Code} {definition.Version}: {problems}.", nameof(items));
        }

        return new InstrumentResponse(definition, [.. values.Select(v => v!.Value)], score, rater, at, cutoff);
    }

    /// <summary>Returns the instrument, total and rater.</summary>
    public override string ToString() => $"InstrumentResponse {InstrumentCode} {InstrumentVersion} total={Total} by {Rater}";
}
