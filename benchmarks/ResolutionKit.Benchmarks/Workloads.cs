using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;

namespace ResolutionKit.Benchmarks;

/// <summary>Names the workload a benchmark processes, so that throughput (MB/s, resolutions/s) can be computed from its mean.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class WorkloadAttribute : Attribute
{
    /// <summary>Names the workload.</summary>
    /// <param name="name">One of the <see cref="Workloads"/> names.</param>
    public WorkloadAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The workload name.</summary>
    public string Name { get; }
}

/// <summary>How much one operation of a benchmark processes.</summary>
/// <param name="Name">The workload name.</param>
/// <param name="Bytes">UTF-8 bytes processed per operation (input read, or output written).</param>
/// <param name="Resolutions">Resolutions processed per operation.</param>
/// <param name="Description">What the bytes are.</param>
public sealed record WorkloadSize(string Name, long Bytes, int Resolutions, string Description);

/// <summary>
/// The inputs of the benchmarks, built the same way in the BenchmarkDotNet host and in each benchmark process (the
/// generator is deterministic), so the host can turn a mean time into MB/s and resolutions/s.
/// </summary>
public static class Workloads
{
    /// <summary>Reading <c>samples/corpus/pp-191.txt</c> (the largest sample, with footnote and annex).</summary>
    public const string Pp191 = "pp-191.txt";

    /// <summary>Reading <c>messy-pp-191-from-pdf.txt</c> (in <c>samples/messy/</c>; CRLF, page furniture, hyphenation, wrapped lines).</summary>
    public const string Messy = "messy-pp-191-from-pdf.txt";

    /// <summary>Reading all shipped samples from strings.</summary>
    public const string Samples = "samples";

    /// <summary>Reading all shipped samples from their files.</summary>
    public const string SampleFiles = "samples (files)";

    /// <summary>Reading the generated corpus of about <see cref="CorpusFactor"/> times the samples' size.</summary>
    public const string Corpus = "corpus-100x";

    /// <summary>Writing the canonical text of pp-191 (bytes are the output).</summary>
    public const string CanonicalText = "pp-191 canonical text";

    /// <summary>Writing or reading the JSON form of pp-191 (bytes are the JSON).</summary>
    public const string Json = "pp-191 JSON";

    /// <summary>The size of the generated corpus relative to the shipped samples.</summary>
    public const double CorpusFactor = 100;

    private static readonly Lazy<string> Pp191TextLazy = new(() => File.ReadAllText(SampleCorpus.PathOf(Pp191), Encoding.UTF8));
    private static readonly Lazy<string> MessyTextLazy = new(() => File.ReadAllText(SampleCorpus.PathOf(Messy), Encoding.UTF8));
    private static readonly Lazy<IReadOnlyList<string>> SampleFilesLazy = new(SampleCorpus.Files);
    private static readonly Lazy<IReadOnlyList<string>> SampleTextsLazy = new(() => SampleFilesLazy.Value.Select(f => File.ReadAllText(f, Encoding.UTF8)).ToList());
    private static readonly Lazy<GeneratedCorpus> CorpusLazy = new(() => new CorpusGenerator().Scale(SampleTextsLazy.Value, CorpusFactor));
    private static readonly Lazy<Resolution> Pp191ModelLazy = new(() =>
        ResolutionTextReader.Read(Pp191TextLazy.Value, Pp191).Value ?? throw new InvalidOperationException("pp-191.txt could not be read"));

    private static readonly Lazy<string> Pp191JsonLazy = new(() => ResolutionJson.Write(Pp191ModelLazy.Value));
    private static readonly Lazy<string> Pp191CanonicalLazy = new(() => ResolutionTextWriter.Write(Pp191ModelLazy.Value));

    /// <summary>The text of pp-191.txt.</summary>
    public static string Pp191Text => Pp191TextLazy.Value;

    /// <summary>The text of the messy PDF copy of pp-191.</summary>
    public static string MessyText => MessyTextLazy.Value;

    /// <summary>The paths of the shipped samples.</summary>
    public static IReadOnlyList<string> SamplePaths => SampleFilesLazy.Value;

    /// <summary>The texts of the shipped samples, in <see cref="SamplePaths"/> order.</summary>
    public static IReadOnlyList<string> SampleTexts => SampleTextsLazy.Value;

    /// <summary>The generated corpus: <see cref="CorpusGenerator.Scale"/> of the samples by <see cref="CorpusFactor"/>, default seed.</summary>
    public static GeneratedCorpus Corpus100x => CorpusLazy.Value;

    /// <summary>The model read from pp-191.txt.</summary>
    public static Resolution Pp191Model => Pp191ModelLazy.Value;

    /// <summary>The JSON form of <see cref="Pp191Model"/>.</summary>
    public static string Pp191Json => Pp191JsonLazy.Value;

    /// <summary>The canonical text of <see cref="Pp191Model"/>.</summary>
    public static string Pp191Canonical => Pp191CanonicalLazy.Value;

    /// <summary>The size of a workload.</summary>
    /// <param name="name">Its name.</param>
    public static WorkloadSize Size(string name) => name switch
    {
        Pp191 => new(name, Utf8(Pp191Text), 1, "input text"),
        Messy => new(name, Utf8(MessyText), 1, "input text"),
        Samples => new(name, SampleTexts.Sum(t => (long)Utf8(t)), SampleTexts.Count, "input texts"),
        SampleFiles => new(name, SamplePaths.Sum(p => new FileInfo(p).Length), SamplePaths.Count, "input files"),
        Corpus => new(name, Corpus100x.Utf8Bytes, Corpus100x.Count, "input texts"),
        CanonicalText => new(name, Utf8(Pp191Canonical), 1, "output text"),
        Json => new(name, Utf8(Pp191Json), 1, "JSON"),
        _ => throw new ArgumentException("Unknown workload " + name, nameof(name)),
    };

    private static int Utf8(string s) => Encoding.UTF8.GetByteCount(s);
}

/// <summary>Checks that the reader reads generated texts as they were generated (so benchmarks measure real work).</summary>
public static class CorpusValidation
{
    /// <summary>Reads every text and compares groups, clauses, footnotes and annexes with what was generated.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="maxProblems">How many problems to describe at most.</param>
    /// <returns>The problems found; empty when every text reads back as generated with no warning or error.</returns>
    public static IReadOnlyList<string> Check(GeneratedCorpus corpus, int maxProblems = 20)
    {
        var problems = new List<string>();
        foreach (var g in corpus.Resolutions)
        {
            var problem = Check(g);
            if (problem is not null)
            {
                problems.Add(problem);
                if (problems.Count >= maxProblems)
                {
                    break;
                }
            }
        }

        return problems;
    }

    /// <summary>Reads one generated text and describes the first difference, or returns null.</summary>
    /// <param name="generated">The text.</param>
    public static string? Check(GeneratedResolution generated)
    {
        var result = ResolutionTextReader.Read(generated.Text, generated.FileName);
        var r = result.Value;
        if (r is null)
        {
            return generated.FileName + ": nothing read";
        }

        var loud = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (loud.Count > 0)
        {
            return generated.FileName + ": " + loud.Count + " warning(s)/error(s), first: " + loud[0];
        }

        var clauses = r.Clauses().Count();
        var groups = r.Preamble.Count + r.Operative.Count;
        if (clauses != generated.ClauseCount || groups != generated.GroupCount
            || r.Footnotes.Count != (generated.HasFootnote ? 1 : 0) || r.Annexes.Count != (generated.HasAnnex ? 1 : 0)
            || r.Id.Number != generated.Number || r.Id.Body.Code != generated.BodyCode)
        {
            return $"{generated.FileName}: read {r.Id.Body.Code} {r.Id.Number}, {groups} groups, {clauses} clauses, {r.Footnotes.Count} footnotes, {r.Annexes.Count} annexes; generated {generated.BodyCode} {generated.Number}, {generated.GroupCount}, {generated.ClauseCount}, {(generated.HasFootnote ? 1 : 0)}, {(generated.HasAnnex ? 1 : 0)}";
        }

        return null;
    }
}
