using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
#if NET
using System.Runtime.Loader;
#endif
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResolutionKit.Rules.Expressions;

/// <summary>An error in an expression: the character index in the expression and the message.</summary>
/// <param name="Index">0-based index into the expression text.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ExpressionError(int Index, string Message);

/// <summary>
/// Compiles C# predicates of rule files into delegates: parsed as one expression, checked against an allowlist of
/// types and members by walking the semantic model (no I/O, reflection, processes, threads, network or environment),
/// emitted into a collectible load context (on .NET; on .NET Framework, loaded once per process with
/// <c>Assembly.Load</c>), and cached by content hash in memory and on disk so a second run pays no compile cost.
/// </summary>
public sealed class ExpressionCompiler
{
    private static readonly ConcurrentDictionary<string, Delegate> Memory = new(StringComparer.Ordinal);

    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.String", "System.Char", "System.Math", "System.Int32", "System.Int64", "System.Double", "System.Boolean", "System.Decimal",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Char[]", "System.Nullable<T>", "System.Linq.Enumerable", "System.Collections.Generic.IEnumerable<T>",
        "System.Collections.Generic.IReadOnlyList<T>", "System.Collections.Generic.IReadOnlyCollection<T>", "System.Collections.Immutable.ImmutableArray<T>",
        "System.Collections.Immutable.ImmutableArray<T>.Enumerator", "System.Func<T, TResult>", "System.Func<T1, T2, TResult>", "System.Globalization.CultureInfo",
        "ResolutionKit.Collections.EquatableArray<T>", "ResolutionKit.Analysis.TextSimilarity", "System.Collections.Generic.IEnumerator<T>",
        "System.Collections.Generic.KeyValuePair<TKey, TValue>", "System.Linq.IGrouping<TKey, TElement>", "System.Linq.IOrderedEnumerable<TElement>",
    };

    private static readonly string[] AllowedNamespaces = { "ResolutionKit.Model", "ResolutionKit.Rules.Facts" };

    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal) { "ToString", "Equals", "GetHashCode" };

    /// <summary>
    /// What only compiling needs, kept out of this class's static fields: a run whose expressions all come from the
    /// cache never loads Roslyn (its assemblies are loaded when a method that uses its types is first compiled).
    /// </summary>
    private static class Roslyn
    {
        public static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

        public static readonly SymbolDisplayFormat Format = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.None);
    }

    /// <summary>Creates a compiler.</summary>
    /// <param name="cacheDirectory">Where compiled expressions are kept between runs; null for memory only.</param>
    public ExpressionCompiler(string? cacheDirectory) => CacheDirectory = cacheDirectory;

    /// <summary>The default on-disk cache: a folder under the user's local application data.</summary>
    public static string DefaultCacheDirectory => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } d ? d : Path.GetTempPath(), "ResolutionKit", "expressions");

    /// <summary>
    /// The folder of expressions compiled when the application was built (<c>expressions</c> next to it, written by
    /// <c>reskit rules precompile</c>); consulted after the cache, never written. Empty when there is no such folder.
    /// </summary>
    public static string PrecompiledDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "expressions");

    /// <summary>The on-disk cache folder, or null.</summary>
    public string? CacheDirectory { get; }

    /// <summary>How many expressions were compiled with Roslyn by this process (cache misses).</summary>
    public static int CompilationCount => _compilations;

    private static int _compilations;

    /// <summary>Clears the in-memory cache (the on-disk cache stays).</summary>
    public static void ClearMemoryCache() => Memory.Clear();

    /// <summary>Compiles <paramref name="expression"/> as a predicate over <typeparamref name="T"/> named <paramref name="parameter"/>.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="expression">The C# expression.</param>
    /// <param name="parameter">The parameter name the expression uses.</param>
    /// <param name="errors">Errors, with positions in the expression.</param>
    public Func<T, bool>? Compile<T>(string expression, string parameter, out IReadOnlyList<ExpressionError> errors)
    {
        var list = new List<ExpressionError>();
        errors = list;
        var key = Hash(expression, typeof(T), parameter);
        if (Memory.TryGetValue(key, out var cached))
        {
            return (Func<T, bool>)cached;
        }

        var path = CacheDirectory is null ? null : Path.Combine(CacheDirectory, key + ".dll");
        if (path is not null && File.Exists(path))
        {
            try
            {
                var fromDisk = Load<T>(File.ReadAllBytes(path), key);
                Memory[key] = fromDisk;
                return fromDisk;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException or MissingMethodException)
            {
                // A damaged cache entry: compile again.
            }
        }

        // Expressions compiled when the tool was built (the shipped rules): read-only, next to the application.
        var precompiled = Path.Combine(PrecompiledDirectory, key + ".dll");
        if (PrecompiledDirectory.Length > 0 && File.Exists(precompiled))
        {
            try
            {
                var shipped = Load<T>(File.ReadAllBytes(precompiled), key);
                Memory[key] = shipped;
                return shipped;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException or MissingMethodException)
            {
                // Not usable here: compile.
            }
        }

        if (CheckSize(expression) is { } tooBig)
        {
            list.Add(tooBig);
            return null;
        }

        return CompileWithRoslyn<T>(expression, parameter, key, path, list);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Func<T, bool>? CompileWithRoslyn<T>(string expression, string parameter, string key, string? path, List<ExpressionError> list)
    {

        var parsed = SyntaxFactory.ParseExpression(expression);
        foreach (var d in parsed.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            list.Add(new ExpressionError(d.Location.SourceSpan.Start, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (parsed.FullSpan.End < expression.Length)
        {
            list.Add(new ExpressionError(parsed.FullSpan.End, "Only one C# expression is allowed; unexpected text follows it"));
        }

        if (list.Count > 0)
        {
            return null;
        }

        const string Prefix = "using System; using System.Linq; using ResolutionKit.Model; using ResolutionKit.Rules.Facts;\npublic static class RuleExpression { public static bool Test(";
        var header = Prefix + typeof(T).FullName + " " + parameter + ") =>\n";
        var source = header + expression + "\n;}";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "RuleExpression_" + key.Substring(0, 16),
            new[] { tree },
            Roslyn.References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Disable, deterministic: true));

        var offset = header.Length;
        foreach (var d in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            list.Add(new ExpressionError(Math.Max(0, Math.Min(expression.Length, d.Location.SourceSpan.Start - offset)), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (list.Count > 0)
        {
            return null;
        }

        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var body = root.DescendantNodes().OfType<ArrowExpressionClauseSyntax>().First().Expression;
        CheckAllowed(body, model, offset, list);
        if (list.Count > 0)
        {
            return null;
        }

        // The checked expression is compiled with a meter in every lambda, sequence and computed string (see ExpressionMeter).
        var metered = new MeterRewriter(model).Visit(body)!.ToFullString();
        var meteredTree = CSharpSyntaxTree.ParseText(header + metered + "\n;}", new CSharpParseOptions(LanguageVersion.Latest));
        compilation = compilation.ReplaceSyntaxTree(tree, meteredTree);

        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            list.AddRange(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => new ExpressionError(0, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
            return null;
        }

        System.Threading.Interlocked.Increment(ref _compilations);
        var bytes = stream.ToArray();
        if (path is not null)
        {
            try
            {
                Directory.CreateDirectory(CacheDirectory!);
                var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllBytes(temp, bytes);
                Internal.Compat.MoveOver(temp, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The cache is an optimisation; a read-only disk only costs a compile next time.
            }
        }

        var compiled = Load<T>(bytes, key);
        Memory[key] = compiled;
        return compiled;
    }

    private static Func<T, bool> Load<T>(byte[] bytes, string key)
    {
#if NET
        // Collectible: a rule set reloaded in a long-running host (an editor) lets its old expressions go.
        var context = new AssemblyLoadContext("ResolutionKit.Expression." + key.Substring(0, 16), isCollectible: true);
        using var stream = new MemoryStream(bytes);
        var assembly = context.LoadFromStream(stream);
#else
        // .NET Framework and other netstandard2.0 hosts have no collectible contexts: each distinct expression is loaded
        // once per process (the memory cache is keyed by content, so reloading a rule set loads nothing again), and
        // its references to this library are resolved to the copies already loaded, wherever the host loaded them from.
        LoadedAssemblyResolver.Install();
        var assembly = Assembly.Load(bytes);
#endif
        var method = assembly.GetType("RuleExpression")?.GetMethod("Test", BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException("RuleExpression", "Test");
        return (Func<T, bool>)method.CreateDelegate(typeof(Func<T, bool>));
    }

    private static void CheckAllowed(ExpressionSyntax body, SemanticModel model, int offset, List<ExpressionError> errors)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            var at = node.SpanStart - offset;
            switch (node)
            {
                case AssignmentExpressionSyntax:
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                    errors.Add(new ExpressionError(at, "A rule expression may not assign or change anything"));
                    continue;
                case TypeOfExpressionSyntax:
                case RefExpressionSyntax:
                case StackAllocArrayCreationExpressionSyntax:
                case AwaitExpressionSyntax:
                case AnonymousMethodExpressionSyntax:
                case MakeRefExpressionSyntax:
                case RefTypeExpressionSyntax:
                case RefValueExpressionSyntax:
                case DefaultExpressionSyntax:
                case CheckedExpressionSyntax:
                case SizeOfExpressionSyntax:
                case PointerTypeSyntax:
                case FunctionPointerTypeSyntax:
                    errors.Add(new ExpressionError(at, $"'{node.ToString()}' is not allowed in a rule expression"));
                    continue;
                case ArrayCreationExpressionSyntax array when array.Type.RankSpecifiers.SelectMany(r => r.Sizes).Any(size => size is not OmittedArraySizeExpressionSyntax):
                    errors.Add(new ExpressionError(at, "An array of a given size is not allowed in a rule expression; list the elements: new[] { ... }"));
                    continue;
                case ThrowExpressionSyntax:
                    errors.Add(new ExpressionError(at, "'throw' is not allowed in a rule expression"));
                    continue;
                case LambdaExpressionSyntax lambda when lambda.Body is BlockSyntax:
                    errors.Add(new ExpressionError(at, "Only expression lambdas (x => ...) are allowed, not statement blocks"));
                    continue;
            }

            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null)
            {
                continue;
            }

            // A member access, its invocation and its name all bind to the same symbol: report it once, where it starts.
            var problem = Check(symbol);
            if (problem is not null && !errors.Any(e => e.Message == problem))
            {
                errors.Add(new ExpressionError(at, problem));
            }
        }
    }

    /// <summary>The longest expression and the deepest nesting compiled; larger ones are refused before Roslyn sees them.</summary>
    public const int MaxLength = 8_000;

    /// <summary>The deepest nesting of brackets compiled.</summary>
    public const int MaxDepth = 64;

    private static ExpressionError? CheckSize(string expression)
    {
        if (expression.Length > MaxLength)
        {
            return new ExpressionError(MaxLength, FormattableString.Invariant($"The expression is {expression.Length:N0} characters long; rule expressions are limited to {MaxLength:N0} (split the rule, or use a rule kind)"));
        }

        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return new ExpressionError(i, $"The expression nests brackets more than {MaxDepth} deep; rule expressions are limited to {MaxDepth}");
                    }

                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    /// <summary>Adds the meter: a stack check and a step in every lambda, metered sequences and strings.</summary>
    private sealed class MeterRewriter : CSharpSyntaxRewriter
    {
        private const string Meter = "global::ResolutionKit.Rules.Expressions.ExpressionMeter";
        private readonly SemanticModel _model;

        public MeterRewriter(SemanticModel model) => _model = model;

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
        {
            var body = (ExpressionSyntax)Visit(node.ExpressionBody!)!;
            return node.ExpressionBody is ThrowExpressionSyntax ? node : node.WithExpressionBody(null).WithArrowToken(node.ArrowToken).WithBlock(Block(body));
        }

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
        {
            var body = (ExpressionSyntax)Visit(node.ExpressionBody!)!;
            return node.WithExpressionBody(null).WithBlock(Block(body));
        }

        public override SyntaxNode? Visit(SyntaxNode? node)
        {
            var result = base.Visit(node);
            if (node is not (InvocationExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax or QueryExpressionSyntax or ConditionalAccessExpressionSyntax)
                || result is not ExpressionSyntax rewritten || InsideConditionalAccess(node))
            {
                return result;
            }

            if (node is InvocationExpressionSyntax invocation && _model.GetSymbolInfo(invocation).Symbol is IMethodSymbol
                {
                    Name: "Replace", IsStatic: false, ContainingType.SpecialType: SpecialType.System_String, Parameters: [{ Type.SpecialType: SpecialType.System_String }, { Type.SpecialType: SpecialType.System_String }],
                } && rewritten is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
            {
                return Wrap("Replace", access.Expression, call.ArgumentList.Arguments[0].Expression, call.ArgumentList.Arguments[1].Expression);
            }

            var type = _model.GetTypeInfo(node).Type;
            if (type?.SpecialType == SpecialType.System_String)
            {
                return Wrap("S", rewritten);
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T })
            {
                return Wrap("E", rewritten);
            }

            return result;
        }

        private static bool InsideConditionalAccess(SyntaxNode node)
        {
            for (var (child, parent) = (node, node.Parent); parent is not null; (child, parent) = (parent, parent.Parent))
            {
                if (parent is ArgumentSyntax or LambdaExpressionSyntax or ParenthesizedExpressionSyntax)
                {
                    return false;
                }

                if (parent is ConditionalAccessExpressionSyntax ca && ca.WhenNotNull == child)
                {
                    return true;
                }
            }

            return false;
        }

        private static ExpressionSyntax Wrap(string method, params ExpressionSyntax[] arguments) =>
            SyntaxFactory.ParseExpression($"{Meter}.{method}({string.Join(", ", arguments.Select(a => a.ToFullString()))})");

        private static BlockSyntax Block(ExpressionSyntax body) =>
            (BlockSyntax)SyntaxFactory.ParseStatement($"{{ {Meter}.Enter(); return {body.ToFullString()}; }}");
    }

    private static string? Check(ISymbol symbol)
    {
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or IDiscardSymbol or ILabelSymbol:
                return null;
            case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod or MethodKind.BuiltinOperator }:
                return null;
            case IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String } m when m.MethodKind == MethodKind.Constructor || m.Name is "PadLeft" or "PadRight" or "Create":
                return $"'{symbol.ToDisplayString()}' is not allowed in a rule expression: it builds a string of any length";
            case INamespaceSymbol:
                return null;
            case IDynamicTypeSymbol:
                return "'dynamic' is not allowed in a rule expression";
            case ITypeSymbol type:
                return TypeAllowed(type) ? null : $"The type '{type.ToDisplayString()}' is not allowed in a rule expression (allowed: strings, numbers, LINQ, the ResolutionKit model and facts)";
            default:
                var containing = symbol.ContainingType;
                if (containing is null)
                {
                    return $"'{symbol.ToDisplayString()}' is not allowed in a rule expression";
                }

                if (containing.SpecialType == SpecialType.System_Object || containing.ToDisplayString(Roslyn.Format) == "System.ValueType")
                {
                    return ObjectMembers.Contains(symbol.Name) ? null : $"'{symbol.ToDisplayString()}' is not allowed in a rule expression";
                }

                if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
                {
                    containing = reduced.ContainingType;
                }

                return TypeAllowed(containing) ? null : $"'{symbol.ToDisplayString()}' is not allowed in a rule expression: '{containing.ToDisplayString()}' is outside the allowlist (no I/O, reflection, processes, threads, network or environment)";
        }
    }

    private static bool TypeAllowed(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return TypeAllowed(array.ElementType);
            case ITypeParameterSymbol:
                return true;
            case INamedTypeSymbol named:
                if (named.SpecialType is SpecialType.System_Object or SpecialType.System_Void)
                {
                    return true;
                }

                if (named.IsAnonymousType || named.IsTupleType)
                {
                    return named.TupleElements.IsDefaultOrEmpty || named.TupleElements.All(e => TypeAllowed(e.Type));
                }

                var definition = named.OriginalDefinition.ToDisplayString(Roslyn.Format);
                if (AllowedTypes.Contains(definition) || named.TypeKind == TypeKind.Enum && AllowedNamespaces.Contains(named.ContainingNamespace?.ToDisplayString()))
                {
                    return named.TypeArguments.All(TypeAllowed);
                }

                var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                return AllowedNamespaces.Contains(ns) && named.TypeArguments.All(TypeAllowed);
            default:
                return false;
        }
    }

    private static string Hash(string expression, Type type, string parameter)
    {
        var version = typeof(ExpressionCompiler).Assembly.ManifestModule.ModuleVersionId + "|" + typeof(Model.Resolution).Assembly.ManifestModule.ModuleVersionId;
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(version + "|" + type.FullName + "|" + parameter + "|" + expression));
        return string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static MetadataReference[] LoadReferences()
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Runtime.dll", "System.Private.CoreLib.dll", "System.Linq.dll", "System.Collections.dll", "System.Collections.Immutable.dll", "netstandard.dll",
            "System.Runtime.Extensions.dll", "System.Globalization.dll",
        };
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator);
        var paths = tpa.Length > 1 ? tpa.Where(p => wanted.Contains(Path.GetFileName(p))).ToList() : LoadedFrameworkAssemblies();
        paths.Add(typeof(Model.Resolution).Assembly.Location);
        paths.Add(typeof(ExpressionCompiler).Assembly.Location);
        return paths.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }

    /// <summary>
    /// The framework assemblies to compile against where the runtime lists none (.NET Framework): the core library,
    /// LINQ, the immutable collections and the netstandard facade, from where the host loaded them.
    /// </summary>
    internal static List<string> LoadedFrameworkAssemblies()
    {
        var paths = new List<string>
        {
            typeof(object).Assembly.Location,
            typeof(Enumerable).Assembly.Location,
            typeof(System.Collections.Immutable.ImmutableArray).Assembly.Location,
            typeof(Uri).Assembly.Location,
        };
        foreach (var name in new[] { "netstandard", "System.Runtime" })
        {
            try
            {
                paths.Add(Assembly.Load(new AssemblyName(name)).Location);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // Not every runtime has the facade; the core library then defines everything.
            }
        }

        return paths;
    }
}

#if !NET
/// <summary>Resolves the references of loaded expression assemblies to the assemblies the host already loaded.</summary>
internal static class LoadedAssemblyResolver
{
    private static int _installed;

    public static void Install()
    {
        if (System.Threading.Interlocked.Exchange(ref _installed, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
            {
                var wanted = new AssemblyName(e.Name);
                return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(wanted, a.GetName()) && a.GetName().Name == wanted.Name);
            };
        }
    }
}
#endif
