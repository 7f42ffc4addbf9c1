using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Docs;

namespace ResolutionKit.Cli;

/// <summary>
/// <c>reskit rules test</c>: every rule's examples run as tests — each incorrect example must give the rule's finding,
/// each correct example none. Every rule runs (strict preset) and deadlines are judged as of a fixed meeting, so the
/// result does not change with the calendar. Failures name the example in its rule file (file:line:col).
/// </summary>
internal static class RuleExamples
{
    public static int Run(string? folder, string asOf, TextWriter output, TextWriter errors)
    {
        var config = ResolutionKitConfig.Default.WithPreset("strict").WithAsOf(asOf);
        var (ruleSet, rules, _) = RulesCommand.LoadFolder(folder, config);
        var failures = 0;
        var examples = 0;
        foreach (var rule in rules)
        {
            if (rule.Json["examples"] is not JObject block)
            {
                errors.WriteLine($"{rule.Source.Path}:{rule.Source.Locate(rule.Json)}: warning: {rule.Id} has no examples");
                continue;
            }

            foreach (var (key, incorrect) in new[] { ("incorrect", true), ("correct", false) })
            {
                if (block[key] is not JArray lines || lines.Count == 0)
                {
                    continue;
                }

                examples++;
                var texts = RuleDocumentation.ExpandExamples(lines.Values<string>().Select(s => s ?? string.Empty).ToList());
                var resolutions = texts.Select((t, i) => ResolutionTextReader.Read(t, $"{rule.Id}.{key}{i}.txt").Value).OfType<Resolution>().ToList();
                var findings = ruleSet.Analyze(resolutions).Diagnostics.Where(d => d.Id == rule.Id).ToList();
                var where = $"{rule.Source.Path}:{rule.Source.Locate(lines)}";
                if (incorrect && findings.Count == 0)
                {
                    failures++;
                    errors.WriteLine($"{where}: error: {rule.Id}: the incorrect example gives no {rule.Id} finding");
                }
                else if (!incorrect && findings.Count > 0)
                {
                    failures++;
                    errors.WriteLine($"{where}: error: {rule.Id}: the correct example gives {findings.Count} finding(s), e.g. {findings[0]}");
                }
            }
        }

        output.WriteLine($"reskit: {rules.Count} rule(s), {examples} example(s), {failures} failure(s)");
        return failures == 0 ? Program.Clean : Program.Findings;
    }
}
