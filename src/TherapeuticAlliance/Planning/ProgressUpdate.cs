using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>
/// A progress update on a goal: who assessed it and when, what is working and what is not (free text),
/// the assessed achievement status and, optionally, a measured value.
/// </summary>
/// <remarks>
/// <see cref="WhatWorks"/> and <see cref="WhatDoesNot"/> are the patient's or clinician's own words:
/// health information. They never appear in <see cref="ToString"/>, in events or in verdicts.
/// </remarks>
public sealed class ProgressUpdate
{
    /// <summary>The longest free text accepted in one field: 4,000 characters.</summary>
    public const int MaximumTextLength = 4_000;

    /// <summary>Creates an update.</summary>
    /// <param name="id">The update's id.</param>
    /// <param name="at">When the progress was assessed.</param>
    /// <param name="by">Who assessed it.</param>
    /// <param name="assessed">The assessed achievement status.</param>
    /// <param name="whatWorks">What is working, in the assessor's words; null when not said.</param>
    /// <param name="whatDoesNot">What is not working, in the assessor's words; null when not said.</param>
    /// <param name="measureValue">A measured value for the goal's target measure, if one was taken.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default value, or a text is blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> or <paramref name="assessed"/> is not defined.</exception>
    public ProgressUpdate(
        ProgressUpdateId id, Instant at, Party by, GoalAchievementStatus assessed, string? whatWorks = null, string? whatDoesNot = null, decimal? measureValue = null)
    {
        Id = Guards.NotDefault(id, id.Value);
        At = at;
        By = Guard.Against.UndefinedEnum(by);
        Assessed = Guard.Against.UndefinedEnum(assessed);
        WhatWorks = Guards.OptionalFreeText(whatWorks, MaximumTextLength);
        WhatDoesNot = Guards.OptionalFreeText(whatDoesNot, MaximumTextLength);
        MeasureValue = measureValue;
    }

    /// <summary>The update's id.</summary>
    public ProgressUpdateId Id { get; }

    /// <summary>When the progress was assessed.</summary>
    public Instant At { get; }

    /// <summary>Who assessed it.</summary>
    public Party By { get; }

    /// <summary>The assessed achievement status.</summary>
    public GoalAchievementStatus Assessed { get; }

    /// <summary>What is working, in the assessor's words (health information); null when not said.</summary>
    public string? WhatWorks { get; }

    /// <summary>What is not working, in the assessor's words (health information); null when not said.</summary>
    public string? WhatDoesNot { get; }

    /// <summary>The measured value, if one was taken.</summary>
    public decimal? MeasureValue { get; }

    /// <summary>Returns the id, party and assessed status. Never the free text.</summary>
    public override string ToString() => $"ProgressUpdate {Id} by {By} {Assessed}";
}
