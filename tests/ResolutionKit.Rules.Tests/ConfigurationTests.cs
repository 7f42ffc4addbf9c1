using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>resolutionkit.json: severities by id and category, presets, suppressions, baseline and the "as of" meeting.</summary>
public sealed class ConfigurationTests
{
    private static readonly Resolution Text = ResolutionTextReader.Read(Texts.Pp("noting\nthat the chairman reported,\n\nresolves\n1 that the work shall continue;\n2 to thank the chairman.\n")).Value!;

    private static RuleFolder Folder() => new RuleFolder()
        .Add(RuleJson.Make("RK9001", "phrase", new { pattern = @"\bshall\b" }, category: "Style", severity: "warning"))
        .Add(RuleJson.Make("RK9002", "substitution", new { terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }, category: "Terminology", severity: "warning"))
        .Add(RuleJson.Make("RK9003", "phrase", new { pattern = @"\bwork\b" }, category: "Terminology", severity: "warning"))
        .Add(RuleJson.Make("RK9004", "phrase", new { pattern = @"\bthank\b" }, category: "Style", severity: "suggestion", enabled: false));

    [Fact]
    public void SeveritiesByIdAndCategory_ShouldApplyWithIdFirst()
    {
        using var folder = Folder();
        var config = folder.Config("""{ "asOf": "PP-22", "rules": { "RK9001": "error", "Terminology": "suggestion", "RK9003": "none" } }""");

        var result = folder.LoadOrThrow(config).Analyze(Text);

        Assert.All(result.Diagnostics.Where(d => d.Id == "RK9001"), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "RK9002"));
        Assert.All(result.Diagnostics.Where(d => d.Id == "RK9002"), d => Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "RK9003");
    }

    [Fact]
    public void RecommendedPreset_ShouldNotRunDisabledRules()
    {
        using var folder = Folder();

        var ruleSet = folder.LoadOrThrow(ResolutionKitConfig.Default.WithAsOf("PP-22"));

        Assert.DoesNotContain(ruleSet.ActiveRules, r => r.Rule.Id == "RK9004");
        Assert.DoesNotContain(ruleSet.Analyze(Text).Diagnostics, d => d.Id == "RK9004");
    }

    [Fact]
    public void StrictPreset_ShouldEnableDisabledRulesAndRaiseSuggestions()
    {
        using var folder = Folder();

        var ruleSet = folder.LoadOrThrow(ResolutionKitConfig.Default.WithAsOf("PP-22").WithPreset("strict"));

        var finding = Assert.Single(ruleSet.Analyze(Text).Diagnostics, d => d.Id == "RK9004");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void SuppressionWithJustification_ShouldHideFindingsAtAndBelowItsAddress()
    {
        using var folder = Folder();
        var config = folder.Config("""
            {
              "asOf": "PP-22",
              "suppressions": [ { "id": "RK9002", "address": "PP-123/resolves", "justification": "The title of the office in the Basic Texts." } ]
            }
            """);

        var result = folder.LoadOrThrow(config).Analyze(Text);

        var hidden = Assert.Single(result.Suppressed);
        Assert.Equal("PP-123/resolves/2", hidden.Location.Address);
        var visible = Assert.Single(result.Diagnostics, d => d.Id == "RK9002");
        Assert.Equal("PP-123/noting/(1)", visible.Location.Address);
    }

    [Fact]
    public void SuppressionWithoutJustification_ShouldBeAnErrorAtItsLocation()
    {
        using var folder = Folder();
        var file = JsonMarkup.Parse("""
            {
              "asOf": "PP-22",
              "suppressions": [
                $${ "id": "RK9002", "address": "PP-123/resolves" }
              ]
            }
            """);
        var config = folder.Config(file.Text);

        var result = folder.Load(config);

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal((folder.FileOf(ResolutionKitConfig.FileName), file.Line, file.Column), (error.Path, error.Span.Line, error.Span.Column));
        Assert.Contains("justification", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_ShouldHideTheFindingsItWasWrittenFrom()
    {
        using var folder = Folder();
        var before = folder.LoadOrThrow().Analyze(Text);
        Assert.NotEmpty(before.Diagnostics);
        var baseline = Path.Combine(folder.Path, "baseline.json");
        ResolutionKitConfig.WriteBaseline(baseline, before.Diagnostics);

        var ruleSet = folder.LoadOrThrow(ResolutionKitConfig.Default.WithAsOf("PP-22").WithBaseline(baseline));
        var after = ruleSet.Analyze(Text);

        Assert.Empty(after.Diagnostics);
        Assert.Equal(before.Diagnostics, after.Suppressed);
    }

    [Fact]
    public void Baseline_ShouldStillReportNewFindings()
    {
        using var folder = Folder();
        var baseline = Path.Combine(folder.Path, "baseline.json");
        ResolutionKitConfig.WriteBaseline(baseline, folder.LoadOrThrow().Analyze(Text).Diagnostics);
        var edited = ResolutionTextReader.Read(Texts.Pp("noting\nthat the chairman reported,\n\nresolves\n1 that the work shall continue;\n2 to thank the chairman;\n3 that the Council shall decide.\n")).Value!;

        var after = folder.LoadOrThrow(ResolutionKitConfig.Default.WithAsOf("PP-22").WithBaseline(baseline)).Analyze(edited);

        var added = Assert.Single(after.Diagnostics);
        Assert.Equal(("RK9001", "PP-123/resolves/3"), (added.Id, added.Location.Address));
    }

    [Fact]
    public void UnknownAsOfMeeting_ShouldBeAnErrorAtItsLocation()
    {
        using var folder = Folder();
        var file = JsonMarkup.Parse("""
            {
              "preset": "recommended",
              "asOf": $$"PP-99"
            }
            """);

        var result = folder.Load(folder.Config(file.Text));

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal((folder.FileOf(ResolutionKitConfig.FileName), file.Line, file.Column), (error.Path, error.Span.Line, error.Span.Column));
        Assert.Contains("PP-99", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAsOfMeetingSetInCode_ShouldFailTheLoad()
    {
        using var folder = Folder();

        var result = folder.Load(ResolutionKitConfig.Default.WithAsOf("PP-99"));

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Errors, e => e.Message.Contains("PP-99", System.StringComparison.Ordinal));
    }

    [Fact]
    public void SeverityForAnUnknownRule_ShouldBeAnErrorAtItsLocation()
    {
        using var folder = Folder();
        var file = JsonMarkup.Parse("""
            {
              "asOf": "PP-22",
              "rules": { "RK9001": "error", $$"RK9999": "none" }
            }
            """);

        var result = folder.Load(folder.Config(file.Text));

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal((folder.FileOf(ResolutionKitConfig.FileName), file.Line, file.Column), (error.Path, error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void InvalidSeverity_ShouldBeAnErrorAtTheValue()
    {
        using var folder = Folder();
        var file = JsonMarkup.Parse("""
            {
              "asOf": "PP-22",
              "rules": { "RK9001": $$"fatal" }
            }
            """);

        var result = folder.Load(folder.Config(file.Text));

        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Errors);
        Assert.Equal((file.Line, file.Column), (error.Span.Line, error.Span.Column));
    }
}
