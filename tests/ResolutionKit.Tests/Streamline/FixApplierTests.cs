using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Writing;
using Xunit;

namespace ResolutionKit.Tests.Streamline;

public class FixApplierTests
{
    private static readonly Resolution Small = StreamlineSamples.Small;

    private static Fix MakeFix(string ruleId, string title, params ModelEdit[] edits) =>
        new(title, edits.ToEquatableArray(), true) { RuleId = ruleId };

    private static string TextAt(Resolution r, string address) => r.Clauses().Single(c => c.Address == address).Clause.Text;

    private static string[] Addresses(Resolution r) => r.Clauses().Select(c => c.Address).ToArray();

    private static ReplaceText Replace(string address, string oldText, string newText)
    {
        var text = TextAt(Small, address);
        var start = text.IndexOf(oldText, System.StringComparison.Ordinal);
        Assert.True(start >= 0);
        return new ReplaceText(address, start, oldText.Length, newText, oldText);
    }

    [Fact]
    public void ReplaceText_ShouldEditTheRangeAndAccountForIt()
    {
        var fix = MakeFix("RK1203", "Say 'invites'", Replace("PP-999/invites-member-states/1", "participate", "take part"));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal("to take part in the work;", TextAt(result.Resolution, "PP-999/invites-member-states/1"));
        Assert.Equal(new[] { fix }, result.Applied);
        Assert.Empty(result.Rejected);
        var change = Assert.Single(result.Changes);
        Assert.Equal(ChangeKind.Modified, change.Kind);
        Assert.Equal("PP-999/invites-member-states/1", change.OldAddress);
        Assert.Equal("PP-999/invites-member-states/1", change.NewAddress);
        Assert.Equal("to participate in the work;", change.OldText);
        Assert.Equal(new[] { "RK1203" }, change.RuleIds);
    }

    [Fact]
    public void ReplaceText_WithStaleOldText_ShouldBeRejectedAsStale()
    {
        var edit = new ReplaceText("PP-999/invites-member-states/1", 3, 11, "take part", "contributes");

        var result = FixApplier.Apply(Small, new[] { MakeFix("RK1", "stale", edit) });

        Assert.Equal(Small, result.Resolution);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(FixRejectionReason.StaleText, rejected.Reason);
        Assert.Contains("contributes", rejected.Message);
        Assert.False(result.HasChanges);
    }

    [Fact]
    public void ReplaceText_OnTheResolutionAddress_ShouldEditTheTitle()
    {
        var fix = MakeFix("RK2", "title", new ReplaceText("PP-999", 0, 4, "A test", "Test"));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal("A test subject", result.Resolution.Title);
        Assert.Equal("PP-999", Assert.Single(result.Changes).OldAddress);
    }

    [Fact]
    public void ReplaceClauseText_ShouldReplaceTheWholeText()
    {
        var fix = MakeFix("RK3", "cite", new ReplaceClauseText("PP-999/considering/b", "Resolution 71 (Rev. Bucharest, 2022) of this conference;"));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal("Resolution 71 (Rev. Bucharest, 2022) of this conference;", TextAt(result.Resolution, "PP-999/considering/b"));
    }

    [Fact]
    public void ReplaceClauseText_WithStaleExpectedText_ShouldBeRejected()
    {
        var fix = MakeFix("RK3", "cite", new ReplaceClauseText("PP-999/considering/b", "new") { OldText = "that something else;" });

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal(FixRejectionReason.StaleText, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void DeleteClause_ShouldRenumberAndRewriteCrossReferences()
    {
        var fix = MakeFix("RK4001", "Delete completed task", new DeleteClause("PP-999/resolves/2", "the task is completed"));

        var result = FixApplier.Apply(Small, new[] { fix });
        var r = result.Resolution;

        Assert.Equal(new[] { "1", "2", "3" }, r.Operative[0].Clauses.Select(c => c.Label));
        Assert.Equal("to do the third thing;", TextAt(r, "PP-999/resolves/2"));
        Assert.Equal("to do the fourth thing, as set out in resolves 2,", TextAt(r, "PP-999/resolves/3"));
        Assert.Equal("to act on resolves 3 and on paragraph 2 of resolves;", TextAt(r, "PP-999/instructs-secretary-general/1"));

        var deleted = Assert.Single(result.Changes, c => c.Kind == ChangeKind.Deleted);
        Assert.Equal("PP-999/resolves/2", deleted.OldAddress);
        Assert.Contains("the task is completed", deleted.Description);
        var moved = Assert.Single(result.Changes, c => c.OldAddress == "PP-999/resolves/3");
        Assert.Equal(ChangeKind.Relabelled, moved.Kind);
        Assert.Equal("PP-999/resolves/2", moved.NewAddress);
        Assert.Equal(new[] { "RK4001" }, moved.RuleIds);
        var rewritten = Assert.Single(result.Changes, c => c.OldAddress == "PP-999/instructs-secretary-general/1");
        Assert.Equal(ChangeKind.Modified, rewritten.Kind);
        Assert.Contains("cross-reference updated", rewritten.Description);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void DeleteClause_OfTheLastClauseOfAGroup_ShouldPutTheCommaOnTheNewLast()
    {
        var fix = MakeFix("RK4", "delete", new DeleteClause("PP-999/considering/c", "duplicate"));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal("that beta matters,", TextAt(result.Resolution, "PP-999/considering/b"));
        // "considering c)" in resolves 2 now points nowhere: left as written and reported.
        Assert.Equal("to do the second thing, taking into account considering c);", TextAt(result.Resolution, "PP-999/resolves/2"));
        Assert.Contains(result.Warnings, w => w.Contains("considering c)"));
    }

    [Fact]
    public void DeleteClause_LeavingOneClause_ShouldDropItsLabel()
    {
        var fix = MakeFix("RK5", "delete", new DeleteClause("PP-999/invites-member-states/2", "duplicate"));

        var result = FixApplier.Apply(Small, new[] { fix });

        var group = result.Resolution.Operative.Single(g => g.Heading == "invites Member States");
        var only = Assert.Single(group.Clauses);
        Assert.Equal(string.Empty, only.Label);
        Assert.Equal("to participate in the work.", only.Text);
        var relabelled = Assert.Single(result.Changes, c => c.OldAddress == "PP-999/invites-member-states/1");
        Assert.Equal("PP-999/invites-member-states/(1)", relabelled.NewAddress);

        // The written text reads back to the same model.
        var again = ResolutionTextReader.Read(ResolutionTextWriter.Write(result.Resolution)).Value!;
        Assert.Equal(result.Resolution.WithoutSourceInfo(), again.WithoutSourceInfo());
    }

    [Fact]
    public void DeleteClause_OfEveryClauseOfAGroup_ShouldRemoveTheGroup()
    {
        var fixes = new[]
        {
            MakeFix("RK6", "delete 1", new DeleteClause("PP-999/invites-member-states/1", "done")),
            MakeFix("RK6", "delete 2", new DeleteClause("PP-999/invites-member-states/2", "done")),
        };

        var result = FixApplier.Apply(Small, fixes);

        Assert.DoesNotContain(result.Resolution.Operative, g => g.Heading == "invites Member States");
        Assert.Contains(result.Changes, c => c.Kind == ChangeKind.GroupRemoved && c.OldAddress == "PP-999/invites-member-states");
        // The group now last ends the resolution with a full stop.
        Assert.Equal("to examine the report of the Secretary-General.", TextAt(result.Resolution, "PP-999/instructs-council/(1)"));
    }

    [Fact]
    public void DeleteClause_WithSubClauses_ShouldAccountForEverySubClause()
    {
        var fix = MakeFix("RK7", "delete", new DeleteClause("PP-999/instructs-secretary-general/2", "covered elsewhere"));

        var result = FixApplier.Apply(Small, new[] { fix });

        var deleted = result.Changes.Where(c => c.Kind == ChangeKind.Deleted).Select(c => c.OldAddress).ToArray();
        Assert.Equal(new[] { "PP-999/instructs-secretary-general/2", "PP-999/instructs-secretary-general/2.1", "PP-999/instructs-secretary-general/2.2" }, deleted);
        // The reference to 2.2 now points nowhere.
        Assert.Contains(result.Warnings, w => w.Contains("2.2"));
        Assert.Equal("to report on the measure referred to in instructs the Secretary-General 2.2,", TextAt(result.Resolution, "PP-999/instructs-secretary-general/2"));
    }

    [Fact]
    public void InsertClause_ShouldInsertRenumberAndPunctuate()
    {
        var fix = MakeFix("RK8", "add", new InsertClause("PP-999/resolves", 0, new Clause("1", "to do a new first thing")));

        var result = FixApplier.Apply(Small, new[] { fix });
        var r = result.Resolution;

        Assert.Equal("to do a new first thing;", TextAt(r, "PP-999/resolves/1"));
        Assert.Equal("to do the first thing;", TextAt(r, "PP-999/resolves/2"));
        Assert.Equal("to do the fourth thing, as set out in resolves 4,", TextAt(r, "PP-999/resolves/5"));
        Assert.Equal("to act on resolves 5 and on paragraph 4 of resolves;", TextAt(r, "PP-999/instructs-secretary-general/1"));
        var inserted = Assert.Single(result.Changes, c => c.Kind == ChangeKind.Inserted);
        Assert.Null(inserted.OldAddress);
        Assert.Equal("PP-999/resolves/1", inserted.NewAddress);
    }

    [Fact]
    public void InsertClause_IntoAClause_ShouldAddASubClause()
    {
        var fix = MakeFix("RK8", "add sub", new InsertClause("PP-999/instructs-secretary-general/2", 99, new Clause("x", "by doing a third measure")));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal("by doing the second measure;", TextAt(result.Resolution, "PP-999/instructs-secretary-general/2.2"));
        Assert.Equal("by doing a third measure;", TextAt(result.Resolution, "PP-999/instructs-secretary-general/2.3"));
    }

    [Fact]
    public void InsertClause_IntoASingleClauseGroup_ShouldLabelBoth()
    {
        var fix = MakeFix("RK8", "add", new InsertClause("PP-999/instructs-council", 1, new Clause(string.Empty, "to report to the next conference")));

        var result = FixApplier.Apply(Small, new[] { fix });

        var group = result.Resolution.Operative.Single(g => g.Heading == "instructs the Council");
        Assert.Equal(new[] { "1", "2" }, group.Clauses.Select(c => c.Label));
        Assert.Equal(new[] { "to examine the report of the Secretary-General;", "to report to the next conference," }, group.Clauses.Select(c => c.Text));
    }

    [Fact]
    public void ChangeGroupHeading_ShouldChangeTheOpeningAndTheAddresses()
    {
        var fix = MakeFix("RK1203", "invite", new ChangeGroupHeading("PP-999/instructs-council", "requests the Council", "requests", EquatableArray.Create(Actor.Council)));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Contains(result.Resolution.Operative, g => g.Heading == "requests the Council" && g.Kind == "requests");
        var heading = Assert.Single(result.Changes, c => c.Kind == ChangeKind.GroupHeadingChanged);
        Assert.Equal("PP-999/instructs-council", heading.OldAddress);
        Assert.Equal("PP-999/requests-council", heading.NewAddress);
        var moved = Assert.Single(result.Changes, c => c.Kind == ChangeKind.Relabelled);
        Assert.Equal("PP-999/requests-council/(1)", moved.NewAddress);
        Assert.Equal(new[] { "RK1203" }, moved.RuleIds);
        Assert.Contains("requests the Council", moved.Description);
    }

    [Fact]
    public void ChangeGroupHeading_ShouldRewriteReferencesThatNameTheGroup()
    {
        var fix = MakeFix("RK9", "rename", new ChangeGroupHeading("PP-999/instructs-secretary-general", "resolves to instruct the Secretary-General", "resolves-to-instruct", EquatableArray.Create(Actor.SecretaryGeneral)));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal("to report on the measure referred to in resolves to instruct the Secretary-General 2.2,", TextAt(result.Resolution, "PP-999/resolves-to-instruct-secretary-general/3"));
    }

    [Fact]
    public void Renumber_ShouldRelabelOutOfSequenceLabels()
    {
        var text = StreamlineSamples.SmallText.Replace("3\tto do the third", "5\tto do the third").Replace("4\tto do the fourth", "7\tto do the fourth");
        var r = ResolutionTextReader.Read(text).Value!;
        Assert.Equal("5", r.Operative[0].Clauses[2].Label);

        var result = FixApplier.Apply(r, new[] { MakeFix("RK1101", "renumber", new Renumber("PP-999/resolves")) });

        Assert.Equal(new[] { "1", "2", "3", "4" }, result.Resolution.Operative[0].Clauses.Select(c => c.Label));
        Assert.Contains(result.Changes, c => c.OldAddress == "PP-999/resolves/5" && c.NewAddress == "PP-999/resolves/3");
    }

    [Fact]
    public void Renumber_OfAWellNumberedText_ShouldChangeNothing()
    {
        var result = FixApplier.Apply(Small, new[] { MakeFix("RK1101", "renumber", new Renumber("PP-999")) });

        Assert.Equal(Small, result.Resolution);
        Assert.False(result.HasChanges);
        Assert.Single(result.Applied);
    }

    [Fact]
    public void OverlappingEdits_ShouldApplyTheFirstInStableOrderAndRejectTheOther()
    {
        var a = MakeFix("RK0001", "A", Replace("PP-999/resolves/1", "first thing", "initial thing"));
        var b = MakeFix("RK0002", "B", Replace("PP-999/resolves/1", "the first", "a first"));

        foreach (var order in new[] { new[] { a, b }, new[] { b, a } })
        {
            var result = FixApplier.Apply(Small, order);

            Assert.Equal(new[] { a }, result.Applied);
            var rejected = Assert.Single(result.Rejected);
            Assert.Same(b, rejected.Fix);
            Assert.Equal(FixRejectionReason.Conflict, rejected.Reason);
            Assert.Same(a, rejected.ConflictsWith);
            Assert.Equal("to do the initial thing;", TextAt(result.Resolution, "PP-999/resolves/1"));
        }
    }

    [Fact]
    public void NonOverlappingEditsOfOneClause_ShouldBothApply()
    {
        var a = MakeFix("RK0001", "A", Replace("PP-999/resolves/1", "do", "carry out"));
        var b = MakeFix("RK0002", "B", Replace("PP-999/resolves/1", "first", "initial"));

        var result = FixApplier.Apply(Small, new[] { b, a });

        Assert.Equal("to carry out the initial thing;", TextAt(result.Resolution, "PP-999/resolves/1"));
        Assert.Equal(2, Assert.Single(result.Changes).Causes.Count);
    }

    [Fact]
    public void AnEditOfAClauseAnotherFixDeletes_ShouldBeAConflict()
    {
        var delete = MakeFix("RK0001", "delete", new DeleteClause("PP-999/instructs-secretary-general/2", "covered"));
        var edit = MakeFix("RK0002", "edit", Replace("PP-999/instructs-secretary-general/2.1", "first", "initial"));

        var result = FixApplier.Apply(Small, new[] { edit, delete });

        Assert.Equal(new[] { delete }, result.Applied);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(FixRejectionReason.Conflict, rejected.Reason);
        Assert.Contains("deletes PP-999/instructs-secretary-general/2", rejected.Message);
    }

    [Fact]
    public void TwoHeadingChangesOfOneGroup_ShouldBeAConflict()
    {
        var a = MakeFix("RK0001", "A", new ChangeGroupHeading("PP-999/instructs-council", "requests the Council", "requests", EquatableArray.Create(Actor.Council)));
        var b = MakeFix("RK0002", "B", new ChangeGroupHeading("PP-999/instructs-council", "invites the Council", "invites", EquatableArray.Create(Actor.Council)));

        var result = FixApplier.Apply(Small, new[] { b, a });

        Assert.Equal(new[] { a }, result.Applied);
        Assert.Equal(FixRejectionReason.Conflict, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void AFixWhoseOwnEditsOverlap_ShouldBeInvalid()
    {
        var fix = MakeFix("RK0001", "A", Replace("PP-999/resolves/1", "first thing", "x"), Replace("PP-999/resolves/1", "first", "y"));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal(FixRejectionReason.InvalidEdit, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void TheSameFixTwice_ShouldBeAppliedOnce()
    {
        var fix = MakeFix("RK0001", "A", Replace("PP-999/resolves/1", "first", "initial"));

        var result = FixApplier.Apply(Small, new[] { fix, fix with { } });

        Assert.Single(result.Applied);
        Assert.Equal(FixRejectionReason.Duplicate, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void AnUnknownAddress_ShouldBeRejected()
    {
        var fix = MakeFix("RK0001", "A", new DeleteClause("PP-999/resolves/9", "gone"));

        var result = FixApplier.Apply(Small, new[] { fix });

        Assert.Equal(FixRejectionReason.AddressNotFound, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void ApplyingTheSameFixesAgain_ShouldChangeNothing()
    {
        var fixes = new[]
        {
            MakeFix("RK0001", "delete", new DeleteClause("PP-999/resolves/2", "done") { OldText = TextAt(Small, "PP-999/resolves/2") }),
            MakeFix("RK0002", "edit", Replace("PP-999/resolves/3", "third", "3rd")),
            MakeFix("RK0003", "insert", new InsertClause("PP-999/invites-member-states", 2, new Clause("3", "to share their experience"))),
        };

        var once = FixApplier.Apply(Small, fixes);
        var twice = FixApplier.Apply(once.Resolution, fixes);

        Assert.Equal(3, once.Applied.Count);
        Assert.Equal(once.Resolution, twice.Resolution);
        Assert.False(twice.HasChanges);
        Assert.Empty(twice.Applied);
        Assert.All(twice.Rejected, r => Assert.Contains(r.Reason, new[] { FixRejectionReason.StaleText, FixRejectionReason.AlreadyApplied, FixRejectionReason.AddressNotFound }));
    }

    [Fact]
    public void ApplyingNoFixes_ShouldReturnTheSameResolution()
    {
        var result = FixApplier.Apply(Small, System.Array.Empty<Fix>());

        Assert.Same(Small, result.Resolution);
        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Addresses_ShouldStayConsistentWithTheModel()
    {
        var fix = MakeFix("RK0001", "delete", new DeleteClause("PP-999/considering/a", "redundant"));

        var result = FixApplier.Apply(Small, new[] { fix });

        var addresses = Addresses(result.Resolution);
        foreach (var change in result.Changes.Where(c => c.NewAddress is not null && c.Kind != ChangeKind.GroupHeadingChanged))
        {
            Assert.Contains(change.NewAddress, addresses);
        }
    }
}
