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

    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;
    private Regex _regex;
    private int _uses;

    public TieredRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _pattern = pattern;
        _options = options & ~RegexOptions.Compiled;
        _timeout = timeout;
        _regex = new Regex(pattern, _options, timeout);
    }

    /// <summary>The expression to match with now (interpreted at first, compiled later).</summary>
    public Regex Regex
    {
        get
        {
            if (_uses < CompileAfter && Interlocked.Increment(ref _uses) == CompileAfter)
            {
                _regex = new Regex(_pattern, _options | RegexOptions.Compiled, _timeout);
            }

            return _regex;
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
