using System;
using System.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>Two texts claiming one instrument never throw: both are checked, in an analysis and in a session.</summary>
public class DuplicateAddressTests
{
    private static readonly Lazy<RuleSet> Shipped = new(() =>
        RuleSet.Load(new RuleSetOptions { Folders = new[] { Repository.Rules }, Config = ResolutionKitConfig.Default.WithAsOf("PP-22") }).RuleSet!);

    private static Model.Resolution Read(string body, string path) => ResolutionTextReader.ReadAll(Texts.Pp(body, "43"), path).Single().Value!;

    [Fact]
    public void TwoTextsOfOneInstrument_ShouldBothBeChecked()
    {
        var first = Read("resolves\n1 to thank the chairman of the group for the work done on the regional initiatives;\n", "a.txt");
        var second = Read("resolves\n1 to act on the regional initiatives;\n2 to publish the results of the studies;\n3 to thank the chairman of the group for the work done on the regional initiatives;\n", "b.txt");
        var other = Read("resolves\n1 to thank the chairman of the group for the work done on the regional initiatives;\n", "c.txt") with { Id = first.Id with { Number = "44" } };

        var result = Shipped.Value.Analyze(new[] { first, second, other });

        var gender = result.Diagnostics.Where(d => d.Id == "RK8001").Select(d => (d.Location.Path, d.Location.Address)).ToList();
        Assert.Contains(("a.txt", "PP-43/resolves/1"), gender);
        Assert.Contains(("b.txt", "PP-43/resolves/3"), gender);
        Assert.Contains(("c.txt", "PP-44/resolves/1"), gender);
    }

    [Fact]
    public void ASessionGivenTwoTextsOfOneInstrument_ShouldKeepOneAndAcceptEitherLater()
    {
        var first = Read("resolves\n1 to thank the chairman of the group for the work done on the regional initiatives;\n", "a.txt");
        var second = Read("resolves\n1 to act on the regional initiatives;\n2 to publish the results of the studies;\n3 to thank the chairman of the group for the work done on the regional initiatives;\n", "b.txt");

        var session = Shipped.Value.StartSession(new[] { first, second });
        Assert.Contains(session.Diagnostics, d => d.Location.Address == "PP-43/resolves/3");
        session.ReplaceResolution(first);
        Assert.Contains(session.Diagnostics, d => d.Location.Address == "PP-43/resolves/1");
        Assert.DoesNotContain(session.Diagnostics, d => d.Location.Address == "PP-43/resolves/3");
        session.ReplaceResolution(second);
        Assert.Contains(session.Diagnostics, d => d.Location.Address == "PP-43/resolves/3");
    }

    [Fact]
    public void ClausesWithOneLabelTwice_ShouldBeCheckedWithoutThrowing()
    {
        var text = Read("resolves\n1 to thank the chairman of the group for the work done on the regional initiatives;\n1 to thank the chairman of the group for the work done on the regional initiatives;\n2 to act.\n", "d.txt");
        var result = Shipped.Value.Analyze(new[] { text, text with { SourcePath = "e.txt" } });
        Assert.Contains(result.Diagnostics, d => d.Id == "RK1001" || d.Id == "RK4001");
    }
}
