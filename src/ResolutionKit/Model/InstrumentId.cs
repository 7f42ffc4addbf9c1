using System;

namespace ResolutionKit.Model;

/// <summary>The kind of an instrument.</summary>
public enum InstrumentKind
{
    /// <summary>A resolution: lasting policy.</summary>
    Resolution,

    /// <summary>A decision: usually time-bound.</summary>
    Decision,

    /// <summary>A recommendation.</summary>
    Recommendation,
}

/// <summary>
/// Identifies an instrument independently of its revision: body, kind and number, e.g. PP Resolution 191.
/// </summary>
/// <param name="Body">The body that adopts it.</param>
/// <param name="Kind">Resolution, decision or recommendation.</param>
/// <param name="Number">The number as written (<c>191</c>, <c>44A</c>).</param>
public sealed record InstrumentId(Body Body, InstrumentKind Kind, string Number)
{
    /// <summary>
    /// The address of the instrument: <c>PP-191</c> for a resolution, <c>PP-DEC-5</c> for a decision,
    /// <c>WTSA-REC-1</c> for a recommendation.
    /// </summary>
    public string Address => Body.Code + "-" + Kind switch
    {
        InstrumentKind.Decision => "DEC-",
        InstrumentKind.Recommendation => "REC-",
        _ => string.Empty,
    } + Number;

    /// <summary>Human form, e.g. "PP Resolution 191".</summary>
    public string DisplayName => $"{Body.Code} {Kind} {Number}";

    /// <summary>Parses an address such as <c>PP-191</c> or <c>Council-DEC-5</c>; null when malformed.</summary>
    /// <param name="address">The address.</param>
    public static InstrumentId? TryParseAddress(string address)
    {
        var parts = address.Split('-');
        if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
        {
            return new InstrumentId(Body.FromCode(parts[0]), InstrumentKind.Resolution, parts[1]);
        }

        if (parts.Length == 3 && parts[0].Length > 0 && parts[2].Length > 0)
        {
            var kind = parts[1].ToUpperInvariant() switch
            {
                "DEC" => InstrumentKind.Decision,
                "REC" => InstrumentKind.Recommendation,
                "RES" => InstrumentKind.Resolution,
                _ => (InstrumentKind?)null,
            };
            return kind is null ? null : new InstrumentId(Body.FromCode(parts[0]), kind.Value, parts[2]);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Address;

    /// <summary>Whether two ids denote the same instrument (body code compared case-insensitively).</summary>
    /// <param name="other">The other id.</param>
    public bool Denotes(InstrumentId other) =>
        Kind == other.Kind
        && string.Equals(Number, other.Number, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Body.Code, other.Body.Code, StringComparison.OrdinalIgnoreCase);
}
