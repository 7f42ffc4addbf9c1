using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Fixes;

/// <summary>Why <see cref="FixApplier"/> did not apply a fix.</summary>
public enum FixRejectionReason
{
    /// <summary>It edits what a fix earlier in the stable order already edits (overlapping text, a deleted clause, the same heading).</summary>
    Conflict,

    /// <summary>The text it expects (<see cref="ReplaceText.OldText"/> or an edit's expected text) is not there any more.</summary>
    StaleText,

    /// <summary>Its edits are already in the text (the fix was applied before).</summary>
    AlreadyApplied,

    /// <summary>An address it names does not exist in the resolution.</summary>
    AddressNotFound,

    /// <summary>An edit is malformed (a range outside the text, edits of the same fix that overlap, ...).</summary>
    InvalidEdit,

    /// <summary>The same fix was given more than once; it is applied once.</summary>
    Duplicate,

    /// <summary>An edit of a kind the applier does not know.</summary>
    UnsupportedEdit,
}

/// <summary>A fix that was not applied, with the reason.</summary>
/// <param name="Fix">The fix.</param>
/// <param name="Reason">Why it was not applied.</param>
/// <param name="Message">The reason in words, naming the address concerned.</param>
public sealed record RejectedFix(Fix Fix, FixRejectionReason Reason, string Message)
{
    /// <summary>For a conflict or a duplicate: the fix that was applied instead.</summary>
    public Fix? ConflictsWith { get; init; }
}

/// <summary>What happened to a clause (or a group) when fixes were applied.</summary>
public enum ChangeKind
{
    /// <summary>The clause's text changed (and possibly its label or address).</summary>
    Modified,

    /// <summary>Only the clause's label (and so its address) changed.</summary>
    Relabelled,

    /// <summary>The clause was deleted.</summary>
    Deleted,

    /// <summary>The clause was inserted.</summary>
    Inserted,

    /// <summary>A group's opening (heading, kind, actors) changed; the addresses are the group's.</summary>
    GroupHeadingChanged,

    /// <summary>A group lost all its clauses and was removed; the old address is the group's.</summary>
    GroupRemoved,
}

/// <summary>
/// One entry of the account of changes: a clause changed, relabelled, deleted or inserted (or a group changed or
/// removed), with its address before and after, its text before and after, and the fixes that caused it.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="OldAddress">The address before; null for an inserted clause.</param>
/// <param name="NewAddress">The address after; null for a deleted clause or removed group.</param>
/// <param name="OldText">The text before (a group's heading for the group kinds); null for an inserted clause.</param>
/// <param name="NewText">The text after (a group's heading for the group kinds); null for a deleted clause or removed group.</param>
/// <param name="Description">What happened, in words ("deleted: duplicates resolves 2", "relabelled after renumbering", ...).</param>
public sealed record ClauseChange(ChangeKind Kind, string? OldAddress, string? NewAddress, string? OldText, string? NewText, string Description)
{
    /// <summary>The fixes that caused the change (for relabelling and cross-reference updates: the fixes that moved the clauses).</summary>
    public EquatableArray<Fix> Causes { get; init; } = EquatableArray<Fix>.Empty;

    /// <summary>The distinct rule ids of <see cref="Causes"/>, in order.</summary>
    public IReadOnlyList<string> RuleIds => Causes.Select(f => f.RuleId).Where(id => id is not null).Select(id => id!).Distinct().ToList();
}

/// <summary>The outcome of <see cref="FixApplier.Apply(Resolution, IEnumerable{Fix})"/>.</summary>
/// <param name="Resolution">The new resolution.</param>
/// <param name="Applied">The fixes applied, in the stable order.</param>
/// <param name="Rejected">The fixes not applied, in the stable order, each with the reason.</param>
/// <param name="Changes">The account of changes, in document order.</param>
public sealed record FixResult(Resolution Resolution, EquatableArray<Fix> Applied, EquatableArray<RejectedFix> Rejected, EquatableArray<ClauseChange> Changes)
{
    /// <summary>
    /// Things a person should look at: cross-references to clauses that no longer exist, left as written.
    /// </summary>
    public EquatableArray<string> Warnings { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether any change was made.</summary>
    public bool HasChanges => !Changes.IsEmpty;

    /// <summary>The distinct rule ids of the applied fixes, in the stable order.</summary>
    public IReadOnlyList<string> RuleIds => Applied.Select(f => f.RuleId).Where(id => id is not null).Select(id => id!).Distinct().ToList();
}
