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
using Group = ResolutionKit.Model.Group;

namespace ResolutionKit.Reading;

/// <summary>Options for <see cref="ResolutionTextReader"/>.</summary>
public sealed record ReaderOptions
{
    /// <summary>The default options: language detected, 16 million characters at most.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>The phrase table to use; null to detect the language from the built-in tables.</summary>
    public PhraseTable? Phrases { get; init; }

    /// <summary>The largest input read, in characters; larger inputs are refused with RK0008.</summary>
    public int MaxCharacters { get; init; } = 16 * 1024 * 1024;
}

/// <summary>
/// Reads the plain-text layout of resolutions (as copied from the Final Acts, Word or PDF) into the model. It
/// normalizes first (see <c>docs/text-format.md</c>), recovers from damage, never throws on bad input and never drops
/// text: what it cannot place is kept and reported with its line and column.
/// </summary>
public static class ResolutionTextReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex TitlePattern = new(@"^(?<word>\p{L}+)\s+(?<num>\d{1,4}[A-Z]?)\s*(?:\((?<rev>[^()]*)\))?\s*$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex LabelPattern = new(@"^(?<label>\(?[a-z]{1,5}\)|\d{1,3}(?:\.\d{1,3}){0,3}\.?)(?<sep>\t+| +|$)(?<text>.*)$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex PageNumberPattern = new(@"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:Page|page|p\.)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?)$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex BareNumberPattern = new(@"^\d{1,4}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex RunningHeaderPattern = new(@"^(?:PP|WTSA|WTDC|RA|WCIT|C)-?\d{2}\s*[-–—]\s*(?:Resolution|Decision|Res\.|Dec\.)\s*\d+", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex FootnotePattern = new(@"^(?<marker>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?<text>.*)$", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Reads a file. A file that cannot be opened is reported as RK0008, not thrown.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static ParseResult<Resolution> ReadFile(string path, ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > (long)options.MaxCharacters * 4)
            {
                return Fail(path, $"The file is {info.Length:N0} bytes, more than the reading limit of {options.MaxCharacters:N0} characters");
            }

            var text = File.ReadAllText(path, Encoding.UTF8);
            return Read(text, path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(path, "The file could not be read: " + e.Message);
        }
    }

    /// <summary>Reads a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The path to name in locations, when known.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static ParseResult<Resolution> Read(string text, string? path = null, ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        if (text.Length > options.MaxCharacters)
        {
            return Fail(path, $"The text has {text.Length:N0} characters, more than the reading limit of {options.MaxCharacters:N0}");
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, col) = LineColumn(text, nul);
            return ParseResult<Resolution>.Create(null, new[]
            {
                Diagnostic.Create(ReadingDiagnostics.NotText, new Location(path, string.Empty, new SourceSpan(line, col, nul, 1)), "The input contains a NUL character: it is binary, not text (a .docx or .pdf must be converted to text first)"),
            });
        }

        return new Parser(text, path, options).Parse();
    }

    private static ParseResult<Resolution> Fail(string? path, string message) =>
        ParseResult<Resolution>.Create(null, new[] { Diagnostic.Create(ReadingDiagnostics.NotText, new Location(path, string.Empty, new SourceSpan(1, 1, 0, 0)), message) });

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, col = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        return (line, col);
    }

    /// <summary>A source line after normalization: its trimmed text and where that text starts.</summary>
    private sealed class Line
    {
        public Line(int number, int offset, int column, string text, bool pageBreakBefore)
        {
            Number = number;
            Offset = offset;
            Column = column;
            Text = text;
            PageBreakBefore = pageBreakBefore;
        }

        public int Number { get; }

        public int Offset { get; }

        public int Column { get; }

        public string Text { get; }

        public bool PageBreakBefore { get; }

        public bool IsBlank => Text.Length == 0;

        public SourceSpan Span => new(Number, Column, Offset, Text.Length);

        public SourceSpan SpanAt(int index, int length) => new(Number, Column + index, Offset + index, length);
    }

    /// <summary>A clause being built: label, text, source segments, children.</summary>
    private sealed class ClauseBuilder
    {
        public ClauseBuilder(string label, SourceSpan span)
        {
            Label = label;
            Span = span;
        }

        public string Label { get; }

        public string Key => Label.TrimStart('(').TrimEnd(')', '.').Trim();

        public SourceSpan Span { get; set; }

        public StringBuilder Text { get; } = new();

        public List<SourceSegment> Segments { get; } = new();

        public List<ClauseBuilder> Children { get; } = new();

        public ClauseBuilder? Parent { get; set; }

        public Clause Build()
        {
            var children = Children.Select(c => c.Build()).ToEquatableArray();
            return new Clause(Label.StartsWith("(", StringComparison.Ordinal) ? Label.Substring(1) : Label, Text.ToString(), children)
            {
                Span = Span,
                TextMap = new SourceMap(Segments.ToEquatableArray()),
            };
        }
    }

    private sealed class GroupBuilder
    {
        public GroupBuilder(Part part, string heading, string kind, IReadOnlyList<Actor> actors, SourceSpan span)
        {
            Part = part;
            Heading = heading;
            Kind = kind;
            Actors = actors;
            Span = span;
        }

        public Part Part { get; }

        public string Heading { get; }

        public string Kind { get; }

        public IReadOnlyList<Actor> Actors { get; }

        public SourceSpan Span { get; }

        public List<ClauseBuilder> Clauses { get; } = new();

        public Group Build() => new(Part, Heading, Kind, Actors.ToEquatableArray(), Clauses.Select(c => c.Build()).ToEquatableArray()) { Span = Span };
    }

    private sealed class Parser
    {
        private readonly string _source;
        private readonly string? _path;
        private readonly ReaderOptions _options;
        private readonly List<Diagnostic> _diagnostics = new();
        private readonly List<Line> _lines = new();
        private readonly List<GroupBuilder> _groups = new();
        private readonly List<Footnote> _footnotes = new();
        private readonly List<Annex> _annexes = new();
        private readonly List<Paragraph> _unplaced = new();
        private PhraseTable _phrases = PhraseTable.English;

        public Parser(string source, string? path, ReaderOptions options)
        {
            _source = source;
            _path = path;
            _options = options;
        }

        public ParseResult<Resolution> Parse()
        {
            SplitLines();
            _phrases = _options.Phrases ?? DetectLanguage();
            RemoveFurniture();

            var index = 0;
            SkipBlank(ref index);

            // Title line.
            InstrumentKind kind = InstrumentKind.Resolution;
            string number = "0";
            Revision? revision = null;
            string? titleLine = null;
            SourceSpan? titleSpan = null;
            var titleIndex = FindTitle(index);
            if (titleIndex < 0)
            {
                Report(ReadingDiagnostics.MissingTitle, _lines.Count > index ? _lines[index].Span : new SourceSpan(1, 1, 0, 0));
            }
            else
            {
                for (var i = index; i < titleIndex; i++)
                {
                    KeepUnplaced(_lines[i], "Text before the title line");
                }

                var line = _lines[titleIndex];
                var m = TitlePattern.Match(line.Text);
                kind = _phrases.MatchInstrumentWord(m.Groups["word"].Value) ?? InstrumentKind.Resolution;
                number = m.Groups["num"].Value;
                revision = m.Groups["rev"].Success ? Revision.TryParse(m.Groups["rev"].Value) : null;
                titleLine = line.Text;
                titleSpan = line.Span;
                index = titleIndex + 1;
            }

            // Subject title: the lines up to the history, the formula or a group.
            SkipBlank(ref index);
            var subject = new StringBuilder();
            var history = new List<Revision>();
            string? formula = null;
            Body? body = null;
            while (index < _lines.Count && titleIndex >= 0)
            {
                var line = _lines[index];
                if (line.IsBlank)
                {
                    index++;
                    continue;
                }

                if (TryHistory(line.Text, history))
                {
                    index++;
                    continue;
                }

                var formulaBody = _phrases.MatchBody(line.Text);
                if (formulaBody is not null && LooksLikeFormula(line.Text))
                {
                    var sb = new StringBuilder(line.Text);
                    index++;
                    while (!EndsFormula(sb.ToString()) && index < _lines.Count && !_lines[index].IsBlank && sb.Length < 400)
                    {
                        sb.Append(' ').Append(_lines[index].Text);
                        index++;
                    }

                    formula = sb.ToString();
                    body = formulaBody;
                    break;
                }

                if (ClassifyHeading(line.Text, true) is not null || LabelPattern.IsMatch(line.Text) && subject.Length > 0)
                {
                    break;
                }

                if (history.Count == 0)
                {
                    subject.Append(subject.Length > 0 ? " " : string.Empty).Append(line.Text);
                }
                else
                {
                    KeepUnplaced(line, "Text between the history line and the conference formula");
                }

                index++;
            }

            if (body is null)
            {
                body = revision is null ? null : Conferences.BodyOf(revision.Place, revision.Year);
                if (titleIndex >= 0)
                {
                    Report(ReadingDiagnostics.MissingFormula, titleSpan!, body is null ? "unknown" : "taken from the revision on the title line (" + body.Code + ")");
                }

                body ??= Body.Unknown;
            }

            ParseBody(index);
            CheckLabels();
            CheckFootnotes();

            var groups = _groups.Select(g => g.Build()).ToList();
            var resolution = new Resolution(new InstrumentId(body, kind, number), revision, subject.ToString(), _phrases.Language)
            {
                TitleLine = titleLine,
                History = history.ToEquatableArray(),
                ConferenceFormula = formula,
                Preamble = groups.Where(g => g.Part == Part.Preamble).ToEquatableArray(),
                Operative = groups.Where(g => g.Part == Part.Operative).ToEquatableArray(),
                Footnotes = _footnotes.ToEquatableArray(),
                Annexes = _annexes.ToEquatableArray(),
                Unplaced = _unplaced.ToEquatableArray(),
                Span = titleSpan,
                SourcePath = _path,
            };

            if (groups.Any(g => g.Part == Part.Operative) && groups.Any(g => g.Part == Part.Preamble))
            {
                var firstOperative = _groups.FindIndex(g => g.Part == Part.Operative);
                foreach (var late in _groups.Skip(firstOperative).Where(g => g.Part == Part.Preamble))
                {
                    Report(ReadingDiagnostics.LabelSequence, late.Span, $"The preambular group \"{late.Heading}\" follows the operative part; it is kept in the preamble");
                }
            }

            return ParseResult<Resolution>.Create(resolution, _diagnostics);
        }

        private void SplitLines()
        {
            var text = _source;
            var start = 0;
            var number = 1;
            var pageBreak = false;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                start = 1;
            }

            var i = start;
            while (i <= text.Length)
            {
                if (i == text.Length || text[i] == '\n' || text[i] == '\r' || text[i] == '\f')
                {
                    AddLine(number, start, i - start, pageBreak);
                    pageBreak = false;
                    if (i == text.Length)
                    {
                        break;
                    }

                    if (text[i] == '\f')
                    {
                        // A form feed ends a page; the text after it is on the same source line.
                        pageBreak = true;
                        i++;
                        start = i;
                        continue;
                    }

                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    i++;
                    start = i;
                    number++;
                    continue;
                }

                i++;
            }
        }

        private void AddLine(int number, int start, int length, bool pageBreak)
        {
            var raw = _source.Substring(start, length);
            var chars = raw.ToCharArray();
            for (var k = 0; k < chars.Length; k++)
            {
                if (chars[k] == '\u00A0' || chars[k] == '\u2007' || chars[k] == '\u202F' || (chars[k] >= '\u2000' && chars[k] <= '\u200A') || chars[k] == '\u3000')
                {
                    chars[k] = ' ';
                }
            }

            var normalized = new string(chars);
            var lead = 0;
            while (lead < normalized.Length && (normalized[lead] == ' ' || normalized[lead] == '\t'))
            {
                lead++;
            }

            var content = normalized.Substring(lead).TrimEnd(' ', '\t');

            // Column counts characters, so a tab is one column (as compilers report).
            var lineStartOffset = start;
            var column = 1 + lead;
            if (_lines.Count > 0 && _lines[_lines.Count - 1].Number == number)
            {
                // After a form feed on the same line: the column continues.
                var prev = _lines[_lines.Count - 1];
                column = prev.Column + (start - prev.Offset) + lead;
            }
            else if (number > 1)
            {
                var lineStart = start;
                while (lineStart > 0 && _source[lineStart - 1] != '\n' && _source[lineStart - 1] != '\r')
                {
                    lineStart--;
                }

                column = 1 + (start - lineStart) + lead;
            }

            _lines.Add(new Line(number, lineStartOffset + lead, column, content, pageBreak));
        }

        private PhraseTable DetectLanguage()
        {
            var candidates = _lines.Where(l => l.Text.Length > 0 && l.Text.Length < 80).Select(l => StripHeadingPunctuation(l.Text)).ToList();
            var best = PhraseTable.English;
            var bestScore = best.Score(candidates);
            foreach (var language in PhraseTable.BuiltinLanguages)
            {
                var table = PhraseTable.ForLanguage(language);
                if (table is null || table.Language == "en")
                {
                    continue;
                }

                var score = table.Score(candidates);
                if (score > bestScore)
                {
                    best = table;
                    bestScore = score;
                }
            }

            return best;
        }

        private void RemoveFurniture()
        {
            // Running headers: short lines repeated on several pages that are neither headings nor clauses.
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in _lines)
            {
                if (line.Text.Length > 0)
                {
                    counts[line.Text] = counts.TryGetValue(line.Text, out var n) ? n + 1 : 1;
                }
            }

            // The subject line after the title line, and an annex title after its heading, are titles even when the
            // same line appears twice (PP Resolution 71 is titled after the strategic plan its annex contains).
            var titles = new HashSet<int>();
            for (var i = 0; i < _lines.Count; i++)
            {
                var title = TitlePattern.Match(_lines[i].Text);
                if ((title.Success && _phrases.MatchInstrumentWord(title.Groups["word"].Value) is not null) || IsAnnexHeading(_lines[i].Text))
                {
                    var next = i + 1;
                    while (next < _lines.Count && _lines[next].IsBlank)
                    {
                        next++;
                    }

                    titles.Add(next);
                }
            }

            var keep = new List<Line>(_lines.Count);
            for (var i = 0; i < _lines.Count; i++)
            {
                var line = _lines[i];
                var t = line.Text;
                string? what = null;
                if (t.Length == 0)
                {
                    keep.Add(line);
                    continue;
                }

                if (PageNumberPattern.IsMatch(t))
                {
                    what = "a page number";
                }
                else if (BareNumberPattern.IsMatch(t) && IsIsolated(i))
                {
                    what = "a page number";
                }
                else if (RunningHeaderPattern.IsMatch(t) && !t.EndsWith(";", StringComparison.Ordinal) && !t.EndsWith(",", StringComparison.Ordinal))
                {
                    what = "a running header";
                }
                else if (counts[t] >= 2 && !titles.Contains(i) && t.Length <= 100 && !EndsWithPunctuation(t) && ClassifyHeading(t, true) is null
                         && !LabelPattern.IsMatch(t) && !TitlePattern.IsMatch(t) && !IsAnnexHeading(t) && t.Any(char.IsLetter))
                {
                    what = "a running header";
                }

                if (what is null)
                {
                    keep.Add(line);
                }
                else
                {
                    Report(ReadingDiagnostics.PageFurniture, line.Span, what, t);
                }
            }

            _lines.Clear();
            _lines.AddRange(keep);
        }

        private bool IsIsolated(int i)
        {
            var prevBlank = i == 0 || _lines[i - 1].IsBlank || _lines[i].PageBreakBefore;
            var nextBlank = i + 1 >= _lines.Count || _lines[i + 1].IsBlank || _lines[i + 1].PageBreakBefore || RunningHeaderPattern.IsMatch(_lines[i + 1].Text);
            return prevBlank && nextBlank;
        }

        private static bool EndsWithPunctuation(string t) => t.Length > 0 && IsEndPunctuation(t[t.Length - 1]);

        // Looks at the last character only: copying a clause built from many wrapped lines on every line was quadratic.
        private static bool EndsWithPunctuation(StringBuilder t) => t.Length > 0 && IsEndPunctuation(t[t.Length - 1]);

        private static bool IsEndPunctuation(char c) => c == ';' || c == ',' || c == '.' || c == ':';

        private void SkipBlank(ref int index)
        {
            while (index < _lines.Count && _lines[index].IsBlank)
            {
                index++;
            }
        }

        private int FindTitle(int from)
        {
            for (var i = from; i < _lines.Count && i < from + 12; i++)
            {
                var m = TitlePattern.Match(_lines[i].Text);
                if (m.Success && _phrases.MatchInstrumentWord(m.Groups["word"].Value) is not null)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool TryHistory(string text, List<Revision> history)
        {
            if (!text.StartsWith("(", StringComparison.Ordinal) || !text.EndsWith(")", StringComparison.Ordinal))
            {
                return false;
            }

            var parts = text.Replace(")(", ";").Replace(") (", ";").Trim('(', ')').Split(';');
            var found = new List<Revision>();
            foreach (var part in parts)
            {
                var revision = Revision.TryParse(part);
                if (revision is null)
                {
                    return false;
                }

                found.Add(revision);
            }

            history.AddRange(found);
            return found.Count > 0;
        }

        private static bool LooksLikeFormula(string text) =>
            text.Length < 300 && char.IsUpper(text[0]) && !LabelPattern.IsMatch(text);

        private static bool EndsFormula(string text) => text.EndsWith(",", StringComparison.Ordinal) || text.EndsWith(":", StringComparison.Ordinal) || text.EndsWith("،", StringComparison.Ordinal) || text.EndsWith("，", StringComparison.Ordinal);

        private bool IsAnnexHeading(string text)
        {
            foreach (var word in _phrases.AnnexWords)
            {
                if (text.StartsWith(word, StringComparison.Ordinal)
                    && (text.Length == word.Length || text[word.Length] == ' ')
                    && text.ToUpperInvariant() == text)
                {
                    return true;
                }
            }

            return false;
        }

        private static string StripHeadingPunctuation(string text) => text.TrimEnd(',', ':', '，', '：', '،').TrimEnd();

        /// <summary>Classifies a line as a group heading, or returns null.</summary>
        private GroupBuilder? ClassifyHeading(string text, bool strict, Line? line = null)
        {
            if (text.EndsWith(";", StringComparison.Ordinal) || text.EndsWith(".", StringComparison.Ordinal))
            {
                return null;
            }

            // A long line is a heading only when every actor in it is known: a real heading naming the three Directors
            // runs to 180 characters, while a long line of prose that merely starts with a verb is not a heading.
            var isLong = text.Length > 160;

            var t = StripHeadingPunctuation(text);
            var span = line?.Span ?? new SourceSpan(1, 1, 0, t.Length);
            var preamble = _phrases.MatchPreamble(t);
            if (preamble is not null)
            {
                return new GroupBuilder(Part.Preamble, t, preamble, Array.Empty<Actor>(), span);
            }

            var operative = _phrases.MatchOperative(t);
            if (operative is null)
            {
                return null;
            }

            var (kind, rest) = operative.Value;
            if (rest.Length == 0 && !isLong)
            {
                return new GroupBuilder(Part.Operative, t, kind, Array.Empty<Actor>(), span);
            }

            var actors = _phrases.ParseActors(rest, out var complete);
            if (complete || (!isLong && !strict && rest.Length <= 100 && actors.Count <= 4))
            {
                return new GroupBuilder(Part.Operative, t, kind, actors, span);
            }

            return null;
        }

        private void ParseBody(int index)
        {
            GroupBuilder? group = null;
            ClauseBuilder? clause = null;
            Footnote? footnote = null;
            var footnoteBuilder = new StringBuilder();
            SourceSpan? footnoteSpan = null;
            Annex? annex = null;
            var annexParagraphs = new List<Paragraph>();
            var paragraph = new StringBuilder();
            SourceSpan? paragraphSpan = null;
            var blankSince = true;
            Line? pendingLabel = null;

            void FlushFootnote()
            {
                if (footnote is not null)
                {
                    _footnotes.Add(footnote with { Text = footnoteBuilder.ToString(), Span = footnoteSpan });
                    footnote = null;
                    footnoteBuilder.Clear();
                }
            }

            void FlushParagraph()
            {
                if (paragraph.Length > 0)
                {
                    annexParagraphs.Add(new Paragraph(paragraph.ToString()) { Span = paragraphSpan });
                    paragraph.Clear();
                }
            }

            void FlushAnnex()
            {
                FlushParagraph();
                if (annex is not null)
                {
                    _annexes.Add(annex with { Paragraphs = annexParagraphs.ToEquatableArray() });
                    annexParagraphs.Clear();
                    annex = null;
                }
            }

            for (; index < _lines.Count; index++)
            {
                var line = _lines[index];
                var text = line.Text;
                if (line.IsBlank)
                {
                    blankSince = true;
                    if (annex is not null)
                    {
                        FlushParagraph();
                    }

                    continue;
                }

                var wasBlank = blankSince;
                blankSince = false;

                // Annexes run to the end (or the next annex).
                if (IsAnnexHeading(text))
                {
                    FlushFootnote();
                    FlushAnnex();
                    clause = null;
                    var title = (string?)null;
                    var next = index + 1;
                    while (next < _lines.Count && _lines[next].IsBlank)
                    {
                        next++;
                    }

                    if (next < _lines.Count && _lines[next].Text.Length < 200 && !EndsWithPunctuation(_lines[next].Text) && !IsAnnexHeading(_lines[next].Text))
                    {
                        title = _lines[next].Text;
                        index = next;
                    }

                    annex = new Annex(text, title, EquatableArray<Paragraph>.Empty) { Span = line.Span };
                    continue;
                }

                if (annex is not null)
                {
                    if (paragraph.Length == 0)
                    {
                        paragraphSpan = line.Span;
                    }
                    else
                    {
                        paragraph.Append(' ');
                    }

                    paragraph.Append(text);
                    continue;
                }

                var fm = FootnotePattern.Match(text);
                if (fm.Success && fm.Groups["text"].Value.Length > 0)
                {
                    FlushFootnote();
                    clause = null;
                    footnote = new Footnote(Superscripts.ToPlain(fm.Groups["marker"].Value), string.Empty);
                    footnoteBuilder.Append(fm.Groups["text"].Value);
                    footnoteSpan = line.Span;
                    continue;
                }

                if (footnote is not null)
                {
                    footnoteBuilder.Append(' ').Append(text);
                    continue;
                }

                var previousEnded = clause is null || clause.Text.Length == 0 || EndsWithPunctuation(clause.Text);
                if (previousEnded || wasBlank)
                {
                    var heading = ClassifyHeading(text, !wasBlank && clause is not null, line);
                    if (heading is not null && !LabelPattern.IsMatch(text))
                    {
                        _groups.Add(heading);
                        group = heading;
                        clause = null;
                        pendingLabel = null;
                        continue;
                    }
                }

                var lm = LabelPattern.Match(text);
                if (lm.Success && AcceptLabel(group, clause, lm, pendingLabel is null))
                {
                    var label = lm.Groups["label"].Value;
                    var body = lm.Groups["text"].Value;
                    var builder = new ClauseBuilder(label, line.Span);
                    if (body.Length > 0)
                    {
                        var bodyIndex = lm.Groups["text"].Index;
                        Append(builder, line, bodyIndex, body);
                    }

                    if (group is null)
                    {
                        KeepUnplaced(line, "A labelled clause appears before any group heading");
                        clause = null;
                        continue;
                    }

                    Attach(group, builder);
                    clause = builder;
                    pendingLabel = body.Length == 0 ? line : null;
                    continue;
                }

                // Plain text: continues the clause above, or opens the group's unlabelled clause.
                // Without a blank line in between, a plain line always continues (PDF and Word copies wrap anywhere,
                // also after a comma); after a blank line it continues only a clause that has not ended.
                if (clause is not null && (pendingLabel is not null || !wasBlank || !EndsWithPunctuation(clause.Text)))
                {
                    Continue(clause, line);
                    pendingLabel = null;
                    continue;
                }

                if (group is not null)
                {
                    var builder = new ClauseBuilder(string.Empty, line.Span);
                    Append(builder, line, 0, text);
                    if (group.Clauses.Any(c => c.Label.Length > 0))
                    {
                        Report(ReadingDiagnostics.LabelSequence, line.Span, "A clause without a label follows labelled clauses in \"" + group.Heading + "\"; it is kept as an unlabelled clause");
                    }

                    group.Clauses.Add(builder);
                    clause = builder;
                    continue;
                }

                KeepUnplaced(line, "Text before any group heading");
            }

            FlushFootnote();
            FlushAnnex();

            foreach (var g in _groups.Where(g => g.Clauses.Count == 0))
            {
                Report(ReadingDiagnostics.EmptyGroup, g.Span, g.Heading);
            }
        }

        private bool AcceptLabel(GroupBuilder? group, ClauseBuilder? clause, Match m, bool allowLabelOnly)
        {
            var label = m.Groups["label"].Value;
            var sep = m.Groups["sep"].Value;
            var text = m.Groups["text"].Value;
            if (text.Length == 0 && !allowLabelOnly)
            {
                return false;
            }

            if (label.EndsWith(")", StringComparison.Ordinal))
            {
                var key = label.Trim('(', ')');
                if (key.Length > 1 && Roman.Parse(key) < 0)
                {
                    return false;
                }

                // A letter or roman label: plausible in either part.
                return sep.IndexOf('\t') >= 0 || text.Length == 0 || char.IsLetter(text[0]) || text[0] == '"' || text[0] == '“' || char.IsDigit(text[0]);
            }

            // A number: with a tab it is a label; otherwise it must follow the sequence, so that wrapped text
            // starting with a number ("119 of the Convention") is not read as a clause.
            if (sep.IndexOf('\t') >= 0)
            {
                return true;
            }

            var parts = label.TrimEnd('.').Split('.');
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var top))
            {
                return false;
            }

            if (text.Length > 0 && !char.IsLetter(text[0]) && text[0] != '"' && text[0] != '“')
            {
                return false;
            }

            var lastTop = 0;
            if (group is not null)
            {
                foreach (var c in group.Clauses)
                {
                    if (int.TryParse(c.Key.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        lastTop = n;
                    }
                }
            }

            if (clause is not null && clause.Text.Length > 0 && !EndsWithPunctuation(clause.Text) && top != lastTop + 1)
            {
                return false;
            }

            return parts.Length == 1 ? top >= 1 && top <= lastTop + 3 : top == lastTop || top == lastTop + 1;
        }

        private void Attach(GroupBuilder group, ClauseBuilder builder)
        {
            var key = builder.Key;
            var label = builder.Label;
            var isRoman = label.EndsWith(")", StringComparison.Ordinal) && Roman.Parse(key) > 0;
            var isLetter = label.EndsWith(")", StringComparison.Ordinal) && key.Length == 1 && char.IsLetter(key[0]);

            // Dotted numbers nest under their prefix.
            var dot = key.LastIndexOf('.');
            if (dot > 0 && !label.EndsWith(")", StringComparison.Ordinal))
            {
                var parentKey = key.Substring(0, dot);
                var parent = FindLast(group.Clauses, c => c.Key == parentKey);
                if (parent is not null)
                {
                    builder.Parent = parent;
                    parent.Children.Add(builder);
                    return;
                }
            }

            if (isRoman || isLetter)
            {
                var last = group.Clauses.Count > 0 ? group.Clauses[group.Clauses.Count - 1] : null;
                var expectedLetter = group.Part == Part.Preamble && IsNextLetter(group.Clauses, key);
                var lastIsNumber = last is not null && last.Key.Length > 0 && char.IsDigit(last.Key[0]);
                var lastIsLetter = last is not null && last.Key.Length == 1 && char.IsLetter(last.Key[0]);
                if (last is not null && isRoman && !expectedLetter && (lastIsNumber || (lastIsLetter && key != NextLetter(last.Key))))
                {
                    // i), ii) under the last clause (or its deepest numbered sub-clause).
                    var parent = last;
                    while (parent.Children.Count > 0 && !parent.Children[parent.Children.Count - 1].Label.EndsWith(")", StringComparison.Ordinal))
                    {
                        parent = parent.Children[parent.Children.Count - 1];
                    }

                    builder.Parent = parent;
                    parent.Children.Add(builder);
                    return;
                }

                if (group.Part == Part.Operative && isLetter && last is not null && lastIsNumber)
                {
                    var parent = last;
                    while (parent.Children.Count > 0 && !parent.Children[parent.Children.Count - 1].Label.EndsWith(")", StringComparison.Ordinal))
                    {
                        parent = parent.Children[parent.Children.Count - 1];
                    }

                    builder.Parent = parent;
                    parent.Children.Add(builder);
                    return;
                }
            }

            group.Clauses.Add(builder);
        }

        private static ClauseBuilder? FindLast(List<ClauseBuilder> clauses, Func<ClauseBuilder, bool> predicate)
        {
            for (var i = clauses.Count - 1; i >= 0; i--)
            {
                if (predicate(clauses[i]))
                {
                    return clauses[i];
                }

                var inner = FindLast(clauses[i].Children, predicate);
                if (inner is not null)
                {
                    return inner;
                }
            }

            return null;
        }

        private static bool IsNextLetter(List<ClauseBuilder> clauses, string key)
        {
            var last = clauses.Count == 0 ? null : clauses[clauses.Count - 1].Key;
            return key.Length == 1 && (last is null ? key == "a" : last.Length == 1 && key == NextLetter(last));
        }

        private static string NextLetter(string key) => key.Length == 1 ? ((char)(key[0] + 1)).ToString() : string.Empty;

        private static void Append(ClauseBuilder clause, Line line, int index, string text)
        {
            clause.Segments.Add(new SourceSegment(clause.Text.Length, text.Length, line.Number, line.Column + index, line.Offset + index));
            clause.Text.Append(text);
            clause.Span = Cover(clause.Span, line.SpanAt(index, text.Length));
        }

        private void Continue(ClauseBuilder clause, Line line)
        {
            var current = clause.Text;
            if (current.Length == 0)
            {
                Append(clause, line, 0, line.Text);
                return;
            }

            var last = current[current.Length - 1];
            var beforeLast = current.Length > 1 ? current[current.Length - 2] : ' ';
            if (last == '-' && char.IsLetter(beforeLast) && line.Text.Length > 0 && char.IsLetter(line.Text[0]))
            {
                if (char.IsLower(line.Text[0]))
                {
                    // "coordi-" + "nation": the hyphen was the line break's.
                    var wordStart = current.Length - 2;
                    while (wordStart > 0 && char.IsLetter(current[wordStart - 1]))
                    {
                        wordStart--;
                    }

                    var firstPart = current.ToString(wordStart, current.Length - wordStart);
                    var secondPart = new string(line.Text.TakeWhile(char.IsLetter).ToArray());
                    current.Length--;
                    var seg = clause.Segments[clause.Segments.Count - 1];
                    clause.Segments[clause.Segments.Count - 1] = seg with { Length = seg.Length - 1 };
                    Report(ReadingDiagnostics.Hyphenation, line.SpanAt(0, secondPart.Length), firstPart + secondPart, firstPart.TrimEnd('-') + secondPart);
                }

                // "Secretary-" + "General": a real hyphen at the end of the line; join without a space.
                Append(clause, line, 0, line.Text);
                return;
            }

            current.Append(' ');
            Append(clause, line, 0, line.Text);
        }

        private static SourceSpan Cover(SourceSpan a, SourceSpan b)
        {
            var start = Math.Min(a.Offset, b.Offset);
            var end = Math.Max(a.Offset + a.Length, b.Offset + b.Length);
            var first = a.Offset <= b.Offset ? a : b;
            return new SourceSpan(first.Line, first.Column, start, end - start);
        }

        private void KeepUnplaced(Line line, string why)
        {
            _unplaced.Add(new Paragraph(line.Text) { Span = line.Span });
            var excerpt = line.Text.Length > 60 ? line.Text.Substring(0, 57) + "..." : line.Text;
            Report(ReadingDiagnostics.Unplaced, line.Span, why, excerpt);
        }

        private void CheckLabels()
        {
            foreach (var group in _groups)
            {
                CheckSequence(group, group.Clauses, null);
            }
        }

        private void CheckSequence(GroupBuilder group, List<ClauseBuilder> clauses, ClauseBuilder? parent)
        {
            var labelled = clauses.Where(c => c.Label.Length > 0).ToList();
            for (var i = 0; i < labelled.Count; i++)
            {
                var c = labelled[i];
                var expected = ExpectedLabel(group, c, parent, i);
                if (expected is not null && !string.Equals(expected, c.Key, StringComparison.Ordinal))
                {
                    Report(ReadingDiagnostics.LabelSequence, c.Span, $"The clause labelled \"{c.Label}\" in \"{group.Heading}\" was expected to be \"{expected}\"");
                }

                CheckSequence(group, c.Children, c);
            }
        }

        private static string? ExpectedLabel(GroupBuilder group, ClauseBuilder c, ClauseBuilder? parent, int index)
        {
            var key = c.Key;
            if (c.Label.EndsWith(")", StringComparison.Ordinal))
            {
                if (Roman.Parse(key) > 0 && (parent is not null || group.Part == Part.Operative) && !(key.Length == 1 && parent is null && group.Part == Part.Preamble))
                {
                    return Roman.Format(index + 1);
                }

                return index < 26 ? ((char)('a' + index)).ToString() : null;
            }

            if (char.IsDigit(key[0]))
            {
                var n = (index + 1).ToString(CultureInfo.InvariantCulture);
                return parent is null ? n : parent.Key + "." + n;
            }

            return null;
        }

        private void CheckFootnotes()
        {
            var markers = new HashSet<string>();
            foreach (var group in _groups)
            {
                foreach (var clause in Flatten(group.Clauses))
                {
                    foreach (var marker in Superscripts.FindMarkers(clause.Text.ToString()))
                    {
                        markers.Add(marker);
                        if (_footnotes.All(f => f.Marker != marker))
                        {
                            Report(ReadingDiagnostics.Footnote, clause.Span, $"The footnote marker {marker} has no footnote");
                        }
                    }
                }
            }

            foreach (var footnote in _footnotes.Where(f => !markers.Contains(f.Marker)))
            {
                Report(ReadingDiagnostics.Footnote, footnote.Span ?? new SourceSpan(1, 1, 0, 0), $"The footnote {footnote.Marker} is not referenced by any clause");
            }
        }

        private static IEnumerable<ClauseBuilder> Flatten(IEnumerable<ClauseBuilder> clauses) =>
            clauses.SelectMany(c => new[] { c }.Concat(Flatten(c.Children)));

        private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
            _diagnostics.Add(Diagnostic.Create(descriptor, new Location(_path, string.Empty, span), args));
    }
}
