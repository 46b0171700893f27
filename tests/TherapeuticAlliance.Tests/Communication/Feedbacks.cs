using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>
/// Builds feedback for tests: feedback f-1 from patient p-1 to clinician c-1 about appointment a-1, received at
/// 14:00 UTC on Tuesday 2026-06-09 (just after the default session of <see cref="Support.Appointments"/>), and
/// helpers that drive it through its lifecycle on a fixed timeline (one instant per step, all before <see cref="Later"/>).
/// </summary>
internal static class Feedbacks
{
    public static readonly FeedbackId Id = new("f-1");

    public static readonly PatientId Patient = new("p-1");

    public static readonly ClinicianId Clinician = new("c-1");

    public static readonly AppointmentId Appointment = new("a-1");

    public static readonly GoalId Goal = new("g-1");

    public static readonly Instant ReceivedAt = Instant.FromUtc(2026, 6, 9, 14, 0);

    public static readonly Instant AcknowledgedAt = ReceivedAt + Duration.FromHours(1);

    /// <summary>When <see cref="InStatus"/> addresses or closes the feedback.</summary>
    public static readonly Instant ResolvedAt = ReceivedAt + Duration.FromDays(1);

    public static readonly Instant EnteredInErrorAt = ReceivedAt + Duration.FromDays(2);

    /// <summary>After every step of every builder: commands dated here are in order on any built feedback.</summary>
    public static readonly Instant Later = ReceivedAt + Duration.FromDays(7);

    /// <summary>Every instant the builders use, one tick before each, and one after them all: probes for <see cref="Snapshot"/>.</summary>
    public static readonly Instant[] Timeline =
    [
        .. new[] { ReceivedAt, AcknowledgedAt, ResolvedAt, EnteredInErrorAt, Later }.SelectMany(at => new[] { at - Duration.FromTicks(1), at }),
        Later + Duration.FromDays(1),
    ];

    /// <summary>Session feedback that is not negative: the direction feels right, nothing unproductive, pace right.</summary>
    public static SessionFeedback Positive(string? comment = null) => new(true, [], [], SessionPace.Right, comment);

    /// <summary>Session feedback that is negative: the direction does not feel right.</summary>
    public static SessionFeedback Negative(string? comment = null) => new(false, [], [], SessionPace.Right, comment);

    /// <summary>Session feedback (by default <see cref="Positive"/>) received at <see cref="ReceivedAt"/>: status Open, version 1.</summary>
    public static Feedback Received(SessionFeedback? content = null, FeedbackSolicitation solicitation = FeedbackSolicitation.Solicited) =>
        Feedback.ForSession(Id, Patient, Clinician, Appointment, solicitation, content ?? Positive(), ReceivedAt);

    /// <summary>An SRS completed by the patient at <paramref name="at"/> (default <see cref="ReceivedAt"/>) whose items add up to <paramref name="total"/> (0 to 40).</summary>
    public static InstrumentResponse SrsTotalling(int total, Instant? at = null)
    {
        var items = new decimal?[4];
        int left = total;
        for (int i = 0; i < items.Length; i++)
        {
            int item = Math.Min(10, left);
            items[i] = item;
            left -= item;
        }

        return InstrumentResponse.Create(Instruments.Srs, items, Party.Patient, at ?? ReceivedAt);
    }

    /// <summary>Feedback from an SRS totalling <paramref name="total"/> about appointment a-1: negative below 36.</summary>
    public static Feedback FromSrs(int total) =>
        Feedback.ForInstrument(Id, Patient, Clinician, Appointment, FeedbackSolicitation.Solicited, SrsTotalling(total));

    /// <summary>
    /// Feedback (<paramref name="received"/>, freshly received at <see cref="ReceivedAt"/>; by default <see cref="Received"/>)
    /// in the given status by the shortest legal path: acknowledged at <see cref="AcknowledgedAt"/>; then addressed
    /// (discussed) or closed at <see cref="ResolvedAt"/>, or entered in error at <see cref="EnteredInErrorAt"/>.
    /// Closed needs feedback that is not negative.
    /// </summary>
    public static Feedback InStatus(FeedbackStatus status, Feedback? received = null)
    {
        Feedback feedback = received ?? Received();
        if (status == FeedbackStatus.Open)
        {
            return feedback;
        }

        feedback.Acknowledge(AcknowledgedAt);
        switch (status)
        {
            case FeedbackStatus.Acknowledged:
                break;
            case FeedbackStatus.Addressed:
                feedback.Address(FeedbackResponse.Discussed(), ResolvedAt);
                break;
            case FeedbackStatus.Closed:
                feedback.Close(ResolvedAt);
                break;
            case FeedbackStatus.EnteredInError:
                feedback.MarkEnteredInError(EnteredInErrorAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Not a feedback status.");
        }

        return feedback;
    }

    /// <summary>The observable state of feedback that a refused command must leave as it was.</summary>
    /// <param name="Timeline">The status at each probe instant (see <see cref="Feedback.StatusAt"/>), so that a change to the history shows.</param>
    internal sealed record Snapshot(
        FeedbackStatus Status, long Version, string Events, Instant? AcknowledgedAt, Instant? ResolvedAt, FeedbackResponse? Response, bool IsNegative, string Timeline)
    {
        public static Snapshot Of(Feedback feedback) => Of(feedback, Feedbacks.Timeline);

        public static Snapshot Of(Feedback feedback, IEnumerable<Instant> probes) => new(
            feedback.Status, feedback.Version, string.Join("; ", feedback.PendingEvents), feedback.AcknowledgedAt, feedback.ResolvedAt, feedback.Response,
            feedback.IsNegative, string.Join(", ", probes.Select(at => feedback.StatusAt(at))));
    }
}
