using GraphQL.Types;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Areas;

public sealed class AreaNode : ObjectGraphType<Area>
{
    public AreaNode()
    {
        Name = "Area";
        Description = "A territory: a country, a municipality (novads), a city, a parish (pagasts) or a neighbourhood (apkaime).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Area;

        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(GlobalId.Area, s.Id));
        Field(a => a.Name).Description("Name, with its Latvian diacritics.");
        Field<NonNullGraphType<AreaKindEnum>>("kind").Description("What kind of territory this is.").ResolveSource(s => s.Kind);
        Field<StringGraphType>("code").Description("Its code in the national register (Latvia's ATVK, seven digits); null when not known.").ResolveSource(s => s.Code);
        Field<AreaNode>("parent").Description("The area this one lies in.")
            .ResolveSource((c, s) => s.ParentId is { } id ? c.Service<AreaLoaders>().ById.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaNode>>>>("children").Description("The areas directly inside this one.")
            .ResolveSource((c, s) => c.Service<AreaLoaders>().ChildrenOf.Load(s.Id));
        Field(a => a.Approximate).Description("True when the boundary or the population counts are approximations.");
        Field<GeoJsonGeometryInterface>("boundary").Description("The boundary as a GeoJSON Polygon or MultiPolygon (RFC 7946, right-hand rule); null when unknown.")
            .ResolveSource(s => s.Boundary);
        Field<GeoJsonPointType>("centroid").Description("A point representing the area: the boundary's centroid, or a point inside it when the centroid falls outside.")
            .ResolveSource(s => s.Boundary is { } b ? Geo.AreaGeometry.RepresentativePoint(b) : null);
        Field<NonNullGraphType<BooleanGraphType>>("hasBoundary").Description("True when the area has a boundary polygon.").ResolveSource(s => s.Boundary is not null);
        Field<NonNullGraphType<IntGraphType>>("resourceCount").Description("Resources of this area and the areas inside it that are not closed, sensitive ones included (they are counted for everyone, shown to insiders only).")
            .ResolveSource((c, s) => c.Service<AreaLoaders>().ResourceCounts.Load(s.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PopulationCountType>>>>("population")
            .Description("Residents per target group; the group \"total\" counts everyone.")
            .ResolveSource(s => s.Population.OrderBy(p => p.TargetGroup, StringComparer.Ordinal).ToList());
    }
}

public sealed class PopulationCountType : ObjectGraphType<AreaPopulation>
{
    public PopulationCountType()
    {
        Name = "PopulationCount";
        Description = "How many people of one target group live in an area.";
        Field(p => p.TargetGroup).Description("The target group, or \"total\".");
        Field(p => p.Count).Description("Number of people.");
    }
}

public sealed class AreaKindEnum : EnumerationGraphType<AreaKind>
{
    public AreaKindEnum()
    {
        Name = "AreaKind";
        Description = "What kind of territory an area is.";
        this.Describe(AreaKind.Country, "A country.");
        this.Describe(AreaKind.Municipality, "A municipality (novads).");
        this.Describe(AreaKind.City, "A city or town.");
        this.Describe(AreaKind.Parish, "A rural parish (pagasts).");
        this.Describe(AreaKind.Neighbourhood, "A city neighbourhood (apkaime).");
    }
}

public sealed class AreaConnectionType : Paging.ConnectionType<AreaNode, Area>;
