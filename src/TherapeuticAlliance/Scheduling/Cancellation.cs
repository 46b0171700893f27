using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>Who cancelled an appointment, why (a reason code) and when.</summary>
/// <param name="By">The party who cancelled.</param>
/// <param name="ReasonCode">
/// A code token, for example from FHIR <c>appointment-cancellation-reason</c> (<c>pat</c>, <c>prov</c>,
/// <c>oth-weath</c>…). Never free text.
/// </param>
/// <param name="At">When the cancellation was made.</param>
/// <param name="Notice">How long before the scheduled start it was made; negative when made after it.</param>
public sealed record Cancellation(Party By, string ReasonCode, Instant At, Duration Notice);
