using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Documents;

/// <summary>Akoma Ntoso (AKN4UN) out and back in, for every sample and every language and layout the reader knows.</summary>
public sealed class AkomaNtosoTests
{
    private static readonly XNamespace Akn = AkomaNtoso.Namespace;

    public static IEnumerable<object[]> Texts() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "tests", "ResolutionKit.Tests", "Fixtures"), "*.txt", SearchOption.AllDirectories)
            .Concat(TestPaths.Samples.Select(s => s.FullPath))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(TestPaths.Root, p).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Texts))]
    public void WritingAndReadingAkomaNtoso_ShouldGiveTheSameResolution(string relative)
    {
        foreach (var resolution in ResolutionTextReader.ReadAll(File.ReadAllText(Path.Combine(TestPaths.Root, relative)), relative).Select(r => r.Value).Where(r => r is not null))
        {
            var xml = AkomaNtoso.Write(resolution!);
            var back = AkomaNtoso.Read(xml, "x.akn.xml");

            Assert.NotNull(back.Value);
            Assert.Equal(ResolutionTextWriter.Write(resolution!), ResolutionTextWriter.Write(back.Value!));
            Assert.Equal(resolution!.Address, back.Value!.Address);
            Assert.Equal(resolution.Language, back.Value.Language);
        }
    }

    [Fact]
    public void TheDocument_ShouldBeADeliberationWithFrbrIdentifiersRecitalsParagraphsAndCitations()
    {
        var pp154 = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, "pp-154.txt")).Value!;

        var doc = XDocument.Parse(AkomaNtoso.Write(pp154));

        var statement = doc.Root!.Element(Akn + "statement")!;
        Assert.Equal("deliberation", (string?)statement.Attribute("name"));
        var work = statement.Descendants(Akn + "FRBRWork").Single();
        Assert.Equal("/akn/un/statement/deliberation/itu-pp/2022/resolution-154", (string?)work.Element(Akn + "FRBRuri")!.Attribute("value"));
        Assert.Equal("eng", (string?)statement.Descendants(Akn + "FRBRlanguage").Single().Attribute("language"));
        Assert.Equal(new[] { "considering", "recalling", "recognizing" }, statement.Element(Akn + "preamble")!.Elements(Akn + "recitals").Select(r => (string?)r.Attribute("eId")));
        var resolves = statement.Element(Akn + "mainBody")!.Elements(Akn + "hcontainer").First();
        Assert.Equal("resolves", (string?)resolves.Element(Akn + "heading"));
        Assert.Equal(new[] { "1", "2", "3" }, resolves.Elements(Akn + "paragraph").Select(p => (string?)p.Element(Akn + "num")));
        var citation = statement.Descendants(Akn + "ref").First(r => r.Value.StartsWith("Resolution 71", StringComparison.Ordinal));
        Assert.Equal("/akn/un/statement/deliberation/itu-pp/2022/resolution-71", (string?)citation.Attribute("href"));
        Assert.Contains(statement.Descendants(Akn + "authorialNote"), n => (string?)n.Attribute("marker") == "1");
    }

    [Fact]
    public void EachLanguageVersion_ShouldNameItsLanguage()
    {
        foreach (var (language, code) in new[] { ("fr", "fra"), ("es", "spa"), ("ru", "rus"), ("ar", "ara"), ("zh", "zho") })
        {
            var resolution = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Root, "tests", "ResolutionKit.Tests", "Fixtures", "parallel", language + ".txt")).Value!;
            var doc = XDocument.Parse(AkomaNtoso.Write(resolution));
            Assert.Equal(code, (string?)doc.Descendants(Akn + "FRBRlanguage").Single().Attribute("language"));
            Assert.Contains("/" + code + "@", (string?)doc.Descendants(Akn + "FRBRExpression").Single().Element(Akn + "FRBRuri")!.Attribute("value"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement>\n  <meta>\n</akomaNtoso>", 3, 3)]
    [InlineData("<html><body/></html>", 1, 2)]
    public void ABrokenDocument_ShouldBeAnErrorAtItsLineAndColumn(string xml, int line, int column)
    {
        var result = AkomaNtoso.Read(xml, "broken.akn.xml");

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("RK0008", error.Id);
        Assert.Equal((line, column), (error.Location.Span!.Line, error.Location.Span.Column));
    }

    [AknSchemaFact]
    public void EveryDocumentWritten_ShouldBeValidAgainstTheOasisSchema()
    {
        var schemas = new System.Xml.Schema.XmlSchemaSet { XmlResolver = new System.Xml.XmlUrlResolver() };
        schemas.Add(AkomaNtoso.Namespace, AknSchemaFactAttribute.SchemaPath!);
        schemas.Compile();
        var errors = new List<string>();
        foreach (var relative in Texts().Select(t => (string)t[0]))
        {
            foreach (var resolution in ResolutionTextReader.ReadAll(File.ReadAllText(Path.Combine(TestPaths.Root, relative)), relative).Select(r => r.Value).Where(r => r is not null))
            {
                var settings = new System.Xml.XmlReaderSettings { ValidationType = System.Xml.ValidationType.Schema, Schemas = schemas };
                settings.ValidationEventHandler += (_, e) => errors.Add($"{relative} ({resolution!.Address}) {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
                using var reader = System.Xml.XmlReader.Create(new StringReader(AkomaNtoso.Write(resolution!)), settings);
                while (reader.Read())
                {
                }
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }
}

/// <summary>
/// Validation against the OASIS Akoma Ntoso 3.0 schema (akomantoso30.xsd and the xml.xsd next to it), which the
/// repository does not ship: set RESKIT_AKN_XSD to its path to run it.
/// </summary>
public sealed class AknSchemaFactAttribute : FactAttribute
{
    public AknSchemaFactAttribute()
    {
        if (SchemaPath is null)
        {
            Skip = "the OASIS Akoma Ntoso 3.0 schema is not shipped; set RESKIT_AKN_XSD to the path of akomantoso30.xsd (with xml.xsd beside it) to validate against it";
        }
    }

    public static string? SchemaPath => Environment.GetEnvironmentVariable("RESKIT_AKN_XSD") is { Length: > 0 } p && File.Exists(p) ? p : null;
}
