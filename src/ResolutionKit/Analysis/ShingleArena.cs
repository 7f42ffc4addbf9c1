using System;
using System.Collections.Generic;

namespace ResolutionKit.Analysis;

/// <summary>
/// Where the shingles of a corpus are kept: sets side by side in blocks of a megabyte, each set a segment of a block.
/// A block is a large object, which the garbage collector never copies; tens of thousands of small arrays, one per
/// clause, were copied at every collection that found them alive (a check of 1,000 resolutions holds 40,000 of them
/// while it builds its facts). A set larger than a block gets an array of its own. Not thread-safe.
/// </summary>
internal sealed class ShingleArena
{
    /// <summary>Shingles per block: 1 MB, above the large-object threshold (85,000 bytes).</summary>
    public const int BlockLength = 1 << 17;

    private readonly List<long[]> _blocks = new();
    private long[]? _current;
    private int _used;

    /// <summary>The blocks taken so far (for tests).</summary>
    public int Blocks => _blocks.Count;

    /// <summary>Copies the first <paramref name="count"/> values of <paramref name="values"/> into the arena.</summary>
    /// <param name="values">The values.</param>
    /// <param name="count">How many.</param>
    /// <returns>Where they are now.</returns>
    public ArraySegment<long> Add(long[] values, int count)
    {
        if (count == 0)
        {
            return new ArraySegment<long>(Array.Empty<long>());
        }

        if (count > BlockLength / 4)
        {
            // A very long text: its own array, so that a block is not left mostly empty.
            var own = new long[count];
            Array.Copy(values, own, count);
            return new ArraySegment<long>(own);
        }

        if (_current is null || _used + count > _current.Length)
        {
            _current = new long[BlockLength];
            _blocks.Add(_current);
            _used = 0;
        }

        Array.Copy(values, 0, _current, _used, count);
        var segment = new ArraySegment<long>(_current, _used, count);
        _used += count;
        return segment;
    }
}
