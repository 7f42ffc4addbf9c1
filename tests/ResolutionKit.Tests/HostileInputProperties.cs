using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Diagnostics;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// The reader's promises under the mutation classes a hostile or unlucky user produces: enormous heading-like lines,
/// files in other encodings or with damaged bytes, notes under the title in capitals. It never throws, never loses a
/// line silently, reads every encoding it accepts to the same model, and keeps what it does not understand as written.
/// </summary>
public class HostileInputProperties
{
    private static readonly string[] HeadingStarts =
    {
        "instructs the Director of the Telecommunication Standardization Bureau", "charge le Directeur du Bureau de la normalisation des télécommunications",
        "encarga al Director de la Oficina de Normalización de las Telecomunicaciones", "поручает Директору Бюро стандартизации электросвязи",
        "يكلف مدير مكتب تقييس الاتصالات", "责成电信标准化局主任", "resolves", "considering", "RESOLUTION 12 (REV. BUSAN, 2014)",
    };

    private static readonly string[] Repeats =
    {
        "((Busan, 2014))", " (Rev. Dubai, 2018)", " and the Director of the Radiocommunication Bureau", "，", " и ", " ((", "))", " Resolution 71,", "\t", "¹",
    };

    private static readonly string[] Notes =
    {
        "(See also the report of the Council, 2022)", "(see Decision 5 (Rev. Bucharest, 2022))", "(Voir aussi le rapport du Conseil, 2022)",
        "(Véase también la Resolución 71 (Rev. Bucarest, 2022))", "(See Annex A of the Report of the Working Group)",
    };

    private static Gen<string> Canonical => Generators.Resolution.Select(ResolutionTextWriter.Write);

    /// <summary>A canonical text with one heading-like line of up to 60,000 characters put in at any line.</summary>
    private static Gen<(string Text, string Line)> LongLines =>
        from text in Canonical
        from start in Gen.Elements(HeadingStarts)
        from repeat in Gen.Elements(Repeats)
        from count in Gen.Frequency((3, Gen.Choose(1, 200)), (2, Gen.Choose(200, 4000)))
        from at in Gen.Choose(0, 10_000)
        let line = start + string.Concat(Enumerable.Repeat(repeat, count))
        select (InsertLine(text, at, line), line);

    [Property(MaxTest = 40)]
    public Property AHugeHeadingLikeLine_ShouldBeReadWithoutThrowingAndWithoutLosingALine() =>
        Prop.ForAll(LongLines.ToArbitrary(), input =>
        {
            var results = ResolutionTextReader.ReadAll(input.Text, "input.txt");
            var lost = TextCoverage.LostLines(input.Text, results);
            Assert.True(lost.Count == 0, "Lines neither in the model nor reported:\n" + string.Join("\n", lost.Select(l => l.Length > 200 ? l.Substring(0, 200) + "…" : l)));
        });

    /// <summary>The same text in every encoding the reader accepts as such reads to the same instruments and diagnostics.</summary>
    [Property(MaxTest = 60)]
    public Property AnyTextInUtf8OrUtf16WithAByteOrderMark_ShouldReadAsTheText() =>
        Prop.ForAll(Gen.Zip(Canonical, Gen.Elements("utf-8", "utf-8 bom", "utf-16le bom", "utf-16be bom")).ToArbitrary(), input =>
        {
            var (text, encoding) = input;
            var bytes = encoding switch
            {
                "utf-8" => Encoding.UTF8.GetBytes(text),
                "utf-8 bom" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
                "utf-16le bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
                _ => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
            };

            AssertSameReading(ResolutionTextReader.ReadAll(text, "input.txt"), ResolutionTextReader.ReadAllBytes(bytes, "input.txt"));
        });

    /// <summary>A Western European text saved in Windows-1252 reads as the text, and the reader says it did.</summary>
    [Property(MaxTest = 60)]
    public Property AnyTextInWindows1252_ShouldReadAsTheTextWithRK0019() =>
        Prop.ForAll(Gen.Zip(Canonical, Gen.Elements("é", "É", "ç", "–", "’", "“", "”", "€", "½", "ñ")).ToArbitrary(), input =>
        {
            // One accented word in the title, where every text has one, so that the file is not plain ASCII.
            var lines = input.Item1.Split('\n');
            var title = Array.FindIndex(lines, 1, l => l.Trim().Length > 0);
            lines[title] = lines[title] + " r" + input.Item2 + "sum" + input.Item2;
            var text = string.Join("\n", lines);
            if (Windows1252(text) is not { } bytes)
            {
                return;
            }

            var fromBytes = ResolutionTextReader.ReadAllBytes(bytes, "input.txt");
            var note = Assert.Single(fromBytes.SelectMany(r => r.Diagnostics), d => d.Id == ReadingDiagnostics.Windows1252.Id);
            Assert.Equal(Array.FindIndex(lines, l => l.Any(c => c > 0x7F)) + 1, note.Location.Span!.Line);
            AssertSameReading(ResolutionTextReader.ReadAll(text, "input.txt"), fromBytes, except: ReadingDiagnostics.Windows1252.Id);
        });

    /// <summary>Damaged UTF-8 never throws, is reported where it starts, and loses no line of the text as decoded.</summary>
    [Property(MaxTest = 80)]
    public Property DamagedUtf8_ShouldBeReportedWhereItStartsAndLoseNothing() =>
        Prop.ForAll(Gen.Zip(Canonical.Select(t => t + "Déclaration de Genève, 2022\n"), Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Choose(0, 100_000), Gen.Elements<byte[]>(new byte[] { 0x80 }, new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x80 }, new byte[] { 0xF0, 0x28, 0x8C, 0x28 }, new byte[] { 0xED, 0xA0, 0x80 })), n))).ToArbitrary(), input =>
        {
            var bytes = Encoding.UTF8.GetBytes(input.Item1).ToList();
            foreach (var (at, bad) in input.Item2.OrderByDescending(x => x.Item1))
            {
                bytes.InsertRange(at % (bytes.Count + 1), bad);
            }

            var array = bytes.ToArray();
            var results = ResolutionTextReader.ReadAllBytes(array, "input.txt");
            var decoded = ResolutionTextReader.DecodeBytes(array);
            var note = Assert.Single(results.SelectMany(r => r.Diagnostics), d => d.Id is "RK0019" or "RK0020");
            Assert.Equal(ReadingDiagnostics.InvalidUtf8.Id, note.Id);
            var line = note.Location.Span!.Line;
            Assert.Contains('\uFFFD', decoded.Split('\n')[line - 1]);
            Assert.DoesNotContain('\uFFFD', string.Join("\n", decoded.Split('\n').Take(line - 1)));
            var lost = TextCoverage.LostLines(decoded, results);
            Assert.True(lost.Count == 0, "Lines neither in the model nor reported:\n" + string.Join("\n", lost));
        });

    /// <summary>A note under the title, in any casing, is kept exactly as written (or reported where it is).</summary>
    [Property(MaxTest = 80)]
    public Property ANoteUnderTheTitle_ShouldBeKeptAsWritten() =>
        Prop.ForAll((from t in Canonical from n in Gen.Elements(Notes) from c in Gen.Elements("as is", "upper", "lower", "title") select (t, n, c)).ToArbitrary(), input =>
        {
            var (text, note, casing) = input;
            var written = casing switch
            {
                "upper" => note.ToUpperInvariant(),
                "lower" => note.ToLowerInvariant(),
                "title" => string.Join(" ", note.Split(' ').Select(w => w.Length > 1 ? char.ToUpperInvariant(w[0]) + w.Substring(1) : w)),
                _ => note,
            };
            var lines = text.Split('\n').ToList();
            var title = lines.FindIndex(1, l => l.Trim().Length > 0);
            lines.Insert(title + 1, string.Empty);
            lines.Insert(title + 2, written);
            var input2 = string.Join("\n", lines);

            var results = ResolutionTextReader.ReadAll(input2, "input.txt");
            var models = results.Where(r => r.Value is not null).Select(r => r.Value!).ToList();
            var kept = models.Any(m => ResolutionTextWriter.Write(m).Contains(written, StringComparison.Ordinal));
            var reported = results.SelectMany(r => r.Diagnostics).Any(d => d.Location.Span?.Line == title + 3);
            Assert.True(kept || reported, $"The note \"{written}\" was neither kept as written nor reported");
            Assert.Empty(TextCoverage.LostLines(input2, results));
        });

    private static void AssertSameReading(IReadOnlyList<ParseResult<Model.Resolution>> expected, IReadOnlyList<ParseResult<Model.Resolution>> actual, string? except = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Value is null ? null : ResolutionTextWriter.Write(expected[i].Value!), actual[i].Value is null ? null : ResolutionTextWriter.Write(actual[i].Value!));
            Assert.Equal(expected[i].Diagnostics.Select(d => d.ToString()), actual[i].Diagnostics.Where(d => d.Id != except).Select(d => d.ToString()));
        }
    }

    private static string InsertLine(string text, int at, string line)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(at % (lines.Count + 1), line);
        return string.Join("\n", lines);
    }

    /// <summary>The text in Windows-1252, or null when it holds a character the code page does not have.</summary>
    private static byte[]? Windows1252(string text)
    {
        var high = new Dictionary<char, byte> { ['€'] = 0x80, ['‚'] = 0x82, ['„'] = 0x84, ['…'] = 0x85, ['‘'] = 0x91, ['’'] = 0x92, ['“'] = 0x93, ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97, ['™'] = 0x99 };
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
            {
                bytes[i] = (byte)c;
            }
            else if (high.TryGetValue(c, out var b))
            {
                bytes[i] = b;
            }
            else
            {
                return null;
            }
        }

        return bytes;
    }
}
