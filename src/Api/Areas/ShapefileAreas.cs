using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using ResourceMap.Api.Geo;

namespace ResourceMap.Api.Areas;

/// <summary>
/// Areas from a zipped Esri shapefile (.shp, .shx, .dbf, .prj, and .cpg for the attributes' encoding), the way the
/// State Land Service publishes administrative boundaries: read with NetTopologySuite.IO.Esri.Shapefile and turned into
/// the GeoJSON FeatureCollection <see cref="AreaImport"/> checks and imports, all or nothing, so one pipeline serves
/// both formats. Coordinates in LKS-92 (a .prj naming Latvia TM / LKS92) are reprojected to WGS84; WGS84 ones are kept;
/// any other system, or none, is refused. Attribute columns are mapped by <see cref="Columns"/>.
/// </summary>
public static class ShapefileAreas
{
    /// <summary>
    /// Which attribute holds what: the name (by default the first of name, NAME, NOSAUKUMS, Nosaukums), the kind (a
    /// column, or one kind for all), the parent (a column, or one parent for all, by name or code), the register code
    /// (ATVK: a numeric column's lost leading zeros are put back), and the people living there (a column of whole
    /// numbers, stored as the "total" population).
    /// </summary>
    public sealed record Columns(string? Name = null, string? KindColumn = null, string? Kind = null, string? ParentColumn = null, string? Parent = null,
        string? PopulationColumn = null, string? CodeColumn = null);

    private static readonly string[] NameColumns = ["name", "NAME", "NOSAUKUMS", "Nosaukums", "nosaukums"];

    /// <summary>The most a zip may unpack to: boundaries of all of Latvia's parishes are a few tens of megabytes.</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    /// <summary>The collection, or null with the reasons in <paramref name="problems"/>.</summary>
    public static IDictionary<string, object?>? Read(Stream zip, Columns columns, List<string> problems)
    {
        using var archive = OpenZip(zip, problems);
        if (archive is null) return null;
        if (archive.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
        {
            problems.Add($"the zip unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB.");
            return null;
        }
        var shapefiles = archive.Entries.Where(e => e.FullName.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).ToList();
        if (shapefiles.Count != 1)
        {
            problems.Add(shapefiles.Count == 0 ? "the zip holds no .shp file." : $"the zip holds {shapefiles.Count} .shp files; zip one shapefile at a time.");
            return null;
        }
        var stem = shapefiles[0].FullName[..^4];
        ZipArchiveEntry? Part(string extension) => archive.Entries.FirstOrDefault(e => e.FullName.Equals(stem + extension, StringComparison.OrdinalIgnoreCase));
        if (Part(".dbf") is not { } dbf)
        {
            problems.Add($"the zip has no {stem}.dbf with the areas' attributes.");
            return null;
        }
        var projection = Part(".prj") is { } prj ? Text(prj) : null;
        var lks92 = projection is not null && (projection.Contains("LKS92", StringComparison.OrdinalIgnoreCase) || projection.Contains("LKS_1992", StringComparison.OrdinalIgnoreCase)
            || projection.Contains("Latvia", StringComparison.OrdinalIgnoreCase));
        var wgs84 = projection is not null && !projection.Contains("PROJCS", StringComparison.OrdinalIgnoreCase) && projection.Contains("WGS", StringComparison.OrdinalIgnoreCase)
            && projection.Contains("84", StringComparison.Ordinal);
        if (!lks92 && !wgs84)
        {
            problems.Add(projection is null
                ? $"the zip has no {stem}.prj, so the coordinates' system is unknown; it must be LKS-92 (EPSG:3059) or WGS84 (EPSG:4326)."
                : $"{stem}.prj names a coordinate system other than LKS-92 (EPSG:3059) or WGS84 (EPSG:4326); reproject the shapefile to one of them.");
            return null;
        }
        var encoding = Part(".cpg") is { } cpg && Text(cpg).Trim() is var name && name.Length > 0 ? EncodingOf(name, problems) : null;
        if (problems.Count > 0) return null;

        NetTopologySuite.Features.Feature[] features;
        try
        {
            features = Shapefile.ReadAllFeatures(Copy(shapefiles[0]), Copy(dbf), new ShapefileReaderOptions { Encoding = encoding });
        }
        catch (Exception e) when (e is ShapefileException or IOException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{stem}.shp cannot be read as a shapefile: {e.Message}");
            return null;
        }

        var fields = features.Length == 0 ? [] : features[0].Attributes.GetNames();
        var nameColumn = columns.Name ?? NameColumns.FirstOrDefault(fields.Contains);
        foreach (var (column, what) in new[] { (nameColumn, "name"), (columns.KindColumn, "kind"), (columns.ParentColumn, "parent"), (columns.PopulationColumn, "population"), (columns.CodeColumn, "code") })
            if (features.Length > 0 && column is not null && !fields.Contains(column))
                problems.Add($"{stem}.dbf has no column '{column}' for the {what} (its columns: {string.Join(", ", fields)}).");
        if (features.Length > 0 && nameColumn is null) problems.Add($"{stem}.dbf has no name column ({string.Join(", ", NameColumns)}); name it with --name-field.");
        if (problems.Count > 0) return null;

        var geoJson = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var list = new List<object?>();
        for (var i = 0; i < features.Length; i++)
        {
            var attributes = features[i].Attributes;
            object? Value(string? column) => column is null ? null : attributes.GetOptionalValue(column);
            var geometry = features[i].Geometry is { IsEmpty: false } g ? JsonValues.FromJson(JsonSerializer.SerializeToElement(g, geoJson)) : null;
            if (lks92 && Lks92.ReprojectGeometry(geometry) is { } outside) problems.Add($"features[{i}].geometry.coordinates: {outside}.");
            var properties = new Dictionary<string, object?>
            {
                ["name"] = Value(nameColumn)?.ToString()?.Trim(),
                ["kind"] = columns.Kind ?? Value(columns.KindColumn)?.ToString()?.Trim(),
                ["parent"] = columns.Parent ?? Value(columns.ParentColumn)?.ToString()?.Trim(),
                ["code"] = Value(columns.CodeColumn) switch
                {
                    null => null,
                    string text => text.Trim(),
                    IConvertible number => AreaCodes.Atvk(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture)),
                    var other => other.ToString(),
                },
            };
            if (columns.PopulationColumn is not null)
                properties["population"] = new Dictionary<string, object?> { ["total"] = Value(columns.PopulationColumn) is IConvertible n ? Convert.ToDouble(n) : null };
            list.Add(new Dictionary<string, object?> { ["type"] = "Feature", ["properties"] = properties, ["geometry"] = geometry });
        }
        return problems.Count > 0 ? null : new Dictionary<string, object?> { ["type"] = "FeatureCollection", ["features"] = list };
    }

    private static ZipArchive? OpenZip(Stream zip, List<string> problems)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            problems.Add("the file is not a zip (zip the shapefile's .shp, .shx, .dbf, .prj and .cpg together).");
            return null;
        }
    }

    private static Encoding? EncodingOf(string name, List<string> problems)
    {
        try
        {
            return name.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || name.Equals("UTF8", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(false) : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            problems.Add($"the .cpg names an encoding this server does not know: '{name}'; save the attributes as UTF-8.");
            return null;
        }
    }

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The entry in memory: the shapefile reader seeks, a zip entry's stream cannot.</summary>
    private static MemoryStream Copy(ZipArchiveEntry entry)
    {
        var memory = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }
}
