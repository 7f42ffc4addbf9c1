using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResolutionKit.Tests.Documents;

/// <summary>
/// Writes a resolution text as a Word document the way the ITU's Word templates hold one: a paragraph per line,
/// italic group headings, clause labels either typed (label, tab, text) or produced by Word list numbering that restarts
/// in every group, footnote markers as real footnotes, a running header, and optionally a tracked change.
/// </summary>
internal static class DocxBuilder
{
    private static readonly Regex Clause = new(@"^(?<label>\d+(?:\.\d+)?|[a-z]\)|[ivx]+\))\t(?<text>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Marker = new("[¹²³⁴⁵⁶⁷⁸⁹]", RegexOptions.CultureInvariant);

    /// <summary>A tracked replacement: the first occurrence of <c>Old</c> is deleted and <c>New</c> inserted after it.</summary>
    public sealed record TrackedChange(string Old, string New);

    public static byte[] Build(string text, bool autoNumbering, TrackedChange? change = null, string? header = null)
    {
        var lines = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();
        var footnoteLines = new List<string>();
        while (lines.Count > 0 && (Marker.IsMatch(lines[^1].Length > 0 ? lines[^1].Substring(0, 1) : string.Empty) || lines[^1].Length == 0))
        {
            if (lines[^1].Length > 0)
            {
                footnoteLines.Insert(0, lines[^1]);
            }

            lines.RemoveAt(lines.Count - 1);
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;

            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var footnoteIds = new Dictionary<char, int>();
            foreach (var line in footnoteLines)
            {
                var id = footnoteIds.Count + 1;
                footnoteIds[line[0]] = id;
                footnotes.Footnotes.Append(new Footnote(new Paragraph(
                    new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
                    new Run(new TabChar()),
                    new Run(new Text(line.Substring(line.IndexOf('\t') + 1)) { Space = SpaceProcessingModeValues.Preserve })))
                { Id = id });
            }

            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                Abstract(1, ("decimal", "%1"), ("decimal", "%1.%2")),
                Abstract(2, ("lowerLetter", "%1)"), ("lowerRoman", "%2)")));
            var nextNum = 1;
            var currentNum = 0;

            if (header is not null)
            {
                var headerPart = main.AddNewPart<HeaderPart>();
                headerPart.Header = new Header(new Paragraph(new Run(new Text(header))));
                body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) }));
            }

            var changed = false;
            foreach (var line in lines)
            {
                var paragraph = new Paragraph();
                var m = Clause.Match(line);
                var content = line;
                if (m.Success && autoNumbering && char.IsDigit(m.Groups["label"].Value[0]))
                {
                    // Operative numbers from a Word list that restarts at each group's "1"; lettered preambular labels stay typed.
                    var label = m.Groups["label"].Value;
                    if (label == "1" || currentNum == 0)
                    {
                        currentNum = nextNum++;
                        numbering.Numbering.Append(new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = currentNum });
                    }

                    paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = label.Contains('.') ? 1 : 0 }, new NumberingId { Val = currentNum })));
                    content = m.Groups["text"].Value;
                }
                else if (!m.Success && line.Length > 0 && char.IsLower(line[0]))
                {
                    // An opening phrase: italic, as in the Final Acts.
                    paragraph.Append(new Run(new RunProperties(new Italic()), new Text(line) { Space = SpaceProcessingModeValues.Preserve }));
                    body.InsertBefore(paragraph, body.GetFirstChild<SectionProperties>());
                    continue;
                }

                foreach (var piece in Pieces(content))
                {
                    if (piece.Length == 1 && Marker.IsMatch(piece) && footnoteIds.TryGetValue(piece[0], out var id))
                    {
                        paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id }));
                    }
                    else if (change is not null && !changed && piece.Contains(change.Old, StringComparison.Ordinal))
                    {
                        var at = piece.IndexOf(change.Old, StringComparison.Ordinal);
                        paragraph.Append(Runs(piece.Substring(0, at)));
                        paragraph.Append(new DeletedRun(new Run(new DeletedText(change.Old) { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Test", Date = new DateTime(2026, 1, 1) });
                        paragraph.Append(new InsertedRun(new Run(new Text(change.New) { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "Test", Date = new DateTime(2026, 1, 1) });
                        paragraph.Append(Runs(piece.Substring(at + change.Old.Length)));
                        changed = true;
                    }
                    else
                    {
                        paragraph.Append(Runs(piece));
                    }
                }

                body.InsertBefore(paragraph, body.GetFirstChild<SectionProperties>());
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Text split around footnote markers.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var at = 0;
        foreach (Match m in Marker.Matches(text))
        {
            yield return text.Substring(at, m.Index - at);
            yield return m.Value;
            at = m.Index + m.Length;
        }

        yield return text.Substring(at);
    }

    /// <summary>Runs for a text: tabs as tab characters.</summary>
    private static OpenXmlElement[] Runs(string text)
    {
        var parts = text.Split('\t');
        var runs = new List<OpenXmlElement>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                runs.Add(new Run(new TabChar()));
            }

            if (parts[i].Length > 0)
            {
                runs.Add(new Run(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve }));
            }
        }

        return runs.ToArray();
    }

    private static AbstractNum Abstract(int id, params (string Format, string Text)[] levels)
    {
        var abstractNum = new AbstractNum { AbstractNumberId = id };
        for (var i = 0; i < levels.Length; i++)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(levels[i].Format)) },
                new LevelText { Val = levels[i].Text })
            { LevelIndex = i });
        }

        return abstractNum;
    }
}
