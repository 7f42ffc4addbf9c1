using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// The shipped rule set as a catalog: every rule is a trio (rules/RKnnnn.slug.json, docs/rules/RKnnnn.md, a test that
/// names it), ids are unique, the set loads, and each page's Incorrect/Correct examples behave as the page says.
/// </summary>
[Collection(ExpressionCollection.Name)]
public sealed class CatalogTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var (id, _) in Repository.RuleFiles())
        {
            data.Add(id);
        }

        return data;
    }

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(Repository.RuleDocs))
        {
            foreach (var page in Directory.EnumerateFiles(Repository.RuleDocs, "RK*.md").OrderBy(p => p, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(page));
            }
        }

        return data;
    }

    private static readonly Lazy<RuleSet> Shipped = new(() =>
    {
        // Every rule runs (strict preset), and deadlines are judged as of PP-22 so the examples do not change with the calendar.
        var result = RuleSet.Load(new RuleSetOptions { Folders = new[] { Repository.Rules }, Config = ResolutionKitConfig.Default.WithPreset("strict").WithAsOf("PP-22"), ExpressionCacheDirectory = null });
        return result.RuleSet ?? throw new InvalidOperationException("The shipped rules do not load:\n" + string.Join("\n", result.Errors));
    });

    [Fact]
    public void ShippedRules_ShouldLoadWithoutErrors()
    {
        var result = RuleSet.Load(new RuleSetOptions { Folders = new[] { Repository.Rules }, ExpressionCacheDirectory = null });

        Assert.True(result.Errors.Count == 0, "The shipped rules do not load:\n" + string.Join("\n", result.Errors));
        Assert.NotNull(result.RuleSet);
        Assert.Equal(Repository.RuleFiles().Select(f => f.Id), result.RuleSet!.Definitions.Select(d => d.Id));
    }

    [Fact]
    public void RuleIds_ShouldBeUniqueAndMatchTheirFileNames()
    {
        var files = Repository.RuleFiles();
        var ids = files.Select(f => (string?)JObject.Parse(File.ReadAllText(f.Path))["id"]).ToList();

        Assert.All(files.Zip(ids), x => Assert.Equal(x.First.Id, x.Second));
        var repeated = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "Rule ids used more than once: " + string.Join(", ", repeated));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_ShouldHaveADocumentationPage(string id) =>
        Assert.True(File.Exists(Path.Combine(Repository.RuleDocs, id + ".md")), $"docs/rules/{id}.md is missing: run reskit rules docs rules --out docs/rules --readme README.md");

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_ShouldBeNamedByATest(string id)
    {
        var naming = Repository.TestSources().Where(p => File.ReadAllText(p).Contains("\"" + id + "\"", StringComparison.Ordinal)).ToList();

        Assert.True(naming.Count > 0, $"No test names {id}: add its valid and invalid cases (see tests/ResolutionKit.Rules.Tests/ShippedRuleTests.cs)");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RulePage_ShouldDocumentAShippedRule(string page) =>
        Assert.Contains(page, Repository.RuleFiles().Select(f => f.Id));

    [Theory]
    [MemberData(nameof(Pages))]
    public void IncorrectExample_ShouldProduceTheRulesFinding(string id)
    {
        var examples = RulePageExamples.Read(File.ReadAllText(Path.Combine(Repository.RuleDocs, id + ".md")));
        foreach (var texts in examples.Incorrect)
        {
            var resolutions = texts.Select((t, i) => ResolutionTextReader.Read(t, $"Example{i}.txt").Value!).ToList();
            var findings = Shipped.Value.Analyze(resolutions).Diagnostics;
            Assert.True(findings.Any(d => d.Id == id), $"The incorrect example of {id} gives no {id} finding. Findings: {string.Join("; ", findings)}\n{string.Join("---\n", texts)}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void CorrectExample_ShouldProduceNoFindingOfTheRule(string id)
    {
        var examples = RulePageExamples.Read(File.ReadAllText(Path.Combine(Repository.RuleDocs, id + ".md")));
        foreach (var texts in examples.Correct)
        {
            new RuleTester(Shipped.Value, id).Verify(texts);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RulePage_ShouldHaveAnExample(string id)
    {
        var examples = RulePageExamples.Read(File.ReadAllText(Path.Combine(Repository.RuleDocs, id + ".md")));

        Assert.True(examples.Incorrect.Count + examples.Correct.Count > 0, $"docs/rules/{id}.md has neither an Incorrect nor a Correct example");
    }
}
