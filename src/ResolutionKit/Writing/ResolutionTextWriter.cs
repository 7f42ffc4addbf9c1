using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ResolutionKit.Internal;
using ResolutionKit.Model;

namespace ResolutionKit.Writing;

/// <summary>
/// Writes a resolution in the canonical text layout (<c>docs/text-format.md</c>): one clause per line, a tab after
/// each label, blank lines between groups, LF line endings. Reading the output gives back the same model.
/// </summary>
public static class ResolutionTextWriter
{
    /// <summary>Writes the resolution to a string.</summary>
    /// <param name="resolution">The resolution.</param>
    public static string Write(Resolution resolution)
    {
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture) { NewLine = "\n" })
        {
            WriteBlocks(resolution, writer);
        }

        // Every block is followed by a blank line; the text ends with exactly one newline, as canonical files do.
        while (sb.Length > 1 && sb[sb.Length - 1] == '\n' && sb[sb.Length - 2] == '\n')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <summary>Writes the resolution to a writer.</summary>
    /// <param name="resolution">The resolution.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(Resolution resolution, TextWriter writer) => writer.Write(Write(resolution));

    private static void WriteBlocks(Resolution resolution, TextWriter writer)
    {
        // Text the reader could not place is written back where it stood (front matter before the title line, notes
        // such as "Reasons:" after the operative part), so that reading the output again places it the same way.
        var titleLine = resolution.Span?.Line ?? 0;
        var lastLine = resolution.Clauses().Select(c => c.Clause.Span?.Line ?? 0).DefaultIfEmpty(0).Max();
        lastLine = Math.Max(lastLine, resolution.Groups.Select(g => g.Span?.Line ?? 0).DefaultIfEmpty(0).Max());
        var before = resolution.Unplaced.Where(p => p.Span is { } s && s.Line < titleLine).ToList();
        var after = resolution.Unplaced.Where(p => p.Span is { } s && s.Line > titleLine && lastLine > 0 && s.Line > lastLine).ToList();
        var middle = resolution.Unplaced.Where(p => !before.Contains(p) && !after.Contains(p)).ToList();
        WriteParagraphs(before, writer);
        writer.Write(resolution.TitleLine ?? TitleLineOf(resolution));
        writer.Write('\n');
        writer.Write('\n');
        writer.Write(resolution.Title);
        writer.Write('\n');
        writer.Write('\n');
        if (!resolution.History.IsEmpty)
        {
            writer.Write(HistoryLineOf(resolution));
            writer.Write("\n\n");
        }

        if (resolution.ConferenceFormula is not null)
        {
            writer.Write(resolution.ConferenceFormula);
            writer.Write("\n\n");
        }

        WriteParagraphs(middle, writer);

        foreach (var group in resolution.Groups)
        {
            writer.Write(group.Heading);
            writer.Write('\n');
            for (var i = 0; i < group.Clauses.Count; i++)
            {
                // An unlabelled clause after another clause is set off by a blank line, or it would read as a continuation.
                if (i > 0 && group.Clauses[i].Label.Length == 0)
                {
                    writer.Write('\n');
                }

                WriteClause(group.Clauses[i], writer);
            }

            writer.Write('\n');
        }

        WriteParagraphs(after, writer);
        if (!resolution.Footnotes.IsEmpty)
        {
            foreach (var f in resolution.Footnotes)
            {
                writer.Write(Superscripts.FromPlain(f.Marker) + "\t" + f.Text);
                writer.Write('\n');
            }

            writer.Write('\n');
        }

        foreach (var annex in resolution.Annexes)
        {
            writer.Write(annex.Heading);
            writer.Write("\n\n");
            if (annex.Title is not null)
            {
                writer.Write(annex.Title);
                writer.Write("\n\n");
            }

            foreach (var p in annex.Paragraphs)
            {
                writer.Write(p.Text);
                writer.Write("\n\n");
            }
        }
    }

    private static void WriteParagraphs(IReadOnlyList<Paragraph> paragraphs, TextWriter writer)
    {
        if (paragraphs.Count == 0)
        {
            return;
        }

        foreach (var p in paragraphs)
        {
            writer.Write(p.Text);
            writer.Write('\n');
        }

        writer.Write('\n');
    }

    /// <summary>
    /// The history line: as written when it still reads as the model's history (in the text's language), otherwise
    /// derived, e.g. "(Busan, 2014; Rev. Dubai, 2018; Rev. Bucharest, 2022)".
    /// </summary>
    /// <param name="resolution">The resolution.</param>
    public static string HistoryLineOf(Resolution resolution)
    {
        if (resolution.HistoryLine is { } written && Reading.Text.RevisionParser.ParseHistory(written) is { } parsed && parsed.SequenceEqual(resolution.History))
        {
            return written;
        }

        return "(" + string.Join("; ", resolution.History.Select(h => h.ToString())) + ")";
    }

    /// <summary>The title line derived from the model, e.g. "RESOLUTION 191 (REV. BUCHAREST, 2022)".</summary>
    /// <param name="resolution">The resolution.</param>
    public static string TitleLineOf(Resolution resolution)
    {
        var word = resolution.Id.Kind.ToString().ToUpperInvariant();
        var line = word + " " + resolution.Id.Number;
        if (resolution.Revision is not null)
        {
            var rev = resolution.Revision.ToString();
            line += " (" + (resolution.Id.Body.Code == Body.Plenipotentiary.Code ? rev.ToUpperInvariant() : rev) + ")";
        }

        return line;
    }

    /// <summary>The canonical line of one clause (without its sub-clauses).</summary>
    /// <param name="clause">The clause.</param>
    public static string ClauseLine(Clause clause) => clause.Label.Length == 0 ? clause.Text : clause.Label + "\t" + clause.Text;

    private static void WriteClause(Clause clause, TextWriter writer)
    {
        writer.Write(ClauseLine(clause));
        writer.Write('\n');
        foreach (var sub in clause.SubClauses)
        {
            WriteClause(sub, writer);
        }
    }
}
