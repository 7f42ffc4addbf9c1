using System;
using System.Text.RegularExpressions;
using ResolutionKit.Internal;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// A rule file's pattern with the letters every match of it holds (<see cref="LiteralScreen"/>): the rules ask
/// <see cref="MayMatch"/> before they search a text, and most texts hold none of a rule's words. "within the available
/// resources|within the approved budget" is searched only in texts holding "within".
/// </summary>
internal sealed class ScreenedRegex : Regex
{
    public ScreenedRegex(string pattern, RegexOptions options, TimeSpan timeout)
        : base(pattern, options, timeout)
    {
        // Compared ignoring case whatever the options: an inline (?i) turns it on for part of the pattern.
        Screen = LiteralScreen.Create(LiteralScreen.RequiredLiterals(pattern), (options & RegexOptions.CultureInvariant) | RegexOptions.IgnoreCase);
    }

    /// <summary>The letters one of which every match holds, or null when the pattern names none.</summary>
    public LiteralScreen? Screen { get; }

    /// <summary>Whether <paramref name="regex"/> may match <paramref name="text"/>: false only when it surely does not.</summary>
    public static bool MayMatch(Regex regex, string text) => regex is not ScreenedRegex { Screen: { } screen } || screen.MayHold(text);
}
