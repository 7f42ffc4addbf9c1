using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Mapping;
using ResolutionKit.Model;

namespace ResolutionKit.Cli;

/// <summary>
/// <c>reskit map</c>: the cross-body map of related resolutions (HTML, .xlsx, CSV, JSON); <c>reskit map --tasks</c> and
/// <c>reskit tasks</c>: the register of instructions by actor.
/// </summary>
internal static class MapCommand
{
    private static readonly string[] Formats = { "html", "xlsx", "csv", "json" };

    public static Command Create() => Build("map", "Map related resolutions across bodies (subject, citations, overlapping clauses, clusters); --tasks for the register of instructions by actor.", tasksOnly: false);

    public static Command CreateTasks() => Build("tasks", "The register of instructions: every operative instruction by the actor it addresses, with its kind, cadence or deadline, and the same task given elsewhere.", tasksOnly: true);

    private static Command Build(string name, string description, bool tasksOnly)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Resolution files (.txt, .docx, .pdf, .json, .xml), folders or globs." };
        var output = new Option<string?>("--output", "-o", "--out") { Description = "Where to write (default: standard output; required for xlsx). The format follows the extension unless --format is given." };
        var format = new Option<string?>("--format") { Description = "html, xlsx, csv or json (default: from the --output extension, else csv)." };
        var tasks = new Option<bool>("--tasks") { Description = "The register of instructions by actor instead of the map." };
        var threshold = Similarity("--threshold", "Similarity from which two clauses overlap (0-1; default 0.5); for --tasks, from which two instructions are one task.");
        var subject = Similarity("--subject-threshold", "Subject similarity from which two instruments are related (0-1; default 0.3).");
        var asOf = new Option<string?>("--as-of") { Description = "For --tasks: the date deadlines are judged by (yyyy-MM-dd; default today)." };
        var signatures = new Option<string?>("--signatures") { Description = "Also write every clause's shingles, MinHash signature and LSH bands to this Parquet file, for banding a larger corpus in Spark or another engine." };
        var command = new Command(name, description);
        command.Arguments.Add(files);
        foreach (var o in tasksOnly ? new Option[] { output, format, threshold, asOf } : new Option[] { output, format, tasks, threshold, subject, asOf, signatures })
        {
            command.Options.Add(o);
        }

        command.SetAction(p => Run(
            p.GetValue(files) ?? Array.Empty<string>(),
            tasksOnly || p.GetValue(tasks),
            p.GetValue(format),
            p.GetValue(output),
            p.GetValue(threshold),
            tasksOnly ? null : p.GetValue(subject),
            p.GetValue(asOf),
            tasksOnly ? null : p.GetValue(signatures)));
        return command;
    }

    private static Option<double?> Similarity(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } t && (t <= 0 || t > 1 || double.IsNaN(t)))
            {
                result.AddError(string.Format(CultureInfo.InvariantCulture, "{0} is a similarity above 0 and at most 1 (e.g. 0.5), not {1}", name, t));
            }
        });
        return option;
    }

    public static int Run(string[] inputs, bool tasks, string? format, string? output, double? threshold, double? subject, string? asOfText, string? signatures = null)
    {
        format ??= output is null ? "csv" : Path.GetExtension(output).TrimStart('.').ToLowerInvariant() switch
        {
            "htm" or "html" => "html",
            "xlsx" => "xlsx",
            "json" => "json",
            _ => "csv",
        };
        if (!Formats.Contains(format))
        {
            Console.Error.WriteLine($"reskit: unknown format '{format}'; use one of {string.Join(", ", Formats)}");
            return Program.UsageOrInputError;
        }

        if (format == "xlsx" && output is null)
        {
            Console.Error.WriteLine("reskit: an .xlsx workbook needs --output (it is not written to a terminal)");
            return Program.UsageOrInputError;
        }

        var asOf = DateTime.UtcNow.Date;
        if (asOfText is not null && !DateTime.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            Console.Error.WriteLine($"reskit: --as-of '{asOfText}' is not a date (yyyy-MM-dd)");
            return Program.UsageOrInputError;
        }

        var (files, inputErrors) = Inputs.Expand(inputs);
        foreach (var e in inputErrors)
        {
            Console.Error.WriteLine(e);
        }

        if (files.Count == 0)
        {
            return Program.UsageOrInputError;
        }

        var terminal = !Console.IsErrorRedirected;
        var resolutions = new List<Resolution>();
        var failed = inputErrors.Count > 0;
        var done = 0;
        foreach (var file in files)
        {
            if (terminal && files.Count >= 20)
            {
                Console.Error.Write($"\rreading {++done}/{files.Count} ");
            }

            foreach (var result in Inputs.ReadAll(file))
            {
                if (result.Value is { } r)
                {
                    resolutions.Add(r);
                }

                foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    Console.Error.WriteLine((terminal && files.Count >= 20 ? "\r" : string.Empty) + d);
                }

                failed |= result.HasErrors;
            }
        }

        if (resolutions.Count == 0)
        {
            if (terminal && files.Count >= 20)
            {
                Console.Error.WriteLine();
            }

            Console.Error.WriteLine("reskit: no resolution could be read; nothing written");
            return Program.UsageOrInputError;
        }

        var progress = terminal ? new Progress<string>(stage => Console.Error.Write($"\r{stage,-20}")) : null;
        string? text = null;
        Action<Stream>? binary = null;
        string summary;
        if (tasks)
        {
            var register = TaskRegister.Build(resolutions, asOf, threshold ?? 0.5);
            (text, binary) = format switch
            {
                "html" => (MapWriter.ToHtml(register), null),
                "json" => (MapWriter.ToJson(register), null),
                "xlsx" => ((string?)null, (Action<Stream>)(s => MapWriter.ToXlsx(register, s))),
                _ => (MapWriter.ToCsv(register), null),
            };
            summary = $"reskit: {resolutions.Count} resolution(s), {register.Tasks.Count} instruction(s) to {register.ByActor.Count()} actor(s), {register.Tasks.Count(t => t.SameTaskElsewhere.Count > 0)} also given elsewhere";
        }
        else
        {
            var options = new MapOptions { ClauseThreshold = threshold ?? 0.5, SubjectThreshold = subject ?? 0.3 };
            var map = CorpusMap.Build(resolutions, options, progress);
            (text, binary) = format switch
            {
                "html" => (MapWriter.ToHtml(map), null),
                "json" => (MapWriter.ToJson(map), null),
                "xlsx" => ((string?)null, (Action<Stream>)(s => MapWriter.ToXlsx(map, s))),
                _ => (MapWriter.ToCsv(map), null),
            };
            summary = $"reskit: {map.Instruments.Count} instrument(s), {map.Relations.Count} relation(s) ({map.Relations.Count(r => r.CrossBody)} across bodies, {map.Relations.Count(r => r.Suggestion == MapSuggestion.Merge)} to merge, {map.Relations.Count(r => r.Suggestion == MapSuggestion.CrossCite)} to cite instead of repeating), {map.Clusters.Count} subject cluster(s)";
        }

        if (terminal)
        {
            Console.Error.Write("\r" + new string(' ', 24) + "\r");
        }

        if (output is null)
        {
            Console.Out.Write(text);
        }
        else if (binary is not null)
        {
            using var memory = new MemoryStream();
            binary(memory);
            AtomicFile.Write(output, memory.ToArray());
        }
        else
        {
            AtomicFile.Write(output, text!);
        }

        if (signatures is not null)
        {
            var rows = CorpusMap.Signatures(resolutions, threshold ?? 0.5).ToList();
            AtomicFile.Write(signatures, SignatureFile.ToParquet(rows));
            summary += $"; {rows.Count} clause signature(s) written to {signatures}";
        }

        Console.Error.WriteLine(summary);
        return failed ? Program.UsageOrInputError : Program.Clean;
    }
}
