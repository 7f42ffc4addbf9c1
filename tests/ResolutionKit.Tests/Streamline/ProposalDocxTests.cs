using System;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResolutionKit.Reading.Documents;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

/// <summary>The proposal as a conference receives it, as a Word document.</summary>
public sealed class ProposalDocxTests : IDisposable
{
    private static readonly RedlineDocxOptions Docx = new() { Author = "Drafting group", Date = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) };
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-proposal-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static (ProposalUnit[] Units, ProposalOptions Options) MergeProposal()
    {
        var (merge, streamlined) = ProposalTests.MergeAndStreamline();
        var options = new ProposalOptions { Source = "EUR", Document = "12" }.WithRationales(ProposalTests.Rationales);
        return (ProposalUnit.FromMerge(merge, streamlined).ToArray(), options);
    }

    [Fact]
    public void EachUnit_ShouldHaveItsHeaderTrackedChangesAndReasons_AndTheSameInputTheSameBytes()
    {
        var (units, options) = MergeProposal();
        var comment = new ProposalComment(units[0].Revised!.Clauses().First(c => c.Group.Group.Part == Model.Part.Operative).Address, "RK6001", "Another report is requested", "One periodic report serves the same purpose.");

        var bytes = ProposalDocx.ToBytes(units, options, Docx, new[] { comment });

        Assert.Equal(bytes, ProposalDocx.ToBytes(units, options, Docx, new[] { comment }));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headers = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "ProposalUnit").Select(p => p.InnerText).ToList();
        Assert.Equal(new[] { "MODEUR/12/1", "SUPEUR/12/2" }, headers);
        Assert.NotEmpty(body.Descendants<InsertedRun>());
        Assert.NotEmpty(body.Descendants<DeletedRun>());
        Assert.All(body.Descendants<InsertedRun>(), i => Assert.Equal("Drafting group", i.Author!.Value));
        var reasons = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "ProposalReasons").Select(p => p.InnerText).ToList();
        Assert.StartsWith("Reasons:", reasons[0], StringComparison.Ordinal);
        Assert.Contains(reasons, r => r.Contains("(RK6001)", StringComparison.Ordinal));

        // The comment is anchored to its clause and says the rule, the finding and why.
        var commentText = document.MainDocumentPart.WordprocessingCommentsPart!.Comments!.Elements<Comment>().Single().InnerText;
        Assert.Contains("RK6001: Another report is requested", commentText);
        var anchored = body.Elements<Paragraph>().Single(p => p.Elements<CommentRangeStart>().Any());
        Assert.Contains(units[0].Revised!.Clauses().Single(c => c.Address == comment.Address).Clause.Text.Substring(0, 20), anchored.InnerText);
    }

    [Fact]
    public void AMergedProposalWithAFootnote_ShouldCarryARealFootnote()
    {
        var (units, options) = MergeProposal();

        using var document = WordprocessingDocument.Open(new MemoryStream(ProposalDocx.ToBytes(units, options, Docx)), false);

        var notes = document.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id!.Value > 0).ToList();
        Assert.NotEmpty(notes);
        Assert.Contains("least developed countries", notes[0].InnerText);
        var references = document.MainDocumentPart.Document!.Body!.Descendants<FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Contains(notes[0].Id!.Value, references);
        Assert.DoesNotContain("¹", document.MainDocumentPart.Document.Body.Descendants<Text>().Select(t => t.Text).Where(t => t.Length > 0).Aggregate((a, b) => a + b));
    }

    [Fact]
    public void TheProposalDocument_ReadBack_ShouldGiveTheRevisedTextAsProposedAndTheTextInForceAsOriginal()
    {
        var original = StreamlineSamples.Sample("pp-154.txt");
        var chairman = original.Clauses().Single(c => c.Clause.Text.Contains("chairman", StringComparison.Ordinal));
        var revised = Fixes.FixApplier.Apply(original, new[]
        {
            new Fixes.Fix("chair", Collections.EquatableArray.Create<Fixes.ModelEdit>(new Fixes.ReplaceText(chairman.Address, chairman.Clause.Text.IndexOf("chairman", StringComparison.Ordinal), 8, "chair", "chairman")), true) { RuleId = "RK8001" },
        }).Resolution;
        var path = Path.Combine(_folder, "proposal.docx");
        File.WriteAllBytes(path, ProposalDocx.ToBytes(new[] { ProposalUnit.Modify(original, revised, "Gender-neutral language.") }, new ProposalOptions { Source = "EUR" }, Docx));

        var proposed = DocumentReader.ReadAllFile(path).Single().Value!;
        var inForce = DocumentReader.ReadAllFile(path, version: DocumentVersion.Original).Single().Value!;

        Assert.Equal(ResolutionTextWriter.Write(revised with { Unplaced = default }), ResolutionTextWriter.Write(proposed with { Unplaced = default }));
        Assert.Equal(ResolutionTextWriter.Write(original with { Unplaced = default }), ResolutionTextWriter.Write(inForce with { Unplaced = default }));
    }

    [Fact]
    public void TheProposalAsJson_ShouldMatchItsGoldenFile_AndCarryEachUnitsProposedText()
    {
        var (units, options) = MergeProposal();

        var json = ProposalWriter.ToJson(units, options);

        StreamlineSamples.Golden("merge-proposal.json", json);
        var parsed = Newtonsoft.Json.Linq.JObject.Parse(json);
        Assert.Equal("EUR/12", (string?)parsed["identifier"]);
        var mod = parsed["units"]![0]!;
        Assert.Equal("MOD", (string?)mod["action"]);
        var proposed = ResolutionJson.Read(mod["proposed"]!.ToString(), "unit.json").Value!;
        Assert.Equal(ResolutionTextWriter.Write(units[0].Revised!), ResolutionTextWriter.Write(proposed));
        Assert.Null(parsed["units"]![1]!["proposed"]!.ToObject<object>());
    }

    public static System.Collections.Generic.IEnumerable<object[]> Samples() => TestPaths.Samples.Select(x => new object[] { x.Name });

    [Theory]
    [MemberData(nameof(Samples))]
    public void AResolutionWrittenToWordAndReadBack_ShouldBeTheSameResolution(string name)
    {
        var path = TestPaths.Samples.Single(x => x.Name == name).FullPath;
        foreach (var resolution in Reading.ResolutionTextReader.ReadAll(File.ReadAllText(path), path).Select(r => r.Value!))
        {
            var docx = Path.Combine(_folder, name + ".docx");
            File.WriteAllBytes(docx, RedlineDocx.ToBytes(Redline.Unchanged(resolution), Docx));

            var back = DocumentReader.ReadAllFile(docx).Single().Value!;

            Assert.Equal(ResolutionTextWriter.Write(resolution with { Unplaced = default }), ResolutionTextWriter.Write(back with { Unplaced = default }));
        }
    }

    [Fact]
    public void EveryWordDocumentWeWrite_ShouldHaveNoErrorsForTheOpenXmlValidator()
    {
        var (units, options) = MergeProposal();
        var comment = new ProposalComment(units[0].Revised!.Clauses().First().Address, "RK6001", "Another report is requested", "Why.");
        var documents = new[]
        {
            ProposalDocx.ToBytes(units, options, Docx, new[] { comment }),
            RedlineDocx.ToBytes(Redline.Compare(units[0].Original!, units[0].Revised!), Docx),
        };

        foreach (var bytes in documents)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path?.XPath + ": " + e.Description)));
        }
    }

    [Fact]
    public void AProposalForTheNextConference_ShouldNameItsRevisionInTheTitleHistoryAndFormula()
    {
        var pp154 = StreamlineSamples.Sample("pp-154.txt");

        var revised = Revising.AtRevision(pp154, Model.Revision.TryParse("Rev. Doha, 2026")!);

        var text = ResolutionTextWriter.Write(revised);
        Assert.StartsWith("RESOLUTION 154 (REV. DOHA, 2026)\n", text, StringComparison.Ordinal);
        Assert.Contains("Rev. Bucharest, 2022; Rev. Doha, 2026)", text);
        Assert.Contains("The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),", text);
        Assert.Equal(revised.History, Revising.AtRevision(revised, revised.Revision!).History);
    }

    [Fact]
    public void AThreeUnitProposalInWord_ShouldReadBackUnitByUnit()
    {
        var pp154 = StreamlineSamples.Sample("pp-154.txt");
        var chairman = pp154.Clauses().Single(c => c.Clause.Text.Contains("chairman", StringComparison.Ordinal));
        var revised = Fixes.FixApplier.Apply(pp154, new[]
        {
            new Fixes.Fix("chair", Collections.EquatableArray.Create<Fixes.ModelEdit>(new Fixes.ReplaceText(chairman.Address, chairman.Clause.Text.IndexOf("chairman", StringComparison.Ordinal), 8, "chair", "chairman")), true) { RuleId = "RK8001" },
        }).Resolution;
        var units = new[]
        {
            ProposalUnit.Modify(pp154, revised, "Gender-neutral language."),
            ProposalUnit.AddNew(StreamlineSamples.Sample("pp-175.txt"), "A new resolution on accessibility."),
            ProposalUnit.Suppress(StreamlineSamples.Sample("pp-70.txt"), "Merged into Resolution 154."),
        };
        var path = Path.Combine(_folder, "three-units.docx");
        File.WriteAllBytes(path, ProposalDocx.ToBytes(units, new ProposalOptions { Source = "ACP", Document = "64A1" }, Docx));

        var proposal = Reading.Proposals.ProposalReader.ReadFile(path).Value!;

        Assert.Equal("ACP/64A1", proposal.Identifier);
        Assert.Equal(new[] { ProposalAction.Mod, ProposalAction.Add, ProposalAction.Sup }, proposal.Units.Select(u => u.Action));
        Assert.Equal(new[] { "ACP/64A1/1", "ACP/64A1/2", "ACP/64A1/3" }, proposal.Units.Select(u => u.Identifier));
        Assert.Equal(new[] { "PP-154", "PP-175", "PP-70" }, proposal.Units.Select(u => u.Concerns));
        Assert.Equal(new[] { chairman.Address }, proposal.Units[0].Changed);
        Assert.Equal(ResolutionTextWriter.Write(pp154 with { Unplaced = default }), ResolutionTextWriter.Write(proposal.Units[0].InForce! with { Unplaced = default }));
        Assert.Equal(ResolutionTextWriter.Write(units[1].Revised! with { Unplaced = default }), ResolutionTextWriter.Write(proposal.Units[1].Proposed! with { Unplaced = default }));
        Assert.Null(proposal.Units[2].Proposed);
        Assert.Equal(new[] { "Gender-neutral language.", "A new resolution on accessibility.", "Merged into Resolution 154." }, proposal.Units.Select(u => u.Reasons[0]));
    }
}
