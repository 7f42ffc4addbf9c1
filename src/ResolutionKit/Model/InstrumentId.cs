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

    /// <summary>An opinion (of the World Telecommunication/ICT Policy Forum, for example).</summary>
    Opinion,
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
    public string Address
    {
        get
        {
            // Asked for everywhere a check groups, orders or reports (hundreds of thousands of times for a corpus): made
            // once. The cache names the values it was made from, so a copy made with "with" and another number makes
            // its own; one object, so that a thread never reads half of one.
            if (_address is { } cached && ReferenceEquals(cached.Body, Body) && cached.Kind == Kind && ReferenceEquals(cached.Number, Number))
            {
                return cached.Text;
            }

            var text = Body.Code + "-" + Kind switch
            {
                InstrumentKind.Decision => "DEC-",
                InstrumentKind.Recommendation => "REC-",
                InstrumentKind.Opinion => "OP-",
                _ => string.Empty,
            } + Number;
            _address = new AddressOf(Body, Kind, Number, text);
            return text;
        }
    }

    private AddressOf? _address;

    private sealed class AddressOf
    {
        public AddressOf(Body body, InstrumentKind kind, string number, string text) => (Body, Kind, Number, Text) = (body, kind, number, text);

        public Body Body { get; }

        public InstrumentKind Kind { get; }

        public string Number { get; }

        public string Text { get; }
    }

    /// <summary>Equal when body, kind and number are (the cached address is not part of the value).</summary>
    /// <param name="other">The other id.</param>
    public bool Equals(InstrumentId? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Kind == other.Kind && string.Equals(Number, other.Number, StringComparison.Ordinal) && Body.Equals(other.Body));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            return (((Body.GetHashCode() * 31) + (int)Kind) * 31) + (Number is null ? 0 : StringComparer.Ordinal.GetHashCode(Number));
        }
    }

    /// <summary>Whether the number is a draft's (<c>[ACP-1]</c>): a text proposed, not yet adopted.</summary>
    public bool IsDraft => Number.StartsWith("[", StringComparison.Ordinal);

    /// <summary>Human form, e.g. "PP Resolution 191".</summary>
    public string DisplayName => $"{Body.Code} {Kind} {Number}";

    /// <summary>
    /// Parses an address such as <c>PP-191</c>, <c>Council-DEC-5</c>, <c>RA-2</c> or <c>PP-[ACP-1]</c>; null when
    /// malformed.
    /// </summary>
    /// <param name="address">The address.</param>
    public static InstrumentId? TryParseAddress(string address)
    {
        var dash = address.IndexOf('-');
        if (dash <= 0 || dash == address.Length - 1)
        {
            return null;
        }

        var body = Body.FromCode(address.Substring(0, dash));
        var rest = address.Substring(dash + 1);
        var kind = InstrumentKind.Resolution;
        foreach (var (prefix, k) in new[] { ("DEC-", InstrumentKind.Decision), ("REC-", InstrumentKind.Recommendation), ("OP-", InstrumentKind.Opinion), ("RES-", InstrumentKind.Resolution) })
        {
            if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && rest.Length > prefix.Length)
            {
                kind = k;
                rest = rest.Substring(prefix.Length);
                break;
            }
        }

        if (rest.Length == 0 || rest.IndexOf('/') >= 0)
        {
            return null;
        }

        if (!rest.StartsWith("[", StringComparison.Ordinal) && rest.IndexOf('-') >= 0)
        {
            return null;
        }

        return new InstrumentId(body, kind, rest);
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
