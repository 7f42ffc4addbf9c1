using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Rules.Engine;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Kinds;

/// <summary>A rule compiled from its file: it builds its NRules rule(s) and turns matches into diagnostics.</summary>
internal abstract class CompiledRule
{
    protected CompiledRule(RuleDefinition definition) => Definition = definition;

    public RuleDefinition Definition { get; }

    public DiagnosticDescriptor Descriptor => Definition.Descriptor;

    /// <summary>Set when the rule set is configured: the severity its diagnostics get.</summary>
    public DiagnosticSeverity Severity { get; set; }

    public int Index { get; set; }

    /// <summary>Distinguishes the NRules rules of one rule file that has several parts (targets).</summary>
    public string NameSuffix { get; set; } = string.Empty;

    /// <summary>Whether a finding with the same first argument is reported once per analysis, at its first location.</summary>
    public virtual bool ReportOncePerRun => false;

    public abstract IEnumerable<IRuleDefinition> Build();

    /// <summary>
    /// The rule run as a plain loop over facts, without the rules engine: the baseline the engine's overhead is
    /// measured against (benchmarks). Null for rules that join facts.
    /// </summary>
    internal virtual IEnumerable<Diagnostic>? EvaluateDirectly(IEnumerable<Fact> facts) => null;

    protected Diagnostic Make(Resolution resolution, string address, SourceSpan? span, IEnumerable<Fix>? fixes, params string[] args) =>
        new(Descriptor, new Location(resolution.SourcePath, address, span), EquatableArray.Create(args), Severity,
            (fixes ?? Enumerable.Empty<Fix>()).Select(f => f with { RuleId = Descriptor.Id }).ToEquatableArray());

    protected Diagnostic AtClause(ClauseFact c, int start, int length, IEnumerable<Fix>? fixes, params string[] args) =>
        Make(c.Resolution, c.Address, c.Clause.Locate(start, length), fixes, args);

    protected Diagnostic AtGroup(GroupFact g, IEnumerable<Fix>? fixes, params string[] args) =>
        Make(g.Resolution, g.Address, g.Group.Span, fixes, args);

    protected Diagnostic AtResolution(Resolution r, IEnumerable<Fix>? fixes, params string[] args) =>
        Make(r, r.Address, r.Span, fixes, args);

    protected Fix? DeclaredFix(string title, params ModelEdit[] edits) =>
        Definition.Fix is null ? null : new Fix(Definition.Fix.Title ?? title, EquatableArray.Create(edits), Definition.Fix.IsSafe);

    /// <summary>Runs a user regex; a time-out becomes no match and is reported once.</summary>
    protected IEnumerable<Match> Matches(Regex regex, string text)
    {
        var list = new List<Match>();
        if (!ScreenedRegex.MayMatch(regex, text))
        {
            return list;
        }

        try
        {
            foreach (Match m in regex.Matches(text))
            {
                list.Add(m);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            TimedOut();
        }

        return list;
    }

    protected bool IsMatch(Regex regex, string text)
    {
        try
        {
            return ScreenedRegex.MayMatch(regex, text) && regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            TimedOut();
            return false;
        }
    }

    /// <summary><see cref="IsMatch"/> for helpers of a kind.</summary>
    internal bool Test(Regex regex, string text) => IsMatch(regex, text);

    private void TimedOut() => DiagnosticSink.Current?.TimedOut(Definition.Id, RuleLocation);

    /// <summary>Where the rule's parameters stand in its file, for findings about the rule itself.</summary>
    internal Location RuleLocation => new(Definition.Source.Path, Definition.Id, Definition.Source.Locate(Definition.Json["params"] ?? Definition.Json));

    internal static string Name(ClauseFact c) => c.Address;
}

/// <summary>A rule over one fact type: a condition evaluated in the Rete network, and findings computed on activation.</summary>
internal abstract class SingleFactRule<T> : CompiledRule
    where T : Fact
{
    protected SingleFactRule(RuleDefinition definition)
        : base(definition)
    {
    }

    public abstract bool Matches(T fact);

    public abstract IEnumerable<Diagnostic> Evaluate(T fact);

    internal override IEnumerable<Diagnostic>? EvaluateDirectly(IEnumerable<Fact> facts) => facts.OfType<T>().Where(Matches).SelectMany(Evaluate);

    public override IEnumerable<IRuleDefinition> Build()
    {
        var builder = new RuleBuilder();
        builder.Name(Definition.Id + NameSuffix);
        builder.Description(Definition.Descriptor.Title);
        var pattern = builder.LeftHandSide().Pattern(typeof(T), "f");
        Expression<Func<T, bool>> condition = f => Matches(f);
        pattern.Condition(condition);
        var index = Index;
        Expression<Action<IContext, T>> set = (ctx, f) => ((DiagnosticSink)ctx.Resolve(typeof(DiagnosticSink))).Set(index, f.Key, Evaluate(f));
        Expression<Action<IContext, T>> remove = (ctx, f) => ((DiagnosticSink)ctx.Resolve(typeof(DiagnosticSink))).Remove(index, f.Key);
        builder.RightHandSide().Action(set, ActionTrigger.Activated | ActionTrigger.Reactivated);
        builder.RightHandSide().Action(remove, ActionTrigger.Deactivated);
        yield return builder.Build();
    }
}

/// <summary>A rule joining two facts of one type (e.g. two reporting requests): NRules does the join.</summary>
internal abstract class JoinRule<T> : CompiledRule
    where T : Fact
{
    protected JoinRule(RuleDefinition definition)
        : base(definition)
    {
    }

    public abstract bool MatchesFirst(T fact);

    public abstract bool MatchesSecond(T fact);

    public abstract bool Joins(T first, T second);

    public abstract IEnumerable<Diagnostic> Evaluate(T first, T second);

    public override IEnumerable<IRuleDefinition> Build()
    {
        var builder = new RuleBuilder();
        builder.Name(Definition.Id + NameSuffix);
        builder.Description(Definition.Descriptor.Title);
        var lhs = builder.LeftHandSide();
        var a = lhs.Pattern(typeof(T), "a");
        Expression<Func<T, bool>> first = a => MatchesFirst(a);
        a.Condition(first);
        var b = lhs.Pattern(typeof(T), "b");
        Expression<Func<T, bool>> second = b => MatchesSecond(b);
        Expression<Func<T, T, bool>> join = (a, b) => Joins(a, b);
        b.Condition(second);
        b.Condition(join);
        var index = Index;
        Expression<Action<IContext, T, T>> set = (ctx, a, b) => ((DiagnosticSink)ctx.Resolve(typeof(DiagnosticSink))).Set(index, a.Key + "&" + b.Key, Evaluate(a, b));
        Expression<Action<IContext, T, T>> remove = (ctx, a, b) => ((DiagnosticSink)ctx.Resolve(typeof(DiagnosticSink))).Remove(index, a.Key + "&" + b.Key);
        builder.RightHandSide().Action(set, ActionTrigger.Activated | ActionTrigger.Reactivated);
        builder.RightHandSide().Action(remove, ActionTrigger.Deactivated);
        yield return builder.Build();
    }
}

/// <summary>A rule file with several parts (a substitution rule on clauses and headings): each part builds its own NRules rule.</summary>
internal sealed class CompositeRule : CompiledRule
{
    private readonly IReadOnlyList<CompiledRule> _parts;

    public CompositeRule(RuleDefinition definition, IReadOnlyList<CompiledRule> parts)
        : base(definition) => _parts = parts;

    public override bool ReportOncePerRun => _parts.Any(p => p.ReportOncePerRun);

    internal override IEnumerable<Diagnostic>? EvaluateDirectly(IEnumerable<Fact> facts)
    {
        var each = _parts.Select(p => p.EvaluateDirectly(facts)).ToList();
        return each.Any(e => e is null) ? null : each.SelectMany(e => e!);
    }

    public override IEnumerable<IRuleDefinition> Build()
    {
        for (var i = 0; i < _parts.Count; i++)
        {
            _parts[i].Severity = Severity;
            _parts[i].Index = Index;
            _parts[i].NameSuffix = "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var rule in _parts[i].Build())
            {
                yield return rule;
            }
        }
    }
}
