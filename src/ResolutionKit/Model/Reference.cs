namespace ResolutionKit.Model;

/// <summary>What a reference points at.</summary>
public enum ReferenceKind
{
    /// <summary>A resolution.</summary>
    Resolution,

    /// <summary>A decision.</summary>
    Decision,

    /// <summary>A recommendation.</summary>
    Recommendation,

    /// <summary>An article of the Constitution or the Convention.</summary>
    Article,

    /// <summary>A numbered provision ("No. 119") of the Constitution or the Convention.</summary>
    Provision,
}

/// <summary>
/// A reference to another instrument found in clause text, e.g. "Resolution 71 (Rev. Bucharest, 2022) of this conference".
/// </summary>
/// <param name="Kind">What it points at.</param>
/// <param name="Body">The body of the instrument when known (from "of the ... Assembly", "of this conference" or the revision); null when not stated.</param>
/// <param name="Number">The number, e.g. <c>71</c>, <c>119</c>, <c>ITU-T X.1205</c>.</param>
/// <param name="Revision">The revision cited, when given.</param>
/// <param name="Instrument">For articles and provisions: <c>Constitution</c> or <c>Convention</c>.</param>
/// <param name="Text">The reference exactly as written.</param>
/// <param name="Start">Offset of the reference in the clause text.</param>
public sealed record Reference(ReferenceKind Kind, Body? Body, string Number, Revision? Revision, string? Instrument, string Text, int Start)
{
    /// <summary>Where the reference was read from; null when not read from text.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>Whether the text says "of this conference" / "of this assembly" (a reference to the same body).</summary>
    public bool OfThisBody { get; init; }

    /// <summary>The id of the instrument referred to, when it is a resolution, decision or recommendation with a known body.</summary>
    public InstrumentId? TargetId => Body is null
        ? null
        : Kind switch
        {
            ReferenceKind.Resolution => new InstrumentId(Body, InstrumentKind.Resolution, Number),
            ReferenceKind.Decision => new InstrumentId(Body, InstrumentKind.Decision, Number),
            ReferenceKind.Recommendation => new InstrumentId(Body, InstrumentKind.Recommendation, Number),
            _ => null,
        };
}
