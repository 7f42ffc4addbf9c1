using System;
using System.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>Resolutions that share an address (language versions, copies) are each analyzed, and nothing twice.</summary>
public sealed class VersionsTests
{
    private static readonly Lazy<RuleSet> Shipped = new(() =>
    {
        var result = RuleSet.Load(new RuleSetOptions { Folders = new[] { Repository.Rules }, Config = ResolutionKitConfig.Default.WithPreset("strict").WithAsOf("PP-22"), ExpressionCacheDirectory = null });
        return result.RuleSet ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    });

    private const string Body = "resolves\n1 to report to PP-18 on the results achieved;\n2 to keep the work going.\n\ninstructs the Secretary-General\nto act.\n";

    [Fact]
    public void TwoCopiesOfOneInstrument_ShouldBothBeAnalyzed()
    {
        var a = ResolutionTextReader.Read(Texts.Pp(Body), "a.txt").Value!;
        var b = ResolutionTextReader.Read(Texts.Pp(Body.Replace("to keep the work going", "to keep the work going with care")), "b.txt").Value!;
        var other = ResolutionTextReader.Read(Texts.Pp(Body, number: "130"), "c.txt").Value!;

        var alone = Shipped.Value.Analyze(new[] { a, other }).Diagnostics;
        var both = Shipped.Value.Analyze(new[] { a, b, other }).Diagnostics;

        Assert.Contains(both, d => d.Location.Path == "a.txt");
        Assert.Contains(both, d => d.Location.Path == "b.txt");
        Assert.Equal(both.Count, both.Distinct().Count());

        // Everything found without the copy is still found, once.
        Assert.All(alone, d => Assert.Contains(d, both));
    }

    [Fact]
    public void AnalysisOfVersions_ShouldNotDependOnTheirOrder()
    {
        var a = ResolutionTextReader.Read(Texts.Pp(Body), "a.txt").Value!;
        var b = ResolutionTextReader.Read(Texts.Pp(Body), "b.txt").Value!;
        var forward = Shipped.Value.Analyze(new[] { a, b }).Diagnostics.OrderBy(d => d.ToString(), StringComparer.Ordinal).ToList();
        var backward = Shipped.Value.Analyze(new[] { b, a }).Diagnostics.OrderBy(d => d.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(forward, backward);
        Assert.Equal(forward.Count(d => d.Location.Path == "a.txt"), forward.Count(d => d.Location.Path == "b.txt"));
    }
}
