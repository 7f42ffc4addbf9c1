using ResolutionKit.Collections;
using ResolutionKit.Model;

namespace ResolutionKit.Fixes;

/// <summary>
/// A fix declared by a rule, as data: a title, the edits it makes, and whether it is safe to apply without a person
/// choosing it (fix-all) or only a suggestion.
/// </summary>
/// <param name="Title">What the fix does, e.g. "Replace 'instructs' with 'invites'".</param>
/// <param name="Edits">The edits, applied together.</param>
/// <param name="IsSafe">True when it cannot change meaning and fix-all may apply it.</param>
public sealed record Fix(string Title, EquatableArray<ModelEdit> Edits, bool IsSafe)
{
    /// <summary>The rule that proposed the fix, when known.</summary>
    public string? RuleId { get; init; }
}

/// <summary>An edit on the model, addressed by node address.</summary>
/// <param name="Address">The address of the node edited.</param>
public abstract record ModelEdit(string Address);

/// <summary>Replaces a range of a clause's text (or the title, when the address is the resolution's).</summary>
/// <param name="Address">The clause address.</param>
/// <param name="Start">Offset in the clause text.</param>
/// <param name="Length">Length of the range replaced.</param>
/// <param name="NewText">The replacement.</param>
/// <param name="OldText">The text expected in the range (the edit is refused when it differs).</param>
public sealed record ReplaceText(string Address, int Start, int Length, string NewText, string OldText) : ModelEdit(Address);

/// <summary>Replaces the whole text of a clause, e.g. reproduced text by a reference to the instrument it comes from.</summary>
/// <param name="Address">The clause address.</param>
/// <param name="NewText">The new text.</param>
public sealed record ReplaceClauseText(string Address, string NewText) : ModelEdit(Address)
{
    /// <summary>
    /// The whole text expected in the clause, when known: the edit is refused as stale when the clause reads
    /// otherwise, so that applying the fix again after renumbering cannot hit another clause.
    /// </summary>
    public string? OldText { get; init; }
}

/// <summary>Deletes a clause (and its sub-clauses).</summary>
/// <param name="Address">The clause address.</param>
/// <param name="Reason">Why it is deleted (kept in the account of changes).</param>
public sealed record DeleteClause(string Address, string Reason) : ModelEdit(Address)
{
    /// <summary>
    /// The text expected in the clause, when known: the deletion is refused as stale when the clause reads
    /// otherwise, so that applying the fix again after renumbering cannot delete another clause. Either the clause's
    /// own text, or <see cref="FixApplier.ExpectedText(Clause)"/> to guard its sub-clauses as well.
    /// </summary>
    public string? OldText { get; init; }
}

/// <summary>Inserts a clause into a group at an index.</summary>
/// <param name="Address">The group address.</param>
/// <param name="Index">Where to insert (clamped to the group's clauses).</param>
/// <param name="Clause">The clause.</param>
public sealed record InsertClause(string Address, int Index, Clause Clause) : ModelEdit(Address);

/// <summary>Changes a group's opening: its heading, kind and actors ("instructs Member States" → "invites Member States").</summary>
/// <param name="Address">The group address.</param>
/// <param name="Heading">The new heading.</param>
/// <param name="Kind">The new normalized kind.</param>
/// <param name="Actors">The new actors.</param>
public sealed record ChangeGroupHeading(string Address, string Heading, string Kind, EquatableArray<Actor> Actors) : ModelEdit(Address);

/// <summary>Renumbers the clauses of a group (or of the whole resolution when the address is the resolution's).</summary>
/// <param name="Address">The group or resolution address.</param>
public sealed record Renumber(string Address) : ModelEdit(Address);
