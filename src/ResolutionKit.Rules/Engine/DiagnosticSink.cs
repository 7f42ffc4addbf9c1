using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Diagnostics;

namespace ResolutionKit.Rules.Engine;

/// <summary>
/// Where rule actions record findings, keyed by rule and match. NRules activations set entries and deactivations
/// (a fact retracted or changed) remove them, so the sink always holds the findings of the current facts.
/// </summary>
internal sealed class DiagnosticSink
{
    private static readonly System.Threading.AsyncLocal<DiagnosticSink?> CurrentSink = new();

    /// <summary>A user pattern abandoned after its time-out is reported once per rule, so nobody trusts an incomplete result.</summary>
    public static DiagnosticDescriptor PatternTimedOut { get; } = new(
        "RK0100",
        "Rule pattern timed out",
        "The pattern of rule {0} took longer than its time-out on {1} text(s) and was abandoned there; that rule's findings may be incomplete",
        "Engine",
        DiagnosticSeverity.Warning);

    private readonly Dictionary<(int Rule, string Key), Diagnostic[]> _entries = new();
    private readonly Dictionary<string, (Location Location, int Count)> _timeouts = new(System.StringComparer.Ordinal);

    /// <summary>The sink of the session whose facts are being inserted or fired on this thread.</summary>
    public static DiagnosticSink? Current
    {
        get => CurrentSink.Value;
        set => CurrentSink.Value = value;
    }

    public void TimedOut(string ruleId, Location ruleLocation) =>
        _timeouts[ruleId] = _timeouts.TryGetValue(ruleId, out var t) ? (t.Location, t.Count + 1) : (ruleLocation, 1);

    private readonly List<Diagnostic> _added = new();
    private readonly List<Diagnostic> _removed = new();

    /// <summary>Increases whenever the findings change, so callers can cache what they derive from a snapshot.</summary>
    public int Version { get; private set; }

    public void Set(int rule, string key, IEnumerable<Diagnostic> diagnostics)
    {
        var array = diagnostics.ToArray();
        Remove(rule, key);
        if (array.Length > 0)
        {
            _entries[(rule, key)] = array;
            _added.AddRange(array);
            Version++;
        }
    }

    public void Remove(int rule, string key)
    {
        if (_entries.TryGetValue((rule, key), out var old))
        {
            _entries.Remove((rule, key));
            _removed.AddRange(old);
            Version++;
        }
    }

    /// <summary>The findings that appeared and disappeared since the last call (a finding set again unchanged cancels out).</summary>
    public (List<Diagnostic> Added, List<Diagnostic> Removed) TakeDelta()
    {
        var added = new List<Diagnostic>(_added);
        var removed = new List<Diagnostic>();
        foreach (var d in _removed)
        {
            var i = added.IndexOf(d);
            if (i >= 0)
            {
                added.RemoveAt(i);
            }
            else
            {
                removed.Add(d);
            }
        }

        _added.Clear();
        _removed.Clear();
        return (added, removed);
    }

    public IReadOnlyList<Diagnostic> Snapshot() =>
        _entries.Values.SelectMany(d => d)
            .Concat(_timeouts.OrderBy(t => t.Key, System.StringComparer.Ordinal).Select(t => Diagnostic.Create(PatternTimedOut, t.Value.Location, t.Key, t.Value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Distinct().OrderBy(d => d, Comparer<Diagnostic>.Create(Diagnostic.Compare)).ToList();
}
