using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
#if NET
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace ResolutionKit.Analysis;

/// <summary>Two items of an <see cref="OverlapIndex"/> whose shingle sets are at least as similar as its threshold.</summary>
/// <param name="First">The smaller item id.</param>
/// <param name="Second">The larger item id.</param>
/// <param name="Similarity">The exact Jaccard index of their shingle sets.</param>
public readonly record struct SimilarPair(int First, int Second, double Similarity);

/// <summary>What one batch search of an <see cref="OverlapIndex"/> did.</summary>
/// <param name="Items">The non-empty items searched.</param>
/// <param name="Candidates">The candidate pairs: pairs that share a band value and whose sizes allow the threshold.</param>
/// <param name="Pairs">The pairs at or above the threshold.</param>
/// <param name="LargestBucket">The most items that shared one band value and were paired (at most <see cref="OverlapIndex.MaxGroupSize"/>).</param>
public sealed record OverlapSearchStatistics(int Items, long Candidates, int Pairs, int LargestBucket)
{
    /// <summary>The candidates measured exactly: those whose sketches agree in enough places.</summary>
    public long Measured { get; init; }

    /// <summary>The band values held by more than <see cref="OverlapIndex.MaxGroupSize"/> items, which made no candidates.</summary>
    public int CrowdedGroups { get; init; }
}

/// <summary>
/// How an <see cref="OverlapIndex"/> bands its MinHash signatures: <see cref="Bands"/> bands of <see cref="Rows"/>
/// values each. Two sets of Jaccard similarity <c>s</c> become candidates with probability
/// <c>1 − (1 − s^Rows)^Bands</c> (<see cref="CandidateProbability"/>); every candidate is then measured exactly, so the
/// banding decides recall and cost, never a false finding.
/// </summary>
/// <param name="Rows">Signature values per band.</param>
/// <param name="Bands">Number of bands.</param>
public sealed record LshParameters(int Rows, int Bands)
{
    /// <summary>The length of a signature: <see cref="Rows"/> × <see cref="Bands"/>.</summary>
    public int Hashes => Rows * Bands;

    /// <summary>The probability that two sets of Jaccard similarity <paramref name="similarity"/> share a band.</summary>
    /// <param name="similarity">A Jaccard index from 0 to 1.</param>
    public double CandidateProbability(double similarity) => 1 - Math.Pow(1 - Math.Pow(similarity, Rows), Bands);

    /// <summary>
    /// The banding that finds a pair exactly at <paramref name="threshold"/> with probability at least
    /// <paramref name="recallAtThreshold"/> using at most <paramref name="maxHashes"/> signature values, with as many rows
    /// per band as that allows (more rows mean fewer dissimilar candidates to measure). Pairs above the threshold are
    /// found with higher probability still.
    /// </summary>
    /// <param name="threshold">The similarity searched for (0–1).</param>
    /// <param name="recallAtThreshold">The least probability of finding a pair at the threshold.</param>
    /// <param name="maxHashes">The longest signature allowed.</param>
    public static LshParameters For(double threshold, double recallAtThreshold = 0.98, int maxHashes = 256)
    {
        if (threshold <= 0 || threshold > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold is a similarity above 0 and at most 1.");
        }

        LshParameters best = new(1, Math.Max(1, Math.Min(maxHashes, (int)Math.Ceiling(Math.Log(1 - recallAtThreshold) / Math.Log(Math.Max(1e-12, 1 - threshold))))));
        for (var rows = 2; rows <= 16; rows++)
        {
            var perBand = Math.Pow(threshold, rows);
            var bands = perBand >= 1 ? 1 : (int)Math.Ceiling(Math.Log(1 - recallAtThreshold) / Math.Log(1 - perBand));
            if (rows * bands > maxHashes)
            {
                break;
            }

            best = new LshParameters(rows, bands);
        }

        return best;
    }
}

/// <summary>
/// The corpus-scale search for near-duplicate texts: each item is a set of shingles (see
/// <see cref="TextSimilarity.Shingles"/>); its MinHash signature is cut into LSH bands, items that share a band are
/// candidates, and only candidates are measured exactly (Jaccard index). One index serves the near-duplicate rules of
/// <c>check</c> (incrementally, item by item) and the cross-body map (in one batch over the whole corpus, grouping
/// each band's values; a value held by more than <see cref="MaxGroupSize"/> items makes no candidates). Deterministic: the same items give the same pairs in the same order.
/// </summary>
public sealed class OverlapIndex
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    // The shingles of each item: a removed item's segment has no array. Sets added in a batch share large blocks (see
    // ShingleArena), which the collector never copies.
    private readonly List<ArraySegment<long>> _sets = new();
    private ulong[] _bandKeys = new ulong[1024];
    // The low byte of every MinHash value (b-bit MinHash), padded to a multiple of 32: two items whose bytes agree in too
    // few places cannot be similar enough, so most dissimilar candidates are rejected without the exact measure.
    private byte[] _sketches = new byte[1024];
    private readonly int _sketchLength;
    private readonly int _sketchGate;
    private readonly ulong[] _multipliers;
    private readonly ulong[] _offsets;
    // The lookup for PairsOf, built on first use: every band value of every item, sorted (band values are distinct
    // across bands because each band's hash starts from its own seed), and the items added since in a small table.
    private ulong[]? _lookupKeys;
    private int[]? _lookupIds;
    private Dictionary<ulong, List<int>>? _recent;
    private int _recentEntries;
    private int _live;

    /// <summary>Creates an index that finds pairs of at least <paramref name="threshold"/> similarity.</summary>
    /// <param name="threshold">The least Jaccard index of a pair (0–1].</param>
    /// <param name="parameters">The banding; by default <see cref="LshParameters.For"/> the threshold.</param>
    public OverlapIndex(double threshold, LshParameters? parameters = null)
    {
        Parameters = parameters ?? LshParameters.For(threshold);
        Threshold = threshold;
        // Padded to a multiple of eight so that four or eight hash functions can be computed at once.
        var padded = (Parameters.Hashes + 7) / 8 * 8;
        _multipliers = new ulong[padded];
        _offsets = new ulong[padded];
        _sketchLength = (Parameters.Hashes + 31) / 32 * 32;
        _sketchGate = SketchGate(Parameters.Hashes, threshold);
        var state = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < padded; i++)
        {
            _multipliers[i] = SplitMix(ref state) | 1UL;
            _offsets[i] = SplitMix(ref state);
        }
    }

    /// <summary>The least similarity of a pair reported.</summary>
    public double Threshold { get; }

    /// <summary>
    /// The most items one band value may pair (1,024 by default). Clauses built on one template (the same opening words
    /// in every resolution, with different subjects) share band values in proportion to the size of the corpus, and
    /// pairing all of them costs the square of it although they are rarely similar enough; a band value held by more
    /// items than this makes no candidates. A pair is then missed only when every band it shares is that crowded: none
    /// at 1,000 generated resolutions (the largest group holds 419 clauses), 10 of 6,184 at 10,000.
    /// </summary>
    public int MaxGroupSize
    {
        get => _maxGroupSize;
        init => _maxGroupSize = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MaxGroupSize), value, "a group pairs at least two items");
    }

    private readonly int _maxGroupSize = 1024;

    /// <summary>The banding used.</summary>
    public LshParameters Parameters { get; }

    /// <summary>The number of items held (removed ones excepted).</summary>
    public int Count => _live;

    /// <summary>The number of ids given out so far (removed items keep their id).</summary>
    public int Capacity => _sets.Count;

    /// <summary>Adds an item; returns its id (ids are given in order from 0).</summary>
    /// <param name="shingles">Its shingles (any order, duplicates allowed). An empty set is held but never similar to anything.</param>
    public int Add(IEnumerable<long> shingles) => AddRange(new[] { Normalize(shingles) });

    /// <summary>
    /// Adds many items at once, their signatures computed on all cores; returns the id of the first (the others follow
    /// in order).
    /// </summary>
    /// <param name="sets">The shingle sets, for example from <see cref="TextSimilarity.ShingleArray"/>; an array that is not sorted and distinct is copied and made so.</param>
    public int AddRange(IReadOnlyList<long[]> sets)
    {
        var segments = new ArraySegment<long>[sets.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            var set = sets[i];
            segments[i] = new ArraySegment<long>(IsSortedDistinct(set) ? set : Normalize(set));
        }

        return AddRange(segments);
    }

    /// <summary>Adds many items whose shingles are sorted and distinct already, held in segments (of a <see cref="ShingleArena"/>).</summary>
    /// <param name="sets">The shingle sets; an empty segment is an item never similar to anything.</param>
    internal int AddRange(IReadOnlyList<ArraySegment<long>> sets)
    {
        var first = _sets.Count;
        var bands = Parameters.Bands;
        var needed = (first + sets.Count) * bands;
        if (_bandKeys.Length < needed)
        {
            Array.Resize(ref _bandKeys, Math.Max(needed, _bandKeys.Length * 2));
        }

        if (_sketches.Length < (first + sets.Count) * _sketchLength)
        {
            Array.Resize(ref _sketches, Math.Max((first + sets.Count) * _sketchLength, _sketches.Length * 2));
        }

        Parallel.For(
            0,
            sets.Count,
            () => new ulong[_multipliers.Length],
            (i, _, scratch) =>
            {
                ComputeBandKeys(sets[i].AsSpan(), _bandKeys, (first + i) * bands, scratch, (first + i) * _sketchLength);
                return scratch;
            },
            _ => { });
        foreach (var given in sets)
        {
            var set = given.Array is null ? new ArraySegment<long>(Array.Empty<long>()) : given;
            var id = _sets.Count;
            _sets.Add(set);
            _live++;
            if (_recent is not null && set.Count > 0)
            {
                for (var b = 0; b < bands; b++)
                {
                    var key = _bandKeys[(id * bands) + b];
                    if (!_recent.TryGetValue(key, out var list))
                    {
                        _recent[key] = list = new List<int>(2);
                    }

                    list.Add(id);
                    _recentEntries++;
                }
            }
        }

        return first;
    }

    private static long[] Normalize(IEnumerable<long> shingles)
    {
        var set = shingles.Distinct().ToArray();
        Array.Sort(set);
        return set;
    }

    private static bool IsSortedDistinct(long[] set)
    {
        for (var i = 1; i < set.Length; i++)
        {
            if (set[i] <= set[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes an item; its id is not reused.</summary>
    /// <param name="id">The id <see cref="Add"/> gave.</param>
    public void Remove(int id)
    {
        if (id < 0 || id >= _sets.Count || _sets[id].Array is null)
        {
            return;
        }

        // A removed item stays in the lookup until it is next rebuilt; the lookup skips it.
        _sets[id] = default;
        _live--;
    }

    /// <summary>The shingles of an item, sorted, or null when it was removed.</summary>
    /// <param name="id">The item.</param>
    public IReadOnlyList<long>? Shingles(int id) => id >= 0 && id < _sets.Count && _sets[id].Array is not null ? _sets[id] : (IReadOnlyList<long>?)null;

    /// <summary>The shingles of an item, without a copy: empty when it has none or was removed.</summary>
    /// <param name="id">The item.</param>
    internal ArraySegment<long> ShinglesOf(int id) => id >= 0 && id < _sets.Count && _sets[id].Array is not null ? _sets[id] : new ArraySegment<long>(Array.Empty<long>());

    /// <summary>The exact similarity of two items (0 when either is empty or removed).</summary>
    /// <param name="first">One item.</param>
    /// <param name="second">The other.</param>
    public double Similarity(int first, int second) =>
        _sets[first].Array is not null && _sets[second].Array is not null ? Jaccard(_sets[first].AsSpan(), _sets[second].AsSpan()) : 0;

    /// <summary>
    /// The items at least <see cref="Threshold"/> similar to one item, found through its bands (for an edit: cost in
    /// proportion to the item's candidates, not to the corpus). Ordered by id.
    /// </summary>
    /// <param name="id">The item.</param>
    public IReadOnlyList<SimilarPair> PairsOf(int id)
    {
        var result = new List<SimilarPair>();
        if (id < 0 || id >= _sets.Count || _sets[id].Count == 0)
        {
            return result;
        }

        var mine = _sets[id];

        EnsureLookup();
        var bands = Parameters.Bands;
        var seen = new HashSet<int>();
        void Consider(int other)
        {
            if (other != id && seen.Add(other) && _sets[other] is { Array: not null } theirs && Bounded(mine.Count, theirs.Count) && SketchAgreement(id, other) >= _sketchGate)
            {
                var s = JaccardAtLeast(mine.AsSpan(), theirs.AsSpan(), Threshold);
                if (s >= Threshold)
                {
                    result.Add(id < other ? new SimilarPair(id, other, s) : new SimilarPair(other, id, s));
                }
            }
        }

        var group = new List<int>();
        for (var b = 0; b < bands; b++)
        {
            // The band's group as AllPairs forms it: the live items holding the value (removed ones may linger in the
            // lookup until it is rebuilt); a crowded one makes no candidates there either.
            group.Clear();
            var key = _bandKeys[(id * bands) + b];
            var at = Array.BinarySearch(_lookupKeys!, key);
            if (at >= 0)
            {
                while (at > 0 && _lookupKeys![at - 1] == key)
                {
                    at--;
                }

                for (; at < _lookupKeys!.Length && _lookupKeys[at] == key; at++)
                {
                    if (_sets[_lookupIds![at]].Count > 0)
                    {
                        group.Add(_lookupIds[at]);
                    }
                }
            }

            if (_recent!.TryGetValue(key, out var list))
            {
                foreach (var other in list)
                {
                    if (_sets[other].Count > 0)
                    {
                        group.Add(other);
                    }
                }
            }

            if (group.Count > MaxGroupSize)
            {
                continue;
            }

            foreach (var other in group)
            {
                Consider(other);
            }
        }

        result.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return result;
    }

    /// <summary>
    /// Every pair of items at least <see cref="Threshold"/> similar, in one batch: the items of each band are grouped by
    /// band value (a hash table, no sort), then the pairs of each group are screened together — a pair that shares band
    /// values in several bands is screened in the first of them only — and candidates are measured exactly. Ordered by
    /// (first, second). Runs on all cores; the result does not depend on how many.
    /// </summary>
    /// <remarks>
    /// A group's sketches are copied side by side before its pairs are screened, so that a group of g items costs g
    /// reads from the corpus-wide tables and g²/2 comparisons in cache, not g²/2 reads from memory: on 400,000 clauses
    /// the screen is a few nanoseconds a pair instead of a memory round trip.
    /// </remarks>
    /// <param name="accept">Which candidate pairs to measure at all (for example not two language versions of one text); all when null.</param>
    /// <param name="progress">Told the percentage of the pairs screened.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public IReadOnlyList<SimilarPair> AllPairs(Func<int, int, bool>? accept = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var groups = BandGroups.Build(this, cancellationToken);
        var count = groups.Band.Length;

        // Chunks of groups with about the same number of pairs each, so that the cores finish together.
        long work = 0;
        for (var g = 0; g < count; g++)
        {
            long size = groups.Starts[g + 1] - groups.Starts[g];
            work += (size * (size - 1) / 2) + size;
        }

        var chunks = (int)Math.Max(1, Math.Min(256, Math.Min(count / 16, work / 65_536)));
        var bounds = new int[chunks + 1];
        bounds[chunks] = count;
        long sum = 0;
        for (int g = 0, c = 1; g < count && c < chunks; g++)
        {
            long size = groups.Starts[g + 1] - groups.Starts[g];
            sum += (size * (size - 1) / 2) + size;
            while (c < chunks && sum >= work * c / chunks)
            {
                bounds[c++] = g + 1;
            }
        }

        var perChunk = new List<SimilarPair>[chunks];
        var measuredPerChunk = new long[chunks];
        var candidatesPerChunk = new long[chunks];
        var done = 0;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new GroupScratch(),
            (chunk, _, scratch) =>
            {
                var found = new List<SimilarPair>();
                var (measured, candidates) = SearchGroups(groups, bounds[chunk], bounds[chunk + 1], scratch, accept, found);
                perChunk[chunk] = found;
                measuredPerChunk[chunk] = measured;
                candidatesPerChunk[chunk] = candidates;
                if (progress is not null)
                {
                    progress.Report((int)(100L * Interlocked.Increment(ref done) / chunks));
                }

                return scratch;
            },
            _ => { });

        var all = new List<SimilarPair>(perChunk.Sum(p => p.Count));
        foreach (var p in perChunk)
        {
            all.AddRange(p);
        }

        all.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        LastSearch = new OverlapSearchStatistics(groups.Items, candidatesPerChunk.Sum(), all.Count, groups.Largest) { Measured = measuredPerChunk.Sum(), CrowdedGroups = groups.Crowded };
        return all;
    }

    /// <summary>A search thread's copies of one group's sketches, earlier band values and sizes.</summary>
    private sealed class GroupScratch
    {
        public byte[] Sketches = Array.Empty<byte>();
        public ulong[] Keys = Array.Empty<ulong>();
        public int[] Sizes = Array.Empty<int>();

        public void Ensure(int items, int sketchLength, int bands)
        {
            if (Sketches.Length < items * sketchLength)
            {
                Sketches = new byte[Math.Max(items * sketchLength, Sketches.Length * 2)];
            }

            if (Keys.Length < items * bands)
            {
                Keys = new ulong[Math.Max(items * bands, Keys.Length * 2)];
            }

            if (Sizes.Length < items)
            {
                Sizes = new int[Math.Max(items, Sizes.Length * 2)];
            }
        }
    }

    /// <summary>The pairs of groups <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private (long Measured, long Candidates) SearchGroups(BandGroups groups, int from, int to, GroupScratch scratch, Func<int, int, bool>? accept, List<SimilarPair> found)
    {
        long measured = 0, candidates = 0;
        var bands = Parameters.Bands;
        var length = _sketchLength;
        for (var g = from; g < to; g++)
        {
            var start = groups.Starts[g];
            var size = groups.Starts[g + 1] - start;
            var band = groups.Band[g];
            scratch.Ensure(size, length, band);
            var sketches = scratch.Sketches;
            var keys = scratch.Keys;
            var sizes = scratch.Sizes;
            for (var i = 0; i < size; i++)
            {
                var id = groups.Members[start + i];
                Array.Copy(_sketches, id * length, sketches, i * length, length);
                Array.Copy(_bandKeys, id * bands, keys, i * band, band);
                sizes[i] = _sets[id].Count;
            }

            for (var i = 0; i < size - 1; i++)
            {
                var x = groups.Members[start + i];
                var least = Threshold * sizes[i];
                var most = sizes[i] / Threshold;
                var mine = new ReadOnlySpan<ulong>(keys, i * band, band);
                var mySketch = new ReadOnlySpan<byte>(sketches, i * length, length);
                for (var j = i + 1; j < size; j++)
                {
                    if (sizes[j] < least - 1e-9 || sizes[j] > most + 1e-9)
                    {
                        continue;
                    }

                    // Screened in an earlier band already (unless that band's group was too crowded to be paired).
                    if (SharesEarlierBand(groups, mine, new ReadOnlySpan<ulong>(keys, j * band, band)))
                    {
                        continue;
                    }

                    var y = groups.Members[start + j];
                    if (accept is not null && !accept(x, y))
                    {
                        continue;
                    }

                    candidates++;
                    if (Agreement(mySketch, new ReadOnlySpan<byte>(sketches, j * length, length)) < _sketchGate)
                    {
                        continue;
                    }

                    measured++;
                    var s = JaccardAtLeast(_sets[x].AsSpan(), _sets[y].AsSpan(), Threshold);
                    if (s >= Threshold)
                    {
                        found.Add(new SimilarPair(x, y, s));
                    }
                }
            }
        }

        return (measured, candidates);
    }

    /// <summary>Whether two items share a band value in an earlier band whose group was paired (not a crowded one).</summary>
    private static bool SharesEarlierBand(BandGroups groups, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var i = 0;
#if NET
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= a.Length; i += 4)
            {
                if (Vector256.EqualsAny(Vector256.Create(a.Slice(i, 4)), Vector256.Create(b.Slice(i, 4))))
                {
                    for (var k = i; k < i + 4; k++)
                    {
                        if (a[k] == b[k] && !groups.CrowdedKeys.Contains(a[k]))
                        {
                            return true;
                        }
                    }
                }
            }
        }
#endif
        for (; i < a.Length; i++)
        {
            if (a[i] == b[i] && !groups.CrowdedKeys.Contains(a[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The items of every band grouped by band value, groups of one and crowded groups left out: <see cref="Members"/>
    /// holds each group's items in id order, one group after another (band by band); group g is
    /// <c>Members[Starts[g]..Starts[g + 1]]</c>, of band <c>Band[g]</c>.
    /// </summary>
    private sealed class BandGroups
    {
        public int[] Members = Array.Empty<int>();
        public int[] Starts = Array.Empty<int>();
        public int[] Band = Array.Empty<int>();
        public HashSet<ulong> CrowdedKeys = new();
        public int Items;
        public int Largest;
        public int Crowded;

        public static BandGroups Build(OverlapIndex index, CancellationToken cancellationToken)
        {
            var n = index._sets.Count;
            var bands = index.Parameters.Bands;
            var ids = new List<int>(n);
            for (var i = 0; i < n; i++)
            {
                if (index._sets[i].Count > 0)
                {
                    ids.Add(i);
                }
            }

            var live = ids.ToArray();
            var perBand = new (int[] Members, int[] Ends, List<ulong> Crowded)[bands];
            Parallel.For(
                0,
                bands,
                new ParallelOptions { CancellationToken = cancellationToken },
                () => new GroupingScratch(live.Length),
                (b, _, scratch) =>
                {
                    perBand[b] = Group(index, live, b, scratch);
                    return scratch;
                },
                _ => { });

            var total = perBand.Sum(p => p.Members.Length);
            var count = perBand.Sum(p => p.Ends.Length);
            var groups = new BandGroups { Members = new int[total], Starts = new int[count + 1], Band = new int[count], Items = live.Length };
            int at = 0, g = 0;
            for (var b = 0; b < bands; b++)
            {
                var (members, ends, crowded) = perBand[b];
                groups.Crowded += crowded.Count;
                groups.CrowdedKeys.UnionWith(crowded);
                Array.Copy(members, 0, groups.Members, at, members.Length);
                var from = 0;
                foreach (var end in ends)
                {
                    groups.Largest = Math.Max(groups.Largest, end - from);
                    groups.Band[g] = b;
                    groups.Starts[g++] = at + from;
                    from = end;
                }

                at += members.Length;
            }

            groups.Starts[count] = total;
            return groups;
        }

        /// <summary>A grouping thread's tables, sized for the number of items.</summary>
        private sealed class GroupingScratch
        {
            public readonly ulong[] Keys;
            public readonly ulong[] PartKeys;
            public readonly int[] PartItems;
            public readonly int[] Members;
            public readonly int Bits;
            public readonly int[] Offsets;
            public ulong[] TableKeys = new ulong[64];
            public int[] TableCounts = new int[64];
            public int[] TableStarts = new int[64];
            public int[] Slot = new int[32];

            public GroupingScratch(int items)
            {
                Keys = new ulong[items];
                PartKeys = new ulong[items];
                PartItems = new int[items];
                Members = new int[items];
                // Partitions of about a thousand items, whose hash tables stay in the core's cache.
                while ((items >> Bits) > 1024)
                {
                    Bits++;
                }

                Offsets = new int[(1 << Bits) + 1];
            }

            public void Ensure(int items)
            {
                var size = 16;
                while (size < items * 2)
                {
                    size *= 2;
                }

                if (TableKeys.Length < size)
                {
                    TableKeys = new ulong[size];
                    TableCounts = new int[size];
                    TableStarts = new int[size];
                }

                if (Slot.Length < items)
                {
                    Slot = new int[Math.Max(items, Slot.Length * 2)];
                }
            }
        }

        /// <summary>
        /// One band's groups of two or more items, each in id order; and the band values too crowded to pair. The items are
        /// first split by the top bits of their band value into partitions of about a thousand (one pass that writes
        /// in order), then each partition is grouped in a hash table small enough to stay in cache: a single table over
        /// every item would miss the cache on nearly every item once the corpus is large.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
        private static (int[] Members, int[] Ends, List<ulong> Crowded) Group(OverlapIndex index, int[] live, int band, GroupingScratch scratch)
        {
            var bands = index.Parameters.Bands;
            var n = live.Length;
            var keys = scratch.Keys;
            var bits = scratch.Bits;
            var offsets = scratch.Offsets;
            Array.Clear(offsets, 0, offsets.Length);
            for (var i = 0; i < n; i++)
            {
                var key = index._bandKeys[(live[i] * bands) + band];
                keys[i] = key;
                offsets[bits == 0 ? 1 : (int)(key >> (64 - bits)) + 1]++;
            }

            for (var p = 1; p < offsets.Length; p++)
            {
                offsets[p] += offsets[p - 1];
            }

            // Stable: each partition keeps the items in id order.
            var partKeys = scratch.PartKeys;
            var partItems = scratch.PartItems;
            var next = (int[])offsets.Clone();
            for (var i = 0; i < n; i++)
            {
                var at = next[bits == 0 ? 0 : (int)(keys[i] >> (64 - bits))]++;
                partKeys[at] = keys[i];
                partItems[at] = live[i];
            }

            var members = scratch.Members;
            var total = 0;
            var ends = new List<int>();
            var crowded = new List<ulong>();
            for (var p = 0; p + 1 < offsets.Length; p++)
            {
                var from = offsets[p];
                var size = offsets[p + 1] - from;
                if (size < 2)
                {
                    continue;
                }

                scratch.Ensure(size);
                var tableKeys = scratch.TableKeys;
                var counts = scratch.TableCounts;
                var starts = scratch.TableStarts;
                var slot = scratch.Slot;
                var tableBits = 4;
                while ((1 << tableBits) < size * 2)
                {
                    tableBits++;
                }

                var mask = (1 << tableBits) - 1;
                Array.Clear(counts, 0, mask + 1);
                for (var i = 0; i < size; i++)
                {
                    var key = partKeys[from + i];
                    var s = (int)(key >> (64 - bits - tableBits)) & mask;
                    while (counts[s] != 0 && tableKeys[s] != key)
                    {
                        s = (s + 1) & mask;
                    }

                    tableKeys[s] = key;
                    counts[s]++;
                    slot[i] = s;
                }

                // Each group placed when its first item is met; then filled in id order.
                for (var i = 0; i < size; i++)
                {
                    var s = slot[i];
                    if (counts[s] > index.MaxGroupSize)
                    {
                        counts[s] = 0; // too many to pair: left out like a group of one
                        crowded.Add(tableKeys[s]);
                    }

                    if (counts[s] >= 2)
                    {
                        starts[s] = total;
                        total += counts[s];
                        ends.Add(total);
                        counts[s] = -counts[s]; // placed
                    }
                }

                for (var i = 0; i < size; i++)
                {
                    var s = slot[i];
                    if (counts[s] < 0)
                    {
                        members[starts[s]++] = partItems[from + i];
                    }
                }
            }

            return (members.AsSpan(0, total).ToArray(), ends.ToArray(), crowded);
        }
    }

    /// <summary>What the last <see cref="AllPairs"/> did, or null before the first.</summary>
    public OverlapSearchStatistics? LastSearch { get; private set; }

    /// <summary>
    /// Every pair at least <paramref name="threshold"/> similar, measured exactly with no banding (an inverted index
    /// counts the shingles each pair shares): the baseline the LSH recall is measured against. Quadratic in the worst
    /// case; meant for up to some tens of thousands of items.
    /// </summary>
    /// <param name="sets">The shingle sets.</param>
    /// <param name="threshold">The least Jaccard index.</param>
    public static IReadOnlyList<SimilarPair> ExactPairs(IReadOnlyList<IReadOnlyCollection<long>> sets, double threshold)
    {
        var distinct = sets.Select(s => s.Distinct().ToArray()).ToArray();
        var postings = new Dictionary<long, List<int>>();
        var result = new List<SimilarPair>();
        var counts = new Dictionary<int, int>();
        for (var id = 0; id < distinct.Length; id++)
        {
            counts.Clear();
            foreach (var s in distinct[id])
            {
                if (postings.TryGetValue(s, out var list))
                {
                    foreach (var other in list)
                    {
                        counts[other] = counts.TryGetValue(other, out var n) ? n + 1 : 1;
                    }
                }
            }

            foreach (var entry in counts)
            {
                var (other, shared) = (entry.Key, entry.Value);
                var j = (double)shared / (distinct[id].Length + distinct[other].Length - shared);
                if (j >= threshold)
                {
                    result.Add(new SimilarPair(other, id, j));
                }
            }

            foreach (var s in distinct[id])
            {
                if (!postings.TryGetValue(s, out var list))
                {
                    postings[s] = list = new List<int>();
                }

                list.Add(id);
            }
        }

        result.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return result;
    }

    /// <summary>
    /// Every pair of a few sets (the clauses of one text) at least <paramref name="threshold"/> similar, measured exactly
    /// and without an index. Each set's shingles are counted into 128 buckets first: two sets cannot share more shingles
    /// than the sum over the buckets of the smaller count, so most pairs are dismissed without merging their shingles.
    /// </summary>
    /// <param name="sets">Sorted sets of distinct shingles (as <see cref="TextSimilarity.ShingleArray"/> gives them); empty ones pair with nothing.</param>
    /// <param name="threshold">The least Jaccard index.</param>
    /// <param name="accept">Which pairs (by position in <paramref name="sets"/>, smaller first) to measure at all; null for all.</param>
    /// <returns>The pairs by position, in order of the first and then the second.</returns>
    public static IReadOnlyList<SimilarPair> PairsAmong(IReadOnlyList<long[]> sets, double threshold, Func<int, int, bool>? accept = null)
    {
        if (sets is null)
        {
            throw new ArgumentNullException(nameof(sets));
        }

        var segments = new ArraySegment<long>[sets.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = new ArraySegment<long>(sets[i] ?? throw new ArgumentException("set " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is null", nameof(sets)));
        }

        return PairsAmong(segments, threshold, accept);
    }

    /// <summary><see cref="PairsAmong(IReadOnlyList{long[]}, double, Func{int, int, bool}?)"/> over segments (of a <see cref="ShingleArena"/>).</summary>
    internal static IReadOnlyList<SimilarPair> PairsAmong(IReadOnlyList<ArraySegment<long>> sets, double threshold, Func<int, int, bool>? accept = null)
    {
        var result = new List<SimilarPair>();
        var n = sets.Count;
        if (n < 2)
        {
            return result;
        }

        var counts = new byte[n * BucketCount];
        for (var i = 0; i < n; i++)
        {
            var at = i * BucketCount;
            foreach (var shingle in sets[i].AsSpan())
            {
                ref var c = ref counts[at + (int)(((ulong)shingle * 0x9E3779B97F4A7C15UL) >> (64 - BucketBits))];
                c = c == byte.MaxValue ? c : (byte)(c + 1);
            }
        }

        for (var i = 0; i < n; i++)
        {
            var a = sets[i];
            if (a.Count == 0)
            {
                continue;
            }

            for (var j = i + 1; j < n; j++)
            {
                var b = sets[j];
                if (b.Count == 0 || Math.Min(a.Count, b.Count) < (threshold * Math.Max(a.Count, b.Count)) - 1e-9)
                {
                    continue;
                }

                if (SharedAtMost(counts, i * BucketCount, j * BucketCount) < SharedNeeded(a.Count, b.Count, threshold) || (accept is not null && !accept(i, j)))
                {
                    continue;
                }

                var s = JaccardAtLeast(a.AsSpan(), b.AsSpan(), threshold);
                if (s >= threshold)
                {
                    result.Add(new SimilarPair(i, j, s));
                }
            }
        }

        return result;
    }

    private const int BucketBits = 7;
    private const int BucketCount = 1 << BucketBits;

    /// <summary>The sum over the buckets of the smaller of two sets' counts: at least the number of shingles they share.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private static int SharedAtMost(byte[] counts, int x, int y)
    {
        var sum = 0;
#if NET
        if (Vector256.IsHardwareAccelerated)
        {
            var a = new ReadOnlySpan<byte>(counts, x, BucketCount);
            var b = new ReadOnlySpan<byte>(counts, y, BucketCount);
            var total = Vector256<ushort>.Zero;
            for (var i = 0; i < BucketCount; i += 32)
            {
                var m = Vector256.Min(Vector256.Create(a.Slice(i, 32)), Vector256.Create(b.Slice(i, 32)));
                var (lower, upper) = Vector256.Widen(m);
                total += lower + upper;
            }

            return Vector256.Sum(total);
        }
#endif
        for (var i = 0; i < BucketCount; i++)
        {
            sum += Math.Min(counts[x + i], counts[y + i]);
        }

        return sum;
    }

    /// <summary>
    /// The MinHash signature of an item (one value per hash function, <see cref="LshParameters.Hashes"/> of them): what
    /// an external engine needs to band a corpus too large for one machine.
    /// </summary>
    /// <param name="id">The item.</param>
    public uint[] Signature(int id)
    {
        var signature = new uint[Parameters.Hashes];
        Sign(_sets[id].AsSpan(), signature);
        return signature;
    }

    /// <summary>The band values of an item (the hash of each band of its signature).</summary>
    /// <param name="id">The item.</param>
    public ulong[] BandKeys(int id)
    {
        var keys = new ulong[Parameters.Bands];
        Array.Copy(_bandKeys, id * Parameters.Bands, keys, 0, keys.Length);
        return keys;
    }

    /// <summary>The Jaccard index of two sorted sets of distinct values.</summary>
    /// <param name="a">One set, sorted.</param>
    /// <param name="b">The other, sorted.</param>
    public static double Jaccard(IReadOnlyList<long> a, IReadOnlyList<long> b) =>
        Jaccard(a as long[] ?? a.ToArray(), b as long[] ?? b.ToArray());

    private static double Jaccard(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x == y)
            {
                shared++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>
    /// The exact Jaccard index of two sorted sets of distinct shingles when it is at least <paramref name="threshold"/>,
    /// else null; stops as soon as the shingles left cannot reach it (for measuring a few pairs without an index).
    /// </summary>
    /// <param name="a">One set, sorted and distinct (as <see cref="TextSimilarity.ShingleArray"/> gives it).</param>
    /// <param name="b">The other.</param>
    /// <param name="threshold">The least similarity of interest.</param>
    public static double? SimilarityAtLeast(long[] a, long[] b, double threshold)
    {
        if (a.Length == 0 || b.Length == 0 || Math.Min(a.Length, b.Length) < (threshold * Math.Max(a.Length, b.Length)) - 1e-9)
        {
            return null;
        }

        var s = JaccardAtLeast(a, b, threshold);
        return s >= threshold ? s : null;
    }

    /// <summary>How many shingles two sets of these sizes must share to be <paramref name="threshold"/> similar.</summary>
    // |A ∩ B| / (|A| + |B| − |A ∩ B|) ≥ t  ⇔  |A ∩ B| ≥ t (|A| + |B|) / (1 + t)
    private static int SharedNeeded(int a, int b, double threshold) => (int)Math.Ceiling((threshold * (a + b) / (1 + threshold)) - 1e-9);

    /// <summary>
    /// The Jaccard index of two sorted sets when it is at least <paramref name="threshold"/>, or -1 as soon as the
    /// shingles left cannot bring it there (the merge stops early for most dissimilar candidates).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private static double JaccardAtLeast(ReadOnlySpan<long> a, ReadOnlySpan<long> b, double threshold)
    {
        var needed = SharedNeeded(a.Length, b.Length, threshold);
        int i = 0, j = 0, shared = 0;
        var na = a.Length;
        var nb = b.Length;
        // Branch-free merge (the comparisons of two random sets cannot be predicted); every 8 steps, stop when the
        // shingles left cannot reach the threshold.
        while (i < na && j < nb)
        {
            var x = a[i];
            var y = b[j];
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
            if (((i + j) & 7) == 0 && shared + Math.Min(na - i, nb - j) < needed)
            {
                return -1;
            }
        }

        var union = na + nb - shared;
        return union == 0 || shared < needed ? -1 : (double)shared / union;
    }

    /// <summary>The Jaccard index is at most the ratio of the smaller set to the larger: skip pairs that cannot reach it.</summary>
    private bool Bounded(int a, int b) => Math.Min(a, b) >= Threshold * Math.Max(a, b) - 1e-9;

    /// <summary>
    /// Builds the sorted lookup of band values, or rebuilds it when the items added since make up an eighth of it
    /// (so an edit costs a few binary searches, and the rebuild is paid once per many edits).
    /// </summary>
    private void EnsureLookup()
    {
        if (_lookupKeys is not null && _recentEntries <= Math.Max(4096, _lookupKeys.Length / 8))
        {
            return;
        }

        var bands = Parameters.Bands;
        var live = 0;
        for (var id = 0; id < _sets.Count; id++)
        {
            if (_sets[id].Count > 0)
            {
                live++;
            }
        }

        var keys = new ulong[live * bands];
        var ids = new int[live * bands];
        var n = 0;
        for (var id = 0; id < _sets.Count; id++)
        {
            if (_sets[id].Count > 0)
            {
                Array.Copy(_bandKeys, id * bands, keys, n, bands);
                for (var b = 0; b < bands; b++)
                {
                    ids[n + b] = id;
                }

                n += bands;
            }
        }

        Array.Sort(keys, ids);
        _lookupKeys = keys;
        _lookupIds = ids;
        _recent = new Dictionary<ulong, List<int>>();
        _recentEntries = 0;
    }

    private void Sign(ReadOnlySpan<long> set, uint[] signature)
    {
        var mins = new ulong[_multipliers.Length];
        Sign(set, mins);
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = (uint)mins[i];
        }
    }

    /// <summary>
    /// The minimum over the set of each hash function, one function per slot of <paramref name="mins"/> (its length is
    /// the padded signature length). One strong mix per shingle, then a multiply-shift hash per function,
    /// <c>(a·x + c) &gt;&gt; 32</c> with odd <c>a</c>: four functions at a time where the processor has vectors.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private void Sign(ReadOnlySpan<long> set, ulong[] mins)
    {
        for (var i = 0; i < mins.Length; i++)
        {
            mins[i] = uint.MaxValue;
        }

#if NET
        Span<ulong> mixed = set.Length <= 512 ? stackalloc ulong[set.Length] : new ulong[set.Length];
        for (var k = 0; k < set.Length; k++)
        {
            mixed[k] = Mix((ulong)set[k]);
        }

        // Four vectors of functions at a time, kept in registers while the whole set goes by (three times faster than
        // updating the minima in memory for each shingle).
        if (Vector512.IsHardwareAccelerated && mins.Length % 8 == 0)
        {
            ReadOnlySpan<Vector512<ulong>> a = MemoryMarshal.Cast<ulong, Vector512<ulong>>(new ReadOnlySpan<ulong>(_multipliers));
            ReadOnlySpan<Vector512<ulong>> c = MemoryMarshal.Cast<ulong, Vector512<ulong>>(new ReadOnlySpan<ulong>(_offsets));
            Span<Vector512<ulong>> m = MemoryMarshal.Cast<ulong, Vector512<ulong>>(new Span<ulong>(mins));
            var initial = Vector512.Create((ulong)uint.MaxValue);
            var i = 0;
            for (; i + 4 <= m.Length; i += 4)
            {
                var (m0, m1, m2, m3) = (initial, initial, initial, initial);
                var (a0, a1, a2, a3) = (a[i], a[i + 1], a[i + 2], a[i + 3]);
                var (c0, c1, c2, c3) = (c[i], c[i + 1], c[i + 2], c[i + 3]);
                foreach (var h in mixed)
                {
                    var x = Vector512.Create(h);
                    m0 = Vector512.Min(m0, Vector512.ShiftRightLogical((x * a0) + c0, 32));
                    m1 = Vector512.Min(m1, Vector512.ShiftRightLogical((x * a1) + c1, 32));
                    m2 = Vector512.Min(m2, Vector512.ShiftRightLogical((x * a2) + c2, 32));
                    m3 = Vector512.Min(m3, Vector512.ShiftRightLogical((x * a3) + c3, 32));
                }

                (m[i], m[i + 1], m[i + 2], m[i + 3]) = (m0, m1, m2, m3);
            }

            for (; i < m.Length; i++)
            {
                var m0 = initial;
                foreach (var h in mixed)
                {
                    m0 = Vector512.Min(m0, Vector512.ShiftRightLogical((Vector512.Create(h) * a[i]) + c[i], 32));
                }

                m[i] = m0;
            }

            return;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector256<ulong>> a = MemoryMarshal.Cast<ulong, Vector256<ulong>>(new ReadOnlySpan<ulong>(_multipliers));
            ReadOnlySpan<Vector256<ulong>> c = MemoryMarshal.Cast<ulong, Vector256<ulong>>(new ReadOnlySpan<ulong>(_offsets));
            Span<Vector256<ulong>> m = MemoryMarshal.Cast<ulong, Vector256<ulong>>(new Span<ulong>(mins));
            var initial = Vector256.Create((ulong)uint.MaxValue);
            var i = 0;
            for (; i + 4 <= m.Length; i += 4)
            {
                var (m0, m1, m2, m3) = (initial, initial, initial, initial);
                var (a0, a1, a2, a3) = (a[i], a[i + 1], a[i + 2], a[i + 3]);
                var (c0, c1, c2, c3) = (c[i], c[i + 1], c[i + 2], c[i + 3]);
                foreach (var h in mixed)
                {
                    var x = Vector256.Create(h);
                    m0 = Vector256.Min(m0, Vector256.ShiftRightLogical((x * a0) + c0, 32));
                    m1 = Vector256.Min(m1, Vector256.ShiftRightLogical((x * a1) + c1, 32));
                    m2 = Vector256.Min(m2, Vector256.ShiftRightLogical((x * a2) + c2, 32));
                    m3 = Vector256.Min(m3, Vector256.ShiftRightLogical((x * a3) + c3, 32));
                }

                (m[i], m[i + 1], m[i + 2], m[i + 3]) = (m0, m1, m2, m3);
            }

            for (; i < m.Length; i++)
            {
                var m0 = initial;
                foreach (var h in mixed)
                {
                    m0 = Vector256.Min(m0, Vector256.ShiftRightLogical((Vector256.Create(h) * a[i]) + c[i], 32));
                }

                m[i] = m0;
            }

            return;
        }
#endif
        foreach (var shingle in set)
        {
            var x = Mix((ulong)shingle);
            for (var i = 0; i < mins.Length; i++)
            {
                var h = ((x * _multipliers[i]) + _offsets[i]) >> 32;
                if (h < mins[i])
                {
                    mins[i] = h;
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private void ComputeBandKeys(ReadOnlySpan<long> set, ulong[] target, int at, ulong[] signature, int sketchAt)
    {
        if (set.Length == 0)
        {
            for (var b = 0; b < Parameters.Bands; b++)
            {
                target[at + b] = 0;
            }

            return;
        }

        Sign(set, signature);
        var rows = Parameters.Rows;
        for (var b = 0; b < Parameters.Bands; b++)
        {
            var h = (ulong)b * Golden;
            for (var r = 0; r < rows; r++)
            {
                h = Mix(h ^ signature[(b * rows) + r]);
            }

            target[at + b] = h;
        }

        for (var i = 0; i < Parameters.Hashes; i++)
        {
            _sketches[sketchAt + i] = (byte)signature[i];
        }
    }

    /// <summary>
    /// The least number of agreeing sketch bytes of a pair worth measuring: a pair exactly at the threshold agrees in
    /// about k·(t + (1 − t)/256) places (the MinHash values that are equal, plus chance agreements of the low byte), and
    /// falls below this gate — 4.5 standard deviations under that — with a probability under 1 in 10⁵.
    /// </summary>
    private static int SketchGate(int hashes, double threshold)
    {
        var p = threshold + ((1 - threshold) / 256);
        var mean = hashes * p;
        return Math.Max(0, (int)Math.Floor(mean - (4.5 * Math.Sqrt(hashes * p * (1 - p)))));
    }

    /// <summary>How many sketch bytes two items share (padding excluded).</summary>
    private int SketchAgreement(int x, int y) =>
        Agreement(new ReadOnlySpan<byte>(_sketches, x * _sketchLength, _sketchLength), new ReadOnlySpan<byte>(_sketches, y * _sketchLength, _sketchLength));

    /// <summary>How many places two sketches agree in (padding excluded).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private int Agreement(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var same = 0;
#if NET
        if (Vector256.IsHardwareAccelerated)
        {
            for (var i = 0; i < a.Length; i += 32)
            {
                var eq = Vector256.Equals(Vector256.Create(a.Slice(i, 32)), Vector256.Create(b.Slice(i, 32)));
                same += System.Numerics.BitOperations.PopCount(eq.ExtractMostSignificantBits());
            }

            return same - (_sketchLength - Parameters.Hashes);
        }
#endif
        for (var i = 0; i < Parameters.Hashes; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return same;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }
}
