using System;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

public class RedlineTests
{
    private static readonly DateTime Date = new(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    private static RedlineDocument SampleRedline()
    {
        var (merge, streamlined) = ProposalTests.MergeAndStreamline();
        return Redline.Compare(StreamlineSamples.Sample("pp-191.txt"), streamlined.Resolution);
    }

    [Fact]
    public void WordDiff_ShouldMarkChangedWordsOnly()
    {
        var segments = Redline.WordDiff("so that each subject is studied in the Sector best placed to address it", "so that each subject is studied in the Sector best placed to deal with it");

        Assert.Equal(
            new[]
            {
                new RedlineSegment(RedlineSegmentKind.Unchanged, "so that each subject is studied in the Sector best placed to "),
                new RedlineSegment(RedlineSegmentKind.Deleted, "address"),
                new RedlineSegment(RedlineSegmentKind.Inserted, "deal with"),
                new RedlineSegment(RedlineSegmentKind.Unchanged, " it"),
            },
            segments);
    }

    [Fact]
    public void CompareTexts_ToMarkdown_ShouldStrikeDeletionsAndBoldInsertions()
    {
        var redline = Redline.Compare("resolves\n1\tto report annually;\n2\tto report again,", "resolves\n1\tto report every two years,");

        Assert.Equal("resolves\n\n1\tto report ~~annually;~~**every two years,**\n\n~~2\tto report again,~~\n", Redline.ToMarkdown(redline));
        Assert.Equal("resolves\n1\tto report [-annually;-]{+every two years,+}\n[-2\tto report again,-]\n", Redline.ToPlainText(redline));
    }

    [Fact]
    public void CompareResolutions_ShouldCountClausesModifiedAddedAndSuppressed()
    {
        var summary = SampleRedline().Summary;

        Assert.True(summary.ClausesModified > 0);
        Assert.True(summary.ClausesAdded > 0);
        Assert.True(summary.ClausesSuppressed > 0);
        Assert.True(summary.Insertions > 0 && summary.Deletions > 0);
    }

    [Fact]
    public void RedlineOfTheMergedText_ShouldMatchTheGoldenMarkdownAndHtml()
    {
        var redline = SampleRedline();

        StreamlineSamples.Golden("redline-pp-191-merged.md", Redline.ToMarkdown(redline));
        StreamlineSamples.Golden("redline-pp-191-merged.html", Redline.ToHtml(redline));
    }

    [Fact]
    public void Html_ShouldBeSelfContainedWithASummary()
    {
        var html = Redline.ToHtml(SampleRedline());

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.Contains("Summary of changes", html);
        Assert.Contains("<ins>", html);
        Assert.Contains("<del>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("http", html);
    }

    [Fact]
    public void Docx_ShouldBeValidAndCarryRealTrackedChanges()
    {
        var bytes = RedlineDocx.ToBytes(SampleRedline(), new RedlineDocxOptions { Author = "Drafting group", Date = Date });

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path?.XPath + ": " + e.Description)));

        var body = document.MainDocumentPart!.Document!.Body!;
        var insertions = body.Descendants<InsertedRun>().ToList();
        var deletions = body.Descendants<DeletedRun>().ToList();
        Assert.NotEmpty(insertions);
        Assert.NotEmpty(deletions);
        Assert.All(insertions, i => Assert.Equal("Drafting group", i.Author!.Value));
        Assert.All(deletions, d => Assert.Equal(Date, d.Date!.Value));
        Assert.NotEmpty(body.Descendants<DeletedText>());

        // Whole paragraphs added or suppressed have their paragraph mark tracked too.
        Assert.NotEmpty(body.Descendants<ParagraphMarkRunProperties>().SelectMany(p => p.Elements<Inserted>()));
        Assert.NotEmpty(body.Descendants<ParagraphMarkRunProperties>().SelectMany(p => p.Elements<Deleted>()));

        // Revision ids are unique.
        var ids = insertions.Select(i => i.Id!.Value).Concat(deletions.Select(d => d.Id!.Value)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Word keeps tracking further changes.
        Assert.NotNull(document.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<TrackRevisions>());
    }

    [Fact]
    public void Docx_AcceptingEveryChange_ShouldGiveTheNewText()
    {
        var redline = Redline.Compare("first line\nsecond line to go\nthird line", "first changed line\nthird line\nfourth line");
        var bytes = RedlineDocx.ToBytes(redline, new RedlineDocxOptions { Date = Date });

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;

        // Accept: keep inserted runs, drop deleted runs and paragraphs whose mark is deleted.
        var accepted = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is null)
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))
            .ToList();
        var rejected = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Inserted>() is null)
            .Select(p => string.Concat(p.Elements().SelectMany(e => e is InsertedRun ? Enumerable.Empty<string>() : e.Descendants<Text>().Select(t => t.Text).Concat(e.Descendants<DeletedText>().Select(t => t.Text)))))
            .ToList();

        Assert.Equal(new[] { "first changed line", "third line", "fourth line" }, accepted);
        Assert.Equal(new[] { "first line", "second line to go", "third line" }, rejected);
    }

    [Fact]
    public void Docx_ShouldBeByteIdenticalForTheSameInput()
    {
        var options = new RedlineDocxOptions { Author = "A", Date = Date };

        var first = RedlineDocx.ToBytes(SampleRedline(), options);
        var second = RedlineDocx.ToBytes(SampleRedline(), options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Outputs_ShouldBeByteIdenticalForTheSameInput()
    {
        Assert.Equal(Redline.ToHtml(SampleRedline()), Redline.ToHtml(SampleRedline()));
        Assert.Equal(Redline.ToMarkdown(SampleRedline()), Redline.ToMarkdown(SampleRedline()));
    }
}
