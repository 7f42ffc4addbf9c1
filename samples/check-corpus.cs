// Checks every resolution in samples/corpus against the shipped rules and prints the findings by rule,
// with a count per category. Writes nothing.
//   dotnet run samples/check-corpus.cs [folder]
#:project ../src/ResolutionKit.Rules/ResolutionKit.Rules.csproj
#:property ImplicitUsings=enable

using ResolutionKit.Reading;
using ResolutionKit.Rules;

var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "corpus");
var resolutions = Directory.GetFiles(folder, "*.txt").Order().Select(f => ResolutionTextReader.ReadFile(f).Value!).ToList();
var rules = RuleSet.Load().RuleSet ?? throw new InvalidOperationException("the shipped rules did not load");
var result = rules.Analyze(resolutions);
foreach (var group in result.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
{
    Console.WriteLine($"{group.Key} {group.First().Descriptor.Title} ({group.Count()})");
    foreach (var d in group)
    {
        Console.WriteLine($"    {d.Location}: {d.Message}");
    }
}

Console.WriteLine($"{resolutions.Count} resolutions, {result.Diagnostics.Count} findings");
