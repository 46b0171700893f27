using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Tests.Support;

namespace TherapeuticAlliance.Tests.Planning;

/// <summary>
/// Laws that hold for any sequence of commands, legal or not, applied to a freshly drafted plan: each command
/// either applies fully or throws and changes nothing, the history of agreed versions only grows, and it
/// reproduces the plan.
/// </summary>
public class TreatmentPlanPropertyTests
{
    private const int Runs = 300;

    /// <summary>When the plan is drafted; command instants are hours from here.</summary>
    private static readonly Instant T0 = Plans.DraftedAt;

    /// <summary>
    /// The patient's goals the commands hand to the plan: g-1 agreed before drafting, g-2 agreed ten days later,
    /// g-3 accepted by the patient only, g-4 only proposed. g-5 (below) has no goal at all. Only read, never changed.
    /// </summary>
    private static readonly Goal[] PatientGoals =
    [
        Plans.AgreedGoal("g-1"),
        Plans.AgreedGoal("g-2", agreedAt: T0 + Duration.FromDays(10)),
        Plans.GoalFor("g-3").AcceptedOnlyBy(Party.Patient).Build(),
        Plans.ProposedGoal("g-4"),
    ];

    /// <summary>Another patient's goal, with the id of one of ours.</summary>
    private static readonly Goal ForeignGoal = Plans.AgreedGoal("g-1", patient: "p-2");

    private static readonly GoalId[] GoalIds = [new("g-1"), new("g-2"), new("g-3"), new("g-4"), new("g-5")];

    // ---- Laws -----------------------------------------------------------------------------------

    [Property(MaxTest = Runs)]
    public Property AnyCommands_RevisionHistoryOnlyGrows() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            PlanRevision[] before = step.Before.Revisions;
            IReadOnlyList<PlanRevision> after = step.Plan.Revisions;
            bool adds = step.Succeeded && step.Command is ActivateCommand or ReviseCommand;
            after.Count.Should().Be(before.Length + (adds ? 1 : 0), "only a successful Activate or Revise appends a revision, and exactly one");
            for (int k = 0; k < before.Length; k++)
            {
                after[k].Should().BeSameAs(before[k], "revision {0} is never replaced", k + 1);
                RevisionFacts.Of(after[k]).Should().Be(step.Model.Facts[k], "revision {0} is never changed", k + 1);
            }

            if (after.Count > 0)
            {
                step.Plan.ActivatedAt.Should().Be(after[0].At, "activation is revision 1");
            }
            else
            {
                step.Plan.ActivatedAt.Should().BeNull();
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_RevisionNumbersAreOneToNInOrder() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            IReadOnlyList<PlanRevision> revisions = step.Plan.Revisions;
            revisions.Select(r => r.Number).Should().Equal(Enumerable.Range(1, revisions.Count));
            if (step.Returned is { } returned)
            {
                returned.Should().BeSameAs(revisions[^1], "Revise returns the revision it appended");
            }

            if (step.Succeeded && step.Plan.PendingEvents[^1] is TreatmentPlanRevised revised)
            {
                revised.RevisionNumber.Should().Be(revisions.Count);
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_HistoryReproducesThePlan() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            TreatmentPlan plan = step.Plan;
            Model model = step.Model;
            plan.Revisions.Should().HaveCount(model.Agreed.Count);
            for (int k = 1; k <= model.Agreed.Count; k++)
            {
                plan.ContentAt(k).Should().BeSameAs(model.Agreed[k - 1], "ContentAt({0}) is the content agreed in that revision", k);
            }

            if (plan.Revisions.Count > 0)
            {
                plan.Current.Should().BeSameAs(plan.Revisions[^1].Content, "an active plan says what its latest revision says");
                plan.Current.Should().Be(plan.ContentAt(plan.Revisions.Count));
                RevisionFacts.Of(plan.Revisions[^1]).Should().Be(model.Facts[^1]);
                plan.RevisionAt(plan.Revisions[^1].At).Should().NotBeNull();
            }
            else
            {
                plan.Current.Should().BeSameAs(model.Draft, "a draft says what it was last changed to");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_ReplayingOnlyTheSuccessfulCommandsGivesTheSamePlan() =>
        Prop.ForAll(AnyCommands(), commands =>
        {
            TreatmentPlan plan = NewPlan();
            var successful = new List<Command>();
            foreach (Command command in commands)
            {
                if (TryRun(command, plan, out _, out _))
                {
                    successful.Add(command);
                }
            }

            TreatmentPlan replayed = NewPlan();
            foreach (Command command in successful)
            {
                TryRun(command, replayed, out _, out _).Should().BeTrue("{0} applied the first time, and refused commands changed nothing", command);
            }

            Describe(replayed).Should().Be(Describe(plan));
            replayed.Current.Should().Be(plan.Current);
        });

    [Property(MaxTest = Runs)]
    public Property AnyCommands_RefusedCommandChangesNothing() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            if (!step.Succeeded)
            {
                step.After.Should().Be(step.Before, "{0} threw and must leave the plan as it was", step.Command);
            }
            else
            {
                step.After.Version.Should().Be(step.Before.Version + 1, "no command is a silent no-op");
            }
        }));

    [Property(MaxTest = Runs)]
    public Property AnyCommands_VersionEqualsNumberOfEvents() =>
        Prop.ForAll(AnyCommands(), commands => Replay(commands, step =>
        {
            TreatmentPlan plan = step.Plan;
            IReadOnlyList<TreatmentPlanEvent> events = plan.PendingEvents;
            plan.Version.Should().Be(events.Count, "one event per change while nothing was dequeued");
            plan.Version.Should().Be(1 + step.Model.Successes, "drafting and every successful command bump the version once");
            events.Select(e => e.Version).Should().Equal(Enumerable.Range(1, events.Count).Select(v => (long)v));
            events.Should().AllSatisfy(e => e.PlanId.Should().Be(Plans.Id));
            events[0].Should().BeOfType<TreatmentPlanDrafted>();
            if (step.Succeeded)
            {
                events[^1].GetType().Should().Be(EventTypeOf(step.Command));
                events[^1].OccurredAt.Should().Be(step.Command.At);
            }
        }));

    // ---- The generator reaches the interesting states -------------------------------------------

    [Fact]
    public void AnyCommands_Sample_ReachesEveryStatusEveryCommandAndEveryRefusal()
    {
        var statuses = new HashSet<TreatmentPlanStatus>();
        var succeeded = new HashSet<Type>();
        var refusals = new HashSet<RuleCode>();
        int argumentErrors = 0;
        int medicationsAdded = 0;
        int revisedOnHold = 0;
        foreach (Command[] commands in AnyCommands().Generator.Sample(Runs, 100))
        {
            TreatmentPlan plan = NewPlan();
            foreach (Command command in commands)
            {
                int medications = plan.Current.Medications.Count();
                TreatmentPlanStatus status = plan.Status;
                try
                {
                    command.Run(plan, command.ContentFor(plan));
                    succeeded.Add(command.GetType());
                    medicationsAdded += command is ReviseCommand && plan.Current.Medications.Count() > medications ? 1 : 0;
                    revisedOnHold += command is ReviseCommand && status == TreatmentPlanStatus.OnHold ? 1 : 0;
                }
                catch (DomainRuleException e)
                {
                    refusals.Add(e.Code);
                }
                catch (ArgumentException)
                {
                    argumentErrors++;
                }

                statuses.Add(plan.Status);
            }
        }

        statuses.Should().BeEquivalentTo(Enum.GetValues<TreatmentPlanStatus>());
        succeeded.Should().HaveCount(13, "every command applies in some sampled sequence");
        refusals.Should().BeEquivalentTo(
        [
            TreatmentPlanRuleCodes.IllegalTransition, TreatmentPlanRuleCodes.NoAgreedGoal, TreatmentPlanRuleCodes.MedicationOutsidePlan,
            TreatmentPlanRuleCodes.OptionNotDiscussed, TreatmentPlanRuleCodes.ForeignGoal, TreatmentPlanRuleCodes.NothingChanged, TreatmentPlanRuleCodes.RevisionOrder,
        ]);
        argumentErrors.Should().BePositive();
        medicationsAdded.Should().BePositive("some revisions add a medication");
        revisedOnHold.Should().BePositive("some revisions happen while the plan is on hold");
    }

    // ---- Replay ---------------------------------------------------------------------------------

    private static TreatmentPlan NewPlan() => Plans.Draft();

    /// <summary>
    /// Runs a command: builds its content from the plan's current content (which may throw), then applies it.
    /// True when it applied, false when it threw one of the documented exceptions.
    /// </summary>
    private static bool TryRun(Command command, TreatmentPlan plan, out PlanContent? content, out PlanRevision? returned)
    {
        content = null;
        returned = null;
        try
        {
            content = command.ContentFor(plan);
            returned = command.Run(plan, content);
            return true;
        }
        catch (DomainRuleException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Applies the commands to a freshly drafted plan, checking <paramref name="law"/> after each one.</summary>
    private static void Replay(Command[] commands, Action<Step> law)
    {
        TreatmentPlan plan = NewPlan();
        var model = new Model(plan.Current);
        foreach (Command command in commands)
        {
            Snapshot before = Snapshot.Of(plan);
            bool succeeded = TryRun(command, plan, out PlanContent? content, out PlanRevision? returned);
            if (succeeded)
            {
                model.Applied(command, before, content);
            }

            law(new Step(command, succeeded, before, Snapshot.Of(plan), plan, model, succeeded ? returned : null));
        }
    }

    /// <summary>The plan's observable state as text, to compare plans built separately.</summary>
    private static string Describe(TreatmentPlan plan) =>
        string.Join(
            Environment.NewLine,
            [
                $"{plan.Status} v{plan.Version} activated {plan.ActivatedAt} chosen {plan.ChosenOption} next review {plan.NextReviewDue}",
                $"current {plan.Current}",
                .. plan.Revisions.Select(r => RevisionFacts.Of(r).ToString()),
                .. plan.Explanations.Select(e => e.ToString()),
                .. plan.Reviews.Select(r => $"review {r.At} [{string.Join(", ", r.GoalsDiscussed)}]"),
                .. plan.PendingEvents.Select(e => e.ToString()),
            ]);

    private sealed record Step(Command Command, bool Succeeded, Snapshot Before, Snapshot After, TreatmentPlan Plan, Model Model, PlanRevision? Returned);

    /// <summary>What the successful commands so far say the plan's history must be.</summary>
    private sealed class Model(PlanContent draft)
    {
        public int Successes { get; private set; }

        /// <summary>The draft content: as drafted, then each content a successful ChangeDraft was given.</summary>
        public PlanContent Draft { get; private set; } = draft;

        /// <summary>The content of each agreed version: the draft's on activation, then each content a successful Revise was given.</summary>
        public List<PlanContent> Agreed { get; } = [];

        /// <summary>Each revision's facts, as the command that made it gave them.</summary>
        public List<RevisionFacts> Facts { get; } = [];

        public void Applied(Command command, Snapshot before, PlanContent? content)
        {
            Successes++;
            switch (command)
            {
                case ChangeDraftCommand:
                    Draft = content!;
                    break;
                case ActivateCommand a:
                    Agreed.Add(before.Current);
                    Facts.Add(new RevisionFacts(1, a.At, a.By, string.Empty, string.Empty, string.Empty, a.PatientAgreedAt, before.Current.ToString()));
                    break;
                case ReviseCommand r:
                    Agreed.Add(content!);
                    Facts.Add(new RevisionFacts(
                        Agreed.Count, r.At, r.By, string.Join(" ", r.Reasons), string.Join(" ", r.Progress), string.Join(" ", r.Feedback), r.PatientAgreedAt,
                        content!.ToString()));
                    break;
            }
        }
    }

    /// <summary>A revision's facts by value (its arrays as text), captured when it is made.</summary>
    private sealed record RevisionFacts(
        int Number, Instant At, Party By, string Reasons, string Progress, string Feedback, Instant? PatientAgreedAt, string Content)
    {
        public static RevisionFacts Of(PlanRevision r) => new(
            r.Number, r.At, r.By, string.Join(" ", r.ReasonCodes), string.Join(" ", r.PromptedByProgress), string.Join(" ", r.PromptedByFeedback),
            r.PatientAgreedAt, r.Content.ToString());
    }

    /// <summary>The observable state that a refused command must leave as it was: the same objects, in the same order.</summary>
    private sealed record Snapshot(
        TreatmentPlanStatus Status, long Version, int PendingCount, PlanContent Current, PlanRevision[] Revisions, Explanation[] Explanations,
        PlanReview[] Reviews, string? ChosenOption, Instant? NextReviewDue, Instant? ActivatedAt)
    {
        public static Snapshot Of(TreatmentPlan p) => new(
            p.Status, p.Version, p.PendingEvents.Count, p.Current, [.. p.Revisions], [.. p.Explanations], [.. p.Reviews], p.ChosenOption, p.NextReviewDue,
            p.ActivatedAt);

        public bool Equals(Snapshot? other) =>
            other is not null
            && Status == other.Status
            && Version == other.Version
            && PendingCount == other.PendingCount
            && ReferenceEquals(Current, other.Current)
            && Revisions.SequenceEqual(other.Revisions, ReferenceEqualityComparer.Instance)
            && Explanations.SequenceEqual(other.Explanations, ReferenceEqualityComparer.Instance)
            && Reviews.SequenceEqual(other.Reviews, ReferenceEqualityComparer.Instance)
            && ChosenOption == other.ChosenOption
            && NextReviewDue == other.NextReviewDue
            && ActivatedAt == other.ActivatedAt;

        public override int GetHashCode() => HashCode.Combine(Status, Version, Revisions.Length, Explanations.Length, Reviews.Length);

        public override string ToString() =>
            $"{Status} v{Version} events {PendingCount} revisions {Revisions.Length} explanations {Explanations.Length} reviews {Reviews.Length} "
            + $"chosen {ChosenOption} next review {NextReviewDue} activated {ActivatedAt} current {Current}";
    }

    // ---- Commands and their generators ----------------------------------------------------------

    /// <summary>Sometimes an activation first (so that sequences often get to revisions), then random commands.</summary>
    private static Arbitrary<Command[]> AnyCommands() =>
        Arb.From(
            from activateFirst in Gen.Elements(true, true, false)
            from length in Gen.Choose(0, 30)
            from commands in AnyCommand().ArrayOf(length)
            select activateFirst
                ? (Command[])[new ActivateCommand([.. PatientGoals], Party.Clinician, T0 + Duration.FromHours(1), T0 + Duration.FromHours(1)), .. commands]
                : commands,
            ShrinkCommands);

    /// <summary>Shorter sequences first: without one command at a time.</summary>
    private static IEnumerable<Command[]> ShrinkCommands(Command[] commands) =>
        Enumerable.Range(0, commands.Length).Select(skip => commands.Where((_, i) => i != skip).ToArray());

    /// <summary>Hours from drafting, over 30 days (g-2 becomes agreed on day 10).</summary>
    private static Gen<Instant> AnyInstant() => Gen.Choose(0, 30 * 24).Select(hours => T0 + Duration.FromHours(hours));

    private static Gen<Party> AnyParty() =>
        Gen.Frequency((12, Gen.Elements(Party.Patient, Party.Clinician)), (1, Gen.Constant((Party)7)));

    /// <summary>Some of the patient's goals, in order, and now and then another patient's.</summary>
    private static Gen<ImmutableArray<Goal>> AnyGoals() =>
        from included in Gen.Elements(true, true, true, false).ArrayOf(PatientGoals.Length)
        from foreign in Gen.Frequency((11, Gen.Constant(false)), (1, Gen.Constant(true)))
        select ImmutableArray.CreateRange(PatientGoals.Where((_, i) => included[i]).Concat(foreign ? [ForeignGoal] : []));

    private static Gen<string> AnyCode(params string[] codes) =>
        Gen.Frequency((8, Gen.Elements(codes)), (1, Gen.Constant("free text")));

    private static Gen<ImmutableArray<T>> SomeOf<T>(Gen<T> item, int most) =>
        from count in Gen.Choose(0, most)
        from items in item.ArrayOf(count)
        select ImmutableArray.Create(items);

    private static Gen<Edit[]> AnyEdits()
    {
        Gen<Edit> addGoal = Gen.Elements(GoalIds).Select(id => (Edit)new AddGoal(id));
        Gen<Edit> removeGoal = Gen.Elements(GoalIds).Select(id => (Edit)new RemoveGoal(id));
        Gen<Edit> addTherapy =
            from code in Gen.Elements("cbt", "ipt", "dbt")
            from count in Gen.Choose(1, 3)
            from unit in Gen.Elements(FrequencyUnit.Week, FrequencyUnit.Month)
            from goals in SomeOf(Gen.Elements(GoalIds[0], GoalIds[1], GoalIds[2]), 2)
            select (Edit)new AddTherapy(code, count, unit, goals);
        Gen<Edit> addMedication =
            from code in Gen.Elements("36437", "42347")
            from goals in Gen.Frequency(
                (12, from n in Gen.Choose(1, 2) from g in Gen.Elements(GoalIds[0], GoalIds[0], GoalIds[1], GoalIds[2]).ArrayOf(n) select ImmutableArray.Create(g)),
                (1, Gen.Constant(ImmutableArray<GoalId>.Empty)))
            select (Edit)new AddMedication(code, goals);
        Gen<Edit> removeIntervention = Gen.Choose(0, 5).Select(i => (Edit)new RemoveIntervention(i));

        return from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)))
               from edits in Gen.Frequency((2, addGoal), (2, removeGoal), (3, addTherapy), (3, addMedication), (3, removeIntervention)).ArrayOf(count)
               select edits;
    }

    private static Gen<Command> AnyCommand()
    {
        Gen<Command> changeDraft = from edits in AnyEdits() from at in AnyInstant() select (Command)new ChangeDraftCommand([.. edits], at);
        Gen<Command> explain =
            from code in AnyCode("F32.1", "F41.1")
            from at in AnyInstant()
            select (Command)new ExplainDiagnosisCommand(code, at);
        Gen<Command> discuss =
            from code in AnyCode("cbt", "ssri", "no-treatment")
            from at in AnyInstant()
            select (Command)new DiscussOptionCommand(code, at);
        Gen<Command> choose =
            from code in AnyCode("cbt", "ssri", "no-treatment")
            from at in AnyInstant()
            select (Command)new ChooseOptionCommand(code, at);
        Gen<Command> activate =
            from goals in AnyGoals()
            from party in AnyParty()
            from at in AnyInstant()
            from agreedHoursBefore in Gen.Choose(0, 48)
            select (Command)new ActivateCommand(goals, party, at - Duration.FromHours(agreedHoursBefore), at);
        Gen<Command> revise =
            from edits in AnyEdits()
            from goals in AnyGoals()
            from party in AnyParty()
            from reasons in SomeOf(AnyCode("progress-review", "side-effects", "patient-request", "phq9-improved"), 2)
            from progress in SomeOf(Gen.Frequency((12, Gen.Elements(new ProgressUpdateId("pu-1"), new ProgressUpdateId("pu-2"))), (1, Gen.Constant(default(ProgressUpdateId)))), 2)
            from feedback in SomeOf(Gen.Elements(new FeedbackId("fb-1"), new FeedbackId("fb-2")), 1)
            from agreedHoursBefore in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 24).Select(h => (int?)h)))
            from at in AnyInstant()
            select (Command)new ReviseCommand(
                [.. edits], goals, party, reasons, progress, feedback, agreedHoursBefore is { } h ? at - Duration.FromHours(h) : null, at);
        Gen<Command> scheduleReview =
            from dueDays in Gen.Choose(-3, 60)
            from at in AnyInstant()
            select (Command)new ScheduleReviewCommand(at + Duration.FromDays(dueDays), at);
        Gen<Command> recordReview =
            from goals in SomeOf(Gen.Elements(GoalIds), 2)
            from dueDays in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 60).Select(d => (int?)d)))
            from at in AnyInstant()
            select (Command)new RecordReviewCommand(goals, dueDays is { } d ? at + Duration.FromDays(d) : null, at);
        Gen<Command> hold = AnyInstant().Select(at => (Command)new PutOnHoldCommand(at));
        Gen<Command> resume = AnyInstant().Select(at => (Command)new ResumeCommand(at));
        Gen<Command> revoke = AnyInstant().Select(at => (Command)new RevokeCommand(at));
        Gen<Command> complete = AnyInstant().Select(at => (Command)new CompleteCommand(at));
        Gen<Command> enteredInError = AnyInstant().Select(at => (Command)new MarkEnteredInErrorCommand(at));

        // Weighted towards content changes, holds and resumes, so that sequences get past the closed statuses' pull.
        return Gen.Frequency(
            (3, changeDraft), (1, explain), (2, discuss), (2, choose), (3, activate), (10, revise), (1, scheduleReview), (2, recordReview),
            (3, hold), (3, resume), (1, revoke), (1, complete), (1, enteredInError));
    }

    private static Type EventTypeOf(Command command) => command switch
    {
        ChangeDraftCommand => typeof(TreatmentPlanDraftChanged),
        ExplainDiagnosisCommand or DiscussOptionCommand or ChooseOptionCommand => typeof(TreatmentPlanExplanationGiven),
        ActivateCommand or ReviseCommand => typeof(TreatmentPlanRevised),
        ScheduleReviewCommand or RecordReviewCommand => typeof(TreatmentPlanReviewed),
        PutOnHoldCommand or ResumeCommand or RevokeCommand or CompleteCommand or MarkEnteredInErrorCommand => typeof(TreatmentPlanStatusChanged),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command of these tests."),
    };

    private static string Show<T>(IEnumerable<T> items) => $"[{string.Join(", ", items)}]";

    /// <summary>A change to a plan's content, through its <c>With…</c> methods; it may throw <see cref="ArgumentException"/>.</summary>
    private abstract record Edit
    {
        public abstract PlanContent Apply(PlanContent content);
    }

    private sealed record AddGoal(GoalId Goal) : Edit
    {
        public override PlanContent Apply(PlanContent content) => content.WithGoal(Goal);
    }

    private sealed record RemoveGoal(GoalId Goal) : Edit
    {
        public override PlanContent Apply(PlanContent content) => content.WithoutGoal(Goal);
    }

    private sealed record AddTherapy(string Code, int Count, FrequencyUnit Unit, ImmutableArray<GoalId> Goals) : Edit
    {
        public override PlanContent Apply(PlanContent content) =>
            content.WithIntervention(new PsychotherapyIntervention(Code, new SessionFrequency(Count, Unit), Goals));

        public override string ToString() => $"AddTherapy({Code} {Count}/{Unit} {Show(Goals)})";
    }

    private sealed record AddMedication(string Code, ImmutableArray<GoalId> Goals) : Edit
    {
        public override PlanContent Apply(PlanContent content) => content.WithIntervention(new MedicationIntervention(Code, Goals));

        public override string ToString() => $"AddMedication({Code} {Show(Goals)})";
    }

    /// <summary>Stops the intervention at <see cref="Index"/> modulo their number; with none, stops one that is not in the plan.</summary>
    private sealed record RemoveIntervention(int Index) : Edit
    {
        public override PlanContent Apply(PlanContent content) => content.WithoutIntervention(
            content.Interventions.IsEmpty
                ? new PsychotherapyIntervention("cbt", Plans.Weekly, [])
                : content.Interventions[Index % content.Interventions.Length]);
    }

    private abstract record Command(Instant At)
    {
        /// <summary>The content the command passes to the plan, derived from its current content; null for commands without one.</summary>
        public virtual PlanContent? ContentFor(TreatmentPlan plan) => null;

        /// <summary>Applies the command with <paramref name="content"/> from <see cref="ContentFor"/>; returns the revision Revise made.</summary>
        public abstract PlanRevision? Run(TreatmentPlan plan, PlanContent? content);
    }

    /// <summary>A command that passes content: the current content with <see cref="Edits"/> applied in order.</summary>
    private abstract record ContentCommand(ImmutableArray<Edit> Edits, Instant At) : Command(At)
    {
        public override PlanContent? ContentFor(TreatmentPlan plan) => Edits.Aggregate(plan.Current, (content, edit) => edit.Apply(content));
    }

    private sealed record ChangeDraftCommand(ImmutableArray<Edit> Edits, Instant At) : ContentCommand(Edits, At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.ChangeDraft(content!, At);
            return null;
        }

        public override string ToString() => $"ChangeDraft({Show(Edits)}, {At})";
    }

    private sealed record ExplainDiagnosisCommand(string Code, Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.ExplainDiagnosis(Code, At);
            return null;
        }
    }

    private sealed record DiscussOptionCommand(string Code, Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.DiscussOption(Code, At);
            return null;
        }
    }

    private sealed record ChooseOptionCommand(string Code, Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.ChooseOption(Code, At);
            return null;
        }
    }

    private sealed record ActivateCommand(ImmutableArray<Goal> Goals, Party By, Instant PatientAgreedAt, Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.Activate(Goals, By, PatientAgreedAt, At);
            return null;
        }

        public override string ToString() => $"Activate({GoalList(Goals)}, {By}, agreed {PatientAgreedAt}, {At})";
    }

    private sealed record ReviseCommand(
        ImmutableArray<Edit> Edits, ImmutableArray<Goal> Goals, Party By, ImmutableArray<string> Reasons, ImmutableArray<ProgressUpdateId> Progress,
        ImmutableArray<FeedbackId> Feedback, Instant? PatientAgreedAt, Instant At) : ContentCommand(Edits, At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content) =>
            plan.Revise(content!, Goals, By, Reasons, Progress, Feedback, PatientAgreedAt, At);

        public override string ToString() =>
            $"Revise({Show(Edits)}, {GoalList(Goals)}, {By}, reasons {Show(Reasons.Select(r => $"'{r}'"))}, progress {Show(Progress)}, "
            + $"feedback {Show(Feedback)}, agreed {PatientAgreedAt}, {At})";
    }

    private sealed record ScheduleReviewCommand(Instant Due, Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.ScheduleReview(Due, At);
            return null;
        }
    }

    private sealed record RecordReviewCommand(ImmutableArray<GoalId> Goals, Instant? NextDue, Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.RecordReview(Goals, NextDue, At);
            return null;
        }

        public override string ToString() => $"RecordReview({Show(Goals)}, {NextDue}, {At})";
    }

    private sealed record PutOnHoldCommand(Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.PutOnHold(At);
            return null;
        }
    }

    private sealed record ResumeCommand(Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.Resume(At);
            return null;
        }
    }

    private sealed record RevokeCommand(Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.Revoke(At);
            return null;
        }
    }

    private sealed record CompleteCommand(Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.Complete(At);
            return null;
        }
    }

    private sealed record MarkEnteredInErrorCommand(Instant At) : Command(At)
    {
        public override PlanRevision? Run(TreatmentPlan plan, PlanContent? content)
        {
            plan.MarkEnteredInError(At);
            return null;
        }
    }

    private static string GoalList(IEnumerable<Goal> goals) => Show(goals.Select(g => $"{g.Id}@{g.PatientId}{(g.IsAgreed ? $" agreed {g.AgreedAt}" : string.Empty)}"));
}
