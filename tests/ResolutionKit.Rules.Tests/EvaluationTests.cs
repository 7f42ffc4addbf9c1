using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Docs;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// The labelled evaluation set: texts written in the layouts of real ITU texts, in six languages and for every body
/// (<c>Evaluation/texts</c>, with problems planted and traps set; <c>Evaluation/holdout</c>, written without looking at
/// the rules; and the six language versions in <c>ResolutionKit.Tests/Fixtures/parallel</c>), checked
/// with every shipped rule as of PP-26. Every finding is labelled right or wrong in <c>Evaluation/labels.json</c>, and
/// every problem a rule should find but does not is labelled missed. The test fails on an unlabelled finding (label
/// it), on a label that no longer matches (relabel it), when a rule's precision falls below 90%, and when
/// <c>rules/evaluation.json</c> (the figures the docs pages show) is not what the set gives.
/// RESKIT_EVAL_DUMP=file writes the unlabelled findings there as label entries to review;
/// RESKIT_UPDATE_GOLDEN=1 rewrites rules/evaluation.json.
/// </summary>
public sealed class EvaluationTests
{
    private const double MinimumPrecision = 0.9;

    private readonly ITestOutputHelper _output;

    public EvaluationTests(ITestOutputHelper output) => _output = output;

    private static string Folder => Path.Combine(Repository.Root, "tests", "ResolutionKit.Rules.Tests", "Evaluation");

    private static readonly Lazy<Run> Result = new(Evaluate);

    private sealed record Label(string File, int Line, string Rule, string Verdict, string Note);

    private sealed record Run(IReadOnlyList<(string File, Diagnostic Finding)> Findings, IReadOnlyList<Label> Labels, IReadOnlyList<string> Problems, IReadOnlyDictionary<string, RuleMeasure> Measures, int Texts);

    private static IEnumerable<string> Corpus()
    {
        var roots = new[] { Path.Combine(Folder, "texts"), Path.Combine(Folder, "holdout"), Path.Combine(Repository.Root, "tests", "ResolutionKit.Tests", "Fixtures", "parallel") };
        return roots.Where(Directory.Exists).SelectMany(r => Directory.EnumerateFiles(r, "*.txt", SearchOption.AllDirectories)).OrderBy(f => f, StringComparer.Ordinal);
    }

    private static string Relative(string path) => Path.GetRelativePath(Path.Combine(Repository.Root, "tests"), path).Replace('\\', '/');

    private static Run Evaluate()
    {
        var config = ResolutionKitConfig.Default.WithPreset("strict").WithAsOf("PP-26");
        var load = RuleSet.Load(new RuleSetOptions { Folders = new[] { Repository.Rules }, Config = config, ExpressionCacheDirectory = null });
        var rules = load.RuleSet ?? throw new InvalidOperationException(string.Join("\n", load.Errors));
        var files = Corpus().ToList();
        var resolutions = files.SelectMany(f => ResolutionTextReader.ReadAllFile(f)).Select(r => r.Value).OfType<Model.Resolution>().ToList();
        var findings = rules.Analyze(resolutions).Diagnostics
            .Where(d => d.Location.Path is not null && d.Location.Span is not null)
            .Select(d => (File: Relative(d.Location.Path!), Finding: d))
            .ToList();

        var labelsFile = Path.Combine(Folder, "labels.json");
        var labels = File.Exists(labelsFile)
            ? JObject.Parse(File.ReadAllText(labelsFile))["labels"]!.Select(t => new Label((string)t["file"]!, (int)t["line"]!, (string)t["rule"]!, (string)t["verdict"]!, (string?)t["note"] ?? string.Empty)).ToList()
            : new List<Label>();

        // Each label stands for one finding (or one missed problem) of its rule on its line.
        var problems = new List<string>();
        var pool = labels.Where(l => l.Verdict is "right" or "wrong").GroupBy(l => (l.File, l.Line, l.Rule)).ToDictionary(g => g.Key, g => new Queue<Label>(g));
        var matched = new List<(Label Label, Diagnostic Finding)>();
        var unlabelled = new List<(string File, Diagnostic Finding)>();
        foreach (var (file, finding) in findings)
        {
            if (pool.TryGetValue((file, finding.Location.Span!.Line, finding.Id), out var queue) && queue.Count > 0)
            {
                matched.Add((queue.Dequeue(), finding));
            }
            else
            {
                unlabelled.Add((file, finding));
            }
        }

        foreach (var (file, finding) in unlabelled)
        {
            problems.Add($"unlabelled finding: {file}:{finding.Location.Span} {finding.Id}: {finding.Message}");
        }

        foreach (var stale in pool.Values.SelectMany(q => q))
        {
            problems.Add($"labelled {stale.Verdict} but no longer reported: {stale.File}:{stale.Line} {stale.Rule} ({stale.Note}); relabel it");
        }

        foreach (var missed in labels.Where(l => l.Verdict == "missed"))
        {
            if (findings.Any(f => f.File == missed.File && f.Finding.Location.Span!.Line == missed.Line && f.Finding.Id == missed.Rule))
            {
                problems.Add($"labelled missed but now reported: {missed.File}:{missed.Line} {missed.Rule}; relabel it right or wrong");
            }
        }

        foreach (var bad in labels.Where(l => l.Verdict is not ("right" or "wrong" or "missed")))
        {
            problems.Add($"label with verdict \"{bad.Verdict}\": {bad.File}:{bad.Line} {bad.Rule}; use right, wrong or missed");
        }

        if (Environment.GetEnvironmentVariable("RESKIT_EVAL_DUMP") is { Length: > 0 } dump)
        {
            var entries = unlabelled.Select(u => new JObject
            {
                ["file"] = u.File,
                ["line"] = u.Finding.Location.Span!.Line,
                ["rule"] = u.Finding.Id,
                ["verdict"] = "?",
                ["note"] = u.Finding.Message,
            });
            File.WriteAllText(dump, new JArray(entries).ToString(Formatting.Indented));
        }

        var measures = rules.Definitions.ToDictionary(
            d => d.Id,
            d => new RuleMeasure(
                matched.Count(m => m.Label.Rule == d.Id && m.Label.Verdict == "right"),
                matched.Count(m => m.Label.Rule == d.Id && m.Label.Verdict == "wrong"),
                labels.Count(l => l.Rule == d.Id && l.Verdict == "missed")),
            StringComparer.Ordinal);
        return new Run(findings, labels, problems, measures, files.Count);
    }

    private static JObject MeasuresJson(Run run) => new()
    {
        ["description"] = "Precision and recall of each rule on the labelled evaluation set (tests/ResolutionKit.Rules.Tests/Evaluation); written by EvaluationTests with RESKIT_UPDATE_GOLDEN=1 and shown on each rule's page.",
        ["texts"] = run.Texts,
        ["asOf"] = "PP-26",
        ["rules"] = new JObject(run.Measures.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new JProperty(m.Key, new JObject { ["right"] = m.Value.Right, ["wrong"] = m.Value.Wrong, ["missed"] = m.Value.Missed }))),
    };

    [Fact]
    public void EveryFinding_ShouldBeLabelled_AndEveryLabelShouldStillHold()
    {
        var run = Result.Value;
        Assert.True(run.Problems.Count == 0, $"{run.Problems.Count} problem(s) with the labels:\n" + string.Join("\n", run.Problems.Take(60)));
    }

    [Fact]
    public void EveryRule_ShouldBeAtLeast90PercentPrecise_AndMeasured()
    {
        var run = Result.Value;
        foreach (var (id, m) in run.Measures.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"{id}: {m.Findings} finding(s), {m.Right} right, {m.Wrong} wrong, {m.Missed} missed; {m}");
        }

        var unmeasured = run.Measures.Where(m => m.Value.Findings == 0).Select(m => m.Key).ToList();
        Assert.True(unmeasured.Count == 0, "rules with no finding in the evaluation set (their precision is not measured): " + string.Join(", ", unmeasured));
        var imprecise = run.Measures.Where(m => m.Value.Precision < MinimumPrecision).Select(m => $"{m.Key} {m.Value}").ToList();
        Assert.True(imprecise.Count == 0, "rules below 90% precision: " + string.Join("; ", imprecise));
    }

    [Fact]
    public void RuleFigures_ShouldBeWhatTheSetGives()
    {
        var run = Result.Value;
        var path = Path.Combine(Repository.Rules, RuleDocumentation.MeasuresFile);
        var expected = MeasuresJson(run).ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
        if (Environment.GetEnvironmentVariable("RESKIT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path).Replace("\r\n", "\n") == expected, "rules/evaluation.json is not what the evaluation set gives; rerun with RESKIT_UPDATE_GOLDEN=1 and regenerate the docs (reskit rules docs)");
    }
}
