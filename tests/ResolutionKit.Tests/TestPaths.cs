using System;
using System.IO;

namespace ResolutionKit.Tests;

/// <summary>Finds the repository's folders from the test output directory.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "samples", "corpus");

    public static string Golden => Path.Combine(Root, "tests", "ResolutionKit.Tests", "Golden");

    /// <summary>Set RESKIT_UPDATE_GOLDEN=1 to rewrite golden files instead of comparing.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("RESKIT_UPDATE_GOLDEN") == "1";

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
