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

    private const int CommonShingle = 400;

    private static readonly Regex Reporting = new(
        @"\b(?:to|shall|should)\s+(?:continue\s+to\s+)?(?:report|submit|present)\b|\breport(?:s|ing)?\s+(?:annually|regularly|periodically|each\s+year|back)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    private static readonly Regex ToCouncil = new(@"\bto\s+(?:the\s+)?(?:ITU\s+)?Council\b|\bCouncil\s+(?:at\s+)?(?:each|its)\b|\bsessions?\s+of\s+(?:the\s+)?Council\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex ToConference = new(@"\bto\s+(?:the\s+)?(?:next\s+|future\s+|\d{4}\s+)?(?:Plenipotentiary\s+Conference|plenipotentiary\s+conference|conference|Assembly|assembly)\b|\bto\s+(?:PP|WTSA|WTDC|RA)-\d{2}\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly double _floor;
    private readonly Dictionary<string, List<Fact>> _byResolution = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClauseFact> _clauses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> _shingles = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _index = new();
    private readonly Dictionary<string, SimilarPairFact> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolutionFact> _resolutions = new(StringComparer.Ordinal);

    public FactBuilder(double similarityFloor) => _floor = similarityFloor;

    /// <summary>All current facts by key.</summary>
    public Dictionary<string, Fact> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces resolutions; returns the keys of the facts that were added, removed or replaced.</summary>
    public void Set(IEnumerable<Resolution> resolutions, IEnumerable<string> removed)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in removed)
        {
            RemoveResolution(address);
            changed.Add(address);
        }

        foreach (var r in resolutions)
        {
            RemoveResolution(r.Address);
            AddResolution(r);
            changed.Add(r.Address);
        }

        if (_floor <= 1)
        {
            // Pairs involving a changed resolution are derived again.
            foreach (var key in _pairs.Where(p => p.Value.ResolutionAddresses.Any(changed.Contains)).Select(p => p.Key).ToList())
            {
                Facts.Remove(key);
                _pairs.Remove(key);
            }

            foreach (var clause in _clauses.Values.Where(c => changed.Contains(c.Resolution.Address)).OrderBy(c => c.Address, StringComparer.Ordinal).ToList())
            {
                foreach (var (other, similarity) in Similar(clause))
                {
                    var (first, second) = Order(clause, other);
                    var pair = new SimilarPairFact(first, second, similarity);
                    if (!_pairs.ContainsKey(pair.Key))
                    {
                        _pairs[pair.Key] = pair;
                        Facts[pair.Key] = pair;
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
            Facts.Remove(f.Key);
            if (f is ClauseFact c)
            {
                _clauses.Remove(c.Address);
                if (_shingles.TryGetValue(c.Address, out var set))
                {
                    foreach (var s in set)
                    {
                        if (_index.TryGetValue(s, out var holders))
                        {
                            holders.Remove(c.Address);
                        }
                    }

                    _shingles.Remove(c.Address);
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
                var set = TextSimilarity.Shingles(c.Text);
                _shingles[c.Address] = set;
                foreach (var s in set)
                {
                    if (!_index.TryGetValue(s, out var holders))
                    {
                        _index[s] = holders = new HashSet<string>(StringComparer.Ordinal);
                    }

                    holders.Add(c.Address);
                }
            }

            if (c.Part == Part.Operative && IsReporting(c.Text))
            {
                var recipient = ToCouncil.IsMatch(c.Text) ? "Council" : ToConference.IsMatch(c.Text) ? "Conference" : "Other";
                list.Add(new ReportingFact(c, recipient, reportIndex++));
            }
        }

        foreach (var f in list)
        {
            Facts[f.Key] = f;
        }

        _byResolution[r.Address] = list;
    }

    private static bool IsReporting(string text)
    {
        try
        {
            return Reporting.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private IEnumerable<(ClauseFact Other, double Similarity)> Similar(ClauseFact clause)
    {
        var mine = _shingles[clause.Address];
        if (mine.Count == 0)
        {
            yield break;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in mine)
        {
            if (!_index.TryGetValue(s, out var holders) || holders.Count > CommonShingle)
            {
                continue;
            }

            foreach (var h in holders)
            {
                if (h != clause.Address)
                {
                    counts[h] = counts.TryGetValue(h, out var n) ? n + 1 : 1;
                }
            }
        }

        foreach (var (address, shared) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var other = _shingles[address];
            if (shared < _floor * Math.Max(mine.Count, other.Count) * 0.5)
            {
                continue; // cannot reach the floor
            }

            var similarity = TextSimilarity.Jaccard(mine, other);
            if (similarity >= _floor && _clauses.TryGetValue(address, out var o) && !IsAncestor(clause, o))
            {
                yield return (o, similarity);
            }
        }
    }

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
        foreach (var key in Facts.Keys.Where(k => k.StartsWith("O:", StringComparison.Ordinal)).ToList())
        {
            if (Facts[key].ResolutionAddresses.Any(changed.Contains))
            {
                Facts.Remove(key);
            }
        }

        var byPair = _pairs.Values
            .Where(p => !p.SameResolution && p.Similarity >= OverlapSimilarity && p.First.Part == Part.Operative && p.Second.Part == Part.Operative)
            .Where(p => changed.Contains(p.First.Resolution.Address) || changed.Contains(p.Second.Resolution.Address))
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
            Facts[fact.Key] = fact;
        }
    }
}
