using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;

namespace ResolutionKit.Cli;

/// <summary><c>reskit outline</c>: prints the structure of resolutions and what reading reported.</summary>
internal static class OutlineCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Resolution files (.txt or .resolution.json), folders or globs." };
        var showHidden = new Option<bool>("--show-hidden") { Description = "Also print hidden reading diagnostics (hyphenation rejoined, page furniture removed)." };
        var command = new Command("outline", "Print the structure of resolutions (groups, clause labels and addresses) and the reading diagnostics.");
        command.Arguments.Add(files);
        command.Options.Add(showHidden);
        command.SetAction(parse => Run(parse.GetValue(files) ?? Array.Empty<string>(), parse.GetValue(showHidden), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string[] arguments, bool showHidden, TextWriter output, TextWriter errors)
    {
        var (files, inputErrors) = Inputs.Expand(arguments);
        foreach (var e in inputErrors)
        {
            errors.WriteLine(e);
        }

        var failed = inputErrors.Count > 0;
        foreach (var file in files)
        {
            foreach (var result in Inputs.ReadAll(file))
            {
                if (result.Value is { } r)
                {
                    Print(r, output);
                }

                foreach (var d in result.Diagnostics.Where(d => showHidden || d.Severity > DiagnosticSeverity.Hidden))
                {
                    errors.WriteLine(d.ToString());
                }

                failed |= result.HasErrors;
            }
        }

        return failed ? Program.UsageOrInputError : Program.Clean;
    }

    private static void Print(Resolution r, TextWriter output)
    {
        output.WriteLine($"{r.Address}  {r.Id.Kind} {r.Id.Number}{(r.Revision is null ? string.Empty : " (" + r.Revision + ")")}  [{r.Language}]  {r.Title}");
        if (!r.History.IsEmpty)
        {
            output.WriteLine("  history: " + string.Join("; ", r.History));
        }

        foreach (var group in r.GroupNodes())
        {
            var actors = group.Group.Actors.IsEmpty ? string.Empty : " -> " + string.Join(", ", group.Group.Actors.Select(a => a.Key));
            output.WriteLine($"  {group.Group.Part.ToString().ToLowerInvariant(),-9} {group.Group.Heading}{actors}  ({group.Address})");
            foreach (var clause in r.Clauses().Where(c => c.Group.Address == group.Address))
            {
                var text = clause.Clause.Text.Length > 70 ? clause.Clause.Text.Substring(0, 67) + "..." : clause.Clause.Text;
                output.WriteLine($"    {new string(' ', clause.Depth * 2)}{(clause.Clause.Label.Length == 0 ? "-" : clause.Clause.Label),-5} {text}");
            }
        }

        foreach (var f in r.Footnotes)
        {
            output.WriteLine($"  footnote {f.Marker}: {f.Text}");
        }

        foreach (var a in r.Annexes)
        {
            output.WriteLine($"  annex: {a.Heading} ({a.Paragraphs.Count} paragraphs)");
        }

        foreach (var p in r.Unplaced)
        {
            output.WriteLine($"  unplaced: {p.Text}");
        }
    }
}
