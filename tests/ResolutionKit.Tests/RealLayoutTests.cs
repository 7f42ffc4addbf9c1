using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Phrases;
using ResolutionKit.Reading;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// The reader on texts in the layouts users have (<c>Fixtures/</c>, written for the project in the shape of real ITU
/// texts of every body, in all six languages; see <c>Fixtures/README.md</c>):
/// the six language versions of one resolution read to the same structure; each language's PDF, web and flattened
/// copies read to the same model as its clean text; title lines of every body and language give the right identity;
/// every layout fixture matches its reviewed golden outline and loses no line.
/// </summary>
public class RealLayoutTests
{
    private static readonly string Fixtures = Path.Combine(TestPaths.Root, "tests", "ResolutionKit.Tests", "Fixtures");

    public static readonly string[] Languages = { "en", "fr", "es", "ru", "ar", "zh" };

    private static ParseResult<Resolution> Read(string relative) => ResolutionTextReader.ReadFile(Path.Combine(Fixtures, relative));

    public static TheoryData<string> LanguageData() => new(Languages);

    // ----- The six language versions of one resolution -----

    [Theory]
    [MemberData(nameof(LanguageData))]
    public void ParallelText_ShouldReadCleanlyInItsLanguage(string language)
    {
        var result = Read($"parallel/{language}.txt");

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity > DiagnosticSeverity.Hidden);
        Assert.Equal(language, result.Value!.Language);
        Assert.Equal("PP-154", result.Value.Address);
        Assert.Equal(new Revision("Bucharest", 2022, true), result.Value.Revision);
    }

    [Fact]
    public void SixLanguageVersions_ShouldShareAddressesClauseCountsRevisionAndHistory()
    {
        var english = Read("parallel/en.txt").Value!;
        foreach (var language in Languages.Skip(1))
        {
            var other = Read($"parallel/{language}.txt").Value!;
            Assert.Equal(english.Id, other.Id);
            Assert.Equal(english.Revision, other.Revision);
            Assert.Equal(english.History, other.History);
            Assert.Equal(english.GroupNodes().Select(g => g.Address), other.GroupNodes().Select(g => g.Address));
            Assert.Equal(english.Clauses().Select(c => c.Address), other.Clauses().Select(c => c.Address));
            Assert.Equal(english.Groups.Select(g => g.Kind + ":" + string.Join(",", g.Actors.Select(a => a.Key))), other.Groups.Select(g => g.Kind + ":" + string.Join(",", g.Actors.Select(a => a.Key))));
            Assert.Equal(english.Footnotes.Select(f => f.Marker), other.Footnotes.Select(f => f.Marker));
            Assert.Equal(english.Annexes.Count, other.Annexes.Count);
        }
    }

    // ----- Messy copies read to the model of the clean text -----

    public static TheoryData<string, string> CopyData()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages)
        {
            foreach (var layout in new[] { "pdf", "web", "flat" })
            {
                data.Add(language, layout);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CopyData))]
    public void Copy_ShouldReadToTheModelOfTheCleanText(string language, string layout)
    {
        var clean = Read($"parallel/{language}.txt").Value!;
        var result = Read($"{language}/{layout}.txt");
        var copy = result.Value!;

        // A flattened copy loses the line breaks that separate an annex's title from its paragraphs: its annex is
        // compared as one text. Everything else must be the same.
        Assert.Equal(Dump(clean, layout == "flat"), Dump(copy, layout == "flat"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(CopyData))]
    public void Copy_ShouldReportWhatItRemovedOrRecovered(string language, string layout)
    {
        var result = Read($"{language}/{layout}.txt");
        var visible = result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden).Select(d => d.Id).ToList();

        switch (layout)
        {
            case "pdf":
                Assert.Contains("RK0004", visible); // page numbers and running heads, shown
                Assert.Contains(result.Diagnostics, d => d.Id == "RK0015"); // the glued footnote digit, read as a marker
                break;
            case "web":
                Assert.Contains("RK0004", visible); // the page's navigation line
                break;
            case "flat":
                Assert.Contains("RK0012", visible); // the run-together text
                break;
        }
    }

    // ----- Title lines of every body, kind and language -----

    public static TheoryData<string, string, string, string, string, string> TitleData()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Fixtures, "titles.tsv")).Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4], f[5]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TitleData))]
    public void TitleLine_ShouldGiveBodyKindNumberAndRevision(string language, string title, string body, string kind, string number, string revision)
    {
        var result = ResolutionTextReader.Read(title + "\n", null, new ReaderOptions { Phrases = PhraseTable.ForLanguage(language) });
        var r = result.Value!;

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ReadingDiagnostics.MissingTitle.Id);
        Assert.Equal(body == "?" ? Body.Unknown.Code : body, r.Id.Body.Code);
        Assert.Equal(kind, r.Id.Kind.ToString());
        Assert.Equal(number, r.Id.Number);
        Assert.Equal(revision == "-" ? null : revision, r.Revision?.ToString());
    }

    // ----- Layout fixtures: golden outlines, identity, nothing lost -----

    public static TheoryData<string> LayoutData()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "layouts"), "*.txt", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Fixtures, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LayoutData))]
    public void LayoutFixture_ShouldMatchItsReviewedOutline(string relative)
    {
        var results = ResolutionTextReader.ReadAllFile(Path.Combine(Fixtures, relative));
        var outline = string.Join("\n", results.Select(r => Outline(r, relative))) + "\n";
        var golden = Path.ChangeExtension(Path.Combine(Fixtures, relative), ".outline");
        if (TestPaths.UpdateGolden)
        {
            File.WriteAllText(golden, outline);
        }

        Assert.True(File.Exists(golden), "Missing golden outline " + golden + "; run the tests with RESKIT_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(golden).Replace("\r\n", "\n", StringComparison.Ordinal), outline);
    }

    [Theory]
    [MemberData(nameof(LayoutData))]
    public void LayoutFixture_ShouldBeIdentifiedAndLoseNoLine(string relative)
    {
        var path = Path.Combine(Fixtures, relative);
        var results = ResolutionTextReader.ReadAllFile(path);

        Assert.All(results, r => Assert.NotNull(r.Value));
        Assert.All(results, r => Assert.NotEqual(Body.Unknown, r.Value!.Id.Body));
        Assert.All(results, r => Assert.DoesNotContain(r.Diagnostics, d => d.Id == ReadingDiagnostics.MissingTitle.Id));
        Assert.Empty(TextCoverage.LostLines(File.ReadAllText(path), results));
    }

    [Theory]
    [MemberData(nameof(CopyData))]
    public void Copy_ShouldLoseNoLine(string language, string layout)
    {
        var path = Path.Combine(Fixtures, language, layout + ".txt");
        Assert.Empty(TextCoverage.LostLines(File.ReadAllText(path), ResolutionTextReader.ReadAllFile(path)));
    }

    // ----- Helpers -----

    /// <summary>The model as lines to compare: identity, revision, history, groups, clauses (text folded: widths, spaces), footnotes, annexes.</summary>
    private static List<string> Dump(Resolution r, bool annexAsOneText)
    {
        var lines = new List<string>
        {
            $"{r.Address} {r.Id.Kind} {r.Revision} [{r.Language}]",
            "title: " + Fold(r.Title),
            "history: " + string.Join("; ", r.History),
        };
        lines.AddRange(r.GroupNodes().Select(g => $"group {g.Address} {g.Group.Part} {g.Group.Kind} [{string.Join(",", g.Group.Actors.Select(a => a.Key))}]"));
        lines.AddRange(r.Clauses().Select(c => $"{c.Address} {c.Clause.Label} {Fold(c.Clause.Text)}"));
        lines.AddRange(r.Footnotes.Select(f => $"footnote {f.Marker} {Fold(f.Text)}"));
        foreach (var a in r.Annexes)
        {
            if (annexAsOneText)
            {
                lines.Add($"annex {Fold(a.Heading)} {Fold((a.Title ?? string.Empty) + string.Concat(a.Paragraphs.Select(p => p.Text)))}");
            }
            else
            {
                lines.Add($"annex {Fold(a.Heading)} / {Fold(a.Title ?? string.Empty)}");
                lines.AddRange(a.Paragraphs.Select(p => "  " + Fold(p.Text)));
            }
        }

        return lines;
    }

    /// <summary>Text compared across copies: folded widths and punctuation, no whitespace (copies insert and drop spaces).</summary>
    private static string Fold(string text) => Regex.Replace(PhraseTable.Normalize(text), @"\s+", string.Empty);

    private static string Outline(ParseResult<Resolution> result, string relative)
    {
        var sb = new StringBuilder();
        var r = result.Value;
        if (r is null)
        {
            sb.Append("(nothing read)\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Address}  {r.Id.Kind} {r.Id.Number}  revision: {r.Revision?.ToString() ?? "-"}  body: {r.Id.Body.Code}  language: {r.Language}\n");
            sb.Append("title: ").Append(r.Title).Append('\n');
            if (!r.History.IsEmpty)
            {
                sb.Append("history: ").Append(string.Join("; ", r.History)).Append('\n');
            }

            if (r.ConferenceFormula is not null)
            {
                sb.Append("formula: ").Append(r.ConferenceFormula).Append('\n');
            }

            foreach (var g in r.GroupNodes())
            {
                sb.Append(CultureInfo.InvariantCulture, $"{g.Group.Part.ToString().ToLowerInvariant()} {g.Address} \"{g.Group.Heading}\"{(g.Group.Actors.IsEmpty ? string.Empty : " -> " + string.Join(", ", g.Group.Actors.Select(a => a.Key)))}\n");
                foreach (var c in r.Clauses().Where(c => c.Group.Address == g.Address))
                {
                    var text = c.Clause.Text;
                    sb.Append(new string(' ', 2 + (2 * c.Depth))).Append(c.Clause.Label.Length == 0 ? "-" : c.Clause.Label).Append(' ').Append(text.Length > 70 ? text.Substring(0, 70) + "…" : text).Append('\n');
                }
            }

            foreach (var f in r.Footnotes)
            {
                sb.Append("footnote ").Append(f.Marker).Append(": ").Append(f.Text.Length > 70 ? f.Text.Substring(0, 70) + "…" : f.Text).Append('\n');
            }

            foreach (var a in r.Annexes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"annex: {a.Heading} / {a.Title ?? "-"} ({a.Paragraphs.Count} paragraph(s))\n");
            }

            foreach (var p in r.Unplaced)
            {
                sb.Append("kept: ").Append(p.Text.Length > 70 ? p.Text.Substring(0, 70) + "…" : p.Text).Append('\n');
            }
        }

        foreach (var d in result.Diagnostics)
        {
            var message = d.Message.Length > 110 ? d.Message.Substring(0, 110) + "…" : d.Message;
            sb.Append(CultureInfo.InvariantCulture, $"{d.Location.Span?.Line}:{d.Location.Span?.Column} {d.Severity.Name()} {d.Id}: {message.Replace(Path.Combine(Fixtures, relative), relative, StringComparison.Ordinal)}\n");
        }

        return sb.ToString();
    }
}
