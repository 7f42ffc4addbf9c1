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
        var input = new Argument<string>("file") { Description = "A resolution (.txt, .resolution.json, .akn.xml, .docx or .pdf); a text holding several instruments gives a JSON array, and a JSON array gives the texts one after the other." };
        var to = new Option<string>("--to") { Description = "json, text or akn (Akoma Ntoso 3.0, one document per instrument; several are written one after the other only with -o per instrument).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The output file (default: standard output)." };
        var command = new Command("convert", "Convert a resolution between the text layout, the JSON form and Akoma Ntoso.");
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

        if (to is not ("json" or "text" or "akn"))
        {
            throw new UserException($"reskit: error: --to must be json, text or akn, not '{to}'");
        }

        if (output is not null && Path.GetFullPath(output) == Path.GetFullPath(input))
        {
            throw new UserException($"{output}: error: convert never overwrites its input; choose another output file");
        }

        // What was read is written even when the title was not found (the identity then comes from the file name);
        // only an error (a file that cannot be read, invalid JSON) stops the conversion.
        var results = Inputs.ReadAll(input);
        foreach (var d in results.SelectMany(r => r.Diagnostics).Where(d => d.Severity > DiagnosticSeverity.Hidden))
        {
            Console.Error.WriteLine(d);
        }

        if (results.Any(r => r.Value is null || r.HasErrors))
        {
            return Program.UsageOrInputError;
        }

        var resolutions = results.Select(r => r.Value!).ToList();
        if (to == "akn" && resolutions.Count > 1)
        {
            throw new UserException($"{input}: error: it holds {resolutions.Count} instruments; an Akoma Ntoso document holds one (convert each, or to json)");
        }

        var text = to == "akn" ? AkomaNtoso.Write(resolutions[0]) : to == "json"
            ? (resolutions.Count == 1 ? ResolutionJson.Write(resolutions[0]) : ResolutionJson.WriteAll(resolutions)) + "\n"
            : string.Join("\n", resolutions.Select(ResolutionTextWriter.Write));
        if (output is null)
        {
            Console.Out.Write(text);
        }
        else
        {
            AtomicFile.Write(output, text);
        }

        return Program.Clean;
    }
}
