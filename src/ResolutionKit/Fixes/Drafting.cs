using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Fixes;

/// <summary>
/// A mutable working copy of a clause, used while fixes are applied or resolutions merged. It remembers the clause
/// it came from (and that clause's address) so that every change can be accounted for.
/// </summary>
internal sealed class DraftClause
{
    public DraftClause(Clause? original, string label, string text)
    {
        Original = original;
        Label = label;
        Text = text;
    }

    /// <summary>The clause this draft was made from; null for an inserted clause.</summary>
    public Clause? Original { get; }

    /// <summary>The address of <see cref="Original"/> in its resolution.</summary>
    public string? OldAddress { get; set; }

    /// <summary>The index of the input resolution (merging); 0 when applying fixes.</summary>
    public int Source { get; set; }

    public string Label { get; set; }

    public string Key => Label.TrimEnd(')').Trim();

    public string Text { get; set; }

    public List<DraftClause> Subs { get; } = new();

    public DraftClause? Parent { get; set; }

    public DraftGroup? Group { get; set; }

    public bool Deleted { get; set; }

    public bool Inserted { get; set; }

    /// <summary>The fixes that changed this clause (text, deletion, insertion, relabelling).</summary>
    public List<Fix> Causes => _causes ??= new();

    private List<Fix>? _causes;

    /// <summary>What happened to the clause, in words, for the account of changes.</summary>
    public List<string> Notes => _notes ??= new();

    private List<string>? _notes;

    /// <summary>The address in the result, once built.</summary>
    public string? NewAddress { get; set; }

    public IEnumerable<DraftClause> SelfAndDescendants()
    {
        yield return this;
        foreach (var sub in Subs)
        {
            foreach (var d in sub.SelfAndDescendants())
            {
                yield return d;
            }
        }
    }

    public IEnumerable<DraftClause> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            yield return p;
        }
    }

    public void AddCause(Fix? fix, string note)
    {
        if (fix is not null && !Causes.Contains(fix))
        {
            Causes.Add(fix);
        }

        if (!Notes.Contains(note))
        {
            Notes.Add(note);
        }
    }

    public static DraftClause From(Clause clause, DraftGroup group, DraftClause? parent, int source)
    {
        var draft = new DraftClause(clause, clause.Label, clause.Text) { Group = group, Parent = parent, Source = source };
        foreach (var sub in clause.SubClauses)
        {
            draft.Subs.Add(From(sub, group, draft, source));
        }

        return draft;
    }

    /// <summary>Builds the clause, reusing the original record when nothing changed.</summary>
    public Clause Build()
    {
        var subs = new List<Clause>(Subs.Count);
        foreach (var sub in Subs)
        {
            if (!sub.Deleted)
            {
                subs.Add(sub.Build());
            }
        }

        if (Original is not null
            && string.Equals(Label, Original.Label, StringComparison.Ordinal)
            && string.Equals(Text, Original.Text, StringComparison.Ordinal)
            && subs.Count == Original.SubClauses.Count
            && SameClauses(subs, Original.SubClauses))
        {
            return Original;
        }

        var sameText = Original is not null && string.Equals(Text, Original.Text, StringComparison.Ordinal);
        return new Clause(Label, Text, subs.ToEquatableArray())
        {
            Span = Original?.Span,
            TextMap = sameText ? Original!.TextMap : null,
        };
    }

    public override string ToString() => (OldAddress ?? "(new)") + " " + Label + " " + Text;

    /// <summary>Whether the built clauses are the original ones, one for one (nothing under them changed).</summary>
    internal static bool SameClauses(List<Clause> built, EquatableArray<Clause> original)
    {
        for (var i = 0; i < built.Count; i++)
        {
            if (!ReferenceEquals(built[i], original[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A mutable working copy of a group.</summary>
internal sealed class DraftGroup
{
    public DraftGroup(Group? original, Part part, string heading, string kind, EquatableArray<Actor> actors)
    {
        Original = original;
        Part = part;
        Heading = heading;
        Kind = kind;
        Actors = actors;
    }

    public Group? Original { get; }

    public string? OldAddress { get; set; }

    public int Source { get; set; }

    public Part Part { get; }

    public string Heading { get; set; }

    public string Kind { get; set; }

    public EquatableArray<Actor> Actors { get; set; }

    public List<DraftClause> Clauses { get; } = new();

    /// <summary>Whether the clauses are to be relabelled and re-punctuated.</summary>
    public bool Restructured { get; set; }

    /// <summary>The fix that first restructured the group (cause of relabelling).</summary>
    public Fix? RestructuredBy { get; set; }

    public Fix? HeadingChangedBy { get; set; }

    public string? NewAddress { get; set; }

    public IEnumerable<DraftClause> Live() => Clauses.Where(c => !c.Deleted);

    public IEnumerable<DraftClause> AllClauses() => Clauses.SelectMany(c => c.SelfAndDescendants());

    public static DraftGroup From(Group group, int source)
    {
        var draft = new DraftGroup(group, group.Part, group.Heading, group.Kind, group.Actors) { Source = source };
        foreach (var clause in group.Clauses)
        {
            draft.Clauses.Add(DraftClause.From(clause, draft, null, source));
        }

        return draft;
    }

    public Group Build()
    {
        var clauses = Live().Select(c => c.Build()).ToList();
        if (Original is not null
            && string.Equals(Heading, Original.Heading, StringComparison.Ordinal)
            && string.Equals(Kind, Original.Kind, StringComparison.Ordinal)
            && Actors == Original.Actors
            && clauses.Count == Original.Clauses.Count
            && DraftClause.SameClauses(clauses, Original.Clauses))
        {
            return Original;
        }

        return new Group(Part, Heading, Kind, Actors, clauses.ToEquatableArray()) { Span = Original?.Span };
    }
}

/// <summary>Building drafts from a resolution and back, and giving every draft node its address.</summary>
internal static class Drafts
{
    /// <summary>Drafts of all groups of a resolution, each node with its address.</summary>
    public static List<DraftGroup> Of(Resolution resolution, int source = 0)
    {
        var groups = new List<DraftGroup>();
        foreach (var node in resolution.GroupNodes())
        {
            var draft = DraftGroup.From(node.Group, source);
            draft.OldAddress = node.Address;
            groups.Add(draft);
        }

        using var nodes = resolution.Clauses().GetEnumerator();
        foreach (var clause in groups.SelectMany(g => g.AllClauses()))
        {
            nodes.MoveNext();
            clause.OldAddress = nodes.Current.Address;
        }

        return groups;
    }

    /// <summary>Builds the groups into a resolution and records the new address of every live node.</summary>
    public static Resolution Build(Resolution template, IReadOnlyList<DraftGroup> groups)
    {
        var live = groups.Where(g => g.Live().Any() || (g.Original is not null && g.Original.Clauses.IsEmpty && !g.Restructured)).ToList();
        var built = live.Select(g => (Draft: g, Group: g.Build())).ToList();
        var preamble = built.Where(b => b.Draft.Part == Part.Preamble).Select(b => b.Group).ToEquatableArray();
        var operative = built.Where(b => b.Draft.Part == Part.Operative).Select(b => b.Group).ToEquatableArray();
        var result = template.Preamble == preamble && template.Operative == operative
            ? template
            : template with { Preamble = preamble, Operative = operative };

        var ordered = live.Where(g => g.Part == Part.Preamble).Concat(live.Where(g => g.Part == Part.Operative)).ToList();
        using (var groupNodes = result.GroupNodes().GetEnumerator())
        {
            foreach (var g in ordered)
            {
                groupNodes.MoveNext();
                g.NewAddress = groupNodes.Current.Address;
            }
        }

        using var nodes = result.Clauses().GetEnumerator();
        foreach (var clause in ordered.SelectMany(g => g.Live()).SelectMany(LiveSubtree))
        {
            nodes.MoveNext();
            clause.NewAddress = nodes.Current.Address;
        }

        return result;
    }

    public static IEnumerable<DraftClause> LiveSubtree(DraftClause clause)
    {
        if (clause.Deleted)
        {
            yield break;
        }

        yield return clause;
        foreach (var sub in clause.Subs)
        {
            foreach (var d in LiveSubtree(sub))
            {
                yield return d;
            }
        }
    }
}

/// <summary>
/// Labels clauses in ITU style: preambular clauses <c>a)</c>, <c>b)</c>, ...; operative clauses <c>1</c>, <c>2</c>,
/// ...; sub-clauses <c>2.1</c>, <c>2.2</c> under a number, or <c>i)</c>, <c>ii)</c> (or <c>a)</c>, <c>b)</c>) as the
/// text had them. A group with a single clause gets no label, unless that clause has sub-clauses, which need a
/// numbered parent to hang from in the text layout.
/// </summary>
internal static class Labelling
{
    /// <summary>
    /// Whether <see cref="Relabel"/> would leave a group as it is, told without building its draft — only for the common
    /// case it can prove: two or more clauses without sub-clauses, labelled a) to z) in a preamble or 1, 2, ... in another
    /// part, exactly as the labelling writes them (ASCII labels: the Latin alphabet). False means "build it and see",
    /// not "wrong": every other group goes through <see cref="Relabel"/>.
    /// </summary>
    /// <param name="group">The group.</param>
    public static bool Unchanged(Group group)
    {
        var clauses = group.Clauses;
        if (clauses.Count < 2 || clauses.Count > 26)
        {
            return false;
        }

        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var label = clause.Label;
            if (!clause.SubClauses.IsEmpty)
            {
                return false;
            }

            if (group.Part == Part.Preamble)
            {
                if (label.Length != 2 || label[0] != (char)('a' + i) || label[1] != ')')
                {
                    return false;
                }
            }
            else
            {
                var n = i + 1;
                var digits = n < 10 ? 1 : 2;
                if (label.Length != digits || (digits == 2 && label[0] != (char)('0' + (n / 10))) || label[digits - 1] != (char)('0' + (n % 10)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Relabels the live clauses of a group; returns the clauses whose label changed.</summary>
    public static List<DraftClause> Relabel(DraftGroup group)
    {
        var changed = new List<DraftClause>();
        var top = group.Live().ToList();

        // Letters stay in the text's alphabet: a), b) in Latin texts, а), б) in Russian, أ), ب) in Arabic.
        var alphabet = AlphabetOf(group.Clauses);
        for (var i = 0; i < top.Count; i++)
        {
            var clause = top[i];
            string label;
            if (top.Count == 1 && !clause.Subs.Any(s => !s.Deleted))
            {
                label = string.Empty;
            }
            else if (group.Part == Part.Preamble)
            {
                label = Letter(i, alphabet) + ")";
            }
            else
            {
                label = (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            Set(clause, label, changed);
            RelabelSubs(clause, changed, alphabet);
        }

        return changed;
    }

    /// <summary>The alphabet of the first label, depth first, written in another alphabet than the Latin one (else Latin).</summary>
    private static string AlphabetOf(List<DraftClause> clauses)
    {
        foreach (var clause in clauses)
        {
            if (AlphabetOf(clause.Label) is { } found)
            {
                return found;
            }

            if (clause.Subs.Count > 0 && AlphabetOf(clause.Subs) is var inner && inner != Internal.Labels.Latin)
            {
                return inner;
            }
        }

        return Internal.Labels.Latin;
    }

    /// <summary>The alphabet of a label written in another alphabet than the Latin one, or null.</summary>
    private static string? AlphabetOf(string label)
    {
        // Only a label with a letter outside ASCII can be in another alphabet (digits and Latin letters are not).
        var other = false;
        foreach (var c in label)
        {
            other |= c > 0x7F;
        }

        if (!other)
        {
            return null;
        }

        var key = label.TrimEnd(')', '.').TrimStart('(');
        return key.Length > 0 && !key.All(char.IsDigit) && Internal.Labels.AlphabetOf(key) is var alphabet && alphabet != Internal.Labels.Latin ? alphabet : null;
    }

    private static string Letter(int index, string alphabet) =>
        alphabet == Internal.Labels.Latin ? Letter(index)
        : alphabet == Internal.Labels.Arabic && index == 0 ? "أ"
        : Internal.Labels.Letter(index, alphabet);

    private static void RelabelSubs(DraftClause parent, List<DraftClause> changed, string alphabet)
    {
        if (parent.Subs.Count == 0)
        {
            return; // most clauses
        }

        var subs = parent.Subs.Where(s => !s.Deleted).ToList();
        if (subs.Count == 0)
        {
            return;
        }

        var style = StyleOf(parent, parent.Subs);
        for (var i = 0; i < subs.Count; i++)
        {
            var label = style switch
            {
                SubStyle.Dotted => parent.Key + "." + (i + 1).ToString(CultureInfo.InvariantCulture),
                SubStyle.Letter => Letter(i, alphabet) + ")",
                _ => Internal.Roman.Format(i + 1) + ")",
            };
            Set(subs[i], label, changed);
            RelabelSubs(subs[i], changed, alphabet);
        }
    }

    private enum SubStyle
    {
        Dotted,
        Roman,
        Letter,
    }

    private static SubStyle StyleOf(DraftClause parent, List<DraftClause> subs)
    {
        var parentNumeric = parent.Key.Length > 0 && parent.Key.All(c => char.IsDigit(c) || c == '.');
        var labelled = subs.Where(s => s.Label.Length > 0).Select(s => s.Label).ToList();
        if (labelled.Count > 0)
        {
            if (labelled.Any(l => l.EndsWith(")", StringComparison.Ordinal)))
            {
                var keys = labelled.Select(l => l.TrimEnd(')')).ToList();
                var roman = keys.Any(k => k.Length > 1 && Internal.Roman.Parse(k) > 0) || keys[0] == "i";
                return roman ? SubStyle.Roman : SubStyle.Letter;
            }

            if (parentNumeric)
            {
                return SubStyle.Dotted;
            }
        }

        if (parentNumeric)
        {
            return SubStyle.Dotted;
        }

        // Under a lettered or roman parent, alternate so that the levels stay distinct.
        var parentIsRoman = parent.Key.Length > 0 && Internal.Roman.Parse(parent.Key) > 0 && (parent.Key.Length > 1 || parent.Key == "i");
        return parentIsRoman ? SubStyle.Letter : SubStyle.Roman;
    }

    private static void Set(DraftClause clause, string label, List<DraftClause> changed)
    {
        if (string.Equals(clause.Label, label, StringComparison.Ordinal))
        {
            return; // most labels are already right
        }

        // The same label in another spelling (أ) for ا), a Cyrillic look-alike) is left as written.
        if (clause.Label.Length == label.Length && label.Length > 0 && Internal.Labels.Key(clause.Label) == Internal.Labels.Key(label))
        {
            return;
        }

        if (!string.Equals(clause.Label, label, StringComparison.Ordinal))
        {
            clause.Label = label;
            changed.Add(clause);
        }
    }

    public static string Letter(int index)
    {
        // a..z, then aa, ab, ...
        var s = string.Empty;
        var n = index;
        do
        {
            s = (char)('a' + (n % 26)) + s;
            n = (n / 26) - 1;
        }
        while (n >= 0);
        return s;
    }
}

/// <summary>
/// Terminal punctuation in ITU style: every clause ends with ";", a clause that introduces sub-clauses with ":", the
/// last clause of a group with "," and the last clause of the resolution with ".".
/// </summary>
internal static class Punctuation
{
    /// <summary>Re-punctuates the live clauses of a group; returns the clauses whose text changed.</summary>
    public static List<DraftClause> Apply(DraftGroup group, bool lastGroup)
    {
        var changed = new List<DraftClause>();
        var leaves = new List<DraftClause>();
        foreach (var clause in group.Live())
        {
            Walk(clause, leaves, changed);
        }

        for (var i = 0; i < leaves.Count; i++)
        {
            var mark = i < leaves.Count - 1 ? ';' : lastGroup && group.Part == Part.Operative ? '.' : ',';
            Set(leaves[i], mark, changed);
        }

        return changed;
    }

    private static void Walk(DraftClause clause, List<DraftClause> leaves, List<DraftClause> changed)
    {
        var subs = clause.Subs.Where(s => !s.Deleted).ToList();
        if (subs.Count == 0)
        {
            leaves.Add(clause);
            return;
        }

        Set(clause, ':', changed);
        foreach (var sub in subs)
        {
            Walk(sub, leaves, changed);
        }
    }

    private static void Set(DraftClause clause, char mark, List<DraftClause> changed)
    {
        var colonIsOurs = clause.Original is null || clause.Original.SubClauses.Count > 0;
        var text = Terminate(clause.Text, mark, colonIsOurs);
        if (!string.Equals(text, clause.Text, StringComparison.Ordinal))
        {
            clause.Text = text;
            changed.Add(clause);
        }
    }

    public static string Terminate(string text, char mark, bool colonIsOurs)
    {
        var t = text.TrimEnd();
        if (t.Length == 0)
        {
            return text;
        }

        var last = t[t.Length - 1];
        if (last == ';' || last == ',' || last == '.')
        {
            if (last == '.' && t.EndsWith("etc.", StringComparison.Ordinal))
            {
                return mark == '.' ? t : t + mark;
            }

            return t.Substring(0, t.Length - 1) + mark;
        }

        if (last == ':')
        {
            return colonIsOurs ? t.Substring(0, t.Length - 1) + mark : text;
        }

        if (char.IsLetterOrDigit(last) || char.IsNumber(last) || last == ')' || last == '"' || last == '”' || last == '’' || last == '\'')
        {
            return t + mark;
        }

        return text;
    }
}
