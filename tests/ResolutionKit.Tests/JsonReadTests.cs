using System;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// ResolutionJson.Read on bad input: one RK0010 error at the line and column of the offending token (its first
/// character, 1-based, as compilers report), no value, and never an exception.
/// </summary>
public class JsonReadTests
{
    /// <summary>A small valid document, as the writer writes it.</summary>
    private static readonly string Valid = ResolutionJson.Write(ResolutionTextReader.Read(string.Join("\n",
        "RESOLUTION 1 (Rev. Kigali, 2022)", string.Empty, "Title", string.Empty,
        "The World Telecommunication Development Conference (Kigali, 2022),", string.Empty,
        "considering", "that x,", string.Empty, "resolves", "1\tto do x;", "2\tto do y.", string.Empty)).Value!);

    /// <summary>(case, the valid document's text to replace, its replacement with the expected location marked [|...|]).</summary>
    public static TheoryData<string, string, string> Invalid() => new()
    {
        { "stray character", "  \"address\"", "  [|@|]\"address\"" },
        { "missing comma", "\"address\": \"WTDC-1\",\n  \"revision\"", "\"address\": \"WTDC-1\"\n  [|\"|]revision\"" },
        { "trailing content", "\n}", "\n}\n[|x|]" },
        { "other schema version", "\"schemaVersion\": 1", "\"schemaVersion\": [|2|]" },
        { "schema version as a string", "\"schemaVersion\": 1", "\"schemaVersion\": [|\"1\"|]" },
        { "title as a number", "\"title\": \"Title\"", "\"title\": [|42|]" },
        { "year as a string", "\"year\": 2022", "\"year\": [|\"2022\"|]" },
        { "year too large", "\"year\": 2022", "\"year\": [|99999999999|]" },
        { "span as a string", "\"text\": \"that x,\",\n          \"span\": [", "\"text\": \"that x,\",\n          \"span\": [|\"8:1\"|],\n          \"ignored\": [" },
        { "part as a number in a string", "\"part\": \"preamble\"", "\"part\": [|\"7\"|]" },
        { "unknown instrument kind", "\"kind\": \"Resolution\"", "\"kind\": [|\"Resolutio\"|]" },
        { "missing kind: at the object", "\"id\": {\n    \"body\": \"WTDC\",\n    \"bodyName\": \"World Telecommunication Development Conference\",\n    \"kind\": \"Resolution\",", "\"id\": [|{|]\n    \"body\": \"WTDC\",\n    \"bodyName\": \"World Telecommunication Development Conference\"," },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidJson_ShouldGiveOneRK0010AtTheOffendingToken(string @case, string find, string markedReplacement)
    {
        Assert.True(Valid.Contains(find, StringComparison.Ordinal), "The valid document lacks: " + find);
        var marked = Valid.Replace(find, markedReplacement, StringComparison.Ordinal);
        var (json, start, length) = Markup.Parse(marked);
        var expected = Markup.SpanAt(json, start, length);

        var result = Read(json);

        Assert.Null(result.Value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadingDiagnostics.InvalidJson, d.Descriptor);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("doc.json", d.Location.Path);
        Assert.True(expected.Line == d.Location.Span!.Line && expected.Column == d.Location.Span.Column, $"{@case}: expected {expected}, got {d.Location.Span} ({d.Message})");
    }

    [Fact]
    public void MissingRequiredField_ShouldGiveRK0010AtTheObjectThatLacksIt()
    {
        var json = Valid.Replace("  \"title\": \"Title\",\n", string.Empty, StringComparison.Ordinal);

        var result = Read(json);

        Assert.Null(result.Value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadingDiagnostics.InvalidJson, d.Descriptor);
        Assert.Equal((1, 1), (d.Location.Span!.Line, d.Location.Span.Column));
        Assert.Contains("title", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"a resolution\"")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("{\"schemaVersion\": 1}")]
    [InlineData("{\"schemaVersion\": 1.5}")]
    [InlineData("{\"schemaVersion\": 1e400}")]
    [InlineData("{\"schemaVersion\": -99999999999999999999999}")]
    [InlineData("{\"schemaVersion\": 1, \"schemaVersion\": 1}")]
    [InlineData("\uFEFF\0")]
    public void NotAResolution_ShouldGiveRK0010AndNoValue(string json)
    {
        var result = Read(json);

        Assert.Null(result.Value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadingDiagnostics.InvalidJson, d.Descriptor);
        Assert.True(d.Location.Span!.Line >= 1 && d.Location.Span.Column >= 1);
    }

    [Fact]
    public void DeeplyNestedJson_ShouldGiveRK0010()
    {
        var json = "{\"schemaVersion\": 1, \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var result = Read(json);

        Assert.Null(result.Value);
        Assert.Equal(ReadingDiagnostics.InvalidJson, Assert.Single(result.Diagnostics).Descriptor);
    }

    [Fact]
    public void ValidDocument_ShouldReadWithoutDiagnostics()
    {
        var result = Read(Valid);

        ModelAssert.NoDiagnostics(result);
        Assert.Equal("WTDC-1", result.Value!.Address);
    }

    [Fact]
    public void Array_ShouldReadEveryResolution_AndReadRefusesIt()
    {
        var model = ResolutionJson.Read(Valid).Value!;
        var second = model with { Id = model.Id with { Number = "2" } };
        var array = ResolutionJson.WriteAll(new[] { model, second });

        var all = ResolutionJson.ReadAll(array, "doc.json");
        Assert.Equal(new[] { "WTDC-1", "WTDC-2" }, all.Select(r => r.Value!.Address));
        Assert.Equal(model, all[0].Value);
        Assert.Equal(model, Assert.Single(ResolutionJson.ReadAll(Valid)).Value);

        var single = ResolutionJson.Read(array, "doc.json");
        Assert.Null(single.Value);
        Assert.Contains("must be an object", Assert.Single(single.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("^[]", "The array holds no resolution")]
    [InlineData("[ ^42 ]", "Each item of the array must be an object")]
    public void BadArray_ShouldBeOneLocatedErrorAtTheCaret(string marked, string message)
    {
        var start = marked.IndexOf('^');
        var json = marked.Remove(start, 1);
        var result = Assert.Single(ResolutionJson.ReadAll(json, "doc.json"));
        Assert.Null(result.Value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Contains(message, d.ToString());
        Assert.Equal((1, start + 1), (d.Location.Span!.Line, d.Location.Span.Column));
    }

    private static ParseResult<Resolution> Read(string json)
    {
        try
        {
            return ResolutionJson.Read(json, "doc.json");
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException("ResolutionJson.Read threw " + e.GetType().Name + ": " + e.Message);
        }
    }
}
