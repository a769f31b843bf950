using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Persistence.Tests;

/// <summary>The database as the server starts and uses it: on SQLite, and on PostgreSQL in the run's PostgreSQL pass (except what is SQLite's own).</summary>
public class PersistenceTests
{
    [Fact]
    public async Task Every_connection_overwrites_what_it_deletes_pooled_ones_too()
    {
        using var temp = new TempDatabase(sqlite: true);
        var factory = temp.NewFactory();
        await DatabaseInitializer.InitializeAsync(factory, temp.Settings);
        // Three contexts one after another: the second and third get the pooled connection of the first.
        for (var i = 0; i < 3; i++)
        {
            await using var db = factory.CreateDbContext();
            await db.Database.OpenConnectionAsync();
            await using var query = db.Database.GetDbConnection().CreateCommand();
            query.CommandText = "PRAGMA secure_delete;";
            Assert.Equal(1L, await query.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task First_start_creates_the_database_file_and_loads_the_demo_network()
    {
        using var temp = new TempDatabase(demoData: true, sqlite: true);
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);

        Assert.True(File.Exists(Path.Combine(temp.Folder, "resourcemap.db")));
        await using var db = temp.NewFactory().CreateDbContext();
        Assert.True(await db.Resources.CountAsync() >= 40);
        Assert.True(await db.Relationships.CountAsync() >= 60);
    }

    [Fact]
    public async Task Demo_data_is_loaded_once_and_not_when_turned_off()
    {
        using var temp = new TempDatabase(demoData: true);
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);
        await using (var db = temp.NewFactory().CreateDbContext())
            Assert.Equal(Demo.DemoData.Build().Resources.Count, await db.Resources.CountAsync());

        using var empty = new TempDatabase(demoData: false);
        await DatabaseInitializer.InitializeAsync(empty.NewFactory(), empty.Settings);
        await using var none = empty.NewFactory().CreateDbContext();
        Assert.Equal(0, await none.Resources.CountAsync());
    }

    [Fact]
    public async Task Everything_written_survives_closing_and_reopening_the_file()
    {
        using var temp = new TempDatabase();
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);
        var boundary = new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon(
            [new(25.0, 57.0), new(25.1, 57.0), new(25.1, 57.1), new(25.0, 57.0)]);
        await using (var db = temp.NewFactory().CreateDbContext())
        {
            var area = new Area { Name = "Zosēnu pagasts", Kind = AreaKind.Parish, Boundary = boundary, Population = [new() { TargetGroup = "total", Count = 328 }] };
            var a = new Resource { Name = "Biedrība \"Ūdenszīmes\"", Kind = ResourceKind.Association, Latitude = 57.1, Longitude = 25.05, Area = area, TargetGroups = ["seniors", "youth"], Offers = ["Qigong classes"] };
            var b = new Resource { Name = "Zosēnu kultūras nams", Kind = ResourceKind.CultureHouse };
            db.AddRange(a, b);
            db.Relationships.Add(new Relationship { Source = a, Target = b, Type = RelationshipType.Venue, Strength = 4, Since = new DateOnly(2023, 2, 19) });
            await db.SaveChangesAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var reopened = temp.NewFactory().CreateDbContext();
        var saved = await reopened.Resources.Include(r => r.Area).SingleAsync(r => r.Kind == ResourceKind.Association);
        Assert.Equal("Biedrība \"Ūdenszīmes\"", saved.Name);
        Assert.Equal(["seniors", "youth"], saved.TargetGroups);
        Assert.Equal(["Qigong classes"], saved.Offers);
        Assert.Equal("biedriba \"udenszimes\" qigong classes", saved.SearchText);
        Assert.Equal(57.1, saved.Latitude);
        Assert.True(boundary.EqualsExact(saved.Area!.Boundary));
        Assert.Equal(328, saved.Area.Population.Single().Count);
        var tie = await reopened.Relationships.SingleAsync();
        Assert.Equal((RelationshipType.Venue, 4, new DateOnly(2023, 2, 19)), (tie.Type, tie.Strength, tie.Since!.Value));
    }

    [Fact]
    public async Task The_database_refuses_a_tie_to_itself_or_an_out_of_range_strength()
    {
        using var temp = new TempDatabase();
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);
        await using var db = temp.NewFactory().CreateDbContext();
        var a = new Resource { Name = "A", Kind = ResourceKind.Other };
        var b = new Resource { Name = "B", Kind = ResourceKind.Other };
        db.AddRange(a, b);
        await db.SaveChangesAsync();

        db.Relationships.Add(new Relationship { SourceId = a.Id, TargetId = a.Id, Strength = 3 });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Relationships.Add(new Relationship { SourceId = a.Id, TargetId = b.Id, Strength = 6 });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Sqlite_runs_in_write_ahead_log_mode()
    {
        using var temp = new TempDatabase(sqlite: true);
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);
        await using var db = temp.NewFactory().CreateDbContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
    }
}

public class DataVersionTests
{
    [Fact]
    public async Task Every_save_raises_the_data_version_and_a_failed_save_does_not()
    {
        using var temp = new TempDatabase();
        await DatabaseInitializer.InitializeAsync(temp.NewFactory(), temp.Settings);
        await using var db = temp.NewFactory().CreateDbContext();
        var start = await db.GetDataVersionAsync();
        db.Resources.Add(new Model.Resource { Name = "A", Kind = Model.ResourceKind.Other });
        await db.SaveChangesAsync();
        Assert.Equal(start + 1, await db.GetDataVersionAsync());

        db.Relationships.Add(new Model.Relationship { SourceId = 1, TargetId = 1, Strength = 3 }); // refused by the check constraint
        await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.Equal(start + 1, await db.GetDataVersionAsync());
        Assert.Equal(0, await db.SaveChangesAsync()); // nothing to save, nothing raised
        Assert.Equal(start + 1, await db.GetDataVersionAsync());
    }
}
