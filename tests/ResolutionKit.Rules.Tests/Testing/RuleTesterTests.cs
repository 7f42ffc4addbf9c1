using System.Collections.Generic;
using System.Linq;
using System.IO;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests.Testing;

public sealed class RuleTesterFixture : KindFixture
{
    public RuleTesterFixture()
        : base(
            RuleJson.Make("RK9001", "substitution", new { terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }, message: "Use '{1}' instead of '{0}'", category: "Terminology"),
            RuleJson.Make("RK9002", "phrase", new { pattern = @"\bshall\b" }, message: "Avoid '{0}'"),
            RuleJson.Make("RK9003", "phrase", new { pattern = @"\bchairman\b" }, message: "Disabled", enabled: false))
    {
    }
}

/// <summary>RuleTester itself: it fails, with a useful message, whenever the findings and the markup differ.</summary>
public sealed class RuleTesterTests : IClassFixture<RuleTesterFixture>
{
    private static readonly string Text = Texts.Pp("resolves\n1 to thank the chairman;\n2 that the work shall continue.\n");

    private readonly RuleTesterFixture _fixture;

    public RuleTesterTests(RuleTesterFixture fixture) => _fixture = fixture;

    [Fact]
    public void MarkedFinding_ShouldPass()
    {
        var result = _fixture.Tester("RK9001").Verify(Text.Replace("the chairman", "the [|chairman|]"));

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal("RK9001", finding.Id);
    }

    [Fact]
    public void UnmarkedFinding_ShouldFailWithLineColumnAndText()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001").Verify(Text));

        Assert.Contains("reported but not marked:   8:16 RK9001 (length 8) at \"chairman\"", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("1\tto thank the [|chairman|];", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void MarkedSpanNotReported_ShouldFailWithLineColumnAndText()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001").Verify(Text.Replace("the chairman", "[|the chairman|]")));

        Assert.Contains("expected but not reported: 8:12 RK9001 (length 12) at \"the chairman\"", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("reported but not marked:   8:16 RK9001", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FindingsOfOtherRules_ShouldBeIgnoredUnlessMarked()
    {
        _fixture.Tester("RK9001").Verify(Text.Replace("the chairman", "the [|chairman|]"));
        _fixture.Tester("RK9001").Verify(Text.Replace("the chairman", "the [|chairman|]").Replace("shall", "{|RK9002:shall|}"));
    }

    [Fact]
    public void SeveralRulesUnderTest_ShouldAllBeChecked()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001", "RK9002").Verify(Text.Replace("the chairman", "the [|chairman|]")));

        Assert.Contains("reported but not marked:   9:17 RK9002", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void WrongMessage_ShouldFailWithBothMessages()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001").Verify(Text.Replace("the chairman", "the [|chairman|]"), "Use 'chairperson'"));

        Assert.Contains("Expected: \"Use 'chairperson'\"", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("Use 'chair' instead of 'chairman'", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void WrongFixResult_ShouldFailWithTheFirstDifferentLine()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001").VerifyFix(
            Text.Replace("the chairman", "the [|chairman|]"),
            Texts.Pp("resolves\n1 to thank the chairperson;\n2 that the work shall continue.\n")));

        Assert.Contains("First difference at line 8:", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("actual:   \"1\\tto thank the chair;\"", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FindingWithoutFix_ShouldFailVerifyFix()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9002").VerifyFix(Text.Replace("shall", "[|shall|]"), Text));

        Assert.Contains("offer no fix", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatDoesNotRead_ShouldFailWithTheReadingErrors()
    {
        var e = Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001").Verify("no title line here\n"));

        Assert.Contains("RK0001", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRule_ShouldBeRefused()
    {
        Assert.Throws<System.ArgumentException>(() => _fixture.Tester("RK9999"));
        Assert.Throws<System.ArgumentException>(() => _fixture.Tester("RK9003"));
        Assert.Throws<RuleTestException>(() => _fixture.Tester("RK9001").Verify(Text.Replace("shall", "{|RK9999:shall|}")));
    }

    [Fact]
    public void Load_ShouldRunOnlyTheGivenRulesAndEnableThemWhenDisabled()
    {
        var tester = RuleTester.Load(new RuleTesterOptions { Folder = _fixture.Folder.Path, RuleIds = new[] { "RK9003" }, AsOf = "PP-22" });

        var result = tester.Verify(Text.Replace("the chairman", "the [|chairman|]"));

        Assert.Equal(new[] { "RK9003" }, new List<string>(tester.RuleSet.ActiveRules.Select(r => r.Rule.Id)));
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void LoadOfABrokenFolder_ShouldListTheErrors()
    {
        using var folder = new RuleFolder().AddFile("RK9001.bad.json", "{ \"id\": \"RK9001\" ");

        var e = Assert.Throws<RuleTestException>(() => RuleTester.Load(folder.Path, "RK9001"));

        Assert.Contains("RK9001.bad.json:1:", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralTexts_ShouldBeCheckedEachAgainstItsOwnMarkup()
    {
        var texts = new[] { Text.Replace("the chairman", "the [|chairman|]"), Texts.Pp("resolves\nto act.\n", number: "130") };

        var result = _fixture.Tester("RK9001").Verify((IReadOnlyList<string>)texts);

        Assert.Equal(2, result.Resolutions.Count);
        Assert.Equal("Test0.txt", Assert.Single(result.Diagnostics).Location.Path);
    }
}
