using System.Collections.Generic;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class MergeableKindFixture : KindFixture
{
    public const string Mergeable = "RK9901";

    public MergeableKindFixture()
        : base(RuleJson.Make(Mergeable, "mergeable", new { threshold = 0.5, minShared = 2 }, message: "{1} overlaps {0}: {2} shared operative clauses ({3}%)", category: "Duplication"))
    {
    }
}

/// <summary>The <c>mergeable</c> kind: two resolutions whose operative parts overlap enough to merge, reported on the title line of the second.</summary>
public sealed class MergeableKindTests : IClassFixture<MergeableKindFixture>
{
    private const string A = "to coordinate the activities of the three Sectors on accessibility for persons with disabilities";
    private const string B = "to organize training on accessible meeting facilities and documents for persons with disabilities";
    private const string C = "to review the financial implications of remote participation in meetings of the Union";
    private const string D = "to promote the use of open standards in the development of electronic working methods";

    private readonly MergeableKindFixture _fixture;

    public MergeableKindTests(MergeableKindFixture fixture) => _fixture = fixture;

    private static string Header(string number, bool marked)
    {
        var line = $"RESOLUTION {number} (REV. BUCHAREST, 2022)";
        return (marked ? "[|" + line + "|]" : line) + "\n\nTest resolution\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n";
    }

    public static TheoryData<string[]> Valid() => new()
    {
        new[] { Texts.Pp($"resolves\n1 {A};\n2 {C}.\n", number: "123"), Texts.Pp($"resolves\n1 {A};\n2 {D}.\n", number: "130") },
        new[] { Texts.Pp($"resolves\n1 {A};\n2 {B}.\n", number: "123"), Texts.Pp($"considering\na) {A};\nb) {B},\n\nresolves\n{C}.\n", number: "130") },
        new[] { Texts.Pp($"resolves\n1 {A};\n2 {B};\n3 {C}.\n", number: "123") },
    };

    public static TheoryData<string[]> Invalid() => new()
    {
        new[] { Texts.Pp($"resolves\n1 {A};\n2 {B};\n3 {C}.\n", number: "123"), Header("130", true) + Texts.Canonical($"instructs the Secretary-General\n1 {B};\n2 {A}.\n") },
        new[] { Header("175", true) + Texts.Canonical($"resolves\n1 {A};\n2 {B}.\n"), Texts.Pp($"resolves\n1 {A};\n2 {B};\n3 {D}.\n", number: "130") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidTexts_ShouldStaySilent(string[] texts) => _fixture.Tester(MergeableKindFixture.Mergeable).Verify(texts);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidTexts_ShouldReportMarkedSpans(string[] markedTexts) => _fixture.Tester(MergeableKindFixture.Mergeable).Verify(markedTexts);

    [Fact]
    public void MergeableResolutions_ShouldNameBothAndTheOverlap()
    {
        var result = _fixture.Tester(MergeableKindFixture.Mergeable).Verify(
            (IReadOnlyList<string>)new[] { Texts.Pp($"resolves\n1 {A};\n2 {B};\n3 {C}.\n", number: "123"), Header("130", true) + Texts.Canonical($"instructs the Secretary-General\n1 {B};\n2 {A}.\n") },
            "PP-130 overlaps PP-123: 2 shared operative clauses (100%)");
        var fix = Assert.Single(Assert.Single(result.Diagnostics).Fixes);
        Assert.False(fix.IsSafe);
    }
}
