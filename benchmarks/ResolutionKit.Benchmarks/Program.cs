using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// Entry point.
/// <list type="bullet">
/// <item><c>-- --filter '*Reading*'</c> and every other BenchmarkDotNet option: run benchmarks (BenchmarkSwitcher).</item>
/// <item><c>-- --quick [--filter ...]</c>: a smoke run with a short job (1 launch, 3 warm-ups, 3 iterations); all benchmarks when no filter is given.</item>
/// <item><c>-- throughput [--factor 100] [--runs 7]</c>: time reading the generated corpus with a Stopwatch and print MB/s and resolutions/s.</item>
/// <item><c>-- scale [--sizes 100,1000,10000] [--edits 200]</c>: full check by corpus size (time, allocation, peak memory, growth exponent) and clause-edit latency.</item>
/// <item><c>-- process [--runs 5] [--file f] [--corpus folder]</c>: <c>reskit check</c> as a whole process, cold (empty cache) and warm.</item>
/// <item><c>-- phases [--count 1000] [--clauses 40] [--runs 3]</c>: one full check split into its stages (facts, overlap search, rules engine insert and fire, findings), time and allocation of each.</item>
/// <item><c>-- overlap [--sizes 1000,10000,100000,1000000] [--exact-up-to 20000]</c>: the overlap index by size: time, peak memory, recall against exact all-pairs, growth exponent.</item>
/// <item><c>-- generate &lt;folder&gt; [--factor 100 | --count N --clauses N] [--seed N]</c>: write a generated corpus to a folder.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Dispatch(args);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // A count, size or threshold that is not a number: one line, not a stack trace.
            Console.Error.WriteLine("A number was expected (" + e.Message + "): " + string.Join(" ", args));
            return 2;
        }
    }

    private static int Dispatch(string[] args)
    {
        if (args.Length > 0 && args[0] == "throughput")
        {
            return ThroughputCommand.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "scale")
        {
            return ScaleCommand.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "scale-one")
        {
            return ScaleCommand.RunOne(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "process")
        {
            return ProcessCommand.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "phases")
        {
            return PhasesCommand.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "edits-one")
        {
            return ScaleCommand.RunEdits(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "overlap")
        {
            return OverlapScaleCommand.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "overlap-one")
        {
            return OverlapScaleCommand.RunOne(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "generate")
        {
            return Generate(args.Skip(1).ToArray());
        }

        IConfig config = DefaultConfig.Instance;
        if (args.Contains("--quick"))
        {
            args = args.Where(a => a != "--quick").ToArray();
            config = config.AddJob(Job.ShortRun.WithId("Quick"));
            if (!args.Any(a => a == "--filter" || a == "-f" || a.StartsWith("--filter=", StringComparison.Ordinal) || a == "--list"))
            {
                args = args.Concat(new[] { "--filter", "*" }).ToArray();
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
        ThroughputReport.Print(summaries);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static int Generate(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("-", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: generate <folder> [--factor 100 | --count N --clauses N] [--seed N]");
            return 2;
        }

        var folder = args[0];
        double? factor = null;
        int? count = null;
        var clauses = CorpusGenerator.DefaultClausesPerResolution;
        var seed = CorpusGenerator.DefaultSeed;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--factor": factor = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--count": count = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--clauses": clauses = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("Unknown option " + args[i]);
                    return 2;
            }
        }

        var generator = new CorpusGenerator(seed);
        var corpus = count is not null ? generator.Generate(count.Value, clauses) : generator.Scale(SampleCorpus.Texts(), factor ?? 1);
        corpus.WriteTo(folder);
        Console.WriteLine($"Wrote {corpus.Count:N0} texts, {corpus.Clauses:N0} clauses, {corpus.Utf8Bytes:N0} bytes to {folder}");
        return 0;
    }
}
