using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Rules;
using ResolutionKit.Writing;

namespace ResolutionKit.Cli;

/// <summary>Shared by fix, streamline and merge: choosing fixes, applying them, writing the result.</summary>
internal static class Streamlining
{
    public static readonly string[] Formats = { "text", "json", "proposal", "proposal-text", "proposal-json", "markdown", "html", "docx", "redline-docx" };

    /// <summary>Analyzes <paramref name="target"/> among <paramref name="context"/> and applies the chosen fixes.</summary>
    public static (FixResult Result, IReadOnlyList<Diagnostic> Findings) Apply(RuleSet rules, Resolution target, IEnumerable<Resolution> context, ISet<string>? ruleIds, bool includeSuggestions)
    {
        var all = context.Where(r => r.Address != target.Address).Append(target).ToList();
        var findings = rules.Analyze(all).Diagnostics
            .Where(d => d.Location.Address == target.Address || d.Location.Address.StartsWith(target.Address + "/", StringComparison.Ordinal))
            .Where(d => ruleIds is null || ruleIds.Contains(d.Id))
            .ToList();
        var fixes = findings.SelectMany(d => d.Fixes).Where(f => f.Edits.Count > 0 && (f.IsSafe || includeSuggestions)).ToList();
        return (FixApplier.Apply(target, fixes), findings);
    }

    public static ISet<string>? ParseRuleIds(string[]? ids, RuleSet ruleSet)
    {
        var set = ParseRuleIds(ids);
        foreach (var id in set ?? new HashSet<string>())
        {
            if (!ruleSet.Definitions.Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                var near = ruleSet.Definitions.Select(d => d.Id).Where(d => Program.Distance(d, id.ToUpperInvariant()) == 1).OrderBy(d => d, StringComparer.Ordinal).Take(3).ToList();
                throw new UserException($"--rule: error: there is no rule {id.ToUpperInvariant()}" + (near.Count > 0 ? $"; did you mean {string.Join(" or ", near)}?" : " (reskit rules list shows them)"));
            }
        }

        return set;
    }

    public static ISet<string>? ParseRuleIds(string[]? ids)
    {
        if (ids is null || ids.Length == 0)
        {
            return null;
        }

        var set = new HashSet<string>(ids.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), StringComparer.OrdinalIgnoreCase);
        foreach (var id in set.Where(i => !System.Text.RegularExpressions.Regex.IsMatch(i, "^RK[0-9]{4}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)))
        {
            throw new UserException($"reskit: error: '{id}' is not a rule id (RKnnnn)");
        }

        return set;
    }

    public static void Report(FixResult result, TextWriter errors)
    {
        foreach (var fix in result.Applied)
        {
            errors.WriteLine($"applied {fix.RuleId}: {fix.Title}");
        }

        foreach (var rejected in result.Rejected)
        {
            errors.WriteLine($"not applied {rejected.Fix.RuleId} ({rejected.Reason}): {rejected.Message}");
        }

        foreach (var warning in result.Warnings)
        {
            errors.WriteLine("warning: " + warning);
        }
    }

    public static ProposalOptions ProposalOptions(RuleSet rules, string? source, string? document) => new()
    {
        Source = source ?? "XXX",
        Document = document ?? "1",
        Rationale = id => rules.Definitions.FirstOrDefault(d => d.Id == id)?.Rationale,
    };

    /// <summary>Writes the result in a format; the .docx needs an output file.</summary>
    public static void Write(string format, string? output, IReadOnlyList<ProposalUnit> units, Resolution revised, RedlineDocument redline, ProposalOptions proposalOptions, RedlineDocxOptions docxOptions, IReadOnlyList<ProposalComment>? comments = null)
    {
        if (format is "docx" or "redline-docx")
        {
            if (output is null)
            {
                throw new UserException($"reskit: error: --format {format} needs --out <file.docx>");
            }

            // docx: the proposal as a conference receives it (units, tracked changes, footnotes, reasons, comments);
            // redline-docx: the bare comparison with tracked changes.
            AtomicFile.Write(output, format == "docx" ? ProposalDocx.ToBytes(units, proposalOptions, docxOptions, comments) : RedlineDocx.ToBytes(redline, docxOptions));
            return;
        }

        var text = format switch
        {
            "json" => ResolutionJson.Write(revised) + "\n",
            "proposal" => ProposalWriter.ToMarkdown(units, proposalOptions),
            "proposal-text" => ProposalWriter.ToPlainText(units, proposalOptions),
            "proposal-json" => ProposalWriter.ToJson(units, proposalOptions),
            "markdown" => Redline.ToMarkdown(redline),
            "html" => Redline.ToHtml(redline),
            _ => ResolutionTextWriter.Write(revised),
        };
        if (output is null)
        {
            Console.Out.Write(text);
        }
        else
        {
            AtomicFile.Write(output, text);
        }
    }

    /// <summary>
    /// What is left for a person to decide in the proposed text: the findings on its clauses (suggestions not applied,
    /// problems with no fix), as comments for the proposal document.
    /// </summary>
    public static IReadOnlyList<ProposalComment> Comments(RuleSet rules, Resolution revised, IEnumerable<Resolution> context)
    {
        var corpus = context.Where(r => r.Address != revised.Address).Append(revised).ToList();
        var rationale = rules.Definitions.ToDictionary(d => d.Id, d => d.Rationale, StringComparer.Ordinal);
        return rules.Analyze(corpus).Diagnostics
            .Where(d => d.Severity > DiagnosticSeverity.Hidden && d.Location.Address.StartsWith(revised.Address + "/", StringComparison.Ordinal))
            .Select(d => new ProposalComment(d.Location.Address, d.Id, d.Message, rationale.TryGetValue(d.Id, out var why) ? why : null))
            .ToList();
    }

    public static RedlineDocxOptions DocxOptions(string? author, string? date)
    {
        DateTime? when = null;
        if (date is not null)
        {
            if (!DateTime.TryParseExact(date, new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssZ" }, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
            {
                throw new UserException($"reskit: error: --date must be yyyy-MM-dd, not '{date}'");
            }

            when = d;
        }

        return new RedlineDocxOptions { Author = author ?? "ResolutionKit", Date = when };
    }

    public static void CheckFormat(string format)
    {
        if (!Formats.Contains(format))
        {
            throw new UserException($"reskit: error: --format must be one of {string.Join(", ", Formats)}, not '{format}'");
        }
    }

    public static List<Resolution> ReadAll(IEnumerable<string> files, TextWriter errors)
    {
        var list = new List<Resolution>();
        var failed = false;
        foreach (var file in files)
        {
            foreach (var result in Inputs.ReadAll(file))
            {
                foreach (var d in result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
                {
                    errors.WriteLine(d);
                }

                failed |= result.HasErrors || result.Value is null;
                if (result.Value is not null)
                {
                    list.Add(result.Value);
                }
            }
        }

        if (failed)
        {
            throw new UserException("reskit: the inputs have errors; nothing was written");
        }

        return list;
    }
}
