using System.Linq;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>Valid and invalid reference texts as data tables over shared test methods.</summary>
public class ReferenceParserTests
{
    /// <summary>One expected reference. The marked text ([|...|]) of the input is the reference's text.</summary>
    public sealed record Expected(ReferenceKind Kind, string? Body, string Number, Revision? Revision = null, string? Instrument = null, bool OfThisBody = false)
    {
        public override string ToString() => $"{Kind} {Body} {Number} {Revision} {Instrument}{(OfThisBody ? " of this body" : string.Empty)}";
    }

    private static readonly Revision Bucharest2022 = new("Bucharest", 2022, true);

    public static TheoryData<string, Expected> Valid() => new()
    {
        { "recalling [|Resolution 71 (Rev. Bucharest, 2022) of this conference|], on the strategic plan", new(ReferenceKind.Resolution, "PP", "71", Bucharest2022, OfThisBody: true) },
        { "[|Resolution 1 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly|];", new(ReferenceKind.Resolution, "WTSA", "1", new Revision("New Delhi", 2024, true)) },
        { "[|Decision 5 (Rev. Bucharest, 2022)|] on revenue", new(ReferenceKind.Decision, "PP", "5", Bucharest2022) },
        { "the purposes set out in [|Article 4 of the ITU Constitution|],", new(ReferenceKind.Article, null, "4", Instrument: "Constitution") },
        { "as provided in [|No. 119 of the Convention|];", new(ReferenceKind.Provision, null, "119", Instrument: "Convention") },
        { "the guidance in [|Recommendation ITU-T X.1205|] on cybersecurity", new(ReferenceKind.Recommendation, "WTSA", "ITU-T X.1205") },
        { "[|Recommendation ITU-R M.1036|]", new(ReferenceKind.Recommendation, "RA", "ITU-R M.1036") },

        // The body comes from the revision when the text does not name it.
        { "[|Resolution 58 (Rev. Kigali, 2022)|] on accessibility", new(ReferenceKind.Resolution, "WTDC", "58", new Revision("Kigali", 2022, true)) },
        { "[|Resolution 18 (Geneva, 2022)|]", new(ReferenceKind.Resolution, "WTSA", "18", new Revision("Geneva", 2022, false)) },
        { "[|Resolution 175 (Rev. Dubai, 2018)|]", new(ReferenceKind.Resolution, "PP", "175", new Revision("Dubai", 2018, true)) },

        // Dubai 2012 hosted both WTSA-12 and WCIT-12: the body stays unknown rather than guessed.
        { "[|Resolution 1 (Rev. Dubai, 2012)|]", new(ReferenceKind.Resolution, null, "1", new Revision("Dubai", 2012, true)) },

        // "of this conference" without a revision: the body is the citing text's own, which the parser cannot know.
        { "[|Resolution 999 of this conference|]", new(ReferenceKind.Resolution, null, "999", OfThisBody: true) },
        { "[|Resolution 44 (Rev. Hammamet, 2016) of the WTSA|]", new(ReferenceKind.Resolution, "WTSA", "44", new Revision("Hammamet", 2016, true)) },
        { "[|Resolution 5 of the Council|]", new(ReferenceKind.Resolution, "Council", "5") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ReferenceText_ShouldGiveOneReference(string marked, Expected expected)
    {
        var (text, start, length) = Markup.Parse(marked);

        var reference = Assert.Single(ReferenceParser.Parse(text));

        Assert.Equal(expected, new Expected(reference.Kind, reference.Body?.Code, reference.Number, reference.Revision, reference.Instrument, reference.OfThisBody));
        Assert.Equal(start, reference.Start);
        Assert.Equal(text.Substring(start, length), reference.Text);
    }

    [Fact]
    public void TwoResolutionsSharingARevision_ShouldGiveTwoReferences()
    {
        var refs = ReferenceParser.Parse("Resolutions 70 and 71 (Rev. Bucharest, 2022)");

        Assert.Equal(new[] { "70", "71" }, refs.Select(r => r.Number));
        Assert.All(refs, r => Assert.Equal(ReferenceKind.Resolution, r.Kind));
        Assert.Equal(Bucharest2022, refs[1].Revision);
        Assert.Equal(Body.Plenipotentiary, refs[1].Body);
        Assert.Equal(new InstrumentId(Body.Plenipotentiary, InstrumentKind.Resolution, "71"), refs[1].TargetId);
    }

    [Fact]
    public void ListOfResolutionsOfThisConference_ShouldMarkEveryItemOfThisBody()
    {
        var refs = ReferenceParser.Parse("Resolutions 70, 71 and 72 of this conference");

        Assert.Equal(new[] { "70", "71", "72" }, refs.Select(r => r.Number));
        Assert.All(refs, r => Assert.True(r.OfThisBody));
    }

    [Fact]
    public void TwoReferencesInOneClause_ShouldComeInTextOrder()
    {
        const string text = "Resolution 123 (Rev. Bucharest, 2022) of this conference and Article 29 of the Constitution";

        var refs = ReferenceParser.Parse(text);

        Assert.Equal(new[] { ReferenceKind.Resolution, ReferenceKind.Article }, refs.Select(r => r.Kind));
        Assert.Equal(text.IndexOf("Article", System.StringComparison.Ordinal), refs[1].Start);
    }

    [Theory]
    [InlineData("this resolution")]
    [InlineData("resolution 5 of nothing")]
    [InlineData("Resolution of the Council")]
    [InlineData("the resolutions of this conference")]
    [InlineData("Article 4")]
    [InlineData("Recommendation X.1205")]
    [InlineData("Member States and Sector Members")]
    [InlineData("")]
    public void TextWithoutAnInstrument_ShouldGiveNoReference(string text)
    {
        Assert.Empty(ReferenceParser.Parse(text));
    }

    [Fact]
    public void ReferenceInAReadClause_ShouldCarryTheSpanOfItsText()
    {
        var source = string.Join("\n", "RESOLUTION 1 (REV. BUCHAREST, 2022)", string.Empty, "Title", string.Empty,
            "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),", string.Empty,
            "recalling", "a)\tthe strategic plan in", "Resolution 71 (Rev. Bucharest, 2022) of this conference;", "b)\tthat x,", string.Empty);

        var clause = ResolutionTextReader.Read(source).Value!.Clauses().First().Clause;

        var reference = Assert.Single(clause.References);
        Assert.Equal(Markup.Locate(source, "in\n[|Resolution 71 (Rev. Bucharest, 2022) of this conference|];"), reference.Span);
    }

    /// <summary>
    /// A clause's references follow its text: a copy with another text finds its own, and equality does not depend on
    /// whether either clause was asked. (They are parsed on each request: keeping them on the clause made a check of
    /// freshly read texts 5-8% slower, the writes into the read model costing the collector more than the parse.)
    /// </summary>
    [Fact]
    public void References_ShouldFollowTheText_AndStayOutOfEquality()
    {
        var clause = new Clause("1", "to implement Resolution 71 (Rev. Bucharest, 2022) of this conference;", default);
        var asked = clause with { };
        Assert.Equal("71", Assert.Single(asked.References).Number);
        Assert.Equal(clause, asked);
        Assert.Equal(clause.GetHashCode(), asked.GetHashCode());

        var other = asked with { Text = "to implement Resolution 123 (Rev. Bucharest, 2022) of this conference;" };
        Assert.Equal("123", Assert.Single(other.References).Number);
        Assert.Equal("71", Assert.Single(asked.References).Number);
        Assert.NotEqual(asked, other);

        var relabelled = asked with { Label = "2" };
        Assert.Equal("71", Assert.Single(relabelled.References).Number);
    }
}
