using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ResolutionKit.Model;
using ResolutionKit.Phrases;

namespace ResolutionKit.Reading.Text;

/// <summary>
/// Reads revisions and adoption histories in any of the six languages, and gives every place its English name
/// (from <c>Phrases/places.json</c>), so that the language versions of a text carry equal revisions.
/// </summary>
internal static class RevisionParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex MeetingCode = new(
        @"^(?<code>WRC|CMR|ВКР|PP|ПК|WTSA|AMNT|ВАСЭ|WTDC|CMDT|ВКРЭ|RA|AR|АР|WCIT|C|С)\s*-?\s*(?<yy>\d{4}|\d{2})(?:\s*/\s*EX)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        Timeout);

    private static readonly Regex YearOnly = new(@"^(?<year>\d{4})\s*(?:年|г\.?|года?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex TrailingYear = new(@"^(?<rest>.*?)[\s,]+(?<year>\d{4})\s*(?:年|г\.?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    // Tracked changes flattened into text put the deleted revision right before the inserted one: "Rev. Guadalajara, 2010Busan, 2014".
    private static readonly Regex GluedRevisions = new(@"(?<=\d{4})(?=\s?\p{Lu}\p{Ll}|\p{Lu}{2,})", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex YearList = new(@"^\d{4}(?:\s*[-–]\s*\d{4})+\s*(?:年|г\.?)?$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Lazy<Dictionary<string, string>> PlaceIndex = new(LoadPlaces);
    private static readonly Lazy<string[]> RevisionWords = new(LoadRevisionWords);

    /// <summary>The words that introduce a later amendment of a Council text ("last amended", "最后修正").</summary>
    private static readonly string[] AmendedWords = { "last amended", "last modified", "dernière modification", "dernière mod.", "dernier amendement", "modifiée en dernier lieu", "modificado por última vez", "modificada por última vez", "последнее изменение", "последние изменения", "آخر تعديل", "最后修正", "最后修订" };

    /// <summary>Parses one revision; null when the text is not one.</summary>
    public static Revision? Parse(string text)
    {
        var history = ParseHistory(text);
        return history is { Count: > 0 } ? history[history.Count - 1] : null;
    }

    /// <summary>
    /// Parses an adoption history ("Antalya, 2006; Rev. Guadalajara, 2010", "(Busan, 2014) (Rev. Dubai, 2018)",
    /// "1990-1993-2000", "C-1957, last amended C-1981", "（2006年，安塔利亚）（2010年，瓜达拉哈拉，修订版）"), or a
    /// single revision as a history of one; null when the text is not such a list.
    /// </summary>
    public static IReadOnlyList<Revision>? ParseHistory(string text)
    {
        if (text.Length > 400)
        {
            return null;
        }

        // Titles and histories repeat across a corpus (every text of a conference cites it): parse each form once.
        if (Cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = ParseHistoryUncached(text);
        if (Cache.Count < 20_000)
        {
            Cache[text] = parsed;
        }

        return parsed;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Revision>?> Cache = new(StringComparer.Ordinal);

    private static IReadOnlyList<Revision>? ParseHistoryUncached(string text)
    {
        var t = Normalizer.Fold(text).Trim();
        if (t.Length == 0 || t.Length > 400)
        {
            return null;
        }

        t = t.Trim();
        if (t.Count(c => c == '(') != t.Count(c => c == ')'))
        {
            return null;
        }

        if (t.StartsWith("(", StringComparison.Ordinal) && t.EndsWith(")", StringComparison.Ordinal))
        {
            t = t.Substring(1, t.Length - 2).Trim();
        }

        // One year: the Radiocommunication Assembly's history of a text adopted once ("(2015)").
        if (YearOnly.Match(t) is { Success: true } single && t.Length <= 8)
        {
            return new[] { new Revision(string.Empty, int.Parse(single.Groups["year"].Value, CultureInfo.InvariantCulture), false) };
        }

        // Years joined by hyphens: the Radiocommunication Assembly's history (1990-1993-2000-2007年).
        if (YearList.IsMatch(t))
        {
            var years = Regex.Matches(t, @"\d{4}", RegexOptions.None, Timeout).Cast<Match>().Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            return years.Select((y, i) => new Revision(string.Empty, y, i > 0)).ToList();
        }

        var parts = SplitEntries(t);
        var list = new List<Revision>();
        foreach (var raw in parts)
        {
            // After a tracked change glued two revisions together, the inserted one keeps the deleted one's "Rev.".
            var inherits = raw.StartsWith("\u0001", StringComparison.Ordinal);
            var part = raw.TrimStart('\u0001').Trim();
            var amended = SplitAmended(part);
            foreach (var (entry, isAmendment) in amended)
            {
                var revision = ParseOne(entry);
                if (revision is null)
                {
                    return null;
                }

                var isRevision = isAmendment || revision.IsRevision || (inherits && list.Count > 0 && list[list.Count - 1].IsRevision);
                list.Add(revision with { IsRevision = isRevision });
            }
        }

        return list.Count > 0 ? list : null;
    }

    /// <summary>The English name of a place written in any language, or null when the table does not know it.</summary>
    public static string? CanonicalPlace(string place)
    {
        var key = PlaceKey(place);
        return PlaceIndex.Value.TryGetValue(key, out var canonical) ? canonical : null;
    }

    private static IEnumerable<string> SplitEntries(string t)
    {
        // "(a) (b)" and "(a)(b)" as well as "a; b".
        var s = t.Replace(")(", ";").Replace(") (", ";").Replace(")  (", ";");
        if (HasGluedRevision(s))
        {
            s = GluedRevisions.Replace(s, ";\u0001");
        }
        return s.Split(';').Select(p => p.Trim().TrimStart('(').TrimEnd(')').Trim()).Where(p => p.Trim('\u0001').Length > 0);
    }

    private static bool HasGluedRevision(string s)
    {
        for (var i = 4; i < s.Length - 1; i++)
        {
            if (char.IsDigit(s[i - 1]) && (char.IsUpper(s[i]) || (s[i] == ' ' && char.IsUpper(s[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(string Entry, bool IsAmendment)> SplitAmended(string part)
    {
        foreach (var word in AmendedWords)
        {
            var i = part.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (i >= 0)
            {
                var before = part.Substring(0, i).Trim().TrimEnd(',').Trim();
                var after = part.Substring(i + word.Length).Trim();
                return new[] { (before, false), (after, true) };
            }
        }

        return new[] { (part, false) };
    }

    private static Revision? ParseOne(string entry)
    {
        var isRevision = false;
        var pieces = entry.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        string? place = null;
        var year = 0;
        string? meeting = null;
        foreach (var raw in pieces)
        {
            // A Council session written with a Cyrillic С ("С-2000", "С19").
            var piece = raw.Length > 1 && (raw[0] == 'С' || raw[0] == 'с') && (char.IsDigit(raw[1]) || raw[1] == '-') ? "C" + raw.Substring(1) : raw;
            var stripped = StripRevisionWords(piece, out var hadWord);
            isRevision |= hadWord;
            piece = stripped;
            if (piece.Length == 0)
            {
                continue;
            }

            var code = MeetingCode.Match(piece);
            if (code.Success)
            {
                meeting = piece;
                year = ExpandYear(code.Groups["yy"].Value);
                continue;
            }

            var y = YearOnly.Match(piece);
            if (y.Success)
            {
                year = int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            if (place is not null)
            {
                return null;
            }

            var trailing = TrailingYear.Match(piece);
            if (trailing.Success && year == 0 && trailing.Groups["rest"].Value.Trim().Length > 0)
            {
                year = int.Parse(trailing.Groups["year"].Value, CultureInfo.InvariantCulture);
                piece = trailing.Groups["rest"].Value.Trim();
            }

            place = piece;
        }

        if (meeting is not null && place is null)
        {
            var code = MeetingCode.Match(meeting);
            var conference = Conferences.FindByShortName(code.Groups["code"].Value, year);
            return new Revision(conference?.Place ?? string.Empty, year, isRevision) { Meeting = meeting };
        }

        if (place is null || year < 1865 || year > 2200 || place.Count(char.IsLetter) < 2 || !char.IsLetter(place[0]) || place.Length > 60)
        {
            return null;
        }

        // "in Bucharest" (Arabic في) and similar connectives were stripped with the revision word; a place keeps its letters.
        // A place the catalogue does not know is taken only if it looks like a place name (at most four words); a
        // longer phrase ("SEE ALSO THE REPORT OF THE COUNCIL, 2022") is not a revision, and its line is kept as written.
        var canonical = CanonicalPlace(place);
        if (canonical is null && place.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Length > 4)
        {
            return null;
        }

        return new Revision(canonical ?? Internal.Casing.ToTitleCase(place), year, isRevision);
    }

    private static int ExpandYear(string yy)
    {
        var n = int.Parse(yy, CultureInfo.InvariantCulture);
        return yy.Length == 4 ? n : n >= 60 ? 1900 + n : 2000 + n;
    }

    private static string StripRevisionWords(string piece, out bool found)
    {
        found = false;
        var changed = true;
        while (changed)
        {
            changed = false;
            if (piece.Length == 0)
            {
                break;
            }

            var first = char.ToUpperInvariant(Unaccent(piece[0]));
            var last = piece[piece.Length - 1];
            foreach (var word in RevisionWords.Value)
            {
                // Only the words that can start (or, written after the place as in Chinese, end) this piece.
                if (char.ToUpperInvariant(Unaccent(word[0])) != first && !(word[0] >= 0x2E80 && word[word.Length - 1] == last))
                {
                    continue;
                }

                if (piece.StartsWith(word, StringComparison.OrdinalIgnoreCase) || StartsWithIgnoringMarks(piece, word))
                {
                    var rest = SkipWordAndMarks(piece, word);
                    if (rest.Length == piece.Length)
                    {
                        continue;
                    }

                    // "Rev" must end at a word boundary ("Revel" is not a revision).
                    if (rest.Length > 0 && char.IsLetter(word[word.Length - 1]) && char.IsLetter(rest[0]) && word[word.Length - 1] < 0x2E80)
                    {
                        continue;
                    }

                    piece = rest.TrimStart(' ', '.', '\u00A0').Trim();
                    found = true;
                    changed = true;
                    break;
                }

                if (piece.EndsWith(word, StringComparison.OrdinalIgnoreCase) && piece.Length > word.Length && word[0] >= 0x2E80)
                {
                    piece = piece.Substring(0, piece.Length - word.Length).Trim();
                    found = true;
                    changed = true;
                    break;
                }
            }
        }

        return piece;
    }

    private static bool StartsWithIgnoringMarks(string text, string word) => SkipWordAndMarks(text, word).Length != text.Length;

    /// <summary>The rest of <paramref name="text"/> after <paramref name="word"/>, skipping Arabic short vowels; the text itself when it does not start with the word.</summary>
    private static string SkipWordAndMarks(string text, string word)
    {
        var i = 0;
        var j = 0;
        while (j < word.Length)
        {
            if (i >= text.Length)
            {
                return text;
            }

            var a = text[i];
            var b = word[j];
            if (IsMark(a))
            {
                i++;
                continue;
            }

            if (IsMark(b))
            {
                j++;
                continue;
            }

            if (char.ToUpperInvariant(Unaccent(a)) != char.ToUpperInvariant(Unaccent(b)))
            {
                return text;
            }

            i++;
            j++;
        }

        while (i < text.Length && IsMark(text[i]))
        {
            i++;
        }

        return text.Substring(i);
    }

    private static bool IsMark(char c) => (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';

    private static char Unaccent(char c) => c switch
    {
        'É' or 'È' or 'Ê' or 'Ë' => 'E',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'Á' or 'À' => 'A',
        'á' or 'à' => 'a',
        'Ó' => 'O',
        'ó' => 'o',
        'ё' => 'е',
        'Ё' => 'Е',
        _ => c,
    };

    private static string[] LoadRevisionWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Rev.", "Rev", "Rév.", "Rév", "Revisión", "Révision", "ПЕРЕСМ.", "Пересм.", "пересм.", "修订版", "修订" };
        foreach (var language in PhraseTable.BuiltinLanguages)
        {
            var table = PhraseTable.ForLanguage(language);
            if (table is not null)
            {
                words.UnionWith(table.RevisionWords);
            }
        }

        return words.OrderByDescending(w => w.Length).ToArray();
    }

    private static Dictionary<string, string> LoadPlaces()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(RevisionParser).Assembly.GetManifestResourceStream("ResolutionKit.Phrases.places.json");
        if (stream is null)
        {
            return index;
        }

        using var reader = new StreamReader(stream);
        var json = JObject.Parse(reader.ReadToEnd());
        if (json["places"] is JObject places)
        {
            foreach (var prop in places.Properties())
            {
                index[PlaceKey(prop.Name)] = prop.Name;
                foreach (var variant in prop.Value.Values<string>())
                {
                    if (!string.IsNullOrEmpty(variant))
                    {
                        index[PlaceKey(variant!)] = prop.Name;
                    }
                }

                // PDF text layers drop the accented letters of Latin names ("Dubi" for "Dubái", "Bogot" for "Bogotá").
                foreach (var variant in prop.Value.Values<string>().Append(prop.Name))
                {
                    if (variant is { Length: > 3 } && variant.All(c => c < 0x250) && variant.Any(c => c > 0x7F))
                    {
                        var stripped = PlaceKey(new string(variant.Where(c => c <= 0x7F).ToArray()));
                        if (stripped.Length > 2 && !index.ContainsKey(stripped))
                        {
                            index[stripped] = prop.Name;
                        }
                    }
                }
            }
        }

        return index;
    }

    private static string PlaceKey(string place)
    {
        var sb = new StringBuilder(place.Length);
        foreach (var c in Normalizer.SafeNormalize(Normalizer.Fold(place), NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || IsMark(c))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c switch
                {
                    '\u0623' or '\u0625' or '\u0622' => '\u0627',
                    '\u0649' => '\u064A',
                    '\u0629' => '\u0647',
                    _ => c,
                }));
            }
        }

        return sb.ToString();
    }
}
