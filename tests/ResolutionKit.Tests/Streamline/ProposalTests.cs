using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Merge;
using ResolutionKit.Model;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

public class ProposalTests
{
    internal static readonly IReadOnlyDictionary<string, string> Rationales = new Dictionary<string, string>
    {
        // As in rules/RK5001.past-event.json and rules/RK6001.several-reports.json.
        ["RK5001"] = "Instructions tied to a conference or session that has already met are spent; they are either completed (delete them) or recurring (refer to \"the next plenipotentiary conference\").",
        ["RK6001"] = "Several reporting requests in one resolution multiply documents for the Council and the conference; one periodic report covering the whole resolution serves the same purpose.",
    };

    /// <summary>pp-191 merged with wtsa-18, then streamlined with two fixes as the rules would propose them.</summary>
    internal static (MergeResult Merge, FixResult Streamlined) MergeAndStreamline()
    {
        var merge = Merger.Merge(new[] { StreamlineSamples.Sample("pp-191.txt"), StreamlineSamples.Sample("wtsa-18.txt") });
        var r = merge.Resolution;
        string Text(string address) => r.Clauses().Single(c => c.Address == address).Clause.Text;
        const string Directors = "PP-191/instructs-directors/";
        const string Tail = "the results obtained through the inter-Sector coordination mechanisms";
        var report = Text(Directors + "2");
        var fixes = new[]
        {
            new Fix("Delete the instruction to report to a conference that has taken place", EquatableArray.Create<ModelEdit>(new DeleteClause(Directors + "3", "the Plenipotentiary Conference (Bucharest, 2022) has taken place") { OldText = Text(Directors + "3") }), true) { RuleId = "RK5001" },
            new Fix(
                "Combine the annual reports to the Council",
                EquatableArray.Create<ModelEdit>(
                    new ReplaceText(Directors + "2", report.IndexOf(Tail, System.StringComparison.Ordinal), Tail.Length, Tail + " and any overlaps they have identified", Tail),
                    new DeleteClause(Directors + "4", "combined with the annual report in instructs the Directors of the three Bureaux 2") { OldText = Text(Directors + "4") }),
                true) { RuleId = "RK6001" },
        };
        return (merge, FixApplier.Apply(r, fixes));
    }

    private static ProposalOptions Options => new ProposalOptions { Source = "XXX", Document = "12", Heading = "Proposals for the work of the conference" }.WithRationales(Rationales);

    [Fact]
    public void MergeAndStreamlineProposal_ShouldMatchTheGoldenMarkdownAndText()
    {
        var (merge, streamlined) = MergeAndStreamline();
        Assert.Equal(2, streamlined.Applied.Count);

        var units = ProposalUnit.FromMerge(merge, streamlined);

        StreamlineSamples.Golden("proposal-pp-191-wtsa-18.md", ProposalWriter.ToMarkdown(units, Options));
        StreamlineSamples.Golden("proposal-pp-191-wtsa-18.txt", ProposalWriter.ToPlainText(units, Options));
    }

    [Fact]
    public void FromMerge_ShouldModifyTheRevisedResolutionAndSuppressTheOther()
    {
        var (merge, streamlined) = MergeAndStreamline();

        var units = ProposalUnit.FromMerge(merge, streamlined);

        Assert.Equal(new[] { ProposalAction.Mod, ProposalAction.Sup }, units.Select(u => u.Action));
        Assert.Equal(new[] { "RK5001", "RK6001" }, units[0].RuleIds);
        Assert.Equal("WTSA-18", units[1].Subject.Address);
        var text = ProposalWriter.ToPlainText(units, Options);
        Assert.StartsWith("Proposals for the work of the conference\n\nMOD\tXXX/12/1\n", text);
        Assert.Contains("\nSUP\tXXX/12/2\n", text);
    }

    [Fact]
    public void Reasons_ShouldComeFromTheRationaleOfEachRuleAndTheMerge()
    {
        var (merge, streamlined) = MergeAndStreamline();
        var unit = ProposalUnit.FromMerge(merge, streamlined)[0];

        var reasons = ProposalWriter.ReasonsOf(unit, Options);

        Assert.StartsWith("Merged with Resolution 18 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly", reasons[0]);
        Assert.Contains("duplicated clauses folded", reasons[0]);
        Assert.Contains(Rationales["RK5001"] + " (RK5001)", reasons);
        Assert.Contains(Rationales["RK6001"] + " (RK6001)", reasons);
    }

    [Fact]
    public void ARuleWithoutRationale_ShouldStillBeNamed()
    {
        var small = StreamlineSamples.Small;
        var fix = new Fix("delete", EquatableArray.Create<ModelEdit>(new DeleteClause("PP-999/resolves/1", "done")), true) { RuleId = "RK9999" };
        var unit = ProposalUnit.FromFixes(small, FixApplier.Apply(small, new[] { fix }));

        var reasons = ProposalWriter.ReasonsOf(unit, new ProposalOptions { Rationale = _ => null });

        Assert.Equal(ProposalAction.Mod, unit.Action);
        Assert.Equal(new[] { "Streamlined in accordance with RK9999." }, reasons);
    }

    [Fact]
    public void FixesThatChangeNothing_ShouldGiveANocUnit()
    {
        var small = StreamlineSamples.Small;

        var unit = ProposalUnit.FromFixes(small, FixApplier.Apply(small, System.Array.Empty<Fix>()));
        var text = ProposalWriter.ToPlainText(new[] { unit }, new ProposalOptions { Source = "EUR", Document = "3", FirstSequence = 7 });

        Assert.Equal(ProposalAction.Noc, unit.Action);
        Assert.Equal("NOC\tEUR/3/7\n\nRESOLUTION 999 (REV. BUCHAREST, 2022)\nTest subject\n\nReasons:\tNo change is needed.\n", text);
    }

    [Fact]
    public void AnAddUnit_ShouldShowTheWholeTextUnmarked()
    {
        var unit = ProposalUnit.AddNew(StreamlineSamples.Small, "A new resolution is needed.");

        var markdown = ProposalWriter.ToMarkdown(new[] { unit });

        Assert.StartsWith("## ADD\tXXX/1/1\n\nRESOLUTION 999 (REV. BUCHAREST, 2022)\n", markdown);
        Assert.DoesNotContain("**", markdown.Replace("**Reasons:**", string.Empty));
        Assert.Contains("to contribute to the fund.", markdown);
        Assert.EndsWith("**Reasons:** A new resolution is needed.\n", markdown);
    }

    [Fact]
    public void ProposalOutput_ShouldBeDeterministic()
    {
        var (merge, streamlined) = MergeAndStreamline();
        var again = MergeAndStreamline();

        Assert.Equal(
            ProposalWriter.ToMarkdown(ProposalUnit.FromMerge(merge, streamlined), Options),
            ProposalWriter.ToMarkdown(ProposalUnit.FromMerge(again.Merge, again.Streamlined), Options));
    }
}
