using System.IO;
using FluentValidation.Results;

namespace TherapeuticAlliance.Cli;

/// <summary>How the tool reports a problem: one line each, with the JSON path (or option) and the code, never a stack trace.</summary>
internal static class Problems
{
    /// <summary>The code of a usage problem (an unknown option, a bad value).</summary>
    public const string Usage = "TA.CLI.USAGE";

    /// <summary>The code of a file that cannot be read or written.</summary>
    public const string Io = "TA.CLI.IO";

    /// <summary>The code of a failure that is not the input's fault.</summary>
    public const string Internal = "TA.CLI.INTERNAL";

    /// <summary>Writes a heading naming the source, then every failure as <c>  PATH: CODE: message</c>.</summary>
    public static void Write(TextWriter error, string heading, ValidationResult validation)
    {
        int count = validation.Errors.Count;
        error.WriteLine($"alliance: {heading} ({count} problem{(count == 1 ? "" : "s")}):");
        foreach (ValidationFailure failure in validation.Errors)
        {
            string path = string.IsNullOrEmpty(failure.PropertyName) ? "$" : failure.PropertyName;
            error.WriteLine($"  {path}: {failure.ErrorCode}: {failure.ErrorMessage}");
        }
    }

    /// <summary>Writes one problem as <c>alliance: WHERE: CODE: message</c>.</summary>
    public static void WriteOne(TextWriter error, string where, string code, string message) =>
        error.WriteLine($"alliance: {where}: {code}: {message}");
}
