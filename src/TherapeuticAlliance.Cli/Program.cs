using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace TherapeuticAlliance.Cli;

/// <summary>The <c>alliance</c> tool: <c>audit</c>, <c>sample</c> and <c>policy list|show|validate</c>.</summary>
/// <remarks>
/// Exit codes: <see cref="ExitCodes.Ok"/> (0) when nothing is at or above <c>--fail-on</c>, <see cref="ExitCodes.Findings"/>
/// (1) when something is, <see cref="ExitCodes.Invalid"/> (2) for invalid input or usage, every problem on standard
/// error with its JSON path (or option) and code, never a stack trace.
/// </remarks>
internal static class Program
{
    /// <summary>
    /// The composition root: the one place the tool, as the library's host, supplies the machine's clock (as an
    /// <see cref="NodaTime.IClock"/>, read only for a FILE audited without <c>--as-of</c>), console and processors.
    /// </summary>
    public static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, new CliEnvironment(NodaTime.SystemClock.Instance, !Console.IsErrorRedirected, Environment.ProcessorCount, CliEnvironment.DefaultProgressThresholdBytes));

    /// <summary>Runs the tool in-process: parses <paramref name="args"/>, runs the command, returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            RootCommand root = Build(environment);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not CommandLineAction { ClearsParseErrors: true })
            {
                foreach (ParseError error in parsed.Errors)
                {
                    Problems.WriteOne(stderr, Where(error), Problems.Usage, error.Message);
                }

                stderr.WriteLine($"Run '{CommandPath(parsed.CommandResult.Command)} --help' for usage.");
                return ExitCodes.Invalid;
            }

            int code = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            stdout.Flush();
            return code;
        }
        catch (IOException exception)
        {
            Problems.WriteOne(stderr, "io", Problems.Io, exception.Message);
            return ExitCodes.Invalid;
        }
#pragma warning disable CA1031 // The tool's last resort: one line, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Problems.WriteOne(stderr, "alliance", Problems.Internal, $"{exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Invalid;
        }
    }

    private static RootCommand Build(CliEnvironment environment)
    {
        var examples = new Dictionary<Command, string[]>();
        var root = new RootCommand(
            "Audits caseloads of the patient-psychiatrist alliance against a boundary policy. Decision support, not legal advice.\n"
            + "Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 invalid input or usage.");
        examples[root] =
        [
            "alliance audit                          # the embedded sample caseload",
            "alliance audit caseload.json --as-of 2026-01-04 --fail-on review",
            "alliance sample --patients 500 --seed 7 --output caseload.json",
            "alliance policy list",
        ];

        root.Add(AuditCommand.Create(environment, examples));
        root.Add(SampleCommand.Create(examples));
        root.Add(PolicyCommand.Create(examples));

        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, examples);
        return root;
    }

    private static string Where(ParseError error) => error.SymbolResult switch
    {
        OptionResult option => option.Option.Name,
        ArgumentResult argument => argument.Argument.Name,
        CommandResult command => CommandPath(command.Command),
        _ => "usage",
    };

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c is RootCommand ? "alliance" : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above <c>--fail-on</c>; or the command succeeded.</summary>
    public const int Ok = 0;

    /// <summary>A finding at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>Invalid input or usage.</summary>
    public const int Invalid = 2;
}
