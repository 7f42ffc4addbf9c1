using System.Diagnostics;
using System.IO;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>Packs the tool, installs it into a local tool manifest and runs it, as a newcomer would.</summary>
public class PackageTests
{
    [Fact]
    public void PackedTool_ShouldInstallFromALocalFeedAndCheckTheSamples()
    {
        using var temp = new TempFolder();
        var feed = Path.Combine(temp.Path, "feed");

        // A fresh version each run, so the global package cache never hands back an older build.
        var version = "0.0.1-test." + System.DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Run(Reskit.Root, "dotnet", "pack", Path.Combine(Reskit.Root, "src", "ResolutionKit.Cli", "ResolutionKit.Cli.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + version);
        Assert.True(File.Exists(Path.Combine(feed, "ResolutionKit.Cli." + version + ".nupkg")));

        var work = Path.Combine(temp.Path, "work");
        Directory.CreateDirectory(work);
        Run(work, "dotnet", "new", "tool-manifest");
        Run(work, "dotnet", "tool", "install", "ResolutionKit.Cli", "--add-source", feed, "--version", version);
        var (code, stdout) = Run(work, "dotnet", "tool", "run", "reskit", "--", "check", Path.Combine(Reskit.Root, "samples", "corpus"), "--format", "sarif", "--as-of", "PP-26");
        Assert.Equal(0, code);
        Assert.Contains("\"version\": \"2.1.0\"", stdout);
        Assert.Contains("RK4003", stdout);
    }

    private static (int Code, string Out) Run(string directory, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(300_000), file + " " + string.Join(' ', args) + " timed out");
        if (p.ExitCode != 0 && !(args.Length > 2 && args[2] == "reskit"))
        {
            Assert.Fail($"{file} {string.Join(' ', args)} exited {p.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }

        return (p.ExitCode, stdout.Result);
    }
}
