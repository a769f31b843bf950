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
/// about them — their row, their ties, the introductions a worker recorded of them, the activities that name them, and
/// the history of all of it — and <c>erasePerson</c> deletes the person, their ties and introductions, takes them out of
/// activities, and removes their values from that history, leaving a record that an erasure happened, by whom and when.
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
                // As the caller may read them: a sensitive activity elsewhere, or an introduction to a sensitive actor
                // elsewhere, is not theirs to hand over (its own municipality answers for it).
                var introductions = await db.Introductions.AsNoTracking().Where(i => i.FirstId == person.Id || i.SecondId == person.Id).OrderBy(i => i.Id).ToListAsync(c.CancellationToken);
                var activities = await ActivitiesNamingAsync(db, person.Id, c.CancellationToken, forErasure: false);
                var history = (await db.Changes.AsNoTracking().Where(h => h.Entity == GlobalId.Resource && h.EntityId == person.Id).ToListAsync(c.CancellationToken))
                    .Concat(await PairChangesAsync(db, Ties, person.Id, c.CancellationToken))
                    .Concat(await PairChangesAsync(db, Introductions, person.Id, c.CancellationToken))
                    .OrderBy(h => h.Id).ToList();
                return new PersonalDataExport(person.Id, DateTimeOffset.UtcNow, Values(db, person), ties.Select(t => Values(db, t)).ToList(), history)
                {
                    Introductions = introductions.Select(i => Values(db, i)).ToList(),
                    Activities = activities.Select(a => Values(db, a)).ToList(),
                };
            });

    public static void AddMutationsTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ErasePersonPayloadType>>("erasePerson")
            .Description("Erases a person at their request (right to erasure): deletes them, their ties, the introductions of them and their survey answers (and removes them from answers naming them), takes them out of activities, and removes their values from the history of their ties and introductions, in one transaction. The history keeps that an erasure happened, by whom and when; it cannot be undone. Workers of their municipality, and admins.")
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
                // An introduction is a record about the person: it goes with them. An activity stays, without them.
                var activities = await ActivitiesNamingAsync(db, person.Id, c.CancellationToken, forErasure: true);
                var introductions = await db.Introductions.IgnoreQueryFilters().Where(i => i.FirstId == person.Id || i.SecondId == person.Id).ToListAsync(c.CancellationToken);
                foreach (var activity in activities)
                {
                    activity.Participants = activity.Participants.Where(p => p.ResourceId != person.Id).ToList();
                    if (activity.VenueId == person.Id) activity.VenueId = null;
                }
                db.Introductions.RemoveRange(introductions);
                await Surveys.SurveyErasure.ForgetAsync(db, person.Id, c.CancellationToken);
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
                foreach (var pair in new[] { Ties, Introductions })
                {
                    var changes = await PairChangesAsync(db, pair, person.Id, c.CancellationToken, tracked: true);
                    foreach (var deletion in changes.Where(h => h.Action == ChangeAction.Deleted).GroupBy(h => h.EntityId).Select(g => g.MaxBy(h => h.Id)!))
                        deletion.Action = ChangeAction.Erased; // the tie (or introduction) went with the person, and its past with them
                    foreach (var change in changes)
                    {
                        var ends = JsonDocument.Parse(change.Before ?? change.After!).RootElement;
                        change.Before = JsonSerializer.Serialize(new Dictionary<string, int>
                        {
                            [pair.First] = ends.GetProperty(pair.First).GetInt32(),
                            [pair.Second] = ends.GetProperty(pair.Second).GetInt32(),
                        });
                        change.After = null;
                    }
                }
                await ForgetInActivitiesAsync(db, person.Id, c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                await db.ReclaimErasedAsync(erasure.Id, c.CancellationToken);
                await c.Service<Changes.ChangeFeed>().PublishAsync(db, "erasePerson", c.CancellationToken,
                    resources: [(Changes.ChangeKind.Deleted, person.Id)], relationships: ties.Select(t => t.Id),
                    activities: activities.Select(a => a.Id), introductions: introductions.Select(i => i.Id));
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

    /// <summary>Rows that join two resources, as the history records them: ties by their ends, introductions by the two introduced.</summary>
    private sealed record Pair(string Entity, string First, string Second);

    private static readonly Pair Ties = new(GlobalId.Relationship, nameof(Relationship.SourceId), nameof(Relationship.TargetId));
    private static readonly Pair Introductions = new(GlobalId.Introduction, nameof(Introduction.FirstId), nameof(Introduction.SecondId));

    /// <summary>
    /// The history of every tie (or introduction) the person has or had, deleted ones included. The JSON is searched in
    /// SQL for the id, then read to drop ids that merely start with it.
    /// </summary>
    private static async Task<List<Change>> PairChangesAsync(ResourceMapDbContext db, Pair pair, int personId, CancellationToken ct, bool tracked = false)
    {
        var first = $"\"{pair.First}\":{personId}";
        var second = $"\"{pair.Second}\":{personId}";
        var query = db.Changes.Where(h => h.Entity == pair.Entity &&
            ((h.Before != null && (h.Before.Contains(first) || h.Before.Contains(second))) || (h.After != null && (h.After.Contains(first) || h.After.Contains(second)))));
        var candidates = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return candidates.Where(h => new[] { h.Before, h.After }.OfType<string>().Any(json =>
        {
            var values = JsonDocument.Parse(json).RootElement;
            return values.GetProperty(pair.First).GetInt32() == personId || values.GetProperty(pair.Second).GetInt32() == personId;
        })).ToList();
    }

    /// <summary>
    /// Takes the person's id out of every recorded value of an activity (its participants, its venue), the change the
    /// erasure itself just recorded included: an activity's past must not say who took part once they are erased.
    /// </summary>
    private static async Task ForgetInActivitiesAsync(ResourceMapDbContext db, int personId, CancellationToken ct)
    {
        var participant = $"\"{nameof(ActivityParticipant.ResourceId)}\":{personId}";
        var venue = $"\"{nameof(Activity.VenueId)}\":{personId}";
        var changes = await db.Changes.Where(h => h.Entity == GlobalId.Activity &&
            ((h.Before != null && (h.Before.Contains(participant) || h.Before.Contains(venue))) || (h.After != null && (h.After.Contains(participant) || h.After.Contains(venue))))).ToListAsync(ct);
        foreach (var change in changes)
        {
            change.Before = Forget(change.Before, personId);
            change.After = Forget(change.After, personId);
        }
    }

    private static string? Forget(string? values, int personId)
    {
        if (values is null || System.Text.Json.Nodes.JsonNode.Parse(values) is not System.Text.Json.Nodes.JsonObject row) return values;
        static bool Names(System.Text.Json.Nodes.JsonNode? node, int id) => node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<int>(out var n) && n == id;
        if (Names(row[nameof(Activity.VenueId)], personId)) row[nameof(Activity.VenueId)] = null;
        if (row[nameof(Activity.Participants)] is System.Text.Json.Nodes.JsonArray participants)
            foreach (var entry in participants.Where(p => Names(p?[nameof(ActivityParticipant.ResourceId)], personId)).ToList())
                participants.Remove(entry);
        return row.ToJsonString(Persistence.History.Json);
    }

    /// <summary>
    /// The activities whose venue or participants name the person (few: read whole, their lists read in memory): for an
    /// erasure every one, tracked; for an export those the caller may read.
    /// </summary>
    private static async Task<List<Activity>> ActivitiesNamingAsync(ResourceMapDbContext db, int personId, CancellationToken ct, bool forErasure)
    {
        var all = await (forErasure ? db.Activities.IgnoreQueryFilters() : db.Activities.AsNoTracking()).OrderBy(a => a.Id).ToListAsync(ct);
        return all.Where(a => a.VenueId == personId || a.Participants.Any(p => p.ResourceId == personId)).ToList();
    }

    private static object? Values(ResourceMapDbContext db, object row) =>
        JsonValues.FromJson(JsonDocument.Parse(Persistence.History.Values(db.Entry(row), original: false)).RootElement);
}

public sealed record PersonalDataExport(int PersonId, DateTimeOffset ExportedAt, object? Person, IReadOnlyList<object?> Relationships, IReadOnlyList<Change> History)
{
    public IReadOnlyList<object?> Introductions { get; init; } = [];
    public IReadOnlyList<object?> Activities { get; init; } = [];
}

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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JsonScalar>>>>("introductions").Description("The stored values of each introduction a worker recorded of them.").ResolveSource(s => s.Introductions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JsonScalar>>>>("activities").Description("The stored values of each activity that names them (as venue, organiser, partner or participant).").ResolveSource(s => s.Activities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>>("history").Description("Every recorded change of the person, of their ties and of their introductions (deleted ones included), oldest first.").ResolveSource(s => s.History);
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
