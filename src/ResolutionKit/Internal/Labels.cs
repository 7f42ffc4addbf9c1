using System;
using System.Globalization;
using System.Text;

namespace ResolutionKit.Internal;

/// <summary>What a clause label is made of.</summary>
internal enum LabelKind
{
    None,
    Letter,
    Roman,
    Number,
}

/// <summary>
/// Clause labels in every script: Latin letters (<c>a)</c>), the Cyrillic letters Russian copies use (and the
/// Cyrillic look-alikes of Latin letters that slip into them), Arabic letters in their traditional order
/// (<c>أ)</c>, <c>ب)</c>, <c>ج)</c>), roman numerals and numbers. Every label has a canonical key, the same in all
/// six languages (<c>ب)</c>, <c>б)</c> and <c>b)</c> all have the key <c>b</c>), which is what addresses use.
/// </summary>
internal static class Labels
{
    public const string Latin = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>The Russian alphabet as used for labels (without ё, й, ъ, ы, ь).</summary>
    public const string Cyrillic = "абвгдежзиклмнопрстуфхцчшщэюя";

    /// <summary>The Arabic letters in the order (abjad) used for enumerations.</summary>
    public const string Arabic = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ";

    /// <summary>Cyrillic letters that look like Latin ones and stand for them in labels.</summary>
    private const string LookAlikes = "асеорхук";
    private const string LookAlikeLatin = "aceopxyk";

    /// <summary>Whether the character can be the letter of a letter label.</summary>
    public static bool IsLabelLetter(char c) =>
        (c >= 'a' && c <= 'z') || Cyrillic.IndexOf(c) >= 0 || IsArabicLetter(c);

    private static bool IsArabicLetter(char c) => Arabic.IndexOf(FoldArabic(c)) >= 0;

    private static char FoldArabic(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' => '\u0627',
        '\u0629' => '\u0647',
        '\u0649' => '\u064A',
        _ => c,
    };

    /// <summary>
    /// The canonical key of a label: for a letter its Latin letter of the same rank (a Cyrillic look-alike stands
    /// for the Latin letter it imitates), for a number its ASCII digits, for a roman numeral itself; without the
    /// closing parenthesis or dot. Empty for an empty label.
    /// </summary>
    public static string Key(string label)
    {
        if (IsPlain(label))
        {
            return label.Length > 0 && label[label.Length - 1] == ')' ? label.Substring(0, label.Length - 1) : label;
        }

        var t = label.Trim().TrimStart('(').TrimEnd(')', '.').Trim();
        if (t.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(t.Length);
        foreach (var raw in t)
        {
            var c = Reading.Text.Normalizer.FoldChar(raw);
            if (c >= '0' && c <= '9' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            {
                sb.Append(c);
                continue;
            }

            var look = LookAlikes.IndexOf(char.ToLowerInvariant(c));
            if (look >= 0)
            {
                sb.Append(LookAlikeLatin[look]);
                continue;
            }

            var cyr = Cyrillic.IndexOf(char.ToLowerInvariant(c));
            if (cyr >= 0)
            {
                sb.Append(cyr < Latin.Length ? Latin[cyr] : c);
                continue;
            }

            var ar = Arabic.IndexOf(FoldArabic(c));
            if (ar >= 0)
            {
                sb.Append(ar < Latin.Length ? Latin[ar] : c);
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // "a)", "12", "2.1", "iv)": nothing to fold.
    private static bool IsPlain(string label)
    {
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            var ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c == '.' && i > 0 && i < label.Length - 1) || (c == ')' && i == label.Length - 1 && i > 0);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The alphabet a letter label is written in (Latin, Russian or Arabic order).</summary>
    public static string AlphabetOf(string label)
    {
        foreach (var c in label)
        {
            if (IsArabicLetter(c))
            {
                return Arabic;
            }

            if (Cyrillic.IndexOf(char.ToLowerInvariant(c)) >= 0 && LookAlikes.IndexOf(char.ToLowerInvariant(c)) < 0)
            {
                return Cyrillic;
            }
        }

        return Latin;
    }

    /// <summary>The letter of rank <paramref name="index"/> (0-based) in an alphabet; beyond its end, doubled letters.</summary>
    public static string Letter(int index, string alphabet)
    {
        if (index < alphabet.Length)
        {
            return alphabet[index].ToString();
        }

        var c = alphabet[index % alphabet.Length];
        return new string(c, 1 + (index / alphabet.Length));
    }

    /// <summary>The 0-based rank of a letter key (a → 0), or -1.</summary>
    public static int RankOfKey(string key) => key.Length == 1 && key[0] >= 'a' && key[0] <= 'z' ? key[0] - 'a' : -1;

    /// <summary>Whether a canonical key is a roman numeral (i, ii, iv, ...).</summary>
    public static bool IsRoman(string key) => Roman.Parse(key) > 0;

    /// <summary>The top-level number of a numeric key ("2.1" → 2), or -1.</summary>
    public static int TopNumber(string key)
    {
        var dot = key.IndexOf('.');
        var head = dot < 0 ? key : key.Substring(0, dot);
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>
    /// Normalizes how a label is written: letters and roman numerals close with a parenthesis (<c>(a)</c> and
    /// <c>a.</c> read as <c>a)</c>; a Cyrillic look-alike of a Latin letter becomes the Latin letter), numbers are
    /// written in ASCII digits without a closing dot or parenthesis (<c>1.</c>, <c>1)</c>, <c>١</c> read as
    /// <c>1</c>). The clause text keeps its characters; only the label is normalized.
    /// </summary>
    public static string Normalize(string label, LabelKind kind)
    {
        var t = label.Trim().TrimStart('(').TrimEnd(')', '.').Trim();
        if (kind == LabelKind.Number)
        {
            return Reading.Text.Normalizer.Fold(t);
        }

        var sb = new StringBuilder(t.Length + 1);
        foreach (var c in t)
        {
            var look = LookAlikes.IndexOf(c);
            sb.Append(look >= 0 && t.Length == 1 ? LookAlikeLatin[look] : Reading.Text.Normalizer.FoldChar(c));
        }

        return sb.Append(')').ToString();
    }
}
