using System.Text.RegularExpressions;

namespace ResolutionKit.Rules.Tests.Infrastructure;

/// <summary>
/// Resolution texts for tests, in the canonical layout. In the bodies a label is followed by one space, which
/// <see cref="Canonical"/> turns into the canonical tab (so that the test sources show no invisible tabs).
/// </summary>
public static class Texts
{
    private static readonly Regex LabelSpace = new(@"^((?:\[\||\{\|RK\d{4}:)*)(\(?[a-z]{1,5}\)|\d{1,3}(?:\.\d{1,3})*) ", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static string Canonical(string text) => LabelSpace.Replace(text.Replace("\r\n", "\n"), "$1$2\t");

    /// <summary>A PP resolution: title line, subject, formula, then <paramref name="body"/> (groups and clauses).</summary>
    public static string Pp(string body, string number = "123", string title = "Test resolution") =>
        $"RESOLUTION {number} (REV. BUCHAREST, 2022)\n\n{title}\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n" + Canonical(body).TrimEnd('\n') + "\n";

    /// <summary>A WTSA resolution.</summary>
    public static string Wtsa(string body, string number = "18", string title = "Test resolution") =>
        $"RESOLUTION {number} (Rev. New Delhi, 2024)\n\n{title}\n\nThe World Telecommunication Standardization Assembly (New Delhi, 2024),\n\n" + Canonical(body).TrimEnd('\n') + "\n";
}
