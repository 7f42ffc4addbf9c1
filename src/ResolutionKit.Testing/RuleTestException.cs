using System;

namespace ResolutionKit.Testing;

/// <summary>
/// Thrown when a rule's findings differ from what the test expects. Every test framework reports an unhandled
/// exception as a failure, so <see cref="RuleTester"/> needs no assertion library.
/// </summary>
public sealed class RuleTestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleTestException()
    {
    }

    /// <summary>Creates the exception with a message describing the mismatch.</summary>
    /// <param name="message">What differs, with line:column positions and the text concerned.</param>
    public RuleTestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RuleTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
