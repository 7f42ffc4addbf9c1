// How a drafting tool embeds ResolutionKit: keep an incremental session open, and after each edit of a clause
// ask only for the diagnostics that appeared and disappeared. Reads samples/corpus, writes nothing.
//   dotnet run samples/embed-in-editor.cs
#:project ../src/ResolutionKit.Rules/ResolutionKit.Rules.csproj
#:property ImplicitUsings=enable

using System.Diagnostics;
using ResolutionKit.Reading;
using ResolutionKit.Rules;

var corpus = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "corpus");
var resolutions = Directory.GetFiles(corpus, "*.txt").Order().Select(f => ResolutionTextReader.ReadFile(f).Value!).ToList();
var rules = RuleSet.Load().RuleSet ?? throw new InvalidOperationException("the shipped rules did not load");

// Open the session once, as an editor does when a document is opened.
var session = rules.StartSession(resolutions);
Console.WriteLine($"opened {resolutions.Count} resolutions: {session.Diagnostics.Count} findings");

// The drafter types over PP-154 "instructs the Secretary-General" clause 1, adding a gendered term ...
Edit("PP-154/instructs-secretary-general/1", "to ensure that the chairman of each meeting can follow the debate in the six official languages;");
// ... corrects it ...
Edit("PP-154/instructs-secretary-general/1", "to ensure that the chair of each meeting can follow the debate in the six official languages;");
// ... and updates the superseded citation in PP-191 recalling a).
Edit("PP-191/recalling/a", "Resolution 71 (Rev. Bucharest, 2022) of this conference, on the strategic plan for the Union;");

void Edit(string address, string text)
{
    var watch = Stopwatch.StartNew();
    var delta = session.ReplaceClause(address, text);
    watch.Stop();
    Console.WriteLine($"edit {address}: +{delta.Added.Count} -{delta.Removed.Count} in {watch.Elapsed.TotalMilliseconds:F1} ms");
    foreach (var d in delta.Added)
    {
        Console.WriteLine($"  + {d.Id} {d.Location.Address}: {d.Message}");
    }

    foreach (var d in delta.Removed)
    {
        Console.WriteLine($"  - {d.Id} {d.Location.Address}: {d.Message}");
    }
}
