namespace ResourceMap.Api.Schema;

public sealed class ResourceMapSchema : GraphQL.Types.Schema
{
    public ResourceMapSchema(IServiceProvider services) : base(services)
    {
        Description = "ResourceMap: the resources of a community as a geo-tagged network.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<Changes.SubscriptionType>();
        // The IBM cost directives, applied to fields and printed in the SDL.
        Directives.Register(new Protection.CostDirective(), new Protection.ListSizeDirective());
        // Reached only through the GeoJSONGeometry interface, so not found by walking the fields.
        RegisterType(typeof(Geo.GeoJsonPointType));
        RegisterType(typeof(Geo.GeoJsonPolygonType));
        RegisterType(typeof(Geo.GeoJsonMultiPolygonType));
    }
}
