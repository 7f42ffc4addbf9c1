using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Reading.Documents;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Documents;

/// <summary>PDF copies in the Final Acts layout read to the same resolutions as their text: running heads, page numbers and footnote markers are told from the layout.</summary>
public sealed class PdfReadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-pdf-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    public static IEnumerable<object[]> Texts() =>
        TestPaths.Samples.Where(s => s.RelativePath.StartsWith("samples/corpus/", StringComparison.Ordinal)).Select(s => new object[] { s.RelativePath })
            .Concat(new[] { "fr", "es", "ru", "ar" }.Select(l => new object[] { $"tests/ResolutionKit.Tests/Fixtures/parallel/{l}.txt" }));

    [PdfFontTheory]
    [MemberData(nameof(Texts))]
    public void APdfInTheFinalActsLayout_ShouldReadToTheResolutionsOfItsText(string relative)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Root, relative));

        // PdfPig's writer does not place Arabic vowel marks over their letters as a shaping engine does; the Arabic
        // copy is typeset without them (ITU Arabic texts use them rarely: a shadda here and there).
        text = new string(text.Where(c => !(c is >= '\u064B' and <= '\u0652')).ToArray());
        var expected = ResolutionTextReader.ReadAll(text, relative).Select(r => ResolutionTextWriter.Write(r.Value!)).ToList();
        var path = Path.Combine(_folder, Path.GetFileNameWithoutExtension(relative) + ".pdf");
        File.WriteAllBytes(path, PdfBuilder.Build(text, "PP-22 – Resolution " + Path.GetFileNameWithoutExtension(relative)));

        var read = ResolutionTextReader.ReadAllFile(path);

        Assert.Equal(expected, read.Select(r => r.Value is null ? "(none)" : ResolutionTextWriter.Write(r.Value)).ToList());
        var furniture = Assert.Single(read.SelectMany(r => r.Diagnostics), d => d.Id == "RK0004" && d.Severity > Diagnostics.DiagnosticSeverity.Hidden);
        Assert.Contains("running head(s), footer(s) and page number(s)", furniture.Message);
    }

    [PdfFontTheory]
    [InlineData("pp-154.txt", "pp-191.txt", "wtsa-18.txt")]
    public void AFinalActsPdf_ShouldBeSplitIntoItsInstruments(params string[] names)
    {
        var texts = names.Select(n => File.ReadAllText(Path.Combine(TestPaths.Corpus, n))).ToList();
        var expected = texts.SelectMany(t => ResolutionTextReader.ReadAll(t).Select(r => ResolutionTextWriter.Write(r.Value!))).ToList();
        var path = Path.Combine(_folder, "final-acts.pdf");
        File.WriteAllBytes(path, PdfBuilder.Build(texts, "Final Acts of the Plenipotentiary Conference"));

        var read = ResolutionTextReader.ReadAllFile(path);

        Assert.Equal(expected, read.Select(r => r.Value is null ? "(none)" : ResolutionTextWriter.Write(r.Value)).ToList());
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")]
    [InlineData("not a pdf")]
    public void ADamagedPdf_ShouldBeAReadingErrorOfThatFile(string content)
    {
        var path = Path.Combine(_folder, "damaged.pdf");
        File.WriteAllText(path, content);

        var result = Assert.Single(ResolutionTextReader.ReadAllFile(path));

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("RK0008", error.Id);
        Assert.Contains("PDF document could not be read", error.Message);
    }
}

/// <summary>The PDFs are typeset with a TrueType font that has every letter of the texts; without one the tests are skipped, saying how to get it.</summary>
public sealed class PdfFontTheoryAttribute : TheoryAttribute
{
    public PdfFontTheoryAttribute()
    {
        if (PdfBuilder.UnicodeFont is null)
        {
            Skip = "no TrueType font with accented Latin and Cyrillic letters to typeset the test PDFs (apt-get install fonts-dejavu-core)";
        }
    }
}
