using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests.Testing;

/// <summary>The markup RuleTester reads: [|...|] and {|RKnnnn:...|}, nested or empty.</summary>
public sealed class MarkedTextTests
{
    [Fact]
    public void PlainAndNamedMarkup_ShouldGiveSpansInTheStrippedText()
    {
        var marked = MarkedText.Parse("a [|bc|] d {|RK1203:ef|} g");

        Assert.Equal("a bc d ef g", marked.Text);
        Assert.Equal(new[] { new MarkedSpan(null, 2, 2), new MarkedSpan("RK1203", 7, 2) }, marked.Spans);
    }

    [Fact]
    public void NestedAndEmptyMarkup_ShouldBeKept()
    {
        var marked = MarkedText.Parse("[|a{|RK0001:b|}[||]c|]");

        Assert.Equal("abc", marked.Text);
        Assert.Equal(new[] { new MarkedSpan(null, 0, 3), new MarkedSpan("RK0001", 1, 1), new MarkedSpan(null, 2, 0) }, marked.Spans);
    }

    [Theory]
    [InlineData("line one\nline [|two", "2:6")]
    [InlineData("one |] two", "1:5")]
    [InlineData("[|one|}", "1:6")]
    public void UnbalancedMarkup_ShouldNameWhere(string markup, string where)
    {
        var e = Assert.Throws<RuleTestException>(() => MarkedText.Parse(markup));

        Assert.Contains(where, e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutMarkup_ShouldBeUnchanged()
    {
        var marked = MarkedText.Parse("resolves\n1\tto act {in} [the] |matter|.");

        Assert.Equal("resolves\n1\tto act {in} [the] |matter|.", marked.Text);
        Assert.Empty(marked.Spans);
    }

    public static Arbitrary<(string Text, MarkedSpan[] Spans)> TextsWithNestedSpans()
    {
        var gen =
            from text in Gen.Elements("resolves to act", "instructs Member States", "a", "considering that the Union")
            from count in Gen.Choose(0, 3)
            from starts in Gen.ListOf(Gen.Choose(0, text.Length), count)
            from id in Gen.Elements<string?>(null, "RK1234")
            select (text, starts.Distinct().OrderBy(s => s).Select((s, i) => new MarkedSpan(i % 2 == 0 ? null : id, s, text.Length - s)).ToArray());
        return Arb.From(gen);
    }

    [Property(Arbitrary = new[] { typeof(MarkedTextTests) })]
    public void Format_ShouldBeTheInverseOfParse((string Text, MarkedSpan[] Spans) input)
    {
        var markup = MarkedText.Format(input.Text, input.Spans, "RK9999");
        var parsed = MarkedText.Parse(markup);

        Assert.Equal(input.Text, parsed.Text);
        Assert.Equal(input.Spans.OrderBy(s => s.Offset).ThenByDescending(s => s.Length), parsed.Spans.OrderBy(s => s.Offset).ThenByDescending(s => s.Length));
    }
}
