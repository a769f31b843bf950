using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Geo;
using ResourceMap.Graph.Spatial;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

public sealed class ResourceNode : ObjectGraphType<Resource>
{
    /// <summary>The columns each field reads (see <see cref="Projection{T}"/>); fields not listed read the whole row.</summary>
    public static readonly Projection<Resource> Columns = new(
        [nameof(Resource.Id), nameof(Resource.Name), nameof(Resource.Kind)],
        new Dictionary<string, string[]>
        {
            ["id"] = [],
            ["name"] = [],
            ["kind"] = [],
            ["externalId"] = [nameof(Resource.ExternalId)],
            ["description"] = [nameof(Resource.Description)],
            ["latitude"] = [nameof(Resource.Latitude)],
            ["longitude"] = [nameof(Resource.Longitude)],
            ["locationApproximate"] = [nameof(Resource.LocationApproximate)],
            ["location"] = [nameof(Resource.Latitude), nameof(Resource.Longitude)],
            ["locatedIn"] = [nameof(Resource.Latitude), nameof(Resource.Longitude)],
            ["distanceMeters"] = [nameof(Resource.Latitude), nameof(Resource.Longitude)],
            ["address"] = [nameof(Resource.Address), nameof(Resource.Kind), nameof(Resource.AreaId)],
            ["area"] = [nameof(Resource.AreaId)],
            ["targetGroups"] = [nameof(Resource.TargetGroups)],
            ["offers"] = [nameof(Resource.Offers)],
            ["needs"] = [nameof(Resource.Needs)],
            ["languages"] = [nameof(Resource.Languages)],
            ["status"] = [nameof(Resource.Status)],
            ["contact"] = [nameof(Resource.ContactWeb), nameof(Resource.ContactEmail), nameof(Resource.ContactPhone), nameof(Resource.Kind), nameof(Resource.AreaId)],
            ["sensitive"] = [nameof(Resource.Sensitive)],
            ["audienceCount"] = [nameof(Resource.AudienceCount), nameof(Resource.AudienceTargetGroup), nameof(Resource.AreaId)],
            ["audienceTargetGroup"] = [nameof(Resource.AudienceTargetGroup), nameof(Resource.AudienceCount)],
            ["reach"] = [nameof(Resource.AudienceCount), nameof(Resource.AudienceTargetGroup), nameof(Resource.AreaId)],
            ["activities"] = [],
            ["createdAt"] = [nameof(Resource.CreatedAt)],
            ["updatedAt"] = [nameof(Resource.UpdatedAt)],
            ["version"] = [nameof(Resource.Version)],
            ["relationships"] = [],
            ["neighbours"] = [],
            ["metrics"] = [],
        });

    public ResourceNode()
    {
        Name = "Resource";
        Description = "An actor of the community network: an organisation, a service, a group, or a person in a role.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Resource;

        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(GlobalId.Resource, s.Id));
        Field(r => r.Name).Description("Name, with its Latvian diacritics.");
        Field<NonNullGraphType<ResourceKindEnum>>("kind").Description("What kind of actor this is.").ResolveSource(s => Boxed.Enum(s.Kind));
        Field(r => r.ExternalId, nullable: true).Description("The key the community's own list gives it (a spreadsheet's externalId column, see importSpreadsheet); null when it came from no list.");
        Field(r => r.Description, nullable: true).Description("What the resource does.");
        Field(r => r.Latitude, nullable: true).Description("WGS84 latitude in degrees; null when the resource has no place.");
        Field(r => r.Longitude, nullable: true).Description("WGS84 longitude in degrees; null when the resource has no place.");
        Field(r => r.LocationApproximate).Description("True when the coordinates are approximate.");
        Field<GeoJsonPointType>("location").Description("The resource's place as a GeoJSON Point; null when it has none.")
            .ResolveSource(s => s is { Latitude: { } lat, Longitude: { } lon } ? GeoJson.Point(lat, lon) : null);
        Field<AreaNode>("locatedIn").Description("The most specific area whose boundary holds the resource's point (by geometry; 'area' is the area it is assigned to).")
            .ResolveAsync(async c => c.Source is { Latitude: { } lat, Longitude: { } lon }
                ? (await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken)).AreasAt(lat, lon).FirstOrDefault()
                : null);
        Field<FloatGraphType>("distanceMeters").Description("Geodesic distance in metres on the WGS84 ellipsoid from a point; null when the resource has no place.")
            .Argument<NonNullGraphType<PointInputType>>("from", "The point to measure from.")
            .ResolveSource((c, s) =>
            {
                var (lat, lon) = AreaQueries.ReadPoint(c.GetArgument<Dictionary<string, object?>>("from"), "from");
                return s is { Latitude: { } rLat, Longitude: { } rLon } ? Geodesic.DistanceMeters(lat, lon, rLat, rLon) : null;
            });
        Field<StringGraphType>("address").Description("Postal address; for a person (volunteer, community leader) only to admins and the viewers and workers of their municipality.")
            .ResolveSource((c, s) => PersonalDataHidden(c, s) ? null : s.Address);
        Field<AreaNode>("area").Description("The area the resource belongs to.")
            .ResolveSource((c, s) => s.AreaId is { } id ? c.Service<AreaLoaders>().ById.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targetGroups").Description("Groups of people the resource serves, e.g. seniors, youth, families-of-children-with-disabilities.").ResolveSource(s => s.TargetGroups);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("offers").Description("What the resource can give, e.g. \"Qigong classes\".").ResolveSource(s => s.Offers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("needs").Description("What the resource is looking for, e.g. \"computer skills\".").ResolveSource(s => s.Needs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("Languages used, as ISO 639 codes (lv, ru, en, …).").ResolveSource(s => s.Languages);
        Field<NonNullGraphType<ResourceStatusEnum>>("status").Description("Whether the resource is working.").ResolveSource(s => s.Status);
        Field<ContactType>("contact").Description("Contact details; a person's (volunteer, community leader) only to admins and the viewers and workers of their municipality; null when none.")
            .ResolveSource((c, s) => PersonalDataHidden(c, s) || (s.ContactWeb ?? s.ContactEmail ?? s.ContactPhone) is null ? null : s);
        Field(r => r.Sensitive).Description("True when the resource reveals vulnerable people: then only admins and the viewers and workers of its municipality see it; to others it counts only in aggregates (an area's resourceCount).");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When the resource was added.").ResolveSource(s => s.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When the resource was last changed.").ResolveSource(s => s.UpdatedAt);
        Field(x => x.Version).Description("1 when created, one more with every change: send it back with an update or delete to refuse to overwrite someone else's change (CONFLICT).");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipNode>>>>("relationships")
            .Description("The resource's ties, in either direction.")
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>("types", "Only ties of these types.")
            .Argument<DateOnlyGraphType>("activeOn", "Only ties valid on this day.")
            .ResolveSource((c, s) => Ties(c, s, showsTies: true, ties => ties));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("neighbours")
            .Description("The resources at the other end of the resource's ties, each once.")
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>("types", "Only through ties of these types.")
            .Argument<DateOnlyGraphType>("activeOn", "Only through ties valid on this day.")
            .ResolveSource((c, s) =>
            {
                var id = s.Id;
                var byId = c.Service<ResourceLoaders>().ById;
                return Ties(c, s, showsTies: false, ties =>
                    new CombinedResult<Resource?>(ties.Select(t => t.SourceId == id ? t.TargetId : t.SourceId).Distinct().Order().Select(byId.Load).ToList()));
            });

        Network.NetworkQueries.AddMetricsTo(this);
        Activities.ActivityQueries.AddTo(this);
        Activities.ResourceReach.AddTo(this);
    }

    /// <summary>A person's address and contacts are for insiders of their municipality only (GDPR: volunteers, leaders).</summary>
    private static bool PersonalDataHidden(IResolveFieldContext c, Resource resource) =>
        ResourceKinds.IsPerson(resource.Kind) && !c.Service<Access.RequestCaller>().IsInsider(resource.AreaId);

    /// <summary>
    /// The resource's ties that pass the field's arguments, given to <paramref name="then"/>: at once when the list
    /// holding the resource loaded them ahead (see <c>ResourceQueries</c>), else deferred to one batch for all resources.
    /// </summary>
    private static object? Ties(IResolveFieldContext c, Resource resource, bool showsTies, Func<IReadOnlyList<Relationship>, object?> then)
    {
        var types = c.GetArgument<List<RelationshipType>?>("types");
        var activeOn = c.GetArgument<DateOnly?>("activeOn");
        object? Pass(IReadOnlyList<Relationship> ties) => types is null && activeOn is null
            ? then(ties)
            : then(ties.Where(t => (types is null || types.Contains(t.Type)) && (activeOn is null || t.IsActiveOn(activeOn.Value))).ToList());
        var loader = c.Service<RelationshipLoaders>().ByResource(c.Document, c.FieldAst, showsTies);
        return loader.TryGetLoaded(resource.Id, out var loaded) ? Pass(loaded) : new MappedResult<IReadOnlyList<Relationship>, object?>(loader.Load(resource.Id), Pass);
    }
}

public sealed class ContactType : ObjectGraphType<Resource>
{
    public ContactType()
    {
        Name = "Contact";
        Description = "Contact details of an organisation or, for insiders of their municipality, of a person.";
        Field<StringGraphType>("web").Description("Web site.").ResolveSource(s => s.ContactWeb);
        Field<StringGraphType>("email").Description("E-mail address.").ResolveSource(s => s.ContactEmail);
        Field<StringGraphType>("phone").Description("Phone number.").ResolveSource(s => s.ContactPhone);
    }
}

public sealed class ResourceConnectionType : Paging.ConnectionType<ResourceNode, Resource>;
