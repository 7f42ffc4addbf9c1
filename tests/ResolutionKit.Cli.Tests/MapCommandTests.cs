using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Cli;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary><c>reskit map</c> and <c>reskit tasks</c> on the samples: golden CSV, every format, and bad input.</summary>
public sealed class MapCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-map-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void MapOfTheSamples_ShouldPrintTheGoldenCsv()
    {
        var (code, stdout, stderr) = Reskit.Run("map", "samples/corpus");
        Assert.True(code == 0, stderr);
        Reskit.AssertGolden("map-corpus.csv", stdout.Replace("\r\n", "\n"));
        Assert.Contains("13 instrument(s)", stderr);
    }

    [Fact]
    public void TasksOfTheSamples_ShouldPrintTheGoldenCsv()
    {
        var (code, stdout, stderr) = Reskit.Run("tasks", "samples/corpus", "--as-of", "2026-12-02");
        Assert.True(code == 0, stderr);
        Reskit.AssertGolden("tasks-corpus.csv", stdout.Replace("\r\n", "\n"));

        // `map --tasks` is the same register.
        var (_, again, _) = Reskit.Run("map", "--tasks", "samples/corpus", "--as-of", "2026-12-02");
        Assert.Equal(stdout, again);
    }

    [Theory]
    [InlineData("map.html", "<!DOCTYPE html>")]
    [InlineData("map.json", "{")]
    [InlineData("map.csv", "first,first_title")]
    public void TheFormat_ShouldFollowTheOutputExtension(string name, string start)
    {
        var output = Path.Combine(_folder, name);
        var (code, _, stderr) = Reskit.Run("map", "samples/corpus", "-o", output);
        Assert.True(code == 0, stderr);
        Assert.StartsWith(start, File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void TheJson_ShouldCarryTheThresholdsAskedFor()
    {
        var (code, stdout, stderr) = Reskit.Run("map", "samples/corpus", "--format", "json", "--threshold", "0.7", "--subject-threshold", "0.4");
        Assert.True(code == 0, stderr);
        var json = JObject.Parse(stdout);
        Assert.Equal(0.7, (double)json["options"]!["clauseThreshold"]!);
        Assert.Equal(0.4, (double)json["options"]!["subjectThreshold"]!);
        Assert.All(json["relations"]!.SelectMany(r => r["overlaps"]!), o => Assert.True((double)o["similarity"]! >= 0.7));
    }

    [Fact]
    public void TheWorkbook_ShouldBeWritten()
    {
        var output = Path.Combine(_folder, "map.xlsx");
        var (code, _, stderr) = Reskit.Run("map", "samples/corpus", "-o", output);
        Assert.True(code == 0, stderr);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output, false);
        Assert.Equal(5, document.WorkbookPart!.WorksheetParts.Count());
    }

    [Fact]
    public void TheSignatures_ShouldBeAParquetFileWhoseBandsMakeTheOverlappingClausesCandidates()
    {
        var parquet = Path.Combine(_folder, "signatures.parquet");
        var (code, stdout, stderr) = Reskit.Run("map", "samples/corpus", "--format", "json", "--signatures", parquet);
        Assert.True(code == 0, stderr);
        using var stream = File.OpenRead(parquet);
        var rows = SignatureFile.FromParquet(stream).ToDictionary(r => r.Clause);
        Assert.Equal(224, rows.Count);
        Assert.All(rows.Values, r => Assert.Equal(r.Bands.Length * r.Rows, r.Signature.Length));

        // Every overlap the map shows is a pair an engine grouping by band value finds.
        var overlaps = JObject.Parse(stdout)["relations"]!.SelectMany(r => r["overlaps"]!).ToList();
        Assert.NotEmpty(overlaps);
        foreach (var o in overlaps)
        {
            var a = rows[(string)o["first"]!];
            var b = rows[(string)o["second"]!];
            Assert.True(a.Bands.Zip(b.Bands).Any(x => x.First == x.Second), $"{a.Clause} and {b.Clause} share no band");
        }
    }

    [Fact]
    public void OnlyUnreadableInputs_ShouldWriteNothingAndSayWhere()
    {
        var bad = Path.Combine(_folder, "bad.resolution.json");
        File.WriteAllText(bad, "{ \"bad\": ");
        var output = Path.Combine(_folder, "map.html");
        var (code, stdout, stderr) = Reskit.Run("map", bad, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("bad.resolution.json:1:", stderr);
        Assert.Contains("nothing written", stderr);
        Assert.False(File.Exists(output));
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("unknown format 'pdf'", "map", "samples/corpus", "--format", "pdf")]
    [InlineData("needs --output", "map", "samples/corpus", "--format", "xlsx")]
    [InlineData("--threshold is a similarity", "map", "samples/corpus", "--threshold", "5")]
    [InlineData("--subject-threshold is a similarity", "map", "samples/corpus", "--subject-threshold", "0")]
    [InlineData("is not a date", "tasks", "samples/corpus", "--as-of", "tomorrow")]
    [InlineData("no-such-folder", "map", "no-such-folder")]
    public void BadInput_ShouldBeOneClearLineAndExitTwo(string message, params string[] args)
    {
        var (code, stdout, stderr) = Reskit.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(string.Empty, stdout);
    }
}
