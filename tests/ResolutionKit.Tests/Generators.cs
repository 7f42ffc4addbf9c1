using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ResolutionKit.Collections;
using ResolutionKit.Model;
using ResolutionKit.Phrases;
using ResolutionKit.Writing;

namespace ResolutionKit.Tests;

/// <summary>A generated resolution; shown as its canonical text when a property fails.</summary>
/// <param name="Value">The resolution.</param>
public sealed record GeneratedResolution(Resolution Value)
{
    /// <inheritdoc />
    public override string ToString() => "\n" + ResolutionTextWriter.Write(Value);
}

/// <summary>An input for the reader that need not be valid; shown escaped when a property fails.</summary>
/// <param name="Text">The text.</param>
/// <param name="Origin">How it was made.</param>
public sealed record ReaderInput(string Text, string Origin)
{
    /// <inheritdoc />
    public override string ToString() => Origin + ": \"" + Escape(Text) + "\"";

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c < ' ' || (c >= '\u007F' && c <= '\u00A0') || char.IsSurrogate(c) || c == '\u2028' || c == '\uFEFF')
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// FsCheck generators. <see cref="Resolution"/> makes VALID English resolutions exactly as the reader would produce
/// them from their canonical text (no source information): PP, WTSA or WTDC with the matching conference formula, a
/// revision from a real meeting, the title line derived by the writer, an optional history, preambular groups opened by
/// the phrases of the built-in English table with lettered clauses, operative groups with the actors they address and
/// numbered clauses with optional sub-clauses, optional footnotes whose markers appear in a clause, and optional
/// annexes. A group with a single clause leaves it unlabelled. The shrinker removes parts and shortens texts while
/// keeping the resolution valid (labels are renumbered, orphaned footnotes dropped).
/// </summary>
/// <remarks>
/// Known limitation kept on purpose: an annex title never repeats the resolution's title or another annex title.
/// The reader takes such a repeated line for a running header (see
/// <c>ReaderTests.AnnexTitleSameAsResolutionTitle_ShouldKeepBothTitles</c>); the generator stays clear of that bug
/// so that the round-trip properties keep guarding everything else. For the same reason a heading names at most two
/// actors: three long actor names make a heading of more than 160 characters, which the reader does not recognize
/// (see <c>ReaderTests.HeadingNamingTheThreeDirectors_ShouldBeReadAsAHeadingWithThreeActors</c>).
/// </remarks>
public static class Generators
{
    private static readonly string[] ClausePrefixes = { "that ", "to " };

    private static readonly string[] Endings = { ";", ",", "." };

    /// <summary>Words for clause text: plain words plus the kind of tokens real texts have (hyphens, quotes, dashes, references, accents).</summary>
    private static readonly string[] ClauseWords =
    {
        "the", "the", "the", "of", "of", "and", "and", "to", "in", "for", "on", "with", "within", "among", "by", "as", "its",
        "Union", "Sectors", "Sector", "membership", "Member", "States", "study", "groups", "work", "programmes", "activities",
        "coordination", "cooperation", "resources", "available", "financial", "developing", "countries", "regional",
        "offices", "report", "annually", "results", "implementation", "resolution", "mutual", "interest", "accessibility",
        "persons", "disabilities", "standardization", "gap", "capacity", "building", "experts", "meetings", "remote",
        "participation", "languages", "terminology", "translation", "consistent", "necessary", "measures", "ensure",
        "Council", "Secretary-General", "Bureaux", "Directors", "advisory", "telecommunications/ICTs", "ITU-T", "(ITU-R)",
        "e-government", "2024-2027", "“information", "society”", "‘digital", "divide’", "–", "e.g.", "i.e.", "étude",
        "Resolution 71 (Rev. Bucharest, 2022)", "Article 29 of the Constitution", "No. 119 of the Convention",
        "Recommendation ITU-T X.1205", "WTDC-22", "100%", "CHF", "3", "12", "Questions", "least", "landlocked",
    };

    /// <summary>Words for titles: none of them opens a group or names a body, so a title never reads as a formula or heading.</summary>
    private static readonly string[] TitleWords =
    {
        "strategy", "for", "the", "coordination", "of", "efforts", "among", "three", "Sectors", "Union", "accessibility",
        "persons", "with", "disabilities", "bridging", "standardization", "gap", "building", "confidence", "security", "in",
        "use", "information", "and", "communication", "technologies", "electronic", "meetings", "remote", "participation",
        "official", "languages", "on", "an", "equal", "footing", "gender", "perspective", "digital", "divide", "inclusive",
        "society", "role", "telecommunication/ICT", "ITU", "emergency", "telecommunications", "conformance",
        "interoperability", "Internet", "governance", "child", "online", "protection", "e-waste", "satellite", "networks",
    };

    private static readonly string[] TitleStarts =
    {
        "Strategy", "Coordination", "Accessibility", "Bridging", "Building", "Use", "Role", "Measures", "Principles",
        "Improvement", "Strengthening", "Promotion", "Facilitating", "ITU", "Telecommunication/ICT", "Emergency",
    };

    private static readonly string[] FootnoteStarts = { "These include", "This covers", "As defined in", "Including" };

    private static readonly string[] ParagraphStarts = { "The", "Each", "Such", "Emergency", "Accessibility", "Conformance", "Subjects", "Work" };

    private static readonly string[] Superscript = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

    private static readonly Body[] Bodies = { Body.Plenipotentiary, Body.Wtsa, Body.Wtdc };

    private static readonly Lazy<EnglishPhrases> Phrases = new(EnglishPhrases.Load);

    /// <summary>Valid resolutions.</summary>
    public static Gen<Resolution> Resolution => ResolutionGen();

    /// <summary>Valid resolutions with a shrinker, for [Property] methods.</summary>
    public static Arbitrary<GeneratedResolution> Resolutions() =>
        Arb.From(
            ResolutionGen().Select(r => new GeneratedResolution(r)),
            g => Shrink(g.Value).Select(r => new GeneratedResolution(r)));

    /// <summary>Texts that are not resolutions, or damaged ones: random characters, structural fragments, cut and shuffled samples.</summary>
    public static Arbitrary<ReaderInput> ReaderInputs() => Arb.From(ReaderInputGen(), ShrinkInput);

    /// <summary>The canonical and messy sample texts, keyed by file name.</summary>
    public static IReadOnlyList<(string Name, string Text)> SampleTexts { get; } =
        TestPaths.Samples.Select(s => (s.Name, File.ReadAllText(s.FullPath))).ToArray();

    private static Gen<Resolution> ResolutionGen() =>
        from body in Gen.Elements(Bodies)
        from kind in body == Body.Plenipotentiary
            ? Gen.Frequency((4, Gen.Constant(InstrumentKind.Resolution)), (1, Gen.Constant(InstrumentKind.Decision)))
            : Gen.Constant(InstrumentKind.Resolution)
        from number in Gen.Choose(1, 999)
        from suffix in Gen.Frequency((9, Gen.Constant(string.Empty)), (1, Gen.Constant("A")))
        from meetings in Gen.SubListOf(Conferences.Known.Where(c => c.Body == body).OrderBy(c => c.Year).ToArray())
        from withHistory in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from single in Gen.Elements(Conferences.Known.Where(c => c.Body == body).ToArray())
        from singleIsRevision in Gen.Elements(true, false)
        from noRevision in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from title in TitleGen()
        from preamble in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(PreambleGroupGen(), n))
        from operative in Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(OperativeGroupGen(), n))
        from footnoteCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from footnotePlaces in Gen.ListOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 10_000)), footnoteCount)
        from footnoteTexts in Gen.ListOf(SentenceGen(FootnoteStarts), footnoteCount)
        from annexCount in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from annexes in Gen.ListOf(AnnexGen(), annexCount)
        select Build(body, kind, number.ToString(CultureInfo.InvariantCulture) + suffix, withHistory ? meetings.ToList() : new List<Conference>(), single, singleIsRevision, noRevision, title, preamble, operative, footnotePlaces, footnoteTexts, annexes);

    private static Resolution Build(
        Body body,
        InstrumentKind kind,
        string number,
        IReadOnlyList<Conference> history,
        Conference single,
        bool singleIsRevision,
        bool noRevision,
        string title,
        IReadOnlyList<Group> preamble,
        IReadOnlyList<Group> operative,
        IReadOnlyList<(int Clause, int Word)> footnotePlaces,
        IReadOnlyList<string> footnoteTexts,
        IReadOnlyList<(string? Title, List<string> Paragraphs)> annexes)
    {
        var revisions = history.Select((c, i) => new Revision(c.Place, c.Year, i > 0)).ToList();
        Revision? revision = revisions.Count > 0 ? revisions[revisions.Count - 1] : noRevision ? null : new Revision(single.Place, single.Year, singleIsRevision);
        var meeting = revision is null ? single : Conferences.Known.First(c => c.Body == body && c.Year == revision.Year && c.Place == revision.Place);

        var r = new Resolution(new InstrumentId(body, kind, number), revision, title, "en")
        {
            History = revisions.ToEquatableArray(),
            ConferenceFormula = FormulaOf(meeting),
            Preamble = preamble.ToEquatableArray(),
            Operative = operative.ToEquatableArray(),
        };

        // Footnotes: the k-th footnote's marker goes after a word (not the first) of some clause.
        for (var k = 0; k < footnotePlaces.Count; k++)
        {
            var marker = (k + 1).ToString(CultureInfo.InvariantCulture);
            var (clauseIndex, wordIndex) = footnotePlaces[k];
            r = WithMarker(r, clauseIndex, wordIndex, Superscript[k + 1]);
            r = r with { Footnotes = r.Footnotes.Add(new Footnote(marker, footnoteTexts[k])) };
        }

        r = r with { TitleLine = ResolutionTextWriter.TitleLineOf(r) };

        var annexList = new List<Annex>();
        var titles = new HashSet<string>(StringComparer.Ordinal) { title };
        for (var i = 0; i < annexes.Count; i++)
        {
            var (annexTitle, paragraphs) = annexes[i];
            if (annexTitle is not null && !titles.Add(annexTitle))
            {
                annexTitle = null;
            }

            var heading = (annexes.Count == 1 ? "ANNEX TO " : "ANNEX " + (i + 1).ToString(CultureInfo.InvariantCulture) + " TO ")
                + r.TitleLine.ToUpperInvariant();
            annexList.Add(new Annex(heading, annexTitle, paragraphs.Select(p => new Paragraph(p)).ToEquatableArray()));
        }

        return DropOrphanFootnotes(r with { Annexes = annexList.ToEquatableArray() });
    }

    /// <summary>The conference formula of a meeting, as the Final Acts write it.</summary>
    public static string FormulaOf(Conference meeting)
    {
        var where = " (" + meeting.Place + ", " + meeting.Year.ToString(CultureInfo.InvariantCulture) + "),";
        return meeting.Body.Code switch
        {
            "PP" => "The Plenipotentiary Conference of the International Telecommunication Union" + where,
            "WTSA" => "The World Telecommunication Standardization Assembly" + where,
            "WTDC" => "The World Telecommunication Development Conference" + where,
            _ => throw new ArgumentOutOfRangeException(nameof(meeting), meeting.Body.Code, "No formula for this body"),
        };
    }

    private static Gen<string> TitleGen() =>
        from first in Gen.Elements(TitleStarts)
        from n in Gen.Choose(1, 8)
        from rest in Gen.ListOf(Gen.Elements(TitleWords), n)
        select first + " " + string.Join(" ", rest);

    private static Gen<string> SentenceGen(string[] starts) =>
        from first in Gen.Elements(starts)
        from n in Gen.Choose(1, 10)
        from rest in Gen.ListOf(Gen.Elements(ClauseWords), n)
        select first + " " + string.Join(" ", rest) + ".";

    private static Gen<string> ClauseTextGen() =>
        from prefix in Gen.Elements(ClausePrefixes)
        from n in Gen.Choose(1, 12)
        from words in Gen.ListOf(Gen.Elements(ClauseWords), n)
        from ending in Gen.Elements(Endings)
        select prefix + string.Join(" ", words) + ending;

    private static Gen<int> ClauseCountGen(int common, int rare) =>
        Gen.Frequency((6, Gen.Choose(1, common)), (1, Gen.Choose(common + 1, rare)));

    private static Gen<Group> PreambleGroupGen() =>
        from phrase in Gen.Elements(Phrases.Value.Preamble)
        from count in ClauseCountGen(4, 10)
        from texts in Gen.ListOf(ClauseTextGen(), count)
        select Relabel(new Group(Part.Preamble, phrase.Phrase, phrase.Kind, EquatableArray<Actor>.Empty, texts.Select(t => new Clause(string.Empty, t)).ToEquatableArray()));

    private static Gen<Group> OperativeGroupGen() =>
        from verb in Gen.Elements(Phrases.Value.Operative)
        from actorCount in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from actors in Gen.Shuffle(ActorsFor(verb.Kind)).Select(a => a.Take(VerbTakesActors(verb.Kind) ? actorCount : 0).ToArray())
        from count in ClauseCountGen(4, 6)
        from clauses in Gen.ListOf(OperativeClauseGen(), count)
        select Relabel(new Group(Part.Operative, Heading(verb.Phrase, actors), verb.Kind, actors.ToEquatableArray(), clauses.ToEquatableArray()));

    private static Gen<Clause> OperativeClauseGen() =>
        from text in ClauseTextGen()
        from subCount in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from subs in Gen.ListOf(ClauseTextGen(), subCount)
        select new Clause(string.Empty, text, subs.Select(s => new Clause(string.Empty, s)).ToEquatableArray());

    private static Gen<(string? Title, List<string> Paragraphs)> AnnexGen() =>
        from title in Gen.Frequency((3, TitleGen().Select(t => (string?)t)), (1, Gen.Constant((string?)null)))
        from n in Gen.Choose(0, 3)
        from paragraphs in Gen.ListOf(SentenceGen(ParagraphStarts), n)
        select (title, paragraphs);

    /// <summary>"instructs" + [SG, Directors] → "instructs the Secretary-General and the Directors of the three Bureaux".</summary>
    private static string Heading(string verb, IReadOnlyList<Actor> actors)
    {
        if (actors.Count == 0)
        {
            return verb;
        }

        var names = actors.Select(a => a.Name).ToList();
        var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
        return verb + " " + list;
    }

    private static bool VerbTakesActors(string kind) =>
        kind is not ("resolves" or "resolves-further" or "decides" or "endorses" or "calls-for");

    private static Actor[] ActorsFor(string kind)
    {
        var organs = Actor.WellKnown.Where(a => a.Standing == ActorStanding.Organ);
        var external = Actor.WellKnown.Where(a => a.Standing == ActorStanding.External);
        return kind switch
        {
            "invites" or "encourages" or "urges" or "resolves-to-invite" => external.ToArray(),
            "expresses" => Actor.WellKnown.ToArray(),
            _ => organs.ToArray(),
        };
    }

    /// <summary>Gives a group the labels of the canonical layout: a) b) ... in the preamble, 1 2 ... and 1.1 1.2 ... in the operative part, none for a single clause.</summary>
    public static Group Relabel(Group g)
    {
        if (g.Clauses.Count == 1)
        {
            return g with { Clauses = EquatableArray.Create(g.Clauses[0] with { Label = string.Empty, SubClauses = EquatableArray<Clause>.Empty }) };
        }

        var clauses = g.Clauses.Select((c, i) =>
        {
            if (g.Part == Part.Preamble)
            {
                return c with { Label = ((char)('a' + i)).ToString() + ")", SubClauses = EquatableArray<Clause>.Empty };
            }

            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            return c with
            {
                Label = n,
                SubClauses = c.SubClauses.Select((s, j) => s with { Label = n + "." + (j + 1).ToString(CultureInfo.InvariantCulture), SubClauses = EquatableArray<Clause>.Empty }).ToEquatableArray(),
            };
        });
        return g with { Clauses = clauses.ToEquatableArray() };
    }

    private static Resolution WithMarker(Resolution r, int clauseIndex, int wordIndex, string marker)
    {
        var count = r.Clauses().Count();
        if (count == 0)
        {
            return r;
        }

        var target = clauseIndex % count;
        return MapClauses(r, (index, c) =>
        {
            var words = c.Text.Split(' ');
            if (index != target || words.Length < 2)
            {
                return c;
            }

            // After a word other than the first; before the closing punctuation when it is the last word.
            var w = 1 + (wordIndex % (words.Length - 1));
            var word = words[w];
            if (word.Any(ch => Superscript.Contains(ch.ToString())))
            {
                // Two markers on one word would read as one number ("¹²" is 12); this footnote is dropped instead.
                return c;
            }

            words[w] = w == words.Length - 1 ? word.Substring(0, word.Length - 1) + marker + word.Substring(word.Length - 1) : word + marker;
            return c with { Text = string.Join(" ", words) };
        });
    }

    /// <summary>Maps every clause; the index is the clause's position in document order (a parent before its sub-clauses).</summary>
    private static Resolution MapClauses(Resolution r, Func<int, Clause, Clause> f)
    {
        var next = 0;
        Clause Walk(Clause c)
        {
            var index = next++;
            var subs = c.SubClauses.Select(Walk).ToEquatableArray();
            return f(index, c with { SubClauses = subs });
        }

        Group G(Group g) => g with { Clauses = g.Clauses.Select(Walk).ToEquatableArray() };
        var preamble = r.Preamble.Select(G).ToEquatableArray();
        var operative = r.Operative.Select(G).ToEquatableArray();
        return r with { Preamble = preamble, Operative = operative };
    }

    private static Resolution DropOrphanFootnotes(Resolution r)
    {
        var markers = new HashSet<string>(r.Clauses().SelectMany(c => c.Clause.FootnoteMarkers), StringComparer.Ordinal);
        return r with { Footnotes = r.Footnotes.Where(f => markers.Contains(f.Marker)).ToEquatableArray() };
    }

    /// <summary>Smaller valid resolutions: fewer parts first, then shorter texts.</summary>
    public static IEnumerable<Resolution> Shrink(Resolution r)
    {
        IEnumerable<Resolution> Candidates()
        {
            for (var i = 0; i < r.Annexes.Count; i++)
            {
                yield return r with { Annexes = r.Annexes.RemoveAt(i) };
            }

            for (var i = 0; i < r.Footnotes.Count; i++)
            {
                var marker = Superscript[int.Parse(r.Footnotes[i].Marker, CultureInfo.InvariantCulture) % 10];
                yield return MapClauses(r, (_, c) => c with { Text = c.Text.Replace(marker, string.Empty) }) with { Footnotes = r.Footnotes.RemoveAt(i) };
            }

            if (!r.History.IsEmpty)
            {
                yield return r with { History = EquatableArray<Revision>.Empty };
            }

            for (var i = 0; i < r.Preamble.Count; i++)
            {
                yield return r with { Preamble = r.Preamble.RemoveAt(i) };
            }

            for (var i = 0; i < r.Operative.Count; i++)
            {
                if (r.Operative.Count > 1)
                {
                    yield return r with { Operative = r.Operative.RemoveAt(i) };
                }
            }

            foreach (var (part, groups) in new[] { (Part.Preamble, r.Preamble), (Part.Operative, r.Operative) })
            {
                for (var gi = 0; gi < groups.Count; gi++)
                {
                    foreach (var smaller in ShrinkGroup(groups[gi]))
                    {
                        var changed = groups.SetItem(gi, smaller);
                        yield return part == Part.Preamble ? r with { Preamble = changed } : r with { Operative = changed };
                    }
                }
            }

            for (var i = 0; i < r.Annexes.Count; i++)
            {
                var a = r.Annexes[i];
                for (var p = 0; p < a.Paragraphs.Count; p++)
                {
                    yield return r with { Annexes = r.Annexes.SetItem(i, a with { Paragraphs = a.Paragraphs.RemoveAt(p) }) };
                }
            }

            var titleWords = r.Title.Split(' ');
            if (titleWords.Length > 1)
            {
                yield return r with { Title = titleWords[0] };
            }
        }

        return Candidates().Select(DropOrphanFootnotes);
    }

    private static IEnumerable<Group> ShrinkGroup(Group g)
    {
        for (var i = 0; i < g.Clauses.Count; i++)
        {
            if (g.Clauses.Count > 1)
            {
                yield return Relabel(g with { Clauses = g.Clauses.RemoveAt(i) });
            }
        }

        for (var i = 0; i < g.Clauses.Count; i++)
        {
            var c = g.Clauses[i];
            for (var s = 0; s < c.SubClauses.Count; s++)
            {
                yield return Relabel(g with { Clauses = g.Clauses.SetItem(i, c with { SubClauses = c.SubClauses.RemoveAt(s) }) });
            }

            if (ShorterText(c.Text) is { } shorter)
            {
                yield return g with { Clauses = g.Clauses.SetItem(i, c with { Text = shorter }) };
            }
        }
    }

    /// <summary>"that a b¹ c d;" → "that b¹ d;": keeps the prefix, any word with a footnote marker and the last word.</summary>
    private static string? ShorterText(string text)
    {
        var words = text.Split(' ');
        if (words.Length <= 3)
        {
            return null;
        }

        var kept = words.Where((w, i) => i == 0 || i == words.Length - 1 || w.Any(ch => Superscript.Contains(ch.ToString()))).ToList();
        return kept.Count < words.Length ? string.Join(" ", kept) : null;
    }

    // ----- Inputs that need not be valid -----

    private static readonly string[] Fragments =
    {
        "RESOLUTION 191 (REV. BUCHAREST, 2022)", "DECISION 5", "RESOLUTION", "Resolution 71 (Rev. Dubai, 2018) of this conference",
        "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),",
        "The World Telecommunication Standardization Assembly (New Delhi, 2024),", "(Busan, 2014; Rev. Dubai, 2018)", "(Rev. , )",
        "considering", "recalling", "noting,", "resolves", "resolves:", "instructs the Secretary-General", "invites Member States",
        "instructs the Director of TSB and somebody else", "decides", "a)", "b)\t", "(c)", "i)", "ii)", "1", "2\t", "2.1\t", "3.", "1.1.1.1",
        "that", "to", "coordi-", "nation", "Telecommuni-", "- 1 -", "- 12 -", "Page 3 of 9", "PP-22 – Resolution 191", "12", "ANNEX",
        "ANNEX TO RESOLUTION 1", "APPENDIX 2", "¹", "²³", "⁰", "¹\tA footnote.", ";", ",", ".", ":", "(", ")", "((", "))", "\t", "  ",
        "\u00A0", "\u2007", "\u3000", "\f", "\r", "\n", "\r\n", "\n\n", "\uFEFF", "\u2028", "\u200B", "\u0301", "“", "”", "–", "—",
        "considérant", "décide", "charge le Secrétaire général", "RÉSOLUTION 2 (RÉV. BUCAREST, 2022)", "第1号决议", "résolution",
        "Article 4 of the ITU Constitution", "No. 119 of the Convention", "Recommendation ITU-T X.1205", "Resolutions 70 and 71",
    };

    private static Gen<ReaderInput> ReaderInputGen() =>
        Gen.Frequency(
            (3, RandomCharsGen().Select(s => new ReaderInput(s, "random characters"))),
            (3, FragmentsGen().Select(s => new ReaderInput(s, "fragments"))),
            (2, TruncatedSampleGen()),
            (3, MangledSampleGen()),
            (2, ResolutionGen().Select(r => new ReaderInput(ResolutionTextWriter.Write(r), "canonical"))));

    private static Gen<string> RandomCharsGen() =>
        Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency(
                (8, Gen.Choose(0x20, 0x7E).Select(i => (char)i)),
                (3, Gen.Elements('\n', '\r', '\t', '\f', ' ', ' ', '\u00A0', '\u2028', '\uFEFF', '\u0085', '\v')),
                (2, Gen.Elements('¹', '²', '⁰', '–', '—', '“', '”', 'é', 'É', '文', '\u0301', '\u200B')),
                (1, Gen.Choose(0xA1, 0xFFFD).Select(i => (char)i)),
                (1, Gen.Choose(0xD800, 0xDFFF).Select(i => (char)i))),
            n)).Select(cs => new string(cs));

    private static Gen<string> FragmentsGen() =>
        Gen.Choose(0, 60).SelectMany(n => Gen.ListOf(
            Gen.Frequency(
                (6, Gen.Elements(Fragments)),
                (3, Gen.Elements("\n", "\n", "\r\n", "\t", " ")),
                (2, Gen.Elements(ClauseWords).Select(w => w + " "))),
            n)).Select(parts => string.Concat(parts));

    private static Gen<ReaderInput> TruncatedSampleGen() =>
        from sample in Gen.Elements(SampleTexts.ToArray())
        from cut in Gen.Choose(0, sample.Text.Length)
        select new ReaderInput(sample.Text.Substring(0, cut), sample.Name + " cut at " + cut.ToString(CultureInfo.InvariantCulture));

    /// <summary>A sample with whole lines deleted, duplicated, swapped, joined or replaced by fragments.</summary>
    private static Gen<ReaderInput> MangledSampleGen() =>
        from sample in Gen.Elements(SampleTexts.ToArray())
        from edits in Gen.Choose(1, 8).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Choose(0, 5), Gen.Zip(Gen.Choose(0, 10_000), Gen.Elements(Fragments))), n))
        select new ReaderInput(Mangle(sample.Text, edits), sample.Name + " mangled");

    private static string Mangle(string text, IReadOnlyList<(int Op, (int Where, string Fragment) Arg)> edits)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        foreach (var (op, (where, fragment)) in edits)
        {
            if (lines.Count == 0)
            {
                break;
            }

            var i = where % lines.Count;
            switch (op)
            {
                case 0:
                    lines.RemoveAt(i);
                    break;
                case 1:
                    lines.Insert(i, lines[i]);
                    break;
                case 2:
                    var j = (where / 7) % lines.Count;
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3:
                    if (i + 1 < lines.Count)
                    {
                        lines[i] += " " + lines[i + 1];
                        lines.RemoveAt(i + 1);
                    }

                    break;
                case 4:
                    lines.Insert(i, fragment);
                    break;
                default:
                    lines[i] = fragment + lines[i];
                    break;
            }
        }

        return string.Join(newline, lines);
    }

    private static IEnumerable<ReaderInput> ShrinkInput(ReaderInput input)
    {
        var t = input.Text;
        if (t.Length == 0)
        {
            yield break;
        }

        // Halves, then whole lines out, then single characters out (bounded).
        yield return input with { Text = t.Substring(0, t.Length / 2) };
        yield return input with { Text = t.Substring(t.Length / 2) };
        var lines = t.Split('\n');
        for (var i = 0; i < lines.Length && lines.Length > 1; i++)
        {
            yield return input with { Text = string.Join("\n", lines.Where((_, k) => k != i)) };
        }

        if (t.Length <= 80)
        {
            for (var i = 0; i < t.Length; i++)
            {
                yield return input with { Text = t.Remove(i, 1) };
            }
        }
    }

    /// <summary>The group phrases of the built-in English table (the data the reader uses), with their kinds.</summary>
    private sealed class EnglishPhrases
    {
        private EnglishPhrases(IReadOnlyList<(string Phrase, string Kind)> preamble, IReadOnlyList<(string Phrase, string Kind)> operative)
        {
            Preamble = preamble.ToArray();
            Operative = operative.ToArray();
        }

        public (string Phrase, string Kind)[] Preamble { get; }

        public (string Phrase, string Kind)[] Operative { get; }

        public static EnglishPhrases Load()
        {
            using var stream = typeof(PhraseTable).Assembly.GetManifestResourceStream("ResolutionKit.Phrases.en.json")
                ?? throw new InvalidOperationException("The English phrase table is not embedded in ResolutionKit.");
            using var doc = JsonDocument.Parse(stream);
            static List<(string, string)> Pairs(JsonElement section) =>
                section.EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(v => (v.GetString()!, p.Name))).ToList();
            return new EnglishPhrases(Pairs(doc.RootElement.GetProperty("preamble")), Pairs(doc.RootElement.GetProperty("operative")));
        }
    }
}

/// <summary>Registers the generators for [Property(Arbitrary = ...)].</summary>
public static class ResolutionArbitraries
{
    /// <summary>Valid resolutions.</summary>
    public static Arbitrary<GeneratedResolution> Resolutions() => Generators.Resolutions();

    /// <summary>Inputs that need not be valid.</summary>
    public static Arbitrary<ReaderInput> ReaderInputs() => Generators.ReaderInputs();
}
