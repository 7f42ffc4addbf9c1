using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ResolutionKit.Reading.Text;

/// <summary>A line removed as page furniture, and why.</summary>
internal sealed record RemovedLine(SourceLine Line, string What);

/// <summary>
/// Finds page furniture left by PDF and Word copies: page numbers, running heads, the page headers of conference
/// documents, file-path stamps. A line is furniture only on evidence: its form is one of those (a page number, a
/// document code, an abbreviated reference with a page number), or it repeats at page breaks. A repeated line that
/// is neither (an annex subheading in two annexes, a subject repeated as an annex title) is text and stays.
/// </summary>
internal static class Furniture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly (Regex Pattern, string What)[] Forms =
    {
        // - 12 -   – iii –   Page 3   p. 3 of 12   1/484   第3页
        (new Regex(@"^[-–—]\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]$", Options, Timeout), "a page number"),
        (new Regex(@"^(?:page|p\.|pag\.|página|стр\.|страница|صفحة)\s*\d{1,4}(?:\s*(?:/|of|de|sur|из|من)\s*\d{1,4})?$", Options, Timeout), "a page number"),
        (new Regex(@"^\d{1,4}\s*/\s*\d{1,4}$", Options, Timeout), "a page number"),
        (new Regex(@"^第\s*\d{1,4}\s*页$", Options, Timeout), "a page number"),

        // - 97 - (3.2 – Council)     – 108 –(3.4 – 其它大会和相关事宜)     v (Table of Contents)
        (new Regex(@"^[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?\s*\([^()]{1,80}\)$", Options, Timeout), "a page number and section head"),

        // - 2/30 PP-02/56-E    2PP18/42-E    PP14/34(Rev.1)(Add.1)-E    WTDC-17/23(Add.9)-EPage 1    CMR15/10-E
        (new Regex(@"^[-–—]?\s*(?:\d{1,4}\s*/\s*\d{1,4}\s*[-–—]?\s*)?\d{0,4}\s*[A-Z]{1,6}[-]?\d{0,4}/\d{0,4}(?:\s*\((?:Add|Rev|Corr)\.\s*\d+\))*\s*-\s*[EFSACR](?:\s*(?:Page|Pág\.?)\s*\d{1,4})?$", RegexOptions.CultureInvariant, Timeout), "a document page header"),
        (new Regex(@"^[-–—]\s*\d{1,4}\s*/\s*\d{1,4}\s*[-–—]?\s*\S{3,40}$", RegexOptions.CultureInvariant, Timeout), "a document page header"),

        // Res. ITU-R 12-1   1      2   Res. ITU-R 2-8     Rés. UIT-R 38-3     Рез. МСЭ-R 1-8
        (new Regex(@"^(?:\d{1,4}\s+)?(?:Res|Rés|Rec|Réc|Рез|Рек)\.?\s*(?:ITU|UIT|МСЭ)[-\s]?R\s*\d{1,3}(?:\s*-\s*\d{1,2})?(?:\s+\d{1,4})?$", Options, Timeout), "a running head"),

        // PP-22 – Resolution 191     WTSA-12 – Resolution 2 1     PP-22 – 第154号决议     PP-22 – القرار 191
        (new Regex(@"^(?:\d{1,4}\s+)?(?:PP|WTSA|WTDC|RA|WCIT|WRC|CMR|AMNT|CMDT|AR|ПК|ВАСЭ|ВКРЭ|АР|ВКР)-?\d{2}\s*[-–—]\s*\S[^;:,.]{0,50}?\d{1,4}[A-Z]?(?:\s*号\s*(?:决议|决定|建议))?(?:\s+\d{1,4})?$", Options, Timeout), "a running head"),

        // Res. 130   213     214   Res. 130     Déc. 5  12
        (new Regex(@"^(?:\d{1,4}\s+)?(?:Res|Rés|Dec|Déc|Рез|Реш|Rec)\.\s*\d{1,4}[A-Z]?(?:\s+\d{1,4})?$", Options, Timeout), "a running head"),

        // D:\626080039.DOC (148092)    P:\ENG\SG\...\065E.DOCX 13.12.12    /HOME/WEBSITE/CONVERT/...    FILENAME \p ...    PAGE 2
        (new Regex(@"^(?:[A-Z]:\\|/HOME/|\\\\)\S*", RegexOptions.CultureInvariant, Timeout), "a file-path stamp"),
        (new Regex(@"\.DOCX?\b.{0,40}\(\d{5,7}\)", Options, Timeout), "a file-path stamp"),
        (new Regex(@"^(?:FILENAME|PAGE|NUMPAGES|DOCPROPERTY)\b", RegexOptions.CultureInvariant, Timeout), "a Word field"),
        (new Regex(@"^Error!\s+(?:Unknown document property name|Reference source not found|Bookmark not defined)\.?$", Options, Timeout), "a Word field"),
    };

    private static readonly Regex DateStamp = new(@"^\d{2}\.\d{2}\.\d{2,4}(?:\s+\d{2}\.\d{2}\.\d{2,4})*$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex BareNumber = new(@"^\d{1,4}$", RegexOptions.CultureInvariant, Timeout);

    /// <summary>An instrument word and a number at the start of a line ("RESOLUTION 55", "القرار 55", "Резолюция 55").</summary>
    private static readonly Regex RunningTitle = new(@"^\s*(?:\p{L}+\s+)?(?:ITU-R\s+)?(?<n>\d{1,4}(?:-\d{1,2})?)(?=\s|\(|$)", RegexOptions.CultureInvariant, Timeout);

    /// <summary>
    /// Removes furniture from <paramref name="lines"/> and returns what it removed. The line after a removed line
    /// is marked as following a page break. <paramref name="isStructure"/> tells which lines are headings, labels,
    /// titles or annex headings (never furniture).
    /// </summary>
    public static List<RemovedLine> Remove(List<SourceLine> lines, Func<SourceLine, bool> isStructure, Func<SourceLine, bool> isTitle, Func<SourceLine, bool> isChrome)
    {
        var removed = new List<RemovedLine>();
        var what = new string?[lines.Count];

        // A web page's navigation after the text: the last lines, short, opening with the page's chrome words.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            if (lines[i].Length <= 100 && isChrome(lines[i]))
            {
                what[i] = "a web page's navigation line";
                continue;
            }

            break;
        }

        // ... and before it: the page's own header lines ("Document preview – page 1 of 3").
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            if (lines[i].Length <= 100 && isChrome(lines[i]) && !isTitle(lines[i]))
            {
                what[i] = "a web page's navigation line";
                continue;
            }

            break;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var f = lines[i].Fold;
            if (f.Length == 0 || f.Length > 160 || !MayBeFurniture(f))
            {
                continue;
            }

            foreach (var (pattern, w) in Forms)
            {
                if (Safe(pattern, f) && !isTitle(lines[i]))
                {
                    what[i] = w;
                    break;
                }
            }
        }

        // A running head that repeats the title's word and number ("القرار 55", "RESOLUTION 55") right at a page
        // break, after the title line itself: the instrument's own title is not read twice.
        var titles = new List<(int Index, string Number)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && isTitle(lines[i]) && RunningTitle.Match(lines[i].Fold) is { Success: true } t)
            {
                titles.Add((i, t.Groups["n"].Value));
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (what[i] is null && !lines[i].IsBlank && lines[i].Fold.Length <= 40 && NextToFurniture(lines, what, i)
                && RunningTitle.Match(lines[i].Fold) is { Success: true } head && head.Length == lines[i].Fold.TrimEnd().Length
                && titles.Any(t => t.Index < i && t.Number == head.Groups["n"].Value && lines[t.Index].Fold.Trim().Length > head.Length))
            {
                what[i] = "a running head";
            }
        }

        // A bare number is a page number when it stands alone between blank lines or page furniture, and a date
        // stamp when it sits next to other furniture.
        for (var i = 0; i < lines.Count; i++)
        {
            if (what[i] is not null || lines[i].IsBlank)
            {
                continue;
            }

            var f = lines[i].Fold;
            if (BareNumber.IsMatch(f) && (Isolated(lines, what, i) || BeforeTitle(lines, i, isTitle)))
            {
                what[i] = "a page number";
            }
            else if (DateStamp.IsMatch(f) && NextToFurniture(lines, what, i))
            {
                what[i] = "a date stamp";
            }
        }

        // A line repeated at page breaks: every occurrence next to a page number or a page break.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Fold;
            if (what[i] is null && t.Length > 0 && t.Length <= 100)
            {
                counts[t] = counts.TryGetValue(t, out var n) ? n + 1 : 1;
            }
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Fold;
            if (what[i] is null && t.Length > 0 && t.Length <= 100 && counts[t] >= 2)
            {
                if (!groups.TryGetValue(t, out var list))
                {
                    groups[t] = list = new List<int>();
                }

                list.Add(i);
            }
        }

        foreach (var entry in groups.Where(g => g.Value.Count >= 2))
        {
            var sample = lines[entry.Value[0]];
            if (!sample.Fold.Any(char.IsLetter) || EndsSentence(sample.Fold) || isStructure(sample))
            {
                continue;
            }

            if (entry.Value.All(i => AtPageBreak(lines, what, i)))
            {
                foreach (var i in entry.Value)
                {
                    what[i] = "a running head";
                }
            }
        }

        var keep = new List<SourceLine>(lines.Count);
        var breakPending = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (what[i] is not null)
            {
                removed.Add(new RemovedLine(lines[i], what[i]!));
                breakPending = true;
                continue;
            }

            var line = lines[i];
            if (breakPending && !line.IsBlank)
            {
                line.PageBreakBefore = true;
                breakPending = false;
            }

            keep.Add(line);
        }

        lines.Clear();
        lines.AddRange(keep);
        return removed;
    }

    /// <summary>
    /// The cheap test before the patterns: every form of furniture has a digit, opens with a dash (a roman page
    /// number), a path or a Word field's word.
    /// </summary>
    private static bool MayBeFurniture(string f)
    {
        // Furniture is short and mostly numbers and codes: a long line, or one with many letters, is text (unless it
        // is a path or a Word field).
        if (f.Length > 90)
        {
            return f.IndexOf('\\') >= 0 || f.IndexOf(".DOC", StringComparison.OrdinalIgnoreCase) >= 0 || f.StartsWith("/HOME/", StringComparison.Ordinal);
        }

        var letters = 0;
        foreach (var ch in f)
        {
            if (char.IsLetter(ch) && ++letters > 40)
            {
                return f.IndexOf('\\') >= 0 || f.IndexOf(".DOC", StringComparison.OrdinalIgnoreCase) >= 0 || f.StartsWith("Error!", StringComparison.Ordinal);
            }
        }

        var c = f[0];
        if (c == '-' || c == '–' || c == '—' || c == '/' || c == '\\' || c == 'E' || c == 'F' || c == 'P' || c == 'N' || c == 'D')
        {
            return true;
        }

        foreach (var ch in f)
        {
            if (ch >= '0' && ch <= '9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a folded line is a footnote separator (a rule of underscores or dashes).</summary>
    public static bool IsSeparator(string fold)
    {
        if (fold.Length < 5)
        {
            return false;
        }

        var c = fold[0];
        if (c != '_' && c != '-' && c != '–' && c != '—' && c != '─')
        {
            return false;
        }

        foreach (var ch in fold)
        {
            if (ch != c && ch != ' ')
            {
                return false;
            }
        }

        return c == '_' || fold.Length >= 8;
    }

    private static bool Safe(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool EndsSentence(string t)
    {
        var c = t[t.Length - 1];
        return c == ';' || c == ',' || c == '.' || c == ':';
    }

    private static bool Isolated(List<SourceLine> lines, string?[] what, int i)
    {
        var prev = i == 0 || lines[i - 1].IsBlank || what[i - 1] is not null || lines[i].PageBreakBefore;
        var next = i + 1 >= lines.Count || lines[i + 1].IsBlank || what[i + 1] is not null || lines[i + 1].PageBreakBefore;
        return prev && next;
    }

    /// <summary>A number alone on the first line, right above the title line: the page number of the page the text starts on.</summary>
    private static bool BeforeTitle(List<SourceLine> lines, int i, Func<SourceLine, bool> isTitle)
    {
        var prev = i == 0 || lines[i - 1].IsBlank || lines[i].PageBreakBefore;
        var next = i + 1;
        while (next < lines.Count && lines[next].IsBlank)
        {
            next++;
        }

        return prev && next < lines.Count && isTitle(lines[next]);
    }

    private static bool NextToFurniture(List<SourceLine> lines, string?[] what, int i) =>
        (i > 0 && what[i - 1] is not null) || (i + 1 < lines.Count && what[i + 1] is not null);

    private static bool AtPageBreak(List<SourceLine> lines, string?[] what, int i)
    {
        if (lines[i].PageBreakBefore || (i + 1 < lines.Count && lines[i + 1].PageBreakBefore))
        {
            return true;
        }

        // The nearest non-blank neighbour (either side) is furniture.
        for (var k = i - 1; k >= 0; k--)
        {
            if (!lines[k].IsBlank)
            {
                if (what[k] is not null)
                {
                    return true;
                }

                break;
            }
        }

        for (var k = i + 1; k < lines.Count; k++)
        {
            if (!lines[k].IsBlank)
            {
                return what[k] is not null;
            }
        }

        return false;
    }
}
