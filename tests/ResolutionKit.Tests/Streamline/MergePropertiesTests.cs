using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using ResolutionKit.Merge;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

public class MergePropertiesTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(int.TryParse(System.Environment.GetEnvironmentVariable("RESKIT_PROPERTY_TESTS"), out var n) ? n : 300);

    [Fact]
    public void Merge_ShouldLoseNothing()
    {
        var property = Prop.ForAll(Arb.From(StreamlineGenerators.MergeInputsGen), inputs =>
        {
            var merge = Merger.Merge(inputs);
            var output = merge.Resolution.Clauses().Select(c => c.Address).ToHashSet();

            // Every input clause is in the account exactly once.
            var expected = inputs.SelectMany((r, i) => r.Clauses().Select(c => (i, c.Address))).ToList();
            var accounted = merge.Account.Select(e => (e.Input, e.InputAddress)).ToList();
            var once = expected.Count == accounted.Count && expected.ToHashSet().SetEquals(accounted);

            // Every kept or folded clause points into the output; kept clauses are the output, one to one.
            var targets = merge.Account.Where(e => e.Disposition != MergeDisposition.Dropped).All(e => e.TargetAddress is not null && output.Contains(e.TargetAddress));
            var kept = merge.Account.Where(e => e.Disposition == MergeDisposition.Kept).Select(e => e.TargetAddress!).ToList();
            var oneToOne = kept.Count == output.Count && kept.ToHashSet().SetEquals(output);
            var reasons = merge.Account.Where(e => e.Disposition != MergeDisposition.Kept).All(e => e.Reason.Length > 0);
            return once && targets && oneToOne && reasons;
        });
        Check.One(Config, property);
    }

    [Fact]
    public void Merge_ShouldBeDeterministic()
    {
        var property = Prop.ForAll(Arb.From(StreamlineGenerators.MergeInputsGen), inputs => Merger.Merge(inputs) == Merger.Merge(inputs));
        Check.One(Config.WithMaxTest(100), property);
    }
}
