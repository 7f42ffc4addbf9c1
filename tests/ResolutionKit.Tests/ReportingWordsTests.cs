using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Analysis;
using ResolutionKit.Phrases;
using ResolutionKit.Reading.Text;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// The words of <see cref="PhraseTable.ReportRequestWords"/> decide which clauses the request patterns search: a text
/// one of the patterns matches must hold one of the words, or a request would go unseen.
/// </summary>
public class ReportingWordsTests
{
    /// <summary>Requests in each language, at least one for each form of its table.</summary>
    public static TheoryData<string, string> Requests() => new()
    {
        { "en", "to report to the Council on the implementation of this resolution;" },
        { "en", "that the Director shall continue to report on the activities of the study groups;" },
        { "en", "the Secretary-General reports annually on the use of the six languages;" },
        { "en", "to submit an annual progress report to the Council;" },
        { "en", "to submit the results of the study to the next session of the Council;" },
        { "fr", "de faire rapport au Conseil sur la mise en œuvre de la présente résolution;" },
        { "fr", "de rendre compte au Conseil des progrès accomplis;" },
        { "fr", "de soumettre chaque année un rapport sur l'utilisation des six langues;" },
        { "fr", "de présenter les résultats de cette étude au Conseil;" },
        { "fr", "qu'il soumette à la Conférence de plénipotentiaires un rapport;" },
        { "es", "que informe al Consejo sobre la aplicación de la presente Resolución;" },
        { "es", "rendir un informe sobre las actividades realizadas;" },
        { "es", "presentar un informe anual sobre la utilización de los seis idiomas;" },
        { "es", "someter los resultados de este estudio al Consejo;" },
        { "ru", "представить Совету доклад о ходе выполнения настоящей Резолюции;" },
        { "ru", "отчитываться перед Советом о результатах;" },
        { "ru", "докладывать Совету о принятых мерах;" },
        { "ru", "информировать Совет о ходе работы;" },
        { "ar", "تقديم تقرير إلى المجلس عن تنفيذ هذا القرار؛" },
        { "ar", "إبلاغ المجلس بالتقدم المحرز؛" },
        { "zh", "向理事会报告本决议的执行情况；" },
        { "zh", "提交年度报告给理事会；" },
        { "zh", "每年向理事会汇报工作进展；" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryFormOfRequest_ShouldStillBeFound(string language, string text)
    {
        Assert.NotNull(ReportingRequests.Find(text, language));
        Assert.True(HasWord(PhraseTable.ForLanguage(language)!, Normalizer.Fold(text)), text);
    }

    /// <summary>
    /// On every line of the six-language fixtures and the samples, and on the requests above, for every language's
    /// table: where a request pattern matches, one of the table's words is there.
    /// </summary>
    [Fact]
    public void AMatchOfAnyRequestPattern_ShouldHoldOneOfTheWords()
    {
        var lines = TestPaths.FixtureAndSampleLines()
            .Concat(Requests().Select(row => (string)row[1]))
            .Select(Normalizer.Fold)
            .ToList();
        var matched = 0;
        foreach (var language in new[] { "en", "fr", "es", "ru", "ar", "zh" })
        {
            var table = PhraseTable.ForLanguage(language)!;
            Assert.NotEmpty(table.ReportRequestWords);
            var patterns = table.ReportRequestPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)).ToList();
            foreach (var line in lines)
            {
                if (patterns.Any(p => p.IsMatch(line)))
                {
                    matched++;
                    Assert.True(HasWord(table, line), $"{language}: a request without any of the words: {line}");
                }
            }
        }

        Assert.True(matched > 40, $"only {matched} lines hold a request");
    }

    private static bool HasWord(PhraseTable table, string fold) => table.ReportRequestWords.Any(w => fold.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);
}
