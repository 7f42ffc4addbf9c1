using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Engine;
using ResolutionKit.Rules.Facts;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// The rules engine against a plain LINQ loop: four single-fact rules (RK1002, RK2002, RK8001, RK8005) over the facts of
/// 1,000 generated resolutions, the same facts and the same findings; BenchmarkDotNet's Ratio column is the overhead.
/// </summary>
[MemoryDiagnoser]
public class EngineOverheadBenchmarks
{
    private static readonly string[] Four = { "RK1002", "RK2002", "RK8001", "RK8005" };
    private RuleSet _rules = null!;
    private List<Fact> _facts = new();

    [GlobalSetup]
    public void Setup()
    {
        _rules = RulesOnly(Four);
        var resolutions = new CorpusGenerator().Generate(1000, 40).Texts().Select(t => ResolutionTextReader.Read(t).Value!).ToList();
        var builder = _rules.CreateFactBuilder();
        builder.Set(resolutions, Array.Empty<string>());
        _facts = builder.Facts.Values.ToList();
        if (LinqLoop() != Engine())
        {
            throw new InvalidOperationException("the engine and the loop disagree");
        }
    }

    /// <summary>A rule set of the shipped rules with only <paramref name="ids"/> enabled.</summary>
    internal static RuleSet RulesOnly(IReadOnlyCollection<string> ids)
    {
        var folder = Path.Combine(SampleCorpus.RepositoryRoot, "rules");
        var config = Path.Combine(Path.GetTempPath(), "reskit-bench-" + Guid.NewGuid().ToString("N") + ".json");
        var severities = Directory.GetFiles(folder, "RK*.json").Select(f => Path.GetFileName(f).Substring(0, 6))
            .Select(id => $"\"{id}\": \"{(ids.Contains(id) ? "warning" : "none")}\"");
        File.WriteAllText(config, "{ \"asOf\": \"PP-26\", \"rules\": { " + string.Join(", ", severities) + " } }");
        try
        {
            return RuleSet.Load(new RuleSetOptions { Folders = new[] { folder }, Config = ResolutionKitConfig.Load(config) }).RuleSet
                ?? throw new InvalidOperationException("the rules did not load");
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Benchmark(Baseline = true)]
    public int LinqLoop() => _rules.Compiled.Sum(r => r.EvaluateDirectly(_facts)!.Count());

    [Benchmark]
    public int Engine()
    {
        var sink = new DiagnosticSink();
        var session = _rules.CreateNRulesSession(sink);
        DiagnosticSink.Current = sink;
        try
        {
            IncrementalSession.InsertInSlices(session, _facts);
            session.Fire();
        }
        finally
        {
            DiagnosticSink.Current = null;
        }

        return sink.Snapshot().Count;
    }
}

/// <summary>
/// <c>-- scale [--sizes 100,1000,10000] [--clauses 40] [--edits 200]</c>: a full check of generated corpora of each
/// size, each in a child process of its own (time of the second analysis, allocation, peak memory, findings), the
/// growth exponent fitted to the times, then the latency of random clause edits in a session over 1,000 resolutions.
/// </summary>
public static class ScaleCommand
{
    public static int Run(string[] args)
    {
        var sizes = new[] { 100, 1_000, 10_000 };
        var clauses = 40;
        var edits = 200;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--clauses": clauses = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--edits": edits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("Unknown option " + args[i]);
                    return 2;
            }
        }

        Console.WriteLine($"Full check of generated corpora ({clauses} clauses per resolution), shipped rules, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| resolutions | clauses | read s | check s | allocated MB | peak MB | findings |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|");
        var points = new List<(double N, double Seconds)>();
        foreach (var n in sizes)
        {
            var line = Child("scale-one", n.ToString(CultureInfo.InvariantCulture), clauses.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine(line);
            points.Add((n, double.Parse(line.Split('|', StringSplitOptions.RemoveEmptyEntries)[3].Trim(), CultureInfo.InvariantCulture)));
        }

        if (points.Count >= 2)
        {
            Console.WriteLine();
            Console.WriteLine($"Growth exponent (check time ∝ n^k over {points.Count} sizes): k = {ChildProcess.GrowthExponent(points).ToString("0.00", CultureInfo.InvariantCulture)}");
            for (var i = 1; i < points.Count; i++)
            {
                // Step by step: a fit over all sizes hides a bend (the smallest sizes are mostly fixed cost).
                var step = Math.Log(points[i].Seconds / points[i - 1].Seconds) / Math.Log(points[i].N / points[i - 1].N);
                Console.WriteLine($"  from {points[i - 1].N.ToString("N0", CultureInfo.InvariantCulture)} to {points[i].N.ToString("N0", CultureInfo.InvariantCulture)}: k = {step.ToString("0.00", CultureInfo.InvariantCulture)}");
            }
        }

        if (edits > 0)
        {
            Console.WriteLine();
            Console.WriteLine(Child("edits-one", "1000", clauses.ToString(CultureInfo.InvariantCulture), edits.ToString(CultureInfo.InvariantCulture)));
        }

        return 0;
    }

    private static string Child(params string[] args) => ChildProcess.Run(typeof(ScaleCommand), args);

    // Patterns compiled from 300 texts, as the CLI does.
    internal static RuleSet Shipped(int texts) =>
        RuleSet.Load(new RuleSetOptions { Folders = new[] { Path.Combine(SampleCorpus.RepositoryRoot, "rules") }, Config = ResolutionKitConfig.Default.WithAsOf("PP-26"), CompilePatterns = texts >= 300 }).RuleSet
            ?? throw new InvalidOperationException("the shipped rules did not load");

    public static int RunOne(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var clauses = int.Parse(args[1], CultureInfo.InvariantCulture);
        // Each text is read as it is generated and then dropped, as a folder of files would be: at 10^5 resolutions the
        // texts alone are 2.6 GB.
        var clock = new Stopwatch();
        var resolutions = new List<Resolution>(n);
        var index = 0;
        foreach (var text in new CorpusGenerator().Generate(n, clauses).Texts())
        {
            clock.Start();
            foreach (var r in ResolutionTextReader.ReadAll(text, "gen-" + (index++).ToString(CultureInfo.InvariantCulture) + ".txt"))
            {
                if (r.Value is not null)
                {
                    resolutions.Add(r.Value);
                }
            }

            clock.Stop();
        }

        var read = clock.Elapsed.TotalSeconds;
        var rules = Shipped(n);

        // Warm-up as BenchmarkDotNet does it: analyses of up to 1,000 of the texts until the JIT has compiled the hot
        // code fully (three are enough: the times stop falling); then the median of three analyses up to 1,000
        // resolutions, one analysis above.
        for (var i = 0; i < 3; i++)
        {
            rules.Analyze(resolutions.Take(Math.Min(1000, resolutions.Count)));
        }

        var times = new List<double>();
        long allocated = 0;
        var findings = 0;
        for (var i = 0; i < (n <= 1000 ? 3 : 1); i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(true);
            clock.Restart();
            findings = rules.Analyze(resolutions).Diagnostics.Count;
            times.Add(clock.Elapsed.TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(true) - before;
        }

        times.Sort();
        var check = times[times.Count / 2];
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {n.ToString("N0", CultureInfo.InvariantCulture)} | {resolutions.Sum(r => r.Clauses().Count()).ToString("N0", CultureInfo.InvariantCulture)} | {F(read)} | {F(check)} | {(allocated / 1e6).ToString("0", CultureInfo.InvariantCulture)} | {peak.ToString("0", CultureInfo.InvariantCulture)} | {findings.ToString("N0", CultureInfo.InvariantCulture)} |");
        return 0;
    }

    public static int RunEdits(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var clauses = int.Parse(args[1], CultureInfo.InvariantCulture);
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var resolutions = new CorpusGenerator().Generate(n, clauses).Texts().Select(t => ResolutionTextReader.Read(t).Value!).ToList();
        var session = Shipped(n).StartSession(resolutions);
        var random = new Random(42);
        var operative = resolutions.SelectMany(r => r.Clauses()).Where(c => c.Group.Group.Part == Part.Operative && c.Clause.SubClauses.IsEmpty).ToList();
        var words = new[] { "chairman", "chair", "annually", "the Council", "developing countries", "within the available financial resources", "by 2019", "PP-18" };

        // A few edits first (JIT), then the measured ones: each replaces a random clause's text with an edit of it.
        var latencies = new List<double>();
        for (var i = 0; i < count + 20; i++)
        {
            var target = operative[random.Next(operative.Count)];
            var text = target.Clause.Text.TrimEnd(';', '.', ',') + " " + words[random.Next(words.Length)] + ";";
            var clock = Stopwatch.StartNew();
            session.ReplaceClause(target.Address, text);
            if (i >= 20)
            {
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"Clause edits in a session over {n.ToString("N0", CultureInfo.InvariantCulture)} resolutions ({count} random edits): median {F(latencies[latencies.Count / 2])} ms, p95 {F(latencies[(int)(latencies.Count * 0.95)])} ms, max {F(latencies[^1])} ms");
        return 0;
    }
}
