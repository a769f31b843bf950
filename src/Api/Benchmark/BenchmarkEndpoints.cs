using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Areas;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Benchmark;

/// <summary>
/// What a team would build instead of GraphQL, for the load benchmark only (<c>--Benchmark:Endpoints=true</c>; never on
/// by default): <c>GET /bench/rest/resources?areaId=N</c> serialises the map query's data with System.Text.Json, and
/// <c>GET /bench/precomputed?areaId=N</c> returns the same bytes computed once (the ceiling of any endpoint).
/// </summary>
public static class BenchmarkEndpoints
{
    private sealed record TieDto(int Id, string Type, int Strength, int SourceId, int TargetId);
    private sealed record ResourceDto(int Id, string Name, string Kind, double? Latitude, double? Longitude, List<TieDto> Relationships);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<int, byte[]> Precomputed = [];

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        // What the process has allocated and paused for garbage collection so far: read before and after a number of
        // requests, it gives the bytes allocated per request (README, Benchmarks).
        app.MapGet("/bench/gc", () => Results.Json(new
        {
            allocatedBytes = GC.GetTotalAllocatedBytes(),
            collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            pauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
        }));
        app.MapGet("/bench/rest/resources", async (int areaId, IDbContextFactory<ResourceMapDbContext> factory, HttpContext http) =>
            await WriteAsync(http, await RestAsync(factory, areaId, http.RequestAborted)));
        app.MapGet("/bench/precomputed", async (int areaId, IDbContextFactory<ResourceMapDbContext> factory, HttpContext http) =>
        {
            byte[]? bytes;
            lock (Precomputed) Precomputed.TryGetValue(areaId, out bytes);
            if (bytes is null)
            {
                bytes = await RestAsync(factory, areaId, http.RequestAborted);
                lock (Precomputed) Precomputed[areaId] = bytes;
            }
            await WriteAsync(http, bytes);
        });
    }

    private static async Task WriteAsync(HttpContext http, byte[] body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>The resources of an area and the areas inside it, with location, kind and ties: two queries and a serialiser.</summary>
    private static async Task<byte[]> RestAsync(IDbContextFactory<ResourceMapDbContext> factory, int areaId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var areas = await AreaTree.SelfAndDescendantsAsync(db, areaId, ct);
        var resources = await db.Resources.AsNoTracking().Where(r => r.AreaId != null && areas.Contains(r.AreaId.Value)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Kind, r.Latitude, r.Longitude }).ToListAsync(ct);
        var ids = resources.Select(r => r.Id).ToList();
        var ties = await db.Relationships.AsNoTracking().Where(t => ids.Contains(t.SourceId) || ids.Contains(t.TargetId))
            .Select(t => new TieDto(t.Id, t.Type.ToString(), t.Strength, t.SourceId, t.TargetId)).ToListAsync(ct);
        var bySource = ties.ToLookup(t => t.SourceId);
        var byTarget = ties.ToLookup(t => t.TargetId);
        var dtos = resources.Select(r => new ResourceDto(r.Id, r.Name, r.Kind.ToString(), r.Latitude, r.Longitude,
            bySource[r.Id].Concat(byTarget[r.Id]).OrderBy(t => t.Id).ToList())).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(dtos, Json);
    }
}
