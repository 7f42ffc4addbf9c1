using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace ResolutionKit.Mapping;

/// <summary>
/// Writes a <see cref="CorpusMap"/> or a <see cref="TaskRegister"/> as JSON, CSV, a self-contained HTML page or an
/// .xlsx workbook (the form the secretariat circulates its map in). Every form carries the thresholds used.
/// </summary>
public static class MapWriter
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        Converters = { new StringEnumConverter(new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy()) },
        ContractResolver = new Newtonsoft.Json.Serialization.DefaultContractResolver { NamingStrategy = new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy() },
        Culture = CultureInfo.InvariantCulture,
    });

    /// <summary>The map as JSON: options, instruments, relations (with their overlapping clauses) and clusters.</summary>
    /// <param name="map">The map.</param>
    public static string ToJson(CorpusMap map)
    {
        var o = new JObject
        {
            ["tool"] = "reskit map",
            ["options"] = JObject.FromObject(map.Options, Serializer),
            ["instruments"] = JArray.FromObject(map.Instruments, Serializer),
            ["relations"] = JArray.FromObject(map.Relations, Serializer),
            ["clusters"] = JArray.FromObject(map.Clusters, Serializer),
        };
        if (map.Search is { } search)
        {
            o["search"] = JObject.FromObject(search, Serializer);
        }

        return o.ToString(Formatting.Indented) + "\n";
    }

    /// <summary>The register as JSON.</summary>
    /// <param name="register">The register.</param>
    public static string ToJson(TaskRegister register)
    {
        var o = new JObject
        {
            ["tool"] = "reskit map --tasks",
            ["asOf"] = register.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["threshold"] = register.Threshold,
            ["tasks"] = JArray.FromObject(register.Tasks, Serializer),
        };
        return o.ToString(Formatting.Indented) + "\n";
    }

    /// <summary>The relations of the map, one row each, with the thresholds in the last columns.</summary>
    /// <param name="map">The map.</param>
    public static string ToCsv(CorpusMap map) => Csv(MapSheets(map, relationsOnly: true)[0]);

    /// <summary>The register, one instruction to one actor per row.</summary>
    /// <param name="register">The register.</param>
    public static string ToCsv(TaskRegister register) => Csv(TaskSheets(register)[0]);

    /// <summary>The map as an .xlsx workbook: relations, overlapping clauses, instruments, clusters and settings.</summary>
    /// <param name="map">The map.</param>
    /// <param name="stream">Where to write it.</param>
    public static void ToXlsx(CorpusMap map, Stream stream) => Spreadsheet.Write(stream, MapSheets(map));

    /// <summary>The register as an .xlsx workbook: the instructions and the settings.</summary>
    /// <param name="register">The register.</param>
    /// <param name="stream">Where to write it.</param>
    public static void ToXlsx(TaskRegister register, Stream stream) => Spreadsheet.Write(stream, TaskSheets(register));

    /// <summary>The map as one self-contained HTML page (no external resources).</summary>
    /// <param name="map">The map.</param>
    public static string ToHtml(CorpusMap map) => MapHtml.Render(map);

    /// <summary>The register as one self-contained HTML page, grouped by actor.</summary>
    /// <param name="register">The register.</param>
    public static string ToHtml(TaskRegister register) => MapHtml.Render(register);

    internal sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<double> Widths);

    private static string Percent(double v) => Math.Round(v * 100).ToString(CultureInfo.InvariantCulture);

    internal static IReadOnlyList<Sheet> MapSheets(CorpusMap map, bool relationsOnly = false)
    {
        var titles = map.Instruments.ToDictionary(i => i.Address, i => i, StringComparer.Ordinal);
        var relations = map.Relations.Select(r => (IReadOnlyList<object?>)new object?[]
        {
            r.First, titles[r.First].Title, r.Second, titles[r.Second].Title, r.CrossBody ? "yes" : "no", Math.Round(r.Subject, 2),
            string.Join("; ", r.SharedTerms), r.FirstCitesSecond ? "yes" : "no", r.SecondCitesFirst ? "yes" : "no", r.Overlaps.Count,
            r.SharedOperativeClauses, r.Overlaps.Count > 0 ? Math.Round(r.Overlaps[0].Similarity, 2) : null, Suggestion(r.Suggestion),
            titles[r.First].Cluster == titles[r.Second].Cluster && titles[r.First].Cluster > 0 ? titles[r.First].Cluster : null,
            map.Options.ClauseThreshold, map.Options.SubjectThreshold,
        }).ToList();
        var relationSheet = new Sheet("Relations", new[] { "first", "first_title", "second", "second_title", "cross_body", "subject", "shared_terms", "first_cites_second", "second_cites_first", "overlapping_clauses", "shared_operative_clauses", "best_clause_similarity", "suggestion", "cluster", "clause_threshold", "subject_threshold" }, relations, new double[] { 22, 40, 22, 40, 8, 8, 30, 8, 8, 8, 8, 8, 12, 8, 8, 8 });
        if (relationsOnly)
        {
            return new[] { relationSheet };
        }

        var overlaps = map.Relations.SelectMany(r => r.Overlaps.Select(o => (IReadOnlyList<object?>)new object?[]
        {
            r.First, r.Second, o.First, o.FirstText, o.Second, o.SecondText, Math.Round(o.Similarity, 2), o.Language,
        })).ToList();
        var instruments = map.Instruments.Select(i => (IReadOnlyList<object?>)new object?[]
        {
            i.Address, i.Body, i.Kind, i.Number, i.Title, i.Revision, string.Join(" ", i.Languages), i.Cluster == 0 ? null : i.Cluster,
            string.Join("; ", map.RelationsOf(i.Address).Select(r => r.First == i.Address ? r.Second : r.First)),
            string.Join("; ", i.Sources),
        }).ToList();
        var clusters = map.Clusters.Select(c => (IReadOnlyList<object?>)new object?[] { c.Id, c.Label, c.Members.Count, string.Join("; ", c.Members) }).ToList();
        var settings = new List<IReadOnlyList<object?>>
        {
            new object?[] { "clause threshold", map.Options.ClauseThreshold, "least Jaccard similarity of two clauses shown as overlapping" },
            new object?[] { "subject threshold", map.Options.SubjectThreshold, "least cosine similarity of two instruments' vocabularies" },
            new object?[] { "merge subject threshold", map.Options.MergeSubjectThreshold, "same body, this similar: candidate for merging" },
            new object?[] { "merge shared clauses", map.Options.MergeSharedClauses, "same body, this many overlapping operative clauses: candidate for merging" },
            new object?[] { "instruments", map.Instruments.Count, null },
            new object?[] { "relations", map.Relations.Count, null },
        };
        return new[]
        {
            relationSheet,
            new Sheet("Overlapping clauses", new[] { "first", "second", "first_clause", "first_text", "second_clause", "second_text", "similarity", "language" }, overlaps, new double[] { 20, 20, 30, 60, 30, 60, 8, 6 }),
            new Sheet("Instruments", new[] { "address", "body", "kind", "number", "title", "revision", "languages", "cluster", "related", "sources" }, instruments, new double[] { 22, 8, 10, 8, 50, 22, 12, 8, 50, 40 }),
            new Sheet("Clusters", new[] { "cluster", "subject", "size", "members" }, clusters, new double[] { 8, 40, 6, 80 }),
            new Sheet("Settings", new[] { "setting", "value", "meaning" }, settings, new double[] { 24, 10, 70 }),
        };
    }

    internal static IReadOnlyList<Sheet> TaskSheets(TaskRegister register)
    {
        var rows = register.Tasks.Select(t => (IReadOnlyList<object?>)new object?[]
        {
            t.Actor, t.ActorName, t.Verb, t.Instrument, t.Language, t.Clause, t.Label, string.Join("; ", t.Kinds), t.Cadence,
            string.Join("; ", t.Deadlines.Select(d => d.Past ? d.Text + " (past)" : d.Text)), t.Past ? "yes" : "no",
            string.Join("; ", t.SameTaskElsewhere), t.Text,
        }).ToList();
        var settings = new List<IReadOnlyList<object?>>
        {
            new object?[] { "as of", register.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "deadlines before this year are past" },
            new object?[] { "same-task threshold", register.Threshold, "least similarity of two instructions to one actor counted as one task" },
            new object?[] { "instructions", register.Tasks.Count, null },
        };
        return new[]
        {
            new Sheet("Tasks", new[] { "actor", "actor_name", "verb", "instrument", "language", "clause", "label", "kinds", "cadence", "deadlines", "past", "same_task_elsewhere", "text" }, rows, new double[] { 16, 30, 10, 22, 6, 36, 6, 18, 14, 20, 6, 40, 80 }),
            new Sheet("Settings", new[] { "setting", "value", "meaning" }, settings, new double[] { 24, 12, 70 }),
        };
    }

    internal static string Suggestion(MapSuggestion s) => s switch
    {
        MapSuggestion.Merge => "merge",
        MapSuggestion.CrossCite => "cross-cite",
        MapSuggestion.Cited => "cited",
        _ => "related",
    };

    internal static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Csv(Sheet sheet)
    {
        var sb = new StringBuilder();
        void Row(IEnumerable<string> cells) => sb.Append(string.Join(",", cells.Select(Escape))).Append("\r\n");
        Row(sheet.Header);
        foreach (var r in sheet.Rows)
        {
            Row(r.Select(Cell));
        }

        return sb.ToString();
    }

    private static string Escape(string s) =>
        s.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[s.Length - 1])))
            ? "\"" + s.Replace("\"", "\"\"") + "\""
            : s;
}
