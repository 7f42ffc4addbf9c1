using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Rules.Facts;
using ResolutionKit.Rules.Loading;
using ResolutionKit.Rules.Registry;

namespace ResolutionKit.Rules.Kinds;

/// <summary>
/// <c>reference</c>: references checked against the registry. <c>check</c>: <c>superseded</c> (an older revision than
/// the latest; fix: the latest), <c>suppressed</c>, <c>unknown</c> (a number the body has never used), <c>self</c>
/// (a text citing itself), <c>no-revision</c>. Message arguments: {0} the reference as written, {1} the latest revision
/// or what replaced it.
/// </summary>
internal static class ReferenceCheckKind
{
    public const string Name = "reference";

    public static CompiledRule? Compile(KindContext ctx)
    {
        ctx.CheckKnown(ctx.Params, "check");
        var check = ctx.Choice("check", "superseded", "superseded", "suppressed", "unknown", "self", "no-revision");
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

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && Findings(f).Any();

        private IEnumerable<(Reference Reference, string Detail, Fix? Fix)> Findings(ClauseFact f)
        {
            foreach (var r in f.References)
            {
                if (r.Kind is not (ReferenceKind.Resolution or ReferenceKind.Decision))
                {
                    continue;
                }

                var id = r.TargetId;
                var isSelf = id is not null && id.Denotes(f.Resolution.Id);
                switch (_check)
                {
                    case "self" when isSelf:
                        yield return (r, string.Empty, null);
                        break;
                    case "superseded" when id is not null && r.Revision is not null && !isSelf:
                        var entry = _registry.Find(id);
                        if (entry?.Latest is { } latest && latest.Year > r.Revision.Year && !entry.Suppressed)
                        {
                            yield return (r, latest.ToString(), RevisionFix(f, r, latest));
                        }

                        break;
                    case "suppressed" when id is not null:
                        if (_registry.Find(id) is { Suppressed: true } s)
                        {
                            yield return (r, s.ReplacedBy ?? "nothing", null);
                        }

                        break;
                    case "unknown" when id is not null && !isSelf:
                        var number = LeadingNumber(id.Number);
                        if (_registry.Find(id) is null && _registry.HighestNumber(id.Body, id.Kind) is { } highest && number > highest)
                        {
                            yield return (r, highest.ToString(CultureInfo.InvariantCulture), null);
                        }

                        break;
                    case "no-revision" when r.Revision is null && !isSelf && !(id is not null && _registry.HighestNumber(id.Body, id.Kind) is { } top && LeadingNumber(id.Number) > top):
                        var known = id is null ? null : _registry.Find(id);
                        yield return (r, known?.Latest?.ToString() ?? string.Empty, known?.Latest is { } l ? InsertRevisionFix(f, r, l) : null);
                        break;
                }
            }
        }

        private static int LeadingNumber(string number)
        {
            var digits = new string(number.TakeWhile(char.IsDigit).ToArray());
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        private Fix? RevisionFix(ClauseFact f, Reference r, Revision latest)
        {
            var open = r.Text.IndexOf('(');
            var close = open < 0 ? -1 : r.Text.IndexOf(')', open);
            if (open < 0 || close < 0)
            {
                return null;
            }

            var old = r.Text.Substring(open + 1, close - open - 1);
            var replacement = latest.ToString();
            return new Fix(Definition.Fix?.Title ?? $"Cite the latest revision ({replacement})", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, r.Start + open + 1, old.Length, replacement, old)), Definition.Fix?.IsSafe ?? true);
        }

        private Fix InsertRevisionFix(ClauseFact f, Reference r, Revision latest)
        {
            var m = Regex.Match(r.Text, @"^\w+s?\s+\d+[A-Z]?");
            var at = r.Start + m.Length;
            return new Fix(Definition.Fix?.Title ?? $"Cite the revision ({latest})", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, at, 0, " (" + latest + ")", string.Empty)), Definition.Fix?.IsSafe ?? false);
        }

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            foreach (var (r, detail, fix) in Findings(f))
            {
                yield return AtClause(f, r.Start, r.Text.Length, fix is null ? null : new[] { fix }, Display(r), detail);
            }
        }

        private static string Display(Reference r)
        {
            var kind = r.Kind == ReferenceKind.Decision ? "Decision" : "Resolution";
            var rev = r.Revision is null ? string.Empty : " (" + r.Revision + ")";
            var body = r.Body is null ? string.Empty : " of the " + r.Body.Name;
            return kind + " " + r.Number + rev + body;
        }
    }
}

/// <summary>
/// <c>deadline</c>: instructions tied to a conference, session, year or date that lies in the past relative to the
/// "as of" meeting (configuration <c>asOf</c>). Message arguments: {0} the expression found, {1} the "as of" meeting.
/// </summary>
internal static class DeadlineKind
{
    public const string Name = "deadline";

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    private static readonly Regex ShortName = new(@"\b(?<body>PP|WTSA|WTDC|RA|WCIT)-(?<yy>\d{2})\b", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex NamedConference = new(
        @"\b(?:the\s+)?(?:(?<year>(?:19|20)\d{2})\s+)?(?<body>Plenipotentiary\s+Conference|World\s+Telecommunication\s+Standardization\s+Assembly|World\s+Telecommunication\s+Development\s+Conference|Radiocommunication\s+Assembly)(?:\s*\((?<place>[^(),]{2,30}),\s*(?<year2>(?:19|20)\d{2})\))?",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex CouncilSession = new(@"\b(?:the\s+)?(?<year>(?:19|20)\d{2})\s+session\s+of\s+the\s+Council\b|\bCouncil\s+(?<year>(?:19|20)\d{2})\b|\bC(?<yy>\d{2})\b", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex DatedPhrase = new(
        @"\b(?:by|before|until|not\s+later\s+than|no\s+later\s+than|in|during|by\s+the\s+end\s+of|at\s+the\s+latest\s+in)\s+(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?<year>(?:19|20)\d{2})\b(?![-–/]\d)",
        RegexOptions.CultureInvariant,
        Timeout);

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

    /// <summary>Whether a text ties itself to a meeting, a session or a year (past or future).</summary>
    internal static bool IsTimeBound(string text)
    {
        try
        {
            return ShortName.IsMatch(text) || CouncilSession.IsMatch(text) || DatedPhrase.IsMatch(text)
                || NamedConference.Matches(text).Cast<Match>().Any(m => m.Groups["year"].Success || m.Groups["year2"].Success);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

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
            return operative.Count > 0 && operative.All(c => IsTimeBound(c.Clause.Text));
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

        public override bool Matches(ClauseFact f) => Definition.Scope.Matches(f) && Findings(f).Any();

        private IEnumerable<(int Start, int Length, string Text, Fix? Fix)> Findings(ClauseFact f)
        {
            var asOf = _env.AsOf;
            var asOfDate = asOf.Start ?? new DateTime(asOf.Conference.Year, 1, 1);
            var text = f.Text;
            var seen = new List<(int, int)>();
            bool Fresh(int start, int length)
            {
                if (seen.Any(s => start < s.Item1 + s.Item2 && start + length > s.Item1))
                {
                    return false;
                }

                seen.Add((start, length));
                return true;
            }

            bool IsPast(Body? body, int year, string? place)
            {
                var meeting = place is not null ? _env.Registry.FindMeeting(body, place, year) : null;
                meeting ??= _env.Registry.Meetings.FirstOrDefault(m => m.Conference.Year == year && (body is null || m.Conference.Body.Code == body.Code));
                var date = meeting?.Start ?? new DateTime(year, 12, 31);
                return date < asOfDate;
            }

            if (_detect is "events" or "fixed-names")
            {
                foreach (Match m in SafeMatches(ShortName, text))
                {
                    var meeting = _env.Registry.FindMeeting(m.Value);
                    var year = 2000 + int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
                    var body = Body.FromCode(m.Groups["body"].Value);
                    var past = meeting is not null ? (meeting.Start ?? new DateTime(meeting.Conference.Year, 1, 1)) < asOfDate : IsPast(body, year, null);
                    if ((_detect == "events" && past && Fresh(m.Index, m.Length)) || (_detect == "fixed-names" && !past && Fresh(m.Index, m.Length)))
                    {
                        yield return (m.Index, m.Length, m.Value, NextFix(f, m, body));
                    }
                }

                foreach (Match m in SafeMatches(NamedConference, text))
                {
                    var yearGroup = m.Groups["year"].Success ? m.Groups["year"] : m.Groups["year2"];
                    if (!yearGroup.Success || IsCitation(text, m))
                    {
                        continue;
                    }

                    var year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
                    var body = ReferenceBody(m.Groups["body"].Value);
                    var past = IsPast(body, year, m.Groups["place"].Success ? m.Groups["place"].Value.Trim() : null);
                    if (((_detect == "events" && past) || (_detect == "fixed-names" && !past)) && Fresh(m.Index, m.Length))
                    {
                        yield return (m.Index, m.Length, m.Value.Trim(), NextFix(f, m, body));
                    }
                }
            }

            if (_detect == "events")
            {
                foreach (Match m in SafeMatches(CouncilSession, text))
                {
                    var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : 2000 + int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
                    if (new DateTime(year, 12, 31) < asOfDate && Fresh(m.Index, m.Length))
                    {
                        yield return (m.Index, m.Length, m.Value.Trim(), null);
                    }
                }
            }

            if (_detect == "years")
            {
                foreach (Match m in SafeMatches(DatedPhrase, text))
                {
                    var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                    if (year < asOfDate.Year && Fresh(m.Index, m.Length))
                    {
                        yield return (m.Index, m.Length, m.Value, DeleteFix(f));
                    }
                }
            }
        }

        private static bool IsCitation(string text, Match m)
        {
            // "Resolution 71 (Rev. Bucharest, 2022) of the Plenipotentiary Conference" is a citation, not a deadline.
            var before = text.Substring(0, m.Index);
            return Regex.IsMatch(before, @"(?:Resolutions?|Decisions?)\s+\d+[A-Z]?(?:\s*\([^()]*\))?\s+of\s*$", RegexOptions.None, Timeout);
        }

        private static IEnumerable<Match> SafeMatches(Regex regex, string text)
        {
            try
            {
                return regex.Matches(text).Cast<Match>().ToList();
            }
            catch (RegexMatchTimeoutException)
            {
                return Array.Empty<Match>();
            }
        }

        private static Body? ReferenceBody(string name) => Reading.ReferenceParser.BodyFromName(Regex.Replace(name, @"\s+", " "));

        private Fix? NextFix(ClauseFact f, Match m, Body? body)
        {
            if (Definition.Fix is not { Kind: "next-meeting" } fix || body is null)
            {
                return null;
            }

            var value = m.Value;
            var lead = value.Length - value.TrimStart().Length;
            var core = value.Trim();
            var next = body.Code switch
            {
                "PP" => "the next plenipotentiary conference",
                "WTSA" => "the next world telecommunication standardization assembly",
                "WTDC" => "the next world telecommunication development conference",
                "RA" => "the next radiocommunication assembly",
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            var start = m.Index + lead;
            var before = f.Text.Substring(0, start);
            if (before.EndsWith("the ", StringComparison.Ordinal) && !core.StartsWith("the", StringComparison.Ordinal))
            {
                start -= 4;
                core = "the " + core;
            }

            return new Fix(fix.Title ?? $"Refer to {next}", EquatableArray.Create<ModelEdit>(new ReplaceText(f.Address, start, core.Length, next, core)), fix.IsSafe);
        }

        private Fix? DeleteFix(ClauseFact f) =>
            Definition.Fix is { Kind: "delete-clause" } fix
                ? new Fix(fix.Title ?? "Delete the completed instruction", EquatableArray.Create<ModelEdit>(new DeleteClause(f.Address, "Tied to a date that has passed") { OldText = FixApplier.ExpectedText(f.Clause) }), fix.IsSafe)
                : null;

        public override IEnumerable<Diagnostic> Evaluate(ClauseFact f)
        {
            foreach (var (start, length, text, fix) in Findings(f))
            {
                yield return AtClause(f, start, length, fix is null ? null : new[] { fix }, text, _env.AsOf.Conference.ShortName);
            }
        }
    }
}
