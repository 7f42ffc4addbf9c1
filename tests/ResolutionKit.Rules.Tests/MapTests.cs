using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Mapping;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>The cross-body map and the register of instructions, on the samples, the six-language fixtures and generated corpora.</summary>
public class MapTests
{
    private static List<Resolution> Read(params string[] folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Repository.Root, f), "*.txt", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => ResolutionTextReader.ReadAll(File.ReadAllText(f), f))
            .Where(r => r.Value is not null)
            .Select(r => r.Value!)
            .ToList();

    private static readonly Lazy<List<Resolution>> Samples = new(() => Read("samples/corpus"));

    [Fact]
    public void TheSampleMap_ShouldRelateTheCoordinationAndAccessibilityResolutionsAcrossBodiesWithTheirClauses()
    {
        var map = CorpusMap.Build(Samples.Value);

        var coordination = Assert.Single(map.Relations, r => r.First == "PP-191" && r.Second == "WTSA-18");
        Assert.True(coordination.CrossBody);
        Assert.True(coordination.SharedOperativeClauses >= 3, $"{coordination.SharedOperativeClauses} shared operative clauses");
        Assert.Equal(MapSuggestion.CrossCite, coordination.Suggestion);
        Assert.Contains("coordination", coordination.SharedTerms);
        Assert.All(coordination.Overlaps, o => Assert.InRange(o.Similarity, 0.5, 1));
        Assert.Equal(coordination.Overlaps.OrderByDescending(o => o.Similarity), coordination.Overlaps);

        var accessibility = Assert.Single(map.Clusters, c => c.Members.Contains("PP-175"));
        Assert.Contains("WTDC-58", accessibility.Members);
        Assert.Contains("accessibility", accessibility.Label);

        // Citations either way, and the thresholds are those asked for.
        Assert.Contains(map.Relations, r => r.First == "PP-71" && r.SecondCitesFirst);
        Assert.Equal(0.5, map.Options.ClauseThreshold);
        Assert.All(map.Relations, r => Assert.True(map.Instruments.Single(i => i.Address == r.First).Body is { } b && r.First != r.Second));
    }

    [Fact]
    public void LanguageVersionsOfOneInstrument_ShouldBeOneInstrumentAndNoOverlap()
    {
        var versions = Read("tests/ResolutionKit.Tests/Fixtures/parallel");
        Assert.Equal(6, versions.Select(v => v.Language).Distinct().Count());
        var map = CorpusMap.Build(versions);

        var instrument = Assert.Single(map.Instruments);
        Assert.Equal(new[] { "en", "fr", "es", "ru", "ar", "zh" }, instrument.Languages);
        Assert.Empty(map.Relations);
    }

    [Fact]
    public void TheMap_ShouldNotDependOnTheOrderOfItsInputs()
    {
        var corpus = Read("samples/corpus", "tests/ResolutionKit.Tests/Fixtures");
        var shuffled = corpus.OrderBy(r => r.GetHashCode() ^ 0x5bd1e995).ToList();
        Assert.Equal(MapWriter.ToJson(CorpusMap.Build(corpus)), MapWriter.ToJson(CorpusMap.Build(shuffled)));
    }

    /// <summary>A clause copied, with a few words changed, from one body's resolution into another's is found and shown side by side.</summary>
    [Property(MaxTest = 20)]
    public Property APlantedOverlapAcrossBodies_ShouldBeFound() =>
        Prop.ForAll(ResolutionGenerators.Corpus(4, 8).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (corpus, seed) =>
        {
            var random = new Random(seed);
            var pp = ResolutionTextReader.Read(Planted(Body.Plenipotentiary, "901", "to strengthen the regional presence of the Union in small island developing states through joint workshops on spectrum monitoring")).Value!;
            var wtdc = ResolutionTextReader.Read(Planted(Body.Wtdc, "902", "to strengthen the regional presence of the Union in small island developing states through joint seminars on spectrum monitoring")).Value!;
            var all = corpus.Where(r => r.Address != pp.Address && r.Address != wtdc.Address).Concat(new[] { pp, wtdc }).OrderBy(_ => random.Next()).ToList();

            var map = CorpusMap.Build(all);
            var relation = Assert.Single(map.Relations, r => r.First == "PP-901" && r.Second == "WTDC-902");
            var overlap = Assert.Single(relation.Overlaps);
            Assert.InRange(overlap.Similarity, 0.6, 0.99);
            Assert.Equal(1, relation.SharedOperativeClauses);
            Assert.Equal(MapSuggestion.CrossCite, relation.Suggestion);
        });

    private static string Planted(Body body, string number, string clause) =>
        $"RESOLUTION {number} (REV. BUCHAREST, 2022)\n\nPlanted resolution {number}\n\nThe {body.Name} (Bucharest, 2022),\n\nconsidering\n\na)\tthat the Union works in six languages;\n\ninstructs the Director of the Telecommunication Development Bureau\n\n1\t{clause};\n\n2\tto report annually to the Council on the implementation of this resolution.\n"
            .Replace("RESOLUTION", body.Code == "PP" ? "RESOLUTION" : "RESOLUTION");

    [Fact]
    public void TheRegister_ShouldListEachInstructionByActorWithKindCadenceAndPastDeadlines()
    {
        var register = TaskRegister.Build(Read("samples/corpus", "tests/ResolutionKit.Tests/Fixtures"), new DateTime(2026, 12, 2));

        // One text per instrument: six language versions and three layouts of PP-154 give one set of instructions.
        var pp154 = register.Tasks.Where(t => t.Instrument == "PP-154").ToList();
        Assert.Equal(pp154.Count, pp154.Select(t => (t.Actor, t.Clause)).Distinct().Count());
        Assert.All(pp154, t => Assert.Equal("en", t.Language));

        // Grouped by actor, the Secretary-General first.
        Assert.Equal("SecretaryGeneral", register.Tasks[0].Actor);
        var order = register.ByActor.Select(g => g.Key).ToList();
        Assert.Equal(order.Count, order.Distinct().Count());

        var annual = Assert.Single(register.Tasks, t => t.Instrument == "WTSA-18" && t.Actor == "DirectorTSB" && t.Text.StartsWith("to report annually", StringComparison.Ordinal));
        Assert.Equal("annually", annual.Cadence);
        Assert.Equal("report", annual.Kinds[0]);

        var past = Assert.Single(register.Tasks, t => t.Instrument == "WTDC-58" && t.Text.Contains("WTDC-21", StringComparison.Ordinal));
        Assert.True(past.Past);
        Assert.Equal("by-deadline", past.Cadence);

        var same = Assert.Single(register.Tasks, t => t.Instrument == "PP-175" && t.Actor == "DirectorBDT" && t.Text.StartsWith("to continue to assist", StringComparison.Ordinal));
        Assert.Contains("WTDC-58/instructs-director-bdt/1", same.SameTaskElsewhere);
        Assert.Equal("continuing", same.Cadence);
    }

    [Theory]
    [InlineData("fr", "de faire rapport chaque année au Conseil sur la mise en œuvre de la présente résolution;", "report", "annually")]
    [InlineData("es", "que informe anualmente al Consejo sobre la aplicación de la presente Resolución;", "report", "annually")]
    [InlineData("es", "que adopte, dentro de los recursos financieros disponibles, las medidas necesarias;", "act", "once")]
    [InlineData("ru", "ежегодно представлять Совету отчет о выполнении настоящей Резолюции;", "report", "annually")]
    [InlineData("ar", "بأن يقدم تقريراً سنوياً إلى المجلس بشأن تنفيذ هذا القرار؛", "report", "annually")]
    [InlineData("zh", "每年向理事会报告本决议的执行情况；", "report", "annually")]
    [InlineData("en", "to continue to organize workshops on conformance and interoperability;", "organize", "continuing")]
    [InlineData("en", "to take, within the available financial resources, the necessary measures to that end;", "act", "once")]
    public void TheKindAndCadence_ShouldBeReadInEachLanguage(string language, string clause, string kind, string cadence)
    {
        var heading = language switch
        {
            "fr" => "charge le Secrétaire général",
            "es" => "encarga al Secretario General",
            "ru" => "поручает Генеральному секретарю",
            "ar" => "يكلف الأمين العام",
            "zh" => "责成秘书长",
            _ => "instructs the Secretary-General",
        };
        var title = language switch
        {
            "fr" => "RÉSOLUTION 903 (RÉV. BUCAREST, 2022)",
            "es" => "RESOLUCIÓN 903 (REV. BUCAREST, 2022)",
            "ru" => "РЕЗОЛЮЦИЯ 903 (ПЕРЕСМ. БУХАРЕСТ, 2022 г.)",
            "ar" => "القرار 903 (المراجَع في بوخارست، 2022)",
            "zh" => "第903号决议（2022年，布加勒斯特，修订版）",
            _ => "RESOLUTION 903 (REV. BUCHAREST, 2022)",
        };
        var text = $"{title}\n\nTitle\n\n{heading}\n\n1\t{clause}\n";
        var resolution = ResolutionTextReader.Read(text).Value!;
        var task = Assert.Single(TaskRegister.Build(new[] { resolution }, new DateTime(2026, 12, 2)).Tasks);
        Assert.Equal("SecretaryGeneral", task.Actor);
        Assert.Equal(kind, task.Kinds.FirstOrDefault());
        Assert.Equal(cadence, task.Cadence);
    }

    [Fact]
    public void TheHtmlPage_ShouldBeSelfContainedAndCarryEveryRelationAndTheThresholds()
    {
        var map = CorpusMap.Build(Samples.Value);
        var html = MapWriter.ToHtml(map);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//"), html);
        Assert.Equal(map.Relations.Count, Regex.Matches(html, "<tr data-search=").Count);
        Assert.Contains("similarity of 50%", html);
        Assert.Contains("<del>", html);
        Assert.Contains("<ins>", html);
    }

    [Fact]
    public void TheWorkbook_ShouldBeValidOpenXmlWithTheRelationsOfTheCsv()
    {
        var map = CorpusMap.Build(Samples.Value);
        using var stream = new MemoryStream();
        MapWriter.ToXlsx(map, stream);
        stream.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description + " at " + e.Path?.XPath).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(new[] { "Relations", "Overlapping clauses", "Instruments", "Clusters", "Settings" }, sheets);
        var relations = (DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        var rows = relations.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(MapWriter.ToCsv(map).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, rows);
    }
}
