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
/// the model (its canonical text, compared after the reader's documented normalization: spaces, invisible marks,
/// folded digits and punctuation), or every word of it is (a flattened or reordered line), or its revisions are in
/// the history, or a diagnostic reports that very line (RK0003 hyphenation, RK0004 page furniture, RK0016 a note),
/// or the whole input was refused with an error.
/// </summary>
internal static class TextCoverage
{
    /// <summary>The lines of <paramref name="input"/> that are neither in the model nor reported, as "line: text".</summary>
    public static IReadOnlyList<string> LostLines(string input, ParseResult<Resolution> result) => LostLines(input, new[] { result });

    /// <summary>The lines of <paramref name="input"/> that are in none of the instruments read from it and not reported.</summary>
    public static IReadOnlyList<string> LostLines(string input, IReadOnlyList<ParseResult<Resolution>> results)
    {
        if (results.All(r => r.Value is null))
        {
            Assert.Contains(results.SelectMany(r => r.Diagnostics), d => d.Severity == DiagnosticSeverity.Error);
            return Array.Empty<string>();
        }

        var models = results.Where(r => r.Value is not null).Select(r => r.Value!).ToList();
        var canonical = string.Join("\n", models.Select(model => ResolutionTextWriter.Write(model) + "\n" + model.TitleLine + "\n" + string.Join("\n", model.Unplaced.Select(p => p.Text))));
        var written = Squash(canonical);
        var words = new HashSet<string>(Words(canonical), StringComparer.Ordinal);
        var revisions = models.SelectMany(model => model.History.Concat(model.Revision is null ? Array.Empty<Revision>() : new[] { model.Revision })).ToList();
        var headings = new HashSet<string>(models.SelectMany(m => m.Groups).Select(g => Squash(g.Heading)), StringComparer.Ordinal);
        var reported = new HashSet<int>(
            results.SelectMany(r => r.Diagnostics)
                .Where(d => d.Id is "RK0003" or "RK0004" or "RK0016" or "RK0015")
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
            // (The label the line starts with is written in its canonical form: "(c)coordi-" is "c)" and "coordi".)
            var unlabelled = System.Text.RegularExpressions.Regex.Replace(s, @"^\(?[a-z0-9]{1,3}[).]\s*", string.Empty);
            if (s.EndsWith('-') && reported.Contains(next) && (written.Contains(s.Substring(0, s.Length - 1), StringComparison.Ordinal) || (unlabelled.Length > 1 && written.Contains(unlabelled.Substring(0, unlabelled.Length - 1), StringComparison.Ordinal))))
            {
                continue;
            }

            // A label alone on its line ("b)", "а)" with a Cyrillic look-alike): the clause that starts there has it.
            var label = ResolutionKit.Reading.Text.LabelMatcher.At(ResolutionKit.Reading.Text.Normalizer.Fold(text.Trim()), 0, false);
            if (label is not null && label.AtEnd(ResolutionKit.Reading.Text.Normalizer.Fold(text.Trim())) && models.SelectMany(m => m.Clauses()).Any(c => c.Clause.Span?.Line == number && c.Clause.Key == label.Key))
            {
                continue;
            }

            // A history line is parsed into revisions (place names in English, several lines merged).
            var history = ResolutionKit.Reading.Text.RevisionParser.ParseHistory(new string(text.Where(c => !ResolutionKit.Reading.Text.Normalizer.IsInvisible(c)).ToArray()).Trim());
            if (history is not null && history.All(h => revisions.Any(r => r.SameMeeting(h))))
            {
                continue;
            }

            // A flattened or reordered line: every word of it is in the model.
            var lineWords = Words(text).ToList();
            if (lineWords.Count > 0 && lineWords.All(words.Contains))
            {
                continue;
            }

            lost.Add(number + ": " + text + "   [missing: " + string.Join(" ", lineWords.Where(w => !words.Contains(w)).Take(5)) + "]");
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

        var lines = input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var piece in lines[i].Split('\f'))
            {
                yield return (i + 1, piece);
            }
        }
    }

    /// <summary>
    /// The text as the reader compares it: no whitespace, no invisible marks, folded digits, full-width forms and
    /// punctuation, superscript digits as digits, Arabic presentation forms as letters.
    /// </summary>
    public static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in Fold(text))
        {
            if (!char.IsWhiteSpace(c) && !ResolutionKit.Reading.Text.Normalizer.IsInvisible(c) && !ResolutionKit.Reading.Text.Normalizer.IsSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Fold(string text)
    {
        // As the reader does: Arabic presentation forms become the letters they show; nothing else is decomposed.
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = ResolutionKit.Reading.Text.Normalizer.FoldChar(raw);
            if (c >= '\uFB50' && c <= '\uFEFC' && !(c >= '\uFE00' && c <= '\uFE6F'))
            {
                sb.Append(c.ToString().Normalize(NormalizationForm.FormKC));
                continue;
            }

            var i = "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c);
            sb.Append(i >= 0 ? (char)('0' + i) : c);
        }

        return sb.ToString();
    }

    /// <summary>The words of a text (runs of letters, or of digits), folded.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder();
        var digits = false;
        foreach (var c in folded)
        {
            if (ResolutionKit.Reading.Text.Normalizer.IsInvisible(c) || (c >= '\u064B' && c <= '\u065F'))
            {
                continue;
            }

            var letter = char.IsLetter(c);
            var digit = char.IsDigit(c);
            if ((letter || digit) && (sb.Length == 0 || digit == digits))
            {
                sb.Append(char.ToLowerInvariant(c));
                digits = digit;
                continue;
            }

            if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }

            if (letter || digit)
            {
                sb.Append(char.ToLowerInvariant(c));
                digits = digit;
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }
}
