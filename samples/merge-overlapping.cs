// Merges the two texts that overlap most in samples/corpus -- PP Resolution 191 and WTSA Resolution 18 (found by
// rule RK4005) -- into one streamlined resolution, and writes to samples/out/:
//   merged-191.txt             the merged text
//   merged-191.account.txt     where every input clause went (kept, folded into, dropped) and why
//   merged-191.proposal.md     the proposal: MOD Resolution 191, SUP Resolution 18, with reasons
//   merged-191.redline.html    the redline against Resolution 191 as it stands
//   dotnet run samples/merge-overlapping.cs
#:project ../src/ResolutionKit.Rules/ResolutionKit.Rules.csproj
#:property ImplicitUsings=enable

using ResolutionKit.Merge;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Writing;

var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".";
var corpus = Directory.GetFiles(Path.Combine(here, "corpus"), "*.txt").Order().Select(f => ResolutionTextReader.ReadFile(f).Value!).ToList();
var rules = RuleSet.Load().RuleSet ?? throw new InvalidOperationException("the shipped rules did not load");

// Which resolutions overlap enough to merge? The mergeable rule says.
foreach (var d in rules.Analyze(corpus).Diagnostics.Where(d => d.Id == "RK4005"))
{
    Console.WriteLine($"{d.Id}: {d.Message}");
}

var pp191 = corpus.Single(r => r.Address == "PP-191");
var wtsa18 = corpus.Single(r => r.Address == "WTSA-18");
var merge = Merger.Merge(new[] { pp191, wtsa18 }, new MergeOptions
{
    Revision = new Revision("Doha", 2026, true),
    ConferenceFormula = "The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),",
});

var outDir = Directory.CreateDirectory(Path.Combine(here, "out")).FullName;
File.WriteAllText(Path.Combine(outDir, "merged-191.txt"), ResolutionTextWriter.Write(merge.Resolution));
File.WriteAllLines(Path.Combine(outDir, "merged-191.account.txt"), merge.Account.Select(a => $"{a.InputAddress} -> {a.Disposition} {a.TargetAddress} {a.Reason}"));
var options = new ProposalOptions { Source = "RG-STR", Document = "2", Rationale = id => rules.Definitions.FirstOrDefault(r => r.Id == id)?.Rationale };
File.WriteAllText(Path.Combine(outDir, "merged-191.proposal.md"), ProposalWriter.ToMarkdown(ProposalUnit.FromMerge(merge), options));
File.WriteAllText(Path.Combine(outDir, "merged-191.redline.html"), Redline.ToHtml(Redline.Compare(pp191, merge.Resolution)));

Console.WriteLine($"merged {pp191.Address} and {wtsa18.Address}: {merge.Account.Count} input clauses, {merge.FoldedCount} folded, {merge.DroppedCount} dropped");
Console.WriteLine($"supersedes: {string.Join("; ", merge.Supersedes.Select(s => s.Citation))}");
Console.WriteLine($"wrote {outDir}/merged-191.txt, .account.txt, .proposal.md, .redline.html");
