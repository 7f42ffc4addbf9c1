using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;

namespace ResolutionKit.Cli;

/// <summary><c>reskit check</c>: reads resolutions, runs the rules, prints findings, exits by <c>--fail-on</c>.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Resolution files (.txt, .resolution.json), folders or globs." };
        var config = new Option<string?>("--config") { Description = "The configuration file (default: resolutionkit.json next to or above the first input)." };
        var preset = new Option<string?>("--preset") { Description = "recommended or strict (overrides the configuration)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above this severity: error, warning or suggestion.", DefaultValueFactory = _ => "error" };
        var format = new Option<string>("--format") { Description = "text (with source excerpts), lines (file:line:col: severity RKnnnn: message), json, sarif or github.", DefaultValueFactory = _ => "lines" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline file: findings it lists are not reported." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write all current findings to this baseline file and exit 0." };
        var asOf = new Option<string?>("--as-of") { Description = "The meeting deadlines are judged against, e.g. PP-26 (overrides the configuration)." };
        var rules = new Option<string[]>("--rules") { Description = "Extra rule folders (added to the shipped rules).", Arity = ArgumentArity.ZeroOrMore };
        var color = new Option<bool>("--color") { Description = "Colour the text report even when it is not written to a terminal." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the report (also: the NO_COLOR environment variable)." };
        var maxFindings = new Option<int?>("--max-findings") { Description = "Exit 1 when more than this many findings are reported, whatever their severity (for CI ratchets)." };
        var whole = new Option<bool>("--whole") { Description = "For proposals (MOD/ADD/SUP units): report on the whole text each unit proposes, not only on what it changes or adds." };
        var corpus = new Option<string[]>("--corpus") { Description = "Texts in force (files or folders): read for cross-resolution rules and to check that each MOD unit modifies the text in force; not reported on.", Arity = ArgumentArity.ZeroOrMore };
        maxFindings.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--max-findings must be 0 or more");
            }
        });
        var command = new Command("check", "Check resolutions against the rule set and report findings.");
        command.Arguments.Add(files);
        foreach (var o in new Option[] { config, preset, failOn, format, output, baseline, writeBaseline, asOf, rules, color, noColor, maxFindings, whole, corpus })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => Run(
            parse.GetValue(files) ?? Array.Empty<string>(),
            parse.GetValue(config),
            parse.GetValue(preset),
            parse.GetValue(failOn) ?? "error",
            parse.GetValue(format) ?? "lines",
            parse.GetValue(output),
            parse.GetValue(baseline),
            parse.GetValue(writeBaseline),
            parse.GetValue(asOf),
            parse.GetValue(rules) ?? Array.Empty<string>(),
            parse.GetValue(noColor) ? false : parse.GetValue(color) ? true : null,
            parse.GetValue(maxFindings),
            parse.GetValue(whole),
            parse.GetValue(corpus) ?? Array.Empty<string>()));
        return command;
    }

    public static int Run(string[] inputs, string? configPath, string? preset, string failOnText, string format, string? output, string? baseline, string? writeBaseline, string? asOf, string[] ruleFolders, bool? color = null, int? maxFindings = null, bool whole = false, string[]? corpusInputs = null)
    {
        var failOn = Severities.TryParse(failOnText);
        if (failOn is null or DiagnosticSeverity.None or DiagnosticSeverity.Hidden)
        {
            throw new UserException($"reskit: error: --fail-on must be error, warning or suggestion, not '{failOnText}'");
        }

        if (format is not ("text" or "lines" or "json" or "sarif" or "github"))
        {
            throw new UserException($"reskit: error: --format must be text, lines, json, sarif or github, not '{format}'");
        }

        var (files, inputErrors) = Inputs.Expand(inputs);
        if (inputErrors.Count > 0)
        {
            throw new UserException(string.Join(Environment.NewLine, inputErrors));
        }

        if (files.Count == 0)
        {
            throw new UserException("reskit: error: no resolution files (.txt or .resolution.json) among the inputs");
        }

        // Each file is checked under the nearest resolutionkit.json above it, as .editorconfig and ESLint find theirs, so
        // the result never depends on which input comes first; --config applies one configuration to all.
        var configByFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = (configPath is not null
                ? new[] { (Config: (string?)configPath, Files: files) }
                : files.GroupBy(f => ConfigFor(f, configByFolder), StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (Config: g.Key.Length == 0 ? null : (string?)g.Key, Files: g.ToList())).ToArray())
            .Select(g => (g.Config, Paths: new HashSet<string>(g.Files.Select(Path.GetFullPath), StringComparer.Ordinal), RuleSet: RuleLoading.Load(g.Config, g.Files, preset, asOf, baseline, ruleFolders).RuleSet))
            .ToList();
        var ruleSet = groups[0].RuleSet;

        var resolutions = new List<Resolution>();
        var reading = new List<Diagnostic>();
        var proposals = new List<(string File, Reading.Proposals.ReadProposalUnit Unit)>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = !Console.IsErrorRedirected && files.Count >= 20;
        var done = 0;
        foreach (var file in files)
        {
            if (progress)
            {
                Console.Error.Write($"\rreading {++done}/{files.Count} ");
            }

            var read = 0;
            var (results, units, proposalDiagnostics) = Proposals.ReadFile(file);
            if (units is not null)
            {
                // A proposal: the text each MOD or ADD unit would produce is checked, and reported on where the unit
                // changes or adds something (all of it with --whole).
                reading.AddRange(proposalDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden));
                foreach (var unit in units)
                {
                    proposals.Add((file, unit));
                    if (unit.Proposed is { } proposed)
                    {
                        resolutions.Add(proposed);
                        read++;
                    }
                }
            }
            else
            {
                foreach (var result in results)
                {
                    reading.AddRange(result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden));
                    if (result.Value is not null)
                    {
                        resolutions.Add(result.Value);
                        read++;
                    }
                }
            }

            // Excerpts are a courtesy of the text report: only for files that were read, decoded as the reader decoded them.
            if (format == "text" && read > 0 && ResolutionTextReader.ReadText(file) is { } source)
            {
                sources[file] = source;
            }
        }

        if (progress)
        {
            Console.Error.Write("\rchecking " + resolutions.Count + " resolutions ...        \r");
        }

        // Language versions of one instrument share its address: they are versions, each checked, not duplicates.
        // Two copies in one language are also both checked (rule sets analyze copies in turn), and said once.
        foreach (var g in resolutions.GroupBy(r => (r.Address, r.Language)).Where(g => g.Count() > 1))
        {
            var copies = g.ToList();
            reading.Add(Diagnostic.Create(ReadingDiagnostics.DuplicateInstrument, new Location(copies[1].SourcePath, copies[1].Address, copies[1].Span), $"{g.Key.Address} ({g.Key.Language}) is read {copies.Count} times ({string.Join(", ", copies.Select(Where))}); each copy is checked"));
        }

        // Texts in force: context for cross-resolution rules and for MOD units, never reported on. An instrument a
        // proposal unit concerns is replaced by the unit's text, not compared with itself.
        var (inForce, corpusErrors) = Inputs.Expand(corpusInputs ?? Array.Empty<string>());
        if (corpusErrors.Count > 0)
        {
            throw new UserException(string.Join(Environment.NewLine, corpusErrors));
        }

        var context = Streamlining.ReadAll(inForce, TextWriter.Null);
        reading.AddRange(Proposals.CheckInForce(proposals, context));
        var concerned = new HashSet<string>(proposals.Select(p => p.Unit.Concerns).Where(a => a is not null).Select(a => a!), StringComparer.Ordinal);
        var analyzed = resolutions.Concat(context.Where(c => !concerned.Contains(c.Address))).ToList();
        var analysis = groups.Count == 1 ? ruleSet.Analyze(analyzed) : AnalyzeByConfiguration(groups.Select(g => (g.Paths, g.RuleSet)).ToList(), analyzed);
        var contextPaths = new HashSet<string>(inForce.Select(Path.GetFullPath), StringComparer.Ordinal);
        var reported = analysis.Diagnostics.Where(d => !(d.Location.Path is { } p && contextPaths.Contains(Path.GetFullPath(p)) && !files.Any(f => Path.GetFullPath(f) == Path.GetFullPath(p))));
        var findings = ruleSet.MergeReading(reading, Proposals.Focus(reported, proposals, whole).ToList());

        if (writeBaseline is not null)
        {
            AtomicFile.Write(writeBaseline, ResolutionKitConfig.FormatBaseline(analysis.Diagnostics));
            Console.Error.WriteLine($"reskit: wrote {analysis.Diagnostics.Count} finding(s) to the baseline {writeBaseline}");
            return Program.Clean;
        }

        var report = format switch
        {
            "json" => Reports.Json(findings, new SourceFixLookup(resolutions)),
            "sarif" => Reports.Sarif(findings, ruleSet, new SourceFixLookup(resolutions)),
            "github" => Reports.GitHub(findings),
            "text" => Reports.Text(findings, sources, color ?? (output is null && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))),
            _ => Reports.Lines(findings),
        };
        if (output is null)
        {
            Console.Out.Write(report);
        }
        else
        {
            AtomicFile.Write(output, report);
        }

        var summary = $"reskit: {files.Count} file(s), {resolutions.Count} resolution(s), {findings.Count} finding(s)"
            + (analysis.Suppressed.Count > 0 ? $", {analysis.Suppressed.Count} suppressed or in the baseline" : string.Empty)
            + $" ({string.Join(", ", Enum.GetValues<DiagnosticSeverity>().Reverse().Where(s => s > DiagnosticSeverity.Hidden).Select(s => $"{findings.Count(d => d.Severity == s)} {s.Name()}"))})";
        Console.Error.WriteLine(summary);

        if (reading.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return Program.UsageOrInputError;
        }

        if (maxFindings is { } max && findings.Count(d => d.Severity > DiagnosticSeverity.Hidden) > max)
        {
            Console.Error.WriteLine($"reskit: more than {max} finding(s) (--max-findings)");
            return Program.Findings;
        }

        return findings.Any(d => d.Severity >= failOn) ? Program.Findings : Program.Clean;
    }

    /// <summary>The nearest configuration above a file ("" for none), looked up once per folder.</summary>
    private static string ConfigFor(string file, Dictionary<string, string> byFolder)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        if (!byFolder.TryGetValue(folder, out var config))
        {
            byFolder[folder] = config = ResolutionKitConfig.Find(folder) ?? string.Empty;
        }

        return config;
    }

    /// <summary>
    /// Each configuration's rule set analyzes the whole corpus (cross-resolution rules see every text) and reports on its
    /// own files; findings about rule files themselves are said once.
    /// </summary>
    private static AnalysisResult AnalyzeByConfiguration(List<(HashSet<string> Paths, RuleSet RuleSet)> groups, List<Resolution> resolutions)
    {
        var all = groups.SelectMany(g => g.Paths).ToHashSet(StringComparer.Ordinal);
        bool Mine(Diagnostic d, HashSet<string> paths, bool first) =>
            d.Location.Path is { } p && all.Contains(Path.GetFullPath(p)) ? paths.Contains(Path.GetFullPath(p)) : first;
        var diagnostics = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        for (var i = 0; i < groups.Count; i++)
        {
            var result = groups[i].RuleSet.Analyze(resolutions);
            diagnostics.AddRange(result.Diagnostics.Where(d => Mine(d, groups[i].Paths, i == 0)));
            suppressed.AddRange(result.Suppressed.Where(d => Mine(d, groups[i].Paths, i == 0)));
        }

        var order = Comparer<Diagnostic>.Create(Diagnostic.Compare);
        return new AnalysisResult(diagnostics.Distinct().OrderBy(d => d, order).ToList(), suppressed.Distinct().OrderBy(d => d, order).ToList());
    }

    private static string Where(Resolution r) => (r.SourcePath ?? "?") + (r.Span is { } span ? ":" + span.Line : string.Empty);
}
