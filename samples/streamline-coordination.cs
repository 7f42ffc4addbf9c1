// Streamlines the Resolution 191 analogue (coordination among the three Sectors), as the rapporteur group would:
// checks it against the shipped rules together with the rest of samples/corpus, applies every fix that cannot
// change meaning, and writes to samples/out/:
//   pp-191.streamlined.txt     the streamlined text
//   pp-191.proposal.md         the revision proposal (MOD, the changes marked, Reasons:)
//   pp-191.redline.html        a redline page to read in a browser
//   pp-191.redline.docx        the redline with tracked changes, for Word
// It also lists the findings that need a person (suggestions without a safe fix).
//   dotnet run samples/streamline-coordination.cs
#:project ../src/ResolutionKit.Rules/ResolutionKit.Rules.csproj
#:property ImplicitUsings=enable

using ResolutionKit.Fixes;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Writing;

var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".";
var corpus = Directory.GetFiles(Path.Combine(here, "corpus"), "*.txt").Order().Select(f => ResolutionTextReader.ReadFile(f).Value!).ToList();
var pp191 = corpus.Single(r => r.Address == "PP-191");
var rules = RuleSet.Load().RuleSet ?? throw new InvalidOperationException("the shipped rules did not load");

var findings = rules.Analyze(corpus).Diagnostics.Where(d => d.Location.Address.StartsWith("PP-191", StringComparison.Ordinal)).ToList();
var safe = findings.SelectMany(d => d.Fixes).Where(f => f.IsSafe && f.Edits.Count > 0);
var result = FixApplier.Apply(pp191, safe);

var outDir = Directory.CreateDirectory(Path.Combine(here, "out")).FullName;
File.WriteAllText(Path.Combine(outDir, "pp-191.streamlined.txt"), ResolutionTextWriter.Write(result.Resolution));
var options = new ProposalOptions { Source = "RG-STR", Document = "1", Rationale = id => rules.Definitions.FirstOrDefault(r => r.Id == id)?.Rationale };
File.WriteAllText(Path.Combine(outDir, "pp-191.proposal.md"), ProposalWriter.ToMarkdown(new[] { ProposalUnit.FromFixes(pp191, result) }, options));
var redline = Redline.Compare(pp191, result.Resolution);
File.WriteAllText(Path.Combine(outDir, "pp-191.redline.html"), Redline.ToHtml(redline));
using (var docx = File.Create(Path.Combine(outDir, "pp-191.redline.docx")))
{
    RedlineDocx.Write(redline, docx, new RedlineDocxOptions { Author = "Rapporteur group" });
}

Console.WriteLine($"PP-191: {findings.Count} findings, {result.Applied.Count} safe fixes applied, {result.Rejected.Count} not applied");
foreach (var fix in result.Applied)
{
    Console.WriteLine($"  applied  {fix.RuleId}: {fix.Title}");
}

foreach (var d in findings.Where(d => !d.Fixes.Any(f => f.IsSafe)))
{
    Console.WriteLine($"  for you  {d.Id} {d.Location.Address}: {d.Message}");
}

Console.WriteLine($"wrote {outDir}/pp-191.streamlined.txt, .proposal.md, .redline.html, .redline.docx");
