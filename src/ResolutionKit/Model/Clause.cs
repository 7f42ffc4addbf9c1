using System.Collections.Generic;
using ResolutionKit.Collections;
using ResolutionKit.Reading;

namespace ResolutionKit.Model;

/// <summary>
/// A clause: a lettered preambular clause (<c>a)</c>), a numbered operative clause (<c>1</c>), a sub-clause
/// (<c>2.1</c>, <c>i)</c>), or the unlabelled single clause of a group.
/// </summary>
/// <param name="Label">The label as written, e.g. <c>a)</c>, <c>2</c>, <c>2.1</c>, <c>i)</c>; empty when unlabelled.</param>
/// <param name="Text">The text, exactly as read (wrapped lines joined with one space).</param>
/// <param name="SubClauses">Nested sub-clauses.</param>
public sealed record Clause(string Label, string Text, EquatableArray<Clause> SubClauses)
{
    /// <summary>Creates a clause without sub-clauses.</summary>
    /// <param name="label">The label.</param>
    /// <param name="text">The text.</param>
    public Clause(string label, string text)
        : this(label, text, EquatableArray<Clause>.Empty)
    {
    }

    /// <summary>Where the clause (from its label) was read from; null when it was not read from text.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>Maps offsets in <see cref="Text"/> back to the source; null when not read from text.</summary>
    public SourceMap? TextMap { get; init; }

    /// <summary>
    /// The canonical key of the label, the same in every language: <c>a</c>, <c>2.1</c>, <c>i</c> (the Arabic
    /// <c>ب)</c> and the Russian <c>б)</c> are both <c>b</c>); empty when unlabelled. Addresses use it.
    /// </summary>
    public string Key => Internal.Labels.Key(Label);

    /// <summary>References to other instruments found in the text.</summary>
    public IReadOnlyList<Reference> References => ReferenceParser.Parse(Text, TextMap);

    /// <summary>Footnote markers (as plain digits) found in the text.</summary>
    public IReadOnlyList<string> FootnoteMarkers => Internal.Superscripts.FindMarkers(Text);

    /// <summary>The source span of a range of <see cref="Text"/>, or of the clause when no map is known.</summary>
    /// <param name="start">Offset in <see cref="Text"/>.</param>
    /// <param name="length">Length.</param>
    public SourceSpan? Locate(int start, int length) => TextMap?.Locate(start, length) ?? Span;
}
