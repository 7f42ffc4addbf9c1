using System.Collections.Generic;
using System.Globalization;
using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Merge;

/// <summary>What became of an input clause in a merge.</summary>
public enum MergeDisposition
{
    /// <summary>The clause is in the merged text (at <see cref="MergeAccountEntry.TargetAddress"/>).</summary>
    Kept,

    /// <summary>The clause duplicated another and was folded into it (at <see cref="MergeAccountEntry.TargetAddress"/>).</summary>
    Folded,

    /// <summary>The clause is not in the merged text, for the reason given.</summary>
    Dropped,
}

/// <summary>One line of a merge's account: an input clause and what became of it.</summary>
/// <param name="Input">The index of the input resolution.</param>
/// <param name="InputAddress">The clause's address in its input, e.g. <c>WTSA-18/resolves/3</c>.</param>
/// <param name="Disposition">Kept, folded or dropped.</param>
/// <param name="TargetAddress">For kept and folded clauses: the address in the merged text; null when dropped.</param>
/// <param name="Similarity">For folded clauses: the similarity to the clause it was folded with; null otherwise.</param>
/// <param name="Reason">Why, in words: what was rewritten in a kept clause, what a folded clause duplicated, why a clause was dropped.</param>
public sealed record MergeAccountEntry(int Input, string InputAddress, MergeDisposition Disposition, string? TargetAddress, double? Similarity, string Reason)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var similarity = Similarity is null ? string.Empty : " (" + Similarity.Value.ToString("0.00", CultureInfo.InvariantCulture) + ")";
        return Disposition switch
        {
            MergeDisposition.Kept => $"{InputAddress} -> kept as {TargetAddress}" + (Reason.Length > 0 ? "; " + Reason : string.Empty),
            MergeDisposition.Folded => $"{InputAddress} -> folded into {TargetAddress}{similarity}; {Reason}",
            _ => $"{InputAddress} -> dropped; {Reason}",
        };
    }
}

/// <summary>An instrument that a merged text supersedes, with the citation by which it is known.</summary>
/// <param name="Id">The instrument.</param>
/// <param name="Revision">The revision merged.</param>
/// <param name="Citation">How it is cited, e.g. "Resolution 18 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly".</param>
public sealed record SupersededInstrument(InstrumentId Id, Revision? Revision, string Citation);

/// <summary>The outcome of a merge: the merged text, the full account of input clauses, and what it supersedes.</summary>
/// <param name="Resolution">The merged resolution.</param>
/// <param name="Account">Every clause of every input, once, in input order then document order.</param>
/// <param name="Supersedes">The inputs other than the one the merged text revises.</param>
public sealed record MergeResult(Resolution Resolution, EquatableArray<MergeAccountEntry> Account, EquatableArray<SupersededInstrument> Supersedes)
{
    /// <summary>The inputs, as given.</summary>
    public EquatableArray<Resolution> Inputs { get; init; } = EquatableArray<Resolution>.Empty;

    /// <summary>Things a person should check: cross-references to clauses that were dropped, left as written.</summary>
    public EquatableArray<string> Warnings { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The number of input clauses folded into another.</summary>
    public int FoldedCount => Count(MergeDisposition.Folded);

    /// <summary>The number of input clauses dropped.</summary>
    public int DroppedCount => Count(MergeDisposition.Dropped);

    private int Count(MergeDisposition disposition)
    {
        var n = 0;
        foreach (var entry in Account)
        {
            if (entry.Disposition == disposition)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The entries for one input.</summary>
    /// <param name="input">The input index.</param>
    public IEnumerable<MergeAccountEntry> For(int input)
    {
        foreach (var entry in Account)
        {
            if (entry.Input == input)
            {
                yield return entry;
            }
        }
    }
}
