using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

public static class RelationshipQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<RelationshipConnectionType>>("relationships")
            .Description("Ties matching every filter given, by id.")
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>("types", "Only ties of these types.")
            .Argument<IdGraphType>("resourceId", "Only ties of this resource, in either direction.")
            .Argument<DateOnlyGraphType>("activeOn", "Only ties valid on this day.")
            .Argument<IntGraphType>("minStrength", "Only ties at least this strong.")
            .Argument<RelationshipFilterInputType>("where", "Conditions in the style of Hot Chocolate, combined with the arguments above.")
            .Argument<ListGraphType<NonNullGraphType<RelationshipSortInputType>>>("order", "Sort order, e.g. [{ strength: DESC }]; by id when absent.")
            .Paged()
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                IQueryable<Relationship> query = db.Relationships.AsNoTracking();
                if (c.GetArgument<List<RelationshipType>?>("types") is { Count: > 0 } types) query = query.Where(t => types.Contains(t.Type));
                if (c.GetArgument<string?>("resourceId") is { } resourceId)
                {
                    var key = GlobalId.Decode(resourceId, GlobalId.Resource, "resourceId");
                    query = query.Where(t => t.SourceId == key || t.TargetId == key);
                }
                if (c.GetArgument<DateOnly?>("activeOn") is { } day)
                    query = query.Where(t => (t.Since == null || t.Since <= day) && (t.Until == null || t.Until >= day));
                if (c.GetArgument<int?>("minStrength") is { } minStrength) query = query.Where(t => t.Strength >= minStrength);

                if (c.GetArgument<Dictionary<string, object?>?>("where") is { } where) query = query.Where(RelationshipFilters.Where.Build(where));
                return await RelationshipFilters.Order.Apply(query, c.GetArgument<List<object?>?>("order"), t => t.Id).ToConnectionAsync(c.GetPageRequest(), c.CancellationToken);
            });

        query.Field<RelationshipNode>("relationship")
            .Description("The tie with this id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of a tie.")
            .Resolve(c => c.Service<RelationshipLoaders>().ById.Load(GlobalId.Decode(c.GetArgument<string>("id"), GlobalId.Relationship, "id")));
    }
}
