using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Rules.Kinds;

namespace ResolutionKit.Rules.Loading;

/// <summary>Reads rule files and validates them: every error names its file, line and column.</summary>
internal static class RuleSetLoader
{
    private static readonly Regex IdPattern = new(@"^RK\d{4}$", RegexOptions.CultureInvariant);

    private static readonly string[] Fields =
    {
        "$schema", "id", "title", "category", "severity", "enabled", "kind", "languages", "supersedes", "supersededBy", "scope", "params", "message", "fix", "rationale", "tags", "examples",
    };

    public static readonly string[] Categories = { "Structure", "Mandate", "References", "Duplication", "Currency", "Reporting", "Resources", "Terminology", "Style" };

    private static readonly Dictionary<string, Func<KindContext, CompiledRule?>> Kinds = new(StringComparer.Ordinal)
    {
        [PhraseKind.Name] = PhraseKind.Compile,
        [SubstitutionKind.Name] = SubstitutionKind.Compile,
        [SequenceKind.Name] = SequenceKind.Compile,
        [CountKind.Name] = CountKind.Compile,
        [ReferenceCheckKind.Name] = ReferenceCheckKind.Compile,
        [DeadlineKind.Name] = DeadlineKind.Compile,
        [DuplicateKind.Name] = DuplicateKind.Compile,
        [ReportingKind.Name] = ReportingKind.Compile,
        [MergeableKind.Name] = MergeableKind.Compile,
        [ExpressionKind.Name] = ExpressionKind.Compile,
    };

    public static IReadOnlyCollection<string> KindNames => Kinds.Keys;

    public static IEnumerable<string> RuleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "RK*.json", SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal);

    public static RuleDefinition? Parse(string path, List<RuleLoadError> errors)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > 1024 * 1024)
            {
                errors.Add(new RuleLoadError(path, new Model.SourceSpan(1, 1, 0, 0), FormattableString.Invariant($"The rule file is {info.Length:N0} bytes; a rule file may be at most 1 MiB")));
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new RuleLoadError(path, new Model.SourceSpan(1, 1, 0, 0), "The rule file could not be read: " + e.Message));
            return null;
        }

        var source = new JsonSource(path, text);
        var token = source.Parse(out var error);
        if (token is null)
        {
            errors.Add(error!);
            return null;
        }

        if (token is not JObject json)
        {
            errors.Add(new RuleLoadError(path, source.Locate(token), "A rule file must hold one JSON object"));
            return null;
        }

        var before = errors.Count;
        void Error(JToken? at, string message) => errors.Add(new RuleLoadError(path, source.Locate(at ?? json), message));

        foreach (var p in json.Properties().Where(p => !Fields.Contains(p.Name)))
        {
            Error(p, $"unknown field \"{p.Name}\" (expected: {string.Join(", ", Fields.Skip(1))})");
        }

        string? Str(string name, bool required)
        {
            var t = json[name];
            if (t is null)
            {
                if (required)
                {
                    Error(json, $"missing field \"{name}\"");
                }

                return null;
            }

            if (t.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)t))
            {
                Error(t, $"field \"{name}\" must be a non-empty string");
                return null;
            }

            return (string)t!;
        }

        var id = Str("id", true);
        if (id is not null && !IdPattern.IsMatch(id))
        {
            Error(json["id"], $"rule id \"{id}\" must be RK followed by four digits");
        }

        var fileName = Path.GetFileName(path);
        if (id is not null && !fileName.StartsWith(id + ".", StringComparison.Ordinal))
        {
            Error(json["id"], $"the file name \"{fileName}\" must start with the rule id \"{id}.\"");
        }

        var title = Str("title", true);
        var category = Str("category", true);
        if (category is not null && !Categories.Contains(category))
        {
            Error(json["category"], $"unknown category \"{category}\" (expected: {string.Join(", ", Categories)})");
        }

        var severityText = Str("severity", true);
        var severity = Severities.TryParse(severityText);
        if (severityText is not null && severity is null)
        {
            Error(json["severity"], $"unknown severity \"{severityText}\" (expected: error, warning, suggestion, hidden, none)");
        }

        var enabled = true;
        if (json["enabled"] is { } en)
        {
            if (en.Type != JTokenType.Boolean)
            {
                Error(en, "field \"enabled\" must be true or false");
            }
            else
            {
                enabled = (bool)en;
            }
        }

        var kind = Str("kind", true);
        if (kind is not null && !Kinds.ContainsKey(kind))
        {
            Error(json["kind"], $"unknown rule kind \"{kind}\" (expected: {string.Join(", ", Kinds.Keys.OrderBy(k => k, StringComparer.Ordinal))})");
        }

        var message = Str("message", true);
        if (message is not null)
        {
            try
            {
                _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, message, new object[] { "a", "b", "c", "d", "e" });
            }
            catch (FormatException)
            {
                Error(json["message"], "the message is not a valid template: use {0}, {1}, ... for arguments and {{ }} for braces");
            }
        }

        var rationale = Str("rationale", true);
        var scope = ParseScope(json["scope"], Error) with { Languages = ParseLanguages(json["languages"], Error) };
        var parameters = json["params"] as JObject ?? new JObject();
        if (json["params"] is { } pt && pt is not JObject)
        {
            Error(pt, "field \"params\" must be an object");
        }

        FixDeclaration? fix = null;
        if (json["fix"] is { } ft)
        {
            if (ft is not JObject fo || fo["kind"] is not JValue { Type: JTokenType.String } kindToken || (string?)kindToken is not { } fixKind)
            {
                Error(ft is JObject withKind && withKind["kind"] is { } badKind ? badKind : ft, "field \"fix\" must be an object with a \"kind\" string");
            }
            else if (fo["title"] is { } titleToken && titleToken.Type != JTokenType.String)
            {
                Error(titleToken, "the fix \"title\" must be a string");
            }
            else
            {
                var safe = fo["safe"];
                if (safe is not null && safe.Type != JTokenType.Boolean)
                {
                    Error(safe, "\"safe\" must be true or false");
                }

                var fixKinds = new[] { "replace-match", "delete-clause", "renumber", "latest-revision", "next-meeting", "insert-revision", "substitute" };
                if (!fixKinds.Contains(fixKind))
                {
                    Error(fo["kind"], $"unknown fix kind \"{fixKind}\" (expected: {string.Join(", ", fixKinds)})");
                }

                fix = new FixDeclaration(fixKind, fo, safe?.Type == JTokenType.Boolean && (bool)safe, (string?)fo["title"]);
            }
        }

        var tags = new List<string>();
        if (json["tags"] is { } tt)
        {
            if (tt is not JArray ta || ta.Any(t => t.Type != JTokenType.String))
            {
                Error(tt, "field \"tags\" must be an array of strings");
            }
            else
            {
                tags.AddRange(ta.Values<string>().Select(s => s!));
            }
        }

        var supersedes = Ids("supersedes", "the reading diagnostics this rule reports better", "RK0005");
        var supersededBy = Ids("supersededBy", "the reading diagnostics that already report what this rule would", "RK0018");

        if (errors.Count > before || id is null || title is null || category is null || severity is null || kind is null || message is null)
        {
            return null;
        }

        var descriptor = new DiagnosticDescriptor(id, title, message, category, severity.Value, enabled) { Rationale = rationale };
        return new RuleDefinition(source, json, descriptor, kind, scope, parameters, fix, tags) { Supersedes = supersedes.ToEquatableArray(), SupersededBy = supersededBy.ToEquatableArray() };

        List<string> Ids(string field, string meaning, string example)
        {
            var list = new List<string>();
            if (json[field] is { } token)
            {
                if (token is not JArray array || array.Any(t => t.Type != JTokenType.String || !IdPattern.IsMatch((string)t!)))
                {
                    Error(token, $"field \"{field}\" must be an array of diagnostic ids (e.g. [\"{example}\"]): {meaning}");
                }
                else
                {
                    list.AddRange(array.Values<string>().Select(x => x!));
                }
            }

            return list;
        }
    }

    /// <summary>
    /// The languages a rule judges: <c>"all"</c> (or no field) for rules that work on what the reader normalized
    /// (structure, references, actors), or the codes of the languages its wording covers.
    /// </summary>
    private static EquatableArray<string> ParseLanguages(JToken? token, Action<JToken?, string> error)
    {
        if (token is null || (token.Type == JTokenType.String && (string?)token == "all"))
        {
            return EquatableArray<string>.Empty;
        }

        if (token is JArray a && a.Count > 0 && a.All(x => x.Type == JTokenType.String))
        {
            foreach (var item in a)
            {
                if (!LanguageCode.IsMatch((string)item!))
                {
                    error(item, $"\"{item}\" is not a language code (en, fr, es, ru, ar, zh, ...)");
                }
            }

            return a.Values<string>().Select(x => x!).ToEquatableArray();
        }

        error(token, "field \"languages\" must be \"all\" or a non-empty array of language codes, e.g. [\"en\", \"fr\"]");
        return EquatableArray<string>.Empty;
    }

    private static readonly Regex LanguageCode = new("^[a-z]{2,3}$", RegexOptions.CultureInvariant);

    private static RuleScope ParseScope(JToken? token, Action<JToken?, string> error)
    {
        if (token is null)
        {
            return RuleScope.All;
        }

        if (token is not JObject o)
        {
            error(token, "field \"scope\" must be an object");
            return RuleScope.All;
        }

        EquatableArray<string> List(string name)
        {
            var t = o[name];
            if (t is null)
            {
                return EquatableArray<string>.Empty;
            }

            if (t.Type == JTokenType.String)
            {
                return EquatableArray.Create((string)t!);
            }

            if (t is JArray a && a.All(x => x.Type == JTokenType.String))
            {
                return a.Values<string>().Select(s => s!).ToEquatableArray();
            }

            error(t, $"scope \"{name}\" must be a string or an array of strings");
            return EquatableArray<string>.Empty;
        }

        foreach (var p in o.Properties().Where(p => p.Name is not ("part" or "groupKinds" or "actors" or "bodies" or "instruments" or "identified" or "topLevel")))
        {
            error(p, $"unknown scope field \"{p.Name}\" (expected: part, groupKinds, actors, bodies, instruments, identified, topLevel)");
        }

        bool Flag(string name)
        {
            var t = o[name];
            if (t is null)
            {
                return false;
            }

            if (t.Type != JTokenType.Boolean)
            {
                error(t, $"scope \"{name}\" must be true or false");
                return false;
            }

            return (bool)t;
        }

        var partToken = o["part"];
        if (partToken is not null && partToken.Type != JTokenType.String)
        {
            error(partToken, "scope \"part\" must be \"preamble\" or \"operative\"");
            partToken = null;
        }

        var part = (string?)partToken;
        if (part is not null && part is not ("preamble" or "operative"))
        {
            error(o["part"], $"scope \"part\" must be \"preamble\" or \"operative\", not \"{part}\"");
        }

        return new RuleScope
        {
            Part = part,
            GroupKinds = List("groupKinds"),
            Actors = List("actors"),
            Bodies = List("bodies"),
            Instruments = List("instruments"),
            Identified = Flag("identified"),
            TopLevel = Flag("topLevel"),
        };
    }

    public static CompiledRule? Compile(RuleDefinition definition, List<RuleLoadError> errors, RuleEnvironment environment)
    {
        var ctx = new KindContext(definition, errors, environment);
        try
        {
            var rule = Kinds[definition.Kind](ctx);
            return ctx.HasErrors ? null : rule;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            ctx.Error(definition.Json["params"], "the parameters could not be compiled: " + e.Message);
            return null;
        }
    }
}
