using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using ResolutionKit.Diagnostics;
using ResolutionKit.Rules;

namespace ResolutionKit.Cli;

/// <summary><c>reskit rules list</c> and <c>reskit rules explain RKnnnn</c>, from the rule files and their docs pages.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List the rules or explain one.");
        var config = new Option<string?>("--config") { Description = "The configuration file (its preset and severities are shown)." };
        var preset = new Option<string?>("--preset") { Description = "recommended or strict." };
        var ruleFolders = new Option<string[]>("--rules") { Description = "Extra rule folders.", Arity = ArgumentArity.ZeroOrMore };

        var list = new Command("list", "List every rule with its category, effective severity and kind.");
        list.Options.Add(config);
        list.Options.Add(preset);
        list.Options.Add(ruleFolders);
        list.SetAction(p => List(p.GetValue(config), p.GetValue(preset), p.GetValue(ruleFolders) ?? Array.Empty<string>(), Console.Out));

        var id = new Argument<string>("id") { Description = "A rule id, e.g. RK2001." };
        var explain = new Command("explain", "Explain a rule: why it exists, its message, its fix, and examples.");
        explain.Arguments.Add(id);
        explain.Options.Add(config);
        explain.Options.Add(ruleFolders);
        explain.SetAction(p => Explain(p.GetValue(id)!, p.GetValue(config), p.GetValue(ruleFolders) ?? Array.Empty<string>(), Console.Out));

        var folder = new Argument<string?>("folder") { Description = "A rule folder (default: the shipped rules).", Arity = ArgumentArity.ZeroOrOne };
        var outDir = new Option<string?>("--output", "-o", "--out") { Description = "Where the pages go (default: docs/ inside the rule folder)." };
        var readme = new Option<string?>("--readme") { Description = "A README whose rule table (between <!-- rules:start --> and <!-- rules:end -->) is regenerated." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a page or the table differs from what the rule files give (for CI)." };
        var docs = new Command("docs", "Write a page per rule (why, message, fix, languages, examples, measured precision and recall) and the README rule table, from the rule files.");
        docs.Arguments.Add(folder);
        docs.Options.Add(outDir);
        docs.Options.Add(readme);
        docs.Options.Add(check);
        docs.SetAction(p => Docs(p.GetValue(folder), p.GetValue(outDir), p.GetValue(readme), p.GetValue(check), Console.Out, Console.Error));

        var testFolder = new Argument<string?>("folder") { Description = "A rule folder (default: the shipped rules).", Arity = ArgumentArity.ZeroOrOne };
        var asOf = new Option<string>("--as-of") { Description = "The meeting deadlines are judged against, so that examples do not change with the calendar.", DefaultValueFactory = _ => "PP-22" };
        var test = new Command("test", "Run every rule's examples: the incorrect ones must give the rule's finding, the correct ones none; failures are reported at file:line:col.");
        test.Arguments.Add(testFolder);
        test.Options.Add(asOf);
        test.SetAction(p => RuleExamples.Run(p.GetValue(testFolder), p.GetValue(asOf) ?? "PP-22", Console.Out, Console.Error));

        var precompileOut = new Option<string>("--out") { Description = "The folder to write the compiled expressions to.", Required = true };
        var precompile = new Command("precompile", "Compile the expressions of the shipped rules into a folder (done when the tool is built, so that its first run needs no compiler).") { Hidden = true };
        precompile.Options.Add(precompileOut);
        precompile.SetAction(p => Precompile(p.GetValue(precompileOut)!));

        command.Subcommands.Add(list);
        command.Subcommands.Add(explain);
        command.Subcommands.Add(docs);
        command.Subcommands.Add(test);
        command.Subcommands.Add(precompile);
        return command;
    }

    private static int Precompile(string folder)
    {
        Directory.CreateDirectory(folder);
        Rules.Expressions.ExpressionCompiler.ClearMemoryCache();
        var result = RuleSet.Load(new RuleSetOptions { ExpressionCacheDirectory = folder });
        if (result.RuleSet is null)
        {
            foreach (var e in result.Errors)
            {
                Console.Error.WriteLine(e);
            }

            return Program.UsageOrInputError;
        }

        Console.Error.WriteLine($"reskit: {Directory.GetFiles(folder, "*.dll").Length} compiled expression(s) in {folder}");
        return Program.Clean;
    }

    /// <summary>The rules of one folder, loaded with the shipped folder (for its registry) when it is another one.</summary>
    internal static (RuleSet RuleSet, System.Collections.Generic.List<Rules.Loading.RuleDefinition> Rules, string Folder) LoadFolder(string? folder, Rules.Configuration.ResolutionKitConfig? config = null)
    {
        var shipped = Path.GetFullPath(RuleSet.ShippedFolder);
        var target = Path.GetFullPath(folder ?? shipped);
        if (!Directory.Exists(target))
        {
            throw new UserException($"{folder}: error: no such rule folder");
        }

        // A folder with its own registry is a whole rule set (the repository's rules/); another one adds to the shipped rules.
        var whole = Directory.Exists(Path.Combine(target, "registry")) || string.Equals(target.TrimEnd(Path.DirectorySeparatorChar), shipped.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        var folders = whole ? new[] { target } : new[] { shipped, target };
        var result = RuleSet.Load(new RuleSetOptions { Folders = folders, Config = config, ExpressionCacheDirectory = null });
        if (result.RuleSet is null)
        {
            throw new UserException(string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())) + Environment.NewLine + $"reskit: {result.Errors.Count} error(s) in the rule files");
        }

        var prefix = target.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var rules = result.RuleSet.Definitions.Where(d => Path.GetFullPath(d.Source.Path).StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return (result.RuleSet, rules, target);
    }

    public static int Docs(string? folder, string? outDir, string? readme, bool check, TextWriter output, TextWriter errors)
    {
        var (_, rules, target) = LoadFolder(folder);
        var pages = outDir ?? Path.Combine(target, "docs");
        var files = Rules.Docs.RuleDocumentation.Generate(rules, target, pages, readme);
        var stale = files.Where(f => !File.Exists(f.Path) || File.ReadAllText(f.Path).Replace("\r\n", "\n") != f.Content).ToList();
        if (check)
        {
            foreach (var f in stale)
            {
                errors.WriteLine($"{f.Path}: error: differs from the rule files; run 'reskit rules docs'");
            }

            output.WriteLine($"reskit: {files.Count} file(s), {stale.Count} out of date");
            return stale.Count == 0 ? Program.Clean : Program.Findings;
        }

        Directory.CreateDirectory(pages);
        foreach (var f in stale)
        {
            AtomicFile.Write(f.Path, f.Content);
        }

        output.WriteLine($"reskit: {rules.Count} rule page(s){(readme is null ? string.Empty : " and the table of " + readme)}; {stale.Count} file(s) written");
        return Program.Clean;
    }

    public static int List(string? configPath, string? preset, string[] folders, TextWriter output)
    {
        var (ruleSet, config) = RuleLoading.Load(configPath, new[] { "." }, preset, null, null, folders);
        output.WriteLine($"{"id",-7} {"severity",-10} {"category",-12} {"kind",-12} title");
        foreach (var rule in ruleSet.Definitions)
        {
            var severity = config.SeverityOf(rule);
            output.WriteLine($"{rule.Id,-7} {(severity == DiagnosticSeverity.None ? "off" : severity.Name()),-10} {rule.Descriptor.Category,-12} {rule.Kind,-12} {rule.Descriptor.Title}");
        }

        output.WriteLine($"{ruleSet.Definitions.Count} rules, preset {config.Preset}, deadlines as of {ruleSet.AsOf.Conference.ShortName}");
        return Program.Clean;
    }

    public static int Explain(string id, string? configPath, string[] folders, TextWriter output)
    {
        var (ruleSet, config) = RuleLoading.Load(configPath, new[] { "." }, null, null, null, folders);
        var rule = ruleSet.Definitions.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserException($"reskit: error: there is no rule {id}; run 'reskit rules list'");
        var docs = FindDocs(rule.Id);
        if (docs is not null)
        {
            output.Write(File.ReadAllText(docs));
            return Program.Clean;
        }

        var sb = new StringBuilder();
        sb.Append(rule.Id).Append(": ").Append(rule.Descriptor.Title).Append('\n').Append('\n');
        sb.Append("Category: ").Append(rule.Descriptor.Category).Append("; severity: ").Append(config.SeverityOf(rule).Name()).Append("; kind: ").Append(rule.Kind).Append('\n').Append('\n');
        sb.Append(rule.Rationale).Append('\n').Append('\n');
        sb.Append("Message: ").Append(rule.Descriptor.MessageFormat).Append('\n');
        if (rule.Fix is not null)
        {
            sb.Append("Fix: ").Append(rule.Fix.Kind).Append(rule.Fix.IsSafe ? " (safe)" : " (suggestion)").Append('\n');
        }

        sb.Append("Help: ").Append(rule.Descriptor.HelpLinkUri).Append('\n');
        output.Write(sb.ToString());
        return Program.Clean;
    }

    private static string? FindDocs(string id)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "docs", "rules", id + ".md");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
