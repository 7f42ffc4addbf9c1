using System;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Internal;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// The letters a tiered expression requires before it searches a text (<see cref="TieredRegex.Literal"/>): in every
/// match, or the search would miss it.
/// </summary>
public class RequiredLiteralTests
{
    [Theory]
    [InlineData(@"\b(?:on\s+)?(?:the\s+)?progress\s+(?:made|achieved)\b", "progress")]
    [InlineData(@"\bto\s+(?:continue\s+to\s+)?report\b", "report")]
    [InlineData(@"\breports?\s+annually", "annually")]
    [InlineData(@"\breports?\b", "report")]
    [InlineData(@"\bsessions*\s+of", "session")]
    [InlineData(@"[abc]def", "def")]
    [InlineData(@"[(]abcd[)]", "abcd")]
    [InlineData(@"\p{Lu}abc\k<name>", "abc")]
    [InlineData(@"abc+d", "abc")]
    [InlineData(@"представ(?:ить|лять)\s+доклад", "представ")]
    [InlineData(@"向[^,;。]{0,8}?理事会", "理事会")]
    [InlineData(@"(?:提交|提出)[^,;。]{0,12}?报告", null)]
    [InlineData(@"\bannually\b|\bregularly\b", null)]
    [InlineData(@"(?<year>(?:19|20)\d{2})", null)]
    [InlineData(@"(?!\s+of\b)reportx{2}", "report")]
    [InlineData(@"\bab\b", null)]
    public void RequiredLiteral_ShouldBeTheLongestPlainRunOutsideGroups(string pattern, string? expected) =>
        Assert.Equal(expected, TieredRegex.RequiredLiteral(pattern));

    /// <summary>Pieces of patterns over a small alphabet: letters, optional and repeated letters, groups, alternatives, classes.</summary>
    private static readonly Gen<string> Piece = Gen.Elements(
        "a", "b", "ab", "ba", "abc", "a?", "b*", "c+", "a{2}", "b{0,2}", "(?:ab)?", "(?:a|b)", "(?:abc|b)", "[ab]", "[^a]", "\\s", "\\s+",
        "\\b", ".", "(?!a)", "(?<n>ba)", "(?:c)*", " ", "abca", "cab", "|");

    private static readonly Gen<string> Patterns = Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Piece, n)).Select(p => string.Concat(p));

    private static readonly Gen<string> Texts = Gen.Choose(0, 24).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'A', 'B', ' '), n)).Select(c => new string(c));

    /// <summary>On random patterns and texts: a text the pattern matches holds the pattern's letters; and nothing throws.</summary>
    [Property(MaxTest = 3000)]
    public Property AMatch_ShouldHoldTheLiteral_OnRandomPatterns() =>
        Prop.ForAll(Patterns.ToArbitrary(), Texts.ToArbitrary(), (pattern, text) =>
        {
            var literal = TieredRegex.RequiredLiteral(pattern);
            var matches = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase).IsMatch(text);
            Assert.True(!matches || literal is null || text.Contains(literal, StringComparison.OrdinalIgnoreCase), $"/{pattern}/ matches \"{text}\" without \"{literal}\"");
        });

    /// <summary>Any string at all, a pattern or not, gets an answer and no exception.</summary>
    [Property(MaxTest = 1000)]
    public Property AnyString_ShouldGiveAnAnswer() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => { _ = TieredRegex.RequiredLiteral(s ?? string.Empty); });

    /// <summary>
    /// For every time and reporting pattern of the six phrase tables, on every line of the fixtures and samples: a line
    /// the pattern matches holds its literal.
    /// </summary>
    [Fact]
    public void EveryMatchOfAPhraseTablePattern_ShouldHoldItsLiteral()
    {
        var lines = TestPaths.FixtureAndSampleLines()
            .Select(Normalizer.Fold)
            .ToList();
        int gated = 0, matched = 0;
        foreach (var language in new[] { "en", "fr", "es", "ru", "ar", "zh" })
        {
            var t = PhraseTable.ForLanguage(language)!;
            var patterns = t.ConferencePatterns.Concat(t.CouncilSessionPatterns).Concat(t.DeadlinePatterns).Concat(t.PlanPatterns).Concat(t.DatedPatterns)
                .Concat(t.ReportRequestPatterns).Concat(t.ReportToCouncilPatterns).Concat(t.ReportToConferencePatterns).Concat(t.GenericSubjectPatterns)
                .Select(p => p.Replace("{body}", "(?<body>Conference|Council|Conférence|Conseil)"));
            foreach (var pattern in patterns)
            {
                var literal = TieredRegex.RequiredLiteral(pattern);
                if (literal is null)
                {
                    continue;
                }

                gated++;
                var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
                foreach (var line in lines.Where(l => regex.IsMatch(l)))
                {
                    matched++;
                    Assert.True(line.Contains(literal, StringComparison.OrdinalIgnoreCase), $"{language}: /{pattern}/ matches a line without \"{literal}\": {line}");
                }
            }
        }

        Assert.True(gated > 30, $"only {gated} patterns have a literal");
        Assert.True(matched > 100, $"only {matched} matches checked");
    }
}
