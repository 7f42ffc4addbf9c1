using System;
using System.IO;
using ResolutionKit.Rules.Expressions;
using ResolutionKit.Rules.Tests.Infrastructure;
using ResolutionKit.Testing;
using Xunit;

namespace ResolutionKit.Rules.Tests;

/// <summary>Expression rules are compiled once: cached in memory by content hash, and on disk between runs.</summary>
[Collection(ExpressionCollection.Name)]
public sealed class ExpressionCacheTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "ResolutionKit.Rules.Tests", "cache-" + Guid.NewGuid().ToString("N"));

    /// <summary>An expression text no earlier run has compiled (the comment makes its hash unique).</summary>
    private static RuleFolder FolderWithUniqueExpression() =>
        new RuleFolder().Add(RuleJson.Make("RK9951", "expression", new { on = "clause", predicate = $"clause.Part == Part.Operative /* {Guid.NewGuid():N} */" }, message: "{0}"));

    [Fact]
    public void SameExpressionLoadedTwice_ShouldCompileOnce()
    {
        using var folder = FolderWithUniqueExpression();
        var before = ExpressionCompiler.CompilationCount;

        folder.LoadOrThrow(expressionCache: _cache);
        var afterFirst = ExpressionCompiler.CompilationCount;
        folder.LoadOrThrow(expressionCache: _cache);

        Assert.Equal(before + 1, afterFirst);
        Assert.Equal(afterFirst, ExpressionCompiler.CompilationCount);
    }

    [Fact]
    public void FreshMemoryCacheWithSameDiskCache_ShouldNotCompileAgain()
    {
        using var folder = FolderWithUniqueExpression();
        folder.LoadOrThrow(expressionCache: _cache);
        var afterFirst = ExpressionCompiler.CompilationCount;
        ExpressionCompiler.ClearMemoryCache();

        var ruleSet = folder.LoadOrThrow(expressionCache: _cache);

        Assert.Equal(afterFirst, ExpressionCompiler.CompilationCount);
        new RuleTester(ruleSet, "RK9951").Verify(Texts.Pp("noting\nthe report,\n\nresolves\n[|to act.|]\n"));
    }

    [Fact]
    public void FreshMemoryCacheWithEmptyDiskCache_ShouldCompileAgain()
    {
        using var folder = FolderWithUniqueExpression();
        folder.LoadOrThrow(expressionCache: _cache);
        var afterFirst = ExpressionCompiler.CompilationCount;
        ExpressionCompiler.ClearMemoryCache();

        folder.LoadOrThrow(expressionCache: _cache + "-other");

        Assert.Equal(afterFirst + 1, ExpressionCompiler.CompilationCount);
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _cache, _cache + "-other" })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
