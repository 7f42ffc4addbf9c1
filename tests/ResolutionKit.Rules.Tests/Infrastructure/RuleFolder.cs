using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using ResolutionKit.Testing;

namespace ResolutionKit.Rules.Tests.Infrastructure;

/// <summary>A temporary rule folder written by a test: rule files, a registry/ subfolder, a configuration file.</summary>
public sealed class RuleFolder : IDisposable
{
    /// <summary>A small registry: PP Resolution 71 (latest Rev. Bucharest, 2022), PP-18, PP-22 and PP-26, PP numbers up to 220.</summary>
    public const string SmallRegistry = """
        {
          "instruments": [
            { "body": "PP", "kind": "Resolution", "number": "71", "latest": "Rev. Bucharest, 2022" },
            { "body": "PP", "kind": "Resolution", "number": "123", "latest": "Rev. Bucharest, 2022" },
            { "body": "WTSA", "kind": "Resolution", "number": "18", "latest": "Rev. New Delhi, 2024" }
          ],
          "meetings": [
            { "body": "PP", "place": "Dubai", "year": 2018, "start": "2018-10-29", "shortName": "PP-18" },
            { "body": "PP", "place": "Bucharest", "year": 2022, "start": "2022-09-26", "shortName": "PP-22" },
            { "body": "WTSA", "place": "New Delhi", "year": 2024, "start": "2024-10-15", "shortName": "WTSA-24" },
            { "body": "PP", "place": "Doha", "year": 2026, "start": "2026-11-09", "shortName": "PP-26" }
          ],
          "highestNumbers": { "PP-Resolution": 220 }
        }
        """;

    public RuleFolder(bool withRegistry = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ResolutionKit.Rules.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (withRegistry)
        {
            AddRegistry("registry.json", SmallRegistry);
        }
    }

    public string Path { get; }

    /// <summary>Writes a rule file made by <see cref="RuleJson"/> as <c>{id}.test.json</c>.</summary>
    public RuleFolder Add(JObject rule)
    {
        var id = (string)rule["id"]!;
        return AddFile(id + ".test.json", rule.ToString(Formatting.Indented));
    }

    public RuleFolder AddFile(string name, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), text);
        return this;
    }

    public string FileOf(string name) => System.IO.Path.Combine(Path, name);

    public RuleFolder AddRegistry(string name, string json)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "registry"));
        File.WriteAllText(System.IO.Path.Combine(Path, "registry", name), json);
        return this;
    }

    /// <summary>Writes <c>resolutionkit.json</c> in the folder and reads it.</summary>
    public ResolutionKitConfig Config(string json)
    {
        var path = System.IO.Path.Combine(Path, ResolutionKitConfig.FileName);
        File.WriteAllText(path, json);
        return ResolutionKitConfig.Load(path);
    }

    public RuleSetLoadResult Load(ResolutionKitConfig? config = null, string? expressionCache = null) =>
        RuleSet.Load(new RuleSetOptions { Folders = new[] { Path }, Config = config ?? ResolutionKitConfig.Default.WithAsOf("PP-22"), ExpressionCacheDirectory = expressionCache });

    /// <summary>Loads the folder and fails with every error when it does not load.</summary>
    public RuleSet LoadOrThrow(ResolutionKitConfig? config = null, string? expressionCache = null)
    {
        var result = Load(config, expressionCache);
        return result.RuleSet ?? throw new InvalidOperationException("The rule folder did not load:\n" + string.Join("\n", result.Errors));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Rule files for tests.</summary>
public static class RuleJson
{
    public static JObject Make(
        string id,
        string kind,
        object? parameters = null,
        object? scope = null,
        object? fix = null,
        string message = "{0}",
        string category = "Style",
        string severity = "warning",
        bool? enabled = null)
    {
        var rule = new JObject
        {
            ["id"] = id,
            ["title"] = "Test rule " + id,
            ["category"] = category,
            ["severity"] = severity,
        };
        if (enabled is not null)
        {
            rule["enabled"] = enabled.Value;
        }

        rule["kind"] = kind;
        if (scope is not null)
        {
            rule["scope"] = JObject.FromObject(scope);
        }

        if (parameters is not null)
        {
            rule["params"] = JObject.FromObject(parameters);
        }

        rule["message"] = message;
        if (fix is not null)
        {
            rule["fix"] = JObject.FromObject(fix);
        }

        rule["rationale"] = "A rule written by a test.";
        return rule;
    }
}

/// <summary>Builds one <see cref="RuleSet"/> from rule files and hands out testers for its rules.</summary>
public abstract class KindFixture : IDisposable
{
    private readonly Lazy<RuleSet> _ruleSet;

    protected KindFixture(params JObject[] rules)
    {
        foreach (var rule in rules)
        {
            Folder.Add(rule);
        }

        _ruleSet = new Lazy<RuleSet>(() => Folder.LoadOrThrow(ResolutionKitConfig.Default.WithAsOf(AsOf), ExpressionCache));
    }

    /// <summary>The folder; derived fixtures may add registry files before the first use of <see cref="RuleSet"/>.</summary>
    public RuleFolder Folder { get; } = new();

    protected virtual string? ExpressionCache => null;

    protected virtual string AsOf => "PP-22";

    public RuleSet RuleSet => _ruleSet.Value;

    public RuleTester Tester(params string[] ids) => new(RuleSet, ids);

    public void Dispose() => Folder.Dispose();
}
