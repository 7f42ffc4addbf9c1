using System.Linq;
using ResolutionKit.Collections;

namespace ResolutionKit.Model;

/// <summary>The part of a resolution a group belongs to.</summary>
public enum Part
{
    /// <summary>The preamble (considering, recalling, noting, ...).</summary>
    Preamble,

    /// <summary>The operative part (resolves, instructs, invites, ...).</summary>
    Operative,
}

/// <summary>
/// A group of clauses opened by a phrase: a preambular participle ("considering") or an operative verb with the
/// actor it addresses ("instructs the Secretary-General").
/// </summary>
/// <param name="Part">Preamble or operative part.</param>
/// <param name="Heading">The opening phrase exactly as written, without a trailing comma or colon.</param>
/// <param name="Kind">
/// The normalized kind of the opening phrase, language-independent: <c>considering</c>, <c>recalling</c>,
/// <c>resolves</c>, <c>instructs</c>, <c>resolves-to-instruct</c>, <c>invites</c>, ...
/// </param>
/// <param name="Actors">The actors an operative group addresses (empty for "resolves", "decides" and the preamble).</param>
/// <param name="Clauses">The clauses.</param>
public sealed record Group(Part Part, string Heading, string Kind, EquatableArray<Actor> Actors, EquatableArray<Clause> Clauses)
{
    /// <summary>Where the heading was read from; null when not read from text.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>
    /// Each verb of a heading that has several ("requests the Secretary-General and instructs the Director of the
    /// Telecommunication Standardization Bureau") with the actors it addresses; empty for a heading with one verb,
    /// whose verb is <see cref="Kind"/> and whose actors are <see cref="Actors"/>.
    /// </summary>
    public EquatableArray<Mandate> Mandates { get; init; } = EquatableArray<Mandate>.Empty;

    /// <summary>
    /// The address segment of the group, the same in every language: the normalized kind followed by the actors'
    /// keys, e.g. <c>instructs-secretary-general</c>, <c>invites-member-states-sector-members</c>,
    /// <c>instructs-director-tsb</c>. A group addressing an actor no phrase table knows falls back to its heading
    /// in lower case with words joined by hyphens and articles dropped.
    /// </summary>
    public string Slug => Actors.Any(a => a.Standing == ActorStanding.Unknown)
        ? Internal.Slug.Of(Heading)
        : Mandates.IsEmpty
            ? string.Join("-", new[] { Kind }.Concat(Actors.Select(a => Internal.Slug.OfKey(a.Key))))
            : string.Join("-", Mandates.SelectMany(m => new[] { m.Kind }.Concat(m.Actors.Select(a => Internal.Slug.OfKey(a.Key)))));
}

/// <summary>One verb of a heading with the actors it addresses.</summary>
/// <param name="Kind">The normalized kind of the verb (<c>requests</c>, <c>instructs</c>, ...).</param>
/// <param name="Actors">The actors it addresses.</param>
public sealed record Mandate(string Kind, EquatableArray<Actor> Actors);
