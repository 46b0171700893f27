using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>Who cancelled an appointment, why (a reason code), when, and how much notice that gave.</summary>
/// <remarks>Made by <see cref="Appointment.Cancel"/>; immutable.</remarks>
public sealed record Cancellation
{
    internal Cancellation(Party by, string reasonCode, Instant at, Duration notice, bool wasConfirmed)
    {
        By = by;
        ReasonCode = reasonCode;
        At = at;
        Notice = notice;
        WasConfirmed = wasConfirmed;
    }

    /// <summary>The party who cancelled.</summary>
    public Party By { get; }

    /// <summary>
    /// A code token, for example from FHIR <c>appointment-cancellation-reason</c> (<c>pat</c>, <c>prov</c>,
    /// <c>oth-weath</c>…). Never free text: <see cref="Appointment.Cancel"/> checks it.
    /// </summary>
    public string ReasonCode { get; }

    /// <summary>When the cancellation was made.</summary>
    public Instant At { get; }

    /// <summary>How long before the scheduled start it was made; negative when made after it.</summary>
    public Duration Notice { get; }

    /// <summary>Whether the appointment had been confirmed (booked) when it was cancelled; false for a declined proposal.</summary>
    public bool WasConfirmed { get; }
}

/// <summary>One move of an appointment to another slot: the slot it left, who asked for the move, and when.</summary>
/// <remarks>Made by <see cref="Appointment.Reschedule"/>; immutable. Counted in the clinician's attendance record when the clinician asked.</remarks>
public sealed record Rescheduling
{
    internal Rescheduling(SessionSlot previousSlot, Party by, Instant at)
    {
        PreviousSlot = previousSlot;
        By = by;
        At = at;
    }

    /// <summary>The slot the appointment left.</summary>
    public SessionSlot PreviousSlot { get; }

    /// <summary>Who asked for the move.</summary>
    public Party By { get; }

    /// <summary>When it was moved.</summary>
    public Instant At { get; }
}
