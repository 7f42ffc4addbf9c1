using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading.Documents;
using ResolutionKit.Writing;

namespace ResolutionKit.Reading.Proposals;

/// <summary>
/// One unit of a proposal as read from the document: its mark and identifier, the instrument it concerns, the text it
/// proposes and, for MOD, the text it says is in force, its reasons, and where its header is.
/// </summary>
/// <param name="Action">MOD, ADD, SUP or NOC.</param>
/// <param name="Identifier">The unit's identifier, e.g. <c>IAP/34A1/1</c>.</param>
/// <param name="Concerns">The address of the instrument it concerns; null when its text names none.</param>
/// <param name="Proposed">The text the unit proposes (MOD, ADD); null for SUP and NOC or when it could not be read.</param>
/// <param name="InForce">For MOD: the text before its changes (tracked changes rejected, <c>[-…-]</c> kept); null otherwise.</param>
/// <param name="Reasons">The "Reasons:" paragraphs.</param>
/// <param name="Span">Where the unit header is.</param>
public sealed record ReadProposalUnit(ProposalAction Action, string Identifier, string? Concerns, Resolution? Proposed, Resolution? InForce, EquatableArray<string> Reasons, SourceSpan Span)
{
    /// <summary>
    /// The clause addresses (in <see cref="Proposed"/>) the unit changes or adds: for ADD every clause, for MOD those
    /// whose text or label differs from <see cref="InForce"/>, or every clause when the text before is unknown.
    /// </summary>
    public IReadOnlyCollection<string> Changed
    {
        get
        {
            if (Proposed is null)
            {
                return Array.Empty<string>();
            }

            var all = Proposed.Clauses().Select(c => c.Address).ToList();
            if (Action != ProposalAction.Mod || InForce is null)
            {
                return all;
            }

            var before = new HashSet<(string, string)>(InForce.Clauses().Select(c => (c.Clause.Label, c.Clause.Text)));
            return Proposed.Clauses().Where(c => !before.Contains((c.Clause.Label, c.Clause.Text))).Select(c => c.Address).ToList();
        }
    }
}

/// <summary>A proposal document: its identifier and its units.</summary>
/// <param name="Identifier">The document's identifier (the units' common prefix, e.g. <c>IAP/34A1</c>); null when it has no units.</param>
/// <param name="Units">The units, in order.</param>
public sealed record Proposal(string? Identifier, EquatableArray<ReadProposalUnit> Units);

/// <summary>
/// Reads proposals to a conference: documents of units, each headed <c>MOD</c>, <c>ADD</c>, <c>SUP</c> or <c>NOC</c>
/// with an identifier (<c>ACP/64A1/1</c>, <c>EUR/12/3</c>), holding the proposed text (with revision marks for MOD:
/// Word tracked changes, or <c>[-deleted-]</c> and <c>{+inserted+}</c> in text) and a <c>Reasons:</c> paragraph.
/// Every unit's text is read by <see cref="ResolutionTextReader"/> at its own lines, so locations are those of the
/// document.
/// </summary>
public static class ProposalReader
{
    private static readonly Regex Header = new(@"^(?<mark>MOD|ADD|SUP|NOC)[ \t]+(?<id>[A-Z][A-Za-z0-9\-]*(?:/[A-Za-z0-9()\.\-]+)+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex Deleted = new(@"\[-(.*?)-\]", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex Inserted = new(@"\{\+(.*?)\+\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Whether a text holds proposal units (a line that is a unit header).</summary>
    /// <param name="text">The text.</param>
    public static bool IsProposal(string text) => text.Split('\n').Any(l => Header.IsMatch(l.TrimEnd('\r')));

    /// <summary>Reads a proposal from a file: text (with <c>[-…-]</c>/<c>{+…+}</c> marks) or a Word document with tracked changes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader options; null for the defaults.</param>
    public static ParseResult<Proposal> ReadFile(string path, ReaderOptions? options = null)
    {
        if (DocumentReader.Handles(path))
        {
            var (proposed, error) = DocumentReader.ExtractFile(path, DocumentVersion.Proposed);
            if (proposed is null)
            {
                return ParseResult<Proposal>.Create(null, new[] { error! });
            }

            return ReadDocument(proposed, path, options);
        }

        var text = ResolutionTextReader.ReadText(path);
        return text is null
            ? ParseResult<Proposal>.Create(null, ResolutionTextReader.ReadAllFile(path, options).SelectMany(r => r.Diagnostics))
            : Read(text, path, options);
    }

    /// <summary>
    /// Reads a proposal from the text extracted from a Word document (the proposed text); its text before the tracked
    /// changes is extracted from the same file when it has any.
    /// </summary>
    /// <param name="proposed">The document's proposed text (<see cref="DocumentReader.ExtractFile"/>).</param>
    /// <param name="path">The document's path.</param>
    /// <param name="options">Reader options; null for the defaults.</param>
    public static ParseResult<Proposal> ReadDocument(DocumentText proposed, string path, ReaderOptions? options = null)
    {
        if (proposed is null || path is null)
        {
            throw new ArgumentNullException(proposed is null ? nameof(proposed) : nameof(path));
        }

        var original = proposed.TrackedChanges > 0 ? DocumentReader.ExtractFile(path, DocumentVersion.Original).Text?.Text : null;
        var read = ReadVersions(proposed.Text, original, path, DocumentReader.OptionsFor(path, options));
        return ParseResult<Proposal>.Create(read.Value, proposed.Notes.Concat(read.Diagnostics));
    }

    /// <summary>Reads a proposal from text, where MOD changes are marked <c>[-deleted-]</c> and <c>{+inserted+}</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The path to name in locations.</param>
    /// <param name="options">Reader options; null for the defaults.</param>
    public static ParseResult<Proposal> Read(string text, string? path = null, ReaderOptions? options = null)
    {
        var marked = Deleted.IsMatch(text) || Inserted.IsMatch(text);
        if (!marked)
        {
            return ReadVersions(text, null, path, options);
        }

        // Each version keeps the document's lines: a deleted or inserted line is an empty line in the other.
        var proposed = Inserted.Replace(Deleted.Replace(text, m => Newlines(m.Groups[1].Value)), "$1");
        var original = Deleted.Replace(Inserted.Replace(text, m => Newlines(m.Groups[1].Value)), "$1");
        return ReadVersions(proposed, original, path, options);
    }

    /// <summary>Reads a proposal given as its proposed text and, when it has revision marks, its text before them (line for line).</summary>
    /// <param name="proposed">The proposed text.</param>
    /// <param name="original">The text before the changes, with the same lines; null when the document has no revision marks.</param>
    /// <param name="path">The path to name in locations.</param>
    /// <param name="options">Reader options; null for the defaults.</param>
    public static ParseResult<Proposal> ReadVersions(string proposed, string? original, string? path = null, ReaderOptions? options = null)
    {
        var lines = proposed.Replace("\r\n", "\n").Split('\n');
        var before = original?.Replace("\r\n", "\n").Split('\n');
        var headers = lines.Select((l, i) => (Match: Header.Match(l.TrimEnd()), Index: i)).Where(x => x.Match.Success).ToList();

        // The text before the changes has the same unit headers (they are not changed), not always at the same lines
        // (footnotes are placed after each instrument's text): each unit is found in it by its header.
        var beforeHeaders = before?.Select((l, i) => (Match: Header.Match(l.TrimEnd()), Index: i)).Where(x => x.Match.Success).ToList();
        var aligned = beforeHeaders is not null && beforeHeaders.Select(h => h.Match.Value.Trim()).SequenceEqual(headers.Select(h => h.Match.Value.Trim()));
        var diagnostics = new List<Diagnostic>();
        var units = new List<ReadProposalUnit>();
        for (var u = 0; u < headers.Count; u++)
        {
            var (match, index) = headers[u];
            var end = u + 1 < headers.Count ? headers[u + 1].Index : lines.Length;
            var action = match.Groups["mark"].Value switch
            {
                "MOD" => ProposalAction.Mod,
                "ADD" => ProposalAction.Add,
                "SUP" => ProposalAction.Sup,
                _ => ProposalAction.Noc,
            };
            var reasons = new List<string>();
            var body = Slice(lines, index + 1, end, reasons);
            var read = ResolutionTextReader.ReadAll(body, path, options).Where(r => r.Value is not null).ToList();
            if (action is ProposalAction.Mod or ProposalAction.Add)
            {
                diagnostics.AddRange(read.SelectMany(r => r.Diagnostics));
            }

            var proposedResolution = read.FirstOrDefault()?.Value;
            Resolution? inForce = null;
            if (action == ProposalAction.Mod && before is not null && aligned)
            {
                var from = beforeHeaders![u].Index;
                var to = u + 1 < beforeHeaders.Count ? beforeHeaders[u + 1].Index : before.Length;
                inForce = ResolutionTextReader.ReadAll(Slice(before, from + 1, to, new List<string>()), path, options).FirstOrDefault(r => r.Value is not null)?.Value;
            }

            var span = new SourceSpan(index + 1, 1, 0, lines[index].TrimEnd().Length);
            units.Add(new ReadProposalUnit(
                action,
                match.Groups["id"].Value,
                proposedResolution?.Id.Body.Code == Body.Unknown.Code ? null : proposedResolution?.Address,
                action is ProposalAction.Mod or ProposalAction.Add ? proposedResolution : null,
                inForce,
                reasons.ToEquatableArray(),
                span));
        }

        var ids = units.Select(u => u.Identifier.Substring(0, Math.Max(0, u.Identifier.LastIndexOf('/')))).Distinct(StringComparer.Ordinal).ToList();
        return ParseResult<Proposal>.Create(new Proposal(ids.Count == 1 && ids[0].Length > 0 ? ids[0] : null, units.ToEquatableArray()), diagnostics);
    }

    /// <summary>
    /// The unit's lines in place (every other line of the document empty, so locations stay those of the document),
    /// with its "Reasons:" paragraphs taken out into <paramref name="reasons"/>.
    /// </summary>
    private static string Slice(string[] lines, int from, int to, List<string> reasons)
    {
        var sb = new StringBuilder();
        var inReasons = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i < from || i >= to)
            {
                sb.Append('\n');
                continue;
            }

            if (Trailer(line) is { } reason)
            {
                inReasons = true;
                if (reason.Length > 0)
                {
                    reasons.Add(reason);
                }

                sb.Append('\n');
                continue;
            }

            if (inReasons && line.Trim().Length > 0)
            {
                reasons.Add(line.Trim());
                sb.Append('\n');
                continue;
            }

            inReasons = false;
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The text after a "Reasons:" word in any language the reader knows; null when the line is not one.</summary>
    private static string? Trailer(string line)
    {
        var trimmed = line.Trim();
        foreach (var language in Phrases.PhraseTable.BuiltinLanguages)
        {
            foreach (var word in Phrases.PhraseTable.ForLanguage(language)?.TrailerWords ?? Array.Empty<string>())
            {
                if (word.StartsWith("Ref", StringComparison.Ordinal) || !trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                return trimmed.Substring(word.Length).Trim();
            }
        }

        return null;
    }

    private static string Newlines(string text) => new('\n', text.Count(c => c == '\n'));
}
