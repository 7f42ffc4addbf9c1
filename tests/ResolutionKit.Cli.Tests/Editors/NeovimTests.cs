using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests.Editors;

/// <summary>
/// A real editor attached to <c>reskit lsp</c>: Neovim's built-in LSP client shows the findings of a sample, the quick fix
/// of one is applied from its code actions and saved, and the finding goes (Editors/nvim-lsp.lua does what a user does).
/// </summary>
public sealed class NeovimTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-nvim-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private JObject Run(string sample, string rule)
    {
        foreach (var name in new[] { sample, "pp-191.txt" }.Distinct())
        {
            File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", name), Path.Combine(_folder, name));
        }

        var report = Path.Combine(_folder, "report.json");
        var info = new ProcessStartInfo(RequiresToolFactAttribute.Find("nvim")!)
        {
            WorkingDirectory = _folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in new[] { "--headless", "-u", "NONE", "-c", "luafile " + Path.Combine(Reskit.Root, "tests", "ResolutionKit.Cli.Tests", "Editors", "nvim-lsp.lua"), sample })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["RESKIT_DLL"] = Path.Combine(AppContext.BaseDirectory, "reskit.dll");
        info.Environment["RESKIT_RULE"] = rule;
        info.Environment["RESKIT_OUT"] = report;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(true);
            throw new TimeoutException("nvim did not finish");
        }

        Assert.True(File.Exists(report), "nvim wrote no report: " + stdout.Result + stderr.Result);
        return JObject.Parse(File.ReadAllText(report));
    }

    [RequiresToolFact("nvim", "apt-get install neovim")]
    public void Neovim_ShouldShowTheFindingsOfASample_AndApplyAQuickFix()
    {
        var report = Run("pp-154.txt", "RK8001");

        Assert.Null(report["error"]);
        Assert.True((bool)report["attached"]!);
        var opened = report["opened"]!.Select(d => (string)d["code"]!).ToList();
        Assert.Contains("RK8001", opened);
        Assert.Contains("RK2001", opened);
        Assert.True((bool)report["cleared"]!);
        Assert.DoesNotContain(report["after"]!, d => (string)d["code"]! == "RK8001");
        Assert.Contains(report["after"]!, d => (string)d["code"]! == "RK2001");
        var before = File.ReadAllLines(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt"));
        var after = File.ReadAllLines(Path.Combine(_folder, "pp-154.txt"));
        Assert.Equal(before.Select(l => l.Replace("the chairman of", "the chair of", StringComparison.Ordinal)), after);
    }

    [RequiresToolFact("nvim", "apt-get install neovim")]
    public void Neovim_ShouldApplyADeletionThatRenumbersTheClausesAfterIt()
    {
        var report = Run("pp-167.txt", "RK6004");

        Assert.Null(report["error"]);
        Assert.True((bool)report["cleared"]!);
        var before = File.ReadAllLines(Path.Combine(Reskit.Root, "samples", "corpus", "pp-167.txt")).ToList();
        var after = File.ReadAllLines(Path.Combine(_folder, "pp-167.txt")).ToList();
        var deleted = before.FindIndex(l => l.StartsWith("3\tto report annually to the Council", StringComparison.Ordinal));
        Assert.Equal(before.Take(deleted), after.Take(deleted));
        Assert.Equal("3" + before[deleted + 1].Substring(1), after[deleted]);
        Assert.Equal(before.Skip(deleted + 2), after.Skip(deleted + 1));
    }
}
