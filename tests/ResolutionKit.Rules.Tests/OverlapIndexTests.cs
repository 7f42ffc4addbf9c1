using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Analysis;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>The MinHash/LSH overlap index against an exact all-pairs search over the same shingles.</summary>
public class OverlapIndexTests
{
    private static long[][] Shingles(OverlapCorpusData data) => data.Texts.Select(TextSimilarity.ShingleArray).ToArray();

    private static double Recall(IReadOnlyList<SimilarPair> found, IReadOnlyList<SimilarPair> exact)
    {
        var set = new HashSet<(int, int)>(found.Select(p => (p.First, p.Second)));
        return exact.Count == 0 ? 1 : (double)exact.Count(p => set.Contains((p.First, p.Second))) / exact.Count;
    }

    /// <summary>Planted near-duplicates of every similarity are found: recall at least 0.95 at Jaccard ≥ 0.5, on any seed.</summary>
    [Property(MaxTest = 25)]
    public Property PlantedOverlaps_ShouldBeFoundWithRecallOfAtLeast95PerCent() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var data = OverlapCorpus.Generate(1500, seed, copyShare: 0.2);
            var sets = Shingles(data);
            var index = new OverlapIndex(0.5);
            index.AddRange(sets);
            var found = index.AllPairs();
            var exact = OverlapIndex.ExactPairs(sets, 0.5);
            Assert.True(exact.Count > 50, $"the generator planted only {exact.Count} pairs");
            var recall = Recall(found, exact);
            Assert.True(recall >= 0.95, $"recall {recall:F3} ({found.Count} of {exact.Count} pairs), seed {seed}");

            // Nothing below the threshold, and each similarity exact.
            Assert.All(found, p => Assert.Equal(OverlapIndex.Jaccard(sets[p.First].Distinct().OrderBy(x => x).ToArray(), sets[p.Second].Distinct().OrderBy(x => x).ToArray()), p.Similarity, 12));
            Assert.All(found, p => Assert.True(p.Similarity >= 0.5 && p.First < p.Second));
        });

    /// <summary>An edit's lookup finds what the batch finds for that item, and a removed item is found by nothing.</summary>
    [Fact]
    public void PairsOf_ShouldAgreeWithTheBatchSearch_AndForgetRemovedItems()
    {
        var data = OverlapCorpus.Generate(3000, 11, copyShare: 0.2);
        var sets = Shingles(data);
        var index = new OverlapIndex(0.5);
        index.AddRange(sets.Take(2000).ToArray());
        var early = index.PairsOf(0);
        index.AddRange(sets.Skip(2000).ToArray());
        var all = index.AllPairs();
        Assert.NotEmpty(all);
        foreach (var id in all.SelectMany(p => new[] { p.First, p.Second }).Distinct().Take(200))
        {
            Assert.Equal(all.Where(p => p.First == id || p.Second == id), index.PairsOf(id));
        }

        var gone = all[0].Second;
        index.Remove(gone);
        Assert.DoesNotContain(index.PairsOf(all[0].First), p => p.First == gone || p.Second == gone);
        Assert.DoesNotContain(index.AllPairs(), p => p.First == gone || p.Second == gone);
        Assert.Equal(2999, index.Count);
        Assert.NotNull(early);
    }

    /// <summary>
    /// The batch search (band values split into partitions, each group screened once with a pair screened in the first
    /// band it shares outside a crowded group) finds exactly what the one-item lookup finds, pair by pair, at any group
    /// limit: on corpora of 1,200 to 3,000 items, large enough to be partitioned, with copies common enough to crowd.
    /// </summary>
    [Property(MaxTest = 12)]
    public Property AllPairs_ShouldEqualTheLookupOfEveryItem_AtAnyGroupLimit() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue - 1).ToArbitrary(), Gen.Elements(2, 5, 40, 1024).ToArbitrary(), Gen.Choose(1200, 3000).ToArbitrary(), (seed, limit, count) =>
        {
            var sets = Shingles(OverlapCorpus.Generate(count, seed, copyShare: 0.3));
            var index = new OverlapIndex(0.5) { MaxGroupSize = limit };
            index.AddRange(sets);
            var batch = index.AllPairs();
            var lookup = Enumerable.Range(0, sets.Length).SelectMany(id => index.PairsOf(id).Where(p => p.First == id)).ToList();
            Assert.Equal(lookup.Count, batch.Select(p => (p.First, p.Second)).Distinct().Count());
            Assert.Equal(lookup, batch);
        });

    /// <summary>The same items give the same pairs in the same order, however many threads did the work.</summary>
    [Fact]
    public void AllPairs_ShouldBeDeterministic()
    {
        var sets = Shingles(OverlapCorpus.Generate(4000, 3, copyShare: 0.2));
        var first = new OverlapIndex(0.5);
        first.AddRange(sets);
        var second = new OverlapIndex(0.5);
        foreach (var s in sets)
        {
            second.Add(s.Reverse());
        }

        Assert.Equal(first.AllPairs(), second.AllPairs());
    }

    /// <summary>The fast shingles are the shingles of <see cref="TextSimilarity.Shingles"/>, in every script.</summary>
    [Theory]
    [InlineData("to report annually to the Council on the implementation of this resolution;")]
    [InlineData("invite les États Membres à participer activement aux travaux des commissions d'études;")]
    [InlineData("encarga al Director de la Oficina de Desarrollo de las Telecomunicaciones que informe anualmente;")]
    [InlineData("поручает Генеральному секретарю представлять ежегодный отчет Совету;")]
    [InlineData("يكلف الأمين العام بتقديم تقرير سنوي إلى المجلس بشأن تنفيذ هذا القرار؛")]
    [InlineData("责成秘书长每年向理事会报告本决议的执行情况；")]
    [InlineData("ITU-T study groups, Member States¹ and Sector Members (e.g. 5G/IMT-2020) — running processes")]
    [InlineData("")]
    public void ShingleArray_ShouldEqualTheShingles(string text)
    {
        Assert.Equal(TextSimilarity.Shingles(text).OrderBy(x => x), TextSimilarity.ShingleArray(text));
        Assert.Equal(TextSimilarity.Words(text).Count, TextSimilarity.CountWords(text));
        Assert.Equal(TextSimilarity.Words(text).Count(w => !w.StartsWith("ref", StringComparison.Ordinal)), TextSimilarity.CountWords(text, skipCitationTokens: true));
    }

    /// <summary>The word count without building the words agrees with the words, on any text.</summary>
    [Property(MaxTest = 300)]
    public Property CountWords_ShouldAgreeWithWords() =>
        Prop.ForAll(Gen.Elements("to ", "the ", "reference ", "refPPRes71 ", "Member-States ", "¹", "决议", "et ", "Что ", "-", ",", " ", "ITU-T", "ref ", "a", "refs").ArrayOf().Select(p => string.Concat(p)).ToArbitrary(), text =>
        {
            Assert.Equal(TextSimilarity.Words(text).Count, TextSimilarity.CountWords(text));
            Assert.Equal(TextSimilarity.Words(text).Count(w => !w.StartsWith("ref", StringComparison.Ordinal)), TextSimilarity.CountWords(text, skipCitationTokens: true));
        });

    /// <summary>
    /// The allocation-free shingles agree with the word-by-word ones on any text: stems (-ing, -ed, -es, -ly, -s, -ss),
    /// stop words, hyphens, superscripts, Chinese characters, and words longer than the 128-character buffer.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property ShingleArray_ShouldAgreeWithShingles_OnAnyText() =>
        Prop.ForAll(Gen.Elements("to ", "the ", "reporting ", "noted ", "the ", "goes ", "only ", "class ", "is ", "States-", "¹", "决议", "的", "et ", "Что ", "-", ",", " ", "ITU-T", "Recommendations ", new string('x', 130), "É", "ed", "s").ArrayOf().Select(p => string.Concat(p)).ToArbitrary(), text =>
            Assert.Equal(TextSimilarity.Shingles(text).OrderBy(x => x), TextSimilarity.ShingleArray(text)));

    /// <summary>
    /// Long texts of many different words (hundreds of shingles, sorted by buckets of their top bits, and past a
    /// thousand, by the general sort): the shingles are still those of <see cref="TextSimilarity.Shingles"/>, in order.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property ShingleArray_ShouldAgreeWithShingles_OnLongTexts() =>
        Prop.ForAll(
            Gen.Choose(10, 800).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 400).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " "), n)).Select(string.Concat).ToArbitrary(),
            text => Assert.Equal(TextSimilarity.Shingles(text).OrderBy(x => x), TextSimilarity.ShingleArray(text)));

    /// <summary>
    /// The pairs among a few sets (the clauses of one text), dismissed by their bucket counts before any merge, are
    /// exactly the pairs an exhaustive measure finds, at any threshold.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property PairsAmong_ShouldEqualTheExactPairs() =>
        Prop.ForAll(
            Gen.Elements("the Council ", "to report ", "on the implementation ", "of this resolution ", "Member States ", "study groups ", "annually ", "ITU-T ", "ITU-D ", "the Secretary-General ", "to invite ", "决议", "Что ", "et ")
                .ArrayOf().Select(p => string.Concat(p)).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 10).ToArbitrary(),
            (texts, tenth) =>
            {
                var threshold = tenth / 10.0;
                var sets = texts.Select(TextSimilarity.ShingleArray).ToArray();
                var expected = new List<SimilarPair>();
                for (var i = 0; i < sets.Length; i++)
                {
                    for (var j = i + 1; j < sets.Length; j++)
                    {
                        if (sets[i].Length > 0 && sets[j].Length > 0 && OverlapIndex.Jaccard(sets[i], sets[j]) is var s && s >= threshold)
                        {
                            expected.Add(new SimilarPair(i, j, s));
                        }
                    }
                }

                Assert.Equal(expected, OverlapIndex.PairsAmong(sets, threshold));
                Assert.Equal(expected.Where(p => (p.First + p.Second) % 2 == 0), OverlapIndex.PairsAmong(sets, threshold, (i, j) => (i + j) % 2 == 0));
            });

    /// <summary>
    /// A band value held by more items than <see cref="OverlapIndex.MaxGroupSize"/> makes no candidates, in the batch
    /// search and for one item alike; below the limit every identical item pairs with every other.
    /// </summary>
    [Fact]
    public void CrowdedBandValues_ShouldMakeNoCandidates_InTheBatchAndForOneItem()
    {
        var template = TextSimilarity.ShingleArray("instructs the Director of the Telecommunication Development Bureau to report annually to the Council");
        var distinct = TextSimilarity.ShingleArray("resolves to continue the work of the study groups on the accessibility of telecommunications");
        var sets = new[] { template, template, template, template, distinct, distinct };

        var open = new OverlapIndex(0.5);
        open.AddRange(sets);
        Assert.Equal(7, open.AllPairs().Count);
        Assert.Equal(3, open.PairsOf(0).Count);
        Assert.Equal(0, open.LastSearch!.CrowdedGroups);

        var crowded = new OverlapIndex(0.5) { MaxGroupSize = 3 };
        crowded.AddRange(sets);
        var pairs = crowded.AllPairs();
        Assert.Equal(new[] { (4, 5) }, pairs.Select(p => (p.First, p.Second)));
        Assert.Equal(crowded.Parameters.Bands, crowded.LastSearch!.CrowdedGroups);
        Assert.Empty(crowded.PairsOf(0));
        Assert.Single(crowded.PairsOf(5));
    }

    /// <summary>The banding is chosen for the threshold and keeps its promise there.</summary>
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void Parameters_ShouldFindAPairAtTheThresholdWithTheRequestedProbability(double threshold)
    {
        var p = LshParameters.For(threshold);
        Assert.True(p.Hashes <= 256);
        Assert.True(p.CandidateProbability(threshold) >= 0.98, p.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => LshParameters.For(0));
    }
}
