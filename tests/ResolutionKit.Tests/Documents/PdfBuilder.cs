using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ResolutionKit.Tests.Documents;

/// <summary>
/// Typesets a resolution text as the Final Acts print one: A4 pages, 11-point body text wrapped at the measure, labels
/// hanging in the margin, a running head and a page number on every page, footnote markers as small raised digits
/// and the footnotes in small type at the foot of the page that cites them.
/// </summary>
internal static class PdfBuilder
{
    private const double Left = 72, Indent = 108, Right = 523, Top = 770, Bottom = 90, Body = 11, Leading = 14, Small = 8.5;
    private static readonly Regex Clause = new(@"^(?<label>[^\t]{1,8})\t(?<text>.*)$", RegexOptions.CultureInvariant);
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>The path of a TrueType font with accented Latin and Cyrillic letters, when the machine has one (Debian: fonts-dejavu-core).</summary>
    public static string? UnicodeFont => new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf" }.FirstOrDefault(File.Exists);

    public static byte[] Build(string text, string runningHead) => Build(new[] { text }, runningHead);

    /// <summary>Several instruments in one PDF, each from a new page, as in the Final Acts.</summary>
    public static byte[] Build(IReadOnlyList<string> texts, string runningHead)
    {
        var footnotes = new Dictionary<char, string>();
        using var builder = new PdfDocumentBuilder();
        var font = UnicodeFont is { } fontPath ? builder.AddTrueTypeFont(File.ReadAllBytes(fontPath)) : builder.AddStandard14Font(Standard14Font.TimesRoman);
        var pageNumber = 0;
        PdfPageBuilder? page = null;
        var y = 0.0;
        var pending = new List<(char Marker, string Text)>();

        void FinishPage()
        {
            if (page is null)
            {
                return;
            }

            var fy = Bottom - 10;
            foreach (var (marker, note) in pending)
            {
                page.AddText((Superscripts.IndexOf(marker)).ToString(System.Globalization.CultureInfo.InvariantCulture), Small, new PdfPoint(Left, fy), font);
                page.AddText(note, Small, new PdfPoint(Left + 12, fy), font);
                fy -= Small * 1.3;
            }

            pending.Clear();
        }

        void NewPage()
        {
            FinishPage();
            page = builder.AddPage(595, 842);
            pageNumber++;
            page.AddText(runningHead, 9, new PdfPoint(Left, 800), font);
            page.AddText("- " + pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + " -", 9, new PdfPoint(290, 40), font);
            y = Top;
        }

        foreach (var text in texts)
        {
            var lines = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();
            footnotes.Clear();
            while (lines.Count > 0 && (lines[^1].Length == 0 || Superscripts.Contains(lines[^1][0])))
            {
                if (lines[^1].Length > 0)
                {
                    footnotes[lines[^1][0]] = lines[^1].Substring(lines[^1].IndexOf('\t') + 1);
                }

                lines.RemoveAt(lines.Count - 1);
            }

            NewPage();
            foreach (var line in lines)
            {
                if (line.Length == 0)
                {
                    y -= Leading;
                    continue;
                }

                var m = Clause.Match(line);
                var x0 = Left;
                var content = line;
                if (m.Success)
                {
                    if (y < Bottom + Leading * (2 + pending.Count))
                    {
                        NewPage();
                    }

                    page!.AddText(m.Groups["label"].Value, Body, new PdfPoint(Left, y), font);
                    x0 = Indent;
                    content = m.Groups["text"].Value;
                }

                var x = x0;
                foreach (var word in content.Split(' '))
                {
                    var plain = new string(word.Where(c => !Superscripts.Contains(c)).ToArray());
                    var width = Width(page!, plain, font);
                    if (x > x0 && x + width > Right)
                    {
                        y -= Leading;
                        x = x0;
                        if (y < Bottom + Leading * (1 + pending.Count))
                        {
                            NewPage();
                            x = x0;
                        }
                    }

                    // A footnote marker: a small digit set above the line, right after its word.
                    foreach (var piece in Regex.Split(word, "([⁰¹²³⁴⁵⁶⁷⁸⁹])"))
                    {
                        if (piece.Length == 1 && Superscripts.Contains(piece[0]) && footnotes.ContainsKey(piece[0]))
                        {
                            page!.AddText((Superscripts.IndexOf(piece[0])).ToString(System.Globalization.CultureInfo.InvariantCulture), Small * 0.8, new PdfPoint(x, y + 4), font);
                            x += Width(page, "1", font, Small * 0.8);
                            pending.Add((piece[0], footnotes[piece[0]]));
                        }
                        else if (piece.Length > 0)
                        {
                            page!.AddText(piece, Body, new PdfPoint(x, y), font);
                            x += Width(page, piece, font);
                        }
                    }

                    x += Width(page!, " ", font);
                }

                y -= Leading;
            }
        }

        FinishPage();
        return builder.Build();
    }

    private static double Width(PdfPageBuilder page, string text, PdfDocumentBuilder.AddedFont font, double size = Body) =>
        text.Length == 0 ? 0 : page.MeasureText(text, size, new PdfPoint(0, 0), font).Max(l => l.EndBaseLine.X);
}
