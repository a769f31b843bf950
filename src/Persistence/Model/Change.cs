namespace ResourceMap.Persistence.Model;

public enum ChangeAction
{
    Created,
    Updated,
    Deleted,
    /// <summary>Put back with its old id, undoing a deletion.</summary>
    Restored,
    /// <summary>Deleted at the person's request (right to erasure): its values are gone from every change, this one included.</summary>
    Erased,
}

/// <summary>
/// One saved change of a resource or a tie: who, when, and the row's values before and after (JSON objects of property
/// name → value; null before a creation and after a deletion). Changes saved together share a <see cref="Batch"/>.
/// </summary>
public class Change
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in user's name; null for the system (demo data, commands run on the server).</summary>
    public string? Author { get; set; }

    /// <summary>What the change came from when not the author's own edit: "survey “Name”, wave 2, response 7".</summary>
    public string? Source { get; set; }

    /// <summary>The id of the first change saved in the same transaction (deleting a resource with its ties is one batch).</summary>
    public long Batch { get; set; }

    /// <summary><c>Resource</c> or <c>Relationship</c>.</summary>
    public required string Entity { get; set; }
    public int EntityId { get; set; }
    public ChangeAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
