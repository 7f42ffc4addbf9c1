using System;
using System.Linq;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// Wrong value types in rule, registry and configuration files are user errors: they are reported with their
/// location and make the load fail; they never throw.
/// </summary>
public sealed class RobustnessTests
{
    private const string Prefix = "{\n  \"id\": \"RK9001\",\n  \"title\": \"A test rule\",\n  \"category\": \"Style\",\n  \"severity\": \"warning\",\n  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"x\" },\n  \"message\": \"{0}\",\n  \"rationale\": \"A rule written by a test.\",\n";

    public static TheoryData<string> RuleFilesWithWrongTypes() => new()
    {
        Prefix + "  \"scope\": { \"part\": $${ \"name\": \"operative\" } }\n}",
        Prefix + "  \"fix\": { \"kind\": $$[ \"replace-match\" ], \"with\": \"y\" }\n}",
        Prefix + "  \"fix\": { \"kind\": \"replace-match\", \"with\": \"y\", \"title\": $${ } }\n}",
    };

    [Theory]
    [MemberData(nameof(RuleFilesWithWrongTypes))]
    public void RuleFileWithAWrongValueType_ShouldBeAnErrorNotAnException(string markedFile)
    {
        var file = JsonMarkup.Parse(markedFile);
        using var folder = new RuleFolder().AddFile("RK9001.test.json", file.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Errors, e => (e.Span.Line, e.Span.Column) == (file.Line, file.Column));
    }

    public static TheoryData<string> ConfigurationsWithWrongTypes() => new()
    {
        "{ \"asOf\": \"PP-22\", \"ruleFolders\": $$\"extra\" }",
        "{ \"asOf\": \"PP-22\", \"suppressions\": $${ \"id\": \"RK9001\" } }",
        "{ \"asOf\": \"PP-22\", \"suppressions\": [ $$\"RK9001\" ] }",
        "{ \"asOf\": \"PP-22\", \"baseline\": $${ \"path\": \"baseline.json\" } }",
        "{ \"asOf\": $${ \"meeting\": \"PP-22\" } }",
        "{ \"asOf\": \"PP-22\", \"preset\": $$[ \"strict\" ] }",
    };

    [Theory]
    [MemberData(nameof(ConfigurationsWithWrongTypes))]
    public void ConfigurationWithAWrongValueType_ShouldBeAnErrorNotAnException(string markedFile)
    {
        var file = JsonMarkup.Parse(markedFile);
        using var folder = new RuleFolder().Add(RuleJson.Make("RK9001", "phrase", new { pattern = "x" }));

        var config = folder.Config(file.Text);
        var result = folder.Load(config);

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Errors, e => (e.Path, e.Span.Line, e.Span.Column) == (folder.FileOf(ResolutionKitConfig.FileName), file.Line, file.Column));
    }

    public static TheoryData<string> RegistriesWithWrongTypes() => new()
    {
        "{ \"meetings\": [ { \"body\": \"PP\", \"place\": \"Dubai\", \"year\": 2018, \"start\": $${ \"day\": 29 } } ] }",
        "{ \"instruments\": [ { \"body\": \"PP\", \"number\": \"71\", \"kind\": $$[ \"Resolution\" ] } ] }",
        "{ \"instruments\": $${ \"body\": \"PP\", \"number\": \"71\" } }",
    };

    [Theory]
    [MemberData(nameof(RegistriesWithWrongTypes))]
    public void RegistryWithAWrongValueType_ShouldBeAnErrorNotAnException(string markedFile)
    {
        var file = JsonMarkup.Parse(markedFile);
        using var folder = new RuleFolder().Add(RuleJson.Make("RK9001", "phrase", new { pattern = "x" })).AddRegistry("bad.json", file.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Errors, e => (e.Span.Line, e.Span.Column) == (file.Line, file.Column));
    }

    [Theory]
    [InlineData("$$[ { \"id\": \"RK9001\" } ]")]
    [InlineData("{ \"version\": 1, \"findings\": [ $$\"RK9001|PP-123|message\" ] }")]
    public void BaselineWithAWrongShape_ShouldBeAnErrorNotAnException(string markedFile)
    {
        var file = JsonMarkup.Parse(markedFile);
        using var folder = new RuleFolder().Add(RuleJson.Make("RK9001", "phrase", new { pattern = "x" })).AddFile("baseline.json", file.Text);

        var result = folder.Load(ResolutionKitConfig.Default.WithAsOf("PP-22").WithBaseline(folder.FileOf("baseline.json")));

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Errors, e => (e.Path, e.Span.Line, e.Span.Column) == (folder.FileOf("baseline.json"), file.Line, file.Column));
    }

    [Fact]
    public void FolderWithoutRegistry_ShouldLoadWhenNoAsOfIsConfigured()
    {
        using var folder = new RuleFolder(withRegistry: false).Add(RuleJson.Make("RK9001", "phrase", new { pattern = @"\bshall\b" }));

        var result = RuleSet.Load(new RuleSetOptions { Folders = new[] { folder.Path }, ExpressionCacheDirectory = null });

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        new RuleTester(result.RuleSet!, "RK9001").Verify(Texts.Pp("resolves\nthat the work [|shall|] continue.\n"));
    }
}
