using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ResolutionKit.Cli.Tests.Editors;

/// <summary>
/// The proposal .docx opened in a real office suite: LibreOffice reads its tracked changes as revisions a person can
/// accept or reject, its comments as comments, its footnotes as footnotes, and the unit header and reasons as text.
/// </summary>
public sealed class LibreOfficeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-lo-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Convert(string docx, string format) => LibreOffice.Convert(_folder, docx, format);

    [RequiresToolFact("soffice", "apt-get install libreoffice-writer-nogui")]
    public void TheProposalDocument_ShouldOpenInLibreOfficeWithItsRevisionsCommentsAndFootnotes()
    {
        var docx = Path.Combine(_folder, "pp-154-proposal.docx");
        var (code, _, stderr) = Reskit.Run("streamline", "samples/corpus/pp-154.txt", "--format", "docx", "--out", docx, "--source", "EUR", "--document", "12", "--date", "2026-03-01");
        Assert.True(code == 0, stderr);

        var odt = Convert(docx, "fodt");

        Assert.Single(Regex.Matches(odt, "<text:deletion>"));
        Assert.Single(Regex.Matches(odt, "<text:insertion>"));
        Assert.Matches("<text:note text:id=\"[^\"]+\" text:note-class=\"footnote\"", odt);
        Assert.True(Regex.Matches(odt, "<office:annotation[ >]").Count >= 1, "no comment");
        Assert.Contains("RK5001: ", odt);

        // Printed to PDF as a delegate would: the changes are shown, and the comments travel as PDF notes.
        var pdf = Convert(docx, "pdf:writer_pdf_Export:{\"ExportNotes\":{\"type\":\"boolean\",\"value\":\"true\"}}");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var pages = document.GetPages().ToList();
            var printed = string.Join("\n", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("EUR/12/1", printed);
            Assert.Contains("chairmanchair", printed);
        }

        // LibreOffice 7.4 writes the comments' popup annotations without a /Rect, which PdfPig refuses to list; the notes'
        // texts are read from the annotation dictionaries themselves (UTF-16 hex strings).
        var raw = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        var notes = Regex.Matches(raw, @"/Contents\s*<(?<hex>(?:FEFF|feff)[0-9A-Fa-f]*)>")
            .Select(m => System.Text.Encoding.BigEndianUnicode.GetString(System.Convert.FromHexString(m.Groups["hex"].Value)).TrimStart('\uFEFF'))
            .ToList();
        Assert.Contains(notes, n => n.StartsWith("RK5001: ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("RK6001: ", StringComparison.Ordinal));

        var text = Convert(docx, "txt:Text");
        Assert.StartsWith("MOD\tEUR/12/1", text.TrimStart('\uFEFF'));
        Assert.Contains("RESOLUTION 154 (REV. BUCHAREST, 2022)", text);
        Assert.Contains("Reasons:\tITU texts use gender-neutral language", text);
    }
}

/// <summary>Headless LibreOffice, for the tests that open an output in it (Writer for .docx, Calc for .xlsx).</summary>
internal static class LibreOffice
{
    /// <summary>
    /// Converts <paramref name="input"/> with headless LibreOffice into <paramref name="folder"/> (its own profile there):
    /// the converted file's path for PDF, its text otherwise.
    /// </summary>
    public static string Convert(string folder, string input, string format)
    {
        var info = new ProcessStartInfo(RequiresToolFactAttribute.Find("soffice")!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-env:UserInstallation=" + new Uri(Path.Combine(folder, "profile")).AbsoluteUri, "--headless", "--convert-to", format, "--outdir", folder, input })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(true);
            throw new TimeoutException("soffice did not finish");
        }

        var converted = Path.Combine(folder, Path.GetFileNameWithoutExtension(input) + "." + format.Split(':')[0]);
        Assert.True(File.Exists(converted), "LibreOffice did not convert the document: " + output.Result + error.Result);
        return format.StartsWith("pdf", StringComparison.Ordinal) ? converted : File.ReadAllText(converted);
    }
}
