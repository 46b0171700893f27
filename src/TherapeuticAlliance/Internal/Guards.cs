using System;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// Our own guard clauses. Internal on purpose: public extensions in Ardalis' namespace would become
/// our public API in someone else's namespace.
/// </summary>
/// <remarks>
/// Messages name the parameter and the expected shape, never the rejected value: a caller who
/// passes a patient's name where an id belongs must not see it echoed into a log.
/// </remarks>
internal static partial class Guards
{
    /// <summary>FHIR id syntax: <c>[A-Za-z0-9\-.]{1,64}</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9\-.]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FhirIdRegex();

    /// <summary>A code token: letters, digits and <c>- . _ :</c>, 1 to 64 characters, no spaces.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-._:]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();

    internal static bool IsFhirId(string? value) => value is not null && FhirIdRegex().IsMatch(value);

    internal static bool IsCode(string? value) => value is not null && CodeRegex().IsMatch(value);

    public static string InvalidFhirId(this IGuardClause _, string? input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        Guard.Against.Null(input, parameterName);
        if (!IsFhirId(input))
        {
            throw new ArgumentException(
                "The value is not a valid id: ids use FHIR id syntax, 1 to 64 characters from A-Z, a-z, 0-9, '-' and '.'.",
                parameterName);
        }

        return input;
    }

    public static string InvalidCode(this IGuardClause _, string? input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        Guard.Against.Null(input, parameterName);
        if (!IsCode(input))
        {
            throw new ArgumentException(
                "The value is not a valid code: codes are 1 to 64 characters from A-Z, a-z, 0-9, '-', '.', '_' and ':', starting with a letter or digit. Free text is not accepted.",
                parameterName);
        }

        return input;
    }

    public static T UndefinedEnum<T>(this IGuardClause _, T input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(input))
        {
            throw new ArgumentOutOfRangeException(parameterName, $"The value is not a defined {typeof(T).Name}.");
        }

        return input;
    }

    /// <summary>Rejects the default value of a strongly typed id (whose <c>Value</c> is null).</summary>
    public static T NotDefault<T>(T id, string? value, [CallerArgumentExpression(nameof(id))] string? parameterName = null)
    {
        if (value is null)
        {
            throw new ArgumentException("The id is the default value, which is not a valid id.", parameterName);
        }

        return id;
    }

    /// <summary>Free text that must be present: not blank, at most <paramref name="maximumLength"/> characters.</summary>
    public static string RequiredFreeText(string? text, int maximumLength, [CallerArgumentExpression(nameof(text))] string? parameterName = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > maximumLength)
        {
            throw new ArgumentException($"The text must not be blank and must be at most {maximumLength} characters.", parameterName);
        }

        return text;
    }

    /// <summary>Free text that may be absent (null); when given, not blank and at most <paramref name="maximumLength"/> characters.</summary>
    public static string? OptionalFreeText(string? text, int maximumLength, [CallerArgumentExpression(nameof(text))] string? parameterName = null) =>
        text is null ? null : RequiredFreeText(text, maximumLength, parameterName);
}
