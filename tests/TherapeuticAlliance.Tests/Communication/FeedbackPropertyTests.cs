using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using Snapshot = TherapeuticAlliance.Tests.Communication.Feedbacks.Snapshot;

namespace TherapeuticAlliance.Tests.Communication;

/// <summary>
/// Laws that hold for any content and any sequence of commands (Acknowledge, Address, Close, MarkEnteredInError)
/// at non-decreasing instants: each command applies fully or throws and changes nothing, and negative feedback
/// never closes without a response.
/// </summary>
public class FeedbackPropertyTests
{
    private const int Runs = 300;

    private enum Kind
    {
        Acknowledge,
        Address,
        Close,
        MarkEnteredInError,
    }

    [Property(MaxTest = Runs)]
    public Property AnyCommands_NegativeNeverClosedAndVersionCountsSuccesses() =>
        Prop.ForAll(AnyScenario(), scenario => Replay(scenario, step =>
        {
            Feedback f = step.Feedback;
            (f.Status == FeedbackStatus.Closed && f.IsNegative).Should().BeFalse("negative feedback cannot close without a response");
            f.Version.Should().Be(1 + step.Successes, "receiving is version 1, then one per successful command");
            f.PendingEvents.Should().HaveCount((int)f.Version);
            if (step.Refused is { } refused)
            {
                step.After.Should().Be(step.Before, "a refused {0} changes nothing", step.Command);
                refused.Code.Should().NotBe(FeedbackRuleCodes.TimeOrder, "the instants never go backwards");
                if (refused.Code == FeedbackRuleCodes.ResponseRequired)
                {
                    f.IsNegative.Should().BeTrue();
                    step.Command.Kind.Should().Be(Kind.Close);
                }
            }
            else
            {
                f.Version.Should().Be(step.Before.Version + 1);
                f.PendingEvents[^1].OccurredAt.Should().Be(step.Command.At);
                f.StatusAt(step.Command.At).Should().Be(f.Status);
            }
        }));

    [Fact]
    public void AnyScenario_Sample_ReachesEveryStatusAndEveryRefusal()
    {
        var statuses = new HashSet<FeedbackStatus>();
        var codes = new HashSet<RuleCode>();
        foreach (Scenario scenario in Gen.Sample(AnyScenario().Generator, Runs, new Rnd(20260609UL), Runs))
        {
            Replay(scenario, step =>
            {
                statuses.Add(step.Feedback.Status);
                if (step.Refused is { } refused)
                {
                    codes.Add(refused.Code);
                }
            });
        }

        statuses.Should().BeEquivalentTo(Enum.GetValues<FeedbackStatus>());
        codes.Should().BeEquivalentTo([FeedbackRuleCodes.IllegalTransition, FeedbackRuleCodes.ResponseRequired]);
    }

    // ---- Scenarios ------------------------------------------------------------------------------

    /// <summary>What the feedback says: session feedback (direction, unproductive topic, unproductive goal, pace) or an SRS total.</summary>
    private sealed record Content(bool? Direction, bool Topic, bool Goal, SessionPace? Pace, int? SrsTotal)
    {
        public Feedback Receive() => SrsTotal is { } total
            ? Feedbacks.FromSrs(total)
            : Feedbacks.Received(new SessionFeedback(Direction, Topic ? ["sleep"] : [], Goal ? [Feedbacks.Goal] : [], Pace, "a comment"));
    }

    private sealed record Command(Kind Kind, FeedbackResponse Response, Instant At)
    {
        public void Run(Feedback feedback)
        {
            switch (Kind)
            {
                case Kind.Acknowledge:
                    feedback.Acknowledge(At);
                    break;
                case Kind.Address:
                    feedback.Address(Response, At);
                    break;
                case Kind.Close:
                    feedback.Close(At);
                    break;
                case Kind.MarkEnteredInError:
                    feedback.MarkEnteredInError(At);
                    break;
                default:
                    throw new InvalidOperationException($"Not a command of these tests: {Kind}.");
            }
        }
    }

    private sealed record Scenario(Content Content, Command[] Commands);

    private sealed record Step(Feedback Feedback, Command Command, Snapshot Before, Snapshot After, DomainRuleException? Refused, int Successes);

    private static Arbitrary<Scenario> AnyScenario() =>
        Arb.From(
            from content in AnyContent()
            from length in Gen.Choose(0, 12)
            from kinds in Gen.Elements(Enum.GetValues<Kind>()).ArrayOf(length)
            from responses in AnyResponse().ArrayOf(length)
            from steps in Gen.Frequency((4, Gen.Choose(1, 3 * 24 * 60)), (1, Gen.Constant(0))).ArrayOf(length)
            select new Scenario(content, Dated(kinds, responses, steps)),
            Shrink);

    private static Gen<Content> AnyContent()
    {
        Gen<Content> session =
            from direction in Gen.Elements<bool?>(null, true, false)
            from topic in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from goal in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from pace in Gen.Elements<SessionPace?>(null, SessionPace.TooSlow, SessionPace.Right, SessionPace.TooFast)
            select new Content(direction, topic, goal, pace, null);
        Gen<Content> srs = Gen.Choose(28, 40).Select(total => new Content(null, false, false, null, total));
        return Gen.OneOf(session, srs);
    }

    private static Gen<FeedbackResponse> AnyResponse() =>
        Gen.Elements(
            FeedbackResponse.Discussed(), FeedbackResponse.TopicChanged(), FeedbackResponse.PlanRevised(new TreatmentPlanId("tp-1"), 2),
            FeedbackResponse.NoChange("patient-declined"));

    /// <summary>Dates the commands: each one the given number of minutes (0 or more) after the one before, from receipt.</summary>
    private static Command[] Dated(Kind[] kinds, FeedbackResponse[] responses, int[] minutes)
    {
        Instant at = Feedbacks.ReceivedAt;
        var commands = new Command[kinds.Length];
        for (int i = 0; i < kinds.Length; i++)
        {
            at += Duration.FromMinutes(minutes[i]);
            commands[i] = new Command(kinds[i], responses[i], at);
        }

        return commands;
    }

    /// <summary>Shorter sequences first: without one command at a time (the others keep their instants, which stay in order).</summary>
    private static IEnumerable<Scenario> Shrink(Scenario scenario) =>
        Enumerable.Range(0, scenario.Commands.Length).Select(skip => scenario with { Commands = [.. scenario.Commands.Where((_, i) => i != skip)] });

    /// <summary>Applies the commands to freshly received feedback, checking <paramref name="law"/> after each one.</summary>
    private static void Replay(Scenario scenario, Action<Step> law)
    {
        Feedback feedback = scenario.Content.Receive();
        Instant[] probes = [Feedbacks.ReceivedAt - Duration.FromTicks(1), .. scenario.Commands.Select(c => c.At).Distinct(), Feedbacks.Later + Duration.FromDays(60)];
        int successes = 0;
        foreach (Command command in scenario.Commands)
        {
            Snapshot before = Snapshot.Of(feedback, probes);
            DomainRuleException? refused = null;
            try
            {
                command.Run(feedback);
                successes++;
            }
            catch (DomainRuleException e)
            {
                refused = e;
            }

            law(new Step(feedback, command, before, Snapshot.Of(feedback, probes), refused, successes));
        }
    }
}
