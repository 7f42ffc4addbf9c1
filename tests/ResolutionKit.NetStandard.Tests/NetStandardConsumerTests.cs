using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using Xunit;

namespace ResolutionKit.NetStandard.Tests;

/// <summary>The netstandard2.0 builds check the samples with the shipped rules and find what the net10.0 tool finds.</summary>
public class NetStandardConsumerTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void TheLibrariesUnderTest_ShouldBeTheNetStandardBuilds()
    {
        Assert.Equal(".NETStandard,Version=v2.0", typeof(RuleSet).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).Cast<TargetFrameworkAttribute>().Single().FrameworkName);
        Assert.Equal(".NETStandard,Version=v2.0", typeof(Resolution).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).Cast<TargetFrameworkAttribute>().Single().FrameworkName);
    }

    [Fact]
    public void CheckingTheSamples_ShouldGiveTheFindingsOfTheNet10Tool()
    {
        // The golden output of `reskit check samples/corpus --as-of PP-26`, which the net10.0 tool's tests keep.
        var expected = File.ReadAllText(Path.Combine(Root, "tests", "ResolutionKit.Cli.Tests", "Golden", "check-corpus.lines.txt")).Replace("\r\n", "\n");
        var loaded = RuleSet.Load(new RuleSetOptions { Folders = new[] { Path.Combine(Root, "rules") }, Config = ResolutionKitConfig.Default.WithAsOf("PP-26"), ExpressionCacheDirectory = null });
        Assert.True(loaded.RuleSet is not null, string.Join("\n", loaded.Errors));
        var ruleSet = loaded.RuleSet!;
        Assert.Contains(ruleSet.ActiveRules, r => r.Rule.Kind == "expression");

        var resolutions = new System.Collections.Generic.List<Resolution>();
        var reading = new System.Collections.Generic.List<Diagnostic>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "samples", "corpus"), "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = "samples/corpus/" + Path.GetFileName(file);
            foreach (var result in ResolutionTextReader.ReadAll(File.ReadAllText(file), relative))
            {
                reading.AddRange(result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden));
                if (result.Value is not null)
                {
                    resolutions.Add(result.Value);
                }
            }
        }

        var findings = ruleSet.MergeReading(reading, ruleSet.Analyze(resolutions).Diagnostics);

        Assert.Equal(expected, string.Concat(findings.Select(d => d + "\n")));
    }

    [Theory]
    [InlineData("Enumerable.Range(0, int.MaxValue).Where(i => i >= 0).Count() > 0")]
    [InlineData("((Func<object, bool>)(x => ((Func<object, bool>)x)(x)))((Func<object, bool>)(x => ((Func<object, bool>)x)(x)))")]
    [InlineData("Enumerable.Range(0, 200000).Aggregate(\"\", (a, i) => a + \"x\").Length > 0")]
    public void AnExpressionThatWouldHangOrCrash_ShouldBeStoppedAndReportedOnce(string predicate)
    {
        var folder = Directory.CreateTempSubdirectory("reskit-ns20-").FullName;
        try
        {
            var rule = new Newtonsoft.Json.Linq.JObject
            {
                ["id"] = "RK9301",
                ["title"] = "A hostile rule",
                ["category"] = "Style",
                ["severity"] = "warning",
                ["kind"] = "expression",
                ["params"] = new Newtonsoft.Json.Linq.JObject { ["on"] = "clause", ["predicate"] = predicate },
                ["message"] = "never",
                ["rationale"] = "A rule written by a test.",
            };
            File.WriteAllText(Path.Combine(folder, "RK9301.hostile.json"), rule.ToString());
            var loaded = RuleSet.Load(new RuleSetOptions { Folders = new[] { Path.Combine(Root, "rules"), folder }, ExpressionCacheDirectory = null });
            Assert.True(loaded.RuleSet is not null, string.Join("\n", loaded.Errors));
            var resolution = ResolutionTextReader.ReadAll(File.ReadAllText(Path.Combine(Root, "samples", "corpus", "pp-70.txt")), "pp-70.txt").First().Value!;

            var findings = loaded.RuleSet!.Analyze(new[] { resolution }).Diagnostics;

            var stopped = Assert.Single(findings, d => d.Id == "RK0101");
            Assert.EndsWith("RK9301.hostile.json", stopped.Location.Path);
            Assert.DoesNotContain(findings, d => d.Id == "RK9301");
            Assert.Contains(findings, d => d.Id.StartsWith("RK", StringComparison.Ordinal) && d.Id != "RK0101");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResolutionKit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ResolutionKit.sln not found above " + AppContext.BaseDirectory);
    }
}
