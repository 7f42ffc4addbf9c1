using System.IO;
using Xunit;

namespace ResolutionKit.Cli.Tests;

public class BadInputTests
{
    [Fact]
    public void MissingFile_ShouldExitTwoWithoutStackTrace()
    {
        var (code, _, stderr) = Reskit.Run("check", "no/such/file.txt");
        Assert.Equal(2, code);
        Assert.Contains("no/such/file.txt: error: no such file or folder", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void BinaryFile_ShouldBeReportedWithItsLocation()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "scan.txt");
        File.WriteAllBytes(path, new byte[] { 0x52, 0x45, 0x53, 0x0A, 0x00, 0x01 });
        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "check", "scan.txt");
        Assert.Equal(2, code);
        Assert.Contains("scan.txt:2:1: error RK0008", stdout + stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(new byte[] { 0x52, 0x45, 0x53, 0x0A, 0x00, 0x01 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void InvalidRuleFile_ShouldNameFileLineAndColumnAndCheckNothing()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "RK9001.broken.json"), "{\n  \"id\": \"RK9001\",\n  \"title\": \"Broken\",\n  \"category\": \"Style\",\n  \"severity\": \"warning\",\n  \"kind\": \"telepathy\",\n  \"message\": \"m\",\n  \"rationale\": \"r\"\n}\n");
        var (code, stdout, stderr) = Reskit.Run("check", "samples/corpus", "--rules", temp.Path);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("RK9001.broken.json:6:11: error: unknown rule kind \"telepathy\"", stderr);
        Assert.Contains("nothing was checked", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void ForbiddenExpression_ShouldBeRefusedAtItsLocation()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "RK9002.reads-files.json"), "{\n  \"id\": \"RK9002\",\n  \"title\": \"Reads a file\",\n  \"category\": \"Style\",\n  \"severity\": \"warning\",\n  \"kind\": \"expression\",\n  \"params\": { \"on\": \"clause\", \"predicate\": \"System.IO.File.Exists(clause.Text)\" },\n  \"message\": \"m\",\n  \"rationale\": \"r\"\n}\n");
        var (code, _, stderr) = Reskit.Run("check", "samples/corpus", "--rules", temp.Path);
        Assert.Equal(2, code);
        Assert.Matches(@"RK9002\.reads-files\.json:7:\d+: error: RK9002: expression: .*File\.Exists.*not allowed", stderr);
    }

    [Fact]
    public void InvalidConfig_ShouldBeReportedWithLocation()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", "pp-70.txt"), Path.Combine(temp.Path, "pp-70.txt"));
        File.WriteAllText(Path.Combine(temp.Path, "resolutionkit.json"), "{\n  \"preset\": \"lenient\"\n}\n");
        var (code, _, stderr) = Reskit.RunIn(temp.Path, "check", ".");
        Assert.Equal(2, code);
        Assert.Contains("resolutionkit.json:2:13: error: \"preset\" must be \"recommended\" or \"strict\"", stderr);
    }

    [Fact]
    public void UnknownOption_ShouldExitTwo()
    {
        var (code, _, stderr) = Reskit.Run("check", "--frobnicate", "samples/corpus");
        Assert.Equal(2, code);
        Assert.Contains("--frobnicate", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("outline", "--help")]
    [InlineData("convert", "--help")]
    [InlineData("rules", "--help")]
    [InlineData("rules", "list", "--help")]
    [InlineData("rules", "explain", "--help")]
    [InlineData("init", "--help")]
    public void Help_ShouldBeAvailableForEveryCommand(params string[] args)
    {
        var (code, stdout, _) = Reskit.Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout);
    }
}

internal sealed class TempFolder : System.IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reskit-test-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
        }
    }
}
