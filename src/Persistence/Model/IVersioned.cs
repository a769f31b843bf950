namespace ResourceMap.Persistence.Model;

/// <summary>
/// A row with a version that every saved change increases by one. It is a concurrency token: a save whose row changed
/// since it was read is refused (<c>DbUpdateConcurrencyException</c>), so no change silently overwrites another. The
/// context stamps it too: when it was created and last changed.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
