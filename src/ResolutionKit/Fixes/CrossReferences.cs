using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionKit.Fixes;

/// <summary>Where a clause that a cross-reference names has gone: its group's heading and its key.</summary>
/// <param name="Heading">The heading of the group that now holds it.</param>
/// <param name="Key">Its key (<c>3</c>, <c>2.1</c>, <c>b</c>); empty when it is now the group's only, unlabelled clause.</param>
internal sealed record LabelTarget(string Heading, string Key);

/// <summary>How the clauses of one group of the source were renumbered or moved.</summary>
internal sealed class GroupMapping
{
    public GroupMapping(string oldHeading)
    {
        OldHeading = oldHeading;
    }

    public string OldHeading { get; }

    /// <summary>Old key → new place; null when the clause is gone (deleted, folded away or dropped).</summary>
    public Dictionary<string, LabelTarget?> Keys { get; } = new(StringComparer.Ordinal);

    public bool IsIdentity => Keys.All(k => k.Value is not null && k.Value.Key == k.Key && k.Value.Heading == OldHeading);
}

/// <summary>
/// Rewrites internal cross-references in clause text after clauses were renumbered, moved or removed:
/// "as set out in resolves 3", "referred to in instructs the Secretary-General 2.1", "considering b) above",
/// "paragraph 3 of resolves", "paragraphs 2 and 3 of instructs the Council".
/// </summary>
internal static class CrossReferences
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const string Label = @"(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]{1,2}\)|[ivx]{1,5}\))";
    private const string List = Label + @"(?:\s*(?:,\s*and|,|and|to|–|-)\s*" + Label + ")*";
    private static readonly Regex LabelToken = new(Label, RegexOptions.CultureInvariant, Timeout);

    /// <summary>Rewrites the references in <paramref name="text"/>; notes references to clauses that no longer exist.</summary>
    /// <param name="text">The clause text.</param>
    /// <param name="groups">The groups the text may refer to (those of the resolution it came from).</param>
    /// <param name="dangling">Receives a message for each reference to a clause that is gone.</param>
    public static string Rewrite(string text, IReadOnlyList<GroupMapping> groups, List<string> dangling)
    {
        var relevant = groups.Where(g => !g.IsIdentity && g.OldHeading.Length > 0).ToList();
        if (relevant.Count == 0 || !relevant.Any(g => text.IndexOf(g.OldHeading, StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return text;
        }

        // Longest heading first, so that "instructs the Secretary-General and the Directors" wins over "instructs the Secretary-General".
        var byHeading = new Dictionary<string, GroupMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var g in groups.Where(g => g.OldHeading.Length > 0))
        {
            if (!byHeading.ContainsKey(Normalize(g.OldHeading)))
            {
                byHeading[Normalize(g.OldHeading)] = g;
            }
        }

        var headings = string.Join("|", byHeading.Keys.OrderByDescending(h => h.Length).ThenBy(h => h, StringComparer.Ordinal).Select(h => Regex.Escape(h).Replace(@"\ ", @"\s+")));
        var notAnotherActor = @"(?!\s+and\s+(?:the\s+)?\p{Lu})";
        var after = new Regex(
            @"(?<![\p{L}-])(?<h>" + headings + @")\s+(?<list>" + List + @")(?!\.?\d)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            Timeout);
        var paragraph = new Regex(
            @"(?<![\p{L}-])(?<p>(?:sub-?)?paragraphs?|clauses?)\s+(?<list>" + List + @")\s+of\s+(?<h>" + headings + @")(?![\p{L}-])" + notAnotherActor,
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            Timeout);

        var edits = new List<(int Start, int Length, string Text)>();
        try
        {
            foreach (Match m in paragraph.Matches(text))
            {
                var replacement = Replace(m, byHeading, dangling, paragraphForm: true);
                if (replacement is not null)
                {
                    edits.Add((m.Index, m.Length, replacement));
                }
            }

            foreach (Match m in after.Matches(text))
            {
                if (edits.Any(e => m.Index < e.Start + e.Length && e.Start < m.Index + m.Length))
                {
                    continue;
                }

                var replacement = Replace(m, byHeading, dangling, paragraphForm: false);
                if (replacement is not null)
                {
                    edits.Add((m.Index, m.Length, replacement));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }

        if (edits.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
        {
            sb.Remove(start, length).Insert(start, replacement);
        }

        return sb.ToString();
    }

    private static string Normalize(string heading) => Regex.Replace(heading.Trim(), @"\s+", " ");

    private static string? Replace(Match m, Dictionary<string, GroupMapping> byHeading, List<string> dangling, bool paragraphForm)
    {
        var headingText = m.Groups["h"].Value;
        if (!byHeading.TryGetValue(Normalize(headingText), out var mapping))
        {
            return null;
        }

        var list = m.Groups["list"];
        var tokens = LabelToken.Matches(list.Value).Cast<Match>().ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var targets = new List<LabelTarget?>();
        var known = false;
        foreach (var token in tokens)
        {
            var key = token.Value.TrimEnd(')');
            if (mapping.Keys.TryGetValue(key, out var target))
            {
                known = true;
                targets.Add(target);
                if (target is null)
                {
                    dangling.Add($"\"{m.Value}\" refers to {headingText} {token.Value}, which no longer exists");
                }
            }
            else
            {
                targets.Add(new LabelTarget(mapping.OldHeading, key));
            }
        }

        if (!known)
        {
            return null;
        }

        var newHeading = targets.FirstOrDefault(t => t is not null)?.Heading ?? mapping.OldHeading;
        var headingOut = string.Equals(Normalize(newHeading), Normalize(mapping.OldHeading), StringComparison.OrdinalIgnoreCase) ? headingText : newHeading;

        // A single reference to a clause that is now its group's only (unlabelled) clause: name the group alone.
        if (tokens.Count == 1 && targets[0] is { Key.Length: 0 })
        {
            return paragraphForm ? headingOut : headingOut;
        }

        var sb = new StringBuilder(list.Value);
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var target = targets[i];
            if (target is null || target.Key.Length == 0)
            {
                continue;
            }

            var written = tokens[i].Value.EndsWith(")", StringComparison.Ordinal) ? target.Key + ")" : target.Key;
            sb.Remove(tokens[i].Index, tokens[i].Length).Insert(tokens[i].Index, written);
        }

        var newList = sb.ToString();
        string result;
        if (paragraphForm)
        {
            result = m.Value.Substring(0, list.Index - m.Index) + newList + m.Value.Substring(list.Index - m.Index + list.Length, m.Groups["h"].Index - (list.Index + list.Length)) + headingOut;
        }
        else
        {
            result = headingOut + m.Value.Substring(headingText.Length, list.Index - m.Index - headingText.Length) + newList;
        }

        return string.Equals(result, m.Value, StringComparison.Ordinal) ? null : result;
    }
}
