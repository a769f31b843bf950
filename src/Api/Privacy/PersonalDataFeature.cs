using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Api.History;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Privacy;

/// <summary>
/// The GDPR rights of a person on the map (a volunteer, a community leader): <c>personalData</c> exports everything held
/// about them — their row, their ties, and the history of both — and <c>erasePerson</c> deletes the person and their ties
/// and removes their values from that history, leaving a record that an erasure happened, by whom and when.
/// </summary>
public static class PersonalDataFeature
{
    public static void AddQueriesTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PersonalDataExportType>>("personalData")
            .Description("Everything held about a person (volunteer, community leader): for a request under the GDPR. Workers of their municipality, and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the person.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "export personal data");
                await using var db = c.Db();
                var person = await FindPersonAsync(db, c.Service<RequestCaller>(), c.GetArgument<string>("id"), c.CancellationToken);
                var ties = await TiesOfAsync(db, person.Id, c.CancellationToken);
                var history = (await db.Changes.AsNoTracking().Where(h => h.Entity == GlobalId.Resource && h.EntityId == person.Id).ToListAsync(c.CancellationToken))
                    .Concat(await TieChangesAsync(db, person.Id, c.CancellationToken)).OrderBy(h => h.Id).ToList();
                return new PersonalDataExport(person.Id, DateTimeOffset.UtcNow, Values(db, person), ties.Select(t => Values(db, t)).ToList(), history);
            });

    public static void AddMutationsTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ErasePersonPayloadType>>("erasePerson")
            .Description("Erases a person at their request (right to erasure): deletes them and their ties, and removes their values from the history of both, in one transaction. The history keeps that an erasure happened, by whom and when; it cannot be undone. Workers of their municipality, and admins.")
            .Argument<NonNullGraphType<ErasePersonInputType>>("input", "The person to erase.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "erase personal data");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var person = await FindPersonAsync(db, c.Service<RequestCaller>(), input.String("id"), c.CancellationToken);
                ExpectedVersion.Check(db, person, input, $"'{person.Name}'");

                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                var ties = await db.Relationships.IgnoreQueryFilters().Where(t => t.SourceId == person.Id || t.TargetId == person.Id).ToListAsync(c.CancellationToken);
                db.Relationships.RemoveRange(ties);
                db.Resources.Remove(person);
                await db.SaveChangesAsync(c.CancellationToken);

                // What stays of each change: the ids it needs to be found and checked (the area, a tie's ends), no values.
                var erased = await db.Changes.Where(h => h.Entity == GlobalId.Resource && h.EntityId == person.Id).ToListAsync(c.CancellationToken);
                foreach (var change in erased)
                {
                    change.Before = JsonSerializer.Serialize(new Dictionary<string, object?> { [nameof(Resource.AreaId)] = person.AreaId });
                    change.After = null;
                }
                var erasure = erased.MaxBy(h => h.Id)!;
                erasure.Action = ChangeAction.Erased;
                var tieChanges = await TieChangesAsync(db, person.Id, c.CancellationToken, tracked: true);
                foreach (var deletion in tieChanges.Where(h => h.Action == ChangeAction.Deleted).GroupBy(h => h.EntityId).Select(g => g.MaxBy(h => h.Id)!))
                    deletion.Action = ChangeAction.Erased; // the tie went with the person, and its past with them
                foreach (var change in tieChanges)
                {
                    var ends = JsonDocument.Parse(change.Before ?? change.After!).RootElement;
                    change.Before = JsonSerializer.Serialize(new Dictionary<string, int>
                    {
                        [nameof(Relationship.SourceId)] = ends.GetProperty(nameof(Relationship.SourceId)).GetInt32(),
                        [nameof(Relationship.TargetId)] = ends.GetProperty(nameof(Relationship.TargetId)).GetInt32(),
                    });
                    change.After = null;
                }
                await db.SaveChangesAsync(c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                await db.ReclaimErasedAsync(erasure.Id, c.CancellationToken);
                await c.Service<Changes.ChangeFeed>().PublishAsync(db, "erasePerson", c.CancellationToken,
                    resources: [(Changes.ChangeKind.Deleted, person.Id)], relationships: ties.Select(t => t.Id));
                return new ErasePersonPayload(GlobalId.Encode(GlobalId.Resource, person.Id), ties.Select(t => GlobalId.Encode(GlobalId.Relationship, t.Id)).ToList(), erasure);
            });

    /// <summary>The person, if the caller may act for them: a person's kind, in the caller's municipalities (or an admin).</summary>
    private static async Task<Resource> FindPersonAsync(ResourceMapDbContext db, RequestCaller caller, string? id, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, GlobalId.Resource, "id");
        var person = await db.Resources.FindAsync([key], ct) ?? throw UserError.NotFound($"There is no resource with id '{id}'.", "id");
        await Permissions.RequireWithinAsync(caller, db, [person.AreaId], $"'{person.Name}'", ct);
        if (!ResourceKinds.IsPerson(person.Kind))
            throw UserError.BadInput($"'{person.Name}' is not a person (a volunteer or community leader); deleteResource removes it.", "id");
        return person;
    }

    private static Task<List<Relationship>> TiesOfAsync(ResourceMapDbContext db, int personId, CancellationToken ct) =>
        db.Relationships.IgnoreQueryFilters().AsNoTracking().Where(t => t.SourceId == personId || t.TargetId == personId).OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>
    /// The history of every tie the person has or had, deleted ties included. The JSON is searched in SQL for the id,
    /// then read to drop ids that merely start with it.
    /// </summary>
    private static async Task<List<Change>> TieChangesAsync(ResourceMapDbContext db, int personId, CancellationToken ct, bool tracked = false)
    {
        var source = $"\"{nameof(Relationship.SourceId)}\":{personId}";
        var target = $"\"{nameof(Relationship.TargetId)}\":{personId}";
        var query = db.Changes.Where(h => h.Entity == GlobalId.Relationship &&
            ((h.Before != null && (h.Before.Contains(source) || h.Before.Contains(target))) || (h.After != null && (h.After.Contains(source) || h.After.Contains(target)))));
        var candidates = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return candidates.Where(h => new[] { h.Before, h.After }.OfType<string>().Any(json =>
        {
            var values = JsonDocument.Parse(json).RootElement;
            return values.GetProperty(nameof(Relationship.SourceId)).GetInt32() == personId || values.GetProperty(nameof(Relationship.TargetId)).GetInt32() == personId;
        })).ToList();
    }

    private static object? Values(ResourceMapDbContext db, object row) =>
        JsonValues.FromJson(JsonDocument.Parse(Persistence.History.Values(db.Entry(row), original: false)).RootElement);
}

public sealed record PersonalDataExport(int PersonId, DateTimeOffset ExportedAt, object? Person, IReadOnlyList<object?> Relationships, IReadOnlyList<Change> History);

public sealed record ErasePersonPayload(string ErasedResourceId, IReadOnlyList<string> ErasedRelationshipIds, Change Change);

public sealed class PersonalDataExportType : ObjectGraphType<PersonalDataExport>
{
    public PersonalDataExportType()
    {
        Name = "PersonalDataExport";
        Description = "Everything held about a person, as stored: to hand over under the GDPR (machine-readable JSON).";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("Global id of the person.").ResolveSource(s => GlobalId.Encode(GlobalId.Resource, s.PersonId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("exportedAt").Description("When the export was made.").ResolveSource(s => s.ExportedAt);
        Field<NonNullGraphType<JsonScalar>>("person").Description("The person's stored values, by field (contacts, notes and needs included).").ResolveSource(s => s.Person);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JsonScalar>>>>("relationships").Description("The stored values of each of their ties, by field.").ResolveSource(s => s.Relationships);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>>("history").Description("Every recorded change of the person and of their ties (deleted ties included), oldest first.").ResolveSource(s => s.History);
    }
}

public sealed class ErasePersonInputType : InputObjectGraphType
{
    public ErasePersonInputType()
    {
        Name = "ErasePersonInput";
        Description = "A person to erase.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the person.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
    }
}

public sealed class ErasePersonPayloadType : ObjectGraphType<ErasePersonPayload>
{
    public ErasePersonPayloadType()
    {
        Name = "ErasePersonPayload";
        Description = "What an erasure removed.";
        Field<NonNullGraphType<IdGraphType>>("erasedResourceId").Description("Global id of the person erased.").ResolveSource(s => s.ErasedResourceId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("erasedRelationshipIds").Description("Global ids of their ties, deleted with them.").ResolveSource(s => s.ErasedRelationshipIds);
        Field<NonNullGraphType<ChangeType>>("change").Description("The erasure as the history keeps it: who, when, no values.").ResolveSource(s => s.Change);
    }
}
