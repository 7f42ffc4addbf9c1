using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>
/// Rule files a hostile or careless contributor could write. Each runs in a child reskit process, so a regression that
/// kills or hangs the process fails the test (through the process time-out) instead of taking the test host down.
/// </summary>
public class HostileRuleTests
{
    public static TheoryData<string, string> Runaway => new()
    {
        { "chain of a million lazy filters", "Enumerable.Range(0, 1000000).Aggregate(Enumerable.Range(0, 1), (a, i) => a.Where(x => true)).Count() > 0" },
        { "endless count", "Enumerable.Range(0, int.MaxValue).Where(i => i >= 0).Count() > 0" },
        { "quadratic string building", "Enumerable.Range(0, 200000).Aggregate(\"\", (a, i) => a + \"x\").Length > 0" },
        { "self-applying delegate", "((Func<object,bool>)(x => ((Func<object,bool>)x)(x)))((Func<object,bool>)(x => ((Func<object,bool>)x)(x)))" },
        { "huge materialized sequence", "Enumerable.Repeat(clause.Text, int.MaxValue).ToArray().Count() > 0" },
        { "replacement that multiplies the text", "clause.Text.Replace(\" \", clause.Text).Replace(\" \", clause.Text).Replace(\" \", clause.Text).Length > 0" },
        { "joined copies of the text", "string.Join(clause.Text, Enumerable.Repeat(clause.Text, 100000000)).Length > 0" },
    };

    [Theory]
    [MemberData(nameof(Runaway))]
    public void RunawayExpression_ShouldBeStoppedAndReportedOnce_AndTheRunShouldGoOn(string what, string predicate)
    {
        using var temp = new TempFolder();
        WriteRule(temp.Path, "RK9301", predicate);
        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus/pp-130.txt", "--rules", temp.Path, "--as-of", "PP-26", "--format", "text");

        Assert.True(code is 0 or 1, $"{what}: exit {code}\n{stderr}");
        Assert.DoesNotContain("   at ", stderr);
        var stopped = stdout.Split('\n').Where(l => l.Contains("RK0101")).ToList();
        Assert.True(stopped.Count == 1, $"{what}: expected one RK0101 line, got:\n{stdout}\n{stderr}");
        Assert.Contains("RK9301.hostile.json:", stopped[0]);
        Assert.Contains("RK6004", stdout); // the shipped rules still ran
    }

    public static TheoryData<string, string, string> TooBig => new()
    {
        { "20,000 nested parentheses", new string('(', 20000) + "true" + new string(')', 20000), "limited to 8,000" },
        { "100 nested parentheses", new string('(', 100) + "true" + new string(')', 100), "nests brackets more than 64 deep" },
        { "100,000-term sum", string.Join(" + ", Enumerable.Repeat("1", 100000)) + " > 0", "limited to 8,000" },
        { "string of any length", "new string('x', int.MaxValue).Length > 0", "builds a string of any length" },
        { "array of any size", "new int[int.MaxValue].Length > 0", "array of a given size" },
    };

    [Theory]
    [MemberData(nameof(TooBig))]
    public void ExpressionTooBigOrAllocating_ShouldBeRefusedBeforeCompiling(string what, string predicate, string message)
    {
        using var temp = new TempFolder();
        WriteRule(temp.Path, "RK9302", predicate);
        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus/pp-130.txt", "--rules", temp.Path);

        Assert.True(code == 2, $"{what}: exit {code}\n{stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"RK9302\.hostile\.json:\d+:\d+: error: RK9302: expression: ", stderr);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void NullComparisonOnReferenceTypes_ShouldBeAllowed_AndMeteredExpressionsShouldStillFind()
    {
        using var temp = new TempFolder();
        WriteRule(temp.Path, "RK9303", "clause.Resolution != null && clause.Text != null && clause.References.Where(r => r.Text != null).Select(r => r.Text.Replace(\" \", \"_\")).Any(t => t.Contains(\"_\"))");
        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus/pp-130.txt", "--rules", temp.Path, "--as-of", "PP-26");

        Assert.True(code is 0 or 1, stderr);
        Assert.Contains("RK9303", stdout);
        Assert.DoesNotContain("RK0101", stdout);
    }

    [Theory]
    [InlineData("my-rule.json")]
    [InlineData("rk9304.lowercase.json")]
    public void JsonFileTheLoaderWouldSkip_ShouldBeReportedNotIgnored(string name)
    {
        using var temp = new TempFolder();
        WriteRule(temp.Path, "RK9304", "clause.Text.Length > 0");
        File.Move(Path.Combine(temp.Path, "RK9304.hostile.json"), Path.Combine(temp.Path, name));

        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus/pp-130.txt", "--rules", temp.Path);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{name}:1:1: error: \"{name}\" is a rule but is not picked up", stderr);
    }

    private static void WriteRule(string folder, string id, string predicate)
    {
        var rule = new
        {
            id,
            title = "Hostile expression",
            category = "Style",
            severity = "warning",
            kind = "expression",
            languages = "all",
            @params = new { on = "clause", predicate },
            message = "m {0}",
            rationale = "r",
        };
        File.WriteAllText(Path.Combine(folder, id + ".hostile.json"), JsonConvert.SerializeObject(rule, Formatting.Indented));
    }
}
