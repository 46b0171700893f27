using System;

namespace TherapeuticAlliance.Communication;

/// <summary>
/// The expected outcome score at one administration: the target (the expected score) and its lower bound.
/// A score at or above the target is on track; below the target but at or above the lower bound, at risk; below
/// the lower bound, off track.
/// </summary>
public readonly record struct ExpectedResponse
{
    /// <summary>Creates an expectation.</summary>
    /// <param name="target">The expected score.</param>
    /// <param name="lowerBound">The lowest score still within the expected range; not above <paramref name="target"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lowerBound"/> is above <paramref name="target"/>.</exception>
    public ExpectedResponse(decimal target, decimal lowerBound)
    {
        Target = target;
        LowerBound = lowerBound <= target ? lowerBound : throw new ArgumentOutOfRangeException(nameof(lowerBound), "The lower bound cannot be above the target.");
    }

    /// <summary>The expected score.</summary>
    public decimal Target { get; }

    /// <summary>The lowest score still within the expected range.</summary>
    public decimal LowerBound { get; }
}

/// <summary>
/// Expected-treatment-response (ETR) curves for an outcome instrument such as the ORS. The curves are licensed
/// (for the ORS, by the PCOMS licence holders), so the library ships none: a host with a licence implements this
/// interface and passes it to <see cref="AllianceRules.Create"/>, which then adds <c>TA.ALLIANCE.ORS_NOT_ON_TRACK</c>.
/// </summary>
/// <remarks>Implementations must be thread-safe and must not read a clock.</remarks>
public interface IExpectedResponseProvider
{
    /// <summary>The expected score at an administration, given the intake score.</summary>
    /// <param name="intakeScore">The first score of the episode.</param>
    /// <param name="administration">Which administration: 1 is the intake, 2 the next, and so on.</param>
    /// <returns>The expectation; null when the curves give none (for example beyond their last session).</returns>
    ExpectedResponse? GetExpected(decimal intakeScore, int administration);
}
