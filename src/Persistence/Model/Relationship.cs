namespace ResourceMap.Persistence.Model;

/// <summary>A tie between two resources, valid from <see cref="Since"/> to <see cref="Until"/> (both optional, inclusive).</summary>
public class Relationship : IVersioned
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public Resource? Source { get; set; }
    public int TargetId { get; set; }
    public Resource? Target { get; set; }
    public RelationshipType Type { get; set; }
    public bool Directed { get; set; }

    /// <summary>1 (weak) to 5 (strong).</summary>
    public int Strength { get; set; } = 3;
    public DateOnly? Since { get; set; }
    public DateOnly? Until { get; set; }
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>1 when created, one more with every saved change.</summary>
    public int Version { get; set; }

    public bool IsActiveOn(DateOnly date) => (Since is null || Since <= date) && (Until is null || date <= Until);
}
