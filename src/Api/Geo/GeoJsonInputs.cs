using GraphQL.Types;

namespace ResourceMap.Api.Geo;

public sealed class GeoJsonGeometryInputType : InputObjectGraphType
{
    public GeoJsonGeometryInputType()
    {
        Name = "GeoJSONGeometryInput";
        Description = "A GeoJSON geometry (RFC 7946) in WGS84, longitude before latitude. Where an area is expected, a Polygon or MultiPolygon.";
        Field<NonNullGraphType<GeoJsonGeometryTypeEnum>>("type").Description("The geometry type.");
        Field<NonNullGraphType<GeoJsonCoordinatesScalar>>("coordinates").Description("Positions, nested as the type requires.");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("bbox").Description("Optional bounding box; ignored.");
    }
}

public sealed class GeoJsonFeatureInputType : InputObjectGraphType
{
    public GeoJsonFeatureInputType()
    {
        Name = "GeoJSONFeatureInput";
        Description = "A GeoJSON Feature (RFC 7946 §3.2).";
        Field<StringGraphType>("type").Description("Must be \"Feature\".");
        Field<JsonScalar>("id").Description("Optional identifier; kept out of the data.");
        Field<GeoJsonGeometryInputType>("geometry").Description("The feature's geometry.");
        Field<JsonScalar>("properties").Description("The feature's properties, a JSON object.");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("bbox").Description("Optional bounding box; ignored.");
    }
}

public sealed class GeoJsonFeatureCollectionInputType : InputObjectGraphType
{
    public GeoJsonFeatureCollectionInputType()
    {
        Name = "GeoJSONFeatureCollectionInput";
        Description = "A GeoJSON FeatureCollection (RFC 7946 §3.3). The members \"name\" and \"crs\" that desktop GIS exports add are accepted; \"crs\", if given, must name WGS84 longitude/latitude (CRS84 or EPSG:4326).";
        Field<StringGraphType>("type").Description("Must be \"FeatureCollection\".");
        Field<StringGraphType>("name").Description("Optional name of the collection; ignored.");
        Field<JsonScalar>("crs").Description("Optional coordinate reference system of the 2008 GeoJSON draft; must be WGS84 longitude/latitude.");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("bbox").Description("Optional bounding box; ignored.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GeoJsonFeatureInputType>>>>("features").Description("The features.");
    }
}

public sealed class PointInputType : InputObjectGraphType
{
    public PointInputType()
    {
        Name = "PointInput";
        Description = "A point in WGS84 degrees.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude, −90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude, −180 to 180.");
    }
}
