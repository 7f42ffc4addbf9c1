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
/// similar clause pairs through an inverted index of word bigrams, resolution overlaps). Kept between edits so that an
/// incremental session re-derives only what involves the changed resolution.
/// </summary>
internal sealed class FactBuilder
{
    /// <summary>The similarity from which two operative clauses count as shared when measuring overlap.</summary>
    public const double OverlapSimilarity = 0.5;

    private const int CommonBigram = 100;

    private readonly double _floor;
    private readonly Dictionary<string, List<Fact>> _byResolution = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClauseFact> _clauses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> _shingles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> _bigrams = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _index = new();
    private readonly Dictionary<string, SimilarPairFact> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolutionFact> _resolutions = new(StringComparer.Ordinal);

    public FactBuilder(double similarityFloor) => _floor = similarityFloor;

    private readonly Dictionary<string, HashSet<string>> _pairsByResolution = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _overlapsByResolution = new(StringComparer.Ordinal);

    /// <summary>All current facts by key.</summary>
    public Dictionary<string, Fact> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys of the facts added, removed or replaced by the last <see cref="Set"/>.</summary>
    public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);

    private void Put(Fact fact)
    {
        Facts[fact.Key] = fact;
        Changed.Add(fact.Key);
    }

    private void Drop(string key)
    {
        if (Facts.Remove(key))
        {
            Changed.Add(key);
        }
    }

    private static void Index(Dictionary<string, HashSet<string>> index, Fact fact)
    {
        foreach (var address in fact.ResolutionAddresses)
        {
            if (!index.TryGetValue(address, out var keys))
            {
                index[address] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(fact.Key);
        }
    }

    private void Unindex(Dictionary<string, HashSet<string>> index, Dictionary<string, Fact> facts, string address)
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

    /// <summary>Adds or replaces resolutions; returns the keys of the facts that were added, removed or replaced.</summary>
    public void Set(IEnumerable<Resolution> resolutions, IEnumerable<string> removed)
    {
        Changed.Clear();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in removed)
        {
            RemoveResolution(address);
            changed.Add(address);
        }

        var added = resolutions.ToList();
        foreach (var r in added)
        {
            RemoveResolution(r.Address);
            AddResolution(r);
            changed.Add(r.Address);
        }

        if (_floor <= 1)
        {
            // Pairs and overlaps involving a changed resolution are derived again; the others stand.
            foreach (var address in changed)
            {
                Unindex(_pairsByResolution, Facts, address);
                Unindex(_overlapsByResolution, Facts, address);
            }

            var touched = new List<SimilarPairFact>();
            foreach (var clause in added.SelectMany(r => r.Clauses()).Select(n => _clauses[n.Address]))
            {
                foreach (var (other, similarity) in Similar(clause))
                {
                    var (first, second) = Order(clause, other);
                    var pair = new SimilarPairFact(first, second, similarity);
                    if (!_pairs.ContainsKey(pair.Key))
                    {
                        _pairs[pair.Key] = pair;
                        Put(pair);
                        Index(_pairsByResolution, pair);
                        touched.Add(pair);
                    }
                }
            }

            RebuildOverlaps(changed);
        }
    }

    private void RemoveResolution(string address)
    {
        if (!_byResolution.TryGetValue(address, out var facts))
        {
            return;
        }

        foreach (var f in facts)
        {
            Drop(f.Key);
            if (f is ClauseFact c)
            {
                _clauses.Remove(c.Address);
                _shingles.Remove(c.Address);
                if (_bigrams.TryGetValue(c.Address, out var bigrams))
                {
                    foreach (var s in bigrams)
                    {
                        if (_index.TryGetValue(s, out var holders))
                        {
                            holders.Remove(c.Address);
                        }
                    }

                    _bigrams.Remove(c.Address);
                }
            }
        }

        _byResolution.Remove(address);
        _resolutions.Remove(address);
    }

    private void AddResolution(Resolution r)
    {
        var list = new List<Fact>();
        var rf = new ResolutionFact(r);
        list.Add(rf);
        _resolutions[r.Address] = rf;
        foreach (var g in r.GroupNodes())
        {
            list.Add(new GroupFact(g));
        }

        var reportIndex = 0;
        foreach (var node in r.Clauses())
        {
            var c = new ClauseFact(node);
            list.Add(c);
            _clauses[c.Address] = c;
            if (_floor <= 1)
            {
                _shingles[c.Address] = TextSimilarity.Shingles(c.SimilarityText);
                var bigrams = TextSimilarity.Bigrams(c.SimilarityText);
                _bigrams[c.Address] = bigrams;
                foreach (var s in bigrams)
                {
                    if (!_index.TryGetValue(s, out var holders))
                    {
                        _index[s] = holders = new HashSet<string>(StringComparer.Ordinal);
                    }

                    holders.Add(c.Address);
                }
            }

            if (c.Part == Part.Operative && ReportingRequests.Find(c.Text, r.Language) is { } request)
            {
                list.Add(new ReportingFact(c, request.Recipient.ToString(), reportIndex++) { Request = request });
            }
        }

        foreach (var f in list)
        {
            Put(f);
        }

        _byResolution[r.Address] = list;
    }

    private IEnumerable<(ClauseFact Other, double Similarity)> Similar(ClauseFact clause)
    {
        var mine = _shingles[clause.Address];
        if (mine.Count == 0)
        {
            yield break;
        }

        // Candidates share a bigram that few clauses have; a bigram in more than CommonBigram clauses is boilerplate
        // ("the three Sectors") and finds nothing a rarer one does not.
        var mineBigrams = _bigrams[clause.Address];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in mineBigrams)
        {
            if (_index.TryGetValue(s, out var holders) && holders.Count <= CommonBigram)
            {
                foreach (var h in holders)
                {
                    counts[h] = counts.TryGetValue(h, out var n) ? n + 1 : 1;
                }
            }
        }

        // One shared rare bigram is weak evidence; near-duplicates share several (short texts excepted).
        var needed = mineBigrams.Count < 6 ? 1 : 2;
        var candidates = counts.Where(c => c.Value >= needed).Select(c => c.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var address in candidates)
        {
            if (address == clause.Address)
            {
                continue;
            }

            var other = _shingles[address];

            // The Jaccard index is at most the ratio of the smaller set to the larger one.
            if (Math.Min(mine.Count, other.Count) < _floor * Math.Max(mine.Count, other.Count))
            {
                continue;
            }

            var similarity = TextSimilarity.Jaccard(mine, other);
            if (similarity >= _floor && _clauses.TryGetValue(address, out var o) && !IsAncestor(clause, o) && clause.Comparable && o.Comparable
                && (clause.LeadingCitation is null || o.LeadingCitation is null || clause.LeadingCitation == o.LeadingCitation)
                && (o.Resolution.Address == clause.Resolution.Address || (clause.HasSubstance && o.HasSubstance)))
            {
                yield return (o, similarity);
            }
        }
    }

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
            .SelectMany(a => _pairsByResolution.TryGetValue(a, out var keys) ? keys : Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal)
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
