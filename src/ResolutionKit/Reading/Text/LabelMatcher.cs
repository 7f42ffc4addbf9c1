using ResolutionKit.Internal;

namespace ResolutionKit.Reading.Text;

/// <summary>A clause label found at a position of a line.</summary>
/// <param name="Label">The label in its normalized form (<c>a)</c>, <c>2.1</c>, <c>ب)</c>).</param>
/// <param name="Kind">Letter, roman numeral or number.</param>
/// <param name="Key">Its canonical key (<c>a</c>, <c>2.1</c>, <c>b</c>).</param>
/// <param name="TextStart">Where the clause text starts (after the label and its separator).</param>
/// <param name="Glued">Whether the text touches the label with no space (<c>a)that</c>, <c>1在</c>).</param>
/// <param name="Tab">Whether a tab separates label and text (the canonical layout).</param>
/// <param name="Closed">Whether the label carries a closing mark (<c>a)</c>, <c>1.</c>, <c>1)</c>).</param>
internal sealed record LabelToken(string Label, LabelKind Kind, string Key, int TextStart, bool Glued, bool Tab, bool Closed)
{
    public bool AtEnd(string fold) => TextStart >= fold.Length;
}

/// <summary>
/// Recognizes clause labels in every layout copies give them: <c>a)</c>, <c>(a)</c>, <c>bbis)</c>, <c>i)</c>,
/// <c>ii.</c>, <c>1</c>, <c>1.</c>, <c>1)</c>, <c>2.1</c>, Arabic <c>أ)</c> and <c>ب )</c>, Cyrillic <c>б)</c>,
/// Arabic-Indic digits; followed by a tab, spaces, the end of the line, or (glued) the text itself.
/// </summary>
internal static class LabelMatcher
{
    public static LabelToken? At(string fold, int pos, bool allowGluedNumbers)
    {
        var n = fold.Length;
        if (pos >= n)
        {
            return null;
        }

        var i = pos;
        var open = false;
        if (fold[i] == '(')
        {
            open = true;
            i++;
        }

        if (i >= n)
        {
            return null;
        }

        if (char.IsDigit(fold[i]) && fold[i] < 0x80)
        {
            if (open)
            {
                // "(1)" is a reference or an enumeration in running text more often than a label; only as a label alone.
                var close = fold.IndexOf(')', i);
                if (close < 0 || close - i > 3)
                {
                    return null;
                }
            }

            var start = i;
            var groups = 0;
            while (true)
            {
                var digits = 0;
                while (i < n && fold[i] >= '0' && fold[i] <= '9' && digits < 4)
                {
                    i++;
                    digits++;
                }

                if (digits == 0 || digits > 3)
                {
                    return null;
                }

                groups++;
                if (i + 1 < n && fold[i] == '.' && fold[i + 1] >= '0' && fold[i + 1] <= '9' && groups < 4)
                {
                    i++;
                    continue;
                }

                break;
            }

            var number = fold.Substring(start, i - start);
            var closed = false;
            if (i < n && (fold[i] == '.' || fold[i] == ')'))
            {
                if (open && fold[i] != ')')
                {
                    return null;
                }

                closed = true;
                i++;
            }
            else if (open)
            {
                return null;
            }

            return Finish(fold, i, number, LabelKind.Number, closed, true, number);
        }

        // Letters: a) bbis) i) ii. أ) ب ) б)
        var letterStart = i;
        while (i < n && i - letterStart < 6 && IsLetterChar(fold[i]))
        {
            i++;
        }

        if (i == letterStart)
        {
            return null;
        }

        var letters = fold.Substring(letterStart, i - letterStart);
        var kind = Classify(letters);
        if (kind == LabelKind.None)
        {
            return null;
        }

        // Arabic copies put a space before the parenthesis: "ب )".
        var j = i;
        if (j < n && fold[j] == ' ' && j + 1 < n && fold[j + 1] == ')' && IsArabic(letters[0]))
        {
            j++;
        }

        if (j < n && fold[j] == ')')
        {
            return Finish(fold, j + 1, letters, kind, true, true, letters);
        }

        // "ii." and "iv." (roman with a dot), never "a." (an abbreviation or a sentence end).
        if (!open && kind == LabelKind.Roman && j < n && fold[j] == '.' && j + 1 < n && fold[j + 1] == ' ')
        {
            return Finish(fold, j + 1, letters, kind, true, false, letters);
        }

        return null;
    }

    private static LabelToken? Finish(string fold, int i, string core, LabelKind kind, bool closed, bool mayGlue, string written)
    {
        var n = fold.Length;
        var tab = false;
        var glued = false;
        if (i < n)
        {
            var c = fold[i];
            if (c == '\t' || c == ' ')
            {
                var k = i;
                while (k < n && (fold[k] == '\t' || fold[k] == ' '))
                {
                    tab |= fold[k] == '\t';
                    k++;
                }

                i = k;
            }
            else if (mayGlue && (char.IsLetter(c) || c == '"' || c == '“' || c == '«' || c == '„' || c == '\'' || c == '‘'))
            {
                // "a)that", "1在", "1بأن"; a number glued to a Latin letter ("1de") only where the reader's sequence allows it.
                if (kind == LabelKind.Number && !closed && c < 0x250 && !char.IsLower(c))
                {
                    return null;
                }

                glued = true;
            }
            else if (c == '.' || c == ',' || c == ';' || c == ':' || char.IsDigit(c))
            {
                return null;
            }
            else if (!closed)
            {
                return null;
            }
            else
            {
                glued = true;
            }
        }

        var key = Labels.Key(written + (kind == LabelKind.Number ? string.Empty : ")"));
        return new LabelToken(Labels.Normalize(written, kind), kind, key, i, glued, tab, closed);
    }

    private static LabelKind Classify(string letters)
    {
        var lower = letters.ToLowerInvariant();
        if (lower != letters)
        {
            return LabelKind.None;
        }

        if (Roman.Parse(lower) > 0 && lower.Length > 1)
        {
            return LabelKind.Roman;
        }

        if (letters.Length == 1)
        {
            return Labels.IsLabelLetter(letters[0]) ? (letters == "i" ? LabelKind.Roman : LabelKind.Letter) : LabelKind.None;
        }

        // bbis), cter), aa)
        if (letters.Length >= 4 && (letters.EndsWith("bis", System.StringComparison.Ordinal) || letters.EndsWith("ter", System.StringComparison.Ordinal)) && Labels.IsLabelLetter(letters[0]))
        {
            return LabelKind.Letter;
        }

        if (letters.Length == 2 && letters[0] == letters[1] && letters[0] <= 'z')
        {
            return LabelKind.Letter;
        }

        return LabelKind.None;
    }

    private static bool IsLetterChar(char c) => (c >= 'a' && c <= 'z') || Labels.IsLabelLetter(c) || (c >= 'A' && c <= 'Z');

    private static bool IsArabic(char c) => c >= '\u0600' && c <= '\u06FF';
}
