using System;
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

    public void RequestSimilarity(double threshold) => SimilarityFloor = Math.Min(SimilarityFloor, threshold);

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
