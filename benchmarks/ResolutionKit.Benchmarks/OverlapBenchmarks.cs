using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ResolutionKit.Analysis;
using ResolutionKit.Testing;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// The overlap index (MinHash signatures, LSH bands, exact similarity of candidates) on generated clause texts: adding
/// the items and finding every pair at Jaccard ≥ 0.5, at 10³, 10⁴ and 10⁵ clauses. The 10⁶ run, peak memory, recall
/// against the exact all-pairs search and the growth exponent are measured by <c>-- overlap</c> (<see cref="OverlapScaleCommand"/>),
/// one process per size, because BenchmarkDotNet's iterations would take minutes there.
/// </summary>
[MemoryDiagnoser]
public class OverlapIndexBenchmarks
{
    private long[][] _sets = Array.Empty<long[]>();

    [Params(1_000, 10_000, 100_000)]
    public int Clauses { get; set; }

    [GlobalSetup]
    public void Setup() => _sets = OverlapCorpus.Generate(Clauses, 7).Texts.Select(TextSimilarity.ShingleArray).ToArray();

    /// <summary>Index every clause and find every similar pair.</summary>
    [Benchmark]
    public int IndexAndSearch()
    {
        var index = new OverlapIndex(0.5);
        index.AddRange(_sets);
        return index.AllPairs().Count;
    }
}

/// <summary>
/// <c>-- overlap [--sizes 1000,10000,100000,1000000] [--exact-up-to 20000] [--threshold 0.5]</c>: for each size, in a
/// child process of its own, generate the clauses, shingle them, index them and find every pair; print time, peak
/// memory and (up to <c>--exact-up-to</c>) recall against the exact all-pairs search; then the growth exponent fitted
/// to the times.
/// </summary>
public static class OverlapScaleCommand
{
    public static int Run(string[] args)
    {
        var sizes = new[] { 1_000, 10_000, 100_000, 1_000_000 };
        var exactUpTo = 20_000;
        var threshold = 0.5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--exact-up-to": exactUpTo = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--threshold": threshold = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("Unknown option " + args[i]);
                    return 2;
            }
        }

        Console.WriteLine($"Overlap index at Jaccard ≥ {threshold.ToString(CultureInfo.InvariantCulture)}, {LshParameters.For(threshold)}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| clauses | shingles s | index s | search s | total s | peak MB | candidates | pairs | exact pairs | recall | exact s |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var points = new List<(double N, double Seconds)>();
        foreach (var n in sizes)
        {
            var line = ChildProcess.Run(typeof(OverlapScaleCommand), "overlap-one", n.ToString(CultureInfo.InvariantCulture), (n <= exactUpTo).ToString(), threshold.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine(line);
            var total = double.Parse(line.Split('|', StringSplitOptions.RemoveEmptyEntries)[4].Trim(), CultureInfo.InvariantCulture);
            points.Add((n, total));
        }

        if (points.Count >= 2)
        {
            Console.WriteLine();
            Console.WriteLine($"Growth exponent (time ∝ n^k, fitted over {points.Count} sizes): k = {ChildProcess.GrowthExponent(points).ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        return 0;
    }

    public static int RunOne(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var exact = bool.Parse(args[1]);
        var threshold = double.Parse(args[2], CultureInfo.InvariantCulture);
        var texts = OverlapCorpus.Generate(n, 7).Texts;

        var clock = Stopwatch.StartNew();
        var sets = new long[texts.Count][];
        Parallel.For(0, texts.Count, i => sets[i] = TextSimilarity.ShingleArray(texts[i]));
        var shingles = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var index = new OverlapIndex(threshold);
        index.AddRange(sets);
        var indexing = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var pairs = index.AllPairs();
        var search = clock.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;

        string exactPairs = "–", recall = "–", exactSeconds = "–";
        if (exact)
        {
            clock.Restart();
            var all = OverlapIndex.ExactPairs(sets, threshold);
            exactSeconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            var found = new HashSet<(int, int)>(pairs.Select(p => (p.First, p.Second)));
            exactPairs = all.Count.ToString("N0", CultureInfo.InvariantCulture);
            recall = (all.Count == 0 ? 1 : (double)all.Count(p => found.Contains((p.First, p.Second))) / all.Count).ToString("0.0000", CultureInfo.InvariantCulture);
        }

        string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {n.ToString("N0", CultureInfo.InvariantCulture)} | {F(shingles)} | {F(indexing)} | {F(search)} | {F(shingles + indexing + search)} | {peak.ToString("0", CultureInfo.InvariantCulture)} | {index.LastSearch!.Candidates.ToString("N0", CultureInfo.InvariantCulture)} | {pairs.Count.ToString("N0", CultureInfo.InvariantCulture)} | {exactPairs} | {recall} | {exactSeconds} |");
        return 0;
    }
}

/// <summary>What the scale commands share: a measurement in a child process of its own, and the fitted growth exponent.</summary>
internal static class ChildProcess
{
    /// <summary>Runs this program with <paramref name="args"/> and returns what it printed.</summary>
    public static string Run(Type owner, params string[] args)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (self.EndsWith("dotnet", StringComparison.Ordinal) || self.EndsWith("dotnet.exe", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(owner.Assembly.Location);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var child = Process.Start(info)!;
        var output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        return output;
    }

    /// <summary>The least-squares slope of log(time) on log(size): time ∝ size^k.</summary>
    public static double GrowthExponent(IReadOnlyList<(double N, double Seconds)> points)
    {
        var xs = points.Select(p => Math.Log(p.N)).ToArray();
        var ys = points.Select(p => Math.Log(Math.Max(p.Seconds, 1e-3))).ToArray();
        var mx = xs.Average();
        var my = ys.Average();
        return xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / xs.Sum(x => (x - mx) * (x - mx));
    }
}
