using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class CountKindFixture : KindFixture
{
    public const string ClauseWords = "RK9401";
    public const string ClauseCharacters = "RK9402";
    public const string GroupClauses = "RK9403";
    public const string GroupReferences = "RK9404";
    public const string ResolutionClauses = "RK9405";
    public const string PreambleRatio = "RK9406";
    public const string GroupInstruments = "RK9407";

    public CountKindFixture()
        : base(
            RuleJson.Make(ClauseWords, "count", new { target = "clause", measure = "words", max = 8 }, scope: new { part = "operative" }, message: "{0} words; at most {1} under '{2}'"),
            RuleJson.Make(ClauseCharacters, "count", new { target = "clause", measure = "characters", max = 30 }, scope: new { part = "preamble" }, message: "{0} characters; at most {1}"),
            RuleJson.Make(GroupClauses, "count", new { target = "group", measure = "clauses", max = 2 }, message: "'{2}' has {0} clauses; at most {1}"),
            RuleJson.Make(GroupReferences, "count", new { target = "group", measure = "references", max = 2 }, scope: new { groupKinds = "recalling" }, message: "{0} references; at most {1}"),
            RuleJson.Make(ResolutionClauses, "count", new { target = "resolution", measure = "clauses", max = 4 }, message: "{0} clauses; at most {1}"),
            RuleJson.Make(PreambleRatio, "count", new { target = "resolution", measure = "preamble-ratio", max = 1.5 }, message: "{0} preambular clauses for {2} operative clauses (ratio at most {1})"),
            RuleJson.Make(GroupInstruments, "count", new { target = "group", measure = "instruments", max = 2 }, scope: new { groupKinds = "recalling" }, message: "{0} instruments; at most {1}"))
    {
    }
}

/// <summary>The <c>count</c> kind: words and characters per clause, clauses and references per group, clauses and preamble ratio per resolution.</summary>
public sealed class CountKindTests : IClassFixture<CountKindFixture>
{
    private readonly CountKindFixture _fixture;

    public CountKindTests(CountKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        { CountKindFixture.ClauseWords, Texts.Pp("considering\nthat this preambular clause is long but outside the scope of the rule,\n\nresolves\nto act on the matter within eight words.\n") },
        { CountKindFixture.ClauseCharacters, Texts.Pp("noting\nthe report,\n\nresolves\nto act on the matter with many more characters than thirty.\n") },
        { CountKindFixture.GroupClauses, Texts.Pp("considering\na) one;\nb) two,\n\nresolves\n1 to act;\n2 to review.\n") },
        { CountKindFixture.GroupReferences, Texts.Pp("recalling\na) Resolution 71 (Rev. Bucharest, 2022) of this conference;\nb) Resolution 123 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n") },
        { CountKindFixture.GroupInstruments, Texts.Pp("recalling\na) United Nations General Assembly resolution 70/1;\nb) Resolution 123 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n") },
        { CountKindFixture.ResolutionClauses, Texts.Pp("noting\nthe report,\n\nresolves\n1 to act;\n2 to review;\n3 to report.\n") },
        { CountKindFixture.PreambleRatio, Texts.Pp("considering\na) one;\nb) two;\nc) three,\n\nresolves\n1 to act;\n2 to review.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { CountKindFixture.ClauseWords, Texts.Pp("resolves\n1 to act;\n2 [|to act on the matter with more than eight words in it;|]\n3 to review.\n") },
        { CountKindFixture.ClauseCharacters, Texts.Pp("noting\na) the report;\nb) [|the report of the Secretary-General,|]\n\nresolves\nto act.\n") },
        { CountKindFixture.GroupClauses, Texts.Pp("considering\na) one;\nb) two,\n\n[|resolves|]\n1 to act;\n2 to review;\n3 to report.\n") },
        { CountKindFixture.GroupReferences, Texts.Pp("[|recalling|]\na) Resolutions 71 and 123 (Rev. Bucharest, 2022) of this conference;\nb) Resolution 130 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n") },
        { CountKindFixture.GroupInstruments, Texts.Pp("[|recalling|]\na) United Nations General Assembly resolution 70/1;\nb) the Tunis Agenda for the Information Society;\nc) Resolution 123 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n") },
        { CountKindFixture.ResolutionClauses, "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nTest resolution\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n" + Texts.Canonical("noting\nthe report,\n\nresolves\n1 to act:\n1.1 now;\n1.2 later;\n2 to review;\n3 to report.\n") },
        { CountKindFixture.PreambleRatio, "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nTest resolution\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n" + Texts.Canonical("considering\na) one;\nb) two,\n\nnoting\nthe report,\n\nresolves\nto act.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void LongClause_ShouldReportCountMaximumAndHeading() =>
        _fixture.Tester(CountKindFixture.ClauseWords).Verify(
            Texts.Pp("resolves\n[|to act on the matter with more than eight words in it.|]\n"),
            "12 words; at most 8 under 'resolves'");

    [Fact]
    public void PreambleOutOfProportion_ShouldReportPreambularAndOperativeCounts() =>
        _fixture.Tester(CountKindFixture.PreambleRatio).Verify(
            "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nTest resolution\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n"
                + Texts.Canonical("considering\na) one;\nb) two,\n\nnoting\nthe report,\n\nresolves\nto act.\n"),
            "3 preambular clauses for 1 operative clauses (ratio at most 1.5)");
}
