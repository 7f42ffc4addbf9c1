using ResolutionKit.Collections;

namespace ResolutionKit.Model;

/// <summary>A paragraph of free text (an annex paragraph or text the reader could not place).</summary>
/// <param name="Text">The text exactly as read.</param>
public sealed record Paragraph(string Text)
{
    /// <summary>Where the paragraph was read from; null when not read from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>An annex, kept as structured text: its heading, optional title and paragraphs.</summary>
/// <param name="Heading">The heading, e.g. "ANNEX TO RESOLUTION 191 (REV. BUCHAREST, 2022)".</param>
/// <param name="Title">The title line, when there is one.</param>
/// <param name="Paragraphs">The paragraphs.</param>
public sealed record Annex(string Heading, string? Title, EquatableArray<Paragraph> Paragraphs)
{
    /// <summary>Where the heading was read from; null when not read from text.</summary>
    public SourceSpan? Span { get; init; }
}
