using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ResolutionKit.Model;
using ResolutionKit.Reading;

namespace ResolutionKit.Testing;

/// <summary>
/// FsCheck generators of valid English resolutions in the canonical text layout (<c>docs/text-format.md</c>), for
/// property tests of rules: texts that read without warnings, with preambular and operative groups in the
/// conventional order, labels in sequence, and plausible clause wording. Register <see cref="Resolutions"/> with
/// <c>[Property(Arbitrary = new[] { typeof(ResolutionGenerators) })]</c>, or compose the generators with the
/// FsCheck.Fluent API.
/// </summary>
public static class ResolutionGenerators
{
    private static readonly string[] Subjects =
    {
        "the Union", "the three Sectors", "Member States", "developing countries", "the General Secretariat", "the Bureaux",
        "Sector Members", "regional telecommunication organizations", "the membership",
    };

    private static readonly string[] Verbs =
    {
        "can play an important role in", "can contribute to", "should continue to support", "have a shared interest in",
        "are expected to work together on", "depend on", "benefit from", "need assistance with",
    };

    private static readonly string[] Objects =
    {
        "the development of telecommunication/ICT infrastructure", "the coordination of activities among the Sectors",
        "the use of the six official languages on an equal footing", "capacity building in developing countries",
        "the implementation of the strategic plan", "accessibility for persons with disabilities",
        "confidence and security in the use of telecommunications/ICTs", "the bridging of the standardization gap",
        "electronic meetings and remote participation", "the efficient use of the radio-frequency spectrum",
        "the exchange of information on best practices", "affordable access to broadband services",
    };

    private static readonly string[] Nouns = { "importance of", "need for", "relevance of", "growing demand for", "results achieved in", "work carried out on" };

    private static readonly string[] Actions =
    {
        "continue to support", "promote", "take the necessary measures to facilitate", "keep under review", "encourage participation in",
        "provide assistance for", "develop guidelines on", "strengthen cooperation on", "disseminate information on", "study further",
    };

    private static readonly string[] Qualifiers =
    {
        string.Empty, string.Empty, " within existing budgetary resources", " in close cooperation with the other Sectors",
        " taking into account the needs of developing countries", " with the participation of all stakeholders",
    };

    private static readonly string[] PreambleHeadings =
    {
        "considering", "recalling", "noting", "recognizing", "bearing in mind", "taking into account", "emphasizing", "aware", "convinced",
    };

    private static readonly string[] OperativeHeadings =
    {
        "resolves", "decides", "instructs the Secretary-General", "instructs the Directors of the three Bureaux",
        "instructs the Director of the Telecommunication Standardization Bureau", "requests the Council", "invites Member States",
        "encourages Member States and Sector Members",
    };

    private static readonly Body[] Bodies = { Body.Plenipotentiary, Body.Wtsa, Body.Wtdc };

    /// <summary>A body that adopts resolutions: the Plenipotentiary Conference, WTSA or WTDC.</summary>
    public static Gen<Body> AnyBody => Gen.Elements(Bodies);

    /// <summary>The text of a preambular clause, without its final punctuation ("that the Union plays ...").</summary>
    public static Gen<string> PreambularClause =>
        Gen.OneOf(
            from s in Gen.Elements(Subjects)
            from v in Gen.Elements(Verbs)
            from o in Gen.Elements(Objects)
            select "that " + s + " " + v + " " + o,
            from n in Gen.Elements(Nouns)
            from o in Gen.Elements(Objects)
            select "the " + n + " " + o,
            from o in Gen.Elements(Objects)
            from s in Gen.Elements(Subjects)
            select "the contribution of " + s + " to " + o);

    /// <summary>The text of an operative clause, without its final punctuation ("to promote ...").</summary>
    public static Gen<string> OperativeClause =>
        from a in Gen.Elements(Actions)
        from o in Gen.Elements(Objects)
        from q in Gen.Elements(Qualifiers)
        select "to " + a + " " + o + q;

    /// <summary>A resolution's subject title.</summary>
    public static Gen<string> Title =>
        from head in Gen.Elements("Strengthening", "Coordination of", "Promoting", "Improving", "Facilitating")
        from o in Gen.Elements(Objects)
        select head + " " + o;

    /// <summary>The canonical text of a resolution of any body and number.</summary>
    public static Gen<string> AnyText =>
        from body in AnyBody
        from number in Gen.Choose(1, 250)
        from text in TextOf(body, number.ToString(CultureInfo.InvariantCulture))
        select text;

    /// <summary>A resolution of any body and number, read from its canonical text (so it carries source spans).</summary>
    public static Gen<Resolution> AnyResolution => AnyText.Select(t => Read(t));

    /// <summary>The canonical text of a resolution of <paramref name="body"/> numbered <paramref name="number"/>.</summary>
    /// <param name="body">The Plenipotentiary Conference, WTSA or WTDC.</param>
    /// <param name="number">The number, e.g. <c>191</c>.</param>
    public static Gen<string> TextOf(Body body, string number)
    {
        if (body is null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        var meeting = Meeting(body);
        return
            from title in Title
            from history in Gen.Elements(true, false)
            from preambleCount in Gen.Choose(1, 3)
            from preambleHeadings in Gen.Shuffle(PreambleHeadings)
            from preamble in Gen.CollectToList(preambleHeadings.Take(preambleCount), h => GroupOf(PreambularClause, 1, 4, false))
            from operativeCount in Gen.Choose(1, 3)
            from operativeHeadings in Gen.Shuffle(OperativeHeadings)
            from operative in Gen.CollectToList(OrderOperative(operativeHeadings.Take(operativeCount)), h => GroupOf(OperativeClause, 1, 4, true))
            select Render(body, number, meeting, title, history, preambleHeadings.Take(preambleCount).OrderBy(h => Array.IndexOf(PreambleHeadings, h)).Zip(preamble, (h, g) => (h, g)).ToList(), OrderOperative(operativeHeadings.Take(operativeCount)).Zip(operative, (h, g) => (h, g)).ToList());
    }

    /// <summary>A resolution of <paramref name="body"/> numbered <paramref name="number"/>, read from its canonical text.</summary>
    /// <param name="body">The body.</param>
    /// <param name="number">The number.</param>
    public static Gen<Resolution> ResolutionOf(Body body, string number) => TextOf(body, number).Select(t => Read(t));

    /// <summary>Between <paramref name="minCount"/> and <paramref name="maxCount"/> resolutions with distinct addresses.</summary>
    /// <param name="minCount">The fewest resolutions (at least 1).</param>
    /// <param name="maxCount">The most resolutions (at most 30).</param>
    public static Gen<IReadOnlyList<Resolution>> Corpus(int minCount, int maxCount)
    {
        if (minCount < 1 || maxCount < minCount || maxCount > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCount), "Use 1 <= minCount <= maxCount <= 30.");
        }

        var ids = Bodies.SelectMany(b => Enumerable.Range(1, 10).Select(i => (Body: b, Number: (i * 17).ToString(CultureInfo.InvariantCulture)))).ToArray();
        return
            from count in Gen.Choose(minCount, maxCount)
            from chosen in Gen.Shuffle(ids)
            from resolutions in Gen.CollectToList(chosen.Take(count), id => ResolutionOf(id.Body, id.Number))
            select (IReadOnlyList<Resolution>)resolutions.ToList();
    }

    /// <summary>The arbitrary FsCheck uses for <see cref="Resolution"/> parameters when this class is registered.</summary>
    public static Arbitrary<Resolution> Resolutions() => Arb.From(AnyResolution);

    /// <summary>Reads a generated text; generated texts always read (a failure here is a bug in the generator).</summary>
    private static Resolution Read(string text)
    {
        var result = ResolutionTextReader.Read(text);
        if (result.Value is null || result.Diagnostics.Any(d => d.Severity >= Diagnostics.DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException("A generated resolution did not read cleanly: " + string.Join("; ", result.Diagnostics) + "\n" + text);
        }

        return result.Value;
    }

    private static IEnumerable<string> OrderOperative(IEnumerable<string> headings) => headings.OrderBy(h => Array.IndexOf(OperativeHeadings, h));

    private static Gen<GroupSpec> GroupOf(Gen<string> clause, int min, int max, bool operative) =>
        from count in Gen.Choose(min, max)
        from clauses in Gen.ListOf(SubClauses(clause, operative), count)
        select new GroupSpec(clauses.ToList());

    private static Gen<ClauseSpec> SubClauses(Gen<string> clause, bool operative) =>
        from text in clause
        from subCount in operative ? Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(2, 3))) : Gen.Constant(0)
        from subs in Gen.ListOf(Gen.OneOf(OperativeClause, Gen.Elements(Objects)), subCount)
        select new ClauseSpec(text, subs.ToList());

    private static (string Place, int Year, bool UpperCase, string Formula, string History) Meeting(Body body) => body.Code switch
    {
        "WTSA" => ("New Delhi", 2024, false, "The World Telecommunication Standardization Assembly (New Delhi, 2024),", "(Geneva, 2022; Rev. New Delhi, 2024)"),
        "WTDC" => ("Kigali", 2022, false, "The World Telecommunication Development Conference (Kigali, 2022),", "(Buenos Aires, 2017; Rev. Kigali, 2022)"),
        "PP" => ("Bucharest", 2022, true, "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),", "(Antalya, 2006; Rev. Busan, 2014; Rev. Bucharest, 2022)"),
        _ => throw new ArgumentException($"ResolutionGenerators writes resolutions of PP, WTSA and WTDC, not {body.Code}.", nameof(body)),
    };

    private static string Render(Body body, string number, (string Place, int Year, bool UpperCase, string Formula, string History) meeting, string title, bool history, List<(string Heading, GroupSpec Group)> preamble, List<(string Heading, GroupSpec Group)> operative)
    {
        var sb = new StringBuilder();
        var revision = "Rev. " + meeting.Place + ", " + meeting.Year.ToString(CultureInfo.InvariantCulture);
        sb.Append("RESOLUTION ").Append(number).Append(" (").Append(meeting.UpperCase ? revision.ToUpperInvariant() : revision).Append(")\n\n");
        sb.Append(title).Append("\n\n");
        if (history)
        {
            sb.Append(meeting.History).Append("\n\n");
        }

        sb.Append(meeting.Formula).Append("\n\n");
        foreach (var (heading, group) in preamble)
        {
            sb.Append(heading).Append('\n');
            var single = group.Clauses.Count == 1;
            for (var i = 0; i < group.Clauses.Count; i++)
            {
                var end = i == group.Clauses.Count - 1 ? "," : ";";
                sb.Append(single ? string.Empty : (char)('a' + i) + ")\t").Append(group.Clauses[i].Text).Append(end).Append('\n');
            }

            sb.Append('\n');
        }

        for (var g = 0; g < operative.Count; g++)
        {
            var (heading, group) = operative[g];
            var groupEnd = g == operative.Count - 1 ? "." : ",";
            sb.Append(heading).Append('\n');
            var single = group.Clauses.Count == 1 && group.Clauses[0].SubClauses.Count == 0;
            for (var i = 0; i < group.Clauses.Count; i++)
            {
                var clause = group.Clauses[i];
                var label = (i + 1).ToString(CultureInfo.InvariantCulture);
                var last = i == group.Clauses.Count - 1;
                if (clause.SubClauses.Count == 0)
                {
                    sb.Append(single ? string.Empty : label + "\t").Append(clause.Text).Append(last ? groupEnd : ";").Append('\n');
                    continue;
                }

                sb.Append(label).Append('\t').Append(clause.Text).Append(":\n");
                for (var j = 0; j < clause.SubClauses.Count; j++)
                {
                    var end = j < clause.SubClauses.Count - 1 || !last ? ";" : groupEnd;
                    sb.Append(label).Append('.').Append((j + 1).ToString(CultureInfo.InvariantCulture)).Append('\t').Append(clause.SubClauses[j]).Append(end).Append('\n');
                }
            }

            sb.Append('\n');
        }

        // Blocks are separated by a blank line; the text ends with exactly one newline, as the writer's output does.
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private sealed record ClauseSpec(string Text, List<string> SubClauses);

    private sealed record GroupSpec(List<ClauseSpec> Clauses);
}
