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
                var number = (Superscripts.IndexOf(marker)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (Rtl(note))
                {
                    // An Arabic note from the right margin: its number, then its text leftwards.
                    page.AddText(number, Small, new PdfPoint(Right - Width(page, number, font, Small), fy), font);
                    page.AddText(Visual(note), Small, new PdfPoint(Right - 12 - Width(page, note, font, Small), fy), font);
                    fy -= Small * 1.3;
                    continue;
                }

                page.AddText(number, Small, new PdfPoint(Left, fy), font);
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
            // Footnotes are the lines that start with a superscript number and a tab, wherever the text has them.
            var lines = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();
            footnotes.Clear();
            foreach (var note in lines.Where(l => l.Length > 1 && Superscripts.Contains(l[0]) && l[1] == '\t').ToList())
            {
                footnotes[note[0]] = note.Substring(2);
                lines.Remove(note);
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
                if (Rtl(line))
                {
                    // Arabic is set from the right margin: the label at the margin, words leftwards, each word drawn in
                    // visual order (letters right to left, numbers and Latin left to right), as a typesetter does.
                    if (y < Bottom + Leading * (2 + pending.Count))
                    {
                        NewPage();
                    }

                    var textRight = Right;
                    var body = line;
                    if (m.Success)
                    {
                        var label = m.Groups["label"].Value;
                        page!.AddText(Visual(label), Body, new PdfPoint(Right - Width(page, label, font), y), font);
                        textRight = Right - (Indent - Left);
                        body = m.Groups["text"].Value;
                    }

                    var right = textRight;
                    foreach (var word in body.Split(' ').Where(w => w.Length > 0))
                    {
                        var plain = new string(word.Where(c => !Superscripts.Contains(c)).ToArray());
                        var width = Width(page!, plain, font);
                        if (right < textRight && right - width < Left)
                        {
                            y -= Leading;
                            right = textRight;
                            if (y < Bottom + Leading * (1 + pending.Count))
                            {
                                NewPage();
                            }
                        }

                        // The word's pieces leftwards in reading order: a footnote marker right after the word it
                        // follows, before the punctuation after it.
                        var at = right;
                        foreach (var piece in Regex.Split(word, "([⁰¹²³⁴⁵⁶⁷⁸⁹])").Where(x => x.Length > 0))
                        {
                            if (piece.Length == 1 && Superscripts.Contains(piece[0]) && footnotes.ContainsKey(piece[0]))
                            {
                                var digit = (Superscripts.IndexOf(piece[0])).ToString(System.Globalization.CultureInfo.InvariantCulture);
                                var markerWidth = Width(page!, digit, font, Small * 0.8);
                                page!.AddText(digit, Small * 0.8, new PdfPoint(at - markerWidth, y + 4), font);
                                at -= markerWidth;
                                pending.Add((piece[0], footnotes[piece[0]]));
                            }
                            else
                            {
                                var pieceWidth = Width(page!, piece, font);
                                page!.AddText(Visual(piece), Body, new PdfPoint(at - pieceWidth, y), font);
                                at -= pieceWidth;
                            }
                        }

                        right = at - Width(page!, " ", font);
                    }

                    y -= Leading;
                    continue;
                }

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

    private static bool Rtl(string line) => line.Count(c => c is >= '\u0600' and <= '\u06FF') * 2 > line.Count(char.IsLetter);

    /// <summary>A word in the order its glyphs stand on the page: right-to-left letters reversed, numbers and Latin runs kept.</summary>
    private static string Visual(string logical)
    {
        static bool Ltr(char c) => char.IsDigit(c) || (c < 0x0590 && char.IsLetter(c));

        // As the bidirectional algorithm does: a separator between two numbers ("2024-2027", "2.1") belongs to their run.
        bool LtrAt(int k) => Ltr(logical[k]) || (logical[k] is '.' or ',' or '-' or '/' or ':' && k > 0 && k + 1 < logical.Length && Ltr(logical[k - 1]) && Ltr(logical[k + 1]));
        var runs = new List<string>();
        var i = 0;
        while (i < logical.Length)
        {
            var ltr = LtrAt(i);
            var j = i;
            while (j + 1 < logical.Length && LtrAt(j + 1) == ltr)
            {
                j++;
            }

            var run = logical.Substring(i, j - i + 1);
            runs.Add(ltr ? run : new string(run.Reverse().ToArray()));
            i = j + 1;
        }

        runs.Reverse();
        return string.Concat(runs);
    }

    private static double Width(PdfPageBuilder page, string text, PdfDocumentBuilder.AddedFont font, double size = Body) =>
        text.Length == 0 ? 0 : page.MeasureText(text, size, new PdfPoint(0, 0), font).Max(l => l.EndBaseLine.X);
}
