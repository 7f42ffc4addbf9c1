using System;
using System.IO;
using System.Linq;
using ResolutionKit.Reading.Proposals;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Documents;

/// <summary>Proposals read into their units, from a conference document's layout and from reskit's own proposal text.</summary>
public sealed class ProposalReaderTests
{
    [Fact]
    public void AConferenceProposal_ShouldBeReadIntoItsUnits()
    {
        var path = Path.Combine(TestPaths.Root, "tests", "ResolutionKit.Tests", "Fixtures", "layouts", "en", "h-proposal-pp14-iap-mod-add-sup.txt");

        var proposal = ProposalReader.ReadFile(path).Value!;

        Assert.Equal("IAP/34A1", proposal.Identifier);
        Assert.Equal(new[] { ProposalAction.Mod, ProposalAction.Add, ProposalAction.Sup }, proposal.Units.Select(u => u.Action));
        Assert.Equal(new[] { "IAP/34A1/1", "IAP/34A1/2", "IAP/34A1/3" }, proposal.Units.Select(u => u.Identifier));
        Assert.Equal(new[] { "PP-152", "PP-[IAP-6]", "PP-163" }, proposal.Units.Select(u => u.Concerns));
        Assert.All(proposal.Units, u => Assert.NotEmpty(u.Reasons));
        Assert.StartsWith("To give the Secretary-General flexibility", proposal.Units[0].Reasons[0], StringComparison.Ordinal);
        Assert.Null(proposal.Units[2].Proposed);
        Assert.Equal(14, proposal.Units[0].Span.Line);
    }

    [Fact]
    public void MarkedChanges_ShouldGiveTheProposedTextTheTextBeforeAndWhatChanged()
    {
        var original = Streamline.StreamlineSamples.Sample("pp-154.txt");
        var chairman = original.Clauses().Single(c => c.Clause.Text.Contains("chairman", StringComparison.Ordinal));
        var revised = Fixes.FixApplier.Apply(original, new[]
        {
            new Fixes.Fix("chair", Collections.EquatableArray.Create<Fixes.ModelEdit>(new Fixes.ReplaceText(chairman.Address, chairman.Clause.Text.IndexOf("chairman", StringComparison.Ordinal), 8, "chair", "chairman")), true) { RuleId = "RK8001" },
        }).Resolution;
        var text = ProposalWriter.ToPlainText(new[] { ProposalUnit.Modify(original, revised, "Gender-neutral language.") }, new ProposalOptions { Source = "EUR", Document = "12" });

        var unit = ProposalReader.Read(text, "proposal.txt").Value!.Units.Single();

        Assert.Equal(ProposalAction.Mod, unit.Action);
        Assert.Equal(new[] { chairman.Address }, unit.Changed);
        Assert.Equal(ResolutionTextWriter.Write(revised with { Unplaced = default }), ResolutionTextWriter.Write(unit.Proposed! with { Unplaced = default }));
        Assert.Equal(ResolutionTextWriter.Write(original with { Unplaced = default }), ResolutionTextWriter.Write(unit.InForce! with { Unplaced = default }));
        Assert.Equal(new[] { "Gender-neutral language." }, unit.Reasons.Take(1));
    }
}
