using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Testing;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Rules.Tests.Testing;

/// <summary>The generators give valid resolutions in the canonical layout.</summary>
public sealed class ResolutionGeneratorsTests
{
    [Property(MaxTest = 50)]
    public Property GeneratedText_ShouldReadCleanlyAndBeCanonical() =>
        Prop.ForAll(ResolutionGenerators.AnyText.ToArbitrary(), text =>
        {
            var read = ResolutionTextReader.Read(text);
            Assert.NotNull(read.Value);
            Assert.DoesNotContain(read.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(text, ResolutionTextWriter.Write(read.Value!));
        });

    [Property(MaxTest = 50, Arbitrary = new[] { typeof(ResolutionGenerators) })]
    public void GeneratedResolution_ShouldHavePreambleAndOperativeParts(Resolution resolution)
    {
        Assert.NotEmpty(resolution.Preamble);
        Assert.NotEmpty(resolution.Operative);
        Assert.All(resolution.Groups, g => Assert.NotEmpty(g.Clauses));
        Assert.Contains(resolution.Id.Body.Code, new[] { "PP", "WTSA", "WTDC" });
    }

    [Property(MaxTest = 30)]
    public Property Corpus_ShouldHaveDistinctAddresses() =>
        Prop.ForAll(ResolutionGenerators.Corpus(2, 6).ToArbitrary(), corpus =>
            corpus.Count >= 2 && corpus.Count <= 6 && corpus.Select(r => r.Address).Distinct().Count() == corpus.Count);

    [Property(MaxTest = 20)]
    public Property TextOf_ShouldUseTheGivenBodyAndNumber() =>
        Prop.ForAll(ResolutionGenerators.ResolutionOf(Body.Wtsa, "44").ToArbitrary(), r => r.Address == "WTSA-44");
}
