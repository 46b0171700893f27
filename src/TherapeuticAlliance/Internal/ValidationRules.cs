using FluentValidation;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Internal;

/// <summary>Reusable FluentValidation rules for inbound documents and requests.</summary>
internal static class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> FhirId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithErrorCode(ScheduleRequestErrorCodes.Required)
            .Must(Guards.IsFhirId).WithErrorCode(ScheduleRequestErrorCodes.IdSyntax)
            .WithMessage("'{PropertyName}' must be an id in FHIR id syntax: 1 to 64 characters from A-Z, a-z, 0-9, '-' and '.'.");
}
