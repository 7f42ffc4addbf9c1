using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NRules;
using NRules.Extensibility;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Engine;
using ResolutionKit.Rules.Expressions;
using ResolutionKit.Rules.Kinds;
using ResolutionKit.Rules.Loading;
using ResolutionKit.Rules.Registry;

namespace ResolutionKit.Rules;

/// <summary>Options for loading a rule set.</summary>
public sealed record RuleSetOptions
{
    /// <summary>Rule folders, in order; their <c>registry/</c> subfolders extend the instrument registry. Empty: the shipped rules.</summary>
    public IReadOnlyList<string> Folders { get; init; } = Array.Empty<string>();

    /// <summary>The configuration (preset, severities, "as of" meeting); null for the recommended preset.</summary>
    public ResolutionKitConfig? Config { get; init; }

    /// <summary>Where compiled expression rules are cached between runs; null to cache in memory only.</summary>
    public string? ExpressionCacheDirectory { get; init; } = ExpressionCompiler.DefaultCacheDirectory;

    /// <summary>How long one user pattern may run on one text before it is abandoned.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Compile the rules' patterns to IL: about half a second more to load, about a third less time per clause
    /// afterwards. Worth it for corpora of hundreds of resolutions; not for checking one file.
    /// </summary>
    public bool CompilePatterns { get; init; }
}

/// <summary>The result of loading a rule set: the rule set, or the errors (all-or-nothing).</summary>
/// <param name="RuleSet">The rule set; null when any rule, registry or configuration file was invalid.</param>
/// <param name="Errors">Every error found, each with its file, line and column.</param>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<RuleLoadError> Errors);

/// <summary>
/// A loaded, validated and compiled rule set: the rule definitions, the registry, and one NRules session factory
/// built from them. Create analyses with <see cref="Analyze(IEnumerable{Resolution})"/> or <see cref="StartSession"/>.
/// </summary>
public sealed class RuleSet
{
    private readonly List<CompiledRule> _rules;
    private readonly ISessionFactory _factory;
    private readonly RuleEnvironment _environment;

    private RuleSet(List<CompiledRule> rules, List<RuleDefinition> all, ISessionFactory factory, RuleEnvironment environment, ResolutionKitConfig config)
    {
        _rules = rules;
        _factory = factory;
        _environment = environment;
        Definitions = all;
        Config = config;
    }

    /// <summary>The folder of the shipped rules: <c>rules/</c> next to the assembly, or the repository's <c>rules/</c>.</summary>
    public static string ShippedFolder
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "rules");
            if (Directory.Exists(beside))
            {
                return beside;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "rules");
                if (File.Exists(Path.Combine(candidate, "rules.schema.json")))
                {
                    return candidate;
                }
            }

            return beside;
        }
    }

    /// <summary>Every rule definition loaded (enabled or not).</summary>
    public IReadOnlyList<RuleDefinition> Definitions { get; }

    /// <summary>Whether a JSON file is a rule (an object with "kind" and "id"), as opposed to a baseline or other data.</summary>
    private static bool LooksLikeRule(string path)
    {
        try
        {
            if (new FileInfo(path).Length > 1024 * 1024)
            {
                return false;
            }

            return Newtonsoft.Json.Linq.JToken.Parse(File.ReadAllText(path)) is Newtonsoft.Json.Linq.JObject o && o["kind"] is not null && o["id"] is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The rules that run, with their effective severities.</summary>
    public IEnumerable<(RuleDefinition Rule, DiagnosticSeverity Severity)> ActiveRules => _rules.Select(r => (r.Definition, r.Severity));

    /// <summary>The instrument registry.</summary>
    public InstrumentRegistry Registry => _environment.Registry;

    /// <summary>The meeting relative to which deadlines are judged.</summary>
    public MeetingEntry AsOf => _environment.AsOf;

    /// <summary>The configuration the rule set was loaded with.</summary>
    public ResolutionKitConfig Config { get; }

    /// <summary>Loads the rules of the given folders (or the shipped ones). Any invalid file makes the whole load fail.</summary>
    /// <param name="options">Options; null for the shipped rules with the recommended preset.</param>
    public static RuleSetLoadResult Load(RuleSetOptions? options = null)
    {
        options ??= new RuleSetOptions();
        var config = options.Config ?? ResolutionKitConfig.Default;
        var errors = new List<RuleLoadError>(config.Errors);
        var folders = (options.Folders.Count == 0 ? new[] { ShippedFolder } : options.Folders).Concat(config.RuleFolders).Distinct(StringComparer.Ordinal).ToList();

        var registry = new InstrumentRegistry();
        var definitions = new List<RuleDefinition>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                errors.Add(new RuleLoadError(folder, new SourceSpan(1, 1, 0, 0), "The rule folder does not exist"));
                continue;
            }

            var registryFolder = Path.Combine(folder, "registry");
            if (Directory.Exists(registryFolder))
            {
                foreach (var file in Directory.EnumerateFiles(registryFolder, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    registry.Load(new JsonSource(file, File.ReadAllText(file)), errors);
                }
            }

            // A JSON file the loader would skip is a rule someone expects to run: say so instead of ignoring it.
            var ruleFiles = RuleSetLoader.RuleFiles(folder).ToList();
            var picked = new HashSet<string>(ruleFiles, StringComparer.Ordinal);
            foreach (var stray in Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Where(f => !picked.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(stray);
                if (LooksLikeRule(stray))
                {
                    errors.Add(new RuleLoadError(stray, new SourceSpan(1, 1, 0, 0), $"\"{name}\" is a rule but is not picked up: rule files are named RKnnnn.<name>.json; rename it"));
                }
            }

            foreach (var file in ruleFiles)
            {
                var definition = RuleSetLoader.Parse(file, errors);
                if (definition is not null)
                {
                    definitions.Add(definition);
                }
            }
        }

        foreach (var duplicate in definitions.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            foreach (var d in duplicate.Skip(1))
            {
                errors.Add(new RuleLoadError(d.Source.Path, d.Source.Locate(d.Json["id"]), $"the rule id {d.Id} is already used by {duplicate.First().Source.Path}"));
            }
        }

        var asOf = config.AsOf is null ? DefaultAsOf(registry) : registry.FindMeeting(config.AsOf);
        if (asOf is null && config.AsOf is not null)
        {
            errors.Add(new RuleLoadError(config.Path ?? "resolutionkit.json", config.AsOfSpan ?? new SourceSpan(1, 1, 0, 0), $"\"asOf\" names \"{config.AsOf}\", which is not a meeting in the registry (for example PP-26, WTSA-24)"));
        }

        // No "asOf" configured and no meeting in the registry (a rule folder of its own, without registry/): judge
        // deadlines as of today rather than refuse to load.
        asOf ??= new MeetingEntry(new Conference(Body.Plenipotentiary, "today", DateTime.UtcNow.Year, "today"), DateTime.UtcNow.Date, Array.Empty<string>());

        foreach (var id in config.Severities.Keys.Where(id => id.StartsWith("RK", StringComparison.Ordinal) && definitions.All(d => d.Id != id)))
        {
            errors.Add(new RuleLoadError(config.Path ?? "resolutionkit.json", config.SpanOf(id), $"the configuration names the rule {id}, which does not exist"));
        }

        var environment = new RuleEnvironment(registry, asOf, new ExpressionCompiler(options.ExpressionCacheDirectory), options.RegexTimeout) { CompilePatterns = options.CompilePatterns };
        var compiled = new List<CompiledRule>();
        foreach (var definition in definitions.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var severity = config.SeverityOf(definition);
            if (severity == DiagnosticSeverity.None)
            {
                // Still validate it, so a broken disabled rule is found before someone enables it; in an environment
                // of its own, so that it derives no facts (similar pairs) for the rules that do run.
                RuleSetLoader.Compile(definition, errors, new RuleEnvironment(registry, asOf, environment.Expressions, options.RegexTimeout));
                continue;
            }

            var rule = RuleSetLoader.Compile(definition, errors, environment);
            if (rule is not null)
            {
                rule.Severity = severity;
                rule.Index = compiled.Count;
                compiled.Add(rule);
            }
        }

        if (errors.Count > 0)
        {
            return new RuleSetLoadResult(null, errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Line).ThenBy(e => e.Span.Column).ToList());
        }

        var factory = new RuleCompiler().Compile(compiled.SelectMany(r => r.Build()));
        return new RuleSetLoadResult(new RuleSet(compiled, definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ToList(), factory, environment, config), errors);
    }

    private static MeetingEntry? DefaultAsOf(InstrumentRegistry registry)
    {
        var today = DateTime.UtcNow.Date;
        return registry.Meetings.Where(m => m.Conference.Body.Code == Body.Plenipotentiary.Code && (m.Start ?? new DateTime(m.Conference.Year, 1, 1)) <= today).LastOrDefault()
            ?? registry.Meetings.LastOrDefault();
    }

    /// <summary>Analyzes one resolution.</summary>
    /// <param name="resolution">The resolution.</param>
    public AnalysisResult Analyze(Resolution resolution) => Analyze(new[] { resolution });

    /// <summary>
    /// Analyzes resolutions together (cross-resolution rules see all of them). Several resolutions may share an
    /// address — the language versions of one instrument, or copies of it — and each is analyzed: when they do, each
    /// language is analyzed on its own (texts are compared with texts in their language), copies in one language in
    /// turns, and a finding reported in several turns is reported once.
    /// </summary>
    /// <param name="resolutions">The resolutions.</param>
    public AnalysisResult Analyze(IEnumerable<Resolution> resolutions)
    {
        var list = resolutions.ToList();
        if (list.Select(r => r.Address).Distinct(StringComparer.Ordinal).Count() == list.Count)
        {
            var session = StartSession(list);
            return new AnalysisResult(session.Diagnostics, session.Suppressed);
        }

        var diagnostics = new HashSet<Diagnostic>();
        var suppressed = new HashSet<Diagnostic>();
        foreach (var language in list.GroupBy(r => r.Language, StringComparer.OrdinalIgnoreCase))
        {
            var versions = new Dictionary<string, List<Resolution>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var r in language)
            {
                if (!versions.TryGetValue(r.Address, out var copies))
                {
                    versions[r.Address] = copies = new List<Resolution>();
                    order.Add(r.Address);
                }

                copies.Add(r);
            }

            // The first copy of each in one session; then the other copies in turns, each replacing the one before
            // in the same session (an edit, not another analysis of the whole corpus).
            var turns = versions.Values.Max(v => v.Count);
            var session = StartSession(order.Select(a => versions[a][0]));
            diagnostics.UnionWith(session.Diagnostics);
            suppressed.UnionWith(session.Suppressed);
            for (var turn = 1; turn < turns; turn++)
            {
                foreach (var copies in order.Select(a => versions[a]).Where(v => v.Count > turn))
                {
                    session.ReplaceResolution(copies[turn]);
                }

                diagnostics.UnionWith(session.Diagnostics);
                suppressed.UnionWith(session.Suppressed);
            }
        }

        var comparer = Comparer<Diagnostic>.Create(Diagnostic.Compare);
        return new AnalysisResult(ReportOnce(diagnostics.OrderBy(d => d, comparer).ToList()), suppressed.OrderBy(d => d, comparer).ToList());
    }

    /// <summary>Starts an incremental session over resolutions, for drafting tools.</summary>
    /// <param name="resolutions">The resolutions.</param>
    public IncrementalSession StartSession(IEnumerable<Resolution> resolutions) => new(this, resolutions);

    internal ISession CreateNRulesSession(DiagnosticSink sink)
    {
        var session = _factory.CreateSession();
        session.DependencyResolver = new SinkResolver(sink);
        return session;
    }

    internal FactBuilder CreateFactBuilder() => new(_environment.SimilarityFloor, _environment.Reporting, _environment.ReportingSubjectFloor, _environment.CrossResolutionParts);

    /// <summary>
    /// Puts reading diagnostics and rule findings together, reporting each problem once: a reading diagnostic that an
    /// active rule supersedes (RK0005 by RK1001, RK0009 by RK1005) is dropped where the rule reports the same line, and
    /// a rule finding superseded by a reading diagnostic (RK1001 by RK0018: the reader already said the group's heading
    /// is missing) is dropped where that diagnostic reports the same line.
    /// </summary>
    /// <param name="reading">The reader's diagnostics.</param>
    /// <param name="findings">The rules' findings.</param>
    public IReadOnlyList<Diagnostic> MergeReading(IEnumerable<Diagnostic> reading, IReadOnlyList<Diagnostic> findings)
    {
        var readingList = reading as IReadOnlyList<Diagnostic> ?? reading.ToList();
        var superseding = _rules.Where(r => !r.Definition.Supersedes.IsEmpty).ToDictionary(r => r.Descriptor.Id, r => r.Definition.Supersedes, StringComparer.Ordinal);
        var supersededBy = _rules.Where(r => !r.Definition.SupersededBy.IsEmpty).ToDictionary(r => r.Descriptor.Id, r => r.Definition.SupersededBy, StringComparer.Ordinal);
        var covered = new HashSet<(string Id, string? Path, int Line)>();
        foreach (var f in findings)
        {
            if (superseding.TryGetValue(f.Id, out var ids) && f.Location.Span is { } span)
            {
                foreach (var id in ids)
                {
                    covered.Add((id, f.Location.Path, span.Line));
                }
            }
        }

        var said = new HashSet<(string Id, string? Path, int Line)>(readingList.Where(d => d.Location.Span is not null).Select(d => (d.Id, d.Location.Path, d.Location.Span!.Line)));
        bool AlreadySaid(Diagnostic f) =>
            supersededBy.TryGetValue(f.Id, out var by) && f.Location.Span is { } s && by.Any(id => said.Contains((id, f.Location.Path, s.Line)));

        var merged = readingList.Where(d => !(d.Location.Span is { } s && covered.Contains((d.Id, d.Location.Path, s.Line))))
            .Concat(findings.Where(f => !AlreadySaid(f)))
            .ToList();
        merged.Sort(Diagnostic.Compare);
        return merged;
    }

    /// <summary>
    /// Keeps the first finding (in file and position order) of each rule that reports once per run for each thing it
    /// names, e.g. an instrument missing from the catalogue cited in ten places is said once.
    /// </summary>
    internal IReadOnlyList<Diagnostic> ReportOnce(IReadOnlyList<Diagnostic> diagnostics)
    {
        var once = new HashSet<string>(_rules.Where(r => r.ReportOncePerRun).Select(r => r.Descriptor.Id), StringComparer.Ordinal);
        if (once.Count == 0 || !diagnostics.Any(d => once.Contains(d.Id)))
        {
            return diagnostics;
        }

        var seen = new HashSet<(string, string)>();
        var kept = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in diagnostics.OrderBy(d => d, Comparer<Diagnostic>.Create(Diagnostic.Compare)))
        {
            if (once.Contains(d.Id) && !seen.Add((d.Id, d.Arguments.Count > 0 ? d.Arguments[0] : string.Empty)))
            {
                continue;
            }

            kept.Add(d);
        }

        return kept;
    }

    internal IReadOnlyList<CompiledRule> Compiled => _rules;

    private sealed class SinkResolver : IDependencyResolver
    {
        private readonly DiagnosticSink _sink;

        public SinkResolver(DiagnosticSink sink) => _sink = sink;

        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(DiagnosticSink) ? _sink : throw new InvalidOperationException("Rules can only ask for the diagnostic sink");
    }
}

/// <summary>What an analysis found: the diagnostics (after configuration), and those suppressed or baselined.</summary>
/// <param name="Diagnostics">The diagnostics reported, in file and position order.</param>
/// <param name="Suppressed">Diagnostics hidden by a suppression or the baseline.</param>
public sealed record AnalysisResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Suppressed);
