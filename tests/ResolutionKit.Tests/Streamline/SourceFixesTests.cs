using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

/// <summary>Fixes made on the file as written (for editors and SARIF), in every layout and language the reader knows.</summary>
public class SourceFixesTests
{
    public static IEnumerable<object[]> Fixtures() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "tests", "ResolutionKit.Tests", "Fixtures"), "*.txt", SearchOption.AllDirectories)
            .Concat(TestPaths.Samples.Select(s => s.FullPath))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(TestPaths.Root, p).Replace('\\', '/') });

    private static (string Source, List<Resolution> Resolutions) Load(string relative)
    {
        var path = Path.Combine(TestPaths.Root, relative);
        var source = ResolutionTextReader.ReadText(path)!;
        return (source, ResolutionTextReader.ReadAll(source, path).Select(x => x.Value).Where(x => x is not null).Select(x => x!).ToList());
    }

    private static Fix Make(params ModelEdit[] edits) => new("test", edits.ToEquatableArray(), true) { RuleId = "RK9" };

    /// <summary>The text the replacements make reads back to what the fix makes of the model.</summary>
    private static void AssertReadsAsFixed(Resolution resolution, Fix fix, string source, IReadOnlyList<TextReplacement> replacements)
    {
        var edited = SourceFixes.Apply(source, replacements);
        var reread = ResolutionTextReader.ReadAll(edited, resolution.SourcePath).Select(x => x.Value).Single(x => x is not null && x.Address == resolution.Address && x.Language == resolution.Language);
        Assert.Equal(ResolutionTextWriter.Write(FixApplier.Apply(resolution, new[] { fix }).Resolution), ResolutionTextWriter.Write(reread!));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReplacingAWord_ShouldMapOntoThatWordInTheFile_InEveryLayoutAndLanguage(string relative)
    {
        var (source, resolutions) = Load(relative);
        foreach (var resolution in resolutions)
        {
            foreach (var node in resolution.Clauses())
            {
                var word = Regex.Match(node.Clause.Text, @"\p{L}{4,}");
                if (!word.Success)
                {
                    continue;
                }

                var fix = Make(new ReplaceText(node.Address, word.Index, word.Length, word.Value + word.Value, word.Value));
                var replacements = SourceFixes.TryMap(resolution, fix, source);

                Assert.True(replacements is not null, $"{node.Address}: '{word.Value}' could not be replaced in the file");
                var only = Assert.Single(replacements!);
                Assert.Equal(word.Value, source.Substring(only.Offset, only.Length));
                AssertReadsAsFixed(resolution, fix, source, replacements!);
            }
        }
    }

    [Fact]
    public void DeletingClauses_ShouldMapInNineTextsOfTen_AndEveryMappedDeletionShouldReadAsTheFixedModel()
    {
        int tried = 0, mapped = 0;
        foreach (var relative in Fixtures().Select(f => (string)f[0]))
        {
            var (source, resolutions) = Load(relative);
            foreach (var resolution in resolutions)
            {
                foreach (var node in resolution.Clauses())
                {
                    tried++;
                    var fix = Make(new DeleteClause(node.Address, "test"));
                    if (SourceFixes.TryMap(resolution, fix, source) is { } replacements)
                    {
                        mapped++;
                        AssertReadsAsFixed(resolution, fix, source, replacements);
                    }
                }
            }
        }

        Assert.True(mapped >= tried * 9 / 10, $"{mapped} of {tried} deletions mapped onto the file");
    }

    [Fact]
    public void DeletingAClause_ShouldRemoveItsLinesAndRelabelTheRest_LeavingEverythingElseAsWritten()
    {
        var (source, resolutions) = Load("samples/corpus/pp-167.txt");
        var fix = Make(new DeleteClause("PP-167/instructs-secretary-general/3", "covered by the annual report"));

        var replacements = SourceFixes.TryMap(resolutions.Single(), fix, source)!;

        var edited = SourceFixes.Apply(source, replacements).Split('\n');
        var before = source.Split('\n');
        Assert.Equal(before.Length - 1, edited.Length);
        var at = Array.FindIndex(before, l => l.StartsWith("3\tto report annually to the Council", StringComparison.Ordinal));
        Assert.Equal(before.Take(at), edited.Take(at));
        Assert.Equal("3" + before[at + 1].Substring(1), edited[at]);
        Assert.Equal(before.Skip(at + 2), edited.Skip(at + 1));
    }

    [Fact]
    public void ReplacingAWordOfAClauseWrappedAcrossAPage_ShouldLeaveThePageFurnitureAsWritten()
    {
        var (source, resolutions) = Load("tests/ResolutionKit.Tests/Fixtures/en/pdf.txt");
        var resolution = resolutions.Single();
        var wrapped = resolution.Clauses().First(c => c.Clause.TextMap!.Segments.Count > 1
            && source.Substring(c.Clause.TextMap.Segments[0].SourceOffset, c.Clause.TextMap.Segments[^1].SourceOffset - c.Clause.TextMap.Segments[0].SourceOffset).Count(ch => ch == '\n') > 1);
        var last = wrapped.Clause.TextMap!.Segments[^1];
        var word = Regex.Match(wrapped.Clause.Text.Substring(last.TextOffset), @"\p{L}{4,}");
        var fix = Make(new ReplaceText(wrapped.Address, last.TextOffset + word.Index, word.Length, "REPLACED", word.Value));

        var replacement = Assert.Single(SourceFixes.TryMap(resolution, fix, source)!);

        Assert.Equal(last.SourceOffset + word.Index, replacement.Offset);
        var edited = SourceFixes.Apply(source, new[] { replacement });
        Assert.Equal(source.Substring(0, replacement.Offset), edited.Substring(0, replacement.Offset));
        Assert.Equal(source.Substring(replacement.Offset + word.Length), edited.Substring(replacement.Offset + "REPLACED".Length));
    }

    [Fact]
    public void ChangingAHeading_ShouldReplaceTheHeadingOnly()
    {
        var (source, resolutions) = Load("samples/corpus/pp-167.txt");
        var resolution = resolutions.Single();
        var group = resolution.GroupNodes().Single(g => g.Group.Heading == "instructs the Council");
        var fix = Make(new ChangeGroupHeading(group.Address, "requests the Council", "requests", group.Group.Actors));

        var replacement = Assert.Single(SourceFixes.TryMap(resolution, fix, source)!);

        Assert.Equal("instructs the Council", source.Substring(replacement.Offset, replacement.Length));
        Assert.Equal("requests the Council", replacement.NewText);
    }

    [Fact]
    public void AFixTheFileCannotTake_ShouldNotMap()
    {
        var (source, resolutions) = Load("samples/corpus/pp-167.txt");
        var resolution = resolutions.Single();
        var clause = resolution.Clauses().First(c => c.Clause.Text.Contains("report annually", StringComparison.Ordinal));
        var at = clause.Clause.Text.IndexOf("annually", StringComparison.Ordinal);
        var replace = Make(new ReplaceText(clause.Address, at, 8, "each year", "annually"));

        // An insertion has no text in the file to land on; the writer makes it (reskit fix).
        Assert.Null(SourceFixes.TryMap(resolution, Make(new InsertClause(clause.Group.Address, 0, new Clause("1", "to do something new;"))), source));

        // The file no longer reads as the model: the edit is not made blind.
        var changed = source.Replace("report annually", "report yearly!!", StringComparison.Ordinal);
        Assert.Null(SourceFixes.TryMap(resolution, replace, changed));

        // A resolution that was not read from text has nowhere to map to.
        var unread = StreamlineSamples.Small with { Span = null };
        var first = unread.Clauses().First();
        var word = Regex.Match(first.Clause.Text, @"\p{L}{4,}");
        Assert.Null(SourceFixes.TryMap(unread, Make(new ReplaceText(first.Address, word.Index, word.Length, "x", word.Value)), ResolutionTextWriter.Write(unread)));

        // A fix the model refuses (stale text) is not mapped either.
        Assert.Null(SourceFixes.TryMap(resolution, Make(new ReplaceText(clause.Address, at, 8, "each year", "biennial")), source));
        Assert.NotNull(SourceFixes.TryMap(resolution, replace, source));
    }
}
