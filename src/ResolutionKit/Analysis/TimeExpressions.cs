using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Model;
using ResolutionKit.Internal;
using ResolutionKit.Phrases;
using ResolutionKit.Reading;
using ResolutionKit.Reading.Text;

namespace ResolutionKit.Analysis;

/// <summary>What a time expression in a clause names.</summary>
public enum TimeExpressionKind
{
    /// <summary>A meeting of a conference or assembly: <c>PP-18</c>, <c>the 2026 Plenipotentiary Conference</c>, <c>2022年全权代表大会</c>.</summary>
    Meeting,

    /// <summary>A session of the Council: <c>the 2019 session of the Council</c>, <c>C19</c>, <c>2019年理事会会议</c>.</summary>
    CouncilSession,

    /// <summary>A deadline: <c>by 2019</c>, <c>d'ici à 2019</c>, <c>до 2019 года</c>, <c>2019年前</c>.</summary>
    Deadline,

    /// <summary>A plan or period: <c>Action Plan 2010-2014</c>, <c>la période 2016-2019</c>.</summary>
    Period,

    /// <summary>A year an action is placed in, not a deadline: <c>in 2027</c>, <c>en 2027</c>, <c>于2027年</c>.</summary>
    Year,
}

/// <summary>A meeting, session, deadline or period found in a clause.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Start">Where it starts in the text.</param>
/// <param name="Length">Its length.</param>
/// <param name="Text">The text as written.</param>
/// <param name="Body">The body of a meeting (the Council for a session), when known.</param>
/// <param name="Year">The year (for a period, its last year).</param>
/// <param name="Place">The place of a meeting, in English, when written.</param>
/// <param name="ShortName">The short name of a meeting as written (<c>PP-18</c>, <c>AMNT-24</c>), when written so.</param>
public sealed record TimeExpression(TimeExpressionKind Kind, int Start, int Length, string Text, Body? Body, int Year, string? Place, string? ShortName)
{
    /// <summary>The first year of a period.</summary>
    public int? FromYear { get; init; }
}

/// <summary>
/// Finds the meetings, Council sessions, deadlines and periods a clause ties itself to, in any of the six languages.
/// The forms of each language are data (<c>time</c> in its phrase table); meeting codes (<c>PP-22</c>, <c>AMNT-24</c>,
/// <c>ВАСЭ-24</c>) are read in every language. Citations are not time expressions: "Resolution 71 (Rev. Bucharest,
/// 2022)" ties nothing to 2022.
/// </summary>
public static class TimeExpressions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    private static readonly TieredRegex ShortName = new(
        @"(?<![\p{L}\p{N}-])(?<code>PP|WTSA|WTDC|RA|WCIT|WRC|AMNT|CMDT|AR|CMR|CMTI|ПК|ВАСЭ|ВКРЭ|АР|ВКР|ВКМЭ)-(?<yy>\d{2})(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly ConcurrentDictionary<string, Compiled?> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the time expressions of a text, in text order, without overlaps.</summary>
    /// <param name="text">The clause text.</param>
    /// <param name="language">The text's language (<c>en</c>, <c>fr</c>, ...); meeting codes are found in any.</param>
    public static IReadOnlyList<TimeExpression> Find(string text, string language) => Find(text, language, null);

    /// <summary>Finds the time expressions of a text whose references are already known (they are not time expressions).</summary>
    /// <param name="text">The clause text.</param>
    /// <param name="language">The text's language.</param>
    /// <param name="references">The references of the text, as <see cref="ReferenceParser.Parse"/> gives them; null to find them.</param>
    public static IReadOnlyList<TimeExpression> Find(string text, string language, IReadOnlyList<Reference>? references)
    {
        if (text.Length == 0 || text.Length > 20_000 || !MayHaveYear(text))
        {
            return Array.Empty<TimeExpression>();
        }

        var citations = (references ?? ReferenceParser.Parse(text)).Where(r => r.Kind is ReferenceKind.Resolution or ReferenceKind.Decision or ReferenceKind.Recommendation).Select(r => (r.Start, End: r.Start + r.Text.Length)).ToList();
        bool InCitation(int start, int length) => citations.Any(c => start < c.End && start + length > c.Start);

        // Every expression holds two digits in a row and none may overlap a citation: when all the digits of a text are
        // in its citations ("Resolution 71 (Rev. Dubai, 2018)"), it has none, and the patterns need not run.
        if (citations.Count > 0 && !HasDigitPair(text, (from, length) => !InCitation(from, length)))
        {
            return Array.Empty<TimeExpression>();
        }

        var fold = Normalizer.Fold(text);
        var found = new List<TimeExpression>();

        try
        {
            for (var m = ShortName.Match(fold); m.Success; m = m.NextMatch())
            {
                var body = Conferences.BodyOfCode(m.Groups["code"].Value);
                var year = 2000 + int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
                if (year > DateTime.UtcNow.Year + 30)
                {
                    year -= 100;
                }

                var conference = body is null ? null : Conferences.FindByShortName(m.Groups["code"].Value, year);
                found.Add(new TimeExpression(TimeExpressionKind.Meeting, m.Index, m.Length, text.Substring(m.Index, m.Length), body, year, conference?.Place, m.Value));
            }

            if (Cache.GetOrAdd(language, Compile) is { } compiled)
            {
                foreach (var regex in compiled.Conferences)
                {
                    for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                    {
                        var body = ReferenceParser.BodyFromName(m.Groups["body"].Value);
                        var place = m.Groups["place"].Success ? RevisionParser.CanonicalPlace(m.Groups["place"].Value.Trim()) ?? m.Groups["place"].Value.Trim() : null;
                        found.Add(new TimeExpression(TimeExpressionKind.Meeting, m.Index, m.Length, text.Substring(m.Index, m.Length).Trim(), body, Year(m), place, null));
                    }
                }

                foreach (var regex in compiled.Council)
                {
                    for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                    {
                        found.Add(new TimeExpression(TimeExpressionKind.CouncilSession, m.Index, m.Length, text.Substring(m.Index, m.Length).Trim(), Body.Council, Year(m), null, m.Groups["yy"].Success ? m.Value : null));
                    }
                }

                foreach (var regex in compiled.Deadlines)
                {
                    for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                    {
                        found.Add(new TimeExpression(TimeExpressionKind.Deadline, m.Index, m.Length, text.Substring(m.Index, m.Length).Trim(), null, Year(m), null, null));
                    }
                }

                foreach (var regex in compiled.Dated)
                {
                    for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                    {
                        found.Add(new TimeExpression(TimeExpressionKind.Year, m.Index, m.Length, text.Substring(m.Index, m.Length).Trim(), null, Year(m), null, null));
                    }
                }

                foreach (var regex in compiled.Plans)
                {
                    for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                    {
                        var from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
                        var toText = m.Groups["to"].Value;
                        var to = int.Parse(toText, CultureInfo.InvariantCulture);
                        if (toText.Length == 2)
                        {
                            to += from / 100 * 100;
                            if (to < from)
                            {
                                to += 100;
                            }
                        }

                        if (to < from && toText.Length == 4)
                        {
                            // Arabic copies may write the range the other way round ("2024-2022").
                            (from, to) = (to, from);
                        }

                        if (to >= from && to - from <= 12)
                        {
                            found.Add(new TimeExpression(TimeExpressionKind.Period, m.Index, m.Length, text.Substring(m.Index, m.Length).Trim(), null, to, null, null) { FromYear = from });
                        }
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological text: what was found so far.
        }

        // The first (longest) expression at a place wins; citations are not time expressions.
        var result = new List<TimeExpression>();
        foreach (var e in found.Where(e => e.Year is > 1865 and < 2200).OrderBy(e => e.Start).ThenByDescending(e => e.Length))
        {
            if (InCitation(e.Start, e.Length) || result.Any(r => e.Start < r.Start + r.Length && e.Start + e.Length > r.Start))
            {
                continue;
            }

            result.Add(e);
        }

        return result;
    }

    /// <summary>Every time expression holds a year or a two-digit meeting code: a text without two digits in a row has none.</summary>
    private static bool MayHaveYear(string text) => HasDigitPair(text, null);

    /// <summary>Whether the text has two digits in a row (where <paramref name="where"/>, given their start and length, allows).</summary>
    private static bool HasDigitPair(string text, Func<int, int, bool>? where)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsDigit(text[i]) && char.IsDigit(text[i - 1]) && (where is null || where(i - 1, 2)))
            {
                return true;
            }
        }

        return false;
    }

    private static int Year(Match m)
    {
        if (m.Groups["year"].Success)
        {
            return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        if (m.Groups["yy"].Success)
        {
            var year = 2000 + int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
            return year > DateTime.UtcNow.Year + 30 ? year - 100 : year;
        }

        return 0;
    }

    private static Compiled? Compile(string language)
    {
        var table = PhraseTable.ForLanguage(language);
        if (table is null)
        {
            return null;
        }

        var bodies = new StringBuilder();
        foreach (var (phrase, _) in table.CitationBodyForms.Where(b => b.Phrase.Length > 3 && b.Body != "Council"))
        {
            bodies.Append(bodies.Length == 0 ? string.Empty : "|").Append(Regex.Escape(phrase).Replace(@"\ ", @"\s+"));
        }

        var body = "(?<body>" + (bodies.Length == 0 ? "(?!)" : bodies.ToString()) + ")";
        List<TieredRegex> Make(IEnumerable<string> patterns) =>
            patterns.Select(p => new TieredRegex(p.Replace("{body}", body), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)).ToList();
        return new Compiled(Make(table.ConferencePatterns), Make(table.CouncilSessionPatterns), Make(table.DeadlinePatterns), Make(table.PlanPatterns), Make(table.DatedPatterns));
    }

    private sealed record Compiled(List<TieredRegex> Conferences, List<TieredRegex> Council, List<TieredRegex> Deadlines, List<TieredRegex> Plans, List<TieredRegex> Dated);
}
