using System;
using System.Linq;
using FsCheck.Xunit;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>Round-trip properties over generated valid resolutions (design: "writing a model and reading it back yields the same model").</summary>
public class RoundTripProperties
{
    private const int Runs = 150;

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = Runs)]
    public void ValidModel_ShouldReadBackFromItsCanonicalTextUnchangedAndWithoutDiagnostics(GeneratedResolution generated)
    {
        var model = generated.Value;
        var text = ResolutionTextWriter.Write(model);

        var read = ResolutionTextReader.Read(text);

        ModelAssert.NoDiagnostics(read);
        ModelAssert.Equal(model, read.Value!.WithoutSourceInfo());
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = Runs)]
    public void ValidModel_ShouldReadBackFromItsJsonUnchanged(GeneratedResolution generated)
    {
        var model = generated.Value;

        var read = ResolutionJson.Read(ResolutionJson.Write(model));

        ModelAssert.NoDiagnostics(read);
        ModelAssert.Equal(model, read.Value);
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = Runs)]
    public void ValidModel_ShouldReadBackFromAkomaNtosoUnchanged(GeneratedResolution generated)
    {
        var model = generated.Value;

        var read = AkomaNtoso.Read(AkomaNtoso.Write(model));

        ModelAssert.NoDiagnostics(read);
        ModelAssert.Equal(model, read.Value!.WithoutSourceInfo());
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = Runs)]
    public void WritingTwice_ShouldGiveByteIdenticalOutput(GeneratedResolution generated)
    {
        var model = generated.Value;

        Assert.Equal(ResolutionTextWriter.Write(model), ResolutionTextWriter.Write(model));
        Assert.Equal(ResolutionJson.Write(model), ResolutionJson.Write(model));

        // Also through a read: an equal model read from text writes the same bytes (a canonical text is a fixed point).
        var text = ResolutionTextWriter.Write(model);
        Assert.Equal(text, ResolutionTextWriter.Write(ResolutionTextReader.Read(text).Value!));
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = Runs)]
    public void ReadModel_ShouldKeepSpansMapsAndPathThroughJson(GeneratedResolution generated)
    {
        var read = ResolutionTextReader.Read(ResolutionTextWriter.Write(generated.Value), "generated/resolution.txt").Value!;

        var back = ResolutionJson.Read(ResolutionJson.Write(read), "generated/resolution.json");

        ModelAssert.NoDiagnostics(back);
        ModelAssert.Equal(read, back.Value);
        Assert.Equal("generated/resolution.txt", back.Value!.SourcePath);
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = Runs)]
    public void ReadModel_SpansAndTextMapsShouldPointAtTheCharactersTheyCameFrom(GeneratedResolution generated)
    {
        var text = ResolutionTextWriter.Write(generated.Value);

        var model = ResolutionTextReader.Read(text).Value!;

        SpanAssert.ConsistentWith(text, model);
    }
}

/// <summary>Checks spans against the source they claim to come from.</summary>
internal static class SpanAssert
{
    /// <summary>
    /// Every span's line and column agree with its offset; the title span covers the title line; each group span
    /// starts at its heading; every character of a clause's text that its map covers is the source character at the
    /// mapped offset (a normalized space may stand for a Unicode space; the space joining wrapped lines is not mapped).
    /// </summary>
    public static void ConsistentWith(string source, Resolution model)
    {
        void Check(SourceSpan? span, string what)
        {
            Assert.True(span is not null, what + " has no span");
            Assert.Equal(Markup.SpanAt(source, span!.Offset, span.Length), span);
        }

        Check(model.Span, "the title");
        Assert.Equal(model.TitleLine, source.Substring(model.Span!.Offset, model.Span.Length));
        foreach (var group in model.GroupNodes())
        {
            Check(group.Group.Span, group.Address);
            Assert.StartsWith(group.Group.Heading, source.Substring(group.Group.Span!.Offset), StringComparison.Ordinal);
        }

        foreach (var node in model.Clauses())
        {
            var clause = node.Clause;
            Check(clause.Span, node.Address);
            Assert.NotNull(clause.TextMap);
            foreach (var segment in clause.TextMap!.Segments)
            {
                Assert.Equal(Markup.SpanAt(source, segment.SourceOffset, segment.Length), new SourceSpan(segment.Line, segment.Column, segment.SourceOffset, segment.Length));
                for (var i = 0; i < segment.Length; i++)
                {
                    var inText = clause.Text[segment.TextOffset + i];
                    var located = clause.Locate(segment.TextOffset + i, 1)!;
                    var inSource = source[located.Offset];
                    Assert.True(
                        inText == inSource || (inText == ' ' && char.IsWhiteSpace(inSource)),
                        $"{node.Address}: text[{segment.TextOffset + i}] = '{inText}' but the source at {located} (offset {located.Offset}) is '{inSource}'");
                }
            }
        }

        foreach (var footnote in model.Footnotes)
        {
            Check(footnote.Span, "footnote " + footnote.Marker);
        }

        foreach (var annex in model.Annexes)
        {
            Check(annex.Span, annex.Heading);
            Assert.Equal(annex.Heading, source.Substring(annex.Span!.Offset, annex.Span.Length));
            foreach (var p in annex.Paragraphs)
            {
                Check(p.Span, "an annex paragraph");
                Assert.StartsWith(source.Substring(p.Span!.Offset, p.Span.Length), p.Text, StringComparison.Ordinal);
            }
        }
    }
}
