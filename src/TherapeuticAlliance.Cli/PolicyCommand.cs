using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Documents;

namespace TherapeuticAlliance.Cli;

/// <summary><c>alliance policy list|show|validate</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create(Dictionary<Command, string[]> examples)
    {
        string[] ids = [.. BoundaryPresets.All.Keys.Order(StringComparer.Ordinal)];

        var list = new Command("list", "Lists the preset policies: id, profession, jurisdiction, version and name.");
        examples[list] = ["alliance policy list"];
        list.SetAction(parse =>
        {
            string[][] rows =
            [
                ["ID", "PROFESSION", "JURISDICTION", "VERSION", "NAME"],
                .. ids.Select(id => BoundaryPresets.All[id]).Select(p => new[]
                {
                    p.Id, p.Profession.ToString(), p.Jurisdiction.ToString(), p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name,
                }),
            ];
            int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
            TextWriter output = parse.InvocationConfiguration.Output;
            foreach (string[] row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))));
            }

            return ExitCodes.Ok;
        });

        var name = new Argument<string>("NAME") { Description = "The preset's id (see 'alliance policy list')." };
        name.AcceptOnlyFromAmong(ids);
        var show = new Command("show", "Writes a preset as a policy document (JSON), to start a policy of your own from.") { name };
        examples[show] = ["alliance policy show us-psychiatry", "alliance policy show us-counseling > clinic-policy.json"];
        show.SetAction(parse =>
        {
            string json = PolicyDocument.Write(BoundaryPresets.All[parse.GetValue(name)!]);
            TextWriter output = parse.InvocationConfiguration.Output;
            output.Write(json);
            if (!json.EndsWith('\n'))
            {
                output.WriteLine();
            }

            return ExitCodes.Ok;
        });

        var file = new Argument<string>("FILE") { Description = "The policy document to check." };
        var validate = new Command("validate", "Checks a policy document; every problem is printed with its JSON path and code. Exit 0 when valid, 2 otherwise.") { file };
        examples[validate] = ["alliance policy validate clinic-policy.json"];
        validate.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            TextWriter error = parse.InvocationConfiguration.Error;
            using Stream? stream = Files.OpenRead(path, error);
            if (stream is null)
            {
                return ExitCodes.Invalid;
            }

            PolicyReadResult read = PolicyDocument.Read(stream);
            if (!read.IsValid)
            {
                Problems.Write(error, $"{path} is not a valid policy document", read.Validation);
                return ExitCodes.Invalid;
            }

            parse.InvocationConfiguration.Output.WriteLine($"{path}: valid policy document {read.Policy!.Id} v{read.Policy.Version}.");
            return ExitCodes.Ok;
        });

        var policy = new Command("policy", "Lists, shows and validates boundary policies.") { list, show, validate };
        examples[policy] = ["alliance policy list", "alliance policy show us-psychiatry > clinic-policy.json", "alliance policy validate clinic-policy.json"];
        return policy;
    }
}
