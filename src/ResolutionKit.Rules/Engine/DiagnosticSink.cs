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

    /// <summary>A rule expression stopped for going over its budget is reported once, and the run goes on without it.</summary>
    public static DiagnosticDescriptor ExpressionStopped { get; } = new(
        "RK0101",
        "Rule expression stopped",
        "The expression of rule {0} was stopped: it {1} (first at {2}); the rule is skipped for the rest of this run, so its findings are incomplete",
        "Engine",
        DiagnosticSeverity.Warning);

    /// <summary>Units all evaluations of one rule expression may spend in one run.</summary>
    public const long UnitsPerRun = 400_000_000;

    private readonly Dictionary<string, (Location Location, string Reason, string Where)> _stopped = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, long> _spent = new(System.StringComparer.Ordinal);

    /// <summary>Whether the rule's expression was stopped in this run.</summary>
    public bool IsStopped(string ruleId) => _stopped.ContainsKey(ruleId);

    /// <summary>Records a stopped expression (the first reason is kept).</summary>
    public void Stop(string ruleId, Location ruleLocation, string reason, string where)
    {
        if (!_stopped.ContainsKey(ruleId))
        {
            _stopped[ruleId] = (ruleLocation, reason, where);
        }
    }

    /// <summary>Adds units spent by a rule; false when the rule has now spent its budget for the run.</summary>
    public bool Spend(string ruleId, long units)
    {
        var total = (_spent.TryGetValue(ruleId, out var t) ? t : 0) + units;
        _spent[ruleId] = total;
        return total <= UnitsPerRun;
    }

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
            .Concat(_stopped.OrderBy(t => t.Key, System.StringComparer.Ordinal).Select(t => Diagnostic.Create(ExpressionStopped, t.Value.Location, t.Key, t.Value.Reason, t.Value.Where)))
            .Distinct().OrderBy(d => d, Comparer<Diagnostic>.Create(Diagnostic.Compare)).ToList();
}
