using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Diagnostics;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>The reader's promises on any input: it never throws, and it never loses text silently.</summary>
public class ReaderRobustnessProperties
{
    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = 300)]
    public void AnyText_ShouldBeReadWithoutThrowingAndWithoutSilentlyLosingALine(ReaderInput input)
    {
        var result = ResolutionTextReader.Read(input.Text, "input.txt");

        Assert.True(result.Value is not null || result.HasErrors, "No value and no error");
        Assert.All(result.Diagnostics, d => Assert.Equal("input.txt", d.Location.Path));
        var lost = TextCoverage.LostLines(input.Text, ResolutionTextReader.ReadAll(input.Text, "input.txt"));
        Assert.True(lost.Count == 0, "Lines neither in the model nor reported:\n" + string.Join("\n", lost));
    }

    /// <summary>
    /// Found by the property above: a dash before a number glued to a word ("- 2i-") was taken for a bullet before a
    /// label and dropped, although no label was read there.
    /// </summary>
    [Theory]
    [InlineData("dcide\r- 2i-\nn")]
    [InlineData("(resolvesdecides\r\n–12\r\ndécide\r- 12 -coordi- \r\nnation\nPage 3 of 9decidesResolution 71 (Rev. Dubai, 2018) of this conference")]
    public void ADashBeforeAGluedNumber_ShouldStayInTheText(string text)
    {
        var lost = TextCoverage.LostLines(text, ResolutionTextReader.ReadAll(text, "input.txt"));
        Assert.True(lost.Count == 0, "Lines neither in the model nor reported:\n" + string.Join("\n", lost));
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = 100)]
    public void AnyText_ReadTwice_ShouldGiveEqualResults(ReaderInput input)
    {
        Assert.Equal(ResolutionTextReader.Read(input.Text), ResolutionTextReader.Read(input.Text));
    }

    [Property(MaxTest = 200)]
    public Property DamagedJson_ShouldBeReportedAsRK0010AndNeverThrow()
    {
        var sample = Generators.SampleTexts.First(s => s.Name == "pp-decision-5.txt");
        var valid = ResolutionJson.Write(ResolutionTextReader.Read(sample.Text, sample.Name).Value!);

        // Half of the edits land next to a digit, where numbers (schema version, years, spans, maps) are parsed.
        var digits = Enumerable.Range(0, valid.Length).Where(i => char.IsDigit(valid[i])).ToArray();
        var position = Gen.Frequency((1, Gen.Choose(0, valid.Length - 1)), (1, Gen.Elements(digits)));
        var token = Gen.Frequency(
            (1, Gen.Elements("{", "}", "[", "]", "\"", ":", ",", "true", "null", "x", "\\u00", "//", " ", "\n", "\"7\"")),
            (1, Gen.Elements("0", "-1", "1.5", "1e400", "99999999999", "-2147483649", "2147483648")));
        var edits = Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Choose(0, 3), Gen.Zip(position, token)), n));
        return Prop.ForAll(edits.ToArbitrary(), list =>
        {
            var json = valid;
            foreach (var (op, (at, token)) in list)
            {
                var i = Math.Min(at, json.Length);
                json = op switch
                {
                    0 => json.Insert(i, token),
                    1 => i < json.Length ? json.Remove(i, 1) : json,
                    2 => json.Substring(0, i),
                    _ => i < json.Length ? json.Remove(i, 1).Insert(i, token) : json,
                };
            }

            ParseResult<Model.Resolution> result;
            try
            {
                result = ResolutionJson.Read(json, "x.json");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException("ResolutionJson.Read threw " + e.GetType().Name + ": " + e.Message + "\nInput:\n" + json);
            }

            if (result.Value is null)
            {
                var d = Assert.Single(result.Diagnostics);
                Assert.Equal(ReadingDiagnostics.InvalidJson, d.Descriptor);
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
                Assert.True(d.Location.Span!.Line >= 1 && d.Location.Span.Column >= 1, d.Location.Span.ToString());
                Assert.Equal("x.json", d.Location.Path);
            }
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    public void TextAtOrBelowTheLimit_ShouldBeRead(int extra)
    {
        var text = "RESOLUTION 1\n\nTitle\n";
        var result = ResolutionTextReader.Read(text, null, new ReaderOptions { MaxCharacters = text.Length + extra });
        Assert.NotNull(result.Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ReadingDiagnostics.NotText.Id);
        Assert.Equal("1", result.Value!.Id.Number);
    }
}
