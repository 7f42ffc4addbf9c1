using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class ExpressionKindFixture : KindFixture
{
    public const string OnClause = "RK9951";
    public const string OnGroup = "RK9952";
    public const string OnResolution = "RK9953";
    public const string WithLinq = "RK9954";
    public const string Throwing = "RK9955";

    public ExpressionKindFixture()
        : base(
            RuleJson.Make(OnClause, "expression", new { on = "clause", predicate = "clause.Part == Part.Operative && clause.Text.Contains(\"ICT\")" }, message: "ICT in {0}"),
            RuleJson.Make(OnGroup, "expression", new { on = "group", predicate = "group.Group.Clauses.Count > 2" }, message: "{0} has more than two clauses"),
            RuleJson.Make(OnResolution, "expression", new { on = "resolution", predicate = "resolution.Resolution.Title.Length > 40" }, message: "{0} has a long title"),
            RuleJson.Make(WithLinq, "expression", new { on = "clause", predicate = "clause.References.Count(r => r.Kind == ReferenceKind.Resolution) >= 2 && clause.Text.Split(' ').Any(w => w.Contains(\"Rev.\"))" }, message: "{0}"),
            RuleJson.Make(Throwing, "expression", new { on = "clause", predicate = "clause.Text[200] == 'x'" }, message: "{0}"))
    {
    }

    protected override string? ExpressionCache => null;
}

/// <summary>The <c>expression</c> kind: C# predicates over clauses, groups and resolutions.</summary>
[Collection(ExpressionCollection.Name)]
public sealed class ExpressionKindTests : IClassFixture<ExpressionKindFixture>
{
    private readonly ExpressionKindFixture _fixture;

    public ExpressionKindTests(ExpressionKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        { ExpressionKindFixture.OnClause, Texts.Pp("considering\nthat ICTs matter,\n\nresolves\nto act.\n") },
        { ExpressionKindFixture.OnGroup, Texts.Pp("considering\na) one;\nb) two,\n\nresolves\n1 to act;\n2 to review.\n") },
        { ExpressionKindFixture.OnResolution, Texts.Pp("resolves\nto act.\n", title: "A short title") },
        { ExpressionKindFixture.WithLinq, Texts.Pp("recalling\nResolutions 71 and 123 of this conference,\n\nresolves\nto act.\n") },
        { ExpressionKindFixture.Throwing, Texts.Pp("resolves\nto act on a short clause.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { ExpressionKindFixture.OnClause, Texts.Pp("considering\nthat ICTs matter,\n\nresolves\n1 to act;\n2 [|to promote ICT skills;|]\n3 to review.\n") },
        { ExpressionKindFixture.OnGroup, Texts.Pp("considering\na) one;\nb) two,\n\n[|resolves|]\n1 to act;\n2 to review;\n3 to report.\n") },
        { ExpressionKindFixture.OnResolution, "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nA title that is much longer than forty characters\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto act.\n" },
        { ExpressionKindFixture.WithLinq, Texts.Pp("recalling\n[|Resolutions 71 (Rev. Bucharest, 2022) and 123 (Rev. Bucharest, 2022) of this conference,|]\n\nresolves\nto act.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void ClausePredicate_ShouldReportTheClauseAddress() =>
        _fixture.Tester(ExpressionKindFixture.OnClause).Verify(Texts.Pp("resolves\n1 to act;\n2 [|to promote ICT skills.|]\n"), "ICT in PP-123/resolves/2");
}
