using System;
using System.Threading;
using System.Text.RegularExpressions;

namespace ResolutionKit.Internal;

/// <summary>
/// A regular expression that starts interpreted and is compiled to IL once it has been used often enough to pay for it.
/// Compiling costs a few milliseconds per expression — too much for checking one file, where most expressions run a
/// handful of times — and makes matching ten to twenty times faster, which is most of a corpus check's time spent in
/// phrase patterns. Thread-safe: the compiled expression replaces the interpreted one atomically, and both match
/// identically.
/// </summary>
internal sealed class TieredRegex
{
    /// <summary>Uses after which the expression is compiled.</summary>
    public const int CompileAfter = 2000;

    /// <summary>
    /// Characters searched (through <see cref="For"/>) after which the expression is compiled even if used less often: an
    /// expression run only on the texts that pass a cheap test (a digit pair, a keyword) is used rarely but on long texts,
    /// and interpreted it costs a thousand-clause check tens of milliseconds.
    /// </summary>
    public const long CompileAfterCharacters = 100_000;

    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;
    private Regex _regex;
    private int _uses;
    private long _characters;
    private int _compiled;

    public TieredRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _pattern = pattern;
        _options = options & ~RegexOptions.Compiled;
        _timeout = timeout;
        _regex = new Regex(pattern, _options, timeout);
        // Compared ignoring case whatever the options say: an inline (?i) can turn it on for part of the pattern.
        Screen = (options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft)) == 0
            ? LiteralScreen.Create(LiteralScreen.RequiredLiterals(pattern), (options & RegexOptions.CultureInvariant) | RegexOptions.IgnoreCase)
            : null;
    }

    /// <summary>
    /// Letters every match holds (one run per top-level alternative), or null when the pattern has none that can be told
    /// from its text: a text without them is not searched. Patterns that open with optional words ("(?:on\s+)?(?:the\s+)?
    /// progress\s+made") give the engine no place to start from, and it tries them at every word of every text.
    /// </summary>
    public LiteralScreen? Screen { get; }

    // Every text asked about counts towards compiling, searched or not: an expression asked about thousands of texts is
    // in a corpus-scale run, and the few texts that hold its letters are then searched by the compiled expression.

    /// <summary>The first match in <paramref name="input"/> (counted as a use, see <see cref="For"/>).</summary>
    public Match Match(string input)
    {
        var regex = For(input);
        return MayMatch(input) ? regex.Match(input) : System.Text.RegularExpressions.Match.Empty;
    }

    /// <summary>The first match in <paramref name="input"/> from <paramref name="start"/>.</summary>
    public Match Match(string input, int start)
    {
        var regex = For(input);
        return MayMatch(input) ? regex.Match(input, start) : System.Text.RegularExpressions.Match.Empty;
    }

    /// <summary>Whether <paramref name="input"/> holds a match.</summary>
    public bool IsMatch(string input)
    {
        var regex = For(input);
        return MayMatch(input) && regex.IsMatch(input);
    }

    private bool MayMatch(string input) => Screen is null || Screen.MayHold(input);

    /// <summary>The expression to match with now (interpreted at first, compiled later).</summary>
    public Regex Regex
    {
        get
        {
            if (_compiled == 0 && Interlocked.Increment(ref _uses) >= CompileAfter)
            {
                Compile();
            }

            return _regex;
        }
    }

    /// <summary>The expression to search <paramref name="input"/> with: counts the use and the characters searched.</summary>
    public Regex For(string input)
    {
        if (_compiled == 0 && (Interlocked.Increment(ref _uses) >= CompileAfter || Interlocked.Add(ref _characters, input.Length) >= CompileAfterCharacters))
        {
            Compile();
        }

        return _regex;
    }

    private void Compile()
    {
        if (Interlocked.Exchange(ref _compiled, 1) == 0)
        {
            _regex = new Regex(_pattern, _options | RegexOptions.Compiled, _timeout);
        }
    }

    public override string ToString() => _pattern;
}

/// <summary>Method attributes for the few kernels that run millions of times in a corpus check.</summary>
internal static class Kernel
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512; netstandard2.0 does not name it): compiled fully optimized at
    /// once instead of going through the JIT's quick first tier (ignored by .NET Framework).
    /// </summary>
    public const System.Runtime.CompilerServices.MethodImplOptions Optimized = (System.Runtime.CompilerServices.MethodImplOptions)512;
}
