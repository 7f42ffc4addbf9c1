using System;
using System.Globalization;

namespace ResolutionKit.Model;

/// <summary>
/// One adoption or revision of an instrument, as in "Rev. Bucharest, 2022" or "Antalya, 2006".
/// </summary>
/// <param name="Place">The place of the conference or assembly.</param>
/// <param name="Year">The year.</param>
/// <param name="IsRevision">True for a revision ("Rev."), false for the first adoption.</param>
public sealed record Revision(string Place, int Year, bool IsRevision)
{
    private static readonly string[] RevisionPrefixes = { "Rev.", "Rév.", "Rev ", "Rév " };

    /// <summary>Formats as it is cited: <c>Rev. Bucharest, 2022</c> or <c>Antalya, 2006</c>.</summary>
    public override string ToString() => (IsRevision ? "Rev. " : string.Empty) + Place + ", " + Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether this and <paramref name="other"/> name the same meeting (place and year, case-insensitive).</summary>
    /// <param name="other">Another revision.</param>
    public bool SameMeeting(Revision other) =>
        Year == other.Year && string.Equals(Place, other.Place, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses "Rev. Bucharest, 2022", "REV. BUCHAREST, 2022" or "Antalya, 2006"; null when it is not of that form.</summary>
    /// <param name="text">The text, without parentheses.</param>
    public static Revision? TryParse(string text)
    {
        var t = text.Trim().TrimEnd(')').TrimStart('(').Trim();
        var isRevision = false;

        // "Rev." in English and Spanish, "Rév." in French (any case: the title line is in capitals).
        foreach (var prefix in RevisionPrefixes)
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                isRevision = true;
                t = t.Substring(prefix.Length).Trim();
                break;
            }
        }

        var comma = t.LastIndexOf(',');
        if (comma <= 0)
        {
            return null;
        }

        var place = t.Substring(0, comma).Trim();
        var yearText = t.Substring(comma + 1).Trim();
        if (place.Length == 0 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1865 || year > 2200)
        {
            return null;
        }

        return new Revision(Internal.Casing.ToTitleCase(place), year, isRevision);
    }
}
