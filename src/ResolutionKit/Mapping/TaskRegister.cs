using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Analysis;
using ResolutionKit.Model;
using ResolutionKit.Phrases;

namespace ResolutionKit.Mapping;

/// <summary>A deadline or meeting an instruction is tied to.</summary>
/// <param name="Text">As written.</param>
/// <param name="Year">Its year.</param>
/// <param name="Past">Whether it is before the register's date.</param>
public sealed record TaskDeadline(string Text, int Year, bool Past);

/// <summary>One operative instruction addressed to one actor.</summary>
/// <param name="Actor">The actor's key (<c>SecretaryGeneral</c>, <c>DirectorTSB</c>, <c>MemberStates</c>, ...).</param>
/// <param name="ActorName">The actor's name in English.</param>
/// <param name="Verb">How the actor is addressed (<c>instructs</c>, <c>requests</c>, <c>invites</c>, <c>encourages</c>, ...).</param>
/// <param name="Instrument">The instrument's address.</param>
/// <param name="InstrumentName">The instrument's name (<c>PP Resolution 191</c>).</param>
/// <param name="Language">The language of the text.</param>
/// <param name="Clause">The clause's address.</param>
/// <param name="Label">The clause's label as written.</param>
/// <param name="Text">The clause text.</param>
/// <param name="Kinds">The kinds of work asked for (<c>report</c>, <c>study</c>, <c>organize</c>, <c>assist</c>, ...), in text order; empty when none is recognized.</param>
/// <param name="Cadence">How often: <c>annually</c>, <c>each-council-session</c>, <c>each-conference</c>, <c>by-next-conference</c>, <c>regularly</c>, <c>continuing</c>, <c>by-deadline</c> or <c>once</c>.</param>
/// <param name="Deadlines">The deadlines and meetings it is tied to.</param>
public sealed record TaskEntry(string Actor, string ActorName, string Verb, string Instrument, string InstrumentName, string Language, string Clause, string Label, string Text, IReadOnlyList<string> Kinds, string Cadence, IReadOnlyList<TaskDeadline> Deadlines)
{
    /// <summary>Whether every deadline it is tied to has passed (false when it has none).</summary>
    public bool Past => Deadlines.Count > 0 && Deadlines.All(d => d.Past);

    /// <summary>The same task given to the same actor by other instruments (clause addresses, most similar first).</summary>
    public IReadOnlyList<string> SameTaskElsewhere { get; init; } = Array.Empty<string>();
}

/// <summary>
/// The register of instructions: every operative instruction of a corpus by the actor it addresses (Secretary-General,
/// each Director, the Council, the advisory groups, Member States invited, ...), with its kind of work, its cadence or
/// deadline (past ones marked against <see cref="AsOf"/>), and the same task given to the same actor elsewhere.
/// Works in the six languages (the kinds and cadences are data: <c>tasks</c> in each phrase table).
/// </summary>
public sealed class TaskRegister
{
    private static readonly ConcurrentDictionary<string, (string Name, Regex Pattern)[]> Kinds = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string Name, Regex Pattern)[]> Cadences = new(StringComparer.Ordinal);

    private TaskRegister(DateTime asOf, double threshold, IReadOnlyList<TaskEntry> tasks)
    {
        AsOf = asOf;
        Threshold = threshold;
        Tasks = tasks;
    }

    /// <summary>The date deadlines are compared with.</summary>
    public DateTime AsOf { get; }

    /// <summary>The least similarity of two instructions counted as the same task.</summary>
    public double Threshold { get; }

    /// <summary>The instructions, by actor (in the order of <see cref="Actor.WellKnown"/>), then instrument and clause.</summary>
    public IReadOnlyList<TaskEntry> Tasks { get; }

    /// <summary>The actors instructed, in register order, with their instructions.</summary>
    public IEnumerable<IGrouping<string, TaskEntry>> ByActor => Tasks.GroupBy(t => t.Actor);

    /// <summary>Builds the register of a corpus.</summary>
    /// <param name="resolutions">The resolutions.</param>
    /// <param name="asOf">The date past deadlines are judged by.</param>
    /// <param name="threshold">The least similarity of two instructions to one actor counted as the same task.</param>
    public static TaskRegister Build(IEnumerable<Resolution> resolutions, DateTime asOf, double threshold = 0.5)
    {
        var raw = new List<TaskEntry>();
        foreach (var r in Versions(resolutions))
        {
            foreach (var node in r.Clauses().Where(n => n.Group.Group.Part == Part.Operative))
            {
                var group = node.Group.Group;
                var mandates = group.Mandates.IsEmpty
                    ? new[] { new Mandate(group.Kind, group.Actors) }
                    : group.Mandates.ToArray();
                foreach (var mandate in mandates)
                {
                    foreach (var actor in mandate.Actors)
                    {
                        raw.Add(Entry(r, node, actor, Verb(mandate.Kind), asOf));
                    }
                }
            }
        }

        // The same task to the same actor in other instruments, through the overlap index.
        var index = new OverlapIndex(threshold);
        index.AddRange(raw.Select(t => TextSimilarity.IsComparable(t.Text) ? TextSimilarity.ShingleArray(t.Text) : Array.Empty<long>()).ToList());
        var same = new Dictionary<int, List<(int Other, double Similarity)>>();
        foreach (var p in index.AllPairs((x, y) => raw[x].Actor == raw[y].Actor && raw[x].Instrument != raw[y].Instrument))
        {
            foreach (var (x, y) in new[] { (p.First, p.Second), (p.Second, p.First) })
            {
                if (!same.TryGetValue(x, out var list))
                {
                    same[x] = list = new();
                }

                list.Add((y, p.Similarity));
            }
        }

        var tasks = raw
            .Select((t, i) => same.TryGetValue(i, out var list)
                ? t with { SameTaskElsewhere = list.OrderByDescending(x => x.Similarity).ThenBy(x => raw[x.Other].Clause, StringComparer.Ordinal).Select(x => raw[x.Other].Clause).Distinct(StringComparer.Ordinal).ToList() }
                : t)
            .Select((t, i) => (t, i))
            .OrderBy(x => ActorRank(x.t.Actor)).ThenBy(x => x.t.Actor, StringComparer.Ordinal).ThenBy(x => x.i)
            .Select(x => x.t)
            .ToList();
        return new TaskRegister(asOf, threshold, tasks);
    }

    private static readonly string[] LanguageOrder = { "en", "fr", "es", "ru", "ar", "zh" };

    /// <summary>
    /// One text per instrument: its latest revision, in English where read in English (else in the first of the six
    /// languages read), the first file where several copies were read. Language versions and copies of one
    /// instrument give one set of instructions, not one per copy.
    /// </summary>
    internal static IEnumerable<Resolution> Versions(IEnumerable<Resolution> resolutions) =>
        resolutions
            .Select((r, i) => (r, i))
            .GroupBy(x => x.r.Address, StringComparer.Ordinal)
            .Select(g => g
                .OrderByDescending(x => x.r.Revision?.Year ?? 0)
                .ThenBy(x => Array.IndexOf(LanguageOrder, x.r.Language) is var l && l >= 0 ? l : LanguageOrder.Length)
                .ThenBy(x => x.i)
                .First().r)
            .OrderBy(r => r.Id, InstrumentOrder.Instance);

    private static int ActorRank(string key)
    {
        for (var i = 0; i < Actor.WellKnown.Count; i++)
        {
            if (Actor.WellKnown[i].Key == key)
            {
                return i;
            }
        }

        return Actor.WellKnown.Count;
    }

    /// <summary>The verb of a heading kind: <c>resolves-to-instruct</c> instructs.</summary>
    private static string Verb(string kind) => kind.StartsWith("resolves-to-", StringComparison.Ordinal) ? kind.Substring("resolves-to-".Length) + "s" : kind;

    private static TaskEntry Entry(Resolution r, ClauseNode node, Actor actor, string verb, DateTime asOf)
    {
        var text = node.Clause.Text;
        var language = r.Language;
        var kinds = Matches(Kinds.GetOrAdd(language, l => Compile(l, t => t.TaskKindPatterns)), text).Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
        // The most regular cadence said wins ("to continue to report annually" is annual): the first listed that matches.
        var cadence = Cadences.GetOrAdd(language, l => Compile(l, t => t.CadencePatterns)).FirstOrDefault(p => Matches(new[] { p }, text).Any()).Name;
        var deadlines = TimeExpressions.Find(text, language, node.Clause.References)
            .Where(t => t.Kind is TimeExpressionKind.Deadline or TimeExpressionKind.Meeting or TimeExpressionKind.CouncilSession or TimeExpressionKind.Year)
            .Select(t => new TaskDeadline(t.Text, t.Year, t.Year < asOf.Year))
            .ToList();
        cadence ??= deadlines.Count > 0 ? "by-deadline" : "once";
        return new TaskEntry(actor.Key, actor.Name, verb, r.Address, r.Id.DisplayName, language, node.Address, node.Clause.Label, text, kinds, cadence, deadlines);
    }

    /// <summary>The patterns that match, in text order (the first listed where two start at one place).</summary>
    private static IEnumerable<(string Name, int At)> Matches((string Name, Regex Pattern)[] patterns, string text)
    {
        var found = new List<(string Name, int At, int Order)>();
        for (var i = 0; i < patterns.Length; i++)
        {
            try
            {
                var m = patterns[i].Pattern.Match(text);
                if (m.Success)
                {
                    found.Add((patterns[i].Name, m.Index, i));
                }
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }

        return found.OrderBy(f => f.At).ThenBy(f => f.Order).Select(f => (f.Name, f.At));
    }

    private static (string, Regex)[] Compile(string language, Func<PhraseTable, IReadOnlyList<(string Name, string Pattern)>> select)
    {
        var table = PhraseTable.ForLanguage(language) ?? PhraseTable.English;
        return select(table)
            .Select(p => (p.Name, new Regex(p.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))))
            .ToArray();
    }
}
