using System;

namespace ResolutionKit.Model;

/// <summary>
/// A place in a source text: the 1-based line and column where it starts, the 0-based character offset, and
/// its length in characters of the original (un-normalized) text.
/// </summary>
/// <param name="Line">The 1-based line of the first character.</param>
/// <param name="Column">The 1-based column of the first character.</param>
/// <param name="Offset">The 0-based offset of the first character in the original text.</param>
/// <param name="Length">The length in characters of the original text covered.</param>
public sealed record SourceSpan(int Line, int Column, int Offset, int Length)
{
    /// <summary>Formats the span as <c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// One stretch of a node's text that came from one stretch of the source: text offsets
/// [<paramref name="TextOffset"/>, <paramref name="TextOffset"/> + <paramref name="Length"/>) map to source offsets
/// starting at <paramref name="SourceOffset"/>.
/// </summary>
/// <param name="TextOffset">Offset in the node's text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Line">The 1-based source line.</param>
/// <param name="Column">The 1-based source column.</param>
/// <param name="SourceOffset">The 0-based source offset.</param>
public sealed record SourceSegment(int TextOffset, int Length, int Line, int Column, int SourceOffset);

/// <summary>
/// Maps character offsets in a node's text (which may join several wrapped source lines) back to the source.
/// </summary>
/// <param name="Segments">Segments in text order.</param>
public sealed record SourceMap(Collections.EquatableArray<SourceSegment> Segments)
{
    /// <summary>
    /// The source span of the text range [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).
    /// The length in the source may differ when the range crosses a line break.
    /// </summary>
    /// <param name="start">Offset in the node's text.</param>
    /// <param name="length">Length in the node's text.</param>
    public SourceSpan? Locate(int start, int length)
    {
        if (Segments.IsEmpty)
        {
            return null;
        }

        var first = Find(start);
        var last = Find(Math.Max(start, start + length - 1));
        var startOffset = first.SourceOffset + Math.Min(start - first.TextOffset, first.Length);
        var endText = start + length;
        var endOffset = last.SourceOffset + Math.Min(Math.Max(endText - last.TextOffset, 0), last.Length);
        var column = first.Column + Math.Min(start - first.TextOffset, first.Length);
        return new SourceSpan(first.Line, column, startOffset, Math.Max(0, endOffset - startOffset));
    }

    private SourceSegment Find(int textOffset)
    {
        var found = Segments[0];
        foreach (var segment in Segments)
        {
            if (segment.TextOffset <= textOffset)
            {
                found = segment;
            }
            else
            {
                break;
            }
        }

        return found;
    }
}
