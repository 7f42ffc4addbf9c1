using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class SubstitutionKindFixture : KindFixture
{
    public const string Terms = "RK9201";
    public const string CaseSensitive = "RK9202";
    public const string InTitle = "RK9203";
    public const string InHeading = "RK9204";

    public SubstitutionKindFixture()
        : base(
            RuleJson.Make(Terms, "substitution", new
            {
                terms = new object[]
                {
                    new { discouraged = "chairman", preferred = "chair" },
                    new { discouraged = "chairmen", preferred = "chairs" },
                    new { discouraged = @"vice[- ]chairm[ae]n", preferred = "vice-chair", regex = true },
                },
            }, message: "Use '{1}' instead of '{0}'", category: "Terminology"),
            RuleJson.Make(CaseSensitive, "substitution", new
            {
                terms = new object[] { new { discouraged = "Member states", preferred = "Member States", caseSensitive = true } },
            }, message: "Use '{1}' instead of '{0}'", category: "Terminology"),
            RuleJson.Make(InTitle, "substitution", new { target = "title", terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }, message: "Use '{1}' instead of '{0}'", category: "Terminology"),
            RuleJson.Make(InHeading, "substitution", new { target = "heading", terms = new[] { new { discouraged = "Director of TSB", preferred = "Director of the Telecommunication Standardization Bureau" } } },
                message: "Use '{1}' instead of '{0}'", category: "Terminology"))
    {
    }
}

/// <summary>The <c>substitution</c> kind: whole words, case, regex terms, overlapping terms and the replacement fix.</summary>
public sealed class SubstitutionKindTests : IClassFixture<SubstitutionKindFixture>
{
    private readonly SubstitutionKindFixture _fixture;

    public SubstitutionKindTests(SubstitutionKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        // a rule on titles or headings does not look at clauses
        { SubstitutionKindFixture.InTitle, Texts.Pp("resolves\nthat the chairman reports.\n") },
        { SubstitutionKindFixture.InHeading, Texts.Pp("instructs the Secretary-General\nto consult the Director of TSB.\n") },
        { SubstitutionKindFixture.Terms, Texts.Pp("resolves\n1 that the chair and the vice-chair are elected;\n2 that the chairmanship rotates.\n") },
        { SubstitutionKindFixture.Terms, Texts.Pp("noting\nthe report of the chairs,\n\nresolves\nto act.\n") },
        { SubstitutionKindFixture.CaseSensitive, Texts.Pp("invites Member States\nto contribute, as member states of other organizations already do.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { SubstitutionKindFixture.InTitle, "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nRole of the chairman of a study group\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto act.\n" },
        { SubstitutionKindFixture.InHeading, Texts.Pp("instructs the [|Director of TSB|]\nto act in consultation with the Director of TSB.\n") },
        { SubstitutionKindFixture.Terms, Texts.Pp("resolves\n1 that the [|chairman|] and the [|Chairmen|] are elected;\n2 that the [|vice-chairman|] assists the chair.\n") },
        { SubstitutionKindFixture.Terms, Texts.Pp("noting\nthe report of the [|chairman|] of the group,\n\nresolves\nto thank the [|vice chairmen|].\n") },
        { SubstitutionKindFixture.CaseSensitive, Texts.Pp("recalling\nthat [|Member states|] were consulted,\n\ninvites Member States\nto contribute.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void CaseSensitiveTerm_ShouldReportOnlyTheExactCase() =>
        _fixture.Tester(SubstitutionKindFixture.CaseSensitive).Verify(
            Texts.Pp("invites Member States\nto consult [|Member states|] and member states alike.\n"),
            "Use 'Member States' instead of 'Member states'");

    [Fact]
    public void DiscouragedTerm_ShouldKeepTheCaseOfTheOriginalInTheMessage() =>
        _fixture.Tester(SubstitutionKindFixture.Terms).Verify(Texts.Pp("resolves\nthat the [|Chairman|] reports.\n"), "Use 'Chair' instead of 'Chairman'");

    [Fact]
    public void DiscouragedTerms_FixShouldReplaceEachOccurrence() =>
        _fixture.Tester(SubstitutionKindFixture.Terms).VerifyFix(
            Texts.Pp("resolves\n1 that the [|chairman|] and the [|Chairmen|] are elected;\n2 that the [|vice-chairman|] assists.\n"),
            Texts.Pp("resolves\n1 that the chair and the Chairs are elected;\n2 that the vice-chair assists.\n"));

    [Fact]
    public void TermInHeading_FixShouldChangeTheHeading() =>
        _fixture.Tester(SubstitutionKindFixture.InHeading).VerifyFix(
            Texts.Pp("instructs the [|Director of TSB|]\nto act.\n"),
            Texts.Pp("instructs the Director of the Telecommunication Standardization Bureau\nto act.\n"));

    [Fact]
    public void TermInTitle_FixShouldChangeTheTitle() =>
        _fixture.Tester(SubstitutionKindFixture.InTitle).VerifyFix(
            "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nRole of the chairman of a study group\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto act.\n",
            "RESOLUTION 123 (REV. BUCHAREST, 2022)\n\nRole of the chair of a study group\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto act.\n");
}
