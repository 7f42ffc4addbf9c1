using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Analysis;
using ResolutionKit.Model;
using ResolutionKit.Rules.Facts;

namespace ResolutionKit.Rules.Engine;

/// <summary>
/// Builds the facts of a set of resolutions: resolutions, groups, clauses, and the derived facts (reporting requests,
/// similar clause pairs from the corpus-scale <see cref="OverlapIndex"/> that <c>reskit map</c> uses too, resolution
/// overlaps). Kept between edits so that an incremental session re-derives only what involves the changed resolution.
/// </summary>
internal sealed class FactBuilder
{
    /// <summary>The similarity from which two operative clauses count as shared when measuring overlap.</summary>
    public const double OverlapSimilarity = 0.5;

    private readonly double _floor;
    private readonly Dictionary<string, List<Fact>> _byResolution = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClauseFact> _clauses = new(StringComparer.Ordinal);
    private readonly OverlapIndex? _index;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<ClauseFact?> _byId = new();

    // The similar items of each indexed clause (both ways), and the clauses of replaced resolutions waiting to be
    // either taken over by an unchanged clause of the new version or removed: an edit of one clause measures that
    // clause only, whatever the size of the corpus.
    private readonly Dictionary<int, Dictionary<int, double>> _neighbors = new();
    private readonly Dictionary<string, (int Id, string Text)> _retired = new(StringComparer.Ordinal);
    private readonly ShingleArena _shingles = new(); // the shingles of the clauses, in large blocks (see ShingleArena)
    private readonly List<string?> _textOf = new(); // the clause text by index id, as _byId: an edit that leaves it as it was keeps the clause's place
    private readonly Dictionary<FactKey, SimilarPairFact> _pairs = new();
    private readonly Dictionary<string, ResolutionFact> _resolutions = new(StringComparer.Ordinal);

    public FactBuilder(double similarityFloor, bool reporting = true, double reportingSubjectFloor = 1.1, IEnumerable<Part>? crossResolutionParts = null)
    {
        _crossParts = crossResolutionParts is null ? new HashSet<Part> { Part.Preamble, Part.Operative } : new HashSet<Part>(crossResolutionParts);
        _floor = similarityFloor;
        _index = similarityFloor <= 1 ? new OverlapIndex(similarityFloor) : null;
        _reporting = reporting;
        _subjectIndex = reporting && reportingSubjectFloor <= 1 ? new OverlapIndex(reportingSubjectFloor) : null;
    }

    private readonly bool _reporting;
    private readonly HashSet<Part> _crossParts;
    private readonly OverlapIndex? _subjectIndex;
    private readonly Dictionary<string, List<ReportingFact>> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _subjectIds = new(StringComparer.Ordinal);
    private readonly List<ReportingFact?> _subjectById = new();
    private readonly Dictionary<string, HashSet<FactKey>> _reportPairsByResolution = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<FactKey>> _pairsByResolution = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<FactKey>> _overlapsByResolution = new(StringComparer.Ordinal);

    /// <summary>All current facts by key.</summary>
    public Dictionary<FactKey, Fact> Facts { get; } = new();

    /// <summary>The keys of the facts added, removed or replaced by the last <see cref="Set"/>.</summary>
    public HashSet<FactKey> Changed { get; } = new();

    private void Put(Fact fact)
    {
        var key = fact.Id;
        Facts[key] = fact;
        Changed.Add(key);
    }

    private void Drop(FactKey key)
    {
        if (Facts.Remove(key))
        {
            Changed.Add(key);
        }
    }

    private static void Index(Dictionary<string, HashSet<FactKey>> index, Fact fact)
    {
        foreach (var address in fact.ResolutionAddresses)
        {
            if (!index.TryGetValue(address, out var keys))
            {
                index[address] = keys = new HashSet<FactKey>();
            }

            keys.Add(fact.Id);
        }
    }

    private void Unindex(Dictionary<string, HashSet<FactKey>> index, Dictionary<FactKey, Fact> facts, string address)
    {
        if (!index.TryGetValue(address, out var keys))
        {
            return;
        }

        foreach (var key in keys.ToList())
        {
            if (facts.TryGetValue(key, out var fact))
            {
                foreach (var other in fact.ResolutionAddresses)
                {
                    if (other != address && index.TryGetValue(other, out var otherKeys))
                    {
                        otherKeys.Remove(key);
                    }
                }
            }

            Drop(key);
            _pairs.Remove(key);
        }

        index.Remove(address);
    }

    /// <summary>Where the last <see cref="Set"/> spent its time (for the benchmarks' <c>phases</c> command).</summary>
    internal List<(string Phase, TimeSpan Time, long Bytes)> LastPhases { get; } = new();

    private static long AllocatedBytes() =>
#if NET
        GC.GetTotalAllocatedBytes();
#else
        0;
#endif

    private readonly System.Diagnostics.Stopwatch _clock = new();
    private long _bytes;

    private void Mark(string phase)
    {
        var now = AllocatedBytes();
        LastPhases.Add((phase, _clock.Elapsed, now - _bytes));
        _bytes = now;
        _clock.Restart();
    }

    /// <summary>What the clause overlap index's last batch search did.</summary>
    internal OverlapSearchStatistics? SearchStatistics => _index?.LastSearch;

    /// <summary>Adds or replaces resolutions; returns the keys of the facts that were added, removed or replaced.</summary>
    public void Set(IEnumerable<Resolution> resolutions, IEnumerable<string> removed)
    {
        _clock.Restart();
        _bytes = AllocatedBytes();
        LastPhases.Clear();
        Changed.Clear();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in removed)
        {
            RemoveResolution(address);
            changed.Add(address);
        }

        var added = resolutions.ToList();
#if NET
        // A corpus comes in at once: the tables of facts are made the size they will need (a resolution, its groups and
        // its clauses, and about as many again for pairs), not doubled step by step on the way there.
        if (added.Count > 1)
        {
            var expected = 0;
            foreach (var r in added)
            {
                expected += 1 + r.Preamble.Count + r.Operative.Count + CountClauses(r.Preamble) + CountClauses(r.Operative);
            }

            Facts.EnsureCapacity(Facts.Count + (expected * 5 / 4));
            Changed.EnsureCapacity(expected * 5 / 4);
        }
#endif

        foreach (var r in added)
        {
            RemoveResolution(r.Address);
            AddResolution(r);
            changed.Add(r.Address);
        }

        Mark("clause facts");
        if (_floor <= 1)
        {
            // Pairs and overlaps involving a changed resolution are derived again; the others stand.
            foreach (var address in changed)
            {
                Unindex(_pairsByResolution, Facts, address);
                Unindex(_overlapsByResolution, Facts, address);
            }

            foreach (var (first, second, similarity) in SimilarPairs(added))
            {
                var pair = new SimilarPairFact(first, second, similarity);
                if (!_pairs.ContainsKey(pair.Id))
                {
                    _pairs[pair.Id] = pair;
                    Put(pair);
                    Index(_pairsByResolution, pair);
                }
            }

            Mark("overlap: pairs to facts");
            RebuildOverlaps(changed);
            Mark("overlaps");
        }

        if (_reporting)
        {
            foreach (var address in changed)
            {
                Unindex(_reportPairsByResolution, Facts, address);
            }

            foreach (var pair in ReportingPairs(added))
            {
                if (!Facts.ContainsKey(pair.Id))
                {
                    Put(pair);
                    Index(_reportPairsByResolution, pair);
                }
            }
        }

        Mark("reporting pairs");
    }

    private static int CountClauses(IEnumerable<Model.Group> groups)
    {
        var n = 0;
        foreach (var g in groups)
        {
            n += CountClauses(g.Clauses);
        }

        return n;
    }

    private static int CountClauses(IReadOnlyList<Clause> clauses)
    {
        var n = clauses.Count;
        foreach (var c in clauses)
        {
            n += c.SubClauses.Count == 0 ? 0 : CountClauses(c.SubClauses);
        }

        return n;
    }

    /// <summary>
    /// The request pairs involving the added resolutions: every ordered pair of one resolution's requests (each with
    /// itself too), and the requests of two resolutions whose subjects the subject index finds similar.
    /// </summary>
    private List<ReportingPairFact> ReportingPairs(List<Resolution> added)
    {
        var result = new List<ReportingPairFact>();
        var fresh = new List<ReportingFact>();
        foreach (var r in added)
        {
            if (!_reports.TryGetValue(r.Address, out var reports))
            {
                continue;
            }

            foreach (var a in reports)
            {
                foreach (var b in reports)
                {
                    result.Add(new ReportingPairFact(a, b, 0));
                }
            }

            fresh.AddRange(reports.Where(x => x.HasSubject));
        }

        if (_subjectIndex is null || fresh.Count == 0)
        {
            return result;
        }

        var firstBuild = _subjectIndex.Count == 0;
        var start = _subjectIndex.AddRange(fresh.Select(f => TextSimilarity.ShingleArray(f.Request!.Subject)).ToList());
        for (var i = 0; i < fresh.Count; i++)
        {
            _subjectIds[fresh[i].Key] = start + i;
            _subjectById.Add(fresh[i]);
        }

        var pairs = firstBuild ? _subjectIndex.AllPairs() : Enumerable.Range(start, fresh.Count).SelectMany(_subjectIndex.PairsOf);
        foreach (var p in pairs)
        {
            if (_subjectById[p.First] is { } a && _subjectById[p.Second] is { } b
                && a.Clause.Resolution.Address != b.Clause.Resolution.Address && a.Clause.Resolution.Language == b.Clause.Resolution.Language)
            {
                var (x, y) = string.CompareOrdinal(a.Clause.Address, b.Clause.Address) < 0 ? (a, b) : (b, a);
                result.Add(new ReportingPairFact(x, y, p.Similarity));
            }
        }

        return result;
    }

    private void RemoveResolution(string address)
    {
        if (!_byResolution.TryGetValue(address, out var facts))
        {
            return;
        }

        foreach (var f in facts)
        {
            Drop(f.Id);
            if (f is ClauseFact c)
            {
                _clauses.Remove(c.Address);
                if (_ids.TryGetValue(c.Address, out var id))
                {
                    _retired[c.Address] = (id, _textOf[id]!);
                    _ids.Remove(c.Address);
                }
            }
        }

        if (_reports.TryGetValue(address, out var reports))
        {
            foreach (var report in reports)
            {
                if (_subjectIds.TryGetValue(report.Key, out var id))
                {
                    _subjectIndex!.Remove(id);
                    _subjectById[id] = null;
                    _subjectIds.Remove(report.Key);
                }
            }

            _reports.Remove(address);
        }

        _byResolution.Remove(address);
        _resolutions.Remove(address);
    }

    private void AddResolution(Resolution r)
    {
        var list = new List<Fact>();
        var groups = r.GroupNodes().ToList();
        var rf = new ResolutionFact(r, groups);
        list.Add(rf);
        _resolutions[r.Address] = rf;
        var groupFacts = new List<GroupFact>(groups.Count);
        foreach (var g in groups)
        {
            var gf = new GroupFact(g);
            groupFacts.Add(gf);
            list.Add(gf);
        }

        var reportIndex = 0;
        var at = 0;
        foreach (var node in rf.AllClauses)
        {
            var c = new ClauseFact(node);
            list.Add(c);
            if (node.Depth == 0)
            {
                // The clauses come group by group, in the order of the groups: a group's top-level clause facts.
                while (at < groupFacts.Count && !ReferenceEquals(groupFacts[at].Node, node.Group))
                {
                    at++;
                }

                if (at < groupFacts.Count)
                {
                    var gf = groupFacts[at];
                    (gf.TopLevel ??= new ClauseFact[gf.Group.Clauses.Count])[node.Path[0]] = c;
                }
            }

            _clauses[c.Address] = c;
            if (_reporting && c.Part == Part.Operative && ReportingRequests.Find(c.Text, r.Language) is { } request)
            {
                var report = new ReportingFact(c, request.Recipient.ToString(), reportIndex++) { Request = request };
                list.Add(report);
                if (!_reports.TryGetValue(r.Address, out var reports))
                {
                    _reports[r.Address] = reports = new List<ReportingFact>();
                }

                reports.Add(report);
            }
        }

        foreach (var f in list)
        {
            Put(f);
        }

        _byResolution[r.Address] = list;
    }

    /// <summary>
    /// The similar pairs that involve the clauses of the added resolutions. On the first build every pair of the corpus
    /// is found in one batch. Afterwards a clause whose text did not change keeps its place in the index and its
    /// similar clauses; only new or changed clauses are indexed and look up their candidates, and the clauses of the
    /// old versions that were not taken over leave the index. A clause too short to compare goes in empty.
    /// </summary>
    private List<(ClauseFact First, ClauseFact Second, double Similarity)> SimilarPairs(List<Resolution> added)
    {
        var index = _index!;
        var firstBuild = index.Count == 0 && _retired.Count == 0;
        var factCount = added.Sum(r => _byResolution[r.Address].Count);
        var all = new List<(ClauseFact Fact, int Id)>(factCount);
        var fresh = new List<ClauseFact>(factCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in added.SelectMany(r => _byResolution[r.Address]))
        {
            if (fact is not ClauseFact node || !seen.Add(node.Address))
            {
                continue; // one label twice: the first clause of that address stands for it
            }

            var c = _clauses[node.Address];
            if (_retired.TryGetValue(c.Address, out var old) && old.Text == c.Text)
            {
                _retired.Remove(c.Address);
                _ids[c.Address] = old.Id;
                _byId[old.Id] = c;
                all.Add((c, old.Id));
            }
            else
            {
                fresh.Add(c);
            }
        }

        foreach (var id in _retired.Values.Select(v => v.Id))
        {
            index.Remove(id);
            _byId[id] = null;
            _textOf[id] = null;
            if (_neighbors.TryGetValue(id, out var near))
            {
                foreach (var other in near.Keys)
                {
                    if (_neighbors.TryGetValue(other, out var back))
                    {
                        back.Remove(id);
                    }
                }

                _neighbors.Remove(id);
            }
        }

        _retired.Clear();
        // Only clauses of a part some rule compares across resolutions go into the index with their shingles (the
        // others go in empty, to keep their ids): pairs within one resolution are measured directly below, so the
        // recitals that cite the same texts in the same words across a whole corpus cost nothing to search.
        Mark("overlap: kept clauses");
        var freshShingles = new List<ArraySegment<long>>(fresh.Count);
        var none = new ArraySegment<long>(Array.Empty<long>());
        foreach (var c in fresh)
        {
            var text = c.ComparableText();
            freshShingles.Add(text.Length == 0 ? none : TextSimilarity.ShingleSegment(text, _shingles));
        }

        Mark("overlap: comparable texts, shingles");
        var start = index.AddRange(fresh.Select((c, i) => _crossParts.Contains(c.Part) ? freshShingles[i] : none).ToList());
        for (var i = 0; i < fresh.Count; i++)
        {
            _ids[fresh[i].Address] = start + i;
            _byId.Add(fresh[i]);
            _textOf.Add(fresh[i].Text);
            all.Add((fresh[i], start + i));
        }

        void Link(SimilarPair p)
        {
            foreach (var (x, y) in new[] { (p.First, p.Second), (p.Second, p.First) })
            {
                if (!_neighbors.TryGetValue(x, out var near))
                {
                    _neighbors[x] = near = new Dictionary<int, double>();
                }

                near[y] = p.Similarity;
            }
        }

        // Pairs no rule would look at are not measured: two resolutions' clauses of a part no rule compares across
        // resolutions, or two clauses that open by citing different texts (they recall two texts, see Admissible).
        // For the batch search, what the test needs is put in arrays by index id first (once, not by the search's
        // threads); an edit tests its few candidates on the facts.
        bool WantedFacts(int x, int y) =>
            _byId[x] is { } a && _byId[y] is { } b
            && (a.Resolution.Address == b.Resolution.Address || (_crossParts.Contains(a.Part) && _crossParts.Contains(b.Part)))
            && (a.LeadingCitation is null || b.LeadingCitation is null || a.LeadingCitation == b.LeadingCitation);

        Func<int, int, bool> wanted = WantedFacts;
        if (firstBuild)
        {
            var ids = index.Capacity;
            var resolutionOf = new int[ids];
            var leadOf = new int[ids];
            var crossOf = new bool[ids];
            var resolutionNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var leadNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
            static int Number(Dictionary<string, int> numbers, string key)
            {
                if (!numbers.TryGetValue(key, out var n))
                {
                    numbers[key] = n = numbers.Count;
                }

                return n;
            }

            for (var id = 0; id < ids; id++)
            {
                if (_byId[id] is { } c)
                {
                    resolutionOf[id] = Number(resolutionNumbers, c.Resolution.Address);
                    leadOf[id] = c.LeadingCitation is { } lead ? Number(leadNumbers, lead) : -1;
                    crossOf[id] = _crossParts.Contains(c.Part);
                }
            }

            wanted = (x, y) =>
                (resolutionOf[x] == resolutionOf[y] || (crossOf[x] && crossOf[y]))
                && (leadOf[x] < 0 || leadOf[y] < 0 || leadOf[x] == leadOf[y]);
        }

        Mark("overlap: signatures");
        var found = firstBuild ? index.AllPairs(wanted) : Enumerable.Range(start, fresh.Count).SelectMany(index.PairsOf).Where(p => wanted(p.First, p.Second));
        foreach (var p in found)
        {
            Link(p);
        }

        Mark("overlap: search");
        // Pairs within each changed resolution, all parts: every pair of its comparable clauses measured exactly (tens
        // of clauses, so hundreds of small merges per resolution, whatever the size of the corpus).
        // The fresh clauses have the ids start, start + 1, ...: their shingles are found by position.
        ArraySegment<long>? ShinglesOf(int id) => id >= start && id - start < freshShingles.Count ? freshShingles[id - start] : default(ArraySegment<long>?);

        foreach (var clauses in all.GroupBy(x => x.Fact.Resolution.Address, StringComparer.Ordinal))
        {
            var members = new List<(ClauseFact Fact, int Id, ArraySegment<long> Set)>();
            foreach (var (c, id) in clauses)
            {
                if (ShinglesOf(id) is not { } set)
                {
                    set = index.ShinglesOf(id) is { Count: > 0 } kept ? kept : c.ComparableText() is { Length: > 0 } text ? new ArraySegment<long>(TextSimilarity.ShingleArray(text)) : none;
                }

                if (set.Count > 0)
                {
                    members.Add((c, id, set));
                }
            }

            var sets = new ArraySegment<long>[members.Count];
            for (var i = 0; i < sets.Length; i++)
            {
                sets[i] = members[i].Set;
            }

            foreach (var p in OverlapIndex.PairsAmong(sets, _floor, (i, j) =>
                members[i].Fact.LeadingCitation is not { } x || members[j].Fact.LeadingCitation is not { } y || x == y))
            {
                var (a, b) = (members[p.First].Id, members[p.Second].Id);
                Link(a < b ? new SimilarPair(a, b, p.Similarity) : new SimilarPair(b, a, p.Similarity));
            }
        }

        Mark("overlap: within resolutions");
        var result = new List<(ClauseFact, ClauseFact, double)>();
        var emitted = new HashSet<(int, int)>();
        foreach (var (c, id) in all)
        {
            if (!_neighbors.TryGetValue(id, out var near))
            {
                continue;
            }

            foreach (var entry in near.OrderBy(n => n.Key))
            {
                var (other, similarity) = (entry.Key, entry.Value);
                if (_byId[other] is { } o && emitted.Add(id < other ? (id, other) : (other, id)) && Admissible(c, o))
                {
                    var (first, second) = Order(c, o);
                    result.Add((first, second, similarity));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// What makes two similar clauses near-duplicates: neither contains the other, neither opens by citing a text the
    /// other does not, and across resolutions both say something of their own.
    /// </summary>
    private static bool Admissible(ClauseFact clause, ClauseFact o) =>
        !IsAncestor(clause, o)
        && (clause.LeadingCitation is null || o.LeadingCitation is null || clause.LeadingCitation == o.LeadingCitation)
        && (o.Resolution.Address == clause.Resolution.Address || (clause.HasSubstance && o.HasSubstance));

    /// <summary>The report a clause asks for, in its resolution's language, or null.</summary>
    public static ReportingRequest? ReportingRequestOf(ClauseFact clause) => ReportingRequests.Find(clause.Text, clause.Resolution.Language);

    private static bool IsAncestor(ClauseFact a, ClauseFact b) =>
        a.Address.StartsWith(b.Address + "/", StringComparison.Ordinal) || b.Address.StartsWith(a.Address + "/", StringComparison.Ordinal);

    private static (ClauseFact, ClauseFact) Order(ClauseFact a, ClauseFact b)
    {
        var ra = string.CompareOrdinal(a.Resolution.Address, b.Resolution.Address);
        if (ra != 0)
        {
            return ra < 0 ? (a, b) : (b, a);
        }

        var oa = a.Clause.Span?.Offset ?? 0;
        var ob = b.Clause.Span?.Offset ?? 0;
        if (oa != ob)
        {
            return oa < ob ? (a, b) : (b, a);
        }

        return string.CompareOrdinal(a.Address, b.Address) <= 0 ? (a, b) : (b, a);
    }

    private void RebuildOverlaps(HashSet<string> changed)
    {
        var byPair = changed
            .SelectMany(a => _pairsByResolution.TryGetValue(a, out var keys) ? keys : Enumerable.Empty<FactKey>())
            .Distinct()
            .Select(k => _pairs[k])
            .Where(p => !p.SameResolution && p.Similarity >= OverlapSimilarity && p.First.Part == Part.Operative && p.Second.Part == Part.Operative)
            .GroupBy(p => (p.First.Resolution.Address, p.Second.Resolution.Address));
        foreach (var group in byPair.OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            var first = _resolutions[group.Key.Item1];
            var second = _resolutions[group.Key.Item2];
            var sharedFirst = group.Select(p => p.First.Address).Distinct().Count();
            var sharedSecond = group.Select(p => p.Second.Address).Distinct().Count();
            var shared = Math.Min(sharedFirst, sharedSecond);
            var smaller = Math.Max(1, Math.Min(first.OperativeClauseCount, second.OperativeClauseCount));
            var fact = new OverlapFact(first, second, shared, (double)shared / smaller, group.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
            Put(fact);
            Index(_overlapsByResolution, fact);
        }
    }
}
