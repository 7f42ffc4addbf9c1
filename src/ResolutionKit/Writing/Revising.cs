using System;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Writing;

/// <summary>A text proposed as the revision of a meeting: its title, history line and conference formula follow the revision.</summary>
public static class Revising
{
    /// <summary>
    /// The resolution as revised at <paramref name="revision"/>: its title line names the revision, the history line
    /// gains it, and an English conference formula names its meeting (in other languages the formula is kept as
    /// written, for the translators).
    /// </summary>
    /// <param name="resolution">The resolution.</param>
    /// <param name="revision">The revision, e.g. Rev. Doha, 2026.</param>
    public static Resolution AtRevision(Resolution resolution, Revision revision)
    {
        if (resolution is null || revision is null)
        {
            throw new ArgumentNullException(resolution is null ? nameof(resolution) : nameof(revision));
        }

        var history = resolution.History.Contains(revision) || resolution.History.Any(h => h.Year == revision.Year && string.Equals(h.Place, revision.Place, StringComparison.OrdinalIgnoreCase))
            ? resolution.History
            : resolution.History.Add(revision);
        return resolution with
        {
            Revision = revision,
            History = history,
            TitleLine = null,
            HistoryLine = null,
            ConferenceFormula = resolution.Language == "en" && resolution.ConferenceFormula is not null ? FormulaFor(resolution.Id.Body, revision) : resolution.ConferenceFormula,
        };
    }

    /// <summary>The English conference formula of a body's meeting, e.g. "The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),".</summary>
    /// <param name="body">The body.</param>
    /// <param name="revision">The meeting.</param>
    public static string FormulaFor(Body body, Revision revision)
    {
        var name = body.Code == Body.Plenipotentiary.Code
            ? "The Plenipotentiary Conference of the International Telecommunication Union"
            : "The " + body.Name;
        return $"{name} ({revision.Place}, {revision.Year}),";
    }
}
