using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>
/// The shipped rules' expressions are compiled when the tool is built, so that its first run compiles nothing: a check
/// with an empty expression cache writes nothing into it.
/// </summary>
public sealed class ColdStartTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("reskit-home-").FullName;

    public void Dispose() => Directory.Delete(_home, true);

    private static string ToolFolder()
    {
        // The tool's own build output (the test's copy of reskit.dll has no expressions/ folder next to it).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(Reskit.Root, "src", "ResolutionKit.Cli", "bin", configuration, "net10.0");
    }

    [Fact]
    public async System.Threading.Tasks.Task AFirstRun_ShouldCompileNoExpression()
    {
        var tool = ToolFolder();
        var precompiled = Path.Combine(tool, "expressions");
        Assert.True(Directory.Exists(precompiled), "the build did not precompile the shipped expressions into " + precompiled);
        var expressionRules = Directory.GetFiles(Path.Combine(Reskit.Root, "rules"), "RK*.json").Count(f => File.ReadAllText(f).Contains("\"kind\": \"expression\"", StringComparison.Ordinal));
        Assert.True(Directory.GetFiles(precompiled, "*.dll").Length >= expressionRules, $"{expressionRules} expression rules");

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Reskit.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(tool, "reskit.dll"));
        info.ArgumentList.Add("check");
        info.ArgumentList.Add("samples/corpus/pp-191.txt");
        info.Environment["HOME"] = _home;
        info.Environment["XDG_DATA_HOME"] = Path.Combine(_home, "data");
        info.Environment["LOCALAPPDATA"] = Path.Combine(_home, "data");
        using var process = Process.Start(info)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000));
        var stderr = await stderrTask;
        Assert.True(process.ExitCode is 0 or 1, stderr);
        Assert.Contains("finding(s)", stderr);

        var compiled = Directory.Exists(_home) ? Directory.GetFiles(_home, "*.dll", SearchOption.AllDirectories) : Array.Empty<string>();
        Assert.True(compiled.Length == 0, "compiled at run time: " + string.Join(", ", compiled));
    }
}
