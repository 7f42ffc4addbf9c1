using System;

namespace ResolutionKit.Rules.Tests.Infrastructure;

/// <summary>
/// A file text with one <c>$$</c> caret marking where an error is expected, so tests name the place instead of
/// hand-counting line and column numbers.
/// </summary>
public sealed record JsonMarkup(string Text, int Line, int Column)
{
    public static JsonMarkup Parse(string marked)
    {
        marked = marked.Replace("\r\n", "\n");
        var at = marked.IndexOf("$$", StringComparison.Ordinal);
        if (at < 0 || marked.IndexOf("$$", at + 2, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("Mark exactly one place with $$", nameof(marked));
        }

        var text = marked.Remove(at, 2);
        int line = 1, column = 1;
        for (var i = 0; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new JsonMarkup(text, line, column);
    }
}
