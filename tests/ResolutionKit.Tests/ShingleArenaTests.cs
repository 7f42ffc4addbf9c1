using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Analysis;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>The arena the corpus check keeps its shingles in: each set stays what it was when added.</summary>
public class ShingleArenaTests
{
    /// <summary>
    /// Texts shingled into one arena, one after another (blocks filled, new blocks taken, a text too long for a block
    /// given an array of its own): every segment still holds the shingles <see cref="TextSimilarity.ShingleArray"/>
    /// gives its text, however many were added after it.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property Segments_ShouldKeepTheirShingles_AsTheArenaFills() =>
        Prop.ForAll(
            Gen.Choose(1, 6000).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 5000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " "), n)).Select(string.Concat).ArrayOf().ToArbitrary(),
            texts =>
            {
                var arena = new ShingleArena();
                var segments = texts.Select(t => TextSimilarity.ShingleSegment(t, arena)).ToList();
                for (var i = 0; i < texts.Length; i++)
                {
                    Assert.Equal(TextSimilarity.ShingleArray(texts[i]), segments[i].ToArray());
                }

                var total = segments.Sum(s => (long)s.Count);
                Assert.True(arena.Blocks <= 1 + (total / (ShingleArena.BlockLength * 3 / 4)), $"{arena.Blocks} blocks for {total} shingles");
            });

    [Fact]
    public void AnEmptyText_ShouldTakeNoRoom()
    {
        var arena = new ShingleArena();
        Assert.Equal(0, TextSimilarity.ShingleSegment(string.Empty, arena).Count);
        Assert.Equal(0, arena.Blocks);
    }

    [Fact]
    public void AVeryLongText_ShouldGetAnArrayOfItsOwn()
    {
        var arena = new ShingleArena();
        var text = string.Concat(Enumerable.Range(0, 40_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " "));
        var segment = TextSimilarity.ShingleSegment(text, arena);
        Assert.Equal(TextSimilarity.ShingleArray(text), segment.ToArray());
        Assert.Equal(0, segment.Offset);
        Assert.Equal(segment.Count, segment.Array!.Length);
        Assert.Equal(0, arena.Blocks);
    }
}
