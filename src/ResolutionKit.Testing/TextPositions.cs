using System;

namespace ResolutionKit.Testing;

/// <summary>Line and column arithmetic on test texts (1-based; a tab is one column, as the reader counts).</summary>
internal static class TextPositions
{
    public static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
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

        return (line, column);
    }

    /// <summary>The covered text, shortened for a message and with tabs and line breaks made visible.</summary>
    public static string Excerpt(string text, int offset, int length, int max = 80)
    {
        var start = Math.Max(0, Math.Min(offset, text.Length));
        var end = Math.Max(start, Math.Min(offset + length, text.Length));
        var covered = text.Substring(start, end - start);
        if (covered.Length > max)
        {
            covered = covered.Substring(0, max - 3) + "...";
        }

        return "\"" + covered.Replace("\t", "\\t").Replace("\n", "\\n") + "\"";
    }

    /// <summary>The line holding <paramref name="offset"/>.</summary>
    public static string LineAt(string text, int offset)
    {
        var at = Math.Max(0, Math.Min(offset, text.Length));
        var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var end = text.IndexOf('\n', at);
        return text.Substring(start, (end < 0 ? text.Length : end) - start);
    }
}
