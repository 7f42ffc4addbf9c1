using System.Linq;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;

namespace ResolutionKit.Reading.Documents;

/// <summary>Whether a line is the title line of an instrument in any language the reader knows (where a document's footnotes go before).</summary>
internal static class InstrumentStart
{
    public static bool Is(string text)
    {
        var fold = Normalizer.Fold(text.Trim());
        return fold.Length > 0 && fold.Length < 200 && PhraseTable.BuiltinLanguages.Any(l => PhraseTable.ForLanguage(l) is { } table && TitleParser.Match(fold, table) is not null);
    }
}
