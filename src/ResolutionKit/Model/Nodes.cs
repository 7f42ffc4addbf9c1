using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Collections;

namespace ResolutionKit.Model;

/// <summary>A group together with its address and position in its resolution.</summary>
/// <param name="Resolution">The resolution.</param>
/// <param name="Group">The group.</param>
/// <param name="Address">Its address, e.g. <c>PP-191/instructs-secretary-general</c>.</param>
/// <param name="Index">Its index within its part.</param>
public sealed record GroupNode(Resolution Resolution, Group Group, string Address, int Index);

/// <summary>A clause together with its address, group and parent clause.</summary>
/// <param name="Resolution">The resolution.</param>
/// <param name="Group">The group node.</param>
/// <param name="Clause">The clause.</param>
/// <param name="Address">Its address, e.g. <c>PP-191/instructs-secretary-general/2.1</c>.</param>
/// <param name="Parent">The parent clause for a sub-clause; null for a top-level clause.</param>
/// <param name="Path">Indexes from the group down to the clause (top-level index first).</param>
/// <param name="Depth">0 for a top-level clause, 1 for a sub-clause, ...</param>
public sealed record ClauseNode(Resolution Resolution, GroupNode Group, Clause Clause, string Address, Clause? Parent, EquatableArray<int> Path, int Depth);

internal static class ModelWalker
{
    public static IEnumerable<GroupNode> Groups(Resolution resolution)
    {
        var seen = new Dictionary<string, int>();
        foreach (var (group, index) in resolution.Preamble.Select((g, i) => (g, i)).Concat(resolution.Operative.Select((g, i) => (g, i))))
        {
            var slug = group.Slug;
            seen[slug] = seen.TryGetValue(slug, out var n) ? n + 1 : 1;
            var segment = seen[slug] == 1 ? slug : slug + "-" + seen[slug];
            yield return new GroupNode(resolution, group, resolution.Address + "/" + segment, index);
        }
    }

    public static IEnumerable<ClauseNode> Clauses(Resolution resolution) => Clauses(resolution, Groups(resolution));

    /// <summary>The clauses of a resolution under group nodes already made for it (<see cref="Groups"/>), in document order.</summary>
    internal static List<ClauseNode> Clauses(Resolution resolution, IEnumerable<GroupNode> groups)
    {
        // Collected in document order into one list: nested iterators cost an object per clause and level.
        var result = new List<ClauseNode>();
        foreach (var group in groups)
        {
            var clauses = group.Group.Clauses;
            for (var i = 0; i < clauses.Count; i++)
            {
                Walk(result, resolution, group, clauses[i], null, group.Address, PathTo(i), 0, i);
            }
        }

        return result;
    }

    // The paths of the first clauses and sub-clauses of a group, made once: every clause of a corpus has one, and a
    // check holds them all while it runs (40,000 small arrays for 1,000 resolutions, copied by each collection).
    private const int SharedPaths = 32;
    private static readonly EquatableArray<int>[] TopPaths = Enumerable.Range(0, SharedPaths).Select(i => EquatableArray.Create(i)).ToArray();
    private static readonly EquatableArray<int>[] SubPaths = Enumerable.Range(0, SharedPaths * SharedPaths).Select(k => EquatableArray.Create(k / SharedPaths, k % SharedPaths)).ToArray();

    private static EquatableArray<int> PathTo(int index) => index < SharedPaths ? TopPaths[index] : EquatableArray.Create(index);

    private static EquatableArray<int> PathTo(EquatableArray<int> parent, int index) =>
        parent.Count == 1 && parent[0] < SharedPaths && index < SharedPaths ? SubPaths[(parent[0] * SharedPaths) + index] : parent.Add(index);

    private static void Walk(List<ClauseNode> into, Resolution resolution, GroupNode group, Clause clause, Clause? parent, string parentAddress, EquatableArray<int> path, int depth, int index)
    {
        var key = clause.Key.Length == 0 ? "(" + (index + 1) + ")" : clause.Key;
        var address = depth == 0 ? group.Address + "/" + key : parentAddress + "/" + key;
        if (depth > 0 && clause.Key.Contains('.'))
        {
            // "2.1" under "2" reads better as .../2.1 than .../2/2.1
            address = group.Address + "/" + key;
        }

        into.Add(new ClauseNode(resolution, group, clause, address, parent, path, depth));
        for (var i = 0; i < clause.SubClauses.Count; i++)
        {
            Walk(into, resolution, group, clause.SubClauses[i], clause, address, PathTo(path, i), depth + 1, i);
        }
    }

    public static Resolution StripSource(Resolution r) => r with
    {
        Span = null,
        SourcePath = null,
        Preamble = r.Preamble.Select(StripGroup).ToEquatableArray(),
        Operative = r.Operative.Select(StripGroup).ToEquatableArray(),
        Footnotes = r.Footnotes.Select(f => f with { Span = null }).ToEquatableArray(),
        Annexes = r.Annexes.Select(a => a with { Span = null, Paragraphs = a.Paragraphs.Select(p => p with { Span = null }).ToEquatableArray() }).ToEquatableArray(),
        Unplaced = r.Unplaced.Select(p => p with { Span = null }).ToEquatableArray(),
    };

    private static Group StripGroup(Group g) => g with { Span = null, Clauses = g.Clauses.Select(StripClause).ToEquatableArray() };

    internal static Clause StripClause(Clause c) => c with { Span = null, TextMap = null, SubClauses = c.SubClauses.Select(StripClause).ToEquatableArray() };
}
