using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Model;
using ResolutionKit.Phrases;

namespace ResolutionKit.Reading.Text;

/// <summary>What a title line says: the instrument's kind and number, its revision, its body when the title tells it.</summary>
internal sealed class TitleInfo
{
    public InstrumentKind Kind { get; set; }

    public string Number { get; set; } = "0";

    public Revision? Revision { get; set; }

    /// <summary>Every revision the title lists (a Council title gives the adoption and the last amendment).</summary>
    public List<Revision> History { get; } = new();

    public Body? Body { get; set; }

    /// <summary>The proposal mark before the title (MOD, ADD, SUP, NOC), when there is one.</summary>
    public string? Mark { get; set; }

    /// <summary>A subject written on the title line itself ("RESOLUTION 1 (Rev. Kigali, 2022) – Rules of procedure").</summary>
    public string? Subject { get; set; }

    /// <summary>Where the subject starts in the line.</summary>
    public int SubjectStart { get; set; }

    /// <summary>The length of the subject on the title line (what follows it, a Council session "(C11)", is not subject).</summary>
    public int SubjectLength { get; set; }

    /// <summary>Where the title starts in the line (after a glued page number or running head).</summary>
    public int Start { get; set; }

    /// <summary>Where the title ends in the line.</summary>
    public int End { get; set; }

    /// <summary>Whether the instrument word is in capitals (the title of a text rather than a mention of one).</summary>
    public bool Capitals { get; set; }

    /// <summary>Whether the title gave its revision in parentheses (or an edition number).</summary>
    public bool HasRevision => Revision is not null;

    public bool IsDraft => Number.StartsWith("[", StringComparison.Ordinal);
}

/// <summary>
/// Reads title lines in every body's and language's form: <c>RESOLUTION 191 (REV. BUCHAREST, 2022)</c>,
/// <c>WTDC RESOLUTION 36 (Rev. Hyderabad, 2010)</c>, <c>RESOLUTION ITU-R 2-8</c>, <c>DECISION 482 (C01, last amended
/// C20)</c>, <c>RESOLUTION PLEN/1 (DUBAI, 2012)</c>, <c>MOD RESOLUTION 28 (REV.WRC-15)</c>, <c>DRAFT NEW RESOLUTION
/// [ACP-1]</c>, <c>RÉSOLUTION 191 (RÉV. BUCAREST, 2022)</c>, <c>РЕЗОЛЮЦИЯ 191 (ПЕРЕСМ. БУХАРЕСТ, 2022 г.)</c>,
/// <c>القرار 191 (المراجَع في بوخارست، 2022)</c>, <c>第191号决议（2022年，布加勒斯特，修订版）</c>, <c>ITU-R 第33-2号决议</c>.
/// The words come from the language's table; the shape is shared, and a table can add patterns of its own.
/// </summary>
internal static class TitleParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<PhraseTable, Regex[]> Patterns = new();
    private static readonly Regex EditionNumber = new(@"^(?<num>\d{1,4}[A-Z]?)\s*-\s*(?<ed>\d{1,2})$", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Reads the title at the start of <paramref name="fold"/> (a folded line), or null.</summary>
    public static TitleInfo? Match(string fold, PhraseTable table)
    {
        if (fold.Length == 0 || fold.Length > 400 || !MayBeTitle(fold, table))
        {
            return null;
        }

        foreach (var regex in Patterns.GetOrAdd(table, Build))
        {
            Match m;
            try
            {
                m = regex.Match(fold);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            if (m.Success)
            {
                var info = Interpret(m, table);
                if (info is not null)
                {
                    return info;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a title at the start of <paramref name="fold"/> that may be followed by more text (a flattened copy):
    /// the longest prefix ending after a parenthesis or a word that reads as a title.
    /// </summary>
    public static TitleInfo? MatchPrefix(string fold, PhraseTable table)
    {
        TitleInfo? best = null;
        var limit = Math.Min(fold.Length, 200);
        for (var e = 1; e <= limit; e++)
        {
            var atEnd = e == fold.Length || fold[e] == ' ';
            if (!(fold[e - 1] == ')' || (atEnd && e < 40)))
            {
                continue;
            }

            var info = Match(fold.Substring(0, e), table);
            if (info is not null && info.Subject is null)
            {
                info.End = e;
                best = info;
            }
        }

        return best;
    }

    private static readonly ConcurrentDictionary<PhraseTable, HashSet<string>> FirstWords = new();

    /// <summary>
    /// The cheap test before the patterns: a title has a number (or a bracketed draft number), and its first word is a
    /// page number, a proposal mark, a body code, a draft word, a sector prefix or the instrument word.
    /// </summary>
    private static bool MayBeTitle(string fold, PhraseTable table)
    {
        var hasNumber = false;
        foreach (var c in fold)
        {
            if ((c >= '0' && c <= '9') || c == '[')
            {
                hasNumber = true;
                break;
            }
        }

        if (!hasNumber)
        {
            return false;
        }

        if (char.IsDigit(fold[0]))
        {
            // A page number glued before the title ("16 RESOLUTION PLEN/1"): the word after it must be a title word.
            var i = 0;
            while (i < fold.Length && char.IsDigit(fold[i]))
            {
                i++;
            }

            if (i > 4 || i >= fold.Length || fold[i] != ' ')
            {
                return !table.Spaced;
            }

            while (i < fold.Length && fold[i] == ' ')
            {
                i++;
            }

            fold = fold.Substring(i);
            if (fold.Length == 0)
            {
                return false;
            }
        }

        var words = FirstWords.GetOrAdd(table, t =>
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "MOD", "ADD", "SUP", "NOC", "R", "D", "ITU-R", "ITUR", "ITU", "PP", "WTSA", "WTDC", "RA", "WRC", "WCIT", "Res", "Rés", "Dec", "Déc", "Рез", "Реш" };
            foreach (var w in t.InstrumentWords.Select(i => i.Word).Concat(t.DraftWords).Concat(t.SectorPrefixes).Concat(t.BodyCodes.Select(c => c.Code)))
            {
                set.Add(FirstWord(w));
            }

            return set;
        });
        if (!table.Spaced)
        {
            // Chinese: 第191号决议, ITU-R第40-4号决议, 决议草案, 新决议草案, MOD 第...
            var c = fold[0];
            return c == '第' || c == '新' || c == '决' || c == '建' || c == 'I' || c == 'M' || c == 'A' || c == 'S' || c == 'N' || words.Contains(FirstWord(fold));
        }

        var firsts = FirstChars.GetOrAdd(table, _ => new HashSet<char>(words.Where(w => w.Length > 0).SelectMany(w => new[] { char.ToUpperInvariant(w[0]), char.ToLowerInvariant(w[0]) })));
        return firsts.Contains(fold[0]) && words.Contains(FirstWord(fold));
    }

    private static readonly ConcurrentDictionary<PhraseTable, HashSet<char>> FirstChars = new();

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && text[end] != ' ' && text[end] != '\t' && text[end] != '(' && !(end > 0 && char.IsDigit(text[end]) && !char.IsDigit(text[end - 1]) && text[end - 1] != '-'))
        {
            end++;
        }

        return text.Substring(0, end).TrimEnd('.', ':');
    }

    private static TitleInfo? Interpret(Match m, PhraseTable table)
    {
        var word = m.Groups["word"].Value;
        var kind = table.MatchInstrumentWord(word);
        var council = m.Groups["council"].Success;
        if (kind is null && !council)
        {
            return null;
        }

        var info = new TitleInfo
        {
            Kind = council ? (m.Groups["council"].Value is var c && (c.StartsWith("D", StringComparison.OrdinalIgnoreCase) || c.StartsWith("Реш", StringComparison.Ordinal)) ? InstrumentKind.Decision : InstrumentKind.Resolution) : kind!.Value,
            Start = m.Groups["title"].Index,
            End = m.Groups["title"].Index + m.Groups["title"].Length,
            Mark = m.Groups["mark"].Success ? m.Groups["mark"].Value.ToUpperInvariant() : null,
            Capitals = council || IsCapitals(word),
        };

        var id = m.Groups["id"].Value.Trim();
        var edition = EditionNumber.Match(id);
        if (edition.Success)
        {
            info.Number = edition.Groups["num"].Value;
            var ed = int.Parse(edition.Groups["ed"].Value, System.Globalization.CultureInfo.InvariantCulture);
            info.Revision = new Revision(string.Empty, 0, ed > 0) { Edition = ed };
        }
        else
        {
            info.Number = id.Replace(" ", string.Empty);
        }

        if (m.Groups["draft"].Success && !info.Number.StartsWith("[", StringComparison.Ordinal) && !char.IsDigit(info.Number[0]))
        {
            info.Number = "[" + info.Number + "]";
        }

        foreach (var g in new[] { "rev", "rev2" })
        {
            if (!m.Groups[g].Success)
            {
                continue;
            }

            var history = RevisionParser.ParseHistory(m.Groups[g].Value);
            if (history is null)
            {
                // Not a revision: a parenthesis a proposal adds ("(MOD)"), or the subject in brackets; keep the title without it.
                continue;
            }

            info.History.AddRange(history);
            var latest = history[history.Count - 1];
            info.Revision = info.Revision?.Edition is { } e ? latest with { Edition = e } : latest;
        }

        if (m.Groups["subject"].Success && m.Groups["subject"].Value.Trim().Length > 0)
        {
            info.Subject = m.Groups["subject"].Value.Trim();
            info.SubjectStart = m.Groups["subject"].Index;
            info.SubjectLength = m.Groups["subject"].Length;
        }

        info.Body = BodyOf(m, table, info, council);
        return info;
    }

    private static Body? BodyOf(Match m, PhraseTable table, TitleInfo info, bool council)
    {
        if (council)
        {
            return Body.Council;
        }

        if (m.Groups["prefix"].Success)
        {
            var code = m.Groups["prefix"].Value;
            var body = Conferences.BodyOfCode(code) ?? table.BodyCodes.Where(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Select(c => Body.FromCode(c.Body)).FirstOrDefault();
            if (body is not null)
            {
                return body;
            }
        }

        if (m.Groups["sector"].Success)
        {
            return Body.RadiocommunicationAssembly;
        }

        foreach (var revision in info.History.AsEnumerable().Reverse())
        {
            if (revision.Meeting is { } meeting)
            {
                var code = Regex.Match(meeting, @"^[^\d\s-]+", RegexOptions.None, Timeout).Value;
                var body = Conferences.BodyOfCode(code);
                if (body is not null)
                {
                    return body;
                }
            }

            if (revision.Place.Length > 0 && Conferences.BodyOf(revision.Place, revision.Year) is { } b)
            {
                return b;
            }
        }

        return null;
    }

    private static bool IsCapitals(string word)
    {
        var letters = word.Where(char.IsLetter).ToList();
        if (letters.Count == 0)
        {
            return false;
        }

        // A script without case (Arabic, Chinese) has no capitals: its title word counts as one.
        return letters.All(c => !char.IsLower(c));
    }

    private static Regex[] Build(PhraseTable table)
    {
        var list = new List<Regex>();
        foreach (var pattern in table.TitlePatterns)
        {
            list.Add(new Regex(Expand(pattern, table), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout));
        }

        list.Add(new Regex(Expand(DefaultPattern, table), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout));
        list.Add(new Regex(CouncilPattern, RegexOptions.CultureInvariant, Timeout));
        return list.ToArray();
    }

    /// <summary>
    /// The shape most languages share: [mark] [body code] [draft words] word [sector] number[-edition] [(revision)]
    /// [(revision)] [* or [n]] [– subject].
    /// </summary>
    private const string DefaultPattern =
        @"^(?:(?<pageno>\d{1,4})\s+|(?<runhead>(?:Res|Rés|Рез|Dec|Déc|Реш)\.\s*(?:ITU-R\s*|UIT-R\s*|МСЭ-R\s*)?\d{1,4}(?:-\d{1,2})?\s+\d{1,4}\s*))?(?<title>(?:(?<mark>MOD|ADD|SUP|NOC)\s*[:\-–]?\s+)?(?:(?<prefix>{CODES})\s+)?(?:(?<draft>{DRAFT})\s+)?(?<word>{WORD})\s*(?:(?<sector>{SECTOR})\s*)?(?:N[°o]\.?\s*|№\s*)?"
        + @"(?<id>\d{1,4}[A-Z]?(?:\s*-\s*\d{1,2})?|\[[^\[\]]{1,30}\]|[A-Z][A-Z\-]{1,10}/[A-Z0-9]{1,4})"
        + @"(?:\s*\((?<rev>[^()]{2,120})\))?(?:\s*\((?<rev2>[^()]{2,120})\))?)"
        + @"(?:\s*(?:\*{1,3}|\[\*\]|\[\d{1,2}\]))?"
        + @"(?:\s*(?:[–—]|\.\.\.|…)\s*(?<subject>\S.*)|(?<=\))(?<subject>(?-i:\p{Lu})[^;]*))?\s*$";

    /// <summary>Council texts in the old numbering: <c>R 800 (C-1977, last amended C-1984)</c>, <c>D 387 (C-1980)</c>.</summary>
    /// <remarks>
    /// Compilations of the Council's texts also abbreviate the word (<c>Res. 1238</c>, <c>Рез. 1238</c>, <c>Реш. 495</c>)
    /// and give the subject on the same line, the session after it or on the next line (<c>(C05)</c>, <c>(С05)</c>).
    /// </remarks>
    private const string CouncilPattern =
        @"^(?:(?<title>(?<council>[RD])\s+(?<id>\d{1,4})\s*\((?<rev>[CС]\s*-?\s*\d{2,4}[^()]*)\))\s*(?<subject>\S.*)?"
        + @"|(?<title>(?<council>Рез\.|Реш\.)\s*(?<id>\d{3,4}))(?:\s*\((?<rev>[CС]\s*-?\s*\d{2,4}[^()]*)\)(?:\s+(?<subject>\p{L}.*?))?|\s+(?<subject>\p{L}.*?)(?:\s*\((?<rev2>[CС]\s*-?\s*\d{2,4}[^()]*)\))?)"
        + @"|(?<title>(?<council>Res\.|Dec\.|Rés\.|Déc\.)\s*(?<id>\d{3,4}))\s+(?<subject>\p{L}.*?)\s*\((?<rev2>[CС]\s*-?\s*\d{2,4}[^()]*)\))\s*$";

    private static string Expand(string pattern, PhraseTable table)
    {
        string Alt(IEnumerable<string> words) =>
            string.Join("|", words.Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+")));

        var codes = Alt(table.BodyCodes.Select(c => c.Code).Concat(new[] { "PP", "WTSA", "WTDC", "RA", "WRC", "WCIT" }));
        var draft = Alt(table.DraftWords);
        var sector = Alt(table.SectorPrefixes.Concat(new[] { "ITU-R", "ITU R", "ITUR" }));
        var word = Alt(table.InstrumentWords.Select(w => w.Word));
        return pattern
            .Replace("{CODES}", codes.Length > 0 ? codes : "(?!)")
            .Replace("{DRAFT}", draft.Length > 0 ? draft : "(?!)")
            .Replace("{SECTOR}", sector)
            .Replace("{WORD}", word.Length > 0 ? word : "(?!)");
    }
}
