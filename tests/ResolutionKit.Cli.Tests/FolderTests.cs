using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>A folder check reads every file and every instrument in it, and never skips one silently.</summary>
public class FolderTests
{
    private static readonly string Fixtures = Path.Combine(Reskit.Root, "tests", "ResolutionKit.Tests", "Fixtures");

    /// <summary>A rule that reports every resolution once, so that what was checked shows in the findings.</summary>
    private static string EveryResolutionRule(TempFolder temp)
    {
        var folder = Path.Combine(temp.Path, "rules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "RK9100.every-resolution.json"), "{\n  \"id\": \"RK9100\",\n  \"title\": \"Checked\",\n  \"category\": \"Style\",\n  \"severity\": \"warning\",\n  \"kind\": \"expression\",\n  \"params\": { \"on\": \"resolution\", \"predicate\": \"resolution.Address.Length > 0\" },\n  \"message\": \"checked\",\n  \"rationale\": \"Shows what was checked.\"\n}\n");
        return folder;
    }

    private static string[] CheckedFiles(string stdout) =>
        stdout.Split('\n').Where(l => l.Contains("RK9100")).Select(l => Regex.Match(l, @"^(.*?\.txt):").Groups[1].Value.Replace('\\', '/').Replace("./", string.Empty)).OrderBy(f => f, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void LanguageVersions_ShouldEachBeChecked_AndNotReportedAsDuplicates()
    {
        using var temp = new TempFolder();
        var texts = Path.Combine(temp.Path, "texts");
        Directory.CreateDirectory(texts);
        foreach (var lang in new[] { "en", "fr", "ru", "ar" })
        {
            File.Copy(Path.Combine(Fixtures, "parallel", lang + ".txt"), Path.Combine(texts, "pp-154-" + lang + ".txt"));
        }

        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "check", "texts", "--rules", EveryResolutionRule(temp));
        Assert.Equal(0, code);
        Assert.Equal(new[] { "texts/pp-154-ar.txt", "texts/pp-154-en.txt", "texts/pp-154-fr.txt", "texts/pp-154-ru.txt" }, CheckedFiles(stdout));
        Assert.DoesNotContain("RK0011", stdout);
        Assert.Contains("4 file(s), 4 resolution(s)", stderr);
    }

    [Fact]
    public void TwoCopiesInOneLanguage_ShouldBothBeChecked_AndSaidOnce()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Fixtures, "parallel", "en.txt"), Path.Combine(temp.Path, "a.txt"));
        File.Copy(Path.Combine(Fixtures, "en", "pdf.txt"), Path.Combine(temp.Path, "b.txt"));
        var (code, stdout, _) = Reskit.RunIn(temp.Path, "check", ".", "--rules", EveryResolutionRule(temp));
        Assert.Equal(0, code);
        Assert.Equal(new[] { "a.txt", "b.txt" }, CheckedFiles(stdout).Select(Path.GetFileName).ToArray());
        var duplicate = Assert.Single(stdout.Split('\n'), l => l.Contains("RK0011"));
        Assert.Contains("PP-154 (en) is read 2 times", duplicate);
        Assert.Contains("each copy is checked", duplicate);
    }

    [Fact]
    public void UntitledTexts_ShouldEachGetTheirOwnIdentity_AndBeChecked()
    {
        using var temp = new TempFolder();
        const string Body = "considering\na) that the Union has six official languages;\n\nresolves\n1 to keep this text short.\n";
        File.WriteAllText(Path.Combine(temp.Path, "notes-one.txt"), Body);
        File.WriteAllText(Path.Combine(temp.Path, "notes-two.txt"), Body);
        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "check", ".", "--rules", EveryResolutionRule(temp));
        Assert.Equal(0, code);
        Assert.Equal(new[] { "notes-one.txt", "notes-two.txt" }, CheckedFiles(stdout));
        Assert.Equal(2, stdout.Split('\n').Count(l => l.Contains("warning RK0001")));
        Assert.DoesNotContain("RK0011", stdout);
        Assert.Contains("2 resolution(s)", stderr);
    }

    [Fact]
    public void FileHoldingSeveralInstruments_ShouldHaveEachChecked()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Fixtures, "layouts", "en", "h-proposal-pp14-iap-mod-add-sup.txt"), Path.Combine(temp.Path, "proposal.txt"));
        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "check", "proposal.txt", "--rules", EveryResolutionRule(temp), "--format", "json");
        Assert.Equal(0, code);
        // A proposal: the MOD and ADD units' texts are checked; the SUP unit proposes no text.
        foreach (var address in new[] { "PP-152", "PP-[IAP-6]" })
        {
            Assert.Contains("\"address\": \"" + address + "\"", stdout);
        }

        Assert.DoesNotContain("\"address\": \"PP-163\"", stdout);
        Assert.Contains("1 file(s), 2 resolution(s)", stderr);
    }

    [Fact]
    public void ConvertUntitledText_ShouldWriteWhatWasRead()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "draft notes.txt"), "considering\na) that the Union has six official languages;\n\nresolves\n1 to keep this text short.\n");
        var (code, stdout, stderr) = Reskit.RunIn(temp.Path, "convert", "draft notes.txt", "--to", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"address\": \"Unknown-[draft_notes]\"", stdout);
        Assert.Contains("to keep this text short.", stdout);
        Assert.Contains("warning RK0001", stderr);
    }

    [Fact]
    public void ConvertSeveralInstruments_ShouldRoundTripThroughAJsonArray()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Fixtures, "layouts", "en", "h-proposal-pp14-iap-mod-add-sup.txt"), Path.Combine(temp.Path, "proposal.txt"));
        Assert.Equal(0, Reskit.RunIn(temp.Path, "convert", "proposal.txt", "--to", "json", "-o", "proposal.resolution.json").ExitCode);
        Assert.StartsWith("[", File.ReadAllText(Path.Combine(temp.Path, "proposal.resolution.json")));
        Assert.Equal(0, Reskit.RunIn(temp.Path, "convert", "proposal.resolution.json", "--to", "text", "-o", "again.txt").ExitCode);
        var first = Reskit.RunIn(temp.Path, "outline", "proposal.txt").Out;
        var again = Reskit.RunIn(temp.Path, "outline", "again.txt").Out;
        Assert.Equal(first, again);
    }
}
