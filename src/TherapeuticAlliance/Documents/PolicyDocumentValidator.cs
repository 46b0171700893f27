using System;
using System.Collections.Generic;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// Checks a parsed <c>therapeutic-alliance/policy@1</c> document (the root <see cref="JsonElement"/>) and lists every
/// problem with its JSON path as the failure's property name (<c>$.settings.time.cancellationNotice</c>,
/// <c>$.sources[2].edition</c>) and a stable code (<see cref="DocumentErrorCodes"/>).
/// </summary>
/// <remarks>
/// <para>
/// The document is read by the same mapping that <see cref="PolicyDocument.Write(BoundaryPolicy)"/> writes, so a
/// setting's path is <c>$.settings.</c> followed by its change-log path (<see cref="PolicyChange.Setting"/>). Every
/// property is required; unknown and repeated properties are problems. A document whose <c>schema</c> is not
/// <see cref="PolicyDocument.SchemaName"/> gets that one problem and is not checked further. The checks across members
/// (the change log against the version) run once every member has been read.
/// </para>
/// <para>
/// Messages hold paths, expected types and allowed values, never text from the document, and no failure carries an
/// attempted value. Size and depth limits apply to text (<see cref="PolicyDocument.Read(string)"/>); a
/// <see cref="JsonElement"/> has already been parsed. Stateless and thread-safe: build one and reuse it.
/// </para>
/// </remarks>
public sealed class PolicyDocumentValidator : AbstractValidator<JsonElement>
{
    /// <summary>Where a successful validation leaves the policy, in the context's root data, so that reading builds it only once.</summary>
    internal const string PolicyKey = "TherapeuticAlliance.Boundaries.Policy";

    /// <summary>Creates the validator.</summary>
    public PolicyDocumentValidator()
    {
        RuleFor(document => document).Custom((document, context) =>
        {
            var problems = new List<ValidationFailure>();
            BoundaryPolicy? policy;
            try
            {
                policy = Read(document, problems);
            }
            catch (InvalidOperationException)
            {
                // JsonElement throws this for a string or name that escapes an unpaired surrogate (PolicyDocument.Read finds these before parsing).
                problems.Add(new ValidationFailure("$", "The document has a string or property name that escapes an unpaired surrogate: it is not valid text.")
                {
                    ErrorCode = DocumentErrorCodes.Syntax,
                });
                policy = null;
            }

            if (policy is not null)
            {
                context.RootContextData[PolicyKey] = policy;
            }

            problems.ForEach(context.AddFailure);
        });
    }

    private static BoundaryPolicy? Read(JsonElement document, List<ValidationFailure> problems)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationFailure("$", "'$' must be an object.") { ErrorCode = DocumentErrorCodes.Type });
            return null;
        }

        if (!document.TryGetProperty("schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.String || !schema.ValueEquals(PolicyDocument.SchemaName))
        {
            problems.Add(new ValidationFailure("$.schema", $"'$.schema' must be \"{PolicyDocument.SchemaName}\": this reads no other kind or version of document.")
            {
                ErrorCode = DocumentErrorCodes.Schema,
            });
            return null;
        }

        if (!DocumentMapper.TryRead(document, typeof(PolicyDocumentModel), "$", problems, out object? read) || read is not PolicyDocumentModel model)
        {
            return null;
        }

        foreach ((string path, string problem) in BoundaryPolicy.ChangeLogProblems(model.Version, model.EffectiveDate, model.ChangeLog))
        {
            problems.Add(new ValidationFailure($"$.{path}", $"'$.{path}' does not fit the policy: {problem}") { ErrorCode = DocumentErrorCodes.Invalid });
        }

        if (problems.Count > 0)
        {
            return null;
        }

        try
        {
            return model.ToPolicy();
        }
        catch (ArgumentException e)
        {
            // Not reached while the model checks what Create checks; kept so that a new rule cannot escape as an exception.
            string path = "$." + DocumentMapper.Camel(e.ParamName ?? "version");
            problems.Add(new ValidationFailure(path, $"'{path}' is not accepted by the policy.") { ErrorCode = DocumentErrorCodes.Invalid });
            return null;
        }
    }
}
