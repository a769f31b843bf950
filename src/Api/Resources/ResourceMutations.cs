using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Changes;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

public static class ResourceMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ResourcePayloadType>>("createResource")
            .Description("Adds a resource. Workers of the municipality holding its area, and admins.")
            .Argument<NonNullGraphType<CreateResourceInputType>>("input", "The new resource.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "add resources");
                await using var db = c.Db();
                var resource = new Resource { Name = "" };
                await ResourceRules.ApplyAsync(db, c.Service<Geo.SpatialLoader>(), InputFields.Of(c), resource, creating: true, c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [resource.AreaId], "The new resource", c.CancellationToken);
                db.Resources.Add(resource);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "createResource", c.CancellationToken, resources: [(ChangeKind.Created, resource.Id)]);
                return new ResourcePayload(resource);
            });

        mutation.Field<NonNullGraphType<ResourcePayloadType>>("updateResource")
            .Description("Changes a resource. Workers of the municipality holding its area (before and after the change), and admins.")
            .Argument<NonNullGraphType<UpdateResourceInputType>>("input", "The changes.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "change resources");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var resource = await Find(db, input.String("id"), c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [resource.AreaId], $"'{resource.Name}'", c.CancellationToken);
                ExpectedVersion.Check(db, resource, input, $"'{resource.Name}'");
                var areaBefore = resource.AreaId;
                await ResourceRules.ApplyAsync(db, c.Service<Geo.SpatialLoader>(), input, resource, creating: false, c.CancellationToken);
                if (resource.AreaId != areaBefore)
                    await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [resource.AreaId], $"'{resource.Name}' after the change", c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                await c.Service<ChangeFeed>().PublishAsync(db, "updateResource", c.CancellationToken, resources: [(ChangeKind.Updated, resource.Id)]);
                return new ResourcePayload(resource);
            });

        mutation.Field<NonNullGraphType<DeleteResourcePayloadType>>("deleteResource")
            .Description("Deletes a resource and all its ties, together or not at all. Workers of the municipality holding its area, and admins.")
            .Argument<NonNullGraphType<DeleteResourceInputType>>("input", "The resource to delete.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "delete resources");
                await using var db = c.Db();
                var input = InputFields.Of(c);
                var resource = await Find(db, input.String("id"), c.CancellationToken);
                await Permissions.RequireWithinAsync(c.Service<RequestCaller>(), db, [resource.AreaId], $"'{resource.Name}'", c.CancellationToken);
                ExpectedVersion.Check(db, resource, input, $"'{resource.Name}'");
                var ties = await db.Relationships.IgnoreQueryFilters().Where(t => t.SourceId == resource.Id || t.TargetId == resource.Id).ToListAsync(c.CancellationToken);
                db.Relationships.RemoveRange(ties);
                db.Resources.Remove(resource);
                await db.SaveChangesAsync(c.CancellationToken); // one transaction for the resource and its ties
                await c.Service<ChangeFeed>().PublishAsync(db, "deleteResource", c.CancellationToken, resources: [(ChangeKind.Deleted, resource.Id)], relationships: ties.Select(t => t.Id));
                return new DeleteResourcePayload(
                    GlobalId.Encode(GlobalId.Resource, resource.Id),
                    ties.Select(t => GlobalId.Encode(GlobalId.Relationship, t.Id)).ToList());
            });
    }

    private static async Task<Resource> Find(Persistence.ResourceMapDbContext db, string? id, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, GlobalId.Resource, "id");
        return await db.Resources.FindAsync([key], ct) ?? throw UserError.NotFound($"There is no resource with id '{id}'.", "id");
    }
}
