using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Model;

namespace ResolutionKit.Phrases;

/// <summary>
/// The phrases of one language: instrument words, group openings (preambular participles, operative verbs),
/// actors, bodies. Tables ship as JSON data (<c>Phrases/en.json</c>, <c>fr.json</c>, ...); a new language is a new
/// table, not new code.
/// </summary>
public sealed class PhraseTable
{
    private static readonly ConcurrentDictionary<string, PhraseTable?> BuiltinCache = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<(string Phrase, string Kind)> _preamble;
    private readonly List<(string Phrase, string Kind)> _operative;
    private readonly List<(string Phrase, string Key)> _actors;
    private readonly List<(string Phrase, string Code)> _bodies;
    private readonly List<(string Word, InstrumentKind Kind)> _instruments;
    private readonly string[] _separators;

    private PhraseTable(string language, JObject json)
    {
        Language = language;
        _preamble = Pairs(json["preamble"]);
        _operative = Pairs(json["operative"]);
        _actors = Pairs(json["actors"]);
        _bodies = Pairs(json["bodies"]);
        _instruments = Pairs(json["instruments"])
            .Select(p => (p.Phrase, (InstrumentKind)Enum.Parse(typeof(InstrumentKind), p.Kind)))
            .OrderByDescending(p => p.Phrase.Length)
            .ToList();
        AnnexWords = Strings(json["annex"]).AsReadOnly();
        ThisBodyPhrases = Strings(json["thisBody"]).AsReadOnly();
        _separators = Strings(json["separators"]).ToArray();
    }

    /// <summary>The language code.</summary>
    public string Language { get; }

    /// <summary>Words that open an annex heading ("ANNEX").</summary>
    public IReadOnlyList<string> AnnexWords { get; }

    /// <summary>Phrases that mean "of this conference".</summary>
    public IReadOnlyList<string> ThisBodyPhrases { get; }

    /// <summary>The languages with a built-in table.</summary>
    public static IReadOnlyList<string> BuiltinLanguages { get; } = Array.AsReadOnly(new[] { "en", "fr", "es", "zh" });

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
        foreach (var (w, kind) in _instruments)
        {
            if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase))
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
        foreach (var (phrase, kind) in _preamble)
        {
            if (string.Equals(phrase, line, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Matches the start of a line as an operative verb; returns the kind and the rest of the line (the actors),
    /// or null when no verb opens it.
    /// </summary>
    /// <param name="line">The line, trimmed, without trailing comma or colon.</param>
    public (string Kind, string Actors)? MatchOperative(string line)
    {
        (string Kind, string Actors)? best = null;
        var bestLength = -1;
        foreach (var (phrase, kind) in _operative)
        {
            if (phrase.Length > bestLength
                && line.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (line.Length == phrase.Length || !char.IsLetter(line[phrase.Length])))
            {
                best = (kind, line.Substring(phrase.Length).Trim());
                bestLength = phrase.Length;
            }
        }

        return best;
    }

    /// <summary>Splits an actor phrase ("the Secretary-General and the Directors of the three Bureaux") into actors.</summary>
    /// <param name="text">The actor phrase.</param>
    /// <param name="complete">False when some of the text named no known actor.</param>
    public IReadOnlyList<Actor> ParseActors(string text, out bool complete)
    {
        var actors = new List<Actor>();
        complete = true;
        var pos = 0;
        while (pos < text.Length)
        {
            var skipped = true;
            while (skipped && pos < text.Length)
            {
                skipped = false;
                foreach (var sep in _separators)
                {
                    if (string.CompareOrdinal(text, pos, sep, 0, sep.Length) == 0)
                    {
                        pos += sep.Length;
                        skipped = true;
                        break;
                    }
                }

                if (pos < text.Length && text[pos] == ' ')
                {
                    pos++;
                    skipped = true;
                }
            }

            if (pos >= text.Length)
            {
                break;
            }

            var matchLength = 0;
            string? key = null;
            foreach (var (phrase, k) in _actors)
            {
                if (phrase.Length > matchLength
                    && string.Compare(text, pos, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (pos + phrase.Length == text.Length || !char.IsLetter(text[pos + phrase.Length])))
                {
                    matchLength = phrase.Length;
                    key = k;
                }
            }

            if (key is not null)
            {
                var actor = Actor.FromKey(key) ?? new Actor(key, text.Substring(pos, matchLength), ActorStanding.Unknown);
                if (!actors.Contains(actor))
                {
                    actors.Add(actor);
                }

                pos += matchLength;
                continue;
            }

            // Unknown actor: take text up to the next separator.
            var end = text.Length;
            foreach (var sep in _separators)
            {
                var i = text.IndexOf(sep, pos, StringComparison.Ordinal);
                if (i > pos && i < end)
                {
                    end = i;
                }
            }

            var name = text.Substring(pos, end - pos).Trim();
            actors.Add(new Actor("Other", name, ActorStanding.Unknown));
            complete = false;
            pos = end;
        }

        return actors;
    }

    /// <summary>The body a conference formula names, or null.</summary>
    /// <param name="text">The formula or a reference tail ("of the World Telecommunication Standardization Assembly").</param>
    public Body? MatchBody(string text)
    {
        string? code = null;
        var bestIndex = int.MaxValue;
        foreach (var (phrase, c) in _bodies)
        {
            var i = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && (i < bestIndex || (i == bestIndex && code == "Council")))
            {
                bestIndex = i;
                code = c;
            }
        }

        return code is null ? null : Body.FromCode(code);
    }

    /// <summary>The canonical phrase of a kind (the first listed), e.g. "considering" for <c>considering</c>.</summary>
    /// <param name="kind">A normalized kind.</param>
    public string? PhraseOf(string kind) =>
        _preamble.Concat(_operative).Where(p => p.Kind == kind).Select(p => p.Phrase).FirstOrDefault();

    /// <summary>The canonical name of an actor in this language, or null when the table has none.</summary>
    /// <param name="key">The actor key.</param>
    public string? NameOf(string key) => _actors.Where(a => a.Key == key).Select(a => a.Phrase).FirstOrDefault();

    /// <summary>Counts how many of the given lines open a group in this language (used to detect the language).</summary>
    /// <param name="lines">Candidate heading lines.</param>
    public int Score(IEnumerable<string> lines) =>
        lines.Count(l => MatchPreamble(l) is not null || (MatchOperative(l) is { } m && m.Actors.Length < 120));

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
                        list.Add((phrase!, prop.Name));
                    }
                }
            }
        }

        return list;
    }

    private static List<string> Strings(JToken? token) =>
        token is JArray arr ? arr.Values<string>().Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList() : new List<string>();
}
