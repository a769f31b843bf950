using GraphQL;
using GraphQL.DataLoader;
using ResourceMap.Api.Loading;
using GraphQL.Types;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Protection;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;

namespace ResourceMap.Api.Schema;

public static class NodeQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this global id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id.")
            .Resolve(c => Load(c, c.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("The objects with these global ids, in the same order; null where there is none.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids (at most GraphQL:MaxListItems, 500 by default).")
            .ListSize(1, "ids")
            .Resolve(c => new CombinedResult<object?>(c.GetArgument<List<string>>("ids").Select(id => Load(c, id)).ToList()));
    }

    private static IDataLoaderResult<object?> Load(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key)) return None;
        return type switch
        {
            GlobalId.Resource => Untyped(context.Service<ResourceLoaders>().ById.Load(key)),
            GlobalId.Relationship => Untyped(context.Service<RelationshipLoaders>().ById.Load(key)),
            GlobalId.Area => Untyped(context.Service<AreaLoaders>().ById.Load(key)),
            GlobalId.Activity => Untyped(context.Service<Activities.ActivityLoaders>().ById.Load(key)),
            GlobalId.Introduction => Untyped(context.Service<Activities.ActivityLoaders>().IntroductionById.Load(key)),
            _ => None,
        };
    }

    private static readonly IDataLoaderResult<object?> None = new KnownResult<object?>(null);

    private static IDataLoaderResult<object?> Untyped<T>(IDataLoaderResult<T> result) => new MappedResult<T, object?>(result, v => v);
}
