using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Expressions;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// The rules engine: compiling the shipped rule set (Roslyn cold, from the on-disk expression cache, and with the
/// in-memory cache), a full check of the samples and of 1,000 generated resolutions (40,000 clauses), and the latency
/// of one clause edit in an incremental session over those 1,000 resolutions.
/// </summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private readonly string _diskCache = Path.Combine(Path.GetTempPath(), "reskit-bench-expr-" + Guid.NewGuid().ToString("N"));
    private List<Resolution> _samples = new();
    private List<Resolution> _generated = new();
    private RuleSet? _rules;
    private IncrementalSession? _session;
    private string _editAddress = string.Empty;
    private bool _flip;

    private RuleSet Rules => _rules ?? throw new InvalidOperationException("GlobalSetup has not run");

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.Load(new RuleSetOptions { ExpressionCacheDirectory = _diskCache }).RuleSet ?? throw new InvalidOperationException("the shipped rules did not load");
        _samples = SampleCorpus.Texts().Select(t => ResolutionTextReader.Read(t).Value!).ToList();
        _generated = new CorpusGenerator().Generate(1000, 40).Texts().Select(t => ResolutionTextReader.Read(t).Value!).ToList();
        _session = Rules.StartSession(_generated);
        _editAddress = _generated[500].Clauses().First(c => c.Group.Group.Part == Part.Operative).Address;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_diskCache, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Loading with no cached expression: every expression rule is compiled by Roslyn.</summary>
    [Benchmark]
    [BenchmarkCategory("Macro")]
    public RuleSet? CompileRuleSet_Cold()
    {
        ExpressionCompiler.ClearMemoryCache();
        return RuleSet.Load(new RuleSetOptions { ExpressionCacheDirectory = null }).RuleSet;
    }

    /// <summary>A new process: nothing in memory, the compiled expressions on disk.</summary>
    [Benchmark]
    [BenchmarkCategory("Macro")]
    public RuleSet? CompileRuleSet_DiskCache()
    {
        ExpressionCompiler.ClearMemoryCache();
        return RuleSet.Load(new RuleSetOptions { ExpressionCacheDirectory = _diskCache }).RuleSet;
    }

    /// <summary>A second load in one process: expressions come from memory.</summary>
    [Benchmark]
    [BenchmarkCategory("Micro")]
    public RuleSet? CompileRuleSet_MemoryCache() => RuleSet.Load(new RuleSetOptions { ExpressionCacheDirectory = _diskCache }).RuleSet;

    [Benchmark]
    [BenchmarkCategory("Macro")]
    public int CheckSamples() => Rules.Analyze(_samples).Diagnostics.Count;

    [Benchmark]
    [BenchmarkCategory("Macro")]
    public int CheckGenerated1000() => Rules.Analyze(_generated).Diagnostics.Count;

    /// <summary>One clause edited in an open session over 1,000 resolutions (alternately adding and removing a finding).</summary>
    [Benchmark]
    [BenchmarkCategory("Micro")]
    public int IncrementalClauseEdit()
    {
        _flip = !_flip;
        var delta = _session!.ReplaceClause(_editAddress, _flip ? "to thank the chairman of the group for the work done;" : "to thank the chair of the group for the work done;");
        return delta.Added.Count + delta.Removed.Count;
    }
}
