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

namespace ResolutionKit.Reading.Text;

/// <summary>
/// Builds one instrument from its lines: title (and a revision wrapped onto the next line), subject, history,
/// notes, conference formula, then the groups with their clauses, footnotes (superscript, or plain digits after a
/// separator rule, including those a page break put in the middle of a clause), annexes, and what follows a unit
/// in a proposal ("Reasons:"). Every line ends up in the model or in a diagnostic.
/// </summary>
internal sealed class InstrumentBuilder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex FootnoteLine = new(@"^(?<marker>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}|\*{1,3}|\[\d{1,2}\]|\[\*\])(?:\s+|\t|(?=\p{Lu})|(?=\p{Lo}))(?<text>\S.*)$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex SuperscriptFootnote = new(@"^(?<marker>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?<text>\S.*)$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex TrailingHistory = new(@"^(?<subject>.*?\S)\s*(?<history>\((?:\d{4}(?:\s*-\s*\d{4})*\s*(?:年)?)\))\s*\d{0,2}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex UnitMark = new(@"^(?:(?:MOD|ADD|SUP|NOC)\b\s*(?:[A-Z]{1,6}/[0-9A-Z]{1,8}/\d{1,3})?|[A-Z]{1,6}/[0-9A-Z]{1,8}/\d{1,3})$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex BulletPrefix = new(@"^[•·▪■◦●\-–—]\s+", RegexOptions.CultureInvariant, Timeout);

    private readonly List<SourceLine> _lines;
    private readonly int _titleIndex;
    private readonly PhraseTable _table;
    private readonly string? _path;
    private readonly int _ordinal;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly List<GroupBuilder> _groups = new();
    private readonly List<Footnote> _footnotes = new();
    private readonly List<Annex> _annexes = new();
    private readonly List<Paragraph> _unplaced = new();
    private readonly HashSet<string> _plainFootnoteMarkers = new(StringComparer.Ordinal);
    private readonly bool _glueNumbers;

    /// <summary>Each line is a paragraph (a Word document): annex lines are not joined.</summary>
    public bool LinesAreParagraphs { get; init; }

    public InstrumentBuilder(List<SourceLine> lines, int titleIndex, PhraseTable table, string? path, int ordinal)
    {
        _lines = lines;
        _titleIndex = titleIndex;
        _table = table;
        _path = path;
        _ordinal = ordinal;
        _glueNumbers = !table.Spaced || table.Script == "Arabic";
    }

    public (Resolution Resolution, List<Diagnostic> Diagnostics) Build()
    {
        var index = 0;
        TitleInfo? title = null;
        string? titleLine = null;
        SourceSpan? titleSpan = null;
        var subject = new StringBuilder();
        var history = new List<Revision>();

        if (_titleIndex < 0)
        {
            var first = _lines.FirstOrDefault(l => !l.IsBlank);
            Report(ReadingDiagnostics.MissingTitle, first?.Span ?? new SourceSpan(1, 1, 0, 0), new InstrumentId(Body.Unknown, InstrumentKind.Resolution, IdentityFromPath()).Address);
        }
        else
        {
            KeepFrontMatter(0, _titleIndex);
            var line = _lines[_titleIndex];
            title = TitleParser.Match(line.Fold, _table)!;
            titleLine = line.Text.Substring(title.Start, title.End - title.Start).Trim();
            titleSpan = line.SpanAt(title.Start, title.End - title.Start);
            if (title.Start > 0)
            {
                KeepUnplaced(line.Slice(0, title.Start), "Text glued before the title line");
            }

            if (title.Subject is not null)
            {
                subject.Append(line.Text.Substring(title.SubjectStart, Math.Min(title.SubjectLength, line.Text.Length - title.SubjectStart)).Trim());
            }

            index = _titleIndex + 1;

            // A revision wrapped onto the line after the title: "RESOLUTION 191" / "(REV. BUCHAREST, 2022)".
            var next = NextNonBlank(index);
            if (!title.HasRevision && next >= 0 && IsParenthesized(_lines[next].Fold) && RevisionParser.ParseHistory(_lines[next].Fold) is { Count: 1 } wrapped && subject.Length == 0)
            {
                title.Revision = wrapped[0];
                titleLine += " " + _lines[next].Text;
                titleSpan = Cover(titleSpan, _lines[next].Span);
                index = next + 1;
            }
        }

        // Subject, history and notes, up to the formula or the first group.
        string? historyLine = null;
        string? formula = null;
        Body? formulaBody = null;
        while (index < _lines.Count && _titleIndex >= 0)
        {
            var line = _lines[index];
            if (line.IsBlank)
            {
                index++;
                continue;
            }

            var f = line.Fold;
            var glue = GluedAfterParenthesis(f);
            if (glue > 0 && RevisionParser.ParseHistory(f.Substring(0, glue)) is not null)
            {
                // A history glued to what follows it ("(…, 2022 г.)Полномочная конференция …"): two lines.
                _lines.Insert(index + 1, line.Slice(glue));
                line = line.Slice(0, glue);
                _lines[index] = line;
                f = line.Fold;
            }

            if (IsParenthesized(f))
            {
                var (joined, writtenHistory, consumed) = JoinParenthesized(index);
                var parsed = RevisionParser.ParseHistory(joined);
                if (parsed is not null)
                {
                    history.AddRange(parsed);
                    historyLine = historyLine is null ? writtenHistory : historyLine + " " + writtenHistory;
                    index += consumed;
                    continue;
                }

                if (f.TrimEnd().EndsWith(")", StringComparison.Ordinal))
                {
                    // "(adopted at the seventh Plenary Meeting)", "(see also ...)": a note, kept as written.
                    _unplaced.Add(new Paragraph(line.Text) { Span = line.Span });
                    Report(ReadingDiagnostics.Note, line.Span, Excerpt(line.Text));
                    index++;
                    continue;
                }
            }

            var bodyAt = _table.IndexOfBody(f);
            if (bodyAt >= 0 && LooksLikeFormulaStart(f, bodyAt))
            {
                if (bodyAt > 0 && subject.Length > 0 && !IsArticleBefore(f, bodyAt))
                {
                    // The subject glued to the formula: "...networksThe World Conference ...".
                    AppendSubject(subject, line.Text.Substring(0, bodyAt));
                    line = line.Slice(bodyAt);
                    _lines[index] = line;
                }

                (formula, formulaBody, index) = ReadFormula(index);
                _formulaSeen = true;
                break;
            }

            if (StartsBody(line) || IsTrailer(f))
            {
                break;
            }

            if (history.Count > 0)
            {
                KeepUnplaced(line, "Text between the history line and the conference formula");
                index++;
                continue;
            }

            // The history glued to the end of the last subject line: "Radiocommunication Advisory Group (1993-2000-2007)".
            var glued = f.Length > 8 && f.IndexOf('(') > 0 && (f[f.Length - 1] == ')' || char.IsDigit(f[f.Length - 1])) ? TrailingHistory.Match(f) : Match.Empty;
            if (glued.Success && RevisionParser.ParseHistory(glued.Groups["history"].Value) is { } tail)
            {
                AppendSubject(subject, line.Text.Substring(0, glued.Groups["subject"].Length));
                history.AddRange(tail);
                historyLine = line.Text.Substring(glued.Groups["history"].Index, glued.Groups["history"].Length);
                index++;
                continue;
            }

            AppendSubject(subject, line.Text);
            index++;
        }

        // The body: from the formula (or the title, or the start) on.
        var body = formulaBody;
        if (body is null && title?.Body is not null)
        {
            body = title.Body;
        }

        if (formula is null && _titleIndex >= 0)
        {
            Report(ReadingDiagnostics.MissingFormula, titleSpan!, body is null ? "unknown" : "taken from the title line (" + body.Code + ")");
        }

        if (title is not null && body is null && history.Count > 0)
        {
            body = history.Select(h => h.Place.Length > 0 ? Conferences.BodyOf(h.Place, h.Year) : null).LastOrDefault(b => b is not null);
        }

        ParseBody(_titleIndex < 0 ? 0 : index);
        FinishFootnotes();
        CheckLabels();
        CheckFootnotes();

        if (title is not null && history.Count == 0 && title.History.Count > 1)
        {
            // A Council title gives the adoption and the last amendment: "(C-1985, last amended C19)".
            history.AddRange(title.History);
        }

        var revision = title?.Revision;
        if (revision is not null && revision.Year == 0 && history.Count > 0)
        {
            // RA: the title gives the revision number, the history its year.
            revision = revision with { Year = history[history.Count - 1].Year };
        }

        if (revision is not null && history.Count > 0 && !history.Any(h => h.SameMeeting(revision)) && history[history.Count - 1].Year == revision.Year && revision.Edition is null)
        {
            // keep history as written
        }

        var groups = _groups.Select(g => g.Build()).ToList();
        var id = title is null
            ? new InstrumentId(Body.Unknown, InstrumentKind.Resolution, IdentityFromPath())
            : new InstrumentId(body ?? Body.Unknown, title.Kind, title.Number);
        if (title is not null && body is null)
        {
            Report(ReadingDiagnostics.UnknownBody, titleSpan!, id.Kind + " " + id.Number);
        }

        var resolution = new Resolution(id, revision, subject.ToString(), _table.Language)
        {
            TitleLine = titleLine,
            History = history.ToEquatableArray(),
            // Kept only where it says more than the derived line would (another language, another form).
            HistoryLine = historyLine is not null && historyLine != "(" + string.Join("; ", history.Select(h => h.ToString())) + ")" ? historyLine : null,
            ConferenceFormula = formula,
            Preamble = groups.Where(g => g.Part == Part.Preamble).ToEquatableArray(),
            Operative = groups.Where(g => g.Part == Part.Operative).ToEquatableArray(),
            Footnotes = _footnotes.ToEquatableArray(),
            Annexes = _annexes.ToEquatableArray(),
            Unplaced = _unplaced.ToEquatableArray(),
            Span = titleSpan,
            SourcePath = _path,
        };

        if (_groups.Any(g => g.Part == Part.Operative) && _groups.Any(g => g.Part == Part.Preamble))
        {
            var firstOperative = _groups.FindIndex(g => g.Part == Part.Operative);
            foreach (var late in _groups.Skip(firstOperative).Where(g => g.Part == Part.Preamble))
            {
                Report(ReadingDiagnostics.LabelSequence, late.Span, $"The preambular group \"{late.Heading}\" follows the operative part; it is kept in the preamble");
            }
        }

        return (resolution, _diagnostics);
    }

    // ----- Identity -----

    private string IdentityFromPath()
    {
        var stem = _path is null ? "text" : Path.GetFileNameWithoutExtension(_path);
        if (stem.EndsWith(".resolution", StringComparison.OrdinalIgnoreCase))
        {
            stem = stem.Substring(0, stem.Length - ".resolution".Length);
        }

        var sb = new StringBuilder();
        foreach (var c in stem)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        var name = sb.ToString().Trim('_');
        if (name.Length == 0)
        {
            name = "text";
        }

        return "[" + name + (_ordinal > 0 ? "_" + (_ordinal + 1).ToString(CultureInfo.InvariantCulture) : string.Empty) + "]";
    }

    // ----- Front matter, subject, formula -----

    private void KeepFrontMatter(int from, int to)
    {
        var lines = _lines.Skip(from).Take(to - from).Where(l => !l.IsBlank).ToList();

        // A proposal's unit mark and identifier ("MOD", "ADD IAP/34A1/2", "SEN/56/1") belong to the title below them: kept, noted.
        while (lines.Count > 0 && UnitMark.IsMatch(lines[lines.Count - 1].Fold))
        {
            var mark = lines[lines.Count - 1];
            _unplaced.Add(new Paragraph(mark.Text) { Span = mark.Span });
            Report(ReadingDiagnostics.Note, mark.Span, Excerpt(mark.Text));
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            return;
        }

        foreach (var line in lines)
        {
            _unplaced.Add(new Paragraph(line.Text) { Span = line.Span });
        }

        var what = lines.Count == 1 ? "One line before the title line is kept as front matter" : $"{lines.Count} lines before the title line are kept as front matter";
        Report(ReadingDiagnostics.Unplaced, lines[0].Span, what, Excerpt(lines[0].Text));
    }

    private static void AppendSubject(StringBuilder subject, string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (subject.Length > 0 && NeedsSpace(subject[subject.Length - 1], text[0]))
        {
            subject.Append(' ');
        }

        subject.Append(text);
    }

    private bool LooksLikeFormulaStart(string fold, int bodyAt)
    {
        if (fold.Length > 400 || LabelMatcher.At(fold, 0, false) is { Key.Length: > 0 } && bodyAt > 3)
        {
            return false;
        }

        // The formula opens with the body's name, an article before it ("The", "La", "El", "إن"), or follows a subject it was glued to.
        if (bodyAt == 0)
        {
            return true;
        }

        if (IsArticleBefore(fold, bodyAt))
        {
            return true;
        }

        // Glued to the subject: the body name starts a capitalized word right after a letter.
        var after = fold.Substring(bodyAt);
        return char.IsLetter(fold[bodyAt - 1]) && char.IsUpper(fold[bodyAt]) && Regex.IsMatch(after, @"[,:]\s*$", RegexOptions.None, Timeout);
    }

    private static bool IsArticleBefore(string fold, int bodyAt)
    {
        // "The", "La", "El", "L'", "إن", "The ITU", "The ITU-": at most two short words, the first capitalized.
        var head = fold.Substring(0, bodyAt).Trim().TrimEnd('-');
        if (head.Length == 0 || head.Length > 9)
        {
            return false;
        }

        var words = head.Split(' ');
        return words.Length <= 2 && !char.IsLower(head[0]) && head.All(c => char.IsLetter(c) || c == ' ' || c == '\'' || c == '’' || c == '-');
    }

    private (string Formula, Body? Body, int Next) ReadFormula(int index)
    {
        var line = _lines[index];
        var sb = new StringBuilder(line.Text);
        var body = _table.MatchBody(line.Fold);
        var next = index + 1;
        var split = FormulaEnd(line.Fold);
        if (split > 0 && split < line.Length)
        {
            // Text glued after the formula ("理事会,考虑到"): it is the next line.
            sb.Length = split;
            _lines.Insert(index + 1, line.Slice(split));
            return (sb.ToString().Trim(), body, index + 1);
        }

        while (!EndsFormula(sb.ToString()) && next < _lines.Count && !_lines[next].IsBlank && sb.Length < 400)
        {
            var nextLine = _lines[next];
            if (StartsBody(nextLine))
            {
                break;
            }

            if (NeedsSpace(sb[sb.Length - 1], nextLine.Text[0]))
            {
                sb.Append(' ');
            }

            sb.Append(nextLine.Text);
            next++;
            body ??= _table.MatchBody(sb.ToString());
        }

        return (sb.ToString(), body ?? _table.MatchBody(sb.ToString()), next);
    }

    /// <summary>Where a formula ends within a line that goes on after it (the comma after its parenthesis), or -1.</summary>
    private int FormulaEnd(string fold)
    {
        var bodyAt = _table.IndexOfBody(fold);
        if (bodyAt < 0)
        {
            return -1;
        }

        var open = fold.IndexOf('(', bodyAt);
        var firstComma = IndexOfAny(fold, bodyAt);
        int comma;
        if (open >= 0 && (firstComma < 0 || open < firstComma))
        {
            var close = fold.IndexOf(')', open);
            if (close < 0)
            {
                return -1;
            }

            comma = IndexOfAny(fold, close);
            if (comma < 0 || comma - close > 2)
            {
                return -1;
            }
        }
        else
        {
            comma = firstComma;
        }

        if (comma < 0)
        {
            return -1;
        }

        var rest = fold.Substring(comma + 1).Trim();
        return rest.Length == 0 ? -1 : comma + 1;
    }

    private static int IndexOfAny(string fold, int from)
    {
        for (var i = from; i < fold.Length; i++)
        {
            if (fold[i] == ',' || fold[i] == ':')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool EndsFormula(string text)
    {
        var t = Normalizer.Fold(text).TrimEnd();
        return (t.EndsWith(",", StringComparison.Ordinal) || t.EndsWith(":", StringComparison.Ordinal)) && Balance(t) <= 0;
    }

    private (string Text, string Written, int Consumed) JoinParenthesized(int index)
    {
        var sb = new StringBuilder(_lines[index].Fold);
        var written = new StringBuilder(_lines[index].Text);
        var consumed = 1;
        var k = index + 1;
        void Add(SourceLine line, bool space)
        {
            sb.Append(space ? " " : string.Empty).Append(line.Fold);
            written.Append(space ? " " : string.Empty).Append(line.Text);
        }

        while (Balance(sb.ToString()) > 0 && k < _lines.Count && !_lines[k].IsBlank && consumed < 4)
        {
            Add(_lines[k], NeedsSpace(sb[sb.Length - 1], _lines[k].Fold[0]));
            k++;
            consumed++;
        }

        // "(Antalya, 2006)" on one line, "(Rev. Guadalajara, 2010)" on the next: one history.
        while (k < _lines.Count && !_lines[k].IsBlank && IsParenthesized(_lines[k].Fold) && RevisionParser.ParseHistory(sb.ToString()) is not null && RevisionParser.ParseHistory(_lines[k].Fold) is not null)
        {
            Add(_lines[k], true);
            k++;
            consumed++;
        }

        // A footnote digit glued after the closing parenthesis: "(Dubai, 2012)1".
        var text = Regex.Replace(sb.ToString(), @"\)\s*\d{1,2}$", ")", RegexOptions.None, Timeout);
        return (text, written.ToString(), consumed);
    }

    /// <summary>Where text starts right after a balanced parenthesis that opens the line, or 0.</summary>
    private static int GluedAfterParenthesis(string fold)
    {
        if (!fold.StartsWith("(", StringComparison.Ordinal))
        {
            return 0;
        }

        var depth = 0;
        for (var i = 0; i < fold.Length; i++)
        {
            if (fold[i] == '(')
            {
                depth++;
            }
            else if (fold[i] == ')')
            {
                depth--;
                if (depth == 0)
                {
                    var rest = fold.Substring(i + 1).TrimStart();
                    return rest.Length > 0 && char.IsLetter(rest[0]) ? i + 1 : 0;
                }
            }
        }

        return 0;
    }

    private static int Balance(string text) => text.Count(c => c == '(') - text.Count(c => c == ')');

    private static bool IsParenthesized(string fold)
    {
        if (fold.Length == 0 || fold[0] != '(')
        {
            return false;
        }

        // "(...)", "(...)1" (a footnote digit glued after it), or "(..." still open (wrapped onto the next line).
        var end = fold.Length - 1;
        while (end > 0 && fold[end] == ' ')
        {
            end--;
        }

        var digits = 0;
        while (end > 0 && char.IsDigit(fold[end]) && digits < 2)
        {
            end--;
            digits++;
        }

        while (end > 0 && fold[end] == ' ')
        {
            end--;
        }

        return fold[end] == ')' || Balance(fold) > 0;
    }

    private bool StartsBody(SourceLine line)
    {
        var f = StripBullet(line.Fold);
        if (!_table.StartsHeadingAt(f, 0))
        {
            return LabelStartsBody(f) || IsAnnexHeading(line.Text, _table);
        }

        var stripped = StripHeadingPunctuation(f);
        var heading = _table.MatchHeading(stripped);
        if (heading is not null && (heading.Length >= stripped.Length || (heading.Part == Part.Operative && heading.Complete)) && !EndsClause(f))
        {
            return true;
        }

        var prefix = _table.MatchHeadingPrefix(f);
        if (prefix is not null && prefix.Length < f.Length && LabelMatcher.At(f, SkipSpacesAndCommas(f, prefix.Length), _glueNumbers) is { } l && (l.Key == "a" || l.Key == "1"))
        {
            return true;
        }

        return LabelStartsBody(f) || IsAnnexHeading(line.Text, _table);
    }

    private bool LabelStartsBody(string f)
    {
        var label = LabelMatcher.At(f, 0, _glueNumbers);
        return label is not null && (label.Key == "a" || label.Key == "1") && label.Kind != LabelKind.Roman && !label.AtEnd(f);
    }

    private static int SkipSpacesAndCommas(string f, int i)
    {
        while (i < f.Length && (f[i] == ' ' || f[i] == ','))
        {
            i++;
        }

        return i;
    }

    // ----- The body -----

    private sealed class ClauseBuilder
    {
        public ClauseBuilder(string label, SourceSpan span)
        {
            Label = label;
            Span = span;
        }

        public string Label { get; }

        public string Key => Labels.Key(Label);

        public SourceSpan Span { get; set; }

        public StringBuilder Text { get; } = new();

        public List<SourceSegment> Segments { get; } = new();

        public List<ClauseBuilder> Children { get; } = new();

        public ClauseBuilder? Parent { get; set; }

        public Clause Build()
        {
            var children = Children.Select(c => c.Build()).ToEquatableArray();
            return new Clause(Label, Text.ToString(), children)
            {
                Span = Span,
                TextMap = new SourceMap(Segments.ToEquatableArray()),
            };
        }
    }

    private sealed class GroupBuilder
    {
        public GroupBuilder(Part part, string heading, string kind, IReadOnlyList<Actor> actors, IReadOnlyList<Mandate> mandates, SourceSpan span)
        {
            Part = part;
            Heading = heading;
            Kind = kind;
            Actors = actors;
            Mandates = mandates;
            Span = span;
        }

        public Part Part { get; }

        public string Heading { get; }

        public string Kind { get; }

        public IReadOnlyList<Actor> Actors { get; }

        public IReadOnlyList<Mandate> Mandates { get; }

        public SourceSpan Span { get; }

        public List<ClauseBuilder> Clauses { get; } = new();

        public Group Build() => new(Part, Heading, Kind, Actors.ToEquatableArray(), Clauses.Select(c => c.Build()).ToEquatableArray())
        {
            Span = Span,
            Mandates = Mandates.ToEquatableArray(),
        };
    }

    private void ParseBody(int index)
    {
        GroupBuilder? group = null;
        ClauseBuilder? clause = null;
        ClauseBuilder? interrupted = null;
        Footnote? footnote = null;
        var footnoteText = new StringBuilder();
        SourceSpan? footnoteSpan = null;
        var inFootnoteBlock = false;
        Annex? annex = null;
        var annexParagraphs = new List<Paragraph>();
        var paragraph = new StringBuilder();
        SourceSpan? paragraphSpan = null;
        var blankSince = true;
        var trailer = false;
        var ended = false;
        var afterEnd = false;
        SourceLine? pendingLabel = null;

        void FlushFootnote()
        {
            if (footnote is not null)
            {
                _footnotes.Add(footnote with { Text = footnoteText.ToString(), Span = footnoteSpan });
                footnote = null;
                footnoteText.Clear();
            }
        }

        void EndFootnoteBlock()
        {
            FlushFootnote();
            if (inFootnoteBlock)
            {
                inFootnoteBlock = false;
                clause = interrupted;
                interrupted = null;
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
            if (line.PageBreakBefore && inFootnoteBlock)
            {
                EndFootnoteBlock();
            }

            var text = line.Text;
            var fold = line.Fold;

            if (trailer)
            {
                _unplaced.Add(new Paragraph(text) { Span = line.Span });
                continue;
            }

            if (IsTrailer(fold))
            {
                EndFootnoteBlock();
                FlushAnnex();
                trailer = true;
                _unplaced.Add(new Paragraph(text) { Span = line.Span });
                Report(ReadingDiagnostics.Note, line.Span, Excerpt(text));
                continue;
            }

            if (Furniture.IsSeparator(fold))
            {
                // A rule above footnotes: not text; reported where it was, for tools.
                _diagnostics.Add(Diagnostic.Create(ReadingDiagnostics.PageFurniture, new Location(_path, string.Empty, line.Span), "a footnote separator rule", Excerpt(text), "line " + line.Number.ToString(CultureInfo.InvariantCulture)) with { Severity = DiagnosticSeverity.Hidden });
                FlushFootnote();
                if (!inFootnoteBlock)
                {
                    interrupted = clause;
                }

                inFootnoteBlock = true;
                clause = null;
                continue;
            }

            // Annexes run to the next annex or the end.
            if (IsAnnexHeading(text, _table))
            {
                EndFootnoteBlock();
                FlushAnnex();
                clause = null;
                var heading = line;
                string? annexTitle = null;
                var next = NextNonBlank(index + 1);

                // "第191号决议（…）的" / "附件": a heading wrapped before its annex word.
                if (next >= 0 && !_table.Spaced && _table.AnnexWords.Any(w => _lines[next].Fold.Trim() == w))
                {
                    annex = new Annex(text + _lines[next].Text, null, EquatableArray<Paragraph>.Empty) { Span = Cover(line.Span, _lines[next].Span) };
                    index = next;
                    next = NextNonBlank(index + 1);
                }

                if (next >= 0 && _lines[next].Length < 200 && !EndsClause(_lines[next].Fold) && !IsAnnexHeading(_lines[next].Text, _table) && !IsTrailer(_lines[next].Fold))
                {
                    annexTitle = _lines[next].Text;
                }

                annex = annex is null ? new Annex(heading.Text, annexTitle, EquatableArray<Paragraph>.Empty) { Span = heading.Span } : annex with { Title = annexTitle };
                if (annexTitle is not null)
                {
                    index = next;
                }

                continue;
            }

            if (annex is not null)
            {
                if (LinesAreParagraphs)
                {
                    FlushParagraph();
                }

                if (paragraph.Length == 0)
                {
                    paragraphSpan = line.Span;
                }
                else if (NeedsSpace(paragraph[paragraph.Length - 1], text[0]))
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(text);
                continue;
            }

            // Footnotes: a superscript marker anywhere; plain digits after a separator rule or where a marker was glued.
            var fm = IsSuperscriptDigit(fold[0]) ? SuperscriptFootnote.Match(fold) : Match.Empty;
            if (!fm.Success && (inFootnoteBlock || ended) && (char.IsDigit(fold[0]) || fold[0] == '*' || fold[0] == '['))
            {
                fm = FootnoteLine.Match(fold);
                if (fm.Success && !inFootnoteBlock && !GluedMarkerExists(fm.Groups["marker"].Value))
                {
                    fm = Match.Empty;
                }
            }

            if (fm.Success && fm.Groups["text"].Value.Length > 0 && !(inFootnoteBlock == false && LooksLikeNextLabel(group, clause, fold)))
            {
                FlushFootnote();
                if (!inFootnoteBlock && clause is not null)
                {
                    clause = null;
                }

                var marker = fm.Groups["marker"].Value;
                var plain = Superscripts.ToPlain(marker);
                if (plain.Length == 0)
                {
                    plain = marker.Trim('[', ']');
                    _plainFootnoteMarkers.Add(plain);
                }

                footnote = new Footnote(plain, string.Empty);
                var textStart = fm.Groups["text"].Index;
                footnoteText.Append(text.Substring(textStart));
                footnoteSpan = line.Span;
                continue;
            }

            if (footnote is not null)
            {
                var starts = StartsBody(line);
                if (inFootnoteBlock && !starts || (!inFootnoteBlock && !starts && !wasBlank))
                {
                    if (NeedsSpace(footnoteText.Length > 0 ? footnoteText[footnoteText.Length - 1] : ' ', text[0]))
                    {
                        footnoteText.Append(' ');
                    }

                    footnoteText.Append(text);
                    continue;
                }

                EndFootnoteBlock();
            }
            else if (inFootnoteBlock)
            {
                // A separator with no footnote after it: the page went on.
                EndFootnoteBlock();
            }

            // A bullet a web page puts before list items ("• considering", "• a) that", "• that ...") is markup, not text;
            // a dash before a heading or a label too ("- recalling"), while a dash before text is the text's own list item
            // (a number glued to a word after a dash, "- 2i", is text: nothing tells it from a label that lost its tab; and
            // "- 12 -" is a page number's shape, not a bullet and a label).
            var bullet = IsBulletChar(fold[0]) ? BulletPrefix.Match(fold) : Match.Empty;
            if (bullet.Success)
            {
                var rest = line.Slice(bullet.Length);
                var webBullet = "•·▪■◦●".IndexOf(fold[0]) >= 0;
                if (webBullet || IsHeadingLine(rest.Fold) || LabelMatcher.At(rest.Fold, 0, _glueNumbers) is { Glued: false } restLabel && !restLabel.AtEnd(rest.Fold) && rest.Fold[restLabel.TextStart] is not ('-' or '–' or '—'))
                {
                    line = rest;
                    text = line.Text;
                    fold = line.Fold;
                }
            }

            // After the operative part has ended: a web page's navigation is furniture, other text is kept apart.
            if (ended && group is not null && IsChrome(fold))
            {
                _diagnostics.Add(Diagnostic.Create(ReadingDiagnostics.PageFurniture, new Location(_path, string.Empty, line.Span), "a web page's navigation line", Excerpt(text), "line " + line.Number.ToString(CultureInfo.InvariantCulture)));
                afterEnd = true;
                continue;
            }


            // A page number glued before a heading or the next label ("3 поручает Директорам трех Бюро", "17 b) что"):
            // page furniture, reported; the rest of the line is read.
            var glued = GluedPageNumber(line, group);
            if (glued is not null)
            {
                Report(ReadingDiagnostics.PageFurniture, line.SpanAt(0, glued.Value), "a page number glued to the line after it", line.Text.Substring(0, glued.Value).Trim(), "line " + line.Number.ToString(CultureInfo.InvariantCulture));
                line = line.Slice(glued.Value);
                line.PageBreakBefore = true;
                text = line.Text;
                fold = line.Fold;
            }

            var previousEnded = clause is null || clause.Text.Length == 0 || EndsClause(clause.Text);
            if (previousEnded || wasBlank || line.PageBreakBefore)
            {
                var heading = ClassifyHeading(line, !wasBlank && clause is not null);
                if (heading is not null)
                {
                    if (heading.Value.After is { } rest)
                    {
                        // A heading glued to its first label: the label starts the next line.
                        _lines.Insert(index + 1, rest);
                    }

                    var made = heading.Value.Group;
                    if (heading.Value.After is null && WrappedHeading(made, line, index) is { } whole)
                    {
                        // "… charge le Directeur du Bureau de développement des" / "télécommunications": one heading.
                        made = whole;
                        index++;
                    }

                    _groups.Add(made);
                    group = made;
                    clause = null;
                    pendingLabel = null;
                    ended = false;
                    continue;
                }
            }

            var label = LabelMatcher.At(fold, 0, _glueNumbers);
            if (label is not null && AcceptLabel(group, clause, label, pendingLabel is null, fold))
            {
                if (group is null && (label.Key == "a" || label.Key == "1"))
                {
                    group = UnnamedGroup(line);
                }

                // The canonical layout (label, tab, text) has one clause a line: only copies run clauses together.
                var inline = group is null || label.Tab ? -1 : InlineLabel(fold, label.TextStart, NextKey(group, label.Key));
                if (inline > 0)
                {
                    // "a) что …; b) что …" on one line: the next label starts the next line.
                    _lines.Insert(index + 1, line.Slice(inline));
                    line = line.Slice(0, inline);
                    fold = line.Fold;
                }

                var builder = new ClauseBuilder(label.Label, line.SpanAt(0, Math.Max(1, label.TextStart)));
                if (!label.AtEnd(fold))
                {
                    Append(builder, line.Slice(label.TextStart));
                }

                if (group is null)
                {
                    KeepUnplaced(line, "A labelled clause appears before any group heading");
                    clause = null;
                    continue;
                }

                Attach(group, builder, label);
                clause = builder;
                pendingLabel = label.AtEnd(fold) ? line : null;
                ended = EndsFinally(builder.Text);
                continue;
            }

            // Plain text: continues the clause above, or opens the group's unlabelled clause. Without a blank line
            // in between, a plain line always continues (copies wrap anywhere); after a blank line it continues only
            // a clause that has not ended.
            if (afterEnd)
            {
                KeepUnplaced(line, "Text after the end of the operative part");
                continue;
            }

            // In a group whose heading the copy lost, the labels are usually lost too: a line that opens with a capital
            // after a clause that ended with a semicolon opens the next clause.
            var unnamedBreak = group is not null && group.Heading.Length == 0 && clause is not null && clause.Label.Length == 0
                && clause.Text.Length > 0 && Normalizer.FoldChar(clause.Text[clause.Text.Length - 1]) == ';' && char.IsUpper(text[0]);
            if (clause is not null && !unnamedBreak && (pendingLabel is not null || !wasBlank || !EndsClause(clause.Text)))
            {
                var next = group is null ? null : NextKey(group, LastKey(group));
                var inline = next is null ? -1 : InlineLabel(fold, 0, next);
                if (inline > 0)
                {
                    _lines.Insert(index + 1, line.Slice(inline));
                    line = line.Slice(0, inline);
                }

                Continue(clause, line);
                pendingLabel = null;
                ended = EndsFinally(clause.Text);
                continue;
            }

            if (group is null && _formulaSeen && !EndsFinally(new StringBuilder(fold)))
            {
                group = UnnamedGroup(line);
            }

            if (group is not null && !(ended && wasBlank && group.Part == Part.Operative))
            {
                var builder = new ClauseBuilder(string.Empty, line.Span);
                Append(builder, line);
                if (group.Clauses.Any(c => c.Label.Length > 0))
                {
                    Report(ReadingDiagnostics.LabelSequence, line.Span, "A clause without a label follows labelled clauses in \"" + group.Heading + "\"; it is kept as an unlabelled clause");
                }

                group.Clauses.Add(builder);
                clause = builder;
                ended = EndsFinally(builder.Text);
                continue;
            }

            afterEnd = group is not null;
            KeepUnplaced(line, group is null ? "Text before any group heading" : "Text after the end of the operative part");
        }

        FlushFootnote();
        FlushAnnex();

        foreach (var g in _groups.Where(g => g.Clauses.Count == 0))
        {
            Report(ReadingDiagnostics.EmptyGroup, g.Span, g.Heading);
        }
    }

    private bool _formulaSeen;

    /// <summary>
    /// A group whose heading the copy lost (web pages drop the italic headings): created when clauses follow the
    /// conference formula with no heading before them, reported, and addressed as <c>.../preamble</c>.
    /// </summary>
    private GroupBuilder? UnnamedGroup(SourceLine line)
    {
        if (!_formulaSeen || _groups.Count > 0)
        {
            return null;
        }

        var group = new GroupBuilder(Part.Preamble, string.Empty, "preamble", Array.Empty<Actor>(), Array.Empty<Mandate>(), line.SpanAt(0, 0));
        _groups.Add(group);
        Report(ReadingDiagnostics.MissingHeading, line.SpanAt(0, Math.Min(line.Length, 20)));
        return group;
    }

    private static string? LastKey(GroupBuilder group)
    {
        for (var i = group.Clauses.Count - 1; i >= 0; i--)
        {
            if (group.Clauses[i].Key.Length > 0)
            {
                return group.Clauses[i].Key;
            }
        }

        return null;
    }

    /// <summary>The key of the label after <paramref name="key"/> at the top level of a group (b after a, 3 after 2).</summary>
    private static string? NextKey(GroupBuilder group, string? key)
    {
        if (key is null || key.Length == 0)
        {
            return null;
        }

        var top = Labels.TopNumber(key);
        if (top > 0)
        {
            return (top + 1).ToString(CultureInfo.InvariantCulture);
        }

        var rank = Labels.RankOfKey(key);
        return rank >= 0 && rank < 25 && !(Labels.IsRoman(key) && key != "i") ? ((char)('a' + rank + 1)).ToString() : null;
    }

    /// <summary>
    /// Where the next label of the group starts inside a line ("…; b) что …"), after a clause-ending mark and a space,
    /// or -1. Only the label the sequence expects next counts, and only when the text before it has not opened an
    /// enumeration of its own ("…: a) …; b) …" belongs to its clause).
    /// </summary>
    private int InlineLabel(string fold, int from, string? expected)
    {
        if (expected is null || fold.Length - from < 6)
        {
            return -1;
        }

        for (var i = from + 1; i < fold.Length - 2; i++)
        {
            var c = fold[i];
            if (c != ';' && c != ',' && c != '.')
            {
                continue;
            }

            var q = i + 1;
            while (q < fold.Length && fold[q] == ' ')
            {
                q++;
            }

            if (q == i + 1 && _table.Spaced)
            {
                continue;
            }

            var token = LabelMatcher.At(fold, q, _glueNumbers);
            if (token is null || token.Key != expected || token.AtEnd(fold) || (token.Kind == LabelKind.Number && (c != ';' || !char.IsLetter(fold[token.TextStart]))))
            {
                continue;
            }

            if (fold.LastIndexOf(':', i) >= from)
            {
                return -1;
            }

            return q;
        }

        return -1;
    }

    /// <summary>The length of a page number glued before a heading or before the label that comes next, or null.</summary>
    private int? GluedPageNumber(SourceLine line, GroupBuilder? group)
    {
        var fold = line.Fold;
        var i = 0;
        while (i < fold.Length && i < 4 && char.IsDigit(fold[i]))
        {
            i++;
        }

        if (i == 0 || i >= fold.Length || fold[i] != ' ')
        {
            return null;
        }

        var rest = fold.Substring(i).TrimStart();
        var restStart = fold.Length - rest.Length;

        // "1 通过本决议附件所载的…；": the number the group expects next, before text that ends like a clause, is its label.
        var number = fold.Substring(0, i);
        var endsLikeClause = rest.TrimEnd().EndsWith(";", StringComparison.Ordinal) || rest.TrimEnd().EndsWith(".", StringComparison.Ordinal);
        if (group is not null && endsLikeClause && number == NextKey(group, LastKey(group)))
        {
            return null;
        }

        if (IsHeadingLine(rest) && !endsLikeClause)
        {
            return restStart;
        }

        if (group is not null && LabelMatcher.At(rest, 0, _glueNumbers) is { } label && label.Kind != LabelKind.Number && label.Key == NextKey(group, LastKey(group)))
        {
            return restStart;
        }

        return null;
    }

    /// <summary>A clause that ends the operative part ends with a full stop.</summary>
    private static bool EndsFinally(StringBuilder text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var c = Normalizer.FoldChar(text[text.Length - 1]);
        return c == '.';
    }

    private bool IsChrome(string fold)
    {
        var start = 0;
        while (start < fold.Length && !char.IsLetter(fold[start]))
        {
            start++;
        }

        return fold.Length <= 100 && _table.ChromeWords.Any(w => _table.MatchAt(fold, start, w) > 0);
    }

    private bool IsTrailer(string fold)
    {
        foreach (var word in _table.TrailerWords)
        {
            if (_table.MatchAt(fold, 0, word) > 0 || fold.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A footnote number glued to the word before it ("membership1,", "发展中国家1，"); in Chinese also between two
    /// characters ("发展中国家1以及"), but not in a number of the text ("第1号", "3个", "2022年").
    /// </summary>
    private static Regex GluedMarkerPattern(string marker) => GluedMarkerPatterns.GetOrAdd(marker, m => new Regex(
        @"(?<=[\p{Ll}\p{Lo})”""])(?<!第)" + Regex.Escape(m) + @"(?=[\s,.;:)，。；：]|$|(?<=[\u4E00-\u9FFF]\d+)(?![号个年月日条款项次届名种类点段])[\u4E00-\u9FFF])",
        RegexOptions.CultureInvariant,
        Timeout));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> GluedMarkerPatterns = new(StringComparer.Ordinal);

    private bool GluedMarkerExists(string marker)
    {
        if (marker.Length == 0 || !char.IsDigit(marker[0]))
        {
            return marker.StartsWith("*", StringComparison.Ordinal) || marker.StartsWith("[", StringComparison.Ordinal);
        }

        var pattern = GluedMarkerPattern(marker);
        foreach (var g in _groups)
        {
            foreach (var c in Flatten(g.Clauses))
            {
                if (pattern.IsMatch(Normalizer.Fold(c.Text.ToString())))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool LooksLikeNextLabel(GroupBuilder? group, ClauseBuilder? clause, string fold)
    {
        var label = LabelMatcher.At(fold, 0, _glueNumbers);
        return label is not null && group is not null && label.Kind == LabelKind.Number && clause is not null && AcceptLabel(group, clause, label, true, fold) && !ended(clause);

        static bool ended(ClauseBuilder c) => c.Text.Length > 0 && Normalizer.FoldChar(c.Text[c.Text.Length - 1]) == '.';
    }

    private bool IsHeadingLine(string fold)
    {
        var stripped = StripHeadingPunctuation(fold);
        var heading = _table.MatchHeading(stripped);
        return heading is not null && heading.Length >= stripped.Length;
    }

    /// <summary>Classifies a line as a group heading (or a heading glued to its first label), or returns null.</summary>
    private (GroupBuilder Group, SourceLine? After)? ClassifyHeading(SourceLine line, bool strict)
    {
        var fold = line.Fold;
        if (EndsClause(fold) && !fold.EndsWith(",", StringComparison.Ordinal) && !fold.EndsWith(":", StringComparison.Ordinal))
        {
            return null;
        }

        if (!_table.StartsHeadingAt(fold, 0))
        {
            return null;
        }

        var stripped = StripHeadingPunctuation(fold);
        var isLong = stripped.Length > 200;
        var heading = _table.MatchHeading(stripped);
        if (heading is not null && heading.Length >= stripped.Length && LabelMatcher.At(fold, 0, _glueNumbers) is null or { Kind: LabelKind.None })
        {
            if (heading.Part == Part.Preamble || heading.Actors.Count == 0 && !isLong)
            {
                return (Make(heading, line.Text.Substring(0, stripped.Length).TrimEnd(), line), null);
            }

            if (heading.Complete || (!isLong && !strict && stripped.Length <= 160 && heading.Actors.Count <= 5) || (!isLong && heading.Actors.Any(a => a.Standing != ActorStanding.Unknown)))
            {
                return (Make(heading, line.Text.Substring(0, stripped.Length).TrimEnd(), line), null);
            }

            return null;
        }

        // A heading glued to its first label: "考虑到a)…", "请1国际电联…", "recognizing a) that …".
        var prefix = _table.MatchHeadingPrefix(fold);
        if (prefix is not null && prefix.Length > 0 && prefix.Length < fold.Length)
        {
            var at = SkipSpacesAndCommas(fold, prefix.Length);
            var label = LabelMatcher.At(fold, at, _glueNumbers);
            if (label is not null && (label.Key == "a" || label.Key == "1") && !label.AtEnd(fold))
            {
                var headingText = line.Text.Substring(0, prefix.Length).TrimEnd();
                return (Make(prefix, headingText, line), line.Slice(at));
            }
        }

        return null;
    }

    /// <summary>
    /// An operative heading whose last actor is unknown may be wrapped onto the next line (PDF copies break long
    /// headings): when the next line is short, starts no clause and completes the heading, the two lines are one heading.
    /// </summary>
    private GroupBuilder? WrappedHeading(GroupBuilder group, SourceLine line, int index)
    {
        if (group.Part != Part.Operative || !group.Actors.Any(a => a.Standing == ActorStanding.Unknown) || index + 1 >= _lines.Count)
        {
            return null;
        }

        var next = _lines[index + 1];
        if (next.IsBlank || next.Text.Length > 80 || LabelMatcher.At(next.Fold, 0, _glueNumbers) is { Kind: not LabelKind.None } || IsHeadingLine(next.Fold))
        {
            return null;
        }

        var joinedText = group.Heading + (group.Heading.Length > 0 && next.Text.Trim().Length > 0 && NeedsSpace(group.Heading[group.Heading.Length - 1], next.Text.Trim()[0]) ? " " : string.Empty) + next.Text.Trim();
        var stripped = StripHeadingPunctuation(Normalizer.Fold(joinedText));
        var heading = _table.MatchHeading(stripped);
        if (heading is null || heading.Part != Part.Operative || heading.Length < stripped.Length || !heading.Complete)
        {
            return null;
        }

        var span = new SourceSpan(group.Span.Line, group.Span.Column, group.Span.Offset, next.Span.Offset + next.Span.Length - group.Span.Offset);
        return new GroupBuilder(heading.Part, StripHeadingPunctuation(joinedText), heading.Kind, heading.Actors, heading.Mandates, span);
    }

    private GroupBuilder Make(HeadingMatch heading, string headingText, SourceLine line)
    {
        var actors = heading.Part == Part.Preamble ? Array.Empty<Actor>() : (IReadOnlyList<Actor>)heading.Actors;
        return new GroupBuilder(heading.Part, headingText, heading.Kind, actors, heading.Mandates, line.SpanAt(0, headingText.Length));
    }

    internal static string StripHeadingPunctuation(string text) => text.TrimEnd().TrimEnd(',', ':', '，', '：', '،', ';').TrimEnd();

    private static string StripBullet(string fold)
    {
        var m = BulletPrefix.Match(fold);
        return m.Success ? fold.Substring(m.Length) : fold;
    }

    private static readonly Regex AnnexOfInstrument = new(
        @"^(?:to|of|à|a|de|al|к)\s+(?:(?:this|the|la\s+présente|la\s+presente|la|esta|cette|настоящей|настоящему)\s+)?(?:resolution|résolution|resolución|резолюции|decision|décision|decisión|решению|решения|recommendation|recommandation|recomendación)\b(?!.*[;,]$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Timeout);

    internal static bool IsAnnexHeading(string text, PhraseTable table)
    {
        var fold = Normalizer.Fold(text).Trim();
        if (fold.Length == 0 || fold.Length > 200 || EndsClause(fold) && !fold.EndsWith(":", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var word in table.AnnexWords)
        {
            var n = table.MatchAt(fold, 0, word);
            if (n > 0)
            {
                var rest = fold.Substring(n).Trim();
                var written = fold.Substring(0, n);

                // "ANNEX", "ANNEX 1", "ANNEX TO RESOLUTION ...", "Annex 2", "附件1": capitals, or a number or letter after the word.
                if (!table.Spaced)
                {
                    // "附件", "附件1", "附件A 职责范围"; not "附件下载:" (a web page's attachment link).
                    return rest.Length < 60 && !rest.StartsWith("下载", StringComparison.Ordinal);
                }

                if (written.ToUpperInvariant() == written && (rest.Length == 0 || rest.ToUpperInvariant() == rest || !char.IsLower(rest[0])))
                {
                    return true;
                }

                if (Regex.IsMatch(rest, @"^(?:\d{1,2}|[A-Z])\b(?!\s*(?:of|to|de|del|к|من)\s+th)", RegexOptions.None, Timeout) && rest.Length < 120)
                {
                    return true;
                }

                // Web copies set the heading in sentence case: "Annex to Resolution 71 (Rev. Bucharest, 2022)",
                // "Annexe à la Résolution 71", "Anexo a la Resolución 71", "Приложение к Резолюции 71", "Annex to this Resolution".
                if (rest.Length < 120 && AnnexOfInstrument.IsMatch(rest))
                {
                    return true;
                }

            }

            // Chinese: "第191号决议（…）的附件" or "本决议附件", the annex word at the end.
            if (!table.Spaced && fold.EndsWith(word, StringComparison.Ordinal) && fold.Length > word.Length && fold.Length < 80
                && (fold.Contains('号') || Regex.IsMatch(fold, "^本(?:决议|决定|建议)(?:的)?" + Regex.Escape(word) + "$", RegexOptions.None, Timeout)))
            {
                return true;
            }

            if (!table.Spaced && fold.EndsWith(word + "的", StringComparison.Ordinal))
            {
                return false;
            }
        }

        // A Chinese annex heading wrapped before its word: "第191号决议（…）的" followed by "附件".
        return !table.Spaced && fold.EndsWith("的", StringComparison.Ordinal) && fold.Contains("号决议") && fold.Length < 80;
    }

    private bool AcceptLabel(GroupBuilder? group, ClauseBuilder? clause, LabelToken label, bool allowLabelOnly, string fold)
    {
        if (label.AtEnd(fold) && !allowLabelOnly)
        {
            return false;
        }

        var lastTop = 0;
        string? lastKey = null;
        if (group is not null)
        {
            foreach (var c in group.Clauses)
            {
                var n = Labels.TopNumber(c.Key);
                if (n > 0)
                {
                    lastTop = n;
                }

                if (c.Key.Length > 0)
                {
                    lastKey = c.Key;
                }
            }
        }

        var afterText = label.AtEnd(fold) ? ' ' : fold[label.TextStart];
        if (label.Kind != LabelKind.Number)
        {
            // A letter or roman label: plausible in either part when its text starts like a clause.
            if (label.Glued || label.Tab || label.AtEnd(fold))
            {
                return true;
            }

            // Anything but punctuation that cannot open a clause ("a) that", "a) «…", "a) 《国际电联组织法》").
            return !(afterText == ';' || afterText == ',' || afterText == '.' || afterText == ':' || afterText == ')' || afterText == ']');
        }

        // A number: with a tab it is a label; otherwise it must follow the sequence, so that wrapped text starting
        // with a number ("119 of the Convention") is not read as a clause.
        if (label.Tab)
        {
            return true;
        }

        var top = Labels.TopNumber(label.Key);
        if (top < 0)
        {
            return false;
        }

        var startsLikeText = char.IsLetter(afterText) || afterText == '"' || afterText == '“' || afterText == '«' || afterText == ' ';
        var inSequence = label.Key.Contains('.') ? top == lastTop || top == lastTop + 1 : top == lastTop + 1;
        if (!startsLikeText)
        {
            // "2. 2006 was proclaimed ...": a closed label in sequence may start with a figure.
            if (!(label.Closed && char.IsDigit(afterText) && inSequence && (clause is null || EndsClause(clause.Text))))
            {
                return false;
            }
        }

        if (clause is not null && clause.Text.Length > 0 && !EndsClause(clause.Text) && top != lastTop + 1)
        {
            return false;
        }

        if (label.Glued && !inSequence)
        {
            return false;
        }

        if (label.Glued && !label.Closed && afterText < 0x250)
        {
            // "1de continuer": a number glued to a Latin word is a label only in sequence, after a clause that ended,
            // and not an ordinal ("1st", "2nd", "1er", "2e").
            var word = new string(fold.Substring(label.TextStart).TakeWhile(char.IsLetter).ToArray());
            if (!_glueNumbers && (Ordinals.Contains(word) || (clause is not null && !EndsClause(clause.Text))))
            {
                return false;
            }
        }

        return !label.Key.Contains('.') ? top >= 1 && top <= lastTop + 3 : inSequence;
    }

    private static readonly HashSet<string> Ordinals = new(StringComparer.OrdinalIgnoreCase) { "st", "nd", "rd", "th", "er", "re", "ère", "e", "eme", "ème", "o", "a", "º", "ª", "nd" };

    private void Attach(GroupBuilder group, ClauseBuilder builder, LabelToken label)
    {
        var key = builder.Key;
        var isRoman = label.Kind == LabelKind.Roman;
        var isLetter = label.Kind == LabelKind.Letter;
        var last = group.Clauses.Count > 0 ? group.Clauses[group.Clauses.Count - 1] : null;
        var deepest = last;
        while (deepest is not null && deepest.Children.Count > 0)
        {
            deepest = deepest.Children[deepest.Children.Count - 1];
        }

        // "i" after "h": the letter, not the roman numeral.
        if (isRoman && key == "i" && last is not null && last.Key == "h")
        {
            isRoman = false;
            isLetter = true;
        }

        // Dotted numbers nest under their prefix.
        var dot = key.LastIndexOf('.');
        if (dot > 0 && label.Kind == LabelKind.Number)
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

        // An enumeration inside a clause: "... highlighting:" followed by a), b), ... (or i), ii)) belongs to it.
        if (deepest is not null && (isLetter || isRoman) && EndsWithColon(deepest.Text) && (key == "a" || key == "i"))
        {
            builder.Parent = deepest;
            deepest.Children.Add(builder);
            return;
        }

        if (deepest is not null && deepest.Parent is not null && (isLetter || isRoman) && deepest.Label.Length > 0 && IsNext(deepest.Key, key))
        {
            var parent = deepest.Parent;
            builder.Parent = parent;
            parent.Children.Add(builder);
            return;
        }

        if (isRoman || isLetter)
        {
            var expectedLetter = group.Part == Part.Preamble && IsNextLetter(group.Clauses, key);
            var lastIsNumber = last is not null && last.Key.Length > 0 && char.IsDigit(last.Key[0]);
            var lastIsLetter = last is not null && Labels.RankOfKey(last.Key) >= 0 && !Labels.IsRoman(last.Key);
            if (last is not null && isRoman && !expectedLetter && (lastIsNumber || (lastIsLetter && !IsNext(last.Key, key))))
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

    private static bool EndsWithColon(StringBuilder text) => text.Length > 0 && Normalizer.FoldChar(text[text.Length - 1]) == ':';

    private static bool IsNext(string previous, string key)
    {
        var a = Labels.RankOfKey(previous);
        var b = Labels.RankOfKey(key);
        if (a >= 0 && b >= 0 && !Labels.IsRoman(previous))
        {
            return b == a + 1;
        }

        var ra = Roman.Parse(previous);
        var rb = Roman.Parse(key);
        return ra > 0 && rb == ra + 1;
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
        return key.Length == 1 && (last is null ? key == "a" : last.Length == 1 && Labels.RankOfKey(key) == Labels.RankOfKey(last) + 1);
    }

    private static void Append(ClauseBuilder clause, SourceLine line)
    {
        clause.Segments.AddRange(line.Segments(0, line.Length, clause.Text.Length));
        clause.Text.Append(line.Text);
        clause.Span = Cover(clause.Span, line.Span);
    }

    private void Continue(ClauseBuilder clause, SourceLine line)
    {
        var current = clause.Text;
        if (current.Length == 0)
        {
            Append(clause, line);
            return;
        }

        var last = current[current.Length - 1];
        var beforeLast = current.Length > 1 ? current[current.Length - 2] : ' ';
        var first = line.Text[0];
        if (last == '-' && char.IsLetter(beforeLast) && char.IsLetter(first))
        {
            if (char.IsLower(first))
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
            Append(clause, line);
            return;
        }

        if (NeedsSpace(last, first))
        {
            current.Append(' ');
        }

        Append(clause, line);
    }

    /// <summary>Whether joining two wrapped pieces needs a space: not between Chinese characters or full-width punctuation.</summary>
    private static bool NeedsSpace(char last, char first) => !(IsCjk(last) || IsCjk(first));

    private static bool IsCjk(char c) => (c >= '\u2E80' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF00' && c <= '\uFF60') || (c >= '\u3000' && c <= '\u303F');

    private static SourceSpan Cover(SourceSpan a, SourceSpan b)
    {
        var start = Math.Min(a.Offset, b.Offset);
        var end = Math.Max(a.Offset + a.Length, b.Offset + b.Length);
        var first = a.Offset <= b.Offset ? a : b;
        return new SourceSpan(first.Line, first.Column, start, end - start);
    }

    private int NextNonBlank(int from)
    {
        for (var k = from; k < _lines.Count; k++)
        {
            if (!_lines[k].IsBlank)
            {
                return k;
            }
        }

        return -1;
    }

    private static bool EndsClause(string t) => t.Length > 0 && IsEndPunctuation(Normalizer.FoldChar(t[t.Length - 1]));

    private static bool EndsClause(StringBuilder t) => t.Length > 0 && IsEndPunctuation(Normalizer.FoldChar(t[t.Length - 1]));

    private static bool IsEndPunctuation(char c) => c == ';' || c == ',' || c == '.' || c == ':';

    private void KeepUnplaced(SourceLine line, string why)
    {
        _unplaced.Add(new Paragraph(line.Text) { Span = line.Span });
        Report(ReadingDiagnostics.Unplaced, line.Span, why, Excerpt(line.Text));
    }

    private static string Excerpt(string text) => text.Length > 60 ? text.Substring(0, 57) + "..." : text;

    // ----- Checks -----

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
            var expected = ExpectedKey(group, c, parent, i, labelled);
            if (expected is not null && !string.Equals(expected, c.Key, StringComparison.Ordinal))
            {
                Report(ReadingDiagnostics.LabelSequence, c.Span, $"The clause labelled \"{c.Label}\" in \"{group.Heading}\" was expected to be \"{ExpectedLabel(expected, c.Label)}\"");
            }

            CheckSequence(group, c.Children, c);
        }
    }

    private static string ExpectedLabel(string key, string label)
    {
        if (char.IsDigit(key[0]) || Labels.IsRoman(key))
        {
            return key;
        }

        var alphabet = Labels.AlphabetOf(label);
        var rank = Labels.RankOfKey(key);
        return rank >= 0 ? Labels.Letter(rank, alphabet) : key;
    }

    private static string? ExpectedKey(GroupBuilder group, ClauseBuilder c, ClauseBuilder? parent, int index, List<ClauseBuilder> siblings)
    {
        var key = c.Key;
        if (key.Length == 0)
        {
            return null;
        }

        if (char.IsDigit(key[0]))
        {
            var n = (index + 1).ToString(CultureInfo.InvariantCulture);
            return parent is null || !key.Contains('.') ? n : parent.Key + "." + n;
        }

        // bbis), cter): inserted clauses keep their neighbours' letters.
        if (key.EndsWith("bis", StringComparison.Ordinal) || key.EndsWith("ter", StringComparison.Ordinal))
        {
            return null;
        }

        var first = siblings[0].Key;
        if (Labels.IsRoman(first) && (parent is not null || group.Part == Part.Operative) && !(first.Length == 1 && first == "i" && siblings.Any(s => s.Key == "h")))
        {
            return Roman.Format(index + 1 - siblings.Take(index).Count(s => s.Key.EndsWith("bis", StringComparison.Ordinal) || s.Key.EndsWith("ter", StringComparison.Ordinal)));
        }

        var plain = index - siblings.Take(index).Count(s => s.Key.EndsWith("bis", StringComparison.Ordinal) || s.Key.EndsWith("ter", StringComparison.Ordinal));
        return plain < 26 ? ((char)('a' + plain)).ToString() : null;
    }

    private void FinishFootnotes()
    {
        // Plain digits glued to a word where a footnote of that number exists are the footnote's marker: written
        // as the superscript they stand for (the same length, so every span stays right), and reported.
        foreach (var marker in _plainFootnoteMarkers.Where(m => m.All(char.IsDigit)))
        {
            var pattern = GluedMarkerPattern(marker);
            var superscript = Superscripts.FromPlain(marker);
            foreach (var group in _groups)
            {
                foreach (var clause in Flatten(group.Clauses))
                {
                    var text = clause.Text.ToString();
                    var fold = Normalizer.Fold(text);
                    foreach (Match m in pattern.Matches(fold))
                    {
                        for (var k = 0; k < marker.Length; k++)
                        {
                            clause.Text[m.Index + k] = superscript[k];
                        }

                        var map = new SourceMap(clause.Segments.ToEquatableArray());
                        Report(ReadingDiagnostics.FootnoteMarker, map.Locate(m.Index, marker.Length) ?? clause.Span, marker);
                    }
                }
            }
        }
    }

    private static bool IsSuperscriptDigit(char c) => c == '¹' || c == '²' || c == '³' || (c >= '⁰' && c <= '⁹');

    private static bool IsBulletChar(char c) => "•·▪■◦●-–—".IndexOf(c) >= 0;

    private static bool HasSuperscript(string text)
    {
        foreach (var c in text)
        {
            if (c == '¹' || c == '²' || c == '³' || (c >= '⁰' && c <= '⁹'))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckFootnotes()
    {
        var markers = new HashSet<string>();
        foreach (var group in _groups)
        {
            foreach (var clause in Flatten(group.Clauses))
            {
                var text = clause.Text.ToString();
                if (!HasSuperscript(text))
                {
                    continue;
                }

                foreach (var marker in Superscripts.FindMarkers(text))
                {
                    markers.Add(marker);
                    if (_footnotes.All(f => f.Marker != marker))
                    {
                        Report(ReadingDiagnostics.Footnote, clause.Span, $"The footnote marker {marker} has no footnote");
                    }
                }
            }
        }

        foreach (var footnote in _footnotes.Where(f => !markers.Contains(f.Marker) && f.Marker.All(char.IsDigit)))
        {
            Report(ReadingDiagnostics.Footnote, footnote.Span ?? new SourceSpan(1, 1, 0, 0), $"The footnote {footnote.Marker} is not referenced by any clause");
        }
    }

    private static IEnumerable<ClauseBuilder> Flatten(IEnumerable<ClauseBuilder> clauses) =>
        clauses.SelectMany(c => new[] { c }.Concat(Flatten(c.Children)));

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, new Location(_path, string.Empty, span), args));
}
