using System;
using System.Globalization;

namespace ResolutionKit.Model;

/// <summary>
/// One adoption or revision of an instrument, as in "Rev. Bucharest, 2022" or "Antalya, 2006". The place is always
/// the English name (a French "Rév. Bucarest, 2022" or a Chinese "2022年，布加勒斯特，修订版" is Bucharest, 2022), so
/// the language versions of a text carry equal revisions.
/// </summary>
/// <param name="Place">The place of the conference or assembly, in English; empty when the text gives none (the
/// Radiocommunication Assembly numbers revisions instead of naming places).</param>
/// <param name="Year">The year; 0 when not known.</param>
/// <param name="IsRevision">True for a revision ("Rev."), false for the first adoption.</param>
public sealed record Revision(string Place, int Year, bool IsRevision)
{
    /// <summary>The revision number of a Radiocommunication Assembly resolution (the 8 of ITU-R 2-8), when given.</summary>
    public int? Edition { get; init; }

    /// <summary>The meeting as cited by its short name ("WRC-15", "C-1984", "WTSA-08"), when it was cited that way.</summary>
    public string? Meeting { get; init; }

    /// <summary>Formats as it is cited: <c>Rev. Bucharest, 2022</c>, <c>Antalya, 2006</c>, <c>Rev. WRC-15</c>.</summary>
    public override string ToString()
    {
        var prefix = IsRevision ? "Rev. " : string.Empty;
        if (Place.Length > 0 && Year > 0)
        {
            return prefix + Place + ", " + Year.ToString(CultureInfo.InvariantCulture);
        }

        if (Meeting is not null)
        {
            return prefix + Meeting;
        }

        if (Year > 0)
        {
            return prefix + Year.ToString(CultureInfo.InvariantCulture);
        }

        return Edition is { } e ? "edition " + e.ToString(CultureInfo.InvariantCulture) : prefix + Place;
    }

    /// <summary>
    /// Whether this and <paramref name="other"/> name the same meeting: the same edition when both are numbered,
    /// otherwise the same year and (when both give one) the same place.
    /// </summary>
    /// <param name="other">Another revision.</param>
    public bool SameMeeting(Revision other)
    {
        if (Edition is { } a && other.Edition is { } b)
        {
            return a == b;
        }

        if (Year != other.Year)
        {
            return false;
        }

        return Place.Length == 0 || other.Place.Length == 0 || string.Equals(Place, other.Place, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Parses a revision in any of the six languages: "Rev. Bucharest, 2022", "REV. BUCHAREST, 2022",
    /// "Antalya, 2006", "Rév. Dubaï, 2018", "ПЕРЕСМ. БУХАРЕСТ, 2022 г.", "المراجَع في بوخارست، 2022",
    /// "2022年，布加勒斯特，修订版", "REV.WRC-15"; null when it is not of such a form.
    /// </summary>
    /// <param name="text">The text, without parentheses.</param>
    public static Revision? TryParse(string text) => Reading.Text.RevisionParser.Parse(text);
}
