using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>Assertions on models that explain a difference instead of printing two huge records.</summary>
internal static class ModelAssert
{
    /// <summary>Asserts structural equality; on failure shows the first difference of the JSON forms.</summary>
    public static void Equal(Resolution expected, Resolution? actual)
    {
        Assert.NotNull(actual);
        if (expected == actual)
        {
            return;
        }

        // The JSON form holds every field, so its text diff points at the difference.
        Assert.Equal(ResolutionJson.Write(expected), ResolutionJson.Write(actual!));
        Assert.Equal(expected, actual);
    }

    /// <summary>Asserts that a read produced no diagnostics at all, listing them when it did.</summary>
    public static void NoDiagnostics(ParseResult<Resolution> result) =>
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics));
}

/// <summary>
/// Checks the reader's promise that no text is silently lost: every non-blank line of the input is found again in
/// the model (its canonical text), or a diagnostic (RK0003 hyphenation, RK0004 page furniture) reports it, or the
/// whole input was refused with an error.
/// </summary>
internal static class TextCoverage
{
    /// <summary>The lines of <paramref name="input"/> that are neither in the model nor reported, as "line: text".</summary>
    public static IReadOnlyList<string> LostLines(string input, ParseResult<Resolution> result)
    {
        if (result.Value is null)
        {
            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            return Array.Empty<string>();
        }

        var model = result.Value;
        var written = Squash(ResolutionTextWriter.Write(model));
        var history = Squash(string.Join(";", model.History.Select(h => h.ToString())));
        var headings = new HashSet<string>(model.Groups.Select(g => Squash(g.Heading)), StringComparer.Ordinal);
        var reported = new HashSet<int>(
            result.Diagnostics
                .Where(d => d.Id == ReadingDiagnostics.Hyphenation.Id || d.Id == ReadingDiagnostics.PageFurniture.Id)
                .Where(d => d.Location.Span is not null)
                .Select(d => d.Location.Span!.Line));

        var lost = new List<string>();
        var lines = Lines(input).ToList();
        for (var index = 0; index < lines.Count; index++)
        {
            var (number, text) = lines[index];
            var s = Squash(text);
            if (s.Length == 0 || reported.Contains(number) || written.Contains(s, StringComparison.Ordinal))
            {
                continue;
            }

            // A heading keeps its phrase; its trailing comma or colon is dropped (documented).
            if (headings.Any(h => h.Length > 0 && s.StartsWith(h, StringComparison.Ordinal) && s.Substring(h.Length).All(c => ",:，：،".Contains(c))))
            {
                continue;
            }

            // "Telecommuni-" whose next non-blank line was reported as rejoined: the hyphen was the line break's.
            var next = lines.Skip(index + 1).FirstOrDefault(l => Squash(l.Text).Length > 0).Number;
            if (s.EndsWith('-') && reported.Contains(next) && written.Contains(s.Substring(0, s.Length - 1), StringComparison.Ordinal))
            {
                continue;
            }

            // A label written "(c)" is read as "c)" (the clause's label; its text is checked like any other line).
            var opening = model.Clauses().FirstOrDefault(c => c.Clause.Span?.Line == number && c.Clause.Label.Length > 0 && s.StartsWith("(" + c.Clause.Label, StringComparison.Ordinal));
            if (opening is not null && written.Contains(s.Substring(1), StringComparison.Ordinal))
            {
                continue;
            }

            // A history line is parsed into revisions (several such lines are merged into one history). The reader
            // also accepts doubled parentheses, "((Busan, 2014))": only the revisions are compared here.
            if (s.Length > 2 && s[0] == '(' && s[s.Length - 1] == ')'
                && s.Trim('(', ')').Replace(")(", ";", StringComparison.Ordinal).Split(';').All(p => p.Length > 0 && history.Contains(p, StringComparison.Ordinal)))
            {
                continue;
            }

            lost.Add(number + ": " + text);
        }

        return lost;
    }

    /// <summary>Source lines numbered as the reader numbers them ("\r\n", "\r", "\n"); a form feed splits a line into two pieces with one number.</summary>
    private static IEnumerable<(int Number, string Text)> Lines(string input)
    {
        if (input.Length > 0 && input[0] == '\uFEFF')
        {
            input = input.Substring(1);
        }

        var lines = input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var piece in lines[i].Split('\f'))
            {
                yield return (i + 1, piece);
            }
        }
    }

    /// <summary>The text without any whitespace (the reader normalizes spaces, tabs and line breaks).</summary>
    public static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
