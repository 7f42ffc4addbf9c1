using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;

namespace ResolutionKit.Reading.Documents;

/// <summary>
/// The text of a Word document in the layout the text reader reads: one line per paragraph (a manual line break
/// starts a new line, a table row is one line with its cells separated by tabs), Word list numbering written out as
/// the label and a tab, footnote references as superscript numbers with the footnotes after a rule at the end of the
/// instrument that cites them, and superscript digits as superscripts. Tracked changes give two texts: the proposed
/// one (every change accepted) and the original (every change rejected).
/// </summary>
internal sealed class DocxText
{
    private readonly DocumentVersion _version;
    private readonly Dictionary<string, string> _footnoteText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _footnoteNumber = new(StringComparer.Ordinal);
    private readonly List<int> _pendingFootnotes = new();
    private readonly Dictionary<int, string> _footnotesByNumber = new();
    private readonly Numbering _numbering;
    private readonly StringBuilder _out = new();
    private int _carry;

    private DocxText(WordprocessingDocument document, DocumentVersion version)
    {
        _version = version;
        _numbering = new Numbering(document.MainDocumentPart);
        if (document.MainDocumentPart?.FootnotesPart?.Footnotes is { } footnotes)
        {
            foreach (var note in footnotes.Elements<Footnote>())
            {
                var type = note.Type?.Value;
                var separator = type is not null && (type == FootnoteEndnoteValues.Separator || type == FootnoteEndnoteValues.ContinuationSeparator || type == FootnoteEndnoteValues.ContinuationNotice);
                if (note.Id?.Value is { } id && !separator)
                {
                    _footnoteText[id.ToString(CultureInfo.InvariantCulture)] = string.Join(" ", note.Elements<Paragraph>().Select(p => Inline(p, inFootnote: true).Trim()).Where(t => t.Length > 0));
                }
            }
        }
    }

    /// <summary>The number of tracked changes (insertions, deletions, moves, paragraph marks) in the body and footnotes.</summary>
    public int TrackedChanges { get; private set; }

    /// <summary>Extracts the text of a .docx package.</summary>
    /// <param name="stream">The package.</param>
    /// <param name="version">Which text to read when the document has tracked changes.</param>
    public static (string Text, int TrackedChanges) Extract(Stream stream, DocumentVersion version)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("the package has no document body");
        var reader = new DocxText(document, version);
        reader.TrackedChanges = body.Descendants().Count(e => e is InsertedRun or DeletedRun or MoveFromRun or MoveToRun or Inserted or Deleted);
        reader.Blocks(body.ChildElements);
        reader.FlushFootnotes();
        return (reader._out.ToString(), reader.TrackedChanges);
    }

    private void Blocks(IEnumerable<OpenXmlElement> elements)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph p:
                    Paragraph(p);
                    break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => Inline(p, false).Trim()).Where(x => x.Length > 0)));
                        Line(string.Join("\t", cells));
                    }

                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    Blocks(content.ChildElements);
                    break;
                case CustomXmlBlock custom:
                    Blocks(custom.ChildElements);
                    break;
            }
        }
    }

    private string? _merged;

    private void Paragraph(Paragraph p)
    {
        var text = Inline(p, false);
        if (_numbering.LabelOf(p) is { Length: > 0 } label && text.Length > 0)
        {
            text = label + "\t" + text;
        }

        // A paragraph whose mark the version removes runs on into the next one; its line stays, empty, so that
        // every later paragraph keeps its line number.
        var mark = p.ParagraphProperties?.ParagraphMarkRunProperties;
        var markGone = _version == DocumentVersion.Proposed ? mark?.GetFirstChild<Deleted>() is not null : mark?.GetFirstChild<Inserted>() is not null;
        if (markGone)
        {
            _merged = (_merged ?? string.Empty) + text;
            _carry++;
            return;
        }

        if (_merged is not null)
        {
            text = _merged + text;
            _merged = null;
        }

        if (_pendingFootnotes.Count > 0 && InstrumentStart.Is(text))
        {
            FlushFootnotes();
        }

        if (InstrumentStart.IsTitle(text))
        {
            // Each instrument numbers its footnotes from 1, as the Final Acts print them (Word numbers them through
            // the document).
            _footnoteNumber.Clear();
            _footnotesByNumber.Clear();
        }

        Line(text);
        for (; _carry > 0; _carry--)
        {
            Line(string.Empty);
        }
    }

    private void Line(string text) => _out.Append(text.Replace("\r", string.Empty)).Append('\n');

    /// <summary>The footnotes cited since the last flush, after a rule, before the next instrument starts.</summary>
    private void FlushFootnotes()
    {
        if (_pendingFootnotes.Count == 0)
        {
            return;
        }

        Line(string.Empty);
        Line("______________");
        foreach (var n in _pendingFootnotes)
        {
            Line(n.ToString(CultureInfo.InvariantCulture) + "\t" + _footnotesByNumber[n]);
        }

        Line(string.Empty);
        _pendingFootnotes.Clear();
    }

    /// <summary>The text of a paragraph's runs, in the chosen version.</summary>
    private string Inline(OpenXmlElement container, bool inFootnote)
    {
        var sb = new StringBuilder();
        Walk(container, sb, inFootnote);
        return sb.ToString();
    }

    private void Walk(OpenXmlElement container, StringBuilder sb, bool inFootnote)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case ParagraphProperties:
                case RunProperties:
                    break;
                case InsertedRun or MoveToRun:
                    if (_version == DocumentVersion.Proposed)
                    {
                        Walk(element, sb, inFootnote);
                    }

                    break;
                case DeletedRun or MoveFromRun:
                    if (_version == DocumentVersion.Original)
                    {
                        Walk(element, sb, inFootnote);
                    }

                    break;
                case Run run:
                    RunText(run, sb, inFootnote);
                    break;
                default:
                    // Hyperlinks, fields, content controls, smart tags: their runs are text.
                    Walk(element, sb, inFootnote);
                    break;
            }
        }
    }

    private void RunText(Run run, StringBuilder sb, bool inFootnote)
    {
        var superscript = run.RunProperties?.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript;
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    sb.Append(superscript && t.Text.All(char.IsDigit) ? Internal.Superscripts.FromPlain(t.Text) : t.Text);
                    break;
                case DeletedText d when _version == DocumentVersion.Original:
                    sb.Append(superscript && d.Text.All(char.IsDigit) ? Internal.Superscripts.FromPlain(d.Text) : d.Text);
                    break;
                case TabChar or PositionalTab:
                    sb.Append('\t');
                    break;
                case Break b when b.Type?.Value is null || b.Type.Value == BreakValues.TextWrapping:
                case CarriageReturn:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                case SymbolChar sym when sym.Char?.Value is { } code && int.TryParse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) && cp is >= 0x20 and < 0xF000:
                    sb.Append((char)cp);
                    break;
                case FootnoteReference reference when !inFootnote && reference.Id?.Value is { } id:
                    var key = id.ToString(CultureInfo.InvariantCulture);
                    if (reference.CustomMarkFollows?.Value == true || !_footnoteText.TryGetValue(key, out var note))
                    {
                        break;
                    }

                    if (!_footnoteNumber.TryGetValue(key, out var number))
                    {
                        _footnoteNumber[key] = number = _footnoteNumber.Count + 1;
                        _footnotesByNumber[number] = note;
                        _pendingFootnotes.Add(number);
                    }

                    sb.Append(Internal.Superscripts.FromPlain(number.ToString(CultureInfo.InvariantCulture)));
                    break;
            }
        }
    }

    /// <summary>Word list numbering: the label each numbered paragraph shows, counted as Word counts it.</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<int, AbstractNum> _abstracts = new();
        private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _instances = new();
        private readonly Dictionary<string, NumberingProperties> _styles = new(StringComparer.Ordinal);
        private readonly Dictionary<int, int[]> _counters = new();

        public Numbering(MainDocumentPart? part)
        {
            if (part?.NumberingDefinitionsPart?.Numbering is { } numbering)
            {
                foreach (var a in numbering.Elements<AbstractNum>())
                {
                    if (a.AbstractNumberId?.Value is { } id)
                    {
                        _abstracts[id] = a;
                    }
                }

                foreach (var n in numbering.Elements<NumberingInstance>())
                {
                    if (n.NumberID?.Value is { } id && n.AbstractNumId?.Val?.Value is { } abstractId)
                    {
                        var overrides = n.Elements<LevelOverride>()
                            .Where(o => o.LevelIndex?.Value is not null && o.StartOverrideNumberingValue?.Val?.Value is not null)
                            .ToDictionary(o => o.LevelIndex!.Value, o => o.StartOverrideNumberingValue!.Val!.Value);
                        _instances[id] = (abstractId, overrides);
                    }
                }
            }

            if (part?.StyleDefinitionsPart?.Styles is { } styles)
            {
                foreach (var s in styles.Elements<Style>())
                {
                    if (s.StyleId?.Value is { } id && s.StyleParagraphProperties?.NumberingProperties is { } numPr)
                    {
                        _styles[id] = numPr;
                    }
                }
            }
        }

        public string? LabelOf(Paragraph p)
        {
            var numPr = p.ParagraphProperties?.NumberingProperties
                ?? (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style && _styles.TryGetValue(style, out var fromStyle) ? fromStyle : null);
            if (numPr?.NumberingId?.Val?.Value is not { } numId || numId == 0 || !_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var definition))
            {
                return null;
            }

            var level = numPr.NumberingLevelReference?.Val?.Value ?? 0;
            var levels = definition.Elements<Level>().Where(l => l.LevelIndex?.Value is not null).ToDictionary(l => l.LevelIndex!.Value);
            if (!levels.TryGetValue(level, out var lvl))
            {
                return null;
            }

            if (!_counters.TryGetValue(numId, out var counters))
            {
                _counters[numId] = counters = Enumerable.Repeat(int.MinValue, 9).ToArray();
            }

            int Start(int l) => instance.StartOverrides.TryGetValue(l, out var s) ? s : levels.TryGetValue(l, out var d) ? d.StartNumberingValue?.Val?.Value ?? 1 : 1;
            counters[level] = counters[level] == int.MinValue ? Start(level) : counters[level] + 1;
            for (var deeper = level + 1; deeper < counters.Length; deeper++)
            {
                counters[deeper] = int.MinValue;
            }

            var format = lvl.NumberingFormat?.Val?.Value;
            if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return null;
            }

            var text = lvl.LevelText?.Val?.Value ?? "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".";
            for (var l = 0; l <= level; l++)
            {
                var value = counters[l] == int.MinValue ? Start(l) : counters[l];
                var fmt = levels.TryGetValue(l, out var ll) ? ll.NumberingFormat?.Val?.Value : null;
                text = text.Replace("%" + (l + 1).ToString(CultureInfo.InvariantCulture), Format(value, fmt));
            }

            return text;
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
            {
                var letters = string.Empty;
                for (var v = value; v > 0; v = (v - 1) / 26)
                {
                    letters = (char)('a' + ((v - 1) % 26)) + letters;
                }

                return format == NumberFormatValues.UpperLetter ? letters.ToUpperInvariant() : letters;
            }

            if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
            {
                var roman = Roman(value);
                return format == NumberFormatValues.UpperRoman ? roman.ToUpperInvariant() : roman;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Roman(int value)
        {
            var map = new[] { (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i") };
            var sb = new StringBuilder();
            foreach (var (n, s) in map)
            {
                for (; value >= n; value -= n)
                {
                    sb.Append(s);
                }
            }

            return sb.ToString();
        }
    }
}
