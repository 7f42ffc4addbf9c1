using System;
using System.Collections.Generic;
using ResolutionKit.Model;

namespace ResolutionKit.Reading.Text;

/// <summary>
/// One line of the source after normalization: its content (trimmed, spaces normalized, invisible marks removed),
/// a folded view of the same length for matching (digits of every script as ASCII digits, full-width forms as ASCII,
/// Arabic and CJK punctuation as their ASCII counterparts), and a map back to the source so that every character keeps
/// its line, column and offset.
/// </summary>
internal sealed class SourceLine
{
    private readonly int[]? _map;

    public SourceLine(int number, int offset, int column, string text, string fold, int[]? map, bool pageBreakBefore)
    {
        Number = number;
        Offset = offset;
        Column = column;
        Text = text;
        Fold = fold;
        _map = map;
        PageBreakBefore = pageBreakBefore;
    }

    /// <summary>The 1-based physical line number.</summary>
    public int Number { get; }

    /// <summary>The source offset of <see cref="Text"/>[0].</summary>
    public int Offset { get; }

    /// <summary>The 1-based source column of <see cref="Text"/>[0].</summary>
    public int Column { get; }

    /// <summary>The normalized content, trimmed.</summary>
    public string Text { get; }

    /// <summary>The folded view of <see cref="Text"/>: same length, for matching only.</summary>
    public string Fold { get; }

    /// <summary>Whether a page ended just before this line (a form feed, or page furniture removed).</summary>
    public bool PageBreakBefore { get; set; }

    /// <summary>Whether the line was cut out of a longer physical line (a flattened text).</summary>
    public bool IsVirtual { get; init; }

    public bool IsBlank => Text.Length == 0;

    public int Length => Text.Length;

    public SourceSpan Span => SpanAt(0, Text.Length);

    /// <summary>The source offset of the character at <paramref name="index"/> of <see cref="Text"/>.</summary>
    public int SourceOffsetAt(int index) => Offset + Delta(index);

    private int Delta(int index)
    {
        if (_map is null || _map.Length == 0)
        {
            return index;
        }

        if (index < _map.Length)
        {
            return _map[index];
        }

        return _map[_map.Length - 1] + 1 + (index - _map.Length);
    }

    public SourceSpan SpanAt(int index, int length)
    {
        index = Math.Max(0, Math.Min(index, Text.Length));
        length = Math.Max(0, Math.Min(length, Text.Length - index));
        var start = Delta(index);
        var end = length == 0 ? start : Delta(index + length - 1) + 1;
        return new SourceSpan(Number, Column + start, Offset + start, end - start);
    }

    /// <summary>The part of the line from <paramref name="start"/> on (trimmed at the start).</summary>
    public SourceLine Slice(int start) => Slice(start, Text.Length - start);

    /// <summary>A part of the line (trimmed of spaces at both ends).</summary>
    public SourceLine Slice(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, Text.Length));
        length = Math.Max(0, Math.Min(length, Text.Length - start));
        while (length > 0 && IsSpace(Text[start]))
        {
            start++;
            length--;
        }

        while (length > 0 && IsSpace(Text[start + length - 1]))
        {
            length--;
        }

        if (start == 0 && length == Text.Length)
        {
            return this;
        }

        int[]? map = null;
        if (_map is not null)
        {
            map = new int[length];
            var baseDelta = Delta(start);
            for (var i = 0; i < length; i++)
            {
                map[i] = Delta(start + i) - baseDelta;
            }

            if (IsContiguous(map))
            {
                map = null;
            }
        }

        var delta = Delta(start);
        return new SourceLine(Number, Offset + delta, Column + delta, Text.Substring(start, length), Fold.Substring(start, length), map, start == 0 && PageBreakBefore)
        {
            IsVirtual = IsVirtual || length != Text.Length,
        };
    }

    /// <summary>The source segments of the range [<paramref name="start"/>, start + length) of the text, placed at <paramref name="textOffset"/> of a node's text.</summary>
    public IEnumerable<SourceSegment> Segments(int start, int length, int textOffset)
    {
        if (length <= 0)
        {
            yield break;
        }

        if (_map is null)
        {
            yield return new SourceSegment(textOffset, length, Number, Column + start, Offset + start);
            yield break;
        }

        var runStart = start;
        for (var i = start + 1; i <= start + length; i++)
        {
            if (i == start + length || Delta(i) != Delta(i - 1) + 1)
            {
                var d = Delta(runStart);
                yield return new SourceSegment(textOffset + (runStart - start), i - runStart, Number, Column + d, Offset + d);
                runStart = i;
            }
        }
    }

    public override string ToString() => Number + ": " + Text;

    internal static bool IsContiguous(int[] map)
    {
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpace(char c) => c == ' ' || c == '\t';
}
