using System;
using System.Collections.Generic;
using System.Linq;
using NRules;
using ResolutionKit.Collections;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Rules.Engine;
using ResolutionKit.Rules.Facts;

namespace ResolutionKit.Rules;

/// <summary>The diagnostics that appeared and disappeared after an edit.</summary>
/// <param name="Added">Diagnostics that appeared.</param>
/// <param name="Removed">Diagnostics that disappeared.</param>
public sealed record DiagnosticDelta(IReadOnlyList<Diagnostic> Added, IReadOnlyList<Diagnostic> Removed)
{
    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}

/// <summary>
/// A long-lived analysis for drafting tools: replace a clause or a resolution and get back the diagnostics that
/// appeared and disappeared. Only the facts of the changed resolution (and derived facts that involve it) go through
/// the NRules network again; its activations and deactivations keep the findings current.
/// </summary>
public sealed class IncrementalSession
{
    private readonly RuleSet _rules;
    private readonly DiagnosticSink _sink = new();
    private readonly ISession _session;
    private readonly FactBuilder _facts;
    private readonly Dictionary<string, Resolution> _resolutions = new(StringComparer.Ordinal);
    private readonly Dictionary<FactKey, Fact> _inSession = new();
    private IReadOnlyList<Diagnostic>? _current;
    private IReadOnlyList<Diagnostic> _suppressed = Array.Empty<Diagnostic>();
    private int _version = -1;

    /// <summary>How many facts go into the engine at once (see <see cref="InsertInSlices"/>).</summary>
    internal const int InsertSlice = 256;

    /// <summary>
    /// Inserts facts a slice at a time, in the order given (the builder's: a resolution's facts together). The engine
    /// runs each rule's condition over a whole batch before it runs the next rule's, so a batch of a whole corpus reads
    /// every clause text from memory once per rule; a slice of a few hundred facts stays in the processor's cache while
    /// all the rules look at it. A check of 1,000 resolutions spends a quarter less in the insert, with the same
    /// findings (the facts, the network and the activations are the same; only the order the conditions run in differs).
    /// </summary>
    /// <param name="session">The NRules session.</param>
    /// <param name="facts">The facts, none of them in the session yet.</param>
    internal static void InsertInSlices(ISession session, IReadOnlyList<object> facts)
    {
        if (facts.Count <= InsertSlice)
        {
            if (facts.Count > 0)
            {
                session.InsertAll(facts);
            }

            return;
        }

        var slice = new List<object>(InsertSlice);
        foreach (var fact in facts)
        {
            slice.Add(fact);
            if (slice.Count == InsertSlice)
            {
                session.InsertAll(slice);
                slice = new List<object>(InsertSlice);
            }
        }

        if (slice.Count > 0)
        {
            session.InsertAll(slice);
        }
    }

    internal IncrementalSession(RuleSet rules, IEnumerable<Resolution> resolutions)
    {
        _rules = rules;
        _session = rules.CreateNRulesSession(_sink);
        _facts = rules.CreateFactBuilder();
        // One resolution per address (the last given): an incremental session tracks one version of each text.
        var unique = new Dictionary<string, Resolution>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in resolutions)
        {
            if (!unique.ContainsKey(r.Address))
            {
                order.Add(r.Address);
            }

            unique[r.Address] = r;
        }

        Apply(order.Select(a => unique[a]).ToList(), Array.Empty<string>());
    }

    /// <summary>The resolutions, by address.</summary>
    public IReadOnlyDictionary<string, Resolution> Resolutions => _resolutions;

    /// <summary>The current diagnostics (after configuration, suppressions and baseline), in file and position order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            Refresh();
            return _current!;
        }
    }

    /// <summary>The current diagnostics hidden by a suppression or the baseline.</summary>
    public IReadOnlyList<Diagnostic> Suppressed
    {
        get
        {
            Refresh();
            return _suppressed;
        }
    }

    /// <summary>Sorting every finding is only done when someone asks for all of them, not after each edit.</summary>
    private void Refresh()
    {
        if (_current is null || _version != _sink.Version)
        {
            (_current, _suppressed) = _rules.Config.Filter(_rules.ReportOnce(_sink.Snapshot()));
            _version = _sink.Version;
        }
    }

    /// <summary>Replaces (or adds) a resolution.</summary>
    /// <param name="resolution">The new version.</param>
    public DiagnosticDelta ReplaceResolution(Resolution resolution) => Apply(new[] { resolution }, Array.Empty<string>());

    /// <summary>Removes a resolution.</summary>
    /// <param name="address">Its address, e.g. <c>PP-191</c>.</param>
    public DiagnosticDelta RemoveResolution(string address) => Apply(Array.Empty<Resolution>(), new[] { address });

    /// <summary>Replaces the text of one clause, addressed as in diagnostics (<c>PP-191/resolves/2</c>).</summary>
    /// <param name="address">The clause address.</param>
    /// <param name="text">The new text.</param>
    public DiagnosticDelta ReplaceClause(string address, string text)
    {
        var slash = address.IndexOf('/');
        var resolutionAddress = slash < 0 ? address : address.Substring(0, slash);
        if (!_resolutions.TryGetValue(resolutionAddress, out var resolution))
        {
            throw new ArgumentException($"No resolution {resolutionAddress} in this session", nameof(address));
        }

        var node = resolution.Clauses().FirstOrDefault(c => c.Address == address)
            ?? throw new ArgumentException($"No clause {address} in {resolutionAddress}", nameof(address));
        return ReplaceResolution(ReplaceClauseText(resolution, node, text));
    }

    internal static Resolution ReplaceClauseText(Resolution resolution, ClauseNode node, string text)
    {
        Clause Replace(Clause clause, int depth) =>
            depth == node.Path.Count - 1
                ? clause with { Text = text, TextMap = null }
                : clause with { SubClauses = clause.SubClauses.SetItem(node.Path[depth + 1], Replace(clause.SubClauses[node.Path[depth + 1]], depth + 1)) };

        var group = node.Group.Group;
        var newGroup = group with { Clauses = group.Clauses.SetItem(node.Path[0], Replace(group.Clauses[node.Path[0]], 0)) };
        return group.Part == Part.Preamble
            ? resolution with { Preamble = resolution.Preamble.SetItem(node.Group.Index, newGroup) }
            : resolution with { Operative = resolution.Operative.SetItem(node.Group.Index, newGroup) };
    }

    private DiagnosticDelta Apply(IReadOnlyList<Resolution> changed, IReadOnlyList<string> removed)
    {
        foreach (var r in changed)
        {
            _resolutions[r.Address] = r;
        }

        foreach (var a in removed)
        {
            _resolutions.Remove(a);
        }

        _facts.Set(changed, removed);
        var next = _facts.Facts;
        var toRetract = new List<object>();
        var toInsert = new List<object>();
        // In the order the builder changed them (deterministic): findings are sorted when they are read, so the
        // keys need no global sort.
        foreach (var key in _facts.Changed)
        {
            _inSession.TryGetValue(key, out var old);
            next.TryGetValue(key, out var fresh);
            if (old is null && fresh is not null)
            {
                toInsert.Add(fresh);
                _inSession[key] = fresh;
            }
            else if (old is not null && fresh is null)
            {
                toRetract.Add(old);
                _inSession.Remove(key);
            }
            else if (old is not null && fresh is not null && !ReferenceEquals(old, fresh))
            {
                if (old.SameContent(fresh))
                {
                    next[key] = old; // keep the fact NRules knows
                }
                else
                {
                    toRetract.Add(old);
                    toInsert.Add(fresh);
                    _inSession[key] = fresh;
                }
            }
        }

        DiagnosticSink.Current = _sink;
        try
        {
            if (toRetract.Count > 0)
            {
                _session.RetractAll(toRetract);
            }

            InsertInSlices(_session, toInsert);

            _session.Fire();
        }
        finally
        {
            DiagnosticSink.Current = null;
        }
        var (added, gone) = _sink.TakeDelta();
        var visibleAdded = _rules.Config.Filter(added).Visible;
        var visibleGone = _rules.Config.Filter(gone).Visible;
        var order = Comparer<Diagnostic>.Create(Diagnostic.Compare);
        return new DiagnosticDelta(visibleAdded.OrderBy(d => d, order).ToList(), visibleGone.OrderBy(d => d, order).ToList());
    }
}
