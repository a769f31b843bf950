using GraphQL;
using ResourceMap.Api.Access;
using GraphQL.Types;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Areas;

public static class AreaMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ImportAreasPayloadType>>("importAreas")
            .Description("Imports areas with boundaries and population from a GeoJSON FeatureCollection, all or nothing: every bad feature is reported by index in extensions.data.problems and nothing is written. Admins only.")
            .Argument<NonNullGraphType<ImportAreasInputType>>("input", "The collection.")
            .ResolveAsync(async c =>
            {
                c.Require(Access.Role.Admin, "import areas");
                var input = InputFields.Of(c);
                await using var db = c.Db();
                var collection = (IDictionary<string, object?>)input.Raw("featureCollection")!;
                var result = await AreaImport.ImportAsync(db, (IDictionary<string, object?>)JsonValues.FromVariable(collection)!, input.Value<bool>("approximate") ?? false, c.CancellationToken);
                await c.Service<Changes.ChangeFeed>().PublishAsync(db, "importAreas", c.CancellationToken, areas: result.Created.Concat(result.Updated).Select(a => a.Id));
                return result;
            });
    }
}

public sealed class ImportAreasInputType : InputObjectGraphType
{
    public ImportAreasInputType()
    {
        Name = "ImportAreasInput";
        Description = "Areas to import. Each feature's properties: name (required), kind (country, municipality/novads, city/pilsēta, parish/pagasts, neighbourhood/apkaime; required), parent (name of an area in the file or stored, or its id), population (counts per target group, e.g. { \"total\": 328, \"seniors\": 95 }), approximate (true or false).";
        Field<NonNullGraphType<GeoJsonFeatureCollectionInputType>>("featureCollection").Description("The areas as a GeoJSON FeatureCollection of Polygons and MultiPolygons in WGS84.");
        Field<BooleanGraphType>("approximate").Description("Marks every area as approximate unless a feature says otherwise. Default false.");
    }
}

public sealed class ImportAreasPayloadType : ObjectGraphType<ImportAreasResult>
{
    public ImportAreasPayloadType()
    {
        Name = "ImportAreasPayload";
        Description = "What the import wrote.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaNode>>>>("created").Description("Areas added.").ResolveSource(s => s.Created);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaNode>>>>("updated").Description("Areas that existed under the same name and parent, now replaced by the file's boundary and population.").ResolveSource(s => s.Updated);
    }
}
