using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;

namespace ResolutionKit.Reading;

/// <summary>
/// The result of reading: the value (when anything could be read) and the diagnostics. Readers never throw on bad
/// input; they report.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value read; null when nothing usable could be read.</param>
/// <param name="Diagnostics">What the reader reported, in source order.</param>
public sealed record ParseResult<T>(T? Value, EquatableArray<Diagnostic> Diagnostics)
    where T : class
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Whether a value was read with no error.</summary>
    public bool Success => Value is not null && !HasErrors;

    /// <summary>Creates a result.</summary>
    /// <param name="value">The value.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    public static ParseResult<T> Create(T? value, IEnumerable<Diagnostic> diagnostics) =>
        new(value, diagnostics.OrderBy(d => d, Comparer<Diagnostic>.Create(Diagnostic.Compare)).ToEquatableArray());
}

/// <summary>The descriptors of what readers report (one catalog for all reading messages).</summary>
public static class ReadingDiagnostics
{
    private const string Category = "Reading";
    private const string Help = "https://github.com/resolutionkit/resolutionkit/blob/main/docs/text-format.md#reading-diagnostics";

    /// <summary>RK0001: no title line was found.</summary>
    public static DiagnosticDescriptor MissingTitle { get; } = new("RK0001", "No title line", "No title line (\"RESOLUTION n\", \"DECISION n\" or their forms in the six languages) was found; the text is read and checked as {0}, an identity taken from its file", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0002: text that could not be placed.</summary>
    public static DiagnosticDescriptor Unplaced { get; } = new("RK0002", "Text could not be placed", "{0}; the text is kept: \"{1}\"", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0003: a hyphenated word was rejoined.</summary>
    public static DiagnosticDescriptor Hyphenation { get; } = new("RK0003", "Hyphenation rejoined", "The word split across lines as \"{0}\" was rejoined as \"{1}\"", Category, DiagnosticSeverity.Hidden) { HelpLinkUri = Help };

    /// <summary>RK0004: page furniture removed.</summary>
    public static DiagnosticDescriptor PageFurniture { get; } = new("RK0004", "Page furniture removed", "Removed {0} (page furniture, not text), such as \"{1}\" ({2})", Category, DiagnosticSeverity.Suggestion) { HelpLinkUri = Help };

    /// <summary>RK0005: a label out of sequence or of the wrong style.</summary>
    public static DiagnosticDescriptor LabelSequence { get; } = new("RK0005", "Clause label out of sequence", "{0}", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0006: a footnote problem.</summary>
    public static DiagnosticDescriptor Footnote { get; } = new("RK0006", "Footnote mismatch", "{0}", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0007: no conference formula.</summary>
    public static DiagnosticDescriptor MissingFormula { get; } = new("RK0007", "No conference formula", "No conference formula (\"The Plenipotentiary Conference of the International Telecommunication Union (...),\") was found; the adopting body is {0}", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0008: input not readable as text.</summary>
    public static DiagnosticDescriptor NotText { get; } = new("RK0008", "Input is not readable text", "{0}", Category, DiagnosticSeverity.Error) { HelpLinkUri = Help };

    /// <summary>RK0009: a group with no clauses.</summary>
    public static DiagnosticDescriptor EmptyGroup { get; } = new("RK0009", "Empty group", "The group \"{0}\" has no clauses", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0010: the JSON form could not be read.</summary>
    public static DiagnosticDescriptor InvalidJson { get; } = new("RK0010", "Invalid resolution JSON", "{0}", Category, DiagnosticSeverity.Error) { HelpLinkUri = Help };

    /// <summary>RK0011: the same instrument, in one language, was read more than once (each copy is still checked).</summary>
    public static DiagnosticDescriptor DuplicateInstrument { get; } = new("RK0011", "Instrument read twice", "{0}", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0012: a flattened text whose structure was recovered.</summary>
    public static DiagnosticDescriptor Flattened { get; } = new("RK0012", "Flattened text", "This line of {0} characters holds a run-together text; its structure was recovered from its headings and labels", Category, DiagnosticSeverity.Suggestion) { HelpLinkUri = Help };

    /// <summary>RK0013: the text holds several instruments.</summary>
    public static DiagnosticDescriptor SeveralInstruments { get; } = new("RK0013", "Several instruments in one text", "{0}", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0014: characters normalized (direction marks, presentation forms).</summary>
    public static DiagnosticDescriptor Normalized { get; } = new("RK0014", "Characters normalized", "{0}", Category, DiagnosticSeverity.Hidden) { HelpLinkUri = Help };

    /// <summary>RK0015: a plain digit glued to a word read as a footnote marker.</summary>
    public static DiagnosticDescriptor FootnoteMarker { get; } = new("RK0015", "Footnote marker recovered", "The digit {0} glued to the word before it is the marker of footnote {0}; it is read as a superscript", Category, DiagnosticSeverity.Hidden) { HelpLinkUri = Help };

    /// <summary>RK0016: a note kept as written (under the title, or what follows a proposal unit).</summary>
    public static DiagnosticDescriptor Note { get; } = new("RK0016", "Note kept as written", "A note that is not part of the text's structure is kept as written: \"{0}\"", Category, DiagnosticSeverity.Hidden) { HelpLinkUri = Help };

    /// <summary>RK0017: the body that adopted the text could not be established.</summary>
    public static DiagnosticDescriptor UnknownBody { get; } = new("RK0017", "Adopting body unknown", "Neither the title nor a conference formula says which body adopted {0}; its address starts with \"Unknown\"", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0018: clauses after the formula with no group heading before them.</summary>
    public static DiagnosticDescriptor MissingHeading { get; } = new("RK0018", "Group heading missing", "Clauses follow the conference formula with no group heading before them (web copies drop the italic headings); they are kept in an unnamed preambular group", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0019: a file that is not UTF-8 was read as Windows-1252 (Latin-1).</summary>
    public static DiagnosticDescriptor Windows1252 { get; } = new("RK0019", "Read as Windows-1252", "The file is not UTF-8: it was read as Windows-1252 (Latin-1), {0} non-ASCII byte(s) from line {1}, column {2}; save it as UTF-8 to be sure", Category, DiagnosticSeverity.Suggestion) { HelpLinkUri = Help };

    /// <summary>RK0020: invalid UTF-8 bytes were replaced.</summary>
    public static DiagnosticDescriptor InvalidUtf8 { get; } = new("RK0020", "Invalid UTF-8 replaced", "The file has {0} invalid UTF-8 sequence(s), the first here; each was read as the replacement character U+FFFD", Category, DiagnosticSeverity.Warning) { HelpLinkUri = Help };

    /// <summary>RK0021: a Word document with tracked changes was read in one of its versions.</summary>
    public static DiagnosticDescriptor TrackedChanges { get; } = new("RK0021", "Tracked changes read", "The document has {0} tracked change(s); this is its {1}", Category, DiagnosticSeverity.Suggestion) { HelpLinkUri = Help };

    /// <summary>All reading descriptors.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = System.Array.AsReadOnly(new[]
    {
        MissingTitle, Unplaced, Hyphenation, PageFurniture, LabelSequence, Footnote, MissingFormula, NotText, EmptyGroup, InvalidJson, DuplicateInstrument,
        Flattened, SeveralInstruments, Normalized, FootnoteMarker, Note, UnknownBody, MissingHeading, Windows1252, InvalidUtf8, TrackedChanges,
    });
}
