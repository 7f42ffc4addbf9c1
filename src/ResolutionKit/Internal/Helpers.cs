using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ResolutionKit.Internal;

internal static class Casing
{
    /// <summary>"BUCHAREST" → "Bucharest", "NEW DELHI" → "New Delhi"; mixed-case text is kept as written.</summary>
    public static string ToTitleCase(string text)
    {
        var hasLower = false;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                hasLower = true;
                break;
            }
        }

        if (hasLower)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            sb.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startOfWord = c == ' ' || c == '-' || c == '\'';
        }

        return sb.ToString();
    }
}

internal static class Slug
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "the", "of", "and", "a", "an", "to" };

    /// <summary>"SecretaryGeneral" → "secretary-general", "DirectorTSB" → "director-tsb", "MemberStates" → "member-states".</summary>
    public static string OfKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var boundary = i > 0 && char.IsUpper(c) && (char.IsLower(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1])));
            if (boundary)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static string Of(string heading)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length > 0)
            {
                var w = sb.ToString();
                if (!Dropped.Contains(w))
                {
                    words.Add(w.ToLowerInvariant());
                }

                sb.Clear();
            }
        }

        foreach (var c in heading)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        if (words.Count == 0)
        {
            return "group";
        }

        // "resolves to instruct" keeps its "to": it is part of the verb.
        var slug = string.Join("-", words);
        return slug.StartsWith("resolves-instruct", StringComparison.Ordinal) ? "resolves-to-instruct" + slug.Substring("resolves-instruct".Length) : slug;
    }
}

internal static class Superscripts
{
    private const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static bool IsSuperscriptDigit(char c) => Digits.IndexOf(c) >= 0;

    public static string ToPlain(string superscript)
    {
        var sb = new StringBuilder();
        foreach (var c in superscript)
        {
            var i = Digits.IndexOf(c);
            if (i >= 0)
            {
                sb.Append((char)('0' + i));
            }
        }

        return sb.ToString();
    }

    public static string FromPlain(string digits)
    {
        var sb = new StringBuilder();
        foreach (var c in digits)
        {
            sb.Append(c >= '0' && c <= '9' ? Digits[c - '0'] : c);
        }

        return sb.ToString();
    }

    public static IReadOnlyList<string> FindMarkers(string text)
    {
        List<string>? markers = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSuperscriptDigit(text[i]))
            {
                continue;
            }

            var start = i;
            while (i < text.Length && IsSuperscriptDigit(text[i]))
            {
                i++;
            }

            (markers ??= new List<string>()).Add(ToPlain(text.Substring(start, i - start)));
        }

        return (IReadOnlyList<string>?)markers ?? Array.Empty<string>();
    }
}

internal static class Roman
{
    private static readonly string[] Numerals =
    {
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    };

    public static int Parse(string s)
    {
        var i = Array.IndexOf(Numerals, s.ToLowerInvariant());
        return i < 0 ? -1 : i + 1;
    }

    public static string Format(int n) => n >= 1 && n <= Numerals.Length ? Numerals[n - 1] : n.ToString(CultureInfo.InvariantCulture);
}
