using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Writing;

namespace ResolutionKit.Cli;

/// <summary><c>reskit convert</c>: text to JSON and back; never overwrites its input.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "A resolution (.txt or .resolution.json)." };
        var to = new Option<string>("--to") { Description = "json or text.", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The output file (default: standard output)." };
        var command = new Command("convert", "Convert a resolution between the text layout and the JSON form.");
        command.Arguments.Add(input);
        command.Options.Add(to);
        command.Options.Add(output);
        command.SetAction(p => Run(p.GetValue(input)!, p.GetValue(to)!, p.GetValue(output)));
        return command;
    }

    public static int Run(string input, string to, string? output)
    {
        if (!File.Exists(input))
        {
            throw new UserException($"{input}: error: no such file");
        }

        if (to is not ("json" or "text"))
        {
            throw new UserException($"reskit: error: --to must be json or text, not '{to}'");
        }

        if (output is not null && Path.GetFullPath(output) == Path.GetFullPath(input))
        {
            throw new UserException($"{output}: error: convert never overwrites its input; choose another output file");
        }

        var result = Inputs.Read(input);
        foreach (var d in result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden))
        {
            Console.Error.WriteLine(d);
        }

        if (result.Value is null || result.HasErrors)
        {
            return Program.UsageOrInputError;
        }

        var text = to == "json" ? ResolutionJson.Write(result.Value) + "\n" : ResolutionTextWriter.Write(result.Value);
        if (output is null)
        {
            Console.Out.Write(text);
        }
        else
        {
            File.WriteAllText(output, text);
        }

        return Program.Clean;
    }
}
