using System;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;

namespace ResolutionKit.Reading.Documents;

/// <summary>
/// Where an instrument's text ends in a document, so that its footnotes can be put there: before the title line of
/// the next instrument, an annex heading, a proposal unit header (<c>MOD</c>, <c>ADD</c>, <c>SUP</c>, <c>NOC</c>) or a
/// trailer such as <c>Reasons:</c>, in any language the reader knows.
/// </summary>
internal static class InstrumentStart
{
    private static readonly Regex UnitHeader = new(@"^(?:MOD|ADD|SUP|NOC)\b", RegexOptions.CultureInvariant);

    /// <summary>Whether a line is the title line of an instrument.</summary>
    public static bool IsTitle(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 200)
        {
            return false;
        }

        var fold = Normalizer.Fold(trimmed);
        return PhraseTable.BuiltinLanguages.Any(l => PhraseTable.ForLanguage(l) is { } table && TitleParser.Match(fold, table) is not null);
    }

    public static bool Is(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 200)
        {
            return false;
        }

        if (UnitHeader.IsMatch(trimmed))
        {
            return true;
        }

        var fold = Normalizer.Fold(trimmed);
        return PhraseTable.BuiltinLanguages.Any(l => PhraseTable.ForLanguage(l) is { } table
            && (TitleParser.Match(fold, table) is not null
                || table.TrailerWords.Any(w => trimmed.StartsWith(w, StringComparison.OrdinalIgnoreCase))
                || (IsHeadingShaped(trimmed) && table.AnnexWords.Any(w => trimmed.StartsWith(w, StringComparison.OrdinalIgnoreCase)))));
    }

    /// <summary>An annex heading: short, and in capitals where the script has them ("ANNEX TO RESOLUTION 191 (REV. …)", "ПРИЛОЖЕНИЕ К РЕЗОЛЮЦИИ 154 (… 2022 г.)", "附件").</summary>
    private static bool IsHeadingShaped(string line)
    {
        var letters = line.Where(char.IsLetter).ToList();
        var capitals = letters.Count == 0 || letters.Count(c => !char.IsLower(c)) * 10 >= letters.Count * 8;
        return line.Length <= 120 && (capitals || line.Length <= 40) && !line.TrimEnd().EndsWith(";", StringComparison.Ordinal);
    }
}
