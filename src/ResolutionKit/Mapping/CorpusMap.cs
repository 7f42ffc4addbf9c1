using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ResolutionKit.Analysis;
using ResolutionKit.Model;

namespace ResolutionKit.Mapping;

/// <summary>The thresholds of a <see cref="CorpusMap"/>, written into every output so that a map can be reproduced.</summary>
public sealed record MapOptions
{
    /// <summary>The least similarity (Jaccard index of the shingles) of two clauses shown as overlapping.</summary>
    public double ClauseThreshold { get; init; } = 0.5;

    /// <summary>The least subject similarity (cosine of the instruments' TF-IDF vocabularies) of two related instruments.</summary>
    public double SubjectThreshold { get; init; } = 0.3;

    /// <summary>The least subject similarity at which two instruments of one body are candidates for merging (with no shared clause).</summary>
    public double MergeSubjectThreshold { get; init; } = 0.6;

    /// <summary>The shared operative clauses from which two instruments of one body are candidates for merging.</summary>
    public int MergeSharedClauses { get; init; } = 2;

    /// <summary>Include relations that rest on a citation alone (one instrument cites the other, nothing else is shared).</summary>
    public bool CitationsOnly { get; init; } = true;
}

/// <summary>One instrument of the map, with all its language versions.</summary>
/// <param name="Address">Its address (<c>PP-Resolution-175</c>).</param>
/// <param name="Body">The adopting body's code.</param>
/// <param name="Kind">Resolution, Decision, ...</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title (in the first language read, English preferred).</param>
/// <param name="Revision">Its revision as written (<c>Rev. Bucharest, 2022</c>), when known.</param>
/// <param name="Languages">The languages read.</param>
/// <param name="Sources">The files it was read from.</param>
/// <param name="Cluster">The subject cluster it belongs to (0 when none).</param>
public sealed record MapInstrument(string Address, string Body, string Kind, string Number, string Title, string? Revision, IReadOnlyList<string> Languages, IReadOnlyList<string> Sources, int Cluster)
{
    /// <summary>The short name of the map's tables: <c>PP 175</c>, <c>PP Dec. 5</c>.</summary>
    public string ShortName => Kind == nameof(InstrumentKind.Resolution) ? $"{Body} {Number}" : $"{Body} {Kind.Substring(0, 3)}. {Number}";

    /// <summary>The name a delegate uses: <c>PP Resolution 175</c>.</summary>
    public string DisplayName => $"{Body} {Kind} {Number}";
}

/// <summary>Two clauses of two related instruments that say nearly the same thing.</summary>
/// <param name="First">The clause of the relation's first instrument (address).</param>
/// <param name="FirstText">Its text.</param>
/// <param name="Second">The clause of the second instrument.</param>
/// <param name="SecondText">Its text.</param>
/// <param name="Similarity">Their similarity (0–1).</param>
/// <param name="Language">The language they were compared in.</param>
public sealed record ClauseOverlap(string First, string FirstText, string Second, string SecondText, double Similarity, string Language);

/// <summary>One clause's shingles, MinHash signature and LSH band values, as <see cref="CorpusMap.Signatures"/> writes them out.</summary>
/// <param name="Instrument">The instrument's address.</param>
/// <param name="Clause">The clause's address.</param>
/// <param name="Language">The language of the text.</param>
/// <param name="Shingles">The shingle hashes, sorted (empty when the clause is not compared).</param>
/// <param name="Signature">The MinHash signature (one minimum per hash function).</param>
/// <param name="Bands">The band values (two clauses with one equal band value are candidates).</param>
/// <param name="Parameters">The banding.</param>
public sealed record ClauseSignature(string Instrument, string Clause, string Language, long[] Shingles, uint[] Signature, ulong[] Bands, LshParameters Parameters);

/// <summary>What the map suggests doing about a relation.</summary>
public enum MapSuggestion
{
    /// <summary>Related: worth reading together.</summary>
    Related,

    /// <summary>One cites the other and they share nothing else.</summary>
    Cited,

    /// <summary>Different bodies instruct the same work in their operative clauses: one should carry it and the other cite it instead of repeating it.</summary>
    CrossCite,

    /// <summary>The same body says the same thing twice: a candidate for merging.</summary>
    Merge,
}

/// <summary>Why two instruments are related.</summary>
/// <param name="First">The first instrument's address (the earlier in map order).</param>
/// <param name="Second">The second instrument's address.</param>
/// <param name="Subject">Their subject similarity (0–1), over the language they share best.</param>
/// <param name="SharedTerms">The words that weigh most in both.</param>
/// <param name="FirstCitesSecond">Whether the first cites the second.</param>
/// <param name="SecondCitesFirst">Whether the second cites the first.</param>
/// <param name="Overlaps">Their overlapping clauses, most similar first.</param>
/// <param name="Suggestion">What to consider doing.</param>
public sealed record MapRelation(string First, string Second, double Subject, IReadOnlyList<string> SharedTerms, bool FirstCitesSecond, bool SecondCitesFirst, IReadOnlyList<ClauseOverlap> Overlaps, MapSuggestion Suggestion)
{
    /// <summary>The number of distinct operative clauses of the smaller side that overlap.</summary>
    public int SharedOperativeClauses { get; init; }

    /// <summary>Whether the two instruments are of different bodies.</summary>
    public bool CrossBody { get; init; }
}

/// <summary>Instruments on one subject, connected by shared vocabulary or overlapping clauses.</summary>
/// <param name="Id">Its number, from 1, largest cluster first.</param>
/// <param name="Label">The words that name its subject.</param>
/// <param name="Members">The instruments' addresses, in map order.</param>
public sealed record MapCluster(int Id, string Label, IReadOnlyList<string> Members);

/// <summary>
/// The cross-body map of related instruments the ITU secretariat keeps by hand: for each instrument, the related
/// instruments of every body with why (shared subject, citations either way, overlapping clauses), clusters of
/// instruments on one subject, and candidates for merging and for citing instead of repeating. Language versions of
/// one instrument are one instrument. Deterministic.
/// </summary>
public sealed class CorpusMap
{
    private CorpusMap(MapOptions options, IReadOnlyList<MapInstrument> instruments, IReadOnlyList<MapRelation> relations, IReadOnlyList<MapCluster> clusters, OverlapSearchStatistics? search)
    {
        Options = options;
        Instruments = instruments;
        Relations = relations;
        Clusters = clusters;
        Search = search;
    }

    /// <summary>The thresholds used.</summary>
    public MapOptions Options { get; }

    /// <summary>The instruments, in map order (body, kind, number).</summary>
    public IReadOnlyList<MapInstrument> Instruments { get; }

    /// <summary>The relations, strongest first within map order of their first instrument.</summary>
    public IReadOnlyList<MapRelation> Relations { get; }

    /// <summary>The subject clusters of two instruments or more.</summary>
    public IReadOnlyList<MapCluster> Clusters { get; }

    /// <summary>What the clause overlap search did.</summary>
    public OverlapSearchStatistics? Search { get; }

    /// <summary>The relations of one instrument.</summary>
    /// <param name="address">The instrument's address.</param>
    public IReadOnlyList<MapRelation> RelationsOf(string address)
    {
        _byInstrument ??= Relations
            .SelectMany(r => new[] { (r.First, r), (r.Second, r) })
            .GroupBy(x => x.Item1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<MapRelation>)g.Select(x => x.r).ToList(), StringComparer.Ordinal);
        return _byInstrument.TryGetValue(address, out var list) ? list : Array.Empty<MapRelation>();
    }

    private Dictionary<string, IReadOnlyList<MapRelation>>? _byInstrument;

    /// <summary>Builds the map of a corpus.</summary>
    /// <param name="resolutions">The resolutions read (any languages; language versions of one instrument are merged).</param>
    /// <param name="options">The thresholds; the defaults when null.</param>
    /// <param name="progress">Told what stage the build is at.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public static CorpusMap Build(IEnumerable<Resolution> resolutions, MapOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MapOptions();
        // A canonical order first, so that the map does not depend on the order of its inputs.
        var all = resolutions
            .OrderBy(r => r.Address, StringComparer.Ordinal)
            .ThenBy(r => LanguageRank(r.Language)).ThenBy(r => r.Language, StringComparer.Ordinal)
            .ThenByDescending(r => r.Revision?.Year ?? 0)
            .ThenBy(r => r.SourcePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => r.Span?.Offset ?? 0)
            .ToList();
        var byAddress = all.GroupBy(r => r.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var order = byAddress.Keys.OrderBy(a => byAddress[a][0].Id, InstrumentOrder.Instance).ToList();
        var rank = order.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);

        // Subject: TF-IDF vocabulary of each language version (title words weigh three times), compared within a language.
        progress?.Report("vocabulary");
        var subject = new Dictionary<(string, string), double>();
        var sharedTerms = new Dictionary<(string, string), IReadOnlyList<string>>();
        var vocabulary = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var language in all.Select(r => r.Language).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var versions = all.Where(r => r.Language == language).GroupBy(r => r.Address, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var vectors = SubjectVectors(versions, out var surfaces);
            foreach (var (address, vector) in vectors)
            {
                if (!vocabulary.TryGetValue(address, out var v) || language == "en")
                {
                    vocabulary[address] = vector.ToDictionary(t => surfaces.TryGetValue(t.Key, out var w) ? w : t.Key, t => t.Value, StringComparer.Ordinal);
                }
            }

            foreach (var (a, b, cosine, terms) in SimilarSubjects(vectors, options.SubjectThreshold))
            {
                var key = rank[a] < rank[b] ? (a, b) : (b, a);
                if (!subject.TryGetValue(key, out var s) || cosine > s)
                {
                    subject[key] = cosine;
                    sharedTerms[key] = terms.Select(t => surfaces.TryGetValue(t, out var w) ? w : t).ToList();
                }
            }
        }

        // Citations either way.
        var cites = new HashSet<(string, string)>();
        foreach (var r in all)
        {
            foreach (var node in r.Clauses())
            {
                foreach (var reference in node.Clause.References)
                {
                    var target = reference.TargetId ?? (reference.Body is null && reference.Kind is ReferenceKind.Resolution or ReferenceKind.Decision ? new InstrumentId(r.Id.Body, reference.Kind == ReferenceKind.Resolution ? InstrumentKind.Resolution : InstrumentKind.Decision, reference.Number) : null);
                    if (target is not null && target.Address != r.Address && byAddress.ContainsKey(target.Address))
                    {
                        cites.Add((r.Address, target.Address));
                    }
                }
            }
        }

        // Clause overlaps through the overlap index, never between two versions of one instrument.
        progress?.Report("clauses");
        var (clauses, index) = IndexClauses(all, options.ClauseThreshold);
        var leading = clauses.Select(c => TextSimilarity.LeadingCitation(c.Node.Clause.Text, c.Node.Clause.References)).ToArray();
        var pairs = index.AllPairs(
            (x, y) => clauses[x].Resolution.Address != clauses[y].Resolution.Address && (leading[x] is null || leading[y] is null || leading[x] == leading[y]),
            null,
            cancellationToken);
        var overlaps = new Dictionary<(string, string), List<(ClauseOverlap Overlap, bool Operative, string A, string B)>>();
        foreach (var p in pairs)
        {
            var (x, y) = rank[clauses[p.First].Resolution.Address] < rank[clauses[p.Second].Resolution.Address] ? (p.First, p.Second) : (p.Second, p.First);
            var a = clauses[x];
            var b = clauses[y];
            var key = (a.Resolution.Address, b.Resolution.Address);
            if (!overlaps.TryGetValue(key, out var list))
            {
                overlaps[key] = list = new();
            }

            var operative = a.Node.Group.Group.Part == Part.Operative && b.Node.Group.Group.Part == Part.Operative;
            list.Add((new ClauseOverlap(a.Node.Address, a.Node.Clause.Text, b.Node.Address, b.Node.Clause.Text, Math.Round(p.Similarity, 4), a.Resolution.Language), operative, a.Node.Address, b.Node.Address));
        }

        // Relations: any of the three reasons.
        progress?.Report("relations");
        var keys = new HashSet<(string, string)>(subject.Keys);
        keys.UnionWith(overlaps.Keys);
        if (options.CitationsOnly)
        {
            keys.UnionWith(cites.Select(c => rank[c.Item1] < rank[c.Item2] ? c : (c.Item2, c.Item1)));
        }

        var relations = new List<MapRelation>();
        foreach (var key in keys.OrderBy(k => rank[k.Item1]).ThenBy(k => rank[k.Item2]))
        {
            var (a, b) = key;
            var s = subject.TryGetValue(key, out var v) ? Math.Round(v, 4) : 0;
            var terms = sharedTerms.TryGetValue(key, out var t) ? t : Array.Empty<string>();
            var list = overlaps.TryGetValue(key, out var o) ? o : new();

            // One overlap per clause pair across language versions (the best), most similar first.
            var shown = list
                .GroupBy(x => (x.A, x.B))
                .Select(g => g.OrderByDescending(x => x.Overlap.Similarity).ThenBy(x => LanguageRank(x.Overlap.Language)).ThenBy(x => x.Overlap.FirstText, StringComparer.Ordinal).ThenBy(x => x.Overlap.SecondText, StringComparer.Ordinal).First())
                .OrderByDescending(x => x.Overlap.Similarity).ThenBy(x => x.A, StringComparer.Ordinal).ThenBy(x => x.B, StringComparer.Ordinal)
                .ToList();
            var sharedOperative = Math.Min(shown.Where(x => x.Operative).Select(x => x.A).Distinct().Count(), shown.Where(x => x.Operative).Select(x => x.B).Distinct().Count());
            var ab = cites.Contains((a, b));
            var ba = cites.Contains((b, a));
            var sameBody = byAddress[a][0].Id.Body.Code == byAddress[b][0].Id.Body.Code;
            var suggestion =
                sameBody && (sharedOperative >= options.MergeSharedClauses || s >= options.MergeSubjectThreshold) ? MapSuggestion.Merge
                : !sameBody && sharedOperative > 0 ? MapSuggestion.CrossCite
                : (ab || ba) && shown.Count == 0 && s < options.SubjectThreshold ? MapSuggestion.Cited
                : MapSuggestion.Related;
            relations.Add(new MapRelation(a, b, s, terms, ab, ba, shown.Select(x => x.Overlap).ToList(), suggestion) { SharedOperativeClauses = sharedOperative, CrossBody = !sameBody });
        }

        // Clusters: connected by subject or by the same instructed work (overlapping operative clauses). A citation or
        // one shared recital does not make one subject: "recognizing the needs of developing countries" would chain
        // every instrument into one cluster.
        progress?.Report("clusters");
        var parent = order.ToDictionary(a => a, a => a, StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        // Only an instrument's strongest ties count (each among the other's three strongest), so that one broad
        // instrument does not chain every subject into one cluster.
        double Strength(MapRelation r) => Math.Max(r.Subject, r.SharedOperativeClauses > 0 ? r.Overlaps[0].Similarity : 0);
        var ties = relations.Where(r => r.Subject >= options.SubjectThreshold || r.SharedOperativeClauses > 0).ToList();
        var strongest = ties
            .SelectMany(r => new[] { (Of: r.First, Relation: r), (Of: r.Second, Relation: r) })
            .GroupBy(x => x.Of, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new HashSet<MapRelation>(g.Select(x => x.Relation).OrderByDescending(Strength).ThenBy(r => rank[r.First]).ThenBy(r => rank[r.Second]).Take(3)),
                StringComparer.Ordinal);
        foreach (var r in ties.Where(r => strongest[r.First].Contains(r) && strongest[r.Second].Contains(r)))
        {
            var (x, y) = (Find(r.First), Find(r.Second));
            if (x != y)
            {
                if (rank[x] < rank[y])
                {
                    parent[y] = x;
                }
                else
                {
                    parent[x] = y;
                }
            }
        }

        var groups = order.GroupBy(Find).Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => rank[g.Key])
            .Select(g => g.ToList()).ToList();
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusters = new List<MapCluster>();
        for (var i = 0; i < groups.Count; i++)
        {
            var members = groups[i];
            // Named by the words that weigh most across its members, those of two members or more first.
            var label = members
                .SelectMany(m => vocabulary.TryGetValue(m, out var v) ? v : new Dictionary<string, double>())
                .GroupBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(g => (Term: g.Key, Weight: g.Sum(kv => kv.Value), Count: g.Count()))
                .OrderByDescending(x => x.Count > 1).ThenByDescending(x => x.Weight).ThenBy(x => x.Term, StringComparer.Ordinal)
                .Take(3).Select(x => x.Term);
            clusters.Add(new MapCluster(i + 1, string.Join(", ", label), members));
            foreach (var m in members)
            {
                clusterOf[m] = i + 1;
            }
        }

        var instruments = order.Select(a =>
        {
            var versions = byAddress[a];
            var main = versions[0];
            return new MapInstrument(
                a,
                main.Id.Body.Code,
                main.Id.Kind.ToString(),
                main.Id.Number,
                main.Title,
                main.Revision?.ToString(),
                versions.Select(v => v.Language).Distinct(StringComparer.Ordinal).ToList(),
                versions.Select(v => v.SourcePath).Where(p => p is not null).Select(p => p!).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList(),
                clusterOf.TryGetValue(a, out var c) ? c : 0);
        }).ToList();

        return new CorpusMap(options, instruments, relations, clusters, index.LastSearch);
    }

    /// <summary>
    /// The MinHash signature and LSH band values of every clause the map compares, for banding a corpus too large for
    /// one machine in an external engine (Spark's <c>MinHashLSH</c> over <see cref="ClauseSignature.Shingles"/>, or a
    /// group-by on <see cref="ClauseSignature.Bands"/>). A clause too short or too generic to compare has no shingles.
    /// </summary>
    /// <param name="resolutions">The resolutions.</param>
    /// <param name="threshold">The clause similarity the banding is chosen for.</param>
    public static IEnumerable<ClauseSignature> Signatures(IEnumerable<Resolution> resolutions, double threshold = 0.5)
    {
        var (clauses, index) = IndexClauses(resolutions.ToList(), threshold);
        for (var i = 0; i < clauses.Count; i++)
        {
            yield return new ClauseSignature(clauses[i].Resolution.Address, clauses[i].Node.Address, clauses[i].Resolution.Language, index.Shingles(i)!.ToArray(), index.Signature(i), index.BandKeys(i), index.Parameters);
        }
    }

    /// <summary>
    /// Every clause into one overlap index, as the near-duplicate rules compare them: citations as tokens, nothing
    /// under five words, nothing that only says what every resolution says of itself ("to report annually on the
    /// implementation of this resolution") — those go in empty and are never candidates.
    /// </summary>
    private static (List<(Resolution Resolution, ClauseNode Node)> Clauses, OverlapIndex Index) IndexClauses(List<Resolution> all, double threshold)
    {
        var clauses = new List<(Resolution Resolution, ClauseNode Node)>();
        var sets = new List<long[]>();
        foreach (var r in all)
        {
            foreach (var node in r.Clauses())
            {
                var comparable = TextSimilarity.ComparableText(node.Clause.Text, node.Clause.References);
                var substantial = TextSimilarity.IsComparable(comparable) && TextSimilarity.CountWords(ReportingRequests.Substance(node.Clause.Text, r.Language), 3) >= 3;
                clauses.Add((r, node));
                sets.Add(substantial ? TextSimilarity.ShingleArray(comparable) : Array.Empty<long>());
            }
        }

        var index = new OverlapIndex(threshold);
        index.AddRange(sets);
        return (clauses, index);
    }

    private static readonly string[] Languages = { "en", "fr", "es", "ru", "ar", "zh" };

    private static int LanguageRank(string language) => Array.IndexOf(Languages, language) is var i && i >= 0 ? i : Languages.Length;

    /// <summary>
    /// The TF-IDF vector of each instrument's words (stemmed; title words count three times, citations and numbers
    /// not at all), L2-normalized, its 40 heaviest terms kept.
    /// </summary>
    private static List<(string Address, Dictionary<string, double> Vector)> SubjectVectors(List<Resolution> versions, out Dictionary<string, string> surfaces)
    {
        var counts = new List<(string, Dictionary<string, double>)>();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaceCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Count(Dictionary<string, double> tf, string text, double weight)
        {
            foreach (var w in TextSimilarity.Words(text))
            {
                if (w.Length < 3 && !(w.Length == 1 && w[0] >= '\u4E00') || w.Any(char.IsDigit))
                {
                    continue;
                }

                var stem = TextSimilarity.Stem(w);
                tf[stem] = (tf.TryGetValue(stem, out var c) ? c : 0) + weight;
                if (!surfaceCounts.TryGetValue(stem, out var forms))
                {
                    surfaceCounts[stem] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                forms[w] = (forms.TryGetValue(w, out var f) ? f : 0) + 1;
            }
        }

        foreach (var r in versions)
        {
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            Count(tf, r.Title, 3);
            foreach (var node in r.Clauses())
            {
                Count(tf, TextSimilarity.ComparableText(node.Clause.Text, node.Clause.References), 1);
            }

            foreach (var term in tf.Keys)
            {
                df[term] = (df.TryGetValue(term, out var d) ? d : 0) + 1;
            }

            counts.Add((r.Address, tf));
        }

        surfaces = surfaceCounts.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);
        var n = versions.Count;
        var result = new List<(string, Dictionary<string, double>)>();
        foreach (var (address, tf) in counts)
        {
            // A word in every instrument says nothing of a subject.
            var weights = tf
                .Select(kv => (kv.Key, Weight: (1 + Math.Log(kv.Value)) * Math.Log((1.0 + n) / df[kv.Key])))
                .Where(x => x.Weight > 0)
                .OrderByDescending(x => x.Weight).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Take(40)
                .ToList();
            var norm = Math.Sqrt(weights.Sum(x => x.Weight * x.Weight));
            result.Add((address, norm == 0 ? new Dictionary<string, double>() : weights.ToDictionary(x => x.Key, x => x.Weight / norm, StringComparer.Ordinal)));
        }

        return result;
    }

    /// <summary>
    /// Pairs whose vectors' cosine reaches the threshold, accumulated term by term through an inverted index (each
    /// instrument meets only the instruments it shares a term with), with the five terms that weigh most in both.
    /// </summary>
    private static IEnumerable<(string A, string B, double Cosine, IReadOnlyList<string> Terms)> SimilarSubjects(List<(string Address, Dictionary<string, double> Vector)> vectors, double threshold)
    {
        var postings = new Dictionary<string, List<(int Doc, double Weight)>>(StringComparer.Ordinal);
        for (var i = 0; i < vectors.Count; i++)
        {
            foreach (var kv in vectors[i].Vector)
            {
                if (!postings.TryGetValue(kv.Key, out var list))
                {
                    postings[kv.Key] = list = new List<(int, double)>();
                }

                list.Add((i, kv.Value));
            }
        }

        var sums = new double[vectors.Count];
        var touched = new List<int>();
        var result = new List<(string, string, double, IReadOnlyList<string>)>();
        for (var i = 0; i < vectors.Count; i++)
        {
            foreach (var kv in vectors[i].Vector)
            {
                foreach (var (doc, weight) in postings[kv.Key])
                {
                    if (doc > i)
                    {
                        if (sums[doc] == 0)
                        {
                            touched.Add(doc);
                        }

                        sums[doc] += kv.Value * weight;
                    }
                }
            }

            touched.Sort();
            foreach (var j in touched)
            {
                if (sums[j] >= threshold)
                {
                    var a = vectors[i].Vector;
                    var b = vectors[j].Vector;
                    var terms = a.Where(kv => b.ContainsKey(kv.Key)).Select(kv => (kv.Key, Product: kv.Value * b[kv.Key]))
                        .OrderByDescending(p => p.Product).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5).Select(p => p.Key).ToList();
                    result.Add((vectors[i].Address, vectors[j].Address, Math.Min(1, sums[j]), terms));
                }

                sums[j] = 0;
            }

            touched.Clear();
        }

        return result;
    }
}

/// <summary>Map order: Plenipotentiary Conference first, then the Sector bodies, the Council and the rest; by kind; by number, numerically.</summary>
internal sealed class InstrumentOrder : IComparer<InstrumentId>
{
    public static readonly InstrumentOrder Instance = new();

    private static readonly string[] Bodies = { "PP", "WTSA", "WTDC", "RA", "WRC", "WCIT", "WTPF", "Council" };

    public static int BodyRank(string code) => Array.IndexOf(Bodies, code) is var i && i >= 0 ? i : Bodies.Length;

    public int Compare(InstrumentId? x, InstrumentId? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var c = BodyRank(x.Body.Code).CompareTo(BodyRank(y.Body.Code));
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Body.Code, y.Body.Code);
        }

        if (c == 0)
        {
            c = x.Kind.CompareTo(y.Kind);
        }

        if (c == 0)
        {
            c = Leading(x.Number).CompareTo(Leading(y.Number));
        }

        return c != 0 ? c : string.CompareOrdinal(x.Number, y.Number);
    }

    private static long Leading(string number)
    {
        var digits = new string(number.TakeWhile(char.IsDigit).ToArray());
        return digits.Length is > 0 and < 10 ? long.Parse(digits, CultureInfo.InvariantCulture) : long.MaxValue;
    }
}
