using System.IO;
using System.Linq;
using ResolutionKit.Rules.Docs;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// The README's rule table and each rule page are generated from rules/*.json by <c>reskit rules docs</c> (the same
/// <see cref="RuleDocumentation"/> this test calls); these tests fail when a rule file changed and the generated text
/// was not regenerated.
/// </summary>
public sealed class DocsDriftTests
{
    private const string Regenerate = "run: dotnet run --project src/ResolutionKit.Cli -- rules docs rules --out docs/rules --readme README.md";

    private static (string Path, string Content)[] Generated()
    {
        var result = RuleSet.Load(new RuleSetOptions { Folders = new[] { Repository.Rules }, ExpressionCacheDirectory = null });
        Assert.True(result.RuleSet is not null, string.Join("\n", result.Errors));
        return RuleDocumentation.Generate(result.RuleSet!.Definitions, Repository.Rules, Repository.RuleDocs, Path.Combine(Repository.Root, "README.md")).ToArray();
    }

    [Fact]
    public void ReadmeRuleTable_ShouldBeWhatTheRuleFilesGive()
    {
        var readme = Generated().Single(f => f.Path.EndsWith("README.md", System.StringComparison.Ordinal));
        Assert.True(File.ReadAllText(readme.Path).Replace("\r\n", "\n") == readme.Content, "README.md's rule table differs from rules/; " + Regenerate);
    }

    [Fact]
    public void RulePages_ShouldBeWhatTheRuleFilesGive()
    {
        foreach (var (path, content) in Generated().Where(f => f.Path.EndsWith(".md", System.StringComparison.Ordinal) && !f.Path.EndsWith("README.md", System.StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(path), $"{path} is missing; {Regenerate}");
            Assert.True(File.ReadAllText(path).Replace("\r\n", "\n") == content, $"{Path.GetFileName(path)} differs from its rule file; {Regenerate}");
        }
    }

    [Fact]
    public void EveryRule_ShouldStateItsLanguages()
    {
        foreach (var (id, path) in Repository.RuleFiles())
        {
            var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(path));
            Assert.True(json["languages"] is not null, $"{id} does not say which languages it judges (\"languages\": \"all\" or a list)");
        }
    }
}
