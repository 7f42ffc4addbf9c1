using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// Reading and writing one resolution (Micro) and whole corpora (Macro): the text reader on the shipped samples and on a
/// generated corpus about 100 times their size, the canonical text writer, and the JSON form. Inputs are held in memory
/// (except <see cref="ReadAllSampleFiles"/>), so the numbers are parsing cost, not I/O.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ReadingBenchmarks
{
    private string _pp191 = string.Empty;
    private string _messy = string.Empty;
    private string[] _sampleTexts = Array.Empty<string>();
    private string[] _samplePaths = Array.Empty<string>();
    private string[] _corpus = Array.Empty<string>();
    private string[] _corpusNames = Array.Empty<string>();
    private Resolution? _model;
    private string _json = string.Empty;

    private Resolution Model => _model ?? throw new InvalidOperationException("GlobalSetup has not run");

    [GlobalSetup]
    public void Setup()
    {
        _pp191 = Workloads.Pp191Text;
        _messy = Workloads.MessyText;
        _sampleTexts = Workloads.SampleTexts.ToArray();
        _samplePaths = Workloads.SamplePaths.ToArray();
        _corpus = Workloads.Corpus100x.Texts();
        _corpusNames = Workloads.Corpus100x.Resolutions.Select(r => r.FileName).ToArray();
        _model = Workloads.Pp191Model;
        _json = Workloads.Pp191Json;

        // Fail fast rather than time a reader that silently reads nothing: spot-check the generated corpus.
        var problems = Workloads.Corpus100x.Resolutions.Take(20).Select(CorpusValidation.Check).Where(p => p is not null).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The generated corpus does not read back as generated: " + string.Join("; ", problems));
        }

        WarmUpReader();
    }

    /// <summary>
    /// Runs the reader for a few seconds (5 by default; <c>RESKIT_BENCH_WARMUP_SECONDS</c> overrides) so that its methods
    /// reach tier 1 with dynamic PGO before measurement. One operation of the Macro benchmarks takes 100+ ms, so the few
    /// warm-up iterations of a short job would otherwise time tier-0 or instrumented code: on this 2-core machine the
    /// reader needs about 5 s of work before it runs at its steady speed, 2 to 4 times faster than its first passes.
    /// Tiering is per method, so this does not change what the Micro benchmarks measure; it only makes them stable sooner.
    /// </summary>
    private void WarmUpReader()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("RESKIT_BENCH_WARMUP_SECONDS"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 5;
        var some = _corpus.Take(100).ToArray();
        var someNames = _corpusNames.Take(100).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            ReadAll(_sampleTexts, _samplePaths);
            ReadAll(some, someNames);
        }

        System.Threading.Thread.Sleep(300);
    }

    [Benchmark(Description = "Read pp-191.txt")]
    [BenchmarkCategory("Micro")]
    [Workload(Workloads.Pp191)]
    public ParseResult<Resolution> ReadPp191() => ResolutionTextReader.Read(_pp191, "pp-191.txt");

    [Benchmark(Description = "Read messy PDF copy")]
    [BenchmarkCategory("Micro")]
    [Workload(Workloads.Messy)]
    public ParseResult<Resolution> ReadMessyPdfCopy() => ResolutionTextReader.Read(_messy, "messy-pp-191-from-pdf.txt");

    [Benchmark(Description = "Write canonical text")]
    [BenchmarkCategory("Micro")]
    [Workload(Workloads.CanonicalText)]
    public string WriteCanonicalText() => ResolutionTextWriter.Write(Model);

    [Benchmark(Description = "Write JSON")]
    [BenchmarkCategory("Micro")]
    [Workload(Workloads.Json)]
    public string WriteJson() => ResolutionJson.Write(Model);

    [Benchmark(Description = "Read JSON")]
    [BenchmarkCategory("Micro")]
    [Workload(Workloads.Json)]
    public ParseResult<Resolution> ReadJson() => ResolutionJson.Read(_json, "pp-191.json");

    [Benchmark(Description = "Read all samples")]
    [BenchmarkCategory("Macro")]
    [Workload(Workloads.Samples)]
    public int ReadAllSamples() => ReadAll(_sampleTexts, _samplePaths);

    [Benchmark(Description = "Read all sample files")]
    [BenchmarkCategory("Macro")]
    [Workload(Workloads.SampleFiles)]
    public int ReadAllSampleFiles()
    {
        var groups = 0;
        foreach (var path in _samplePaths)
        {
            groups += Count(ResolutionTextReader.ReadFile(path));
        }

        return groups;
    }

    [Benchmark(Description = "Read generated corpus 100x")]
    [BenchmarkCategory("Macro")]
    [Workload(Workloads.Corpus)]
    public int ReadGeneratedCorpus() => ReadAll(_corpus, _corpusNames);

    private static int ReadAll(IReadOnlyList<string> texts, IReadOnlyList<string> names)
    {
        // Returns a value that depends on every result, so nothing can be optimized away.
        var groups = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            groups += Count(ResolutionTextReader.Read(texts[i], names[i]));
        }

        return groups;
    }

    private static int Count(ParseResult<Resolution> result) =>
        result.Value is null ? -1 : result.Value.Preamble.Count + result.Value.Operative.Count + result.Diagnostics.Count;
}
