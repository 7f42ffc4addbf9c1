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
                files.AddRange(FilesUnder(arg, errors).Where(IsResolutionFile).OrderBy(f => f, StringComparer.Ordinal));
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

    /// <summary>
    /// Every file under a folder, following links to folders once: a link that leads back to a folder already walked (a
    /// loop, or a second way to the same files) is reported as an error naming it, and not followed. Unreadable folders
    /// are reported too.
    /// </summary>
    public static IEnumerable<string> FilesUnder(string root, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((root, Path.GetFullPath(root)));
        seen.Add(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar));
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var (dir, real) = pending.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(dir));
                foreach (var sub in Directory.EnumerateDirectories(dir).OrderBy(d => d, StringComparer.Ordinal))
                {
                    var info = new DirectoryInfo(sub);
                    var subReal = info.LinkTarget is null
                        ? Path.Combine(real, info.Name)
                        : info.ResolveLinkTarget(true)?.FullName ?? Path.Combine(real, info.Name);
                    subReal = subReal.TrimEnd(Path.DirectorySeparatorChar);
                    if (!seen.Add(subReal) || (real + Path.DirectorySeparatorChar).StartsWith(subReal + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        errors.Add($"{sub}: error: this link leads back to {subReal}, a folder already read (a symbolic link loop); it was not followed");
                        continue;
                    }

                    pending.Push((sub, subReal));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{dir}: error: the folder cannot be read: {e.Message}");
            }
        }

        return found;
    }

    public static bool IsResolutionFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".resolution.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".akn.xml", StringComparison.OrdinalIgnoreCase)
            || (Reading.Documents.DocumentReader.Handles(name) && !name.StartsWith("~$", StringComparison.Ordinal));
    }

    /// <summary>Reads every instrument of a file: a text may hold several (Final Acts, proposals), a JSON file an array.</summary>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAll(string path)
    {
        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return ResolutionTextReader.ReadText(path) is { } xml ? new[] { AkomaNtoso.Read(xml, path) } : ResolutionTextReader.ReadAllFile(path);
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // A pipe, a device or an unreadable file is reported by the text reader.
            return ResolutionTextReader.ReadText(path) is { } json ? ResolutionJson.ReadAll(json, path) : ResolutionTextReader.ReadAllFile(path);
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
        foreach (var file in FilesUnder(root, new List<string>()).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = file.Substring(root.Length).TrimStart('/');
            if (regex.IsMatch(relative))
            {
                yield return slash < 0 ? relative : root.TrimEnd('/') + "/" + relative;
            }
        }
    }
}
