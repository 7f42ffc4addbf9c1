using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ResolutionKit.Rules.Loading;

namespace ResolutionKit.Rules.Kinds;

/// <summary>Reads and validates a rule's parameters, recording errors with their file, line and column.</summary>
internal sealed class KindContext
{
    public KindContext(RuleDefinition rule, List<RuleLoadError> errors, RuleEnvironment environment)
    {
        Rule = rule;
        Errors = errors;
        Environment = environment;
    }

    public RuleDefinition Rule { get; }

    public List<RuleLoadError> Errors { get; }

    public RuleEnvironment Environment { get; }

    public bool HasErrors { get; private set; }

    public JObject Params => Rule.Parameters;

    public void Error(JToken? token, string message)
    {
        HasErrors = true;
        Errors.Add(new RuleLoadError(Rule.Source.Path, Rule.Source.Locate(token ?? Rule.Json), $"{Rule.Id}: {message}"));
    }

    public void ErrorAt(JToken token, int index, string message)
    {
        HasErrors = true;
        Errors.Add(new RuleLoadError(Rule.Source.Path, Rule.Source.LocateInString(token, index), $"{Rule.Id}: {message}"));
    }

    public void CheckKnown(JObject obj, params string[] names)
    {
        foreach (var p in obj.Properties())
        {
            if (!names.Contains(p.Name))
            {
                Error(p, $"unknown parameter \"{p.Name}\" for kind \"{Rule.Kind}\" (expected: {string.Join(", ", names)})");
            }
        }
    }

    public string? String(string name, bool required = false, JObject? from = null)
    {
        var obj = from ?? Params;
        var t = obj[name];
        if (t is null || t.Type == JTokenType.Null)
        {
            if (required)
            {
                Error(obj, $"missing parameter \"{name}\"");
            }

            return null;
        }

        if (t.Type != JTokenType.String)
        {
            Error(t, $"parameter \"{name}\" must be a string");
            return null;
        }

        return (string)t!;
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = String(name) ?? fallback;
        if (!allowed.Contains(value))
        {
            Error(Params[name], $"parameter \"{name}\" must be one of {string.Join(", ", allowed.Select(a => "\"" + a + "\""))}, not \"{value}\"");
            return fallback;
        }

        return value;
    }

    public double Number(string name, double fallback, double min, double max, JObject? from = null)
    {
        var t = (from ?? Params)[name];
        if (t is null)
        {
            return fallback;
        }

        if (t.Type != JTokenType.Integer && t.Type != JTokenType.Float)
        {
            Error(t, $"parameter \"{name}\" must be a number");
            return fallback;
        }

        var v = (double)t;
        if (v < min || v > max)
        {
            Error(t, $"parameter \"{name}\" must be between {min} and {max}");
            return fallback;
        }

        return v;
    }

    public bool Bool(string name, bool fallback, JObject? from = null)
    {
        var t = (from ?? Params)[name];
        if (t is null)
        {
            return fallback;
        }

        if (t.Type != JTokenType.Boolean)
        {
            Error(t, $"parameter \"{name}\" must be true or false");
            return fallback;
        }

        return (bool)t;
    }

    /// <summary>
    /// A parameter that may be given once for every language (a string) or per language (an object keyed by language
    /// code: <c>{"en": "...", "fr": "..."}</c>). A language with no value is not judged.
    /// </summary>
    public Localized<string>? LocalizedString(string name, bool required, JObject? from = null)
    {
        var obj = from ?? Params;
        var t = obj[name];
        if (t is JObject byLanguage)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in byLanguage.Properties())
            {
                if (p.Value.Type != JTokenType.String)
                {
                    Error(p.Value, $"parameter \"{name}\" for \"{p.Name}\" must be a string");
                }
                else if (!System.Text.RegularExpressions.Regex.IsMatch(p.Name, "^[a-z]{2,3}$"))
                {
                    Error(p, $"\"{p.Name}\" is not a language code (en, fr, es, ru, ar, zh, ...)");
                }
                else
                {
                    values[p.Name] = (string)p.Value!;
                }
            }

            if (values.Count == 0)
            {
                Error(t, $"parameter \"{name}\" must give a value for at least one language");
                return null;
            }

            return new Localized<string>(values, null);
        }

        var text = String(name, required, obj);
        return text is null ? null : new Localized<string>(new Dictionary<string, string>(), text);
    }

    /// <summary>A pattern given once or per language, each compiled with a match timeout; errors point into the file.</summary>
    public Localized<Regex>? LocalizedRegex(string name, bool required, bool ignoreCase, JObject? from = null)
    {
        var obj = from ?? Params;
        var texts = LocalizedString(name, required, obj);
        if (texts is null)
        {
            return null;
        }

        var token = obj[name]!;
        var compiled = new Dictionary<string, Regex>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in texts.Languages)
        {
            if (CompilePattern(token is JObject o ? o[language]! : token, texts.For(language)!, ignoreCase) is { } regex)
            {
                compiled[language] = regex;
            }
        }

        Regex? any = null;
        if (texts.ForAnyLanguage is { } all)
        {
            any = CompilePattern(token, all, ignoreCase);
        }

        return new Localized<Regex>(compiled, any);
    }

    /// <summary>Compiles a user pattern with a match timeout, so that a bad pattern cannot hang a CI job.</summary>
    public Regex? Regex(string name, bool required, bool ignoreCase, JObject? from = null)
    {
        var obj = from ?? Params;
        var text = String(name, required, obj);
        if (text is null)
        {
            return null;
        }

        return CompilePattern(obj[name]!, text, ignoreCase);
    }

    public Regex? CompilePattern(JToken token, string text, bool ignoreCase)
    {
        try
        {
            // Compiled to IL only when asked (large corpora): compiling the shipped patterns costs about half a second
            // (a cold check of one file: 0.9 s interpreted, 1.4 s compiled) and saves about a third per clause.
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None)
                | (Environment.CompilePatterns ? RegexOptions.Compiled : RegexOptions.None);
            return new ScreenedRegex(text, options, Environment.RegexTimeout);
        }
#if NET
        catch (RegexParseException e)
        {
            ErrorAt(token, e.Offset > 0 ? e.Offset - 1 : 0, "invalid pattern: " + e.Error + " at offset " + e.Offset);
            return null;
        }
#endif
        catch (ArgumentException e)
        {
            Error(token, "invalid pattern: " + e.Message);
            return null;
        }
    }
}

/// <summary>A rule parameter given once for every language or per language.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class Localized<T>
    where T : class
{
    private readonly Dictionary<string, T> _byLanguage;

    public Localized(Dictionary<string, T> byLanguage, T? forAnyLanguage)
    {
        _byLanguage = byLanguage;
        ForAnyLanguage = forAnyLanguage;
    }

    /// <summary>The value for every language not listed, when one was given.</summary>
    public T? ForAnyLanguage { get; }

    /// <summary>The languages given their own value.</summary>
    public IEnumerable<string> Languages => _byLanguage.Keys;

    /// <summary>The value for a language, or null when the parameter says nothing for it (the rule does not judge it).</summary>
    public T? For(string language) => _byLanguage.TryGetValue(language, out var v) ? v : ForAnyLanguage;

    public Localized<TOut> Select<TOut>(Func<T, TOut> map)
        where TOut : class =>
        new(_byLanguage.ToDictionary(p => p.Key, p => map(p.Value), StringComparer.OrdinalIgnoreCase), ForAnyLanguage is null ? null : map(ForAnyLanguage));
}
