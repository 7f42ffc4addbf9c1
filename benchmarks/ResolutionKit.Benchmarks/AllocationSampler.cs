using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace ResolutionKit.Benchmarks;

/// <summary>
/// Samples allocations by type through the runtime's allocation-tick events (one event per about 100 KB allocated, so
/// the counts are proportional to bytes): which types a phase allocates most, without a profiler.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick at verbose level
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    /// <summary>The types sampled since the last call, most bytes first, and forgets them.</summary>
    public List<(string Type, long Bytes)> Take(int top)
    {
        var list = _bytes.Select(kv => (kv.Key, kv.Value)).OrderByDescending(x => x.Value).Take(top).ToList();
        _bytes.Clear();
        return list;
    }
}
