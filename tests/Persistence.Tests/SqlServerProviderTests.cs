using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Persistence.Tests;

/// <summary>No SQL Server runs here: these tests prove the provider by generating its DDL and query SQL offline.</summary>
public class SqlServerProviderTests
{
    private static ResourceMapDbContext SqlServer() => new ResourceMapDbContextFactory(new DatabaseSettings
    {
        Provider = DatabaseProvider.SqlServer,
        ConnectionString = "Server=(local);Database=ResourceMap;Integrated Security=true;TrustServerCertificate=true",
    }).CreateDbContext();

    [Fact]
    public void Migration_script_creates_every_table_with_sql_server_types()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Resources]", script);
        Assert.Contains("CREATE TABLE [Relationships]", script);
        Assert.Contains("CREATE TABLE [Areas]", script);
        Assert.Contains("CREATE TABLE [AreaPopulation]", script);
        Assert.Contains("[Id] int NOT NULL IDENTITY", script);
        Assert.Contains("[Name] nvarchar(200) NOT NULL", script);
        Assert.Contains("[Latitude] float NULL", script);
        Assert.Contains("[Boundary] varbinary(max) NULL", script);
        Assert.Contains("CONSTRAINT [CK_Relationships_Strength] CHECK (Strength BETWEEN 1 AND 5)", script);
        Assert.Contains("CONSTRAINT [CK_Relationships_NotSelf] CHECK (SourceId <> TargetId)", script);
        Assert.Contains("CREATE INDEX [IX_Resources_Latitude_Longitude] ON [Resources] ([Latitude], [Longitude])", script);
        // Two cascades into one table are refused by SQL Server; ties are removed explicitly instead.
        Assert.Contains("CONSTRAINT [FK_Relationships_Resources_SourceId] FOREIGN KEY ([SourceId]) REFERENCES [Resources] ([Id]) ON DELETE NO ACTION", script);
        Assert.Contains("__EFMigrationsHistory", script);
    }

    [Fact]
    public void Filter_by_target_group_and_kind_translates_to_openjson_and_in()
    {
        using var db = SqlServer();
        var groups = new List<string> { "seniors" };
        var kinds = new List<ResourceKind> { ResourceKind.DayCentre, ResourceKind.Association };
        var sql = db.Resources.Where(r => kinds.Contains(r.Kind) && r.TargetGroups.Any(g => groups.Contains(g))).OrderBy(r => r.Id).Skip(10).Take(5).ToQueryString();

        Assert.Contains("OPENJSON([r].[TargetGroups])", sql);
        Assert.Contains("[r].[Kind] IN", sql);
        Assert.Contains("OFFSET", sql);
        Assert.Contains("FETCH NEXT", sql);
    }

    [Fact]
    public void Bounding_box_and_text_filters_run_in_sql()
    {
        using var db = SqlServer();
        var folded = "udenszimes";
        var sql = db.Resources.Where(r => r.Latitude != null && r.Latitude >= 55.0 && r.Latitude <= 58.0 && r.Longitude >= 21.0 && r.Longitude <= 28.0 && r.SearchText.Contains(folded)).ToQueryString();

        Assert.Contains("[r].[Latitude] >= 55.0E0", sql);
        Assert.Contains("[r].[Longitude] <= 28.0E0", sql);
        Assert.Matches(@"LIKE|CHARINDEX", sql);
        Assert.Contains("[r].[SearchText]", sql);
    }

    [Fact]
    public void Ties_of_a_set_of_resources_load_in_one_query()
    {
        using var db = SqlServer();
        var ids = new List<int> { 1, 2, 3 };
        var sql = db.Relationships.Where(t => ids.Contains(t.SourceId) || ids.Contains(t.TargetId)).ToQueryString();

        Assert.Contains("[r].[SourceId] IN", sql);
        Assert.Contains("[r].[TargetId] IN", sql);
    }

    [Fact]
    public void The_privacy_filter_runs_in_sql_and_ties_need_both_ends_readable()
    {
        using var db = SqlServer();
        db.ReadsAllSensitive = false;
        db.SensitiveAreasRead = [4, 7];
        var resources = db.Resources.ToQueryString();
        var ties = db.Relationships.ToQueryString();

        Assert.Contains("[r].[Sensitive] = CAST(0 AS bit)", resources);
        Assert.Contains("[r].[AreaId] IN", resources);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(ties, "EXISTS").Count);
        Assert.Contains("[r].[SourceId]", ties);
        Assert.Contains("[r].[TargetId]", ties);
        // Aggregates that count every resource bypass it.
        Assert.DoesNotContain("WHERE", db.Resources.IgnoreQueryFilters().ToQueryString());
    }

    [Fact]
    public void Restoring_deleted_rows_switches_identity_insert_on_for_their_table_only()
    {
        using var db = SqlServer();
        Assert.Equal("SET IDENTITY_INSERT [Resources] ON", db.IdentityInsert(db.Model.FindEntityType(typeof(Resource))!.GetTableName()!, on: true));
        Assert.Equal("SET IDENTITY_INSERT [Relationships] OFF", db.IdentityInsert(db.Model.FindEntityType(typeof(Relationship))!.GetTableName()!, on: false));
        using var sqlite = new ResourceMapDbContextFactory(new DatabaseSettings { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }).CreateDbContext();
        Assert.Null(sqlite.IdentityInsert("Resources", on: true)); // SQLite takes explicit ids as they are
    }

    [Fact]
    public void Committed_migrations_match_the_model_for_every_provider()
    {
        using var sqlServer = SqlServer();
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server migrations are behind the model: run dotnet ef migrations add.");
        using var sqlite = new ResourceMapDbContextFactory(new DatabaseSettings { ConnectionString = "Data Source=:memory:" }).CreateDbContext();
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: run dotnet ef migrations add.");
        using var postgres = PostgreSqlProviderTests.PostgreSql();
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model: run dotnet ef migrations add.");
    }
}
