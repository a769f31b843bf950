using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Import;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Hsds;

/// <summary>
/// The read side of the HSDS 3.0 API (its <c>schema/openapi.json</c>) under <c>/hsds</c>: <c>GET /hsds/</c>, and
/// <c>organizations</c>, <c>services</c>, <c>service_at_locations</c>, <c>taxonomies</c> and <c>taxonomy_terms</c>,
/// each also by <c>/{id}</c>. Lists are pages (<c>page</c> from 1, <c>per_page</c> up to 500, 50 by default) with the
/// specification's <c>search</c> (accents and case aside), <c>organization_id</c>, <c>taxonomy_term_id</c>,
/// <c>taxonomy_id</c> and <c>modified_after</c>; terms with <c>top_only</c> and <c>parent_id</c>. What the caller's token
/// may read, as every export (<see cref="HsdsDirectory"/>). Errors are this API's: JSON with a message and a code.
/// </summary>
public static class HsdsEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public static void Map(WebApplication app)
    {
        app.MapGet("/hsds", (Func<HttpContext, IResult>)(_ => Json(new JsonObject
        {
            ["version"] = "3.0",
            ["profile"] = "https://docs.openreferral.org/en/latest/hsds/overview.html",
            ["openapi_url"] = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
        })));
        app.MapGet("/hsds/organizations", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, (directory, query) =>
            Entries(directory, query).Select(e => e.Organization))));
        app.MapGet("/hsds/services", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, (directory, query) =>
            Entries(directory, query).Select(e => e.Service))));
        app.MapGet("/hsds/service_at_locations", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, (directory, query) =>
            Entries(directory, query).Select(e => e.ServiceAtLocation).OfType<JsonObject>())));
        app.MapGet("/hsds/taxonomies", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, (directory, _) => [directory.Taxonomy])));
        app.MapGet("/hsds/taxonomy_terms", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, (directory, query) => directory.TaxonomyTerms
            .Where(t => query.TaxonomyId is null || t["taxonomy_id"]!.GetValue<string>() == query.TaxonomyId)
            .Where(t => !query.TopOnly || t["parent_id"] is null)
            .Where(t => query.ParentId is null || t["parent_id"]?.GetValue<string>() == query.ParentId))));

        app.MapGet("/hsds/organizations/{id}", (Func<HttpContext, Task<IResult>>)(http => OneAsync(http, (directory, id) =>
            directory.Entries.FirstOrDefault(e => Id(e.Organization) == id)?.Organization)));
        app.MapGet("/hsds/services/{id}", (Func<HttpContext, Task<IResult>>)(http => OneAsync(http, (directory, id) =>
            directory.Entries.FirstOrDefault(e => Id(e.Service) == id) is { } entry ? WithOrganization(entry.Service, entry) : null)));
        app.MapGet("/hsds/service_at_locations/{id}", (Func<HttpContext, Task<IResult>>)(http => OneAsync(http, (directory, id) =>
            directory.Entries.FirstOrDefault(e => e.ServiceAtLocation is { } at && Id(at) == id)?.ServiceAtLocation)));
        app.MapGet("/hsds/taxonomies/{id}", (Func<HttpContext, Task<IResult>>)(http => OneAsync(http, (directory, id) =>
            Id(directory.Taxonomy) == id ? directory.Taxonomy : null)));
        app.MapGet("/hsds/taxonomy_terms/{id}", (Func<HttpContext, Task<IResult>>)(http => OneAsync(http, (directory, id) =>
            directory.TaxonomyTerms.FirstOrDefault(t => Id(t) == id))));
    }

    private sealed record Query(int Page, int PerPage, string? Search, string? OrganizationId, string? TaxonomyTermId, string? TaxonomyId,
        DateTimeOffset? ModifiedAfter, bool TopOnly, string? ParentId, string? Postcode, double? Proximity)
    {
        /// <summary>Whether an entry is where <see cref="Postcode"/> (and <see cref="Proximity"/>) ask; set once the postcode's centre is known.</summary>
        public Func<HsdsDirectory.Entry, bool> IsPlaced { get; init; } = _ => true;
    }

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    /// <summary>A service with its organization nested, as HSDS's full service has it (the organization without its services again).</summary>
    private static JsonObject WithOrganization(JsonObject service, HsdsDirectory.Entry entry)
    {
        var full = (JsonObject)service.DeepClone();
        var organization = (JsonObject)entry.Organization.DeepClone();
        organization.Remove("services");
        full["organization"] = organization;
        return full;
    }

    private static IEnumerable<HsdsDirectory.Entry> Entries(HsdsDirectory directory, Query query) => directory.Entries
        .Where(e => query.Search is null || HsdsDirectory.Finds(e.Resource, query.Search))
        .Where(e => query.OrganizationId is null || Id(e.Organization) == query.OrganizationId)
        .Where(e => query.TaxonomyTermId is null || e.TermIds.Contains(query.TaxonomyTermId))
        .Where(e => query.TaxonomyId is null || query.TaxonomyId == Id(directory.Taxonomy))
        .Where(e => query.ModifiedAfter is null || directory.ModifiedOf(e.Resource.Id) >= query.ModifiedAfter)
        .Where(query.IsPlaced);

    private static async Task<IResult> ListAsync(HttpContext http, Func<HsdsDirectory, Query, IEnumerable<JsonObject>> select)
    {
        var (query, refused) = ParseQuery(http);
        if (refused is not null) return refused;
        var (directory, error) = await DirectoryAsync(http);
        if (error is not null) return error;
        if (query!.Postcode is { } postcode)
        {
            if (directory!.CentreOf(postcode) is not { } centre)
                return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput,
                    $"No location in this directory has the postcode {postcode}, so its centre is unknown: 'postcode' is placed by the locations that have it.");
            query = query with { IsPlaced = await PlacementAsync(http, directory, postcode, centre, query.Proximity) };
        }
        var all = select(directory!, query).ToList();
        var pages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)query!.PerPage));
        var contents = all.Skip((query.Page - 1) * query.PerPage).Take(query.PerPage).Select(o => o.DeepClone()).ToArray();
        return Json(new JsonObject
        {
            ["total_items"] = all.Count,
            ["total_pages"] = pages,
            ["page_number"] = query.Page,
            ["size"] = contents.Length,
            ["first_page"] = query.Page == 1,
            ["last_page"] = query.Page >= pages,
            ["empty"] = all.Count == 0,
            ["contents"] = new JsonArray(contents),
        });
    }

    /// <summary>One record by the <c>{id}</c> of the route.</summary>
    private static async Task<IResult> OneAsync(HttpContext http, Func<HsdsDirectory, string, JsonObject?> find)
    {
        var (directory, error) = await DirectoryAsync(http);
        if (error is not null) return error;
        return find(directory!, http.Request.RouteValues["id"] as string ?? "") is { } found
            ? Json((JsonObject)found.DeepClone())
            : Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "There is no such record, or the caller may not read it.");
    }

    private static (Query? Query, IResult? Refused) ParseQuery(HttpContext http)
    {
        var q = http.Request.Query;
        string? Text(string name) => q[name].ToString() is { Length: > 0 } value ? value : null;
        int page = 1, perPage = DefaultPageSize;
        if (Text("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'page' must be a page number from 1, not '{pageText}'."));
        if (Text("per_page") is { } sizeText && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > MaxPageSize))
            return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'per_page' must be from 1 to {MaxPageSize}, not '{sizeText}'."));
        DateTimeOffset? modifiedAfter = null;
        if (Text("modified_after") is { } afterText)
        {
            if (!DateTimeOffset.TryParse(afterText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after))
                return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'modified_after' must be a date and time (ISO 8601), not '{afterText}'."));
            modifiedAfter = after;
        }
        string? postcode = null;
        if (Text("postcode") is { } postcodeText)
        {
            var digits = System.Text.RegularExpressions.Regex.Match(postcodeText.Trim(), @"^(?:LV-?\s?)?(\d{4})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (!digits.Success)
                return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'postcode' must be a Latvian postal code such as LV-4101, not '{postcodeText}'."));
            postcode = $"LV-{digits.Groups[1].Value}";
        }
        double? proximity = null;
        if (Text("proximity") is { } proximityText)
        {
            if (!double.TryParse(proximityText, NumberStyles.Float, CultureInfo.InvariantCulture, out var meters) || !double.IsFinite(meters) || meters < 0)
                return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'proximity' must be a distance in metres, not '{proximityText}'."));
            if (postcode is null)
                return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, "'proximity' is measured from the centre of 'postcode': give both."));
            proximity = meters;
        }
        var topOnly = false;
        if (Text("top_only") is { } topText && !bool.TryParse(topText, out topOnly))
            return (null, Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"'top_only' must be true or false, not '{topText}'."));
        return (new Query(page, perPage, Text("search"), Text("organization_id"), Text("taxonomy_term_id"), Text("taxonomy_id"), modifiedAfter, topOnly, Text("parent_id"), postcode, proximity), null);
    }

    /// <summary>
    /// Where a postcode query places an entry, as the specification puts it: with <c>proximity</c>, its location within that
    /// many metres of the postcode's centre (Vincenty); without, a service area (the resource's area) that holds the centre,
    /// or — for a resource with no area — a location with that postcode.
    /// </summary>
    private static async Task<Func<HsdsDirectory.Entry, bool>> PlacementAsync(HttpContext http, HsdsDirectory directory, string postcode,
        (double Latitude, double Longitude) centre, double? proximity)
    {
        if (proximity is { } meters)
            return e => e.Resource is { Latitude: { } lat, Longitude: { } lon } &&
                Graph.Spatial.Geodesic.DistanceMeters(centre.Latitude, centre.Longitude, lat, lon) <= meters;
        var spatial = await http.RequestServices.GetRequiredService<Geo.SpatialLoader>().CurrentAsync(http.RequestAborted);
        var areas = spatial.AreasAt(centre.Latitude, centre.Longitude).Select(a => a.Id).ToHashSet();
        return e => e.Resource.AreaId is { } area ? areas.Contains(area) : HsdsDirectory.PostcodeOf(e.Resource) == postcode;
    }

    /// <summary>The directory the request's caller may read, or the refusal of their token.</summary>
    internal static async Task<(HsdsDirectory? Directory, IResult? Error)> DirectoryAsync(HttpContext http)
    {
        if (await ExportEndpoints.RefusedAsync(http) is { } refused) return (null, refused);
        var (export, db) = await ExportEndpoints.OpenAsync(http);
        await using (db)
        {
            var rows = await export.ReadAsync(null, null, http.RequestAborted);
            // Summed up here: SQLite cannot take the largest of DateTimeOffset values.
            var modified = (await db.Changes.AsNoTracking().Where(c => c.Entity == nameof(Resource)).Select(c => new { c.EntityId, c.At }).ToListAsync(http.RequestAborted))
                .GroupBy(c => c.EntityId)
                .ToDictionary(g => g.Key, g => g.Max(c => c.At));
            return (new HsdsDirectory(rows, modified), null);
        }
    }

    // Letters as they are (UTF-8), not \u escapes.
    private static readonly System.Text.Json.JsonSerializerOptions Written = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(Written), "application/json; charset=utf-8");

    private static IResult Error(int status, string code, string message) => ExportEndpoints.Error(status, code, message);
}
