using GraphQL.Types;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Geo;

/// <summary>The geometry types of RFC 7946 §1.4, spelt as GeoJSON spells them so the JSON of a response is GeoJSON.</summary>
public sealed class GeoJsonGeometryTypeEnum : EnumerationGraphType
{
    public static readonly string[] Names = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];

    public GeoJsonGeometryTypeEnum()
    {
        Name = "GeoJSONGeometryType";
        Description = "A GeoJSON geometry type (RFC 7946 §1.4).";
        foreach (var name in Names) Add(name, name, $"A GeoJSON {name}.");
    }
}

/// <summary>What every GeoJSON geometry on output has.</summary>
public sealed class GeoJsonGeometryInterface : InterfaceGraphType<Geometry>
{
    public GeoJsonGeometryInterface()
    {
        Name = "GeoJSONGeometry";
        Description = "A GeoJSON geometry (RFC 7946) in WGS84, longitude before latitude.";
        Field<NonNullGraphType<GeoJsonGeometryTypeEnum>>("type").Description("The geometry type.");
        Field<NonNullGraphType<GeoJsonCoordinatesScalar>>("coordinates").Description("The positions, nested as the type requires.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FloatGraphType>>>>("bbox").Description("[west, south, east, north].");
    }
}

/// <summary>A GeoJSON geometry type on output: its type name, its coordinates nested as the type requires, its bbox.</summary>
public abstract class GeoJsonGeometryType<TGeometry> : ObjectGraphType<TGeometry> where TGeometry : Geometry
{
    protected GeoJsonGeometryType(string type, string description, Func<TGeometry, object> coordinates)
    {
        Name = "GeoJSON" + type;
        Description = description;
        Interface<GeoJsonGeometryInterface>();
        IsTypeOf = o => o is TGeometry;
        Field<NonNullGraphType<GeoJsonGeometryTypeEnum>>("type").Description($"Always {type}.").Resolve(_ => type);
        Field<NonNullGraphType<GeoJsonCoordinatesScalar>>("coordinates").Description("The positions, [longitude, latitude], nested as the type requires.").ResolveSource(s => coordinates(s));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FloatGraphType>>>>("bbox").Description("[west, south, east, north].").ResolveSource(s => GeoJson.BoundingBox(s));
    }
}

public sealed class GeoJsonPointType : GeoJsonGeometryType<Point>
{
    public GeoJsonPointType() : base("Point", "A GeoJSON Point (RFC 7946 §3.1.2).", p => p.Coordinate)
    {
        // Not a GeoJSON member: a client asks for it when it wants to know where a point lies, and leaves it out otherwise.
        Field<Areas.AreaNode>("area").Description("The most specific area whose boundary holds the point; null when none does.")
            .ResolveAsync(async c => (await c.Service<SpatialLoader>().CurrentAsync(c.CancellationToken)).AreasAt(c.Source.Y, c.Source.X).FirstOrDefault());
    }
}

public sealed class GeoJsonPolygonType() : GeoJsonGeometryType<Polygon>("Polygon",
    "A GeoJSON Polygon (RFC 7946 §3.1.6): the exterior ring counterclockwise, then holes clockwise; each ring closed.", GeoJson.Rings);

public sealed class GeoJsonMultiPolygonType() : GeoJsonGeometryType<MultiPolygon>("MultiPolygon",
    "A GeoJSON MultiPolygon (RFC 7946 §3.1.7).", m => m.Geometries.Cast<Polygon>().Select(GeoJson.Rings).ToList());

/// <summary>A GeoJSON Feature on output, with typed properties.</summary>
public sealed record Feature<TProperties>(string Id, Geometry Geometry, TProperties Properties);

/// <summary>A GeoJSON FeatureCollection on output.</summary>
public sealed record FeatureCollection<TProperties>(IReadOnlyList<Feature<TProperties>> Features)
{
    public double[] BoundingBox() => Features.Count == 0 ? [] : GeoJson.BoundingBox(new GeometryCollection(Features.Select(f => f.Geometry).ToArray()));
}

/// <summary>A Feature type whose properties are an object type of this API; the JSON of a response is a GeoJSON Feature.</summary>
public abstract class FeatureGraphType<TPropertiesType, TProperties> : ObjectGraphType<Feature<TProperties>> where TPropertiesType : IGraphType
{
    protected FeatureGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("type").Description("Always Feature.").Resolve(_ => "Feature");
        Field<NonNullGraphType<StringGraphType>>("id").Description("Identifies the feature within its collection.").ResolveSource(s => s.Id);
        Field<NonNullGraphType<GeoJsonGeometryInterface>>("geometry").Description("Where the feature is.").ResolveSource(s => s.Geometry);
        Field<NonNullGraphType<TPropertiesType>>("properties").Description("What is known of the feature.").ResolveSource(s => s.Properties);
    }
}

/// <summary>A FeatureCollection type of one feature type.</summary>
public abstract class FeatureCollectionGraphType<TFeatureType, TProperties> : ObjectGraphType<FeatureCollection<TProperties>> where TFeatureType : IGraphType
{
    protected FeatureCollectionGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("type").Description("Always FeatureCollection.").Resolve(_ => "FeatureCollection");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FloatGraphType>>>>("bbox").Description("[west, south, east, north] of all features; empty when there are none.").ResolveSource(s => s.BoundingBox());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TFeatureType>>>>("features").Description("The features.").ResolveSource(s => s.Features);
    }
}

/// <summary>GeoJSON output conventions.</summary>
public static class GeoJson
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static Point Point(double latitude, double longitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));

    public static double[] BoundingBox(Geometry geometry)
    {
        var e = geometry.EnvelopeInternal;
        return [e.MinX, e.MinY, e.MaxX, e.MaxY];
    }

    /// <summary>The rings of a polygon by the right-hand rule of RFC 7946 §3.1.6: exterior counterclockwise, holes clockwise.</summary>
    public static List<Coordinate[]> Rings(Polygon polygon)
    {
        var rings = new List<Coordinate[]> { Oriented(polygon.ExteriorRing.Coordinates, counterClockwise: true) };
        rings.AddRange(polygon.InteriorRings.Select(r => Oriented(r.Coordinates, counterClockwise: false)));
        return rings;
    }

    private static Coordinate[] Oriented(Coordinate[] ring, bool counterClockwise) =>
        Orientation.IsCCW(ring) == counterClockwise ? ring : ring.Reverse().ToArray();
}

public static class AreaGeometry
{
    /// <summary>Where an area's people are taken to live for distance measures: its centroid, or a point inside it when the centroid is outside (a crescent, an archipelago).</summary>
    public static Point RepresentativePoint(Geometry boundary)
    {
        var centroid = boundary.Centroid;
        return boundary.Covers(centroid) ? centroid : boundary.InteriorPoint;
    }
}
