using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Model;

namespace ResolutionKit.Reading;

/// <summary>
/// Finds references to other instruments in clause text: resolutions and decisions (with revision and body when
/// given), ITU-T/ITU-R/ITU-D Recommendations, and articles and numbered provisions of the Constitution and Convention.
/// </summary>
public static class ReferenceParser
{
    private const string Rev = @"\(\s*(?:Rev\.\s*)?[^()]{2,40}?,\s*\d{4}\s*\)";
    private const string Item = @"\d{1,4}[A-Z]?(?:\s*" + Rev + ")?";
    private const string Tail = @"(?<tail>\s+of\s+(?:(?<this>this|the\s+present)\s+(?:conference|Conference|assembly|Assembly)|(?:the\s+)?(?:ITU\s+)?(?<tailname>Plenipotentiary\s+Conference|World\s+Telecommunication\s+Standardization\s+Assembly|World\s+Telecommunication\s+Development\s+Conference|Radiocommunication\s+Assembly|World\s+Conference\s+on\s+International\s+Telecommunications|Council|WTSA|WTDC|RA|PP)\b))?";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex Instruments = new(
        @"\b(?<kind>Resolution|Decision)s?\s+(?<items>" + Item + @"(?:\s*(?:,\s*and|,|and|&)\s*" + Item + ")*)" + Tail,
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex ItemPattern = new(@"(?<num>\d{1,4}[A-Z]?)(?:\s*(?<rev>" + Rev + "))?", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Articles = new(
        @"\b(?<kind>Article|No)s?\.?\s+(?<items>\d{1,4}[A-Z]?(?:\s*(?:,\s*and|,|and)\s*\d{1,4}[A-Z]?)*)\s+of\s+the\s+(?:ITU\s+)?(?<inst>Constitution|Convention)\b",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex Numbers = new(@"\d{1,4}[A-Z]?", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Recommendations = new(
        @"\bRecommendations?\s+(?<num>ITU-(?<sector>[TRD])\s+[A-Z]{1,3}\.\d{1,5}(?:\.\d{1,3})?)",
        RegexOptions.CultureInvariant,
        Timeout);

    /// <summary>Finds the references in a text.</summary>
    /// <param name="text">The clause text.</param>
    /// <param name="map">The clause's source map, to give each reference a span; may be null.</param>
    public static IReadOnlyList<Reference> Parse(string text, SourceMap? map = null)
    {
        if (text.IndexOf("Resolution", StringComparison.Ordinal) < 0
            && text.IndexOf("Decision", StringComparison.Ordinal) < 0
            && text.IndexOf("Recommendation", StringComparison.Ordinal) < 0
            && text.IndexOf(" of the", StringComparison.Ordinal) < 0)
        {
            return Array.Empty<Reference>();
        }

        var list = new List<Reference>();
        try
        {
            foreach (Match m in Instruments.Matches(text))
            {
                var kind = m.Groups["kind"].Value == "Decision" ? ReferenceKind.Decision : ReferenceKind.Resolution;
                Body? tailBody = null;
                var ofThis = m.Groups["this"].Success;
                if (m.Groups["tailname"].Success)
                {
                    tailBody = BodyFromName(m.Groups["tailname"].Value);
                }

                var items = m.Groups["items"];
                var first = true;
                var itemMatches = ItemPattern.Matches(items.Value).Cast<Match>().ToList();
                for (var k = 0; k < itemMatches.Count; k++)
                {
                    var item = itemMatches[k];

                    // "Resolutions 70 and 71 (Rev. Bucharest, 2022)": a revision given once applies to the numbers before it.
                    var revisionText = itemMatches.Skip(k).Select(i => i.Groups["rev"]).FirstOrDefault(g => g.Success)?.Value;
                    var revision = revisionText is null ? null : Revision.TryParse(revisionText);
                    var body = tailBody ?? (revision is null ? null : Conferences.BodyOf(revision.Place, revision.Year));
                    var start = first ? m.Index : items.Index + item.Index;
                    var end = items.Index + item.Index + item.Length;
                    if (m.Groups["tail"].Success && IsLast(item, items.Value))
                    {
                        end = m.Index + m.Length;
                    }

                    list.Add(Make(kind, body, item.Groups["num"].Value, revision, null, text, start, end, map) with { OfThisBody = ofThis });
                    first = false;
                }
            }

            foreach (Match m in Articles.Matches(text))
            {
                var kind = m.Groups["kind"].Value == "Article" ? ReferenceKind.Article : ReferenceKind.Provision;
                var first = true;
                foreach (Match n in Numbers.Matches(m.Groups["items"].Value))
                {
                    var start = first ? m.Index : m.Groups["items"].Index + n.Index;
                    list.Add(Make(kind, null, n.Value, null, m.Groups["inst"].Value, text, start, m.Index + m.Length, map));
                    first = false;
                }
            }

            foreach (Match m in Recommendations.Matches(text))
            {
                var body = m.Groups["sector"].Value switch
                {
                    "T" => Body.Wtsa,
                    "R" => Body.RadiocommunicationAssembly,
                    _ => Body.Wtdc,
                };
                list.Add(Make(ReferenceKind.Recommendation, body, m.Groups["num"].Value, null, null, text, m.Index, m.Index + m.Length, map));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological text: report what was found so far rather than hang.
        }

        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    /// <summary>The body a full name or abbreviation denotes ("World Telecommunication Standardization Assembly", "WTSA").</summary>
    /// <param name="name">The name.</param>
    public static Body? BodyFromName(string name)
    {
        var n = Regex.Replace(name, @"\s+", " ");
        return n switch
        {
            "Plenipotentiary Conference" or "PP" => Body.Plenipotentiary,
            "World Telecommunication Standardization Assembly" or "WTSA" => Body.Wtsa,
            "World Telecommunication Development Conference" or "WTDC" => Body.Wtdc,
            "Radiocommunication Assembly" or "RA" => Body.RadiocommunicationAssembly,
            "World Conference on International Telecommunications" => Body.Wcit,
            "Council" => Body.Council,
            _ => null,
        };
    }

    private static bool IsLast(Match item, string items) => item.Index + item.Length >= items.TrimEnd().Length;

    private static Reference Make(ReferenceKind kind, Body? body, string number, Revision? revision, string? instrument, string text, int start, int end, SourceMap? map) =>
        new(kind, body, number, revision, instrument, text.Substring(start, end - start), start)
        {
            Span = map?.Locate(start, end - start),
        };
}
