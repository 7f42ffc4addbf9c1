using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Internal;
using ResolutionKit.Model;
using ResolutionKit.Phrases;

namespace ResolutionKit.Reading.Text;

/// <summary>
/// The text reader's pipeline: normalization (<see cref="Normalizer"/>), language detection, recovery of flattened
/// lines (<see cref="Unflattener"/>), page furniture (<see cref="Furniture"/>), segmentation into instruments (a
/// Final Acts text holds many), and for each instrument the structure: title, subject, history, formula, groups,
/// clauses, footnotes, annexes. It never throws on bad input and never drops text: what it cannot place is kept and
/// reported.
/// </summary>
internal sealed class TextParser
{
    private readonly string _source;
    private readonly string? _path;
    private readonly ReaderOptions _options;

    public TextParser(string source, string? path, ReaderOptions options)
    {
        _source = source;
        _path = path;
        _options = options;
    }

    public List<ParseResult<Resolution>> Parse()
    {
        var report = new NormalizationReport();
        var lines = Normalizer.Split(_source, report);
        var table = _options.Phrases ?? LanguageDetector.Detect(lines);
        var shared = new List<Diagnostic>();
        if (report.InvisibleRemoved > 0)
        {
            shared.Add(Make(ReadingDiagnostics.Normalized, report.FirstInvisible!.Span, $"{report.InvisibleRemoved} invisible formatting character(s) (direction marks, zero-width spaces, soft hyphens, tatweel) were removed"));
        }

        if (report.PresentationForms > 0)
        {
            shared.Add(Make(ReadingDiagnostics.Normalized, report.FirstPresentationForm!.Span, $"{report.PresentationForms} Arabic presentation form(s), as PDF copies give them, were read as the letters they show"));
        }

        var flattened = new List<SourceLine>();
        lines = Unflattener.Apply(lines, table, flattened);
        foreach (var line in flattened)
        {
            shared.Add(Make(ReadingDiagnostics.Flattened, line.SpanAt(0, Math.Min(line.Length, 40)), line.Length.ToString("N0", CultureInfo.InvariantCulture)));
        }

        var removed = Furniture.Remove(lines, l => IsStructure(l, table), l => TitleParser.Match(l.Fold, table) is { Capitals: true } || (l.Fold.Length < 160 && table.MatchHeading(InstrumentBuilder.StripHeadingPunctuation(l.Fold)) is { } h && h.Length >= InstrumentBuilder.StripHeadingPunctuation(l.Fold).Length), l => table.ChromeWords.Any(w => table.MatchAt(l.Fold, FirstLetter(l.Fold), w) > 0));
        var segments = Segment(lines, table);
        var results = new List<ParseResult<Resolution>>();
        for (var s = 0; s < segments.Count; s++)
        {
            var (start, end, title) = segments[s];
            var builder = new InstrumentBuilder(lines.GetRange(start, end - start), title < 0 ? -1 : title - start, table, _path, s == 0 ? 0 : s) { LinesAreParagraphs = _options.LinesAreParagraphs };
            var (resolution, diagnostics) = builder.Build();
            var first = start < lines.Count ? lines[start].Offset : 0;
            var last = end < lines.Count ? lines[end].Offset : int.MaxValue;
            var own = removed.Where(r => (s == 0 && r.Line.Offset < last) || (r.Line.Offset >= first && r.Line.Offset < last)).ToList();
            diagnostics.AddRange(FurnitureDiagnostics(own));
            if (s == 0)
            {
                diagnostics.AddRange(shared);
            }

            results.Add(ParseResult<Resolution>.Create(resolution, diagnostics));
        }

        return results;
    }

    private Diagnostic Make(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
        Diagnostic.Create(descriptor, new Location(_path, string.Empty, span), args);

    /// <summary>One visible finding per kind of furniture removed, naming every line, so nothing disappears unseen.</summary>
    private IEnumerable<Diagnostic> FurnitureDiagnostics(List<RemovedLine> removed)
    {
        foreach (var group in removed.GroupBy(r => r.What))
        {
            var list = group.ToList();
            var sample = list[0].Line.Text;
            if (sample.Length > 50)
            {
                sample = sample.Substring(0, 47) + "...";
            }

            var where = list.Count == 1 ? "line " + list[0].Line.Number : "lines " + string.Join(", ", list.Select(r => r.Line.Number.ToString(CultureInfo.InvariantCulture)).Distinct().Take(12)) + (list.Count > 12 ? ", ..." : string.Empty);
            var what = list.Count == 1 ? group.Key : list.Count.ToString(CultureInfo.InvariantCulture) + " " + Plural(group.Key);
            yield return Make(ReadingDiagnostics.PageFurniture, list[0].Line.Span, what, sample, where);

            // Each line, for tools: hidden, with its own location.
            foreach (var r in list.Skip(1))
            {
                var text = r.Line.Text.Length > 50 ? r.Line.Text.Substring(0, 47) + "..." : r.Line.Text;
                yield return Make(ReadingDiagnostics.PageFurniture, r.Line.Span, r.What, text, "line " + r.Line.Number.ToString(CultureInfo.InvariantCulture)) with { Severity = DiagnosticSeverity.Hidden };
            }
        }
    }

    private static string Plural(string what) => what switch
    {
        "a page number" => "page numbers",
        "a page number glued to the line after it" => "page numbers glued to the line after them",
        "a running head" => "running heads",
        "a document page header" => "document page headers",
        "a page number and section head" => "page numbers and section heads",
        "a file-path stamp" => "file-path stamps",
        "a Word field" => "Word fields",
        "a date stamp" => "date stamps",
        "a web page's navigation line" => "web page navigation lines",
        _ => what,
    };

    private static int FirstLetter(string fold)
    {
        var i = 0;
        while (i < fold.Length && !char.IsLetter(fold[i]))
        {
            i++;
        }

        return i;
    }

    internal static bool IsStructure(SourceLine line, PhraseTable table)
    {
        var f = line.Fold;
        if (f.Length == 0)
        {
            return false;
        }

        if (TitleParser.Match(f, table) is not null || InstrumentBuilder.IsAnnexHeading(line.Text, table))
        {
            return true;
        }

        var heading = table.MatchHeading(InstrumentBuilder.StripHeadingPunctuation(f));
        if (heading is not null && heading.Length >= InstrumentBuilder.StripHeadingPunctuation(f).Length)
        {
            return true;
        }

        return LabelMatcher.At(f, 0, false) is { } label && label.Key.Length > 0 && !Regex.IsMatch(f, @"^\d{1,4}$");
    }

    /// <summary>Splits the lines into instruments: (first line, end line, title line or -1).</summary>
    private static List<(int Start, int End, int Title)> Segment(List<SourceLine> lines, PhraseTable table)
    {
        var titles = new List<int>();
        var sawHeading = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var info = TitleParser.Match(line.Fold, table);
            if (info is not null)
            {
                if (titles.Count == 0 && !sawHeading)
                {
                    titles.Add(i);
                    continue;
                }

                if (titles.Count > 0 && StartsInstrument(lines, i, info, table))
                {
                    if (!HasBody(lines, titles[titles.Count - 1] + 1, i, table))
                    {
                        // A page's own title above the text's title line ("WTDC Resolution 37" / "WTDC RESOLUTION 37 (Rev. Kigali, 2022)"):
                        // the first is front matter.
                        titles[titles.Count - 1] = i;
                    }
                    else
                    {
                        titles.Add(i);
                    }
                }

                continue;
            }

            if (!sawHeading && titles.Count == 0)
            {
                var stripped = InstrumentBuilder.StripHeadingPunctuation(line.Fold);
                var heading = table.MatchHeading(stripped);
                sawHeading = heading is not null && heading.Length >= stripped.Length && i > 0;
            }
        }

        var segments = new List<(int, int, int)>();
        if (titles.Count == 0)
        {
            segments.Add((0, lines.Count, -1));
            return segments;
        }

        // A proposal's unit mark and identifier lines just above a title belong to that instrument.
        var starts = titles.Select((t, k) => k == 0 ? 0 : MarkStart(lines, t, titles[k - 1])).ToList();
        for (var k = 0; k < titles.Count; k++)
        {
            var end = k + 1 < titles.Count ? starts[k + 1] : lines.Count;
            segments.Add((starts[k], end, titles[k]));
        }

        return segments;
    }

    /// <summary>Whether lines [from, to) hold a heading or a conference formula: the body of an instrument.</summary>
    private static bool HasBody(List<SourceLine> lines, int from, int to, PhraseTable table)
    {
        for (var k = from; k < to; k++)
        {
            var f = lines[k].Fold;
            if (f.Length == 0)
            {
                continue;
            }

            var stripped = InstrumentBuilder.StripHeadingPunctuation(f);
            var heading = table.MatchHeading(stripped);
            if (heading is not null && heading.Length >= stripped.Length)
            {
                return true;
            }

            if (table.IndexOfBody(f) is var at && at >= 0 && at < 12 && f.Length < 300)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Regex UnitLine = new(@"^(?:MOD|ADD|SUP|NOC)\b|^[A-Z]{1,6}/[0-9A-Z]{1,8}/\d{1,3}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static int MarkStart(List<SourceLine> lines, int title, int previousTitle)
    {
        var start = title;
        for (var k = title - 1; k > previousTitle && k >= title - 3; k--)
        {
            if (lines[k].IsBlank)
            {
                continue;
            }

            if (UnitLine.IsMatch(lines[k].Fold) && lines[k].Length < 40)
            {
                start = k;
                continue;
            }

            break;
        }

        return start;
    }

    /// <summary>Whether a title line after the first starts another instrument (rather than being a citation that happens to fill a line).</summary>
    private static bool StartsInstrument(List<SourceLine> lines, int i, TitleInfo info, PhraseTable table)
    {
        if (!info.Capitals)
        {
            return false;
        }

        // The line before is blank, a page break, or the end of a sentence.
        var prev = i - 1;
        while (prev >= 0 && lines[prev].IsBlank)
        {
            prev--;
        }

        if (prev >= 0 && prev == i - 1 && !lines[i].PageBreakBefore)
        {
            var f = lines[prev].Fold;
            var c = f.Length > 0 ? f[f.Length - 1] : '.';
            if (c != '.' && c != ':' && c != ';' && c != ',' && !UnitLine.IsMatch(f))
            {
                return false;
            }
        }

        // Within the next lines: a conference formula, a history, or a heading.
        var seen = 0;
        for (var k = i + 1; k < lines.Count && seen < 10; k++)
        {
            if (lines[k].IsBlank)
            {
                continue;
            }

            seen++;
            var f = lines[k].Fold;
            if (table.MatchBody(f) is not null && f.Length < 300 && !char.IsLower(f[0]))
            {
                return true;
            }

            var stripped = InstrumentBuilder.StripHeadingPunctuation(f);
            var heading = table.MatchHeading(stripped);
            if (heading is not null && heading.Length >= stripped.Length)
            {
                return true;
            }

            if (TitleParser.Match(f, table) is not null)
            {
                return false;
            }
        }

        return false;
    }
}

/// <summary>Detects the language of a text: by script first (Arabic, Cyrillic, Chinese), then by the headings and common words of the Latin-script tables.</summary>
internal static class LanguageDetector
{
    private static readonly Dictionary<string, string[]> CommonWords = new()
    {
        ["en"] = new[] { "the", "of", "and", "to", "that", "in", "on" },
        ["fr"] = new[] { "les", "des", "du", "et", "la", "le", "à", "que", "dans" },
        ["es"] = new[] { "los", "las", "del", "y", "la", "el", "que", "en", "para" },
    };

    private static readonly string[] Common = CommonWords.Values.SelectMany(w => w).Distinct().ToArray();

    /// <summary>The common word the text holds at [start, start + length), compared without case and without a substring; or null.</summary>
    private static string? CommonWordAt(string text, int start, int length)
    {
        var first = char.ToLowerInvariant(text[start]);
        foreach (var w in Common)
        {
            if (w.Length != length || w[0] != first)
            {
                continue;
            }

            var same = true;
            for (var k = 1; k < length && same; k++)
            {
                same = char.ToLowerInvariant(text[start + k]) == w[k];
            }

            if (same)
            {
                return w;
            }
        }

        return null;
    }

    public static PhraseTable Detect(List<SourceLine> lines)
    {
        // One pass over the first few thousand characters: the script, and the common words of Latin-script texts.
        int arabic = 0, cyrillic = 0, han = 0, latin = 0;
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seen = 0;
        foreach (var line in lines)
        {
            var text = line.Text;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                if (c < 0x250)
                {
                    if (char.IsLetter(c))
                    {
                        latin++;
                        if (start < 0)
                        {
                            start = i;
                        }

                        continue;
                    }
                }
                else if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFEFC')
                {
                    arabic++;
                }
                else if (c >= '\u0400' && c <= '\u04FF')
                {
                    cyrillic++;
                }
                else if (c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF')
                {
                    han++;
                }

                if (start >= 0)
                {
                    if (i - start <= 4)
                    {
                        var w = CommonWordAt(text, start, i - start);
                        if (w is not null)
                        {
                            words[w] = words.TryGetValue(w, out var n) ? n + 1 : 1;
                        }
                    }

                    start = -1;
                }
            }

            seen += text.Length;
            if (seen > 1_200)
            {
                break;
            }
        }

        // Chinese characters carry a word each: weigh them against letters.
        var script = "latin";
        var most = latin;
        if (arabic > most)
        {
            script = "ar";
            most = arabic;
        }

        if (cyrillic > most)
        {
            script = "ru";
            most = cyrillic;
        }

        if (han * 3 > most)
        {
            script = "zh";
        }

        if (script != "latin")
        {
            return PhraseTable.ForLanguage(script) ?? PhraseTable.English;
        }


        // Clear enough from the common words alone (one language's words at least twice another's): no heading scoring.
        var byWords = CommonWords.Keys.Select(l => (Language: l, Count: CommonWords[l].Sum(w => words.TryGetValue(w, out var n) ? n : 0))).OrderByDescending(x => x.Count).ToList();
        if (byWords[0].Count >= 12 && byWords[0].Count >= 2 * byWords[1].Count)
        {
            return PhraseTable.ForLanguage(byWords[0].Language) ?? PhraseTable.English;
        }

        // Otherwise the headings of the first few hundred lines decide, with the common words.
        var candidates = lines.Take(600).Where(l => l.Length > 0 && l.Length < 120).Select(l => InstrumentBuilder.StripHeadingPunctuation(l.Fold)).ToList();
        PhraseTable? bestTable = null;
        var bestScore = -1;
        foreach (var language in new[] { "en", "fr", "es" })
        {
            var table = PhraseTable.ForLanguage(language);
            if (table is null)
            {
                continue;
            }

            var score = (table.Score(candidates) * 20) + CommonWords[language].Sum(w => words.TryGetValue(w, out var n) ? n : 0);
            if (score > bestScore)
            {
                bestScore = score;
                bestTable = table;
            }
        }

        return bestTable ?? PhraseTable.English;
    }
}
