using System;
using System.Globalization;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Fixes;
using ResolutionKit.Model;

namespace ResolutionKit.Diagnostics;

/// <summary>How serious a finding is. <see cref="None"/> turns a rule off.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Not reported.</summary>
    None = 0,

    /// <summary>Reported to tools only (not shown by default).</summary>
    Hidden = 1,

    /// <summary>A suggestion for a person to consider.</summary>
    Suggestion = 2,

    /// <summary>A likely problem.</summary>
    Warning = 3,

    /// <summary>A definite problem.</summary>
    Error = 4,
}

/// <summary>Parsing and formatting of <see cref="DiagnosticSeverity"/> names (error, warning, suggestion, hidden, none).</summary>
public static class Severities
{
    /// <summary>Parses a severity name (case-insensitive; "info" is read as suggestion).</summary>
    /// <param name="text">The name.</param>
    public static DiagnosticSeverity? TryParse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "suggestion" or "info" => DiagnosticSeverity.Suggestion,
        "hidden" => DiagnosticSeverity.Hidden,
        "none" or "off" => DiagnosticSeverity.None,
        _ => null,
    };

    /// <summary>The lower-case name of a severity.</summary>
    /// <param name="severity">The severity.</param>
    public static string Name(this DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();
}

/// <summary>
/// What a rule reports, as static data: id, title, message template, category, default severity, and a help link
/// derived from the id.
/// </summary>
/// <param name="Id">The id, <c>RK</c> and four digits.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">A composite format string; arguments are filled in per finding.</param>
/// <param name="Category">The category (Structure, Mandate, References, ...).</param>
/// <param name="DefaultSeverity">The severity unless configuration says otherwise.</param>
/// <param name="IsEnabledByDefault">Whether the rule runs unless configuration enables it.</param>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, string Category, DiagnosticSeverity DefaultSeverity, bool IsEnabledByDefault = true)
{
    /// <summary>Where rule pages live; a descriptor's help link is this plus its id.</summary>
    public const string HelpBase = "https://github.com/resolutionkit/resolutionkit/blob/main/docs/rules/";

    /// <summary>The help page of the rule, derived from its id unless set.</summary>
    public string HelpLinkUri { get; init; } = HelpBase + Id + ".md";

    /// <summary>The guideline the rule implements.</summary>
    public string? Rationale { get; init; }

    /// <summary>Formats the message with arguments.</summary>
    /// <param name="arguments">The arguments.</param>
    public string FormatMessage(params object?[] arguments)
    {
        if (arguments.Length == 0)
        {
            return MessageFormat;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
        }
        catch (FormatException)
        {
            return MessageFormat + " (" + string.Join(", ", arguments) + ")";
        }
    }
}

/// <summary>Where a finding is: the file, the model address and the source span.</summary>
/// <param name="Path">The file, when known.</param>
/// <param name="Address">The model address, e.g. <c>PP-191/instructs-secretary-general/2.1</c>.</param>
/// <param name="Span">The source span, when the node was read from text.</param>
public sealed record Location(string? Path, string Address, SourceSpan? Span)
{
    /// <summary>A location with no file or span.</summary>
    public static Location None { get; } = new(null, string.Empty, null);

    /// <summary>Formats as <c>path:line:col</c> (or the address when there is no span).</summary>
    public override string ToString()
    {
        var path = Path ?? Address;
        return Span is null ? path : $"{path}:{Span.Line}:{Span.Column}";
    }
}

/// <summary>
/// A finding: the descriptor, where, the message arguments, the effective severity and the fixes that would resolve it.
/// </summary>
/// <param name="Descriptor">The rule's descriptor.</param>
/// <param name="Location">Where the finding is.</param>
/// <param name="Arguments">Message arguments.</param>
/// <param name="Severity">The effective severity (after configuration).</param>
/// <param name="Fixes">Fixes that would resolve the finding.</param>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, Location Location, EquatableArray<string> Arguments, DiagnosticSeverity Severity, EquatableArray<Fix> Fixes)
{
    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The message with its arguments filled in.</summary>
    public string Message => Descriptor.FormatMessage(Arguments.Cast<object?>().ToArray());

    /// <summary>Creates a diagnostic at the descriptor's default severity.</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="location">The location.</param>
    /// <param name="arguments">Message arguments.</param>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
        new(descriptor, location, EquatableArray.Create(arguments), descriptor.DefaultSeverity, EquatableArray<Fix>.Empty);

    /// <summary>
    /// Formats as <c>file:line:col: severity RKnnnn: message</c>, the form compilers and CI annotators understand.
    /// </summary>
    public override string ToString() => $"{Location}: {Severity.Name()} {Id}: {Message}";

    /// <summary>A stable ordering key: path, offset, id, message.</summary>
    public static int Compare(Diagnostic a, Diagnostic b)
    {
        var c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c != 0)
        {
            return c;
        }

        c = (a.Location.Span?.Offset ?? -1).CompareTo(b.Location.Span?.Offset ?? -1);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Location.Address, b.Location.Address);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Id, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
