using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ResourceMap.Api.Import;

/// <summary>
/// GeoPackage 1.3 (OGC 12-128r18), QGIS's native format: one SQLite file whose feature tables are listed in
/// <c>gpkg_contents</c> with their extent, their geometry column in <c>gpkg_geometry_columns</c>, and WGS84 in
/// <c>gpkg_spatial_ref_sys</c> beside the two undefined systems the standard requires; geometries as GeoPackage binary
/// (NetTopologySuite.IO.GeoPackage). A layer's columns are its features' attributes, typed by their first value; a list
/// becomes text joined with "; ".
/// </summary>
public static class GeoPackageWriter
{
    /// <summary>A feature table: its name, description, geometry type (POINT, LINESTRING, POLYGON or MULTIPOLYGON; a
    /// MULTIPOLYGON layer's polygons are made multi) and features.</summary>
    public sealed record Layer(string Name, string Description, string GeometryType, FeatureCollection Features);

    private const int Wgs84 = 4326;

    private const string Wgs84Definition =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    public static byte[] Write(IReadOnlyList<Layer> layers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"resourcemap-{Guid.NewGuid():N}.gpkg");
        try
        {
            // No pooling: the file is read back and deleted once the connection closes.
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                connection.Open();
                Execute(connection, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;"); // 'GPKG', version 1.3.0
                using var transaction = connection.BeginTransaction();
                Execute(connection, """
                    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                    INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
                    INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
                    """);
                Execute(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, $definition, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
                    ("$definition", Wgs84Definition));
                foreach (var layer in layers) WriteLayer(connection, layer);
                transaction.Commit();
            }
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteLayer(SqliteConnection connection, Layer layer)
    {
        var features = layer.Features.ToList();
        var columns = features.SelectMany(f => f.Attributes.GetNames()).Distinct().ToList();
        string TypeOf(string column) => features.Select(f => f.Attributes.GetOptionalValue(column)).FirstOrDefault(v => v is not null) switch
        {
            int or long => "INTEGER",
            double or float => "DOUBLE",
            bool => "BOOLEAN",
            _ => "TEXT",
        };
        Execute(connection, $"CREATE TABLE {Quote(layer.Name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {layer.GeometryType}"
            + string.Concat(columns.Select(c => $", {Quote(c)} {TypeOf(c)}")) + ")");

        var geometries = features.Select(f => Prepared(f.Geometry, layer.GeometryType)).ToList();
        var extent = new Envelope();
        foreach (var geometry in geometries.OfType<Geometry>()) extent.ExpandToInclude(geometry.EnvelopeInternal);
        Execute(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($name, 'features', $name, $description, $minX, $minY, $maxX, $maxY, 4326)",
            ("$name", layer.Name), ("$description", layer.Description),
            ("$minX", extent.IsNull ? null : extent.MinX), ("$minY", extent.IsNull ? null : extent.MinY),
            ("$maxX", extent.IsNull ? null : extent.MaxX), ("$maxY", extent.IsNull ? null : extent.MaxY));
        Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ($name, 'geom', $type, 4326, 0, 0)", ("$name", layer.Name), ("$type", layer.GeometryType));

        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {Quote(layer.Name)} (geom{string.Concat(columns.Select(c => $", {Quote(c)}"))}) VALUES ($geom{string.Concat(columns.Select((_, i) => $", $c{i}"))})";
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }; // 2D: by default it writes Z and M as NaN
        for (var f = 0; f < features.Count; f++)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$geom", geometries[f] is { } g ? writer.Write(g) : DBNull.Value);
            for (var i = 0; i < columns.Count; i++)
                insert.Parameters.AddWithValue($"$c{i}", Value(features[f].Attributes.GetOptionalValue(columns[i])));
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The geometry in WGS84 as the layer declares it: a polygon of a MULTIPOLYGON layer made multi.</summary>
    private static Geometry? Prepared(Geometry? geometry, string type)
    {
        if (geometry is null || geometry.IsEmpty) return null;
        var prepared = type == "MULTIPOLYGON" && geometry is Polygon polygon ? geometry.Factory.CreateMultiPolygon([polygon]) : geometry.Copy();
        prepared.SRID = Wgs84;
        return prepared;
    }

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        string[] list => string.Join("; ", list),
        bool b => b ? 1 : 0,
        IFormattable number => number,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? (object)DBNull.Value,
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
