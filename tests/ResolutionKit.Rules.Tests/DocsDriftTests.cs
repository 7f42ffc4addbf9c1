using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// The README's rule table and each rule page are generated from rules/*.json by tools/gen_rule_docs.py; these tests
/// fail when a rule file changed and the generated text was not regenerated.
/// </summary>
public sealed class DocsDriftTests
{
    private const string Regenerate = "run python3 tools/gen_rule_docs.py";

    private static JObject[] Rules() =>
        Directory.GetFiles(Repository.Rules, "RK*.json").OrderBy(f => f, System.StringComparer.Ordinal).Select(f => JObject.Parse(File.ReadAllText(f))).ToArray();

    private static string Severity(JObject rule) => (string)rule["severity"]! + ((bool?)rule["enabled"] == false ? " (strict)" : string.Empty);

    [Fact]
    public void ReadmeRuleTable_ShouldListEveryRuleAsItsFileSays()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("<!-- rules:start -->", System.StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- rules:end -->", System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no generated rule table; " + Regenerate);
        var rows = readme.Substring(start, end - start).Split('\n').Where(l => l.StartsWith("| [RK", System.StringComparison.Ordinal)).ToList();
        var rules = Rules();
        Assert.Equal(rules.Length, rows.Count);
        foreach (var rule in rules)
        {
            var id = (string)rule["id"]!;
            var expected = $"| [{id}](docs/rules/{id}.md) | {(string)rule["title"]!} | {(string)rule["category"]!} | {Severity(rule)} | {(string)rule["kind"]!} |";
            Assert.True(rows.Any(r => r.StartsWith(expected, System.StringComparison.Ordinal)), $"README.md's row for {id} differs from rules/; {Regenerate}");
        }
    }

    [Fact]
    public void RulePages_ShouldMatchTheirRuleFiles()
    {
        foreach (var rule in Rules())
        {
            var id = (string)rule["id"]!;
            var page = File.ReadAllText(Path.Combine(Repository.RuleDocs, id + ".md"));
            var why = $"docs/rules/{id}.md differs from its rule file; {Regenerate}";
            Assert.True(page.StartsWith($"# {id}: {(string)rule["title"]!}\n", System.StringComparison.Ordinal), why);
            Assert.True(page.Contains($"| Category | {(string)rule["category"]!} |", System.StringComparison.Ordinal), why);
            Assert.True(page.Contains($"| Default severity | {(string)rule["severity"]!} |", System.StringComparison.Ordinal), why);
            Assert.True(page.Contains($"| Kind | `{(string)rule["kind"]!}` |", System.StringComparison.Ordinal), why);
            Assert.True(page.Contains((string)rule["rationale"]!, System.StringComparison.Ordinal), why);
            Assert.True(page.Contains("`" + (string)rule["message"]! + "`", System.StringComparison.Ordinal), why);
            foreach (var line in (rule["examples"] as JObject)?.Properties().SelectMany(p => p.Value.Values<string>()) ?? Enumerable.Empty<string?>())
            {
                if (line is { Length: > 0 } && !line.StartsWith('@') && line != "---")
                {
                    Assert.True(page.Contains(line, System.StringComparison.Ordinal), why + $" (example line \"{line}\" is missing)");
                }
            }
        }
    }
}
