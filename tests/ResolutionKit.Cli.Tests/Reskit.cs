using System;
using System.Diagnostics;
using System.IO;

namespace ResolutionKit.Cli.Tests;

/// <summary>Runs the real tool (reskit.dll built next to the tests) as a process.</summary>
internal static class Reskit
{
    public static string Root { get; } = FindRoot();

    public static (int ExitCode, string Out, string Err) RunIn(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reskit.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(true);
            throw new TimeoutException("reskit " + string.Join(' ', args) + " did not finish");
        }

        return (process.ExitCode, stdout.Result.Replace("\r\n", "\n"), stderr.Result.Replace("\r\n", "\n"));
    }

    public static (int ExitCode, string Out, string Err) Run(params string[] args) => RunIn(Root, args);

    public static string Golden(string name) => Path.Combine(Root, "tests", "ResolutionKit.Cli.Tests", "Golden", name);

    public static void AssertGolden(string name, string actual)
    {
        var path = Golden(name);
        if (Environment.GetEnvironmentVariable("RESKIT_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            if (Environment.GetEnvironmentVariable("RESKIT_UPDATE_GOLDEN") != "1")
            {
                throw new Xunit.Sdk.XunitException($"The golden file {path} did not exist and was written; check it and run again");
            }
        }

        Xunit.Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResolutionKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResolutionKit.sln not found");
    }
}
