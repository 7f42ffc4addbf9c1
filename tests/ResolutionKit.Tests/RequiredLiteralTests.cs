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
/// The letters an expression requires before it searches a text (<see cref="LiteralScreen.RequiredLiterals"/>, one run
/// per top-level alternative): in every match, or the search would miss it; and the screen that looks for them
/// (<see cref="LiteralScreen"/>) lets every text through that the expression matches.
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
    [InlineData(@"\bannually\b|\bregularly\b", "annually|regularly")]
    [InlineData(@"within (?:the )?budget|within the limits of|\bab\b", null)]
    [InlineData(@"within (?:the )?budget|within the limits of", "within|within")]
    [InlineData(@"(?<year>(?:19|20)\d{2})", null)]
    [InlineData(@"(?!\s+of\b)reportx{2}", "report")]
    [InlineData(@"\bab\b", null)]
    [InlineData(@"\x41bcd|\u0041bcd", "bcd|bcd")]
    [InlineData(@"\cJabcd", "abcd")]
    [InlineData(@"(?x) \d+ \# number", null)]
    [InlineData(@"(?ix: a b c )abc", null)]
    [InlineData(@"(?i)report", "report")]
    public void RequiredLiterals_ShouldBeTheLongestPlainRunOfEachAlternative(string pattern, string? expected) =>
        Assert.Equal(expected, LiteralScreen.RequiredLiterals(pattern) is { } found ? string.Join("|", found) : null);

    [Fact]
    public void Screen_ShouldLeaveOutALiteralThatHoldsAnother()
    {
        var screen = LiteralScreen.Create(new[] { "vice-chairman", "chairman", "Chairmen" }, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)!;
        Assert.Equal(new[] { "chairman", "Chairmen" }, screen.Literals);
        Assert.True(screen.MayHold("the VICE-CHAIRMAN of"));
        Assert.False(screen.MayHold("the vice-chair of"));
    }

    /// <summary>Literals that share five letters or more are searched for by what they share: fewer passes over a text.</summary>
    [Fact]
    public void Screen_ShouldSearchForWhatLiteralsShare()
    {
        var screen = LiteralScreen.Create(new[] { "chairmen", "chairman", "chairmanship", "manpower" }, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)!;
        Assert.Equal(new[] { "chairm", "manpower" }, screen.Literals);
        Assert.True(screen.MayHold("the Vice-Chairmen of"));
        Assert.True(screen.MayHold("MANPOWER"));
        Assert.False(screen.MayHold("the chair of the group"));
        Assert.Null(LiteralScreen.Create(new[] { "Secretary", "Standardisation", "Communication", "Development", "Standardization" }, RegexOptions.IgnoreCase));
    }

    /// <summary>A pattern that is one group as a whole has the group's alternatives' letters.</summary>
    [Theory]
    [InlineData(@"(?:chairmen|vice-chairman|manpower)", "chairmen|chairman|manpower")]
    [InlineData(@"(?:member\ states|sector\ members)", "member|members")]
    [InlineData(@"(?:ab|cd)e|xyz", null)]
    [InlineData(@"(?:report|reports)+", null)]
    [InlineData(@"(?:[)]report)", "report")]
    public void AWholeGroup_ShouldBeReadAsItsAlternatives(string pattern, string? expected) =>
        Assert.Equal(expected, LiteralScreen.RequiredLiterals(pattern) is { } found ? string.Join("|", found) : null);

    [Fact]
    public void Screen_ShouldNotBeMade_ForTooManyLiterals_OrAnEmptyOne() =>
        Assert.All(
            new[] { new[] { "alpha", "beta", "gamma" }, new[] { "alpha", string.Empty }, Array.Empty<string>() },
            literals => Assert.Null(LiteralScreen.Create(literals, RegexOptions.IgnoreCase)));

    [Fact]
    public void Screen_ShouldLetThrough_TheCharactersTheEngineTakesForALetter()
    {
        // The Kelvin sign is a k to the regex engine ignoring case, not to ordinal comparison.
        var text = "the \u212Aey issues";
        var regex = new Regex("key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        Assert.Matches(regex, text);
        Assert.True(LiteralScreen.Create(new[] { "key" }, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)!.MayHold(text));
        Assert.False(LiteralScreen.Create(new[] { "key" }, RegexOptions.CultureInvariant)!.MayHold(text));
    }

    /// <summary>
    /// What the screen's soundness rests on, for every cased character of the basic plane: a character the regex engine
    /// takes for it ignoring case either is equal to it ignoring case, ordinally, or is one of the unstable characters
    /// the screen asks the engine about (<see cref="LiteralScreen.Unstable"/>).
    /// </summary>
    [Fact]
    public void EveryCharacterTheEngineTakesForAnother_ShouldBeOrdinallyEqualIgnoringCase_OrUnstable()
    {
        var unstable = LiteralScreen.Unstable.Value;
        var cased = Enumerable.Range(1, 0xFFFF).Select(i => (char)i)
            .Where(c => !char.IsSurrogate(c) && (char.ToLowerInvariant(c) != c || char.ToUpperInvariant(c) != c)).ToArray();
        var casedText = new string(cased);

        // No character without case forms is taken for a stable one with them (ß is taken for the unstable ẞ only).
        var all = new string(Enumerable.Range(1, 0xFFFF).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());
        var anyCased = new Regex("[" + string.Concat(cased.Where(c => Array.IndexOf(unstable, c) < 0).Select(c => "\\u" + ((int)c).ToString("X4"))) + "]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var uncasedMatched = anyCased.Matches(all).Select(m => m.Value[0]).Where(d => Array.IndexOf(cased, d) < 0 && Array.IndexOf(unstable, d) < 0).ToList();
        Assert.Empty(uncasedMatched);

        foreach (var c in cased.Where(c => Array.IndexOf(unstable, c) < 0))
        {
            var one = new Regex("\\u" + ((int)c).ToString("X4"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            for (var m = one.Match(casedText); m.Success; m = m.NextMatch())
            {
                var d = m.Value;
                Assert.True(
                    Array.IndexOf(unstable, d[0]) >= 0 || string.Equals(c.ToString(), d, StringComparison.OrdinalIgnoreCase),
                    $"U+{(int)c:X4} is taken for U+{(int)d[0]:X4}, which is neither equal to it ignoring case nor unstable");
            }
        }
    }

    /// <summary>
    /// The screen asks the engine about an unstable character only for literals sharing a case form with it: every
    /// character the engine takes for an unstable one shares a case form with it.
    /// </summary>
    [Fact]
    public void EveryCharacterTheEngineTakesForAnUnstableOne_ShouldShareACaseFormWithIt()
    {
        var all = new string(Enumerable.Range(1, 0xFFFF).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());
        foreach (var d in LiteralScreen.Unstable.Value)
        {
            var one = new Regex("\\u" + ((int)d).ToString("X4"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            for (var m = one.Match(all); m.Success; m = m.NextMatch())
            {
                var c = m.Value[0];
                Assert.True(LiteralScreen.Forms(c).Intersect(LiteralScreen.Forms(d)).Any(), $"U+{(int)d:X4} is taken for U+{(int)c:X4}, with which it shares no case form");
            }
        }
    }

    /// <summary>Random literals and texts over letters with awkward case forms: a text the alternation of the literals matches passes the screen.</summary>
    [Property(MaxTest = 2000)]
    public Property Screen_ShouldPassEveryTextTheEngineMatches() =>
        Prop.ForAll(
            Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 8).SelectMany(k => Gen.ArrayOf(Awkward, k)).Select(c => new string(c)), n)).ToArbitrary(),
            Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Awkward, n)).Select(c => new string(c)).ToArbitrary(),
            Gen.Elements(RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexOptions.CultureInvariant).ToArbitrary(),
            (literals, text, options) =>
            {
                var regex = new Regex(string.Join("|", literals.Select(Regex.Escape)), options);
                var screen = LiteralScreen.Create(literals, options);
                Assert.True(!regex.IsMatch(text) || screen is null || screen.MayHold(text), $"/{regex}/ matches \"{text}\" but the screen rules it out");
            });

    /// <summary>
    /// Literals built around shared stems of five or six letters (so that the screen merges them), over letters with
    /// awkward case forms: a text the alternation of the literals matches still passes the screen.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property Screen_ShouldPassEveryTextTheEngineMatches_WhenLiteralsAreMerged() =>
        Prop.ForAll(
            Gen.Choose(5, 6).SelectMany(k => Gen.ArrayOf(Awkward, k)).Select(c => new string(c)).SelectMany(stem =>
                Gen.Choose(2, 5).SelectMany(n => Gen.ArrayOf(
                    Gen.Choose(0, 3).SelectMany(a => Gen.ArrayOf(Awkward, a)).SelectMany(pre => Gen.Choose(0, 3).SelectMany(b => Gen.ArrayOf(Awkward, b)).Select(post => new string(pre) + stem + new string(post))),
                    n))).ToArbitrary(),
            Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(Awkward, n)).Select(c => new string(c)).ToArbitrary(),
            Gen.Elements(RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexOptions.CultureInvariant).ToArbitrary(),
            (literals, noise, options) =>
            {
                var regex = new Regex(string.Join("|", literals.Select(Regex.Escape)), options);
                var screen = LiteralScreen.Create(literals, options);
                foreach (var text in literals.Select(l => noise + l.ToUpperInvariant() + noise).Concat(literals).Append(noise))
                {
                    Assert.True(!regex.IsMatch(text) || screen is null || screen.MayHold(text), $"/{regex}/ matches \"{text}\" but the screen ({(screen is null ? null : string.Join("|", screen.Literals))}) rules it out");
                }
            });

    private static readonly Gen<char> Awkward = Gen.Elements('k', 'K', '\u212A', 's', 'S', '\u017F', 'i', 'I', '\u0130', '\u0131', 'a', '\u00E5', '\u00C5', '\u212B', '\u00DF', '\u1E9E', '\u03C3', '\u03C2', '\u03A3', ' ');

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
            var literals = LiteralScreen.RequiredLiterals(pattern);
            var matches = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase).IsMatch(text);
            Assert.True(!matches || literals is null || literals.Any(l => text.Contains(l, StringComparison.OrdinalIgnoreCase)), $"/{pattern}/ matches \"{text}\" without any of \"{(literals is null ? null : string.Join("|", literals))}\"");
        });

    /// <summary>The same, for random patterns written as one group as a whole.</summary>
    [Property(MaxTest = 2000)]
    public Property AMatch_ShouldHoldTheLiteral_OnRandomPatternsInAGroup() =>
        Prop.ForAll(Patterns.ToArbitrary(), Texts.ToArbitrary(), (inner, text) =>
        {
            var pattern = "(?:" + inner + ")";
            var literals = LiteralScreen.RequiredLiterals(pattern);
            var matches = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase).IsMatch(text);
            Assert.True(!matches || literals is null || literals.Any(l => text.Contains(l, StringComparison.OrdinalIgnoreCase)), $"/{pattern}/ matches \"{text}\" without any of \"{(literals is null ? null : string.Join("|", literals))}\"");
        });

    /// <summary>Any string at all, a pattern or not, gets an answer and no exception.</summary>
    [Property(MaxTest = 1000)]
    public Property AnyString_ShouldGiveAnAnswer() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => { _ = LiteralScreen.RequiredLiterals(s ?? string.Empty); });

    /// <summary>
    /// For every time and reporting pattern of the six phrase tables, on every line of the fixtures and samples: a line
    /// the pattern matches passes its screen.
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
                var tiered = new TieredRegex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Regex.InfiniteMatchTimeout);
                if (tiered.Screen is not { } screen)
                {
                    continue;
                }

                gated++;
                var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
                foreach (var line in lines.Where(l => regex.IsMatch(l)))
                {
                    matched++;
                    Assert.True(screen.MayHold(line), $"{language}: /{pattern}/ matches a line without any of \"{string.Join("|", screen.Literals)}\": {line}");
                }
            }
        }

        Assert.True(gated > 30, $"only {gated} patterns have a literal");
        Assert.True(matched > 100, $"only {matched} matches checked");
    }
}
