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
        var pattern = ctx.Regex("pattern", true, ignoreCase);
        var mode = ctx.Choice("mode", "forbid", "forbid", "require");
        var target = ctx.Choice("target", "clause", "clause", "heading", "title", "formula");
        var when = ctx.Regex("when", false, ignoreCase);
        var unless = ctx.Regex("unless", false, ignoreCase);
        if (ctx.Rule.Fix is { } fix)
        {
            var allowed = target == "heading" ? new[] { "replace-match" } : new[] { "replace-match", "delete-clause" };
            if (!allowed.Contains(fix.Kind))
            {
                ctx.Error(ctx.Rule.Json["fix"], $"fix kind \"{fix.Kind}\" does not apply to phrase rules on {target} (use {string.Join(" or ", allowed)})");
            }

            if (fix.Kind == "replace-match" && fix.Parameters["with"]?.Type != JTokenType.String)
            {
                ctx.Error(ctx.Rule.Json["fix"], "a replace-match fix needs \"with\" (the replacement; $1 refers to a group of the pattern)");
            }
        }

        if (mode == "require" && target != "clause")
        {
            ctx.Error(ctx.Params["mode"], "mode \"require\" applies to the target \"clause\" only");
        }

        if (pattern is null || ctx.HasErrors)
        {
            return null;
        }

        return target switch
        {
            "heading" => new HeadingRule(ctx.Rule, pattern, unless),
            "title" or "formula" => new TitleRule(ctx.Rule, pattern, target == "formula"),
            _ => new ClauseRule(ctx.Rule, pattern, mode == "require", when, unless),
        };
    }

    private sealed class ClauseRule : SingleFactRule<ClauseFact>
    {
        private readonly Regex _pattern;
        private readonly bool _require;
        private readonly Regex? _when;
        private readonly Regex? _unless;

        public ClauseRule(RuleDefinition d, Regex pattern, bool require, Regex? when, Regex? unless)
            : base(d)
        {
            _pattern = pattern;
            _require = require;
            _when = when;
            _unless = unless;
        }

        public override bool Matches(ClauseFact f) =>
            Definition.Scope.Matches(f) && (_when is null || IsMatch(_when, f.Text)) && (_unless is null || !IsMatch(_unless, f.Text))
            && IsMatch(_pattern, f.Text) != _require;

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            var actors = string.Join(", ", f.Actors.Select(a => a.Name));
            if (_require)
            {
                var head = string.Join(" ", f.Text.Split(' ').Take(8));
                yield return AtClause(f, 0, f.Text.Length, Fixes(f, null), head, f.Group.Heading, actors);
                yield break;
            }

            foreach (var m in Matches(_pattern, f.Text))
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
            else if (m is not null)
            {
                var replacement = m.Result((string)fix.Parameters["with"]!);
                replacement = MatchCase(m.Value, replacement);
                yield return new Fix(fix.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, m.Index, m.Length, replacement, m.Value)), fix.IsSafe);
            }
        }
    }

    private sealed class HeadingRule : SingleFactRule<GroupFact>
    {
        private readonly Regex _pattern;
        private readonly Regex? _unless;

        public HeadingRule(RuleDefinition d, Regex pattern, Regex? unless)
            : base(d)
        {
            _pattern = pattern;
            _unless = unless;
        }

        public override bool Matches(GroupFact g) =>
            Definition.Scope.MatchesGroup(g.Resolution, g.Group) && IsMatch(_pattern, g.Group.Heading) && (_unless is null || !IsMatch(_unless, g.Group.Heading));

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            var actors = string.Join(", ", g.Actors.Select(a => a.Name));
            foreach (var m in Matches(_pattern, g.Group.Heading).Take(1))
            {
                var fixes = new List<Fix>();
                if (Definition.Fix is { Kind: "replace-match" } fix)
                {
                    var replacement = MatchCase(m.Value, m.Result((string)fix.Parameters["with"]!));
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
        private readonly Regex _pattern;
        private readonly bool _formula;

        public TitleRule(RuleDefinition d, Regex pattern, bool formula)
            : base(d)
        {
            _pattern = pattern;
            _formula = formula;
        }

        private string TextOf(ResolutionFact r) => (_formula ? r.Resolution.ConferenceFormula : r.Resolution.Title) ?? string.Empty;

        public override bool Matches(ResolutionFact r) => Definition.Scope.MatchesResolution(r.Resolution) && IsMatch(_pattern, TextOf(r));

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            foreach (var m in Matches(_pattern, TextOf(r)).Take(1))
            {
                yield return AtResolution(r.Resolution, null, m.Value, string.Empty, string.Empty);
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
        var target = ctx.Choice("target", "clause", "clause", "title", "heading");
        var terms = new List<(Regex Pattern, string Preferred)>();
        if (ctx.Params["terms"] is not JArray array || array.Count == 0)
        {
            ctx.Error(ctx.Params["terms"] ?? ctx.Params, "parameter \"terms\" must be a non-empty array of {\"discouraged\", \"preferred\"}");
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
            }
        }

        if (ctx.HasErrors)
        {
            return null;
        }

        return target switch
        {
            "title" => new TitleRule(ctx.Rule, terms),
            "heading" => new HeadingRule(ctx.Rule, terms),
            _ => new Rule(ctx.Rule, terms),
        };
    }

    /// <summary>The occurrences of discouraged terms in a text: leftmost-longest, not overlapping, not already the preferred term.</summary>
    private static IEnumerable<(Match Match, string Replacement)> Find(List<(Regex Pattern, string Preferred)> terms, Func<Regex, string, IEnumerable<Match>> matches, string text)
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
        private readonly List<(Regex Pattern, string Preferred)> _terms;

        public Rule(RuleDefinition d, List<(Regex, string)> terms)
            : base(d) => _terms = terms;

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && _terms.Any(t => IsMatch(t.Pattern, f.Text));

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            foreach (var (m, replacement) in Find(_terms, Matches, f.Text))
            {
                var fix = new Fix(Definition.Fix?.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, m.Index, m.Length, replacement, m.Value)), Definition.Fix?.IsSafe ?? true);
                yield return AtClause(f, m.Index, m.Length, new[] { fix }, m.Value, replacement);
            }
        }
    }

    /// <summary>Terms in the subject title, reported on the title line (the model keeps no span for the subject line).</summary>
    private sealed class TitleRule : SingleFactRule<ResolutionFact>
    {
        private readonly List<(Regex Pattern, string Preferred)> _terms;

        public TitleRule(RuleDefinition d, List<(Regex, string)> terms)
            : base(d) => _terms = terms;

        public override bool Matches(ResolutionFact r) => Definition.Scope.MatchesResolution(r.Resolution) && _terms.Any(t => IsMatch(t.Pattern, r.Resolution.Title));

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            foreach (var (m, replacement) in Find(_terms, Matches, r.Resolution.Title))
            {
                var fix = new Fix(Definition.Fix?.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ReplaceText(r.Address, m.Index, m.Length, replacement, m.Value)), Definition.Fix?.IsSafe ?? true);
                yield return AtResolution(r.Resolution, new[] { fix }, m.Value, replacement);
            }
        }
    }

    /// <summary>Terms in group headings, reported on the term; the fix changes the heading.</summary>
    private sealed class HeadingRule : SingleFactRule<GroupFact>
    {
        private readonly List<(Regex Pattern, string Preferred)> _terms;

        public HeadingRule(RuleDefinition d, List<(Regex, string)> terms)
            : base(d) => _terms = terms;

        public override bool Matches(GroupFact g) => Definition.Scope.MatchesGroup(g.Resolution, g.Group) && _terms.Any(t => IsMatch(t.Pattern, g.Group.Heading));

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            foreach (var (m, replacement) in Find(_terms, Matches, g.Group.Heading))
            {
                var heading = g.Group.Heading.Substring(0, m.Index) + replacement + g.Group.Heading.Substring(m.Index + m.Length);
                var fix = new Fix(Definition.Fix?.Title ?? $"Replace '{m.Value}' with '{replacement}'", EquatableArray.Create<ModelEdit>(new ChangeGroupHeading(g.Address, heading, g.Group.Kind, g.Actors)), Definition.Fix?.IsSafe ?? true);
                var span = g.Group.Span is { } s ? s with { Column = s.Column + m.Index, Offset = s.Offset + m.Index, Length = m.Length } : null;
                yield return Make(g.Resolution, g.Address, span, new[] { fix }, m.Value, replacement);
            }
        }
    }
}
