using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Analysis;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;

namespace ResolutionKit.Merge;

/// <summary>
/// Merges two or more resolutions on one subject into one text.
/// </summary>
/// <remarks>
/// <para>
/// <b>Preamble.</b> Groups of the same kind are merged ("considering" with "considering"), in the order the inputs
/// give them. Clauses keep their input order, the first input's first. A clause of a later input that says what a
/// clause of another input already says (similarity at or above the threshold) is folded into it; two clauses that
/// open by citing the same instrument are folded into one (the one citing the later revision, else the fuller).
/// A preambular clause that opens by citing one of the instruments being merged is dropped: the merged text cannot
/// recall itself.
/// </para>
/// <para>
/// <b>Operative part.</b> Groups are merged by verb and actors and put in the conventional order: resolves,
/// decides, resolves to instruct, instructs the Secretary-General, the Directors of the three Bureaux, a Director,
/// the Council, the advisory groups, requests, invites Member States (and Sector Members, ...), encourages, ... A
/// clause of a later input is folded into a clause of another input in the same group — or in a group of the same
/// verb whose actors include its own (the Directors of the three Bureaux include the Director of the
/// Telecommunication Standardization Bureau) — when they are similar enough. Within one group the fuller wording
/// is kept; across groups the wording addressed to the wider set of actors. Near-duplicates within one input are
/// left alone: that is the duplicate rules' business, not the merge's.
/// </para>
/// <para>
/// <b>Wording.</b> References to any of the merged instruments become "this resolution"; in clauses from another
/// body's text, "of this assembly" names that body, and references to the merged text's own body say "of this
/// conference". Footnotes are merged (same text, same footnote). Clauses are relabelled, punctuated and their
/// internal cross-references rewritten as <see cref="FixApplier"/> does.
/// </para>
/// <para>
/// <b>Nothing is lost.</b> <see cref="MergeResult.Account"/> lists every input clause once: kept (new address),
/// folded (the address it was folded into, and the similarity) or dropped (why).
/// </para>
/// </remarks>
public static class Merger
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex ThisBody = new(@"\bof\s+(?:this|the\s+present)\s+(?:conference|Conference|assembly|Assembly)\b", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex SuperscriptRun = new("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", RegexOptions.CultureInvariant, Timeout);

    private static readonly string[] VerbOrder =
    {
        "resolves", "resolves-further", "decides", "resolves-to-instruct", "resolves-to-request", "resolves-to-invite",
        "instructs", "requests", "invites", "encourages", "urges", "calls-for", "endorses", "expresses",
    };

    private static readonly string[] ActorOrder =
    {
        "SecretaryGeneral", "Directors", "DirectorBR", "DirectorTSB", "DirectorBDT", "Council", "RAG", "TSAG", "TDAG",
        "MemberStates", "SectorMembers", "Academia", "SectorAssemblies", "OtherOrganizations",
    };

    /// <summary>The order of addressees for verbs addressed to those the conference cannot instruct: Member States first.</summary>
    private static readonly string[] InvitedOrder =
    {
        "MemberStates", "SectorMembers", "Academia", "SectorAssemblies", "RAG", "TSAG", "TDAG", "OtherOrganizations",
        "SecretaryGeneral", "Directors", "DirectorBR", "DirectorTSB", "DirectorBDT", "Council",
    };

    private static readonly HashSet<string> InvitingVerbs = new(StringComparer.Ordinal) { "invites", "encourages", "urges", "calls-for", "resolves-to-invite", "expresses" };

    /// <summary>Merges the resolutions.</summary>
    /// <param name="resolutions">The inputs, the one to be revised first (its identity is the default of the merged text).</param>
    /// <param name="options">Options; null for <see cref="MergeOptions.Default"/>.</param>
    /// <returns>The merged text, the account of every input clause, and the instruments it supersedes.</returns>
    public static MergeResult Merge(IReadOnlyList<Resolution> resolutions, MergeOptions? options = null)
    {
        if (resolutions is null)
        {
            throw new ArgumentNullException(nameof(resolutions));
        }

        if (resolutions.Count == 0)
        {
            throw new ArgumentException("At least one resolution is needed.", nameof(resolutions));
        }

        return new Run(resolutions, options ?? MergeOptions.Default).Execute();
    }

    /// <summary>How an instrument is cited: "Resolution 18 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly".</summary>
    /// <param name="id">The instrument.</param>
    /// <param name="revision">The revision, when known.</param>
    public static string Citation(InstrumentId id, Revision? revision)
    {
        var sb = new StringBuilder();
        sb.Append(id.Kind.ToString()).Append(' ').Append(id.Number);
        if (revision is not null)
        {
            sb.Append(" (").Append(revision).Append(')');
        }

        if (id.Body.Code != Body.Unknown.Code)
        {
            sb.Append(" of the ").Append(id.Body.Name);
        }

        return sb.ToString();
    }

    private sealed class MergedGroup
    {
        public MergedGroup(string key, DraftGroup draft, int order)
        {
            Key = key;
            Draft = draft;
            Order = order;
        }

        public string Key { get; }

        public DraftGroup Draft { get; }

        public int Order { get; }
    }

    private sealed class Fold
    {
        public Fold(DraftClause target, double similarity, string reason)
        {
            Target = target;
            Similarity = similarity;
            Reason = reason;
        }

        public DraftClause Target { get; set; }

        public double Similarity { get; }

        public string Reason { get; }
    }

    private sealed class Run
    {
        private readonly IReadOnlyList<Resolution> _inputs;
        private readonly MergeOptions _options;
        private readonly Func<string, string, double> _similarity;
        private readonly InstrumentId _id;
        private readonly List<List<DraftGroup>> _drafts = new();
        private readonly Dictionary<DraftClause, Fold> _folded = new();
        private readonly Dictionary<DraftClause, string> _dropped = new();
        private readonly Dictionary<DraftClause, MergedGroup> _home = new();
        private readonly List<MergedGroup> _preamble = new();
        private readonly List<MergedGroup> _operative = new();
        private readonly List<Footnote> _footnotes = new();
        private readonly List<Dictionary<string, string>> _markerMaps = new();

        public Run(IReadOnlyList<Resolution> inputs, MergeOptions options)
        {
            _inputs = inputs;
            _options = options;
            _similarity = options.Similarity ?? MergeOptions.DefaultSimilarity;
            _id = options.Id ?? inputs[0].Id;
        }

        private Body TargetBody => _id.Body;

        public MergeResult Execute()
        {
            var first = _inputs[0];
            var revision = _options.Revision ?? first.Revision;
            var sameIdentity = _id == first.Id && revision == first.Revision;
            var target = new Resolution(_id, revision, _options.Title ?? first.Title, first.Language)
            {
                TitleLine = sameIdentity ? first.TitleLine : null,
                History = _options.History ?? first.History,
                ConferenceFormula = _options.ConferenceFormula ?? first.ConferenceFormula,
            };

            MergeFootnotes();
            for (var i = 0; i < _inputs.Count; i++)
            {
                var drafts = Drafts.Of(_inputs[i], i);
                _drafts.Add(drafts);
                foreach (var clause in drafts.SelectMany(g => g.AllClauses()))
                {
                    clause.Text = RewriteWording(clause, i);
                }
            }

            for (var i = 0; i < _inputs.Count; i++)
            {
                foreach (var group in _drafts[i])
                {
                    foreach (var unit in group.Clauses)
                    {
                        Place(i, group, unit);
                    }
                }
            }

            // Relabel, punctuate, rewrite cross-references, build.
            var operative = _operative
                .Where(g => g.Draft.Clauses.Count > 0)
                .OrderBy(g => g, Comparer<MergedGroup>.Create(CompareOperative))
                .ToList();
            var preamble = _preamble.Where(g => g.Draft.Clauses.Count > 0).ToList();
            var groups = preamble.Concat(operative).Select(g => g.Draft).ToList();
            var last = operative.Count > 0 ? operative[operative.Count - 1].Draft : null;
            foreach (var g in groups)
            {
                Labelling.Relabel(g);
                Punctuation.Apply(g, ReferenceEquals(g, last));
            }

            var dangling = new List<string>();
            RewriteCrossReferences(groups, dangling);

            var annexes = MergeAnnexes(target);
            target = target with
            {
                Footnotes = _footnotes.ToEquatableArray(),
                Annexes = annexes,
                Unplaced = _inputs.SelectMany(r => r.Unplaced).ToEquatableArray(),
            };
            var merged = Drafts.Build(target, groups);
            merged = merged.WithoutSourceInfo() with { TitleLine = target.TitleLine };

            var supersedes = _inputs
                .Where(r => !r.Id.Denotes(_id))
                .Select(r => new SupersededInstrument(r.Id, r.Revision, Citation(r.Id, r.Revision)))
                .ToEquatableArray();
            return new MergeResult(merged, Account().ToEquatableArray(), supersedes)
            {
                Inputs = _inputs.ToEquatableArray(),
                Warnings = dangling.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            };
        }

        // ---------------------------------------------------------------- wording

        private void MergeFootnotes()
        {
            var next = 1;
            foreach (var r in _inputs)
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var f in r.Footnotes)
                {
                    var same = _footnotes.FirstOrDefault(x => string.Equals(x.Text, f.Text, StringComparison.Ordinal));
                    if (same is not null)
                    {
                        map[f.Marker] = same.Marker;
                        continue;
                    }

                    var marker = next.ToString(CultureInfo.InvariantCulture);
                    next++;
                    map[f.Marker] = marker;
                    _footnotes.Add(new Footnote(marker, f.Text));
                }

                _markerMaps.Add(map);
            }
        }

        private bool IsMergedInstrument(InstrumentId id) => id.Denotes(_id) || _inputs.Any(r => r.Id.Denotes(id));

        private string RewriteWording(DraftClause clause, int input)
        {
            var text = clause.Text;
            var sourceBody = _inputs[input].Id.Body;
            var otherBody = !string.Equals(sourceBody.Code, TargetBody.Code, StringComparison.OrdinalIgnoreCase);
            var edits = new List<(int Start, int Length, string Text)>();
            foreach (var reference in ReferenceParser.Parse(text))
            {
                if (reference.Kind is not (ReferenceKind.Resolution or ReferenceKind.Decision))
                {
                    continue;
                }

                var singular = reference.Text.StartsWith("Resolution ", StringComparison.Ordinal) || reference.Text.StartsWith("Decision ", StringComparison.Ordinal);
                var body = reference.Body ?? (reference.Revision is null ? sourceBody : null);
                var kind = reference.Kind == ReferenceKind.Decision ? InstrumentKind.Decision : InstrumentKind.Resolution;
                if (body is not null && singular && IsMergedInstrument(new InstrumentId(body, kind, reference.Number)))
                {
                    var self = "this " + _id.Kind.ToString().ToLowerInvariant();
                    edits.Add((reference.Start, reference.Text.Length, reference.Start == 0 ? "T" + self.Substring(1) : self));
                    clause.Notes.Add("\"" + reference.Text + "\" now reads \"" + self + "\"");
                    continue;
                }

                if (!otherBody || !singular)
                {
                    continue;
                }

                var thisBody = ThisBody.Match(reference.Text);
                if (reference.OfThisBody && thisBody.Success)
                {
                    var replacement = "of the " + sourceBody.Name;
                    edits.Add((reference.Start + thisBody.Index, thisBody.Length, replacement));
                    clause.Notes.Add("\"" + thisBody.Value + "\" now names the " + sourceBody.Name);
                    continue;
                }

                var tail = Regex.Match(reference.Text, @"\s+of\s+(?:the\s+)?(?:ITU\s+)?" + Regex.Escape(TargetBody.Name).Replace(@"\ ", @"\s+") + "$", RegexOptions.CultureInvariant, Timeout);
                if (tail.Success)
                {
                    var own = " of this " + (TargetBody.Code is "WTSA" or "RA" ? "assembly" : "conference");
                    if (TargetBody.Code != Body.Council.Code)
                    {
                        edits.Add((reference.Start + tail.Index, tail.Length, own));
                        clause.Notes.Add("\"" + tail.Value.Trim() + "\" now reads \"" + own.Trim() + "\"");
                    }

                    continue;
                }

                if (reference.Body is null && reference.Revision is null && !reference.Text.Contains(" of ") && sourceBody.Code != Body.Unknown.Code)
                {
                    var end = reference.Start + reference.Text.Length;
                    edits.Add((end, 0, " of the " + sourceBody.Name));
                    clause.Notes.Add("\"" + reference.Text + "\" now names the " + sourceBody.Name);
                }
            }

            var sb = new StringBuilder(text);
            foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
            {
                sb.Remove(start, length).Insert(start, replacement);
            }

            text = sb.ToString();
            var markers = _markerMaps[input];
            if (markers.Count > 0 && markers.Any(m => m.Key != m.Value))
            {
                text = SuperscriptRun.Replace(text, m =>
                {
                    var plain = Internal.Superscripts.ToPlain(m.Value);
                    return markers.TryGetValue(plain, out var mapped) ? Internal.Superscripts.FromPlain(mapped) : m.Value;
                });
            }

            return text;
        }

        // ---------------------------------------------------------------- placing and folding

        private void Place(int input, DraftGroup source, DraftClause unit)
        {
            var merged = source.Part == Part.Preamble ? PreambleGroup(input, source) : OperativeGroup(source);
            if (source.Part == Part.Preamble && CitesMergedInstrument(unit, out var citation))
            {
                _dropped[unit] = $"it recalls {citation}, which is merged into this {_id.Kind.ToString().ToLowerInvariant()}";
                return;
            }

            // Candidates: live clauses of other inputs in a compatible group.
            DraftClause? best = null;
            var bestSimilarity = -1.0;
            var sameInstrument = false;
            var text = FullText(unit);
            foreach (var candidateGroup in Compatible(merged))
            {
                foreach (var candidate in candidateGroup.Draft.Clauses)
                {
                    if (candidate.Source == input)
                    {
                        continue;
                    }

                    var similarity = _similarity(text, FullText(candidate));
                    var cites = source.Part == Part.Preamble && SameLeadingCitation(unit, candidate);
                    if ((cites && !sameInstrument) || (cites == sameInstrument && similarity > bestSimilarity))
                    {
                        best = candidate;
                        bestSimilarity = similarity;
                        sameInstrument = cites;
                    }
                }
            }

            if (best is not null && (sameInstrument || bestSimilarity >= _options.SimilarityThreshold))
            {
                var home = _home[best];
                var keepNew = ReferenceEquals(home, merged) && Prefer(unit, best, sameInstrument);
                if (keepNew)
                {
                    var index = home.Draft.Clauses.IndexOf(best);
                    home.Draft.Clauses[index] = unit;
                    Adopt(unit, home);
                    _home.Remove(best);
                    _folded[best] = new Fold(unit, bestSimilarity, Why(best, unit, sameInstrument, true));
                }
                else
                {
                    _folded[unit] = new Fold(best, bestSimilarity, Why(unit, best, sameInstrument, false));
                }

                return;
            }

            merged.Draft.Clauses.Add(unit);
            Adopt(unit, merged);
        }

        private string Why(DraftClause folded, DraftClause into, bool sameInstrument, bool replaced)
        {
            var what = sameInstrument
                ? "cites the same instrument as " + into.OldAddress
                : "says what " + into.OldAddress + " says";
            return replaced
                ? what + "; the wording of " + into.OldAddress + " is kept as " + (sameInstrument ? "it cites the later revision" : "the fuller")
                : what;
        }

        private void Adopt(DraftClause unit, MergedGroup group)
        {
            _home[unit] = group;
            foreach (var node in unit.SelfAndDescendants())
            {
                node.Group = group.Draft;
            }
        }

        /// <summary>
        /// Whether the new clause's wording is to be kept rather than the placed one's: for two citations of the same
        /// instrument, the one citing the later revision (else the one placed first, from the text being revised); for
        /// two near-duplicates, the fuller (else the one placed first).
        /// </summary>
        private static bool Prefer(DraftClause unit, DraftClause placed, bool sameInstrument)
        {
            if (sameInstrument)
            {
                var a = LeadingCitation(unit)?.Revision;
                var b = LeadingCitation(placed)?.Revision;
                return a is not null && b is not null && a.Year > b.Year;
            }

            return Weight(unit) > Weight(placed);
        }

        private static int Weight(DraftClause clause) => TextSimilarity.Words(FullText(clause)).Count;

        private static string FullText(DraftClause clause) =>
            clause.Subs.Count == 0 ? clause.Text : clause.Text + " " + string.Join(" ", clause.Subs.Select(FullText));

        private IEnumerable<MergedGroup> Compatible(MergedGroup group)
        {
            if (group.Draft.Part == Part.Preamble)
            {
                yield return group;
                yield break;
            }

            yield return group;
            foreach (var other in _operative)
            {
                if (!ReferenceEquals(other, group)
                    && string.Equals(other.Draft.Kind, group.Draft.Kind, StringComparison.Ordinal)
                    && group.Draft.Actors.Count > 0
                    && Covers(other.Draft.Actors, group.Draft.Actors))
                {
                    yield return other;
                }
            }
        }

        /// <summary>Whether an instruction to <paramref name="wide"/> also reaches everyone in <paramref name="narrow"/>.</summary>
        private static bool Covers(EquatableArray<Actor> wide, EquatableArray<Actor> narrow) =>
            narrow.All(a => wide.Any(w => w.Key == a.Key && w.Name == a.Name)
                            || (a.Key is "DirectorBR" or "DirectorTSB" or "DirectorBDT" && wide.Any(w => w.Key == "Directors")));

        private static Reference? LeadingCitation(DraftClause clause)
        {
            var text = clause.Text;
            var references = ReferenceParser.Parse(text);
            if (references.Count == 0)
            {
                return null;
            }

            var first = references[0];
            var before = text.Substring(0, first.Start).Trim();
            return before.Length == 0 || string.Equals(before, "that", StringComparison.OrdinalIgnoreCase) ? first : null;
        }

        private static bool SameLeadingCitation(DraftClause a, DraftClause b)
        {
            var ra = LeadingCitation(a)?.TargetId;
            var rb = LeadingCitation(b)?.TargetId;
            return ra is not null && rb is not null && ra.Denotes(rb);
        }

        private bool CitesMergedInstrument(DraftClause unit, out string citation)
        {
            citation = string.Empty;
            var original = unit.Original?.Text ?? unit.Text;
            var references = ReferenceParser.Parse(original);
            if (references.Count == 0)
            {
                return false;
            }

            var first = references[0];
            var before = original.Substring(0, first.Start).Trim();
            if (before.Length > 0 && !string.Equals(before, "that", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var body = first.Body ?? (first.Revision is null ? _inputs[unit.Source].Id.Body : null);
            var kind = first.Kind == ReferenceKind.Decision ? InstrumentKind.Decision : first.Kind == ReferenceKind.Resolution ? InstrumentKind.Resolution : (InstrumentKind?)null;
            if (body is null || kind is null || !IsMergedInstrument(new InstrumentId(body, kind.Value, first.Number)))
            {
                return false;
            }

            citation = first.Text;
            return true;
        }

        private MergedGroup PreambleGroup(int input, DraftGroup source)
        {
            var key = source.Kind.Length > 0 ? source.Kind : "heading:" + source.Heading.ToLowerInvariant();
            var existing = _preamble.FirstOrDefault(g => g.Key == key);
            if (existing is not null)
            {
                return existing;
            }

            // Insert after the merged group of the previous preambular group of the same input, keeping each input's order.
            var position = 0;
            var previous = _drafts[input].TakeWhile(g => !ReferenceEquals(g, source)).Where(g => g.Part == Part.Preamble).LastOrDefault();
            if (previous is not null)
            {
                var previousKey = previous.Kind.Length > 0 ? previous.Kind : "heading:" + previous.Heading.ToLowerInvariant();
                var index = _preamble.FindIndex(g => g.Key == previousKey);
                position = index + 1;
            }

            var created = new MergedGroup(key, NewDraft(source), _preamble.Count);
            _preamble.Insert(position, created);
            return created;
        }

        private MergedGroup OperativeGroup(DraftGroup source)
        {
            var key = source.Kind + "|" + string.Join("+", source.Actors.Select(a => a.Key == "Other" ? "Other:" + a.Name.ToLowerInvariant() : a.Key).OrderBy(k => k, StringComparer.Ordinal));
            var existing = _operative.FirstOrDefault(g => g.Key == key);
            if (existing is not null)
            {
                return existing;
            }

            var created = new MergedGroup(key, NewDraft(source), _operative.Count);
            _operative.Add(created);
            return created;
        }

        private static DraftGroup NewDraft(DraftGroup source) =>
            new(source.Original, source.Part, source.Heading, source.Kind, source.Actors) { OldAddress = source.OldAddress, Source = source.Source, Restructured = true };

        private static int CompareOperative(MergedGroup a, MergedGroup b)
        {
            var c = Rank(VerbOrder, a.Draft.Kind).CompareTo(Rank(VerbOrder, b.Draft.Kind));
            if (c != 0)
            {
                return c;
            }

            var order = InvitingVerbs.Contains(a.Draft.Kind) ? InvitedOrder : ActorOrder;
            var ra = a.Draft.Actors.Select(x => Rank(order, x.Key)).OrderBy(x => x).ToList();
            var rb = b.Draft.Actors.Select(x => Rank(order, x.Key)).OrderBy(x => x).ToList();
            for (var i = 0; i < Math.Min(ra.Count, rb.Count); i++)
            {
                if (ra[i] != rb[i])
                {
                    return ra[i].CompareTo(rb[i]);
                }
            }

            c = ra.Count.CompareTo(rb.Count);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        }

        private static int Rank(string[] order, string key)
        {
            var i = Array.IndexOf(order, key);
            return i < 0 ? order.Length : i;
        }

        // ---------------------------------------------------------------- cross-references, annexes, account

        private DraftClause Resolve(DraftClause clause)
        {
            var current = clause;
            var guard = 0;
            while (_folded.TryGetValue(current, out var fold) && guard++ < 10_000)
            {
                current = fold.Target;
            }

            return current;
        }

        private static DraftClause Top(DraftClause clause)
        {
            var top = clause;
            while (top.Parent is not null)
            {
                top = top.Parent;
            }

            return top;
        }

        private void RewriteCrossReferences(List<DraftGroup> groups, List<string> dangling)
        {
            var mappings = new List<List<GroupMapping>>();
            for (var i = 0; i < _inputs.Count; i++)
            {
                var list = new List<GroupMapping>();
                foreach (var group in _drafts[i])
                {
                    var mapping = new GroupMapping(group.Heading);
                    foreach (var clause in group.AllClauses().Where(c => c.Original is not null && c.Original.Label.Length > 0))
                    {
                        var key = clause.Original!.Key;
                        if (mapping.Keys.ContainsKey(key))
                        {
                            continue;
                        }

                        var top = Top(clause);
                        if (_dropped.ContainsKey(top))
                        {
                            mapping.Keys[key] = null;
                            continue;
                        }

                        var live = _folded.ContainsKey(top) ? Resolve(top) : clause;
                        mapping.Keys[key] = live.Group is null ? null : new LabelTarget(live.Group.Heading, live.Key);
                    }

                    list.Add(mapping);
                }

                mappings.Add(list);
            }

            foreach (var clause in groups.SelectMany(g => g.Live()).SelectMany(Drafts.LiveSubtree))
            {
                clause.Text = CrossReferences.Rewrite(clause.Text, mappings[clause.Source], dangling);
            }
        }

        private EquatableArray<Annex> MergeAnnexes(Resolution target)
        {
            var annexes = _inputs.SelectMany(r => r.Annexes).ToList();
            if (annexes.Count == 0)
            {
                return EquatableArray<Annex>.Empty;
            }

            var titleLine = target.TitleLine ?? ResolutionTextWriter.TitleLineOf(target);
            var word = "ANNEX";
            return annexes
                .Select((a, i) => a with { Heading = annexes.Count == 1 ? word + " TO " + titleLine : word + " " + (i + 1).ToString(CultureInfo.InvariantCulture) + " TO " + titleLine })
                .ToEquatableArray();
        }

        private IEnumerable<MergeAccountEntry> Account()
        {
            for (var i = 0; i < _inputs.Count; i++)
            {
                foreach (var clause in _drafts[i].SelectMany(g => g.AllClauses()))
                {
                    var top = Top(clause);
                    var address = clause.OldAddress ?? string.Empty;
                    if (_dropped.TryGetValue(top, out var reason))
                    {
                        yield return new MergeAccountEntry(i, address, MergeDisposition.Dropped, null, null, ReferenceEquals(top, clause) ? reason : "dropped with " + top.OldAddress + ": " + reason);
                    }
                    else if (_folded.TryGetValue(top, out var fold))
                    {
                        var into = Resolve(top);
                        var why = ReferenceEquals(top, clause) ? fold.Reason : "folded with " + top.OldAddress + ", which " + fold.Reason;
                        yield return new MergeAccountEntry(i, address, MergeDisposition.Folded, into.NewAddress, Math.Round(fold.Similarity, 2), why);
                    }
                    else
                    {
                        yield return new MergeAccountEntry(i, address, MergeDisposition.Kept, clause.NewAddress, null, string.Join("; ", clause.Notes));
                    }
                }
            }
        }
    }
}
