using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Merge;
using ResolutionKit.Model;

namespace ResolutionKit.Writing;

/// <summary>What a unit of a proposal does to an instrument.</summary>
public enum ProposalAction
{
    /// <summary>MOD: modifies an existing instrument; the text shows the changes.</summary>
    Mod,

    /// <summary>ADD: a new instrument.</summary>
    Add,

    /// <summary>SUP: suppresses an instrument.</summary>
    Sup,

    /// <summary>NOC: no change.</summary>
    Noc,
}

/// <summary>
/// One unit of a revision proposal: MOD, ADD, SUP or NOC of one instrument, the texts before and after, and what
/// the reasons are drawn from.
/// </summary>
/// <param name="Action">MOD, ADD, SUP or NOC.</param>
/// <param name="Original">The text in force (null for ADD).</param>
/// <param name="Revised">The proposed text (null for SUP; the same as <paramref name="Original"/> for NOC).</param>
public sealed record ProposalUnit(ProposalAction Action, Resolution? Original, Resolution? Revised)
{
    /// <summary>The rule ids of the fixes that caused the changes; their rationales become "Reasons:" paragraphs.</summary>
    public EquatableArray<string> RuleIds { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Reasons given directly (merge reasons, a drafter's own words), written before the rules' rationales.</summary>
    public EquatableArray<string> Reasons { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The resolution the unit is about: the revised text, or the original for SUP.</summary>
    public Resolution Subject => Revised ?? Original ?? throw new InvalidOperationException("A proposal unit needs a text.");

    /// <summary>A MOD unit (NOC when the texts are the same).</summary>
    /// <param name="original">The text in force.</param>
    /// <param name="revised">The proposed text.</param>
    /// <param name="reasons">Reasons given directly.</param>
    public static ProposalUnit Modify(Resolution original, Resolution revised, params string[] reasons) =>
        new(Same(original, revised) ? ProposalAction.Noc : ProposalAction.Mod, original, revised) { Reasons = reasons.ToEquatableArray() };

    /// <summary>An ADD unit.</summary>
    /// <param name="resolution">The new text.</param>
    /// <param name="reasons">Reasons given directly.</param>
    public static ProposalUnit AddNew(Resolution resolution, params string[] reasons) =>
        new(ProposalAction.Add, null, resolution) { Reasons = reasons.ToEquatableArray() };

    /// <summary>A SUP unit.</summary>
    /// <param name="resolution">The text suppressed.</param>
    /// <param name="reasons">Reasons given directly.</param>
    public static ProposalUnit Suppress(Resolution resolution, params string[] reasons) =>
        new(ProposalAction.Sup, resolution, null) { Reasons = reasons.ToEquatableArray() };

    /// <summary>A NOC unit.</summary>
    /// <param name="resolution">The text kept as it is.</param>
    /// <param name="reasons">Reasons given directly.</param>
    public static ProposalUnit NoChange(Resolution resolution, params string[] reasons) =>
        new(ProposalAction.Noc, resolution, resolution) { Reasons = reasons.ToEquatableArray() };

    /// <summary>The unit for fixes applied to a resolution: MOD with the rules' ids, or NOC when nothing changed.</summary>
    /// <param name="original">The resolution the fixes were applied to.</param>
    /// <param name="result">The result of <see cref="FixApplier.Apply(Resolution, IEnumerable{Fix})"/>.</param>
    public static ProposalUnit FromFixes(Resolution original, FixResult result) =>
        new(result.HasChanges ? ProposalAction.Mod : ProposalAction.Noc, original, result.Resolution)
        {
            RuleIds = result.RuleIds.ToEquatableArray(),
        };

    /// <summary>
    /// The units for a merge: MOD of the resolution revised (ADD when the merged text is a new instrument) with the
    /// merge reasons, then SUP of every instrument it supersedes. When the merged text was then streamlined, pass
    /// the fix result: the MOD shows the streamlined text and cites the rules too.
    /// </summary>
    /// <param name="merge">The merge.</param>
    /// <param name="streamlined">Fixes applied to the merged text afterwards; null when none.</param>
    public static IReadOnlyList<ProposalUnit> FromMerge(MergeResult merge, FixResult? streamlined = null)
    {
        var merged = merge.Resolution;
        var revised = streamlined?.Resolution ?? merged;
        var original = merge.Inputs.FirstOrDefault(r => r.Id.Denotes(merged.Id));
        var reasons = new List<string>();
        if (!merge.Supersedes.IsEmpty)
        {
            var with = Join(merge.Supersedes.Select(s => s.Citation).ToList());
            var reason = $"Merged with {with}, which cover{(merge.Supersedes.Count == 1 ? "s" : string.Empty)} the same subject";
            var folded = merge.FoldedCount;
            var dropped = merge.DroppedCount;
            reason += folded == 0 ? "." : $"; duplicated clauses folded ({Count(folded, "clause")} folded into the clauses they repeat).";
            reasons.Add(reason);
            if (dropped > 0)
            {
                reasons.Add($"{Capitalize(Count(dropped, "preambular clause"))} recalling the merged instruments {(dropped == 1 ? "is" : "are")} no longer needed; references to them now read \"this {merged.Id.Kind.ToString().ToLowerInvariant()}\".");
            }
        }

        var units = new List<ProposalUnit>();
        var main = original is null
            ? AddNew(revised, reasons.ToArray())
            : Modify(original, revised, reasons.ToArray());
        if (streamlined is not null)
        {
            main = main with { RuleIds = streamlined.RuleIds.ToEquatableArray() };
        }

        units.Add(main);
        var citation = Merger.Citation(merged.Id, merged.Revision);
        foreach (var superseded in merge.Supersedes)
        {
            var input = merge.Inputs.FirstOrDefault(r => r.Id.Denotes(superseded.Id) && r.Revision == superseded.Revision)
                        ?? merge.Inputs.First(r => r.Id.Denotes(superseded.Id));
            var why = new List<string> { $"Its provisions are merged into {citation}." };
            if (!string.Equals(superseded.Id.Body.Code, merged.Id.Body.Code, StringComparison.OrdinalIgnoreCase))
            {
                why.Add($"Its suppression is a matter for the {superseded.Id.Body.Name}, which is invited to take this proposal into account.");
            }

            units.Add(Suppress(input, why.ToArray()));
        }

        return units;
    }

    private static bool Same(Resolution a, Resolution b) => a.WithoutSourceInfo() == b.WithoutSourceInfo();

    private static readonly string[] NumberWords = { "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };

    private static string Count(int n, string noun) =>
        (n >= 0 && n < NumberWords.Length ? NumberWords[n] : n.ToString(CultureInfo.InvariantCulture)) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1],
    };
}
