using System.Text;
using BenchmarkDotNet.Attributes;
using ResolutionKit.Reading;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// Reading texts built to find quadratic paths, at 10^5, 10^6 and 10^7 characters: one heading-like line that never
/// ends (<c>instructs the Director of …</c> followed by <c>(Busan, 2014)</c> again and again), one clause holding
/// thousands of citations, and one line of glued footnote markers. Reading is linear when the time per character stays
/// flat across the three sizes.
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    private const string Head = "RESOLUTION 191 (REV. BUCHAREST, 2022)\n\nStrategy\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto act.\n\n";

    private string _heading = string.Empty;
    private string _citations = string.Empty;
    private string _markers = string.Empty;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Characters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _heading = Build("instructs the Director of the Telecommunication Development Bureau ", "(Busan, 2014) ");
        _citations = Build("resolves\nto act on ", "Resolution 71 (Rev. Busan, 2014) of this conference, ");
        _markers = Build("resolves\n", "to act¹ ");
    }

    [Benchmark]
    public int EndlessHeadingLine() => ResolutionTextReader.ReadAll(_heading, "heading.txt", Options).Count;

    [Benchmark]
    public int ThousandsOfCitations() => ResolutionTextReader.ReadAll(_citations, "citations.txt", Options).Count;

    [Benchmark]
    public int GluedMarkers() => ResolutionTextReader.ReadAll(_markers, "markers.txt", Options).Count;

    private static ReaderOptions Options => ReaderOptions.Default with { MaxCharacters = 20_000_000 };

    private string Build(string start, string repeat)
    {
        var sb = new StringBuilder(Characters + 200).Append(Head).Append(start);
        while (sb.Length < Characters)
        {
            sb.Append(repeat);
        }

        return sb.Append('\n').ToString();
    }
}
