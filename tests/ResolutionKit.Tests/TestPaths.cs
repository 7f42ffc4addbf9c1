using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ResolutionKit.Tests;

/// <summary>Finds the repository's folders from the test output directory.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "samples", "corpus");

    /// <summary>The sample pasted from a PDF (it moved from samples/corpus to samples/messy).</summary>
    public static string MessySample => FirstExisting(
        Path.Combine(Root, "samples", "messy", "messy-pp-191-from-pdf.txt"),
        Path.Combine(Corpus, "messy-pp-191-from-pdf.txt"));

    /// <summary>Every sample text: samples/corpus/*.txt, then the messy sample; with its path relative to the root (forward slashes).</summary>
    public static IReadOnlyList<(string Name, string FullPath, string RelativePath)> Samples { get; } = FindSamples();

    public static string Golden => Path.Combine(Root, "tests", "ResolutionKit.Tests", "Golden");

    /// <summary>Every line of the six-language fixtures and of the samples (*.txt), for checks that must hold on real layouts.</summary>
    public static IEnumerable<string> FixtureAndSampleLines() =>
        Directory.GetFiles(Path.Combine(Root, "tests", "ResolutionKit.Tests", "Fixtures"), "*.txt", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "samples"), "*.txt", SearchOption.AllDirectories))
            .SelectMany(File.ReadLines);

    /// <summary>Set RESKIT_UPDATE_GOLDEN=1 to rewrite golden files instead of comparing.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("RESKIT_UPDATE_GOLDEN") == "1";

    private static string FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists) ?? paths[0];

    private static List<(string, string, string)> FindSamples()
    {
        var files = Directory.GetFiles(Corpus, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (!files.Contains(MessySample, StringComparer.Ordinal))
        {
            files.Add(MessySample);
        }

        return files.Select(f => (Path.GetFileName(f), f, Path.GetRelativePath(Root, f).Replace('\\', '/'))).ToList();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResolutionKit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ResolutionKit.sln not found above " + AppContext.BaseDirectory);
    }
}
