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

        command.Subcommands.Add(list);
        command.Subcommands.Add(explain);
        return command;
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
