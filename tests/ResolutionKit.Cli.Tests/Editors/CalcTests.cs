using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests.Editors;

/// <summary>The map's workbook opened in a real spreadsheet (LibreOffice Calc): its relations sheet reads as the CSV does.</summary>
public sealed class CalcTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-calc-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [RequiresCalcFact]
    public void TheWorkbook_ShouldOpenInCalcWithTheRelationsOfTheCsv()
    {
        var xlsx = Path.Combine(_folder, "map.xlsx");
        var (code, _, stderr) = Reskit.Run("map", "samples/corpus", "-o", xlsx);
        Assert.True(code == 0, stderr);
        var (_, csv, _) = Reskit.Run("map", "samples/corpus");

        var fromCalc = LibreOffice.Convert(_folder, xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0].Trim('"')).ToList();

        // The first sheet, as Calc reads it: the same rows and the same first columns (addresses, titles) as the CSV.
        var fromCsv = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(fromCsv, fromCalc);
    }
}

/// <summary>Skips a test where LibreOffice Calc is not installed (its own package: <c>soffice</c> with Writer alone cannot open a workbook).</summary>
public sealed class RequiresCalcFactAttribute : FactAttribute
{
    public RequiresCalcFactAttribute()
    {
        var calc = RequiresToolFactAttribute.Find("soffice") is not null
            && new[] { "/usr/lib/libreoffice/program/libsclo.so", "/usr/lib64/libreoffice/program/libsclo.so", "/opt/libreoffice/program/libsclo.so" }.Any(File.Exists);
        if (!calc)
        {
            Skip = "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)";
        }
    }
}
