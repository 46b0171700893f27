using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;

namespace TherapeuticAlliance.Cli;

/// <summary><c>alliance sample</c>: writes a seeded synthetic caseload document, streamed patient by patient.</summary>
internal static class SampleCommand
{
    public static Command Create(Dictionary<Command, string[]> examples)
    {
        var patients = new Option<int>("--patients")
        {
            Description = "How many patients (about 40 sessions each over 52 weeks; one in 50 carries a planted boundary problem).",
            HelpName = "N",
            DefaultValueFactory = _ => EmbeddedSample.Options.Patients,
        };
        patients.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--patients must be 0 or more.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed writes the same bytes.", HelpName = "S", DefaultValueFactory = _ => EmbeddedSample.Options.Seed };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command(
            "sample",
            "Writes a synthetic therapeutic-alliance/caseload@1 document (compact JSON). The defaults, 20 patients and seed 49, "
            + "write the sample 'alliance audit' audits without a FILE.")
        {
            patients, seed, output,
        };
        examples[command] =
        [
            "alliance sample",
            "alliance sample --patients 500 --seed 7 --output caseload.json",
            "alliance sample --patients 30000 --output big.json && alliance audit big.json --as-of 2026-01-04",
        ];
        command.SetAction(parse =>
        {
            var options = new SyntheticCaseloadOptions { Patients = parse.GetValue(patients), Seed = parse.GetValue(seed) };
            string? path = parse.GetValue(output);
            TextWriter stdout = parse.InvocationConfiguration.Output;
            if (path is null)
            {
                Write(options, new TextWriterStream(stdout));
                stdout.Flush();
                return ExitCodes.Ok;
            }

            using Stream? stream = Files.OpenWrite(path, parse.InvocationConfiguration.Error);
            if (stream is null)
            {
                return ExitCodes.Invalid;
            }

            Write(options, stream);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes the caseload the options generate, as <c>alliance sample</c> does.</summary>
    public static void Write(SyntheticCaseloadOptions options, Stream stream)
    {
        CaseloadDocument.Write(SyntheticCaseload.Clinicians(options), SyntheticCaseload.Patients(options), stream, indented: false);
        stream.Flush();
    }
}
