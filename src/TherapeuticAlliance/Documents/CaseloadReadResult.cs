using System.Diagnostics.CodeAnalysis;
using System.Linq;
using FluentValidation.Results;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// What <see cref="CaseloadDocument.Read(System.IO.Stream)"/> found: the caseload, or every
/// problem with its JSON path and error code (<see cref="DocumentErrorCodes"/>), never both.
/// </summary>
/// <remarks>Immutable. Problem messages hold paths, expected types, allowed values and rule codes, never text from the document.</remarks>
public sealed class CaseloadReadResult
{
    internal CaseloadReadResult(Caseload? caseload, ValidationResult validation)
    {
        Caseload = validation.IsValid ? caseload : null;
        Validation = validation;
    }

    /// <summary>The caseload; null when the document has any problem.</summary>
    public Caseload? Caseload { get; }

    /// <summary>
    /// Every problem: each failure's <see cref="ValidationFailure.PropertyName"/> is a JSON path such as
    /// <c>$.patients[3].appointments[0].history[2].arrivedAt</c>, and its <see cref="ValidationFailure.ErrorCode"/> one
    /// of <see cref="DocumentErrorCodes"/>. Valid and empty when the caseload was read.
    /// </summary>
    public ValidationResult Validation { get; }

    /// <summary>Whether the document was read: <see cref="Caseload"/> is set and there are no problems.</summary>
    [MemberNotNullWhen(true, nameof(Caseload))]
    public bool IsValid => Caseload is not null;

    /// <summary>Returns the caseload's size, or the number of problems with each one's code and path.</summary>
    public override string ToString() => IsValid
        ? $"Read {Caseload}"
        : $"{Validation.Errors.Count} problem(s): {string.Join("; ", Validation.Errors.Select(e => $"{e.ErrorCode} at {e.PropertyName}"))}";
}
