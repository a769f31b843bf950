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
        Field<BooleanGraphType>("activityTies").Description("Also tie actors who took part in activities together (the two-mode network projected onto actors): one more tie per pair, of strength ⌈Σ 2^(−age/half-life)⌉ from 1 to 5 over the activities they shared, each aged from the last day it was held by 'asOf'; pairs below 1/8 left out. Such ties are no relationships: they have no id and are not in tiesBuilt, bridges' or paths' relationships. Default false.");
        Field<IntGraphType>("activityHalfLifeDays").Description("With activityTies: after how many days an activity held together counts half (default 365, from 1 to 36500).");
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
            context.CancellationToken,
            ActivityHalfLife(input));
    }

    /// <summary>The half-life of projected activity ties, or null when the scope asks for none.</summary>
    private static int? ActivityHalfLife(InputFields? input)
    {
        var halfLife = input?.Value<int>("activityHalfLifeDays");
        if (halfLife is < 1 or > 36_500) throw Errors.UserError.BadInput($"'activityHalfLifeDays' must be from 1 to 36500, not {halfLife}.", "scope.activityHalfLifeDays");
        if (input?.Value<bool>("activityTies") != true)
        {
            if (halfLife is not null) throw Errors.UserError.BadInput("'activityHalfLifeDays' needs 'activityTies: true'.", "scope.activityHalfLifeDays");
            return null;
        }
        return halfLife ?? ActivityProjection.DefaultHalfLifeDays;
    }
}
