using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// Invalid rule files: each error names the file, the line and the column (marked with <c>$$</c> in the file text),
/// and any invalid file makes the whole load fail.
/// </summary>
[Collection(ExpressionCollection.Name)]
public sealed class LoadingErrorTests
{
    private const string Prefix = """
        {
          "id": "RK9001",
          "title": "A test rule",
          "category": "Style",
          "severity": "warning",

        """;

    private const string Suffix = """
        ,
          "message": "{0}",
          "rationale": "A rule written by a test."
        }
        """;

    /// <summary>A rule file RK9001.test.json with a kind and params given as the JSON text between the common fields.</summary>
    private static string Rule(string kindAndParams) => Prefix + kindAndParams + Suffix;

    public static TheoryData<string, string> InvalidFiles() => new()
    {
        {
            "invalid JSON (a missing comma)",
            """
            {
              "id": "RK9001",
              "title": "A test rule"
              $$"category": "Style"
            }
            """
        },
        {
            "invalid JSON (truncated)",
            """
            {
              "id": "RK9001",
              "title": "A test rule",
              "params": { "pattern": "x" $$
            """
        },
        { "unknown field", Rule("  \"kind\": \"phrase\",\n  $$\"colour\": \"red\",\n  \"params\": { \"pattern\": \"x\" }") },
        { "supersededBy that is not a list of ids", Rule("  \"kind\": \"sequence\",\n  \"supersededBy\": $$[ \"reading\" ],\n  \"params\": { \"check\": \"labels\" }") },
        { "unknown kind", Rule("  \"kind\": $$\"phrasal\",\n  \"params\": { \"pattern\": \"x\" }") },
        { "unknown parameter", Rule("  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"x\", $$\"patern\": \"y\" }") },
        { "bad parameter type (boolean)", Rule("  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"x\", \"ignoreCase\": $$\"yes\" }") },
        { "bad parameter type (number)", Rule("  \"kind\": \"count\",\n  \"params\": { \"target\": \"clause\", \"max\": $$\"ten\" }") },
        { "bad parameter value (choice)", Rule("  \"kind\": \"sequence\",\n  \"params\": { \"check\": $$\"alphabetical\" }") },
        { "invalid regex", Rule("  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"^to (a|b)$$)\" }") },
        { "invalid regex after an escape", Rule("  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"\\\\bto\\\\s+(a|b)$$) \\\"x\\\"\" }") },
        { "invalid regex in a substitution term", Rule("  \"kind\": \"substitution\",\n  \"params\": { \"terms\": [ { \"discouraged\": \"vice$$)chair\", \"preferred\": \"chair\", \"regex\": true } ] }") },
        { "expression that does not compile", Rule("  \"kind\": \"expression\",\n  \"params\": { \"on\": \"clause\", \"predicate\": \"clause.Text.Length > 0 && clause.$$Txt.Length > 0\" }") },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void InvalidRuleFile_ShouldReportFileLineAndColumn(string problem, string markedFile)
    {
        var file = JsonMarkup.Parse(markedFile);
        using var folder = new RuleFolder().AddFile("RK9001.test.json", file.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(folder.FileOf("RK9001.test.json"), e.Path));
        Assert.True(
            result.Errors.Any(e => e.Span.Line == file.Line && e.Span.Column == file.Column),
            $"{problem}: expected an error at {file.Line}:{file.Column}, got:\n" + string.Join("\n", result.Errors));
    }

    public static TheoryData<string, string, string> ForbiddenExpressions() => new()
    {
        { "reads a file", "clause.Text.Length > 0 && $$System.IO.File.ReadAllText(\\\"/etc/passwd\\\").Length > 0", "ReadAllText" },
        { "uses reflection", "$$clause.GetType().Assembly.Location.Length > 0", "GetType" },
        { "exits the process", "((System.Func<bool>)(() => { return true; })) != null || ((System.Action)(() => $$System.Environment.Exit(1))) != null", "Exit" },
        { "starts a process", "$$System.Diagnostics.Process.Start(\\\"sh\\\") != null", "Process" },
        { "opens a network connection", "clause.Text.Length > 0 && new System.Net.Http.$$HttpClient() != null", "HttpClient" },
        { "blocks a thread", "((System.Action)(() => $$System.Threading.Thread.Sleep(100000))) != null", "Sleep" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenExpressions))]
    public void ForbiddenExpression_ShouldBeRefusedAtItsLocation(string what, string markedPredicate, string named)
    {
        var file = JsonMarkup.Parse(Rule("  \"kind\": \"expression\",\n  \"params\": { \"on\": \"clause\", \"predicate\": \"" + markedPredicate + "\" }"));
        using var folder = new RuleFolder().AddFile("RK9001.test.json", file.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        var at = result.Errors.Where(e => e.Span.Line == file.Line && e.Span.Column == file.Column).ToList();
        Assert.True(at.Count > 0, $"An expression that {what} should be refused at {file.Line}:{file.Column}, got:\n" + string.Join("\n", result.Errors));
        Assert.Contains(at, e => e.Message.Contains(named, System.StringComparison.Ordinal));
        Assert.True(result.Errors.GroupBy(e => e.Message).All(g => g.Count() == 1), "Each problem should be reported once:\n" + string.Join("\n", result.Errors));
    }

    [Fact]
    public void DuplicateId_ShouldReportTheSecondFileAtItsId()
    {
        var second = JsonMarkup.Parse(Prefix.Replace("\"id\": \"RK9001\"", "\"id\": $$\"RK9001\"") + "  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"y\" }" + Suffix);
        using var folder = new RuleFolder()
            .AddFile("RK9001.a.json", Rule("  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"x\" }"))
            .AddFile("RK9001.b.json", second.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal(folder.FileOf("RK9001.b.json"), error.Path);
        Assert.Equal((second.Line, second.Column), (error.Span.Line, error.Span.Column));
        Assert.Contains("RK9001.a.json", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void IdNotMatchingFileName_ShouldReportTheId()
    {
        var file = JsonMarkup.Parse(Prefix.Replace("\"id\": \"RK9001\"", "\"id\": $$\"RK9001\"") + "  \"kind\": \"phrase\",\n  \"params\": { \"pattern\": \"x\" }" + Suffix);
        using var folder = new RuleFolder().AddFile("RK9002.test.json", file.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal(folder.FileOf("RK9002.test.json"), error.Path);
        Assert.Equal((file.Line, file.Column), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void OneBadFileAmongGoodOnes_ShouldLoadNothing()
    {
        var bad = JsonMarkup.Parse(Rule("  \"kind\": $$\"phrasal\",\n  \"params\": { \"pattern\": \"x\" }"));
        using var folder = new RuleFolder()
            .Add(RuleJson.Make("RK9000", "phrase", new { pattern = "x" }))
            .AddFile("RK9001.test.json", bad.Text)
            .Add(RuleJson.Make("RK9002", "substitution", new { terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }));

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal((folder.FileOf("RK9001.test.json"), bad.Line, bad.Column), (error.Path, error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void InvalidRegistryFile_ShouldLoadNothing()
    {
        var registry = JsonMarkup.Parse("""{ "meetings": [ { "body": "PP", "place": "Dubai", "year": 2018, "start": $$"29 October 2018" } ] }""");
        using var folder = new RuleFolder().Add(RuleJson.Make("RK9000", "phrase", new { pattern = "x" })).AddRegistry("bad.json", registry.Text);

        var result = folder.Load();

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal((System.IO.Path.Combine(folder.Path, "registry", "bad.json"), registry.Line, registry.Column), (error.Path, error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void ValidFolder_ShouldLoadEveryRule()
    {
        using var folder = new RuleFolder()
            .Add(RuleJson.Make("RK9000", "phrase", new { pattern = "x" }))
            .Add(RuleJson.Make("RK9002", "substitution", new { terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }));

        var result = folder.Load();

        Assert.Empty(result.Errors);
        Assert.NotNull(result.RuleSet);
        Assert.Equal(new[] { "RK9000", "RK9002" }, result.RuleSet!.Definitions.Select(d => d.Id));
    }

    [Fact]
    public void RuleFile_ShouldKeepItsJsonForTools()
    {
        var rule = RuleJson.Make("RK9000", "phrase", new { pattern = "x" });
        using var folder = new RuleFolder().Add(rule);

        var definition = Assert.Single(folder.LoadOrThrow().Definitions);

        Assert.True(JToken.DeepEquals(rule, definition.Json));
    }
}
