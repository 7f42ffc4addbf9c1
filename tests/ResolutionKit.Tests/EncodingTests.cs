using System.IO;
using System.Linq;
using System.Text;
using ResolutionKit.Reading;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>Files as users save them: UTF-8 with or without BOM, Word's UTF-16 "Unicode text", Windows-1252, damaged UTF-8.</summary>
public sealed class EncodingTests : System.IDisposable
{
    private const string French = "RÉSOLUTION 191 (RÉV. BUCAREST, 2022)\n\nStratégie de coordination des efforts entre les trois Secteurs de l'Union\n\nLa Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),\n\ndécide\nde coordonner les travaux « dans la limite des ressources » – sans délai.\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-enc-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private ParseResult<Model.Resolution> ReadBytes(byte[] bytes)
    {
        var path = Path.Combine(_folder, "r.txt");
        File.WriteAllBytes(path, bytes);
        return ResolutionTextReader.ReadAllFile(path).Single();
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public void UnicodeFiles_ShouldReadTheSameWithoutComment(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(French),
            "utf-8-bom" => new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(French)).ToArray(),
            "utf-16le-bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(French)).ToArray(),
            _ => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(French)).ToArray(),
        };

        var result = ReadBytes(bytes);

        Assert.Equal(ResolutionTextReader.Read(French).Value!.Operative[0].Clauses[0].Text, result.Value!.Operative[0].Clauses[0].Text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "RK0019" or "RK0020" or "RK0008");
    }

    [Fact]
    public void Windows1252File_ShouldBeReadCorrectly_AndReported()
    {
        // « » – and the accented letters are single bytes in Windows-1252; 0x96 (en dash) is not Latin-1.
        var bytes = French.Select(c => c switch { '–' => (byte)0x96, _ => (byte)c }).ToArray();

        var result = ReadBytes(bytes);

        Assert.Equal("de coordonner les travaux « dans la limite des ressources » – sans délai.", result.Value!.Operative[0].Clauses[0].Text);
        var note = Assert.Single(result.Diagnostics, d => d.Id == "RK0019");
        Assert.Equal((1, 2), (note.Location.Span!.Line, note.Location.Span.Column));
    }

    [Fact]
    public void DamagedUtf8_ShouldBeReportedWhereItIs_AndTheRestRead()
    {
        var good = Encoding.UTF8.GetBytes(French);
        var at = Encoding.UTF8.GetBytes(French.Substring(0, French.IndexOf("coordonner", System.StringComparison.Ordinal))).Length;
        var bytes = good.Take(at).Concat(new byte[] { 0xFF }).Concat(good.Skip(at)).ToArray();

        var result = ReadBytes(bytes);

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "RK0020");
        Assert.Equal(8, warning.Location.Span!.Line);
        Assert.Equal(4, warning.Location.Span.Column);
        Assert.Contains("\uFFFDcoordonner", result.Value!.Operative[0].Clauses[0].Text);
        Assert.Equal("Stratégie de coordination des efforts entre les trois Secteurs de l'Union", result.Value.Title);
    }

    [Fact]
    public void HistoryLikeNoteInCapitals_ShouldBeKeptAsWritten_NotRecased()
    {
        var text = "RESOLUTION 191 (REV. BUCHAREST, 2022)\n\nStrategy for the coordination of efforts\n\n(SEE ALSO THE REPORT OF THE COUNCIL, 2022)\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nresolves\nto coordinate.\n";

        var result = ResolutionTextReader.Read(text);

        Assert.Empty(result.Value!.History);
        Assert.Contains(result.Diagnostics, d => d.Id == "RK0016" && d.Message.Contains("(SEE ALSO THE REPORT OF THE COUNCIL, 2022)"));
        Assert.Contains("\n(SEE ALSO THE REPORT OF THE COUNCIL, 2022)\n", Writing.ResolutionTextWriter.Write(result.Value));
    }
}
