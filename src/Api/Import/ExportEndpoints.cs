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
using NetTopologySuite.IO.Converters;
using ResourceMap.Api.Coverage;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Protection;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

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
        app.MapGet("/export/areas.geojson", (Func<HttpContext, Task<IResult>>)(http => ExportAsync(http, (export, query) => AreasAsync(http, export, query))));
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
    /// The areas layer: with <c>targetGroup</c> and <c>maxDistanceMeters</c> each area's coverage figures too (as the
    /// <c>coverage</c> query computes them), a <c>BAD_USER_INPUT</c> refusal when only one is given or either is wrong.
    /// </summary>
    private static async Task<IResult> AreasAsync(HttpContext http, SpreadsheetExport export, Query query)
    {
        var group = http.Request.Query["targetGroup"].ToString().Trim().ToLowerInvariant();
        var distanceText = http.Request.Query["maxDistanceMeters"].ToString();
        if ((group.Length > 0) != (distanceText.Length > 0))
            return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, "Coverage figures need both 'targetGroup' and 'maxDistanceMeters'; give both or neither.");
        CoverageRequest? request = null;
        if (group.Length > 0)
        {
            if (!double.TryParse(distanceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var distance) || !double.IsFinite(distance) || distance <= 0)
                return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'maxDistanceMeters' must be a distance in metres above 0, not '{distanceText}'.");
            try { request = new CoverageRequest(TextRules.Required(group, "targetGroup", 100), Distance.Check(distance, "maxDistanceMeters")); }
            catch (UserError e) { return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, e.Message); }
        }
        var spatial = await http.RequestServices.GetRequiredService<SpatialSnapshots>().CurrentAsync(http.RequestAborted);
        var within = query.AreaId is { } id ? spatial.SelfAndDescendants(id) : null;
        var coverage = request is null ? null
            : await OwnThread.RunAsync(() => new CoverageAnalysis(spatial, request).Areas(within), http.RequestAborted);
        var areas = spatial.Areas.Where(a => within is null || within.Contains(a.Id));
        return GeoJsonResult(MapLayers.Areas(areas, spatial.Areas.ToDictionary(a => a.Id, a => a.Name), coverage), "areas.geojson");
    }

    private static IResult NetworkResult(NetworkFile file, Action<Stream, NetworkFile> write, string mediaType, string name)
    {
        var stream = new MemoryStream();
        write(stream, file);
        return Results.File(stream.ToArray(), mediaType + "; charset=utf-8", name);
    }

    private sealed record Query(int? AreaId, DateOnly? Day, bool Latvian, IReadOnlyList<RelationshipType>? Types);

    private static async Task<IResult> ExportAsync(HttpContext http, Func<SpreadsheetExport, Query, Task<IResult>> write)
    {
        if (await AuthenticationSetup.RefusedTokenAsync(http) is { } refused)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, refused);
        }
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
        var services = http.RequestServices;
        var caller = new RequestCaller();
        var factory = services.GetRequiredService<ResourceMapDbContextFactory>();
        await caller.SignInAsync(http.User, factory, http.RequestAborted);
        await using var db = new CallerDbContextFactory(factory, caller).CreateDbContext();
        var export = new SpreadsheetExport(db, caller, services.GetRequiredService<NetworkSnapshots>(), services.GetRequiredService<NetworkAnalyses>());
        return await write(export, new Query(areaId, day, ImportEndpoints.Latvian(http), types));
    }

    private static IResult Error(int status, string code, string message) =>
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
