using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Documents;

namespace TherapeuticAlliance.Cli;

/// <summary><c>alliance audit [FILE]</c>: streams a caseload document through the compliance audit and writes the report.</summary>
internal static class AuditCommand
{
    public const string DefaultPreset = "us-psychiatry";

    private static readonly string[] Formats = ["text", "json", "junit", "markdown"];
    private static readonly string[] Thresholds = ["violation", "review", "warning"];

    public static Command Create(CliEnvironment environment, Dictionary<Command, string[]> examples)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A therapeutic-alliance/caseload@1 document. Without it, the embedded sample caseload (20 synthetic patients, seed 49, whose planted double booking is a violation) is audited.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var policy = new Option<string?>("--policy") { Description = "A therapeutic-alliance policy document to audit against.", HelpName = "FILE" };
        var preset = new Option<string?>("--preset") { Description = $"A preset policy to audit against (see 'alliance policy list'). Default: {DefaultPreset}.", HelpName = "NAME" };
        preset.AcceptOnlyFromAmong([.. BoundaryPresets.All.Keys.Order(StringComparer.Ordinal)]);
        var asOf = new Option<string?>("--as-of") { Description = AsOfParser.Description, HelpName = "DATE" };
        asOf.Validators.Add(result =>
        {
            string? text = result.GetValueOrDefault<string?>();
            if (text is not null && !AsOfParser.TryParse(text, out _))
            {
                result.AddError($"'{text}' is not an ISO instant (2026-01-05T12:00:00Z), date-time with offset or date (2026-01-04).");
            }
        });
        var format = new Option<string>("--format") { Description = "The report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding is at or above this outcome (warning < review < violation).",
            DefaultValueFactory = _ => "violation",
        };
        failOn.AcceptOnlyFromAmong(Thresholds);

        var command = new Command(
            "audit",
            "Audits a caseload against a boundary policy as of an instant and writes the compliance report. The file is streamed, "
            + "patient by patient, over every processor; nothing is written when the document has a problem.\n"
            + "Without FILE, the embedded sample is audited, as of its own as-of, and the first line of output says so "
            + "(on standard output for a text report there, otherwise on standard error, so JSON, JUnit and Markdown stay pure).")
        {
            file, policy, preset, asOf, format, output, failOn,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(policy) is { Implicit: false } && result.GetResult(preset) is { Implicit: false })
            {
                result.AddError("--policy and --preset cannot be used together: give one policy.");
            }
        });
        examples[command] =
        [
            "alliance audit",
            "alliance audit caseload.json --as-of 2026-01-04",
            "alliance audit caseload.json --preset us-psychology --fail-on review",
            "alliance audit caseload.json --policy clinic-policy.json --as-of 2026-01-05T05:00:00Z",
            "alliance audit caseload.json --format junit --output audit.xml",
        ];

        command.SetAction(parse => new Run(
            environment,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetValue(file),
            parse.GetValue(policy),
            parse.GetValue(preset),
            parse.GetValue(asOf),
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(failOn)!).Execute());
        return command;
    }

    private static Outcome Threshold(string failOn) => failOn switch
    {
        "warning" => Outcome.Warning,
        "review" => Outcome.NeedsReview,
        _ => Outcome.Violation,
    };

    private sealed record Run(
        CliEnvironment Environment, TextWriter Out, TextWriter Error, string? File, string? PolicyFile, string? Preset, string? AsOf,
        string Format, string? OutputFile, string FailOn)
    {
        public int Execute()
        {
            BoundaryPolicy? policy = ReadPolicy();
            if (policy is null)
            {
                return ExitCodes.Invalid;
            }

            Instant asOf = AsOf is not null && AsOfParser.TryParse(AsOf, out Instant? given)
                ? given.Value
                : File is null ? EmbeddedSample.AsOf : Environment.Clock.GetCurrentInstant();

            if (File is null)
            {
                TextWriter noteTo = Format == "text" && OutputFile is null ? Out : Error;
                noteTo.WriteLine(
                    $"Auditing the embedded sample caseload ({EmbeddedSample.Options.Patients} synthetic patients, seed {EmbeddedSample.Options.Seed}) "
                    + $"as of {InstantPattern.ExtendedIso.Format(asOf)}; give a FILE to audit your own.");
            }

            using Stream? input = File is null ? EmbeddedSample.Open() : Files.OpenRead(File, Error);
            if (input is null)
            {
                return ExitCodes.Invalid;
            }

            CaseloadReader reader = CaseloadDocument.Open(input);
            var options = new ComplianceAuditOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
            ComplianceReport report;
            try
            {
                report = ShowProgress(input)
                    ? AuditWithProgress(policy, reader, input.Length, asOf, options)
                    : ComplianceAudit.Run(policy, reader.ReadPatients(), asOf, options, default);
            }
            catch (IOException exception)
            {
                Problems.WriteOne(Error, File ?? "sample", Problems.Io, $"cannot be read: {exception.Message}");
                return ExitCodes.Invalid;
            }

            if (!reader.Validation.IsValid)
            {
                Problems.Write(Error, $"{File ?? "the sample"} is not a valid caseload document", reader.Validation);
                return ExitCodes.Invalid;
            }

            if (!WriteReport(report))
            {
                return ExitCodes.Invalid;
            }

            return report.HasFindingAtOrAbove(Threshold(FailOn)) ? ExitCodes.Findings : ExitCodes.Ok;
        }

        private BoundaryPolicy? ReadPolicy()
        {
            if (PolicyFile is null)
            {
                return BoundaryPresets.All[Preset ?? DefaultPreset];
            }

            using Stream? stream = Files.OpenRead(PolicyFile, Error);
            if (stream is null)
            {
                return null;
            }

            PolicyReadResult read = PolicyDocument.Read(stream);
            if (!read.IsValid)
            {
                Problems.Write(Error, $"{PolicyFile} is not a valid policy document", read.Validation);
                return null;
            }

            return read.Policy;
        }

        private bool ShowProgress(Stream input) =>
            File is not null && Environment.ErrorIsTerminal && input.CanSeek && input.Length > Environment.ProgressThresholdBytes;

        private ComplianceReport AuditWithProgress(BoundaryPolicy policy, CaseloadReader reader, long length, Instant asOf, ComplianceAuditOptions options)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
            return console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask($"Auditing {Path.GetFileName(File)}", maxValue: length);
                    ComplianceReport report = ComplianceAudit.Run(policy, Tracked(reader, task), asOf, options, default);
                    task.Value = length;
                    return report;
                });
        }

        private static IEnumerable<PatientCaseload> Tracked(CaseloadReader reader, ProgressTask task)
        {
            foreach (PatientCaseload patient in reader.ReadPatients())
            {
                task.Value = reader.BytesRead;
                yield return patient;
            }
        }

        private bool WriteReport(ComplianceReport report)
        {
            if (OutputFile is null)
            {
                Write(report, Out, new TextWriterStream(Out));
                Out.Flush();
                return true;
            }

            using Stream? stream = Files.OpenWrite(OutputFile, Error);
            if (stream is null)
            {
                return false;
            }

            using var writer = new StreamWriter(stream, Files.Utf8);
            Write(report, writer, stream);
            writer.Flush();
            Error.WriteLine($"alliance: report written to {OutputFile}; worst outcome: {report.WorstOutcome}.");
            return true;
        }

        private void Write(ComplianceReport report, TextWriter text, Stream binary)
        {
            switch (Format)
            {
                case "json":
                    ComplianceReportWriter.WriteJson(report, binary);
                    binary.Flush();
                    break;
                case "junit":
                    ComplianceReportWriter.WriteJUnit(report, binary);
                    binary.Flush();
                    break;
                case "markdown":
                    ComplianceReportWriter.WriteMarkdown(report, text);
                    break;
                default:
                    ComplianceReportWriter.WriteText(report, text);
                    break;
            }
        }
    }
}
