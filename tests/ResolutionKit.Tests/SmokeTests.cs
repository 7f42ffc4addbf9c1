using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

public class SampleCorpusTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestPaths.Corpus, "*.txt").OrderBy(f => f))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ShouldReadWithoutErrorsAndRoundTrip(string name)
    {
        var result = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, name));
        Assert.NotNull(result.Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (!name.StartsWith("messy", System.StringComparison.Ordinal))
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        }

        var text = ResolutionTextWriter.Write(result.Value!);
        var again = ResolutionTextReader.Read(text);
        Assert.Equal(result.Value!.WithoutSourceInfo(), again.Value!.WithoutSourceInfo());
        Assert.Equal(text, ResolutionTextWriter.Write(again.Value!));
    }
}
