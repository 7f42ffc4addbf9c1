using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Rules.Kinds;
using Xunit;

namespace ResolutionKit.Rules.Tests.Kinds;

/// <summary>The word count of the <c>count</c> rules (thirty-two ASCII characters at a time where the processor allows).</summary>
public class WordCountTests
{
    // One character at a time, as the rule defines a word: a run of characters between separators (white space and
    // the Chinese comma, semicolon, full stop and enumeration comma); Chinese characters count 1/1.7 of a word each.
    private static int Reference(string text)
    {
        var han = 0;
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c >= '\u4E00' && c <= '\u9FFF')
            {
                han++;
                inWord = false;
            }
            else if (char.IsWhiteSpace(c) || c == '，' || c == '；' || c == '。' || c == '、')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                words++;
                inWord = true;
            }
        }

        return words + (int)System.Math.Round(han / 1.7);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("instructs the Secretary-General", 3)]
    [InlineData("  to report\tannually\r\nto the Council  ", 6)]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh", 34)]
    [InlineData("décide de charger le Directeur du Bureau de développement des télécommunications", 11)]
    public void Words_ShouldCountWhatTheRuleCallsAWord(string text, int expected) =>
        Assert.Equal(expected, CountKind.Words(text));

    /// <summary>On any mix of ASCII, separators, accented letters and Chinese, across the 32-character blocks.</summary>
    [Property(MaxTest = 500)]
    public Property Words_ShouldAgreeWithOneCharacterAtATime() =>
        Prop.ForAll(
            Gen.Elements("to ", "the", " ", "  ", "\t", "\n", "Council", "ITU-T", "é", "决议", "，", "。", "x", "report ", "\u00A0", "Что ")
                .ArrayOf().Select(p => string.Concat(p)).ToArbitrary(),
            text => Assert.Equal(Reference(text), CountKind.Words(text)));
}
