using System.IO;
using System.Linq;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// Golden files under <c>Golden/</c>: for each sample (samples/corpus/*.txt and the messy sample), its canonical text (<c>&lt;name&gt;.canonical.txt</c>) and its
/// JSON form (<c>&lt;name&gt;.json</c>). Set RESKIT_UPDATE_GOLDEN=1 to rewrite them, then review the diff.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in TestPaths.Samples)
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> CanonicalSamples()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in TestPaths.Samples.Where(s => !s.Name.StartsWith("messy", System.StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Reads a sample with a repository-relative path, so that the JSON does not depend on the machine.</summary>
    private static Resolution Read(string name)
    {
        var sample = TestPaths.Samples.Single(s => s.Name == name);
        return ResolutionTextReader.Read(File.ReadAllText(sample.FullPath), sample.RelativePath).Value!;
    }

    private static string Raw(string name) => File.ReadAllText(TestPaths.Samples.Single(s => s.Name == name).FullPath);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_CanonicalTextShouldMatchItsGoldenFile(string name)
    {
        Compare(Path.GetFileNameWithoutExtension(name) + ".canonical.txt", ResolutionTextWriter.Write(Read(name)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_JsonShouldMatchItsGoldenFile(string name)
    {
        Compare(Path.GetFileNameWithoutExtension(name) + ".json", ResolutionJson.Write(Read(name)) + "\n");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void GoldenJson_ShouldReadBackToTheModelOfTheSample(string name)
    {
        var path = Path.Combine(TestPaths.Golden, Path.GetFileNameWithoutExtension(name) + ".json");
        Assert.True(File.Exists(path), "Missing golden file " + path + "; run the tests with RESKIT_UPDATE_GOLDEN=1");

        var fromJson = ResolutionJson.Read(File.ReadAllText(path), path);

        ModelAssert.NoDiagnostics(fromJson);
        ModelAssert.Equal(Read(name), fromJson.Value);
    }

    /// <summary>The corpus README: every file but the messy one is in the canonical layout, so writing it gives back its bytes.</summary>
    [Theory]
    [MemberData(nameof(CanonicalSamples))]
    public void CanonicalSample_ShouldBeWrittenBackByteForByte(string name)
    {
        var raw = Raw(name);

        Assert.Equal(raw, ResolutionTextWriter.Write(Read(name)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_SpansAndTextMapsShouldPointAtTheCharactersTheyCameFrom(string name)
    {
        var raw = Raw(name);

        SpanAssert.ConsistentWith(raw, Read(name));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ShouldLoseNoLine(string name)
    {
        var raw = Raw(name);

        Assert.Empty(TextCoverage.LostLines(raw, ResolutionTextReader.Read(raw)));
    }

    private static void Compare(string fileName, string actual)
    {
        var path = Path.Combine(TestPaths.Golden, fileName);
        if (TestPaths.UpdateGolden)
        {
            Directory.CreateDirectory(TestPaths.Golden);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), "Missing golden file " + path + "; run the tests with RESKIT_UPDATE_GOLDEN=1 and review the new file");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
