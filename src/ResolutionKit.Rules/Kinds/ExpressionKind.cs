using System;
using System.Collections.Generic;
using ResolutionKit.Diagnostics;
using ResolutionKit.Rules.Engine;
using ResolutionKit.Rules.Expressions;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// <c>expression</c>: a C# predicate over one fact — <c>on</c>: <c>clause</c> (a <see cref="ClauseFact"/> named
/// <c>clause</c>), <c>group</c> (<see cref="GroupFact"/> <c>group</c>) or <c>resolution</c>
/// (<see cref="ResolutionFact"/> <c>resolution</c>) — compiled with Roslyn at load time and checked against an
/// allowlist. Message argument: {0} the address.
/// </summary>
internal static class ExpressionKind
{
    public const string Name = "expression";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "on", "predicate");
        var on = ctx.Choice("on", "clause", "clause", "group", "resolution");
        var predicate = ctx.String("predicate", true);
        if (predicate is null || ctx.HasErrors)
        {
            return null;
        }

        var token = ctx.Params["predicate"]!;
        CompiledRule? rule = on switch
        {
            "group" => Make<GroupFact>(ctx, predicate, "group", f => new GroupRule(ctx.Rule, f)),
            "resolution" => Make<ResolutionFact>(ctx, predicate, "resolution", f => new ResolutionRule(ctx.Rule, f)),
            _ => Make<ClauseFact>(ctx, predicate, "clause", f => new ClauseRule(ctx.Rule, f)),
        };
        return rule;

        CompiledRule? Make<T>(KindContext c, string text, string parameter, Func<Func<T, bool>, CompiledRule> create)
        {
            var compiled = c.Environment.Expressions.Compile<T>(text, parameter, out var errors);
            foreach (var e in errors)
            {
                c.ErrorAt(token, e.Index, "expression: " + e.Message);
            }

            return compiled is null ? null : create(compiled);
        }
    }

    private sealed class ClauseRule : SingleFactRule<ClauseFact>
    {
        private readonly Func<ClauseFact, bool> _predicate;

        public ClauseRule(RuleDefinition d, Func<ClauseFact, bool> predicate)
            : base(d) => _predicate = predicate;

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && Safe(this, _predicate, f, f.Address);

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            yield return AtClause(f, 0, f.Text.Length, null, f.Address);
        }
    }

    private sealed class GroupRule : SingleFactRule<GroupFact>
    {
        private readonly Func<GroupFact, bool> _predicate;

        public GroupRule(RuleDefinition d, Func<GroupFact, bool> predicate)
            : base(d) => _predicate = predicate;

        public override bool Matches(GroupFact g) => Definition.Scope.MatchesGroup(g.Resolution, g.Group) && Safe(this, _predicate, g, g.Address);

        public override IEnumerable<Diagnostic> Evaluate(GroupFact g)
        {
            yield return AtGroup(g, null, g.Address);
        }
    }

    private sealed class ResolutionRule : SingleFactRule<ResolutionFact>
    {
        private readonly Func<ResolutionFact, bool> _predicate;

        public ResolutionRule(RuleDefinition d, Func<ResolutionFact, bool> predicate)
            : base(d) => _predicate = predicate;

        public override bool Matches(ResolutionFact r) => Definition.Scope.MatchesResolution(r.Resolution) && Safe(this, _predicate, r, r.Address);

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            yield return AtResolution(r.Resolution, null, r.Address);
        }
    }

    /// <summary>
    /// Runs a predicate under the meter compiled into it. A predicate that throws (say, an index out of range) does not
    /// match, rather than stop the analysis; one that goes over its budget of steps, time or stack is stopped, reported
    /// once (RK0101) and skipped for the rest of the run.
    /// </summary>
    private static bool Safe<T>(CompiledRule rule, Func<T, bool> predicate, T fact, string address)
    {
        var sink = DiagnosticSink.Current;
        var id = rule.Definition.Id;
        if (sink is not null && sink.IsStopped(id))
        {
            return false;
        }

        ExpressionMeter.Begin(ExpressionMeter.UnitsPerEvaluation);
        try
        {
            var result = predicate(fact);
            var spent = ExpressionMeter.End();
            if (sink is not null && !sink.Spend(id, spent))
            {
                sink.Stop(id, rule.RuleLocation, FormattableString.Invariant($"used more than {DiagnosticSink.UnitsPerRun:N0} steps in this run"), address);
            }

            return result;
        }
        catch (ExpressionBudgetExceededException e)
        {
            ExpressionMeter.End();
            sink?.Stop(id, rule.RuleLocation, e.Message, address);
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ExpressionMeter.End();
            return false;
        }
    }
}
