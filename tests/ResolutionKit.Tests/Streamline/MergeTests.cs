using System.Linq;
using System.Text;
using ResolutionKit.Diagnostics;
using ResolutionKit.Merge;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

public class MergeTests
{
    private static MergeResult MergeSamples() => Merger.Merge(new[] { StreamlineSamples.Sample("pp-191.txt"), StreamlineSamples.Sample("wtsa-18.txt") });

    internal static string AccountText(MergeResult merge)
    {
        var sb = new StringBuilder();
        sb.Append("Supersedes:\n");
        foreach (var s in merge.Supersedes)
        {
            sb.Append("  ").Append(s.Citation).Append('\n');
        }

        sb.Append("Account:\n");
        foreach (var entry in merge.Account)
        {
            sb.Append("  ").Append(entry).Append('\n');
        }

        return sb.ToString();
    }

    [Fact]
    public void MergePp191AndWtsa18_ShouldMatchTheGoldenText()
    {
        var merge = MergeSamples();

        StreamlineSamples.Golden("merge-pp-191-wtsa-18.txt", ResolutionTextWriter.Write(merge.Resolution));
        StreamlineSamples.Golden("merge-pp-191-wtsa-18.account.txt", AccountText(merge));
    }

    [Fact]
    public void MergedText_ShouldReadBackCleanlyToTheSameModel()
    {
        var merge = MergeSamples();
        var text = ResolutionTextWriter.Write(merge.Resolution);

        var read = ResolutionTextReader.Read(text);

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(merge.Resolution, read.Value!.WithoutSourceInfo());
    }

    [Fact]
    public void Merge_ShouldKeepTheFirstInputsIdentityAndListWhatItSupersedes()
    {
        var merge = MergeSamples();

        Assert.Equal("PP-191", merge.Resolution.Address);
        Assert.Equal(new Revision("Bucharest", 2022, true), merge.Resolution.Revision);
        var superseded = Assert.Single(merge.Supersedes);
        Assert.Equal("WTSA-18", superseded.Id.Address);
        Assert.Equal("Resolution 18 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly", superseded.Citation);
        Assert.Empty(merge.Warnings);
    }

    [Fact]
    public void Merge_ShouldFoldNearDuplicatesAcrossInputs()
    {
        var merge = MergeSamples();

        var folded = merge.Account.Where(e => e.Disposition == MergeDisposition.Folded).ToDictionary(e => e.InputAddress);
        Assert.Equal("PP-191/resolves/1", folded["WTSA-18/resolves/1"].TargetAddress);
        Assert.Equal("PP-191/resolves/3", folded["WTSA-18/resolves/3"].TargetAddress);

        // The instruction to the Director of TSB is folded into the one to the three Directors, which covers it.
        Assert.Equal("PP-191/instructs-directors/1", folded["WTSA-18/instructs-director-tsb/1"].TargetAddress);
        Assert.Equal("PP-191/instructs-directors/2", folded["WTSA-18/instructs-director-tsb/2"].TargetAddress);
        Assert.All(folded.Values.Where(f => f.Reason.StartsWith("says", System.StringComparison.Ordinal)), f => Assert.True(f.Similarity >= 0.6));
    }

    [Fact]
    public void Merge_ShouldDropPreambularClausesThatRecallAMergedInstrument()
    {
        var merge = MergeSamples();

        var dropped = merge.Account.Where(e => e.Disposition == MergeDisposition.Dropped).Select(e => e.InputAddress).ToArray();
        Assert.Equal(new[] { "PP-191/recalling/c", "WTSA-18/recalling/a" }, dropped);
        Assert.DoesNotContain(merge.Resolution.Clauses(), c => c.Clause.Text.Contains("Resolution 18 (Rev. New Delhi"));
    }

    [Fact]
    public void Merge_ShouldFoldTwoCitationsOfTheSameInstrument()
    {
        var merge = MergeSamples();

        var recalling = merge.Resolution.Preamble.Single(g => g.Kind == "recalling");
        Assert.Single(recalling.Clauses, c => c.Text.StartsWith("Resolution 59", System.StringComparison.Ordinal));
        var entry = merge.Account.Single(e => e.InputAddress == "WTSA-18/recalling/b");
        Assert.Equal(MergeDisposition.Folded, entry.Disposition);
        Assert.Contains("cites the same instrument", entry.Reason);
    }

    [Fact]
    public void Merge_ShouldPutOperativeGroupsInTheConventionalOrder()
    {
        var merge = MergeSamples();

        Assert.Equal(
            new[]
            {
                "resolves",
                "instructs the Secretary-General",
                "instructs the Directors of the three Bureaux",
                "instructs the Director of the Telecommunication Standardization Bureau",
                "instructs the Council",
                "instructs the Telecommunication Standardization Advisory Group",
                "invites Member States and Sector Members",
                "invites the Radiocommunication Advisory Group and the Telecommunication Development Advisory Group",
            },
            merge.Resolution.Operative.Select(g => g.Heading));
    }

    [Fact]
    public void Merge_ShouldRewriteReferencesToTheMergedInstruments()
    {
        var pp = StreamlineSamples.Read(StreamlineSamples.SmallText.Replace(
            "to participate in the work;",
            "to participate in the work referred to in Resolution 18 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly;"));
        var wtsa = StreamlineSamples.Read("""
            RESOLUTION 18 (Rev. New Delhi, 2024)

            Other subject

            The World Telecommunication Standardization Assembly (New Delhi, 2024),

            recalling
            Resolution 1 (Rev. New Delhi, 2024) of this assembly, on the rules of procedure of ITU-T,

            resolves
            to keep Resolution 71 (Rev. Bucharest, 2022) of the Plenipotentiary Conference in view.

            """);

        var merge = Merger.Merge(new[] { pp, wtsa });
        var texts = merge.Resolution.Clauses().Select(c => c.Clause.Text).ToList();

        Assert.Contains("to participate in the work referred to in this resolution;", texts);
        Assert.Contains("Resolution 1 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly, on the rules of procedure of ITU-T,", texts);
        Assert.Contains(texts, t => t.StartsWith("to keep Resolution 71 (Rev. Bucharest, 2022) of this conference in view", System.StringComparison.Ordinal));
        var kept = merge.Account.Single(e => e.InputAddress == "WTSA-18/recalling/(1)");
        Assert.Contains("of this assembly", kept.Reason);
    }

    [Fact]
    public void Merge_ShouldRewriteInternalCrossReferencesToTheNewNumbers()
    {
        var first = StreamlineSamples.Small;
        var second = StreamlineSamples.Read(StreamlineSamples.SmallText
            .Replace("RESOLUTION 999 (REV. BUCHAREST, 2022)", "RESOLUTION 5 (Rev. New Delhi, 2024)")
            .Replace("The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),", "The World Telecommunication Standardization Assembly (New Delhi, 2024),")
            .Replace("to do the first thing", "to run the workshops")
            .Replace("to do the second thing, taking into account considering c)", "to publish the guidelines")
            .Replace("to do the third thing", "to keep the register of experts up to date")
            .Replace("to do the fourth thing, as set out in resolves 3", "to hold the meetings set out in resolves 3")
            .Replace("to act on resolves 4 and on paragraph 3 of resolves", "to fund the register referred to in paragraph 3 of resolves"));

        var merge = Merger.Merge(new[] { first, second });
        var texts = merge.Resolution.Clauses().ToDictionary(c => c.Address, c => c.Clause.Text);

        // WTSA-5 resolves 3 became resolves 7 of the merged text; its references follow it.
        Assert.Equal("to keep the register of experts up to date;", texts["PP-999/resolves/7"]);
        Assert.Equal("to hold the meetings set out in resolves 7,", texts["PP-999/resolves/8"]);
        Assert.Equal("to fund the register referred to in paragraph 7 of resolves,", texts["PP-999/instructs-secretary-general/4"]);
    }

    [Fact]
    public void Merge_WithAThresholdOfOne_ShouldFoldOnlyIdenticalWording()
    {
        var merge = Merger.Merge(new[] { StreamlineSamples.Sample("pp-191.txt"), StreamlineSamples.Sample("wtsa-18.txt") }, new MergeOptions { SimilarityThreshold = 1.01 });

        Assert.DoesNotContain(merge.Account, e => e.Disposition == MergeDisposition.Folded && !e.Reason.Contains("same instrument"));
    }

    [Fact]
    public void Merge_WithOptions_ShouldUseTheGivenIdentity()
    {
        var options = new MergeOptions
        {
            Revision = new Revision("Doha", 2026, true),
            ConferenceFormula = "The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),",
        };

        var merge = Merger.Merge(new[] { StreamlineSamples.Sample("pp-191.txt"), StreamlineSamples.Sample("wtsa-18.txt") }, options);

        Assert.Equal("RESOLUTION 191 (REV. DOHA, 2026)", ResolutionTextWriter.TitleLineOf(merge.Resolution));
        Assert.Null(merge.Resolution.TitleLine);
        Assert.Equal("ANNEX TO RESOLUTION 191 (REV. DOHA, 2026)", Assert.Single(merge.Resolution.Annexes).Heading);
    }

    [Theory]
    [InlineData("pp-123.txt", "wtsa-44.txt")]
    [InlineData("pp-175.txt", "wtdc-58.txt")]
    public void MergingTheOtherOverlappingSamples_ShouldAccountForEveryClause(string first, string second)
    {
        var inputs = new[] { StreamlineSamples.Sample(first), StreamlineSamples.Sample(second) };

        var merge = Merger.Merge(inputs);

        Assert.Equal(inputs.Sum(r => r.Clauses().Count()), merge.Account.Count);
        Assert.Contains(merge.Account, e => e.Disposition == MergeDisposition.Folded);
        var read = ResolutionTextReader.Read(ResolutionTextWriter.Write(merge.Resolution));
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }
}
