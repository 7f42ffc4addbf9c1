using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ResolutionKit.Benchmarks;

/// <summary>One generated resolution or decision text, in the canonical layout of <c>docs/text-format.md</c>.</summary>
/// <param name="FileName">A file name for it, unique within a corpus, e.g. <c>gen-00042-pp-res-43.txt</c>.</param>
/// <param name="Text">The text: UTF-8, LF line endings, a final newline.</param>
/// <param name="BodyCode">The adopting body: <c>PP</c>, <c>WTSA</c> or <c>WTDC</c>.</param>
/// <param name="Kind"><c>Resolution</c> or <c>Decision</c>.</param>
/// <param name="Number">The number on the title line.</param>
/// <param name="ClauseCount">The clauses written, sub-clauses included (what <c>Resolution.Clauses()</c> should count after reading).</param>
/// <param name="GroupCount">The preambular and operative groups written.</param>
/// <param name="HasFootnote">Whether a footnote (and its marker in a clause) was written.</param>
/// <param name="HasAnnex">Whether an annex was written.</param>
public sealed record GeneratedResolution(
    string FileName,
    string Text,
    string BodyCode,
    string Kind,
    string Number,
    int ClauseCount,
    int GroupCount,
    bool HasFootnote,
    bool HasAnnex)
{
    /// <summary>The size of <see cref="Text"/> in UTF-8 bytes (what the file on disk takes).</summary>
    public int Utf8Bytes => Encoding.UTF8.GetByteCount(Text);
}

/// <summary>A set of generated texts with their totals.</summary>
public sealed class GeneratedCorpus
{
    /// <summary>Creates a corpus from generated texts.</summary>
    /// <param name="resolutions">The texts.</param>
    public GeneratedCorpus(IReadOnlyList<GeneratedResolution> resolutions)
    {
        Resolutions = resolutions;
        Utf8Bytes = resolutions.Sum(r => (long)r.Utf8Bytes);
        Characters = resolutions.Sum(r => (long)r.Text.Length);
        Clauses = resolutions.Sum(r => (long)r.ClauseCount);
    }

    /// <summary>The texts, in generation order.</summary>
    public IReadOnlyList<GeneratedResolution> Resolutions { get; }

    /// <summary>The number of texts.</summary>
    public int Count => Resolutions.Count;

    /// <summary>The total size in UTF-8 bytes.</summary>
    public long Utf8Bytes { get; }

    /// <summary>The total size in UTF-16 characters.</summary>
    public long Characters { get; }

    /// <summary>The total number of clauses, sub-clauses included.</summary>
    public long Clauses { get; }

    /// <summary>The texts only, in order.</summary>
    public string[] Texts() => Resolutions.Select(r => r.Text).ToArray();

    /// <summary>Writes every text to <paramref name="folder"/> (created when missing) and returns the folder.</summary>
    /// <param name="folder">The folder.</param>
    public string WriteTo(string folder) => CorpusGenerator.WriteToFolder(Resolutions, folder);

    /// <summary>Writes every text to a new folder under the temp folder and returns it; the caller deletes it.</summary>
    /// <param name="prefix">The start of the folder name.</param>
    public string WriteToTempFolder(string prefix = "reskit-corpus") => CorpusGenerator.WriteToTempFolder(Resolutions, prefix);
}

/// <summary>
/// Generates realistic resolution and decision texts in the canonical layout (<c>docs/text-format.md</c>): title line,
/// subject, history line, conference formula, preambular groups with lettered clauses, operative groups with numbered
/// clauses and sub-clauses (<c>2.1</c>, <c>i)</c>) addressed to actors, references such as
/// "Resolution 71 (Rev. Bucharest, 2022) of this conference", an occasional footnote and annex.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic: text <c>index</c> depends only on the seed, the index and the size asked for, so
/// <c>Generate(5)</c> and <c>Generate(500)</c> share their first five texts, and the same call gives byte-identical
/// texts on every machine and run (seeded <see cref="Random"/> uses a fixed algorithm).
/// </para>
/// <para>
/// The texts follow the conventions of <c>samples/corpus/README.md</c> so that the reader reports nothing on them:
/// a TAB after each label, <c>;</c> after a clause, <c>:</c> before sub-clauses, <c>,</c> after the last clause of a
/// group and <c>.</c> after the last clause of the operative part, no label on a group's only clause. A preambular
/// group has at most 26 clauses (a to z). Numbers run from 1 to 9999, then from 1A to 9999A, 1B and so on (until
/// 259,974 texts), so that no two texts of a corpus claim one instrument.
/// </para>
/// </remarks>
public sealed class CorpusGenerator
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 1912022;

    /// <summary>The clauses per text when none is given (sub-clauses included).</summary>
    public const int DefaultClausesPerResolution = 40;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed; the same seed gives the same texts.</param>
    public CorpusGenerator(int seed = DefaultSeed)
    {
        Seed = seed;
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Generates the text at <paramref name="index"/> with <paramref name="clauses"/> clauses (sub-clauses included; at least 2).</summary>
    /// <param name="index">The position in the corpus (0-based); it sets the number and the random stream.</param>
    /// <param name="clauses">How many clauses to write.</param>
    public GeneratedResolution GenerateResolution(int index, int clauses = DefaultClausesPerResolution)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The index must not be negative.");
        }

        var random = new Random(unchecked((Seed * 1_000_003) ^ (index * 7_919) ^ (clauses * 104_729)));
        return new TextBuilder(random, index, Math.Max(2, clauses), Seed).Build();
    }

    /// <summary>Generates <paramref name="count"/> texts of <paramref name="clausesPerResolution"/> clauses each.</summary>
    /// <param name="count">How many texts.</param>
    /// <param name="clausesPerResolution">Clauses per text (sub-clauses included).</param>
    public GeneratedCorpus Generate(int count, int clausesPerResolution = DefaultClausesPerResolution)
    {
        var list = new List<GeneratedResolution>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(GenerateResolution(i, clausesPerResolution));
        }

        return new GeneratedCorpus(list);
    }

    /// <summary>Generates the text at <paramref name="index"/> sized to about <paramref name="targetCharacters"/> characters (within about 10 %).</summary>
    /// <param name="index">The position in the corpus.</param>
    /// <param name="targetCharacters">The size wanted.</param>
    public GeneratedResolution GenerateResolutionOfSize(int index, int targetCharacters)
    {
        // About 230 characters per clause once headings and the front matter are counted; one correction step
        // brings the size close to the target.
        var clauses = Math.Max(2, targetCharacters / 230);
        var best = GenerateResolution(index, clauses);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ratio = (double)targetCharacters / best.Text.Length;
            if (Math.Abs(ratio - 1) < 0.08)
            {
                break;
            }

            var next = Math.Max(2, (int)Math.Round(clauses * ratio));
            if (next == clauses)
            {
                break;
            }

            clauses = next;
            var candidate = GenerateResolution(index, clauses);
            if (Math.Abs(candidate.Text.Length - targetCharacters) < Math.Abs(best.Text.Length - targetCharacters))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// Builds a corpus about <paramref name="factor"/> times the size of <paramref name="sampleTexts"/> (in characters), out
    /// of generated texts of similar sizes: text i is sized like sample <c>i mod n</c>.
    /// </summary>
    /// <param name="sampleTexts">The texts to imitate, e.g. <see cref="SampleCorpus.Texts"/>.</param>
    /// <param name="factor">How many times their total size to generate (e.g. 100).</param>
    public GeneratedCorpus Scale(IReadOnlyList<string> sampleTexts, double factor)
    {
        if (sampleTexts.Count == 0)
        {
            throw new ArgumentException("At least one sample text is needed.", nameof(sampleTexts));
        }

        if (factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be positive.");
        }

        var target = (long)Math.Round(sampleTexts.Sum(t => (long)t.Length) * factor);
        var list = new List<GeneratedResolution>();
        long total = 0;
        for (var i = 0; total < target; i++)
        {
            var size = Math.Max(600, sampleTexts[i % sampleTexts.Count].Length);
            if (total + (size / 2) >= target && list.Count > 0)
            {
                break;
            }

            var generated = GenerateResolutionOfSize(i, size);
            list.Add(generated);
            total += generated.Text.Length;
        }

        return new GeneratedCorpus(list);
    }

    /// <summary>Like <see cref="Scale(IReadOnlyList{string}, double)"/> on the shipped samples (<c>samples/corpus/*.txt</c>).</summary>
    /// <param name="factor">How many times their size to generate.</param>
    /// <param name="seed">The seed.</param>
    public static GeneratedCorpus ScaleSamples(double factor, int seed = DefaultSeed) =>
        new CorpusGenerator(seed).Scale(SampleCorpus.Texts(), factor);

    /// <summary>Writes the texts to <paramref name="folder"/> (created when missing), one file each, UTF-8 without BOM; returns the folder.</summary>
    /// <param name="resolutions">The texts.</param>
    /// <param name="folder">The folder.</param>
    public static string WriteToFolder(IEnumerable<GeneratedResolution> resolutions, string folder)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var r in resolutions)
        {
            File.WriteAllText(Path.Combine(folder, r.FileName), r.Text, utf8);
        }

        return folder;
    }

    /// <summary>Writes the texts to a new folder under <see cref="Path.GetTempPath"/> and returns it; the caller deletes it.</summary>
    /// <param name="resolutions">The texts.</param>
    /// <param name="prefix">The start of the folder name.</param>
    public static string WriteToTempFolder(IEnumerable<GeneratedResolution> resolutions, string prefix = "reskit-corpus")
    {
        var folder = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        return WriteToFolder(resolutions, folder);
    }

    /// <summary>Builds one text from one random stream.</summary>
    private sealed class TextBuilder
    {
        private const string FootnoteMarker = "¹";
        private const string FootnoteText = "These include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition.";

        private readonly Random _random;
        private readonly int _index;
        private readonly int _clauses;
        private readonly StringBuilder _out = new();
        private readonly BodyInfo _body;
        private readonly bool _decision;
        private readonly string _number;

        private readonly int _seed;

        public TextBuilder(Random random, int index, int clauses, int seed)
        {
            _seed = seed;
            _random = random;
            _index = index;
            _clauses = clauses;
            var roll = _random.NextDouble();
            _decision = roll < 0.08;
            _body = _decision || roll < 0.6 ? Bodies[0] : roll < 0.8 ? Bodies[1] : Bodies[2];
            // 1 to 9999, then 1A to 9999A and so on: every text of a corpus is a different instrument, as in a real
            // one (two texts with one address are checked as versions of one instrument, in turns).
            _number = ((index % 9999) + 1).ToString(CultureInfo.InvariantCulture) + (index < 9999 ? string.Empty : ((char)('A' + (((index / 9999) - 1) % 26))).ToString());
        }

        public GeneratedResolution Build()
        {
            var kind = _decision ? "DECISION" : "RESOLUTION";
            var meetings = _body.Meetings;
            var latest = meetings.Length - 1;
            var first = _random.Next(Math.Max(0, latest - 6), latest + 1);
            var latestMeeting = meetings[latest];
            var revised = first < latest;

            // Title line: PP texts use capitals for the revision, the Sector texts mixed case.
            var revision = (revised ? "Rev. " : string.Empty) + latestMeeting.Place + ", " + Year(latestMeeting.Year);
            var annexRevision = revision.ToUpperInvariant();
            Line(kind + " " + _number + " (" + (_body.Code == "PP" ? revision.ToUpperInvariant() : revision) + ")");
            Line();
            Line(Subject());
            Line();

            if (_random.NextDouble() < 0.9)
            {
                var history = new List<string>();
                for (var m = first; m <= latest; m++)
                {
                    // Not every meeting revised the text; the first and the latest always appear.
                    if (m == first || m == latest || _random.NextDouble() < 0.7)
                    {
                        history.Add((m == first ? string.Empty : "Rev. ") + meetings[m].Place + ", " + Year(meetings[m].Year));
                    }
                }

                Line("(" + string.Join("; ", history) + ")");
                Line();
            }

            Line(_body.Formula + " (" + latestMeeting.Place + ", " + Year(latestMeeting.Year) + "),");
            Line();

            // Budget: about 40 % of the clauses in the preamble, the rest operative; a preambular group holds 26 at most.
            var preambleBudget = Math.Max(1, (int)Math.Round(_clauses * (0.3 + (_random.NextDouble() * 0.2))));
            var operativeBudget = Math.Max(1, _clauses - preambleBudget);
            preambleBudget = _clauses - operativeBudget;
            var preambleHeadings = PreambleHeadings(preambleBudget);
            var maxPreamble = preambleHeadings.Count * 26;
            if (preambleBudget > maxPreamble)
            {
                operativeBudget += preambleBudget - maxPreamble;
                preambleBudget = maxPreamble;
            }

            var groups = new List<GroupPlan>();
            if (preambleBudget > 0)
            {
                var sizes = Split(preambleBudget, preambleHeadings.Count, 26);
                for (var g = 0; g < sizes.Length; g++)
                {
                    groups.Add(PreambleGroup(preambleHeadings[g], sizes[g]));
                }
            }

            var operativeHeadings = OperativeHeadings(operativeBudget);
            var operativeSizes = Split(operativeBudget, operativeHeadings.Count, int.MaxValue);
            for (var g = 0; g < operativeSizes.Length; g++)
            {
                groups.Add(OperativeGroup(operativeHeadings[g], operativeSizes[g]));
            }

            // A footnote on "developing countries" in about a third of the texts.
            var hasFootnote = _random.NextDouble() < 0.33;
            if (hasFootnote)
            {
                var all = groups.SelectMany(g => g.Lines).ToList();
                var target = all[_random.Next(all.Count)];
                target.Text += ", in particular in developing countries" + FootnoteMarker;
            }

            // Terminal punctuation: ':' before sub-clauses, ',' after a group's last clause, '.' after the last one.
            for (var g = 0; g < groups.Count; g++)
            {
                var lines = groups[g].Lines;
                for (var l = 0; l < lines.Count; l++)
                {
                    var line = lines[l];
                    var terminal = line.HasChildren ? ":" : l < lines.Count - 1 ? ";" : g < groups.Count - 1 ? "," : ".";
                    line.Text += terminal;
                }
            }

            foreach (var group in groups)
            {
                Line(group.Heading);
                foreach (var line in group.Lines)
                {
                    Line(line.Label.Length == 0 ? line.Text : line.Label + "\t" + line.Text);
                }

                Line();
            }

            if (hasFootnote)
            {
                Line(FootnoteMarker + "\t" + FootnoteText);
                Line();
            }

            var hasAnnex = _random.NextDouble() < 0.12;
            if (hasAnnex)
            {
                Line("ANNEX TO " + kind + " " + _number + " (" + annexRevision + ")");
                Line();
                Line(Capitalize(Pick(AnnexTitles)) + " " + Pick(Topics));
                Line();
                var paragraphs = _random.Next(1, 4);
                for (var p = 0; p < paragraphs; p++)
                {
                    Line(Capitalize(Sentence(30, 60, preamble: true)) + ".");
                    Line();
                }
            }

            // One final newline, not a trailing blank line.
            while (_out.Length > 1 && _out[_out.Length - 1] == '\n' && _out[_out.Length - 2] == '\n')
            {
                _out.Length--;
            }

            var clauseCount = groups.Sum(g => g.Lines.Count);
            var fileName = string.Format(CultureInfo.InvariantCulture, "gen-{0:00000}-{1}-{2}-{3}.txt", _index, _body.Code.ToLowerInvariant(), _decision ? "dec" : "res", _number);
            return new GeneratedResolution(fileName, _out.ToString(), _body.Code, _decision ? "Decision" : "Resolution", _number, clauseCount, groups.Count, hasFootnote, hasAnnex);
        }

        private void Line(string text = "") => _out.Append(text).Append('\n');

        private string Subject()
        {
            var subject = Capitalize(Pick(SubjectHeads)) + " " + Pick(Topics);
            return _random.NextDouble() < 0.3 ? subject + " " + Pick(SubjectTails) : subject;
        }

        private List<string> PreambleHeadings(int budget)
        {
            // considering first, then a few others in their usual order; more groups for larger texts.
            var wanted = Math.Max(1, Math.Min(PreambleKinds.Length + 1, (int)Math.Ceiling(budget / (double)(_random.Next(3, 7)))));
            wanted = Math.Max(wanted, (int)Math.Ceiling(budget / 26.0));
            var rest = Shuffle(PreambleKinds.ToList()).Take(Math.Max(0, wanted - 1)).ToList();
            rest.Sort((a, b) => Array.IndexOf(PreambleKinds, a).CompareTo(Array.IndexOf(PreambleKinds, b)));
            var headings = new List<string> { "considering" };
            headings.AddRange(rest);
            return headings;
        }

        private List<string> OperativeHeadings(int budget)
        {
            var wanted = Math.Max(1, Math.Min(OperativeKinds.Length + 1, (int)Math.Ceiling(budget / (double)_random.Next(3, 7))));
            var first = _decision ? "decides" : "resolves";
            var pool = OperativeKinds.Where(k => !_decision || !k.Contains("resolves")).ToList();
            var rest = Shuffle(pool).Take(wanted - 1).ToList();
            rest.Sort((a, b) => Array.IndexOf(OperativeKinds, a).CompareTo(Array.IndexOf(OperativeKinds, b)));
            var headings = new List<string> { first };
            headings.AddRange(rest);
            return headings;
        }

        private GroupPlan PreambleGroup(string heading, int size)
        {
            var group = new GroupPlan(heading);
            var referencing = heading.Contains("recalling") || heading == "having regard to";
            for (var i = 0; i < size; i++)
            {
                var label = size == 1 ? string.Empty : ((char)('a' + i)).ToString() + ")";
                string text;
                if (referencing)
                {
                    var cited = Reference() + ", on " + Pick(Topics);
                    text = _random.NextDouble() < 0.5
                        ? cited + ", which " + Pick(WhichClauses) + " on " + Own(3, 4, cited + Pick(WhichClauses))
                        : cited + " and " + Own(3, 4, cited);
                }
                else if ((heading.StartsWith("noting", StringComparison.Ordinal) || heading == "welcoming") && _random.NextDouble() < 0.4)
                {
                    var works = "the " + Pick(Works) + " on " + Pick(Topics) + " and ";
                    var tail = Tail();
                    text = works + Own(3, 4, works + tail) + tail;
                }
                else
                {
                    text = "that " + SharedOr(() => Sentence(15, 40, preamble: true));
                }

                group.Lines.Add(new ClausePlan(label, text));
            }

            return group;
        }

        private GroupPlan OperativeGroup(string heading, int size)
        {
            var group = new GroupPlan(heading);
            var resolves = heading == "resolves" || heading == "decides";
            var number = 0;
            var remaining = size;
            while (remaining > 0)
            {
                number++;
                string text;
                if (resolves && _random.NextDouble() < 0.3)
                {
                    var head = "that " + Pick(Subjects) + " should " + Pick(OperativeVerbs) + " " + Pick(Objects) + " on ";
                    var tail = Tail();
                    text = head + Own(5, 6, head + tail) + tail;
                }
                else
                {
                    text = "to " + SharedOr(() => Sentence(15, 40, preamble: false));
                }

                var clause = new ClausePlan(size == 1 ? string.Empty : number.ToString(CultureInfo.InvariantCulture), text);
                group.Lines.Add(clause);
                remaining--;

                // Sub-clauses under about one clause in seven, when the group has room for them.
                if (size > 1 && remaining >= 2 && _random.NextDouble() < 0.15)
                {
                    var count = Math.Min(remaining, _random.Next(2, 5));
                    var roman = _random.NextDouble() < 0.25;
                    clause.HasChildren = true;
                    for (var s = 1; s <= count; s++)
                    {
                        var label = roman ? Romans[s - 1] + ")" : number.ToString(CultureInfo.InvariantCulture) + "." + s.ToString(CultureInfo.InvariantCulture);
                        var head = (roman ? string.Empty : "by " + Pick(Gerunds) + " ") + Pick(Objects) + " for ";
                        var tail = Tail();
                        var subText = head + Own(4, 5, head + tail) + tail;
                        group.Lines.Add(new ClausePlan(label, subText));
                    }

                    remaining -= count;
                }
            }

            return group;
        }

        /// <summary>A clause body of about min..max words: a chain of statements joined as the drafters do.</summary>
        private string Sentence(int minWords, int maxWords, bool preamble)
        {
            var target = _random.Next(minWords, maxWords + 1);
            var sb = new StringBuilder();
            if (preamble)
            {
                sb.Append(Pick(Subjects)).Append(' ').Append(Pick(Verbs)).Append(' ').Append(Pick(Objects));
            }
            else
            {
                sb.Append(Pick(OperativeVerbs)).Append(' ').Append(Pick(Objects));
            }

            // What this clause is about, in words of its own, as real clauses are; then, as drafters do, a common
            // qualifier, a citation or a relative clause now and then.
            var roll = _random.NextDouble();
            var tail = roll < 0.35 ? Tail(always: true)
                : roll < 0.5 ? ", in accordance with " + Reference()
                : roll < 0.6 ? ", which " + Pick(WhichClauses)
                : roll < 0.75 ? (preamble ? ", and that " + Pick(Subjects) + " " + Pick(Verbs) + " " + Pick(Objects) : " and to " + Pick(OperativeVerbs) + " " + Pick(Objects))
                : string.Empty;
            sb.Append(", concerning ");
            var boilerplate = sb + tail;
            sb.Append(Own(Math.Max(10, target - Words(sb)), 1, boilerplate)).Append(tail);
            return sb.ToString();
        }

        /// <summary>
        /// The near-duplicate density of real texts. Resolutions come in blocks of <see cref="Block"/> (one subject
        /// area); each clause is, with probability <see cref="SharedShare"/>, an edited copy of one of the block's
        /// <see cref="SharedPerBlock"/> shared clauses, otherwise a clause of its own whose subject words come from a
        /// large vocabulary. Calibrated so that the cross-resolution pairs at similarity 0.5 or more per clause are
        /// about those of the shipped samples (0.045; the six-language fixtures have 0.006), where the first
        /// generator, all of whose clauses came from a few dozen phrases, had 13, and so that they stay so at any size
        /// (0.043 at 1,000 resolutions, 0.041 at 10,000): every pair is then two copies of a block's shared clause,
        /// and none comes from stock phrases met across subject areas (see <see cref="Own"/>).
        /// </summary>
        private const int Block = 25;
        private const int SharedPerBlock = 8;
        private const double SharedShare = 0.04;

        private string SharedOr(Func<string> own)
        {
            if (_random.NextDouble() >= SharedShare)
            {
                return own();
            }

            var topic = (_index / Block * SharedPerBlock) + _random.Next(SharedPerBlock);
            var source = new Random(unchecked((_seed * 48_271) ^ (topic * 69_621) ^ 0x2F0B1D));
            var words = SubjectWords(source, _index / Block, 18 + source.Next(14)).Split(' ').ToList();

            // An edited copy: up to a quarter of its words replaced, dropped or added.
            var edits = _random.Next(0, (words.Count / 4) + 1);
            for (var e = 0; e < edits && words.Count > 6; e++)
            {
                var at = _random.Next(words.Count);
                switch (_random.Next(3))
                {
                    case 0: words[at] = SubjectWords(_random, _index / Block, 1); break;
                    case 1: words.RemoveAt(at); break;
                    default: words.Insert(at, SubjectWords(_random, _index / Block, 1)); break;
                }
            }

            return Pick(OperativeVerbs) + " " + string.Join(" ", words);
        }

        /// <summary>
        /// The words a clause says of its own subject after its <paramref name="boilerplate"/> (the stock phrases,
        /// citation and qualifier it shares with other texts): at least <paramref name="least"/> (plus up to
        /// <paramref name="spread"/> - 1 more), and always more than half as many as the boilerplate has words, as in real
        /// clauses. Two clauses of different subject areas built on the same stock phrases then share less than half
        /// their shingles (Jaccard below 0.5), so near-duplicates across areas do not grow with the square of the
        /// corpus the way they did when a sub-clause was a stock phrase and four words of its own.
        /// </summary>
        private string Own(int least, int spread, string boilerplate) =>
            SubjectWords(_random, _index / Block, Math.Max(least, (Words(boilerplate) / 2) + 1) + _random.Next(spread));

        /// <summary>
        /// Words on a subject of its own, drawn Zipf-like from the vocabulary of its subject area (the block of
        /// <see cref="Block"/> resolutions it belongs to): each area has its own common words, as accessibility,
        /// spectrum and cybersecurity texts do, so that a larger corpus has more subject areas rather than more texts
        /// on the same few words, and its near-duplicate pairs grow with it, not with its square.
        /// </summary>
        private static string SubjectWords(Random random, int area, int count)
        {
            var sb = new StringBuilder();
            var offset = (int)((area * 7_919L) % Vocabulary.Length);
            for (var i = 0; i < count; i++)
            {
                // Zipf (s = 1) over an area's 6,000 words by inverse transform: a few words common, most rare.
                var rank = Math.Clamp((int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(AreaWords))) - 1, 0, AreaWords - 1);
                sb.Append(i == 0 ? string.Empty : " ").Append(Vocabulary[(offset + rank) % Vocabulary.Length]);
            }

            return sb.ToString();
        }

        private string Tail(bool always = false) => always || _random.NextDouble() < 0.4 ? Pick(Tails) : string.Empty;

        private string Reference()
        {
            var roll = _random.NextDouble();
            if (roll < 0.7)
            {
                var target = roll < 0.4 ? _body : Bodies[_random.Next(Bodies.Length)];
                var number = target.Known[_random.Next(target.Known.Length)];
                var meetings = target.Meetings;
                var meeting = meetings[meetings.Length - 1 - (_random.NextDouble() < 0.75 ? 0 : _random.Next(1, 3))];
                var of = target.Code == _body.Code ? _body.ThisBody : "of the " + target.Name;
                return "Resolution " + number + " (Rev. " + meeting.Place + ", " + Year(meeting.Year) + ") " + of;
            }

            if (roll < 0.8)
            {
                return "Article " + _random.Next(1, 59).ToString(CultureInfo.InvariantCulture) + " of the ITU Constitution";
            }

            if (roll < 0.9)
            {
                return "Recommendation " + Pick(Recommendations);
            }

            return Pick(OutsideReferences);
        }

        private string Pick(string[] items) => items[_random.Next(items.Length)];

        private List<T> Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }

            return items;
        }

        /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> positive sizes of at most <paramref name="max"/>, unevenly.</summary>
        private int[] Split(int total, int parts, int max)
        {
            parts = Math.Max(1, Math.Min(parts, total));
            var sizes = Enumerable.Repeat(1, parts).ToArray();
            var weights = Enumerable.Range(0, parts).Select(_ => 0.3 + _random.NextDouble()).ToArray();
            for (var left = total - parts; left > 0; left--)
            {
                var pick = WeightedIndex(weights, sizes, max);
                sizes[pick]++;
            }

            return sizes;
        }

        private int WeightedIndex(double[] weights, int[] sizes, int max)
        {
            var sum = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                sum += sizes[i] < max ? weights[i] : 0;
            }

            var roll = _random.NextDouble() * sum;
            for (var i = 0; i < weights.Length; i++)
            {
                if (sizes[i] >= max)
                {
                    continue;
                }

                roll -= weights[i];
                if (roll <= 0)
                {
                    return i;
                }
            }

            return Array.FindLastIndex(sizes, s => s < max);
        }

        private static int Words(string text) => text.Length == 0 ? 0 : text.Count(c => c == ' ') + 1;

        private static int Words(StringBuilder sb)
        {
            var words = 1;
            for (var i = 0; i < sb.Length; i++)
            {
                if (sb[i] == ' ')
                {
                    words++;
                }
            }

            return words;
        }

        private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

        private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class GroupPlan
    {
        public GroupPlan(string heading)
        {
            Heading = heading;
        }

        public string Heading { get; }

        public List<ClausePlan> Lines { get; } = new();
    }

    private sealed class ClausePlan
    {
        public ClausePlan(string label, string text)
        {
            Label = label;
            Text = text;
        }

        public string Label { get; }

        public string Text { get; set; }

        public bool HasChildren { get; set; }
    }

    private sealed record Meeting(string Place, int Year);

    private sealed record BodyInfo(string Code, string Name, string Formula, string ThisBody, Meeting[] Meetings, string[] Known);

    private static readonly BodyInfo[] Bodies =
    {
        new(
            "PP",
            "Plenipotentiary Conference",
            "The Plenipotentiary Conference of the International Telecommunication Union",
            "of this conference",
            new Meeting[] { new("Kyoto", 1994), new("Minneapolis", 1998), new("Marrakesh", 2002), new("Antalya", 2006), new("Guadalajara", 2010), new("Busan", 2014), new("Dubai", 2018), new("Bucharest", 2022) },
            new[] { "2", "11", "25", "64", "70", "71", "101", "102", "123", "130", "131", "133", "135", "136", "137", "139", "140", "154", "165", "167", "175", "176", "177", "178", "179", "180", "188", "191", "196", "197", "200", "201", "203", "205", "208", "209", "210", "211", "214" }),
        new(
            "WTSA",
            "World Telecommunication Standardization Assembly",
            "The World Telecommunication Standardization Assembly",
            "of this assembly",
            new Meeting[] { new("Helsinki", 1993), new("Geneva", 1996), new("Montreal", 2000), new("Florianópolis", 2004), new("Johannesburg", 2008), new("Dubai", 2012), new("Hammamet", 2016), new("Geneva", 2022), new("New Delhi", 2024) },
            new[] { "1", "2", "18", "20", "22", "29", "40", "44", "50", "52", "54", "58", "64", "68", "69", "70", "72", "73", "75", "76", "78", "80", "84" }),
        new(
            "WTDC",
            "World Telecommunication Development Conference",
            "The World Telecommunication Development Conference",
            "of this conference",
            new Meeting[] { new("Buenos Aires", 1994), new("Valletta", 1998), new("Istanbul", 2002), new("Doha", 2006), new("Hyderabad", 2010), new("Dubai", 2014), new("Buenos Aires", 2017), new("Kigali", 2022) },
            new[] { "1", "2", "5", "9", "17", "20", "21", "30", "34", "37", "45", "46", "48", "58", "59", "64", "67", "69", "77", "85" }),
    };

    // In their usual order; "considering" always comes first and is not listed.
    private static readonly string[] PreambleKinds =
    {
        "considering further", "recalling", "further recalling", "having regard to", "recognizing", "recognizing further",
        "noting", "noting further", "noting with appreciation", "noting with concern", "bearing in mind", "taking into account",
        "observing", "acknowledging", "emphasizing", "reaffirming", "aware", "concerned", "convinced", "welcoming",
    };

    // In their usual order; "resolves" (or "decides" in a decision) always comes first and is not listed.
    private static readonly string[] OperativeKinds =
    {
        "further resolves", "resolves to instruct the Director of the Telecommunication Development Bureau",
        "instructs the Secretary-General", "instructs the Directors of the three Bureaux",
        "instructs the Director of the Telecommunication Standardization Bureau", "instructs the Director of the Radiocommunication Bureau",
        "instructs the Director of the Telecommunication Development Bureau", "instructs the Council",
        "requests the Secretary-General", "invites the Telecommunication Standardization Advisory Group",
        "invites Member States", "encourages Member States and Sector Members", "invites Member States, Sector Members and Academia",
        "calls upon Member States",
    };

    private static readonly string[] Romans = { "i", "ii", "iii", "iv", "v" };

    private static readonly string[] SubjectHeads =
    {
        "strengthening", "the role of ITU in", "promoting", "coordination of activities on", "measures to improve", "assistance to developing countries for",
        "implementation of", "ITU's work on", "enhancing", "the strategy for",
    };

    // Subject lines must not name a body ("Council", "... Assembly"), or the reader would take them for the formula.
    /// <summary>
    /// 200,000 made-up subject words (syllables of telecommunication terms), for clauses of their own; each subject area
    /// draws from 6,000 of them, starting at its own place.
    /// </summary>
    private static readonly string[] Vocabulary = MakeVocabulary(200_000);

    private const int AreaWords = 6000;

    private static string[] MakeVocabulary(int size)
    {
        var syllables = new[] { "ra", "te", "co", "mu", "ni", "ca", "ti", "on", "de", "ve", "lo", "spec", "trum", "net", "band", "ser", "vi", "da", "ta", "por", "tal", "sat", "li", "fi", "ber" };
        var words = new string[size];
        for (var i = 0; i < size; i++)
        {
            var sb = new StringBuilder();
            var n = i + syllables.Length;
            while (n > 0)
            {
                sb.Append(syllables[n % syllables.Length]);
                n /= syllables.Length;
            }

            words[i] = sb.Append("al").ToString();
        }

        return words;
    }

    private static readonly string[] Topics =
    {
        "the use of telecommunications/information and communication technologies for disaster preparedness",
        "accessibility of telecommunications for persons with disabilities and persons with specific needs",
        "the standardization work of the Union", "confidence and security in the use of ICTs",
        "broadband connectivity in rural and remote areas", "the conformance and interoperability of equipment",
        "the protection of users of telecommunication services", "the management of the radio-frequency spectrum",
        "capacity building and human resource development", "the participation of small and medium enterprises in the work of the Union",
        "environmental sustainability and the management of e-waste", "the digital transformation of public services",
        "the use of the six official languages of the Union on an equal footing", "international telecommunication numbering resources",
        "smart sustainable cities and communities", "the Internet of Things and its applications", "the coordination of efforts among the three Sectors",
        "bridging the standardization gap between developing and developed countries", "the empowerment of women and girls through ICTs",
        "electronic meetings and remote participation",
    };

    private static readonly string[] SubjectTails =
    {
        "in developing countries", "at the regional level", "for sustainable development", "in the information society",
    };

    private static readonly string[] Subjects =
    {
        "the rapid development of information and communication technologies", "the work of the study groups", "cooperation among the three Sectors",
        "the participation of developing countries in the work of the Union", "the programme on bridging the standardization gap",
        "the implementation of the strategic plan of the Union", "the provision of emergency telecommunications", "the financial situation of the Union",
        "the accessibility of telecommunication services", "the deployment of broadband networks", "the protection of children online",
        "capacity building in spectrum management", "the exchange of information among the Bureaux", "the use of electronic working methods",
        "the development of international standards", "the security of networks and services", "regional cooperation",
        "the presence of the Union in the regions", "the digital divide", "the convergence of technologies and services",
    };

    private static readonly string[] Verbs =
    {
        "is essential to", "contributes to", "continues to require attention to", "has a direct impact on", "calls for greater attention to",
        "depends on", "remains a priority for", "can help to achieve", "is closely linked to", "requires coordinated action on",
        "plays an important role in", "offers new opportunities for",
    };

    private static readonly string[] Objects =
    {
        "the sustainable development of the information society", "the efficient use of the resources of the Union",
        "the connectivity of rural and remote areas", "the coordination of work among the Sectors", "the achievement of the Sustainable Development Goals",
        "the confidence of users in digital services", "the timely publication of Recommendations", "the social and economic development of all countries",
        "the reduction of duplicated effort", "the quality of service offered to the membership",
        "the implementation of the outcomes of the World Summit on the Information Society", "the interoperability of networks and equipment",
        "the resilience of critical telecommunication infrastructure", "the inclusion of women and girls in the digital economy",
        "the transparency of the work of the Union", "the affordability of international connectivity", "the exchange of best practices among administrations",
    };

    private static readonly string[] OperativeVerbs =
    {
        "continue to support", "ensure", "promote", "take the necessary measures to strengthen", "report annually to the Council on",
        "organize workshops and training on", "facilitate", "cooperate with the other Sectors on", "provide assistance to Member States in",
        "encourage", "monitor", "examine", "review regularly", "collect and disseminate information on", "give priority to", "develop guidelines on",
    };

    private static readonly string[] Gerunds =
    {
        "maintaining", "organizing", "supporting", "preparing reports on", "strengthening", "publishing", "reviewing", "coordinating",
    };

    private static readonly string[] Tails =
    {
        ", in particular in the least developed countries", ", within the available financial resources", ", taking into account the needs of the membership",
        ", as recognized in the outcomes of the World Summit on the Information Society", " at the national, regional and international levels",
        ", in close collaboration with the relevant organizations", ", in accordance with the Constitution and the Convention",
        ", in consultation with the Sector advisory groups", " and report on the results obtained",
    };

    private static readonly string[] WhichClauses =
    {
        "identifies this subject as a priority for the Union", "calls for joint action by the three Bureaux",
        "invites the Sectors to coordinate their activities", "recognizes the needs of developing countries", "complements the actions taken under this resolution",
    };

    private static readonly string[] Works =
    {
        "work of the Inter-Sector Coordination Group", "activities of the regional offices", "results achieved by the study groups",
        "reports of the Secretary-General", "contributions of Sector Members and Academia",
    };

    private static readonly string[] Recommendations =
    {
        "ITU-T X.1205", "ITU-T E.164", "ITU-T Y.2060", "ITU-T L.1000", "ITU-R M.2083", "ITU-T F.790", "ITU-D 19",
    };

    private static readonly string[] OutsideReferences =
    {
        "United Nations General Assembly Resolution 70/1, on transforming our world: the 2030 Agenda for Sustainable Development",
        "the outcomes of the World Summit on the Information Society (Geneva, 2003; Tunis, 2005)",
        "the Convention on the Rights of Persons with Disabilities",
    };

    private static readonly string[] AnnexTitles =
    {
        "areas of work on", "guidelines for the implementation of", "terms of reference for the work on", "priorities for",
    };
}

/// <summary>Finds the shipped sample texts (<c>samples/corpus/*.txt</c>) by walking up to <c>ResolutionKit.sln</c>.</summary>
public static class SampleCorpus
{
    private static readonly Lazy<string> Root = new(() => FindRepositoryRoot());

    /// <summary>The repository root (the folder holding <c>ResolutionKit.sln</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The folder of the sample texts.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "samples", "corpus");

    /// <summary>The sample files, sorted by name (ordinal).</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(Folder, "*.txt").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();

    /// <summary>The texts of the sample files, in <see cref="Files"/> order.</summary>
    public static IReadOnlyList<string> Texts() => Files().Select(f => File.ReadAllText(f, Encoding.UTF8)).ToList();

    /// <summary>
    /// The path of one sample text, e.g. <c>pp-191.txt</c> (in <c>samples/corpus/</c>) or
    /// <c>messy-pp-191-from-pdf.txt</c> (in <c>samples/messy/</c>): <c>samples/corpus/</c> first, then any folder under
    /// <c>samples/</c> (generated output in <c>samples/out/</c> is skipped).
    /// </summary>
    /// <param name="fileName">The file name.</param>
    public static string PathOf(string fileName)
    {
        var inCorpus = Path.Combine(Folder, fileName);
        if (File.Exists(inCorpus))
        {
            return inCorpus;
        }

        var samples = Path.Combine(RepositoryRoot, "samples");
        var found = Directory.Exists(samples)
            ? Directory.GetFiles(samples, fileName, SearchOption.AllDirectories)
                .Where(f => !f.Replace('\\', '/').Contains("/samples/out/"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return found ?? throw new FileNotFoundException("The sample " + fileName + " was not found under " + samples, fileName);
    }

    /// <summary>
    /// Walks up from <paramref name="start"/> (default: the folder named by the <c>RESKIT_REPO_ROOT</c> environment variable,
    /// the application folder, then the current folder) to the folder that holds <c>ResolutionKit.sln</c>.
    /// </summary>
    /// <param name="start">Where to start.</param>
    public static string FindRepositoryRoot(string? start = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RESKIT_REPO_ROOT");
        foreach (var candidate in new[] { start, string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = candidate is null ? null : new DirectoryInfo(candidate); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ResolutionKit.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("ResolutionKit.sln was not found above " + (start ?? AppContext.BaseDirectory) + " or " + Environment.CurrentDirectory);
    }
}
