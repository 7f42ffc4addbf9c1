using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ResolutionKit.Rules.Expressions;

/// <summary>
/// The meter compiled into every rule expression. The compiler rewrites the checked expression so that each lambda
/// call, each element of a LINQ sequence and each character of a computed string costs one unit, and each lambda call
/// and sequence step first makes sure the stack has room. An evaluation that runs out of units, time or stack throws
/// <see cref="ExpressionBudgetExceededException"/> (never a process-killing stack overflow or an endless loop), and the
/// engine reports the rule and goes on without it. Rule expressions cannot call this class themselves: its namespace is
/// outside the allowlist, and the calls are added after the allowlist check.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ExpressionMeter
{
    /// <summary>Units one evaluation may spend (lambda calls + sequence elements + characters of computed strings).</summary>
    public const long UnitsPerEvaluation = 2_000_000;

    /// <summary>Wall-clock time one evaluation may take, a backstop for work the units do not see.</summary>
    public static readonly TimeSpan TimePerEvaluation = TimeSpan.FromSeconds(2);

    [ThreadStatic]
    private static long _left;

    [ThreadStatic]
    private static long _spent;

    [ThreadStatic]
    private static long _deadline;

    [ThreadStatic]
    private static bool _running;

    /// <summary>Starts metering one evaluation on this thread.</summary>
    internal static void Begin(long units)
    {
        _left = units;
        _spent = 0;
        _deadline = Stopwatch.GetTimestamp() + (long)(TimePerEvaluation.TotalSeconds * Stopwatch.Frequency);
        _running = true;
    }

    /// <summary>Ends the evaluation and returns the units it spent.</summary>
    internal static long End()
    {
        _running = false;
        return _spent;
    }

    /// <summary>Spends <paramref name="units"/>; throws when the evaluation is over its budget.</summary>
    /// <param name="units">The units.</param>
    public static void Tick(long units = 1)
    {
        if (!_running)
        {
            return;
        }

        var before = _spent;
        _spent += units;
        _left -= units;
        if (_left < 0)
        {
            throw new ExpressionBudgetExceededException(FormattableString.Invariant($"used more than {UnitsPerEvaluation:N0} steps on one fact"));
        }

        // The clock is read each time the spending crosses a multiple of 1,024 units (units come in steps of any size).
        if ((before >> 10) != (_spent >> 10) && Stopwatch.GetTimestamp() > _deadline)
        {
            throw new ExpressionBudgetExceededException(FormattableString.Invariant($"ran longer than {TimePerEvaluation.TotalSeconds:0} s on one fact"));
        }
    }

    /// <summary>Called first in every lambda of a rule expression.</summary>
    public static void Enter()
    {
        if (!Internal.Compat.StackIsSufficient())
        {
            throw new ExpressionBudgetExceededException("nested calls too deeply (unbounded recursion)");
        }

        Tick();
    }

    /// <summary>Meters a computed string by its length.</summary>
    /// <param name="value">The string.</param>
    public static string S(string value)
    {
        Tick(value is null ? 1 : value.Length + 1);
        return value!;
    }

    /// <summary>Meters a sequence element by element.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The sequence.</param>
    public static IEnumerable<T> E<T>(IEnumerable<T> source) => source is null ? null! : new Metered<T>(source);

    /// <summary><c>text.Replace(oldValue, newValue)</c> with its worst-case result paid before it is built.</summary>
    /// <param name="text">The text.</param>
    /// <param name="oldValue">The text to replace.</param>
    /// <param name="newValue">The replacement.</param>
    public static string Replace(string text, string oldValue, string? newValue)
    {
        if (text is null)
        {
            throw new NullReferenceException();
        }

        var growth = oldValue is { Length: > 0 } && newValue is { } n && n.Length > oldValue.Length ? (long)(text.Length / oldValue.Length) * (n.Length - oldValue.Length) : 0;
        Tick(text.Length + growth + 1);
        return text.Replace(oldValue, newValue);
    }

    private sealed class Metered<T> : IEnumerable<T>
    {
        private readonly IEnumerable<T> _source;

        public Metered(IEnumerable<T> source) => _source = source;

        public IEnumerator<T> GetEnumerator() => new Enumerator(_source.GetEnumerator());

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator : IEnumerator<T>
        {
            private readonly IEnumerator<T> _inner;

            public Enumerator(IEnumerator<T> inner) => _inner = inner;

            public T Current => _inner.Current;

            object? IEnumerator.Current => _inner.Current;

            public bool MoveNext()
            {
                if (!Internal.Compat.StackIsSufficient())
                {
                    throw new ExpressionBudgetExceededException("nested sequences too deeply");
                }

                if (!_inner.MoveNext())
                {
                    return false;
                }

                Tick(_inner.Current is string s ? s.Length + 1 : 1);
                return true;
            }

            public void Reset() => _inner.Reset();

            // A chain nested too deeply to dispose is left to the collector rather than overflow the stack.
            public void Dispose()
            {
                if (Internal.Compat.StackIsSufficient())
                {
                    _inner.Dispose();
                }
            }
        }
    }
}

/// <summary>A rule expression went over its budget of steps, time or stack on one fact.</summary>
public sealed class ExpressionBudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was exceeded.</param>
    public ExpressionBudgetExceededException(string message)
        : base(message)
    {
    }
}
