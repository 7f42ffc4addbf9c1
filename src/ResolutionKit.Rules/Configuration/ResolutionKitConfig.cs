using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Configuration;

/// <summary>A suppression: findings of a rule at an address (or below it) accepted, with the reason.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Address">The address, e.g. <c>PP-191/resolves/2</c>; findings at it or below it are suppressed.</param>
/// <param name="Justification">Why the finding is accepted (required).</param>
public sealed record Suppression(string Id, string Address, string Justification);

/// <summary>
/// The configuration in <c>resolutionkit.json</c>, found next to or above the inputs: a preset (<c>recommended</c>,
/// <c>strict</c>), severities per rule id or category, extra rule folders, the "as of" meeting for deadline rules, a
/// baseline file and suppressions. Errors in the file are collected (with line and column) and make loading fail.
/// </summary>
public sealed class ResolutionKitConfig
{
    /// <summary>The file name looked for.</summary>
    public const string FileName = "resolutionkit.json";

    private readonly Dictionary<string, SourceSpan> _spans = new(StringComparer.Ordinal);
    private HashSet<string> _baseline = new(StringComparer.Ordinal);

    /// <summary>The recommended preset with nothing else configured.</summary>
    public static ResolutionKitConfig Default => new();

    /// <summary>The file it was read from, when any.</summary>
    public string? Path { get; private set; }

    /// <summary><c>recommended</c> (rules enabled by default, at their default severity) or <c>strict</c> (every rule; suggestions raised to warnings).</summary>
    public string Preset { get; private set; } = "recommended";

    /// <summary>Severities by rule id (<c>RK1203</c>) or category (<c>Style</c>).</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity> Severities => _severities;

    private readonly Dictionary<string, DiagnosticSeverity> _severities = new(StringComparer.Ordinal);

    /// <summary>Extra rule folders (absolute paths).</summary>
    public IReadOnlyList<string> RuleFolders => _folders;

    private readonly List<string> _folders = new();

    /// <summary>The meeting deadlines are judged against, e.g. <c>PP-26</c>; null for the latest plenipotentiary conference held.</summary>
    public string? AsOf { get; private set; }

    internal SourceSpan? AsOfSpan { get; private set; }

    /// <summary>The baseline file (absolute path), when configured.</summary>
    public string? BaselinePath { get; private set; }

    /// <summary>The suppressions.</summary>
    public IReadOnlyList<Suppression> Suppressions => _suppressions;

    private readonly List<Suppression> _suppressions = new();

    /// <summary>Errors found in the configuration or baseline file.</summary>
    public IReadOnlyList<RuleLoadError> Errors => _errors;

    private readonly List<RuleLoadError> _errors = new();

    /// <summary>Finds <c>resolutionkit.json</c> in <paramref name="directory"/> or above it.</summary>
    /// <param name="directory">Where to start.</param>
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads a configuration file; problems are in <see cref="Errors"/>.</summary>
    /// <param name="path">The file.</param>
    public static ResolutionKitConfig Load(string path)
    {
        var config = new ResolutionKitConfig { Path = path };
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            config._errors.Add(new RuleLoadError(path, new SourceSpan(1, 1, 0, 0), "The configuration could not be read: " + e.Message));
            return config;
        }

        var source = new JsonSource(path, text);
        var token = source.Parse(out var error);
        if (token is null)
        {
            config._errors.Add(error!);
            return config;
        }

        if (token is not JObject root)
        {
            config._errors.Add(new RuleLoadError(path, source.Locate(token), "The configuration must be a JSON object"));
            return config;
        }

        var baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        void Error(JToken? at, string message) => config._errors.Add(new RuleLoadError(path, source.Locate(at ?? root), message));

        // A value of the wrong JSON type is an error at the value, never an exception or a silently ignored setting.
        string? Text(JToken? value, string what)
        {
            if (value is null || value.Type == JTokenType.Null)
            {
                return null;
            }

            if (value.Type != JTokenType.String)
            {
                Error(value, $"{what} must be a string");
                return null;
            }

            return (string)value!;
        }

        JArray? List(JToken value, string what)
        {
            if (value is JArray array)
            {
                return array;
            }

            Error(value, $"{what} must be an array");
            return null;
        }

        foreach (var p in root.Properties())
        {
            switch (p.Name)
            {
                case "$schema":
                    break;
                case "preset":
                    var preset = p.Value.Type == JTokenType.String ? (string?)p.Value : null;
                    if (preset is not ("recommended" or "strict"))
                    {
                        Error(p.Value, "\"preset\" must be \"recommended\" or \"strict\"");
                    }
                    else
                    {
                        config.Preset = preset;
                    }

                    break;
                case "rules":
                    if (p.Value is not JObject rules)
                    {
                        Error(p.Value, "\"rules\" must be an object mapping rule ids or categories to severities");
                        break;
                    }

                    foreach (var r in rules.Properties())
                    {
                        var severity = Diagnostics.Severities.TryParse(r.Value.Type == JTokenType.String ? (string?)r.Value : null);
                        if (severity is null)
                        {
                            Error(r.Value, $"\"{r.Name}\": the severity must be error, warning, suggestion, hidden or none");
                            continue;
                        }

                        if (!r.Name.StartsWith("RK", StringComparison.Ordinal) && !RuleSetLoader.Categories.Contains(r.Name))
                        {
                            Error(r, $"\"{r.Name}\" is neither a rule id (RKnnnn) nor a category ({string.Join(", ", RuleSetLoader.Categories)})");
                            continue;
                        }

                        config._severities[r.Name] = severity.Value;
                        config._spans[r.Name] = source.Locate(r);
                    }

                    break;
                case "ruleFolders":
                    foreach (var f in List(p.Value, "\"ruleFolders\"") ?? new JArray())
                    {
                        if (f.Type != JTokenType.String)
                        {
                            Error(f, "a rule folder must be a string");
                            continue;
                        }

                        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, (string)f!));
                        if (!Directory.Exists(folder))
                        {
                            Error(f, $"the rule folder \"{(string)f!}\" does not exist");
                            continue;
                        }

                        config._folders.Add(folder);
                    }

                    break;
                case "asOf":
                    if (Text(p.Value, "\"asOf\" (a meeting such as \"PP-22\")") is { } asOf)
                    {
                        config.AsOf = asOf;
                        config.AsOfSpan = source.Locate(p.Value);
                    }

                    break;
                case "baseline":
                    if (Text(p.Value, "\"baseline\" (the path of the baseline file)") is not { } baseline)
                    {
                        break;
                    }

                    config.BaselinePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, baseline));
                    if (File.Exists(config.BaselinePath))
                    {
                        config._baseline = ReadBaseline(config.BaselinePath, config._errors);
                    }

                    break;
                case "suppressions":
                    foreach (var s in List(p.Value, "\"suppressions\"") ?? new JArray())
                    {
                        if (s is not JObject suppression)
                        {
                            Error(s, "a suppression must be an object with \"id\", \"address\" and \"justification\"");
                            continue;
                        }

                        var id = Text(suppression["id"], "\"id\"");
                        var address = Text(suppression["address"], "\"address\"");
                        var why = Text(suppression["justification"], "\"justification\"");
                        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(address))
                        {
                            Error(s, "a suppression needs \"id\" and \"address\"");
                            continue;
                        }

                        if (string.IsNullOrWhiteSpace(why))
                        {
                            Error(s, $"the suppression of {id} at {address} needs a \"justification\"");
                            continue;
                        }

                        config._suppressions.Add(new Suppression(id!, address!, why!));
                    }

                    break;
                default:
                    Error(p, $"unknown configuration field \"{p.Name}\" (expected: preset, rules, ruleFolders, asOf, baseline, suppressions)");
                    break;
            }
        }

        return config;
    }

    /// <summary>Uses a baseline file, replacing the configured one.</summary>
    /// <param name="path">The baseline file; it need not exist yet.</param>
    public ResolutionKitConfig WithBaseline(string path)
    {
        BaselinePath = System.IO.Path.GetFullPath(path);
        _baseline = File.Exists(BaselinePath) ? ReadBaseline(BaselinePath, _errors) : new HashSet<string>(StringComparer.Ordinal);
        return this;
    }

    /// <summary>Uses a preset, replacing the configured one.</summary>
    /// <param name="preset"><c>recommended</c> or <c>strict</c>.</param>
    public ResolutionKitConfig WithPreset(string preset)
    {
        if (preset is not ("recommended" or "strict"))
        {
            throw new ArgumentException("The preset must be recommended or strict", nameof(preset));
        }

        Preset = preset;
        return this;
    }

    /// <summary>Uses an "as of" meeting, replacing the configured one.</summary>
    /// <param name="meeting">A meeting short name such as <c>PP-26</c>.</param>
    public ResolutionKitConfig WithAsOf(string meeting)
    {
        AsOf = meeting;
        return this;
    }

    internal SourceSpan SpanOf(string key) => _spans.TryGetValue(key, out var s) ? s : new SourceSpan(1, 1, 0, 0);

    /// <summary>The severity a rule runs at under this configuration (<see cref="DiagnosticSeverity.None"/>: it does not run).</summary>
    /// <param name="rule">The rule.</param>
    public DiagnosticSeverity SeverityOf(RuleDefinition rule)
    {
        if (_severities.TryGetValue(rule.Id, out var byId))
        {
            return byId;
        }

        if (_severities.TryGetValue(rule.Descriptor.Category, out var byCategory))
        {
            return byCategory;
        }

        var severity = rule.Descriptor.DefaultSeverity;
        if (Preset == "strict")
        {
            return severity == DiagnosticSeverity.Suggestion ? DiagnosticSeverity.Warning : severity;
        }

        return rule.Descriptor.IsEnabledByDefault ? severity : DiagnosticSeverity.None;
    }

    /// <summary>A finding's fingerprint in a baseline: rule, address and message (not the line, which moves).</summary>
    /// <param name="diagnostic">The finding.</param>
    public static string Fingerprint(Diagnostic diagnostic) => diagnostic.Id + "|" + diagnostic.Location.Address + "|" + diagnostic.Message;

    /// <summary>Splits findings into those reported and those suppressed or in the baseline.</summary>
    /// <param name="diagnostics">The findings.</param>
    public (IReadOnlyList<Diagnostic> Visible, IReadOnlyList<Diagnostic> Suppressed) Filter(IReadOnlyList<Diagnostic> diagnostics)
    {
        var visible = new List<Diagnostic>();
        var hidden = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            var suppressed = _suppressions.Any(s => s.Id == d.Id && (d.Location.Address == s.Address || d.Location.Address.StartsWith(s.Address + "/", StringComparison.Ordinal)))
                || (_baseline.Count > 0 && _baseline.Contains(Fingerprint(d)));
            (suppressed ? hidden : visible).Add(d);
        }

        return (visible, hidden);
    }

    /// <summary>Writes a baseline file accepting the given findings.</summary>
    /// <param name="path">The file.</param>
    /// <param name="diagnostics">The findings to accept.</param>
    public static void WriteBaseline(string path, IEnumerable<Diagnostic> diagnostics)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        File.WriteAllText(temp, FormatBaseline(diagnostics));
        Internal.Compat.MoveOver(temp, path);
    }

    /// <summary>The text of a baseline file listing <paramref name="diagnostics"/> (sorted, one entry per finding).</summary>
    /// <param name="diagnostics">The findings.</param>
    public static string FormatBaseline(IEnumerable<Diagnostic> diagnostics)
    {
        var items = diagnostics
            .Select(d => new { id = d.Id, address = d.Location.Address, message = d.Message })
            .Distinct()
            .OrderBy(d => d.id, StringComparer.Ordinal).ThenBy(d => d.address, StringComparer.Ordinal).ThenBy(d => d.message, StringComparer.Ordinal)
            .ToList();
        var json = new JObject { ["version"] = 1, ["findings"] = JArray.FromObject(items) };
        return json.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
    }

    private static HashSet<string> ReadBaseline(string path, List<RuleLoadError> errors)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var source = new JsonSource(path, File.ReadAllText(path));
        var token = source.Parse(out var error);
        if (token is null)
        {
            errors.Add(error!);
            return set;
        }

        if (token is not JObject root || root["findings"] is not JArray findings)
        {
            errors.Add(new RuleLoadError(path, source.Locate(token), "a baseline must be an object with \"findings\": [ { \"id\", \"address\", \"message\" } ] (write it with reskit check --write-baseline)"));
            return set;
        }

        foreach (var item in findings)
        {
            string? Text(string name) => item is JObject o && o[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;
            var id = Text("id");
            var address = Text("address");
            var message = Text("message");
            if (id is null || address is null || message is null)
            {
                errors.Add(new RuleLoadError(path, source.Locate(item), "a baseline finding needs \"id\", \"address\" and \"message\""));
                continue;
            }

            set.Add(id + "|" + address + "|" + message);
        }

        return set;
    }
}
