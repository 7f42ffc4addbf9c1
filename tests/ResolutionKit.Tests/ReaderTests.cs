using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>The text reader on small inline texts: one behaviour per test.</summary>
public class ReaderTests
{
    private const string PpFormula = "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),";

    /// <summary>Lines joined with LF and a final newline.</summary>
    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>A PP resolution whose body is the given lines.</summary>
    private static string Pp(params string[] body) =>
        Lines(new[] { "RESOLUTION 1 (REV. BUCHAREST, 2022)", string.Empty, "Title", string.Empty, PpFormula, string.Empty }.Concat(body).ToArray());

    private static Resolution ReadClean(string text)
    {
        var result = ResolutionTextReader.Read(text);
        ModelAssert.NoDiagnostics(result);
        return result.Value!;
    }

    private static Diagnostic Single(ParseResult<Resolution> result, DiagnosticDescriptor descriptor)
    {
        var all = result.Diagnostics.Where(d => d.Descriptor == descriptor).ToList();
        Assert.True(all.Count == 1, $"Expected one {descriptor.Id}, got:\n" + string.Join("\n", result.Diagnostics));
        return all[0];
    }

    // ----- Title, history, formula -----

    public static TheoryData<string, InstrumentKind, string, Revision?> Titles() => new()
    {
        { "RESOLUTION 191 (REV. BUCHAREST, 2022)", InstrumentKind.Resolution, "191", new Revision("Bucharest", 2022, true) },
        { "RESOLUTION 1 (Rev. New Delhi, 2024)", InstrumentKind.Resolution, "1", new Revision("New Delhi", 2024, true) },
        { "RESOLUTION 18 (REV. NEW DELHI, 2024)", InstrumentKind.Resolution, "18", new Revision("New Delhi", 2024, true) },
        { "DECISION 5 (REV. BUCHAREST, 2022)", InstrumentKind.Decision, "5", new Revision("Bucharest", 2022, true) },
        { "Resolution 44A (Dubai, 2012)", InstrumentKind.Resolution, "44A", new Revision("Dubai", 2012, false) },
        { "RESOLUTION 12", InstrumentKind.Resolution, "12", null },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void TitleLine_ShouldGiveKindNumberAndRevision(string titleLine, InstrumentKind kind, string number, Revision? revision)
    {
        var r = ReadClean(Lines(titleLine, string.Empty, "Some subject", string.Empty, PpFormula, string.Empty, "resolves", "to do x."));

        Assert.Equal(kind, r.Id.Kind);
        Assert.Equal(number, r.Id.Number);
        Assert.Equal(revision, r.Revision);
        Assert.Equal(titleLine, r.TitleLine);
        Assert.Equal("Some subject", r.Title);
    }

    [Fact]
    public void SubjectOnTwoLines_ShouldBeJoinedWithOneSpace()
    {
        var r = ReadClean(Lines("RESOLUTION 1 (REV. BUCHAREST, 2022)", string.Empty, "Strategy for the coordination", "of efforts among the Sectors", string.Empty, PpFormula, string.Empty, "resolves", "to do x."));

        Assert.Equal("Strategy for the coordination of efforts among the Sectors", r.Title);
    }

    [Fact]
    public void DecisionOfThePlenipotentiaryConference_ShouldHaveADecisionAddress()
    {
        var r = ReadClean(Lines("DECISION 5 (REV. BUCHAREST, 2022)", string.Empty, "Revenue", string.Empty, PpFormula, string.Empty, "decides", "that it is so."));

        Assert.Equal(new InstrumentId(Body.Plenipotentiary, InstrumentKind.Decision, "5"), r.Id);
        Assert.Equal("PP-DEC-5", r.Address);
    }

    [Fact]
    public void HistoryLine_ShouldGiveTheRevisionsInOrder()
    {
        var r = ReadClean(Lines("RESOLUTION 191 (REV. BUCHAREST, 2022)", string.Empty, "Title", string.Empty, "(Antalya, 2006; Rev. Guadalajara, 2010; Rev. Bucharest, 2022)", string.Empty, PpFormula, string.Empty, "resolves", "to do x."));

        Assert.Equal(new[] { new Revision("Antalya", 2006, false), new Revision("Guadalajara", 2010, true), new Revision("Bucharest", 2022, true) }, r.History);
    }

    [Fact]
    public void HistoryAsConsecutiveParentheses_ShouldGiveTheSameRevisions()
    {
        var r = ReadClean(Lines("RESOLUTION 191 (REV. BUCHAREST, 2022)", string.Empty, "Title", string.Empty, "(Busan, 2014) (Rev. Bucharest, 2022)", string.Empty, PpFormula, string.Empty, "resolves", "to do x."));

        Assert.Equal(new[] { new Revision("Busan", 2014, false), new Revision("Bucharest", 2022, true) }, r.History);
    }

    [Fact]
    public void NoHistoryLine_ShouldGiveAnEmptyHistory()
    {
        var r = ReadClean(Pp("resolves", "to do x."));

        Assert.Empty(r.History);
    }

    [Theory]
    [InlineData(PpFormula, "PP")]
    [InlineData("The World Telecommunication Standardization Assembly (New Delhi, 2024),", "WTSA")]
    [InlineData("The World Telecommunication Development Conference (Kigali, 2022),", "WTDC")]
    [InlineData("The ITU Radiocommunication Assembly,", "RA")]
    [InlineData("The Council,", "Council")]
    public void ConferenceFormula_ShouldGiveTheAdoptingBody(string formula, string body)
    {
        var r = ReadClean(Lines("RESOLUTION 7", string.Empty, "Title", string.Empty, formula, string.Empty, "resolves", "to do x."));

        Assert.Equal(Body.FromCode(body), r.Id.Body);
        Assert.Equal(formula, r.ConferenceFormula);
    }

    [Fact]
    public void MissingFormula_ShouldTakeTheBodyFromTheRevisionAndWarn()
    {
        const string text = "[|RESOLUTION 58 (Rev. Kigali, 2022)|]\n\nTitle\n\nresolves\nto do x.\n";
        var (source, start, length) = Markup.Parse(text);

        var result = ResolutionTextReader.Read(source);

        Assert.Equal(Body.Wtdc, result.Value!.Id.Body);
        var d = Single(result, ReadingDiagnostics.MissingFormula);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void MissingTitle_ShouldReportRK0001AndKeepTheText()
    {
        const string marked = "[|A subject without a title line|]\n\nconsidering\nthat x,\n";
        var (source, start, length) = Markup.Parse(marked);

        var result = ResolutionTextReader.Read(source);

        var d = Single(result, ReadingDiagnostics.MissingTitle);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.NotNull(result.Value);
        Assert.Equal("Unknown-[text]", result.Value!.Address);
        Assert.Equal("A subject without a title line", Assert.Single(result.Value!.Unplaced).Text);
        Assert.Equal("that x,", result.Value.Preamble[0].Clauses[0].Text);
    }

    // ----- Groups and actors -----

    public static TheoryData<string, Part, string, string, Actor[]> Headings() => new()
    {
        { "considering", Part.Preamble, "considering", "considering", new Actor[0] },
        { "considering further", Part.Preamble, "considering-further", "considering further", new Actor[0] },
        { "bearing in mind", Part.Preamble, "bearing-in-mind", "bearing in mind", new Actor[0] },
        { "taking into account", Part.Preamble, "taking-into-account", "taking into account", new Actor[0] },
        { "resolves", Part.Operative, "resolves", "resolves", new Actor[0] },
        { "further resolves", Part.Operative, "resolves-further", "further resolves", new Actor[0] },
        { "resolves to instruct the Secretary-General", Part.Operative, "resolves-to-instruct", "resolves to instruct the Secretary-General", new[] { Actor.SecretaryGeneral } },
        { "instructs the Secretary-General and the Directors of the three Bureaux", Part.Operative, "instructs", "instructs the Secretary-General and the Directors of the three Bureaux", new[] { Actor.SecretaryGeneral, Actor.Directors } },
        { "instructs the Director of the Telecommunication Standardization Bureau", Part.Operative, "instructs", "instructs the Director of the Telecommunication Standardization Bureau", new[] { Actor.DirectorTSB } },
        { "invites Member States and Sector Members", Part.Operative, "invites", "invites Member States and Sector Members", new[] { Actor.MemberStates, Actor.SectorMembers } },
        { "requests the Council,", Part.Operative, "requests", "requests the Council", new[] { Actor.Council } },
        { "encourages Member States:", Part.Operative, "encourages", "encourages Member States", new[] { Actor.MemberStates } },
        { "calls upon Member States", Part.Operative, "urges", "calls upon Member States", new[] { Actor.MemberStates } },
        { "instructs the Telecommunication Standardization Advisory Group", Part.Operative, "instructs", "instructs the Telecommunication Standardization Advisory Group", new[] { Actor.Tsag } },
    };

    [Theory]
    [MemberData(nameof(Headings))]
    public void HeadingLine_ShouldGivePartKindAndActors(string line, Part part, string kind, string heading, Actor[] actors)
    {
        var r = ReadClean(Pp(line, "to do x."));

        var group = Assert.Single(r.Groups);
        Assert.Equal(part, group.Part);
        Assert.Equal(kind, group.Kind);
        Assert.Equal(heading, group.Heading);
        Assert.Equal(actors, group.Actors);
    }

    [Fact]
    public void HeadingNamingTheThreeDirectors_ShouldBeReadAsAHeadingWithThreeActors()
    {
        // A real-life heading of 183 characters: every part of it names a known actor.
        const string heading = "instructs the Director of the Radiocommunication Bureau, the Director of the Telecommunication Standardization Bureau and the Director of the Telecommunication Development Bureau";

        var r = ReadClean(Pp("resolves", "to do x;", string.Empty, heading, "1\tto do y;", "2\tto do z."));

        Assert.Equal(new[] { "resolves", heading }, r.Operative.Select(g => g.Heading));
        Assert.Equal(new[] { Actor.DirectorBR, Actor.DirectorTSB, Actor.DirectorBDT }, r.Operative[1].Actors);
    }

    [Fact]
    public void GroupWithOneUnlabelledClause_ShouldHoldThatClause()
    {
        var r = ReadClean(Pp("instructs the Council", "to examine the reports of the Directors and to take any measures it considers appropriate."));

        var clause = Assert.Single(r.Operative[0].Clauses);
        Assert.Equal(string.Empty, clause.Label);
        Assert.Equal("to examine the reports of the Directors and to take any measures it considers appropriate.", clause.Text);
    }

    [Fact]
    public void WrappedUnlabelledClause_ShouldBeOneClauseJoinedWithOneSpace()
    {
        var r = ReadClean(Pp("invites Member States", "to take account of the work", "already under way."));

        Assert.Equal("to take account of the work already under way.", Assert.Single(r.Operative[0].Clauses).Text);
    }

    [Fact]
    public void DottedSubClauses_ShouldNestUnderTheirClause()
    {
        var r = ReadClean(Pp("instructs the Secretary-General", "1\tto do x;", "2\tto do y, in particular:", "2.1\tby a;", "2.2\tby b;", "3\tto do z."));

        var clauses = r.Operative[0].Clauses;
        Assert.Equal(new[] { "1", "2", "3" }, clauses.Select(c => c.Label));
        Assert.Equal(new[] { "2.1", "2.2" }, clauses[1].SubClauses.Select(c => c.Label));
        Assert.Equal("by b;", clauses[1].SubClauses[1].Text);
    }

    [Fact]
    public void RomanSubClauses_ShouldNestUnderTheirClause()
    {
        var r = ReadClean(Pp("resolves", "1\tto do x:", "i)\tby a;", "ii)\tby b;", "2\tto do z."));

        var clauses = r.Operative[0].Clauses;
        Assert.Equal(new[] { "1", "2" }, clauses.Select(c => c.Label));
        Assert.Equal(new[] { "i)", "ii)" }, clauses[0].SubClauses.Select(c => c.Label));
    }

    [Fact]
    public void NinthPreambularClause_ShouldBeTheLetterIAndNotARomanSubClause()
    {
        var letters = "abcdefghij".Select(c => c + ")\tthat " + c + ";").ToArray();

        var r = ReadClean(Pp(new[] { "considering" }.Concat(letters).Concat(new[] { string.Empty, "resolves", "to do x." }).ToArray()));

        Assert.Equal("abcdefghij".Select(c => c + ")"), r.Preamble[0].Clauses.Select(c => c.Label));
        Assert.All(r.Preamble[0].Clauses, c => Assert.Empty(c.SubClauses));
    }

    [Fact]
    public void LabelsSeparatedBySpaces_ShouldReadLikeLabelsSeparatedByATab()
    {
        var withSpaces = ResolutionTextReader.Read(Pp("considering", "a)    that x;", "b)  that y,", string.Empty, "resolves", "1     to do x;", "2.1   by y;", "2     to do z."));
        var withTabs = ResolutionTextReader.Read(Pp("considering", "a)\tthat x;", "b)\tthat y,", string.Empty, "resolves", "1\tto do x;", "2.1\tby y;", "2\tto do z."));

        Assert.Equal(withTabs.Value!.WithoutSourceInfo(), withSpaces.Value!.WithoutSourceInfo());
    }

    // ----- Diagnostics -----

    [Fact]
    public void NumberOutOfSequence_ShouldReportRK0005AtTheClause()
    {
        var (source, start, length) = Markup.Parse(Pp("resolves", "1\tto do x;", "[|3\tto do y;|]", "4\tto do z."));

        var result = ResolutionTextReader.Read(source);

        var d = result.Diagnostics.First(x => x.Descriptor == ReadingDiagnostics.LabelSequence);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(new[] { "1", "3", "4" }, result.Value!.Operative[0].Clauses.Select(c => c.Label));
    }

    [Fact]
    public void LettersOutOfOrder_ShouldReportRK0005ForEachMisplacedClause()
    {
        var source = Pp("considering", "a)\tthat x;", "c)\tthat y;", "b)\tthat z,", string.Empty, "resolves", "to do x.");

        var result = ResolutionTextReader.Read(source);

        var lines = result.Diagnostics.Where(d => d.Descriptor == ReadingDiagnostics.LabelSequence).Select(d => d.Location.Span!.Line).ToArray();
        Assert.Equal(new[] { Markup.Locate(source, "[|c)|]").Line, Markup.Locate(source, "[|b)|]").Line }, lines);
    }

    [Fact]
    public void UnlabelledClauseAfterLabelledOnes_ShouldReportRK0005()
    {
        var (source, start, length) = Markup.Parse(Pp("resolves", "1\tto do x;", "2\tto do y;", string.Empty, "[|to do z.|]"));

        var result = ResolutionTextReader.Read(source);

        var d = Single(result, ReadingDiagnostics.LabelSequence);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.Equal("to do z.", result.Value!.Operative[0].Clauses[2].Text);
    }

    [Fact]
    public void EmptyGroup_ShouldReportRK0009AtItsHeading()
    {
        var (source, start, length) = Markup.Parse(Pp("[|resolves|]", string.Empty, "invites Member States", "to do x."));

        var result = ResolutionTextReader.Read(source);

        var d = Single(result, ReadingDiagnostics.EmptyGroup);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.Empty(result.Value!.Operative[0].Clauses);
        Assert.Equal(2, result.Value.Operative.Count);
    }

    [Fact]
    public void ClauseBeforeAnyGroup_ShouldReportRK0002AndKeepTheText()
    {
        var (source, start, length) = Markup.Parse(Pp("[|3\tto report annually to the Council;|]", string.Empty, "resolves", "to do x."));

        var result = ResolutionTextReader.Read(source);

        var d = Single(result, ReadingDiagnostics.Unplaced);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.Equal("3\tto report annually to the Council;", Assert.Single(result.Value!.Unplaced).Text);
    }

    [Fact]
    public void NulCharacter_ShouldReportRK0008AtItsPositionAndGiveNoValue()
    {
        var (source, start, length) = Markup.Parse("RESOLUTION 1\n\nTi[|\0|]tle\n");

        var result = ResolutionTextReader.Read(source);

        Assert.Null(result.Value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadingDiagnostics.NotText, d.Descriptor);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
    }

    [Fact]
    public void TextOverTheLimit_ShouldReportRK0008AndGiveNoValue()
    {
        var source = Pp("resolves", "to do x.");

        var result = ResolutionTextReader.Read(source, "big.txt", new ReaderOptions { MaxCharacters = source.Length - 1 });

        Assert.Null(result.Value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadingDiagnostics.NotText, d.Descriptor);
        Assert.Equal("big.txt", d.Location.Path);
    }

    [Fact]
    public void FootnoteMarkerWithoutFootnote_ShouldReportRK0006AtTheClause()
    {
        var (source, start, length) = Markup.Parse(Pp("resolves", "1\tto help developing countries;", "[|2\tto help least developed countries³.|]"));

        var result = ResolutionTextReader.Read(source);

        var d = Single(result, ReadingDiagnostics.Footnote);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        Assert.Equal(new[] { "3" }, result.Value!.Operative[0].Clauses[1].FootnoteMarkers);
    }

    [Fact]
    public void FootnoteNeverReferenced_ShouldReportRK0006AtTheFootnote()
    {
        var (source, start, length) = Markup.Parse(Pp("resolves", "to help developing countries.", string.Empty, "[|²\tThese include the least developed countries.|]"));

        var result = ResolutionTextReader.Read(source);

        var d = Single(result, ReadingDiagnostics.Footnote);
        Assert.Equal(Markup.SpanAt(source, start, length), d.Location.Span);
        var footnote = Assert.Single(result.Value!.Footnotes);
        Assert.Equal("2", footnote.Marker);
        Assert.Equal("These include the least developed countries.", footnote.Text);
    }

    [Fact]
    public void MatchingFootnote_ShouldBeReadWithoutDiagnostics()
    {
        var r = ReadClean(Pp("resolves", "to help developing countries¹.", string.Empty, "¹\tThese include the least developed countries."));

        Assert.Equal("1", Assert.Single(r.Footnotes).Marker);
        Assert.Equal(new[] { "1" }, r.Operative[0].Clauses[0].FootnoteMarkers);
    }

    // ----- Annexes -----

    [Fact]
    public void Annex_ShouldGiveHeadingTitleAndParagraphs()
    {
        var r = ReadClean(Pp("resolves", "to adopt the annex.", string.Empty, "ANNEX TO RESOLUTION 1 (REV. BUCHAREST, 2022)", string.Empty, "Subjects of common interest", string.Empty, "First paragraph.", string.Empty, "Second paragraph."));

        var annex = Assert.Single(r.Annexes);
        Assert.Equal("ANNEX TO RESOLUTION 1 (REV. BUCHAREST, 2022)", annex.Heading);
        Assert.Equal("Subjects of common interest", annex.Title);
        Assert.Equal(new[] { "First paragraph.", "Second paragraph." }, annex.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void AnnexTitleSameAsResolutionTitle_ShouldKeepBothTitles()
    {
        // PP Resolution 71 is titled after the strategic plan its annex contains: the same line appears twice.
        const string title = "Strategic plan for the Union for 2024-2027";
        var text = Lines("RESOLUTION 71 (REV. BUCHAREST, 2022)", string.Empty, title, string.Empty, PpFormula, string.Empty,
            "resolves", "to adopt the strategic plan in the annex to this resolution.", string.Empty,
            "ANNEX TO RESOLUTION 71 (REV. BUCHAREST, 2022)", string.Empty, title, string.Empty, "The plan sets out the goals of the Union.");

        var r = ReadClean(text);

        Assert.Equal(title, r.Title);
        Assert.Equal(title, Assert.Single(r.Annexes).Title);
    }

    [Theory]
    [InlineData("Annex to Resolution 71 (Rev. Bucharest, 2022)")]
    [InlineData("Annex to this Resolution")]
    public void AnnexHeadingInSentenceCase_AsWebCopiesSetIt_ShouldOpenTheAnnex(string heading)
    {
        var r = ReadClean(Pp("resolves", "to adopt the plan in the annex.", string.Empty, heading, string.Empty, "1\tVision", string.Empty, "An enabled world."));

        Assert.Equal(heading, Assert.Single(r.Annexes).Heading);
        Assert.Single(r.Operative[0].Clauses);
    }

    [Fact]
    public void AnnexHeadingToThisResolution_InChinese_ShouldOpenTheAnnex()
    {
        var text = Lines("第71号决议（2022年，布加勒斯特，修订版）", string.Empty, "2024-2027年国际电联战略规划", string.Empty, "国际电信联盟全权代表大会（2022年，布加勒斯特），",
            string.Empty, "做出决议", "通过本决议附件所载的战略规划。", string.Empty, "本决议附件", string.Empty, "1 愿景", "一个互联互通的世界。");

        var r = ReadClean(text);

        Assert.Equal("本决议附件", Assert.Single(r.Annexes).Heading);
        Assert.Single(r.Operative[0].Clauses);
    }

    [Fact]
    public void SentenceStartingWithAnnexWord_ShouldStayAClause()
    {
        var r = ReadClean(Pp("resolves", "1\tto adopt the plan;", "2\tto review it annually,", string.Empty, "instructs the Secretary-General", "to report on it."));

        Assert.Empty(r.Annexes);
        Assert.Equal(2, r.Operative[0].Clauses.Count);
    }

    // ----- Languages -----

    private static readonly string French = Lines(
        "RÉSOLUTION 191 (RÉV. BUCAREST, 2022)",
        string.Empty,
        "Stratégie de coordination des efforts entre les trois Secteurs de l'Union",
        string.Empty,
        "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),",
        string.Empty,
        "considérant",
        "a)\tque la coopération entre les Secteurs est essentielle;",
        "b)\tque les ressources sont limitées,",
        string.Empty,
        "décide",
        "1\tde répartir les travaux entre les Secteurs;",
        "2\tde coordonner les travaux,",
        string.Empty,
        "charge le Secrétaire général",
        "de faire rapport au Conseil.");

    [Fact]
    public void FrenchText_ShouldBeDetectedAsFrenchWithItsGroupsAndActors()
    {
        var result = ResolutionTextReader.Read(French);
        var r = result.Value!;

        Assert.Equal("fr", r.Language);
        Assert.Equal(Body.Plenipotentiary, r.Id.Body);
        Assert.Equal(new[] { ("considérant", "considering"), ("décide", "resolves"), ("charge le Secrétaire général", "instructs") }, r.Groups.Select(g => (g.Heading, g.Kind)));
        Assert.Equal(new[] { Actor.SecretaryGeneral }, r.Operative[1].Actors);
        Assert.Equal(new[] { "a)", "b)", "1", "2", string.Empty }, r.Clauses().Select(c => c.Clause.Label));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void FrenchAnnexHeadingInSentenceCase_ShouldOpenTheAnnex()
    {
        var result = ResolutionTextReader.Read(French + Lines(string.Empty, "Annexe à la Résolution 191 (Rév. Bucarest, 2022)", string.Empty, "Liste des activités", string.Empty, "Premier paragraphe."));
        var r = result.Value!;

        Assert.Equal("Annexe à la Résolution 191 (Rév. Bucarest, 2022)", Assert.Single(r.Annexes).Heading);
        Assert.Single(r.Operative[1].Clauses);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void FrenchTitleLine_ShouldReadRevAsARevisionWithTheEnglishPlaceName()
    {
        var r = ResolutionTextReader.Read(French).Value!;

        // Places are named in English, so the language versions of a text carry equal revisions.
        Assert.Equal(new Revision("Bucharest", 2022, true), r.Revision);
    }

    [Fact]
    public void EnglishText_ShouldBeDetectedAsEnglish()
    {
        Assert.Equal("en", ReadClean(Pp("considering", "that x,", string.Empty, "resolves", "to do x.")).Language);
    }

    // ----- Normalization -----

    [Fact]
    public void CrlfNbspAndBom_ShouldReadLikeTheCanonicalText()
    {
        var canonical = Pp("considering", "a)\tthat Resolution 71 applies;", "b)\tthat x,", string.Empty, "resolves", "to do x.");
        var messy = "\uFEFF" + canonical.Replace("\n", "\r\n", System.StringComparison.Ordinal).Replace("Resolution 71", "Resolution\u00A071", System.StringComparison.Ordinal).Replace("a)\t", "a)\u00A0\u00A0", System.StringComparison.Ordinal);

        var expected = ReadClean(canonical);
        var actual = ReadClean(messy);

        ModelAssert.Equal(expected.WithoutSourceInfo(), actual.WithoutSourceInfo());
        Assert.Equal(ResolutionTextWriter.Write(expected), ResolutionTextWriter.Write(actual));
    }

    // ----- Layouts found while writing the evaluation set -----

    [Fact]
    public void HeadingWrappedOntoTheNextLine_ShouldBeOneHeadingWithItsActors()
    {
        var text = "RÉSOLUTION 58 (RÉV. KIGALI, 2022)\n\nAccessibilité\n\nLa Conférence mondiale de développement des télécommunications (Kigali, 2022),\n\n"
            + "décide\nde poursuivre les travaux,\n\nprie le Secrétaire général et charge le Directeur du Bureau de développement des\ntélécommunications\n1\tde promouvoir l'accessibilité;\n2\td'en rendre compte.\n";
        var r = ResolutionTextReader.Read(text).Value!;

        var group = r.Operative[1];
        Assert.Equal("prie le Secrétaire général et charge le Directeur du Bureau de développement des télécommunications", group.Heading);
        Assert.Equal(new[] { "SecretaryGeneral", "DirectorBDT" }, group.Actors.Select(a => a.Key));
        Assert.Equal(new[] { "requests", "instructs" }, group.Mandates.Select(m => m.Kind));
        Assert.Equal(new[] { "1", "2" }, group.Clauses.Select(c => c.Label));
    }

    [Fact]
    public void ChineseQingToAnOrgan_ShouldRequest_AndToMemberStates_ShouldInvite()
    {
        var text = "第37号决议（2022年，基加利，修订版）\n\n弥合数字鸿沟\n\n世界电信发展大会（2022年，基加利），\n\n做出决议\n继续开展工作，\n\n请秘书长并责成电信发展局主任\n1\t协助成员国；\n2\t报告结果，\n\n请成员国\n分享经验。\n";
        var r = ResolutionTextReader.Read(text).Value!;

        Assert.Equal("requests", r.Operative[1].Kind);
        Assert.Equal(new[] { "requests", "instructs" }, r.Operative[1].Mandates.Select(m => m.Kind));
        Assert.Equal("invites", r.Operative[2].Kind);
    }

    [Fact]
    public void ChineseFootnoteDigitBetweenCharacters_ShouldBeTheMarker_ButNotANumberOfTheText()
    {
        var text = "第37号决议（2022年，基加利，修订版）\n\n弥合数字鸿沟\n\n世界电信发展大会（2022年，基加利），\n\n考虑到\n发展中国家1以及农村地区处于不利地位，第1号决议仍然适用，\n\n做出决议\n继续开展工作。\n\n____\n1\t包括最不发达国家。\n";
        var r = ResolutionTextReader.Read(text).Value!;

        Assert.Contains("发展中国家¹以及", r.Preamble[0].Clauses[0].Text);
        Assert.Contains("第1号决议", r.Preamble[0].Clauses[0].Text);
    }
}
