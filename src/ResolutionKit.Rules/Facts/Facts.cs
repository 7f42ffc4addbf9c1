using System;
using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Rules.Facts;

/// <summary>A fact the rules match. Facts have reference identity; <see cref="Key"/> identifies the node they describe.</summary>
public abstract class Fact
{
    /// <summary>A key unique among the facts of one analysis: the fact type and the address(es) it describes.</summary>
    public abstract string Key { get; }

    /// <summary>
    /// <see cref="Key"/> without the string: what the fact builder and the incremental session index facts by (a check
    /// of 1,000 resolutions made 60,000 key strings only to look facts up, and held them all while it ran).
    /// </summary>
    internal virtual FactKey Id => new('?', Key);

    /// <summary>The resolution addresses this fact depends on (a derived fact depends on two).</summary>
    public abstract IEnumerable<string> ResolutionAddresses { get; }

    /// <summary>Whether this fact carries the same content as <paramref name="other"/> (for incremental updates).</summary>
    /// <param name="other">A fact with the same key.</param>
    public abstract bool SameContent(Fact other);
}

/// <summary>A resolution.</summary>
public sealed class ResolutionFact : Fact
{
    internal ResolutionFact(Resolution resolution) => Resolution = resolution;

    /// <summary>A resolution whose group nodes are made already: its clauses are placed under them, not under new ones.</summary>
    internal ResolutionFact(Resolution resolution, IReadOnlyList<GroupNode> groups)
    {
        Resolution = resolution;
        _clauses = ModelWalker.Clauses(resolution, groups);
    }

    /// <summary>The resolution.</summary>
    public Resolution Resolution { get; }

    /// <summary>Its address, e.g. <c>PP-191</c>.</summary>
    public string Address => Resolution.Address;

    /// <summary>The adopting body.</summary>
    public Body Body => Resolution.Id.Body;

    /// <summary>All clauses, sub-clauses included.</summary>
    public IReadOnlyList<ClauseNode> AllClauses => _clauses ??= Resolution.Clauses() as List<ClauseNode> ?? Resolution.Clauses().ToList();

    private List<ClauseNode>? _clauses;

    /// <summary>Number of clauses in the preamble (sub-clauses included).</summary>
    public int PreambleClauseCount => AllClauses.Count(c => c.Group.Group.Part == Part.Preamble);

    /// <summary>Number of clauses in the operative part (sub-clauses included).</summary>
    public int OperativeClauseCount => AllClauses.Count(c => c.Group.Group.Part == Part.Operative);

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('R', Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => new[] { Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) => other is ResolutionFact r && r.Resolution.Equals(Resolution);
}

/// <summary>A group of clauses.</summary>
public sealed class GroupFact : Fact
{
    internal GroupFact(GroupNode node) => Node = node;

    /// <summary>The group with its address.</summary>
    public GroupNode Node { get; }

    /// <summary>The group.</summary>
    public Group Group => Node.Group;

    /// <summary>The resolution.</summary>
    public Resolution Resolution => Node.Resolution;

    /// <summary>The group's address.</summary>
    public string Address => Node.Address;

    /// <summary>Preamble or operative.</summary>
    public Part Part => Group.Part;

    /// <summary>The normalized kind of the opening phrase.</summary>
    public string Kind => Group.Kind;

    /// <summary>The actors addressed.</summary>
    public EquatableArray<Actor> Actors => Group.Actors;

    /// <summary>The adopting body of the resolution.</summary>
    public Body Body => Resolution.Id.Body;

    /// <summary>
    /// The facts of the group's top-level clauses, by index, when the fact builder made them with the group (their
    /// references are parsed once for every rule that asks); null otherwise.
    /// </summary>
    internal ClauseFact?[]? TopLevel { get; set; }

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('G', Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => new[] { Resolution.Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) => other is GroupFact g && g.Group.Equals(Group) && g.Node.Index == Node.Index && g.Resolution.Id.Equals(Resolution.Id) && SameContext(g.Resolution, Resolution);

    internal static bool SameContext(Resolution a, Resolution b) =>
        Equals(a.Revision, b.Revision) && a.Preamble.Count == b.Preamble.Count && a.Operative.Count == b.Operative.Count && Equals(a.SourcePath, b.SourcePath);
}

/// <summary>A clause (or sub-clause).</summary>
public sealed class ClauseFact : Fact
{
    internal ClauseFact(ClauseNode node) => Node = node;

    /// <summary>The clause with its address, group and parent.</summary>
    public ClauseNode Node { get; }

    /// <summary>The clause.</summary>
    public Clause Clause => Node.Clause;

    /// <summary>The clause text.</summary>
    public string Text => Node.Clause.Text;

    /// <summary>The clause label.</summary>
    public string Label => Node.Clause.Label;

    /// <summary>The resolution.</summary>
    public Resolution Resolution => Node.Resolution;

    /// <summary>The group.</summary>
    public Group Group => Node.Group.Group;

    /// <summary>The clause's address.</summary>
    public string Address => Node.Address;

    /// <summary>Preamble or operative.</summary>
    public Part Part => Group.Part;

    /// <summary>The normalized kind of the group's opening phrase.</summary>
    public string GroupKind => Group.Kind;

    /// <summary>The actors the group addresses.</summary>
    public EquatableArray<Actor> Actors => Group.Actors;

    /// <summary>The adopting body.</summary>
    public Body Body => Resolution.Id.Body;

    /// <summary>0 for a top-level clause, 1 for a sub-clause, ...</summary>
    public int Depth => Node.Depth;

    /// <summary>
    /// Whether the clause says something of its own: three content words or more beyond what every resolution says of
    /// itself (see <see cref="Analysis.ReportingRequests.Substance"/>). Boilerplate does not make two resolutions duplicates.
    /// </summary>
    public bool HasSubstance => _substance ??= Analysis.TextSimilarity.CountWords(Analysis.ReportingRequests.Substance(Text, Resolution.Language), 3) >= 3;

    private bool? _substance;

    /// <summary>
    /// The text as near-duplicate detection compares it: each citation replaced by one token naming the instrument,
    /// so that "Resolution 123 (Rev. Bucharest, 2022) of the Plenipotentiary Conference" and the same words citing
    /// Resolution 177 are two different clauses, not two copies of one.
    /// </summary>
    /// <remarks>Made each time it is asked for, not kept: the overlap search needs it once, to shingle the clause.</remarks>
    public string SimilarityText => Analysis.TextSimilarity.ComparableText(Text, References);

    /// <summary>The <see cref="SimilarityText"/> if the clause is <see cref="Comparable"/>, else an empty string; made once, and <see cref="Comparable"/> decided with it.</summary>
    internal string ComparableText()
    {
        var text = SimilarityText;
        _comparable ??= Analysis.TextSimilarity.IsComparable(text);
        return _comparable.Value ? text : string.Empty;
    }

    /// <summary>
    /// Whether the clause says enough beyond its citations to be compared (five content words or more): two recitals
    /// citing two texts "on accessibility" are not duplicates of each other.
    /// </summary>
    public bool Comparable => _comparable ??= Analysis.TextSimilarity.IsComparable(SimilarityText);

    private bool? _comparable;

    /// <summary>
    /// The instrument the clause opens by citing ("Resolution 58 (Rev. Kigali, 2022) of WTDC, on ..."), or
    /// <see langword="null"/> when it opens with its own words. Two recitals that open with different citations recall two
    /// texts, however alike the subjects that follow.
    /// </summary>
    internal string? LeadingCitation
    {
        get
        {
            if (_leadingDone)
            {
                return _leading;
            }

            _leadingDone = true;
            _leading = Analysis.TextSimilarity.LeadingCitation(Text, References);
            return _leading;
        }
    }

    private string? _leading;
    private bool _leadingDone;

    /// <summary>The meetings, sessions, deadlines and periods the clause ties itself to (found once, in its language).</summary>
    public IReadOnlyList<Analysis.TimeExpression> TimeExpressions => _time ??= Analysis.TimeExpressions.Find(Text, Resolution.Language, References);

    private IReadOnlyList<Analysis.TimeExpression>? _time;

    /// <summary>
    /// The clause's citations of resolutions, decisions and recommendations with what a catalogue says of them, looked up
    /// once for all the reference rules (six of them ask about every citation of every clause).
    /// </summary>
    /// <param name="registry">The catalogue the rules check against.</param>
    internal IReadOnlyList<Citation> CitationsIn(Registry.InstrumentRegistry registry)
    {
        if (_citations is { } cached && ReferenceEquals(cached.Registry, registry))
        {
            return cached.Items;
        }

        var items = new List<Citation>();
        foreach (var r in References)
        {
            if (r.Kind is not (ReferenceKind.Resolution or ReferenceKind.Decision or ReferenceKind.Recommendation))
            {
                continue;
            }

            var id = r.TargetId;
            var address = id?.Address;
            items.Add(new Citation(
                r,
                id,
                id is not null && id.Denotes(Resolution.Id),
                address is null ? null : registry.Find(address),
                id is null ? null : registry.HighestNumber(id.Body, id.Kind),
                id is null ? 0 : Citation.LeadingNumber(id.Number)));
        }

        _citations = (registry, items);
        return items;
    }

    private (Registry.InstrumentRegistry Registry, List<Citation> Items)? _citations;

    /// <summary>The references in the clause text, "of this conference" resolved to the resolution's body.</summary>
    public IReadOnlyList<Reference> References => _references ??= Resolved(Clause.References, Body);

    private IReadOnlyList<Reference>? _references;

    /// <summary>The references with "of this conference" given its body: the clause's own list when none needs it (most clauses).</summary>
    private static IReadOnlyList<Reference> Resolved(IReadOnlyList<Reference> references, Body body)
    {
        foreach (var r in references)
        {
            if (r.OfThisBody && r.Body is null)
            {
                return references.Select(x => x.OfThisBody && x.Body is null ? x with { Body = body } : x).ToList();
            }
        }

        return references;
    }

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('C', Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => new[] { Resolution.Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) =>
        other is ClauseFact c && c.Clause.Equals(Clause) && c.Group.Heading == Group.Heading && c.Node.Path.Equals(Node.Path)
        && c.Resolution.Id.Equals(Resolution.Id) && GroupFact.SameContext(c.Resolution, Resolution);
}

/// <summary>A pair of similar clauses (derived: computed before the rules run).</summary>
public sealed class SimilarPairFact : Fact
{
    internal SimilarPairFact(ClauseFact first, ClauseFact second, double similarity)
    {
        First = first;
        Second = second;
        Similarity = similarity;
    }

    /// <summary>The earlier clause (by resolution address, then document order).</summary>
    public ClauseFact First { get; }

    /// <summary>The later clause: the one reported.</summary>
    public ClauseFact Second { get; }

    /// <summary>Similarity from 0 to 1.</summary>
    public double Similarity { get; }

    /// <summary>Whether both clauses are in one resolution.</summary>
    public bool SameResolution => First.Resolution.Address == Second.Resolution.Address;

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('S', First.Address, Second.Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => new[] { First.Resolution.Address, Second.Resolution.Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) =>
        other is SimilarPairFact p && p.First.SameContent(First) && p.Second.SameContent(Second) && p.Similarity.Equals(Similarity);
}

/// <summary>How much two resolutions overlap (derived).</summary>
public sealed class OverlapFact : Fact
{
    internal OverlapFact(ResolutionFact first, ResolutionFact second, int sharedClauses, double overlap, IReadOnlyList<SimilarPairFact> pairs)
    {
        First = first;
        Second = second;
        SharedClauses = sharedClauses;
        Overlap = overlap;
        Pairs = pairs;
    }

    /// <summary>The first resolution (by address).</summary>
    public ResolutionFact First { get; }

    /// <summary>The second resolution.</summary>
    public ResolutionFact Second { get; }

    /// <summary>How many operative clauses of the smaller resolution have a near-duplicate in the other.</summary>
    public int SharedClauses { get; }

    /// <summary>SharedClauses divided by the operative clause count of the smaller resolution.</summary>
    public double Overlap { get; }

    /// <summary>The similar pairs behind the overlap.</summary>
    public IReadOnlyList<SimilarPairFact> Pairs { get; }

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('O', First.Address, Second.Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => new[] { First.Address, Second.Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) =>
        other is OverlapFact o && o.First.SameContent(First) && o.Second.SameContent(Second) && o.SharedClauses == SharedClauses;
}

/// <summary>An operative clause that asks for a report (derived).</summary>
public sealed class ReportingFact : Fact
{
    internal ReportingFact(ClauseFact clause, string recipient, int index)
    {
        Clause = clause;
        Recipient = recipient;
        Index = index;
    }

    /// <summary>The clause.</summary>
    public ClauseFact Clause { get; }

    /// <summary>To whom the report goes: <c>Council</c>, <c>Conference</c> (the next plenipotentiary or assembly), or <c>Other</c>.</summary>
    public string Recipient { get; }

    /// <summary>The request as found: where it is, its recipient and its subject.</summary>
    public Analysis.ReportingRequest? Request { get; init; }

    /// <summary>Whether the request names a subject of its own (not only "the implementation of this resolution").</summary>
    public bool HasSubject => Request is { HasSubject: true };

    /// <summary>The shingles of the subject, computed once, for comparing requests across a corpus.</summary>
    public HashSet<long> SubjectShingles => _subjectShingles ??= Analysis.TextSimilarity.Shingles(Request?.Subject ?? string.Empty);

    /// <summary>A 64-bit summary of <see cref="SubjectShingles"/>: two subjects whose summaries share no bit share no shingle.</summary>
    internal ulong SubjectSignature
    {
        get
        {
            if (_signature is null)
            {
                ulong bits = 0;
                foreach (var s in SubjectShingles)
                {
                    bits |= 1UL << (int)((ulong)s % 64);
                }

                _signature = bits;
            }

            return _signature.Value;
        }
    }

    private HashSet<long>? _subjectShingles;
    private ulong? _signature;

    /// <summary>The position of this request among the reporting requests of its resolution (0 for the first).</summary>
    public int Index { get; }

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('P', Clause.Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => new[] { Clause.Resolution.Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) => other is ReportingFact r && r.Clause.SameContent(Clause) && r.Index == Index && r.Recipient == Recipient;
}

/// <summary>
/// Two reporting requests the reporting rules compare: both of one resolution (every ordered pair, and each request
/// with itself), or of two resolutions in one language whose subjects are similar (found through the overlap index,
/// not by comparing every pair of the corpus).
/// </summary>
public sealed class ReportingPairFact : Fact
{
    internal ReportingPairFact(ReportingFact first, ReportingFact second, double subjectSimilarity)
    {
        First = first;
        Second = second;
        SubjectSimilarity = subjectSimilarity;
    }

    /// <summary>The first request.</summary>
    public ReportingFact First { get; }

    /// <summary>The second request.</summary>
    public ReportingFact Second { get; }

    /// <summary>For requests of two resolutions: the similarity of their subjects; 0 within one resolution.</summary>
    public double SubjectSimilarity { get; }

    /// <summary>Whether both requests are of one resolution.</summary>
    public bool SameResolution => First.Clause.Resolution.Address == Second.Clause.Resolution.Address;

    /// <inheritdoc />
    public override string Key => _key ??= Id.ToString();

    private string? _key;

    /// <inheritdoc />
    internal override FactKey Id => _id ??= new FactKey('Q', First.Clause.Address, Second.Clause.Address);

    private FactKey? _id;

    /// <inheritdoc />
    public override IEnumerable<string> ResolutionAddresses => SameResolution ? new[] { First.Clause.Resolution.Address } : new[] { First.Clause.Resolution.Address, Second.Clause.Resolution.Address };

    /// <inheritdoc />
    public override bool SameContent(Fact other) =>
        other is ReportingPairFact p && p.First.SameContent(First) && p.Second.SameContent(Second) && p.SubjectSimilarity.Equals(SubjectSimilarity);
}


/// <summary>A clause's citation of an instrument, with what the catalogue says of it (see <see cref="ClauseFact.CitationsIn"/>).</summary>
/// <param name="Reference">The citation.</param>
/// <param name="Id">The instrument cited, when its body is known.</param>
/// <param name="IsSelf">Whether the clause cites its own resolution.</param>
/// <param name="Entry">The catalogue's entry for it, if any.</param>
/// <param name="Highest">The highest number the catalogue declares in use for its body and kind, if it declares one.</param>
/// <param name="Number">The leading number of the instrument's number (0 when it has none).</param>
internal sealed record Citation(Reference Reference, InstrumentId? Id, bool IsSelf, Registry.InstrumentEntry? Entry, int? Highest, int Number)
{
    /// <summary>Whether the number is beyond the highest the catalogue declares in use.</summary>
    public bool Beyond => Highest is { } top && Number > top;

    /// <summary>The number its leading digits make; 0 when there are none, when they are not ASCII digits, or when they overflow.</summary>
    internal static int LeadingNumber(string number)
    {
        long n = 0;
        foreach (var c in number)
        {
            if (!char.IsDigit(c))
            {
                break;
            }

            if (c > '9')
            {
                return 0; // other scripts' digits: not parsed
            }

            n = (n * 10) + (c - '0');
            if (n > int.MaxValue)
            {
                return 0;
            }
        }

        return (int)n;
    }
}

/// <summary>
/// A fact's identity as a value: its kind (R, G, C, S, O, P, Q) and the address(es) it describes, compared ordinally;
/// <see cref="ToString"/> is the <see cref="Fact.Key"/> string.
/// </summary>
internal readonly struct FactKey : IEquatable<FactKey>
{
    private readonly int _hash;

    public FactKey(char kind, string first, string? second = null)
    {
        Kind = kind;
        First = first;
        Second = second;
        unchecked
        {
            _hash = (((kind * 31) + StringComparer.Ordinal.GetHashCode(first)) * 31) + (second is null ? 0 : StringComparer.Ordinal.GetHashCode(second));
        }
    }

    public char Kind { get; }

    public string First { get; }

    public string? Second { get; }

    public bool Equals(FactKey other) =>
        _hash == other._hash && Kind == other.Kind && string.Equals(First, other.First, StringComparison.Ordinal) && string.Equals(Second, other.Second, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FactKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => Second is null ? Kind + ":" + First : Kind + ":" + First + "|" + Second;
}
