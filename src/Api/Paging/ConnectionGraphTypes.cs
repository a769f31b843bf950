using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using ResourceMap.Api.Schema;
using ResourceMap.Api.Protection;

namespace ResourceMap.Api.Paging;

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in the whole list.";
        Field(p => p.HasNextPage).Description("True when items follow this page.");
        Field(p => p.HasPreviousPage).Description("True when items precede this page.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first item of the page.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last item of the page.");
    }
}

/// <summary>A Relay connection type named after its node type: <c>ResourceConnection</c>, <c>ResourceEdge</c>.</summary>
public class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var nodeName = typeof(TNodeType).Name.Replace("Node", "").Replace("Type", "");
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges").Description("The items of the page with their cursors.").ResolveSource(s => s.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Description("The items of the page.").ResolveSource(s => s.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging information.").ResolveSource(s => s.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items match, over all pages.").ResolveSource(s => s.TotalCount);
    }
}

public class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        var nodeName = typeof(TNodeType).Name.Replace("Node", "").Replace("Type", "");
        Name = nodeName + "Edge";
        Description = $"One {nodeName} item of a page.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque position of the item, for 'after' and 'before'.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").ResolveSource(s => s.Node);
    }
}

public static class PagingArguments
{
    /// <summary>Adds Relay's first/after/last/before arguments.</summary>
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field
            .Argument<IntGraphType>("first", $"Items after 'after' (default {PageRequest.DefaultPageSize}, at most {PageRequest.MaxPageSize}).")
            .Argument<StringGraphType>("after", "Cursor after which the page starts.")
            .Argument<IntGraphType>("last", $"Items before 'before' (at most {PageRequest.MaxPageSize}).")
            .Argument<StringGraphType>("before", "Cursor before which the page ends.");
        // Priced as a page of 'first' or 'last' items, else of the default page size (Hot Chocolate's connection rule).
        field.FieldType.ListSize(PageRequest.DefaultPageSize, ["first", "last"], ["edges", "nodes"]);
        return field;
    }

    public static PageRequest GetPageRequest(this IResolveFieldContext context) => new(
        context.GetArgument<int?>("first"), context.GetArgument<string?>("after"),
        context.GetArgument<int?>("last"), context.GetArgument<string?>("before"))
    {
        // A map reading pages forward rarely asks for the total: then no COUNT is run (see QueryPaging).
        CountTotal = context.SubFields?.Values.Any(f => f.Field.Name.Value.Span is "totalCount") ?? true,
    };
}
