using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class ReportingKindFixture : KindFixture
{
    public const string Several = "RK9801";
    public const string CouncilAndConference = "RK9802";
    public const string Across = "RK9803";

    public ReportingKindFixture()
        : base(
            RuleJson.Make(Several, "reporting", new { check = "several" }, message: "Another report is requested in {0} (to {1})", category: "Reporting"),
            RuleJson.Make(CouncilAndConference, "reporting", new { check = "council-and-conference", threshold = 0.35 }, message: "Also reported to the {1} in {0}", category: "Reporting"),
            RuleJson.Make(Across, "reporting", new { check = "across", threshold = 0.5 }, message: "The same report is requested in {0}", category: "Reporting"))
    {
    }
}

/// <summary>The <c>reporting</c> kind: several reporting requests in one resolution; one matter reported to the Council and to the conference.</summary>
public sealed class ReportingKindTests : IClassFixture<ReportingKindFixture>
{
    private const string ToCouncil = "to report to the Council on the progress made in the implementation of this resolution and on the difficulties encountered";
    private const string OnLanguages = "to report annually to the Council on the use of the six official languages of the Union in meetings and publications";

    private const string ToConference = "to report to the next plenipotentiary conference on the progress made in the implementation of this resolution and on the difficulties encountered";
    private const string OtherToConference = "to submit a report to the next plenipotentiary conference on the spectrum needs of developing countries";

    private readonly ReportingKindFixture _fixture;

    public ReportingKindTests(ReportingKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string[]> Valid() => new()
    {
        { ReportingKindFixture.Several, new[] { Texts.Pp($"instructs the Secretary-General\n1 to act;\n2 {ToCouncil}.\n") } },
        { ReportingKindFixture.Several, new[] { Texts.Pp($"instructs the Secretary-General\n{ToCouncil}.\n", number: "123"), Texts.Pp($"instructs the Secretary-General\n{ToConference}.\n", number: "130") } },
        { ReportingKindFixture.Several, new[] { Texts.Pp($"noting\nthat the Secretary-General reports annually to the Council on the implementation of this resolution,\n\ninstructs the Secretary-General\n{ToConference}.\n") } },
        { ReportingKindFixture.CouncilAndConference, new[] { Texts.Pp($"instructs the Secretary-General\n1 {OnLanguages};\n2 {OtherToConference}.\n") } },
        { ReportingKindFixture.CouncilAndConference, new[] { Texts.Pp($"instructs the Secretary-General\n1 {ToConference};\n2 {ToConference}.\n") } },
        { ReportingKindFixture.Across, new[] { Texts.Pp($"instructs the Secretary-General\n1 {ToCouncil};\n2 {ToCouncil}.\n") } },

        // Every resolution asks for a report on its own implementation: that is no common subject.
        { ReportingKindFixture.Across, new[] { Texts.Pp($"instructs the Secretary-General\n{ToCouncil}.\n", number: "123"), Texts.Pp($"instructs the Secretary-General\n{ToCouncil}.\n", number: "130") } },

        // "To submit contributions" asks for no report.
        { ReportingKindFixture.Across, new[] { Texts.Pp("invites Member States\nto submit their contributions to the Council working group on languages.\n", number: "123"), Texts.Pp("invites Member States\nto submit their contributions to the Council working group on languages.\n", number: "130") } },
        { ReportingKindFixture.Across, new[] { Texts.Pp($"instructs the Secretary-General\n{ToCouncil}.\n", number: "123"), Texts.Pp($"instructs the Secretary-General\n{OtherToConference}.\n", number: "130") } },
    };

    public static TheoryData<string, string[]> Invalid() => new()
    {
        { ReportingKindFixture.Several, new[] { Texts.Pp($"instructs the Secretary-General\n1 {ToCouncil};\n2 to act;\n3 [|{ToConference};|]\n4 [|{OtherToConference}.|]\n") } },
        { ReportingKindFixture.Several, new[] { Texts.Pp($"instructs the Secretary-General\n{ToCouncil},\n\ninstructs the Council\n[|to submit annual reports to the conference on the matter.|]\n") } },
        { ReportingKindFixture.CouncilAndConference, new[] { Texts.Pp($"instructs the Secretary-General\n1 {ToCouncil};\n2 [|{ToConference}.|]\n") } },

        // The Council's report on the implementation of the whole resolution covers any other report it asks for.
        { ReportingKindFixture.CouncilAndConference, new[] { Texts.Pp($"instructs the Secretary-General\n1 {ToCouncil};\n2 [|{OtherToConference}.|]\n") } },

        // One request addressed to both.
        { ReportingKindFixture.CouncilAndConference, new[] { Texts.Pp("instructs the Secretary-General\n[|to report to the Council and to the next plenipotentiary conference on the spectrum needs of developing countries.|]\n") } },
        { ReportingKindFixture.Across, new[] { Texts.Pp($"instructs the Secretary-General\n{OnLanguages}.\n", number: "123"), Texts.Pp($"instructs the Council\n1 to act;\n2 [|{OnLanguages}.|]\n", number: "130") } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidTexts_ShouldStaySilent(string ruleId, string[] texts) => _fixture.Tester(ruleId).Verify(texts);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidTexts_ShouldReportMarkedSpans(string ruleId, string[] markedTexts) => _fixture.Tester(ruleId).Verify(markedTexts);

    [Fact]
    public void CouncilAndConference_ShouldNameTheCouncilRequest() =>
        _fixture.Tester(ReportingKindFixture.CouncilAndConference).Verify(
            Texts.Pp($"instructs the Secretary-General\n1 {ToCouncil};\n2 [|{ToConference}.|]\n"),
            "Also reported to the Council in PP-123/instructs-secretary-general/1");
}
