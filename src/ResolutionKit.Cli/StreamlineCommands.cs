using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ResolutionKit.Model;
using ResolutionKit.Merge;
using ResolutionKit.Writing;

namespace ResolutionKit.Cli;

/// <summary><c>reskit fix</c>, <c>reskit streamline</c> and <c>reskit merge</c>.</summary>
internal static class StreamlineCommands
{
    private static Option<string?> Config() => new("--config") { Description = "The configuration file (default: resolutionkit.json next to or above the input)." };

    private static Option<string[]> RuleIds() => new("--rule") { Description = "Only fixes of these rules (RK2001,RK3001 or repeated).", Arity = ArgumentArity.ZeroOrMore };

    private static Option<string[]> Context() => new("--corpus") { Description = "Other resolutions (files or folders) for cross-resolution rules.", Arity = ArgumentArity.ZeroOrMore };

    public static Command Fix()
    {
        var file = new Argument<string>("file") { Description = "The resolution to fix." };
        var inPlace = new Option<bool>("--in-place") { Description = "Overwrite the input file. Without --in-place or --output, nothing is written: the changes are printed as a diff." };
        var output = new Option<string?>("--output", "-o", "--out") { Description = "Where to write the fixed text." };
        var suggestions = new Option<bool>("--include-suggestions") { Description = "Also apply fixes marked as suggestions (not only safe ones)." };
        var config = Config();
        var rules = RuleIds();
        var context = Context();
        var command = new Command("fix", "Apply the safe fixes of the findings to a resolution: prints the changes as a diff, or writes them with --in-place or --output.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { inPlace, output, suggestions, config, rules, context })
        {
            command.Options.Add(o);
        }

        command.SetAction(p =>
        {
            var input = p.GetValue(file)!;
            var (ruleSet, target, result) = FixOne(input, p.GetValue(config), p.GetValue(context), p.GetValue(rules), p.GetValue(suggestions));
            var fixedText = ResolutionTextWriter.Write(result.Resolution);
            var destination = p.GetValue(inPlace) ? input : p.GetValue(output);
            if (destination is null)
            {
                // A dry run: nothing is written, so no second copy lands where the next check of the folder would read it.
                Console.Out.Write(UnifiedDiff.Make(input, ResolutionTextWriter.Write(target), fixedText));
                Console.Error.WriteLine($"reskit: {result.Applied.Count} fix(es) would be applied, {result.Rejected.Count} not; nothing written (use --in-place, or --output <file> outside the checked folders)");
                return ExitCode(result);
            }

            AtomicFile.Write(destination, fixedText);
            Console.Error.WriteLine($"reskit: {result.Applied.Count} fix(es) applied, {result.Rejected.Count} not applied; wrote {destination}");
            return ExitCode(result);
        });
        return command;
    }

    public static Command Streamline()
    {
        var file = new Argument<string>("file") { Description = "The resolution to streamline." };
        var output = new Option<string?>("--output", "-o", "--out") { Description = "Where to write the result (default: standard output; required for docx)." };
        var format = new Option<string>("--format") { Description = "text, json, proposal (Markdown), proposal-text, proposal-json, markdown (redline), html (redline page), docx (the proposal a conference receives: MOD/ADD/SUP units with tracked changes, footnotes, reasons and comments) or redline-docx (the bare comparison with tracked changes).", DefaultValueFactory = _ => "text" };
        var suggestions = new Option<bool>("--include-suggestions") { Description = "Also apply fixes marked as suggestions." };
        var source = new Option<string?>("--source") { Description = "Who proposes (administration or group), for the proposal identifiers." };
        var document = new Option<string?>("--document") { Description = "The document number, for the proposal identifiers." };
        var author = new Option<string?>("--author") { Description = "Author of the tracked changes in the .docx." };
        var date = new Option<string?>("--date") { Description = "Date of the tracked changes (yyyy-MM-dd), for reproducible output." };
        var revision = new Option<string?>("--revision") { Description = "The revision the text is proposed for, e.g. \"Rev. Doha, 2026\": the title line names it, the history line gains it, the conference formula follows it." };
        var config = Config();
        var rules = RuleIds();
        var context = Context();
        var command = new Command("streamline", "Apply the safe fixes of the chosen rules, renumber, update cross-references, and write the streamlined text or a revision proposal.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { output, format, suggestions, source, document, author, date, revision, config, rules, context })
        {
            command.Options.Add(o);
        }

        command.SetAction(p =>
        {
            var fmt = p.GetValue(format) ?? "text";
            Streamlining.CheckFormat(fmt);
            var input = p.GetValue(file)!;
            var rev = ParseRevision(p.GetValue(revision));
            var (ruleSet, target, result) = FixOne(input, p.GetValue(config), p.GetValue(context), p.GetValue(rules), p.GetValue(suggestions));
            if (rev is not null)
            {
                result = result with { Resolution = Revising.AtRevision(result.Resolution, rev) };
            }

            var units = new[] { ProposalUnit.FromFixes(target, result) };
            var comments = fmt == "docx" ? Streamlining.Comments(ruleSet, result.Resolution, Streamlining.ReadAll(Inputs.Expand(p.GetValue(context) ?? Array.Empty<string>()).Files, TextWriter.Null)) : null;
            Streamlining.Write(fmt, p.GetValue(output), units, result.Resolution, Redline.Compare(target, result.Resolution), Streamlining.ProposalOptions(ruleSet, p.GetValue(source), p.GetValue(document)), Streamlining.DocxOptions(p.GetValue(author), p.GetValue(date)), comments);
            return ExitCode(result);
        });
        return command;
    }

    public static Command Merge()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The resolutions to merge; the first is the one kept (its number, unless --number)." };
        var title = new Option<string?>("--title") { Description = "The title of the merged resolution (default: the first input's)." };
        var number = new Option<string?>("--number") { Description = "The number of the merged resolution (default: the first input's)." };
        var revision = new Option<string?>("--revision") { Description = "The revision of the merged text, e.g. \"Rev. Doha, 2026\"; the conference formula follows it." };
        var output = new Option<string?>("--output", "-o", "--out") { Description = "Where to write the result (default: standard output; required for docx)." };
        var format = new Option<string>("--format") { Description = "text, json, proposal, proposal-text, proposal-json, markdown, html, docx (the proposal a conference receives) or redline-docx.", DefaultValueFactory = _ => "text" };
        var account = new Option<string?>("--account") { Description = "Also write the account of every input clause (kept, folded, dropped) to this file." };
        var streamline = new Option<bool>("--streamline") { Description = "Also apply the safe fixes to the merged text." };
        var threshold = new Option<double?>("--threshold") { Description = "Similarity from which clauses are folded (0-1; default 0.6)." };
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } t && (t < 0 || t > 1 || double.IsNaN(t)))
            {
                result.AddError(string.Format(System.Globalization.CultureInfo.InvariantCulture, "--threshold is a similarity between 0 and 1 (e.g. 0.6), not {0}", t));
            }
        });
        var source = new Option<string?>("--source") { Description = "Who proposes, for the proposal identifiers." };
        var document = new Option<string?>("--document") { Description = "The document number, for the proposal identifiers." };
        var author = new Option<string?>("--author") { Description = "Author of the tracked changes in the .docx." };
        var date = new Option<string?>("--date") { Description = "Date of the tracked changes (yyyy-MM-dd)." };
        var config = Config();
        var command = new Command("merge", "Merge resolutions on one subject into one text: preambles united, operative clauses grouped by actor, duplicates folded, nothing lost.");
        command.Arguments.Add(files);
        foreach (var o in new Option[] { title, number, revision, output, format, account, streamline, threshold, source, document, author, date, config })
        {
            command.Options.Add(o);
        }

        command.SetAction(p =>
        {
            var fmt = p.GetValue(format) ?? "text";
            Streamlining.CheckFormat(fmt);
            var (paths, errors) = Inputs.Expand(p.GetValue(files) ?? Array.Empty<string>());
            if (errors.Count > 0)
            {
                throw new UserException(string.Join(Environment.NewLine, errors));
            }

            if (paths.Count < 2)
            {
                throw new UserException("reskit: error: merge needs at least two resolutions");
            }

            var inputs = Streamlining.ReadAll(paths, Console.Error);
            var (ruleSet, _) = RuleLoading.Load(p.GetValue(config), paths, null, null, null, Array.Empty<string>());
            var rev = ParseRevision(p.GetValue(revision));

            var first = inputs[0];
            var options = new MergeOptions
            {
                Title = p.GetValue(title),
                Id = p.GetValue(number) is { } n ? first.Id with { Number = n } : null,
                Revision = rev,
                ConferenceFormula = rev is null ? null : Revising.FormulaFor(first.Id.Body, rev),
                History = rev is null || first.History.Contains(rev) ? null : first.History.Add(rev),
                SimilarityThreshold = p.GetValue(threshold) ?? 0.6,
            };
            var merge = Merger.Merge(inputs, options);
            foreach (var warning in merge.Warnings)
            {
                Console.Error.WriteLine("warning: " + warning);
            }

            Fixes.FixResult? fixes = null;
            var merged = merge.Resolution;
            if (p.GetValue(streamline))
            {
                fixes = Streamlining.Apply(ruleSet, merged, Array.Empty<Resolution>(), null, false).Result;
                Streamlining.Report(fixes, Console.Error);
                merged = fixes.Resolution;
            }

            if (p.GetValue(account) is { } accountPath)
            {
                AtomicFile.Write(accountPath, string.Concat(merge.Account.Select(a => $"{a.InputAddress}\t{a.Disposition}\t{a.TargetAddress}\t{(a.Similarity is { } s ? s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}\t{a.Reason}\n")));
            }

            var units = ProposalUnit.FromMerge(merge, fixes);
            var comments = fmt == "docx" ? Streamlining.Comments(ruleSet, merged, Array.Empty<Resolution>()) : null;
            Streamlining.Write(fmt, p.GetValue(output), units, merged, Redline.Compare(first, merged), Streamlining.ProposalOptions(ruleSet, p.GetValue(source), p.GetValue(document)), Streamlining.DocxOptions(p.GetValue(author), p.GetValue(date)), comments);
            Console.Error.WriteLine($"reskit: merged {inputs.Count} resolutions: {merge.Account.Count} clauses accounted for, {merge.FoldedCount} folded, {merge.DroppedCount} dropped; supersedes {string.Join(", ", merge.Supersedes.Select(s => s.Citation))}");
            return Program.Clean;
        });
        return command;
    }

    /// <summary>What fix and streamline share: load the rules, read the target and its corpus, apply the chosen fixes, report.</summary>
    private static (Rules.RuleSet RuleSet, Resolution Target, Fixes.FixResult Result) FixOne(string input, string? config, string[]? context, string[]? ruleIds, bool includeSuggestions)
    {
        var (ruleSet, _) = RuleLoading.Load(config, new[] { input }, null, null, null, Array.Empty<string>());
        var target = Streamlining.ReadAll(new[] { input }, Console.Error).Single();
        var others = Streamlining.ReadAll(Inputs.Expand(context ?? Array.Empty<string>()).Files, Console.Error);
        var (result, _) = Streamlining.Apply(ruleSet, target, others, Streamlining.ParseRuleIds(ruleIds, ruleSet), includeSuggestions);
        Streamlining.Report(result, Console.Error);
        return (ruleSet, target, result);
    }

    /// <summary>Conflicting fixes make the command fail: a person must choose between them.</summary>
    private static int ExitCode(Fixes.FixResult result) =>
        result.Rejected.Any(r => r.Reason == Fixes.FixRejectionReason.Conflict) ? Program.Findings : Program.Clean;

    private static Revision? ParseRevision(string? text) =>
        text is null ? null : Revision.TryParse(text) ?? throw new UserException($"reskit: error: --revision must read like \"Rev. Doha, 2026\", not '{text}'");
}
