using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResolutionKit.Collections;

namespace ResolutionKit.Writing;

/// <summary>
/// A point a person must decide on, put in the proposal as a Word comment on its clause: the rule, the finding and why
/// the rule exists.
/// </summary>
/// <param name="Address">The clause the comment is anchored to (its address in the proposed text).</param>
/// <param name="RuleId">The rule, e.g. <c>RK6004</c>.</param>
/// <param name="Message">The finding.</param>
/// <param name="Rationale">Why the rule exists; null when unknown.</param>
public sealed record ProposalComment(string Address, string RuleId, string Message, string? Rationale);

/// <summary>
/// Writes a revision proposal as the Word document a conference receives: for each unit a header paragraph (<c>MOD</c>,
/// <c>ADD</c>, <c>SUP</c> or <c>NOC</c>, a tab, the identifier), the text with real tracked changes (for MOD the
/// revision of the text in force, for ADD the new text as an insertion, for SUP and NOC the title), real footnotes, the
/// <c>Reasons:</c> paragraph, and the points left to a person as Word comments anchored to their clause, so that a
/// rapporteur accepts or rejects each change and answers each comment in Word. The same input gives the same bytes.
/// </summary>
public static class ProposalDocx
{
    /// <summary>Writes the proposal to a byte array.</summary>
    /// <param name="units">The units, in order.</param>
    /// <param name="options">Identifiers, heading and rationales; null for the defaults.</param>
    /// <param name="docx">Author and date of the tracked changes and comments; null for the defaults.</param>
    /// <param name="comments">Points to put as comments on their clauses; null for none.</param>
    public static byte[] ToBytes(IEnumerable<ProposalUnit> units, ProposalOptions? options = null, RedlineDocxOptions? docx = null, IEnumerable<ProposalComment>? comments = null)
    {
        if (units is null)
        {
            throw new ArgumentNullException(nameof(units));
        }

        options ??= new ProposalOptions();
        docx ??= new RedlineDocxOptions();
        var date = DateTime.SpecifyKind(docx.Date?.ToUniversalTime() ?? DateTime.UtcNow, DateTimeKind.Utc);
        date = date.AddTicks(-(date.Ticks % TimeSpan.TicksPerSecond));
        var byAddress = (comments ?? Array.Empty<ProposalComment>()).GroupBy(c => c.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        using var raw = new MemoryStream();
        using (var package = WordprocessingDocument.Create(raw, WordprocessingDocumentType.Document, true))
        {
            var main = package.AddMainDocumentPart();
            package.ChangeIdOfPart(main, "rIdMain");
            var footnotesPart = main.AddNewPart<FootnotesPart>("rIdFootnotes");
            footnotesPart.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var commentsPart = main.AddNewPart<WordprocessingCommentsPart>("rIdComments");
            commentsPart.Comments = new Comments();
            var writer = new Writer(new RedlineDocx.Builder(docx.Author, date), footnotesPart.Footnotes, commentsPart.Comments, docx.Author, date, byAddress);
            main.Document = new Document(writer.Body(units.ToList(), options));
            if (commentsPart.Comments.ChildElements.Count == 0)
            {
                main.DeletePart(commentsPart);
            }

            if (docx.TrackFurtherChanges)
            {
                var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
                settings.Settings = new Settings(new TrackRevisions());
            }

            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = RedlineDocx.Styles();
        }

        using var output = new MemoryStream();
        RedlineDocx.Normalize(raw, output);
        return output.ToArray();
    }

    private sealed class Writer
    {
        private readonly RedlineDocx.Builder _builder;
        private readonly Footnotes _footnotes;
        private readonly Comments _comments;
        private readonly string _author;
        private readonly DateTime _date;
        private readonly Dictionary<string, List<ProposalComment>> _byAddress;
        private int _nextFootnote = 1;
        private int _nextComment;

        public Writer(RedlineDocx.Builder builder, Footnotes footnotes, Comments comments, string author, DateTime date, Dictionary<string, List<ProposalComment>> byAddress)
        {
            _builder = builder;
            _footnotes = footnotes;
            _comments = comments;
            _author = author;
            _date = date;
            _byAddress = byAddress;
        }

        public Body Body(IReadOnlyList<ProposalUnit> units, ProposalOptions options)
        {
            var body = new Body();
            if (options.Heading is not null)
            {
                body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ResTitle" }), new Run(new Text(options.Heading))));
            }

            var sequence = options.FirstSequence;
            foreach (var unit in units)
            {
                body.Append(new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = "ProposalUnit" }, new KeepNext()),
                    new Run(new RunProperties(new Bold()), new Text(Keyword(unit.Action))),
                    new Run(new TabChar()),
                    new Run(new Text(options.Identifier(sequence)))));
                sequence++;

                var redline = unit.Action switch
                {
                    ProposalAction.Mod => Redline.Compare(unit.Original!, unit.Revised!),
                    ProposalAction.Add => Redline.Added(unit.Revised!),
                    _ => Redline.Unchanged(unit.Subject),
                };
                var lines = unit.Action is ProposalAction.Sup or ProposalAction.Noc
                    ? redline.Lines.Where(l => l.Role is RedlineLineRole.TitleLine or RedlineLineRole.Title).ToList()
                    : redline.Lines.ToList();

                // Footnote lines become real footnotes; their markers in the text become references to them.
                var notes = new Dictionary<char, (int Id, RedlineLine Line)>();
                foreach (var line in lines.Where(l => l.Role == RedlineLineRole.Footnote))
                {
                    var text = line.NewText.Length > 0 ? line.NewText : line.OldText;
                    if (text.Length > 0 && Internal.Superscripts.IsSuperscriptDigit(text[0]) && !notes.ContainsKey(text[0]))
                    {
                        notes[text[0]] = (_nextFootnote++, line);
                    }
                }

                foreach (var line in lines.Where(l => !(l.Role == RedlineLineRole.Footnote && notes.Values.Any(n => n.Line == l))))
                {
                    var paragraph = _builder.Paragraph(line);
                    if (notes.Count > 0)
                    {
                        Reference(paragraph, notes.ToDictionary(n => n.Key, n => n.Value.Id));
                    }

                    if (line.Address is { } address && line.Kind != RedlineLineKind.Deleted && _byAddress.TryGetValue(address, out var points))
                    {
                        foreach (var point in points)
                        {
                            Comment(paragraph, point);
                        }

                        _byAddress.Remove(address);
                    }

                    body.Append(paragraph);
                }

                foreach (var note in notes.OrderBy(n => n.Value.Id))
                {
                    var (marker, id, line) = (note.Key, note.Value.Id, note.Value.Line);
                    var noteParagraph = _builder.Paragraph(line with { Role = RedlineLineRole.Text, Segments = Strip(line.Segments, marker) });
                    noteParagraph.PrependChild(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()));
                    noteParagraph.RemoveAllChildren<ParagraphProperties>();
                    noteParagraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = "ResFootnote" }));
                    _footnotes.Append(new Footnote(noteParagraph) { Id = id });
                }

                var reasons = ProposalWriter.ReasonsOf(unit, options);
                for (var i = 0; i < reasons.Count; i++)
                {
                    var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ProposalReasons" }));
                    if (i == 0)
                    {
                        paragraph.Append(new Run(new RunProperties(new Bold()), new Text("Reasons:")));
                    }

                    paragraph.Append(new Run(new TabChar()), new Run(new Text(reasons[i]) { Space = SpaceProcessingModeValues.Preserve }));
                    body.Append(paragraph);
                }

                body.Append(new Paragraph());
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            return body;
        }

        /// <summary>The footnote's own marker and the tab after it leave its text (Word shows the number).</summary>
        private static EquatableArray<RedlineSegment> Strip(EquatableArray<RedlineSegment> segments, char marker)
        {
            var list = segments.ToList();
            if (list.Count > 0 && list[0].Text.Length > 0 && list[0].Text[0] == marker)
            {
                list[0] = list[0] with { Text = list[0].Text.Substring(1) };
            }

            return list.ToEquatableArray();
        }

        /// <summary>Replaces footnote markers in the paragraph's (not deleted) text by references to the footnotes.</summary>
        private static void Reference(Paragraph paragraph, Dictionary<char, int> notes)
        {
            var markers = notes.Keys.ToArray();
            foreach (var run in paragraph.Descendants<Run>().Where(r => r.Elements<Text>().Any(t => t.Text.IndexOfAny(markers) >= 0)).ToList())
            {
                // The run is rebuilt in order: its pieces before a marker, a reference run, the pieces after.
                var properties = run.RunProperties;
                var runs = new List<Run>();
                var current = new Run();
                foreach (var child in run.ChildElements.Where(c => c is not RunProperties).ToList())
                {
                    if (child is not Text text || text.Text.IndexOfAny(markers) < 0)
                    {
                        current.Append(child.CloneNode(true));
                        continue;
                    }

                    var start = 0;
                    for (var i = 0; i < text.Text.Length; i++)
                    {
                        if (!notes.TryGetValue(text.Text[i], out var id))
                        {
                            continue;
                        }

                        if (i > start)
                        {
                            current.Append(new Text(text.Text.Substring(start, i - start)) { Space = SpaceProcessingModeValues.Preserve });
                        }

                        runs.Add(current);
                        runs.Add(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id }));
                        current = new Run();
                        start = i + 1;
                    }

                    if (start < text.Text.Length)
                    {
                        current.Append(new Text(text.Text.Substring(start)) { Space = SpaceProcessingModeValues.Preserve });
                    }
                }

                runs.Add(current);
                foreach (var piece in runs.Where(r => r.HasChildren))
                {
                    if (properties is not null && piece.RunProperties is null)
                    {
                        piece.PrependChild((RunProperties)properties.CloneNode(true));
                    }

                    run.InsertBeforeSelf(piece);
                }

                run.Remove();
            }
        }

        private void Comment(Paragraph paragraph, ProposalComment point)
        {
            var id = (_nextComment++).ToString(CultureInfo.InvariantCulture);
            var comment = new Comment { Id = id, Author = _author, Initials = "RK", Date = _date };
            comment.Append(new Paragraph(new Run(new AnnotationReferenceMark()), new Run(new RunProperties(new Bold()), new Text(point.RuleId + ": ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(point.Message))));
            if (point.Rationale is { Length: > 0 } why)
            {
                comment.Append(new Paragraph(new Run(new Text(why))));
            }

            _comments.Append(comment);
            var first = paragraph.Elements().FirstOrDefault(e => e is not ParagraphProperties);
            var start = new CommentRangeStart { Id = id };
            if (first is null)
            {
                paragraph.Append(start);
            }
            else
            {
                first.InsertBeforeSelf(start);
            }

            paragraph.Append(new CommentRangeEnd { Id = id });
            paragraph.Append(new Run(new CommentReference { Id = id }));
        }
    }

    private static string Keyword(ProposalAction action) => action switch
    {
        ProposalAction.Mod => "MOD",
        ProposalAction.Add => "ADD",
        ProposalAction.Sup => "SUP",
        _ => "NOC",
    };
}
