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
