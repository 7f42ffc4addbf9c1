using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ResolutionKit.Reading;

namespace ResolutionKit.Benchmarks;

/// <summary>Adds the MB/s and resolutions/s columns to the benchmarks that name a <see cref="WorkloadAttribute"/>.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        // Min and Median next to the Mean: on a shared 2-core machine the mean of a short job moves with the load of
        // other processes; the minimum is the most repeatable number.
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        AddColumn(new ThroughputColumn(ThroughputKind.MegabytesPerSecond), new ThroughputColumn(ThroughputKind.ResolutionsPerSecond));
    }
}

public enum ThroughputKind
{
    MegabytesPerSecond,
    ResolutionsPerSecond,
}

/// <summary>Throughput from the mean time of an operation and the size of its <see cref="WorkloadAttribute"/> workload.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly ThroughputKind _kind;

    public ThroughputColumn(ThroughputKind kind)
    {
        _kind = kind;
    }

    public string Id => nameof(ThroughputColumn) + "." + _kind;

    public string ColumnName => _kind == ThroughputKind.MegabytesPerSecond ? "MB/s" : "Res/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)_kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _kind == ThroughputKind.MegabytesPerSecond
        ? "Throughput: UTF-8 megabytes (10^6 bytes) of the workload per second, from the mean"
        : "Throughput: resolutions per second, from the mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var t = ThroughputReport.Compute(summary, benchmarkCase);
        if (t is null)
        {
            return "-";
        }

        return _kind == ThroughputKind.MegabytesPerSecond
            ? t.Value.MegabytesPerSecond.ToString("N2", CultureInfo.InvariantCulture)
            : t.Value.ResolutionsPerSecond.ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}

/// <summary>Prints a throughput table after a BenchmarkDotNet run.</summary>
public static class ThroughputReport
{
    public static (WorkloadSize Size, double MeanNanoseconds, double MegabytesPerSecond, double ResolutionsPerSecond)? Compute(Summary summary, BenchmarkCase benchmarkCase)
    {
        var attribute = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<WorkloadAttribute>();
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (attribute is null || mean is null || mean.Value <= 0)
        {
            return null;
        }

        var size = Workloads.Size(attribute.Name);
        var seconds = mean.Value / 1e9;
        return (size, mean.Value, size.Bytes / 1e6 / seconds, size.Resolutions / seconds);
    }

    /// <summary>MB/s and resolutions/s at the fastest iteration (the least disturbed by other processes).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="benchmarkCase">The benchmark.</param>
    public static (double MinNanoseconds, double MegabytesPerSecond, double ResolutionsPerSecond)? ComputeAtMin(Summary summary, BenchmarkCase benchmarkCase)
    {
        var attribute = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<WorkloadAttribute>();
        var min = summary[benchmarkCase]?.ResultStatistics?.Min;
        if (attribute is null || min is null || min.Value <= 0)
        {
            return null;
        }

        var size = Workloads.Size(attribute.Name);
        var seconds = min.Value / 1e9;
        return (min.Value, size.Bytes / 1e6 / seconds, size.Resolutions / seconds);
    }

    /// <summary>
    /// Writes one line per benchmark with a workload: mean, allocation, MB/s and resolutions/s from the mean and from the
    /// fastest iteration; also to <c>&lt;title&gt;-throughput.md</c> in the results folder.
    /// </summary>
    /// <param name="summaries">The run's summaries.</param>
    public static void Print(IEnumerable<Summary> summaries)
    {
        var sb = new StringBuilder();
        foreach (var summary in summaries)
        {
            var rows = new List<string>();
            foreach (var report in summary.Reports)
            {
                var t = Compute(summary, report.BenchmarkCase);
                if (t is null)
                {
                    continue;
                }

                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                var best = ComputeAtMin(summary, report.BenchmarkCase);
                rows.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2} | {3:N0} | {4} | {5:N2} | {6:N0} | {7} | {8:N2} | {9:N0} |",
                    report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                    report.BenchmarkCase.Job.Id,
                    FormatTime(t.Value.MeanNanoseconds),
                    t.Value.Size.Bytes,
                    allocated is null ? "?" : FormatBytes(allocated.Value),
                    t.Value.MegabytesPerSecond,
                    t.Value.ResolutionsPerSecond,
                    best is null ? "?" : FormatTime(best.Value.MinNanoseconds),
                    best?.MegabytesPerSecond ?? 0,
                    best?.ResolutionsPerSecond ?? 0));
            }

            if (rows.Count == 0)
            {
                continue;
            }

            sb.AppendLine();
            sb.AppendLine("## Throughput (" + summary.Title + ")");
            sb.AppendLine();
            sb.AppendLine("MB = 10^6 UTF-8 bytes of the workload (the input, or the output for the writers). " + Environment.ProcessorCount + " logical cores; load average now: " + LoadAverage() + ".");
            sb.AppendLine();
            sb.AppendLine("| Benchmark | Job | Mean | Bytes/op | Allocated/op | MB/s (mean) | Res/s (mean) | Min | MB/s (min) | Res/s (min) |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                sb.AppendLine(row);
            }

            try
            {
                File.WriteAllText(Path.Combine(summary.ResultsDirectoryPath, summary.Title + "-throughput.md"), sb.ToString());
            }
            catch (IOException)
            {
                // The console copy is enough.
            }
        }

        Console.WriteLine(sb.ToString());
    }

    /// <summary>The 1, 5 and 15 minute load averages on Linux (other processes compete for the cores), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : Array.Empty<string>();
            return parts.Length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string FormatTime(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => (nanoseconds).ToString("N1", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (nanoseconds / 1e3).ToString("N2", CultureInfo.InvariantCulture) + " µs",
        < 1e9 => (nanoseconds / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " ms",
        _ => (nanoseconds / 1e9).ToString("N3", CultureInfo.InvariantCulture) + " s",
    };

    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("N2", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("N2", CultureInfo.InvariantCulture) + " MB",
    };
}

/// <summary>
/// <c>throughput</c>: a cheap sanity number without BenchmarkDotNet. Generates the corpus, checks that it reads back as
/// generated, then times reading all of it with a <see cref="Stopwatch"/> over several runs.
/// </summary>
public static class ThroughputCommand
{
    public const string Usage = "throughput [--factor 100] [--runs 7] [--warmup-seconds 6] [--seed N] [--count N --clauses N] [--no-validate]";

    public static int Run(string[] args)
    {
        var factor = Workloads.CorpusFactor;
        var runs = 7;
        var seed = CorpusGenerator.DefaultSeed;
        int? count = null;
        var clauses = CorpusGenerator.DefaultClausesPerResolution;
        var validate = true;
        var warmupSeconds = 6.0;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("A value must follow " + args[i]);
            switch (args[i])
            {
                case "--factor": factor = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--count": count = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--clauses": clauses = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-validate": validate = false; break;
                case "--warmup-seconds": warmupSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("Unknown option " + args[i] + ". Usage: " + Usage);
                    return 2;
            }
        }

        var watch = Stopwatch.StartNew();
        var corpus = count is null
            ? new CorpusGenerator(seed).Scale(SampleCorpus.Texts(), factor)
            : new CorpusGenerator(seed).Generate(count.Value, clauses);
        var generation = watch.Elapsed;
        var what = count is null ? $"{factor}x the shipped samples" : $"{count} texts of {clauses} clauses";
        Console.WriteLine($"Corpus: {what}, seed {seed}: {corpus.Count:N0} resolutions, {corpus.Clauses:N0} clauses, {corpus.Utf8Bytes:N0} bytes ({corpus.Utf8Bytes / 1e6:N2} MB), generated in {generation.TotalMilliseconds:N0} ms");

        var texts = corpus.Texts();
        var names = corpus.Resolutions.Select(r => r.FileName).ToArray();

        // The first pass is what a one-shot tool (reskit on a folder) sees: it includes JIT compilation at tier 0.
        watch.Restart();
        ReadAll(texts, names);
        var cold = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "First pass (cold, includes JIT): {0:N1} ms, {1:N2} MB/s", cold * 1e3, corpus.Utf8Bytes / 1e6 / cold));

        if (validate)
        {
            watch.Restart();
            var problems = CorpusValidation.Check(corpus);
            Console.WriteLine(problems.Count == 0
                ? $"Validation: every text reads back as generated, no warning or error ({watch.Elapsed.TotalMilliseconds:N0} ms)"
                : "Validation FAILED:\n  " + string.Join("\n  ", problems));
            if (problems.Count > 0)
            {
                return 1;
            }
        }

        // Tiered compilation needs a few seconds of work before the reader runs fully optimized (tier 1 with dynamic
        // PGO); on 2 cores it took about 5 s, and the first passes were 2 to 4 times slower than the steady state.
        var passes = 0;
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < warmupSeconds)
        {
            ReadAll(texts, names);
            passes++;
        }

        Console.WriteLine($"Warm-up: {passes} passes in {watch.Elapsed.TotalMilliseconds:N0} ms");

        var times = new List<double>();
        var allocations = new List<long>();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        for (var run = 1; run <= runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            var check = ReadAll(texts, names);
            var elapsed = watch.Elapsed.TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(elapsed);
            allocations.Add(allocated);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  run {0}: {1,8:N1} ms  {2,7:N2} MB/s  {3,8:N0} resolutions/s  {4,8:N0} clauses/s  allocated {5:N1} MB  (check {6})",
                run,
                elapsed * 1e3,
                corpus.Utf8Bytes / 1e6 / elapsed,
                corpus.Count / elapsed,
                corpus.Clauses / elapsed,
                allocated / 1e6,
                check));
        }

        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "GC per run: {0:N1} gen0, {1:N1} gen1, {2:N1} gen2 collections, {3:N1} ms paused",
            (GC.CollectionCount(0) - gen0) / (double)runs,
            (GC.CollectionCount(1) - gen1) / (double)runs,
            (GC.CollectionCount(2) - gen2) / (double)runs,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds / runs));

        var sorted = times.OrderBy(t => t).ToList();
        var median = sorted[sorted.Count / 2];
        var best = sorted[0];
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "Median {0:N1} ms: {1:N2} MB/s, {2:N0} resolutions/s, {3:N0} clauses/s; best {4:N2} MB/s; allocated {5:N1} MB per run ({6:N1} bytes per input byte)",
            median * 1e3,
            corpus.Utf8Bytes / 1e6 / median,
            corpus.Count / median,
            corpus.Clauses / median,
            corpus.Utf8Bytes / 1e6 / best,
            allocations.Average() / 1e6,
            allocations.Average() / corpus.Utf8Bytes));
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} logical cores, Server GC {System.Runtime.GCSettings.IsServerGC}, load average {ThroughputReport.LoadAverage()}");
        return 0;
    }

    private static int ReadAll(string[] texts, string[] names)
    {
        var check = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var r = ResolutionTextReader.Read(texts[i], names[i]);
            check += r.Value is null ? -1 : r.Value.Operative.Count;
        }

        return check;
    }
}
