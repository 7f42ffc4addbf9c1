using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Docs;

/// <summary>How a rule fared on a labelled evaluation set: its findings marked right or wrong, and the problems it missed.</summary>
/// <param name="Right">Findings a reader marked right.</param>
/// <param name="Wrong">Findings a reader marked wrong (false alarms).</param>
/// <param name="Missed">Problems the rule should have found and did not.</param>
public sealed record RuleMeasure(int Right, int Wrong, int Missed)
{
    /// <summary>All findings.</summary>
    public int Findings => Right + Wrong;

    /// <summary>Right findings over all findings; null with no finding.</summary>
    public double? Precision => Findings == 0 ? null : (double)Right / Findings;

    /// <summary>Right findings over all problems there were; null with no problem.</summary>
    public double? Recall => Right + Missed == 0 ? null : (double)Right / (Right + Missed);

    /// <summary>"precision 95% (19 of 20), recall 90% (19 of 21)".</summary>
    public override string ToString() =>
        $"precision {Percent(Precision)} ({Right} of {Findings}), recall {Percent(Recall)} ({Right} of {Right + Missed})";

    internal static string Percent(double? value) => value is { } v ? Math.Round(v * 100).ToString(CultureInfo.InvariantCulture) + "%" : "n/a";
}

/// <summary>
/// The documentation of a rule folder, generated from its rule files (the only source): one Markdown page per rule
/// (why, message, fix, languages, expanded examples, configuration, and its measured precision and recall when the
/// folder has an <c>evaluation.json</c>) and the rule table of a README between <c>&lt;!-- rules:start --&gt;</c> and
/// <c>&lt;!-- rules:end --&gt;</c>. <c>reskit rules docs</c> writes it; the shipped folder's drift test compares it.
/// </summary>
public static class RuleDocumentation
{
    /// <summary>The marker before the generated table in a README.</summary>
    public const string TableStart = "<!-- rules:start -->";

    /// <summary>The marker after the generated table in a README.</summary>
    public const string TableEnd = "<!-- rules:end -->";

    /// <summary>The file of a rule folder that holds the measured figures of its rules.</summary>
    public const string MeasuresFile = "evaluation.json";

    /// <summary>
    /// Expands example lines into whole resolution texts: a standard title, subject and formula, then the lines
    /// (<c>@title</c>, <c>@formula</c>, <c>@wtsa</c> and <c>@language fr</c> adjust the header; <c>---</c> starts another text).
    /// </summary>
    /// <param name="lines">The example's lines.</param>
    public static IReadOnlyList<string> ExpandExamples(IReadOnlyList<string> lines)
    {
        var texts = new List<string>();
        var current = new List<string>();
        foreach (var line in lines.Concat(new[] { "---" }))
        {
            if (line != "---")
            {
                current.Add(line);
                continue;
            }

            var n = texts.Count + 1;
            var title = $"RESOLUTION {n} (REV. BUCHAREST, 2022)";
            var subject = "Example resolution";
            var formula = "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),";
            var body = new List<string>();
            foreach (var x in current)
            {
                if (x.StartsWith("@title ", StringComparison.Ordinal))
                {
                    title = x.Substring(7);
                }
                else if (x.StartsWith("@formula ", StringComparison.Ordinal))
                {
                    formula = x.Substring(9);
                }
                else if (x == "@wtsa")
                {
                    title = $"RESOLUTION {n} (Rev. New Delhi, 2024)";
                    formula = "The World Telecommunication Standardization Assembly (New Delhi, 2024),";
                }
                else if (x.StartsWith("@language ", StringComparison.Ordinal) && Header(x.Substring(10).Trim(), n) is { } header)
                {
                    (title, subject, formula) = header;
                }
                else
                {
                    body.Add(x);
                }
            }

            texts.Add(string.Join("\n", new[] { title, string.Empty, subject, string.Empty, formula, string.Empty }.Concat(body)) + "\n");
            current.Clear();
        }

        return texts;
    }

    /// <summary>The standard header of an example in another language (a PP resolution, Bucharest, 2022).</summary>
    private static (string Title, string Subject, string Formula)? Header(string language, int n) => language switch
    {
        "en" => ($"RESOLUTION {n} (REV. BUCHAREST, 2022)", "Example resolution", "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),"),
        "fr" => ($"RÉSOLUTION {n} (RÉV. BUCAREST, 2022)", "Résolution d'exemple", "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),"),
        "es" => ($"RESOLUCIÓN {n} (REV. BUCAREST, 2022)", "Resolución de ejemplo", "La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Bucarest, 2022),"),
        "ru" => ($"РЕЗОЛЮЦИЯ {n} (ПЕРЕСМ. БУХАРЕСТ, 2022 г.)", "Пример резолюции", "Полномочная конференция Международного союза электросвязи (Бухарест, 2022 г.),"),
        "ar" => ($"القرار {n} (المراجَع في بوخارست، 2022)", "قرار على سبيل المثال", "إن مؤتمر المندوبين المفوضين للاتحاد الدولي للاتصالات (بوخارست، 2022)،"),
        "zh" => ($"第{n}号决议（2022年，布加勒斯特，修订版）", "示例决议", "国际电信联盟全权代表大会（2022年，布加勒斯特），"),
        _ => null,
    };

    /// <summary>The figures of a rule folder's <c>evaluation.json</c> by rule id; empty when it has none.</summary>
    /// <param name="rulesFolder">The rule folder.</param>
    public static IReadOnlyDictionary<string, RuleMeasure> ReadMeasures(string rulesFolder)
    {
        var path = Path.Combine(rulesFolder, MeasuresFile);
        var result = new Dictionary<string, RuleMeasure>(StringComparer.Ordinal);
        if (!File.Exists(path) || JToken.Parse(File.ReadAllText(path)) is not JObject root || root["rules"] is not JObject rules)
        {
            return result;
        }

        foreach (var p in rules.Properties())
        {
            if (p.Value is JObject o)
            {
                result[p.Name] = new RuleMeasure((int?)o["right"] ?? 0, (int?)o["wrong"] ?? 0, (int?)o["missed"] ?? 0);
            }
        }

        return result;
    }

    /// <summary>The languages a rule judges, as shown: "all" or the codes.</summary>
    /// <param name="rule">The rule.</param>
    public static string LanguagesOf(RuleDefinition rule) => rule.Languages.IsEmpty ? "all" : string.Join(", ", rule.Languages);

    /// <summary>How a rule's fix is shown: its kind and whether fix-all applies it.</summary>
    /// <param name="rule">The rule.</param>
    public static string FixOf(RuleDefinition rule)
    {
        if (rule.Kind == "substitution" && rule.Fix is null)
        {
            return "replace the term (safe)";
        }

        if (rule.Kind == "sequence" && (string?)rule.Parameters["check"] is "labels" or "single-clause")
        {
            return "renumber (safe)";
        }

        return rule.Fix is null ? "none" : $"`{rule.Fix.Kind}` ({(rule.Fix.IsSafe ? "safe" : "suggestion")})";
    }

    /// <summary>The Markdown page of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="measure">Its measured figures, when known.</param>
    /// <param name="generator">The command that generates the page, named in it.</param>
    public static string Page(RuleDefinition rule, RuleMeasure? measure, string generator = "reskit rules docs")
    {
        var d = rule.Descriptor;
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        Line($"# {rule.Id}: {d.Title}");
        Line();
        Line($"<!-- generated from rules/{Path.GetFileName(rule.Source.Path)} by `{generator}`; edit the rule file, not this page -->");
        Line();
        Line("| | |");
        Line("|---|---|");
        Line($"| Category | {d.Category} |");
        Line($"| Default severity | {d.DefaultSeverity.Name()} |");
        Line($"| Enabled by default | {(d.IsEnabledByDefault ? "yes" : "no (strict preset)")} |");
        Line($"| Kind | `{rule.Kind}` |");
        Line($"| Languages | {LanguagesOf(rule)} |");
        Line($"| Fix | {FixOf(rule)} |");
        if (measure is not null)
        {
            Line($"| Measured | {measure} on the labelled evaluation set |");
        }

        Line();
        Line("## Why");
        Line();
        Line(rule.Rationale);
        Line();
        Line("## Message");
        Line();
        Line("`" + d.MessageFormat + "`");
        Line();
        if (rule.Json["examples"] is JObject examples)
        {
            foreach (var (key, head) in new[] { ("incorrect", "## Incorrect"), ("correct", "## Correct") })
            {
                if (examples[key] is JArray { Count: > 0 } lines)
                {
                    Line(head);
                    Line();
                    Line("```text");
                    Line(string.Join("\n---\n", ExpandExamples(lines.Values<string>().Select(s => s ?? string.Empty).ToList()).Select(t => t.TrimEnd('\n'))));
                    Line("```");
                    Line();
                }
            }
        }

        Line("## Configuration");
        Line();
        Line("```json");
        Line("{\n  \"rules\": {\n    \"" + rule.Id + "\": \"none\"\n  }\n}");
        Line("```");
        return sb.ToString();
    }

    /// <summary>The rule table (Markdown) for a README.</summary>
    /// <param name="rules">The rules.</param>
    /// <param name="pages">The path of the pages folder as the README links it, e.g. <c>docs/rules</c>.</param>
    /// <param name="measures">Measured figures by rule id.</param>
    public static string Table(IEnumerable<RuleDefinition> rules, string pages, IReadOnlyDictionary<string, RuleMeasure>? measures = null)
    {
        var sb = new StringBuilder();
        sb.Append("| id | title | category | severity | kind | languages | fix | precision | recall |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var d = rule.Descriptor;
            var severity = d.DefaultSeverity.Name() + (d.IsEnabledByDefault ? string.Empty : " (strict)");
            var m = measures is not null && measures.TryGetValue(rule.Id, out var found) ? found : null;
            sb.Append($"| [{rule.Id}]({pages}/{rule.Id}.md) | {d.Title} | {d.Category} | {severity} | {rule.Kind} | {LanguagesOf(rule)} | {FixOf(rule)} | {RuleMeasure.Percent(m?.Precision)} | {RuleMeasure.Percent(m?.Recall)} |\n");
        }

        return sb.ToString();
    }

    /// <summary>A README with its generated table replaced (or appended under a "Rules" heading when it has none).</summary>
    /// <param name="readme">The README text.</param>
    /// <param name="table">The table.</param>
    public static string ReplaceTable(string readme, string table)
    {
        var block = TableStart + "\n" + table + TableEnd;
        var start = readme.IndexOf(TableStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : readme.IndexOf(TableEnd, start, StringComparison.Ordinal);
        return start >= 0 && end > start
            ? readme.Substring(0, start) + block + readme.Substring(end + TableEnd.Length)
            : readme.Trim('\n').Length == 0 ? "# Rules\n\n" + block + "\n" : readme.TrimEnd('\n') + "\n\n## Rules\n\n" + block + "\n";
    }

    /// <summary>Every generated file of a rule set: (path, content) for each page, and the README when given.</summary>
    /// <param name="rules">The rules (of one folder).</param>
    /// <param name="rulesFolder">The rule folder (its <c>evaluation.json</c> is read when present).</param>
    /// <param name="pagesFolder">Where the pages go.</param>
    /// <param name="readmePath">The README whose table is regenerated; null for none.</param>
    public static IReadOnlyList<(string Path, string Content)> Generate(IEnumerable<RuleDefinition> rules, string rulesFolder, string pagesFolder, string? readmePath)
    {
        var list = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var measures = ReadMeasures(rulesFolder);
        var files = list.Select(r => (Path.Combine(pagesFolder, r.Id + ".md"), Page(r, measures.TryGetValue(r.Id, out var m) ? m : null))).ToList();
        if (readmePath is not null)
        {
            var relative = Internal.Compat.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(readmePath)) ?? ".", Path.GetFullPath(pagesFolder)).Replace('\\', '/');
            var readme = File.Exists(readmePath) ? File.ReadAllText(readmePath) : string.Empty;
            files.Add((readmePath, ReplaceTable(readme.Replace("\r\n", "\n"), Table(list, relative, measures))));
        }

        return files;
    }
}
