using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;

namespace ResolutionKit.Writing;

/// <summary>
/// The JSON form of a resolution (schema version <see cref="SchemaVersion"/>): every field of the model, including
/// source spans, so that model → JSON → model gives back an equal model.
/// </summary>
public static class ResolutionJson
{
    /// <summary>The schema version written, and the only one read.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes a resolution as indented JSON with LF line endings.</summary>
    /// <param name="resolution">The resolution.</param>
    public static string Write(Resolution resolution) => ToJson(resolution).ToString(Formatting.Indented).Replace("\r\n", "\n");

    /// <summary>The JSON object of a resolution.</summary>
    /// <param name="r">The resolution.</param>
    public static JObject ToJson(Resolution r)
    {
        var o = new JObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["id"] = new JObject
            {
                ["body"] = r.Id.Body.Code,
                ["bodyName"] = r.Id.Body.Name,
                ["kind"] = r.Id.Kind.ToString(),
                ["number"] = r.Id.Number,
            },
            ["address"] = r.Address,
            ["revision"] = r.Revision is null ? JValue.CreateNull() : Rev(r.Revision),
            ["titleLine"] = r.TitleLine,
            ["title"] = r.Title,
            ["language"] = r.Language,
            ["history"] = new JArray(r.History.Select(Rev)),
            ["historyLine"] = r.HistoryLine,
            ["conferenceFormula"] = r.ConferenceFormula,
            ["preamble"] = new JArray(r.Preamble.Select(Group)),
            ["operative"] = new JArray(r.Operative.Select(Group)),
            ["footnotes"] = new JArray(r.Footnotes.Select(f => WithSpan(new JObject { ["marker"] = f.Marker, ["text"] = f.Text }, f.Span))),
            ["annexes"] = new JArray(r.Annexes.Select(a => WithSpan(new JObject { ["heading"] = a.Heading, ["title"] = a.Title, ["paragraphs"] = new JArray(a.Paragraphs.Select(Para)) }, a.Span))),
            ["unplaced"] = new JArray(r.Unplaced.Select(Para)),
        };
        if (r.Span is not null)
        {
            o["span"] = Span(r.Span);
        }

        if (r.SourcePath is not null)
        {
            o["sourcePath"] = r.SourcePath;
        }

        return o;
    }

    /// <summary>Reads the JSON form. Invalid JSON, another schema version or a missing field is reported as RK0010 with its line and column.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="path">The path to name in locations.</param>
    public static ParseResult<Resolution> Read(string json, string? path = null) => Parse(json, path, false)[0];

    /// <summary>
    /// Reads one resolution object or an array of them (what <c>reskit convert --to json</c> writes for a text that
    /// holds several instruments). Never throws: a syntax or schema error is one result with an RK0010 error.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="path">The path to name in locations, when known.</param>
    public static IReadOnlyList<ParseResult<Resolution>> ReadAll(string json, string? path = null) => Parse(json, path, true);

    /// <summary>Writes several resolutions as one JSON array (indented, LF line ends).</summary>
    /// <param name="resolutions">The resolutions.</param>
    public static string WriteAll(IEnumerable<Resolution> resolutions) =>
        new JArray(resolutions.Select(ToJson)).ToString(Formatting.Indented).Replace("\r\n", "\n");

    private static IReadOnlyList<ParseResult<Resolution>> Parse(string json, string? path, bool allowArray)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });

            // One document: anything but comments after it is an error, not silently ignored.
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("Unexpected content after the end of the resolution object", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }

            if (allowArray && token is JArray array)
            {
                if (array.Count == 0)
                {
                    throw new SchemaException("The array holds no resolution", array);
                }

                return array.Select(item => ParseResult<Resolution>.Create(ReadObject(item as JObject ?? throw new SchemaException("Each item of the array must be an object describing one resolution", item)), Array.Empty<Diagnostic>())).ToList();
            }

            if (token is not JObject o)
            {
                throw new SchemaException(allowArray ? "The JSON must be an object describing one resolution, or an array of them" : "The JSON must be an object describing one resolution", token);
            }

            return new[] { ParseResult<Resolution>.Create(ReadObject(o), Array.Empty<Diagnostic>()) };
        }
        catch (JsonReaderException e)
        {
            return new[] { Error(path, e.Message, e.LineNumber, ReaderColumn(json, e.LineNumber, e.LinePosition)) };
        }
        catch (SchemaException e)
        {
            var info = (IJsonLineInfo)e.Token;
            var line = info.HasLineInfo() ? info.LineNumber : 1;
            var column = info.HasLineInfo() ? TokenStartColumn(json, e.Token, line, info.LinePosition) : 1;
            return new[] { Error(path, e.Message + " (at " + e.Token.Path + ")", line, column) };
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException or ArgumentException)
        {
            // A value Newtonsoft cannot convert: still a report, never an exception (the checks above should catch it first).
            return new[] { Error(path, e.Message, 1, 1) };
        }
    }

    private static Resolution ReadObject(JObject o)
    {
        {
            var version = o["schemaVersion"];
            if (version is not JValue { Type: JTokenType.Integer, Value: long v } || v != SchemaVersion)
            {
                throw new SchemaException($"\"schemaVersion\" must be {SchemaVersion}", version ?? o);
            }

            var id = Obj(o, "id");
            var kindText = Str(id, "kind");
            if (!TryParseEnum<InstrumentKind>(kindText, false, out var kind))
            {
                throw new SchemaException($"Unknown instrument kind \"{kindText}\" (Resolution, Decision, Recommendation or Opinion)", id["kind"]!);
            }

            var code = Str(id, "body");
            var body = Body.FromCode(code);
            if (id["bodyName"] is JValue { Type: JTokenType.String } bn && (string)bn! != body.Name)
            {
                body = new Body(code, (string)bn!);
            }

            var r = new Resolution(new InstrumentId(body, kind, Str(id, "number")), o["revision"] is JObject rev ? ReadRev(rev) : null, Str(o, "title"), Str(o, "language"))
            {
                TitleLine = OptStr(o, "titleLine"),
                History = Arr(o, "history").Select(t => ReadRev(AsObj(t))).ToEquatableArray(),
                HistoryLine = OptStr(o, "historyLine"),
                ConferenceFormula = OptStr(o, "conferenceFormula"),
                Preamble = Arr(o, "preamble").Select(t => ReadGroup(AsObj(t))).ToEquatableArray(),
                Operative = Arr(o, "operative").Select(t => ReadGroup(AsObj(t))).ToEquatableArray(),
                Footnotes = Arr(o, "footnotes").Select(t => new Footnote(Str(AsObj(t), "marker"), Str(AsObj(t), "text")) { Span = ReadSpan(t["span"]) }).ToEquatableArray(),
                Annexes = Arr(o, "annexes").Select(t => new Annex(Str(AsObj(t), "heading"), OptStr(AsObj(t), "title"), Arr(AsObj(t), "paragraphs").Select(ReadPara).ToEquatableArray()) { Span = ReadSpan(t["span"]) }).ToEquatableArray(),
                Unplaced = Arr(o, "unplaced").Select(ReadPara).ToEquatableArray(),
                Span = ReadSpan(o["span"]),
                SourcePath = OptStr(o, "sourcePath"),
            };
            return r;
        }
    }

    /// <summary>
    /// The 1-based column of the character a reader error is about. Newtonsoft reports how many characters of the
    /// line it had consumed, so an unexpected character is the next one.
    /// </summary>
    private static int ReaderColumn(string json, int line, int position)
    {
        var text = LineText(json, line);
        return text is not null && position >= 0 && position < text.Length && !char.IsWhiteSpace(text[position]) ? position + 1 : position;
    }

    /// <summary>
    /// The 1-based column where a token starts. Newtonsoft places a value's line info on its last character; a
    /// diagnostic points at the first (an object or array already points at its opening bracket).
    /// </summary>
    private static int TokenStartColumn(string json, JToken token, int line, int position)
    {
        var text = LineText(json, line);
        if (token is not JValue || text is null || position < 1 || position > text.Length)
        {
            return position;
        }

        var i = position - 1;
        if (text[i] == '"' || text[i] == '\'')
        {
            var quote = text[i];
            for (i--; i >= 0; i--)
            {
                var backslashes = 0;
                while (i - backslashes - 1 >= 0 && text[i - backslashes - 1] == '\\')
                {
                    backslashes++;
                }

                if (text[i] == quote && backslashes % 2 == 0)
                {
                    return i + 1;
                }
            }

            return position;
        }

        while (i > 0 && !(char.IsWhiteSpace(text[i - 1]) || text[i - 1] == ',' || text[i - 1] == ':' || text[i - 1] == '[' || text[i - 1] == '{'))
        {
            i--;
        }

        return i + 1;
    }

    private static string? LineText(string json, int line)
    {
        var lines = json.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }

    /// <summary>Parses an enum member by name only: "7" or "Preamble, Operative" are not members.</summary>
    private static bool TryParseEnum<T>(string text, bool ignoreCase, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase, out value) && Enum.IsDefined(typeof(T), value) && !char.IsDigit(text.TrimStart('-', '+', ' ').FirstOrDefault());

    /// <summary>A whole number that fits an int; anything else is a schema error at the token.</summary>
    private static int Int(JToken? t, string what, JToken context) =>
        t is JValue { Type: JTokenType.Integer, Value: long n } && n >= int.MinValue && n <= int.MaxValue
            ? (int)n
            : throw new SchemaException(what, t ?? context);

    private static ParseResult<Resolution> Error(string? path, string message, int line, int column) =>
        ParseResult<Resolution>.Create(null, new[] { Diagnostic.Create(ReadingDiagnostics.InvalidJson, new Location(path, string.Empty, new SourceSpan(Math.Max(1, line), Math.Max(1, column), 0, 0)), message) });

    private static JObject Rev(Revision r)
    {
        var o = new JObject { ["place"] = r.Place, ["year"] = r.Year, ["isRevision"] = r.IsRevision };
        if (r.Edition is { } edition)
        {
            o["edition"] = edition;
        }

        if (r.Meeting is not null)
        {
            o["meeting"] = r.Meeting;
        }

        return o;
    }

    private static Revision ReadRev(JObject o)
    {
        var year = Int(o["year"], "\"year\" must be a whole number", o);
        return new Revision(Str(o, "place"), year, o["isRevision"] is JValue { Type: JTokenType.Boolean } b && (bool)b)
        {
            Edition = o["edition"] is { Type: not JTokenType.Null } e ? Int(e, "\"edition\" must be a whole number", o) : null,
            Meeting = OptStr(o, "meeting"),
        };
    }

    private static JArray Actors(IEnumerable<Actor> actors) => new(actors.Select(a => new JObject { ["key"] = a.Key, ["name"] = a.Name, ["standing"] = a.Standing.ToString() }));

    private static Actor ReadActor(JToken t)
    {
        var a = AsObj(t);
        var standingText = OptStr(a, "standing") ?? nameof(ActorStanding.Unknown);
        var standing = TryParseEnum<ActorStanding>(standingText, false, out var s) ? s : ActorStanding.Unknown;
        var actor = new Actor(Str(a, "key"), Str(a, "name"), standing);
        return Actor.FromKey(actor.Key) is { } known && known == actor ? known : actor;
    }

    private static JObject Group(Group g)
    {
        var o = new JObject
        {
            ["part"] = g.Part.ToString().ToLowerInvariant(),
            ["heading"] = g.Heading,
            ["kind"] = g.Kind,
            ["actors"] = Actors(g.Actors),
        };
        if (!g.Mandates.IsEmpty)
        {
            o["mandates"] = new JArray(g.Mandates.Select(m => new JObject { ["kind"] = m.Kind, ["actors"] = Actors(m.Actors) }));
        }

        o["clauses"] = new JArray(g.Clauses.Select(Clause));
        return WithSpan(o, g.Span);
    }

    private static Group ReadGroup(JObject o)
    {
        var partText = Str(o, "part");
        if (!TryParseEnum<Part>(partText, true, out var part))
        {
            throw new SchemaException($"\"part\" must be \"preamble\" or \"operative\", not \"{partText}\"", o["part"]!);
        }

        var actors = Arr(o, "actors").Select(ReadActor);
        var mandates = o["mandates"] is JArray m
            ? m.Select(t => new Mandate(Str(AsObj(t), "kind"), Arr(AsObj(t), "actors").Select(ReadActor).ToEquatableArray())).ToEquatableArray()
            : EquatableArray<Mandate>.Empty;
        return new Group(part, Str(o, "heading"), Str(o, "kind"), actors.ToEquatableArray(), Arr(o, "clauses").Select(t => ReadClause(AsObj(t))).ToEquatableArray())
        {
            Span = ReadSpan(o["span"]),
            Mandates = mandates,
        };
    }

    private static JObject Clause(Clause c)
    {
        var o = WithSpan(new JObject { ["label"] = c.Label, ["text"] = c.Text }, c.Span);
        if (!c.SubClauses.IsEmpty)
        {
            o["subClauses"] = new JArray(c.SubClauses.Select(Clause));
        }

        if (c.TextMap is not null)
        {
            o["map"] = new JArray(c.TextMap.Segments.Select(s => new JArray(s.TextOffset, s.Length, s.Line, s.Column, s.SourceOffset)));
        }

        return o;
    }

    private static Clause ReadClause(JObject o)
    {
        SourceMap? map = null;
        if (o["map"] is JArray segments)
        {
            map = new SourceMap(segments.Select(s =>
            {
                const string message = "A map segment must be five whole numbers";
                if (s is not JArray a || a.Count != 5)
                {
                    throw new SchemaException(message, s);
                }

                return new SourceSegment(Int(a[0], message, s), Int(a[1], message, s), Int(a[2], message, s), Int(a[3], message, s), Int(a[4], message, s));
            }).ToEquatableArray());
        }

        var subs = o["subClauses"] is JArray arr ? arr.Select(t => ReadClause(AsObj(t))).ToEquatableArray() : EquatableArray<Clause>.Empty;
        return new Clause(Str(o, "label"), Str(o, "text"), subs) { Span = ReadSpan(o["span"]), TextMap = map };
    }

    private static JObject Para(Paragraph p) => WithSpan(new JObject { ["text"] = p.Text }, p.Span);

    private static Paragraph ReadPara(JToken t) => new(Str(AsObj(t), "text")) { Span = ReadSpan(t["span"]) };

    private static JObject WithSpan(JObject o, SourceSpan? span)
    {
        if (span is not null)
        {
            o["span"] = Span(span);
        }

        return o;
    }

    private static JArray Span(SourceSpan s) => new(s.Line, s.Column, s.Offset, s.Length);

    private static SourceSpan? ReadSpan(JToken? t)
    {
        if (t is null || t.Type == JTokenType.Null)
        {
            return null;
        }

        const string message = "\"span\" must be [line, column, offset, length]";
        if (t is not JArray a || a.Count != 4)
        {
            throw new SchemaException(message, t);
        }

        return new SourceSpan(Int(a[0], message, t), Int(a[1], message, t), Int(a[2], message, t), Int(a[3], message, t));
    }

    private static JObject AsObj(JToken t) => t as JObject ?? throw new SchemaException("Expected an object", t);

    private static JObject Obj(JObject o, string name) => o[name] as JObject ?? throw new SchemaException($"\"{name}\" must be an object", o[name] ?? o);

    private static IEnumerable<JToken> Arr(JObject o, string name)
    {
        var t = o[name];
        if (t is null || t.Type == JTokenType.Null)
        {
            return Array.Empty<JToken>();
        }

        return t as JArray ?? throw new SchemaException($"\"{name}\" must be an array", t);
    }

    private static string Str(JObject o, string name)
    {
        var t = o[name];
        if (t is JValue { Type: JTokenType.String } v)
        {
            return (string)v!;
        }

        throw new SchemaException($"\"{name}\" must be a string", t ?? o);
    }

    private static string? OptStr(JObject o, string name)
    {
        var t = o[name];
        if (t is null || t.Type == JTokenType.Null)
        {
            return null;
        }

        return t is JValue { Type: JTokenType.String } v ? (string)v! : throw new SchemaException($"\"{name}\" must be a string or null", t);
    }

    private sealed class SchemaException : Exception
    {
        public SchemaException(string message, JToken token)
            : base(message)
        {
            Token = token;
        }

        public JToken Token { get; }
    }
}
