using System.IO;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>What the shipped rules get, a user's rule folder gets: example tests at file:line:col and generated docs.</summary>
public sealed class UserRuleFolderTests : System.IDisposable
{
    private const string VagueStudy = """
        {
          "id": "RK9401",
          "title": "Vague study requests",
          "category": "Style",
          "severity": "warning",
          "kind": "phrase",
          "params": { "pattern": "\\bto study (?:the question|the matter)\\b", "ignoreCase": true },
          "message": "Say what is to be studied",
          "rationale": "A study request names its subject, so that a later conference can tell whether it was carried out.",
          "examples": {
            "incorrect": ["resolves", "to study the matter."],
            "correct": ["resolves", "to study the use of remote participation in ITU meetings."]
          }
        }
        """;

    private const string Percentages = """
        {
          "id": "RK9402",
          "title": "Spelt-out percentages",
          "category": "Style",
          "severity": "suggestion",
          "kind": "phrase",
          "params": { "pattern": "\\bper cent\\b" },
          "message": "Write %",
          "rationale": "Figures are written with the sign.",
          "examples": {
            "incorrect": ["resolves", "to reach 50 per cent."],
            "correct": ["resolves", "to reach 50 per cent by 2030."]
          }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-user-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void RulesTest_ShouldRunAUsersExamples_AndReportAWrongOneAtItsLine()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "RK9401.vague-study.json"), VagueStudy);
        File.WriteAllText(Path.Combine(rules, "RK9402.percentages.json"), Percentages);

        var (code, stdout, stderr) = Reskit.Run("rules", "test", rules);

        Assert.Equal(1, code);
        Assert.Contains("2 rule(s), 4 example(s), 1 failure(s)", stdout + stderr);
        Assert.Contains(Path.Combine(rules, "RK9402.percentages.json") + ":12:16: error: RK9402: the correct example gives 1 finding(s)", stderr);
        Assert.DoesNotContain("RK9401", stderr);

        File.WriteAllText(Path.Combine(rules, "RK9402.percentages.json"), Percentages.Replace("50 per cent by 2030", "50% by 2030", System.StringComparison.Ordinal));
        Assert.Equal(0, Reskit.Run("rules", "test", rules).ExitCode);
    }

    [Fact]
    public void RulesDocs_ShouldWriteAPagePerRuleAndTheReadmeTable_ForAUsersFolder()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "RK9401.vague-study.json"), VagueStudy);
        var readme = Path.Combine(_folder, "README.md");
        File.WriteAllText(readme, "# Our rules\n\nChecked in CI.\n");

        var (code, stdout, stderr) = Reskit.Run("rules", "docs", rules, "--out", Path.Combine(_folder, "docs"), "--readme", readme);

        Assert.Equal(0, code);
        Assert.Contains("1 rule page(s)", stdout + stderr);
        var page = File.ReadAllText(Path.Combine(_folder, "docs", "RK9401.md"));
        Assert.StartsWith("# RK9401: Vague study requests", page);
        Assert.Contains("A study request names its subject", page);
        Assert.Contains("to study the matter.", page);
        var table = File.ReadAllText(readme);
        Assert.StartsWith("# Our rules\n\nChecked in CI.\n", table);
        Assert.Contains("| [RK9401](docs/RK9401.md) | Vague study requests | Style | warning | phrase |", table);

        // Run again: nothing changes, nothing is written.
        var again = Reskit.Run("rules", "docs", rules, "--out", Path.Combine(_folder, "docs"), "--readme", readme);
        Assert.Contains("0 file(s) written", again.Out + again.Err);
    }
}
