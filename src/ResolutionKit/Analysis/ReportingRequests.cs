using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Internal;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;

namespace ResolutionKit.Analysis;

/// <summary>To whom a report is requested.</summary>
public enum ReportRecipient
{
    /// <summary>The Council.</summary>
    Council,

    /// <summary>The next conference or assembly.</summary>
    Conference,

    /// <summary>Someone else, or not said.</summary>
    Other,

    /// <summary>Both the Council and the next conference or assembly, in one request.</summary>
    CouncilAndConference,
}

/// <summary>A request for a report found in a clause.</summary>
/// <param name="Start">Where the request starts in the text.</param>
/// <param name="Length">The length of the words that ask for it.</param>
/// <param name="Recipient">To whom.</param>
/// <param name="Subject">What the report is about: the clause without the words that ask for it, name its recipient or say nothing of its subject ("on the implementation of this resolution"); empty when nothing is left.</param>
public sealed record ReportingRequest(int Start, int Length, ReportRecipient Recipient, string Subject)
{
    private bool? _hasSubject;

    /// <summary>Whether the subject says enough to compare two requests (three content words or more).</summary>
    public bool HasSubject => _hasSubject ??= TextSimilarity.CountWords(Subject, 3) >= 3;
}

/// <summary>
/// Finds requests for reports in operative clauses, in any of the six languages (the forms are data: <c>reporting</c>
/// in each phrase table). "To submit their contributions" asks for no report; "to report to the Council on the
/// implementation of this resolution" asks for one whose subject is only the resolution itself.
/// </summary>
public static class ReportingRequests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    private static readonly ConcurrentDictionary<string, Compiled?> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The reporting request of a clause, or null when it asks for none.</summary>
    /// <param name="text">The clause text.</param>
    /// <param name="language">Its language.</param>
    public static ReportingRequest? Find(string text, string language)
    {
        if (text.Length == 0 || text.Length > 20_000 || Cache.GetOrAdd(language, Compile) is not { } compiled)
        {
            return null;
        }

        var fold = Normalizer.Fold(text);
        if (!compiled.HasWord(fold))
        {
            return null; // none of the words every request holds (most clauses)
        }

        try
        {
            // One expression for all the forms: the first request in the text, the first form where two start together.
            var request = compiled.AnyRequest.Match(fold);
            if (!request.Success)
            {
                return null;
            }

            var toCouncil = compiled.Council.Any(r => r.IsMatch(fold));
            var toConference = compiled.Conference.Any(r => r.IsMatch(fold));
            var recipient = toCouncil && toConference ? ReportRecipient.CouncilAndConference
                : toCouncil ? ReportRecipient.Council
                : toConference ? ReportRecipient.Conference
                : ReportRecipient.Other;

            // The subject: what is left when the request, its recipient and words that name no subject are removed.
            var keep = new bool[text.Length];
            for (var i = 0; i < keep.Length; i++)
            {
                keep[i] = true;
            }

            foreach (var regex in compiled.Requests.Concat(compiled.Council).Concat(compiled.Conference).Concat(compiled.Generic))
            {
                for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                {
                    for (var i = m.Index; i < m.Index + m.Length; i++)
                    {
                        keep[i] = false;
                    }
                }
            }

            // The kept characters, each run of white space (or of removed words) made one space.
            var subject = new StringBuilder(text.Length);
            var space = false;
            for (var i = 0; i < text.Length; i++)
            {
                if (!keep[i] || char.IsWhiteSpace(text[i]))
                {
                    space = true;
                    continue;
                }

                if (space && subject.Length > 0)
                {
                    subject.Append(' ');
                }

                space = false;
                subject.Append(text[i]);
            }

            return new ReportingRequest(request.Index, request.Length, recipient, subject.ToString().Trim(' ', ',', ';', '.', '，', '；', '。', '،', '؛'));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a clause says beyond the words every resolution uses of itself: the text without reporting requests, their
    /// recipients and the phrases that name no subject ("on the implementation of this resolution"). Two resolutions
    /// that both ask "to report to the Council on the implementation of this resolution" say nothing in common.
    /// </summary>
    /// <param name="text">The clause text.</param>
    /// <param name="language">Its language.</param>
    public static string Substance(string text, string language)
    {
        if (text.Length == 0 || text.Length > 20_000 || Cache.GetOrAdd(language, Compile) is not { } compiled)
        {
            return text;
        }

        var fold = Normalizer.Fold(text);
        var keep = new bool[text.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = true;
        }

        try
        {
            foreach (var regex in compiled.Requests.Concat(compiled.Council).Concat(compiled.Conference).Concat(compiled.Generic))
            {
                for (var m = regex.Match(fold); m.Success; m = m.NextMatch())
                {
                    for (var i = m.Index; i < m.Index + m.Length; i++)
                    {
                        keep[i] = false;
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(keep[i] ? text[i] : ' ');
        }

        return sb.ToString();
    }

    private static Compiled? Compile(string language)
    {
        var table = PhraseTable.ForLanguage(language);
        if (table is null || table.ReportRequestPatterns.Count == 0)
        {
            return null;
        }

        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
        List<TieredRegex> Make(IEnumerable<string> patterns) => patterns.Select(p => new TieredRegex(p, options, Timeout)).ToList();
        var any = new TieredRegex(string.Join("|", table.ReportRequestPatterns.Select(p => "(?:" + p + ")")), options, Timeout);
        return new Compiled(any, Make(table.ReportRequestPatterns), Make(table.ReportToCouncilPatterns), Make(table.ReportToConferencePatterns), Make(table.GenericSubjectPatterns))
        {
            Words = table.ReportRequestWords.ToArray(),
#if NET
            WordSearch = table.ReportRequestWords.Count == 0 ? null : System.Buffers.SearchValues.Create(table.ReportRequestWords.ToArray(), StringComparison.OrdinalIgnoreCase),
#endif
        };
    }

    private sealed record Compiled(TieredRegex AnyRequest, List<TieredRegex> Requests, List<TieredRegex> Council, List<TieredRegex> Conference, List<TieredRegex> Generic)
    {
        public string[] Words { get; init; } = Array.Empty<string>();

#if NET
        public System.Buffers.SearchValues<string>? WordSearch { get; init; }
#endif

        /// <summary>Whether the text holds one of the words every request holds (true when the table names none).</summary>
        public bool HasWord(string fold)
        {
            if (Words.Length == 0)
            {
                return true;
            }

#if NET
            return fold.AsSpan().IndexOfAny(WordSearch!) >= 0;
#else
            return Words.Any(w => fold.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);
#endif
        }
    }
}
