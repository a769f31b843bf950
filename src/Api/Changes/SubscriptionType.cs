using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Changes;

/// <summary>The root subscription, over WebSocket with the graphql-transport-ws protocol at /graphql.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Events as they happen, over WebSocket (graphql-transport-ws) at /graphql.";

        Field<NonNullGraphType<ResourceChangedEventType>>("resourceChanged")
            .Description("A resource was created, changed or deleted.")
            .Argument<IdGraphType>("id", "Only this resource.")
            .ResolveStream(c =>
            {
                var caller = c.Service<Access.RequestCaller>();
                var only = c.GetArgument<string?>("id") is { } id ? GlobalId.Decode(id, GlobalId.Resource, "id") : (int?)null;
                return new Filtered<ResourceChange>(c.Service<ChangeFeed>().Resources, e => (only is null || e.ResourceId == only) && Heard(caller, e));
            });

        Field<NonNullGraphType<NetworkChangedEventType>>("networkChanged")
            .Description("The data moved to a new version (a new network snapshot), with what changed.")
            .ResolveStream(c =>
            {
                var caller = c.Service<Access.RequestCaller>();
                // Only what the subscriber may read; nothing at all when nothing of that changed.
                var visible = new Mapped<NetworkChange>(c.Service<ChangeFeed>().Network, e => e with
                {
                    Resources = e.Resources.Where(r => Heard(caller, r)).ToList(),
                    Relationships = e.Relationships.Where(t => t.Ends.All(p => caller.IsInsider(p.AreaId))).ToList(),
                    Activities = e.Activities.Where(a => a.Protected is not { } p || caller.IsInsider(p.AreaId)).ToList(),
                    Introductions = e.Introductions.Where(i => i.Ends.All(p => caller.IsInsider(p.AreaId))).ToList(),
                });
                return new Filtered<NetworkChange>(visible, e => !e.IsEmpty);
            });
    }

    /// <summary>Sensitive (and erased) resources are news only for insiders of their area: to others even their id says too much.</summary>
    private static bool Heard(Access.RequestCaller caller, ResourceChange change) =>
        change.Protected is not { } p || caller.IsInsider(p.AreaId);
}

public sealed class ChangeKindEnum : EnumerationGraphType<ChangeKind>
{
    public ChangeKindEnum()
    {
        Name = "ChangeKind";
        Description = "What happened to an object.";
        this.Describe(ChangeKind.Created, "It was created.");
        this.Describe(ChangeKind.Updated, "It was changed.");
        this.Describe(ChangeKind.Deleted, "It was deleted.");
    }
}

public sealed class ResourceChangedEventType : ObjectGraphType<ResourceChange>
{
    public ResourceChangedEventType()
    {
        Name = "ResourceChangedEvent";
        Description = "A resource was created, changed or deleted.";
        Field<NonNullGraphType<ChangeKindEnum>>("kind").Description("What happened.").ResolveSource(s => s.Kind);
        Field<NonNullGraphType<IdGraphType>>("resourceId").Description("Global id of the resource.").ResolveSource(s => GlobalId.Encode(GlobalId.Resource, s.ResourceId));
        Field<NonNullGraphType<LongScalar>>("dataVersion").Description("The data version that holds the change.").ResolveSource(s => s.DataVersion);
        // Read fresh for every event: a WebSocket lives long, and a request-scoped cache would serve old rows.
        Field<ResourceNode>("resource").Description("The resource as it is now; null when deleted.")
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                return await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == c.Source.ResourceId, c.CancellationToken);
            });
    }
}

public sealed class NetworkChangedEventType : ObjectGraphType<NetworkChange>
{
    public NetworkChangedEventType()
    {
        Name = "NetworkChangedEvent";
        Description = "The data moved to a new version; the network query now answers from a new snapshot.";
        Field<NonNullGraphType<LongScalar>>("dataVersion").Description("The new data version.").ResolveSource(s => s.DataVersion);
        Field<NonNullGraphType<StringGraphType>>("cause").Description("The mutation that made the change, e.g. createRelationship.").ResolveSource(s => s.Cause);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("resourceIds").Description("Resources created, changed or deleted.")
            .ResolveSource(s => s.Resources.Select(r => GlobalId.Encode(GlobalId.Resource, r.ResourceId)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("relationshipIds").Description("Ties created, changed or deleted.")
            .ResolveSource(s => s.Relationships.Select(t => GlobalId.Encode(GlobalId.Relationship, t.RelationshipId)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("areaIds").Description("Areas created or changed.")
            .ResolveSource(s => s.AreaIds.Select(id => GlobalId.Encode(GlobalId.Area, id)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("activityIds").Description("Activities created, changed or deleted.")
            .ResolveSource(s => s.Activities.Select(a => GlobalId.Encode(GlobalId.Activity, a.ActivityId)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("introductionIds").Description("Introductions recorded, changed or deleted.")
            .ResolveSource(s => s.Introductions.Select(i => GlobalId.Encode(GlobalId.Introduction, i.IntroductionId)).ToList());
    }
}
