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
    private readonly Dictionary<(int Rule, string Key), Diagnostic[]> _entries = new();

    public void Set(int rule, string key, IEnumerable<Diagnostic> diagnostics)
    {
        var array = diagnostics.ToArray();
        if (array.Length == 0)
        {
            _entries.Remove((rule, key));
        }
        else
        {
            _entries[(rule, key)] = array;
        }
    }

    public void Remove(int rule, string key) => _entries.Remove((rule, key));

    public IReadOnlyList<Diagnostic> Snapshot() =>
        _entries.Values.SelectMany(d => d).Distinct().OrderBy(d => d, Comparer<Diagnostic>.Create(Diagnostic.Compare)).ToList();
}
