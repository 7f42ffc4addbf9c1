using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionKit.Internal;

/// <summary>
/// A test that rules a text out before a regular expression searches it: the text holds none of the runs of letters
/// every match of the expression holds. Most clauses hold none of a rule's words, and the regex engine cannot tell that
/// quickly for patterns that open with optional words, alternatives or look-arounds; a vectorized search for the
/// letters can. The test is sound for the regex engine's own comparison ignoring case: the characters it takes for one of
/// the letters that ordinal comparison does not (the Kelvin sign for k) are found by asking the engine, and a text
/// holding one of them is always searched.
/// </summary>
internal sealed class LiteralScreen
{
    /// <summary>
    /// Most literals a screen searches for, one pass over the text each. One vectorized search for a literal runs at
    /// about 0.4 ns a character on the 2-core machine of the benchmarks, a multi-string search (SearchValues of six
    /// words) at about 3 ns; the compiled engine's search for an alternation of three to six words screened the
    /// substitution rules faster than three or four passes (15 against 19 ms over 1,000 resolutions).
    /// </summary>
    public const int MaxLiterals = 2;

    private readonly string[] _literals;
    private readonly StringComparison _comparison;
    private readonly char[] _others;

    private LiteralScreen(string[] literals, bool ignoreCase, char[] others)
    {
        _literals = literals;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _others = others;
    }

    /// <summary>The literals searched for: one of them is in every match (a literal holding another is left out).</summary>
    public IReadOnlyList<string> Literals => _literals;

    /// <summary>
    /// A screen for texts that hold one of <paramref name="literals"/>, compared as a regex with
    /// <paramref name="options"/> compares them (ignoring case or not); null when there is nothing to screen with (no
    /// literals, an empty one, more than <see cref="MaxLiterals"/>, or one holding a character whose case forms ordinal
    /// comparison does not equate).
    /// </summary>
    /// <param name="literals">Texts one of which every match holds.</param>
    /// <param name="options">The options of the expression the screen stands in front of.</param>
    public static LiteralScreen? Create(IEnumerable<string>? literals, RegexOptions options)
    {
        if (literals is null)
        {
            return null;
        }

        var ignoreCase = (options & RegexOptions.IgnoreCase) != 0;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var all = literals.ToList();
        if (all.Count == 0 || all.Any(l => l.Length == 0))
        {
            return null;
        }

        // A text that holds "vice-chairman" holds "chairman": a literal holding another is not searched for.
        bool Holds(int i, int j) =>
            i != j && (all[j].Length < all[i].Length || (all[j].Length == all[i].Length && j < i)) && all[i].IndexOf(all[j], comparison) >= 0;
        var list = all.Where((_, i) => !Enumerable.Range(0, all.Count).Any(j => Holds(i, j))).ToList();

        // Two literals that share a run of MinShared letters or more are searched for by that run ("chairman" and
        // "chairmen" by "chairm"): a text that holds either holds it, and there is one pass fewer.
        while (list.Count > MaxLiterals && Closest(list, comparison) is var (first, second, shared) && shared.Length >= MinShared)
        {
            list[first] = shared;
            list.RemoveAt(second);
            list = list.Where((l, i) => !list.Where((m, j) => j != i && (m.Length < l.Length || (m.Length == l.Length && j < i)) && l.IndexOf(m, comparison) >= 0).Any()).ToList();
        }

        if (list.Count > MaxLiterals)
        {
            return null;
        }

        var others = ignoreCase ? OthersFor(list.ToArray(), options & RegexOptions.CultureInvariant) : Array.Empty<char>();
        return others is null ? null : new LiteralScreen(list.ToArray(), ignoreCase, others);
    }

    /// <summary>Where the group opened at <paramref name="open"/> closes (escapes and classes skipped), or -1.</summary>
    private static int ClosingParenthesis(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = EndOfClass(pattern, i);
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where the class opened at <paramref name="open"/> ends: its closing bracket (a bracket first in the class, or
    /// escaped, is a member), or the end of the pattern.
    /// </summary>
    private static int EndOfClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        while (i < pattern.Length && pattern[i] != ']')
        {
            i += pattern[i] == '\\' ? 2 : 1;
        }

        return i;
    }

    /// <summary>The shortest run two literals merged must share to stand for both: long enough to stay rare in text.</summary>
    public const int MinShared = 5;

    /// <summary>The two literals that share the longest run of characters, and that run (taken from the first).</summary>
    private static (int First, int Second, string Shared) Closest(List<string> literals, StringComparison comparison)
    {
        var best = (First: -1, Second: -1, Shared: string.Empty);
        for (var i = 0; i < literals.Count; i++)
        {
            for (var j = i + 1; j < literals.Count; j++)
            {
                var shared = LongestShared(literals[i], literals[j], comparison);
                if (shared.Length > best.Shared.Length)
                {
                    best = (i, j, shared);
                }
            }
        }

        return best;
    }

    /// <summary>The longest run of <paramref name="a"/> that <paramref name="b"/> holds too (first found), compared as given.</summary>
    private static string LongestShared(string a, string b, StringComparison comparison)
    {
        for (var length = Math.Min(a.Length, b.Length); length > 0; length--)
        {
            for (var start = 0; start + length <= a.Length; start++)
            {
                var run = a.Substring(start, length);
                if (b.IndexOf(run, comparison) >= 0)
                {
                    return run;
                }
            }
        }

        return string.Empty;
    }

    /// <summary>Whether the text may hold a match: it holds one of the literals, or a character the engine takes for one of their letters.</summary>
    /// <param name="text">The text.</param>
    public bool MayHold(string text)
    {
        foreach (var literal in _literals)
        {
            if (text.IndexOf(literal, _comparison) >= 0)
            {
                return true;
            }
        }

        return _others.Length > 0 && text.IndexOfAny(_others) >= 0;
    }

    /// <summary>
    /// The characters ordinal comparison ignoring case does not equate with all their case forms (lower, upper, the
    /// upper of the lower, the lower of the upper): the Kelvin, Angstrom and Ohm signs, the long s, the capital sharp s.
    /// Any other character a regex ignoring case takes for a letter is equal to it ignoring case, ordinally (checked
    /// for every character of the basic plane by the tests). Found from the runtime's case mappings once (about a
    /// millisecond).
    /// </summary>
    internal static readonly Lazy<char[]> Unstable = new(() =>
    {
        var result = new List<char>();
        for (var i = 1; i < 0x10000; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var upper = char.ToUpperInvariant(c);
            if (lower == c && upper == c)
            {
                continue; // no case: most characters
            }

            var self = c.ToString();
            if (Forms(c).Any(f => !string.Equals(self, f.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(c);
            }
        }

        return result.ToArray();
    });

    /// <summary>A character and its case forms: lower, upper, the upper of the lower, the lower of the upper.</summary>
    internal static char[] Forms(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var upper = char.ToUpperInvariant(c);
        return new[] { c, lower, upper, char.ToUpperInvariant(lower), char.ToLowerInvariant(upper) };
    }

    /// <summary>
    /// The unstable characters (see <see cref="Unstable"/>) the regex engine, ignoring case, takes for a character of
    /// the literals where ordinal comparison does not: the Kelvin sign for k. Asked of the engine itself, with the
    /// expression's culture option. Null when a literal itself holds an unstable character (no screen is made then).
    /// </summary>
    private static char[]? OthersFor(string[] literals, RegexOptions culture)
    {
        var unstable = Unstable.Value;
        var chars = literals.SelectMany(l => l).Distinct().ToArray();
        if (chars.Any(c => Array.IndexOf(unstable, c) >= 0))
        {
            return null;
        }

        // Only an unstable character sharing a case form with a literal's character can be taken for it (checked for
        // every character by the tests): most literals share none, and need no question to the engine.
        var forms = new HashSet<char>(chars.SelectMany(Forms));
        var candidates = unstable.Where(d => Forms(d).Any(forms.Contains)).ToArray();
        if (candidates.Length == 0)
        {
            return candidates;
        }

        var klass = new StringBuilder("[");
        foreach (var c in chars)
        {
            klass.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }

        var regex = new Regex(klass.Append(']').ToString(), RegexOptions.IgnoreCase | culture);
        return candidates
            .Where(d => regex.IsMatch(d.ToString()) && !chars.Any(c => string.Equals(c.ToString(), d.ToString(), StringComparison.OrdinalIgnoreCase)))
            .ToArray();
    }

    /// <summary>
    /// What every match of a pattern holds: for each alternative at the pattern's top level, its longest run of three or
    /// more plain letters outside every group, class, escape and quantifier (such a run is matched as it stands). Null
    /// when some alternative has no such run, or when the pattern cannot be read that simply (inline free spacing,
    /// unbalanced groups).
    /// </summary>
    /// <param name="pattern">A .NET regular expression.</param>
    public static IReadOnlyList<string>? RequiredLiterals(string pattern)
    {
        if (HasInlineFreeSpacing(pattern))
        {
            return null; // (?x): spaces and "# comments" are not text
        }

        // "(?:a|b|c)" as a whole is "a|b|c": its alternatives are the pattern's.
        if (pattern.StartsWith("(?:", StringComparison.Ordinal) && ClosingParenthesis(pattern, 0) == pattern.Length - 1)
        {
            return RequiredLiterals(pattern.Substring(3, pattern.Length - 4));
        }

        var result = new List<string>();
        string? best = null;
        var run = new StringBuilder();
        var depth = 0;

        void Flush()
        {
            if (run.Length >= 3 && (best is null || run.Length > best.Length))
            {
                best = run.ToString();
            }

            run.Clear();
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    Flush();
                    i++;
                    if (i >= pattern.Length)
                    {
                        continue;
                    }

                    switch (pattern[i])
                    {
                        case 'p' or 'P' or 'k' when i + 1 < pattern.Length && pattern[i + 1] is '{' or '<' or '\'':
                            var close = pattern[i + 1] == '{' ? '}' : pattern[i + 1] == '<' ? '>' : '\'';
                            var end = pattern.IndexOf(close, i + 2);
                            i = end < 0 ? pattern.Length : end;
                            break;
                        case 'x':
                            i += 2; // \xHH: the hex digits are not letters of the text
                            break;
                        case 'u':
                            i += 4;
                            break;
                        case 'c':
                            i += 1; // \cX: a control character
                            break;
                    }

                    continue;
                case '[':
                    Flush();
                    i = EndOfClass(pattern, i);
                    continue;
                case '(':
                    Flush();
                    depth++;
                    continue;
                case ')':
                    Flush();
                    depth--;
                    continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (c == '|')
            {
                // An alternative at the top: each must have its run.
                Flush();
                if (best is null)
                {
                    return null;
                }

                result.Add(best);
                best = null;
                continue;
            }

            if (char.IsLetter(c))
            {
                run.Append(c);
                continue;
            }

            if (c is '?' or '*' or '{')
            {
                // The quantifier makes the letter before it optional or repeated: the run ends before that letter.
                if (run.Length > 0)
                {
                    run.Length--;
                }
            }

            Flush();
        }

        Flush();
        if (depth != 0 || best is null)
        {
            return null;
        }

        result.Add(best);
        return result;
    }

    /// <summary>Whether an inline option group turns free spacing on: <c>(?x)</c>, <c>(?ix:</c>, <c>(?-i+x)</c>.</summary>
    private static bool HasInlineFreeSpacing(string pattern)
    {
        for (var i = pattern.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            for (var j = i + 2; j < pattern.Length; j++)
            {
                var c = pattern[j];
                if (c == 'x')
                {
                    return true;
                }

                if (c is not ('i' or 'm' or 'n' or 's' or '-' or '+'))
                {
                    break;
                }
            }
        }

        return false;
    }
}
