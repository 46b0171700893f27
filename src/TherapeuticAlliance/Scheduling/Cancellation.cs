using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scheduling;

/// <summary>Who cancelled an appointment, why (a reason code) and when.</summary>
/// <param name="By">The party who cancelled.</param>
/// <param name="ReasonCode">
/// A code token, for example from FHIR <c>appointment-cancellation-reason</c> (<c>pat</c>, <c>prov</c>,
/// <c>oth-weath</c>…). Never free text.
/// </param>
/// <param name="At">When the cancellation was made.</param>
/// <param name="Notice">How long before the scheduled start it was made; negative when made after it.</param>
/// <exception cref="ArgumentException"><paramref name="ReasonCode"/> is not a code token.</exception>
public sealed record Cancellation(Party By, string ReasonCode, Instant At, Duration Notice)
{
    private readonly string _reasonCode = Guard.Against.InvalidCode(ReasonCode);

    /// <summary>The reason code; checked to be a code token, so free text cannot be stored here. Checked on every assignment, <c>with</c> included.</summary>
    public string ReasonCode { get => _reasonCode; init => _reasonCode = Guard.Against.InvalidCode(value); }
}
