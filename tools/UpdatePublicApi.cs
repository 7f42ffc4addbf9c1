// Keeps the PublicAPI files in step with the code: adds what a build reports as undeclared (RS0016) and drops what it
// reports as gone (RS0017). Symbols present in every target framework go to PublicAPI.Unshipped.txt; symbols of one
// framework only (record Clone methods differ between netstandard2.0 and net10.0) go to
// PublicAPI/<tfm>/PublicAPI.Unshipped.txt. Run after changing a public API, from the repository root:
//
//     dotnet run tools/UpdatePublicApi.cs [src/ResolutionKit ...]
//
// A .NET 10 file-based program: no project, no Python.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "ResolutionKit.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run this inside the repository");
}

var projects = args.Length > 0 ? args : new[] { "src/ResolutionKit", "src/ResolutionKit.Rules", "src/ResolutionKit.Testing" };
var warning = new Regex(@"warning (RS0016|RS0017): Symbol '(.*?)' is .*?\[[^\]]*?(?:TargetFramework=([\w.]+))?\]", RegexOptions.CultureInvariant);
var exitCode = 0;
foreach (var relative in projects)
{
    var project = Path.Combine(root, relative);
    if (!Directory.Exists(project))
    {
        Console.Error.WriteLine($"{relative}: error: no such project folder");
        exitCode = 2;
        continue;
    }

    for (var round = 0; round < 4; round++)
    {
        var output = Build(project);
        var frameworks = Regex.Matches(output, @"TargetFramework=([\w.]+)").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        if (frameworks.Count == 0)
        {
            frameworks.Add("net10.0");
        }

        var add = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var remove = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Match m in warning.Matches(output))
        {
            var target = m.Groups[1].Value == "RS0016" ? add : remove;
            var framework = m.Groups[3].Success && m.Groups[3].Value.Length > 0 ? m.Groups[3].Value : frameworks[0];
            if (!target.TryGetValue(m.Groups[2].Value, out var where))
            {
                target[m.Groups[2].Value] = where = new HashSet<string>(StringComparer.Ordinal);
            }

            where.Add(framework);
        }

        var sharedPath = Path.Combine(project, "PublicAPI.Unshipped.txt");
        var shared = Read(sharedPath);
        var per = frameworks.ToDictionary(f => f, f => Read(Path.Combine(project, "PublicAPI", f, "PublicAPI.Unshipped.txt")), StringComparer.Ordinal);
        foreach (var (symbol, where) in remove)
        {
            if (shared.Contains(symbol) && where.Count < frameworks.Count)
            {
                // In the shared file but gone from some frameworks: it belongs to the others only.
                shared.Remove(symbol);
                foreach (var f in frameworks.Where(f => !where.Contains(f)))
                {
                    per[f].Add(symbol);
                }
            }
            else
            {
                shared.Remove(symbol);
                foreach (var f in where)
                {
                    per[f].Remove(symbol);
                }
            }
        }

        foreach (var (symbol, where) in add)
        {
            if (where.Count == frameworks.Count)
            {
                shared.Add(symbol);
            }
            else
            {
                foreach (var f in where)
                {
                    per[f].Add(symbol);
                }
            }
        }

        Write(sharedPath, shared);
        if (frameworks.Count > 1)
        {
            foreach (var f in frameworks.Where(f => per[f].Count > 0 || File.Exists(Path.Combine(project, "PublicAPI", f, "PublicAPI.Unshipped.txt"))))
            {
                Write(Path.Combine(project, "PublicAPI", f, "PublicAPI.Unshipped.txt"), per[f]);
            }
        }

        Console.WriteLine($"{relative}: +{add.Count} -{remove.Count}");
        if (add.Count == 0 && remove.Count == 0)
        {
            break;
        }
    }
}

return exitCode;

static string Build(string project)
{
    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in new[] { "build", project, "--no-incremental", "-p:TreatWarningsAsErrors=false", "-clp:NoSummary" })
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var error = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return output + error.Result;
}

static HashSet<string> Read(string path) =>
    File.Exists(path)
        ? File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
        : new HashSet<string>(StringComparer.Ordinal);

static void Write(string path, HashSet<string> symbols)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var lines = symbols.OrderBy(s => s.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(s => s, StringComparer.Ordinal);
    File.WriteAllText(path, "#nullable enable\n" + string.Concat(lines.Select(s => s + "\n")));
}
