using System;
using System.Collections.Generic;
using ResolutionKit.Model;
using ResolutionKit.Rules.Expressions;
using ResolutionKit.Rules.Registry;

namespace ResolutionKit.Rules.Kinds;

/// <summary>What rules need from their surroundings: the registry, the "as of" meeting, the expression compiler.</summary>
internal sealed class RuleEnvironment
{
    public RuleEnvironment(InstrumentRegistry registry, MeetingEntry asOf, ExpressionCompiler expressions, TimeSpan regexTimeout)
    {
        Registry = registry;
        AsOf = asOf;
        Expressions = expressions;
        RegexTimeout = regexTimeout;
    }

    public InstrumentRegistry Registry { get; }

    public MeetingEntry AsOf { get; }

    public ExpressionCompiler Expressions { get; }

    public TimeSpan RegexTimeout { get; }

    /// <summary>Whether patterns are compiled to IL (see <see cref="RuleSetOptions.CompilePatterns"/>).</summary>
    public bool CompilePatterns { get; init; }

    /// <summary>The lowest similarity any duplicate rule asks for: similar pairs below it are not derived.</summary>
    public double SimilarityFloor { get; private set; } = 1.1;

    /// <summary>
    /// The parts whose clauses are compared with the clauses of other resolutions (pairs within one resolution are
    /// always derived): the shipped rules compare only operative clauses across resolutions, so recitals that cite the
    /// same texts in the same words all over a corpus are not searched for pairs no rule would look at.
    /// </summary>
    public HashSet<Model.Part> CrossResolutionParts { get; } = new();

    /// <summary>Asks for similar pairs from <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The least similarity.</param>
    /// <param name="acrossResolutions">Whether pairs of clauses of two resolutions are wanted.</param>
    /// <param name="part">The part the rule looks at (its scope's), or null for any.</param>
    public void RequestSimilarity(double threshold, bool acrossResolutions = true, string? part = null)
    {
        SimilarityFloor = Math.Min(SimilarityFloor, threshold);
        if (!acrossResolutions)
        {
            return;
        }

        foreach (var p in new[] { Model.Part.Preamble, Model.Part.Operative })
        {
            if (part is null || !Enum.TryParse<Model.Part>(part, ignoreCase: true, out var only) || only == p)
            {
                CrossResolutionParts.Add(p);
            }
        }
    }

    /// <summary>Whether a reporting rule is in the set (reporting requests and their pairs are derived only then).</summary>
    public bool Reporting { get; private set; }

    /// <summary>The least subject similarity a rule comparing requests of two resolutions asks for; above 1 when none does.</summary>
    public double ReportingSubjectFloor { get; private set; } = 1.1;

    public void RequestReporting(double? acrossThreshold)
    {
        Reporting = true;
        if (acrossThreshold is { } t)
        {
            ReportingSubjectFloor = Math.Min(ReportingSubjectFloor, Math.Max(0.05, t));
        }
    }
}
