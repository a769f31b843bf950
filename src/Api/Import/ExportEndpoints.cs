using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using ResourceMap.Api.Access;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Network;
using System.Text.Json;
using GraphQL;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using ResourceMap.Api.Coverage;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Protection;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;
using Area = ResourceMap.Persistence.Model.Area;

namespace ResourceMap.Api.Import;

/// <summary>
/// <c>GET /export/resources.xlsx</c> (the template's workbook, filled in, with a sheet of network metrics), and
/// <c>/export/resources.csv</c>, <c>/export/ties.csv</c>: what the caller's token lets them read (anonymous: no sensitive
/// resources, no persons' contacts). <c>?areaId=</c> an area's global id, <c>?day=YYYY-MM-DD</c> the ties of that day,
/// <c>?language=lv|en</c>. Edited and imported again, the workbook updates the same resources.
/// <c>/export/network.gexf</c> and <c>/export/network.graphml</c> (<see cref="NetworkFile"/>) take <c>?types=</c> too:
/// tie types as the API names them, separated by commas. <c>/export/resources.geojson</c>, <c>ties.geojson</c> and
/// <c>areas.geojson</c> are the map's GIS layers (<see cref="MapLayers"/>); the areas' with <c>?targetGroup=</c> and
/// <c>?maxDistanceMeters=</c> carry coverage figures.
/// </summary>
public static class ExportEndpoints
{
    public static void Map(WebApplication app)
    {
        // Handlers, not request delegates: their result is what is written.
        app.MapGet("/export/resources.xlsx", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
        {
            var stream = new MemoryStream();
            XlsxWriter.Write(stream, await export.SheetsAsync(query.AreaId, query.Day, query.Latvian, http.RequestAborted));
            return Results.File(stream.ToArray(), ImportEndpoints.XlsxMediaType, query.Latvian ? "resursi.xlsx" : "resources.xlsx");
        })));
        app.MapGet("/export/resources.csv", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
            Csv(ImportColumns.Resources, (await export.RowsAsync(query.AreaId, query.Day, query.Latvian, http.RequestAborted)).Resources, query.Latvian, "resursi", "resources"))));
        app.MapGet("/export/ties.csv", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
            Csv(ImportColumns.Ties, (await export.RowsAsync(query.AreaId, query.Day, query.Latvian, http.RequestAborted)).Ties, query.Latvian, "saites", "ties"))));
        app.MapGet("/export/resources.geojson", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
            GeoJsonResult(MapLayers.Resources(await export.ReadAsync(query.AreaId, query.Day, http.RequestAborted)), "resources.geojson"))));
        app.MapGet("/export/ties.geojson", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
            GeoJsonResult(MapLayers.Ties(await export.ReadAsync(query.AreaId, query.Day, http.RequestAborted)), "ties.geojson"))));
        app.MapGet("/export/areas.geojson", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, (_, query) => AreasLayerAsync(http, query))));
        app.MapGet("/export/hsds.json", (Func<HttpContext, Task<IResult>>)(http => HsdsFileAsync(http, Hsds.HsdsFiles.Json, "application/json", "hsds.json")));
        app.MapGet("/export/hsds.zip", (Func<HttpContext, Task<IResult>>)(http => HsdsFileAsync(http, Hsds.HsdsFiles.Tabular, "application/zip", "hsds.zip")));
        app.MapGet("/export/map.gpkg", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, (export, query) => GeoPackageAsync(http, export, query))));
        app.MapGet("/export/network.gexf", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
            NetworkResult(await export.NetworkAsync(query.AreaId, query.Day, query.Types, http.RequestAborted), GexfWriter.Write, "application/gexf+xml", "network.gexf"))));
        app.MapGet("/export/network.graphml", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, async (export, query) =>
            NetworkResult(await export.NetworkAsync(query.AreaId, query.Day, query.Types, http.RequestAborted), GraphMLWriter.Write, "application/graphml+xml", "network.graphml"))));
    }

    // Letters as they are (UTF-8), not \u escapes: GIS tools show the file's text to people.
    private static readonly JsonSerializerOptions GeoJson = new()
    {
        Converters = { new GeoJsonConverterFactory() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static IResult GeoJsonResult(FeatureCollection layer, string name) =>
        Results.File(JsonSerializer.SerializeToUtf8Bytes(layer, GeoJson), "application/geo+json", name);

    /// <summary>
    /// The coverage asked for by <c>targetGroup</c> and <c>maxDistanceMeters</c> (null when neither is given), or the
    /// <c>BAD_USER_INPUT</c> refusal when only one is given or either is wrong.
    /// </summary>
    private static (CoverageRequest? Request, IResult? Refused) CoverageRequestOf(HttpContext http)
    {
        var group = http.Request.Query["targetGroup"].ToString().Trim().ToLowerInvariant();
        var distanceText = http.Request.Query["maxDistanceMeters"].ToString();
        if (group.Length == 0 && distanceText.Length == 0) return (null, null);
        if (group.Length == 0 || distanceText.Length == 0)
            return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, "Coverage figures need both 'targetGroup' and 'maxDistanceMeters'; give both or neither."));
        if (!double.TryParse(distanceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var distance) || !double.IsFinite(distance) || distance <= 0)
            return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'maxDistanceMeters' must be a distance in metres above 0, not '{distanceText}'."));
        try { return (new CoverageRequest(TextRules.Required(group, "targetGroup", 100), Distance.Check(distance, "maxDistanceMeters")), null); }
        catch (UserError e) { return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, e.Message)); }
    }

    /// <summary>The areas of the query's scope, their names, and the coverage asked for (as the <c>coverage</c> query computes it).</summary>
    private static async Task<(SpatialSnapshot Spatial, List<Area> Areas, Dictionary<int, string> Names, CoverageResult? Coverage)> AreasAsync(
        HttpContext http, Query query, CoverageRequest? request)
    {
        var spatial = await http.RequestServices.GetRequiredService<SpatialSnapshots>().CurrentAsync(http.RequestAborted);
        var within = query.AreaId is { } id ? spatial.SelfAndDescendants(id) : null;
        var coverage = request is null ? null
            : await OwnThread.RunAsync(() => new CoverageAnalysis(spatial, request).Areas(within), http.RequestAborted);
        return (spatial, spatial.Areas.Where(a => within is null || within.Contains(a.Id)).ToList(), spatial.Areas.ToDictionary(a => a.Id, a => a.Name), coverage);
    }

    private static async Task<IResult> AreasLayerAsync(HttpContext http, Query query)
    {
        var (request, refused) = CoverageRequestOf(http);
        if (refused is not null) return refused;
        var (_, areas, names, coverage) = await AreasAsync(http, query, request);
        return GeoJsonResult(MapLayers.Areas(areas, names, coverage), "areas.geojson");
    }

    /// <summary>
    /// The map as a GeoPackage: resources, ties and areas, and with a target group and a distance the under-served areas
    /// and the coverage grid over the area asked for (without one, over the outermost areas with a boundary), in cells of <c>cellSizeMeters</c> or,
    /// by default, a quarter of the distance (coarser when the grid would pass its 20,000 cells).
    /// </summary>
    private static async Task<IResult> GeoPackageAsync(HttpContext http, SpreadsheetExport export, Query query)
    {
        var (request, refused) = CoverageRequestOf(http);
        if (refused is not null) return refused;
        var rows = await export.ReadAsync(query.AreaId, query.Day, http.RequestAborted);
        var (spatial, areas, names, coverage) = await AreasAsync(http, query, request);
        var layers = new List<GeoPackageWriter.Layer>
        {
            new("resources", "Community resources", "POINT", MapLayers.Resources(rows)),
            new("ties", "Ties between resources, from source to target", "LINESTRING", MapLayers.Ties(rows)),
            new("areas", "Areas with population" + (coverage is null ? "" : " and coverage"), "MULTIPOLYGON", MapLayers.Areas(areas, names, coverage)),
        };
        if (request is not null && coverage is not null)
        {
            var underServed = coverage.Areas.Where(a => a.UnderServed).Select(a => a.Area.Id).ToHashSet();
            layers.Add(new("underserved_areas", $"Areas under-served for {request.TargetGroup} within {request.MaxDistanceMeters} m", "MULTIPOLYGON",
                MapLayers.Areas(areas.Where(a => underServed.Contains(a.Id)), names, coverage)));
            var clip = query.AreaId is { } id ? spatial.Area(id)?.Boundary : OutermostBoundaries(spatial);
            if (clip is null)
                return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, query.AreaId is { } asked
                    ? $"The area '{spatial.Area(asked)?.Name}' has no boundary to lay the coverage grid over."
                    : "No area has a boundary to lay the coverage grid over.");
            double cellSize;
            try
            {
                cellSize = http.Request.Query["cellSizeMeters"].ToString() is { Length: > 0 } sizeText
                    ? CoverageQueries.CellSize(double.TryParse(sizeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var size) ? size : double.NaN, clip)
                    : CoverageQueries.DefaultCellSize(request.MaxDistanceMeters, clip);
            }
            catch (UserError e) { return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, e.Message); }
            var cells = await OwnThread.RunAsync(() => new CoverageAnalysis(spatial, request).Grid(clip, cellSize, http.RequestAborted), http.RequestAborted);
            layers.Add(new("coverage_grid", $"Coverage for {request.TargetGroup} within {request.MaxDistanceMeters} m on {cellSize:0.#} m cells", "POLYGON", MapLayers.Grid(cells)));
        }
        return Results.File(GeoPackageWriter.Write(layers), "application/geopackage+sqlite3", "map.gpkg");
    }

    /// <summary>The union of the boundaries of the areas with one that lie in no area with one (the country's, if it has one).</summary>
    private static Geometry? OutermostBoundaries(SpatialSnapshot spatial)
    {
        bool InsideAnother(Area area)
        {
            for (var parent = area.ParentId is { } p ? spatial.Area(p) : null; parent is not null; parent = parent.ParentId is { } q ? spatial.Area(q) : null)
                if (parent.Boundary is not null) return true;
            return false;
        }
        var outermost = spatial.Areas.Where(a => a.Boundary is not null && !InsideAnother(a)).Select(a => a.Boundary!).ToList();
        return outermost.Count == 0 ? null : NetTopologySuite.Operation.Union.UnaryUnionOp.Union(outermost);
    }

    private static async Task<IResult> HsdsFileAsync(HttpContext http, Func<Hsds.HsdsDirectory, byte[]> write, string mediaType, string name)
    {
        var (directory, refused) = await Hsds.HsdsEndpoints.DirectoryAsync(http);
        return refused ?? Results.File(write(directory!), mediaType, name);
    }

    private static IResult NetworkResult(NetworkFile file, Action<Stream, NetworkFile> write, string mediaType, string name)
    {
        var stream = new MemoryStream();
        write(stream, file);
        return Results.File(stream.ToArray(), mediaType + "; charset=utf-8", name);
    }

    private sealed record Query(int? AreaId, DateOnly? Day, bool Latvian, IReadOnlyList<RelationshipType>? Types);

    /// <summary>The 401 answer to a token the server does not take (forged, expired, ended); null when there is none or it is good.</summary>
    internal static async Task<IResult?> RefusedAsync(HttpContext http)
    {
        if (await AuthenticationSetup.RefusedTokenAsync(http) is not { } refused) return null;
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, refused);
    }

    /// <summary>The export pipeline for the request's caller, reading through a context that sees only what they may read.</summary>
    internal static async Task<(SpreadsheetExport Export, ResourceMapDbContext Db)> OpenAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var caller = new RequestCaller();
        var factory = services.GetRequiredService<ResourceMapDbContextFactory>();
        await caller.SignInAsync(http.User, factory, http.RequestAborted);
        var db = new CallerDbContextFactory(factory, caller).CreateDbContext();
        return (new SpreadsheetExport(db, caller, services.GetRequiredService<NetworkSnapshots>(), services.GetRequiredService<NetworkAnalyses>()), db);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, Func<SpreadsheetExport, Query, Task<IResult>> write)
    {
        if (await RefusedAsync(http) is { } refused) return refused;
        int? areaId = null;
        if (http.Request.Query["areaId"].ToString() is { Length: > 0 } area)
        {
            try { areaId = GlobalId.Decode(area, GlobalId.Area, "areaId"); }
            catch (UserError e) { return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, e.Message); }
        }
        DateOnly? day = null;
        if (http.Request.Query["day"].ToString() is { Length: > 0 } dayText)
        {
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'day' must be a day as YYYY-MM-DD, not '{dayText}'.");
            day = parsed;
        }
        List<RelationshipType>? types = null;
        if (http.Request.Query["types"].ToString() is { Length: > 0 } typesText)
        {
            types = [];
            foreach (var name in typesText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Enum.TryParse<RelationshipType>(name.Replace("_", ""), ignoreCase: true, out var type) || !Enum.IsDefined(type) || name.Any(char.IsDigit))
                    return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput,
                        $"'types' lists tie types separated by commas; '{name}' is none of {string.Join(", ", Enum.GetValues<RelationshipType>().Select(t => t.ToString().ToConstantCase()))}.");
                types.Add(type);
            }
        }
        var (export, db) = await OpenAsync(http);
        await using (db) return await write(export, new Query(areaId, day, ImportEndpoints.Latvian(http), types));
    }

    internal static IResult Error(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);

    /// <summary>
    /// The rows as CSV, UTF-8 with a BOM (Excel reads the letters then), ';' in Latvian, ',' in English. A cell that a
    /// spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) gets a leading apostrophe
    /// (OWASP, CSV injection), which the import takes off again; numbers stay as they are.
    /// </summary>
    private static IResult Csv(Column[] columns, List<IReadOnlyList<string>> rows, bool latvian, string latvianName, string englishName)
    {
        using var writer = Sep.New(latvian ? ';' : ',').Writer(o => o with { Escape = true }).ToText();
        var headers = columns.Select(c => latvian ? c.Latvian : c.Name).ToArray();
        writer.Header.Add(headers);
        foreach (var row in rows)
        {
            using var line = writer.NewRow();
            for (var i = 0; i < headers.Length; i++) line[headers[i]].Set(Neutral(row[i]));
        }
        writer.Flush();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", latvian ? $"{latvianName}.csv" : $"{englishName}.csv");
    }

    public static string Neutral(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}
