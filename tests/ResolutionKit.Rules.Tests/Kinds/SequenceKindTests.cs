using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

public sealed class SequenceKindFixture : KindFixture
{
    public const string Labels = "RK9301";
    public const string SingleClause = "RK9302";
    public const string GroupOrder = "RK9303";
    public const string ActorOrder = "RK9304";
    public const string PreambleFirst = "RK9305";

    public SequenceKindFixture()
        : base(
            RuleJson.Make(Labels, "sequence", new { check = "labels" }, message: "The label {0} should be {1} in '{2}'", category: "Structure"),
            RuleJson.Make(SingleClause, "sequence", new { check = "single-clause" }, message: "The single clause of '{2}' needs no label {0}", category: "Structure"),
            RuleJson.Make(GroupOrder, "sequence", new { check = "group-order", order = new[] { "resolves", "decides", "instructs", "requests", "invites", "encourages" } },
                message: "'{0}' should come before '{1}'", category: "Structure"),
            RuleJson.Make(ActorOrder, "sequence", new { check = "group-order", order = new[] { "instructs:SecretaryGeneral", "instructs:Directors|DirectorTSB|DirectorBR|DirectorBDT", "instructs:Council" } },
                message: "'{0}' should come before '{1}'", category: "Structure"),
            RuleJson.Make(PreambleFirst, "sequence", new { check = "preamble-first" }, message: "The preambular group '{0}' follows the operative part", category: "Structure"))
    {
    }
}

/// <summary>The <c>sequence</c> kind: labels in order, the unlabelled single clause, the conventional order of groups.</summary>
public sealed class SequenceKindTests : IClassFixture<SequenceKindFixture>
{
    private readonly SequenceKindFixture _fixture;

    public SequenceKindTests(SequenceKindFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Valid() => new()
    {
        // preamble-first looks at the order of the parts, not at labels
        { SequenceKindFixture.PreambleFirst, Texts.Pp("considering\na) that one;\nc) that two,\n\nresolves\n1 to act;\n3 to review.\n") },
        { SequenceKindFixture.Labels, Texts.Pp("considering\na) that one;\nb) that two,\n\nresolves\n1 to act:\n1.1 first;\n1.2 second;\n2 to review,\n\ninvites Member States\nto contribute.\n") },
        { SequenceKindFixture.Labels, Texts.Pp("instructs the Secretary-General\n1 to act on:\ni) the first matter;\nii) the second matter;\n2 to report.\n") },
        { SequenceKindFixture.SingleClause, Texts.Pp("noting\nthe report,\n\nresolves\n1 to act;\n2 to review.\n") },
        { SequenceKindFixture.GroupOrder, Texts.Pp("resolves\nto act,\n\ninstructs the Secretary-General\nto report,\n\ninvites Member States\nto contribute.\n") },
        { SequenceKindFixture.GroupOrder, Texts.Pp("considering\nthe report,\n\nexpresses its appreciation to the Council\nfor its work,\n\nresolves\nto act.\n") },
        { SequenceKindFixture.ActorOrder, Texts.Pp("instructs the Secretary-General\nto act,\n\ninstructs the Directors of the three Bureaux\nto assist,\n\ninstructs the Council\nto review.\n") },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { SequenceKindFixture.PreambleFirst, Texts.Pp("considering\nthat one,\n\nresolves\nto act,\n\n[|noting|]\nthat two,\n\ninvites Member States\nto contribute.\n") },
        { SequenceKindFixture.Labels, Texts.Pp("considering\na) that one;\nb) that two;\n[|e) that three,|]\n\nresolves\nto act.\n") },
        { SequenceKindFixture.Labels, Texts.Pp("resolves\n1 to act;\n2 to review;\n[|4 to report.|]\n") },
        { SequenceKindFixture.Labels, Texts.Pp("resolves\n1 to act:\n1.1 first;\n[|1.3 second;|]\n2 to report.\n") },
        { SequenceKindFixture.SingleClause, Texts.Pp("noting\n[|a) the report,|]\n\nresolves\n[|1 to act.|]\n") },
        { SequenceKindFixture.GroupOrder, Texts.Pp("invites Member States\nto contribute,\n\n[|instructs the Secretary-General|]\nto report,\n\n[|resolves|]\nto act.\n") },
        { SequenceKindFixture.ActorOrder, Texts.Pp("instructs the Council\nto review,\n\n[|instructs the Secretary-General|]\nto act.\n") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidText_ShouldStaySilent(string ruleId, string text) => _fixture.Tester(ruleId).Verify(text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidText_ShouldReportMarkedSpans(string ruleId, string markedText) => _fixture.Tester(ruleId).Verify(markedText);

    [Fact]
    public void LabelOutOfSequence_ShouldNameFoundAndExpectedLabels() =>
        _fixture.Tester(SequenceKindFixture.Labels).Verify(
            Texts.Pp("resolves\n1 to act;\n2 to review;\n[|4 to report.|]\n"),
            "The label 4 should be 3 in 'resolves'");

    [Fact]
    public void LabelOutOfSequence_FixShouldRenumberTheGroup() =>
        _fixture.Tester(SequenceKindFixture.Labels).VerifyFix(
            Texts.Pp("considering\na) that one;\nb) that two;\n[|e) that three,|]\n\nresolves\nto act.\n"),
            Texts.Pp("considering\na) that one;\nb) that two;\nc) that three,\n\nresolves\nto act.\n"));

    [Fact]
    public void LabelledSingleClause_FixShouldRemoveTheLabel() =>
        _fixture.Tester(SequenceKindFixture.SingleClause).VerifyFix(
            Texts.Pp("noting\n[|a) the report,|]\n\nresolves\nto act.\n"),
            Texts.Pp("noting\nthe report,\n\nresolves\nto act.\n"));

    [Fact]
    public void GroupOutOfOrder_ShouldNameTheGroupItShouldPrecede() =>
        _fixture.Tester(SequenceKindFixture.GroupOrder).Verify(
            Texts.Pp("invites Member States\nto contribute,\n\n[|instructs the Secretary-General|]\nto report.\n"),
            "'instructs the Secretary-General' should come before 'invites Member States'");
}
