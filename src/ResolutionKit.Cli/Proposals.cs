using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Reading.Documents;
using ResolutionKit.Reading.Proposals;
using ResolutionKit.Writing;

namespace ResolutionKit.Cli;

/// <summary>How <c>check</c> treats a proposal: which files are proposals, what is reported, and MOD units against the text in force.</summary>
internal static class Proposals
{
    /// <summary>RK0022: a MOD unit's text before its changes is not the text in force.</summary>
    public static DiagnosticDescriptor NotInForce { get; } = new("RK0022", "MOD unit does not match the text in force", "{0} modifies {1}, but its text before the changes differs from the text in force ({2}) at {3}", "Reading", DiagnosticSeverity.Warning)
    {
        HelpLinkUri = "https://github.com/resolutionkit/resolutionkit/blob/main/docs/text-format.md#proposals",
        Rationale = "A MOD unit shows the changes to the text in force; if its starting text is another revision, the changes it shows are not the changes it makes.",
    };

    /// <summary>
    /// Reads a file once: its instruments, or, when it holds proposal units, the units (and the diagnostics of reading
    /// them). A Word or PDF document is extracted once for both questions.
    /// </summary>
    public static (IReadOnlyList<ParseResult<Resolution>> Read, IReadOnlyList<ReadProposalUnit>? Units, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string file)
    {
        if (DocumentReader.Handles(file))
        {
            var (document, error) = DocumentReader.ExtractFile(file);
            if (document is null)
            {
                return (new[] { ParseResult<Resolution>.Create(null, new[] { error! }) }, null, Array.Empty<Diagnostic>());
            }

            if (ProposalReader.IsProposal(document.Text) && ProposalReader.ReadDocument(document, file) is { Value: { } proposal } read)
            {
                return (Array.Empty<ParseResult<Resolution>>(), proposal.Units.ToList(), read.Diagnostics.ToList());
            }

            return (DocumentReader.ReadAll(document, file), null, Array.Empty<Diagnostic>());
        }

        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            && ResolutionTextReader.ReadText(file) is { } text && ProposalReader.IsProposal(text) && ProposalReader.Read(text, file) is { Value: { } units } result)
        {
            return (Array.Empty<ParseResult<Resolution>>(), units.Units.ToList(), result.Diagnostics.ToList());
        }

        return (Inputs.ReadAll(file), null, Array.Empty<Diagnostic>());
    }

    /// <summary>Findings on proposals are kept where a unit changes or adds a clause (or everywhere with <paramref name="whole"/>).</summary>
    public static IEnumerable<Diagnostic> Focus(IEnumerable<Diagnostic> findings, List<(string File, ReadProposalUnit Unit)> proposals, bool whole)
    {
        if (whole || proposals.Count == 0)
        {
            return findings;
        }

        // Only MOD units whose text before the changes is known narrow the report; an ADD unit, or a MOD unit without
        // revision marks, is reported on as a whole.
        var changed = proposals.Where(p => p.Unit.Proposed is not null && p.Unit.Action == ProposalAction.Mod && p.Unit.InForce is not null)
            .GroupBy(p => (Path.GetFullPath(p.File), p.Unit.Proposed!.Address))
            .ToDictionary(g => g.Key, g => new HashSet<string>(g.SelectMany(p => p.Unit.Changed), StringComparer.Ordinal));
        return findings.Where(d =>
        {
            if (d.Location.Path is not { } path)
            {
                return true;
            }

            var slash = d.Location.Address.IndexOf('/');
            var instrument = slash < 0 ? d.Location.Address : d.Location.Address.Substring(0, slash);
            return !changed.TryGetValue((Path.GetFullPath(path), instrument), out var clauses) || clauses.Contains(d.Location.Address);
        });
    }

    /// <summary>Each MOD unit whose text before its changes is known is compared with the text in force among the corpus.</summary>
    public static IEnumerable<Diagnostic> CheckInForce(List<(string File, ReadProposalUnit Unit)> proposals, IReadOnlyList<Resolution> corpus)
    {
        foreach (var (file, unit) in proposals)
        {
            if (unit.Action != ProposalAction.Mod || unit.InForce is not { } before)
            {
                continue;
            }

            var current = corpus.FirstOrDefault(r => r.Address == before.Address && r.Language == before.Language);
            if (current is null)
            {
                continue;
            }

            var ours = before.Clauses().Select(c => (c.Address, c.Clause.Label, c.Clause.Text)).ToList();
            var theirs = current.Clauses().Select(c => (c.Address, c.Clause.Label, c.Clause.Text)).ToList();
            var first = ours.Zip(theirs, (a, b) => (a, b)).FirstOrDefault(x => x.a != x.b);
            var where = first.a.Address ?? (ours.Count != theirs.Count ? (ours.Count > theirs.Count ? ours[theirs.Count].Address : theirs[ours.Count].Address) : null);
            if (where is null && before.Title == current.Title)
            {
                continue;
            }

            yield return Diagnostic.Create(NotInForce, new Location(file, before.Address, unit.Span), unit.Identifier, before.Address, current.SourcePath ?? current.Address, where ?? "its title");
        }
    }
}
