using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ResolutionKit.Rules.Tests.Infrastructure;

/// <summary>The repository's folders, found by walking up from the test output to ResolutionKit.sln.</summary>
public static class Repository
{
    private static readonly Regex RuleFileName = new(@"^(?<id>RK\d{4})\.[a-z0-9-]+\.json$", RegexOptions.CultureInvariant);

    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string RuleDocs => Path.Combine(Root, "docs", "rules");

    /// <summary>The shipped rule files: (id from the file name, path).</summary>
    public static IReadOnlyList<(string Id, string Path)> RuleFiles() =>
        Directory.Exists(Rules)
            ? Directory.EnumerateFiles(Rules, "RK*.json")
                .Select(p => (Match: RuleFileName.Match(System.IO.Path.GetFileName(p)), Path: p))
                .Select(x => (Id: x.Match.Success ? x.Match.Groups["id"].Value : System.IO.Path.GetFileName(x.Path), x.Path))
                .OrderBy(x => x.Id, StringComparer.Ordinal)
                .ToList()
            : new List<(string, string)>();

    /// <summary>The C# sources of every test project (bin and obj excluded).</summary>
    public static IEnumerable<string> TestSources() =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResolutionKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResolutionKit.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The "## Incorrect" and "## Correct" examples of a rule page: fenced code blocks, resolutions separated by "---" lines.</summary>
public sealed record RulePageExamples(IReadOnlyList<IReadOnlyList<string>> Incorrect, IReadOnlyList<IReadOnlyList<string>> Correct)
{
    public static RulePageExamples Read(string markdown)
    {
        var incorrect = new List<IReadOnlyList<string>>();
        var correct = new List<IReadOnlyList<string>>();
        List<IReadOnlyList<string>>? section = null;
        List<string>? block = null;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (block is not null)
            {
                if (raw.StartsWith("```", StringComparison.Ordinal))
                {
                    section!.Add(Split(block));
                    block = null;
                }
                else
                {
                    block.Add(raw);
                }

                continue;
            }

            if (raw.StartsWith("## ", StringComparison.Ordinal))
            {
                var heading = raw.Substring(3).Trim();
                section = heading == "Incorrect" ? incorrect : heading == "Correct" ? correct : null;
                continue;
            }

            if (section is not null && raw.StartsWith("```", StringComparison.Ordinal))
            {
                block = new List<string>();
            }
        }

        return new RulePageExamples(incorrect, correct);
    }

    private static IReadOnlyList<string> Split(List<string> lines)
    {
        var texts = new List<string>();
        var current = new List<string>();
        foreach (var line in lines.Append("---"))
        {
            if (line == "---")
            {
                if (current.Count > 0)
                {
                    texts.Add(string.Join("\n", current) + "\n");
                }

                current = new List<string>();
            }
            else
            {
                current.Add(line);
            }
        }

        return texts;
    }
}
