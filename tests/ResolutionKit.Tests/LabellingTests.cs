using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>The labelling's shortcut for groups already labelled as it would label them.</summary>
public class LabellingTests
{
    private static readonly string[] Labels = { "a)", "b)", "c)", "d)", "(e)", "e)", "1", "2", "3", "4", "5", "10", "11", "3.", "а)", "أ)", "i)", string.Empty, "z)", "aa)" };

    private static Group MakeGroup(Part part, string[] labels, bool withSub) =>
        new(part, part == Part.Preamble ? "considering" : "resolves", part == Part.Preamble ? "considering" : "resolves", EquatableArray<Actor>.Empty,
            labels.Select((l, i) => new Clause(l, "text " + i, withSub && i == 1 ? EquatableArray.Create(new Clause("i)", "sub")) : EquatableArray<Clause>.Empty)).ToEquatableArray());

    /// <summary>
    /// Whenever the shortcut says a group is already labelled, the labelling changes nothing in it; and the groups it is
    /// meant for (a) to z), 1 to 26) are the ones it says so of. Groups of right labels, wrong ones and mixed, in both
    /// parts, with and without a sub-clause.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Unchanged_ShouldMeanTheLabellingChangesNothing() =>
        Prop.ForAll(
            Gen.Elements(Part.Preamble, Part.Operative).SelectMany(part => Gen.Choose(1, 30).SelectMany(n => Gen.Elements(true, false, false).SelectMany(right =>
                Gen.ArrayOf(Gen.Elements(Labels), n).Select(random => (part, labels: right ? Enumerable.Range(0, n).Select(i => part == Part.Preamble ? Labelling.Letter(i) + ")" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() : random))))
                .SelectMany(x => Gen.Elements(true, false, false, false).Select(sub => (x.part, x.labels, sub)))).ToArbitrary(),
            c =>
            {
                var group = MakeGroup(c.part, c.labels, c.sub);
                var changed = Labelling.Relabel(DraftGroup.From(group, 0));
                if (Labelling.Unchanged(group))
                {
                    Assert.Empty(changed);
                }

                var meant = c.labels.Length is >= 2 and <= 26 && !c.sub && changed.Count == 0
                    && c.labels.Select((l, i) => l == (c.part == Part.Preamble ? Labelling.Letter(i) + ")" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).All(x => x);
                Assert.Equal(meant, Labelling.Unchanged(group));
            });
}
