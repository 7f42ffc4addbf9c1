using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ResolutionKit.Collections;

namespace ResolutionKit.Writing;

/// <summary>Options for <see cref="ProposalWriter"/>.</summary>
public sealed record ProposalOptions
{
    /// <summary>The proposing administration or group, as in the proposal identifier (<c>XXX</c> in <c>XXX/1/1</c>).</summary>
    public string Source { get; init; } = "XXX";

    /// <summary>The document number (<c>1</c> in <c>XXX/1/1</c>; may carry an addendum, e.g. <c>64A1</c>).</summary>
    public string Document { get; init; } = "1";

    /// <summary>The sequence number of the first unit. Default 1.</summary>
    public int FirstSequence { get; init; } = 1;

    /// <summary>A heading for the whole document; null for none.</summary>
    public string? Heading { get; init; }

    /// <summary>
    /// The rationale of a rule, by rule id (the "rationale" of a rule file); null when there is none. Used for the
    /// "Reasons:" paragraphs of units changed by fixes.
    /// </summary>
    public Func<string, string?>? Rationale { get; init; }

    /// <summary>Options whose <see cref="Rationale"/> looks rule ids up in a dictionary.</summary>
    /// <param name="rationales">Rationale by rule id.</param>
    public ProposalOptions WithRationales(IReadOnlyDictionary<string, string> rationales) =>
        this with { Rationale = id => rationales.TryGetValue(id, out var r) ? r : null };

    /// <summary>The identifier of the unit with the given sequence number, e.g. <c>XXX/1/3</c>.</summary>
    /// <param name="sequence">The sequence number.</param>
    public string Identifier(int sequence) => Source + "/" + Document + "/" + sequence.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes a revision proposal in the form used for proposals to a conference: for each unit a header line
/// (<c>MOD</c>, <c>ADD</c>, <c>SUP</c> or <c>NOC</c>, a tab, the proposal identifier), the text — for MOD the
/// revised text with the changes marked word by word, for ADD the new text, for SUP and NOC the title only — and a
/// "Reasons:" paragraph: the reasons given with the unit (merge reasons) then the rationale of each rule whose fixes
/// made the changes.
/// </summary>
public static class ProposalWriter
{
    /// <summary>Writes the proposal as Markdown (changes as <c>~~deleted~~</c> and <c>**inserted**</c>).</summary>
    /// <param name="units">The units, in order.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static string ToMarkdown(IEnumerable<ProposalUnit> units, ProposalOptions? options = null) =>
        Write(units, options ?? new ProposalOptions(), markdown: true);

    /// <summary>Writes the proposal as plain text (changes as <c>[-deleted-]</c> and <c>{+inserted+}</c>).</summary>
    /// <param name="units">The units, in order.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static string ToPlainText(IEnumerable<ProposalUnit> units, ProposalOptions? options = null) =>
        Write(units, options ?? new ProposalOptions(), markdown: false);

    /// <summary>
    /// Writes the proposal as JSON, for CI to diff and tools to read: for each unit its mark, identifier, the instrument
    /// it concerns, its reasons, the lines it changes (old and new text, clause address) and the whole proposed text in
    /// the <see cref="ResolutionJson"/> form.
    /// </summary>
    /// <param name="units">The units, in order.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static string ToJson(IEnumerable<ProposalUnit> units, ProposalOptions? options = null)
    {
        options ??= new ProposalOptions();
        var sequence = options.FirstSequence;
        var array = new Newtonsoft.Json.Linq.JArray();
        foreach (var unit in units)
        {
            var redline = unit.Action switch
            {
                ProposalAction.Mod => Redline.Compare(unit.Original!, unit.Revised!),
                ProposalAction.Add => Redline.Added(unit.Revised!),
                _ => Redline.Unchanged(unit.Subject),
            };
            var changes = new Newtonsoft.Json.Linq.JArray(redline.Lines.Where(l => l.Kind != RedlineLineKind.Unchanged).Select(l => new Newtonsoft.Json.Linq.JObject
            {
                ["kind"] = l.Kind.ToString().ToLowerInvariant(),
                ["role"] = l.Role.ToString(),
                ["address"] = l.Address,
                ["oldText"] = l.Kind == RedlineLineKind.Inserted ? null : l.OldText,
                ["newText"] = l.Kind == RedlineLineKind.Deleted ? null : l.NewText,
            }));
            array.Add(new Newtonsoft.Json.Linq.JObject
            {
                ["action"] = Keyword(unit.Action),
                ["identifier"] = options.Identifier(sequence++),
                ["concerns"] = unit.Subject.Address,
                ["reasons"] = new Newtonsoft.Json.Linq.JArray(ReasonsOf(unit, options)),
                ["changes"] = changes,
                ["proposed"] = unit.Revised is { } revised && unit.Action is ProposalAction.Mod or ProposalAction.Add ? ResolutionJson.ToJson(revised) : null,
            });
        }

        var document = new Newtonsoft.Json.Linq.JObject
        {
            ["version"] = 1,
            ["identifier"] = options.Source + "/" + options.Document,
            ["heading"] = options.Heading,
            ["units"] = array,
        };
        return document.ToString(Newtonsoft.Json.Formatting.Indented).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The "Reasons:" paragraphs of a unit: its own reasons, then the rationale of each of its rules.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static IReadOnlyList<string> ReasonsOf(ProposalUnit unit, ProposalOptions? options = null)
    {
        options ??= new ProposalOptions();
        var reasons = new List<string>();
        foreach (var r in unit.Reasons.Where(r => r.Trim().Length > 0))
        {
            if (!reasons.Contains(r.Trim()))
            {
                reasons.Add(r.Trim());
            }
        }

        foreach (var id in unit.RuleIds)
        {
            var rationale = options.Rationale?.Invoke(id)?.Trim();
            var text = rationale is { Length: > 0 } ? rationale + " (" + id + ")" : "Streamlined in accordance with " + id + ".";
            if (!reasons.Contains(text))
            {
                reasons.Add(text);
            }
        }

        if (reasons.Count == 0 && unit.Action == ProposalAction.Noc)
        {
            reasons.Add("No change is needed.");
        }

        return reasons;
    }

    private static string Write(IEnumerable<ProposalUnit> units, ProposalOptions options, bool markdown)
    {
        var sb = new StringBuilder();
        if (options.Heading is not null)
        {
            sb.Append(markdown ? "# " + options.Heading : options.Heading).Append("\n\n");
        }

        var sequence = options.FirstSequence;
        foreach (var unit in units)
        {
            var header = Keyword(unit.Action) + "\t" + options.Identifier(sequence);
            sequence++;
            sb.Append(markdown ? "## " + header : header).Append("\n\n");

            var redline = unit.Action switch
            {
                ProposalAction.Mod => Redline.Compare(unit.Original!, unit.Revised!),
                ProposalAction.Add => Redline.Unchanged(unit.Revised!),
                _ => Redline.Unchanged(unit.Subject),
            };
            var lines = unit.Action is ProposalAction.Sup or ProposalAction.Noc
                ? redline with { Lines = redline.Lines.Where(l => l.Role is RedlineLineRole.TitleLine or RedlineLineRole.Title).ToEquatableArray() }
                : redline;
            sb.Append(markdown ? Redline.ToMarkdown(lines) : Redline.ToPlainText(lines));
            sb.Append('\n');

            var reasons = ReasonsOf(unit, options);
            for (var i = 0; i < reasons.Count; i++)
            {
                if (markdown)
                {
                    sb.Append(i == 0 ? "**Reasons:** " : string.Empty).Append(reasons[i]).Append("\n\n");
                }
                else
                {
                    sb.Append(i == 0 ? "Reasons:\t" : "\t").Append(reasons[i]).Append('\n');
                }
            }

            if (!markdown)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static string Keyword(ProposalAction action) => action switch
    {
        ProposalAction.Mod => "MOD",
        ProposalAction.Add => "ADD",
        ProposalAction.Sup => "SUP",
        _ => "NOC",
    };
}
