using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

public static class ResourceQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ResourceConnectionType>>("resources")
            .Description("Resources matching every filter given, by id; nearest first when 'near' is given.")
            .Argument<ListGraphType<NonNullGraphType<ResourceKindEnum>>>("kinds", "Only these kinds.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("targetGroups", "Only resources serving at least one of these target groups.")
            .Argument<IdGraphType>("areaId", "Only resources in this area or any area inside it.")
            .Argument<StringGraphType>("text", "Words in the name, description, address, offers or needs; case and accents are ignored (\"udenszimes\" finds \"Ūdenszīmes\").")
            .Argument<ListGraphType<NonNullGraphType<ResourceStatusEnum>>>("statuses", "Only these statuses.")
            .Argument<BoundingBoxInputType>("boundingBox", "Only resources inside this latitude/longitude box.")
            .Argument<NearInputType>("near", "Only resources within a distance of a point, nearest first.")
            .Paged()
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                return await ResourceSearch.FindAsync(db, ReadFilter(c), c.GetPageRequest(), c.CancellationToken);
            });

        query.Field<ResourceNode>("resource")
            .Description("The resource with this id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of a resource.")
            .Resolve(c => c.Service<ResourceLoaders>().ById.Load(GlobalId.Decode(c.GetArgument<string>("id"), GlobalId.Resource, "id")));
    }

    private static ResourceFilter ReadFilter(IResolveFieldContext c)
    {
        var box = c.GetArgument<Dictionary<string, object?>?>("boundingBox") is { } b ? new InputFields(b) : null;
        var near = c.GetArgument<Dictionary<string, object?>?>("near") is { } n ? new InputFields(n) : null;
        var areaId = c.GetArgument<string?>("areaId");
        return new ResourceFilter(
            Kinds: c.GetArgument<List<ResourceKind>?>("kinds"),
            TargetGroups: c.GetArgument<List<string>?>("targetGroups"),
            AreaId: areaId is null ? null : GlobalId.Decode(areaId, GlobalId.Area, "areaId"),
            Text: c.GetArgument<string?>("text"),
            Statuses: c.GetArgument<List<ResourceStatus>?>("statuses"),
            BoundingBox: box is null ? null : ResourceSearch.ValidBox(box.Value<double>("south")!.Value, box.Value<double>("west")!.Value, box.Value<double>("north")!.Value, box.Value<double>("east")!.Value),
            Near: near is null ? null : ResourceSearch.ValidNear(near.Value<double>("latitude")!.Value, near.Value<double>("longitude")!.Value, near.Value<double>("maxDistanceMeters")!.Value));
    }
}

public sealed class BoundingBoxInputType : InputObjectGraphType
{
    public BoundingBoxInputType()
    {
        Name = "BoundingBoxInput";
        Description = "A latitude/longitude box in WGS84 degrees; west greater than east means the box crosses the antimeridian.";
        Field<NonNullGraphType<FloatGraphType>>("south").Description("Southern latitude.");
        Field<NonNullGraphType<FloatGraphType>>("west").Description("Western longitude.");
        Field<NonNullGraphType<FloatGraphType>>("north").Description("Northern latitude.");
        Field<NonNullGraphType<FloatGraphType>>("east").Description("Eastern longitude.");
    }
}

public sealed class NearInputType : InputObjectGraphType
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "A point and a geodesic distance in metres on the WGS84 ellipsoid.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude of the point.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude of the point.");
        Field<NonNullGraphType<FloatGraphType>>("maxDistanceMeters").Description("Greatest distance from the point, in metres.");
    }
}
