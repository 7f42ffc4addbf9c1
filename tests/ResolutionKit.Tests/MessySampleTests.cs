using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// <c>samples/messy/messy-pp-191-from-pdf.txt</c>: a shorter Resolution 191 as pasted from a PDF (CRLF, spaces after
/// labels, non-breaking spaces, hyphenation, page numbers, running headers, a stray clause). Every expected position
/// is found in the raw file with [|markup|], never counted by hand.
/// </summary>
public class MessySampleTests
{
    private static readonly string Raw = File.ReadAllText(TestPaths.MessySample);

    private static readonly ParseResult<Resolution> Result = ResolutionTextReader.Read(Raw, "messy-pp-191-from-pdf.txt");

    private static readonly Resolution Pp191 = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, "pp-191.txt")).Value!;

    private static Resolution Model => Result.Value!;

    private static Clause ClauseAt(string address) => Assert.Single(Model.Clauses(), c => c.Address == address).Clause;

    [Fact]
    public void MessySample_ShouldGiveExactlyTheExpectedDiagnostics()
    {
        var expected = new[]
        {
            (ReadingDiagnostics.Unplaced, Markup.Locate(Raw, "[|3     to report annually to the Council on the results of inter-Sector coordination;|]")),
            (ReadingDiagnostics.Hyphenation, Markup.Locate(Raw, "Telecommuni-\r\n[|cation|] Standardization")),
            (ReadingDiagnostics.PageFurniture, Markup.Locate(Raw, "[|- 1 -|]")),
            (ReadingDiagnostics.PageFurniture, Markup.Locate(Raw, "- 1 -\r\n[|PP-22 – Resolution 191|]")),
            (ReadingDiagnostics.Hyphenation, Markup.Locate(Raw, "coordi-\r\n[|nation|] task")),
            (ReadingDiagnostics.PageFurniture, Markup.Locate(Raw, "[|- 2 -|]")),
            (ReadingDiagnostics.PageFurniture, Markup.Locate(Raw, "- 2 -\r\n[|PP-22 – Resolution 191|]")),
            (ReadingDiagnostics.PageFurniture, Markup.Locate(Raw, "[|- 3 -|]")),
        };

        Assert.Equal(
            expected.Select(e => $"{e.Item1.Id} {e.Item2.Line}:{e.Item2.Column} length {e.Item2.Length}"),
            Result.Diagnostics.Select(d => $"{d.Id} {d.Location.Span!.Line}:{d.Location.Span.Column} length {d.Location.Span.Length}"));
        // The stray clause is a warning; each kind of furniture removed is one visible suggestion (at its first line,
        // naming every line), and each further line removed is reported, hidden, at its own place.
        Assert.Equal(
            new[] { "RK0002 Warning", "RK0004 Suggestion", "RK0004 Suggestion" },
            Result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden).Select(d => d.Id + " " + d.Severity));
        Assert.Contains(Result.Diagnostics, d => d.Id == "RK0004" && d.Severity > DiagnosticSeverity.Hidden && d.Message.Contains("lines 30, 52, 70", System.StringComparison.Ordinal));
        Assert.All(Result.Diagnostics, d => Assert.Equal("messy-pp-191-from-pdf.txt", d.Location.Path));
    }

    [Fact]
    public void StrayClause_ShouldBeKeptAsUnplacedText()
    {
        var paragraph = Assert.Single(Model.Unplaced);
        Assert.StartsWith("3", paragraph.Text, System.StringComparison.Ordinal);
        Assert.EndsWith("to report annually to the Council on the results of inter-Sector coordination;", paragraph.Text, System.StringComparison.Ordinal);
        Assert.Equal(Markup.Locate(Raw, "[|3     to report annually to the Council on the results of inter-Sector coordination;|]"), paragraph.Span);
    }

    [Fact]
    public void MessySample_ShouldHaveTheGroupsAndClausesListedInTheCorpusReadme()
    {
        Assert.Equal(
            new[] { "considering", "recalling", "resolves", "instructs-secretary-general", "instructs-directors", "invites-member-states-sector-members" }.Select(s => "PP-191/" + s),
            Model.GroupNodes().Select(g => g.Address));
        Assert.Equal(
            new[]
            {
                "considering/a", "considering/b", "considering/c", "recalling/a", "recalling/b", "resolves/1", "resolves/2", "resolves/3",
                "instructs-secretary-general/1", "instructs-secretary-general/2", "instructs-secretary-general/2.1", "instructs-secretary-general/2.2",
                "instructs-directors/1", "instructs-directors/2", "invites-member-states-sector-members/(1)",
            }.Select(s => "PP-191/" + s),
            Model.Clauses().Select(c => c.Address));
        Assert.Equal(new Revision("Bucharest", 2022, true), Model.Revision);
        Assert.Equal(3, Model.History.Count);
        Assert.Equal(Pp191.Title, Model.Title);
        Assert.Equal(Pp191.ConferenceFormula, Model.ConferenceFormula);
    }

    [Theory]
    [InlineData("considering/b", "Telecommunication Standardization Sector")]
    [InlineData("resolves/3", "intersector coordination task force")]
    public void WordHyphenatedAcrossALineBreak_ShouldBeRejoined(string address, string words)
    {
        var text = ClauseAt("PP-191/" + address).Text;

        Assert.Contains(words, text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("- ", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ClauseSplitByAPageBreak_ShouldBeOneClauseWithoutTheFurniture()
    {
        var sg = Model.Operative.Single(g => g.Heading == "instructs the Secretary-General");
        var twoPointOne = sg.Clauses[1].SubClauses[0];

        Assert.Equal("2.1", twoPointOne.Label);
        Assert.EndsWith("updated after each meeting of the advisory groups;", twoPointOne.Text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("PP-22", twoPointOne.Text, System.StringComparison.Ordinal);
        Assert.Equal(new[] { "2.1", "2.2" }, sg.Clauses[1].SubClauses.Select(c => c.Label));
        Assert.Equal(2, sg.Clauses.Count);
    }

    [Fact]
    public void ClausesWithTheSameWordingAsPp191_ShouldBeEqualClauseForClause()
    {
        var pp191 = Pp191.Clauses().ToDictionary(c => c.Address, c => c.Clause);

        var same = Model.Clauses().Where(c => pp191.TryGetValue(c.Address, out var other) && other.Text == c.Clause.Text).Select(c => c.Address);

        // The other clauses of the messy file are worded differently in the file itself (see samples/corpus/README.md).
        Assert.Equal(
            new[] { "considering/a", "recalling/a", "resolves/1", "resolves/2", "instructs-secretary-general/1", "instructs-secretary-general/2", "instructs-secretary-general/2.1" }.Select(s => "PP-191/" + s),
            same);
        foreach (var address in new[] { "considering/a", "resolves/1", "instructs-secretary-general/2.1" })
        {
            var messy = ClauseAt("PP-191/" + address);
            Assert.Equal(pp191["PP-191/" + address] with { Span = null, TextMap = null }, messy with { Span = null, TextMap = null });
        }
    }

    [Theory]
    [InlineData("considering/c")]
    [InlineData("resolves/3")]
    [InlineData("instructs-secretary-general/2.2")]
    public void ClauseThatOnlyEndsDifferently_ShouldMatchPp191UpToItsFinalPunctuation(string address)
    {
        var messy = ClauseAt("PP-191/" + address).Text;
        var original = Pp191.Clauses().Single(c => c.Address == "PP-191/" + address).Clause.Text;

        Assert.Equal(original.Substring(0, original.Length - 1), messy.Substring(0, messy.Length - 1));
    }

    [Fact]
    public void ReferenceWithANonBreakingSpace_ShouldStillParseAndPointIntoTheFile()
    {
        var reference = Assert.Single(ClauseAt("PP-191/recalling/a").References);

        Assert.Equal(ReferenceKind.Resolution, reference.Kind);
        Assert.Equal("71", reference.Number);
        Assert.Equal(new Revision("Dubai", 2018, true), reference.Revision);
        Assert.Equal(Body.Plenipotentiary, reference.Body);
        Assert.True(reference.OfThisBody);
        Assert.Equal(Markup.Locate(Raw, "a)    [|Resolution\u00A071 (Rev. Dubai, 2018) of this conference|], on"), reference.Span);
    }

    /// <summary>(clause address, the range in the clause text, the same range in the raw file).</summary>
    public static TheoryData<string, string, string> Ranges() => new()
    {
        // A hyphenated word: it starts on one line and ends on the next.
        { "resolves/3", "intersector [|coordination|] task", "intersector [|coordi-\r\nnation|] task" },
        { "considering/b", "the [|Telecommunication|] Standardization", "the [|Telecommuni-\r\ncation|] Standardization" },

        // Words on a continuation line.
        { "recalling/b", "strengthening of [|coordination|] and", "\r\nof [|coordination|] and cooperation among," },
        { "instructs-secretary-general/2", "to strengthen [|coordination|] among", "to strengthen [|coordination|] among" },
        { "invites-member-states-sector-members/(1)", "submitting [|contributions|] and", "submitting [|contributions|] and" },

        // After non-breaking spaces: in the label separator and inside a reference.
        { "resolves/3", "[|to maintain|] the", "3\u00A0\u00A0\u00A0\u00A0[|to maintain|] the" },
        { "recalling/a", "[|Resolution 71|] (Rev. Dubai", "[|Resolution\u00A071|] (Rev. Dubai" },

        // Across the page break: the source range includes the removed page number and running header.
        { "instructs-secretary-general/2.1", "each [|meeting of the advisory|] groups", "each [|meeting\r\n- 2 -\r\nPP-22 – Resolution 191\r\nof the advisory|] groups" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void RangeOfClauseText_ShouldLocateTheSameWordsInTheRawFile(string address, string clauseMarkup, string sourceMarkup)
    {
        var clause = ClauseAt("PP-191/" + address);
        var (context, start, length) = Markup.Parse(clauseMarkup);
        var at = clause.Text.IndexOf(context, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{context}\" is not in the text of {address}: {clause.Text}");

        var span = clause.Locate(at + start, length);

        Assert.Equal(Markup.Locate(Raw, sourceMarkup), span);
    }

    [Fact]
    public void EveryClauseOfTheMessySample_ShouldMapItsCharactersBackToTheRawFile()
    {
        foreach (var node in Model.Clauses())
        {
            var clause = node.Clause;
            foreach (var segment in clause.TextMap!.Segments)
            {
                for (var i = 0; i < segment.Length; i++)
                {
                    var inText = clause.Text[segment.TextOffset + i];
                    var inSource = Raw[segment.SourceOffset + i];
                    Assert.True(inText == inSource || (inText == ' ' && inSource == '\u00A0'), $"{node.Address}[{segment.TextOffset + i}]: '{inText}' vs '{inSource}'");
                }

                Assert.Equal(Markup.SpanAt(Raw, segment.SourceOffset, segment.Length), new SourceSpan(segment.Line, segment.Column, segment.SourceOffset, segment.Length));
            }
        }
    }
}
