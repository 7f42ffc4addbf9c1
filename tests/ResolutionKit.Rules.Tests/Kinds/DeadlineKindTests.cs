using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class DeadlineKindFixture : KindFixture
{
    public const string Events = "RK9601";
    public const string Years = "RK9602";
    public const string FixedNames = "RK9603";

    public DeadlineKindFixture()
        : base(
            RuleJson.Make(Events, "deadline", new { detect = "events" }, message: "'{0}' lies before {1}", category: "Currency"),
            RuleJson.Make(Years, "deadline", new { detect = "years" }, fix: new { kind = "delete-clause" }, message: "'{0}' lies before {1}", category: "Currency"),
            RuleJson.Make(FixedNames, "deadline", new { detect = "fixed-names" }, fix: new { kind = "next-meeting", safe = true }, message: "Refer to the next conference rather than '{0}'", category: "Currency"))
    {
    }

    /// <summary>Deadlines are judged as of the Plenipotentiary Conference of 2022.</summary>
    protected override string AsOf => "PP-22";
}

/// <summary>The <c>deadline</c> kind: past events, past years and fixed conference names, relative to the "as of" meeting.</summary>
public sealed class DeadlineKindTests : IClassFixture<DeadlineKindFixture>
{
    private readonly DeadlineKindFixture _fixture;

    public DeadlineKindTests(DeadlineKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        { DeadlineKindFixture.Events, Texts.Pp("instructs the Secretary-General\n1 to report to PP-26;\n2 to report to the 2026 Plenipotentiary Conference.\n") },
        { DeadlineKindFixture.Events, Texts.Pp("recalling\nResolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference,\n\nresolves\nto act.\n") },
        { DeadlineKindFixture.Years, Texts.Pp("instructs the Secretary-General\n1 to complete the study by 2025;\n2 to apply the plan for 2020-2023 as adopted;\n3 to report to the 2021 session of the Council, an event rather than a year.\n") },
        { DeadlineKindFixture.FixedNames, Texts.Pp("instructs the Secretary-General\nto report to the next plenipotentiary conference and to PP-18 on what was done.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { DeadlineKindFixture.Events, Texts.Pp("instructs the Secretary-General\n1 to report to [|PP-18|];\n2 to consult [|the Plenipotentiary Conference (Dubai, 2018)|];\n3 to inform [|Council 2019|].\n") },
        { DeadlineKindFixture.Years, Texts.Pp("instructs the Secretary-General\n1 to complete the study [|by 2019|];\n2 to finish the review [|before March 2021|].\n") },
        { DeadlineKindFixture.Events, Texts.Pp("instructs the Secretary-General\nto report to [|the 2021 session of the Council|].\n") },
        { DeadlineKindFixture.FixedNames, Texts.Pp("instructs the Secretary-General\nto report to [|PP-26|] on the results.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void PastEvent_ShouldNameTheAsOfMeeting() =>
        _fixture.Tester(DeadlineKindFixture.Events).Verify(Texts.Pp("instructs the Secretary-General\nto report to [|PP-18|].\n"), "'PP-18' lies before PP-22");

    [Fact]
    public void PastYear_FixShouldDeleteTheCompletedInstruction() =>
        _fixture.Tester(DeadlineKindFixture.Years).VerifyFix(
            Texts.Pp("instructs the Secretary-General\n1 to act;\n2 to complete the study [|by 2019|];\n3 to report.\n"),
            Texts.Pp("instructs the Secretary-General\n1 to act;\n2 to report.\n"));

    [Fact]
    public void FixedConferenceName_FixShouldReferToTheNextConference() =>
        _fixture.Tester(DeadlineKindFixture.FixedNames).VerifyFix(
            Texts.Pp("instructs the Secretary-General\nto report to [|PP-26|] on the results.\n"),
            Texts.Pp("instructs the Secretary-General\nto report to the next plenipotentiary conference on the results.\n"));

    [Theory]
    [InlineData("PP-18", false)]
    [InlineData("PP-26", true)]
    public void SameMeeting_ShouldBePastOnlyRelativeToALaterAsOf(string asOf, bool past)
    {
        using var folder = new RuleFolder().Add(RuleJson.Make(DeadlineKindFixture.Events, "deadline", new { detect = "events" }, category: "Currency"));
        var tester = new RuleTester(folder.LoadOrThrow(ResolutionKitConfig.Default.WithAsOf(asOf)), DeadlineKindFixture.Events);
        var reference = past ? "[|PP-22|]" : "PP-22";
        tester.Verify(Texts.Pp($"instructs the Secretary-General\nto report to {reference}.\n"));
    }
}
