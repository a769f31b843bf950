using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Access;
using ResourceMap.Api.Changes;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

public static class RelationshipMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RelationshipPayloadType>>("createRelationship")
            .Description("Records a tie between two resources. Workers of a municipality holding either end, and admins.")
            .Argument<NonNullGraphType<CreateRelationshipInputType>>("input", "The new tie.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "record ties");
                await using var db = c.Db();
                var tie = new Relationship();
                await RelationshipRules.ApplyAsync(db, InputFields.Of(c), tie, creating: true, c.CancellationToken);
                await RequireEditAsync(c.Service<RequestCaller>(), db, tie, c.CancellationToken);
                db.Relationships.Add(tie);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "createRelationship", c.CancellationToken, relationships: [tie.Id]);
                return new RelationshipPayload(tie);
            });

        mutation.Field<NonNullGraphType<RelationshipPayloadType>>("updateRelationship")
            .Description("Changes a tie. Workers of a municipality holding either end, and admins.")
            .Argument<NonNullGraphType<UpdateRelationshipInputType>>("input", "The changes.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "change ties");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var tie = await Find(db, input.String("id"), c.CancellationToken);
                await RequireEditAsync(c.Service<RequestCaller>(), db, tie, c.CancellationToken);
                ExpectedVersion.Check(db, tie, input, "The tie");
                var endsBefore = (tie.SourceId, tie.TargetId);
                await RelationshipRules.ApplyAsync(db, input, tie, creating: false, c.CancellationToken);
                if ((tie.SourceId, tie.TargetId) != endsBefore) await RequireEditAsync(c.Service<RequestCaller>(), db, tie, c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "updateRelationship", c.CancellationToken, relationships: [tie.Id]);
                return new RelationshipPayload(tie);
            });

        mutation.Field<NonNullGraphType<DeleteRelationshipPayloadType>>("deleteRelationship")
            .Description("Deletes a tie. Workers of a municipality holding either end, and admins.")
            .Argument<NonNullGraphType<DeleteRelationshipInputType>>("input", "The tie to delete.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "delete ties");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var tie = await Find(db, input.String("id"), c.CancellationToken);
                await RequireEditAsync(c.Service<RequestCaller>(), db, tie, c.CancellationToken);
                ExpectedVersion.Check(db, tie, input, "The tie");
                db.Relationships.Remove(tie);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "deleteRelationship", c.CancellationToken, relationships: [tie.Id]);
                return new DeleteRelationshipPayload(GlobalId.Encode(GlobalId.Relationship, tie.Id));
            });
    }

    /// <summary>A worker edits a tie when either end is in their municipalities.</summary>
    private static async Task RequireEditAsync(RequestCaller caller, ResourceMapDbContext db, Relationship tie, CancellationToken ct) =>
        await Permissions.RequireWithinAsync(caller, db, await Permissions.AreasOfAsync(db, [tie.SourceId, tie.TargetId], ct), "The tie's ends", ct);

    private static async Task<Relationship> Find(ResourceMapDbContext db, string? id, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, GlobalId.Relationship, "id");
        return await db.Relationships.FindAsync([key], ct) ?? throw UserError.NotFound($"There is no relationship with id '{id}'.", "id");
    }
}
