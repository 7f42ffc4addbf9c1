using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Rules.Engine;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// <c>duplicate</c>: near-duplicate clauses (derived similar-pair facts). <c>relation</c>: <c>within</c> one
/// resolution, <c>across</c> resolutions of the same body, <c>sector</c> (a Plenipotentiary text and a Sector
/// assembly's), <c>any</c>; <c>sameActor</c>: both instruct the same actor; <c>threshold</c> (0–1). Reported on the
/// later clause. Message arguments: {0} the address of the other clause, {1} the similarity in per cent.
/// </summary>
internal static class DuplicateKind
{
    public const string Name = "duplicate";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "relation", "threshold", "sameActor");
        var relation = ctx.Choice("relation", "within", "within", "across", "sector", "any");
        var threshold = ctx.Number("threshold", 0.6, 0.2, 1);
        var sameActor = ctx.Bool("sameActor", false);
        ctx.Environment.RequestSimilarity(threshold, acrossResolutions: relation != "within", ctx.Rule.Scope.Part);
        return ctx.HasErrors ? null : new Rule(ctx.Rule, relation, threshold, sameActor);
    }

    private sealed class Rule : SingleFactRule<SimilarPairFact>
    {
        private readonly string _relation;
        private readonly double _threshold;
        private readonly bool _sameActor;

        public Rule(RuleDefinition d, string relation, double threshold, bool sameActor)
            : base(d)
        {
            _relation = relation;
            _threshold = threshold;
            _sameActor = sameActor;
        }

        public override bool Matches(SimilarPairFact p)
        {
            if (p.Similarity < _threshold || !Definition.Scope.Matches(p.First) || !Definition.Scope.Matches(p.Second))
            {
                return false;
            }

            if (_sameActor && !p.First.Actors.Any(a => p.Second.Actors.Contains(a)))
            {
                return false;
            }

            var sameBody = p.First.Body.Code == p.Second.Body.Code;
            var oneIsPp = (IsPp(p.First.Body) && IsSector(p.Second.Body)) || (IsSector(p.First.Body) && IsPp(p.Second.Body));
            return _relation switch
            {
                "within" => p.SameResolution,
                "across" => !p.SameResolution && sameBody,
                "sector" => !p.SameResolution && oneIsPp,
                _ => true,
            };
        }

        private static bool IsPp(Body body) => body.Code == Body.Plenipotentiary.Code;

        /// <summary>The Sector assemblies and conferences (the Council and WCIT are neither).</summary>
        private static bool IsSector(Body body) => body.Code == Body.Wtsa.Code || body.Code == Body.Wtdc.Code || body.Code == Body.RadiocommunicationAssembly.Code || body.Code == Body.Wrc.Code;

        public override IEnumerable<Diagnostic> Evaluate(SimilarPairFact p)
        {
            var fixes = Definition.Fix is { Kind: "delete-clause" } fix
                ? new[] { new Fix(fix.Title ?? $"Delete this clause; {p.First.Address} already says it", EquatableArray.Create<ModelEdit>(new DeleteClause(p.Second.Address, "Duplicates " + p.First.Address) { OldText = FixApplier.ExpectedText(p.Second.Clause) }), fix.IsSafe) }
                : null;
            yield return AtClause(p.Second, 0, p.Second.Text.Length, fixes, p.First.Address, Math.Round(p.Similarity * 100).ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// <c>reporting</c>: reporting requests (derived facts). <c>check</c>: <c>several</c> (more than one request in one
/// resolution; reported on each after the first), <c>council-and-conference</c> (one matter reported both to the
/// Council and to the conference), <c>across</c> (requests on one subject in several resolutions, by
/// <c>threshold</c>). Message arguments: {0} the address of the other request, {1} its recipient.
/// </summary>
internal static class ReportingKind
{
    public const string Name = "reporting";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "check", "threshold");
        var check = ctx.Choice("check", "several", "several", "council-and-conference", "across");
        var threshold = ctx.Number("threshold", 0.35, 0, 1);
        ctx.Environment.RequestReporting(check == "across" ? threshold : null);
        return ctx.HasErrors ? null : new Rule(ctx.Rule, check, threshold);
    }

    /// <summary>
    /// Over the derived request pairs (<see cref="ReportingPairFact"/>): the pairs of one resolution are few, and the
    /// pairs across resolutions come from the overlap index, so no rule compares every pair of requests in a corpus.
    /// </summary>
    private sealed class Rule : SingleFactRule<ReportingPairFact>
    {
        private readonly string _check;
        private readonly double _threshold;

        public Rule(RuleDefinition d, string check, double threshold)
            : base(d)
        {
            _check = check;
            _threshold = threshold;
        }

        public override bool Matches(ReportingPairFact p) => MatchesFirst(p.First) && MatchesSecond(p.Second) && Joins(p.First, p.Second, p.SubjectSimilarity);

        public override IEnumerable<Diagnostic> Evaluate(ReportingPairFact p) => Evaluate(p.First, p.Second);

        private bool MatchesFirst(ReportingFact a) =>
            Definition.Scope.Matches(a.Clause) && _check switch
            {
                "several" => a.Index == 0,
                "council-and-conference" => a.Recipient is "Council" or "CouncilAndConference",
                _ => true,
            };

        private bool MatchesSecond(ReportingFact b) =>
            Definition.Scope.Matches(b.Clause) && _check switch
            {
                "several" => b.Index > 0,
                "council-and-conference" => b.Recipient is "Conference" or "CouncilAndConference",
                _ => true,
            };

        private bool Joins(ReportingFact a, ReportingFact b, double subjectSimilarity)
        {
            var same = a.Clause.Resolution.Address == b.Clause.Resolution.Address;
            return _check switch
            {
                "several" => same,
                // One request to both, or a report on the implementation of the whole resolution, which covers any other
                // report the resolution asks for.
                "council-and-conference" => ReferenceEquals(a, b) ? a.Recipient == "CouncilAndConference" : same && a.Recipient != "CouncilAndConference" && b.Recipient != "CouncilAndConference" && (a.Request is { HasSubject: false } || b.Request is { HasSubject: false }
                    || Analysis.TextSimilarity.Similarity(a.Request?.Subject ?? a.Clause.Text, b.Request?.Subject ?? b.Clause.Text) >= _threshold),
                // Requests on one subject in two resolutions: what the reports are about is compared (a request on the
                // implementation of "this resolution" has no subject to compare), in the same language only.
                _ => !same && string.CompareOrdinal(a.Clause.Address, b.Clause.Address) < 0 && a.HasSubject && b.HasSubject
                    && a.Clause.Resolution.Language == b.Clause.Resolution.Language
                    && subjectSimilarity >= _threshold,
            };
        }

        private IEnumerable<Diagnostic> Evaluate(ReportingFact a, ReportingFact b)
        {
            yield return AtClause(b.Clause, 0, b.Clause.Text.Length, null, a.Clause.Address, a.Recipient);
        }
    }
}

/// <summary>
/// <c>mergeable</c>: two resolutions whose operative parts overlap (derived overlap facts) enough to be merged.
/// Parameters: <c>threshold</c> (share of the smaller resolution's operative clauses with a near-duplicate in the
/// other), <c>minShared</c>. Message arguments: {0} the other resolution, {1} this one, {2} the shared clause count,
/// {3} the overlap in per cent.
/// </summary>
internal static class MergeableKind
{
    public const string Name = "mergeable";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "threshold", "minShared");
        var threshold = ctx.Number("threshold", 0.3, 0.05, 1);
        var minShared = (int)ctx.Number("minShared", 2, 1, 1000);
        ctx.Environment.RequestSimilarity(FactBuilder.OverlapSimilarity, acrossResolutions: true, part: "operative");
        return ctx.HasErrors ? null : new Rule(ctx.Rule, threshold, minShared);
    }

    private sealed class Rule : SingleFactRule<OverlapFact>
    {
        private readonly double _threshold;
        private readonly int _minShared;

        public Rule(RuleDefinition d, double threshold, int minShared)
            : base(d)
        {
            _threshold = threshold;
            _minShared = minShared;
        }

        public override bool Matches(OverlapFact o) =>
            o.Overlap >= _threshold && o.SharedClauses >= _minShared
            && Definition.Scope.MatchesResolution(o.First.Resolution) && Definition.Scope.MatchesResolution(o.Second.Resolution);

        public override IEnumerable<Diagnostic> Evaluate(OverlapFact o)
        {
            var fix = new Fix($"Merge {o.First.Address} and {o.Second.Address} (reskit merge)", EquatableArray<ModelEdit>.Empty, false);
            yield return AtResolution(o.Second.Resolution, new[] { fix }, o.First.Address, o.Second.Address, o.SharedClauses.ToString(CultureInfo.InvariantCulture), Math.Round(o.Overlap * 100).ToString(CultureInfo.InvariantCulture));
        }
    }
}
