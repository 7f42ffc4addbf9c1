using System;
using System.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>A user pattern with catastrophic backtracking is abandoned after the regex timeout instead of hanging the analysis.</summary>
public sealed class RegexTimeoutTests
{
    [Fact]
    public void CatastrophicPattern_ShouldNotHangAndShouldBeReportedOnceAtTheRuleFile()
    {
        using var folder = new RuleFolder()
            .Add(RuleJson.Make("RK9101", "phrase", new { pattern = "^(a+)+$" }))
            .Add(RuleJson.Make("RK9201", "substitution", new { terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }));
        var load = RuleSet.Load(new RuleSetOptions
        {
            Folders = new[] { folder.Path },
            Config = ResolutionKitConfig.Default.WithAsOf("PP-22"),
            ExpressionCacheDirectory = null,
            RegexTimeout = TimeSpan.FromMilliseconds(200),
        });
        Assert.Empty(load.Errors);
        var text = Texts.Pp("resolves\n1 " + new string('a', 40) + "!;\n2 to thank the chairman.\n");

        var result = load.RuleSet!.Analyze(ResolutionTextReader.Read(text).Value!);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "RK9101");
        Assert.Single(result.Diagnostics, d => d.Id == "RK9201");
        var timeout = Assert.Single(result.Diagnostics, d => d.Id == "RK0100");
        Assert.Contains("RK9101", timeout.Message);
        Assert.StartsWith("RK9101.", System.IO.Path.GetFileName(timeout.Location.Path));
    }
}
