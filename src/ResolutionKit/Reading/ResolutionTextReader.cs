using System;
using System.Globalization;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;

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

    /// <summary>
    /// Each line is a paragraph, never a wrapped part of one (a Word document, where paragraphs are explicit): annex
    /// paragraphs on consecutive lines stay separate. Set by the Word reader.
    /// </summary>
    public bool LinesAreParagraphs { get; init; }
}

/// <summary>
/// Reads resolutions as people copy them — from the Final Acts, Word, PDF or a web page, in any of the six
/// languages, of any body — into the model. It normalizes first (see <c>docs/text-format.md</c>), detects the
/// language, recovers flattened lines, removes page furniture on evidence, finds each instrument in the text, and
/// builds its structure. It never throws on bad input and never drops text: what it cannot place is kept and
/// reported with its line and column.
/// </summary>
public static class ResolutionTextReader
{
    /// <summary>Reads a file. A file that cannot be opened is reported as RK0008, not thrown.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static ParseResult<Resolution> ReadFile(string path, ReaderOptions? options = null) => First(ReadAllFile(path, options), path);

    /// <summary>
    /// The text of a file decoded as the reader decodes it (for a .docx or .pdf, the text extracted from it) (UTF-8, UTF-16 with a byte order mark, or Windows-1252 when the
    /// file is not UTF-8), for showing excerpts; null for a pipe, device or socket, or a file that cannot be read.
    /// </summary>
    /// <param name="path">The file path.</param>
    public static string? ReadText(string path)
    {
        try
        {
            if (Documents.DocumentReader.Handles(path))
            {
                return Internal.FileKind.IsSpecial(path) ? null : Documents.DocumentReader.ExtractFile(path).Text?.Text;
            }

            return Internal.FileKind.IsSpecial(path) ? null : Internal.TextDecoding.Decode(File.ReadAllBytes(path), out _, out _, out _, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Reads every instrument of a file (a Final Acts text or a proposal holds many).</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAllFile(string path, ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        if (Documents.DocumentReader.Handles(path))
        {
            // Word and PDF documents are turned into text first, from their structure and layout.
            return Documents.DocumentReader.ReadAllFile(path, options);
        }

        try
        {
            var info = new FileInfo(path);
            if (Internal.FileKind.IsSpecial(path))
            {
                return new[] { Fail(path, "This is not a regular file but a pipe, device or socket; reading it could block or never end, so it is not read") };
            }

            if (info.Exists && info.Length > (long)options.MaxCharacters * 4)
            {
                return new[] { Fail(path, string.Format(CultureInfo.InvariantCulture, "The file is {0:N0} bytes, more than the reading limit of {1:N0} characters", info.Length, options.MaxCharacters)) };
            }

            return ReadAllBytes(File.ReadAllBytes(path), path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new[] { Fail(path, "The file could not be read: " + e.Message) };
        }
    }

    /// <summary>
    /// Reads every instrument of a text given as the bytes of a file (an upload, a document store, an editor buffer):
    /// UTF-8 with or without a byte order mark and UTF-16 with one are read as they are; a Windows-1252 file is read in
    /// that code page and reported (RK0019); damaged UTF-8 is read with U+FFFD in place of the bad bytes and reported
    /// where it starts (RK0020).
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="path">The path to name in locations, when known.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAllBytes(byte[] bytes, string? path = null, ReaderOptions? options = null)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        var text = Internal.TextDecoding.Decode(bytes, out var outcome, out var line, out var column, out var count);
        var results = ReadAll(text, path, options);
        if (outcome == Internal.TextDecoding.Outcome.Clean || results.Count == 0)
        {
            return results;
        }

        var at = new Location(path, string.Empty, new SourceSpan(line, column, 0, 0));
        var note = outcome == Internal.TextDecoding.Outcome.Windows1252
            ? Diagnostic.Create(ReadingDiagnostics.Windows1252, at, count.ToString(CultureInfo.InvariantCulture), line.ToString(CultureInfo.InvariantCulture), column.ToString(CultureInfo.InvariantCulture))
            : Diagnostic.Create(ReadingDiagnostics.InvalidUtf8, at, count.ToString(CultureInfo.InvariantCulture));
        var list = results.ToList();
        list[0] = ParseResult<Resolution>.Create(list[0].Value, new[] { note }.Concat(list[0].Diagnostics));
        return list;
    }

    /// <summary>The text of a file's bytes decoded as <see cref="ReadAllBytes"/> decodes them (for excerpts and source maps).</summary>
    /// <param name="bytes">The bytes.</param>
    public static string DecodeBytes(byte[] bytes) => Internal.TextDecoding.Decode(bytes ?? throw new ArgumentNullException(nameof(bytes)), out _, out _, out _, out _);

    /// <summary>Reads a text holding one instrument; when it holds several, the first, with an RK0013 warning naming the others.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The path to name in locations, when known.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static ParseResult<Resolution> Read(string text, string? path = null, ReaderOptions? options = null) => First(ReadAll(text, path, options), path);

    /// <summary>Reads every instrument of a text, each with its own diagnostics, in document order.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The path to name in locations, when known.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAll(string text, string? path = null, ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        if (text.Length > options.MaxCharacters)
        {
            return new[] { Fail(path, FormattableString.Invariant($"The text has {text.Length:N0} characters, more than the reading limit of {options.MaxCharacters:N0}")) };
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, col) = LineColumn(text, nul);
            return new[]
            {
                ParseResult<Resolution>.Create(null, new[]
                {
                    Diagnostic.Create(ReadingDiagnostics.NotText, new Location(path, string.Empty, new SourceSpan(line, col, nul, 1)), "The input contains a NUL character: it is binary, not text (Word and PDF documents are read when their name ends in .docx or .pdf)"),
                }),
            };
        }

        return new TextParser(text, path, options).Parse();
    }

    private static ParseResult<Resolution> First(IReadOnlyList<ParseResult<Resolution>> all, string? path)
    {
        if (all.Count <= 1)
        {
            return all.Count == 1 ? all[0] : Fail(path, "The text is empty");
        }

        var first = all[0];
        var others = all.Skip(1).Select(r => r.Value?.Id.DisplayName ?? "?").ToList();
        var span = all[1].Value?.Span ?? new SourceSpan(1, 1, 0, 0);
        var note = Diagnostic.Create(
            ReadingDiagnostics.SeveralInstruments,
            new Location(path, string.Empty, span),
            $"The text holds {all.Count} instruments; this reads the first ({first.Value?.Id.DisplayName}) and not {string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", ..." : string.Empty)} (ReadAll reads them all)");
        return ParseResult<Resolution>.Create(first.Value, first.Diagnostics.Concat(new[] { note }));
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
}
