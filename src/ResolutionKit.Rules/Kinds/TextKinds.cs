using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Phrases;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// <c>phrase</c>: a pattern must not occur (mode <c>forbid</c>) or must occur (mode <c>require</c>) in a scope.
/// Targets: clause text, group heading, title or conference formula. Message arguments: {0} the text matched (or the
/// start of the clause), {1} the group heading, {2} the actors addressed.
/// </summary>
internal static class PhraseKind
{
    public const string Name = "phrase";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "pattern", "mode", "target", "ignoreCase", "when", "unless");
        var ignoreCase = ctx.Bool("ignoreCase", true);
        var pattern = ctx.LocalizedRegex("pattern", true, ignoreCase);
        var mode = ctx.Choice("mode", "forbid", "forbid", "require");
        var target = ctx.Choice("target", "clause", "clause", "heading", "title", "formula", "footnotes");
        var when = ctx.LocalizedRegex("when", false, ignoreCase);
        var unless = ctx.LocalizedRegex("unless", false, ignoreCase);
        Localized<string>? with = null;
        if (ctx.Rule.Fix is { } fix)
        {
            var allowed = target == "heading" ? new[] { "replace-match" } : new[] { "replace-match", "delete-clause" };
            if (!allowed.Contains(fix.Kind))
            {
                ctx.Error(ctx.Rule.Json["fix"], $"fix kind \"{fix.Kind}\" does not apply to phrase rules on {target} (use {string.Join(" or ", allowed)})");
            }

            if (fix.Kind == "replace-match")
            {
                with = fix.Parameters["with"] is JValue { Type: JTokenType.String } or JObject ? ctx.LocalizedString("with", true, fix.Parameters) : null;
                if (with is null)
                {
                    ctx.Error(ctx.Rule.Json["fix"], "a replace-match fix needs \"with\" (the replacement, or one per language; $1 refers to a group of the pattern)");
                }
            }
        }

        if (mode == "require" && target is not ("clause" or "footnotes"))
        {
            ctx.Error(ctx.Params["mode"], "mode \"require\" applies to the targets \"clause\" and \"footnotes\" only");
        }

        if (target == "footnotes" && (mode != "require" || when is null))
        {
            ctx.Error(ctx.Params["target"], "the target \"footnotes\" needs mode \"require\" and \"when\" (the mention in a clause that calls for the footnote)");
        }

        if (pattern is null || ctx.HasErrors)
        {
            return null;
        }

        var patterns = new Patterns(pattern, when, unless, with);
        return target switch
        {
            "heading" => new HeadingRule(ctx.Rule, patterns),
            "title" or "formula" => new TitleRule(ctx.Rule, patterns, target == "formula"),
            "footnotes" => new FootnoteRule(ctx.Rule, patterns),
            _ => new ClauseRule(ctx.Rule, patterns, mode == "require"),
        };
    }

    /// <summary>
    /// The patterns of a phrase rule for each language. A language is judged only when the rule has a pattern for it
    /// and, when a condition or a replacement is given per language, has that too.
    /// </summary>
    internal sealed class Patterns
    {
        private readonly Localized<Regex> _pattern;
        private readonly Localized<Regex>? _when;
        private readonly Localized<Regex>? _unless;
        private readonly Localized<string>? _with;

        public Patterns(Localized<Regex> pattern, Localized<Regex>? when, Localized<Regex>? unless, Localized<string>? with)
        {
            _pattern = pattern;
            _when = when;
            _unless = unless;
            _with = with;
        }

        public bool Judges(string language) => _pattern.For(language) is not null && (_when is null || _when.For(language) is not null);

        public Regex? Pattern(string language) => _pattern.For(language);

        public Regex? When(string language) => _when?.For(language);

        public Regex? Unless(string language) => _unless?.For(language);

        public string? With(string language) => _with?.For(language);
    }

    private sealed class ClauseRule : SingleFactRule<ClauseFact>
    {
        private readonly Patterns _patterns;
        private readonly bool _require;

        public ClauseRule(RuleDefinition d, Patterns patterns, bool require)
            : base(d)
        {
            _patterns = patterns;
            _require = require;
        }

        public override bool Matches(ClauseFact f)
        {
            var language = f.Resolution.Language;
            if (!_patterns.Judges(language) || !Definition.Scope.Matches(f))
            {
                return false;
            }

            var when = _patterns.When(language);
            var unless = _patterns.Unless(language);
            return (when is null || IsMatch(when, f.Text)) && (unless is null || !IsMatch(unless, f.Text))
                && IsMatch(_patterns.Pattern(language)!, f.Text) != _require;
        }

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            var actors = string.Join(", ", f.Actors.Select(a => a.Name));
            if (_require)
            {
                var head = f.Text.Length <= 60 ? f.Text : f.Text.Substring(0, 60).TrimEnd() + "…";
                if (f.Text.Contains(' '))
                {
                    head = string.Join(" ", f.Text.Split(' ').Take(8));
                }

                yield return AtClause(f, 0, f.Text.Length, Fixes(f, null), head, f.Group.Heading, actors);
                yield break;
            }

            foreach (var m in Matches(_patterns.Pattern(f.Resolution.Language)!, f.Text))
            {
                yield return AtClause(f, m.Index, m.Length, Fixes(f, m), m.Value, f.Group.Heading, actors);
            }
        }

        private IEnumerable<Fix> Fixes(ClauseFact f, Match? m)
        {
            if (Definition.Fix is not { } fix)
            {
                yield break;
            }

            if (fix.Kind == "delete-clause")
            {
                yield return new Fix(fix.Title ?? "Delete the clause", EquatableArray.Create<ModelEdit>(new DeleteClause(f.Address, Descriptor.Title) { OldText = FixApplier.ExpectedText(f.Clause) }), fix.IsSafe);
            }
            else if (m is not null && _patterns.With(f.Resolution.Language) is { } with)
            {
                var replacement = m.Result(with);
                replacement = MatchCase(m.Value, replacement);
                yield return new Fix(fix.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, m.Index, m.Length, replacement, m.Value)), fix.IsSafe);
            }
        }
    }

    private sealed class HeadingRule : SingleFactRule<GroupFact>
    {
        private readonly Patterns _patterns;

        public HeadingRule(RuleDefinition d, Patterns patterns)
            : base(d) => _patterns = patterns;

        public override bool Matches(GroupFact g)
        {
            var language = g.Resolution.Language;
            return _patterns.Judges(language) && Definition.Scope.MatchesGroup(g.Resolution, g.Group)
                && IsMatch(_patterns.Pattern(language)!, g.Group.Heading) && (_patterns.Unless(language) is not { } unless || !IsMatch(unless, g.Group.Heading));
        }

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            var actors = string.Join(", ", g.Actors.Select(a => a.Name));
            foreach (var m in Matches(_patterns.Pattern(g.Resolution.Language)!, g.Group.Heading).Take(1))
            {
                var fixes = new List<Fix>();
                if (Definition.Fix is { Kind: "replace-match" } fix && _patterns.With(g.Resolution.Language) is { } with)
                {
                    var replacement = MatchCase(m.Value, m.Result(with));
                    var heading = g.Group.Heading.Substring(0, m.Index) + replacement + g.Group.Heading.Substring(m.Index + m.Length);
                    var phrases = PhraseTable.ForLanguage(g.Resolution.Language) ?? PhraseTable.English;
                    var kind = phrases.MatchOperative(heading)?.Kind ?? phrases.MatchPreamble(heading) ?? g.Group.Kind;
                    fixes.Add(new Fix(fix.Title ?? $"Use '{heading}'", EquatableArray.Create<ModelEdit>(new ChangeGroupHeading(g.Address, heading, kind, g.Actors)), fix.IsSafe));
                }

                var span = g.Group.Span is { } s ? s with { Column = s.Column + m.Index, Offset = s.Offset + m.Index, Length = m.Length } : null;
                yield return Make(g.Resolution, g.Address, span, fixes, m.Value, g.Group.Heading, actors);
            }
        }
    }

    private sealed class TitleRule : SingleFactRule<ResolutionFact>
    {
        private readonly Patterns _patterns;
        private readonly bool _formula;

        public TitleRule(RuleDefinition d, Patterns patterns, bool formula)
            : base(d)
        {
            _patterns = patterns;
            _formula = formula;
        }

        private string TextOf(ResolutionFact r) => (_formula ? r.Resolution.ConferenceFormula : r.Resolution.Title) ?? string.Empty;

        public override bool Matches(ResolutionFact r) =>
            _patterns.Judges(r.Resolution.Language) && Definition.Scope.MatchesResolution(r.Resolution) && IsMatch(_patterns.Pattern(r.Resolution.Language)!, TextOf(r));

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            foreach (var m in Matches(_patterns.Pattern(r.Resolution.Language)!, TextOf(r)).Take(1))
            {
                yield return AtResolution(r.Resolution, null, m.Value, string.Empty, string.Empty);
            }
        }
    }

    /// <summary>
    /// <c>target: footnotes</c>: a mention in a clause (<c>when</c>) calls for a footnote saying <c>pattern</c>. Reported
    /// at the first mention. A mention that carries a footnote marker whose footnote was not read (a web copy drops
    /// footnotes) cannot be judged: nothing is reported.
    /// </summary>
    private sealed class FootnoteRule : SingleFactRule<ResolutionFact>
    {
        private const string Markers = "⁰¹²³⁴⁵⁶⁷⁸⁹*";
        private readonly Patterns _patterns;

        public FootnoteRule(RuleDefinition d, Patterns patterns)
            : base(d) => _patterns = patterns;

        public override bool Matches(ResolutionFact r) => Definition.Scope.MatchesResolution(r.Resolution) && FirstMention(r) is not null;

        private (ClauseNode Clause, Match Mention)? FirstMention(ResolutionFact r)
        {
            var language = r.Resolution.Language;
            if (!_patterns.Judges(language))
            {
                return null;
            }

            var pattern = _patterns.Pattern(language)!;
            var when = _patterns.When(language)!;
            var footnotes = r.Resolution.Footnotes;
            if (footnotes.Any(f => IsMatch(pattern, f.Text)))
            {
                return null;
            }

            (ClauseNode, Match)? first = null;
            foreach (var c in r.AllClauses)
            {
                foreach (var m in Matches(when, c.Clause.Text))
                {
                    var marker = MarkerAfter(c.Clause.Text, m.Index + m.Length);
                    if (marker.Length > 0 && !footnotes.Any(f => f.Marker == marker || Plain(f.Marker) == Plain(marker)))
                    {
                        return null;
                    }

                    first ??= (c, m);
                }
            }

            return first;
        }

        private static string MarkerAfter(string text, int at)
        {
            var i = at;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (Markers.IndexOf(text[i]) >= 0 || (i == at && char.IsDigit(text[i]))))
            {
                i++;
            }

            // A plain digit counts only when glued to the word ("countries1,"), as PDF copies print markers.
            return i > start && (start == at || Markers.IndexOf(text[start]) >= 0) ? text.Substring(start, i - start) : string.Empty;
        }

        private static string Plain(string marker) =>
            new(marker.Select(c => Markers.IndexOf(c) is var k and >= 0 and < 10 ? (char)('0' + k) : c).ToArray());

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            if (FirstMention(r) is { } mention)
            {
                yield return Make(r.Resolution, mention.Clause.Address, mention.Clause.Clause.Locate(mention.Mention.Index, mention.Mention.Length), null, r.Address, mention.Mention.Value);
            }
        }
    }

    internal static string MatchCase(string original, string replacement)
    {
        if (original.Length > 0 && replacement.Length > 0 && char.IsUpper(original[0]) && char.IsLower(replacement[0]))
        {
            return char.ToUpperInvariant(replacement[0]) + replacement.Substring(1);
        }

        return replacement;
    }
}

/// <summary>
/// <c>substitution</c>: preferred terms for discouraged ones ("chair" for "chairman"), each occurrence reported with a
/// fix that replaces it. Targets: clause text (default), the subject title (reported on the title line) or group
/// headings. Message arguments: {0} the term found, {1} the preferred term.
/// </summary>
internal static class SubstitutionKind
{
    public const string Name = "substitution";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "terms", "target");

        // One target, or several: ["clause", "heading"] checks the clauses and the group headings.
        var targets = new List<string>();
        if (ctx.Params["target"] is JArray targetList)
        {
            foreach (var t in targetList)
            {
                if (t.Type == JTokenType.String && (string)t! is "clause" or "title" or "heading")
                {
                    targets.Add((string)t!);
                }
                else
                {
                    ctx.Error(t, "each target must be \"clause\", \"title\" or \"heading\"");
                }
            }
        }
        else
        {
            targets.Add(ctx.Choice("target", "clause", "clause", "title", "heading"));
        }

        var byLanguage = new Dictionary<string, TermList>(StringComparer.OrdinalIgnoreCase);
        TermList? forAll = null;
        if (ctx.Params["terms"] is JObject perLanguage && perLanguage.Count > 0)
        {
            // Terms per language: {"en": [...], "fr": [...]}; a language without terms is not judged.
            foreach (var p in perLanguage.Properties())
            {
                if (!Regex.IsMatch(p.Name, "^[a-z]{2,3}$"))
                {
                    ctx.Error(p, $"\"{p.Name}\" is not a language code (en, fr, es, ru, ar, zh, ...)");
                    continue;
                }

                if (ReadTerms(ctx, p.Value) is { } list)
                {
                    byLanguage[p.Name] = list;
                }
            }
        }
        else
        {
            forAll = ReadTerms(ctx, ctx.Params["terms"] ?? ctx.Params);
        }

        var terms = new Localized<TermList>(byLanguage, forAll);
        if (ctx.HasErrors)
        {
            return null;
        }

        CompiledRule Make(string target) => target switch
        {
            "title" => new TitleRule(ctx.Rule, terms),
            "heading" => new HeadingRule(ctx.Rule, terms),
            _ => new Rule(ctx.Rule, terms),
        };

        var parts = targets.Distinct().Select(Make).ToList();
        return parts.Count == 1 ? parts[0] : new CompositeRule(ctx.Rule, parts);
    }

    private static TermList? ReadTerms(KindContext ctx, JToken token)
    {
        var terms = new TermList();
        var alternatives = new List<(bool IgnoreCase, string Text)>();
        if (token is not JArray array || array.Count == 0)
        {
            ctx.Error(token, "parameter \"terms\" must be a non-empty array of {\"discouraged\", \"preferred\"}, or an object of such arrays by language");
            return null;
        }

        foreach (var item in array)
        {
            if (item is not JObject o)
            {
                ctx.Error(item, "each term must be an object {\"discouraged\": ..., \"preferred\": ...}");
                continue;
            }

            ctx.CheckKnown(o, "discouraged", "preferred", "caseSensitive", "regex", "wholeWord");
            var discouraged = ctx.String("discouraged", true, o);
            var preferred = ctx.String("preferred", true, o);
            if (discouraged is null || preferred is null)
            {
                continue;
            }

            var isRegex = ctx.Bool("regex", false, o);
            var wholeWord = ctx.Bool("wholeWord", true, o);
            var ignoreCase = !ctx.Bool("caseSensitive", false, o);

            // Validate the author's own pattern first, so that an error points at its character in the file
            // (the whole-word wrapper would shift the position, or move the error elsewhere).
            if (isRegex && ctx.CompilePattern(o["discouraged"]!, discouraged, ignoreCase) is null)
            {
                continue;
            }

            var text = isRegex ? discouraged : Regex.Escape(discouraged);
            if (wholeWord)
            {
                text = @"(?<![\p{L}\p{N}-])(?:" + text + @")(?![\p{L}\p{N}-])";
            }

            var regex = ctx.CompilePattern(o["discouraged"]!, text, ignoreCase);
            if (regex is not null)
            {
                terms.Add((regex, preferred));
                alternatives.Add((ignoreCase, isRegex ? discouraged : Regex.Escape(discouraged)));
            }
        }

        // Most clauses hold none of the terms: one pass per case setting over an alternation of the bare terms tells
        // (a term found as a whole word is found bare too), and only a text that holds one is checked term by term. The
        // word-boundary look-behind stays out of it: in front of the alternation it keeps the regex engine from
        // searching for the terms' letters (six times slower). Terms that capture groups are left alone.
        // Only for compiled patterns: the regex interpreter runs such an alternation several times slower than the
        // terms one by one (181 ms against 27 ms for RK8001's six terms over 40,000 clauses; compiled, 18 ms).
        if (ctx.Environment.CompilePatterns && terms.Count > 1 && terms.All(t => t.Pattern.GetGroupNumbers().Length == 1))
        {
            try
            {
                const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
                terms.Screen = alternatives.GroupBy(a => a.IgnoreCase).Select(g =>
                    (Regex)new ScreenedRegex("(?:" + string.Join("|", g.Select(a => a.Text)) + ")", options | (g.Key ? RegexOptions.IgnoreCase : RegexOptions.None), ctx.Environment.RegexTimeout)).ToList();
            }
            catch (ArgumentException)
            {
                // Each term is looked for on its own; only slower.
            }
        }

        return terms;
    }

    /// <summary>The terms of one language, with one expression that finds any of them.</summary>
    private sealed class TermList : List<(Regex Pattern, string Preferred)>
    {
        /// <summary>Expressions that find any term, bare: a text none of them matches holds no term.</summary>
        public List<Regex>? Screen { get; set; }

        public bool IsFoundIn(CompiledRule rule, string text)
        {
            if (Screen is { } screen)
            {
                var any = false;
                foreach (var regex in screen)
                {
                    if (rule.Test(regex, text))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    return false;
                }
            }

            foreach (var (pattern, _) in this)
            {
                if (rule.Test(pattern, text))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The occurrences of discouraged terms in a text: leftmost-longest, not overlapping, not already the preferred term.</summary>
    private static IEnumerable<(Match Match, string Replacement)> Find(TermList terms, Func<Regex, string, IEnumerable<Match>> matches, string text)
    {
        var found = new List<(Match Match, string Preferred)>();
        foreach (var (pattern, preferred) in terms)
        {
            found.AddRange(matches(pattern, text).Select(m => (m, preferred)));
        }

        var taken = new List<(int Start, int End)>();
        foreach (var (m, preferred) in found.OrderBy(x => x.Match.Index).ThenByDescending(x => x.Match.Length))
        {
            if (taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start) || m.Value == preferred)
            {
                continue;
            }

            taken.Add((m.Index, m.Index + m.Length));
            yield return (m, PhraseKind.MatchCase(m.Value, preferred));
        }
    }

    private sealed class Rule : SingleFactRule<ClauseFact>
    {
        private readonly Localized<TermList> _byLanguage;

        public Rule(RuleDefinition d, Localized<TermList> terms)
            : base(d) => _byLanguage = terms;

        public override bool Matches(ClauseFact f) => _byLanguage.For(f.Resolution.Language) is { } terms && Definition.Scope.Matches(f) && terms.IsFoundIn(this, f.Text);

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            foreach (var (m, replacement) in Find(_byLanguage.For(f.Resolution.Language)!, Matches, f.Text))
            {
                var fix = new Fix(Definition.Fix?.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, m.Index, m.Length, replacement, m.Value)), Definition.Fix?.IsSafe ?? true);
                yield return AtClause(f, m.Index, m.Length, new[] { fix }, m.Value, replacement);
            }
        }
    }

    /// <summary>Terms in the subject title, reported on the title line (the model keeps no span for the subject line).</summary>
    private sealed class TitleRule : SingleFactRule<ResolutionFact>
    {
        private readonly Localized<TermList> _byLanguage;

        public TitleRule(RuleDefinition d, Localized<TermList> terms)
            : base(d) => _byLanguage = terms;

        public override bool Matches(ResolutionFact r) => _byLanguage.For(r.Resolution.Language) is { } terms && Definition.Scope.MatchesResolution(r.Resolution) && terms.IsFoundIn(this, r.Resolution.Title);

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            foreach (var (m, replacement) in Find(_byLanguage.For(r.Resolution.Language)!, Matches, r.Resolution.Title))
            {
                var fix = new Fix(Definition.Fix?.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ReplaceText(r.Address, m.Index, m.Length, replacement, m.Value)), Definition.Fix?.IsSafe ?? true);
                yield return AtResolution(r.Resolution, new[] { fix }, m.Value, replacement);
            }
        }
    }

    /// <summary>Terms in group headings, reported on the term; the fix changes the heading.</summary>
    private sealed class HeadingRule : SingleFactRule<GroupFact>
    {
        private readonly Localized<TermList> _byLanguage;

        public HeadingRule(RuleDefinition d, Localized<TermList> terms)
            : base(d) => _byLanguage = terms;

        public override bool Matches(GroupFact g) => _byLanguage.For(g.Resolution.Language) is { } terms && Definition.Scope.MatchesGroup(g.Resolution, g.Group) && terms.IsFoundIn(this, g.Group.Heading);

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            foreach (var (m, replacement) in Find(_byLanguage.For(g.Resolution.Language)!, Matches, g.Group.Heading))
            {
                var heading = g.Group.Heading.Substring(0, m.Index) + replacement + g.Group.Heading.Substring(m.Index + m.Length);
                var fix = new Fix(Definition.Fix?.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ChangeGroupHeading(g.Address, heading, g.Group.Kind, g.Actors)), Definition.Fix?.IsSafe ?? true);
                var span = g.Group.Span is { } s ? s with { Column = s.Column + m.Index, Offset = s.Offset + m.Index, Length = m.Length } : null;
                yield return Make(g.Resolution, g.Address, span, new[] { fix }, m.Value, replacement);
            }
        }
    }
}
