using System;
using System.Collections.Generic;

namespace ResolutionKit.Model;

/// <summary>
/// A body that adopts instruments: the Plenipotentiary Conference, a Sector assembly or conference, the Council,
/// or any other named body.
/// </summary>
/// <param name="Code">A short code used in addresses (<c>PP</c>, <c>WTSA</c>, <c>WTDC</c>, <c>RA</c>, <c>Council</c>).</param>
/// <param name="Name">The full name.</param>
public sealed record Body(string Code, string Name)
{
    /// <summary>The Plenipotentiary Conference.</summary>
    public static Body Plenipotentiary { get; } = new("PP", "Plenipotentiary Conference");

    /// <summary>The World Telecommunication Standardization Assembly (ITU-T).</summary>
    public static Body Wtsa { get; } = new("WTSA", "World Telecommunication Standardization Assembly");

    /// <summary>The World Telecommunication Development Conference (ITU-D).</summary>
    public static Body Wtdc { get; } = new("WTDC", "World Telecommunication Development Conference");

    /// <summary>The Radiocommunication Assembly (ITU-R).</summary>
    public static Body RadiocommunicationAssembly { get; } = new("RA", "Radiocommunication Assembly");

    /// <summary>The World Conference on International Telecommunications.</summary>
    public static Body Wcit { get; } = new("WCIT", "World Conference on International Telecommunications");

    /// <summary>The World Radiocommunication Conference (which revises the Radio Regulations and adopts resolutions of its own).</summary>
    public static Body Wrc { get; } = new("WRC", "World Radiocommunication Conference");

    /// <summary>The World Telecommunication/ICT Policy Forum (which adopts opinions).</summary>
    public static Body Wtpf { get; } = new("WTPF", "World Telecommunication/ICT Policy Forum");

    /// <summary>The ITU Council.</summary>
    public static Body Council { get; } = new("Council", "Council");

    /// <summary>A body that could not be established.</summary>
    public static Body Unknown { get; } = new("Unknown", "Unknown body");

    /// <summary>The well-known bodies.</summary>
    public static IReadOnlyList<Body> WellKnown { get; } = Array.AsReadOnly(new[] { Plenipotentiary, Wtsa, Wtdc, RadiocommunicationAssembly, Wcit, Council, Wrc, Wtpf });

    /// <summary>Finds a well-known body by code (case-insensitive), or creates one with that code.</summary>
    /// <param name="code">The code.</param>
    public static Body FromCode(string code)
    {
        foreach (var body in WellKnown)
        {
            if (string.Equals(body.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return body;
            }
        }

        return string.Equals(code, Unknown.Code, StringComparison.OrdinalIgnoreCase) ? Unknown : new Body(code, code);
    }

    /// <inheritdoc />
    public override string ToString() => Code;
}
