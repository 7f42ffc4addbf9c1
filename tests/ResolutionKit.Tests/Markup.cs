using System;
using ResolutionKit.Model;

namespace ResolutionKit.Tests;

/// <summary>
/// Test markup: <c>[|...|]</c> marks the span a test expects, so that no line or column is counted by hand.
/// </summary>
internal static class Markup
{
    private const string Open = "[|";
    private const string Close = "|]";

    /// <summary>Removes the single <c>[|...|]</c> pair and returns the plain text and the marked range.</summary>
    public static (string Text, int Start, int Length) Parse(string marked)
    {
        var open = marked.IndexOf(Open, StringComparison.Ordinal);
        var close = marked.IndexOf(Close, StringComparison.Ordinal);
        if (open < 0 || close < open || marked.IndexOf(Open, open + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("Expected exactly one [|...|] in: " + marked, nameof(marked));
        }

        var text = marked.Substring(0, open) + marked.Substring(open + Open.Length, close - open - Open.Length) + marked.Substring(close + Close.Length);
        return (text, open, close - open - Open.Length);
    }

    /// <summary>
    /// Finds <paramref name="markedContext"/> (a piece of <paramref name="source"/> with one <c>[|...|]</c>) in the
    /// source, which must contain it exactly once, and returns the span of the marked part in the source.
    /// </summary>
    public static SourceSpan Locate(string source, string markedContext)
    {
        var (context, start, length) = Parse(markedContext);
        var at = source.IndexOf(context, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("Context not found in the source: " + context, nameof(markedContext));
        }

        if (source.IndexOf(context, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("Context is not unique in the source: " + context, nameof(markedContext));
        }

        return SpanAt(source, at + start, length);
    }

    /// <summary>The 1-based line and column of an offset, counting "\r\n", "\r" and "\n" as line breaks and every other character as one column.</summary>
    public static SourceSpan SpanAt(string source, int offset, int length)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset; i++)
        {
            var c = source[i];
            if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
            {
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourceSpan(line, column, offset, length);
    }
}
