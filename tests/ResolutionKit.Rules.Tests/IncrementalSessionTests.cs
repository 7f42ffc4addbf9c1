using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>An edit applied to an incremental session. Picks are resolved against the session's state when applied.</summary>
public abstract record SessionEdit
{
    public abstract DiagnosticDelta Apply(IncrementalSession session);
}

/// <summary>Replaces a clause's text with a text from the pool, or with a copy of another clause (a duplicate).</summary>
public sealed record ReplaceClauseEdit(int ResolutionPick, int ClausePick, int TextPick, int CopyPick) : SessionEdit
{
    public const string Council = "to report to the Council on the progress made in the implementation of this resolution and on the difficulties encountered;";
    public const string Conference = "to report to the next plenipotentiary conference on the progress made in the implementation of this resolution and on the difficulties encountered;";

    /// <summary>Texts that make rules report and texts that make them fall silent again.</summary>
    public static readonly string[] Pool =
    {
        "to review the work of the chairman of the group;",
        "that the Council shall review the matter;",
        Council,
        Conference,
        Council,
        Conference,
        "to submit a report to PP-18 on the results achieved;",
        "to complete the study by 2019;",
        "to inform the Council 2019 session of the results;",
        "to act;",
        "to promote capacity building in developing countries;",
        "Resolution 71 (Rev. Dubai, 2018) of this conference;",
        "to coordinate the activities of the three Sectors on accessibility for persons with disabilities;",
        "to coordinate the activities of the three Sectors on accessibility for persons with disabilities and specific needs;",
        null!, // a copy of another clause
        null!,
    };

    public override DiagnosticDelta Apply(IncrementalSession session)
    {
        var resolution = Pick(session.Resolutions.Values.OrderBy(r => r.Address, StringComparer.Ordinal).ToList(), ResolutionPick);
        var clauses = resolution.Clauses().ToList();
        var clause = Pick(clauses, ClausePick);
        var text = Pool[TextPick % Pool.Length];
        if (text is null)
        {
            var all = session.Resolutions.Values.OrderBy(r => r.Address, StringComparer.Ordinal).SelectMany(r => r.Clauses()).ToList();
            text = Pick(all, CopyPick).Clause.Text;
        }

        return session.ReplaceClause(clause.Address, text);
    }

    public override string ToString() => $"ReplaceClause(resolution #{ResolutionPick}, clause #{ClausePick}, {(Pool[TextPick % Pool.Length] is { } t ? "\"" + t + "\"" : "copy of clause #" + CopyPick)})";

    internal static T Pick<T>(IReadOnlyList<T> items, int pick) => items[pick % items.Count];
}

/// <summary>Replaces (or adds) a whole resolution.</summary>
public sealed record ReplaceResolutionEdit(string Text) : SessionEdit
{
    public override DiagnosticDelta Apply(IncrementalSession session) => session.ReplaceResolution(ResolutionTextReader.Read(Text).Value!);

    public override string ToString() => "ReplaceResolution(" + Text.Substring(0, Text.IndexOf('\n')) + ")";
}

/// <summary>Removes a resolution (unless it is the last one).</summary>
public sealed record RemoveResolutionEdit(int Pick) : SessionEdit
{
    public override DiagnosticDelta Apply(IncrementalSession session) =>
        session.Resolutions.Count <= 1
            ? new DiagnosticDelta(Array.Empty<Diagnostic>(), Array.Empty<Diagnostic>())
            : session.RemoveResolution(ReplaceClauseEdit.Pick(session.Resolutions.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(), Pick));

    public override string ToString() => $"RemoveResolution(#{Pick})";
}

/// <summary>A corpus and the edits made to it.</summary>
public sealed record SessionScenario(IReadOnlyList<Resolution> Corpus, IReadOnlyList<SessionEdit> Edits)
{
    public override string ToString() =>
        "corpus " + string.Join(", ", Corpus.Select(r => r.Address)) + "; edits:" + Environment.NewLine + string.Join(Environment.NewLine, Edits.Select(e => "  " + e));
}

public static class SessionScenarios
{
    /// <summary>A resolution with its groups out of order, a discouraged term and two reporting requests.</summary>
    private static readonly string OutOfOrder = Texts.Pp(
        $"invites Member States\nto contribute,\n\nresolves\n1 to thank the chairman;\n2 {ReplaceClauseEdit.Council}\n3 {ReplaceClauseEdit.Conference.TrimEnd(';')}.\n", number: "201");

    public static Arbitrary<SessionScenario> Scenarios()
    {
        var pick = Gen.Choose(0, 1000);
        var replaceClause =
            from r in pick
            from c in pick
            from t in Gen.Choose(0, ReplaceClauseEdit.Pool.Length - 1)
            from copy in pick
            select (SessionEdit)new ReplaceClauseEdit(r, c, t, copy);

        Gen<SessionEdit> ReplaceResolution(IReadOnlyList<Resolution> corpus) =>
            from target in Gen.Elements(corpus.Select(r => (Body: r.Id.Body, Number: r.Id.Number)).Append((Body: Body.Plenipotentiary, Number: "201")).ToArray())
            from text in Gen.Frequency((4, ResolutionGenerators.TextOf(target.Body, target.Number)), (1, Gen.Constant(OutOfOrder)))
            select (SessionEdit)new ReplaceResolutionEdit(text);

        var scenario =
            from corpus in ResolutionGenerators.Corpus(2, 3)
            from count in Gen.Choose(1, 8)
            from edits in Gen.ListOf(Gen.Frequency((6, replaceClause), (2, ReplaceResolution(corpus)), (1, pick.Select(p => (SessionEdit)new RemoveResolutionEdit(p)))), count)
            select new SessionScenario(corpus, edits.ToList());
        return Arb.From(scenario);
    }
}

/// <summary>The incremental session always holds exactly what a full analysis of its current resolutions reports.</summary>
public sealed class IncrementalSessionTests : IClassFixture<IncrementalSessionTests.Rules>
{
    private readonly RuleSet _ruleSet;

    public IncrementalSessionTests(Rules rules) => _ruleSet = rules.RuleSet;

    public sealed class Rules : KindFixture
    {
        public Rules()
            : base(
                RuleJson.Make("RK9001", "substitution", new { terms = new[] { new { discouraged = "chairman", preferred = "chair" } } }, category: "Terminology"),
                RuleJson.Make("RK9002", "phrase", new { pattern = @"\bshall\b" }, scope: new { part = "operative" }),
                RuleJson.Make("RK9003", "duplicate", new { relation = "within", threshold = 0.6 }, category: "Duplication"),
                RuleJson.Make("RK9004", "duplicate", new { relation = "across", threshold = 0.6 }, category: "Duplication"),
                RuleJson.Make("RK9005", "reporting", new { check = "several" }, category: "Reporting"),
                RuleJson.Make("RK9006", "reporting", new { check = "council-and-conference", threshold = 0.35 }, category: "Reporting"),
                RuleJson.Make("RK9007", "deadline", new { detect = "events" }, category: "Currency"),
                RuleJson.Make("RK9008", "deadline", new { detect = "years" }, category: "Currency"),
                RuleJson.Make("RK9009", "mergeable", new { threshold = 0.3, minShared = 1 }, category: "Duplication"),
                RuleJson.Make("RK9010", "reference", new { check = "superseded" }, category: "References"),
                RuleJson.Make("RK9011", "sequence", new { check = "group-order", order = new[] { "resolves", "instructs", "invites" } }, category: "Structure"))
        {
        }
    }

    [Property(MaxTest = 30, Arbitrary = new[] { typeof(SessionScenarios) })]
    public void RandomEdits_ShouldKeepSessionEqualToFullAnalysis(SessionScenario scenario)
    {
        var session = _ruleSet.StartSession(scenario.Corpus);
        AssertSameAsFull(session, "after loading the corpus");
        var step = 0;
        foreach (var edit in scenario.Edits)
        {
            step++;
            var before = session.Diagnostics.ToList();
            var delta = edit.Apply(session);
            AssertSameAsFull(session, $"after edit {step}: {edit}");

            var expected = new HashSet<Diagnostic>(before);
            expected.ExceptWith(delta.Removed);
            expected.UnionWith(delta.Added);
            Assert.True(expected.SetEquals(session.Diagnostics), $"after edit {step}: {edit}: the delta does not lead from the previous diagnostics to the current ones");
        }
    }

    [Fact]
    public void ReplaceClause_ShouldReturnWhatAppearedAndWhatDisappeared()
    {
        var resolution = ResolutionTextReader.Read(Texts.Pp("resolves\n1 to thank the chairman;\n2 to act.\n")).Value!;
        var session = _ruleSet.StartSession(new[] { resolution });
        Assert.Single(session.Diagnostics, d => d.Id == "RK9001");

        var fixedDelta = session.ReplaceClause("PP-123/resolves/1", "to thank the chair;");
        var brokenDelta = session.ReplaceClause("PP-123/resolves/2", "that the work shall continue.");

        Assert.Equal(("RK9001", 0), (Assert.Single(fixedDelta.Removed).Id, fixedDelta.Added.Count));
        Assert.Equal(("RK9002", 0), (Assert.Single(brokenDelta.Added).Id, brokenDelta.Removed.Count));
        Assert.Equal(new[] { "RK9002" }, session.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void UnchangedText_ShouldGiveAnEmptyDelta()
    {
        var resolution = ResolutionTextReader.Read(Texts.Pp("resolves\n1 to thank the chairman;\n2 to act.\n")).Value!;
        var session = _ruleSet.StartSession(new[] { resolution });

        var delta = session.ReplaceClause("PP-123/resolves/2", "to act.");

        Assert.True(delta.IsEmpty);
    }

    private void AssertSameAsFull(IncrementalSession session, string when)
    {
        var full = _ruleSet.Analyze(session.Resolutions.Values.OrderBy(r => r.Address, StringComparer.Ordinal)).Diagnostics;
        if (full.SequenceEqual(session.Diagnostics))
        {
            return;
        }

        var message = new StringBuilder($"The session differs from a full analysis {when}.");
        foreach (var d in full.Except(session.Diagnostics))
        {
            message.AppendLine().Append("  only in the full analysis: ").Append(d.Id).Append(' ').Append(d.Location.Address).Append(": ").Append(d.Message);
        }

        foreach (var d in session.Diagnostics.Except(full))
        {
            message.AppendLine().Append("  only in the session:       ").Append(d.Id).Append(' ').Append(d.Location.Address).Append(": ").Append(d.Message);
        }

        if (full.Count == session.Diagnostics.Count && !full.Except(session.Diagnostics).Any())
        {
            message.AppendLine().Append("  (same diagnostics in a different order)");
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }
}
