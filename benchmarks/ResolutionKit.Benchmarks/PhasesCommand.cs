using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Engine;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// <c>-- phases [--count 1000] [--clauses 40] [--runs 3] [--allocations true] [--rules true] [--memory true] [--fresh true]</c>: one full
/// check of generated resolutions split into its stages — clause facts, the overlap search, resolution overlaps,
/// reporting pairs, the rules engine's insert and fire, and collecting the findings — with the time and allocation of
/// each, for the runs after a first (warm-up) run. <c>--memory</c> adds what stays on the heap after the last run: the
/// texts and their model, the facts, and the engine's session (each measured after a full collection). <c>--fresh</c>
/// reads the texts again before every run (not timed), so that each run checks resolutions never checked before, as
/// <c>reskit check</c> does, rather than checking the same objects again, as an editor session does.
/// </summary>
public static class PhasesCommand
{
    public static int Run(string[] args)
    {
        var count = 1000;
        var clauses = 40;
        var runs = 3;
        var sample = false;
        var perRule = false;
        var memory = false;
        var fresh = false;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--count": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--clauses": clauses = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--allocations": sample = args[i + 1] == "true"; break;
                case "--rules": perRule = args[i + 1] == "true"; break;
                case "--memory": memory = args[i + 1] == "true"; break;
                case "--fresh": fresh = args[i + 1] == "true"; break;
                default:
                    Console.Error.WriteLine("Unknown option " + args[i]);
                    return 2;
            }
        }

        if (count < 1 || runs < 0)
        {
            Console.Error.WriteLine("--count must be at least 1 and --runs at least 0");
            return 2;
        }

        var texts = new CorpusGenerator().Generate(count, clauses).Texts().ToList();
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var resolutions = texts.Select(t => ResolutionTextReader.Read(t).Value!).ToList();
        var read = (clock.Elapsed, GC.GetTotalAllocatedBytes(true) - allocated);
        var rules = ScaleCommand.Shipped(count);
        Console.WriteLine($"{count:N0} generated resolutions, {resolutions.Sum(r => r.Clauses().Count()):N0} clauses, {rules.Compiled.Count} rules, {Environment.ProcessorCount} cores; reading {read.Item1.TotalSeconds:0.000} s, {read.Item2 / 1e6:0} MB (not part of the check)");
        Console.WriteLine();
        ResolutionKit.Analysis.OverlapSearchStatistics? lastStats = null;
        var rows = new List<List<(string Phase, TimeSpan Time, long Bytes)>>();
        var summary = new List<string>();
        using var sampler = sample ? new AllocationSampler() : null;
        for (var run = 0; run <= runs; run++)
        {
            if (fresh && run > 0)
            {
                resolutions = texts.Select(t => ResolutionTextReader.Read(t).Value!).ToList();
            }

            sampler?.Take(0);
            GC.Collect();
            var pause = GC.GetTotalPauseDuration();
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var phases = new List<(string Phase, TimeSpan Time, long Bytes)>();
            allocated = GC.GetTotalAllocatedBytes(true);
            var start = allocated;
            clock.Restart();
            var builder = rules.CreateFactBuilder();
            builder.Set(resolutions, Array.Empty<string>());
            phases.AddRange(builder.LastPhases);
            void Mark(string phase)
            {
                var now = GC.GetTotalAllocatedBytes();
                phases.Add((phase, clock.Elapsed, now - allocated));
                allocated = now;
                clock.Restart();
            }

            allocated = GC.GetTotalAllocatedBytes();
            clock.Restart();
            var sink = new DiagnosticSink();
            var session = rules.CreateNRulesSession(sink);
            DiagnosticSink.Current = sink;
            try
            {
                IncrementalSession.InsertInSlices(session, builder.Facts.Values.ToList());
                Mark("engine insert");
                session.Fire();
                Mark("engine fire");
            }
            finally
            {
                DiagnosticSink.Current = null;
            }

            var findings = rules.Config.Filter(rules.ReportOnce(sink.Snapshot())).Visible.Count;
            Mark("findings");
            var total = phases.Aggregate(TimeSpan.Zero, (t, p) => t + p.Time);
            var bytes = GC.GetTotalAllocatedBytes(true) - start;
            rows.Add(phases);
            summary.Add($"{total.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s, {bytes / 1e6:0} MB, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s, GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, {findings:N0} findings");
            lastStats = builder.SearchStatistics;
            if (perRule && run == runs)
            {
                // Each rule over the same facts (its conditions and, where they hold, its findings), as the engine
                // runs them: a slice of facts at a time, every rule over the slice before the next slice, so that each
                // rule finds the slice's texts in the cache. Which rules the engine's insert spends its time in.
                var facts = builder.Facts.Values.ToList();
                var costs = new List<(string Id, string Kind, double Ms, int Findings)>();
                var totals = new double[rules.Compiled.Count];
                var found = new int[rules.Compiled.Count];
                for (var pass = 0; pass < 5; pass++)
                {
                    // The fastest of five passes for each rule: this machine's timings drift by up to 2x from one
                    // minute to the next.
                    var times = new double[rules.Compiled.Count];
                    Array.Clear(found);
                    for (var at = 0; at < facts.Count; at += IncrementalSession.InsertSlice)
                    {
                        var slice = facts.GetRange(at, Math.Min(IncrementalSession.InsertSlice, facts.Count - at));
                        for (var r = 0; r < rules.Compiled.Count; r++)
                        {
                            var began = Stopwatch.GetTimestamp();
                            found[r] += rules.Compiled[r].EvaluateDirectly(slice)?.Count() ?? 0;
                            times[r] += Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                        }
                    }

                    for (var r = 0; r < times.Length; r++)
                    {
                        totals[r] = pass == 0 ? times[r] : Math.Min(totals[r], times[r]);
                    }
                }

                for (var r = 0; r < totals.Length; r++)
                {
                    var rule = rules.Compiled[r];
                    costs.Add((rule.Descriptor.Id, rule.Definition.Kind, totals[r], rule.EvaluateDirectly(facts) is null ? -1 : found[r]));
                }

                Console.WriteLine($"Rules by cost over the facts, {IncrementalSession.InsertSlice} at a time as the engine takes them (ms, fastest of five passes; findings, -1 for rules that join facts):");
                foreach (var c in costs.OrderByDescending(c => c.Ms))
                {
                    Console.WriteLine($"  {c.Ms,8:0.0}  {c.Id} {c.Kind} ({c.Findings})");
                }

                Console.WriteLine($"  {costs.Sum(c => c.Ms),8:0.0}  all {costs.Count} rules");

                Console.WriteLine();
            }
            if (sampler is not null && run == runs)
            {
                Console.WriteLine("Allocations of the last run by type (sampled every ~100 KB):");
                foreach (var (type, sampled) in sampler.Take(25))
                {
                    Console.WriteLine($"  {sampled / 1e6,8:0.0} MB  {type}");
                }

                Console.WriteLine();
            }

            if (memory && run == runs)
            {
                var withSession = GC.GetTotalMemory(true);

                GC.KeepAlive(session);
                session = null!;
                var withFacts = GC.GetTotalMemory(true);
                GC.KeepAlive(builder);
                builder = null!;
                var model = GC.GetTotalMemory(true);
                Console.WriteLine($"Held after the last run: texts and model {model / 1e6:0} MB, facts and overlap index {(withFacts - model) / 1e6:0} MB, engine session {(withSession - withFacts) / 1e6:0} MB ({withSession / 1e6:0} MB in all)");
                Console.WriteLine();
            }

            // Let this run's facts and session go before the next run: the JIT may keep a loop's locals alive until they
            // are overwritten, and the next run would then start with the last one's 50 MB still held.
            session = null!;
            builder = null!;
            sink = null!;
        }

        string S(TimeSpan x) => x.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine("| phase | " + string.Join(" | ", Enumerable.Range(0, rows.Count).Select(r => r == 0 ? "warm-up s (MB)" : $"run {r} s (MB)")) + " |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("--:|", rows.Count)));
        for (var i = 0; i < rows[0].Count; i++)
        {
            Console.WriteLine($"| {rows[0][i].Phase} | " + string.Join(" | ", rows.Select(r => $"{S(r[i].Time)} ({r[i].Bytes / 1e6:0})")) + " |");
        }

        Console.WriteLine("| **total** | " + string.Join(" | ", summary.Select(x => "**" + x.Split(',')[0] + "**")) + " |");
        Console.WriteLine();
        for (var r = 0; r < summary.Count; r++)
        {
            Console.WriteLine((r == 0 ? "warm-up" : "run " + r.ToString(CultureInfo.InvariantCulture)) + ": " + summary[r]);
        }

        if (lastStats is { } st)
        {
            Console.WriteLine();
            Console.WriteLine($"Overlap search: {st.Items:N0} comparable clauses, {st.Candidates:N0} candidate pairs, {st.Measured:N0} measured exactly, {st.Pairs:N0} pairs at the threshold or above, largest bucket paired {st.LargestBucket:N0}, band values too crowded to pair {st.CrowdedGroups:N0}");
        }

        return 0;
    }
}
