using System;
using System.IO;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

/// <summary>Sample resolutions and golden-file comparison for the streamlining tests.</summary>
internal static class StreamlineSamples
{
    /// <summary>A small resolution with cross-references in every form the applier rewrites.</summary>
    public const string SmallText = """
        RESOLUTION 999 (REV. BUCHAREST, 2022)

        Test subject

        The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

        considering
        a)	that alpha matters;
        b)	that beta matters;
        c)	that gamma matters,

        resolves
        1	to do the first thing;
        2	to do the second thing, taking into account considering c);
        3	to do the third thing;
        4	to do the fourth thing, as set out in resolves 3,

        instructs the Secretary-General
        1	to act on resolves 4 and on paragraph 3 of resolves;
        2	to take measures, in particular:
        2.1	by doing the first measure;
        2.2	by doing the second measure;
        3	to report on the measure referred to in instructs the Secretary-General 2.2,

        instructs the Council
        to examine the report of the Secretary-General,

        invites Member States
        1	to participate in the work;
        2	to contribute to the fund.

        """;

    public static Resolution Small => Read(SmallText);

    public static Resolution Read(string text)
    {
        var result = ResolutionTextReader.Read(text.Replace("\r\n", "\n"));
        Assert.NotNull(result.Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        return result.Value!;
    }

    public static Resolution Sample(string name)
    {
        var result = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, name));
        Assert.NotNull(result.Value);
        return result.Value!;
    }

    /// <summary>Compares with (or, with RESKIT_UPDATE_GOLDEN=1, rewrites) a golden file under Golden/Streamline.</summary>
    public static void Golden(string name, string actual)
    {
        var path = Path.Combine(TestPaths.Golden, "Streamline", name);
        if (TestPaths.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with RESKIT_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
                .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
            Assert.Fail($"{name} differs from its golden file at line {first + 1}:\n  expected: {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n  actual:   {(first < actualLines.Length ? actualLines[first] : "<end>")}\n(RESKIT_UPDATE_GOLDEN=1 rewrites golden files.)");
        }
    }
}
