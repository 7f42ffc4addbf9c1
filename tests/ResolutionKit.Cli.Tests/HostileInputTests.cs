using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>The CLI bad-input table: every mistake a user can make with a path, a file or a flag.</summary>
public class HostileInputTests
{
    private const string Sample = "samples/corpus/pp-130.txt";

    public static TheoryData<string, string[]> UnwritableOutputs => new()
    {
        { "check -o", new[] { "check", Sample, "--format", "json", "-o", "{bad}/out.json" } },
        { "check --write-baseline", new[] { "check", Sample, "--write-baseline", "{bad}/baseline.json" } },
        { "convert -o", new[] { "convert", Sample, "--to", "json", "-o", "{bad}/out.json" } },
        { "fix -o", new[] { "fix", Sample, "-o", "{bad}/out.txt" } },
        { "streamline --output", new[] { "streamline", Sample, "--output", "{bad}/out.txt" } },
        { "merge --account", new[] { "merge", Sample, "samples/corpus/pp-70.txt", "--account", "{bad}/account.tsv" } },
        { "init", new[] { "init", "{bad}" } },
        { "output is a folder", new[] { "check", Sample, "-o", "{folder}" } },
    };

    [Theory]
    [MemberData(nameof(UnwritableOutputs))]
    public void UnwritableOutput_ShouldBeAOneLineErrorNamingThePath_AndLeaveNothingBehind(string what, string[] args)
    {
        using var temp = new TempFolder();
        var bad = Path.Combine(temp.Path, "no", "such", "folder");
        var resolved = args.Select(a => a.Replace("{bad}", bad).Replace("{folder}", temp.Path)).ToArray();

        var (code, _, stderr) = Reskit.Run(resolved);

        Assert.True(code == 2, $"{what}: exit {code}\n{stderr}");
        Assert.DoesNotContain("   at ", stderr);
        Assert.Contains(": error: ", stderr);
        Assert.Contains(args.Any(a => a.Contains("{folder}")) ? temp.Path : bad, stderr);
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void FifoAndDeviceInputs_ShouldBeRefusedWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "pipe.txt");
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
        {
            mk.WaitForExit();
        }

        foreach (var input in new[] { fifo, "/dev/zero" })
        {
            var (code, stdout, stderr) = Reskit.Run("check", input);
            Assert.Equal(2, code);
            Assert.Contains($"{input}:1:1: error RK0008: This is not a regular file", stdout + stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
    }

    [Fact]
    public void FolderWithASymbolicLinkLoop_ShouldNameTheLinkAndNotReadFilesTwice()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var inner = Directory.CreateDirectory(Path.Combine(temp.Path, "a")).FullName;
        File.Copy(Path.Combine(Reskit.Root, Sample), Path.Combine(inner, "pp-130.txt"));
        Directory.CreateSymbolicLink(Path.Combine(inner, "back"), temp.Path);

        var (code, stdout, stderr) = Reskit.Run("check", temp.Path);

        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(inner, "back") + ": error: this link leads back to", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("no-such-baseline.json: error: the baseline file does not exist", "check", Sample, "--baseline", "no-such-baseline.json")]
    [InlineData("there is no rule RK9999", "fix", Sample, "--rule", "RK9999")]
    [InlineData("'RK8002x' is not a rule id", "streamline", Sample, "--rule", "RK8002x")]
    [InlineData("--threshold is a similarity between 0 and 1", "merge", Sample, "samples/corpus/pp-70.txt", "--threshold", "5")]
    [InlineData("unknown option '--fromat'; did you mean '--format'?", "check", Sample, "--fromat", "json")]
    [InlineData("unknown option '--ouput'; did you mean '--output'?", "convert", Sample, "--ouput", "x.json")]
    public void MistakenFlag_ShouldBeAnErrorThatSaysWhat(string expected, params string[] args)
    {
        var (code, stdout, stderr) = Reskit.Run(args);

        Assert.True(code == 2, $"exit {code}\n{stderr}");
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void EachFile_ShouldBeCheckedUnderTheNearestConfiguration_WhateverTheOrderOfTheInputs()
    {
        using var temp = new TempFolder();
        var configured = Directory.CreateDirectory(Path.Combine(temp.Path, "configured")).FullName;
        var plain = Directory.CreateDirectory(Path.Combine(temp.Path, "plain")).FullName;
        File.Copy(Path.Combine(Reskit.Root, Sample), Path.Combine(configured, "pp-130.txt"));
        File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt"), Path.Combine(plain, "pp-154.txt"));
        File.WriteAllText(Path.Combine(configured, "resolutionkit.json"), "{\n  \"asOf\": \"PP-26\",\n  \"rules\": { \"RK6004\": \"none\" }\n}\n");

        var first = Reskit.RunIn(temp.Path, "check", "plain", "configured");
        var second = Reskit.RunIn(temp.Path, "check", "configured", "plain");

        Assert.Equal(first.Out, second.Out);
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.DoesNotContain("RK6004", first.Out);
        Assert.Contains("pp-154.txt", first.Out);
    }

    [Fact]
    public void FixWithoutAnOutput_ShouldPrintTheDiffAndWriteNothing()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "pp-154.txt");
        File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt"), file);
        var before = File.ReadAllText(file);

        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "fix", "pp-154.txt");

        Assert.Equal(0, code);
        Assert.Contains("-2\tto request the chairman of the Council Working Group", stdout);
        Assert.Contains("+2\tto request the chair of the Council Working Group", stdout);
        Assert.Contains("nothing written", stderr);
        Assert.Equal(new[] { file }, Directory.GetFiles(temp.Path));
        Assert.Equal(before, File.ReadAllText(file));
    }

    [Fact]
    public void Windows1252File_ShouldBeReadCorrectly_AndSaySo()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt")).Replace("Member States", "États Membres");
        var bytes = text.Select(c => c == 'É' ? (byte)0xC9 : (byte)c).ToArray();
        File.WriteAllBytes(Path.Combine(temp.Path, "latin.txt"), bytes);

        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "check", "latin.txt", "--format", "text");

        Assert.True(code is 0 or 1, stderr);
        Assert.Contains("RK0019", stdout);
        Assert.Contains("États Membres", stdout + Reskit.RunIn(temp.Path, "outline", "latin.txt").Out);
    }
}
