namespace ResourceMap.Persistence.Model;

/// <summary>What kind of actor a resource is. Stored by name, so the order here may change freely.</summary>
public enum ResourceKind
{
    Association,
    School,
    Kindergarten,
    DayCentre,
    SocialService,
    Municipality,
    CultureHouse,
    SportsCentre,
    ArtSpace,
    Library,
    FaithGroup,
    Business,
    InformalGroup,
    Volunteer,
    CommunityLeader,
    Other,
}

public enum ResourceStatus
{
    Active,
    Dormant,
    Closed,
}

public enum RelationshipType
{
    Cooperation,
    Membership,
    Funding,
    Referral,
    Volunteering,
    SharedActivity,
    InformationChannel,
    Mentoring,
    Venue,
}

public enum AreaKind
{
    Country,
    Municipality,
    City,
    Parish,
    Neighbourhood,
}

public static class ResourceKinds
{
    /// <summary>Kinds that stand for a private person; their contact details are personal data.</summary>
    public static bool IsPerson(ResourceKind kind) => kind is ResourceKind.Volunteer or ResourceKind.CommunityLeader;
}
