using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using Group = ResolutionKit.Model.Group;

namespace ResolutionKit.Tests.Streamline;

/// <summary>
/// Small FsCheck generators for the streamlining properties: resolutions in canonical form (labels and punctuation
/// as the applier writes them, every word unique so that an edit's expected text cannot turn up again by chance),
/// fixes against them, and sets of overlapping resolutions to merge.
/// </summary>
internal static class StreamlineGenerators
{
    private static readonly string[] Pool =
    {
        "coordination", "work", "study", "groups", "Sectors", "resources", "reports", "meetings", "experts", "programme",
        "overlap", "members", "activities", "standards", "training", "budget", "review", "liaison", "questions", "regions",
    };

    private static readonly (string Heading, string Kind)[] PreambleKinds =
    {
        ("considering", "considering"), ("recalling", "recalling"), ("noting", "noting"), ("recognizing", "recognizing"),
    };

    private static readonly (string Heading, string Kind, Actor[] Actors)[] OperativeKinds =
    {
        ("resolves", "resolves", Array.Empty<Actor>()),
        ("instructs the Secretary-General", "instructs", new[] { Actor.SecretaryGeneral }),
        ("instructs the Directors of the three Bureaux", "instructs", new[] { Actor.Directors }),
        ("instructs the Director of the Telecommunication Standardization Bureau", "instructs", new[] { Actor.DirectorTSB }),
        ("instructs the Council", "instructs", new[] { Actor.Council }),
        ("invites Member States", "invites", new[] { Actor.MemberStates }),
    };

    /// <summary>The shape of a clause: pool word indexes, sub-clauses, and a cross-reference to "resolves n".</summary>
    internal sealed record ClauseShape(int[] Words, int[][] Subs, int CrossReference);

    internal sealed record GroupShape(int Kind, ClauseShape[] Clauses);

    internal sealed record Shape(GroupShape[] Preamble, GroupShape[] Operative);

    private static Gen<int[]> WordsGen => Gen.Choose(2, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, Pool.Length - 1), n));

    private static Gen<ClauseShape> ClauseGen(bool operative) =>
        WordsGen.SelectMany(words =>
            (operative ? Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 3))) : Gen.Constant(0))
                .SelectMany(subCount => Gen.ArrayOf(WordsGen, subCount))
                .SelectMany(subs => Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
                    .Select(cross => new ClauseShape(words, subs, cross))));

    private static Gen<GroupShape[]> GroupsGen(int kinds, bool operative, int min) =>
        Gen.SubListOf(Enumerable.Range(0, kinds).ToArray())
            .Where(l => l.Count >= min)
            .SelectMany(chosen => Gen.CollectToArray(chosen.OrderBy(k => k), k =>
                Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(ClauseGen(operative), n)).Select(clauses => new GroupShape(k, clauses))));

    public static Gen<Shape> ShapeGen =>
        GroupsGen(PreambleKinds.Length, false, 0).SelectMany(pre => GroupsGen(OperativeKinds.Length, true, 1).Select(op => new Shape(pre, op)));

    /// <summary>A resolution built from a shape, in canonical form. <paramref name="tag"/> makes its words unique among inputs.</summary>
    public static Resolution Build(Shape shape, InstrumentId id, string tag, Func<int, int, string?>? replaceText = null)
    {
        var counter = 0;
        var resolvesCount = shape.Operative.Where(g => OperativeKinds[g.Kind].Kind == "resolves").Select(g => g.Clauses.Length).FirstOrDefault();
        string Words(int[] words) => string.Join(" ", words.Select(w => Pool[w] + tag + (counter++).ToString(CultureInfo.InvariantCulture)));

        Group MakeGroup(GroupShape g, Part part, bool last)
        {
            var (heading, kind, actors) = part == Part.Preamble ? (PreambleKinds[g.Kind].Heading, PreambleKinds[g.Kind].Kind, Array.Empty<Actor>()) : OperativeKinds[g.Kind];
            var clauses = new List<Clause>();
            var leaves = g.Clauses.Sum(c => Math.Max(1, c.Subs.Length));
            var leaf = 0;
            string End()
            {
                leaf++;
                return leaf < leaves ? ";" : last ? "." : ",";
            }

            for (var i = 0; i < g.Clauses.Length; i++)
            {
                var c = g.Clauses[i];
                var label = part == Part.Preamble
                    ? (g.Clauses.Length == 1 ? string.Empty : ((char)('a' + i)).ToString() + ")")
                    : (g.Clauses.Length == 1 && c.Subs.Length == 0 ? string.Empty : (i + 1).ToString(CultureInfo.InvariantCulture));
                var text = (part == Part.Preamble ? "that " : "to ") + Words(c.Words);
                if (c.CrossReference > 0 && resolvesCount >= c.CrossReference && !(part == Part.Operative && kind == "resolves"))
                {
                    text += ", as set out in resolves " + c.CrossReference.ToString(CultureInfo.InvariantCulture);
                }

                var replaced = replaceText?.Invoke(g.Kind + (part == Part.Preamble ? 0 : 100), i);
                if (replaced is not null)
                {
                    text = replaced;
                }

                var subs = c.Subs.Select((s, j) => new Clause(label + "." + (j + 1).ToString(CultureInfo.InvariantCulture), "by " + Words(s) + End())).ToList();
                text += subs.Count > 0 ? ":" : End();
                clauses.Add(new Clause(label, text, subs.ToEquatableArray()));
            }

            return new Group(part, heading, kind, actors.ToEquatableArray(), clauses.ToEquatableArray());
        }

        return new Resolution(id, new Revision("Bucharest", 2022, true), "Subject " + tag, "en")
        {
            ConferenceFormula = "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),",
            Preamble = shape.Preamble.Select(g => MakeGroup(g, Part.Preamble, false)).ToEquatableArray(),
            Operative = shape.Operative.Select((g, i) => MakeGroup(g, Part.Operative, i == shape.Operative.Length - 1)).ToEquatableArray(),
        };
    }

    public static Gen<Resolution> ResolutionGen =>
        ShapeGen.Select(s => Build(s, new InstrumentId(Body.Plenipotentiary, InstrumentKind.Resolution, "77"), "w"));

    private static readonly string[] RuleIds = { "RK1001", "RK1002", "RK2001" };

    /// <summary>One edit against the resolution, as a rule would propose it (expected texts filled in).</summary>
    private static Gen<ModelEdit> EditGen(Resolution r, int seed)
    {
        var clauses = r.Clauses().ToList();
        var groups = r.GroupNodes().ToList();
        var unique = "new" + seed.ToString(CultureInfo.InvariantCulture);

        Gen<ModelEdit> ReplaceTextGen() => Gen.Elements(clauses.ToArray()).SelectMany(node =>
        {
            // Whole words only, and never the cross-reference or the terminal punctuation at the end.
            var text = node.Clause.Text;
            var cut = text.IndexOf(", as set out in", StringComparison.Ordinal);
            var body = cut >= 0 ? text.Substring(0, cut) : text.TrimEnd(';', ',', '.', ':');
            var starts = new List<int> { 0 };
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == ' ')
                {
                    starts.Add(i + 1);
                }
            }

            // Never the leading "to", "that" or "by" alone: every clause has one, so it proves nothing.
            return Gen.Choose(Math.Min(1, starts.Count - 1), starts.Count - 1).SelectMany(first => Gen.Choose(first, starts.Count - 1).SelectMany(lastWord =>
                Gen.Choose(0, 3).Select(kind =>
                {
                    var start = starts[first];
                    var end = lastWord + 1 < starts.Count ? starts[lastWord + 1] : body.Length;
                    var old = text.Substring(start, end - start);

                    // An insertion is anchored on the words it goes before, as a rule that wants an idempotent fix does.
                    var newText = kind switch
                    {
                        0 => unique,
                        1 => string.Empty,
                        2 => unique + " extra",
                        _ => unique + " " + old,
                    };
                    return (ModelEdit)new ReplaceText(node.Address, start, old.Length, newText, old);
                })));
        });

        var options = new List<(int, Gen<ModelEdit>)>
        {
            (4, ReplaceTextGen()),
            (2, Gen.Elements(clauses.ToArray()).Select(n => (ModelEdit)new ReplaceClauseText(n.Address, "to " + unique + " replaced") { OldText = n.Clause.Text })),
            (3, Gen.Elements(clauses.ToArray()).Select(n => (ModelEdit)new DeleteClause(n.Address, "generated") { OldText = FixApplier.ExpectedText(n.Clause) })),
            (2, Gen.Elements(groups.ToArray()).SelectMany(g => Gen.Choose(0, g.Group.Clauses.Count + 1).Select(i => (ModelEdit)new InsertClause(g.Address, i, new Clause(string.Empty, "to " + unique + " inserted"))))),
            (1, Gen.Elements(groups.ToArray()).Select(g => (ModelEdit)new ChangeGroupHeading(g.Address, g.Group.Heading + " further", g.Group.Kind + "-further", g.Group.Actors))),
            (1, Gen.Elements(groups.Select(g => g.Address).Concat(new[] { r.Address }).ToArray()).Select(a => (ModelEdit)new Renumber(a))),
        };
        return Gen.Frequency(options.ToArray());
    }

    public static Gen<Fix> FixGen(Resolution r, int seed) =>
        Gen.Choose(1, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => EditGen(r, (seed * 10) + i)))
            .SelectMany(edits => Gen.Elements(RuleIds).SelectMany(rule => Gen.Elements(true, false).Select(safe =>
                new Fix("fix " + seed.ToString(CultureInfo.InvariantCulture), edits.ToEquatableArray(), safe) { RuleId = rule })));

    public static Gen<Fix[]> FixesGen(Resolution r) =>
        Gen.Choose(0, 8).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => FixGen(r, i)));

    /// <summary>A resolution, fixes against it, and the fixes in another order.</summary>
    public static Gen<(Resolution Resolution, Fix[] Fixes, Fix[] Shuffled)> FixCaseGen =>
        ResolutionGen.SelectMany(r => FixesGen(r).SelectMany(fixes => Gen.Shuffle(fixes).Select(shuffled => (r, fixes, shuffled))));

    /// <summary>
    /// Two or three resolutions on one subject: each input is its own shape, but some clauses repeat (or nearly
    /// repeat) clauses of the first input, and some preambles recall another input.
    /// </summary>
    public static Gen<Resolution[]> MergeInputsGen =>
        Gen.Choose(2, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), _ => ShapeGen))
            .SelectMany(shapes => Gen.ArrayOf(Gen.Choose(0, 3), 40).Select(choices => BuildInputs(shapes, choices)));

    private static readonly InstrumentId[] Ids =
    {
        new(Body.Plenipotentiary, InstrumentKind.Resolution, "191"),
        new(Body.Wtsa, InstrumentKind.Resolution, "18"),
        new(Body.Wtdc, InstrumentKind.Resolution, "59"),
    };

    private static Resolution[] BuildInputs(Shape[] shapes, int[] choices)
    {
        var first = Build(shapes[0], Ids[0], "a");
        var firstTexts = first.Groups.SelectMany(g => g.Clauses).Select(c => c.Text).ToArray();
        var inputs = new List<Resolution> { first };
        var pick = 0;
        for (var i = 1; i < shapes.Length; i++)
        {
            var tag = ((char)('a' + i)).ToString();
            var input = Build(shapes[i], Ids[i], tag, (group, index) =>
            {
                var choice = choices[pick++ % choices.Length];
                return choice switch
                {
                    // The same clause as one of the first input's.
                    0 => firstTexts[(group + index) % firstTexts.Length],

                    // A preamble that recalls the first input.
                    1 when group < 100 => "Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, on the same subject",
                    _ => null,
                };
            });
            inputs.Add(input with { ConferenceFormula = "The " + Ids[i].Body.Name + " (Geneva, 2022)," });
        }

        return inputs.ToArray();
    }
}
