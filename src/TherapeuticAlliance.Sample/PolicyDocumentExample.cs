using System;
using FluentValidation.Results;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Documents;

/// <summary>The README's policy-document example: a preset written and read back, and a document with mistakes.</summary>
internal static class PolicyDocumentExample
{
    public static void Run()
    {
        // policy-document:begin
        string json = PolicyDocument.Write(BoundaryPresets.UsPsychology);
        PolicyReadResult read = PolicyDocument.Read(json);
        Console.WriteLine($"{read.Policy}: the same text again: {PolicyDocument.Write(read.Policy!) == json}");

        // A document with three mistakes: each is listed with its JSON path, and no policy is loaded.
        string broken = json
            .Replace("\"cancellationNotice\": \"1:00:00:00\"", "\"cancellationNotice\": 24", StringComparison.Ordinal)
            .Replace("\"minimumGoalShare\": 0.5", "\"minimumGoalShare\": 2", StringComparison.Ordinal)
            .Replace("\"law\": \"hipaa\"", "\"law\": \"hippa\"", StringComparison.Ordinal);
        PolicyReadResult rejected = PolicyDocument.Read(broken);
        Console.WriteLine($"loaded: {rejected.IsValid}");
        foreach (ValidationFailure problem in rejected.Validation.Errors)
        {
            Console.WriteLine($"{problem.ErrorCode} {problem.PropertyName}: {problem.ErrorMessage}");
        }
        // policy-document:end
    }
}
