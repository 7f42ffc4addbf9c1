using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Collections;

namespace ResolutionKit.Model;

/// <summary>
/// A resolution or decision: its identity, revision history, title, conference formula, preambular and operative
/// groups, footnotes and annexes. Immutable; equality is structural.
/// </summary>
/// <param name="Id">Body, kind and number.</param>
/// <param name="Revision">The latest revision shown on the title line, e.g. Rev. Bucharest, 2022; null when none is shown.</param>
/// <param name="Title">The subject title.</param>
/// <param name="Language">The language code: <c>en</c>, <c>fr</c>, <c>es</c>, <c>ar</c>, <c>zh</c> or <c>ru</c>.</param>
public sealed record Resolution(InstrumentId Id, Revision? Revision, string Title, string Language)
{
    /// <summary>The title line as written, e.g. "RESOLUTION 191 (REV. BUCHAREST, 2022)"; when null, writers derive it.</summary>
    public string? TitleLine { get; init; }

    /// <summary>The adoption history, first adoption first.</summary>
    public EquatableArray<Revision> History { get; init; } = EquatableArray<Revision>.Empty;

    /// <summary>
    /// The history line as written ("(2006年，安塔利亚）（2010年，瓜达拉哈拉，修订版）", "(1990-1993-2000)"); null when the text
    /// had none. Writers use it while it still reads as <see cref="History"/>, and derive the line otherwise.
    /// </summary>
    public string? HistoryLine { get; init; }

    /// <summary>The conference formula line, e.g. "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),".</summary>
    public string? ConferenceFormula { get; init; }

    /// <summary>The preambular groups, in order.</summary>
    public EquatableArray<Group> Preamble { get; init; } = EquatableArray<Group>.Empty;

    /// <summary>The operative groups, in order.</summary>
    public EquatableArray<Group> Operative { get; init; } = EquatableArray<Group>.Empty;

    /// <summary>The footnotes.</summary>
    public EquatableArray<Footnote> Footnotes { get; init; } = EquatableArray<Footnote>.Empty;

    /// <summary>The annexes.</summary>
    public EquatableArray<Annex> Annexes { get; init; } = EquatableArray<Annex>.Empty;

    /// <summary>Text the reader could not place; kept so that nothing is lost, and written back after the formula.</summary>
    public EquatableArray<Paragraph> Unplaced { get; init; } = EquatableArray<Paragraph>.Empty;

    /// <summary>Where the title line was read from; null when not read from text.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>The file the resolution was read from, when known.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The address of the resolution: its <see cref="InstrumentId.Address"/>.</summary>
    public string Address => Id.Address;

    /// <summary>
    /// The meeting the conference formula names, in any language ("(Bucharest, 2022)", "（2022年，布加勒斯特）",
    /// "(بوخارست، 2022)"), with its place in English; null when the formula names none (the Council, the
    /// Radiocommunication Assembly) or there is no formula.
    /// </summary>
    public Revision? FormulaMeeting
    {
        get
        {
            if (ConferenceFormula is not { } formula)
            {
                return null;
            }

            var fold = Reading.Text.Normalizer.Fold(formula);
            var close = fold.LastIndexOf(')');
            var open = close < 0 ? -1 : fold.LastIndexOf('(', close);
            return open < 0 ? null : Revision.TryParse(fold.Substring(open, close - open + 1));
        }
    }

    /// <summary>All groups: the preamble, then the operative part.</summary>
    public IEnumerable<Group> Groups => Preamble.Concat(Operative);

    /// <summary>Every clause with its address, group and parent, in document order (sub-clauses after their parent).</summary>
    public IEnumerable<ClauseNode> Clauses() => ModelWalker.Clauses(this);

    /// <summary>Every group with its address, in document order.</summary>
    public IEnumerable<GroupNode> GroupNodes() => ModelWalker.Groups(this);

    /// <summary>A copy without source information (spans, maps, path), for comparing content.</summary>
    public Resolution WithoutSourceInfo() => ModelWalker.StripSource(this);
}
