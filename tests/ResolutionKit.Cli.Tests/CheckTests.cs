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
    public void CheckCorpus_Sarif_ShouldCarryTheSameFixesAsJson_AndApplyingThemToTheFileShouldClearTheFinding()
    {
        var sarif = JsonNode.Parse(Reskit.Run("check", "samples/corpus", "--format", "sarif").Out)!["runs"]![0]!["results"]!.AsArray();
        var json = JsonNode.Parse(Reskit.Run("check", "samples/corpus", "--format", "json").Out)!["findings"]!.AsArray();
        var withFixes = json.Where(f => f!["fixes"]!.AsArray().Count > 0).ToList();
        Assert.True(withFixes.Count >= 5);
        foreach (var finding in withFixes)
        {
            var result = sarif.Single(r => (string)r!["ruleId"]! == (string)finding!["id"]! && (int)r["locations"]![0]!["physicalLocation"]!["region"]!["charOffset"]! == (int)finding["offset"]!);
            Assert.True(JsonNode.DeepEquals(finding!["fixes"], result!["properties"]!["resolutionKit/fixes"]), (string)finding["id"]! + " " + (string)finding["path"]!);
            var onFile = finding["fixes"]!.AsArray().Where(f => f!["replacements"] is not null).ToList();
            Assert.Equal(onFile.Count, result["fixes"]?.AsArray().Count ?? 0);
            for (var i = 0; i < onFile.Count; i++)
            {
                var expected = onFile[i]!["replacements"]!.AsArray().Select(r => ((int)r!["offset"]!, (int)r["length"]!, (string)r["newText"]!));
                var actual = result["fixes"]![i]!["artifactChanges"]![0]!["replacements"]!.AsArray()
                    .Select(r => ((int)r!["deletedRegion"]!["charOffset"]!, (int)r["deletedRegion"]!["charLength"]!, (string)r["insertedContent"]!["text"]!));
                Assert.Equal(expected, actual);
            }
        }

        // The RK3001 fix of PP-191, applied to a copy of the file as a SARIF viewer would, clears the finding and changes nothing else.
        var rk3001 = sarif.Single(r => (string)r!["ruleId"]! == "RK3001" && ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith("pp-191.txt"));
        var change = rk3001!["fixes"]![0]!["artifactChanges"]![0]!["replacements"]![0]!;
        var original = File.ReadAllText(Path.Combine(Reskit.Root, "samples", "corpus", "pp-191.txt"));
        var offset = (int)change["deletedRegion"]!["charOffset"]!;
        var edited = original.Substring(0, offset) + (string)change["insertedContent"]!["text"]! + original.Substring(offset + (int)change["deletedRegion"]!["charLength"]!);
        var dir = Directory.CreateTempSubdirectory("reskit-sarif-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "pp-191.txt"), edited);
            var (_, before, _) = Reskit.Run("check", Path.Combine("samples", "corpus", "pp-191.txt"), "--format", "lines");
            var (_, after, _) = Reskit.Run("check", Path.Combine(dir, "pp-191.txt"), "--format", "lines");
            Assert.Contains("RK3001", before);
            Assert.DoesNotContain("RK3001", after);
            Assert.Equal(before.Split('\n').Count(l => l.Contains("RK")) - 1, after.Split('\n').Count(l => l.Contains("RK")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void AWordProposal_ShouldBeCheckedAsTheTextItProposes()
    {
        var dir = Directory.CreateTempSubdirectory("reskit-docx-").FullName;
        try
        {
            var docx = Path.Combine(dir, "pp-191-proposal.docx");
            Assert.Equal(0, Reskit.Run("streamline", "samples/corpus/pp-191.txt", "--format", "docx", "--out", docx).ExitCode);

            // The folder is expanded to its Word documents; Word's lock files are not resolutions.
            File.WriteAllText(Path.Combine(dir, "~$-191-proposal.docx"), "lock");
            var (code, stdout, stderr) = Reskit.Run("check", dir, "--format", "lines");

            Assert.Equal(0, code);
            Assert.Contains("1 file(s), 1 resolution(s)", stderr);
            Assert.Contains("pp-191-proposal.docx:1:1: suggestion RK0021: The document has", stdout);
            Assert.Contains("proposed text (every change accepted)", stdout);
            Assert.DoesNotContain("RK3001", stdout);
            Assert.DoesNotContain("RK5001", stdout);
            Assert.Contains("RK5001", Reskit.Run("check", dir, "--whole").Out);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
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
