using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Graph.Spatial;
using ResourceMap.Persistence;

namespace ResourceMap.Bench;

/// <summary>
/// Resources within 2 km of a point, over N resources: PostGIS (ST_DWithin on the stored geography point, GiST index,
/// one round trip per query) beside the R-tree the server keeps in memory on SQLite, for the same points and centres.
/// Both answers are checked to hold the same ids.
/// </summary>
public static class PostGisWithin
{
    private const int Queries = 300;
    private const double Meters = 2_000;

    public static async Task RunAsync(string connectionString, int count)
    {
        await LoadData.SeedAsync(connectionString, count, tieCount: 0, postgres: true);
        var factory = new ResourceMapDbContextFactory(new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString, DemoData = false });
        await using var db = factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Resources\"");
        var points = await db.Resources.OrderBy(r => r.Id).Select(r => new { r.Id, Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value }).ToListAsync();
        var clock = Stopwatch.StartNew();
        var index = new PointIndex(points.Select(p => p.Latitude).ToList(), points.Select(p => p.Longitude).ToList());
        var built = clock.Elapsed;

        var random = new Random(11);
        var centres = Enumerable.Range(0, Queries).Select(_ => (Latitude: 56.8 + random.NextDouble() * 0.3, Longitude: 24.0 + random.NextDouble() * 0.5)).ToList();
        var postgis = new List<double>();
        var rtree = new List<double>();
        var found = 0L;
        for (var round = 0; round < 2; round++) // the first round warms both up and is not counted
            foreach (var (lat, lon) in centres)
            {
                clock.Restart();
                var inDatabase = await db.Database.SqlQuery<int>($"""
                    SELECT "Id" AS "Value" FROM "Resources"
                    WHERE ST_DWithin("Geography", ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)::geography, {Meters})
                    """).ToListAsync();
                var database = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var inMemory = index.WithinDistance(lat, lon, Meters).Select(h => points[h.Index].Id).ToList();
                var memory = clock.Elapsed.TotalMilliseconds;
                if (!inDatabase.Order().SequenceEqual(inMemory.Order()))
                    throw new InvalidOperationException($"PostGIS and the R-tree disagree at ({lat}, {lon}): {inDatabase.Count} against {inMemory.Count}.");
                if (round == 0) continue;
                postgis.Add(database);
                rtree.Add(memory);
                found += inMemory.Count;
            }

        Console.WriteLine($"{count:N0} resources, {Queries} centres, within {Meters:N0} m: {found / (double)Queries:F0} found on average (same ids both ways); R-tree built in {built.TotalMilliseconds:F0} ms");
        Console.WriteLine($"{"",-28} {"p50 ms",8} {"p95 ms",8} {"mean ms",8}");
        Print("PostGIS (ST_DWithin, GiST)", postgis);
        Print("R-tree in memory", rtree);
        Console.WriteLine($"PostGIS / R-tree (p50): {Percentile(postgis, 0.5) / Percentile(rtree, 0.5):F1}×");
    }

    private static void Print(string name, List<double> times) =>
        Console.WriteLine($"{name,-28} {Percentile(times, 0.5),8:F2} {Percentile(times, 0.95),8:F2} {times.Average(),8:F2}");

    private static double Percentile(List<double> times, double share) => times.Order().ElementAt((int)Math.Min(times.Count - 1, share * times.Count));
}
