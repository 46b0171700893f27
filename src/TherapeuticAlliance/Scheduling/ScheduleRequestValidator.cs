using System;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using FluentValidation.Results;
using NodaTime;
using NodaTime.TimeZones;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// Checks a <see cref="ScheduleRequest"/> and lists every problem with its property path and a stable
/// error code (<see cref="ScheduleRequestErrorCodes"/>). Messages never repeat the rejected value.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: build one and reuse it (building is the expensive part). Time zones are
/// looked up in <see cref="DateTimeZoneProviders.Tzdb"/>. Each failure's <c>AttemptedValue</c> and
/// <c>PropertyValue</c> placeholder are cleared, also on the <c>ValidateAndThrow</c> path: a rejected value
/// may be text a person typed, and failures tend to end up in logs.
/// </remarks>
public sealed class ScheduleRequestValidator : AbstractValidator<ScheduleRequest>
{
    /// <summary>Creates the validator.</summary>
    public ScheduleRequestValidator()
    {
        // One problem per property: a missing value is not also reported as malformed.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r.AppointmentId).FhirId();
        RuleFor(r => r.PatientId).FhirId();
        RuleFor(r => r.ClinicianId).FhirId();

        RuleFor(r => r.Kind)
            .NotEmpty().WithErrorCode(ScheduleRequestErrorCodes.Required)
            .Must(k => ScheduleRequest.TryParseKind(k, out _)).WithErrorCode(ScheduleRequestErrorCodes.UnknownKind)
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", Enum.GetNames<SessionKind>())}.");

        RuleFor(r => r.LocalStart)
            .NotEmpty().WithErrorCode(ScheduleRequestErrorCodes.Required)
            .Must(s => ScheduleRequest.TryParseLocalStart(s, out _)).WithErrorCode(ScheduleRequestErrorCodes.LocalTimeFormat)
            .WithMessage("'{PropertyName}' must be a local date and time in ISO 8601 without an offset, in the years 1 to 9998, for example 2026-06-09T09:00.");

        RuleFor(r => r.ZoneId)
            .NotEmpty().WithErrorCode(ScheduleRequestErrorCodes.Required)
            .Must(z => DateTimeZoneProviders.Tzdb.GetZoneOrNull(z!) is not null).WithErrorCode(ScheduleRequestErrorCodes.UnknownZone)
            .WithMessage("'{PropertyName}' must be an IANA time-zone id such as America/New_York.");

        RuleFor(r => r.LengthMinutes)
            .NotNull().WithErrorCode(ScheduleRequestErrorCodes.Required)
            .InclusiveBetween(1, 1440).WithErrorCode(ScheduleRequestErrorCodes.LengthRange)
            .WithMessage("'{PropertyName}' must be between 1 and 1440 minutes.");

        RuleFor(r => r.DstResolution)
            .Must(d => ScheduleRequest.TryParseResolution(d, out _)).WithErrorCode(ScheduleRequestErrorCodes.UnknownDstResolution)
            .WithMessage("'{PropertyName}' must be Reject or Lenient.");

        // Only meaningful once the time and zone are readable, and only when the caller asks us to refuse.
        RuleFor(r => r.LocalStart)
            .Custom((_, context) =>
            {
                ScheduleRequest r = context.InstanceToValidate;
                if (!ScheduleRequest.TryParseLocalStart(r.LocalStart, out LocalDateTime local)
                    || r.ZoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.ZoneId) is not { } zone
                    || !ScheduleRequest.TryParseResolution(r.DstResolution, out ZoneLocalMappingResolver? resolver) || resolver is not null)
                {
                    return;
                }

                switch (zone.MapLocal(local).Count)
                {
                    case 0:
                        context.AddFailure(new ValidationFailure(context.PropertyPath,
                            "'Local Start' falls in a daylight-saving gap in that zone: the time does not exist. Choose another time or set DstResolution to Lenient.")
                        { ErrorCode = ScheduleRequestErrorCodes.DstGap });
                        break;
                    case 2:
                        context.AddFailure(new ValidationFailure(context.PropertyPath,
                            "'Local Start' falls in a daylight-saving overlap in that zone: the time happens twice. Choose another time or set DstResolution to Lenient.")
                        { ErrorCode = ScheduleRequestErrorCodes.DstOverlap });
                        break;
                }
            });
    }

    /// <inheritdoc/>
    public override ValidationResult Validate(ValidationContext<ScheduleRequest> context) => WithoutRejectedValues(base.Validate(context));

    /// <inheritdoc/>
    public override async Task<ValidationResult> ValidateAsync(ValidationContext<ScheduleRequest> context, CancellationToken cancellation = default) =>
        WithoutRejectedValues(await base.ValidateAsync(context, cancellation).ConfigureAwait(false));

    /// <inheritdoc/>
    protected override void RaiseValidationException(ValidationContext<ScheduleRequest> context, ValidationResult result)
    {
        // ValidateAndThrow throws from inside Validate: scrub before the failures leave in the exception.
        base.RaiseValidationException(context, WithoutRejectedValues(result));
    }

    private static ValidationResult WithoutRejectedValues(ValidationResult result)
    {
        foreach (ValidationFailure failure in result.Errors)
        {
            failure.AttemptedValue = null;
            failure.FormattedMessagePlaceholderValues?.Remove("PropertyValue");
        }

        return result;
    }
}

/// <summary>The error codes of <see cref="ScheduleRequestValidator"/>. Stable: hosts may map them to their own messages.</summary>
public static class ScheduleRequestErrorCodes
{
    /// <summary>A required value is missing.</summary>
    public const string Required = "TA.REQ.REQUIRED";

    /// <summary>An id is not in FHIR id syntax.</summary>
    public const string IdSyntax = "TA.REQ.ID_SYNTAX";

    /// <summary>The session kind is not one of <see cref="SessionKind"/>.</summary>
    public const string UnknownKind = "TA.REQ.UNKNOWN_KIND";

    /// <summary>The local start is not an ISO 8601 local date-time.</summary>
    public const string LocalTimeFormat = "TA.REQ.LOCAL_TIME_FORMAT";

    /// <summary>The time-zone id is not known.</summary>
    public const string UnknownZone = "TA.REQ.UNKNOWN_ZONE";

    /// <summary>The length is out of range.</summary>
    public const string LengthRange = "TA.REQ.LENGTH_RANGE";

    /// <summary>The DST resolution is not Reject or Lenient.</summary>
    public const string UnknownDstResolution = "TA.REQ.UNKNOWN_DST_RESOLUTION";

    /// <summary>The local start does not exist in the zone (spring-forward gap).</summary>
    public const string DstGap = "TA.REQ.DST_GAP";

    /// <summary>The local start happens twice in the zone (fall-back overlap).</summary>
    public const string DstOverlap = "TA.REQ.DST_OVERLAP";
}
