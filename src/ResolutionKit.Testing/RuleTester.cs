using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Writing;

namespace ResolutionKit.Testing;

/// <summary>Options for <see cref="RuleTester.Load(RuleTesterOptions)"/>.</summary>
public sealed record RuleTesterOptions
{
    /// <summary>The rule folder (its <c>registry/</c> subfolder is loaded with it).</summary>
    public string Folder { get; init; } = string.Empty;

    /// <summary>The rules to run; the first is the rule under test, reported by <c>[|...|]</c> markup. The others are reported by <c>{|RKnnnn:...|}</c>.</summary>
    public IReadOnlyList<string> RuleIds { get; init; } = Array.Empty<string>();

    /// <summary>The meeting deadline rules are judged against (e.g. <c>PP-22</c>); null for the rule set's default.</summary>
    public string? AsOf { get; init; }

    /// <summary>Where compiled expression rules are cached; null to cache in memory only.</summary>
    public string? ExpressionCacheDirectory { get; init; }

    /// <summary>How long one pattern may run on one text; null for the rule set's default.</summary>
    public TimeSpan? RegexTimeout { get; init; }
}

/// <summary>What <see cref="RuleTester"/> read and found, for further checks (message arguments, fixes).</summary>
/// <param name="Texts">The test texts without markup.</param>
/// <param name="Resolutions">The resolutions read from them.</param>
/// <param name="Diagnostics">The findings of the rules under test (and of the rules named in the markup), in position order.</param>
public sealed record RuleTestResult(IReadOnlyList<string> Texts, IReadOnlyList<Resolution> Resolutions, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Tests a rule against resolution texts with markup, in the style of Roslyn's analyzer verifiers and ESLint's
/// RuleTester. Write the text in the canonical layout (<c>docs/text-format.md</c>) and mark each expected finding:
/// <c>[|...|]</c> for the rule under test, <c>{|RK1234:...|}</c> for another rule. <see cref="Verify(string)"/> strips the
/// markup, reads the text, runs the rules and fails (with <see cref="RuleTestException"/>) unless the findings' spans
/// are exactly the marked spans; a text without markup must give no finding.
/// </summary>
/// <example>
/// <code>
/// var tester = RuleTester.Load("rules", "RK2001");
/// tester.Verify("RESOLUTION 1 (REV. BUCHAREST, 2022)\n\nTitle\n\n...\n\n[|instructs|] Member States\nto act.\n");
/// </code>
/// </example>
public sealed class RuleTester
{
    private readonly HashSet<string> _inScope;

    /// <summary>Creates a tester over a loaded rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="ruleIds">The rules whose findings are checked; the first is the rule under test (<c>[|...|]</c>).</param>
    /// <exception cref="ArgumentException">No rule id is given, or a rule is not active in the rule set.</exception>
    public RuleTester(RuleSet ruleSet, params string[] ruleIds)
    {
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        if (ruleIds is null || ruleIds.Length == 0)
        {
            throw new ArgumentException("Name the rule under test (and any other rules whose findings the texts mark).", nameof(ruleIds));
        }

        var active = new HashSet<string>(ruleSet.ActiveRules.Select(r => r.Rule.Id), StringComparer.Ordinal);
        foreach (var id in ruleIds)
        {
            if (!active.Contains(id))
            {
                var known = ruleSet.Definitions.Any(d => d.Id == id);
                throw new ArgumentException(
                    known
                        ? $"The rule {id} is loaded but does not run under this configuration (disabled by default or severity none); use RuleTester.Load, which enables the rules it tests, or configure its severity."
                        : $"The rule set has no rule {id} (rules: {string.Join(", ", ruleSet.Definitions.Select(d => d.Id))}).",
                    nameof(ruleIds));
            }
        }

        RuleIds = ruleIds.ToArray();
        _inScope = new HashSet<string>(RuleIds, StringComparer.Ordinal);
    }

    /// <summary>The rule set the texts are analyzed with.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The rules whose findings are checked; the first is the rule under test.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>The rule under test: the one <c>[|...|]</c> markup stands for.</summary>
    public string RuleId => RuleIds[0];

    /// <summary>Loads the rules of <paramref name="folder"/>, running only <paramref name="ruleIds"/>.</summary>
    /// <param name="folder">The rule folder.</param>
    /// <param name="ruleIds">The rules to run; the first is the rule under test.</param>
    /// <exception cref="RuleTestException">The folder does not load (every error is listed with its file, line and column).</exception>
    public static RuleTester Load(string folder, params string[] ruleIds) => Load(new RuleTesterOptions { Folder = folder, RuleIds = ruleIds });

    /// <summary>
    /// Loads a rule folder running only the given rules: the other rules of the folder are configured off (they are
    /// still validated), and a given rule that is disabled by default is enabled at warning severity.
    /// </summary>
    /// <param name="options">The folder, the rules and the "as of" meeting.</param>
    /// <exception cref="RuleTestException">The folder does not load (every error is listed with its file, line and column).</exception>
    public static RuleTester Load(RuleTesterOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.RuleIds.Count == 0)
        {
            throw new ArgumentException("Name the rule under test in RuleIds.", nameof(options));
        }

        if (!Directory.Exists(options.Folder))
        {
            throw new RuleTestException($"The rule folder \"{options.Folder}\" does not exist.");
        }

        var severities = new JObject();
        foreach (var file in Directory.EnumerateFiles(options.Folder, "RK*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var id = name.Length >= 6 ? name.Substring(0, 6) : name;
            if (!options.RuleIds.Contains(id))
            {
                severities[id] = "none";
            }
            else if (DisabledByDefault(file))
            {
                severities[id] = "warning";
            }
        }

        var missing = options.RuleIds.Where(id => !File.Exists(Path.Combine(options.Folder, id + ".json")) && !Directory.EnumerateFiles(options.Folder, id + ".*.json").Any()).ToList();
        if (missing.Count > 0)
        {
            throw new RuleTestException($"The rule folder \"{options.Folder}\" has no rule file for {string.Join(", ", missing)} (rule files are named RKnnnn.<slug>.json).");
        }

        var configDir = Path.Combine(Path.GetTempPath(), "ResolutionKit.Testing", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(configDir);
        ResolutionKitConfig config;
        try
        {
            var configPath = Path.Combine(configDir, ResolutionKitConfig.FileName);
            File.WriteAllText(configPath, new JObject { ["rules"] = severities }.ToString(Formatting.Indented));
            config = ResolutionKitConfig.Load(configPath);
        }
        finally
        {
            Directory.Delete(configDir, true);
        }

        if (options.AsOf is not null)
        {
            config = config.WithAsOf(options.AsOf);
        }

        var ruleSetOptions = new RuleSetOptions
        {
            Folders = new[] { options.Folder },
            Config = config,
            ExpressionCacheDirectory = options.ExpressionCacheDirectory,
        };
        if (options.RegexTimeout is { } timeout)
        {
            ruleSetOptions = ruleSetOptions with { RegexTimeout = timeout };
        }

        var result = RuleSet.Load(ruleSetOptions);
        if (result.RuleSet is null)
        {
            throw new RuleTestException($"The rule folder \"{options.Folder}\" did not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors.Select(e => "  " + e)));
        }

        return new RuleTester(result.RuleSet, options.RuleIds.ToArray());
    }

    /// <summary>Checks that the findings in <paramref name="markedText"/> are exactly the marked spans.</summary>
    /// <param name="markedText">A resolution text with markup; without markup it must give no finding.</param>
    /// <exception cref="RuleTestException">The findings differ from the markup.</exception>
    public RuleTestResult Verify(string markedText) => Verify(new[] { markedText }, null);

    /// <summary>Checks the marked spans, and that every finding of the rule under test has <paramref name="expectedMessage"/>.</summary>
    /// <param name="markedText">A resolution text with markup.</param>
    /// <param name="expectedMessage">The message (with its arguments filled in) of every finding of the rule under test.</param>
    /// <exception cref="RuleTestException">The findings or their messages differ.</exception>
    public RuleTestResult Verify(string markedText, string expectedMessage) => Verify(new[] { markedText }, expectedMessage);

    /// <summary>
    /// Checks several texts analyzed together (for rules that compare resolutions). Each text is read as <c>TestN.txt</c>.
    /// </summary>
    /// <param name="markedTexts">The resolution texts with markup.</param>
    /// <exception cref="RuleTestException">The findings differ from the markup.</exception>
    public RuleTestResult Verify(IReadOnlyList<string> markedTexts) => Verify(markedTexts, null);

    /// <summary>
    /// Checks several texts analyzed together (for rules that compare resolutions: duplicates across resolutions,
    /// mergeable resolutions, reports across resolutions). Each text is read as <c>TestN.txt</c>.
    /// </summary>
    /// <param name="markedTexts">The resolution texts with markup.</param>
    /// <param name="expectedMessage">When given, the message of every finding of the rule under test.</param>
    /// <exception cref="RuleTestException">The findings or their messages differ.</exception>
    public RuleTestResult Verify(IReadOnlyList<string> markedTexts, string? expectedMessage)
    {
        if (markedTexts is null || markedTexts.Count == 0)
        {
            throw new ArgumentException("Give at least one text.", nameof(markedTexts));
        }

        var marked = markedTexts.Select(MarkedText.Parse).ToList();
        var paths = Enumerable.Range(0, marked.Count).Select(PathOf).ToList();
        var resolutions = new List<Resolution>();
        for (var i = 0; i < marked.Count; i++)
        {
            resolutions.Add(Read(marked[i].Text, paths[i]));
        }

        foreach (var id in marked.SelectMany(m => m.Spans).Select(s => s.RuleId).Where(id => id is not null).Distinct())
        {
            if (!_inScope.Contains(id!) && !RuleSet.ActiveRules.Any(r => r.Rule.Id == id))
            {
                throw new RuleTestException($"The markup names {id}, which is not a rule that runs in this rule set.");
            }
        }

        var inScope = new HashSet<string>(_inScope.Concat(marked.SelectMany(m => m.Spans).Where(s => s.RuleId is not null).Select(s => s.RuleId!)), StringComparer.Ordinal);
        var analysis = RuleSet.Analyze(resolutions);
        var findings = analysis.Diagnostics.Where(d => inScope.Contains(d.Id)).ToList();

        var report = new StringBuilder();
        for (var i = 0; i < marked.Count; i++)
        {
            Compare(marked[i], paths[i], findings.Where(d => d.Location.Path == paths[i]).ToList(), report);
        }

        var elsewhere = findings.Where(d => !paths.Contains(d.Location.Path ?? string.Empty)).ToList();
        foreach (var d in elsewhere)
        {
            report.AppendLine($"Reported without a place in the texts: {d}");
        }

        if (report.Length > 0)
        {
            throw new RuleTestException($"The findings of {string.Join(", ", inScope.OrderBy(x => x, StringComparer.Ordinal))} differ from the markup." + Environment.NewLine + report.ToString().TrimEnd());
        }

        if (expectedMessage is not null)
        {
            var own = findings.Where(d => d.Id == RuleId).ToList();
            if (own.Count == 0)
            {
                throw new RuleTestException($"An expected message was given but the text marks no finding of {RuleId}; mark one with [|...|].");
            }

            var wrong = own.Where(d => d.Message != expectedMessage).ToList();
            if (wrong.Count > 0)
            {
                var lines = wrong.Select(d => $"  {Where(d)}: \"{d.Message}\"");
                throw new RuleTestException($"The message of {RuleId} differs." + Environment.NewLine + $"Expected: \"{expectedMessage}\"" + Environment.NewLine + "Actual:" + Environment.NewLine + string.Join(Environment.NewLine, lines));
            }
        }

        return new RuleTestResult(marked.Select(m => m.Text).ToList(), resolutions, findings);
    }

    /// <summary>
    /// Checks the marked spans, applies the first fix of every finding with <see cref="FixApplier"/> (which also
    /// relabels, puts terminal punctuation right and rewrites cross-references), writes the result in the canonical
    /// layout and compares it with <paramref name="expectedTextAfterFix"/> (line endings and trailing blank lines aside).
    /// </summary>
    /// <param name="markedText">A resolution text with markup.</param>
    /// <param name="expectedTextAfterFix">The text expected after the fixes.</param>
    /// <exception cref="RuleTestException">The findings differ, a finding has no fix, a fix is rejected (conflict, stale text), or the fixed text differs.</exception>
    public RuleTestResult VerifyFix(string markedText, string expectedTextAfterFix)
    {
        if (expectedTextAfterFix is null)
        {
            throw new ArgumentNullException(nameof(expectedTextAfterFix));
        }

        var result = Verify(markedText);
        if (result.Diagnostics.Count == 0)
        {
            throw new RuleTestException("VerifyFix needs at least one finding: mark it in the text.");
        }

        var withoutFix = result.Diagnostics.Where(d => d.Fixes.IsEmpty).ToList();
        if (withoutFix.Count > 0)
        {
            throw new RuleTestException("These findings offer no fix:" + Environment.NewLine + string.Join(Environment.NewLine, withoutFix.Select(d => "  " + Where(d) + " " + d.Id + ": " + d.Message)));
        }

        var fixes = result.Diagnostics.Select(d => d.Fixes[0]).ToList();
        var applied = FixApplier.Apply(result.Resolutions[0], fixes);
        if (!applied.Rejected.IsEmpty)
        {
            throw new RuleTestException("Fixes were rejected:" + Environment.NewLine + string.Join(Environment.NewLine, applied.Rejected.Select(r => $"  \"{r.Fix.Title}\": {r.Reason}: {r.Message}")));
        }

        var actual = Normalize(ResolutionTextWriter.Write(applied.Resolution));
        var expected = Normalize(expectedTextAfterFix);
        if (actual != expected)
        {
            throw new RuleTestException("The text after the fix differs." + Environment.NewLine + FirstDifference(expected, actual)
                + Environment.NewLine + "Fixes applied: " + string.Join("; ", fixes.Select(f => "\"" + f.Title + "\""))
                + Environment.NewLine + "Actual text after the fix:" + Environment.NewLine + actual);
        }

        return result;
    }

    private static string PathOf(int index) => "Test" + index.ToString(CultureInfo.InvariantCulture) + ".txt";

    private static Resolution Read(string text, string path)
    {
        var read = ResolutionTextReader.Read(text, path);
        // A test text is a whole resolution: one the reader cannot read, or reads without a title line, is refused.
        var fatal = read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == ReadingDiagnostics.MissingTitle.Id).ToList();
        if (read.Value is null || fatal.Count > 0)
        {
            throw new RuleTestException($"The test text {path} does not read as a resolution:" + Environment.NewLine + string.Join(Environment.NewLine, fatal.Select(d => "  " + d)));
        }

        return read.Value;
    }

    private void Compare(MarkedText marked, string path, List<Diagnostic> findings, StringBuilder report)
    {
        var text = marked.Text;
        var expected = marked.Spans.Select(s => (Id: s.RuleId ?? RuleId, s.Offset, s.Length)).ToList();
        var unmatched = new List<Diagnostic>();
        var remaining = new List<(string Id, int Offset, int Length)>(expected);
        var noSpan = new List<Diagnostic>();
        foreach (var d in findings)
        {
            if (d.Location.Span is not { } span)
            {
                noSpan.Add(d);
                continue;
            }

            var at = remaining.FindIndex(e => e.Id == d.Id && e.Offset == span.Offset && e.Length == span.Length);
            if (at >= 0)
            {
                remaining.RemoveAt(at);
            }
            else
            {
                unmatched.Add(d);
            }
        }

        if (remaining.Count == 0 && unmatched.Count == 0 && noSpan.Count == 0)
        {
            return;
        }

        report.AppendLine(marked.Spans.Count == 0 && findings.Count > 0 ? $"{path}: expected no finding." : $"{path}:");
        foreach (var (id, offset, length) in remaining)
        {
            var (line, column) = TextPositions.LineColumn(text, offset);
            report.AppendLine($"  expected but not reported: {line}:{column} {id} (length {length}) at {TextPositions.Excerpt(text, offset, length)} in line \"{TextPositions.LineAt(text, offset)}\"");
        }

        foreach (var d in unmatched)
        {
            var span = d.Location.Span!;
            report.AppendLine($"  reported but not marked:   {span.Line}:{span.Column} {d.Id} (length {span.Length}) at {TextPositions.Excerpt(text, span.Offset, span.Length)}: {d.Message}");
        }

        foreach (var d in noSpan)
        {
            report.AppendLine($"  reported without a source span: {d.Id} at {d.Location.Address}: {d.Message}");
        }

        var actualSpans = findings.Where(d => d.Location.Span is not null).Select(d => new MarkedSpan(d.Id == RuleId ? null : d.Id, d.Location.Span!.Offset, d.Location.Span.Length));
        report.AppendLine("  the text marked with the actual findings:");
        foreach (var line in MarkedText.Format(text, actualSpans, RuleId).Split('\n'))
        {
            report.AppendLine("    " + line);
        }
    }

    private static string Where(Diagnostic d) => d.Location.Span is { } s ? $"{d.Location.Path}:{s.Line}:{s.Column}" : d.Location.Address;

    private static bool DisabledByDefault(string file)
    {
        try
        {
            var json = JObject.Parse(File.ReadAllText(file));
            return json["enabled"]?.Type == JTokenType.Boolean && !(bool)json["enabled"]!
                || string.Equals((string?)json["severity"], "none", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false; // the rule set reports it, with its line and column
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n', ' ', '\t') + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end of text)";
            var al = i < a.Length ? a[i] : "(end of text)";
            if (el != al)
            {
                return $"First difference at line {i + 1}:" + Environment.NewLine + $"  expected: \"{el.Replace("\t", "\\t")}\"" + Environment.NewLine + $"  actual:   \"{al.Replace("\t", "\\t")}\"";
            }
        }

        return "The texts differ.";
    }
}
