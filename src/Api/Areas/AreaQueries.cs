using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Paging;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Areas;

public static class AreaQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AreaConnectionType>>("areas")
            .Description("Areas matching every filter given, by id.")
            .Argument<ListGraphType<NonNullGraphType<AreaKindEnum>>>("kinds", "Only these kinds.")
            .Argument<IdGraphType>("parentId", "Only areas directly inside this one.")
            .Argument<StringGraphType>("text", "Words in the name; case and accents are ignored.")
            .Paged()
            .ResolveAsync(async c =>
            {
                await using var db = c.Db();
                IQueryable<Area> query = db.Areas.AsNoTracking();
                if (c.GetArgument<List<AreaKind>?>("kinds") is { Count: > 0 } kinds) query = query.Where(a => kinds.Contains(a.Kind));
                if (c.GetArgument<string?>("parentId") is { } parentId)
                {
                    var key = GlobalId.Decode(parentId, GlobalId.Area, "parentId");
                    query = query.Where(a => a.ParentId == key);
                }
                if (c.GetArgument<string?>("text") is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    var folded = TextFolding.Fold(text.Trim());
                    query = query.Where(a => a.SearchText.Contains(folded));
                }
                return await query.OrderBy(a => a.Id).ToConnectionAsync(c.GetPageRequest(), c.CancellationToken);
            });

        query.Field<AreaNode>("area")
            .Description("The area with this id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of an area.")
            .Resolve(c => c.Service<AreaLoaders>().ById.Load(GlobalId.Decode(c.GetArgument<string>("id"), GlobalId.Area, "id")));
    }
}
