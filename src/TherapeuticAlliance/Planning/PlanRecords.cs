using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Planning;

/// <summary>What kind of explanation the clinician gave.</summary>
public enum ExplanationKind
{
    /// <summary>A diagnosis was explained in clear language.</summary>
    DiagnosisExplained = 0,

    /// <summary>A treatment option (including no treatment) was discussed: its nature, burdens, risks and benefits.</summary>
    OptionDiscussed = 1,

    /// <summary>The patient chose an option that had been discussed.</summary>
    OptionChosen = 2,
}

/// <summary>One explanation given to the patient: a diagnosis or option code, and when.</summary>
/// <param name="Kind">What was explained, discussed or chosen.</param>
/// <param name="Code">The diagnosis code (for example ICD-10 <c>F32.1</c>) or option code.</param>
/// <param name="At">When.</param>
/// <exception cref="ArgumentException"><paramref name="Code"/> is not a code token.</exception>
public sealed record Explanation(ExplanationKind Kind, string Code, Instant At)
{
    private readonly string _code = Guard.Against.InvalidCode(Code);

    /// <summary>The diagnosis or option code; checked to be a code token on every assignment.</summary>
    public string Code { get => _code; init => _code = Guard.Against.InvalidCode(value); }
}

/// <summary>
/// One agreed version of a treatment plan, in its append-only history: number, instant, party, reason
/// codes, the progress updates and feedback that prompted it, the patient's agreement and the content.
/// Revision 1 is the plan as first activated.
/// </summary>
/// <param name="Number">1 for the activated plan, then 2, 3…</param>
/// <param name="At">When the revision was made.</param>
/// <param name="By">Who made it.</param>
/// <param name="ReasonCodes">Why (code tokens); empty when no reason was given.</param>
/// <param name="PromptedByProgress">The progress updates that prompted it.</param>
/// <param name="PromptedByFeedback">The feedback that prompted it.</param>
/// <param name="PatientAgreedAt">When the patient agreed to this version; null when they have not.</param>
/// <param name="Content">The plan's content in this version.</param>
public sealed record PlanRevision(
    int Number,
    Instant At,
    Party By,
    ImmutableArray<string> ReasonCodes,
    ImmutableArray<ProgressUpdateId> PromptedByProgress,
    ImmutableArray<FeedbackId> PromptedByFeedback,
    Instant? PatientAgreedAt,
    PlanContent Content)
{
    private readonly ImmutableArray<string> _reasonCodes = Codes(ReasonCodes);

    /// <summary>Why (code tokens); empty when no reason was given. Checked on every assignment.</summary>
    public ImmutableArray<string> ReasonCodes { get => _reasonCodes; init => _reasonCodes = Codes(value); }

    private static ImmutableArray<string> Codes(ImmutableArray<string> codes)
    {
        ImmutableArray<string> list = codes.IsDefault ? [] : codes;
        if (!list.All(Guards.IsCode))
        {
            throw new ArgumentException("Reason codes must be code tokens; free text is not accepted.", nameof(codes));
        }

        return list;
    }
}

/// <summary>A review of the plan with the patient: when, and which goals were discussed.</summary>
/// <param name="At">When the review took place.</param>
/// <param name="GoalsDiscussed">The goals discussed.</param>
public sealed record PlanReview(Instant At, ImmutableArray<GoalId> GoalsDiscussed);
