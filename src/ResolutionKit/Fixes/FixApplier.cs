using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Fixes;

/// <summary>
/// Applies fixes to a resolution: a pure, deterministic function from a resolution and a set of fixes to a new
/// resolution and an account of what changed.
/// </summary>
/// <remarks>
/// <para>
/// <b>Order.</b> Fixes are put in a stable order first (by rule id, title, then the edits themselves), so the result
/// does not depend on the order they come in. Each fix is applied whole or not at all.
/// </para>
/// <para>
/// <b>Conflicts.</b> A fix that edits what an earlier fix in that order already edits — overlapping ranges of the
/// same clause text, a clause (or its parent) that the other deletes, the same group heading — is rejected with
/// <see cref="FixRejectionReason.Conflict"/>; fixes are never applied in an arbitrary order.
/// </para>
/// <para>
/// <b>Addresses and expected text.</b> All addresses are those of the resolution given, and every edit is checked
/// against it: a <see cref="ReplaceText"/> whose <see cref="ReplaceText.OldText"/> is not in the range is stale
/// (or, when its new text is already there, already applied). <see cref="DeleteClause"/> and
/// <see cref="ReplaceClauseText"/> check their optional <c>OldText</c> the same way. So applying the same fixes to
/// the result changes nothing, even after renumbering has moved clauses to other addresses. An edit with nothing
/// to check — an insertion (a <see cref="ReplaceText"/> of an empty range), a heading change — cannot tell, when it
/// lost a conflict the first time, that the text has moved on; a rule that wants its fix idempotent anchors an
/// insertion on the words it goes before (replace "word" by "inserted word").
/// </para>
/// <para>
/// <b>After the edits.</b> In each group whose clauses were inserted, deleted or renumbered: clauses are relabelled
/// (<c>a)</c>, <c>b)</c>; <c>1</c>, <c>2</c>, <c>2.1</c>; <c>i)</c>, <c>ii)</c>), a single remaining clause loses its
/// label, terminal punctuation is put right (";", ":" before sub-clauses, "," at the end of a group, "." at the end
/// of the resolution), and a group left without clauses is removed. Internal cross-references anywhere in the text
/// ("as set out in resolves 3", "instructs the Secretary-General 2.1", "paragraph 3 of resolves") are rewritten to
/// the new numbers; a reference to a clause that is gone is left as written and reported in
/// <see cref="FixResult.Warnings"/>.
/// </para>
/// </remarks>
public static class FixApplier
{
    /// <summary>
    /// A group with its clauses labelled as a <see cref="Renumber"/> edit labels them, the group alone: what
    /// renumbering would change, found without applying it to the whole resolution (rules ask this of every group of
    /// a corpus).
    /// </summary>
    /// <param name="group">The group.</param>
    public static Group Renumbered(Group group)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        var draft = DraftGroup.From(group, 0);
        Labelling.Relabel(draft);
        return draft.Build();
    }

    /// <summary>Applies the fixes to the resolution.</summary>
    /// <param name="resolution">The resolution; every address in the fixes is one of its addresses.</param>
    /// <param name="fixes">The fixes, in any order.</param>
    /// <returns>The new resolution, the fixes applied and rejected, and the account of changes.</returns>
    public static FixResult Apply(Resolution resolution, IEnumerable<Fix> fixes)
    {
        if (resolution is null)
        {
            throw new ArgumentNullException(nameof(resolution));
        }

        if (fixes is null)
        {
            throw new ArgumentNullException(nameof(fixes));
        }

        var ordered = fixes.Select(f => (Fix: f, Key: StableKey(f))).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        return new Engine(resolution).Run(ordered);
    }

    /// <summary>
    /// The expected text that guards a clause and all its sub-clauses, for <see cref="DeleteClause.OldText"/>: the
    /// clause's text, then each sub-clause's text (depth first), one per line. A deletion that expects it is refused
    /// as stale when any of them has changed — for instance when a fix that won a conflict edited a sub-clause.
    /// </summary>
    /// <param name="clause">The clause.</param>
    public static string ExpectedText(Clause clause)
    {
        if (clause is null)
        {
            throw new ArgumentNullException(nameof(clause));
        }

        var sb = new StringBuilder(clause.Text);
        foreach (var sub in clause.SubClauses)
        {
            sb.Append('\n').Append(ExpectedText(sub));
        }

        return sb.ToString();
    }

    private static string ExpectedText(DraftClause clause)
    {
        var sb = new StringBuilder(clause.Text);
        foreach (var sub in clause.Subs.Where(s => !s.Deleted))
        {
            sb.Append('\n').Append(ExpectedText(sub));
        }

        return sb.ToString();
    }

    /// <summary>The key fixes are sorted by: rule id, title, safety, then every edit with all its data.</summary>
    internal static string StableKey(Fix fix)
    {
        var sb = new StringBuilder();
        sb.Append(fix.RuleId ?? string.Empty).Append('\u001f').Append(fix.Title).Append('\u001f').Append(fix.IsSafe ? '1' : '0');
        foreach (var edit in fix.Edits)
        {
            sb.Append('\u001e').Append(EditKey(edit));
        }

        return sb.ToString();
    }

    private static string EditKey(ModelEdit edit) => edit switch
    {
        ReplaceText r => Join("T", r.Address, Number(r.Start), Number(r.Length), r.OldText, r.NewText),
        ReplaceClauseText c => Join("C", c.Address, c.OldText ?? "\u0000", c.NewText),
        DeleteClause d => Join("D", d.Address, d.OldText ?? "\u0000", d.Reason),
        InsertClause i => Join("I", i.Address, Number(i.Index), ClauseKey(i.Clause)),
        ChangeGroupHeading h => Join("H", h.Address, h.Heading, h.Kind, string.Join(",", h.Actors.Select(a => a.Key + "=" + a.Name))),
        Renumber n => Join("N", n.Address),
        _ => Join("?", edit.GetType().FullName ?? string.Empty, edit.Address, edit.ToString()),
    };

    private static string Number(int n) => (n < 0 ? "-" : "+") + Math.Abs((long)n).ToString("D10", CultureInfo.InvariantCulture);

    private static string ClauseKey(Clause c) => c.Label + "\u001d" + c.Text + "\u001d[" + string.Join("\u001c", c.SubClauses.Select(ClauseKey)) + "]";

    private static string Join(params string[] parts) => string.Join("\u001f", parts);

    private enum Status
    {
        Applicable,
        AlreadyApplied,
        Stale,
        NotFound,
        Invalid,
        Unsupported,
    }

    private enum PlanKind
    {
        Text,
        WholeText,
        Delete,
        Insert,
        Heading,
        Renumber,
    }

    /// <summary>One edit resolved against the resolution: what it touches.</summary>
    private sealed class Plan
    {
        public Plan(ModelEdit edit, PlanKind kind)
        {
            Edit = edit;
            Kind = kind;
        }

        public ModelEdit Edit { get; }

        public PlanKind Kind { get; }

        public DraftClause? Clause { get; set; }

        public DraftGroup? Group { get; set; }

        public List<DraftGroup> Groups { get; } = new();

        public int Start { get; set; }

        public int End { get; set; }

        public Fix Fix { get; set; } = null!;

        /// <summary>Not an edit to make: the range a fix already in the text occupies, so that no other fix edits it.</summary>
        public bool Claim { get; set; }
    }

    private sealed class Engine
    {
        private readonly Resolution _resolution;
        private readonly List<DraftGroup> _groups;
        private readonly DraftClause _title;
        private readonly Dictionary<string, DraftClause> _clauses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DraftGroup> _groupsByAddress = new(StringComparer.Ordinal);
        private readonly List<Plan> _accepted = new();
        private readonly List<Plan> _claims = new();
        private readonly List<Fix> _applied = new();
        private readonly List<RejectedFix> _rejected = new();
        private readonly List<string> _warnings = new();

        public Engine(Resolution resolution)
        {
            _resolution = resolution;
            _groups = Drafts.Of(resolution);
            _title = new DraftClause(null, string.Empty, resolution.Title) { OldAddress = resolution.Address };
            foreach (var g in _groups)
            {
                if (g.OldAddress is not null && !_groupsByAddress.ContainsKey(g.OldAddress))
                {
                    _groupsByAddress[g.OldAddress] = g;
                }

                foreach (var c in g.AllClauses())
                {
                    if (c.OldAddress is not null && !_clauses.ContainsKey(c.OldAddress))
                    {
                        _clauses[c.OldAddress] = c;
                    }
                }
            }
        }

        public FixResult Run(List<(Fix Fix, string Key)> ordered)
        {
            var seen = new Dictionary<string, Fix>(StringComparer.Ordinal);
            foreach (var (fix, key) in ordered)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    _rejected.Add(new RejectedFix(fix, FixRejectionReason.Duplicate, "The same fix was given more than once; it is applied once") { ConflictsWith = first });
                    continue;
                }

                seen[key] = fix;
                Consider(fix);
            }

            Execute();
            var dangling = new List<string>();
            var titleText = _title.Text;
            var template = string.Equals(titleText, _resolution.Title, StringComparison.Ordinal) ? _resolution : _resolution with { Title = titleText };
            FinishStructure(dangling);
            var result = Drafts.Build(template, _groups);
            _warnings.AddRange(dangling.Distinct(StringComparer.Ordinal));
            return new FixResult(result, _applied.ToEquatableArray(), _rejected.ToEquatableArray(), Account().ToEquatableArray())
            {
                Warnings = _warnings.ToEquatableArray(),
            };
        }

        private void Consider(Fix fix)
        {
            var plans = new List<Plan>();
            var statuses = new List<(Status Status, string Message, bool Neutral)>();
            if (fix.Edits.IsEmpty)
            {
                _rejected.Add(new RejectedFix(fix, FixRejectionReason.InvalidEdit, "The fix has no edits"));
                return;
            }

            foreach (var edit in fix.Edits)
            {
                var (status, message, plan) = Resolve(edit);
                statuses.Add((status, message, edit is Renumber));
                if (plan is not null)
                {
                    plan.Fix = fix;
                    plans.Add(plan);
                }
            }

            var failure = statuses.FirstOrDefault(s => s.Status is Status.NotFound or Status.Invalid or Status.Unsupported or Status.Stale);
            if (failure.Message is not null)
            {
                _rejected.Add(new RejectedFix(fix, Map(failure.Status), failure.Message));
                return;
            }

            var counted = statuses.Where(s => !s.Neutral).ToList();
            if (counted.Count > 0 && counted.All(s => s.Status == Status.AlreadyApplied))
            {
                // A fix already in the text still holds its ranges: a fix that conflicted with it the first time
                // conflicts with it again, so applying the same fixes twice changes nothing the second time.
                _claims.AddRange(plans.Where(p => p.Claim));
                _rejected.Add(new RejectedFix(fix, FixRejectionReason.AlreadyApplied, counted[0].Message));
                return;
            }

            if (counted.Any(s => s.Status == Status.AlreadyApplied))
            {
                var m = counted.First(s => s.Status == Status.AlreadyApplied).Message;
                _rejected.Add(new RejectedFix(fix, FixRejectionReason.StaleText, "Part of the fix is already in the text: " + m));
                return;
            }

            for (var i = 0; i < plans.Count; i++)
            {
                for (var j = i + 1; j < plans.Count; j++)
                {
                    if (Conflicts(plans[i], plans[j]))
                    {
                        _rejected.Add(new RejectedFix(fix, FixRejectionReason.InvalidEdit, $"Two edits of the fix overlap at {Describe(plans[i])}"));
                        return;
                    }
                }
            }

            foreach (var plan in plans)
            {
                var other = _accepted.Concat(_claims).FirstOrDefault(a => Conflicts(a, plan));
                if (other is not null)
                {
                    var what = other.Kind == PlanKind.Delete ? "deletes " + other.Clause!.OldAddress : "edits " + Describe(other);
                    _rejected.Add(new RejectedFix(fix, FixRejectionReason.Conflict, $"Conflicts with \"{other.Fix.Title}\"{RuleOf(other.Fix)}, which {what}") { ConflictsWith = other.Fix });
                    return;
                }
            }

            _accepted.AddRange(plans);
            _applied.Add(fix);
        }

        private static string RuleOf(Fix fix) => fix.RuleId is null ? string.Empty : " (" + fix.RuleId + ")";

        private static string Describe(Plan p) => p.Kind switch
        {
            PlanKind.Text => $"{p.Clause!.OldAddress} [{p.Start}..{p.End})",
            PlanKind.WholeText => p.Clause!.OldAddress + " (whole text)",
            PlanKind.Heading => p.Group!.OldAddress + " (heading)",
            PlanKind.Insert => p.Clause?.OldAddress ?? p.Group!.OldAddress ?? string.Empty,
            _ => p.Clause?.OldAddress ?? p.Group?.OldAddress ?? p.Edit.Address,
        };

        private static FixRejectionReason Map(Status s) => s switch
        {
            Status.NotFound => FixRejectionReason.AddressNotFound,
            Status.Invalid => FixRejectionReason.InvalidEdit,
            Status.Unsupported => FixRejectionReason.UnsupportedEdit,
            Status.AlreadyApplied => FixRejectionReason.AlreadyApplied,
            _ => FixRejectionReason.StaleText,
        };

        private DraftClause? TextTarget(string address) =>
            string.Equals(address, _resolution.Address, StringComparison.Ordinal) ? _title : _clauses.TryGetValue(address, out var c) ? c : null;

        private (Status, string, Plan?) Resolve(ModelEdit edit)
        {
            switch (edit)
            {
                case ReplaceText r:
                {
                    var target = TextTarget(r.Address);
                    if (target is null)
                    {
                        return (Status.NotFound, $"No clause at {r.Address}", null);
                    }

                    var text = target.Text;
                    if (r.Start < 0 || r.Length < 0 || r.OldText.Length != r.Length)
                    {
                        return (Status.Invalid, $"The range [{r.Start}, +{r.Length}) of {r.Address} does not fit its expected text \"{r.OldText}\"", null);
                    }

                    var oldMatches = r.Start + r.Length <= text.Length && string.CompareOrdinal(text, r.Start, r.OldText, 0, r.Length) == 0;
                    var newPresent = r.NewText.Length > 0
                                     && !string.Equals(r.NewText, r.OldText, StringComparison.Ordinal)
                                     && r.Start + r.NewText.Length <= text.Length
                                     && string.CompareOrdinal(text, r.Start, r.NewText, 0, r.NewText.Length) == 0;
                    if ((newPresent && (!oldMatches || (r.NewText.Length > r.OldText.Length && r.NewText.StartsWith(r.OldText, StringComparison.Ordinal))))
                        || (oldMatches && InsideNewText(text, r)))
                    {
                        return (Status.AlreadyApplied, $"{r.Address} already reads \"{r.NewText}\" at {r.Start}", Claim(edit, target, newPresent ? r.Start : NewTextAround(text, r), r.NewText.Length));
                    }

                    if (!oldMatches)
                    {
                        var found = r.Start < text.Length ? text.Substring(r.Start, Math.Min(r.Length, text.Length - r.Start)) : string.Empty;
                        return (Status.Stale, $"{r.Address} no longer reads \"{r.OldText}\" at {r.Start} (found \"{found}\")", null);
                    }

                    return (Status.Applicable, string.Empty, new Plan(edit, PlanKind.Text) { Clause = target, Start = r.Start, End = r.Start + r.Length });
                }

                case ReplaceClauseText c:
                {
                    var target = TextTarget(c.Address);
                    if (target is null)
                    {
                        return (Status.NotFound, $"No clause at {c.Address}", null);
                    }

                    if (string.Equals(target.Text, c.NewText, StringComparison.Ordinal) && !string.Equals(c.OldText, c.NewText, StringComparison.Ordinal))
                    {
                        return (Status.AlreadyApplied, $"{c.Address} already reads the new text", null);
                    }

                    if (c.OldText is not null && !string.Equals(target.Text, c.OldText, StringComparison.Ordinal))
                    {
                        return (Status.Stale, $"{c.Address} no longer reads the text the fix expects", null);
                    }

                    return (Status.Applicable, string.Empty, new Plan(edit, PlanKind.WholeText) { Clause = target, Start = 0, End = target.Text.Length });
                }

                case DeleteClause d:
                {
                    if (!_clauses.TryGetValue(d.Address, out var target))
                    {
                        return (Status.NotFound, $"No clause at {d.Address}", null);
                    }

                    if (d.OldText is not null && !string.Equals(target.Text, d.OldText, StringComparison.Ordinal) && !string.Equals(ExpectedText(target), d.OldText, StringComparison.Ordinal))
                    {
                        return (Status.Stale, $"{d.Address} no longer reads the text the deletion expects", null);
                    }

                    return (Status.Applicable, string.Empty, new Plan(edit, PlanKind.Delete) { Clause = target });
                }

                case InsertClause i:
                {
                    DraftGroup? group = null;
                    DraftClause? parent = null;
                    if (_groupsByAddress.TryGetValue(i.Address, out var g))
                    {
                        group = g;
                    }
                    else if (_clauses.TryGetValue(i.Address, out var p))
                    {
                        parent = p;
                        group = p.Group;
                    }
                    else
                    {
                        return (Status.NotFound, $"No group or clause at {i.Address}", null);
                    }

                    var siblings = parent is null ? group!.Clauses : parent.Subs;
                    // Terminal punctuation is the applier's to set, so it does not count in the comparison.
                    if (siblings.Any(s => string.Equals(Core(s.Text), Core(i.Clause.Text), StringComparison.Ordinal)))
                    {
                        return (Status.AlreadyApplied, $"{i.Address} already has the clause \"{Excerpt(i.Clause.Text)}\"", null);
                    }

                    return (Status.Applicable, string.Empty, new Plan(edit, PlanKind.Insert) { Group = group, Clause = parent });
                }

                case ChangeGroupHeading h:
                {
                    if (!_groupsByAddress.TryGetValue(h.Address, out var group))
                    {
                        return (Status.NotFound, $"No group at {h.Address}", null);
                    }

                    if (string.Equals(group.Heading, h.Heading, StringComparison.Ordinal) && string.Equals(group.Kind, h.Kind, StringComparison.Ordinal) && group.Actors == h.Actors)
                    {
                        return (Status.AlreadyApplied, $"{h.Address} already opens with \"{h.Heading}\"", null);
                    }

                    return (Status.Applicable, string.Empty, new Plan(edit, PlanKind.Heading) { Group = group });
                }

                case Renumber n:
                {
                    var plan = new Plan(edit, PlanKind.Renumber);
                    if (string.Equals(n.Address, _resolution.Address, StringComparison.Ordinal))
                    {
                        plan.Groups.AddRange(_groups);
                    }
                    else if (_groupsByAddress.TryGetValue(n.Address, out var group))
                    {
                        plan.Groups.Add(group);
                    }
                    else if (_clauses.TryGetValue(n.Address, out var clause))
                    {
                        plan.Groups.Add(clause.Group!);
                    }
                    else
                    {
                        return (Status.NotFound, $"No group at {n.Address}", null);
                    }

                    return (Status.Applicable, string.Empty, plan);
                }

                default:
                    return (Status.Unsupported, $"Edits of kind {edit.GetType().Name} are not supported", null);
            }
        }

        /// <summary>
        /// Whether the expected text found at the edit's offset already sits inside the edit's new text, as after an
        /// insertion anchored on it ("overlap" → "new overlap"), even when other edits have shifted the offsets.
        /// </summary>
        private static bool InsideNewText(string text, ReplaceText r) => NewTextAround(text, r) >= 0;

        private static Plan? Claim(ModelEdit edit, DraftClause target, int start, int length) =>
            start < 0 ? null : new Plan(edit, PlanKind.Text) { Clause = target, Start = start, End = start + length, Claim = true };

        /// <summary>Where the edit's new text stands in <paramref name="text"/> around its old text, or -1.</summary>
        private static int NewTextAround(string text, ReplaceText r)
        {
            if (r.OldText.Length == 0 || r.NewText.Length <= r.OldText.Length)
            {
                return -1;
            }

            for (var k = r.NewText.IndexOf(r.OldText, StringComparison.Ordinal); k >= 0; k = r.NewText.IndexOf(r.OldText, k + 1, StringComparison.Ordinal))
            {
                var at = r.Start - k;
                if (at >= 0 && at + r.NewText.Length <= text.Length && string.CompareOrdinal(text, at, r.NewText, 0, r.NewText.Length) == 0)
                {
                    return at;
                }
            }

            return -1;
        }

        private static string Core(string text) => text.TrimEnd().TrimEnd(';', ',', '.', ':').TrimEnd();

        private static string Excerpt(string text) => text.Length > 50 ? text.Substring(0, 47) + "..." : text;

        private static bool Conflicts(Plan a, Plan b) => OneWay(a, b) || OneWay(b, a);

        private static bool OneWay(Plan a, Plan b)
        {
            switch (a.Kind)
            {
                case PlanKind.Text or PlanKind.WholeText when b.Kind is PlanKind.Text or PlanKind.WholeText:
                    if (!ReferenceEquals(a.Clause, b.Clause))
                    {
                        return false;
                    }

                    if (a.Kind == PlanKind.WholeText || b.Kind == PlanKind.WholeText)
                    {
                        return true;
                    }

                    if (a.Start == a.End || b.Start == b.End)
                    {
                        // An insertion point conflicts with another at the same point, or with a range around it.
                        var (point, other) = a.Start == a.End ? (a, b) : (b, a);
                        return other.Start == other.End ? point.Start == other.Start : point.Start > other.Start && point.Start < other.End;
                    }

                    return a.Start < b.End && b.Start < a.End;

                case PlanKind.Delete:
                    var deleted = a.Clause!;
                    switch (b.Kind)
                    {
                        case PlanKind.Delete:
                        case PlanKind.Text:
                        case PlanKind.WholeText:
                            return ReferenceEquals(b.Clause, deleted) || b.Clause!.Ancestors().Any(x => ReferenceEquals(x, deleted));
                        case PlanKind.Insert when b.Clause is not null:
                            return ReferenceEquals(b.Clause, deleted) || b.Clause.Ancestors().Any(x => ReferenceEquals(x, deleted));
                        default:
                            return false;
                    }

                case PlanKind.Heading:
                    return b.Kind == PlanKind.Heading && ReferenceEquals(a.Group, b.Group);

                default:
                    return false;
            }
        }

        private void Execute()
        {
            // Text edits: per clause, from the end of the text backwards so that earlier offsets stay valid.
            foreach (var byClause in _accepted.Where(p => p.Kind is PlanKind.Text or PlanKind.WholeText).GroupBy(p => p.Clause!))
            {
                var clause = byClause.Key;
                var text = clause.Text;
                foreach (var plan in byClause.Select((p, i) => (p, i)).OrderByDescending(x => x.p.Start).ThenByDescending(x => x.p.End).ThenBy(x => x.i).Select(x => x.p))
                {
                    if (plan.Edit is ReplaceText r)
                    {
                        text = text.Substring(0, r.Start) + r.NewText + text.Substring(r.Start + r.Length);
                    }
                    else if (plan.Edit is ReplaceClauseText c)
                    {
                        text = c.NewText;
                    }

                    clause.AddCause(plan.Fix, "text edited: " + plan.Fix.Title);
                }

                clause.Text = text;
            }

            foreach (var plan in _accepted.Where(p => p.Kind == PlanKind.Heading))
            {
                var h = (ChangeGroupHeading)plan.Edit;
                var group = plan.Group!;
                group.Heading = h.Heading;
                group.Kind = h.Kind;
                group.Actors = h.Actors;
                group.HeadingChangedBy ??= plan.Fix;
            }

            foreach (var plan in _accepted.Where(p => p.Kind == PlanKind.Delete))
            {
                var d = (DeleteClause)plan.Edit;
                var clause = plan.Clause!;
                foreach (var node in clause.SelfAndDescendants())
                {
                    node.Deleted = true;
                    node.AddCause(plan.Fix, ReferenceEquals(node, clause) ? "deleted: " + d.Reason : "deleted with " + clause.OldAddress);
                }

                MarkRestructured(clause.Group!, plan.Fix);
            }

            // Inserts: per parent, each before the original clause at its index, in the stable order.
            foreach (var byParent in _accepted.Where(p => p.Kind == PlanKind.Insert).GroupBy(p => (object?)p.Clause ?? p.Group!))
            {
                var first = byParent.First();
                var group = first.Group!;
                var parent = first.Clause;
                var siblings = parent is null ? group.Clauses : parent.Subs;
                var originals = siblings.ToList();
                var merged = new List<DraftClause>();
                var inserts = byParent.Select(p => (Plan: p, Index: Math.Max(0, Math.Min(((InsertClause)p.Edit).Index, originals.Count)))).ToList();
                for (var i = 0; i <= originals.Count; i++)
                {
                    foreach (var (plan, _) in inserts.Where(x => x.Index == i))
                    {
                        var draft = DraftClause.From(((InsertClause)plan.Edit).Clause, group, parent, 0);
                        foreach (var node in draft.SelfAndDescendants())
                        {
                            node.Inserted = true;
                            node.AddCause(plan.Fix, "inserted: " + plan.Fix.Title);
                        }

                        merged.Add(draft);
                    }

                    if (i < originals.Count)
                    {
                        merged.Add(originals[i]);
                    }
                }

                siblings.Clear();
                siblings.AddRange(merged);
                MarkRestructured(group, first.Fix);
            }

            foreach (var plan in _accepted.Where(p => p.Kind == PlanKind.Renumber))
            {
                foreach (var group in plan.Groups)
                {
                    MarkRestructured(group, plan.Fix);
                }
            }
        }

        private static void MarkRestructured(DraftGroup group, Fix fix)
        {
            group.Restructured = true;
            group.RestructuredBy ??= fix;
        }

        private void FinishStructure(List<string> dangling)
        {
            var operative = _groups.Where(g => g.Part == Part.Operative).ToList();
            var originalLast = operative.LastOrDefault(g => g.Original is not null && !g.Original.Clauses.IsEmpty);
            var lastLive = operative.LastOrDefault(g => g.Live().Any());

            foreach (var group in _groups.Where(g => g.Restructured))
            {
                foreach (var clause in Labelling.Relabel(group))
                {
                    clause.AddCause(group.RestructuredBy, "relabelled after renumbering");
                }

                foreach (var clause in Punctuation.Apply(group, ReferenceEquals(group, lastLive)))
                {
                    clause.AddCause(group.RestructuredBy, "punctuation adjusted");
                }
            }

            if (lastLive is not null && !lastLive.Restructured && !ReferenceEquals(lastLive, originalLast))
            {
                // The group that ended the resolution was removed: the one now last ends with a full stop.
                foreach (var clause in Punctuation.Apply(lastLive, true))
                {
                    clause.AddCause(originalLast?.RestructuredBy, "punctuation adjusted");
                }
            }

            // Cross-references to clauses that were renumbered, moved to a renamed group, or deleted.
            var mappings = new List<GroupMapping>();
            var movers = new List<Fix>();
            foreach (var group in _groups)
            {
                var mapping = new GroupMapping(group.Original?.Heading ?? group.Heading);
                foreach (var clause in group.AllClauses().Where(c => c.Original is not null && !c.Inserted && c.Original.Label.Length > 0))
                {
                    var oldKey = clause.Original!.Key;
                    if (!mapping.Keys.ContainsKey(oldKey))
                    {
                        mapping.Keys[oldKey] = clause.Deleted || !group.Live().Any() ? null : new LabelTarget(group.Heading, clause.Key);
                    }
                }

                mappings.Add(mapping);
                if (!mapping.IsIdentity)
                {
                    foreach (var f in new[] { group.RestructuredBy, group.HeadingChangedBy })
                    {
                        if (f is not null && !movers.Contains(f))
                        {
                            movers.Add(f);
                        }
                    }
                }
            }

            if (mappings.Any(m => !m.IsIdentity))
            {
                foreach (var clause in _groups.SelectMany(g => g.Live()).SelectMany(Drafts.LiveSubtree))
                {
                    var rewritten = CrossReferences.Rewrite(clause.Text, mappings, dangling);
                    if (!string.Equals(rewritten, clause.Text, StringComparison.Ordinal))
                    {
                        clause.Text = rewritten;
                        foreach (var f in movers)
                        {
                            clause.AddCause(f, "cross-reference updated");
                        }
                    }
                }
            }
        }

        private IEnumerable<ClauseChange> Account()
        {
            if (!string.Equals(_title.Text, _resolution.Title, StringComparison.Ordinal))
            {
                yield return new ClauseChange(ChangeKind.Modified, _resolution.Address, _resolution.Address, _resolution.Title, _title.Text, string.Join("; ", _title.Notes))
                {
                    Causes = _title.Causes.ToEquatableArray(),
                };
            }

            foreach (var group in _groups)
            {
                var live = group.Live().Any();
                if (live && !string.Equals(group.Heading, group.Original?.Heading, StringComparison.Ordinal))
                {
                    yield return new ClauseChange(ChangeKind.GroupHeadingChanged, group.OldAddress, group.NewAddress, group.Original?.Heading, group.Heading, "group opens with \"" + group.Heading + "\"")
                    {
                        Causes = Causes(group.HeadingChangedBy),
                    };
                }

                foreach (var clause in group.AllClauses())
                {
                    var change = Entry(clause);
                    if (change is not null)
                    {
                        yield return change;
                    }
                }

                if (!live && group.Restructured && group.Original is not null && !group.Original.Clauses.IsEmpty)
                {
                    yield return new ClauseChange(ChangeKind.GroupRemoved, group.OldAddress, null, group.Original.Heading, null, "group removed: no clauses left")
                    {
                        Causes = Causes(group.RestructuredBy),
                    };
                }
            }
        }

        private static EquatableArray<Fix> Causes(Fix? fix) => fix is null ? EquatableArray<Fix>.Empty : EquatableArray.Create(fix);

        private static ClauseChange? Entry(DraftClause clause)
        {
            var causes = clause.Causes.ToEquatableArray();
            var notes = string.Join("; ", clause.Notes);
            if (clause.Inserted)
            {
                return clause.Deleted ? null : new ClauseChange(ChangeKind.Inserted, null, clause.NewAddress, null, clause.Text, notes) { Causes = causes };
            }

            if (clause.Deleted)
            {
                return new ClauseChange(ChangeKind.Deleted, clause.OldAddress, null, clause.Original!.Text, null, notes) { Causes = causes };
            }

            var textChanged = !string.Equals(clause.Text, clause.Original!.Text, StringComparison.Ordinal);
            var moved = !string.Equals(clause.NewAddress, clause.OldAddress, StringComparison.Ordinal);
            if (textChanged)
            {
                return new ClauseChange(ChangeKind.Modified, clause.OldAddress, clause.NewAddress, clause.Original.Text, clause.Text, notes) { Causes = causes };
            }

            if (moved)
            {
                var group = clause.Group;
                if (notes.Length == 0 && group?.HeadingChangedBy is not null)
                {
                    notes = "moved with its group, which now opens with \"" + group.Heading + "\"";
                    causes = EquatableArray.Create(group.HeadingChangedBy);
                }

                var description = notes.Length > 0 ? notes : "address changed";
                return new ClauseChange(ChangeKind.Relabelled, clause.OldAddress, clause.NewAddress, clause.Original.Text, clause.Text, description) { Causes = causes };
            }

            return null;
        }
    }
}
