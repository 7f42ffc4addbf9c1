using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class PhraseKindFixture : KindFixture
{
    public const string Forbid = "RK9101";
    public const string Require = "RK9102";
    public const string Heading = "RK9103";
    public const string Title = "RK9104";
    public const string WhenUnless = "RK9105";

    public PhraseKindFixture()
        : base(
            RuleJson.Make(Forbid, "phrase", new { pattern = @"\bshall\b" }, scope: new { part = "operative" }, message: "Avoid '{0}' under '{1}'"),
            RuleJson.Make(Require, "phrase", new { pattern = @"^(?:to|that)\b", mode = "require" }, scope: new { part = "operative" }, message: "Start with an action: '{0}'"),
            RuleJson.Make(Heading, "phrase", new { pattern = @"^instructs\b", target = "heading" }, scope: new { part = "operative", actors = "MemberStates" },
                fix: new { kind = "replace-match", with = "invites", safe = true }, message: "The conference cannot instruct {2}; use 'invites'", category: "Mandate"),
            RuleJson.Make(Title, "phrase", new { pattern = @"\bICTs\b", target = "title" }),
            RuleJson.Make(WhenUnless, "phrase", new { pattern = @"\bbudget\b", when = @"^to\b", unless = @"existing budgetary resources" }, scope: new { part = "operative" }))
    {
    }
}

/// <summary>The <c>phrase</c> kind: forbid, require, heading target with a replace-match fix, title target, when/unless.</summary>
public sealed class PhraseKindTests : IClassFixture<PhraseKindFixture>
{
    private readonly PhraseKindFixture _fixture;

    public PhraseKindTests(PhraseKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        // forbid: only in scope (operative), whole words only
        { PhraseKindFixture.Forbid, Texts.Pp("considering\nthat Member States shall be consulted,\n\nresolves\n1 to act;\n2 to review the shallow parts.\n") },
        { PhraseKindFixture.Forbid, Texts.Pp("resolves\nto act on the matter.\n") },

        // require: every operative clause starts with "to" or "that"
        { PhraseKindFixture.Require, Texts.Pp("noting\nthe report,\n\nresolves\n1 to act;\n2 that the work continues.\n") },

        // heading: Member States are invited; organs may be instructed
        { PhraseKindFixture.Heading, Texts.Pp("instructs the Secretary-General\n1 to act;\n2 to report,\n\ninvites Member States\nto contribute.\n") },
        { PhraseKindFixture.Heading, Texts.Pp("encourages Member States\nto contribute.\n") },

        // title: the subject title does not match
        { PhraseKindFixture.Title, Texts.Pp("resolves\nto act.\n", title: "Strategic plan for the Union") },

        // when/unless: "budget" outside an instruction, or with the accepted wording
        { PhraseKindFixture.WhenUnless, Texts.Pp("resolves\n1 that the budget is adopted;\n2 to act on the budget within existing budgetary resources.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { PhraseKindFixture.Forbid, Texts.Pp("resolves\n1 that the work [|shall|] continue;\n2 that the Council [|shall|] review it and [|Shall|] report.\n") },
        { PhraseKindFixture.Require, Texts.Pp("resolves\n1 to act;\n2 [|the work continues;|]\n3 that it is reviewed.\n") },
        { PhraseKindFixture.Require, Texts.Pp("instructs the Secretary-General\n[|coordination with the Bureaux.|]\n") },
        { PhraseKindFixture.Heading, Texts.Pp("instructs the Secretary-General\nto act,\n\n[|instructs|] Member States\n1 to contribute;\n2 to report.\n") },
        { PhraseKindFixture.Heading, Texts.Pp("[|instructs|] Member States and Sector Members\nto contribute.\n") },
        { PhraseKindFixture.Title, "[|RESOLUTION 123 (REV. BUCHAREST, 2022)|]\n\nUse of ICTs for development\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto act.\n" },
        { PhraseKindFixture.WhenUnless, Texts.Pp("resolves\n1 that the budget is adopted;\n2 to increase the [|budget|] of the Sector.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void ForbiddenPhrase_ShouldFormatMessageWithMatchAndHeading() =>
        _fixture.Tester(PhraseKindFixture.Forbid).Verify(Texts.Pp("resolves\nthat the work [|shall|] continue.\n"), "Avoid 'shall' under 'resolves'");

    [Fact]
    public void InstructedMemberStates_ShouldNameTheActorsInMessage() =>
        _fixture.Tester(PhraseKindFixture.Heading).Verify(
            Texts.Pp("[|instructs|] Member States\nto contribute.\n"),
            "The conference cannot instruct Member States; use 'invites'");

    [Fact]
    public void InstructedMemberStates_FixShouldTurnInstructsIntoInvites() =>
        _fixture.Tester(PhraseKindFixture.Heading).VerifyFix(
            Texts.Pp("instructs the Secretary-General\nto act,\n\n[|instructs|] Member States\n1 to contribute;\n2 to report.\n"),
            Texts.Pp("instructs the Secretary-General\nto act,\n\ninvites Member States\n1 to contribute;\n2 to report.\n"));

    [Fact]
    public void InstructedMemberStates_FixShouldBeSafeAndChangeTheGroupKind()
    {
        var result = _fixture.Tester(PhraseKindFixture.Heading).Verify(Texts.Pp("[|instructs|] Member States\nto contribute.\n"));
        var fix = Assert.Single(Assert.Single(result.Diagnostics).Fixes);
        Assert.True(fix.IsSafe);
        var edit = Assert.IsType<ResolutionKit.Fixes.ChangeGroupHeading>(Assert.Single(fix.Edits));
        Assert.Equal("invites Member States", edit.Heading);
        Assert.Equal("invites", edit.Kind);
        Assert.Equal(PhraseKindFixture.Heading, fix.RuleId);
    }
}
