using System.Collections.Generic;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class DuplicateKindFixture : KindFixture
{
    public const string Within = "RK9701";
    public const string Across = "RK9702";
    public const string Sector = "RK9703";
    public const string SameActor = "RK9704";

    public DuplicateKindFixture()
        : base(
            RuleJson.Make(Within, "duplicate", new { relation = "within", threshold = 0.6 }, fix: new { kind = "delete-clause" }, message: "Repeats {0} ({1}%)", category: "Duplication"),
            RuleJson.Make(Across, "duplicate", new { relation = "across", threshold = 0.6 }, message: "Repeats {0} ({1}%)", category: "Duplication"),
            RuleJson.Make(Sector, "duplicate", new { relation = "sector", threshold = 0.6 }, message: "Repeats {0} ({1}%)", category: "Duplication"),
            RuleJson.Make(SameActor, "duplicate", new { relation = "within", threshold = 0.6, sameActor = true }, scope: new { part = "operative" }, message: "Repeats {0} ({1}%)", category: "Duplication"))
    {
    }
}

/// <summary>The <c>duplicate</c> kind: near-duplicate clauses within a resolution, across resolutions of one body, and against Sector resolutions.</summary>
public sealed class DuplicateKindTests : IClassFixture<DuplicateKindFixture>
{
    private const string Coordination = "to coordinate the activities of the three Sectors on accessibility for persons with disabilities";
    private const string CoordinationAgain = "to coordinate the activities of the three Sectors on accessibility for persons with disabilities and specific needs";

    private readonly DuplicateKindFixture _fixture;

    public DuplicateKindTests(DuplicateKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string[]> Valid() => new()
    {
        { DuplicateKindFixture.Within, new[] { Texts.Pp($"resolves\n1 {Coordination};\n2 to review the financial plan every year.\n") } },
        { DuplicateKindFixture.Within, new[] { Texts.Pp($"resolves\n{Coordination},\n\ninvites Member States\nto contribute.\n", number: "123"), Texts.Pp($"resolves\n{Coordination}.\n", number: "130") } },
        { DuplicateKindFixture.Across, new[] { Texts.Pp($"resolves\n1 {Coordination};\n2 {CoordinationAgain}.\n") } },
        { DuplicateKindFixture.Across, new[] { Texts.Pp($"resolves\n{Coordination}.\n"), Texts.Wtsa($"resolves\n{Coordination}.\n") } },
        { DuplicateKindFixture.Sector, new[] { Texts.Pp($"resolves\n{Coordination}.\n", number: "123"), Texts.Pp($"resolves\n{Coordination}.\n", number: "130") } },
        { DuplicateKindFixture.SameActor, new[] { Texts.Pp($"instructs the Secretary-General\n{Coordination},\n\ninstructs the Directors of the three Bureaux\n{CoordinationAgain}.\n") } },
    };

    public static TheoryData<string, string[]> Invalid() => new()
    {
        { DuplicateKindFixture.Within, new[] { Texts.Pp($"resolves\n1 {Coordination};\n2 to review the financial plan every year;\n3 [|{CoordinationAgain}.|]\n") } },
        { DuplicateKindFixture.Within, new[] { Texts.Pp($"considering\nthe importance of the matter,\n\nresolves\n{Coordination},\n\ninstructs the Secretary-General\n[|{Coordination}.|]\n") } },
        { DuplicateKindFixture.Across, new[] { Texts.Pp($"resolves\n{Coordination}.\n", number: "123"), Texts.Pp($"resolves\n[|{Coordination}.|]\n", number: "130") } },
        { DuplicateKindFixture.Across, new[] { Texts.Pp($"considering\nthat {Coordination} remains a priority,\n\nresolves\nto review the plan.\n", number: "123"), Texts.Pp($"considering\n[|that {Coordination} remains a priority,|]\n\nresolves\nto keep the accounts.\n", number: "130") } },
        { DuplicateKindFixture.Sector, new[] { Texts.Pp($"resolves\n{Coordination}.\n", number: "123"), Texts.Wtsa($"resolves\n[|{CoordinationAgain}.|]\n") } },
        { DuplicateKindFixture.SameActor, new[] { Texts.Pp($"instructs the Secretary-General\n1 {Coordination};\n2 [|{CoordinationAgain},|]\n\ninstructs the Directors of the three Bureaux\n{Coordination}.\n") } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidTexts_ShouldStaySilent(string ruleId, string[] texts) => _fixture.Tester(ruleId).Verify(texts);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidTexts_ShouldReportMarkedSpans(string ruleId, string[] markedTexts) => _fixture.Tester(ruleId).Verify(markedTexts);

    [Fact]
    public void Duplicate_ShouldNameTheEarlierClauseAndTheSimilarity() =>
        _fixture.Tester(DuplicateKindFixture.Across).Verify(
            (IReadOnlyList<string>)new[] { Texts.Pp($"resolves\n{Coordination}.\n", number: "123"), Texts.Pp($"resolves\n[|{Coordination}.|]\n", number: "130") },
            "Repeats PP-123/resolves/(1) (100%)");

    [Fact]
    public void DuplicateWithin_FixShouldDeleteTheLaterClause() =>
        _fixture.Tester(DuplicateKindFixture.Within).VerifyFix(
            Texts.Pp($"resolves\n1 {Coordination};\n2 to review the financial plan every year;\n3 [|{Coordination}.|]\n"),
            Texts.Pp($"resolves\n1 {Coordination};\n2 to review the financial plan every year.\n"));
}

/// <summary>
/// Rules decide which parts are compared across resolutions: with the across rule scoped to operative clauses (as the
/// shipped RK4002 is), recitals are not searched across resolutions, yet recitals within one resolution still are.
/// </summary>
public sealed class DuplicateOperativeOnlyFixture : KindFixture
{
    public const string Within = "RK9711";
    public const string Across = "RK9712";

    public DuplicateOperativeOnlyFixture()
        : base(
            RuleJson.Make(Within, "duplicate", new { relation = "within", threshold = 0.6 }, message: "Repeats {0} ({1}%)", category: "Duplication"),
            RuleJson.Make(Across, "duplicate", new { relation = "across", threshold = 0.6 }, scope: new { part = "operative" }, message: "Repeats {0} ({1}%)", category: "Duplication"))
    {
    }
}

public sealed class DuplicateOperativeOnlyTests : IClassFixture<DuplicateOperativeOnlyFixture>
{
    private const string Recital = "that the coordination of the activities of the three Sectors on accessibility for persons with disabilities remains a priority";
    private const string Clause = "to coordinate the activities of the three Sectors on accessibility for persons with disabilities";

    private readonly DuplicateOperativeOnlyFixture _fixture;

    public DuplicateOperativeOnlyTests(DuplicateOperativeOnlyFixture fixture) => _fixture = fixture;

    [Fact]
    public void RecitalsWithinOneResolution_ShouldStillBeCompared() =>
        _fixture.Tester(DuplicateOperativeOnlyFixture.Within).Verify(
            Texts.Pp($"considering\na) {Recital};\nb) [|{Recital},|]\n\nresolves\nto review the financial plan every year.\n"));

    [Fact]
    public void RecitalsOfTwoResolutions_ShouldNotBeComparedWhenNoRuleLooksAtThem() =>
        _fixture.Tester(DuplicateOperativeOnlyFixture.Across).Verify(new[]
        {
            Texts.Pp($"considering\n{Recital},\n\nresolves\nto review the financial plan every year.\n", number: "123"),
            Texts.Pp($"considering\n{Recital},\n\nresolves\nto keep the accounts in order.\n", number: "130"),
        });

    [Fact]
    public void OperativeClausesOfTwoResolutions_ShouldStillBeCompared() =>
        _fixture.Tester(DuplicateOperativeOnlyFixture.Across).Verify(new[]
        {
            Texts.Pp($"considering\n{Recital},\n\nresolves\n{Clause}.\n", number: "123"),
            Texts.Pp($"considering\n{Recital},\n\nresolves\n[|{Clause}.|]\n", number: "130"),
        });
}
