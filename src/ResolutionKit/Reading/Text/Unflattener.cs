using System;
using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Internal;
using ResolutionKit.Model;
using ResolutionKit.Phrases;

namespace ResolutionKit.Reading.Text;

/// <summary>
/// Recovers the lines of a text that a copy flattened: a whole resolution on one line (web previews), or a heading
/// run together with its clauses (<c>认识到a)全权代表大会…;b)国际电联理事会…</c>). It cuts the line where the
/// structure says a new line begins: before and after the title, the history and the conference formula, before
/// each heading that follows a punctuation mark, before each label that continues its group's sequence, and before
/// a footnote after the final full stop. Each piece keeps its source position.
/// </summary>
internal static class Unflattener
{
    /// <summary>The lines, with flattened ones cut into pieces; <paramref name="flattened"/> lists the lines that were cut.</summary>
    public static List<SourceLine> Apply(List<SourceLine> lines, PhraseTable table, List<SourceLine> flattened)
    {
        var result = new List<SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Length < 8)
            {
                result.Add(line);
                continue;
            }

            var cuts = Cuts(line, table);
            if (cuts is null)
            {
                result.Add(line);
                continue;
            }

            flattened.Add(line);
            var starts = new List<int> { 0 };
            starts.AddRange(cuts.Where(c => c > 0 && c < line.Length).Distinct().OrderBy(c => c));
            for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1] : line.Length;
                var piece = line.Slice(starts[k], end - starts[k]);
                if (piece.Length > 0)
                {
                    result.Add(k == 0 ? piece : WithoutPageBreak(piece));
                }
            }
        }

        return result;
    }

    private static SourceLine WithoutPageBreak(SourceLine line)
    {
        line.PageBreakBefore = false;
        return line;
    }

    /// <summary>Where to cut a line, or null to leave it whole.</summary>
    private static List<int>? Cuts(SourceLine line, PhraseTable table)
    {
        var fold = line.Fold;
        var glued = GluedHeading(fold, table);
        if (glued is null && (fold.Length < 150 || !SeveralHeadings(fold, table)))
        {
            return null;
        }

        var scanner = new Scanner(fold, table);
        scanner.Run(glued);
        var enough = glued is not null
            ? scanner.Cuts.Count >= 1
            : scanner.Headings >= 2 && scanner.Labels + scanner.Headings >= 3;
        return enough ? scanner.Cuts : null;
    }

    /// <summary>
    /// Whether at least two group openings follow a punctuation mark inside the line: the cheap test that a long line
    /// is a run-together text rather than one long clause.
    /// </summary>
    private static bool SeveralHeadings(string fold, PhraseTable table)
    {
        var found = 0;
        for (var i = 1; i < fold.Length - 1; i++)
        {
            var c = fold[i - 1];
            if (c != ',' && c != ';' && c != ':' && c != '.')
            {
                continue;
            }

            var j = i;
            while (j < fold.Length && fold[j] == ' ')
            {
                j++;
            }

            if ((j > i || !table.Spaced) && j < fold.Length && !char.IsUpper(fold[j]) && table.StartsHeadingAt(fold, j) && ++found >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of a heading glued to a label at the start of the line (<c>考虑到a)…</c>, <c>请1国际…</c>), or null.</summary>
    private static int? GluedHeading(string fold, PhraseTable table)
    {
        if (!table.StartsHeadingAt(fold, 0))
        {
            return null;
        }

        var heading = table.MatchHeadingPrefix(fold);
        if (heading is null || heading.Length >= fold.Length)
        {
            return null;
        }

        var rest = heading.Length;
        while (rest < fold.Length && (fold[rest] == ' ' || fold[rest] == ','))
        {
            rest++;
        }

        var label = LabelMatcher.At(fold, rest, !table.Spaced || table.Script == "Arabic");
        if (label is null || label.AtEnd(fold))
        {
            return null;
        }

        // A heading and its first label: a) or 1 (or i for a roman list).
        var first = label.Key == "a" || label.Key == "1" || label.Key == "i";
        return first ? rest : null;
    }

    private static readonly System.Text.RegularExpressions.Regex ChineseAnnex = new(@"\G第\s*\d{1,4}\s*号\s*(?:决议|决定|建议)\s*(?:\([^()]{0,60}\))?\s*的附件\s*\d{0,2}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private sealed class Scanner
    {
        private readonly string _t;
        private readonly PhraseTable _table;
        private readonly bool _glueNumbers;
        private string? _lastKey;
        private Part? _part;
        private readonly HashSet<string> _gluedMarkers = new(StringComparer.Ordinal);

        public Scanner(string fold, PhraseTable table)
        {
            _t = fold;
            _table = table;
            _glueNumbers = !table.Spaced || table.Script == "Arabic";
            for (var i = 1; i < fold.Length; i++)
            {
                if (char.IsDigit(fold[i]) && char.IsLetter(fold[i - 1]) && fold[i] < 0x80 && (i + 1 == fold.Length || !char.IsLetterOrDigit(fold[i + 1])))
                {
                    _gluedMarkers.Add(fold[i].ToString());
                }
            }
        }

        public List<int> Cuts { get; } = new();

        public int Headings { get; private set; }

        public int Labels { get; private set; }

        public void Run(int? gluedHeadingEnd)
        {
            var body = 0;
            if (gluedHeadingEnd is { } g)
            {
                Cuts.Add(g);
                Headings++;
                var heading = _table.MatchHeadingPrefix(_t)!;
                _part = heading.Part;
                _lastKey = null;
                body = g;
            }
            else
            {
                body = Preliminaries();
            }

            Body(body);
        }

        /// <summary>Title, subject, history and formula at the start of a flattened text; returns where the body starts.</summary>
        private int Preliminaries()
        {
            var titleEnd = -1;
            for (var p = 0; p < Math.Min(_t.Length, 400); p = NextToken(p))
            {
                var rest = _t.Substring(p);
                var info = TitleParser.MatchPrefix(rest, _table);
                if (info is not null && (info.Capitals || info.HasRevision))
                {
                    if (p + info.Start > 0)
                    {
                        Cuts.Add(p + info.Start);
                    }

                    titleEnd = p + info.End;
                    Cuts.Add(titleEnd);
                    break;
                }
            }

            var from = Math.Max(0, titleEnd);
            var bodyAt = _table.IndexOfBody(_t.Substring(from));
            if (bodyAt < 0)
            {
                return from;
            }

            var formulaStart = from + bodyAt;

            // Include an article or particle just before the body name ("The", "La", "El", "إن").
            var before = formulaStart - 1;
            while (before > from && _t[before] == ' ')
            {
                before--;
            }

            var wordStart = before;
            while (wordStart > from && char.IsLetter(_t[wordStart - 1]))
            {
                wordStart--;
            }

            if (before > from && before - wordStart < 4 && char.IsLetter(_t[before]))
            {
                formulaStart = wordStart;
            }

            // A history between the subject and the formula: one or more parenthesized revisions right before it.
            var historyStart = -1;
            var limit = formulaStart;
            while (true)
            {
                var close = limit - 1;
                while (close > from && _t[close] == ' ')
                {
                    close--;
                }

                if (close <= from || _t[close] != ')')
                {
                    break;
                }

                var open = _t.LastIndexOf('(', close);
                if (open <= from || RevisionParser.ParseHistory(_t.Substring(open, close - open + 1)) is not { Count: > 0 })
                {
                    break;
                }

                historyStart = open;
                limit = open;
            }

            if (historyStart > from)
            {
                Cuts.Add(historyStart);
            }

            Cuts.Add(formulaStart);

            // The formula ends at the comma after its parenthesis (or after the body name).
            var paren = _t.IndexOf(')', formulaStart);
            var comma = _t.IndexOf(',', formulaStart);
            var end = paren >= 0 && paren - formulaStart < 160 && (comma < 0 || comma > paren || _t.IndexOf('(', formulaStart) < comma) ? paren + 1 : formulaStart;
            var stop = end;
            while (stop < _t.Length && stop - end < 3 && _t[stop] != ',' && _t[stop] != ':')
            {
                stop++;
            }

            if (stop < _t.Length && (_t[stop] == ',' || _t[stop] == ':'))
            {
                end = stop + 1;
            }

            Cuts.Add(end);
            return end;
        }

        private int NextToken(int p)
        {
            var i = p;
            while (i < _t.Length && _t[i] != ' ')
            {
                i++;
            }

            while (i < _t.Length && _t[i] == ' ')
            {
                i++;
            }

            return i;
        }

        private void Body(int from)
        {
            var p = SkipSpaces(from);
            var atBoundary = true;
            while (p < _t.Length)
            {
                if (atBoundary)
                {
                    var consumed = TryStructure(p);
                    if (consumed > 0)
                    {
                        p = SkipSpaces(consumed);
                        atBoundary = true;
                        continue;
                    }
                }

                var c = _t[p];
                atBoundary = false;
                p++;
                if (c == ';' || c == ',' || c == ':' || c == '.')
                {
                    var q = SkipSpaces(p);
                    if (q > p || !_table.Spaced)
                    {
                        p = q;
                        atBoundary = true;
                    }
                }
            }
        }

        /// <summary>Tries a heading, a label, a footnote or an annex at <paramref name="p"/>; returns where it ends (0 when none).</summary>
        private int TryStructure(int p)
        {
            var first = _t[p];

            // Headings are written in lower case in cased scripts.
            if (!char.IsUpper(first))
            {
                var heading = _table.MatchHeadingPrefix(_t.Substring(p));
                if (heading is not null && heading.Length > 0)
                {
                    var end = p + heading.Length;
                    var after = SkipSpaces(end);
                    var label = after < _t.Length ? LabelMatcher.At(_t, after, _glueNumbers) : null;
                    var startsSequence = label is not null && (label.Key == "a" || label.Key == "1");
                    if (!startsSequence && heading.Part == Part.Operative)
                    {
                        // "instructs the Director of ..., in collaboration with the Directors of the other two Bureaux 1 to ...":
                        // the heading runs to its first label when the whole stretch reads as one heading.
                        var q = FirstLabelAfter(after, 250);
                        if (q > after && _table.MatchHeading(_t.Substring(p, q - p).TrimEnd()) is { Complete: true } whole && whole.Length >= _t.Substring(p, q - p).TrimEnd().Length)
                        {
                            end = q;
                            after = q;
                            startsSequence = true;
                        }
                    }
                    if (startsSequence || after >= _t.Length || heading.Part == Part.Preamble || heading.Actors.Count > 0 || !_table.Spaced)
                    {
                        Cuts.Add(p);
                        Headings++;
                        _part = heading.Part;
                        _lastKey = null;
                        if (startsSequence)
                        {
                            return after;
                        }

                        Cuts.Add(after);
                        return after;
                    }
                }
            }

            var token = LabelMatcher.At(_t, p, _glueNumbers);
            if (token is not null && InSequence(token))
            {
                Cuts.Add(p);
                Labels++;
                _lastKey = token.Key;
                return token.TextStart;
            }

            // A footnote after the final full stop: "... gap. 1 These include ..."
            if (char.IsDigit(first) && p > 1 && _t[p - 2] == '.' || (p > 0 && _t[p - 1] == '.' && char.IsDigit(first)))
            {
                var q = p;
                while (q < _t.Length && char.IsDigit(_t[q]))
                {
                    q++;
                }

                var marker = _t.Substring(p, q - p);
                if (_gluedMarkers.Contains(marker) && q < _t.Length && (_t[q] == ' ' || (!_table.Spaced && char.IsLetter(_t[q]))))
                {
                    Cuts.Add(p);
                    _part = null;
                    return q;
                }
            }

            if (Superscript(first) && p > 0)
            {
                Cuts.Add(p);
                _part = null;
                return p + 1;
            }

            // A Chinese annex heading names its instrument first: "第154号决议（…）的附件".
            if (!_table.Spaced)
            {
                var zh = ChineseAnnex.Match(_t, p);
                if (zh.Success && zh.Index == p)
                {
                    Cuts.Add(p);
                    _part = null;
                    Cuts.Add(p + zh.Length);
                    return p + zh.Length;
                }
            }

            foreach (var word in _table.AnnexWords)
            {
                if (_table.MatchAt(_t, p, word) > 0 && (char.IsUpper(first) || !char.IsLower(first)))
                {
                    var w = _t.Substring(p, Math.Min(word.Length, _t.Length - p));
                    if (w.ToUpperInvariant() == w)
                    {
                        Cuts.Add(p);
                        _part = null;
                        var end = AnnexHeadingEnd(p + word.Length);
                        Cuts.Add(end);
                        return end;
                    }
                }
            }

            return 0;
        }

        /// <summary>
        /// Where an annex heading ends in a flattened text: after its number or letter ("ANNEX 2"), or after the
        /// instrument it names and that instrument's parenthesis ("ANNEX TO RESOLUTION 154 (REV. BUCHAREST, 2022)").
        /// What follows (the annex's title and paragraphs) cannot be told apart once flattened; it is the annex's text.
        /// </summary>
        private int AnnexHeadingEnd(int from)
        {
            var end = from;
            var open = _t.IndexOf('(', from);
            var close = open < 0 ? -1 : _t.IndexOf(')', open);
            if (open >= 0 && close > open && open - from < 60)
            {
                return close + 1;
            }

            var q = SkipSpaces(from);
            var k = q;
            while (k < _t.Length && k - q < 3 && char.IsLetterOrDigit(_t[k]))
            {
                k++;
            }

            return k > q && (k == _t.Length || _t[k] == ' ') ? k : end;
        }

        /// <summary>Where the first label "1" or "a)" after a space starts, within <paramref name="within"/> characters, or -1.</summary>
        private int FirstLabelAfter(int from, int within)
        {
            for (var q = from + 1; q < _t.Length && q - from < within; q++)
            {
                if (_t[q - 1] != ' ')
                {
                    continue;
                }

                var token = LabelMatcher.At(_t, q, _glueNumbers);
                if (token is not null && (token.Key == "1" || token.Key == "a") && !token.AtEnd(_t))
                {
                    return q;
                }
            }

            return -1;
        }

        private static bool Superscript(char c) => "¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c) >= 0;

        private bool InSequence(LabelToken token)
        {
            if (_part is null)
            {
                return false;
            }

            var last = _lastKey;
            if (token.Kind == LabelKind.Number)
            {
                var top = Internal.Labels.TopNumber(token.Key);
                if (last is null)
                {
                    return token.Key == "1";
                }

                var lastTop = Internal.Labels.TopNumber(last);
                if (lastTop < 0)
                {
                    return token.Key == "1" || (Internal.Labels.TopNumber(token.Key) > 0 && token.Key.Contains('.'));
                }

                if (token.Key.Contains('.'))
                {
                    return top == lastTop || top == lastTop + 1;
                }

                return top == lastTop + 1;
            }

            if (token.Kind == LabelKind.Roman)
            {
                if (token.Key == "i")
                {
                    return last is null || last == "h" || last.Length > 0 && char.IsDigit(last[0]) || Internal.Labels.RankOfKey(last) >= 0;
                }

                return last is not null && Internal.Roman.Parse(last) > 0 && Internal.Roman.Parse(token.Key) == Internal.Roman.Parse(last) + 1;
            }

            var rank = Internal.Labels.RankOfKey(token.Key);
            if (rank < 0)
            {
                return false;
            }

            if (last is null || (last.Length > 0 && char.IsDigit(last[0])))
            {
                return rank == 0;
            }

            var lastRank = Internal.Labels.RankOfKey(last);
            return rank == lastRank + 1 || rank == 0;
        }

        private int SkipSpaces(int p)
        {
            while (p < _t.Length && (_t[p] == ' ' || _t[p] == '\t'))
            {
                p++;
            }

            return p;
        }
    }
}
