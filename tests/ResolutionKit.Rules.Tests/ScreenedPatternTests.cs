using System;
using System.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>
/// A rule file's pattern is searched only in texts that hold the letters every match of it holds: the clauses it matches
/// are all still found, whatever the case, the inline options or the alternatives, and the others are not.
/// </summary>
public sealed class ScreenedPatternTests
{
    [Theory]
    [InlineData("within (?:the )?(?:available|existing) resources|within the approved budget", true, new[] { 1, 3 })]
    [InlineData("(?i)WITHIN (?:the )?(?:available|existing) resources|WITHIN the approved budget", false, new[] { 1, 3 })]
    [InlineData("(?:available|existing) resources", true, new[] { 1 })]
    [InlineData(@"\bthe\s+(?:approved\s+)?budget\b|\bresources\b", true, new[] { 1, 3 })]
    [InlineData("(?x) within \\s+ the \\s+ approved  # the rest does not matter", true, new[] { 3 })]
    [InlineData("\u212Aey issues", true, new[] { 2 })]
    public void PhrasePattern_ShouldFindEveryClauseItMatches(string pattern, bool ignoreCase, int[] expected)
    {
        using var folder = new RuleFolder().Add(RuleJson.Make("RK9102", "phrase", new { pattern, ignoreCase }));
        foreach (var compile in new[] { false, true })
        {
            var load = RuleSet.Load(new RuleSetOptions
            {
                Folders = new[] { folder.Path },
                Config = ResolutionKitConfig.Default.WithAsOf("PP-22"),
                ExpressionCacheDirectory = null,
                CompilePatterns = compile,
            });
            Assert.Empty(load.Errors);
            var text = Texts.Pp("resolves\n1 to hold the meeting within the existing resources;\n2 to study the key issues;\n3 to do so within the approved budget.\n");

            var result = load.RuleSet!.Analyze(ResolutionTextReader.Read(text).Value!);

            var found = result.Diagnostics.Where(d => d.Id == "RK9102").Select(d => int.Parse(d.Location.Address.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture)).OrderBy(n => n);
            Assert.Equal(expected, found);
        }
    }
}
