using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Schema;
using ResourceMap.Graph.Network;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Network;

public sealed class NetworkScopeInputType : InputObjectGraphType
{
    public NetworkScopeInputType()
    {
        Name = "NetworkScopeInput";
        Description = "Which part of the network to analyse. Everything is optional: without a scope, the whole network with the ties valid today.";
        Field<DateOnlyGraphType>("asOf").Description("Only ties valid on this day (since ≤ day ≤ until); today (UTC) when left out.");
        Field<IdGraphType>("areaId").Description("Only actors of this area and the areas inside it.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("targetGroups").Description("Only actors serving at least one of these target groups.");
        Field<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>("relationshipTypes").Description("Only ties of these types.");
    }

    /// <summary>
    /// The network of the scope in argument <paramref name="argument"/> (the whole network when it is absent) with the
    /// metric families the field's selection reads.
    /// </summary>
    public static Task<NetworkView> ViewAsync(IResolveFieldContext context, string argument = "scope")
    {
        var input = context.GetArgument<Dictionary<string, object?>?>(argument) is { } d ? new InputFields(d) : null;
        var areaId = input?.String("areaId");
        return context.Service<NetworkLoader>().ViewAsync(
            areaId is null ? null : GlobalId.Decode(areaId, GlobalId.Area, "scope.areaId"),
            input?.Raw("asOf") as DateOnly? ?? DateOnly.FromDateTime(DateTime.UtcNow),
            input?.Strings("targetGroups"),
            (input?.Raw("relationshipTypes") as IEnumerable<object?>)?.OfType<RelationshipType>().ToList(),
            RequestedFamilies.Of(context),
            context.CancellationToken);
    }
}
