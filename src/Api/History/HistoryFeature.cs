using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.History;

/// <summary>
/// <c>history(id)</c> and <c>undoChange</c>: every saved change of a resource or a tie, who made it and when, with the
/// values before and after (recorded by <see cref="ResourceMapDbContext"/> in the transaction of the change itself).
/// </summary>
public static class HistoryFeature
{
    public const string ChangeIdType = "Change";

    /// <summary>Bookkeeping properties that change with every save and so say nothing about what was changed.</summary>
    private static readonly HashSet<string> Bookkeeping = [nameof(Resource.Version), nameof(Resource.UpdatedAt), nameof(Resource.CreatedAt)];

    public static void AddQueriesTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>>("history")
            .Description("The changes of a resource, a tie, an activity or an introduction, newest first. Viewers and workers of its municipality, and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of a resource, a tie, an activity or an introduction (also of one deleted since).")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Viewer, "read the history");
                await using var db = c.Db();
                var (entity, key) = Subject(c.GetArgument<string>("id"));
                var changes = await db.Changes.AsNoTracking().Where(h => h.Entity == entity && h.EntityId == key)
                    .OrderByDescending(h => h.Id).ToListAsync(c.CancellationToken);
                var caller = c.Service<RequestCaller>();
                var areas = changes.Count == 0 ? [] : await AreasAsync(db, changes[0]);
                // What the caller may not read answers as what does not exist: sequential ids must not tell where hidden data lives.
                if (changes.Count == 0 || (caller.InsiderAreas is not null && !areas.Any(caller.IsInsider) && !await ReadableAsync(db, entity, key, c.CancellationToken))
                    || (caller.InsiderAreas is not null && entity == GlobalId.Introduction && await HiddenAsync(db, key, c.CancellationToken)))
                    throw UserError.NotFound($"There is no resource or tie '{c.GetArgument<string>("id")}' with a history you may read.", "id");
                await Permissions.RequireWithinAsync(caller, db, areas, entity switch
                {
                    GlobalId.Resource => "This resource",
                    GlobalId.Activity => "This activity",
                    GlobalId.Introduction => "This introduction",
                    _ => "This relationship",
                }, c.CancellationToken);
                return changes;
            });

    public static void AddMutationsTo(ObjectGraphType mutation)
    {
        AddUndoChangeTo(mutation);
        AddUndoImportTo(mutation);
    }

    private static void AddUndoImportTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>>("undoImport")
            .Description("Undoes a whole import (importSpreadsheet's batch) in one transaction: deletes the resources and ties it created and sets back the fields it changed. Refused with CONFLICT, changing nothing, when any of them has been changed again since (undo that first). Returns the changes the undo made. Workers of the municipalities of every row, and admins.")
            .Argument<NonNullGraphType<UndoImportInputType>>("input", "The import to undo.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "undo imports");
                await using var db = c.Db();
                var batch = GlobalId.Decode(InputFields.Of(c).String("batch"), ChangeIdType, "batch");
                var changes = await db.Changes.AsNoTracking().Where(h => h.Batch == batch).OrderByDescending(h => h.Id).ToListAsync(c.CancellationToken);
                var caller = c.Service<RequestCaller>();
                foreach (var change in changes)
                    if (caller.InsiderAreas is not null && !(await AreasAsync(db, change)).Any(caller.IsInsider)) { changes = []; break; }
                if (changes.Count == 0) throw UserError.NotFound($"There is no import {batch} that you may undo.", "batch");
                if (changes.Any(h => h.Action is not (ChangeAction.Created or ChangeAction.Updated)))
                    throw UserError.BadInput("The batch is no import (it deletes or restores): undo its changes one by one with undoChange.", "batch");

                // Nothing of it changed since: each object holds the values the import gave it (an undone later change counts as none).
                var entities = new List<(Change Change, object Entity)>();
                foreach (var change in changes)
                {
                    var entity = await FindAsync(db, change, c.CancellationToken);
                    if (FieldChangedSince(db.Entry(entity), change) is { } field)
                        throw new UserError(ErrorCodes.Conflict, ChangedSinceImport(change.Entity, field, GlobalId.Encode(change.Entity, change.EntityId)), "batch");
                    entities.Add((change, entity));
                }
                var tiesUndone = changes.Where(h => h.Entity == GlobalId.Relationship).Select(h => h.EntityId).ToList();
                foreach (var created in changes.Where(h => h.Entity == GlobalId.Resource && h.Action == ChangeAction.Created).Select(h => h.EntityId))
                    if (await db.Relationships.IgnoreQueryFilters().AnyAsync(t => (t.SourceId == created || t.TargetId == created) && !tiesUndone.Contains(t.Id), c.CancellationToken))
                        throw new UserError(ErrorCodes.Conflict, $"The resource {GlobalId.Encode(GlobalId.Resource, created)} has ties recorded since the import; delete them first.", "batch");
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                foreach (var (change, entity) in entities) // newest first: ties before the resources they join
                {
                    if (change.Action == ChangeAction.Updated) SetBack(db.Entry(entity), change);
                    else db.Remove(entity);
                }
                await db.SaveChangesAsync(c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                var undone = db.ChangeTracker.Entries<Change>().Select(e => e.Entity.Id).ToList();
                await c.Service<Changes.ChangeFeed>().PublishAsync(db, "undoImport", c.CancellationToken,
                    resources: changes.Where(h => h.Entity == GlobalId.Resource).Select(h => (h.Action == ChangeAction.Created ? Changes.ChangeKind.Deleted : Changes.ChangeKind.Updated, h.EntityId)).ToList(),
                    relationships: changes.Where(h => h.Entity == GlobalId.Relationship).Select(h => h.EntityId).ToList(),
                    activities: changes.Where(h => h.Entity == GlobalId.Activity).Select(h => h.EntityId).ToList());
                return await db.Changes.AsNoTracking().Where(h => undone.Contains(h.Id)).OrderBy(h => h.Id).ToListAsync(c.CancellationToken);
            });

    private static void AddUndoChangeTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ChangeType>>("undoChange")
            .Description("Sets back the fields a change set (refused with CONFLICT when they have changed again since), deletes what a change created or restored (refused while it has ties), or restores what a change deleted under its old id (a resource with the ties deleted with it). Erasures cannot be undone. The undo is itself a change, in the history. Workers of the municipality, and admins.")
            .Argument<NonNullGraphType<UndoChangeInputType>>("input", "The change to undo.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "undo changes");
                await using var db = c.Db();
                var id = GlobalId.Decode(InputFields.Of(c).String("changeId"), ChangeIdType, "changeId");
                var change = await db.Changes.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, c.CancellationToken);
                var caller = c.Service<RequestCaller>();
                // A change outside the caller's municipalities answers as one that does not exist (change ids are sequential).
                if (change is null || (caller.InsiderAreas is not null && !(await AreasAsync(db, change)).Any(caller.IsInsider)))
                    throw UserError.NotFound($"There is no change {id} that you may undo.", "changeId");
                // An erasure's changes (the person gone, taken out of activities) stay: undoing one would bring them back.
                if (await db.Changes.AnyAsync(h => h.Batch == change.Batch && h.Action == ChangeAction.Erased, c.CancellationToken))
                    throw new UserError(ErrorCodes.Conflict, "It is part of an erasure at a person's request; it cannot be undone.", "changeId");
                switch (change.Action)
                {
                    case ChangeAction.Updated:
                        SetBack(db.Entry(await FindAsync(db, change, c.CancellationToken)), change);
                        await db.SaveChangesAsync(c.CancellationToken);
                        break;
                    case ChangeAction.Created or ChangeAction.Restored:
                        var entity = await FindAsync(db, change, c.CancellationToken);
                        if (entity is Resource r && await db.Relationships.IgnoreQueryFilters().AnyAsync(t => t.SourceId == r.Id || t.TargetId == r.Id, c.CancellationToken))
                            throw new UserError(ErrorCodes.Conflict, $"'{r.Name}' has ties now; delete them (or the resource) first.", "changeId");
                        db.Remove(entity);
                        await db.SaveChangesAsync(c.CancellationToken);
                        break;
                    case ChangeAction.Deleted:
                        await RestoreAsync(db, change, c.CancellationToken);
                        break;
                    default:
                        throw new UserError(ErrorCodes.Conflict, "It was erased at the person's request; it cannot be brought back.", "changeId");
                }
                return await db.Changes.AsNoTracking().Where(h => h.Entity == change.Entity && h.EntityId == change.EntityId).OrderByDescending(h => h.Id).FirstAsync(c.CancellationToken);
            });

    private static async Task<object> FindAsync(ResourceMapDbContext db, Change change, CancellationToken ct) =>
        (change.Entity switch
        {
            GlobalId.Resource => await db.Resources.FindAsync([change.EntityId], ct),
            GlobalId.Activity => await db.Activities.FindAsync([change.EntityId], ct),
            GlobalId.Introduction => await db.Introductions.FindAsync([change.EntityId], ct),
            _ => (object?)await db.Relationships.FindAsync([change.EntityId], ct),
        })
        ?? throw new UserError(ErrorCodes.Conflict, change.Entity switch
        {
            GlobalId.Resource => "The resource has been deleted since.",
            GlobalId.Activity => "The activity has been deleted since.",
            GlobalId.Introduction => "The introduction has been deleted since.",
            _ => "The relationship has been deleted since.",
        }, "changeId");

    /// <summary>A field of an imported object changed since the import: one message per kind of object, so that it can be translated.</summary>
    private static Languages.Message ChangedSinceImport(string entity, string field, string id) => entity switch
    {
        GlobalId.Resource => Languages.Message.WithValues("'{0}' of the resource {1} has been changed since the import; undo that first.", field, id),
        GlobalId.Activity => Languages.Message.WithValues("'{0}' of the activity {1} has been changed since the import; undo that first.", field, id),
        GlobalId.Introduction => Languages.Message.WithValues("'{0}' of the introduction {1} has been changed since the import; undo that first.", field, id),
        _ => Languages.Message.WithValues("'{0}' of the relationship {1} has been changed since the import; undo that first.", field, id),
    };

    /// <summary>
    /// Puts a deleted object back under its old id, with its old values. A resource comes back with the ties deleted with
    /// it (the same batch) whose other end is still there; a tie only while both its ends are.
    /// </summary>
    private static async Task RestoreAsync(ResourceMapDbContext db, Change change, CancellationToken ct)
    {
        // The values of a person erased since are gone from their history: what is left names nothing to restore.
        if (!JsonDocument.Parse(change.Before!).RootElement.TryGetProperty("Id", out _))
            throw new UserError(ErrorCodes.Conflict, "It was erased at the person's request; it cannot be brought back.", "changeId");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (change.Entity == GlobalId.Resource)
        {
            if (await db.Resources.IgnoreQueryFilters().AnyAsync(r => r.Id == change.EntityId, ct))
                throw new UserError(ErrorCodes.Conflict, "The resource is there already.", "changeId");
            var resource = ResourceMap.Persistence.History.Read(db, new Resource { Name = "" }, change.Before!);
            if (resource.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, ct))
                throw new UserError(ErrorCodes.Conflict, $"The area of '{resource.Name}' has been deleted since.", "changeId");
            db.Add(resource);
            await db.SaveRestoredAsync<Resource>(ct);

            var deletedWith = await db.Changes.AsNoTracking()
                .Where(h => h.Batch == change.Batch && h.Entity == GlobalId.Relationship && h.Action == ChangeAction.Deleted).ToListAsync(ct);
            var ties = deletedWith.Select(h => ResourceMap.Persistence.History.Read(db, new Relationship(), h.Before!)).ToList();
            var ends = ties.SelectMany(t => new[] { t.SourceId, t.TargetId }).ToList();
            var existing = (await db.Resources.IgnoreQueryFilters().Where(r => ends.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
            var tieIds = ties.Select(t => t.Id).ToList();
            var taken = (await db.Relationships.IgnoreQueryFilters().Where(t => tieIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
            var back = ties.Where(t => existing.Contains(t.SourceId) && existing.Contains(t.TargetId) && !taken.Contains(t.Id)).ToList();
            if (back.Count > 0)
            {
                db.AddRange(back);
                await db.SaveRestoredAsync<Relationship>(ct);
            }
        }
        else if (change.Entity == GlobalId.Activity)
        {
            var activity = ResourceMap.Persistence.History.Read(db, new Activity { Name = "" }, change.Before!);
            if (await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.Id == activity.Id, ct))
                throw new UserError(ErrorCodes.Conflict, "The activity is there already.", "changeId");
            if (activity.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, ct)) activity.AreaId = null;
            if (activity.ExternalId is { } externalId && await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.ExternalId == externalId, ct))
                throw new UserError(ErrorCodes.Conflict, $"Another activity has taken its externalId '{externalId}' since; change that one's first.", "changeId");
            db.Add(activity);
            await db.SaveRestoredAsync<Activity>(ct);
        }
        else if (change.Entity == GlobalId.Introduction)
        {
            var introduction = ResourceMap.Persistence.History.Read(db, new Introduction(), change.Before!);
            if (await db.Introductions.IgnoreQueryFilters().AnyAsync(i => i.Id == introduction.Id, ct))
                throw new UserError(ErrorCodes.Conflict, "The introduction is there already.", "changeId");
            if (await db.Resources.IgnoreQueryFilters().CountAsync(r => r.Id == introduction.FirstId || r.Id == introduction.SecondId, ct) < 2)
                throw new UserError(ErrorCodes.Conflict, "One of the actors introduced has been deleted since; undo that deletion first.", "changeId");
            db.Add(introduction);
            await db.SaveRestoredAsync<Introduction>(ct);
        }
        else
        {
            var tie = ResourceMap.Persistence.History.Read(db, new Relationship(), change.Before!);
            if (await db.Relationships.IgnoreQueryFilters().AnyAsync(t => t.Id == tie.Id, ct))
                throw new UserError(ErrorCodes.Conflict, "The tie is there already.", "changeId");
            if (await db.Resources.IgnoreQueryFilters().CountAsync(r => r.Id == tie.SourceId || r.Id == tie.TargetId, ct) < 2)
                throw new UserError(ErrorCodes.Conflict, "An end of the tie has been deleted since; undo that deletion first.", "changeId");
            db.Add(tie);
            await db.SaveRestoredAsync<Relationship>(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Puts back the values a change replaced, if nobody has changed them again.</summary>
    private static void SetBack(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Change change)
    {
        var before = JsonDocument.Parse(change.Before!).RootElement;
        var after = JsonDocument.Parse(change.After!).RootElement;
        foreach (var field in ChangedFields(change))
        {
            var property = entry.Property(field);
            var now = JsonSerializer.SerializeToElement(property.CurrentValue, property.Metadata.ClrType, ResourceMap.Persistence.History.Json);
            if (now.GetRawText() != after.GetProperty(field).GetRawText())
                throw new UserError(ErrorCodes.Conflict, $"'{field}' has changed again since; undo the later change first.", "changeId");
            property.CurrentValue = before.GetProperty(field).Deserialize(property.Metadata.ClrType, ResourceMap.Persistence.History.Json);
        }
    }

    /// <summary>The first stored field whose value is no longer what the change left (bookkeeping aside); null when none is.</summary>
    private static string? FieldChangedSince(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Change change)
    {
        var after = JsonDocument.Parse(change.After!).RootElement;
        var now = JsonDocument.Parse(ResourceMap.Persistence.History.Values(entry, original: false)).RootElement;
        return after.EnumerateObject()
            .Where(p => !Bookkeeping.Contains(p.Name) && now.TryGetProperty(p.Name, out var value) && value.GetRawText() != p.Value.GetRawText())
            .Select(p => p.Name).FirstOrDefault();
    }

    /// <summary>The names of the properties whose values differ before and after, bookkeeping left out.</summary>
    public static List<string> ChangedFields(Change change)
    {
        if (change.Before is null || change.After is null) return [];
        var before = JsonDocument.Parse(change.Before).RootElement;
        var after = JsonDocument.Parse(change.After).RootElement;
        return after.EnumerateObject()
            .Where(p => !Bookkeeping.Contains(p.Name) && (!before.TryGetProperty(p.Name, out var old) || old.GetRawText() != p.Value.GetRawText()))
            .Select(p => p.Name).ToList();
    }

    /// <summary>Whether the caller can read the object now (public, or sensitive in their areas); a deleted one they cannot.</summary>
    private static async Task<bool> ReadableAsync(ResourceMapDbContext db, string entity, int key, CancellationToken ct) => entity switch
    {
        GlobalId.Resource => await db.Resources.AsNoTracking().AnyAsync(r => r.Id == key, ct),
        GlobalId.Activity => await db.Activities.AsNoTracking().AnyAsync(a => a.Id == key, ct),
        GlobalId.Introduction => await db.Introductions.AsNoTracking().AnyAsync(i => i.Id == key, ct),
        _ => await db.Relationships.AsNoTracking().AnyAsync(t => t.Id == key, ct),
    };

    /// <summary>
    /// An introduction there now that the caller may not read: one of its actors is sensitive outside their municipalities,
    /// though the other is theirs.
    /// </summary>
    private static async Task<bool> HiddenAsync(ResourceMapDbContext db, int key, CancellationToken ct) =>
        await db.Introductions.IgnoreQueryFilters().AnyAsync(i => i.Id == key, ct) && !await db.Introductions.AnyAsync(i => i.Id == key, ct);

    private static (string Entity, int Key) Subject(string id)
    {
        if (GlobalId.TryDecode(id, out var type, out var key) && type is GlobalId.Resource or GlobalId.Relationship or GlobalId.Activity or GlobalId.Introduction) return (type, key);
        throw UserError.BadInput($"'{id}' is not the id of a resource, a tie, an activity or an introduction.", "id");
    }

    /// <summary>The areas a change's object is (or was last) in: a resource's or an activity's own, a tie's ends' or an introduction's actors'.</summary>
    private static async Task<IReadOnlyCollection<int?>> AreasAsync(ResourceMapDbContext db, Change change)
    {
        var values = JsonDocument.Parse(change.After ?? change.Before!).RootElement;
        int Id(string name) => values.GetProperty(name).GetInt32();
        return change.Entity switch
        {
            GlobalId.Resource or GlobalId.Activity =>
                [values.GetProperty(nameof(Resource.AreaId)).ValueKind == JsonValueKind.Number ? Id(nameof(Resource.AreaId)) : null],
            GlobalId.Introduction => await Permissions.AreasOfAsync(db, [Id(nameof(Introduction.FirstId)), Id(nameof(Introduction.SecondId))], CancellationToken.None),
            _ => await Permissions.AreasOfAsync(db, [Id(nameof(Relationship.SourceId)), Id(nameof(Relationship.TargetId))], CancellationToken.None),
        };
    }
}

public sealed class ChangeActionEnum : EnumerationGraphType<ChangeAction>
{
    public ChangeActionEnum()
    {
        Name = "ChangeAction";
        Description = "What a change did.";
        this.Describe(ChangeAction.Created, "Created the object.");
        this.Describe(ChangeAction.Updated, "Changed some of its fields.");
        this.Describe(ChangeAction.Deleted, "Deleted it.");
        this.Describe(ChangeAction.Restored, "Put it back under its old id, undoing its deletion.");
        this.Describe(ChangeAction.Erased, "Deleted it at the person's request (right to erasure); its values are gone from its history.");
    }
}

public sealed class ChangeType : ObjectGraphType<Change>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "One saved change of a resource or a tie.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id, for undoChange.").ResolveSource(s => GlobalId.Encode(HistoryFeature.ChangeIdType, (int)s.Id));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When it was saved.").ResolveSource(s => s.At);
        Field<StringGraphType>("author").Description("Who made it (the signed-in user); null for the system (demo data, commands on the server).").ResolveSource(s => s.Author);
        Field<StringGraphType>("source").Description("What the change came from when not the author's own edit: the survey and wave whose answer a worker accepted (\"survey 3 “Name”, wave 2, answer of resource 17\").").ResolveSource(s => s.Source);
        Field<NonNullGraphType<ChangeActionEnum>>("action").Description("What it did.").ResolveSource(s => s.Action);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Global id of the resource or tie.").ResolveSource(s => GlobalId.Encode(s.Entity, s.EntityId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("changedFields").Description("The stored fields it changed (for updates; bookkeeping such as version left out).")
            .ResolveSource(s => HistoryFeature.ChangedFields(s));
        Field<JsonScalar>("before").Description("The stored values before, by field; null for a creation.").ResolveSource(s => Parse(s.Before));
        Field<JsonScalar>("after").Description("The stored values after, by field; null for a deletion.").ResolveSource(s => Parse(s.After));
        Field<NonNullGraphType<IdGraphType>>("batch").Description("Changes saved together share it (a resource deleted with its ties).").ResolveSource(s => GlobalId.Encode(HistoryFeature.ChangeIdType, (int)s.Batch));
    }

    private static object? Parse(string? json) => json is null ? null : JsonValues.FromJson(JsonDocument.Parse(json).RootElement);
}

public sealed class UndoImportInputType : InputObjectGraphType
{
    public UndoImportInputType()
    {
        Name = "UndoImportInput";
        Description = "An import to undo.";
        Field<NonNullGraphType<IdGraphType>>("batch").Description("The import's batch: importSpreadsheet's 'batch', or a Change's 'batch'.");
    }
}

public sealed class UndoChangeInputType : InputObjectGraphType
{
    public UndoChangeInputType()
    {
        Name = "UndoChangeInput";
        Description = "A change to undo.";
        Field<NonNullGraphType<IdGraphType>>("changeId").Description("Global id of the change, from history(id).");
    }
}
