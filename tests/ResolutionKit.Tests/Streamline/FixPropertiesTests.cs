using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using ResolutionKit.Fixes;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

public class FixPropertiesTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(int.TryParse(System.Environment.GetEnvironmentVariable("RESKIT_PROPERTY_TESTS"), out var n) ? n : 300);

    [Fact]
    public void Apply_ShouldNotDependOnTheOrderOfTheFixes()
    {
        var property = Prop.ForAll(Arb.From(StreamlineGenerators.FixCaseGen), c =>
        {
            var a = FixApplier.Apply(c.Resolution, c.Fixes);
            var b = FixApplier.Apply(c.Resolution, c.Shuffled);
            return a == b;
        });
        Check.One(Config, property);
    }

    [Fact]
    public void Apply_ShouldBeIdempotent()
    {
        var property = Prop.ForAll(Arb.From(StreamlineGenerators.FixCaseGen), c =>
        {
            var once = FixApplier.Apply(c.Resolution, c.Fixes);
            var twice = FixApplier.Apply(once.Resolution, c.Fixes);
            return twice.Resolution == once.Resolution && !twice.HasChanges && twice.Applied.All(f => f.Edits.All(e => e is Renumber));
        });
        Check.One(Config, property);
    }

    /// <summary>
    /// The case FsCheck found: fix 5 inserts before "activitiesw5" and fix 4 deletes it; the first pass applies 5 and
    /// rejects 4 as a conflict. The second pass must still see 4 conflict with 5 (already in the text), not apply it.
    /// </summary>
    [Fact]
    public void Apply_ShouldBeIdempotent_WhenAFixAlreadyInTheTextConflictsWithAnother()
    {
        var replay = Config.QuickThrowOnFailure.WithMaxTest(1).WithReplay(new Replay(new Rnd(11152776074127538601UL, 2908524244124972897UL), Microsoft.FSharp.Core.FSharpOption<int>.Some(36)));
        var property = Prop.ForAll(Arb.From(StreamlineGenerators.FixCaseGen), c =>
        {
            var once = FixApplier.Apply(c.Resolution, c.Fixes);
            var twice = FixApplier.Apply(once.Resolution, c.Fixes);
            return twice.Resolution == once.Resolution && !twice.HasChanges;
        });
        Check.One(replay, property);
    }

    [Fact]
    public void Apply_ShouldAccountForEveryClause()
    {
        var property = Prop.ForAll(Arb.From(StreamlineGenerators.FixCaseGen), c =>
        {
            var result = FixApplier.Apply(c.Resolution, c.Fixes);
            var before = c.Resolution.Clauses().Select(n => n.Address).ToHashSet();
            var after = result.Resolution.Clauses().Select(n => n.Address).ToHashSet();
            var clauseChanges = result.Changes.Where(ch => ch.Kind is ChangeKind.Modified or ChangeKind.Relabelled or ChangeKind.Deleted or ChangeKind.Inserted && ch.OldAddress != c.Resolution.Address).ToList();
            var deleted = clauseChanges.Count(ch => ch.Kind == ChangeKind.Deleted);
            var inserted = clauseChanges.Count(ch => ch.Kind == ChangeKind.Inserted);
            return after.Count == before.Count - deleted + inserted
                && clauseChanges.Where(ch => ch.OldAddress is not null).All(ch => before.Contains(ch.OldAddress!))
                && clauseChanges.Where(ch => ch.NewAddress is not null).All(ch => after.Contains(ch.NewAddress!))
                && result.Applied.Count + result.Rejected.Count == c.Fixes.Length;
        });
        Check.One(Config, property);
    }
}
