using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionKit.Testing;

/// <summary>A span marked in a test text: the rule expected to report it (null for the rule under test), and where.</summary>
/// <param name="RuleId">The rule named in <c>{|RKnnnn:...|}</c>; null for <c>[|...|]</c> (the rule under test).</param>
/// <param name="Offset">The 0-based offset of the span in the text without markup.</param>
/// <param name="Length">The length of the span.</param>
public sealed record MarkedSpan(string? RuleId, int Offset, int Length);

/// <summary>
/// A test text with its markup removed. <c>[|...|]</c> marks a finding of the rule under test,
/// <c>{|RK1234:...|}</c> a finding of a named rule. Markup may nest and may be empty (<c>[||]</c> marks a point).
/// </summary>
public sealed class MarkedText
{
    private static readonly Regex NamedOpen = new(@"\G\{\|(?<id>RK\d{4}):", RegexOptions.CultureInvariant);

    private MarkedText(string text, IReadOnlyList<MarkedSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The text without markup.</summary>
    public string Text { get; }

    /// <summary>The marked spans, in the order their markup opens.</summary>
    public IReadOnlyList<MarkedSpan> Spans { get; }

    /// <summary>Removes the markup from <paramref name="markup"/> and records the spans it marked.</summary>
    /// <param name="markup">The text with markup.</param>
    /// <exception cref="RuleTestException">The markup is unbalanced.</exception>
    public static MarkedText Parse(string markup)
    {
        if (markup is null)
        {
            throw new ArgumentNullException(nameof(markup));
        }

        var text = new StringBuilder(markup.Length);
        var spans = new List<(int Order, MarkedSpan Span)>();
        var open = new Stack<(char Kind, string? Id, int Start, int Order, int MarkupIndex)>();
        var order = 0;
        var i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push(('[', null, text.Length, order++, i));
                i += 2;
                continue;
            }

            if (markup[i] == '{' && NamedOpen.Match(markup, i) is { Success: true } named)
            {
                open.Push(('{', named.Groups["id"].Value, text.Length, order++, i));
                i += named.Length;
                continue;
            }

            if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                var kind = markup[i + 1] == ']' ? '[' : '{';
                if (open.Count == 0 || open.Peek().Kind != kind)
                {
                    var (line, column) = TextPositions.LineColumn(markup, i);
                    throw new RuleTestException($"Unbalanced markup: \"{markup.Substring(i, 2)}\" at {line}:{column} of the marked text closes nothing that is open.");
                }

                var o = open.Pop();
                spans.Add((o.Order, new MarkedSpan(o.Id, o.Start, text.Length - o.Start)));
                i += 2;
                continue;
            }

            text.Append(markup[i]);
            i++;
        }

        if (open.Count > 0)
        {
            var o = open.Peek();
            var (line, column) = TextPositions.LineColumn(markup, o.MarkupIndex);
            throw new RuleTestException($"Unbalanced markup: the markup opened at {line}:{column} of the marked text is never closed (close \"[|\" with \"|]\" and \"{{|RKnnnn:\" with \"|}}\").");
        }

        spans.Sort((a, b) => a.Order.CompareTo(b.Order));
        return new MarkedText(text.ToString(), spans.ConvertAll(s => s.Span));
    }

    /// <summary>
    /// Writes <paramref name="text"/> with markup around the given spans: <c>[|...|]</c> for spans of
    /// <paramref name="ruleUnderTest"/>, <c>{|RKnnnn:...|}</c> for the others. The inverse of <see cref="Parse"/>.
    /// </summary>
    /// <param name="text">The text without markup.</param>
    /// <param name="spans">The spans; a null rule id means the rule under test.</param>
    /// <param name="ruleUnderTest">The rule written as <c>[|...|]</c>.</param>
    public static string Format(string text, IEnumerable<MarkedSpan> spans, string? ruleUnderTest)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var events = new List<(int Position, int Kind, int Length, string Token)>();
        foreach (var s in spans ?? throw new ArgumentNullException(nameof(spans)))
        {
            var plain = s.RuleId is null || s.RuleId == ruleUnderTest;
            var start = Math.Max(0, Math.Min(s.Offset, text.Length));
            var end = Math.Max(start, Math.Min(s.Offset + s.Length, text.Length));

            var openToken = plain ? "[|" : "{|" + s.RuleId + ":";
            var closeToken = plain ? "|]" : "|}";
            if (start == end)
            {
                // A point: written as one token after the spans that open at the same position.
                events.Add((start, 1, 0, openToken + closeToken));
                continue;
            }

            // At one position: closes first (inner before outer), then opens (outer before inner).
            events.Add((end, 0, end - start, closeToken));
            events.Add((start, 1, end - start, openToken));
        }

        events.Sort((a, b) =>
        {
            var c = a.Position.CompareTo(b.Position);
            if (c != 0)
            {
                return c;
            }

            c = a.Kind.CompareTo(b.Kind);
            if (c != 0)
            {
                return c;
            }

            return a.Kind == 0 ? a.Length.CompareTo(b.Length) : b.Length.CompareTo(a.Length);
        });

        var sb = new StringBuilder(text.Length + (events.Count * 4));
        var at = 0;
        foreach (var e in events)
        {
            sb.Append(text, at, e.Position - at);
            sb.Append(e.Token);
            at = e.Position;
        }

        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
}
