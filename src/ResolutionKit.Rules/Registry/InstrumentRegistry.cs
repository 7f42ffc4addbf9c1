using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Model;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Registry;

/// <summary>An instrument the registry knows: its latest revision, whether it was suppressed, and its title.</summary>
/// <param name="Id">Body, kind and number.</param>
/// <param name="Latest">The latest revision; null when unknown.</param>
/// <param name="Suppressed">Whether the instrument was suppressed (it no longer exists).</param>
/// <param name="Title">The title.</param>
public sealed record InstrumentEntry(InstrumentId Id, Revision? Latest, bool Suppressed, string? Title)
{
    /// <summary>What replaced a suppressed instrument, when known.</summary>
    public string? ReplacedBy { get; init; }

    /// <summary>The meeting that suppressed it (<c>PP-18</c>), when known.</summary>
    public string? SuppressedBy { get; init; }

    /// <summary>Where the facts come from (a document or page).</summary>
    public string? Source { get; init; }

    /// <summary>
    /// <c>source</c> when a source states the entry's facts; <c>inferred</c> when they were inferred (for example the
    /// latest revision assumed from the last meeting that revised the body's texts). Fixes built on an inferred
    /// entry are offered to a person, never applied by fix-all.
    /// </summary>
    public string Confidence { get; init; } = "source";

    /// <summary>Whether the entry's facts are inferred rather than stated by a source.</summary>
    public bool IsInferred => string.Equals(Confidence, "inferred", StringComparison.OrdinalIgnoreCase);

    /// <summary>How the latest revision is cited: <c>Rev. Bucharest, 2022</c>, or <c>ITU-R 2-9</c> for the Radiocommunication Assembly.</summary>
    public string? LatestText => Latest is null ? null
        : Latest.Edition is { } edition ? $"ITU-R {Id.Number}-{edition.ToString(CultureInfo.InvariantCulture)}" + (Latest.Year > 0 ? $" ({Latest.Year.ToString(CultureInfo.InvariantCulture)})" : string.Empty)
        : Latest.ToString();
}

/// <summary>A meeting with its dates, so that rules can tell which events lie in the past.</summary>
/// <param name="Conference">The body, place, year and short name.</param>
/// <param name="Start">The first day, when known.</param>
/// <param name="Aliases">Other names it is cited by ("WTDC-21" for Kigali, 2022).</param>
public sealed record MeetingEntry(Conference Conference, DateTime? Start, IReadOnlyList<string> Aliases);

/// <summary>
/// The registry of instruments and meetings that reference and currency rules check against. It ships as data
/// (<c>rules/registry/*.json</c>) and any rule folder can add to it.
/// </summary>
public sealed class InstrumentRegistry
{
    private readonly Dictionary<string, InstrumentEntry> _instruments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _highest = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<MeetingEntry> _meetings = new();

    /// <summary>The date the catalogue was last checked against its sources (the latest <c>asOf</c> of its files).</summary>
    public DateTime? AsOf { get; private set; }

    /// <summary>An empty registry.</summary>
    public static InstrumentRegistry Empty => new();

    /// <summary>The instruments.</summary>
    public IEnumerable<InstrumentEntry> Instruments => _instruments.Values.OrderBy(i => i.Id.Address, StringComparer.Ordinal);

    /// <summary>The meetings, in date order.</summary>
    public IReadOnlyList<MeetingEntry> Meetings => _meetings;

    /// <summary>Finds an instrument.</summary>
    /// <param name="id">The id.</param>
    public InstrumentEntry? Find(InstrumentId id) => Find(id.Address);

    /// <summary>Finds an instrument by its address (<see cref="InstrumentId.Address"/>).</summary>
    internal InstrumentEntry? Find(string address) => _instruments.TryGetValue(address, out var e) ? e : null;

    /// <summary>
    /// The highest number in use for a body's instruments of a kind (numbers above it do not exist), when the
    /// registry declares it.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="kind">The kind.</param>
    public int? HighestNumber(Body body, InstrumentKind kind) => _highest.TryGetValue(body.Code + "-" + kind, out var n) ? n : null;

    /// <summary>Finds a meeting by short name or alias (case-insensitive), e.g. <c>PP-22</c>, <c>WTDC-21</c>.</summary>
    /// <param name="name">The name.</param>
    public MeetingEntry? FindMeeting(string name) =>
        _meetings.FirstOrDefault(m => string.Equals(m.Conference.ShortName, name, StringComparison.OrdinalIgnoreCase) || m.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Finds a meeting by body, place and year.</summary>
    /// <param name="body">The body.</param>
    /// <param name="place">The place.</param>
    /// <param name="year">The year.</param>
    public MeetingEntry? FindMeeting(Body? body, string place, int year) =>
        _meetings.FirstOrDefault(m => m.Conference.Year == year && string.Equals(m.Conference.Place, place, StringComparison.OrdinalIgnoreCase) && (body is null || m.Conference.Body.Code == body.Code));

    /// <summary>Adds the entries of a registry file; errors name the file, line and column.</summary>
    /// <param name="source">The file.</param>
    /// <param name="errors">Where errors go.</param>
    internal void Load(JsonSource source, List<RuleLoadError> errors)
    {
        var token = source.Parse(out var error);
        if (token is null)
        {
            errors.Add(error!);
            return;
        }

        if (token is not JObject root)
        {
            errors.Add(new RuleLoadError(source.Path, source.Locate(token), "A registry file must be a JSON object with \"instruments\" and/or \"meetings\""));
            return;
        }

        foreach (var prop in root.Properties())
        {
            if (prop.Name is not ("$schema" or "description" or "instruments" or "meetings" or "highestNumbers" or "asOf" or "sources"))
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(prop), $"Unknown registry field \"{prop.Name}\" (expected asOf, sources, instruments, meetings, highestNumbers)"));
            }
        }

        // A value of the wrong JSON type is an error at the value, never an exception or a silently ignored entry.
        var bad = false;
        string? Text(JObject o, string name)
        {
            var t = o[name];
            if (t is null || t.Type == JTokenType.Null)
            {
                return null;
            }

            if (t.Type is not (JTokenType.String or JTokenType.Integer))
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(t), $"\"{name}\" must be a string"));
                bad = true;
                return null;
            }

            return t.ToString();
        }

        JArray List(string name)
        {
            var t = root[name];
            if (t is null || t is JArray)
            {
                return t as JArray ?? new JArray();
            }

            errors.Add(new RuleLoadError(source.Path, source.Locate(t), $"\"{name}\" must be an array"));
            return new JArray();
        }

        if (root["asOf"] is { } asOfToken)
        {
            if (asOfToken.Type == JTokenType.String && DateTime.TryParseExact((string)asOfToken!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            {
                AsOf = AsOf is { } known && known > asOf ? known : asOf;
            }
            else
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(asOfToken), "\"asOf\" must be a date (yyyy-MM-dd): when the catalogue was last checked"));
            }
        }

        if (root["highestNumbers"] is { } highestToken && highestToken is not JObject)
        {
            errors.Add(new RuleLoadError(source.Path, source.Locate(highestToken), "\"highestNumbers\" must be an object such as { \"PP-Resolution\": 220 }"));
        }

        if (root["highestNumbers"] is JObject highest)
        {
            foreach (var p in highest.Properties())
            {
                if (p.Value.Type != JTokenType.Integer)
                {
                    errors.Add(new RuleLoadError(source.Path, source.Locate(p.Value), "A highest number must be a whole number"));
                    continue;
                }

                _highest[p.Name] = (int)p.Value;
            }
        }

        foreach (var item in List("instruments"))
        {
            if (item is not JObject o)
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(item), "An instrument must be an object"));
                continue;
            }

            bad = false;
            var body = Text(o, "body");
            var number = Text(o, "number");
            var kindText = Text(o, "kind") ?? "Resolution";
            var title = Text(o, "title");
            var replacedBy = Text(o, "replacedBy");
            var suppressedBy = Text(o, "suppressedBy");
            var entrySource = Text(o, "source");
            var confidence = Text(o, "confidence") ?? "source";
            if (confidence is not ("source" or "inferred"))
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(o["confidence"]), "\"confidence\" must be \"source\" or \"inferred\""));
                continue;
            }

            int? edition = null;
            if (o["edition"] is { } editionToken)
            {
                if (editionToken.Type != JTokenType.Integer)
                {
                    errors.Add(new RuleLoadError(source.Path, source.Locate(editionToken), "\"edition\" must be a whole number (the n in ITU-R 2-n)"));
                    continue;
                }

                edition = (int)editionToken;
            }
            if (bad)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(body) || string.IsNullOrWhiteSpace(number))
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(o), "An instrument needs \"body\" and \"number\""));
                continue;
            }

            if (!Enum.TryParse<InstrumentKind>(kindText, true, out var kind))
            {
                errors.Add(new RuleLoadError(source.Path, source.Locate(o["kind"]), $"Unknown instrument kind \"{kindText}\""));
                continue;
            }

            Revision? latest = null;
            if (o["latest"] is JValue { Type: JTokenType.String } lv)
            {
                latest = Revision.TryParse((string)lv!);
                if (latest is null)
                {
                    errors.Add(new RuleLoadError(source.Path, source.Locate(lv), $"\"{(string)lv!}\" is not a revision such as \"Rev. Bucharest, 2022\""));
                    continue;
                }
            }

            if (edition is { } e)
            {
                var year = o["year"]?.Type == JTokenType.Integer ? (int)o["year"]! : 0;
                latest = (latest ?? new Revision(string.Empty, year, e > 0)) with { Edition = e };
            }

            var id = new InstrumentId(Body.FromCode(body!), kind, number!);
            _instruments[id.Address] = new InstrumentEntry(id, latest, o["suppressed"]?.Type == JTokenType.Boolean && (bool)o["suppressed"]!, title)
            {
                ReplacedBy = replacedBy,
                SuppressedBy = suppressedBy,
                Source = entrySource,
                Confidence = confidence,
            };
        }

        foreach (var item in List("meetings"))
        {
            bad = false;
            if (item is not JObject o || Text(o, "body") is not { } body || Text(o, "place") is not { } place || o["year"]?.Type != JTokenType.Integer)
            {
                if (!bad)
                {
                    errors.Add(new RuleLoadError(source.Path, source.Locate(item), "A meeting needs \"body\", \"place\" and \"year\""));
                }

                continue;
            }

            var year = (int)o["year"]!;
            var startValue = Text(o, "start");
            var shortNameValue = Text(o, "shortName");
            if (bad)
            {
                continue;
            }

            DateTime? start = null;
            if (startValue is { } startText)
            {
                if (DateTime.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    start = d;
                }
                else
                {
                    errors.Add(new RuleLoadError(source.Path, source.Locate(o["start"]), $"\"{startText}\" is not a date (yyyy-MM-dd)"));
                }
            }

            var shortName = shortNameValue ?? body + "-" + (year % 100).ToString("00", CultureInfo.InvariantCulture);
            var aliases = (o["aliases"] as JArray)?.Values<string>().Where(a => a is not null).Select(a => a!).ToList() ?? new List<string>();
            _meetings.Add(new MeetingEntry(new Conference(Body.FromCode(body), place, year, shortName), start, aliases));
        }

        _meetings.Sort((a, b) => (a.Start ?? new DateTime(a.Conference.Year, 1, 1)).CompareTo(b.Start ?? new DateTime(b.Conference.Year, 1, 1)));
    }
}
