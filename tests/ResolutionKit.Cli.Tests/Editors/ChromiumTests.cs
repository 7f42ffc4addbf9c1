using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests.Editors;

/// <summary>
/// The map and the register opened in a real browser (headless Chromium): the page loads with no script error, shows
/// every relation, and its filter works (a filter can be given in the address, <c>#q=words</c>).
/// </summary>
public sealed class ChromiumTests : IDisposable
{
    private const string Install = "apt-get install chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-chromium-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static string Browser => RequiresToolFactAttribute.Find("chromium") ?? RequiresToolFactAttribute.Find("chromium-browser") ?? RequiresToolFactAttribute.Find("google-chrome")!;

    private string Dom(string file, string fragment = "")
    {
        var info = new ProcessStartInfo(Browser) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Path.Combine(_folder, "profile"), "--virtual-time-budget=5000", "--dump-dom", new Uri(file).AbsoluteUri + fragment })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(true);
            throw new TimeoutException("chromium did not finish");
        }

        Assert.True(output.Result.Length > 0, "chromium printed no page: " + error.Result);
        return output.Result;
    }

    private static string Attribute(string dom, string name) => Regex.Match(dom, "<html[^>]*\\s" + name + "=\"([^\"]*)\"").Groups[1].Value;

    [RequiresToolFact("chromium", Install)]
    public void TheMap_ShouldLoadWithoutScriptErrorsAndShowEveryRelation()
    {
        var html = Path.Combine(_folder, "map.html");
        var (code, _, stderr) = Reskit.Run("map", "samples/corpus", "tests/ResolutionKit.Tests/Fixtures/layouts", "-o", html);
        Assert.True(code == 0, stderr);
        var (_, json, _) = Reskit.Run("map", "samples/corpus", "tests/ResolutionKit.Tests/Fixtures/layouts", "--format", "json");
        var relations = JObject.Parse(json)["relations"]!.Select(r => ((string)r["first"]!, (string)r["second"]!)).ToList();
        Assert.NotEmpty(relations);

        var dom = Dom(html);
        Assert.Equal("true", Attribute(dom, "data-ready"));
        Assert.Equal(string.Empty, Attribute(dom, "data-script-errors"));
        Assert.Equal(relations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(dom, "data-shown"));
        foreach (var (first, second) in relations)
        {
            Assert.Contains($"data-first=\"{first}\" data-second=\"{second}\"", dom);
        }

        // The filter, run by the browser: only the relations that mention accessibility stay shown.
        var filtered = Dom(html, "#q=accessibility");
        var shown = int.Parse(Attribute(filtered, "data-shown"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(shown, 1, relations.Count - 1);
        Assert.Equal(shown, Regex.Matches(filtered, "<tr data-search=\"[^\"]*accessibility[^\"]*\"").Count);
    }

    [RequiresToolFact("chromium", Install)]
    public void TheRegister_ShouldLoadWithoutScriptErrorsAndShowEveryInstruction()
    {
        var html = Path.Combine(_folder, "tasks.html");
        var (code, _, stderr) = Reskit.Run("tasks", "samples/corpus", "--as-of", "2026-12-02", "-o", html);
        Assert.True(code == 0, stderr);
        var (_, csv, _) = Reskit.Run("tasks", "samples/corpus", "--as-of", "2026-12-02");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        var dom = Dom(html);
        Assert.Equal("true", Attribute(dom, "data-ready"));
        Assert.Equal(string.Empty, Attribute(dom, "data-script-errors"));
        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(dom, "data-shown"));
    }
}
