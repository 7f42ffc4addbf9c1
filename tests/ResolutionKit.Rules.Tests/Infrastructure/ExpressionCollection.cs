using Xunit;

namespace ResolutionKit.Rules.Tests.Infrastructure;

/// <summary>
/// Tests that compile expression rules with Roslyn. They run one at a time, after the parallel tests, because
/// <c>ExpressionCompiler.CompilationCount</c> and its memory cache are process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExpressionCollection
{
    public const string Name = "Roslyn expressions";
}
