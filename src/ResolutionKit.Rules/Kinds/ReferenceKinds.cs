using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Collections;
using ResolutionKit.Analysis;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Phrases;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;
using ResolutionKit.Rules.Registry;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// <c>reference</c>: references (in any language the reader knows) checked against the registry. <c>check</c>:
/// <c>superseded</c> (an older revision than the latest; fix: the latest), <c>suppressed</c>, <c>unknown</c> (a number
/// the body has never used), <c>uncatalogued</c> (an instrument the catalogue does not hold, reported once per run),
/// <c>self</c> (a text citing itself), <c>no-revision</c>. Message arguments: {0} the reference as written (for
/// <c>uncatalogued</c>, the instrument it names), {1} the latest revision, what replaced it, or the catalogue's date.
/// </summary>
internal static class ReferenceCheckKind
{
    public const string Name = "reference";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "check");
        var check = ctx.Choice("check", "superseded", "superseded", "suppressed", "unknown", "uncatalogued", "self", "no-revision");
        return ctx.HasErrors ? null : new Rule(ctx.Rule, check, ctx.Environment.Registry);
    }

    private sealed class Rule : SingleFactRule<ClauseFact>
    {
        private readonly string _check;
        private readonly InstrumentRegistry _registry;

        public Rule(RuleDefinition d, string check, InstrumentRegistry registry)
            : base(d)
        {
            _check = check;
            _registry = registry;
        }

        /// <summary>An instrument missing from the catalogue is said once per run, at its first citation.</summary>
        public override bool ReportOncePerRun => _check == "uncatalogued";

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && f.References.Count > 0 && Findings(f).Any();

        private IEnumerable<(Reference Reference, string Detail, Fix? Fix)> Findings(ClauseFact f)
        {
            foreach (var citation in f.CitationsIn(_registry))
            {
                var r = citation.Reference;
                if (r.Kind is not (ReferenceKind.Resolution or ReferenceKind.Decision) && !(r.Kind == ReferenceKind.Recommendation && _check == "uncatalogued" && r.Body?.Code == Body.Plenipotentiary.Code))
                {
                    continue;
                }

                var id = citation.Id;
                var isSelf = citation.IsSelf;
                switch (_check)
                {
                    case "self" when isSelf:
                        yield return (r, string.Empty, null);
                        break;
                    case "superseded" when id is not null && r.Revision is not null && !isSelf:
                        var entry = citation.Entry;
                        if (entry?.Latest is { } latest && !entry.Suppressed && IsNewer(latest, r.Revision))
                        {
                            yield return (r, entry.LatestText!, latest.Edition is null ? RevisionFix(f, r, latest, entry.IsInferred) : null);
                        }

                        break;
                    case "suppressed" when id is not null && !isSelf:
                        if (citation.Entry is { Suppressed: true } s)
                        {
                            yield return (r, s.ReplacedBy ?? (s.SuppressedBy is { } by ? "nothing; suppressed by " + by : "nothing"), null);
                        }

                        break;
                    case "unknown" when id is not null && !isSelf:
                        if (citation.Entry is null && citation.Highest is { } highest && citation.Beyond)
                        {
                            yield return (r, highest.ToString(CultureInfo.InvariantCulture), null);
                        }

                        break;
                    case "uncatalogued" when id is not null && !isSelf && id.Body.Code != Body.Unknown.Code && !id.Number.StartsWith("[", StringComparison.Ordinal):
                        if (citation.Entry is null && !citation.Beyond)
                        {
                            yield return (r, _registry.AsOf is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "an unknown date", null);
                        }

                        break;
                    // Council texts have no revisions, and an ITU-R text cited without its edition is cited as in force.
                    case "no-revision" when r.Revision is null && !isSelf && !(id is not null && citation.Beyond)
                        && r.Body?.Code != Body.Council.Code && r.Body?.Code != Body.RadiocommunicationAssembly.Code:
                        var known = citation.Entry;
                        yield return (r, known?.LatestText is { } text ? " (the latest is " + text + ")" : string.Empty, known?.Latest is { Edition: null } l ? InsertRevisionFix(f, r, l) : null);
                        break;
                }
            }
        }

        /// <summary>Whether the catalogue's latest revision is newer than the one cited (editions for ITU-R texts, years otherwise).</summary>
        private static bool IsNewer(Revision latest, Revision cited)
        {
            if (latest.Edition is { } a && cited.Edition is { } b)
            {
                return a > b;
            }

            return latest.Edition is null && cited.Edition is null && latest.Year > 0 && cited.Year > 0 && latest.Year > cited.Year;
        }

        private Fix? RevisionFix(ClauseFact f, Reference r, Revision latest, bool inferred)
        {
            var open = r.Text.IndexOf('(');
            var close = open < 0 ? -1 : r.Text.IndexOf(')', open);
            if (open < 0 || close < 0 || f.Resolution.Language != "en")
            {
                // The revision is written in the text's language ("Rév. Dubaï", "Пересм. Дубай"); an English one would not fit.
                return null;
            }

            var old = r.Text.Substring(open + 1, close - open - 1);
            var replacement = latest.ToString();
            return new Fix(Definition.Fix?.Title ?? $"Cite the latest revision ({replacement})", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, r.Start + open + 1, old.Length, replacement, old)), (Definition.Fix?.IsSafe ?? true) && !inferred);
        }

        private Fix? InsertRevisionFix(ClauseFact f, Reference r, Revision latest)
        {
            if (f.Resolution.Language != "en")
            {
                return null;
            }

            var m = Regex.Match(r.Text, @"^\w+s?\s+\d+[A-Z]?");
            var at = r.Start + m.Length;
            return new Fix(Definition.Fix?.Title ?? $"Cite the revision ({latest})", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, at, 0, " (" + latest + ")", string.Empty)), Definition.Fix?.IsSafe ?? false);
        }

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            foreach (var (r, detail, fix) in Findings(f))
            {
                // A member of a list ("Resolutions 47, 48 and 50 (Rev. Johannesburg, 2008)") is written without the revision
                // it shares, or as its number alone: it is named in full.
                var first = _check == "uncatalogued" ? Display(r)
                    : (r.Revision is not null && r.Text.IndexOf('(') < 0) || (r.Text.Length > 0 && char.IsDigit(r.Text[0]))
                        ? Display(r) + (r.Revision is { } revision ? " (" + revision + ")" : string.Empty)
                    : r.Text;
                yield return AtClause(f, r.Start, r.Text.Length, fix is null ? null : new[] { fix }, first, detail, r.Text);
            }
        }

        /// <summary>The instrument a reference names, in English whatever the text's language ("PP Resolution 58").</summary>
        private static string Display(Reference r)
        {
            var kind = r.Kind switch
            {
                ReferenceKind.Decision => "Decision",
                ReferenceKind.Recommendation => "Recommendation",
                _ => "Resolution",
            };
            return r.Body is null ? kind + " " + r.Number : r.Body.Code + " " + kind + " " + r.Number;
        }
    }
}

/// <summary>
/// <c>deadline</c>: instructions tied to a conference, session, year or period that lies in the past relative to the
/// "as of" meeting (configuration <c>asOf</c>), in any language the phrase tables cover (see
/// <see cref="TimeExpressions"/>). <c>detect</c>: <c>events</c> (past meetings and Council sessions), <c>years</c>
/// (past deadlines and plans or periods that have ended), <c>fixed-names</c> (a future meeting named by its code or
/// year), <c>all-time-bound</c>. Message arguments: {0} the expression found, {1} the "as of" meeting.
/// </summary>
internal static class DeadlineKind
{
    public const string Name = "deadline";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "detect");
        var detect = ctx.Choice("detect", "events", "events", "years", "fixed-names", "all-time-bound");
        if (detect == "all-time-bound")
        {
            return ctx.HasErrors ? null : new AllTimeBoundRule(ctx.Rule);
        }

        return ctx.HasErrors ? null : new Rule(ctx.Rule, detect, ctx.Environment);
    }

    /// <summary>Whether a text ties itself to a meeting, a session, a deadline or a period (past or future).</summary>
    internal static bool IsTimeBound(string text, string language) => TimeExpressions.Find(text, language).Count > 0;

    /// <summary>
    /// <c>detect: all-time-bound</c>: a resolution whose every operative clause is tied to a meeting or a date sets
    /// no lasting policy; it is a decision, or a candidate for suppression once carried out. Message arguments: {0}
    /// the resolution, {1} its operative clause count.
    /// </summary>
    private sealed class AllTimeBoundRule : SingleFactRule<ResolutionFact>
    {
        public AllTimeBoundRule(RuleDefinition d)
            : base(d)
        {
        }

        private static List<ClauseNode> Operative(ResolutionFact r) =>
            r.AllClauses.Where(c => c.Group.Group.Part == Part.Operative && c.Depth == 0).ToList();

        public override bool Matches(ResolutionFact r)
        {
            if (!Definition.Scope.MatchesResolution(r.Resolution))
            {
                return false;
            }

            var operative = Operative(r);
            return operative.Count > 0 && operative.All(c => IsTimeBound(c.Clause.Text, r.Resolution.Language));
        }

        public override IEnumerable<Diagnostic> Evaluate(ResolutionFact r)
        {
            yield return AtResolution(r.Resolution, null, r.Address, Operative(r).Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private sealed class Rule : SingleFactRule<ClauseFact>
    {
        private readonly string _detect;
        private readonly RuleEnvironment _env;

        public Rule(RuleDefinition d, string detect, RuleEnvironment env)
            : base(d)
        {
            _detect = detect;
            _env = env;
        }

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && f.TimeExpressions.Count > 0 && Findings(f).Any();

        private DateTime AsOfDate => _env.AsOf.Start ?? new DateTime(_env.AsOf.Conference.Year, 1, 1);

        /// <summary>When a meeting took place: the registry's date, else the end of its year (so that only what is surely past counts).</summary>
        private DateTime DateOf(TimeExpression e)
        {
            MeetingEntry? meeting = null;
            if (e.ShortName is { } name)
            {
                meeting = _env.Registry.FindMeeting(NormalizeCode(name));
            }

            if (meeting is null && e.Place is not null)
            {
                meeting = _env.Registry.FindMeeting(e.Body, e.Place, e.Year);
            }

            meeting ??= _env.Registry.Meetings.FirstOrDefault(m => m.Conference.Year == e.Year && e.Body is not null && m.Conference.Body.Code == e.Body.Code);
            return meeting?.Start ?? new DateTime(e.Year, 12, 31);
        }

        /// <summary>The registry knows meetings by their English codes: AMNT-24 is WTSA-24, ПК-22 is PP-22.</summary>
        private static string NormalizeCode(string name)
        {
            var dash = name.LastIndexOf('-');
            if (dash <= 0)
            {
                return name;
            }

            var body = Conferences.BodyOfCode(name.Substring(0, dash));
            return body is null || body.Code == Body.Council.Code ? name : body.Code + name.Substring(dash);
        }

        private IEnumerable<(TimeExpression Expression, Fix? Fix)> Findings(ClauseFact f)
        {
            var asOf = AsOfDate;
            foreach (var e in f.TimeExpressions)
            {
                switch (_detect, e.Kind)
                {
                    case ("events", TimeExpressionKind.Meeting) when DateOf(e) < asOf:
                        yield return (e, NextFix(f, e));
                        break;
                    case ("events", TimeExpressionKind.CouncilSession) when DateOf(e) < asOf:
                        yield return (e, null);
                        break;
                    case ("fixed-names", TimeExpressionKind.Meeting) when DateOf(e) >= asOf && e.Body is not null && e.Body.Code != Body.Council.Code:
                        yield return (e, NextFix(f, e));
                        break;
                    case ("years", TimeExpressionKind.Deadline) when e.Year < asOf.Year:
                        yield return (e, DeleteFix(f));
                        break;
                    case ("years", TimeExpressionKind.Period) when e.Year < asOf.Year:
                        yield return (e, null);
                        break;
                    case ("years", TimeExpressionKind.Year) when e.Year < asOf.Year:
                        // "to hold the forum in 2006": an operative clause placing its action in a past year is spent.
                        yield return (e, DeleteFix(f));
                        break;
                }
            }
        }

        private Fix? NextFix(ClauseFact f, TimeExpression e)
        {
            if (Definition.Fix is not { Kind: "next-meeting" } fix || e.Body is null
                || PhraseTable.ForLanguage(f.Resolution.Language) is not { } table || !table.NextMeetingPhrases.TryGetValue(e.Body.Code, out var next))
            {
                return null;
            }

            var start = e.Start;
            var core = e.Text;
            if (f.Resolution.Language == "en")
            {
                // "the PP-18" and "the 2018 Plenipotentiary Conference": the article goes with what is replaced.
                var before = f.Text.Substring(0, start);
                if (before.EndsWith("the ", StringComparison.Ordinal) && !core.StartsWith("the", StringComparison.Ordinal))
                {
                    start -= 4;
                    core = "the " + core;
                }
            }

            if (f.Text.Length < start + core.Length || f.Text.Substring(start, core.Length) != core)
            {
                return null;
            }

            return new Fix(fix.Title ?? $"Refer to {next}", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, start, core.Length, next, core)), fix.IsSafe);
        }

        private Fix? DeleteFix(ClauseFact f) =>
            Definition.Fix is { Kind: "delete-clause" } fix
                ? new Fix(fix.Title ?? "Delete the completed instruction", EquatableArray.Create<ModelEdit>(new DeleteClause(f.Address, "Tied to a date that has passed") { OldText = FixApplier.ExpectedText(f.Clause) }), fix.IsSafe)
                : null;

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            foreach (var (e, fix) in Findings(f))
            {
                yield return AtClause(f, e.Start, e.Length, fix is null ? null : new[] { fix }, e.Text, _env.AsOf.Conference.ShortName);
            }
        }
    }
}
