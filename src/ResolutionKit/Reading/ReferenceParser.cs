using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Internal;
using ResolutionKit.Model;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;

namespace ResolutionKit.Reading;

/// <summary>
/// Finds references to other instruments in clause text, in any of the six languages: resolutions, decisions and
/// recommendations with their revision and body when given ("Resolution 154 (Rev. Dubai, 2018)", "Résolution 154
/// (Rév. Dubaï, 2018)", "Резолюцию 154 (Пересм. Дубай, 2018 г.)", "القرار 154 (المراجَع في دبي، 2018)",
/// "第154号决议（2018年，迪拜，修订版）", "Resolution ITU-R 2-8"), ITU-T/ITU-R/ITU-D Recommendations, and articles and
/// numbered provisions of the Constitution and Convention. The forms of each language come from its phrase table
/// (<c>citations</c>), so a language added as a table is read here too. The language of the text need not be known:
/// the forms of every built-in language are tried.
/// </summary>
public static class ReferenceParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly TieredRegex Articles = new(
        @"\b(?<kind>Article|No)s?\.?\s+(?<items>\d{1,4}[A-Z]?(?:\s*(?:,\s*and|,|and)\s*\d{1,4}[A-Z]?)*)\s+of\s+the\s+(?:ITU\s+)?(?<inst>Constitution|Convention)\b",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly TieredRegex Numbers = new(@"\d{1,4}[A-Z]?", RegexOptions.CultureInvariant, Timeout);

    private static readonly TieredRegex Recommendations = new(
        @"\bRecommendations?\s+(?<num>ITU-(?<sector>[TRD])\s+[A-Z]{1,3}\.\d{1,5}(?:\.\d{1,3})?)",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly TieredRegex ItemPattern = new(@"(?<num>\d{1,4}[A-Z]?)(?:-(?<edition>\d{1,2}))?(?:\s*(?<rev>\((?>[^()]{2,80})\)))?", RegexOptions.CultureInvariant, Timeout);

    private static bool HasDigit(string text)
    {
        var span = text.AsSpan();
#if NET
        // Vectorized: ASCII digits first, then the other digits only from the first character outside ASCII.
        if (span.IndexOfAnyInRange('0', '9') >= 0)
        {
            return true;
        }

        var first = span.IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
        {
            return false;
        }

        span = span.Slice(first);
#endif
        foreach (var c in span)
        {
            if (c is >= '0' and <= '9' || (c > 127 && char.IsDigit(c)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Lazy<IReadOnlyList<CitationGrammar>> Grammars = new(() =>
        PhraseTable.BuiltinLanguages.Select(PhraseTable.ForLanguage).Where(t => t is not null && t.CitationWords.Count > 0).Select(t => new CitationGrammar(t!)).ToList());

    /// <summary>Finds the references in a text.</summary>
    /// <param name="text">The clause text.</param>
    /// <param name="map">The clause's source map, to give each reference a span; may be null.</param>
    public static IReadOnlyList<Reference> Parse(string text, SourceMap? map = null)
    {
        if (text.Length == 0)
        {
            return Array.Empty<Reference>();
        }

        // Every citation has a number: a clause without a digit cites nothing (most operative clauses).
        if (!HasDigit(text))
        {
            return Array.Empty<Reference>();
        }

        var fold = Normalizer.Fold(text);
        var lower = fold.ToLowerInvariant();
        var list = new List<Reference>();
        try
        {
            foreach (var grammar in Grammars.Value)
            {
                if (grammar.MayMatch(lower))
                {
                    grammar.Find(text, fold, map, list);
                }
            }

            if (fold.IndexOf(" of the", StringComparison.Ordinal) >= 0)
            {
                for (var m = Articles.Match(fold); m.Success; m = m.NextMatch())
                {
                    var kind = m.Groups["kind"].Value == "Article" ? ReferenceKind.Article : ReferenceKind.Provision;
                    var first = true;
                    foreach (Match n in Numbers.Regex.Matches(m.Groups["items"].Value))
                    {
                        var start = first ? m.Index : m.Groups["items"].Index + n.Index;
                        list.Add(Make(kind, null, n.Value, null, m.Groups["inst"].Value, text, start, m.Index + m.Length, map));
                        first = false;
                    }
                }
            }

            if (fold.IndexOf("ITU-", StringComparison.Ordinal) >= 0)
            {
                for (var m = Recommendations.Match(fold); m.Success; m = m.NextMatch())
                {
                    var body = m.Groups["sector"].Value switch
                    {
                        "T" => Body.Wtsa,
                        "R" => Body.RadiocommunicationAssembly,
                        _ => Body.Wtdc,
                    };
                    list.Add(Make(ReferenceKind.Recommendation, body, m.Groups["num"].Value, null, null, text, m.Index, m.Index + m.Length, map));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological text: report what was found so far rather than hang.
        }

        if (list.Count == 0)
        {
            return Array.Empty<Reference>(); // digits but no citation: nothing to keep for the clause's lifetime
        }

        // Two languages' forms may find the same citation ("Resolution" is also a French spelling): keep the longer.
        list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Text.Length.CompareTo(a.Text.Length));
        var result = new List<Reference>(list.Count);
        foreach (var r in list)
        {
            if (result.Count > 0 && result[result.Count - 1] is var last && last.Start == r.Start && last.Kind == r.Kind && last.Number == r.Number)
            {
                continue;
            }

            result.Add(r);
        }

        return result;
    }

    /// <summary>The body a full name or abbreviation denotes ("World Telecommunication Standardization Assembly", "WTSA", "AMNT", "全权代表大会").</summary>
    /// <param name="name">The name.</param>
    public static Body? BodyFromName(string name)
    {
        var n = Regex.Replace(Normalizer.Fold(name).Trim(), @"\s+", " ");
        if (n.Length == 0)
        {
            return null;
        }

        if (Conferences.BodyOfCode(n) is { } coded)
        {
            return coded;
        }

        foreach (var language in PhraseTable.BuiltinLanguages)
        {
            var table = PhraseTable.ForLanguage(language);
            if (table is null)
            {
                continue;
            }

            foreach (var (phrase, code) in table.CitationBodyForms)
            {
                if (string.Equals(phrase, n, StringComparison.OrdinalIgnoreCase))
                {
                    return Body.FromCode(code);
                }
            }
        }

        return null;
    }

    private static Reference Make(ReferenceKind kind, Body? body, string number, Revision? revision, string? instrument, string text, int start, int end, SourceMap? map) =>
        new(kind, body, number, revision, instrument, text.Substring(start, end - start), start)
        {
            Span = map?.Locate(start, end - start),
        };

    /// <summary>The citation forms of one language, compiled.</summary>
    private sealed class CitationGrammar
    {
        private readonly PhraseTable _table;
        private readonly TieredRegex _citation;
        private readonly TieredRegex? _tail;
        private readonly TieredRegex? _before;
        private readonly string[] _stems;
        private readonly Dictionary<string, InstrumentKind> _words = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _bodies = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _thisBody;

        public CitationGrammar(PhraseTable table)
        {
            _table = table;
            foreach (var (word, kind) in table.CitationWords)
            {
                _words[word] = kind;
            }

            foreach (var (phrase, code) in table.CitationBodyForms)
            {
                if (!_bodies.ContainsKey(phrase))
                {
                    _bodies[phrase] = code;
                }
            }

            _thisBody = new HashSet<string>(table.ThisBodyPhrases, StringComparer.OrdinalIgnoreCase);
            _stems = table.CitationWords.Select(w => Stem(w.Word).ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();

            var words = Alternation(table.CitationWords.Select(w => w.Word));
            var and = Alternation(table.CitationAnd);
            var numberWords = table.CitationNumberWords.Count > 0 ? @"(?:\s*(?:" + Alternation(table.CitationNumberWords) + "))?" : string.Empty;
            var itemNumberWord = table.CitationNumberWords.Count > 0 ? @"(?:(?:" + Alternation(table.CitationNumberWords) + @")\s*)?" : string.Empty;
            var sector = table.SectorPrefixes.Count > 0 ? @"(?:(?<sector>" + Alternation(table.SectorPrefixes) + @")\s*)?" : string.Empty;
            // "Resolution 61/106" is a United Nations General Assembly resolution, not an ITU one.
            const string Number = @"\d{1,4}[A-Z]?(?:-\d{1,2})?(?![/.]\d)";
            const string Rev = @"(?:\s*\((?>[^()]{2,80})\))?";
            var bodies = Alternation(_bodies.Keys.Concat(table.ThisBodyPhrases));
            const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
            if (table.CitationNumberFirst)
            {
                // 第154号决议（2006年，安塔利亚）, 第70和71号决议, ITU-R 第2-8号决议, 全权代表大会第191号决议
                var join = @"\s*(?:" + and + @"|,)\s*第?\s*";
                _citation = new TieredRegex(
                    sector + @"第\s*(?<items>" + Number + @"(?:号?" + join + Number + @")*)\s*号\s*(?<word>" + words + ")" + Rev,
                    Options,
                    Timeout);
                _before = new TieredRegex(@"(?<body>" + bodies + @")\s*(?:关于[^，,。；;]{1,60}的)?\s*$", Options, Timeout);
            }
            else
            {
                var join = @"\s*(?:,\s*(?:" + and + @")?|" + and + @"|;)\s*" + itemNumberWord;
                _citation = new TieredRegex(
                    @"(?<![\p{L}\p{M}\p{N}])(?<word>" + (table.CitationCaseSensitive ? "(?-i:" + words + ")" : words) + @")(?![\p{L}\p{M}])" + numberWords + @"\s*" + sector + @"(?<items>" + Number + Rev + @"(?:" + join + Number + Rev + @")*)(?![\p{L}\p{N}])",
                    Options,
                    Timeout);
                if (table.CitationBodyFirst)
                {
                    _before = new TieredRegex(@"(?<![\p{L}\p{M}])(?<body>" + bodies + @")\s*$", Options, Timeout);
                }

                // Russian names the body in the genitive with no connective; Arabic may glue it (للمؤتمر): an empty connective.
                var of = table.CitationOf.Any(o => o.Length > 0) ? @"(?:(?:" + Alternation(table.CitationOf) + @")\s*)" : string.Empty;
                if (of.Length > 0 && table.CitationOf.Any(o => o.Length == 0))
                {
                    of += "?";
                }

                _tail = new TieredRegex(
                    @"\G(?<gap>\s*)(?:(?<this>" + Alternation(table.ThisBodyPhrases) + @")|" + of + @"(?<body>" + Alternation(_bodies.Keys) + @")|\((?<code>" + Alternation(table.BodyCodes.Select(c => c.Code)) + @")(?:-\d{2})?\))(?![\p{L}\p{M}])",
                    Options,
                    Timeout);
            }
        }

        /// <summary>Whether the text (folded, in lower case) holds one of the citation words' stems.</summary>
        public bool MayMatch(string lower)
        {
            foreach (var stem in _stems)
            {
                if (lower.IndexOf(stem, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public void Find(string text, string fold, SourceMap? map, List<Reference> list)
        {
            for (var m = _citation.Match(fold); m.Success; m = m.NextMatch())
            {
                var kind = KindOf(_words.TryGetValue(m.Groups["word"].Value, out var k) ? k : InstrumentKind.Resolution);
                Body? body = m.Groups["sector"].Success ? Body.RadiocommunicationAssembly : null;
                var ofThis = false;
                var end = m.Index + m.Length;
                var prefixStart = m.Index;

                if (_before is not null)
                {
                    var window = Math.Max(0, m.Index - 80);
                    var before = _before.Regex.Match(fold.Substring(window, m.Index - window));
                    if (before.Success)
                    {
                        ofThis |= _thisBody.Contains(before.Groups["body"].Value);
                        body ??= BodyOf(before.Groups["body"].Value);

                        // "全权代表大会第191号决议": the body named right before the number is part of the citation.
                        if (_table.CitationNumberFirst && before.Index + before.Length == m.Index - window)
                        {
                            prefixStart = window + before.Groups["body"].Index;
                        }
                    }
                }

                var items = m.Groups["items"];
                var itemMatches = ItemPattern.Regex.Matches(items.Value).Cast<Match>().ToList();

                // A parenthesis that is not a revision ("Resolution 70 (see the annex)") is not part of the citation.
                var revisions = new Revision?[itemMatches.Count];
                var validEnd = items.Index + items.Length;
                for (var i = 0; i < itemMatches.Count; i++)
                {
                    var rev = itemMatches[i].Groups["rev"];
                    if (rev.Success)
                    {
                        revisions[i] = RevisionParser.Parse(rev.Value);
                        if (revisions[i] is null && i == itemMatches.Count - 1)
                        {
                            validEnd = items.Index + rev.Index;
                        }
                    }
                }

                if (_table.CitationNumberFirst)
                {
                    // The revision follows the instrument word: 第154号决议（2006年，安塔利亚）.
                    var tailRev = Regex.Match(m.Value, @"\((?>[^()]{2,80})\)$", RegexOptions.CultureInvariant, Timeout);
                    if (tailRev.Success)
                    {
                        var revision = RevisionParser.Parse(tailRev.Value);
                        if (revision is null)
                        {
                            end = m.Index + tailRev.Index;
                        }
                        else if (itemMatches.Count > 0)
                        {
                            revisions[itemMatches.Count - 1] = revision;
                        }
                    }
                }
                else
                {
                    end = Math.Min(end, validEnd);
                    while (end > m.Index && char.IsWhiteSpace(fold[end - 1]))
                    {
                        end--;
                    }

                    if (_tail is not null)
                    {
                        var tail = _tail.Match(fold, end);
                        if (tail.Success)
                        {
                            if (tail.Groups["this"].Success)
                            {
                                ofThis = true;
                                end = tail.Index + tail.Length;
                            }
                            else if (BodyOf(tail.Groups["body"].Success ? tail.Groups["body"].Value : tail.Groups["code"].Value) is { } named)
                            {
                                body = named;
                                end = tail.Index + tail.Length;
                            }
                        }
                    }
                }

                var first = true;
                for (var i = 0; i < itemMatches.Count; i++)
                {
                    var item = itemMatches[i];
                    if (items.Index + item.Index >= end)
                    {
                        break;
                    }

                    // "Resolutions 70 and 71 (Rev. Bucharest, 2022)": a revision given once applies to the numbers before it.
                    var revision = revisions.Skip(i).FirstOrDefault(r => r is not null);
                    var number = item.Groups["num"].Value;
                    if (item.Groups["edition"].Success)
                    {
                        if (m.Groups["sector"].Success || body?.Code == Body.RadiocommunicationAssembly.Code)
                        {
                            revision = new Revision(string.Empty, revision?.Year ?? 0, true) { Edition = int.Parse(item.Groups["edition"].Value, System.Globalization.CultureInfo.InvariantCulture) };
                        }
                        else
                        {
                            number += "-" + item.Groups["edition"].Value;
                        }
                    }

                    var itemBody = body ?? BodyOfRevision(revision) ?? CouncilByNumber(kind, number);
                    var start = first ? prefixStart : items.Index + item.Index;
                    var itemEnd = i == itemMatches.Count - 1 || _table.CitationNumberFirst ? end : Math.Min(end, items.Index + item.Index + item.Length);
                    if (IsLast(i, itemMatches, items.Index, end))
                    {
                        itemEnd = end;
                    }

                    list.Add(Make(kind, itemBody, number, revision, null, text, start, Math.Max(start + 1, itemEnd), map) with { OfThisBody = ofThis });
                    first = false;
                }
            }
        }

        private static bool IsLast(int i, List<Match> items, int itemsIndex, int end) =>
            i == items.Count - 1 || itemsIndex + items[i + 1].Index >= end;

        private Body? BodyOf(string phrase)
        {
            if (_bodies.TryGetValue(phrase.Trim(), out var code))
            {
                return Body.FromCode(code);
            }

            return Conferences.BodyOfCode(phrase.Trim().TrimEnd('-', ' '));
        }

        private static Body? BodyOfRevision(Revision? revision)
        {
            if (revision is null)
            {
                return null;
            }

            if (revision.Meeting is { } meeting)
            {
                var dash = meeting.IndexOf('-');
                var code = dash > 0 ? meeting.Substring(0, dash) : new string(meeting.TakeWhile(char.IsLetter).ToArray());
                if (Conferences.BodyOfCode(code.Trim()) is { } coded)
                {
                    return coded;
                }
            }

            return revision.Place.Length > 0 ? Conferences.BodyOf(revision.Place, revision.Year) : null;
        }

        /// <summary>
        /// The Council numbers its resolutions from 1000 and its decisions from 100 upwards; no conference or assembly
        /// has reached those numbers, so a bare "Resolution 1213" is the Council's.
        /// </summary>
        private static Body? CouncilByNumber(ReferenceKind kind, string number)
        {
            var digits = new string(number.TakeWhile(char.IsDigit).ToArray());
            if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            return (kind == ReferenceKind.Resolution && n >= 1000) || (kind == ReferenceKind.Decision && n >= 100) ? Body.Council : null;
        }

        private static ReferenceKind KindOf(InstrumentKind kind) => kind switch
        {
            InstrumentKind.Decision => ReferenceKind.Decision,
            InstrumentKind.Recommendation => ReferenceKind.Recommendation,
            _ => ReferenceKind.Resolution,
        };

        private static string Stem(string word)
        {
            var letters = new string(word.Where(c => char.IsLetter(c)).ToArray());
            return letters.Length <= 4 ? letters : letters.Substring(letters.Length > 6 ? 1 : 0, 4);
        }

        private static string Alternation(IEnumerable<string> phrases)
        {
            var sb = new StringBuilder();
            foreach (var p in phrases.Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length))
            {
                if (sb.Length > 0)
                {
                    sb.Append('|');
                }

                foreach (var c in Regex.Escape(p).Replace(@"\ ", "\u0001"))
                {
                    sb.Append(c switch
                    {
                        '\u0001' => @"\s+",
                        '\'' or '’' => "['’]",
                        _ => c.ToString(),
                    });
                }
            }

            return sb.Length == 0 ? "(?!)" : sb.ToString();
        }
    }
}
