using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;

namespace ResolutionKit.Reading.Documents;

/// <summary>Which text of a document with tracked changes to read.</summary>
public enum DocumentVersion
{
    /// <summary>The text with every tracked change accepted: what the document proposes.</summary>
    Proposed,

    /// <summary>The text with every tracked change rejected: the text the changes were made to.</summary>
    Original,
}

/// <summary>The text of a Word or PDF document, as the text reader reads it, and what extracting it found.</summary>
/// <param name="Text">The text (one line per paragraph of a Word document; per line of a PDF page).</param>
/// <param name="TrackedChanges">The number of tracked changes in a Word document (0 for PDF).</param>
/// <param name="Notes">What extraction did that a reader should know (page furniture removed, tracked changes read).</param>
public sealed record DocumentText(string Text, int TrackedChanges, IReadOnlyList<Diagnostic> Notes);

/// <summary>
/// Reads resolutions from the documents delegates exchange: Word (.docx, with list numbering, footnotes and tracked
/// changes) and PDF (the Final Acts; running heads, page numbers and footnote markers recognized from the layout).
/// The document is turned into text in the layout of <see cref="ResolutionTextReader"/>, so the same model, addresses
/// and diagnostics come out; a location's line is the line of that text (for Word: the paragraph, counting empty
/// paragraphs, table rows and manual line breaks), which <c>reskit convert &lt;file&gt; --to text</c> prints.
/// </summary>
public static class DocumentReader
{
    /// <summary>Whether a path names a document this reader reads (.docx or .pdf).</summary>
    /// <param name="path">The path.</param>
    public static bool Handles(string path) =>
        path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Extracts the text of a .docx or .pdf file; null with an error diagnostic when it cannot be read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="version">For a Word document with tracked changes: the proposed or the original text.</param>
    public static (DocumentText? Text, Diagnostic? Error) ExtractFile(string path, DocumentVersion version = DocumentVersion.Proposed) =>
        ExtractFile(path, version, ReaderOptions.Default);

    private static (DocumentText? Text, Diagnostic? Error) ExtractFile(string path, DocumentVersion version, ReaderOptions options)
    {
        // A damaged or hostile document is a reading error of that file, whatever the library it breaks says.
        try
        {
            if (Internal.FileKind.IsSpecial(path))
            {
                throw new IOException("this is not a regular file but a pipe, device or socket");
            }

            // The same limit as a text file: a document far larger than any Final Acts is refused before it is parsed.
            if (new FileInfo(path) is { Exists: true } info && info.Length > (long)options.MaxCharacters * 4)
            {
                throw new IOException(string.Format(CultureInfo.InvariantCulture, "the file is {0:N0} bytes, more than the reading limit of {1:N0}", info.Length, (long)options.MaxCharacters * 4));
            }

            using var stream = File.OpenRead(path);
            return (Extract(stream, path, version), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var kind = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "PDF" : "Word (.docx)";
            return (null, Diagnostic.Create(ReadingDiagnostics.NotText, new Location(path, string.Empty, new SourceSpan(1, 1, 0, 0)), $"This {kind} document could not be read: {e.Message}"));
        }
    }

    /// <summary>Extracts the text of a .docx or .pdf document given as a stream (the path says which, and names locations).</summary>
    /// <param name="stream">The document.</param>
    /// <param name="path">Its path or name, ending in .docx or .pdf.</param>
    /// <param name="version">For a Word document with tracked changes: the proposed or the original text.</param>
    public static DocumentText Extract(Stream stream, string path, DocumentVersion version = DocumentVersion.Proposed)
    {
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return PdfText.Extract(stream, path);
        }

        var (text, changes) = DocxText.Extract(stream, version);
        var notes = new List<Diagnostic>();
        if (changes > 0)
        {
            notes.Add(Diagnostic.Create(ReadingDiagnostics.TrackedChanges, new Location(path, string.Empty, new SourceSpan(1, 1, 0, 0)),
                changes.ToString(CultureInfo.InvariantCulture), version == DocumentVersion.Proposed ? "proposed text (every change accepted)" : "original text (every change rejected)"));
        }

        return new DocumentText(text, changes, notes);
    }

    /// <summary>Reads every instrument of a .docx or .pdf file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader options; null for the defaults.</param>
    /// <param name="version">For a Word document with tracked changes: the proposed or the original text.</param>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAllFile(string path, ReaderOptions? options = null, DocumentVersion version = DocumentVersion.Proposed)
    {
        var (document, error) = ExtractFile(path, version, options ?? ReaderOptions.Default);
        return document is null ? new[] { ParseResult<Resolution>.Create(null, new[] { error! }) } : ReadAll(document, path, options);
    }

    /// <summary>Reads every instrument of a document's extracted text, with what extraction found on the first.</summary>
    /// <param name="document">The text extracted from the document.</param>
    /// <param name="path">The document's path (.docx or .pdf), named in locations.</param>
    /// <param name="options">Reader options; null for the defaults.</param>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAll(DocumentText document, string path, ReaderOptions? options = null)
    {
        if (document is null || path is null)
        {
            throw new ArgumentNullException(document is null ? nameof(document) : nameof(path));
        }

        var results = ResolutionTextReader.ReadAll(document.Text, path, OptionsFor(path, options));
        if (document.Notes.Count == 0 || results.Count == 0)
        {
            return results;
        }

        var list = results.ToList();
        list[0] = ParseResult<Resolution>.Create(list[0].Value, document.Notes.Concat(list[0].Diagnostics));
        return list;
    }

    /// <summary>A Word paragraph is a line of its own; a PDF line may be part of a wrapped paragraph.</summary>
    internal static ReaderOptions? OptionsFor(string path, ReaderOptions? options) =>
        path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? (options ?? ReaderOptions.Default) with { LinesAreParagraphs = true } : options;
}
