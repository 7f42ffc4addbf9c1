namespace ResolutionKit.Model;

/// <summary>A footnote: its marker (plain digits) and text.</summary>
/// <param name="Marker">The marker as plain digits, e.g. <c>1</c>.</param>
/// <param name="Text">The footnote text.</param>
public sealed record Footnote(string Marker, string Text)
{
    /// <summary>Where the footnote was read from; null when not read from text.</summary>
    public SourceSpan? Span { get; init; }
}
