using System;
using System.Collections.Generic;
using System.Text;

namespace ResolutionKit.Reading.Text;

/// <summary>What normalization changed in a text, for the reader to report.</summary>
internal sealed class NormalizationReport
{
    /// <summary>Invisible formatting characters removed (direction marks, zero-width spaces, soft hyphens, tatweel).</summary>
    public int InvisibleRemoved { get; set; }

    /// <summary>The first line where one was removed.</summary>
    public SourceLine? FirstInvisible { get; set; }

    /// <summary>Arabic presentation forms (as PDF copies give them) replaced by the letters they show.</summary>
    public int PresentationForms { get; set; }

    /// <summary>The first line where one was replaced.</summary>
    public SourceLine? FirstPresentationForm { get; set; }
}

/// <summary>
/// Splits a source text into <see cref="SourceLine"/>s and normalizes each: line ends of every platform, form feeds
/// (a page break; the text after it stays on the same source line), Unicode spaces to a plain space, invisible
/// formatting characters removed, Arabic presentation forms to their letters. Every character of a line keeps its
/// source position. See docs/text-format.md.
/// </summary>
internal static class Normalizer
{
    public static List<SourceLine> Split(string source, NormalizationReport report)
    {
        var lines = new List<SourceLine>();
        var start = source.Length > 0 && source[0] == '\uFEFF' ? 1 : 0;
        var number = 1;
        var lineStart = 0;
        var pageBreak = false;
        var i = start;
        while (true)
        {
            var end = i == source.Length;
            var c = end ? '\n' : source[i];
            if (end || c == '\n' || c == '\r' || c == '\f' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                lines.Add(Make(source, number, lineStart, start, i - start, pageBreak, report));
                pageBreak = false;
                if (end)
                {
                    break;
                }

                if (c == '\f')
                {
                    pageBreak = true;
                    i++;
                    start = i;
                    continue;
                }

                if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                start = i;
                lineStart = i;
                number++;
                continue;
            }

            i++;
        }

        return lines;
    }

    private static SourceLine Make(string source, int number, int lineStart, int start, int length, bool pageBreak, NormalizationReport report)
    {
        // Most lines need nothing but trimming.
        var simple = true;
        for (var k = 0; k < length; k++)
        {
            var ch = source[start + k];
            if (ch >= 0x80 && (IsInvisible(ch) || IsSpace(ch) || (ch >= '\uFB50' && ch <= '\uFEFC')))
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            var skip = 0;
            while (skip < length && (source[start + skip] == ' ' || source[start + skip] == '\t'))
            {
                skip++;
            }

            var stop = length;
            while (stop > skip && (source[start + stop - 1] == ' ' || source[start + stop - 1] == '\t'))
            {
                stop--;
            }

            var trimmed = source.Substring(start + skip, stop - skip);
            return new SourceLine(number, start + skip, 1 + (start + skip - lineStart), trimmed, Fold(trimmed), null, pageBreak);
        }

        var text = new StringBuilder(length);
        List<int>? map = null;
        var changedLength = false;
        var invisible = 0;
        var forms = 0;
        for (var k = 0; k < length; k++)
        {
            var c = source[start + k];
            if (IsInvisible(c))
            {
                invisible++;
                changedLength = true;
                EnsureMap(ref map, text.Length);
                continue;
            }

            if (IsSpace(c))
            {
                c = ' ';
            }

            if (c >= '\uFB50' && c <= '\uFEFC' && !(c >= '\uFE00' && c <= '\uFE6F'))
            {
                // An Arabic presentation form: the letter (or letters, for a ligature) it shows.
                var plain = c.ToString().Normalize(NormalizationForm.FormKC);
                if (plain.Length != 1 || plain[0] != c)
                {
                    forms++;
                    if (plain.Length != 1)
                    {
                        changedLength = true;
                    }

                    EnsureMap(ref map, text.Length);
                    foreach (var p in plain)
                    {
                        text.Append(p);
                        map!.Add(k);
                    }

                    continue;
                }
            }

            text.Append(c);
            map?.Add(k);
        }

        // Trim, keeping the map.
        var lead = 0;
        while (lead < text.Length && (text[lead] == ' ' || text[lead] == '\t'))
        {
            lead++;
        }

        var trail = text.Length;
        while (trail > lead && (text[trail - 1] == ' ' || text[trail - 1] == '\t'))
        {
            trail--;
        }

        var content = text.ToString(lead, trail - lead);
        int[]? contentMap = null;
        int firstDelta = lead;
        if (map is not null && changedLength)
        {
            firstDelta = content.Length > 0 ? map[lead] : (lead < map.Count ? map[lead] : length);
            contentMap = new int[content.Length];
            for (var k = 0; k < content.Length; k++)
            {
                contentMap[k] = map[lead + k] - firstDelta;
            }

            if (SourceLine.IsContiguous(contentMap))
            {
                contentMap = null;
            }
        }
        else if (map is not null)
        {
            firstDelta = map.Count > lead ? map[lead] : lead;
        }

        var offset = start + firstDelta;
        var column = 1 + (offset - lineStart);
        var line = new SourceLine(number, offset, column, content, Fold(content), contentMap, pageBreak);
        if (invisible > 0)
        {
            report.InvisibleRemoved += invisible;
            report.FirstInvisible ??= line;
        }

        if (forms > 0)
        {
            report.PresentationForms += forms;
            report.FirstPresentationForm ??= line;
        }

        return line;
    }

    private static void EnsureMap(ref List<int>? map, int count)
    {
        if (map is null)
        {
            map = new List<int>(count + 16);
            for (var k = 0; k < count; k++)
            {
                map.Add(k);
            }
        }
    }

    /// <summary>Unicode normalization that never throws: text with unpaired surrogates is returned as it is.</summary>
    public static string SafeNormalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>Unicode spaces read as a plain space.</summary>
    public static bool IsSpace(char c) =>
        c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u205F' || (c >= '\u2000' && c <= '\u200A') || c == '\u3000' || c == '\u1680';

    /// <summary>Characters that carry no text: direction marks and embeddings, zero-width spaces, soft hyphens, tatweel.</summary>
    public static bool IsInvisible(char c) =>
        c == '\u200B' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u061C' || c == '\uFEFF' || c == '\u00AD' || c == '\u0640' || c == '\u2060';

    /// <summary>
    /// The folded view of a text, one character for one: digits of every script become ASCII digits, full-width
    /// forms their ASCII counterparts, and Arabic and CJK punctuation the ASCII punctuation it corresponds to. Used
    /// to match labels, numbers and punctuation; never written into the model.
    /// </summary>
    public static string Fold(string text)
    {
        // Most text is ASCII, which folds to itself: find the first character that might not.
#if NET
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
        {
            return text;
        }
#else
        var first = 0;
        while (first < text.Length && text[first] < 0x80)
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }
#endif

        char[]? chars = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            var f = FoldChar(c);
            if (f != c)
            {
                chars ??= text.ToCharArray();
                chars[i] = f;
            }
        }

        return chars is null ? text : new string(chars);
    }

    public static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (c >= '\u0660' && c <= '\u0669')
        {
            return (char)('0' + (c - '\u0660'));
        }

        if (c >= '\u06F0' && c <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0'));
        }

        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u060C' => ',', // Arabic comma
            '\u061B' => ';', // Arabic semicolon
            '\u061F' => '?',
            '\u066B' => '.', // Arabic decimal separator
            '\u066C' => ',',
            '\u06D4' => '.', // Arabic full stop
            '\u3001' => ',', // ideographic comma
            '\u3002' => '.', // ideographic full stop
            '\u3010' => '[',
            '\u3011' => ']',
            '\u2010' or '\u2011' => '-',
            _ => c,
        };
    }
}
