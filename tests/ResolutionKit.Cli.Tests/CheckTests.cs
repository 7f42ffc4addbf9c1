using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace ResolutionKit.Cli.Tests;

public class CheckTests
{
    [Fact]
    public void CheckCorpus_ShouldPrintGoldenFindingsAndExitZeroBelowErrors()
    {
        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus", "--as-of", "PP-26");
        Assert.Equal(0, code);
        Reskit.AssertGolden("check-corpus.lines.txt", stdout);
        Assert.Contains("13 resolution(s)", stderr);
    }

    [Fact]
    public void CheckCorpus_FailOnWarning_ShouldExitOne()
    {
        var (code, _, _) = Reskit.Run("check", "samples/corpus", "--fail-on", "warning");
        Assert.Equal(1, code);
    }

    [Fact]
    public void CheckCorpus_Sarif_ShouldValidateAgainstTheSarifSchema()
    {
        var (code, stdout, _) = Reskit.Run("check", "samples/corpus", "--format", "sarif");
        Assert.Equal(0, code);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "sarif-2.1.0.json")));
        var sarif = JsonNode.Parse(stdout);
        using var document = System.Text.Json.JsonDocument.Parse(stdout);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        var results = sarif!["runs"]![0]!["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.NotNull(r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]));
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.All(rules, r => Assert.StartsWith("https://", (string)r!["helpUri"]!));
        Assert.Contains(results, r => r!["fixes"] is not null);
    }

    [Fact]
    public void CheckCorpus_Json_ShouldListFindingsWithAddressesAndFixes()
    {
        var (code, stdout, _) = Reskit.Run("check", "samples/corpus", "--format", "json");
        Assert.Equal(0, code);
        var findings = JsonNode.Parse(stdout)!["findings"]!.AsArray();
        var superseded = findings.First(f => (string)f!["id"]! == "RK3001" && ((string)f["path"]!).EndsWith("pp-191.txt"));
        Assert.Equal("PP-191/recalling/a", (string)superseded!["address"]!);
        Assert.Equal("Rev. Bucharest, 2022", (string)superseded["fixes"]![0]!["edits"]![0]!["newText"]!);
    }

    [Fact]
    public void CheckCorpus_GitHub_ShouldWriteWorkflowAnnotations()
    {
        var (_, stdout, _) = Reskit.Run("check", "samples/corpus", "--format", "github");
        Assert.Contains("::warning file=samples/corpus/pp-154.txt,line=35,col=18,title=RK8001 Gender-neutral terms::Use \"chair\" instead of \"chairman\"", stdout);
    }

    [Fact]
    public void CheckCorpus_Text_ShouldShowTheSourceLineAndACaret()
    {
        var (_, stdout, _) = Reskit.Run("check", "samples/corpus/pp-154.txt", "--format", "text");
        var lines = stdout.Split('\n');
        var i = System.Array.FindIndex(lines, l => l.Contains("RK8001"));
        Assert.True(i >= 0, stdout);
        Assert.Contains("chairman", lines[i + 1]);
        var caret = lines[i + 2].IndexOf('^');
        Assert.Equal("chairman", lines[i + 1].Substring(caret, 8));
    }

    [Fact]
    public void Baseline_ShouldHideAcceptedFindingsOnTheNextRun()
    {
        using var temp = new TempFolder();
        var baseline = Path.Combine(temp.Path, "baseline.json");
        var (write, _, _) = Reskit.Run("check", "samples/corpus", "--write-baseline", baseline);
        Assert.Equal(0, write);
        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus", "--baseline", baseline, "--fail-on", "suggestion");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("suppressed or in the baseline", stderr);
    }

    [Fact]
    public void Config_ShouldBeFoundAboveTheInputsAndChangeSeverities()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt"), Path.Combine(temp.Path, "pp-154.txt"));
        File.WriteAllText(Path.Combine(temp.Path, "resolutionkit.json"), "{ \"rules\": { \"RK8001\": \"error\", \"Reporting\": \"none\" } }");
        var (code, stdout, _) = Reskit.RunIn(temp.Path, "check", ".");
        Assert.Equal(1, code);
        Assert.Contains("error RK8001", stdout);
        Assert.DoesNotContain("RK6001", stdout);
    }
}
