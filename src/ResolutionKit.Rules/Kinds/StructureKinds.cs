using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// <c>sequence</c>: labels in order (<c>check: labels</c>: a), b), c) / 1, 2, 2.1 / i), ii)), no label on a group's
/// single clause (<c>check: single-clause</c>), groups in the conventional order (<c>check: group-order</c> with
/// <c>order</c>, a list of group kinds, optionally with actors: <c>instructs:SecretaryGeneral</c>), no preambular group
/// after the operative part (<c>check: preamble-first</c>, judged from the source positions of the groups). Message
/// arguments: labels — {0} the label found, {1} the label expected, {2} the group heading; group order — {0} the
/// group out of order, {1} the group it should come before; preamble first — {0} the preambular group, {1} the first
/// operative group.
/// </summary>
internal static class SequenceKind
{
    public const string Name = "sequence";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "check", "order");
        var check = ctx.Choice("check", "labels", "labels", "single-clause", "group-order", "preamble-first");
        if (check == "group-order")
        {
            if (ctx.Params["order"] is not JArray order || order.Count < 2 || order.Any(t => t.Type != JTokenType.String))
            {
                ctx.Error(ctx.Params["order"] ?? ctx.Params, "check \"group-order\" needs \"order\": a list of at least two group kinds such as \"resolves\" or \"instructs:SecretaryGeneral\"");
                return null;
            }

            return ctx.HasErrors ? null : new GroupOrderRule(ctx.Rule, order.Values<string>().Select(s => s!).ToList());
        }

        if (ctx.HasErrors)
        {
            return null;
        }

        return check switch
        {
            "single-clause" => new SingleClauseRule(ctx.Rule),
            "preamble-first" => new PreambleFirstRule(ctx.Rule),
            _ => new LabelRule(ctx.Rule),
        };
    }

    private sealed class LabelRule : SingleFactRule<GroupFact>
    {
        public LabelRule(RuleDefinition d)
            : base(d)
        {
        }

        public override bool Matches(GroupFact g) => Definition.Scope.MatchesGroup(g.Resolution, g.Group) && FirstMismatch(g) is not null;

        /// <summary>
        /// The first clause whose label differs from the label renumbering gives it. The rule asks the labelling that
        /// the <see cref="FixApplier"/> applies with its fix (<see cref="FixApplier.Renumbered"/>), so what it reports
        /// is exactly what the fix changes; a group at a time (renumbering one group changes no other group's labels),
        /// without building the group or the resolution again: the labelling names the clauses it relabels, in document
        /// order.
        /// </summary>
        private static (Clause Clause, string Expected, string Address)? FirstMismatch(GroupFact g)
        {
            var clauses = g.Group.Clauses;
            if (clauses.Count == 1 && clauses[0].SubClauses.IsEmpty)
            {
                return null; // the single-clause check covers it
            }

            if (Labelling.Unchanged(g.Group))
            {
                return null; // most groups: a) to z) or 1, 2, ... already, told without a draft
            }

            var draft = DraftGroup.From(g.Group, 0);
            var changed = Labelling.Relabel(draft);
            if (changed.Count == 0 || changed[0] is not { Original: { } c } first)
            {
                return null;
            }

            var index = (first.Parent?.Subs ?? draft.Clauses).IndexOf(first);
            return (c, first.Label, g.Address + "/" + (c.Key.Length == 0 ? "(" + (index + 1) + ")" : c.Key));
        }

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            if (FirstMismatch(g) is not { } m)
            {
                yield break;
            }

            var fix = new Fix(Definition.Fix?.Title ?? "Renumber the clauses", EquatableArray.Create<ModelEdit>(new Renumber(g.Address)), Definition.Fix?.IsSafe ?? true);
            yield return Make(g.Resolution, m.Address, m.Clause.Span ?? g.Group.Span, new[] { fix }, m.Clause.Label.Length == 0 ? "(none)" : m.Clause.Label, m.Expected, g.Group.Heading);
        }
    }

    private sealed class SingleClauseRule : SingleFactRule<GroupFact>
    {
        public SingleClauseRule(RuleDefinition d)
            : base(d)
        {
        }

        public override bool Matches(GroupFact g) =>
            Definition.Scope.MatchesGroup(g.Resolution, g.Group) && g.Group.Clauses.Count == 1 && g.Group.Clauses[0].Label.Length > 0 && g.Group.Clauses[0].SubClauses.IsEmpty;

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            var c = g.Group.Clauses[0];
            var fix = new Fix(Definition.Fix?.Title ?? "Remove the label", EquatableArray.Create<ModelEdit>(new Renumber(g.Address)), Definition.Fix?.IsSafe ?? true);
            yield return Make(g.Resolution, g.Address + "/" + c.Key, c.Span ?? g.Group.Span, new[] { fix }, c.Label, string.Empty, g.Group.Heading);
        }
    }

    private sealed class PreambleFirstRule : SingleFactRule<ResolutionFact>
    {
        public PreambleFirstRule(RuleDefinition d)
            : base(d)
        {
        }

        /// <summary>Preambular groups that start after the first operative group (the reader keeps them in the preamble).</summary>
        private static IEnumerable<(GroupNode Late, GroupNode FirstOperative)> Violations(Resolution r)
        {
            var nodes = r.GroupNodes().Where(n => n.Group.Span is not null).ToList();
            var first = nodes.Where(n => n.Group.Part == Part.Operative).OrderBy(n => n.Group.Span!.Offset).FirstOrDefault();
            if (first is null)
            {
                yield break;
            }

            foreach (var late in nodes.Where(n => n.Group.Part == Part.Preamble && n.Group.Span!.Offset > first.Group.Span!.Offset))
            {
                yield return (late, first);
            }
        }

        public override bool Matches(ResolutionFact r) => Definition.Scope.MatchesResolution(r.Resolution) && Violations(r.Resolution).Any();

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            foreach (var (late, first) in Violations(r.Resolution))
            {
                yield return Make(r.Resolution, late.Address, late.Group.Span, null, late.Group.Heading, first.Group.Heading);
            }
        }
    }

    private sealed class GroupOrderRule : SingleFactRule<ResolutionFact>
    {
        private readonly List<(string Kind, string[] Actors)> _order;

        public GroupOrderRule(RuleDefinition d, List<string> order)
            : base(d) => _order = order.Select(o =>
            {
                var parts = o.Split(':');
                return (parts[0], parts.Length > 1 ? parts[1].Split('|') : Array.Empty<string>());
            }).ToList();

        private int Rank(Group g)
        {
            // A heading with two verbs ("requests … and instructs …") has no one place in the order.
            if (g.Mandates.Count > 1)
            {
                return -1;
            }

            for (var i = 0; i < _order.Count; i++)
            {
                var (kind, actors) = _order[i];
                if (string.Equals(kind, g.Kind, StringComparison.OrdinalIgnoreCase)
                    && (actors.Length == 0 || g.Actors.Any(a => actors.Contains(a.Key) || actors.Contains(StandingNames[(int)a.Standing]))))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The names of the actor standings, as the order may give them ("Organ"), made once.</summary>
        private static readonly string[] StandingNames = Enumerable.Range(0, 1 + Enum.GetValues(typeof(ActorStanding)).Cast<int>().Max())
            .Select(i => ((ActorStanding)i).ToString()).ToArray();

        private IEnumerable<(GroupNode Late, GroupNode Before)> Violations(Resolution r)
        {
            var nodes = r.GroupNodes().Where(n => n.Group.Part == Part.Operative).ToList();
            return Late(nodes.Select(n => Rank(n.Group)).ToList()).Select(p => (nodes[p.Late], nodes[p.Before]));
        }

        /// <summary>Each ranked group with the first earlier group that ranks after it, by index.</summary>
        private static IEnumerable<(int Late, int Before)> Late(List<int> ranks)
        {
            for (var i = 0; i < ranks.Count; i++)
            {
                if (ranks[i] < 0)
                {
                    continue;
                }

                for (var j = 0; j < i; j++)
                {
                    if (ranks[j] > ranks[i])
                    {
                        yield return (i, j);
                        break;
                    }
                }
            }
        }

        // The condition ranks the groups themselves: no group addresses are made for a resolution in order.
        public override bool Matches(ResolutionFact r) =>
            Definition.Scope.MatchesResolution(r.Resolution) && Late(r.Resolution.Groups.Where(g => g.Part == Part.Operative).Select(Rank).ToList()).Any();

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            foreach (var (late, before) in Violations(r.Resolution))
            {
                yield return Make(r.Resolution, late.Address, late.Group.Span, null, late.Group.Heading, before.Group.Heading);
            }
        }
    }
}

/// <summary>
/// <c>count</c>: too many or too long. Targets: <c>clause</c> (measure <c>words</c> or <c>characters</c>),
/// <c>group</c> (measure <c>clauses</c>, <c>references</c>, or <c>instruments</c>: references, counting each clause as at least one), <c>resolution</c> (measure <c>clauses</c> or
/// <c>preamble-ratio</c>: preambular clauses per operative clause). Message arguments: {0} the count, {1} the maximum,
/// {2} the group heading (group target) or the operative clause count (preamble-ratio).
/// </summary>
internal static class CountKind
{
    public const string Name = "count";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "target", "measure", "max");
        var target = ctx.Choice("target", "clause", "clause", "group", "resolution");
        var allowed = target switch
        {
            "clause" => new[] { "words", "characters" },
            "group" => new[] { "clauses", "references", "instruments" },
            _ => new[] { "clauses", "preamble-ratio" },
        };
        var measure = ctx.Choice("measure", allowed[0], allowed);
        if (ctx.Params["max"] is null)
        {
            ctx.Error(ctx.Params, "missing parameter \"max\"");
        }

        var max = ctx.Number("max", 1, 0, 1_000_000);
        if (ctx.HasErrors)
        {
            return null;
        }

        return target switch
        {
            "clause" => new ClauseCount(ctx.Rule, measure, max),
            "group" => new GroupCount(ctx.Rule, measure, max),
            _ => new ResolutionCount(ctx.Rule, measure, max),
        };
    }

    /// <summary>
    /// Words of a text. Chinese writes none: 1.7 Chinese characters make one English word's worth of text (the usual
    /// ratio of ITU parallel texts), so a limit set in words holds in every language.
    /// </summary>
    internal static int Words(string text)
    {
        var han = 0;
        var words = 0;
        var inWord = 0;
        var start = 0;
#if NET
        // Thirty-two ASCII characters at a time: a word starts where a non-separator follows a separator (or the start).
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var chars = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text.AsSpan());
            var space = System.Runtime.Intrinsics.Vector512.Create((ushort)' ');
            var tab = System.Runtime.Intrinsics.Vector512.Create((ushort)'\t');
            var four = System.Runtime.Intrinsics.Vector512.Create((ushort)('\r' - '\t'));
            var ascii = System.Runtime.Intrinsics.Vector512.Create((ushort)0x7F);
            for (; start + 32 <= chars.Length; start += 32)
            {
                var v = System.Runtime.Intrinsics.Vector512.Create(chars.Slice(start, 32));
                if (System.Runtime.Intrinsics.Vector512.GreaterThanAny(v, ascii))
                {
                    break; // the rest one character at a time
                }

                var separators = (uint)System.Runtime.Intrinsics.Vector512.ExtractMostSignificantBits(System.Runtime.Intrinsics.Vector512.Equals(v, space) | System.Runtime.Intrinsics.Vector512.LessThanOrEqual(v - tab, four));
                var before = (separators << 1) | (uint)(inWord ^ 1);
                words += System.Numerics.BitOperations.PopCount(~separators & before);
                inWord = (int)(~separators >> 31) & 1;
            }
        }
#endif
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            int separator;
            if (c < 0x80)
            {
                // ASCII, most of every text: no branch on the letters (a word starts where a separator ends).
                separator = c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
            }
            else if (c >= '\u4E00' && c <= '\u9FFF')
            {
                han++;
                inWord = 0;
                continue;
            }
            else
            {
                separator = char.IsWhiteSpace(c) || c == '，' || c == '；' || c == '。' || c == '、' ? 1 : 0;
            }

            words += (separator | inWord) ^ 1;
            inWord = separator ^ 1;
        }

        return words + (int)Math.Round(han / 1.7);
    }

    private sealed class ClauseCount : SingleFactRule<ClauseFact>
    {
        private readonly string _measure;
        private readonly double _max;

        public ClauseCount(RuleDefinition d, string measure, double max)
            : base(d)
        {
            _measure = measure;
            _max = max;
        }

        private int Measure(ClauseFact f) => _measure == "words" ? Words(f.Text) : f.Text.Length;

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && Measure(f) > _max;

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            yield return AtClause(f, 0, f.Text.Length, null, Measure(f).ToString(CultureInfo.InvariantCulture), _max.ToString(CultureInfo.InvariantCulture), f.Group.Heading);
        }
    }

    private sealed class GroupCount : SingleFactRule<GroupFact>
    {
        private readonly string _measure;
        private readonly double _max;

        public GroupCount(RuleDefinition d, string measure, double max)
            : base(d)
        {
            _measure = measure;
            _max = max;
        }

        private static int Instruments(IReadOnlyList<Reference> references)
        {
            var n = 0;
            foreach (var r in references)
            {
                n += r.Kind is ReferenceKind.Resolution or ReferenceKind.Decision or ReferenceKind.Recommendation ? 1 : 0;
            }

            return n;
        }

        // The references of the group's i-th clause: from its fact when the builder made one (parsed once for all the
        // reference rules), else parsed here.
        private static IReadOnlyList<Reference> ReferencesOf(GroupFact g, int i) =>
            g.TopLevel is { } facts && i < facts.Length && facts[i] is { } f && ReferenceEquals(f.Clause, g.Group.Clauses[i]) ? f.References : g.Group.Clauses[i].References;

        // "instruments": each clause cites at least one text (a UN resolution or a summit outcome the reference parser
        // does not know still counts), and a clause citing several ITU instruments counts each of them.
        private int Measure(GroupFact g)
        {
            if (_measure == "clauses")
            {
                return g.Group.Clauses.Count;
            }

            var sum = 0;
            for (var i = 0; i < g.Group.Clauses.Count; i++)
            {
                var n = Instruments(ReferencesOf(g, i));
                sum += _measure == "instruments" ? Math.Max(1, n) : n;
            }

            return sum;
        }

        public override bool Matches(GroupFact g) => Definition.Scope.MatchesGroup(g.Resolution, g.Group) && Measure(g) > _max;

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            yield return AtGroup(g, null, Measure(g).ToString(CultureInfo.InvariantCulture), _max.ToString(CultureInfo.InvariantCulture), g.Group.Heading);
        }
    }

    private sealed class ResolutionCount : SingleFactRule<ResolutionFact>
    {
        private readonly string _measure;
        private readonly double _max;

        public ResolutionCount(RuleDefinition d, string measure, double max)
            : base(d)
        {
            _measure = measure;
            _max = max;
        }

        private double Measure(ResolutionFact r) => _measure == "clauses"
            ? r.AllClauses.Count
            : r.OperativeClauseCount == 0 ? r.PreambleClauseCount : (double)r.PreambleClauseCount / r.OperativeClauseCount;

        public override bool Matches(ResolutionFact r) => Definition.Scope.MatchesResolution(r.Resolution) && Measure(r) > _max;

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            var first = _measure == "clauses" ? r.AllClauses.Count.ToString(CultureInfo.InvariantCulture) : r.PreambleClauseCount.ToString(CultureInfo.InvariantCulture);
            yield return AtResolution(r.Resolution, null, first, _max.ToString(CultureInfo.InvariantCulture), r.OperativeClauseCount.ToString(CultureInfo.InvariantCulture));
        }
    }
}
