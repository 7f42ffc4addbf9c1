using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;

namespace ResolutionKit.Cli;

/// <summary>Expands file, folder and glob arguments and reads them.</summary>
internal static class Inputs
{
    public static (List<string> Files, List<string> Errors) Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var errors = new List<string>();
        foreach (var arg in arguments)
        {
            if (Directory.Exists(arg))
            {
                files.AddRange(Directory.EnumerateFiles(arg, "*", SearchOption.AllDirectories).Where(IsResolutionFile).OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(arg))
            {
                files.Add(arg);
            }
            else if (arg.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                var matched = Glob(arg).ToList();
                if (matched.Count == 0)
                {
                    errors.Add($"{arg}: error: no file matches this pattern");
                }

                files.AddRange(matched);
            }
            else
            {
                errors.Add($"{arg}: error: no such file or folder");
            }
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), errors);
    }

    public static bool IsResolutionFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".resolution.json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads every instrument of a file: a text may hold several (Final Acts, proposals), a JSON file an array.</summary>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAll(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ResolutionTextReader.ReadAllFile(path);
            }

            return ResolutionJson.ReadAll(json, path);
        }

        return ResolutionTextReader.ReadAllFile(path);
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        var full = pattern.Replace('\\', '/');
        var firstWild = full.IndexOfAny(new[] { '*', '?' });
        var slash = full.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : full.Substring(0, slash);
        if (root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            yield break;
        }

        var rest = slash < 0 ? full : full.Substring(slash + 1);
        var regex = new Regex("^" + Regex.Escape(rest).Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = file.Substring(root.Length).TrimStart('/');
            if (regex.IsMatch(relative))
            {
                yield return slash < 0 ? relative : root.TrimEnd('/') + "/" + relative;
            }
        }
    }
}
