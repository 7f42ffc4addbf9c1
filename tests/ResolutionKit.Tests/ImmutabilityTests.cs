using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using ResolutionKit.Model;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// The model is immutable, and a test proves it (CONVENTIONS #12): over the public types of the model, diagnostics,
/// fixes and reading namespaces, every class is sealed or abstract, no property has a public setter other than init,
/// no field is writable, and nothing exposes a mutable collection.
/// </summary>
public class ImmutabilityTests
{
    private static readonly string[] Namespaces = { "ResolutionKit.Model", "ResolutionKit.Diagnostics", "ResolutionKit.Fixes", "ResolutionKit.Reading" };

    private static readonly Type[] MutableGenerics =
    {
        typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(HashSet<>),
        typeof(ISet<>), typeof(Queue<>), typeof(Stack<>), typeof(SortedDictionary<,>), typeof(SortedSet<>), typeof(LinkedList<>), typeof(Collection<>),
    };

    private static IEnumerable<Type> PublicTypes() =>
        typeof(Resolution).Assembly.GetExportedTypes().Where(t => Namespaces.Contains(t.Namespace));

    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in PublicTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    private static Type TypeNamed(string name) => PublicTypes().Single(t => t.FullName == name);

    [Fact]
    public void PublicSurface_ShouldCoverTheModelReadingDiagnosticsAndFixes()
    {
        var names = PublicTypes().Select(t => t.Name).ToList();

        Assert.Contains(nameof(Resolution), names);
        Assert.Contains(nameof(Clause), names);
        Assert.Contains("Diagnostic", names);
        Assert.Contains("Fix", names);
        Assert.Contains("ReaderOptions", names);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void PublicClass_ShouldBeSealedOrAbstract(string typeName)
    {
        var type = TypeNamed(typeName);
        if (type.IsClass && !typeof(Delegate).IsAssignableFrom(type))
        {
            Assert.True(type.IsSealed || type.IsAbstract, typeName + " is neither sealed nor abstract");
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void PublicProperty_ShouldHaveNoPublicSetterButInit(string typeName)
    {
        var offenders = TypeNamed(typeName)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name);

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void PublicField_ShouldBeReadOnlyOrConstant(string typeName)
    {
        var type = TypeNamed(typeName);
        if (type.IsEnum)
        {
            return;
        }

        var offenders = type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(f => !f.IsInitOnly && !f.IsLiteral)
            .Select(f => f.Name);

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void PublicMember_ShouldNotExposeAMutableCollection(string typeName)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var type = TypeNamed(typeName);

        var offenders = type.GetProperties(flags).Select(p => (p.Name, p.PropertyType))
            .Concat(type.GetFields(flags).Select(f => (f.Name, f.FieldType)))
            .Concat(type.GetMethods(flags).Where(m => !m.IsSpecialName).Select(m => (m.Name + "()", m.ReturnType)))
            .Where(m => IsMutableCollection(m.Item2))
            .Select(m => m.Item1 + ": " + m.Item2);

        Assert.Empty(offenders);
    }

    /// <summary>
    /// Shared read-only lists must not be arrays or lists underneath: a caller could cast
    /// <c>(Actor[])Actor.WellKnown</c> and change what every other caller sees.
    /// </summary>
    [Theory]
    [MemberData(nameof(TypeNames))]
    public void StaticCollection_ShouldNotBeCastableToAMutableOne(string typeName)
    {
        var type = TypeNamed(typeName);
        if (type.IsGenericTypeDefinition)
        {
            return;
        }

        var offenders = type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(p => typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string) && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Value: p.GetValue(null)))
            .Where(p => p.Value is Array || (p.Value is IList list && !list.IsReadOnly) || (p.Value is not null && IsMutableCollection(p.Value.GetType())))
            .Select(p => p.Name + " is a " + p.Value!.GetType().Name);

        Assert.Empty(offenders);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type t) =>
        t.IsArray || (t.IsGenericType && MutableGenerics.Contains(t.GetGenericTypeDefinition()));
}
