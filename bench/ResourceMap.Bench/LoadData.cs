using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Bench;

/// <summary>A municipality of five parishes with N resources and (by default) 2N ties, for the HTTP load benchmarks, on SQLite or PostgreSQL.</summary>
public static class LoadData
{
    /// <param name="folder">The SQLite data folder, or a PostgreSQL connection string when <paramref name="postgres"/>.</param>
    public static async Task<int> SeedAsync(string folder, int count, int? tieCount = null, bool postgres = false)
    {
        var tiesWanted = Math.Min(tieCount ?? 2 * count, count * (count - 1L) / 2);
        var settings = postgres
            ? new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = folder, DemoData = false }
            : new DatabaseSettings { DataFolder = folder, DemoData = false };
        var factory = new ResourceMapDbContextFactory(settings);
        await DatabaseInitializer.InitializeAsync(factory, settings);
        await using var db = factory.CreateDbContext();
        var random = new Random(7);
        var municipality = new Area { Name = "Slodzes novads", Kind = AreaKind.Municipality };
        var parishes = Enumerable.Range(1, 5).Select(i => new Area { Name = $"Slodzes {i}. pagasts", Kind = AreaKind.Parish, Parent = municipality }).ToList();
        var kinds = Enum.GetValues<ResourceKind>();
        var resources = Enumerable.Range(0, count).Select(i => new Resource
        {
            Name = $"Resurss Nr. {i} — biedrība „Ūdenszīmes”",
            Kind = kinds[random.Next(kinds.Length)],
            Area = parishes[i % parishes.Count],
            Latitude = 56.8 + random.NextDouble() * 0.3,
            Longitude = 24.0 + random.NextDouble() * 0.5,
            TargetGroups = ["seniors"],
        }).ToList();
        foreach (var r in resources) r.RefreshSearchText();
        db.Areas.Add(municipality);
        db.Areas.AddRange(parishes);
        db.Resources.AddRange(resources);
        await db.SaveChangesAsync();
        var types = Enum.GetValues<RelationshipType>();
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < tiesWanted)
        {
            var (a, b) = (random.Next(count), random.Next(count));
            if (a != b) pairs.Add((Math.Min(a, b), Math.Max(a, b)));
        }
        // Saved in parts: one change tracker of 100,000 ties takes minutes and gigabytes.
        foreach (var part in pairs.Chunk(10_000))
        {
            db.Relationships.AddRange(part.Select(p => new Relationship
            {
                SourceId = resources[p.Item1].Id, TargetId = resources[p.Item2].Id, Type = types[random.Next(types.Length)], Strength = random.Next(1, 6),
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return municipality.Id;
    }
}
