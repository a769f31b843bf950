using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Persistence;

/// <summary>
/// The model shared by every provider. Each provider has its own subclass
/// (<see cref="SqliteResourceMapDbContext"/>, <see cref="SqlServerResourceMapDbContext"/>,
/// <see cref="PostgreSqlResourceMapDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class ResourceMapDbContext(DbContextOptions options) : DbContext(options)
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxExternalIdLength = 100;

    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Introduction> Introductions => Set<Introduction>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Change> Changes => Set<Change>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    /// <summary>Who the changes saved through this context are recorded as (the signed-in user); null for the system.</summary>
    public string? Author { get; set; }

    /// <summary>What the changes saved through this context come from, when not a user's own edit ("survey 3, wave 2"); recorded with them.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// False for contexts that read for a caller who is not an admin: then sensitive resources (and their ties) are read
    /// only in <see cref="SensitiveAreasRead"/>, the areas of the caller's municipalities. True for the system.
    /// </summary>
    public bool ReadsAllSensitive { get; set; } = true;

    /// <summary>The areas whose sensitive resources this context reads when <see cref="ReadsAllSensitive"/> is false.</summary>
    public int[] SensitiveAreasRead { get; set; } = [];

    /// <summary>The current data version: it grows with every saved change, so caches of analyses know when to rebuild.</summary>
    public Task<long> GetDataVersionAsync(CancellationToken ct = default) =>
        DataVersions.Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Version).SingleAsync(ct);

    protected override void OnModelCreating(ModelBuilder model)
    {
        // PostgreSQL folds unquoted names to lower case, and our columns are named in Pascal case: its checks quote them.
        var postgres = Database.IsNpgsql();
        string Column(string name) => postgres ? $"\"{name}\"" : name;
        if (postgres) model.HasPostgresExtension("postgis");

        model.Entity<Resource>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(MaxNameLength);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Description).HasMaxLength(MaxTextLength);
            e.Property(r => r.Address).HasMaxLength(MaxNameLength);
            e.Property(r => r.ContactWeb).HasMaxLength(MaxNameLength);
            e.Property(r => r.ContactEmail).HasMaxLength(MaxNameLength);
            e.Property(r => r.ContactPhone).HasMaxLength(64);
            e.Property(r => r.AudienceTargetGroup).HasMaxLength(64);
            e.ToTable(t => t.HasCheckConstraint("CK_Resources_AudienceCount", $"{Column("AudienceCount")} >= 0"));
            e.Property(r => r.SearchText).HasMaxLength(2 * MaxTextLength);
            e.HasIndex(r => new { r.Latitude, r.Longitude });
            e.HasIndex(r => r.Kind);
            e.Property(r => r.ExternalId).HasMaxLength(MaxExternalIdLength);
            e.HasIndex(r => r.ExternalId).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne(r => r.Area).WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.SetNull);
            // Privacy in the query itself, so that no list, search, loader or mutation can forget it; aggregates that must
            // count every resource say IgnoreQueryFilters.
            e.HasQueryFilter(r => ReadsAllSensitive || !r.Sensitive || (r.AreaId != null && SensitiveAreasRead.Contains(r.AreaId.Value)));
            if (postgres)
            {
                // Latitude and longitude stay the source of truth; PostGIS keeps a geography point of them for its
                // distance and nearest-neighbour queries, and target groups are a text[] that GIN indexes.
                e.Property<Point?>(GeographyColumn)
                    .HasColumnType("geography(Point, 4326)")
                    .HasComputedColumnSql("""CASE WHEN "Latitude" IS NULL OR "Longitude" IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint("Longitude", "Latitude"), 4326)::geography END""", stored: true);
                e.HasIndex(GeographyColumn).HasMethod("gist");
                e.HasIndex(r => r.TargetGroups).HasMethod("gin");
            }
        });

        model.Entity<Relationship>(e =>
        {
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Note).HasMaxLength(MaxTextLength);
            // Restrict, not cascade: SQL Server refuses two cascade paths into one table, so deleting a
            // resource removes its ties explicitly, in the same transaction.
            e.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Target).WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.SourceId);
            e.HasIndex(r => r.TargetId);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.ToTable(t => t.HasCheckConstraint("CK_Relationships_Strength", $"{Column("Strength")} BETWEEN 1 AND 5"));
            e.ToTable(t => t.HasCheckConstraint("CK_Relationships_NotSelf", $"{Column("SourceId")} <> {Column("TargetId")}"));
            // A tie is read when both of its ends are.
            e.HasQueryFilter(t => ReadsAllSensitive || (Resources.Any(r => r.Id == t.SourceId) && Resources.Any(r => r.Id == t.TargetId)));
        });

        model.Entity<Activity>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(MaxNameLength);
            e.Property(a => a.ExternalId).HasMaxLength(MaxExternalIdLength);
            e.HasIndex(a => a.ExternalId).IsUnique();
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(a => a.Recurrence).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Note).HasMaxLength(MaxTextLength);
            // Participants and attendance are part of the activity, saved and recorded in the history with it.
            e.Property(a => a.Participants).HasConversion(JsonList<ActivityParticipant>(), JsonListComparer<ActivityParticipant>());
            e.Property(a => a.Attendance).HasConversion(JsonList<Attendance>(), JsonListComparer<Attendance>());
            e.HasIndex(a => a.StartsOn);
            e.HasIndex(a => a.AreaId);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.SetNull);
            e.ToTable(t => t.HasCheckConstraint("CK_Activities_Days", $"{Column("EndsOn")} IS NULL OR {Column("EndsOn")} >= {Column("StartsOn")}"));
            e.HasQueryFilter(a => ReadsAllSensitive || !a.Sensitive || (a.AreaId != null && SensitiveAreasRead.Contains(a.AreaId.Value)));
        });

        model.Entity<Introduction>(e =>
        {
            e.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Note).HasMaxLength(MaxTextLength);
            e.HasIndex(i => i.FirstId);
            e.HasIndex(i => i.SecondId);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.ToTable(t => t.HasCheckConstraint("CK_Introductions_NotSelf", $"{Column("FirstId")} <> {Column("SecondId")}"));
            // Read when both actors are, as a tie is.
            e.HasQueryFilter(i => ReadsAllSensitive || (Resources.Any(r => r.Id == i.FirstId) && Resources.Any(r => r.Id == i.SecondId)));
        });

        model.Entity<Change>(e =>
        {
            e.Property(c => c.Entity).HasMaxLength(32);
            e.Property(c => c.Author).HasMaxLength(MaxNameLength);
            e.Property(c => c.Source).HasMaxLength(MaxNameLength);
            e.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(c => new { c.Entity, c.EntityId });
        });

        model.Entity<User>(e =>
        {
            e.Property(u => u.Name).HasMaxLength(MaxNameLength);
            e.HasIndex(u => u.Name).IsUnique();
            e.Property(u => u.Email).HasMaxLength(MaxNameLength);
            e.Property(u => u.Role).HasMaxLength(16);
            e.Property(u => u.PasswordHash).HasMaxLength(256);
        });

        model.Entity<Session>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(64);
            e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => s.UserId);
        });

        model.Entity<Survey>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(MaxNameLength);
            e.Property(s => s.CreatedBy).HasMaxLength(MaxNameLength);
            e.HasIndex(s => new { s.Name, s.Wave }).IsUnique();
            e.HasOne<Area>().WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("CK_Surveys_Days", $"{Column("ClosesOn")} >= {Column("OpensOn")}"));
        });

        model.Entity<SurveyInvitation>(e =>
        {
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => new { i.SurveyId, i.ResourceId });
            e.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Resource>().WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<SurveyResponse>(e =>
        {
            e.Property(r => r.Language).HasMaxLength(8);
            e.Property(r => r.Note).HasMaxLength(MaxTextLength);
            e.HasIndex(r => new { r.SurveyId, r.ResourceId }).IsUnique();
            e.HasIndex(r => r.ResourceId);
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Resource>().WithMany().HasForeignKey(r => r.ResourceId).OnDelete(DeleteBehavior.Cascade);
            // The answer is one document: the record's corrections, the partners named, the worker's decisions.
            e.Property(r => r.Record).HasConversion(Json<SurveyRecord>(), JsonComparer<SurveyRecord>());
            e.Property(r => r.Partners).HasConversion(JsonList<SurveyPartner>(), JsonListComparer<SurveyPartner>());
            e.Property(r => r.Decisions).HasConversion(JsonList<SurveyDecision>(), JsonListComparer<SurveyDecision>());
        });

        model.Entity<DataVersion>(e =>
        {
            e.ToTable("DataVersion");
            e.Property(v => v.Id).ValueGeneratedNever();
            e.HasData(new DataVersion { Id = DataVersion.SingletonId, Version = 0 });
        });

        model.Entity<Area>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(MaxNameLength);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(a => a.Code).HasMaxLength(32);
            e.HasIndex(a => a.Code).IsUnique();
            e.Property(a => a.SearchText).HasMaxLength(MaxNameLength * 2);
            if (postgres)
            {
                e.Property(a => a.Boundary).HasColumnType("geometry(Geometry, 4326)");
                e.HasIndex(a => a.Boundary).HasMethod("gist");
            }
            else e.Property(a => a.Boundary).HasConversion(GeometryToWkb, GeometryComparer);
            e.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsMany(a => a.Population, p =>
            {
                p.ToTable("AreaPopulation");
                p.WithOwner().HasForeignKey(x => x.AreaId);
                p.HasKey(x => new { x.AreaId, x.TargetGroup });
                p.Property(x => x.TargetGroup).HasMaxLength(64);
            });
        });

        // Text compares and sorts by code point on PostgreSQL too, whatever the server's default collation (a Latvian or
        // English one would sort and compare names otherwise than SQLite does); search folds case and accents itself.
        if (postgres)
            foreach (var property in model.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string)))
                property.SetCollation("C");
    }

    /// <summary>PostgreSQL's generated geography point of a resource's latitude and longitude (a shadow property).</summary>
    public const string GeographyColumn = "Geography";

    // SQLite and SQL Server have no spatial plugin here, so geometry is stored as WKB and evaluated by NetTopologySuite in memory.
    private static readonly ValueConverter<Geometry?, byte[]?> GeometryToWkb = new(
        g => g == null ? null : new WKBWriter().Write(g),
        b => b == null ? null : new WKBReader().Read(b));

    private static readonly ValueComparer<Geometry?> GeometryComparer = new(
        (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
        g => g == null ? 0 : g.GetHashCode(),
        g => g == null ? null : g.Copy());

    /// <summary>A list of records stored as one JSON text, compared by its JSON.</summary>
    private static ValueConverter<List<T>, string> JsonList<T>() => new(
        list => System.Text.Json.JsonSerializer.Serialize(list, History.Json),
        json => System.Text.Json.JsonSerializer.Deserialize<List<T>>(json, History.Json) ?? new List<T>());

    /// <summary>A record stored as one JSON text, compared by its JSON.</summary>
    private static ValueConverter<T, string> Json<T>() where T : class, new() => new(
        value => System.Text.Json.JsonSerializer.Serialize(value, History.Json),
        json => System.Text.Json.JsonSerializer.Deserialize<T>(json, History.Json) ?? new T());

    private static ValueComparer<T> JsonComparer<T>() where T : class => new(
        (a, b) => System.Text.Json.JsonSerializer.Serialize(a, History.Json) == System.Text.Json.JsonSerializer.Serialize(b, History.Json),
        value => System.Text.Json.JsonSerializer.Serialize(value, History.Json).GetHashCode(),
        value => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(value, History.Json), History.Json)!);

    private static ValueComparer<List<T>> JsonListComparer<T>() => new(
        (a, b) => System.Text.Json.JsonSerializer.Serialize(a, History.Json) == System.Text.Json.JsonSerializer.Serialize(b, History.Json),
        list => System.Text.Json.JsonSerializer.Serialize(list, History.Json).GetHashCode(),
        list => list.ToList());

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves the changes and raises the data version in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0) return 0;
        // Users, sessions and surveys are not the network: signing in or answering a survey must not make every analysis start again.
        if (changed.All(e => e.Entity is User or Session or Survey or SurveyInvitation or SurveyResponse)) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var recorded = ChangeTracker.Entries().Where(e => e.Entity is Resource or Relationship or Activity or Introduction && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => (Entry: e, e.State, Before: e.State == EntityState.Added ? null : History.Values(e, original: true))).ToList();
            // Raised first: its row stays locked until the commit, so writers take turns and history ids grow in commit
            // order. On a server database (PostgreSQL) a reader that has seen change n may then rely on seeing no later
            // commit with a smaller id; SQLite serialises writers anyway.
            await RaiseDataVersionAsync(cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await RecordAsync(recorded, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// A transaction that takes the writers' turn at once (the data version row, locked until it ends), for a change whose
    /// checks read much before it writes: no other write commits between its reads.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct)
    {
        var transaction = await Database.BeginTransactionAsync(ct);
        await RaiseDataVersionAsync(ct);
        return transaction;
    }

    /// <summary>One more data version, in the current transaction; its row stays locked until the transaction ends.</summary>
    private Task<int> RaiseDataVersionAsync(CancellationToken ct) =>
        DataVersions.Where(v => v.Id == DataVersion.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);

    /// <summary>
    /// Makes what an erasure replaced unreadable in the database's own storage, after its commit. SQLite has already
    /// overwritten it (secure_delete); PostgreSQL keeps replaced row versions until a VACUUM reclaims them.
    /// </summary>
    /// <param name="erasure">The id of the history row the erasure marked: its transaction is the one whose replaced rows go.</param>
    /// <param name="ct">Cancels the wait.</param>
    public virtual Task ReclaimErasedAsync(long erasure, CancellationToken ct) => Task.CompletedTask;

    private bool _restoring;

    /// <summary>
    /// Saves rows of one table added with the ids they had before (undoing a deletion), recorded as restored. SQL Server
    /// refuses explicit values in an identity column unless IDENTITY_INSERT is on for that table, one table at a time and
    /// for the session: so one call per table, inside a transaction.
    /// </summary>
    public async Task SaveRestoredAsync<T>(CancellationToken ct) where T : class
    {
        if (Database.CurrentTransaction is null) throw new InvalidOperationException("Restore rows inside a transaction: IDENTITY_INSERT lasts for the session.");
        var table = Model.FindEntityType(typeof(T))!.GetTableName()!;
        if (IdentityInsert(table, on: true) is { } on) await Database.ExecuteSqlRawAsync(on, ct);
        _restoring = true;
        try
        {
            await SaveChangesAsync(ct);
        }
        finally
        {
            _restoring = false;
        }
        if (IdentityInsert(table, on: false) is { } off) await Database.ExecuteSqlRawAsync(off, ct);
    }

    /// <summary>
    /// A transaction for reading several tables as of one moment, and writing nothing. On SQLite it must be a deferred
    /// one: Microsoft.Data.Sqlite begins IMMEDIATE transactions, which take the write lock, and a writer meeting it
    /// sleeps 150 ms before it tries again (bench/abuse saw every write after a snapshot reload take 160 ms).
    /// </summary>
    public virtual Task<IDbContextTransaction> BeginReadTransactionAsync(CancellationToken ct) => Database.BeginTransactionAsync(ct);

    /// <summary>The statement that lets this session insert explicit ids into a table's identity column; null when none is needed.</summary>
    public virtual string? IdentityInsert(string table, bool on) => null;

    /// <summary>Adds the history rows of a save, after it (so that created rows have their ids), in its transaction.</summary>
    /// <summary>
    /// The history batch of this context's saves: set by the first save that records a change, and taken by the later
    /// ones while it is set, so that a change saved in several steps in one transaction (an import of 60,000 rows,
    /// saved a part at a time to bound its memory) is still one batch. Null: each save is a batch of its own.
    /// </summary>
    public long? HistoryBatch { get; set; }

    /// <summary>True to keep <see cref="HistoryBatch"/> from one save to the next.</summary>
    public bool SavesInOneBatch { get; set; }

    private async Task RecordAsync(List<(EntityEntry Entry, EntityState State, string? Before)> recorded, CancellationToken ct)
    {
        if (recorded.Count == 0) return;
        var now = DateTimeOffset.UtcNow;
        var changes = recorded.Select(r => new Change
        {
            At = now,
            Author = Author,
            Source = Source,
            Entity = r.Entry.Metadata.ClrType.Name,
            EntityId = (int)r.Entry.Property("Id").CurrentValue!,
            Action = r.State switch
            {
                EntityState.Added => _restoring ? ChangeAction.Restored : ChangeAction.Created,
                EntityState.Deleted => ChangeAction.Deleted,
                _ => ChangeAction.Updated,
            },
            Before = r.Before,
            After = r.State == EntityState.Deleted ? null : History.Values(r.Entry, original: false),
        }).ToList();
        if (!SavesInOneBatch) HistoryBatch = null;
        var saved = 0;
        if (HistoryBatch is null)
        {
            // The batch is the id of its first change: that one is saved first, so the others are written with it at once.
            Changes.Add(changes[0]);
            await base.SaveChangesAsync(true, ct);
            HistoryBatch = changes[0].Id;
            saved = 1;
        }
        foreach (var change in changes) change.Batch = HistoryBatch.Value;
        Changes.AddRange(changes.Skip(saved));
        await base.SaveChangesAsync(true, ct);
    }

    private void Stamp()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            // A restored row keeps its creation time and counts its restoring as one more change.
            var created = entry.State == EntityState.Added && !_restoring;
            if (entry.Entity is IVersioned versioned)
            {
                versioned.Version = created ? 1 : (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
                if (created) versioned.CreatedAt = now;
                versioned.UpdatedAt = now;
            }
            if (entry.Entity is Resource r) r.RefreshSearchText();
            if (entry.Entity is Area a) a.RefreshSearchText();
        }
    }
}

public sealed class SqliteResourceMapDbContext(DbContextOptions<SqliteResourceMapDbContext> options) : ResourceMapDbContext(options)
{
    /// <summary>BEGIN DEFERRED: a read transaction, which in WAL mode sees one snapshot and never blocks the writer.</summary>
    public override async Task<IDbContextTransaction> BeginReadTransactionAsync(CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)Database.GetDbConnection();
        return await Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), ct)
            ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
    }
}

/// <summary>
/// PostgreSQL with PostGIS. Its identity columns are GENERATED BY DEFAULT, so a restored row takes its old id without a
/// switch, and the sequence needs no moving: that id was issued by it before.
/// </summary>
public sealed class PostgreSqlResourceMapDbContext(DbContextOptions<PostgreSqlResourceMapDbContext> options) : ResourceMapDbContext(options)
{
    /// <summary>
    /// REPEATABLE READ: every statement of the transaction sees the snapshot of its first, so the data version and the
    /// rows read after it are of one version (READ COMMITTED, PostgreSQL's default, takes a new snapshot per statement).
    /// </summary>
    public override Task<IDbContextTransaction> BeginReadTransactionAsync(CancellationToken ct) =>
        Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

    /// <summary>
    /// VACUUM FULL of the tables that held the person: it writes each table anew from its live rows. A plain VACUUM is not
    /// enough: it frees the old row versions' space without overwriting it, and their bytes stay readable in the pages
    /// (pageinspect shows them) until new rows happen to fill it. The rewrite locks the three tables while it runs —
    /// seconds on a large history; erasures are rare. The write-ahead log keeps the values until it is recycled, as
    /// SQLite's keeps them until a checkpoint.
    /// </summary>
    public override async Task ReclaimErasedAsync(long erasure, CancellationToken ct)
    {
        // The rewrite keeps every row version that a snapshot of this database may still see: those of backends whose
        // oldest visible transaction (xmin) is not after the erasure's. A snapshot taken after the erasure can still have
        // such an xmin while a transaction older than the erasure runs anywhere in the cluster, and a writer between its
        // statements holds its own xid. So wait — a while, not for ever — until every other backend of this database
        // has later ones or none.
        for (var waited = 0; waited < 30_000; waited += 100)
        {
            var holding = await Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM pg_stat_activity, (SELECT xmin AS erased FROM "Changes" WHERE "Id" = {erasure}) AS c
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND (age(backend_xmin) >= age(c.erased) OR age(backend_xid) >= age(c.erased))
                """).SingleAsync(ct);
            if (holding == 0) break;
            await Task.Delay(100, ct);
        }
        await Database.ExecuteSqlRawAsync("VACUUM FULL \"Resources\", \"Relationships\", \"Changes\"", ct);
    }
}

public sealed class SqlServerResourceMapDbContext(DbContextOptions<SqlServerResourceMapDbContext> options) : ResourceMapDbContext(options)
{
    public override string? IdentityInsert(string table, bool on) => $"SET IDENTITY_INSERT [{table}] {(on ? "ON" : "OFF")}";
}
