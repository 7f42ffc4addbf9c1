using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using ResolutionKit.Model;

namespace ResolutionKit.Phrases;

/// <summary>What a heading line opens: its part, its normalized kind, the actors it addresses.</summary>
/// <param name="Part">Preamble or operative part.</param>
/// <param name="Kind">The normalized kind (<c>considering</c>, <c>instructs</c>, ...), the first verb's when there are several.</param>
/// <param name="Actors">Every actor addressed.</param>
/// <param name="Mandates">Each verb with the actors it addresses, when the heading has more than one verb ("requests the Secretary-General and instructs the Director of ..."); empty otherwise.</param>
/// <param name="Complete">False when some of the heading named no known actor.</param>
/// <param name="Length">How many characters of the text the heading takes.</param>
public sealed record HeadingMatch(Part Part, string Kind, IReadOnlyList<Actor> Actors, IReadOnlyList<Mandate> Mandates, bool Complete, int Length);

/// <summary>
/// The words of one language that the reader and the rules need: title words, revision words, group openings
/// (preambular participles, operative verbs), actors, bodies, annex words, label letters. Tables ship as JSON data
/// (<c>Phrases/en.json</c>, <c>fr.json</c>, <c>es.json</c>, <c>ru.json</c>, <c>ar.json</c>, <c>zh.json</c>); a new
/// language is a new table, not new code. Matching is case-insensitive, ignores Arabic short vowels and tatweel,
/// treats the Arabic forms of alef alike, and (for languages written without spaces) ignores spaces between
/// characters, as PDF copies insert them.
/// </summary>
public sealed class PhraseTable
{
    private static readonly ConcurrentDictionary<string, PhraseTable?> BuiltinCache = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<char, List<(string Phrase, string Kind)>> _preamble;
    private readonly Dictionary<char, List<(string Phrase, string Kind)>> _operative;
    private readonly Dictionary<char, List<(string Phrase, string Key)>> _actors;
    private readonly List<(string Phrase, string Kind)> _preambleList;
    private readonly List<(string Phrase, string Kind)> _operativeList;
    private readonly List<(string Phrase, string Key)> _actorList;
    private readonly List<(string Phrase, string Code)> _bodies;
    private readonly List<(string Word, InstrumentKind Kind)> _instruments;
    private readonly string[] _separators;

    private PhraseTable(string language, JObject json)
    {
        Language = language;
        Script = (string?)json["script"] ?? "Latin";
        Spaced = (bool?)json["spaced"] ?? true;
        _preambleList = Pairs(json["preamble"]);
        _operativeList = Pairs(json["operative"]);
        _actorList = Pairs(json["actors"]);
        _preamble = ByFirst(_preambleList);
        _operative = ByFirst(_operativeList);
        _actors = ByFirst(_actorList);
        _bodies = Pairs(json["bodies"]).OrderByDescending(p => p.Phrase.Length).ToList();
        _instruments = Pairs(json["instruments"])
            .Select(p => (p.Phrase, (InstrumentKind)Enum.Parse(typeof(InstrumentKind), p.Kind)))
            .OrderByDescending(p => p.Phrase.Length)
            .ToList();
        AnnexWords = Strings(json["annex"]).AsReadOnly();
        ThisBodyPhrases = Strings(json["thisBody"]).AsReadOnly();
        RevisionWords = Strings(json["revision"]).OrderByDescending(s => s.Length).ToList().AsReadOnly();
        DraftWords = Strings(json["draft"]).OrderByDescending(s => s.Length).ToList().AsReadOnly();
        SectorPrefixes = Strings(json["sector"]).OrderByDescending(s => s.Length).ToList().AsReadOnly();
        Letters = (string?)json["letters"] ?? "abcdefghijklmnopqrstuvwxyz";
        TitlePatterns = Strings(json["titles"]).AsReadOnly();
        FrontWords = Strings(json["front"]).AsReadOnly();
        TrailerWords = Strings(json["trailers"]).AsReadOnly();
        ChromeWords = Strings(json["chrome"]).AsReadOnly();
        BodyCodes = Pairs(json["codes"]).Select(p => (p.Phrase, p.Kind)).ToList().AsReadOnly();
        _separators = Strings(json["separators"]).OrderByDescending(s => s.Length).ToArray();
        _qualifiers = Strings(json["qualifiers"]).OrderByDescending(s => s.Length).ToArray();
        _genitives = Strings(json["genitives"]).OrderByDescending(s => s.Length).ToArray();

        _organKinds = json["organKinds"] is JObject organKinds
            ? organKinds.Properties().Where(p => p.Value.Type == JTokenType.String).ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var citations = json["citations"] as JObject ?? new JObject();
        CitationWords = Pairs(citations["words"])
            .Select(p => (p.Phrase, (InstrumentKind)Enum.Parse(typeof(InstrumentKind), p.Kind)))
            .OrderByDescending(p => p.Phrase.Length)
            .ToList()
            .AsReadOnly();
        CitationAnd = Strings(citations["and"]).AsReadOnly();
        CitationOf = RawStrings(citations["of"]).OrderByDescending(s => s.Length).ToList().AsReadOnly();
        CitationNumberWords = Strings(citations["numberWords"]).AsReadOnly();
        CitationNumberFirst = (bool?)citations["numberFirst"] ?? false;
        CitationBodyFirst = (bool?)citations["before"] ?? false;
        CitationCaseSensitive = (bool?)citations["caseSensitive"] ?? false;
        CitationBodyForms = Pairs(citations["bodyForms"]).Concat(_bodies).Concat(BodyCodes.Select(c => (c.Code, c.Body)))
            .Distinct()
            .OrderByDescending(p => p.Item1.Length)
            .ToList()
            .AsReadOnly();
        var time = json["time"] as JObject ?? new JObject();
        CouncilSessionPatterns = RawStrings(time["council"]).AsReadOnly();
        DeadlinePatterns = RawStrings(time["deadline"]).AsReadOnly();
        ConferencePatterns = RawStrings(time["conference"]).AsReadOnly();
        PlanPatterns = RawStrings(time["plans"]).AsReadOnly();
        DatedPatterns = RawStrings(time["dated"]).AsReadOnly();
        NextMeetingPhrases = time["next"] is JObject next
            ? next.Properties().Where(p => p.Value.Type == JTokenType.String).ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>();
        var reporting = json["reporting"] as JObject ?? new JObject();
        ReportRequestPatterns = RawStrings(reporting["requests"]).AsReadOnly();
        ReportRequestWords = RawStrings(reporting["words"]).Where(w => w.Length > 0).ToList().AsReadOnly();
        ReportToCouncilPatterns = RawStrings(reporting["council"]).AsReadOnly();
        ReportToConferencePatterns = RawStrings(reporting["conference"]).AsReadOnly();
        GenericSubjectPatterns = RawStrings(reporting["generic"]).AsReadOnly();
        var tasks = json["tasks"] as JObject ?? new JObject();
        TaskKindPatterns = Named(tasks["kinds"]);
        CadencePatterns = Named(tasks["cadence"]);
    }

    private static IReadOnlyList<(string Name, string Pattern)> Named(JToken? token) =>
        token is JObject o
            ? o.Properties().SelectMany(p => RawStrings(p.Value).Select(pattern => (p.Name, pattern))).ToList().AsReadOnly()
            : Array.AsReadOnly(Array.Empty<(string, string)>());

    /// <summary>
    /// Regular expressions for the kind of work an instruction asks for (<c>report</c>, <c>study</c>, <c>organize</c>,
    /// <c>assist</c>, ...), in the order the kinds are listed (the first listed wins where two match at one place).
    /// </summary>
    public IReadOnlyList<(string Name, string Pattern)> TaskKindPatterns { get; }

    /// <summary>Regular expressions for how often an instruction recurs (<c>annually</c>, <c>each-conference</c>, ...).</summary>
    public IReadOnlyList<(string Name, string Pattern)> CadencePatterns { get; }

    /// <summary>The words that cite an instrument in running text ("Resolution", "Résolutions", "Резолюцию", "بالقرار", "决议"), longest first.</summary>
    public IReadOnlyList<(string Word, InstrumentKind Kind)> CitationWords { get; }

    /// <summary>The words that join numbers in a citation ("and", "et", "y", "и", "و", "和").</summary>
    public IReadOnlyList<string> CitationAnd { get; }

    /// <summary>What joins a citation to the body that adopted it ("of the", "de la", "ل"); empty when the body follows directly (Russian genitive).</summary>
    public IReadOnlyList<string> CitationOf { get; }

    /// <summary>Words between the instrument word and its number ("رقم", "No.").</summary>
    public IReadOnlyList<string> CitationNumberWords { get; }

    /// <summary>Whether the number comes before the instrument word (Chinese 第154号决议).</summary>
    public bool CitationNumberFirst { get; }

    /// <summary>Whether citation words must be written as listed (English capitalizes "Resolution 70"; "resolution 5" is not a citation).</summary>
    public bool CitationCaseSensitive { get; }

    /// <summary>Whether the body may be named before the citation ("WTSA Resolution 18", "全权代表大会第191号决议").</summary>
    public bool CitationBodyFirst { get; }

    /// <summary>How bodies are named around a citation (names, genitive forms, codes), with the body code, longest first.</summary>
    public IReadOnlyList<(string Phrase, string Body)> CitationBodyForms { get; }

    /// <summary>Regular expressions for Council sessions, with a <c>year</c> or <c>yy</c> group ("the 2019 session of the Council").</summary>
    public IReadOnlyList<string> CouncilSessionPatterns { get; }

    /// <summary>Regular expressions for deadlines, with a <c>year</c> group ("by 2019", "d'ici à 2019", "2019年前").</summary>
    public IReadOnlyList<string> DeadlinePatterns { get; }

    /// <summary>Regular expressions for a conference named with its year, where <c>{body}</c> stands for a body's name ("the 2026 Plenipotentiary Conference").</summary>
    public IReadOnlyList<string> ConferencePatterns { get; }

    /// <summary>Regular expressions for plans and periods, with <c>from</c> and <c>to</c> groups ("Action Plan 2010-2014").</summary>
    public IReadOnlyList<string> PlanPatterns { get; }

    /// <summary>Regular expressions for a year an action is placed in, with a <c>year</c> group ("in 2027", "en 2027", "于2027年").</summary>
    public IReadOnlyList<string> DatedPatterns { get; }

    /// <summary>How the language says "the next conference" of a body (by body code), for fixes that replace a fixed meeting name.</summary>
    public IReadOnlyDictionary<string, string> NextMeetingPhrases { get; }

    /// <summary>Regular expressions that ask for a report ("to report", "faire rapport", "提交…报告").</summary>
    public IReadOnlyList<string> ReportRequestPatterns { get; }

    /// <summary>
    /// Words of which every reporting request holds one ("report", "rapport", "报告"; matched in any case, as part of a
    /// longer word too): a clause with none of them is not searched with <see cref="ReportRequestPatterns"/>. Empty when
    /// the table gives none, and then every clause is searched.
    /// </summary>
    public IReadOnlyList<string> ReportRequestWords { get; }

    /// <summary>Regular expressions that send a report to the Council.</summary>
    public IReadOnlyList<string> ReportToCouncilPatterns { get; }

    /// <summary>Regular expressions that send a report to a conference or assembly.</summary>
    public IReadOnlyList<string> ReportToConferencePatterns { get; }

    /// <summary>Regular expressions for words that say nothing of a report's subject ("on the implementation of this resolution").</summary>
    public IReadOnlyList<string> GenericSubjectPatterns { get; }

    private static List<string> RawStrings(JToken? token) =>
        token is JArray arr ? arr.Values<string>().Where(s => s is not null).Select(s => s!).ToList() : new List<string>();

    private readonly string[] _genitives;

    /// <summary>
    /// Verbs that mean one thing to the Union's organs and another to others: Chinese 请 invites Member States but
    /// requests the Secretary-General. Maps the kind to the kind it has when every actor is an organ.
    /// </summary>
    private readonly Dictionary<string, string> _organKinds;

    private string KindFor(string kind, IReadOnlyCollection<Actor> actors) =>
        actors.Count > 0 && actors.All(a => a.Standing == ActorStanding.Organ) && _organKinds.TryGetValue(kind, out var organ) ? organ : kind;

    private readonly string[] _qualifiers;

    /// <summary>The language code.</summary>
    public string Language { get; }

    /// <summary>The script: <c>Latin</c>, <c>Cyrillic</c>, <c>Arabic</c> or <c>Han</c>.</summary>
    public string Script { get; }

    /// <summary>Whether words are separated by spaces (false for Chinese, where a heading glues verb and actor).</summary>
    public bool Spaced { get; }

    /// <summary>Words that open (or, in Chinese, close) an annex heading ("ANNEX").</summary>
    public IReadOnlyList<string> AnnexWords { get; }

    /// <summary>Phrases that mean "of this conference".</summary>
    public IReadOnlyList<string> ThisBodyPhrases { get; }

    /// <summary>Words that mark a revision ("Rev.", "Rév.", "ПЕРЕСМ.", "المراجَع", "修订版").</summary>
    public IReadOnlyList<string> RevisionWords { get; }

    /// <summary>Words that mark a draft title ("DRAFT NEW", "PROJET DE").</summary>
    public IReadOnlyList<string> DraftWords { get; }

    /// <summary>Sector prefixes of Radiocommunication Assembly numbers ("ITU-R", "UIT-R", "МСЭ-R").</summary>
    public IReadOnlyList<string> SectorPrefixes { get; }

    /// <summary>The letters of clause labels, in order (a, b, c ... ; а, б, в ... ; أ, ب, ج ...).</summary>
    public string Letters { get; }

    /// <summary>Title-line patterns of the language (regular expressions with named groups), when it needs its own.</summary>
    public IReadOnlyList<string> TitlePatterns { get; }

    /// <summary>Words of a document's front matter that are not part of any instrument (e.g. web page notes).</summary>
    public IReadOnlyList<string> FrontWords { get; }

    /// <summary>Words that open what follows a unit's text in a proposal ("Reasons:") or a Council text ("Ref.:").</summary>
    public IReadOnlyList<string> TrailerWords { get; }

    /// <summary>What web pages put around a text ("Back to the list", "Share this page", "返回"): lines that start with one, at the very start or end of a text, are page chrome.</summary>
    public IReadOnlyList<string> ChromeWords { get; }

    /// <summary>The short codes of bodies in this language (WTSA, AMNT, ВАСЭ, ...), with the body code each stands for.</summary>
    public IReadOnlyList<(string Code, string Body)> BodyCodes { get; }

    /// <summary>The instrument words of the title line, longest first, with their kinds.</summary>
    public IReadOnlyList<(string Word, InstrumentKind Kind)> InstrumentWords => _instruments;

    /// <summary>The languages with a built-in table.</summary>
    public static IReadOnlyList<string> BuiltinLanguages { get; } = Array.AsReadOnly(new[] { "en", "fr", "es", "ru", "ar", "zh" });

    /// <summary>The built-in English table.</summary>
    public static PhraseTable English => ForLanguage("en") ?? throw new InvalidOperationException("The built-in English phrase table is missing.");

    /// <summary>The built-in table for a language, or null when there is none.</summary>
    /// <param name="language">A language code.</param>
    public static PhraseTable? ForLanguage(string language) => BuiltinCache.GetOrAdd(language, LoadBuiltin);

    /// <summary>Loads a table from its JSON text (the format of the built-in tables).</summary>
    /// <param name="json">The JSON text.</param>
    public static PhraseTable Parse(string json)
    {
        var obj = JObject.Parse(json);
        var language = (string?)obj["language"] ?? throw new FormatException("A phrase table needs a \"language\".");
        return new PhraseTable(language, obj);
    }

    private static PhraseTable? LoadBuiltin(string language)
    {
        using var stream = typeof(PhraseTable).Assembly.GetManifestResourceStream("ResolutionKit.Phrases." + language.ToLowerInvariant() + ".json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The instrument kind a title word names ("RESOLUTION" → Resolution).</summary>
    /// <param name="word">The word.</param>
    public InstrumentKind? MatchInstrumentWord(string word)
    {
        var folded = Normalize(word);
        foreach (var (w, kind) in _instruments)
        {
            if (MatchAt(folded, 0, w) == folded.Length)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Matches a whole line as a preambular opening; returns the normalized kind or null.</summary>
    /// <param name="line">The line, trimmed, without trailing comma or colon.</param>
    public string? MatchPreamble(string line)
    {
        var folded = Normalize(line);
        var (kind, length) = Longest(_preamble, folded, 0);
        return kind is not null && length == folded.Length ? kind : null;
    }

    /// <summary>
    /// Matches the start of a line as an operative verb; returns the kind and the rest of the line (the actors),
    /// or null when no verb opens it.
    /// </summary>
    /// <param name="line">The line, trimmed, without trailing comma or colon.</param>
    public (string Kind, string Actors)? MatchOperative(string line)
    {
        var folded = Normalize(line);
        var (kind, length) = Longest(_operative, folded, 0);
        return kind is null ? null : (kind, line.Substring(Math.Min(length, line.Length)).Trim());
    }

    /// <summary>
    /// Reads a heading at the start of <paramref name="text"/>: a preambular opening, or an operative verb with the
    /// actors it addresses (several verbs joined by "and" make several mandates). Returns null when no opening
    /// starts the text. <see cref="HeadingMatch.Length"/> tells how much of the text the heading takes; the caller
    /// decides what the rest is.
    /// </summary>
    /// <param name="text">The text (a line, or the start of one).</param>
    public HeadingMatch? MatchHeading(string text)
    {
        var folded = Normalize(text);
        var (pre, preLength) = Longest(_preamble, folded, 0);
        var (op, opLength) = Longest(_operative, folded, 0);
        if (pre is not null && preLength >= opLength)
        {
            return new HeadingMatch(Part.Preamble, pre, Array.Empty<Actor>(), Array.Empty<Mandate>(), true, preLength);
        }

        if (op is null)
        {
            return null;
        }

        var mandates = new List<(string Kind, List<Actor> Actors)> { (op, new List<Actor>()) };
        var complete = true;

        // Where each separator next occurs; searches only move forward, so a long line is scanned once per separator.
        var nextSeparator = new int[_separators.Length];
        for (var k = 0; k < nextSeparator.Length; k++)
        {
            nextSeparator[k] = -2;
        }

        var pos = opLength;
        var end = pos;
        while (pos < folded.Length)
        {
            var start = SkipSpaces(folded, pos);
            if (start >= folded.Length)
            {
                break;
            }

            // "..., in consultation with the Directors of the three Bureaux": who is consulted is not addressed.
            if (QualifierAt(folded, start))
            {
                pos = end = folded.Length;
                break;
            }

            // "the Director of the Telecommunication Standardization Bureau (TSB)": the abbreviation repeats the actor.
            var abbreviation = AbbreviationAt(folded, start);
            if (abbreviation > 0)
            {
                pos = end = start + abbreviation;
                continue;
            }

            var (key, actorLength) = Longest(_actors, folded, start);
            if (key is not null)
            {
                var actor = Actor.FromKey(key) ?? new Actor(key, text.Substring(start, actorLength), ActorStanding.Unknown);
                var list = mandates[mandates.Count - 1].Actors;
                if (!list.Contains(actor))
                {
                    list.Add(actor);
                }

                pos = end = start + actorLength;

                // "the study groups of the ITU Telecommunication Standardization Sector": the genitive belongs to the actor.
                var genitive = GenitiveAt(folded, SkipSpaces(folded, pos));
                if (genitive > 0)
                {
                    pos = end = NextSeparator(folded, SkipSpaces(folded, pos) + genitive);
                }

                continue;
            }

            var sep = SeparatorAt(folded, start);
            if (sep > 0)
            {
                var afterSep = SkipSpaces(folded, start + sep);
                if (QualifierAt(folded, afterSep))
                {
                    pos = end = folded.Length;
                    break;
                }

                var (verb, verbLength) = Longest(_operative, folded, afterSep);
                if (verb is not null)
                {
                    mandates.Add((verb, new List<Actor>()));
                    pos = end = afterSep + verbLength;
                    continue;
                }

                pos = start + sep;
                continue;
            }

            // An actor no table knows: up to the next separator or the end.
            var stop = folded.Length;
            for (var k = 0; k < _separators.Length; k++)
            {
                var s = _separators[k];
                if (Spaced && s[0] != ' ' && s[0] != ',')
                {
                    continue;
                }

                // The first occurrence at or after start (one found earlier still is, when it is not behind start).
                if (nextSeparator[k] != -1 && nextSeparator[k] < start)
                {
                    nextSeparator[k] = folded.IndexOf(s, start, StringComparison.Ordinal);
                }

                var i = nextSeparator[k];
                if (i > start && i < stop)
                {
                    stop = i;
                }
            }

            var name = text.Substring(start, stop - start).Trim();
            if (name.Length > 0)
            {
                mandates[mandates.Count - 1].Actors.Add(new Actor("Other", name, ActorStanding.Unknown));
                complete = false;
            }

            pos = end = stop;
        }

        var all = new List<Actor>();
        foreach (var m in mandates)
        {
            foreach (var a in m.Actors)
            {
                if (!all.Contains(a))
                {
                    all.Add(a);
                }
            }
        }

        var mandateList = mandates.Count > 1
            ? mandates.Select(m => new Mandate(KindFor(m.Kind, m.Actors), Collections.EquatableArray.Create(m.Actors.ToArray()))).ToList()
            : new List<Mandate>();
        return new HeadingMatch(Part.Operative, KindFor(op, mandates[0].Actors), all, mandateList, complete, end);
    }

    /// <summary>
    /// Reads as much of a heading as the table knows at the start of <paramref name="text"/>: the opening and the
    /// known actors after it, stopping at the first word it does not know. Used where a copy glued a heading to the
    /// clause after it (<c>责成秘书长1与…</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    public HeadingMatch? MatchHeadingPrefix(string text)
    {
        var folded = Normalize(text);
        var (pre, preLength) = Longest(_preamble, folded, 0);
        var (op, opLength) = Longest(_operative, folded, 0);
        if (pre is not null && preLength >= opLength)
        {
            return new HeadingMatch(Part.Preamble, pre, Array.Empty<Actor>(), Array.Empty<Mandate>(), true, preLength);
        }

        if (op is null)
        {
            return null;
        }

        var actors = new List<Actor>();
        var pos = opLength;
        var end = pos;
        while (pos < folded.Length)
        {
            var start = SkipSpaces(folded, pos);
            var (key, actorLength) = Longest(_actors, folded, start);
            if (key is not null)
            {
                var actor = Actor.FromKey(key) ?? new Actor(key, text.Substring(start, actorLength), ActorStanding.Unknown);
                if (!actors.Contains(actor))
                {
                    actors.Add(actor);
                }

                pos = end = start + actorLength;
                continue;
            }

            var sep = SeparatorAt(folded, start);
            if (sep > 0 && Longest(_actors, folded, SkipSpaces(folded, start + sep)).Kind is not null)
            {
                pos = start + sep;
                continue;
            }

            break;
        }

        return new HeadingMatch(Part.Operative, KindFor(op, actors), actors, Array.Empty<Mandate>(), true, end);
    }

    /// <summary>Whether a group opening (preambular or operative) starts at <paramref name="pos"/> of a folded text.</summary>
    /// <param name="fold">The text, folded.</param>
    /// <param name="pos">The position.</param>
    public bool StartsHeadingAt(string fold, int pos) =>
        Longest(_preamble, fold, pos).Kind is not null || Longest(_operative, fold, pos).Kind is not null;

    /// <summary>Splits an actor phrase ("the Secretary-General and the Directors of the three Bureaux") into actors.</summary>
    /// <param name="text">The actor phrase.</param>
    /// <param name="complete">False when some of the text named no known actor.</param>
    public IReadOnlyList<Actor> ParseActors(string text, out bool complete)
    {
        var verb = _operativeList.Count > 0 ? _operativeList[0].Phrase : string.Empty;
        var match = MatchHeading(verb + (Spaced ? " " : string.Empty) + text);
        complete = match?.Complete ?? text.Trim().Length == 0;
        return match?.Actors ?? Array.Empty<Actor>();
    }

    /// <summary>The body a conference formula names, or null.</summary>
    /// <param name="text">The formula or a reference tail ("of the World Telecommunication Standardization Assembly").</param>
    public Body? MatchBody(string text)
    {
        var folded = Normalize(text);
        string? code = null;
        var bestIndex = int.MaxValue;
        foreach (var (phrase, c) in _bodies)
        {
            var i = IndexOf(folded, phrase);
            if (i >= 0 && (i < bestIndex || (i == bestIndex && code == "Council")))
            {
                bestIndex = i;
                code = c;
            }
        }

        return code is null ? null : Body.FromCode(code);
    }

    /// <summary>Where a body name starts in <paramref name="text"/>, or -1.</summary>
    /// <param name="text">The text.</param>
    public int IndexOfBody(string text)
    {
        var folded = Normalize(text);
        var best = -1;
        foreach (var (phrase, _) in _bodies)
        {
            var i = IndexOf(folded, phrase);
            if (i >= 0 && (best < 0 || i < best))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The canonical phrase of a kind (the first listed), e.g. "considering" for <c>considering</c>.</summary>
    /// <param name="kind">A normalized kind.</param>
    public string? PhraseOf(string kind) =>
        _preambleList.Concat(_operativeList).Where(p => p.Kind == kind).Select(p => p.Phrase).FirstOrDefault();

    /// <summary>The canonical name of an actor in this language, or null when the table has none.</summary>
    /// <param name="key">The actor key.</param>
    public string? NameOf(string key) => _actorList.Where(a => a.Key == key).Select(a => a.Phrase).FirstOrDefault();

    /// <summary>Counts how many of the given lines open a group in this language (used to detect the language).</summary>
    /// <param name="lines">Candidate heading lines.</param>
    public int Score(IEnumerable<string> lines) =>
        lines.Count(l => MatchHeading(l) is { } m && (m.Length >= Normalize(l).TrimEnd(',', ':', ' ').Length || (m.Part == Part.Operative && m.Complete && m.Length > 0 && m.Actors.Count > 0)));

    /// <summary>Where <paramref name="phrase"/> occurs in <paramref name="text"/> (matched as the table matches), or -1.</summary>
    /// <param name="text">The text.</param>
    /// <param name="phrase">The phrase.</param>
    public int IndexOf(string text, string phrase)
    {
        var folded = Normalize(text);
        var p = Normalize(phrase);
        if (p.Length == 0)
        {
            return -1;
        }

        var first = Key(p[0]);
        for (var i = 0; i < folded.Length; i++)
        {
            if (Key(folded[i]) == first && (!Spaced || i == 0 || !char.IsLetterOrDigit(folded[i - 1])) && MatchAt(folded, i, p) > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// How many characters of <paramref name="text"/> from <paramref name="pos"/> match <paramref name="phrase"/>
    /// (case-insensitive, Arabic short vowels and tatweel ignored, alef forms alike, and in unspaced languages spaces
    /// between characters ignored), or -1. In spaced languages the match must end at a word boundary.
    /// </summary>
    /// <param name="text">The text (normalized with <see cref="Normalize"/>).</param>
    /// <param name="pos">Where to start.</param>
    /// <param name="phrase">The phrase (normalized).</param>
    public int MatchAt(string text, int pos, string phrase)
    {
        var i = pos;
        var j = 0;
        while (j < phrase.Length)
        {
            if (i >= text.Length)
            {
                return -1;
            }

            var t = text[i];
            var p = phrase[j];
            if (p == ' ')
            {
                if (t != ' ' && t != '\t')
                {
                    if (!Spaced)
                    {
                        j++;
                        continue;
                    }

                    return -1;
                }

                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                j++;
                continue;
            }

            if (Same(t, p))
            {
                i++;
                j++;
                continue;
            }

            if (i > pos && (IsArabicMark(t) || (!Spaced && t == ' ')))
            {
                i++;
                continue;
            }

            return -1;
        }

        while (i < text.Length && IsArabicMark(text[i]))
        {
            i++;
        }

        if (Spaced && i < text.Length && char.IsLetterOrDigit(text[i]) && phrase.Length > 0 && char.IsLetterOrDigit(phrase[phrase.Length - 1]))
        {
            return -1;
        }

        return i - pos;
    }

    /// <summary>The form phrases are matched in: folded (digits, full-width forms, punctuation) and without Arabic short vowels.</summary>
    /// <param name="text">The text.</param>
    public static string Normalize(string text) => Reading.Text.Normalizer.Fold(text);

    private (string? Kind, int Length) Longest<T>(Dictionary<char, List<(string Phrase, T Kind)>> index, string text, int pos)
        where T : class
    {
        if (pos >= text.Length || !index.TryGetValue(Key(text[pos]), out var candidates))
        {
            return (null, 0);
        }

        T? best = null;
        var bestLength = 0;
        var bestPhrase = 0;
        foreach (var (phrase, kind) in candidates)
        {
            if (phrase.Length < bestPhrase)
            {
                break;
            }

            var n = MatchAt(text, pos, phrase);
            if (n > 0 && (phrase.Length > bestPhrase || n > bestLength))
            {
                best = kind;
                bestLength = n;
                bestPhrase = phrase.Length;
            }
        }

        return (best as string, bestLength);
    }

    private int GenitiveAt(string text, int pos)
    {
        foreach (var g in _genitives)
        {
            var n = MatchAt(text, pos, g);
            if (n > 0)
            {
                return n;
            }
        }

        return 0;
    }

    private int NextSeparator(string text, int from)
    {
        var stop = text.Length;
        foreach (var s in _separators)
        {
            var i = text.IndexOf(s, from, StringComparison.Ordinal);
            if (i >= from && i < stop && (!Spaced || s[0] == ' ' || s[0] == ','))
            {
                stop = i;
            }
        }

        return stop;
    }

    private bool QualifierAt(string text, int pos)
    {
        foreach (var q in _qualifiers)
        {
            if (MatchAt(text, pos, q) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int AbbreviationAt(string text, int pos)
    {
        if (pos >= text.Length || text[pos] != '(')
        {
            return 0;
        }

        var close = text.IndexOf(')', pos);
        if (close < 0 || close - pos > 16)
        {
            return 0;
        }

        for (var i = pos + 1; i < close; i++)
        {
            if (text[i] == ' ')
            {
                return 0;
            }
        }

        return close - pos + 1;
    }

    private int SeparatorAt(string text, int pos)
    {
        foreach (var sep in _separators)
        {
            var trimmed = sep.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (string.CompareOrdinal(text, pos, trimmed, 0, trimmed.Length) == 0)
            {
                var after = pos + trimmed.Length;

                // A spaced separator word ("and") must stand alone; a glued one ("و", "和") may touch the next word.
                if (Spaced && char.IsLetter(trimmed[trimmed.Length - 1]) && after < text.Length && char.IsLetter(text[after]) && sep.EndsWith(" ", StringComparison.Ordinal))
                {
                    continue;
                }

                return trimmed.Length;
            }
        }

        return 0;
    }

    private static int SkipSpaces(string text, int pos)
    {
        while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t'))
        {
            pos++;
        }

        return pos;
    }

    private static bool Same(char a, char b)
    {
        if (a == b)
        {
            return true;
        }

        if (a < 0x80 && b < 0x80)
        {
            // ASCII: the same letter in the other case.
            return (a ^ b) == 0x20 && ((a | 0x20) >= 'a' && (a | 0x20) <= 'z');
        }

        return Key(a) == Key(b);
    }

    private static readonly char[] Unaccent = BuildUnaccent();

    private static char[] BuildUnaccent()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (c < 0xC0)
            {
                table[c] = ch;
                continue;
            }

            var d = ch.ToString().Normalize(NormalizationForm.FormD);
            table[c] = d.Length > 0 ? d[0] : ch;
        }

        return table;
    }

    private static char Unaccented(char c) => c < Unaccent.Length ? Unaccent[c] : c == 'ё' ? 'е' : c == 'Ё' ? 'Е' : c;

    private static char FoldAlef(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // أ إ آ ٱ → ا
        '\u0649' => '\u064A', // ى → ي
        _ => c,
    };

    /// <summary>Arabic short vowels, shadda, sukun and tatweel: written or not, the word is the same.</summary>
    private static bool IsArabicMark(char c) => (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';

    private static char Key(char c) => c < 0x80 ? (c >= 'a' && c <= 'z' ? (char)(c - 0x20) : c) : char.ToUpperInvariant(Unaccented(FoldAlef(c)));

    private static Dictionary<char, List<(string Phrase, T Kind)>> ByFirst<T>(List<(string Phrase, T Kind)> pairs)
    {
        var index = new Dictionary<char, List<(string Phrase, T Kind)>>();
        foreach (var (phrase, kind) in pairs.OrderByDescending(p => p.Phrase.Length))
        {
            var k = Key(phrase[0]);
            if (!index.TryGetValue(k, out var list))
            {
                index[k] = list = new List<(string Phrase, T Kind)>();
            }

            list.Add((phrase, kind));
        }

        return index;
    }

    private static List<(string Phrase, string Kind)> Pairs(JToken? token)
    {
        var list = new List<(string Phrase, string Kind)>();
        if (token is JObject obj)
        {
            foreach (var prop in obj.Properties())
            {
                foreach (var phrase in prop.Value.Values<string>())
                {
                    if (!string.IsNullOrEmpty(phrase))
                    {
                        list.Add((StripMarks(Normalize(phrase!)), prop.Name));
                    }
                }
            }
        }

        return list;
    }

    private static string StripMarks(string phrase)
    {
        if (!phrase.Any(IsArabicMark))
        {
            return phrase;
        }

        return new string(phrase.Where(c => !IsArabicMark(c)).ToArray());
    }

    private static List<string> Strings(JToken? token) =>
        token is JArray arr ? arr.Values<string>().Where(s => !string.IsNullOrEmpty(s)).Select(s => StripMarks(Normalize(s!))).ToList() : new List<string>();
}
