using System.Diagnostics.CodeAnalysis;
using System.Linq;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// What <see cref="PolicyDocument.Read(string)"/> found: the policy, or every problem with its JSON path and error
/// code (<see cref="DocumentErrorCodes"/>), never both.
/// </summary>
/// <remarks>Immutable. Problem messages hold paths, expected types and allowed values, never text from the document.</remarks>
public sealed class PolicyReadResult
{
    internal PolicyReadResult(BoundaryPolicy policy)
    {
        Policy = policy;
        Validation = new ValidationResult();
    }

    internal PolicyReadResult(ValidationResult validation)
    {
        Validation = validation;
    }

    /// <summary>The policy; null when the document has any problem.</summary>
    public BoundaryPolicy? Policy { get; }

    /// <summary>
    /// Every problem: each failure's <see cref="ValidationFailure.PropertyName"/> is a JSON path such as
    /// <c>$.settings.time.cancellationNotice</c> or <c>$.sources[2].edition</c>, and its
    /// <see cref="ValidationFailure.ErrorCode"/> one of <see cref="DocumentErrorCodes"/>. Valid and empty when the policy was read.
    /// </summary>
    public ValidationResult Validation { get; }

    /// <summary>Whether the document was read: <see cref="Policy"/> is set and there are no problems.</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool IsValid => Policy is not null;

    /// <summary>Returns the policy, or the number of problems with each one's code and path.</summary>
    public override string ToString() => IsValid
        ? $"Read {Policy}"
        : $"{Validation.Errors.Count} problem(s): {string.Join("; ", Validation.Errors.Select(e => $"{e.ErrorCode} at {e.PropertyName}"))}";
}
