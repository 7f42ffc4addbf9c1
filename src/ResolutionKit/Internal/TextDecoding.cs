using System;
using System.Text;

namespace ResolutionKit.Internal;

/// <summary>
/// Turns the bytes of a text file into text and says what it did. UTF-8 (with or without a byte order mark) and UTF-16
/// with a byte order mark (Word's "Unicode text") are read as they are. A file that is not valid UTF-8 is either a
/// Windows-1252 / Latin-1 file (no valid UTF-8 sequence at all: read in that code page, reported as a suggestion) or a
/// UTF-8 file with damaged bytes (read with U+FFFD in their place, reported as a warning naming the first place).
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    // Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five unassigned bytes map to the C1 controls as Windows does.
    private static readonly char[] Cp1252High =
    {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    /// <summary>What decoding found: nothing, a Windows-1252 file, or damaged UTF-8.</summary>
    public enum Outcome
    {
        /// <summary>Valid UTF-8 or UTF-16 with a byte order mark.</summary>
        Clean,

        /// <summary>Read as Windows-1252.</summary>
        Windows1252,

        /// <summary>UTF-8 with invalid bytes replaced by U+FFFD.</summary>
        Damaged,
    }

    public static string Decode(byte[] bytes, out Outcome outcome, out int line, out int column, out int count)
    {
        outcome = Outcome.Clean;
        line = column = count = 0;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var first = Math.Max(start, Math.Min(bytes.Length - 1, start + Math.Max(0, e.Index)));
            (line, column) = Position(bytes, start, first);
        }

        var lenient = Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        var valid = 0;
        foreach (var c in lenient)
        {
            if (c == '\uFFFD')
            {
                count++;
            }
            else if (c >= 0x80)
            {
                valid++;
            }
        }

        if (valid > 0)
        {
            outcome = Outcome.Damaged;
            return lenient;
        }

        outcome = Outcome.Windows1252;
        var chars = new char[bytes.Length - start];
        count = 0;
        for (var i = start; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i - start] = b >= 0x80 && b <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
            if (b >= 0x80)
            {
                count++;
            }
        }

        return new string(chars);
    }

    private static (int Line, int Column) Position(byte[] bytes, int start, int index)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, so the valid UTF-8 before the bad byte is decoded to count them.
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, index - lineStart) + 1);
    }
}
