using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Reading.Documents;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Documents;

/// <summary>Word documents read to the same resolutions as their text, in every language, with Word's own numbering, footnotes and tracked changes.</summary>
public sealed class DocxReadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-docx-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    public static IEnumerable<object[]> Texts() =>
        TestPaths.Samples.Where(s => s.RelativePath.StartsWith("samples/corpus/", StringComparison.Ordinal)).Select(s => s.RelativePath)
            .Concat(new[] { "fr", "es", "ru", "ar", "zh" }.Select(l => $"tests/ResolutionKit.Tests/Fixtures/parallel/{l}.txt"))
            .SelectMany(p => new[] { new object[] { p, false }, new object[] { p, true } });

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void AWordDocument_ShouldReadToTheResolutionsOfItsText(string relative, bool wordNumbering)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Root, relative));
        var expected = ResolutionTextReader.ReadAll(text, relative).Select(r => ResolutionTextWriter.Write(r.Value!)).ToList();
        var path = Save(Path.GetFileNameWithoutExtension(relative) + ".docx", DocxBuilder.Build(text, wordNumbering, header: "PP-22 – Resolution"));

        var read = ResolutionTextReader.ReadAllFile(path);

        Assert.Equal(expected, read.Select(r => r.Value is null ? "(none)" : ResolutionTextWriter.Write(r.Value)).ToList());
        Assert.DoesNotContain(read.SelectMany(r => r.Diagnostics), d => d.Severity >= Diagnostics.DiagnosticSeverity.Warning && d.Id != "RK0011");
        Assert.All(read, r => Assert.Equal(path, r.Value!.SourcePath));
    }

    [Fact]
    public void TrackedChanges_ShouldGiveTheProposedAndTheOriginalText()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, "pp-154.txt"));
        var path = Save("pp-154-proposal.docx", DocxBuilder.Build(text, true, new DocxBuilder.TrackedChange("chairman", "chair")));

        var proposed = DocumentReader.ReadAllFile(path).Single();
        var original = DocumentReader.ReadAllFile(path, version: DocumentVersion.Original).Single();

        var clause = "PP-154/instructs-council/2";
        Assert.Contains("the chair of the Council Working Group", proposed.Value!.Clauses().Single(c => c.Address == clause).Clause.Text);
        Assert.Contains("the chairman of the Council Working Group", original.Value!.Clauses().Single(c => c.Address == clause).Clause.Text);
        var note = Assert.Single(proposed.Diagnostics, d => d.Id == "RK0021");
        Assert.Contains("2 tracked change(s)", note.Message);
        Assert.Contains("proposed text", note.Message);
        Assert.Equal(ResolutionTextWriter.Write(ResolutionTextReader.Read(text).Value!), ResolutionTextWriter.Write(original.Value!));
    }

    [Fact]
    public void ALocation_ShouldBeTheParagraphOfTheDocument()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, "pp-154.txt"));
        var path = Save("pp-154.docx", DocxBuilder.Build(text, true));

        var resolution = ResolutionTextReader.ReadAllFile(path).Single().Value!;

        // Paragraph 35 of the document is line 35 of the text (the numbered clause about the chair).
        var clause = resolution.Clauses().Single(c => c.Clause.Text.Contains("chairman", StringComparison.Ordinal));
        Assert.Equal(35, clause.Clause.Span!.Line);
        Assert.Equal(35, ResolutionTextReader.ReadAll(text).Single().Value!.Clauses().Single(c => c.Clause.Text.Contains("chairman", StringComparison.Ordinal)).Clause.Span!.Line);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated zip")]
    public void ADamagedDocument_ShouldBeAReadingErrorOfThatFile(string content)
    {
        var path = Save("damaged.docx", System.Text.Encoding.UTF8.GetBytes(content));

        var result = Assert.Single(ResolutionTextReader.ReadAllFile(path));

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("RK0008", error.Id);
        Assert.Equal(path, error.Location.Path);
        Assert.Contains("Word (.docx) document could not be read", error.Message);
    }
}
