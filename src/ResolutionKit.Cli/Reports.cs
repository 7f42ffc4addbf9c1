using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Rules;

namespace ResolutionKit.Cli;

/// <summary>The report formats of <c>reskit check</c>.</summary>
internal static class Reports
{
    public static string Lines(IEnumerable<Diagnostic> findings)
    {
        var sb = new StringBuilder();
        foreach (var d in findings)
        {
            sb.Append(d).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Findings with the source line and a caret under the span; colour only on a terminal.</summary>
    public static string Text(IEnumerable<Diagnostic> findings, IReadOnlyDictionary<string, string> sources, bool colour)
    {
        var sb = new StringBuilder();
        foreach (var d in findings)
        {
            var (on, off) = colour ? (d.Severity switch
            {
                DiagnosticSeverity.Error => "\u001b[31m",
                DiagnosticSeverity.Warning => "\u001b[33m",
                _ => "\u001b[36m",
            }, "\u001b[0m") : (string.Empty, string.Empty);
            sb.Append(d.Location).Append(": ").Append(on).Append(d.Severity.Name()).Append(' ').Append(d.Id).Append(off).Append(": ").Append(d.Message).Append('\n');
            if (d.Location.Span is { } span && d.Location.Path is { } path && sources.TryGetValue(path, out var text))
            {
                var lines = text.Replace("\r\n", "\n").Split('\n');
                if (span.Line - 1 < lines.Length)
                {
                    var line = lines[span.Line - 1].Replace('\t', ' ');
                    var number = span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var shown = line.Length > 160 ? line.Substring(0, 160) + "…" : line;
                    sb.Append("  ").Append(number).Append(" | ").Append(shown).Append('\n');
                    var start = Math.Min(Math.Max(span.Column - 1, 0), shown.Length);
                    var width = Math.Max(1, Math.Min(span.Length, Math.Max(1, shown.Length - start)));
                    sb.Append("  ").Append(new string(' ', number.Length)).Append(" | ").Append(new string(' ', start)).Append(on).Append(new string('^', width)).Append(off).Append('\n');
                }
            }

            foreach (var fix in d.Fixes)
            {
                sb.Append("  fix").Append(fix.IsSafe ? " (safe)" : " (suggestion)").Append(": ").Append(fix.Title).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string Json(IEnumerable<Diagnostic> findings, SourceFixLookup? onSource = null)
    {
        var array = new JArray(findings.Select(d => new JObject
        {
            ["id"] = d.Id,
            ["severity"] = d.Severity.Name(),
            ["message"] = d.Message,
            ["path"] = d.Location.Path,
            ["address"] = d.Location.Address,
            ["line"] = d.Location.Span?.Line,
            ["column"] = d.Location.Span?.Column,
            ["offset"] = d.Location.Span?.Offset,
            ["length"] = d.Location.Span?.Length,
            ["helpUri"] = d.Descriptor.HelpLinkUri,
            ["fixes"] = FixesJson(d, onSource),
        }));
        return new JObject { ["version"] = 1, ["findings"] = array }.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// Each fix as model edits, and, where it can be made on the file as written, as replacements in the file
    /// (offset, length, line, column, new text), the form an editor or a script applies.
    /// </summary>
    private static JArray FixesJson(Diagnostic d, SourceFixLookup? onSource) => new(d.Fixes.Select(f =>
    {
        var fix = new JObject { ["title"] = f.Title, ["safe"] = f.IsSafe, ["edits"] = new JArray(f.Edits.Select(Edit)) };
        if (onSource?.Map(d, f) is { } mapped)
        {
            fix["replacements"] = new JArray(mapped.Replacements.Select(r =>
            {
                var (line, column) = mapped.Position(r.Offset);
                return new JObject { ["offset"] = r.Offset, ["length"] = r.Length, ["line"] = line, ["column"] = column, ["newText"] = r.NewText };
            }));
        }

        return fix;
    }));

    private static JObject Edit(ModelEdit e) => e switch
    {
        ReplaceText r => new JObject { ["kind"] = "replace-text", ["address"] = r.Address, ["start"] = r.Start, ["length"] = r.Length, ["oldText"] = r.OldText, ["newText"] = r.NewText },
        ReplaceClauseText r => new JObject { ["kind"] = "replace-clause-text", ["address"] = r.Address, ["newText"] = r.NewText },
        DeleteClause r => new JObject { ["kind"] = "delete-clause", ["address"] = r.Address, ["reason"] = r.Reason },
        InsertClause r => new JObject { ["kind"] = "insert-clause", ["address"] = r.Address, ["index"] = r.Index, ["label"] = r.Clause.Label, ["text"] = r.Clause.Text },
        ChangeGroupHeading r => new JObject { ["kind"] = "change-heading", ["address"] = r.Address, ["heading"] = r.Heading },
        Renumber r => new JObject { ["kind"] = "renumber", ["address"] = r.Address },
        _ => new JObject { ["kind"] = e.GetType().Name, ["address"] = e.Address },
    };

    /// <summary>GitHub Actions workflow commands: one annotation per finding.</summary>
    public static string GitHub(IEnumerable<Diagnostic> findings)
    {
        var sb = new StringBuilder();
        foreach (var d in findings)
        {
            var level = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            var props = new List<string>();
            if (d.Location.Path is { } p)
            {
                props.Add("file=" + Escape(p, true));
            }

            if (d.Location.Span is { } s)
            {
                props.Add("line=" + s.Line);
                props.Add("col=" + s.Column);
            }

            props.Add("title=" + Escape(d.Id + " " + d.Descriptor.Title, true));
            sb.Append("::").Append(level).Append(' ').Append(string.Join(",", props)).Append("::").Append(Escape(d.Message, false)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Escape(string s, bool property)
    {
        var e = s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? e.Replace(":", "%3A").Replace(",", "%2C") : e;
    }

    /// <summary>SARIF 2.1.0: one run, the rules that ran as reporting descriptors, results with physical and logical locations.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> findings, RuleSet ruleSet, SourceFixLookup? onSource = null)
    {
        var descriptors = findings.Select(d => d.Descriptor)
            .Concat(ruleSet.ActiveRules.Select(r => r.Rule.Descriptor))
            .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rules = new JArray(descriptors.Select(d => new JObject
        {
            ["id"] = d.Id,
            ["name"] = Pascal(d.Title),
            ["shortDescription"] = new JObject { ["text"] = d.Title },
            ["fullDescription"] = new JObject { ["text"] = d.Rationale ?? d.Title },
            ["helpUri"] = d.HelpLinkUri,
            ["properties"] = new JObject { ["category"] = d.Category },
            ["defaultConfiguration"] = new JObject { ["level"] = Level(d.DefaultSeverity), ["enabled"] = d.IsEnabledByDefault },
        }));
        var results = new JArray(findings.Select(d =>
        {
            var result = new JObject
            {
                ["ruleId"] = d.Id,
                ["ruleIndex"] = index[d.Id],
                ["level"] = Level(d.Severity),
                ["message"] = new JObject { ["text"] = d.Message },
            };
            var location = new JObject();
            if (d.Location.Path is { } path)
            {
                var physical = new JObject { ["artifactLocation"] = new JObject { ["uri"] = path.Replace('\\', '/') } };
                if (d.Location.Span is { } s)
                {
                    physical["region"] = new JObject { ["startLine"] = s.Line, ["startColumn"] = s.Column, ["charOffset"] = s.Offset, ["charLength"] = s.Length };
                }

                location["physicalLocation"] = physical;
            }

            if (d.Location.Address.Length > 0)
            {
                location["logicalLocations"] = new JArray(new JObject { ["fullyQualifiedName"] = d.Location.Address, ["kind"] = "element" });
            }

            if (location.HasValues)
            {
                result["locations"] = new JArray(location);
            }

            // SARIF fixes are text replacements in the file; the model form of every fix, as in the JSON report, goes
            // with the result, so a fix that cannot be made on the file as written is still carried.
            var fixes = SarifFixes(d, onSource);
            if (fixes.Count > 0)
            {
                result["fixes"] = fixes;
            }

            if (d.Fixes.Count > 0)
            {
                result["properties"] = new JObject { ["resolutionKit/fixes"] = FixesJson(d, onSource) };
            }

            result["partialFingerprints"] = new JObject { ["resolutionKit/v1"] = Rules.Configuration.ResolutionKitConfig.Fingerprint(d) };
            return result;
        }));
        var sarif = new JObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["tool"] = new JObject
                {
                    ["driver"] = new JObject
                    {
                        ["name"] = "ResolutionKit",
                        ["informationUri"] = "https://github.com/resolutionkit/resolutionkit",
                        ["semanticVersion"] = typeof(Reports).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
                        ["rules"] = rules,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        return sarif.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The fixes that can be made on the file as written, as SARIF artifact changes.</summary>
    private static JArray SarifFixes(Diagnostic d, SourceFixLookup? onSource)
    {
        var fixes = new JArray();
        if (d.Location.Path is not { } path)
        {
            return fixes;
        }

        foreach (var fix in d.Fixes)
        {
            if (onSource?.Map(d, fix) is not { } mapped)
            {
                continue;
            }

            fixes.Add(new JObject
            {
                ["description"] = new JObject { ["text"] = fix.Title },
                ["artifactChanges"] = new JArray(new JObject
                {
                    ["artifactLocation"] = new JObject { ["uri"] = path.Replace('\\', '/') },
                    // Offsets only: a region given as lines and columns too would have to end where the offsets end.
                    ["replacements"] = new JArray(mapped.Replacements.Select(r => new JObject
                    {
                        ["deletedRegion"] = new JObject { ["charOffset"] = r.Offset, ["charLength"] = r.Length },
                        ["insertedContent"] = new JObject { ["text"] = r.NewText },
                    })),
                }),
            });
        }

        return fixes;
    }

    private static string Level(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.None => "none",
        _ => "note",
    };

    private static string Pascal(string title) =>
        string.Concat(title.Split(new[] { ' ', '-', ',', '\'' }, StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
}
