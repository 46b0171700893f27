using TherapeuticAlliance.Communication;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>
/// The comment is health information: planted in session feedback, it must never come back in a
/// <c>ToString()</c>, an event or an exception message, whatever is done to the feedback.
/// </summary>
public class FeedbackPrivacyTests
{
    private const string Canary = "CANARY-secret-words";

    private static readonly Instant Later = Feedbacks.Later;

    [Fact]
    public void AWholeLifecycle_ToStringsAndEvents_NeverHoldTheComment()
    {
        SessionFeedback content = Feedbacks.Negative(Canary);
        Feedback feedback = Feedbacks.Received(content);
        var texts = new List<string> { content.ToString(), feedback.ToString() };

        feedback.Acknowledge(Feedbacks.AcknowledgedAt);
        texts.Add(feedback.ToString());
        feedback.Address(FeedbackResponse.NoChange("patient-declined"), Feedbacks.ResolvedAt);
        texts.Add(feedback.ToString());
        feedback.MarkEnteredInError(Feedbacks.EnteredInErrorAt);
        texts.Add(feedback.ToString());
        texts.AddRange(feedback.PendingEvents.Select(e => e.ToString()));

        feedback.Session!.Comment.Should().Be(Canary, "the comment is kept, for the people in the alliance");
        feedback.PendingEvents.Should().HaveCount(4);
        texts.Should().OnlyContain(t => !t.Contains("CANARY", StringComparison.Ordinal) && !t.Contains("secret", StringComparison.Ordinal));
        texts.Should().Contain(t => t.Contains("f-1", StringComparison.Ordinal), "ids are what the text is made of");
    }

    [Fact]
    public void EveryRefusedCommand_ExceptionMessages_NeverHoldTheComment()
    {
        var messages = new List<string>();
        foreach (FeedbackStatus status in Enum.GetValues<FeedbackStatus>())
        {
            Feedback positive = Feedbacks.InStatus(status, Feedbacks.Received(Feedbacks.Positive(Canary)));
            Feedback negative = Feedbacks.InStatus(status == FeedbackStatus.Closed ? FeedbackStatus.Open : status, Feedbacks.Received(Feedbacks.Negative(Canary)));
            foreach (Feedback feedback in new[] { positive, negative })
            {
                // Illegal transitions (the status), time order (dated before receipt), missing response (negative, open) and a null response.
                Instant early = Feedbacks.ReceivedAt - Duration.FromDays(1);
                messages.AddRange(Refusals(
                    () => feedback.Acknowledge(early),
                    () => feedback.Address(FeedbackResponse.Discussed(), early),
                    () => feedback.Close(early),
                    () => feedback.Close(Later),
                    () => feedback.MarkEnteredInError(early),
                    () => feedback.Address(null!, Later)));
            }
        }

        messages.Should().HaveCountGreaterThan(40);
        messages.Should().Contain(m => m.Contains(FeedbackRuleCodes.ResponseRequired.Value, StringComparison.Ordinal));
        messages.Should().Contain(m => m.Contains(FeedbackRuleCodes.TimeOrder.Value, StringComparison.Ordinal));
        messages.Should().Contain(m => m.Contains(FeedbackRuleCodes.IllegalTransition.Value, StringComparison.Ordinal));
        messages.Should().OnlyContain(m => !m.Contains("CANARY", StringComparison.Ordinal) && !m.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void SessionFeedback_RefusedWithTheCanary_NeverEchoesIt()
    {
        Action[] attempts =
        [
            () => _ = new SessionFeedback(false, [], [], comment: Canary + new string('x', SessionFeedback.MaximumCommentLength)),
            () => _ = new SessionFeedback(false, [Canary + " words"], [], comment: Canary),
            () => _ = new SessionFeedback(false, [], [default], comment: Canary),
            () => _ = new SessionFeedback(false, [], [], (SessionPace)9, Canary),
            () => FeedbackResponse.NoChange(Canary + " because"),
            () => InstrumentResponse.Create(Instruments.Ors, [10m, 10m, 10m, 10m], Party.Patient, Feedbacks.ReceivedAt, Canary),
        ];

        foreach (Action attempt in attempts)
        {
            attempt.Should().Throw<ArgumentException>().Which.ToString().Should().NotContain("CANARY").And.NotContain("secret");
        }
    }

    private static IEnumerable<string> Refusals(params Action[] commands)
    {
        foreach (Action command in commands)
        {
            Exception? refused = null;
            try
            {
                command();
            }
            catch (Exception e) when (e is DomainRuleException or ArgumentException)
            {
                refused = e;
            }

            if (refused is not null)
            {
                yield return refused.ToString();
            }
        }
    }
}
