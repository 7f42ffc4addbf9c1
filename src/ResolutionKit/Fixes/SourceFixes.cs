using System;
using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Model;

namespace ResolutionKit.Fixes;

/// <summary>A replacement in a source text: <see cref="Length"/> characters at <see cref="Offset"/> become <see cref="NewText"/>.</summary>
/// <param name="Offset">The 0-based offset in the source text.</param>
/// <param name="Length">The number of characters replaced.</param>
/// <param name="NewText">The text put in their place.</param>
public sealed record TextReplacement(int Offset, int Length, string NewText);

/// <summary>
/// Maps a fix, made on the model, onto the text the model was read from, so that an editor or a SARIF viewer can apply
/// it to the file as written (its layout, page furniture and notes untouched). A fix maps only when every edit lands on
/// source text that reads exactly as the model says; otherwise it does not map, and the fix is applied through the
/// model and the writer (<c>reskit fix</c>) instead.
/// </summary>
public static class SourceFixes
{
    /// <summary>
    /// The replacements in <paramref name="source"/> that make the fix, in source order and not overlapping; null when
    /// the fix cannot be made on the text as written. The fix is applied to the model (with everything that follows
    /// from it: relabelling, punctuation, cross-references, a group left empty), each change is mapped onto the lines it
    /// came from, and the replacements are kept only when the text they produce reads back to exactly the fixed model.
    /// So an insertion, a node not read from this text, or source text that differs from the model (after
    /// normalization, or with a note or page furniture in the way) gives null, never a wrong edit.
    /// </summary>
    /// <param name="resolution">The resolution the fix was reported on, as read from <paramref name="source"/>.</param>
    /// <param name="fix">The fix.</param>
    /// <param name="source">The text the resolution was read from (<see cref="Reading.ResolutionTextReader.ReadText(string)"/>).</param>
    /// <param name="options">The reader options the resolution was read with.</param>
    public static IReadOnlyList<TextReplacement>? TryMap(Resolution resolution, Fix fix, string source, Reading.ReaderOptions? options = null)
    {
        if (resolution is null || fix is null || source is null)
        {
            throw new ArgumentNullException(resolution is null ? nameof(resolution) : fix is null ? nameof(fix) : nameof(source));
        }

        if (fix.Edits.IsEmpty || resolution.Span is null)
        {
            return null;
        }

        var result = FixApplier.Apply(resolution, new[] { fix });
        if (result.Applied.Count != 1 || !result.HasChanges)
        {
            return null;
        }

        var before = resolution.Clauses().ToDictionary(c => c.Address, StringComparer.Ordinal);
        var after = result.Resolution.Clauses().ToDictionary(c => c.Address, StringComparer.Ordinal);
        var groupsBefore = resolution.GroupNodes().ToDictionary(g => g.Address, g => g.Group, StringComparer.Ordinal);
        var replacements = new List<TextReplacement>();
        foreach (var change in result.Changes)
        {
            var ok = change.Kind switch
            {
                ChangeKind.Modified or ChangeKind.Relabelled =>
                    change.OldAddress is { } o && change.NewAddress is { } n && before.TryGetValue(o, out var old) && after.TryGetValue(n, out var now)
                    && Relabel(old.Clause, now.Clause.Label, source, replacements) && (old.Clause.Text == now.Clause.Text || Text(fix, o, old.Clause, now.Clause.Text, source, replacements)),
                ChangeKind.Deleted => change.OldAddress is { } o && before.TryGetValue(o, out var gone) && Add(Delete(gone.Clause, source), replacements),
                ChangeKind.GroupHeadingChanged => change.OldAddress is { } o && groupsBefore.TryGetValue(o, out var g) && change.NewText is { } heading && Add(Heading(g, heading, source), replacements),
                ChangeKind.GroupRemoved => change.OldAddress is { } o && groupsBefore.TryGetValue(o, out var g) && Add(RemoveHeading(g, source), replacements),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        // A sub-clause deleted with its parent lies inside the parent's lines; a removed heading may share a line with its clause.
        replacements.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        var kept = new List<TextReplacement>(replacements.Count);
        foreach (var r in replacements)
        {
            if (kept.Count > 0 && kept[^1] is var last && r.Offset < last.Offset + last.Length)
            {
                if (r.NewText.Length == 0 && last.NewText.Length == 0)
                {
                    kept[^1] = last with { Length = Math.Max(last.Offset + last.Length, r.Offset + r.Length) - last.Offset };
                    continue;
                }

                return null;
            }

            kept.Add(r);
        }

        return ReadsAs(Apply(source, kept), result.Resolution, options) ? kept : null;
    }

    /// <summary>Applies replacements (as returned by <see cref="TryMap"/>) to a text.</summary>
    /// <param name="source">The text.</param>
    /// <param name="replacements">Non-overlapping replacements.</param>
    public static string Apply(string source, IEnumerable<TextReplacement> replacements)
    {
        var sb = new System.Text.StringBuilder(source.Length);
        var at = 0;
        foreach (var r in replacements.OrderBy(r => r.Offset))
        {
            sb.Append(source, at, r.Offset - at).Append(r.NewText);
            at = r.Offset + r.Length;
        }

        return sb.Append(source, at, source.Length - at).ToString();
    }

    /// <summary>A range of a clause's text, when the source reads the same there (line breaks of a wrapped clause count as one space).</summary>
    private static TextReplacement? Replace(Clause clause, int start, int length, string oldText, string newText, string source)
    {
        if (clause.TextMap is null || start < 0 || length < 0 || start + length > clause.Text.Length || string.CompareOrdinal(clause.Text, start, oldText, 0, Math.Max(length, oldText.Length)) != 0)
        {
            return null;
        }

        if (length == 0)
        {
            // An insertion: at the source position of the character it precedes (or follows, at the end).
            var at = start < clause.Text.Length ? clause.TextMap.Locate(start, 1) : clause.TextMap.Locate(start - 1, 1);
            return at is null ? null : new TextReplacement(start < clause.Text.Length ? at.Offset : at.Offset + at.Length, 0, newText);
        }

        var span = clause.TextMap.Locate(start, length);
        if (span is null || span.Offset < 0 || span.Offset + span.Length > source.Length || !SameText(source.Substring(span.Offset, span.Length), oldText))
        {
            return null;
        }

        return new TextReplacement(span.Offset, span.Length, newText);
    }

    /// <summary>
    /// A clause's new text: the fix's own ranges when they make it exactly (so a replaced word is that word, in any
    /// script), otherwise the part that changed.
    /// </summary>
    private static bool Text(Fix fix, string address, Clause clause, string newText, string source, List<TextReplacement> replacements)
    {
        var own = fix.Edits.OfType<ReplaceText>().Where(r => r.Address == address).OrderBy(r => r.Start).ToList();
        if (own.Count > 0)
        {
            var sb = new System.Text.StringBuilder();
            var at = 0;
            foreach (var r in own)
            {
                if (r.Start < at || r.Start + r.Length > clause.Text.Length)
                {
                    break;
                }

                sb.Append(clause.Text, at, r.Start - at).Append(r.NewText);
                at = r.Start + r.Length;
            }

            if (at <= clause.Text.Length && sb.Append(clause.Text, at, clause.Text.Length - at).ToString() == newText)
            {
                var mapped = own.Select(r => Replace(clause, r.Start, r.Length, r.OldText, r.NewText, source)).ToList();
                if (mapped.All(m => m is not null))
                {
                    replacements.AddRange(mapped!);
                    return true;
                }
            }
        }

        return Add(ReplaceWhole(clause, newText, source), replacements);
    }

    /// <summary>The whole text of a clause: only the part that changes is replaced, so the rest keeps its layout.</summary>
    private static TextReplacement? ReplaceWhole(Clause clause, string newText, string source)
    {
        var old = clause.Text;
        var prefix = 0;
        while (prefix < old.Length && prefix < newText.Length && old[prefix] == newText[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < newText.Length - prefix && old[old.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
        {
            suffix++;
        }

        // Whole words, so that the replacement reads as the change a person would make.
        while (prefix > 0 && InWord(old[prefix - 1]))
        {
            prefix--;
        }

        while (suffix > 0 && InWord(old[old.Length - suffix]))
        {
            suffix--;
        }

        return Replace(clause, prefix, old.Length - prefix - suffix, old.Substring(prefix, old.Length - prefix - suffix), newText.Substring(prefix, newText.Length - prefix - suffix), source);
    }

    /// <summary>
    /// A clause and its sub-clauses, as whole lines with the blank lines after them, when those lines hold nothing else
    /// (no note, page furniture or other clause would go with it).
    /// </summary>
    private static TextReplacement? Delete(Clause clause, string source)
    {
        if (clause.Span is not { } span)
        {
            return null;
        }

        var covered = new List<(int Start, int End)>();
        if (!Cover(clause, covered))
        {
            return null;
        }

        var end = covered.Max(c => c.End);
        if (span.Offset < 0 || end > source.Length)
        {
            return null;
        }

        bool Covered(int i) => covered.Any(c => i >= c.Start && i < c.End);
        var lineStart = LineStart(source, span.Offset);
        var lineEnd = LineEnd(source, end);
        var ownLines = true;
        for (var i = lineStart; i < lineEnd && ownLines; i++)
        {
            // A bullet a web page put before the label goes with the clause; anything else keeps it on its line.
            ownLines = char.IsWhiteSpace(source[i]) || Covered(i) || (i < span.Offset && source[i] is '•' or '·' or '▪' or '◦' or '–' or '-');
        }

        if (!ownLines)
        {
            // A clause sharing its line (a flattened text): the clause and the spaces after it, when nothing else is inside.
            for (var i = span.Offset; i < end; i++)
            {
                if (!char.IsWhiteSpace(source[i]) && !Covered(i))
                {
                    return null;
                }
            }

            var stop = end;
            while (stop < source.Length && source[stop] is ' ' or '\t')
            {
                stop++;
            }

            return new TextReplacement(span.Offset, stop - span.Offset, string.Empty);
        }

        return WholeLines(source, lineStart, lineEnd);
    }

    /// <summary>The source ranges a clause was read from: its label and its text, and those of its sub-clauses.</summary>
    private static bool Cover(Clause clause, List<(int Start, int End)> covered)
    {
        if (clause.Span is not { } span || clause.TextMap is null)
        {
            return false;
        }

        // The label starts the clause's span; the text follows it on the same line.
        var textStart = clause.TextMap.Segments.IsEmpty ? span.Offset + span.Length : clause.TextMap.Segments[0].SourceOffset;
        covered.Add((span.Offset, Math.Max(span.Offset + span.Length, textStart)));
        foreach (var segment in clause.TextMap.Segments)
        {
            covered.Add((segment.SourceOffset, segment.SourceOffset + segment.Length));
        }

        return clause.SubClauses.All(s => Cover(s, covered));
    }

    /// <summary>A letter or digit of a script that separates words with spaces (not Chinese, where every character stands alone).</summary>
    private static bool InWord(char c) => char.IsLetterOrDigit(c) && !(c >= '\u2E80' && c <= '\u9FFF') && !(c >= '\uF900' && c <= '\uFAFF');

    private static bool Add(TextReplacement? replacement, List<TextReplacement> replacements)
    {
        if (replacement is null)
        {
            return false;
        }

        replacements.Add(replacement);
        return true;
    }

    /// <summary>A label as written at the start of the clause's span (<c>3</c> for <c>2</c>, <c>b)</c> for <c>c)</c>).</summary>
    private static bool Relabel(Clause clause, string label, string source, List<TextReplacement> replacements)
    {
        if (clause.Label == label)
        {
            return true;
        }

        if (clause.Span is { } at && clause.Label.Length == 0 && at.Offset <= source.Length)
        {
            // An unlabelled clause that gains a label (its group was relabelled): the label goes before it, as written out.
            replacements.Add(new TextReplacement(at.Offset, 0, Writing.ResolutionTextWriter.ClauseLine(new Clause(label, string.Empty))));
            return true;
        }

        if (clause.Span is not { } span || clause.Label.Length == 0
            || span.Offset + clause.Label.Length > source.Length || string.CompareOrdinal(source, span.Offset, clause.Label, 0, clause.Label.Length) != 0)
        {
            return false;
        }

        // A single remaining clause loses its label, and the space that set the label off goes with it.
        var length = clause.Label.Length;
        while (label.Length == 0 && span.Offset + length < source.Length && source[span.Offset + length] is ' ' or '\t')
        {
            length++;
        }

        replacements.Add(new TextReplacement(span.Offset, length, label));
        return true;
    }

    private static TextReplacement? Heading(Group group, string heading, string source)
    {
        if (group.Span is not { } span || span.Offset < 0 || span.Offset + group.Heading.Length > source.Length
            || string.CompareOrdinal(source, span.Offset, group.Heading, 0, group.Heading.Length) != 0)
        {
            return null;
        }

        return new TextReplacement(span.Offset, group.Heading.Length, heading);
    }

    /// <summary>The line of a group's heading, when it holds only the heading, with the blank lines after it.</summary>
    private static TextReplacement? RemoveHeading(Group group, string source)
    {
        if (group.Span is not { } span || span.Offset < 0 || span.Offset + group.Heading.Length > source.Length
            || string.CompareOrdinal(source, span.Offset, group.Heading, 0, group.Heading.Length) != 0)
        {
            return null;
        }

        var start = LineStart(source, span.Offset);
        var end = LineEnd(source, span.Offset + group.Heading.Length);
        for (var i = start; i < end; i++)
        {
            var inHeading = i >= span.Offset && i < span.Offset + group.Heading.Length;
            var furniture = char.IsWhiteSpace(source[i]) || source[i] is ',' or ':' or '،' or '，' or '：' || (i < span.Offset && source[i] is '•' or '·' or '▪' or '◦' or '–' or '-');
            if (!inHeading && !furniture)
            {
                // The heading shares its line with its clause (a flattened text): the heading and what sets it off.
                var stop = span.Offset + group.Heading.Length;
                while (stop < source.Length && (source[stop] is ' ' or '\t' or ',' or ':' or '،' or '，' or '：'))
                {
                    stop++;
                }

                return new TextReplacement(span.Offset, stop - span.Offset, string.Empty);
            }
        }

        return WholeLines(source, start, end);
    }

    /// <summary>
    /// Deletes whole lines [<paramref name="start"/>, <paramref name="end"/>) and the blank lines that separated them from
    /// what follows, unless they are the last thing in the text.
    /// </summary>
    private static TextReplacement WholeLines(string source, int start, int end)
    {
        var after = end;
        while (after < source.Length && IsBlankLine(source, after, out var next))
        {
            after = next;
        }

        return new TextReplacement(start, (after < source.Length ? after : end) - start, string.Empty);
    }

    /// <summary>Whether a text reads back to the fixed model: the instrument at its address writes as the model does.</summary>
    private static bool ReadsAs(string text, Resolution expected, Reading.ReaderOptions? options)
    {
        var read = Reading.ResolutionTextReader.ReadAll(text, expected.SourcePath, options);
        var same = read.Select(r => r.Value).Where(r => r is not null && r.Address == expected.Address && r.Language == expected.Language).ToList();
        return same.Count == 1 && Writing.ResolutionTextWriter.Write(same[0]!) == Writing.ResolutionTextWriter.Write(expected);
    }

    /// <summary>Equal but for the line breaks and indentation of a wrapped line, which the model reads as one space.</summary>
    private static bool SameText(string source, string model)
    {
        if (source == model)
        {
            return true;
        }

        var i = 0;
        var j = 0;
        while (i < source.Length && j < model.Length)
        {
            if (char.IsWhiteSpace(source[i]) && char.IsWhiteSpace(model[j]))
            {
                while (i < source.Length && char.IsWhiteSpace(source[i]))
                {
                    i++;
                }

                while (j < model.Length && char.IsWhiteSpace(model[j]))
                {
                    j++;
                }

                continue;
            }

            if (source[i] != model[j])
            {
                return false;
            }

            i++;
            j++;
        }

        return i == source.Length && j == model.Length;
    }

    private static int LineStart(string source, int offset)
    {
        var i = Math.Min(offset, source.Length);
        while (i > 0 && source[i - 1] != '\n')
        {
            i--;
        }

        return i;
    }

    /// <summary>The offset just after the line break that ends the line holding <paramref name="offset"/> (or the end of the text).</summary>
    private static int LineEnd(string source, int offset)
    {
        if (offset > 0 && source[offset - 1] == '\n')
        {
            return offset;
        }

        var nl = source.IndexOf('\n', offset);
        return nl < 0 ? source.Length : nl + 1;
    }

    private static bool IsBlankLine(string source, int start, out int next)
    {
        var nl = source.IndexOf('\n', start);
        var end = nl < 0 ? source.Length : nl + 1;
        next = end;
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(source[i]))
            {
                return false;
            }
        }

        return end > start;
    }
}
