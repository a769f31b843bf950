namespace ResourceMap.Persistence.Model;

/// <summary>An actor of the community network: an organisation, a service, a group or a person in a role.</summary>
public class Resource : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// The key a community's own list gives this resource (a spreadsheet's <c>externalId</c>), so that importing the list
    /// again updates it instead of adding it twice; unique in the database; null when it came from no list.
    /// </summary>
    public string? ExternalId { get; set; }
    public ResourceKind Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>WGS84 latitude in degrees; null for actors without a place (a WhatsApp group).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>True when the coordinates are an approximation (for example geocoded to a street, or demo data).</summary>
    public bool LocationApproximate { get; set; }
    public string? Address { get; set; }

    public int? AreaId { get; set; }
    public Area? Area { get; set; }

    public List<string> TargetGroups { get; set; } = [];
    public List<string> Offers { get; set; } = [];
    public List<string> Needs { get; set; } = [];
    public List<string> Languages { get; set; } = [];

    public ResourceStatus Status { get; set; } = ResourceStatus.Active;

    /// <summary>
    /// True for resources that reveal vulnerable people (a support group for families of children with disabilities):
    /// only admins and the viewers and workers of its municipality read it; to others it counts only in aggregates.
    /// </summary>
    public bool Sensitive { get; set; }

    /// <summary>
    /// How many people it reaches, when known: an association's members, a chat group's member count (Zosēni's WhatsApp
    /// group: 105). With <see cref="AudienceTargetGroup"/> it gives the resource's reach against its area's population.
    /// </summary>
    public int? AudienceCount { get; set; }

    /// <summary>Whom <see cref="AudienceCount"/> counts: a target group, or "total" for residents of every group.</summary>
    public string? AudienceTargetGroup { get; set; }

    public string? ContactWeb { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>1 when created, one more with every saved change.</summary>
    public int Version { get; set; }

    /// <summary>Name, description, address and tags folded to lower case without diacritics, so search ignores accents in SQL.</summary>
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() =>
        SearchText = Search.TextFolding.Fold(string.Join(' ',
            new[] { Name, Description, Address }.Concat(Offers).Concat(Needs).Where(s => !string.IsNullOrEmpty(s))));
}
