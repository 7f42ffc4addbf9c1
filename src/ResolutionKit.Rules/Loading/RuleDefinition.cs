using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Rules.Facts;

namespace ResolutionKit.Rules.Loading;

/// <summary>Which nodes a rule looks at: the part, the group kinds, the actors and the bodies.</summary>
public sealed record RuleScope
{
    /// <summary>Everything.</summary>
    public static RuleScope All { get; } = new();

    /// <summary>The part: <c>preamble</c>, <c>operative</c>, <c>title</c>, <c>annex</c>, or null for any.</summary>
    public string? Part { get; init; }

    /// <summary>Normalized group kinds (<c>recalling</c>, <c>instructs</c>, ...); empty for any.</summary>
    public EquatableArray<string> GroupKinds { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Actor keys (<c>MemberStates</c>, <c>SecretaryGeneral</c>, ...) or standings (<c>Organ</c>, <c>External</c>); a group matches when it addresses any of them; empty for any.</summary>
    public EquatableArray<string> Actors { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Body codes (<c>PP</c>, <c>WTSA</c>, ...); empty for any.</summary>
    public EquatableArray<string> Bodies { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Instrument kinds (<c>Resolution</c>, <c>Decision</c>); empty for any.</summary>
    public EquatableArray<string> Instruments { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The languages the rule judges (<c>en</c>, <c>fr</c>, ...); empty for all.</summary>
    public EquatableArray<string> Languages { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Only instruments whose identity was read from their title (not <c>Unknown-[file]</c>).</summary>
    public bool Identified { get; init; }

    /// <summary>Only top-level clauses (not sub-clauses).</summary>
    public bool TopLevel { get; init; }

    // Asked for every rule and every clause of a corpus: no LINQ, no closures, enum names looked up, not formatted.
    private static readonly Dictionary<InstrumentKind, string> KindNames = Enum.GetValues(typeof(InstrumentKind)).Cast<InstrumentKind>().Distinct().ToDictionary(k => k, k => k.ToString());
    private static readonly Dictionary<Part, string> PartNames = Enum.GetValues(typeof(Part)).Cast<Part>().Distinct().ToDictionary(k => k, k => k.ToString());
    private static readonly Dictionary<ActorStanding, string> StandingNames = Enum.GetValues(typeof(ActorStanding)).Cast<ActorStanding>().Distinct().ToDictionary(k => k, k => k.ToString());

    private static bool Contains(EquatableArray<string> values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Name<T>(Dictionary<T, string> names, T value)
        where T : struct, Enum => names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Whether a resolution is in scope (language, identity, bodies and instrument kinds).</summary>
    /// <param name="resolution">The resolution.</param>
    public bool MatchesResolution(Resolution resolution) =>
        (Languages.IsEmpty || Contains(Languages, resolution.Language))
        && (!Identified || resolution.Id.Body.Code != Body.Unknown.Code)
        && (Bodies.IsEmpty || Contains(Bodies, resolution.Id.Body.Code))
        && (Instruments.IsEmpty || Contains(Instruments, Name(KindNames, resolution.Id.Kind)));

    /// <summary>Whether a group is in scope (part, kinds, actors and the resolution).</summary>
    /// <param name="resolution">The resolution.</param>
    /// <param name="group">The group.</param>
    public bool MatchesGroup(Resolution resolution, Group group)
    {
        if (!MatchesResolution(resolution))
        {
            return false;
        }

        if (Part is not null && !string.Equals(Part, Name(PartNames, group.Part), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!GroupKinds.IsEmpty && !Contains(GroupKinds, group.Kind))
        {
            return false;
        }

        if (Actors.IsEmpty)
        {
            return true;
        }

        foreach (var a in group.Actors)
        {
            if (Contains(Actors, a.Key) || Contains(Actors, Name(StandingNames, a.Standing)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a clause is in scope.</summary>
    /// <param name="clause">The clause fact.</param>
    public bool Matches(ClauseFact clause) => (!TopLevel || clause.Depth == 0) && MatchesGroup(clause.Resolution, clause.Group);
}

/// <summary>The fix a rule declares: its kind and parameters, and whether it is safe for fix-all.</summary>
/// <param name="Kind">The fix kind (<c>replace-match</c>, <c>replace-heading-verb</c>, <c>renumber</c>, ...).</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="IsSafe">Safe for fix-all (cannot change meaning), or a suggestion for a person.</param>
/// <param name="Title">How the fix is offered, e.g. "Use 'invites'".</param>
public sealed record FixDeclaration(string Kind, JObject Parameters, bool IsSafe, string? Title);

/// <summary>One rule as read from its file in <c>rules/</c>.</summary>
public sealed class RuleDefinition
{
    internal RuleDefinition(JsonSource source, JObject json, DiagnosticDescriptor descriptor, string kind, RuleScope scope, JObject parameters, FixDeclaration? fix, IReadOnlyList<string> tags)
    {
        Source = source;
        Json = json;
        Descriptor = descriptor;
        Kind = kind;
        Scope = scope;
        Parameters = parameters;
        Fix = fix;
        Tags = tags;
    }

    /// <summary>The file the rule came from.</summary>
    public JsonSource Source { get; }

    /// <summary>The rule's JSON (with line information).</summary>
    public JObject Json { get; }

    /// <summary>The descriptor: id, title, message, category, default severity, help link, rationale.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The kind name.</summary>
    public string Kind { get; }

    /// <summary>The scope.</summary>
    public RuleScope Scope { get; }

    /// <summary>The kind's parameters.</summary>
    public JObject Parameters { get; }

    /// <summary>The declared fix, if any.</summary>
    public FixDeclaration? Fix { get; }

    /// <summary>
    /// Reading diagnostics this rule reports better (<c>RK0005</c> for RK1001): where both report the same line, the
    /// reading diagnostic is dropped (see <see cref="RuleSet.MergeReading"/>).
    /// </summary>
    public EquatableArray<string> Supersedes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Reading diagnostics that already report what this rule would (<c>RK0018</c>, a group read without its heading, for
    /// RK1001): where both report the same line, the rule's finding is dropped (see <see cref="RuleSet.MergeReading"/>).
    /// </summary>
    public EquatableArray<string> SupersededBy { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The languages the rule judges; empty when it judges every language.</summary>
    public EquatableArray<string> Languages => Scope.Languages;

    /// <summary>Free tags (<c>recommended</c>, <c>guideline:...</c>).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The guideline the rule implements.</summary>
    public string Rationale => Descriptor.Rationale ?? string.Empty;
}
