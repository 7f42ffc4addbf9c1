using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class ReferenceKindFixture : KindFixture
{
    public const string Superseded = "RK9501";
    public const string Unknown = "RK9502";
    public const string Self = "RK9503";
    public const string NoRevision = "RK9504";
    public const string Suppressed = "RK9505";

    public ReferenceKindFixture()
        : base(
            RuleJson.Make(Superseded, "reference", new { check = "superseded" }, fix: new { kind = "latest-revision", safe = true }, message: "{0} is superseded by {1}", category: "References"),
            RuleJson.Make(Unknown, "reference", new { check = "unknown" }, message: "{0} does not exist (highest number {1})", category: "References"),
            RuleJson.Make(Self, "reference", new { check = "self" }, message: "{0} cites itself", category: "References"),
            RuleJson.Make(NoRevision, "reference", new { check = "no-revision" }, fix: new { kind = "insert-revision" }, message: "{0} needs its revision ({1})", category: "References"),
            RuleJson.Make(Suppressed, "reference", new { check = "suppressed" }, message: "{0} was suppressed; see {1}", category: "References"))
    {
        Folder.AddRegistry("suppressed.json", """{ "instruments": [ { "body": "PP", "number": "99", "suppressed": true, "replacedBy": "Resolution 71" } ] }""");
    }
}

/// <summary>The <c>reference</c> kind against a small registry: superseded, unknown, self, no-revision, suppressed.</summary>
public sealed class ReferenceKindTests : IClassFixture<ReferenceKindFixture>
{
    private readonly ReferenceKindFixture _fixture;

    public ReferenceKindTests(ReferenceKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        { ReferenceKindFixture.Superseded, Texts.Pp("recalling\nResolution 71 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n") },
        { ReferenceKindFixture.Superseded, Texts.Pp("recalling\nResolution 200 (Rev. Dubai, 2018) of this conference, which the registry does not know,\n\nresolves\nto act.\n") },
        { ReferenceKindFixture.Superseded, Texts.Pp("recalling\nResolution 123 (Rev. Busan, 2014) of this conference,\n\nresolves\nto act.\n", number: "123") },
        { ReferenceKindFixture.Unknown, Texts.Pp("recalling\nResolutions 71 and 220 of this conference,\n\nresolves\nto act.\n") },
        { ReferenceKindFixture.Self, Texts.Pp("recalling\nResolution 71 of this conference,\n\nresolves\nto act.\n", number: "123") },
        { ReferenceKindFixture.NoRevision, Texts.Pp("recalling\nResolution 71 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto review the implementation of this resolution.\n") },
        { ReferenceKindFixture.Suppressed, Texts.Pp("recalling\nResolution 71 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { ReferenceKindFixture.Superseded, Texts.Pp("recalling\n[|Resolution 71 (Rev. Dubai, 2018) of this conference|],\n\nresolves\nto act.\n") },
        { ReferenceKindFixture.Superseded, Texts.Pp("recalling\na) [|Resolution 71 (Rev. Busan, 2014)|];\nb) Resolution 123 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n", number: "191") },
        { ReferenceKindFixture.Unknown, Texts.Pp("recalling\nResolution 71 and [|250 of this conference|],\n\nresolves\nto act.\n") },
        { ReferenceKindFixture.Self, Texts.Pp("recalling\n[|Resolution 123 (Rev. Busan, 2014) of this conference|],\n\nresolves\nto act.\n", number: "123") },
        { ReferenceKindFixture.NoRevision, Texts.Pp("recalling\n[|Resolution 71 of this conference|],\n\nresolves\nto act.\n") },
        { ReferenceKindFixture.Suppressed, Texts.Pp("recalling\n[|Resolution 99 (Rev. Dubai, 2018) of this conference|],\n\nresolves\nto act.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void SupersededRevision_ShouldNameTheLatestRevision() =>
        _fixture.Tester(ReferenceKindFixture.Superseded).Verify(
            Texts.Pp("recalling\n[|Resolution 71 (Rev. Dubai, 2018) of this conference|],\n\nresolves\nto act.\n"),
            "Resolution 71 (Rev. Dubai, 2018) of this conference is superseded by Rev. Bucharest, 2022");

    [Fact]
    public void SupersededRevision_FixShouldCiteTheLatestRevision() =>
        _fixture.Tester(ReferenceKindFixture.Superseded).VerifyFix(
            Texts.Pp("recalling\n[|Resolution 71 (Rev. Dubai, 2018) of this conference|],\n\nresolves\nto act.\n"),
            Texts.Pp("recalling\nResolution 71 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n"));

    [Fact]
    public void ReferenceWithoutRevision_FixShouldInsertTheLatestRevision() =>
        _fixture.Tester(ReferenceKindFixture.NoRevision).VerifyFix(
            Texts.Pp("recalling\n[|Resolution 71 of this conference|],\n\nresolves\nto act.\n"),
            Texts.Pp("recalling\nResolution 71 (Rev. Bucharest, 2022) of this conference,\n\nresolves\nto act.\n"));

    [Fact]
    public void UnknownNumber_ShouldNameTheHighestNumberInUse() =>
        _fixture.Tester(ReferenceKindFixture.Unknown).Verify(
            Texts.Pp("recalling\n[|Resolution 250 of this conference|],\n\nresolves\nto act.\n"),
            "Resolution 250 of this conference does not exist (highest number 220)");

    [Fact]
    public void SuppressedInstrument_ShouldNameWhatReplacedIt() =>
        _fixture.Tester(ReferenceKindFixture.Suppressed).Verify(
            Texts.Pp("recalling\n[|Resolution 99 (Rev. Dubai, 2018) of this conference|],\n\nresolves\nto act.\n"),
            "Resolution 99 (Rev. Dubai, 2018) of this conference was suppressed; see Resolution 71");
}
