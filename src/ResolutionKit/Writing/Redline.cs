using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using ResolutionKit.Analysis;
using ResolutionKit.Collections;
using ResolutionKit.Internal;
using ResolutionKit.Model;

namespace ResolutionKit.Writing;

/// <summary>Whether a stretch of redlined text is unchanged, inserted or deleted.</summary>
public enum RedlineSegmentKind
{
    /// <summary>In both texts.</summary>
    Unchanged,

    /// <summary>Only in the new text.</summary>
    Inserted,

    /// <summary>Only in the old text.</summary>
    Deleted,
}

/// <summary>What happened to a line (paragraph) of the text.</summary>
public enum RedlineLineKind
{
    /// <summary>The same in both texts.</summary>
    Unchanged,

    /// <summary>In both texts, with changes.</summary>
    Modified,

    /// <summary>Only in the new text.</summary>
    Inserted,

    /// <summary>Only in the old text.</summary>
    Deleted,
}

/// <summary>What a line of a resolution is, so that writers can lay it out.</summary>
public enum RedlineLineRole
{
    /// <summary>A line of plain text (comparing texts rather than resolutions).</summary>
    Text,

    /// <summary>The title line ("RESOLUTION 191 (REV. BUCHAREST, 2022)").</summary>
    TitleLine,

    /// <summary>The subject title.</summary>
    Title,

    /// <summary>The adoption history.</summary>
    History,

    /// <summary>The conference formula.</summary>
    Formula,

    /// <summary>A group heading ("considering", "instructs the Secretary-General").</summary>
    GroupHeading,

    /// <summary>A clause: label, tab, text.</summary>
    Clause,

    /// <summary>A footnote.</summary>
    Footnote,

    /// <summary>An annex heading.</summary>
    AnnexHeading,

    /// <summary>An annex title.</summary>
    AnnexTitle,

    /// <summary>A paragraph of an annex or of text the reader could not place.</summary>
    Paragraph,
}

/// <summary>A stretch of redlined text.</summary>
/// <param name="Kind">Unchanged, inserted or deleted.</param>
/// <param name="Text">The text.</param>
public sealed record RedlineSegment(RedlineSegmentKind Kind, string Text);

/// <summary>A line (paragraph) of a redline: its segments and what happened to it.</summary>
/// <param name="Kind">What happened to the line.</param>
/// <param name="Role">What the line is.</param>
/// <param name="Segments">The segments, in order.</param>
public sealed record RedlineLine(RedlineLineKind Kind, RedlineLineRole Role, EquatableArray<RedlineSegment> Segments)
{
    /// <summary>For a clause line: the clause's address in the new text (in the old text for a deleted clause).</summary>
    public string? Address { get; init; }

    /// <summary>The line as it reads in the old text (empty for an inserted line).</summary>
    public string OldText => string.Concat(Segments.Where(s => s.Kind != RedlineSegmentKind.Inserted).Select(s => s.Text));

    /// <summary>The line as it reads in the new text (empty for a deleted line).</summary>
    public string NewText => string.Concat(Segments.Where(s => s.Kind != RedlineSegmentKind.Deleted).Select(s => s.Text));
}

/// <summary>Counts of a redline's changes.</summary>
/// <param name="Insertions">Inserted stretches of text.</param>
/// <param name="Deletions">Deleted stretches of text.</param>
/// <param name="InsertedWords">Words inserted.</param>
/// <param name="DeletedWords">Words deleted.</param>
/// <param name="ClausesModified">Clauses modified (MOD).</param>
/// <param name="ClausesAdded">Clauses added (ADD).</param>
/// <param name="ClausesSuppressed">Clauses suppressed (SUP).</param>
public sealed record RedlineSummary(int Insertions, int Deletions, int InsertedWords, int DeletedWords, int ClausesModified, int ClausesAdded, int ClausesSuppressed)
{
    /// <summary>Whether the two texts are the same.</summary>
    public bool IsEmpty => Insertions == 0 && Deletions == 0;
}

/// <summary>A word-level comparison of two texts or two resolutions, line by line.</summary>
/// <param name="Lines">The lines, in the order of the new text with deleted lines where they stood.</param>
public sealed record RedlineDocument(EquatableArray<RedlineLine> Lines)
{
    /// <summary>A title for the comparison, used by the HTML and DOCX writers.</summary>
    public string? Title { get; init; }

    /// <summary>The counts of changes.</summary>
    public RedlineSummary Summary
    {
        get
        {
            int ins = 0, del = 0, insWords = 0, delWords = 0, mod = 0, add = 0, sup = 0;
            foreach (var line in Lines)
            {
                foreach (var s in line.Segments)
                {
                    if (s.Kind == RedlineSegmentKind.Inserted)
                    {
                        ins++;
                        insWords += Redline.CountWords(s.Text);
                    }
                    else if (s.Kind == RedlineSegmentKind.Deleted)
                    {
                        del++;
                        delWords += Redline.CountWords(s.Text);
                    }
                }

                if (line.Role == RedlineLineRole.Clause)
                {
                    switch (line.Kind)
                    {
                        case RedlineLineKind.Modified: mod++; break;
                        case RedlineLineKind.Inserted: add++; break;
                        case RedlineLineKind.Deleted: sup++; break;
                    }
                }
            }

            return new RedlineSummary(ins, del, insWords, delWords, mod, add, sup);
        }
    }
}

/// <summary>
/// Word-level redlines (with DiffPlex): of two texts, or of two resolutions clause by clause. Lines are aligned
/// first; lines that changed are then compared word by word. Writers: Markdown (<c>~~deleted~~</c> /
/// <c>**inserted**</c>), plain text (<c>[-deleted-]</c> / <c>{+inserted+}</c>), a self-contained HTML page
/// (<see cref="ToHtml"/>) and a Word document with real tracked changes (<see cref="RedlineDocx"/>). Output is
/// deterministic.
/// </summary>
public static class Redline
{
    private const double PairingThreshold = 0.3;

    /// <summary>Compares two texts line by line, then word by word within changed lines. Blank lines are ignored.</summary>
    /// <param name="oldText">The old text.</param>
    /// <param name="newText">The new text.</param>
    public static RedlineDocument Compare(string oldText, string newText)
    {
        static List<SourceLine> Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Where(l => l.Trim().Length > 0)
            .Select(l => new SourceLine(l, RedlineLineRole.Text, null))
            .ToList();

        return new RedlineDocument(Align(Lines(oldText), Lines(newText)).ToEquatableArray());
    }

    /// <summary>Compares two resolutions in their canonical text layout, clause by clause.</summary>
    /// <param name="oldResolution">The old resolution.</param>
    /// <param name="newResolution">The new resolution.</param>
    public static RedlineDocument Compare(Resolution oldResolution, Resolution newResolution) =>
        new(Align(LinesOf(oldResolution), LinesOf(newResolution)).ToEquatableArray())
        {
            Title = newResolution.TitleLine ?? ResolutionTextWriter.TitleLineOf(newResolution),
        };

    /// <summary>A redline of a resolution against nothing: every line inserted (a new text, ADD).</summary>
    /// <param name="resolution">The resolution.</param>
    public static RedlineDocument Added(Resolution resolution) =>
        new(LinesOf(resolution).Select(l => Whole(l, RedlineLineKind.Inserted)).ToEquatableArray())
        {
            Title = resolution.TitleLine ?? ResolutionTextWriter.TitleLineOf(resolution),
        };

    /// <summary>A redline with no changes (NOC): every line unchanged.</summary>
    /// <param name="resolution">The resolution.</param>
    public static RedlineDocument Unchanged(Resolution resolution) =>
        new(LinesOf(resolution).Select(l => Whole(l, RedlineLineKind.Unchanged)).ToEquatableArray())
        {
            Title = resolution.TitleLine ?? ResolutionTextWriter.TitleLineOf(resolution),
        };

    /// <summary>Writes the redline as Markdown: one paragraph per line, <c>~~deleted~~</c> and <c>**inserted**</c>.</summary>
    /// <param name="document">The redline.</param>
    public static string ToMarkdown(RedlineDocument document)
    {
        var sb = new StringBuilder();
        foreach (var line in document.Lines)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            var text = new StringBuilder();
            foreach (var s in line.Segments)
            {
                var escaped = EscapeMarkdown(s.Text);
                switch (s.Kind)
                {
                    case RedlineSegmentKind.Inserted:
                        Mark(text, escaped, "**", "**");
                        break;
                    case RedlineSegmentKind.Deleted:
                        Mark(text, escaped, "~~", "~~");
                        break;
                    default:
                        text.Append(escaped);
                        break;
                }
            }

            sb.Append(text).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes the redline as plain text: one line per line, <c>[-deleted-]</c> and <c>{+inserted+}</c>.</summary>
    /// <param name="document">The redline.</param>
    public static string ToPlainText(RedlineDocument document)
    {
        var sb = new StringBuilder();
        foreach (var line in document.Lines)
        {
            foreach (var s in line.Segments)
            {
                switch (s.Kind)
                {
                    case RedlineSegmentKind.Inserted:
                        Mark(sb, s.Text, "{+", "+}");
                        break;
                    case RedlineSegmentKind.Deleted:
                        Mark(sb, s.Text, "[-", "-]");
                        break;
                    default:
                        sb.Append(s.Text);
                        break;
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Writes the redline as a self-contained HTML page (inline CSS, no scripts): a summary of the changes at the top,
    /// then the text with insertions underlined in blue and deletions struck through in red.
    /// </summary>
    /// <param name="document">The redline.</param>
    public static string ToHtml(RedlineDocument document)
    {
        var summary = document.Summary;
        var title = document.Title is null ? "Redline" : "Redline: " + document.Title;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<title>").Append(Html(title)).Append("</title>\n");
        sb.Append("<style>\n")
            .Append("body { font-family: \"Times New Roman\", Times, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }\n")
            .Append("p { margin: 0.4em 0; white-space: pre-wrap; tab-size: 4; }\n")
            .Append("ins { color: #0645ad; text-decoration: underline; background: #eef4ff; }\n")
            .Append("del { color: #b3001b; text-decoration: line-through; background: #fff0f0; }\n")
            .Append(".summary { border: 1px solid #ccc; background: #fafafa; padding: 0.5em 1em; margin-bottom: 2em; font-family: Arial, Helvetica, sans-serif; font-size: 0.9em; }\n")
            .Append(".summary h1 { font-size: 1.1em; margin: 0.3em 0; }\n")
            .Append(".summary ul { margin: 0.3em 0; padding-left: 1.2em; }\n")
            .Append(".title-line { font-weight: bold; text-align: center; margin-top: 1em; }\n")
            .Append(".title { font-weight: bold; text-align: center; }\n")
            .Append(".history { text-align: center; font-style: italic; }\n")
            .Append(".heading { font-style: italic; margin-top: 1em; }\n")
            .Append(".annex-heading, .annex-title { font-weight: bold; text-align: center; margin-top: 1em; }\n")
            .Append(".footnote { font-size: 0.9em; }\n")
            .Append(".added { border-left: 3px solid #0645ad; padding-left: 0.5em; }\n")
            .Append(".suppressed { border-left: 3px solid #b3001b; padding-left: 0.5em; }\n")
            .Append(".modified { border-left: 3px solid #999; padding-left: 0.5em; }\n")
            .Append("</style>\n</head>\n<body>\n");
        sb.Append("<section class=\"summary\">\n<h1>Summary of changes</h1>\n<ul>\n");
        sb.Append("<li>Insertions: ").Append(N(summary.Insertions)).Append(" (").Append(N(summary.InsertedWords)).Append(" words)</li>\n");
        sb.Append("<li>Deletions: ").Append(N(summary.Deletions)).Append(" (").Append(N(summary.DeletedWords)).Append(" words)</li>\n");
        sb.Append("<li>Clauses modified (MOD): ").Append(N(summary.ClausesModified)).Append("</li>\n");
        sb.Append("<li>Clauses added (ADD): ").Append(N(summary.ClausesAdded)).Append("</li>\n");
        sb.Append("<li>Clauses suppressed (SUP): ").Append(N(summary.ClausesSuppressed)).Append("</li>\n");
        sb.Append("</ul>\n</section>\n<article>\n");
        foreach (var line in document.Lines)
        {
            var classes = new List<string>();
            var role = RoleClass(line.Role);
            if (role is not null)
            {
                classes.Add(role);
            }

            var state = line.Kind switch
            {
                RedlineLineKind.Inserted => "added",
                RedlineLineKind.Deleted => "suppressed",
                RedlineLineKind.Modified => "modified",
                _ => null,
            };
            if (state is not null)
            {
                classes.Add(state);
            }

            sb.Append("<p");
            if (classes.Count > 0)
            {
                sb.Append(" class=\"").Append(string.Join(" ", classes)).Append('"');
            }

            sb.Append('>');
            foreach (var s in line.Segments)
            {
                switch (s.Kind)
                {
                    case RedlineSegmentKind.Inserted:
                        sb.Append("<ins>").Append(Html(s.Text)).Append("</ins>");
                        break;
                    case RedlineSegmentKind.Deleted:
                        sb.Append("<del>").Append(Html(s.Text)).Append("</del>");
                        break;
                    default:
                        sb.Append(Html(s.Text));
                        break;
                }
            }

            sb.Append("</p>\n");
        }

        sb.Append("</article>\n</body>\n</html>\n");
        return sb.ToString();
    }

    internal static int CountWords(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                n++;
            }

            inWord = letter;
        }

        return n;
    }

    /// <summary>The lines of a resolution in canonical layout, with their roles and clause addresses.</summary>
    internal static List<SourceLine> LinesOf(Resolution resolution)
    {
        var lines = new List<SourceLine>
        {
            new(resolution.TitleLine ?? ResolutionTextWriter.TitleLineOf(resolution), RedlineLineRole.TitleLine, null),
            new(resolution.Title, RedlineLineRole.Title, null),
        };
        if (!resolution.History.IsEmpty)
        {
            lines.Add(new SourceLine("(" + string.Join("; ", resolution.History.Select(h => h.ToString())) + ")", RedlineLineRole.History, null));
        }

        if (resolution.ConferenceFormula is not null)
        {
            lines.Add(new SourceLine(resolution.ConferenceFormula, RedlineLineRole.Formula, null));
        }

        lines.AddRange(resolution.Unplaced.Select(p => new SourceLine(p.Text, RedlineLineRole.Paragraph, null)));
        var nodes = resolution.Clauses().ToList();
        var next = 0;
        foreach (var group in resolution.Groups)
        {
            lines.Add(new SourceLine(group.Heading, RedlineLineRole.GroupHeading, null));
            foreach (var clause in group.Clauses)
            {
                AddClause(clause);
            }
        }

        void AddClause(Clause clause)
        {
            var address = next < nodes.Count ? nodes[next].Address : null;
            next++;
            lines.Add(new SourceLine(ResolutionTextWriter.ClauseLine(clause), RedlineLineRole.Clause, address));
            foreach (var sub in clause.SubClauses)
            {
                AddClause(sub);
            }
        }

        lines.AddRange(resolution.Footnotes.Select(f => new SourceLine(Superscripts.FromPlain(f.Marker) + "\t" + f.Text, RedlineLineRole.Footnote, null)));
        foreach (var annex in resolution.Annexes)
        {
            lines.Add(new SourceLine(annex.Heading, RedlineLineRole.AnnexHeading, null));
            if (annex.Title is not null)
            {
                lines.Add(new SourceLine(annex.Title, RedlineLineRole.AnnexTitle, null));
            }

            lines.AddRange(annex.Paragraphs.Select(p => new SourceLine(p.Text, RedlineLineRole.Paragraph, null)));
        }

        return lines;
    }

    internal sealed class SourceLine
    {
        public SourceLine(string text, RedlineLineRole role, string? address)
        {
            Text = text;
            Role = role;
            Address = address;
        }

        public string Text { get; }

        public RedlineLineRole Role { get; }

        public string? Address { get; }
    }

    private static RedlineLine Whole(SourceLine line, RedlineLineKind kind)
    {
        var segmentKind = kind switch
        {
            RedlineLineKind.Inserted => RedlineSegmentKind.Inserted,
            RedlineLineKind.Deleted => RedlineSegmentKind.Deleted,
            _ => RedlineSegmentKind.Unchanged,
        };
        return new RedlineLine(kind, line.Role, EquatableArray.Create(new RedlineSegment(segmentKind, line.Text))) { Address = line.Address };
    }

    private static List<RedlineLine> Align(List<SourceLine> oldLines, List<SourceLine> newLines)
    {
        // Lines are compared by role and text, so that a heading never pairs with a clause of the same words.
        var oldKeys = oldLines.Select(l => Key(l)).ToList();
        var newKeys = newLines.Select(l => Key(l)).ToList();
        var result = new List<RedlineLine>();
        var diff = Differ.Instance.CreateDiffs(string.Join("\n", oldKeys), string.Join("\n", newKeys), false, false, LineChunker.Instance);
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB)
            {
                result.Add(Whole(newLines[b], RedlineLineKind.Unchanged));
                a++;
                b++;
            }

            var deleted = oldLines.Skip(block.DeleteStartA).Take(block.DeleteCountA).ToList();
            var inserted = newLines.Skip(block.InsertStartB).Take(block.InsertCountB).ToList();
            result.AddRange(PairBlock(deleted, inserted));
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        while (b < newLines.Count)
        {
            result.Add(Whole(newLines[b], RedlineLineKind.Unchanged));
            b++;
        }

        return result;
    }

    private static string Key(SourceLine line) => ((int)line.Role).ToString(CultureInfo.InvariantCulture) + "\u001f" + line.Text;

    /// <summary>
    /// Pairs the deleted and inserted lines of one changed block, keeping their order and maximizing the total
    /// similarity of the pairs (so that a relabelled clause pairs with itself, not with the clause that took its
    /// label), then diffs each pair by words. Unpaired lines are deleted or inserted whole.
    /// </summary>
    private static IEnumerable<RedlineLine> PairBlock(List<SourceLine> deleted, List<SourceLine> inserted)
    {
        int n = deleted.Count, m = inserted.Count;
        var score = new double[n + 1, m + 1];
        var similarity = new double[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                similarity[i, j] = Similarity(deleted[i], inserted[j]);
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                var best = Math.Max(score[i + 1, j], score[i, j + 1]);
                if (similarity[i, j] >= PairingThreshold)
                {
                    best = Math.Max(best, score[i + 1, j + 1] + similarity[i, j]);
                }

                score[i, j] = best;
            }
        }

        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (similarity[a, b] >= PairingThreshold && score[a, b] == score[a + 1, b + 1] + similarity[a, b])
            {
                yield return new RedlineLine(RedlineLineKind.Modified, inserted[b].Role, WordDiff(deleted[a].Text, inserted[b].Text)) { Address = inserted[b].Address };
                a++;
                b++;
            }
            else if (score[a, b] == score[a + 1, b])
            {
                yield return Whole(deleted[a], RedlineLineKind.Deleted);
                a++;
            }
            else
            {
                yield return Whole(inserted[b], RedlineLineKind.Inserted);
                b++;
            }
        }

        for (; a < n; a++)
        {
            yield return Whole(deleted[a], RedlineLineKind.Deleted);
        }

        for (; b < m; b++)
        {
            yield return Whole(inserted[b], RedlineLineKind.Inserted);
        }
    }

    private static double Similarity(SourceLine a, SourceLine b)
    {
        if (a.Role != b.Role)
        {
            return 0;
        }

        if (a.Role is RedlineLineRole.TitleLine or RedlineLineRole.Title or RedlineLineRole.History or RedlineLineRole.Formula)
        {
            return 1;
        }

        return Merge.MergeOptions.DefaultSimilarity(TextOf(a), TextOf(b));
    }

    /// <summary>A clause line without its label, so that relabelling does not count against a pair.</summary>
    private static string TextOf(SourceLine line)
    {
        if (line.Role != RedlineLineRole.Clause)
        {
            return line.Text;
        }

        var tab = line.Text.IndexOf('\t');
        return tab < 0 ? line.Text : line.Text.Substring(tab + 1);
    }

    /// <summary>The word-level difference of two lines, as segments.</summary>
    /// <param name="oldText">The old line.</param>
    /// <param name="newText">The new line.</param>
    public static EquatableArray<RedlineSegment> WordDiff(string oldText, string newText)
    {
        var diff = Differ.Instance.CreateDiffs(oldText, newText, false, false, WordTokenChunker.Instance);
        var raw = new List<RedlineSegment>();
        var b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            if (block.InsertStartB > b)
            {
                raw.Add(new RedlineSegment(RedlineSegmentKind.Unchanged, string.Concat(diff.PiecesNew.Skip(b).Take(block.InsertStartB - b))));
            }

            if (block.DeleteCountA > 0)
            {
                raw.Add(new RedlineSegment(RedlineSegmentKind.Deleted, string.Concat(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA))));
            }

            if (block.InsertCountB > 0)
            {
                raw.Add(new RedlineSegment(RedlineSegmentKind.Inserted, string.Concat(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB))));
            }

            b = block.InsertStartB + block.InsertCountB;
        }

        if (b < diff.PiecesNew.Count)
        {
            raw.Add(new RedlineSegment(RedlineSegmentKind.Unchanged, string.Concat(diff.PiecesNew.Skip(b))));
        }

        return Tidy(raw).ToEquatableArray();
    }

    /// <summary>
    /// Makes a diff read as a person would mark it: a space (or lone punctuation) standing between two changes is
    /// folded into them, and in each run of changes the deletion comes before the insertion.
    /// </summary>
    private static List<RedlineSegment> Tidy(List<RedlineSegment> raw)
    {
        var segments = raw.Where(s => s.Text.Length > 0).ToList();
        var result = new List<RedlineSegment>();
        var i = 0;
        while (i < segments.Count)
        {
            if (segments[i].Kind == RedlineSegmentKind.Unchanged)
            {
                result.Add(segments[i]);
                i++;
                continue;
            }

            // A run of changes, absorbing short unchanged connectors between changes.
            var deleted = new StringBuilder();
            var inserted = new StringBuilder();
            while (i < segments.Count)
            {
                var s = segments[i];
                if (s.Kind == RedlineSegmentKind.Deleted)
                {
                    deleted.Append(s.Text);
                }
                else if (s.Kind == RedlineSegmentKind.Inserted)
                {
                    inserted.Append(s.Text);
                }
                else if (i + 1 < segments.Count && segments[i + 1].Kind != RedlineSegmentKind.Unchanged && IsConnector(s.Text))
                {
                    deleted.Append(s.Text);
                    inserted.Append(s.Text);
                }
                else
                {
                    break;
                }

                i++;
            }

            if (deleted.Length > 0)
            {
                result.Add(new RedlineSegment(RedlineSegmentKind.Deleted, deleted.ToString()));
            }

            if (inserted.Length > 0)
            {
                result.Add(new RedlineSegment(RedlineSegmentKind.Inserted, inserted.ToString()));
            }
        }

        // Merge neighbours of the same kind.
        var merged = new List<RedlineSegment>();
        foreach (var s in result)
        {
            if (merged.Count > 0 && merged[merged.Count - 1].Kind == s.Kind)
            {
                merged[merged.Count - 1] = new RedlineSegment(s.Kind, merged[merged.Count - 1].Text + s.Text);
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    private static bool IsConnector(string text) => text.Trim().Length == 0;

    private static void Mark(StringBuilder sb, string text, string open, string close)
    {
        // Keep surrounding whitespace outside the markers: "~~ word~~" is not Markdown strikethrough.
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        sb.Append(text, 0, start);
        if (end > start)
        {
            sb.Append(open).Append(text, start, end - start).Append(close);
        }

        sb.Append(text, end, text.Length - end);
    }

    private static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string? RoleClass(RedlineLineRole role) => role switch
    {
        RedlineLineRole.TitleLine => "title-line",
        RedlineLineRole.Title => "title",
        RedlineLineRole.History => "history",
        RedlineLineRole.Formula => "formula",
        RedlineLineRole.GroupHeading => "heading",
        RedlineLineRole.Clause => "clause",
        RedlineLineRole.Footnote => "footnote",
        RedlineLineRole.AnnexHeading => "annex-heading",
        RedlineLineRole.AnnexTitle => "annex-title",
        RedlineLineRole.Paragraph => "paragraph",
        _ => null,
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Html(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Splits a text into words, runs of spaces and single other characters; their concatenation is the text.</summary>
    private sealed class WordTokenChunker : IChunker
    {
        public static readonly WordTokenChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                if (char.IsLetterOrDigit(text[i]))
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] == '-' || text[i] == '\'' || text[i] == '’') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                    {
                        i++;
                    }
                }
                else if (char.IsWhiteSpace(text[i]))
                {
                    while (i < text.Length && char.IsWhiteSpace(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }

                tokens.Add(text.Substring(start, i - start));
            }

            return tokens;
        }
    }

    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? Array.Empty<string>() : text.Split('\n');
    }
}
