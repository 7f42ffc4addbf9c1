using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// <c>-- process [--runs 5] [--file samples/corpus/pp-191.txt] [--corpus folder] [--reskit path/reskit.dll]</c>: <c>reskit check</c> as a whole
/// process, as a user or a CI job runs it: cold (a fresh home folder, so an empty expression cache: what the first run
/// after installing costs) and warm (the same home again), then optionally a folder of texts. Needs the CLI built in
/// Release (<c>dotnet build -c Release src/ResolutionKit.Cli</c>), or <c>--reskit</c> naming another build, such as the
/// ReadyToRun one <c>dotnet publish -c Release -r linux-x64 src/ResolutionKit.Cli -o folder</c> makes. Medians of the
/// runs, wall-clock seconds.
/// </summary>
public static class ProcessCommand
{
    public static int Run(string[] args)
    {
        var runs = 5;
        var file = Path.Combine(SampleCorpus.RepositoryRoot, "samples", "corpus", "pp-191.txt");
        string? corpus = null;
        var reskit = Path.Combine(SampleCorpus.RepositoryRoot, "src", "ResolutionKit.Cli", "bin", "Release", "net10.0", "reskit.dll");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--file": file = Path.GetFullPath(args[i + 1]); break;
                case "--corpus": corpus = Path.GetFullPath(args[i + 1]); break;
                case "--reskit": reskit = Path.GetFullPath(args[i + 1]); break;
                default:
                    Console.Error.WriteLine("Unknown option " + args[i]);
                    return 2;
            }
        }

        if (runs < 1 || !File.Exists(file) || (corpus is not null && !Directory.Exists(corpus) && !File.Exists(corpus)))
        {
            Console.Error.WriteLine(runs < 1 ? "--runs must be at least 1" : $"{(File.Exists(file) ? corpus : file)} does not exist");
            return 2;
        }

        if (!File.Exists(reskit))
        {
            Console.Error.WriteLine($"{reskit} is missing: build it first with `dotnet build -c Release src/ResolutionKit.Cli` (or name a build with --reskit).");
            return 2;
        }

        var cold = new List<double>();
        var warm = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var home = Path.Combine(Path.GetTempPath(), "reskit-bench-home-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(home);
            try
            {
                cold.Add(Time(reskit, home, file));
                warm.Add(Time(reskit, home, file));
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        }

        string M(List<double> xs) => xs.OrderBy(x => x).ElementAt(xs.Count / 2).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"reskit check {Path.GetFileName(file)} as a process, {Environment.ProcessorCount} cores, median of {runs}: cold (empty cache) {M(cold)} s, warm {M(warm)} s");
        if (corpus is not null)
        {
            var times = Enumerable.Range(0, Math.Max(1, runs / 2)).Select(_ => Time(reskit, null, corpus)).ToList();
            Console.WriteLine($"reskit check {corpus}: median {M(times)} s");
        }

        return 0;
    }

    private static double Time(string reskit, string? home, string target)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(reskit);
        info.ArgumentList.Add("check");
        info.ArgumentList.Add(target);
        if (home is not null)
        {
            info.Environment["HOME"] = home;
            info.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
            info.Environment["LOCALAPPDATA"] = Path.Combine(home, "AppData", "Local");
        }

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(info)!;
        child.StandardOutput.ReadToEnd();
        child.StandardError.ReadToEnd();
        child.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }
}
