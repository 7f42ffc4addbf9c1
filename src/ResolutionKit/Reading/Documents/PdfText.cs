using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ResolutionKit.Reading.Documents;

/// <summary>
/// The text of a PDF in the layout the text reader reads, from the positions and sizes of its letters: lines from
/// baselines, words and tabs from the gaps between letters, paragraphs from the gaps between lines, footnote markers
/// from small raised digits, footnotes from small lines at the foot of a page (put after a rule, as printed), and
/// running heads, footers and page numbers from where they stand and how they repeat from page to page.
/// </summary>
internal static class PdfText
{
    private static readonly Regex PageNumber = new(@"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:page|página|стр\.?|страница|第)\s*\d+(?:\s*(?:of|de|из|/|页)\s*\d+)?\s*页?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex FootnoteShape = new(@"^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s+\p{L}", RegexOptions.CultureInvariant);

    private sealed class Line
    {
        public List<Letter> Letters { get; } = new();

        public double Baseline { get; set; }

        public double Size { get; set; }

        public double Left => Letters.Min(l => l.BoundingBox.Left);

        public double Right => Letters.Max(l => l.BoundingBox.Right);

        public string Text { get; set; } = string.Empty;

        public int Page { get; set; }

        public bool Small { get; set; }
    }

    public static DocumentText Extract(Stream stream, string path)
    {
        using var pdf = PdfDocument.Open(stream);
        var pages = new List<(List<Line> Lines, double Height)>();
        var sizes = new Dictionary<double, int>();
        foreach (var page in pdf.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            foreach (var l in letters)
            {
                var size = Math.Round(Size(l), 1);
                sizes[size] = sizes.TryGetValue(size, out var n) ? n + 1 : 1;
            }

            pages.Add((Lines(letters, page.Number), page.Height));
        }

        // The body size is the size most letters have; footnotes and markers are smaller.
        var body = sizes.Count == 0 ? 10 : sizes.OrderByDescending(s => s.Value).ThenBy(s => s.Key).First().Key;
        foreach (var (lines, _) in pages)
        {
            AttachMarkers(lines, body);
            foreach (var line in lines)
            {
                line.Small = line.Size < body * 0.9;
                line.Text = TextOf(line);
            }
        }

        var furniture = Furniture(pages);
        var sb = new StringBuilder();
        var removed = new List<(string Text, int Page)>();
        var footnotes = new List<string>();
        foreach (var (lines, height) in pages)
        {
            var kept = lines.Where(l => !furniture.Contains(l)).ToList();
            removed.AddRange(lines.Where(furniture.Contains).Select(l => (l.Text, l.Page)));
            var spacing = Spacing(kept, body);

            // Footnotes: small lines in the lower part of the page, from one that starts with a number. They are kept
            // aside and put after a rule at the end of the instrument that cites them, where the text reader expects them.
            var first = kept.FindIndex(l => l.Small && l.Baseline < height * 0.4 && Regex.IsMatch(l.Text, @"^[\d⁰¹²³⁴⁵⁶⁷⁸⁹*]"));
            var pageNotes = first < 0 ? new List<string>() : kept.Skip(first).Select(l => Regex.Replace(l.Text, @"^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+", "$1\t")).ToList();
            var text = first < 0 ? kept : kept.Take(first).ToList();
            var cited = new StringBuilder();
            for (var i = 0; i < text.Count; i++)
            {
                var line = text[i];
                if (InstrumentStart.Is(line.Text))
                {
                    // The notes of this page whose markers were already read belong to the instrument that ends here.
                    var mine = pageNotes.Where(n => Cited(n, cited.ToString())).ToList();
                    footnotes.AddRange(mine);
                    pageNotes.RemoveAll(mine.Contains);
                    Flush(sb, footnotes);
                    cited.Clear();
                }

                if (i > 0 && text[i - 1].Baseline - line.Baseline > spacing * 1.6)
                {
                    sb.Append('\n');
                }

                sb.Append(line.Text).Append('\n');
                cited.Append(line.Text).Append('\n');
            }

            footnotes.AddRange(pageNotes);
        }

        Flush(sb, footnotes);
        var notes = new List<Diagnostic>();
        if (removed.Count > 0)
        {
            var example = removed[0];
            notes.Add(Diagnostic.Create(ReadingDiagnostics.PageFurniture, new Location(path, string.Empty, new SourceSpan(1, 1, 0, 0)),
                removed.Count.ToString(CultureInfo.InvariantCulture) + " running head(s), footer(s) and page number(s)", example.Text, "page " + example.Page.ToString(CultureInfo.InvariantCulture)));
        }

        return new DocumentText(sb.ToString(), 0, notes);
    }

    /// <summary>Whether a footnote's marker (its leading number) appears as a superscript in the text.</summary>
    private static bool Cited(string note, string text)
    {
        var number = Internal.Superscripts.FromPlain(new string(note.TakeWhile(c => char.IsDigit(c) || Internal.Superscripts.IsSuperscriptDigit(c)).ToArray()));
        return number.Length > 0 && text.Contains(number);
    }

    private static void Flush(StringBuilder sb, List<string> footnotes)
    {
        if (footnotes.Count == 0)
        {
            return;
        }

        sb.Append('\n').Append("______________").Append('\n');
        foreach (var f in footnotes)
        {
            sb.Append(f).Append('\n');
        }

        sb.Append('\n');
        footnotes.Clear();
    }

    private static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : l.FontSize > 0 ? l.FontSize : Math.Max(1, l.BoundingBox.Height);

    /// <summary>Letters on one baseline (within a third of their size) form a line, top to bottom.</summary>
    private static List<Line> Lines(List<Letter> letters, int page)
    {
        var lines = new List<Line>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var size = Size(letter);
            var line = lines.LastOrDefault(x => Math.Abs(x.Baseline - letter.StartBaseLine.Y) <= Math.Min(x.Size, size) * 0.3);
            if (line is null)
            {
                line = new Line { Baseline = letter.StartBaseLine.Y, Size = size, Page = page };
                lines.Add(line);
            }

            line.Letters.Add(letter);
            line.Size = Math.Max(line.Size, size);
        }

        return lines.OrderByDescending(l => l.Baseline).ToList();
    }

    /// <summary>A few small digits set above a line of body text are its footnote markers: they join it as superscripts.</summary>
    private static void AttachMarkers(List<Line> lines, double body)
    {
        foreach (var marker in lines.ToList())
        {
            var text = string.Concat(marker.Letters.Select(l => l.Value));
            if (marker.Size >= body * 0.9 || text.Length > 3 || !text.All(char.IsDigit))
            {
                continue;
            }

            var host = lines.FirstOrDefault(l => l != marker && l.Size >= body * 0.9 && marker.Baseline > l.Baseline && marker.Baseline - l.Baseline < body * 0.7
                && marker.Left >= l.Left - body && marker.Left <= l.Right + body);
            if (host is null)
            {
                continue;
            }

            foreach (var letter in marker.Letters)
            {
                host.Letters.Add(letter);
            }

            lines.Remove(marker);
        }
    }

    /// <summary>The words of a line, in reading order: spaces from gaps, a tab from a wide gap (after a label), small raised digits as superscripts.</summary>
    private static string TextOf(Line line)
    {
        var rtl = line.Letters.Count(l => l.Value.Any(c => c is >= '\u0590' and <= '\u08FF')) * 2 > line.Letters.Count;
        var ordered = rtl ? line.Letters.OrderByDescending(l => l.BoundingBox.Right).ToList() : line.Letters.OrderBy(l => l.BoundingBox.Left).ToList();
        var sb = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in ordered)
        {
            var size = Size(letter);
            var raised = size < line.Size * 0.8 && letter.StartBaseLine.Y > line.Baseline + line.Size * 0.15;
            // A combining mark (an Arabic vowel, an accent set apart) belongs to the letter before it: no space.
            var mark = letter.Value.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(letter.Value[0]) == UnicodeCategory.NonSpacingMark;
            if (previous is not null && !mark)
            {
                // Gaps between advance positions, not glyph boxes: a 'j' or an italic letter reaches back over its space.
                var gap = rtl ? previous.StartBaseLine.X - letter.EndBaseLine.X : letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (gap > line.Size * 1.5 && sb.Length > 0 && sb.Length < 12)
                {
                    sb.Append('\t');
                }
                else if (gap > line.Size * 0.2 && !raised)
                {
                    sb.Append(' ');
                }
            }

            sb.Append(raised && letter.Value.Length == 1 && char.IsDigit(letter.Value[0]) ? Internal.Superscripts.FromPlain(letter.Value) : letter.Value);
            previous = letter;
        }

        var text = Regex.Replace(sb.ToString(), " {2,}", " ");
        return rtl ? LeftToRightRuns(text) : text;
    }

    /// <summary>
    /// In a right-to-left line read right to left, numbers and Latin words still run left to right on the page: each
    /// such run (with the dots, commas and hyphens inside it) is turned back.
    /// </summary>
    private static string LeftToRightRuns(string text)
    {
        static bool Ltr(char c) => c is >= '0' and <= '9' || (c < 0x0590 && char.IsLetter(c));
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (!Ltr(chars[i]))
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < chars.Length && (Ltr(chars[j + 1]) || (chars[j + 1] is '.' or ',' or '-' or '/' or ':' && j + 2 < chars.Length && Ltr(chars[j + 2]))))
            {
                j++;
            }

            Array.Reverse(chars, i, j - i + 1);
            i = j + 1;
        }

        return new string(chars);
    }

    /// <summary>The usual distance between two lines of body text.</summary>
    private static double Spacing(List<Line> lines, double body)
    {
        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Baseline - b.Baseline).Where(g => g > body * 0.5 && g < body * 3).OrderBy(g => g).ToList();
        return gaps.Count == 0 ? body * 1.2 : gaps[gaps.Count / 2];
    }

    /// <summary>
    /// Lines in the top or bottom tenth of a page that are page numbers, or that come back (numbers aside) on other
    /// pages: running heads and footers. Found from where they stand, not from what they say.
    /// </summary>
    private static HashSet<Line> Furniture(List<(List<Line> Lines, double Height)> pages)
    {
        static bool InMargin(Line l, double height) => l.Baseline > height * 0.9 || l.Baseline < height * 0.1;
        static string Shape(string text) => Regex.Replace(text, @"\d+", "#");
        // A footnote at the foot of the page is text, even when the same note comes back under other instruments.
        var margins = pages.SelectMany(p => p.Lines.Where(l => InMargin(l, p.Height) && !FootnoteShape.IsMatch(l.Text))).ToList();
        // A line that comes back on other pages, numbers aside, is furniture when it is set smaller than the text or comes
        // back word for word; a title at the top of each instrument's first page (same shape, other number, text size)
        // is not.
        var recurring = margins.GroupBy(l => Shape(l.Text))
            .Where(g => g.Select(l => l.Page).Distinct().Count() >= 2)
            .Where(g => g.All(l => l.Small) || g.GroupBy(l => l.Text).Any(same => same.Select(l => l.Page).Distinct().Count() >= 2))
            .SelectMany(g => g).ToList();
        var found = new HashSet<Line>(recurring);
        foreach (var l in margins.Where(l => PageNumber.IsMatch(l.Text.Trim())))
        {
            found.Add(l);
        }

        return found;
    }
}
