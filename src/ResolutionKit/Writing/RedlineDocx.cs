using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResolutionKit.Writing;

/// <summary>Options for <see cref="RedlineDocx"/>.</summary>
public sealed record RedlineDocxOptions
{
    /// <summary>The author named on every tracked change. Default "ResolutionKit".</summary>
    public string Author { get; init; } = "ResolutionKit";

    /// <summary>The date of every tracked change (UTC); null for the current time. Fix it for reproducible output.</summary>
    public DateTime? Date { get; init; }

    /// <summary>Whether Word keeps tracking changes the reader makes (w:trackRevisions). Default true.</summary>
    public bool TrackFurtherChanges { get; init; } = true;
}

/// <summary>
/// Writes a redline as a Word document (.docx) with real tracked changes: insertions as <c>w:ins</c> runs and
/// deletions as <c>w:del</c> runs, each with its author and date, so that Word's Accept and Reject work. An
/// inserted or deleted line has its paragraph mark tracked too, so that accepting or rejecting it leaves no empty
/// paragraph. The output is byte-identical for the same redline, author and date.
/// </summary>
public static class RedlineDocx
{
    private static readonly DateTime ZipTime = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Writes the document to a byte array.</summary>
    /// <param name="document">The redline.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static byte[] ToBytes(RedlineDocument document, RedlineDocxOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(document, stream, options);
        return stream.ToArray();
    }

    /// <summary>Writes the document to a stream.</summary>
    /// <param name="document">The redline.</param>
    /// <param name="stream">A writable stream.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static void Write(RedlineDocument document, Stream stream, RedlineDocxOptions? options = null)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        options ??= new RedlineDocxOptions();
        var date = DateTime.SpecifyKind(options.Date?.ToUniversalTime() ?? DateTime.UtcNow, DateTimeKind.Utc);
        date = date.AddTicks(-(date.Ticks % TimeSpan.TicksPerSecond));

        using var raw = new MemoryStream();
        using (var package = WordprocessingDocument.Create(raw, WordprocessingDocumentType.Document, true))
        {
            var main = package.AddMainDocumentPart();
            package.ChangeIdOfPart(main, "rIdMain");
            var writer = new Builder(options.Author, date);
            main.Document = new Document(writer.Body(document));
            if (options.TrackFurtherChanges)
            {
                var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
                settings.Settings = new Settings(new TrackRevisions());
            }

            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = Styles();
        }

        Normalize(raw, stream);
    }

    /// <summary>Paragraphs with tracked changes from redline lines (shared with <see cref="ProposalDocx"/>).</summary>
    internal sealed class Builder
    {
        private readonly string _author;
        private readonly DateTime _date;
        private int _id;

        public Builder(string author, DateTime date)
        {
            _author = author;
            _date = date;
        }

        public Body Body(RedlineDocument document)
        {
            var body = new Body();
            foreach (var line in document.Lines)
            {
                body.Append(Paragraph(line));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            return body;
        }

        public Paragraph Paragraph(RedlineLine line)
        {
            var paragraph = new Paragraph();
            var properties = new ParagraphProperties();
            var style = StyleOf(line.Role);
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }

            if (line.Role == RedlineLineRole.Clause || line.Role == RedlineLineRole.Footnote)
            {
                properties.Append(new Tabs(new TabStop { Val = TabStopValues.Left, Position = 567 }));
                properties.Append(new Indentation { Left = "567", Hanging = "567" });
            }

            if (line.Kind == RedlineLineKind.Inserted)
            {
                properties.Append(new ParagraphMarkRunProperties(new Inserted { Id = NextId(), Author = _author, Date = _date }));
            }
            else if (line.Kind == RedlineLineKind.Deleted)
            {
                properties.Append(new ParagraphMarkRunProperties(new Deleted { Id = NextId(), Author = _author, Date = _date }));
            }

            if (properties.HasChildren)
            {
                paragraph.Append(properties);
            }

            foreach (var segment in line.Segments)
            {
                switch (segment.Kind)
                {
                    case RedlineSegmentKind.Inserted:
                        paragraph.Append(new InsertedRun(Run(segment.Text, deleted: false)) { Id = NextId(), Author = _author, Date = _date });
                        break;
                    case RedlineSegmentKind.Deleted:
                        paragraph.Append(new DeletedRun(Run(segment.Text, deleted: true)) { Id = NextId(), Author = _author, Date = _date });
                        break;
                    default:
                        paragraph.Append(Run(segment.Text, deleted: false));
                        break;
                }
            }

            return paragraph;
        }

        public string NextId() => (++_id).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static Run Run(string text, bool deleted)
        {
            var run = new Run();
            var parts = text.Split('\t');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new TabChar());
                }

                if (parts[i].Length > 0)
                {
                    run.Append(deleted
                        ? new DeletedText(parts[i]) { Space = SpaceProcessingModeValues.Preserve }
                        : new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }

            return run;
        }

        private static string? StyleOf(RedlineLineRole role) => role switch
        {
            RedlineLineRole.TitleLine => "ResTitleLine",
            RedlineLineRole.Title => "ResTitle",
            RedlineLineRole.History => "ResHistory",
            RedlineLineRole.GroupHeading => "ResHeading",
            RedlineLineRole.Footnote => "ResFootnote",
            RedlineLineRole.AnnexHeading => "ResTitleLine",
            RedlineLineRole.AnnexTitle => "ResTitle",
            _ => null,
        };
    }

    internal static Styles Styles()
    {
        Style Paragraph(string id, string name, bool bold, bool italic, bool centred, string size)
        {
            var run = new StyleRunProperties();
            if (bold)
            {
                run.Append(new Bold());
            }

            if (italic)
            {
                run.Append(new Italic());
            }

            run.Append(new FontSize { Val = size });
            var style = new Style(
                new StyleName { Val = name },
                new BasedOn { Val = "Normal" },
                new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
                CustomStyle = true,
            };
            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" });
            if (centred)
            {
                paragraph.Append(new Justification { Val = JustificationValues.Center });
            }

            style.Append(paragraph);
            style.Append(run);
            return style;
        }

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "0" }),
            new StyleRunProperties(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                new FontSize { Val = "24" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };

        return new Styles(
            normal,
            Paragraph("ResTitleLine", "Resolution title line", true, false, true, "24"),
            Paragraph("ResTitle", "Resolution title", true, false, true, "28"),
            Paragraph("ResHistory", "Resolution history", false, true, true, "24"),
            Paragraph("ResHeading", "Resolution group heading", false, true, false, "24"),
            Paragraph("ResFootnote", "Resolution footnote", false, false, false, "20"),
            Paragraph("ProposalUnit", "Proposal unit", true, false, false, "24"),
            Paragraph("ProposalReasons", "Proposal reasons", false, false, false, "24"));
    }

    /// <summary>
    /// Rewrites the package with every zip entry dated 1980-01-01 and in a fixed order, so that the same document
    /// gives the same bytes (System.IO.Packaging stamps entries with the current time).
    /// </summary>
    internal static void Normalize(MemoryStream raw, Stream output)
    {
        raw.Position = 0;
        var entries = new List<(string Name, byte[] Content)>();
        using (var source = new ZipArchive(raw, ZipArchiveMode.Read, true))
        {
            foreach (var entry in source.Entries)
            {
                using var s = entry.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }
        }

        var ordered = entries
            .OrderBy(e => e.Name == "[Content_Types].xml" ? 0 : e.Name.StartsWith("_rels/", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            foreach (var (name, content) in ordered)
            {
                var entry = target.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(ZipTime, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(content, 0, content.Length);
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
